/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bank cache on disk: where it lives, whether it is fresh, writing it. */
#include "bank-cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "bankcache.h"
#include "diag.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

/* A cache larger than this is not one pmdrill wrote for any real bank. */
#define CACHE_MAX (1024u * 1024u * 1024u)

static int cache_off(void)
{
	const char *e = getenv("PMDRILL_NO_CACHE");
	return e && *e && strcmp(e, "0");
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void key_dirs(struct bankcache_key *k, char *const *dirs, size_t n)
{
	size_t i;
	k->dirs = xcalloc(n + 1, sizeof(*k->dirs));
	k->real = xcalloc(n + 1, sizeof(*k->real));
	for (i = 0; i < n; i++) {
		char real[PATH_MAX];
		k->dirs[i] = xstrdup(dirs[i]);
		k->real[i] = xstrdup(realpath(dirs[i], real) ? real : "");
	}
	k->ndirs = n;
}

/* One cache file per list of bank folders: named by a hash of their
 * real paths in load order (a folder that does not exist, as given). */
static char *cache_path(const struct bankcache_key *k)
{
	struct sb s = SB_INIT;
	char *dir = app_cache_dir();
	unsigned long long h;
	size_t i;
	for (i = 0; i < k->ndirs; i++) {
		sb_adds(&s, k->real[i][0] ? k->real[i] : k->dirs[i]);
		sb_addc(&s, '\n');
	}
	h = bankcache_hash(s.buf, s.len);
	sb_reset(&s);
	sb_addf(&s, "%s/bank-%016llx.cache", dir, h);
	free(dir);
	return sb_detach(&s, NULL);
}

/*
 * Map the cache file and checksum its payload, read through a small
 * buffer: the mapping's pages then count in memory only where the bank
 * is used (`next` reads ids, not prompts), never more than a read copy
 * would.  How much one touch maps depends on the kernel (fault-around,
 * large page-cache folios), so the saving varies from run to run.  NULL
 * if there is no cache or it cannot be read.  A file mapped while another process
 * truncates it in place would fault, as git's mapped index would; pmdrill
 * itself only ever renames a new cache over the old one.
 */
static char *map_cache(const char *path, size_t *len, uint64_t *sum)
{
	static char piece[BANKCACHE_PIECE];
	struct sb acc = SB_INIT;
	struct stat st;
	void *p = NULL;
	size_t size, at;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    st.st_size < BANKCACHE_HEADER ||
	    (unsigned long long)st.st_size > CACHE_MAX)
		goto fail;
	size = (size_t)st.st_size;
	for (at = BANKCACHE_HEADER; at < size;) {
		size_t want = size - at < BANKCACHE_PIECE ? size - at
							  : BANKCACHE_PIECE;
		size_t got = 0;
		while (got < want) {
			ssize_t n = pread(fd, piece + got, want - got,
					  (off_t)(at + got));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				goto fail;
			got += (size_t)n;
		}
		bankcache_sum_piece(&acc, piece, want);
		at += want;
	}
	*sum = bankcache_sum_final(&acc);
	/* private and writable: a stray write copies a page, never the file */
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		p = NULL;
	*len = size;
fail:
	close(fd);
	sb_release(&acc);
	return p;
}

void bank_cache_unmap(void *map, size_t len)
{
	if (map)
		munmap(map, len);
}

static int same_stamp(const struct bankcache_file *a,
		      const struct bankcache_file *b)
{
	return a->size == b->size && a->mtime_ns == b->mtime_ns &&
	       a->ctime_ns == b->ctime_ns && a->ino == b->ino &&
	       a->dev == b->dev;
}

/* Does the key name only what loading these folders reads: each
 * folder's rubrics/ then each one's questions/, and weights.fit beside
 * the rubrics?  (A crafted key could name any path to stat and hash.) */
static int key_paths_ok(const struct bankcache_key *k)
{
	struct sb p = SB_INIT;
	size_t i, j;
	int ok = k->nfolders == 2 * k->ndirs;
	for (j = 0; ok && j < k->nfolders; j++) {
		sb_reset(&p);
		sb_addf(&p, "%s/%s", k->dirs[j % k->ndirs],
			j < k->ndirs ? "rubrics" : "questions");
		ok = !strcmp(p.buf, k->folders[j].path);
	}
	for (i = 0; ok && i < k->nfiles; i++) {
		if (k->files[i].folder != BANKCACHE_NO_FOLDER)
			continue;
		for (j = 0, ok = 0; !ok && j < k->ndirs; j++) {
			sb_reset(&p);
			sb_addf(&p, "%s/rubrics/weights.fit", k->dirs[j]);
			ok = !strcmp(p.buf, k->files[i].path);
		}
	}
	sb_release(&p);
	return ok;
}

