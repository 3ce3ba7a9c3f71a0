/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fit: fit the scoring model (src/core/model.h) on graded answers.
 *
 *   fit FEATURES.tsv [--write FILE] [--loqo SET] [--check]
 *
 * Reads the model inputs that tests/calibrate/features.sh wrote, and finds
 * the intercept, scale, feature weights and per-criterion multipliers that
 * rank answers to the same question as their grades do (pairwise logistic
 * loss) while keeping each score near its grade (squared error), with a
 * small ridge towards the plain weighted average.  The score it fits is the
 * one pmdrill computes: model_linear() clamped to 0-100, times the length
 * floor and the relevance factor, minus penalties.
 *
 * --write FILE  writes the model fitted on every answer (rubrics/weights.fit)
 * --loqo SET    also fits once per question of SET with that question left
 *               out and scores its answers with that model: the figures a
 *               question nobody fitted on would get
 * FIT_DUMP=FILE  (environment) writes every held-out score there
 * --check       exit 1 unless the acceptance figures of docs/SCORING.md §8
 *               hold (leave-one-question-out when --loqo is given)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "sb.h"
#include "xalloc.h"

#define MAXC 24

struct ans {
	char set[32], base[64], label[24];
	double grade, lf, tf, deduct, x[MODEL_NFEATURES];
	int fu, group;
	struct model_input in;
	const char *names[MAXC];
	double w[MAXC], f[MAXC];
	long idx[MAXC];
};

static struct ans *A;
static size_t NA;
static struct { size_t i, j; } *P; /* i graded above j, same question */
static size_t NP;
static char groups[512][100];
static int ngroups;

static double predict(const struct model *m, const struct ans *a)
{
	double lin = model_linear(m, &a->in), s;
	s = fmin(100, fmax(0, lin)) * a->lf * model_gate(m, a->x[MF_RELEVANCE]) - a->deduct;
	return s < 0 ? 0 : s > 100 ? 100 : s;
}

/* Parameters as a vector: intercept, scale, features, multipliers. */
static size_t nparams(const struct model *m)
{
	return 4 + MODEL_NFEATURES + m->ncrit;
}

static double *param(struct model *m, size_t k)
{
	if (k == 0)
		return &m->intercept;
	if (k == 1)
		return &m->scale;
	if (k < 2 + MODEL_NFEATURES)
		return &m->feature[k - 2];
	if (k == 2 + MODEL_NFEATURES)
		return &m->gate_low;
	if (k == 3 + MODEL_NFEATURES)
		return &m->gate_full;
	return &m->crit[k - 4 - MODEL_NFEATURES].mult;
}

static int band_ok(const char *label, double s)
{
	if (!strcmp(label, "strong") || !strcmp(label, "concise-strong"))
		return s >= 78;
	if (!strcmp(label, "good"))
		return s >= 55 && s <= 75;
	if (!strcmp(label, "weak"))
		return s <= 45;
	if (!strcmp(label, "long-waffle") || !strcmp(label, "framework-dump"))
		return s <= 35;
	if (!strcmp(label, "off"))
		return s <= 20;
	if (!strcmp(label, "followup-good"))
		return s >= 65;
	return 1;
}

/* How far a score lies outside its label's band (0 inside). */
static double band_gap(const char *label, double s)
{
	double lo = 0, hi = 100;
	if (!strcmp(label, "strong") || !strcmp(label, "concise-strong"))
		lo = 80;
	else if (!strcmp(label, "good"))
		lo = 57, hi = 73;
	else if (!strcmp(label, "weak"))
		hi = 43;
	else if (!strcmp(label, "long-waffle") || !strcmp(label, "framework-dump"))
		hi = 33;
	else if (!strcmp(label, "off"))
		hi = 18;
	else if (!strcmp(label, "followup-good"))
		lo = 67;
	return s < lo ? lo - s : s > hi ? s - hi : 0;
}

static int left_out = -1; /* group excluded from the fit */
static double mse_weight = 8.0;  /* squared error against pairwise order */
static double band_weight = 40.0; /* distance outside the label's band */

static double loss(struct model *m)
{
	double lp = 0, la = 0, lb = 0, reg = 0, *s = xmalloc(NA * sizeof(*s));
	size_t i, np = 0, na = 0;
	for (i = 0; i < NA; i++)
		s[i] = predict(m, &A[i]);
	for (i = 0; i < NP; i++) {
		double d;
		if (A[P[i].i].group == left_out)
			continue;
		d = (s[P[i].i] - s[P[i].j]) / 4.0;
		lp += d > 30 ? 0 : log1p(exp(-d));
		np++;
	}
	for (i = 0; i < NA; i++) {
		double e;
		if (A[i].group == left_out)
			continue;
		e = (s[i] - A[i].grade) / 100.0;
		la += e * e;
		e = band_gap(A[i].label, s[i]) / 100.0;
		lb += e * e;
		na++;
	}
	for (i = 0; i < m->ncrit; i++)
		reg += (m->crit[i].mult - 1) * (m->crit[i].mult - 1);
	free(s);
	return (np ? lp / np : 0) + mse_weight * (na ? la / na : 0) +
	       band_weight * (na ? lb / na : 0) + 0.002 * reg;
}

