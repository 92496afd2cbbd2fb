/* hop feeds publish: every feed as a file in one directory, for a web server
 * to serve and cron to refresh.  A file is replaced only when its content
 * changed, so that caches and polling calendars stay cheap. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/core/feeds/feeds.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "pub_int.h"

#define PUB_PATH_MAX 4200

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

/* Logins, slugs and codes are plain already and keep their names; any other
 * byte, and a '.' in front, is written '=' and two hex digits (a '=' itself
 * too), so that two keys never share a file ('.x' is desk-=2Ex.ics, '_x'
 * desk-_x.ics), and a name can never leave the directory or hold a space.
 * '=' needs no escaping in a URL, as '%' would. */
static void safe_name(char *out, size_t size, enum ics_feed_kind kind, const char *key)
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

/* Does the next line of f (without DTSTAMP lines) exist?  *line is getline's. */
static ssize_t next_line(FILE *f, char **line, size_t *cap)
{
	ssize_t n;
	while ((n = getline(line, cap, f)) > 0 && strncmp(*line, "DTSTAMP:", 8) == 0)
		;
	return n;
}

/* Are the files the same but for their DTSTAMP lines?  A missing old file
 * differs. */
static bool same_content(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r");
	if (!fa)
		return false;
	FILE *fb = fopen(b, "r");
	if (!fb) {
		fclose(fa);
		return false;
	}
	char *la = NULL, *lb = NULL;
	size_t ca = 0, cb = 0;
	bool same = true;
	for (;;) {
		ssize_t na = next_line(fa, &la, &ca), nb = next_line(fb, &lb, &cb);
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

/* The file being written: a temporary name beside its final one. */
struct pub_file {
	char path[PUB_PATH_MAX], tmp[PUB_PATH_MAX + 8];
	FILE *f;
	mode_t mode;
};

/* [feeds] file_mode as a number (checked when the configuration was read). */
static mode_t file_mode(const struct hop_app *app)
{
	return (mode_t)strtol(app->cfg.feeds_file_mode, NULL, 8);
}

static enum hop_status pub_open(struct pub_file *pf, const char *dir, const char *name,
                                mode_t mode, struct hop_err *err)
{
	if ((size_t)snprintf(pf->path, sizeof pf->path, "%s/%s", dir, name) >= sizeof pf->path)
		return hop_fail(err, HOP_EINVAL, _("the directory name %s is too long"), dir);
	snprintf(pf->tmp, sizeof pf->tmp, "%s.XXXXXX", pf->path);
	int fd = mkstemp(pf->tmp);
	if (fd < 0)
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
	pf->mode = mode;
	pf->f = fdopen(fd, "w");
	if (!pf->f) {
		close(fd);
		unlink(pf->tmp);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	return HOP_OK;
}

/* Finish: rename into place when changed, else drop the temporary file.
 * st is the writing's status; on failure the temporary file goes. */
static enum hop_status pub_close(struct pub_file *pf, enum hop_status st,
                                 struct ics_publish_report *rep, struct hop_err *err)
{
	if (fclose(pf->f) != 0 && st == HOP_OK)
		st = hop_fail(err, HOP_EIO, _("cannot write %s: %s"), pf->tmp, strerror(errno));
	if (st != HOP_OK) {
		unlink(pf->tmp);
		return st;
	}
	if (same_content(pf->path, pf->tmp)) {
		struct stat sb;
		unlink(pf->tmp);
		/* Kept as it is, but with the mode the setting asks for now. */
		if (lstat(pf->path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (sb.st_mode & 07777) != pf->mode && chmod(pf->path, pf->mode) != 0)
			return hop_fail(err, HOP_EIO, _("cannot set the mode of %s: %s"), pf->path,
			                strerror(errno));
		rep->unchanged++;
		return HOP_OK;
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

/* The names of the feeds written in this run, for removing the others. */
struct name_set { char **v; size_t n, cap; };

static void names_free(struct name_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

static enum hop_status names_add(struct name_set *s, const char *name, struct hop_err *err)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		char **v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		s->v = v;
		s->cap = cap;
	}
	if (!(s->v[s->n] = strdup(name)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	s->n++;
	return HOP_OK;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is name one publish writes: PREFIX-SAFE.ics with a known prefix and the
 * characters safe_name leaves? */
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

/* Remove the temporaries dead runs left in dir, some holding half a feed. */
static enum hop_status remove_temporaries(const char *dir, struct ics_publish_report *rep,
                                          struct hop_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PUB_PATH_MAX];
	enum hop_status st = HOP_OK;
	time_t now = time(NULL);

	if (!d)
		return hop_fail(err, HOP_EIO, _("cannot read the directory %s: %s"), dir, strerror(errno));
	while (st == HOP_OK && (e = readdir(d))) {
		struct stat sb;

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

/* Remove the feed files in dir that this run did not write (sorted names). */
static enum hop_status remove_stale(const char *dir, struct name_set *written,
                                    struct ics_publish_report *rep, struct hop_err *err)
{
	qsort(written->v, written->n, sizeof *written->v, name_cmp);
	DIR *d = opendir(dir);
	if (!d)
		return hop_fail(err, HOP_EIO, _("cannot read the directory %s: %s"), dir, strerror(errno));
	struct dirent *e;
	char path[PUB_PATH_MAX];
	enum hop_status st = HOP_OK;
	while (st == HOP_OK && (e = readdir(d))) {
		const char *name = e->d_name;
		if (!pub_feed_file(name) ||
		    bsearch(&name, written->v, written->n, sizeof *written->v, name_cmp))
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

/* One run: where files go and what has been done. */
struct pub_run {
	struct ics_session *session;
	const char *dir;
	FILE *index;
	mode_t mode;
	struct ics_publish_report *rep;
	struct name_set written;
};

static enum hop_status publish_one(struct pub_run *r, enum ics_feed_kind kind,
                                   const char *key, const char *title, struct hop_err *err)
{
	char name[200];
	struct pub_file pf;
	safe_name(name, sizeof name, kind, key);
	enum hop_status st = pub_open(&pf, r->dir, name, r->mode, err);
	if (st != HOP_OK)
		return st;
	struct ics_feed feed = { .kind = kind, .key = key, .from = HOP_DATE_NONE,
	                         .to = HOP_DATE_NONE };
	st = ics_session_export(r->session, &feed, pf.f, NULL, err);
	if ((st = pub_close(&pf, st, r->rep, err)) != HOP_OK)
		return st;
	r->rep->feeds++;
	if (fprintf(r->index, "%s\t%s\n", name, title) < 0)
		return hop_fail(err, HOP_EIO, _("cannot write the index in %s: %s"), r->dir,
		                strerror(errno));
	return names_add(&r->written, name, err);
}

static enum hop_status publish_person(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	return publish_one(ctx, ICS_PERSON, p->login, p->name, err);
}

static enum hop_status publish_place(void *ctx, const struct hop_desk *d, struct hop_err *err)
{
	bool room = d->kind != DESK_KIND_DESK;
	return publish_one(ctx, room ? ICS_ROOM : ICS_DESK, d->code, d->name[0] ? d->name : d->code,
	                   err);
}

static enum hop_status publish_run(struct hop_app *app, const char *dir,
                                   struct ics_publish_report *rep, struct hop_err *err)
{
	memset(rep, 0, sizeof *rep);
	struct stat sb;
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
		return hop_fail(err, HOP_EIO, _("%s is not a directory; give the directory the feeds "
		                "go into"), dir);
	if (access(dir, W_OK) != 0)
		return hop_fail(err, HOP_EIO, _("cannot write into the directory %s: %s; create it first"),
		                dir, strerror(errno));
	char now[PUB_STATE_MAX];
	size_t kept;

	if (remove_temporaries(dir, rep, err) != HOP_OK)
		return err->status;

	/* Nothing written, the day, the settings and the files as the last
	 * complete run left them: nothing to render. */
	if (pub_state_now(app, dir, now, sizeof now, err) != HOP_OK)
		return err->status;
	if (pub_unchanged(app, dir, now, &kept)) {
		rep->feeds = kept;
		rep->unchanged = kept + 1;     /* and index.txt */
		return HOP_OK;
	}
	struct hop_team_list teams = { 0 };
	struct desk_filter df = { .rooms = -1 };
	struct person_filter pf = { 0 };
	struct pub_file idx;
	struct pub_run run = { .dir = dir, .rep = rep, .mode = file_mode(app) };
	/* People and places are read one at a time (an organisation of 20,000
	 * would otherwise be held whole); teams are few. */
	enum hop_status st = ics_session_open(app, &run.session, err);
	if (st == HOP_OK)
		st = team_list(app, false, &teams, err);
	if (st == HOP_OK)
		st = pub_open(&idx, dir, "index.txt", run.mode, err);
	if (st != HOP_OK)
		goto out;
	run.index = idx.f;
	st = person_each(app, &pf, publish_person, &run, err);
	for (size_t i = 0; st == HOP_OK && i < teams.n; i++)
		st = publish_one(&run, ICS_TEAM, teams.v[i].slug, teams.v[i].name, err);
	if (st == HOP_OK)
		st = desk_each(app, &df, publish_place, &run, err);
	st = pub_close(&idx, st, rep, err);
	/* Only after a complete run: a failed one must not take feeds away. */
	if (st == HOP_OK)
		st = remove_stale(dir, &run.written, rep, err);
	if (st == HOP_OK)
		pub_state_put(app, now, rep->feeds);
out:
	ics_session_close(run.session);
	team_list_free(&teams);
	names_free(&run.written);
	return st;
}

/* The directory is the caller's: a setgid hop makes, compares, replaces and
 * removes every file in it with the caller's rights, never its group's, so
 * that a planted symlink or the data directory itself gains nothing.  (mkstemp
 * never follows a link, rename replaces the link and not its target, and the
 * names from safe_name hold no '/'.)  The database needs no more of the
 * group's rights meanwhile: SQLite holds its files open since app_open_db. */
enum hop_status ics_publish(struct hop_app *app, const char *dir,
                            struct ics_publish_report *rep, struct hop_err *err)
{
	enum hop_status st;

	memset(rep, 0, sizeof *rep);
	/* Everyone's calendars, with where each person works: HR's and admins'. */
	if (authz_feeds_publish(app, err) != HOP_OK)
		return err->status;
	if (!priv_user_begin())
		return hop_fail(err, HOP_EIO, _("cannot set aside hop's group rights to open %s: %s"),
		                dir, strerror(errno));
	st = publish_run(app, dir, rep, err);
	priv_user_end();
	return st;
}
