/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the store-*.c files share (store-int.h): the clock, SQLite errors
 * as messages, statement helpers, the attempt row reader, the export's
 * field list and replaying a card.
 */
#include "store-int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "fsrs.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "xalloc.h"

/* ---- clock ---- */

long long st_now(const struct store *st)
{
	return st->now_set ? st->now : (long long)time(NULL);
}

/* ---- errors ---- */

int st_fail(struct store *st, int rc, struct sb *err, const char *doing,
	    const char *kept)
{
	const char *msg =
		st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *path = st ? st->path : "?";
	int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;
	int status = STORE_EIO;
	const char *given = kept;
	if (!kept)
		kept = "nothing was changed";
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		/* Any SQLite client may hold the lock, not only pmdrill. */
		sb_addf(err,
			"database is locked by another process; try again "
			"when it is done (%s while %s; %s)",
			msg, doing, kept);
		status = STORE_EBUSY;
		break;
	case SQLITE_IOERR:
		/* A file-size limit (EFBIG) or a full disk seen as a failed
		 * write: for the user both mean "no room". */
		if (!sys) {
			/* SQLite reports a short write (the usual sign of a
			 * full disk or a file-size limit) without an errno. */
			sb_addf(err,
				"disk full or I/O error: %s failed (%s); %s",
				doing, msg, kept);
			break;
		}
		if (sys != ENOSPC && sys != EFBIG && sys != EDQUOT) {
			sb_addf(err, "I/O error: %s failed (%s: %s); %s", doing,
				msg, strerror(sys), kept);
			break;
		}
		/* fall through */
	case SQLITE_FULL:
		sb_addf(err, "disk full: %s failed (%s%s%s); %s", doing, msg,
			sys ? ": " : "", sys ? strerror(sys) : "", kept);
		break;
	case SQLITE_READONLY:
		sb_addf(err, "database '%s' is read-only: %s failed (%s); %s",
			path, doing, msg, kept);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		/*
		 * Damage found by a write may come after an earlier commit
		 * (a drill saves the answer before scoring it): say what the
		 * caller kept rather than claim the file is untouched.
		 */
		sb_addf(err, "'%s' is not a usable pmdrill database (%s); %s",
			path, msg,
			given ? given : "the file was left untouched");
		break;
	case SQLITE_CANTOPEN:
		sb_addf(err, "cannot open database '%s': %s", path, msg);
		if (st && st->db && sqlite3_system_errno(st->db))
			sb_addf(err, " (%s)",
				strerror(sqlite3_system_errno(st->db)));
		break;
	default:
		sb_addf(err, "database error: %s failed (%s); %s", doing, msg,
			kept);
	}
	return status;
}

/* ---- small statement helpers ---- */

int st_prep(struct store *st, sqlite3_stmt **s, const char *sql)
{
	return sqlite3_prepare_v2(st->db, sql, -1, s, NULL);
}

char *st_col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	if (!t)
		return NULL;
	return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i));
}

double st_col_dbl(sqlite3_stmt *s, int i, double dflt)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL
		       ? dflt
		       : sqlite3_column_double(s, i);
}

long long st_col_ll(sqlite3_stmt *s, int i, long long dflt)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL
		       ? dflt
		       : sqlite3_column_int64(s, i);
}

void st_bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/*
 * Statement *s for sql: the one kept in *keep (reset, bindings cleared)
 * when there is one, else prepared (and kept there when keep is not
 * NULL).  done_stmt() then finalizes it only when nobody keeps it.
 */
static int reuse_prep(struct store *st, sqlite3_stmt **keep, sqlite3_stmt **s,
		      const char *sql)
{
	int rc;
	if (keep && *keep) {
		*s = *keep;
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return SQLITE_OK;
	}
	rc = st_prep(st, s, sql);
	if (!rc && keep)
		*keep = *s;
	return rc;
}

static void done_stmt(struct st_reuse *k, sqlite3_stmt *s)
{
	if (k)
		sqlite3_reset(s);
	else
		sqlite3_finalize(s);
}

static void bind_list(sqlite3_stmt *s, const char *types, va_list ap)
{
	int i;
	for (i = 0; types[i]; i++) {
		switch (types[i]) {
		case 't':
			st_bind_text(s, i + 1, va_arg(ap, const char *));
			break;
		case 'i':
			sqlite3_bind_int(s, i + 1, va_arg(ap, int));
			break;
		case 'l':
			sqlite3_bind_int64(s, i + 1, va_arg(ap, long long));
			break;
		case 'd':
			sqlite3_bind_double(s, i + 1, va_arg(ap, double));
			break;
		}
	}
}

void st_bind(sqlite3_stmt *s, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	bind_list(s, types, ap);
	va_end(ap);
}

