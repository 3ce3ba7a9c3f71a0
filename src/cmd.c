/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd.c: the command table with its help texts, usage and option errors,
 * and what several commands share (cmd.h) — reading an answer argument,
 * preparing a rubric, opening the database the same way, and the
 * renderings more than one command prints.
 */
#include "cmd.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "json.h"
#include "opt.h"
#include "qbank.h"
#include "repl.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "term.h"

const struct cmd commands[] = {
	{"drill", cmd_drill, "start a drill session (the default)",
	 "drill [--category C] [--tag T] [--level L] [--count N] [--cram]\n"
	 "\n"
	 "Ask due and new questions one at a time, time and score each answer\n"
	 "and schedule the question again.  Without a command, pmdrill starts\n"
	 "the interactive home prompt.\n"},
	{"mock", cmd_mock, "a timed mock interview with a scorecard at the end",
	 "mock [--questions N] [--category C]... [--minutes M] [--level L]\n"
	 "\n"
	 "A set of questions asked as an interviewer would: by default four,\n"
	 "one each of prioritization, launch, metrics and influence, due and\n"
	 "weak ones first and none answered in the last 7 days when others are\n"
	 "left.  Each answer is timed and followed by one of the question's\n"
	 "follow-ups; no score is shown until the scorecard at the end (score,\n"
	 "grade, time against the limit and the weakest criterion of each\n"
	 "question, a hire / lean hire / lean no / no verdict and what to\n"
	 "practise next).  --category (repeatable) picks the categories, one\n"
	 "question each in turn; --minutes limits the whole set and shows the\n"
	 "time left.  :skip and :quit work as in a drill.  Answers are saved as\n"
	 "they are given and scheduled like a drill's; 'history --mock' lists\n"
	 "the sets and 'review --mock ID' shows a scorecard again.  The banks\n"
	 "have no company field, so --company is refused.  docs/MOCK.md.\n"},
	{"check", cmd_check, "validate question and rubric files",
	 "check [PATH...]\n"
	 "\n"
	 "Parse and validate every bank that would be loaded, or only the\n"
	 "files and folders given (checked against the other loaded banks, so\n"
	 "they may use the built-in rubrics).  Every problem is printed as\n"
	 "FILE:LINE:COL: error: MESSAGE.  Exit 65 if any error.\n"
	 "\n"
	 "  --list-codes   print the catalogue of diagnostic codes\n"},
	{"list", cmd_list, "list questions",
	 "list [--category C] [--tag T] [--level L] [--json]\n"
	 "\n"
	 "List the loaded questions: id, category, level, time limit and the\n"
	 "first line of the prompt.  --json prints a JSON array.\n"},
	{"show", cmd_show,
	 "show a question with its hint, follow-ups and rubric",
	 "show [--json] ID\n"
	 "\n"
	 "Print a question, its hint, follow-ups, expectations, its rubric's\n"
	 "criteria and the outline of a strong answer.\n"},
	{"score", cmd_score, "score an answer without saving it",
	 "score (--question ID | --rubric NAME | --prompt TEXT --category CAT)\n"
	 "      [--followup N|TEXT] [--time SECONDS] [--full] [--json] [FILE|-]...\n"
	 "\n"
	 "Score the answer in each FILE (or on standard input) and print the\n"
	 "report.  On a terminal the report is the compact view (the criteria\n"
	 "that matter most); --full, or output to a pipe or file, prints every\n"
	 "criterion with its evidence.  Several files are scored in order in one\n"
	 "process, each report under its file's name; --json prints one object\n"
	 "per line (JSON Lines) with a \"file\" field.  Nothing is written to the\n"
	 "database.\n"},
	{"answer", cmd_answer,
	 "save, score and schedule an answer written elsewhere",
	 "answer --question ID [--time SECONDS] [--grade again|hard|good|easy|1-4]\n"
	 "              [FILE|-]\n"
	 "\n"
	 "Save the answer in FILE (or on standard input) to the history at once,\n"
	 "then score it, schedule the question, print the report and the next\n"
	 "due date.  --time is how long the answer took; --grade overrides the\n"
	 "proposed grade (both are kept).  Exit 0 only once it is committed.\n"},
	{"next", cmd_next, "show what a drill would ask next, and why",
	 "next [--category C] [--tag T] [--level L] [--count N] [--cram] [--json]\n"
	 "\n"
	 "Due questions first (lowest recall first), then new ones up to the\n"
	 "daily limit ('pmdrill config new-per-day'), categories interleaved.\n"
	 "--cram orders every matching question weakest first.\n"},
	{"history", cmd_history, "list past attempts, newest first",
	 "history [--question ID] [--since DATE] [--limit N] [--json]\n"
	 "       history --mock [--json]\n"
	 "\n"
	 "Attempt id, date, question, score, final grade (* = changed by hand)\n"
	 "and time taken.  DATE is YYYY-MM-DD (UTC).  --mock lists the mock\n"
	 "interviews instead: id, date, questions answered of those asked, the\n"
	 "mean score of the main answers and the verdict.\n"},
	{"review", cmd_review, "show one past attempt in full",
	 "review ATTEMPT [--full] [--json]\n"
	 "       review --mock ID [--json]\n"
	 "\n"
	 "The prompt, the answer, the score breakdown with its evidence, the\n"
	 "grade and schedule, and the question's earlier scores.  On a terminal\n"
	 "the breakdown is the compact view unless --full is given.  --mock ID\n"
	 "shows mock interview ID's scorecard again, as 'mock' showed it.\n"},
	{"compare", cmd_compare, "two attempts at one question side by side",
	 "compare ATTEMPT ATTEMPT [--answers] [--json]\n"
	 "\n"
	 "The earlier attempt on the left, the later on the right: score, grade,\n"
	 "words and time, each criterion's points in both and the change, and\n"
	 "which criteria the later attempt gained (now met) or lost.  --answers\n"
	 "adds the two answers in columns.  Both attempts must be at the same\n"
	 "question ('pmdrill history --question ID' lists them).\n"},
	{"search", cmd_search, "search past answers",
	 "search TEXT... [--limit N] [--json]\n"
	 "\n"
	 "Full-text search (SQLite FTS5) over every saved answer, best match\n"
	 "first, with snippets.  FTS5 syntax works (\"north star\", metric*,\n"
	 "a AND b); anything else is searched as a phrase.  --json gives each\n"
	 "hit's attempt, question, time, score, snippet and the byte ranges of\n"
	 "the matches in the snippet.\n"},
	{"stats", cmd_stats,
	 "attempts, streak, averages, progress charts, what is due",
	 "stats [--category C] [--json]\n"
	 "\n"
	 "Attempts, the current streak (UTC days), average score by category,\n"
	 "averages of drills, cram and follow-ups apart, questions due today\n"
	 "and tomorrow and new ones left today; then the charts: each\n"
	 "category's score trend (first and last score labelled), 26 weeks of\n"
	 "activity, the due forecast for 14 days, and the criteria missed most\n"
	 "often in each category's latest 10 answers.  --category C limits the\n"
	 "charts to C.  Colour on a terminal unless --color=never or NO_COLOR;\n"
	 "the shapes read the same without it.  --json carries every figure.\n"},
	{"report", cmd_report, "write the progress report as one HTML page",
	 "report --html FILE|-\n"
	 "\n"
	 "One self-contained HTML file (inline CSS and SVG, nothing fetched)\n"
	 "with the charts of 'stats': each category's score trend, 26 weeks of\n"
	 "activity and the 14-day due forecast; the scorecards of the latest 10\n"
	 "mock interviews; and the latest 20 attempts with their evidence\n"
	 "highlighted.  Every text from a bank or an answer is escaped.  It\n"
	 "reads on a phone-width screen.\n"},
	{"grade", cmd_grade, "override or undo an attempt's grade",
	 "grade ATTEMPT (again|hard|good|easy|1-4|--undo)\n"
	 "\n"
	 "Change the final grade of an attempt and reschedule its question as\n"
	 "if that grade had been given; --undo reverts the last change.\n"},
	{"export", cmd_export, "write every attempt as JSON lines or CSV",
	 "export [--format json|csv] [FILE|-]\n"
	 "\n"
	 "JSON: one object a line with a \"format\" field; CSV: RFC 4180 with a\n"
	 "header row.  Fields are listed in docs/SCHEMA.md.\n"},
	{"import", cmd_import, "read an export into this database",
	 "import FILE|-\n"
	 "\n"
	 "Read an export (JSON lines or CSV, detected).  Attempts already here\n"
	 "(same question, start time and answer) are skipped; the schedules of\n"
	 "the questions touched are rebuilt.\n"},
	{"config", cmd_config, "read or change settings",
	 "config [KEY [VALUE]]\n"
	 "\n"
	 "Without arguments, list the settings.  Keys: desired-retention\n"
	 "(0.7-0.99, default 0.9), new-per-day (0-1000, default 5),\n"
	 "maximum-interval (1-36500 days, default 36500).\n"},
	{"srs", cmd_srs, "FSRS scheduler tools (replay, params)",
	 "srs replay [--retention R] [FILE|-]\n"
	 "       pmdrill srs params\n"
	 "\n"
	 "replay: read CARD<TAB>RATING<TAB>ELAPSED_DAYS lines and print the\n"
	 "FSRS state after each review.\n"},
	{"help", cmd_help, "show help for a command", "help [COMMAND]\n"},
	{NULL, NULL, NULL, NULL},
};