/* Adam on central-difference gradients: the loss is piecewise smooth
 * (clamps), a few dozen parameters, a few thousand terms. */
static void fit(struct model *m, int iters)
{
	size_t n = nparams(m), k;
	double *g = xcalloc(n, sizeof(*g)), *mo = xcalloc(n, sizeof(*mo)),
	       *v = xcalloc(n, sizeof(*v));
	int it;
	for (it = 1; it <= iters; it++) {
		double lr = it < iters / 2 ? 0.05 : 0.01;
		for (k = 0; k < n; k++) {
			double *p = param(m, k), keep = *p, h = k < 2 ? 1e-3 : 1e-3;
			double up, dn;
			if (k == 0)
				h = 0.05;
			*p = keep + h;
			up = loss(m);
			*p = keep - h;
			dn = loss(m);
			*p = keep;
			g[k] = (up - dn) / (2 * h);
		}
		for (k = 0; k < n; k++) {
			double *p = param(m, k), step = lr;
			if (k == 0 || (k >= 2 && k < 2 + MODEL_NFEATURES))
				step = lr * 20; /* points, not ratios */
			mo[k] = 0.9 * mo[k] + 0.1 * g[k];
			v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
			*p -= step * (mo[k] / (1 - pow(0.9, it))) /
			      (sqrt(v[k] / (1 - pow(0.999, it))) + 1e-8);
			if (k == 2 + MODEL_NFEATURES || k == 3 + MODEL_NFEATURES) {
				*p += step * (mo[k] / (1 - pow(0.9, it))) /
				      (sqrt(v[k] / (1 - pow(0.999, it))) + 1e-8) * 0.8;
				m->gate_low = fmin(fmax(m->gate_low, 0.05), 0.5);
				m->gate_full = fmin(fmax(m->gate_full, m->gate_low + 0.1), 0.9);
			} else if (k >= 4 + MODEL_NFEATURES && *p < 0) {
				*p = 0;
			} else if (k >= 2 && k < 2 + MODEL_NFEATURES) {
				/* each feature may only push the way its rule
				 * says: substance, specifics and relevance up,
				 * abstraction and unapplied frameworks down */
				int up = k - 2 == MF_SUBSTANCE || k - 2 == MF_SPECIFIC ||
					 k - 2 == MF_RELEVANCE || k - 2 == MF_BREADTH;
				if (up ? *p < 0 : *p > 0)
					*p = 0;
			}
			if (k == 1 && *p < 0.1)
				*p = 0.1;
		}
	}
	free(g);
	free(mo);
	free(v);
}

static int split_tabs(char *line, char **f, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

static int group_of(const char *set, const char *base)
{
	char key[100];
	int i;
	snprintf(key, sizeof key, "%s/%s", set, base);
	for (i = 0; i < ngroups; i++)
		if (!strcmp(groups[i], key))
			return i;
	if (ngroups == 512) {
		fprintf(stderr, "fit: too many questions\n");
		exit(1);
	}
	memcpy(groups[ngroups], key, sizeof key);
	return ngroups++;
}

static void load(const char *path, struct model *m)
{
	FILE *fp = fopen(path, "r");
	char line[8192];
	size_t alloc = 0, i, j, pa = 0;
	if (!fp) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, fp)) {
		char *f[64];
		int nf, k;
		struct ans *a;
		line[strcspn(line, "\n")] = '\0';
		nf = split_tabs(line, f, 64);
		if (nf < 9 + MODEL_NFEATURES)
			continue;
		ALLOC_GROW(A, NA + 1, alloc);
		a = &A[NA++];
		memset(a, 0, sizeof(*a));
		snprintf(a->set, sizeof a->set, "%s", f[0]);
		snprintf(a->base, sizeof a->base, "%s", f[1]);
		snprintf(a->label, sizeof a->label, "%s", f[2]);
		a->grade = atof(f[3]);
		a->fu = atoi(f[4]);
		a->lf = atof(f[5]);
		a->tf = atof(f[6]);
		a->deduct = atof(f[7]);
		for (k = 0; k < MODEL_NFEATURES; k++)
			a->x[k] = atof(f[8 + k]);
		a->group = group_of(a->set, a->base);
		for (k = 9 + MODEL_NFEATURES; k < nf && a->in.n < MAXC; k++) {
			char *eq = strchr(f[k], '='), *colon;
			if (!eq || !(colon = strchr(eq, ':')))
				continue;
			*eq = '\0';
			*colon = '\0';
			a->idx[a->in.n] = model_add(m, f[k]);
			a->w[a->in.n] = atof(eq + 1);
			a->f[a->in.n] = atof(colon + 1);
			a->in.n++;
		}
	}
	fclose(fp);
	for (i = 0; i < NA; i++) {
		struct ans *a = &A[i];
		size_t c;
		for (c = 0; c < a->in.n; c++)
			a->names[c] = m->crit[a->idx[c]].name;
		a->in.name = a->names;
		a->in.w = a->w;
		a->in.f = a->f;
		a->in.idx = a->idx;
		memcpy(a->in.x, a->x, sizeof(a->x));
	}
	/* pairs: same question, both answer the main question, grades apart */
	for (i = 0; i < NA; i++)
		for (j = 0; j < NA; j++)
			if (A[i].group == A[j].group && !A[i].fu && !A[j].fu &&
			    A[i].grade >= A[j].grade + 5) {
				ALLOC_GROW(P, NP + 1, pa);
				P[NP].i = i;
				P[NP].j = j;
				NP++;
			}
}

