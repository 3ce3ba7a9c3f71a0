/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill score`: score an answer from a file or stdin, write nothing. */
#include "cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "json.h"
#include "opt.h"
#include "report.h"
#include "sb.h"
#include "score.h"
#include "term.h"
#include "xalloc.h"

enum {
	SC_QUESTION = 1,
	SC_RUBRIC,
	SC_PROMPT,
	SC_CATEGORY,
	SC_FOLLOWUP,
	SC_TIME,
	SC_FULL,
	SC_JSON
};
/*
 * Score one answer file (or "-" for standard input) and print its report;
 * `banner` puts the file's name above a text report (several files).  A
 * JSON report carries the file's name, one object per line.
 */
static int score_file(struct app *app, struct bank *b, struct rubric *r,
		      struct question *q, int adhoc, const char *followup,
		      long seconds, const char *path, int banner, int json,
		      int full, struct diag_list *dl)
{
	struct sb text = SB_INIT;
	struct score_report rep;
	unsigned limit = q && !adhoc
				 ? bank_question_time(b, (size_t)(q - b->q.v))
				 : r->time_s;
	long ms = seconds >= 0 ? seconds * 1000 : -1;
	int status = read_answer_arg(path, &text);

	if (status != EX_OK) {
		sb_release(&text);
		return status;
	}
	if (followup)
		score_followup(&rep, r, q, followup, text.buf, text.len, ms,
			       limit / 2 ? limit / 2 : limit, dl);
	else
		score_answer(&rep, r, q, text.buf, text.len, ms, limit, dl);
	diag_print(dl, 1);
	diag_release(dl);
	if (json) {
		struct sb out = SB_INIT;
		score_report_json(&rep, r->name, q ? q->id : NULL, text.buf,
				  text.len, &out);
		/* {"file":NAME, ... }: the name first, so a reader of many
		 * lines sees at once which answer each one is */
		struct sb line = SB_INIT;
		sb_adds(&line, "{\"file\":");
		json_str(&line, path);
		if (out.len > 2 && out.buf[0] == '{') {
			sb_addc(&line, ',');
			sb_add(&line, out.buf + 1, out.len - 1);
		} else {
			sb_addc(&line, '}');
		}
		sb_addc(&line, '\n');
		fwrite(line.buf, 1, line.len, stdout);
		sb_release(&line);
		sb_release(&out);
	} else {
		if (banner) {
			struct sb h = SB_INIT;
			sb_addf(&h, "== %s ==\n", path);
			term_write(stdout, h.buf, h.len);
			sb_release(&h);
		}
		if (full || !isatty(STDOUT_FILENO))
			/* Scripts and pipes get every criterion, as they always did. */
			report_print(stdout, &rep, text.buf, text.len,
				     app->color_out, term_width());
		else {
			report_print_compact(stdout, &rep, app->color_out,
					     term_width());
			fputs("(--full shows every criterion with its evidence)\n",
			      stdout);
		}
	}
	if (!rep.words) {
		struct sb m = SB_INIT;
		sb_addf(&m,
			"pmdrill: score: %s%sthe answer is empty; nothing to score\n",
			banner ? path : "", banner ? ": " : "");
		term_write(stderr, m.buf, m.len);
		sb_release(&m);
		status = EX_DATAERR;
	}
	score_report_release(&rep);
	sb_release(&text);
	return status;
}

static const struct cmd_grammar score_grammar = {
	"score",
	"question/q= rubric= prompt= category= followup= time= full json", -1,
	NULL};

int cmd_score(int argc, char **argv, struct app *app)
{
	static const char *const from_stdin[] = {"-"};
	const char *qid, *rname, *followup, *prompt, *category;
	const char *const *paths;
	size_t npaths, i;
	struct question adhoc;
	long long seconds = -1;
	int json, full, status = EX_OK;
	struct cmd_args a;
	struct bank *b;
	struct rubric *r;
	struct question *q;
	struct sb text = SB_INIT;
	struct diag_list dl = {0};

	if (cmd_parse(&a, argc, argv, &score_grammar, &status))
		return status;
	json = a.value[SC_JSON] != NULL;
	full = a.value[SC_FULL] != NULL;
	qid = a.value[SC_QUESTION];
	rname = a.value[SC_RUBRIC];
	followup = a.value[SC_FOLLOWUP];
	prompt = a.value[SC_PROMPT];
	category = a.value[SC_CATEGORY];
	if ((status = cmd_arg_number(&a, SC_TIME, "score", 0, 86400, "seconds",
				     &seconds)))
		goto out;
	paths = (const char *const *)a.operand;
	npaths = (size_t)a.noperands;
	if (!npaths) {
		paths = from_stdin; /* standard input */
		npaths = 1;
	}
	if (prompt && !qid && !rname)
		rname = category;
	if (!qid == !rname || (prompt && qid) || (prompt && !*prompt) ||
	    (category && !prompt)) {
		fprintf(stderr,
			"pmdrill: score: give --question ID, --rubric NAME, or --prompt TEXT with --category CAT (or --rubric)\n");
		cmd_usage(cmd_find("score"), stderr);
		status = EX_USAGE;
		goto out;
	}
	b = app_bank(app, &status);
	if (!b)
		goto out;
	status = prepare_rubric(b, qid, rname, &r, &q);
	if (status != EX_OK)
		goto out;
	if (prompt) {
		/* a question that has only a prompt, as in a custom bank */
		memset(&adhoc, 0, sizeof(adhoc));
		adhoc.id = (char *)"prompt";
		adhoc.category = (char *)(category ? category : r->name);
		adhoc.prompt = (char *)prompt;
		adhoc.compiled = 1;
		q = &adhoc;
	}
	if (followup && q) {
		/* a number picks one of the question's follow-ups */
		char *end;
		long k = strtol(followup, &end, 10);
		if (!*end && end != followup) {
			if (k < 1 || (size_t)k > q->nfollow) {
				fprintf(stderr,
					"pmdrill: score: question '%s' has %zu follow-up%s; --followup %ld is not one of them\n",
					q->id, q->nfollow,
					q->nfollow == 1 ? "" : "s", k);
				status = EX_USAGE;
				goto out;
			}
			followup = q->follow_ups[k - 1];
		}
	} else if (followup) {
		fprintf(stderr,
			"pmdrill: score: --followup needs a question (--question or --prompt)\n");
		status = EX_USAGE;
		goto out;
	}
	/*
	 * Several files are scored in one process, in order; a file that
	 * cannot be read or is empty is reported and the others still run
	 * (the exit status is the first failure's).
	 */
	for (i = 0; i < npaths; i++) {
		int one =
			score_file(app, b, r, q, q == &adhoc, followup, seconds,
				   paths[i], npaths > 1, json, full, &dl);
		if (one != EX_OK && status == EX_OK)
			status = one;
	}
out:
	diag_release(&dl);
	sb_release(&text);
	return status;
}
