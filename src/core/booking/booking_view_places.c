/* The places part of the Desks screen's day (booking_view.c): the floors
 * (with sites), the zones (with teams) and the places (with owners) of the
 * whole database, each read with one query, and their order (site, floor
 * level, floor, zone, then codes in natural order).  None of it depends on
 * the day or the acting user: it is read once and kept on the connection
 * (app->view_cache) until a write on this connection or a commit from another
 * changes the database. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"
#include "booking_view_int.h"

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
	uint32_t *pos;                         /* their positions once sorted */
	size_t pcap;
};

static void view_maps_free(struct view_maps *m)
{
	free(m->zone_id);
	free(m->zx);
	free(m->place_id);
	free(m->pos);
}

static const char *fold_once(struct bk_pool *pool, const char *s)
{
	char buf[HOP_SITE_NAME_MAX * 3 + 2];

	if (!s)
		return NULL;
	fold_text(s, FOLD_A, buf, sizeof buf);
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
	struct db_stmt *st;
	bool oom = false;
	int rc;

	st = db_stmt(app->db, "SELECT f.id, f.name, f.level, s.id, s.name "
	             "FROM floor f JOIN site s ON s.id = f.site_id "
	             "WHERE ?1 = 0 OR f.site_id = ?1 ORDER BY f.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, site_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct view_floor *f;

		if ((oom = !bk_fit(floors, sizeof **floors, ids, *n, &cap)))
			break;
		f = &(*floors)[*n];
		f->floor = bk_pool_col(pool, st, 1);
		f->level = db_col_int(st, 2);
		f->site_id = db_col_int64(st, 3);
		f->site = bk_pool_col(pool, st, 4);
		f->fsite = fold_once(pool, f->site);
		f->ffloor = fold_once(pool, f->floor);
		if ((oom = !f->floor || !f->site || !f->fsite || !f->ffloor))
			break;
		(*ids)[(*n)++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom)
		return bk_view_oom(err);
	if (rc != DB_DONE)
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
	struct db_stmt *st;
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
	db_bind_int64(st, 1, zone_id);
	while ((rc = db_step(st)) == DB_ROW) {
		size_t n = out->nzones, fi = bk_find_id(floor_id, nfloors, db_col_int64(st, 1));
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
		z->id = db_col_int64(st, 0);
		z->floor_id = floor_id[fi];
		z->site_id = f->site_id;
		z->level = f->level;
		z->site = f->site;
		z->floor = f->floor;
		x->fsite = f->fsite;
		x->ffloor = f->ffloor;
		z->team_id = db_col_int64(st, 3);
		x->team_lead = db_col_int64(st, 5);
		z->name = bk_pool_col(pool, st, 2);
		z->team = bk_pool_col(pool, st, 4);
		x->fname = fold_once(pool, z->name);
		if ((oom = !z->name || !z->team || !x->fname))
			break;
		m->zone_id[n] = z->id;
		out->nzones++;
	}
	db_reset(st);
	free(floors);
	free(floor_id);
	if (oom)
		return bk_view_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the zones"));
	return HOP_OK;
}

/* Every place of the zones read, into *pl in id order (zone = index into
 * out->zones as read); their state is the day's and the actor's, set by
 * view_fill. */
static enum hop_status read_places(struct hop_app *app, struct view_maps *m,
                                   const struct desk_day_view *out, struct cached_place **pl,
                                   size_t *n, struct hop_err *err)
{
	struct db_stmt *st;
	bool oom = false;
	int rc;

	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM desk", err), &m->pcap,
	             err) != HOP_OK)
		return err->status;
	/* The site and zone filters are the zones': a place in a zone not read
	 * is left out. */
	st = db_stmt(app->db, "SELECT d.id, d.zone_id, d.code, d.name, d.kind, d.capacity, "
	             "d.attrs, d.owner_id, o.name, d.bookable_by, d.retired_on, d.kind = 'desk' "
	             "FROM desk d LEFT JOIN person o ON o.id = d.owner_id ORDER BY d.id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		size_t zi = bk_find_id(m->zone_id, out->nzones, db_col_int64(st, 1));
		struct cached_place *p;

		if (zi == SIZE_MAX)
			continue;
		if ((oom = *n >= UINT32_MAX - 1 ||
		           !bk_fit(pl, sizeof **pl, &m->place_id, *n, &m->pcap)))
			break;
		p = &(*pl)[*n];
		p->desk_id = db_col_int64(st, 0);
		p->zone = (uint32_t)zi;
		p->code = bk_pool_col(out->strings, st, 2);
		p->name = bk_pool_col(out->strings, st, 3);
		p->kind = (unsigned char)bk_kind(db_col_text(st, 4));
		p->capacity = db_col_int(st, 5);
		p->attrs = (unsigned)db_col_int(st, 6);
		p->owner_id = db_col_int64(st, 7);
		p->owner_name = bk_pool_col(out->strings, st, 8);
		p->bookable = (unsigned char)bk_bookable_by(db_col_text(st, 9));
		p->retired = db_col_is_null(st, 10) ? NULL : bk_pool_col(out->strings, st, 10);
		p->is_desk = db_col_int(st, 11) != 0;
		if ((oom = !p->code || !p->name || !p->owner_name ||
		           (!db_col_is_null(st, 10) && !p->retired)))
			break;
		m->zx[zi].places++;
		m->place_id[(*n)++] = p->desk_id;
	}
	db_reset(st);
	if (oom)
		return bk_view_oom(err);
	if (rc != DB_DONE)
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

