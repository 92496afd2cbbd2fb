/* hop feeds publish: every feed as a file in one directory, for a web server
 * to serve and cron to refresh.  A file is replaced only when its content
 * changed, so that caches and polling calendars stay cheap (publish_file.c).
 *
 * index.txt lists the feeds as people, teams and places are listed (by team
 * and name, by name, by site and code).  The feeds of people and of places
 * are rendered in the order of their ids instead: a source may then read
 * everyone's events in one pass (the bookings do, booking_feed_pass), and the
 * rows of one person, written together, are read together. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/db/db.h"
#include "hop/core/feeds/feeds.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "feed_int.h"
#include "pub_int.h"

/* [feeds] file_mode as a number (checked when the configuration was read). */
static mode_t file_mode(const struct hop_app *app)
{
	return (mode_t)strtol(app->cfg.feeds_file_mode, NULL, 8);
}

/* The run's strings (the keys of the feeds listed, their file names at the
 * end), kept in blocks: 25,000 of them without a malloc each. */
struct pub_block {
	struct pub_block *next;
	size_t used, size;
	char data[];
};

#define PUB_BLOCK 65536

static char *arena_dup(struct pub_block **head, const char *s)
{
	size_t n = strlen(s) + 1;
	struct pub_block *b = *head;

	if (!b || b->size - b->used < n) {
		size_t size = n > PUB_BLOCK ? n : PUB_BLOCK;
		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		b->used = 0;
		b->size = size;
		b->next = *head;
		*head = b;
	}
	memcpy(b->data + b->used, s, n);
	b->used += n;
	return b->data + b->used - n;
}

static void arena_free(struct pub_block *b)
{
	while (b) {
		struct pub_block *next = b->next;
		free(b);
		b = next;
	}
}

/* A feed listed: its person's or place's id (a team's: its place in the
 * list), its kind and key. */
struct pub_key {
	int64_t id;
	const char *key;
	enum ics_feed_kind kind;
};

/* One run: where files go and what has been done. */
struct pub_run {
	struct ics_session *session;
	const char *dir;
	struct pub_file index;
	mode_t mode;
	struct ics_publish_report *rep;
	struct pub_block *strings;
	bool fresh;                            /* no feed file was there (pub_file.fresh) */
	struct pub_key *keys;                  /* every feed listed: those from rendered on
	                                          are to render by id; all, at the end, are
	                                          the files to keep */
	size_t nkeys, kcap, rendered;
};

static bool grow(void *v, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return true;
	c = *cap ? *cap + *cap / 2 : 1024;
	if (!(p = realloc(*(void **)v, c * size)))
		return false;
	*(void **)v = p;
	*cap = c;
	return true;
}

