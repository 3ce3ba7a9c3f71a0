/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scoring engine: criteria, guards against gaming, grade. */
#include "score.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pcre2.h>

#include "diag.h"
#include "json.h"
#include "model.h"
#include "pattern.h"
#include "qbank.h"
#include "rubric.h"
#include "sb.h"
#include "substance.h"
#include "xalloc.h"

/* Engine constants; docs/SCORING.md explains each one. */
#define MATCH_LIMIT 200000u /* backtracking steps per match attempt */
#define DEPTH_LIMIT 5000u
#define MAX_MATCHES 4096u  /* per pattern and answer */
#define MAX_EVIDENCE 12u   /* shown per criterion */
#define STAGE_MIN_WORDS 5u /* a stage counts inside a real sentence */
#define PROSE_MIN_WORDS 5u
#define PROSE_MAX_COMMAS 0.34 /* commas per word above this: a list */
#define PROSE_FULL 0.6        /* prose share that needs no guard */
#define DENSITY_FREE 8.0      /* distinct concepts per 100 words */
#define GUARD_FLOOR 0.15
#define RATE_MIN_WORDS 50u    /* penalties: rates over at least this */
#define SENTENCE_MIN_WORDS 4u /* concreteness: what counts as a sentence */
#define TERM_MIN_LEN 4u       /* a prompt's key word has 4+ letters */
#define TERMS_MAX 32u
#define TERMS_FULL 6.0 /* weight of key words found for full coverage */
/* ... or this share of the prompt's whole key-word weight when that is
 * more: a detailed prompt (25 key words) is not covered by the six
 * setting nouns an answer to a neighbouring question also uses */
#define TERMS_FULL_SHARE 0.6
#define TOPIC_EXPECT_SHARE 0.55 /* expectations: the strongest topic signal */
#define TOPIC_PROMPT_SHARE 0.3  /* the prompt's key words */
#define TOPIC_PROMPT_ONLY 0.75 /* no expectations: prompt words vs vocabulary */
#define TOPIC_SAY_OFF 0.6      /* below this factor the note says "not about" */
/* Focus: an answer about something else in the question's setting keeps
 * a few of its nouns but fills itself with words of its own; an answer
 * about the question, even a vague one, keeps returning to the
 * question's words.  Relevance = TOPIC_BASE_SHARE * (the parts above) +
 * TOPIC_FOCUS_GAIN * focus, capped at 1, and never below the parts alone
 * (docs/SCORING.md §3). */
#define TOPIC_BASE_SHARE 0.8
#define TOPIC_FOCUS_GAIN 2.0
#define WPM_MIN_MS 1000   /* shorter answering times give no words per minute */
#define WPM_TYPED_MAX 300 /* words per minute past any typist: pasted */
#define FOLLOWUP_MISS_BELOW 0.05 /* a follow-up's criterion this low ... */
#define FOLLOWUP_MISS_WEIGHT 0.5 /* ... weighs this much of its weight */
#define FOLLOWUP_TERMS_SURE \
	3u /* key words a follow-up needs to judge by them alone */

struct seg {
	size_t start, end;
	unsigned words;
	unsigned commas;
	unsigned first_word; /* index of its first word */
};

/* Everything derived from the answer once, shared by all criteria. */
struct text {
	const char *s;
	size_t len;
	size_t *word_at; /* start offset of each word */
	unsigned nwords;
	struct seg *seg;
	size_t nseg, aseg;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_match_context *mcw; /* the same with an offset limit, windows */
	struct pattern_index *ix; /* plain text: which literals it may hold */
	const struct rubric *r;
	struct diag_list *dl;
	struct substance sub;
	double expect_raw; /* share of Expect lines met, before credit */
	int followup;      /* scoring an answer to a follow-up */
	int plain;         /* no non-ASCII letter or digit (see plain_text) */
	const struct question *q; /* NULL: a rubric alone */
	unsigned limit_s;         /* the time limit the answer had */
	unsigned concepts;        /* distinct concepts the keywords met */
};

struct hit {
	size_t start, end;
};

struct hits {
	struct hit *v;
	size_t nr, alloc;
	int limited;
};

unsigned count_words(const char *text, size_t len)
{
	size_t i = 0, st;
	unsigned n = 0;
	while ((i = word_next(text, len, i, &st)) <= len)
		n++;
	return n;
}

