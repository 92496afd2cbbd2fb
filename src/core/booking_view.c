/* One day of all desks and rooms: the Desks screen's data.  A fixed number
 * of queries whatever the number of desks, each a scan or a range of one
 * index: the floors (with sites), the zones (with teams), the places (with
 * owners), the teams the acting user leads and the day's active bookings
 * (with their people, on booking_day and person_names); the slots are filled
 * in memory.  Rows are lean: their strings are kept once in the view's pool,
 * arrays are allocated once (zones and places counted first), places are
 * sorted by small keys and found by id in the array they were read into.
 * The places part (floors, zones, places, their order) does not depend on
 * the day or the acting user: it is read once and kept on the connection
 * (app->view_cache) until a write on this connection or a commit from
 * another changes the database; a day then costs only the bookings query. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/app.h"
#include "hop/db.h"
#include "hop/i18n.h"
#include "hop/workday.h"
#include "booking_int.h"

void desk_day_view_free(struct desk_day_view *v)
{
	if (!v)
		return;
	free(v->zones);
	free(v->v);
	bk_pool_free(v->strings);
	free(v->strings);
	v->zones = NULL;
	v->v = NULL;
	v->strings = NULL;
	v->n = v->nzones = 0;
}

static enum hop_status view_oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the desks"));
}

/* What the view needs of a zone besides out->zones[]: parallel to it while
 * reading, in zone id order. */
struct zone_extra {
	int64_t team_lead;                     /* the zone team's lead, 0 = none */
	const char *fsite, *ffloor, *fname;    /* folded, for the order */
	uint32_t places;                       /* places of the zone in the view */
	uint32_t rank;                         /* position among the zones shown */
};

struct view_maps {
	int64_t *zone_id;                      /* ascending, parallel to out->zones (and zx)
	                                          until sort_places puts those in order */
	struct zone_extra *zx;
	size_t zcap;
	int64_t *place_id;                     /* ascending: the places as read */
	uint32_t *pos;                         /* their positions in out->v once sorted */
	size_t pcap;
	struct place_extra *px;                /* parallel to place_id */
};

/* What the filters and the bookable_by rule read of a place. */
struct place_extra {
	const char *retired;                   /* retired_on as stored; NULL = active */
	enum desk_bookable bookable;
	bool is_desk;                          /* kind = 'desk' */
};

static void view_maps_free(struct view_maps *m)
{
	free(m->zone_id);
	free(m->zx);
	free(m->place_id);
	free(m->pos);
	free(m->px);
}

static const char *fold_once(struct bk_pool *pool, const char *s)
{
	char buf[HOP_SITE_NAME_MAX * 3 + 2];

	if (!s)
		return NULL;
	person_fold(s, FOLD_A, buf, sizeof buf);
	return bk_pool_strn(pool, buf, strlen(buf));
}

/* A floor with its site, as the zones on it show them. */
struct view_floor {
	int64_t site_id;
	int level;
	const char *site, *floor, *fsite, *ffloor;
};

/* The floors of the site (0 = all), in id order: a few dozen, read apart from
 * the zones so that no zone looks up its floor and site. */
static enum hop_status read_floors(struct hop_app *app, int64_t site_id, struct bk_pool *pool,
                                   struct view_floor **floors, int64_t **ids, size_t *n,
                                   struct hop_err *err)
{
	size_t cap = 0;
	sqlite3_stmt *st;
	bool oom = false;
	int rc;

	st = db_stmt(app->db, "SELECT f.id, f.name, f.level, s.id, s.name "
	             "FROM floor f JOIN site s ON s.id = f.site_id "
	             "WHERE ?1 = 0 OR f.site_id = ?1 ORDER BY f.id", err);
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, site_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct view_floor *f;

