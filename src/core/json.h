/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * json: writing JSON values into an sb, and reading them back.
 *
 * json_str() writes a quoted, escaped string; bytes that are not valid
 * UTF-8 become U+FFFD so the output is always valid JSON.  json_num()
 * writes a finite double in shortest-ish form ("%.10g"; non-finite -> 0).
 *
 * json_parse() reads one JSON value (RFC 8259; nesting up to 32 levels)
 * from buf[0..len) into a tree the caller owns and frees with
 * json_value_release(), on failure too.  Strings are decoded (\u escapes
 * to UTF-8, a lone surrogate to U+FFFD); every value also keeps `raw`, a
 * slice of buf, so a nested value can be stored as the text it came as.
 * Errors: -1 with *errmsg set to a static description.
 *
 * json_parse_shallow() reads and checks the same way, with the same
 * errors, but keeps only the values up to `keep` levels deep (the
 * outermost value is level 1): a string deeper than that has no `str`,
 * and a container at level `keep` or deeper has no kids (n == 0); both
 * keep their type and `raw`, for a caller that stores nested values as
 * text (an import line's criteria).
 */
#ifndef PMDRILL_JSON_H
#define PMDRILL_JSON_H

#include <stddef.h>

struct sb;

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUM, JSON_STR, JSON_ARR, JSON_OBJ };

struct json_value {
	enum json_type type;
	double num;      /* JSON_NUM; JSON_BOOL: 1 or 0 */
	char *str;       /* JSON_STR: decoded, NUL-terminated */
	size_t len;      /* JSON_STR: decoded length */
	const char *raw; /* the value's text in the input (borrowed) */
	size_t rawlen;
	struct json_value *kids; /* JSON_ARR, JSON_OBJ: n elements */
	char **keys;             /* JSON_OBJ: kids[i]'s key */
	size_t n, alloc, kalloc;
};

void json_strn(struct sb *out, const char *s, size_t n);
void json_str(struct sb *out, const char *s); /* NULL -> null */
void json_num(struct sb *out, double v);
/* v when present, else null. */
void json_int_or_null(struct sb *out, long long v, int present);
void json_num_or_null(struct sb *out, double v, int present);
/*
 * One member of an object being written: `"key":` and its value, after a
 * comma unless out ends the opening brace or bracket.  json_key_num()
 * rounds v to `places` decimals (0 to 4; -1: as it is).  json_key() writes
 * the key alone, for a value the caller writes.
 */
void json_key(struct sb *out, const char *key);
void json_key_str(struct sb *out, const char *key, const char *v);
void json_key_num(struct sb *out, const char *key, double v, int places);
/* [v[0], ..., v[n-1]] as JSON strings (json_str(): a NULL is null). */
void json_str_array(struct sb *out, const char *const *v, size_t n);

#define JSON_MAX_DEPTH 32
int json_parse(const char *buf, size_t len, struct json_value *v,
	       const char **errmsg);
int json_parse_shallow(const char *buf, size_t len, int keep,
		       struct json_value *v, const char **errmsg);
void json_value_release(struct json_value *v);
/* The member `key` of object o (the first one); NULL if none or not an
 * object. */
const struct json_value *json_get(const struct json_value *o, const char *key);

#endif
