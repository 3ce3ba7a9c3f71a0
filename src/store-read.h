/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-read: what the store holds, read back (store-read.c): attempts
 * and their criteria, a report rebuilt from them, full-text search, the
 * counts behind `stats`, the points behind the charts, and the UTC date
 * formats every listing uses.  Errors and memory as store.h says.
 */
#ifndef PMDRILL_STORE_READ_H
#define PMDRILL_STORE_READ_H

#include <stddef.h>
#include <stdint.h>

#include "score.h"

struct sb;
struct store;

/* One criterion's stored result. */
struct store_item {
	char *name;
	char *label;
	int kind; /* enum crit_kind */
	double weight, earned, scaled;
	int active, met, limited;
	char *detail;   /* may be NULL */
	char *feedback; /* may be NULL */
	char *evidence; /* JSON [{"start":S,"end":E[,"what":W]}...] */
};

/* One attempt as stored. */
struct store_attempt {
	long long id;
	char *question_id;
	char *category; /* the question's latest category; may be NULL */
	char *prompt;   /* the text asked; may be NULL */
	long long started_at;
	long duration_ms; /* -1 unknown */
	char *answer;     /* NUL-terminated, answer_len bytes */
	size_t answer_len;
	char *answer_hash; /* 16 hex digits, FNV-1a 64 of the answer */
	int follow_up;     /* -1 main answer */
	long long parent;  /* 0 none */
	int scored;        /* finished: score fields valid */
	double score;      /* -1 when not scored */
	unsigned words;
	char *rubric; /* may be NULL */
	uint64_t rubric_version;
	int auto_grade; /* 0 none, else 1..4 */
	int final_grade;
	int scheduled;
	long long reviewed_at; /* the review's time; 0 if not scheduled */
	/* The card after this attempt's review (scheduled attempts only). */
	double stability, difficulty, retrievability; /* R before; -1 first */
	long long elapsed_days;
	int interval_days;
	long long due;
	int grade_changes; /* overrides recorded (undoable) */
	/* Criteria, when loaded with items (store_get_attempt). */
	struct store_item *items;
	size_t nitems;
	char *notes; /* JSON array of strings; may be NULL */
	unsigned sentences, limit_s;
	double wpm, prose_share, density, guard, length_factor;
	long long session_id; /* the mock interview it was part of; 0 none */
};

void store_attempt_release(struct store_attempt *a);
void store_attempts_free(struct store_attempt *v, size_t n);

/* One attempt in full, with its criteria. */
int store_get_attempt(struct store *st, long long id, struct store_attempt *a,
		      struct sb *err);

/* Filters for store_list_attempts(); a zeroed struct means "all". */
struct store_filter {
	const char *question_id;
	long long since;      /* started_at >= since; 0 none */
	long long before_id;  /* id < before_id; 0 none */
	size_t limit;         /* 0 none */
	int oldest_first;     /* default newest first */
	int main_only;        /* leave follow-ups out */
	long long session_id; /* only this session's attempts; 0 any */
};
/* Attempts without their criteria (items == NULL). */
int store_list_attempts(struct store *st, const struct store_filter *f,
			struct store_attempt **out, size_t *n, struct sb *err);

/*
 * Rebuild a score report from an attempt's stored rows, for
 * report_print().  The store_report owns every string the report points
 * to; release it with store_report_release() (not score_report_release).
 */
struct store_report {
	struct score_report rep;
	char **owned;
	size_t nowned, aowned;
};
int store_report_from(const struct store_attempt *a, struct store_report *out);
void store_report_release(struct store_report *r);

/* Full-text search over answers. */
struct store_hit {
	long long attempt_id;
	char *question_id;
	long long started_at;
	double score;  /* -1 not scored */
	char *snippet; /* markers around hits: see store_search() */
};
/*
 * Search answers with FTS5, best match first, then newest.  Text that is
 * not valid FTS5 syntax is searched as a phrase.  Hits in the snippet are
 * wrapped in `open`/`close` (e.g. "\033[1m" and "\033[m", or "" and "").
 */
int store_search(struct store *st, const char *query, size_t limit,
		 const char *open, const char *close, struct store_hit **out,
		 size_t *n, struct sb *err);
void store_hits_free(struct store_hit *v, size_t n);

