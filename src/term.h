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
/*
 * term_write(), with every line fitted to the terminal when `out` is one:
 * wrapped at word boundaries under its own indent (TERM_FIT_WRAP) or cut
 * with "…" (TERM_FIT_CUT, for tables).  Not on a terminal, the text is
 * written as term_write() writes it, so pipes and scripts see it whole.
 */
enum term_fit { TERM_FIT_WRAP, TERM_FIT_CUT };
void term_write_fit(FILE *out, const char *buf, size_t len, enum term_fit how);
/* What term_write_fit() shows on a terminal, appended to `out` (every line
 * ends in '\n'): for a screen that may go through a pager. */
void term_render(struct sb *out, const char *buf, size_t len,
		 enum term_fit how);
/* The same for text made safe already that holds pmdrill's own colour
 * codes (kept as they are). */
void term_render_safe(struct sb *out, const char *buf, size_t len,
		      enum term_fit how);
/* A command's whole output: JSON as built (exact text; its writer escapes
 * every control byte), anything else through term_write_fit(). */
void term_output(FILE *out, const char *buf, size_t len, int json,
		 enum term_fit how);
/* The same for text already made safe that holds pmdrill's own colour
 * codes (written as it is, not sanitised again). */
void term_write_fit_safe(FILE *out, const char *buf, size_t len,
			 enum term_fit how);
/*
 * On a terminal, append bank prose (a prompt, a hint) re-flowed to its
 * width with `indent` spaces, unsanitised (for a buffer written with
 * term_write_fit()), and return 1; else append nothing and return 0, so
 * the caller keeps the file's own line breaks for pipes.
 */
int term_add_prose(struct sb *out, const char *text, unsigned indent);
/* Append text re-flowed to the terminal width with `indent` spaces. */
void term_wrap(struct sb *out, const char *text, unsigned indent);
/* Write text re-flowed to the terminal width on `out`. */
void term_print(FILE *out, const char *text, unsigned indent);

#endif
