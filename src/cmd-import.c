/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill import`: read an export into this database, without duplicates. */
#include "cmd.h"

#include <errno.h>
#include <string.h>
#include <sysexits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "opt.h"
#include "fsrs.h"
#include "sb.h"
#include "store.h"
#include "store-import.h"

/* "importing: N records read" over itself; *data notes that it showed. */
static void show_progress(size_t records, void *data)
{
	*(int *)data = 1;
	fprintf(stderr, "\rimporting: %zu records read", records);
	fflush(stderr);
}

static const struct cmd_grammar import_grammar = {"import", "", 1,
						  "one file at a time"};

int cmd_import(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct sb err = SB_INIT;
	FILE *fp = NULL;
	int progress_shown = 0;
	struct fsrs_params p;
	const char *path;
	size_t added = 0, skipped = 0;
	int rc, status;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &import_grammar, &status))
		return status;
	path = a.noperands ? a.operand[0] : NULL;
	if (!path) {
		status = cmd_usage_error(
			"import", "%s", "which file? ('-' for standard input)");
		goto out;
	}
	if (!strcmp(path, "-")) {
		fp = stdin;
	} else {
		struct stat sbuf;
		fp = fopen(path, "rb");
		if (fp && !fstat(fileno(fp), &sbuf) && S_ISDIR(sbuf.st_mode)) {
			fclose(fp);
			fp = NULL;
			errno = EISDIR;
		}
		if (!fp) {
			fprintf(stderr,
				"pmdrill: import: cannot read '%s': %s\n", path,
				strerror(errno));
			return errno == ENOENT || errno == EISDIR ? EX_NOINPUT
								  : EX_IOERR;
		}
	}

	if ((status = cmd_open_store(app, STORE_OPEN_CREATE, &st)))
		goto out;
	rc = store_params(st, &p, NULL, &err);
	/* A long import shows how far it got, on a terminal only. */
	if (!rc)
		rc = store_import(st, fp, &p,
				  isatty(STDERR_FILENO) ? show_progress : NULL,
				  &progress_shown, &added, &skipped, &err);
	if (progress_shown)
		fputs("\r\033[K", stderr);
	if (rc) {
		fprintf(stderr, "pmdrill: import: %s%s%s\n",
			rc == STORE_EINVAL ? path : "",
			rc == STORE_EINVAL ? ": " : "", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	printf("imported %zu attempt%s", added, added == 1 ? "" : "s");
	if (skipped)
		printf(", skipped %zu already present", skipped);
	putchar('\n');
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	store_close(st);
	if (fp && fp != stdin)
		fclose(fp);
	sb_release(&err);
	return status;
}
