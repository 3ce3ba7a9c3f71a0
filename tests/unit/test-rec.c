/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for rec: the record syntax, its errors and value origins. */
#include "rec.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tap.h"
#include "diagtest.h"

static struct rec_file rf;
static struct diag_list dl;

static int parse_n(const char *s, size_t n)
{
	rec_file_release(&rf);
	diag_release(&dl);
	return rec_parse(&rf, "t.txt", s, n, &dl);
}

static int parse(const char *s)
{
	return parse_n(s, strlen(s));
}

static const char *val(size_t r, const char *name)
{
	const struct rec_field *f;
	if (r >= rf.nr)
		return NULL;
	f = rec_get(&rf.v[r], name);
	return f ? f->value : NULL;
}

/* Is there a diagnostic with this code at line:col (col 0: any)? */
#define has(code, line, col) dl_has(&dl, (code), (line), (col))

static void test_records(void)
{
	is_int(parse("A: 1\nB: 2\n\nA: 3\n"), 0, "parses");
	is_int(rf.nr, 2, "a blank line separates records");
	is_int(rf.v[0].nr, 2, "first record has two fields");
	is_str(val(0, "B"), "2", "field value");
	is_str(val(1, "A"), "3", "second record");
	is_int(rf.v[1].line, 4, "a record knows its first line");
	is_int(dl.nr, 0, "no diagnostics");

	parse("A: 1\n  \t \nA: 2\n\n\n\nA: 3");
	is_int(rf.nr, 3,
	       "whitespace-only lines and runs of blanks separate too");
	is_str(val(2, "A"), "3", "last line without a newline");

	parse("A: b: c\n");
	is_str(val(0, "A"), "b: c", "only the first ':' splits");
	parse("A:\tx  \t\n");
	is_str(val(0, "A"), "x",
	       "white space after ':' and at the end is dropped");
	parse("A:\n\nB: 1\n");
	is_str(val(0, "A"), "", "an empty value");
	parse("Follow_up-2: x\n");
	is_str(val(0, "follow_up-2"), "x",
	       "names take letters, digits, '-' and '_'");
}

static void test_continuation(void)
{
	parse("Prompt: one\n two\n\tthree\nNext: x\n");
	is_str(val(0, "Prompt"), "one\ntwo\nthree",
	       "continuation lines join with newlines, their indent dropped");
	is_str(val(0, "Next"), "x", "a field after a continuation");
	parse("Outline: first\n .\n second\n");
	is_str(val(0, "Outline"), "first\n\nsecond", "' .' is an empty line");
	parse("Outline: first\n . \n second\n");
	is_str(val(0, "Outline"), "first\n\nsecond",
	       "' . ' with trailing blanks too");
	parse("Outline: first\n .x\n");
	is_str(val(0, "Outline"), "first\n.x", "only a lone '.' is special");
	parse("Outline:\n 1. plan\n 2. test\n");
	is_str(val(0, "Outline"), "1. plan\n2. test",
	       "a value may start on the next line (no leading newline)");
	{
		unsigned l, c;
		rec_origin(rec_get(&rf.v[0], "outline"), 0, &l, &c);
		ok(l == 2 && c == 2,
		   "... and its origin is the next line (got %u:%u)", l, c);
	}
}

static void test_comments_case(void)
{
	parse("# head\nA: 1\n# inside\nB: 2\n");
	is_int(rf.nr, 1, "a comment does not end a record");
	is_int(rf.v[0].nr, 2, "both fields in one record");
	parse("A: one\n# between continuation lines\n two\n");
	is_str(val(0, "A"), "one\ntwo", "a comment between continuation lines");
	parse("A: 1\n\n# lone comment\n\nB: 2\n# last");
	is_int(rf.nr, 2, "comments between records");
	parse("A: x # not a comment\n");
	is_str(val(0, "A"), "x # not a comment", "'#' inside a value is text");

	parse("Follow-Up: x\n");
	ok(rec_get(&rf.v[0], "follow-up") && rec_get(&rf.v[0], "FOLLOW-UP"),
	   "look-ups ignore case");
	is_str(rf.v[0].f[0].name, "Follow-Up", "names keep their spelling");
	ok(!rec_get(&rf.v[0], "follow"), "no prefix matches");
	parse("A: 1\na: 2\n");
	is_str(val(0, "A"), "1", "rec_get finds the first of repeated fields");
}

