/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bank cache's bytes: encoding, and decoding that trusts nothing. */
#include "bankcache.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "diag.h"
#include "sb.h"
#include "xalloc.h"

/*
 * Layout, little-endian: a 32-byte header (magic "PMDRBANK", u32 format,
 * u32 zero, u64 payload length, u64 checksum of the payload), then
 * the payload: pmdrill's version, the key, the diagnostics, the model,
 * the rubrics, the lexicon and the questions.  A string is a u32 length, its bytes and
 * a NUL; NULL is the length 0xffffffff alone.  Every count is followed by
 * that many items.  The questions' own strings are offsets into a blob of
 * NUL-terminated strings at the end (put_questions()).
 */
#define MAGIC "PMDRBANK"
#define HEADER_LEN BANKCACHE_HEADER
#define NULL_STR 0xffffffffu

/* ---- the hash: XXH64 as its specification describes it ---- */

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static inline uint64_t rotl(uint64_t x, unsigned r)
{
	return (x << r) | (x >> (64 - r));
}

/* Spelt out, not a loop: compilers see one 8-byte load in this shape
 * (the loop compiled to eight byte loads and shifts, and the checksum
 * of a 7.5 MB cache took about 3 ms of every start). */
static inline uint64_t le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	       (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	       (uint64_t)p[7] << 56;
}

static inline uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline uint64_t xround(uint64_t acc, uint64_t in)
{
	acc += in * P2;
	acc = rotl(acc, 31);
	return acc * P1;
}

static uint64_t xmerge(uint64_t acc, uint64_t v)
{
	acc ^= xround(0, v);
	return acc * P1 + P4;
}

