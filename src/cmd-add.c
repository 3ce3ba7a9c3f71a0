/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `add` at the home prompt: a new question typed in, checked and saved. */
#include "cmd.h"
#include "drill.h"
#include "cmd-add.h"
#include "drill-answer.h"
#include "drill-complete.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "fsrs.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "report.h"
#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

/* ---- add ---- */

/* An id from the first words of the prompt, unique in the bank. */
static char *make_id(const struct bank *b, const char *prompt)
{
	struct sb id = SB_INIT;
	const char *p;
	int words = 0, n;
	for (p = prompt; *p && words < 6 && id.len < 40; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			sb_addc(&id, c);
		} else if (id.len && id.buf[id.len - 1] != '-') {
			sb_addc(&id, '-');
			words++;
		}
	}
	while (id.len && id.buf[id.len - 1] == '-')
		sb_setlen(&id, id.len - 1);
	if (!id.len)
		sb_adds(&id, "custom");
	if (qbank_find(&b->q, id.buf) >= 0) {
		size_t base = id.len;
		for (n = 2;; n++) {
			sb_setlen(&id, base);
			sb_addf(&id, "-%d", n);
			if (qbank_find(&b->q, id.buf) < 0)
				break;
		}
	}
	return sb_detach(&id, NULL);
}

/* A field value in record syntax: continuation lines indented, empty
 * lines as " ." (docs/FORMATS.md). */
