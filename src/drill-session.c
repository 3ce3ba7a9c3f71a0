/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The drill session: clocks, prompts and choices, what is shown, the summary; its beginning and end. */
#include "drill.h"

#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "fsrs.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "report.h"
#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-read.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

/* ---- clocks ---- */

double drill_mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time as the session sees it: the app's clock (fixed by
 * $PMDRILL_NOW in tests) plus the time the session has run. */
long long drill_session_now(const struct session *s)
{
	return (long long)s->app->now +
	       (long long)(drill_mono_now() - s->mono0);
}

/* Time spent answering: it stops when the answer ends, so reading the
 * score and choosing a grade do not count. */
long drill_answer_ms(const struct answer *a)
{
	if (a->done_ms >= 0)
		return a->done_ms;
	return a->base_ms + (long)((drill_mono_now() - a->t0) * 1000.0);
}

static void drill_fmt_clock(struct sb *out, long secs)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		sb_addf(out, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60,
			secs % 60);
	else
		sb_addf(out, "%02ld:%02ld", secs / 60, secs % 60);
}

/* ---- small helpers ---- */

int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without leading and trailing white space, in place. */
char *trim(char *s)
{
	size_t n;
	while (is_space(*s))
		s++;
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

void store_error(const char *what, const struct sb *err)
{
	fprintf(stderr, "pmdrill: %s: %s\n", what,
		err->len ? err->buf : "failed");
}

/* A write that failed: the session goes on (the answer may be a draft),
 * but the command must not exit 0 at the end. */
void save_failed(struct session *s, int rc)
{
	if (!s->save_status)
		s->save_status = store_exit_code(rc);
	if (!s->save_status)
		s->save_status = EX_IOERR;
}

/*
 * Ask one line.  In terminal mode `prompt` is readline's prompt; without
 * a terminal, prompts are not printed unless `show` (questions that need
 * an answer should still be readable in a transcript).
 */
enum repl_status ask(struct session *s, const char *prompt, int show,
		     char **line)
{
	enum repl_status rs;
	if (s->input_done) {
		*line = NULL;
		return REPL_EOF;
	}
	if (!s->tty && show) {
		fputs(prompt, stdout);
		fputc('\n', stdout);
	}
	if (s->tty && !strchr(prompt, '\001') &&
	    wrap_cols(prompt, strlen(prompt)) + 1 >= term_width()) {
		/* Readline would break a long prompt mid-word at the edge:
		 * print all but its last line wrapped, and ask with that. */
		size_t cut;
		sb_reset(&s->prompt_buf);
		term_wrap(&s->prompt_buf, prompt, 0);
		cut = s->prompt_buf.len ? s->prompt_buf.len - 1 : 0;
		while (cut > 0 && s->prompt_buf.buf[cut - 1] != '\n')
			cut--;
		fwrite(s->prompt_buf.buf, 1, cut, stdout);
		memmove(s->prompt_buf.buf, s->prompt_buf.buf + cut,
			s->prompt_buf.len - cut);
		sb_setlen(&s->prompt_buf, s->prompt_buf.len - cut);
		if (s->prompt_buf.len)
			sb_setlen(&s->prompt_buf, s->prompt_buf.len - 1);
		sb_addc(&s->prompt_buf, ' ');
		prompt = s->prompt_buf.buf;
	}
	fflush(stdout);
	rs = repl_readline(s->tty ? prompt : "", line);
	if (rs == REPL_HANGUP)
		s->hungup = 1;
	if (rs == REPL_EOF && !s->tty)
		s->input_done = 1;
	return rs;
}

/*
 * A choice of one key from `keys` (lower case; a word starting with the
 * key works too): Enter, end of input or Ctrl-C give `def`.  On a
 * terminal the key alone (either case) answers at once, no Enter needed.
 */
int choose(struct session *s, const char *question, const char *keys, int def)
{
	char hot[32];
	size_t k, n = 0;
	for (k = 0; keys[k] && n + 2 < sizeof(hot); k++) {
		hot[n++] = keys[k];
		hot[n++] = (char)(keys[k] & ~0x20);
	}
	hot[n] = '\0';
	repl_set_live_prompt(NULL, NULL);
	for (;;) {
		char *line = NULL, *t;
		enum repl_status rs;
		repl_hotkeys(hot);
		rs = ask(s, question, 1, &line);
		int ans = -1;
		if (rs != REPL_LINE) {
			if (rs == REPL_EOF && s->tty)
				fputc('\n', stdout);
			free(line);
			return def;
		}
		t = trim(line);
		if (!*t)
			ans = def;
		else if (strchr(keys, t[0] | 0x20) && t[0] != ' ')
			ans = t[0] | 0x20;
		free(line);
		if (ans >= 0)
			return ans;
		printf("please answer one of: %s\n", keys);
	}
}

/* A yes/no question: Enter, end of input or Ctrl-C give `def`; "y",
 * "yes", "n" and "no" (any case) answer it.  On a terminal y or n alone
 * answers at once, no Enter needed. */
int yesno(struct session *s, const char *question, int def)
{
	return choose(s, question, "yn", def ? 'y' : 'n') == 'y';
}

/* ---- the live prompt ---- */

const char *live_prompt(void *data)
{
	struct session *s = data;
	struct answer *a = s->cur;
	struct sb p = SB_INIT;
	long secs;
	int over;
	if (!a)
		return "> ";
	secs = drill_answer_ms(a) / 1000;
	over = a->limit_s && secs > (long)a->limit_s;
	if (over)
		sb_adds(&p, term_prompt_style(TERM_WARN));
	sb_addc(&p, '[');
	drill_fmt_clock(&p, secs);
	if (over && !s->color)
		sb_addc(&p, '!');
	if (s->deadline > 0) {
		/* a timed set: what is left of it, as an interviewer's clock */
		sb_adds(&p, " | ");
		drill_fmt_clock(&p,
				(long)(s->deadline - drill_mono_now() + 0.999));
		sb_adds(&p, " left");
	}
	sb_addc(&p, ']');
	if (over)
		sb_adds(&p, term_prompt_style(TERM_RESET));
	sb_adds(&p, " > ");
	snprintf(a->prompt, sizeof(a->prompt), "%s", p.buf);
	sb_release(&p);
	return a->prompt;
}

/* ---- showing things ---- */

void print_wrapped(const char *text, unsigned indent)
{
	term_print(stdout, text, indent);
}

void drill_show_question(struct session *s, const struct answer *a, size_t num,
			 size_t total)
{
	const struct question *q = &s->bank->q.v[a->qi];
	struct sb h = SB_INIT, t = SB_INIT;

	format_duration(&t, a->limit_s);
	fputc('\n', stdout);
	if (a->follow_up >= 0)
		sb_addf(&h, "follow-up %d", a->follow_up + 1);
	else if (total)
		sb_addf(&h, "question %zu of %zu", num, total);
	else
		sb_adds(&h, "question");
	sb_addf(&h, " \xc2\xb7 %s", q->category);
	if (q->level)
		sb_addf(&h, " \xc2\xb7 %s", qlevel_name(q->level));
	sb_addf(&h, " \xc2\xb7 time %s \xc2\xb7 %s", t.buf, q->id);
	if (s->deadline > 0) {
		sb_adds(&h, " \xc2\xb7 ");
		drill_fmt_clock(&h,
				(long)(s->deadline - drill_mono_now() + 0.999));
		sb_adds(&h, " left");
	}
	/* the category and id come from a bank file */
	fputs(term_style(TERM_BOLD), stdout);
	print_wrapped(h.buf, 0);
	fputs(term_style(TERM_RESET), stdout);
	print_wrapped(a->asked, 2);
	/* Every question, so :edit and Up are found when they are needed. */
	fputs(term_style(TERM_DIM), stdout);
	print_wrapped(
		"end with '.' alone \xc2\xb7 Up recalls earlier lines \xc2\xb7 "
		":edit opens $EDITOR \xc2\xb7 :help",
		2);
	fputs(term_style(TERM_RESET), stdout);
	sb_release(&h);
	sb_release(&t);
}

void show_answer_help(void)
{
	print_wrapped(
		"- '.' alone on a line, or Ctrl-D on an empty line: "
		"finish the answer\n"
		"- Up and Down: recall earlier lines of this answer, to "
		"edit and enter again\n"
		"- :edit  open $VISUAL or $EDITOR (else vi) on the answer "
		"so far, to change any line of it\n"
		"- :hint  show the hint\n"
		"- :question  show the question again\n"
		"- :skip  skip this question\n"
		"- :quit  end the drill: keep the answer as a draft for next "
		"time, or discard it\n"
		"- Ctrl-C asks before it throws the answer away",
		2);
}

void show_outline(struct session *s, size_t qi)
{
	const struct rubric *r = bank_rubric_of(s->bank, qi);
	if (!r || !r->outline) {
		puts("  (this rubric has no outline)");
		return;
	}
	struct sb t = SB_INIT;
	safe_terms(&t, r->title ? r->title : r->name, 0);
	printf("%soutline of a strong answer (%s)%s\n", term_style(TERM_BOLD),
	       t.buf ? t.buf : "", term_style(TERM_RESET));
	sb_release(&t);
	print_wrapped(r->outline, 2);
}

void show_due(const struct fsrs_review *rv, int scheduled)
{
	struct sb d = SB_INIT;
	if (!scheduled) {
		puts("cram: the schedule is unchanged");
		return;
	}
	store_fmt_date(&d, rv->due);
	printf("next review: %s (in %d day%s)\n", d.buf, rv->interval_days,
	       rv->interval_days == 1 ? "" : "s");
	sb_release(&d);
}

/* ---- the summary rows ---- */

void tally(struct session *s, const struct score_report *rep)
{
	size_t i, k;
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind == CRIT_PENALTY || it->weight <= 0)
			continue;
		for (k = 0; k < s->ncs; k++)
			if (!strcmp(s->cs[k].label, it->label))
				break;
		if (k == s->ncs) {
			ALLOC_GROW(s->cs, s->ncs + 1, s->acs);
			s->cs[k].label = xstrdup(it->label);
			s->cs[k].earned = s->cs[k].weight = 0;
			s->ncs++;
		}
		s->cs[k].earned += it->earned;
		s->cs[k].weight += it->weight;
	}
}

