/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * substance: what each sentence of an answer actually commits to.
 *
 * An interviewer credits a sentence that carries substance: a number or
 * quantity, a concrete named thing (a product, team, metric or system
 * written as a name), an action the speaker took or will take, a decision
 * with its reason, a cause and its effect.  A sentence with none of these
 * says nothing checkable, whatever words it contains.  substance_analyze()
 * reads each segment of an answer (byte ranges from the scorer) and gives
 * it a credit in [0, 1] by these general rules, and measures the answer as
 * a whole: the share of substantive sentences, specific tokens against
 * abstract ones (slogans, abstract nouns, empty intensifiers, framework
 * names that are never applied).  No rubric and no question are needed:
 * the rules are the same for every answer.  docs/SCORING.md lists them.
 *
 * word_next() is the word rule every part of the scorer shares: a run of
 * letters and digits (any non-ASCII byte counts as a letter); an
 * apostrophe or hyphen between two word bytes joins them.  It returns the
 * end of the word starting at or after i, with its start in *start, or
 * len + 1 when there is none.
 *
 * Pure; the result owns its array (substance_release()).
 */
#ifndef PMDRILL_SUBSTANCE_H
#define PMDRILL_SUBSTANCE_H

#include <stddef.h>

struct substance_seg {
	size_t start, end;
	unsigned words;
	unsigned numbers;    /* digits, amounts, number words */
	unsigned names;      /* capitalised names and acronyms mid-sentence */
	unsigned actions;    /* I/we + a concrete verb (done or planned) */
	unsigned abstract;   /* slogans, abstract nouns, empty intensifiers */
	unsigned frameworks; /* framework names (RICE, MoSCoW, HEART ...) */
	int decision, reason, cause;
	double credit; /* 0.25 .. 1 */
};

struct substance {
	struct substance_seg *seg;
	size_t nseg;
	unsigned sentences;   /* segments of 4+ words */
	double share;         /* mean credit over those sentences */
	double specific_rate; /* numbers+names+actions per 100 words */
	double abstract_rate; /* abstract words per 100 words */
	unsigned numbers;     /* over the whole answer */
	unsigned frameworks, frameworks_applied;
};

#define SUBSTANCE_MIN_CREDIT 0.25

size_t word_next(const char *s, size_t len, size_t i, size_t *start);
/* segs: nseg byte ranges [start, end) of s, in order. */
void substance_analyze(struct substance *out, const char *s, size_t len,
		       const size_t (*segs)[2], size_t nseg);
/* The index of the segment holding byte offset off, or -1; its credit
 * (1 if none). */
long substance_seg_at(const struct substance *sub, size_t off);
double substance_credit_at(const struct substance *sub, size_t off);
void substance_release(struct substance *sub);

#endif
