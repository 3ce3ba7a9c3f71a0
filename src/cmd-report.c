/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `pmdrill report --html FILE`: the progress report as one self-contained
 * page: the figures `stats` draws (progress.h), the mock scorecards
 * (mock-card.h) and the latest attempts with their evidence, laid out by
 * core/html.
 */
#include "cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "bank.h"
#include "fsrs.h"
#include "html.h"
#include "json.h"
#include "mock-card.h"
#include "opt.h"
#include "progress.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "store-session.h"
#include "xalloc.h"

#define REPORT_ATTEMPTS 20u
#define REPORT_MOCKS 10u

/* Everything the html structs point to, owned here. */
struct report_data {
	struct progress p;
	struct due_counts d;
	struct html_trend *trends;
	struct mockcard *cards;
	size_t ncards;
	struct html_mock *mocks;
	struct html_mock_row **mrows;
	struct sb *titles;
	struct store_attempt *att;
	size_t natt;
	struct html_attempt *hatt;
	struct html_span **spans;
	struct sb *whens;
};

static void report_data_release(struct report_data *r)
{
	size_t i;
	progress_release(&r->p);
	free(r->trends);
	for (i = 0; i < r->ncards; i++) {
		mockcard_release(&r->cards[i]);
		free(r->mrows[i]);
		sb_release(&r->titles[i]);
	}
	free(r->cards);
	free(r->mocks);
	free(r->mrows);
	free(r->titles);
	for (i = 0; i < r->natt; i++) {
		store_attempt_release(&r->att[i]);
		free(r->spans[i]);
		sb_release(&r->whens[i]);
	}
	free(r->att);
	free(r->hatt);
	free(r->spans);
	free(r->whens);
	memset(r, 0, sizeof(*r));
}

static int load_mocks(struct store *st, struct report_data *r, struct sb *err)
{
	struct store_session *v = NULL;
	size_t n = 0, i, k, from;
	int rc;
	if ((rc = store_list_sessions(st, "mock", &v, &n, err)))
		return rc;
	from = n > REPORT_MOCKS ? n - REPORT_MOCKS : 0;
	r->cards = xcalloc(n - from + 1, sizeof(*r->cards));
	r->mocks = xcalloc(n - from + 1, sizeof(*r->mocks));
	r->mrows = xcalloc(n - from + 1, sizeof(*r->mrows));
	r->titles = xcalloc(n - from + 1, sizeof(*r->titles));
	/* newest first, as history --mock lists them */
	for (i = n; i-- > from;) {
		struct mockcard *mc = &r->cards[r->ncards];
		struct html_mock *m = &r->mocks[r->ncards];
		struct html_mock_row *rows;
		sb_init(&r->titles[r->ncards]);
		if ((rc = mockcard_load(st, v[i].id, mc, err))) {
			mockcard_release(mc);
			break;
		}
		rows = xcalloc(mc->card.n + 1, sizeof(*rows));
		r->mrows[r->ncards] = rows;
		for (k = 0; k < mc->card.n; k++) {
			const struct mock_row *mr = &mc->rows[k];
			rows[k].question = mr->question;
			rows[k].score =
				mr->answered && mr->scored ? mr->score : 0;
			rows[k].grade = mr->answered
						? fsrs_rating_name(mr->grade)
						: NULL;
			rows[k].time_s = mr->time_s;
			rows[k].limit_s = mr->limit_s;
			rows[k].weakest = mr->weakest;
			rows[k].feedback = mr->feedback;
			rows[k].verdict =
				!mr->answered ? "not answered"
				: mr->limit_s && mr->time_s > mr->limit_s
					? "over time"
					: NULL;
		}
		sb_addf(&r->titles[r->ncards], "Mock %lld, %s", mc->sess.id,
			mc->when.buf);
		if (!mc->sess.ended_at)
			sb_adds(&r->titles[r->ncards], " (not finished)");
		m->title = r->titles[r->ncards].buf;
		m->verdict = mc->verdict != MOCK_NONE
				     ? mock_verdict_name(mc->verdict)
				     : NULL;
		m->rows = rows;
		m->n = mc->card.n;
		r->ncards++;
	}
	store_sessions_free(v, n);
	return rc;
}

/* The evidence of every criterion of an attempt, as html spans. */
static size_t spans_of(const struct store_attempt *a, struct html_span **out)
{
	struct html_span *v = NULL;
	size_t n = 0, alloc = 0, i, k;
	for (i = 0; i < a->nitems; i++) {
		const struct store_item *it = &a->items[i];
		struct json_value j;
		const char *msg;
		memset(&j, 0, sizeof(j));
		if (!it->evidence ||
		    json_parse(it->evidence, strlen(it->evidence), &j, &msg) ||
		    j.type != JSON_ARR) {
			json_value_release(&j);
			continue;
		}
		for (k = 0; k < j.n; k++) {
			const struct json_value *s =
				json_get(&j.kids[k], "start");
			const struct json_value *e =
				json_get(&j.kids[k], "end");
			if (!s || !e || s->type != JSON_NUM ||
			    e->type != JSON_NUM || s->num < 0 ||
			    e->num < s->num)
				continue;
			ALLOC_GROW(v, n + 1, alloc);
			v[n].start = (size_t)s->num;
			v[n].end = (size_t)e->num;
			v[n].criterion = it->label ? it->label : it->name;
			n++;
		}
		json_value_release(&j);
	}
	*out = v;
	return n;
}

