/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for score: every criterion kind, the guards, the grade, JSON. */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "qbank.h"
#include "rec.h"
#include "rubric.h"
#include "sb.h"
#include "tap.h"

static struct rubric_set rs;
static struct qbank qb;
static struct diag_list dl;
static struct score_report rep;
static struct sb ans = SB_INIT;

/* Parse and compile a one-rubric file; NULL (and a failed test) if bad. */
static struct rubric *rub(const char *src, int jit)
{
	size_t i;
	score_report_release(&rep); /* it borrows the rubric */
	rubric_set_release(&rs);
	diag_release(&dl);
	rubric_parse(&rs, "r.txt", src, strlen(src), &dl);
	if (rs.nr)
		rubric_compile(&rs.v[0], jit, &dl);
	if (!rs.nr || dl.nr) {
		for (i = 0; i < dl.nr; i++)
			fprintf(stderr, "# %u:%u %s\n", dl.v[i].line,
				dl.v[i].col, dl.v[i].msg);
		ok(0, "test rubric parses");
		return NULL;
	}
	return &rs.v[0];
}

static const struct question *question(const char *src)
{
	qbank_release(&qb);
	qbank_parse(&qb, "q.txt", src, strlen(src), &dl);
	if (!qb.nr || qbank_compile_expects(&qb.v[0], 0, &dl)) {
		ok(0, "test question parses");
		return NULL;
	}
	return &qb.v[0];
}

static double score_q(const struct rubric *r, const struct question *q,
		      const char *text, size_t len)
{
	score_report_release(&rep);
	if (!r)
		return -1;
	score_answer(&rep, r, q, text, len, -1, 0, &dl);
	return rep.score;
}

static double score(const struct rubric *r, const char *text)
{
	return score_q(r, NULL, text, strlen(text));
}

static const struct score_item *item(const char *name)
{
	size_t i;
	for (i = 0; i < rep.nitems; i++)
		if (!strcmp(rep.items[i].name, name))
			return &rep.items[i];
	return NULL;
}

static const char *detail(const char *name)
{
	const struct score_item *it = item(name);
	return it && it->detail ? it->detail : "(none)";
}

static int has_note(const char *part)
{
	size_t i;
	for (i = 0; i < rep.nnotes; i++)
		if (strstr(rep.notes[i], part))
			return 1;
	return 0;
}

#define near(got, want, name)                                             \
	do {                                                              \
		double g_ = (got), w_ = (want);                           \
		if (!ok(fabs(g_ - w_) < 0.051, "%s", name))               \
			fprintf(stderr, "#   got %g, want %g\n", g_, w_); \
	} while (0)

/* A neutral sentence of 13 words that no test pattern matches.  It names
 * a thing (Asana), so it counts as a sentence with substance. */
#define FILL "The team looked at the Asana data and moved to the next part. "

static const char *fill(int n)
{
	static struct sb f = SB_INIT;
	sb_reset(&f);
	while (n-- > 0)
		sb_adds(&f, FILL);
	return f.buf;
}

/* ans = the concatenation of the arguments */
static const char *text(const char *first, ...)
{
	va_list ap;
	const char *s;
	sb_reset(&ans);
	va_start(ap, first);
	for (s = first; s; s = va_arg(ap, const char *))
		sb_adds(&ans, s);
	va_end(ap);
	return ans.buf;
}

#define HDR "Rubric: t\nMin-words: 1\n\n"

static void test_keywords(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nMin: 3\n"
		"Pattern: \\bchurn\\b\nPattern: \\bretention\\b\nPattern: \\bcohorts?\\b\n",
		0);
	int i;
	sb_reset(&ans);
	for (i = 0; i < 10; i++)
		sb_adds(&ans,
			"We looked at churn again in the review on day 3. ");
	score_q(r, NULL, ans.buf, ans.len);
	is_str(detail("k"), "1 of 3 concepts",
	       "the same word ten times is one concept");
	near(rep.score, 33.3, "... and earns a third");
	ok(rep.guard == 1, "prose: no guard");
	is_int(item("k") ? item("k")->nev : 0, 1,
	       "one piece of evidence per concept");
	score(r,
	      text("We looked at churn and at retention by cohort in week 2. ",
		   fill(3), NULL));
	is_str(detail("k"), "3 of 3 concepts", "three concepts");
	near(rep.score, 100, "full points at Min");
	ok(item("k") && item("k")->met && !item("k")->feedback,
	   "met, so no feedback");
	score(r, text("We looked at CHURN and Retention with the team. ",
		      fill(3), NULL));
	near(rep.score, 66.7, "Min partial credit: 2 of 3, caseless");

	r = rub(HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nFeedback: Name the churn.\n"
		"Pattern: \\bchurn\\b\n",
		0);
	score(r, fill(5));
	near(rep.score, 0, "no concept: nothing");
	ok(item("k") && !item("k")->met && item("k")->feedback &&
		   !strcmp(item("k")->feedback, "Name the churn."),
	   "unmet: the Feedback is given");
}

/* A criterion's examples: the one that shares the prompt's specific words
 * is shown after the advice; one that fits nothing is left out. */
static void test_examples(void)
{
	struct rubric *r =
		rub(HDR "Criterion: k\nKind: keywords\nWeight: 10\n"
			"Feedback: Check the result a second way.\n"
			"Example: \"10,000 scooters x 4 rides = 40k rides\"\n"
			"Example: \"1,200 petrol stations x 900 fills a day\"\n"
			"Pattern: \\bsanity\\b\n",
		    0);
	const struct question *q = question(
		"Id: q1\nCategory: estimation\nPrompt: Estimate how many scooter rides happen in Paris per day.\n");
	score_q(r, q, fill(5), strlen(fill(5)));
	ok(item("k") && item("k")->feedback &&
		   strstr(item("k")->feedback,
			  "Check the result a second way. ") &&
		   strstr(item("k")->feedback, "scooters x 4"),
	   "the scooter example under a scooter question");
	ok(item("k") && item("k")->feedback &&
		   !strstr(item("k")->feedback, "petrol"),
	   "... and not the one that does not fit");
	q = question(
		"Id: q2\nCategory: estimation\nPrompt: How many petrol stations does Germany need?\n");
	score_q(r, q, fill(5), strlen(fill(5)));
	ok(item("k") && item("k")->feedback &&
		   strstr(item("k")->feedback, "petrol") &&
		   !strstr(item("k")->feedback, "scooter"),
	   "the petrol example under a petrol question");
	q = question(
		"Id: q3\nCategory: estimation\nPrompt: Estimate the number of umbrellas sold in the UK each year.\n");
	score_q(r, q, fill(5), strlen(fill(5)));
	ok(item("k") && item("k")->feedback &&
		   !strcmp(item("k")->feedback,
			   "Check the result a second way."),
	   "no example fits an umbrella question: the advice alone");
	score(r, fill(5));
	ok(item("k") && item("k")->feedback &&
		   !strcmp(item("k")->feedback,
			   "Check the result a second way."),
	   "no question: the advice alone");
}

