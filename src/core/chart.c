/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sparklines, an activity calendar, a due forecast and weakness lines as text. */
#include "chart.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "safe.h"
#include "sb.h"
#include "wrap.h"
#include "xalloc.h"

#define SGR_RESET "\033[0m"
#define ELLIPSIS "\xe2\x80\xa6"

static const char *const spark_glyph[8] = {
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};

static const char *const wday_short[7] = {"Mo", "Tu", "We", "Th",
					  "Fr", "Sa", "Su"};
static const char *const wday_name[7] = {"Mon", "Tue", "Wed", "Thu",
					 "Fri", "Sat", "Sun"};
static const char *const month_name[12] = {"Jan", "Feb", "Mar", "Apr",
					   "May", "Jun", "Jul", "Aug",
					   "Sep", "Oct", "Nov", "Dec"};

static unsigned eff_width(unsigned width)
{
	return width < CHART_MIN_WIDTH ? CHART_MIN_WIDTH : width;
}

static double clamp_score(double v)
{
	if (!(v >= 0.0)) /* NaN too */
		return 0.0;
	return v > 100.0 ? 100.0 : v;
}

static void add_spaces(struct sb *out, size_t n)
{
	while (n--)
		sb_addc(out, ' ');
}

/* Drop the spaces that end the line begun at `start` (sb_rtrim would eat
 * the newlines before it too). */
static void trim_line(struct sb *out, size_t start)
{
	size_t len = out->len;
	while (len > start && out->buf[len - 1] == ' ')
		len--;
	sb_setlen(out, len);
}

/* A title or caption line of our own text, wrapped to the width. */
static void caption(struct sb *out, unsigned width, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void caption(struct sb *out, unsigned width, const char *fmt, ...)
{
	struct sb tmp = SB_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&tmp, fmt, ap);
	va_end(ap);
	wrap_fit(out, tmp.buf, tmp.len, width, 0);
	sb_release(&tmp);
}

/* A label made terminal-safe and cut to at most `cols` columns. */
static void safe_label(struct sb *out, const char *s, size_t cols)
{
	struct sb tmp = SB_INIT;
	safe_terms(&tmp, s ? s : "", 0);
	if (wrap_cols(tmp.buf, tmp.len) <= cols) {
		sb_add(out, tmp.buf, tmp.len);
	} else if (cols) {
		sb_add(out, tmp.buf,
		       wrap_head_bytes(tmp.buf, tmp.len, cols - 1));
		sb_adds(out, ELLIPSIS);
	}
	sb_release(&tmp);
}

