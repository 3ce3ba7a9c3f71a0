/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * qbank: question files parsed into questions.
 *
 * qbank_parse() reads one question file from a buffer (docs/FORMATS.md) and
 * appends its questions to a `struct qbank`; every problem goes into `dl`
 * with its file, line and column, and parsing goes on past it.  A question
 * with an error in a required field is not added.  The bank owns every
 * string of its questions; qbank_release() frees all of it.  Pointers into
 * a bank stay valid until the next qbank_parse() on it (which may move
 * the array) or its release; use indexes across calls.
 */
#ifndef PMDRILL_QBANK_H
#define PMDRILL_QBANK_H

#include <stddef.h>
#include <stdint.h>

struct diag_list;
struct sb;
struct pcre2_real_code_8;
struct pattern_prog;

enum qlevel { QLEVEL_NONE, QLEVEL_APM, QLEVEL_PM, QLEVEL_SENIOR, QLEVEL_TPM };

/* A question-specific expectation, `Expect: LABEL = PATTERN`. */
struct qexpect {
	char *label;
	char *pattern;
	unsigned line, col;             /* where the pattern starts */
	struct pcre2_real_code_8 *code; /* after qbank_compile_expects() */
	struct pattern_prog *prog;      /* what the scorer runs; owns code */
};

struct question {
	char *id;
	char *category;
	char *prompt;
	char *rubric;    /* as written; NULL means "the category" */
	char *hint;      /* may be NULL */
	unsigned time_s; /* 0: the rubric's default */
	enum qlevel level;
	char **follow_ups;
	size_t nfollow, afollow;
	char **tags;
	size_t ntags, atags;
	struct qexpect *expects;
	size_t nexpect, aexpect;
	char *file; /* where it was defined */
	unsigned line;
	unsigned id_col;
	unsigned rubric_line, rubric_col; /* the Rubric (else Category) value */
	int compiled; /* expects: 0 not yet, 1 ok, -1 errors */
	int borrowed; /* strings and arrays live in the qbank's arena */
	/* A partial decode (bankcache.h) holds the Expect lines back: this
	 * many, at this offset of the cache's records, until
	 * bankcache_expects() reads them into an array of their own
	 * (aexpect then counts it, and release frees it). */
	unsigned held_expects;
	uint32_t held_at;
};

/* A bank decoded from the cache (bankcache.h) has `borrowed` questions:
 * their strings are in the cache's buffer, which the decoder's caller
 * owns, and their arrays in the two blocks here; release frees only
 * their compiled code and the Expect arrays read late (aexpect). */
struct qbank {
	struct question *v;
	size_t nr, alloc;
	char **arena_strs;
	struct qexpect *arena_expects;
	/* after a partial decode: the cache's records and string data,
	 * which the held Expect lines are read from */
	char *held_buf, *held_blob;
	size_t held_len, held_blen;
};

int qbank_parse(struct qbank *qb, const char *file, const char *buf, size_t len,
		struct diag_list *dl);
void qbank_release(struct qbank *qb);
/* Compile a question's Expect patterns once; -1 if any failed (those stay
 * NULL and never match). */
int qbank_compile_expects(struct question *q, int jit, struct diag_list *dl);
/* Index of the question with this id, or -1. */
long qbank_find(const struct qbank *qb, const char *id);
/* The rubric a question uses: its Rubric field, else its category. */
const char *question_rubric(const struct question *q);

const char *qlevel_name(enum qlevel l); /* "" for none */
int qlevel_parse(const char *s, enum qlevel *out);
/* The same for a --level value: -1 with "unknown level 'S' (valid: apm,
 * pm, senior, tpm)" in err (struct sb, appended to). */
int qlevel_option(const char *s, enum qlevel *out, struct sb *err);

#endif
