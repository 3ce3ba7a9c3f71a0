/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd: what every subcommand gets (`struct app`, app.h), and the table
 * main.c dispatches on.  cmd.c holds the table, the help texts and the
 * helpers below; each cmd_<name>() entry is its own cmd-<name>.c.
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

#include "app.h"

struct bank;

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct app *app);
	const char *summary;
	const char *usage; /* full --help text after "usage: pmdrill " */
};

/* The table, NULL-terminated. */
extern const struct cmd commands[];
const struct cmd *cmd_find(const char *name);
/* pmdrill's own usage lines (global options), and its --help. */
void cmd_main_usage(FILE *out);
void cmd_main_help(FILE *out);
/* Print a command's --help text to `out`. */
void cmd_usage(const struct cmd *c, FILE *out);
/* "pmdrill NAME: <message>" and the command's usage on stderr; returns
 * EX_USAGE. */
int cmd_usage_error(const char *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * An error from opt_next() (unknown option, missing value): the message
 * and the usage, as cmd_usage_error().  Returns EX_USAGE.
 */
struct sb;
int cmd_opt_error(const char *name, const struct sb *err);
/* A bad option value (opt_number(), opt_choice()...): "pmdrill: NAME:
 * <err>" alone, the message saying what is valid.  Returns EX_USAGE. */
int cmd_value_error(const char *name, const struct sb *err);
/* If argv holds --help or -h, print usage and return 1. */
int cmd_wants_help(int argc, char **argv, const char *name);
/*
 * The option loop every command runs.  cmd_opt_start() prints the usage
 * and returns 1 when argv asks for --help (the command returns EX_OK),
 * else starts op at argv[1] and returns 0.  cmd_opt_next() is opt_next()
 * with its errors reported for command `name`: on OPT_ERROR the message
 * and the usage are on stderr (cmd_opt_error()) and the command returns
 * EX_USAGE.  With operands == 0 an operand is such an error too
 * ("unexpected argument 'X'").
 */
struct opt;
struct opt_parser;
int cmd_opt_start(struct opt_parser *op, int argc, char **argv,
		  const char *name);
int cmd_opt_next(struct opt_parser *op, const struct opt *table,
		 const char *name, int operands);
/*
 * The whole option loop for a command whose options are set once (the
 * last one given wins) and whose operands are read after.  g->options
 * names the options, one word each, option id 1 first: "time" is the
 * flag --time, "time=" takes a value, "question/q=" is also -q.
 * cmd_parse() reads argv with them (opt_next()) and stops at the first
 * error, in argv's order.  It returns 1 when the command must return
 * *status at once: --help was printed (EX_OK), or an error and the
 * usage are on stderr (EX_USAGE): an unknown option, a missing value, or
 * more than g->max_operands operands ("<g->too_many> ('<the first
 * extra one>')"; with too_many NULL: "unexpected argument '<it>'").  It
 * returns 0 with a filled in.
 *
 * a->value[id] is the last value given for option `id` (a flag's is its
 * spelling), NULL when it was not given; a->spelled[id] how the user
 * wrote it ("--time", "-q"), for messages.  Operands are moved to the
 * front of argv in order, as GNU getopt permutes: a->operand[0 ..
 * a->noperands) is argv[1 ..].  At most CMD_ARGS_MAX - 1 options, each
 * name shorter than 32 bytes.
 */
enum { CMD_ARGS_MAX = 16 };
struct cmd_grammar {
	const char *name;     /* the command, for messages */
	const char *options;  /* "question/q= time= json", in id order */
	int max_operands;     /* -1: any number */
	const char *too_many; /* "one file at a time" */
};
struct cmd_args {
	const char *value[CMD_ARGS_MAX];
	char spelled[CMD_ARGS_MAX][40];
	char **operand;
	int noperands;
};
int cmd_parse(struct cmd_args *a, int argc, char **argv,
	      const struct cmd_grammar *g, int *status);
/* opt_number() on option id's value when it was given (else *out stays),
 * its error reported (cmd_value_error()): EX_OK, or EX_USAGE. */
int cmd_arg_number(const struct cmd_args *a, int id, const char *name,
		   long long min, long long max, const char *unit,
		   long long *out);
/* An ATTEMPT operand (a whole number from 1): EX_OK with *id, or the
 * usage error "ATTEMPT is an attempt number ..." (EX_USAGE). */
int cmd_attempt_arg(const char *name, const char *v, long long *id);
/* A --level value (qlevel_option()) into *level, with its error reported
 * (cmd_value_error()): EX_OK, or EX_USAGE. */
int cmd_level_arg(const char *name, const char *v, int *level);
/* opt_number() on the option's value, with its error reported
 * (cmd_value_error()): EX_OK, or EX_USAGE. */
int cmd_opt_number(const struct opt_parser *op, const char *name, long long min,
		   long long max, const char *unit, long long *out);

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

/* Helpers shared by several commands (cmd.c). */
struct sb;
struct store;
/*
 * Open the database in `mode` (enum store_mode in store.h) with the
 * app's clock.  Returns EX_OK with *st open, or EX_OK with *st NULL when
 * there is no database yet and the mode does not create one (the caller
 * says what that means: "no history yet", "no attempt 3"); otherwise the
 * store's message goes to stderr and the exit status is returned.
 */
int cmd_open_store(struct app *app, int mode, struct store **st);
/* cmd_open_store() for a command about attempt `id`: without a database
 * yet, "pmdrill: NAME: no attempt ID (no attempts yet)" and EX_NOINPUT. */
int cmd_open_attempts(struct app *app, int mode, const char *name, long long id,
		      struct store **st);
/* A store failure rc with its message in err: "pmdrill: <err>" on
 * stderr; returns the exit status for rc (store_exit_code()). */
int cmd_store_error(int rc, const struct sb *err);
/*
 * A command's whole output buf[0..len): JSON, or text on a pipe, as
 * term_output() writes it; text on a terminal fitted to it (enum
 * term_fit) and, when taller than the terminal, through the pager
 * (repl_page_tall()).  `safe`: the text is made safe already and holds
 * pmdrill's own colour codes, so on a pipe it is written as it is.
 */
void cmd_screen(const char *buf, size_t len, int json, int how, int safe);
/* A screen already fitted to the terminal: through the pager when taller
 * than it, else written to stdout. */
void cmd_page(const char *buf, size_t len);
struct rubric;
struct question;
/* Read FILE, or stdin for NULL or "-"; returns an exit status. */
int read_answer_arg(const char *path, struct sb *out);
/* Find a question's (or a named) rubric and compile it; exit status. */
int prepare_rubric(struct bank *b, const char *qid, const char *rname,
		   struct rubric **r, struct question **q);
/* "10m", "2m30s", "90s" */
void format_duration(struct sb *out, unsigned s);
/* The start of an attempt's JSON object (history --json, review --json):
 * {"id", "question", "category", ["prompt",] "started_at", "duration_ms"
 * and no closing brace. */
struct store_attempt;
void attempt_json_head(struct sb *out, const struct store_attempt *a,
		       int with_prompt);
/* A question as the JSON object `list --json` prints. */
void question_json(struct sb *out, const struct bank *b, size_t qi);

#endif
