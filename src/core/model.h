/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model: the fitted scoring model that turns criterion results into a score.
 *
 * A rubric says what to look for; the model says how much each finding is
 * worth, and it is fitted on graded answers (`make calibrate`, see
 * docs/SCORING.md §8), not set by hand.  The score before the gates is
 *
 *   R   = 100 * sum(w_c * m_c * f_c) / sum(w_c * m_c)   over active criteria
 *   lin = intercept + scale * R + sum(g_k * x_k)         over global features
 *
 * where f_c is a criterion's result in [0, 1], w_c its rubric Weight, m_c
 * the model's multiplier for criteria of that name (1 when the model does
 * not name it, so a custom rubric's own criteria keep their weights), and
 * x_k the answer-wide features of enum model_feature, each in [0, 1].
 * Without a model (intercept 0, scale 1, no features) lin is the plain
 * weighted average.
 *
 * The model file (rubrics/weights.fit) uses the record syntax:
 *   Model: 2
 *   Intercept: -8.5
 *   Scale: 0.92
 *   Gate: 0.2 - 0.55          (the relevance gate, see model_gate())
 *   Feature: substance = 31.4
 *   Criterion: stages = 1.25
 * model_parse() reports problems into `dl` with file, line and column.
 * Pure; model_release() frees what the model owns.
 */
#ifndef PMDRILL_MODEL_H
#define PMDRILL_MODEL_H

#include <stddef.h>

struct diag_list;

enum model_feature {
	MF_SUBSTANCE,  /* mean substance credit of the sentences */
	MF_SPECIFIC,   /* numbers, names, actions: per 100 words / 10, capped */
	MF_ABSTRACT,   /* slogans, abstract words: per 100 words / 10, capped */
	MF_FRAMEWORKS, /* framework names never applied, / 3, capped */
	MF_RELEVANCE,  /* how much the answer is about the question */
	MF_BREADTH, /* share of the stage and keyword criteria at least half met */
	MODEL_NFEATURES
};

#define MODEL_VERSION 2

struct model_crit {
	char *name;
	double mult;
};

/* The relevance gate: a factor that is MODEL_GATE_FLOOR at relevance
 * gate_low or less, rises linearly, and is 1 from gate_full on. */
#define MODEL_GATE_FLOOR 0.15
#define MODEL_GATE_LOW 0.15
#define MODEL_GATE_FULL 0.6

struct model {
	int loaded;
	double intercept, scale;
	double gate_low, gate_full;
	double feature[MODEL_NFEATURES];
	struct model_crit *crit;
	size_t ncrit, acrit;
};

/* One answer's inputs to the model. */
struct model_input {
	size_t n;
	const char **name; /* criterion names (borrowed) */
	double *w, *f;     /* rubric weight and result of each */
	long *idx;         /* model_index() of each name, -1 if unknown */
	double x[MODEL_NFEATURES];
};

void model_init(struct model *m);
int model_parse(struct model *m, const char *file, const char *buf, size_t len,
		struct diag_list *dl);
const char *model_feature_name(int k);
long model_index(const struct model *m, const char *name);
/* Add a criterion name with multiplier 1 if it is not there; its index. */
long model_add(struct model *m, const char *name);
double model_linear(const struct model *m, const struct model_input *in);
/* The relevance factor for relevance rel in [0, 1] (m may be NULL). */
double model_gate(const struct model *m, double rel);
/* Write the model in its file syntax. */
struct sb;
void model_write(const struct model *m, struct sb *out);
void model_release(struct model *m);

#endif
