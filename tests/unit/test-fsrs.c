/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for fsrs: py-fsrs vectors, worked examples and properties. */
#include "fsrs.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "tap.h"
#include "xalloc.h"

#define VECTORS "tests/data/fsrs_vectors.json"

/* Tolerances from docs/fsrs.md §11. */
#define TOL_SD 1e-9
#define TOL_R 1e-12

/* ---- a small JSON reader, enough for the vectors file ---- */

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jtype type;
	double num; /* J_NUM, and J_BOOL as 0/1 */
	char *str;  /* J_STR */
	size_t n;   /* members of J_ARR and J_OBJ */
	size_t alloc;
	struct jval *v; /* members */
	char **keys;    /* J_OBJ: one key per member */
};

struct jparse {
	const char *p;
	int depth;
	const char *err;
};

static int jvalue(struct jparse *jp, struct jval *out);

static void jskip(struct jparse *jp)
{
	while (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\n' ||
	       *jp->p == '\r')
		jp->p++;
}

static int jfail(struct jparse *jp, const char *why)
{
	if (!jp->err)
		jp->err = why;
	return -1;
}

/* \uXXXX is kept as '?': the vectors file holds only ASCII. */
static int jstring(struct jparse *jp, char **out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	struct sb s = SB_INIT;

	jp->p++;
	while (*jp->p != '"') {
		if (!*jp->p || (unsigned char)*jp->p < 0x20) {
			sb_release(&s);
			return jfail(jp, "unterminated string");
		}
		if (*jp->p != '\\') {
			sb_addc(&s, *jp->p++);
			continue;
		}
		jp->p++;
		if (*jp->p == 'u') {
			if (strspn(jp->p + 1, "0123456789abcdefABCDEF") < 4) {
				sb_release(&s);
				return jfail(jp, "bad \\u escape");
			}
			jp->p += 4;
			sb_addc(&s, '?');
		} else if (*jp->p && strchr(from, *jp->p)) {
			sb_addc(&s, to[strchr(from, *jp->p) - from]);
		} else {
			sb_release(&s);
			return jfail(jp, "bad escape");
		}
		jp->p++;
	}
	jp->p++;
	*out = sb_detach(&s, NULL);
	return 0;
}

static int jnumber(struct jparse *jp, struct jval *out)
{
	char *end;

	/* strtod also takes "inf", hex and a leading '+': JSON does not. */
	if (*jp->p != '-' && (*jp->p < '0' || *jp->p > '9'))
		return jfail(jp, "unexpected character");
	if (jp->p[strspn(jp->p, "-0123456789.eE+")] == 'x')
		return jfail(jp, "bad number");
	out->type = J_NUM;
	out->num = strtod(jp->p, &end);
	if (end == jp->p)
		return jfail(jp, "bad number");
	jp->p = end;
	return 0;
}

static int jmembers(struct jparse *jp, struct jval *out, char close)
{
	jp->p++;
	jskip(jp);
	if (*jp->p == close) {
		jp->p++;
		return 0;
	}
	for (;;) {
		struct jval *m;

		ALLOC_GROW(out->v, out->n + 1, out->alloc);
		if (close == '}') {
			out->keys = xrealloc(out->keys,
					     out->alloc * sizeof(*out->keys));
			out->keys[out->n] = NULL;
		}
		m = &out->v[out->n++];
		memset(m, 0, sizeof(*m));
		jskip(jp);
		if (close == '}') {
			if (*jp->p != '"' ||
			    jstring(jp, &out->keys[out->n - 1]) < 0)
				return jfail(jp, "expected a key");
			jskip(jp);
			if (*jp->p++ != ':')
				return jfail(jp, "expected ':'");
		}
		if (jvalue(jp, m) < 0)
			return -1;
		jskip(jp);
		if (*jp->p == ',') {
			jp->p++;
			continue;
		}
		if (*jp->p++ != close)
			return jfail(jp, "expected ',' or a closing bracket");
		return 0;
	}
}

