/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Untrusted text made safe for a terminal or an HTML page. */
#include "safe.h"

#include <string.h>

#include "sb.h"

/* Decode one UTF-8 sequence at s[0..n) (n > 0).  Returns its length and
 * stores the code point, or returns 0 for an invalid first byte or
 * sequence (overlong, surrogate, past U+10FFFF, truncated). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t want, i;
	unsigned long c;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		want = 2;
		c = s[0] & 0x1fu;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		want = 3;
		c = s[0] & 0x0fu;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		want = 4;
		c = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (want > n)
		return 0;
	for (i = 1; i < want; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3fu);
	}
	if ((want == 3 && c < 0x800) || (want == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return want;
}

/* Code points that reorder or break the text around them on screen. */
static int is_format_control(unsigned long c)
{
	return (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 ||
	       c == 0x200e || c == 0x200f || c == 0x061c;
}

enum kind { K_COPY, K_CARET, K_CODE, K_BAD, K_SPACE };

/* What to do with code point c of `len` bytes (len 0: a bad byte). */
static enum kind classify(size_t len, unsigned long c, unsigned flags)
{
	if (!len)
		return K_BAD;
	if (c == '\n')
		return (flags & SAFE_KEEP_NEWLINE) ? K_COPY : K_CARET;
	if (c == '\t')
		return (flags & SAFE_KEEP_TAB) ? K_COPY : K_SPACE;
	if (c < 0x20 || c == 0x7f)
		return K_CARET;
	if (is_format_control(c))
		return K_CODE;
	return K_COPY;
}

static void put_visible(struct sb *out, enum kind k, unsigned long c)
{
	switch (k) {
	case K_CARET:
		sb_addc(out, '^');
		sb_addc(out, c == 0x7f ? '?' : (char)(c + 0x40));
		break;
	case K_CODE:
		sb_addf(out, "<U+%04lX>", c);
		break;
	case K_BAD:
		sb_adds(out, "\xef\xbf\xbd");
		break;
	case K_SPACE:
		sb_addc(out, ' ');
		break;
	case K_COPY:
		break;
	}
}

int safe_is_clean(const char *s, size_t n, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned long c = 0;
		size_t len;
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		len = utf8_decode(p + i, n - i, &c);
		if (classify(len, c, flags) != K_COPY)
			return 0;
		i += len;
	}
	return 1;
}

void safe_term(struct sb *out, const char *s, size_t n, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	sb_grow(out, n);
	while (i < n) {
		unsigned long c = 0;
		size_t len;
		enum kind k;
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		len = utf8_decode(p + i, n - i, &c);
		k = classify(len, c, flags);
		if (k == K_COPY) {
			i += len;
			continue;
		}
		sb_add(out, s + run, i - run);
		put_visible(out, k, c);
		i += len ? len : 1;
		run = i;
	}
	sb_add(out, s + run, n - run);
}

void safe_terms(struct sb *out, const char *s, unsigned flags)
{
	safe_term(out, s, strlen(s), flags);
}

void safe_html(struct sb *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	sb_grow(out, n);
	while (i < n) {
		unsigned long c = 0;
		size_t len = utf8_decode(p + i, n - i, &c);
		enum kind k =
			classify(len, c, SAFE_KEEP_NEWLINE | SAFE_KEEP_TAB);
		if (k != K_COPY) {
			put_visible(out, k, c);
			i += len ? len : 1;
			continue;
		}
		switch (c) {
		case '&':
			sb_adds(out, "&amp;");
			break;
		case '<':
			sb_adds(out, "&lt;");
			break;
		case '>':
			sb_adds(out, "&gt;");
			break;
		case '"':
			sb_adds(out, "&quot;");
			break;
		case '\'':
			sb_adds(out, "&#39;");
			break;
		default:
			sb_add(out, s + i, len);
			break;
		}
		i += len;
	}
}
