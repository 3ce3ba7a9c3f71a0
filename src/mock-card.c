/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A mock interview's scorecard, rebuilt from its session in the store. */
#include "mock-card.h"

#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "json.h"
#include "rubric.h"
#include "score.h"
#include "store.h"
#include "store-read.h"
#include "xalloc.h"

static void read_settings(struct mockcard *mc)
{
	const struct json_value *q, *m;
	struct json_value v;
	const char *msg;
	size_t i;
	memset(&v, 0, sizeof(v));
	if (!mc->sess.settings ||
	    json_parse(mc->sess.settings, strlen(mc->sess.settings), &v, &msg))
		goto out;
	q = json_get(&v, "questions");
	if (q && q->type == JSON_ARR && q->n) {
		mc->planned = xcalloc(q->n, sizeof(*mc->planned));
		for (i = 0; i < q->n; i++)
			if (q->kids[i].type == JSON_STR)
				mc->planned[mc->nplanned++] =
					xstrdup(q->kids[i].str);
	}
	m = json_get(&v, "minutes");
	if (m && m->type == JSON_NUM && m->num > 0 && m->num < 10000)
		mc->limit_s = (unsigned)(m->num * 60);
out:
	json_value_release(&v);
}

/* The row for question id, added at the end if it was not planned. */
static struct mock_row *row_of(struct mockcard *mc,
			       const struct store_attempt *a, size_t *alloc)
{
	size_t i;
	for (i = 0; i < mc->card.n; i++)
		if (!strcmp(mc->rows[i].question, a->question_id))
			return &mc->rows[i];
	ALLOC_GROW(mc->rows, mc->card.n + 1, *alloc);
	memset(&mc->rows[mc->card.n], 0, sizeof(*mc->rows));
	mc->rows[mc->card.n].question = a->question_id;
	mc->rows[mc->card.n].category = a->category;
	return &mc->rows[mc->card.n++];
}

static int counts(const struct store_item *it)
{
	return it->active && it->kind != CRIT_PENALTY && it->weight > 0;
}

static void fill_main(struct mockcard *mc, struct mock_row *r,
		      const struct store_attempt *a, size_t *calloc_)
{
	const struct store_item *weak = NULL;
	size_t k;
	r->answered = 1;
	r->category = a->category;
	r->scored = a->scored;
	r->score = a->score;
	r->grade = a->final_grade;
	r->time_s = a->duration_ms >= 0
			    ? (unsigned)((a->duration_ms + 500) / 1000)
			    : 0;
	r->limit_s = a->limit_s;
	for (k = 0; k < a->nitems; k++) {
		const struct store_item *it = &a->items[k];
		if (!counts(it))
			continue;
		if (it->kind == CRIT_LENGTH)
			continue; /* length is a dial, not a skill to practise */
		if (it->earned < it->weight &&
		    (!weak ||
		     it->earned / it->weight < weak->earned / weak->weight))
			weak = it;
		ALLOC_GROW(mc->crits, mc->ncrits + 1, *calloc_);
		mc->crits[mc->ncrits].label = it->label ? it->label : it->name;
		mc->crits[mc->ncrits].category = a->category;
		mc->crits[mc->ncrits].met = it->met;
		mc->crits[mc->ncrits].share = it->earned / it->weight;
		mc->ncrits++;
	}
	if (weak) {
		r->weakest = weak->label ? weak->label : weak->name;
		r->feedback = weak->feedback;
	}
}

int mockcard_load(struct store *st, long long session_id, struct mockcard *mc,
		  struct sb *err)
{
	struct store_filter f;
	struct store_attempt *list = NULL;
	size_t nlist = 0, i, ralloc = 0, calloc_ = 0, best;
	unsigned spent = 0;
	int rc;

	memset(mc, 0, sizeof(*mc));
	sb_init(&mc->when);
	if ((rc = store_get_session(st, session_id, &mc->sess, err)))
		return rc;
	read_settings(mc);
	memset(&f, 0, sizeof(f));
	f.session_id = session_id;
	f.oldest_first = 1;
	if ((rc = store_list_attempts(st, &f, &list, &nlist, err)))
		return rc;
	mc->att = xcalloc(nlist + 1, sizeof(*mc->att));
	for (i = 0; i < nlist; i++) {
		if ((rc = store_get_attempt(st, list[i].id, &mc->att[i],
					    err))) {
			store_attempts_free(list, nlist);
			return rc;
		}
		mc->natt++;
	}
	store_attempts_free(list, nlist);