static int jvalue(struct jparse *jp, struct jval *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	jskip(jp);
	if (++jp->depth > 64)
		return jfail(jp, "nested too deeply");
	switch (*jp->p) {
	case '{':
		out->type = J_OBJ;
		rc = jmembers(jp, out, '}');
		break;
	case '[':
		out->type = J_ARR;
		rc = jmembers(jp, out, ']');
		break;
	case '"':
		out->type = J_STR;
		rc = jstring(jp, &out->str);
		break;
	default:
		if (!strncmp(jp->p, "null", 4)) {
			jp->p += 4;
			rc = 0;
		} else if (!strncmp(jp->p, "true", 4) ||
			   !strncmp(jp->p, "false", 5)) {
			out->type = J_BOOL;
			out->num = *jp->p == 't';
			jp->p += *jp->p == 't' ? 4 : 5;
			rc = 0;
		} else {
			rc = jnumber(jp, out);
		}
	}
	jp->depth--;
	return rc;
}

static void jfree(struct jval *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		jfree(&v->v[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->v);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

static const struct jval *jget(const struct jval *obj, const char *key)
{
	size_t i;

	if (!obj || obj->type != J_OBJ)
		return NULL;
	for (i = 0; i < obj->n; i++)
		if (obj->keys[i] && !strcmp(obj->keys[i], key))
			return &obj->v[i];
	return NULL;
}

/*
 * Parse a whole NUL-terminated document; on failure root is empty and,
 * unless name is NULL, the reason is printed as a TAP comment.
 */
static int jparse(const char *name, const char *text, struct jval *root)
{
	struct jparse jp = {0};

	jp.p = text;
	if (jvalue(&jp, root) == 0) {
		jskip(&jp);
		if (*jp.p)
			jfail(&jp, "trailing data");
	}
	if (!jp.err)
		return 0;
	if (name)
		printf("# %s: offset %td: %s\n", name, jp.p - text, jp.err);
	jfree(root);
	return -1;
}

static int jload(const char *path, struct jval *root)
{
	struct sb buf = SB_INIT;
	char chunk[8192];
	size_t n;
	int rc;
	FILE *f = fopen(path, "rb");

	if (!f) {
		printf("# cannot open %s (run from the repository root)\n",
		       path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sb_add(&buf, chunk, n);
	fclose(f);
	rc = jparse(path, buf.buf, root);
	sb_release(&buf);
	return rc;
}

static void test_json_reader(void)
{
	static const char *const bad[] = {
		"",      "{",           "[1,]",   "{\"a\" 1}", "\"x",
		"[1] 2", "{\"a\":inf}", "[0x10]", "[\"\\q\"]", "nul",
	};
	struct jval v;
	const struct jval *a;
	size_t i;
	int good = 1;

	ok(jparse("json",
		  " {\"a\": [1, -2.5e3, \"x\\\"y\\n\", null, true],"
		  " \"b\": {}} ",
		  &v) == 0 &&
		   (a = jget(&v, "a")) && a->type == J_ARR && a->n == 5 &&
		   a->v[0].num == 1 && a->v[1].num == -2500 &&
		   !strcmp(a->v[2].str, "x\"y\n") && a->v[3].type == J_NULL &&
		   a->v[4].type == J_BOOL && a->v[4].num == 1 &&
		   jget(&v, "b") && jget(&v, "b")->n == 0 && !jget(&v, "c"),
	   "the test's JSON reader reads a sample");
	jfree(&v);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (jparse(NULL, bad[i], &v) == 0) {
			good = 0;
			jfree(&v);
		}
	}
	ok(good, "the test's JSON reader rejects malformed input");
}

/* ---- time ---- */

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" to Unix seconds; -1 if it is not that shape. */
static int parse_iso(const char *s, long long *out)
{
	int y, mo, d, h, mi, se;

	if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &mo) || digits(s + 8, 2, &d) ||
	    digits(s + 11, 2, &h) || digits(s + 14, 2, &mi) ||
	    digits(s + 17, 2, &se) || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h > 23 || mi > 59 || se > 60)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

static void test_parse_iso(void)
{
	static const struct {
		const char *iso;
		long long unix_s;
	} cases[] = {
		{"1970-01-01T00:00:00Z", 0},
		{"1969-12-31T23:59:59Z", -1},
		{"2000-03-01T00:00:00Z", 951868800},
		{"2400-02-29T12:00:00Z", 13574606400LL},
		{"2591-12-31T23:59:59Z", 19628438399LL},
		{"1600-01-01T00:00:00Z", -11676096000LL},
	};
	size_t i;
	long long t = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = parse_iso(cases[i].iso, &t);

		ok(rc == 0 && t == cases[i].unix_s, "parse_iso %s",
		   cases[i].iso);
	}
	ok(parse_iso("2026-01-05 09:00:00Z", &t) < 0 &&
		   parse_iso("2026-01-05T09:00:00", &t) < 0 &&
		   parse_iso("2026-13-05T09:00:00Z", &t) < 0,
	   "parse_iso rejects other shapes");
}

/* ---- helpers ---- */

static double rel_err(double got, double want)
{
	if (got == want)
		return 0;
	return fabs(got - want) / fmax(fabs(want), DBL_MIN);
}

/* R: absolute or relative, whichever is smaller (§11). */
static double r_err(double got, double want)
{
	double a = fabs(got - want);
	double r = rel_err(got, want);

	return a < r ? a : r;
}

static void defaults(struct fsrs_params *p)
{
	fsrs_params_default(p);
}

/* ---- the py-fsrs vectors ---- */

struct maxerr {
	double s, d, r;
	int reviews;
};

static void replay_vectors(void)
{
	struct jval root;
	const struct jval *seqs, *params, *cfg, *v;
	struct fsrs_params p;
	struct maxerr mx = {0};
	size_t i, j;
	int same = 1, nseq = 0;

	if (jload(VECTORS, &root) < 0) {
		ok(0, "read %s", VECTORS);
		return;
	}
	ok(1, "read %s", VECTORS);

	defaults(&p);
	params = jget(&root, "parameters");
	cfg = jget(&root, "config");
	if (!params || params->type != J_ARR || params->n != FSRS_NPARAMS)
		same = 0;
	for (i = 0; same && i < FSRS_NPARAMS; i++)
		same = params->v[i].type == J_NUM && params->v[i].num == p.w[i];
	v = jget(cfg, "desired_retention");
	same = same && v && v->type == J_NUM && v->num == p.desired_retention;
	v = jget(cfg, "maximum_interval");
	same = same && v && v->type == J_NUM && v->num == p.maximum_interval;
	ok(same, "vector parameters and config are our defaults");

	seqs = jget(&root, "sequences");
	if (!seqs || seqs->type != J_ARR) {
		ok(0, "vectors have a sequences array");
		jfree(&root);
		return;
	}
	for (i = 0; i < seqs->n; i++) {
		const struct jval *seq = &seqs->v[i];
		const struct jval *revs = jget(seq, "reviews");
		const struct jval *id = jget(seq, "id");
		struct fsrs_card card = {0};
		long long prev = 0;

		nseq++;
		if (!revs || revs->type != J_ARR || !revs->n) {
			ok(0, "sequence %zu has reviews", i);
			continue;
		}
		for (j = 0; j < revs->n; j++) {
			const struct jval *r = &revs->v[j];
			const struct jval *rating = jget(r, "rating");
			const struct jval *when = jget(r, "review_time");
			const struct jval *el = jget(r, "elapsed_days");
			const struct jval *rr = jget(r, "retrievability");
			const struct jval *s = jget(r, "stability");
			const struct jval *d = jget(r, "difficulty");
			const struct jval *iv = jget(r, "interval_days");
			const struct jval *due = jget(r, "due");
			struct fsrs_review out = {0};
			long long now = 0, due_s = 0;
			int good = 1, rc;
			double es, ed, er = 0;

			if (!rating || rating->type != J_NUM || !when ||
			    when->type != J_STR ||
			    parse_iso(when->str, &now) < 0 || !el || !rr ||
			    !s || s->type != J_NUM || !d || d->type != J_NUM ||
			    !iv || iv->type != J_NUM || !due ||
			    due->type != J_STR ||
			    parse_iso(due->str, &due_s) < 0) {
				ok(0, "sequence %zu review %zu is well formed",
				   i, j);
				break;
			}
			rc = fsrs_review(&p, &card, (int)rating->num, now,
					 &out);
			mx.reviews++;
			es = rel_err(out.stability, s->num);
			ed = rel_err(out.difficulty, d->num);
			if (es > mx.s)
				mx.s = es;
			if (ed > mx.d)
				mx.d = ed;
			if (rc < 0) {
				good = 0;
			} else if (el->type == J_NULL) {
				good = j == 0 && out.is_first &&
				       rr->type == J_NULL;
			} else {
				long long t = fsrs_elapsed_days(prev, now);

				er = r_err(out.retrievability, rr->num);
				if (er > mx.r)
					mx.r = er;
				good = !out.is_first && el->type == J_NUM &&
				       rr->type == J_NUM &&
				       (long long)el->num == out.elapsed_days &&
				       t == out.elapsed_days && er <= TOL_R;
			}
			good = good && es <= TOL_SD && ed <= TOL_SD &&
			       out.interval_days == (int)iv->num &&
			       out.due == due_s;
			if (!ok(good, "seq %d review %zu: rating %d t %lld",
				id && id->type == J_NUM ? (int)id->num : -1, j,
				(int)rating->num, out.elapsed_days))
				fprintf(stderr,
					"#   rc %d R %.17g want %s%.17g\n"
					"#   S %.17g want %.17g (rel %.3g)\n"
					"#   D %.17g want %.17g (rel %.3g)\n"
					"#   I %d want %d, due %lld want %lld\n",
					rc, out.retrievability,
					rr->type == J_NULL ? "null " : "",
					rr->num, out.stability, s->num, es,
					out.difficulty, d->num, ed,
					out.interval_days, (int)iv->num,
					out.due, due_s);
			prev = now;
		}
	}
	is_int(nseq, 12, "12 sequences in the vectors");
	is_int(mx.reviews, 83, "83 reviews in the vectors");
	printf("# max S rel err %.3g, max D rel err %.3g, "
	       "max R err %.3g over %d reviews\n",
	       mx.s, mx.d, mx.r, mx.reviews);
	jfree(&root);
}

/* ---- docs/fsrs.md §10 ---- */

static void test_worked_example(void)
{
	static const struct {
		const char *when;
		int rating;
		long long t;
		double r, s, d;
		int interval;
	} rows[] = {
		{"2026-01-05T09:00:00Z", 3, -1, -1, 2.3065, 2.118103970459016,
		 2},
		{"2026-01-07T09:00:00Z", 3, 2, 0.9094932559773545,
		 10.964332335820698, 2.111214235785395, 11},
		{"2026-01-27T14:00:00Z", 1, 20, 0.8537484576989709,
		 1.6595898557464133, 7.392238132342694, 2},
		{"2026-01-27T17:00:00Z", 2, 0, 1.0, 0.980408613454965,
		 8.254074519842886, 1},
		{"2026-01-29T16:00:00Z", 4, 1, 0.8986349312960531,
		 3.7446006920586767, 7.655895953798593, 4},
	};
	struct fsrs_params p;
	struct fsrs_card card = {0};
	size_t i;

	defaults(&p);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fsrs_review out;
		long long now = 0;
		int good;

		parse_iso(rows[i].when, &now);
		good = fsrs_review(&p, &card, rows[i].rating, now, &out) == 0 &&
		       out.elapsed_days == rows[i].t &&
		       (i == 0 ? out.is_first && out.retrievability == -1
			       : r_err(out.retrievability, rows[i].r) <=
					 TOL_R) &&
		       rel_err(out.stability, rows[i].s) <= TOL_SD &&
		       rel_err(out.difficulty, rows[i].d) <= TOL_SD &&
		       out.interval_days == rows[i].interval &&
		       out.due == now + rows[i].interval * 86400LL &&
		       card.last_review == now && card.due == out.due;
		if (!ok(good, "worked example row %zu", i + 1))
			fprintf(stderr,
				"#   t %lld R %.17g S %.17g D %.17g I %d\n",
				out.elapsed_days, out.retrievability,
				out.stability, out.difficulty,
				out.interval_days);
	}
	is_int(card.reps, 5, "worked example: 5 reps");
	is_int(card.lapses, 1, "worked example: 1 lapse");
}

