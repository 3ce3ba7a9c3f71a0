/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-int: what the store-*.c files share (store-int.c), and nothing
 * outside them may include (store.h and the headers it names are the
 * store's public face).
 *
 * struct store is one open database.  The st_ helpers wrap the SQLite
 * calls every store file repeats: they return SQLite result codes (not
 * store statuses), except st_fail(), which turns a failed SQLite call
 * into a store status and a message saying what was being done and what
 * was kept (docs/SCHEMA.md).  Strings from st_col_str() belong to the
 * caller; statements are finalized by the function that prepared them.
 */
#ifndef PMDRILL_STORE_INT_H
#define PMDRILL_STORE_INT_H

#include <stdint.h>

#include <sqlite3.h>

struct sb;
struct store_attempt;
struct fsrs_params;
struct fsrs_review;

struct store {
	sqlite3 *db;
	char *path;
	int readonly;
	long long now;
	int now_set;
	long long session; /* stamped on new attempts; 0 none */
};

/* The export format number; export and import share the field list. */
#define EXPORT_FORMAT 1

/* The settings row (not a user setting) that holds the fingerprint of
 * the bank last recorded into `questions` (store_sync_questions()). */
#define SYNCED_KEY "bank-synced"

/* The exported fields, in order, NULL-terminated. */
extern const char *const st_export_fields[];
enum {
	F_FORMAT,
	F_ID,
	F_QUESTION,
	F_CATEGORY,
	F_PROMPT,
	F_STARTED,
	F_DURATION,
	F_ANSWER,
	F_HASH,
	F_FOLLOW_UP,
	F_PARENT,
	F_SCORE,
	F_WORDS,
	F_SENTENCES,
	F_LIMIT,
	F_WPM,
	F_PROSE,
	F_DENSITY,
	F_GUARD,
	F_LENGTH,
	F_RUBRIC,
	F_RUBRIC_VERSION,
	F_AUTO,
	F_FINAL,
	F_SCHEDULED,
	F_REVIEWED,
	F_ELAPSED,
	F_R,
	F_S,
	F_D,
	F_INTERVAL,
	F_DUE,
	F_NOTES,
	F_CRITERIA,
	F_CHANGES,
	F_SESSION, /* added later: an importer ignores fields it does not know */
	F_COUNT
};

/* The columns st_read_attempt() reads, and the FROM clause they need. */
#define ATTEMPT_COLS                                                         \
	"a.id, a.question_id, q.category, a.prompt, a.started_at,"           \
	" a.duration_ms, a.answer, a.answer_hash, a.follow_up, a.parent_id," \
	" a.score, a.words, a.rubric, a.rubric_version, a.auto_grade,"       \
	" a.final_grade, a.scheduled, a.reviewed_at, a.stability,"           \
	" a.difficulty, a.retrievability, a.elapsed_days, a.interval_days,"  \
	" a.due, (SELECT count(*) FROM grade_changes g"                      \
	" WHERE g.attempt_id = a.id), a.notes, a.sentences, a.limit_s,"      \
	" a.wpm, a.prose_share, a.density, a.guard, a.length_factor,"        \
	" a.session_id"                                                      \
	" FROM attempts a LEFT JOIN questions q ON q.id = a.question_id"

/*
 * Describe a failed SQLite call rc: what we were `doing`, SQLite's own
 * text, and what is `kept` (NULL: nothing was changed).  Appends to err
 * and returns the store status for rc.
 */
int st_fail(struct store *st, int rc, struct sb *err, const char *doing,
	    const char *kept);

/* Statement helpers; SQLite result codes. */
int st_prep(struct store *st, sqlite3_stmt **s, const char *sql);
int st_exec(struct store *st, const char *sql);
int st_begin(struct store *st);     /* BEGIN IMMEDIATE */
void st_rollback(struct store *st); /* if a transaction is open */
int st_step_done(sqlite3_stmt *s);  /* step to the end: SQLITE_OK */
/*
 * The row of sql (one `?`, bound to id): STORE_OK with *s on it (the
 * caller reads it and finalizes *s); else *s is finalized and the store
 * status returned, with "no WHAT ID" (STORE_ENOENT) or what failed while
 * `doing` in err.
 */
int st_get_row(struct store *st, sqlite3_stmt **s, const char *sql,
	       long long id, const char *what, const char *doing,
	       struct sb *err);
/* The first column of the first row of sql (0 when there is no row). */
int st_query_int(struct store *st, const char *sql, long long *out);
/* Column values with a default for NULL; st_col_str() gives NULL. */
char *st_col_str(sqlite3_stmt *s, int i);
double st_col_dbl(sqlite3_stmt *s, int i, double dflt);
long long st_col_ll(sqlite3_stmt *s, int i, long long dflt);
/* Bind t (copied), or NULL when t is NULL. */
void st_bind_text(sqlite3_stmt *s, int i, const char *t);

/*
 * Bind values to s's parameters 1, 2, ... by the letters of `types`:
 * 't' a const char * (copied; NULL binds NULL), 'i' an int, 'l' a long
 * long, 'd' a double.  st_run() prepares sql, binds the same way, steps
 * it to the end and finalizes it: SQLITE_OK or the SQLite error.
 */
void st_bind(sqlite3_stmt *s, const char *types, ...);
#define st_run(st, ...) st_run_kept((st), NULL, __VA_ARGS__)
/* st_run() with the statement kept in *keep between calls (prepared on
 * the first; keep NULL: prepared and finalized, as st_run()); whoever
 * owns *keep finalizes it. */
int st_run_kept(struct store *st, sqlite3_stmt **keep, const char *sql,
		const char *types, ...);

/* The index of s in the NULL-terminated list v, or -1. */
int st_index(const char *const *v, const char *s);
/* 16 lower-case hex digits of v, and back (NULL reads as 0). */
void st_hex64(char out[17], uint64_t v);
uint64_t st_parse_hex64(const char *s);
/* The store's clock: store_set_now()'s time, else time(). */
long long st_now(const struct store *st);

/*
 * The statements st_ensure_question() and st_replay() run, kept prepared
 * by a caller that runs them many times (an import) instead of preparing
 * them on every call: zero-initialise it, pass it to each call, and
 * st_reuse_release() finalizes what it holds.  Callers that run them
 * once pass NULL.
 */
struct st_reuse {
	sqlite3_stmt *unsync, *question, *reviews, *review, *card, *nocard;
};
void st_reuse_release(struct st_reuse *k);

/* Make sure a question row exists (an attempt may precede any sync); a
 * new one clears SYNCED_KEY, so the next start records the bank again. */
int st_ensure_question(struct store *st, struct st_reuse *k, const char *qid,
		       const char *category, const char *prompt, long long t);
/*
 * Replay the scheduled attempts of question qid and rewrite its card.
 * With want_out, the review of attempt `want` is written there.  *bad is
 * set when a stored review is out of range (rc is then SQLITE_ERROR).
 */
int st_replay(struct store *st, struct st_reuse *k, const char *qid,
	      const struct fsrs_params *p, long long want,
	      struct fsrs_review *want_out, int *bad);
/* Fill *a from a row of "SELECT " ATTEMPT_COLS (without its criteria). */
void st_read_attempt(sqlite3_stmt *s, struct store_attempt *a);

#endif
