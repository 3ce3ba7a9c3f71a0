/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing an export into the store, idempotently, in one transaction. */
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "app.h"
#include "json.h"
#include "rubric.h"
#include "sb.h"
#include "store-int.h"
#include "xalloc.h"

/* ---- import ---- */

/* One imported record: each field NULL (absent/null) or its text. */
struct irec {
	char *v[F_COUNT];
	size_t len[F_COUNT];
	unsigned line;
	int skip;
	long long new_id;
};

static void irec_release(struct irec *r)
{
	int i;
	for (i = 0; i < F_COUNT; i++)
		free(r->v[i]);
}

static int field_index(const char *name)
{
	int i;
	for (i = 0; st_export_fields[i]; i++)
		if (!strcmp(st_export_fields[i], name))
			return i;
	return -1;
}

static int import_json_line(const char *buf, size_t len, struct irec *r,
			    struct sb *err)
{
	struct json_value o;
	const char *msg;
	size_t i;
	if (json_parse(buf, len, &o, &msg)) {
		sb_addf(err, "line %u: %s", r->line, msg);
		json_value_release(&o);
		return -1;
	}
	if (o.type != JSON_OBJ) {
		sb_addf(err, "line %u: not a JSON object", r->line);
		json_value_release(&o);
		return -1;
	}
	for (i = 0; i < o.n; i++) {
		int k = field_index(o.keys[i]);
		const struct json_value *v = &o.kids[i];
		if (k < 0 || v->type == JSON_NULL)
			continue;
		if (v->type == JSON_STR) {
			r->v[k] = xmalloc(v->len + 1);
			memcpy(r->v[k], v->str, v->len + 1);
			r->len[k] = v->len;
		} else {
			r->v[k] = xstrndup(v->raw, v->rawlen);
			r->len[k] = v->rawlen;
		}
	}
	json_value_release(&o);
	return 0;
}

