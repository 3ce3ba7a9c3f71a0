/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * report: a score report rendered for a person, in full or compact.
 *
 * report_render() appends the full report: the total, the grade, words and
 * timing, then each criterion (met or missed, points, what was counted),
 * its evidence shown in context (highlighted when `color`, in [brackets]
 * otherwise) and, when missed, its feedback; then penalties and notes.
 *
 * report_render_compact() appends a view that fits one 80x24 screen: the
 * same header, the two or three criteria that matter most (the biggest
 * missed weight first, with the first sentence of its feedback; the
 * heaviest criterion fully earned as a strength), and the answer-wide
 * notes (relevance, length, keyword stuffing) shortened to one line.
 *
 * `width` is the terminal width (0: 80; more than 100 is taken as 100).
 * No line of either rendering is wider than width - 1 display columns
 * (the last column stays free, as term_wrap() leaves it): text wraps at
 * word boundaries, label and score columns stay aligned, and evidence
 * excerpts and one-line summaries are cut with an ellipsis "…".  Columns
 * count code points, so a double-width character counts one.
 *
 * Everything taken from the rubric, the answer or the notes is made safe
 * for a terminal (core/safe) as it is added; the only escape codes in the
 * result are pmdrill's own colours.  Both only read the report and the
 * answer text.
 */
#ifndef PMDRILL_REPORT_H
#define PMDRILL_REPORT_H

#include <stddef.h>
#include <stdio.h>

struct sb;
struct score_report;

void report_render(struct sb *out, const struct score_report *rep,
		   const char *text, size_t len, int color, unsigned width);
void report_render_compact(struct sb *out, const struct score_report *rep,
			   int color, unsigned width);
/* report_render() / report_render_compact() written to `out`. */
void report_print(FILE *out, const struct score_report *rep, const char *text,
		  size_t len, int color, unsigned width);
void report_print_compact(FILE *out, const struct score_report *rep, int color,
			  unsigned width);
/* One line: "78/100 good" style summary. */
void report_print_brief(FILE *out, const struct score_report *rep, int color);

#endif
