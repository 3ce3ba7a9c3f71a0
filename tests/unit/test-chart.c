/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for chart: widths, downsampling, shading, bars, hostile labels. */
#include "chart.h"

#include <string.h>

#include "sb.h"
#include "tap.h"
#include "wrap.h"

static const unsigned widths[] = {40, 60, 80, 120};

/* Hostile labels: OSC 52, CSI 2J, a bare ESC and BEL, C1 CSI, bad UTF-8. */
static const char *const hostile[] = {
	"\033]52;c;SGVsbG8=\a",
	"\033[2J\033[Hwiped",
	"x\xc2\x9b"
	"31mred",
	"bad\xff\xfe\xc3",
	"\033",
	"bidi\xe2\x80\xae"
	"txet",
};
#define NHOSTILE (sizeof hostile / sizeof hostile[0])

/* Every line of s has at most `width` visible columns, no trailing blank. */
static int lines_fit(const char *s, size_t n, unsigned width, size_t *widest)
{
	size_t pos = 0;
	int fits = 1;
	*widest = 0;
	while (pos < n) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - (s + pos)) : n - pos;
		size_t c = wrap_vis_cols(s + pos, len);
		if (c > *widest)
			*widest = c;
		if (c > width || (len && s[pos + len - 1] == ' '))
			fits = 0;
		if (!nl)
			return 0; /* every line ends with a newline */
		pos += len + 1;
	}
	return fits;
}

/* Valid UTF-8 with no C0 (but '\n'), DEL or C1 control; with `sgr`, ESC
 * only as the start of an SGR sequence "\033[" digits/';' "m". */
static int is_clean(const char *s, size_t n, int sgr)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t len, k;
		if (c == 0x1b) {
			if (!sgr || i + 1 >= n || p[i + 1] != '[')
				return 0;
			for (k = i + 2;
			     k < n &&
			     ((p[k] >= '0' && p[k] <= '9') || p[k] == ';');
			     k++)
				;
			if (k >= n || p[k] != 'm')
				return 0;
			i = k + 1;
			continue;
		}
		if ((c < 0x20 && c != '\n') || c == 0x7f)
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
			return 0; /* C1 */
		i += len;
	}
	return 1;
}

static const char *line_starting(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	while (s && *s) {
		if (!strncmp(s, prefix, n))
			return s;
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	return NULL;
}

static size_t line_len(const char *s)
{
	const char *nl = strchr(s, '\n');
	return nl ? (size_t)(nl - s) : strlen(s);
}

/* Every chart with hostile and very long labels, at width w. */
static void all_charts(struct sb *out, unsigned w, int color)
{
	static double a[500], b[] = {12, 99, 100, 0};
	unsigned cal[CHART_CAL_DAYS], due[CHART_DUE_DAYS];
	struct chart_series s[NHOSTILE + 3];
	struct chart_weakness wk[NHOSTILE + 2];
	struct chart_day t = {2026, 3, 2, 0};
	size_t i;

	for (i = 0; i < 500; i++)
		a[i] = (double)((i * 37) % 101);
	for (i = 0; i < CHART_CAL_DAYS; i++)
		cal[i] = (unsigned)(i % 9);
	for (i = 0; i < CHART_DUE_DAYS; i++)
		due[i] = (unsigned)(i * 1000 % 7919);
	for (i = 0; i < NHOSTILE; i++) {
		s[i] = (struct chart_series){hostile[i], a, 500 - i * 50};
		wk[i] = (struct chart_weakness){
			hostile[i], hostile[NHOSTILE - 1 - i], 3, 4};
	}
	s[NHOSTILE] = (struct chart_series){
		"a-category-name-far-longer-than-any-column-"
		"of-the-sparkline-could-hold",
		b, 4};
	s[NHOSTILE + 1] = (struct chart_series){"", NULL, 0};
	s[NHOSTILE + 2] =
		(struct chart_series){"\xe2\x96\x88\xc3\xa9\xc3\xa9", b, 1};
	wk[NHOSTILE] = (struct chart_weakness){
		"averyveryverylongcriterionnamewithnospacesatallthatmustbecutsomewhere",
		"prioritization", 1000000, 4000000};
	wk[NHOSTILE + 1] = (struct chart_weakness){"unused", "x", 0, 0};
	chart_sparkline(out, s, NHOSTILE + 3, w, color);
	chart_calendar(out, cal, CHART_CAL_DAYS, &t, w, color);
	chart_forecast(out, due, CHART_DUE_DAYS, &t, w, color);
	chart_weakness(out, wk, NHOSTILE + 2, w, color);
}

static void test_widths(void)
{
	struct sb out = SB_INIT;
	size_t i, widest;
	int color;
	for (color = 0; color <= 1; color++) {
		for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
			sb_reset(&out);
			all_charts(&out, widths[i], color);
			if (!ok(lines_fit(out.buf, out.len, widths[i], &widest),
				"every line fits %u columns (colour %s)",
				widths[i], color ? "on" : "off"))
				fprintf(stderr, "# widest %zu:\n%s", widest,
					out.buf);
			ok(is_clean(out.buf, out.len, color),
			   "hostile labels leave no raw control byte at %u (colour %s)",
			   widths[i], color ? "on" : "off");
			if (color)
				ok(memchr(out.buf, '\033', out.len) != NULL,
				   "colour on writes SGR at %u", widths[i]);
			else
				ok(memchr(out.buf, '\033', out.len) == NULL,
				   "colour off writes no ESC byte at %u",
				   widths[i]);
		}
	}
	sb_reset(&out);
	all_charts(&out, 5, 0);
	if (!ok(lines_fit(out.buf, out.len, CHART_MIN_WIDTH, &widest),
		"a tiny width is laid out at CHART_MIN_WIDTH"))
		fprintf(stderr, "# widest %zu:\n%s", widest, out.buf);
	sb_reset(&out);
	all_charts(&out, 80, 0);
	ok(strstr(out.buf, "^[]52;c;SGVsbG8=^G") != NULL,
	   "OSC 52 label is shown visibly");
	ok(strstr(out.buf, "\xe2\x80\xa6") != NULL,
	   "a long label is cut with an ellipsis");
	sb_release(&out);
}