static void test_line_ends(void)
{
	is_int(parse("A: one\r\n two\r\n\r\nB: 2\r\n"), 0, "CRLF parses");
	is_int(rf.nr, 2, "CRLF blank line separates");
	is_str(val(0, "A"), "one\ntwo", "no CR left in values");
	is_str(val(1, "B"), "2", "CRLF at the end");
	is_int(dl.nr, 0, "CRLF is not an error");

	/* old Mac files: a lone CR ends a line */
	is_int(parse("A: one\r two\r\rB: 2\r"), 0, "CR-only parses");
	is_int(rf.nr, 2, "CR-only blank line separates");
	is_str(val(0, "A"), "one\ntwo", "CR-only continuation joins with LF");
	is_str(val(1, "B"), "2", "CR-only at the end");
	is_int(dl.nr, 0, "CR-only is not an error");
	ok(rf.nr == 2 && rf.v[1].f[0].line == 4,
	   "CR-only line numbers (B at %u, want 4)",
	   rf.nr == 2 ? rf.v[1].f[0].line : 0);
	/* all three mixed: LF, CRLF, CR, each one line end */
	parse("A: 1\nB: 2\r\nC: 3\rD: 4\n\rE: 5\r\n\r\nbad line\r");
	is_int(rf.nr, 2, "LF then CR is two line ends: a blank line");
	ok(rf.nr == 2 && rf.v[1].f[0].line == 6, "mixed: E at line %u, want 6",
	   rf.nr == 2 ? rf.v[1].f[0].line : 0);
	ok(has(DIAG_E_SYNTAX, 8, 0), "mixed: a syntax error at line 8");
	parse_n("A: 1\rB: 2\rC: \0\r", 14);
	ok(has(DIAG_E_BINARY, 3, 4),
	   "a NUL after CR-only lines: line 3, column 4");

	parse("\xEF\xBB\xBF"
	      "A: 1\n");
	is_int(rf.nr, 1, "a byte-order mark is skipped");
	is_str(rf.v[0].f[0].name, "A", "... not part of the first name");
	is_int(dl.nr, 0, "... and no diagnostic");
	{
		unsigned l, c;
		rec_origin(&rf.v[0].f[0], 0, &l, &c);
		ok(l == 1 && c == 4,
		   "columns after a BOM count from the text (got %u:%u)", l, c);
	}
}

static void test_errors(void)
{
	is_int(parse_n("A: 1\nB: x\0y\n", 12), -1, "a NUL byte: not text");
	ok(has(DIAG_E_BINARY, 2, 5), "binary error at the NUL's line:col");
	is_int(rf.nr, 0, "no records from a binary file");

	parse_n("\0", 1);
	ok(has(DIAG_E_BINARY, 1, 1), "NUL as the first byte: 1:1");

	is_int(parse("A: 1\nB: caf\xe9!\n"), 0, "invalid UTF-8 still parses");
	ok(has(DIAG_E_UTF8, 2, 7), "invalid UTF-8 at its line:col");
	ok(dl.nr == 1 && strstr(dl.v[0].msg, "0xE9"),
	   "the message names the byte");
	parse("A: \xc3\xa9\xc3\xa9\xff\nB: \xfe\n");
	ok(has(DIAG_E_UTF8, 1, 6), "UTF-8 error column counts characters");
	is_int(diag_count(&dl, DIAG_ERROR), 1, "one UTF-8 error per file");

	parse(" stray\nA: 1\n");
	ok(has(DIAG_E_CONTINUATION, 1, 1),
	   "continuation before any field: line 1");
	is_int(rf.nr, 1, "the record after it still parses");
	parse("A: 1\n\n\tstray\n");
	ok(has(DIAG_E_CONTINUATION, 3, 1), "continuation after a blank line");

	parse("A: 1\nfoo bar\n");
	ok(has(DIAG_E_SYNTAX, 2, 4),
	   "a line without ':': column where ':' was due");
	ok(dl.nr && strstr(dl.v[0].msg, "missing ':'"),
	   "the message suggests the ':'");
	parse("A: 1\nnocolon\n");
	ok(has(DIAG_E_SYNTAX, 2, 8), "no ':' before the end of the line");
	parse(":x\n");
	ok(has(DIAG_E_SYNTAX, 1, 1), "a line starting with ':'");
	parse("A: 1\n\xc3\xa9t\xc3\xa9: x\n");
	ok(has(DIAG_E_SYNTAX, 2, 1), "a non-ASCII field name");
	parse("A: 1\nB x: 2\nC: 3\n");
	is_int(rf.v[0].nr, 2, "parsing goes on after a syntax error");

	parse("");
	ok(has(DIAG_E_EMPTY, 1, 1), "an empty file is an error");
	is_int(rf.nr, 0, "... with no records");
	parse("# only\n\n   \n# comments\n");
	is_int(diag_count(&dl, DIAG_ERROR), 1,
	       "comments and blanks only: empty");
	ok(dl.nr && dl.v[0].code == DIAG_E_EMPTY, "... reported as empty");

	{
		size_t n = REC_MAX_FILE + 1;
		char *big = malloc(n);
		memset(big, 'a', n);
		is_int(parse_n(big, n), -1, "a file over the limit is refused");
		ok(dl.nr && dl.v[0].code == DIAG_E_TOO_LARGE,
		   "... as too large");
		free(big);
	}
}

