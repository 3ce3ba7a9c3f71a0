/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pmdrill srs: replay review histories through the FSRS-6 scheduler. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "diag.h"
#include "fsrs.h"
#include "opt.h"
#include "sb.h"
#include "xalloc.h"

/* Keeps the synthetic review times well inside FSRS_TIME_MAX. */
#define MAX_ELAPSED_DAYS 1000000000LL

struct replay {
	struct fsrs_params params;
	const char *file; /* as shown in messages */
	unsigned line;
	struct fsrs_card card;
	char *card_id; /* CARD of the previous well-formed line */
	int nbad;      /* lines with an error */
};

static void srs_error(struct replay *rp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void srs_error(struct replay *rp, const char *fmt, ...)
{
	struct diag_list dl = {0};
	struct sb msg = SB_INIT, line = SB_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_add(&dl, DIAG_ERROR, DIAG_E_BAD_VALUE, rp->file, rp->line, 0, "%s",
		 msg.buf);
	diag_format(&dl.v[0], &line);
	fprintf(stderr, "pmdrill: %s\n", line.buf);
	sb_release(&line);
	sb_release(&msg);
	diag_release(&dl);
}

/* A double that reads back exactly, with at least min_digits significant
 * digits (trailing zeros kept when min_digits > 1). */
static void print_double_min(double v, int min_digits)
{
	char buf[64];
	int prec;

	/* At least 10 significant digits, as the issue asks (trailing zeros
	 * kept: "8.295600000"), more where the value needs them to read back
	 * exactly. */
	for (prec = min_digits; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), min_digits > 1 ? "%#.*g" : "%.*g",
			 prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	printf(min_digits > 1 ? "%#.*g" : "%.*g", prec, v);
}

static int parse_days(const char *s, long long *out)
{
	long long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > MAX_ELAPSED_DAYS)
			return -2;
	}
	*out = v;
	return 0;
}

static int parse_retention(const char *val, struct fsrs_params *p)
{
	char *end;

	errno = 0;
	p->desired_retention = strtod(val, &end);
	if (end == val || *end || errno)
		return -1;
	return fsrs_params_validate(p, NULL, 0);
}

/* One input line, without its line end. */
static void replay_line(struct replay *rp, char *s)
{
	char *field[3];
	char *tab;
	size_t n = 0;
	int rating, bad = 0, first;
	long long days = 0, now;
	struct fsrs_review out;

	if (!s[strspn(s, " \t")] || s[0] == '#')
		return;
	for (;;) {
		tab = strchr(s, '\t');
		if (n < 3)
			field[n] = s;
		n++;
		if (!tab)
			break;
		*tab = '\0';
		s = tab + 1;
	}
	if (n != 3) {
		srs_error(rp,
			  "expected 3 tab-separated fields (CARD, RATING, "
			  "ELAPSED_DAYS), found %zu",
			  n);
		rp->nbad++;
		return;
	}
	if (!*field[0]) {
		srs_error(rp, "empty CARD field");
		rp->nbad++;
		return;
	}
	if (!rp->card_id || strcmp(rp->card_id, field[0])) {
		free(rp->card_id);
		rp->card_id = xstrdup(field[0]);
		memset(&rp->card, 0, sizeof(rp->card));
	}
	first = !rp->card.reviewed;

	rating = fsrs_rating_parse(field[1]);
	if (rating < 0) {
		srs_error(rp,
			  "rating '%s' is not 1-4 or again, hard, good, easy",
			  field[1]);
		bad = 1;
	}
	if (!strcmp(field[2], "-")) {
		if (!first) {
			srs_error(
				rp,
				"elapsed days '-' on a later review of card "
				"'%s'; give the whole days since the last one",
				field[0]);
			bad = 1;
		}
	} else {
		int rc = parse_days(field[2], &days);

		if (rc == -1) {
			srs_error(rp,
				  "elapsed days '%s' is not a whole number "
				  "of days (0 or more)",
				  field[2]);
			bad = 1;
		} else if (rc == -2) {
			srs_error(rp, "elapsed days '%s' is over %lld",
				  field[2], MAX_ELAPSED_DAYS);
			bad = 1;
		} else if (first) {
			srs_error(rp,
				  "elapsed days '%s' on the first review of "
				  "card '%s'; use '-'",
				  field[2], field[0]);
			bad = 1;
		}
	}
	if (bad) {
		rp->nbad++;
		return;
	}

	/* Only the difference of the two times matters to the model. */
	rp->card.last_review = 0;
	now = first ? 0 : days * FSRS_DAY;
	if (fsrs_review(&rp->params, &rp->card, rating, now, &out) < 0) {
		srs_error(rp, "card '%s' cannot be reviewed", field[0]);
		rp->nbad++;
		return;
	}
	printf("%s\t%d\t", field[0], rating);
	if (out.is_first) {
		fputs("-\t-\t", stdout);
	} else {
		printf("%lld\t", out.elapsed_days);
		print_double_min(out.retrievability, 10);
		putchar('\t');
	}
	print_double_min(out.stability, 10);
	putchar('\t');
	print_double_min(out.difficulty, 10);
	printf("\t%d\n", out.interval_days);
}

