/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The progress report as one self-contained HTML page with inline SVG. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "safe.h"
#include "sb.h"
#include "wrap.h"
#include "xalloc.h"

static const char *const wday_name[7] = {"Mon", "Tue", "Wed", "Thu",
					 "Fri", "Sat", "Sun"};

/* Phone first: one column, charts scale to the width, tables scroll. */
static const char css[] =
	"*{box-sizing:border-box}"
	"body{margin:0 auto;max-width:60rem;padding:0 12px 24px;"
	"font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"color:#1f2328;background:#fff}"
	"h1{font-size:1.4rem;margin:16px 0 4px}"
	"h2{font-size:1.15rem;margin:24px 0 8px;border-bottom:1px solid #d0d7de}"
	"h3{font-size:1rem;margin:12px 0 4px;overflow-wrap:anywhere}"
	".meta{color:#59636e;font-size:.875rem;margin:0 0 8px}"
	"figure{margin:0 0 12px}"
	"figcaption{font-size:.875rem;color:#59636e}"
	"svg{display:block;width:100%;height:auto;max-width:40rem}"
	"svg text{font:11px system-ui,sans-serif;fill:#59636e}"
	".axis{stroke:#d0d7de;stroke-width:1}"
	".line{fill:none;stroke:#0969da;stroke-width:2}"
	".pt{fill:#0969da}"
	".l0{fill:#ebedf0}.l1{fill:#9be9a8}.l2{fill:#40c463}.l3{fill:#30a14e}.l4{fill:#216e39}"
	".bar{fill:#8250df}"
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}"
	"table{border-collapse:collapse;font-size:.875rem;min-width:100%}"
	"caption{text-align:left;font-weight:600;padding:4px 0}"
	"th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top;"
	"overflow-wrap:break-word}"
	"td.num{text-align:right;white-space:nowrap}"
	".over{color:#cf222e;font-weight:600}"
	".attempt{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:0 0 12px}"
	".prompt{font-style:italic;margin:0 0 8px;overflow-wrap:anywhere}"
	".answer{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;"
	"font:.9rem/1.5 ui-monospace,monospace}"
	"mark{background:#fff8c5;border-bottom:2px solid #d4a72c;padding:0 1px}"
	".legend{font-size:.8rem;color:#59636e}"
	".legend span{display:inline-block;width:10px;height:10px;margin:0 2px 0 8px}"
	"@media (max-width:480px){body{font-size:15px;padding:0 8px 16px}"
	/* a scorecard row becomes a card of labelled lines on a phone */
	"table,caption,tbody,tr,td{display:block;min-width:0}thead{display:none}"
	"tr{border:1px solid #d0d7de;border-radius:6px;margin:0 0 8px;padding:4px 0}"
	"td,td.num{border:0;padding:2px 8px;text-align:left;white-space:normal}"
	"td::before{content:attr(data-label) \": \";color:#59636e;font-weight:600}}";

void html_escape(struct sb *out, const char *s, size_t n)
{
	safe_html(out, s, n);
}

void html_escapes(struct sb *out, const char *s)
{
	if (s)
		safe_html(out, s, strlen(s));
}

static double clamp_score(double v)
{
	if (!(v >= 0.0))
		return 0.0;
	return v > 100.0 ? 100.0 : v;
}

