/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill import`: read an export into this database, without duplicates. */
#include "cmd.h"

#include <errno.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "opt.h"
#include "sb.h"
#include "store.h"

static const struct opt no_opts[] = {{NULL, 0, 0, 0}};

int cmd_import(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct sb err = SB_INIT, buf = SB_INIT;
	struct fsrs_params p;
	const char *path = NULL;
	size_t added = 0, skipped = 0;
	int a, rc, status;
	struct opt_parser op;

	if (cmd_wants_help(argc, argv, "import"))
		return EX_OK;
	opt_init(&op, argc, argv);
	while ((a = opt_next(&op, no_opts, &err)) != OPT_DONE) {
		if (a == OPT_ERROR) {
			status = cmd_opt_error("import", &err);
			goto out;
		}
		if (path) {
			status = cmd_usage_error("import", "one file at a time ('%s')", op.value);
			goto out;
		}
		path = op.value;
	}
	if (!path) {
		status = cmd_usage_error("import", "%s", "which file? ('-' for standard input)");
		goto out;
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

	rc = store_open(&st, app->db_path, 1, &err);
	if (!rc) {
		store_set_now(st, (long long)app->now);
		rc = store_params(st, &p, NULL, &err);
	}
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
