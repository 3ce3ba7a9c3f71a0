/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pattern: how pmdrill writes and compiles its PCRE2 patterns, for both
 * question Expect lines and rubric criteria.
 *
 * pattern_compile() compiles a source caseless, UTF and UCP, JIT when asked
 * (the interpreter is the fallback either way); on failure it reports at
 * the file column of the offending character with PCRE2's own message and
 * returns NULL.  pattern_compile_ascii() is the same pattern without
 * Unicode properties, for an ASCII-only source (else it returns NULL
 * without a diagnostic).  The caller owns the code and frees it with
 * pattern_free(), which takes NULL.  No state, no I/O.
 *
 * pattern_prog_compile() is what the scorer runs: the whole pattern (as
 * pattern_compile(), reporting the same errors) plus a plan to find the
 * same matches faster.  A top-level alternation `A|B` is compiled branch
 * by branch (each with its own start-of-match optimisations; the scorer
 * merges their matches leftmost first, the first branch winning a tie,
 * which is what PCRE2 finds for the whole), and each branch may carry the
 * literals one of which every match contains, so that a text without any
 * of them need not be searched.  Anything the plan's reader does not
 * understand (back-references, \Q, (?x), POSIX classes...) leaves the
 * pattern whole and unfiltered.  The literal test is only sound on a text
 * of ASCII and case-less non-letters (score.c's plain text).  The caller
 * owns the plan; pattern_prog_free() frees it and its code, and takes NULL.
 */
#ifndef PMDRILL_PATTERN_H
#define PMDRILL_PATTERN_H

#include <stddef.h>

struct diag_list;
struct pcre2_real_code_8;

struct pcre2_real_code_8 *pattern_compile(const char *src, const char *file,
					  unsigned line, unsigned col, int jit,
					  struct diag_list *dl);
struct pcre2_real_code_8 *pattern_compile_ascii(const char *src,
						const char *file, unsigned line,
						unsigned col, int jit,
						struct diag_list *dl);
void pattern_free(struct pcre2_real_code_8 *code);
#define PATTERN_BRANCH_MAX 8 /* branches a pattern is split into, at most */

/* One separately compiled branch of a pattern. */
struct pattern_branch {
	struct pcre2_real_code_8 *code; /* caseless, UTF, UCP */
	struct pcre2_real_code_8 *fast; /* the same without UCP, or NULL */
	/* Lower-case ASCII literals, each NUL-terminated, ending with an
	 * empty one: every match contains one of them.  NULL: none known. */
	char *lits;
	/* One of them starts at most this many bytes into every match; -1:
	 * no bound known.  Compiled with PCRE2_USE_OFFSET_LIMIT, so that
	 * the search can be kept to where such a start is possible. */
	long lead;
};

struct pattern_prog {
	struct pcre2_real_code_8 *code; /* the whole pattern (UCP) */
	struct pcre2_real_code_8 *fast; /* the whole without UCP, or NULL */
	struct pattern_branch *br;      /* what to run, in branch order */
	size_t nbr;
};

/* Which byte trigrams (ASCII lower-cased) a text holds and where, for
 * pattern_may_match() and pattern_windows(); pattern_index_build() fills
 * it, pattern_index_release() frees what it holds. */
#define PATTERN_INDEX_HEADS 4096u
struct pattern_index {
	unsigned char tri[8192]; /* hashed trigrams */
	unsigned char bi[8192];  /* every bigram */
	unsigned char one[32];   /* every byte */
	char *low;               /* the text, ASCII lower-cased */
	size_t len;
	int head[PATTERN_INDEX_HEADS]; /* a trigram hash's first position */
	int *next;                     /* the next position, or -1 */
};

struct pattern_prog *pattern_prog_compile(const char *src, const char *file,
					  unsigned line, unsigned col, int jit,
					  struct diag_list *dl);
void pattern_prog_free(struct pattern_prog *pp);
void pattern_index_build(struct pattern_index *ix, const char *s, size_t len);
/* 0 when no match of br can be in the text of ix (a plain text only). */
int pattern_may_match(const struct pattern_branch *br,
		      const struct pattern_index *ix);
/* Where br's literals start in the text of ix (a plain text only), in
 * order and at most max of them, into at[]: then every match of br
 * starts in one of the windows [at[i] - br->lead, at[i]].  Returns how
 * many, or (size_t)-1 when br cannot be searched that way (no bound,
 * more than max places). */
size_t pattern_windows(const struct pattern_branch *br,
		       const struct pattern_index *ix, size_t *at, size_t max);
void pattern_index_release(struct pattern_index *ix);

#endif
