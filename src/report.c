/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rendering of a score report for a person, with evidence in context. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "wrap.h"
#include "xalloc.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_GREEN "\033[32m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_HL "\033[1;4m"

#define ELLIPSIS "\xe2\x80\xa6"
#define CONTEXT 30 /* most columns of context either side of a hit */
#define EVIDENCE_SHOWN 3
#define LABEL_COLS 30u     /* the label column, as "%-30s" had it */
#define WHAT_COLS 24u      /* most columns of an evidence line's "what:" */
#define COMPACT_SHOWN 3    /* criteria in the compact view */
#define STRENGTH_SHARE 0.1 /* a strength carries this share of the points */

static const char *col(int color, const char *code)
{
	return color ? code : "";
}

/* ---- columns ---- */

/* Back up to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Where the last `cols` columns of plain text s[0..n) start. */
static size_t tail_start(const char *s, size_t n, size_t cols)
{
	size_t i = n, c = 0;
	while (i > 0) {
		size_t j = char_start(s, i - 1);
		if (c == cols)
			break;
		c++;
		i = j;
	}
	return i;
}

/* Cut the line out->buf[start..] (no newline yet) to `w` columns, ending
 * it with an ellipsis when something was cut. */
static void fit_line(struct sb *out, size_t start, size_t w, int color)
{
	const char *s = out->buf + start;
	size_t n = out->len - start;
	if (wrap_vis_cols(s, n) <= w)
		return;
	sb_setlen(out, start + wrap_cut_bytes(s, n, w ? w - 1 : 0));
	sb_adds(out, ELLIPSIS);
	if (color)
		sb_adds(out, C_RESET);
}

static size_t line_cols(const struct sb *out, size_t start)
{
	return wrap_vis_cols(out->buf + start, out->len - start);
}

static void add_spaces(struct sb *out, size_t n)
{
	while (n--)
		sb_addc(out, ' ');
}

/* ---- untrusted text ---- */

/* Answer or rubric text on one line, made safe for the terminal: line
 * breaks and runs of white space become one space. */
static void add_flat(struct sb *out, const char *s, size_t n)
{
	struct sb c = SB_INIT;
	size_t i;
	safe_term(&c, s, n, SAFE_KEEP_NEWLINE);
	for (i = 0; i < c.len; i++) {
		char ch = c.buf[i];
		if (ch == '\n' || ch == '\r' || ch == ' ') {
			if (!out->len || out->buf[out->len - 1] != ' ')
				sb_addc(out, ' ');
			continue;
		}
		sb_addc(out, ch);
	}
	sb_release(&c);
}

static void wrap_safe(struct sb *out, const char *s, unsigned width,
		      unsigned indent)
{
	struct sb c = SB_INIT;
	safe_terms(&c, s, SAFE_KEEP_NEWLINE);
	wrap_text(out, c.buf ? c.buf : "", c.len, width, indent);
	sb_release(&c);
}

/* ---- pieces ---- */

/*
 * One evidence excerpt on one line: `what: "…before [hit] after…"`.  The
 * context either side shrinks to what the width leaves; a hit too long
 * for the line is cut with an ellipsis.
 */