static void ranks(const double *x, size_t n, double *r)
{
	size_t i, j;
	for (i = 0; i < n; i++) {
		double less = 0, eq = 0;
		for (j = 0; j < n; j++) {
			if (x[j] < x[i])
				less++;
			else if (x[j] == x[i])
				eq++;
		}
		r[i] = less + (eq + 1) / 2;
	}
}

static double spearman(const double *a, const double *b, size_t n)
{
	double *ra = xmalloc(n * sizeof(*ra)), *rb = xmalloc(n * sizeof(*rb));
	double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
	size_t i;
	ranks(a, n, ra);
	ranks(b, n, rb);
	for (i = 0; i < n; i++) {
		ma += ra[i];
		mb += rb[i];
	}
	ma /= (double)n;
	mb /= (double)n;
	for (i = 0; i < n; i++) {
		sab += (ra[i] - ma) * (rb[i] - mb);
		saa += (ra[i] - ma) * (ra[i] - ma);
		sbb += (rb[i] - mb) * (rb[i] - mb);
	}
	free(ra);
	free(rb);
	return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : 0;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Figures over the answers of one set with scores s[]. */
static int report(const char *title, const char *set, const double *s, int check)
{
	static const char *const labels[] = {"strong", "concise-strong", "good", "weak",
					     "off", "long-waffle", "framework-dump",
					     "followup-good", NULL};
	double right = 0, *g = xmalloc(NA * sizeof(*g)), *sc = xmalloc(NA * sizeof(*sc));
	size_t i, pairs = 0, n = 0, bad = 0, l;
	int ok = 1;
	double rho;
	for (i = 0; i < NP; i++) {
		if (strcmp(A[P[i].i].set, set))
			continue;
		pairs++;
		if (s[P[i].i] > s[P[i].j])
			right += 1;
		else if (s[P[i].i] == s[P[i].j])
			right += 0.5;
	}
	for (i = 0; i < NA; i++)
		if (!strcmp(A[i].set, set) && !A[i].fu) {
			g[n] = A[i].grade;
			sc[n] = s[i];
			n++;
		}
	rho = n > 2 ? spearman(g, sc, n) : 0;
	printf("%s (%s): pairwise accuracy %.3f over %zu pairs, Spearman %.3f over %zu answers\n",
	       title, set, pairs ? right / (double)pairs : 0, pairs, rho, n);
	for (l = 0; labels[l]; l++) {
		size_t k = 0;
		for (i = 0; i < NA; i++)
			if (!strcmp(A[i].set, set) && !strcmp(A[i].label, labels[l]))
				sc[k++] = s[i];
		if (!k)
			continue;
		qsort(sc, k, sizeof(*sc), cmp_d);
		printf("  median %-15s %5.1f  (min %5.1f, max %5.1f, n %zu)\n", labels[l],
		       k % 2 ? sc[k / 2] : (sc[k / 2 - 1] + sc[k / 2]) / 2, sc[0], sc[k - 1], k);
	}
	for (i = 0; i < NA; i++)
		if (!strcmp(A[i].set, set) && !band_ok(A[i].label, s[i])) {
			bad++;
			printf("  outside band: %-28s %-15s grade %3.0f score %5.1f\n",
			       A[i].base, A[i].label, A[i].grade, s[i]);
		}
	printf("  %zu answers outside their band\n", bad);
	if (check) {
		if (pairs && right / (double)pairs < 0.95) {
			printf("CHECK FAILED: pairwise accuracy below 0.95\n");
			ok = 0;
		}
		if (rho < 0.90) {
			printf("CHECK FAILED: Spearman below 0.90\n");
			ok = 0;
		}
		if (bad) {
			printf("CHECK FAILED: %zu answers outside their band\n", bad);
			ok = 0;
		}
	}
	free(g);
	free(sc);
	return ok;
}

int main(int argc, char **argv)
{
	struct model m;
	const char *out = NULL, *loqo = NULL;
	int check = 0, a, ok = 1;
	double *s;
	size_t i;
	if (argc < 2) {
		fprintf(stderr, "usage: fit FEATURES.tsv [--write FILE] [--loqo SET] [--check]\n");
		return 2;
	}
	for (a = 2; a < argc; a++) {
		if (!strcmp(argv[a], "--write") && a + 1 < argc)
			out = argv[++a];
		else if (!strcmp(argv[a], "--loqo") && a + 1 < argc)
			loqo = argv[++a];
		else if (!strcmp(argv[a], "--check"))
			check = 1;
		else {
			fprintf(stderr, "fit: unknown option '%s'\n", argv[a]);
			return 2;
		}
	}
	if (getenv("FIT_MSE_WEIGHT"))
		mse_weight = atof(getenv("FIT_MSE_WEIGHT"));
	if (getenv("FIT_BAND_WEIGHT"))
		band_weight = atof(getenv("FIT_BAND_WEIGHT"));
	model_init(&m);
	load(argv[1], &m);
	printf("fit: %zu answers, %d questions, %zu ranked pairs, %zu parameters\n", NA,
	       ngroups, NP, nparams(&m));
	s = xmalloc(NA * sizeof(*s));
	for (i = 0; i < NA; i++)
		s[i] = predict(&m, &A[i]);
	report("before fitting (plain weighted average)", loqo ? loqo : "calibration", s, 0);
	fit(&m, 700);
	for (i = 0; i < NA; i++)
		s[i] = predict(&m, &A[i]);
	if (out) {
		struct sb b = SB_INIT;
		FILE *fp = fopen(out, "w");
		sb_adds(&b, "# The scoring model (src/core/model.h), fitted by `make calibrate`\n"
			    "# (tests/calibrate/fit.c) on every calibration set; do not edit by\n"
			    "# hand: refit.  docs/SCORING.md section 8 describes the method.\n");
		model_write(&m, &b);
		if (!fp || fwrite(b.buf, 1, b.len, fp) != b.len || fclose(fp)) {
			perror(out);
			return 1;
		}
		sb_release(&b);
		printf("wrote %s\n", out);
	}
	{
		size_t k;
		const char *sets[8];
		size_t ns = 0;
		for (i = 0; i < NA; i++) {
			for (k = 0; k < ns; k++)
				if (!strcmp(sets[k], A[i].set))
					break;
			if (k == ns && ns < 8)
				sets[ns++] = A[i].set;
		}
		for (k = 0; k < ns; k++)
			ok &= report("fitted on all, in sample", sets[k], s,
				     check && !loqo && !strcmp(sets[k], "calibration"));
	}
	if (loqo) {
		int gq;
		double *ls = xmalloc(NA * sizeof(*ls));
		struct model base = m;
		for (i = 0; i < NA; i++)
			ls[i] = s[i];
		for (gq = 0; gq < ngroups; gq++) {
			struct model f;
			size_t c;
			if (strncmp(groups[gq], loqo, strlen(loqo)) || groups[gq][strlen(loqo)] != '/')
				continue;
			f = base;
			model_init(&f);
			f.ncrit = base.ncrit;
			f.crit = xmalloc(base.ncrit * sizeof(*f.crit));
			for (c = 0; c < base.ncrit; c++) {
				f.crit[c].name = base.crit[c].name;
				f.crit[c].mult = 1;
			}
			left_out = gq;
			fit(&f, 400);
			for (i = 0; i < NA; i++)
				if (A[i].group == gq)
					ls[i] = predict(&f, &A[i]);
			free(f.crit);
		}
		left_out = -1;
		ok &= report("leave one question out", loqo, ls, check);
		if (getenv("FIT_DUMP")) {
			/* every held-out score, to see which pairs are wrong */
			FILE *dp = fopen(getenv("FIT_DUMP"), "w");
			for (i = 0; dp && i < NA; i++)
				if (!strcmp(A[i].set, loqo))
					fprintf(dp, "%s\t%s\t%.0f\t%.1f\n", A[i].base, A[i].label,
						A[i].grade, ls[i]);
			if (dp)
				fclose(dp);
		}
		free(ls);
	}
	free(s);
	model_release(&m);
	return check && !ok ? 1 : 0;
}
