/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the store: attempts, rebuilt reports, search, streak, stats, dates. */
#include "store-read.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "json.h"
#include "rubric.h"
#include "sb.h"
#include "store.h"
#include "store-int.h"
#include "xalloc.h"

/* ---- dates ---- */

long long store_day_start(long long t)
{
	long long r = t % 86400;
	return t - (r < 0 ? r + 86400 : r);
}

static int utc(long long t, struct tm *tm)
{
	time_t tt = (time_t)t;
	return gmtime_r(&tt, tm) ? 0 : -1;
}

void store_fmt_date(struct sb *out, long long t)
{
	struct tm tm;
	if (utc(t, &tm)) {
		sb_addf(out, "@%lld", t);
		return;
	}
	sb_addf(out, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		tm.tm_mday);
}

void store_fmt_time(struct sb *out, long long t)
{
	struct tm tm;
	if (utc(t, &tm)) {
		sb_addf(out, "@%lld", t);
		return;
	}
	sb_addf(out, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
		tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void store_fmt_minute(struct sb *out, long long t)
{
	struct sb iso = SB_INIT;
	store_fmt_time(&iso, t);
	if (iso.len >= 16) {
		sb_add(out, iso.buf, 10);
		sb_addc(out, ' ');
		sb_add(out, iso.buf + 11, 5);
	} else {
		sb_adds(out, iso.buf);
	}
	sb_release(&iso);
}

/* ---- reading attempts ---- */

static void item_release(struct store_item *it)
{
	free(it->name);
	free(it->label);
	free(it->detail);
	free(it->feedback);
	free(it->evidence);
}

void store_attempt_release(struct store_attempt *a)
{
	size_t i;
	free(a->question_id);
	free(a->category);
	free(a->prompt);
	free(a->answer);
	free(a->answer_hash);
	free(a->rubric);
	free(a->notes);
	for (i = 0; i < a->nitems; i++)
		item_release(&a->items[i]);
	free(a->items);
	memset(a, 0, sizeof(*a));
}

void store_attempts_free(struct store_attempt *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		store_attempt_release(&v[i]);
	free(v);
}

static int crit_kind_from(const char *name)
{
	int k;
	for (k = 0; k < CRIT_KIND_MAX; k++)
		if (name && !strcmp(crit_kind_name((enum crit_kind)k), name))
			return k;
	return -1;
}

static int load_items(struct store *st, struct store_attempt *a)
{
	sqlite3_stmt *s = NULL;
	size_t alloc = 0;
	int rc = st_prep(
		st, &s,
		"SELECT name, label, kind, weight, earned, scaled, active,"
		" met, limited, detail, feedback, evidence FROM criteria"
		" WHERE attempt_id = ? ORDER BY pos");
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, a->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_item *it;
		char *kind;
		ALLOC_GROW(a->items, a->nitems + 1, alloc);
		it = &a->items[a->nitems++];
		memset(it, 0, sizeof(*it));
		it->name = st_col_str(s, 0);
		it->label = st_col_str(s, 1);
		kind = st_col_str(s, 2);
		it->kind = crit_kind_from(kind);
		free(kind);
		it->weight = sqlite3_column_double(s, 3);
		it->earned = sqlite3_column_double(s, 4);
		it->scaled = sqlite3_column_double(s, 5);
		it->active = sqlite3_column_int(s, 6);
		it->met = sqlite3_column_int(s, 7);
		it->limited = sqlite3_column_int(s, 8);
		it->detail = st_col_str(s, 9);
		it->feedback = st_col_str(s, 10);
		it->evidence = st_col_str(s, 11);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_get_attempt(struct store *st, long long id, struct store_attempt *a,
		      struct sb *err)
{
	sqlite3_stmt *s = NULL;
	int rc;
	memset(a, 0, sizeof(*a));
	if ((rc = st_get_row(st, &s, "SELECT " ATTEMPT_COLS " WHERE a.id = ?",
			     id, "attempt", "reading an attempt", err)))
		return rc;
	st_read_attempt(s, a);
	sqlite3_finalize(s);
	if ((rc = load_items(st, a))) {
		rc = st_fail(st, rc, err, "reading an attempt", NULL);
		store_attempt_release(a);
	}
	return rc;
}

int store_list_attempts(struct store *st, const struct store_filter *f,
			struct store_attempt **out, size_t *n, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct sb sql = SB_INIT;
	struct store_attempt *v = NULL;
	size_t nr = 0, alloc = 0;
	int rc, arg = 1;

	*out = NULL;
	*n = 0;
	sb_adds(&sql, "SELECT " ATTEMPT_COLS " WHERE 1");
	if (f->question_id)
		sb_adds(&sql, " AND a.question_id = ?");
	if (f->since)
		sb_adds(&sql, " AND a.started_at >= ?");
	if (f->before_id)
		sb_adds(&sql, " AND a.id < ?");
	if (f->main_only)
		sb_adds(&sql, " AND a.follow_up = -1");
	if (f->session_id)
		sb_adds(&sql, " AND a.session_id = ?");
	sb_addf(&sql, " ORDER BY a.started_at %s, a.id %s",
		f->oldest_first ? "ASC" : "DESC",
		f->oldest_first ? "ASC" : "DESC");
	if (f->limit)
		sb_addf(&sql, " LIMIT %zu", f->limit);
	if ((rc = st_prep(st, &s, sql.buf)))
		goto fail;
	if (f->question_id)
		sqlite3_bind_text(s, arg++, f->question_id, -1, SQLITE_STATIC);
	if (f->since)
		sqlite3_bind_int64(s, arg++, f->since);
	if (f->before_id)
		sqlite3_bind_int64(s, arg++, f->before_id);
	if (f->session_id)
		sqlite3_bind_int64(s, arg++, f->session_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, nr + 1, alloc);
		st_read_attempt(s, &v[nr++]);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(s);
	sb_release(&sql);
	*out = v;
	*n = nr;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the history", NULL);
	sqlite3_finalize(s);
	sb_release(&sql);
	store_attempts_free(v, nr);
	return rc;
}

/* ---- rebuilding a report ---- */

static char *own(struct store_report *r, char *s)
{
	if (!s)
		return NULL;
	ALLOC_GROW(r->owned, r->nowned + 1, r->aowned);
	r->owned[r->nowned++] = s;
	return s;
}

int store_report_from(const struct store_attempt *a, struct store_report *out)
{
	struct score_report *rep = &out->rep;
	size_t i, k;
	int bad = 0;

	memset(out, 0, sizeof(*out));
	rep->score = a->score < 0 ? 0 : a->score;
	rep->grade = a->final_grade;
	rep->words = a->words;
	rep->sentences = a->sentences;
	rep->duration_ms = a->duration_ms;
	rep->limit_s = a->limit_s;
	rep->wpm = a->wpm;
	rep->prose_share = a->prose_share;
	rep->density = a->density;
	rep->guard = a->guard;
	rep->length_factor = a->length_factor;
	if (a->nitems)
		rep->items = xcalloc(a->nitems, sizeof(*rep->items));
	rep->nitems = a->nitems;
	for (i = 0; i < a->nitems; i++) {
		const struct store_item *si = &a->items[i];
		struct score_item *it = &rep->items[i];
		struct json_value ev;
		const char *msg;
		it->name = own(out, si->name ? xstrdup(si->name) : NULL);
		it->label = own(out, si->label ? xstrdup(si->label) : NULL);
		if (!it->label)
			it->label = it->name;
		it->kind = si->kind;
		it->weight = si->weight;
		it->earned = si->earned;
		it->scaled = si->scaled;
		it->active = si->active;
		it->met = si->met;
		it->limited = si->limited;
		it->detail = si->detail ? xstrdup(si->detail) : NULL;
		it->feedback = si->feedback ? xstrdup(si->feedback) : NULL;
		memset(&ev, 0, sizeof(ev));
		if (!si->evidence ||
		    json_parse(si->evidence, strlen(si->evidence), &ev, &msg)) {
			if (si->evidence)
				bad = 1;
			json_value_release(&ev);
			continue;
		}
		for (k = 0; ev.type == JSON_ARR && k < ev.n; k++) {
			const struct json_value *st =
				json_get(&ev.kids[k], "start");
			const struct json_value *en =
				json_get(&ev.kids[k], "end");
			const struct json_value *wh =
				json_get(&ev.kids[k], "what");
			struct score_evidence *e;
			if (!st || !en || st->type != JSON_NUM ||
			    en->type != JSON_NUM || st->num < 0 ||
			    en->num < st->num ||
			    en->num > (double)a->answer_len) {
				bad = 1;
				continue;
			}
			ALLOC_GROW(it->ev, it->nev + 1, it->aev);
			e = &it->ev[it->nev++];
			e->start = (size_t)st->num;
			e->end = (size_t)en->num;
			e->what = wh && wh->type == JSON_STR
					  ? own(out, xstrdup(wh->str))
					  : NULL;
		}
		json_value_release(&ev);
	}
	if (a->notes) {
		struct json_value nv;
		const char *msg;
		if (!json_parse(a->notes, strlen(a->notes), &nv, &msg)) {
			for (k = 0; nv.type == JSON_ARR && k < nv.n; k++) {
				if (nv.kids[k].type != JSON_STR)
					continue;
				ALLOC_GROW(rep->notes, rep->nnotes + 1,
					   rep->anotes);
				rep->notes[rep->nnotes++] =
					xstrdup(nv.kids[k].str);
			}
		} else {
			bad = 1;
		}
		json_value_release(&nv);
	}
	return bad ? STORE_EINVAL : STORE_OK;
}

void store_report_release(struct store_report *r)
{
	size_t i;
	score_report_release(&r->rep);
	for (i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
	memset(r, 0, sizeof(*r));
}

/* ---- search ---- */

static void as_phrase(struct sb *out, const char *q)
{
	sb_addc(out, '"');
	for (; *q; q++) {
		if (*q == '"')
			sb_addc(out, '"');
		sb_addc(out, *q);
	}
	sb_addc(out, '"');
}

static int run_search(struct store *st, const char *match, size_t limit,
		      const char *open, const char *close,
		      struct store_hit **out, size_t *n)
{
	sqlite3_stmt *s = NULL;
	struct store_hit *v = NULL;
	size_t nr = 0, alloc = 0;
	int rc = st_prep(
		st, &s,
		"SELECT a.id, a.question_id, a.started_at, a.score,"
		" snippet(answers_fts, 0, ?2, ?3, '...', 16)"
		" FROM answers_fts JOIN attempts a ON a.id = answers_fts.rowid"
		" WHERE answers_fts MATCH ?1"
		" ORDER BY answers_fts.rank, a.started_at DESC, a.id DESC"
		" LIMIT ?4");
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, open, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, close, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, limit ? (long long)limit : -1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_hit *h;
		ALLOC_GROW(v, nr + 1, alloc);
		h = &v[nr++];
		h->attempt_id = sqlite3_column_int64(s, 0);
		h->question_id = st_col_str(s, 1);
		h->started_at = sqlite3_column_int64(s, 2);
		h->score = st_col_dbl(s, 3, -1);
		h->snippet = st_col_str(s, 4);
		if (!h->snippet)
			h->snippet = xstrdup("");
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_hits_free(v, nr);
		return rc;
	}
	*out = v;
	*n = nr;
	return SQLITE_OK;
}

int store_search(struct store *st, const char *query, size_t limit,
		 const char *open, const char *close, struct store_hit **out,
		 size_t *n, struct sb *err)
{
	struct sb phrase = SB_INIT;
	const char *q = query;
	int rc;

	*out = NULL;
	*n = 0;
	while (*q == ' ' || *q == '\t')
		q++;
	if (!*q) {
		sb_adds(err, "nothing to search for");
		return STORE_EINVAL;
	}
	rc = run_search(st, query, limit, open, close, out, n);
	/* Not FTS5 syntax ("C++", "don't", "a:b"): search the words as a
	 * phrase instead of failing. */
	if ((rc & 0xff) == SQLITE_ERROR) {
		as_phrase(&phrase, query);
		rc = run_search(st, phrase.buf, limit, open, close, out, n);
	}
	sb_release(&phrase);
	if ((rc & 0xff) == SQLITE_ERROR) {
		sb_addf(err, "cannot search for '%s': %s", query,
			sqlite3_errmsg(st->db));
		return STORE_EINVAL;
	}
	if (rc)
		return st_fail(st, rc, err, "searching the answers", NULL);
	return STORE_OK;
}

void store_hits_free(struct store_hit *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(v[i].question_id);
		free(v[i].snippet);
	}
	free(v);
}

/* ---- stats ---- */

/* The streak from a statement giving the days with attempts, newest
 * first, up to today. */
static int count_streak(sqlite3_stmt *s, long long today, int *days)
{
	long long expect = today;
	int rc;
	*days = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long d = sqlite3_column_int64(s, 0);
		if (d == expect) {
			(*days)++;
			expect--;
		} else if (d == today - 1 && expect == today) {
			/* Nothing yet today: yesterday's streak still counts. */
			*days = 1;
			expect = d - 1;
		} else {
			break;
		}
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_streak(struct store *st, long long now, int *days, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	long long today = store_day_start(now) / 86400;
	int rc = st_prep(
		st, &s,
		"SELECT DISTINCT (started_at - ((started_at % 86400 + 86400)"
		" % 86400)) / 86400 AS day FROM attempts"
		" WHERE started_at < ? ORDER BY day DESC");
	*days = 0;
	if (rc)
		goto fail;
	sqlite3_bind_int64(s, 1, (today + 1) * 86400);
	if ((rc = count_streak(s, today, days)))
		goto fail;
	sqlite3_finalize(s);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "counting the streak", NULL);
	sqlite3_finalize(s);
	return rc;
}

/*
 * The figures of struct store_stats from two queries: `totals`, one row
 * (attempts, scored, questions, today, the average or NULL; ?1 is
 * `today`), and `cats`, a row per category (its name, scored main
 * answers, their average).
 */
static int read_stats(struct store *st, const char *totals, long long today,
		      const char *cats, struct store_stats *out)
{
	sqlite3_stmt *s = NULL;
	size_t alloc = 0;
	int rc;
	if ((rc = st_prep(st, &s, totals)))
		goto done;
	sqlite3_bind_int64(s, 1, today);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW)
		goto done;
	out->attempts = sqlite3_column_int(s, 0);
	out->scored = sqlite3_column_int(s, 1);
	out->questions = sqlite3_column_int(s, 2);
	out->today = (int)st_col_ll(s, 3, 0);
	out->average = st_col_dbl(s, 4, -1);
	sqlite3_finalize(s);
	s = NULL;
	if ((rc = st_prep(st, &s, cats)))
		goto done;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_cat *c;
		ALLOC_GROW(out->cats, out->ncats + 1, alloc);
		c = &out->cats[out->ncats++];
		c->category = st_col_str(s, 0);
		c->attempts = sqlite3_column_int(s, 1);
		c->average = sqlite3_column_double(s, 2);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
done:
	sqlite3_finalize(s);
	return rc;
}

/* The mean score of the main answers, as the walk computes it. */
#define MAIN_AVERAGE "SELECT avg(score) FROM attempts WHERE follow_up = -1"

int store_stats(struct store *st, long long now, struct store_stats *out,
		struct sb *err)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if ((rc = read_stats(
		     st,
		     "SELECT count(*), count(score),"
		     " count(DISTINCT question_id),"
		     " sum(started_at >= ?1 AND started_at < ?1 + 86400),"
		     " (" MAIN_AVERAGE ")"
		     " FROM attempts",
		     store_day_start(now),
		     "SELECT coalesce(q.category, '?'), count(a.score),"
		     " avg(a.score) FROM attempts a"
		     " LEFT JOIN questions q ON q.id = a.question_id"
		     " WHERE a.score IS NOT NULL AND a.follow_up = -1"
		     " GROUP BY 1 ORDER BY 1",
		     out))) {
		rc = st_fail(st, rc, err, "reading the statistics", NULL);
		store_stats_release(out);
		return rc;
	}
	return store_streak(st, now, &out->streak, err);
}