static void evidence_line(struct sb *out, const char *text, size_t len,
			  const struct score_evidence *e, int color, size_t w)
{
	struct sb before = SB_INIT, hit = SB_INIT, after = SB_INIT,
		  what = SB_INIT;
	size_t a, z, avail, used, hc, bc, ac, bb, ab, start = out->len;
	if (e->end > len || e->start > e->end)
		return;
	/* a generous excerpt, in bytes; cut to columns below */
	a = e->start > CONTEXT * 4 ? char_start(text, e->start - CONTEXT * 4)
				   : 0;
	z = e->end + CONTEXT * 4 < len ? char_start(text, e->end + CONTEXT * 4)
				       : len;
	add_flat(&before, text + a, e->start - a);
	add_flat(&hit, text + e->start, e->end - e->start);
	add_flat(&after, text + e->end, z - e->end);
	if (e->what) {
		add_flat(&what, e->what, strlen(e->what));
		if (what.len && wrap_vis_cols(what.buf, what.len) > WHAT_COLS) {
			sb_setlen(&what, wrap_cut_bytes(what.buf, what.len,
							WHAT_COLS - 1));
			sb_adds(&what, ELLIPSIS);
		}
	}
	used = 6 + 2 + (color ? 0 : 2) +
	       (what.len ? wrap_vis_cols(what.buf, what.len) + 2 : 0);
	avail = w > used ? w - used : 0;
	hc = wrap_vis_cols(hit.buf, hit.len);
	bc = wrap_vis_cols(before.buf, before.len);
	ac = wrap_vis_cols(after.buf, after.len);
	if (hc + 2 > avail) {
		/* the hit alone fills the line */
		size_t keep = avail > 1 ? avail - 1 : 0;
		sb_setlen(&hit, wrap_head_bytes(hit.buf, hit.len, keep));
		sb_adds(&hit, ELLIPSIS);
		bb = ab = 0;
		bc = ac = 0;
		a = e->start;
		z = e->end;
	} else {
		size_t rest = avail - hc, half = rest / 2;
		ab = ac < half ? ac : half;
		if (ab > CONTEXT)
			ab = CONTEXT;
		bb = bc < rest - ab ? bc : rest - ab;
		if (bb > CONTEXT)
			bb = CONTEXT;
		if (ac > ab && rest - bb > ab)
			ab = ac < rest - bb ? ac : rest - bb;
		if (ab > CONTEXT)
			ab = CONTEXT;
	}
	sb_adds(out, "      ");
	if (what.len) {
		sb_adds(out, col(color, C_DIM));
		sb_add(out, what.buf, what.len);
		sb_addf(out, ":%s ", col(color, C_RESET));
	}
	sb_addc(out, '"');
	if (bb < bc || (a > 0 && bb)) {
		/* "…" takes one of the columns of context */
		size_t s =
			tail_start(before.buf, before.len, bb > 0 ? bb - 1 : 0);
		sb_adds(out, ELLIPSIS);
		sb_add(out, before.buf + s, before.len - s);
	} else if (bb) {
		sb_add(out, before.buf, before.len);
	}
	sb_adds(out, color ? C_HL : "[");
	sb_add(out, hit.buf, hit.len);
	sb_adds(out, color ? C_RESET : "]");
	if (ab < ac || (z < len && ab)) {
		size_t keep = ab > 0 ? ab - 1 : 0;
		sb_add(out, after.buf,
		       wrap_cut_bytes(after.buf, after.len, keep));
		sb_adds(out, ELLIPSIS);
	} else if (ab) {
		sb_add(out, after.buf, after.len);
	}
	sb_addc(out, '"');
	fit_line(out, start, w, color);
	sb_addc(out, '\n');
	sb_release(&before);
	sb_release(&hit);
	sb_release(&after);
	sb_release(&what);
}

/* The label column's width at a line width of w. */
static size_t label_cols(size_t w)
{
	/* "  - " + label + " " + score (10) + " " + a little detail */
	if (w >= LABEL_COLS + 4 + 12 + 12)
		return LABEL_COLS;
	return w > 4 + 12 + 12 + 10 ? w - (4 + 12 + 12) : 10;
}

/* A label padded to `lc` columns, or cut to them with an ellipsis. */
static void add_label_cut(struct sb *out, const char *label, size_t lc)
{
	struct sb l = SB_INIT;
	size_t c;
	add_flat(&l, label ? label : "", label ? strlen(label) : 0);
	c = wrap_vis_cols(l.buf, l.len);
	if (c > lc) {
		sb_setlen(&l, wrap_cut_bytes(l.buf, l.len, lc - 1));
		sb_adds(&l, ELLIPSIS);
		c = lc;
	}
	sb_add(out, l.buf, l.len);
	add_spaces(out, lc - c);
	sb_release(&l);
}

/*
 * "  - Label   14.1/25  detail": a label longer than its column wraps
 * inside it (lines hang under the label), and a detail that does not fit
 * beside the points goes under them, wrapped.
 */
