/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bank: every loaded question and rubric, checked as a whole.
 *
 * The shell reads files and feeds their bytes to bank_add_questions() and
 * bank_add_rubrics() in load order; bank_validate() then checks what only
 * the whole can tell: duplicate question ids (naming both places) and
 * rubric names, and questions whose rubric nothing defines.  Pure: no I/O.
 * The bank owns everything; bank_release() frees it.
 */
#ifndef PMDRILL_BANK_H
#define PMDRILL_BANK_H

#include <stddef.h>

#include "model.h"
#include "qbank.h"
#include "rubric.h"
#include "score.h"

struct diag_list;

struct bank {
	struct qbank q;
	struct rubric_set r;
	struct model model; /* the fitted scoring model (model.h), if loaded */
	struct lexicon lex; /* how common each prompt word is (score.h) */
	int lex_ready;      /* lex is built for the questions now loaded */
	/* Set by the shell when the bank came unchanged from its cache (the
	 * cache's checksum, which changes whenever a bank file may have):
	 * the store skips recording a bank it has recorded.  0 unknown. */
	unsigned long long fingerprint;
	/* Decoded without the questions' Expect lines (nexpect 0; see
	 * bankcache_decode_part()): for listing and queueing, never for
	 * scoring or for writing a cache. */
	int partial;
};

int bank_add_questions(struct bank *b, const char *file, const char *buf,
		       size_t len, struct diag_list *dl);
int bank_add_rubrics(struct bank *b, const char *file, const char *buf,
		     size_t len, struct diag_list *dl);
/* The scoring model (rubrics/weights.fit); the first one loaded wins.
 * bank_validate() lends it to every rubric. */
int bank_add_model(struct bank *b, const char *file, const char *buf,
		   size_t len, struct diag_list *dl);
/*
 * Cross-file checks.  Questions whose id is a duplicate (the later one) or
 * whose rubric is unknown are reported and removed, so what is left can
 * be drilled.  If compile_all, every rubric's patterns and every
 * question's Expect patterns are compiled too (for `check`).
 */
void bank_validate(struct bank *b, int compile_all, struct diag_list *dl);
/* The lexicon of every loaded prompt, built on first use (it costs time
 * in proportion to the bank, so only commands that score pay it), and
 * lent to every rubric: call it before scoring.  bank_validate() drops
 * it, as the questions may have changed. */
const struct lexicon *bank_lexicon(struct bank *b);
/* The rubric of question i (NULL if none). */
struct rubric *bank_rubric_of(struct bank *b, size_t qi);
/* Distinct categories, sorted; returns count; *out is caller-freed array
 * of borrowed strings. */
size_t bank_categories(const struct bank *b, const char ***out);
/* Distinct tags, sorted, the same way. */
size_t bank_tags(const struct bank *b, const char ***out);
/* Filter values (--category, --tag): 0 if some question has it, else -1
 * with "unknown category 'V' (valid: ...)" in err (appended to). */
struct sb;
int bank_check_category(const struct bank *b, const char *v, struct sb *err);
int bank_check_tag(const struct bank *b, const char *v, struct sb *err);
unsigned bank_question_time(const struct bank *b, size_t qi);
void bank_release(struct bank *b);

#endif