int st_run_kept(struct store *st, sqlite3_stmt **keep, const char *sql,
		const char *types, ...)
{
	sqlite3_stmt *s = NULL;
	va_list ap;
	int rc = reuse_prep(st, keep, &s, sql);
	if (rc == SQLITE_OK) {
		va_start(ap, types);
		bind_list(s, types, ap);
		va_end(ap);
		rc = st_step_done(s);
	}
	if (!keep)
		sqlite3_finalize(s);
	else if (s)
		sqlite3_reset(s);
	return rc;
}

int st_exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

int st_begin(struct store *st)
{
	return st_exec(st, "BEGIN IMMEDIATE");
}

void st_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int st_step_done(sqlite3_stmt *s)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int st_get_row(struct store *st, sqlite3_stmt **s, const char *sql,
	       long long id, const char *what, const char *doing,
	       struct sb *err)
{
	int rc;
	*s = NULL;
	if ((rc = st_prep(st, s, sql)))
		goto fail;
	sqlite3_bind_int64(*s, 1, id);
	rc = sqlite3_step(*s);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(*s);
		*s = NULL;
		sb_addf(err, "no %s %lld", what, id);
		return STORE_ENOENT;
	}
fail:
	rc = st_fail(st, rc, err, doing, NULL);
	sqlite3_finalize(*s);
	*s = NULL;
	return rc;
}

int st_query_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s = NULL;
	int rc = st_prep(st, &s, sql);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

void st_hex64(char out[17], uint64_t v)
{
	snprintf(out, 17, "%016llx", (unsigned long long)v);
}

uint64_t st_parse_hex64(const char *s)
{
	return s ? (uint64_t)strtoull(s, NULL, 16) : 0;
}

int st_index(const char *const *v, const char *s)
{
	int i;
	for (i = 0; v[i]; i++)
		if (!strcmp(v[i], s))
			return i;
	return -1;
}

/* ---- rows the store files share ---- */

void st_reuse_release(struct st_reuse *k)
{
	sqlite3_finalize(k->unsync);
	sqlite3_finalize(k->question);
	sqlite3_finalize(k->reviews);
	sqlite3_finalize(k->review);
	sqlite3_finalize(k->card);
	sqlite3_finalize(k->nocard);
	memset(k, 0, sizeof(*k));
}

int st_ensure_question(struct store *st, struct st_reuse *k, const char *qid,
		       const char *category, const char *prompt, long long t)
{
	/* a question the bank did not record (an import, an ad-hoc prompt):
	 * the next start records the bank again, retiring it if need be */
	int rc = st_run_kept(
		st, k ? &k->unsync : NULL,
		"DELETE FROM settings WHERE key = '" SYNCED_KEY "'"
		" AND NOT EXISTS (SELECT 1 FROM questions WHERE id = ?)",
		"t", qid);
	if (rc)
		return rc;
	return st_run_kept(
		st, k ? &k->question : NULL,
		"INSERT INTO questions (id, category, prompt, first_seen,"
		" updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO"
		" UPDATE SET first_seen = min(first_seen, excluded.first_seen)",
		"tttll", qid, category, prompt, t, t);
}

void st_read_attempt(sqlite3_stmt *s, struct store_attempt *a)
{
	memset(a, 0, sizeof(*a));
	a->id = sqlite3_column_int64(s, 0);
	a->question_id = st_col_str(s, 1);
	a->category = st_col_str(s, 2);
	a->prompt = st_col_str(s, 3);
	a->started_at = sqlite3_column_int64(s, 4);
	a->duration_ms = (long)sqlite3_column_int64(s, 5);
	a->answer_len = (size_t)sqlite3_column_bytes(s, 6);
	a->answer = xmalloc(a->answer_len + 1);
	if (a->answer_len)
		memcpy(a->answer, sqlite3_column_blob(s, 6), a->answer_len);
	a->answer[a->answer_len] = '\0';
	a->answer_hash = st_col_str(s, 7);
	a->follow_up = sqlite3_column_int(s, 8);
	a->parent = st_col_ll(s, 9, 0);
	a->scored = sqlite3_column_type(s, 10) != SQLITE_NULL;
	a->score = st_col_dbl(s, 10, -1);
	a->words = (unsigned)st_col_ll(s, 11, 0);
	a->rubric = st_col_str(s, 12);
	a->rubric_version =
		st_parse_hex64((const char *)sqlite3_column_text(s, 13));
	a->auto_grade = (int)st_col_ll(s, 14, 0);
	a->final_grade = (int)st_col_ll(s, 15, 0);
	a->scheduled = sqlite3_column_int(s, 16);
	a->reviewed_at = st_col_ll(s, 17, 0);
	a->stability = st_col_dbl(s, 18, 0);
	a->difficulty = st_col_dbl(s, 19, 0);
	a->retrievability = st_col_dbl(s, 20, -1);
	a->elapsed_days = st_col_ll(s, 21, -1);
	a->interval_days = (int)st_col_ll(s, 22, 0);
	a->due = st_col_ll(s, 23, 0);
	a->grade_changes = sqlite3_column_int(s, 24);
	a->notes = st_col_str(s, 25);
	a->sentences = (unsigned)st_col_ll(s, 26, 0);
	a->limit_s = (unsigned)st_col_ll(s, 27, 0);
	a->wpm = st_col_dbl(s, 28, 0);
	a->prose_share = st_col_dbl(s, 29, 0);
	a->density = st_col_dbl(s, 30, 0);
	a->guard = st_col_dbl(s, 31, 1);
	a->length_factor = st_col_dbl(s, 32, 1);
	a->session_id = st_col_ll(s, 33, 0);
}

