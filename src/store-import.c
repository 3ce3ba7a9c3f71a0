/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing an export into the store, idempotently, in one transaction. */
#include "store-import.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "app.h"
#include "fsrs.h"
#include "json.h"
#include "rubric.h"
#include "sb.h"
#include "store.h"
#include "store-int.h"
#include "store-migrate.h"
#include "store-import-file.h"
#include "xalloc.h"

/* ---- import ---- */

static void bind_rec_text(sqlite3_stmt *s, int i, const struct irec *r, int k)
{
	if (r->v[k])
		sqlite3_bind_text(s, i, r->v[k], (int)r->len[k], SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void bind_rec_num(sqlite3_stmt *s, int i, const struct irec *r, int k,
			 int integer)
{
	if (!r->v[k])
		sqlite3_bind_null(s, i);
	else if (integer)
		sqlite3_bind_int64(s, i, strtoll(r->v[k], NULL, 10));
	else
		sqlite3_bind_double(s, i, strtod(r->v[k], NULL));
}

/*
 * The ids of criterion_texts rows this import has used, by their text,
 * so that each criterion costs one insert instead of two index probes on
 * its long texts.  A key is the four texts as the unique index
 * criterion_texts_key compares them (a NULL label or feedback as char(0),
 * as ifnull() there makes it), each with its length.  Bounded: past
 * TEXT_CACHE_MAX entries a text is looked up in the table.
 */
#define TEXT_CACHE_MAX 4096

struct text_entry {
	uint64_t hash;
	char *key;
	size_t len;
	long long id;
};

struct text_cache {
	struct text_entry *tab; /* open addressing, 2 * TEXT_CACHE_MAX */
	size_t n;
	struct sb key;
};

static void text_cache_release(struct text_cache *c)
{
	size_t i;
	if (c->tab)
		for (i = 0; i < 2 * TEXT_CACHE_MAX; i++)
			free(c->tab[i].key);
	free(c->tab);
	sb_release(&c->key);
	memset(c, 0, sizeof(*c));
}

static void key_part(struct sb *k, const struct json_value *v)
{
	size_t n = v ? v->len : 1;
	sb_add(k, (const char *)&n, sizeof(n));
	if (v)
		sb_add(k, v->str, v->len);
	else
		sb_addc(k, '\0');
}

/* The slot of the key in c->key (found, or empty for it). */
static struct text_entry *text_slot(struct text_cache *c, uint64_t h)
{
	size_t i = (size_t)(h % (2 * TEXT_CACHE_MAX));
	for (;;) {
		struct text_entry *e = &c->tab[i];
		if (!e->key || (e->hash == h && e->len == c->key.len &&
				!memcmp(e->key, c->key.buf, e->len)))
			return e;
		i = (i + 1) % (2 * TEXT_CACHE_MAX);
	}
}

/* The statements behind the criteria view (its INSTEAD OF trigger). */
struct criteria_stmts {
	sqlite3_stmt *text_get, *text_put, *detail_get, *detail_put, *result;
	struct text_cache cache, details;
	struct sb ev; /* a criterion's evidence, packed */
};

/*
 * The id of the row that holds these n texts (get looks it up by them,
 * put adds it), added when there is none, as the view's trigger does
 * (INSERT OR IGNORE, then the lookup); remembered in c.
 */
static int text_row(struct store *st, struct text_cache *c, sqlite3_stmt *g,
		    sqlite3_stmt *put, const struct json_value *const *texts,
		    int n, long long *id)
{
	struct text_entry *e = NULL;
	uint64_t h;
	int rc, i;
	sb_reset(&c->key);
	for (i = 0; i < n; i++)
		key_part(&c->key, texts[i]);
	h = fnv1a64(c->key.buf, c->key.len);
	if (!c->tab)
		c->tab = xcalloc(2 * TEXT_CACHE_MAX, sizeof(*c->tab));
	e = text_slot(c, h);
	if (e->key) {
		*id = e->id;
		return SQLITE_OK;
	}
	sqlite3_reset(g);
	for (i = 0; i < n; i++)
		if (texts[i])
			sqlite3_bind_text(g, i + 1, texts[i]->str,
					  (int)texts[i]->len, SQLITE_STATIC);
		else
			sqlite3_bind_null(g, i + 1);
	rc = sqlite3_step(g);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(g, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		sqlite3_reset(put);
		for (i = 0; i < n; i++)
			if (texts[i])
				sqlite3_bind_text(put, i + 1, texts[i]->str,
						  (int)texts[i]->len,
						  SQLITE_STATIC);
			else
				sqlite3_bind_null(put, i + 1);
		rc = st_step_done(put);
		sqlite3_reset(put);
		*id = sqlite3_last_insert_rowid(st->db);
	}
	sqlite3_reset(g);
	if (!rc && c->n < TEXT_CACHE_MAX) {
		e->hash = h;
		e->len = c->key.len;
		e->key = xmalloc(e->len);
		memcpy(e->key, c->key.buf, e->len);
		e->id = *id;
		c->n++;
	}
	return rc;
}

/*
 * Evidence text as schema 7 stores it (EV_PACK in store-migrate.h, which
 * the view's trigger runs): "[S,E],[S,E]" when the text is exactly a
 * JSON array of {"start":S,"end":E} objects as json_object() writes
 * them, else the text after one space; NULL (returned 0) for none.
 */
static int ev_digits(const char **p, const char *end, struct sb *out)
{
	const char *s = *p;
	while (*p < end && **p >= '0' && **p <= '9')
		(*p)++;
	/* json_object() writes an integer without leading zeros */
	if (*p == s || *p - s > 18 || (*s == '0' && *p - s > 1))
		return 0;
	sb_add(out, s, (size_t)(*p - s));
	return 1;
}

static int ev_lit(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(end - *p) < n || memcmp(*p, lit, n))
		return 0;
	*p += n;
	return 1;
}

static int ev_pack(const char *x, size_t len, struct sb *out)
{
	const char *p = x, *end = x + len;
	sb_reset(out);
	if (!len || (len == 2 && !memcmp(x, "[]", 2)))
		return 0;
	if (ev_lit(&p, end, "[")) {
		for (;;) {
			if (out->len)
				sb_addc(out, ',');
			sb_addc(out, '[');
			if (!ev_lit(&p, end, "{\"start\":") ||
			    !ev_digits(&p, end, out) ||
			    !ev_lit(&p, end, ",\"end\":"))
				break;
			sb_addc(out, ',');
			if (!ev_digits(&p, end, out) || !ev_lit(&p, end, "}"))
				break;
			sb_addc(out, ']');
			if (ev_lit(&p, end, "]")) {
				if (p == end)
					return 1;
				break;
			}
			if (!ev_lit(&p, end, ","))
				break;
		}
	}
	sb_reset(out);
	sb_addc(out, ' ');
	sb_add(out, x, len);
	return 1;
}

/* A criterion's members, by name (see crit_members()). */
enum {
	C_NAME,
	C_LABEL,
	C_KIND,
	C_WEIGHT,
	C_EARNED,
	C_SCALED,
	C_ACTIVE,
	C_MET,
	C_LIMITED,
	C_DETAIL,
	C_FEEDBACK,
	C_EVIDENCE,
	C_COUNT
};
static const char *const crit_names[] = {
	"name", "label",   "kind",   "weight",   "earned",   "scaled", "active",
	"met",  "limited", "detail", "feedback", "evidence", NULL,
};

/*
 * The members of criterion c in one pass, m[C_*] NULL when absent: what
 * json_get() would give for each name (the first of a repeated key), at
 * one comparison per member where json_get() scans the object for each.
 * An exporter writes them in crit_names' order, so that guess comes
 * first.
 */
static void crit_members(const struct json_value *c,
			 const struct json_value *m[C_COUNT])
{
	size_t i;
	int k;
	for (k = 0; k < C_COUNT; k++)
		m[k] = NULL;
	if (c->type != JSON_OBJ)
		return;
	for (i = 0; i < c->n; i++) {
		k = i < C_COUNT && !strcmp(c->keys[i], crit_names[i])
			    ? (int)i
			    : st_index(crit_names, c->keys[i]);
		if (k >= 0 && !m[k])
			m[k] = &c->kids[i];
	}
}

static const struct json_value *str_or_null(const struct json_value *x)
{
	return x && x->type == JSON_STR ? x : NULL;
}

/*
 * A record's criteria, written as an INSERT into the criteria view would
 * write them (its INSTEAD OF trigger, store-migrate.c 6 -> 7): the texts
 * into criterion_texts and the details into criterion_details once, the
 * results into criterion_results with their evidence packed.
 */
static int import_criteria(struct store *st, struct criteria_stmts *cs,
			   long long id, const struct irec *r, struct sb *err,
			   int *bad)
{
	sqlite3_stmt *s = cs->result;
	struct json_value a;
	const char *msg;
	size_t i;
	int rc = SQLITE_OK;
	if (!r->v[F_CRITERIA])
		return SQLITE_OK;
	/* the array, its objects and their members; evidence stays text */
	if (json_parse_shallow(r->v[F_CRITERIA], r->len[F_CRITERIA], 3, &a,
			       &msg)) {
		sb_addf(err, "line %u: bad 'criteria': %s", r->line, msg);
		json_value_release(&a);
		*bad = 1;
		return SQLITE_ERROR;
	}
	if (a.type != JSON_ARR) {
		sb_addf(err, "line %u: bad 'criteria': not an array", r->line);
		json_value_release(&a);
		*bad = 1;
		return SQLITE_ERROR;
	}
	for (i = 0; !rc && i < a.n; i++) {
		const struct json_value *m[C_COUNT];
		const struct json_value *name, *kind, *ev, *detail;
		const struct json_value *texts[4];
		long long text_id = 0, detail_id = 0;
		int k, f = 0;
		crit_members(&a.kids[i], m);
		name = m[C_NAME];
		kind = m[C_KIND];
		ev = m[C_EVIDENCE];
		if (!name || name->type != JSON_STR || !kind ||
		    kind->type != JSON_STR) {
			sb_addf(err,
				"line %u: criterion %zu has no name or kind",
				r->line, i + 1);
			*bad = 1;
			rc = SQLITE_ERROR;
			break;
		}
		texts[0] = name;
		texts[1] = kind;
		texts[2] = str_or_null(m[C_LABEL]);
		texts[3] = str_or_null(m[C_FEEDBACK]);
		if ((rc = text_row(st, &cs->cache, cs->text_get, cs->text_put,
				   texts, 4, &text_id)))
			break;
		detail = str_or_null(m[C_DETAIL]);
		if (detail &&
		    (rc = text_row(st, &cs->details, cs->detail_get,
				   cs->detail_put, &detail, 1, &detail_id)))
			break;
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		sqlite3_bind_int64(s, 3, text_id);
		for (k = 0; k < 3; k++) {
			const struct json_value *x = m[C_WEIGHT + k];
			sqlite3_bind_double(s, 4 + k,
					    x && x->type == JSON_NUM ? x->num
								     : 0);
			x = m[C_ACTIVE + k];
			if (x && x->type == JSON_BOOL && x->num)
				f |= 1 << k;
		}
		sqlite3_bind_int(s, 7, f);
		if (detail)
			sqlite3_bind_int64(s, 8, detail_id);
		else
			sqlite3_bind_null(s, 8);
		if (ev && ev->type == JSON_ARR &&
		    ev_pack(ev->raw, ev->rawlen, &cs->ev))
			sqlite3_bind_text(s, 9, cs->ev.buf, (int)cs->ev.len,
					  SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 9);
		rc = st_step_done(s);
		sqlite3_reset(s);
	}
	json_value_release(&a);
	return rc;
}

static int import_changes(sqlite3_stmt *s, long long id, const struct irec *r,
			  struct sb *err, int *bad)
{
	struct json_value a;
	const char *msg;
	size_t i;
	int rc = SQLITE_OK;
	if (!r->v[F_CHANGES])
		return SQLITE_OK;
	if (json_parse(r->v[F_CHANGES], r->len[F_CHANGES], &a, &msg) ||
	    a.type != JSON_ARR) {
		sb_addf(err, "line %u: bad 'grade_changes'", r->line);
		json_value_release(&a);
		*bad = 1;
		return SQLITE_ERROR;
	}
	for (i = 0; !rc && i < a.n; i++) {
		const struct json_value *from = json_get(&a.kids[i], "from");
		const struct json_value *to = json_get(&a.kids[i], "to");
		const struct json_value *at = json_get(&a.kids[i], "at");
		int g1 = from && from->type == JSON_STR
				 ? fsrs_rating_parse(from->str)
				 : -1;
		int g2 = to && to->type == JSON_STR ? fsrs_rating_parse(to->str)
						    : -1;
		long long t = at && at->type == JSON_STR
				      ? parse_time_arg(at->str)
				      : -1;
		if (g1 < 1 || g2 < 1 || t < 0) {
			sb_addf(err, "line %u: bad grade change %zu", r->line,
				i + 1);
			*bad = 1;
			rc = SQLITE_ERROR;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, g1);
		sqlite3_bind_int(s, 3, g2);
		sqlite3_bind_int64(s, 4, t);
		rc = st_step_done(s);
		sqlite3_reset(s);
	}
	json_value_release(&a);
	return rc;
}

/* The statements one import runs for every record, prepared once. */
struct import_stmts {
	sqlite3_stmt *ins, *count, *find, *category, *key_get, *key_put,
		*key_seen, *id_put, *id_get, *touch, *touched, *sess_get,
		*sess_put, *sess_new, *sess_of, *change;
	struct criteria_stmts crit;
	struct st_reuse reuse; /* questions and cards */
};

static void import_stmts_release(struct import_stmts *x)
{
	sqlite3_finalize(x->ins);
	sqlite3_finalize(x->count);
	sqlite3_finalize(x->find);
	sqlite3_finalize(x->category);
	sqlite3_finalize(x->key_get);
	sqlite3_finalize(x->key_put);
	sqlite3_finalize(x->key_seen);
	sqlite3_finalize(x->id_put);
	sqlite3_finalize(x->id_get);
	sqlite3_finalize(x->touch);
	sqlite3_finalize(x->touched);
	sqlite3_finalize(x->sess_get);
	sqlite3_finalize(x->sess_put);
	sqlite3_finalize(x->sess_new);
	sqlite3_finalize(x->sess_of);
	sqlite3_finalize(x->crit.text_get);
	sqlite3_finalize(x->crit.text_put);
	sqlite3_finalize(x->crit.detail_get);
	sqlite3_finalize(x->crit.detail_put);
	sqlite3_finalize(x->crit.result);
	text_cache_release(&x->crit.cache);
	text_cache_release(&x->crit.details);
	sb_release(&x->crit.ev);
	sqlite3_finalize(x->change);
	st_reuse_release(&x->reuse);
}

static int import_prepare(struct store *st, struct import_stmts *x)
{
	int rc;
	/*
	 * Per-import scratch tables (temp: this connection only, gone on
	 * close): each key's count in the database before the import and
	 * how often the file has had it so far; the file's attempt ids to
	 * the new ones, for follow-ups' parents; the questions to replay.
	 */
	if ((rc = st_exec(
		     st,
		     "CREATE TEMP TABLE IF NOT EXISTS import_keys ("
		     " question_id TEXT, started_at INTEGER, hash TEXT,"
		     " have INTEGER, seen INTEGER,"
		     " PRIMARY KEY (question_id, started_at, hash))"
		     " WITHOUT ROWID;"
		     "CREATE TEMP TABLE IF NOT EXISTS import_ids ("
		     " src INTEGER PRIMARY KEY, new_id INTEGER);"
		     "CREATE TEMP TABLE IF NOT EXISTS import_touched ("
		     " question_id TEXT PRIMARY KEY) WITHOUT ROWID;"
		     "CREATE TEMP TABLE IF NOT EXISTS import_sessions ("
		     " src INTEGER PRIMARY KEY, new_id INTEGER);"
		     "DELETE FROM temp.import_keys; DELETE FROM temp.import_ids;"
		     "DELETE FROM temp.import_touched;"
		     "DELETE FROM temp.import_sessions")))
		return rc;
	if ((rc = st_prep(
		     st, &x->ins,
		     "INSERT INTO attempts (question_id, prompt, started_at,"
		     " duration_ms, answer, answer_hash, follow_up, parent_id,"
		     " saved_at, score, words, sentences, limit_s, wpm,"
		     " prose_share, density, guard, length_factor, notes, rubric,"
		     " rubric_version, auto_grade, final_grade, scheduled,"
		     " reviewed_at, session_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		     " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
		     " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)")) ||
	    (rc = st_prep(st, &x->count,
			  "SELECT count(*) FROM attempts WHERE question_id = ?1"
			  " AND started_at = ?2 AND answer_hash = ?3")) ||
	    (rc = st_prep(st, &x->find,
			  "SELECT max(id) FROM attempts WHERE question_id = ?1"
			  " AND started_at = ?2 AND answer_hash = ?3")) ||
	    (rc = st_prep(st, &x->category,
			  "UPDATE questions SET category = ?1 WHERE id = ?2"
			  " AND category IS NULL")) ||
	    (rc = st_prep(
		     st, &x->key_get,
		     "SELECT have, seen FROM temp.import_keys WHERE"
		     " question_id = ?1 AND started_at = ?2 AND hash = ?3")) ||
	    (rc = st_prep(
		     st, &x->key_put,
		     "INSERT INTO temp.import_keys VALUES (?1, ?2, ?3, ?4, 1)")) ||
	    (rc = st_prep(
		     st, &x->key_seen,
		     "UPDATE temp.import_keys SET seen = seen + 1 WHERE"
		     " question_id = ?1 AND started_at = ?2 AND hash = ?3")) ||
	    (rc = st_prep(
		     st, &x->id_put,
		     "INSERT OR IGNORE INTO temp.import_ids VALUES (?1, ?2)")) ||
	    (rc = st_prep(
		     st, &x->id_get,
		     "SELECT new_id FROM temp.import_ids WHERE src = ?1")) ||
	    (rc = st_prep(
		     st, &x->touch,
		     "INSERT OR IGNORE INTO temp.import_touched VALUES (?1)")) ||
	    (rc = st_prep(st, &x->touched,
			  "SELECT question_id FROM temp.import_touched"
			  " ORDER BY question_id")) ||
	    (rc = st_prep(st, &x->sess_get,
			  "SELECT new_id FROM temp.import_sessions"
			  " WHERE src = ?1")) ||
	    (rc = st_prep(st, &x->sess_put,
			  "INSERT OR IGNORE INTO temp.import_sessions"
			  " VALUES (?1, ?2)")) ||
	    (rc = st_prep(st, &x->sess_new,
			  "INSERT INTO sessions (kind, started_at, ended_at,"
			  " settings) VALUES (?1, ?2, ?3, ?4)")) ||
	    (rc = st_prep(st, &x->sess_of,
			  "SELECT session_id FROM attempts WHERE id = ?1")) ||
	    (rc = st_prep(
		     st, &x->crit.text_get,
		     "SELECT id FROM criterion_texts WHERE name = ?1"
		     " AND kind = ?2"
		     " AND ifnull(label, char(0)) = ifnull(?3, char(0))"
		     " AND ifnull(feedback, char(0)) = ifnull(?4, char(0))")) ||
	    (rc = st_prep(st, &x->crit.text_put,
			  "INSERT INTO criterion_texts (name, kind, label,"
			  " feedback) VALUES (?1, ?2, ?3, ?4)")) ||
	    (rc = st_prep(
		     st, &x->crit.detail_get,
		     "SELECT id FROM criterion_details WHERE detail = ?1")) ||
	    (rc = st_prep(
		     st, &x->crit.detail_put,
		     "INSERT INTO criterion_details (detail) VALUES (?1)")) ||
	    (rc = st_prep(st, &x->crit.result,
			  "INSERT INTO criterion_results VALUES (?1, ?2, ?3,"
			  " ?4, ?5, ?6, ?7, ?8, ?9)")) ||
	    (rc = st_prep(st, &x->change,
			  "INSERT INTO grade_changes (attempt_id, old_grade,"
			  " new_grade, changed_at) VALUES (?, ?, ?, ?)")))
		return rc;
	return SQLITE_OK;
}

/* Bind the record's key (question, start time, answer hash) as ?1-?3. */
static void bind_key(sqlite3_stmt *s, const struct irec *r)
{
	sqlite3_reset(s);
	bind_rec_text(s, 1, r, F_QUESTION);
	sqlite3_bind_int64(s, 2, r->started);
	bind_rec_text(s, 3, r, F_HASH);
}

/* One integer from a keyed statement (dflt when there is no row). */
static int key_int(sqlite3_stmt *s, long long dflt, long long *out)
{
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? st_col_ll(s, 0, dflt) : dflt;
	if (rc == SQLITE_ROW)
		rc = SQLITE_OK;
	else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_reset(s);
	return rc;
}

/*
 * Idempotence: the k-th record with a given key is skipped when the
 * database already held at least k attempts with that key, so an export
 * imported twice adds nothing, and genuine repeats (two identical answers
 * in the same second) survive a round trip.  Both counts come from
 * indexes, so each record costs the same however long the file.
 */
static int should_skip(struct import_stmts *x, const struct irec *r, int *skip)
{
	long long have = 0, seen = 0;
	int rc;
	bind_key(x->key_get, r);
	rc = sqlite3_step(x->key_get);
	if (rc == SQLITE_ROW) {
		have = sqlite3_column_int64(x->key_get, 0);
		seen = sqlite3_column_int64(x->key_get, 1);
		sqlite3_reset(x->key_get);
		bind_key(x->key_seen, r);
		if ((rc = st_step_done(x->key_seen)))
			return rc;
	} else {
		sqlite3_reset(x->key_get);
		if (rc != SQLITE_DONE)
			return rc;
		/* the first time the file has this key: count it in the
		 * database before anything of this import is added */
		bind_key(x->count, r);
		if ((rc = key_int(x->count, 0, &have)))
			return rc;
		bind_key(x->key_put, r);
		sqlite3_bind_int64(x->key_put, 4, have);
		if ((rc = st_step_done(x->key_put)))
			return rc;
	}
	sqlite3_reset(x->key_seen);
	sqlite3_reset(x->key_put);
	*skip = seen < have;
	return SQLITE_OK;
}

/* Map one of the file's ids to one of ours in a temp table (INSERT OR
 * IGNORE: the first mapping stands): attempts for follow-ups' parents,
 * sessions for their attempts. */
static int put_pair(sqlite3_stmt *put, long long src, long long id)
{
	int rc;
	sqlite3_reset(put);
	sqlite3_bind_int64(put, 1, src);
	sqlite3_bind_int64(put, 2, id);
	rc = st_step_done(put);
	sqlite3_reset(put);
	return rc;
}

/*
 * The session a record's attempt goes into: the one this import already
 * made or found for the file's session id, else a new row copied from the
 * record.  *id is 0 for a record without a session.
 */
static int session_for(struct store *st, struct import_stmts *x,
		       const struct irec *r, long long *id)
{
	int rc;
	*id = 0;
	if (!r->session_src)
		return SQLITE_OK;
	sqlite3_reset(x->sess_get);
	sqlite3_bind_int64(x->sess_get, 1, r->session_src);
	if ((rc = key_int(x->sess_get, 0, id)) || *id)
		return rc;
	sqlite3_reset(x->sess_new);
	sqlite3_bind_text(x->sess_new, 1, r->session_kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(x->sess_new, 2, r->session_start);
	if (r->session_end > 0)
		sqlite3_bind_int64(x->sess_new, 3, r->session_end);
	else
		sqlite3_bind_null(x->sess_new, 3);
	sqlite3_bind_text(x->sess_new, 4, r->session_settings, -1,
			  SQLITE_STATIC);
	if ((rc = st_step_done(x->sess_new)))
		return rc;
	sqlite3_reset(x->sess_new);
	*id = sqlite3_last_insert_rowid(st->db);
	return put_pair(x->sess_put, r->session_src, *id);
}

/*
 * A skipped duplicate that was part of a session: later records of the
 * same file session join the session the duplicate is already in, so a
 * re-import makes no second copy of the set.
 */
static int session_of_skipped(struct import_stmts *x, const struct irec *r)
{
	long long have = 0;
	int rc;
	if (!r->session_src || !r->new_id)
		return SQLITE_OK;
	sqlite3_reset(x->sess_of);
	sqlite3_bind_int64(x->sess_of, 1, r->new_id);
	if ((rc = key_int(x->sess_of, 0, &have)) || !have)
		return rc;
	return put_pair(x->sess_put, r->session_src, have);
}

/* Add one checked record (not a duplicate); its new id in r->new_id. */
static int import_one(struct store *st, struct import_stmts *x, struct irec *r,
		      struct sb *err, int *bad)
{
	sqlite3_stmt *ins = x->ins;
	long long started = r->started, reviewed = 0, parent = 0, session = 0;
	int rc;

	if ((rc = st_ensure_question(
		     st, &x->reuse, r->v[F_QUESTION], r->v[F_CATEGORY],
		     r->v[F_FOLLOW_UP] && strcmp(r->v[F_FOLLOW_UP], "-1")
			     ? NULL
			     : r->v[F_PROMPT],
		     started)))
		return rc;
	if (r->v[F_CATEGORY]) {
		sqlite3_reset(x->category);
		bind_rec_text(x->category, 1, r, F_CATEGORY);
		bind_rec_text(x->category, 2, r, F_QUESTION);
		rc = st_step_done(x->category);
		sqlite3_reset(x->category);
		if (rc)
			return rc;
	}
	if ((rc = session_for(st, x, r, &session)))
		return rc;
	if (r->v[F_PARENT]) {
		sqlite3_reset(x->id_get);
		sqlite3_bind_int64(x->id_get, 1,
				   strtoll(r->v[F_PARENT], NULL, 10));
		if ((rc = key_int(x->id_get, 0, &parent)))
			return rc;
	}
	sqlite3_reset(ins);
	sqlite3_bind_text(ins, 1, r->v[F_QUESTION], -1, SQLITE_STATIC);
	bind_rec_text(ins, 2, r, F_PROMPT);
	sqlite3_bind_int64(ins, 3, started);
	if (r->v[F_DURATION])
		bind_rec_num(ins, 4, r, F_DURATION, 1);
	else
		sqlite3_bind_int64(ins, 4, -1);
	bind_rec_text(ins, 5, r, F_ANSWER);
	bind_rec_text(ins, 6, r, F_HASH);
	if (r->v[F_FOLLOW_UP])
		bind_rec_num(ins, 7, r, F_FOLLOW_UP, 1);
	else
		sqlite3_bind_int(ins, 7, -1);
	if (parent)
		sqlite3_bind_int64(ins, 8, parent);
	else
		sqlite3_bind_null(ins, 8);
	sqlite3_bind_int64(ins, 9, st_now(st));
	bind_rec_num(ins, 10, r, F_SCORE, 0);
	bind_rec_num(ins, 11, r, F_WORDS, 1);
	bind_rec_num(ins, 12, r, F_SENTENCES, 1);
	bind_rec_num(ins, 13, r, F_LIMIT, 1);
	bind_rec_num(ins, 14, r, F_WPM, 0);
	bind_rec_num(ins, 15, r, F_PROSE, 0);
	bind_rec_num(ins, 16, r, F_DENSITY, 0);
	bind_rec_num(ins, 17, r, F_GUARD, 0);
	bind_rec_num(ins, 18, r, F_LENGTH, 0);
	bind_rec_text(ins, 19, r, F_NOTES);
	bind_rec_text(ins, 20, r, F_RUBRIC);
	bind_rec_text(ins, 21, r, F_RUBRIC_VERSION);
	if (r->v[F_AUTO])
		sqlite3_bind_int(ins, 22, rec_grade(r, F_AUTO));
	else
		sqlite3_bind_null(ins, 22);
	if (r->v[F_FINAL])
		sqlite3_bind_int(ins, 23, rec_grade(r, F_FINAL));
	else
		sqlite3_bind_null(ins, 23);
	sqlite3_bind_int(ins, 24, rec_bool(r, F_SCHEDULED));
	if (rec_bool(r, F_SCHEDULED) && !rec_time(r, F_REVIEWED, &reviewed))
		sqlite3_bind_int64(ins, 25, reviewed);
	else
		sqlite3_bind_null(ins, 25);
	if (session)
		sqlite3_bind_int64(ins, 26, session);
	else
		sqlite3_bind_null(ins, 26);
	if ((rc = st_step_done(ins)))
		return rc;
	sqlite3_reset(ins);
	r->new_id = sqlite3_last_insert_rowid(st->db);
	if ((rc = import_criteria(st, &x->crit, r->new_id, r, err, bad)) ||
	    (rc = import_changes(x->change, r->new_id, r, err, bad)))
		return rc;
	if (rec_bool(r, F_SCHEDULED)) {
		sqlite3_reset(x->touch);
		bind_rec_text(x->touch, 1, r, F_QUESTION);
		rc = st_step_done(x->touch);
		sqlite3_reset(x->touch);
	}
	return rc;
}

/* Remember where the file's attempt id went, for its follow-ups. */
static int map_id(struct import_stmts *x, const struct irec *r)
{
	if (!r->v[F_ID] || !r->new_id)
		return SQLITE_OK;
	return put_pair(x->id_put, strtoll(r->v[F_ID], NULL, 10), r->new_id);
}

/*
 * Bulk mode.  The triggers on attempts and criteria keep the full-text
 * index and question_stats as every attempt is added, and FTS5 flushes
 * its pending terms into a new segment at each statement's savepoint,
 * so one import wrote one small segment per attempt and merged them over
 * and over.  When the schema has exactly the triggers below (the ones
 * store-migrate.c makes, which this file knows how to stand in for), the
 * import turns triggers off for its own connection only, writes the
 * criteria tables itself (as it does anyway), and at the end indexes the
 * new answers in one statement, recomputes question_stats for the
 * questions it added to and counts the new attempts into the stats
 * summaries, as the triggers would have left them.  Any
 * other set of triggers (a newer schema) keeps them on.
 */
static const char known_triggers[] =
	"attempts_fts_delete attempts_fts_insert attempts_fts_update"
	" criteria_delete criteria_insert question_stats_delete"
	" question_stats_insert question_stats_update summaries_category"
	" summaries_delete summaries_insert summaries_unupdate"
	" summaries_update";

static int bulk_start(struct store *st, int *bulk, long long *last_id)
{
	sqlite3_stmt *s = NULL;
	int rc, on = 1;
	*bulk = 0;
	*last_id = 0;
	rc = st_prep(st, &s,
		     "SELECT (SELECT ifnull(max(id), 0) FROM attempts),"
		     " (SELECT group_concat(name, ' ') FROM (SELECT name"
		     " FROM sqlite_master WHERE type = 'trigger'"
		     " ORDER BY name))");
	if (!rc && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 1);
		*last_id = sqlite3_column_int64(s, 0);
		/* new ids follow last_id, unless it is the largest rowid
		 * (SQLite then picks free ones at random) */
		*bulk = t && !strcmp(t, known_triggers) && *last_id < INT64_MAX;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (!rc && *bulk &&
	    (rc = sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0,
				    &on)) == SQLITE_OK &&
	    on)
		rc = SQLITE_ERROR;
	return rc;
}

/* Triggers back on for this connection (a no-op outside bulk mode). */
static void bulk_end(struct store *st, int bulk)
{
	if (bulk)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1,
				  NULL);
}