enum { SRS_RETENTION = 1 };
static const struct opt replay_opts[] = {
	{"retention", 0, OPT_VALUE, SRS_RETENTION},
	{NULL, 0, 0, 0},
};

static int srs_replay(int argc, char **argv, const char *prog)
{
	struct replay rp = {0};
	const char *path = "-";
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *in = stdin;
	int id, status = EX_OK, npaths = 0;
	struct opt_parser op;
	struct sb err = SB_INIT;

	fsrs_params_default(&rp.params);
	opt_init(&op, argc, argv);
	while ((id = cmd_opt_next(&op, replay_opts, "srs", 1)) != OPT_DONE) {
		if (id == OPT_ERROR) {
			sb_release(&err);
			return EX_USAGE;
		}
		if (id == OPT_OPERAND) {
			path = op.value;
			npaths++;
		} else if (parse_retention(op.value, &rp.params) < 0) {
			fprintf(stderr,
				"%s: srs replay: --retention must be between 0 "
				"and 1 (exclusive), not '%s'\n",
				prog, op.value);
			return EX_USAGE;
		}
	}
	if (npaths > 1) {
		fprintf(stderr, "%s: srs replay: give at most one FILE\n",
			prog);
		return EX_USAGE;
	}

	if (strcmp(path, "-")) {
		in = fopen(path, "r");
		if (!in) {
			fprintf(stderr, "%s: cannot open '%s': %s\n", prog,
				path, strerror(errno));
			return EX_NOINPUT;
		}
		rp.file = path;
	} else {
		rp.file = "<stdin>";
	}

	while ((len = getline(&buf, &cap, in)) >= 0) {
		rp.line++;
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (len && buf[len - 1] == '\r')
			buf[--len] = '\0';
		if (memchr(buf, '\0', (size_t)len)) {
			srs_error(&rp, "NUL byte in line");
			rp.nbad++;
			continue;
		}
		replay_line(&rp, buf);
	}
	if (ferror(in)) {
		int e = errno;

		fprintf(stderr, "%s: cannot read '%s': %s\n", prog, rp.file,
			strerror(e));
		status = e == EISDIR ? EX_NOINPUT : EX_IOERR;
	} else if (rp.nbad) {
		status = EX_DATAERR;
	}
	if (in != stdin)
		fclose(in);
	free(buf);
	free(rp.card_id);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write the output\n", prog);
		status = EX_IOERR;
	}
	return status;
}

static int srs_params(int argc, char **argv, const char *prog)
{
	struct fsrs_params p;
	size_t i;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "%s: srs params takes no arguments\n", prog);
		return EX_USAGE;
	}
	fsrs_params_default(&p);
	for (i = 0; i < FSRS_NPARAMS; i++) {
		printf("w[%zu]\t", i);
		print_double_min(p.w[i], 1);
		putchar('\n');
	}
	printf("desired_retention\t");
	print_double_min(p.desired_retention, 1);
	printf("\nmaximum_interval\t%d\n", p.maximum_interval);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write the output\n", prog);
		return EX_IOERR;
	}
	return EX_OK;
}

int cmd_srs(int argc, char **argv, struct app *app)
{
	const char *prog = app && app->prog ? app->prog : "pmdrill";

	if (cmd_wants_help(argc, argv, "srs"))
		return EX_OK;
	if (argc < 2) {
		const struct cmd *c = cmd_find("srs");

		if (c)
			cmd_usage(c, stderr);
		else
			fprintf(stderr,
				"usage: %s srs replay [--retention R] "
				"[FILE|-]\n       %s srs params\n",
				prog, prog);
		return EX_USAGE;
	}
	if (!strcmp(argv[1], "replay"))
		return srs_replay(argc - 1, argv + 1, prog);
	if (!strcmp(argv[1], "params"))
		return srs_params(argc - 1, argv + 1, prog);
	fprintf(stderr,
		"%s: srs: unknown subcommand '%s'; try 'replay' or "
		"'params'\n",
		prog, argv[1]);
	return EX_USAGE;
}
