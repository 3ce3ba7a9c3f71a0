/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loaded banks as a whole: cross-file validation and look-ups. */
#include "bank.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

int bank_add_questions(struct bank *b, const char *file, const char *buf,
		       size_t len, struct diag_list *dl)
{
	return qbank_parse(&b->q, file, buf, len, dl);
}

int bank_add_rubrics(struct bank *b, const char *file, const char *buf,
		     size_t len, struct diag_list *dl)
{
	return rubric_parse(&b->r, file, buf, len, dl);
}

static void drop_question(struct qbank *qb, size_t i)
{
	/* release the one question through the bank's own release path */
	struct qbank one = {0};
	one.v = xmalloc(sizeof(*one.v));
	one.v[0] = qb->v[i];
	one.nr = one.alloc = 1;
	qbank_release(&one);
	memmove(&qb->v[i], &qb->v[i + 1], (qb->nr - i - 1) * sizeof(*qb->v));
	qb->nr--;
}

static void drop_rubric(struct rubric_set *rs, size_t i)
{
	struct rubric_set one = {0};
	one.v = xmalloc(sizeof(*one.v));
	one.v[0] = rs->v[i];
	one.nr = one.alloc = 1;
	rubric_set_release(&one);
	memmove(&rs->v[i], &rs->v[i + 1], (rs->nr - i - 1) * sizeof(*rs->v));
	rs->nr--;
}

void bank_validate(struct bank *b, int compile_all, struct diag_list *dl)
{
	size_t i, j;

	for (i = 0; i < b->r.nr; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(b->r.v[i].name, b->r.v[j].name)) {
				diag_add(dl, DIAG_ERROR, DIAG_E_DUPLICATE_ID,
					 b->r.v[i].file, b->r.v[i].line, 1,
					 "rubric '%s' is already defined at %s:%u",
					 b->r.v[i].name, b->r.v[j].file,
					 b->r.v[j].line);
				drop_rubric(&b->r, i);
				i--;
				break;
			}

	for (i = 0; i < b->q.nr; i++) {
		struct question *q = &b->q.v[i];
		int drop = 0;
		for (j = 0; j < i; j++)
			if (!strcmp(q->id, b->q.v[j].id)) {
				diag_add(dl, DIAG_ERROR, DIAG_E_DUPLICATE_ID,
					 q->file, q->line, q->id_col ? q->id_col : 1,
					 "question id '%s' is already used at %s:%u",
					 q->id, b->q.v[j].file, b->q.v[j].line);
				drop = 1;
				break;
			}
		if (!drop && rubric_find(&b->r, question_rubric(q)) < 0) {
			diag_add(dl, DIAG_ERROR, DIAG_E_UNKNOWN_RUBRIC, q->file,
				 q->line, 1,
				 "question '%s': no rubric named '%s'%s", q->id,
				 question_rubric(q),
				 q->rubric ? "" : " (the default is the category; add a Rubric: field)");
			drop = 1;
		}
		if (drop) {
			drop_question(&b->q, i);
			i--;
		}
	}

	if (compile_all) {
		for (i = 0; i < b->r.nr; i++)
			rubric_compile(&b->r.v[i], 0, dl);
		for (i = 0; i < b->q.nr; i++)
			qbank_compile_expects(&b->q.v[i], 0, dl);
	}
}

struct rubric *bank_rubric_of(struct bank *b, size_t qi)
{
	long r;
	if (qi >= b->q.nr)
		return NULL;
	r = rubric_find(&b->r, question_rubric(&b->q.v[qi]));
	return r < 0 ? NULL : &b->r.v[r];
}

unsigned bank_question_time(const struct bank *b, size_t qi)
{
	long r;
	if (b->q.v[qi].time_s)
		return b->q.v[qi].time_s;
	r = rubric_find(&b->r, question_rubric(&b->q.v[qi]));
	return r < 0 ? RUBRIC_DEFAULT_TIME : b->r.v[r].time_s;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t bank_categories(const struct bank *b, const char ***out)
{
	const char **v = xcalloc(b->q.nr + 1, sizeof(*v));
	size_t n = 0, i, k;
	for (i = 0; i < b->q.nr; i++) {
		for (k = 0; k < n; k++)
			if (!strcmp(v[k], b->q.v[i].category))
				break;
		if (k == n)
			v[n++] = b->q.v[i].category;
	}
	qsort(v, n, sizeof(*v), cmp_strp);
	*out = v;
	return n;
}

void bank_release(struct bank *b)
{
	qbank_release(&b->q);
	rubric_set_release(&b->r);
}
