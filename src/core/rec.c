/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parser for the blank-line separated `Field: value` record syntax. */
#include "rec.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "sb.h"
#include "xalloc.h"

size_t utf8_count(const char *s, size_t n)
{
	size_t i, c = 0;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t k, need;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		for (k = 1; k <= need; k++) {
			if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return i;
}

size_t rec_line(const char *s, size_t n, size_t *next)
{
	size_t i;
	for (i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++)
		;
	*next = i;
	if (i < n)
		*next += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	return i;
}

static int is_blank(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static void add_line_origin(struct rec_field *f, size_t off, unsigned line,
			    unsigned col)
{
	ALLOC_GROW(f->lines, f->nlines + 1, f->alloc);
	f->lines[f->nlines].off = off;
	f->lines[f->nlines].line = line;
	f->lines[f->nlines].col = col;
	f->nlines++;
}

static void trim_right(const char *s, size_t *n)
{
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
}

/* The value of the field being built lives in `val` until the field ends. */
static void finish_field(struct rec *r, struct sb *val)
{
	struct rec_field *f;
	if (!r || !r->nr)
		return;
	f = &r->f[r->nr - 1];
	if (f->value)
		return;
	f->value = sb_detach(val, NULL);
}

int rec_parse(struct rec_file *out, const char *name, const char *buf,
	      size_t len, struct diag_list *dl)
{
	struct sb val = SB_INIT;
	struct rec *cur = NULL;
	const char *nul;
	size_t pos = 0;
	unsigned lineno = 0;
	int bad_utf8 = 0;

	memset(out, 0, sizeof(*out));
	out->name = xstrdup(name);
	if (len > REC_MAX_FILE) {
		diag_add(dl, DIAG_ERROR, DIAG_E_TOO_LARGE, name, 0, 0,
			 "file is too large (%zu bytes; the limit is %u)", len,
			 REC_MAX_FILE);
		return -1;
	}
	nul = memchr(buf, '\0', len);
	if (nul) {
		size_t at = (size_t)(nul - buf), ls = 0, next;
		unsigned ln = 1;
		while (ls + rec_line(buf + ls, at - ls, &next) < at) {
			ln++;
			ls += next;
		}
		diag_add(dl, DIAG_ERROR, DIAG_E_BINARY, name, ln,
			 (unsigned)utf8_count(buf + ls, at - ls) + 1,
			 "not a text file (NUL byte)");
		return -1;
	}
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		pos = 3;

	while (pos < len) {
		const char *line = buf + pos;
		size_t next, n = rec_line(line, len - pos, &next);
		size_t valid;
		pos += next;
		lineno++;

		valid = utf8_valid_prefix(line, n);
		if (valid < n && !bad_utf8) {
			bad_utf8 = 1;
			diag_add(dl, DIAG_ERROR, DIAG_E_UTF8, name, lineno,
				 (unsigned)utf8_count(line, valid) + 1,
				 "invalid UTF-8 (byte 0x%02X)",
				 (unsigned char)line[valid]);
		}
		if (is_blank(line, n)) {
			finish_field(cur, &val);
			cur = NULL;
			continue;
		}
		if (line[0] == '#')
			continue;
		if (line[0] == ' ' || line[0] == '\t') {
			size_t i = 0;
			struct rec_field *f;
			if (!cur) {
				diag_add(dl, DIAG_ERROR, DIAG_E_CONTINUATION,
					 name, lineno, 1,
					 "continuation line before any field "
					 "(a line that starts with white space "
					 "continues the field above it)");
				continue;
			}
			f = &cur->f[cur->nr - 1];
			while (i < n && (line[i] == ' ' || line[i] == '\t'))
				i++;
			trim_right(line, &n);
			sb_addc(&val, '\n');
			add_line_origin(f, val.len, lineno,
					(unsigned)utf8_count(line, i) + 1);
			if (!(n - i == 1 && line[i] == '.'))
				sb_add(&val, line + i, n - i);
			continue;
		}
		{
			size_t i = 0, v;
			struct rec_field *f;
			while (i < n && is_name_char(line[i]))
				i++;
			if (i == 0 || i >= n || line[i] != ':') {
				size_t at = i < n ? i : n;
				diag_add(
					dl, DIAG_ERROR, DIAG_E_SYNTAX, name,
					lineno,
					(unsigned)utf8_count(line, at) + 1,
					"expected 'Field: value'%s",
					i == 0 ? ""
					       : " (missing ':' after the field name?)");
				continue;
			}
			finish_field(cur, &val);
			if (!cur) {
				ALLOC_GROW(out->v, out->nr + 1, out->alloc);
				cur = &out->v[out->nr++];
				memset(cur, 0, sizeof(*cur));
				cur->line = lineno;
			}
			ALLOC_GROW(cur->f, cur->nr + 1, cur->alloc);
			f = &cur->f[cur->nr++];
			memset(f, 0, sizeof(*f));
			f->name = xstrndup(line, i);
			f->line = lineno;
			f->col = 1;
			v = i + 1;
			while (v < n && (line[v] == ' ' || line[v] == '\t'))
				v++;
			trim_right(line, &n);
			if (v > n)
				v = n;
			sb_reset(&val);
			add_line_origin(f, 0, lineno,
					(unsigned)utf8_count(line, v) + 1);
			sb_add(&val, line + v, n - v);
		}
	}
	finish_field(cur, &val);
	sb_release(&val);
	/* A value that starts on the line after its field name begins with
	 * the '\n' of its first continuation; drop it so values are clean. */
	{
		size_t r, k, j;
		for (r = 0; r < out->nr; r++)
			for (k = 0; k < out->v[r].nr; k++) {
				struct rec_field *f = &out->v[r].f[k];
				if (f->value[0] == '\n' && f->nlines > 1 &&
				    f->lines[1].off == 1) {
					memmove(f->value, f->value + 1,
						strlen(f->value));
					memmove(f->lines, f->lines + 1,
						(f->nlines - 1) *
							sizeof(*f->lines));
					f->nlines--;
					for (j = 0; j < f->nlines; j++)
						f->lines[j].off--;
				}
			}
	}
	if (!out->nr)
		diag_add(dl, DIAG_ERROR, DIAG_E_EMPTY, name,
			 lineno ? lineno : 1, 1, "file holds no records");
	return 0;
}

void rec_file_release(struct rec_file *rf)
{
	size_t r, k;
	for (r = 0; r < rf->nr; r++) {
		for (k = 0; k < rf->v[r].nr; k++) {
			free(rf->v[r].f[k].name);
			free(rf->v[r].f[k].value);
			free(rf->v[r].f[k].lines);
		}
		free(rf->v[r].f);
	}
	free(rf->v);
	free(rf->name);
	memset(rf, 0, sizeof(*rf));
}

const struct rec_field *rec_get(const struct rec *r, const char *name)
{
	size_t i;
	for (i = 0; i < r->nr; i++)
		if (!strcasecmp(r->f[i].name, name))
			return &r->f[i];
	return NULL;
}

int rec_name_index(const char *const *names, const char *name)
{
	int i;
	for (i = 0; names[i]; i++)
		if (!strcasecmp(names[i], name))
			return i;
	return -1;
}

void rec_origin(const struct rec_field *f, size_t off, unsigned *line,
		unsigned *col)
{
	size_t i = 0;
	while (i + 1 < f->nlines && f->lines[i + 1].off <= off)
		i++;
	if (!f->nlines) {
		*line = f->line;
		*col = f->col;
		return;
	}
	*line = f->lines[i].line;
	*col = f->lines[i].col +
	       (unsigned)utf8_count(f->value + f->lines[i].off,
				    off - f->lines[i].off);
}

int is_valid_id(const char *s)
{
	const char *p;
	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-'))
			return 0;
	return p - s <= 64;
}

long parse_duration(const char *s)
{
	long total = 0;
	int seen = 0, last = 4; /* units must go h, m, s in order */
	const char *p = s;
	if (!s || !*s)
		return -1;
	while (*p) {
		long v = 0;
		int unit;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			if (v > 100000)
				return -1;
			p++;
		}
		switch (*p) {
		case 'h':
			unit = 3;
			v *= 3600;
			break;
		case 'm':
			unit = 2;
			v *= 60;
			break;
		case 's':
			unit = 1;
			break;
		default:
			return -1;
		}
		if (unit >= last)
			return -1;
		last = unit;
		p++;
		total += v;
		seen = 1;
	}
	if (!seen || total < 10 || total > 7200)
		return -1;
	return total;
}

int rec_split_labelled(const char *s, size_t *label_len, size_t *pat_off)
{
	const char *eq = strstr(s, " = ");
	size_t l;
	if (!eq)
		return -1;
	l = (size_t)(eq - s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
		l--;
	*label_len = l;
	*pat_off = (size_t)(eq - s) + 3;
	while (s[*pat_off] == ' ' || s[*pat_off] == '\t')
		(*pat_off)++;
	if (!l || !s[*pat_off])
		return -1;
	return 0;
}

long rec_find_named(const void *v, size_t n, size_t size, size_t name_off,
		    const char *name)
{
	const char *p = v;
	size_t i;
	for (i = 0; i < n; i++, p += size) {
		const char *s;
		memcpy(&s, p + name_off, sizeof(s));
		if (s && !strcmp(s, name))
			return (long)i;
	}
	return -1;
}