static void test_downsample(void)
{
	double in[1000], out[50], sum = 0;
	size_t n, i;
	for (i = 0; i < 1000; i++)
		in[i] = (double)(i % 100);
	in[0] = 3;
	in[999] = 97;
	n = chart_downsample(in, 1000, out, 50);
	is_int(n, 50, "1000 points fill 50 cells");
	ok(out[0] == 3.0 && out[49] == 97.0,
	   "first and last points keep their own cells");
	/* the 998 interior points in 48 buckets of 20 or 21 */
	for (i = 1; i < 21; i++)
		sum += in[i];
	ok(out[1] == sum / 20.0, "an interior cell is its bucket's mean");
	n = chart_downsample(in, 7, out, 50);
	ok(n == 7 && out[0] == 3.0 && out[6] == 6.0,
	   "fewer points than cells are copied");
	in[1] = 250;
	in[2] = -4;
	n = chart_downsample(in, 3, out, 50);
	ok(out[1] == 100.0 && out[2] == 0.0, "values are clamped to 0..100");
	is_int(chart_downsample(in, 5, out, 1), 1, "one cell holds one value");
	ok(out[0] == in[4], "a single cell shows the last score");
	is_int(chart_downsample(in, 0, out, 9), 0, "no points, no cells");

	{
		struct sb o = SB_INIT;
		double big[300];
		struct chart_series s = {"metrics", big, 300};
		const char *l;
		for (i = 0; i < 300; i++)
			big[i] = 50;
		big[0] = 7;
		big[299] = 85;
		chart_sparkline(&o, &s, 1, 40, 0);
		l = line_starting(o.buf, "metrics");
		ok(l && !strncmp(l + line_len(l) - 3, " 85", 3),
		   "last score labelled: %.*s", l ? (int)line_len(l) : 0,
		   l ? l : "");
		ok(l && !strncmp(l, "metrics   7 \xe2\x96\x81", 15),
		   "first score labelled before a low first cell");
		ok(l && strstr(l, "\xe2\x96\x87 85") != NULL,
		   "the last cell is the last score");
		sb_release(&o);
	}
}

