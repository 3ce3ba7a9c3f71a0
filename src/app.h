/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app: the process-wide context built from global options and the
 * environment, and the loading of banks from disk.
 *
 * app_init() resolves the database path (--db, $PMDRILL_DB, then
 * $XDG_DATA_HOME/pmdrill/pmdrill.db), the bank folders in load order
 * (built-in, user, each --bank), colour, and the clock ($PMDRILL_NOW as
 * epoch seconds or YYYY-MM-DDTHH:MM:SSZ, for tests).  It returns an exit
 * status.  app_bank() loads the banks once.
 */
#ifndef PMDRILL_APP_H
#define PMDRILL_APP_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

struct bank;
struct diag_list;
struct sb;

struct app {
	const char *prog; /* "pmdrill" */
	char *db_path;    /* resolved: --db, $PMDRILL_DB or XDG default */
	char **bank_dirs; /* every bank folder, in load order */
	size_t nbank_dirs;
	size_t nbuiltin; /* how many of bank_dirs are built-in or user */
	int color_out;   /* colour on stdout (resolved --color/NO_COLOR/tty) */
	int color_err;
	time_t now; /* the clock: $PMDRILL_NOW (epoch s or ISO) or time() */
	struct bank *bank; /* loaded on first use by app_bank() */
	void *bank_map;    /* the mapped bank cache bank's questions use */
	size_t bank_map_len;
};

int app_init(struct app *app, const char *argv0, const char *db,
	     const char *const *banks, size_t nbanks, int color);
void app_release(struct app *app);

/*
 * Load every bank once (built-in, user, --bank); report problems on
 * stderr.  Returns NULL and sets *status when the banks cannot be used.
 */
struct bank *app_bank(struct app *app, int *status);
/*
 * The same for a command that lists and queues questions (`next`,
 * `stats`) or scores only a few (a drill): the bank may come without the
 * questions' Expect lines (b->partial, core/bank.h), which saves decoding
 * 30,000 of them in a bank of 10,000 questions.  A question's are read
 * with bankcache_expects() before it is scored.  A later app_bank() reads
 * all of them into the same bank, in place: pointers into it stay valid.
 */
struct bank *app_bank_partial(struct app *app, int *status);

/* $XDG_DATA_HOME/pmdrill (or ~/.local/share/pmdrill); caller frees. */
char *app_data_dir(void);
/* $XDG_STATE_HOME/pmdrill (or ~/.local/state/pmdrill); caller frees. */
char *app_state_dir(void);
/* $XDG_CACHE_HOME/pmdrill (or ~/.cache/pmdrill); caller frees. */
char *app_cache_dir(void);
/* mkdir -p; 0 or -1 with errno. */
int mkdir_p(const char *path);

/*
 * Read a whole regular file (or a symlink to one) into out, replacing its
 * contents, without ever blocking: the file is opened O_NONBLOCK, so a
 * FIFO, socket or device in a bank folder is never read.  Returns 0; -2
 * for a file over `max` bytes (also one that grows past it while read);
 * -3 for something that is not a regular file or folder, with *kind (if
 * kind is not NULL) naming it for a message ("a FIFO"); -1 with errno
 * set on other failures (EISDIR for a folder).
 */
int read_bank_file(const char *path, struct sb *out, size_t max,
		   const char **kind);
/* read_bank_file() with the REC_MAX_FILE limit: bank files, drafts. */
int read_file(const char *path, struct sb *out);
/* What a file type is, for messages: "a FIFO", "a folder", ... */
const char *file_kind(mode_t mode);
/*
 * Read a file that may also be a pipe or device (answers: ANSWER_MAX
 * bounds what is kept).  -2 past max, -1 with errno on failure.
 */
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
/*
 * The same without a skip list, noting in `key` every folder listed and
 * every file read (weights.fit too, found or not) with its stat and
 * content hash, in load order: what the bank cache checks.
 */
struct bankcache_key;
struct bankcache_file;
struct stat;
void bank_load_dirs_stamped(struct bank *b, char *const *dirs, size_t ndirs,
			    struct diag_list *dl, struct bankcache_key *key);
/* Fill a key file's size, times, inode and device from a stat. */
void bank_stamp_file(struct bankcache_file *f, const struct stat *st);
/* Sorted full paths of the *.txt files in dir; -1 with errno if unreadable. */
int bank_list_txt(const char *dir, char ***out, size_t *nout);
/* Load one file, as questions or rubrics by its folder or its content. */
void bank_load_file(struct bank *b, const char *path, struct diag_list *dl);
/* Print diagnostics to stderr: "pmdrill: FILE:LINE:COL: level: msg". */
void diag_print(const struct diag_list *dl, int with_warnings);
/* Parse PMDRILL_NOW-style times; -1 if bad. */
long long parse_time_arg(const char *s);

#endif
