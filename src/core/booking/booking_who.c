/* Reading one day: who is in, and what is free.  Who is in is one query on
 * the day index over active bookings, with names hidden as the privacy rule
 * says as rows are read, and the maps it needs kept on the connection; what
 * is free is the candidate places the acting user may book. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

/* ---- who is in ----
 *
 * A day has thousands of rows, so who reads them lean: the floors (with their
 * sites), zones, teams and places are read once each into arrays in id
 * order, and the day's bookings with their people in one range of
 * booking_day, in person order, so that the person look-ups walk the index
 * person_names forwards (INDEXED BY: the planner would rather look in the
 * table, which is twice the pages and then no longer fits SQLite's default
 * page cache beside the rest).  Each string is kept once in the list's pool,
 * each team's name is folded once, each array is allocated once and the rows
 * are sorted by small keys: memory is what costs most here, every fresh page
 * touched being a page fault. */

struct who_zone { const char *site, *floor, *zone; };
struct who_team {
	const char *name, *fold;               /* fold: NULL until a row shows the team */
	int64_t lead;                          /* the current lead, 0 = none or dissolved */
	uint32_t rank;                         /* position of the name among those shown */
};
struct who_place { const char *code; enum desk_kind kind; uint32_t zone; };

struct who_maps {
	int64_t *zone_id, *team_id, *place_id; /* ascending; parallel to the arrays below */
	struct who_zone *zones;
	struct who_team *teams;
	struct who_place *places;
	size_t nzones, nteams, nplaces;
	size_t zcap, tcap, pcap;
	bool borrowed;                         /* all but teams are the cache's */
	/* Everyone, when the maps are the cache's (else NULL): the rows then
	 * need no look-up in person. */
	int64_t *person_id;                    /* ascending */
	struct who_person *people;
	size_t npeople;
};
struct who_person { const char *login, *name, *fold; int64_t team_id; };

static void who_maps_free(struct who_maps *m)
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

static enum hop_status who_oom(struct hop_err *err)
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
		return oom ? who_oom(err) : db_fail(app->db, err, _("reading the zones"));
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
		return who_oom(err);
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
		return who_oom(err);
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
		return who_oom(err);
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
	who_maps_free(&c->m);
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
		return who_oom(err);
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
		return who_oom(err);
	}
	c->strings->refs = 1;
	if (db_mark(app->db, &c->stamp, err) != HOP_OK ||
	    who_load_maps(app, 0, 0, c->strings, &c->m, err) != HOP_OK ||
	    who_load_people(app, c->strings, &c->m, err) != HOP_OK) {
		bk_who_cache_free(c);
		return err->status;
	}
	*out = c;
	return HOP_OK;
}

/* The maps for team_id and site_id into m, their strings kept by pool: from
 * the cache when both are 0 and no transaction is open (what it reads might
 * yet be rolled back, which no stamp would show), else read as they are. */
static enum hop_status who_maps_get(struct hop_app *app, int64_t team_id, int64_t site_id,
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
	if (!c) {
		if (who_cache_read(app, &app->who_cache, err) != HOP_OK)
			return err->status;
		c = app->who_cache;
	}
	*m = c->m;
	m->borrowed = true;
	m->teams = malloc((c->m.nteams ? c->m.nteams : 1) * sizeof *m->teams);
	if (!m->teams)
		return who_oom(err);
	if (c->m.nteams)
		memcpy(m->teams, c->m.teams, c->m.nteams * sizeof *m->teams);
	bk_pool_share(pool, c->strings);
	return HOP_OK;
}

/* Sorting: hidden bookers last (their place in a team order would tell their
 * team), then by team (people without a team after those with one), then by
 * name, both in the German order; the folded forms are made once per team
 * and once per row, and a team's position is one number. */
#define WHO_NO_TEAM (UINT32_MAX - 1)     /* while reading; then the rank after the teams' */
#define WHO_HIDDEN UINT32_MAX              /* ... and the one after that */

struct who_key {
	const char *fold;                      /* the name, folded */
	const struct hop_who *w;               /* the row, once all are read */
	uint32_t group;                        /* the team in maps (WHO_NO_TEAM, WHO_HIDDEN)
	                                          while reading; then its rank (no team and
	                                          hidden: the two ranks after the teams') */
	uint32_t i;                            /* the row's index */
};