/* Counts for `stats`. */
struct store_cat {
	char *category;
	int attempts;   /* scored main answers */
	double average; /* their mean score */
};
struct store_stats {
	int attempts; /* every attempt, follow-ups included */
	int scored;
	int questions;  /* distinct questions attempted */
	int streak;     /* days, see store_streak() */
	int today;      /* attempts today (UTC) */
	double average; /* mean score of scored main answers; -1 none */
	struct store_cat *cats;
	size_t ncats;
};
/*
 * Consecutive UTC days up to today with at least one attempt; a today
 * without an attempt yet does not break yesterday's streak.
 */
int store_streak(struct store *st, long long now, int *days, struct sb *err);
int store_stats(struct store *st, long long now, struct store_stats *out,
		struct sb *err);
void store_stats_release(struct store_stats *s);

/*
 * Every attempt in time order, as the progress charts need it and no
 * more (no answer text, notes or criteria): it is read from the
 * attempts_progress index.  fn returns 0 to go on; anything else stops
 * the walk and is returned.  category is "?" for an unknown question and
 * is only valid during the call; score is -1 when unscored.
 */
struct store_point {
	long long id, started_at;
	const char *category;
	int follow_up; /* -1 for a main answer */
	int scheduled;
	double score;
};
typedef int store_point_fn(const struct store_point *p, void *data);
int store_each_point(struct store *st, store_point_fn *fn, void *data,
		     struct sb *err);

/*
 * From the summaries schema 6 keeps (docs/SCHEMA.md, `category_days` and
 * `trend_points`), reading a few thousand small rows whatever the
 * history's length, for `stats` (text and JSON).
 *
 * store_stats_summary() fills what store_stats() does, the same counts;
 * its averages come from exact sums (millionths of a point), where
 * store_stats() adds the scores up one by one in SQLite's order: the two
 * can differ in the last bits of a double, and so round to different
 * whole points for an average within that error of a half (`stats`
 * reads the attempts then).
 */
int store_stats_summary(struct store *st, long long now,
			struct store_stats *out, struct sb *err);
/* The mean score of scored main answers exactly as store_stats() adds it
 * up (one by one, in SQLite's order; -1 for none): one scan of an index,
 * for when the exact mean lies too close to a rounding boundary. */
int store_stats_average(struct store *st, double *average, struct sb *err);

/* Attempts per UTC day and the charts' averages, as store_each_point()
 * would count them: for one category (NULL: all). */
struct store_day {
	long long day; /* UTC day number: store_day_start(t) / 86400 */
	unsigned attempts;
};
struct store_days {
	/* days with attempts from from_day on, in order; the caller frees
	 * v with free() (NULL on error) */
	struct store_day *v;
	size_t n;
	/* scored attempts (score >= 0): main answers scheduled (drills) or
	 * not (cram), and follow-ups; each with its sum of scores */
	unsigned drills, crams, follow_ups;
	double drill_sum, cram_sum, follow_up_sum;
};
int store_day_summary(struct store *st, const char *category,
		      long long from_day, struct store_days *out,
		      struct sb *err);

/*
 * Each category's scored main answers (score >= 0), by category, then
 * oldest first (started_at, then id), for one category (NULL: all); p has
 * follow_up -1 and scheduled 0.  fn as for store_each_point(), except
 * that started_at is read for each category's first point only (0 for
 * the others): the walk reads ids and scores, one category at a time.
 */
int store_each_trend_point(struct store *st, const char *category,
			   store_point_fn *fn, void *data, struct sb *err);

/*
 * Each criterion stored for the attempts ids[0..n), attempt by attempt in
 * that order and in rubric order within one, to fn with the attempt's
 * index i: what the progress charts' weaknesses need and no more (no
 * answer, evidence or feedback).  Strings are valid during the call only;
 * label may be NULL, kind is an enum crit_kind (-1 unknown).  fn returns
 * 0 to go on; anything else stops the walk and is returned.
 */
struct store_criterion {
	const char *name, *label;
	int kind, active, met;
};
typedef int store_criterion_fn(size_t i, const struct store_criterion *c,
			       void *data);
int store_each_criterion(struct store *st, const long long *ids, size_t n,
			 store_criterion_fn *fn, void *data, struct sb *err);

/* Dates, in UTC. */
/* "YYYY-MM-DD" (UTC) of a Unix time into out. */
void store_fmt_date(struct sb *out, long long t);
/* "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
void store_fmt_time(struct sb *out, long long t);
/* "YYYY-MM-DD HH:MM" (UTC), as history and the HTML report show it. */
void store_fmt_minute(struct sb *out, long long t);
/* Start of the UTC day containing t. */
long long store_day_start(long long t);

#endif
