/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store: the SQLite database of questions, attempts, scores and cards.
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
 * Ordering guarantees: store_begin_attempt() commits the raw answer in
 * its own transaction before anything else happens to it, so nothing a
 * user typed is lost when scoring, scheduling or output fails later.
 * store_finish_attempt(), store_set_grade() and store_undo_grade() each
 * run in one transaction: either all of their effect is there or none.
 *
 * Cards: a question's FSRS card is always the result of replaying its
 * scheduled attempts in review order with their final grades, so changing
 * any attempt's grade (not only the last) gives the same card as if that
 * grade had been given at the time.
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
#include <stdint.h>
#include <stdio.h>

#include "fsrs.h"
#include "score.h"

struct bank;
struct sb;

/* The schema this program writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 5

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
 * Commit the raw answer at once, before scoring, in its own transaction.
 * `prompt` is the text asked (the main prompt or the follow-up); it may be
 * NULL.  follow_up: -1 for the main answer, else the follow-up's index;
 * parent_attempt: the main answer's attempt id for a follow-up (0 none).
 * duration_ms: -1 when unknown.  The question row is created if the
 * question was never synced.  *attempt_id receives the new id.
 */
int store_begin_attempt(struct store *st, const char *question_id,
			const char *prompt, long long started_at,
			long duration_ms, const char *answer, size_t len,
			int follow_up, long long parent_attempt,
			long long *attempt_id, struct sb *err);

/*
 * In one transaction: the score and each criterion's result (rep may be
 * NULL when the answer could not be scored), the rubric and its version,
 * the proposed grade (1..4) as both automatic and final grade, and if
 * `schedule`, the FSRS review of the question's card at `now`, whose
 * result is written to *out (if not NULL) and kept on the attempt.
 * schedule == 0 (cram, follow-ups) leaves the card alone; *out is then
 * zeroed.  Finishing an attempt twice is STORE_EINVAL.
 */
int store_finish_attempt(struct store *st, long long attempt_id,
			 const struct score_report *rep, const char *rubric,
			 uint64_t rubric_version, int grade, int schedule,
			 const struct fsrs_params *p, long long now,
			 struct fsrs_review *out, struct sb *err);

/*
 * Override the final grade of a finished attempt (the automatic grade is
 * kept) and record the change so store_undo_grade() can revert it.  For
 * a scheduled attempt the card is rebuilt by replay and *out (if not
 * NULL) describes that attempt's review under the new grade; otherwise
 * *out is zeroed.  Setting the grade it already has records nothing.
 */
int store_set_grade(struct store *st, long long attempt_id, int grade,
		    const struct fsrs_params *p, struct fsrs_review *out,
		    struct sb *err);
/*
 * Revert the latest grade change of an attempt (exactly: to the final
 * grade it had before) and rebuild the card.  STORE_EINVAL if the attempt
 * has no change to undo.
 */
int store_undo_grade(struct store *st, long long attempt_id,
		     const struct fsrs_params *p, struct sb *err);

/* A question's card; a zeroed (new) card if it was never scheduled. */
int store_card(struct store *st, const char *question_id,
	       struct fsrs_card *card, struct sb *err);

/* What the queue needs to know about one question the store has seen. */
struct store_qstate {
	char *question_id;
	struct fsrs_card card;  /* card.reviewed == 0: never scheduled */
	long long first_review; /* first scheduled review; 0 if none */
	double last_score;      /* latest scored attempt; -1 if none */
	long long last_attempt; /* its started_at; 0 if none */
	int nattempts;
	int retired;
};

/* Every question the store knows, sorted by id.  Free with
 * store_qstates_free(). */
int store_qstates(struct store *st, struct store_qstate **out, size_t *n,
		  struct sb *err);
void store_qstates_free(struct store_qstate *v, size_t n);

/*
 * The bank's questions as queue input (core/queue.h) with their stored
 * cards and last scores: (*out)[i] is b->q.v[i] and borrows its strings
 * from the bank.  st may be NULL (no database yet): every question is new.
 * Free the array with free().
 */
