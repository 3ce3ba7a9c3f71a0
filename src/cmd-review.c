/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill review`: one past attempt in full, with the question's progress. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "fsrs.h"
#include "json.h"
#include "opt.h"
#include "mock-card.h"
#include "report.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-read.h"
#include "term.h"

/* The question's main, scored attempts up to and including `a`. */
static int earlier_attempts(struct store *st, const struct store_attempt *a,
			    struct store_attempt **v, size_t *n, struct sb *err)
{
	struct store_filter f;
	struct store_attempt *all = NULL;
	size_t nall = 0, i, k = 0;
	int rc;
	memset(&f, 0, sizeof(f));
	f.question_id = a->question_id;
	f.oldest_first = 1;
	f.main_only = 1;
	*v = NULL;
	*n = 0;
	if ((rc = store_list_attempts(st, &f, &all, &nall, err)))
		return rc;
	for (i = 0; i < nall; i++) {
		int keep =
			all[i].scored && (all[i].started_at < a->started_at ||
					  (all[i].started_at == a->started_at &&
					   all[i].id <= a->id));
		if (keep && k != i) {
			all[k] = all[i];
			memset(&all[i], 0, sizeof(all[i]));
		} else if (!keep) {
			store_attempt_release(&all[i]);
		}
		k += keep;
	}
	/* Entries past k were moved or released (and zeroed). */
	*v = all;
	*n = k;
	return STORE_OK;
}

static void print_text(struct sb *out, const struct store_attempt *a)
{
	struct sb when = SB_INIT;
	store_fmt_time(&when, a->started_at);
	sb_addf(out, "attempt %lld  %s", a->id, a->question_id);
	if (a->follow_up >= 0)
		sb_addf(out, " (follow-up %d of attempt %lld)",
			a->follow_up + 1, a->parent);
	sb_addf(out, "  %s", when.buf);
	if (a->duration_ms >= 0) {
		sb_adds(out, "  ");
		format_duration(out, (unsigned)((a->duration_ms + 500) / 1000));
	}
	sb_adds(out, "\n\n");
	if (a->prompt) {
		sb_adds(out, "Question:\n");
		if (term_add_prose(out, a->prompt, 0))
			sb_adds(out, "\n");
		else {
			sb_adds(out, a->prompt);
			sb_adds(out, "\n\n");
		}
	}
	sb_adds(out, "Answer:\n");
	sb_add(out, a->answer, a->answer_len);
	if (!a->answer_len || a->answer[a->answer_len - 1] != '\n')
		sb_addc(out, '\n');
	sb_addc(out, '\n');
	sb_release(&when);
}

static void print_after(struct sb *out, const struct store_attempt *a,
			const struct store_attempt *earlier, size_t nearlier)
{
	struct sb t = SB_INIT;
	size_t i;
	if (a->final_grade) {
		sb_addf(out, "grade: %s", fsrs_rating_name(a->final_grade));
		if (a->final_grade != a->auto_grade)
			sb_addf(out, " (proposed %s, changed by hand)",
				fsrs_rating_name(a->auto_grade));
		sb_addc(out, '\n');
	}
	if (a->scheduled) {
		store_fmt_date(&t, a->due);
		sb_addf(out,
			"scheduled: next due %s (interval %d day%s, "
			"stability %.1f days, difficulty %.1f",
			t.buf, a->interval_days,
			a->interval_days == 1 ? "" : "s", a->stability,
			a->difficulty);
		if (a->retrievability >= 0)
			sb_addf(out, ", recall before it %.0f%%",
				a->retrievability * 100.0);
		sb_adds(out, ")\n");
	} else if (a->final_grade) {
		sb_adds(out, "not scheduled (cram or follow-up)\n");
	}
	if (nearlier > 1) {
		sb_adds(out, "progress: ");
		for (i = 0; i < nearlier; i++)
			sb_addf(out, "%s%.0f", i ? " \xe2\x86\x92 " : "",
				earlier[i].score);
		sb_addc(out, '\n');
		sb_adds(out, "earlier attempts:\n");
		for (i = 0; i + 1 < nearlier; i++) {
			sb_reset(&t);
			store_fmt_date(&t, earlier[i].started_at);
			sb_addf(out, "  %6lld  %s  %3.0f  %s\n", earlier[i].id,
				t.buf, earlier[i].score,
				earlier[i].final_grade
					? fsrs_rating_name(
						  earlier[i].final_grade)
					: "-");
		}
	} else if (a->scored && a->follow_up < 0) {
		sb_adds(out, "first scored attempt at this question\n");
	}
	sb_release(&t);
}

static void review_json(struct sb *out, const struct store_attempt *a,
			const struct store_report *r,
			const struct store_attempt *earlier, size_t nearlier)
{
	struct sb t = SB_INIT;
	size_t i;
	attempt_json_head(out, a, 1);
	json_key(out, "answer");
	json_strn(out, a->answer, a->answer_len);
	json_key_str(out, "auto_grade", fsrs_rating_name(a->auto_grade));
	json_key_str(out, "final_grade", fsrs_rating_name(a->final_grade));
	sb_addf(out, ",\"scheduled\":%s", a->scheduled ? "true" : "false");
	if (a->scheduled) {
		sb_reset(&t);
		store_fmt_time(&t, a->due);
		json_key_str(out, "due", t.buf);
		sb_addf(out, ",\"interval_days\":%d,\"stability\":",
			a->interval_days);
		json_num(out, a->stability);
		json_key_num(out, "difficulty", a->difficulty, -1);
	}
	json_key(out, "report");
	if (a->scored)
		score_report_json(&r->rep, a->rubric, a->question_id, a->answer,
				  a->answer_len, out);
	else
		sb_adds(out, "null");
	sb_adds(out, ",\"progress\":[");
	for (i = 0; i < nearlier; i++) {
		if (i)
			sb_addc(out, ',');
		sb_addf(out, "{\"id\":%lld,\"score\":", earlier[i].id);
		json_num(out, earlier[i].score);
		sb_addc(out, '}');
	}
	sb_adds(out, "]}\n");
	sb_release(&t);
}

enum { R_FULL = 1, R_JSON, R_MOCK };
/* `review --mock ID`: a mock interview's scorecard, as `mock` showed it. */
static int review_mock(struct app *app, long long id, int json)
{
	struct store *st = NULL;
	struct mockcard mc;
	struct sb err = SB_INIT, out = SB_INIT;
	int rc, status;

	memset(&mc, 0, sizeof(mc));
	rc = store_open(&st, app->db_path, STORE_OPEN_READ, &err);
	if (rc == STORE_ENOENT) {
		fprintf(stderr,
			"pmdrill: review: no mock interview %lld (no history yet)\n",
			id);
		status = EX_NOINPUT;
		goto out;
	}
	if (!rc && (rc = mockcard_load(st, id, &mc, &err)) == STORE_OK &&
	    strcmp(mc.sess.kind ? mc.sess.kind : "", "mock")) {
		sb_addf(&err, "session %lld is not a mock interview", id);
		rc = STORE_ENOENT;
	}
	if (rc == STORE_ENOENT)
		fprintf(stderr,
			"pmdrill: review: no mock interview %lld (see "
			"'pmdrill history --mock')\n",
			id);
	else if (rc)
		fprintf(stderr, "pmdrill: %s\n", err.buf);
	if (rc) {
		status = store_exit_code(rc);
		goto out;
	}
	if (json) {
		mockcard_json(&out, &mc);
		sb_addc(&out, '\n');
	} else {
		mockcard_render(&out, &mc, term_width());
	}
	fwrite(out.buf, 1, out.len, stdout);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	mockcard_release(&mc);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}

static const struct cmd_grammar review_grammar = {"review", "full json mock", 1,
						  "one attempt at a time"};

/* A scored attempt's report on f: whole, or the compact view. */
static void print_report(FILE *f, const struct store_attempt *at,
			 const struct score_report *rep, int full, int color)
{
	if (full) {
		report_print(f, rep, at->answer, at->answer_len, color,
			     term_width());
		fputc('\n', f);
	} else {
		report_print_compact(f, rep, color, term_width());
		fputs("(--full shows every criterion with its evidence)\n\n",
		      f);
	}
}

/*
 * The review on a terminal: the attempt, its report (compact unless
 * --full) and what came after, fitted to the terminal and, when taller
 * than it, through the pager.  The report is drawn for the terminal's
 * width by report.c, into memory first.
 */
static void review_screen(struct sb *out, const struct store_attempt *at,
			  const struct score_report *rep,
			  const struct store_attempt *earlier, size_t nearlier,
			  int full, int color)
{
	struct sb screen = SB_INIT;
	char *mbuf = NULL;
	size_t mlen = 0;
	FILE *m;
	print_text(out, at);
	term_render(&screen, out->buf, out->len, TERM_FIT_WRAP);
	sb_reset(out);
	if (at->scored && (m = open_memstream(&mbuf, &mlen))) {
		print_report(m, at, rep, full, color);
		if (!fclose(m))
			sb_add(&screen, mbuf, mlen);
		free(mbuf);
	} else if (!at->scored) {
		sb_adds(out, "not scored\n");
	}
	print_after(out, at, earlier, nearlier);
	term_render(&screen, out->buf, out->len, TERM_FIT_WRAP);
	cmd_page(screen.buf, screen.len);
	sb_release(&screen);
}

int cmd_review(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_attempt at, *earlier = NULL;
	struct store_report r;
	struct sb err = SB_INIT, out = SB_INIT;
	size_t nearlier = 0;
	long long id = 0;
	int json, full, rc, status, have = 0, mock;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &review_grammar, &status))
		return status;
	json = a.value[R_JSON] != NULL;
	full = a.value[R_FULL] != NULL;
	mock = a.value[R_MOCK] != NULL;
	if (a.noperands &&
	    (status = cmd_attempt_arg("review", a.operand[0], &id)))
		return status;
	if (mock && !id)
		return cmd_usage_error("review", "%s",
				       "which mock interview? (see "
				       "'pmdrill history --mock')");
	if (mock)
		return review_mock(app, id, json);
	if (!id)
		return cmd_usage_error(
			"review", "%s",
			"which attempt? (see 'pmdrill history')");

	memset(&r, 0, sizeof(r));
	if ((status = cmd_open_attempts(app, STORE_OPEN_READ, "review", id,
					&st)))
		goto out;
	if ((rc = store_get_attempt(st, id, &at, &err))) {
		fprintf(stderr, "pmdrill: %s%s\n",
			rc == STORE_ENOENT ? "review: " : "", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	have = 1;
	if ((rc = earlier_attempts(st, &at, &earlier, &nearlier, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	if (store_report_from(&at, &r))
		fprintf(stderr,
			"pmdrill: warning: attempt %lld has evidence that does not fit its answer; some is left out\n",
			id);
	if (json) {
		review_json(&out, &at, &r, earlier, nearlier);
		fwrite(out.buf, 1, out.len, stdout);
	} else if (!isatty(STDOUT_FILENO)) {
		print_text(&out, &at);
		term_write(stdout, out.buf, out.len);
		sb_reset(&out);
		if (at.scored) {
			print_report(stdout, &at, &r.rep, 1, app->color_out);
		} else {
			sb_adds(&out, "not scored\n");
		}
		print_after(&out, &at, earlier, nearlier);
		term_write(stdout, out.buf, out.len);
	} else {
		review_screen(&out, &at, &r.rep, earlier, nearlier, full,
			      app->color_out);
	}
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	store_report_release(&r);
	if (have)
		store_attempt_release(&at);
	store_attempts_free(earlier, nearlier);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