/* Do the folders list exactly the files the key has for them? */
static int same_listings(const struct bankcache_key *k)
{
	size_t j, i, n, at;
	char **names;
	int ok = 1;
	for (j = 0; j < k->nfolders && ok; j++) {
		const struct bankcache_folder *f = &k->folders[j];
		if (bank_list_txt(f->path, &names, &n)) {
			ok = f->missing && errno == ENOENT;
			continue;
		}
		ok = !f->missing;
		for (i = 0, at = 0; i < k->nfiles && ok; i++) {
			if (k->files[i].folder != j)
				continue;
			ok = at < n && !strcmp(names[at], k->files[i].path);
			at++;
		}
		ok = ok && at == n;
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
	}
	return ok;
}

/*
 * Is the key still true of the files?  A file whose stamp changed but
 * whose size did not, or whose time is too recent to trust (the racy
 * case: an edit within the same clock tick keeps the time), is read and
 * hashed again; the same hash keeps the cache, with the new stamp.
 * *rewrite is set when the key should be written again: a stamp
 * changed, or a racy file is now old enough not to be re-hashed again.
 */
static int fresh(struct bankcache_key *k, const struct bankcache_key *want,
		 int64_t start, int *rewrite)
{
	struct sb buf = SB_INIT;
	size_t i;
	int ok = k->ndirs == want->ndirs;
	for (i = 0; ok && i < k->ndirs; i++)
		ok = !strcmp(k->dirs[i], want->dirs[i]) &&
		     !strcmp(k->real[i], want->real[i]);
	ok = ok && key_paths_ok(k) && same_listings(k);
	for (i = 0; ok && i < k->nfiles; i++) {
		struct bankcache_file *f = &k->files[i], now = *f;
		struct stat st;
		int racy;
		if (stat(f->path, &st)) {
			ok = f->missing && errno == ENOENT;
			continue;
		}
		if (f->missing) {
			ok = 0;
			break;
		}
		bank_stamp_file(&now, &st);
		racy = (int64_t)f->mtime_ns + BANK_CACHE_RACY_NS >
		       k->written_ns;
		if (same_stamp(f, &now) && !racy)
			continue;
		ok = now.size == f->size &&
		     !read_bank_file(f->path, &buf, REC_MAX_FILE, NULL) &&
		     buf.len == f->size &&
		     bankcache_hash(buf.buf, buf.len) == f->hash;
		if (!ok)
			break;
		if (!same_stamp(f, &now)) {
			now.hash = f->hash;
			*f = now;
			*rewrite = 1;
		}
		if ((int64_t)now.mtime_ns + BANK_CACHE_RACY_NS <= start)
			*rewrite = 1;
	}
	sb_release(&buf);
	return ok;
}

/* A bank with a file that could not be read depends on more than the
 * key records (a FIFO's writer, permissions): parse it every time. */
static int cacheable(const struct diag_list *dl)
{
	size_t i;
	for (i = 0; i < dl->nr; i++)
		if (dl->v[i].code == DIAG_E_READ ||
		    dl->v[i].code == DIAG_W_SPECIAL ||
		    dl->v[i].code == DIAG_E_TOO_LARGE)
			return 0;
	return 1;
}

struct cached {
	char *path;
	struct timespec mtime;
};

static int cmp_newest(const void *a, const void *b)
{
	const struct timespec *x = &((const struct cached *)a)->mtime;
	const struct timespec *y = &((const struct cached *)b)->mtime;
	if (x->tv_sec != y->tv_sec)
		return x->tv_sec < y->tv_sec ? 1 : -1;
	return x->tv_nsec < y->tv_nsec ? 1 : x->tv_nsec > y->tv_nsec ? -1 : 0;
}

/*
 * Every list of bank folders has its own cache, so a user of many
 * `--bank` folders (a test suite's temporary ones) would fill the
 * folder for ever: keep `just` (the one just written) and the newest
 * others up to BANK_CACHE_KEEP (a cache is rewritten whenever its bank
 * changes), and remove temporary files a crash left an hour ago.
 */
static void prune(const char *dir, const char *just, time_t now)
{
	struct cached *v = NULL;
	size_t n = 0, alloc = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		struct sb p = SB_INIT;
		struct stat st;
		int done = l > 6 && !strcmp(e->d_name + l - 6, ".cache");
		if (strncmp(e->d_name, "bank-", 5) ||
		    (!done && !strstr(e->d_name, ".cache.")))
			continue;
		sb_addf(&p, "%s/%s", dir, e->d_name);
		if (lstat(p.buf, &st) || !S_ISREG(st.st_mode) ||
		    !strcmp(p.buf, just)) {
			sb_release(&p);
		} else if (!done) {
			if (st.st_mtime < now - 3600)
				unlink(p.buf);
			sb_release(&p);
		} else {
			ALLOC_GROW(v, n + 1, alloc);
			v[n].path = sb_detach(&p, NULL);
			v[n++].mtime = st.st_mtim;
		}
	}
	closedir(d);
	if (n >= BANK_CACHE_KEEP)
		qsort(v, n, sizeof(*v), cmp_newest);
	for (i = 0; i < n; i++) {
		if (i + 1 >= BANK_CACHE_KEEP)
			unlink(v[i].path);
		free(v[i].path);
	}
	free(v);
}

