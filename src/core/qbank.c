/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parser and validator for question files. */
#include "qbank.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "opt.h"
#include "pattern.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

static const char *const level_names[] = {"", "apm", "pm", "senior", "tpm"};

const char *qlevel_name(enum qlevel l)
{
	return (unsigned)l <= QLEVEL_TPM ? level_names[l] : "";
}

int qlevel_parse(const char *s, enum qlevel *out)
{
	unsigned i;
	for (i = 1; i <= QLEVEL_TPM; i++)
		if (!strcasecmp(s, level_names[i])) {
			*out = (enum qlevel)i;
			return 0;
		}
	return -1;
}

int qlevel_option(const char *s, enum qlevel *out, struct sb *err)
{
	int i = opt_choice("level", s, level_names + 1, QLEVEL_TPM, 1, err);
	if (i < 0)
		return -1;
	*out = (enum qlevel)(i + 1);
	return 0;
}

static const char *const known[] = {"id",   "category", "prompt", "rubric",
				    "time", "level",    "hint",   "follow-up",
				    "tags", "expect",   "note",   NULL};
/* known[]'s order; once_of[] maps a field to its slot among the fields
 * allowed once per question (-1: repeatable). */
enum {
	QF_ID,
	QF_CATEGORY,
	QF_PROMPT,
	QF_RUBRIC,
	QF_TIME,
	QF_LEVEL,
	QF_HINT,
	QF_FOLLOW_UP,
	QF_TAGS,
	QF_EXPECT,
	QF_NOTE,
	QF_ONCE_MAX = 8
};
static const int once_of[] = {0, 1, 2, 3, 4, 5, 6, -1, 7, -1, -1};

/* Geometric growth: a question may carry tens of thousands of these. */
static void add_str(char ***v, size_t *n, size_t *alloc, const char *s,
		    size_t len)
{
	ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = xstrndup(s, len);
}

static void question_release(struct question *q);

/* An id, category or rubric name must be an id (is_valid_id()): else
 * the error, and 1. */
static int check_id(struct diag_list *dl, const char *file, unsigned line,
		    unsigned col, const char *what, const char *v)
{
	if (is_valid_id(v))
		return 0;
	diag_add(
		dl, DIAG_ERROR, DIAG_E_BAD_ID, file, line, col,
		"bad %s '%s': use lower-case letters, digits and '-' (at most 64), starting with a letter or digit",
		what, v);
	return 1;
}

static int parse_one(struct question *q, const struct rec *r, const char *file,
		     struct diag_list *dl)
{
	size_t i;
	int bad = 0, oi, fi;
	const struct rec_field *id = NULL, *cat = NULL, *prompt = NULL;
	const struct rec_field *first[QF_ONCE_MAX] = {0};

	memset(q, 0, sizeof(*q));
	q->file = xstrdup(file);
	q->line = r->line;
	for (i = 0; i < r->nr; i++) {
		const struct rec_field *f = &r->f[i];
		const char *v = f->value;
		unsigned vl, vc;
		rec_origin(f, 0, &vl, &vc);
		fi = rec_name_index(known, f->name);
		if (fi < 0) {
			diag_add(dl, DIAG_WARNING, DIAG_W_UNKNOWN_FIELD, file,
				 f->line, f->col,
				 "unknown field '%s' (ignored)", f->name);
			continue;
		}
		oi = once_of[fi];
		if (oi >= 0) {
			/* Remember where each once-field was first seen: a
			 * scan back over every field before it would make a
			 * record of many fields quadratic. */
			if (first[oi]) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_REPEATED_FIELD,
					file, f->line, f->col,
					"field '%s' appears twice in one question (first at line %u)",
					f->name, first[oi]->line);
				bad = 1;
				continue;
			}
			first[oi] = f;
		}
		if (fi == QF_ID) {
			id = f;
			bad |= check_id(dl, file, vl, vc, "id", v);
			q->id = xstrdup(v);
			q->id_col = vc;
		} else if (fi == QF_CATEGORY) {
			cat = f;
			bad |= check_id(dl, file, vl, vc, "category", v);
			q->category = xstrdup(v);
			if (!q->rubric_line) {
				q->rubric_line = vl;
				q->rubric_col = vc;
			}
		} else if (fi == QF_PROMPT) {
			prompt = f;
			q->prompt = xstrdup(v);
		} else if (fi == QF_RUBRIC) {
			bad |= check_id(dl, file, vl, vc, "rubric name", v);
			q->rubric = xstrdup(v);
			q->rubric_line = vl;
			q->rubric_col = vc;
		} else if (fi == QF_TIME) {
			long t = parse_duration(v);
			if (t < 0) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_BAD_TIME, file,
					vl, vc,
					"bad time '%s': write it like 90s, 3m, 2m30s or 1h (10s to 2h)",
					v);
				bad = 1;
			} else {
				q->time_s = (unsigned)t;
			}
		} else if (fi == QF_LEVEL) {
			if (qlevel_parse(v, &q->level)) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_BAD_LEVEL, file,
					vl, vc,
					"bad level '%s': use apm, pm, senior or tpm",
					v);
				bad = 1;
			}
		} else if (fi == QF_HINT) {
			if (*v)
				q->hint = xstrdup(v);
		} else if (fi == QF_FOLLOW_UP) {
			if (!*v)
				diag_add(dl, DIAG_ERROR, DIAG_E_EMPTY_VALUE,
					 file, f->line, f->col,
					 "empty Follow-up");
			else
				add_str(&q->follow_ups, &q->nfollow,
					&q->afollow, v, strlen(v));
		} else if (fi == QF_TAGS) {
			const char *p = v;
			while (*p) {
				const char *e = strchr(p, ',');
				size_t n = e ? (size_t)(e - p) : strlen(p);
				size_t a = 0;
				while (a < n && (p[a] == ' ' || p[a] == '\t' ||
						 p[a] == '\n'))
					a++;
				while (n > a &&
				       (p[n - 1] == ' ' || p[n - 1] == '\t' ||
					p[n - 1] == '\n'))
					n--;
				if (n > a)
					add_str(&q->tags, &q->ntags, &q->atags,
						p + a, n - a);
				p += e ? (size_t)(e - p) + 1 : strlen(p);
			}
		} else if (fi == QF_EXPECT) {
			size_t ll, po;
			struct qexpect *e;
			if (rec_split_labelled(v, &ll, &po)) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_SYNTAX, file, vl,
					vc,
					"Expect needs 'LABEL = PATTERN' (a space on each side of '=')");
				bad = 1;
				continue;
			}
			ALLOC_GROW(q->expects, q->nexpect + 1, q->aexpect);
			e = &q->expects[q->nexpect++];
			memset(e, 0, sizeof(*e));
			e->label = xstrndup(v, ll);
			e->pattern = xstrdup(v + po);
			rec_origin(f, po, &e->line, &e->col);
		}
	}
	if (!id) {
		diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			 "question has no Id");
		bad = 1;
	}
	if (!cat) {
		diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			 "question%s%s%s has no Category", id ? " '" : "",
			 id ? id->value : "", id ? "'" : "");
		bad = 1;
	}
	if (!prompt) {
		diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			 "question%s%s%s has no Prompt", id ? " '" : "",
			 id ? id->value : "", id ? "'" : "");
		bad = 1;
	} else if (!*prompt->value) {
		diag_add(dl, DIAG_ERROR, DIAG_E_EMPTY_VALUE, file, prompt->line,
			 prompt->col, "empty Prompt");
		bad = 1;
	}
	if (bad) {
		question_release(q);
		return -1;
	}
	return 0;
}

