/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill export`: every attempt as JSON lines or CSV. */
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "opt.h"
#include "sb.h"
#include "store.h"
#include "store-export.h"

enum { E_FORMAT = 1 };
static const struct cmd_grammar export_grammar = {"export", "format=", 1,
						  "one output file at a time"};

int cmd_export(int argc, char **argv, struct app *app)
{
	static const char *const formats[] = {"json", "csv"};
	struct store *st = NULL;
	struct sb err = SB_INIT, tmp = SB_INIT;
	const char *path;
	FILE *out = stdout;
	int format = STORE_EXPORT_JSON, rc, status;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &export_grammar, &status))
		return status;
	path = a.noperands ? a.operand[0] : NULL;
	if (a.value[E_FORMAT]) {
		int k = opt_choice("format", a.value[E_FORMAT], formats, 2, 0,
				   &err);
		if (k < 0) {
			status = cmd_value_error("export", &err);
			goto out;
		}
		format = k ? STORE_EXPORT_CSV : STORE_EXPORT_JSON;
	}

	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	rc = STORE_OK;
	if (path && strcmp(path, "-")) {
		/* Write beside the target and rename, so a failed export never
		 * leaves a half-written file under the real name. */
		sb_addf(&tmp, "%s.tmp", path);
		out = fopen(tmp.buf, "wb");
		if (!out) {
			fprintf(stderr,
				"pmdrill: export: cannot write '%s': %s\n",
				tmp.buf, strerror(errno));
			status = EX_CANTCREAT;
			goto out;
		}
	}
	if (!st && format == STORE_EXPORT_CSV) {
		/* No database yet: an empty export still has its header. */
		struct store *mem = NULL;
		if (!store_open(&mem, ":memory:", STORE_OPEN_CREATE, &err)) {
			rc = store_export(mem, out, format, &err);
			store_close(mem);
		}
	} else if (st) {
		rc = store_export(st, out, format, &err);
	}
	if (rc && rc != STORE_ENOENT) {
		fprintf(stderr, "pmdrill: export: %s\n", err.buf);
		status = store_exit_code(rc);
	} else if (fflush(out) || ferror(out)) {
		fprintf(stderr, "pmdrill: export: cannot write: %s\n",
			strerror(errno));
		status = EX_IOERR;
	} else {
		status = EX_OK;
	}
	if (out != stdout) {
		if (fclose(out) && status == EX_OK) {
			fprintf(stderr,
				"pmdrill: export: cannot write '%s': %s\n",
				tmp.buf, strerror(errno));
			status = EX_IOERR;
		}
		if (status == EX_OK && rename(tmp.buf, path)) {
			fprintf(stderr,
				"pmdrill: export: cannot rename '%s' to '%s': %s\n",
				tmp.buf, path, strerror(errno));
			status = EX_IOERR;
		}
		if (status != EX_OK)
			unlink(tmp.buf);
	}
out:
	store_close(st);
	sb_release(&err);
	sb_release(&tmp);
	return status;
}