static const char *const main_usage =
	"usage: pmdrill [--db PATH] [--bank DIR]... [--color=auto|always|never]\n"
	"               [--help] [--version] [COMMAND [ARGS]]\n";

void cmd_main_usage(FILE *out)
{
	fputs(main_usage, out);
}

void cmd_main_help(FILE *out)
{
	const struct cmd *c;
	fputs(main_usage, out);
	fputs("\nA terminal trainer for product-manager interviews.\n\n"
	      "Options:\n"
	      "  --db PATH        the database (else $PMDRILL_DB, else\n"
	      "                   $XDG_DATA_HOME/pmdrill/pmdrill.db)\n"
	      "  --bank DIR       also load DIR/questions and DIR/rubrics\n"
	      "                   (repeatable; after the built-in and user banks)\n"
	      "  --color=WHEN     auto (default), always or never; NO_COLOR is honoured\n"
	      "  --help, --version\n\nCommands:\n",
	      out);
	for (c = commands; c->name; c++)
		fprintf(out, "  %-9s %s\n", c->name, c->summary);
	fputs("\nRun 'pmdrill help COMMAND' for a command's options.\n", out);
}

const struct cmd *cmd_find(const char *name)
{
	const struct cmd *c;
	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

void cmd_usage(const struct cmd *c, FILE *out)
{
	fprintf(out, "usage: pmdrill %s", c->usage);
}

int cmd_usage_error(const char *name, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pmdrill: %s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cmd_usage(cmd_find(name), stderr);
	return EX_USAGE;
}

int cmd_opt_error(const char *name, const struct sb *err)
{
	return cmd_usage_error(name, "%s", err->buf);
}

int cmd_value_error(const char *name, const struct sb *err)
{
	struct sb msg = SB_INIT;
	/* the valid values may come from a bank: untrusted text */
	sb_addf(&msg, "pmdrill: %s: %s\n", name, err->buf);
	term_write(stderr, msg.buf, msg.len);
	sb_release(&msg);
	return EX_USAGE;
}

int cmd_wants_help(int argc, char **argv, const char *name)
{
	int i;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			const struct cmd *c = cmd_find(name);
			if (c)
				cmd_usage(c, stdout);
			return 1;
		}
	}
	return 0;
}

