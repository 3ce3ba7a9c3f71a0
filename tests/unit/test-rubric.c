/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for rubric: header, criteria, their errors and compiling. */
#include "rubric.h"

#include <string.h>

#include <pcre2.h>

#include "diag.h"
#include "tap.h"
#include "diagtest.h"

static struct rubric_set rs;
static struct diag_list dl;

static void parse(const char *s)
{
	rubric_set_release(&rs);
	diag_release(&dl);
	rubric_parse(&rs, "r.txt", s, strlen(s), &dl);
}

#define find(code) dl_find(&dl, (code))

#define has(code, line, col) dl_has(&dl, (code), (line), (col))

static int has_msg(enum diag_code code, const char *part)
{
	size_t i;
	for (i = 0; i < dl.nr; i++)
		if (dl.v[i].code == code && strstr(dl.v[i].msg, part))
			return 1;
	return 0;
}

static const struct criterion *crit(const char *name)
{
	size_t i;
	if (!rs.nr)
		return NULL;
	for (i = 0; i < rs.v[0].ncrit; i++)
		if (!strcmp(rs.v[0].crit[i].name, name))
			return &rs.v[0].crit[i];
	return NULL;
}

/* A header and one good criterion, then `more`. */
#define HEAD \
	"Rubric: t\n\nCriterion: ok\nKind: keywords\nWeight: 1\nPattern: x\n\n"

static const char full[] = "Rubric: pricing\n" /* 1 */
			   "Title: Pricing questions\n"
			   "Description: What it looks for.\n"
			   "Time: 8m\n"
			   "Min-words: 80\n"
			   "Outline:\n"
			   " 1. Goal.\n"
			   " 2. Value.\n"
			   "\n"
			   "Criterion: value\n" /* 10 */
			   "Kind: keywords\n"
			   "Weight: 20\n"
			   "Label: Value to the customer\n"
			   "Feedback: Anchor the price in value.\n"
			   "Min: 2\n"
			   "Where: first 30%\n"
			   "Pattern: \\bwillingness to pay\\b\n"
			   "Pattern: \\bsegments?\\b\n"
			   "\n"
			   "Criterion: numbers\n" /* 20 */
			   "Kind: keywords\n"
			   "Count: matches\n"
			   "Weight: 15.5\n"
			   "Pattern: \\d+%\n"
			   "\n"
			   "Criterion: order\n" /* 26 */
			   "Kind: stages\n"
			   "Weight: 25\n"
			   "Min: 2\n"
			   "Stage: goal = \\bgoal\\b\n"
			   "Stage: value = \\bvalue\\b\n"
			   "\n"
			   "Criterion: we\n" /* 33 */
			   "Kind: ratio\n"
			   "Weight: 5\n"
			   "Target: 0.6\n"
			   "Min: 2\n"
			   "Pattern: \\bwe\\b\n"
			   "Against: \\bI\\b\n"
			   "\n"
			   "Criterion: concrete\n" /* 41 */
			   "Kind: concreteness\n"
			   "Weight: 10\n"
			   "Target: 0.45\n"
			   "Pattern: \\d\n"
			   "\n"
			   "Criterion: length\n" /* 47 */
			   "Kind: length\n"
			   "Weight: 5\n"
			   "Ideal: 200-450\n"
			   "Words-per-minute: 25-45\n"
			   "\n"
			   "Criterion: filler\n" /* 53 */
			   "Kind: penalty\n"
			   "Weight: 10\n"
			   "Allow: 0.5\n"
			   "Full: 3\n"
			   "Where: last 50%\n"
			   "Pattern: \\bum\\b\n"
			   "\n"
			   "Criterion: topic\n" /* 61 */
			   "Kind: expect\n"
			   "Weight: 25\n";

