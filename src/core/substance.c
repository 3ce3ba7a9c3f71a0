/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Per-sentence substance: numbers, names, actions, decisions, causes. */
#include "substance.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define WORD_MAX 40

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

size_t word_next(const char *s, size_t len, size_t i, size_t *start)
{
	while (i < len && !is_word_byte((unsigned char)s[i]))
		i++;
	if (i >= len)
		return len + 1;
	*start = i;
	while (i < len) {
		if (is_word_byte((unsigned char)s[i])) {
			i++;
		} else if ((s[i] == '\'' || s[i] == '-') && i + 1 < len &&
			   i > *start &&
			   is_word_byte((unsigned char)s[i + 1])) {
			i++;
		} else {
			break;
		}
	}
	return i;
}

/* Number words that state a quantity ("one" is left out: "one of the
 * most important ..." states none). */
static const char *const number_words[] = {
	"two",      "three",    "four",      "five",    "six",      "seven",
	"eight",    "nine",     "ten",       "eleven",  "twelve",   "fifteen",
	"twenty",   "thirty",   "forty",     "fifty",   "sixty",    "hundred",
	"hundreds", "thousand", "thousands", "million", "millions", "billion",
	"half",     "third",    "thirds",    "quarter", "dozen",    "twice",
	"double",   "doubled",  "halved",    "tripled", "fifth",    "tenth",
	NULL};

/* Framework and method names: naming one is not applying it. */
static const char *const framework_words[] = {"rice",
					      "ice",
					      "moscow",
					      "kano",
					      "aarrr",
					      "heart",
					      "circles",
					      "star",
					      "swot",
					      "pestle",
					      "pest",
					      "jtbd",
					      "okr",
					      "okrs",
					      "kpi",
					      "kpis",
					      "gtm",
					      "stp",
					      "raci",
					      "daci",
					      "smart",
					      "wsjf",
					      "4ps",
					      "5cs",
					      "3cs",
					      "porter",
					      "porter's",
					      "lean",
					      "agile",
					      "scrum",
					      "design-thinking",
					      NULL};

/* Slogans, abstract nouns and empty intensifiers: words that sound like
 * reasoning but commit to nothing checkable. */
static const char *const abstract_words[] = {"synergy",
					     "synergies",
					     "holistic",
					     "holistically",
					     "ecosystem",
					     "ecosystems",
					     "flywheel",
					     "mindset",
					     "paradigm",
					     "journey",
					     "journeys",
					     "empower",
					     "empowering",
					     "empowerment",
					     "leverage",
					     "leveraging",
					     "vision",
					     "mission",
					     "strategic",
					     "strategically",
					     "framework",
					     "frameworks",
					     "data-driven",
					     "data-informed",
					     "customer-centric",
					     "customer-obsessed",
					     "obsession",
					     "obsessed",
					     "innovation",
					     "innovative",
					     "transformation",
					     "transformative",
					     "scalable",
					     "robust",
					     "seamless",
					     "seamlessly",
					     "best-in-class",
					     "world-class",
					     "impactful",
					     "meaningful",
					     "alignment",
					     "aligned",
					     "aligning",
					     "collaboration",
					     "collaborative",
					     "collaboratively",
					     "transparency",
					     "empathy",
					     "empathetic",
					     "partnership",
					     "clarity",
					     "excellence",
					     "stakeholders",
					     "stakeholder",
					     "holistic",
					     "landscape",
					     "delight",
					     "delightful",
					     "crucial",
					     "essential",
					     "critical",
					     "importantly",
					     "ultimately",
					     "fundamentally",
					     "genuinely",
					     "truly",
					     "deeply",
					     "incredibly",
					     "extremely",
					     "really",
					     "continuous",
					     "continuously",
					     "iterative",
					     "iterate",
					     "iterating",
					     "nuanced",
					     "nuance",
					     "balance",
					     "balancing",
					     "holistic",
					     "north-star",
					     "value-add",
					     "mindful",
					     "passionate",
					     "passion",
					     "thoughtful",
					     "thoughtfully",
					     "proactive",
					     "proactively",
					     "intentional",
					     "intentionally",
					     "learnings",
					     "outcomes",
					     "insights",
					     "actionable",
					     "optimise",
					     "optimize",
					     "optimising",
					     "optimizing",
					     "best",
					     "practices",
					     "principles",
					     "approach",
					     "approaches",
					     "dynamics",
					     "complexity",
					     "complexities",
					     "key",
					     "vital",
					     "pivotal",
					     "paramount",
					     "cross-functional",
					     "buy-in",
					     "north",
					     "culture",
					     "growth-mindset",
					     "game-changer",
					     "disruptive",
					     "disrupt",
					     "unlock",
					     "unlocking",
					     "cutting-edge",
					     "next-level",
					     NULL};

