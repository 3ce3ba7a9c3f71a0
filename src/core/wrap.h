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
/* Bytes of the code point at s[0] (n > 0): a well-formed UTF-8
 * sequence's length, else 1 (a stray byte stands alone). */
size_t wrap_cp_len(const char *s, size_t n);
/* Columns of s[0..n): its code points (a byte that is not UTF-8 counts 1). */
size_t wrap_cols(const char *s, size_t n);
/*
 * The same for text that may hold SGR and other CSI escape sequences
 * ("\033[" ... final byte), which take no columns: pmdrill's own colours
 * in text whose untrusted parts are already safe (core/safe).
 */
size_t wrap_vis_cols(const char *s, size_t n);
/* Bytes of s[0..n) that show its first `cols` columns, escapes inside
 * them included and no code point split. */
size_t wrap_head_bytes(const char *s, size_t n, size_t cols);
/* The same, but a cut inside a word moves back to the space before it
 * (when that keeps at least half the columns), trailing spaces dropped:
 * where to cut a line that ends in an ellipsis. */
size_t wrap_cut_bytes(const char *s, size_t n, size_t cols);
/* A table cell: s cut with "…" (at a word, as wrap_cut_bytes() cuts) or
 * padded with spaces to exactly `cols` columns (cols > 0). */
void wrap_cell(struct sb *out, const char *s, size_t cols);
/*
 * Append s[0..n), one or more lines, fitted to `width` columns: a line
 * that fits is copied; a wider one is wrapped at word boundaries under
 * its own indent (and list marker) when `cut` is 0, or cut to width - 1
 * columns and "…" when it is 1 (a reset "\033[0m" follows the ellipsis
 * if the line holds an escape).  Lines keep their escapes.
 */
void wrap_fit(struct sb *out, const char *s, size_t n, unsigned width, int cut);

#endif
