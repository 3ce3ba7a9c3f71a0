/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the store: open and close, settings, question sync. */
#include "store.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app.h"
#include "bank.h"
#include "json.h"
#include "qbank.h"
#include "queue.h"
#include "rubric.h"
#include "sb.h"
#include "store-int.h"
#include "store-migrate.h"
#include "xalloc.h"

#define BUSY_TIMEOUT_MS 5000

const char *const store_setting_keys[] = {
	"desired-retention",
	"new-per-day",
	"maximum-interval",
	NULL,
};
static const char *const setting_defaults[] = {"0.9", "5", "36500"};

/* ---- clock and status ---- */

void store_set_now(struct store *st, long long now)
{
	st->now = now;
	st->now_set = 1;
}

int store_exit_code(int status)
{
	switch (status) {
	case STORE_OK:
		return EX_OK;
	case STORE_ENOENT:
		return EX_NOINPUT;
	case STORE_EINVAL:
		return EX_DATAERR;
	}
	return EX_IOERR;
}

int store_is_readonly(const struct store *st)
{
	return st->readonly;
}

/* ---- open, migrate, close ---- */

static int dir_of(const char *path, struct sb *out)
{
	const char *slash = strrchr(path, '/');
	sb_reset(out);
	if (!slash)
		sb_adds(out, ".");
	else if (slash == path)
		sb_adds(out, "/");
	else
		sb_add(out, path, (size_t)(slash - path));
	return 0;
}

/* "file:" URI for a path, so ?immutable=1 can be added. */
static void file_uri(struct sb *out, const char *path)
{
	const unsigned char *p;
	sb_adds(out, "file:");
	for (p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 ||
		    *p >= 0x7f)
			sb_addf(out, "%%%02X", *p);
		else
			sb_addc(out, (char)*p);
	}
}

static int is_wal(struct store *st)
{
	sqlite3_stmt *s = NULL;
	const unsigned char *mode;
	int wal = 0;
	if (!st_prep(st, &s, "PRAGMA journal_mode") &&
	    sqlite3_step(s) == SQLITE_ROW && (mode = sqlite3_column_text(s, 0)))
		wal = !strcmp((const char *)mode, "wal");
	sqlite3_finalize(s);
	return wal;
}

/*
 * Switching to WAL needs an exclusive lock, and SQLite does not call the
 * busy handler for it: when several pmdrills create the database at
 * once, the losers get SQLITE_BUSY at once.  Retry for the busy timeout;
 * usually the winner has switched it meanwhile.
 */
static int set_wal(struct store *st)
{
	int waited = 0, rc;
	for (;;) {
		if (is_wal(st))
			return SQLITE_OK;
		rc = st_exec(st, "PRAGMA journal_mode = WAL");
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return rc;
		if (waited >= BUSY_TIMEOUT_MS)
			return rc;
		sqlite3_sleep(10);
		waited += 10;
	}
}

