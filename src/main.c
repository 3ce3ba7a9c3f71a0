/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pmdrill's entry point: global options, then a git-style subcommand. */
#include "cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "opt.h"
#include "sb.h"
#include "xalloc.h"

enum { M_DB = 1, M_BANK, M_COLOR, M_HELP, M_VERSION };
static const struct opt main_opts[] = {
	{"db", 0, OPT_VALUE, M_DB},          {"bank", 0, OPT_VALUE, M_BANK},
	{"color", 0, OPT_VALUE, M_COLOR},    {"help", 'h', OPT_FLAG, M_HELP},
	{"version", 0, OPT_FLAG, M_VERSION}, {NULL, 0, 0, 0},
};

int main(int argc, char **argv)
{
	struct app app;
	const char **user_banks = NULL;
	size_t nuser = 0, auser = 0;
	const char *db = NULL;
	int color = -1, i, id, status = EX_OK;
	struct opt_parser op;
	struct sb err = SB_INIT;
	const struct cmd *c;

	memset(&app, 0, sizeof(app));
	app.prog = "pmdrill";
	/* Global options end at the command: what follows is its own. */
	opt_init(&op, argc, argv);
	while ((id = opt_next(&op, main_opts, &err)) > 0) {
		static const char *const colors[] = {"auto", "always", "never"};
		int k;
		switch (id) {
		case M_HELP:
			cmd_main_help(stdout);
			goto done;
		case M_VERSION:
			printf("pmdrill %s\n", PMDRILL_VERSION);
			goto done;
		case M_DB:
			db = op.value;
			break;
		case M_BANK:
			ALLOC_GROW(user_banks, nuser + 1, auser);
			user_banks[nuser++] = op.value;
			break;
		case M_COLOR:
			k = opt_choice("color", op.value, colors, 3, 0, &err);
			if (k < 0) {
				fprintf(stderr, "pmdrill: %s\n", err.buf);
				status = EX_USAGE;
				goto done;
			}
			color = k == 0 ? -1 : k == 1;
			break;
		}
	}
	if (id == OPT_ERROR) {
		fprintf(stderr, "pmdrill: %s\n", err.buf);
		cmd_main_usage(stderr);
		status = EX_USAGE;
		goto done;
	}
	i = id == OPT_OPERAND ? op.ind - 1 : argc;
	sb_release(&err);

	status = app_init(&app, argv[0], db, user_banks, nuser, color);
	free(user_banks);
	if (status != EX_OK) {
		app_release(&app);
		return status;
	}
	if (i >= argc) {
		/* argv[0] "pmdrill": no command, so the home prompt */
		char *dargv[] = {(char *)"pmdrill", NULL};
		status = cmd_drill(1, dargv, &app);
	} else {
		c = cmd_find(argv[i]);
		if (!c) {
			fprintf(stderr,
				"pmdrill: '%s' is not a command; see 'pmdrill --help'\n",
				argv[i]);
			status = EX_USAGE;
		} else {
			status = c->fn(argc - i, argv + i, &app);
		}
	}
	app_release(&app);
	/* Output that could not be written (a full disk, a closed pipe's
	 * EIO) is a failure even when the command had nothing else wrong. */
	if (fflush(stdout) || ferror(stdout)) {
		if (status == EX_OK) {
			fprintf(stderr,
				"pmdrill: cannot write the output: %s\n",
				strerror(errno));
			status = EX_IOERR;
		}
	}
	return status;
done:
	free(user_banks);
	sb_release(&err);
	return status;
}
