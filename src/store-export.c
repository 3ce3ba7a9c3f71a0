/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exporting the store's attempts as JSON lines or CSV. */
#include "store-export.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fsrs.h"
#include "json.h"
#include "sb.h"
#include "store.h"
#include "store-int.h"
#include "store-read.h"
#include "xalloc.h"

/* ---- export ---- */

/* The shortest "%.*g" that reads back as the same double. */
static void add_num(struct sb *out, double v)
{
	char buf[64];
	int prec;
	if (!isfinite(v)) {
		sb_addc(out, '0');
		return;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*g", prec, v);
	sb_adds(out, buf);
}

/* One value of a record: NULL, a string, or raw (number, JSON text). */
struct field {
	int null;
	int is_str; /* JSON: quote it */
	struct sb v;
};

/*
 * The rows of sql (one `?`, bound to id) as a JSON array, each written by
 * row(); *rc is SQLITE_OK or the SQLite error.
 */
static void rows_json(struct store *st, const char *sql, long long id,
		      struct sb *out, void (*row)(sqlite3_stmt *, struct sb *),
		      int *rc)
{
	sqlite3_stmt *s = NULL;
	size_t n = 0;
	if ((*rc = st_prep(st, &s, sql)))
		return;
	sqlite3_bind_int64(s, 1, id);
	sb_addc(out, '[');
	while ((*rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n++)
			sb_addc(out, ',');
		row(s, out);
	}
	sb_addc(out, ']');
	sqlite3_finalize(s);
	if (*rc == SQLITE_DONE)
		*rc = SQLITE_OK;
}

/* A criterion's row, its columns in the order criteria_sql selects
 * them: s a string, n a number, b a boolean, j JSON text ("[]" if none). */
static const char criteria_sql[] =
	"SELECT name, label, kind, weight, earned, scaled, active, met,"
	" limited, detail, feedback, evidence FROM criteria"
	" WHERE attempt_id = ? ORDER BY pos";
static const struct {
	const char *key;
	char type;
} criteria_cols[] = {
	{"name", 's'},    {"label", 's'},  {"kind", 's'},     {"weight", 'n'},
	{"earned", 'n'},  {"scaled", 'n'}, {"active", 'b'},   {"met", 'b'},
	{"limited", 'b'}, {"detail", 's'}, {"feedback", 's'}, {"evidence", 'j'},
};

static void criterion_json(sqlite3_stmt *s, struct sb *out)
{
	int i;
	sb_addc(out, '{');
	for (i = 0; i < (int)(sizeof(criteria_cols) / sizeof(*criteria_cols));
	     i++) {
		const char *t = (const char *)sqlite3_column_text(s, i);
		json_key(out, criteria_cols[i].key);
		if (criteria_cols[i].type == 's')
			json_str(out, t);
		else if (criteria_cols[i].type == 'n')
			add_num(out, sqlite3_column_double(s, i));
		else if (criteria_cols[i].type == 'b')
			sb_adds(out,
				sqlite3_column_int(s, i) ? "true" : "false");
		else
			sb_adds(out, t && *t ? t : "[]");
	}
	sb_addc(out, '}');
}

/*
 * The mock interview an attempt was part of, as a JSON object:
 * {"id":N,"kind":"mock","started_at":T,"ended_at":T|null,"settings":{...}}.
 * Settings that are not a JSON object (a hand-edited database) go out as
 * {} so that the line stays valid JSON.
 */
static void session_json(struct store *st, long long id, struct sb *out,
			 int *rc)
{
	sqlite3_stmt *s = NULL;
	*rc = st_prep(
		st, &s,
		"SELECT kind, started_at, ended_at, settings FROM sessions"
		" WHERE id = ?");
	if (*rc)
		return;
	sqlite3_bind_int64(s, 1, id);
	if ((*rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *set = (const char *)sqlite3_column_text(s, 3);
		struct json_value v;
		const char *msg;
		int obj = set && !json_parse(set, strlen(set), &v, &msg) &&
			  v.type == JSON_OBJ;
		if (set)
			json_value_release(&v);
		sb_addf(out, "{\"id\":%lld,\"kind\":", id);
		json_str(out, (const char *)sqlite3_column_text(s, 0));
		sb_adds(out, ",\"started_at\":\"");
		store_fmt_time(out, sqlite3_column_int64(s, 1));
		sb_adds(out, "\",\"ended_at\":");
		if (st_col_ll(s, 2, 0) > 0) {
			sb_addc(out, '"');
			store_fmt_time(out, sqlite3_column_int64(s, 2));
			sb_addc(out, '"');
		} else {
			sb_adds(out, "null");
		}
		sb_adds(out, ",\"settings\":");
		sb_adds(out, obj ? set : "{}");
		sb_addc(out, '}');
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE) {
		sb_adds(out, "null"); /* a dangling link: nothing to carry */
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
}

static const char changes_sql[] =
	"SELECT old_grade, new_grade, changed_at FROM grade_changes"
	" WHERE attempt_id = ? ORDER BY id";

static void change_json(sqlite3_stmt *s, struct sb *out)
{
	sb_addf(out, "{\"from\":\"%s\",\"to\":\"%s\",\"at\":\"",
		fsrs_rating_name(sqlite3_column_int(s, 0)),
		fsrs_rating_name(sqlite3_column_int(s, 1)));
	store_fmt_time(out, sqlite3_column_int64(s, 2));
	sb_adds(out, "\"}");
}

static void csv_cell(struct sb *out, const char *s, size_t n)
{
	size_t i;
	int quote = 0;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r') {
			quote = 1;
			break;
		}
	if (!quote) {
		sb_add(out, s, n);
		return;
	}
	sb_addc(out, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			sb_addc(out, '"');
		sb_addc(out, s[i]);
	}
	sb_addc(out, '"');
}

int store_export(struct store *st, FILE *out, int format, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	struct field f[F_COUNT];
	struct sb line = SB_INIT;
	int rc, i;

	for (i = 0; i < F_COUNT; i++) {
		memset(&f[i], 0, sizeof(f[i]));
		sb_init(&f[i].v);
	}
	if ((rc = st_exec(st, "BEGIN")))
		goto fail;
	if ((rc = st_prep(st, &s, "SELECT " ATTEMPT_COLS " ORDER BY a.id")))
		goto fail;
	if (format == STORE_EXPORT_CSV) {
		for (i = 0; st_export_fields[i]; i++)
			fprintf(out, "%s%s", i ? "," : "", st_export_fields[i]);
		fputs("\r\n", out);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_attempt a;
		int sub = SQLITE_OK;
		st_read_attempt(s, &a);
		for (i = 0; i < F_COUNT; i++) {
			sb_reset(&f[i].v);
			f[i].null = 0;
			f[i].is_str = 0;
		}
#define STR(k, val)                              \
	do {                                     \
		if (val) {                       \
			sb_adds(&f[k].v, (val)); \
			f[k].is_str = 1;         \
		} else {                         \
			f[k].null = 1;           \
		}                                \
	} while (0)
		sb_addf(&f[F_FORMAT].v, "%d", EXPORT_FORMAT);
		sb_addf(&f[F_ID].v, "%lld", a.id);
		STR(F_QUESTION, a.question_id);
		STR(F_CATEGORY, a.category);
		STR(F_PROMPT, a.prompt);
		store_fmt_time(&f[F_STARTED].v, a.started_at);
		f[F_STARTED].is_str = 1;
		sb_addf(&f[F_DURATION].v, "%ld", a.duration_ms);
		sb_add(&f[F_ANSWER].v, a.answer, a.answer_len);
		f[F_ANSWER].is_str = 1;
		STR(F_HASH, a.answer_hash);
		sb_addf(&f[F_FOLLOW_UP].v, "%d", a.follow_up);
		if (a.parent)
			sb_addf(&f[F_PARENT].v, "%lld", a.parent);
		else
			f[F_PARENT].null = 1;
		if (a.scored) {
			add_num(&f[F_SCORE].v, a.score);
			sb_addf(&f[F_WORDS].v, "%u", a.words);
			sb_addf(&f[F_SENTENCES].v, "%u", a.sentences);
			sb_addf(&f[F_LIMIT].v, "%u", a.limit_s);
			add_num(&f[F_WPM].v, a.wpm);
			add_num(&f[F_PROSE].v, a.prose_share);
			add_num(&f[F_DENSITY].v, a.density);
			add_num(&f[F_GUARD].v, a.guard);
			add_num(&f[F_LENGTH].v, a.length_factor);
		} else {
			for (i = F_SCORE; i <= F_LENGTH; i++)
				f[i].null = 1;
		}
		STR(F_RUBRIC, a.rubric);
		if (a.rubric) {
			char ver[17];
			st_hex64(ver, a.rubric_version);
			sb_adds(&f[F_RUBRIC_VERSION].v, ver);
			f[F_RUBRIC_VERSION].is_str = 1;
		} else {
			f[F_RUBRIC_VERSION].null = 1;
		}
		STR(F_AUTO, fsrs_rating_name(a.auto_grade));
		STR(F_FINAL, fsrs_rating_name(a.final_grade));
		sb_adds(&f[F_SCHEDULED].v, a.scheduled ? "true" : "false");
		if (a.scheduled) {
			store_fmt_time(&f[F_REVIEWED].v, a.reviewed_at);
			f[F_REVIEWED].is_str = 1;
			if (a.retrievability >= 0) {
				sb_addf(&f[F_ELAPSED].v, "%lld",
					a.elapsed_days);
				add_num(&f[F_R].v, a.retrievability);
			} else {
				f[F_ELAPSED].null = f[F_R].null = 1;
			}
			add_num(&f[F_S].v, a.stability);
			add_num(&f[F_D].v, a.difficulty);
			sb_addf(&f[F_INTERVAL].v, "%d", a.interval_days);
			store_fmt_time(&f[F_DUE].v, a.due);
			f[F_DUE].is_str = 1;
		} else {
			for (i = F_REVIEWED; i <= F_DUE; i++)
				f[i].null = 1;
		}
		if (a.notes)
			sb_adds(&f[F_NOTES].v, a.notes);
		else
			f[F_NOTES].null = 1;
		rows_json(st, criteria_sql, a.id, &f[F_CRITERIA].v,
			  criterion_json, &sub);
		if (!sub)
			rows_json(st, changes_sql, a.id, &f[F_CHANGES].v,
				  change_json, &sub);
		if (!sub && a.session_id)
			session_json(st, a.session_id, &f[F_SESSION].v, &sub);
		else
			f[F_SESSION].null = 1;
#undef STR
		store_attempt_release(&a);
		if (sub) {
			rc = sub;
			goto fail;
		}
		sb_reset(&line);
		if (format == STORE_EXPORT_CSV) {
			for (i = 0; i < F_COUNT; i++) {
				if (i)
					sb_addc(&line, ',');
				if (!f[i].null)
					csv_cell(&line, f[i].v.buf, f[i].v.len);
			}
			sb_adds(&line, "\r\n");
		} else {
			sb_addc(&line, '{');
			for (i = 0; i < F_COUNT; i++) {
				if (i)
					sb_addc(&line, ',');
				json_str(&line, st_export_fields[i]);
				sb_addc(&line, ':');
				if (f[i].null)
					sb_adds(&line, "null");
				else if (f[i].is_str)
					json_strn(&line, f[i].v.buf,
						  f[i].v.len);
				else
					sb_add(&line, f[i].v.buf, f[i].v.len);
			}
			sb_adds(&line, "}\n");
		}
		if (fwrite(line.buf, 1, line.len, out) != line.len) {
			sb_addf(err, "cannot write the export: %s",
				strerror(errno));
			rc = -1;
			goto out;
		}
	}
	if (rc != SQLITE_DONE)
		goto fail;
	rc = STORE_OK;
	goto out;
fail:
	rc = st_fail(st, rc, err, "exporting the attempts",
		     "nothing was changed");
out:
	sqlite3_finalize(s);
	st_exec(st, "COMMIT");
	for (i = 0; i < F_COUNT; i++)
		sb_release(&f[i].v);
	sb_release(&line);
	return rc < 0 ? (rc == -1 ? STORE_EIO : rc) : rc;
}
