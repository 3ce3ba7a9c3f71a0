/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill drill`: placeholder until the REPL lands (issue 5). */
#include "cmd.h"

#include <sysexits.h>

int cmd_drill(int argc, char **argv, struct app *app)
{
	(void)argc;
	(void)argv;
	(void)app;
	fputs("pmdrill: the interactive drill is not built yet; see 'pmdrill --help'\n",
	      stderr);
	return EX_SOFTWARE;
}