/* Write the cache atomically; any failure leaves no file and says
 * nothing (the cache only saves time). */
/*
 * The version a cache must carry: pmdrill's, and this very build's (the
 * executable's size and change time), so that a rebuilt pmdrill whose
 * structures changed under the same version number never reads a cache
 * the previous build wrote.  Without /proc, the version alone.
 */
static const char *build_version(char *buf, size_t n)
{
	struct stat sb;
	if (stat("/proc/self/exe", &sb) == 0)
		snprintf(buf, n, "%s+%lld.%lld.%ld", PMDRILL_VERSION,
			 (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
			 (long)sb.st_mtim.tv_nsec);
	else
		snprintf(buf, n, "%s", PMDRILL_VERSION);
	return buf;
}

static void write_cache(const char *path, const char *version,
			const struct bank *b, const struct diag_list *dl,
			const struct bankcache_key *key)
{
	struct sb out = SB_INIT, tmp = SB_INIT;
	char *dir = app_cache_dir();
	size_t done = 0;
	int fd;
	if (mkdir_p(dir))
		goto cleanup;
	sb_addf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0)
		goto cleanup;
	bankcache_encode(b, dl, key, version, &out);
	while (done < out.len) {
		ssize_t n = write(fd, out.buf + done, out.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	/* No fsync: a cache torn by a crash fails its checksum and is
	 * rebuilt, and fsync would cost more than the parse it saves. */
	if (close(fd) || done != out.len || rename(tmp.buf, path))
		unlink(tmp.buf);
	else
		prune(dir, path, time(NULL));
cleanup:
	free(dir);
	sb_release(&out);
	sb_release(&tmp);
}

/*
 * Write the cache again with the new stamps in `key`.  A partial bank
 * lacks what the cache holds, so the cache is decoded whole for it, once
 * (else every partial start would re-hash the files whose stamps
 * changed, a racy file for ever).
 */
static void rewrite_cache(const char *path, const char *version,
			  const struct bank *b, const struct diag_list *dl,
			  const struct bankcache_key *key, char *buf,
			  size_t len, uint64_t sum)
{
	struct bank whole;
	struct diag_list wdl = {0};
	struct bankcache_key wkey;
	struct sb why = SB_INIT;
	if (!b->partial) {
		write_cache(path, version, b, dl, key);
		return;
	}
	if (!bankcache_decode(&whole, &wdl, &wkey, version, buf, len, &sum,
			      &why)) {
		write_cache(path, version, &whole, &wdl, key);
		bank_release(&whole);
		diag_release(&wdl);
		bankcache_key_release(&wkey);
	}
	sb_release(&why);
}

void bank_cache_load(struct bank *b, char *const *dirs, size_t ndirs,
		     struct diag_list *dl, void **map, size_t *maplen,
		     int partial)
{
	struct bankcache_key want = {0}, key;
	struct sb why = SB_INIT;
	int64_t start;
	uint64_t sum = 0;
	char *path, *buf, ver[96];
	const char *version;
	size_t len = 0;

	*map = NULL;
	*maplen = 0;
	if (cache_off()) {
		bank_load_dirs(b, dirs, ndirs, NULL, 0, dl);
		bank_validate(b, 0, dl);
		return;
	}
	start = now_ns();
	version = build_version(ver, sizeof(ver));
	key_dirs(&want, dirs, ndirs);
	path = cache_path(&want);
	buf = map_cache(path, &len, &sum);
	if (buf &&
	    bankcache_decode_part(b, dl, &key, version, buf, len, &sum,
				  partial ? BANKCACHE_NO_EXPECTS : 0, &why)) {
		bank_cache_unmap(buf, len);
		buf = NULL;
	}
	if (buf) {
		int rewrite = 0;
		if (fresh(&key, &want, start, &rewrite)) {
			if (rewrite) {
				key.written_ns = start;
				rewrite_cache(path, version, b, dl, &key, buf,
					      len, sum);
			} else
				b->fingerprint = sum;
			bankcache_key_release(&key);
			*map = buf;
			*maplen = len;
			goto cleanup;
		}
		bank_release(b);
		memset(b, 0, sizeof(*b));
		diag_release(dl);
		bankcache_key_release(&key);
		bank_cache_unmap(buf, len);
	}
	want.written_ns = start;
	bank_load_dirs_stamped(b, dirs, ndirs, dl, &want);
	bank_validate(b, 0, dl);
	if (cacheable(dl)) {
		/* what scoring would build on every start; in the cache it
		 * costs only this start */
		bank_lexicon(b);
		write_cache(path, version, b, dl, &want);
	} else
		unlink(path);
cleanup:
	bankcache_key_release(&want);
	sb_release(&why);
	free(path);
}
