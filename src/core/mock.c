/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Implementation of the mock interview's choice, verdict and scorecard. */
#include "mock.h"

#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "queue.h"
#include "safe.h"
#include "sb.h"
#include "wrap.h"
#include "xalloc.h"

#define ROW_INDENT 5u  /* "  1  " */
#define RIGHT_COLS 27u /* " score  grade  time/limit" */
#define ID_MIN 10u
#define FEEDBACK_LINES 2u

/* ---- choosing the set ---- */

/* Smaller is asked first: (recent, tier, key, index). */
struct pick_key {
	int recent, tier;
	double key;
	size_t index;
};

static int key_less(const struct pick_key *a, const struct pick_key *b)
{
	if (a->recent != b->recent)
		return a->recent < b->recent;
	if (a->tier != b->tier)
		return a->tier < b->tier;
	if (a->key != b->key)
		return a->key < b->key;
	return a->index < b->index;
}

static void key_of(const struct queue_question *q, size_t i, long long seen,
		   const struct mock_pick_opts *o, struct pick_key *k)
{
	k->index = i;
	k->recent = seen > 0 && o->now - seen < o->recent_s;
	if (q->card.reviewed && q->card.due <= o->now) {
		k->tier = 0;
		k->key = (double)q->card.due;
	} else if (q->last_score >= 0) {
		k->tier = 1;
		k->key = q->last_score;
	} else {
		k->tier = 2;
		k->key = 0;
	}
}

static int in_category(const struct queue_question *q, const char *c)
{
	return q->category && c && !strcmp(q->category, c);
}

size_t mock_pick(const struct queue_question *qs, size_t n,
		 const long long *last_seen, const struct mock_pick_opts *o,
		 size_t *out)
{
	unsigned char *used;
	size_t slot, got = 0;

	if (!o->ncat || !o->count)
		return 0;
	used = xcalloc(n + 1, 1);
	for (slot = 0; slot < o->count; slot++) {
		const char *want = o->categories[slot % o->ncat];
		struct pick_key best = {0}, k;
		int have = 0, pass;
		/* pass 0: the slot's category; pass 1: any listed one */
		for (pass = 0; pass < 2 && !have; pass++) {
			size_t i, c;
			for (i = 0; i < n; i++) {
				int listed = 0;
				if (used[i] ||
				    (o->filter &&
				     !queue_matches(&qs[i], o->filter)))
					continue;
				if (pass == 0) {
					listed = in_category(&qs[i], want);
				} else {
					for (c = 0; c < o->ncat && !listed; c++)
						listed = in_category(
							&qs[i],
							o->categories[c]);
				}
				if (!listed)
					continue;
				key_of(&qs[i], i, last_seen ? last_seen[i] : 0,
				       o, &k);
				if (!have || key_less(&k, &best)) {
					best = k;
					have = 1;
				}
			}
		}
		if (!have)
			break;
		used[best.index] = 1;
		out[got++] = best.index;
	}
	free(used);
	return got;
}

/* ---- verdict and practice ---- */

enum mock_verdict mock_verdict(const struct mock_row *rows, size_t n,
			       double *mean)
{
	double sum = 0, low = 100, m;
	size_t i;
	if (mean)
		*mean = 0;
	if (!n)
		return MOCK_NONE;
	for (i = 0; i < n; i++) {
		double sc =
			rows[i].answered && rows[i].scored ? rows[i].score : 0;
		if (!(sc >= 0))
			sc = 0;
		if (sc > 100)
			sc = 100;
		sum += sc;
		if (sc < low)
			low = sc;
	}
	m = sum / (double)n;
	if (mean)
		*mean = m;
	if (m >= MOCK_HIRE_MEAN && low >= MOCK_HIRE_FLOOR)
		return MOCK_HIRE;
	if (m >= MOCK_LEAN_HIRE_MEAN)
		return MOCK_LEAN_HIRE;
	if (m >= MOCK_LEAN_NO_MEAN)
		return MOCK_LEAN_NO;
	return MOCK_NO;
}

const char *mock_verdict_name(enum mock_verdict v)
{
	switch (v) {
	case MOCK_HIRE:
		return "hire";
	case MOCK_LEAN_HIRE:
		return "lean hire";
	case MOCK_LEAN_NO:
		return "lean no";
	case MOCK_NO:
		return "no";
	case MOCK_NONE:
		break;
	}
	return "-";
}

static int same_crit(const struct mock_crit *a, const struct mock_crit *b)
{
	return a->label && b->label && !strcmp(a->label, b->label) &&
	       ((!a->category && !b->category) ||
		(a->category && b->category &&
		 !strcmp(a->category, b->category)));
}

