/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Global context: paths from the environment, colour, clock, bank loading. */
#include "app.h"

#include <dirent.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "bank-cache.h"
#include "bankcache.h"
#include "date.h"
#include "cmd.h"
#include "diag.h"
#include "rec.h"
#include "sb.h"
#include "xalloc.h"

static char *home_sub(const char *xdg_var, const char *fallback)
{
	const char *x = getenv(xdg_var);
	const char *home = getenv("HOME");
	struct sb p = SB_INIT;
	if (x && x[0] == '/')
		sb_addf(&p, "%s/pmdrill", x);
	else
		sb_addf(&p, "%s/%s/pmdrill", home && *home ? home : ".",
			fallback);
	return sb_detach(&p, NULL);
}

char *app_data_dir(void)
{
	return home_sub("XDG_DATA_HOME", ".local/share");
}

char *app_state_dir(void)
{
	return home_sub("XDG_STATE_HOME", ".local/state");
}

char *app_cache_dir(void)
{
	return home_sub("XDG_CACHE_HOME", ".cache");
}

int mkdir_p(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;
	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	if (!rc && mkdir(p, 0700) && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

static int is_dir(const char *p)
{
	struct stat st;
	return !stat(p, &st) && S_ISDIR(st.st_mode);
}

/* The built-in bank: beside the binary in a build tree (or one folder up,
 * for build-san/pmdrill); else PREFIX/share/pmdrill for a binary in
 * PREFIX/bin, so an install finds its own bank whatever PREFIX it was
 * built with; else the compiled-in share folder. */
static char *builtin_dir(const char *argv0)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct sb p = SB_INIT;
	int up;
	(void)argv0;
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		for (up = 0; up < 2; up++) {
			slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			sb_reset(&p);
			sb_addf(&p, "%s/questions", exe);
			if (is_dir(p.buf)) {
				sb_reset(&p);
				sb_adds(&p, exe);
				return sb_detach(&p, NULL);
			}
		}
		/* exe is now PREFIX for PREFIX/bin/pmdrill */
		sb_reset(&p);
		sb_addf(&p, "%s/share/pmdrill/questions", exe);
		if (up == 2 && is_dir(p.buf)) {
			sb_reset(&p);
			sb_addf(&p, "%s/share/pmdrill", exe);
			return sb_detach(&p, NULL);
		}
	}
	sb_release(&p);
	return xstrdup(PMDRILL_BANKDIR);
}

long long parse_time_arg(const char *s)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	char *end;
	long long v;
	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*end && !errno && v >= 0)
		return v;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) >=
		    3 ||
	    sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) == 3) {
		long long days =
			date_days_from_civil(y, (unsigned)mo, (unsigned)d);
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			return -1;
		return days * 86400 + h * 3600 + mi * 60 + se;
	}
	return -1;
}

static int same_dir_loaded(const struct app *app, const char *dir)
{
	char a[PATH_MAX], b[PATH_MAX];
	size_t i;
	if (!realpath(dir, a))
		return 0;
	for (i = 0; i < app->nbank_dirs; i++)
		if (realpath(app->bank_dirs[i], b) && !strcmp(a, b))
			return 1;
	return 0;
}

