/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `pmdrill compare A B`: two attempts at one question side by side, at the
 * terminal's width: total, grade, words and time, every criterion's points
 * in each, and what the later attempt gained or lost.  The earlier attempt
 * is always the left column, whatever order A and B are given in.
 */
#include "cmd.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "fsrs.h"
#include "json.h"
#include "opt.h"
#include "rubric.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

#define NUM_COLS 9u   /* " 12.5/25" */
#define DELTA_COLS 7u /* "  +12.5" */
#define LABEL_MIN 12u

/* One row: a criterion in either attempt (by name). */
struct row {
	const char *name, *label;
	const struct store_item *a, *b; /* NULL: not in that attempt */
};

static const struct store_item *find_item(const struct store_attempt *at,
					  const char *name)
{
	size_t i;
	for (i = 0; i < at->nitems; i++)
		if (!strcmp(at->items[i].name, name))
			return &at->items[i];
	return NULL;
}

static int scored_item(const struct store_item *it)
{
	return it && it->active && it->kind != CRIT_PENALTY &&
	       it->kind != CRIT_LENGTH;
}

/* Rows in the later attempt's order, then any only the earlier one had. */
static struct row *make_rows(const struct store_attempt *a,
			     const struct store_attempt *b, size_t *n)
{
	struct row *v = xcalloc(a->nitems + b->nitems + 1, sizeof(*v));
	size_t i, k = 0;
	for (i = 0; i < b->nitems; i++) {
		const struct store_item *it = &b->items[i];
		v[k].name = it->name;
		v[k].label = it->label ? it->label : it->name;
		v[k].b = it;
		v[k].a = find_item(a, it->name);
		k++;
	}
	for (i = 0; i < a->nitems; i++) {
		const struct store_item *it = &a->items[i];
		if (find_item(b, it->name))
			continue;
		v[k].name = it->name;
		v[k].label = it->label ? it->label : it->name;
		v[k].a = it;
		k++;
	}
	*n = k;
	return v;
}

static void add_points(struct sb *out, const struct store_item *it)
{
	char cell[32];
	if (!it || !it->active)
		snprintf(cell, sizeof(cell), "%s", "-");
	else if (it->kind == CRIT_PENALTY || it->kind == CRIT_LENGTH)
		snprintf(cell, sizeof(cell), "%s%.1f",
			 it->earned > 0 ? "-" : "", it->earned);
	else
		snprintf(cell, sizeof(cell), "%.1f/%.0f", it->earned,
			 it->weight);
	sb_addf(out, "%*s", (int)NUM_COLS, cell);
}

/* Points toward the total: penalties count against it. */
static double signed_points(const struct store_item *it)
{
	if (!it || !it->active)
		return 0;
	return it->kind == CRIT_PENALTY || it->kind == CRIT_LENGTH ? -it->earned
								   : it->earned;
}

static void add_side(struct sb *out, const char *what,
		     const struct store_attempt *at)
{
	struct sb when = SB_INIT;
	store_fmt_time(&when, at->started_at);
	sb_addf(out, "%s  attempt %lld, %s\n", what, at->id, when.buf);
	sb_adds(out, "        ");
	if (at->scored)
		sb_addf(out, "score %.0f", at->score);
	else
		sb_adds(out, "not scored");
	if (at->final_grade)
		sb_addf(out, ", %s", fsrs_rating_name(at->final_grade));
	sb_addf(out, ", %u words", at->words);
	if (at->duration_ms >= 0) {
		sb_adds(out, ", ");
		format_duration(out,
				(unsigned)((at->duration_ms + 500) / 1000));
	}
	sb_addc(out, '\n');
	sb_release(&when);
}