/* Verbs of a concrete action after "I" or "we" (done or planned). */
static const char *const action_verbs[] = {
	"ran",          "run",         "built",      "build",      "shipped",
	"ship",         "launched",    "launch",     "cut",        "wrote",
	"write",        "called",      "call",       "met",        "meet",
	"sat",          "set",         "sent",       "send",       "pulled",
	"pull",         "interviewed", "interview",  "surveyed",   "survey",
	"tested",       "test",        "piloted",    "pilot",      "priced",
	"price",        "charged",     "charge",     "measured",   "measure",
	"tracked",      "track",       "added",      "add",        "removed",
	"remove",       "dropped",     "drop",       "deferred",   "defer",
	"moved",        "move",        "hired",      "hire",       "ranked",
	"rank",         "scored",      "score",      "sized",      "size",
	"segmented",    "segment",     "split",      "compared",   "compare",
	"offered",      "offer",       "gave",       "give",       "took",
	"take",         "made",        "spent",      "spend",      "showed",
	"show",         "brought",     "bring",      "asked",      "ask",
	"proposed",     "propose",     "booked",     "book",       "drew",
	"draw",         "mapped",      "map",        "picked",     "pick",
	"chose",        "choose",      "started",    "start",      "stopped",
	"stop",         "paused",      "pause",      "rolled",     "roll",
	"capped",       "cap",         "raised",     "raise",      "lowered",
	"lower",        "reduced",     "reduce",     "doubled",    "halved",
	"fixed",        "fix",         "hid",        "hide",       "killed",
	"kill",         "sold",        "sell",       "signed",     "sign",
	"agreed",       "traded",      "trade",      "lent",       "lend",
	"borrowed",     "swapped",     "swap",       "redesigned", "redesign",
	"rewrote",      "rewrite",     "dug",        "dig",        "found",
	"checked",      "check",       "reviewed",   "review",     "presented",
	"present",      "escalated",   "escalate",   "negotiated", "negotiate",
	"recommend",    "recommended", "pick",       "go",         "went",
	"put",          "keep",        "kept",       "held",       "hold",
	"owned",        "own",         "led",        "lead",       "prototyped",
	"prototype",    "sketched",    "sketch",     "estimate",   "estimated",
	"assume",       "assumed",     "count",      "counted",    "multiply",
	"divide",       "expect",      "target",     "targeted",   "instrument",
	"instrumented", "ab-tested",   "reran",      "rebuilt",    "merged",
	"migrated",     "migrate",     "deprecated", "deprecate",  "retired",
	"retire",       "email",       "emailed",    "phone",      "phoned",
	"visited",      "visit",       "shadowed",   "shadow",     NULL};

static const char *const decision_words[] = {
	"recommend",   "recommended", "recommendation", "decided",
	"decision",    "chose",       "choose",         "pick",
	"picked",      "prioritise",  "prioritize",     "prioritised",
	"prioritized", "defer",       "deferred",       "go",
	"call",        NULL};

static const char *const reason_words[] = {"because", "since",     "given",
					   "so",      "therefore", "otherwise",
					   "hence",   "thus",      NULL};

static const char *const cause_words[] = {
	"led",       "leads",  "lead",    "resulted", "results",
	"drove",     "drives", "drive",   "caused",   "causes",
	"due",       "meant",  "means",   "dropped",  "rose",
	"fell",      "grew",   "doubled", "halved",   "increased",
	"decreased", "lifted", "cut",     "reduced",  NULL};

/* A word lower-cased into buf (ASCII; the right single quote U+2019
 * becomes an apostrophe).  Returns its length, 0 if too long. */
static size_t lower_word(const char *w, size_t n, char *buf)
{
	size_t i, o = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c == 0xe2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
		}
		if (o + 1 >= WORD_MAX)
			return 0;
		buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return o;
}