struct place_key { const struct cached_place *p; uint32_t rank, i; };

static int place_key_cmp(const void *a, const void *b)
{
	const struct place_key *x = a, *y = b;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = desk_code_compare(x->p->code, y->p->code)) != 0)
		return c;
	return x->p->desk_id < y->p->desk_id ? -1 : x->p->desk_id > y->p->desk_id;
}

/* Sort pl; keep in out->zones the zones that have places, in order, and
 * point each place's zone at its entry there.  m->pos[i] = where the i-th
 * place read (m->place_id[i]) is now. */
static enum hop_status sort_places(struct view_maps *m, struct desk_day_view *out,
                                   struct cached_place *pl, size_t np, struct hop_err *err)
{
	size_t nz = out->nzones, shown = 0, big = nz > np ? nz : np;
	struct zone_key *zk = malloc((nz ? nz : 1) * sizeof *zk);
	struct place_key *pk = malloc((np ? np : 1) * sizeof *pk);
	uint32_t *order = malloc((big ? big : 1) * sizeof *order);
	struct desk_day_zone ztmp;
	struct cached_place tmp;

	m->pos = malloc((np ? np : 1) * sizeof *m->pos);
	if (!zk || !pk || !order || !m->pos) {
		free(zk);
		free(pk);
		free(order);
		return bk_view_oom(err);
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
		pl[i].zone = m->zx[pl[i].zone].rank;
		pk[i] = (struct place_key){ &pl[i], pl[i].zone, (uint32_t)i };
	}
	bk_permute(out->zones, nz, sizeof *out->zones, order, &ztmp);
	out->nzones = shown;

	if (!bk_group_sort(pk, np, sizeof *pk, offsetof(struct place_key, rank), (uint32_t)shown,
	                   place_key_cmp)) {
		free(zk);
		free(pk);
		free(order);
		return bk_view_oom(err);
	}
	for (size_t k = 0; k < np; k++) {
		order[k] = pk[k].i;
		m->pos[pk[k].i] = (uint32_t)k;
	}
	bk_permute(pl, np, sizeof *pl, order, &tmp);
	free(zk);
	free(pk);
	free(order);
	return HOP_OK;
}

/* ---- the places, kept on the connection ---- */

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
	struct desk_day_view all;              /* its zones and strings only */
	struct bk_view_cache *c = calloc(1, sizeof *c);
	size_t nread;

	memset(&all, 0, sizeof all);
	if (!c || !(c->strings = calloc(1, sizeof *c->strings))) {
		free(c);
		return bk_view_oom(err);
	}
	c->strings->refs = 1;
	all.strings = c->strings;
	if (db_mark(app->db, &c->stamp, err) != HOP_OK ||
	    read_zones(app, 0, 0, &m, &all, err) != HOP_OK ||
	    read_places(app, &m, &all, &c->places, &c->nplaces, err) != HOP_OK)
		goto fail;
	nread = all.nzones;
	if (sort_places(&m, &all, c->places, c->nplaces, err) != HOP_OK)
		goto fail;
	c->team_lead = malloc((all.nzones ? all.nzones : 1) * sizeof *c->team_lead);
	if (!c->team_lead) {
		bk_view_oom(err);
		goto fail;
	}
	/* sort_places ranked the zones read (m.zx, in read order). */
	for (size_t i = 0; i < nread; i++)
		if (m.zx[i].places)
			c->team_lead[m.zx[i].rank] = m.zx[i].team_lead;
	c->zones = all.zones;
	c->nzones = all.nzones;
	c->place_id = m.place_id;
	c->pos = m.pos;
	all.zones = NULL;
	m.place_id = NULL;
	m.pos = NULL;
	view_maps_free(&m);
	*out = c;
	return HOP_OK;
fail:
	free(all.zones);
	view_maps_free(&m);
	bk_view_cache_free(c);
	return err->status;
}

/* The cache, read again when the database has changed.  Inside a
 * transaction a fresh one that the caller frees (*own): what it reads may
 * yet be rolled back, which no stamp would show. */
enum hop_status bk_view_cache_get(struct hop_app *app, struct bk_view_cache **c, bool *own,
                                  struct hop_err *err)
{
	struct db_mark now;

	*own = false;
	if (db_in_transaction(app->db)) {
		*own = true;
		return cache_read(app, c, err);
	}
	if (app->view_cache) {
		if (db_mark(app->db, &now, err) != HOP_OK)
			return err->status;
		if (db_mark_same(&now, &app->view_cache->stamp)) {
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