uint64_t bankcache_hash(const void *buf, size_t len)
{
	const unsigned char *p = buf, *end = p + len;
	uint64_t h;
	if (len >= 32) {
		uint64_t v1 = P1 + P2, v2 = P2, v3 = 0, v4 = 0 - P1;
		while ((size_t)(end - p) >= 32) {
			v1 = xround(v1, le64(p));
			v2 = xround(v2, le64(p + 8));
			v3 = xround(v3, le64(p + 16));
			v4 = xround(v4, le64(p + 24));
			p += 32;
		}
		h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
		h = xmerge(h, v1);
		h = xmerge(h, v2);
		h = xmerge(h, v3);
		h = xmerge(h, v4);
	} else {
		h = P5;
	}
	h += (uint64_t)len;
	while ((size_t)(end - p) >= 8) {
		h ^= xround(0, le64(p));
		h = rotl(h, 27) * P1 + P4;
		p += 8;
	}
	if ((size_t)(end - p) >= 4) {
		h ^= (uint64_t)le32(p) * P1;
		h = rotl(h, 23) * P2 + P3;
		p += 4;
	}
	while (p < end) {
		h ^= (uint64_t)*p++ * P5;
		h = rotl(h, 11) * P1;
	}
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

/* ---- writing ---- */

/* v's low n bytes at p, little-endian. */
static void store_le(char *p, uint64_t v, unsigned n)
{
	unsigned i;
	for (i = 0; i < n; i++)
		p[i] = (char)(unsigned char)(v >> (8 * i));
}

static void put_le(struct sb *out, uint64_t v, unsigned n)
{
	char b[8];
	store_le(b, v, n);
	sb_add(out, b, n);
}

static void put_u32(struct sb *out, uint32_t v)
{
	put_le(out, v, 4);
}

static void put_u64(struct sb *out, uint64_t v)
{
	put_le(out, v, 8);
}

void bankcache_sum_piece(struct sb *acc, const void *piece, size_t len)
{
	put_u64(acc, bankcache_hash(piece, len));
}

uint64_t bankcache_sum_final(const struct sb *acc)
{
	return bankcache_hash(acc->buf, acc->len);
}

uint64_t bankcache_payload_sum(const void *payload, size_t len)
{
	const char *p = payload;
	struct sb acc = SB_INIT;
	uint64_t h;
	size_t at;
	for (at = 0; at < len; at += BANKCACHE_PIECE)
		bankcache_sum_piece(&acc, p + at,
				    len - at < BANKCACHE_PIECE
					    ? len - at
					    : BANKCACHE_PIECE);
	h = bankcache_sum_final(&acc);
	sb_release(&acc);
	return h;
}

static void put_u8(struct sb *out, unsigned v)
{
	sb_addc(out, (char)(unsigned char)v);
}

static void put_f64(struct sb *out, double d)
{
	uint64_t v;
	memcpy(&v, &d, sizeof(v));
	put_u64(out, v);
}

static void put_count(struct sb *out, size_t n)
{
	put_u32(out, (uint32_t)n);
}

static void put_str(struct sb *out, const char *s)
{
	size_t n;
	if (!s) {
		put_u32(out, NULL_STR);
		return;
	}
	n = strlen(s);
	put_u32(out, (uint32_t)n);
	sb_add(out, s, n + 1);
}

static void put_key(struct sb *out, const struct bankcache_key *k)
{
	size_t i;
	put_u64(out, (uint64_t)k->written_ns);
	put_count(out, k->ndirs);
	for (i = 0; i < k->ndirs; i++) {
		put_str(out, k->dirs[i]);
		put_str(out, k->real[i]);
	}
	put_count(out, k->nfolders);
	for (i = 0; i < k->nfolders; i++) {
		put_str(out, k->folders[i].path);
		put_u8(out, k->folders[i].missing != 0);
	}
	put_count(out, k->nfiles);
	for (i = 0; i < k->nfiles; i++) {
		const struct bankcache_file *f = &k->files[i];
		put_str(out, f->path);
		put_u32(out, f->folder);
		put_u8(out, f->missing != 0);
		put_u64(out, f->size);
		put_u64(out, f->mtime_ns);
		put_u64(out, f->ctime_ns);
		put_u64(out, f->ino);
		put_u64(out, f->dev);
		put_u64(out, f->hash);
	}
}

static void put_diags(struct sb *out, const struct diag_list *dl)
{
	size_t i;
	put_count(out, dl->nr);
	for (i = 0; i < dl->nr; i++) {
		const struct diag *d = &dl->v[i];
		put_str(out, d->file);
		put_u32(out, d->line);
		put_u32(out, d->col);
		put_u8(out, (unsigned)d->level);
		put_u8(out, (unsigned)d->code);
		put_str(out, d->msg);
	}
}

static void put_model(struct sb *out, const struct model *m)
{
	size_t i;
	put_u8(out, m->loaded != 0);
	put_f64(out, m->intercept);
	put_f64(out, m->scale);
	put_f64(out, m->gate_low);
	put_f64(out, m->gate_full);
	for (i = 0; i < MODEL_NFEATURES; i++)
		put_f64(out, m->feature[i]);
	put_count(out, m->ncrit);
	for (i = 0; i < m->ncrit; i++) {
		put_str(out, m->crit[i].name);
		put_f64(out, m->crit[i].mult);
	}
}

static void put_criterion(struct sb *out, const struct criterion *c)
{
	size_t i;
	put_str(out, c->name);
	put_str(out, c->label);
	put_str(out, c->feedback);
	put_count(out, c->nexamples);
	for (i = 0; i < c->nexamples; i++)
		put_str(out, c->examples[i]);
	put_u8(out, (unsigned)c->kind);
	put_f64(out, c->weight);
	put_f64(out, c->min);
	put_u8(out, c->count_matches != 0);
	put_u8(out, (unsigned)c->where);
	put_u8(out, (unsigned)c->followups);
	put_u8(out, (unsigned)c->instead);
	put_f64(out, c->where_pct);
	put_f64(out, c->target);
	put_u32(out, c->ideal_lo);
	put_u32(out, c->ideal_hi);
	put_u32(out, c->wpm_lo);
	put_u32(out, c->wpm_hi);
	put_f64(out, c->allow);
	put_f64(out, c->full);
	put_u32(out, c->line);
	put_count(out, c->npats);
	for (i = 0; i < c->npats; i++) {
		const struct pattern *p = &c->pats[i];
		put_str(out, p->label);
		put_str(out, p->src);
		put_u32(out, p->line);
		put_u32(out, p->col);
		put_u8(out, p->against != 0);
	}
}

static void put_rubrics(struct sb *out, const struct rubric_set *rs)
{
	size_t i, j;
	put_count(out, rs->nr);
	for (i = 0; i < rs->nr; i++) {
		const struct rubric *r = &rs->v[i];
		put_str(out, r->name);
		put_str(out, r->title);
		put_str(out, r->description);
		put_str(out, r->outline);
		put_u32(out, r->time_s);
		put_u32(out, r->min_words);
		put_str(out, r->file);
		put_u32(out, r->line);
		put_u64(out, r->version);
		put_count(out, r->ncrit);
		for (j = 0; j < r->ncrit; j++)
			put_criterion(out, &r->crit[j]);
	}
}

/* The lexicon, when the bank has built it (bank_cache_load() does
 * before writing): it costs a scan of every prompt, 60 ms at 10,000. */
static void put_lexicon(struct sb *out, const struct bank *b)
{
	size_t i;
	put_u8(out, b->lex_ready != 0);
	if (!b->lex_ready)
		return;
	put_u32(out, b->lex.ndocs);
	put_count(out, b->lex.n);
	for (i = 0; i < b->lex.n; i++) {
		sb_add(out, b->lex.stem[i], sizeof(b->lex.stem[i]));
		put_u32(out, b->lex.df[i]);
	}
}

/*
 * The questions: a table of file names (one bank file holds many), then
 * one record per question whose strings are offsets into a blob at the
 * end of the payload.  The blob is laid out by field, not by question
 * (every id, then every category, ..., then every prompt, then the
 * rest), so a command that reads only ids and categories from a mapped
 * cache touches a few pages of it, not all.
 */
enum qfield { QS_ID, QS_CATEGORY, QS_RUBRIC, QS_PROMPT, QS_HINT, QS_NFIELD };

static uint32_t blob_add(struct sb *blob, const char *s)
{
	uint32_t at = (uint32_t)blob->len;
	if (!s)
		return NULL_STR;
	sb_add(blob, s, strlen(s) + 1);
	return at;
}

/*
 * The strings a bank repeats from question to question (follow-ups, tags,
 * Expect labels and patterns) are stored once: a generated or templated
 * bank of 10,000 questions otherwise kept 10,000 copies of the same few
 * patterns, pages a drill's decode touches.  An open-addressed table of
 * blob offsets, keyed by the string's hash, sized once for every string
 * that may enter it; the decoder is unchanged, as two offsets may always
 * name the same bytes.
 */
struct interned {
	uint32_t *slot; /* blob offset + 1; 0 is empty */
	size_t mask;
};

static void intern_init(struct interned *t, size_t n)
{
	size_t cap = 256;
	while (cap < 2 * n)
		cap *= 2;
	t->slot = xcalloc(cap, sizeof(*t->slot));
	t->mask = cap - 1;
}

static uint32_t blob_intern(struct sb *blob, struct interned *t, const char *s)
{
	size_t i;
	if (!s)
		return NULL_STR;
	for (i = (size_t)bankcache_hash(s, strlen(s)) & t->mask;;
	     i = (i + 1) & t->mask) {
		uint32_t *o = &t->slot[i];
		if (!*o)
			return (*o = blob_add(blob, s) + 1) - 1;
		if (!strcmp(blob->buf + *o - 1, s))
			return *o - 1;
	}
}

static void put_questions(struct sb *out, const struct qbank *qb)
{
	struct sb blob = SB_INIT;
	struct interned seen;
	uint32_t *off = xcalloc(qb->nr * QS_NFIELD + 1, sizeof(*off));
	uint32_t *tag = NULL, *fol = NULL, *exl = NULL, *exp = NULL;
	size_t i, j, nfiles = 0, nstrs = 0, nexp = 0, t = 0, f = 0, e = 0;
	const char *last = NULL;
	unsigned k;

	for (i = 0; i < qb->nr; i++) {
		const struct question *q = &qb->v[i];
		if (!last || strcmp(last, q->file))
			nfiles++;
		last = q->file;
		nstrs += q->nfollow + q->ntags;
		nexp += q->nexpect;
	}
	intern_init(&seen, nstrs + 2 * nexp);
	tag = xcalloc(nstrs + 1, sizeof(*tag));
	fol = xcalloc(nstrs + 1, sizeof(*fol));
	exl = xcalloc(nexp + 1, sizeof(*exl));
	exp = xcalloc(nexp + 1, sizeof(*exp));
	/* the blob, field by field; a category or rubric name repeated
	 * from the question before is stored once */
	for (k = 0; k < QS_NFIELD; k++) {
		for (i = 0; i < qb->nr; i++) {
			const struct question *q = &qb->v[i];
			const struct question *p = i ? &qb->v[i - 1] : NULL;
			uint32_t *o = &off[i * QS_NFIELD + k];
			if (k == QS_ID) {
				*o = blob_add(&blob, q->id);
			} else if (k == QS_CATEGORY) {
				*o = p && !strcmp(p->category, q->category)
					     ? o[-QS_NFIELD]
					     : blob_add(&blob, q->category);
			} else if (k == QS_RUBRIC) {
				*o = p && q->rubric && p->rubric &&
						     !strcmp(p->rubric,
							     q->rubric)
					     ? o[-QS_NFIELD]
					     : blob_add(&blob, q->rubric);
			} else if (k == QS_PROMPT) {
				*o = blob_add(&blob, q->prompt);
			} else {
				*o = blob_add(&blob, q->hint);
			}
		}
		if (k == QS_RUBRIC)
			for (i = 0; i < qb->nr; i++)
				for (j = 0; j < qb->v[i].ntags; j++)
					tag[t++] = blob_intern(
						&blob, &seen, qb->v[i].tags[j]);
	}
	for (i = 0; i < qb->nr; i++)
		for (j = 0; j < qb->v[i].nfollow; j++)
			fol[f++] = blob_intern(&blob, &seen,
					       qb->v[i].follow_ups[j]);
	for (i = 0; i < qb->nr; i++)
		for (j = 0; j < qb->v[i].nexpect; j++) {
			exl[e] = blob_intern(&blob, &seen,
					     qb->v[i].expects[j].label);
			exp[e++] = blob_intern(&blob, &seen,
					       qb->v[i].expects[j].pattern);
		}

	put_count(out, nfiles);
	last = NULL;
	for (i = 0; i < qb->nr; i++) {
		if (!last || strcmp(last, qb->v[i].file))
			put_str(out, qb->v[i].file);
		last = qb->v[i].file;
	}
	put_count(out, qb->nr);
	put_count(out, nstrs);
	put_count(out, nexp);
	put_count(out, blob.len);
	nfiles = 0;
	last = NULL;
	t = f = e = 0;
	for (i = 0; i < qb->nr; i++) {
		const struct question *q = &qb->v[i];
		if (!last || strcmp(last, q->file))
			nfiles++;
		last = q->file;
		put_u32(out, (uint32_t)(nfiles - 1));
		for (k = 0; k < QS_NFIELD; k++)
			put_u32(out, off[i * QS_NFIELD + k]);
		put_u32(out, q->time_s);
		put_u8(out, (unsigned)q->level);
		put_u32(out, q->line);
		put_u32(out, q->id_col);
		put_u32(out, q->rubric_line);
		put_u32(out, q->rubric_col);
		put_count(out, q->nfollow);
		for (j = 0; j < q->nfollow; j++)
			put_u32(out, fol[f++]);
		put_count(out, q->ntags);
		for (j = 0; j < q->ntags; j++)
			put_u32(out, tag[t++]);
		put_count(out, q->nexpect);
		for (j = 0; j < q->nexpect; j++, e++) {
			put_u32(out, exl[e]);
			put_u32(out, exp[e]);
			put_u32(out, q->expects[j].line);
			put_u32(out, q->expects[j].col);
		}
	}
	sb_add(out, blob.buf, blob.len);
	sb_release(&blob);
	free(seen.slot);
	free(off);
	free(tag);
	free(fol);
	free(exl);
	free(exp);
}

void bankcache_encode(const struct bank *b, const struct diag_list *dl,
		      const struct bankcache_key *key, const char *version,
		      struct sb *out)
{
	assert(!b->partial); /* it would write questions without Expect */
	size_t start = out->len, plen;
	uint64_t sum;
	sb_add(out, MAGIC, 8);
	put_u32(out, BANKCACHE_FORMAT);
	put_u32(out, 0);
	put_u64(out, 0); /* length and checksum, filled in below */
	put_u64(out, 0);
	put_str(out, version);
	put_key(out, key);
	put_diags(out, dl);
	put_model(out, &b->model);
	put_rubrics(out, &b->r);
	put_lexicon(out, b);
	put_questions(out, &b->q);
	plen = out->len - start - HEADER_LEN;
	sum = bankcache_payload_sum(out->buf + start + HEADER_LEN, plen);
	store_le(out->buf + start + 16, plen, 8);
	store_le(out->buf + start + 24, sum, 8);
}

/* ---- reading: every read is checked against the end ---- */

struct rd {
	char *buf;
	size_t len, off;
	int bad;
	const char *why; /* the first problem */
};

static void fail(struct rd *r, const char *why)
{
	if (!r->bad)
		r->why = why;
	r->bad = 1;
}

static int have(struct rd *r, size_t n)
{
	if (r->bad || r->len - r->off < n) {
		fail(r, "truncated");
		return 0;
	}
	return 1;
}

/* The next n bytes, or NULL (and the reader failed) past the end. */
static const unsigned char *next_bytes(struct rd *r, size_t n)
{
	const unsigned char *p;
	if (!have(r, n))
		return NULL;
	p = (const unsigned char *)r->buf + r->off;
	r->off += n;
	return p;
}

/* The reader's most frequent call (about 30 a question): spelt out, so
 * that the compiler inlines the in-bounds path. */
static inline uint32_t get_u32(struct rd *r)
{
	if (r->bad || r->len - r->off < 4) {
		fail(r, "truncated");
		return 0;
	}
	r->off += 4;
	return le32((const unsigned char *)r->buf + r->off - 4);
}

static uint64_t get_u64(struct rd *r)
{
	const unsigned char *p = next_bytes(r, 8);
	return p ? le64(p) : 0;
}

static unsigned get_u8(struct rd *r)
{
	const unsigned char *p = next_bytes(r, 1);
	return p ? *p : 0;
}

/* An enum value below `max`. */
static unsigned get_enum(struct rd *r, unsigned max)
{
	unsigned v = get_u8(r);
	if (v >= max) {
		fail(r, "value out of range");
		return 0;
	}
	return v;
}

/* A finite number in [lo, hi] (or the default `dflt` exactly). */
static double get_f64(struct rd *r, double lo, double hi, double dflt)
{
	uint64_t v = get_u64(r);
	double d;
	memcpy(&d, &v, sizeof(d));
	if (r->bad)
		return 0;
	if (d == dflt)
		return d;
	if (!isfinite(d) || d < lo || d > hi) {
		fail(r, "number out of range");
		return 0;
	}
	return d;
}

/* A count of items each at least `min` bytes long: a crafted count can
 * make no allocation larger than the buffer allows. */
static size_t get_count(struct rd *r, size_t min)
{
	uint32_t n = get_u32(r);
	if (r->bad)
		return 0;
	if ((size_t)n > (r->len - r->off) / min) {
		fail(r, "count larger than the data");
		return 0;
	}
	return n;
}

/* A string in place: points into the buffer, NUL-terminated there. */
static char *get_str_in(struct rd *r, int nullable)
{
	uint32_t n = get_u32(r);
	char *s;
	if (r->bad)
		return NULL;
	if (n == NULL_STR) {
		if (!nullable)
			fail(r, "missing string");
		return NULL;
	}
	if (!have(r, (size_t)n + 1))
		return NULL;
	s = r->buf + r->off;
	if (s[n] != '\0' || memchr(s, '\0', n)) {
		fail(r, "bad string");
		return NULL;
	}
	r->off += (size_t)n + 1;
	return s;
}

static char *get_str(struct rd *r, int nullable)
{
	char *s = get_str_in(r, nullable);
	return s ? xstrdup(s) : NULL;
}

#define MIN_STR 4u /* a NULL string; any other is at least 5 bytes */

static void get_key(struct rd *r, struct bankcache_key *k)
{
	size_t i, n;
	k->written_ns = (int64_t)get_u64(r);
	n = get_count(r, 2 * MIN_STR);
	k->dirs = xcalloc(n + 1, sizeof(*k->dirs));
	k->real = xcalloc(n + 1, sizeof(*k->real));
	for (i = 0; i < n && !r->bad; i++) {
		k->dirs[i] = get_str(r, 0);
		k->real[i] = get_str(r, 0);
		k->ndirs++;
	}
	n = get_count(r, MIN_STR + 1);
	k->folders = xcalloc(n + 1, sizeof(*k->folders));
	k->afolders = n + 1;
	for (i = 0; i < n && !r->bad; i++) {
		struct bankcache_folder *f = &k->folders[k->nfolders++];
		f->path = get_str(r, 0);
		f->missing = (int)get_enum(r, 2);
	}
	n = get_count(r, MIN_STR + 4 + 1 + 6 * 8);
	k->files = xcalloc(n + 1, sizeof(*k->files));
	k->afiles = n + 1;
	for (i = 0; i < n && !r->bad; i++) {
		struct bankcache_file *f = &k->files[k->nfiles++];
		f->path = get_str(r, 0);
		f->folder = get_u32(r);
		if (f->folder != BANKCACHE_NO_FOLDER &&
		    f->folder >= k->nfolders)
			fail(r, "file in no folder");
		f->missing = (int)get_enum(r, 2);
		f->size = get_u64(r);
		f->mtime_ns = get_u64(r);
		f->ctime_ns = get_u64(r);
		f->ino = get_u64(r);
		f->dev = get_u64(r);
		f->hash = get_u64(r);
	}
}

static void get_diags(struct rd *r, struct diag_list *dl)
{
	size_t i, n = get_count(r, 2 * MIN_STR + 10);
	for (i = 0; i < n && !r->bad; i++) {
		char *file = get_str_in(r, 1), *msg;
		unsigned line = get_u32(r), col = get_u32(r);
		unsigned level = get_enum(r, DIAG_ERROR + 1);
		unsigned code = get_enum(r, DIAG_CODE_MAX);
		msg = get_str_in(r, 0);
		if (r->bad)
			break;
		diag_add(dl, (enum diag_level)level, (enum diag_code)code, file,
			 line, col, "%s", msg);
	}
}

/* Numbers in the model file are not bounded by its parser; any finite
 * value this large is a crafted file, not a fitted model. */
#define BIG 1e9

static void get_model(struct rd *r, struct model *m)
{
	size_t i, n;
	m->loaded = (int)get_enum(r, 2);
	m->intercept = get_f64(r, -BIG, BIG, 0);
	m->scale = get_f64(r, -BIG, BIG, 0);
	m->gate_low = get_f64(r, -BIG, BIG, 0);
	m->gate_full = get_f64(r, -BIG, BIG, 0);
	for (i = 0; i < MODEL_NFEATURES; i++)
		m->feature[i] = get_f64(r, -BIG, BIG, 0);
	n = get_count(r, MIN_STR + 8);
	if (n)
		m->crit = xcalloc(n, sizeof(*m->crit));
	m->acrit = n;
	for (i = 0; i < n && !r->bad; i++) {
		m->crit[i].name = get_str(r, 0);
		m->crit[i].mult = get_f64(r, -BIG, BIG, 0);
		m->ncrit++;
	}
}

/* The ranges are rubric.c's: a decoded rubric is one it could parse. */
static void get_criterion(struct rd *r, struct criterion *c)
{
	size_t i, n;
	c->name = get_str(r, 0);
	c->label = get_str(r, 0);
	c->feedback = get_str(r, 1);
	n = get_count(r, MIN_STR);
	if (n)
		c->examples = xcalloc(n, sizeof(*c->examples));
	c->aexamples = n;
	for (i = 0; i < n && !r->bad; i++) {
		c->examples[i] = get_str(r, 0);
		c->nexamples++;
	}
	c->kind = (enum crit_kind)get_enum(r, CRIT_KIND_MAX);
	c->weight = get_f64(r, 0, 1000, 0);
	c->min = get_f64(r, 0, 1000, 0);
	c->count_matches = (int)get_enum(r, 2);
	c->where = (enum crit_where)get_enum(r, WHERE_LAST + 1);
	c->followups = (enum crit_followups)get_enum(r, FOLLOWUP_SKIP + 1);
	c->instead = (enum crit_instead)get_enum(r, INSTEAD_WE + 1);
	c->where_pct = get_f64(r, 0, 100, 0);
	c->target = get_f64(r, 0, 1, 0);
	c->ideal_lo = get_u32(r);
	c->ideal_hi = get_u32(r);
	c->wpm_lo = get_u32(r);
	c->wpm_hi = get_u32(r);
	c->allow = get_f64(r, 0, 100, -1);
	c->full = get_f64(r, 0, 100, -1);
	c->line = get_u32(r);
	n = get_count(r, 2 * MIN_STR + 9);
	if (n)
		c->pats = xcalloc(n, sizeof(*c->pats));
	c->apats = n;
	for (i = 0; i < n && !r->bad; i++) {
		struct pattern *p = &c->pats[c->npats++];
		p->label = get_str(r, 1);
		p->src = get_str(r, 0);
		p->line = get_u32(r);
		p->col = get_u32(r);
		p->against = (int)get_enum(r, 2);
		/* the scorer names a stage by its label, as the parser
		 * guarantees; no other kind has one */
		if (!p->label != (c->kind != CRIT_STAGES))
			fail(r, "stage without a label");
	}
}

static void get_rubrics(struct rd *r, struct rubric_set *rs)
{
	size_t i, j, n = get_count(r, 6 * MIN_STR + 24);
	if (n)
		rs->v = xcalloc(n, sizeof(*rs->v));
	rs->alloc = n;
	for (i = 0; i < n && !r->bad; i++) {
		struct rubric *ru = &rs->v[rs->nr++];
		size_t nc;
		ru->name = get_str(r, 0);
		ru->title = get_str(r, 0);
		ru->description = get_str(r, 1);
		ru->outline = get_str(r, 1);
		ru->time_s = get_u32(r);
		ru->min_words = get_u32(r);
		ru->file = get_str(r, 0);
		ru->line = get_u32(r);
		ru->version = get_u64(r);
		nc = get_count(r, 3 * MIN_STR + 80);
		if (nc)
			ru->crit = xcalloc(nc, sizeof(*ru->crit));
		ru->acrit = nc;
		for (j = 0; j < nc && !r->bad; j++)
			get_criterion(r, &ru->crit[ru->ncrit++]);
	}
}

/* Each stem must end within its 24 bytes, and they must be sorted and
 * distinct: lexicon_weight() searches them. */
static void get_lexicon(struct rd *r, struct bank *b)
{
	struct lexicon *lx = &b->lex;
	size_t i, n;
	if (!get_enum(r, 2))
		return;
	lx->ndocs = get_u32(r);
	n = get_count(r, sizeof(*lx->stem) + 4);
	if (r->bad)
		return;
	lx->stem = xmalloc((n ? n : 1) * sizeof(*lx->stem));
	lx->df = xmalloc((n ? n : 1) * sizeof(*lx->df));
	for (i = 0; i < n && !r->bad; i++) {
		const unsigned char *p = next_bytes(r, sizeof(*lx->stem));
		if (!p || !memchr(p, '\0', sizeof(*lx->stem))) {
			fail(r, "bad lexicon stem");
			break;
		}
		memcpy(lx->stem[i], p, sizeof(*lx->stem));
		lx->df[i] = get_u32(r);
		if (i && strcmp(lx->stem[i - 1], lx->stem[i]) >= 0)
			fail(r, "lexicon out of order");
		lx->n = i + 1;
	}
	b->lex_ready = !r->bad;
}

/* Hand out `n` slots of a block of `total`; fails past its end. */
static size_t take(struct rd *r, size_t *used, size_t n, size_t total)
{
	size_t at = *used;
	if (n > total - at) {
		fail(r, "more items than announced");
		return 0;
	}
	*used += n;
	return at;
}

#define MIN_QUESTION (4 + 4 * QS_NFIELD + 4 + 1 + 16 + 12)

/* A blob string: an offset before the blob's end.  The blob ends with a
 * NUL, so any offset yields a bounded string; the bytes themselves are
 * not read here (they are the pages a mapped cache need not touch). */
static char *blob_str(struct rd *r, char *blob, size_t blen, int nullable)
{
	uint32_t o = get_u32(r);
	if (r->bad)
		return NULL;
	if (o == NULL_STR) {
		if (!nullable)
			fail(r, "missing string");
		return NULL;
	}
	if ((size_t)o >= blen) {
		fail(r, "string outside the data");
		return NULL;
	}
	return blob + o;
}

/* One Expect line's record: two string offsets, line, column (16 bytes),
 * read the same way at decode time and, held back, later. */
static void get_expect(struct rd *r, char *blob, size_t blen, struct qexpect *e)
{
	e->label = blob_str(r, blob, blen, 0);
	e->pattern = blob_str(r, blob, blen, 0);
	e->line = get_u32(r);
	e->col = get_u32(r);
}

static void get_questions(struct rd *r, struct qbank *qb, int no_expects)
{
	size_t i, j, nfiles, n, nstrs, nexp, blen, ustrs = 0, uexp = 0;
	char **files, *blob;
	nfiles = get_count(r, MIN_STR + 1);
	files = xcalloc(nfiles + 1, sizeof(*files));
	for (i = 0; i < nfiles && !r->bad; i++)
		files[i] = get_str_in(r, 0);
	n = get_count(r, MIN_QUESTION);
	nstrs = get_count(r, 4);
	nexp = get_count(r, 16);
	blen = get_count(r, 1);
	if (!r->bad && blen && r->buf[r->len - 1] != '\0')
		fail(r, "bad string data");
	if (r->bad) {
		free(files);
		return;
	}
	/* the records end where the blob begins */
	blob = r->buf + (r->len - blen);
	r->len -= blen;
	if (n)
		qb->v = xcalloc(n, sizeof(*qb->v));
	qb->alloc = n;
	qb->arena_strs = xcalloc(nstrs + 1, sizeof(*qb->arena_strs));
	qb->arena_expects =
		xcalloc(no_expects ? 1 : nexp + 1, sizeof(*qb->arena_expects));
	for (i = 0; i < n && !r->bad; i++) {
		struct question *q = &qb->v[qb->nr++];
		uint32_t fi = get_u32(r);
		q->borrowed = 1;
		if (fi >= nfiles) {
			fail(r, "question in no file");
			break;
		}
		q->file = files[fi];
		q->id = blob_str(r, blob, blen, 0);
		q->category = blob_str(r, blob, blen, 0);
		q->rubric = blob_str(r, blob, blen, 1);
		q->prompt = blob_str(r, blob, blen, 0);
		q->hint = blob_str(r, blob, blen, 1);
		q->time_s = get_u32(r);
		if (q->time_s && (q->time_s < 10 || q->time_s > 7200))
			fail(r, "time out of range");
		q->level = (enum qlevel)get_enum(r, QLEVEL_TPM + 1);
		q->line = get_u32(r);
		q->id_col = get_u32(r);
		q->rubric_line = get_u32(r);
		q->rubric_col = get_u32(r);
		q->nfollow = get_count(r, 4);
		q->follow_ups =
			qb->arena_strs + take(r, &ustrs, q->nfollow, nstrs);
		for (j = 0; j < q->nfollow && !r->bad; j++)
			q->follow_ups[j] = blob_str(r, blob, blen, 0);
		q->ntags = get_count(r, 4);
		q->tags = qb->arena_strs + take(r, &ustrs, q->ntags, nstrs);
		for (j = 0; j < q->ntags && !r->bad; j++)
			q->tags[j] = blob_str(r, blob, blen, 0);
		q->nexpect = get_count(r, 16);
		if (no_expects) {
			/* 16 bytes each: two string offsets, line, column;
			 * read when the question is scored */
			if (r->off > UINT32_MAX)
				fail(r, "too large to hold Expect lines back");
			q->held_expects = (unsigned)q->nexpect;
			q->held_at = (uint32_t)r->off;
			if (have(r, q->nexpect * 16))
				r->off += q->nexpect * 16;
			q->nexpect = 0;
			continue;
		}
		q->expects =
			qb->arena_expects + take(r, &uexp, q->nexpect, nexp);
		for (j = 0; j < q->nexpect && !r->bad; j++)
			get_expect(r, blob, blen, &q->expects[j]);
		if (r->bad) {
			/* a half-read question's counts may exceed its
			 * arrays; nothing of it is to be freed anyway */
			q->nexpect = q->nfollow = q->ntags = 0;
		}
	}
	free(files);
	if (no_expects) {
		qb->held_buf = r->buf;
		qb->held_len = r->len;
		qb->held_blob = blob;
		qb->held_blen = blen;
	}
}

/* A question's held Expect lines, as get_questions() would have read
 * them; on bad bytes it keeps none. */
static int read_held(struct qbank *qb, struct question *q)
{
	struct rd r = {qb->held_buf, qb->held_len, q->held_at, 0, NULL};
	size_t j, n = q->held_expects;
	q->held_expects = 0;
	if (!n || !have(&r, n * 16))
		return r.bad ? -1 : 0;
	q->expects = xcalloc(n, sizeof(*q->expects));
	q->aexpect = n;
	for (j = 0; j < n && !r.bad; j++)
		get_expect(&r, qb->held_blob, qb->held_blen, &q->expects[j]);
	if (r.bad) {
		free(q->expects);
		q->expects = NULL;
		q->aexpect = 0;
		return -1;
	}
	q->nexpect = n;
	return 0;
}

int bankcache_expects(struct bank *b, size_t qi)
{
	if (qi >= b->q.nr || !b->q.v[qi].held_expects)
		return 0;
	return read_held(&b->q, &b->q.v[qi]);
}

int bankcache_expects_all(struct bank *b)
{
	size_t i;
	int bad = 0;
	for (i = 0; i < b->q.nr; i++)
		if (b->q.v[i].held_expects && read_held(&b->q, &b->q.v[i]))
			bad = -1;
	b->partial = 0;
	return bad;
}

void bankcache_key_release(struct bankcache_key *key)
{
	size_t i;
	for (i = 0; i < key->ndirs; i++) {
		free(key->dirs[i]);
		free(key->real[i]);
	}
	free(key->dirs);
	free(key->real);
	for (i = 0; i < key->nfolders; i++)
		free(key->folders[i].path);
	free(key->folders);
	for (i = 0; i < key->nfiles; i++)
		free(key->files[i].path);
	free(key->files);
	memset(key, 0, sizeof(*key));
}

int bankcache_decode(struct bank *b, struct diag_list *dl,
		     struct bankcache_key *key, const char *version, char *buf,
		     size_t len, const uint64_t *sum, struct sb *why)
{
	return bankcache_decode_part(b, dl, key, version, buf, len, sum, 0,
				     why);
}

int bankcache_decode_part(struct bank *b, struct diag_list *dl,
			  struct bankcache_key *key, const char *version,
			  char *buf, size_t len, const uint64_t *sum, int flags,
			  struct sb *why)
{
	struct rd r = {buf, len, 0, 0, NULL};
	const unsigned char *u = (const unsigned char *)buf;
	const char *v;
	size_t i;

	memset(b, 0, sizeof(*b));
	memset(key, 0, sizeof(*key));
	if (len < HEADER_LEN || memcmp(buf, MAGIC, 8)) {
		sb_adds(why, "not a bank cache");
		return -1;
	}
	if (le32(u + 8) != BANKCACHE_FORMAT || le32(u + 12)) {
		sb_adds(why, "another format version");
		return -1;
	}
	if (le64(u + 16) != len - HEADER_LEN) {
		sb_adds(why, "wrong length");
		return -1;
	}
	if (le64(u + 24) !=
	    (sum ? *sum
		 : bankcache_payload_sum(buf + HEADER_LEN, len - HEADER_LEN))) {
		sb_adds(why, "checksum mismatch");
		return -1;
	}
	r.off = HEADER_LEN;
	v = get_str_in(&r, 0);
	if (!r.bad && version && strcmp(v, version)) {
		sb_adds(why, "written by another version of pmdrill");
		return -1;
	}
	get_key(&r, key);
	get_diags(&r, dl);
	get_model(&r, &b->model);
	get_rubrics(&r, &b->r);
	get_lexicon(&r, b);
	get_questions(&r, &b->q, flags & BANKCACHE_NO_EXPECTS);
	if (!r.bad && r.off != r.len)
		fail(&r, "trailing bytes");
	if (r.bad) {
		sb_adds(why, r.why);
		bank_release(b);
		memset(b, 0, sizeof(*b));
		diag_release(dl);
		bankcache_key_release(key);
		return -1;
	}
	b->partial = (flags & BANKCACHE_NO_EXPECTS) != 0;
	/* what bank_validate() lends every rubric */
	for (i = 0; i < b->r.nr; i++)
		b->r.v[i].model = b->model.loaded ? &b->model : NULL;
	return 0;
}