/* ---- docs/fsrs.md §9 ---- */

static void run_days(const struct fsrs_params *p, const int *ratings,
		     const int *deltas, size_t n, struct fsrs_card *card)
{
	long long now = 1767225600; /* 2026-01-01 */
	size_t i;

	memset(card, 0, sizeof(*card));
	for (i = 0; i < n; i++) {
		now += deltas[i] * 86400LL;
		fsrs_review(p, card, ratings[i], now, NULL);
	}
}

/*
 * §7: Python's round() sends ties to even.  At retention 0.9 the raw
 * interval is S / FACTOR * FACTOR, which is exactly S for many S; use the
 * half-integers where it is.
 */
static void test_ties(const struct fsrs_params *p)
{
	double factor = pow(0.9, 1.0 / -p->w[20]) - 1.0;
	double s;
	int ties = 0, good = 1;

	for (s = 1.5; s < 60; s += 1.0) {
		double raw = s / factor *
			     (pow(p->desired_retention, 1.0 / -p->w[20]) - 1.0);
		int even;

		if (raw != s)
			continue;
		ties++;
		/* The even neighbour of k + 0.5. */
		even = (int)floor(raw) % 2 ? (int)ceil(raw) : (int)floor(raw);
		if (fsrs_interval(p, s) != even) {
			good = 0;
			fprintf(stderr, "#   S %g: %d, want %d\n", s,
				fsrs_interval(p, s), even);
		}
	}
	ok(good && ties > 0, "interval ties round half to even (%d ties)",
	   ties);
}

