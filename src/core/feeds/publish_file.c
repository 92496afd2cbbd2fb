/* The files of 'hop feeds publish': each feed's name, its content rendered
 * into memory and written in one go to a temporary name renamed into place
 * (a file of 25,000 costs a handful of system calls, not a dozen), or left
 * as it is when only its DTSTAMP lines would differ; and the files of
 * earlier or dead runs that go. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "hop/base/i18n.h"
#include "pub_int.h"

/* The file name of each kind of feed begins with its word: person-LOGIN.ics. */
static const char *const feed_prefix[] = {
	[ICS_PERSON] = "person", [ICS_TEAM] = "team", [ICS_DESK] = "desk", [ICS_ROOM] = "room",
};

/* The characters a feed's file name keeps ('.' not first: no hidden files). */
static bool safe_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.';
}

void pub_safe_name(char *out, size_t size, enum ics_feed_kind kind, const char *key)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = (size_t)snprintf(out, size, "%s-", feed_prefix[kind]);

	for (const char *p = key; *p && n + 8 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (safe_char(*p) && (*p != '.' || p != key)) {
			out[n++] = *p;
		} else {
			out[n++] = '=';
			out[n++] = hex[c >> 4];
			out[n++] = hex[c & 15];
		}
	}
	strcpy(out + n, ".ics");
}

bool pub_feed_file(const char *name)
{
	size_t len = strlen(name);
	const char *p = NULL;
	for (size_t i = 0; i < sizeof feed_prefix / sizeof feed_prefix[0] && !p; i++) {
		size_t k = feed_prefix[i] ? strlen(feed_prefix[i]) : 0;
		if (k && strncmp(name, feed_prefix[i], k) == 0 && name[k] == '-')
			p = name + k + 1;
	}
	if (!p || len < 5 || strcmp(name + len - 4, ".ics") != 0 || p >= name + len - 4)
		return false;
	for (; p < name + len - 4; p++)
		if (!safe_char(*p) && *p != '=')
			return false;
	return true;
}

/* ---- one file ---- */