		if ((oom = !bk_fit(floors, sizeof **floors, ids, *n, &cap)))
			break;
		f = &(*floors)[*n];
		f->floor = bk_pool_col(pool, st, 1);
		f->level = sqlite3_column_int(st, 2);
		f->site_id = sqlite3_column_int64(st, 3);
		f->site = bk_pool_col(pool, st, 4);
		f->fsite = fold_once(pool, f->site);
		f->ffloor = fold_once(pool, f->floor);
		if ((oom = !f->floor || !f->site || !f->fsite || !f->ffloor))
			break;
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (oom)
		return view_oom(err);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the zones"));
	return HOP_OK;
}

/* The zones of the site or the one zone asked for (0 = all), in id order. */
static enum hop_status read_zones(struct hop_app *app, int64_t site_id, int64_t zone_id,
                                  struct view_maps *m, struct desk_day_view *out,
                                  struct hop_err *err)
{
	struct bk_pool *pool = out->strings;
	struct view_floor *floors = NULL;
	int64_t *floor_id = NULL;
	size_t xcap, nfloors = 0;
	sqlite3_stmt *st;
	bool oom = false;
	int rc;

	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM zone", err), &m->zcap,
	             err) != HOP_OK ||
	    read_floors(app, site_id, pool, &floors, &floor_id, &nfloors, err) != HOP_OK) {
		free(floors);
		free(floor_id);
		return err->status;
	}
	xcap = m->zcap;
	st = db_stmt(app->db, "SELECT z.id, z.floor_id, z.name, z.team_id, zt.name, "
	             "CASE WHEN zt.dissolved_on IS NULL THEN zt.lead_id END "
	             "FROM zone z LEFT JOIN team zt ON zt.id = z.team_id "
	             "WHERE ?1 = 0 OR z.id = ?1 ORDER BY z.id", err);
	if (!st) {
		free(floors);
		free(floor_id);
		return err->status;
	}
	sqlite3_bind_int64(st, 1, zone_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t n = out->nzones, fi = bk_find_id(floor_id, nfloors, sqlite3_column_int64(st, 1));
		const struct view_floor *f;
		struct desk_day_zone *z;
		struct zone_extra *x;

		if (fi == SIZE_MAX)
			continue;          /* at another site */
		if ((oom = !bk_fit(&out->zones, sizeof *out->zones, &m->zone_id, n, &m->zcap) ||
		           !bk_fit(&m->zx, sizeof *m->zx, NULL, n, &xcap)))
			break;
		f = &floors[fi];
		z = &out->zones[n];
		x = &m->zx[n];
		memset(z, 0, sizeof *z);
		memset(x, 0, sizeof *x);
		z->id = sqlite3_column_int64(st, 0);
		z->floor_id = floor_id[fi];
		z->site_id = f->site_id;
		z->level = f->level;
		z->site = f->site;
		z->floor = f->floor;
		x->fsite = f->fsite;
		x->ffloor = f->ffloor;
		z->team_id = sqlite3_column_int64(st, 3);
		x->team_lead = sqlite3_column_int64(st, 5);
		z->name = bk_pool_col(pool, st, 2);
		z->team = bk_pool_col(pool, st, 4);
		x->fname = fold_once(pool, z->name);
		if ((oom = !z->name || !z->team || !x->fname))
			break;
		m->zone_id[n] = z->id;
		out->nzones++;
	}
	sqlite3_reset(st);
	free(floors);
	free(floor_id);
	if (oom)
		return view_oom(err);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the zones"));
	return HOP_OK;
}

/* Every place of the zones read, into out->v in id order (d->zone = index
 * into out->zones as read), with what the filters need in m->px; their
 * state is the day's and the actor's, set by view_fill. */