int store_stats_average(struct store *st, double *average, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	/* store_stats()'s own subquery: the same plan, the same order of
	 * addition */
	int rc = st_prep(st, &s, MAIN_AVERAGE);
	if (!rc && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		*average = st_col_dbl(s, 0, -1);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, "reading the statistics", NULL);
	return STORE_OK;
}

/* A mean of scores kept in millionths of a point (schema 6), in points:
 * the sum as a double, over a million, over the count, as C would. */
#define MICRO_MEAN(SUM, N) "CAST(" SUM " AS REAL) / 1e6 / " N

/* A sum of scores kept in millionths of a point (schema 6), in points. */
static double from_micro(sqlite3_stmt *s, int i)
{
	return (double)sqlite3_column_int64(s, i) / 1e6;
}

int store_stats_summary(struct store *st, long long now,
			struct store_stats *out, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	long long today = store_day_start(now) / 86400;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = read_stats(
		     st,
		     "SELECT coalesce(sum(attempts), 0),"
		     " coalesce(sum(scored), 0),"
		     " (SELECT count(*) FROM question_stats"
		     "  WHERE attempts > 0),"
		     " coalesce(sum(attempts * (day = ?1)), 0),"
		     " CASE WHEN sum(mains) > 0"
		     " THEN " MICRO_MEAN("sum(main_sum)",
					 "sum(mains)") " END"
						       " FROM category_days",
		     today,
		     "SELECT category, sum(mains), " MICRO_MEAN(
			     "sum(main_sum)",
			     "sum(mains)") " FROM category_days GROUP BY category"
					   " HAVING sum(mains) > 0 ORDER BY category",
		     out)))
		goto fail;
	if ((rc = st_prep(st, &s,
			  "SELECT day FROM category_days WHERE day <= ?"
			  " GROUP BY day HAVING sum(attempts) > 0"
			  " ORDER BY day DESC")))
		goto fail;
	sqlite3_bind_int64(s, 1, today);
	if ((rc = count_streak(s, today, &out->streak)))
		goto fail;
	sqlite3_finalize(s);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the statistics", NULL);
	sqlite3_finalize(s);
	store_stats_release(out);
	return rc;
}