/* Read one RFC 4180 record starting at *pos; cells go to cells/ncells. */
static int csv_record(const char *buf, size_t len, size_t *pos,
		      struct sb *cells, size_t max, size_t *ncells,
		      unsigned *line)
{
	size_t i = *pos, c = 0;
	sb_reset(&cells[0]);
	for (;;) {
		if (i < len && buf[i] == '"') {
			i++;
			for (;;) {
				if (i >= len)
					return -1; /* unterminated quote */
				if (buf[i] == '"') {
					if (i + 1 < len && buf[i + 1] == '"') {
						sb_addc(&cells[c], '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (buf[i] == '\n')
					(*line)++;
				sb_addc(&cells[c], buf[i++]);
			}
		} else {
			while (i < len && buf[i] != ',' && buf[i] != '\n' &&
			       !(buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n'))
				sb_addc(&cells[c], buf[i++]);
		}
		if (i < len && buf[i] == ',') {
			i++;
			if (++c >= max)
				return -2;
			sb_reset(&cells[c]);
			continue;
		}
		if (i < len && buf[i] == '\r')
			i++;
		if (i < len && buf[i] == '\n')
			i++;
		else if (i < len)
			return -1; /* text after a closing quote */
		(*line)++;
		break;
	}
	*pos = i;
	*ncells = c + 1;
	return 0;
}

static int parse_records(const char *buf, size_t len, struct irec **out,
			 size_t *n, struct sb *err)
{
	struct irec *v = NULL;
	size_t nr = 0, alloc = 0, i = 0;
	unsigned line = 1;

	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
			   buf[i] == '\n'))
		i++;
	if (i < len && buf[i] == '{') {
		i = 0;
		while (i < len) {
			const char *nl = memchr(buf + i, '\n', len - i);
			size_t n1 = nl ? (size_t)(nl - (buf + i)) : len - i;
			size_t k = 0;
			while (k < n1 && (buf[i + k] == ' ' || buf[i + k] == '\t' ||
					  buf[i + k] == '\r'))
				k++;
			if (k < n1) {
				struct irec *r;
				ALLOC_GROW(v, nr + 1, alloc);
				r = &v[nr++];
				memset(r, 0, sizeof(*r));
				r->line = line;
				if (import_json_line(buf + i, n1, r, err))
					goto fail;
			}
			i += n1 + 1;
			line++;
		}
	} else {
		struct sb cells[F_COUNT + 1];
		int map[F_COUNT + 1];
		size_t ncells = 0, ncols, c;
		unsigned rec_line;
		int rc;
		for (c = 0; c <= F_COUNT; c++)
			sb_init(&cells[c]);
		i = 0;
		rc = csv_record(buf, len, &i, cells, F_COUNT + 1, &ncells, &line);
		if (rc || ncells < 2 || strcmp(cells[0].buf, "format")) {
			sb_adds(err, "line 1: not a pmdrill export (expected JSON "
				     "lines or a CSV header starting 'format,')");
			for (c = 0; c <= F_COUNT; c++)
				sb_release(&cells[c]);
			goto fail;
		}
		ncols = ncells;
		for (c = 0; c < ncols; c++)
			map[c] = field_index(cells[c].buf);
		while (i < len) {
			struct irec *r;
			rec_line = line;
			rc = csv_record(buf, len, &i, cells, F_COUNT + 1, &ncells,
					&line);
			if (rc) {
				sb_addf(err, "line %u: %s", rec_line,
					rc == -2 ? "too many fields"
						 : "bad quoting");
				break;
			}
			if (ncells == 1 && !cells[0].len)
				continue; /* blank line */
			if (ncells != ncols) {
				sb_addf(err, "line %u: %zu fields, the header has %zu",
					rec_line, ncells, ncols);
				rc = -1;
				break;
			}
			ALLOC_GROW(v, nr + 1, alloc);
			r = &v[nr++];
			memset(r, 0, sizeof(*r));
			r->line = rec_line;
			for (c = 0; c < ncells; c++) {
				if (map[c] < 0 || !cells[c].len)
					continue;
				r->len[map[c]] = cells[c].len;
				r->v[map[c]] = sb_detach(&cells[c], NULL);
			}
		}
		for (c = 0; c <= F_COUNT; c++)
			sb_release(&cells[c]);
		if (rc)
			goto fail;
	}
	*out = v;
	*n = nr;
	return 0;
fail:
	for (i = 0; i < nr; i++)
		irec_release(&v[i]);
	free(v);
	return -1;
}

/* Parse "true"/"false", a grade name, times and numbers from a record. */
static int rec_bool(const struct irec *r, int k)
{
	return r->v[k] && (!strcmp(r->v[k], "true") || !strcmp(r->v[k], "1"));
}

static int rec_grade(const struct irec *r, int k)
{
	return r->v[k] ? fsrs_rating_parse(r->v[k]) : 0;
}

static int rec_time(const struct irec *r, int k, long long *out)
{
	long long t;
	if (!r->v[k])
		return -1;
	t = parse_time_arg(r->v[k]);
	if (t < 0)
		return -1;
	*out = t;
	return 0;
}

static int rec_ll(const struct irec *r, int k, long long *out)
{
	char *end;
	if (!r->v[k])
		return -1;
	errno = 0;
	*out = strtoll(r->v[k], &end, 10);
	return *end || errno ? -1 : 0;
}

static int check_record(struct irec *r, struct sb *err)
{
	long long t, x;
	const char *what = NULL;
	if (!r->v[F_FORMAT] || strcmp(r->v[F_FORMAT], "1")) {
		sb_addf(err, "line %u: unknown export format '%s' (this pmdrill "
			     "reads format %d)",
			r->line, r->v[F_FORMAT] ? r->v[F_FORMAT] : "", EXPORT_FORMAT);
		return -1;
	}
	if (!r->v[F_QUESTION] || !*r->v[F_QUESTION])
		what = "question";
	else if (rec_time(r, F_STARTED, &t))
		what = "started_at";
	else if (!r->v[F_ANSWER])
		what = "answer";
	else if (r->v[F_ID] && rec_ll(r, F_ID, &x))
		what = "id";
	else if (r->v[F_PARENT] && rec_ll(r, F_PARENT, &x))
		what = "parent";
	else if (r->v[F_AUTO] && !rec_grade(r, F_AUTO))
		what = "auto_grade";
	else if (r->v[F_FINAL] && rec_grade(r, F_FINAL) <= 0)
		what = "final_grade";
	else if (rec_bool(r, F_SCHEDULED) &&
		 (rec_time(r, F_REVIEWED, &t) || rec_grade(r, F_FINAL) <= 0))
		what = "reviewed_at";
	if (what) {
		sb_addf(err, "line %u: missing or bad '%s'", r->line, what);
		return -1;
	}
	if (!r->v[F_HASH]) {
		char h[17];
		st_hex64(h, fnv1a64(r->v[F_ANSWER], r->len[F_ANSWER]));
		r->v[F_HASH] = xstrdup(h);
	}
	return 0;
}

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

static int import_criteria(struct store *st, long long id, const struct irec *r,
			   struct sb *err, int *bad)
{
	sqlite3_stmt *s = NULL;
	struct json_value a;
	const char *msg;
	size_t i;
	int rc = SQLITE_OK;
	if (!r->v[F_CRITERIA])
		return SQLITE_OK;
	if (json_parse(r->v[F_CRITERIA], r->len[F_CRITERIA], &a, &msg)) {
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
	rc = st_prep(st, &s,
		     "INSERT INTO criteria (attempt_id, pos, name, label, kind,"
		     " weight, earned, scaled, active, met, limited, detail,"
		     " feedback, evidence)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (i = 0; !rc && i < a.n; i++) {
		const struct json_value *c = &a.kids[i];
		const struct json_value *name = json_get(c, "name"), *kind = json_get(c, "kind");
		const struct json_value *ev = json_get(c, "evidence");
		static const char *const nums[] = {"weight", "earned", "scaled"};
		static const char *const flags[] = {"active", "met", "limited"};
		static const char *const texts[] = {"label", "detail", "feedback"};
		int k;
		if (!name || name->type != JSON_STR || !kind || kind->type != JSON_STR) {
			sb_addf(err, "line %u: criterion %zu has no name or kind",
				r->line, i + 1);
			*bad = 1;
			rc = SQLITE_ERROR;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		sqlite3_bind_text(s, 3, name->str, (int)name->len, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, kind->str, (int)kind->len, SQLITE_STATIC);
		for (k = 0; k < 3; k++) {
			const struct json_value *x = json_get(c, nums[k]);
			sqlite3_bind_double(s, 6 + k, x && x->type == JSON_NUM ? x->num : 0);
			x = json_get(c, flags[k]);
			sqlite3_bind_int(s, 9 + k, x && x->type == JSON_BOOL && x->num);
		}
		for (k = 0; k < 3; k++) {
			const struct json_value *x = json_get(c, texts[k]);
			int col = k == 0 ? 4 : 11 + k;
			if (x && x->type == JSON_STR)
				sqlite3_bind_text(s, col, x->str, (int)x->len,
						  SQLITE_STATIC);
			else
				sqlite3_bind_null(s, col);
		}
		if (ev && ev->type == JSON_ARR)
			sqlite3_bind_text(s, 14, ev->raw, (int)ev->rawlen,
					  SQLITE_STATIC);
		else
			sqlite3_bind_text(s, 14, "[]", -1, SQLITE_STATIC);
		rc = st_step_done(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	json_value_release(&a);
	return rc;
}

static int import_changes(struct store *st, long long id, const struct irec *r,
			  struct sb *err, int *bad)
{
	sqlite3_stmt *s = NULL;
	struct json_value a;
	const char *msg;
	size_t i;
	int rc;
	if (!r->v[F_CHANGES])
		return SQLITE_OK;
	if (json_parse(r->v[F_CHANGES], r->len[F_CHANGES], &a, &msg) ||
	    a.type != JSON_ARR) {
		sb_addf(err, "line %u: bad 'grade_changes'", r->line);
		json_value_release(&a);
		*bad = 1;
		return SQLITE_ERROR;
	}
	rc = st_prep(st, &s,
		     "INSERT INTO grade_changes (attempt_id, old_grade, new_grade,"
		     " changed_at) VALUES (?, ?, ?, ?)");
	for (i = 0; !rc && i < a.n; i++) {
		const struct json_value *from = json_get(&a.kids[i], "from");
		const struct json_value *to = json_get(&a.kids[i], "to");
		const struct json_value *at = json_get(&a.kids[i], "at");
		int g1 = from && from->type == JSON_STR ? fsrs_rating_parse(from->str) : -1;
		int g2 = to && to->type == JSON_STR ? fsrs_rating_parse(to->str) : -1;
		long long t = at && at->type == JSON_STR ? parse_time_arg(at->str) : -1;
		if (g1 < 1 || g2 < 1 || t < 0) {
			sb_addf(err, "line %u: bad grade change %zu", r->line, i + 1);
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
	sqlite3_finalize(s);
	json_value_release(&a);
	return rc;
}

/* Attempts already in the database with this key. */
static int count_key(struct store *st, const struct irec *r, long long *n)
{
	sqlite3_stmt *s = NULL;
	long long t = 0;
	int rc = st_prep(st, &s,
			 "SELECT count(*) FROM attempts WHERE question_id = ?"
			 " AND started_at = ? AND answer_hash = ?");
	if (rc)
		return rc;
	rec_time(r, F_STARTED, &t);
	bind_rec_text(s, 1, r, F_QUESTION);
	sqlite3_bind_int64(s, 2, t);
	bind_rec_text(s, 3, r, F_HASH);
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* An existing attempt with the record's key (the latest), for parents. */
static long long find_key(struct store *st, const struct irec *r)
{
	sqlite3_stmt *s = NULL;
	long long t = 0, id = 0;
	if (st_prep(st, &s,
		    "SELECT max(id) FROM attempts WHERE question_id = ?"
		    " AND started_at = ? AND answer_hash = ?"))
		return 0;
	rec_time(r, F_STARTED, &t);
	bind_rec_text(s, 1, r, F_QUESTION);
	sqlite3_bind_int64(s, 2, t);
	bind_rec_text(s, 3, r, F_HASH);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = st_col_ll(s, 0, 0);
	sqlite3_finalize(s);
	return id;
}

static int same_key(const struct irec *a, const struct irec *b)
{
	return !strcmp(a->v[F_QUESTION], b->v[F_QUESTION]) &&
	       !strcmp(a->v[F_STARTED], b->v[F_STARTED]) &&
	       !strcmp(a->v[F_HASH], b->v[F_HASH]);
}

int store_import(struct store *st, const char *buf, size_t len,
		 const struct fsrs_params *p, size_t *added, size_t *skipped,
		 struct sb *err)
{
	struct irec *recs = NULL;
	size_t n = 0, i, j;
	sqlite3_stmt *ins = NULL;
	char **touched = NULL;
	size_t ntouched = 0, atouched = 0;
	int rc = SQLITE_OK, bad = 0, status;

	*added = *skipped = 0;
	if (parse_records(buf, len, &recs, &n, err))
		return STORE_EINVAL;
	for (i = 0; i < n; i++)
		if (check_record(&recs[i], err)) {
			status = STORE_EINVAL;
			goto out;
		}
	if ((rc = st_begin(st)))
		goto fail;
	/*
	 * Idempotence: the k-th record with a given key is skipped when the
	 * database already held at least k attempts with that key, so an
	 * export imported twice adds nothing, and genuine repeats (two
	 * identical answers in the same second) survive a round trip.
	 */
	for (i = 0; i < n; i++) {
		long long have = 0, seen = 0;
		if ((rc = count_key(st, &recs[i], &have)))
			goto fail;
		for (j = 0; j < i; j++)
			if (same_key(&recs[i], &recs[j]))
				seen++;
		recs[i].skip = seen < have;
	}
	if ((rc = st_prep(st, &ins,
			  "INSERT INTO attempts (question_id, prompt, started_at,"
			  " duration_ms, answer, answer_hash, follow_up, parent_id,"
			  " saved_at, score, words, sentences, limit_s, wpm,"
			  " prose_share, density, guard, length_factor, notes, rubric,"
			  " rubric_version, auto_grade, final_grade, scheduled,"
			  " reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
			  " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
			  " ?21, ?22, ?23, ?24, ?25)")))
		goto fail;
	for (i = 0; i < n; i++) {
		struct irec *r = &recs[i];
		long long started = 0, reviewed = 0, parent = 0;
		if (r->skip) {
			r->new_id = find_key(st, r);
			(*skipped)++;
			continue;
		}
		rec_time(r, F_STARTED, &started);
		if ((rc = st_ensure_question(st, r->v[F_QUESTION], r->v[F_CATEGORY],
					     r->v[F_FOLLOW_UP] &&
							     strcmp(r->v[F_FOLLOW_UP], "-1")
						     ? NULL
						     : r->v[F_PROMPT],
					     started)))
			goto fail;
		if (r->v[F_CATEGORY]) {
			sqlite3_stmt *c = NULL;
			if ((rc = st_prep(st, &c,
					  "UPDATE questions SET category = ? WHERE id = ?"
					  " AND category IS NULL")))
				goto fail;
			bind_rec_text(c, 1, r, F_CATEGORY);
			bind_rec_text(c, 2, r, F_QUESTION);
			rc = st_step_done(c);
			sqlite3_finalize(c);
			if (rc)
				goto fail;
		}
		if (r->v[F_PARENT]) {
			long long src = strtoll(r->v[F_PARENT], NULL, 10);
			for (j = 0; j < i; j++)
				if (recs[j].v[F_ID] &&
				    strtoll(recs[j].v[F_ID], NULL, 10) == src) {
					parent = recs[j].new_id;
					break;
				}
		}
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
		if ((rc = st_step_done(ins)))
			goto fail;
		sqlite3_reset(ins);
		r->new_id = sqlite3_last_insert_rowid(st->db);
		if ((rc = import_criteria(st, r->new_id, r, err, &bad)) ||
		    (rc = import_changes(st, r->new_id, r, err, &bad)))
			goto fail;
		(*added)++;
		if (rec_bool(r, F_SCHEDULED)) {
			for (j = 0; j < ntouched; j++)
				if (!strcmp(touched[j], r->v[F_QUESTION]))
					break;
			if (j == ntouched) {
				ALLOC_GROW(touched, ntouched + 1, atouched);
				touched[ntouched++] = r->v[F_QUESTION];
			}
		}
	}
	for (j = 0; j < ntouched; j++)
		if ((rc = st_replay(st, touched[j], p, 0, NULL, &bad))) {
			if (bad)
				sb_addf(err, "a review of question '%s' is out of "
					     "range",
					touched[j]);
			goto fail;
		}
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
	st_rollback(st);
	*added = *skipped = 0;
out:
	sqlite3_finalize(ins);
	for (i = 0; i < n; i++)
		irec_release(&recs[i]);
	free(recs);
	free(touched);
	return status;
}
