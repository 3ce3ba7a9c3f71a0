/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON string and number writers, and a small reader. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"
#include "sb.h"
#include "xalloc.h"

void json_strn(struct sb *out, const char *s, size_t n)
{
	size_t i = 0;
	sb_addc(out, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t ok;
		if (c >= 0x80) {
			ok = utf8_valid_prefix(s + i, n - i);
			if (ok == 0) {
				sb_adds(out, "\\ufffd");
				i++;
				continue;
			}
			/* copy the valid run of non-ASCII-or-ASCII bytes up to
			 * the next byte needing escapes */
			{
				size_t j = i;
				while (j < i + ok &&
				       (unsigned char)s[j] >= 0x20 &&
				       s[j] != '"' && s[j] != '\\')
					j++;
				if (j == i)
					j = i + 1;
				sb_add(out, s + i, j - i);
				i = j;
			}
			continue;
		}
		{
			/* the five with a short escape, and what they become */
			static const char shorts[] = "\"\\\n\r\t";
			static const char as[] = "\"\\nrt";
			const char *e = c ? strchr(shorts, c) : NULL;
			if (e) {
				sb_addc(out, '\\');
				sb_addc(out, as[e - shorts]);
			} else if (c < 0x20) {
				sb_addf(out, "\\u%04x", c);
			} else {
				sb_addc(out, (char)c);
			}
		}
		i++;
	}
	sb_addc(out, '"');
}

void json_str(struct sb *out, const char *s)
{
	if (!s)
		sb_adds(out, "null");
	else
		json_strn(out, s, strlen(s));
}

void json_num(struct sb *out, double v)
{
	if (!isfinite(v) || v == 0)
		v = 0; /* also turns -0 into 0 */
	if (v == floor(v) && fabs(v) < 1e15)
		sb_addf(out, "%.0f", v);
	else
		sb_addf(out, "%.10g", v);
}

void json_key(struct sb *out, const char *key)
{
	if (out->len && out->buf[out->len - 1] != '{' &&
	    out->buf[out->len - 1] != '[')
		sb_addc(out, ',');
	json_str(out, key);
	sb_addc(out, ':');
}

void json_key_str(struct sb *out, const char *key, const char *v)
{
	json_key(out, key);
	json_str(out, v);
}

void json_key_num(struct sb *out, const char *key, double v, int places)
{
	static const double scale[] = {1, 10, 100, 1000, 10000};
	json_key(out, key);
	if (places >= 0 && places <= 4)
		v = round(v * scale[places]) / scale[places];
	json_num(out, v);
}

void json_int_or_null(struct sb *out, long long v, int present)
{
	if (present)
		sb_addf(out, "%lld", v);
	else
		sb_adds(out, "null");
}

void json_num_or_null(struct sb *out, double v, int present)
{
	if (present)
		json_num(out, v);
	else
		sb_adds(out, "null");
}

void json_str_array(struct sb *out, const char *const *v, size_t n)
{
	size_t i;
	sb_addc(out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(out, ',');
		json_str(out, v[i]);
	}
	sb_addc(out, ']');
}

/* ---- reading ---- */

struct jp {
	const char *p, *end;
	int depth, keep; /* values deeper than keep are checked, not kept */
	const char *err;
};

