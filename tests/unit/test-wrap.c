/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for wrap: paragraphs, list items, UTF-8 widths, long words. */
#include "wrap.h"

#include <string.h>

#include "sb.h"
#include "tap.h"

static struct sb got = SB_INIT;

static const char *wrap(const char *text, unsigned width, unsigned indent)
{
	sb_reset(&got);
	wrap_text(&got, text, strlen(text), width, indent);
	return got.buf;
}

/* Every line of s is at most `width` code points and has no trailing
 * blank. */
static int lines_fit(const char *s, unsigned width)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (wrap_cols(s, n) > width)
			return 0;
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			return 0;
		s += n + (nl ? 1 : 0);
	}
	return 1;
}

static void test_basic(void)
{
	is_str(wrap("", 20, 0), "", "empty text gives nothing");
	is_str(wrap("  \n\t\n", 20, 0), "", "blank lines give nothing");
	is_str(wrap("one two three", 40, 0), "one two three\n", "short line");
	is_str(wrap("aaa bbb ccc ddd eee", 16, 0), "aaa bbb ccc ddd\neee\n",
	       "wraps at the last word that fits");
	is_str(wrap("aaaa bbbb cccc dddd", 19, 0), "aaaa bbbb cccc dddd\n",
	       "a line of exactly the width fits");
	is_str(wrap("aaaa bbbb cccc dddd", 18, 0), "aaaa bbbb cccc\ndddd\n",
	       "one column short wraps");
	is_str(wrap("joined\nlines of\none paragraph", 80, 0),
	       "joined lines of one paragraph\n",
	       "lines of a paragraph are joined with spaces");
	is_str(wrap("  lots   of\tspace  ", 80, 0), "lots of space\n",
	       "runs of white space collapse");
	is_str(wrap("crlf\r\nline\r\n", 80, 0), "crlf line\n", "CRLF is fine");
}

static void test_paragraphs(void)
{
	is_str(wrap("first para\n\nsecond para", 80, 0),
	       "first para\n\nsecond para\n", "paragraphs stay apart");
	is_str(wrap("first\n\n\n  \nsecond\n\n", 80, 0), "first\n\nsecond\n",
	       "runs of blank lines collapse to one");
	is_str(wrap("\n\nlead", 80, 0), "lead\n", "no leading blank line");
	is_str(wrap("para one\n\npara two", 80, 2),
	       "  para one\n\n  para two\n",
	       "indent on every line, not on the blank one");
}

static void test_lists(void)
{
	is_str(wrap("Steps:\n- one\n- two\n3. three\n12) twelve", 80, 0),
	       "Steps:\n- one\n- two\n3. three\n12) twelve\n",
	       "list items keep their own lines");
	is_str(wrap("- alpha beta gamma delta epsilon", 20, 0),
	       "- alpha beta gamma\n  delta epsilon\n",
	       "a list item hangs under its text");
	is_str(wrap("1. alpha beta gamma delta epsilon", 20, 2),
	       "  1. alpha beta\n     gamma delta\n     epsilon\n",
	       "hanging indent counts the marker and the indent");
	is_str(wrap("- item\n  continued here", 80, 0),
	       "- item continued here\n",
	       "an unmarked line continues the item above");
	is_str(wrap("-not a list\n2.5 either", 80, 0),
	       "-not a list 2.5 either\n", "a marker needs a space after it");
}

static void test_utf8(void)
{
	/* Nine two-byte letters: 18 bytes but 9 columns. */
	const char *acc = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			  "\xc3\xa9\xc3\xa9\xc3\xa9";
	char buf[256], want[512];
	is_int(wrap_cols("abc", 3), 3, "ASCII counts bytes");
	is_int(wrap_cols(acc, strlen(acc)), 9, "two-byte letters count one");
	is_int(wrap_cols("\xe2\x80\x94\xf0\x9f\x98\x80", 7), 2,
	       "three- and four-byte code points count one");
	is_int(wrap_cols("\xff\xfe", 2), 2, "stray bytes count one each");
	is_int(wrap_cols("\xc3", 1), 1, "a truncated sequence counts one");
	snprintf(buf, sizeof(buf), "%s %s", acc, acc);
	snprintf(want, sizeof(want), "%s\n", buf);
	is_str(wrap(buf, 19, 0), want, "width counts code points, not bytes");
	snprintf(want, sizeof(want), "%s\n%s\n", acc, acc);
	is_str(wrap(buf, 18, 0), want, "one column short wraps UTF-8 too");
}