static int try_open(struct store *st, const char *name, int flags,
		    struct sb *err)
{
	/* One thread uses the connection: no mutex around every call. */
	int rc = sqlite3_open_v2(name, &st->db, flags | SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		int e = errno;
		if (st->db)
			sb_addf(err, "cannot open database '%s': %s", st->path,
				sqlite3_errmsg(st->db));
		else
			sb_addf(err, "cannot open database '%s': %s", st->path,
				sqlite3_errstr(rc));
		if (e && (rc & 0xff) == SQLITE_CANTOPEN)
			sb_addf(err, " (%s)", strerror(e));
		sqlite3_close(st->db);
		st->db = NULL;
		return STORE_EIO;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	return STORE_OK;
}

int store_open(struct store **out, const char *path, int mode, struct sb *err)
{
	const int create = mode == STORE_OPEN_CREATE;
	struct store *st;
	struct stat sbuf;
	struct sb dir = SB_INIT;
	long long v;
	int exists, writable, rc, status = STORE_EIO;

	*out = NULL;
	/*
	 * A file-size limit (ulimit -f) must fail the write with EFBIG, which
	 * SQLite reports and rolls back, instead of killing the process with
	 * SIGXFSZ halfway through a transaction.
	 */
	signal(SIGXFSZ, SIG_IGN);

	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	if (!strcmp(path, ":memory:")) {
		/* A scratch database (defaults, empty exports): no file. */
		if (try_open(st, path,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err))
			goto fail;
		if ((status = st_migrate(st, err)))
			goto fail;
		*out = st;
		return STORE_OK;
	}
	dir_of(path, &dir);
	exists = !stat(path, &sbuf);
	if (exists && S_ISDIR(sbuf.st_mode)) {
		sb_addf(err, "database '%s' is a folder", path);
		goto fail;
	}
	if (!exists) {
		if (errno != ENOENT) {
			sb_addf(err, "cannot open database '%s': %s", path,
				strerror(errno));
			goto fail;
		}
		if (!create) {
			sb_addf(err, "no database at '%s' yet", path);
			status = STORE_ENOENT;
			goto fail;
		}
		if (mkdir_p(dir.buf)) {
			sb_addf(err,
				"cannot create folder '%s' for the database: %s",
				dir.buf, strerror(errno));
			goto fail;
		}
	}
	writable = !exists || !access(path, W_OK);
	/* SQLite writes its -wal and -shm files beside the database. */
	if (writable && access(dir.buf, W_OK))
		writable = 0;

	if (!writable && create) {
		if (access(path, W_OK))
			sb_addf(err,
				"database '%s' is read-only (%s); nothing "
				"was saved",
				path, strerror(errno));
		else
			sb_addf(err,
				"database '%s' cannot be written: its folder "
				"'%s' is read-only and SQLite needs to create "
				"files there; nothing was saved",
				path, dir.buf);
		goto fail;
	}
	if (writable && mode != STORE_OPEN_READ) {
		if (try_open(st, path,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err))
			goto fail;
	} else {
		st->readonly = 1;
		if (try_open(st, path, SQLITE_OPEN_READONLY, err))
			goto fail;
	}

	/* The first read tells a database from garbage; nothing is written
	 * before it succeeds. */
	rc = st_query_int(st, "PRAGMA schema_version", &v);
	if (rc && !writable &&
	    ((rc & 0xff) == SQLITE_CANTOPEN ||
	     (rc & 0xff) == SQLITE_READONLY)) {
		/*
		 * A WAL database in a folder we cannot write: SQLite cannot
		 * create the -shm file.  Nobody (but root) can write there
		 * either, so reading it as immutable is safe.
		 */
		struct sb uri = SB_INIT;
		sqlite3_close(st->db);
		st->db = NULL;
		file_uri(&uri, path);
		sb_adds(&uri, "?immutable=1");
		rc = try_open(st, uri.buf,
			      SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err);
		sb_release(&uri);
		if (rc)
			goto fail;
		rc = st_query_int(st, "PRAGMA schema_version", &v);
	}
	if (rc) {
		st_fail(st, rc, err, "reading the database", NULL);
		goto fail;
	}
	/* Refuse what is not ours before writing anything (even the
	 * journal-mode bytes of the header). */
	if ((status = st_check_ours(st, &v, err)))
		goto fail;
	if (mode == STORE_OPEN_READ && writable && v < STORE_SCHEMA_VERSION) {
		/*
		 * A database an older pmdrill wrote: upgrade it once, as a
		 * writing command would, rather than refuse to read it.
		 */
		sb_release(&dir);
		store_close(st);
		return store_open(out, path, STORE_OPEN_WRITE, err);
	}
	if (st->readonly) {
		st_exec(st, "PRAGMA query_only = 1");
	} else {
		/*
		 * A new file gets 16 KiB pages: an attempt's row (the answer,
		 * its notes) is one to a few KiB, and on 4 KiB pages a fifth
		 * of the table was the space two such rows leave on a page
		 * (bench-scale: 3,236 bytes an attempt; 2,787 after a VACUUM
		 * into 16 KiB pages, 2,916 as its imports build it).  The
		 * page cache is sized in KiB, so memory does not grow.  Only
		 * an empty file takes it; an existing one keeps its size.
		 */
		long long pages = -1;
		if (!st_query_int(st, "PRAGMA page_count", &pages) && !pages)
			st_exec(st, "PRAGMA page_size = 16384");
		if ((rc = set_wal(st))) {
			st_fail(st, rc, err, "switching to WAL mode", NULL);
			goto fail;
		}
		st_exec(st, "PRAGMA synchronous = FULL");
	}
	if ((rc = st_exec(st, "PRAGMA foreign_keys = ON"))) {
		st_fail(st, rc, err, "enabling foreign keys", NULL);
		goto fail;
	}
	if ((status = st_migrate(st, err)))
		goto fail;
	sb_release(&dir);
	*out = st;
	return STORE_OK;
fail:
	if (status == STORE_OK)
		status = STORE_EIO;
	sb_release(&dir);
	store_close(st);
	return status;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

/* ---- questions ---- */

static void join_tags(struct sb *out, const struct question *q)
{
	size_t i;
	sb_reset(out);
	for (i = 0; i < q->ntags; i++) {
		if (i)
			sb_adds(out, ", ");
		sb_adds(out, q->tags[i]);
	}
}

/* Is the bank with this fingerprint the one recorded last?  Any failure
 * says no: then the sync runs and reports it. */
static int synced_already(struct store *st, const char *fp)
{
	sqlite3_stmt *s = NULL;
	int same = 0;
	if (st_prep(st, &s,
		    "SELECT value = ? FROM settings WHERE key = '" SYNCED_KEY
		    "'"))
		return 0;
	sqlite3_bind_text(s, 1, fp, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		same = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return same;
}

int store_sync_questions(struct store *st, const struct bank *b, long long now,
			 struct sb *err)
{
	sqlite3_stmt *up = NULL, *mark = NULL;
	struct sb tags = SB_INIT;
	char fp[17] = "";
	size_t i;
	int rc;

	if (st->readonly)
		return STORE_OK; /* nothing to record; reading still works */
	if (b->fingerprint)
		snprintf(fp, sizeof(fp), "%016llx", b->fingerprint);
	if (b->fingerprint && synced_already(st, fp))
		return STORE_OK; /* this very bank is recorded: nothing to read */
	if ((rc = st_begin(st)))
		goto fail;
	if ((rc = st_exec(st,
			  "CREATE TEMP TABLE IF NOT EXISTS bank_ids "
			  "(id TEXT PRIMARY KEY); DELETE FROM temp.bank_ids")))
		goto fail;
	if ((rc = st_prep(
		     st, &up,
		     "INSERT INTO questions (id, category, prompt, level, tags,"
		     " rubric, first_seen, updated_at, retired)"
		     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)"
		     " ON CONFLICT (id) DO UPDATE SET category = ?2,"
		     " prompt = ?3, level = ?4, tags = ?5, rubric = ?6,"
		     " updated_at = ?7, retired = 0"
		     " WHERE category IS NOT ?2 OR prompt IS NOT ?3"
		     " OR level IS NOT ?4 OR tags IS NOT ?5 OR rubric IS NOT ?6"
		     " OR retired != 0")) ||
	    (rc = st_prep(st, &mark,
			  "INSERT OR IGNORE INTO temp.bank_ids VALUES (?)")))
		goto fail;
	for (i = 0; i < b->q.nr; i++) {
		const struct question *q = &b->q.v[i];
		const char *lvl = qlevel_name(q->level);
		join_tags(&tags, q);
		sqlite3_bind_text(up, 1, q->id, -1, SQLITE_STATIC);
		st_bind_text(up, 2, q->category);
		st_bind_text(up, 3, q->prompt);
		st_bind_text(up, 4, lvl && *lvl ? lvl : NULL);
		st_bind_text(up, 5, tags.len ? tags.buf : NULL);
		st_bind_text(up, 6, question_rubric(q));
		sqlite3_bind_int64(up, 7, now);
		if ((rc = st_step_done(up)))
			goto fail;
		sqlite3_reset(up);
		sqlite3_bind_text(mark, 1, q->id, -1, SQLITE_STATIC);
		if ((rc = st_step_done(mark)))
			goto fail;
		sqlite3_reset(mark);
	}
	if ((rc = st_exec(st,
			  "UPDATE questions SET retired = 1 WHERE retired = 0"
			  " AND id NOT IN (SELECT id FROM temp.bank_ids)")))
		goto fail;
	sqlite3_finalize(up);
	up = NULL;
	/* which bank this is, in the same transaction: a later start with
	 * the same cached bank skips all of this (not a user setting: config
	 * neither shows nor takes it) */
	if (b->fingerprint &&
	    (rc = st_run(st,
			 "INSERT OR REPLACE INTO settings (key, value,"
			 " updated_at) VALUES ('" SYNCED_KEY "', ?, ?)",
			 "tl", fp, now)))
		goto fail;
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	sqlite3_finalize(up);
	sqlite3_finalize(mark);
	sb_release(&tags);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "recording the question bank",
		     "your attempts are kept");
	sqlite3_finalize(up);
	sqlite3_finalize(mark);
	st_rollback(st);
	sb_release(&tags);
	return rc;
}

/* ---- settings ---- */

static int setting_index(const char *key)
{
	return st_index(store_setting_keys, key);
}

static int parse_int_range(const char *v, long lo, long hi, long *out)
{
	char *end;
	long x;
	errno = 0;
	x = strtol(v, &end, 10);
	if (!*v || *end || errno || x < lo || x > hi)
		return -1;
	*out = x;
	return 0;
}

/* Validate and write the canonical form of a value into canon. */
static int canon_setting(int idx, const char *value, struct sb *canon,
			 struct sb *err)
{
	long l;
	double d;
	char *end;
	switch (idx) {
	case 0:
		errno = 0;
		d = strtod(value, &end);
		if (!*value || *end || errno || !(d >= 0.7 && d <= 0.99)) {
			sb_addf(err,
				"desired-retention must be a number from 0.7 "
				"to 0.99, not '%s'",
				value);
			return STORE_EINVAL;
		}
		sb_addf(canon, "%.4g", d);
		return STORE_OK;
	case 1:
		if (parse_int_range(value, 0, 1000, &l)) {
			sb_addf(err,
				"new-per-day must be a whole number from 0 "
				"to 1000, not '%s'",
				value);
			return STORE_EINVAL;
		}
		sb_addf(canon, "%ld", l);
		return STORE_OK;
	case 2:
		if (parse_int_range(value, 1, FSRS_DEFAULT_MAX_INTERVAL, &l)) {
			sb_addf(err,
				"maximum-interval must be a whole number of "
				"days from 1 to %d, not '%s'",
				FSRS_DEFAULT_MAX_INTERVAL, value);
			return STORE_EINVAL;
		}
		sb_addf(canon, "%ld", l);
		return STORE_OK;
	}
	return STORE_EINVAL;
}

static void unknown_key(struct sb *err, const char *key)
{
	int i;
	sb_addf(err, "unknown setting '%s' (known: ", key);
	for (i = 0; store_setting_keys[i]; i++)
		sb_addf(err, "%s%s", i ? ", " : "", store_setting_keys[i]);
	sb_addc(err, ')');
}

int store_check_setting(const char *key, const char *value, struct sb *err)
{
	struct sb canon = SB_INIT;
	int idx = setting_index(key), rc;
	if (idx < 0) {
		unknown_key(err, key);
		return STORE_EINVAL;
	}
	rc = canon_setting(idx, value, &canon, err);
	sb_release(&canon);
	return rc;
}

int store_get_setting(struct store *st, const char *key, struct sb *value,
		      struct sb *err)
{
	sqlite3_stmt *s = NULL;
	int idx = setting_index(key), rc;
	sb_reset(value);
	if (idx < 0) {
		unknown_key(err, key);
		return STORE_EINVAL;
	}
	if ((rc = st_prep(st, &s, "SELECT value FROM settings WHERE key = ?")))
		goto fail;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		sb_add(value, sqlite3_column_text(s, 0),
		       (size_t)sqlite3_column_bytes(s, 0));
	} else if (rc == SQLITE_DONE) {
		sb_adds(value, setting_defaults[idx]);
	} else {
		goto fail;
	}
	sqlite3_finalize(s);
	/* A value edited by hand into nonsense falls back to the default. */
	{
		struct sb ignored = SB_INIT;
		if (store_check_setting(key, value->buf, &ignored) !=
		    STORE_OK) {
			sb_reset(value);
			sb_adds(value, setting_defaults[idx]);
		}
		sb_release(&ignored);
	}
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the settings", NULL);
	sqlite3_finalize(s);
	return rc;
}