struct queue_question;
int store_queue_questions(struct store *st, const struct bank *b,
			  struct queue_question **out, struct sb *err);

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

/* One criterion's stored result. */
struct store_item {
	char *name;
	char *label;
	int kind; /* enum crit_kind */
	double weight, earned, scaled;
	int active, met, limited;
	char *detail;   /* may be NULL */
	char *feedback; /* may be NULL */
	char *evidence; /* JSON [{"start":S,"end":E[,"what":W]}...] */
};

/* One attempt as stored. */
struct store_attempt {
	long long id;
	char *question_id;
	char *category; /* the question's latest category; may be NULL */
	char *prompt;   /* the text asked; may be NULL */
	long long started_at;
	long duration_ms; /* -1 unknown */
	char *answer;     /* NUL-terminated, answer_len bytes */
	size_t answer_len;
	char *answer_hash; /* 16 hex digits, FNV-1a 64 of the answer */
	int follow_up;     /* -1 main answer */
	long long parent;  /* 0 none */
	int scored;        /* finished: score fields valid */
	double score;      /* -1 when not scored */
	unsigned words;
	char *rubric; /* may be NULL */
	uint64_t rubric_version;
	int auto_grade; /* 0 none, else 1..4 */
	int final_grade;
	int scheduled;
	long long reviewed_at; /* the review's time; 0 if not scheduled */
	/* The card after this attempt's review (scheduled attempts only). */
	double stability, difficulty, retrievability; /* R before; -1 first */
	long long elapsed_days;
	int interval_days;
	long long due;
	int grade_changes; /* overrides recorded (undoable) */
	/* Criteria, when loaded with items (store_get_attempt). */
	struct store_item *items;
	size_t nitems;
	char *notes; /* JSON array of strings; may be NULL */
	unsigned sentences, limit_s;
	double wpm, prose_share, density, guard, length_factor;
	long long session_id; /* the mock interview it was part of; 0 none */
};

void store_attempt_release(struct store_attempt *a);
void store_attempts_free(struct store_attempt *v, size_t n);

/* One attempt in full, with its criteria. */
int store_get_attempt(struct store *st, long long id, struct store_attempt *a,
		      struct sb *err);

/* Filters for store_list_attempts(); a zeroed struct means "all". */
struct store_filter {
	const char *question_id;
	long long since;      /* started_at >= since; 0 none */
	long long before_id;  /* id < before_id; 0 none */
	size_t limit;         /* 0 none */
	int oldest_first;     /* default newest first */
	int main_only;        /* leave follow-ups out */
	long long session_id; /* only this session's attempts; 0 any */
};
/* Attempts without their criteria (items == NULL). */
int store_list_attempts(struct store *st, const struct store_filter *f,
			struct store_attempt **out, size_t *n, struct sb *err);

/*
 * Rebuild a score report from an attempt's stored rows, for
 * report_print().  The store_report owns every string the report points
 * to; release it with store_report_release() (not score_report_release).
 */
struct store_report {
	struct score_report rep;
	char **owned;
	size_t nowned, aowned;
};
int store_report_from(const struct store_attempt *a, struct store_report *out);
void store_report_release(struct store_report *r);

/*
 * Sessions: a set of attempts made together (a mock interview).
 * store_begin_session() commits a row of `kind` ("mock") with its
 * settings (JSON text, may be NULL) and makes it the store's current
 * session: every attempt store_begin_attempt() commits from then on is
 * linked to it, in the same transaction as the answer, until
 * store_end_session() stamps its end and clears it.  A session never
 * ended (a crash, a hang-up) keeps its attempts and an ended_at of 0.
 */
struct store_session {
	long long id;
	char *kind;
	long long started_at;
	long long ended_at; /* 0 not ended */
	char *settings;     /* JSON text; may be NULL */
	int answers;        /* attempts linked to it, follow-ups included */
};
int store_begin_session(struct store *st, const char *kind,
			long long started_at, const char *settings,
			long long *id, struct sb *err);
int store_end_session(struct store *st, long long id, long long ended_at,
		      struct sb *err);
/* Sessions of a kind (NULL any), oldest first. */
int store_list_sessions(struct store *st, const char *kind,
			struct store_session **out, size_t *n, struct sb *err);
