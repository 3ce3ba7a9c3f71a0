/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parser for rubric files and the compiler of their PCRE2 patterns. */
#include "rubric.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "pattern.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

static const char *const kind_names[CRIT_KIND_MAX] = {
	"keywords", "stages",  "ratio", "concreteness",
	"length",   "penalty", "expect"};

const char *crit_kind_name(enum crit_kind k)
{
	return (unsigned)k < CRIT_KIND_MAX ? kind_names[k] : "?";
}

uint64_t fnv1a64(const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint64_t h = 14695981039346656037ULL;
	size_t i;
	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static const char *const rubric_fields[] = {
	"rubric",    "title",   "description", "time",
	"min-words", "outline", "note",        NULL};
static const char *const crit_fields[] = {"criterion",
					  "kind",
					  "weight",
					  "label",
					  "feedback",
					  "example",
					  "instead",
					  "pattern",
					  "against",
					  "stage",
					  "min",
					  "count",
					  "where",
					  "follow-ups",
					  "target",
					  "ideal",
					  "words-per-minute",
					  "allow",
					  "full",
					  "note",
					  NULL};
static const char *const repeatable[] = {"pattern", "against", "stage",
					 "example", "note",    NULL};

/* A plain non-negative decimal number. */
static int parse_number(const char *s, double *out)
{
	char *end;
	double v;
	if (!*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (*end || errno || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_range(const char *s, unsigned *lo, unsigned *hi)
{
	unsigned long a, b;
	char *end;
	a = strtoul(s, &end, 10);
	if (end == s || *end != '-')
		return -1;
	s = end + 1;
	b = strtoul(s, &end, 10);
	if (end == s || *end || a == 0 || b < a || b > 100000)
		return -1;
	*lo = (unsigned)a;
	*hi = (unsigned)b;
	return 0;
}

static void add_pattern(struct criterion *c, const struct rec_field *f,
			size_t off, const char *label, size_t label_len,
			int against)
{
	struct pattern *p;
	ALLOC_GROW(c->pats, c->npats + 1, c->apats);
	p = &c->pats[c->npats++];
	memset(p, 0, sizeof(*p));
	p->src = xstrdup(f->value + off);
	p->label = label ? xstrndup(label, label_len) : NULL;
	p->against = against;
	rec_origin(f, off, &p->line, &p->col);
}

static void criterion_release(struct criterion *c)
{
	size_t i;
	free(c->name);
	free(c->label);
	free(c->feedback);
	for (i = 0; i < c->nexamples; i++)
		free(c->examples[i]);
	free(c->examples);
	for (i = 0; i < c->npats; i++) {
		free(c->pats[i].label);
		free(c->pats[i].src);
		pattern_prog_free(c->pats[i].prog);
	}
	free(c->pats);
	memset(c, 0, sizeof(*c));
}

static void rubric_release(struct rubric *r)
{
	size_t i;
	for (i = 0; i < r->ncrit; i++)
		criterion_release(&r->crit[i]);
	free(r->crit);
	free(r->name);
	free(r->title);
	free(r->description);
	free(r->outline);
	free(r->file);
	memset(r, 0, sizeof(*r));
}

#define BAD(f, ...)                                                      \
	do {                                                             \
		unsigned l_, c_;                                         \
		rec_origin((f), 0, &l_, &c_);                            \
		diag_add(dl, DIAG_ERROR, DIAG_E_BAD_VALUE, file, l_, c_, \
			 __VA_ARGS__);                                   \
		bad = 1;                                                 \
	} while (0)

/* Check a record's field names: unknown ones warn, repeats of single
 * fields are errors.  Where each known field was first seen is kept by
 * its index in `known` (at most 32 names), so a record of many fields
 * costs one pass, not a scan back from each field. */
static int check_fields(const struct rec *r, const char *const *known,
			const char *file, struct diag_list *dl)
{
	const struct rec_field *first[32] = {0};
	size_t i;
	int bad = 0, k;
	for (i = 0; i < r->nr; i++) {
		const struct rec_field *f = &r->f[i];
		k = rec_name_index(known, f->name);
		if (k < 0 || k >= 32) {
			diag_add(dl, DIAG_WARNING, DIAG_W_UNKNOWN_FIELD, file,
				 f->line, f->col,
				 "unknown field '%s' (ignored)", f->name);
			continue;
		}
		if (rec_name_index(repeatable, f->name) >= 0)
			continue;
		if (first[k]) {
			diag_add(dl, DIAG_ERROR, DIAG_E_REPEATED_FIELD, file,
				 f->line, f->col,
				 "field '%s' appears twice (first at line %u)",
				 f->name, first[k]->line);
			bad = 1;
			continue;
		}
		first[k] = f;
	}
	return bad;
}

static int parse_header(struct rubric *ru, const struct rec *r,
			const char *file, const char *buf, size_t len,
			struct diag_list *dl)
{
	size_t i;
	int bad = check_fields(r, rubric_fields, file, dl);
	memset(ru, 0, sizeof(*ru));
	ru->file = xstrdup(file);
	ru->line = r->line;
	ru->time_s = RUBRIC_DEFAULT_TIME;
	ru->min_words = RUBRIC_DEFAULT_MIN_WORDS;
	ru->version = fnv1a64(buf, len);
	for (i = 0; i < r->nr; i++) {
		const struct rec_field *f = &r->f[i];
		const char *v = f->value;
		if (!strcasecmp(f->name, "rubric")) {
			if (!is_valid_id(v))
				BAD(f,
				    "bad rubric name '%s': use lower-case letters, digits and '-'",
				    v);
			free(ru->name);
			ru->name = xstrdup(v);
		} else if (!strcasecmp(f->name, "title")) {
			free(ru->title);
			ru->title = xstrdup(v);
		} else if (!strcasecmp(f->name, "description")) {
			free(ru->description);
			ru->description = xstrdup(v);
		} else if (!strcasecmp(f->name, "outline")) {
			free(ru->outline);
			ru->outline = xstrdup(v);
		} else if (!strcasecmp(f->name, "time")) {
			long t = parse_duration(v);
			if (t < 0) {
				unsigned l, c;
				rec_origin(f, 0, &l, &c);
				diag_add(
					dl, DIAG_ERROR, DIAG_E_BAD_TIME, file,
					l, c,
					"bad time '%s': write it like 90s, 3m, 2m30s or 1h (10s to 2h)",
					v);
				bad = 1;
			} else {
				ru->time_s = (unsigned)t;
			}
		} else if (!strcasecmp(f->name, "min-words")) {
			double d;
			if (parse_number(v, &d) || d < 1 || d > 5000 ||
			    d != floor(d))
				BAD(f,
				    "Min-words must be a whole number from 1 to 5000, not '%s'",
				    v);
			else
				ru->min_words = (unsigned)d;
		}
	}
	if (!ru->title && ru->name)
		ru->title = xstrdup(ru->name);
	return bad;
}

static int parse_kind(const char *v, enum crit_kind *k)
{
	unsigned i;
	for (i = 0; i < CRIT_KIND_MAX; i++)
		if (!strcasecmp(v, kind_names[i])) {
			*k = (enum crit_kind)i;
			return 0;
		}
	return -1;
}

static int parse_criterion(struct criterion *c, const struct rec *r,
			   const char *file, struct diag_list *dl)
{
	size_t i;
	int bad = check_fields(r, crit_fields, file, dl);
	const struct rec_field *kind = rec_get(r, "kind");
	const struct rec_field *weight = rec_get(r, "weight");

	memset(c, 0, sizeof(*c));
	c->line = r->line;
	c->allow = -1;
	c->full = -1;
	if (!kind) {
		diag_add(
			dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			"criterion has no Kind (keywords, stages, ratio, concreteness, length, penalty or expect)");
		return 1;
	}
	if (parse_kind(kind->value, &c->kind)) {
		unsigned l, col;
		rec_origin(kind, 0, &l, &col);
		diag_add(
			dl, DIAG_ERROR, DIAG_E_BAD_KIND, file, l, col,
			"unknown criterion kind '%s' (keywords, stages, ratio, concreteness, length, penalty or expect)",
			kind->value);
		return 1;
	}
	if (!weight) {
		diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			 "criterion has no Weight");
		bad = 1;
	}
	for (i = 0; i < r->nr; i++) {
		const struct rec_field *f = &r->f[i];
		const char *v = f->value;
		double d;
		if (!strcasecmp(f->name, "criterion")) {
			if (!is_valid_id(v))
				BAD(f,
				    "bad criterion name '%s': use lower-case letters, digits and '-'",
				    v);
			free(c->name); /* a repeat is an error, reported above */
			c->name = xstrdup(v);
		} else if (!strcasecmp(f->name, "weight")) {
			if (parse_number(v, &d) || d <= 0 || d > 1000)
				BAD(f,
				    "Weight must be a number above 0 and at most 1000, not '%s'",
				    v);
			else
				c->weight = d;
		} else if (!strcasecmp(f->name, "label")) {
			free(c->label);
			c->label = xstrdup(v);
		} else if (!strcasecmp(f->name, "feedback")) {
			free(c->feedback);
			c->feedback = xstrdup(v);
		} else if (!strcasecmp(f->name, "example")) {
			if (!*v) {
				BAD(f, "empty Example");
				continue;
			}
			ALLOC_GROW(c->examples, c->nexamples + 1, c->aexamples);
			c->examples[c->nexamples++] = xstrdup(v);
		} else if (!strcasecmp(f->name, "pattern") ||
			   !strcasecmp(f->name, "against")) {
			int against = !strcasecmp(f->name, "against");
			if (!*v) {
				BAD(f, "empty %s", f->name);
				continue;
			}
			if (against && c->kind != CRIT_RATIO)
				BAD(f, "Against belongs to a ratio criterion");
			else if (c->kind == CRIT_STAGES ||
				 c->kind == CRIT_LENGTH ||
				 c->kind == CRIT_EXPECT)
				BAD(f, "a %s criterion takes no Pattern%s",
				    kind_names[c->kind],
				    c->kind == CRIT_STAGES
					    ? " (use Stage: LABEL = PATTERN)"
					    : "");
			else
				add_pattern(c, f, 0, NULL, 0, against);
		} else if (!strcasecmp(f->name, "stage")) {
			size_t ll, po;
			if (c->kind != CRIT_STAGES) {
				BAD(f, "Stage belongs to a stages criterion");
			} else if (rec_split_labelled(v, &ll, &po)) {
				unsigned l, col;
				rec_origin(f, 0, &l, &col);
				diag_add(
					dl, DIAG_ERROR, DIAG_E_SYNTAX, file, l,
					col,
					"Stage needs 'LABEL = PATTERN' (a space on each side of '=')");
				bad = 1;
			} else {
				add_pattern(c, f, po, v, ll, 0);
			}
		} else if (!strcasecmp(f->name, "min")) {
			if (parse_number(v, &d) || d > 1000)
				BAD(f,
				    "Min must be a number from 0 to 1000, not '%s'",
				    v);
			else
				c->min = d;
		} else if (!strcasecmp(f->name, "count")) {
			if (!strcasecmp(v, "matches"))
				c->count_matches = 1;
			else if (strcasecmp(v, "patterns"))
				BAD(f,
				    "Count must be 'patterns' or 'matches', not '%s'",
				    v);
		} else if (!strcasecmp(f->name, "instead")) {
			static const char *const facts[] = {
				"numbers", "decision", "frameworks", "we",
				NULL};
			size_t k;
			for (k = 0; facts[k] && strcasecmp(v, facts[k]); k++)
				;
			if (facts[k])
				c->instead = (enum crit_instead)(k + 1);
			else
				BAD(f,
				    "Instead must be 'numbers', 'decision', 'frameworks' or 'we', not '%s'",
				    v);
		} else if (!strcasecmp(f->name, "follow-ups")) {
			if (!strcasecmp(v, "skip"))
				c->followups = FOLLOWUP_SKIP;
			else if (!strcasecmp(v, "score"))
				c->followups = FOLLOWUP_SCORE;
			else
				BAD(f,
				    "Follow-ups must be 'score' or 'skip', not '%s'",
				    v);
		} else if (!strcasecmp(f->name, "where")) {
			char word[16];
			double pct;
			int n = 0;
			if (!strcasecmp(v, "anywhere")) {
				c->where = WHERE_ANYWHERE;
			} else if (sscanf(v, "%15s %lf%%%n", word, &pct, &n) ==
					   2 &&
				   (size_t)n == strlen(v) && pct > 0 &&
				   pct <= 100 &&
				   (!strcasecmp(word, "first") ||
				    !strcasecmp(word, "last"))) {
				c->where = !strcasecmp(word, "first")
						   ? WHERE_FIRST
						   : WHERE_LAST;
				c->where_pct = pct;
			} else {
				BAD(f,
				    "Where must be 'anywhere', 'first N%%' or 'last N%%', not '%s'",
				    v);
			}
		} else if (!strcasecmp(f->name, "target")) {
			if (parse_number(v, &d) || d <= 0 || d > 1)
				BAD(f,
				    "Target must be a share above 0 and at most 1, not '%s'",
				    v);
			else
				c->target = d;
		} else if (!strcasecmp(f->name, "ideal")) {
			if (parse_range(v, &c->ideal_lo, &c->ideal_hi))
				BAD(f,
				    "Ideal must be a word range like 200-450, not '%s'",
				    v);
		} else if (!strcasecmp(f->name, "words-per-minute")) {
			if (parse_range(v, &c->wpm_lo, &c->wpm_hi))
				BAD(f,
				    "Words-per-minute must be a range like 20-40, not '%s'",
				    v);
		} else if (!strcasecmp(f->name, "allow")) {
			if (parse_number(v, &d) || d > 100)
				BAD(f,
				    "Allow must be a number of hits per 100 words, not '%s'",
				    v);
			else
				c->allow = d;
		} else if (!strcasecmp(f->name, "full")) {
			if (parse_number(v, &d) || d <= 0 || d > 100)
				BAD(f,
				    "Full must be a number of hits per 100 words, not '%s'",
				    v);
			else
				c->full = d;
		}
	}
	if (!c->name) {
		diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file, r->line, 1,
			 "criterion has no name");
		bad = 1;
	}
	if (!bad) {
		int needs = c->kind == CRIT_KEYWORDS || c->kind == CRIT_RATIO ||
			    c->kind == CRIT_CONCRETENESS ||
			    c->kind == CRIT_PENALTY || c->kind == CRIT_STAGES;
		size_t pos = 0, k;
		for (k = 0; k < c->npats; k++)
			pos += !c->pats[k].against;
		if (needs && !pos) {
			diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file,
				 r->line, 1, "%s criterion '%s' has no %s",
				 kind_names[c->kind], c->name,
				 c->kind == CRIT_STAGES ? "Stage" : "Pattern");
			bad = 1;
		}
		if (c->kind == CRIT_RATIO && pos == c->npats) {
			diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file,
				 r->line, 1,
				 "ratio criterion '%s' has no Against",
				 c->name);
			bad = 1;
		}
		if (c->kind == CRIT_PENALTY && c->allow >= 0 && c->full >= 0 &&
		    c->full <= c->allow) {
			diag_add(dl, DIAG_ERROR, DIAG_E_BAD_VALUE, file,
				 r->line, 1,
				 "penalty '%s': Full must be above Allow",
				 c->name);
			bad = 1;
		}
	}
	if (!c->label && c->name)
		c->label = xstrdup(c->name);
	return bad;
}