int store_day_summary(struct store *st, const char *category,
		      long long from_day, struct store_days *out,
		      struct sb *err)
{
	sqlite3_stmt *s = NULL;
	size_t alloc = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = st_prep(
		     st, &s,
		     "SELECT coalesce(sum(drills), 0),"
		     " coalesce(sum(drill_sum), 0),"
		     " coalesce(sum(crams), 0), coalesce(sum(cram_sum), 0),"
		     " coalesce(sum(follow_ups), 0),"
		     " coalesce(sum(follow_up_sum), 0)"
		     " FROM category_days WHERE ?1 IS NULL OR category = ?1")))
		goto fail;
	if (category)
		sqlite3_bind_text(s, 1, category, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW)
		goto fail;
	out->drills = (unsigned)sqlite3_column_int64(s, 0);
	out->drill_sum = from_micro(s, 1);
	out->crams = (unsigned)sqlite3_column_int64(s, 2);
	out->cram_sum = from_micro(s, 3);
	out->follow_ups = (unsigned)sqlite3_column_int64(s, 4);
	out->follow_up_sum = from_micro(s, 5);
	sqlite3_finalize(s);
	s = NULL;
	if ((rc = st_prep(st, &s,
			  "SELECT day, sum(attempts) FROM category_days"
			  " WHERE day >= ?2 AND (?1 IS NULL OR category = ?1)"
			  " GROUP BY day ORDER BY day")))
		goto fail;
	if (category)
		sqlite3_bind_text(s, 1, category, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, from_day);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_day *d;
		ALLOC_GROW(out->v, out->n + 1, alloc);
		d = &out->v[out->n++];
		d->day = sqlite3_column_int64(s, 0);
		d->attempts = (unsigned)sqlite3_column_int64(s, 1);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(s);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the statistics", NULL);
	sqlite3_finalize(s);
	free(out->v);
	memset(out, 0, sizeof(*out));
	return rc;
}

