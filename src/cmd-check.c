/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill check`: validate banks, or given files in their context. */
#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "opt.h"
#include "sb.h"
#include "xalloc.h"

struct pathset {
	char **v;
	size_t nr, alloc;
};

static void pathset_add(struct pathset *ps, const char *real)
{
	ALLOC_GROW(ps->v, ps->nr + 1, ps->alloc);
	ps->v[ps->nr++] = xstrdup(real);
}

/* ps holds real paths. */
static int pathset_has(const struct pathset *ps, const char *path)
{
	char real[PATH_MAX];
	size_t i;
	if (!path || !realpath(path, real))
		return 0;
	for (i = 0; i < ps->nr; i++)
		if (!strcmp(ps->v[i], real))
			return 1;
	return 0;
}

static int cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* The exit status for a path that cannot be read. */
static int read_status(int err)
{
	return err == ENOENT || err == EACCES || err == EPERM ||
			       err == ENOTDIR || err == ELOOP ||
			       err == ENAMETOOLONG
		       ? EX_NOINPUT
		       : EX_IOERR;
}

/*
 * Collect every *.txt under a folder (a bank, or a questions/rubrics
 * folder) or the file itself.  A path given to check must hold something
 * to check: a folder that cannot be listed, a file that cannot be opened
 * and anything that is not a file or folder are reported here, with the
 * exit status to give, rather than passed over as an empty "ok".
 */
static int collect(const char *arg, const char *path, struct pathset *files)
{
	struct stat st;
	size_t before = files->nr;
	int status = EX_OK;
	if (stat(path, &st)) {
		fprintf(stderr, "pmdrill: check: '%s': %s\n", path,
			strerror(errno));
		return read_status(errno);
	}
	if (S_ISDIR(st.st_mode)) {
		static const char *const subs[] = {"rubrics", "questions"};
		struct sb p = SB_INIT;
		size_t k;
		int any = 0;
		for (k = 0; k < 2; k++) {
			struct stat s2;
			sb_reset(&p);
			sb_addf(&p, "%s/%s", path, subs[k]);
			if (!stat(p.buf, &s2) && S_ISDIR(s2.st_mode)) {
				int rc = collect(arg, p.buf, files);
				if (rc != EX_OK)
					status = rc;
				any = 1;
			}
		}
		if (!any) {
			/* a plain folder of .txt files */
			struct pathset tmp = {0};
			if (bank_list_txt(path, &tmp.v, &tmp.nr)) {
				fprintf(stderr,
					"pmdrill: check: cannot read folder '%s': %s\n",
					path, strerror(errno));
				status = read_status(errno);
			}
			for (k = 0; k < tmp.nr; k++) {
				pathset_add(files, tmp.v[k]);
				free(tmp.v[k]);
			}
			free(tmp.v);
		}
		sb_release(&p);
		if (status == EX_OK && path == arg && files->nr == before) {
			size_t l = strlen(path);
			while (l > 1 && path[l - 1] == '/')
				l--;
			if (l >= 4 && !strncmp(path + l - 4, ".txt", 4))
				fprintf(stderr,
					"pmdrill: check: '%s' is a folder, not a bank file, and holds no *.txt files\n",
					path);
			else
				fprintf(stderr,
					"pmdrill: check: folder '%s' holds no bank files (*.txt, or rubrics/ and questions/ folders of them)\n",
					path);
			status = EX_NOINPUT;
		}
	} else if (S_ISREG(st.st_mode)) {
		/* O_NONBLOCK: the file may be swapped for a FIFO meanwhile;
		 * loading it checks again. */
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr,
				"pmdrill: check: cannot read '%s': %s\n", path,
				strerror(errno));
			return read_status(errno);
		}
		close(fd);
		pathset_add(files, path);
	} else {
		fprintf(stderr, "pmdrill: check: '%s' is %s, not a bank file\n",
			path, file_kind(st.st_mode));
		status = EX_NOINPUT;
	}
	return status;
}

enum { C_LIST_CODES = 1 };
static const struct opt check_opts[] = {
	{"list-codes", 0, OPT_FLAG, C_LIST_CODES},
	{NULL, 0, 0, 0},
};

int cmd_check(int argc, char **argv, struct app *app)
{
	struct bank b = {0};
	struct diag_list dl = {0}, ctx = {0}, shown = {0};
	struct pathset files = {0}, reals = {0};
	size_t i, k, errors, warnings, ncat, nq, nrub = 0;
	const char **cats;
	int status = EX_OK, a, list_codes = 0;
	struct opt_parser op;
	struct sb err = SB_INIT;

	if (cmd_wants_help(argc, argv, "check"))
		return EX_OK;
	/* Options first: --list-codes reads no file, whatever is given. */
	opt_init(&op, argc, argv);
	while ((a = opt_next(&op, check_opts, &err)) != OPT_DONE) {
		if (a == OPT_ERROR) {
			status = cmd_opt_error("check", &err);
			goto cleanup;
		}
		list_codes |= a == C_LIST_CODES;
	}
	if (list_codes) {
		for (i = 0; i < DIAG_CODE_MAX; i++)
			printf("%-15s %s\n", diag_code_name((enum diag_code)i),
			       diag_code_text((enum diag_code)i));
		goto cleanup;
	}
	opt_init(&op, argc, argv);
	while ((a = opt_next(&op, check_opts, &err)) != OPT_DONE) {
		int rc;
		if (a == C_LIST_CODES)
			continue;
		rc = collect(op.value, op.value, &files);
		/* a missing or unreadable file outranks an I/O error */
		if (rc != EX_OK && status != EX_NOINPUT)
			status = rc;
	}
	if (status != EX_OK)
		goto cleanup;
	/* A file given twice, or given and inside a folder given too, is
	 * checked once: twice would report its ids as duplicates of
	 * themselves. */
	for (i = 0, k = 0; i < files.nr; i++) {
		char real[PATH_MAX];
		if (realpath(files.v[i], real)) {
			if (pathset_has(&reals, real)) {
				free(files.v[i]);
				continue;
			}
			pathset_add(&reals, real);
		}
		files.v[k++] = files.v[i];
	}
	files.nr = k;

	if (files.nr) {
		/* The given files, in the context of everything else loaded;
		 * the context's own problems are not this check's business. */
		bank_load_dirs(&b, app->bank_dirs, app->nbank_dirs, reals.v,
			       reals.nr, &ctx);
		for (i = 0; i < files.nr; i++)
			bank_load_file(&b, files.v[i], &dl);
	} else {
		bank_load_dirs(&b, app->bank_dirs, app->nbank_dirs, NULL, 0,
			       &dl);
	}
	bank_validate(&b, 1, &dl);

	for (i = 0; i < dl.nr; i++) {
		struct diag *d = &dl.v[i];
		if (files.nr && !pathset_has(&reals, d->file))
			continue;
		ALLOC_GROW(shown.v, shown.nr + 1, shown.alloc);
		shown.v[shown.nr++] = *d;
	}
	if (shown.nr > 1)
		qsort(shown.v, shown.nr, sizeof(*shown.v), cmp_diag);
	diag_print(&shown, 1);
	errors = diag_count(&shown, DIAG_ERROR);
	warnings = diag_count(&shown, DIAG_WARNING);
	free(shown.v);

	if (files.nr) {
		/* Count what the given files define, not their context. */
		struct bank mine = {0};
		for (k = 0; k < b.q.nr; k++)
			if (pathset_has(&reals, b.q.v[k].file)) {
				ALLOC_GROW(mine.q.v, mine.q.nr + 1,
					   mine.q.alloc);
				mine.q.v[mine.q.nr++] = b.q.v[k];
			}
		for (k = 0; k < b.r.nr; k++)
			if (pathset_has(&reals, b.r.v[k].file))
				nrub++;
		nq = mine.q.nr;
		ncat = bank_categories(&mine, &cats);
		free(mine.q.v); /* borrowed questions: the array only */
	} else {
		nq = b.q.nr;
		nrub = b.r.nr;
		ncat = bank_categories(&b, &cats);
	}
	free(cats);
	if (errors) {
		fprintf(stderr, "pmdrill: check: %zu error%s, %zu warning%s\n",
			errors, errors == 1 ? "" : "s", warnings,
			warnings == 1 ? "" : "s");
		status = EX_DATAERR;
	} else {
		printf("ok: %zu question%s in %zu categor%s, %zu rubric%s", nq,
		       nq == 1 ? "" : "s", ncat, ncat == 1 ? "y" : "ies", nrub,
		       nrub == 1 ? "" : "s");
		if (warnings)
			printf(", %zu warning%s", warnings,
			       warnings == 1 ? "" : "s");
		printf("\n");
	}
cleanup:
	for (i = 0; i < files.nr; i++)
		free(files.v[i]);
	free(files.v);
	for (i = 0; i < reals.nr; i++)
		free(reals.v[i]);
	free(reals.v);
	diag_release(&dl);
	diag_release(&ctx);
	bank_release(&b);
	sb_release(&err);
	return status;
}
