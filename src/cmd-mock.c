/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `pmdrill mock`: a timed set of questions asked the way an interviewer
 * would, each with a follow-up, no score until the scorecard at the end.
 */
#include "cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "drill.h"
#include "cmd-mock.h"
#include "drill-complete.h"
#include "drill-answer.h"
#include "json.h"
#include "mock-card.h"
#include "mock.h"
#include "opt.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-attempt.h"
#include "store-session.h"
#include "term.h"
#include "xalloc.h"

#define MOCK_MAX_CATEGORIES 32
#define MOCK_MAX_QUESTIONS 50
#define MOCK_MAX_MINUTES 600

/* A loop's four: one question of each, in this order, when the banks
 * have them (docs/MOCK.md). */
static const char *const default_categories[] = {
	"prioritization",
	"launch",
	"metrics",
	"influence",
};

struct mock_opts {
	const char *cats[MOCK_MAX_CATEGORIES];
	size_t ncat;
	size_t count;
	unsigned minutes;
	int level;
};

static int has_category(const char *const *cats, size_t n, const char *c)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(cats[i], c))
			return 1;
	return 0;
}

enum { M_QUESTIONS = 1, M_CATEGORY, M_MINUTES, M_LEVEL, M_COMPANY };
static const struct opt mock_opts_table[] = {
	{"questions", 'n', OPT_VALUE, M_QUESTIONS},
	{"category", 'c', OPT_VALUE, M_CATEGORY},
	{"minutes", 0, OPT_VALUE, M_MINUTES},
	{"level", 0, OPT_VALUE, M_LEVEL},
	{"company", 0, OPT_VALUE, M_COMPANY},
	{NULL, 0, 0, 0},
};

static int parse_mock_opts(int argc, char **argv, struct mock_opts *o,
			   const struct bank *b)
{
	const char **cats;
	size_t ncats = bank_categories(b, &cats), i, given;
	struct opt_parser op;
	struct sb err = SB_INIT;
	int id, status = EX_OK;

	memset(o, 0, sizeof(*o));
	opt_init(&op, argc, argv);
	while (status == EX_OK && (id = cmd_opt_next(&op, mock_opts_table,
						     "mock", 0)) != OPT_DONE) {
		long long n;
		switch (id) {
		case OPT_ERROR:
			status = EX_USAGE;
			break;
		case M_QUESTIONS:
			if (!(status = cmd_opt_number(&op, "mock", 1,
						      MOCK_MAX_QUESTIONS, NULL,
						      &n)))
				o->count = (size_t)n;
			break;
		case M_MINUTES:
			if (!(status = cmd_opt_number(&op, "mock", 1,
						      MOCK_MAX_MINUTES, NULL,
						      &n)))
				o->minutes = (unsigned)n;
			break;
		case M_LEVEL:
			status = cmd_level_arg("mock", op.value, &o->level);
			break;
		case M_COMPANY:
			status = cmd_usage_error(
				"mock",
				"the question banks have no "
				"company field, so --company cannot "
				"filter ('%s'); see docs/MOCK.md",
				op.value);
			break;
		case M_CATEGORY:
			if (bank_check_category(b, op.value, &err))
				status = cmd_value_error("mock", &err);
			else if (o->ncat == MOCK_MAX_CATEGORIES)
				status = cmd_usage_error(
					"mock", "at most %d categories",
					MOCK_MAX_CATEGORIES);
			else if (!has_category(o->cats, o->ncat, op.value))
				o->cats[o->ncat++] = op.value;
			break;
		}
	}
	sb_release(&err);
	given = o->ncat;
	if (status == EX_OK && !o->ncat) {
		for (i = 0; i < sizeof(default_categories) /
					sizeof(*default_categories);
		     i++)
			if (has_category(cats, ncats, default_categories[i]))
				o->cats[o->ncat++] = default_categories[i];
		/* A bank of other categories (--bank): all of them. */
		for (i = 0; !o->ncat && i < ncats && i < MOCK_MAX_CATEGORIES;
		     i++)
			o->cats[i] = cats[i];
		if (!o->ncat)
			o->ncat = ncats < MOCK_MAX_CATEGORIES
					  ? ncats
					  : MOCK_MAX_CATEGORIES;
	}
	/* one question per category asked for; else a loop's four */
	if (status == EX_OK && !o->count)
		o->count = given ? given : 4;
	free(cats);
	return status;
}

static int cmp_qstate(const void *key, const void *elem)
{
	return strcmp(key, ((const struct store_qstate *)elem)->question_id);
}