int store_each_criterion(struct store *st, const long long *ids, size_t n,
			 store_criterion_fn *fn, void *data, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	size_t i;
	int rc, stop = 0;
	/* One statement for every attempt: prepared once, rebound. */
	rc = st_prep(st, &s,
		     "SELECT name, label, kind, active, met FROM criteria"
		     " WHERE attempt_id = ? ORDER BY pos");
	for (i = 0; !rc && !stop && i < n; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, ids[i]);
		while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct store_criterion c;
			c.name = (const char *)sqlite3_column_text(s, 0);
			c.label = (const char *)sqlite3_column_text(s, 1);
			c.kind = crit_kind_from(
				(const char *)sqlite3_column_text(s, 2));
			c.active = sqlite3_column_int(s, 3);
			c.met = sqlite3_column_int(s, 4);
			stop = fn(i, &c, data);
		}
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, "reading an attempt", NULL);
	return stop;
}

/*
 * Hand fn the points of s, prepared with the rc given, whose columns are
 * id, started_at, category, follow_up, scheduled, score; fn's nonzero
 * answer stops the walk and is returned.  A failure while `doing` is
 * described in err and its store status returned.
 */
static int walk_points(struct store *st, sqlite3_stmt *s, int rc,
		       store_point_fn *fn, void *data, const char *doing,
		       struct sb *err)
{
	int stop = 0;
	while (!rc && !stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_point p;
		p.id = sqlite3_column_int64(s, 0);
		p.started_at = sqlite3_column_int64(s, 1);
		p.category = (const char *)sqlite3_column_text(s, 2);
		p.follow_up = sqlite3_column_int(s, 3);
		p.scheduled = sqlite3_column_int(s, 4);
		p.score = sqlite3_column_double(s, 5);
		stop = fn(&p, data);
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, doing, NULL);
	return stop;
}