/* One session; STORE_ENOENT if there is none with that id. */
int store_get_session(struct store *st, long long id, struct store_session *out,
		      struct sb *err);
void store_session_release(struct store_session *s);
void store_sessions_free(struct store_session *v, size_t n);

/* Full-text search over answers. */
struct store_hit {
	long long attempt_id;
	char *question_id;
	long long started_at;
	double score;  /* -1 not scored */
	char *snippet; /* markers around hits: see store_search() */
};
/*
 * Search answers with FTS5, best match first, then newest.  Text that is
 * not valid FTS5 syntax is searched as a phrase.  Hits in the snippet are
 * wrapped in `open`/`close` (e.g. "\033[1m" and "\033[m", or "" and "").
 */
int store_search(struct store *st, const char *query, size_t limit,
		 const char *open, const char *close, struct store_hit **out,
		 size_t *n, struct sb *err);
void store_hits_free(struct store_hit *v, size_t n);

/* Counts for `stats`. */
struct store_cat {
	char *category;
	int attempts;   /* scored main answers */
	double average; /* their mean score */
};
struct store_stats {
	int attempts; /* every attempt, follow-ups included */
	int scored;
	int questions;  /* distinct questions attempted */
	int streak;     /* days, see store_streak() */
	int today;      /* attempts today (UTC) */
	double average; /* mean score of scored main answers; -1 none */
	struct store_cat *cats;
	size_t ncats;
};
/*
 * Consecutive UTC days up to today with at least one attempt; a today
 * without an attempt yet does not break yesterday's streak.
 */
int store_streak(struct store *st, long long now, int *days, struct sb *err);
int store_stats(struct store *st, long long now, struct store_stats *out,
		struct sb *err);
void store_stats_release(struct store_stats *s);

/*
 * Every attempt in time order, as the progress charts need it and no
 * more (no answer text, notes or criteria): it is read from the
 * attempts_progress index.  fn returns 0 to go on; anything else stops
 * the walk and is returned.  category is "?" for an unknown question and
 * is only valid during the call; score is -1 when unscored.
 */
struct store_point {
	long long id, started_at;
	const char *category;
	int follow_up; /* -1 for a main answer */
	int scheduled;
	double score;
};
typedef int store_point_fn(const struct store_point *p, void *data);
int store_each_point(struct store *st, store_point_fn *fn, void *data,
		     struct sb *err);

/*
 * Export every attempt, oldest first.  STORE_EXPORT_JSON: one object a
 * line with "format": 1.  STORE_EXPORT_CSV: RFC 4180 with a header row
 * (CRLF line ends, criteria as a JSON column).  docs/SCHEMA.md lists the
 * fields.
 */
enum store_export_format { STORE_EXPORT_JSON, STORE_EXPORT_CSV };
int store_export(struct store *st, FILE *out, int format, struct sb *err);
/*
 * Import an export (either format, detected) from `in` in one
 * transaction, record by record: memory does not grow with the file.  An
 * attempt already present (same question, start time and answer hash) is
 * not added again; the cards of the questions touched are rebuilt by
 * replay.  A malformed record is STORE_EINVAL naming its line, and
 * nothing is imported.  progress (may be NULL) is called every 1,000
 * records.
 */
typedef void store_progress_fn(size_t records, void *data);
int store_import(struct store *st, FILE *in, const struct fsrs_params *p,
		 store_progress_fn *progress, void *data, size_t *added,
		 size_t *skipped, struct sb *err);

/* Helpers shared by commands. */
/* The <sysexits.h> code for a store status (EX_OK, EX_NOINPUT, ...). */
int store_exit_code(int status);
/* "YYYY-MM-DD" (UTC) of a Unix time into out. */
void store_fmt_date(struct sb *out, long long t);
/* "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
void store_fmt_time(struct sb *out, long long t);
/* "YYYY-MM-DD HH:MM" (UTC), as history and the HTML report show it. */
void store_fmt_minute(struct sb *out, long long t);
/* Start of the UTC day containing t. */
long long store_day_start(long long t);

#endif
