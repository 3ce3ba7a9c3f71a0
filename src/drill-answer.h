/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill-answer: one answer in a drill or a mock — typing it, saving it
 * before anything else, scoring it, the grade prompt and its follow-up.
 * Internal to the drill (drill.h).
 */
#ifndef PMDRILL_DRILL_ANSWER_H
#define PMDRILL_DRILL_ANSWER_H

#include <stddef.h>

struct answer;
struct fsrs_review;
struct score_report;
struct session;

/* How collecting an answer ended. */
enum answer_end {
	ANSWER_DONE,  /* '.' or Ctrl-D after some text */
	ANSWER_EMPTY, /* '.' with nothing typed */
	ANSWER_SKIP,  /* :skip, or Ctrl-C and "discard" */
	ANSWER_QUIT,  /* :quit, or Ctrl-D with nothing typed */
	ANSWER_HANGUP /* SIGHUP/SIGTERM: the draft is saved */
};

/* Read the answer until '.', :skip, :quit, EOF, a hang-up or the set's
 * deadline (s->deadline). */
enum answer_end drill_collect_answer(struct session *s, struct answer *a);
/*
 * Commit the raw answer (store_begin_attempt) before anything else, then
 * score it and store the score (with `schedule`, review the card).
 * Fills *attempt, *rep (caller releases with score_report_release()) and
 * *rv; -1 if the answer could not be saved (it is then kept as a draft).
 * With s->quiet (a mock) no report is shown.
 */
int drill_save_and_score(struct session *s, struct answer *a, int schedule,
			 long long *attempt, struct score_report *rep,
			 struct fsrs_review *rv);
void drill_answer_init(struct session *s, struct answer *a, size_t qi,
		       int follow_up, long long parent);
enum answer_end run_answer(struct session *s, struct answer *a, size_t num,
			   size_t total, int schedule, long long *attempt_out);
enum answer_end offer_follow_up(struct session *s, size_t qi, long long parent);

#endif
