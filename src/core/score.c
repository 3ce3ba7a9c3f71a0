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
#include "qbank.h"
#include "rubric.h"
#include "sb.h"
#include "xalloc.h"

/* Engine constants; docs/SCORING.md explains each one. */
#define MATCH_LIMIT 200000u     /* backtracking steps per match attempt */
#define DEPTH_LIMIT 5000u
#define MAX_MATCHES 4096u       /* per pattern and answer */
#define MAX_EVIDENCE 12u        /* shown per criterion */
#define STAGE_MIN_WORDS 5u      /* a stage counts inside a real sentence */
#define PROSE_MIN_WORDS 5u
#define PROSE_MAX_COMMAS 0.34   /* commas per word above this: a list */
#define PROSE_FULL 0.6          /* prose share that needs no guard */
#define DENSITY_FREE 8.0        /* distinct concepts per 100 words */
#define GUARD_FLOOR 0.15
#define RATE_MIN_WORDS 50u      /* penalties: rates over at least this */
#define SENTENCE_MIN_WORDS 4u   /* concreteness: what counts as a sentence */
#define TERM_MIN_LEN 4u         /* a prompt's key word has 4+ letters */
#define TERMS_MAX 32u
#define TERMS_FULL 8u           /* key words found for full coverage */
#define TOPIC_LOW 0.15          /* relevance at or below: factor TOPIC_FLOOR */
#define TOPIC_FULL 0.6          /* relevance at or above: no discount */
#define TOPIC_EXPECT_SHARE 0.75 /* expectations weigh 3x the prompt's words */
#define TOPIC_FLOOR 0.2

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
	const struct rubric *r;
	struct diag_list *dl;
};

struct hit {
	size_t start, end;
};

struct hits {
	struct hit *v;
	size_t nr, alloc;
	int limited;
};

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* A word is a run of letters/digits (any non-ASCII byte counts as a letter,
 * so accented words and invalid bytes alike stay inside words); an
 * apostrophe or hyphen between two word bytes joins them. */
static size_t next_word(const char *s, size_t len, size_t i, size_t *start)
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
			   i > *start && is_word_byte((unsigned char)s[i + 1])) {
			i++;
		} else {
			break;
		}
	}
	return i;
}