static unsigned word_index(const struct text *t, size_t off)
{
	unsigned lo = 0, hi = t->nwords;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (t->word_at[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Segments: sentences ended by . ! ? ; (followed by space or the end)
 * and lines.  A bullet or number at a line start is not a word of note. */
static void segment(struct text *t)
{
	size_t i = 0, start = 0;
	const char *s = t->s;
	while (i <= t->len) {
		int cut = 0;
		size_t end = i;
		if (i == t->len || s[i] == '\n') {
			cut = 1;
		} else if ((s[i] == '.' || s[i] == '!' || s[i] == '?' ||
			    s[i] == ';') &&
			   (i + 1 == t->len || s[i + 1] == ' ' ||
			    s[i + 1] == '\n' || s[i + 1] == '\r' ||
			    s[i + 1] == '\t' || s[i + 1] == '"' ||
			    s[i + 1] == ')')) {
			cut = 1;
			end = i + 1;
		}
		if (cut) {
			struct seg g;
			unsigned w0 = word_index(t, start);
			unsigned w1 = word_index(t, end);
			size_t k;
			g.start = start;
			g.end = end;
			g.first_word = w0;
			g.words = w1 - w0;
			g.commas = 0;
			for (k = start; k < end; k++)
				if (s[k] == ',' || s[k] == '/' || s[k] == '|')
					g.commas++;
			if (g.words) {
				ALLOC_GROW(t->seg, t->nseg + 1, t->aseg);
				t->seg[t->nseg++] = g;
			}
			start = i + 1;
		}
		i++;
	}
}

/* The segment holding byte off: substance_analyze() was given these
 * segments, in this order, so its look-up answers for both. */
static const struct seg *seg_of(const struct text *t, size_t off)
{
	long k = substance_seg_at(&t->sub, off);
	return k < 0 ? NULL : &t->seg[k];
}

static int is_prose(const struct seg *g)
{
	return g->words >= PROSE_MIN_WORDS &&
	       (double)g->commas / g->words <= PROSE_MAX_COMMAS;
}

/* A code point that is neither a letter, a digit, a mark nor a connector
 * for PCRE2_UCP: outside ASCII, \\b, \\w, \\d and \\s treat it the same
 * with and without Unicode properties.  The ranges are Latin-1
 * punctuation and symbols, general punctuation, currency symbols,
 * arrows and most emoji; anything else counts as a letter. */
static int neutral_cp(uint32_t c)
{
	if (c >= 0xA0 && c <= 0xBF)
		return c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 &&
		       c != 0xB9 && c != 0xBA && c != 0xBC && c != 0xBD &&
		       c != 0xBE;
	if (c == 0xD7 || c == 0xF7)
		return 1;
	if (c >= 0x2000 && c <= 0x206F)
		return c != 0x203F && c != 0x2040 && c != 0x2054;
	return (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2190 && c <= 0x21FF) ||
	       (c >= 0x1F300 && c <= 0x1F5FF) || (c >= 0x1F600 && c <= 0x1F64F);
}

/* Does the text hold only ASCII and neutral characters (valid UTF-8)?
 * Then a pattern's `fast` code finds exactly what its `code` finds. */
static int plain_text(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		uint32_t c;
		size_t n, k;
		if (b < 0x80) {
			i++;
			continue;
		}
		n = b >= 0xF0 && b < 0xF5   ? 4
		    : b >= 0xE0             ? 3
		    : b >= 0xC2 && b < 0xE0 ? 2
					    : 0;
		if (!n || b >= 0xF5 || i + n > len)
			return 0;
		c = b & (0x7F >> n);
		for (k = 1; k < n; k++) {
			unsigned char d = (unsigned char)s[i + k];
			if ((d & 0xC0) != 0x80)
				return 0;
			c = c << 6 | (d & 0x3F);
		}
		if (!neutral_cp(c))
			return 0;
		i += n;
	}
	return 1;
}

/* The next match of one branch at or after off, kept while it is still
 * ahead: a match found from an earlier offset that starts at or after off
 * is the one a search from off finds. */
#define WINDOWS_MAX 64u

struct branch_next {
	size_t start, end;
	int state; /* 0 not searched, 1 a match, 2 no more */
	/* a plain text: where its literals are (pattern_windows()) */
	int windowed;
	size_t at[WINDOWS_MAX], nat, iat;
};

/* The first match of a branch at or after off.  With windows, only
 * where a match can start is searched: a window at a time, the windows
 * that overlap merged, each search kept to starts within it by PCRE2's
 * offset limit; the first window with a match holds the leftmost one. */
static int branch_search(struct text *t, const struct pattern_branch *br,
			 struct branch_next *nx, size_t off)
{
	pcre2_code *code = t->plain && br->fast ? br->fast : br->code;
	size_t lead = (size_t)br->lead;
	int rc = PCRE2_ERROR_NOMATCH;
	if (!nx->windowed)
		rc = pcre2_match(code, (PCRE2_SPTR)t->s, t->len, off, 0, t->md,
				 t->mc);
	while (nx->windowed && nx->iat < nx->nat && nx->at[nx->iat] < off)
		nx->iat++;
	while (nx->windowed && nx->iat < nx->nat) {
		size_t first = nx->iat, q = nx->at[nx->iat++];
		size_t from = q > lead ? q - lead : 0, to = q;
		if (from < off)
			from = off;
		while (nx->iat < nx->nat && nx->at[nx->iat] <= to + 1 + lead)
			to = nx->at[nx->iat++];
		while (from > off && ((unsigned char)t->s[from] & 0xC0) == 0x80)
			from--;
		pcre2_set_offset_limit(t->mcw, to);
		rc = pcre2_match(code, (PCRE2_SPTR)t->s, t->len, from, 0, t->md,
				 t->mcw);
		if (rc != PCRE2_ERROR_NOMATCH) {
			nx->iat = first; /* its later places may hold more */
			break;
		}
	}
	if (rc >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
		nx->start = ov[0];
		nx->end = ov[1];
	}
	return rc;
}

/* All matches of one pattern, non-overlapping, left to right.  A pattern
 * that hits the match limit is reported once and yields nothing.  The
 * branches of a split pattern are searched apart and merged: the leftmost
 * match wins, the first branch on a tie, as in the whole pattern; a
 * branch whose literals a plain text lacks is never searched. */
static void run_pattern(struct text *t, const struct pattern_prog *pp,
			const char *file, unsigned line, struct hits *out)
{
	struct branch_next nx[PATTERN_BRANCH_MAX];
	size_t off = 0, k, nb;
	out->nr = 0;
	out->limited = 0;
	if (!pp)
		return;
	nb = pp->nbr;
	for (k = 0; k < nb; k++) {
		nx[k].state = t->plain && !pattern_may_match(&pp->br[k], t->ix)
				      ? 2
				      : 0;
		nx[k].windowed = 0;
		nx[k].iat = 0;
		if (t->plain && !nx[k].state) {
			nx[k].nat = pattern_windows(&pp->br[k], t->ix, nx[k].at,
						    WINDOWS_MAX);
			nx[k].windowed = nx[k].nat != (size_t)-1;
			if (!nx[k].nat)
				nx[k].state = 2;
		}
	}
	while (off <= t->len && out->nr < MAX_MATCHES) {
		size_t best = nb;
		for (k = 0; k < nb; k++) {
			int rc;
			if (nx[k].state == 2)
				continue;
			if (nx[k].state == 0 || nx[k].start < off) {
				rc = branch_search(t, &pp->br[k], &nx[k], off);
				if (rc == PCRE2_ERROR_NOMATCH) {
					nx[k].state = 2;
					continue;
				}
				if (rc < 0) {
					PCRE2_UCHAR msg[160];
					pcre2_get_error_message(rc, msg,
								sizeof(msg));
					diag_add(
						t->dl, DIAG_WARNING,
						DIAG_W_MATCH_LIMIT, file, line,
						0,
						"pattern gave up on this answer (%s); its criterion in rubric '%s' scores 0",
						(char *)msg, t->r->name);
					out->nr = 0;
					out->limited = 1;
					return;
				}
				nx[k].state = 1;
			}
			if (best == nb || nx[k].start < nx[best].start)
				best = k;
		}
		if (best == nb)
			break;
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		out->v[out->nr].start = nx[best].start;
		out->v[out->nr].end = nx[best].end;
		out->nr++;
		if (nx[best].end > nx[best].start) {
			off = nx[best].end;
		} else {
			/* empty match: step over one UTF-8 character */
			off = nx[best].end + 1;
			while (off < t->len &&
			       ((unsigned char)t->s[off] & 0xC0) == 0x80)
				off++;
		}
	}
}

/* Pattern k of criterion c into h; a match limit marks the item. */
static void run_criterion_pattern(struct text *t, const struct criterion *c,
				  size_t k, struct score_item *it,
				  struct hits *h)
{
	run_pattern(t, c->pats[k].prog, t->r->file, c->pats[k].line, h);
	it->limited |= h->limited;
}

/* Words too common to say what a question is about. */
static const char *const stopwords[] = {
	"about",   "after",   "also",   "another", "been",   "before",
	"being",   "between", "both",   "come",    "could",  "describe",
	"does",    "doing",   "done",   "during",  "each",   "every",
	"explain", "first",   "from",   "give",    "going",  "have",
	"having",  "into",    "just",   "know",    "like",   "make",
	"more",    "most",    "must",   "need",    "next",   "only",
	"other",   "over",    "same",   "second",  "should", "some",
	"such",    "take",    "tell",   "than",    "that",   "their",
	"them",    "then",    "there",  "these",   "they",   "think",
	"this",    "those",   "three",  "through", "time",   "under",
	"very",    "walk",    "want",   "well",    "were",   "what",
	"when",    "where",   "which",  "while",   "whom",   "whose",
	"will",    "with",    "within", "without", "would",  "your",
	"yours",
};

/* Is the n bytes at w, in any case, one of the nlist lower-case words of
 * list (sorted by strcmp)? */
static int in_words(const char *const *list, size_t nlist, const char *w,
		    size_t n)
{
	char low[16];
	size_t k, lo = 0, hi = nlist;
	if (n >= sizeof(low))
		return 0;
	for (k = 0; k < n; k++)
		low[k] =
			w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] | 0x20) : w[k];
	low[n] = '\0';
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(low, list[mid]);
		if (!c)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int is_stopword(const char *w, size_t n)
{
	return in_words(stopwords, sizeof(stopwords) / sizeof(*stopwords), w,
			n);
}

/* Words that carry no topic in any answer: they count neither for nor
 * against its focus. */
static int is_filler(const char *w, size_t n)
{
	static const char *const fillers[] = {
		"actually", "always",     "anything",  "basically", "because",
		"even",     "everything", "good",      "great",     "here",
		"lots",     "many",       "maybe",     "might",     "much",
		"never",    "often",      "people",    "probably",  "really",
		"right",    "someone",    "something", "still",     "sure",
		"thing",    "things",     "usually",
	};
	return in_words(fillers, sizeof(fillers) / sizeof(*fillers), w, n);
}

/* Lower-cased ASCII stem of a word: common English endings dropped
 * (plurals, -ing, -ed, -ly, -ion, -ment, -ness, -ity, -ive, -al, -er), so
 * inflections and derivations meet: "prioritizing"/"prioritize",
 * "persuade"/"persuasion".  The right single quote and an apostrophe end
 * the word ("team's" -> "team").  Returns 0 for words too short or not
 * plain letters; stop words are left to the caller. */
static size_t stem(const char *w, size_t n, char *out, size_t cap)
{
	/* each ending with its length (SUF), so none is measured per word */
#define SUF(x)                   \
	{                        \
		x, sizeof(x) - 1 \
	}
	static const struct {
		const char *s;
		size_t n;
	} sufs[] = {SUF("ations"), SUF("ation"), SUF("itions"), SUF("ition"),
		    SUF("ions"),   SUF("ion"),   SUF("ments"),  SUF("ment"),
		    SUF("ness"),   SUF("ities"), SUF("ity"),    SUF("ives"),
		    SUF("ive"),    SUF("ally"),  SUF("als"),    SUF("al"),
		    SUF("ings"),   SUF("ing"),   SUF("ies"),    SUF("ied"),
		    SUF("ers"),    SUF("er"),    SUF("ed"),     SUF("es"),
		    SUF("s"),      SUF("ly"),    SUF("e")};
#undef SUF
	size_t i, k, o = 0;
	for (i = 0; i < n && o + 1 < cap; i++) {
		char c = w[i];
		if (c == '\'' || (unsigned char)c == 0xe2)
			break;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!(c >= 'a' && c <= 'z') && c != '-')
			return 0;
		out[o++] = c;
	}
	if (o < TERM_MIN_LEN || o + 1 >= cap)
		return 0;
	out[o] = '\0';
	for (k = 0; k < sizeof(sufs) / sizeof(*sufs); k++) {
		size_t l = sufs[k].n;
		if (o > l + 3 && out[o - 1] == sufs[k].s[l - 1] &&
		    !memcmp(out + o - l, sufs[k].s, l)) {
			o -= l;
			out[o] = '\0';
			break;
		}
	}
	return o;
}

