/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading an import file: JSON lines or CSV, one record at a time. */
#include "store-import-file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fsrs.h"
#include "json.h"
#include "rubric.h"
#include "xalloc.h"

void irec_release(struct irec *r)
{
	int i;
	for (i = 0; i < F_COUNT; i++)
		free(r->v[i]);
	free(r->session_kind);
	free(r->session_settings);
}

static int field_index(const char *name)
{
	return st_index(st_export_fields, name);
}

static int import_json_line(const char *buf, size_t len, struct irec *r,
			    struct sb *err)
{
	struct json_value o;
	const char *msg;
	size_t i;
	/* the fields only: a nested value (criteria, notes, grade changes,
	 * session) is checked here and kept as its text, read later */
	if (json_parse_shallow(buf, len, 2, &o, &msg)) {
		sb_addf(err, "line %u: %s", r->line, msg);
		json_value_release(&o);
		return -1;
	}
	if (o.type != JSON_OBJ) {
		sb_addf(err, "line %u: not a JSON object", r->line);
		json_value_release(&o);
		return -1;
	}
	for (i = 0; i < o.n; i++) {
		/* an export writes the fields in order: try that first */
		int k = i < F_COUNT && !strcmp(o.keys[i], st_export_fields[i])
				? (int)i
				: field_index(o.keys[i]);
		struct json_value *v = &o.kids[i];
		if (k < 0)
			continue;
		/* a key given twice: the last one counts, as in most readers */
		free(r->v[k]);
		r->v[k] = NULL;
		r->len[k] = 0;
		if (v->type == JSON_NULL)
			continue;
		if (v->type == JSON_STR) {
			/* the decoded string changes hands, uncopied */
			r->v[k] = v->str;
			r->len[k] = v->len;
			v->str = NULL;
		} else {
			r->v[k] = xstrndup(v->raw, v->rawlen);
			r->len[k] = v->rawlen;
		}
	}
	json_value_release(&o);
	return 0;
}