unsigned count_words(const char *text, size_t len)
{
	size_t i = 0, st;
	unsigned n = 0;
	while ((i = next_word(text, len, i, &st)) <= len)
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

static const struct seg *seg_of(const struct text *t, size_t off)
{
	size_t lo = 0, hi = t->nseg;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->seg[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->nseg && t->seg[lo].start <= off ? &t->seg[lo] : NULL;
}

static int is_prose(const struct seg *g)
{
	return g->words >= PROSE_MIN_WORDS &&
	       (double)g->commas / g->words <= PROSE_MAX_COMMAS;
}

/* All matches of one pattern, non-overlapping, left to right.  A pattern
 * that hits the match limit is reported once and yields nothing. */
static void run_pattern(struct text *t, pcre2_code *code, const char *file,
			unsigned line, struct hits *out)
{
	size_t off = 0;
	out->nr = 0;
	out->limited = 0;
	if (!code)
		return;
	while (off <= t->len && out->nr < MAX_MATCHES) {
		int rc = pcre2_match(code, (PCRE2_SPTR)t->s, t->len, off, 0,
				     t->md, t->mc);
		PCRE2_SIZE *ov;
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			PCRE2_UCHAR msg[160];
			pcre2_get_error_message(rc, msg, sizeof(msg));
			diag_add(t->dl, DIAG_WARNING, DIAG_W_MATCH_LIMIT, file,
				 line, 0,
				 "pattern gave up on this answer (%s); its criterion in rubric '%s' scores 0",
				 (char *)msg, t->r->name);
			out->nr = 0;
			out->limited = 1;
			return;
		}
		ov = pcre2_get_ovector_pointer(t->md);
		ALLOC_GROW(out->v, out->nr + 1, out->alloc);
		out->v[out->nr].start = ov[0];
		out->v[out->nr].end = ov[1];
		out->nr++;
		if (ov[1] > ov[0]) {
			off = ov[1];
		} else {
			/* empty match: step over one UTF-8 character */
			off = ov[1] + 1;
			while (off < t->len &&
			       ((unsigned char)t->s[off] & 0xC0) == 0x80)
				off++;
		}
	}
}

/* Words too common to say what a question is about. */
static const char *const stopwords[] = {
	"about", "after", "also", "another", "been", "before", "being",
	"between", "both", "could", "does", "doing", "done", "during", "each",
	"every", "first", "from", "have", "having", "into", "just", "more",
	"most", "must", "only", "other", "over", "same", "second", "should",
	"some", "such", "than", "that", "their", "them", "then", "there",
	"these", "they", "this", "those", "three", "through", "under", "very",
	"well", "were", "what", "when", "where", "which", "while", "whom",
	"whose", "will", "with", "within", "without", "would", "your", "yours",
	"tell", "time", "describe", "explain", "walk", "think", "know", "like",
	"make", "want", "need", "give", "take", "come", "going", "next", NULL};

static int is_stopword(const char *w, size_t n)
{
	size_t k;
	for (k = 0; stopwords[k]; k++)
		if (strlen(stopwords[k]) == n && !strncasecmp(w, stopwords[k], n))
			return 1;
	return 0;
}

/* Lower-cased ASCII stem of a word: a plural, -ing, -ed or -ly ending
 * dropped, so "prioritizing" meets "prioritize" half way ("prioritiz").
 * Returns 0 for words too short or not plain letters; stop words are
 * left to the caller (only the prompt's words need the check). */
static size_t stem(const char *w, size_t n, char *out, size_t cap)
{
	static const char *const sufs[] = {"ing", "ies", "ed", "es", "s", "ly", "e"};
	size_t i, k;
	if (n >= cap || n < TERM_MIN_LEN)
		return 0;
	for (i = 0; i < n; i++) {
		char c = w[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!(c >= 'a' && c <= 'z'))
			return 0;
		out[i] = c;
	}
	out[n] = '\0';
	for (k = 0; k < sizeof(sufs) / sizeof(*sufs); k++) {
		size_t l = strlen(sufs[k]);
		if (n > l + 3 && !strcmp(out + n - l, sufs[k])) {
			n -= l;
			out[n] = '\0';
			break;
		}
	}
	return n;
}

/* The question's key words (stems of its prompt's content words) found
 * in the answer: a topic signal that needs no rubric. */
static void prompt_coverage(const struct text *t, const char *prompt,
			    unsigned *nterms, unsigned *hits)
{
	char terms[TERMS_MAX][24];
	char found[TERMS_MAX];
	char buf[24];
	size_t i = 0, st, n, k, plen = strlen(prompt), nt = 0;
	unsigned w;
	*nterms = *hits = 0;
	while ((i = next_word(prompt, plen, i, &st)) <= plen && nt < TERMS_MAX) {
		n = stem(prompt + st, i - st, buf, sizeof(buf));
		if (!n || is_stopword(prompt + st, i - st))
			continue;
		for (k = 0; k < nt; k++)
			if (!strcmp(terms[k], buf))
				break;
		if (k == nt)
			memcpy(terms[nt++], buf, n + 1);
	}
	memset(found, 0, sizeof(found));
	for (w = 0; w < t->nwords; w++) {
		size_t end = next_word(t->s, t->len, t->word_at[w], &st);
		n = stem(t->s + st, end - st, buf, sizeof(buf));
		if (!n)
			continue;
		for (k = 0; k < nt; k++)
			if (!found[k] && !strcmp(terms[k], buf)) {
				found[k] = 1;
				(*hits)++;
			}
	}
	*nterms = (unsigned)nt;
}

static int in_where(const struct text *t, const struct criterion *c,
		    size_t off)
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
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
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
			    struct score_item *it, unsigned *concepts)
{
	struct hits h = {0};
	char **seen = NULL;
	struct hit *taken = NULL;
	size_t nseen = 0, aseen = 0, ntaken = 0, ataken = 0, k, m, j;
	unsigned patterns_hit = 0;
	double need = c->min > 0 ? c->min : 1, got;

