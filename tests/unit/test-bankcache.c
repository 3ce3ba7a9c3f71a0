/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for bankcache: round trips, and bad bytes rejected. */
#include "bankcache.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "diag.h"
#include "sb.h"
#include "xalloc.h"
#include "tap.h"

static const char rubrics[] =
	"Rubric: metrics\nTitle: Metrics\nTime: 5m\nOutline: one\\ntwo\n\n"
	"Criterion: stages\nKind: stages\nWeight: 2\n"
	"Stage: goal = \\bgoal\nStage: metric = metric\n\n"
	"Criterion: numbers\nKind: keywords\nWeight: 1\nMin: 2\n"
	"Pattern: \\d+\nExample: 12% more\nFeedback: Say a number.\n\n"
	"Criterion: hedges\nKind: penalty\nWeight: 1\nAllow: 1\nFull: 5\n"
	"Pattern: maybe\nWhere: first 30%\n\n"
	"Criterion: ratio\nKind: ratio\nWeight: 1\nTarget: 0.5\n"
	"Pattern: i\nAgainst: we\n";
static const char questions[] =
	"Id: m-one\nCategory: metrics\nPrompt: How would you measure it?\n"
	"Hint: start with the goal\nTime: 3m\nLevel: pm\n"
	"Follow-up: And then?\nFollow-up: Why?\nTags: a, b , c\n"
	"Expect: goal = \\bgoal\\b\nBogus: field\n\n"
	"Id: m-two\nCategory: other\nRubric: metrics\nPrompt: Again?\n\n"
	"Id: m-one\nCategory: metrics\nPrompt: a duplicate\n\n"
	"Id: m-three\nCategory: nothing\nPrompt: no rubric\n";
static const char model[] = "Model: 2\nIntercept: 1.5\nScale: 0.75\n"
			    "Gate: 0.1 - 0.5\nFeature: relevance = 9.77\n"
			    "Criterion: stages = 0.2895\n";

static void key_init(struct bankcache_key *k)
{
	memset(k, 0, sizeof(*k));
	k->ndirs = 2;
	k->dirs = xcalloc(3, sizeof(char *));
	k->real = xcalloc(3, sizeof(char *));
	k->dirs[0] = xstrdup("./bank");
	k->real[0] = xstrdup("/home/x/bank");
	k->dirs[1] = xstrdup("/missing");
	k->real[1] = xstrdup("");
	k->written_ns = 1234567890123456789LL;
	ALLOC_GROW(k->folders, 1, k->afolders);
	k->folders[0].path = xstrdup("./bank/questions");
	k->nfolders = 1;
	ALLOC_GROW(k->files, 2, k->afiles);
	k->files[0].path = xstrdup("./bank/questions/q.txt");
	k->files[0].folder = 0;
	k->files[0].size = 42;
	k->files[0].mtime_ns = 99;
	k->files[0].ctime_ns = 100;
	k->files[0].ino = 7;
	k->files[0].dev = 8;
	k->files[0].hash = bankcache_hash(questions, sizeof(questions) - 1);
	k->files[1].path = xstrdup("./bank/rubrics/weights.fit");
	k->files[1].folder = BANKCACHE_NO_FOLDER;
	k->files[1].missing = 1;
	k->nfiles = 2;
}

/* Decode a copy of `in` into *copy (freed by the caller after the
 * bank: decoded questions point into it). */
static int decode_copy(const struct sb *in, struct bank *b,
		       struct diag_list *dl, struct bankcache_key *k,
		       struct sb *why, char **copy)
{
	*copy = xmalloc(in->len + 1);
	memcpy(*copy, in->buf, in->len);
	return bankcache_decode(b, dl, k, "1.2.3", *copy, in->len, NULL, why);
}

static void release3(struct bank *b, struct diag_list *dl,
		     struct bankcache_key *k)
{
	bank_release(b);
	diag_release(dl);
	bankcache_key_release(k);
}

/* Decode `in` and release what it gave at once; 0 if it decoded. */
static int decode_drop(const struct sb *in, struct sb *why)
{
	struct bank e;
	struct diag_list edl = {0};
	struct bankcache_key ek;
	char *copy;
	int rc = decode_copy(in, &e, &edl, &ek, why, &copy);
	if (!rc)
		release3(&e, &edl, &ek);
	free(copy);
	return rc;
}

/* Encode b, decode that into d (its buffer in *copy) and encode d
 * again: 0 unless both encodings are the same bytes. */