int cmd_opt_start(struct opt_parser *op, int argc, char **argv,
		  const char *name)
{
	if (cmd_wants_help(argc, argv, name))
		return 1;
	opt_init(op, argc, argv);
	return 0;
}

int cmd_opt_next(struct opt_parser *op, const struct opt *table,
		 const char *name, int operands)
{
	struct sb err = SB_INIT;
	int id = opt_next(op, table, &err);
	if (id == OPT_ERROR) {
		cmd_opt_error(name, &err);
	} else if (id == OPT_OPERAND && !operands) {
		cmd_usage_error(name, "unexpected argument '%s'", op->value);
		id = OPT_ERROR;
	}
	sb_release(&err);
	return id;
}

/* g->options as opt_next()'s table; names copied into names[]. */
static void grammar_table(const char *spec, struct opt *t, char names[][32])
{
	int n = 0;
	while (*spec && n < CMD_ARGS_MAX - 1) {
		size_t len = strcspn(spec, " /=");
		struct opt *o = &t[n];
		snprintf(names[n], 32, "%.*s", (int)len, spec);
		o->name = names[n];
		o->short_name = 0;
		o->takes_value = OPT_FLAG;
		o->id = ++n;
		spec += len;
		if (*spec == '/') {
			o->short_name = spec[1];
			spec += 2;
		}
		if (*spec == '=') {
			o->takes_value = OPT_VALUE;
			spec++;
		}
		spec += strspn(spec, " ");
	}
	memset(&t[n], 0, sizeof(t[n]));
}

