/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paragraph-aware word wrapping that counts UTF-8 code points. */
#include "wrap.h"

#include <stdint.h>
#include <string.h>

#include "sb.h"

/* A block being collected: one paragraph or one list item. */
struct block {
	struct sb text; /* words joined by single spaces */
	unsigned hang;  /* list item: columns of its marker and space */
};

/* Bytes in the code point at s[0] (n > 0): a valid sequence's length,
 * else 1, so stray bytes count one column each. */
static size_t cp_len(const unsigned char *s, size_t n)
{
	size_t want, i;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		want = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		want = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		want = 4;
	else
		return 1;
	if (want > n)
		return 1;
	for (i = 1; i < want; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return want;
}

size_t wrap_cp_len(const char *s, size_t n)
{
	return cp_len((const unsigned char *)s, n);
}

size_t wrap_cols(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cols = 0;
	while (i < n) {
		i += cp_len(p + i, n - i);
		cols++;
	}
	return cols;
}

/* Bytes of s[0..n) that fit in `cols` columns (at least one code point). */
static size_t fit_bytes(const char *s, size_t n, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0;
	while (i < n && (c < cols || !i)) {
		i += cp_len(p + i, n - i);
		c++;
	}
	return i;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Columns of a list marker ("- ", "* ", "12. ", "3) ") at s, or 0. */
static unsigned list_marker(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && is_blank(s[1]))
		return 2;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    is_blank(s[i + 1]))
		return (unsigned)(i + 2);
	return 0;
}

static void add_spaces(struct sb *out, size_t n)
{
	while (n--)
		sb_addc(out, ' ');
}

/* Start a continuation line of block b; returns its text width. */
static size_t new_line(struct sb *out, const struct block *b, size_t tw,
		       unsigned indent)
{
	sb_addc(out, '\n');
	add_spaces(out, indent + b->hang);
	return tw > b->hang + WRAP_MIN_TEXT / 2 ? tw - b->hang
						: WRAP_MIN_TEXT / 2;
}

static void emit_block(struct sb *out, struct block *b, unsigned width,
		       unsigned indent)
{
	const char *s = b->text.buf;
	size_t n = b->text.len, i = 0, col = 0, tw, avail;

	if (!n)
		return;
	tw = width > indent ? width - indent : 0;
	if (width && tw < WRAP_MIN_TEXT)
		tw = WRAP_MIN_TEXT;
	avail = tw;
	add_spaces(out, indent);
	while (i < n) {
		size_t w = i, wlen, wcols;
		while (i < n && s[i] != ' ')
			i++;
		wlen = i - w;
		wcols = wrap_cols(s + w, wlen);
		if (i < n)
			i++; /* the single space after the word */
		if (col && (!width || col + 1 + wcols <= avail)) {
			sb_addc(out, ' ');
			sb_add(out, s + w, wlen);
			col += 1 + wcols;
			continue;
		}
		if (col)
			avail = new_line(out, b, tw, indent);
		/* A word longer than a whole line is cut at code points. */
		while (width && wcols > avail) {
			size_t take = fit_bytes(s + w, wlen, avail);
			sb_add(out, s + w, take);
			wcols -= wrap_cols(s + w, take);
			w += take;
			wlen -= take;
			avail = new_line(out, b, tw, indent);
		}
		sb_add(out, s + w, wlen);
		col = wcols;
	}
	sb_addc(out, '\n');
	sb_reset(&b->text);
	b->hang = 0;
}

