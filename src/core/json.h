/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * json: writing JSON values into an sb.
 *
 * json_str() writes a quoted, escaped string; bytes that are not valid
 * UTF-8 become U+FFFD so the output is always valid JSON.  json_num()
 * writes a finite double in shortest-ish form ("%.10g"; non-finite -> 0).
 */
#ifndef PMDRILL_JSON_H
#define PMDRILL_JSON_H

#include <stddef.h>

struct sb;

void json_strn(struct sb *out, const char *s, size_t n);
void json_str(struct sb *out, const char *s); /* NULL -> null */
void json_num(struct sb *out, double v);
/* v when present, else null. */
void json_int_or_null(struct sb *out, long long v, int present);
void json_num_or_null(struct sb *out, double v, int present);

#endif