static size_t label_cols(const char *s)
{
	struct sb tmp = SB_INIT;
	size_t c;
	safe_terms(&tmp, s ? s : "", 0);
	c = wrap_cols(tmp.buf, tmp.len);
	sb_release(&tmp);
	return c;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (date.h). */
static long days_from_civil(long y, long m, long d)
{
	return (long)date_days_from_civil(y, (unsigned)m, (unsigned)d);
}

static void civil_from_days(long z, int *month, int *mday)
{
	long long y;
	unsigned m, d;
	date_civil_from_days(z, &y, &m, &d);
	*month = (int)m;
	*mday = (int)d;
}

static int has_date(const struct chart_day *t)
{
	return t && t->month >= 1 && t->month <= 12 && t->mday >= 1 &&
	       t->mday <= 31;
}

static int today_wday(const struct chart_day *t)
{
	return t && t->wday >= 0 && t->wday <= 6 ? t->wday : 6;
}

size_t chart_downsample(const double *in, size_t n, double *out, size_t cols)
{
	size_t i, j, m, k;
	if (!cols || !n)
		return 0;
	if (n <= cols) {
		for (i = 0; i < n; i++)
			out[i] = clamp_score(in[i]);
		return n;
	}
	if (cols == 1) {
		out[0] = clamp_score(in[n - 1]);
		return 1;
	}
	out[0] = clamp_score(in[0]);
	out[cols - 1] = clamp_score(in[n - 1]);
	/* n > cols, so the m interior points fill k buckets, none empty */
	m = n - 2;
	k = cols - 2;
	for (j = 0; j < k; j++) {
		size_t a = 1 + j * m / k, z = 1 + (j + 1) * m / k;
		double sum = 0.0;
		for (i = a; i < z; i++)
			sum += clamp_score(in[i]);
		out[j + 1] = sum / (double)(z - a);
	}
	return cols;
}

static const char *score_sgr(double v)
{
	return v < 40.0 ? "31" : v < 70.0 ? "33" : "32";
}

void chart_sparkline(struct sb *out, const struct chart_series *s, size_t ns,
		     unsigned width, int color)
{
	size_t w = eff_width(width), labw = 0, cells, i, j;
	double *buf;

	caption(out, (unsigned)w, "Score trend (first and last score, 0-100)");
	for (i = 0; i < ns; i++) {
		size_t c = label_cols(s[i].label);
		if (c > labw)
			labw = c;
	}
	if (labw > w / 4)
		labw = w / 4;
	if (labw > 16)
		labw = 16;
	if (labw < 1)
		labw = 1;
	/* label, space, "100", space, cells, space, "100" */
	cells = w - labw - 9;
	buf = xmalloc(cells * sizeof *buf);
	for (i = 0; i < ns; i++) {
		size_t start = out->len, got;
		const char *cur;
		safe_label(out, s[i].label, labw);
		add_spaces(out, labw - wrap_cols(out->buf + start,
						 out->len - start));
		if (!s[i].n) {
			sb_adds(out, " (no scores)\n");
			continue;
		}
		sb_addf(out, " %3.0f ", clamp_score(s[i].values[0]));
		got = chart_downsample(s[i].values, s[i].n, buf, cells);
		for (j = 0, cur = NULL; j < got; j++) {
			unsigned lv = (unsigned)(buf[j] * 7.0 / 100.0 + 0.5);
			if (color && cur != score_sgr(buf[j])) {
				cur = score_sgr(buf[j]);
				sb_addf(out, "\033[%sm", cur);
			}
			sb_adds(out, spark_glyph[lv > 7 ? 7 : lv]);
		}
		if (color)
			sb_adds(out, SGR_RESET);
		sb_addf(out, " %.0f\n", clamp_score(s[i].values[s[i].n - 1]));
	}
	free(buf);
}

unsigned chart_shade_level(unsigned count)
{
	return !count       ? 0
	       : count == 1 ? 1
	       : count <= 3 ? 2
	       : count <= 5 ? 3
			    : 4;
}

const char *chart_shade(unsigned count)
{
	static const char *const glyph[CHART_SHADES] = {
		"\xc2\xb7", "\xe2\x96\x91", "\xe2\x96\x92", "\xe2\x96\x93",
		"\xe2\x96\x88"};
	return glyph[chart_shade_level(count)];
}

static const char *shade_sgr(unsigned count)
{
	static const char *const sgr[CHART_SHADES] = {
		"90", "38;5;22", "38;5;28", "38;5;34", "38;5;40"};
	return sgr[chart_shade_level(count)];
}

/* Days before today of the cell in week column c (of `weeks`) and row r;
 * negative for a day after today. */
static long cell_back(size_t c, size_t weeks, int r, int wday)
{
	return (long)(weeks - 1 - c) * 7 + (long)(wday - r);
}

static void month_line(struct sb *out, const struct chart_day *t, size_t weeks,
		       size_t width)
{
	long today = days_from_civil(t->year, t->month, t->mday);
	size_t start = out->len, c, free_at = 0;
	int prev = 0, wday = today_wday(t);
	add_spaces(out, 3);
	for (c = 0; c < weeks; c++) {
		int m, d;
		size_t pos = 3 + 2 * c;
		civil_from_days(today - cell_back(c, weeks, 0, wday), &m, &d);
		/* the first column is labelled only if its month shows a while */
		if ((c ? m != prev : d <= 21) && pos >= free_at &&
		    pos + 3 <= width) {
			add_spaces(out, pos - (out->len - start));
			sb_adds(out, month_name[m - 1]);
			free_at = pos + 4;
		}
		prev = m;
	}
	trim_line(out, start);
	sb_addc(out, '\n');
}

void chart_calendar(struct sb *out, const unsigned *counts, size_t n,
		    const struct chart_day *today, unsigned width, int color)
{
	size_t w = eff_width(width), weeks = CHART_CAL_WEEKS, c;
	unsigned long total = 0, active = 0;
	int wday = today_wday(today), r;

	if (2 + 2 * weeks > w)
		weeks = (w - 2) / 2;
	for (c = 0; c < n; c++) {
		total += counts[c];
		active += counts[c] != 0;
	}
	if (weeks < CHART_CAL_WEEKS)
		caption(out, (unsigned)w,
			"Activity, last %zu of %u weeks (narrow)", weeks,
			CHART_CAL_WEEKS);
	else
		caption(out, (unsigned)w, "Activity, last %u weeks",
			CHART_CAL_WEEKS);
	if (has_date(today))
		month_line(out, today, weeks, w);
	for (r = 0; r < 7; r++) {
		size_t start = out->len;
		sb_adds(out, wday_short[r]);
		for (c = 0; c < weeks; c++) {
			long back = cell_back(c, weeks, r, wday);
			sb_addc(out, ' ');
			if (back < 0 || (unsigned long)back >= n) {
				sb_addc(out, ' ');
				continue;
			}
			unsigned k = counts[n - 1 - (size_t)back];
			if (color)
				sb_addf(out, "\033[%sm", shade_sgr(k));
			sb_adds(out, chart_shade(k));
			if (color)
				sb_adds(out, SGR_RESET);
		}
		trim_line(out, start);
		sb_addc(out, '\n');
	}
	caption(out, (unsigned)w, "%s 0  %s 1  %s 2-3  %s 4-5  %s 6+",
		chart_shade(0), chart_shade(1), chart_shade(2), chart_shade(4),
		chart_shade(6));
	caption(out, (unsigned)w, "%lu attempt%s on %lu day%s in %zu days",
		total, total == 1 ? "" : "s", active, active == 1 ? "" : "s",
		n);
}

static size_t digits(unsigned v)
{
	size_t d = 1;
	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

void chart_forecast(struct sb *out, const unsigned *due, size_t n,
		    const struct chart_day *today, unsigned width, int color)
{
	size_t w = eff_width(width), i, barmax, labw = 6;
	unsigned max = 0;
	unsigned long total = 0;
	long t0 = has_date(today) ? days_from_civil(today->year, today->month,
						    today->mday)
				  : 0;
	int wday = today_wday(today);

	for (i = 0; i < n; i++) {
		total += due[i];
		if (due[i] > max)
			max = due[i];
	}
	caption(out, (unsigned)w, "Due, next %zu days: %lu review%s", n, total,
		total == 1 ? "" : "s");
	barmax = w - labw - 2 - digits(max);
	for (i = 0; i < n; i++) {
		size_t len = 0, start = out->len, j;
		if (!i) {
			sb_adds(out, "today");
		} else {
			sb_adds(out, wday_name[((size_t)wday + i) % 7]);
			if (has_date(today)) {
				int m, d;
				civil_from_days(t0 + (long)i, &m, &d);
				sb_addf(out, " %2d", d);
			}
		}
		add_spaces(out, labw - (out->len - start) + 1);
		if (max)
			len = (size_t)(((unsigned long long)due[i] * barmax +
					max / 2) /
				       max);
		if (due[i] && !len)
			len = 1;
		if (color && len)
			sb_adds(out, "\033[36m");
		for (j = 0; j < len; j++)
			sb_adds(out, "\xe2\x96\x88");
		if (color && len)
			sb_adds(out, SGR_RESET);
		sb_addf(out, "%s%u\n", len ? " " : "", due[i]);
	}
}

void chart_weakness(struct sb *out, const struct chart_weakness *wk, size_t n,
		    unsigned width, int color)
{
	struct sb text = SB_INIT, lines = SB_INIT;
	size_t i;

	caption(out, eff_width(width), "Weakest criteria");
	for (i = 0; i < n; i++) {
		size_t pos;
		if (!wk[i].total)
			continue;
		sb_reset(&text);
		sb_reset(&lines);
		sb_adds(&text, "- ");
		safe_terms(&text, wk[i].criterion ? wk[i].criterion : "", 0);
		sb_addf(&text, " missed in %u of %u ", wk[i].missed,
			wk[i].total);
		if (wk[i].category && *wk[i].category) {
			safe_terms(&text, wk[i].category, 0);
			sb_addc(&text, ' ');
		}
		sb_adds(&text, wk[i].total == 1 ? "answer" : "answers");
		wrap_text(&lines, text.buf, text.len, eff_width(width), 0);
		if (!color || 2ull * wk[i].missed < wk[i].total) {
			sb_add(out, lines.buf, lines.len);
			continue;
		}
		/* colour each wrapped line on its own, after the widths are set */
		for (pos = 0; pos < lines.len;) {
			const char *nl =
				memchr(lines.buf + pos, '\n', lines.len - pos);
			size_t len = (size_t)(nl - (lines.buf + pos));
			sb_adds(out, "\033[33m");
			sb_add(out, lines.buf + pos, len);
			sb_adds(out, SGR_RESET "\n");
			pos += len + 1;
		}
	}
	sb_release(&text);
	sb_release(&lines);
}