/* Two stems name the same thing: equal, or one is a long prefix of the
 * other ("persuas"/"persuad" share "persua"; "subscript"/"subscrib" share
 * "subscri"). */
static int stems_meet(const char *a, const char *b)
{
	size_t i = 0, la, lb;
	while (a[i] && a[i] == b[i])
		i++;
	if (!a[i] && !b[i])
		return 1;
	if (i < 5) /* most pairs: no lengths needed */
		return 0;
	la = strlen(a);
	lb = strlen(b);
	return i + 2 >= (la < lb ? la : lb);
}

/* An acronym or a number is matched as written ("NPS", "B2B", "UK"). */
static int is_acronym(const char *w, size_t n)
{
	size_t i, upper = 0;
	if (n < 2 || n > 6)
		return 0;
	for (i = 0; i < n; i++) {
		if (w[i] >= 'A' && w[i] <= 'Z')
			upper++;
		else if (!(w[i] >= '0' && w[i] <= '9') &&
			 !(w[i] >= 'a' && w[i] <= 'z'))
			return 0;
	}
	return upper >= 2;
}

struct term {
	char s[24];
	double weight;
	int acronym;
	char initials[8]; /* "pm" for "product manager": its acronym */
};

/* Words every PM question shares: they say little about which one. */
static int is_generic(const char *stem_)
{
	static const char *const generic[] = {
		"product", "user",     "customer", "team",    "company",
		"featur",  "app",      "servic",   "busines", "people",
		"market",  "platform", "month",    "year",    "week",
		"today",   "weekly",   "work",     "would",   "your",
		"ho",      NULL};
	size_t k;
	for (k = 0; generic[k]; k++)
		if (!strcmp(stem_, generic[k]))
			return 1;
	return 0;
}

/* The key words of a prompt: content words of 4+ letters, stemmed, and
 * acronyms.  A capitalised word inside a sentence (a place, a brand) and
 * a number weigh half: an answer may name them another way ("330 million
 * people" for "the United States"). */
static size_t prompt_terms(const char *prompt, double weight,
			   struct term *terms, size_t nt, size_t max)
{
	size_t i = 0, st, n, k, plen = prompt ? strlen(prompt) : 0,
	       last_end = (size_t)-2;
	char buf[24];
	while (prompt && (i = word_next(prompt, plen, i, &st)) <= plen &&
	       nt < max) {
		const char *w = prompt + st;
		size_t wl = i - st;
		int acr = is_acronym(w, wl);
		int mid = st > 0 && w[0] >= 'A' && w[0] <= 'Z' &&
			  !(st >= 2 &&
			    (prompt[st - 2] == '.' || prompt[st - 2] == '?'));
		if (acr) {
			if (wl >= sizeof(buf))
				continue;
			memcpy(buf, w, wl);
			buf[wl] = '\0';
		} else {
			n = stem(w, wl, buf, sizeof(buf));
			if (!n || is_stopword(w, wl))
				continue;
		}
		for (k = 0; k < nt; k++)
			if (!strcmp(terms[k].s, buf))
				break;
		if (k < nt)
			continue;
		memcpy(terms[nt].s, buf, strlen(buf) + 1);
		terms[nt].acronym = acr;
		terms[nt].weight = weight * (mid && !acr ? 0.5 : 1) *
				   (is_generic(buf) ? 0.5 : 1);
		terms[nt].initials[0] = '\0';
		/* two content words in a row may be written as their initials */
		if (nt > 0 && !acr && !terms[nt - 1].acronym &&
		    last_end + 1 == st) {
			terms[nt].initials[0] = terms[nt - 1].s[0];
			terms[nt].initials[1] = buf[0];
			terms[nt].initials[2] = '\0';
		}
		last_end = i;
		nt++;
	}
	return nt;
}

/* ---- the lexicon: how common a prompt's words are in its bank ---- */

#define LEX_TERMS 96u       /* key words read from one prompt */
#define LEX_MIN_DOCS 20u    /* fewer prompts than this tell nothing */
#define LEX_WEIGHT_MIN 0.15 /* the weight of a word every prompt uses */

static int cmp_stem(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* The distinct stems counted in an open-addressed table: a bank of
 * 10,000 prompts has about 80,000 key words but only a few thousand
 * distinct ones, and a list of them all was the peak of a drill's
 * memory (5 MB). */
struct lexslot {
	char s[24];
	unsigned df; /* 0: an empty slot */
};

static size_t lexslot_find(const struct lexslot *t, size_t cap, const char *s)
{
	size_t i = (size_t)fnv1a64(s, strlen(s)) & (cap - 1);
	while (t[i].df && strcmp(t[i].s, s))
		i = (i + 1) & (cap - 1);
	return i;
}

void lexicon_build(struct lexicon *lx, const char *const *prompts, size_t n)
{
	struct term *terms = xcalloc(LEX_TERMS, sizeof(*terms));
	struct lexslot *t = xcalloc(1024, sizeof(*t));
	size_t i, k, cap = 1024, used = 0, nt;
	memset(lx, 0, sizeof(*lx));
	lx->ndocs = (unsigned)n;
	for (i = 0; i < n; i++) {
		nt = prompt_terms(prompts[i], 1.0, terms, 0, LEX_TERMS);
		for (k = 0; k < nt; k++) {
			size_t at;
			if (terms[k].acronym)
				continue;
			at = lexslot_find(t, cap, terms[k].s);
			if (!t[at].df) {
				memcpy(t[at].s, terms[k].s, sizeof(t[at].s));
				used++;
			}
			t[at].df++;
			if (2 * used > cap) {
				struct lexslot *old = t;
				size_t j, ocap = cap;
				cap *= 2;
				t = xcalloc(cap, sizeof(*t));
				for (j = 0; j < ocap; j++)
					if (old[j].df)
						t[lexslot_find(t, cap,
							       old[j].s)] =
							old[j];
				free(old);
			}
		}
	}
	free(terms);
	if (used) {
		/* sorted by stem, as lexicon_weight() searches it */
		for (i = 0, k = 0; i < cap; i++)
			if (t[i].df)
				t[k++] = t[i];
		qsort(t, used, sizeof(*t), cmp_stem);
		lx->stem = xmalloc(used * sizeof(*lx->stem));
		lx->df = xmalloc(used * sizeof(*lx->df));
		for (i = 0; i < used; i++) {
			memcpy(lx->stem[i], t[i].s, sizeof(t[i].s));
			lx->df[i] = t[i].df;
		}
		lx->n = used;
	}
	free(t);
}

double lexicon_weight(const struct lexicon *lx, const char *stem_)
{
	char(*hit)[24];
	double w;
	if (!lx || lx->ndocs < LEX_MIN_DOCS || !lx->n)
		return 1;
	hit = bsearch(stem_, lx->stem, lx->n, sizeof(*lx->stem), cmp_stem);
	if (!hit)
		return 1;
	w = log((double)lx->ndocs / lx->df[hit - lx->stem]) /
	    log((double)lx->ndocs);
	return fmax(LEX_WEIGHT_MIN, fmin(1.0, w));
}

void lexicon_release(struct lexicon *lx)
{
	free(lx->stem);
	free(lx->df);
	memset(lx, 0, sizeof(*lx));
}

/* How much of the prompt's key words the answer uses: the weight of the
 * terms found over the weight needed for full coverage. */
static double prompt_coverage(const struct text *t, const char *prompt,
			      const char *parent, unsigned *nterms,
			      unsigned *hits, double *focus)
{
	unsigned content = 0;
	double on_topic = 0;
	struct term terms[TERMS_MAX];
	unsigned found[TERMS_MAX];
	char buf[24], low[8];
	size_t st, n, k, nt;
	unsigned w;
	double have = 0, total = 0;
	nt = prompt_terms(prompt, 1.0, terms, 0, TERMS_MAX);
	/* a follow-up is read in the light of its main question */
	nt = prompt_terms(parent, 0.3, terms, nt, TERMS_MAX);
	for (k = 0; k < nt; k++)
		if (!terms[k].acronym)
			terms[k].weight *=
				lexicon_weight(t->r->lex, terms[k].s);
	*nterms = *hits = 0;
	memset(found, 0, sizeof(found));
	for (w = 0; w < t->nwords; w++) {
		size_t end = word_next(t->s, t->len, t->word_at[w], &st);
		int acr = is_acronym(t->s + st, end - st);
		n = stem(t->s + st, end - st, buf, sizeof(buf));
		low[0] = '\0';
		if (acr && end - st < sizeof(low)) {
			size_t c;
			for (c = 0; c < end - st; c++)
				low[c] = (char)(t->s[st + c] | 0x20);
			low[end - st] = '\0';
		}
		int content_word = n && !is_stopword(t->s + st, end - st) &&
				   !is_filler(t->s + st, end - st);
		/* every key word counts alike here: weighting by rarity,
		 * as coverage does, ranked the calibration sets worse */
		int met = 0;
		/* neither a stem nor an acronym: no key word can match it */
		for (k = 0; (n || acr) && k < nt; k++) {
			if (terms[k].acronym
				    ? (acr && end - st == strlen(terms[k].s) &&
				       !strncmp(t->s + st, terms[k].s,
						end - st))
				    : (n && stems_meet(terms[k].s, buf))) {
				found[k]++;
				met = 1;
			} else if (low[0] && terms[k].initials[0] &&
				   (!strcmp(low, terms[k].initials) ||
				    (low[strlen(low) - 1] == 's' &&
				     !strncmp(low, terms[k].initials,
					      strlen(low) - 1) &&
				     strlen(low) - 1 ==
					     strlen(terms[k].initials)))) {
				/* "PM" for "product manager": both words */
				found[k]++;
				if (k > 0)
					found[k - 1]++;
			}
		}
		if (content_word) {
			content++;
			on_topic += met;
		}
	}
	if (focus)
		*focus = content ? on_topic / content : 0;
	for (k = 0; k < nt; k++) {
		total += terms[k].weight;
		if (found[k]) {
			/* a subject the answer keeps returning to is its topic;
			 * a word used once may be a passing mention */
			have += terms[k].weight * (found[k] >= 2 ? 1.0 : 0.6);
			if (terms[k].weight >= 0.5)
				(*hits)++;
		}
		if (terms[k].weight >= 0.5)
			(*nterms)++;
	}
	if (total <= 0)
		return -1;
	return fmin(1.0, have / fmin(total, fmax(TERMS_FULL,
						 TERMS_FULL_SHARE * total)));
}

static int in_where(const struct text *t, const struct criterion *c, size_t off)
{
	double frac;
	if (c->where == WHERE_ANYWHERE || !t->nwords)
		return 1;
	frac = 100.0 * word_index(t, off) / t->nwords;
	if (c->where == WHERE_FIRST)
		return frac < c->where_pct;
	return frac >= 100.0 - c->where_pct;
}

static void add_ev(struct score_item *it, size_t start, size_t end,
		   const char *what)
{
	if (it->nev >= MAX_EVIDENCE)
		return;
	ALLOC_GROW(it->ev, it->nev + 1, it->aev);
	it->ev[it->nev].start = start;
	it->ev[it->nev].end = end;
	it->ev[it->nev].what = what;
	it->nev++;
}

static int cmp_ev(const void *a, const void *b)
{
	const struct score_evidence *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Case-folded (ASCII), space-collapsed copy of a match, for "distinct". */
static char *fold(const char *s, size_t n)
{
	struct sb b = SB_INIT;
	size_t i;
	int sp = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '-') {
			sp = 1;
			continue;
		}
		if (sp && b.len)
			sb_addc(&b, ' ');
		sp = 0;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		sb_addc(&b, c);
	}
	return sb_detach(&b, NULL);
}