static int load_attempts(struct store *st, struct report_data *r,
			 struct sb *err)
{
	struct store_filter f;
	struct store_attempt *list = NULL;
	size_t n = 0, i;
	int rc;
	memset(&f, 0, sizeof(f));
	f.limit = REPORT_ATTEMPTS;
	if ((rc = store_list_attempts(st, &f, &list, &n, err)))
		return rc;
	r->att = xcalloc(n + 1, sizeof(*r->att));
	r->hatt = xcalloc(n + 1, sizeof(*r->hatt));
	r->spans = xcalloc(n + 1, sizeof(*r->spans));
	r->whens = xcalloc(n + 1, sizeof(*r->whens));
	for (i = 0; i < n; i++) {
		struct store_attempt *a = &r->att[r->natt];
		struct html_attempt *h = &r->hatt[r->natt];
		if ((rc = store_get_attempt(st, list[i].id, a, err)))
			break;
		sb_init(&r->whens[r->natt]);
		store_fmt_minute(&r->whens[r->natt], a->started_at);
		h->id = a->id;
		h->when = r->whens[r->natt].buf;
		h->question_id = a->question_id;
		h->prompt = a->prompt;
		h->category = a->category;
		h->score = a->scored ? a->score : 0;
		h->grade = fsrs_rating_name(a->final_grade);
		h->answer = a->answer;
		h->answer_len = a->answer_len;
		h->nevidence = spans_of(a, &r->spans[r->natt]);
		h->evidence = r->spans[r->natt];
		r->natt++;
	}
	store_attempts_free(list, n);
	return rc;
}

static int write_file(const char *path, const struct sb *page)
{
	FILE *f = stdout;
	int ok;
	if (strcmp(path, "-") && !(f = fopen(path, "w"))) {
		fprintf(stderr, "pmdrill: report: cannot write '%s': %s\n",
			path, strerror(errno));
		return EX_IOERR;
	}
	ok = fwrite(page->buf, 1, page->len, f) == page->len;
	if (f != stdout ? fclose(f) : fflush(f))
		ok = 0;
	if (!ok) {
		fprintf(stderr, "pmdrill: report: writing '%s' failed: %s\n",
			path, strerror(errno));
		return EX_IOERR;
	}
	return EX_OK;
}

enum { RP_HTML = 1 };
static const struct cmd_grammar report_grammar = {
	"report", "html=", 0, "unexpected argument (give --html FILE)"};

int cmd_report(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct report_data r;
	struct html_report h;
	struct sb err = SB_INIT, page = SB_INIT, gen = SB_INIT;
	const char *path;
	struct bank *b;
	size_t i;
	int rc, status = EX_OK;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &report_grammar, &status))
		return status;
	if (!(path = a.value[RP_HTML]))
		return cmd_usage_error(
			"report", "%s",
			"--html FILE is required (the only format)");

	memset(&r, 0, sizeof(r));
	memset(&h, 0, sizeof(h));
	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	rc = progress_gather(st, (long long)app->now, NULL, &r.p, &err);
	/* Without usable banks the history still shows; only "due" needs them. */
	b = app_bank(app, NULL);
	if (!rc && b)
		rc = progress_count_due(st, b, (long long)app->now, NULL, &r.d,
					&err);
	if (!rc && st)
		rc = load_mocks(st, &r, &err);
	if (!rc && st)
		rc = load_attempts(st, &r, &err);
	if (rc) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	r.trends = xcalloc(r.p.nt + 1, sizeof(*r.trends));
	for (i = 0; i < r.p.nt; i++) {
		r.trends[i].category = r.p.t[i].category;
		r.trends[i].scores = r.p.t[i].scores;
		r.trends[i].n = r.p.t[i].n;
	}
	store_fmt_minute(&gen, (long long)app->now);
	sb_adds(&gen, " UTC");
	h.title = "pmdrill progress";
	h.generated = gen.buf;
	h.trends = r.trends;
	h.ntrends = r.p.nt;
	h.activity = r.p.activity;
	h.nactivity = CHART_CAL_DAYS;
	h.today_wday = r.p.today.wday;
	if (r.d.have) {
		h.due = r.d.forecast;
		h.ndue = CHART_DUE_DAYS;
	}
	h.mocks = r.mocks;
	h.nmocks = r.ncards;
	h.attempts = r.hatt;
	h.nattempts = r.natt;
	html_report(&page, &h);
	status = write_file(path, &page);
out:
	report_data_release(&r);
	store_close(st);
	sb_release(&err);
	sb_release(&page);
	sb_release(&gen);
	return status;
}
