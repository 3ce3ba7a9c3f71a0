/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The progress figures (trends, activity, due forecast, weaknesses) from the store. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bank.h"
#include "fsrs.h"
#include "queue.h"
#include "rubric.h"
#include "sb.h"
#include "store.h"
#include "store-attempt.h"
#include "store-read.h"
#include "xalloc.h"

int progress_count_due(struct store *st, struct bank *b, long long now,
		       const char *category, struct due_counts *d,
		       struct sb *err)
{
	struct queue_question *qs = NULL;
	struct queue_opts o;
	struct queue q = {0};
	struct fsrs_params p;
	long long end = store_day_start(now) + 86400 - 1;
	int new_per_day = 5, rc;

	memset(&o, 0, sizeof(o));
	fsrs_params_default(&p);
	if (st && (rc = store_params(st, &p, &new_per_day, err)))
		return rc;
	/* counts only: the cards, not the last scores */
	if ((rc = store_queue_cards(st, b, &qs, err)))
		return rc;
	o.params = &p;
	o.now = now;
	o.new_per_day = new_per_day;
	o.category = category;
	o.limit = 1; /* the counts come before the limit */
	queue_build(&q, qs, b->q.nr, &o);
	d->have = 1;
	{
		long long until[CHART_DUE_DAYS];
		size_t upto[CHART_DUE_DAYS], day;
		for (day = 0; day < CHART_DUE_DAYS; day++)
			until[day] = end + (long long)day * 86400;
		queue_count_due_upto(qs, b->q.nr, &o, until, CHART_DUE_DAYS,
				     upto);
		for (day = 0; day < CHART_DUE_DAYS; day++)
			d->forecast[day] =
				(unsigned)(upto[day] -
					   (day ? upto[day - 1] : 0));
		d->today = upto[0];
		d->tomorrow = upto[1] - upto[0];
	}
	d->new_left = q.new_left;
	d->new_avail = q.new_total < (size_t)q.new_left ? q.new_total
							: (size_t)q.new_left;
	queue_release(&q);
	free(qs);
	return STORE_OK;
}

void progress_release(struct progress *p)
{
	size_t i;
	for (i = 0; i < p->nt; i++) {
		free(p->t[i].category);
		free(p->t[i].scores);
		free(p->t[i].ids);
	}
	free(p->t);
	for (i = 0; i < p->nw; i++) {
		free(p->w[i].label);
		free(p->w[i].category);
	}
	free(p->w);
	memset(p, 0, sizeof(*p));
}

static struct trend *trend_of(struct progress *p, const char *category)
{
	size_t i;
	for (i = 0; i < p->nt; i++)
		if (!strcmp(p->t[i].category, category))
			return &p->t[i];
	ALLOC_GROW(p->t, p->nt + 1, p->at);
	memset(&p->t[p->nt], 0, sizeof(p->t[p->nt]));
	p->t[p->nt].category = xstrdup(category);
	return &p->t[p->nt++];
}

static int cmp_weak(const void *a, const void *b)
{
	const struct weak *x = a, *y = b;
	int c = strcmp(x->category, y->category);
	double rx = (double)x->missed / x->total,
	       ry = (double)y->missed / y->total;
	if (c)
		return c;
	if (rx != ry)
		return rx < ry ? 1 : -1;
	return x->missed < y->missed ? 1 : x->missed > y->missed ? -1 : 0;
}

/* What gather_weak() hands store_each_criterion(): one trend's answers. */
struct weak_ctx {
	struct progress *p;
	const char *category;
	size_t first; /* its weaknesses start at p->w[first] */
};

static int weak_criterion(size_t i, const struct store_criterion *it,
			  void *data)
{
	struct weak_ctx *c = data;
	struct progress *p = c->p;
	const char *label = it->label ? it->label : it->name;
	size_t w;
	(void)i;
	if (!label || !it->active || it->kind == CRIT_PENALTY ||
	    it->kind == CRIT_LENGTH)
		return 0;
	for (w = c->first; w < p->nw; w++)
		if (!strcmp(p->w[w].label, label))
			break;
	if (w == p->nw) {
		ALLOC_GROW(p->w, p->nw + 1, p->aw);
		memset(&p->w[w], 0, sizeof(p->w[w]));
		p->w[w].label = xstrdup(label);
		p->w[w].category = xstrdup(c->category);
		p->nw++;
	}
	p->w[w].total++;
	p->w[w].missed += !it->met;
	return 0;
}

/* The criteria a category's latest answers missed, by rate. */
static int gather_weak(struct store *st, struct progress *p, struct sb *err)
{
	size_t i;
	int rc;
	for (i = 0; i < p->nt; i++) {
		const struct trend *t = &p->t[i];
		size_t from = t->n > WEAK_RECENT ? t->n - WEAK_RECENT : 0;
		struct weak_ctx c;
		c.p = p;
		c.category = t->category;
		c.first = p->nw;
		if ((rc = store_each_criterion(st, t->ids + from, t->n - from,
					       weak_criterion, &c, err)))
			return rc;
	}
	if (p->nw) /* qsort() takes no NULL, even for no elements */
		qsort(p->w, p->nw, sizeof(*p->w), cmp_weak);
	return STORE_OK;
}