static void set_detail(struct score_item *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_detail(struct score_item *it, const char *fmt, ...)
{
	va_list ap;
	free(it->detail);
	va_start(ap, fmt);
	it->detail = xstrvfmt(fmt, ap);
	va_end(ap);
}

static double frac_min(double got, double need)
{
	if (need <= 0)
		return got > 0 ? 1.0 : 0.0;
	return got >= need ? 1.0 : got / need;
}

static double eval_keywords(struct text *t, const struct criterion *c,
			    struct score_item *it)
{
	struct hits h = {0};
	char **seen = NULL;
	struct hit *taken = NULL;
	size_t nseen = 0, aseen = 0, ntaken = 0, ataken = 0, k, m, j;
	unsigned patterns_hit = 0;
	double need = c->min > 0 ? c->min : 1, got, credit = 0;

	for (k = 0; k < c->npats; k++) {
		int any = 0;
		double best = 0;
		run_criterion_pattern(t, c, k, it, &h);
		for (m = 0; m < h.nr; m++) {
			if (!in_where(t, c, h.v[m].start))
				continue;
			if (c->count_matches) {
				char *f;
				/* one claim matched by two patterns counts once */
				for (j = 0; j < ntaken; j++)
					if (h.v[m].start < taken[j].end &&
					    taken[j].start < h.v[m].end)
						break;
				if (j < ntaken)
					continue;
				ALLOC_GROW(taken, ntaken + 1, ataken);
				taken[ntaken++] = h.v[m];
				f = fold(t->s + h.v[m].start,
					 h.v[m].end - h.v[m].start);
				for (j = 0; j < nseen; j++)
					if (!strcmp(seen[j], f))
						break;
				if (j < nseen) {
					free(f);
					continue;
				}
				ALLOC_GROW(seen, nseen + 1, aseen);
				seen[nseen++] = f;
				add_ev(it, h.v[m].start, h.v[m].end, NULL);
			} else {
				/* a concept earns as much as the most
				 * substantive sentence that uses it */
				double cr = substance_credit_at(&t->sub,
								h.v[m].start);
				if (!any || cr > best) {
					if (any && it->nev)
						it->nev--;
					add_ev(it, h.v[m].start, h.v[m].end,
					       NULL);
					best = cr;
				}
			}
			any = 1;
		}
		patterns_hit += (unsigned)any;
		credit += best;
	}
	for (j = 0; j < nseen; j++)
		free(seen[j]);
	free(seen);
	free(taken);
	free(h.v);
	got = c->count_matches ? (double)nseen : (double)patterns_hit;
	if (!c->count_matches)
		t->concepts += patterns_hit;
	it->raw = frac_min(got, need);
	if (!c->count_matches && credit + 1e-9 < got)
		set_detail(
			it,
			"%g of %g concepts%s, %g of them in sentences that say something specific",
			got, need,
			c->where == WHERE_FIRST  ? " in the opening"
			: c->where == WHERE_LAST ? " in the closing"
						 : "",
			round(credit * 10) / 10);
	else
		set_detail(it, "%g of %g %s%s", got, need,
			   c->count_matches ? "distinct matches" : "concepts",
			   c->where == WHERE_FIRST  ? " in the opening"
			   : c->where == WHERE_LAST ? " in the closing"
						    : "");
	return frac_min(c->count_matches ? got : credit, need);
}

static double eval_stages(struct text *t, const struct criterion *c,
			  struct score_item *it)
{
	size_t n = c->npats, i, j, a, b, total = 0;
	struct hits *hs = xcalloc(n, sizeof(*hs));
	/* flattened (stage, position) nodes for the longest ordered chain */
	struct node {
		size_t stage, start, end;
		unsigned len;
		double val, sum;
		long prev;
	} *nd = NULL;
	size_t nn = 0, an = 0;
	long best = -1;
	unsigned best_len = 0;
	double best_sum = 0;
	double need = c->min > 0 ? c->min : (double)n;
	struct sb missing = SB_INIT, chain = SB_INIT;
	char *found;

	for (i = 0; i < n; i++) {
		run_pattern(t, c->pats[i].prog, t->r->file, c->pats[i].line,
			    &hs[i]);
		it->limited |= hs[i].limited;
		for (j = 0; j < hs[i].nr && j < 64; j++) {
			const struct seg *g = seg_of(t, hs[i].v[j].start);
			if (!g || g->words < STAGE_MIN_WORDS)
				continue;
			ALLOC_GROW(nd, nn + 1, an);
			nd[nn].stage = i;
			nd[nn].start = hs[i].v[j].start;
			nd[nn].end = hs[i].v[j].end;
			nd[nn].len = 1;
			nd[nn].val = nd[nn].sum =
				substance_credit_at(&t->sub, hs[i].v[j].start);
			nd[nn].prev = -1;
			nn++;
		}
	}
	/* nodes are grouped by stage in order; O(nn^2) is fine (<= 64/stage) */
	for (a = 0; a < nn; a++) {
		for (b = 0; b < a; b++)
			if (nd[b].stage < nd[a].stage &&
			    nd[b].start < nd[a].start &&
			    nd[b].sum + nd[a].val > nd[a].sum + 1e-12) {
				nd[a].sum = nd[b].sum + nd[a].val;
				nd[a].len = nd[b].len + 1;
				nd[a].prev = (long)b;
			}
		if (nd[a].sum > best_sum + 1e-12) {
			best_sum = nd[a].sum;
			best_len = nd[a].len;
			best = (long)a;
		}
	}
	{
		char *in_chain = xcalloc(n ? n : 1, 1);
		long k = best;
		size_t order[64], no = 0;
		while (k >= 0 && no < 64) {
			in_chain[nd[k].stage] = 1;
			order[no++] = (size_t)k;
			k = nd[k].prev;
		}
		while (no--) {
			size_t x = order[no];
			add_ev(it, nd[x].start, nd[x].end,
			       c->pats[nd[x].stage].label);
			sb_addf(&chain, "%s%s", chain.len ? " > " : "",
				c->pats[nd[x].stage].label);
		}
		for (i = 0; i < n; i++)
			if (!in_chain[i]) {
				sb_addf(&missing, "%s%s",
					missing.len ? ", " : "",
					c->pats[i].label);
				total++;
			}
		free(in_chain);
	}
	found = chain.len ? chain.buf : (char *)"none";
	if (missing.len)
		set_detail(
			it,
			"%u of %zu stages in order (%s); not found in order: %s",
			best_len, n, found, missing.buf);
	else
		set_detail(it, "%u of %zu stages in order (%s)", best_len, n,
			   found);
	sb_release(&missing);
	sb_release(&chain);
	for (i = 0; i < n; i++)
		free(hs[i].v);
	free(hs);
	free(nd);
	(void)total;
	it->raw = frac_min(best_len, need);
	return frac_min(best_sum, need);
}

static double eval_ratio(struct text *t, const struct criterion *c,
			 struct score_item *it)
{
	struct hits h = {0};
	size_t k, m, num = 0, den = 0;
	double need = c->min > 0 ? c->min : 1,
	       target = c->target > 0 ? c->target : 0.5;
	double share;
	for (k = 0; k < c->npats; k++) {
		run_criterion_pattern(t, c, k, it, &h);
		for (m = 0; m < h.nr; m++) {
			if (!in_where(t, c, h.v[m].start))
				continue;
			if (c->pats[k].against) {
				den++;
			} else {
				num++;
				if (m < 4)
					add_ev(it, h.v[m].start, h.v[m].end,
					       NULL);
			}
		}
	}
	free(h.v);
	share = num + den ? (double)num / (double)(num + den) : 0;
	set_detail(it, "%zu for, %zu against: %.0f%% (full at %.0f%%)", num,
		   den, 100 * share, 100 * target);
	if ((double)num < need)
		return 0;
	return frac_min(share, target);
}

static double eval_concreteness(struct text *t, const struct criterion *c,
				struct score_item *it)
{
	struct hits h = {0};
	size_t k, m, s, sentences = 0, concrete = 0;
	char *mark = xcalloc(t->nseg ? t->nseg : 1, 1);
	double target = c->target > 0 ? c->target : 0.5, share;
	for (k = 0; k < c->npats; k++) {
		run_criterion_pattern(t, c, k, it, &h);
		for (m = 0; m < h.nr; m++) {
			const struct seg *g = seg_of(t, h.v[m].start);
			if (!g || mark[g - t->seg])
				continue;
			mark[g - t->seg] = 1;
			add_ev(it, h.v[m].start, h.v[m].end, NULL);
		}
	}
	for (s = 0; s < t->nseg; s++) {
		if (t->seg[s].words < SENTENCE_MIN_WORDS)
			continue;
		sentences++;
		concrete += mark[s] ? 1u : 0u;
	}
	free(mark);
	free(h.v);
	share = sentences ? (double)concrete / (double)sentences : 0;
	set_detail(it, "%zu of %zu sentences concrete (%.0f%%; full at %.0f%%)",
		   concrete, sentences, 100 * share, 100 * target);
	return frac_min(share, target);
}

static double eval_length(struct text *t, const struct criterion *c,
			  struct score_item *it)
{
	unsigned lo = c->ideal_lo, hi = c->ideal_hi, floor_w = t->r->min_words;
	double w = t->nwords, f;
	if (!lo) {
		double minutes =
			t->limit_s ? t->limit_s / 60.0 : t->r->time_s / 60.0;
		unsigned a = c->wpm_lo ? c->wpm_lo : 20,
			 b = c->wpm_hi ? c->wpm_hi : 40;
		lo = (unsigned)lround(minutes * a);
		hi = (unsigned)lround(minutes * b);
	}
	if (hi < lo)
		hi = lo;
	if (floor_w >= lo)
		floor_w = lo / 2;
	/* No reward for length: a tight answer loses nothing here (the floor
	 * under length is applied to the whole score).  Only an answer far
	 * past what the time allows (twice the top) loses points, up to the
	 * whole weight at four times the top. */
	(void)floor_w;
	if (w <= 2.0 * hi)
		f = 0;
	else
		f = fmin(1.0, (w - 2.0 * hi) / (2.0 * hi));
	set_detail(it,
		   "%u words (typical %u-%u for the time; points off past %u)",
		   t->nwords, lo, hi, 2 * hi);
	return f;
}

static double eval_penalty(struct text *t, const struct criterion *c,
			   struct score_item *it)
{
	struct hits h = {0};
	size_t k, m, n = 0;
	double allow = c->allow >= 0 ? c->allow : 1;
	double full = c->full > allow ? c->full : allow + 4;
	double rate, f;
	for (k = 0; k < c->npats; k++) {
		run_criterion_pattern(t, c, k, it, &h);
		for (m = 0; m < h.nr; m++) {
			if (!in_where(t, c, h.v[m].start))
				continue;
			n++;
			add_ev(it, h.v[m].start, h.v[m].end, NULL);
		}
	}
	free(h.v);
	rate = 100.0 * (double)n /
	       (t->nwords > RATE_MIN_WORDS ? t->nwords : RATE_MIN_WORDS);
	f = (rate - allow) / (full - allow);
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	set_detail(it, "%zu hit%s, %.1f per 100 words (free up to %g)", n,
		   n == 1 ? "" : "s", rate, allow);
	return f;
}

static double eval_expect(struct text *t, const struct criterion *c,
			  struct score_item *it)
{
	const struct question *q = t->q;
	(void)c; /* the question's Expect lines, not the criterion's */
	struct hits h = {0};
	size_t k, got = 0, m;
	double credit = 0;
	struct sb missing = SB_INIT;
	for (k = 0; k < q->nexpect; k++) {
		run_pattern(t, q->expects[k].prog, q->file, q->expects[k].line,
			    &h);
		it->limited |= h.limited;
		if (h.nr) {
			size_t bi = 0;
			double best = 0;
			for (m = 0; m < h.nr; m++) {
				double cr = substance_credit_at(&t->sub,
								h.v[m].start);
				if (cr > best) {
					best = cr;
					bi = m;
				}
			}
			got++;
			credit += best;
			add_ev(it, h.v[bi].start, h.v[bi].end,
			       q->expects[k].label);
		} else {
			sb_addf(&missing, "%s%s", missing.len ? "; " : "",
				q->expects[k].label);
		}
	}
	free(h.v);
	if (missing.len)
		set_detail(it, "%zu of %zu; missing: %s", got, q->nexpect,
			   missing.buf);
	else
		set_detail(it, "%zu of %zu", got, q->nexpect);
	sb_release(&missing);
	t->expect_raw = (double)got / (double)q->nexpect;
	it->raw = t->expect_raw;
	return credit / (double)q->nexpect;
}

static void add_note(struct score_report *rep, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_note(struct score_report *rep, const char *fmt, ...)
{
	va_list ap;
	ALLOC_GROW(rep->notes, rep->nnotes + 1, rep->anotes);
	va_start(ap, fmt);
	rep->notes[rep->nnotes++] = xstrvfmt(fmt, ap);
	va_end(ap);
}

static int guarded(int kind)
{
	return kind == CRIT_KEYWORDS || kind == CRIT_STAGES ||
	       kind == CRIT_EXPECT || kind == CRIT_CONCRETENESS;
}

/* Criteria that take points off rather than earn them. */
static int deducts(int kind)
{
	return kind == CRIT_PENALTY || kind == CRIT_LENGTH;
}

static int applies_to_followup(const struct criterion *c)
{
	if (c->followups != FOLLOWUP_DEFAULT)
		return c->followups == FOLLOWUP_SCORE;
	return c->kind != CRIT_STAGES && c->kind != CRIT_EXPECT &&
	       c->kind != CRIT_LENGTH && c->where == WHERE_ANYWHERE;
}

/* Stage 1: words, segments and the substance of each segment. */
static void read_text(struct text *t, struct score_report *rep)
{
	size_t alloc = 0, pos = 0, st, i;
	size_t(*ranges)[2];
	unsigned prose_words = 0;
	while ((pos = word_next(t->s, t->len, pos, &st)) <= t->len) {
		ALLOC_GROW(t->word_at, t->nwords + 1, alloc);
		t->word_at[t->nwords++] = st;
	}
	rep->words = t->nwords;
	/* under a second, or faster than anyone types, is a paste or a
	 * pipe, not typing: no pace */
	if (rep->duration_ms >= WPM_MIN_MS)
		rep->wpm = t->nwords / ((double)rep->duration_ms / 60000.0);
	if (rep->wpm > WPM_TYPED_MAX)
		rep->wpm = 0;
	if (!t->nwords)
		return;
	segment(t);
	for (i = 0; i < t->nseg; i++)
		if (is_prose(&t->seg[i]))
			prose_words += t->seg[i].words;
	rep->sentences = (unsigned)t->nseg;
	rep->prose_share = (double)prose_words / t->nwords;
	ranges = xcalloc(t->nseg ? t->nseg : 1, sizeof(*ranges));
	for (i = 0; i < t->nseg; i++) {
		ranges[i][0] = t->seg[i].start;
		ranges[i][1] = t->seg[i].end;
	}
	substance_analyze(&t->sub, t->s, t->len, (const size_t(*)[2])ranges,
			  t->nseg);
	free(ranges);
	rep->substance = t->sub.share;
	rep->specific_rate = t->sub.specific_rate;
	rep->abstract_rate = t->sub.abstract_rate;
	rep->frameworks = t->sub.frameworks;
	rep->frameworks_applied = t->sub.frameworks_applied;
}

/* Stage 2: every active criterion's result f in [0, 1]. */
/* What each kind of criterion is judged by. */
static double (*const eval_of[CRIT_KIND_MAX])(struct text *,
					      const struct criterion *,
					      struct score_item *) = {
	[CRIT_KEYWORDS] = eval_keywords,
	[CRIT_STAGES] = eval_stages,
	[CRIT_RATIO] = eval_ratio,
	[CRIT_CONCRETENESS] = eval_concreteness,
	[CRIT_LENGTH] = eval_length,
	[CRIT_PENALTY] = eval_penalty,
	[CRIT_EXPECT] = eval_expect,
};

static void run_criteria(struct text *t, struct score_report *rep)
{
	size_t i;
	const struct rubric *r = t->r;
	t->md = pcre2_match_data_create(1, NULL);
	t->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(t->mc, MATCH_LIMIT);
	pcre2_set_depth_limit(t->mc, DEPTH_LIMIT);
	t->mcw = pcre2_match_context_copy(t->mc);
	if (t->plain) {
		t->ix = xmalloc(sizeof(*t->ix));
		pattern_index_build(t->ix, t->s, t->len);
	}
	for (i = 0; i < r->ncrit; i++) {
		const struct criterion *c = &r->crit[i];
		struct score_item *it = &rep->items[i];
		double f = 0;
		if (!it->active)
			continue;
		it->raw = -1;
		if (c->kind < CRIT_KIND_MAX && eval_of[c->kind])
			f = eval_of[c->kind](t, c, it);
		if (it->limited) {
			f = 0;
			add_note(
				rep,
				"criterion '%s' scored 0: one of its patterns hit the match limit (see warnings)",
				c->name);
		}
		it->earned = f * c->weight;
	}
	pcre2_match_data_free(t->md);
	pcre2_match_context_free(t->mc);
	pcre2_match_context_free(t->mcw);
	if (t->ix)
		pattern_index_release(t->ix);
	free(t->ix);
	t->md = NULL;
	t->mc = NULL;
	t->ix = NULL;
	t->mcw = NULL;
}

/* Stage 3: guards against keyword lists.  Little prose, or too many
 * concepts per word, discounts every criterion that counts vocabulary. */
static void apply_guards(struct text *t, struct score_report *rep,
			 unsigned concepts)
{
	rep->density = 100.0 * concepts / t->nwords;
	if (rep->prose_share < PROSE_FULL)
		rep->guard = fmax(GUARD_FLOOR, rep->prose_share / PROSE_FULL);
	if (rep->density > DENSITY_FREE && t->nwords < 400)
		rep->guard *= DENSITY_FREE / rep->density;
	if (rep->guard < GUARD_FLOOR)
		rep->guard = GUARD_FLOOR;
	if (rep->guard < 0.95 && rep->prose_share < PROSE_FULL)
		add_note(
			rep,
			"reads like a list of keywords (only %.0f%% of the words are in full sentences): vocabulary counts for %.0f%% here. Explain your reasoning in sentences.",
			100 * rep->prose_share, 100 * rep->guard);
	else if (rep->guard < 0.95)
		add_note(
			rep,
			"packs %.1f concepts into every 100 words, more than reasoning needs: vocabulary counts for %.0f%% here. Show how each idea applies to the question.",
			rep->density, 100 * rep->guard);
}

/* Stage 4: relevance.  Is this answer about *this* question?  Three
 * signals: the share of the question's Expect lines met, the prompt's key
 * words used (stems, acronyms; names weigh half), and the rubric's own
 * topic vocabulary (its first keywords criterion that counts concepts).
 * Expectations are the strongest: an answer that restates the prompt has
 * all its words. */
static void judge_relevance(struct text *t, struct score_report *rep,
			    const struct question *q, const char *followup)
{
	double e = -1, p, v = -1, vsum = 0, rel;
	size_t i, nv = 0;
	int focused;
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active)
			continue;
		if (it->kind == CRIT_EXPECT) {
			e = t->expect_raw;
		} else if ((it->kind == CRIT_STAGES ||
			    (it->kind == CRIT_KEYWORDS &&
			     !it->crit->count_matches &&
			     it->crit->where == WHERE_ANYWHERE)) &&
			   it->raw >= 0) {
			/* does the answer do what this kind of question needs
			 * (its stages and its rubric's own topics)? */
			vsum += it->raw;
			nv++;
		}
	}
	if (nv)
		v = vsum / (double)nv;
	p = prompt_coverage(t, followup ? followup : q->prompt,
			    followup ? q->prompt : NULL, &rep->prompt_terms,
			    &rep->prompt_hits, &rep->rel_focus);
	/* no key words in the prompt: nothing to be focused on */
	focused = p >= 0;
	if (p < 0)
		p = v >= 0 ? v : 1;
	else if (followup && q && rep->prompt_terms < FOLLOWUP_TERMS_SURE) {
		/*
		 * A follow-up of one or two key words ("What would you tell
		 * the stakeholder?") cannot tell an answer that says "them"
		 * from one about something else: its coverage is a weak
		 * signal, drawn, the fewer words it has, toward how much of
		 * the main question's subject the answer keeps.
		 */
		unsigned pt, ph;
		double main =
			prompt_coverage(t, q->prompt, NULL, &pt, &ph, NULL);
		double prior = fmin(1.0, 0.35 + (main > 0 ? main : 0));
		p = (p * rep->prompt_terms +
		     prior * (FOLLOWUP_TERMS_SURE - rep->prompt_terms)) /
		    FOLLOWUP_TERMS_SURE;
	}
	if (v < 0)
		v = p;
	rep->rel_expect = e;
	rep->rel_prompt = p;
	rep->rel_task = v;
	if (e >= 0)
		rel = TOPIC_EXPECT_SHARE * e + TOPIC_PROMPT_SHARE * p +
		      (1 - TOPIC_EXPECT_SHARE - TOPIC_PROMPT_SHARE) * v;
	else
		rel = TOPIC_PROMPT_ONLY * p + (1 - TOPIC_PROMPT_ONLY) * v;
	if (focused)
		rel = fmax(rel, fmin(1.0, TOPIC_BASE_SHARE * rel +
						  TOPIC_FOCUS_GAIN *
							  rep->rel_focus));
	rep->relevance = rel;
	rep->topic_factor = model_gate(t->r->model, rel);
	/* too few key words in a follow-up to be sure it is off-topic:
	 * say only that it keeps to few of the question's specifics */
	if (rep->topic_factor < TOPIC_SAY_OFF &&
	    !(followup && rep->prompt_terms < FOLLOWUP_TERMS_SURE))
		add_note(
			rep,
			"this answer does not seem to be about the question asked (%.0f%% relevant: %u of the %s's %u key words%s): the score is scaled by %.0f%%. Answer the question that was asked, with its specifics.",
			100 * rel, rep->prompt_hits,
			followup ? "follow-up" : "prompt", rep->prompt_terms,
			e >= 0 ? ", and the expectations below" : "",
			100 * rep->topic_factor);
	else if (rep->topic_factor < 0.95)
		add_note(
			rep,
			"only part of this answer is about the question's specifics (%u of the %s's %u key words%s): the score is scaled by %.0f%%. Tie each point to the case in the question.",
			rep->prompt_hits, followup ? "follow-up" : "prompt",
			rep->prompt_terms,
			e >= 0 ? ", and the expectations below" : "",
			100 * rep->topic_factor);
}