static int has_digit(const char *w, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return 1;
	return 0;
}

/* "I", "we" and their contractions: the speaker as the subject. */
static int is_speaker(const char *lw)
{
	return !strcmp(lw, "i") || !strcmp(lw, "we") || !strcmp(lw, "i'd") ||
	       !strcmp(lw, "we'd") || !strcmp(lw, "i'll") ||
	       !strcmp(lw, "we'll") || !strcmp(lw, "i've") ||
	       !strcmp(lw, "we've");
}

/* Words that may stand between the speaker and the verb. */
static const char *const aux[] = {
	"would",      "will",  "then", "also",   "first",
	"quickly",    "just",  "had",  "have",   "then",
	"did",        "could", "can",  "should", "immediately",
	"personally", "still", "both", NULL};

/* Every word list above in one hash table, built once per analysis: a
 * word is looked up once, for all the lists, instead of compared with
 * each of the 450 list words (that scan was a seventh of the time to score an answer). */
enum {
	IN_NUMBER = 1 << 0,
	IN_FRAMEWORK = 1 << 1,
	IN_ABSTRACT = 1 << 2,
	IN_ACTION = 1 << 3,
	IN_DECISION = 1 << 4,
	IN_REASON = 1 << 5,
	IN_CAUSE = 1 << 6,
	IN_AUX = 1 << 7,
};
#define WORD_SLOTS 2048u /* a power of two, over twice the list words */

struct word_sets {
	const char *w[WORD_SLOTS];
	unsigned char in[WORD_SLOTS];
};

static unsigned word_hash(const char *w)
{
	uint32_t h = 2166136261u;
	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return (unsigned)(h & (WORD_SLOTS - 1));
}

static void sets_add(struct word_sets *ws, const char *const *list,
		     unsigned char bit)
{
	for (; *list; list++) {
		unsigned h = word_hash(*list);
		while (ws->w[h] && strcmp(ws->w[h], *list))
			h = (h + 1) & (WORD_SLOTS - 1);
		ws->w[h] = *list;
		ws->in[h] |= bit;
	}
}

static void sets_build(struct word_sets *ws)
{
	memset(ws, 0, sizeof(*ws));
	sets_add(ws, number_words, IN_NUMBER);
	sets_add(ws, framework_words, IN_FRAMEWORK);
	sets_add(ws, abstract_words, IN_ABSTRACT);
	sets_add(ws, action_verbs, IN_ACTION);
	sets_add(ws, decision_words, IN_DECISION);
	sets_add(ws, reason_words, IN_REASON);
	sets_add(ws, cause_words, IN_CAUSE);
	sets_add(ws, aux, IN_AUX);
}

/* Which lists hold w (IN_* bits). */
static unsigned lists_of(const struct word_sets *ws, const char *w)
{
	unsigned h = word_hash(w);
	while (ws->w[h]) {
		if (!strcmp(ws->w[h], w))
			return ws->in[h];
		h = (h + 1) & (WORD_SLOTS - 1);
	}
	return 0;
}

static int in_list(const struct word_sets *ws, const char *w, unsigned bit)
{
	return (lists_of(ws, w) & bit) != 0;
}

static int is_aux(const struct word_sets *ws, const char *lw)
{
	return in_list(ws, lw, IN_AUX);
}