/* Instead: the fact about the answer that explains a miss comes first. */
static void test_instead(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: n\nKind: keywords\nWeight: 10\nInstead: numbers\n"
		"Feedback: Put numbers on it.\nPattern: \\bzzz\\b\n\n"
		"Criterion: o\nKind: keywords\nWeight: 10\nInstead: we\n"
		"Feedback: Say what you did.\nPattern: \\bzzz\\b\n\n"
		"Criterion: f\nKind: keywords\nWeight: 10\nInstead: frameworks\n"
		"Pattern: \\bzzz\\b\n\n"
		"Criterion: d\nKind: keywords\nWeight: 10\nInstead: decision\n"
		"Pattern: \\bzzz\\b\n",
		0);
	score(r,
	      "We talked to the sales team. We looked at what they wanted. We agreed "
	      "on a plan with them. Then we used RICE and MoSCoW to think about it all.");
	ok(item("n") && item("n")->feedback &&
		   !strcmp(item("n")->feedback,
			   "This answer gives no figures at all. Put numbers on it."),
	   "numbers: no figures said before the advice");
	ok(item("o") && item("o")->feedback &&
		   strstr(item("o")->feedback,
			  "says \"we\" 4 times and \"I\" 0") &&
		   strstr(item("o")->feedback, "Say what you did."),
	   "we: the counts of we and I");
	ok(item("f") && item("f")->feedback &&
		   !strcmp(item("f")->feedback,
			   "This answer names 2 frameworks without applying them."),
	   "frameworks: named, not applied (no Feedback needed)");
	ok(item("d") && item("d")->feedback &&
		   strstr(item("d")->feedback, "commits to a choice"),
	   "decision: no sentence decides");
	score(r,
	      "I called 12 customers in March and I chose the export fix because it "
	      "unblocked 40% of renewals. I shipped it in two sprints with Ana.");
	ok(item("n") && item("n")->feedback &&
		   !strcmp(item("n")->feedback, "Put numbers on it."),
	   "numbers present: the advice alone");
	ok(item("o") && item("o")->feedback &&
		   !strcmp(item("o")->feedback, "Say what you did."),
	   "first person: no we-count");
	ok(item("f") && !item("f")->feedback,
	   "no framework, no Feedback: nothing to say");
	ok(item("d") && !item("d")->feedback,
	   "a decision with its reason: nothing to say");
}

/* An ASCII pattern runs without Unicode properties on a text whose
 * non-ASCII characters are punctuation, and with them otherwise: the
 * matches are the same either way. */
static void test_ucp_fast(void)
{
	struct rubric *r =
		rub(HDR "Criterion: k\nKind: keywords\nWeight: 10\nMin: 1\n"
			"Pattern: \\bsum\\b\n",
		    1);
	ok(r && r->crit[0].pats[0].fast, "an ASCII pattern gets a fast code");
	score(r,
	      text("We sent the r\xc3\xa9sum\xc3\xa9 to 40 teams in week 2. ",
		   fill(3), NULL));
	is_str(detail("k"), "0 of 1 concepts",
	       "a letter outside ASCII is a word character");
	score(r,
	      text("We sent the \xe2\x80\x9csum\xe2\x80\x9d to 40 teams in week 2. ",
		   fill(3), NULL));
	is_str(detail("k"), "1 of 1 concepts", "curly quotes are not");
	score(r,
	      text("We sent the \xc3\xa9sum to 40 teams in week 2 \xe2\x80\x94 ",
		   fill(3), NULL));
	is_str(detail("k"), "0 of 1 concepts",
	       "... nor is a letter right before the word");
	r = rub(HDR "Criterion: k\nKind: keywords\nWeight: 10\nMin: 1\n"
		    "Pattern: \\bcaf\xc3\xa9\\b\n",
		1);
	ok(r && !r->crit[0].pats[0].fast,
	   "a pattern with non-ASCII text has none");
}

static void test_count_matches(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: n\nKind: keywords\nCount: matches\nWeight: 10\nMin: 4\n"
		"Pattern: \\d+%\nPattern: \\b\\d+\\b\nPattern: \\bNPS\\b\n",
		0);
	score(r,
	      text("Conversion rose from 20% to 35% and then fell back to 20% over 7 weeks. ",
		   fill(3), NULL));
	is_str(detail("n"), "3 of 4 distinct matches",
	       "distinct texts, and '20' inside '20%' is not counted again");
	near(rep.score, 75, "3 of Min 4");
	is_int(item("n") ? item("n")->nev : 0, 3,
	       "evidence for each distinct match");
	score(r,
	      text("Our NPS went up and the nps survey said so to the whole team. ",
		   fill(3), NULL));
	is_str(detail("n"), "1 of 4 distinct matches",
	       "distinct after case folding");
}

