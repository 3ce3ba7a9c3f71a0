/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill grade`: override or undo an attempt's grade. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "fsrs.h"
#include "opt.h"
#include "sb.h"
#include "store.h"
#include "store-attempt.h"
#include "store-read.h"

enum { G_UNDO = 1 };
static const struct cmd_grammar grade_grammar = {"grade", "undo", 2,
						 "too many arguments"};

int cmd_grade(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_attempt at;
	struct fsrs_params p;
	struct sb err = SB_INIT, due = SB_INIT;
	long long id = 0;
	int grade = 0, undo, rc, status, have = 0;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &grade_grammar, &status))
		return status;
	undo = a.value[G_UNDO] != NULL;
	if (a.noperands > 0 &&
	    (status = cmd_attempt_arg("grade", a.operand[0], &id)))
		goto out;
	if (a.noperands > 1 && (grade = opt_grade(a.operand[1], &err)) < 1) {
		status = cmd_value_error("grade", &err);
		goto out;
	}
	if (!id) {
		status = cmd_usage_error(
			"grade", "%s",
			"which attempt? (see 'pmdrill history')");
		goto out;
	}
	if (!grade == !undo) {
		status = cmd_usage_error(
			"grade", "%s", "give a grade or --undo (one of them)");
		goto out;
	}

	if ((status = cmd_open_attempts(app, STORE_OPEN_WRITE, "grade", id,
					&st)))
		goto out;
	if ((rc = store_params(st, &p, NULL, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	if (undo)
		rc = store_undo_grade(st, id, &p, &err);
	else
		rc = store_set_grade(st, id, grade, &p, NULL, &err);
	if (rc) {
		fprintf(stderr, "pmdrill: grade: %s\n", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	if ((rc = store_get_attempt(st, id, &at, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	have = 1;
	printf("attempt %lld: grade %s", id, fsrs_rating_name(at.final_grade));
	if (at.final_grade != at.auto_grade)
		printf(" (proposed %s)", fsrs_rating_name(at.auto_grade));
	putchar('\n');
	if (at.scheduled) {
		struct fsrs_card card;
		if (!store_card(st, at.question_id, &card, &err) &&
		    card.reviewed) {
			store_fmt_date(&due, card.due);
			printf("%s: next due %s\n", at.question_id, due.buf);
		}
	} else {
		printf("not scheduled (cram or follow-up): no schedule changed\n");
	}
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	if (have)
		store_attempt_release(&at);
	store_close(st);
	sb_release(&err);
	sb_release(&due);
	return status;
}
