/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd-mock: a mock interview in a session begun already — `mock ARGS` at
 * the home prompt.  `pmdrill mock` itself is cmd_mock() (cmd.h).
 * Internal to the drill (drill.h).
 */
#ifndef PMDRILL_CMD_MOCK_H
#define PMDRILL_CMD_MOCK_H

struct session;

/* `mock ARGS` at the home prompt, in the home's session; an exit status. */
int mock_in_session(struct session *s, int argc, char **argv);

#endif
