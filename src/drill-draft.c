/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The draft file: an answer kept across a hang-up or a :quit. */
#include "drill.h"
#include "drill-draft.h"

#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "diag.h"
#include "fsrs.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "report.h"
#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

/* ---- drafts: an answer kept across a hang-up ---- */

char *draft_path(void)
{
	char *dir = app_state_dir();
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/draft", dir);
	free(dir);
	return sb_detach(&p, NULL);
}

void draft_release(struct draft *d)
{
	free(d->question);
	sb_release(&d->text);
	memset(d, 0, sizeof(*d));
}

int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write the answer so far, atomically (temp file, fsync, rename). */
int draft_save(struct session *s, const struct answer *a)
{
	const struct question *q = &s->bank->q.v[a->qi];
	char *path = draft_path(), *dir = app_state_dir();
	struct sb body = SB_INIT, tmp = SB_INIT;
	int fd = -1, rc = -1;

	sb_addf(&body,
		"%s\nquestion: %s\nfollow-up: %d\nparent: %lld\n"
		"saved: %lld\nelapsed-ms: %ld\n\n",
		DRAFT_MAGIC, q->id, a->follow_up, a->parent,
		drill_session_now(s), drill_answer_ms(a));
	sb_add(&body, a->text.buf, a->text.len);
	sb_addf(&tmp, "%s.tmp", path);
	if (mkdir_p(dir))
		goto cleanup;
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write_all(fd, body.buf, body.len) || fsync(fd))
		goto cleanup;
	if (close(fd)) {
		fd = -1;
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp.buf, path))
		goto cleanup;
	rc = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	if (rc) {
		fprintf(stderr, "pmdrill: cannot save the draft '%s': %s\n",
			path, strerror(errno));
		unlink(tmp.buf);
	}
	sb_release(&body);
	sb_release(&tmp);
	free(path);
	free(dir);
	return rc;
}

/* 0 and a filled draft, 1 if there is none, -1 if unreadable. */
int draft_load(struct draft *d)
{
	char *path = draft_path();
	struct sb buf = SB_INIT;
	const char *p, *end;
	int rc = read_file(path, &buf);

	memset(d, 0, sizeof(*d));
	d->follow_up = -1;
	if (rc) {
		rc = errno == ENOENT ? 1 : -1;
		goto cleanup;
	}
	rc = -1;
	if (strncmp(buf.buf, DRAFT_MAGIC "\n", sizeof(DRAFT_MAGIC)))
		goto cleanup;
	p = buf.buf + sizeof(DRAFT_MAGIC);
	end = buf.buf + buf.len;
	while (p < end && *p != '\n') {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *v = strchr(line, ':');
		if (v) {
			*v++ = '\0';
			v = trim(v);
			if (!strcmp(line, "question")) {
				free(d->question);
				d->question = xstrdup(v);
			} else if (!strcmp(line, "follow-up")) {
				d->follow_up = atoi(v);
			} else if (!strcmp(line, "parent")) {
				d->parent = atoll(v);
			} else if (!strcmp(line, "saved")) {
				d->saved = atoll(v);
			} else if (!strcmp(line, "elapsed-ms")) {
				d->elapsed_ms = atol(v);
			}
		}
		free(line);
		p += n + (nl ? 1 : 0);
	}
	if (p < end && *p == '\n')
		p++;
	sb_add(&d->text, p, (size_t)(end - p));
	rc = d->question ? 0 : -1;
cleanup:
	if (rc)
		draft_release(d);
	sb_release(&buf);
	free(path);
	return rc;
}

void draft_remove(void)
{
	char *path = draft_path();
	unlink(path);
	free(path);
}