void add_row(struct session *s, const char *id, int follow_up, long ms,
	     double score, int grade)
{
	struct row *r;
	ALLOC_GROW(s->rows, s->nrows + 1, s->arows);
	r = &s->rows[s->nrows++];
	r->id = xstrdup(id);
	r->follow_up = follow_up;
	r->ms = ms;
	r->score = score;
	r->grade = grade;
}

/* Columns of a summary row besides the question: "  ", "#" and a
 * space, the time, the score and the longest grade ("again"). */
#define SUMMARY_FIXED 27u

void print_summary(struct session *s)
{
	struct sb line = SB_INIT;
	long total = 0;
	size_t i, shown;
	int days = 0;
	struct sb err = SB_INIT;

	printf("\n%sdrill summary%s\n", term_style(TERM_BOLD),
	       term_style(TERM_RESET));
	if (!s->nrows) {
		puts("  no answers this time");
	} else {
		/* the question column gives way on a narrow terminal: the
		 * other columns take SUMMARY_FIXED, the longest grade too */
		unsigned width = term_width();
		int idw = width >= SUMMARY_FIXED + 36 ? 36
			  : width >= SUMMARY_FIXED + 10
				  ? (int)(width - SUMMARY_FIXED)
				  : 10;
		printf("  %-3s %-*s %6s %6s  %s\n", "#", idw, "question",
		       "time", "score", "grade");
		for (i = 0; i < s->nrows; i++) {
			struct row *r = &s->rows[i];
			const char *q =
				r->follow_up >= 0 ? "+ follow-up" : r->id;
			int cut = (int)strlen(q) > idw; /* ids are ASCII */
			char num[24] = "";
			if (r->follow_up < 0)
				snprintf(num, sizeof(num), "%zu", i + 1);
			sb_reset(&line);
			drill_fmt_clock(&line, r->ms / 1000);
			printf("  %-3s %-*.*s%s %6s %6.0f  %s\n", num,
			       cut ? idw - 1 : idw, cut ? idw - 1 : idw, q,
			       cut ? "…" : "", line.buf, r->score,
			       grade_name(r->grade));
			total += r->ms;
		}
		sb_reset(&line);
		drill_fmt_clock(&line, total / 1000);
		printf("  total time %s\n", line.buf);
	}
	if (s->ncs) {
		/* Weakest first: the lowest share of points earned. */
		int *used = xcalloc(s->ncs, sizeof(*used));
		sb_reset(&line);
		for (shown = 0; shown < WEAKEST_SHOWN && shown < s->ncs;
		     shown++) {
			size_t best = s->ncs, k;
			for (k = 0; k < s->ncs; k++) {
				double share =
					s->cs[k].earned / s->cs[k].weight;
				if (used[k])
					continue;
				if (best == s->ncs ||
				    share < s->cs[best].earned /
						    s->cs[best].weight)
					best = k;
			}
			used[best] = 1;
			if (s->cs[best].earned >= s->cs[best].weight)
				break;
			sb_addf(&line, "%s%s %.0f%%", shown ? ", " : "",
				s->cs[best].label,
				100.0 * s->cs[best].earned /
					s->cs[best].weight);
		}
		free(used);
		if (line.len) {
			/* labels come from rubric files: made safe, then
			 * wrapped at words under the line's indent */
			struct sb safe = SB_INIT, out = SB_INIT;
			sb_adds(&safe, "  weakest: ");
			safe_term(&safe, line.buf, line.len, 0);
			wrap_fit(&out, safe.buf, safe.len, term_width(), 0);
			fputs(out.buf, stdout);
			if (!out.len || out.buf[out.len - 1] != '\n')
				fputc('\n', stdout);
			sb_release(&safe);
			sb_release(&out);
		}
	}
	if (!store_streak(s->st, drill_session_now(s), &days, &err))
		printf("  streak: %d day%s\n", days, days == 1 ? "" : "s");
	else
		store_error("cannot read the streak", &err);
	sb_release(&err);
	sb_release(&line);
}