/* Stage 5: the total.  The fitted model (model.h) turns criterion
 * results and answer-wide features into a score; the gates (length
 * floor, relevance) scale it; penalties and overlength take points off. */
static void total(struct text *t, struct score_report *rep,
		  const struct model *m)
{
	struct model plain;
	struct model_input in;
	double deduct = 0, den = 0, mult;
	size_t i, n = 0, content = 0, half = 0;
	const struct rubric *r = t->r;
	if (!m) {
		model_init(&plain);
		m = &plain;
	}
	memset(&in, 0, sizeof(in));
	in.name = xcalloc(rep->nitems + 1, sizeof(*in.name));
	in.w = xcalloc(rep->nitems + 1, sizeof(*in.w));
	in.f = xcalloc(rep->nitems + 1, sizeof(*in.f));
	in.idx = xcalloc(rep->nitems + 1, sizeof(*in.idx));
	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		if (!it->active || deducts(it->kind))
			continue;
		if (guarded(it->kind))
			it->earned *= rep->guard;
		in.name[n] = it->name;
		in.w[n] = it->weight;
		in.f[n] = it->weight > 0 ? it->earned / it->weight : 0;
		/* a follow-up asks something narrower: what its answer has
		 * counts fully, what it leaves out of the main rubric counts
		 * half (it may not have been asked) */
		if (rep->followup && in.f[n] < FOLLOWUP_MISS_BELOW)
			in.w[n] *= FOLLOWUP_MISS_WEIGHT;
		it->model_weight = in.w[n];
		in.idx[n] = model_index(m, it->name);
		mult = in.idx[n] >= 0 ? m->crit[in.idx[n]].mult : 1;
		den += in.w[n] * mult;
		if (it->kind == CRIT_STAGES || it->kind == CRIT_KEYWORDS) {
			content++;
			half += in.f[n] >= 0.5;
		}
		n++;
	}
	in.n = n;
	in.x[MF_SUBSTANCE] = rep->substance;
	in.x[MF_SPECIFIC] = fmin(1.0, rep->specific_rate / 10.0);
	in.x[MF_ABSTRACT] = fmin(1.0, rep->abstract_rate / 10.0);
	in.x[MF_FRAMEWORKS] =
		fmin(1.0, (rep->frameworks - rep->frameworks_applied) / 3.0);
	in.x[MF_RELEVANCE] = rep->relevance >= 0 ? rep->relevance : 1;
	in.x[MF_BREADTH] = content ? (double)half / (double)content : 0;
	memcpy(rep->features, in.x, sizeof(rep->features));
	rep->linear = model_linear(m, &in);

	if (t->nwords < r->min_words) {
		/* a follow-up is a narrower exchange: a third of the floor */
		unsigned need = rep->followup ? r->min_words / 3 : r->min_words;
		if (t->nwords < need) {
			rep->length_factor = pow((double)t->nwords / need, 2);
			add_note(
				rep,
				"%u words is too short for this question (at least %u): the score is scaled by %.0f%%",
				t->nwords, need, 100 * rep->length_factor);
		}
	}
	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		long k;
		if (!it->active)
			continue;
		if (deducts(it->kind)) {
			deduct += it->earned;
			it->scaled = -it->earned;
			continue;
		}
		k = model_index(m, it->name);
		mult = k >= 0 ? m->crit[k].mult : 1;
		it->scaled = den > 0 ? m->scale * 100.0 * it->earned * mult /
					       den * rep->length_factor *
					       rep->topic_factor
				     : 0;
	}
	rep->score = fmin(100, fmax(0, rep->linear)) * rep->length_factor *
			     rep->topic_factor -
		     deduct;
	if (rep->score < 0)
		rep->score = 0;
	if (rep->score > 100)
		rep->score = 100;
	rep->score = round(rep->score * 10) / 10;
	rep->grade = score_grade(rep->score, rep->duration_ms, rep->limit_s);
	free(in.name);
	free(in.w);
	free(in.f);
	free(in.idx);
}

