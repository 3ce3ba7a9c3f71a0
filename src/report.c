/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rendering of a score report for a person, with evidence in context. */
#include "report.h"

#include <string.h>

#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "wrap.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_GREEN "\033[32m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_HL "\033[1;4m"

#define CONTEXT 30
#define EVIDENCE_SHOWN 3

static const char *col(int color, const char *code)
{
	return color ? code : "";
}

/* Back up to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* An excerpt of the answer on one line, made safe for the terminal. */
static void add_flat(struct sb *out, const char *s, size_t n)
{
	size_t i, start = 0;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
			continue;
		safe_term(out, s + start, i - start, 0);
		if (i < n)
			sb_addc(out, ' ');
		start = i + 1;
	}
}

/* Rubric text (labels, details, feedback) is from a bank file: untrusted. */
static void add_safe(struct sb *out, const char *s)
{
	if (s)
		safe_terms(out, s, 0);
}

static void wrap_safe(struct sb *out, const char *s, unsigned width, unsigned indent)
{
	struct sb c = SB_INIT;
	safe_terms(&c, s, SAFE_KEEP_NEWLINE);
	wrap_text(out, c.buf ? c.buf : "", c.len, width, indent);
	sb_release(&c);
}

static void evidence_line(struct sb *out, const char *text, size_t len,
			  const struct score_evidence *e, int color)
{
	size_t a = e->start > CONTEXT ? char_start(text, e->start - CONTEXT) : 0;
	size_t b = e->end + CONTEXT < len ? char_start(text, e->end + CONTEXT) : len;
	if (e->end > len || e->start > e->end)
		return;
	sb_adds(out, "      ");
	if (e->what) {
		sb_adds(out, col(color, C_DIM));
		add_safe(out, e->what);
		sb_addf(out, ":%s ", col(color, C_RESET));
	}
	sb_adds(out, a > 0 ? "\"..." : "\"");
	add_flat(out, text + a, e->start - a);
	sb_adds(out, color ? C_HL : "[");
	add_flat(out, text + e->start, e->end - e->start);
	sb_adds(out, color ? C_RESET : "]");
	add_flat(out, text + e->end, b - e->end);
	sb_adds(out, b < len ? "...\"\n" : "\"\n");
}

/* A label padded to 30 columns, as "%-30s" did, counted in characters. */
static void add_label(struct sb *out, const char *label)
{
	size_t before = out->len, i, cols = 0;
	add_safe(out, label);
	for (i = before; i < out->len; i++)
		cols += ((unsigned char)out->buf[i] & 0xC0) != 0x80;
	for (; cols < 30; cols++)
		sb_addc(out, ' ');
}

static void fmt_mmss(struct sb *out, long s)
{
	if (s < 0)
		s = 0;
	sb_addf(out, "%ld:%02ld", s / 60, s % 60);
}

void report_print_brief(FILE *out, const struct score_report *rep, int color)
{
	const char *gc = rep->grade >= GRADE_GOOD ? C_GREEN
			 : rep->grade == GRADE_HARD ? C_YELLOW : C_RED;
	fprintf(out, "%s%.0f/100%s %s%s%s", col(color, C_BOLD), rep->score,
		col(color, C_RESET), col(color, gc), grade_name(rep->grade),
		col(color, C_RESET));
}

void report_print(FILE *out, const struct score_report *rep, const char *text,
		  size_t len, int color, unsigned width)
{
	struct sb b = SB_INIT;
	size_t i, k;
	int any_penalty = 0;
	if (!width)
		width = 80;
	if (width > 100)
		width = 100;

	sb_addf(&b, "%sScore %.0f/100%s  grade: %s (%d)  %u words",
		col(color, C_BOLD), rep->score, col(color, C_RESET),
		grade_name(rep->grade), rep->grade, rep->words);
	if (rep->duration_ms >= 0) {
		long s = rep->duration_ms / 1000;
		sb_adds(&b, "  time ");
		fmt_mmss(&b, s);
		sb_adds(&b, " of ");
		fmt_mmss(&b, rep->limit_s);
		if (s > (long)rep->limit_s)
			sb_addf(&b, " (%s%ld s over%s)", col(color, C_YELLOW),
				s - (long)rep->limit_s, col(color, C_RESET));
		if (rep->wpm > 0)
			sb_addf(&b, ", %.0f wpm", rep->wpm);
	}
	sb_adds(&b, "\n\n");

	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind == CRIT_PENALTY)
			continue;
		sb_addf(&b, "  %s%s%s ", col(color, it->met ? C_GREEN : C_RED),
			it->met ? "+" : "-", col(color, C_RESET));
		add_label(&b, it->label);
		sb_addf(&b, " %5.1f/%-4g %s", it->earned, it->weight, col(color, C_DIM));
		add_safe(&b, it->detail);
		sb_addf(&b, "%s\n", col(color, C_RESET));
		for (k = 0; k < it->nev && k < EVIDENCE_SHOWN; k++)
			evidence_line(&b, text, len, &it->ev[k], color);
		if (it->nev > EVIDENCE_SHOWN)
			sb_addf(&b, "      (and %zu more)\n", it->nev - EVIDENCE_SHOWN);
		if (!it->met && it->feedback) {
			sb_adds(&b, col(color, C_YELLOW));
			wrap_safe(&b, it->feedback, width, 6);
			sb_adds(&b, col(color, C_RESET));
		}
	}
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind != CRIT_PENALTY || it->met)
			continue;
		if (!any_penalty)
			sb_adds(&b, "\n  Penalties\n");
		any_penalty = 1;
		sb_addf(&b, "  %s!%s ", col(color, C_YELLOW), col(color, C_RESET));
		add_label(&b, it->label);
		sb_addf(&b, " %5.1f     %s", -it->earned, col(color, C_DIM));
		add_safe(&b, it->detail);
		sb_addf(&b, "%s\n", col(color, C_RESET));
		for (k = 0; k < it->nev && k < EVIDENCE_SHOWN; k++)
			evidence_line(&b, text, len, &it->ev[k], color);
		if (it->feedback)
			wrap_safe(&b, it->feedback, width, 6);
	}
	if (rep->nnotes) {
		sb_adds(&b, "\n");
		for (i = 0; i < rep->nnotes; i++) {
			struct sb n = SB_INIT;
			sb_addf(&n, "* %s", rep->notes[i]);
			wrap_safe(&b, n.buf, width, 2);
			sb_release(&n);
		}
	}
	fwrite(b.buf, 1, b.len, out);
	sb_release(&b);
}