static enum hop_status keep_key(struct pub_run *r, int64_t id, enum ics_feed_kind kind,
                                const char *key, struct hop_err *err)
{
	struct pub_key *k;

	if (!grow(&r->keys, &r->kcap, r->nkeys, sizeof *r->keys))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	k = &r->keys[r->nkeys];
	k->id = id;
	k->kind = kind;
	if (!(k->key = arena_dup(&r->strings, key)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	r->nkeys++;
	return HOP_OK;
}

/* The feed's line in index.txt, and the feed among those listed. */
static enum hop_status list_feed(struct pub_run *r, int64_t id, enum ics_feed_kind kind,
                                 const char *key, const char *title, struct hop_err *err)
{
	char name[200];

	pub_safe_name(name, sizeof name, kind, key);
	if (fprintf(r->index.f, "%s\t%s\n", name, title) < 0)
		return hop_fail(err, HOP_EIO, _("cannot write the index in %s: %s"), r->dir,
		                strerror(errno));
	return keep_key(r, id, kind, key, err);
}

/* The feed's file. */
static enum hop_status render(struct pub_run *r, enum ics_feed_kind kind, const char *key,
                              struct hop_err *err)
{
	char name[200];
	struct pub_file pf;
	struct ics_feed feed = { .kind = kind, .key = key, .from = HOP_DATE_NONE,
	                         .to = HOP_DATE_NONE };
	enum hop_status st;

	pub_safe_name(name, sizeof name, kind, key);
	if ((st = pub_file_open(&pf, r->dir, name, err)) != HOP_OK)
		return st;
	pf.fresh = r->fresh;
	st = ics_session_export(r->session, &feed, pf.f, NULL, err);
	if ((st = pub_file_close(&pf, r->mode, st, r->rep, err)) != HOP_OK)
		return st;
	r->rep->feeds++;
	return HOP_OK;
}

static enum hop_status list_person(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct pub_run *r = ctx;

	return list_feed(r, p->id, ICS_PERSON, p->login, p->name, err);
}

static enum hop_status list_place(void *ctx, const struct hop_desk *d, struct hop_err *err)
{
	struct pub_run *r = ctx;
	enum ics_feed_kind kind = d->kind != DESK_KIND_DESK ? ICS_ROOM : ICS_DESK;

	return list_feed(r, d->id, kind, d->code, d->name[0] ? d->name : d->code, err);
}

static int by_id(const void *a, const void *b)
{
	const struct pub_key *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The feeds listed since the last call, in the order of their ids. */
static enum hop_status render_listed(struct pub_run *r, enum feed_order order,
                                     struct hop_err *err)
{
	enum hop_status st;

	qsort(r->keys + r->rendered, r->nkeys - r->rendered, sizeof *r->keys, by_id);
	st = ics_session_order(r->session, order, err);
	for (size_t i = r->rendered; st == HOP_OK && i < r->nkeys; i++)
		st = render(r, r->keys[i].kind, r->keys[i].key, err);
	if (st == HOP_OK)
		st = ics_session_order(r->session, FEED_ANY_ORDER, err);
	else
		ics_session_order(r->session, FEED_ANY_ORDER, &(struct hop_err){ 0 });
	r->rendered = r->nkeys;
	return st;
}

/* An active team: its slug and name, and the name folded (arena strings). */
struct pub_team {
	const char *slug, *name, *fold;
	size_t seq;                            /* read in id order */
};

/* team_list's order: by name as the collation "hop" orders it (folded, then
 * as written), then id (the order they are read in; qsort is not stable). */
static int team_cmp(const void *a, const void *b)
{
	const struct pub_team *x = a, *y = b;
	int c = strcmp(x->fold, y->fold);

	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Each active team's feed, listed and rendered in the order team_list has
 * them; of each only its slug and name are held. */
static enum hop_status publish_teams(struct hop_app *app, struct pub_run *r,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT slug, name FROM team "
	                           "WHERE dissolved_on IS NULL ORDER BY id", err);
	struct pub_team *v = NULL;
	size_t n = 0, cap = 0;
	char fold[2 * HOP_TEAM_NAME_MAX + 2];
	enum hop_status rs = HOP_OK;
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *name = db_col_text(st, 1), *slug = db_col_text(st, 0);

		fold_text(name ? name : "", FOLD_A, fold, sizeof fold);
		if (!grow(&v, &cap, n, sizeof *v) ||
		    !(v[n].slug = arena_dup(&r->strings, slug ? slug : "")) ||
		    !(v[n].name = arena_dup(&r->strings, name ? name : "")) ||
		    !(v[n].fold = arena_dup(&r->strings, fold)))
			break;
		v[n].seq = n;
		n++;
	}
	db_reset(st);
	if (rc == DB_ROW)
		rs = hop_fail(err, HOP_ENOMEM, _("out of memory"));
	else if (rc != DB_DONE)
		rs = db_fail(app->db, err, _("listing teams"));
	if (rs == HOP_OK)
		qsort(v, n, sizeof *v, team_cmp);
	for (size_t i = 0; rs == HOP_OK && i < n; i++) {
		rs = list_feed(r, (int64_t)i, ICS_TEAM, v[i].slug, v[i].name, err);
		if (rs == HOP_OK)
			rs = render(r, ICS_TEAM, v[i].slug, err);
	}
	r->rendered = r->nkeys;
	free(v);
	return rs;
}

/* The feed files in the directory that this run did not list go. */
static enum hop_status remove_stale(struct pub_run *r, struct hop_err *err)
{
	char **names = malloc((r->nkeys ? r->nkeys : 1) * sizeof *names), name[200];
	enum hop_status st = HOP_OK;

	if (!names)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < r->nkeys; i++) {
		pub_safe_name(name, sizeof name, r->keys[i].kind, r->keys[i].key);
		if (!(names[i] = arena_dup(&r->strings, name))) {
			free(names);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
	}
	st = pub_remove_stale(r->dir, names, r->nkeys, r->rep, err);
	free(names);
	return st;
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
	bool feeds;

	if (pub_remove_temporaries(dir, rep, &feeds, err) != HOP_OK)
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
	struct desk_filter df = { .rooms = -1 };
	struct person_filter pf = { 0 };
	struct pub_run run = { .dir = dir, .rep = rep, .mode = file_mode(app), .fresh = !feeds };
	/* People, teams and places are read one at a time (an organisation of
	 * 20,000 would otherwise be held whole); of people and places the keys
	 * are kept, to render them by id, and the database holds less. */
	db_lean(app->db);
	enum hop_status st = ics_session_open(app, &run.session, err);
	if (st == HOP_OK)
		st = pub_file_open_disk(&run.index, dir, "index.txt", run.mode, err);
	if (st != HOP_OK)
		goto out;
	st = person_each(app, &pf, list_person, &run, err);
	if (st == HOP_OK)
		st = render_listed(&run, FEED_PEOPLE_BY_ID, err);
	if (st == HOP_OK)
		st = publish_teams(app, &run, err);
	if (st == HOP_OK)
		st = desk_each(app, &df, list_place, &run, err);
	if (st == HOP_OK)
		st = render_listed(&run, FEED_PLACES_BY_ID, err);
	st = pub_file_close(&run.index, run.mode, st, rep, err);
	/* Only after a complete run: a failed one must not take feeds away. */
	if (st == HOP_OK)
		st = remove_stale(&run, err);
	if (st == HOP_OK)
		pub_state_put(app, now, rep->feeds);
out:
	ics_session_close(run.session);
	free(run.keys);
	arena_free(run.strings);
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