static void test_where(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: open\nKind: keywords\nWeight: 10\nWhere: first 20%\n"
		"Pattern: \\bclarify\\b\n\n"
		"Criterion: close\nKind: keywords\nWeight: 10\nWhere: last 20%\n"
		"Pattern: \\bsummary\\b\n",
		0);
	score(r,
	      text("First I clarify the goal for the 3 teams today. ", fill(8),
		   "In summary we would ship it to 40 users soon.", NULL));
	ok(item("open") && item("open")->met,
	   "Where first: a match in the opening counts");
	ok(item("close") && item("close")->met,
	   "Where last: a match in the closing counts");
	near(rep.score, 100, "both");
	score(r, text("In summary we would ship it to 40 users soon. ", fill(8),
		      "First I clarify the goal for the 3 teams today.", NULL));
	ok(item("open") && !item("open")->met,
	   "Where first: a match at the end does not");
	ok(item("close") && !item("close")->met,
	   "Where last: a match at the start does not");
	near(rep.score, 0, "neither");
}

static void test_stages(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: s\nKind: stages\nWeight: 10\n"
		"Stage: A = \\balpha\\b\nStage: B = \\bbravo\\b\nStage: C = \\bcharlie\\b\n",
		0);
	const char *in_order = "First we talk about alpha for 2 weeks. "
			       "Then we move on to bravo with 3 people. "
			       "Finally we reach charlie on day 9.";
	score(r, in_order);
	is_str(detail("s"), "3 of 3 stages in order (A > B > C)",
	       "all stages in order");
	near(rep.score, 100, "full points");
	ok(item("s") && item("s")->nev == 3 && item("s")->ev[0].what &&
		   !strcmp(item("s")->ev[0].what, "A"),
	   "evidence labelled with the stage");
	score(r, "First we talk about charlie for 2 weeks. "
		 "Then we move on to bravo with 3 people. "
		 "Finally we reach alpha on day 9.");
	ok(!strncmp(detail("s"), "1 of 3 stages", 13),
	   "reverse order earns 1 stage (%s)", detail("s"));
	near(rep.score, 33.3, "a third");
	score(r, "We mention bravo in the first 2 sentences here. "
		 "Then we talk about alpha for 2 weeks. "
		 "Then we go back to bravo with 3 people. "
		 "Finally we reach charlie on day 9.");
	ok(!strncmp(detail("s"), "3 of 3 stages", 13),
	   "the longest in-order run uses the later mention (%s)", detail("s"));
	score(r, "Alpha first.\nThen we move on to bravo with 3 people. "
		 "Finally we reach charlie on day 9.");
	ok(!strncmp(detail("s"), "2 of 3 stages", 13),
	   "a stage in a fragment of under 5 words does not count (%s)",
	   detail("s"));
	ok(strstr(detail("s"), "not found in order: A") != NULL,
	   "the missed stage is named");
	score(r, "- alpha\n- bravo\n- charlie\n");
	ok(!strncmp(detail("s"), "0 of 3 stages", 13),
	   "a bullet list of stages earns none");

	r = rub(HDR
		"Criterion: s\nKind: stages\nWeight: 10\nMin: 2\n"
		"Stage: A = \\balpha\\b\nStage: B = \\bbravo\\b\nStage: C = \\bcharlie\\b\n",
		0);
	score(r,
	      "Then we move on to bravo with 3 people. Finally we reach charlie on day 9.");
	near(rep.score, 100, "full points at Min stages");
	score(r, "After that bravo comes up with great care. "
		 "Finally charlie shows up at the very end.");
	near(rep.score, 25,
	     "stages in sentences that commit to nothing earn a quarter each");
}

static void test_ratio(void)
{
	struct rubric *r = rub(HDR "Criterion: we\nKind: ratio\nWeight: 10\n"
				   "Pattern: \\bwe\\b\nAgainst: \\bI\\b\n",
			       0);
	score(r,
	      text("We planned it and we built it and then we shipped it while I watched. ",
		   fill(2), NULL));
	near(rep.score, 100,
	     "3 for, 1 against: full at the default target 0.5");
	ok(strstr(detail("we"), "3 for, 1 against") != NULL,
	   "detail counts both (%s)", detail("we"));
	score(r,
	      text("I planned it and I built it and then I shipped it while we watched. ",
		   fill(2), NULL));
	near(rep.score, 50, "1 for, 3 against: share 0.25 of 0.5");
	score(r, text("I planned it all alone. ", fill(2), NULL));
	near(rep.score, 0, "no for-matches: nothing");
	r = rub(HDR
		"Criterion: we\nKind: ratio\nWeight: 10\nMin: 2\nTarget: 1\n"
		"Pattern: \\bwe\\b\nAgainst: \\bI\\b\n",
		0);
	score(r, text("We planned it all alone today. ", fill(2), NULL));
	near(rep.score, 0, "fewer than Min for-matches: nothing");
	score(r, text("We planned it and we built it and I shipped it. ",
		      fill(2), NULL));
	near(rep.score, 66.7, "Target 1: share 2/3");
}

static void test_concreteness(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: c\nKind: concreteness\nWeight: 10\nPattern: \\d\n",
		0);
	score(r, "We grew signups by 12 percent last month. " FILL FILL FILL
		 "Ok then.");
	is_str(detail("c"), "1 of 4 sentences concrete (25%; full at 50%)",
	       "share of sentences (of 4+ words) with a match");
	near(rep.score, 50, "0.25 of the 0.5 target");
	score(r,
	      "We grew signups by 12 percent last month. We cut 3 steps from the flow. " FILL);
	near(rep.score, 100, "2 of 3: full");
}