static enum hop_status read_places(struct hop_app *app, struct view_maps *m,
                                   struct desk_day_view *out, struct hop_err *err)
{
	sqlite3_stmt *st;
	size_t xcap;
	bool oom = false;
	int rc;

	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM desk", err), &m->pcap,
	             err) != HOP_OK)
		return err->status;
	xcap = m->pcap;
	/* The site and zone filters are the zones': a place in a zone not read
	 * is left out. */
	st = db_stmt(app->db, "SELECT d.id, d.zone_id, d.code, d.name, d.kind, d.capacity, "
	             "d.attrs, d.owner_id, o.name, d.bookable_by, d.retired_on, d.kind = 'desk' "
	             "FROM desk d LEFT JOIN person o ON o.id = d.owner_id ORDER BY d.id", err);
	if (!st)
		return err->status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t zi = bk_find_id(m->zone_id, out->nzones, sqlite3_column_int64(st, 1));
		struct place_extra *x;
		struct desk_day *d;

		if (zi == SIZE_MAX)
			continue;
		if ((oom = out->n >= UINT32_MAX - 1 ||
		           !bk_fit(&out->v, sizeof *out->v, &m->place_id, out->n, &m->pcap) ||
		           !bk_fit(&m->px, sizeof *m->px, NULL, out->n, &xcap)))
			break;
		d = &out->v[out->n];
		x = &m->px[out->n];
		memset(d, 0, sizeof *d);
		d->desk_id = sqlite3_column_int64(st, 0);
		d->code = bk_pool_col(out->strings, st, 2);
		d->name = bk_pool_col(out->strings, st, 3);
		d->kind = bk_kind((const char *)sqlite3_column_text(st, 4));
		d->capacity = sqlite3_column_int(st, 5);
		d->attrs = (unsigned)sqlite3_column_int(st, 6);
		d->owner_id = sqlite3_column_int64(st, 7);
		d->owner_name = bk_pool_col(out->strings, st, 8);
		d->zone = zi;
		d->am.login = d->am.name = d->pm.login = d->pm.name = "";
		x->bookable = bk_bookable_by((const char *)sqlite3_column_text(st, 9));
		x->retired = sqlite3_column_type(st, 10) == SQLITE_NULL ? NULL
		           : bk_pool_col(out->strings, st, 10);
		x->is_desk = sqlite3_column_int(st, 11) != 0;
		if ((oom = !d->code || !d->name || !d->owner_name ||
		           (sqlite3_column_type(st, 10) != SQLITE_NULL && !x->retired)))
			break;
		m->zx[zi].places++;
		m->place_id[out->n++] = d->desk_id;
	}
	sqlite3_reset(st);
	if (oom)
		return view_oom(err);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the desks"));
	return HOP_OK;
}

/* ---- the order: site, floor level, floor, zone (folded), zone id; then
 * codes in natural order ---- */

struct zone_key { const struct desk_day_zone *z; const struct zone_extra *x; uint32_t i; };

static int zone_order_cmp(const void *a, const void *b)
{
	const struct zone_key *p = a, *q = b;
	int c;

	if ((c = strcmp(p->x->fsite, q->x->fsite)) != 0)
		return c;
	if (p->z->level != q->z->level)
		return p->z->level < q->z->level ? -1 : 1;
	if ((c = strcmp(p->x->ffloor, q->x->ffloor)) != 0)
		return c;
	if ((c = strcmp(p->x->fname, q->x->fname)) != 0)
		return c;
	return p->z->id < q->z->id ? -1 : p->z->id > q->z->id;
}

struct place_key { const struct desk_day *d; uint32_t rank, i; };

static int place_key_cmp(const void *a, const void *b)
{
	const struct place_key *x = a, *y = b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = desk_code_compare(x->d->code, y->d->code)) != 0)
		return c;
	return x->d->desk_id < y->d->desk_id ? -1 : x->d->desk_id > y->d->desk_id;
}

/* Sort out->v; keep in out->zones the zones that have places, in order, and
 * point each place's zone at its entry there.  m->pos[i] = where the i-th
 * place read (m->place_id[i]) is now. */
static enum hop_status sort_places(struct view_maps *m, struct desk_day_view *out,
                                   struct hop_err *err)
{
	size_t nz = out->nzones, np = out->n, shown = 0, big = nz > np ? nz : np;
	struct zone_key *zk = malloc((nz ? nz : 1) * sizeof *zk);
	struct place_key *pk = malloc((np ? np : 1) * sizeof *pk);
	uint32_t *order = malloc((big ? big : 1) * sizeof *order);
	struct desk_day_zone ztmp;
	struct desk_day tmp;