static void crit_line(struct sb *out, const struct score_item *it, char mark,
		      const char *mark_color, const char *points, int color,
		      size_t w)
{
	size_t lc = label_cols(w), start = out->len, k, first_end;
	struct sb lab = SB_INIT, wrapped = SB_INIT, detail = SB_INIT;
	const char *p, *nl;

	add_flat(&lab, it->label ? it->label : "",
		 it->label ? strlen(it->label) : 0);
	wrap_text(&wrapped, lab.buf, lab.len, (unsigned)lc, 0);
	if (it->detail)
		add_flat(&detail, it->detail, strlen(it->detail));
	p = wrapped.buf;
	nl = wrapped.len ? strchr(p, '\n') : NULL;
	first_end = nl ? (size_t)(nl - p) : wrapped.len;

	sb_addf(out, "  %s%c%s ", col(color, mark_color), mark,
		col(color, C_RESET));
	sb_add(out, p, first_end);
	k = wrap_vis_cols(p, first_end);
	add_spaces(out, k < lc ? lc - k : 0);
	sb_adds(out, points);
	if (detail.len && (!nl || !nl[1]) &&
	    line_cols(out, start) + 1 + wrap_vis_cols(detail.buf, detail.len) <=
		    w) {
		sb_addf(out, " %s", col(color, C_DIM));
		sb_add(out, detail.buf, detail.len);
		sb_adds(out, col(color, C_RESET));
		sb_release(&detail);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ')
		sb_setlen(out, out->len - 1);
	sb_addc(out, '\n');
	/* the rest of a wrapped label */
	while (nl && nl[1]) {
		const char *q = nl + 1, *e = strchr(q, '\n');
		size_t n = e ? (size_t)(e - q) : strlen(q);
		sb_adds(out, "    ");
		sb_add(out, q, n);
		sb_addc(out, '\n');
		nl = e;
	}
	if (detail.len) {
		sb_adds(out, col(color, C_DIM));
		wrap_text(out, detail.buf, detail.len, (unsigned)w, 6);
		sb_adds(out, col(color, C_RESET));
	}
	sb_release(&lab);
	sb_release(&wrapped);
	sb_release(&detail);
}

static void fmt_mmss(struct sb *out, long s)
{
	if (s < 0)
		s = 0;
	sb_addf(out, "%ld:%02ld", s / 60, s % 60);
}

/* Add a piece to the header line that starts at `start`, breaking the
 * line first when the piece would not fit. */
static void header_piece(struct sb *out, size_t *start, const struct sb *piece,
			 size_t w)
{
	size_t have = line_cols(out, *start);
	if (have && have + 2 + wrap_vis_cols(piece->buf, piece->len) > w) {
		sb_addc(out, '\n');
		*start = out->len;
		have = 0;
	}
	if (have)
		sb_adds(out, "  ");
	sb_add(out, piece->buf, piece->len);
}

/* "Score 78/100  grade: good (3)  412 words  time 6:10 of 8:00, 67 wpm" */
static void header(struct sb *out, const struct score_report *rep, int color,
		   size_t w)
{
	struct sb p = SB_INIT;
	size_t start = out->len;
	sb_addf(&p, "%sScore %.0f/100%s", col(color, C_BOLD), rep->score,
		col(color, C_RESET));
	header_piece(out, &start, &p, w);
	sb_reset(&p);
	sb_addf(&p, "grade: %s (%d)", grade_name(rep->grade), rep->grade);
	header_piece(out, &start, &p, w);
	sb_reset(&p);
	sb_addf(&p, "%u words", rep->words);
	header_piece(out, &start, &p, w);
	if (rep->duration_ms >= 0) {
		long s = rep->duration_ms / 1000;
		sb_reset(&p);
		sb_adds(&p, "time ");
		fmt_mmss(&p, s);
		sb_adds(&p, " of ");
		fmt_mmss(&p, rep->limit_s);
		if (s > (long)rep->limit_s)
			sb_addf(&p, " (%s%ld s over%s)", col(color, C_YELLOW),
				s - (long)rep->limit_s, col(color, C_RESET));
		if (rep->wpm > 0)
			sb_addf(&p, ", %.0f wpm", rep->wpm);
		header_piece(out, &start, &p, w);
	}
	sb_addc(out, '\n');
	sb_release(&p);
}

/* The line width for a terminal `width` wide. */
static size_t line_width(unsigned width)
{
	if (!width)
		width = 80;
	if (width > 100)
		width = 100;
	/* Leave the last column free: many terminals wrap when it is
	 * written, which would leave a blank line under a full one. */
	return width > 1 ? width - 1 : 1;
}

void report_print_brief(FILE *out, const struct score_report *rep, int color)
{
	const char *gc = rep->grade >= GRADE_GOOD   ? C_GREEN
			 : rep->grade == GRADE_HARD ? C_YELLOW
						    : C_RED;
	fprintf(out, "%s%.0f/100%s %s%s%s", col(color, C_BOLD), rep->score,
		col(color, C_RESET), col(color, gc), grade_name(rep->grade),
		col(color, C_RESET));
}

void report_render(struct sb *b, const struct score_report *rep,
		   const char *text, size_t len, int color, unsigned width)
{
	size_t i, k, w = line_width(width);
	int any_penalty = 0;
	struct sb pts = SB_INIT;

	header(b, rep, color, w);
	sb_adds(b, "\n");
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind == CRIT_PENALTY)
			continue;
		sb_reset(&pts);
		sb_addf(&pts, " %5.1f/%-4g", it->earned, it->weight);
		crit_line(b, it, it->met ? '+' : '-', it->met ? C_GREEN : C_RED,
			  pts.buf, color, w);
		for (k = 0; k < it->nev && k < EVIDENCE_SHOWN; k++)
			evidence_line(b, text, len, &it->ev[k], color, w);
		if (it->nev > EVIDENCE_SHOWN)
			sb_addf(b, "      (and %zu more)\n",
				it->nev - EVIDENCE_SHOWN);
		if (!it->met && it->feedback) {
			sb_adds(b, col(color, C_YELLOW));
			wrap_safe(b, it->feedback, (unsigned)w, 6);
			sb_adds(b, col(color, C_RESET));
		}
	}
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind != CRIT_PENALTY || it->met)
			continue;
		if (!any_penalty)
			sb_adds(b, "\n  Penalties\n");
		any_penalty = 1;
		sb_reset(&pts);
		sb_addf(&pts, " %5.1f     ", -it->earned);
		crit_line(b, it, '!', C_YELLOW, pts.buf, color, w);
		for (k = 0; k < it->nev && k < EVIDENCE_SHOWN; k++)
			evidence_line(b, text, len, &it->ev[k], color, w);
		if (it->feedback)
			wrap_safe(b, it->feedback, (unsigned)w, 6);
	}
	if (rep->nnotes) {
		sb_adds(b, "\n");
		for (i = 0; i < rep->nnotes; i++) {
			struct sb n = SB_INIT;
			sb_addf(&n, "* %s", rep->notes[i]);
			wrap_safe(b, n.buf, (unsigned)w, 2);
			sb_release(&n);
		}
	}
	sb_release(&pts);
}