static void test_length(void)
{
	struct rubric *r = rub(
		"Rubric: t\nMin-words: 4\n\nCriterion: k\nKind: keywords\nWeight: 10\n"
		"Pattern: \\bone\\b\n\n"
		"Criterion: len\nKind: length\nWeight: 10\nIdeal: 10-20\n",
		0);
	const char *w15 =
		"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
	score(r, w15);
	near(rep.score, 100, "inside the typical range: nothing off");
	is_str(detail("len"),
	       "15 words (typical 10-20 for the time; points off past 40)",
	       "detail");
	r = rub("Rubric: t\nMin-words: 4\n\nCriterion: k\nKind: keywords\nWeight: 10\n"
		"Pattern: \\bone\\b\n\n"
		"Criterion: len\nKind: length\nWeight: 10\nIdeal: 30-60\n",
		0);
	score(r, w15);
	near(rep.score, 100,
	     "shorter than typical: no reward for length, nothing off");
	r = rub("Rubric: t\nMin-words: 4\n\nCriterion: k\nKind: keywords\nWeight: 10\n"
		"Pattern: \\bone\\b\n\n"
		"Criterion: len\nKind: length\nWeight: 10\nIdeal: 10-20\n",
		0);
	score(r,
	      text(w15, " ", w15, " ", w15, " x y z a b", NULL)); /* 50 words */
	near(rep.score, 97.5, "past twice the top: points off, linearly");
	ok(item("len") && !item("len")->met && item("len")->scaled < 0,
	   "... shown as taken off");
	score(r, text(w15, " ", w15, " ", w15, " ", w15, " ", w15, " ", w15,
		      NULL)); /* 90 */
	near(rep.score, 90, "at four times the top: the whole weight off");
	r = rub("Rubric: t\nMin-words: 1\nTime: 1m\n\nCriterion: len\nKind: length\nWeight: 10\n",
		0);
	score(r, "x");
	is_str(detail("len"),
	       "1 words (typical 20-40 for the time; points off past 80)",
	       "without Ideal: the time limit times 20-40 words a minute");
}

static void test_penalty(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nPattern: \\bdata\\b\n\n"
		"Criterion: um\nKind: penalty\nWeight: 20\nAllow: 1\nFull: 5\n"
		"Pattern: \\bum\\b\n",
		0);
	const struct score_item *it;
	double rate;
	score(r, fill(10));
	near(rep.score, 100, "no hits: nothing taken off");
	ok(item("um") && item("um")->met,
	   "penalty met when nothing is taken off");
	score(r, text("So um we um did it um today. ", fill(10), NULL));
	it = item("um");
	rate = 300.0 / rep.words;
	near(rep.score, 100 - 20 * (rate - 1) / 4,
	     "between Allow and Full: linear");
	ok(it && it->scaled < 0 && it->nev == 3,
	   "points shown as negative, with evidence");
	score(r, text("Um um um um um. ", fill(5), NULL));
	near(rep.score, 80, "at Full or past: the whole weight");
	score(r, "Um. " FILL);
	ok(rep.words == 14 && rep.guard == 1, "a 14-word answer, unguarded");
	near(rep.score, 100 - 20 * (2.0 - 1) / 4,
	     "short answers: rates per at least 50 words (1 hit = 2 per 100)");
}

static void test_expect(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nPattern: \\bdata\\b\n\n"
		"Criterion: topic\nKind: expect\nWeight: 30\n",
		0);
	const struct question *q;
	score(r, fill(5));
	near(rep.score, 100, "no question: expect drops out of the total");
	ok(item("topic") && !item("topic")->active, "... inactive");
	q = question("Id: e\nCategory: t\nPrompt: x\n");
	score_q(r, q, fill(5), strlen(fill(5)));
	near(rep.score, 100, "a question without Expect: inactive too");
	q = question(
		"Id: e\nCategory: t\nPrompt: x\n"
		"Expect: the riders = \\briders?\\b\nExpect: the drivers = \\bdrivers?\\b\n");
	score_q(r, q,
		text("Riders in Leeds matter most to us here. ", fill(5), NULL),
		ans.len);
	/* the prompt has no key words, so the rubric's vocabulary (1) stands
	 * in for them: 0.55 * 0.5 + 0.3 * 1 + 0.15 * 1 */
	near(rep.relevance, 0.725,
	     "relevance: half the expectations, the rubric's topics");
	near(rep.topic_factor, 1, "above the gate's top: no discount");
	near(rep.score, 100 * (10 + 15) / 40.0,
	     "one of two expectations: half its weight");
	ok(strstr(detail("topic"), "missing: the drivers") != NULL,
	   "detail names what is missing");
	ok(item("topic") && item("topic")->nev == 1 &&
		   item("topic")->ev[0].what &&
		   !strcmp(item("topic")->ev[0].what, "the riders"),
	   "evidence labelled");
}

static void test_relevance(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nPattern: \\bdata\\b\n\n"
		"Criterion: topic\nKind: expect\nWeight: 10\n",
		0);
	const struct question *q = question(
		"Id: rel\nCategory: t\nPrompt: How would you price the dog walking app?\n"
		"Expect: a price point = \\$\\s?\\d\n"
		"Expect: the walkers = \\bwalkers?\\b\n");
	score_q(r, q,
		text("Walkers would earn most of a $15 price per walk. ",
		     fill(5), NULL),
		ans.len);
	is_int(rep.prompt_terms, 2,
	       "key words: 'price' and 'walking' (short and common words are not)");
	/* content words: walkers, earn, price and about six in each of the
	 * five fills ("walk" is a stop word, as in "walk me through"): 2 of
	 * about 32 are the prompt's */
	ok(rep.rel_focus > 0.055 && rep.rel_focus < 0.07,
	   "focus: the prompt's share of the words (%g)", rep.rel_focus);
	/* 'walk' twice (walkers, walk) counts fully, 'price' once 0.6 */
	near(rep.relevance,
	     fmax(0.94, 0.8 * (0.55 + 0.3 * 0.8 + 0.15) + 2 * rep.rel_focus),
	     "every expectation and the prompt's words: relevant");
	near(rep.topic_factor, 1.0, "... no discount");
	score_q(r, q,
		text("Our churn data shows retention falls in week two. ",
		     fill(5), NULL),
		ans.len);
	near(rep.rel_focus, 0, "... none of its words are the prompt's");
	near(rep.relevance, 0.15,
	     "an answer about something else: only the rubric's vocabulary");
	near(rep.topic_factor, 0.15, "... the floor");
	ok(rep.nnotes >= 1 &&
		   strstr(rep.notes[0], "not seem to be about") != NULL,
	   "a note says the answer is off the question");
	score_q(r, q,
		text("How would you price the dog walking app, you ask. ",
		     fill(5), NULL),
		ans.len);
	ok(rep.prompt_hits == rep.prompt_terms,
	   "restating the prompt uses all its key words");
	/* price, walking and the 30 words of the fills */
	near(rep.relevance,
	     fmax(0.33, 0.8 * (0.3 * 0.6 + 0.15) + 2 * rep.rel_focus),
	     "... but without the expectations it stays low");
	ok(rep.topic_factor < 0.65,
	   "... and the score is cut by a third or more");
}