	m->pos = malloc((np ? np : 1) * sizeof *m->pos);
	if (!zk || !pk || !order || !m->pos) {
		free(zk);
		free(pk);
		free(order);
		return view_oom(err);
	}
	/* The zones shown first, in order; the others after them, dropped. */
	for (size_t i = 0; i < nz; i++)
		if (m->zx[i].places)
			zk[shown++] = (struct zone_key){ &out->zones[i], &m->zx[i], (uint32_t)i };
	qsort(zk, shown, sizeof *zk, zone_order_cmp);
	for (size_t i = 0, rest = shown; i < nz; i++)
		if (!m->zx[i].places)
			zk[rest++].i = (uint32_t)i;
	for (size_t r = 0; r < nz; r++) {
		m->zx[zk[r].i].rank = (uint32_t)r;
		order[r] = zk[r].i;
	}
	for (size_t i = 0; i < np; i++) {
		out->v[i].zone = m->zx[out->v[i].zone].rank;
		pk[i] = (struct place_key){ &out->v[i], (uint32_t)out->v[i].zone, (uint32_t)i };
	}
	bk_permute(out->zones, nz, sizeof *out->zones, order, &ztmp);
	out->nzones = shown;

	if (!bk_group_sort(pk, np, sizeof *pk, offsetof(struct place_key, rank), (uint32_t)shown,
	                   place_key_cmp)) {
		free(zk);
		free(pk);
		free(order);
		return view_oom(err);
	}
	for (size_t k = 0; k < np; k++) {
		order[k] = pk[k].i;
		m->pos[pk[k].i] = (uint32_t)k;
	}
	bk_permute(out->v, np, sizeof *out->v, order, &tmp);
	free(zk);
	free(pk);
	free(order);
	return HOP_OK;
}

/* ---- the day's bookings ---- */

static void fill_slot(const struct hop_app *app, struct desk_day *d, struct desk_slot *s,
                      int64_t id, int64_t person, const char *login, const char *name,
                      int attendees)
{
	int64_t me = app->actor.known ? app->actor.person.id : -1;

	s->booking_id = id;
	s->attendees = attendees;
	if (person == me)
		s->state = SLOT_MINE;
	else if (d->owner_id && person == d->owner_id)
		s->state = SLOT_FIXED;
	else
		s->state = SLOT_BOOKED;
	s->login = login;
	s->name = name;
}

/* The teams the acting user leads (now), for the privacy rule: a handful at
 * most, read once on the index team_lead rather than looked up per row. */
static enum hop_status read_led(struct hop_app *app, int64_t **led, size_t *n,
                                struct hop_err *err)
{
	size_t cap = 0;
	sqlite3_stmt *st;
	bool oom = false;
	int rc;

	*n = 0;
	if (!app->actor.known)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT id FROM team WHERE lead_id = ?1 AND dissolved_on IS NULL",
	             err);
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, app->actor.person.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((oom = !bk_fit(led, sizeof **led, NULL, *n, &cap)))
			break;
		(*led)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (oom)
		return view_oom(err);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the teams you lead"));
	return HOP_OK;
}

/* The lead of team_id if that is the acting user, else 0. */
static int64_t led_by_me(const struct hop_app *app, const int64_t *led, size_t n, int64_t team_id)
{
	for (size_t i = 0; i < n; i++)
		if (led[i] == team_id)
			return app->actor.person.id;
	return 0;
}

/* The day's active bookings, into the slots of the places they are for:
 * ids[0..nids) are the places ascending, pos[i] where ids[i] is in out->v
 * (UINT32_MAX: left out), claimed[] per out->v. */
static enum hop_status read_bookings(struct hop_app *app, hop_date day, const int64_t *ids,
                                     size_t nids, const uint32_t *pos, unsigned char *claimed,
                                     struct desk_day_view *out, struct hop_err *err)
{
	int64_t *led = NULL;
	size_t nled;
	sqlite3_stmt *st;
	bool oom = false;
	int rc;