void summary_reset(struct session *s)
{
	size_t i;
	for (i = 0; i < s->nrows; i++)
		free(s->rows[i].id);
	for (i = 0; i < s->ncs; i++)
		free(s->cs[i].label);
	s->nrows = s->ncs = 0;
}

/* ---- beginning and ending ---- */

int drill_session_init(struct session *s, struct app *app)
{
	int status = EX_OK;
	memset(s, 0, sizeof(*s));
	sb_init(&s->prompt_buf);
	s->app = app;
	s->mono0 = drill_mono_now();
	/* without the Expect lines: each question's are read when it is
	 * scored (drill-answer.c), not 30,000 of them for a few answers */
	s->bank = app_bank_partial(app, &status);
	return s->bank ? EX_OK : status;
}

int drill_session_begin(struct session *s, struct app *app,
			repl_complete_fn *complete)
{
	struct sb err = SB_INIT;
	int status;

	if ((status = cmd_open_store(app, STORE_OPEN_CREATE, &s->st)))
		return status;
	if (store_sync_questions(s->st, s->bank, app->now, &err) ||
	    store_params(s->st, &s->params, &s->new_per_day, &err)) {
		store_error("cannot prepare the database", &err);
		sb_release(&err);
		return EX_IOERR;
	}
	sb_release(&err);
	s->state_dir = app_state_dir();
	s->hist_path = xcalloc(strlen(s->state_dir) + 16, 1);
	snprintf(s->hist_path, strlen(s->state_dir) + 16, "%s/history",
		 s->state_dir);
	if (mkdir_p(s->state_dir))
		fprintf(stderr,
			"pmdrill: cannot create '%s': %s; the command "
			"history is not kept\n",
			s->state_dir, strerror(errno));
	s->color = app->color_out && isatty(STDIN_FILENO);
	repl_init(s->hist_path, s->color);
	s->tty = repl_is_tty();
	term_init(s->color);
	s->term_up = 1;
	repl_set_completer(complete, s);
	return EX_OK;
}

void drill_session_end(struct session *s)
{
	if (s->term_up) {
		repl_release();
		term_release();
		s->term_up = 0;
	}
	fflush(stdout);
	store_close(s->st);
	s->st = NULL;
	summary_reset(s);
	free(s->rows);
	free(s->cs);
	free(s->nattempts);
	free(s->skip_id);
	sb_release(&s->prompt_buf);
	free(s->state_dir);
	free(s->hist_path);
}