int cmd_parse(struct cmd_args *a, int argc, char **argv,
	      const struct cmd_grammar *g, int *status)
{
	struct opt table[CMD_ARGS_MAX];
	char names[CMD_ARGS_MAX][32];
	struct opt_parser op;
	int id;

	grammar_table(g->options, table, names);

	memset(a, 0, sizeof(*a));
	a->operand = argv + 1;
	*status = EX_OK;
	if (cmd_opt_start(&op, argc, argv, g->name))
		return 1;
	while ((id = cmd_opt_next(&op, table, g->name, 1)) != OPT_DONE) {
		if (id == OPT_ERROR) {
			*status = EX_USAGE;
			return 1;
		}
		if (id == OPT_OPERAND) {
			if (g->max_operands >= 0 &&
			    a->noperands >= g->max_operands) {
				if (g->too_many)
					*status = cmd_usage_error(
						g->name, "%s ('%s')",
						g->too_many, op.value);
				else
					*status = cmd_usage_error(
						g->name,
						"unexpected argument '%s'",
						op.value);
				return 1;
			}
			/* Every element before op.ind - 1 is read, and the
			 * operands so far are fewer: the slot is free. */
			a->operand[a->noperands++] = (char *)op.value;
			continue;
		}
		if (id > 0 && id < CMD_ARGS_MAX) {
			a->value[id] = op.value ? op.value : op.name;
			snprintf(a->spelled[id], sizeof(a->spelled[id]), "%s",
				 op.name);
		}
	}
	return 0;
}

int cmd_arg_number(const struct cmd_args *a, int id, const char *name,
		   long long min, long long max, const char *unit,
		   long long *out)
{
	struct sb err = SB_INIT;
	int status = EX_OK;
	if (a->value[id] &&
	    opt_number(a->spelled[id], a->value[id], min, max, unit, out, &err))
		status = cmd_value_error(name, &err);
	sb_release(&err);
	return status;
}

int cmd_attempt_arg(const char *name, const char *v, long long *id)
{
	char *end;
	errno = 0;
	*id = strtoll(v, &end, 10);
	if (!*v || *end || *id < 1 || errno)
		return cmd_usage_error(
			name,
			"ATTEMPT is an attempt number (see 'pmdrill history'), not '%s'",
			v);
	return EX_OK;
}

