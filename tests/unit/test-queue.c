/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for queue: due order, the new limit, interleaving, cram. */
#include "queue.h"

#include <stdio.h>
#include <string.h>

#include "qbank.h"
#include "sb.h"
#include "tap.h"

#define DAY 86400LL
/* 2026-03-02T09:00:00Z */
#define NOW 1772442000LL

static struct fsrs_params P;

static struct queue_question newq(const char *id, const char *cat)
{
	struct queue_question q;
	memset(&q, 0, sizeof(q));
	q.id = id;
	q.category = cat;
	q.last_score = -1;
	return q;
}

/* A card reviewed at `last` with stability s, due at `due`. */
static struct queue_question seen(const char *id, const char *cat,
				  long long last, double s, long long due)
{
	struct queue_question q = newq(id, cat);
	q.card.reviewed = 1;
	q.card.stability = s;
	q.card.difficulty = 5;
	q.card.last_review = last;
	q.card.due = due;
	q.card.reps = 1;
	q.first_review = last;
	q.last_score = 50;
	return q;
}

static struct queue_opts opts(void)
{
	struct queue_opts o;
	memset(&o, 0, sizeof(o));
	o.params = &P;
	o.now = NOW;
	o.new_per_day = 5;
	return o;
}

/* The ids of a queue, space-separated. */
static const char *ids(const struct queue *q, const struct queue_question *qs)
{
	static char buf[512];
	size_t i, off = 0;
	buf[0] = '\0';
	for (i = 0; i < q->nr && off < sizeof(buf) - 40; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s%s",
					i ? " " : "", qs[q->v[i].index].id);
	return buf;
}

static void test_due_first(void)
{
	struct queue_question qs[5];
	struct queue q = {0};
	struct queue_opts o = opts();
	/* d1: 10 days overdue on a 2-day card: low R.  d2: due an hour ago
	 * on a 30-day card: high R.  f: due tomorrow.  n1, n2: new. */
	qs[0] = newq("n1", "a");
	qs[1] = seen("d2", "a", NOW - 30 * DAY - 3600, 30, NOW - 3600);
	qs[2] = seen("f", "b", NOW - DAY, 2, NOW + DAY);
	qs[3] = seen("d1", "b", NOW - 12 * DAY, 2, NOW - 10 * DAY);
	qs[4] = newq("n2", "b");
	ok(!queue_build(&q, qs, 5, &o), "build");
	is_str(ids(&q, qs), "d1 d2 n1 n2", "due by lowest R, then new");
	is_int(q.v[0].reason, QUEUE_DUE, "first is due");
	ok(q.v[0].retrievability < q.v[1].retrievability, "R ascending");
	is_int(q.v[2].reason, QUEUE_NEW, "then new");
	is_int((long long)q.due_total, 2, "due_total");
	is_int((long long)q.new_total, 2, "new_total");

	/* Due exactly now counts as due. */
	qs[2].card.due = NOW;
	ok(!queue_build(&q, qs, 5, &o), "build");
	is_str(ids(&q, qs), "d1 d2 f n1 n2", "due == now is due");
	is_int((long long)queue_count_due(qs, 5, &o, NOW), 3, "count due now");
	is_int((long long)queue_count_due(qs, 5, &o, NOW - 2 * DAY), 1,
	       "count due two days ago");

	/* Equal R: earlier due first, then input order. */
	qs[1] = seen("x", "a", NOW - 5 * DAY, 2, NOW - 3 * DAY);
	qs[3] = seen("y", "b", NOW - 5 * DAY, 2, NOW - 4 * DAY);
	qs[2] = seen("z", "b", NOW - 5 * DAY, 2, NOW - 3 * DAY);
	ok(!queue_build(&q, qs, 5, &o), "build");
	is_str(ids(&q, qs), "y x z n1 n2", "ties: earlier due, input order");
	queue_release(&q);
}

