/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for qbank: question fields, their checks and Expect lines. */
#include "qbank.h"

#include <string.h>

#include "diag.h"
#include "pattern.h"
#include "rec.h"
#include "tap.h"
#include "diagtest.h"

static struct qbank qb;
static struct diag_list dl;

static void parse(const char *s)
{
	qbank_release(&qb);
	diag_release(&dl);
	qbank_parse(&qb, "q.txt", s, strlen(s), &dl);
}

#define find(code) dl_find(&dl, (code))

#define has(code, line, col) dl_has(&dl, (code), (line), (col))

#define BASE "Category: metrics\nPrompt: Why?\n"

static void test_full(void)
{
	const struct question *q;
	parse("# a question with every field\n"
	      "Id: metrics-north-star\n"
	      "Category: metrics\n"
	      "Rubric: metrics-lite\n"
	      "Time: 2m30s\n"
	      "Level: Senior\n"
	      "Prompt: What is the North Star\n"
	      "  for a music service?\n"
	      "Hint: Think about listening.\n"
	      "Follow-up: Which guardrail?\n"
	      "Follow-up: How would you move it?\n"
	      "Tags: b2b,  marketplace , ,north-star\n"
	      "Expect: listening = \\blisten\\w*\n"
	      "Expect: a guardrail = \\bguardrails?\\b\n"
	      "Note: authors only\n");
	is_int(qb.nr, 1, "one question");
	is_int(dl.nr, 0, "no diagnostics");
	if (!qb.nr)
		return;
	q = &qb.v[0];
	is_str(q->id, "metrics-north-star", "Id");
	is_str(q->category, "metrics", "Category");
	is_str(q->rubric, "metrics-lite", "Rubric");
	is_str(question_rubric(q), "metrics-lite",
	       "question_rubric: the Rubric field");
	is_int(q->time_s, 150, "Time 2m30s");
	is_int(q->level, QLEVEL_SENIOR, "Level is case-insensitive");
	is_str(q->prompt, "What is the North Star\nfor a music service?",
	       "Prompt with a continuation");
	is_str(q->hint, "Think about listening.", "Hint");
	is_int(q->nfollow, 2, "Follow-up repeats");
	if (q->nfollow == 2) {
		is_str(q->follow_ups[0], "Which guardrail?", "first follow-up");
		is_str(q->follow_ups[1], "How would you move it?",
		       "second, in order");
	}
	is_int(q->ntags, 3, "Tags split at commas, empty items dropped");
	if (q->ntags == 3) {
		is_str(q->tags[0], "b2b", "tag 1");
		is_str(q->tags[1], "marketplace", "tag 2, trimmed");
		is_str(q->tags[2], "north-star", "tag 3");
	}
	is_int(q->nexpect, 2, "Expect repeats");
	if (q->nexpect == 2) {
		is_str(q->expects[0].label, "listening", "Expect label");
		is_str(q->expects[0].pattern, "\\blisten\\w*",
		       "Expect pattern");
		is_str(q->expects[1].label, "a guardrail",
		       "second Expect label");
		is_int(q->expects[1].line, 14, "Expect pattern line");
		is_int(q->expects[1].col, 23, "Expect pattern column");
	}
	is_str(q->file, "q.txt", "the file it came from");
	is_int(q->line, 2, "the line of the record");
	is_int(q->id_col, 5, "the column of the id");
	is_int(qbank_compile_expects(&qb.v[0], 0, &dl), 0,
	       "Expect patterns compile");
	ok(qb.v[0].expects[0].code != NULL, "... into code");
	is_int(qbank_find(&qb, "metrics-north-star"), 0,
	       "qbank_find finds the id");
	is_int(qbank_find(&qb, "metrics"), -1, "qbank_find: no prefix match");
}

static void test_defaults(void)
{
	parse("id: m-1\ncategory: metrics\nprompt: Why?\nHint:\n");
	is_int(qb.nr, 1, "field names are case-insensitive");
	if (!qb.nr)
		return;
	ok(qb.v[0].rubric == NULL, "no Rubric field");
	is_str(question_rubric(&qb.v[0]), "metrics",
	       "the rubric defaults to the category");
	is_int(qb.v[0].time_s, 0, "no Time: 0 (the rubric's)");
	is_int(qb.v[0].level, QLEVEL_NONE, "no Level");
	ok(qb.v[0].hint == NULL, "an empty Hint is no hint");
	is_int(qb.v[0].ntags + qb.v[0].nfollow + qb.v[0].nexpect, 0,
	       "no lists");
}