int qbank_parse(struct qbank *qb, const char *file, const char *buf, size_t len,
		struct diag_list *dl)
{
	struct rec_file rf;
	size_t i;
	int rc = rec_parse(&rf, file, buf, len, dl);
	if (rc == 0) {
		for (i = 0; i < rf.nr; i++) {
			struct question q;
			if (parse_one(&q, &rf.v[i], file, dl))
				continue;
			ALLOC_GROW(qb->v, qb->nr + 1, qb->alloc);
			qb->v[qb->nr++] = q;
		}
	}
	rec_file_release(&rf);
	return rc;
}

int qbank_compile_expects(struct question *q, int jit, struct diag_list *dl)
{
	size_t i;
	if (q->compiled)
		return q->compiled > 0 ? 0 : -1;
	q->compiled = 1;
	for (i = 0; i < q->nexpect; i++) {
		struct qexpect *e = &q->expects[i];
		e->prog = pattern_prog_compile(e->pattern, q->file, e->line,
					       e->col, jit, dl);
		if (!e->prog)
			q->compiled = -1;
		else
			e->code = e->prog->code;
	}
	return q->compiled > 0 ? 0 : -1;
}

static void question_release(struct question *q)
{
	size_t i;
	if (q->borrowed) {
		/* the compiled program is ours even when the text is not */
		for (i = 0; i < q->nexpect; i++)
			pattern_prog_free(q->expects[i].prog);
		if (q->aexpect) /* read late from the cache (held_expects) */
			free(q->expects);
		memset(q, 0, sizeof(*q));
		return;
	}
	free(q->id);
	free(q->category);
	free(q->prompt);
	free(q->rubric);
	free(q->hint);
	free(q->file);
	for (i = 0; i < q->nfollow; i++)
		free(q->follow_ups[i]);
	free(q->follow_ups);
	for (i = 0; i < q->ntags; i++)
		free(q->tags[i]);
	free(q->tags);
	for (i = 0; i < q->nexpect; i++) {
		free(q->expects[i].label);
		free(q->expects[i].pattern);
		pattern_prog_free(q->expects[i].prog);
	}
	free(q->expects);
	memset(q, 0, sizeof(*q));
}

void qbank_release(struct qbank *qb)
{
	size_t i;
	for (i = 0; i < qb->nr; i++)
		question_release(&qb->v[i]);
	free(qb->v);
	free(qb->arena_strs);
	free(qb->arena_expects);
	memset(qb, 0, sizeof(*qb));
}

long qbank_find(const struct qbank *qb, const char *id)
{
	return rec_find_named(qb->v, qb->nr, sizeof(*qb->v),
			      offsetof(struct question, id), id);
}

const char *question_rubric(const struct question *q)
{
	return q->rubric ? q->rubric : q->category;
}