static void test_new_limit(void)
{
	struct queue_question qs[8];
	struct queue q = {0};
	struct queue_opts o = opts();
	qs[0] = newq("a1", "metrics");
	qs[1] = newq("a2", "metrics");
	qs[2] = newq("a3", "metrics");
	qs[3] = newq("b1", "design");
	qs[4] = newq("b2", "design");
	qs[5] = newq("c1", "strategy");
	/* Two questions introduced today (one at 00:00, one at 08:59) and
	 * one yesterday: only today's count against the limit. */
	qs[6] = seen("t1", "design", NOW - 9 * 3600, 2, NOW + DAY);
	qs[7] = seen("t2", "design", NOW - 60, 2, NOW + DAY);
	o.new_per_day = 5;
	ok(!queue_build(&q, qs, 8, &o), "build");
	is_int(q.new_today, 2, "two new today");
	is_int(q.new_left, 3, "three left");
	is_str(ids(&q, qs), "b1 a1 c1", "round-robin by category name");

	qs[6].first_review = NOW - DAY - 1;
	ok(!queue_build(&q, qs, 8, &o), "build");
	is_int(q.new_today, 1, "yesterday's does not count");
	is_str(ids(&q, qs), "b1 a1 c1 b2", "four left");

	o.new_per_day = 100;
	ok(!queue_build(&q, qs, 8, &o), "build");
	is_str(ids(&q, qs), "b1 a1 c1 b2 a2 a3", "interleaved to the end");

	o.new_per_day = 1;
	ok(!queue_build(&q, qs, 8, &o), "build");
	is_int(q.new_left, 0, "limit reached");
	is_int((long long)q.nr, 0, "no new questions over the limit");

	o.new_per_day = 0;
	ok(!queue_build(&q, qs, 8, &o), "build");
	is_int((long long)q.nr, 0, "limit 0: none");

	o.new_per_day = -1;
	ok(queue_build(&q, qs, 8, &o) == -1, "negative limit is refused");
	o.new_per_day = 5;
	o.params = NULL;
	ok(queue_build(&q, qs, 8, &o) == -1, "no params is refused");
	queue_release(&q);
	ok(q.v == NULL && q.nr == 0, "release empties");
}

static void test_filters_and_limit(void)
{
	static char sql[] = "sql", events[] = "events", b2b[] = "b2b";
	static char *t_sql[] = {sql, events};
	static char *t_b2b[] = {b2b};
	struct queue_question qs[4];
	struct queue q = {0};
	struct queue_opts o = opts();
	qs[0] = newq("a", "analytics");
	qs[0].tags = t_sql;
	qs[0].ntags = 2;
	qs[0].level = QLEVEL_APM;
	qs[1] = newq("b", "strategy");
	qs[1].tags = t_b2b;
	qs[1].ntags = 1;
	qs[1].level = QLEVEL_SENIOR;
	qs[2] = seen("c", "analytics", NOW - 5 * DAY, 1, NOW - DAY);
	qs[2].level = QLEVEL_SENIOR;
	qs[3] = newq("d", NULL);

	o.category = "analytics";
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_str(ids(&q, qs), "c a", "category filter");
	o.category = NULL;
	o.tag = "events";
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_str(ids(&q, qs), "a", "tag filter");
	o.tag = NULL;
	o.level = QLEVEL_SENIOR;
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_str(ids(&q, qs), "c b", "level filter");
	is_int((long long)queue_count_due(qs, 4, &o, NOW), 1,
	       "count with filter");
	o.level = 0;
	o.limit = 2;
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_str(ids(&q, qs), "c d", "limit 2; no category sorts first");
	o.limit = 1;
	o.cram = 1;
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_int((long long)q.nr, 1, "limit in cram");
	o.category = "nope";
	o.cram = 0;
	o.limit = 0;
	ok(!queue_build(&q, qs, 4, &o), "build");
	is_int((long long)q.nr, 0, "no match: empty");
	queue_release(&q);
}

static void test_cram(void)
{
	struct queue_question qs[5];
	struct queue q = {0};
	struct queue_opts o = opts();
	struct sb s = SB_INIT;
	qs[0] = seen("good", "a", NOW - DAY, 10, NOW + 9 * DAY);
	qs[0].last_score = 90;
	qs[1] = seen("weak", "a", NOW - DAY, 10, NOW + 9 * DAY);
	qs[1].last_score = 40;
	qs[2] = newq("never", "b");
	qs[3] = seen("weak-old", "b", NOW - 40 * DAY, 3, NOW - 37 * DAY);
	qs[3].last_score = 40;
	qs[4] = seen("unscored", "b", NOW - DAY, 3, NOW + DAY);
	qs[4].last_score = -1;
	o.cram = 1;
	o.new_per_day = 0;
	ok(!queue_build(&q, qs, 5, &o), "build");
	is_str(ids(&q, qs), "never unscored weak-old weak good",
	       "cram: never scored, then lowest score, then lowest R");
	is_int(q.v[0].reason, QUEUE_CRAM, "reason cram");
	queue_describe(&q.v[0], &s);
	is_str(s.buf, "cram: never answered", "describe cram never");
	sb_reset(&s);
	queue_describe(&q.v[3], &s);
	is_str(s.buf, "cram: last score 40", "describe cram score");
	ok(q.new_left == 0, "cram ignores the new limit but reports it");
	queue_release(&q);
	sb_release(&s);
}

static void test_describe(void)
{
	struct queue_entry e;
	struct sb s = SB_INIT;
	memset(&e, 0, sizeof(e));
	e.reason = QUEUE_DUE;
	e.due = NOW - DAY - 30 * 60; /* 2026-03-01 08:30 */
	e.retrievability = 0.8549;
	queue_describe(&e, &s);
	is_str(s.buf, "due since 2026-03-01 08:30 UTC, recall 85%",
	       "describe due");
	sb_reset(&s);
	e.reason = QUEUE_NEW;
	queue_describe(&e, &s);
	is_str(s.buf, "new", "describe new");
	is_str(queue_reason_name(QUEUE_DUE), "due", "name due");
	is_str(queue_reason_name(QUEUE_NEW), "new", "name new");
	is_str(queue_reason_name(QUEUE_CRAM), "cram", "name cram");
	is_int(queue_day_start(NOW), NOW - 9 * 3600, "day start");
	is_int(queue_day_start(-1), -DAY, "day start before 1970");
	sb_release(&s);
}