static void test_origin(void)
{
	const char *src = "Prompt: h\xc3\xa9llo w\xc3\xb6rld\n"
			  "  second line \xc3\xb1 here\n"
			  "\t.\n"
			  "\tlast\n";
	const struct rec_field *f;
	const char *v;
	unsigned l, c;
	parse(src);
	f = rec_get(&rf.v[0], "prompt");
	v = f->value;
	is_str(v,
	       "h\xc3\xa9llo w\xc3\xb6rld\nsecond line \xc3\xb1 here\n\nlast",
	       "the value");
	rec_origin(f, 0, &l, &c);
	ok(l == 1 && c == 9, "offset 0: line 1 col 9 (got %u:%u)", l, c);
	rec_origin(f, (size_t)(strstr(v, "w\xc3\xb6") - v), &l, &c);
	ok(l == 1 && c == 15,
	   "after a multibyte letter, columns count code points (got %u:%u)", l,
	   c);
	rec_origin(f, (size_t)(strstr(v, "rld") - v), &l, &c);
	ok(l == 1 && c == 17,
	   "inside the line after two multibyte letters (got %u:%u)", l, c);
	rec_origin(f, (size_t)(strstr(v, "second") - v), &l, &c);
	ok(l == 2 && c == 3,
	   "first continuation line, after its indent (got %u:%u)", l, c);
	rec_origin(f, (size_t)(strstr(v, "here") - v), &l, &c);
	ok(l == 2 && c == 17, "later on a continuation line (got %u:%u)", l, c);
	rec_origin(f, (size_t)(strstr(v, "last") - v), &l, &c);
	ok(l == 4 && c == 2, "after a ' .' paragraph line (got %u:%u)", l, c);
	is_int(f->line, 1, "the field's own line");
	is_int(f->col, 1, "the field's own column");
}

static void test_utf8_helpers(void)
{
	is_int(utf8_count("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10), 4,
	       "utf8_count counts code points");
	is_int(utf8_valid_prefix("ab\xc3\xa9"
				 "c",
				 5),
	       5, "valid text is all valid");
	is_int(utf8_valid_prefix("ab\xc3", 3), 2,
	       "a truncated character is not");
	is_int(utf8_valid_prefix("ab\xe0\x80\x80", 5), 2,
	       "an overlong form is not");
	is_int(utf8_valid_prefix("\xed\xbf\xbf", 3), 0, "a surrogate is not");
}

static void test_name_index(void)
{
	static const char *const names[] = {"id", "prompt", "follow-up", NULL};
	is_int(rec_name_index(names, "Prompt"), 1,
	       "a field name is found whatever its case");
	is_int(rec_name_index(names, "FOLLOW-UP"), 2, "... at its index");
	is_int(rec_name_index(names, "promptx"), -1, "an unknown name is -1");
}

struct named {
	int n;
	const char *name;
};

static void test_find_named(void)
{
	static const struct named v[] = {{1, "alpha"}, {2, NULL}, {3, "beta"}};
	is_int(rec_find_named(v, 3, sizeof(*v), offsetof(struct named, name),
			      "beta"),
	       2, "a struct found by its name member");
	is_int(rec_find_named(v, 3, sizeof(*v), offsetof(struct named, name),
			      "alph"),
	       -1, "no prefix match; a NULL name is passed over");
	is_int(rec_find_named(v, 0, sizeof(*v), offsetof(struct named, name),
			      "alpha"),
	       -1, "an empty array");
}

int main(void)
{
	test_records();
	test_name_index();
	test_find_named();
	test_continuation();
	test_comments_case();
	test_line_ends();
	test_errors();
	test_origin();
	test_utf8_helpers();
	rec_file_release(&rf);
	diag_release(&dl);
	return done_testing();
}
