/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for bank: the checks across files. */
#include "bank.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tap.h"
#include "diagtest.h"

static struct bank b;
static struct diag_list dl;

static void reset(void)
{
	bank_release(&b);
	diag_release(&dl);
}

static void addq(const char *file, const char *s)
{
	bank_add_questions(&b, file, s, strlen(s), &dl);
}

static void addr(const char *file, const char *s)
{
	bank_add_rubrics(&b, file, s, strlen(s), &dl);
}

#define find(code) dl_find(&dl, (code))

#define RUB(name)       \
	"Rubric: " name \
	"\nTime: 5m\n\nCriterion: c\nKind: keywords\nWeight: 1\nPattern: x\n"

static void test_duplicate_id(void)
{
	const struct diag *d;
	reset();
	addr("rubrics/m.txt", RUB("metrics"));
	addq("questions/a.txt",
	     "Id: dup-1\nCategory: metrics\nPrompt: First?\n");
	addq("questions/b.txt",
	     "# comment\n\nId: other\nCategory: metrics\nPrompt: x\n\n"
	     "Id:  dup-1\nCategory: metrics\nPrompt: Second?\n");
	is_int(dl.nr, 0, "each file is fine alone");
	bank_validate(&b, 0, &dl);
	d = find(DIAG_E_DUPLICATE_ID);
	ok(d != NULL, "a duplicate id across files is an error");
	if (d) {
		is_str(d->file, "questions/b.txt",
		       "reported in the later file");
		is_int(d->line, 7, "at the later record");
		is_int(d->col, 6, "at the id's column");
		ok(strstr(d->msg, "'dup-1'") != NULL, "naming the id");
		ok(strstr(d->msg, "questions/a.txt:1") != NULL,
		   "and the first place (file:line): %s", d->msg);
	}
	is_int(b.q.nr, 2, "the duplicate is removed");
	ok(b.q.nr == 2 && !strcmp(b.q.v[0].prompt, "First?"),
	   "the first one is kept");
	is_int(qbank_find(&b.q, "other"), 1, "other questions stay");
}

static void test_unknown_rubric(void)
{
	const struct diag *d;
	reset();
	addr("rubrics/m.txt", RUB("metrics"));
	addq("q.txt", "Id: q-1\nCategory: pricing\nPrompt: x\n\n"
		      "Id: q-2\nCategory: metrics\nPrompt: x\n\n"
		      "Id: q-3\nCategory: metrics\nRubric: nope\nPrompt: x\n");
	bank_validate(&b, 0, &dl);
	is_int(diag_count(&dl, DIAG_ERROR), 2,
	       "two questions without a rubric");
	d = find(DIAG_E_UNKNOWN_RUBRIC);
	ok(d && d->line == 2 && d->col == 11 && !strcmp(d->file, "q.txt"),
	   "at the Category value that names the missing rubric");
	ok(d && strstr(d->msg, "'pricing'") && strstr(d->msg, "add a Rubric:"),
	   "a category without a rubric suggests a Rubric: field");
	ok(dl.nr == 2 && strstr(dl.v[1].msg, "'nope'") &&
		   !strstr(dl.v[1].msg, "add a Rubric:"),
	   "an explicit Rubric names what it asked for");
	is_int(b.q.nr, 1, "questions without a rubric are removed");
	ok(b.q.nr == 1 && !strcmp(b.q.v[0].id, "q-2"),
	   "the one with a rubric stays");
	ok(bank_rubric_of(&b, 0) == &b.r.v[0], "bank_rubric_of");
	ok(bank_rubric_of(&b, 5) == NULL, "bank_rubric_of out of range");
}

static void test_rubric_twice(void)
{
	const struct diag *d;
	reset();
	addr("rubrics/a.txt", RUB("metrics"));
	addr("rubrics/b.txt", "\n" RUB("metrics"));
	is_int(b.r.nr, 2, "both parse");
	bank_validate(&b, 0, &dl);
	d = find(DIAG_E_DUPLICATE_ID);
	ok(d && !strcmp(d->file, "rubrics/b.txt") && d->line == 2,
	   "a rubric defined twice is reported at the second");
	ok(d && strstr(d->msg, "rubrics/a.txt:1"), "naming the first place");
	is_int(b.r.nr, 1, "the second is dropped");
	is_str(b.r.v[0].file, "rubrics/a.txt", "the first stays");
}

