/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bankcache: a loaded bank, its diagnostics and the stamps of the files
 * it came from, as bytes and back.
 *
 * bankcache_encode() writes a validated bank (questions, rubrics as
 * parsed, the model, the lexicon if built; never compiled patterns), the
 * diagnostics its loading produced and a `struct bankcache_key` into
 * `out`.  bankcache_decode() reads such bytes back.  The bytes are
 * untrusted (a cache file may be truncated, corrupted or crafted): the
 * decoder checks the magic, the format version, pmdrill's version (the
 * `version` argument; NULL accepts any, for tools that inspect a file), the
 * payload checksum, and every count, length, enum and number against the
 * buffer and the ranges the parsers allow, and rejects anything else
 * with -1 and a reason in `why`; it never reads out of bounds.
 *
 * Ownership: decode never takes `buf`, and decoded questions point
 * into it (they are `borrowed`, see qbank.h): the caller keeps it alive
 * and unchanged until bank_release(), so the shell can decode a mapped
 * file in place.  The payload checksum is computed by decode, or given
 * as *sum by a caller that has hashed the bytes already (the shell does,
 * reading the file through a small buffer, so the mapping's pages are
 * only touched where the bank is used).  On failure the bank, key and
 * list (which must start empty) are left empty.  The key's strings are
 * its own; bankcache_key_release() frees them.
 *
 * The layout is described in docs/FORMATS.md ("The bank cache").  Pure:
 * no I/O; the shell (src/bank-cache.c) reads, stats and writes files.
 */
#ifndef PMDRILL_BANKCACHE_H
#define PMDRILL_BANKCACHE_H

#include <stddef.h>
#include <stdint.h>

struct bank;
struct diag_list;
struct sb;

#define BANKCACHE_FORMAT 1

/* A folder whose listing the bank depends on. */
struct bankcache_folder {
	char *path;
	int missing; /* it did not exist */
};

/* A file the bank was read from, with its stat and content hash. */
struct bankcache_file {
	char *path;
	uint32_t folder; /* index in key.folders; BANKCACHE_NO_FOLDER for
			    weights.fit (looked up by name, not listed) */
	int missing;     /* weights.fit only: it did not exist */
	uint64_t size, mtime_ns, ctime_ns, ino, dev;
	uint64_t hash; /* bankcache_hash() of the content */
};
#define BANKCACHE_NO_FOLDER UINT32_MAX

struct bankcache_key {
	char **dirs; /* the bank folders as given, in load order */
	char **real; /* their real paths ("" if none) */
	size_t ndirs;
	int64_t written_ns; /* wall clock before the files were stat'ed */
	struct bankcache_folder *folders;
	size_t nfolders, afolders;
	struct bankcache_file *files;
	size_t nfiles, afiles;
};

/* A fast 64-bit hash (the XXH64 algorithm, seed 0) of a buffer. */
uint64_t bankcache_hash(const void *buf, size_t len);
/*
 * The payload checksum is the hash of the hashes (8 bytes each, little-
 * endian) of its BANKCACHE_PIECE-byte pieces, the last one shorter, so
 * the shell can compute it through a small buffer: add each piece in
 * order to `acc` (an sb), then take bankcache_sum_final().
 */
#define BANKCACHE_PIECE 65536u
#define BANKCACHE_HEADER 32u
void bankcache_sum_piece(struct sb *acc, const void *piece, size_t len);
uint64_t bankcache_sum_final(const struct sb *acc);
/* The same over a payload in memory. */
uint64_t bankcache_payload_sum(const void *payload, size_t len);

void bankcache_encode(const struct bank *b, const struct diag_list *dl,
		      const struct bankcache_key *key, const char *version,
		      struct sb *out);
int bankcache_decode(struct bank *b, struct diag_list *dl,
		     struct bankcache_key *key, const char *version, char *buf,
		     size_t len, const uint64_t *sum, struct sb *why);
/*
 * bankcache_decode() with BANKCACHE_NO_EXPECTS: each question's Expect
 * lines are stepped over (their bytes must be there, and the checksum
 * covers them, but they are neither read nor allocated: 30,000 of them
 * in a bank of 10,000 questions), every question has nexpect 0 and
 * held_expects set, and b->partial is set.  Such a bank serves `next`,
 * `stats` and a drill; a question is scored only after
 * bankcache_expects() has read its Expect lines, and writing a cache
 * needs the whole decode.
 */
#define BANKCACHE_NO_EXPECTS 1
int bankcache_decode_part(struct bank *b, struct diag_list *dl,
			  struct bankcache_key *key, const char *version,
			  char *buf, size_t len, const uint64_t *sum, int flags,
			  struct sb *why);
/*
 * The Expect lines a partial decode held back, read from the same cache
 * buffer, which must still be there: bankcache_expects() for question qi
 * (before it is scored; 0 when there was nothing to read), and
 * bankcache_expects_all() for every question, which makes the bank whole
 * (b->partial 0) in place, so pointers into it stay valid.  -1 when the
 * buffer's bytes are bad (the checksum makes that a bug): those questions
 * keep no Expect lines.
 */
int bankcache_expects(struct bank *b, size_t qi);
int bankcache_expects_all(struct bank *b);
void bankcache_key_release(struct bankcache_key *key);

#endif
