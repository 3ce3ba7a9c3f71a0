/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tab completion at the home prompt and in `add`, and the string lists it builds. */
#include "drill-complete.h"
#include "drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "qbank.h"
#include "rubric.h"
#include "xalloc.h"

/* Append s; the array stays NULL-terminated. */
void strv_push(struct strv *sv, const char *s)
{
	ALLOC_GROW(sv->v, sv->nr + 2, sv->alloc);
	sv->v[sv->nr++] = xstrdup(s);
	sv->v[sv->nr] = NULL;
}

/* Append s unless it is there already (completion lists: short). */
static void strv_add(struct strv *sv, const char *s)
{
	size_t i;
	for (i = 0; i < sv->nr; i++)
		if (!strcmp(sv->v[i], s))
			return;
	strv_push(sv, s);
}

static int cmp_strp(const void *a, const void *b)
{
	const char *const *x = *(const char *const *const *)a;
	const char *const *y = *(const char *const *const *)b;
	int c = strcmp(*x, *y);
	return c ? c : x < y ? -1 : x > y;
}

/*
 * Drop repeats, keeping each string's first place: by sorting pointers
 * (ties in array order), n log n, where strv_add() on each of n strings
 * would compare n^2 / 2 times (50,000 follow-ups typed into `add`).
 */
void strv_uniq(struct strv *sv)
{
	char ***ord;
	const char *kept;
	size_t i, k;
	if (sv->nr < 2)
		return;
	ord = xmalloc(sv->nr * sizeof(*ord));
	for (i = 0; i < sv->nr; i++)
		ord[i] = &sv->v[i];
	qsort(ord, sv->nr, sizeof(*ord), cmp_strp);
	kept = *ord[0];
	for (i = 1; i < sv->nr; i++) {
		if (strcmp(*ord[i], kept)) {
			kept = *ord[i];
			continue;
		}
		free(*ord[i]);
		*ord[i] = NULL;
	}
	free(ord);
	for (i = 0, k = 0; i < sv->nr; i++)
		if (sv->v[i])
			sv->v[k++] = sv->v[i];
	sv->nr = k;
	sv->v[k] = NULL;
}

static const char *const home_cmds[] = {
	"add",  "check", "drill",  "help",   "history", "list",  "mock",
	"next", "quit",  "review", "search", "show",    "stats", NULL,
};
static const char *const drill_flags[] = {
	"--category", "--tag", "--level", "--count", "--cram", NULL,
};
static const char *const level_names[] = {"apm", "pm", "senior", "tpm", NULL};

static void add_all(struct strv *sv, const char *const *v)
{
	for (; *v; v++)
		strv_add(sv, *v);
}

static void add_categories(struct strv *sv, const struct bank *b)
{
	size_t i;
	for (i = 0; i < b->q.nr; i++)
		strv_add(sv, b->q.v[i].category);
}

static void add_tags(struct strv *sv, const struct bank *b)
{
	size_t i, k;
	for (i = 0; i < b->q.nr; i++)
		for (k = 0; k < b->q.v[i].ntags; k++)
			strv_add(sv, b->q.v[i].tags[k]);
}

static void add_ids(struct strv *sv, const struct bank *b)
{
	size_t i;
	for (i = 0; i < b->q.nr; i++)
		strv_add(sv, b->q.v[i].id);
}

/* The words of line[0..end) before the one being completed. */
static size_t words_before(const char *line, int start, char words[2][64],
			   char *first, size_t firstlen)
{
	size_t n = 0, i = 0;
	first[0] = '\0';
	words[0][0] = words[1][0] = '\0';
	while ((int)i < start) {
		size_t a, len;
		while ((int)i < start && is_space(line[i]))
			i++;
		a = i;
		while ((int)i < start && !is_space(line[i]))
			i++;
		len = i - a;
		if (!len)
			break;
		if (!n)
			snprintf(first, firstlen, "%.*s", (int)len, line + a);
		memcpy(words[0], words[1], sizeof(words[1]));
		snprintf(words[1], sizeof(words[1]), "%.*s", (int)len,
			 line + a);
		n++;
	}
	return n;
}

char **drill_complete(const char *line, int start, int end, void *data)
{
	struct session *s = data;
	struct strv sv = {0};
	char words[2][64], cmd[64];
	const char *prev;
	size_t n;
	(void)end;
	if (!s->bank && s->complete_mode != COMPLETE_HOME)
		return NULL;
	switch (s->complete_mode) {
	case COMPLETE_CATEGORY:
		add_categories(&sv, s->bank);
		return sv.v;
	case COMPLETE_RUBRIC: {
		size_t i;
		for (i = 0; i < s->bank->r.nr; i++)
			strv_add(&sv, s->bank->r.v[i].name);
		return sv.v;
	}
	case COMPLETE_NONE:
		return NULL;
	}
	n = words_before(line, start, words, cmd, sizeof(cmd));
	prev = words[1];
	if (!n) {
		add_all(&sv, home_cmds);
		return sv.v;
	}
	if (!s->bank)
		return NULL;
	if (!strcmp(prev, "--category") || !strcmp(prev, "-c"))
		add_categories(&sv, s->bank);
	else if (!strcmp(prev, "--tag"))
		add_tags(&sv, s->bank);
	else if (!strcmp(prev, "--level"))
		add_all(&sv, level_names);
	else if (!strcmp(prev, "--question"))
		add_ids(&sv, s->bank);
	else if (!strcmp(cmd, "help"))
		add_all(&sv, home_cmds);
	else if (!strcmp(cmd, "show") || !strcmp(cmd, "score"))
		add_ids(&sv, s->bank);
	else if (!strcmp(cmd, "drill")) {
		add_all(&sv, drill_flags);
		add_categories(&sv, s->bank);
	} else if (!strcmp(cmd, "mock")) {
		strv_add(&sv, "--questions");
		strv_add(&sv, "--category");
		strv_add(&sv, "--minutes");
		strv_add(&sv, "--level");
	} else if (!strcmp(cmd, "list") || !strcmp(cmd, "next")) {
		strv_add(&sv, "--category");
		strv_add(&sv, "--tag");
		strv_add(&sv, "--level");
	} else if (!strcmp(cmd, "history")) {
		strv_add(&sv, "--question");
		strv_add(&sv, "--since");
	}
	return sv.v;
}
