/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bankcache-tool: look into and tamper with a bank cache file, for
 * tests/scripts/bank-cache.sh.
 *
 *   dump FILE               decode it; print its questions ("q ID\tPROMPT")
 *                           and files ("f PATH"); exit 1 with the reason if
 *                           it does not decode
 *   reseal FILE             fix its checksum after a change
 *   replace FILE OLD NEW    replace the first OLD in its bytes by NEW (the
 *                           same length) and fix the checksum, as a crafted
 *                           cache would
 *   encode FILE RUBRICS QUESTIONS  write a cache of the bank of these two
 *                           files, with an empty key (the fuzzer's seed)
 *   stamp FILE PATH [NS]    give PATH's entry the stamp PATH has now, but
 *                           keep its old content hash (what an edit within
 *                           one clock tick leaves), and if NS is given make
 *                           the cache say it was written at NS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank.h"
#include "bankcache.h"
#include "diag.h"
#include "sb.h"

static int slurp(const char *path, struct sb *out)
{
	char chunk[65536];
	size_t n;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		sb_add(out, chunk, n);
	fclose(fp);
	return 0;
}

static int spill(const char *path, const struct sb *in)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(in->buf, 1, in->len, fp) != in->len)
		return -1;
	return fclose(fp) ? -1 : 0;
}

static void reseal(struct sb *s)
{
	uint64_t h = bankcache_payload_sum(s->buf + 32, s->len - 32);
	unsigned i;
	for (i = 0; i < 8; i++)
		s->buf[24 + i] = (char)(unsigned char)(h >> (8 * i));
}

int main(int argc, char **argv)
{
	struct sb raw = SB_INIT, why = SB_INIT, out = SB_INIT;
	struct bank b = {0};
	struct diag_list dl = {0};
	struct bankcache_key k = {0};
	size_t i;
	int rc = 1;

	if (argc == 5 && !strcmp(argv[1], "encode")) {
		struct sb r = SB_INIT, q = SB_INIT;
		struct bank nb = {0};
		struct bankcache_key nk = {0};
		if (slurp(argv[3], &r) || slurp(argv[4], &q))
			return 1;
		bank_add_rubrics(&nb, argv[3], r.buf, r.len, &dl);
		bank_add_questions(&nb, argv[4], q.buf, q.len, &dl);
		bank_validate(&nb, 0, &dl);
		bank_lexicon(&nb); /* as pmdrill does before writing */
		bankcache_encode(&nb, &dl, &nk, PMDRILL_VERSION, &out);
		rc = spill(argv[2], &out) ? 1 : 0;
		bank_release(&nb);
		sb_release(&r);
		sb_release(&q);
		goto done;
	}
	if (argc < 3 || slurp(argv[2], &raw)) {
		fprintf(stderr,
			"usage: bankcache-tool dump|replace|stamp FILE ...\n");
		return 2;
	}
	if (!strcmp(argv[1], "reseal") && raw.len >= 32) {
		reseal(&raw);
		rc = spill(argv[2], &raw) ? 1 : 0;
		goto done;
	}
	if (!strcmp(argv[1], "replace") && argc == 5) {
		size_t n = strlen(argv[3]);
		char *at = NULL;
		for (i = 0; i + n <= raw.len && !at; i++)
			if (!memcmp(raw.buf + i, argv[3], n))
				at = raw.buf + i;
		if (!at || strlen(argv[4]) != n) {
			fprintf(stderr,
				"bankcache-tool: '%s' not found (or NEW differs in length)\n",
				argv[3]);
			goto done;
		}
		memcpy(at, argv[4], n);
		reseal(&raw);
		rc = spill(argv[2], &raw) ? 1 : 0;
		goto done;
	}
	/* any version: the file is one a pmdrill build wrote */
	if (bankcache_decode(&b, &dl, &k, NULL, raw.buf, raw.len, NULL,
			     &why)) {
		fprintf(stderr, "bankcache-tool: %s: %s\n", argv[2], why.buf);
		goto done;
	}
	if (!strcmp(argv[1], "dump")) {
		for (i = 0; i < b.q.nr; i++)
			printf("q %s\t%s\n", b.q.v[i].id, b.q.v[i].prompt);
		for (i = 0; i < k.nfiles; i++)
			printf("f %s%s\n", k.files[i].path,
			       k.files[i].missing ? " (missing)" : "");
		rc = 0;
		goto done;
	}
	if (!strcmp(argv[1], "stamp") && argc >= 4) {
		struct stat st;
		int found = 0;
		if (stat(argv[3], &st))
			goto done;
		for (i = 0; i < k.nfiles; i++) {
			struct bankcache_file *f = &k.files[i];
			if (strcmp(f->path, argv[3]))
				continue;
			f->size = (uint64_t)st.st_size;
			f->mtime_ns =
				(uint64_t)st.st_mtim.tv_sec * 1000000000u +
				(uint64_t)st.st_mtim.tv_nsec;
			f->ctime_ns =
				(uint64_t)st.st_ctim.tv_sec * 1000000000u +
				(uint64_t)st.st_ctim.tv_nsec;
			f->ino = (uint64_t)st.st_ino;
			f->dev = (uint64_t)st.st_dev;
			found = 1;
		}
		if (argc >= 5)
			k.written_ns = strtoll(argv[4], NULL, 10);
		if (!found) {
			fprintf(stderr, "bankcache-tool: no entry for '%s'\n",
				argv[3]);
			goto done;
		}
		/* the version the file carries (it decoded, so the string
		 * after the header's length word is whole) */
		bankcache_encode(&b, &dl, &k, raw.buf + BANKCACHE_HEADER + 4,
				 &out);
		rc = spill(argv[2], &out) ? 1 : 0;
		goto done;
	}
	fprintf(stderr, "bankcache-tool: unknown command '%s'\n", argv[1]);
	rc = 2;
done:
	bank_release(&b);
	diag_release(&dl);
	bankcache_key_release(&k);
	sb_release(&raw);
	sb_release(&out);
	sb_release(&why);
	return rc;
}