static void test_full(void)
{
	const struct rubric *r;
	const struct criterion *c;
	parse(full);
	is_int(dl.nr, 0, "a complete rubric has no diagnostics");
	is_int(rs.nr, 1, "one rubric");
	if (!rs.nr)
		return;
	r = &rs.v[0];
	is_str(r->name, "pricing", "Rubric");
	is_str(r->title, "Pricing questions", "Title");
	is_str(r->description, "What it looks for.", "Description");
	is_str(r->outline, "1. Goal.\n2. Value.", "Outline on the lines below");
	is_int(r->time_s, 480, "Time");
	is_int(r->min_words, 80, "Min-words");
	is_str(r->file, "r.txt", "file");
	is_int(r->line, 1, "line");
	ok(r->version == fnv1a64(full, strlen(full)),
	   "version is the FNV-1a of the bytes");
	is_int(r->ncrit, 8, "eight criteria");

	c = crit("value");
	ok(c && c->kind == CRIT_KEYWORDS && c->weight == 20 && c->min == 2,
	   "keywords: Kind, Weight, Min");
	ok(c && !strcmp(c->label, "Value to the customer") &&
		   !strcmp(c->feedback, "Anchor the price in value."),
	   "Label and Feedback");
	ok(c && c->where == WHERE_FIRST && c->where_pct == 30,
	   "Where: first 30%%");
	ok(c && c->npats == 2 && c->pats[1].line == 18 && c->pats[1].col == 10,
	   "Pattern lines and columns");
	ok(c && c->line == 10, "criterion line");
	c = crit("numbers");
	ok(c && c->count_matches && c->weight == 15.5,
	   "Count: matches; fractional weight");
	ok(c && !strcmp(c->label, "numbers") && !c->feedback,
	   "Label defaults to the name");
	c = crit("order");
	ok(c && c->kind == CRIT_STAGES && c->npats == 2, "stages");
	ok(c && c->npats == 2 && !strcmp(c->pats[0].label, "goal") &&
		   !strcmp(c->pats[0].src, "\\bgoal\\b") &&
		   c->pats[0].col == 15,
	   "Stage label, pattern and the pattern's column");
	c = crit("we");
	ok(c && c->kind == CRIT_RATIO && c->target == 0.6 && c->npats == 2 &&
		   !c->pats[0].against && c->pats[1].against,
	   "ratio: Pattern, Against, Target");
	c = crit("concrete");
	ok(c && c->kind == CRIT_CONCRETENESS && c->target == 0.45,
	   "concreteness");
	c = crit("length");
	ok(c && c->kind == CRIT_LENGTH && c->ideal_lo == 200 &&
		   c->ideal_hi == 450 && c->wpm_lo == 25 && c->wpm_hi == 45,
	   "length: Ideal, Words-per-minute");
	c = crit("filler");
	ok(c && c->kind == CRIT_PENALTY && c->allow == 0.5 && c->full == 3 &&
		   c->where == WHERE_LAST && c->where_pct == 50,
	   "penalty: Allow, Full, Where last");
	c = crit("topic");
	ok(c && c->kind == CRIT_EXPECT && c->npats == 0, "expect");
	is_int(rubric_find(&rs, "pricing"), 0, "rubric_find");
	is_int(rubric_find(&rs, "price"), -1, "rubric_find: no prefix");
	is_int(rubric_compile(&rs.v[0], 0, &dl), 0, "every pattern compiles");
	is_int(dl.nr, 0, "... quietly");
}

static void test_defaults(void)
{
	parse("Rubric: a\n\nCriterion: c\nKind: keywords\nWeight: 1\nPattern: x\n\n"
	      "Rubric: b\nTitle: B\n\nCriterion: c\nKind: KEYWORDS\nWeight: 2\nPattern: y\n");
	is_int(rs.nr, 2, "two rubrics in one file");
	is_int(dl.nr, 0, "same criterion name in two rubrics is fine");
	if (rs.nr == 2) {
		is_str(rs.v[0].title, "a", "Title defaults to the name");
		is_int(rs.v[0].time_s, RUBRIC_DEFAULT_TIME, "default Time");
		is_int(rs.v[0].min_words, RUBRIC_DEFAULT_MIN_WORDS,
		       "default Min-words");
		is_int(rs.v[1].ncrit, 1,
		       "each criterion belongs to the rubric above");
		is_int(rs.v[1].crit[0].weight, 2, "... with its own values");
		ok(rs.v[0].crit[0].allow < 0 && rs.v[0].crit[0].full < 0,
		   "Allow and Full default to unset");
	}
}

