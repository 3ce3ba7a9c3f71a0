/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: question files, through the whole bank validation. */
#include <stddef.h>
#include <stdint.h>

#include "bank.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bank b = {0};
	struct diag_list dl = {0};
	static const char rub[] =
		"Rubric: metrics\n\nCriterion: k\nKind: expect\nWeight: 1\n";
	bank_add_rubrics(&b, "r.txt", rub, sizeof(rub) - 1, &dl);
	bank_add_questions(&b, "q.txt", (const char *)data, size, &dl);
	bank_validate(&b, 1, &dl);
	diag_release(&dl);
	bank_release(&b);
	return 0;
}