static void add_field(struct sb *rec, const char *name, const char *value)
{
	const char *p = value;
	sb_addf(rec, "%s: ", name);
	while (1) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (p != value)
			sb_adds(rec, n ? " " : " .");
		sb_add(rec, p, n);
		sb_addc(rec, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* Ask one field; NULL when the user gave up (EOF, Ctrl-C, hang-up). */
static char *ask_field(struct session *s, const char *prompt, int mode)
{
	char *line = NULL, *v;
	enum repl_status rs;
	s->complete_mode = mode;
	rs = ask(s, prompt, 1, &line);
	s->complete_mode = COMPLETE_HOME;
	if (rs != REPL_LINE) {
		free(line);
		if (rs == REPL_EOF && s->tty)
			fputc('\n', stdout);
		return NULL;
	}
	v = xstrdup(trim(line));
	free(line);
	return v;
}

static int reload_bank(struct session *s)
{
	struct sb err = SB_INIT;
	int status;
	if (s->app->bank) {
		bank_release(s->app->bank);
		free(s->app->bank);
		s->app->bank = NULL;
	}
	s->bank = app_bank(s->app, &status);
	if (!s->bank)
		return status;
	if (store_sync_questions(s->st, s->bank, drill_session_now(s), &err))
		store_error("cannot record the questions", &err);
	sb_release(&err);
	return EX_OK;
}

/*
 * Validate the record as `check` would: every bank loaded fresh except
 * custom.txt, then custom.txt's current text plus the record, then the
 * cross-file checks with every pattern compiled.  Prints the problems in
 * the new record; returns their number of errors.
 */
static size_t validate_record(struct session *s, const char *path,
			      const struct sb *old, const char *sep,
			      const struct sb *rec)
{
	struct bank b = {0};
	struct diag_list dl = {0}, ctx = {0}, shown = {0};
	struct sb all = SB_INIT;
	char real[PATH_MAX];
	char *skip[1];
	size_t i, errors;
	unsigned first_line = 1;

	sb_add(&all, old->buf, old->len);
	sb_adds(&all, sep);
	for (i = 0; i < all.len; i++)
		if (all.buf[i] == '\n')
			first_line++;
	sb_add(&all, rec->buf, rec->len);
	skip[0] = realpath(path, real) ? real : NULL;
	bank_load_dirs(&b, s->app->bank_dirs, s->app->nbank_dirs, skip,
		       skip[0] ? 1 : 0, &ctx);
	bank_add_questions(&b, path, all.buf, all.len, &dl);
	bank_validate(&b, 1, &dl);
	for (i = 0; i < dl.nr; i++) {
		struct diag *d = &dl.v[i];
		if (!d->file || strcmp(d->file, path) || d->line < first_line)
			continue;
		ALLOC_GROW(shown.v, shown.nr + 1, shown.alloc);
		shown.v[shown.nr++] = *d;
	}
	diag_print(&shown, 1);
	errors = diag_count(&shown, DIAG_ERROR);
	free(shown.v);
	diag_release(&dl);
	diag_release(&ctx);
	bank_release(&b);
	sb_release(&all);
	return errors;
}

int run_add(struct session *s)
{
	char *category = NULL, *prompt = NULL, *tm = NULL, *level = NULL;
	char *hint = NULL, *rubric = NULL, *id = NULL, *dir = NULL;
	struct strv follow = {0};
	struct sb rec = SB_INIT, path = SB_INIT, old = SB_INIT, qdir = SB_INIT;
	const char *sep = "";
	size_t i;
	FILE *fp;
	int status = EX_OK;

	puts("new question (Ctrl-D or Ctrl-C gives up; nothing is written "
	     "until the end)");
	if (!(category = ask_field(s, "category: ", COMPLETE_CATEGORY)) ||
	    !*category)
		goto give_up;
	if (rubric_find(&s->bank->r, category) < 0) {
		struct sb names = SB_INIT, p = SB_INIT;
		for (i = 0; i < s->bank->r.nr; i++)
			sb_addf(&names, "%s%s", i ? ", " : "",
				s->bank->r.v[i].name);
		printf("no rubric is called '%s'; pick one of: %s\n", category,
		       names.buf);
		sb_adds(&p, "rubric: ");
		rubric = ask_field(s, p.buf, COMPLETE_RUBRIC);
		sb_release(&names);
		sb_release(&p);
		if (!rubric || !*rubric)
			goto give_up;
	}
	if (!(prompt = ask_field(s, "prompt: ", COMPLETE_NONE)) || !*prompt)
		goto give_up;
	if (!(tm = ask_field(s, "time (e.g. 5m; Enter: the rubric's): ",
			     COMPLETE_NONE)))
		goto give_up;
	if (!(level = ask_field(s,
				"level (apm, pm, senior, tpm; Enter: none): ",
				COMPLETE_NONE)))
		goto give_up;
	if (!(hint = ask_field(s, "hint (Enter: none): ", COMPLETE_NONE)))
		goto give_up;
	for (;;) {
		char *f = ask_field(
			s, "follow-up (empty line ends): ", COMPLETE_NONE);
		if (!f || !*f) {
			free(f);
			break;
		}
		strv_push(&follow, f);
		free(f);
	}
	strv_uniq(&follow);
	if (s->hungup)
		goto give_up;

	id = make_id(s->bank, prompt);
	add_field(&rec, "Id", id);
	add_field(&rec, "Category", category);
	if (rubric)
		add_field(&rec, "Rubric", rubric);
	if (*level)
		add_field(&rec, "Level", level);
	if (*tm)
		add_field(&rec, "Time", tm);
	add_field(&rec, "Prompt", prompt);
	if (*hint)
		add_field(&rec, "Hint", hint);
	for (i = 0; i < follow.nr; i++)
		add_field(&rec, "Follow-up", follow.v[i]);

	dir = app_data_dir();
	sb_addf(&qdir, "%s/questions", dir);
	sb_addf(&path, "%s/custom.txt", qdir.buf);
	if (read_file(path.buf, &old) && errno != ENOENT) {
		fprintf(stderr, "pmdrill: add: cannot read '%s': %s\n",
			path.buf, strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	if (old.len)
		sep = old.buf[old.len - 1] != '\n'                  ? "\n\n"
		      : old.len > 1 && old.buf[old.len - 2] == '\n' ? ""
								    : "\n";
	if (validate_record(s, path.buf, &old, sep, &rec)) {
		fputs("pmdrill: add: the question has errors; nothing was added\n",
		      stderr);
		status = EX_DATAERR;
		goto cleanup;
	}
	if (mkdir_p(qdir.buf) || !(fp = fopen(path.buf, "a"))) {
		fprintf(stderr, "pmdrill: add: cannot write '%s': %s\n",
			path.buf, strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	fputs(sep, fp);
	fwrite(rec.buf, 1, rec.len, fp);
	if (fclose(fp)) {
		fprintf(stderr, "pmdrill: add: cannot write '%s': %s\n",
			path.buf, strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	printf("added '%s' to %s\n", id, path.buf);
	status = reload_bank(s);
	if (status == EX_OK && s->bank && qbank_find(&s->bank->q, id) >= 0 &&
	    yesno(s, "drill it now? [y/N] ", 0)) {
		long qi = qbank_find(&s->bank->q, id);
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		summary_reset(s);
		drill_answer_init(s, &a, (size_t)qi, -1, 0);
		end = run_answer(s, &a, 1, 1, 1, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE)
			offer_follow_up(s, (size_t)qi, attempt);
	}
	goto cleanup;
give_up:
	puts("nothing added");
cleanup:
	free(category);
	free(prompt);
	free(tm);
	free(level);
	free(hint);
	free(rubric);
	free(id);
	free(dir);
	for (i = 0; i < follow.nr; i++)
		free(follow.v[i]);
	free(follow.v);
	sb_release(&rec);
	sb_release(&path);
	sb_release(&old);
	sb_release(&qdir);
	return status;
}