static void test_calendar(void)
{
	unsigned cal[CHART_CAL_DAYS] = {0};
	struct chart_day sun = {2026, 3, 8, 6}, wed = {2026, 3, 4, 2};
	struct sb out = SB_INIT;
	const char *rows[7] = {"Mo ", "Tu ", "We ", "Th ", "Fr ", "Sa ", "Su "};
	const char *l;
	size_t i, n;

	is_str(chart_shade(0), "\xc2\xb7", "0 attempts: middle dot");
	is_str(chart_shade(1), "\xe2\x96\x91", "1 attempt: light shade");
	is_str(chart_shade(3), "\xe2\x96\x92", "3 attempts: medium shade");
	is_str(chart_shade(4), "\xe2\x96\x93", "4 attempts: dark shade");
	is_str(chart_shade(60), "\xe2\x96\x88", "60 attempts: full block");
	is_int(chart_shade_level(0), 0, "level 0: none");
	is_int(chart_shade_level(1), 1, "level 1: one");
	is_int(chart_shade_level(3), 2, "level 2: up to three");
	is_int(chart_shade_level(5), 3, "level 3: up to five");
	is_int(chart_shade_level(6), 4, "level 4: six or more");

	cal[181] = 1; /* Sunday, today */
	cal[180] = 2;
	cal[179] = 4;
	cal[178] = 6;
	cal[0] = 9; /* 181 days ago: the top-left cell with today a Sunday */
	chart_calendar(&out, cal, CHART_CAL_DAYS, &sun, 80, 0);
	for (i = 0, n = 0; i < 7; i++)
		n += line_starting(out.buf, rows[i]) != NULL;
	is_int(n, 7, "seven weekday rows");
	l = line_starting(out.buf, "Su ");
	ok(l && wrap_cols(l, line_len(l)) == 3 + 26 * 2 - 1, "26 week columns");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x91", 3),
	   "today (1) is light");
	l = line_starting(out.buf, "Sa ");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x92", 3),
	   "yesterday (2) is medium");
	l = line_starting(out.buf, "Fr ");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x93", 3), "4 is dark");
	l = line_starting(out.buf, "Th ");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x88", 3), "6 is full");
	l = line_starting(out.buf, "Mo ");
	ok(l && !strncmp(l + 3, "\xe2\x96\x88 \xc2\xb7", 5),
	   "the oldest day is top left");
	ok(strstr(out.buf, "Activity, last 26 weeks\n") != NULL, "full title");
	ok(strstr(out.buf, "Oct") && strstr(out.buf, "Feb") &&
		   strstr(out.buf, "Mar"),
	   "month labels above the weeks");
	ok(strstr(out.buf, "22 attempts on 5 days in 182 days") != NULL,
	   "totals line");

	sb_reset(&out);
	chart_calendar(&out, cal, CHART_CAL_DAYS, &wed, 80, 0);
	l = line_starting(out.buf, "We ");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x91", 3),
	   "today on a Wednesday row");
	l = line_starting(out.buf, "Th ");
	ok(l && wrap_cols(l, line_len(l)) == 3 + 25 * 2 - 1,
	   "days after today are blank");

	sb_reset(&out);
	chart_calendar(&out, cal, CHART_CAL_DAYS, &sun, 40, 0);
	ok(strstr(out.buf, "Activity, last 19 of 26 weeks (narrow)\n") != NULL,
	   "a narrow calendar says it shows fewer weeks");
	l = line_starting(out.buf, "Su ");
	ok(l && wrap_cols(l, line_len(l)) == 3 + 19 * 2 - 1,
	   "19 week columns at 40");
	ok(l && !strncmp(l + line_len(l) - 3, "\xe2\x96\x91", 3),
	   "the narrow form keeps today");

	sb_reset(&out);
	{
		struct chart_day nodate = {0, 0, 0, 6};
		chart_calendar(&out, cal, CHART_CAL_DAYS, &nodate, 80, 0);
		ok(!strstr(out.buf, "Mar"), "no date, no month labels");
		for (i = 0, n = 0; i < 7; i++)
			n += line_starting(out.buf, rows[i]) != NULL;
		is_int(n, 7, "seven rows without a date");
	}
	sb_release(&out);
}

/* The bar length (in full blocks) on the forecast line starting with p. */
static size_t bar_of(const char *s, const char *p)
{
	const char *l = line_starting(s, p), *e;
	size_t n = 0;
	if (!l)
		return (size_t)-1;
	e = l + line_len(l);
	for (; l + 3 <= e; l++)
		if (!strncmp(l, "\xe2\x96\x88", 3))
			n++;
	return n;
}

