/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for mock: the choice of the set, the verdict, what to
 * practise, and the scorecard's width and escaping. */
#include "mock.h"

#include <stdio.h>
#include <string.h>

#include "queue.h"
#include "sb.h"
#include "tap.h"
#include "wrap.h"

#define DAY 86400LL
#define NOW 1772442000LL /* 2026-03-02T09:00:00Z */

static struct queue_question q_new(const char *id, const char *cat)
{
	struct queue_question q;
	memset(&q, 0, sizeof(q));
	q.id = id;
	q.category = cat;
	q.last_score = -1;
	return q;
}

static struct queue_question q_seen(const char *id, const char *cat,
				    double score, long long due)
{
	struct queue_question q = q_new(id, cat);
	q.card.reviewed = 1;
	q.card.stability = 3;
	q.card.difficulty = 5;
	q.card.last_review = due - 3 * DAY;
	q.card.due = due;
	q.last_score = score;
	return q;
}

static void test_pick(void)
{
	static const char *const cats[] = {"a", "b"};
	struct queue_question qs[6];
	long long seen[6] = {0};
	struct queue_opts f;
	struct mock_pick_opts o;
	size_t out[6], n;

	qs[0] = q_new("a-new", "a");
	qs[1] = q_seen("a-weak", "a", 30, NOW + 5 * DAY);
	qs[2] = q_seen("a-due", "a", 90, NOW - DAY);
	qs[3] = q_seen("a-strong", "a", 80, NOW + 5 * DAY);
	qs[4] = q_new("b-one", "b");
	qs[5] = q_new("c-one", "c");
	seen[1] = NOW - 10 * DAY;
	seen[2] = NOW - 10 * DAY;
	seen[3] = NOW - 10 * DAY;
	memset(&f, 0, sizeof(f));
	memset(&o, 0, sizeof(o));
	o.categories = cats;
	o.ncat = 2;
	o.count = 4;
	o.filter = &f;
	o.now = NOW;
	o.recent_s = MOCK_RECENT_S;
	n = mock_pick(qs, 6, seen, &o, out);
	is_int((long long)n, 4, "four picked from a and b only");
	is_int((long long)out[0], 2, "slot a: the due question first");
	is_int((long long)out[1], 4, "slot b: its only question");
	is_int((long long)out[2], 1, "slot a again: the weakest answered");
	is_int((long long)out[3], 3,
	       "b is empty: the next of a (answered before new)");

	/* Answered two days ago: asked only when nothing else is left. */
	seen[2] = NOW - 2 * DAY;
	o.count = 1;
	o.ncat = 1;
	n = mock_pick(qs, 6, seen, &o, out);
	is_int((long long)out[0], 1, "a due question seen this week waits");
	seen[1] = seen[3] = NOW - DAY;
	n = mock_pick(qs, 6, seen, &o, out);
	is_int((long long)out[0], 0,
	       "the unseen new question before recent ones");
	o.count = 5;
	n = mock_pick(qs, 6, seen, &o, out);
	is_int((long long)n, 4, "never more than the category holds");
	is_int((long long)out[3], 3, "recent ones last, by their own order");
	ok(out[1] == 2 && out[2] == 1, "recent: due, then weak");

	f.level = 2;
	qs[4].level = 2;
	o.ncat = 2;
	o.count = 2;
	n = mock_pick(qs, 6, seen, &o, out);
	is_int((long long)n, 1, "the filter's level applies");
	is_int((long long)out[0], 4, "only the question of that level");
}

static struct mock_row row(double score, int answered)
{
	struct mock_row r;
	memset(&r, 0, sizeof(r));
	r.question = "q";
	r.answered = answered;
	r.scored = answered;
	r.score = score;
	r.grade = 3;
	return r;
}

static void test_verdict(void)
{
	struct mock_row r[4];
	double mean;
	r[0] = row(80, 1), r[1] = row(80, 1), r[2] = row(70, 1),
	r[3] = row(75, 1);
	is_int(mock_verdict(r, 4, &mean), MOCK_HIRE,
	       "mean 76, none below 50: hire");
	r[3] = row(49, 1);
	is_int(mock_verdict(r, 3 + 1, &mean), MOCK_LEAN_HIRE,
	       "one below 50: not hire");
	r[0] = row(100, 1), r[1] = row(100, 1), r[2] = row(100, 1),
	r[3] = row(0, 0);
	is_int(mock_verdict(r, 4, &mean), MOCK_LEAN_HIRE,
	       "an unanswered question counts 0");
	ok(mean == 75, "mean over every question asked");
	r[0] = row(50, 1);
	is_int(mock_verdict(r, 1, &mean), MOCK_LEAN_NO, "50: lean no");
	r[0] = row(49.9, 1);
	is_int(mock_verdict(r, 1, &mean), MOCK_NO, "under 50: no");
	is_int(mock_verdict(r, 0, &mean), MOCK_NONE,
	       "nothing asked: no verdict");
	is_str(mock_verdict_name(MOCK_LEAN_HIRE), "lean hire", "name");
}

