/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill: what cmd-drill.c shares with the other interactive command,
 * cmd-mock.c (internal to the shell; nothing in src/core includes it).
 *
 * A `struct session` is one interactive run: the banks, the open store,
 * the scheduler's settings and the terminal state.  A `struct answer` is
 * one answer being typed.  The mock interview reuses the drill's answer
 * reading (the live timer, :skip, :quit, :edit, Ctrl-C, the draft kept on
 * a hang-up) and its save-then-score order through these functions rather
 * than a copy of them; `quiet` turns off the report a drill shows after
 * each answer, and `deadline` adds the time left of a timed set to the
 * prompt and ends the answer being typed once it has passed.
 *
 * Memory: answer.text is the caller's (sb_release() it); the session
 * borrows the bank and owns the store handle its creator opened.
 */
#ifndef PMDRILL_DRILL_H
#define PMDRILL_DRILL_H

#include <stddef.h>

#include "fsrs.h"
#include "sb.h"

struct app;
struct bank;
struct store;
struct score_report;

/* How collecting an answer ended. */
enum answer_end {
	ANSWER_DONE,   /* '.' or Ctrl-D after some text */
	ANSWER_EMPTY,  /* '.' with nothing typed */
	ANSWER_SKIP,   /* :skip, or Ctrl-C and "discard" */
	ANSWER_QUIT,   /* :quit, or Ctrl-D with nothing typed */
	ANSWER_HANGUP  /* SIGHUP/SIGTERM: the draft is saved */
};

/* One answer being typed: the main one or a follow-up. */
struct answer {
	size_t qi;               /* the question's index in the bank */
	const char *asked;       /* the prompt or follow-up text (borrowed) */
	int follow_up;           /* -1 main answer, else the follow-up index */
	long long parent;        /* attempt id of the main answer */
	unsigned limit_s;
	struct sb text;          /* the answer so far, lines ending in '\n' */
	long long started_at;    /* session clock, Unix s */
	double t0;               /* monotonic start, s */
	long base_ms;            /* time already spent (a resumed draft) */
	int from_draft;          /* resumed from the draft file */
	char prompt[96];         /* the live prompt */
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
	struct answer *cur;      /* the answer the live prompt times */
	int *nattempts;          /* per bank question, for follow-up choice */
	struct row *rows;
	size_t nrows, arows;
	struct crit_sum *cs;
	size_t ncs, acs;
	int hungup;              /* SIGHUP/SIGTERM seen: wind down */
	int save_status;         /* exit status of the first failed save */
	int input_done;          /* stdin ended */
	char *skip_id;           /* answered from a draft: not asked again */
	int complete_mode;       /* what tab completes: see complete() */
	struct sb prompt_buf;    /* a long prompt's last line, see ask() */
	/* Set by `mock` (cmd-mock.c); zero in a drill. */
	int quiet;               /* save and score, but show no report */
	double deadline;         /* monotonic end of a timed set; 0 none */
	int time_up;             /* the deadline passed while answering */
	char *state_dir, *hist_path;
	int term_up;             /* repl and term initialised */
};

/*
 * With s->app, s->bank and s->mono0 set (the rest zeroed, prompt_buf
 * initialised): open the store (created if need be), sync the banks into
 * it, read the scheduler's settings and start the terminal (readline,
 * colour).  Returns an exit status; drill_session_end() undoes whatever
 * was done, on failure too.
 */
int drill_session_begin(struct session *s, struct app *app);
void drill_session_end(struct session *s);

/* Monotonic seconds. */
double drill_mono_now(void);
/* The app's clock plus the time the session has run. */
long long drill_session_now(const struct session *s);
/* Time spent on an answer so far, ms. */
long drill_answer_ms(const struct answer *a);
/* "MM:SS" (or "H:MM:SS"); negative counts as 0. */
void drill_fmt_clock(struct sb *out, long secs);
/* Start an answer to question qi (follow_up -1: the main prompt). */
void drill_answer_init(struct session *s, struct answer *a, size_t qi,
		       int follow_up, long long parent);
/* The header, prompt and keys of a question; num of total (0: none). */
void drill_show_question(struct session *s, const struct answer *a,
			 size_t num, size_t total);
/* Read the answer until '.', :skip, :quit, EOF or a hang-up. */
enum answer_end drill_collect_answer(struct session *s, struct answer *a);
/*
 * Commit the raw answer (store_begin_attempt) before anything else, then
 * score it and store the score (with `schedule`, review the card).
 * Fills *attempt, *rep (caller releases with score_report_release()) and
 * *rv; -1 if the answer could not be saved (it is then kept as a draft).
 */
int drill_save_and_score(struct session *s, struct answer *a, int schedule,
			 long long *attempt, struct score_report *rep,
			 struct fsrs_review *rv);

/* `mock ARGS` at the home prompt, in the home's session (cmd-mock.c);
 * an exit status. */
int mock_in_session(struct session *s, int argc, char **argv);

#endif
