/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command-line option parser and value checks every command shares. */
#include "opt.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fsrs.h"
#include "sb.h"

static const struct opt *find_long(const struct opt *t, const char *name,
				   size_t len)
{
	for (; t->id; t++)
		if (t->name && strlen(t->name) == len &&
		    !memcmp(t->name, name, len))
			return t;
	return NULL;
}

static const struct opt *find_short(const struct opt *t, char c)
{
	for (; t->id; t++)
		if (t->short_name && t->short_name == c)
			return t;
	return NULL;
}

void opt_init(struct opt_parser *p, int argc, char **argv)
{
	memset(p, 0, sizeof(*p));
	p->argc = argc;
	p->argv = argv;
	p->ind = 1;
}

/* The value from the next element, or an error; empty counts as missing. */
static int take_next(struct opt_parser *p, const struct opt *o, struct sb *err)
{
	if (p->ind >= p->argc || !p->argv[p->ind][0]) {
		sb_addf(err, "option '%s' needs a value", p->name);
		return OPT_ERROR;
	}
	p->value = p->argv[p->ind++];
	return o->id;
}

static int next_short(struct opt_parser *p, const struct opt *t, struct sb *err)
{
	char c = *p->cluster++;
	const struct opt *o = find_short(t, c);
	snprintf(p->name, sizeof(p->name), "-%c", c);
	if (!o) {
		p->cluster = NULL;
		sb_addf(err, "unknown option '%s'", p->name);
		return OPT_ERROR;
	}
	if (!o->takes_value) {
		if (!*p->cluster)
			p->cluster = NULL;
		return o->id;
	}
	if (*p->cluster) {
		p->value = p->cluster; /* -qVALUE */
		p->cluster = NULL;
		return o->id;
	}
	p->cluster = NULL;
	return take_next(p, o, err);
}

static int next_long(struct opt_parser *p, const struct opt *t, const char *arg,
		     struct sb *err)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct opt *o = find_long(t, name, len);
	snprintf(p->name, sizeof(p->name), "--%.*s", (int)len, name);
	if (!o) {
		sb_addf(err, "unknown option '--%.*s'", (int)len, name);
		return OPT_ERROR;
	}
	if (!o->takes_value) {
		if (eq) {
			sb_addf(err, "option '%s' takes no value", p->name);
			return OPT_ERROR;
		}
		return o->id;
	}
	if (!eq)
		return take_next(p, o, err);
	if (!eq[1]) {
		sb_addf(err, "option '%s' needs a value", p->name);
		return OPT_ERROR;
	}
	p->value = eq + 1;
	return o->id;
}

int opt_next(struct opt_parser *p, const struct opt *t, struct sb *err)
{
	const char *arg;
	p->value = NULL;
	if (p->cluster)
		return next_short(p, t, err);
	for (;;) {
		if (p->ind >= p->argc)
			return OPT_DONE;
		arg = p->argv[p->ind++];
		if (p->operands_only || arg[0] != '-' || !arg[1]) {
			p->value = arg;
			return OPT_OPERAND;
		}
		if (arg[1] != '-') {
			p->cluster = arg + 1;
			return next_short(p, t, err);
		}
		if (arg[2])
			return next_long(p, t, arg, err);
		p->operands_only = 1; /* "--" */
	}
}

int opt_number(const char *opt, const char *v, long long min, long long max,
	       const char *unit, long long *out, struct sb *err)
{
	unsigned long long n = 0;
	const char *s = v;
	int over = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (n > (0x7fffffffffffffffULL - d) / 10)
			over = 1;
		else
			n = n * 10 + d;
	}
	if (s != v && !*s && !over && (long long)n >= min &&
	    (max < 0 || (long long)n <= max)) {
		*out = (long long)n;
		return 0;
	}
	if (unit)
		sb_addf(err, "%s takes whole %s (%lld to %lld), not '%s'", opt,
			unit, min, max, v);
	else if (max < 0)
		sb_addf(err, "%s takes a number from %lld, not '%s'", opt, min,
			v);
	else
		sb_addf(err, "%s takes a number from %lld to %lld, not '%s'",
			opt, min, max, v);
	return -1;
}

void opt_unknown(struct sb *err, const char *what, const char *v,
		 const char *const *valid, size_t n)
{
	size_t i;
	sb_addf(err, "unknown %s '%s' (valid: ", what, v);
	for (i = 0; i < n; i++)
		sb_addf(err, "%s%s", i ? ", " : "", valid[i]);
	sb_adds(err, n ? ")" : "none)");
}

int opt_choice(const char *what, const char *v, const char *const *valid,
	       size_t n, int fold, struct sb *err)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (fold ? !strcasecmp(v, valid[i]) : !strcmp(v, valid[i]))
			return (int)i;
	opt_unknown(err, what, v, valid, n);
	return -1;
}

int opt_grade(const char *v, struct sb *err)
{
	static const char *const names[] = {"again", "hard", "good", "easy",
					    "1-4"};
	int g = fsrs_rating_parse(v);
	if (g < 1)
		opt_unknown(err, "grade", v, names,
			    sizeof(names) / sizeof(*names));
	return g;
}
