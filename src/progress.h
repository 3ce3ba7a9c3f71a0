/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * progress: the figures behind the progress charts, read from the store
 * once for every view of them (`stats`, `report --html`).
 *
 * progress_gather() walks the history oldest first: per-category trends of
 * scored main answers (with their attempt ids), attempts per UTC day for
 * the last CHART_CAL_DAYS days, averages of drills, cram and follow-ups
 * apart, and each category's criteria missed in its latest answers.
 * progress_count_due() counts what is due today, tomorrow and on each of
 * the next CHART_DUE_DAYS days (from the queue input drill uses).  Both
 * take an optional category filter and st may be NULL (no history yet).
 * Strings in the structs are owned by them; progress_release() frees
 * them (a zeroed struct progress is valid).  Errors are store statuses.
 */
#ifndef PMDRILL_PROGRESS_H
#define PMDRILL_PROGRESS_H

#include <stddef.h>

#include "chart.h"

struct bank;
struct sb;
struct store;

/* Attempts a weakness is judged over: each category's latest ones. */
#define WEAK_RECENT 10u
#define WEAK_SHOWN 2u /* per category */

struct due_counts {
	int have;                          /* the banks loaded */
	unsigned forecast[CHART_DUE_DAYS]; /* due each day, [0] today (overdue in) */
	size_t today;     /* due by the end of today (overdue included) */
	size_t tomorrow;  /* due during tomorrow */
	int new_left;     /* new questions still allowed today */
	size_t new_avail; /* of those, how many the banks can supply */
};

/* One category's scored main answers, oldest first. */
struct trend {
	char *category;
	double *scores;
	long long *ids;
	size_t n, alloc, nid_alloc;
};

struct weak {
	char *label, *category;
	unsigned missed, total;
};

/* Averages kept apart: a cram pass or a follow-up is not a drill. */
struct kind_avg {
	double sum;
	unsigned n;
};

struct progress {
	struct trend *t;
	size_t nt, at;
	unsigned activity[CHART_CAL_DAYS];
	struct kind_avg drill, cram, followup;
	struct weak *w;
	size_t nw, aw;
	struct chart_day today;
};

int progress_count_due(struct store *st, struct bank *b, long long now,
		       const char *category, struct due_counts *d,
		       struct sb *err);
int progress_gather(struct store *st, long long now, const char *category,
		    struct progress *p, struct sb *err);
/*
 * progress_gather()'s figures from the store's summaries (schema 6), for
 * `stats` (text and JSON): the same trends, activity and weaknesses; the
 * averages from exact sums (store_day_summary(), store-read.h), which may
 * differ from the walk's running sums in a double's last bits.
 */
int progress_gather_summary(struct store *st, long long now,
			    const char *category, struct progress *p,
			    struct sb *err);
void progress_release(struct progress *p);

#endif
