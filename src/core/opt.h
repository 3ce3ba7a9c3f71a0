/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * opt: the one command-line grammar every pmdrill command parses with.
 *
 * getopt_long's conventions, table-driven and silent:
 *
 *   --name=value  --name value     a long option that takes a value
 *   -q value  -qvalue              a short one; flags cluster: -ab, -abVALUE
 *   --                             everything after it is an operand
 *   -                              an operand (standard input, by custom)
 *
 * Options and operands may interleave; opt_next() hands operands back in
 * order as it meets them (GNU getopt's "return in order"), which is what
 * permuting would give a command that reads its operands one by one.  Long
 * names match exactly (no abbreviations).  An empty value (--x= or --x "")
 * counts as a missing one.
 *
 * Errors: opt_next() returns OPT_ERROR and writes one message into `err`
 * (the caller's sb, appended to; no stdio here), in the house style:
 * "unknown option '--x'", "option '--time' needs a value", "option
 * '--json' takes no value".  The caller adds "pmdrill: CMD: " and the
 * usage and exits 64.  Nothing is allocated; `value` points into argv.
 *
 * opt_number() and opt_choice() check option values the same way for
 * every command: numbers with no sign, junk or overflow; a value from a
 * known set, with the set listed when it is not one of them.
 */
#ifndef PMDRILL_OPT_H
#define PMDRILL_OPT_H

#include <stddef.h>

struct sb;

enum { OPT_DONE = 0, OPT_OPERAND = -1, OPT_ERROR = -2 };
enum { OPT_FLAG = 0, OPT_VALUE = 1 };

/* One row of a command's table; the table ends with a row of zeros. */
struct opt {
	const char *name; /* "time" for --time; NULL: short only */
	char short_name;  /* 'q' for -q; 0: long only */
	int takes_value;  /* OPT_FLAG or OPT_VALUE */
	int id;           /* > 0: what opt_next() returns for it */
};

struct opt_parser {
	int argc;
	char **argv;
	int ind;             /* next argv element to read */
	const char *cluster; /* the rest of a group of short flags */
	int operands_only;   /* "--" seen */
	const char *value;   /* the option's value, or the operand */
	char name[40];       /* the option as spelled: "--time" or "-q" */
};

/* Start at argv[1] (argv[0] is the command's name). */
void opt_init(struct opt_parser *p, int argc, char **argv);
/*
 * The next option's id (value in p->value when it takes one), OPT_OPERAND
 * (the operand in p->value), OPT_DONE at the end, or OPT_ERROR with the
 * message in err.  After OPT_OPERAND, p->ind is the operand's index + 1.
 */
int opt_next(struct opt_parser *p, const struct opt *table, struct sb *err);

/*
 * A whole decimal number in [min, max] (max < 0: no upper bound): digits
 * only, no sign, no space, no overflow.  0, or -1 with "OPT takes a
 * number from MIN to MAX, not 'V'" in err; with `unit` ("seconds") the
 * message says "OPT takes whole seconds (MIN to MAX), not 'V'".
 */
int opt_number(const char *opt, const char *v, long long min, long long max,
	       const char *unit, long long *out, struct sb *err);
/*
 * The index of v in valid[0..n) (case-insensitive if fold), or -1 with
 * "unknown WHAT 'V' (valid: a, b, c)" in err.
 */
int opt_choice(const char *what, const char *v, const char *const *valid,
	       size_t n, int fold, struct sb *err);
/* That message alone, for sets checked elsewhere (a bank's categories). */
void opt_unknown(struct sb *err, const char *what, const char *v,
		 const char *const *valid, size_t n);
/*
 * The grade vocabulary of every command and the drill: 1-4 or again,
 * hard, good, easy in any case (fsrs_rating_parse()).  1..4, or -1 with
 * "unknown grade 'V' (valid: again, hard, good, easy, 1-4)" in err.
 */
int opt_grade(const char *v, struct sb *err);

#endif