	if (read_led(app, &led, &nled, err) != HOP_OK) {
		free(led);
		return err->status;
	}
	/* The booking columns all come from the covering index booking_day, the
	 * person's from person_names (see booking_who). */
	st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, p.login, "
	             "p.name, p.team_id, b.booked_by, b.attendees "
	             "FROM booking b JOIN person p INDEXED BY person_names ON p.id = b.person_id "
	             "WHERE b.day = ?1 AND b.cancelled_at IS NULL", err);
	if (!st) {
		free(led);
		return err->status;
	}
	bk_bind_date(st, 1, day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), person = sqlite3_column_int64(st, 3);
		int64_t team = sqlite3_column_int64(st, 6);
		int half = sqlite3_column_int(st, 2), attendees = sqlite3_column_int(st, 8);
		const char *login = "", *name = "";
		struct desk_day *d;
		size_t at = bk_find_id(ids, nids, sqlite3_column_int64(st, 1));

		if (at == SIZE_MAX || pos[at] == UINT32_MAX)
			continue;          /* a place the filter left out */
		at = pos[at];
		d = &out->v[at];
		if (booking_name_visible(app, person, team, led_by_me(app, led, nled, team),
		                         sqlite3_column_int64(st, 7))) {
			login = bk_pool_col(out->strings, st, 4);
			name = bk_pool_col(out->strings, st, 5);
			if ((oom = !login || !name))
				break;
		}
		if (half & HALF_AM)
			fill_slot(app, d, &d->am, id, person, login, name, attendees);
		if (half & HALF_PM)
			fill_slot(app, d, &d->pm, id, person, login, name, attendees);
		if (d->owner_id && person == d->owner_id)
			claimed[at] = 1;
	}
	sqlite3_reset(st);
	free(led);
	if (oom)
		return view_oom(err);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the day's bookings"));
	return HOP_OK;
}

/* ---- the places, kept on the connection ---- */

/* A place as the cache keeps it: the view's row without the day's state. */
struct cached_place {
	struct desk_day d;                     /* d.zone: index into the cache's zones */
	struct place_extra x;
};

struct bk_view_cache {
	struct bk_stamp stamp;                 /* the database when read */
	struct bk_pool *strings;               /* shared with the views made from it */
	struct desk_day_zone *zones;           /* the zones that have places, in order */
	int64_t *team_lead;                    /* parallel: the zone team's lead, 0 = none */
	size_t nzones;
	struct cached_place *places;           /* every place, in order */
	size_t nplaces;
	int64_t *place_id;                     /* ascending, as read */
	uint32_t *pos;                         /* place_id[i]'s index in places */
};

void bk_view_cache_free(struct bk_view_cache *c)
{
	if (!c)
		return;
	bk_pool_release(c->strings);
	free(c->zones);
	free(c->team_lead);
	free(c->places);
	free(c->place_id);
	free(c->pos);
	free(c);
}

/* Read every zone and place once, in the view's order. */
static enum hop_status cache_read(struct hop_app *app, struct bk_view_cache **out,
                                  struct hop_err *err)
{
	struct view_maps m = { 0 };
	struct desk_day_view all;
	struct bk_view_cache *c = calloc(1, sizeof *c);
	size_t nread;