static void test_practise(void)
{
	struct mock_crit v[] = {
		{"Goal", "a", 1, 1},    {"Trade-offs", "a", 0, 0.5},
		{"Numbers", "b", 0, 0}, {"Trade-offs", "a", 0, 0.5},
		{"Numbers", "b", 1, 1}, {"Trade-offs", "b", 0, 0.4},
	};
	struct mock_crit w[] = {
		{"Goal", "a", 0, 0.6},
		{"Users", "b", 0, 0.1},
		{"Order", "c", 0, 0.3},
	};
	unsigned missed, of;
	size_t i = mock_practise(v, 6, &missed, &of);
	is_int((long long)i, 1, "missed most: Trade-offs in a");
	ok(missed == 2 && of == 2, "2 of 2");
	v[1].met = v[3].met = 1;
	i = mock_practise(v, 6, &missed, &of);
	ok(i == 5 && missed == 1 && of == 1,
	   "tie at 1: the higher rate (1 of 1 over 1 of 2)");
	i = mock_practise(w, 3, &missed, &of);
	is_int((long long)i, 1,
	       "one miss each: the least of its points earned");
	v[2].met = v[5].met = 1;
	i = mock_practise(v, 6, &missed, &of);
	is_int((long long)i, 6, "nothing missed");
}

static size_t widest(const struct sb *s)
{
	size_t w = 0;
	const char *p = s->buf;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p),
		       c = wrap_cols(p, n);
		if (c > w)
			w = c;
		p += n + (nl ? 1 : 0);
	}
	return w;
}

static void test_render(void)
{
	struct mock_row r[2];
	struct mock_card c;
	struct sb out = SB_INIT;
	unsigned widths[] = {40, 60, 80}, k;
	r[0] = row(72, 1);
	r[0].question =
		"prioritization-a-very-long-question-id-that-never-ends";
	r[0].time_s = 310;
	r[0].limit_s = 300;
	r[0].weakest = "Trade-offs \033]0;owned\007";
	r[0].feedback = "Name what you give up\nand why. Then the rest of it.";
	r[0].fu_answered = 1;
	r[0].fu_scored = 1;
	r[0].fu_score = 55;
	r[0].fu_grade = 2;
	r[0].fu_time_s = 65;
	r[0].fu_limit_s = 150;
	r[1] = row(0, 0);
	memset(&c, 0, sizeof(c));
	c.id = 3;
	c.when = "2026-03-02 09:00";
	c.limit_s = 1800;
	c.spent_s = 375;
	c.rows = r;
	c.n = 2;
	c.practise = "Trade-offs";
	c.practise_category = "prioritization";
	c.practise_missed = 1;
	c.practise_of = 1;
	for (k = 0; k < 3; k++) {
		sb_reset(&out);
		mock_render(&out, &c, widths[k]);
		ok(widest(&out) <= widths[k], "fits %u columns (widest %zu)",
		   widths[k], widest(&out));
	}
	ok(!strchr(out.buf, '\033') && !strchr(out.buf, '\007'),
	   "no control byte gets through");
	ok(strstr(out.buf, "^[]0;owned^G") != NULL, "shown as caret text");
	ok(strstr(out.buf, "05:10/05:00!") != NULL, "over time marked");
	ok(strstr(out.buf, "! over its time limit") != NULL, "and explained");
	ok(strstr(out.buf, "Name what you give up and why.\n") != NULL,
	   "the feedback's first sentence, its line break a space");
	ok(strstr(out.buf, "not answered") != NULL, "an unanswered question");
	ok(strstr(out.buf, "verdict: no (mean 36 over 2 questions;") != NULL,
	   "verdict line");
	ok(strstr(out.buf,
		  "practise next: Trade-offs in prioritization (missed in 1 of 1 answer)") !=
		   NULL,
	   "practise line");
	sb_release(&out);
}

int main(void)
{
	test_pick();
	test_verdict();
	test_practise();
	test_render();
	return done_testing();
}
