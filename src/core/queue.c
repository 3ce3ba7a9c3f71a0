/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The drill queue: due questions, new ones under a daily limit, or cram. */
#include "queue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "sb.h"
#include "xalloc.h"

/* A sort key; qsort has no context pointer, so each key carries its data. */
struct key {
	size_t index;
	const char *category;
	size_t rank; /* position inside its category (new questions) */
	int never;   /* cram: never scored */
	double score;
	double r;
	long long due;
};

static const char *cat_of(const struct queue_question *qq)
{
	return qq->category ? qq->category : "";
}

static int cmp_size(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_double(double a, double b)
{
	return a < b ? -1 : a > b;
}

static int cmp_due(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = cmp_double(a->r, b->r);
	if (c)
		return c;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return cmp_size(a->index, b->index);
}

static int cmp_cat_index(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = strcmp(a->category, b->category);
	return c ? c : cmp_size(a->index, b->index);
}

/* Round-robin: first every category's first question, then the seconds... */
static int cmp_round(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = cmp_size(a->rank, b->rank);
	if (c)
		return c;
	c = strcmp(a->category, b->category);
	return c ? c : cmp_size(a->index, b->index);
}

static int cmp_cram(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c;
	if (a->never != b->never)
		return a->never ? -1 : 1;
	if ((c = cmp_double(a->score, b->score)))
		return c;
	if ((c = cmp_double(a->r, b->r)))
		return c;
	return cmp_size(a->index, b->index);
}

long long queue_day_start(long long t)
{
	long long r = t % FSRS_DAY;
	return t - (r < 0 ? r + FSRS_DAY : r);
}

int queue_matches(const struct queue_question *qq, const struct queue_opts *o)
{
	size_t i;
	if (o->category && strcmp(cat_of(qq), o->category))
		return 0;
	if (o->level && qq->level != o->level)
		return 0;
	if (o->tag) {
		for (i = 0; i < qq->ntags; i++)
			if (qq->tags[i] && !strcmp(qq->tags[i], o->tag))
				break;
		if (i == qq->ntags)
			return 0;
	}
	return 1;
}

size_t queue_count_due(const struct queue_question *qs, size_t n,
		       const struct queue_opts *o, long long until)
{
	size_t i, c = 0;
	for (i = 0; i < n; i++)
		if (qs[i].card.reviewed && qs[i].card.due <= until &&
		    queue_matches(&qs[i], o))
			c++;
	return c;
}

void queue_count_due_upto(const struct queue_question *qs, size_t n,
			  const struct queue_opts *o, const long long *until,
			  size_t nuntil, size_t *counts)
{
	size_t i, k;
	for (k = 0; k < nuntil; k++)
		counts[k] = 0;
	for (i = 0; i < n; i++) {
		if (!qs[i].card.reviewed || !queue_matches(&qs[i], o))
			continue;
		for (k = 0; k < nuntil && qs[i].card.due > until[k]; k++)
			;
		if (k < nuntil)
			counts[k]++;
	}
	for (k = 1; k < nuntil; k++)
		counts[k] += counts[k - 1];
}

/*
 * Sort v[0..n) far enough that its first k are the first k in cmp's
 * order, in order: a short queue out of thousands of due cards costs
 * about n comparisons, not a sort of them all.  cmp is a total order
 * (every comparison ends on the index), so the first k are what a full
 * sort would put there.
 */
#define FIRST_K_MAX 64u
static void sort_first(struct key *v, size_t n, size_t k,
		       int (*cmp)(const void *, const void *))
{
	size_t i, have = 0;
	if (!k || k > FIRST_K_MAX || k * 8 > n) {
		qsort(v, n, sizeof(*v), cmp);
		return;
	}
	for (i = 0; i < n; i++) {
		struct key x;
		size_t lo = 0, hi;
		if (have == k && cmp(&v[i], &v[k - 1]) >= 0)
			continue;
		x = v[i];
		hi = have;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp(&v[mid], &x) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (have < k)
			have++;
		memmove(&v[lo + 1], &v[lo], (have - 1 - lo) * sizeof(*v));
		v[lo] = x;
	}
}

static void push(struct queue *q, const struct key *k, int reason,
		 const struct queue_question *qs)
{
	struct queue_entry *e;
	ALLOC_GROW(q->v, q->nr + 1, q->alloc);
	e = &q->v[q->nr++];
	e->index = k->index;
	e->reason = reason;
	e->due = qs[k->index].card.reviewed ? qs[k->index].card.due : 0;
	e->retrievability = k->r;
	e->last_score = qs[k->index].last_score;
}

static int full(const struct queue *q, const struct queue_opts *o)
{
	return o->limit && q->nr >= o->limit;
}

int queue_build(struct queue *q, const struct queue_question *qs, size_t n,
		const struct queue_opts *o)
{
	struct key *due = NULL, *fresh = NULL;
	size_t ndue = 0, nfresh = 0, i;
	long long today = queue_day_start(o->now);

	q->nr = 0;
	q->due_total = q->new_total = 0;
	q->new_today = q->new_left = 0;
	if (!o->params || o->new_per_day < 0)
		return -1;
	if (n) {
		due = xcalloc(n, sizeof(*due));
		fresh = xcalloc(n, sizeof(*fresh));
	}

	for (i = 0; i < n; i++) {
		const struct queue_question *qq = &qs[i];
		struct key k;
		if (qq->card.reviewed && qq->first_review >= today &&
		    qq->first_review < today + FSRS_DAY)
			q->new_today++;
		if (!queue_matches(qq, o))
			continue;
		memset(&k, 0, sizeof(k));
		k.index = i;
		k.category = cat_of(qq);
		/* only due cards (and cram) are ranked by it, or shown */
		k.r = qq->card.reviewed && (o->cram || qq->card.due <= o->now)
			      ? fsrs_retrievability(o->params, &qq->card,
						    o->now)
			      : 0.0;
		k.due = qq->card.reviewed ? qq->card.due : 0;
		k.never = !(qq->last_score >= 0);
		k.score = k.never ? 0.0 : qq->last_score;
		if (o->cram)
			due[ndue++] = k;
		else if (!qq->card.reviewed)
			fresh[nfresh++] = k;
		else if (qq->card.due <= o->now)
			due[ndue++] = k;
	}
	q->new_left = o->new_per_day > q->new_today
			      ? o->new_per_day - q->new_today
			      : 0;

	if (o->cram) {
		if (ndue)
			sort_first(due, ndue, o->limit, cmp_cram);
		for (i = 0; i < ndue && !full(q, o); i++)
			push(q, &due[i], QUEUE_CRAM, qs);
		goto cleanup;
	}

	q->due_total = ndue;
	q->new_total = nfresh;
	if (ndue)
		sort_first(due, ndue, o->limit, cmp_due);
	for (i = 0; i < ndue && !full(q, o); i++)
		push(q, &due[i], QUEUE_DUE, qs);

	if (nfresh) {
		size_t rank = 0;
		qsort(fresh, nfresh, sizeof(*fresh), cmp_cat_index);
		for (i = 0; i < nfresh; i++) {
			if (i &&
			    strcmp(fresh[i].category, fresh[i - 1].category))
				rank = 0;
			fresh[i].rank = rank++;
		}
		qsort(fresh, nfresh, sizeof(*fresh), cmp_round);
	}
	for (i = 0; i < nfresh && i < (size_t)q->new_left && !full(q, o); i++)
		push(q, &fresh[i], QUEUE_NEW, qs);

cleanup:
	free(due);
	free(fresh);
	return 0;
}

void queue_release(struct queue *q)
{
	free(q->v);
	memset(q, 0, sizeof(*q));
}

const char *queue_reason_name(int reason)
{
	switch (reason) {
	case QUEUE_DUE:
		return "due";
	case QUEUE_NEW:
		return "new";
	case QUEUE_CRAM:
		return "cram";
	}
	return "?";
}

void queue_describe(const struct queue_entry *e, struct sb *out)
{
	long long day, secs, y;
	unsigned m, d;
	switch (e->reason) {
	case QUEUE_DUE:
		day = queue_day_start(e->due);
		secs = e->due - day;
		date_civil_from_days(day / FSRS_DAY, &y, &m, &d);
		sb_addf(out,
			"due since %04lld-%02u-%02u %02lld:%02lld UTC, recall %.0f%%",
			y, m, d, secs / 3600, secs % 3600 / 60,
			floor(e->retrievability * 100.0 + 0.5));
		break;
	case QUEUE_NEW:
		sb_adds(out, "new");
		break;
	case QUEUE_CRAM:
		if (e->last_score >= 0)
			sb_addf(out, "cram: last score %.0f",
				floor(e->last_score + 0.5));
		else
			sb_adds(out, "cram: never answered");
		break;
	default:
		sb_adds(out, "?");
	}
}