/* Read one RFC 4180 record starting at *pos; cells go to cells/ncells. */
static int csv_record(const char *buf, size_t len, size_t *pos,
		      struct sb *cells, size_t max, size_t *ncells,
		      unsigned *line)
{
	size_t i = *pos, c = 0;
	sb_reset(&cells[0]);
	for (;;) {
		if (i < len && buf[i] == '"') {
			i++;
			for (;;) {
				if (i >= len)
					return -1; /* unterminated quote */
				if (buf[i] == '"') {
					if (i + 1 < len && buf[i + 1] == '"') {
						sb_addc(&cells[c], '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (buf[i] == '\n')
					(*line)++;
				sb_addc(&cells[c], buf[i++]);
			}
		} else {
			while (i < len && buf[i] != ',' && buf[i] != '\n' &&
			       !(buf[i] == '\r' && i + 1 < len &&
				 buf[i + 1] == '\n'))
				sb_addc(&cells[c], buf[i++]);
		}
		if (i < len && buf[i] == ',') {
			i++;
			if (++c >= max)
				return -2;
			sb_reset(&cells[c]);
			continue;
		}
		if (i < len && buf[i] == '\r')
			i++;
		if (i < len && buf[i] == '\n')
			i++;
		else if (i < len)
			return -1; /* text after a closing quote */
		(*line)++;
		break;
	}
	*pos = i;
	*ncells = c + 1;
	return 0;
}

/* Append the next physical line (with its '\n') to r->buf; 0 at the end.
 * getline() keeps NUL bytes, so the record parser sees and rejects them. */
static int read_line(struct ireader *r)
{
	ssize_t n = getline(&r->line_buf, &r->line_alloc, r->in);
	if (n <= 0) {
		r->eof = 1;
		return 0;
	}
	sb_add(&r->buf, r->line_buf, (size_t)n);
	r->line++;
	return 1;
}

/* Are the double quotes in s balanced (a complete CSV record)? */
static int quotes_closed(const char *s, size_t len)
{
	size_t i, q = 0;
	for (i = 0; i < len; i++)
		q += s[i] == '"';
	return q % 2 == 0;
}

static int blank(const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Read one CSV record's text (lines joined while a quote is open). */
static int read_csv_text(struct ireader *r)
{
	sb_reset(&r->buf);
	if (!read_line(r))
		return 0;
	while (!quotes_closed(r->buf.buf, r->buf.len) && read_line(r))
		;
	return 1;
}

/*
 * Start reading: skip leading blank lines and tell the format from the
 * first byte.  -1 (message in err) when it is neither.
 */
int ireader_start(struct ireader *r, FILE *in, struct sb *err)
{
	size_t c, ncells = 0, pos = 0;
	unsigned l;
	memset(r, 0, sizeof(*r));
	r->in = in;
	sb_init(&r->buf);
	for (c = 0; c <= F_COUNT; c++)
		sb_init(&r->cells[c]);
	while (read_line(r) && blank(r->buf.buf, r->buf.len))
		sb_reset(&r->buf);
	if (r->eof)
		return 0; /* an empty file imports nothing */
	if (r->buf.buf[strspn(r->buf.buf, " \t")] == '{')
		return 0; /* JSON lines: the line read is the first record */
	r->csv = 1;
	while (!quotes_closed(r->buf.buf, r->buf.len) && read_line(r))
		;
	l = r->line;
	if (csv_record(r->buf.buf, r->buf.len, &pos, r->cells, F_COUNT + 1,
		       &ncells, &l) ||
	    ncells < 2 || strcmp(r->cells[0].buf, "format")) {
		sb_adds(err, "line 1: not a pmdrill export (expected JSON "
			     "lines or a CSV header starting 'format,')");
		return -1;
	}
	r->ncols = ncells;
	for (c = 0; c < ncells; c++)
		r->map[c] = field_index(r->cells[c].buf);
	sb_reset(&r->buf);
	return 0;
}

/*
 * The next record into *rec (zeroed first): 1, 0 at the end, -1 on a
 * malformed record (message in err).
 */
int ireader_next(struct ireader *r, struct irec *rec, struct sb *err)
{
	memset(rec, 0, sizeof(*rec));
	for (;;) {
		if (!r->csv) {
			if (!r->buf.len && !read_line(r))
				return 0;
			rec->line = r->line;
			if (blank(r->buf.buf, r->buf.len)) {
				sb_reset(&r->buf);
				continue;
			}
			if (r->buf.len && r->buf.buf[r->buf.len - 1] == '\n')
				r->buf.len--;
			if (import_json_line(r->buf.buf, r->buf.len, rec, err))
				return -1;
			sb_reset(&r->buf);
			return 1;
		} else {
			size_t ncells = 0, pos = 0, c;
			unsigned l;
			int rc;
			if (!read_csv_text(r))
				return 0;
			l = r->line;
			rec->line = r->line;
			/* the record's first line, for messages */
			for (c = 0; c < r->buf.len; c++)
				rec->line -= r->buf.buf[c] == '\n' &&
					     c + 1 < r->buf.len;
			if (blank(r->buf.buf, r->buf.len))
				continue;
			rc = csv_record(r->buf.buf, r->buf.len, &pos, r->cells,
					F_COUNT + 1, &ncells, &l);
			if (rc) {
				sb_addf(err, "line %u: %s", rec->line,
					rc == -2 ? "too many fields"
						 : "bad quoting");
				return -1;
			}
			if (ncells != r->ncols) {
				sb_addf(err,
					"line %u: %zu fields, the header has %zu",
					rec->line, ncells, r->ncols);
				return -1;
			}
			for (c = 0; c < ncells; c++) {
				int k = r->map[c];
				if (k < 0 || !r->cells[c].len)
					continue;
				free(rec->v[k]);
				rec->len[k] = r->cells[c].len;
				rec->v[k] = sb_detach(&r->cells[c], NULL);
			}
			return 1;
		}
	}
}

void ireader_release(struct ireader *r)
{
	size_t c;
	free(r->line_buf);
	sb_release(&r->buf);
	for (c = 0; c <= F_COUNT; c++)
		sb_release(&r->cells[c]);
}

/* Parse "true"/"false", a grade name, times and numbers from a record. */
int rec_bool(const struct irec *r, int k)
{
	return r->v[k] && (!strcmp(r->v[k], "true") || !strcmp(r->v[k], "1"));
}

int rec_grade(const struct irec *r, int k)
{
	return r->v[k] ? fsrs_rating_parse(r->v[k]) : 0;
}

int rec_time(const struct irec *r, int k, long long *out)
{
	long long t;
	if (!r->v[k])
		return -1;
	t = parse_time_arg(r->v[k]);
	if (t < 0)
		return -1;
	*out = t;
	return 0;
}

int rec_ll(const struct irec *r, int k, long long *out)
{
	char *end;
	if (!r->v[k])
		return -1;
	errno = 0;
	*out = strtoll(r->v[k], &end, 10);
	return *end || errno ? -1 : 0;
}

/* A time as export writes it, from a JSON string value. */
static int json_time(const struct json_value *v, long long *out)
{
	if (!v || v->type != JSON_STR || (*out = parse_time_arg(v->str)) < 0)
		return -1;
	return 0;
}

/*
 * The "session" field: {"id": N, "kind": "mock", "started_at": T,
 * "ended_at": T or null, "settings": {...} or null}.  0 when it is one;
 * what it holds goes into r->session_*.
 */
static int check_session(struct irec *r)
{
	struct json_value o;
	const struct json_value *id, *kind, *end, *set;
	const char *msg;
	int bad = 1;
	if (json_parse(r->v[F_SESSION], r->len[F_SESSION], &o, &msg) ||
	    o.type != JSON_OBJ)
		goto out;
	id = json_get(&o, "id");
	kind = json_get(&o, "kind");
	end = json_get(&o, "ended_at");
	set = json_get(&o, "settings");
	if (!id || id->type != JSON_NUM || id->num < 1 || id->num > 9e15 ||
	    id->num != (double)(long long)id->num || !kind ||
	    kind->type != JSON_STR || strcmp(kind->str, "mock") ||
	    json_time(json_get(&o, "started_at"), &r->session_start))
		goto out;
	r->session_end = 0;
	if (end && end->type != JSON_NULL && json_time(end, &r->session_end))
		goto out;
	if (set && set->type != JSON_NULL && set->type != JSON_OBJ)
		goto out;
	r->session_src = (long long)id->num;
	r->session_kind = xstrdup(kind->str);
	r->session_settings = set && set->type == JSON_OBJ
				      ? xstrndup(set->raw, set->rawlen)
				      : xstrdup("{}");
	bad = 0;
out:
	json_value_release(&o);
	return bad;
}

int check_record(struct irec *r, struct sb *err)
{
	long long t, x;
	const char *what = NULL;
	if (!r->v[F_FORMAT] || strcmp(r->v[F_FORMAT], "1")) {
		sb_addf(err,
			"line %u: unknown export format '%s' (this pmdrill "
			"reads format %d)",
			r->line, r->v[F_FORMAT] ? r->v[F_FORMAT] : "",
			EXPORT_FORMAT);
		return -1;
	}
	if (!r->v[F_QUESTION] || !*r->v[F_QUESTION])
		what = "question";
	else if (rec_time(r, F_STARTED, &r->started))
		what = "started_at";
	else if (!r->v[F_ANSWER])
		what = "answer";
	else if (r->v[F_ID] && rec_ll(r, F_ID, &x))
		what = "id";
	else if (r->v[F_PARENT] && rec_ll(r, F_PARENT, &x))
		what = "parent";
	else if (r->v[F_AUTO] && !rec_grade(r, F_AUTO))
		what = "auto_grade";
	else if (r->v[F_FINAL] && rec_grade(r, F_FINAL) <= 0)
		what = "final_grade";
	else if (rec_bool(r, F_SCHEDULED) &&
		 (rec_time(r, F_REVIEWED, &t) || rec_grade(r, F_FINAL) <= 0))
		what = "reviewed_at";
	else if (r->v[F_SESSION] && check_session(r))
		what = "session";
	if (what) {
		sb_addf(err, "line %u: missing or bad '%s'", r->line, what);
		return -1;
	}
	if (!r->v[F_HASH]) {
		char h[17];
		st_hex64(h, fnv1a64(r->v[F_ANSWER], r->len[F_ANSWER]));
		r->v[F_HASH] = xstrdup(h);
	}
	return 0;
}