static void test_errors(void)
{
	parse(HEAD "Criterion: k\nKind: bullets\nWeight: 1\n");
	ok(has(DIAG_E_BAD_KIND, 9, 7), "unknown kind at its value");
	ok(has_msg(DIAG_E_BAD_KIND, "'bullets'"), "naming it");
	ok(!crit("k"), "the criterion is dropped");
	ok(crit("ok") != NULL, "the good criterion stays");

	parse(HEAD "Criterion: k\nWeight: 1\nPattern: x\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "no Kind"), "missing Kind");
	parse(HEAD "Criterion: k\nKind: keywords\nPattern: x\n");
	ok(has(DIAG_E_MISSING_FIELD, 8, 1) &&
		   has_msg(DIAG_E_MISSING_FIELD, "no Weight"),
	   "missing Weight at the criterion");
	ok(!crit("k"), "... dropped");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: 0\nPattern: x\n");
	ok(has(DIAG_E_BAD_VALUE, 10, 9), "Weight 0 at its value");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: -3\nPattern: x\n");
	ok(has(DIAG_E_BAD_VALUE, 10, 9), "negative Weight");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: ten\nPattern: x\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "'ten'"), "Weight not a number");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: 1e400\nPattern: x\n");
	ok(has(DIAG_E_BAD_VALUE, 10, 9), "Weight that overflows");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: 1\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "has no Pattern"),
	   "keywords without a Pattern");
	parse(HEAD "Criterion: k\nKind: keywords\nWeight: 1\nPattern:\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "empty Pattern"), "an empty Pattern");

	parse(HEAD
	      "Criterion: k\nKind: stages\nWeight: 1\nStage: a = x\nPattern: y\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 10), "a Pattern on a stages criterion");
	ok(has_msg(DIAG_E_BAD_VALUE, "use Stage"), "... says to use Stage");
	parse(HEAD
	      "Criterion: k\nKind: stages\nWeight: 1\nStage: just a pattern\n");
	ok(has(DIAG_E_SYNTAX, 11, 8), "a Stage without 'LABEL = PATTERN'");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\nStage: a = b\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "Stage belongs to a stages"),
	   "a Stage on keywords");
	parse(HEAD "Criterion: k\nKind: length\nWeight: 1\nPattern: x\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "takes no Pattern"),
	   "a Pattern on length");

	parse(HEAD "Criterion: k\nKind: ratio\nWeight: 1\nPattern: we\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "has no Against"),
	   "ratio without Against");
	ok(!crit("k"), "... dropped");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWeight: 1\nPattern: a\nAgainst: b\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "Against belongs to a ratio"),
	   "Against on keywords");

	{
		static const char *const wheres[] = {"middle 20%", "first 0%",
						     "first 120%", "first 20",
						     "first",      "last 20%x"};
		size_t i;
		for (i = 0; i < sizeof(wheres) / sizeof(*wheres); i++) {
			char buf[256];
			snprintf(
				buf, sizeof(buf),
				HEAD
				"Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\nWhere: %s\n",
				wheres[i]);
			parse(buf);
			ok(has(DIAG_E_BAD_VALUE, 12, 8), "bad Where '%s'",
			   wheres[i]);
		}
		parse(HEAD
		      "Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\nWhere: Last 100%\n");
		ok(dl.nr == 0 && crit("k") && crit("k")->where == WHERE_LAST,
		   "Where: Last 100%% is fine");
	}
	parse(HEAD
	      "Criterion: k\nKind: ratio\nWeight: 1\nPattern: a\nAgainst: b\nTarget: 0\n");
	ok(has(DIAG_E_BAD_VALUE, 13, 9), "Target 0");
	parse(HEAD
	      "Criterion: k\nKind: ratio\nWeight: 1\nPattern: a\nAgainst: b\nTarget: 1.5\n");
	ok(has(DIAG_E_BAD_VALUE, 13, 9), "Target above 1");
	parse(HEAD "Criterion: k\nKind: length\nWeight: 1\nIdeal: 450-200\n");
	ok(has(DIAG_E_BAD_VALUE, 11, 8), "Ideal upside down");
	parse(HEAD "Criterion: k\nKind: length\nWeight: 1\nIdeal: 0-10\n");
	ok(has(DIAG_E_BAD_VALUE, 11, 8), "Ideal from 0");
	parse(HEAD "Criterion: k\nKind: length\nWeight: 1\nIdeal: 300\n");
	ok(has(DIAG_E_BAD_VALUE, 11, 8), "Ideal not a range");
	parse(HEAD "Criterion: k\nKind: length\nWeight: 1\nIdeal: 10-20x\n");
	ok(has(DIAG_E_BAD_VALUE, 11, 8), "Ideal with junk");
	parse(HEAD
	      "Criterion: k\nKind: length\nWeight: 1\nWords-per-minute: fast\n");
	ok(has(DIAG_E_BAD_VALUE, 11, 19), "bad Words-per-minute");
	parse(HEAD
	      "Criterion: k\nKind: penalty\nWeight: 1\nPattern: um\nAllow: 101\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 8), "Allow over 100");
	parse(HEAD
	      "Criterion: k\nKind: penalty\nWeight: 1\nPattern: um\nAllow: -1\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 8), "negative Allow");
	parse(HEAD
	      "Criterion: k\nKind: penalty\nWeight: 1\nPattern: um\nFull: 0\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 7), "Full 0");
	parse(HEAD
	      "Criterion: k\nKind: penalty\nWeight: 1\nPattern: um\nAllow: 3\nFull: 2\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "Full must be above Allow"),
	   "Full not above Allow");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\nCount: words\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 8), "bad Count");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\nMin: lots\n");
	ok(has(DIAG_E_BAD_VALUE, 12, 6), "bad Min");
	parse("Rubric: t\nMin-words: 0\n\nCriterion: ok\nKind: keywords\nWeight: 1\nPattern: x\n");
	ok(has(DIAG_E_BAD_VALUE, 2, 12), "Min-words 0");
	ok(rs.nr == 0, "a bad header drops the rubric");
	parse("Rubric: t\nTime: 3h\n\nCriterion: ok\nKind: keywords\nWeight: 1\nPattern: x\n");
	ok(has(DIAG_E_BAD_TIME, 2, 7), "bad Time in the header");
	parse("Rubric: Bad Name\n\nCriterion: ok\nKind: keywords\nWeight: 1\nPattern: x\n");
	ok(has(DIAG_E_BAD_VALUE, 1, 9), "bad rubric name");
	ok(!has_msg(DIAG_E_MISSING_FIELD, "before any"),
	   "criteria of a dropped rubric are not reported again");

	parse(HEAD "Criterion: ok\nKind: keywords\nWeight: 2\nPattern: y\n");
	ok(has(DIAG_E_DUPLICATE_ID, 8, 1), "a criterion defined twice");
	ok(has_msg(DIAG_E_DUPLICATE_ID, "first at line 3"),
	   "... pointing at the first");
	is_int(rs.v[0].ncrit, 1, "... and the second is dropped");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWeight: 1\nWeight: 2\nPattern: x\n");
	ok(has(DIAG_E_REPEATED_FIELD, 11, 1), "a repeated Weight");
	parse(HEAD
	      "Criterion: k\nKind: keywords\nWieght: 1\nWeight: 1\nPattern: x\n");
	ok(has(DIAG_W_UNKNOWN_FIELD, 10, 1) && diag_count(&dl, DIAG_ERROR) == 0,
	   "an unknown field is a warning only");
	ok(crit("k") != NULL, "... and the criterion stays");

	parse("Criterion: k\nKind: keywords\nWeight: 1\nPattern: x\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "before any 'Rubric:'"),
	   "a criterion before any rubric");
	parse(HEAD "Title: stray\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "neither"),
	   "a record that is neither");
	parse("Rubric: t\n");
	ok(has_msg(DIAG_E_MISSING_FIELD, "has no criteria"),
	   "a rubric without criteria");
}