static void test_cross_check(void)
{
	static const int ratings[] = {1, 3, 3, 3, 3, 3};
	static const int deltas[] = {0, 0, 1, 3, 8, 21};
	static const double retention[] = {0.1, 0.2, 0.3, 0.4, 0.5,
					   0.6, 0.7, 0.8, 0.9, 1.0};
	static const int want_iv[] = {3116769, 34793, 2508, 387, 90,
				      27,      9,     3,    1,   1};
	static const double want_r[] = {1, 0.9, 0.840289, 0.798500};
	struct fsrs_params p;
	struct fsrs_card card;
	size_t i;
	int good = 1;

	defaults(&p);
	run_days(&p, ratings, deltas, 6, &card);
	if (!ok(fabs(card.stability - 53.6269029) < 1e-7 &&
			fabs(card.difficulty - 6.3574871) < 1e-7,
		"fsrs-rs scenario 1,3,3,3,3,3: S 53.6269029 D 6.3574871"))
		fprintf(stderr, "#   S %.10g D %.10g\n", card.stability,
			card.difficulty);
	p.w[17] = p.w[18] = p.w[19] = 0;
	run_days(&p, ratings, deltas, 6, &card);
	if (!ok(fabs(card.stability - 53.3350641) < 1e-7,
		"fsrs-rs scenario with w17..w19 = 0: S 53.3350641"))
		fprintf(stderr, "#   S %.10g\n", card.stability);

	defaults(&p);
	p.maximum_interval = INT_MAX;
	for (i = 0; i < 10; i++) {
		p.desired_retention = retention[i];
		if (fsrs_interval(&p, 1.0) != want_iv[i]) {
			good = 0;
			fprintf(stderr, "#   retention %g: %d, want %d\n",
				retention[i], fsrs_interval(&p, 1.0),
				want_iv[i]);
		}
	}
	ok(good, "interval for S = 1 at retention 0.1..1.0");
	p.maximum_interval = 36500;
	p.desired_retention = 0.1;
	is_int(fsrs_interval(&p, 1.0), 36500, "interval capped at maximum");
	p.desired_retention = 0.9;
	is_int(fsrs_interval(&p, 1e300), 36500, "huge S capped at maximum");
	is_int(fsrs_interval(&p, 0.001), 1, "tiny S gives 1 day");
	is_int(fsrs_interval(&p, 2.3065), 2, "S 2.3065 gives 2 days");
	test_ties(&p);

	defaults(&p);
	p.w[20] = 0.2;
	good = 1;
	memset(&card, 0, sizeof(card));
	card.reviewed = 1;
	card.stability = 1.0;
	card.difficulty = 5.0;
	for (i = 0; i < 4; i++) {
		double r = fsrs_retrievability(&p, &card, (long long)i * 86400);

		if (fabs(r - want_r[i]) > 1e-6) {
			good = 0;
			fprintf(stderr, "#   R(%zu) %.9g, want %g\n", i, r,
				want_r[i]);
		}
	}
	ok(good, "R(t) for decay 0.2 is 1, 0.9, 0.840289, 0.798500");
}

