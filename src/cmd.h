/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd: what every subcommand gets, and the table main.c dispatches on.
 *
 * main.c parses the global options into a `struct app`, then calls
 * cmd_<name>(argc, argv, app) with argv[0] the command name.  A command
 * returns an exit status from <sysexits.h> (EX_OK, EX_USAGE, EX_DATAERR,
 * EX_NOINPUT, EX_SOFTWARE, EX_IOERR); only main() exits.  Every command
 * answers --help (see cmd_usage()).
 */
#ifndef PMDRILL_CMD_H
#define PMDRILL_CMD_H

#include <stdio.h>
#include <time.h>

struct bank;

struct app {
	const char *prog;       /* "pmdrill" */
	char *db_path;          /* resolved: --db, $PMDRILL_DB or XDG default */
	char **bank_dirs;       /* every bank folder, in load order */
	size_t nbank_dirs;
	size_t nbuiltin;        /* how many of bank_dirs are built-in or user */
	int color_out;          /* colour on stdout (resolved --color/NO_COLOR/tty) */
	int color_err;
	time_t now;             /* the clock: $PMDRILL_NOW (epoch s or ISO) or time() */
	struct bank *bank;      /* loaded on first use by app_bank() */
};

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct app *app);
	const char *summary;
	const char *usage; /* full --help text after "usage: pmdrill " */
};

/* The table, NULL-terminated, defined in main.c. */
extern const struct cmd commands[];
const struct cmd *cmd_find(const char *name);
/* Print a command's --help text to `out`. */
void cmd_usage(const struct cmd *c, FILE *out);
/* "pmdrill NAME: <message>" and the command's usage on stderr; returns
 * EX_USAGE. */
int cmd_usage_error(const char *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* If argv holds --help or -h, print usage and return 1. */
int cmd_wants_help(int argc, char **argv, const char *name);

/*
 * Load every bank once (built-in, user, --bank); report problems on
 * stderr.  Returns NULL and sets *status when the banks cannot be used.
 */
struct bank *app_bank(struct app *app, int *status);

int cmd_check(int argc, char **argv, struct app *app);
int cmd_list(int argc, char **argv, struct app *app);
int cmd_show(int argc, char **argv, struct app *app);
int cmd_score(int argc, char **argv, struct app *app);
int cmd_answer(int argc, char **argv, struct app *app);
int cmd_srs(int argc, char **argv, struct app *app);
int cmd_next(int argc, char **argv, struct app *app);
int cmd_history(int argc, char **argv, struct app *app);
int cmd_review(int argc, char **argv, struct app *app);
int cmd_compare(int argc, char **argv, struct app *app);
int cmd_search(int argc, char **argv, struct app *app);
int cmd_stats(int argc, char **argv, struct app *app);
int cmd_report(int argc, char **argv, struct app *app);
int cmd_export(int argc, char **argv, struct app *app);
int cmd_import(int argc, char **argv, struct app *app);
int cmd_drill(int argc, char **argv, struct app *app);
int cmd_mock(int argc, char **argv, struct app *app);
int cmd_grade(int argc, char **argv, struct app *app);
int cmd_help(int argc, char **argv, struct app *app);
int cmd_config(int argc, char **argv, struct app *app);

/* Helpers shared by several commands. */
struct sb;
struct rubric;
struct question;
/* Read FILE, or stdin for NULL or "-"; returns an exit status. */
int read_answer_arg(const char *path, struct sb *out);
/* Find a question's (or a named) rubric and compile it; exit status. */
int prepare_rubric(struct bank *b, const char *qid, const char *rname,
		   struct rubric **r, struct question **q);
/* "10m", "2m30s", "90s" */
void format_duration(struct sb *out, unsigned s);
/* Does a question pass the list/drill filters (NULL: any)? */
int question_matches(const struct question *q, const char *category,
		     const char *tag, const char *level);
/* A question as the JSON object `list --json` prints. */
void question_json(struct sb *out, const struct bank *b, size_t qi);
/* A rubric's criteria and outline, as `show` prints them. */
void rubric_show(struct sb *out, const struct rubric *r);

#endif
