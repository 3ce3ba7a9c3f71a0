/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's attempts: saving, scoring, grading and undo, and the queue's input. */
#include "store-attempt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "bank.h"
#include "json.h"
#include "qbank.h"
#include "queue.h"
#include "rubric.h"
#include "sb.h"
#include "store.h"
#include "store-int.h"
#include "store-read.h"
#include "xalloc.h"

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
		sb_addf(out,
			"nothing new was saved; the attempt %lld saved "
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
	if ((rc = st_ensure_question(st, NULL, question_id, NULL,
				     follow_up < 0 ? prompt : NULL,
				     started_at)))
		goto fail;
	if ((rc = st_prep(
		     st, &s,
		     "INSERT INTO attempts (question_id, prompt, started_at,"
		     " duration_ms, answer, answer_hash, follow_up, parent_id,"
		     " saved_at, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
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
	if (st->session > 0)
		sqlite3_bind_int64(s, 10, st->session);
	else
		sqlite3_bind_null(s, 10);
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
	int rc = st_prep(
		st, &s,
		"INSERT INTO criteria (attempt_id, pos, name, label, kind,"
		" weight, earned, scaled, active, met, limited, detail,"
		" feedback, evidence)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (i = 0; !rc && i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		const char *kind =
			it->kind >= 0 && it->kind < CRIT_KIND_MAX
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

/*
 * Begin a write transaction on an attempt and read its question, whether
 * it is scheduled and its final grade.  A SQLite error is returned (the
 * transaction left to the caller's failure path).  Else SQLITE_OK with
 * *status STORE_OK, or, rolled back with the reason in err, STORE_ENOENT
 * ("no attempt N") or STORE_EINVAL when the attempt is not, or already
 * is, scored as `scored` asks.
 */
static int begin_on_attempt(struct store *st, long long id, int scored,
			    char **qid, int *scheduled, int *final_grade,
			    int *status, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	int rc;
	*qid = NULL;
	*status = STORE_OK;
	if ((rc = st_begin(st)) ||
	    (rc = st_prep(
		     st, &s,
		     "SELECT question_id, auto_grade IS NOT NULL, scheduled,"
		     " coalesce(final_grade, 0) FROM attempts WHERE id = ?")))
		return rc;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*qid = st_col_str(s, 0);
		*scheduled = sqlite3_column_int(s, 2);
		*final_grade = sqlite3_column_int(s, 3);
		if (sqlite3_column_int(s, 1) != scored) {
			*status = STORE_EINVAL;
			sb_addf(err,
				scored ? "attempt %lld was never scored, so it has no grade"
				       : "attempt %lld is already scored",
				id);
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*status = STORE_ENOENT;
		sb_addf(err, "no attempt %lld", id);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (!rc && *status)
		st_rollback(st);
	return rc;
}

/*
 * The end of a transaction that changed question qid's reviews: replay
 * its card (when scheduled) and commit.  A SQLite code; *bad as
 * st_replay().
 */
static int replay_commit(struct store *st, const char *qid, int scheduled,
			 const struct fsrs_params *p, long long attempt_id,
			 struct fsrs_review *out, int *bad)
{
	int rc;
	if (scheduled &&
	    (rc = st_replay(st, NULL, qid, p, attempt_id, out, bad)))
		return rc;
	return st_exec(st, "COMMIT");
}

/*
 * Say why replay_commit() or what came before it failed (`verb`:
 * "schedule", "reschedule"), with what was kept; roll back and clear
 * *out.  The store status.
 */
static int replay_fail(struct store *st, int rc, int bad, const char *verb,
		       const char *qid, const char *doing, const char *kept,
		       struct fsrs_review *out, struct sb *err)
{
	int status;
	if (bad) {
		sb_addf(err,
			"cannot %s question '%s': a stored review "
			"is out of range; %s",
			verb, qid, kept);
		status = STORE_EINVAL;
	} else {
		status = st_fail(st, rc, err, doing, kept);
	}
	st_rollback(st);
	if (out)
		memset(out, 0, sizeof(*out));
	return status;
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
	int scheduled = 0, old = 0, bad = 0, rc, status;

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
	if ((rc = begin_on_attempt(st, attempt_id, 0, &qid, &scheduled, &old,
				   &status, err)))
		goto fail;
	if (status)
		goto out;
	st_hex64(ver, rubric_version);
	if (rep)
		json_str_array(&notes, (const char *const *)rep->notes,
			       rep->nnotes);
	if ((rc = st_prep(
		     st, &s,
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
		sqlite3_bind_text(s, 11, notes.buf, (int)notes.len,
				  SQLITE_STATIC);
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
	if ((rc = replay_commit(st, qid, schedule, p, attempt_id, out, &bad)))
		goto fail;
	status = STORE_OK;
	goto out;
fail:
	status = replay_fail(st, rc, bad, "schedule", qid, doing.buf, kept.buf,
			     out, err);
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
	int scheduled = 0, old = 0, bad = 0, rc, status;
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
	if ((rc = begin_on_attempt(st, attempt_id, 1, &qid, &scheduled, &old,
				   &status, err)))
		goto fail;
	if (status)
		goto out;
	if (undo) {
		if ((rc = st_prep(
			     st, &s,
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
		if ((rc = st_prep(st, &s,
				  "DELETE FROM grade_changes WHERE id = ?")))
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
		if ((rc = st_prep(
			     st, &s,
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
	if ((rc = st_prep(st, &s,
			  "UPDATE attempts SET final_grade = ? WHERE id = ?")))
		goto fail;
	sqlite3_bind_int(s, 1, grade);
	sqlite3_bind_int64(s, 2, attempt_id);
	if ((rc = st_step_done(s)))
		goto fail;
	if ((rc = replay_commit(st, qid, scheduled, p, attempt_id, out, &bad)))
		goto fail;
	status = STORE_OK;
	goto out;
out_review : {
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
	status = replay_fail(st, rc, bad, "reschedule", qid, doing.buf,
			     "the grade was not changed", out, err);
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
	int rc = st_prep(
		st, &s,
		"SELECT q.id, q.retired, c.stability, c.difficulty,"
		" c.last_review, c.due, c.reps, c.lapses, c.first_review,"
		" qs.last_main_score, qs.last_at, coalesce(qs.attempts, 0)"
		" FROM questions q LEFT JOIN cards c ON c.question_id = q.id"
		" LEFT JOIN question_stats qs ON qs.question_id = q.id"
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

/*
 * The bank's questions by id: an open-addressed table of indexes, a
 * power of two at least twice their number, so a row finds its
 * questions in about one probe.  Building it reads each id once; the
 * sort it replaced compared every id a dozen times (issue 11).
 */
struct id_index {
	size_t *slot; /* index + 1; 0 empty */
	size_t mask;
};

static size_t id_hash(const char *s)
{
	/* FNV-1a */
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (size_t)(h ^ (h >> 29));
}

static void id_index_build(struct id_index *x, const struct bank *b)
{
	size_t n = 16, i;
	while (n < 2 * b->q.nr)
		n *= 2;
	x->slot = xcalloc(n, sizeof(*x->slot));
	x->mask = n - 1;
	for (i = 0; i < b->q.nr; i++) {
		size_t at = id_hash(b->q.v[i].id) & x->mask;
		while (x->slot[at])
			at = (at + 1) & x->mask;
		x->slot[at] = i + 1;
	}
}

/*
 * Hand each row of one table (question_id first) to `take` with every
 * bank question of that id (one, unless the bank holds a duplicate):
 * one pass over the table and one probe per row.
 */
static int merge_rows(struct store *st, const char *sql, const struct bank *b,
		      const struct id_index *x, struct queue_question *v,
		      void (*take)(sqlite3_stmt *s, struct queue_question *q))
{
	sqlite3_stmt *s = NULL;
	int rc = st_prep(st, &s, sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		size_t at;
		if (!id)
			continue;
		for (at = id_hash(id) & x->mask; x->slot[at];
		     at = (at + 1) & x->mask)
			if (!strcmp(b->q.v[x->slot[at] - 1].id, id))
				take(s, &v[x->slot[at] - 1]);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void take_card(sqlite3_stmt *s, struct queue_question *q)
{
	read_card(s, 1, &q->card);
	q->first_review = st_col_ll(s, 7, 0);
}

static void take_stats(sqlite3_stmt *s, struct queue_question *q)
{
	q->last_score = st_col_dbl(s, 1, -1);
	q->attempts = sqlite3_column_int(s, 2);
}

static int queue_input(struct store *st, const struct bank *b, int scores,
		       struct queue_question **out, struct sb *err)
{
	struct queue_question *v;
	struct id_index x = {0};
	size_t i;
	int rc = SQLITE_OK;

	*out = NULL;
	v = xcalloc(b->q.nr ? b->q.nr : 1, sizeof(*v));
	for (i = 0; i < b->q.nr; i++) {
		const struct question *q = &b->q.v[i];
		v[i].id = q->id;
		v[i].category = q->category;
		v[i].tags = q->tags;
		v[i].ntags = q->ntags;
		v[i].level = (int)q->level;
		v[i].last_score = -1;
	}
	if (st && b->q.nr) {
		id_index_build(&x, b);
		/* Two scans, each row looked up by id, instead of a join that
		 * looked up each question's card and stats row (and read its
		 * questions row, prompt and all) one by one. */
		rc = merge_rows(st,
				"SELECT question_id, stability, difficulty,"
				" last_review, due, reps, lapses, first_review"
				" FROM cards ORDER BY question_id",
				b, &x, v, take_card);
		if (!rc && scores)
			rc = merge_rows(st,
					"SELECT question_id, last_main_score,"
					" attempts FROM question_stats"
					" ORDER BY question_id",
					b, &x, v, take_stats);
		free(x.slot);
	}
	if (rc) {
		free(v);
		return st_fail(st, rc, err, "reading the cards", NULL);
	}
	*out = v;
	return STORE_OK;
}

int store_queue_questions(struct store *st, const struct bank *b,
			  struct queue_question **out, struct sb *err)
{
	return queue_input(st, b, 1, out, err);
}

int store_queue_cards(struct store *st, const struct bank *b,
		      struct queue_question **out, struct sb *err)
{
	return queue_input(st, b, 0, out, err);
}

int store_last_scores(struct store *st, const char *const *ids, size_t n,
		      double *scores, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	size_t i;
	int rc = st_prep(st, &s,
			 "SELECT last_main_score FROM question_stats"
			 " WHERE question_id = ?");
	for (i = 0; i < n; i++)
		scores[i] = -1;
	for (i = 0; !rc && i < n; i++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			scores[i] = st_col_dbl(s, 0, -1);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, "reading the last scores", NULL);
	return STORE_OK;
}
