/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill history`: past attempts, newest first. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "fsrs.h"
#include "json.h"
#include "opt.h"
#include "mock-card.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "store-session.h"
#include "term.h"
#include "wrap.h"

static void attempt_json(struct sb *out, const struct store_attempt *a)
{
	struct sb t = SB_INIT;
	attempt_json_head(out, a, 0);
	json_key(out, "follow_up");
	json_int_or_null(out, a->follow_up, a->follow_up >= 0);
	json_key(out, "parent");
	json_int_or_null(out, a->parent, a->parent != 0);
	json_key(out, "score");
	json_num_or_null(out, a->score, a->scored);
	json_key(out, "words");
	json_int_or_null(out, a->words, a->scored);
	json_key_str(out, "auto_grade", fsrs_rating_name(a->auto_grade));
	json_key_str(out, "final_grade", fsrs_rating_name(a->final_grade));
	sb_addf(out,
		",\"scheduled\":%s,\"due\":", a->scheduled ? "true" : "false");
	if (a->scheduled) {
		sb_reset(&t);
		store_fmt_time(&t, a->due);
		json_str(out, t.buf);
		sb_addf(out, ",\"interval_days\":%d", a->interval_days);
	} else {
		sb_adds(out, "null,\"interval_days\":null");
	}
	sb_addc(out, '}');
	sb_release(&t);
}

enum { H_QUESTION = 1, H_SINCE, H_LIMIT, H_JSON, H_MOCK };
/* `history --mock`: the mock interviews, newest first. */
static int mock_history(struct app *app, int json)
{
	struct store *st = NULL;
	struct store_session *v = NULL;
	struct sb err = SB_INIT, out = SB_INIT;
	size_t n = 0, i;
	int rc, status = EX_OK;

	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	if (st && (rc = store_list_sessions(st, "mock", &v, &n, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	if (json)
		sb_addc(&out, '[');
	else if (!n)
		sb_adds(&out,
			"no mock interviews yet ('pmdrill mock' starts one)\n");
	else
		sb_addf(&out, "%6s  %-16s  %9s  %4s  %s\n", "ID", "DATE",
			"QUESTIONS", "MEAN", "VERDICT");
	for (i = n; i-- > 0;) {
		struct mockcard mc;
		if ((rc = mockcard_load(st, v[i].id, &mc, &err))) {
			status = cmd_store_error(rc, &err);
			mockcard_release(&mc);
			goto out;
		}
		if (json) {
			sb_adds(&out, i + 1 < n ? ",\n" : "\n");
			mockcard_json(&out, &mc);
		} else {
			struct sb when = SB_INIT, q = SB_INIT, m = SB_INIT;
			store_fmt_minute(&when, v[i].started_at);
			sb_addf(&q, "%zu/%zu", mockcard_answered(&mc),
				mc.card.n);
			if (mc.verdict != MOCK_NONE)
				sb_addf(&m, "%.0f", mc.mean);
			else
				sb_adds(&m, "-");
			sb_addf(&out, "%6lld  %-16s  %9s  %4s  %s%s\n", v[i].id,
				when.buf, q.buf, m.buf,
				mock_verdict_name(mc.verdict),
				v[i].ended_at ? "" : " (not finished)");
			sb_release(&when);
			sb_release(&q);
			sb_release(&m);
		}
		mockcard_release(&mc);
	}
	if (json)
		sb_adds(&out, n ? "\n]\n" : "]\n");
	cmd_screen(out.buf, out.len, json, TERM_FIT_CUT, 0);
	if (fflush(stdout))
		status = EX_IOERR;
out:
	store_sessions_free(v, n);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}

static const struct cmd_grammar history_grammar = {
	"history", "question/q= since= limit= json mock", 0, NULL};

int cmd_history(int argc, char **argv, struct app *app)
{
	struct store_filter f;
	struct store_attempt *v = NULL;
	struct store *st = NULL;
	struct sb err = SB_INIT, out = SB_INIT;
	size_t n = 0, i, qw = 8;
	int json, rc, status, overridden = 0, mock;
	long long limit = 0;
	struct cmd_args a;

	memset(&f, 0, sizeof(f));
	if (cmd_parse(&a, argc, argv, &history_grammar, &status))
		return status;
	json = a.value[H_JSON] != NULL;
	mock = a.value[H_MOCK] != NULL;
	f.question_id = a.value[H_QUESTION];
	if (a.value[H_SINCE]) {
		long long t = parse_time_arg(a.value[H_SINCE]);
		if (t < 0) {
			status = cmd_usage_error(
				"history",
				"--since takes a date (YYYY-MM-DD), not '%s'",
				a.value[H_SINCE]);
			goto out;
		}
		f.since = t ? t : 1;
	}
	if ((status = cmd_arg_number(&a, H_LIMIT, "history", 1, -1, NULL,
				     &limit)))
		goto out;
	f.limit = (size_t)limit;

	if (mock) {
		if (f.question_id || f.since || f.limit) {
			status = cmd_usage_error(
				"history", "%s",
				"--mock lists whole "
				"sessions; it takes only --json");
			goto out;
		}
		status = mock_history(app, json);
		goto out;
	}
	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	if (st && (rc = store_list_attempts(st, &f, &v, &n, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}

	if (json) {
		sb_addc(&out, '[');
		for (i = 0; i < n; i++) {
			sb_adds(&out, i ? ",\n" : "\n");
			attempt_json(&out, &v[i]);
		}
		sb_adds(&out, n ? "\n]\n" : "]\n");
	} else if (!n) {
		sb_adds(&out, f.question_id || f.since
				      ? "no matching attempts\n"
				      : "no attempts yet\n");
	} else {
		/* the columns but the question's, and their gaps */
		size_t fixed = 6 + 2 + 16 + 2 + 2 + 5 + 2 + 6 + 1 + 6, dw = 16;
		unsigned w = isatty(STDOUT_FILENO) ? term_width() : 0;
		for (i = 0; i < n; i++) {
			size_t l = strlen(v[i].question_id) +
				   (v[i].follow_up >= 0 ? 4 : 0);
			if (l > qw)
				qw = l;
		}
		/* A narrow terminal: the date without its year, then the
		 * question ids cut, so the score and grade always show. */
		if (w > 1 && fixed + qw > w - 1) {
			dw = 11;
			fixed -= 5;
		}
		if (w > 1 && fixed + qw > w - 1)
			qw = w - 1 > fixed + 8 ? w - 1 - fixed : 8;
		sb_addf(&out, "%6s  %-*s  ", "ID", (int)dw, "DATE");
		wrap_cell(&out, "QUESTION", qw);
		sb_addf(&out, "  %5s  %-6s %s\n", "SCORE", "GRADE", "TIME");
		for (i = 0; i < n; i++) {
			const struct store_attempt *at = &v[i];
			struct sb q = SB_INIT, when = SB_INIT, sc = SB_INIT,
				  gr = SB_INIT, tm = SB_INIT;
			sb_adds(&q, at->question_id);
			if (at->follow_up >= 0)
				sb_addf(&q, " #%d", at->follow_up + 1);
			store_fmt_minute(&when, at->started_at);
			if (dw < 16 && when.len >= 16) {
				/* "2026-03-02 09:00" -> "03-02 09:00" */
				memmove(when.buf, when.buf + 5,
					when.len - 5 + 1);
				sb_setlen(&when, when.len - 5);
			}
			if (at->scored)
				sb_addf(&sc, "%.0f", at->score);
			else
				sb_adds(&sc, "-");
			if (at->final_grade) {
				sb_adds(&gr, fsrs_rating_name(at->final_grade));
				if (at->final_grade != at->auto_grade) {
					sb_addc(&gr, '*');
					overridden = 1;
				}
			} else {
				sb_adds(&gr, "-");
			}
			if (at->duration_ms >= 0)
				format_duration(
					&tm,
					(unsigned)((at->duration_ms + 500) /
						   1000));
			else
				sb_adds(&tm, "-");
			sb_addf(&out, "%6lld  %-*s  ", at->id, (int)dw,
				when.buf);
			/* cut with "…" to the column on a narrow terminal */
			wrap_cell(&out, q.buf, qw);
			sb_addf(&out, "  %5s  %-6s %s\n", sc.buf, gr.buf,
				tm.buf);
			sb_release(&q);
			sb_release(&when);
			sb_release(&sc);
			sb_release(&gr);
			sb_release(&tm);
		}
		if (overridden)
			sb_adds(&out,
				"* grade changed by hand (see 'pmdrill review ID')\n");
	}
	cmd_screen(out.buf, out.len, json, TERM_FIT_CUT, 0);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	store_attempts_free(v, n);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