enum hop_status pub_file_open(struct pub_file *pf, const char *dir, const char *name,
                              struct hop_err *err)
{
	pf->text = NULL;
	pf->len = 0;
	pf->dir = dir;
	pf->on_disk = false;
	pf->fresh = false;
	if ((size_t)snprintf(pf->path, sizeof pf->path, "%s/%s", dir, name) >= sizeof pf->path)
		return hop_fail(err, HOP_EINVAL, _("the directory name %s is too long"), dir);
	if (!(pf->f = open_memstream(&pf->text, &pf->len)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	return HOP_OK;
}

enum hop_status pub_file_open_disk(struct pub_file *pf, const char *dir, const char *name,
                                   mode_t mode, struct hop_err *err)
{
	int fd;

	pf->text = NULL;
	pf->len = 0;
	pf->dir = dir;
	pf->on_disk = true;
	pf->fresh = false;
	if ((size_t)snprintf(pf->path, sizeof pf->path, "%s/%s", dir, name) >= sizeof pf->path)
		return hop_fail(err, HOP_EINVAL, _("the directory name %s is too long"), dir);
	snprintf(pf->tmp, sizeof pf->tmp, "%s.XXXXXX", pf->path);
	if ((fd = mkstemp(pf->tmp)) < 0)
		return hop_fail(err, HOP_EIO, _("cannot create a file in %s: %s"), dir, strerror(errno));
	/* mkstemp makes 0600; the web server's group reads what [feeds] file_mode
	 * allows (the umask does not apply to fchmod). */
	if (fchmod(fd, mode) != 0) {
		int e = errno;
		close(fd);
		unlink(pf->tmp);
		return hop_fail(err, HOP_EIO, _("cannot set the mode of a file in %s: %s"), dir,
		                strerror(e));
	}
	if (!(pf->f = fdopen(fd, "w"))) {
		close(fd);
		unlink(pf->tmp);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	return HOP_OK;
}

/* The next line of f without DTSTAMP lines; *line is getline's. */
static ssize_t file_line(FILE *f, char **line, size_t *cap)
{
	ssize_t n;
	while ((n = getline(line, cap, f)) > 0 && strncmp(*line, "DTSTAMP:", 8) == 0)
		;
	return n;
}

/* Are the files the same but for their DTSTAMP lines?  A missing old file
 * differs. */
static bool same_files(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb;
	char *la = NULL, *lb = NULL;
	size_t ca = 0, cb = 0;
	bool same = true;

	if (!fa)
		return false;
	if (!(fb = fopen(b, "r"))) {
		fclose(fa);
		return false;
	}
	for (;;) {
		ssize_t na = file_line(fa, &la, &ca), nb = file_line(fb, &lb, &cb);
		if (na != nb || (na > 0 && memcmp(la, lb, (size_t)na) != 0)) {
			same = false;
			break;
		}
		if (na <= 0)
			break;
	}
	free(la);
	free(lb);
	fclose(fa);
	fclose(fb);
	return same;
}

/* The old file's bytes (NULL when there is none to read), NUL-terminated. */
static char *read_old(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	char *buf;
	size_t n = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || !(buf = malloc((size_t)sb.st_size + 1))) {
		close(fd);
		return NULL;
	}
	while (n < (size_t)sb.st_size) {
		ssize_t got = read(fd, buf + n, (size_t)sb.st_size - n);
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The line at *p of the text ending at end, past DTSTAMP lines: its start
 * and length (with its '\n'); *p moves past it.  Length 0 at the end. */
static size_t next_line(const char **p, const char *end, const char **line)
{
	for (;;) {
		const char *s = *p, *nl;
		size_t n;

		if (s >= end)
			return 0;
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		*p = s + n;
		if (n >= 8 && memcmp(s, "DTSTAMP:", 8) == 0)
			continue;
		*line = s;
		return n;
	}
}

/* Are the two the same but for their DTSTAMP lines? */
static bool same_content(const char *a, size_t an, const char *b, size_t bn)
{
	const char *pa = a, *pb = b, *la, *lb;

	for (;;) {
		size_t na = next_line(&pa, a + an, &la), nb = next_line(&pb, b + bn, &lb);
		if (na != nb || (na && memcmp(la, lb, na) != 0))
			return false;
		if (!na)
			return true;
	}
}

/* text into a temporary name beside path with mode, renamed into place. */
static enum hop_status write_file(const char *dir, const char *path, const char *text,
                                  size_t len, mode_t mode, struct hop_err *err)
{
	char tmp[PUB_PATH_MAX + 8];
	size_t done = 0;
	int fd, e;

	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		return hop_fail(err, HOP_EIO, _("cannot create a file in %s: %s"), dir,
		                strerror(errno));
	/* mkstemp makes 0600; the web server's group reads what [feeds] file_mode
	 * allows (the umask does not apply to fchmod). */
	if (fchmod(fd, mode) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		return hop_fail(err, HOP_EIO, _("cannot set the mode of a file in %s: %s"), dir,
		                strerror(e));
	}
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			close(fd);
			unlink(tmp);
			return hop_fail(err, HOP_EIO, _("cannot write %s: %s"), tmp, strerror(e));
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(tmp);
		return hop_fail(err, HOP_EIO, _("cannot write %s: %s"), tmp, strerror(e));
	}
	if (rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		return hop_fail(err, HOP_EIO, _("cannot rename %s to %s: %s"), tmp, path,
		                strerror(e));
	}
	return HOP_OK;
}

/* The file there is kept: with the mode the setting asks for now. */
static enum hop_status keep_old(const char *path, mode_t mode, struct ics_publish_report *rep,
                                struct hop_err *err)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 07777) != mode &&
	    chmod(path, mode) != 0)
		return hop_fail(err, HOP_EIO, _("cannot set the mode of %s: %s"), path,
		                strerror(errno));
	rep->unchanged++;
	return HOP_OK;
}

