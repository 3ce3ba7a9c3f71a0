/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: any bytes as an answer, scored against the built-in
 * prioritization rubric and a question with expectations.  The rubric is
 * read once from rubrics/prioritization.txt (run from the repo root).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bank.h"
#include "diag.h"
#include "sb.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct bank bank;
static int ready;

static void setup(void)
{
	struct sb buf = SB_INIT;
	struct diag_list dl = {0};
	char chunk[4096];
	size_t n;
	FILE *fp = fopen("rubrics/prioritization.txt", "rb");
	static const char q[] =
		"Id: fz\nCategory: prioritization\nPrompt: How would you rank five requests?\n"
		"Expect: the goal = \\bgoals?\\b\nExpect: capacity = \\b(capacity|engineers?)\\b\n";
	if (!fp) {
		fputs("fuzz-score: run from the repository root\n", stderr);
		abort();
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		sb_add(&buf, chunk, n);
	fclose(fp);
	bank_add_rubrics(&bank, "rubrics/prioritization.txt", buf.buf, buf.len,
			 &dl);
	bank_add_questions(&bank, "q.txt", q, sizeof(q) - 1, &dl);
	bank_validate(&bank, 0, &dl);
	rubric_compile(&bank.r.v[0], 1, &dl);
	qbank_compile_expects(&bank.q.v[0], 1, &dl);
	diag_release(&dl);
	sb_release(&buf);
	ready = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct score_report rep;
	struct diag_list dl = {0};
	struct sb json = SB_INIT;
	if (!ready)
		setup();
	score_answer(&rep, &bank.r.v[0], &bank.q.v[0], (const char *)data, size,
		     60000, 600, &dl);
	if (rep.score < 0 || rep.score > 100 || rep.grade < 1 || rep.grade > 4)
		abort();
	score_report_json(&rep, "prioritization", "fz", (const char *)data,
			  size, &json);
	sb_release(&json);
	score_report_release(&rep);
	diag_release(&dl);
	return 0;
}
