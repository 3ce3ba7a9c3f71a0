/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for pattern: the plan the scorer runs (branches, literals). */
#include "pattern.h"

#include <string.h>

#include <pcre2.h>

#include "diag.h"
#include "tap.h"

static struct diag_list dl;

static struct pattern_prog *prog(const char *src)
{
	return pattern_prog_compile(src, "r.txt", 1, 1, 1, &dl);
}

/* Is s one of the literals of br? */
static int has_lit(const struct pattern_branch *br, const char *s)
{
	const char *l;
	if (!br->lits)
		return 0;
	for (l = br->lits; *l; l += strlen(l) + 1)
		if (!strcmp(l, s))
			return 1;
	return 0;
}

/* Where the first match of br in s starts, or -1. */
static long first_at(const struct pattern_branch *br, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc =
		pcre2_match(br->code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	long at = rc < 0 ? -1 : (long)pcre2_get_ovector_pointer(md)[0];
	pcre2_match_data_free(md);
	return at;
}

static void test_literals(void)
{
	struct pattern_prog *pp = prog("\\b(goals?|objectives?|OKRs?)\\b");
	ok(pp && pp->nbr == 1 && pp->br[0].code == pp->code,
	   "one top-level branch runs whole");
	ok(pp && has_lit(&pp->br[0], "goal") && has_lit(&pp->br[0], "okr") &&
		   has_lit(&pp->br[0], "objective"),
	   "every alternative's literal, lower-cased");
	pattern_prog_free(pp);
	pp = prog("(\\w+ ){1,3}first\\b");
	ok(pp && has_lit(&pp->br[0], "first"),
	   "the longest literal a sequence requires");
	pattern_prog_free(pp);
	pp = prog("\\b(do|ship) (\\w+ ){1,3}first\\b");
	ok(pp && has_lit(&pp->br[0], "ship ") && pp->br[0].lead == 0,
	   "... unless a shorter one bounds where a match starts");
	pattern_prog_free(pp);
	pp = prog("\\bI(['’]d| would) (pick|choose)\\b");
	ok(pp && has_lit(&pp->br[0], " pick") && has_lit(&pp->br[0], " choose"),
	   "a non-ASCII class contributes nothing, the rest still counts");
	pattern_prog_free(pp);
	pp = prog("\\b\\d+\\s?%");
	ok(pp && has_lit(&pp->br[0], "%"), "a one-byte literal");
	pattern_prog_free(pp);
	pp = prog("\\b(team|)\\b");
	ok(pp && !pp->br[0].lits, "an empty alternative: no literals");
	pattern_prog_free(pp);
	pp = prog("colou?r");
	ok(pp && (has_lit(&pp->br[0], "color") || has_lit(&pp->br[0], "colo")),
	   "an optional letter");
	pattern_prog_free(pp);
	pp = prog("\\bx*y?\\b");
	ok(pp && !pp->br[0].lits, "nothing required: no literals");
	pattern_prog_free(pp);
}

static void test_unread(void)
{
	static const char *const unread[] = {
		"(?x) a b c", "[[:alpha:]]+ing", "\\Qabc\\E", "(a)?(?(1)b|c)",
		"\\Gabc",     "ab\\Kcd",         "(*UTF)abc",
	};
	size_t i;
	for (i = 0; i < sizeof(unread) / sizeof(*unread); i++) {
		struct pattern_prog *pp = prog(unread[i]);
		ok(pp && pp->nbr == 1 && !pp->br[0].lits,
		   "'%s' is left whole and unfiltered", unread[i]);
		pattern_prog_free(pp);
	}
}

static void test_split(void)
{
	struct pattern_prog *pp = prog("\\bsummary\\b|(?m)^\\W*so:|\\bnet:");
	ok(pp && pp->nbr == 3, "a top-level alternation runs by branch");
	ok(pp && has_lit(&pp->br[0], "summary") && has_lit(&pp->br[1], "so:") &&
		   has_lit(&pp->br[2], "net:"),
	   "each branch with its own literals");
	ok(pp && first_at(&pp->br[1], "a\nso: b") == 2,
	   "a setting applies to its own branch");
	ok(pp && first_at(&pp->br[2], "x\nnet:") == 2,
	   "... and to the branches after it");
	pattern_prog_free(pp);
	pp = prog("(a|b)|c");
	ok(pp && pp->nbr == 2, "groups do not split");
	pattern_prog_free(pp);
	pp = prog("(a)\\1|q");
	ok(pp && pp->nbr == 1, "a back-reference keeps the branches together");
	pattern_prog_free(pp);
	diag_release(&dl);
	ok(!prog("a|(b") && dl.nr == 1, "a bad pattern: NULL, reported once");
	diag_release(&dl);
}

static void test_index(void)
{
	static struct pattern_index ix;
	struct pattern_prog *pp = prog("\\b(goals?|objectives?)\\b");
	struct pattern_prog *other = prog("\\bretention\\b");
	struct pattern_prog *none = prog("\\d+");
	pattern_index_build(&ix, "Our GOAL is growth.", 19);
	ok(pp && pattern_may_match(&pp->br[0], &ix),
	   "a literal in the text, in another case");
	ok(other && !pattern_may_match(&other->br[0], &ix),
	   "no literal in the text: no match possible");
	ok(none && pattern_may_match(&none->br[0], &ix),
	   "no literals known: may always match");
	pattern_index_release(&ix);
	pattern_prog_free(pp);
	pattern_prog_free(other);
	pattern_prog_free(none);
}

static void test_windows(void)
{
	static struct pattern_index ix;
	const char *text =
		"We defer it. I'd pick A; we deferred B, then pick C.";
	size_t at[8], n;
	struct pattern_prog *pp = prog("\\b(defer\\w*|postpon\\w*)\\b");
	struct pattern_prog *pick = prog("\\bI(['’]d| would) (pick|choose)\\b");
	struct pattern_prog *loose = prog("\\b\\w+ first\\b");
	struct pattern_prog *tiny = prog("\\bA;");
	pattern_index_build(&ix, text, strlen(text));
	ok(pp && pp->br[0].lead == 0, "literals at the start: lead 0");
	n = pp ? pattern_windows(&pp->br[0], &ix, at, 8) : 0;
	ok(n == 2 && at[0] == 3 && at[1] == 28,
	   "the places of the literals, in order");
	ok(pick && pick->br[0].lead == 7,
	   "a literal after a bounded start: its lead in bytes");
	ok(loose && loose->br[0].lead < 0 &&
		   pattern_windows(&loose->br[0], &ix, at, 8) == (size_t)-1,
	   "an unbounded start: no windows");
	ok(tiny && pattern_windows(&tiny->br[0], &ix, at, 8) == 1 &&
		   at[0] == 22,
	   "a literal under three bytes is found too");
	ok(pp && pattern_windows(&pp->br[0], &ix, at, 1) == (size_t)-1,
	   "more places than asked for: no windows");
	pattern_index_release(&ix);
	pattern_prog_free(pp);
	pattern_prog_free(pick);
	pattern_prog_free(loose);
	pattern_prog_free(tiny);
}

int main(void)
{
	test_literals();
	test_unread();
	test_split();
	test_index();
	test_windows();
	diag_release(&dl);
	return done_testing();
}