static void test_forecast(void)
{
	unsigned due[CHART_DUE_DAYS] = {10, 5, 0, 1, 2,  3, 4,
					6,  7, 8, 9, 10, 0, 0};
	struct chart_day t = {2026, 2, 27, 4}; /* Friday */
	struct sb out = SB_INIT;
	size_t i, k;

	for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
		size_t barmax = widths[k] - 6 - 2 - 2, full, worst = 0;
		sb_reset(&out);
		chart_forecast(&out, due, CHART_DUE_DAYS, &t, widths[k], 0);
		full = bar_of(out.buf, "today");
		is_int(full, barmax, "the largest count fills the width");
		{
			static const char *const names[] = {"Sat", "Sun", "Mon",
							    "Tue", "Wed", "Thu",
							    "Fri"};
			const char *l = strchr(out.buf, '\n') +
					1; /* the "today" line */
			for (i = 1; i < CHART_DUE_DAYS; i++) {
				size_t got, want2;
				l = strchr(l, '\n') + 1;
				ok(!strncmp(l, names[(i - 1) % 7], 3),
				   "day %zu is a %s", i, names[(i - 1) % 7]);
				got = bar_of(l, names[(i - 1) % 7]);
				/* twice the exact length, to compare without floats */
				want2 = 2 * due[i] * barmax / 10;
				if (2 * got > want2 + 2 * worst)
					worst = (2 * got - want2 + 1) / 2;
				if (want2 > 2 * got + 2 * worst)
					worst = (want2 - 2 * got + 1) / 2;
			}
		}
		ok(worst <= 1,
		   "bars are proportional, rounded to a cell, at %u",
		   widths[k]);
	}
	ok(strstr(out.buf, "Sat 28 ") != NULL &&
		   strstr(out.buf, "Sun  1 ") != NULL,
	   "day labels cross the month end");
	ok(strstr(out.buf, "Due, next 14 days: 65 reviews") != NULL,
	   "total in the title");
	{
		unsigned one[CHART_DUE_DAYS] = {1000, 1};
		sb_reset(&out);
		chart_forecast(&out, one, CHART_DUE_DAYS, &t, 40, 0);
		is_int(bar_of(out.buf, "Sat"), 1,
		       "anything due shows at least one cell");
		ok(strstr(out.buf, "Sun  1 0\n") != NULL,
		   "nothing due: no bar, 0");
	}
	sb_release(&out);
}

static void test_weakness(void)
{
	struct chart_weakness w[] = {
		{"trade-offs", "prioritization", 7, 10},
		{"metric", NULL, 1, 1},
		{"skipped", "metrics", 0, 0},
	};
	struct sb out = SB_INIT;
	chart_weakness(&out, w, 3, 80, 0);
	is_str(out.buf,
	       "Weakest criteria\n"
	       "- trade-offs missed in 7 of 10 prioritization answers\n"
	       "- metric missed in 1 of 1 answer\n",
	       "weakness lines");
	sb_reset(&out);
	chart_weakness(&out, w, 1, 40, 0);
	is_str(out.buf,
	       "Weakest criteria\n"
	       "- trade-offs missed in 7 of 10\n"
	       "  prioritization answers\n",
	       "wrapped at a word, hanging under the text");
	sb_reset(&out);
	chart_weakness(&out, w, 1, 40, 1);
	ok(strstr(out.buf, "\033[33m- trade-offs missed in 7 of 10\033[0m\n") !=
		   NULL,
	   "colour marks a criterion missed in most answers, line by line");
	{
		struct chart_weakness big[] = {
			{"big", "x", 3000000000u, 4000000000u},
			{"few", "x", 1, 4000000000u}};
		sb_reset(&out);
		chart_weakness(&out, big, 2, 80, 1);
		ok(strstr(out.buf,
			  "\033[33m- big missed in 3000000000 of 4000000000 x answers") &&
			   strstr(out.buf, "\n- few missed"),
		   "the half-way test does not overflow");
	}
	sb_release(&out);
}

int main(void)
{
	test_widths();
	test_downsample();
	test_calendar();
	test_forecast();
	test_weakness();
	return done_testing();
}
