/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * chart: progress charts laid out as terminal text, for `pmdrill stats`.
 *
 * Each chart_*() function appends a titled chart to a caller-owned sb,
 * built from plain arrays, and touches nothing else.  Every line ends with
 * '\n', carries no trailing blank and is at most `width` columns wide
 * (SGR escapes take no columns; every glyph used here is one column).
 * Widths below CHART_MIN_WIDTH are laid out as CHART_MIN_WIDTH.
 *
 * `color` adds ANSI SGR colours; the charts never rely on them: heights,
 * shades, bar lengths and numbers carry the same information without
 * colour, and with `color` 0 no ESC byte is written.
 *
 * Labels (category and criterion names) are untrusted: they go through
 * safe_term() (core/safe.h) before they reach the output, so they cannot
 * hold control bytes; a label wider than its column is cut with "…".
 *
 * Sparklines: one line per category, "label  first ▁▃▅▇ last", values
 * 0..100 oldest first (clamped; NaN counts as 0) drawn in eight heights
 * ▁▂▃▄▅▆▇█.  When a series has more points than the sparkline has
 * cells, chart_downsample() keeps the first and the last point as cells
 * of their own and averages the points between them in equal consecutive
 * buckets, one bucket a cell; the labels always show the first and last
 * scores themselves.
 *
 * Calendar: 7 rows (Mon..Sun) by one column a week, the newest week on
 * the right, today in the last column; each day a shade of its attempt
 * count (chart_shade()): 0 '·', 1 '░', 2-3 '▒', 4-5 '▓', 6+ '█', and a
 * blank for days after today or before the data; month names above the
 * week in which a month starts.  26 weeks need 54 columns; narrower, the
 * calendar keeps the newest (width - 2) / 2 weeks and its title says so.
 *
 * Forecast: one bar a day for the next 14 (or n) days, today first, each
 * labelled by its day and ending in its count; bar lengths are
 * proportional to the counts, rounded to the nearest cell, the largest
 * count filling the space left by the labels, and a day with anything due
 * shows at least one cell.
 *
 * Weaknesses: "- trade-offs missed in 7 of 10 prioritization answers",
 * one item per criterion (those with total 0 are left out), wrapped at
 * words to width by wrap_text() (core/wrap.h); with `color`, the items
 * missed in at least half their answers are yellow.
 */
#ifndef PMDRILL_CHART_H
#define PMDRILL_CHART_H

#include <stddef.h>

struct sb;

#define CHART_MIN_WIDTH 20u
#define CHART_CAL_DAYS 182u /* 26 weeks of daily counts */
#define CHART_CAL_WEEKS 26u
#define CHART_DUE_DAYS 14u

/* One category's score history, oldest first. */
struct chart_series {
	const char *label; /* untrusted, NUL-terminated */
	const double *values;
	size_t n;
};

/* Today, for placing days on the calendar and naming them. */
struct chart_day {
	int year, month,
		mday; /* month 1-12; month 0: no month or date labels */
	int wday;     /* 0 = Monday .. 6 = Sunday (rows and names) */
};

/* How often a criterion was missed in one category's answers. */
struct chart_weakness {
	const char *criterion; /* untrusted, NUL-terminated */
	const char *category;  /* untrusted; NULL or "": any category */
	unsigned missed, total;
};

void chart_sparkline(struct sb *out, const struct chart_series *s, size_t ns,
		     unsigned width, int color);
/* counts[0..n): attempts a day, counts[n - 1] today (n is CHART_CAL_DAYS). */
void chart_calendar(struct sb *out, const unsigned *counts, size_t n,
		    const struct chart_day *today, unsigned width, int color);
/* due[0..n): reviews due each day, due[0] today (n is CHART_DUE_DAYS). */
void chart_forecast(struct sb *out, const unsigned *due, size_t n,
		    const struct chart_day *today, unsigned width, int color);
void chart_weakness(struct sb *out, const struct chart_weakness *w, size_t n,
		    unsigned width, int color);

/*
 * Fit in[0..n) into at most `cols` cells as the sparkline does; writes
 * min(n, cols) values to out[] and returns how many.  Values are clamped
 * to 0..100 first.
 */
size_t chart_downsample(const double *in, size_t n, double *out, size_t cols);
/*
 * A day's attempt count as one of CHART_SHADES levels: 0 none, 1 one,
 * 2 two or three, 3 four or five, 4 six or more.  The terminal calendar
 * and the HTML one (core/html) shade by it.
 */
#define CHART_SHADES 5
unsigned chart_shade_level(unsigned count);
/* The calendar glyph (a static UTF-8 string) for a day's count. */
const char *chart_shade(unsigned count);

#endif