	for (k = 0; k < c->npats; k++) {
		int any = 0;
		run_pattern(t, c->pats[k].code, t->r->file, c->pats[k].line, &h);
		it->limited |= h.limited;
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
			} else if (!any) {
				add_ev(it, h.v[m].start, h.v[m].end, NULL);
			}
			any = 1;
		}
		patterns_hit += (unsigned)any;
	}
	for (j = 0; j < nseen; j++)
		free(seen[j]);
	free(seen);
	free(taken);
	free(h.v);
	got = c->count_matches ? (double)nseen : (double)patterns_hit;
	if (!c->count_matches)
		*concepts += patterns_hit;
	set_detail(it, "%g of %g %s%s", got, need,
		   c->count_matches ? "distinct matches" : "concepts",
		   c->where == WHERE_FIRST ? " in the opening"
		   : c->where == WHERE_LAST ? " in the closing" : "");
	return frac_min(got, need);
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
		long prev;
	} *nd = NULL;
	size_t nn = 0, an = 0;
	long best = -1;
	unsigned best_len = 0;
	double need = c->min > 0 ? c->min : (double)n;
	struct sb missing = SB_INIT, chain = SB_INIT;
	char *found;

	for (i = 0; i < n; i++) {
		run_pattern(t, c->pats[i].code, t->r->file, c->pats[i].line,
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
			nd[nn].prev = -1;
			nn++;
		}
	}
	/* nodes are grouped by stage in order; O(nn^2) is fine (<= 64/stage) */
	for (a = 0; a < nn; a++) {
		for (b = 0; b < a; b++)
			if (nd[b].stage < nd[a].stage &&
			    nd[b].start < nd[a].start &&
			    nd[b].len + 1 > nd[a].len) {
				nd[a].len = nd[b].len + 1;
				nd[a].prev = (long)b;
			}
		if (nd[a].len > best_len) {
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
			add_ev(it, nd[x].start, nd[x].end, c->pats[nd[x].stage].label);
			sb_addf(&chain, "%s%s", chain.len ? " > " : "",
				c->pats[nd[x].stage].label);
		}
		for (i = 0; i < n; i++)
			if (!in_chain[i]) {
				sb_addf(&missing, "%s%s", missing.len ? ", " : "",
					c->pats[i].label);
				total++;
			}
		free(in_chain);
	}
	found = chain.len ? chain.buf : (char *)"none";
	if (missing.len)
		set_detail(it, "%u of %zu stages in order (%s); not found in order: %s",
			   best_len, n, found, missing.buf);
	else
		set_detail(it, "%u of %zu stages in order (%s)", best_len, n, found);
	sb_release(&missing);
	sb_release(&chain);
	for (i = 0; i < n; i++)
		free(hs[i].v);
	free(hs);
	free(nd);
	(void)total;
	return frac_min(best_len, need);
}

