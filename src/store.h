/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store: the SQLite database of questions, attempts, scores and cards,
 * and opening it (store-open.c): migrations, settings, the question sync.
 * The rest of the store's face is one header per file: store-attempt.h
 * (saving answers, grades, cards), store-read.h (history, reports, search,
 * stats, dates), store-session.h (mock sessions), store-export.h and
 * store-import.h.  What the store files share is store-int.h.
 *
 * One `struct store` is one open database (docs/SCHEMA.md).  store_open()
 * creates the parent folder and the file on first use, applies forward
 * migrations keyed on PRAGMA user_version (each in one transaction),
 * refuses a database newer than this program, and sets WAL mode, a 5 s
 * busy timeout and foreign keys.  A file that is not a database, or a
 * read-only file or folder, is reported with the file's name and never
 * modified: the store does not "repair" or recreate anything.  With
 * create == 0 a database that is not writable is opened read-only, so
 * history and stats still work; writes then fail with STORE_EIO.
 *
 * Errors: functions return 0, or a negative STORE_E* code with a message
 * in `err` (a caller-owned sb; the message is appended, without "pmdrill: "
 * and without a newline).  SQLite failures quote sqlite3_errmsg() and say
 * what was kept.  Callers map STORE_ENOENT to EX_NOINPUT, STORE_EINVAL
 * to EX_DATAERR and everything else to EX_IOERR.
 *
 * Memory: strings in the structs filled here belong to the caller and are
 * freed by the matching _release() or _free() function.  Nothing returned
 * borrows from the store, so results outlive store_close().
 */
#ifndef PMDRILL_STORE_H
#define PMDRILL_STORE_H

#include <stddef.h>

struct bank;
struct fsrs_params;
struct sb;

/* The schema this program writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 7

enum store_status {
	STORE_OK = 0,
	STORE_EIO = -1,    /* database, disk or lock failure */
	STORE_ENOENT = -2, /* no such attempt or question; no database yet */
	STORE_EINVAL = -3, /* bad value (grade, setting) or nothing to undo */
	STORE_EBUSY = -4   /* locked by another process beyond the timeout */
};

struct store;

/*
 * How a command uses the database.  STORE_OPEN_READ opens it read-only
 * (SQLITE_OPEN_READONLY, query_only): nothing is written, the journal mode
 * is left as it is; the one exception is a schema migration of a writable
 * file, which a newer pmdrill must run before it can read.  STORE_OPEN_WRITE
 * writes an existing database; STORE_OPEN_CREATE also makes a missing one.
 */
enum store_mode {
	STORE_OPEN_WRITE = 0,
	STORE_OPEN_CREATE = 1,
	STORE_OPEN_READ = 2
};

/*
 * Open the database at `path` in `mode` (enum store_mode).  Without
 * STORE_OPEN_CREATE a missing file gives STORE_ENOENT ("no history yet")
 * and creates nothing.  On failure *out is NULL.
 */
int store_open(struct store **out, const char *path, int mode, struct sb *err);
void store_close(struct store *st);
/* 1 if opened read-only (the file or its folder is not writable). */
int store_is_readonly(const struct store *st);
/*
 * The clock used to stamp grade changes and settings (default: time()).
 * Commands pass app->now so tests with $PMDRILL_NOW are reproducible.
 */
void store_set_now(struct store *st, long long now);

/*
 * Upsert every question of the bank keyed by its Id (the latest prompt,
 * category, level and tags are kept for display; history is keyed by Id
 * so edited text keeps it), mark the ones in no bank as retired and
 * un-retire those that came back.  One transaction.
 */
int store_sync_questions(struct store *st, const struct bank *b, long long now,
			 struct sb *err);

/*
 * Settings, stored in the database.  Keys: "desired-retention" (0.7 to
 * 0.99, default 0.9), "new-per-day" (0 to 1000, default 5),
 * "maximum-interval" (days, 1 to 36500, default 36500).
 * store_get_setting() writes the value (the default when unset) into
 * `value`; an unknown key is STORE_EINVAL.  store_set_setting() validates
 * (STORE_EINVAL with a message saying the allowed range) and stores the
 * value in canonical form.
 */
extern const char *const store_setting_keys[]; /* NULL-terminated */
int store_get_setting(struct store *st, const char *key, struct sb *value,
		      struct sb *err);
int store_set_setting(struct store *st, const char *key, const char *value,
		      struct sb *err);
/* Check a value without storing it; 0 or STORE_EINVAL with a message. */
int store_check_setting(const char *key, const char *value, struct sb *err);
/* FSRS defaults with the stored retention and maximum interval, and the
 * daily new-question limit.  Either output may be NULL. */
int store_params(struct store *st, struct fsrs_params *p, int *new_per_day,
		 struct sb *err);

/* The <sysexits.h> code for a store status (EX_OK, EX_NOINPUT, ...). */
int store_exit_code(int status);

#endif