int app_init(struct app *app, const char *argv0, const char *db,
	     const char *const *banks, size_t nbanks, int color)
{
	const char *env;
	size_t i;

	if (db && *db) {
		app->db_path = xstrdup(db);
	} else if ((env = getenv("PMDRILL_DB")) && *env) {
		app->db_path = xstrdup(env);
	} else {
		char *d = app_data_dir();
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/pmdrill.db", d);
		free(d);
		app->db_path = sb_detach(&p, NULL);
	}

	app->bank_dirs = xcalloc(nbanks + 2, sizeof(char *));
	app->bank_dirs[app->nbank_dirs++] = builtin_dir(argv0);
	app->bank_dirs[app->nbank_dirs++] = app_data_dir();
	app->nbuiltin = app->nbank_dirs;
	for (i = 0; i < nbanks; i++) {
		if (!is_dir(banks[i])) {
			fprintf(stderr, "pmdrill: --bank '%s': %s\n", banks[i],
				access(banks[i], F_OK) ? strerror(errno)
						       : "not a folder");
			return EX_NOINPUT;
		}
		if (same_dir_loaded(app, banks[i]))
			continue; /* loading it twice would only make duplicates */
		app->bank_dirs[app->nbank_dirs++] = xstrdup(banks[i]);
	}

	env = getenv("NO_COLOR");
	if (color >= 0) {
		app->color_out = app->color_err = color;
	} else if (env && *env) {
		app->color_out = app->color_err = 0;
	} else {
		const char *term = getenv("TERM");
		int dumb = !term || !strcmp(term, "dumb");
		app->color_out = !dumb && isatty(1);
		app->color_err = !dumb && isatty(2);
	}

	env = getenv("PMDRILL_NOW");
	if (env && *env) {
		long long t = parse_time_arg(env);
		if (t < 0) {
			fprintf(stderr,
				"pmdrill: PMDRILL_NOW '%s' is not a time (epoch seconds or YYYY-MM-DDTHH:MM:SSZ)\n",
				env);
			return EX_USAGE;
		}
		app->now = (time_t)t;
	} else {
		app->now = time(NULL);
	}
	return EX_OK;
}

void app_release(struct app *app)
{
	size_t i;
	for (i = 0; i < app->nbank_dirs; i++)
		free(app->bank_dirs[i]);
	free(app->bank_dirs);
	free(app->db_path);
	if (app->bank) {
		bank_release(app->bank);
		free(app->bank);
	}
	bank_cache_unmap(app->bank_map, app->bank_map_len);
}

int read_stream(FILE *fp, struct sb *out)
{
	char buf[65536];
	size_t n;
	sb_reset(out);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_add(out, buf, n);
	return ferror(fp) ? -1 : 0;
}

int read_stream_max(FILE *fp, struct sb *out, size_t max)
{
	char buf[65536];
	size_t n;
	sb_reset(out);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		sb_add(out, buf, n);
		/* a device or pipe that never ends must not eat all memory */
		if (out->len > max)
			return -2;
	}
	return ferror(fp) ? -1 : 0;
}

int read_file(const char *path, struct sb *out)
{
	return read_bank_file(path, out, REC_MAX_FILE, NULL);
}