/* Difference 1 of §9: py-fsrs lets a same-day Hard lower S. */
static void test_same_day_hard(void)
{
	struct fsrs_params p;
	struct fsrs_card card = {0};
	struct fsrs_review out;

	defaults(&p);
	fsrs_review(&p, &card, FSRS_RATING_EASY, 1000, NULL);
	fsrs_review(&p, &card, FSRS_RATING_HARD, 2000, &out);
	ok(fabs(out.stability - 4.4083) < 1e-4 && out.elapsed_days == 0 &&
		   out.retrievability == 1.0,
	   "same-day Hard after Easy lowers S to 4.4083 (py-fsrs)");
}

/* ---- edges ---- */

static void test_elapsed_days(void)
{
	ok(fsrs_elapsed_days(0, 86399) == 0 &&
		   fsrs_elapsed_days(0, 86400) == 1 &&
		   fsrs_elapsed_days(0, -1) == -1 &&
		   fsrs_elapsed_days(0, -86400) == -1 &&
		   fsrs_elapsed_days(0, -86401) == -2 &&
		   fsrs_elapsed_days(100, 100) == 0,
	   "elapsed days floor, also below zero");
	/* §6: 23:00 then 08:00 is the same day; 1 day 23 h is t = 1. */
	ok(fsrs_elapsed_days(23 * 3600, 86400 + 8 * 3600) == 0 &&
		   fsrs_elapsed_days(0, 86400 + 23 * 3600) == 1,
	   "elapsed days count whole 24-hour periods");
}