/*
 * The set, with the scheduler's view of every question (the queue input
 * drill and next use) and when each was last answered.  Fills picked[]
 * (o->count entries) and s->nattempts; returns how many, or -1.
 */
static long choose_set(struct session *s, const struct mock_opts *o,
		       size_t *picked)
{
	struct bank *b = s->bank;
	struct queue_question *qs = NULL;
	struct store_qstate *st = NULL;
	struct queue_opts filter;
	struct mock_pick_opts po;
	struct sb err = SB_INIT;
	long long *seen = xcalloc(b->q.nr + 1, sizeof(*seen));
	size_t nst = 0, i;
	long got = -1;

	if (store_queue_questions(s->st, b, &qs, &err) ||
	    store_qstates(s->st, &st, &nst, &err)) {
		fprintf(stderr, "pmdrill: mock: cannot read the schedule: %s\n",
			err.buf);
		goto cleanup;
	}
	free(s->nattempts);
	s->nattempts = xcalloc(b->q.nr + 1, sizeof(*s->nattempts));
	for (i = 0; i < b->q.nr; i++) {
		const struct store_qstate *k =
			nst ? bsearch(b->q.v[i].id, st, nst, sizeof(*st),
				      cmp_qstate)
			    : NULL;
		if (k) {
			seen[i] = k->last_attempt;
			s->nattempts[i] = k->nattempts;
		}
	}
	memset(&filter, 0, sizeof(filter));
	filter.level = o->level;
	filter.params = &s->params;
	filter.now = drill_session_now(s);
	memset(&po, 0, sizeof(po));
	po.categories = o->cats;
	po.ncat = o->ncat;
	po.count = o->count;
	po.filter = &filter;
	po.now = filter.now;
	po.recent_s = MOCK_RECENT_S;
	got = (long)mock_pick(qs, b->q.nr, seen, &po, picked);
cleanup:
	store_qstates_free(st, nst);
	free(qs);
	free(seen);
	sb_release(&err);
	return got;
}

static void settings_json(struct sb *out, const struct session *s,
			  const struct mock_opts *o, const size_t *picked,
			  size_t n)
{
	size_t i;
	sb_adds(out, "{\"questions\":[");
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, s->bank->q.v[picked[i]].id);
	}
	sb_adds(out, "],\"minutes\":");
	json_int_or_null(out, o->minutes, o->minutes > 0);
	json_key(out, "categories");
	json_str_array(out, o->cats, o->ncat);
	json_key_str(out, "level",
		     o->level ? qlevel_name((enum qlevel)o->level) : NULL);
	sb_addc(out, '}');
}

static int time_left(const struct session *s)
{
	return !s->deadline || drill_mono_now() < s->deadline;
}

/* Ask one answer (main or follow-up), save it at once and score it
 * quietly.  Returns how collecting it ended; *attempt gets its id. */
static enum answer_end ask_one(struct session *s, size_t qi, int follow_up,
			       long long parent, size_t num, size_t total,
			       long long *attempt)
{
	struct answer a;
	struct score_report rep;
	struct fsrs_review rv;
	enum answer_end end;

	*attempt = 0;
	drill_answer_init(s, &a, qi, follow_up, parent);
	drill_show_question(s, &a, num, total);
	end = drill_collect_answer(s, &a);
	if (end == ANSWER_EMPTY) {
		puts(s->time_up ? "(no answer)" : "(no answer: skipped)");
		end = ANSWER_SKIP;
	} else if (end == ANSWER_DONE) {
		/* main answers are reviews, as in a drill; follow-ups are not */
		if (drill_save_and_score(s, &a, follow_up < 0, attempt, &rep,
					 &rv)) {
			end = ANSWER_QUIT;
		} else {
			score_report_release(&rep);
			printf("%s(saved; the scores come at the end)%s\n",
			       term_style(TERM_DIM), term_style(TERM_RESET));
		}
	}
	sb_release(&a.text);
	return end;
}

static void intro(const struct mock_opts *o, long long id, size_t n)
{
	struct sb m = SB_INIT;
	size_t i;
	sb_addf(&m, "mock interview %lld: %zu question%s (", id, n,
		n == 1 ? "" : "s");
	for (i = 0; i < o->ncat; i++)
		sb_addf(&m, "%s%s", i ? ", " : "", o->cats[i]);
	sb_adds(&m, ")");
	if (o->minutes)
		sb_addf(&m, ", %u minutes for the set", o->minutes);
	sb_adds(&m, ". Each answer is timed and followed by a follow-up; the "
		    "scores come at the end. :skip skips, :quit ends the set.");
	term_print(stdout, m.buf, 0);
	sb_release(&m);
}