const char *file_kind(mode_t mode)
{
	static const struct {
		mode_t type;
		const char *name;
	} kinds[] = {
		{S_IFREG, "a regular file"},
		{S_IFDIR, "a folder"},
		{S_IFIFO, "a FIFO"},
		{S_IFSOCK, "a socket"},
		{S_IFCHR, "a character device"},
		{S_IFBLK, "a block device"},
	};
	size_t i;
	for (i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if ((mode & S_IFMT) == kinds[i].type)
			return kinds[i].name;
	return "not a regular file";
}

int read_bank_file(const char *path, struct sb *out, size_t max,
		   const char **kind)
{
	struct stat st;
	char buf[65536];
	ssize_t n;
	int fd, flags, saved;

	sb_reset(out);
	/* O_NONBLOCK: opening a FIFO with no writer, or some devices, would
	 * block for ever; a regular file never blocks, so nothing is lost. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st))
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		if (kind)
			*kind = file_kind(st.st_mode);
		close(fd);
		errno = EINVAL;
		return -3;
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return -2;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK))
		goto fail;
	/* The size is checked again as the file is read: it may grow. */
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		sb_add(out, buf, (size_t)n);
		if (out->len > max) {
			close(fd);
			return -2;
		}
	}
	close(fd);
	return 0;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

int read_file_max(const char *path, struct sb *out, size_t max)
{
	struct stat st;
	FILE *fp;
	int rc;
	if (stat(path, &st))
		return -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		return -2;
	fp = fopen(path, "rb");
	if (!fp)
		return -1;
	rc = read_stream_max(fp, out, max);
	fclose(fp);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is this rubric text?  Its first record says so: a 'Rubric:' or
 * 'Criterion:' field and no 'Id:' (a question may name its Rubric first). */
static int looks_like_rubric(const char *buf, size_t len)
{
	size_t i = 0, k;
	int rubric = 0, id = 0, fields = 0;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len) {
		const char *line = buf + i;
		size_t next, n = rec_line(line, len - i, &next);
		i += next;
		for (k = 0; k < n && (line[k] == ' ' || line[k] == '\t' ||
				      line[k] == '\r');
		     k++)
			;
		if (k == n) {
			if (fields)
				break;
			continue;
		}
		if (line[0] == '#' || line[0] == ' ' || line[0] == '\t')
			continue;
		fields++;
		if ((n >= 7 && !strncasecmp(line, "Rubric:", 7)) ||
		    (n >= 10 && !strncasecmp(line, "Criterion:", 10)))
			rubric = 1;
		else if (n >= 3 && !strncasecmp(line, "Id:", 3))
			id = 1;
	}
	return rubric && !id;
}

/* Read a bank file into buf; 0, or nonzero with the reason in dl (a
 * FIFO or device is a warning; a missing file says nothing if
 * `missing_ok`). */
static int read_bank_diag(const char *path, struct sb *buf, int missing_ok,
			  struct diag_list *dl)
{
	const char *what = NULL;
	int rc = read_bank_file(path, buf, REC_MAX_FILE, &what);
	if (rc == -3)
		diag_add(dl, DIAG_WARNING, DIAG_W_SPECIAL, path, 0, 0,
			 "is %s, not a regular file; skipped", what);
	else if (rc == -2)
		diag_add(dl, DIAG_ERROR, DIAG_E_TOO_LARGE, path, 0, 0,
			 "file is too large (the limit is %u bytes)",
			 REC_MAX_FILE);
	else if (rc && !(missing_ok && errno == ENOENT))
		diag_add(dl, DIAG_ERROR, DIAG_E_READ, path, 0, 0,
			 "cannot read: %s", strerror(errno));
	return rc;
}

void bank_stamp_file(struct bankcache_file *f, const struct stat *st)
{
	f->size = (uint64_t)st->st_size;
	f->mtime_ns = (uint64_t)st->st_mtim.tv_sec * 1000000000u +
		      (uint64_t)st->st_mtim.tv_nsec;
	f->ctime_ns = (uint64_t)st->st_ctim.tv_sec * 1000000000u +
		      (uint64_t)st->st_ctim.tv_nsec;
	f->ino = (uint64_t)st->st_ino;
	f->dev = (uint64_t)st->st_dev;
}

/* Note a file the bank is read from in the key (if any), stat'ed before
 * it is read: a change while it is read then shows as a changed stamp. */
static struct bankcache_file *record_file(struct bankcache_key *key,
					  const char *path, uint32_t folder)
{
	struct bankcache_file *f;
	struct stat st;
	if (!key)
		return NULL;
	ALLOC_GROW(key->files, key->nfiles + 1, key->afiles);
	f = &key->files[key->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->folder = folder;
	if (stat(path, &st))
		f->missing = 1; /* read_bank_diag() says why, if it matters */
	else
		bank_stamp_file(f, &st);
	return f;
}

static void load_one(struct bank *b, const char *path, int kind,
		     struct diag_list *dl, struct bankcache_file *stamp)
{
	struct sb buf = SB_INIT;
	if (!read_bank_diag(path, &buf, 0, dl)) {
		if (stamp)
			stamp->hash = bankcache_hash(buf.buf, buf.len);
		if (kind < 0)
			kind = looks_like_rubric(buf.buf, buf.len);
		if (kind)
			bank_add_rubrics(b, path, buf.buf, buf.len, dl);
		else
			bank_add_questions(b, path, buf.buf, buf.len, dl);
	}
	sb_release(&buf);
}

void bank_load_file(struct bank *b, const char *path, struct diag_list *dl)
{
	char *copy = xstrdup(path), *slash, *parent;
	int kind = -1;
	slash = strrchr(copy, '/');
	if (slash) {
		*slash = '\0';
		parent = strrchr(copy, '/');
		parent = parent ? parent + 1 : copy;
		if (!strcmp(parent, "rubrics"))
			kind = 1;
		else if (!strcmp(parent, "questions"))
			kind = 0;
	}
	free(copy);
	load_one(b, path, kind, dl, NULL);
}

static int skipped(const char *path, char *const *skip, size_t nskip)
{
	char real[PATH_MAX];
	size_t i;
	if (!nskip || !realpath(path, real))
		return 0;
	for (i = 0; i < nskip; i++)
		if (!strcmp(real, skip[i]))
			return 1;
	return 0;
}

int bank_list_txt(const char *dir, char ***out, size_t *nout)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0;
	*out = NULL;
	*nout = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		struct sb p = SB_INIT;
		if (e->d_name[0] == '.' || l < 5 ||
		    strcmp(e->d_name + l - 4, ".txt"))
			continue;
		sb_addf(&p, "%s/%s", dir, e->d_name);
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = sb_detach(&p, NULL);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	*out = names;
	*nout = n;
	return 0;
}

/* Every *.txt in dir, sorted, loaded as `kind`; the folder and its
 * files noted in `key` if it is not NULL. */
static void load_folder(struct bank *b, const char *dir, int kind,
			char *const *skip, size_t nskip, struct diag_list *dl,
			struct bankcache_key *key)
{
	char **names;
	size_t n, i;
	uint32_t folder = 0;
	int rc = bank_list_txt(dir, &names, &n);
	if (key) {
		ALLOC_GROW(key->folders, key->nfolders + 1, key->afolders);
		folder = (uint32_t)key->nfolders++;
		key->folders[folder].path = xstrdup(dir);
		key->folders[folder].missing = rc && errno == ENOENT;
	}
	if (rc) {
		if (errno != ENOENT)
			diag_add(dl, DIAG_ERROR, DIAG_E_READ, dir, 0, 0,
				 "cannot read folder: %s", strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		if (!skipped(names[i], skip, nskip))
			load_one(b, names[i], kind, dl,
				 record_file(key, names[i], folder));
		free(names[i]);
	}
	free(names);
}

/* The fitted scoring model beside a bank's rubrics (the first found wins:
 * the built-in bank's comes first). */
static void load_model(struct bank *b, const char *rubric_dir,
		       struct diag_list *dl, struct bankcache_key *key)
{
	struct sb path = SB_INIT, buf = SB_INIT;
	struct bankcache_file *stamp;
	if (b->model.loaded)
		return;
	sb_addf(&path, "%s/weights.fit", rubric_dir);
	stamp = record_file(key, path.buf, BANKCACHE_NO_FOLDER);
	/* a bank without a model file scores with the plain average */
	if (!read_bank_diag(path.buf, &buf, 1, dl)) {
		if (stamp)
			stamp->hash = bankcache_hash(buf.buf, buf.len);
		bank_add_model(b, path.buf, buf.buf, buf.len, dl);
	}
	sb_release(&path);
	sb_release(&buf);
}

static void load_dirs(struct bank *b, char *const *dirs, size_t ndirs,
		      char *const *skip, size_t nskip, struct diag_list *dl,
		      struct bankcache_key *key)
{
	size_t i;
	/* Rubrics of every bank first, so a question may use a rubric from
	 * a bank loaded after its own; then questions in load order. */
	for (i = 0; i < ndirs; i++) {
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/rubrics", dirs[i]);
		load_folder(b, p.buf, 1, skip, nskip, dl, key);
		load_model(b, p.buf, dl, key);
		sb_release(&p);
	}
	for (i = 0; i < ndirs; i++) {
		struct sb p = SB_INIT;
		sb_addf(&p, "%s/questions", dirs[i]);
		load_folder(b, p.buf, 0, skip, nskip, dl, key);
		sb_release(&p);
	}
}

void bank_load_dirs(struct bank *b, char *const *dirs, size_t ndirs,
		    char *const *skip, size_t nskip, struct diag_list *dl)
{
	load_dirs(b, dirs, ndirs, skip, nskip, dl, NULL);
}

void bank_load_dirs_stamped(struct bank *b, char *const *dirs, size_t ndirs,
			    struct diag_list *dl, struct bankcache_key *key)
{
	load_dirs(b, dirs, ndirs, NULL, 0, dl, key);
}

void diag_print(const struct diag_list *dl, int with_warnings)
{
	size_t i;
	struct sb line = SB_INIT;
	for (i = 0; i < dl->nr; i++) {
		if (dl->v[i].level < DIAG_ERROR && !with_warnings)
			continue;
		sb_reset(&line);
		diag_format(&dl->v[i], &line);
		fprintf(stderr, "pmdrill: %s\n", line.buf);
	}
	sb_release(&line);
}

static struct bank *load_bank(struct app *app, int *status, int partial)
{
	struct diag_list dl = {0};
	struct sb line = SB_INIT;
	size_t errors, i;
	if (app->bank && app->bank->partial && !partial) {
		/* the whole bank after a partial one: its Expect lines from
		 * the cache still mapped, in place, so that a session holding
		 * the bank or its questions keeps them */
		bankcache_expects_all(app->bank);
	}
	if (app->bank)
		return app->bank;
	/* a bank released to be loaded again (add) leaves its mapping */
	bank_cache_unmap(app->bank_map, app->bank_map_len);
	app->bank_map = NULL;
	app->bank_map_len = 0;
	app->bank = xcalloc(1, sizeof(*app->bank));
	bank_cache_load(app->bank, app->bank_dirs, app->nbank_dirs, &dl,
			&app->bank_map, &app->bank_map_len, partial);
	errors = diag_count(&dl, DIAG_ERROR);
	/* A skipped FIFO or device is not the bank's fault, but the user
	 * should know why its questions are missing. */
	for (i = 0; i < dl.nr; i++) {
		if (dl.v[i].code != DIAG_W_SPECIAL)
			continue;
		sb_reset(&line);
		diag_format(&dl.v[i], &line);
		fprintf(stderr, "pmdrill: %s\n", line.buf);
	}
	if (errors) {
		/* A few, so a broken bank is visible; check lists them all. */
		size_t shown = 0;
		for (i = 0; i < dl.nr && shown < 3; i++) {
			if (dl.v[i].level != DIAG_ERROR)
				continue;
			sb_reset(&line);
			diag_format(&dl.v[i], &line);
			fprintf(stderr, "pmdrill: %s\n", line.buf);
			shown++;
		}
		fprintf(stderr,
			"pmdrill: %zu error%s in the question banks; "
			"run 'pmdrill check' for details\n",
			errors, errors == 1 ? "" : "s");
	}
	sb_release(&line);
	diag_release(&dl);
	if (!app->bank->q.nr) {
		fprintf(stderr, "pmdrill: no questions loaded (looked in %s)\n",
			app->bank_dirs[0]);
		if (status)
			*status = errors ? EX_DATAERR : EX_NOINPUT;
		return NULL;
	}
	if (status)
		*status = EX_OK;
	return app->bank;
}

struct bank *app_bank(struct app *app, int *status)
{
	return load_bank(app, status, 0);
}

struct bank *app_bank_partial(struct app *app, int *status)
{
	return load_bank(app, status, 1);
}
