/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * score: an answer scored against a compiled rubric, with evidence.
 *
 * score_answer() is pure: answer bytes (any bytes: invalid UTF-8 is scored,
 * not rejected), the duration and the time limit, a compiled rubric and an
 * optional question (its compiled Expect patterns) in; a report out.  Every
 * point is traced to evidence: byte ranges [start, end) of the answer.
 * Patterns run under a match limit; one that hits it is reported in `dl`
 * (warning naming the rubric file and line) and earns 0.  How criteria add
 * up, the anti-gaming guards and the grade thresholds are in
 * docs/SCORING.md.  The report owns its strings and arrays, and borrows the
 * rubric (criterion names, labels); release it before the rubric.
 */
#ifndef PMDRILL_SCORE_H
#define PMDRILL_SCORE_H

#include <stddef.h>

#include "model.h"

struct diag_list;
struct rubric;
struct criterion;
struct question;
struct sb;

enum grade { GRADE_NONE, GRADE_AGAIN, GRADE_HARD, GRADE_GOOD, GRADE_EASY };

struct score_evidence {
	size_t start, end;
	const char *what; /* borrowed label (a stage, an expectation), or NULL */
};

struct score_item {
	const struct criterion *crit; /* borrowed */
	const char *name;
	const char *label;
	int kind;      /* enum crit_kind */
	double weight; /* points possible (penalty: most it can take off) */
	double earned; /* points earned; penalty: points taken off (>= 0) */
	double scaled; /* contribution to the 0-100 score (penalty: <= 0) */
	double model_weight; /* the weight the model reads (a follow-up's
			      * missed criterion: less) */
	double raw;     /* result in [0, 1] before sentence credit (-1: n/a) */
	int active;     /* counts in the total */
	int met;        /* earned == weight (penalty: nothing taken off) */
	int limited;    /* a pattern hit the match limit */
	char *detail;   /* what was counted, e.g. "2 of 3 concepts" */
	char *feedback; /* when not met: what a strong answer does */
	struct score_evidence *ev;
	size_t nev, aev;
};

struct score_report {
	double score; /* 0..100 */
	int grade;    /* enum grade */
	unsigned words;
	unsigned sentences;
	long duration_ms; /* -1: unknown */
	unsigned limit_s; /* time limit used */
	double wpm;       /* 0 when the duration is unknown or under a second */
	double prose_share;   /* share of words in real sentences */
	double density;       /* distinct keyword hits per 100 words */
	double guard;         /* factor applied to keyword-type criteria */
	double length_factor; /* floor under length */
	double relevance; /* 0..1 how much the answer is about the question; -1 unknown */
	double topic_factor; /* factor applied for relevance */
	double rel_expect, rel_prompt, rel_task; /* its parts; -1 when absent */
	double rel_focus; /* share of its content words that are the prompt's */
	unsigned prompt_terms,
		prompt_hits;  /* the question's key words, and found */
	double substance;     /* mean substance credit of the sentences, 0..1 */
	double specific_rate; /* numbers, names, actions per 100 words */
	double abstract_rate; /* slogans and abstract words per 100 words */
	unsigned frameworks, frameworks_applied;
	double features
		[MODEL_NFEATURES]; /* the model's answer-wide inputs (model.h) */
	double linear; /* the model's score before gates and penalties */
	int followup;  /* scored as an answer to a follow-up */
	struct score_item *items;
	size_t nitems;
	char **notes; /* plain-language remarks on the whole answer */
	size_t nnotes, anotes;
};

/*
 * How common each key word is among a bank's prompts (its document
 * frequency).  Relevance weighs a prompt word by how rare it is there: a
 * word most prompts share ("team", "handle", "happened") says little about
 * which question an answer is for; "criticised" or "onboarding" says a
 * lot.  Built by the bank from every loaded prompt; pure.
 */
struct lexicon {
	char (*stem)[24]; /* sorted */
	unsigned *df;
	size_t n;
	unsigned ndocs;
};
void lexicon_build(struct lexicon *lx, const char *const *prompts, size_t n);
/* The weight of a word given its stem: 1 for a word only one prompt uses,
 * falling with log(ndocs / df); 1 when the lexicon is too small to tell. */
double lexicon_weight(const struct lexicon *lx, const char *stem);
void lexicon_release(struct lexicon *lx);

int score_answer(struct score_report *rep, const struct rubric *r,
		 const struct question *q, const char *text, size_t len,
		 long duration_ms, unsigned limit_s, struct diag_list *dl);
/* The same for an answer to a follow-up question: relevance is judged
 * against `followup` (the main prompt weighs less), and only the rubric's
 * criteria that apply to a follow-up count (rubric.h). */
int score_followup(struct score_report *rep, const struct rubric *r,
		   const struct question *q, const char *followup,
		   const char *text, size_t len, long duration_ms,
		   unsigned limit_s, struct diag_list *dl);
void score_report_release(struct score_report *rep);
/* The proposed grade for a score and a time (docs/SCORING.md). */
int score_grade(double score, long duration_ms, unsigned limit_s);
const char *grade_name(int grade); /* "again" .. "easy" */
/* Count words (runs of letters/digits, UTF-8 aware). */
unsigned count_words(const char *text, size_t len);
/* The report as one JSON object (keys in docs/SCORING.md). */
void score_report_json(const struct score_report *rep, const char *rubric,
		       const char *question, const char *text, size_t len,
		       struct sb *out);

#endif