static int run_mock(struct session *s, const struct mock_opts *o)
{
	size_t *picked = xcalloc(o->count + 1, sizeof(*picked));
	struct sb js = SB_INIT, err = SB_INIT;
	struct mockcard mc;
	long long sid = 0;
	size_t i, n;
	long got;
	int status = EX_OK, rc, quit = 0;

	memset(&mc, 0, sizeof(mc));
	got = choose_set(s, o, picked);
	if (got < 0) {
		status = EX_IOERR;
		goto cleanup;
	}
	n = (size_t)got;
	if (!n) {
		puts("no questions match these filters");
		goto cleanup;
	}
	settings_json(&js, s, o, picked, n);
	if ((rc = store_begin_session(s->st, "mock", drill_session_now(s),
				      js.buf, &sid, &err))) {
		fprintf(stderr, "pmdrill: mock: %s\n", err.buf);
		status = store_exit_code(rc);
		goto cleanup;
	}
	intro(o, sid, n);
	s->quiet = 1;
	if (o->minutes)
		s->deadline = drill_mono_now() + o->minutes * 60.0;
	for (i = 0; i < n && !quit; i++) {
		const struct question *q = &s->bank->q.v[picked[i]];
		long long attempt = 0, fu = 0;
		enum answer_end end;
		if (!time_left(s))
			s->time_up = 1;
		if (s->time_up)
			break;
		end = ask_one(s, picked[i], -1, 0, i + 1, n, &attempt);
		if (end == ANSWER_QUIT || end == ANSWER_HANGUP || s->time_up)
			break;
		if (end != ANSWER_DONE || !q->nfollow)
			continue;
		if (!time_left(s)) {
			s->time_up = 1;
			break;
		}
		/* the follow-ups in turn across attempts, as a drill offers them */
		end = ask_one(s, picked[i],
			      s->nattempts[picked[i]] % (int)q->nfollow,
			      attempt, 0, 0, &fu);
		quit = end == ANSWER_QUIT || end == ANSWER_HANGUP;
	}
	s->deadline = 0;
	if (s->hungup) {
		/* Every answer submitted is in the store, linked to the set;
		 * the one being typed is the draft drill offers back. */
		fprintf(stderr,
			"pmdrill: hung up; the answers given in mock "
			"interview %lld are kept\n",
			sid);
		status = EX_TEMPFAIL;
		goto cleanup;
	}
	if (s->time_up)
		printf("\n%stime is up%s: the set ends here; your answers are kept\n",
		       term_style(TERM_BOLD), term_style(TERM_RESET));
	if ((rc = store_end_session(s->st, sid, drill_session_now(s), &err))) {
		fprintf(stderr, "pmdrill: mock: %s\n", err.buf);
		sb_reset(&err);
	}
	if ((rc = mockcard_load(s->st, sid, &mc, &err))) {
		fprintf(stderr, "pmdrill: mock: %s\n", err.buf);
		status = store_exit_code(rc);
		goto cleanup;
	}
	{
		struct sb card = SB_INIT;
		fputc('\n', stdout);
		mockcard_render(&card, &mc, term_width());
		fwrite(card.buf, 1, card.len, stdout);
		sb_release(&card);
	}
cleanup:
	mockcard_release(&mc);
	free(picked);
	sb_release(&js);
	sb_release(&err);
	return status;
}

int mock_in_session(struct session *s, int argc, char **argv)
{
	struct mock_opts o;
	int status;
	if (cmd_wants_help(argc, argv, "mock"))
		return EX_OK;
	status = parse_mock_opts(argc, argv, &o, s->bank);
	if (status == EX_OK)
		status = run_mock(s, &o);
	/* back to a drill's session */
	s->quiet = 0;
	s->deadline = 0;
	s->time_up = 0;
	return status;
}

int cmd_mock(int argc, char **argv, struct app *app)
{
	struct session s;
	struct mock_opts o;
	int status;

	if (cmd_wants_help(argc, argv, "mock"))
		return EX_OK;
	if ((status = drill_session_init(&s, app)))
		return status;
	status = parse_mock_opts(argc, argv, &o, s.bank);
	if (status != EX_OK) {
		sb_release(&s.prompt_buf);
		return status;
	}
	status = drill_session_begin(&s, app, drill_complete);
	if (status == EX_OK)
		status = run_mock(&s, &o);
	if (status == EX_OK && s.save_status)
		status = s.save_status;
	drill_session_end(&s);
	return status;
}
