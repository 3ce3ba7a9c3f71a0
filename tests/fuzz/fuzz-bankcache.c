/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: any bytes as a bank cache file.  Each input is decoded
 * twice: as it is, and "resealed" (its length and checksum fields set to
 * match), so mutations get past the checksum to the structure checks.  A
 * bank that decodes is then used as the commands use one (look-ups,
 * patterns compiled, an answer scored) and must encode and decode again,
 * and decode partly with the same Expect lines read late.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "bankcache.h"
#include "diag.h"
#include "sb.h"
#include "score.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use(struct bank *b)
{
	static const char answer[] =
		"I would start with the goal: grow weekly active users by 10% "
		"this quarter. We measured retention, then I decided to cut "
		"scope because the data showed churn.";
	struct diag_list dl = {0};
	const char **set;
	size_t i, n;
	n = bank_categories(b, &set);
	free(set);
	n += bank_tags(b, &set);
	free(set);
	(void)n;
	bank_lexicon(b);
	for (i = 0; i < b->q.nr && i < 8; i++) {
		struct rubric *r = bank_rubric_of(b, i);
		struct score_report rep;
		(void)bank_question_time(b, i);
		qbank_compile_expects(&b->q.v[i], 0, &dl);
		if (!r)
			continue;
		rubric_compile(r, 0, &dl);
		if (!score_answer(&rep, r, &b->q.v[i], answer,
				  sizeof(answer) - 1, 60000, 0, &dl))
			score_report_release(&rep);
	}
	diag_release(&dl);
}

/* The same bytes decoded partly (as `next` and a drill do), their Expect
 * lines read one question at a time and then all: what the whole decode
 * `whole` read, or an abort. */
static void partial(const struct bank *whole, char *buf, size_t size)
{
	struct bank p;
	struct diag_list dl = {0};
	struct bankcache_key k;
	struct sb why = SB_INIT;
	size_t i, j;
	if (bankcache_decode_part(&p, &dl, &k, PMDRILL_VERSION, buf, size, NULL,
				  BANKCACHE_NO_EXPECTS, &why))
		abort(); /* the whole decode of these bytes succeeded */
	if (p.q.nr != whole->q.nr || (p.q.nr && bankcache_expects(&p, 0)) ||
	    bankcache_expects_all(&p) || p.partial)
		abort();
	for (i = 0; i < p.q.nr; i++) {
		const struct question *x = &p.q.v[i], *y = &whole->q.v[i];
		if (x->nexpect != y->nexpect)
			abort();
		for (j = 0; j < x->nexpect; j++)
			if (strcmp(x->expects[j].pattern,
				   y->expects[j].pattern) ||
			    strcmp(x->expects[j].label, y->expects[j].label))
				abort();
	}
	bank_release(&p);
	diag_release(&dl);
	bankcache_key_release(&k);
	sb_release(&why);
}

static void decode(const uint8_t *data, size_t size, int reseal)
{
	struct bank b, again;
	struct diag_list dl = {0}, dl2 = {0};
	struct bankcache_key k, k2;
	struct sb why = SB_INIT, enc = SB_INIT;
	char *buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	if (reseal && size >= 32) {
		uint64_t len = size - 32,
			 h = bankcache_payload_sum(buf + 32, size - 32);
		unsigned i;
		for (i = 0; i < 8; i++) {
			buf[16 + i] = (char)(unsigned char)(len >> (8 * i));
			buf[24 + i] = (char)(unsigned char)(h >> (8 * i));
		}
	}
	if (bankcache_decode(&b, &dl, &k, PMDRILL_VERSION, buf, size, NULL,
			     &why)) {
		free(buf);
		sb_release(&why);
		return;
	}
	bankcache_encode(&b, &dl, &k, PMDRILL_VERSION, &enc);
	partial(&b, buf, size);
	use(&b);
	{
		char *copy = xmalloc(enc.len + 1);
		memcpy(copy, enc.buf, enc.len);
		if (bankcache_decode(&again, &dl2, &k2, PMDRILL_VERSION, copy,
				     enc.len, NULL, &why))
			abort(); /* what decodes must encode to what decodes */
		bank_release(&again);
		free(copy);
		diag_release(&dl2);
		bankcache_key_release(&k2);
	}
	bank_release(&b);
	free(buf);
	diag_release(&dl);
	bankcache_key_release(&k);
	sb_release(&why);
	sb_release(&enc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	decode(data, size, 0);
	decode(data, size, 1);
	return 0;
}