	ralloc = mc->nplanned;
	mc->rows = xcalloc(ralloc + 1, sizeof(*mc->rows));
	for (i = 0; i < mc->nplanned; i++)
		mc->rows[i].question = mc->planned[i];
	mc->card.n = mc->nplanned;
	for (i = 0; i < mc->natt; i++) {
		const struct store_attempt *a = &mc->att[i];
		struct mock_row *r = row_of(mc, a, &ralloc);
		if (a->duration_ms > 0)
			spent += (unsigned)((a->duration_ms + 500) / 1000);
		if (a->follow_up < 0 && !r->answered) {
			fill_main(mc, r, a, &calloc_);
		} else if (a->follow_up >= 0 && !r->fu_answered) {
			r->fu_answered = 1;
			r->fu_scored = a->scored;
			r->fu_score = a->score;
			r->fu_grade = a->final_grade;
			r->fu_time_s =
				a->duration_ms >= 0
					? (unsigned)((a->duration_ms + 500) /
						     1000)
					: 0;
			r->fu_limit_s = a->limit_s;
		}
	}
	mc->card.rows = mc->rows;
	mc->card.id = mc->sess.id;
	{
		/* "2026-03-02 09:00" */
		struct sb iso = SB_INIT;
		store_fmt_time(&iso, mc->sess.started_at);
		sb_add(&mc->when, iso.buf, iso.len >= 16 ? 10 : iso.len);
		if (iso.len >= 16) {
			sb_addc(&mc->when, ' ');
			sb_add(&mc->when, iso.buf + 11, 5);
		}
		sb_release(&iso);
	}
	mc->card.when = mc->when.buf;
	mc->card.limit_s = mc->limit_s;
	mc->card.spent_s = spent;
	if (!mc->sess.ended_at)
		mc->card.ending = "not finished";
	else if (mc->limit_s && spent >= mc->limit_s)
		mc->card.ending = "time ran out";
	best = mock_practise(mc->crits, mc->ncrits, &mc->card.practise_missed,
			     &mc->card.practise_of);
	if (best < mc->ncrits) {
		mc->card.practise = mc->crits[best].label;
		mc->card.practise_category = mc->crits[best].category;
	}
	mc->verdict = mock_verdict(mc->rows, mc->card.n, &mc->mean);
	return STORE_OK;
}

void mockcard_release(struct mockcard *mc)
{
	size_t i;
	store_session_release(&mc->sess);
	store_attempts_free(mc->att, mc->natt);
	for (i = 0; i < mc->nplanned; i++)
		free(mc->planned[i]);
	free(mc->planned);
	free(mc->rows);
	free(mc->crits);
	sb_release(&mc->when);
	memset(mc, 0, sizeof(*mc));
}

void mockcard_render(struct sb *out, const struct mockcard *mc, unsigned width)
{
	mock_render(out, &mc->card, width);
}

size_t mockcard_answered(const struct mockcard *mc)
{
	size_t i, n = 0;
	for (i = 0; i < mc->card.n; i++)
		n += mc->rows[i].answered != 0;
	return n;
}

static void result_json(struct sb *out, int scored, double score, int grade,
			unsigned time_s, unsigned limit_s)
{
	sb_adds(out, "\"score\":");
	json_num_or_null(out, score, scored);
	json_key(out, "grade");
	json_str(out, fsrs_rating_name(grade));
	sb_addf(out, ",\"time_s\":%u,\"limit_s\":", time_s);
	json_int_or_null(out, limit_s, limit_s > 0);
}

void mockcard_json(struct sb *out, const struct mockcard *mc)
{
	struct sb t = SB_INIT;
	size_t i;
	sb_addf(out, "{\"id\":%lld,\"started_at\":", mc->sess.id);
	store_fmt_time(&t, mc->sess.started_at);
	json_str(out, t.buf);
	json_key(out, "ended_at");
	sb_reset(&t);
	if (mc->sess.ended_at)
		store_fmt_time(&t, mc->sess.ended_at);
	json_str(out, mc->sess.ended_at ? t.buf : NULL);
	sb_addf(out,
		",\"questions\":%zu,\"answered\":%zu,\"limit_s\":", mc->card.n,
		mockcard_answered(mc));
	json_int_or_null(out, mc->limit_s, mc->limit_s > 0);
	sb_addf(out, ",\"time_s\":%u,\"mean\":", mc->card.spent_s);
	json_num_or_null(out, mc->mean, mc->verdict != MOCK_NONE);
	json_key(out, "verdict");
	json_str(out, mc->verdict != MOCK_NONE ? mock_verdict_name(mc->verdict)
					       : NULL);
	sb_adds(out, ",\"rows\":[");
	for (i = 0; i < mc->card.n; i++) {
		const struct mock_row *r = &mc->rows[i];
		sb_adds(out, i ? ",{\"question\":" : "{\"question\":");
		json_str(out, r->question);
		json_key_str(out, "category", r->category);
		sb_addf(out, ",\"answered\":%s,",
			r->answered ? "true" : "false");
		result_json(out, r->answered && r->scored, r->score, r->grade,
			    r->time_s, r->limit_s);
		json_key_str(out, "weakest", r->weakest);
		json_key_str(out, "feedback", r->feedback);
		json_key(out, "follow_up");
		if (r->fu_answered) {
			sb_addc(out, '{');
			result_json(out, r->fu_scored, r->fu_score, r->fu_grade,
				    r->fu_time_s, r->fu_limit_s);
			sb_addc(out, '}');
		} else {
			sb_adds(out, "null");
		}
		sb_addc(out, '}');
	}
	sb_adds(out, "],\"practise\":");
	if (mc->card.practise) {
		sb_addc(out, '{');
		json_key_str(out, "criterion", mc->card.practise);
		json_key_str(out, "category", mc->card.practise_category);
		sb_addf(out, ",\"missed\":%u,\"answers\":%u}",
			mc->card.practise_missed, mc->card.practise_of);
	} else {
		sb_adds(out, "null");
	}
	sb_addc(out, '}');
	sb_release(&t);
}
