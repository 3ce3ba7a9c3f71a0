/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PCRE2 compilation with pmdrill's flags, and the LABEL = PATTERN syntax. */
#include "pattern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "diag.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

void pattern_free(pcre2_code *code)
{
	if (code)
		pcre2_code_free(code);
}

static pcre2_code *compile_with(const char *src, const char *file,
				unsigned line, unsigned col, int jit,
				uint32_t ucp, struct diag_list *dl)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
					 PCRE2_CASELESS | PCRE2_UTF | ucp |
						 PCRE2_MATCH_INVALID_UTF,
					 &err, &off, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_add(dl, DIAG_ERROR, DIAG_E_REGEX, file, line,
			 col + (unsigned)utf8_count(src, off),
			 "bad pattern: %s (at offset %zu of '%s')", (char *)msg,
			 (size_t)off, src);
		return NULL;
	}
	if (jit)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

pcre2_code *pattern_compile(const char *src, const char *file, unsigned line,
			    unsigned col, int jit, struct diag_list *dl)
{
	return compile_with(src, file, line, col, jit, PCRE2_UCP, dl);
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

pcre2_code *pattern_compile_ascii(const char *src, const char *file,
				  unsigned line, unsigned col, int jit,
				  struct diag_list *dl)
{
	if (!is_ascii(src))
		return NULL;
	return compile_with(src, file, line, col, jit, 0, dl);
}

/*
 * The plan's reader: a conservative walk over PCRE2 syntax that works out,
 * for each part of a pattern, the exact strings it can match (when few and
 * short) and a set of literals one of which every match contains.  Case
 * is folded (the patterns are caseless); any character outside ASCII, any
 * class of many characters and any escape for a class of characters is
 * "some text" and contributes nothing.  A construct it does not know
 * makes the whole pattern unreadable (lp.bad): then nothing is filtered
 * and nothing is split.
 */
#define LIT_MAX 48 /* strings in one set */
#define LIT_LEN 24 /* bytes in one string, NUL included */
#define CLASS_MAX 6
#define DEPTH_MAX 32
#define BRANCH_MAX PATTERN_BRANCH_MAX
#define LEN_INF (-1L)
#define CHAR_LEN 4L /* the most bytes one character takes */

struct lset {
	int known; /* 0: unknown (infinite, or too many) */
	size_t n;
	size_t min; /* the shortest string's length */
	char s[LIT_MAX][LIT_LEN];
};

struct linfo {
	struct lset exact; /* everything it can match */
	struct lset req;   /* one of these is in every match */
	struct lset tail;  /* a sequence: every match ends with one of these */
	/* Bytes: the longest match (LEN_INF: no bound); how far into a
	 * match one of `req` starts at the latest; the same for `tail`. */
	long maxlen, req_lead, tail_lead;
};

struct lp {
	const char *s;
	size_t i, len;
	int bad, backref, depth;
	/* top level: where each branch starts and ends, and the option
	 * settings met so far (they carry on into later branches) */
	size_t bstart[BRANCH_MAX + 1], bend[BRANCH_MAX + 1], nb;
	struct sb *opts;
	size_t bopts[BRANCH_MAX + 1]; /* opts->len when each branch began */
};

static void set_unknown(struct lset *a)
{
	a->known = 0;
	a->n = 0;
	a->min = 0;
}

static void set_str(struct lset *a, const char *s)
{
	a->known = 1;
	a->n = 1;
	a->min = strlen(s);
	memcpy(a->s[0], s, a->min + 1);
}

static int set_has(const struct lset *a, const char *s)
{
	size_t k;
	for (k = 0; k < a->n; k++)
		if (!strcmp(a->s[k], s))
			return 1;
	return 0;
}

static void set_union(struct lset *a, const struct lset *b)
{
	size_t k, n0 = a->n;
	if (!a->known || !b->known) {
		set_unknown(a);
		return;
	}
	for (k = 0; k < b->n; k++) {
		if (set_has(a, b->s[k]))
			continue;
		if (a->n == LIT_MAX) {
			set_unknown(a);
			return;
		}
		memcpy(a->s[a->n++], b->s[k], LIT_LEN);
	}
	if (b->n && (!n0 || b->min < a->min))
		a->min = b->min;
}

static void set_cross(struct lset *out, const struct lset *a,
		      const struct lset *b)
{
	size_t i, k;
	struct lset r;
	set_unknown(out);
	if (!a->known || !b->known || a->n * b->n > LIT_MAX)
		return;
	/* the empty string, as a sequence begins: nothing to join */
	if (a->n == 1 && !a->s[0][0]) {
		*out = *b;
		return;
	}
	if (b->n == 1 && !b->s[0][0]) {
		*out = *a;
		return;
	}
	r.known = 1;
	r.n = 0;
	r.min = LIT_LEN;
	for (i = 0; i < a->n; i++)
		for (k = 0; k < b->n; k++) {
			size_t la = strlen(a->s[i]), lb = strlen(b->s[k]);
			char buf[2 * LIT_LEN];
			if (la + lb + 1 > LIT_LEN)
				return;
			memcpy(buf, a->s[i], la);
			memcpy(buf + la, b->s[k], lb + 1);
			if (!set_has(&r, buf))
				memcpy(r.s[r.n++], buf, la + lb + 1);
			if (la + lb < r.min)
				r.min = la + lb;
		}
	*out = r;
}

/* How selective a set of literals is: its shortest string's length
 * (0: useless, since the empty string is in every text). */
static size_t set_score(const struct lset *a)
{
	return a->known && a->n ? a->min : 0;
}

static const struct lset *set_better(const struct lset *a, const struct lset *b)
{
	size_t x = set_score(a), y = set_score(b);
	if (x != y)
		return x > y ? a : b;
	return a->n <= b->n ? a : b;
}

static long len_add(long a, long b)
{
	return a == LEN_INF || b == LEN_INF ? LEN_INF : a + b;
}

static long len_max(long a, long b)
{
	return a == LEN_INF || b == LEN_INF ? LEN_INF : a > b ? a : b;
}

static long len_mul(long a, long n)
{
	return a == LEN_INF || n < 0 || (a && n > 100000 / a) ? LEN_INF : a * n;
}

/* The best literals of a part: its exact strings (found at its start)
 * or what it requires; *lead says how far in. */
static int prefer(const struct lset *cur, long lcur, const struct lset *c,
		  long lc);

static const struct lset *info_req(const struct linfo *f, long *lead)
{
	if (prefer(&f->req, f->req_lead, &f->exact, 0)) {
		*lead = 0;
		return &f->exact;
	}
	*lead = f->req_lead;
	return &f->req;
}

/* Some text of at most one character, unless the caller says more. */
static void info_unknown(struct linfo *f)
{
	set_unknown(&f->exact);
	set_unknown(&f->req);
	f->maxlen = CHAR_LEN;
	f->req_lead = LEN_INF;
}

static void info_str(struct linfo *f, const char *s)
{
	set_str(&f->exact, s);
	set_unknown(&f->req);
	f->maxlen = (long)strlen(s);
	f->req_lead = LEN_INF;
}

/* Is literal set c (found within lc bytes of a match's start) worth more
 * than cur?  One that bounds where a match starts (pattern_windows())
 * beats a longer one that does not, else the smaller of two long ones,
 * else the longer, else the smaller. */
static int prefer(const struct lset *cur, long lcur, const struct lset *c,
		  long lc)
{
	int gc = set_score(c) >= 3 && lc != LEN_INF,
	    gcur = set_score(cur) >= 3 && lcur != LEN_INF;
	if (gc != gcur)
		return gc;
	/* of two sets of four bytes or more, the smaller: it is checked
	 * sooner and leaves room in an alternation's union (LIT_MAX) */
	if (gc && set_score(c) >= 4 && set_score(cur) >= 4 && c->n != cur->n)
		return c->n < cur->n;
	return cur != c && set_better(cur, c) == c;
}

/* a then b, in a sequence: the literals of either, of the two together
 * when both are exact, and of the exact run of parts that ends it ("first"
 * in `(\w+ ){1,3}first`). */
static void info_concat(struct linfo *a, const struct linfo *b)
{
	struct lset ex, rq, tl;
	const struct lset *best, *c;
	long tl_lead = a->tail_lead, best_lead, lead;
	set_cross(&ex, &a->exact, &b->exact);
	if (b->exact.known) {
		set_cross(&tl, &a->tail, &b->exact);
		if (!tl.known) {
			tl = b->exact;
			tl_lead = a->maxlen;
		}
	} else {
		set_str(&tl, "");
		tl_lead = len_add(a->maxlen, b->maxlen);
	}
	best = info_req(a, &best_lead);
	c = info_req(b, &lead);
	lead = len_add(a->maxlen, lead);
	if (prefer(best, best_lead, c, lead)) {
		best = c;
		best_lead = lead;
	}
	if (prefer(best, best_lead, &ex, 0)) {
		best = &ex;
		best_lead = 0;
	}
	if (prefer(best, best_lead, &tl, tl_lead)) {
		best = &tl;
		best_lead = tl_lead;
	}
	rq = *best;
	a->exact = ex;
	a->req = rq;
	a->req_lead = best_lead;
	a->tail = tl;
	a->tail_lead = tl_lead;
	a->maxlen = len_add(a->maxlen, b->maxlen);
}

static void parse_alt(struct lp *p, struct linfo *out, int top);

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Skip "{...}" after \p, \x and the like; 0 if it is not there. */
static int skip_braces(struct lp *p)
{
	if (p->i < p->len && p->s[p->i] == '{') {
		while (p->i < p->len && p->s[p->i] != '}')
			p->i++;
		if (p->i >= p->len)
			return 0;
		p->i++;
	}
	return 1;
}

/* An escape after the backslash; *lit gets its character when it stands
 * for one ASCII character, else 0 (a class of characters; zero-width when
 * *zero is 1, of any length when it is 2). */
static void parse_escape(struct lp *p, int in_class, char *lit, int *zero)
{
	char c;
	*lit = 0;
	*zero = 0;
	if (p->i >= p->len) {
		p->bad = 1;
		return;
	}
	c = p->s[p->i++];
	if ((unsigned char)c >= 0x80) {
		p->bad = 1;
		return;
	}
	if (!is_alnum(c)) {
		*lit = c;
		return;
	}
	if (!in_class && strchr("bBAzZ", c)) {
		*zero = 1;
		return;
	}
	if (!in_class && c == 'X') {
		*zero = 2;
		return;
	}
	if (strchr("dDwWsShHvVtnrfea", c) || (!in_class && strchr("NRC", c)))
		return;
	if (c == 'p' || c == 'P') {
		if (p->i < p->len && p->s[p->i] == '{') {
			if (!skip_braces(p))
				p->bad = 1;
		} else if (p->i < p->len) {
			p->i++;
		}
		return;
	}
	if (c == 'x') {
		size_t k;
		if (p->i < p->len && p->s[p->i] == '{') {
			if (!skip_braces(p))
				p->bad = 1;
			return;
		}
		for (k = 0; k < 2 && p->i < p->len &&
			    strchr("0123456789abcdefABCDEF", p->s[p->i]);
		     k++)
			p->i++;
		return;
	}
	if (c >= '0' && c <= '9') {
		if (c != '0' && !in_class) {
			p->backref = 1;
			*zero = 2;
		}
		while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		return;
	}
	if (in_class && c == 'b')
		return;
	p->bad = 1;
}

/* A [...] class: one of at most CLASS_MAX ASCII characters, else some
 * character. */
static void parse_class(struct lp *p, struct linfo *out)
{
	char set[CLASS_MAX];
	size_t n = 0, k;
	unsigned ci;
	int any = 0, first = 1;
	if (p->i < p->len && p->s[p->i] == '^') {
		any = 1;
		p->i++;
	}
	for (;;) {
		char c, lo, hi;
		int zero;
		if (p->i >= p->len) {
			p->bad = 1;
			return;
		}
		c = p->s[p->i];
		if (c == ']' && !first) {
			p->i++;
			break;
		}
		first = 0;
		if (c == '[' && p->i + 1 < p->len &&
		    strchr(":.=", p->s[p->i + 1])) {
			p->bad = 1;
			return;
		}
		p->i++;
		if ((unsigned char)c >= 0x80) {
			any = 1;
			continue;
		}
		if (c == '\\') {
			parse_escape(p, 1, &lo, &zero);
			if (p->bad)
				return;
			if (!lo) {
				any = 1;
				continue;
			}
		} else {
			lo = c;
		}
		hi = lo;
		if (p->i + 1 < p->len && p->s[p->i] == '-' &&
		    p->s[p->i + 1] != ']') {
			p->i++;
			c = p->s[p->i++];
			if (c == '\\') {
				parse_escape(p, 1, &hi, &zero);
				if (p->bad)
					return;
			} else {
				hi = (unsigned char)c < 0x80 ? c : 0;
			}
			if (!hi || hi < lo || hi - lo > CLASS_MAX) {
				any = 1;
				continue;
			}
		}
		for (ci = (unsigned char)lo; !any && ci <= (unsigned char)hi;
		     ci++) {
			char l = lower((char)ci);
			if (memchr(set, l, n))
				continue;
			if (n == CLASS_MAX)
				any = 1;
			else
				set[n++] = l;
		}
	}
	info_unknown(out);
	if (any)
		return;
	out->exact.known = 1;
	for (k = 0; k < n; k++) {
		out->exact.s[k][0] = set[k];
		out->exact.s[k][1] = '\0';
	}
	out->exact.n = n;
	out->exact.min = 1;
}

/* "(?" groups and settings; returns 1 for a group whose body follows
 * (capturing or not), 2 for a lookaround, 0 for a setting or comment
 * already consumed with its ')'. */
static int parse_group_head(struct lp *p)
{
	size_t st = p->i - 1; /* the '(' */
	const char *s = p->s;
	if (p->i < p->len && s[p->i] == '*') {
		p->bad = 1;
		return 0;
	}
	if (p->i >= p->len || s[p->i] != '?')
		return 1;
	p->i++;
	if (p->i >= p->len) {
		p->bad = 1;
		return 0;
	}
	switch (s[p->i]) {
	case ':':
	case '>':
		p->i++;
		return 1;
	case '=':
	case '!':
		p->i++;
		return 2;
	case '#':
		while (p->i < p->len && s[p->i] != ')')
			p->i++;
		if (p->i >= p->len)
			p->bad = 1;
		p->i++;
		return 0;
	case '<':
	case 'P':
	case '\'': {
		char close = s[p->i] == '\'' ? '\'' : '>';
		if (s[p->i] == '<' && p->i + 1 < p->len &&
		    (s[p->i + 1] == '=' || s[p->i + 1] == '!')) {
			p->i += 2;
			return 2;
		}
		if (s[p->i] == 'P') {
			p->i++;
			if (p->i >= p->len || s[p->i] != '<') {
				p->bad = 1;
				return 0;
			}
		}
		p->i++;
		while (p->i < p->len && (is_alnum(s[p->i]) || s[p->i] == '_'))
			p->i++;
		if (p->i >= p->len || s[p->i] != close) {
			p->bad = 1;
			return 0;
		}
		p->i++;
		return 1;
	}
	default:
		break;
	}
	while (p->i < p->len && strchr("imsnUJ-^", s[p->i]))
		p->i++;
	if (p->i < p->len && s[p->i] == ':') {
		p->i++;
		return 1;
	}
	if (p->i < p->len && s[p->i] == ')') {
		p->i++;
		if (p->depth == 1 && p->opts) /* at top level */
			sb_add(p->opts, s + st, p->i - st);
		return 0;
	}
	p->bad = 1; /* (?x), (?R), (?(, (?|, (?&, (?P=, ... */
	return 0;
}

/* A quantifier after an atom, if any: sets *min and *max (-1 unbounded);
 * 0 if there was none. */
static int parse_quant(struct lp *p, long *min, long *max)
{
	const char *s = p->s;
	if (p->i >= p->len)
		return 0;
	switch (s[p->i]) {
	case '?':
		*min = 0;
		*max = 1;
		break;
	case '*':
		*min = 0;
		*max = -1;
		break;
	case '+':
		*min = 1;
		*max = -1;
		break;
	case '{': {
		size_t j = p->i + 1;
		long a = 0, b;
		if (j >= p->len || s[j] < '0' || s[j] > '9') {
			p->bad = 1;
			return 0;
		}
		while (j < p->len && s[j] >= '0' && s[j] <= '9' && a < 100000)
			a = a * 10 + (s[j++] - '0');
		b = a;
		if (j < p->len && s[j] == ',') {
			j++;
			b = -1;
			if (j < p->len && s[j] >= '0' && s[j] <= '9') {
				b = 0;
				while (j < p->len && s[j] >= '0' &&
				       s[j] <= '9' && b < 100000)
					b = b * 10 + (s[j++] - '0');
			}
		}
		if (j >= p->len || s[j] != '}') {
			p->bad = 1;
			return 0;
		}
		p->i = j;
		*min = a;
		*max = b;
		break;
	}
	default:
		return 0;
	}
	p->i++;
	if (p->i < p->len && (s[p->i] == '?' || s[p->i] == '+'))
		p->i++;
	if (p->i < p->len && strchr("?*+{", s[p->i]))
		p->bad = 1;
	return 1;
}

static void parse_atom(struct lp *p, struct linfo *out)
{
	char c = p->s[p->i++], lit[2] = {0, 0};
	int zero, kind;
	info_unknown(out);
	if ((unsigned char)c >= 0x80) {
		while (p->i < p->len &&
		       ((unsigned char)p->s[p->i] & 0xC0) == 0x80)
			p->i++;
		return;
	}
	switch (c) {
	case '\\':
		parse_escape(p, 0, &lit[0], &zero);
		if (zero == 2)
			out->maxlen = LEN_INF;
		else if (zero)
			info_str(out, "");
		else if (lit[0]) {
			lit[0] = lower(lit[0]);
			info_str(out, lit);
		}
		return;
	case '[':
		parse_class(p, out);
		return;
	case '.':
		return;
	case '^':
	case '$':
		info_str(out, "");
		return;
	case '(':
		if (++p->depth > DEPTH_MAX) {
			p->bad = 1;
			return;
		}
		kind = parse_group_head(p);
		if (!p->bad && kind) {
			parse_alt(p, out, 0);
			if (p->i >= p->len || p->s[p->i] != ')')
				p->bad = 1;
			p->i++;
			if (kind == 2)
				info_str(out, "");
		} else if (!p->bad) {
			info_str(out, "");
		}
		p->depth--;
		return;
	case ')':
	case '*':
	case '+':
	case '?':
	case '{':
		p->bad = 1;
		return;
	default:
		lit[0] = lower(c);
		info_str(out, lit);
		return;
	}
}

/* A sequence up to '|', ')' or the end. */
static void parse_seq(struct lp *p, struct linfo *out)
{
	info_str(out, "");
	set_str(&out->tail, "");
	out->tail_lead = 0;
	while (!p->bad && p->i < p->len && p->s[p->i] != '|' &&
	       p->s[p->i] != ')') {
		struct linfo a;
		long min, max;
		parse_atom(p, &a);
		if (p->bad)
			return;
		if (parse_quant(p, &min, &max)) {
			long lead, most = len_mul(a.maxlen, max);
			if (min == 0 && max == 1) {
				struct lset e;
				set_str(&e, "");
				set_union(&a.exact, &e);
				set_unknown(&a.req);
			} else if (min == 0) {
				info_unknown(&a);
			} else if (max != 1) {
				/* the first repeat holds the literal */
				a.req = *info_req(&a, &lead);
				a.req_lead = lead;
				set_unknown(&a.exact);
			}
			a.maxlen = most;
		}
		info_concat(out, &a);
	}
}

static void parse_alt(struct lp *p, struct linfo *out, int top)
{
	int first = 1;
	long lead;
	for (;;) {
		struct linfo b;
		size_t st = p->i;
		if (top && p->nb <= BRANCH_MAX)
			p->bopts[p->nb] = p->opts ? p->opts->len : 0;
		parse_seq(p, &b);
		if (p->bad)
			return;
		if (top && p->nb <= BRANCH_MAX) {
			p->bstart[p->nb] = st;
			p->bend[p->nb] = p->i;
		}
		if (top)
			p->nb++;
		if (first) {
			out->exact = b.exact;
			out->req = *info_req(&b, &lead);
			out->req_lead = lead;
			out->maxlen = b.maxlen;
			first = 0;
		} else {
			set_union(&out->exact, &b.exact);
			set_union(&out->req, info_req(&b, &lead));
			out->req_lead = len_max(out->req_lead, lead);
			out->maxlen = len_max(out->maxlen, b.maxlen);
		}
		if (p->i < p->len && p->s[p->i] == '|') {
			p->i++;
			continue;
		}
		return;
	}
}

/* The literals of a (part of a) pattern as pattern_branch.lits, or NULL;
 * *lead as pattern_branch.lead. */
static char *lits_from(const struct linfo *f, long *lead)
{
	const struct lset *r = info_req(f, lead);
	struct sb b = SB_INIT;
	size_t k;
	if (!set_score(r)) {
		*lead = LEN_INF;
		return NULL;
	}
	for (k = 0; k < r->n; k++)
		sb_add(&b, r->s[k], strlen(r->s[k]) + 1);
	sb_addc(&b, '\0');
	return sb_detach(&b, NULL);
}

static char *lits_of(const char *src, size_t len, long *lead)
{
	struct lp p = {0};
	struct linfo f;
	p.s = src;
	p.len = len;
	*lead = LEN_INF;
	parse_alt(&p, &f, 0);
	if (p.bad || p.i != len)
		return NULL;
	return lits_from(&f, lead);
}

/* A branch the whole pattern compiled with; should it not compile alone,
 * the pattern stays whole and nothing is reported. */
static void branch_compile(struct pattern_branch *br, const char *src,
			   size_t len, int jit)
{
	struct diag_list scratch = {0};
	char *s = xstrndup(src, len);
	br->code = compile_with(s, NULL, 0, 0, jit,
				PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT, &scratch);
	br->fast = br->code && is_ascii(s)
			   ? compile_with(s, NULL, 0, 0, jit,
					  PCRE2_USE_OFFSET_LIMIT, &scratch)
			   : NULL;
	if (br->code && !br->fast && scratch.nr) {
		pattern_free(br->code);
		br->code = NULL;
	}
	diag_release(&scratch);
	free(s);
}

/* The branches of pp and what they own (not the whole pattern's code,
 * which a single branch borrows). */
static void branches_free(struct pattern_prog *pp)
{
	size_t k;
	for (k = 0; k < pp->nbr; k++) {
		if (pp->br[k].code != pp->code)
			pattern_free(pp->br[k].code);
		if (pp->br[k].fast != pp->fast)
			pattern_free(pp->br[k].fast);
		free(pp->br[k].lits);
	}
	free(pp->br);
	pp->br = NULL;
	pp->nbr = 0;
}

struct pattern_prog *pattern_prog_compile(const char *src, const char *file,
					  unsigned line, unsigned col, int jit,
					  struct diag_list *dl)
{
	struct pattern_prog *pp;
	struct lp p = {0};
	struct linfo f;
	struct sb opts = SB_INIT;
	pcre2_code *code = compile_with(src, file, line, col, jit,
					PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT, dl);
	size_t k;
	if (!code)
		return NULL;
	pp = xcalloc(1, sizeof(*pp));
	pp->code = code;
	pp->fast = is_ascii(src) ? compile_with(src, file, line, col, jit,
						PCRE2_USE_OFFSET_LIMIT, dl)
				 : NULL;
	p.s = src;
	p.len = strlen(src);
	p.opts = &opts;
	parse_alt(&p, &f, 1);
	if (!p.bad && p.i == p.len && !p.backref && p.nb >= 2 &&
	    p.nb <= BRANCH_MAX) {
		/* each branch alone, after the settings of those before */
		pp->nbr = p.nb;
		pp->br = xcalloc(p.nb, sizeof(*pp->br));
		for (k = 0; k < p.nb; k++) {
			struct sb b = SB_INIT;
			sb_add(&b, opts.buf, p.bopts[k]);
			sb_add(&b, src + p.bstart[k], p.bend[k] - p.bstart[k]);
			branch_compile(&pp->br[k], b.buf, b.len, jit);
			pp->br[k].lits = lits_of(b.buf, b.len, &pp->br[k].lead);
			sb_release(&b);
			if (!pp->br[k].code)
				break;
		}
		if (k == p.nb) {
			sb_release(&opts);
			return pp;
		}
		branches_free(pp);
	}
	sb_release(&opts);
	/* one branch: the whole pattern */
	pp->nbr = 1;
	pp->br = xcalloc(1, sizeof(*pp->br));
	pp->br[0].code = pp->code;
	pp->br[0].fast = pp->fast;
	pp->br[0].lead = LEN_INF;
	/* the reading above is the whole pattern's */
	pp->br[0].lits =
		p.bad || p.i != p.len ? NULL : lits_from(&f, &pp->br[0].lead);
	return pp;
}

void pattern_prog_free(struct pattern_prog *pp)
{
	if (!pp)
		return;
	branches_free(pp);
	pattern_free(pp->code);
	pattern_free(pp->fast);
	free(pp);
}

static unsigned char fold_byte(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static unsigned tri_hash(unsigned char a, unsigned char b, unsigned char c)
{
	uint32_t h = (uint32_t)a * 0x9E3779B1u ^ (uint32_t)b * 0x85EBCA77u ^
		     (uint32_t)c * 0xC2B2AE3Du;
	return (unsigned)(h >> 16);
}

#define BIT_SET(v, i) ((v)[(i) >> 3] |= (unsigned char)(1u << ((i)&7)))
#define BIT_GET(v, i) ((v)[(i) >> 3] & (1u << ((i)&7)))

void pattern_index_build(struct pattern_index *ix, const char *s, size_t len)
{
	size_t i;
	memset(ix, 0, sizeof(*ix));
	ix->len = len;
	ix->low = xmalloc(len + 1);
	for (i = 0; i < len; i++)
		ix->low[i] = (char)fold_byte((unsigned char)s[i]);
	ix->low[len] = '\0';
	memset(ix->head, 0xff, sizeof(ix->head));
	/* positions are ints: a text too long for them has no chains */
	ix->next = len >= 3 && len < 0x7fffffff ? xmalloc(len * sizeof(int))
						: NULL;
	for (i = ix->next ? len - 2 : 0; i-- > 0;) {
		unsigned h = tri_hash((unsigned char)ix->low[i],
				      (unsigned char)ix->low[i + 1],
				      (unsigned char)ix->low[i + 2]) &
			     (PATTERN_INDEX_HEADS - 1);
		ix->next[i] = ix->head[h];
		ix->head[h] = (int)i;
	}
	for (i = 0; i < len; i++) {
		const unsigned char *l = (const unsigned char *)ix->low + i;
		BIT_SET(ix->one, l[0]);
		if (i + 1 < len) {
			BIT_SET(ix->bi, (unsigned)l[0] << 8 | l[1]);
			if (i + 2 < len)
				BIT_SET(ix->tri, tri_hash(l[0], l[1], l[2]));
		}
	}
}

/* Might the text hold this literal?  Every byte, bigram and trigram of it
 * must be there. */
static int may_hold(const struct pattern_index *ix, const unsigned char *l,
		    size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (!BIT_GET(ix->one, l[i]))
			return 0;
		if (i + 1 < n &&
		    !BIT_GET(ix->bi, (unsigned)l[i] << 8 | l[i + 1]))
			return 0;
		if (i + 2 < n &&
		    !BIT_GET(ix->tri, tri_hash(l[i], l[i + 1], l[i + 2])))
			return 0;
	}
	return 1;
}

int pattern_may_match(const struct pattern_branch *br,
		      const struct pattern_index *ix)
{
	const char *l;
	if (!br->lits)
		return 1;
	for (l = br->lits; *l; l += strlen(l) + 1)
		if (may_hold(ix, (const unsigned char *)l, strlen(l)))
			return 1;
	return 0;
}

void pattern_index_release(struct pattern_index *ix)
{
	free(ix->low);
	free(ix->next);
	ix->low = NULL;
	ix->next = NULL;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

size_t pattern_windows(const struct pattern_branch *br,
		       const struct pattern_index *ix, size_t *at, size_t max)
{
	const char *l;
	size_t n = 0, k, o;
	if (!br->lits || br->lead < 0 || !ix->next)
		return (size_t)-1;
	for (l = br->lits; *l; l += strlen(l) + 1) {
		size_t ll = strlen(l);
		unsigned h;
		int q;
		if (ll < 3) {
			/* no trigram: look for it byte by byte */
			const char *c = ix->low, *e = ix->low + ix->len;
			while ((c = memchr(c, l[0], (size_t)(e - c)))) {
				if ((size_t)(e - c) >= ll &&
				    !memcmp(c, l, ll)) {
					if (n == max)
						return (size_t)-1;
					at[n++] = (size_t)(c - ix->low);
				}
				c++;
			}
			continue;
		}
		h = tri_hash((unsigned char)l[0], (unsigned char)l[1],
			     (unsigned char)l[2]) &
		    (PATTERN_INDEX_HEADS - 1);
		for (q = ix->head[h]; q >= 0; q = ix->next[q]) {
			if ((size_t)q + ll > ix->len ||
			    memcmp(ix->low + q, l, ll))
				continue;
			if (n == max)
				return (size_t)-1;
			at[n++] = (size_t)q;
		}
	}
	qsort(at, n, sizeof(*at), cmp_size);
	for (k = o = 0; k < n; k++)
		if (!o || at[o - 1] != at[k])
			at[o++] = at[k];
	return o;
}