/* The two answers in columns of (width - 3) / 2, the earlier on the left. */
static void add_answers(struct sb *out, const struct store_attempt *a,
			const struct store_attempt *b, unsigned width)
{
	unsigned col = width > 4 ? (width - 4) / 2 : 1;
	struct sb la = SB_INIT, lb = SB_INIT;
	const char *pa, *pb;
	wrap_text(&la, a->answer, a->answer_len, col, 0);
	wrap_text(&lb, b->answer, b->answer_len, col, 0);
	pa = la.buf;
	pb = lb.buf;
	sb_addf(out, "\n%-*s | %s\n", (int)col, "earlier answer",
		"later answer");
	while (*pa || *pb) {
		const char *ea = strchr(pa, '\n'), *eb = strchr(pb, '\n');
		size_t na = ea ? (size_t)(ea - pa) : strlen(pa);
		size_t nb = eb ? (size_t)(eb - pb) : strlen(pb);
		size_t have = wrap_cols(pa, na);
		sb_add(out, pa, na);
		while (have++ < col)
			sb_addc(out, ' ');
		sb_adds(out, " | ");
		sb_add(out, pb, nb);
		/* no trailing blanks on a line whose right side is empty */
		while (out->len && out->buf[out->len - 1] == ' ')
			out->len--;
		out->buf[out->len] = '\0';
		sb_addc(out, '\n');
		pa += na + (ea != NULL);
		pb += nb + (eb != NULL);
	}
	sb_release(&la);
	sb_release(&lb);
}

static void compare_text(struct sb *out, const struct store_attempt *a,
			 const struct store_attempt *b, const struct row *rows,
			 size_t nrows, unsigned width, int answers)
{
	size_t i, label_cols;
	struct sb gained = SB_INIT, lost = SB_INIT;
	unsigned ng = 0, nl = 0;
	/* a line as wide as the terminal wraps on some: keep one column free */
	label_cols = width > 3 + 2 * NUM_COLS + DELTA_COLS + LABEL_MIN
			     ? width - 3 - 2 * NUM_COLS - DELTA_COLS
			     : LABEL_MIN;
	sb_addf(out, "compare  %s\n\n", b->question_id);
	if (b->prompt && *b->prompt) {
		if (!term_add_prose(out, b->prompt, 0)) {
			sb_adds(out, b->prompt);
			sb_addc(out, '\n');
		}
		sb_addc(out, '\n');
	}
	add_side(out, "earlier", a);
	add_side(out, "later  ", b);
	if (a->scored && b->scored)
		sb_addf(out, "change  %+.0f points\n", b->score - a->score);
	sb_addc(out, '\n');
	sb_adds(out, "  ");
	wrap_cell(out, "criterion", label_cols);
	sb_addf(out, "%*s%*s%*s\n", (int)NUM_COLS, "earlier", (int)NUM_COLS,
		"later", (int)DELTA_COLS, "change");
	for (i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];
		double d = signed_points(r->b) - signed_points(r->a);
		int met_a = r->a && r->a->active && r->a->met;
		int met_b = r->b && r->b->active && r->b->met;
		sb_adds(out, "  ");
		wrap_cell(out, r->label, label_cols);
		add_points(out, r->a);
		add_points(out, r->b);
		if (fabs(d) >= 0.05)
			sb_addf(out, "%+*.1f\n", (int)DELTA_COLS, d);
		else
			sb_addf(out, "%*s\n", (int)DELTA_COLS, "=");
		if (scored_item(r->a) && scored_item(r->b) && met_a != met_b) {
			struct sb *to = met_b ? &gained : &lost;
			if (to->len)
				sb_adds(to, ", ");
			sb_adds(to, r->label);
			if (met_b)
				ng++;
			else
				nl++;
		}
	}
	sb_addc(out, '\n');
	if (ng)
		sb_addf(out, "gained (now met): %s\n", gained.buf);
	if (nl)
		sb_addf(out, "lost (met before, not now): %s\n", lost.buf);
	if (!ng && !nl)
		sb_adds(out, "no criterion changed between met and missed\n");
	if (answers)
		add_answers(out, a, b, width);
	sb_release(&gained);
	sb_release(&lost);
}

static void side_json(struct sb *out, const struct store_attempt *at)
{
	struct sb t = SB_INIT;
	store_fmt_time(&t, at->started_at);
	sb_addf(out, "{\"id\":%lld,\"started_at\":", at->id);
	json_str(out, t.buf);
	json_key(out, "score");
	json_num_or_null(out, at->score, at->scored);
	json_key_str(out, "grade", fsrs_rating_name(at->final_grade));
	sb_addf(out, ",\"words\":%u,\"duration_ms\":", at->words);
	json_int_or_null(out, at->duration_ms, at->duration_ms >= 0);
	json_key(out, "answer");
	json_strn(out, at->answer, at->answer_len);
	sb_addc(out, '}');
	sb_release(&t);
}