static void test_compile(void)
{
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];
	pcre2_code *code;
	pcre2_match_data *md;
	const struct diag *d;

	/* PCRE2's own text for the error, to compare with */
	code = pcre2_compile((PCRE2_SPTR) "(abc", PCRE2_ZERO_TERMINATED, 0,
			     &err, &off, NULL);
	ok(code == NULL, "PCRE2 rejects '(abc'");
	pcre2_get_error_message(err, msg, sizeof(msg));

	parse("Rubric: t\n\nCriterion: k\nKind: keywords\nWeight: 1\n"
	      "Pattern: ok\n"
	      "Pattern: (abc\n"
	      "Pattern: \xc3\xa9\xc3\xa9(x\n");
	is_int(rs.nr, 1, "parsing does not compile");
	is_int(dl.nr, 0, "... so no errors yet");
	if (!rs.nr)
		return;
	is_int(rubric_compile(&rs.v[0], 0, &dl), -1, "compiling fails");
	is_int(diag_count(&dl, DIAG_ERROR), 2, "one error per bad pattern");
	ok(has(DIAG_E_REGEX, 7, 14),
	   "unterminated group at the column PCRE2 points to");
	d = find(DIAG_E_REGEX);
	ok(d && strstr(d->msg, (char *)msg), "quoting PCRE2's message '%s'",
	   (char *)msg);
	ok(d && strstr(d->msg, "'(abc'"), "and the pattern");
	ok(has(DIAG_E_REGEX, 8, 14),
	   "columns after multibyte letters count characters");
	ok(rs.v[0].crit[0].pats[0].code != NULL, "the good pattern compiled");
	ok(rs.v[0].crit[0].pats[1].code == NULL, "the bad one stays NULL");
	is_int(rubric_compile(&rs.v[0], 0, &dl), -1,
	       "compiling again: same result");
	is_int(diag_count(&dl, DIAG_ERROR), 2, "... without new errors");

	parse("Rubric: t\n\nCriterion: k\nKind: keywords\nWeight: 1\n"
	      "Pattern: (?-i)\\bRICE\\b\n"
	      "Pattern: \\bcaf\xc3\xa9\\b\n");
	is_int(rubric_compile(&rs.v[0], 1, &dl), 0,
	       "(?-i) and UTF patterns compile (JIT)");
	md = pcre2_match_data_create(1, NULL);
	code = rs.v[0].crit[0].pats[0].code;
	ok(pcre2_match(code, (PCRE2_SPTR) "use RICE", 8, 0, 0, md, NULL) > 0,
	   "(?-i) pattern matches its own case");
	ok(pcre2_match(code, (PCRE2_SPTR) "use rice", 8, 0, 0, md, NULL) ==
		   PCRE2_ERROR_NOMATCH,
	   "(?-i) makes a pattern case-sensitive");
	code = rs.v[0].crit[0].pats[1].code;
	ok(pcre2_match(code, (PCRE2_SPTR) "CAF\xc3\x89 au lait", 12, 0, 0, md,
		       NULL) > 0,
	   "patterns are caseless, also for non-ASCII letters");
	ok(pcre2_match(code, (PCRE2_SPTR) "caf\xc3\xa9s", 6, 0, 0, md, NULL) ==
		   PCRE2_ERROR_NOMATCH,
	   "\\b understands accented letters (UCP)");
	ok(pcre2_match(code, (PCRE2_SPTR) "\xff caf\xc3\xa9", 7, 0, 0, md,
		       NULL) > 0,
	   "invalid UTF-8 in the subject does not stop a match");
	pcre2_match_data_free(md);
	is_str(crit_kind_name(CRIT_PENALTY), "penalty", "crit_kind_name");
	is_str(crit_kind_name(CRIT_KIND_MAX), "?",
	       "crit_kind_name out of range");
}

