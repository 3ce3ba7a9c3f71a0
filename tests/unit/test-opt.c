/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for opt: the command-line grammar and the value checks. */
#include "opt.h"

#include <string.h>

#include "sb.h"
#include "tap.h"

enum { O_JSON = 1, O_FULL, O_TIME, O_QUESTION, O_COUNT };

static const struct opt table[] = {
	{"json", 'j', OPT_FLAG, O_JSON},
	{"full", 'f', OPT_FLAG, O_FULL},
	{"time", 0, OPT_VALUE, O_TIME},
	{"question", 'q', OPT_VALUE, O_QUESTION},
	{NULL, 'n', OPT_VALUE, O_COUNT},
	{NULL, 0, 0, 0},
};

/* Parse words (NULL-terminated, after a command name) into a trace:
 * "json time=30 @file" for --json --time 30 file; "!message" on error. */
static void trace(const char *const *words, struct sb *out)
{
	char *argv[32];
	struct opt_parser p;
	struct sb err = SB_INIT;
	int argc = 1, id;
	argv[0] = (char *)"cmd";
	while (*words && argc < 31)
		argv[argc++] = (char *)*words++;
	argv[argc] = NULL;
	sb_reset(out);
	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, table, &err)) != OPT_DONE) {
		if (out->len)
			sb_addc(out, ' ');
		if (id == OPT_ERROR) {
			sb_addf(out, "!%s", err.buf);
			break;
		}
		if (id == OPT_OPERAND)
			sb_addf(out, "@%s", p.value);
		else if (id == O_JSON)
			sb_adds(out, "json");
		else if (id == O_FULL)
			sb_adds(out, "full");
		else
			sb_addf(out, "%s=%s", p.name, p.value);
	}
	sb_release(&err);
}

