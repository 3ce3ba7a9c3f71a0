/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite store: schema and migrations, attempts, grades, cards, export. */
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
#include "xalloc.h"

/* 'pmdr': marks a database as ours, so a stranger's SQLite file with
 * tables in it is refused rather than filled with our schema. */
#define STORE_APP_ID 0x706d6472
#define BUSY_TIMEOUT_MS 5000

/*
 * Forward migrations: migrations[i] takes user_version i to i + 1.  Each
 * runs in one transaction with the version bump.  Never edit a released
 * step; add a new one and bump STORE_SCHEMA_VERSION.
 */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
	/* 0 -> 1 */
	"CREATE TABLE questions (\n"
	"  id TEXT PRIMARY KEY,\n"
	"  category TEXT,\n"
	"  prompt TEXT,\n"
	"  level TEXT,\n"
	"  tags TEXT,\n"
	"  rubric TEXT,\n"
	"  first_seen INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL,\n"
	"  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))\n"
	") STRICT;\n"
	"CREATE TABLE attempts (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  question_id TEXT NOT NULL REFERENCES questions(id),\n"
	"  prompt TEXT,\n"
	"  started_at INTEGER NOT NULL,\n"
	"  duration_ms INTEGER NOT NULL DEFAULT -1,\n"
	"  answer TEXT NOT NULL,\n"
	"  answer_hash TEXT NOT NULL,\n"
	"  follow_up INTEGER NOT NULL DEFAULT -1,\n"
	"  parent_id INTEGER REFERENCES attempts(id),\n"
	"  saved_at INTEGER NOT NULL,\n"
	"  score REAL,\n"
	"  words INTEGER,\n"
	"  sentences INTEGER,\n"
	"  limit_s INTEGER,\n"
	"  wpm REAL,\n"
	"  prose_share REAL,\n"
	"  density REAL,\n"
	"  guard REAL,\n"
	"  length_factor REAL,\n"
	"  notes TEXT,\n"
	"  rubric TEXT,\n"
	"  rubric_version TEXT,\n"
	"  auto_grade INTEGER CHECK (auto_grade BETWEEN 1 AND 4),\n"
	"  final_grade INTEGER CHECK (final_grade BETWEEN 1 AND 4),\n"
	"  scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0, 1)),\n"
	"  reviewed_at INTEGER,\n"
	"  elapsed_days INTEGER,\n"
	"  retrievability REAL,\n"
	"  stability REAL,\n"
	"  difficulty REAL,\n"
	"  interval_days INTEGER,\n"
	"  due INTEGER\n"
	") STRICT;\n"
	"CREATE INDEX attempts_by_question ON attempts(question_id, started_at);\n"
	"CREATE INDEX attempts_by_start ON attempts(started_at);\n"
	"CREATE INDEX attempts_by_parent ON attempts(parent_id);\n"
	"CREATE TABLE criteria (\n"
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	"  pos INTEGER NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  label TEXT,\n"
	"  kind TEXT NOT NULL,\n"
	"  weight REAL NOT NULL,\n"
	"  earned REAL NOT NULL,\n"
	"  scaled REAL NOT NULL,\n"
	"  active INTEGER NOT NULL,\n"
	"  met INTEGER NOT NULL,\n"
	"  limited INTEGER NOT NULL,\n"
	"  detail TEXT,\n"
	"  feedback TEXT,\n"
	"  evidence TEXT NOT NULL DEFAULT '[]',\n"
	"  PRIMARY KEY (attempt_id, pos)\n"
	") STRICT;\n"
	"CREATE TABLE grade_changes (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	"  old_grade INTEGER NOT NULL CHECK (old_grade BETWEEN 1 AND 4),\n"
	"  new_grade INTEGER NOT NULL CHECK (new_grade BETWEEN 1 AND 4),\n"
	"  changed_at INTEGER NOT NULL\n"
	") STRICT;\n"
	"CREATE INDEX grade_changes_by_attempt ON grade_changes(attempt_id);\n"
	"CREATE TABLE cards (\n"
	"  question_id TEXT PRIMARY KEY REFERENCES questions(id),\n"
	"  stability REAL NOT NULL,\n"
	"  difficulty REAL NOT NULL,\n"
	"  last_review INTEGER NOT NULL,\n"
	"  due INTEGER NOT NULL,\n"
	"  reps INTEGER NOT NULL,\n"
	"  lapses INTEGER NOT NULL,\n"
	"  first_review INTEGER NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE settings (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	") STRICT;\n"
	"CREATE VIRTUAL TABLE answers_fts USING fts5(answer, content='attempts',\n"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER attempts_fts_insert AFTER INSERT ON attempts BEGIN\n"
	"  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);\n"
	"END;\n"
	"CREATE TRIGGER attempts_fts_delete AFTER DELETE ON attempts BEGIN\n"
	"  INSERT INTO answers_fts(answers_fts, rowid, answer)\n"
	"    VALUES ('delete', old.id, old.answer);\n"
	"END;\n"
	"CREATE TRIGGER attempts_fts_update AFTER UPDATE OF answer ON attempts BEGIN\n"
	"  INSERT INTO answers_fts(answers_fts, rowid, answer)\n"
	"    VALUES ('delete', old.id, old.answer);\n"
	"  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);\n"
	"END;\n",
};

