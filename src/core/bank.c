/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loaded banks as a whole: cross-file validation and look-ups. */
#include "bank.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "opt.h"
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

/* Free one question through the bank's own release path. */
static void release_question(struct question *q)
{
	struct qbank one = {0};
	one.v = xmalloc(sizeof(*one.v));
	one.v[0] = *q;
	one.nr = one.alloc = 1;
	qbank_release(&one);
}

struct idref {
	const char *id;
	size_t i;
};

static int cmp_idref(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
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

int bank_add_model(struct bank *b, const char *file, const char *buf,
		   size_t len, struct diag_list *dl)
{
	struct model m;
	if (b->model.loaded)
		return 0;
	if (model_parse(&m, file, buf, len, dl)) {
		model_release(&m);
		return -1;
	}
	b->model = m;
	return 0;
}

void bank_validate(struct bank *b, int compile_all, struct diag_list *dl)
{
	size_t i, j, n;

	for (i = 0; i < b->r.nr; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(b->r.v[i].name, b->r.v[j].name)) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_DUPLICATE_ID,
					b->r.v[i].file, b->r.v[i].line, 1,
					"rubric '%s' is already defined at %s:%u",
					b->r.v[i].name, b->r.v[j].file,
					b->r.v[j].line);
				drop_rubric(&b->r, i);
				i--;
				break;
			}
	/* the lexicon is built when something is scored (bank_lexicon) */
	lexicon_release(&b->lex);
	b->lex_ready = 0;
	for (i = 0; i < b->r.nr; i++) {
		b->r.v[i].model = b->model.loaded ? &b->model : NULL;
		b->r.v[i].lex = NULL;
	}

	/* Duplicate ids by sorting (id, load order): n log n, so start-up
	 * stays fast as banks grow.  The first definition wins. */
	n = b->q.nr;
	if (n) {
		struct idref *ord = xmalloc(n * sizeof(*ord));
		long *first = xmalloc(n * sizeof(*first));
		char *drop = xcalloc(n, 1);
		size_t kept = 0;
		for (i = 0; i < n; i++) {
			ord[i].id = b->q.v[i].id;
			ord[i].i = i;
			first[i] = -1;
		}
		qsort(ord, n, sizeof(*ord), cmp_idref);
		for (i = 1; i < n; i++)
			if (!strcmp(ord[i].id, ord[i - 1].id))
				first[ord[i].i] = first[ord[i - 1].i] >= 0
							  ? first[ord[i - 1].i]
							  : (long)ord[i - 1].i;
		for (i = 0; i < n; i++) {
			struct question *q = &b->q.v[i];
			if (first[i] >= 0) {
				const struct question *f = &b->q.v[first[i]];
				diag_add(
					dl, DIAG_ERROR, DIAG_E_DUPLICATE_ID,
					q->file, q->line,
					q->id_col ? q->id_col : 1,
					"question id '%s' is already used at %s:%u",
					q->id, f->file, f->line);
				drop[i] = 1;
			} else if (rubric_find(&b->r, question_rubric(q)) < 0) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_UNKNOWN_RUBRIC,
					q->file,
					q->rubric_line ? q->rubric_line
						       : q->line,
					q->rubric_col ? q->rubric_col : 1,
					"question '%s': no rubric named '%s'%s",
					q->id, question_rubric(q),
					q->rubric
						? ""
						: " (the default is the category; add a Rubric: field)");
				drop[i] = 1;
			}
		}
		for (i = 0; i < n; i++) {
			if (drop[i])
				release_question(&b->q.v[i]);
			else
				b->q.v[kept++] = b->q.v[i];
		}
		b->q.nr = kept;
		free(ord);
		free(first);
		free(drop);
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

size_t bank_tags(const struct bank *b, const char ***out)
{
	const char **v = NULL;
	size_t n = 0, alloc = 0, i, t, k;
	for (i = 0; i < b->q.nr; i++)
		for (t = 0; t < b->q.v[i].ntags; t++) {
			const char *tag = b->q.v[i].tags[t];
			for (k = 0; k < n; k++)
				if (!strcmp(v[k], tag))
					break;
			if (k < n)
				continue;
			ALLOC_GROW(v, n + 1, alloc);
			v[n++] = tag;
		}
	if (n)
		qsort(v, n, sizeof(*v), cmp_strp);
	*out = v;
	return n;
}

/* Is v one of the n strings in set?  If not, say so and list them. */
static int check_in(const char *what, const char *v, const char **set, size_t n,
		    struct sb *err)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(set[i], v))
			break;
	if (i == n)
		opt_unknown(err, what, v, set, n);
	free(set);
	return i < n ? 0 : -1;
}

int bank_check_category(const struct bank *b, const char *v, struct sb *err)
{
	const char **set;
	size_t n = bank_categories(b, &set);
	return check_in("category", v, set, n, err);
}

int bank_check_tag(const struct bank *b, const char *v, struct sb *err)
{
	const char **set;
	size_t n = bank_tags(b, &set);
	return check_in("tag", v, set, n, err);
}

const struct lexicon *bank_lexicon(struct bank *b)
{
	size_t i;
	if (!b->lex_ready) {
		const char **pr = xcalloc(b->q.nr + 1, sizeof(*pr));
		for (i = 0; i < b->q.nr; i++)
			pr[i] = b->q.v[i].prompt;
		lexicon_build(&b->lex, pr, b->q.nr);
		free(pr);
		b->lex_ready = 1;
	}
	for (i = 0; i < b->r.nr; i++)
		b->r.v[i].lex = &b->lex;
	return &b->lex;
}

void bank_release(struct bank *b)
{
	qbank_release(&b->q);
	rubric_set_release(&b->r);
	model_release(&b->model);
	lexicon_release(&b->lex);
}
