/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app: the process-wide context built from global options and the
 * environment, and the loading of banks from disk.
 *
 * app_init() resolves the database path (--db, $PMDRILL_DB, then
 * $XDG_DATA_HOME/pmdrill/pmdrill.db), the bank folders in load order
 * (built-in, user, each --bank), colour, and the clock ($PMDRILL_NOW as
 * epoch seconds or YYYY-MM-DDTHH:MM:SSZ, for tests).  It returns an exit
 * status.  app_bank() (cmd.h) loads the banks once.
 */
#ifndef PMDRILL_APP_H
#define PMDRILL_APP_H

#include <stddef.h>
#include <stdio.h>

struct app;
struct bank;
struct diag_list;
struct sb;

int app_init(struct app *app, const char *argv0, const char *db,
	     const char *const *banks, size_t nbanks, int color);
void app_release(struct app *app);

/* $XDG_DATA_HOME/pmdrill (or ~/.local/share/pmdrill); caller frees. */
char *app_data_dir(void);
/* $XDG_STATE_HOME/pmdrill (or ~/.local/state/pmdrill); caller frees. */
char *app_state_dir(void);
/* mkdir -p; 0 or -1 with errno. */
int mkdir_p(const char *path);

/*
 * Read a whole file into out (replacing its contents).  Files over
 * REC_MAX_FILE are not read: returns -2.  Other failures return -1 with
 * errno set.
 */
int read_file(const char *path, struct sb *out);
/* The same with another size limit (answers: ANSWER_MAX). */
int read_file_max(const char *path, struct sb *out, size_t max);
#define ANSWER_MAX (64u * 1024u * 1024u)
/* Read all of a stream (stdin) into out; -1 on error. */
int read_stream(FILE *fp, struct sb *out);
/* The same, but stop with -2 once more than max bytes came. */
int read_stream_max(FILE *fp, struct sb *out, size_t max);

/*
 * Load bank folders into b.  `skip` lists files (real paths) not to load.
 * Problems go to dl.  Missing folders of the user bank are not errors.
 */
void bank_load_dirs(struct bank *b, char *const *dirs, size_t ndirs,
		    char *const *skip, size_t nskip, struct diag_list *dl);
/* Sorted full paths of the *.txt files in dir; -1 with errno if unreadable. */
int bank_list_txt(const char *dir, char ***out, size_t *nout);
/* Load one file, as questions or rubrics by its folder or its content. */
void bank_load_file(struct bank *b, const char *path, struct diag_list *dl);
/* Print diagnostics to stderr: "pmdrill: FILE:LINE:COL: level: msg". */
void diag_print(const struct diag_list *dl, int with_warnings);
/* Parse PMDRILL_NOW-style times; -1 if bad. */
long long parse_time_arg(const char *s);

#endif