/* Prompt words weigh by how rare they are among the bank's prompts. */
static void test_lexicon(void)
{
	struct lexicon lx;
	const char *pr[30];
	char buf[30][96];
	size_t i;
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nPattern: \\bzzz\\b\n",
		0);
	const struct question *q = question(
		"Id: lex\nCategory: t\nPrompt: Tell me how you handled a stakeholder who criticised your roadmap.\n");
	double common, rare;
	for (i = 0; i < 30; i++) {
		snprintf(buf[i], sizeof(buf[i]),
			 "How would you handle the %s problem?",
			 i ? "pricing" : "criticised");
		pr[i] = buf[i];
	}
	lexicon_build(&lx, pr, 5);
	near(lexicon_weight(&lx, "handl"), 1,
	     "five prompts are too few to tell a common word");
	lexicon_release(&lx);
	lexicon_build(&lx, pr, 30);
	is_int((long)lx.ndocs, 30, "thirty prompts read");
	near(lexicon_weight(&lx, "handl"), 0.15,
	     "a word every prompt uses weighs the minimum");
	near(lexicon_weight(&lx, "criticis"), 1,
	     "a word one prompt uses weighs fully");
	ok(lexicon_weight(&lx, "pric") < 0.2,
	   "a word 29 of 30 use weighs little (%g)",
	   lexicon_weight(&lx, "pric"));
	near(lexicon_weight(&lx, "unheard"), 1,
	     "a word no prompt uses weighs fully");
	r->lex = &lx;
	score_q(r, q,
		text("I handled it by handling the meeting well and handling the follow-up. ",
		     fill(5), NULL),
		ans.len);
	common = rep.rel_prompt;
	score_q(r, q,
		text("When she criticised the roadmap in the review, I asked what she saw. ",
		     fill(5), NULL),
		ans.len);
	rare = rep.rel_prompt;
	ok(rare > common + 0.2,
	   "the rare words of the prompt cover more of it than its common ones (%g vs %g)",
	   rare, common);
	r->lex = NULL;
	lexicon_release(&lx);
}

static const char *const concepts[] = {"churn",      "retention", "cohort",
				       "activation", "funnel",    "conversion",
				       "guardrail",  "baseline"};

static void test_guards(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nMin: 8\n"
		"Pattern: \\bchurn\\b\nPattern: \\bretention\\b\nPattern: \\bcohort\\b\n"
		"Pattern: \\bactivation\\b\nPattern: \\bfunnel\\b\nPattern: \\bconversion\\b\n"
		"Pattern: \\bguardrail\\b\nPattern: \\bbaseline\\b\n",
		0);
	double list, bullets, prose;
	size_t i;
	list = score(
		r,
		"churn, retention, cohort, activation, funnel, conversion, guardrail, baseline");
	ok(has_note("list of keywords"), "a comma list gets a note");
	sb_reset(&ans);
	for (i = 0; i < 8; i++)
		sb_addf(&ans, "- %s\n", concepts[i]);
	bullets = score(r, ans.buf);
	sb_reset(&ans);
	for (i = 0; i < 8; i++)
		sb_addf(&ans,
			"Next we would look closely at the %s of the 3 plans. ",
			concepts[i]);
	sb_adds(&ans, fill(4));
	prose = score(r, ans.buf);
	near(prose, 100, "the same concepts in sentences: full points");
	ok(rep.guard == 1 && !has_note("list of keywords"),
	   "no guard on prose");
	ok(list < prose / 3, "a keyword list scores far below (%g vs %g)", list,
	   prose);
	ok(bullets < prose / 3, "a bullet list too (%g vs %g)", bullets, prose);
	sb_reset(&ans);
	for (i = 0; i < 8; i++)
		sb_addf(&ans,
			"%s, data, team, part, next, plan, moved, looked, on, to, the, of, a, ",
			concepts[i]);
	score(r, ans.buf);
	ok(rep.density <= 8 && rep.prose_share == 0,
	   "a long comma list: low density, no prose");
	ok(rep.guard <= 0.15 + 1e-9 && rep.score <= 15.0 + 1e-9,
	   "... is discounted for want of sentences alone (%g)", rep.score);
	sb_reset(&ans);
	for (i = 0; i < 8; i++)
		sb_addf(&ans, "We track the %s here. ", concepts[i]);
	score(r, ans.buf);
	ok(rep.guard < 1 && rep.density > 8,
	   "dense vocabulary in short sentences is discounted (%g)", rep.score);
}

static void test_floor_empty(void)
{
	struct rubric *r =
		rub("Rubric: t\n\nCriterion: k\nKind: keywords\nWeight: 10\n"
		    "Pattern: \\bfine\\b\nPattern: \\bdata\\b\n",
		    0);
	score(r, "fine");
	near(rep.score, 0, "'fine' scores 0 (the length floor)");
	ok(has_note("too short"), "with a note saying so");
	is_int(rep.grade, GRADE_AGAIN, "grade again");
	score(r,
	      "We looked at the data and it was fine. The team moved on to the next part now. "
	      "The team looked at the data and moved on to the next.");
	ok(rep.words == 30 && rep.score <= 25.0,
	   "30 of 60 words keeps at most a quarter (%g)", rep.score);

	score(r, "");
	near(rep.score, 0, "an empty answer scores 0");
	is_int(rep.grade, GRADE_AGAIN, "grade 1 (again)");
	ok(has_note("empty"), "with a note");
	is_int(rep.words, 0, "no words");
	score(r, "  \n\t ,,, -- ...\n");
	ok(rep.score == 0 && rep.words == 0 && has_note("empty"),
	   "only punctuation is empty too");
	score_report_release(&rep);
	score_answer(&rep, r, NULL, NULL, 0, -1, 0, &dl);
	ok(rep.score == 0 && rep.grade == GRADE_AGAIN,
	   "a NULL answer is empty");
}

