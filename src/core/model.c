/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fitted scoring model: its file, and the score it computes. */
#include "model.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

static const char *const feature_names[MODEL_NFEATURES] = {
	"substance",  "specific",  "abstract",
	"frameworks", "relevance", "breadth"};

const char *model_feature_name(int k)
{
	return k >= 0 && k < MODEL_NFEATURES ? feature_names[k] : "?";
}

void model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	m->scale = 1;
	m->gate_low = MODEL_GATE_LOW;
	m->gate_full = MODEL_GATE_FULL;
}

long model_index(const struct model *m, const char *name)
{
	return rec_find_named(m->crit, m->ncrit, sizeof(*m->crit),
			      offsetof(struct model_crit, name), name);
}

long model_add(struct model *m, const char *name)
{
	long i = model_index(m, name);
	if (i >= 0)
		return i;
	ALLOC_GROW(m->crit, m->ncrit + 1, m->acrit);
	m->crit[m->ncrit].name = xstrdup(name);
	m->crit[m->ncrit].mult = 1;
	return (long)m->ncrit++;
}

static int parse_num(const char *s, double *out)
{
	char *end;
	errno = 0;
	*out = strtod(s, &end);
	if (end == s || errno)
		return -1;
	while (*end == ' ' || *end == '\t')
		end++;
	return *end ? -1 : 0;
}

/* "name = number" */
static int parse_pair(const char *v, char **name, double *num)
{
	size_t n, off;
	if (rec_split_labelled(v, &n, &off) || parse_num(v + off, num))
		return -1;
	*name = xstrndup(v, n);
	return 0;
}

static void bad(struct diag_list *dl, const char *file,
		const struct rec_field *f, const char *what)
{
	diag_add(dl, DIAG_ERROR, DIAG_E_BAD_VALUE, file, f->line, f->col,
		 "%s: %s", f->name, what);
}

int model_parse(struct model *m, const char *file, const char *buf, size_t len,
		struct diag_list *dl)
{
	struct rec_file rf = {0};
	size_t i, j;
	int errors = 0;
	model_init(m);
	if (rec_parse(&rf, file, buf, len, dl)) {
		rec_file_release(&rf);
		return -1;
	}
	for (i = 0; i < rf.nr; i++) {
		for (j = 0; j < rf.v[i].nr; j++) {
			const struct rec_field *f = &rf.v[i].f[j];
			double x;
			char *name = NULL;
			if (!strcasecmp(f->name, "Model")) {
				if (parse_num(f->value, &x) ||
				    x != MODEL_VERSION) {
					bad(dl, file, f,
					    "this pmdrill reads model version 2");
					errors++;
				}
			} else if (!strcasecmp(f->name, "Intercept") ||
				   !strcasecmp(f->name, "Scale")) {
				if (parse_num(f->value, &x)) {
					bad(dl, file, f, "expected a number");
					errors++;
				} else if (!strcasecmp(f->name, "Scale")) {
					m->scale = x;
				} else {
					m->intercept = x;
				}
			} else if (!strcasecmp(f->name, "Gate")) {
				double lo, hi;
				int used = 0;
				if (sscanf(f->value, "%lf - %lf%n", &lo, &hi,
					   &used) != 2 ||
				    (size_t)used != strlen(f->value) ||
				    lo < 0 || hi > 1 || lo >= hi) {
					bad(dl, file, f,
					    "expected 'LOW - HIGH' with 0 <= LOW < HIGH <= 1");
					errors++;
				} else {
					m->gate_low = lo;
					m->gate_full = hi;
				}
			} else if (!strcasecmp(f->name, "Feature") ||
				   !strcasecmp(f->name, "Criterion")) {
				int k;
				if (parse_pair(f->value, &name, &x)) {
					bad(dl, file, f,
					    "expected 'NAME = NUMBER'");
					errors++;
					continue;
				}
				if (!strcasecmp(f->name, "Criterion")) {
					if (x < 0) {
						bad(dl, file, f,
						    "a criterion multiplier cannot be negative");
						errors++;
					} else {
						long ci = model_add(m, name);
						m->crit[ci].mult = x;
					}
				} else {
					for (k = 0; k < MODEL_NFEATURES; k++)
						if (!strcmp(name,
							    feature_names[k]))
							break;
					if (k == MODEL_NFEATURES) {
						bad(dl, file, f,
						    "unknown feature (substance, specific, abstract, frameworks, relevance, breadth)");
						errors++;
					} else {
						m->feature[k] = x;
					}
				}
				free(name);
			} else {
				diag_add(dl, DIAG_WARNING, DIAG_W_UNKNOWN_FIELD,
					 file, f->line, f->col,
					 "unknown field '%s' ignored", f->name);
			}
		}
	}
	rec_file_release(&rf);
	m->loaded = !errors;
	return errors ? -1 : 0;
}

double model_linear(const struct model *m, const struct model_input *in)
{
	double num = 0, den = 0, lin;
	size_t i;
	int k;
	for (i = 0; i < in->n; i++) {
		double mult = in->idx[i] >= 0 ? m->crit[in->idx[i]].mult : 1;
		num += in->w[i] * mult * in->f[i];
		den += in->w[i] * mult;
	}
	lin = m->intercept + m->scale * (den > 0 ? 100 * num / den : 0);
	for (k = 0; k < MODEL_NFEATURES; k++)
		lin += m->feature[k] * in->x[k];
	return lin;
}

double model_gate(const struct model *m, double rel)
{
	double lo = m ? m->gate_low : MODEL_GATE_LOW;
	double hi = m ? m->gate_full : MODEL_GATE_FULL;
	double x = (rel - lo) / (hi - lo);
	x = x < 0 ? 0 : x > 1 ? 1 : x;
	return MODEL_GATE_FLOOR + (1 - MODEL_GATE_FLOOR) * x;
}

void model_write(const struct model *m, struct sb *out)
{
	size_t i;
	int k;
	sb_addf(out,
		"Model: %d\nIntercept: %.4f\nScale: %.4f\nGate: %.4f - %.4f\n",
		MODEL_VERSION, m->intercept, m->scale, m->gate_low,
		m->gate_full);
	for (k = 0; k < MODEL_NFEATURES; k++)
		sb_addf(out, "Feature: %s = %.4f\n", feature_names[k],
			m->feature[k]);
	for (i = 0; i < m->ncrit; i++)
		sb_addf(out, "Criterion: %s = %.4f\n", m->crit[i].name,
			m->crit[i].mult);
}

void model_release(struct model *m)
{
	size_t i;
	for (i = 0; i < m->ncrit; i++)
		free(m->crit[i].name);
	free(m->crit);
	model_init(m);
}