static double eval_ratio(struct text *t, const struct criterion *c,
			 struct score_item *it)
{
	struct hits h = {0};
	size_t k, m, num = 0, den = 0;
	double need = c->min > 0 ? c->min : 1, target = c->target > 0 ? c->target : 0.5;
	double share;
	for (k = 0; k < c->npats; k++) {
		run_pattern(t, c->pats[k].code, t->r->file, c->pats[k].line, &h);
		it->limited |= h.limited;
		for (m = 0; m < h.nr; m++) {
			if (!in_where(t, c, h.v[m].start))
				continue;
			if (c->pats[k].against) {
				den++;
			} else {
				num++;
				if (m < 4)
					add_ev(it, h.v[m].start, h.v[m].end, NULL);
			}
		}
	}
	free(h.v);
	share = num + den ? (double)num / (double)(num + den) : 0;
	set_detail(it, "%zu for, %zu against: %.0f%% (full at %.0f%%)", num, den,
		   100 * share, 100 * target);
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
		run_pattern(t, c->pats[k].code, t->r->file, c->pats[k].line, &h);
		it->limited |= h.limited;
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

static double eval_length(const struct text *t, const struct criterion *c,
			  unsigned limit_s, struct score_item *it)
{
	unsigned lo = c->ideal_lo, hi = c->ideal_hi, floor_w = t->r->min_words;
	double w = t->nwords, f;
	if (!lo) {
		double minutes = limit_s ? limit_s / 60.0 : t->r->time_s / 60.0;
		unsigned a = c->wpm_lo ? c->wpm_lo : 20, b = c->wpm_hi ? c->wpm_hi : 40;
		lo = (unsigned)lround(minutes * a);
		hi = (unsigned)lround(minutes * b);
	}
	if (hi < lo)
		hi = lo;
	if (floor_w >= lo)
		floor_w = lo / 2;
	if (w < floor_w)
		f = 0;
	else if (w < lo)
		f = (w - floor_w) / (double)(lo - floor_w);
	else if (w <= hi)
		f = 1;
	else
		f = fmax(0.5, 1 - 0.5 * (w - hi) / hi);
	set_detail(it, "%u words (ideal %u-%u)", t->nwords, lo, hi);
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
		run_pattern(t, c->pats[k].code, t->r->file, c->pats[k].line, &h);
		it->limited |= h.limited;
		for (m = 0; m < h.nr; m++) {
			if (!in_where(t, c, h.v[m].start))
				continue;
			n++;
			add_ev(it, h.v[m].start, h.v[m].end, NULL);
		}
	}
	free(h.v);
	rate = 100.0 * (double)n / (t->nwords > RATE_MIN_WORDS ? t->nwords : RATE_MIN_WORDS);
	f = (rate - allow) / (full - allow);
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	set_detail(it, "%zu hit%s, %.1f per 100 words (free up to %g)", n,
		   n == 1 ? "" : "s", rate, allow);
	return f;
}

static double eval_expect(struct text *t, const struct question *q,
			  struct score_item *it)
{
	struct hits h = {0};
	size_t k, got = 0;
	struct sb missing = SB_INIT;
	for (k = 0; k < q->nexpect; k++) {
		run_pattern(t, q->expects[k].code, q->file, q->expects[k].line, &h);
		it->limited |= h.limited;
		if (h.nr) {
			got++;
			add_ev(it, h.v[0].start, h.v[0].end, q->expects[k].label);
		} else {
			sb_addf(&missing, "%s%s", missing.len ? "; " : "",
				q->expects[k].label);
		}
	}
	free(h.v);
	if (missing.len)
		set_detail(it, "%zu of %zu; missing: %s", got, q->nexpect, missing.buf);
	else
		set_detail(it, "%zu of %zu", got, q->nexpect);
	sb_release(&missing);
	return (double)got / (double)q->nexpect;
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

int score_answer(struct score_report *rep, const struct rubric *r,
		 const struct question *q, const char *text, size_t len,
		 long duration_ms, unsigned limit_s, struct diag_list *dl)
{
	struct text t;
	size_t i, st, pos = 0;
	double possible = 0, earned = 0, penalty = 0, raw;
	unsigned concepts = 0, prose_words = 0;

	memset(rep, 0, sizeof(*rep));
	memset(&t, 0, sizeof(t));
	rep->duration_ms = duration_ms;
	rep->limit_s = limit_s ? limit_s : r->time_s;
	rep->guard = 1;
	rep->length_factor = 1;
	rep->relevance = -1;
	rep->topic_factor = 1;
	t.s = text ? text : "";
	t.len = text ? len : 0;
	t.r = r;
	t.dl = dl;

	/* words and their offsets */
	{
		size_t alloc = 0;
		while ((pos = next_word(t.s, t.len, pos, &st)) <= t.len) {
			ALLOC_GROW(t.word_at, t.nwords + 1, alloc);
			t.word_at[t.nwords++] = st;
		}
	}
	rep->words = t.nwords;
	if (duration_ms > 0)
		rep->wpm = t.nwords / ((double)duration_ms / 60000.0);

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
		it->active = c->kind != CRIT_EXPECT || (q && q->nexpect);
	}