static enum hop_status close_disk(struct pub_file *pf, mode_t mode, enum hop_status st,
                                  struct ics_publish_report *rep, struct hop_err *err)
{
	if (fclose(pf->f) != 0 && st == HOP_OK)
		st = hop_fail(err, HOP_EIO, _("cannot write %s: %s"), pf->tmp, strerror(errno));
	if (st != HOP_OK) {
		unlink(pf->tmp);
		return st;
	}
	if (same_files(pf->path, pf->tmp)) {
		unlink(pf->tmp);
		return keep_old(pf->path, mode, rep, err);
	}
	if (rename(pf->tmp, pf->path) != 0) {
		st = hop_fail(err, HOP_EIO, _("cannot rename %s to %s: %s"), pf->tmp, pf->path,
		              strerror(errno));
		unlink(pf->tmp);
		return st;
	}
	rep->written++;
	return HOP_OK;
}

enum hop_status pub_file_close(struct pub_file *pf, mode_t mode, enum hop_status st,
                               struct ics_publish_report *rep, struct hop_err *err)
{
	char *old;
	size_t oldlen = 0;

	if (pf->on_disk)
		return close_disk(pf, mode, st, rep, err);

	if (fclose(pf->f) != 0 && st == HOP_OK)
		st = hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (st != HOP_OK) {
		free(pf->text);
		return st;
	}
	old = pf->fresh ? NULL : read_old(pf->path, &oldlen);
	if (old && same_content(old, oldlen, pf->text, pf->len)) {
		free(old);
		free(pf->text);
		return keep_old(pf->path, mode, rep, err);
	}
	free(old);
	st = write_file(pf->dir, pf->path, pf->text, pf->len, mode, err);
	free(pf->text);
	if (st == HOP_OK)
		rep->written++;
	return st;
}

/* ---- the files that go ---- */

/* Is name a temporary file of publishing's own naming: a feed file or
 * index.txt, a dot and mkstemp's six characters? */
static bool pub_temp_file(const char *name)
{
	size_t len = strlen(name);
	char base[256];

	if (len < 8 || len - 7 >= sizeof base || name[len - 7] != '.')
		return false;
	for (size_t i = len - 6; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return false;
	memcpy(base, name, len - 7);
	base[len - 7] = '\0';
	return strcmp(base, "index.txt") == 0 || pub_feed_file(base);
}

/* A temporary file untouched this long was left by a run that died (killed,
 * or the machine went down): a living run writes each file within moments.
 * File ages are the file system's, so they are measured by its clock. */
#define PUB_TEMP_STALE_SECONDS 600

enum hop_status pub_remove_temporaries(const char *dir, struct ics_publish_report *rep,
                                       bool *feeds, struct hop_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PUB_PATH_MAX];
	enum hop_status st = HOP_OK;
	time_t now = time(NULL);

	if (!d)
		return hop_fail(err, HOP_EIO, _("cannot read the directory %s: %s"), dir, strerror(errno));
	*feeds = false;
	while (st == HOP_OK && (e = readdir(d))) {
		struct stat sb;

		if (pub_feed_file(e->d_name))
			*feeds = true;
		if (!pub_temp_file(e->d_name))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    now - sb.st_mtime < PUB_TEMP_STALE_SECONDS)
			continue;
		if (unlink(path) != 0 && errno != ENOENT)
			st = hop_fail(err, HOP_EIO, _("cannot remove %s: %s"), path, strerror(errno));
		else
			rep->temporaries++;
	}
	closedir(d);
	return st;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum hop_status pub_remove_stale(const char *dir, char **written, size_t n,
                                 struct ics_publish_report *rep, struct hop_err *err)
{
	qsort(written, n, sizeof *written, name_cmp);
	DIR *d = opendir(dir);
	if (!d)
		return hop_fail(err, HOP_EIO, _("cannot read the directory %s: %s"), dir, strerror(errno));
	struct dirent *e;
	char path[PUB_PATH_MAX];
	enum hop_status st = HOP_OK;
	while (st == HOP_OK && (e = readdir(d))) {
		const char *name = e->d_name;
		if (!pub_feed_file(name) || bsearch(&name, written, n, sizeof *written, name_cmp))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (unlink(path) != 0 && errno != ENOENT)
			st = hop_fail(err, HOP_EIO, _("cannot remove %s: %s"), path, strerror(errno));
		else
			rep->removed++;
	}
	closedir(d);
	return st;
}