static void test_durations(void)
{
	is_int(parse_duration("90s"), 90, "90s");
	is_int(parse_duration("3m"), 180, "3m");
	is_int(parse_duration("2m30s"), 150, "2m30s");
	is_int(parse_duration("1h"), 3600, "1h");
	is_int(parse_duration("1h30m"), 5400, "1h30m");
	is_int(parse_duration("2h"), 7200, "2h is the top");
	is_int(parse_duration("10s"), 10, "10s is the bottom");
	is_int(parse_duration("1m70s"), 130, "1m70s: seconds add up (lenient)");
	is_int(parse_duration("0s"), -1, "0s is too short");
	is_int(parse_duration("9s"), -1, "9s is too short");
	is_int(parse_duration("2h1s"), -1, "over 2h");
	is_int(parse_duration("3h"), -1, "3h is too long");
	is_int(parse_duration("3x"), -1, "unknown unit");
	is_int(parse_duration("m3"), -1, "unit first");
	is_int(parse_duration("10"), -1, "no unit");
	is_int(parse_duration(""), -1, "empty");
	is_int(parse_duration("3m3m"), -1, "a unit twice");
	is_int(parse_duration("30s2m"), -1, "units out of order");
	is_int(parse_duration("3 m"), -1, "a space inside");
	is_int(parse_duration("-3m"), -1, "negative");
	is_int(parse_duration("99999999999s"), -1,
	       "huge numbers do not overflow");
	is_int(parse_duration(NULL), -1, "NULL");

	parse("Id: t-1\n" BASE "Time: 3x\n");
	is_int(qb.nr, 0, "a bad Time drops the question");
	ok(has(DIAG_E_BAD_TIME, 4, 7), "bad Time reported at its value");
	ok(find(DIAG_E_BAD_TIME) && strstr(find(DIAG_E_BAD_TIME)->msg, "'3x'"),
	   "the message quotes the value");
}

static void test_levels(void)
{
	enum qlevel l = QLEVEL_NONE;
	ok(!qlevel_parse("apm", &l) && l == QLEVEL_APM, "apm");
	ok(!qlevel_parse("PM", &l) && l == QLEVEL_PM, "PM");
	ok(!qlevel_parse("senior", &l) && l == QLEVEL_SENIOR, "senior");
	ok(!qlevel_parse("tpm", &l) && l == QLEVEL_TPM, "tpm");
	ok(qlevel_parse("director", &l) == -1, "unknown level");
	ok(qlevel_parse("", &l) == -1, "empty level");
	is_str(qlevel_name(QLEVEL_TPM), "tpm", "qlevel_name");
	is_str(qlevel_name(QLEVEL_NONE), "", "qlevel_name of none");
	parse("Id: l-1\n" BASE "Level: director\n");
	is_int(qb.nr, 0, "a bad Level drops the question");
	ok(has(DIAG_E_BAD_LEVEL, 4, 8), "bad Level at its value");
}

static void test_ids(void)
{
	char id65[80];
	ok(is_valid_id("a"), "one letter");
	ok(is_valid_id("0-start-digit"), "starting with a digit");
	ok(!is_valid_id("-x"), "starting with '-'");
	ok(!is_valid_id("Metrics"), "upper case");
	ok(!is_valid_id("a_b"), "underscore");
	ok(!is_valid_id("a b"), "space");
	ok(!is_valid_id(""), "empty");
	memset(id65, 'a', 65);
	id65[65] = '\0';
	ok(!is_valid_id(id65), "65 characters is too long");
	id65[64] = '\0';
	ok(is_valid_id(id65), "64 characters is fine");

	parse("Id: Bad_Id\n" BASE);
	is_int(qb.nr, 0, "a bad id drops the question");
	ok(has(DIAG_E_BAD_ID, 1, 5), "bad id at its value");
	parse("Id: ok-1\nCategory: Metrics\nPrompt: x\n");
	ok(has(DIAG_E_BAD_ID, 2, 11), "a bad category too");
	parse("Id: ok-1\n" BASE "Rubric: No Such\n");
	ok(has(DIAG_E_BAD_ID, 4, 9), "a bad rubric name too");
	is_int(qb.nr, 0, "... dropping the question");
}

static void test_missing(void)
{
	parse("\n\n" BASE);
	is_int(qb.nr, 0, "no Id: dropped");
	ok(has(DIAG_E_MISSING_FIELD, 3, 1), "missing Id at the record's line");
	ok(find(DIAG_E_MISSING_FIELD) &&
		   strstr(find(DIAG_E_MISSING_FIELD)->msg, "Id"),
	   "the message names the field");
	parse("Id: m-1\nPrompt: x\n");
	ok(find(DIAG_E_MISSING_FIELD) && strstr(find(DIAG_E_MISSING_FIELD)->msg,
						"'m-1' has no Category"),
	   "missing Category names the question");
	parse("Id: m-1\nCategory: c\n");
	ok(find(DIAG_E_MISSING_FIELD) &&
		   strstr(find(DIAG_E_MISSING_FIELD)->msg, "has no Prompt"),
	   "missing Prompt");
	parse("Id: m-1\nCategory: c\nPrompt:\n");
	is_int(qb.nr, 0, "an empty Prompt drops the question");
	ok(has(DIAG_E_EMPTY_VALUE, 3, 1), "empty Prompt at the field");
	parse("Id: m-1\nCategory: c\nPrompt:   \n   .\n");
	is_int(qb.nr, 0, "a Prompt of only a paragraph line is empty");
	parse("Note: just a note\n");
	is_int(diag_count(&dl, DIAG_ERROR), 3,
	       "a record of nothing known: three missing fields");
}

