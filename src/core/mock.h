/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mock: the pure parts of a mock interview: which questions to ask, the
 * verdict, what to practise next, and the scorecard as text.
 *
 * mock_pick() chooses the set from the queue's view of the bank (core/
 * queue.h: cards, last scores, filters) and when each question was last
 * answered.  Slot i takes a question of categories[i % ncat]; within a
 * category the order is
 *
 *   1. due questions (card.due <= now), earliest due first;
 *   2. answered, not due: lowest last score first (the weak ones);
 *   3. never answered, in input order;
 *
 * and any question answered in the last `recent_s` seconds comes after
 * all of those, so it is asked only when nothing else is left.  A slot
 * whose category has nothing left takes the best question of any listed
 * category.  A question is never picked twice.
 *
 * The verdict weighs the main answers only, a question not answered
 * counting 0 (docs/MOCK.md):
 *
 *   hire       mean >= 75 and no answer below 50
 *   lean hire  mean >= 65
 *   lean no    mean >= 50
 *   no         otherwise
 *
 * mock_render() writes the scorecard for a terminal `width` columns wide
 * (at least 40 is assumed; every line fits it): a header, one row per
 * question with its follow-up under it, the weakest criterion and the
 * first sentence of its feedback wrapped at words (two lines at most),
 * the verdict with its thresholds and the thing to practise next.
 * Untrusted strings (ids, categories, labels, feedback) go through
 * safe_term().  Pure: appends to a caller-owned sb; borrows its input.
 */
#ifndef PMDRILL_MOCK_H
#define PMDRILL_MOCK_H

#include <stddef.h>

struct sb;
struct queue_question;
struct queue_opts;

#define MOCK_HIRE_MEAN 75.0
#define MOCK_HIRE_FLOOR 50.0
#define MOCK_LEAN_HIRE_MEAN 65.0
#define MOCK_LEAN_NO_MEAN 50.0
#define MOCK_RECENT_S (7LL * 86400)

enum mock_verdict {
	MOCK_NONE = 0, /* nothing to judge */
	MOCK_HIRE,
	MOCK_LEAN_HIRE,
	MOCK_LEAN_NO,
	MOCK_NO
};

struct mock_pick_opts {
	const char *const *categories; /* ncat >= 1 */
	size_t ncat;
	size_t count;
	const struct queue_opts *filter; /* level, tag; its category is ignored */
	long long now;
	long long recent_s;
};

/*
 * Choose up to o->count questions among qs[0..n) into out[] (indexes into
 * qs; out holds o->count entries); last_seen[i] is when qs[i] was last
 * answered (0 never).  Returns how many were chosen.
 */
size_t mock_pick(const struct queue_question *qs, size_t n,
		 const long long *last_seen, const struct mock_pick_opts *o,
		 size_t *out);

/* One question of the set as it went. */
struct mock_row {
	const char *question; /* id */
	const char *category;
	int answered; /* a main answer was saved */
	int scored;
	double score; /* 0..100 */
	int grade;    /* 1..4; 0 none */
	unsigned time_s, limit_s;
	const char *weakest;  /* the weakest criterion's label, or NULL */
	const char *feedback; /* its feedback, or NULL */
	int fu_answered;      /* the follow-up */
	int fu_scored;
	double fu_score;
	int fu_grade;
	unsigned fu_time_s, fu_limit_s;
};

struct mock_card {
	long long id;
	const char *when;   /* e.g. "2026-03-02 09:00" */
	unsigned limit_s;   /* the whole set's limit; 0 none */
	unsigned spent_s;   /* time spent answering */
	const char *ending; /* e.g. "time ran out", or NULL */
	const struct mock_row *rows;
	size_t n;
	const char *practise; /* the criterion missed most, or NULL */
	const char *practise_category;
	unsigned practise_missed, practise_of;
};

/* The verdict of rows[0..n); *mean (may be NULL) gets the mean used. */
enum mock_verdict mock_verdict(const struct mock_row *rows, size_t n,
			       double *mean);
/* "hire", "lean hire", "lean no", "no"; "-" for MOCK_NONE. */
const char *mock_verdict_name(enum mock_verdict v);

/* A criterion's result in one answer of the set, for mock_practise(). */
struct mock_crit {
	const char *label;
	const char *category;
	int met;
	double share; /* points earned of those possible, 0..1 */
};
/*
 * The criterion (by label and category) missed in the most answers of
 * v[0..n); ties go to the higher miss rate, then to the lower share of
 * its points earned (the one missed by most), then the first seen.
 * Returns
 * its index in v, or n when nothing was missed; *missed and *of count the
 * answers that missed it and that were judged on it.
 */
size_t mock_practise(const struct mock_crit *v, size_t n, unsigned *missed,
		     unsigned *of);

void mock_render(struct sb *out, const struct mock_card *c, unsigned width);

#endif
