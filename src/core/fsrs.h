/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fsrs: the FSRS-6 memory model and day-based scheduler (docs/fsrs.md).
 *
 * The reference is py-fsrs 6.3.1 in its pure day-based configuration: no
 * learning or relearning steps and no fuzz, so after its first review every
 * card is a review card and every interval is a whole number of days.
 * Where py-fsrs and fsrs-rs differ we follow py-fsrs: a same-day Hard or
 * Again may lower stability, and stability has no upper bound (only the
 * interval is capped, at maximum_interval).
 *
 * Everything here is pure: no clock, no I/O, no allocation, no globals.
 * Times are Unix seconds (UTC) passed in by the caller; the elapsed time t
 * is floor((now - last_review) / 86400), whole 24-hour periods with no time
 * zone, and a negative t (the clock went backwards) counts as a same-day
 * review.  Times must lie within +-FSRS_TIME_MAX so that no sum overflows.
 *
 * Parameters: fill them with fsrs_params_default() and, when they come
 * from outside (a config file, a command line), check them with
 * fsrs_params_validate() first.  The other functions assume valid
 * parameters.
 *
 * Cards: the zero-initialised struct fsrs_card is a valid new card.  The
 * caller owns it; fsrs_review() updates it in place.
 *
 * Errors: functions returning int give 0 on success and -1 on failure, and
 * leave their outputs untouched on failure.
 */
#ifndef PMDRILL_FSRS_H
#define PMDRILL_FSRS_H

#include <stddef.h>

#define FSRS_NPARAMS 21
#define FSRS_S_MIN 0.001
#define FSRS_D_MIN 1.0
#define FSRS_D_MAX 10.0
#define FSRS_DEFAULT_RETENTION 0.9
#define FSRS_DEFAULT_MAX_INTERVAL 36500
/* 2^48 s, about 8.9 million years either side of 1970. */
#define FSRS_TIME_MAX 281474976710656LL
#define FSRS_DAY 86400LL

enum fsrs_rating {
	FSRS_RATING_AGAIN = 1,
	FSRS_RATING_HARD = 2,
	FSRS_RATING_GOOD = 3,
	FSRS_RATING_EASY = 4
};

struct fsrs_params {
	double w[FSRS_NPARAMS];   /* w[20] is the forgetting-curve decay */
	double desired_retention; /* in (0, 1); 0.9 by default */
	int maximum_interval;     /* days, >= 1; 36500 by default */
};

struct fsrs_card {
	int reviewed;          /* 0: new card, every other field ignored */
	double stability;      /* days, >= FSRS_S_MIN */
	double difficulty;     /* [FSRS_D_MIN, FSRS_D_MAX] */
	long long last_review; /* Unix s of the latest review */
	long long due;         /* Unix s; informational, never read back */
	int reps;              /* reviews so far */
	int lapses;            /* Again on a card already reviewed */
};

/* What one review did, for logs and the replay command. */
struct fsrs_review {
	int is_first;           /* the card's first review */
	long long elapsed_days; /* t, may be negative; -1 when is_first */
	double retrievability;  /* R(max(t, 0)) before it; -1 when is_first */
	double stability;       /* after the review */
	double difficulty;      /* after the review */
	int interval_days;      /* [1, maximum_interval] */
	long long due;          /* now + interval_days * 86400 */
};

/* The FSRS-6 defaults (docs/fsrs.md §3), retention 0.9, 36500 days. */
void fsrs_params_default(struct fsrs_params *p);

/*
 * Check every w[i] against the range py-fsrs accepts, 0 < retention < 1
 * and maximum_interval >= 1.  On failure returns -1 and, if errlen > 0,
 * writes a NUL-terminated message such as "w[20] = 0.9 is outside
 * [0.1, 0.8]" into err.
 */
int fsrs_params_validate(const struct fsrs_params *p, char *err, size_t errlen);

/*
 * Review `card` with `rating` (1..4, enum fsrs_rating) at `now`: update
 * its stability, difficulty, last_review, due, reps and lapses, and, if
 * `out` is not NULL, describe the review there.  Returns -1, changing
 * nothing, for a rating outside 1..4, a time outside +-FSRS_TIME_MAX, or
 * a reviewed card whose stability or difficulty is out of range (NaN
 * included).
 */
int fsrs_review(const struct fsrs_params *p, struct fsrs_card *card, int rating,
		long long now, struct fsrs_review *out);

/*
 * The probability of recall at `now`, in (0, 1]: 1 until a whole day has
 * passed since the last review.  A never-reviewed card (or one with an
 * invalid stability) gives 0, so it sorts as the most forgotten.
 */
double fsrs_retrievability(const struct fsrs_params *p,
			   const struct fsrs_card *card, long long now);

/*
 * The interval in days for a stability: the desired retention's point on
 * the forgetting curve, rounded half to even, then clamped to
 * [1, maximum_interval].  Exported for tests and for "what if" displays.
 */
int fsrs_interval(const struct fsrs_params *p, double stability);

/* floor((now - then) / 86400), correct for negative differences. */
long long fsrs_elapsed_days(long long then, long long now);

/*
 * "1".."4" or again/hard/good/easy (any case) to 1..4; -1 for anything
 * else.  fsrs_rating_name() is the reverse ("again"...), NULL outside 1..4.
 */
int fsrs_rating_parse(const char *s);
const char *fsrs_rating_name(int rating);

#endif
