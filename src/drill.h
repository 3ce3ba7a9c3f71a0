/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill: the interactive session behind `pmdrill drill`, the home prompt
 * and `add`, in layers, each using only those above it:
 *
 *   drill-session.c  the session: clocks, prompts and choices, showing a
 *                    question, the summary rows
 *   drill-draft.c    the draft file that keeps an answer across a hang-up
 *   drill-answer.c   one answer: typing it, saving and scoring it, the grade
 *                    prompt, its follow-up
 *   cmd-drill.c      the drill loop (options, queue) and the home prompt
 *                    with its completion
 *   cmd-add.c        `add`: a new question typed at the prompt
 *
 * Internal to those files; nothing else includes it.  Commands reach the
 * session through cmd_drill() (cmd.h).
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

#define DRAFT_MAGIC "pmdrill draft 1"
#define CRAM_DEFAULT_COUNT 10
#define FOLLOW_UP_MIN_S 60u
#define WEAKEST_SHOWN 3

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
	long done_ms;            /* answering time once it ended, else -1 */
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
};

enum { COMPLETE_HOME, COMPLETE_NONE, COMPLETE_CATEGORY, COMPLETE_RUBRIC };

struct drill_opts {
	const char *category, *tag;
	int level;
	size_t count;
	int cram;
};

struct draft {
	char *question;
	int follow_up;
	long long parent;
	long long saved;
	long elapsed_ms;
	struct sb text;
};

/* A growable NULL-terminated list of strings (completion, add). */
struct strv {
	char **v;
	size_t nr, alloc;
};

/* drill-session.c */
double mono_now(void);
long long session_now(const struct session *s);
long answer_ms(const struct answer *a);
int is_space(char c);
char *trim(char *s);
void store_error(const char *what, const struct sb *err);
void save_failed(struct session *s, int rc);
enum repl_status ask(struct session *s, const char *prompt, int show,
			    char **line);
int choose(struct session *s, const char *question, const char *keys,
		  int def);
int yesno(struct session *s, const char *question, int def);
const char *live_prompt(void *data);
void print_wrapped(const char *text, unsigned indent);
void show_question(struct session *s, const struct answer *a,
			  size_t num, size_t total);
void show_answer_help(void);
void show_outline(struct session *s, size_t qi);
void show_due(const struct fsrs_review *rv, int scheduled);
void tally(struct session *s, const struct score_report *rep);
void add_row(struct session *s, const char *id, int follow_up, long ms,
		    double score, int grade);
void print_summary(struct session *s);
void summary_reset(struct session *s);

/* drill-draft.c */
char *draft_path(void);
void draft_release(struct draft *d);
int write_all(int fd, const char *buf, size_t len);
int draft_save(struct session *s, const struct answer *a);
int draft_load(struct draft *d);
void draft_remove(void);

/* drill-answer.c */
void answer_init(struct session *s, struct answer *a, size_t qi,
			int follow_up, long long parent);
enum answer_end run_answer(struct session *s, struct answer *a,
				  size_t num, size_t total, int schedule,
				  long long *attempt_out);
enum answer_end offer_follow_up(struct session *s, size_t qi,
				       long long parent);

/* cmd-drill.c: completion lists, shared with add */
void strv_push(struct strv *sv, const char *s);
void strv_uniq(struct strv *sv);

/* cmd-add.c */
int run_add(struct session *s);

#endif