static void test_repeats_unknown(void)
{
	parse("Id: r-1\n" BASE "Id: r-2\n");
	is_int(qb.nr, 0, "a repeated single field drops the question");
	ok(has(DIAG_E_REPEATED_FIELD, 4, 1), "reported at the repeat");
	ok(find(DIAG_E_REPEATED_FIELD) &&
		   strstr(find(DIAG_E_REPEATED_FIELD)->msg, "first at line 1"),
	   "the message points at the first");
	parse("Id: r-1\n" BASE "tags: a\nTAGS: b\n");
	ok(has(DIAG_E_REPEATED_FIELD, 5, 1),
	   "repeats are found whatever the case");

	parse("Id: u-1\n" BASE "Wieght: 3\n");
	is_int(qb.nr, 1, "an unknown field does not drop the question");
	ok(has(DIAG_W_UNKNOWN_FIELD, 4, 1), "it is reported at its place");
	ok(dl.nr == 1 && dl.v[0].level == DIAG_WARNING,
	   "as a warning, not an error");
	ok(dl.nr && strstr(dl.v[0].msg, "'Wieght'"), "naming the field");

	parse("Id: f-1\n" BASE "Follow-up:\n");
	ok(has(DIAG_E_EMPTY_VALUE, 4, 1), "an empty Follow-up is an error");
}

static void test_expect(void)
{
	size_t ll, po;
	ok(!rec_split_labelled("a = b", &ll, &po) && ll == 1 && po == 4,
	   "split 'a = b'");
	ok(!rec_split_labelled("my label   =   x = y", &ll, &po) && ll == 8 &&
		   !strcmp("my label   =   x = y" + po, "x = y"),
	   "split at the first ' = ', trimming both sides");
	ok(rec_split_labelled("a=b", &ll, &po), "'=' needs spaces around it");
	ok(rec_split_labelled(" = b", &ll, &po), "an empty label");
	ok(rec_split_labelled("a = ", &ll, &po), "an empty pattern");

	parse("Id: e-1\n" BASE "Expect: caf\xc3\xa9 ok = \\bcaf\xc3\xa9\\b\n");
	is_int(qb.nr, 1, "a multibyte label");
	if (qb.nr == 1) {
		is_str(qb.v[0].expects[0].label, "caf\xc3\xa9 ok", "its label");
		is_int(qb.v[0].expects[0].col, 19,
		       "pattern column counts code points");
	}
	parse("Id: e-2\n" BASE "Expect: no equals sign\n");
	is_int(qb.nr, 0, "an Expect without ' = ' drops the question");
	ok(has(DIAG_E_SYNTAX, 4, 9), "reported at the value");

	parse("Id: e-3\n" BASE "Expect: bad = x(abc\n");
	is_int(qb.nr, 1, "patterns are not compiled by parsing");
	if (qb.nr == 1) {
		is_int(qbank_compile_expects(&qb.v[0], 0, &dl), -1,
		       "a bad Expect pattern fails");
		ok(has(DIAG_E_REGEX, 4, 20), "at the column PCRE2 points to");
		ok(qb.v[0].expects[0].code == NULL,
		   "the bad pattern stays NULL");
		is_int(qbank_compile_expects(&qb.v[0], 0, &dl), -1,
		       "compiling again gives the same");
		is_int(diag_count(&dl, DIAG_ERROR), 1,
		       "... without reporting twice");
	}
}

static void test_many(void)
{
	parse("Id: a-1\n" BASE "\n"
	      "Id: a-2\nCategory: metrics\n\n"
	      "Id: a-3\n" BASE);
	is_int(qb.nr, 2, "a bad question between good ones drops only itself");
	is_int(qbank_find(&qb, "a-3"), 1, "the later good one is kept");
	qbank_parse(&qb, "r.txt", "Id: b-1\n" BASE, strlen("Id: b-1\n" BASE),
		    &dl);
	is_int(qb.nr, 3, "a second file appends");
	is_str(qb.v[2].file, "r.txt", "with its own file name");
}

int main(void)
{
	test_full();
	test_defaults();
	test_durations();
	test_levels();
	test_ids();
	test_missing();
	test_repeats_unknown();
	test_expect();
	test_many();
	qbank_release(&qb);
	diag_release(&dl);
	return done_testing();
}