static int round_trip(const struct bank *b, const struct diag_list *dl,
		      const struct bankcache_key *k, struct bank *d,
		      struct diag_list *ddl, struct bankcache_key *dk,
		      char **copy)
{
	struct sb enc = SB_INIT, enc2 = SB_INIT, why = SB_INIT;
	int rc;
	bankcache_encode(b, dl, k, "1.2.3", &enc);
	rc = decode_copy(&enc, d, ddl, dk, &why, copy);
	if (!ok(!rc, "decodes: %s", why.buf)) {
		free(*copy);
		*copy = NULL;
	} else {
		bankcache_encode(d, ddl, dk, "1.2.3", &enc2);
		rc = enc.len != enc2.len || memcmp(enc.buf, enc2.buf, enc.len);
	}
	sb_release(&enc);
	sb_release(&enc2);
	sb_release(&why);
	return rc;
}

/* Put the right checksum on a changed buffer, as a crafted file would. */
static void reseal(struct sb *s)
{
	uint64_t h = bankcache_payload_sum(s->buf + 32, s->len - 32);
	unsigned i;
	for (i = 0; i < 8; i++)
		s->buf[24 + i] = (char)(unsigned char)(h >> (8 * i));
}

static void test_hash(void)
{
	/* the XXH64 reference values */
	ok(bankcache_hash("", 0) == 0xEF46DB3751D8E999ULL, "xxh64 of ''");
	ok(bankcache_hash("abc", 3) == 0x44BC2CF5AD770999ULL, "xxh64 of 'abc'");
	/* past 32 bytes: the four lanes, then the 4-byte and byte tails */
	ok(bankcache_hash("Nobody inspects the spammish repetition", 39) ==
		   0xFBCEA83C8A378BF1ULL,
	   "xxh64 of python-xxhash's example");
	/* and the 8-byte tail (the value the byte-by-byte reading gave) */
	ok(bankcache_hash("Nobody inspects the spammish repetition, twice",
			  46) == 0xA9C9C391E49A82C7ULL,
	   "xxh64 of 46 bytes");
	ok(bankcache_hash(questions, 40) != bankcache_hash(questions, 41),
	   "the length counts");
}

