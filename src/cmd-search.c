/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill search`: full-text search over past answers. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "json.h"
#include "opt.h"
#include "safe.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "term.h"

/* The snippet's match markers: private-use characters, which safe_term()
 * passes and no answer needs, swapped for colour (or nothing) only after
 * the answer text around them has been made safe. */
#define MARK_ON "\xee\x80\x80"
#define MARK_OFF "\xee\x80\x81"

/*
 * Bounds on a query, checked before it reaches SQLite: FTS5's cost grows
 * with the number of terms far faster than linearly (NEAR() of 5,000
 * repeats of one word ran for over 100 s on one answer of 3,000 lines),
 * and no one types a longer query by hand.
 */
#define SEARCH_MAX_TERMS 32
#define SEARCH_MAX_BYTES 1000

/* Terms as FTS5's unicode61 tokenizer sees them: runs of ASCII letters
 * and digits or of non-ASCII bytes, less FTS5's operators (AND, OR, NOT
 * and NEAR, upper case only, as FTS5 reads them). */
static size_t count_terms(const char *s)
{
	static const char *const ops[] = {"AND", "OR", "NOT", "NEAR", NULL};
	size_t n = 0, k;
	while (*s) {
		const char *start = s;
		while (*s &&
		       ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') ||
			(*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			s++;
		if (s == start) {
			s++;
			continue;
		}
		for (k = 0; ops[k]; k++)
			if (strlen(ops[k]) == (size_t)(s - start) &&
			    !memcmp(ops[k], start, (size_t)(s - start)))
				break;
		if (!ops[k])
			n++;
	}
	return n;
}

/* Snippets span lines; show each on one, made safe for the terminal. */
static void one_line(struct sb *out, const char *s, int color)
{
	struct sb flat = SB_INIT, safe = SB_INIT;
	int space = 0;
	size_t i;
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t' || *s == ' ') {
			space = 1;
			continue;
		}
		if (space && flat.len && flat.buf[flat.len - 1] != ' ')
			sb_addc(&flat, ' ');
		space = 0;
		sb_addc(&flat, *s);
	}
	safe_term(&safe, flat.buf ? flat.buf : "", flat.len, 0);
	for (i = 0; i < safe.len; i++) {
		if (i + 3 <= safe.len && !memcmp(safe.buf + i, MARK_ON, 3)) {
			sb_adds(out, color ? "\033[1;33m" : "");
			i += 2;
		} else if (i + 3 <= safe.len &&
			   !memcmp(safe.buf + i, MARK_OFF, 3)) {
			sb_adds(out, color ? "\033[m" : "");
			i += 2;
		} else {
			sb_addc(out, safe.buf[i]);
		}
	}
	sb_release(&flat);
	sb_release(&safe);
}

/* JSON: the snippet's exact text without the markers, and where the
 * matches are in it (byte offsets, end exclusive). */
static void hit_json(struct sb *out, const struct store_hit *h)
{
	struct sb text = SB_INIT, at = SB_INIT;
	const char *p = h->snippet ? h->snippet : "";
	size_t open = 0;
	int n = 0;
	while (*p) {
		if (!strncmp(p, MARK_ON, 3)) {
			open = text.len;
			p += 3;
		} else if (!strncmp(p, MARK_OFF, 3)) {
			sb_addf(&at, "%s[%zu,%zu]", n++ ? "," : "", open,
				text.len);
			p += 3;
		} else {
			sb_addc(&text, *p++);
		}
	}
	sb_addf(out, "{\"id\":%lld,\"question\":", h->attempt_id);
	json_str(out, h->question_id);
	json_key(out, "started_at");
	{
		struct sb t = SB_INIT;
		store_fmt_time(&t, h->started_at);
		json_str(out, t.buf);
		sb_release(&t);
	}
	json_key(out, "score");
	json_num_or_null(out, h->score, h->score >= 0);
	json_key(out, "snippet");
	json_strn(out, text.buf, text.len);
	sb_addf(out, ",\"matches\":[%s]}", at.len ? at.buf : "");
	sb_release(&text);
	sb_release(&at);
}

static void hits_json(struct sb *out, const char *query,
		      const struct store_hit *hits, size_t n)
{
	size_t i;
	sb_addc(out, '{');
	json_key_str(out, "query", query);
	sb_adds(out, ",\"hits\":[");
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(out, ',');
		hit_json(out, &hits[i]);
	}
	sb_adds(out, "]}\n");
}

enum { SE_LIMIT = 1, SE_JSON };
static const struct cmd_grammar search_grammar = {"search", "limit= json", -1,
						  NULL};

int cmd_search(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_hit *hits = NULL;
	struct sb err = SB_INIT, out = SB_INIT, query = SB_INIT;
	size_t n = 0, i, limit = 20;
	long long l = 20;
	int rc, status, words, json;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &search_grammar, &status))
		return status;
	json = a.value[SE_JSON] != NULL;
	if ((status = cmd_arg_number(&a, SE_LIMIT, "search", 1, -1, NULL, &l)))
		goto out;
	limit = (size_t)l;
	/* Several words are one query, as if quoted together. */
	for (words = 0; words < a.noperands; words++) {
		if (words)
			sb_addc(&query, ' ');
		sb_adds(&query, a.operand[words]);
	}
	if (!words) {
		status = cmd_usage_error("search", "%s", "what to search for?");
		goto out;
	}
	if (query.len > SEARCH_MAX_BYTES ||
	    count_terms(query.buf) > SEARCH_MAX_TERMS) {
		fprintf(stderr,
			"pmdrill: search: the query is too long (%zu bytes, %zu terms); "
			"search with at most %d terms and %d bytes\n",
			query.len, count_terms(query.buf), SEARCH_MAX_TERMS,
			SEARCH_MAX_BYTES);
		status = EX_USAGE;
		goto out;
	}

	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	if (!st) {
		if (json)
			hits_json(&out, query.buf, NULL, 0);
		else
			sb_adds(&out, "no attempts yet\n");
		fwrite(out.buf, 1, out.len, stdout);
		status = EX_OK;
		goto out;
	}
	rc = store_search(st, query.buf, limit, MARK_ON, MARK_OFF, &hits, &n,
			  &err);
	if (rc) {
		fprintf(stderr, "pmdrill: search: %s\n", err.buf);
		status = rc == STORE_EINVAL ? EX_USAGE : store_exit_code(rc);
		goto out;
	}
	if (json) {
		hits_json(&out, query.buf, hits, n);
		fwrite(out.buf, 1, out.len, stdout);
		status = fflush(stdout) ? EX_IOERR : EX_OK;
		goto out;
	}
	if (!n) {
		sb_adds(&out, "no answer matches '");
		safe_term(&out, query.buf, query.len, 0);
		sb_adds(&out, "'\n");
	}
	for (i = 0; i < n; i++) {
		sb_addf(&out, "%lld  ", hits[i].attempt_id);
		store_fmt_date(&out, hits[i].started_at);
		sb_addf(&out, "  %s", hits[i].question_id);
		if (hits[i].score >= 0)
			sb_addf(&out, "  %.0f", hits[i].score);
		sb_adds(&out, "\n    ");
		one_line(&out, hits[i].snippet, app->color_out);
		sb_addc(&out, '\n');
	}
	/* Every untrusted piece is safe already; the colour is pmdrill's. */
	cmd_screen(out.buf, out.len, 0, TERM_FIT_WRAP, 1);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	store_hits_free(hits, n);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	sb_release(&query);
	return status;
}