	if (!t.nwords) {
		add_note(rep, "empty answer: there is nothing to score");
		for (i = 0; i < rep->nitems; i++)
			if (rep->items[i].active && rep->items[i].kind != CRIT_PENALTY)
				set_detail(&rep->items[i], "empty answer");
		rep->grade = GRADE_AGAIN;
		free(t.word_at);
		goto feedback;
	}

	segment(&t);
	for (i = 0; i < t.nseg; i++)
		if (is_prose(&t.seg[i]))
			prose_words += t.seg[i].words;
	rep->sentences = (unsigned)t.nseg;
	rep->prose_share = (double)prose_words / t.nwords;

	t.md = pcre2_match_data_create(1, NULL);
	t.mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(t.mc, MATCH_LIMIT);
	pcre2_set_depth_limit(t.mc, DEPTH_LIMIT);

	for (i = 0; i < r->ncrit; i++) {
		const struct criterion *c = &r->crit[i];
		struct score_item *it = &rep->items[i];
		double f = 0;
		if (!it->active)
			continue;
		switch (c->kind) {
		case CRIT_KEYWORDS:
			f = eval_keywords(&t, c, it, &concepts);
			break;
		case CRIT_STAGES:
			f = eval_stages(&t, c, it);
			break;
		case CRIT_RATIO:
			f = eval_ratio(&t, c, it);
			break;
		case CRIT_CONCRETENESS:
			f = eval_concreteness(&t, c, it);
			break;
		case CRIT_LENGTH:
			f = eval_length(&t, c, rep->limit_s, it);
			break;
		case CRIT_PENALTY:
			f = eval_penalty(&t, c, it);
			break;
		case CRIT_EXPECT:
			f = eval_expect(&t, q, it);
			break;
		case CRIT_KIND_MAX:
			break;
		}
		if (it->limited) {
			f = 0;
			add_note(rep, "criterion '%s' scored 0: one of its patterns hit the match limit (see warnings)",
				 c->name);
		}
		it->earned = f * c->weight;
	}

	/* Guards against keyword lists: little prose, or too many concepts
	 * per word, discounts every criterion that counts vocabulary. */
	rep->density = 100.0 * concepts / t.nwords;
	if (rep->prose_share < PROSE_FULL)
		rep->guard = fmax(GUARD_FLOOR, rep->prose_share / PROSE_FULL);
	if (rep->density > DENSITY_FREE && t.nwords < 400)
		rep->guard *= DENSITY_FREE / rep->density;
	if (rep->guard < GUARD_FLOOR)
		rep->guard = GUARD_FLOOR;
	if (rep->guard < 0.95 && rep->prose_share < PROSE_FULL)
		add_note(rep, "reads like a list of keywords (only %.0f%% of the words are in full sentences): vocabulary counts for %.0f%% here. Explain your reasoning in sentences.",
			 100 * rep->prose_share, 100 * rep->guard);
	else if (rep->guard < 0.95)
		add_note(rep, "packs %.1f concepts into every 100 words, more than reasoning needs: vocabulary counts for %.0f%% here. Show how each idea applies to the question.",
			 rep->density, 100 * rep->guard);

