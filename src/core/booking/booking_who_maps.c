/* Who is in: the maps a day's rows are read against.  The floors (with their
 * sites), zones, teams and places in id order, read once each, and for the
 * unfiltered day (the screen's and the usual command's) kept on the
 * connection while the database is unchanged, with everyone's names from
 * the second day asked for on. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "booking_int.h"
#include "booking_who_int.h"

void bk_who_maps_free(struct who_maps *m)
{
	free(m->teams);
	if (m->borrowed)
		return;
	free(m->person_id);
	free(m->people);
	free(m->zone_id);
	free(m->team_id);
	free(m->place_id);
	free(m->zones);
	free(m->places);
}

enum hop_status bk_who_oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while listing bookings"));
}

/* The zones as "site", "floor", "zone" (of one site, if site_id), the teams
 * (one, if team_id) and the places in those zones: a row whose place or team
 * is not in the maps is one the filter leaves out.  Each is read in id order
 * and counted first, so that each array is allocated once. */
static enum hop_status who_load_maps(struct hop_app *app, int64_t team_id, int64_t site_id,
                                     struct bk_pool *pool, struct who_maps *m,
                                     struct hop_err *err)
{
	struct who_zone *floors = NULL;        /* site and floor names; zone unused */
	int64_t *floor_id = NULL;
	size_t nfloors = 0, fcap = 0;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM zone", err), &m->zcap,
	               err) != HOP_OK ||
	    bk_count(app, db_stmt(app->db, "SELECT count(*) FROM team", err), &m->tcap,
	               err) != HOP_OK ||
	    bk_count(app, db_stmt(app->db, "SELECT count(*) FROM desk", err), &m->pcap,
	               err) != HOP_OK)
		return err->status;

	/* The floors (a few dozen) with their sites' names, then the zones on
	 * them: cheaper than looking up floor and site for each zone. */
	st = db_stmt(app->db, "SELECT f.id, s.name, f.name FROM floor f "
	             "JOIN site s ON s.id = f.site_id WHERE ?1 = 0 OR f.site_id = ?1 ORDER BY f.id",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, site_id);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((oom = !bk_fit(&floors, sizeof *floors, &floor_id, nfloors, &fcap)))
			break;
		floors[nfloors].site = bk_pool_col(pool, st, 1);
		floors[nfloors].floor = bk_pool_col(pool, st, 2);
		floors[nfloors].zone = "";
		if ((oom = !floors[nfloors].site || !floors[nfloors].floor))
			break;
		floor_id[nfloors++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom || rc != DB_DONE) {
		free(floors);
		free(floor_id);
		return oom ? bk_who_oom(err) : db_fail(app->db, err, _("reading the zones"));
	}
	st = db_stmt(app->db, "SELECT id, floor_id, name FROM zone ORDER BY id", err);
	if (!st) {
		free(floors);
		free(floor_id);
		return err->status;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		size_t f = bk_find_id(floor_id, nfloors, db_col_int64(st, 1));
		struct who_zone *z;

		if (f == SIZE_MAX)
			continue;          /* at another site */
		if ((oom = !bk_fit(&m->zones, sizeof *m->zones, &m->zone_id, m->nzones, &m->zcap)))
			break;
		z = &m->zones[m->nzones];
		z->site = floors[f].site;
		z->floor = floors[f].floor;
		if ((oom = !(z->zone = bk_pool_col(pool, st, 2))))
			break;
		m->zone_id[m->nzones++] = db_col_int64(st, 0);
	}
	db_reset(st);
	free(floors);
	free(floor_id);
	if (oom)
		return bk_who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the zones"));

	st = db_stmt(app->db, "SELECT id, name, "
	             "CASE WHEN dissolved_on IS NULL THEN coalesce(lead_id, 0) ELSE 0 END "
	             "FROM team WHERE ?1 = 0 OR id = ?1 ORDER BY id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct who_team *t;

		if ((oom = !bk_fit(&m->teams, sizeof *m->teams, &m->team_id, m->nteams, &m->tcap)))
			break;
		t = &m->teams[m->nteams];
		t->name = bk_pool_col(pool, st, 1);
		t->fold = NULL;
		t->lead = db_col_int64(st, 2);
		t->rank = 0;
		if ((oom = !t->name))
			break;
		m->team_id[m->nteams++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom)
		return bk_who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the teams"));

	st = db_stmt(app->db, "SELECT id, zone_id, code, kind FROM desk ORDER BY id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		struct who_place *p;
		size_t zone = bk_find_id(m->zone_id, m->nzones, db_col_int64(st, 1));

		if (zone == SIZE_MAX)
			continue;          /* at another site */
		if ((oom = !bk_fit(&m->places, sizeof *m->places, &m->place_id, m->nplaces, &m->pcap)))
			break;
		p = &m->places[m->nplaces];
		p->zone = (uint32_t)zone;
		p->code = bk_pool_col(pool, st, 2);
		p->kind = bk_kind(db_col_text(st, 3));
		if ((oom = !p->code))
			break;
		m->place_id[m->nplaces++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom)
		return bk_who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the desks"));
	return HOP_OK;
}

/* The maps of all sites and teams (what who shows unfiltered, the screen's
 * and the usual command's) do not change from one day to the next: kept on
 * the connection while the database is unchanged.  A list made from them
 * shares their strings; its teams are its own copy (folds and ranks are the
 * list's). */
struct bk_who_cache {
	struct db_mark stamp;                 /* the database when read */
	struct bk_pool *strings;               /* shared with the lists made from it */
	struct who_maps m;
};

void bk_who_cache_free(struct bk_who_cache *c)
{
	if (!c)
		return;
	bk_who_maps_free(&c->m);
	bk_pool_release(c->strings);
	free(c);
}

/* Everyone's login, name (and its fold) and team, in id order. */
static enum hop_status who_load_people(struct hop_app *app, struct bk_pool *pool,
                                       struct who_maps *m, struct hop_err *err)
{
	char fold[HOP_NAME_MAX * 3 + 2];
	size_t cap = 0;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM person", err), &cap,
	             err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT id, login, name, team_id FROM person ORDER BY id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		struct who_person *p;

		if ((oom = !bk_fit(&m->people, sizeof *m->people, &m->person_id, m->npeople, &cap)))
			break;
		p = &m->people[m->npeople];
		p->login = bk_pool_col(pool, st, 1);
		p->name = bk_pool_col(pool, st, 2);
		p->team_id = db_col_int64(st, 3);
		if ((oom = !p->login || !p->name))
			break;
		fold_text(p->name, FOLD_A, fold, sizeof fold);
		if ((oom = !(p->fold = bk_pool_strn(pool, fold, strlen(fold)))))
			break;
		m->person_id[m->npeople++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom)
		return bk_who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the people"));
	return HOP_OK;
}

static enum hop_status who_cache_read(struct hop_app *app, struct bk_who_cache **out,
                                      struct hop_err *err)
{
	struct bk_who_cache *c = calloc(1, sizeof *c);

	if (!c || !(c->strings = calloc(1, sizeof *c->strings))) {
		free(c);
		return bk_who_oom(err);
	}
	c->strings->refs = 1;
	if (db_mark(app->db, &c->stamp, err) != HOP_OK ||
	    who_load_maps(app, 0, 0, c->strings, &c->m, err) != HOP_OK) {
		bk_who_cache_free(c);
		return err->status;
	}
	*out = c;
	return HOP_OK;
}

/* From the cache when team_id and site_id are 0 and no transaction is open
 * (what it reads might yet be rolled back, which no stamp would show), else
 * read as they are. */
enum hop_status bk_who_maps_get(struct hop_app *app, int64_t team_id, int64_t site_id,
                                struct bk_pool *pool, struct who_maps *m,
                                struct hop_err *err)
{
	struct bk_who_cache *c = app->who_cache;
	struct db_mark now;

	if (team_id || site_id || db_in_transaction(app->db))
		return who_load_maps(app, team_id, site_id, pool, m, err);
	if (c) {
		if (db_mark(app->db, &now, err) != HOP_OK)
			return err->status;
		if (!db_mark_same(&now, &c->stamp)) {
			bk_who_cache_free(c);
			app->who_cache = c = NULL;
		}
	}
	/* Everyone's names are read into the cache when a day is asked for
	 * again on the connection: one day (a command) reads only its bookers'
	 * names, with its rows. */
	if (!c) {
		if (who_cache_read(app, &app->who_cache, err) != HOP_OK)
			return err->status;
		c = app->who_cache;
	} else if (!c->m.people && who_load_people(app, c->strings, &c->m, err) != HOP_OK) {
		bk_who_cache_free(c);
		app->who_cache = NULL;
		return err->status;
	}
	*m = c->m;
	m->borrowed = true;
	m->teams = malloc((c->m.nteams ? c->m.nteams : 1) * sizeof *m->teams);
	if (!m->teams)
		return bk_who_oom(err);
	if (c->m.nteams)
		memcpy(m->teams, c->m.teams, c->m.nteams * sizeof *m->teams);
	bk_pool_share(pool, c->strings);
	return HOP_OK;
}
