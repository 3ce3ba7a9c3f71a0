/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for json: string escaping, invalid UTF-8, numbers, reading. */
#include "json.h"

#include <math.h>
#include <string.h>

#include "rec.h"
#include "sb.h"
#include "tap.h"

static struct sb out = SB_INIT;

static const char *str(const char *s, size_t n)
{
	sb_reset(&out);
	json_strn(&out, s, n);
	return out.buf;
}

static const char *num(double v)
{
	sb_reset(&out);
	json_num(&out, v);
	return out.buf;
}

static void test_escapes(void)
{
	is_str(str("plain", 5), "\"plain\"", "plain text is quoted");
	is_str(str("", 0), "\"\"", "empty string");
	is_str(str("a\"b\\c", 5), "\"a\\\"b\\\\c\"",
	       "quote and backslash escaped");
	is_str(str("1\n2\r3\t4", 7), "\"1\\n2\\r3\\t4\"", "\\n \\r \\t");
	is_str(str("\x01\x1f", 2), "\"\\u0001\\u001f\"",
	       "other controls as \\u00XX");
	is_str(str("a\0b", 3), "\"a\\u0000b\"", "a NUL byte inside the length");
	is_str(str("\x7f/", 2), "\"\x7f/\"", "DEL and '/' need no escape");
	sb_reset(&out);
	json_str(&out, NULL);
	is_str(out.buf, "null", "json_str(NULL) is null");
	sb_reset(&out);
	json_str(&out, "x\"");
	is_str(out.buf, "\"x\\\"\"", "json_str escapes too");
}

static void test_utf8(void)
{
	is_str(str("caf\xc3\xa9", 5), "\"caf\xc3\xa9\"",
	       "valid 2-byte UTF-8 kept");
	is_str(str("\xe6\x97\xa5\xe6\x9c\xac", 6),
	       "\"\xe6\x97\xa5\xe6\x9c\xac\"", "valid 3-byte UTF-8 kept");
	is_str(str("\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"",
	       "4-byte UTF-8 kept");
	is_str(str("\xc3\xa9\"\n", 4), "\"\xc3\xa9\\\"\\n\"",
	       "escapes right after a multibyte character");
	is_str(str("a\xff"
		   "b",
		   3),
	       "\"a\\ufffdb\"", "a stray byte becomes \\ufffd");
	is_str(str("caf\xe9", 4), "\"caf\\ufffd\"",
	       "Latin-1 byte becomes \\ufffd");
	is_str(str("x\xc3", 2), "\"x\\ufffd\"",
	       "a truncated sequence at the end");
	is_str(str("\xc0\xaf", 2), "\"\\ufffd\\ufffd\"",
	       "overlong encoding rejected");
	is_str(str("\xed\xa0\x80", 3), "\"\\ufffd\\ufffd\\ufffd\"",
	       "surrogates rejected");
	is_str(str("\xf4\x90\x80\x80", 4), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"",
	       "code points above U+10FFFF rejected");
	is_str(str("\xe2\x82\xac\xff\xe2\x82\xac", 7),
	       "\"\xe2\x82\xac\\ufffd\xe2\x82\xac\"",
	       "valid text on both sides of a bad byte");
	{
		/* every byte value, in one string: the output is valid UTF-8
		 * with no raw control characters */
		char all[256];
		size_t i, bad = 0;
		for (i = 0; i < 256; i++)
			all[i] = (char)i;
		str(all, 256);
		for (i = 0; i < out.len; i++)
			if ((unsigned char)out.buf[i] < 0x20)
				bad++;
		is_int(bad, 0, "no raw control characters for any byte");
		is_int(utf8_valid_prefix(out.buf, out.len), out.len,
		       "output is valid UTF-8 for any input");
	}
}

static void test_numbers(void)
{
	is_str(num(0), "0", "zero");
	is_str(num(42), "42", "an integer has no decimals");
	is_str(num(-3), "-3", "negative integer");
	is_str(num(0.5), "0.5", "a fraction");
	is_str(num(76.18), "76.18", "two decimals");
	is_str(num(1.0 / 3.0), "0.3333333333", "ten significant digits");
	is_str(num(1e20), "1e+20",
	       "huge numbers in exponent form (valid JSON)");
	is_str(num(NAN), "0", "NaN becomes 0");
	is_str(num(INFINITY), "0", "infinity becomes 0");
	is_str(num(-INFINITY), "0", "minus infinity becomes 0");
	is_str(num(123456789012.0), "123456789012", "large integers in full");
}

static void test_str_array(void)
{
	static const char *const v[] = {"a", "b\"c", NULL};
	sb_reset(&out);
	json_str_array(&out, v, 0);
	is_str(out.buf, "[]", "an empty array");
	sb_reset(&out);
	json_str_array(&out, v, 1);
	is_str(out.buf, "[\"a\"]", "one string");
	sb_reset(&out);
	json_str_array(&out, v, 3);
	is_str(out.buf, "[\"a\",\"b\\\"c\",null]",
	       "strings escaped, a NULL is null");
}

static int parse(const char *text, struct json_value *v, const char **msg)
{
	*msg = NULL;
	return json_parse(text, strlen(text), v, msg);
}

static void test_read(void)
{
	struct json_value v;
	const struct json_value *x;
	const char *msg;

	ok(!parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\u00e9\\n\"} ",
		  &v, &msg),
	   "an object with an array and a string parses");
	is_int(v.type, JSON_OBJ, "top value is an object");
	x = json_get(&v, "a");
	ok(x && x->type == JSON_ARR && x->n == 5, "member 'a' is a 5-array");
	ok(x && x->kids[1].type == JSON_NUM && x->kids[1].num == -25,
	   "-2.5e1 is -25");
	ok(x && x->kids[2].type == JSON_BOOL && x->kids[2].num == 1, "true");
	ok(x && x->kids[4].type == JSON_NULL, "null");
	ok(x && x->rawlen == 30 &&
		   !strncmp(x->raw, "[1, -2.5e1, true, false, null]", 30),
	   "raw covers the array's text");
	x = json_get(&v, "b");
	is_str(x ? x->str : NULL, "x\xc3\xa9\n",
	       "\\u00e9 decodes to UTF-8, \\n to LF");
	ok(!json_get(&v, "c"), "a missing key is NULL");
	ok(!json_get(x, "a"), "json_get on a string is NULL");
	json_value_release(&v);

	ok(!parse("\"\\ud83d\\ude00\\ud800\"", &v, &msg), "surrogates parse");
	is_str(v.str, "\xf0\x9f\x98\x80\xef\xbf\xbd",
	       "a pair joins, a lone one is U+FFFD");
	json_value_release(&v);

	ok(parse("[1, 2", &v, &msg) && msg,
	   "an unclosed array fails with a message");
	json_value_release(&v);
	ok(parse("{\"a\" 1}", &v, &msg) && !strcmp(msg, "expected ':'"),
	   "missing ':'");
	json_value_release(&v);
	ok(parse("1 2", &v, &msg) &&
		   !strcmp(msg, "trailing text after the value"),
	   "trailing text is an error");
	json_value_release(&v);
	ok(parse("\"a\tb\"", &v, &msg) &&
		   !strcmp(msg, "control character in a string"),
	   "a raw control character in a string fails");
	json_value_release(&v);
	ok(parse("tru", &v, &msg), "a cut-off word fails");
	json_value_release(&v);
	{
		char deep[80];
		memset(deep, '[', 40);
		memset(deep + 40, ']', 40);
		ok(json_parse(deep, 80, &v, &msg) &&
			   !strcmp(msg, "nested too deeply"),
		   "40 levels of nesting are refused");
		json_value_release(&v);
	}
}