static void test_long_words(void)
{
	const char *url =
		"see https://example.com/a/very/long/path/that/does/not/fit ok";
	const char *w;
	w = wrap(url, 20, 0);
	ok(lines_fit(w, 20), "a word longer than the line is cut to fit");
	ok(strstr(w, "see\nhttps://example.com/\n") != NULL,
	   "the long word starts on its own line");
	ok(strstr(w, " ok\n") != NULL || strstr(w, "\nok\n") != NULL,
	   "words after it continue");
	/* A cut never splits a code point. */
	w = wrap(
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
		16, 0);
	is_str(w,
	       "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	       "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n"
	       "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n",
	       "cuts fall between code points");
}

static void test_widths(void)
{
	const char *t = "The quick brown fox jumps over the lazy dog and then "
			"keeps running through the forest until night falls.";
	unsigned w;
	is_str(wrap("a b c", 0, 0), "a b c\n", "width 0 does not wrap");
	is_str(wrap("one\ntwo\n\nthree", 0, 1), " one two\n\n three\n",
	       "width 0 still joins and separates paragraphs");
	is_str(wrap("aaa bbb ccc ddd eee fff ggg", 4, 0),
	       "aaa bbb ccc ddd\neee fff ggg\n",
	       "a tiny width is raised to the minimum");
	for (w = WRAP_MIN_TEXT; w <= 120; w++)
		if (!lines_fit(wrap(t, w, 0), w))
			break;
	ok(w == 121, "every width from the minimum to 120 fits (stopped at %u)",
	   w);
	for (w = WRAP_MIN_TEXT + 4; w <= 120; w++)
		if (!lines_fit(wrap(t, w, 4), w))
			break;
	ok(w == 121, "indented text fits too (stopped at %u)", w);
}

/* Re-wrapping loses no word and adds none. */
static void test_words_kept(void)
{
	const char *t =
		"Alpha beta,\ngamma; delta\n\n- epsilon zeta\n2. eta theta";
	struct sb a = SB_INIT;
	size_t i;
	unsigned w;
	int same = 1;
	for (w = WRAP_MIN_TEXT; w < 60 && same; w++) {
		sb_reset(&a);
		wrap(t, w, 0);
		for (i = 0; i < got.len; i++)
			if (got.buf[i] != ' ' && got.buf[i] != '\n')
				sb_addc(&a, got.buf[i]);
		same = !strcmp(a.buf,
			       "Alpha beta,gamma;deltaepsilonzeta2.etatheta") ||
		       !strcmp(a.buf,
			       "Alphabeta,gamma;delta-epsilonzeta2.etatheta");
	}
	ok(same, "wrapping keeps every character");
	sb_release(&a);
}

static void test_fit(void)
{
	struct sb f = SB_INIT;
	is_int(wrap_vis_cols("\033[1mab\033[0m\xe2\x80\xa6", 13), 3,
	       "escapes take no columns, a code point takes one");
	is_int(wrap_head_bytes("\033[1mabc", 7, 2), 6,
	       "the head keeps the escape and two columns");
	wrap_fit(&f, "short\n", 6, 10, 1);
	is_str(f.buf, "short\n", "a line that fits is copied");
	sb_reset(&f);
	wrap_fit(&f, "a table row that is long\n", 25, 10, 1);
	is_str(f.buf, "a table\xe2\x80\xa6\n",
	       "cut: at a word boundary, then an ellipsis");
	sb_reset(&f);
	wrap_fit(&f, "\033[1mbold words here\033[0m\n", 25, 8, 1);
	is_str(f.buf, "\033[1mbold\xe2\x80\xa6\033[0m\n",
	       "cut: a reset after a coloured line");
	sb_reset(&f);
	wrap_fit(&f, "abcdefghijklmnop\n", 17, 8, 1);
	is_str(f.buf, "abcdefg\xe2\x80\xa6\n",
	       "cut: one long word is cut where it must be");
	sb_reset(&f);
	wrap_fit(&f, "  indented prose to wrap\n", 26, 18, 0);
	is_str(f.buf, "  indented prose\n  to wrap\n",
	       "wrap: under the line's own indent");
	sb_release(&f);
}

int main(void)
{
	test_fit();
	test_basic();
	test_paragraphs();
	test_lists();
	test_utf8();
	test_long_words();
	test_widths();
	test_words_kept();
	sb_release(&got);
	return done_testing();
}
