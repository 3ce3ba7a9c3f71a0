/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The FSRS-6 memory model and day-based interval, after py-fsrs 6.3.1. */
#include "fsrs.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * py-fsrs writes e^x as math.e ** x, i.e. pow(e, x); doing the same keeps
 * us bit-for-bit closer to the vectors than exp() would (both are far
 * inside the tolerances).
 */
#define FSRS_E 2.718281828459045

static const double default_w[FSRS_NPARAMS] = {
	0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
	0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* The bounds py-fsrs checks parameters against (docs/fsrs.md §3). */
static const struct {
	double lo, hi;
} w_range[FSRS_NPARAMS] = {
	{0.001, 100},  /* w0: S0 Again */
	{0.001, 100},  /* w1: S0 Hard */
	{0.001, 100},  /* w2: S0 Good */
	{0.001, 100},  /* w3: S0 Easy */
	{1, 10},       /* w4: initial difficulty base */
	{0.001, 4},    /* w5: initial difficulty slope */
	{0.001, 4},    /* w6: difficulty step */
	{0.001, 0.75}, /* w7: mean reversion */
	{0, 4.5},      /* w8: recall growth scale */
	{0, 0.8},      /* w9: recall: stability exponent */
	{0.001, 3.5},  /* w10: recall: R sensitivity */
	{0.001, 5},    /* w11: lapse scale */
	{0.001, 0.25}, /* w12: lapse: D exponent */
	{0.001, 0.9},  /* w13: lapse: S exponent */
	{0, 4},        /* w14: lapse: R sensitivity */
	{0, 1},        /* w15: Hard penalty */
	{1, 6},        /* w16: Easy bonus */
	{0, 2},        /* w17: same-day rating scale */
	{0, 2},        /* w18: same-day rating offset */
	{0, 0.8},      /* w19: same-day S exponent */
	{0.1, 0.8},    /* w20: decay */
};

static const char *const rating_names[] = {"again", "hard", "good", "easy"};

static double e_pow(double x)
{
	return pow(FSRS_E, x);
}

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static double decay(const struct fsrs_params *p)
{
	return -p->w[20];
}

/* Chosen so that R(t = S) = 0.9 whatever the desired retention. */
static double factor(const struct fsrs_params *p)
{
	return pow(0.9, 1.0 / decay(p)) - 1.0;
}

static double curve(const struct fsrs_params *p, long long t, double s)
{
	if (t < 0)
		t = 0;
	return pow(1.0 + factor(p) * (double)t / s, decay(p));
}

/* Unclamped: mean reversion aims at the raw D0(Easy), below 1. */
static double initial_difficulty(const struct fsrs_params *p, int rating)
{
	return p->w[4] - e_pow(p->w[5] * (double)(rating - 1)) + 1.0;
}

static double next_difficulty(const struct fsrs_params *p, double d, int rating)
{
	double delta = -(p->w[6] * (double)(rating - 3));
	double damped = d + (10.0 - d) * delta / 9.0;
	double reverted = p->w[7] * initial_difficulty(p, FSRS_RATING_EASY) +
			  (1.0 - p->w[7]) * damped;

	return clamp(reverted, FSRS_D_MIN, FSRS_D_MAX);
}

/* Hard and Again are not floored at 1, so they may shrink S (py-fsrs). */
static double same_day_stability(const struct fsrs_params *p, double s,
				 int rating)
{
	double inc = e_pow(p->w[17] * ((double)(rating - 3) + p->w[18])) *
		     pow(s, -p->w[19]);

	if (rating >= FSRS_RATING_GOOD && inc < 1.0)
		inc = 1.0;
	return s * inc;
}

static double recall_stability(const struct fsrs_params *p, double s, double d,
			       double r, int rating)
{
	double hard = rating == FSRS_RATING_HARD ? p->w[15] : 1.0;
	double easy = rating == FSRS_RATING_EASY ? p->w[16] : 1.0;

	return s * (1.0 + e_pow(p->w[8]) * (11.0 - d) * pow(s, -p->w[9]) *
				  (e_pow((1.0 - r) * p->w[10]) - 1.0) * hard *
				  easy);
}

static double lapse_stability(const struct fsrs_params *p, double s, double d,
			      double r)
{
	double long_term = p->w[11] * pow(d, -p->w[12]) *
			   (pow(s + 1.0, p->w[13]) - 1.0) *
			   e_pow((1.0 - r) * p->w[14]);
	double short_term = s / e_pow(p->w[17] * p->w[18]);

	return long_term < short_term ? long_term : short_term;
}

static int time_ok(long long t)
{
	return t >= -FSRS_TIME_MAX && t <= FSRS_TIME_MAX;
}

void fsrs_params_default(struct fsrs_params *p)
{
	memcpy(p->w, default_w, sizeof(p->w));
	p->desired_retention = FSRS_DEFAULT_RETENTION;
	p->maximum_interval = FSRS_DEFAULT_MAX_INTERVAL;
}

int fsrs_params_validate(const struct fsrs_params *p, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < FSRS_NPARAMS; i++) {
		/* Written so that NaN fails too. */
		if (!(p->w[i] >= w_range[i].lo && p->w[i] <= w_range[i].hi)) {
			if (errlen)
				snprintf(err, errlen,
					 "w[%zu] = %g is outside [%g, %g]", i,
					 p->w[i], w_range[i].lo, w_range[i].hi);
			return -1;
		}
	}
	if (!(p->desired_retention > 0.0 && p->desired_retention < 1.0)) {
		if (errlen)
			snprintf(err, errlen,
				 "desired retention %g is outside (0, 1)",
				 p->desired_retention);
		return -1;
	}
	if (p->maximum_interval < 1) {
		if (errlen)
			snprintf(err, errlen,
				 "maximum interval %d is below 1 day",
				 p->maximum_interval);
		return -1;
	}
	return 0;
}

