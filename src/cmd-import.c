/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill import`: read an export into this database, without duplicates. */
#include "cmd.h"

#include <errno.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "sb.h"
#include "store.h"

int cmd_import(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct sb err = SB_INIT, buf = SB_INIT;
	struct fsrs_params p;
	const char *path = NULL;
	size_t added = 0, skipped = 0;
	int a, rc, status;

	if (cmd_wants_help(argc, argv, "import"))
		return EX_OK;
	for (a = 1; a < argc; a++) {
		const char *o = argv[a];
		if (o[0] == '-' && o[1]) {
			fprintf(stderr, "pmdrill: import: unknown option '%s'\n", o);
			cmd_usage(cmd_find("import"), stderr);
			return EX_USAGE;
		}
		if (path) {
			fprintf(stderr, "pmdrill: import: one file at a time ('%s')\n", o);
			cmd_usage(cmd_find("import"), stderr);
			return EX_USAGE;
		}
		path = o;
	}
	if (!path) {
		fprintf(stderr, "pmdrill: import: which file? ('-' for standard input)\n");
		cmd_usage(cmd_find("import"), stderr);
		return EX_USAGE;
	}
	if (!strcmp(path, "-")) {
		if (read_stream(stdin, &buf)) {
			fprintf(stderr, "pmdrill: import: cannot read standard input: %s\n",
				strerror(errno));
			status = EX_IOERR;
			goto out;
		}
	} else {
		/* Exports can be far larger than a question file: read it all. */
		FILE *fp = fopen(path, "rb");
		if (!fp || read_stream(fp, &buf)) {
			fprintf(stderr, "pmdrill: import: cannot read '%s': %s\n", path,
				strerror(errno));
			status = errno == ENOENT || errno == EISDIR ? EX_NOINPUT : EX_IOERR;
			if (fp)
				fclose(fp);
			goto out;
		}
		fclose(fp);
	}

	if ((status = cmd_open_store(app, STORE_OPEN_CREATE, &st)))
		goto out;
	rc = store_params(st, &p, NULL, &err);
	if (!rc)
		rc = store_import(st, buf.buf, buf.len, &p, &added, &skipped, &err);
	if (rc) {
		fprintf(stderr, "pmdrill: import: %s%s%s\n",
			rc == STORE_EINVAL ? path : "", rc == STORE_EINVAL ? ": " : "",
			err.buf);
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
	sb_release(&err);
	sb_release(&buf);
	return status;
}