static void test_keys(void)
{
	sb_reset(&out);
	sb_addc(&out, '{');
	json_key_num(&out, "a", 0.12345, 3);
	json_key_str(&out, "b", "x\"y");
	json_key(&out, "c");
	sb_addc(&out, '[');
	sb_addc(&out, '{');
	json_key_num(&out, "d", 2.5, -1);
	json_key_str(&out, "e", NULL);
	sb_adds(&out, "}]");
	json_key_num(&out, "f", 12.3456789, 4);
	json_key_num(&out, "g", -0.04, 1);
	sb_addc(&out, '}');
	is_str(out.buf,
	       "{\"a\":0.123,\"b\":\"x\\\"y\",\"c\":[{\"d\":2.5,\"e\":null}],"
	       "\"f\":12.3457,\"g\":0}",
	       "members get a comma except after an opening brace or bracket");
}

/* A shallow parse: the same verdict and message as a full one on every
 * input, nested values kept only as their text. */
static void test_shallow(void)
{
	static const char *const texts[] = {
		"{\"a\": [1, {\"b\": \"x\\u00e9\"}], \"c\": \"d\\n\"}",
		"{\"a\": [1, {\"b\" 1}]}",
		"{\"a\": [1, {\"b\": \"\\q\"}]}",
		"{\"a\": [1, {\"b\": \"\\u12\"}]}",
		"{\"a\": [1, {\"b\": \"\x01\"}]}",
		"{\"a\": [1, {\"b\": \"open}]}",
		"{\"a\": [1, {3: 4}]}",
		"{\"a\": [1 2]}",
		"{\"a\": {\"b\": 1 \"c\": 2}}",
		"{\"a\": [tru]}",
		"{\"a\": [1, -]}",
		"{\"a\": [1,",
		"{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
		"{\"a\": []} x",
		"{\"a\": \"\\ud83d\\ude00\", \"b\": {}}",
	};
	size_t i;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct json_value full, shallow;
		const char *m1 = NULL, *m2 = NULL;
		int r1 = json_parse(texts[i], strlen(texts[i]), &full, &m1);
		int r2 = json_parse_shallow(texts[i], strlen(texts[i]), 2,
					    &shallow, &m2);
		ok(r1 == r2 && (r1 ? !strcmp(m1, m2) : 1),
		   "shallow and full parse agree on text %zu (%s)", i,
		   r1 ? m1 : "ok");
		json_value_release(&full);
		json_value_release(&shallow);
	}
	{
		struct json_value v;
		const struct json_value *x;
		const char *msg;
		const char *t = texts[0];
		ok(!json_parse_shallow(t, strlen(t), 2, &v, &msg),
		   "a shallow parse succeeds");
		x = json_get(&v, "c");
		is_str(x ? x->str : NULL, "d\n", "a field's string is decoded");
		x = json_get(&v, "a");
		ok(x && x->type == JSON_ARR && x->n == 0 && !x->kids,
		   "a nested array keeps no kids");
		ok(x && x->rawlen == 21 &&
			   !strncmp(x->raw, "[1, {\"b\": \"x\\u00e9\"}]", 21),
		   "but keeps its text");
		json_value_release(&v);
		ok(!json_parse_shallow("\"s\"", 3, 0, &v, &msg) && !v.str &&
			   v.type == JSON_STR && v.rawlen == 3,
		   "a string below the kept depth is checked, not decoded");
		json_value_release(&v);
	}
}

int main(void)
{
	test_escapes();
	test_keys();
	test_utf8();
	test_numbers();
	test_str_array();
	test_read();
	test_shallow();
	sb_release(&out);
	return done_testing();
}