static void test_negative_elapsed(void)
{
	struct fsrs_params p;
	struct fsrs_card base = {0}, back, same;
	struct fsrs_review ob, os;
	long long t0 = 1767225600;
	int rating, good = 1;

	defaults(&p);
	fsrs_review(&p, &base, FSRS_RATING_GOOD, t0, NULL);
	fsrs_review(&p, &base, FSRS_RATING_GOOD, t0 + 3 * 86400, NULL);
	for (rating = 1; rating <= 4; rating++) {
		back = same = base;
		if (fsrs_review(&p, &back, rating, t0, &ob) < 0 ||
		    fsrs_review(&p, &same, rating, t0 + 3 * 86400 + 60, &os) <
			    0) {
			good = 0;
			continue;
		}
		good = good && ob.elapsed_days == -3 && os.elapsed_days == 0 &&
		       ob.retrievability == 1.0 && !ob.is_first &&
		       ob.stability == os.stability &&
		       ob.difficulty == os.difficulty &&
		       ob.interval_days == os.interval_days &&
		       back.last_review == t0;
	}
	ok(good, "a review before the last one is a same-day review");
	ok(fsrs_retrievability(&p, &base, t0) == 1.0,
	   "retrievability before the last review is 1");
}

static void test_invalid(void)
{
	static const int bad[] = {0, 5, -1, 100, INT_MIN};
	struct fsrs_params p;
	struct fsrs_card card = {0}, copy;
	struct fsrs_review out;
	size_t i;
	int good = 1;

	defaults(&p);
	fsrs_review(&p, &card, FSRS_RATING_GOOD, 1000, NULL);
	copy = card;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		good = good && fsrs_review(&p, &card, bad[i], 5000, &out) < 0;
	ok(good && !memcmp(&card, &copy, sizeof(card)),
	   "ratings outside 1..4 are rejected and change nothing");
	ok(fsrs_review(&p, &card, 3, FSRS_TIME_MAX + 1, &out) < 0 &&
		   fsrs_review(&p, &card, 3, LLONG_MIN, &out) < 0 &&
		   !memcmp(&card, &copy, sizeof(card)),
	   "times beyond FSRS_TIME_MAX are rejected");
	card.stability = NAN;
	ok(fsrs_review(&p, &card, 3, 5000, &out) < 0,
	   "a card with NaN stability is rejected");
	ok(fsrs_retrievability(&p, &card, 5000) == 0,
	   "retrievability of a card with NaN stability is 0");
	card = copy;
	card.difficulty = 10.5;
	ok(fsrs_review(&p, &card, 3, 5000, &out) < 0,
	   "a card with difficulty above 10 is rejected");
	memset(&card, 0, sizeof(card));
	ok(fsrs_retrievability(&p, &card, 5000) == 0,
	   "retrievability of a new card is 0");
}

