/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill next`: what a drill would ask next, and why. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "bank.h"
#include "json.h"
#include "opt.h"
#include "qbank.h"
#include "queue.h"
#include "sb.h"
#include "store.h"
#include "store-attempt.h"
#include "store-read.h"
#include "term.h"
#include "xalloc.h"

static void entry_json(struct sb *out, const struct queue_entry *e,
		       const struct question *q)
{
	struct sb why = SB_INIT;
	queue_describe(e, &why);
	sb_addc(out, '{');
	json_key_str(out, "question", q->id);
	json_key_str(out, "category", q->category);
	json_key_str(out, "level", q->level ? qlevel_name(q->level) : NULL);
	json_key_str(out, "reason", queue_reason_name(e->reason));
	json_key(out, "due");
	if (e->reason == QUEUE_DUE || (e->reason == QUEUE_CRAM && e->due)) {
		struct sb t = SB_INIT;
		store_fmt_time(&t, e->due);
		json_str(out, t.buf);
		sb_release(&t);
		json_key_num(out, "retrievability", e->retrievability, -1);
	} else {
		sb_adds(out, "null,\"retrievability\":null");
	}
	json_key(out, "last_score");
	json_num_or_null(out, e->last_score, e->last_score >= 0);
	json_key_str(out, "why", why.buf);
	json_key_str(out, "prompt", q->prompt);
	sb_addc(out, '}');
	sb_release(&why);
}

/* The last scores of the entries, which store_queue_cards() leaves out. */
static int entry_scores(struct store *st, struct queue *qu,
			const struct queue_question *qs, struct sb *err)
{
	const char **ids = xcalloc(qu->nr + 1, sizeof(*ids));
	double *v = xcalloc(qu->nr + 1, sizeof(*v));
	size_t i;
	int rc;
	for (i = 0; i < qu->nr; i++)
		ids[i] = qs[qu->v[i].index].id;
	rc = store_last_scores(st, ids, qu->nr, v, err);
	for (i = 0; !rc && i < qu->nr; i++)
		qu->v[i].last_score = v[i];
	free(ids);
	free(v);
	return rc;
}

enum { N_CATEGORY = 1, N_TAG, N_LEVEL, N_COUNT, N_CRAM, N_JSON };
static const struct cmd_grammar next_grammar = {
	"next", "category= tag= level= count= cram json", 0, NULL};

int cmd_next(int argc, char **argv, struct app *app)
{
	struct queue_opts o;
	struct queue qu = {0};
	struct queue_question *qs = NULL;
	struct store *st = NULL;
	struct sb err = SB_INIT, out = SB_INIT;
	struct fsrs_params p;
	struct bank *b;
	const char *level;
	int json, new_per_day = 5, status, rc;
	struct cmd_args a;
	long long count = 1;
	size_t i;

	memset(&o, 0, sizeof(o));
	if (cmd_parse(&a, argc, argv, &next_grammar, &status))
		return status;
	json = a.value[N_JSON] != NULL;
	o.cram = a.value[N_CRAM] != NULL;
	o.category = a.value[N_CATEGORY];
	o.tag = a.value[N_TAG];
	level = a.value[N_LEVEL];
	if ((status = cmd_arg_number(&a, N_COUNT, "next", 1, 100000, NULL,
				     &count)))
		goto out;
	if (level && (status = cmd_level_arg("next", level, &o.level)))
		goto out;

	b = app_bank_partial(app, &status);
	if (!b)
		goto out;
	if ((o.category && bank_check_category(b, o.category, &err)) ||
	    (o.tag && bank_check_tag(b, o.tag, &err))) {
		status = cmd_value_error("next", &err);
		goto out;
	}
	fsrs_params_default(&p);
	/* No database (st NULL): no history yet, every question is new. */
	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	if (st && (rc = store_params(st, &p, &new_per_day, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	/* The normal queue chooses by the cards alone; only cram ranks by
	 * the last scores, and JSON shows those of the entries it lists. */
	if ((rc = o.cram ? store_queue_questions(st, b, &qs, &err)
			 : store_queue_cards(st, b, &qs, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	o.params = &p;
	o.now = (long long)app->now;
	o.new_per_day = new_per_day;
	o.limit = (size_t)count;
	queue_build(&qu, qs, b->q.nr, &o);
	if (json && !o.cram && st && (rc = entry_scores(st, &qu, qs, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}

	if (json) {
		sb_addf(&out,
			"{\"due\":%zu,\"new\":%zu,\"new_today\":%d,"
			"\"new_left\":%d,\"queue\":[",
			qu.due_total, qu.new_total, qu.new_today, qu.new_left);
		for (i = 0; i < qu.nr; i++) {
			if (i)
				sb_addc(&out, ',');
			entry_json(&out, &qu.v[i], &b->q.v[qu.v[i].index]);
		}
		sb_adds(&out, "]}\n");
	} else if (!qu.nr) {
		long long soonest = 0;
		const char *sid = NULL;
		for (i = 0; i < b->q.nr; i++)
			if (qs[i].card.reviewed && queue_matches(&qs[i], &o) &&
			    (!sid || qs[i].card.due < soonest)) {
				soonest = qs[i].card.due;
				sid = qs[i].id;
			}
		sb_adds(&out, "nothing to ask now");
		if (!o.cram && qu.new_total && !qu.new_left)
			sb_addf(&out,
				" (today's %d new question%s already introduced)",
				new_per_day, new_per_day == 1 ? "" : "s");
		sb_addc(&out, '\n');
		if (sid) {
			sb_adds(&out, "next due: ");
			store_fmt_time(&out, soonest);
			sb_addf(&out, " (%s)\n", sid);
		}
	} else {
		for (i = 0; i < qu.nr; i++) {
			const struct question *q = &b->q.v[qu.v[i].index];
			if (i)
				sb_addc(&out, '\n');
			sb_addf(&out, "%s (%s%s%s)\n", q->id, q->category,
				q->level ? ", " : "",
				q->level ? qlevel_name(q->level) : "");
			sb_adds(&out, "why: ");
			queue_describe(&qu.v[i], &out);
			sb_addc(&out, '\n');
			if (count == 1) {
				sb_adds(&out, "\n");
				if (!term_add_prose(&out, q->prompt, 0)) {
					sb_adds(&out, q->prompt);
					sb_addc(&out, '\n');
				}
			}
		}
		if (!o.cram)
			sb_addf(&out,
				"\n%zu due, %d of %d new question%s left today\n",
				qu.due_total,
				qu.new_left < (int)qu.new_total
					? qu.new_left
					: (int)qu.new_total,
				new_per_day, new_per_day == 1 ? "" : "s");
	}
	cmd_screen(out.buf, out.len, json, TERM_FIT_WRAP, 0);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	queue_release(&qu);
	free(qs);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
