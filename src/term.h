/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term: colour, terminal width and wrapped output for the interactive
 * session.
 *
 * term_init() takes the resolved colour decision for stdout (app->color_out:
 * --color, NO_COLOR, TERM=dumb and isatty already weighed) and installs a
 * SIGWINCH handler that only sets a flag, chaining to whatever handler was
 * there before.  Styles come back as SGR escape strings, or "" when colour
 * is off, so callers never test the flag and never emit an escape code on
 * a pipe or under NO_COLOR.  term_prompt_style() gives the same codes
 * wrapped in readline's \001 \002 markers, for prompts.
 *
 * term_width() is the width of the terminal on stdout (TIOCGWINSZ), else
 * $COLUMNS, else 80, re-read after each SIGWINCH; it is cached, so calling
 * it per line costs nothing.  term_wrap() and term_print() re-flow text
 * through core/wrap at that width.  Shell module: process-wide state,
 * one terminal.  Everything pmdrill prints for a person goes through
 * term_write(), the one place text is made safe for a terminal.
 */
#ifndef PMDRILL_TERM_H
#define PMDRILL_TERM_H

#include <stddef.h>
#include <stdio.h>

struct sb;

enum term_style {
	TERM_RESET,
	TERM_BOLD,
	TERM_DIM,
	TERM_RED,
	TERM_GREEN,
	TERM_YELLOW,
	TERM_BLUE,
	TERM_CYAN,
	TERM_WARN, /* the timer past its limit: bold yellow */
	TERM_STYLE_MAX
};

void term_init(int color);

/* Restore the SIGWINCH handler term_init() replaced. */
void term_release(void);
int term_color(void);
const char *term_style(enum term_style s);
/* The style between RL_PROMPT_START_IGNORE and RL_PROMPT_END_IGNORE. */
const char *term_prompt_style(enum term_style s);
unsigned term_width(void);
/* Rows of the terminal on stdout, else $LINES, else 24 (not cached). */
unsigned term_height(void);
/* 1 once after each SIGWINCH (the width cache is dropped either way). */
int term_take_resize(void);
/*
 * Write a buffer that mixes pmdrill's words with untrusted text (bank
 * files, answers, imports), made safe for a terminal on the way: every
 * control byte but newline and tab, every C1 control, bidi override and
 * invalid UTF-8 sequence is shown visibly (core/safe), so nothing in it
 * can set the title, write the clipboard, recolour or clear the screen.
 * The buffer must hold no escape of pmdrill's own: colour is written
 * separately with term_style().
 */
void term_write(FILE *out, const char *buf, size_t len);
void term_puts(FILE *out, const char *s);
/* Append text re-flowed to the terminal width with `indent` spaces. */
void term_wrap(struct sb *out, const char *text, unsigned indent);
/* Write text re-flowed to the terminal width on `out`. */
void term_print(FILE *out, const char *text, unsigned indent);

#endif
