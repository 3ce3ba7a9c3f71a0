/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rec: the record syntax shared by question and rubric files.
 *
 * A file is UTF-8 text; records are separated by blank lines; a record is
 * `Field: value` lines; a line that starts with white space continues the
 * value above it (its leading white space is dropped and a lone "." stands
 * for an empty line, as in Debian control files); a line starting with '#'
 * is a comment.  A line ends at LF, CRLF or a lone CR (old Mac files), and
 * lines are counted the same way for all three; a leading byte-order mark
 * is accepted.
 *
 * rec_parse() takes a buffer, never a path, and reports every problem it
 * finds into `dl` (with the given file name); it returns -1 only when the
 * buffer cannot be read as text at all (binary, too large), else 0 even if
 * it reported errors.  The rec_file owns all strings; rec_file_release()
 * frees them.  Field names keep their spelling; look-ups ignore case.
 */
#ifndef PMDRILL_REC_H
#define PMDRILL_REC_H

#include <stddef.h>

struct diag_list;

#define REC_MAX_FILE (4u * 1024u * 1024u)

/* Where a line of a value came from: value offset -> file line/column. */
struct rec_line {
	size_t off;
	unsigned line;
	unsigned col;
};

struct rec_field {
	char *name;
	char *value;
	unsigned line; /* of the field name */
	unsigned col;
	struct rec_line *lines;
	size_t nlines, alloc;
};

struct rec {
	struct rec_field *f;
	size_t nr, alloc;
	unsigned line;
};

struct rec_file {
	char *name;
	struct rec *v;
	size_t nr, alloc;
};

int rec_parse(struct rec_file *out, const char *name, const char *buf,
	      size_t len, struct diag_list *dl);
void rec_file_release(struct rec_file *rf);

/* First field called `name` (case-insensitive), or NULL. */
const struct rec_field *rec_get(const struct rec *r, const char *name);
/* Index of field name `name` (case-insensitive) in the NULL-terminated
 * list `names`, or -1: which of a format's known fields a field is. */
int rec_name_index(const char *const *names, const char *name);
/* File line and column (1-based, in characters) of byte `off` of a value. */
void rec_origin(const struct rec_field *f, size_t off, unsigned *line,
		unsigned *col);
/* Length of the line at s[0..n), without its end (LF, CRLF or CR); *next
 * is where the following line starts (n at the end). */
size_t rec_line(const char *s, size_t n, size_t *next);
/* Number of UTF-8 code points in s[0..n). */
size_t utf8_count(const char *s, size_t n);
/* Length of the valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Values both formats share. */
/* Is s a valid id (question, category, rubric, criterion):
 * [a-z0-9][a-z0-9-]*, at most 64 characters? */
int is_valid_id(const char *s);
/* Parse a Time value "90s", "3m", "2m30s", "1h" into seconds (10 s .. 2 h);
 * -1 if bad. */
long parse_duration(const char *s);
/*
 * A `LABEL = VALUE` field value (Stage, Expect, a model's weights): split
 * at the first " = ", white space trimmed on both sides.  0 with the
 * label's length and the value's offset, or -1 when either is empty.
 */
int rec_split_labelled(const char *s, size_t *label_len, size_t *value_off);
/*
 * The index of the first of n structs (size bytes each, from v) whose
 * string member at byte offset name_off (offsetof()) is `name`, or -1.
 */
long rec_find_named(const void *v, size_t n, size_t size, size_t name_off,
		    const char *name);

#endif