size_t mock_practise(const struct mock_crit *v, size_t n, unsigned *missed,
		     unsigned *of)
{
	size_t i, k, best = n;
	unsigned bm = 0, bo = 0;
	double bs = 0;
	*missed = *of = 0;
	for (i = 0; i < n; i++) {
		unsigned m = 0, t = 0;
		double share = 0;
		for (k = 0; k < i; k++)
			if (same_crit(&v[k], &v[i]))
				break;
		if (k < i || !v[i].label)
			continue; /* counted at its first place */
		for (k = i; k < n; k++) {
			if (!same_crit(&v[k], &v[i]))
				continue;
			t++;
			m += !v[k].met;
			share += v[k].share;
		}
		if (!m)
			continue;
		share /= t;
		/* more misses; then a higher rate (m / t > bm / bo); then
		 * less of its points earned */
		if (best == n || m > bm || (m == bm && m * bo > bm * t) ||
		    (m == bm && m * bo == bm * t && share < bs)) {
			best = i;
			bm = m;
			bo = t;
			bs = share;
		}
	}
	*missed = bm;
	*of = bo;
	return best;
}

/* ---- the scorecard ---- */

static void add_safe(struct sb *out, const char *s)
{
	if (s)
		safe_terms(out, s, 0);
}

/* "MM:SS" (H:MM:SS past an hour). */
static void add_clock(struct sb *out, unsigned s)
{
	if (s >= 3600)
		sb_addf(out, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
	else
		sb_addf(out, "%02u:%02u", s / 60, s % 60);
}

/* Text wrapped at words to width, lines indented `first` then `rest`
 * spaces, at most `max` lines (0: any), the last cut with "…". */
static void add_para(struct sb *out, const char *text, unsigned width,
		     unsigned first, unsigned rest, unsigned max)
{
	struct sb w = SB_INIT;
	const char *p;
	unsigned lines = 0, room = width > rest + WRAP_MIN_TEXT ? width - rest
								: WRAP_MIN_TEXT;
	/* first >= rest in every caller but the header; wrap at the narrower */
	if (first > rest && width > first + WRAP_MIN_TEXT)
		room = width - first;
	wrap_text(&w, text, strlen(text), room, 0);
	for (p = w.buf; *p; lines++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		unsigned ind = lines ? rest : first;
		if (max && lines + 1 == max && nl && nl[1]) {
			/* more follows: cut this line to leave room for "…" */
			size_t keep = wrap_cut_bytes(p, len, room - 1);
			sb_addf(out, "%*s", (int)ind, "");
			sb_add(out, p, keep);
			sb_adds(out, "\xe2\x80\xa6\n");
			break;
		}
		sb_addf(out, "%*s", (int)ind, "");
		sb_add(out, p, len);
		sb_addc(out, '\n');
		p += len + (nl ? 1 : 0);
	}
	sb_release(&w);
}

/* s padded (or cut with "…") to exactly `cols` columns. */
static void add_cell(struct sb *out, const char *s, size_t cols)
{
	size_t n = strlen(s), w = wrap_cols(s, n);
	if (w > cols) {
		size_t keep = wrap_head_bytes(s, n, cols ? cols - 1 : 0);
		sb_add(out, s, keep);
		if (cols)
			sb_adds(out, "\xe2\x80\xa6");
		return;
	}
	sb_add(out, s, n);
	sb_addf(out, "%*s", (int)(cols - w), "");
}

static void add_result(struct sb *out, int answered, int scored, double score,
		       int grade, unsigned time_s, unsigned limit_s, int *over)
{
	struct sb t = SB_INIT;
	if (!answered) {
		sb_addf(out, " %5s  %-5s  %-12s", "-", "-", "not answered");
		return;
	}
	if (scored)
		sb_addf(out, " %5.0f",
			score < 0     ? 0
			: score > 100 ? 100
				      : score);
	else
		sb_addf(out, " %5s", "-");
	sb_addf(out, "  %-5s  ",
		grade >= 1 && grade <= 4 ? fsrs_rating_name(grade) : "-");
	add_clock(&t, time_s);
	if (limit_s) {
		sb_addc(&t, '/');
		add_clock(&t, limit_s);
		if (time_s > limit_s) {
			sb_addc(&t, '!');
			*over = 1;
		}
	}
	sb_addf(out, "%-12s", t.buf);
	sb_release(&t);
}

/* Trailing blanks off the line just added (padded cells). */
static void end_line(struct sb *out)
{
	while (out->len && out->buf[out->len - 1] == ' ')
		sb_setlen(out, out->len - 1);
	sb_addc(out, '\n');
}

/* The feedback's first sentence (up to ". " or the end), its line
 * breaks and runs of blanks as single spaces. */
static void first_sentence(struct sb *out, const char *s)
{
	struct sb one = SB_INIT;
	const char *p;
	for (p = s; *p; p++) {
		int blank = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
		if (blank) {
			if (one.len && one.buf[one.len - 1] != ' ')
				sb_addc(&one, ' ');
			continue;
		}
		sb_addc(&one, *p);
		if (*p == '.' && (!p[1] || p[1] == ' ' || p[1] == '\n'))
			break;
	}
	while (one.len && one.buf[one.len - 1] == ' ')
		sb_setlen(&one, one.len - 1);
	safe_term(out, one.buf, one.len, 0);
	sb_release(&one);
}

void mock_render(struct sb *out, const struct mock_card *c, unsigned width)
{
	struct sb line = SB_INIT, cell = SB_INIT;
	size_t i, idw = ID_MIN, answered = 0;
	double mean = 0;
	enum mock_verdict v = mock_verdict(c->rows, c->n, &mean);
	int over = 0;

	if (width < 40)
		width = 40;
	for (i = 0; i < c->n; i++) {
		size_t w = c->rows[i].question
				   ? wrap_cols(c->rows[i].question,
					       strlen(c->rows[i].question))
				   : 1;
		if (w > idw)
			idw = w;
		answered += c->rows[i].answered != 0;
	}
	if (idw > width - ROW_INDENT - RIGHT_COLS)
		idw = width - ROW_INDENT - RIGHT_COLS;

	sb_addf(&line, "mock interview %lld", c->id);
	if (c->when)
		sb_addf(&line, " \xc2\xb7 %s", c->when);
	sb_addf(&line, " \xc2\xb7 %zu of %zu answered \xc2\xb7 time ", answered,
		c->n);
	add_clock(&line, c->spent_s);
	if (c->limit_s) {
		sb_adds(&line, " of ");
		add_clock(&line, c->limit_s);
	}
	if (c->ending)
		sb_addf(&line, " \xc2\xb7 %s", c->ending);
	add_para(out, line.buf, width, 0, 2, 0);

	sb_reset(&line);
	sb_adds(&line, "  #  ");
	add_cell(&line, "question", idw);
	sb_addf(&line, " %5s  %-5s  %-12s", "score", "grade", "time/limit");
	sb_add(out, line.buf, line.len);
	end_line(out);

	for (i = 0; i < c->n; i++) {
		const struct mock_row *r = &c->rows[i];
		sb_reset(&line);
		sb_reset(&cell);
		add_safe(&cell, r->question ? r->question : "?");
		sb_addf(&line, "%3zu  ", i + 1);
		add_cell(&line, cell.buf, idw);
		add_result(&line, r->answered, r->scored, r->score, r->grade,
			   r->time_s, r->limit_s, &over);
		sb_add(out, line.buf, line.len);
		end_line(out);
		if (r->fu_answered) {
			sb_reset(&line);
			sb_adds(&line, "     ");
			add_cell(&line, "+ follow-up", idw);
			add_result(&line, 1, r->fu_scored, r->fu_score,
				   r->fu_grade, r->fu_time_s, r->fu_limit_s,
				   &over);
			sb_add(out, line.buf, line.len);
			end_line(out);
		}
		if (r->answered && r->weakest) {
			sb_reset(&line);
			sb_adds(&line, "weakest: ");
			add_safe(&line, r->weakest);
			if (r->feedback && *r->feedback) {
				sb_adds(&line, " \xe2\x80\x94 ");
				first_sentence(&line, r->feedback);
			}
			add_para(out, line.buf, width, ROW_INDENT,
				 ROW_INDENT + 2, FEEDBACK_LINES);
		}
	}
	if (over)
		add_para(out, "! over its time limit", width, 5, 5, 0);

	sb_reset(&line);
	sb_addf(&line, "verdict: %s", mock_verdict_name(v));
	if (v != MOCK_NONE)
		sb_addf(&line,
			" (mean %.0f over %zu question%s; hire: mean %.0f+ "
			"and none below %.0f \xc2\xb7 lean hire: %.0f+ \xc2\xb7 "
			"lean no: %.0f+ \xc2\xb7 else no)",
			mean, c->n, c->n == 1 ? "" : "s", MOCK_HIRE_MEAN,
			MOCK_HIRE_FLOOR, MOCK_LEAN_HIRE_MEAN,
			MOCK_LEAN_NO_MEAN);
	add_para(out, line.buf, width, 0, 2, 0);

	sb_reset(&line);
	if (c->practise) {
		sb_adds(&line, "practise next: ");
		add_safe(&line, c->practise);
		if (c->practise_category) {
			sb_adds(&line, " in ");
			add_safe(&line, c->practise_category);
		}
		sb_addf(&line, " (missed in %u of %u answer%s)",
			c->practise_missed, c->practise_of,
			c->practise_of == 1 ? "" : "s");
	} else {
		sb_adds(&line, answered
				       ? "practise next: nothing was missed; "
					 "try a longer set"
				       : "practise next: answer the questions");
	}
	add_para(out, line.buf, width, 0, 2, 0);
	sb_release(&line);
	sb_release(&cell);
}