const char *const store_setting_keys[] = {
	"desired-retention",
	"new-per-day",
	"maximum-interval",
	NULL,
};
static const char *const setting_defaults[] = {"0.9", "5", "36500"};

/* ---- clock and status ---- */

long long st_now(const struct store *st)
{
	return st->now_set ? st->now : (long long)time(NULL);
}

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

/* ---- errors ---- */

int st_fail(struct store *st, int rc, struct sb *err, const char *doing,
	    const char *kept)
{
	const char *msg = st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *path = st ? st->path : "?";
	int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;
	int status = STORE_EIO;
	if (!kept)
		kept = "nothing was changed";
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		sb_addf(err, "database is locked by another pmdrill; try again "
			     "(%s while %s; %s)",
			msg, doing, kept);
		status = STORE_EBUSY;
		break;
	case SQLITE_IOERR:
		/* A file-size limit (EFBIG) or a full disk seen as a failed
		 * write: for the user both mean "no room". */
		if (!sys) {
			/* SQLite reports a short write (the usual sign of a
			 * full disk or a file-size limit) without an errno. */
			sb_addf(err, "disk full or I/O error: %s failed (%s); %s",
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
		sb_addf(err, "'%s' is not a usable pmdrill database (%s); "
			     "the file was left untouched",
			path, msg);
		break;
	case SQLITE_CANTOPEN:
		sb_addf(err, "cannot open database '%s': %s", path, msg);
		if (st && st->db && sqlite3_system_errno(st->db))
			sb_addf(err, " (%s)", strerror(sqlite3_system_errno(st->db)));
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
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7f)
			sb_addf(out, "%%%02X", *p);
		else
			sb_addc(out, (char)*p);
	}
}

/*
 * Read the schema version and tell whether the file is ours: a database
 * newer than us, or another program's, is refused.  The three values come
 * from one statement, hence one snapshot: read separately, another
 * pmdrill's first migration could commit in between and make a new
 * database look like a stranger's.  Returns 0, or an error (SQLite's
 * rc < 0 as a store status, message in err).
 */
static int check_ours(struct store *st, long long *v, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	long long app_id = 0, ntables = 0;
	int rc = st_prep(st, &s,
			 "SELECT (SELECT user_version FROM pragma_user_version),"
			 " (SELECT application_id FROM pragma_application_id),"
			 " (SELECT count(*) FROM sqlite_master)");
	if (!rc) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(s, 0);
			app_id = sqlite3_column_int64(s, 1);
			ntables = sqlite3_column_int64(s, 2);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, "reading the database", NULL);
	if (*v > STORE_SCHEMA_VERSION) {
		sb_addf(err, "database '%s' has schema version %lld, newer than "
			     "this pmdrill understands (%d); use a newer pmdrill "
			     "(the file was left untouched)",
			st->path, *v, STORE_SCHEMA_VERSION);
		return STORE_EIO;
	}
	if (*v == 0 && ntables && app_id != STORE_APP_ID) {
		sb_addf(err, "'%s' is an SQLite database but not a pmdrill one; "
			     "the file was left untouched",
			st->path);
		return STORE_EIO;
	}
	return STORE_OK;
}

static int migrate(struct store *st, struct sb *err)
{
	long long v;
	int rc;

	if ((rc = check_ours(st, &v, err)))
		return rc;
	if (v == STORE_SCHEMA_VERSION)
		return STORE_OK;
	if (st->readonly) {
		sb_addf(err, "database '%s' needs its schema upgraded from "
			     "version %lld to %d, but it is read-only",
			st->path, v, STORE_SCHEMA_VERSION);
		return STORE_EIO;
	}

	rc = st_begin(st);
	if (rc)
		return st_fail(st, rc, err, "upgrading the schema", NULL);
	/* Another pmdrill may have migrated while we waited for the lock. */
	if ((rc = check_ours(st, &v, err))) {
		st_rollback(st);
		return rc;
	}
	while (v < STORE_SCHEMA_VERSION) {
		char bump[64];
		if ((rc = st_exec(st, migrations[v])))
			goto fail;
		v++;
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %lld", v);
		if ((rc = st_exec(st, bump)))
			goto fail;
	}
	{
		char id[64];
		snprintf(id, sizeof(id), "PRAGMA application_id = %d", STORE_APP_ID);
		if ((rc = st_exec(st, id)))
			goto fail;
	}
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "upgrading the schema",
		     "the database was not changed");
	st_rollback(st);
	return rc;
}

