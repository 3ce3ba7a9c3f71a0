/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON string and number writers. */
#include "json.h"

#include <math.h>
#include <string.h>

#include "rec.h"
#include "sb.h"

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
				while (j < i + ok && (unsigned char)s[j] >= 0x20 &&
				       s[j] != '"' && s[j] != '\\')
					j++;
				if (j == i)
					j = i + 1;
				sb_add(out, s + i, j - i);
				i = j;
			}
			continue;
		}
		switch (c) {
		case '"':
			sb_adds(out, "\\\"");
			break;
		case '\\':
			sb_adds(out, "\\\\");
			break;
		case '\n':
			sb_adds(out, "\\n");
			break;
		case '\r':
			sb_adds(out, "\\r");
			break;
		case '\t':
			sb_adds(out, "\\t");
			break;
		default:
			if (c < 0x20)
				sb_addf(out, "\\u%04x", c);
			else
				sb_addc(out, (char)c);
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
