/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for html: escaping, evidence marks, chart point counts. */
#include "html.h"

#include <string.h>

#include "sb.h"
#include "tap.h"

static struct sb got = SB_INIT;

static const char *mark(const char *text, const struct html_span *s, size_t n)
{
	sb_reset(&got);
	html_marked(&got, text, strlen(text), s, n);
	return got.buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	const char *p = hay;
	while ((p = strstr(p, needle))) {
		n++;
		p += len;
	}
	return n;
}

/* The text between the first `open` at or after `from` and `close`. */
static const char *between(const char *from, const char *open,
			   const char *close, size_t *len)
{
	const char *a = strstr(from, open), *z;
	if (!a)
		return NULL;
	z = strstr(a, close);
	if (!z)
		return NULL;
	*len = (size_t)(z - a);
	return a;
}

static size_t count_in(const char *s, size_t n, const char *needle)
{
	struct sb tmp = SB_INIT;
	size_t c;
	sb_add(&tmp, s, n);
	c = count(tmp.buf, needle);
	sb_release(&tmp);
	return c;
}

/* Valid UTF-8, no control byte but '\n' and '\t', no DEL, no C1. */
static int is_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, len;
	while (i < n) {
		unsigned c = p[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
		if (!len || c > 0xf4 || i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		if (c == 0xc2 && p[i + 1] <= 0x9f)
			return 0;
		i += len;
	}
	return 1;
}

static void test_escape(void)
{
	sb_reset(&got);
	html_escapes(&got, "<a href=\"x\">&'</a>");
	is_str(got.buf, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;",
	       "the five characters");
	sb_reset(&got);
	html_escapes(&got, "\033]52;c;SGVsbG8=\a\xc2\x9b\xff\x7f");
	is_str(got.buf, "^[]52;c;SGVsbG8=^G<U+009B>\xef\xbf\xbd^?",
	       "controls shown, bad UTF-8 replaced");
	sb_reset(&got);
	html_escapes(&got, NULL);
	is_str(got.buf, "", "NULL appends nothing");
}

static void test_marked(void)
{
	struct html_span one = {6, 11, NULL}, crit = {6, 11, "metric"};
	struct html_span overlap[] = {
		{2, 5, "b"}, {0, 3, "a"}, {9, 9, "empty"}, {7, 99, "a"}};
	struct html_span mid[] = {{4, 8, NULL}}, end_mid[] = {{0, 4, NULL}};
	struct html_span emoji[] = {{2, 3, NULL}}, esc[] = {{1, 2, "<x>"}};
	struct html_span touch[] = {{0, 2, NULL}, {2, 4, NULL}};

	is_str(mark("hello world", NULL, 0), "hello world",
	       "no spans, only escaping");
	is_str(mark("hello world", &one, 1), "hello <mark>world</mark>",
	       "one span");
	is_str(mark("hello world", &crit, 1),
	       "hello <mark title=\"metric\">world</mark>",
	       "a span names its criterion");
	is_str(mark("abcdefghij", overlap, 4),
	       "<mark title=\"a, b\">abcde</mark>fg<mark title=\"a\">hij</mark>",
	       "unsorted, overlapping, empty and overlong spans");
	is_str(mark("abcd", touch, 2), "<mark>abcd</mark>",
	       "touching spans merge");
	/* "café au lait": é is bytes 3-4 */
	is_str(mark("caf\xc3\xa9 au lait", mid, 1),
	       "caf<mark>\xc3\xa9 au</mark> lait",
	       "a start inside é moves back to its lead byte");
	is_str(mark("caf\xc3\xa9 au lait", end_mid, 1),
	       "<mark>caf\xc3\xa9</mark> au lait",
	       "an end inside é moves on past it");
	is_str(mark("a \xf0\x9f\x98\x80 b", emoji, 1),
	       "a <mark>\xf0\x9f\x98\x80</mark> b",
	       "a span inside a 4-byte emoji marks all of it");
	is_str(mark("a<b", esc, 1), "a<mark title=\"&lt;x&gt;\">&lt;</mark>b",
	       "marked text and titles are escaped");
	{
		struct html_span bad[] = {{1, 2, NULL}};
		is_str(mark("a\xff"
			    "b",
			    bad, 1),
		       "a<mark>\xef\xbf\xbd</mark>b",
		       "an invalid byte inside a mark is replaced");
		is_str(mark("\xe2\x82", bad, 1),
		       "\xef\xbf\xbd<mark>\xef\xbf\xbd</mark>",
		       "a truncated sequence is two bad bytes, each its own edge");
	}
}

#define XSS \
	"<script>alert(1)</script>\"><img onerror=alert(1)>\033[2J\xc2\x9b\xff"
#define XSS_ESC \
	"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img onerror=alert(1)&gt;"

static void test_report(void)
{
	static double s1[250], s2[] = {40, 60}, s3[] = {77};
	static unsigned cal[182], due[14] = {3, 0, 1, 9};
	struct html_trend trends[] = {{XSS, s1, 250},
				      {"metrics", s2, 2},
				      {"one", s3, 1},
				      {"none", NULL, 0}};
	struct html_mock_row rows[] = {
		{XSS, 72, XSS, 700, 600, XSS, XSS, XSS},
		{"plain", 150, "good", 300, 0, NULL, NULL, NULL},
	};
	struct html_mock mocks[] = {{XSS, XSS, rows, 2}};
	const char answer[] = XSS " trade-offs caf\xc3\xa9";
	struct html_span ev[] = {{sizeof XSS, sizeof XSS + 9, XSS},
				 {0, 8, NULL}};
	struct html_attempt at[] = {{7, XSS, XSS, XSS, XSS, 55, XSS, answer,
				     sizeof answer - 1, ev, 2}};
	struct html_report r = {XSS, XSS, trends, 4, cal, 182, 6,
				due, 14,  mocks,  1, at,  1};
	const char *p, *svg;
	size_t i, len, fields;

	for (i = 0; i < 250; i++)
		s1[i] = (double)(i % 101);
	for (i = 0; i < 182; i++)
		cal[i] = (unsigned)(i % 7);
	sb_reset(&got);
	html_report(&got, &r);

	ok(!strncmp(got.buf, "<!DOCTYPE html>\n", 16), "a whole document");
	ok(strstr(got.buf,
		  "<meta name=\"viewport\" content=\"width=device-width\">") !=
		   NULL,
	   "viewport meta for phones");
	ok(strstr(got.buf, "<style>") &&
		   strstr(got.buf, "@media (max-width:480px)"),
	   "inline CSS with a narrow-screen rule");
	is_int(count(got.buf, "<script"), 0, "no <script> anywhere");
	is_int(count(got.buf, "<img"), 0, "no <img> anywhere");
	is_int(count(got.buf, "://") + count(got.buf, "url(") +
		       count(got.buf, "<link") + count(got.buf, "@import") +
		       count(got.buf, "@font-face"),
	       0, "no external URL, stylesheet or font");
	ok(is_clean(got.buf, got.len), "no raw control byte or invalid UTF-8");
	/* page title and h1, trend h3 and data-category, mock caption and its
	 * verdict, question, grade, weakest, feedback, row verdict, attempt
	 * when, id, prompt, category, grade, answer, evidence title */
	fields = count(got.buf, XSS_ESC "^[[2J<U+009B>\xef\xbf\xbd");
	ok(fields >= 18, "every hostile field is escaped (%zu copies)", fields);
	is_int(count(got.buf, XSS_ESC), fields, "and never appears otherwise");

	is_int(count(got.buf, "data-chart=\"trend\""), 4,
	       "a trend chart per category");
	for (i = 0, p = got.buf; i < 4; i++) {
		size_t want = trends[i].n;
		char attr[64];
		svg = between(p, "data-chart=\"trend\"", "</svg>", &len);
		if (!svg)
			break;
		snprintf(attr, sizeof attr, "data-points=\"%zu\"", want);
		ok(count_in(svg, len, attr) == 1, "trend %zu says %zu points",
		   i, want);
		is_int(count_in(svg, len, "<circle"), want,
		       "one circle per score");
		is_int(count_in(svg, len, "<polyline"), want ? 1 : 0,
		       "a polyline when any");
		p = svg + len;
	}
	svg = between(got.buf, "data-chart=\"calendar\"", "</svg>", &len);
	ok(svg && count_in(svg, len, "data-days=\"182\"") == 1,
	   "calendar of 182 days");
	ok(svg && count_in(svg, len, "<rect") == 182, "one rect per day");
	ok(svg && count_in(svg, len, "data-count=\"6\"") == 26,
	   "counts carried per day");
	ok(svg && count_in(svg, len, "class=\"l4\"") == 26,
	   "6 a day is the darkest");
	ok(svg && count_in(svg, len, "class=\"l0\"") == 26,
	   "0 a day is the lightest");
	svg = between(got.buf, "data-chart=\"forecast\"", "</svg>", &len);
	ok(svg && count_in(svg, len, "<rect") == 14,
	   "one bar per forecast day");
	ok(svg && count_in(svg, len,
			   "width=\"240.0\" height=\"14\" data-count=\"9\"") ==
			   1,
	   "the largest count fills the bar width");
	ok(svg && count_in(svg, len,
			   "width=\"80.0\" height=\"14\" data-count=\"3\"") ==
			   1,
	   "bars are proportional");
	ok(count(got.buf, "data-chart=\"mock\" data-rows=\"2\"") == 1,
	   "a scorecard table");
	ok(strstr(got.buf,
		  "<td class=\"num over\" data-label=\"Time / limit\">11m40s / 10m</td>") !=
		   NULL,
	   "time over the limit is flagged");
	ok(strstr(got.buf, "<td class=\"num\" data-label=\"Score\">100</td>") !=
		   NULL,
	   "scores are clamped");
	ok(strstr(got.buf, "<mark>"
			   "&lt;script") != NULL,
	   "evidence at offset 0 is marked");
	ok(strstr(got.buf, "<mark title=\"" XSS_ESC) != NULL &&
		   strstr(got.buf, "\">trade-off</mark>s caf\xc3\xa9") != NULL,
	   "evidence at a byte offset after hostile text");
	is_int(count(got.buf, "<mark"), 2, "two marks");

	{
		struct html_report empty = {0};
		sb_reset(&got);
		html_report(&got, &empty);
		ok(!strstr(got.buf, "<section") && strstr(got.buf, "</html>"),
		   "an empty report is a page with no sections");
	}
}

int main(void)
{
	test_escape();
	test_marked();
	test_report();
	sb_release(&got);
	return done_testing();
}