/* Found by make fuzz: a repeated single field leaked its first value
 * (LeakSanitizer fails make check if it comes back). */
static void test_repeated_fields(void)
{
	parse("Rubric: r\n\nCriterion: a\nCriterion: b\nKind: keywords\nWeight: 1\n"
	      "Label: one\nLabel: two\nFeedback: x\nFeedback: y\nPattern: p\n");
	ok(has(DIAG_E_REPEATED_FIELD, 4, 1),
	   "a second Criterion is an error at its line");
	ok(has(DIAG_E_REPEATED_FIELD, 8, 1) &&
		   has(DIAG_E_REPEATED_FIELD, 10, 1),
	   "... and so are a second Label and Feedback");
	parse("Rubric: r\n\nCriterion: a\nKind: keywords\nWeight: 1\nPattern: p\n"
	      "Example: one\nExample: two\n it goes on\n");
	ok(!dl.nr && rs.nr == 1 && rs.v[0].ncrit == 1 &&
		   rs.v[0].crit[0].nexamples == 2 &&
		   !strncmp(rs.v[0].crit[0].examples[1], "two", 3) &&
		   strstr(rs.v[0].crit[0].examples[1], "it goes on"),
	   "Example repeats and continues like any field");
	parse("Rubric: r\n\nCriterion: a\nKind: keywords\nWeight: 1\nPattern: p\nExample:\n");
	ok(has_msg(DIAG_E_BAD_VALUE, "empty Example") &&
		   has(DIAG_E_BAD_VALUE, 7, 9),
	   "an empty Example is an error at its line");
	parse("Rubric: r\n\nCriterion: a\nKind: keywords\nWeight: 1\nPattern: p\nInstead: we\n");
	ok(!dl.nr && rs.nr == 1 && rs.v[0].ncrit == 1 &&
		   rs.v[0].crit[0].instead == INSTEAD_WE,
	   "Instead names a fact");
	parse("Rubric: r\n\nCriterion: a\nKind: keywords\nWeight: 1\nPattern: p\nInstead: vibes\n");
	ok(has_msg(DIAG_E_BAD_VALUE,
		   "Instead must be 'numbers', 'decision', 'frameworks' or 'we', not 'vibes'") &&
		   has(DIAG_E_BAD_VALUE, 7, 10),
	   "an unknown Instead lists the valid ones");
}

int main(void)
{
	test_full();
	test_defaults();
	test_errors();
	test_compile();
	test_repeated_fields();
	rubric_set_release(&rs);
	diag_release(&dl);
	return done_testing();
}