	/* Relevance: is this answer about *this* question?  The share of its
	 * expectations met and of the prompt's key words used, weighted.  A
	 * fluent answer to another question scores well on structure and
	 * vocabulary; this is what tells it apart. */
	if (q) {
		double e = -1, p = -1;
		for (i = 0; i < rep->nitems; i++)
			if (rep->items[i].kind == CRIT_EXPECT && rep->items[i].active &&
			    q->nexpect)
				/* not yet discounted by the guard */
				e = rep->items[i].earned / rep->items[i].weight;
		prompt_coverage(&t, q->prompt, &rep->prompt_terms, &rep->prompt_hits);
		if (rep->prompt_terms)
			p = fmin(1.0, (double)rep->prompt_hits /
					      fmin((double)rep->prompt_terms, TERMS_FULL));
		/* The prompt's words are the weaker signal: an answer that only
		 * restates the question has them all. */
		if (e >= 0 && p >= 0)
			rep->relevance = TOPIC_EXPECT_SHARE * e +
					 (1 - TOPIC_EXPECT_SHARE) * p;
		else
			rep->relevance = e >= 0 ? e : p;
		if (rep->relevance >= 0) {
			double x = (rep->relevance - TOPIC_LOW) / (TOPIC_FULL - TOPIC_LOW);
			x = x < 0 ? 0 : x > 1 ? 1 : x;
			rep->topic_factor = TOPIC_FLOOR + (1 - TOPIC_FLOOR) * x;
		}
		if (rep->topic_factor < 0.95)
			add_note(rep, "this answer does not seem to be about the question asked (%.0f%% relevant: %u of the prompt's %u key words%s): the score is scaled by %.0f%%. Answer the question that was asked, with its specifics.",
				 100 * rep->relevance, rep->prompt_hits,
				 rep->prompt_terms,
				 e >= 0 ? ", and the expectations below" : "",
				 100 * rep->topic_factor);
	}

	if (t.nwords < r->min_words) {
		rep->length_factor = pow((double)t.nwords / r->min_words, 2);
		add_note(rep, "%u words is too short for this question (at least %u): the score is scaled by %.0f%%",
			 t.nwords, r->min_words, 100 * rep->length_factor);
	}

	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		if (!it->active)
			continue;
		if (it->kind == CRIT_PENALTY) {
			penalty += it->earned;
			continue;
		}
		if (guarded(it->kind))
			it->earned *= rep->guard;
		possible += it->weight;
		earned += it->earned;
	}
	raw = possible > 0 ? 100.0 * earned / possible : 0;
	raw *= rep->length_factor * rep->topic_factor;
	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		if (!it->active)
			continue;
		if (it->kind == CRIT_PENALTY)
			it->scaled = -it->earned;
		else
			it->scaled = possible > 0 ? 100.0 * it->earned / possible *
						      rep->length_factor *
						      rep->topic_factor
						: 0;
	}
	rep->score = raw - penalty;
	if (rep->score < 0)
		rep->score = 0;
	if (rep->score > 100)
		rep->score = 100;
	rep->score = round(rep->score * 10) / 10;
	rep->grade = score_grade(rep->score, duration_ms, rep->limit_s);

	pcre2_match_data_free(t.md);
	pcre2_match_context_free(t.mc);
	free(t.word_at);
	free(t.seg);

feedback:
	for (i = 0; i < rep->nitems; i++) {
		struct score_item *it = &rep->items[i];
		const struct criterion *c = it->crit;
		if (!it->active)
			continue;
		if (it->kind == CRIT_PENALTY)
			it->met = it->earned <= 1e-9;
		else
			it->met = it->earned >= it->weight - 1e-9;
		if (!it->met && c->feedback)
			it->feedback = xstrdup(c->feedback);
		if (it->nev > 1)
			qsort(it->ev, it->nev, sizeof(*it->ev), cmp_ev);
	}
	return 0;
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

