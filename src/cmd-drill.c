/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill drill` and the home prompt: the loop, its queue and options. */
#include "cmd.h"
#include "drill.h"
#include "drill-answer.h"
#include "drill-complete.h"
#include "drill-draft.h"
#include "cmd-add.h"
#include "cmd-mock.h"

#include <errno.h>
#include <stdarg.h>
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
#include "opt.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "report.h"
#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-attempt.h"
#include "store-read.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

/* ---- the drill ---- */

/* A line of pmdrill's own words for the home screen, wrapped at words
 * on a terminal narrower than it (whole on a pipe). */
static void say_fit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say_fit(const char *fmt, ...)
{
	struct sb b = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	term_write_fit(stdout, b.buf ? b.buf : "", b.len, TERM_FIT_WRAP);
	sb_release(&b);
}

/* The queue for these options, over every question of the bank. */
static int build_queue(struct session *s, const struct drill_opts *o,
		       struct queue *qu)
{
	struct bank *b = s->bank;
	struct queue_question *qs = NULL;
	struct queue_opts qo;
	struct sb err = SB_INIT;
	size_t i;
	int rc = -1;

	if (store_queue_questions(s->st, b, &qs, &err)) {
		store_error("cannot read the schedule", &err);
		goto cleanup;
	}
	free(s->nattempts);
	s->nattempts = xcalloc(b->q.nr + 1, sizeof(*s->nattempts));
	for (i = 0; i < b->q.nr; i++)
		s->nattempts[i] = qs[i].attempts;
	memset(&qo, 0, sizeof(qo));
	qo.category = o->category;
	qo.tag = o->tag;
	qo.level = o->level;
	qo.cram = o->cram;
	qo.limit = o->count ? o->count : o->cram ? CRAM_DEFAULT_COUNT : 0;
	qo.new_per_day = s->new_per_day;
	qo.params = &s->params;
	qo.now = drill_session_now(s);
	if (queue_build(qu, qs, b->q.nr, &qo)) {
		fputs("pmdrill: drill: cannot build the queue\n", stderr);
		goto cleanup;
	}
	rc = 0;
cleanup:
	sb_release(&err);
	free(qs);
	return rc;
}

static int run_drill(struct session *s, const struct drill_opts *o)
{
	struct queue qu = {0};
	size_t i, asked = 0, total;
	int status = EX_OK;

	if (build_queue(s, o, &qu))
		return EX_IOERR;
	total = qu.nr;
	for (i = 0; i < qu.nr; i++)
		if (s->skip_id &&
		    !strcmp(s->bank->q.v[qu.v[i].index].id, s->skip_id))
			total--;
	if (!total) {
		if (o->cram)
			puts("no questions match these filters");
		else
			say_fit("nothing is due%s; try 'drill --cram' to practise "
				"anyway, or 'add' a question\n",
				qu.new_left <= 0 && qu.new_total
					? " and today's new questions are done"
					: "");
		queue_release(&qu);
		return EX_OK;
	}
	summary_reset(s);
	for (i = 0; i < qu.nr; i++) {
		size_t qi = qu.v[i].index;
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		if (s->skip_id && !strcmp(s->bank->q.v[qi].id, s->skip_id))
			continue;
		drill_answer_init(s, &a, qi, -1, 0);
		end = run_answer(s, &a, ++asked, total, !o->cram, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE)
			end = offer_follow_up(s, qi, attempt);
		if (end == ANSWER_QUIT || end == ANSWER_HANGUP)
			break;
	}
	queue_release(&qu);
	if (s->hungup)
		return EX_TEMPFAIL;
	print_summary(s);
	return status;
}

/* Offer back an answer kept by a hang-up.  Returns 1 if it was taken up
 * and the session hung up again while it was answered. */
static int offer_draft(struct session *s)
{
	struct draft d;
	struct sb when = SB_INIT, ask_text = SB_INIT;
	long qi;
	int rc = draft_load(&d), resume;

	if (rc > 0)
		return 0;
	if (rc < 0) {
		char *p = draft_path();
		fprintf(stderr,
			"pmdrill: '%s' is not a draft pmdrill can read; "
			"it is left alone\n",
			p);
		free(p);
		return 0;
	}
	qi = qbank_find(&s->bank->q, d.question);
	if (qi < 0) {
		char *p = draft_path();
		fprintf(stderr,
			"pmdrill: your unfinished answer is to '%s', which "
			"is no longer in the banks; it stays in '%s'\n",
			d.question, p);
		free(p);
		draft_release(&d);
		return 0;
	}
	store_fmt_time(&when, d.saved);
	sb_addf(&ask_text,
		"you have an unfinished answer to %s from %s: "
		"resume? [Y/n] ",
		d.question, when.buf);
	resume = yesno(s, ask_text.buf, 1);
	if (resume && !s->hungup) {
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		drill_answer_init(s, &a, (size_t)qi, d.follow_up, d.parent);
		sb_add(&a.text, d.text.buf, d.text.len);
		a.base_ms = d.elapsed_ms > 0 ? d.elapsed_ms : 0;
		a.from_draft = 1;
		summary_reset(s);
		end = run_answer(s, &a, 1, 1, d.follow_up < 0, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE && d.follow_up < 0)
			end = offer_follow_up(s, (size_t)qi, attempt);
		if (end == ANSWER_SKIP)
			draft_remove();
		free(s->skip_id);
		s->skip_id = xstrdup(d.question);
	} else if (!s->hungup) {
		/* Keep one copy aside rather than deleting what was typed. */
		char *p = draft_path();
		struct sb old = SB_INIT;
		sb_addf(&old, "%s.discarded", p);
		rename(p, old.buf);
		printf("draft set aside in '%s'\n", old.buf);
		sb_release(&old);
		free(p);
	}
	draft_release(&d);
	sb_release(&when);
	sb_release(&ask_text);
	return s->hungup;
}

/* ---- options and the home prompt ---- */

enum { D_CATEGORY = 1, D_TAG, D_LEVEL, D_COUNT, D_CRAM };
static const struct opt drill_opts[] = {
	{"category", 'c', OPT_VALUE, D_CATEGORY},
	{"tag", 0, OPT_VALUE, D_TAG},
	{"level", 0, OPT_VALUE, D_LEVEL},
	{"count", 'n', OPT_VALUE, D_COUNT},
	{"cram", 0, OPT_FLAG, D_CRAM},
	{NULL, 0, 0, 0},
};

static int parse_drill_opts(int argc, char **argv, struct drill_opts *o,
			    const struct bank *b)
{
	struct opt_parser op;
	struct sb err = SB_INIT;
	int id, status = EX_OK;
	memset(o, 0, sizeof(*o));
	opt_init(&op, argc, argv);
	while (status == EX_OK &&
	       (id = cmd_opt_next(&op, drill_opts, "drill", 1)) != OPT_DONE) {
		long long n;
		switch (id) {
		case OPT_ERROR:
			status = EX_USAGE;
			break;
		case OPT_OPERAND:
			if (o->category)
				status = cmd_usage_error(
					"drill", "unexpected argument '%s'",
					op.value);
			else
				o->category = op.value; /* `drill metrics` */
			break;
		case D_CRAM:
			o->cram = 1;
			break;
		case D_CATEGORY:
			o->category = op.value;
			break;
		case D_TAG:
			o->tag = op.value;
			break;
		case D_LEVEL:
			status = cmd_level_arg("drill", op.value, &o->level);
			break;
		case D_COUNT:
			if (!(status = cmd_opt_number(&op, "drill", 1, 100000,
						      NULL, &n)))
				o->count = (size_t)n;
			break;
		}
	}
	if (status == EX_OK && b &&
	    ((o->category && bank_check_category(b, o->category, &err)) ||
	     (o->tag && bank_check_tag(b, o->tag, &err))))
		status = cmd_value_error("drill", &err);
	sb_release(&err);
	return status;
}

/* Split a command line into words; "..." and '...' group. */
static size_t split_words(char *line, char **argv, size_t max)
{
	size_t n = 0;
	char *r = line, *w = line;
	while (*r && n + 1 < max) {
		char q = 0;
		while (is_space(*r))
			r++;
		if (!*r)
			break;
		argv[n++] = w;
		while (*r && (q || !is_space(*r))) {
			if (!q && (*r == '"' || *r == '\'')) {
				q = *r++;
				continue;
			}
			if (q && *r == q) {
				q = 0;
				r++;
				continue;
			}
			*w++ = *r++;
		}
		if (*r)
			r++;
		*w++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

static void home_help(void)
{
	static const char text[] =
		"commands:\n"
		"  drill [--category C] [--tag T] [--level L] [--count N] [--cram]\n"
		"                  answer due and new questions (or 'drill CATEGORY')\n"
		"  mock [--questions N] [--category C]... [--minutes M]\n"
		"                  a timed mock interview, scorecard at the end\n"
		"  next            what a drill would ask next, and why\n"
		"  review ID       one past attempt in full\n"
		"  history         past attempts\n"
		"  search TEXT     search past answers\n"
		"  stats           attempts, streak, averages, due counts\n"
		"  list            the questions (list --category C ...)\n"
		"  show ID         a question: its hint, follow-ups, rubric\n"
		"  add             write a new question to your own bank\n"
		"  check           validate the question and rubric files\n"
		"  help [COMMAND]  this list, or a command's options\n"
		"  quit            leave (Ctrl-D does too)\n"
		"Tab completes commands, categories, tags and question ids.\n";
	/* each line wrapped at words under its own indent when narrow */
	term_write_fit(stdout, text, sizeof(text) - 1, TERM_FIT_WRAP);
}

static void home_banner(struct session *s)
{
	struct drill_opts o;
	struct queue qu = {0};
	size_t news;
	memset(&o, 0, sizeof(o));
	if (build_queue(s, &o, &qu))
		return;
	news = qu.nr > qu.due_total ? qu.nr - qu.due_total : 0;
	say_fit("pmdrill %s \xe2\x80\x94 %zu due, %zu new today. Type 'drill' "
		"to start, 'help' for the commands.\n",
		PMDRILL_VERSION, qu.due_total, news);
	queue_release(&qu);
}

static int home(struct session *s)
{
	int status = EX_OK;
	home_banner(s);
	for (;;) {
		char *line = NULL, *argv[64], *copy;
		size_t argc;
		enum repl_status rs;

		repl_set_completer(drill_complete, s);
		s->complete_mode = COMPLETE_HOME;
		rs = ask(s, "pmdrill> ", 0, &line);
		if (rs == REPL_EOF) {
			if (s->tty)
				fputc('\n', stdout);
			break;
		}
		if (rs == REPL_HANGUP) {
			free(line);
			status = EX_TEMPFAIL;
			break;
		}
		if (rs == REPL_INTERRUPT) {
			free(line);
			continue;
		}
		copy = xstrdup(line);
		if (line[0] != ' ') /* as bash's ignorespace */
			repl_add_history(trim(copy));
		argc = split_words(copy, argv, sizeof(argv) / sizeof(*argv));
		if (!argc) {
			/* nothing */
		} else if (!strcmp(argv[0], "quit") ||
			   !strcmp(argv[0], "exit") || !strcmp(argv[0], "q")) {
			free(copy);
			free(line);
			break;
		} else if (!strcmp(argv[0], "drill")) {
			struct drill_opts o;
			if (parse_drill_opts((int)argc, argv, &o, s->bank) ==
			    EX_OK)
				run_drill(s, &o);
		} else if (!strcmp(argv[0], "mock")) {
			/* in this session: one readline, one store */
			mock_in_session(s, (int)argc, argv);
		} else if (!strcmp(argv[0], "add")) {
			run_add(s);
		} else if (!strcmp(argv[0], "help") || !strcmp(argv[0], "?")) {
			const struct cmd *c =
				argc > 1 ? cmd_find(argv[1]) : NULL;
			if (c)
				cmd_usage(c, stdout);
			else
				home_help();
		} else {
			const struct cmd *c = cmd_find(argv[0]);
			if (c && strcmp(argv[0], "drill")) {
				struct sb err = SB_INIT;
				fflush(stdout);
				c->fn((int)argc, argv, s->app);
				fflush(stdout);
				fflush(stderr);
				/* `config` may have changed the retention or the
				 * daily limit. */
				if (store_params(s->st, &s->params,
						 &s->new_per_day, &err))
					store_error("cannot read the settings",
						    &err);
				sb_release(&err);
			} else {
				printf("'%s' is not a command here; type 'help'\n",
				       argv[0]);
			}
		}
		free(copy);
		free(line);
		if (s->hungup) {
			status = EX_TEMPFAIL;
			break;
		}
	}
	return status;
}

int cmd_drill(int argc, char **argv, struct app *app)
{
	struct session s;
	struct drill_opts o;
	int status, home_mode = !strcmp(argv[0], "pmdrill");

	if (cmd_wants_help(argc, argv, "drill"))
		return EX_OK;
	if ((status = drill_session_init(&s, app)))
		return status;
	status = parse_drill_opts(argc, argv, &o, s.bank);
	if (status != EX_OK)
		return status;
	status = drill_session_begin(&s, app, drill_complete);
	if (status != EX_OK)
		goto cleanup;

	if (offer_draft(&s)) {
		status = EX_TEMPFAIL;
	} else if (home_mode) {
		status = home(&s);
	} else {
		status = run_drill(&s, &o);
	}
	/* after the summary: the failure was reported when it happened */
	if (status == EX_OK && s.save_status)
		status = s.save_status;
cleanup:
	drill_session_end(&s);
	return status;
}