static void test_params(void)
{
	struct fsrs_params p;
	char err[128] = "";

	defaults(&p);
	ok(fsrs_params_validate(&p, err, sizeof(err)) == 0,
	   "default parameters are valid");
	ok(p.w[20] == 0.1542 && p.w[0] == 0.212 && p.w[8] == 1.8722 &&
		   p.desired_retention == 0.9 && p.maximum_interval == 36500,
	   "defaults as in §3");
	p.w[20] = 0.05;
	ok(fsrs_params_validate(&p, err, sizeof(err)) < 0 &&
		   strstr(err, "w[20]"),
	   "w[20] below 0.1 is rejected: %s", err);
	defaults(&p);
	p.w[3] = NAN;
	ok(fsrs_params_validate(&p, err, sizeof(err)) < 0,
	   "NaN parameter is rejected");
	defaults(&p);
	p.w[8] = 0;
	p.w[16] = 6;
	ok(fsrs_params_validate(&p, err, 0) == 0, "range ends are accepted");
	defaults(&p);
	p.desired_retention = 1.0;
	ok(fsrs_params_validate(&p, err, sizeof(err)) < 0,
	   "retention 1 is rejected: %s", err);
	p.desired_retention = 0;
	ok(fsrs_params_validate(&p, err, sizeof(err)) < 0,
	   "retention 0 is rejected");
	defaults(&p);
	p.maximum_interval = 0;
	ok(fsrs_params_validate(&p, err, sizeof(err)) < 0,
	   "maximum interval 0 is rejected");
}

static void test_rating_names(void)
{
	ok(fsrs_rating_parse("1") == 1 && fsrs_rating_parse("4") == 4 &&
		   fsrs_rating_parse("again") == 1 &&
		   fsrs_rating_parse("Hard") == 2 &&
		   fsrs_rating_parse("GOOD") == 3 &&
		   fsrs_rating_parse("easy") == 4,
	   "ratings parse from digits and names");
	ok(fsrs_rating_parse("") < 0 && fsrs_rating_parse("0") < 0 &&
		   fsrs_rating_parse("5") < 0 && fsrs_rating_parse("12") < 0 &&
		   fsrs_rating_parse("goo") < 0 &&
		   fsrs_rating_parse("goods") < 0,
	   "other rating text is rejected");
	ok(!strcmp(fsrs_rating_name(1), "again") &&
		   !strcmp(fsrs_rating_name(4), "easy") &&
		   !fsrs_rating_name(0) && !fsrs_rating_name(5),
	   "rating names");
}

/* ---- properties over pseudo-random histories ---- */

static unsigned long long lcg_state = 0x5eed2026ULL;

static unsigned lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(lcg_state >> 33);
}

/* Uniform in [0, 1). */
static double lcg_unit(void)
{
	return (double)lcg() / 2147483648.0;
}

static void random_params(struct fsrs_params *p)
{
	/* docs/fsrs.md §3, written out again rather than borrowed. */
	static const double range[FSRS_NPARAMS][2] = {
		{0.001, 100},  {0.001, 100}, {0.001, 100}, {0.001, 100},
		{1, 10},       {0.001, 4},   {0.001, 4},   {0.001, 0.75},
		{0, 4.5},      {0, 0.8},     {0.001, 3.5}, {0.001, 5},
		{0.001, 0.25}, {0.001, 0.9}, {0, 4},       {0, 1},
		{1, 6},        {0, 2},       {0, 2},       {0, 0.8},
		{0.1, 0.8},
	};
	size_t i;

	for (i = 0; i < FSRS_NPARAMS; i++)
		p->w[i] =
			range[i][0] + (range[i][1] - range[i][0]) * lcg_unit();
	p->desired_retention = 0.7 + 0.29 * lcg_unit();
	p->maximum_interval = 1 + (int)(lcg() % 100000);
}