int grade_parse(const char *s)
{
	int i;
	if (!s)
		return 0;
	if (s[0] >= '1' && s[0] <= '4' && !s[1])
		return s[0] - '0';
	for (i = 1; i <= 4; i++)
		if (!strcasecmp(s, grade_names[i]))
			return i;
	return 0;
}

void score_report_json(const struct score_report *rep, const char *rubric,
		       const char *question, const char *text, size_t tlen,
		       struct sb *out)
{
	size_t i, k;
	sb_adds(out, "{\"score\":");
	json_num(out, rep->score);
	sb_addf(out, ",\"grade\":%d,\"grade_name\":", rep->grade);
	json_str(out, grade_name(rep->grade));
	sb_addf(out, ",\"words\":%u,\"sentences\":%u", rep->words, rep->sentences);
	sb_adds(out, ",\"rubric\":");
	json_str(out, rubric);
	sb_adds(out, ",\"question\":");
	json_str(out, question);
	if (rep->duration_ms >= 0) {
		sb_addf(out, ",\"duration_ms\":%ld,\"wpm\":", rep->duration_ms);
		json_num(out, round(rep->wpm * 10) / 10);
		sb_addf(out, ",\"over_s\":%ld",
			rep->duration_ms / 1000 - (long)rep->limit_s);
	} else {
		sb_adds(out, ",\"duration_ms\":null,\"wpm\":null,\"over_s\":null");
	}
	sb_addf(out, ",\"time_limit_s\":%u", rep->limit_s);
	sb_adds(out, ",\"guards\":{\"prose_share\":");
	json_num(out, round(rep->prose_share * 1000) / 1000);
	sb_adds(out, ",\"density\":");
	json_num(out, round(rep->density * 100) / 100);
	sb_adds(out, ",\"factor\":");
	json_num(out, round(rep->guard * 1000) / 1000);
	sb_adds(out, ",\"length_factor\":");
	json_num(out, round(rep->length_factor * 1000) / 1000);
	sb_adds(out, ",\"relevance\":");
	if (rep->relevance >= 0)
		json_num(out, round(rep->relevance * 1000) / 1000);
	else
		sb_adds(out, "null");
	sb_adds(out, ",\"topic_factor\":");
	json_num(out, round(rep->topic_factor * 1000) / 1000);
	sb_addf(out, ",\"prompt_terms\":%u,\"prompt_hits\":%u", rep->prompt_terms,
		rep->prompt_hits);
	sb_adds(out, "},\"criteria\":[");
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (i)
			sb_addc(out, ',');
		sb_adds(out, "{\"name\":");
		json_str(out, it->name);
		sb_adds(out, ",\"label\":");
		json_str(out, it->label);
		sb_adds(out, ",\"kind\":");
		json_str(out, crit_kind_name((enum crit_kind)it->kind));
		sb_adds(out, ",\"weight\":");
		json_num(out, it->weight);
		sb_adds(out, ",\"earned\":");
		json_num(out, round(it->earned * 100) / 100);
		sb_adds(out, ",\"points\":");
		json_num(out, round(it->scaled * 100) / 100);
		sb_addf(out, ",\"active\":%s,\"met\":%s",
			it->active ? "true" : "false", it->met ? "true" : "false");
		sb_adds(out, ",\"detail\":");
		json_str(out, it->detail);
		sb_adds(out, ",\"feedback\":");
		json_str(out, it->feedback);
		sb_adds(out, ",\"evidence\":[");
		for (k = 0; k < it->nev; k++) {
			const struct score_evidence *e = &it->ev[k];
			if (k)
				sb_addc(out, ',');
			sb_adds(out, "{\"text\":");
			if (text && e->end <= tlen)
				json_strn(out, text + e->start, e->end - e->start);
			else
				sb_adds(out, "null");
			sb_addf(out, ",\"start\":%zu,\"end\":%zu", e->start, e->end);
			if (e->what) {
				sb_adds(out, ",\"what\":");
				json_str(out, e->what);
			}
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
