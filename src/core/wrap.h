/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wrap: paragraph-aware word wrapping of prompts, hints and outlines.
 *
 * wrap_text() re-flows text the way docs/FORMATS.md promises: lines of one
 * paragraph are joined with single spaces, a blank line separates
 * paragraphs (runs of blank lines collapse to one), and a line that starts
 * with "- ", "* ", "N. " or "N) " begins a list item whose wrapped lines
 * hang under the item's text.  Words are broken only where they hold no
 * room (a word longer than the line is cut at code points).  Widths count
 * UTF-8 code points, not bytes; bytes that are not UTF-8 count one each.
 *
 * Every output line starts with `indent` spaces and ends with '\n'; no
 * line carries trailing white space; `width` counts the indent.  A width
 * of 0 joins paragraphs without wrapping.  Lines are never narrower than
 * WRAP_MIN_TEXT columns of text, whatever the width.  Pure: appends to a
 * caller-owned sb and touches nothing else.
 */
#ifndef PMDRILL_WRAP_H
#define PMDRILL_WRAP_H

#include <stddef.h>

struct sb;

#define WRAP_MIN_TEXT 16u

void wrap_text(struct sb *out, const char *text, size_t len, unsigned width,
	       unsigned indent);
/* Columns of s[0..n): its code points (a byte that is not UTF-8 counts 1). */
size_t wrap_cols(const char *s, size_t n);

#endif