/* What progress_gather() hands store_each_point(). */
struct gather_ctx {
	struct progress *p;
	const char *category;
	long long today;
};

static int gather_point(const struct store_point *a, void *data)
{
	struct gather_ctx *g = data;
	struct progress *p = g->p;
	long long day;
	if (g->category && strcmp(a->category, g->category))
		return 0;
	day = (g->today - store_day_start(a->started_at)) / 86400;
	if (day >= 0 && day < (long long)CHART_CAL_DAYS)
		p->activity[CHART_CAL_DAYS - 1 - (size_t)day]++;
	if (a->score < 0)
		return 0;
	if (a->follow_up >= 0) {
		p->followup.sum += a->score;
		p->followup.n++;
		return 0;
	}
	if (a->scheduled) {
		p->drill.sum += a->score;
		p->drill.n++;
	} else {
		p->cram.sum += a->score;
		p->cram.n++;
	}
	{
		struct trend *t = trend_of(p, a->category);
		ALLOC_GROW(t->scores, t->n + 1, t->alloc);
		ALLOC_GROW(t->ids, t->n + 1, t->nid_alloc);
		t->scores[t->n] = a->score;
		t->ids[t->n++] = a->id;
	}
	return 0;
}

static void set_today(struct progress *p, long long now)
{
	time_t tt = (time_t)now;
	struct tm tm;
	gmtime_r(&tt, &tm);
	p->today.year = tm.tm_year + 1900;
	p->today.month = tm.tm_mon + 1;
	p->today.mday = tm.tm_mday;
	p->today.wday = (tm.tm_wday + 6) % 7;
}

int progress_gather(struct store *st, long long now, const char *category,
		    struct progress *p, struct sb *err)
{
	struct gather_ctx g;
	int rc;

	set_today(p, now);
	if (!st)
		return STORE_OK;
	g.p = p;
	g.category = category;
	g.today = store_day_start(now);
	/* Only the index entries: no answer text is read (issue 11). */
	if ((rc = store_each_point(st, gather_point, &g, err)))
		return rc;
	return gather_weak(st, p, err);
}

/* What progress_gather_summary() hands store_each_trend_point(): the
 * trends, and where each category's first point came in time. */
struct first_point {
	long long started_at, id;
	size_t at;
};
struct summary_ctx {
	struct progress *p;
	struct first_point *first;
	size_t afirst;
};

/* A trend point from the summary: categories come one after another. */
static int summary_point(const struct store_point *a, void *data)
{
	struct summary_ctx *c = data;
	struct progress *p = c->p;
	struct trend *t = p->nt ? &p->t[p->nt - 1] : NULL;
	if (!t || strcmp(t->category, a->category)) {
		ALLOC_GROW(p->t, p->nt + 1, p->at);
		ALLOC_GROW(c->first, p->nt + 1, c->afirst);
		c->first[p->nt].started_at = a->started_at;
		c->first[p->nt].id = a->id;
		c->first[p->nt].at = p->nt;
		t = &p->t[p->nt++];
		memset(t, 0, sizeof(*t));
		t->category = xstrdup(a->category);
	}
	ALLOC_GROW(t->scores, t->n + 1, t->alloc);
	ALLOC_GROW(t->ids, t->n + 1, t->nid_alloc);
	t->scores[t->n] = a->score;
	t->ids[t->n++] = a->id;
	return 0;
}

static int cmp_first(const void *a, const void *b)
{
	const struct first_point *x = a, *y = b;
	if (x->started_at != y->started_at)
		return x->started_at < y->started_at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

int progress_gather_summary(struct store *st, long long now,
			    const char *category, struct progress *p,
			    struct sb *err)
{
	struct store_days days;
	struct summary_ctx c = {p, NULL, 0};
	long long today = store_day_start(now) / 86400;
	size_t i;
	int rc;

	set_today(p, now);
	if (!st)
		return STORE_OK;
	if ((rc = store_day_summary(st, category,
				    today - (long long)CHART_CAL_DAYS + 1,
				    &days, err)))
		return rc;
	for (i = 0; i < days.n; i++)
		if (days.v[i].day <= today)
			p->activity[CHART_CAL_DAYS - 1 -
				    (size_t)(today - days.v[i].day)] +=
				days.v[i].attempts;
	p->drill.n = days.drills;
	p->drill.sum = days.drill_sum;
	p->cram.n = days.crams;
	p->cram.sum = days.cram_sum;
	p->followup.n = days.follow_ups;
	p->followup.sum = days.follow_up_sum;
	free(days.v);
	rc = store_each_trend_point(st, category, summary_point, &c, err);
	if (!rc && p->nt > 1) {
		/* The walk met the categories in time order: so do we. */
		struct trend *v = xcalloc(p->nt, sizeof(*v));
		qsort(c.first, p->nt, sizeof(*c.first), cmp_first);
		for (i = 0; i < p->nt; i++)
			v[i] = p->t[c.first[i].at];
		memcpy(p->t, v, p->nt * sizeof(*v));
		free(v);
	}
	free(c.first);
	if (rc)
		return rc;
	return gather_weak(st, p, err);
}
