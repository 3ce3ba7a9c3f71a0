/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: rubric files, parsed and compiled. */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "rubric.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rubric_set rs = {0};
	struct diag_list dl = {0};
	size_t i;
	rubric_parse(&rs, "r.txt", (const char *)data, size, &dl);
	for (i = 0; i < rs.nr; i++)
		rubric_compile(&rs.v[i], 0, &dl);
	diag_release(&dl);
	rubric_set_release(&rs);
	return 0;
}