static int span_cmp(const void *a, const void *b)
{
	const struct html_span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

void html_marked(struct sb *out, const char *text, size_t len,
		 const struct html_span *spans, size_t n)
{
	unsigned char *edge;
	struct html_span *v;
	size_t i, nv = 0, pos = 0;

	if (!n) {
		html_escape(out, text, len);
		return;
	}
	/* wrap_cp_len() is looser than safe_html()'s decoder, so an edge
	 * found here never falls inside a sequence that safe_html() keeps. */
	edge = xcalloc(len + 1, 1);
	for (i = 0; i < len; i += wrap_cp_len(text + i, len - i))
		edge[i] = 1;
	edge[len] = 1;
	v = xmalloc(n * sizeof *v);
	for (i = 0; i < n; i++) {
		size_t a = spans[i].start < len ? spans[i].start : len;
		size_t z = spans[i].end < len ? spans[i].end : len;
		while (!edge[a])
			a--;
		while (!edge[z])
			z++;
		if (a < z)
			v[nv++] = (struct html_span){a, z, spans[i].criterion};
	}
	qsort(v, nv, sizeof *v, span_cmp);
	for (i = 0; i < nv;) {
		size_t a = v[i].start, z = v[i].end, j = i + 1, k;
		int titled = 0;
		while (j < nv && v[j].start <= z) {
			if (v[j].end > z)
				z = v[j].end;
			j++;
		}
		html_escape(out, text + pos, a - pos);
		sb_adds(out, "<mark");
		for (k = i; k < j; k++) {
			size_t m;
			if (!v[k].criterion || !*v[k].criterion)
				continue;
			for (m = i; m < k; m++)
				if (v[m].criterion &&
				    !strcmp(v[m].criterion, v[k].criterion))
					break;
			if (m < k)
				continue;
			sb_adds(out, titled ? ", " : " title=\"");
			html_escapes(out, v[k].criterion);
			titled = 1;
		}
		sb_adds(out, titled ? "\">" : ">");
		html_escape(out, text + a, z - a);
		sb_adds(out, "</mark>");
		pos = z;
		i = j;
	}
	html_escape(out, text + pos, len - pos);
	free(v);
	free(edge);
}

static void duration(struct sb *out, unsigned s)
{
	if (s < 60)
		sb_addf(out, "%us", s);
	else if (s % 60)
		sb_addf(out, "%um%02us", s / 60, s % 60);
	else
		sb_addf(out, "%um", s / 60);
}

/* Chart geometry, in SVG user units (the SVG scales to the page width). */
#define TREND_W 320.0
#define TREND_H 120.0
#define TREND_L 28.0 /* room for the axis labels */
#define TREND_R 8.0
#define TREND_T 8.0
#define TREND_B 8.0

static void trend_chart(struct sb *out, const struct html_trend *t)
{
	double pw = TREND_W - TREND_L - TREND_R,
	       ph = TREND_H - TREND_T - TREND_B;
	size_t i;

	sb_adds(out, "<figure><h3>");
	html_escapes(out, t->category);
	sb_addf(out, "</h3>\n<svg data-chart=\"trend\" data-category=\"");
	html_escapes(out, t->category);
	sb_addf(out,
		"\" data-points=\"%zu\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		"aria-label=\"score trend, %zu scores\">\n",
		t->n, TREND_W, TREND_H, t->n);
	for (i = 0; i <= 2; i++) {
		double y = TREND_T + ph * (double)i / 2.0;
		sb_addf(out,
			"<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
			"<text x=\"2\" y=\"%.1f\">%u</text>\n",
			TREND_L, y, TREND_W - TREND_R, y, y + 4.0,
			100u - 50u * (unsigned)i);
	}
	if (t->n) {
		/* the line's points, then a dot on each: one walk for both */
		struct sb pts = SB_INIT, dots = SB_INIT;
		for (i = 0; i < t->n; i++) {
			double v = clamp_score(t->scores[i]);
			double x =
				t->n == 1
					? TREND_L + pw / 2.0
					: TREND_L + pw * (double)i /
							    (double)(t->n - 1);
			double y = TREND_T + ph * (100.0 - v) / 100.0;
			sb_addf(&pts, "%s%.1f,%.1f", i ? " " : "", x, y);
			sb_addf(&dots,
				"<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
				"data-score=\"%.0f\"><title>%.0f</title></circle>\n",
				x, y, v, v);
		}
		sb_addf(out, "<polyline class=\"line\" points=\"%s\"/>\n",
			pts.buf);
		sb_add(out, dots.buf, dots.len);
		sb_release(&pts);
		sb_release(&dots);
	}
	sb_adds(out, "</svg>\n");
	if (t->n)
		sb_addf(out,
			"<figcaption>%zu score%s: first %.0f, last %.0f</figcaption>",
			t->n, t->n == 1 ? "" : "s", clamp_score(t->scores[0]),
			clamp_score(t->scores[t->n - 1]));
	else
		sb_adds(out, "<figcaption>no scores yet</figcaption>");
	sb_adds(out, "</figure>\n");
}

#define CELL 14.0
#define CAL_L 30.0
#define CAL_T 4.0

static void calendar_chart(struct sb *out, const struct html_report *r)
{
	size_t n = r->nactivity, b, weeks;
	int wday = r->today_wday >= 0 && r->today_wday <= 6 ? r->today_wday : 6;
	unsigned long total = 0;

	/* k = days back + days from today to Sunday: week column from the right */
	weeks = (n - 1 + (size_t)(6 - wday)) / 7 + 1;
	sb_addf(out,
		"<figure><svg data-chart=\"calendar\" data-days=\"%zu\" "
		"viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"attempts a day\">\n",
		n, CAL_L + CELL * (double)weeks, CAL_T + CELL * 7.0);
	for (b = 0; b < 7; b += 2)
		sb_addf(out, "<text x=\"0\" y=\"%.1f\">%s</text>\n",
			CAL_T + CELL * (double)b + 10.0, wday_name[b]);
	for (b = 0; b < n; b++) {
		size_t k = b + (size_t)(6 - wday), col = weeks - 1 - k / 7,
		       row = 6 - k % 7;
		unsigned c = r->activity[n - 1 - b];
		total += c;
		sb_addf(out,
			"<rect class=\"l%u\" x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" "
			"rx=\"2\" data-count=\"%u\"><title>%u attempt%s, ",
			chart_shade_level(c), CAL_L + CELL * (double)col,
			CAL_T + CELL * (double)row, c, c, c == 1 ? "" : "s");
		if (b)
			sb_addf(out, "%zu day%s ago", b, b == 1 ? "" : "s");
		else
			sb_adds(out, "today");
		sb_adds(out, "</title></rect>\n");
	}
	sb_adds(out,
		"</svg>\n<figcaption class=\"legend\">0<span class=\"l0\"></span>"
		"1<span class=\"l1\"></span>2-3<span class=\"l2\"></span>"
		"4-5<span class=\"l3\"></span>6+<span class=\"l4\"></span>");
	sb_addf(out,
		" &#8212; %lu attempt%s in %zu days</figcaption></figure>\n",
		total, total == 1 ? "" : "s", n);
}

#define BAR_ROW 18.0
#define BAR_L 64.0
#define BAR_W 240.0

static void forecast_chart(struct sb *out, const struct html_report *r)
{
	size_t i;
	unsigned max = 0;
	unsigned long total = 0;
	int wday = r->today_wday >= 0 && r->today_wday <= 6 ? r->today_wday : 6;

	for (i = 0; i < r->ndue; i++) {
		total += r->due[i];
		if (r->due[i] > max)
			max = r->due[i];
	}
	sb_addf(out,
		"<figure><svg data-chart=\"forecast\" data-days=\"%zu\" "
		"viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"reviews due a day\">\n",
		r->ndue, BAR_L + BAR_W + 40.0, BAR_ROW * (double)r->ndue + 4.0);
	for (i = 0; i < r->ndue; i++) {
		double y = BAR_ROW * (double)i + 2.0;
		double w = max ? BAR_W * (double)r->due[i] / (double)max : 0.0;
		if (i)
			sb_addf(out, "<text x=\"0\" y=\"%.1f\">%s +%zu</text>",
				y + 11.0, wday_name[((size_t)wday + i) % 7], i);
		else
			sb_addf(out, "<text x=\"0\" y=\"%.1f\">today</text>",
				y + 11.0);
		sb_addf(out,
			"<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			"height=\"14\" data-count=\"%u\"/><text x=\"%.1f\" y=\"%.1f\">%u</text>\n",
			BAR_L, y, w, r->due[i], BAR_L + w + 4.0, y + 11.0,
			r->due[i]);
	}
	sb_addf(out,
		"</svg>\n<figcaption>%lu review%s due in the next %zu days</figcaption>"
		"</figure>\n",
		total, total == 1 ? "" : "s", r->ndue);
}

static void mock_table(struct sb *out, const struct html_mock *m)
{
	size_t i;
	sb_addf(out,
		"<div class=\"scroll\"><table data-chart=\"mock\" data-rows=\"%zu\">"
		"<caption>",
		m->n);
	html_escapes(out, m->title ? m->title : "Mock interview");
	if (m->verdict) {
		sb_adds(out, ": ");
		html_escapes(out, m->verdict);
	}
	sb_adds(out,
		"</caption>\n<thead><tr><th>Question</th><th>Score</th><th>Grade</th>"
		"<th>Time / limit</th><th>Weakest criterion</th><th>Verdict</th></tr></thead>\n"
		"<tbody>\n");
	for (i = 0; i < m->n; i++) {
		const struct html_mock_row *q = &m->rows[i];
		int over = q->limit_s && q->time_s > q->limit_s;
		sb_adds(out, "<tr><td data-label=\"Question\">");
		html_escapes(out, q->question);
		sb_addf(out,
			"</td><td class=\"num\" data-label=\"Score\">%.0f</td>"
			"<td data-label=\"Grade\">",
			clamp_score(q->score));
		html_escapes(out, q->grade);
		sb_addf(out,
			"</td><td class=\"num%s\" data-label=\"Time / limit\">",
			over ? " over" : "");
		duration(out, q->time_s);
		if (q->limit_s) {
			sb_adds(out, " / ");
			duration(out, q->limit_s);
		}
		sb_adds(out, "</td><td data-label=\"Weakest\">");
		if (q->weakest) {
			sb_adds(out, "<strong>");
			html_escapes(out, q->weakest);
			sb_adds(out, "</strong>");
		}
		if (q->feedback) {
			sb_adds(out, q->weakest ? "<br>" : "");
			html_escapes(out, q->feedback);
		}
		sb_adds(out, "</td><td data-label=\"Verdict\">");
		html_escapes(out, q->verdict);
		sb_adds(out, "</td></tr>\n");
	}
	sb_adds(out, "</tbody></table></div>\n");
}

static void attempt_card(struct sb *out, const struct html_attempt *a)
{
	sb_addf(out,
		"<article class=\"attempt\" data-attempt=\"%lld\" data-marks=\"%zu\">"
		"<h3>#%lld ",
		a->id, a->nevidence, a->id);
	html_escapes(out, a->question_id);
	sb_addf(out, ": %.0f", clamp_score(a->score));
	if (a->grade) {
		sb_adds(out, " (");
		html_escapes(out, a->grade);
		sb_adds(out, ")");
	}
	sb_adds(out, "</h3>\n<p class=\"meta\">");
	html_escapes(out, a->when);
	if (a->when && a->category)
		sb_adds(out, " &#183; ");
	html_escapes(out, a->category);
	sb_adds(out, "</p>\n");
	if (a->prompt) {
		sb_adds(out, "<p class=\"prompt\">");
		html_escapes(out, a->prompt);
		sb_adds(out, "</p>\n");
	}
	sb_adds(out, "<div class=\"answer\">");
	html_marked(out, a->answer ? a->answer : "",
		    a->answer ? a->answer_len : 0, a->evidence, a->nevidence);
	sb_adds(out, "</div></article>\n");
}

void html_report(struct sb *out, const struct html_report *r)
{
	const char *title = r->title ? r->title : "pmdrill progress";
	size_t i;

	sb_adds(out,
		"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	html_escapes(out, title);
	sb_addf(out, "</title>\n<style>%s</style>\n</head><body>\n<h1>", css);
	html_escapes(out, title);
	sb_adds(out, "</h1>\n");
	if (r->generated) {
		sb_adds(out, "<p class=\"meta\">");
		html_escapes(out, r->generated);
		sb_adds(out, "</p>\n");
	}
	if (r->ntrends) {
		sb_adds(out, "<section id=\"trend\"><h2>Score trend</h2>\n");
		for (i = 0; i < r->ntrends; i++)
			trend_chart(out, &r->trends[i]);
		sb_adds(out, "</section>\n");
	}
	if (r->nactivity) {
		sb_adds(out, "<section id=\"calendar\"><h2>Activity</h2>\n");
		calendar_chart(out, r);
		sb_adds(out, "</section>\n");
	}
	if (r->ndue) {
		sb_adds(out, "<section id=\"forecast\"><h2>Due</h2>\n");
		forecast_chart(out, r);
		sb_adds(out, "</section>\n");
	}
	if (r->nmocks) {
		sb_adds(out,
			"<section id=\"mocks\"><h2>Mock interviews</h2>\n");
		for (i = 0; i < r->nmocks; i++)
			mock_table(out, &r->mocks[i]);
		sb_adds(out, "</section>\n");
	}
	if (r->nattempts) {
		sb_adds(out,
			"<section id=\"attempts\"><h2>Recent attempts</h2>\n");
		for (i = 0; i < r->nattempts; i++)
			attempt_card(out, &r->attempts[i]);
		sb_adds(out, "</section>\n");
	}
	sb_adds(out, "</body></html>\n");
}