static void test_followup(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: s\nKind: stages\nWeight: 10\n"
		"Stage: A = \\balpha\\b\nStage: B = \\bbravo\\b\n\n"
		"Criterion: k\nKind: keywords\nWeight: 10\nPattern: \\bguardrails?\\b\n\n"
		"Criterion: sum\nKind: keywords\nWeight: 10\nFollow-ups: skip\n"
		"Pattern: \\bsummary\\b\n\n"
		"Criterion: topic\nKind: expect\nWeight: 10\n",
		0);
	const struct question *q = question(
		"Id: f\nCategory: t\nPrompt: How would you launch the scooter fleet in Lisbon?\n"
		"Follow-up: Which guardrail would you watch after launch?\n"
		"Expect: the fleet = \\bfleet\\b\n");
	const char *a =
		"I would watch the guardrail on injuries per 10,000 rides every week, "
		"because a fast launch that hurts riders would close the city to us. "
		"The guardrail I pick is complaints from residents about parked scooters.";
	score_report_release(&rep);
	score_followup(&rep, r, q, q->follow_ups[0], a, strlen(a), -1, 0, &dl);
	ok(rep.followup, "scored as a follow-up");
	ok(item("s") && !item("s")->active,
	   "the main question's stage order does not apply");
	ok(item("topic") && !item("topic")->active, "nor its expectations");
	ok(item("sum") && !item("sum")->active,
	   "a criterion marked 'Follow-ups: skip' does not apply");
	ok(item("k") && item("k")->active && item("k")->met,
	   "the vocabulary criterion applies");
	ok(rep.topic_factor == 1,
	   "relevance is judged against the follow-up (%g)", rep.relevance);
	near(rep.score, 100, "a good follow-up answer can score full marks");
	score_report_release(&rep);
	score_answer(&rep, r, q, a, strlen(a), -1, 0, &dl);
	ok(rep.score < 60,
	   "the same answer scored against the main question scores low (%g)",
	   rep.score);
}

static void test_words(void)
{
	is_int(count_words("", 0), 0, "no words");
	is_int(count_words("don't stop", 10), 2, "an apostrophe joins");
	is_int(count_words("well-known person-weeks", 23), 2, "a hyphen joins");
	is_int(count_words("a - b -- c", 10), 3, "a lone dash is not a word");
	is_int(count_words("Z\xc3\xbcrich na\xc3\xafve", 14), 2,
	       "accented words");
	is_int(count_words("caf\xe9 \xff\xfe x", 10), 3,
	       "invalid UTF-8 bytes are letters");
	is_int(count_words("20% of 3,000", 12), 4, "numbers are words");
}

static void test_invalid_utf8(void)
{
	static const char bad[] =
		"Caf\xe9 \xff\xfe churn is our \x80\xc3 metric and we watch it "
		"every week with the team \xed\xa0\x80 today.";
	struct rubric *r = rub(
		HDR "Criterion: k\nKind: keywords\nWeight: 10\n"
		    "Pattern: \\bchurn\\b\nPattern: \\bweek\\b\n\n"
		    "Criterion: len\nKind: length\nWeight: 5\nIdeal: 5-50\n",
		0);
	struct sb js = SB_INIT;
	score_q(r, NULL, bad, sizeof(bad) - 1);
	is_int(rep.words, count_words(bad, sizeof(bad) - 1),
	       "words are counted");
	ok(rep.words >= 17, "... all of them (%u)", rep.words);
	ok(!strncmp(detail("k"), "2 of 1 concepts", 15),
	   "patterns match around invalid bytes (%s)", detail("k"));
	ok(rep.score > 0, "and it scores");
	score_report_json(&rep, "t", NULL, bad, sizeof(bad) - 1, &js);
	is_int(utf8_valid_prefix(js.buf, js.len), js.len,
	       "the JSON report is valid UTF-8");
	sb_release(&js);
}

static void test_match_limit(void)
{
	static const char src[] = HDR
		"Criterion: runaway\nKind: keywords\nWeight: 10\nPattern: (a+)+$\n\n" /* line 7 */
		"Criterion: other\nKind: keywords\nWeight: 10\nPattern: \\bdata\\b\n";
	int jit;
	for (jit = 0; jit < 2; jit++) {
		struct rubric *r = rub(src, jit);
		clock_t t0;
		double secs;
		size_t i, warn = 0;
		const struct diag *d = NULL;
		sb_reset(&ans);
		sb_adds(&ans,
			"We looked at the data for the whole next quarter. ");
		sb_adds(&ans, fill(1));
		for (i = 0; i < 40; i++)
			sb_addc(&ans, 'a');
		sb_adds(&ans, "!");
		t0 = clock();
		score_q(r, NULL, ans.buf, ans.len);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		for (i = 0; i < dl.nr; i++)
			if (dl.v[i].code == DIAG_W_MATCH_LIMIT) {
				warn++;
				d = &dl.v[i];
			}
		is_int(warn, 1,
		       jit ? "JIT: one match-limit warning"
			   : "one match-limit warning");
		ok(d && d->level == DIAG_WARNING && d->file &&
			   !strcmp(d->file, "r.txt") && d->line == 7,
		   "naming the rubric file and the pattern's line");
		ok(d && strstr(d->msg, "'t'"), "and the rubric");
		ok(item("runaway") && item("runaway")->limited &&
			   item("runaway")->earned == 0,
		   "the criterion scores 0");
		ok(item("other") && item("other")->met,
		   "the other criterion still scores");
		near(rep.score, 50, "half the points");
		ok(has_note("match limit"), "a note in the report");
		ok(secs < 2.0, "returns promptly (%.3f s)", secs);
	}
}

static void test_many_matches(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nCount: matches\nWeight: 10\nMin: 2\n"
		"Pattern: \\w+\n\nCriterion: p\nKind: penalty\nWeight: 5\nPattern: x\n",
		0);
	size_t i;
	sb_reset(&ans);
	for (i = 0; i < 20000; i++)
		sb_addf(&ans, "w%zu x. ", i);
	score_q(r, NULL, ans.buf, ans.len);
	ok(rep.score >= 0 && rep.score <= 100,
	   "a 20000-sentence answer scores");
	ok(item("k") && item("k")->nev <= 12, "evidence is capped");
}