static int is_wal(struct store *st)
{
	sqlite3_stmt *s = NULL;
	const unsigned char *mode;
	int wal = 0;
	if (!st_prep(st, &s, "PRAGMA journal_mode") && sqlite3_step(s) == SQLITE_ROW &&
	    (mode = sqlite3_column_text(s, 0)))
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

static int try_open(struct store *st, const char *name, int flags, struct sb *err)
{
	int rc = sqlite3_open_v2(name, &st->db, flags, NULL);
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

int store_open(struct store **out, const char *path, int create, struct sb *err)
{
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
		if (try_open(st, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			     err))
			goto fail;
		if ((status = migrate(st, err)))
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
			sb_addf(err, "cannot create folder '%s' for the database: %s",
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
			sb_addf(err, "database '%s' is read-only (%s); nothing "
				     "was saved",
				path, strerror(errno));
		else
			sb_addf(err, "database '%s' cannot be written: its folder "
				     "'%s' is read-only and SQLite needs to create "
				     "files there; nothing was saved",
				path, dir.buf);
		goto fail;
	}
	if (writable) {
		if (try_open(st, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			     err))
			goto fail;
	} else {
		st->readonly = 1;
		if (try_open(st, path, SQLITE_OPEN_READONLY, err))
			goto fail;
	}

	/* The first read tells a database from garbage; nothing is written
	 * before it succeeds. */
	rc = st_query_int(st, "PRAGMA schema_version", &v);
	if (rc && st->readonly && ((rc & 0xff) == SQLITE_CANTOPEN ||
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
		rc = try_open(st, uri.buf, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
			      err);
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
	if ((status = check_ours(st, &v, err)))
		goto fail;
	if (st->readonly) {
		st_exec(st, "PRAGMA query_only = 1");
	} else {
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
	if ((status = migrate(st, err)))
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

int store_sync_questions(struct store *st, const struct bank *b, long long now,
			 struct sb *err)
{
	sqlite3_stmt *up = NULL, *mark = NULL;
	struct sb tags = SB_INIT;
	size_t i;
	int rc;

	if (st->readonly)
		return STORE_OK; /* nothing to record; reading still works */
	if ((rc = st_begin(st)))
		goto fail;
	if ((rc = st_exec(st, "CREATE TEMP TABLE IF NOT EXISTS bank_ids "
			      "(id TEXT PRIMARY KEY); DELETE FROM temp.bank_ids")))
		goto fail;
	if ((rc = st_prep(st, &up,
			  "INSERT INTO questions (id, category, prompt, level, tags,"
			  " rubric, first_seen, updated_at, retired)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)"
			  " ON CONFLICT (id) DO UPDATE SET category = ?2,"
			  " prompt = ?3, level = ?4, tags = ?5, rubric = ?6,"
			  " updated_at = ?7, retired = 0"
			  " WHERE category IS NOT ?2 OR prompt IS NOT ?3"
			  " OR level IS NOT ?4 OR tags IS NOT ?5 OR rubric IS NOT ?6"
			  " OR retired != 0")) ||
	    (rc = st_prep(st, &mark, "INSERT OR IGNORE INTO temp.bank_ids VALUES (?)")))
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
	if ((rc = st_exec(st, "UPDATE questions SET retired = 1 WHERE retired = 0"
			      " AND id NOT IN (SELECT id FROM temp.bank_ids)")) ||
	    (rc = st_exec(st, "COMMIT")))
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

int st_ensure_question(struct store *st, const char *qid,
		       const char *category, const char *prompt, long long t)
{
	sqlite3_stmt *s = NULL;
	int rc = st_prep(st, &s,
			 "INSERT INTO questions (id, category, prompt, first_seen,"
			 " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO"
			 " UPDATE SET first_seen = min(first_seen, excluded.first_seen)");
	if (rc)
		return rc;
	sqlite3_bind_text(s, 1, qid, -1, SQLITE_STATIC);
	st_bind_text(s, 2, category);
	st_bind_text(s, 3, prompt);
	sqlite3_bind_int64(s, 4, t);
	sqlite3_bind_int64(s, 5, t);
	rc = st_step_done(s);
	sqlite3_finalize(s);
	return rc;
}

/* ---- attempts ---- */

static long long last_attempt_id(struct store *st)
{
	long long id = 0;
	if (st_query_int(st, "SELECT coalesce(max(id), 0) FROM attempts", &id))
		return 0;
	return id;
}

static void kept_text(struct sb *out, long long id)
{
	if (id)
		sb_addf(out, "nothing new was saved; the attempt %lld saved "
			     "before this is kept",
			id);
	else
		sb_adds(out, "nothing was saved");
}

int store_begin_attempt(struct store *st, const char *question_id,
			const char *prompt, long long started_at,
			long duration_ms, const char *answer, size_t len,
			int follow_up, long long parent_attempt,
			long long *attempt_id, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct sb kept = SB_INIT;
	char hash[17];
	int rc;

	*attempt_id = 0;
	st_hex64(hash, fnv1a64(answer, len));
	/* Known before anything can fail, so the message can name it. */
	kept_text(&kept, last_attempt_id(st));
	if ((rc = st_begin(st)))
		goto fail;
	if ((rc = st_ensure_question(st, question_id, NULL,
				     follow_up < 0 ? prompt : NULL, started_at)))
		goto fail;
	if ((rc = st_prep(st, &s,
			  "INSERT INTO attempts (question_id, prompt, started_at,"
			  " duration_ms, answer, answer_hash, follow_up, parent_id,"
			  " saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		goto fail;
	sqlite3_bind_text(s, 1, question_id, -1, SQLITE_STATIC);
	st_bind_text(s, 2, prompt);
	sqlite3_bind_int64(s, 3, started_at);
	sqlite3_bind_int64(s, 4, duration_ms < 0 ? -1 : duration_ms);
	sqlite3_bind_text(s, 5, answer, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 7, follow_up < 0 ? -1 : follow_up);
	if (parent_attempt > 0)
		sqlite3_bind_int64(s, 8, parent_attempt);
	else
		sqlite3_bind_null(s, 8);
	sqlite3_bind_int64(s, 9, st_now(st));
	if ((rc = st_step_done(s)))
		goto fail;
	sqlite3_finalize(s);
	s = NULL;
	*attempt_id = sqlite3_last_insert_rowid(st->db);
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	sb_release(&kept);
	return STORE_OK;
fail:
	/* The message first: ROLLBACK would overwrite sqlite3_errmsg(). */
	rc = st_fail(st, rc, err, "saving the answer", kept.buf);
	sqlite3_finalize(s);
	st_rollback(st);
	*attempt_id = 0;
	sb_release(&kept);
	return rc;
}

int st_replay(struct store *st, const char *qid, const struct fsrs_params *p,
	      long long want, struct fsrs_review *want_out, int *bad)
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
	if ((rc = st_prep(st, &s,
			  "SELECT id, final_grade, reviewed_at FROM attempts"
			  " WHERE question_id = ? AND scheduled = 1"
			  " ORDER BY reviewed_at, id")))
		goto done;
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
	sqlite3_finalize(s);
	s = NULL;
	if ((rc = st_prep(st, &u,
			  "UPDATE attempts SET elapsed_days = ?, retrievability = ?,"
			  " stability = ?, difficulty = ?, interval_days = ?, due = ?"
			  " WHERE id = ?")))
		goto done;
	for (i = 0; i < n; i++) {
		struct fsrs_review rv;
		if (fsrs_review(p, &card, grades[i], times[i], &rv)) {
			*bad = 1;
			rc = SQLITE_ERROR;
			goto done;
		}
		if (!i)
			first = times[i];
		if (rv.is_first)
			sqlite3_bind_null(u, 1);
		else
			sqlite3_bind_int64(u, 1, rv.elapsed_days);
		if (rv.is_first)
			sqlite3_bind_null(u, 2);
		else
			sqlite3_bind_double(u, 2, rv.retrievability);
		sqlite3_bind_double(u, 3, rv.stability);
		sqlite3_bind_double(u, 4, rv.difficulty);
		sqlite3_bind_int(u, 5, rv.interval_days);
		sqlite3_bind_int64(u, 6, rv.due);
		sqlite3_bind_int64(u, 7, ids[i]);
		if ((rc = st_step_done(u)))
			goto done;
		sqlite3_reset(u);
		if (ids[i] == want && want_out)
			*want_out = rv;
	}
	sqlite3_finalize(u);
	u = NULL;
	if (n) {
		rc = st_prep(st, &u,
			     "INSERT OR REPLACE INTO cards (question_id, stability,"
			     " difficulty, last_review, due, reps, lapses, first_review)"
			     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		if (rc)
			goto done;
		sqlite3_bind_text(u, 1, qid, -1, SQLITE_STATIC);
		sqlite3_bind_double(u, 2, card.stability);
		sqlite3_bind_double(u, 3, card.difficulty);
		sqlite3_bind_int64(u, 4, card.last_review);
		sqlite3_bind_int64(u, 5, card.due);
		sqlite3_bind_int(u, 6, card.reps);
		sqlite3_bind_int(u, 7, card.lapses);
		sqlite3_bind_int64(u, 8, first);
	} else {
		rc = st_prep(st, &u, "DELETE FROM cards WHERE question_id = ?");
		if (rc)
			goto done;
		sqlite3_bind_text(u, 1, qid, -1, SQLITE_STATIC);
	}
	rc = st_step_done(u);
done:
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	free(ids);
	free(times);
	free(grades);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void add_evidence_json(struct sb *out, const struct score_item *it)
{
	size_t i;
	sb_addc(out, '[');
	for (i = 0; i < it->nev; i++) {
		if (i)
			sb_addc(out, ',');
		sb_addf(out, "{\"start\":%zu,\"end\":%zu", it->ev[i].start,
			it->ev[i].end);
		if (it->ev[i].what) {
			sb_adds(out, ",\"what\":");
			json_str(out, it->ev[i].what);
		}
		sb_addc(out, '}');
	}
	sb_addc(out, ']');
}

static int save_items(struct store *st, long long id,
		      const struct score_report *rep)
{
	sqlite3_stmt *s = NULL;
	struct sb ev = SB_INIT;
	size_t i;
	int rc = st_prep(st, &s,
			 "INSERT INTO criteria (attempt_id, pos, name, label, kind,"
			 " weight, earned, scaled, active, met, limited, detail,"
			 " feedback, evidence)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (i = 0; !rc && i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		const char *kind = it->kind >= 0 && it->kind < CRIT_KIND_MAX
					   ? crit_kind_name((enum crit_kind)it->kind)
					   : "unknown";
		sb_reset(&ev);
		add_evidence_json(&ev, it);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i);
		st_bind_text(s, 3, it->name ? it->name : "?");
		st_bind_text(s, 4, it->label);
		sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 6, it->weight);
		sqlite3_bind_double(s, 7, it->earned);
		sqlite3_bind_double(s, 8, it->scaled);
		sqlite3_bind_int(s, 9, !!it->active);
		sqlite3_bind_int(s, 10, !!it->met);
		sqlite3_bind_int(s, 11, !!it->limited);
		st_bind_text(s, 12, it->detail);
		st_bind_text(s, 13, it->feedback);
		sqlite3_bind_text(s, 14, ev.buf, (int)ev.len, SQLITE_TRANSIENT);
		rc = st_step_done(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sb_release(&ev);
	return rc;
}

static void notes_json(struct sb *out, const struct score_report *rep)
{
	size_t i;
	sb_addc(out, '[');
	for (i = 0; i < rep->nnotes; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, rep->notes[i]);
	}
	sb_addc(out, ']');
}

/* The attempt's question, and whether it was finished. */
static int attempt_state(struct store *st, long long id, char **qid,
			 int *finished, int *scheduled, int *final_grade)
{
	sqlite3_stmt *s = NULL;
	int rc = st_prep(st, &s,
			 "SELECT question_id, auto_grade IS NOT NULL, scheduled,"
			 " coalesce(final_grade, 0) FROM attempts WHERE id = ?");
	*qid = NULL;
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*qid = st_col_str(s, 0);
		*finished = sqlite3_column_int(s, 1);
		*scheduled = sqlite3_column_int(s, 2);
		*final_grade = sqlite3_column_int(s, 3);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Begin a write transaction on an attempt and read its state.  SQLite
 * errors are returned with the transaction left to the caller's failure
 * path; an attempt that does not exist leaves *qid NULL, the transaction
 * rolled back and "no attempt N" in err. */
static int begin_on_attempt(struct store *st, long long id, char **qid,
			    int *finished, int *scheduled, int *final_grade,
			    struct sb *err)
{
	int rc;
	*qid = NULL;
	if ((rc = st_begin(st)))
		return rc;
	if ((rc = attempt_state(st, id, qid, finished, scheduled, final_grade)))
		return rc;
	if (!*qid) {
		st_rollback(st);
		sb_addf(err, "no attempt %lld", id);
	}
	return SQLITE_OK;
}

int store_finish_attempt(struct store *st, long long attempt_id,
			 const struct score_report *rep, const char *rubric,
			 uint64_t rubric_version, int grade, int schedule,
			 const struct fsrs_params *p, long long now,
			 struct fsrs_review *out, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct sb notes = SB_INIT, doing = SB_INIT, kept = SB_INIT;
	char *qid = NULL;
	char ver[17];
	int finished = 0, scheduled = 0, old = 0, bad = 0, rc, status;

	if (out)
		memset(out, 0, sizeof(*out));
	if (grade < 1 || grade > 4) {
		sb_addf(err, "grade %d is not 1 to 4", grade);
		return STORE_EINVAL;
	}
	if (schedule && !p) {
		sb_adds(err, "scheduling needs FSRS parameters");
		return STORE_EINVAL;
	}
	sb_addf(&doing, "saving the score of attempt %lld", attempt_id);
	sb_addf(&kept, "the answer of attempt %lld saved before this is kept",
		attempt_id);
	if ((rc = begin_on_attempt(st, attempt_id, &qid, &finished, &scheduled,
				   &old, err)))
		goto fail;
	if (!qid) {
		status = STORE_ENOENT;
		goto out;
	}
	if (finished) {
		st_rollback(st);
		sb_addf(err, "attempt %lld is already scored", attempt_id);
		status = STORE_EINVAL;
		goto out;
	}
	st_hex64(ver, rubric_version);
	if (rep)
		notes_json(&notes, rep);
	if ((rc = st_prep(st, &s,
			  "UPDATE attempts SET score = ?2, words = ?3, sentences = ?4,"
			  " limit_s = ?5, wpm = ?6, prose_share = ?7, density = ?8,"
			  " guard = ?9, length_factor = ?10, notes = ?11, rubric = ?12,"
			  " rubric_version = ?13, auto_grade = ?14, final_grade = ?14,"
			  " scheduled = ?15, reviewed_at = ?16 WHERE id = ?1")))
		goto fail;
	sqlite3_bind_int64(s, 1, attempt_id);
	if (rep) {
		sqlite3_bind_double(s, 2, rep->score);
		sqlite3_bind_int(s, 3, (int)rep->words);
		sqlite3_bind_int(s, 4, (int)rep->sentences);
		sqlite3_bind_int(s, 5, (int)rep->limit_s);
		sqlite3_bind_double(s, 6, rep->wpm);
		sqlite3_bind_double(s, 7, rep->prose_share);
		sqlite3_bind_double(s, 8, rep->density);
		sqlite3_bind_double(s, 9, rep->guard);
		sqlite3_bind_double(s, 10, rep->length_factor);
		sqlite3_bind_text(s, 11, notes.buf, (int)notes.len, SQLITE_STATIC);
	}
	st_bind_text(s, 12, rubric);
	if (rubric)
		sqlite3_bind_text(s, 13, ver, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 14, grade);
	sqlite3_bind_int(s, 15, !!schedule);
	if (schedule)
		sqlite3_bind_int64(s, 16, now);
	if ((rc = st_step_done(s)))
		goto fail;
	if (rep && (rc = save_items(st, attempt_id, rep)))
		goto fail;
	if (schedule && (rc = st_replay(st, qid, p, attempt_id, out, &bad)))
		goto fail;
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	status = STORE_OK;
	goto out;
fail:
	if (bad) {
		sb_addf(err, "cannot schedule question '%s': a stored review "
			     "is out of range; %s",
			qid, kept.buf);
		status = STORE_EINVAL;
	} else {
		status = st_fail(st, rc, err, doing.buf, kept.buf);
	}
	st_rollback(st);
	if (out)
		memset(out, 0, sizeof(*out));
out:
	sqlite3_finalize(s);
	free(qid);
	sb_release(&notes);
	sb_release(&doing);
	sb_release(&kept);
	return status;
}

/* Shared by set_grade and undo_grade: change the final grade, replay. */
static int change_grade(struct store *st, long long attempt_id, int grade,
			int undo, const struct fsrs_params *p,
			struct fsrs_review *out, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct sb doing = SB_INIT;
	char *qid = NULL;
	int finished = 0, scheduled = 0, old = 0, bad = 0, rc, status;
	long long change_id = 0;

	if (out)
		memset(out, 0, sizeof(*out));
	if (!undo && (grade < 1 || grade > 4)) {
		sb_addf(err, "grade %d is not 1 to 4", grade);
		return STORE_EINVAL;
	}
	if (!p) {
		sb_adds(err, "changing a grade needs FSRS parameters");
		return STORE_EINVAL;
	}
	sb_addf(&doing, "%s the grade of attempt %lld",
		undo ? "undoing" : "changing", attempt_id);
	if ((rc = begin_on_attempt(st, attempt_id, &qid, &finished, &scheduled,
				   &old, err)))
		goto fail;
	if (!qid) {
		status = STORE_ENOENT;
		goto out;
	}
	if (!finished) {
		st_rollback(st);
		sb_addf(err, "attempt %lld was never scored, so it has no grade",
			attempt_id);
		status = STORE_EINVAL;
		goto out;
	}
	if (undo) {
		if ((rc = st_prep(st, &s,
				  "SELECT id, old_grade FROM grade_changes"
				  " WHERE attempt_id = ? ORDER BY id DESC LIMIT 1")))
			goto fail;
		sqlite3_bind_int64(s, 1, attempt_id);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			change_id = sqlite3_column_int64(s, 0);
			grade = sqlite3_column_int(s, 1);
		} else if (rc != SQLITE_DONE) {
			goto fail;
		}
		sqlite3_finalize(s);
		s = NULL;
		if (!change_id) {
			st_rollback(st);
			sb_addf(err, "attempt %lld has no grade change to undo",
				attempt_id);
			status = STORE_EINVAL;
			goto out;
		}
		if ((rc = st_prep(st, &s, "DELETE FROM grade_changes WHERE id = ?")))
			goto fail;
		sqlite3_bind_int64(s, 1, change_id);
	} else {
		if (grade == old) {
			st_rollback(st);
			if (out && scheduled) {
				/* Report the review as it stands. */
				status = STORE_OK;
				goto out_review;
			}
			status = STORE_OK;
			goto out;
		}
		if ((rc = st_prep(st, &s,
				  "INSERT INTO grade_changes (attempt_id, old_grade,"
				  " new_grade, changed_at) VALUES (?, ?, ?, ?)")))
			goto fail;
		sqlite3_bind_int64(s, 1, attempt_id);
		sqlite3_bind_int(s, 2, old);
		sqlite3_bind_int(s, 3, grade);
		sqlite3_bind_int64(s, 4, st_now(st));
	}
	if ((rc = st_step_done(s)))
		goto fail;
	sqlite3_finalize(s);
	if ((rc = st_prep(st, &s, "UPDATE attempts SET final_grade = ? WHERE id = ?")))
		goto fail;
	sqlite3_bind_int(s, 1, grade);
	sqlite3_bind_int64(s, 2, attempt_id);
	if ((rc = st_step_done(s)))
		goto fail;
	if (scheduled && (rc = st_replay(st, qid, p, attempt_id, out, &bad)))
		goto fail;
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	status = STORE_OK;
	goto out;
out_review: {
	struct store_attempt a;
	memset(&a, 0, sizeof(a));
	if (!store_get_attempt(st, attempt_id, &a, err)) {
		out->is_first = a.retrievability < 0;
		out->elapsed_days = a.elapsed_days;
		out->retrievability = a.retrievability;
		out->stability = a.stability;
		out->difficulty = a.difficulty;
		out->interval_days = a.interval_days;
		out->due = a.due;
	}
	store_attempt_release(&a);
	goto out;
}
fail:
	if (bad) {
		sb_addf(err, "cannot reschedule question '%s': a stored review "
			     "is out of range; the grade was not changed",
			qid);
		status = STORE_EINVAL;
	} else {
		status = st_fail(st, rc, err, doing.buf, "the grade was not changed");
	}
	st_rollback(st);
	if (out)
		memset(out, 0, sizeof(*out));
out:
	sqlite3_finalize(s);
	free(qid);
	sb_release(&doing);
	return status;
}

int store_set_grade(struct store *st, long long attempt_id, int grade,
		    const struct fsrs_params *p, struct fsrs_review *out,
		    struct sb *err)
{
	return change_grade(st, attempt_id, grade, 0, p, out, err);
}

int store_undo_grade(struct store *st, long long attempt_id,
		     const struct fsrs_params *p, struct sb *err)
{
	return change_grade(st, attempt_id, 0, 1, p, NULL, err);
}

/* ---- cards and question states ---- */

static void read_card(sqlite3_stmt *s, int i, struct fsrs_card *c)
{
	memset(c, 0, sizeof(*c));
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return;
	c->reviewed = 1;
	c->stability = sqlite3_column_double(s, i);
	c->difficulty = sqlite3_column_double(s, i + 1);
	c->last_review = sqlite3_column_int64(s, i + 2);
	c->due = sqlite3_column_int64(s, i + 3);
	c->reps = sqlite3_column_int(s, i + 4);
	c->lapses = sqlite3_column_int(s, i + 5);
}

int store_card(struct store *st, const char *question_id,
	       struct fsrs_card *card, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	int rc = st_prep(st, &s,
			 "SELECT stability, difficulty, last_review, due, reps,"
			 " lapses FROM cards WHERE question_id = ?");
	memset(card, 0, sizeof(*card));
	if (rc)
		goto fail;
	sqlite3_bind_text(s, 1, question_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_card(s, 0, card);
	else if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(s);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading a card", NULL);
	sqlite3_finalize(s);
	return rc;
}

int store_qstates(struct store *st, struct store_qstate **out, size_t *n,
		  struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct store_qstate *v = NULL;
	size_t nr = 0, alloc = 0;
	int rc = st_prep(st, &s,
			 "SELECT q.id, q.retired, c.stability, c.difficulty,"
			 " c.last_review, c.due, c.reps, c.lapses, c.first_review,"
			 " (SELECT a.score FROM attempts a WHERE a.question_id = q.id"
			 "   AND a.score IS NOT NULL AND a.follow_up = -1"
			 "   ORDER BY a.started_at DESC, a.id DESC LIMIT 1),"
			 " (SELECT max(a.started_at) FROM attempts a"
			 "   WHERE a.question_id = q.id),"
			 " (SELECT count(*) FROM attempts a WHERE a.question_id = q.id)"
			 " FROM questions q LEFT JOIN cards c ON c.question_id = q.id"
			 " ORDER BY q.id");
	*out = NULL;
	*n = 0;
	if (rc)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_qstate *q;
		ALLOC_GROW(v, nr + 1, alloc);
		q = &v[nr++];
		memset(q, 0, sizeof(*q));
		q->question_id = st_col_str(s, 0);
		q->retired = sqlite3_column_int(s, 1);
		read_card(s, 2, &q->card);
		q->first_review = st_col_ll(s, 8, 0);
		q->last_score = st_col_dbl(s, 9, -1);
		q->last_attempt = st_col_ll(s, 10, 0);
		q->nattempts = sqlite3_column_int(s, 11);
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(s);
	*out = v;
	*n = nr;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "reading the cards", NULL);
	sqlite3_finalize(s);
	store_qstates_free(v, nr);
	return rc;
}

void store_qstates_free(struct store_qstate *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(v[i].question_id);
	free(v);
}

static int cmp_qstate(const void *a, const void *b)
{
	return strcmp(((const struct store_qstate *)a)->question_id,
		      ((const struct store_qstate *)b)->question_id);
}

int store_queue_questions(struct store *st, const struct bank *b,
			  struct queue_question **out, struct sb *err)
{
	struct store_qstate *qs = NULL, key;
	struct queue_question *v;
	size_t n = 0, i;
	int rc;

	*out = NULL;
	if (st && (rc = store_qstates(st, &qs, &n, err)))
		return rc;
	/* store_qstates() sorts by id with SQLite's BINARY collation,
	 * which is memcmp order, the same as strcmp for UTF-8. */
	v = xcalloc(b->q.nr ? b->q.nr : 1, sizeof(*v));
	for (i = 0; i < b->q.nr; i++) {
		const struct question *q = &b->q.v[i];
		const struct store_qstate *found;
		v[i].id = q->id;
		v[i].category = q->category;
		v[i].tags = q->tags;
		v[i].ntags = q->ntags;
		v[i].level = (int)q->level;
		v[i].last_score = -1;
		key.question_id = q->id;
		found = n ? bsearch(&key, qs, n, sizeof(*qs), cmp_qstate) : NULL;
		if (found) {
			v[i].card = found->card;
			v[i].first_review = found->first_review;
			v[i].last_score = found->last_score;
		}
	}
	store_qstates_free(qs, n);
	*out = v;
	return STORE_OK;
}

/* ---- settings ---- */

static int setting_index(const char *key)
{
	int i;
	for (i = 0; store_setting_keys[i]; i++)
		if (!strcmp(store_setting_keys[i], key))
			return i;
	return -1;
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
			sb_addf(err, "desired-retention must be a number from 0.7 "
				     "to 0.99, not '%s'",
				value);
			return STORE_EINVAL;
		}
		sb_addf(canon, "%.4g", d);
		return STORE_OK;
	case 1:
		if (parse_int_range(value, 0, 1000, &l)) {
			sb_addf(err, "new-per-day must be a whole number from 0 "
				     "to 1000, not '%s'",
				value);
			return STORE_EINVAL;
		}
		sb_addf(canon, "%ld", l);
		return STORE_OK;
	case 2:
		if (parse_int_range(value, 1, FSRS_DEFAULT_MAX_INTERVAL, &l)) {
			sb_addf(err, "maximum-interval must be a whole number of "
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
		if (store_check_setting(key, value->buf, &ignored) != STORE_OK) {
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
	sqlite3_stmt *s = NULL;
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
	if ((rc = st_prep(st, &s,
			  "INSERT OR REPLACE INTO settings (key, value, updated_at)"
			  " VALUES (?, ?, ?)")))
		goto fail;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, canon.buf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, st_now(st));
	if ((rc = st_step_done(s)))
		goto fail;
	sqlite3_finalize(s);
	sb_release(&canon);
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "saving the setting",
		     "the setting was not changed");
	sqlite3_finalize(s);
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