/* ---- the compact view ---- */

/* The first sentence of s (flattened), or all of it. */
static void first_sentence(struct sb *out, const char *s)
{
	struct sb f = SB_INIT;
	size_t i;
	add_flat(&f, s, strlen(s));
	for (i = 0; i + 1 < f.len; i++) {
		char c = f.buf[i];
		if ((c == '.' || c == '?' || c == '!') && f.buf[i + 1] == ' ' &&
		    i >= 12 && !(c == '.' && i >= 3 && f.buf[i - 2] == '.')) {
			sb_setlen(&f, i + 1);
			break;
		}
	}
	while (f.len && f.buf[f.len - 1] == ' ')
		sb_setlen(&f, f.len - 1);
	sb_add(out, f.buf, f.len);
	sb_release(&f);
}

/* A note up to its first " (" or ": ", the part that says what is wrong;
 * the numbers and advice are in the full report. */
static void short_note(struct sb *out, const char *note)
{
	const char *p = strstr(note, " ("), *q = strstr(note, ": ");
	size_t n = strlen(note);
	if (p && (size_t)(p - note) < n)
		n = (size_t)(p - note);
	if (q && (size_t)(q - note) < n)
		n = (size_t)(q - note);
	add_flat(out, note, n);
}

static int is_crit(const struct score_item *it)
{
	return it->active && it->kind != CRIT_PENALTY && it->weight > 0;
}

/* One criterion of the compact view: the label line, cut to fit, and for
 * a missed one the first sentence of its feedback on one line. */
