/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill: the interactive session behind `pmdrill drill`, the home prompt,
 * `add` and `mock`, in layers, each using only those above it:
 *
 *   drill-session.c  the session (this header): its types, clocks, prompts
 *                    and choices, showing a question, the summary rows;
 *                    beginning and ending a session
 *   drill-complete.c tab completion, the string lists it builds
 *                    (drill-complete.h)
 *   drill-draft.c    the draft file that keeps an answer across a hang-up
 *                    (drill-draft.h)
 *   drill-answer.c   one answer: typing it, saving and scoring it, the grade
 *                    prompt, its follow-up (drill-answer.h)
 *   cmd-add.c        `add`: a new question typed at the prompt (cmd-add.h)
 *   cmd-mock.c       `mock`: the same answers, timed as a set, no score
 *                    until the scorecard at the end (cmd-mock.h)
 *   cmd-drill.c      the drill loop (options, queue) and the home prompt,
 *                    which runs add and mock
 *
 * Internal to those files; nothing else includes these headers.  Commands
 * reach the session through cmd_drill() and cmd_mock() (cmd.h).
 */
#ifndef PMDRILL_DRILL_H
#define PMDRILL_DRILL_H

#include <stddef.h>

#include "fsrs.h"
#include "repl.h"
#include "sb.h"

struct app;
struct bank;
struct score_report;
struct store;

#define CRAM_DEFAULT_COUNT 10
#define FOLLOW_UP_MIN_S 60u
#define WEAKEST_SHOWN 3

/* One answer being typed: the main one or a follow-up. */
struct answer {
	size_t qi;         /* the question's index in the bank */
	const char *asked; /* the prompt or follow-up text (borrowed) */
	int follow_up;     /* -1 main answer, else the follow-up index */
	long long parent;  /* attempt id of the main answer */
	unsigned limit_s;
	struct sb text;       /* the answer so far, lines ending in '\n' */
	long long started_at; /* session clock, Unix s */
	double t0;            /* monotonic start, s */
	long base_ms;         /* time already spent (a resumed draft) */
	long done_ms;         /* answering time once it ended, else -1 */
	int from_draft;       /* resumed from the draft file */
	char prompt[96];      /* the live prompt */
};

/* A row of the end-of-drill summary. */
struct row {
	char *id;
	int follow_up;
	long ms;
	double score;
	int grade;
};

/* Points earned and possible per criterion label, across the drill. */
struct crit_sum {
	char *label;
	double earned, weight;
};

struct session {
	struct app *app;
	struct bank *bank;
	struct store *st;
	struct fsrs_params params;
	int new_per_day;
	int tty, color;
	double mono0;
	struct answer *cur; /* the answer the live prompt times */
	int *nattempts;     /* per bank question, for follow-up choice */
	struct row *rows;
	size_t nrows, arows;
	struct crit_sum *cs;
	size_t ncs, acs;
	int hungup;           /* SIGHUP/SIGTERM seen: wind down */
	int save_status;      /* exit status of the first failed save */
	int input_done;       /* stdin ended */
	char *skip_id;        /* answered from a draft: not asked again */
	int complete_mode;    /* what tab completes: see drill_complete() */
	struct sb prompt_buf; /* a long prompt's last line, see ask() */
	/* Set by `mock` (cmd-mock.c); zero in a drill. */
	int quiet;       /* save and score, but show no report */
	double deadline; /* monotonic end of a timed set; 0 none */
	int time_up;     /* the deadline passed while answering */
	char *state_dir, *hist_path;
	int term_up; /* repl and term initialised */
};

enum { COMPLETE_HOME, COMPLETE_NONE, COMPLETE_CATEGORY, COMPLETE_RUBRIC };

struct drill_opts {
	const char *category, *tag;
	int level;
	size_t count;
	int cram;
};

/* drill-session.c */
double drill_mono_now(void);
long long drill_session_now(const struct session *s);
long drill_answer_ms(const struct answer *a);
int is_space(char c);
char *trim(char *s);
void store_error(const char *what, const struct sb *err);
void save_failed(struct session *s, int rc);
enum repl_status ask(struct session *s, const char *prompt, int show,
		     char **line);
int choose(struct session *s, const char *question, const char *keys, int def);
int yesno(struct session *s, const char *question, int def);
const char *live_prompt(void *data);
void print_wrapped(const char *text, unsigned indent);
void drill_show_question(struct session *s, const struct answer *a, size_t num,
			 size_t total);
void show_answer_help(void);
void show_outline(struct session *s, size_t qi);
void show_due(const struct fsrs_review *rv, int scheduled);
void tally(struct session *s, const struct score_report *rep);
void add_row(struct session *s, const char *id, int follow_up, long ms,
	     double score, int grade);
void print_summary(struct session *s);
void summary_reset(struct session *s);

/*
 * Zero s, then set its app, its bank (loaded now: app_bank()) and its
 * monotonic start.  An exit status: the bank's, when it cannot load.
 */
int drill_session_init(struct session *s, struct app *app);
/*
 * With s->app, s->bank and s->mono0 set (the rest zeroed, prompt_buf
 * initialised; drill_session_init() does that): open the store (created
 * if need be), sync the banks into it, read the scheduler's settings and
 * start the terminal (readline, colour) with `complete` as Tab's
 * completer (drill_complete()).  Returns an exit status;
 * drill_session_end() undoes whatever was done, on failure too.
 */
int drill_session_begin(struct session *s, struct app *app,
			repl_complete_fn *complete);
void drill_session_end(struct session *s);

#endif
