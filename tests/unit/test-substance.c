/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for substance (sentence credit) and model (the fitted score). */
#include "substance.h"

#include <math.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "sb.h"
#include "tap.h"

static struct substance sub;

/* Analyse s as one segment; the credit of that segment. */
static double credit(const char *s)
{
	size_t seg[1][2];
	seg[0][0] = 0;
	seg[0][1] = strlen(s);
	substance_release(&sub);
	substance_analyze(&sub, s, strlen(s), (const size_t(*)[2])seg, 1);
	return sub.seg[0].credit;
}

static void test_credit(void)
{
	ok(credit("We should be obsessed with the customer at every step.") <
		   0.5,
	   "a slogan with 'we should' earns little");
	ok(credit("Churn among new drivers is 12% in the first month.") == 1,
	   "a number is substance");
	ok(credit("I'd give the squad to the payments work because it protects renewals.") >=
		   0.75,
	   "a decision with its reason");
	ok(credit("I ran a two-week pilot with the support team.") == 1,
	   "an action the speaker took");
	ok(credit("The fix lived in search, which Priya owned.") == 1,
	   "a named person or thing");
	ok(credit("It is important to be data-driven and customer-centric in everything.") ==
		   SUBSTANCE_MIN_CREDIT,
	   "abstraction alone earns the minimum");
	ok(sub.seg[0].abstract >= 2, "... and its slogans are counted (%u)",
	   sub.seg[0].abstract);
	ok(credit("Using RICE and MoSCoW helps us prioritize what matters.") <
		   1,
	   "naming frameworks is not substance");
	ok(sub.seg[0].frameworks == 2, "both framework names are seen");
	ok(credit("I\xe2\x80\x99"
		  "d interview five drivers this week.") == 1,
	   "a curly apostrophe is read as one");
}

static void test_whole(void)
{
	const char *a =
		"Reach first. RICE helps here. Reach is 40% of drivers and effort is 3 weeks.";
	size_t segs[3][2] = {{0, 12}, {13, 29}, {30, 76}};
	substance_release(&sub);
	substance_analyze(&sub, a, strlen(a), (const size_t(*)[2])segs, 3);
	is_int(sub.frameworks, 1, "one framework name");
	is_int(sub.frameworks_applied, 1,
	       "applied: the next sentence scores with numbers");
	ok(sub.specific_rate > 0 && sub.numbers >= 2,
	   "numbers and amounts counted (%u)", sub.numbers);
	ok(substance_credit_at(&sub, 35) == 1, "credit looked up by offset");
	ok(substance_credit_at(&sub, 12) == 1, "between segments: neutral");
}

static void test_model(void)
{
	struct model m;
	struct diag_list dl = {0};
	struct model_input in;
	const char *names[2] = {"a", "b"};
	double w[2] = {10, 10}, f[2] = {1, 0};
	long idx[2];
	const char *src =
		"Model: 2\nIntercept: 10\nScale: 0.5\nGate: 0.2 - 0.6\n"
		"Feature: specific = 20\nCriterion: a = 3\n";
	struct sb out = SB_INIT;
	is_int(model_parse(&m, "w.fit", src, strlen(src), &dl), 0,
	       "a model file parses");
	ok(m.loaded && m.intercept == 10 && m.scale == 0.5,
	   "intercept and scale");
	memset(&in, 0, sizeof(in));
	idx[0] = model_index(&m, "a");
	idx[1] = model_index(&m, "b");
	in.n = 2;
	in.name = names;
	in.w = w;
	in.f = f;
	in.idx = idx;
	in.x[MF_SPECIFIC] = 0.5;
	/* R = 100 * (10*3*1) / (10*3 + 10*1) = 75; 10 + 0.5*75 + 20*0.5 */
	ok(fabs(model_linear(&m, &in) - 57.5) < 1e-9, "the linear score (%g)",
	   model_linear(&m, &in));
	ok(fabs(model_gate(&m, 0.1) - MODEL_GATE_FLOOR) < 1e-9,
	   "below the gate: the floor");
	ok(fabs(model_gate(&m, 0.4) -
		(MODEL_GATE_FLOOR + (1 - MODEL_GATE_FLOOR) * 0.5)) < 1e-9,
	   "inside the gate: linear");
	ok(model_gate(&m, 0.9) == 1, "above the gate: no discount");
	model_write(&m, &out);
	ok(strstr(out.buf, "Criterion: a = 3.0000") &&
		   strstr(out.buf, "Gate: 0.2000 - 0.6000"),
	   "written back in its own syntax");
	model_release(&m);
	diag_release(&dl);
	src = "Model: 2\nScale: x\nFeature: nonsense = 1\nCriterion: a = -1\nGate: 0.7 - 0.2\n";
	ok(model_parse(&m, "w.fit", src, strlen(src), &dl) < 0 && !m.loaded,
	   "a bad model is refused");
	is_int((int)dl.nr, 4, "every bad line is reported");
	ok(dl.nr && dl.v[0].line == 2 && !strcmp(dl.v[0].file, "w.fit"),
	   "with its file and line");
	model_release(&m);
	diag_release(&dl);
	sb_release(&out);
}

int main(void)
{
	test_credit();
	test_whole();
	test_model();
	substance_release(&sub);
	return done_testing();
}