int rubric_parse(struct rubric_set *rs, const char *file, const char *buf,
		 size_t len, struct diag_list *dl)
{
	struct rec_file rf;
	struct rubric *cur = NULL;
	int cur_bad = 0;
	size_t i, k;
	int rc = rec_parse(&rf, file, buf, len, dl);

	for (i = 0; rc == 0 && i < rf.nr; i++) {
		const struct rec *r = &rf.v[i];
		if (rec_get(r, "rubric")) {
			struct rubric ru;
			int bad = parse_header(&ru, r, file, buf, len, dl);
			cur = NULL;
			if (bad || !ru.name) {
				rubric_release(&ru);
				cur_bad = 1;
				continue;
			}
			cur_bad = 0;
			ALLOC_GROW(rs->v, rs->nr + 1, rs->alloc);
			rs->v[rs->nr] = ru;
			cur = &rs->v[rs->nr++];
		} else if (rec_get(r, "criterion")) {
			struct criterion c;
			int bad = parse_criterion(&c, r, file, dl);
			if (!cur && !cur_bad) {
				diag_add(
					dl, DIAG_ERROR, DIAG_E_MISSING_FIELD,
					file, r->line, 1,
					"criterion before any 'Rubric:' record");
				cur_bad = 1;
			}
			if (!bad && cur) {
				for (k = 0; k < cur->ncrit; k++)
					if (!strcmp(cur->crit[k].name, c.name))
						break;
				if (k < cur->ncrit) {
					diag_add(
						dl, DIAG_ERROR,
						DIAG_E_DUPLICATE_ID, file,
						r->line, 1,
						"criterion '%s' defined twice in rubric '%s' (first at line %u)",
						c.name, cur->name,
						cur->crit[k].line);
					bad = 1;
				}
			}
			if (bad || !cur) {
				criterion_release(&c);
				continue;
			}
			ALLOC_GROW(cur->crit, cur->ncrit + 1, cur->acrit);
			cur->crit[cur->ncrit++] = c;
		} else {
			diag_add(
				dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file,
				r->line, 1,
				"record is neither a 'Rubric:' nor a 'Criterion:'");
		}
	}
	for (i = 0; rc == 0 && i < rs->nr; i++)
		if (!strcmp(rs->v[i].file, file) && !rs->v[i].ncrit)
			diag_add(dl, DIAG_ERROR, DIAG_E_MISSING_FIELD, file,
				 rs->v[i].line, 1,
				 "rubric '%s' has no criteria", rs->v[i].name);
	rec_file_release(&rf);
	return rc;
}

int rubric_compile(struct rubric *r, int jit, struct diag_list *dl)
{
	size_t i, k;
	if (r->compiled)
		return r->compiled > 0 ? 0 : -1;
	r->compiled = 1;
	for (i = 0; i < r->ncrit; i++)
		for (k = 0; k < r->crit[i].npats; k++) {
			struct pattern *p = &r->crit[i].pats[k];
			p->prog = pattern_prog_compile(p->src, r->file, p->line,
						       p->col, jit, dl);
			if (!p->prog) {
				r->compiled = -1;
			} else {
				p->code = p->prog->code;
				p->fast = p->prog->fast;
			}
		}
	return r->compiled > 0 ? 0 : -1;
}

long rubric_find(const struct rubric_set *rs, const char *name)
{
	return rec_find_named(rs->v, rs->nr, sizeof(*rs->v),
			      offsetof(struct rubric, name), name);
}

void rubric_set_release(struct rubric_set *rs)
{
	size_t i;
	for (i = 0; i < rs->nr; i++)
		rubric_release(&rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}