int cmd_opt_number(const struct opt_parser *op, const char *name, long long min,
		   long long max, const char *unit, long long *out)
{
	struct sb err = SB_INIT;
	int status = EX_OK;
	if (opt_number(op->name, op->value, min, max, unit, out, &err))
		status = cmd_value_error(name, &err);
	sb_release(&err);
	return status;
}

int cmd_level_arg(const char *name, const char *v, int *level)
{
	struct sb err = SB_INIT;
	enum qlevel l;
	int status = EX_OK;
	if (qlevel_option(v, &l, &err))
		status = cmd_value_error(name, &err);
	else
		*level = (int)l;
	sb_release(&err);
	return status;
}

int cmd_help(int argc, char **argv, struct app *app)
{
	const struct cmd *c;
	(void)app;
	if (cmd_wants_help(argc, argv, "help"))
		return EX_OK;
	if (argc < 2) {
		cmd_main_help(stdout);
		return EX_OK;
	}
	c = cmd_find(argv[1]);
	if (!c) {
		fprintf(stderr, "pmdrill: no such command '%s'\n", argv[1]);
		return EX_USAGE;
	}
	cmd_usage(c, stdout);
	return EX_OK;
}

void cmd_page(const char *buf, size_t len)
{
	if (!repl_page_tall(buf ? buf : "", len))
		fwrite(buf ? buf : "", 1, len, stdout);
}

void cmd_screen(const char *buf, size_t len, int json, int how, int safe)
{
	struct sb screen = SB_INIT;
	if (json || !isatty(STDOUT_FILENO)) {
		/* safe text keeps pmdrill's own colours on a pipe */
		if (safe && !json)
			fwrite(buf, 1, len, stdout);
		else
			term_output(stdout, buf, len, json, (enum term_fit)how);
		return;
	}
	if (safe)
		term_render_safe(&screen, buf, len, (enum term_fit)how);
	else
		term_render(&screen, buf, len, (enum term_fit)how);
	cmd_page(screen.buf, screen.len);
	sb_release(&screen);
}

int cmd_store_error(int rc, const struct sb *err)
{
	fprintf(stderr, "pmdrill: %s\n", err->buf);
	return store_exit_code(rc);
}

int cmd_open_store(struct app *app, int mode, struct store **st)
{
	struct sb err = SB_INIT;
	int rc = store_open(st, app->db_path, mode, &err);
	int status = EX_OK;
	if (rc == STORE_ENOENT && mode != STORE_OPEN_CREATE) {
		*st = NULL; /* no database yet: nothing to read */
	} else if (rc) {
		status = cmd_store_error(rc, &err);
	} else {
		store_set_now(*st, (long long)app->now);
	}
	sb_release(&err);
	return status;
}

/* Read FILE, or stdin for NULL or "-"; returns an exit status. */
int cmd_open_attempts(struct app *app, int mode, const char *name, long long id,
		      struct store **st)
{
	int status = cmd_open_store(app, mode, st);
	if (status == EX_OK && !*st) {
		fprintf(stderr,
			"pmdrill: %s: no attempt %lld (no attempts yet)\n",
			name, id);
		status = EX_NOINPUT;
	}
	return status;
}

int read_answer_arg(const char *path, struct sb *out)
{
	int rc;
	if (!path || !strcmp(path, "-")) {
		rc = read_stream_max(stdin, out, ANSWER_MAX);
		if (rc == -2) {
			fprintf(stderr,
				"pmdrill: standard input: answer is too large\n");
			return EX_DATAERR;
		}
		if (rc) {
			fprintf(stderr,
				"pmdrill: cannot read standard input: %s\n",
				strerror(errno));
			return EX_IOERR;
		}
		return EX_OK;
	}
	rc = read_file_max(path, out, ANSWER_MAX);
	if (rc == -2) {
		fprintf(stderr, "pmdrill: '%s': answer is too large\n", path);
		return EX_DATAERR;
	}
	if (rc) {
		fprintf(stderr, "pmdrill: cannot read '%s': %s\n", path,
			strerror(errno));
		return errno == ENOENT || errno == EISDIR ? EX_NOINPUT
							  : EX_IOERR;
	}
	return EX_OK;
}

