/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd-add: `add` at the home prompt, a new question typed field by field
 * into the user's bank.  Internal to the drill (drill.h).
 */
#ifndef PMDRILL_CMD_ADD_H
#define PMDRILL_CMD_ADD_H

struct session;

/* Ask for the fields, write and check the record; an exit status. */
int run_add(struct session *s);

#endif
