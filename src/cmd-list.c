/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill list`: the loaded questions, as a table or JSON. */
#include "cmd.h"

#include <string.h>
#include <sysexits.h>

#include "bank.h"
#include "json.h"
#include "sb.h"
#include "term.h"
#include "xalloc.h"

int question_matches(const struct question *q, const char *category,
		     const char *tag, const char *level)
{
	size_t i;
	if (category && strcmp(q->category, category))
		return 0;
	if (level && strcmp(qlevel_name(q->level), level))
		return 0;
	if (tag) {
		for (i = 0; i < q->ntags; i++)
			if (!strcmp(q->tags[i], tag))
				break;
		if (i == q->ntags)
			return 0;
	}
	return 1;
}

int cmd_list(int argc, char **argv, struct app *app)
{
	const char *category = NULL, *tag = NULL, *level = NULL;
	int json = 0, a, status;
	struct bank *b;
	struct sb out = SB_INIT;
	size_t i, shown = 0;

	if (cmd_wants_help(argc, argv, "list"))
		return EX_OK;
	for (a = 1; a < argc; a++) {
		const char *o = argv[a];
		const char **dst = NULL;
		if (!strcmp(o, "--json")) {
			json = 1;
			continue;
		}
		if (!strcmp(o, "--category") || !strcmp(o, "-c"))
			dst = &category;
		else if (!strcmp(o, "--tag"))
			dst = &tag;
		else if (!strcmp(o, "--level"))
			dst = &level;
		if (dst && a + 1 < argc) {
			*dst = argv[++a];
			continue;
		}
		if (!strncmp(o, "--category=", 11)) {
			category = o + 11;
			continue;
		}
		if (!strncmp(o, "--tag=", 6)) {
			tag = o + 6;
			continue;
		}
		if (!strncmp(o, "--level=", 8)) {
			level = o + 8;
			continue;
		}
		fprintf(stderr, "pmdrill: list: %s '%s'\n",
			dst ? "missing value for" : "unexpected argument", o);
		cmd_usage(cmd_find("list"), stderr);
		return EX_USAGE;
	}
	b = app_bank(app, &status);
	if (!b)
		return status;
	if (json)
		sb_addc(&out, '[');
	for (i = 0; i < b->q.nr; i++) {
		const struct question *q = &b->q.v[i];
		if (!question_matches(q, category, tag, level))
			continue;
		if (json) {
			if (shown)
				sb_addc(&out, ',');
			sb_adds(&out, "\n  ");
			question_json(&out, b, i);
		} else {
			struct sb t = SB_INIT;
			size_t n = strcspn(q->prompt, "\n");
			format_duration(&t, bank_question_time(b, i));
			sb_addf(&out, "%-32s %-15s %-6s %6s  %.*s%s\n", q->id,
				q->category, q->level ? qlevel_name(q->level) : "-",
				t.buf, (int)n, q->prompt, q->prompt[n] ? " ..." : "");
			sb_release(&t);
		}
		shown++;
	}
	if (json)
		sb_adds(&out, shown ? "\n]\n" : "]\n");
	term_output(stdout, out.buf, out.len, json, TERM_FIT_CUT);
	sb_release(&out);
	if (!shown && category && !json)
		fprintf(stderr, "pmdrill: list: no questions in category '%s'\n",
			category);
	return EX_OK;
}