/* A small JSON validator: enough to say score_report_json writes JSON. */
static const char *js_value(const char *p, int depth);

static const char *js_ws(const char *p)
{
	while (p && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
		p++;
	return p;
}

static const char *js_string(const char *p)
{
	int i;
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
						    p[i]) ||
					    !p[i])
						return NULL;
				p += 5;
			} else if (*p && strchr("\"\\/bfnrt", *p)) {
				p++;
			} else {
				return NULL;
			}
		} else {
			p++;
		}
	}
	return p + 1;
}

static const char *js_digits(const char *p)
{
	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

static const char *js_number(const char *p)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (!(p = js_digits(p)))
		return NULL;
	if (*p == '.' && !(p = js_digits(p + 1)))
		return NULL;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		p = js_digits(p);
	}
	return p;
}

static const char *js_value(const char *p, int depth)
{
	p = js_ws(p);
	if (!p || depth > 50)
		return NULL;
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		p = js_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				p = js_string(js_ws(p));
				p = js_ws(p);
				if (!p || *p++ != ':')
					return NULL;
			}
			p = js_ws(js_value(p, depth + 1));
			if (!p)
				return NULL;
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	if (*p == '"')
		return js_string(p);
	if (!strncmp(p, "true", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (!strncmp(p, "null", 4))
		return p + 4;
	return js_number(p);
}

static int json_valid(const char *s)
{
	const char *p = js_ws(js_value(s, 0));
	return p && !*p;
}

static void test_json(void)
{
	struct rubric *r = rub(
		HDR
		"Criterion: k\nKind: keywords\nWeight: 10\nLabel: Key \"terms\"\n"
		"Pattern: \\bchurn\\b\nPattern: \\bcohorts?\\b\n\n"
		"Criterion: topic\nKind: expect\nWeight: 5\n",
		0);
	const char *a =
		"We watched Churn by cohort \"weekly\"\tand then acted.\n" FILL
			FILL;
	struct sb js = SB_INIT, want = SB_INIT;
	size_t k, bad = 0;
	const struct score_item *it;
	ok(!json_valid("{\"a\":1,}") && !json_valid("[1 2]") &&
		   json_valid("{\"a\":[1,-2.5e3,null]}"),
	   "the test's validator works");
	score(r, a);
	score_report_json(&rep, "t", "q-1", a, strlen(a), &js);
	ok(json_valid(js.buf), "score_report_json writes valid JSON");
	ok(js.buf[0] == '{' && js.buf[js.len - 1] == '}', "one object");
	ok(strstr(js.buf, "\"score\":100,") != NULL, "score");
	ok(strstr(js.buf, "\"grade\":4,\"grade_name\":\"easy\"") != NULL,
	   "grade and its name");
	ok(strstr(js.buf, "\"rubric\":\"t\",\"question\":\"q-1\"") != NULL,
	   "rubric and question");
	ok(strstr(js.buf, "\"duration_ms\":null") != NULL,
	   "unknown duration is null");
	ok(strstr(js.buf, "\"label\":\"Key \\\"terms\\\"\"") != NULL,
	   "labels are escaped");
	ok(strstr(js.buf,
		  "\"kind\":\"expect\",\"weight\":5,\"earned\":0,\"raw\":null,\"points\":0,"
		  "\"active\":false") != NULL,
	   "an inactive criterion says so");
	it = item("k");
	for (k = 0; it && k < it->nev; k++) {
		const struct score_evidence *e = &it->ev[k];
		if (e->end > strlen(a) || e->start > e->end)
			bad++;
		sb_reset(&want);
		sb_adds(&want, "{\"text\":");
		sb_add(&want, "\"", 1);
		sb_add(&want, a + e->start, e->end - e->start);
		sb_addf(&want, "\",\"start\":%zu,\"end\":%zu}", e->start,
			e->end);
		if (!strstr(js.buf, want.buf))
			bad++;
	}
	ok(it && it->nev == 2 && !bad,
	   "evidence offsets slice the matched text, as in the JSON");
	ok(it && it->nev == 2 && !strncmp(a + it->ev[0].start, "Churn", 5) &&
		   it->ev[0].end - it->ev[0].start == 5 &&
		   !strncmp(a + it->ev[1].start, "cohort", 6),
	   "evidence is in answer order, on the matched words");
	sb_reset(&js);
	score_report_release(&rep);
	score_answer(&rep, r, NULL, a, strlen(a), 95000, 60, &dl);
	score_report_json(&rep, "t", NULL, a, strlen(a), &js);
	ok(json_valid(js.buf), "valid with a duration");
	ok(strstr(js.buf, "\"question\":null") &&
		   strstr(js.buf, "\"duration_ms\":95000") &&
		   strstr(js.buf, "\"over_s\":35") &&
		   strstr(js.buf, "\"time_limit_s\":60"),
	   "duration, time over and the limit");
	sb_reset(&js);
	score(r, "");
	score_report_json(&rep, "t", NULL, "", 0, &js);
	ok(json_valid(js.buf) && strstr(js.buf, "\"score\":0,"),
	   "the empty answer's report");
	sb_release(&js);
	sb_release(&want);
}

static void test_grade(void)
{
	is_int(score_grade(100, -1, 600), GRADE_EASY, "100: easy");
	is_int(score_grade(85, -1, 600), GRADE_EASY, "85: easy");
	is_int(score_grade(84.9, -1, 600), GRADE_GOOD, "84.9: good");
	is_int(score_grade(65, -1, 600), GRADE_GOOD, "65: good");
	is_int(score_grade(64.9, -1, 600), GRADE_HARD, "64.9: hard");
	is_int(score_grade(40, -1, 600), GRADE_HARD, "40: hard");
	is_int(score_grade(39.9, -1, 600), GRADE_AGAIN, "39.9: again");
	is_int(score_grade(0, -1, 600), GRADE_AGAIN, "0: again");
	is_int(score_grade(90, 120000, 60), GRADE_EASY,
	       "exactly twice the limit: no change");
	is_int(score_grade(90, 120001, 60), GRADE_GOOD,
	       "over twice the limit: one lower");
	is_int(score_grade(70, 600000, 60), GRADE_HARD, "good becomes hard");
	is_int(score_grade(10, 600000, 60), GRADE_AGAIN, "never below again");
	is_int(score_grade(90, 600000, 0), GRADE_EASY,
	       "no limit: no time rule");
	is_str(grade_name(GRADE_HARD), "hard", "grade_name");
	is_str(grade_name(9), "none", "grade_name out of range");
}

/* Scores stay in [0, 100] over many pseudo-random answers. */
static void test_property(void)
{
	static const char *const words[] = {"churn",
					    "retention",
					    "cohort",
					    "we",
					    "I",
					    "um",
					    "alpha",
					    "bravo",
					    "charlie",
					    "20%",
					    "3",
					    "the",
					    "data",
					    "team",
					    "plan",
					    "goal",
					    "users",
					    "caf\xc3\xa9",
					    "\xff",
					    "\xe2\x82\xac"
					    "5",
					    "a",
					    "aaaa",
					    "don't",
					    "x-y"};
	static const char *const seps[] = {" ",  " ",  " ",    " ",    ", ",
					   ". ", "; ", "\n",   "\n- ", "! ",
					   "? ", "/",  "\r\n", "\t"};
	struct rubric *r = rub(
		"Rubric: t\nMin-words: 20\nTime: 2m\n\n"
		"Criterion: k\nKind: keywords\nWeight: 10\nMin: 2\n"
		"Pattern: \\bchurn\\b\nPattern: \\bretention\\b\nPattern: \\bcohort\\b\n\n"
		"Criterion: n\nKind: keywords\nCount: matches\nWeight: 5\nMin: 3\n"
		"Where: last 50%\nPattern: \\d+%?\n\n"
		"Criterion: s\nKind: stages\nWeight: 10\n"
		"Stage: A = \\balpha\\b\nStage: B = \\bbravo\\b\nStage: C = \\bcharlie\\b\n\n"
		"Criterion: we\nKind: ratio\nWeight: 3\nPattern: \\bwe\\b\nAgainst: \\bI\\b\n\n"
		"Criterion: c\nKind: concreteness\nWeight: 4\nPattern: \\d\n\n"
		"Criterion: len\nKind: length\nWeight: 5\n\n"
		"Criterion: um\nKind: penalty\nWeight: 15\nPattern: \\bum\\b\n\n"
		"Criterion: runaway\nKind: penalty\nWeight: 5\nPattern: (a+)+$\n\n"
		"Criterion: topic\nKind: expect\nWeight: 8\n",
		1);
	const struct question *q =
		question("Id: p\nCategory: t\nPrompt: x\n"
			 "Expect: a = \\bplan\\b\nExpect: b = \\bgoal\\b\n");
	unsigned long long seed = 20260302;
	int n, out_of_range = 0, bad_items = 0, bad_ev = 0, bad_grade = 0,
	       bad_words = 0, unstable = 0;
	size_t i, k;
	if (!r || !q)
		return;
	for (n = 0; n < 300; n++) {
		unsigned nw, w;
		long dur;
		double first;
		sb_reset(&ans);
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		nw = (unsigned)(seed >> 33) % 400;
		for (w = 0; w < nw; w++) {
			seed = seed * 6364136223846793005ULL +
			       1442695040888963407ULL;
			sb_adds(&ans, words[(seed >> 33) %
					    (sizeof(words) / sizeof(*words))]);
			sb_adds(&ans, seps[(seed >> 45) %
					   (sizeof(seps) / sizeof(*seps))]);
		}
		dur = (long)((seed >> 20) % 3) - 1; /* -1, 0 or 1 ... */
		dur = dur < 0 ? -1 : dur * (long)((seed >> 24) % 600000);
		score_report_release(&rep);
		score_answer(&rep, r, n % 2 ? q : NULL, ans.buf, ans.len, dur,
			     0, &dl);
		first = rep.score;
		if (!(rep.score >= 0 && rep.score <= 100))
			out_of_range++;
		if (rep.grade != score_grade(rep.score, dur, rep.limit_s) ||
		    rep.grade < 1 || rep.grade > 4)
			bad_grade++;
		if (rep.words != count_words(ans.buf, ans.len))
			bad_words++;
		for (i = 0; i < rep.nitems; i++) {
			const struct score_item *it = &rep.items[i];
			if (it->active && (it->earned < -1e-9 ||
					   it->earned > it->weight + 1e-9))
				bad_items++;
			for (k = 0; k < it->nev; k++)
				if (it->ev[k].start > it->ev[k].end ||
				    it->ev[k].end > ans.len)
					bad_ev++;
		}
		score_report_release(&rep);
		score_answer(&rep, r, n % 2 ? q : NULL, ans.buf, ans.len, dur,
			     0, &dl);
		if (rep.score != first)
			unstable++;
	}
	is_int(out_of_range, 0, "300 random answers: score within [0, 100]");
	is_int(bad_items, 0, "... every criterion within [0, weight]");
	is_int(bad_ev, 0, "... evidence within the answer");
	is_int(bad_grade, 0, "... grade follows score_grade");
	is_int(bad_words, 0, "... words as count_words says");
	is_int(unstable, 0, "... the same answer scores the same twice");
}

int main(void)
{
	test_keywords();
	test_examples();
	test_instead();
	test_ucp_fast();
	test_count_matches();
	test_where();
	test_stages();
	test_ratio();
	test_concreteness();
	test_length();
	test_penalty();
	test_expect();
	test_relevance();
	test_lexicon();
	test_guards();
	test_floor_empty();
	test_followup();
	test_words();
	test_invalid_utf8();
	test_match_limit();
	test_many_matches();
	test_json();
	test_grade();
	test_property();
	score_report_release(&rep);
	rubric_set_release(&rs);
	qbank_release(&qb);
	diag_release(&dl);
	sb_release(&ans);
	return done_testing();
}
