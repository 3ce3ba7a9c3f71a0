/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill list`: the loaded questions, as a table or JSON. */
#include "cmd.h"

#include <string.h>
#include <unistd.h>
#include <sysexits.h>

#include "bank.h"
#include "json.h"
#include "opt.h"
#include "sb.h"
#include "term.h"
#include "xalloc.h"

/* Narrower than this, `list` shows a question in two lines. */
#define LIST_FULL_WIDTH 90

/* Does a question pass the filters (NULL: any)? */
static int question_matches(const struct question *q, const char *category,
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

enum { L_CATEGORY = 1, L_TAG, L_LEVEL, L_JSON };
static const struct cmd_grammar list_grammar = {
	"list", "category/c= tag= level= json", 0, NULL};

int cmd_list(int argc, char **argv, struct app *app)
{
	enum qlevel l = QLEVEL_NONE;
	struct cmd_args a;
	struct bank *b;
	struct sb out = SB_INIT;
	size_t i, shown = 0, idw = 8;
	int json, status, narrow = 0;
	const char *category, *tag, *level;

	if (cmd_parse(&a, argc, argv, &list_grammar, &status))
		return status;
	json = a.value[L_JSON] != NULL;
	category = a.value[L_CATEGORY];
	tag = a.value[L_TAG];
	level = a.value[L_LEVEL];
	if (level && qlevel_option(level, &l, &out)) {
		status = cmd_value_error("list", &out);
		goto done;
	}
	b = app_bank(app, &status);
	if (!b)
		goto done;
	if ((category && bank_check_category(b, category, &out)) ||
	    (tag && bank_check_tag(b, tag, &out))) {
		status = cmd_value_error("list", &out);
		goto done;
	}
	if (level)
		level = qlevel_name(l);
	if (json)
		sb_addc(&out, '[');
	/* A narrow terminal: two lines a question, the id (as wide as
	 * the longest shown), level and time, then the prompt under it;
	 * no category column (an id names its category). */
	if (!json && isatty(STDOUT_FILENO) && term_width() < LIST_FULL_WIDTH) {
		narrow = 1;
		for (i = 0; i < b->q.nr; i++)
			if (question_matches(&b->q.v[i], category, tag,
					     level) &&
			    strlen(b->q.v[i].id) > idw)
				idw = strlen(b->q.v[i].id);
	}
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
			if (narrow)
				sb_addf(&out, "%-*s %-6s %4s\n    %.*s%s\n",
					(int)idw, q->id,
					q->level ? qlevel_name(q->level) : "-",
					t.buf, (int)n, q->prompt,
					q->prompt[n] ? " ..." : "");
			else
				sb_addf(&out, "%-32s %-15s %-6s %6s  %.*s%s\n",
					q->id, q->category,
					q->level ? qlevel_name(q->level) : "-",
					t.buf, (int)n, q->prompt,
					q->prompt[n] ? " ..." : "");
			sb_release(&t);
		}
		shown++;
	}
	if (json)
		sb_adds(&out, shown ? "\n]\n" : "]\n");
	cmd_screen(out.buf, out.len, json, TERM_FIT_CUT, 0);
	if (!shown && category && !json)
		fprintf(stderr,
			"pmdrill: list: no questions in category '%s'\n",
			category);
	status = EX_OK;
done:
	sb_release(&out);
	return status;
}