/*
 * A larger page cache while the import runs (the default 2 MB spills
 * dirty index pages into the WAL and reads them back, again and again,
 * in an import of hundreds of MB): IMPORT_CACHE_KB, well inside the 64 MB
 * an import may use.  *old is the setting to put back.  Only memory: the
 * commit is as durable as before.
 */
#define IMPORT_CACHE_KB 24576

static void cache_grow(struct store *st, long long *old)
{
	char sql[64];
	*old = 0;
	if (st_query_int(st, "PRAGMA cache_size", old) || !*old)
		return;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", IMPORT_CACHE_KB);
	st_exec(st, sql);
}

static void cache_restore(struct store *st, long long old)
{
	char sql[64];
	if (!old)
		return;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld", old);
	st_exec(st, sql);
}

/* What the triggers would have done for the attempts after last_id. */
static int bulk_finish(struct store *st, long long last_id)
{
	static const char *const sql[] = {
		/* attempts_fts_insert, for every new attempt */
		"INSERT INTO answers_fts (rowid, answer) SELECT id, answer"
		" FROM attempts WHERE id > ?1 ORDER BY id",
		/* question_stats_insert (RECOUNT_QUESTION), once per question
		 * with a new attempt */
		"INSERT OR REPLACE INTO question_stats SELECT n.question_id,"
		" (SELECT count(*) FROM attempts a"
		"  WHERE a.question_id = n.question_id),"
		" (SELECT max(a.started_at) FROM attempts a"
		"  WHERE a.question_id = n.question_id),"
		" (SELECT a.score FROM attempts a"
		"  WHERE a.question_id = n.question_id"
		"  AND a.score IS NOT NULL AND a.follow_up = -1"
		"  ORDER BY a.started_at DESC, a.id DESC LIMIT 1)"
		" FROM (SELECT DISTINCT question_id FROM attempts"
		" WHERE id > ?1) n",
		/* summaries_insert (SUMMARY_ADD), summed by day at once: the
		 * sums are integers, so the rows come out the same */
		"INSERT INTO category_days SELECT category, day, sum(attempts),"
		" sum(scored), sum(mains), sum(main_sum), sum(drills),"
		" sum(drill_sum), sum(crams), sum(cram_sum), sum(follow_ups),"
		" sum(follow_up_sum) FROM attempt_counts WHERE attempt_id > ?1"
		" GROUP BY category, day\n" SUMMARY_UPSERT,
		"INSERT INTO trend_points SELECT category, started_at,"
		" attempt_id, score FROM attempt_counts"
		" WHERE attempt_id > ?1 AND trend",
	};
	size_t i;
	int rc = SQLITE_OK;
	for (i = 0; !rc && i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *s = NULL;
		if (!(rc = st_prep(st, &s, sql[i]))) {
			sqlite3_bind_int64(s, 1, last_id);
			rc = st_step_done(s);
		}
		sqlite3_finalize(s);
	}
	return rc;
}

