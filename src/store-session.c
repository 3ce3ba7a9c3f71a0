/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sessions in the store: a mock interview's row and the link of its attempts. */
#include "store-session.h"

#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "store.h"
#include "store-int.h"
#include "xalloc.h"

#define SESSION_COLS                                                   \
	"s.id, s.kind, s.started_at, s.ended_at, s.settings,"          \
	" (SELECT count(*) FROM attempts a WHERE a.session_id = s.id)" \
	" FROM sessions s"

int store_begin_session(struct store *st, const char *kind,
			long long started_at, const char *settings,
			long long *id, struct sb *err)
{
	int rc;

	*id = 0;
	if ((rc = st_begin(st)) ||
	    (rc = st_run(st,
			 "INSERT INTO sessions (kind, started_at, settings)"
			 " VALUES (?, ?, ?)",
			 "tlt", kind, started_at, settings ? settings : "{}")))
		goto fail;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	st->session = *id;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "starting the session", NULL);
	st_rollback(st);
	*id = 0;
	return rc;
}

int store_end_session(struct store *st, long long id, long long ended_at,
		      struct sb *err)
{
	int rc;

	if (st->session == id)
		st->session = 0;
	if ((rc = st_run(st, "UPDATE sessions SET ended_at = ? WHERE id = ?",
			 "ll", ended_at, id)))
		return st_fail(
			st, rc, err, "ending the session",
			"its answers are kept; only its end time is missing");
	return STORE_OK;
}

static void read_session(sqlite3_stmt *s, struct store_session *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(s, 0);
	o->kind = st_col_str(s, 1);
	o->started_at = sqlite3_column_int64(s, 2);
	o->ended_at = st_col_ll(s, 3, 0);
	o->settings = st_col_str(s, 4);
	o->answers = sqlite3_column_int(s, 5);
}

int store_list_sessions(struct store *st, const char *kind,
			struct store_session **out, size_t *n, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct store_session *v = NULL;
	size_t nr = 0, alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = st_prep(st, &s,
			  kind ? "SELECT " SESSION_COLS
				 " WHERE s.kind = ? ORDER BY s.id"
			       : "SELECT " SESSION_COLS " ORDER BY s.id")))
		goto fail;
	if (kind)
		sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, nr + 1, alloc);
		read_session(s, &v[nr++]);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(s);
	*out = v;
	*n = nr;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the sessions", NULL);
	sqlite3_finalize(s);
	store_sessions_free(v, nr);
	return rc;
}

int store_get_session(struct store *st, long long id, struct store_session *out,
		      struct sb *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = st_get_row(st, &s, "SELECT " SESSION_COLS " WHERE s.id = ?",
			     id, "session", "reading a session", err)))
		return rc;
	read_session(s, out);
	sqlite3_finalize(s);
	return STORE_OK;
}

void store_session_release(struct store_session *s)
{
	free(s->kind);
	free(s->settings);
	memset(s, 0, sizeof(*s));
}

void store_sessions_free(struct store_session *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		store_session_release(&v[i]);
	free(v);
}