/* How well a feedback example fits the question: the bank weight of the
 * prompt's specific key words it shares (generic PM words and words most
 * prompts use do not count), 0 when it shares none. */
#define EXAMPLE_WORD_MIN 0.3 /* lexicon weight below this: too common */
static double example_fit(const struct lexicon *lx, const struct term *pt,
			  size_t npt, const char *example)
{
	struct term et[TERMS_MAX];
	size_t ne = prompt_terms(example, 1.0, et, 0, TERMS_MAX), i, k;
	double fit = 0, w;
	for (i = 0; i < npt; i++) {
		if (pt[i].acronym ? 0 : is_generic(pt[i].s))
			continue;
		w = pt[i].acronym ? 1 : lexicon_weight(lx, pt[i].s);
		if (w < EXAMPLE_WORD_MIN)
			continue;
		for (k = 0; k < ne; k++)
			if (pt[i].acronym ? (et[k].acronym &&
					     !strcmp(et[k].s, pt[i].s))
					  : (!et[k].acronym &&
					     stems_meet(et[k].s, pt[i].s)))
				break;
		if (k < ne)
			fit += w * pt[i].weight;
	}
	return fit;
}

/* The example of a criterion that fits this question best, or NULL: an
 * example about scooters helps with a scooter estimate and misleads
 * under a petrol-station one, so one that shares nothing is not shown. */
