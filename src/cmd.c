/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd.c: what several commands share (cmd.h) — reading an answer
 * argument, preparing a rubric, opening the database the same way, and the
 * renderings more than one command prints.
 */
#include "cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "json.h"
#include "sb.h"
#include "store.h"

int cmd_open_store(struct app *app, int mode, struct store **st)
{
	struct sb err = SB_INIT;
	int rc = store_open(st, app->db_path, mode, &err);
	int status = EX_OK;
	if (rc == STORE_ENOENT && mode != STORE_OPEN_CREATE) {
		*st = NULL; /* no database yet: nothing to read */
	} else if (rc) {
		fprintf(stderr, "pmdrill: %s\n", err.buf);
		status = store_exit_code(rc);
	} else {
		store_set_now(*st, (long long)app->now);
	}
	sb_release(&err);
	return status;
}

/* Read FILE, or stdin for NULL or "-"; returns an exit status. */
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

void question_json(struct sb *out, const struct bank *b, size_t qi)
{
	const struct question *q = &b->q.v[qi];
	size_t i;
	sb_adds(out, "{\"id\":");
	json_str(out, q->id);
	sb_adds(out, ",\"category\":");
	json_str(out, q->category);
	sb_adds(out, ",\"rubric\":");
	json_str(out, question_rubric(q));
	sb_adds(out, ",\"level\":");
	json_str(out, q->level ? qlevel_name(q->level) : NULL);
	sb_addf(out, ",\"time_s\":%u", bank_question_time(b, qi));
	sb_adds(out, ",\"prompt\":");
	json_str(out, q->prompt);
	sb_adds(out, ",\"hint\":");
	json_str(out, q->hint);
	sb_adds(out, ",\"follow_ups\":[");
	for (i = 0; i < q->nfollow; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, q->follow_ups[i]);
	}
	sb_adds(out, "],\"tags\":[");
	for (i = 0; i < q->ntags; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, q->tags[i]);
	}
	sb_adds(out, "],\"expects\":[");
	for (i = 0; i < q->nexpect; i++) {
		if (i)
			sb_addc(out, ',');
		sb_adds(out, "{\"label\":");
		json_str(out, q->expects[i].label);
		sb_adds(out, ",\"pattern\":");
		json_str(out, q->expects[i].pattern);
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
