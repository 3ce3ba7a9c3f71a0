/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-attempt: saving answers, their scores and grades, and the cards
 * they schedule (store-attempt.c).  Errors and memory as store.h says.
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
 */
#ifndef PMDRILL_STORE_ATTEMPT_H
#define PMDRILL_STORE_ATTEMPT_H

#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"

struct bank;
struct sb;
struct score_report;
struct store;

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
 * The same with the cards only: no last scores (-1) or attempt counts
 * (0), one table scan fewer.  What the normal (not cram) queue needs to
 * choose and count; store_last_scores() then fills in the few shown.
 */
int store_queue_cards(struct store *st, const struct bank *b,
		      struct queue_question **out, struct sb *err);
/* The last main score of each of n questions (-1 if none) into
 * scores[0..n), as store_queue_questions() reads them. */
int store_last_scores(struct store *st, const char *const *ids, size_t n,
		      double *scores, struct sb *err);

#endif
