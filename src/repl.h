/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * repl: line input for the interactive session, on GNU readline when
 * stdin is a terminal and on plain getline() when it is not.
 *
 * Everything readline-specific lives here, behind one interface, the way
 * bc hides its line editors behind bc_history_line().  repl_init() decides
 * the mode once: with stdin on a terminal it sets rl_readline_name to
 * "pmdrill" (so ~/.inputrc can say `$if pmdrill`), loads the command
 * history from `history_path` and catches SIGINT, SIGHUP, SIGTERM and
 * SIGCONT with handlers that only set flags; the work those signals ask
 * for is done from readline's event hook or after readline returns.
 * Without a terminal there is no prompt output, no redraw, no history
 * file and no colour: lines are read as they come, so sessions can be
 * scripted.
 *
 * History: only lines passed to repl_add_history() are kept, appended to
 * the file at once (a crash loses nothing) and the file is trimmed to
 * REPL_HISTORY_MAX lines by repl_release().  Answers never go there:
 * between repl_scratch_begin() and repl_scratch_end() readline works on a
 * private, in-memory list that repl_scratch_add() fills with the lines of
 * the answer being typed (Up recalls them), which is dropped at the end.
 *
 * Ownership: a line returned by repl_readline() is heap memory the caller
 * frees with free().  Strings given to the module are copied.
 */
#ifndef PMDRILL_REPL_H
#define PMDRILL_REPL_H

#include <stddef.h>

#define REPL_HISTORY_MAX 1000

enum repl_status {
	REPL_LINE,      /* *line holds the line, without its newline */
	REPL_EOF,       /* Ctrl-D on an empty line, or end of input */
	REPL_INTERRUPT, /* Ctrl-C; *line holds what was typed on the line */
	REPL_HANGUP     /* SIGHUP or SIGTERM; *line holds the line so far */
};

/*
 * Completion: called with the whole line, the word being completed
 * (line[start..end)) and the caller's data; returns a heap array of heap
 * strings, NULL-terminated, of every candidate (the module filters them
 * by the word's prefix, frees them, and offers the matches), or NULL.
 */
typedef char **repl_complete_fn(const char *line, int start, int end,
				void *data);
/* The live prompt: called about ten times a second while a line is read
 * on a terminal; when the text it returns changes, the line is redrawn
 * with it.  The returned string is borrowed until the next call. */
typedef const char *repl_prompt_fn(void *data);

/*
 * 0, or -1 if the history file cannot be read (not fatal).  With `color`
 * off, readline's own highlighting (the reverse video over pasted text)
 * is off too, unless ~/.inputrc turns it back on.
 */
int repl_init(const char *history_path, int color);
void repl_release(void);
/* 1 if stdin is a terminal (readline mode). */
int repl_is_tty(void);

/*
 * Read one line after printing `prompt` (terminal mode only).  A line
 * that ended in a hang-up or an interrupt still hands back what was on
 * it, so nothing typed is lost.  A pending SIGHUP/SIGTERM makes it return
 * REPL_HANGUP at once.
 */
enum repl_status repl_readline(const char *prompt, char **line);
/* Put `text` on the next line's input, as if typed (terminal mode). */
void repl_prefill(const char *text);
/*
 * One-key answers for the next repl_readline() only: a key of `keys`
 * pressed on an empty line is the whole answer (no Enter needed).  Other
 * keys edit as usual.  NULL or "" turns it off.  Ignored without a tty.
 */
void repl_hotkeys(const char *keys);
void repl_add_history(const char *line);
void repl_set_completer(repl_complete_fn *fn, void *data);
void repl_set_live_prompt(repl_prompt_fn *fn, void *data);
/*
 * From CLOCK_MONOTONIC time `mono` on (0: never), a line being read on a
 * terminal ends as if Enter had been pressed, with what was typed on it
 * (REPL_LINE); the caller sees the time and decides.  No newline is
 * echoed.  Without a terminal lines end only as they come.
 */
void repl_set_deadline(double mono);

void repl_scratch_begin(void);
void repl_scratch_end(void);
/* Add a line to the scratch list (Up recalls it); ignored outside it. */
void repl_scratch_add(const char *line);

/* 1 once a SIGHUP or SIGTERM has arrived (it stays set). */
int repl_hangup_pending(void);
/*
 * Run a command with the terminal as a normal program expects it (for
 * $EDITOR): readline's terminal state is already restored between lines,
 * so this only waits for the child with SIGINT ignored.  Returns the
 * child's exit status, or -1 if it could not be started.
 */
int repl_run(const char *const argv[]);
/*
 * Show buf[0..len) through the pager `cmd` (run by /bin/sh, reading the
 * text on its stdin and the keys from the terminal; LESS=FRX unless the
 * user set LESS), between lines as repl_run() runs its command.  Returns
 * the pager's exit status, or -1 if it could not be started; 127 means
 * the shell did not find it.
 */
int repl_page(const char *cmd, const char *buf, size_t len);
/*
 * A command's screen, already made safe and fitted: on a terminal, when it
 * is taller than the screen, through $PAGER (else "less -FRX" when less is
 * on PATH), returning 1; otherwise (or when no pager could run) 0, and the
 * caller prints it.
 */
int repl_page_tall(const char *buf, size_t len);
/* 1 if an executable `name` is on $PATH (or /usr/bin:/bin). */
int repl_in_path(const char *name);

#endif