long long fsrs_elapsed_days(long long then, long long now)
{
	long long diff = now - then;
	long long q = diff / FSRS_DAY;

	/* C division truncates; Python's timedelta.days floors. */
	if (diff % FSRS_DAY < 0)
		q--;
	return q;
}

int fsrs_interval(const struct fsrs_params *p, double stability)
{
	double raw = stability / factor(p) *
		     (pow(p->desired_retention, 1.0 / decay(p)) - 1.0);
	/* rint() in the default mode is Python's round(): ties to even. */
	double days = rint(raw);

	if (!(days >= 1.0))
		return 1;
	if (days >= (double)p->maximum_interval)
		return p->maximum_interval;
	return (int)days;
}

double fsrs_retrievability(const struct fsrs_params *p,
			   const struct fsrs_card *card, long long now)
{
	if (!card->reviewed || !(card->stability >= FSRS_S_MIN) ||
	    !time_ok(now) || !time_ok(card->last_review))
		return 0.0;
	return curve(p, fsrs_elapsed_days(card->last_review, now),
		     card->stability);
}

int fsrs_review(const struct fsrs_params *p, struct fsrs_card *card, int rating,
		long long now, struct fsrs_review *out)
{
	struct fsrs_review rv = {0};
	double s, d;

	if (rating < FSRS_RATING_AGAIN || rating > FSRS_RATING_EASY ||
	    !time_ok(now))
		return -1;
	if (card->reviewed && (!(card->stability >= FSRS_S_MIN) ||
			       !(card->difficulty >= FSRS_D_MIN &&
				 card->difficulty <= FSRS_D_MAX) ||
			       !time_ok(card->last_review)))
		return -1;

	if (!card->reviewed) {
		rv.is_first = 1;
		rv.elapsed_days = -1;
		rv.retrievability = -1.0;
		s = p->w[rating - 1];
		d = clamp(initial_difficulty(p, rating), FSRS_D_MIN,
			  FSRS_D_MAX);
	} else {
		long long t = fsrs_elapsed_days(card->last_review, now);
		double r = curve(p, t, card->stability);

		rv.elapsed_days = t;
		rv.retrievability = r;
		/* S moves first, from the old D; then D moves. */
		if (t < 1)
			s = same_day_stability(p, card->stability, rating);
		else if (rating == FSRS_RATING_AGAIN)
			s = lapse_stability(p, card->stability,
					    card->difficulty, r);
		else
			s = recall_stability(p, card->stability,
					     card->difficulty, r, rating);
		d = next_difficulty(p, card->difficulty, rating);
		if (rating == FSRS_RATING_AGAIN)
			card->lapses++;
	}
	if (!(s >= FSRS_S_MIN))
		s = FSRS_S_MIN;

	rv.stability = s;
	rv.difficulty = d;
	rv.interval_days = fsrs_interval(p, s);
	rv.due = now + rv.interval_days * FSRS_DAY;

	card->reviewed = 1;
	card->stability = s;
	card->difficulty = d;
	card->last_review = now;
	card->due = rv.due;
	card->reps++;
	if (out)
		*out = rv;
	return 0;
}

int fsrs_rating_parse(const char *s)
{
	size_t i, j;

	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	for (i = 0; i < 4; i++) {
		const char *name = rating_names[i];

		for (j = 0; name[j] && tolower((unsigned char)s[j]) == name[j];
		     j++)
			;
		if (!name[j] && !s[j])
			return (int)i + 1;
	}
	return -1;
}

const char *fsrs_rating_name(int rating)
{
	if (rating < FSRS_RATING_AGAIN || rating > FSRS_RATING_EASY)
		return NULL;
	return rating_names[rating - 1];
}