/*
 * The exported fields, in order.  JSON lines and CSV columns carry the
 * same fields; nested values (criteria, notes, grade changes) are JSON
 * text in a CSV cell.
 */
const char *const st_export_fields[] = {
	"format",
	"id",
	"question",
	"category",
	"prompt",
	"started_at",
	"duration_ms",
	"answer",
	"answer_hash",
	"follow_up",
	"parent",
	"score",
	"words",
	"sentences",
	"limit_s",
	"wpm",
	"prose_share",
	"density",
	"guard",
	"length_factor",
	"rubric",
	"rubric_version",
	"auto_grade",
	"final_grade",
	"scheduled",
	"reviewed_at",
	"elapsed_days",
	"retrievability",
	"stability",
	"difficulty",
	"interval_days",
	"due",
	"notes",
	"criteria",
	"grade_changes",
	"session",
	NULL,
};

/* ---- cards ---- */

int st_replay(struct store *st, struct st_reuse *k, const char *qid,
	      const struct fsrs_params *p, long long want,
	      struct fsrs_review *want_out, int *bad)
{
	sqlite3_stmt *s = NULL, *u = NULL;
	long long *ids = NULL, *times = NULL;
	int *grades = NULL;
	size_t n = 0, alloc = 0, ta = 0, ga = 0, i;
	struct fsrs_card card;
	long long first = 0;
	int rc;

	*bad = 0;
	memset(&card, 0, sizeof(card));
	if ((rc = reuse_prep(st, k ? &k->reviews : NULL, &s,
			     "SELECT id, final_grade, reviewed_at FROM attempts"
			     " WHERE question_id = ? AND scheduled = 1"
			     " ORDER BY reviewed_at, id"))) {
		s = NULL;
		goto done;
	}
	sqlite3_bind_text(s, 1, qid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(ids, n + 1, alloc);
		ALLOC_GROW(times, n + 1, ta);
		ALLOC_GROW(grades, n + 1, ga);
		ids[n] = sqlite3_column_int64(s, 0);
		grades[n] = sqlite3_column_int(s, 1);
		times[n] = sqlite3_column_int64(s, 2);
		n++;
	}
	if (rc != SQLITE_DONE)
		goto done;
	if ((rc = reuse_prep(st, k ? &k->review : NULL, &u,
			     "UPDATE attempts SET elapsed_days = ?,"
			     " retrievability = ?, stability = ?,"
			     " difficulty = ?, interval_days = ?, due = ?"
			     " WHERE id = ?"))) {
		u = NULL;
		goto done;
	}
	for (i = 0; i < n; i++) {
		struct fsrs_review rv;
		if (fsrs_review(p, &card, grades[i], times[i], &rv)) {
			*bad = 1;
			rc = SQLITE_ERROR;
			goto done;
		}
		if (!i)
			first = times[i];
		st_bind(u, "ldddill", rv.elapsed_days, rv.retrievability,
			rv.stability, rv.difficulty, rv.interval_days, rv.due,
			ids[i]);
		if (rv.is_first) { /* no elapsed time, no retrievability */
			sqlite3_bind_null(u, 1);
			sqlite3_bind_null(u, 2);
		}
		if ((rc = st_step_done(u)))
			goto done;
		sqlite3_reset(u);
		if (ids[i] == want && want_out)
			*want_out = rv;
	}
	if (n)
		rc = st_run_kept(
			st, k ? &k->card : NULL,
			"INSERT OR REPLACE INTO cards (question_id, stability,"
			" difficulty, last_review, due, reps, lapses,"
			" first_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			"tddlliil", qid, card.stability, card.difficulty,
			card.last_review, card.due, card.reps, card.lapses,
			first);
	else
		rc = st_run_kept(st, k ? &k->nocard : NULL,
				 "DELETE FROM cards WHERE question_id = ?", "t",
				 qid);
done:
	if (s)
		done_stmt(k, s);
	if (u)
		done_stmt(k, u);
	free(ids);
	free(times);
	free(grades);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
