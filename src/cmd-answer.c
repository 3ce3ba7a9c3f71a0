/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill answer`: save, score and schedule an answer written elsewhere. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "fsrs.h"
#include "opt.h"
#include "report.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-attempt.h"
#include "store-read.h"
#include "term.h"

static int is_blank(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/* Print the outcome and the next due date after a committed attempt. */
static void print_outcome(const struct app *app, long long id, int proposed,
			  int final, const struct fsrs_review *rv)
{
	struct sb due = SB_INIT;
	printf("attempt %lld saved; grade: %s", id, fsrs_rating_name(final));
	if (final != proposed)
		printf(" (proposed %s)", fsrs_rating_name(proposed));
	putchar('\n');
	store_fmt_date(&due, rv->due);
	printf("next due: %s (in %d day%s)\n", due.buf, rv->interval_days,
	       rv->interval_days == 1 ? "" : "s");
	(void)app;
	sb_release(&due);
}

enum { A_QUESTION = 1, A_TIME, A_GRADE };
static const struct cmd_grammar answer_grammar = {
	"answer", "question/q= time= grade=", 1, "one answer file at a time"};

int cmd_answer(int argc, char **argv, struct app *app)
{
	const char *qid, *path;
	long long seconds = -1;
	int override = 0, status, rc;
	struct cmd_args args;
	struct bank *b;
	struct rubric *r = NULL;
	struct question *q = NULL;
	struct sb text = SB_INIT, err = SB_INIT;
	struct store *st = NULL;
	struct fsrs_params p;
	struct fsrs_review rv;
	struct score_report rep;
	struct diag_list dl = {0};
	long long id = 0, now = (long long)app->now;
	int scored = 0, rubric_ok;

	if (cmd_parse(&args, argc, argv, &answer_grammar, &status))
		return status;
	qid = args.value[A_QUESTION];
	path = args.noperands ? args.operand[0] : NULL;
	if ((status = cmd_arg_number(&args, A_TIME, "answer", 0, 86400,
				     "seconds", &seconds)))
		goto out;
	/* parsed once: the same value is saved and printed */
	if (args.value[A_GRADE] &&
	    (override = opt_grade(args.value[A_GRADE], &err)) < 0) {
		status = cmd_value_error("answer", &err);
		goto out;
	}
	if (!qid) {
		status = cmd_usage_error("answer", "%s",
					 "--question ID is required");
		goto out;
	}

	b = app_bank(app, &status);
	if (!b)
		goto out;
	if (qbank_find(&b->q, qid) < 0) {
		fprintf(stderr,
			"pmdrill: answer: no question with id '%s' (see 'pmdrill list')\n",
			qid);
		status = EX_NOINPUT;
		goto out;
	}
	status = read_answer_arg(path, &text);
	if (status != EX_OK)
		goto out;
	if (is_blank(text.buf, text.len)) {
		fprintf(stderr,
			"pmdrill: answer: the answer is empty; nothing was saved or scheduled\n");
		status = EX_DATAERR;
		goto out;
	}

	if ((status = cmd_open_store(app, STORE_OPEN_CREATE, &st)))
		goto out;
	store_set_now(st, now);
	if ((rc = store_params(st, &p, NULL, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	/* Save first: whatever fails after this, the answer is kept. */
	q = &b->q.v[qbank_find(&b->q, qid)];
	rc = store_begin_attempt(st, qid, q->prompt,
				 seconds >= 0 ? now - seconds : now,
				 seconds >= 0 ? seconds * 1000 : -1, text.buf,
				 text.len, -1, 0, &id, &err);
	if (rc) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	/* The questions' display text (category, level) for stats and
	 * history; not worth failing an answer that is already saved. */
	if (store_sync_questions(st, b, now, &err)) {
		fprintf(stderr, "pmdrill: warning: %s\n", err.buf);
		sb_reset(&err);
	}

	rubric_ok = prepare_rubric(b, qid, NULL, &r, &q);
	if (rubric_ok != EX_OK) {
		fprintf(stderr,
			"pmdrill: answer: attempt %lld is saved but not scored or scheduled\n",
			id);
		status = rubric_ok;
		goto out;
	}
	score_answer(&rep, r, q, text.buf, text.len,
		     seconds >= 0 ? seconds * 1000 : -1,
		     bank_question_time(b, (size_t)(q - b->q.v)), &dl);
	scored = 1;
	diag_print(&dl, 1);
	if (!rep.words) {
		fprintf(stderr,
			"pmdrill: answer: the answer has no words to score; attempt %lld is saved but not scheduled\n",
			id);
		status = EX_DATAERR;
		goto out;
	}
	rc = store_finish_attempt(st, id, &rep, r->name, r->version, rep.grade,
				  1, &p, now, &rv, &err);
	if (!rc && override && override != rep.grade)
		rc = store_set_grade(st, id, override, &p, &rv, &err);
	if (rc) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	report_print(stdout, &rep, text.buf, text.len, app->color_out,
		     term_width());
	print_outcome(app, id, rep.grade, override ? override : rep.grade, &rv);
	if (fflush(stdout)) {
		status = EX_IOERR;
		goto out;
	}
	status = EX_OK;
out:
	if (scored)
		score_report_release(&rep);
	diag_release(&dl);
	store_close(st);
	sb_release(&text);
	sb_release(&err);
	return status;
}