int store_import(struct store *st, FILE *in, const struct fsrs_params *p,
		 store_progress_fn *progress, void *data, size_t *added,
		 size_t *skipped, struct sb *err)
{
	struct import_stmts x;
	struct ireader rd;
	struct irec r;
	size_t records = 0;
	long long last_id = 0, cache = 0;
	int rc = SQLITE_OK, bad = 0, status, got, bulk = 0;

	*added = *skipped = 0;
	memset(&x, 0, sizeof(x));
	memset(&r, 0, sizeof(r));
	if (ireader_start(&rd, in, err)) {
		ireader_release(&rd);
		return STORE_EINVAL;
	}
	cache_grow(st, &cache);
	if ((rc = st_begin(st)))
		goto fail;
	if ((rc = bulk_start(st, &bulk, &last_id)))
		goto fail;
	if ((rc = import_prepare(st, &x)))
		goto fail;
	while ((got = ireader_next(&rd, &r, err)) == 1) {
		int skip = 0;
		if (check_record(&r, err)) {
			got = -1;
			break;
		}
		if ((rc = should_skip(&x, &r, &skip)))
			goto fail;
		if (skip) {
			bind_key(x.find, &r);
			if ((rc = key_int(x.find, 0, &r.new_id)) ||
			    (rc = session_of_skipped(&x, &r)))
				goto fail;
			(*skipped)++;
		} else {
			if ((rc = import_one(st, &x, &r, err, &bad)))
				goto fail;
			(*added)++;
		}
		if ((rc = map_id(&x, &r)))
			goto fail;
		irec_release(&r);
		memset(&r, 0, sizeof(r));
		if (progress && ++records % 1000 == 0)
			progress(records, data);
	}
	if (got < 0 || ferror(in)) {
		/* a malformed record (err names its line) or a read error */
		if (got >= 0)
			sb_addf(err, "cannot read line %u: %s", rd.line + 1,
				strerror(errno));
		import_stmts_release(&x);
		memset(&x, 0, sizeof(x));
		st_rollback(st);
		*added = *skipped = 0;
		status = got < 0 ? STORE_EINVAL : STORE_EIO;
		goto out;
	}
	if (bulk && (rc = bulk_finish(st, last_id)))
		goto fail;
	sqlite3_reset(x.touched);
	while ((rc = sqlite3_step(x.touched)) == SQLITE_ROW) {
		const char *qid =
			(const char *)sqlite3_column_text(x.touched, 0);
		int r2 = st_replay(st, &x.reuse, qid, p, 0, NULL, &bad);
		if (r2) {
			if (bad)
				sb_addf(err,
					"a review of question '%s' is out of "
					"range",
					qid);
			rc = r2;
			goto fail;
		}
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_reset(x.touched);
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	status = STORE_OK;
	goto out;
fail:
	if (bad) {
		sb_adds(err, "; nothing was imported");
		status = STORE_EINVAL;
	} else {
		status = st_fail(st, rc, err, "importing the attempts",
				 "nothing was imported");
	}
	import_stmts_release(&x);
	memset(&x, 0, sizeof(x));
	st_rollback(st);
	*added = *skipped = 0;
out:
	import_stmts_release(&x);
	bulk_end(st, bulk);
	cache_restore(st, cache);
	irec_release(&r);
	ireader_release(&rd);
	return status;
}