static void test_times_categories(void)
{
	const char **cats;
	size_t n;
	reset();
	addr("r.txt", RUB("metrics") "\n" RUB("design"));
	addq("q.txt", "Id: a\nCategory: metrics\nPrompt: x\nTime: 90s\n\n"
		      "Id: b\nCategory: metrics\nPrompt: x\n\n"
		      "Id: c\nCategory: design\nPrompt: x\n");
	bank_validate(&b, 1, &dl);
	is_int(dl.nr, 0, "a clean bank validates quietly");
	is_int(bank_question_time(&b, 0), 90, "a question's own Time");
	is_int(bank_question_time(&b, 1), 300, "else its rubric's Time");
	n = bank_categories(&b, &cats);
	is_int(n, 2, "distinct categories");
	ok(n == 2 && !strcmp(cats[0], "design") && !strcmp(cats[1], "metrics"),
	   "sorted");
	free(cats);
}

static void test_compile_all(void)
{
	reset();
	addr("r.txt",
	     "Rubric: metrics\n\nCriterion: c\nKind: keywords\nWeight: 1\nPattern: (x\n");
	addq("q.txt", "Id: a\nCategory: metrics\nPrompt: x\nExpect: e = [z\n");
	bank_validate(&b, 0, &dl);
	is_int(dl.nr, 0, "without compile_all, patterns are not compiled");
	reset();
	addr("r.txt",
	     "Rubric: metrics\n\nCriterion: c\nKind: keywords\nWeight: 1\nPattern: (x\n");
	addq("q.txt", "Id: a\nCategory: metrics\nPrompt: x\nExpect: e = [z\n");
	bank_validate(&b, 1, &dl);
	is_int(diag_count(&dl, DIAG_ERROR), 2,
	       "compile_all reports rubric and Expect patterns");
	ok(dl.nr == 2 && !strcmp(dl.v[0].file, "r.txt") && dl.v[0].line == 6 &&
		   dl.v[0].col == 12,
	   "rubric pattern error at r.txt:6:12");
	ok(dl.nr == 2 && !strcmp(dl.v[1].file, "q.txt") && dl.v[1].line == 4 &&
		   dl.v[1].col == 15,
	   "Expect pattern error at q.txt:4:15");
}

/* The lexicon is built when scoring asks for it, from what survived. */
static void test_lexicon(void)
{
	const struct lexicon *lx;
	reset();
	addr("rubrics/m.txt", RUB("metrics"));
	addq("questions/a.txt",
	     "Id: a\nCategory: metrics\nPrompt: How do you measure churn?\n\n"
	     "Id: b\nCategory: metrics\nPrompt: How do you measure pricing?\n");
	bank_validate(&b, 0, &dl);
	ok(b.r.v[0].lex == NULL && !b.lex_ready, "start-up builds no lexicon");
	lx = bank_lexicon(&b);
	ok(lx == &b.lex && b.r.v[0].lex == lx,
	   "scoring gets one and every rubric borrows it");
	is_int((long)lx->ndocs, 2, "... from every loaded prompt");
	ok(bank_lexicon(&b) == lx && lx->ndocs == 2, "a second call reuses it");
	addq("questions/c.txt",
	     "Id: c\nCategory: metrics\nPrompt: How do you measure growth?\n");
	bank_validate(&b, 0, &dl);
	ok(!b.lex_ready && b.r.v[0].lex == NULL, "validating again drops it");
	is_int((long)bank_lexicon(&b)->ndocs, 3,
	       "... and the next one counts the new question");
}

int main(void)
{
	test_duplicate_id();
	test_unknown_rubric();
	test_rubric_twice();
	test_times_categories();
	test_compile_all();
	test_lexicon();
	reset();
	return done_testing();
}