static void analyze_seg(struct substance_seg *g, const char *s,
			const struct word_sets *ws)
{
	char lw[WORD_MAX], prev[WORD_MAX] = "", prev2[WORD_MAX] = "";
	size_t i = g->start, st, end;
	unsigned idx = 0, in;
	while ((end = word_next(s, g->end, i, &st)) <= g->end) {
		size_t n = end - st;
		const char *w = s + st;
		int first = idx == 0;
		i = end;
		g->words++;
		if (!lower_word(w, n, lw)) {
			idx++;
			continue;
		}
		in = lists_of(ws, lw);
		if (has_digit(w, n) || (in & IN_NUMBER)) {
			g->numbers++;
		} else if ((in & IN_FRAMEWORK) ||
			   (!strcmp(lw, "star") && !strcmp(prev, "north"))) {
			g->frameworks++;
		} else if ((in & IN_ABSTRACT)) {
			g->abstract++;
		} else if (!first && w[0] >= 'A' && w[0] <= 'Z' &&
			   !is_speaker(lw) &&
			   !(w[0] == 'I' && n > 1 && w[1] == '\'')) {
			g->names++;
		}
		if ((in & IN_ACTION) &&
		    (is_speaker(prev) ||
		     (is_aux(ws, prev) && is_speaker(prev2))))
			g->actions++;
		if ((in & IN_DECISION) ||
		    (!strcmp(lw, "should") && !strcmp(prev, "we")))
			g->decision = 1;
		if ((in & IN_REASON) ||
		    (!strcmp(lw, "that") && !strcmp(prev, "so")))
			g->reason = 1;
		if ((in & IN_CAUSE))
			g->cause = 1;
		memcpy(prev2, prev, sizeof prev);
		memcpy(prev, lw, sizeof prev);
		idx++;
	}
	/* the amounts $ £ € % sit outside words */
	for (i = g->start; i < g->end; i++)
		if (s[i] == '%' || s[i] == '$' ||
		    (i + 1 < g->end && (unsigned char)s[i] == 0xc2 &&
		     (unsigned char)s[i + 1] == 0xa3) ||
		    (i + 2 < g->end && (unsigned char)s[i] == 0xe2 &&
		     (unsigned char)s[i + 1] == 0x82 &&
		     (unsigned char)s[i + 2] == 0xac)) {
			g->numbers++;
			break;
		}
	if (g->numbers || g->actions || g->names >= 1)
		g->credit = 1;
	else if (g->decision && g->reason)
		g->credit = 0.75;
	else if (g->cause && !g->abstract)
		g->credit = 0.6;
	else if (g->decision || g->cause)
		g->credit = 0.4;
	else
		g->credit = SUBSTANCE_MIN_CREDIT;
	/* a sentence that is mostly slogans earns little even with a name */
	if (g->abstract * 4 > g->words && g->credit > 0.5 && !g->numbers &&
	    !g->actions)
		g->credit = 0.5;
}

void substance_analyze(struct substance *out, const char *s, size_t len,
		       const size_t (*segs)[2], size_t nseg)
{
	size_t k;
	unsigned words = 0, specific = 0, abstract = 0;
	double credit = 0;
	struct word_sets *ws = xmalloc(sizeof(*ws));
	sets_build(ws);
	memset(out, 0, sizeof(*out));
	(void)len;
	out->seg = xcalloc(nseg ? nseg : 1, sizeof(*out->seg));
	out->nseg = nseg;
	for (k = 0; k < nseg; k++) {
		struct substance_seg *g = &out->seg[k];
		g->start = segs[k][0];
		g->end = segs[k][1];
		analyze_seg(g, s, ws);
		words += g->words;
		specific += g->numbers + g->names + g->actions;
		abstract += g->abstract + g->frameworks;
		out->numbers += g->numbers;
		out->frameworks += g->frameworks;
		if (g->frameworks && g->numbers)
			out->frameworks_applied += g->frameworks;
		if (g->words >= 4) {
			out->sentences++;
			credit += g->credit;
		}
	}
	/* a framework named in a sentence without numbers may still be
	 * applied in the next one ("Reach: 40% of drivers ...") */
	for (k = 0; k + 1 < nseg; k++)
		if (out->seg[k].frameworks && !out->seg[k].numbers &&
		    out->seg[k + 1].numbers)
			out->frameworks_applied += out->seg[k].frameworks;
	free(ws);
	if (out->frameworks_applied > out->frameworks)
		out->frameworks_applied = out->frameworks;
	out->share = out->sentences ? credit / out->sentences : 0;
	out->specific_rate = words ? 100.0 * specific / words : 0;
	out->abstract_rate = words ? 100.0 * abstract / words : 0;
}

long substance_seg_at(const struct substance *sub, size_t off)
{
	size_t lo = 0, hi = sub->nseg;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sub->seg[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sub->nseg && sub->seg[lo].start <= off ? (long)lo : -1;
}

double substance_credit_at(const struct substance *sub, size_t off)
{
	long k = substance_seg_at(sub, off);
	return k < 0 ? 1 : sub->seg[k].credit;
}

void substance_release(struct substance *sub)
{
	free(sub->seg);
	memset(sub, 0, sizeof(*sub));
}