static const char *fitting_example(const struct text *t,
				   const struct criterion *c,
				   const char *prompt, const char *parent)
{
	struct term pt[TERMS_MAX];
	size_t npt, i;
	const char *best = NULL;
	double top = 0, f;
	if (!c->nexamples)
		return NULL;
	npt = prompt_terms(prompt, 1.0, pt, 0, TERMS_MAX);
	npt = prompt_terms(parent, 0.5, pt, npt, TERMS_MAX);
	for (i = 0; i < c->nexamples; i++) {
		f = example_fit(t->r->lex, pt, npt, c->examples[i]);
		if (f > top + 1e-9) {
			top = f;
			best = c->examples[i];
		}
	}
	return best;
}

/* What the answer did instead, when the criterion's Instead fact holds:
 * one sentence for the front of its feedback. */
static void say_instead(const struct text *t, const struct criterion *c,
			struct sb *fb)
{
	const struct substance *sub = &t->sub;
	unsigned we = 0, me = 0, decisions = 0, w;
	size_t i, st, end;
	switch (c->instead) {
	case INSTEAD_NONE:
		return;
	case INSTEAD_NUMBERS:
		if (!sub->numbers)
			sb_adds(fb, "This answer gives no figures at all.");
		return;
	case INSTEAD_DECISION:
		for (i = 0; i < sub->nseg; i++)
			decisions += sub->seg[i].decision != 0;
		if (!decisions)
			sb_adds(fb,
				"No sentence of this answer commits to a choice.");
		return;
	case INSTEAD_FRAMEWORKS:
		if (sub->frameworks > sub->frameworks_applied)
			sb_addf(fb,
				"This answer names %u framework%s without applying %s.",
				sub->frameworks - sub->frameworks_applied,
				sub->frameworks - sub->frameworks_applied == 1
					? ""
					: "s",
				sub->frameworks - sub->frameworks_applied == 1
					? "it"
					: "them");
		return;
	case INSTEAD_WE:
		for (w = 0; w < t->nwords; w++) {
			end = word_next(t->s, t->len, t->word_at[w], &st);
			if (end - st == 2 && !strncasecmp(t->s + st, "we", 2))
				we++;
			else if (end - st == 1 && t->s[st] == 'I')
				me++;
		}
		if (we >= 3 && we > 2 * me)
			sb_addf(fb,
				"This answer says \"we\" %u times and \"I\" %u: the interviewer cannot tell what you did.",
				we, me);
		return;
	}
}

/* Stage 6: what each criterion met, and feedback for what it missed:
 * what the answer did instead, the rubric's advice, then the example
 * that fits the question. */
static void feedback(struct text *t, struct score_report *rep,
		     const char *prompt, const char *parent)
{
	size_t i;
	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		const struct criterion *c = it->crit;
		if (!it->active)
			continue;
		if (deducts(it->kind))
			it->met = it->earned <= 1e-9;
		else
			it->met = it->earned >= it->weight - 1e-9;
		if (!it->met && (c->feedback || c->nexamples || c->instead)) {
			const char *ex = fitting_example(t, c, prompt, parent);
			struct sb fb = SB_INIT;
			say_instead(t, c, &fb);
			if (c->feedback) {
				if (fb.len)
					sb_addc(&fb, ' ');
				sb_adds(&fb, c->feedback);
			}
			if (ex) {
				if (fb.len)
					sb_addc(&fb, ' ');
				sb_adds(&fb, ex);
			}
			if (fb.len)
				it->feedback = sb_detach(&fb, NULL);
			else
				sb_release(&fb);
		}
		if (it->nev > 1)
			qsort(it->ev, it->nev, sizeof(*it->ev), cmp_ev);
	}
}