void wrap_text(struct sb *out, const char *text, size_t len, unsigned width,
	       unsigned indent)
{
	struct block b = {SB_INIT, 0};
	size_t pos = 0;
	int pending_blank = 0, emitted = 0;

	while (pos < len) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;
		size_t a = 0, z = n, k;
		unsigned mark;

		pos += n + (nl ? 1 : 0);
		while (a < z && is_blank(line[a]))
			a++;
		while (z > a && is_blank(line[z - 1]))
			z--;
		if (a == z) {
			if (b.text.len) {
				emit_block(out, &b, width, indent);
				emitted = 1;
			}
			pending_blank = emitted;
			continue;
		}
		mark = list_marker(line + a, z - a);
		if (mark && b.text.len) {
			emit_block(out, &b, width, indent);
			emitted = 1;
		}
		if (!b.text.len) {
			if (pending_blank)
				sb_addc(out, '\n');
			pending_blank = 0;
			b.hang = mark;
		} else {
			sb_addc(&b.text, ' ');
		}
		/* Collapse runs of white space inside the line to one space. */
		for (k = a; k < z; k++) {
			if (is_blank(line[k])) {
				if (b.text.len &&
				    b.text.buf[b.text.len - 1] != ' ')
					sb_addc(&b.text, ' ');
				continue;
			}
			sb_addc(&b.text, line[k]);
		}
	}
	if (b.text.len)
		emit_block(out, &b, width, indent);
	sb_release(&b.text);
}

/* Bytes of the CSI escape sequence at s, or 0. */
static size_t esc_len(const char *s, size_t n)
{
	size_t i = 2;
	if (n < 2 || s[0] != '\033' || s[1] != '[')
		return 0;
	while (i < n &&
	       !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e))
		i++;
	return i < n ? i + 1 : n;
}

/* Walk s[0..n) over at most `cols` columns (escapes take none, and those
 * right after the last column are kept); the bytes walked, and in *used
 * the columns they show. */
static size_t walk_cols(const char *s, size_t n, size_t cols, size_t *used)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0, e;
	while (i < n) {
		if ((e = esc_len(s + i, n - i))) {
			i += e;
			continue;
		}
		if (c == cols)
			break;
		i += cp_len(p + i, n - i);
		c++;
	}
	*used = c;
	return i;
}

size_t wrap_vis_cols(const char *s, size_t n)
{
	size_t c;
	walk_cols(s, n, SIZE_MAX, &c);
	return c;
}

size_t wrap_head_bytes(const char *s, size_t n, size_t cols)
{
	size_t c;
	return walk_cols(s, n, cols, &c);
}

size_t wrap_cut_bytes(const char *s, size_t n, size_t cols)
{
	size_t h = wrap_head_bytes(s, n, cols), b = h;
	if (h >= n || s[h] == ' ' || !h || s[h - 1] == ' ')
		goto trim;
	/* inside a word: end at the last space, if that keeps most of it */
	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (b > 0 && wrap_vis_cols(s, b) * 2 >= cols)
		h = b;
trim:
	while (h > 0 && s[h - 1] == ' ')
		h--;
	return h;
}

void wrap_cell(struct sb *out, const char *s, size_t cols)
{
	size_t len = strlen(s), have = wrap_cols(s, len);
	if (have > cols) {
		size_t keep = wrap_cut_bytes(s, len, cols - 1);
		sb_add(out, s, keep);
		sb_adds(out, "\xe2\x80\xa6");
		have = wrap_cols(s, keep) + 1;
	} else {
		sb_add(out, s, len);
	}
	while (have++ < cols)
		sb_addc(out, ' ');
}

void wrap_fit(struct sb *out, const char *s, size_t n, unsigned width, int cut)
{
	size_t pos = 0;
	while (pos < n) {
		const char *line = s + pos;
		const char *nl = memchr(line, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - line) : n - pos, ind = 0;
		pos += len + (nl ? 1 : 0);
		if (!width || wrap_vis_cols(line, len) <= width) {
			sb_add(out, line, len);
			sb_addc(out, '\n');
			continue;
		}
		if (cut) {
			sb_add(out, line, wrap_cut_bytes(line, len, width - 1));
			sb_adds(out, "\xe2\x80\xa6");
			if (memchr(line, '\033', len))
				sb_adds(out, "\033[0m");
			sb_addc(out, '\n');
			continue;
		}
		while (ind < len && line[ind] == ' ')
			ind++;
		wrap_text(out, line + ind, len - ind, width, (unsigned)ind);
	}
}
