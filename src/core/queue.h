/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * queue: which questions a drill asks, in which order, and why.
 *
 * queue_build() is pure: the candidate questions (from the banks, with
 * the card state the store keeps for each), the options and the clock go
 * in; an ordered list of entries comes out.  The normal queue is:
 *
 *   1. due questions (card.due <= now), lowest retrievability first, ties
 *      by earlier due time, then input order;
 *   2. then new questions (never scheduled), at most
 *      new_per_day - (questions first scheduled today, UTC), categories
 *      interleaved: round-robin over the categories in name order, each
 *      category's questions in input order.
 *
 * Cram mode takes every matching question, weakest first (never answered,
 * then lowest last score, then lowest retrievability, then input order),
 * and touches no schedule: the caller must not update cards for it.
 * Filters (category, tag, level) apply in both modes; `limit` caps the
 * length (0: no cap).  The same input always gives the same queue.
 *
 * The queue borrows nothing from its input but indexes: entries name the
 * question by its position in the array passed in.  queue_release() frees
 * the entries; a zeroed struct queue is valid and empty.
 */
#ifndef PMDRILL_QUEUE_H
#define PMDRILL_QUEUE_H

#include <stddef.h>

#include "fsrs.h"

struct sb;

struct queue_question {
	const char *id;       /* borrowed, for messages only */
	const char *category; /* borrowed; NULL sorts as "" */
	char *const *tags;    /* borrowed */
	size_t ntags;
	int level;              /* enum qlevel; 0 none */
	struct fsrs_card card;  /* card.reviewed == 0: new */
	long long first_review; /* first scheduled review; 0 never */
	double last_score;      /* latest score 0..100; < 0 never scored */
	int attempts;           /* attempts so far, follow-ups included */
};

struct queue_opts {
	const char *category; /* NULL: any */
	const char *tag;      /* NULL: any */
	int level;            /* enum qlevel; 0: any */
	int cram;
	size_t limit;                     /* 0: no cap */
	int new_per_day;                  /* >= 0 */
	const struct fsrs_params *params; /* for retrievability */
	long long now;                    /* Unix s, UTC */
};

enum queue_reason { QUEUE_DUE = 1, QUEUE_NEW, QUEUE_CRAM };

struct queue_entry {
	size_t index;          /* into the questions passed to queue_build */
	int reason;            /* enum queue_reason */
	long long due;         /* the card's due time; 0 for a new card */
	double retrievability; /* at now; 0 for a new card */
	double last_score;     /* copied from the question; < 0 none */
};

struct queue {
	struct queue_entry *v;
	size_t nr, alloc;
	size_t due_total; /* due questions matching the filters (before limit) */
	size_t new_total; /* new questions matching the filters */
	int new_today;    /* questions first scheduled today (all of them) */
	int new_left;     /* new questions still allowed today */
};

/* Fill q (emptied first) from n questions; 0, or -1 on bad options
 * (no params, new_per_day < 0). */
int queue_build(struct queue *q, const struct queue_question *qs, size_t n,
		const struct queue_opts *o);
void queue_release(struct queue *q);

/* Does question qq pass the filters of o? */
int queue_matches(const struct queue_question *qq, const struct queue_opts *o);

/* Cards with card.due <= until, among questions passing the filters. */
size_t queue_count_due(const struct queue_question *qs, size_t n,
		       const struct queue_opts *o, long long until);
/* The same for each of nuntil times in increasing order, in one pass:
 * counts[k] = queue_count_due(qs, n, o, until[k]). */
void queue_count_due_upto(const struct queue_question *qs, size_t n,
			  const struct queue_opts *o, const long long *until,
			  size_t nuntil, size_t *counts);

/*
 * Why an entry is in the queue, for people: "due since 2026-03-01 09:00
 * UTC, recall 85%", "new", "cram: last score 62" or "cram: never
 * answered".
 */
void queue_describe(const struct queue_entry *e, struct sb *out);
/* The reason's stable name: "due", "new", "cram". */
const char *queue_reason_name(int reason);

/* Start of the UTC day that contains t. */
long long queue_day_start(long long t);

#endif