static int score_run(struct score_report *rep, const struct rubric *r,
		     const struct question *q, const char *followup,
		     const char *text, size_t len, long duration_ms,
		     unsigned limit_s, struct diag_list *dl)
{
	struct text t;
	size_t i;

	memset(rep, 0, sizeof(*rep));
	memset(&t, 0, sizeof(t));
	rep->duration_ms = duration_ms;
	rep->limit_s = limit_s ? limit_s : r->time_s;
	rep->guard = 1;
	rep->length_factor = 1;
	rep->relevance = -1;
	rep->rel_expect = rep->rel_prompt = rep->rel_task = -1;
	rep->rel_focus = 0;
	rep->topic_factor = 1;
	rep->followup = followup != NULL;
	t.s = text ? text : "";
	t.len = text ? len : 0;
	t.plain = plain_text(t.s, t.len);
	t.r = r;
	t.dl = dl;
	t.followup = followup != NULL;
	t.q = q;
	t.limit_s = rep->limit_s;

	rep->nitems = r->ncrit;
	rep->items = xcalloc(r->ncrit ? r->ncrit : 1, sizeof(*rep->items));
	for (i = 0; i < r->ncrit; i++) {
		const struct criterion *c = &r->crit[i];
		struct score_item *it = &rep->items[i];
		it->crit = c;
		it->name = c->name;
		it->label = c->label;
		it->kind = (int)c->kind;
		it->weight = c->weight;
		it->raw = -1;
		it->active = c->kind != CRIT_EXPECT || (q && q->nexpect);
		if (followup && !applies_to_followup(c))
			it->active = 0;
	}

	read_text(&t, rep);
	if (!t.nwords) {
		add_note(rep, "empty answer: there is nothing to score");
		for (i = 0; i < rep->nitems; i++)
			if (rep->items[i].active &&
			    !deducts(rep->items[i].kind))
				set_detail(&rep->items[i], "empty answer");
		rep->grade = GRADE_AGAIN;
	} else {
		run_criteria(&t, rep);
		apply_guards(&t, rep, t.concepts);
		if (q)
			judge_relevance(&t, rep, q, followup);
		total(&t, rep, r->model);
	}
	feedback(&t, rep,
		 followup ? followup
		 : q      ? q->prompt
			  : NULL,
		 followup && q ? q->prompt : NULL);
	substance_release(&t.sub);
	free(t.word_at);
	free(t.seg);
	return 0;
}

int score_answer(struct score_report *rep, const struct rubric *r,
		 const struct question *q, const char *text, size_t len,
		 long duration_ms, unsigned limit_s, struct diag_list *dl)
{
	return score_run(rep, r, q, NULL, text, len, duration_ms, limit_s, dl);
}

int score_followup(struct score_report *rep, const struct rubric *r,
		   const struct question *q, const char *followup,
		   const char *text, size_t len, long duration_ms,
		   unsigned limit_s, struct diag_list *dl)
{
	return score_run(rep, r, q, followup ? followup : "", text, len,
			 duration_ms, limit_s, dl);
}

void score_report_release(struct score_report *rep)
{
	size_t i;
	for (i = 0; i < rep->nitems; i++) {
		free(rep->items[i].detail);
		free(rep->items[i].feedback);
		free(rep->items[i].ev);
	}
	free(rep->items);
	for (i = 0; i < rep->nnotes; i++)
		free(rep->notes[i]);
	free(rep->notes);
	memset(rep, 0, sizeof(*rep));
}

int score_grade(double score, long duration_ms, unsigned limit_s)
{
	int g;
	if (score >= 85)
		g = GRADE_EASY;
	else if (score >= 65)
		g = GRADE_GOOD;
	else if (score >= 40)
		g = GRADE_HARD;
	else
		g = GRADE_AGAIN;
	/* Far over the limit: what took twice the time was not yet easy. */
	if (limit_s && duration_ms > 2000L * (long)limit_s && g > GRADE_AGAIN)
		g--;
	return g;
}

static const char *const grade_names[] = {"none", "again", "hard", "good",
					  "easy"};

const char *grade_name(int grade)
{
	return grade >= 0 && grade <= 4 ? grade_names[grade] : "none";
}

void score_report_json(const struct score_report *rep, const char *rubric,
		       const char *question, const char *text, size_t tlen,
		       struct sb *out)
{
	size_t i, k;
	sb_addc(out, '{');
	json_key_num(out, "score", rep->score, -1);
	sb_addf(out, ",\"grade\":%d", rep->grade);
	json_key_str(out, "grade_name", grade_name(rep->grade));
	sb_addf(out, ",\"words\":%u,\"sentences\":%u", rep->words,
		rep->sentences);
	json_key_str(out, "rubric", rubric);
	json_key_str(out, "question", question);
	if (rep->duration_ms >= 0) {
		sb_addf(out, ",\"duration_ms\":%ld,\"wpm\":", rep->duration_ms);
		json_num_or_null(out, round(rep->wpm * 10) / 10, rep->wpm > 0);
		sb_addf(out, ",\"over_s\":%ld",
			rep->duration_ms / 1000 - (long)rep->limit_s);
	} else {
		sb_adds(out,
			",\"duration_ms\":null,\"wpm\":null,\"over_s\":null");
	}
	sb_addf(out, ",\"time_limit_s\":%u", rep->limit_s);
	json_key(out, "guards");
	sb_addc(out, '{');
	json_key_num(out, "prose_share", rep->prose_share, 3);
	json_key_num(out, "density", rep->density, 2);
	json_key_num(out, "factor", rep->guard, 3);
	json_key_num(out, "length_factor", rep->length_factor, 3);
	json_key(out, "relevance");
	json_num_or_null(out, round(rep->relevance * 1000) / 1000,
			 rep->relevance >= 0);
	json_key_num(out, "topic_factor", rep->topic_factor, 3);
	json_key(out, "relevance_parts");
	sb_addc(out, '[');
	json_num(out, round(rep->rel_expect * 1000) / 1000);
	sb_addc(out, ',');
	json_num(out, round(rep->rel_prompt * 1000) / 1000);
	sb_addc(out, ',');
	json_num(out, round(rep->rel_task * 1000) / 1000);
	sb_addc(out, ']');
	json_key_num(out, "focus", rep->rel_focus, 3);
	sb_addf(out, ",\"prompt_terms\":%u,\"prompt_hits\":%u",
		rep->prompt_terms, rep->prompt_hits);
	sb_addf(out, "},\"followup\":%s", rep->followup ? "true" : "false");
	json_key(out, "substance");
	sb_addc(out, '{');
	json_key_num(out, "share", rep->substance, 3);
	json_key_num(out, "specific_per_100", rep->specific_rate, 2);
	json_key_num(out, "abstract_per_100", rep->abstract_rate, 2);
	sb_addf(out, ",\"frameworks\":%u,\"frameworks_applied\":%u}",
		rep->frameworks, rep->frameworks_applied);
	json_key(out, "model");
	sb_addc(out, '{');
	json_key_num(out, "linear", rep->linear, 4);
	json_key(out, "features");
	sb_addc(out, '{');
	for (i = 0; i < MODEL_NFEATURES; i++)
		json_key_num(out, model_feature_name((int)i), rep->features[i],
			     4);
	sb_adds(out, "}},\"criteria\":[");
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (i)
			sb_addc(out, ',');
		sb_addc(out, '{');
		json_key_str(out, "name", it->name);
		json_key_str(out, "label", it->label);
		json_key_str(out, "kind",
			     crit_kind_name((enum crit_kind)it->kind));
		json_key_num(out, "weight", it->weight, -1);
		json_key_num(out, "earned", it->earned, 4);
		json_key(out, "raw");
		json_num_or_null(out, round(it->raw * 1000) / 1000,
				 it->raw >= 0);
		json_key_num(out, "points", it->scaled, 2);
		sb_addf(out, ",\"active\":%s,\"met\":%s",
			it->active ? "true" : "false",
			it->met ? "true" : "false");
		json_key_num(out, "model_weight", it->model_weight, -1);
		json_key_str(out, "detail", it->detail);
		json_key_str(out, "feedback", it->feedback);
		sb_adds(out, ",\"evidence\":[");
		for (k = 0; k < it->nev; k++) {
			const struct score_evidence *e = &it->ev[k];
			if (k)
				sb_addc(out, ',');
			sb_adds(out, "{\"text\":");
			if (text && e->end <= tlen)
				json_strn(out, text + e->start,
					  e->end - e->start);
			else
				sb_adds(out, "null");
			sb_addf(out, ",\"start\":%zu,\"end\":%zu", e->start,
				e->end);
			if (e->what)
				json_key_str(out, "what", e->what);
			sb_addc(out, '}');
		}
		sb_adds(out, "]}");
	}
	sb_adds(out, "],\"notes\":[");
	for (i = 0; i < rep->nnotes; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, rep->notes[i]);
	}
	sb_adds(out, "]}");
}