static void test_round_trip(void)
{
	struct bank b = {0}, d;
	struct diag_list dl = {0}, ddl = {0};
	struct bankcache_key k, dk;
	struct sb enc = SB_INIT, why = SB_INIT;
	const struct question *q;
	const struct rubric *r;
	char *copy;
	size_t i;

	bank_add_rubrics(&b, "bank/rubrics/m.txt", rubrics, sizeof(rubrics) - 1,
			 &dl);
	bank_add_model(&b, "bank/rubrics/weights.fit", model, sizeof(model) - 1,
		       &dl);
	bank_add_questions(&b, "bank/questions/q.txt", questions,
			   sizeof(questions) - 1, &dl);
	bank_add_questions(&b, "bank/questions/r.txt", questions,
			   60 /* a cut record: an error */, &dl);
	bank_validate(&b, 0, &dl);
	ok(dl.nr >= 4, "the bank has diagnostics (%zu)", dl.nr);
	key_init(&k);
	bank_lexicon(&b);
	bankcache_encode(&b, &dl, &k, "1.2.3", &enc);
	ok(!round_trip(&b, &dl, &k, &d, &ddl, &dk, &copy),
	   "decode then encode gives the same bytes");
	if (!copy)
		return;
	ok(d.lex_ready && d.lex.n == b.lex.n && d.lex.n > 0 &&
		   d.lex.ndocs == b.lex.ndocs &&
		   !memcmp(d.lex.stem, b.lex.stem,
			   b.lex.n * sizeof(*b.lex.stem)) &&
		   !memcmp(d.lex.df, b.lex.df, b.lex.n * sizeof(*b.lex.df)),
	   "the lexicon (%zu stems)", d.lex.n);
	ok(bank_lexicon(&d) == &d.lex && d.r.v[0].lex == &d.lex,
	   "a decoded lexicon is lent, not built again");

	is_int(d.q.nr, b.q.nr, "as many questions");
	is_int(d.r.nr, 1, "one rubric");
	is_int(ddl.nr, dl.nr, "as many diagnostics");
	for (i = 0; i < dl.nr && i < ddl.nr; i++) {
		struct sb x = SB_INIT, y = SB_INIT;
		diag_format(&dl.v[i], &x);
		diag_format(&ddl.v[i], &y);
		is_str(y.buf, x.buf, "a diagnostic reads the same");
		ok(ddl.v[i].code == dl.v[i].code, "with its code");
		sb_release(&x);
		sb_release(&y);
	}
	q = &d.q.v[0];
	is_str(q->id, "m-one", "id");
	is_str(q->hint, "start with the goal", "hint");
	ok(q->rubric == NULL, "no Rubric field stays NULL");
	is_int(q->time_s, 180, "time");
	is_int(q->level, QLEVEL_PM, "level");
	is_int(q->nfollow, 2, "follow-ups");
	is_str(q->follow_ups[1], "Why?", "second follow-up");
	is_int(q->ntags, 3, "tags");
	is_str(q->tags[1], "b", "a trimmed tag");
	is_int(q->nexpect, 1, "an Expect");
	is_str(q->expects[0].pattern, "\\bgoal\\b", "its pattern");
	is_str(q->file, "bank/questions/q.txt", "file");
	is_str(d.q.v[1].rubric, "metrics", "a Rubric field");
	r = &d.r.v[0];
	ok(r->model == &d.model, "the rubric is lent the model");
	ok(d.model.loaded && d.model.scale == 0.75, "the model");
	is_int(r->ncrit, 4, "criteria");
	is_str(r->crit[0].pats[1].label, "metric", "a stage's label");
	ok(r->crit[2].allow == 1 && r->crit[2].full == 5, "penalty numbers");
	ok(r->crit[3].pats[1].against, "an Against pattern");
	ok(r->version == b.r.v[0].version, "the rubric's version");
	ok(!rubric_compile(&d.r.v[0], 0, &ddl), "a decoded rubric compiles");
	ok(!qbank_compile_expects(&d.q.v[0], 0, &ddl),
	   "a decoded Expect compiles");
	is_int(dk.nfiles, 2, "key files");
	ok(dk.files[1].missing && dk.files[1].folder == BANKCACHE_NO_FOLDER,
	   "a missing weights.fit");
	ok(dk.files[0].hash == k.files[0].hash && dk.files[0].ino == 7,
	   "stamps");
	ok(dk.written_ns == k.written_ns, "written_ns");
	is_str(dk.real[0], "/home/x/bank", "real path");

	/* another version of pmdrill, or of the format, is not read */
	{
		char *buf = xmalloc(enc.len);
		struct bank e;
		struct diag_list edl = {0};
		struct bankcache_key ek;
		memcpy(buf, enc.buf, enc.len);
		sb_reset(&why);
		ok(bankcache_decode(&e, &edl, &ek, "1.2.4", buf, enc.len, NULL,
				    &why) &&
			   strstr(why.buf, "version"),
		   "another pmdrill version is rejected: %s", why.buf);
		buf[8] = 2;
		sb_reset(&why);
		ok(bankcache_decode(&e, &edl, &ek, "1.2.3", buf, enc.len, NULL,
				    &why),
		   "another format is rejected: %s", why.buf);
		free(buf);
	}

	/* every truncation, and a flipped byte anywhere, is rejected */
	{
		size_t n, bad = 0;
		struct sb cut = SB_INIT;
		for (n = 0; n < enc.len; n++) {
			sb_reset(&cut);
			sb_add(&cut, enc.buf, n);
			bad += !decode_drop(&cut, &why);
		}
		is_int(bad, 0, "no truncation decodes");
		for (n = 0; n < enc.len; n += 7) {
			sb_reset(&cut);
			sb_add(&cut, enc.buf, enc.len);
			cut.buf[n] ^= 0x20;
			bad += !decode_drop(&cut, &why);
		}
		is_int(bad, 0, "no flipped byte decodes");
		/* with the checksum fixed up, the structure is still checked:
		 * every decode either fails or gives a bank that releases */
		for (n = 32; n < enc.len; n++) {
			sb_reset(&cut);
			sb_add(&cut, enc.buf, enc.len);
			cut.buf[n] = (char)0xff;
			reseal(&cut);
			decode_drop(&cut, &why);
		}
		ok(1, "crafted bytes with a good checksum do not crash");
		sb_release(&cut);
	}

	release3(&d, &ddl, &dk);
	free(copy);
	release3(&b, &dl, &k);
	sb_release(&enc);
	sb_release(&why);
}