void json_value_release(struct json_value *v)
{
	size_t i;
	free(v->str);
	for (i = 0; i < v->n; i++) {
		json_value_release(&v->kids[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->kids);
	free(v->keys);
	memset(v, 0, sizeof(*v));
}

static void jws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
				 *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static void utf8_put(struct sb *out, unsigned long c)
{
	if (c < 0x80) {
		sb_addc(out, (char)c);
	} else if (c < 0x800) {
		sb_addc(out, (char)(0xc0 | (c >> 6)));
		sb_addc(out, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		sb_addc(out, (char)(0xe0 | (c >> 12)));
		sb_addc(out, (char)(0x80 | ((c >> 6) & 0x3f)));
		sb_addc(out, (char)(0x80 | (c & 0x3f)));
	} else {
		sb_addc(out, (char)(0xf0 | (c >> 18)));
		sb_addc(out, (char)(0x80 | ((c >> 12) & 0x3f)));
		sb_addc(out, (char)(0x80 | ((c >> 6) & 0x3f)));
		sb_addc(out, (char)(0x80 | (c & 0x3f)));
	}
}

static int hex4(const char *p, const char *end, unsigned long *out)
{
	int i;
	unsigned long v = 0;
	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned long)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* A string at j->p (its opening quote), decoded into out, or only
 * checked when out is NULL. */
static int jstring(struct jp *j, struct sb *out)
{
	j->p++; /* opening quote */
	while (j->p < j->end && *j->p != '"') {
		const char *run = j->p;
		unsigned char c;
		/* the bytes that stand for themselves, in one copy */
		while (j->p < j->end && *j->p != '"' && *j->p != '\\' &&
		       (unsigned char)*j->p >= 0x20)
			j->p++;
		if (out && j->p > run)
			sb_add(out, run, (size_t)(j->p - run));
		if (j->p >= j->end || *j->p == '"')
			break;
		c = (unsigned char)*j->p;
		if (c < 0x20) {
			j->err = "control character in a string";
			return -1;
		}
		if (++j->p >= j->end)
			break;
		switch (*j->p) {
		case '"':
		case '\\':
		case '/':
			c = (unsigned char)*j->p;
			break;
		case 'b':
			c = '\b';
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'u': {
			unsigned long u, lo;
			if (hex4(j->p + 1, j->end, &u)) {
				j->err = "bad \\u escape";
				return -1;
			}
			j->p += 4;
			if (u >= 0xd800 && u < 0xdc00 && j->end - j->p > 6 &&
			    j->p[1] == '\\' && j->p[2] == 'u' &&
			    !hex4(j->p + 3, j->end, &lo) && lo >= 0xdc00 &&
			    lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				j->p += 6;
			} else if (u >= 0xd800 && u < 0xe000) {
				u = 0xfffd;
			}
			if (out)
				utf8_put(out, u);
			j->p++;
			continue;
		}
		default:
			j->err = "bad escape in a string";
			return -1;
		}
		if (out)
			sb_addc(out, (char)c);
		j->p++;
	}
	if (j->p >= j->end) {
		j->err = "unterminated string";
		return -1;
	}
	j->p++;
	return 0;
}

/* A string at j->p decoded into a new buffer (NULL on error): one exact
 * allocation for a string without escapes, the usual kind. */
static char *jstring_dup(struct jp *j, size_t *len)
{
	const char *q = j->p + 1;
	struct sb s;
	while (q < j->end && *q != '"' && *q != '\\' &&
	       (unsigned char)*q >= 0x20)
		q++;
	if (q < j->end && *q == '"') {
		size_t n = (size_t)(q - j->p - 1);
		char *r = xmalloc(n + 1);
		memcpy(r, j->p + 1, n);
		r[n] = '\0';
		j->p = q + 1;
		*len = n;
		return r;
	}
	sb_init(&s);
	sb_grow(&s, (size_t)(q - j->p));
	if (jstring(j, &s)) {
		sb_release(&s);
		return NULL;
	}
	return sb_detach(&s, len);
}

static int jvalue(struct jp *j, struct json_value *v);

/* ':' after a key, white space first: 0, or -1 with the error. */
static int jcolon(struct jp *j)
{
	jws(j);
	if (j->p >= j->end || *j->p != ':') {
		j->err = "expected ':'";
		return -1;
	}
	j->p++;
	return 0;
}

/* After a member or an element: 1 past a ',', 0 past the container's
 * closing bracket, -1 with the error otherwise. */
static int jnext(struct jp *j, int obj)
{
	jws(j);
	if (j->p < j->end && *j->p == ',') {
		j->p++;
		return 1;
	}
	if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
		j->p++;
		return 0;
	}
	j->err = obj ? "expected ',' or '}'" : "expected ',' or ']'";
	return -1;
}

/* strchr("+-0123456789.eE", c) without its NUL */
static int is_num_char(char c)
{
	return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' ||
	       c == 'e' || c == 'E';
}

/*
 * The members of a container below the depth kept (the opening bracket
 * read, the container not empty): checked exactly as they would be
 * kept, with the same errors, but nothing is stored.
 */
static int jskip_members(struct jp *j, int obj)
{
	for (;;) {
		struct json_value kid;
		int more;
		jws(j);
		if (obj) {
			if (j->p >= j->end || *j->p != '"' ||
			    jstring(j, NULL)) {
				if (!j->err)
					j->err = "expected a key";
				return -1;
			}
			if (jcolon(j))
				return -1;
		}
		if (jvalue(j, &kid) || (more = jnext(j, obj)) < 0)
			return -1;
		if (!more)
			return 0;
	}
}

static int jvalue(struct jp *j, struct json_value *v)
{
	const char *start;
	memset(v, 0, sizeof(*v));
	jws(j);
	start = j->p;
	if (j->p >= j->end) {
		j->err = "unexpected end";
		return -1;
	}
	if (++j->depth > JSON_MAX_DEPTH) {
		j->err = "nested too deeply";
		return -1;
	}
	switch (*j->p) {
	case '"':
		v->type = JSON_STR;
		if (j->depth > j->keep) {
			if (jstring(j, NULL))
				return -1;
		} else if (!(v->str = jstring_dup(j, &v->len))) {
			return -1;
		}
		break;
	case '[':
	case '{': {
		int obj = *j->p == '{';
		v->type = obj ? JSON_OBJ : JSON_ARR;
		j->p++;
		jws(j);
		if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
			j->p++;
			break;
		}
		if (j->depth >= j->keep) {
			if (jskip_members(j, obj))
				return -1;
			break;
		}
		for (;;) {
			char *key = NULL;
			int more;
			jws(j);
			if (obj) {
				size_t klen;
				if (j->p >= j->end || *j->p != '"' ||
				    !(key = jstring_dup(j, &klen))) {
					if (!j->err)
						j->err = "expected a key";
					return -1;
				}
				if (jcolon(j)) {
					free(key);
					return -1;
				}
			}
			ALLOC_GROW(v->kids, v->n + 1, v->alloc);
			if (obj)
				ALLOC_GROW(v->keys, v->n + 1, v->kalloc);
			if (obj)
				v->keys[v->n] = key;
			if (jvalue(j, &v->kids[v->n])) {
				v->n++;
				return -1;
			}
			v->n++;
			if ((more = jnext(j, obj)) < 0)
				return -1;
			if (!more)
				break;
		}
		break;
	}
	case 't':
	case 'f':
	case 'n':
		if (j->end - j->p >= 4 && !strncmp(j->p, "true", 4)) {
			v->type = JSON_BOOL;
			v->num = 1;
			j->p += 4;
		} else if (j->end - j->p >= 5 && !strncmp(j->p, "false", 5)) {
			v->type = JSON_BOOL;
			j->p += 5;
		} else if (j->end - j->p >= 4 && !strncmp(j->p, "null", 4)) {
			v->type = JSON_NULL;
			j->p += 4;
		} else {
			j->err = "unexpected word";
			return -1;
		}
		break;
	default: {
		char buf[64];
		size_t n = 0;
		char *e;
		while (j->p + n < j->end && n < sizeof(buf) - 1 &&
		       is_num_char(j->p[n]))
			n++;
		memcpy(buf, j->p, n);
		buf[n] = '\0';
		v->num = strtod(buf, &e);
		if (!n || *e) {
			j->err = "unexpected character";
			return -1;
		}
		v->type = JSON_NUM;
		j->p += n;
	}
	}
	j->depth--;
	v->raw = start;
	v->rawlen = (size_t)(j->p - start);
	return 0;
}

int json_parse(const char *buf, size_t len, struct json_value *v,
	       const char **errmsg)
{
	return json_parse_shallow(buf, len, JSON_MAX_DEPTH + 1, v, errmsg);
}

int json_parse_shallow(const char *buf, size_t len, int keep,
		       struct json_value *v, const char **errmsg)
{
	struct jp j = {buf, buf + len, 0, keep, NULL};
	if (jvalue(&j, v)) {
		*errmsg = j.err ? j.err : "bad JSON";
		return -1;
	}
	jws(&j);
	if (j.p != j.end) {
		*errmsg = "trailing text after the value";
		return -1;
	}
	return 0;
}

const struct json_value *json_get(const struct json_value *o, const char *key)
{
	size_t i;
	if (!o || o->type != JSON_OBJ)
		return NULL;
	for (i = 0; i < o->n; i++)
		if (!strcmp(o->keys[i], key))
			return &o->kids[i];
	return NULL;
}
