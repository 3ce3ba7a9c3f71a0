/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill show`: a question with its hint, follow-ups, rubric and outline. */
#include "cmd.h"

#include <string.h>
#include <sysexits.h>

#include "bank.h"
#include "json.h"
#include "opt.h"
#include "sb.h"
#include "term.h"

static void indent_block(struct sb *out, const char *text, const char *pfx)
{
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (n)
			sb_addf(out, "%s%.*s\n", pfx, (int)n, p);
		else
			sb_adds(out, "\n");
		p += n;
		if (*p)
			p++;
	}
}

static void rubric_show(struct sb *out, const struct rubric *r)
{
	size_t i, k;
	sb_addf(out, "Rubric '%s': %s\n", r->name, r->title);
	for (i = 0; i < r->ncrit; i++) {
		const struct criterion *c = &r->crit[i];
		sb_addf(out, "  %-13s %s%-5g %s\n", crit_kind_name(c->kind),
			c->kind == CRIT_PENALTY ? "-" : " ", c->weight,
			c->label);
		if (c->kind == CRIT_STAGES) {
			sb_adds(out, "                       ");
			for (k = 0; k < c->npats; k++)
				sb_addf(out, "%s%s", k ? " > " : "",
					c->pats[k].label);
			sb_adds(out, "\n");
		}
	}
	if (r->outline) {
		sb_adds(out, "\nOutline of a strong answer:\n");
		/* its items re-flowed to a narrow terminal, hanging */
		if (!term_add_prose(out, r->outline, 2))
			indent_block(out, r->outline, "  ");
	}
}

enum { SH_JSON = 1 };
static const struct cmd_grammar show_grammar = {"show", "json", 1,
						"one question at a time"};

int cmd_show(int argc, char **argv, struct app *app)
{
	const char *id;
	int json, status;
	struct cmd_args a;
	struct bank *b;
	long qi;
	const struct question *q;
	struct rubric *r;
	struct sb out = SB_INIT, t = SB_INIT;
	size_t i;

	if (cmd_parse(&a, argc, argv, &show_grammar, &status))
		return status;
	json = a.value[SH_JSON] != NULL;
	id = a.noperands ? a.operand[0] : NULL;
	if (!id) {
		cmd_usage(cmd_find("show"), stderr);
		return EX_USAGE;
	}
	b = app_bank(app, &status);
	if (!b)
		return status;
	qi = qbank_find(&b->q, id);
	if (qi < 0) {
		fprintf(stderr,
			"pmdrill: show: no question with id '%s' (see 'pmdrill list')\n",
			id);
		return EX_NOINPUT;
	}
	q = &b->q.v[qi];
	r = bank_rubric_of(b, (size_t)qi);
	if (json) {
		question_json(&out, b, (size_t)qi);
		sb_addc(&out, '\n');
	} else {
		format_duration(&t, bank_question_time(b, (size_t)qi));
		sb_addf(&out, "%s  (%s, %s%s%s, rubric %s)\n\n", q->id,
			q->category, q->level ? qlevel_name(q->level) : "",
			q->level ? ", " : "", t.buf, question_rubric(q));
		if (!term_add_prose(&out, q->prompt, 2))
			indent_block(&out, q->prompt, "  ");
		if (q->hint) {
			sb_adds(&out, "\nHint:\n");
			if (!term_add_prose(&out, q->hint, 2))
				indent_block(&out, q->hint, "  ");
		}
		if (q->nfollow) {
			sb_adds(&out, "\nFollow-ups:\n");
			for (i = 0; i < q->nfollow; i++)
				sb_addf(&out, "  %zu. %s\n", i + 1,
					q->follow_ups[i]);
		}
		if (q->ntags) {
			sb_adds(&out, "\nTags: ");
			for (i = 0; i < q->ntags; i++)
				sb_addf(&out, "%s%s", i ? ", " : "",
					q->tags[i]);
			sb_adds(&out, "\n");
		}
		if (q->nexpect) {
			sb_adds(&out, "\nThis question expects:\n");
			for (i = 0; i < q->nexpect; i++)
				sb_addf(&out, "  - %s\n", q->expects[i].label);
		}
		if (r) {
			sb_adds(&out, "\n");
			rubric_show(&out, r);
		}
	}
	cmd_screen(out.buf, out.len, json, TERM_FIT_WRAP, 0);
	sb_release(&out);
	sb_release(&t);
	return EX_OK;
}