static void add_folder(struct bank *b, const char *dir, int rubric,
		       struct diag_list *dl)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		struct sb path = SB_INIT, buf = SB_INIT;
		char chunk[4096];
		size_t n;
		FILE *fp;
		if (!strstr(e->d_name, ".txt"))
			continue;
		sb_addf(&path, "%s/%s", dir, e->d_name);
		fp = fopen(path.buf, "rb");
		if (fp) {
			while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
				sb_add(&buf, chunk, n);
			fclose(fp);
			if (rubric)
				bank_add_rubrics(b, path.buf, buf.buf, buf.len,
						 dl);
			else
				bank_add_questions(b, path.buf, buf.buf,
						   buf.len, dl);
		}
		sb_release(&path);
		sb_release(&buf);
	}
	closedir(d);
}

/* The shipped bank (tests run from the repository root). */
static void test_builtin(void)
{
	struct bank b = {0}, d;
	struct diag_list dl = {0}, ddl = {0};
	struct bankcache_key k = {0}, dk;
	size_t i, same = 0;
	char *copy;
	add_folder(&b, "rubrics", 1, &dl);
	add_folder(&b, "questions", 0, &dl);
	bank_validate(&b, 0, &dl);
	ok(b.q.nr > 100 && b.r.nr > 10, "the shipped bank loads (%zu)", b.q.nr);
	ok(!round_trip(&b, &dl, &k, &d, &ddl, &dk, &copy),
	   "the shipped bank round-trips byte for byte");
	if (!copy)
		return;
	for (i = 0; i < b.q.nr && i < d.q.nr; i++)
		same += !strcmp(b.q.v[i].prompt, d.q.v[i].prompt) &&
			!strcmp(b.q.v[i].file, d.q.v[i].file);
	is_int(same, b.q.nr, "every prompt and file is the same");
	release3(&d, &ddl, &dk);
	free(copy);
	release3(&b, &dl, &k);
}

static int same_expects(const struct question *x, const struct question *y)
{
	size_t j;
	if (x->nexpect != y->nexpect)
		return 0;
	for (j = 0; j < x->nexpect; j++)
		if (strcmp(x->expects[j].label, y->expects[j].label) ||
		    strcmp(x->expects[j].pattern, y->expects[j].pattern) ||
		    x->expects[j].line != y->expects[j].line ||
		    x->expects[j].col != y->expects[j].col)
			return 0;
	return 1;
}

/* The partial decode (BANKCACHE_NO_EXPECTS): the same questions with
 * every field but their Expect lines; the same checks on the rest (a
 * cut cache fails); the whole decode of the same bytes still has them,
 * and so has the partial bank once bankcache_expects() has read them. */