/* A gap in seconds: same day, on time, late, a long break or backwards. */
static long long random_gap(int interval)
{
	switch (lcg() % 6) {
	case 0:
		return lcg() % 86400;
	case 1:
		return (long long)interval * 86400 +
		       (long long)(lcg() % 86400) - 43200;
	case 2:
		return (long long)(lcg_unit() * 3 * interval * 86400);
	case 3:
		return (long long)(lcg() % 3000) * 86400 + lcg() % 86400;
	case 4:
		return -(long long)(lcg() % (3 * 86400));
	default:
		return (long long)(lcg() % 40) * 86400;
	}
}

static void test_properties(void)
{
	int seq, step, rating;
	int n = 0, bad_order = 0, bad_range = 0, bad_r = 0, bad_rc = 0;

	for (seq = 0; seq < 4000; seq++) {
		struct fsrs_params p;
		struct fsrs_card card = {0};
		long long now = 1767225600;
		int random = seq % 2;
		int interval = 1;

		if (random)
			random_params(&p);
		else
			defaults(&p);
		if (fsrs_params_validate(&p, NULL, 0) < 0) {
			bad_range++;
			continue;
		}
		for (step = 0; step < 15; step++) {
			struct fsrs_review out[5];
			struct fsrs_card next[5];
			double r_before = fsrs_retrievability(&p, &card, now);

			for (rating = 1; rating <= 4; rating++) {
				next[rating] = card;
				if (fsrs_review(&p, &next[rating], rating, now,
						&out[rating]) < 0) {
					bad_rc++;
					goto next_seq;
				}
				n++;
				if (!(out[rating].stability >= FSRS_S_MIN) ||
				    !isfinite(out[rating].stability) ||
				    !(out[rating].difficulty >= 1.0 &&
				      out[rating].difficulty <= 10.0) ||
				    out[rating].interval_days < 1 ||
				    out[rating].interval_days >
					    p.maximum_interval ||
				    out[rating].due !=
					    now + out[rating].interval_days *
							    86400LL ||
				    next[rating].reps != card.reps + 1)
					bad_range++;
				if (card.reviewed &&
				    (out[rating].retrievability != r_before ||
				     !(r_before > 0 && r_before <= 1)))
					bad_r++;
			}
			/* Random S0 values need not be ordered by rating. */
			if (card.reviewed || !random)
				for (rating = 2; rating <= 4; rating++)
					if (out[rating].interval_days <
						    out[rating - 1]
							    .interval_days ||
					    out[rating].stability <
						    out[rating - 1].stability)
						bad_order++;
			rating = 1 + (int)(lcg() % 4);
			card = next[rating];
			interval = out[rating].interval_days;
			now += random_gap(interval);
		}
next_seq:;
	}
	ok(bad_rc == 0, "no valid review failed (%d did)", bad_rc);
	ok(bad_order == 0,
	   "a better rating never gives a shorter interval or lower S "
	   "(%d reviews, %d violations)",
	   n, bad_order);
	ok(bad_range == 0,
	   "S >= 0.001 and finite, D in [1, 10], 1 <= I <= max, due = now + I "
	   "(%d violations)",
	   bad_range);
	ok(bad_r == 0,
	   "fsrs_retrievability() matches the R the review used, in (0, 1] "
	   "(%d violations)",
	   bad_r);
}

int main(void)
{
	test_json_reader();
	test_parse_iso();
	test_params();
	test_rating_names();
	replay_vectors();
	test_worked_example();
	test_cross_check();
	test_same_day_hard();
	test_elapsed_days();
	test_negative_elapsed();
	test_invalid();
	test_properties();
	return done_testing();
}
