/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rubric: rubric files parsed into criteria, and their PCRE2 patterns.
 *
 * rubric_parse() reads one rubric file from a buffer (docs/FORMATS.md) and
 * appends its rubrics to a `struct rubric_set`, reporting every problem
 * into `dl` and going on.  Patterns are NOT compiled by parsing:
 * rubric_compile() compiles one rubric's patterns (caseless, UTF, UCP) on
 * first use, reporting each failure at the file column of the offending
 * character with PCRE2's own message; it returns -1 if any failed (the
 * failed patterns stay NULL and never match).  The set owns everything;
 * rubric_set_release() frees it, compiled code included.
 */
#ifndef PMDRILL_RUBRIC_H
#define PMDRILL_RUBRIC_H

#include <stddef.h>
#include <stdint.h>

struct diag_list;
struct model;
struct lexicon;
struct pcre2_real_code_8;
struct pattern_prog;

enum crit_kind {
	CRIT_KEYWORDS,
	CRIT_STAGES,
	CRIT_RATIO,
	CRIT_CONCRETENESS,
	CRIT_LENGTH,
	CRIT_PENALTY,
	CRIT_EXPECT,
	CRIT_KIND_MAX
};

enum crit_where { WHERE_ANYWHERE, WHERE_FIRST, WHERE_LAST };

/* Does a criterion score answers to follow-up questions?  By default
 * stages, expectations, length and criteria tied to a place in the answer
 * (Where:) do not: a follow-up answer is short and answers a narrower
 * question. */
enum crit_followups { FOLLOWUP_DEFAULT, FOLLOWUP_SCORE, FOLLOWUP_SKIP };
/* Instead: which fact about the answer explains a miss of this criterion
 * (the scorer says it before the Feedback when it holds). */
enum crit_instead {
	INSTEAD_NONE,
	INSTEAD_NUMBERS,    /* no figures at all */
	INSTEAD_DECISION,   /* no sentence commits to a choice */
	INSTEAD_FRAMEWORKS, /* frameworks named, none applied */
	INSTEAD_WE,         /* "we" where the story needs "I" */
};

struct pattern {
	char *label; /* stages only; NULL otherwise */
	char *src;
	unsigned line, col;
	int against;                    /* ratio: counted against */
	struct pcre2_real_code_8 *code; /* after rubric_compile(); NULL if bad */
	/* The same pattern without Unicode properties (PCRE2_UCP), for an
	 * ASCII-only source: it matches exactly as `code` does on a text
	 * whose non-ASCII characters are all punctuation or symbols
	 * (score.c checks), and runs faster.  NULL otherwise. */
	struct pcre2_real_code_8 *fast;
	/* What the scorer runs (pattern.h); owns `code` and `fast`, which
	 * are borrowed from it.  NULL if bad. */
	struct pattern_prog *prog;
};

struct criterion {
	char *name;
	char *label;
	char *feedback;  /* may be NULL */
	char **examples; /* Example: lines; the scorer shows one that fits */
	size_t nexamples, aexamples;
	enum crit_kind kind;
	double weight;
	double min; /* keywords, stages, ratio; 0 = default */
	int count_matches;
	enum crit_where where;
	enum crit_followups followups;
	enum crit_instead instead;
	double where_pct;            /* 0..100 */
	double target;               /* ratio, concreteness; 0 = default */
	unsigned ideal_lo, ideal_hi; /* length; 0 = from time */
	unsigned wpm_lo, wpm_hi;
	double allow, full; /* penalty; <0 = default */
	struct pattern *pats;
	size_t npats, apats;
	unsigned line;
};

struct rubric {
	char *name;
	char *title;
	char *description; /* may be NULL */
	char *outline;     /* may be NULL */
	unsigned time_s;   /* default time of its questions */
	unsigned min_words;
	char *file;
	unsigned line;
	uint64_t version; /* FNV-1a of the file's bytes */
	struct criterion *crit;
	size_t ncrit, acrit;
	int compiled;              /* 0 not yet, 1 ok, -1 had errors */
	const struct model *model; /* borrowed: the fitted model, or NULL */
	const struct lexicon
		*lex; /* borrowed: the bank's prompt words, or NULL */
};

struct rubric_set {
	struct rubric *v;
	size_t nr, alloc;
};

#define RUBRIC_DEFAULT_TIME 600u
#define RUBRIC_DEFAULT_MIN_WORDS 60u

int rubric_parse(struct rubric_set *rs, const char *file, const char *buf,
		 size_t len, struct diag_list *dl);
/* Compile every pattern of r (once; later calls return the first result).
 * jit: also JIT-compile where PCRE2 supports it (the interpreter is the
 * fallback either way). */
int rubric_compile(struct rubric *r, int jit, struct diag_list *dl);
long rubric_find(const struct rubric_set *rs, const char *name);
void rubric_set_release(struct rubric_set *rs);
const char *crit_kind_name(enum crit_kind k);
uint64_t fnv1a64(const void *buf, size_t len);

#endif
