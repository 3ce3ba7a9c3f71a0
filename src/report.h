/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * report: a score report rendered for a person.
 *
 * report_print() writes the total, the grade, words and timing, then each
 * criterion (met or missed, points, what was counted), its evidence shown
 * in context (highlighted when `color`, in [brackets] otherwise) and, when
 * missed, its feedback; then penalties and notes.  `width` is the terminal
 * width (0: 80).  It only reads the report and the answer text.
 */
#ifndef PMDRILL_REPORT_H
#define PMDRILL_REPORT_H

#include <stddef.h>
#include <stdio.h>

struct score_report;

void report_print(FILE *out, const struct score_report *rep, const char *text,
		  size_t len, int color, unsigned width);
/* One line: "78/100 good" style summary. */
void report_print_brief(FILE *out, const struct score_report *rep, int color);

#endif