static void item_json(struct sb *out, const struct store_item *it)
{
	if (!it || !it->active) {
		sb_adds(out, "null");
		return;
	}
	sb_addc(out, '{');
	json_key_num(out, "earned", it->earned, -1);
	json_key_num(out, "weight", it->weight, -1);
	sb_addf(out, ",\"met\":%s}", it->met ? "true" : "false");
}

static void compare_json(struct sb *out, const struct store_attempt *a,
			 const struct store_attempt *b, const struct row *rows,
			 size_t nrows)
{
	size_t i;
	sb_addc(out, '{');
	json_key_str(out, "question", b->question_id);
	json_key(out, "earlier");
	side_json(out, a);
	json_key(out, "later");
	side_json(out, b);
	json_key(out, "criteria");
	sb_addc(out, '[');
	for (i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];
		int met_a = r->a && r->a->active && r->a->met;
		int met_b = r->b && r->b->active && r->b->met;
		if (i)
			sb_addc(out, ',');
		sb_addc(out, '{');
		json_key_str(out, "name", r->name);
		json_key_str(out, "label", r->label);
		json_key(out, "earlier");
		item_json(out, r->a);
		json_key(out, "later");
		item_json(out, r->b);
		json_key_num(out, "change",
			     signed_points(r->b) - signed_points(r->a), 1);
		sb_addf(out, ",\"gained\":%s,\"lost\":%s}",
			scored_item(r->a) && scored_item(r->b) && !met_a &&
					met_b
				? "true"
				: "false",
			scored_item(r->a) && scored_item(r->b) && met_a &&
					!met_b
				? "true"
				: "false");
	}
	sb_adds(out, "]}\n");
}

enum { CO_ANSWERS = 1, CO_JSON };
static const struct cmd_grammar compare_grammar = {"compare", "answers json", 2,
						   "two attempts, not more"};

int cmd_compare(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_attempt at[2];
	struct sb err = SB_INIT, out = SB_INIT;
	struct row *rows = NULL;
	size_t nrows = 0;
	long long id[2] = {0, 0};
	int json, answers, n, have = 0, rc = 0, status = EX_OK;
	struct cmd_args a;
	const struct store_attempt *early, *late;

	if (cmd_parse(&a, argc, argv, &compare_grammar, &status))
		return status;
	json = a.value[CO_JSON] != NULL;
	answers = a.value[CO_ANSWERS] != NULL;
	for (n = 0; n < a.noperands; n++)
		if ((status = cmd_attempt_arg("compare", a.operand[n], &id[n])))
			return status;
	if (n < 2)
		return cmd_usage_error(
			"compare", "%s",
			"which two attempts? (see 'pmdrill history')");
	if (id[0] == id[1])
		return cmd_usage_error(
			"compare",
			"attempt %lld twice: give two different attempts",
			id[0]);

	memset(at, 0, sizeof(at));
	if ((status = cmd_open_attempts(app, STORE_OPEN_READ, "compare", id[0],
					&st)))
		goto out;
	for (; !rc && have < 2; have++)
		rc = store_get_attempt(st, id[have], &at[have], &err);
	if (rc) {
		if (have)
			have--; /* the failed one holds nothing */
		fprintf(stderr, "pmdrill: %s%s\n",
			rc == STORE_ENOENT ? "compare: " : "", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	if (strcmp(at[0].question_id, at[1].question_id)) {
		struct sb msg = SB_INIT;
		sb_addf(&msg,
			"pmdrill: compare: attempt %lld is at '%s' and attempt %lld at '%s': compare takes two attempts at the same question (see 'pmdrill history --question ID')\n",
			at[0].id, at[0].question_id, at[1].id,
			at[1].question_id);
		term_write(stderr, msg.buf, msg.len);
		sb_release(&msg);
		status = EX_DATAERR;
		goto out;
	}
	if (at[0].started_at < at[1].started_at ||
	    (at[0].started_at == at[1].started_at && at[0].id < at[1].id)) {
		early = &at[0];
		late = &at[1];
	} else {
		early = &at[1];
		late = &at[0];
	}
	rows = make_rows(early, late, &nrows);
	if (json)
		compare_json(&out, early, late, rows, nrows);
	else
		compare_text(&out, early, late, rows, nrows, term_width(),
			     answers);
	/* taller than the terminal (with --answers, often): a pager */
	cmd_screen(out.buf, out.len, json, TERM_FIT_WRAP, 0);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	free(rows);
	while (have-- > 0)
		store_attempt_release(&at[have]);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