	memset(&all, 0, sizeof all);
	if (!c || !(c->strings = calloc(1, sizeof *c->strings))) {
		free(c);
		return view_oom(err);
	}
	c->strings->refs = 1;
	all.strings = c->strings;
	if (bk_stamp_read(app, &c->stamp, err) != HOP_OK ||
	    read_zones(app, 0, 0, &m, &all, err) != HOP_OK ||
	    read_places(app, &m, &all, err) != HOP_OK)
		goto fail;
	nread = all.nzones;
	if (sort_places(&m, &all, err) != HOP_OK)
		goto fail;
	c->places = malloc((all.n ? all.n : 1) * sizeof *c->places);
	c->team_lead = malloc((all.nzones ? all.nzones : 1) * sizeof *c->team_lead);
	if (!c->places || !c->team_lead) {
		view_oom(err);
		goto fail;
	}
	/* sort_places ranked the zones read (m.zx, in read order) and moved
	 * the places (m.pos); m.px is still in read order. */
	for (size_t i = 0; i < nread; i++)
		if (m.zx[i].places)
			c->team_lead[m.zx[i].rank] = m.zx[i].team_lead;
	for (size_t i = 0; i < all.n; i++) {
		c->places[m.pos[i]].d = all.v[m.pos[i]];
		c->places[m.pos[i]].x = m.px[i];
	}
	c->zones = all.zones;
	c->nzones = all.nzones;
	c->nplaces = all.n;
	c->place_id = m.place_id;
	c->pos = m.pos;
	all.zones = NULL;
	m.place_id = NULL;
	m.pos = NULL;
	free(all.v);
	view_maps_free(&m);
	*out = c;
	return HOP_OK;
fail:
	free(all.zones);
	free(all.v);
	view_maps_free(&m);
	bk_view_cache_free(c);
	return err->status;
}

/* The cache, read again when the database has changed.  Inside a
 * transaction a fresh one that the caller frees (*own): what it reads may
 * yet be rolled back, which no stamp would show. */
static enum hop_status cache_get(struct hop_app *app, struct bk_view_cache **c, bool *own,
                                 struct hop_err *err)
{
	struct bk_stamp now;

	*own = false;
	if (!sqlite3_get_autocommit(db_sqlite(app->db))) {
		*own = true;
		return cache_read(app, c, err);
	}
	if (app->view_cache) {
		if (bk_stamp_read(app, &now, err) != HOP_OK)
			return err->status;
		if (now.version == app->view_cache->stamp.version &&
		    now.changes == app->view_cache->stamp.changes) {
			*c = app->view_cache;
			return HOP_OK;
		}
		bk_view_cache_free(app->view_cache);
		app->view_cache = NULL;
	}
	if (cache_read(app, &app->view_cache, err) != HOP_OK)
		return err->status;
	*c = app->view_cache;
	return HOP_OK;
}

/* The places the filter keeps on day, in order, each free or closed to the
 * acting user; pos[i] = where c->place_id[i] went (UINT32_MAX: left out). */
static enum hop_status view_fill(struct hop_app *app, const struct bk_view_cache *c,
                                 hop_date day, const struct desk_filter *f, int64_t site_id,
                                 int64_t zone_id, uint32_t **pos, struct desk_day_view *out,
                                 struct hop_err *err)
{
	const struct hop_person *me = app->actor.known ? &app->actor.person : NULL;
	bool retired_too = f && f->include_retired;
	int rooms = f ? f->rooms : -1;
	int64_t attrs = f ? (int64_t)(int)f->attrs : 0;
	char iso[HOP_DATE_ISO_LEN];
	uint32_t *at = malloc((c->nplaces ? c->nplaces : 1) * sizeof *at);
	uint32_t *zmap = malloc((c->nzones ? c->nzones : 1) * sizeof *zmap);