static void compact_item(struct sb *out, const struct score_item *it, int color,
			 size_t w)
{
	size_t start = out->len, lc = label_cols(w);
	sb_addf(out, "  %s%c%s ", col(color, it->met ? C_GREEN : C_RED),
		it->met ? '+' : '-', col(color, C_RESET));
	add_label_cut(out, it->label, lc);
	sb_addf(out, " %5.1f/%-4g", it->earned, it->weight);
	if (it->detail && line_cols(out, start) + 8 < w) {
		sb_addf(out, " %s", col(color, C_DIM));
		add_flat(out, it->detail, strlen(it->detail));
		sb_adds(out, col(color, C_RESET));
		fit_line(out, start, w, color);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ')
		sb_setlen(out, out->len - 1);
	sb_addc(out, '\n');
	if (!it->met && it->feedback) {
		start = out->len;
		sb_addf(out, "      %s", col(color, C_YELLOW));
		first_sentence(out, it->feedback);
		sb_adds(out, col(color, C_RESET));
		fit_line(out, start, w, color);
		sb_addc(out, '\n');
	}
}

void report_render_compact(struct sb *b, const struct score_report *rep,
			   int color, unsigned width)
{
	size_t w = line_width(width), i, k, nmiss = 0, nshow, start;
	size_t *miss = xcalloc(rep->nitems + 1, sizeof(*miss));
	const struct score_item *strong = NULL;
	double total = 0;
	int any = 0;

	header(b, rep, color, w);
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!is_crit(it))
			continue;
		total += it->weight;
		if (!it->met && it->weight - it->earned > 0.05) {
			/* insertion by missed points, biggest first; ties
			 * keep the rubric's order */
			double m = it->weight - it->earned;
			size_t at = nmiss;
			while (at > 0) {
				const struct score_item *o =
					&rep->items[miss[at - 1]];
				if (o->weight - o->earned >= m)
					break;
				miss[at] = miss[at - 1];
				at--;
			}
			miss[at] = i;
			nmiss++;
		} else if (it->met &&
			   (!strong || it->weight > strong->weight)) {
			strong = it;
		}
	}
	if (strong && strong->weight < STRENGTH_SHARE * total)
		strong = NULL;
	nshow = nmiss < COMPACT_SHOWN - (strong ? 1 : 0)
			? nmiss
			: COMPACT_SHOWN - (strong ? 1 : 0);
	if (nshow || strong)
		sb_addc(b, '\n');
	for (k = 0; k < nshow; k++)
		compact_item(b, &rep->items[miss[k]], color, w);
	if (strong)
		compact_item(b, strong, color, w);
	if (!nmiss) {
		/* everything earned: the next heaviest strengths */
		size_t shown = strong ? 1 : 0;
		for (i = 0; i < rep->nitems && shown < COMPACT_SHOWN; i++) {
			const struct score_item *it = &rep->items[i];
			if (is_crit(it) && it != strong && it->met) {
				compact_item(b, it, color, w);
				shown++;
			}
		}
	}
	free(miss);

	/* the answer-wide notes and penalties, on one line */
	start = b->len;
	sb_adds(b, "  * ");
	for (i = 0; i < rep->nnotes; i++) {
		if (any)
			sb_adds(b, "; ");
		short_note(b, rep->notes[i]);
		any = 1;
	}
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind != CRIT_PENALTY || it->met)
			continue;
		sb_adds(b, any ? "; " : "");
		sb_adds(b, "penalty: ");
		add_flat(b, it->label ? it->label : "",
			 it->label ? strlen(it->label) : 0);
		sb_addf(b, " -%.1f", it->earned);
		any = 1;
	}
	if (any) {
		fit_line(b, start, w, color);
		sb_addc(b, '\n');
	} else {
		sb_setlen(b, start);
	}
}

void report_print(FILE *out, const struct score_report *rep, const char *text,
		  size_t len, int color, unsigned width)
{
	struct sb b = SB_INIT;
	report_render(&b, rep, text, len, color, width);
	fwrite(b.buf, 1, b.len, out);
	sb_release(&b);
}

void report_print_compact(FILE *out, const struct score_report *rep, int color,
			  unsigned width)
{
	struct sb b = SB_INIT;
	report_render_compact(&b, rep, color, width);
	fwrite(b.buf, 1, b.len, out);
	sb_release(&b);
}