static void test_partial(void)
{
	struct bank b = {0}, d, w;
	struct diag_list dl = {0}, ddl = {0}, wdl = {0};
	struct bankcache_key k = {0}, dk, wk;
	struct sb enc = SB_INIT, why = SB_INIT;
	size_t i, same = 0, had = 0, nexp = 0;
	char *copy;
	add_folder(&b, "rubrics", 1, &dl);
	add_folder(&b, "questions", 0, &dl);
	bank_validate(&b, 0, &dl);
	bankcache_encode(&b, &dl, &k, "1.2.3", &enc);
	copy = xmalloc(enc.len + 1);
	memcpy(copy, enc.buf, enc.len);
	ok(!bankcache_decode_part(&d, &ddl, &dk, "1.2.3", copy, enc.len, NULL,
				  BANKCACHE_NO_EXPECTS, &why),
	   "a partial decode: %s", why.buf);
	ok(d.partial && !b.partial, "marked partial");
	for (i = 0; i < b.q.nr && i < d.q.nr; i++) {
		const struct question *x = &b.q.v[i], *y = &d.q.v[i];
		had += x->nexpect > 0;
		nexp += y->nexpect;
		same += !strcmp(x->id, y->id) &&
			!strcmp(x->category, y->category) &&
			!strcmp(x->prompt, y->prompt) && x->level == y->level &&
			x->ntags == y->ntags && x->nfollow == y->nfollow &&
			x->time_s == y->time_s && x->line == y->line &&
			(!x->ntags || !strcmp(x->tags[0], y->tags[0]));
	}
	is_int(d.q.nr, b.q.nr, "as many questions");
	is_int(same, b.q.nr, "each the same but for its Expect lines");
	ok(had > 10 && nexp == 0, "no Expect lines (the bank has %zu)", had);
	ok(!bankcache_decode(&w, &wdl, &wk, "1.2.3", copy, enc.len, NULL, &why),
	   "the whole decode of the same bytes");
	for (i = 0, same = 0; i < b.q.nr && i < w.q.nr; i++)
		same += w.q.v[i].nexpect == b.q.v[i].nexpect &&
			(!b.q.v[i].nexpect ||
			 !strcmp(w.q.v[i].expects[0].pattern,
				 b.q.v[i].expects[0].pattern));
	is_int(same, b.q.nr, "has them all");
	release3(&w, &wdl, &wk);
	/* held back, then read: one question's, then all, in place */
	for (i = 0; i < b.q.nr && !b.q.v[i].nexpect; i++)
		;
	ok(i < b.q.nr && !bankcache_expects(&d, i) &&
		   same_expects(&d.q.v[i], &b.q.v[i]) && d.partial,
	   "one question's Expect lines read on their own");
	{
		const struct question *before = d.q.v;
		ok(!bankcache_expects_all(&d) && !d.partial && d.q.v == before,
		   "the rest read in place");
	}
	for (i = 0, same = 0; i < b.q.nr && i < d.q.nr; i++)
		same += same_expects(&d.q.v[i], &b.q.v[i]);
	is_int(same, b.q.nr, "every question has its Expect lines again");
	ok(!bankcache_expects(&d, 0), "reading them twice is a no-op");
	release3(&d, &ddl, &dk);
	ok(bankcache_decode_part(&d, &ddl, &dk, "1.2.3", copy, enc.len - 40,
				 NULL, BANKCACHE_NO_EXPECTS, &why),
	   "a cut cache fails the partial decode too");
	free(copy);
	sb_release(&enc);
	sb_release(&why);
	release3(&b, &dl, &k);
}

/* A templated bank repeats its follow-ups, tags and Expect lines: the
 * cache holds each such string once, and every question still reads its
 * own. */
static void test_shared_strings(void)
{
	static const char pattern[] =
		"\\b(users?|customers?|buyers?|sellers?|members?|subscribers?)"
		"\\b";
	struct sb text = SB_INIT, enc1 = SB_INIT, why = SB_INIT;
	struct bank b1 = {0}, d;
	struct diag_list dl1 = {0}, ddl = {0};
	struct bankcache_key k1 = {0}, dk;
	size_t i, same = 0, copies = 0;
	char *copy;
	for (i = 0; i < 200; i++)
		sb_addf(&text,
			"Id: t-%03zu\nCategory: metrics\nPrompt: Case %zu?\n"
			"Follow-up: What would change your mind?\n"
			"Tags: scale, templated\nExpect: the users = %s\n\n",
			i, i, pattern);
	bank_add_rubrics(&b1, "r.txt", rubrics, sizeof(rubrics) - 1, &dl1);
	bank_add_questions(&b1, "q.txt", text.buf, text.len, &dl1);
	bank_validate(&b1, 0, &dl1);
	is_int(b1.q.nr, 200, "200 questions");
	bankcache_encode(&b1, &dl1, &k1, "1.2.3", &enc1);
	for (i = 0; i + 18 <= enc1.len; i++)
		copies += !memcmp(enc1.buf + i, "customers?|buyers?", 18);
	is_int(copies, 1, "the pattern is stored once for 200 questions");
	ok(!decode_copy(&enc1, &d, &ddl, &dk, &why, &copy), "decodes: %s",
	   why.buf);
	for (i = 0; i < d.q.nr; i++) {
		const struct question *q = &d.q.v[i];
		same += q->nexpect == 1 && q->nfollow == 1 && q->ntags == 2 &&
			!strcmp(q->expects[0].pattern,
				b1.q.v[i].expects[0].pattern) &&
			!strcmp(q->expects[0].label, "the users") &&
			!strcmp(q->follow_ups[0],
				"What would change your mind?") &&
			!strcmp(q->tags[1], "templated") &&
			!strcmp(q->prompt, b1.q.v[i].prompt);
	}
	is_int(same, 200, "each question reads its own strings");
	release3(&d, &ddl, &dk);
	free(copy);
	release3(&b1, &dl1, &k1);
	sb_release(&text);
	sb_release(&enc1);
	sb_release(&why);
}

int main(void)
{
	test_hash();
	test_round_trip();
	test_builtin();
	test_partial();
	test_shared_strings();
	return done_testing();
}