/* The same input gives the same queue, whatever the input's history. */
static void test_deterministic(void)
{
	struct queue_question qs[40];
	struct queue q1 = {0}, q2 = {0};
	struct queue_opts o = opts();
	static const char *cats[] = {"c", "a", "b"};
	static char names[40][8];
	size_t i;
	int same = 1;
	for (i = 0; i < 40; i++) {
		snprintf(names[i], sizeof(names[i]), "q%zu", i);
		if (i % 3 == 0)
			qs[i] = newq(names[i], cats[i % 3]);
		else
			qs[i] = seen(names[i], cats[i % 3],
				     NOW - (long long)(i % 7 + 1) * DAY,
				     (double)(i % 5 + 1),
				     NOW - (long long)(i % 4) * DAY + DAY);
	}
	o.new_per_day = 20;
	ok(!queue_build(&q1, qs, 40, &o), "build 1");
	ok(!queue_build(&q2, qs, 40, &o), "build 2");
	same = q1.nr == q2.nr;
	for (i = 0; same && i < q1.nr; i++)
		same = q1.v[i].index == q2.v[i].index;
	ok(same, "same queue twice");
	for (i = 1; i < q1.nr; i++)
		if (q1.v[i].reason == QUEUE_DUE &&
		    q1.v[i].retrievability < q1.v[i - 1].retrievability)
			break;
	ok(i == q1.nr, "due entries never rise in R order violation");
	for (i = 0; i < q1.nr; i++)
		if (q1.v[i].reason == QUEUE_DUE && q1.v[i].due > NOW)
			break;
	ok(i == q1.nr, "nothing not yet due is queued as due");
	queue_release(&q1);
	queue_release(&q2);
}

/* A limited queue is the unlimited one cut short: the first few out of
 * many due cards are chosen without sorting them all (ties included:
 * equal stability and times, told apart by input order), in both
 * modes; the one-pass counts match queue_count_due(). */
static void test_limit_is_prefix(void)
{
	enum { N = 600 };
	static struct queue_question qs[N];
	static char idv[N][8];
	struct queue all = {0}, some = {0};
	struct queue_opts o = opts();
	long long until[4] = {NOW - 5 * DAY, NOW, NOW + DAY, NOW + 9 * DAY};
	size_t counts[4], i, k, lims[] = {1, 2, 7, 64, 65};
	unsigned seed = 12345;
	int same = 1, cram;
	for (i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u;
		snprintf(idv[i], sizeof(idv[i]), "q%zu", i);
		if (i % 7 == 0) {
			qs[i] = newq(idv[i], i % 2 ? "a" : "b");
			continue;
		}
		/* a third share one card, so only the order of input decides */
		qs[i] = i % 3 ? seen(idv[i], "a",
				     NOW - (long long)(seed >> 20) * 60,
				     1 + (seed >> 8) % 40,
				     NOW - (long long)(seed >> 16) % (30 * DAY) +
					     5 * DAY)
			      : seen(idv[i], "b", NOW - 20 * DAY, 3, NOW - DAY);
		qs[i].last_score = (double)(seed % 101);
	}
	for (cram = 0; cram < 2; cram++) {
		o.cram = cram;
		o.limit = 0;
		queue_build(&all, qs, N, &o);
		for (k = 0; k < sizeof(lims) / sizeof(*lims); k++) {
			o.limit = lims[k];
			queue_build(&some, qs, N, &o);
			same = same && some.nr == lims[k] &&
			       some.due_total == all.due_total &&
			       some.new_total == all.new_total;
			for (i = 0; same && i < some.nr; i++)
				same = some.v[i].index == all.v[i].index &&
				       some.v[i].reason == all.v[i].reason;
		}
	}
	ok(same, "a limited queue is the first entries of the whole one");
	o.cram = 0;
	o.limit = 0;
	o.category = "a";
	queue_count_due_upto(qs, N, &o, until, 4, counts);
	for (k = 0, same = 1; k < 4; k++)
		same = same &&
		       counts[k] == queue_count_due(qs, N, &o, until[k]);
	ok(same, "due counts in one pass match one count at a time");
	queue_release(&all);
	queue_release(&some);
}

int main(void)
{
	fsrs_params_default(&P);
	test_due_first();
	test_new_limit();
	test_filters_and_limit();
	test_cram();
	test_describe();
	test_deterministic();
	test_limit_is_prefix();
	return done_testing();
}