/* Find the rubric (and question) and compile its patterns; exit status. */
int prepare_rubric(struct bank *b, const char *qid, const char *rname,
		   struct rubric **r, struct question **q)
{
	struct diag_list dl = {0};
	int bad = 0;
	assert(!b->partial); /* scoring needs the Expect lines: app_bank() */
	*q = NULL;
	*r = NULL;
	if (qid) {
		long qi = qbank_find(&b->q, qid);
		if (qi < 0) {
			fprintf(stderr,
				"pmdrill: no question with id '%s' (see 'pmdrill list')\n",
				qid);
			return EX_NOINPUT;
		}
		*q = &b->q.v[qi];
		*r = bank_rubric_of(b, (size_t)qi);
	} else {
		long ri = rubric_find(&b->r, rname);
		if (ri < 0) {
			fprintf(stderr, "pmdrill: no rubric named '%s'\n",
				rname);
			return EX_NOINPUT;
		}
		*r = &b->r.v[ri];
	}
	bank_lexicon(b);
	if (rubric_compile(*r, 1, &dl))
		bad = 1;
	if (*q && qbank_compile_expects(*q, 1, &dl))
		bad = 1;
	diag_print(&dl, 1);
	diag_release(&dl);
	if (bad) {
		fprintf(stderr,
			"pmdrill: rubric '%s' has patterns that do not compile; fix them first\n",
			(*r)->name);
		return EX_DATAERR;
	}
	return EX_OK;
}

void attempt_json_head(struct sb *out, const struct store_attempt *a,
		       int with_prompt)
{
	struct sb t = SB_INIT;
	sb_addf(out, "{\"id\":%lld", a->id);
	json_key_str(out, "question", a->question_id);
	json_key_str(out, "category", a->category);
	if (with_prompt)
		json_key_str(out, "prompt", a->prompt);
	store_fmt_time(&t, a->started_at);
	json_key_str(out, "started_at", t.buf);
	json_key(out, "duration_ms");
	json_int_or_null(out, a->duration_ms, a->duration_ms >= 0);
	sb_release(&t);
}

void question_json(struct sb *out, const struct bank *b, size_t qi)
{
	const struct question *q = &b->q.v[qi];
	size_t i;
	sb_addc(out, '{');
	json_key_str(out, "id", q->id);
	json_key_str(out, "category", q->category);
	json_key_str(out, "rubric", question_rubric(q));
	json_key_str(out, "level", q->level ? qlevel_name(q->level) : NULL);
	sb_addf(out, ",\"time_s\":%u", bank_question_time(b, qi));
	json_key_str(out, "prompt", q->prompt);
	json_key_str(out, "hint", q->hint);
	json_key(out, "follow_ups");
	json_str_array(out, (const char *const *)q->follow_ups, q->nfollow);
	json_key(out, "tags");
	json_str_array(out, (const char *const *)q->tags, q->ntags);
	sb_adds(out, ",\"expects\":[");
	for (i = 0; i < q->nexpect; i++) {
		if (i)
			sb_addc(out, ',');
		sb_addc(out, '{');
		json_key_str(out, "label", q->expects[i].label);
		json_key_str(out, "pattern", q->expects[i].pattern);
		sb_addc(out, '}');
	}
	sb_adds(out, "],\"file\":");
	json_str(out, q->file);
	sb_addf(out, ",\"line\":%u}", q->line);
}

void format_duration(struct sb *out, unsigned s)
{
	if (s >= 3600 && s % 3600 == 0)
		sb_addf(out, "%uh", s / 3600);
	else if (s >= 60 && s % 60 == 0)
		sb_addf(out, "%um", s / 60);
	else if (s > 60)
		sb_addf(out, "%um%02us", s / 60, s % 60);
	else
		sb_addf(out, "%us", s);
}