#define TRACE(want, ...)                                                 \
	do {                                                             \
		static const char *const words_[] = {__VA_ARGS__, NULL}; \
		trace(words_, &got);                                     \
		is_str(got.buf, want, #__VA_ARGS__);                     \
	} while (0)

static void test_spellings(void)
{
	struct sb got = SB_INIT;
	TRACE("--time=30", "--time=30");
	TRACE("--time=30", "--time", "30");
	TRACE("-q=a", "-q", "a");
	TRACE("-q=a", "-qa");
	TRACE("--question=x=y", "--question=x=y");
	TRACE("-n=5", "-n5");
	TRACE("json full", "-jf");
	TRACE("json full -q=zz", "-jfqzz");
	TRACE("json full -q=zz", "-jfq", "zz");
	TRACE("json", "--json");
	TRACE("--time=-5", "--time", "-5"); /* the value is whatever follows */
	TRACE("--time=--json", "--time", "--json");
	sb_release(&got);
}

static void test_operands(void)
{
	struct sb got = SB_INIT;
	TRACE("@a json @b --time=1 @c", "a", "--json", "b", "--time", "1", "c");
	TRACE("@-", "-");
	TRACE("json @--full @-x @--", "--json", "--", "--full", "-x", "--");
	TRACE("", "--");
	sb_release(&got);
}

static void test_errors(void)
{
	struct sb got = SB_INIT;
	TRACE("!unknown option '--frob'", "--frob");
	TRACE("!unknown option '--frob'", "--frob=1");
	TRACE("!unknown option '-x'", "-x");
	TRACE("json !unknown option '-x'", "-jx");
	TRACE("!option '--time' needs a value", "--time");
	TRACE("!option '--time' needs a value", "--time=");
	TRACE("!option '--time' needs a value", "--time", "");
	TRACE("!option '-q' needs a value", "-q");
	TRACE("json !option '-q' needs a value", "-jq");
	TRACE("!option '--json' takes no value", "--json=1");
	TRACE("!unknown option '--jso'", "--jso"); /* no abbreviations */
	TRACE("!unknown option '--j'", "--j");
	sb_release(&got);
}

static void test_number(void)
{
	struct sb err = SB_INIT;
	long long n = -7;
	is_int(opt_number("--limit", "12", 1, -1, NULL, &n, &err), 0,
	       "a number");
	is_int(n, 12, "its value");
	is_int(opt_number("--time", "0", 0, 86400, "seconds", &n, &err), 0,
	       "the minimum");
	is_int(opt_number("--time", "86400", 0, 86400, "seconds", &n, &err), 0,
	       "the maximum");
	is_int(opt_number("--limit", "9223372036854775807", 1, -1, NULL, &n,
			  &err),
	       0, "the largest long long");
	ok(err.len == 0, "no message for good numbers");
	n = 3;
	is_int(opt_number("--time", "86401", 0, 86400, "seconds", &n, &err), -1,
	       "past the maximum");
	is_str(err.buf, "--time takes whole seconds (0 to 86400), not '86401'",
	       "message with a unit");
	ok(n == 3, "out untouched on error");
	sb_reset(&err);
	is_int(opt_number("--count", "0", 1, 100000, NULL, &n, &err), -1,
	       "under the minimum");
	is_str(err.buf, "--count takes a number from 1 to 100000, not '0'",
	       "message with a range");
	sb_reset(&err);
	is_int(opt_number("--limit", "9223372036854775808", 1, -1, NULL, &n,
			  &err),
	       -1, "overflow");
	is_str(err.buf,
	       "--limit takes a number from 1, not '9223372036854775808'",
	       "message without an upper bound");
	sb_reset(&err);
	is_int(opt_number("--limit", "99999999999999999999999", 1, -1, NULL, &n,
			  &err),
	       -1, "far past overflow");
	sb_reset(&err);
	is_int(opt_number("--limit", "-1", 1, -1, NULL, &n, &err), -1,
	       "negative");
	sb_reset(&err);
	is_int(opt_number("--limit", "+1", 1, -1, NULL, &n, &err), -1,
	       "a sign");
	sb_reset(&err);
	is_int(opt_number("--limit", " 1", 1, -1, NULL, &n, &err), -1,
	       "a space");
	sb_reset(&err);
	is_int(opt_number("--limit", "1x", 1, -1, NULL, &n, &err), -1,
	       "junk after");
	sb_reset(&err);
	is_int(opt_number("--limit", "", 1, -1, NULL, &n, &err), -1, "empty");
	sb_reset(&err);
	is_int(opt_number("--limit", "0x10", 0, -1, NULL, &n, &err), -1, "hex");
	sb_release(&err);
}

static void test_choice(void)
{
	static const char *const levels[] = {"apm", "pm", "senior", "tpm"};
	struct sb err = SB_INIT;
	is_int(opt_choice("level", "pm", levels, 4, 0, &err), 1,
	       "a value of the set");
	is_int(opt_choice("level", "PM", levels, 4, 1, &err), 1, "folded case");
	ok(err.len == 0, "no message");
	is_int(opt_choice("level", "PM", levels, 4, 0, &err), -1, "exact case");
	sb_reset(&err);
	is_int(opt_choice("level", "boss", levels, 4, 1, &err), -1,
	       "not in the set");
	is_str(err.buf, "unknown level 'boss' (valid: apm, pm, senior, tpm)",
	       "the message lists the set");
	sb_reset(&err);
	opt_unknown(&err, "category", "x", NULL, 0);
	is_str(err.buf, "unknown category 'x' (valid: none)", "an empty set");
	sb_release(&err);
}

static void test_grade(void)
{
	struct sb err = SB_INIT;
	is_int(opt_grade("1", &err), 1, "1");
	is_int(opt_grade("4", &err), 4, "4");
	is_int(opt_grade("again", &err), 1, "again");
	is_int(opt_grade("Hard", &err), 2, "Hard (any case)");
	is_int(opt_grade("GOOD", &err), 3, "GOOD");
	is_int(opt_grade("easy", &err), 4, "easy");
	ok(err.len == 0, "no message");
	is_int(opt_grade("5", &err), -1, "5");
	is_str(err.buf,
	       "unknown grade '5' (valid: again, hard, good, easy, 1-4)",
	       "the grade message");
	sb_reset(&err);
	ok(opt_grade("0", &err) < 0 && opt_grade("", &err) < 0 &&
		   opt_grade("goodx", &err) < 0 && opt_grade("11", &err) < 0,
	   "0, empty, goodx and 11 are not grades");
	sb_release(&err);
}

int main(void)
{
	test_spellings();
	test_operands();
	test_errors();
	test_number();
	test_choice();
	test_grade();
	return done_testing();
}