/* The trend points of one category: its first point's time, then every
 * point's id and score, handed to fn; *stop is fn's nonzero answer.  An
 * SQLite code. */
static int trend_of_category(sqlite3_stmt *first, sqlite3_stmt *each,
			     const char *category, store_point_fn *fn,
			     void *data, int *stop)
{
	struct store_point p;
	int rc;
	memset(&p, 0, sizeof(p));
	p.category = category;
	p.follow_up = -1;
	sqlite3_reset(first);
	sqlite3_bind_text(first, 1, category, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(first)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	p.started_at = sqlite3_column_int64(first, 0);
	sqlite3_reset(each);
	sqlite3_bind_text(each, 1, category, -1, SQLITE_STATIC);
	while (!*stop && (rc = sqlite3_step(each)) == SQLITE_ROW) {
		p.id = sqlite3_column_int64(each, 0);
		p.score = sqlite3_column_double(each, 1);
		*stop = fn(&p, data);
		p.started_at = 0;
	}
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int store_each_trend_point(struct store *st, const char *category,
			   store_point_fn *fn, void *data, struct sb *err)
{
	sqlite3_stmt *cats = NULL, *first = NULL, *each = NULL;
	int rc, stop = 0;
	/* Two columns a point and one category at a time, its range of the
	 * key: the category's text and time, read for every one of 80,000
	 * points, were about half the walk (issue 11).  The categories are
	 * those of category_days, which counts every trend point's. */
	if ((rc = st_prep(st, &first,
			  "SELECT started_at FROM trend_points"
			  " WHERE category = ?1"
			  " ORDER BY started_at, attempt_id LIMIT 1")) ||
	    (rc = st_prep(st, &each,
			  "SELECT attempt_id, score FROM trend_points"
			  " WHERE category = ?1"
			  " ORDER BY started_at, attempt_id")))
		goto done;
	if (category) {
		rc = trend_of_category(first, each, category, fn, data, &stop);
		goto done;
	}
	if ((rc = st_prep(st, &cats,
			  "SELECT DISTINCT category FROM category_days"
			  " ORDER BY category")))
		goto done;
	while (!stop && (rc = sqlite3_step(cats)) == SQLITE_ROW) {
		char *name = st_col_str(cats, 0);
		rc = trend_of_category(first, each, name, fn, data, &stop);
		free(name);
		if (rc)
			break;
	}
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		rc = SQLITE_OK;
done:
	sqlite3_finalize(cats);
	sqlite3_finalize(first);
	sqlite3_finalize(each);
	if (rc)
		return st_fail(st, rc, err, "reading the score trends", NULL);
	return stop;
}

void store_stats_release(struct store_stats *s)
{
	size_t i;
	for (i = 0; i < s->ncats; i++)
		free(s->cats[i].category);
	free(s->cats);
	s->cats = NULL;
	s->ncats = 0;
}

int store_each_point(struct store *st, store_point_fn *fn, void *data,
		     struct sb *err)
{
	sqlite3_stmt *s = NULL;
	/* INDEXED BY: the walk must come from the small index entries. */
	int rc = st_prep(st, &s,
			 "SELECT a.id, a.started_at, coalesce(q.category, '?'),"
			 " a.follow_up, a.scheduled, coalesce(a.score, -1)"
			 " FROM attempts a INDEXED BY attempts_progress"
			 " LEFT JOIN questions q ON q.id = a.question_id"
			 " WHERE a.started_at > -9223372036854775807"
			 " ORDER BY a.started_at, a.id");
	return walk_points(st, s, rc, fn, data, "reading the history", err);
}