static int who_cmp(const void *a, const void *b)
{
	const struct who_key *kx = a, *ky = b;
	const struct hop_who *x = kx->w, *y = ky->w;
	int c;

	if (kx->group != ky->group)
		return kx->group < ky->group ? -1 : 1;
	if ((c = strcmp(kx->fold, ky->fold)) != 0 || (c = strcmp(x->name, y->name)) != 0)
		return c;
	if ((c = strcmp(x->login, y->login)) != 0)
		return c;
	if ((x->half & HALF_AM) != (y->half & HALF_AM))
		return (x->half & HALF_AM) ? -1 : 1;
	if ((c = desk_code_compare(x->desk, y->desk)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int team_cmp(const void *a, const void *b)
{
	const struct who_team *x = *(struct who_team *const *)a, *y = *(struct who_team *const *)b;
	int c;

	if ((c = strcmp(x->fold, y->fold)) != 0)
		return c;
	return strcmp(x->name, y->name);
}

/* The teams the rows show, ranked by name: equal names, equal rank.
 * *nranks = how many ranks. */
static enum hop_status who_rank_teams(struct who_maps *m, uint32_t *nranks,
                                      struct hop_err *err)
{
	struct who_team **shown;
	size_t n = 0;

	*nranks = 0;
	if (!m->nteams)
		return HOP_OK;
	if (!(shown = malloc(m->nteams * sizeof *shown)))
		return who_oom(err);
	for (size_t i = 0; i < m->nteams; i++)
		if (m->teams[i].fold)
			shown[n++] = &m->teams[i];
	qsort(shown, n, sizeof *shown, team_cmp);
	for (size_t i = 0, rank = 0; i < n; i++) {
		if (i && team_cmp(&shown[i - 1], &shown[i]) != 0)
			rank++;
		shown[i]->rank = (uint32_t)rank;
		*nranks = (uint32_t)rank + 1;
	}
	free(shown);
	return HOP_OK;
}

static enum hop_status who_sort(struct hop_who_list *l, struct who_maps *m,
                                struct who_key *k, struct hop_err *err)
{
	uint32_t *order, nranks;
	struct hop_who tmp;

	if (l->n < 2)
		return HOP_OK;
	if (who_rank_teams(m, &nranks, err) != HOP_OK)
		return err->status;
	if (!(order = malloc(l->n * sizeof *order)))
		return who_oom(err);
	for (size_t i = 0; i < l->n; i++) {
		k[i].w = &l->v[k[i].i];
		k[i].group = k[i].group == WHO_HIDDEN ? nranks + 1
		           : k[i].group == WHO_NO_TEAM ? nranks : m->teams[k[i].group].rank;
	}
	if (!bk_group_sort(k, l->n, sizeof *k, offsetof(struct who_key, group), nranks + 2,
	                   who_cmp)) {
		free(order);
		return who_oom(err);
	}
	for (size_t i = 0; i < l->n; i++)
		order[i] = k[i].i;
	bk_permute(l->v, l->n, sizeof *l->v, order, &tmp);
	free(order);
	return HOP_OK;
}

void booking_who_free(struct hop_who_list *l)
{
	if (!l)
		return;
	free(l->v);
	bk_pool_free(l->strings);
	free(l->strings);
	l->v = NULL;
	l->strings = NULL;
	l->n = 0;
}

/* The day's rows: each booking with its person, the privacy rule applied as
 * it is read, and its sorting key. */
static enum hop_status who_read(struct hop_app *app, hop_date day, int64_t team_id,
                                struct who_maps *m, struct hop_who_list *out,
                                struct who_key **keys, struct hop_err *err)
{
	char fold[HOP_NAME_MAX * 3 + 2];
	struct db_stmt *st;
	bool oom = false;
	int rc;
	/* A place has at most two active bookings a day (the unique indexes), so
	 * the rows are allocated once without counting them; pages not used are
	 * never touched. */
	size_t cap = m->nplaces * 2, kcap = cap;

	/* am + 2 pm is the half (HALF_AM, HALF_PM, HALF_DAY): one column less to
	 * read per row. */
	if (m->people)             /* everyone is in the maps: the index booking_day alone */
		st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, "
		             "b.booked_by, b.attendees FROM booking b "
		             "WHERE b.day = ?1 AND b.cancelled_at IS NULL", err);
	else
		st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am + 2 * b.pm, b.person_id, "
		             "b.booked_by, b.attendees, p.login, p.name, p.team_id "
		             "FROM booking b JOIN person p INDEXED BY person_names ON p.id = b.person_id "
		             "WHERE b.day = ?1 AND b.cancelled_at IS NULL AND (?2 = 0 OR p.team_id = ?2)",
		             err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, day);
	if (!m->people)
		db_bind_int64(st, 2, team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_who *w;
		struct who_key *k;
		const struct who_place *p;
		struct who_team *t = NULL;
		size_t at = bk_find_id(m->place_id, m->nplaces, db_col_int64(st, 1)), ti;
		int64_t person = db_col_int64(st, 3), tid;
		const struct who_person *who = NULL;

		if (at == SIZE_MAX)
			continue;          /* a place at another site */
		if (m->people) {
			size_t pi = bk_find_id(m->person_id, m->npeople, person);
			if (pi == SIZE_MAX)
				continue;  /* as the join would: no such person */
			who = &m->people[pi];
			tid = who->team_id;
		} else {
			tid = db_col_int64(st, 8);
		}
		if (out->n >= UINT32_MAX - 1 ||
		    (oom = !bk_fit(&out->v, sizeof *out->v, NULL, out->n, &cap) ||
		           !bk_fit(keys, sizeof **keys, NULL, out->n, &kcap)))
			break;
		w = &out->v[out->n];
		k = &(*keys)[out->n];
		p = &m->places[at];
		ti = tid ? bk_find_id(m->team_id, m->nteams, tid) : SIZE_MAX;
		if (ti != SIZE_MAX)
			t = &m->teams[ti];
		w->id = db_col_int64(st, 0);
		w->half = (unsigned)db_col_int(st, 2) & HALF_DAY;
		w->desk_id = db_col_int64(st, 1);
		w->desk = p->code;
		w->kind = p->kind;
		w->site = m->zones[p->zone].site;
		w->floor = m->zones[p->zone].floor;
		w->zone = m->zones[p->zone].zone;
		w->attendees = db_col_int(st, 5);
		k->i = (uint32_t)out->n;
		if (!authz_booker_visible(app, person, tid, t ? t->lead : 0,
		                          db_col_int64(st, 4))) {
			/* Asked for one team, a hidden row would tell where that team's
			 * people sit: it goes, as in booking_list. */
			if (team_id)
				continue;
			/* Nothing that tells who: not the id, not the team. */
			w->hidden = true;
			w->person_id = 0;
			w->login = w->name = w->team = "";
			k->fold = "";
			k->group = WHO_HIDDEN;
			out->n++;
			continue;
		}
		w->hidden = false;
		w->person_id = person;
		if (who) {
			w->login = who->login;
			w->name = who->name;
			k->fold = who->fold;
		} else {
			w->login = bk_pool_col(out->strings, st, 6);
			w->name = bk_pool_col(out->strings, st, 7);
			if ((oom = !w->login || !w->name))
				break;
			fold_text(w->name, FOLD_A, fold, sizeof fold);
			if ((oom = !(k->fold = bk_pool_strn(out->strings, fold, strlen(fold)))))
				break;
		}
		w->team = "";
		k->group = WHO_NO_TEAM;
		if (t) {
			if (!t->fold) {
				fold_text(t->name, FOLD_A, fold, sizeof fold);
				if ((oom = !(t->fold = bk_pool_strn(out->strings, fold, strlen(fold)))))
					break;
			}
			w->team = t->name;
			k->group = (uint32_t)ti;
		}
		out->n++;
	}
	db_reset(st);
	if (oom || rc == DB_ROW)
		return who_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

enum hop_status booking_who(struct hop_app *app, hop_date day, const char *team,
                            const char *site, struct hop_who_list *out,
                            struct hop_err *err)
{
	struct who_maps m = { 0 };
	struct who_key *keys = NULL;
	int64_t team_id, site_id;
	enum hop_status rc = HOP_OK;

	memset(out, 0, sizeof *out);
	out->day = day;
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (bk_resolve_team_site(app, team, site, &team_id, &site_id, err) != HOP_OK)
		return err->status;
	if (!(out->strings = calloc(1, sizeof *out->strings)))
		return who_oom(err);
	if (who_maps_get(app, team_id, site_id, out->strings, &m, err) != HOP_OK ||
	    who_read(app, day, team_id, &m, out, &keys, err) != HOP_OK ||
	    who_sort(out, &m, keys, err) != HOP_OK) {
		booking_who_free(out);
		rc = err->status;
	}
	free(keys);
	who_maps_free(&m);
	return rc;
}

enum hop_status booking_free(struct hop_app *app, hop_date day, unsigned half,
                             const struct desk_filter *f, struct hop_desk_list *out,
                             struct hop_err *err)
{
	struct bk_want w = { .day = day, .halves = half ? half : HALF_DAY, .rooms = 0,
	                     .min_capacity = 1 };
	struct bk_place_list l;
	int64_t team_unused;
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (w.halves > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon or "
		                "the whole day"));
	if (f) {
		w.rooms = f->rooms;
		w.attrs = f->attrs;
		if (bk_resolve_team_site(app, NULL, f->site, &team_unused, &w.site_id, err) != HOP_OK)
			return err->status;
		if (f->zone && *f->zone) {
			struct hop_zone z;
			if (zone_get(app, f->zone, &z, err) != HOP_OK)
				return err->status;
			w.zone_id = z.id;
		}
	}
	if (bk_check_day(app, w.site_id, day, err) != HOP_OK)
		return err->status;
	w.for_person = app->actor.known ? app->actor.person.id : 0;
	if (bk_candidates(app, &w, &l, err) != HOP_OK)
		return err->status;
	/* What the acting user may book: free, and open to them. */
	for (size_t i = 0; i < l.n; i++)
		if (bk_bookable(app, app->actor.known ? &app->actor.person : NULL, &l.v[i]))
			l.v[k++] = l.v[i];
	out->v = calloc(k ? k : 1, sizeof *out->v);
	if (!out->v) {
		bk_place_list_free(&l);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing free places"));
	}
	for (size_t i = 0; i < k; i++)
		bk_place_to_desk(&l.v[i], &out->v[i]);
	out->n = out->cap = k;
	bk_place_list_free(&l);
	return HOP_OK;
}