	*pos = malloc((c->nplaces ? c->nplaces : 1) * sizeof **pos);
	out->v = malloc((c->nplaces ? c->nplaces : 1) * sizeof *out->v);
	out->zones = malloc((c->nzones ? c->nzones : 1) * sizeof *out->zones);
	if (!at || !zmap || !*pos || !out->v || !out->zones) {
		free(at);
		free(zmap);
		return view_oom(err);
	}
	date_format(day, iso);
	for (size_t z = 0; z < c->nzones; z++)
		zmap[z] = UINT32_MAX;
	for (size_t k = 0; k < c->nplaces; k++) {
		const struct cached_place *p = &c->places[k];
		const struct desk_day_zone *z = &c->zones[p->d.zone];
		struct desk_day *d;

		at[k] = UINT32_MAX;
		/* The filters as a query would have them: zone and site, retired
		 * (retired_on > day, ISO text), desks or rooms, all of attrs. */
		if ((site_id && z->site_id != site_id) || (zone_id && z->id != zone_id))
			continue;
		if (!retired_too && p->x.retired && strcmp(p->x.retired, iso) <= 0)
			continue;
		if (rooms >= 0 && (rooms == 0) != p->x.is_desk)
			continue;
		if (((int64_t)p->d.attrs & attrs) != attrs)
			continue;
		if (zmap[p->d.zone] == UINT32_MAX) {
			zmap[p->d.zone] = (uint32_t)out->nzones;
			out->zones[out->nzones] = *z;
			out->zones[out->nzones].desks = 0;
			out->nzones++;
		}
		d = &out->v[out->n];
		*d = p->d;
		d->zone = zmap[p->d.zone];
		d->am.state = out->working_day &&
		              bk_may_book(app, me, p->x.bookable, z->team_id, c->team_lead[p->d.zone])
		              ? SLOT_FREE : SLOT_CLOSED;
		d->pm.state = d->am.state;
		if (d->kind == DESK_KIND_DESK)
			out->zones[d->zone].desks++;
		at[k] = (uint32_t)out->n++;
	}
	for (size_t i = 0; i < c->nplaces; i++)
		(*pos)[i] = at[c->pos[i]];
	free(at);
	free(zmap);
	return HOP_OK;
}

enum hop_status booking_day_view(struct hop_app *app, hop_date day, const struct desk_filter *f,
                                 struct desk_day_view *out, struct hop_err *err)
{
	struct bk_view_cache *c = NULL;
	uint32_t *pos = NULL;
	unsigned char *claimed = NULL;
	bool own = false;
	struct hop_err why;
	int64_t site_id = 0, zone_id = 0;
	const struct hop_person *me = app->actor.known ? &app->actor.person : NULL;

	memset(out, 0, sizeof *out);
	out->day = day;
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	/* Resolving a site or zone name is not part of the day's data. */
	if (f && f->site && *f->site) {
		struct hop_site s;
		if (site_get(app, f->site, &s, err) != HOP_OK)
			return err->status;
		site_id = s.id;
	}
	if (f && f->zone && *f->zone) {
		struct hop_zone z;
		if (zone_get(app, f->zone, &z, err) != HOP_OK)
			return err->status;
		zone_id = z.id;
	}
	out->working_day = workday_check(app, site_id, day, &why) == HOP_OK;
	if (!out->working_day)
		snprintf(out->not_working, sizeof out->not_working, "%s", why.msg);
	if (!(out->strings = calloc(1, sizeof *out->strings))) {
		view_oom(err);
		goto fail;
	}
	if (cache_get(app, &c, &own, err) != HOP_OK)
		goto fail;
	/* The view's zone and place strings are the cache's: it keeps them. */
	bk_pool_share(out->strings, c->strings);
	if (view_fill(app, c, day, f, site_id, zone_id, &pos, out, err) != HOP_OK)
		goto fail;
	if (!(claimed = calloc(out->n ? out->n : 1, 1))) {
		view_oom(err);
		goto fail;
	}
	if (read_bookings(app, day, c->place_id, c->nplaces, pos, claimed, out, err) != HOP_OK)
		goto fail;

	for (size_t i = 0; i < out->n; i++) {
		struct desk_day *d = &out->v[i];
		struct desk_slot *s[2] = { &d->am, &d->pm };

		for (int h = 0; h < 2; h++) {
			/* The owner has claimed the day: the other half is theirs too. */
			if (claimed[i] && s[h]->state == SLOT_FREE && (!me || me->id != d->owner_id))
				s[h]->state = SLOT_FIXED;
			if (s[h]->booking_id)
				out->booked++;
		}
		if (out->working_day)
			out->bookable += 2;
	}
	free(pos);
	free(claimed);
	if (own)
		bk_view_cache_free(c);
	return HOP_OK;
fail:
	free(pos);
	free(claimed);
	if (own)
		bk_view_cache_free(c);
	desk_day_view_free(out);
	return err->status;
}