int store_set_setting(struct store *st, const char *key, const char *value,
		      struct sb *err)
{
	struct sb canon = SB_INIT;
	int idx = setting_index(key), rc;
	if (idx < 0) {
		unknown_key(err, key);
		return STORE_EINVAL;
	}
	if ((rc = canon_setting(idx, value, &canon, err))) {
		sb_release(&canon);
		return rc;
	}
	if ((rc = st_run(st,
			 "INSERT OR REPLACE INTO settings (key, value,"
			 " updated_at) VALUES (?, ?, ?)",
			 "ttl", key, canon.buf, st_now(st))))
		rc = st_fail(st, rc, err, "saving the setting",
			     "the setting was not changed");
	sb_release(&canon);
	return rc;
}

int store_params(struct store *st, struct fsrs_params *p, int *new_per_day,
		 struct sb *err)
{
	struct sb v = SB_INIT;
	struct fsrs_params tmp;
	int rc;
	fsrs_params_default(&tmp);
	if ((rc = store_get_setting(st, "desired-retention", &v, err)))
		goto done;
	tmp.desired_retention = strtod(v.buf, NULL);
	if ((rc = store_get_setting(st, "maximum-interval", &v, err)))
		goto done;
	tmp.maximum_interval = atoi(v.buf);
	if ((rc = store_get_setting(st, "new-per-day", &v, err)))
		goto done;
	if (new_per_day)
		*new_per_day = atoi(v.buf);
	if (p)
		*p = tmp;
done:
	sb_release(&v);
	return rc;
}
