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
 * another changes the database; a day then costs only the bookings query.
 * This file holds the day's bookings and the filling of the view; the places
 * and their cache are in booking_view_places.c. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"
#include "booking_int.h"
#include "booking_view_int.h"

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

enum hop_status bk_view_oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the desks"));
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
	struct db_stmt *st;
	bool oom = false;
	int rc;

	*n = 0;
	if (!app->actor.known)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT id FROM team WHERE lead_id = ?1 AND dissolved_on IS NULL",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, app->actor.person.id);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((oom = !bk_fit(led, sizeof **led, NULL, *n, &cap)))
			break;
		(*led)[(*n)++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (oom)
		return bk_view_oom(err);
	if (rc != DB_DONE)
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
	struct bk_team_moves moves;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	if (read_led(app, &led, &nled, err) != HOP_OK) {
		free(led);
		return err->status;
	}
	/* The privacy rule weighs each booker's team on the day. */
	if (bk_team_moves(app, day, &moves, err) != HOP_OK) {
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
		bk_team_moves_free(&moves);
		return err->status;
	}
	db_bind_date(st, 1, day);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0), person = db_col_int64(st, 3);
		int64_t team = bk_team_on(&moves, person, db_col_int64(st, 6));
		int half = db_col_int(st, 2), attendees = db_col_int(st, 8);
		const char *login = "", *name = "";
		struct desk_day *d;
		size_t at = bk_find_id(ids, nids, db_col_int64(st, 1));

		if (at == SIZE_MAX || pos[at] == UINT32_MAX)
			continue;          /* a place the filter left out */
		at = pos[at];
		d = &out->v[at];
		if (authz_booker_visible(app, person, team, led_by_me(app, led, nled, team),
		                         db_col_int64(st, 7))) {
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
	db_reset(st);
	free(led);
	bk_team_moves_free(&moves);
	if (oom)
		return bk_view_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the day's bookings"));
	return HOP_OK;
}

/* ---- the view: the cached places the filter keeps, then the day ---- */

/* The places the filter keeps on day, in order, each free or closed to the
 * acting user; pos[i] = where c->place_id[i] went (UINT32_MAX: left out). */
static enum hop_status view_fill(struct hop_app *app, const struct bk_view_cache *c,
                                 hop_date day, const struct desk_filter *f, int64_t site_id,
                                 int64_t zone_id, uint32_t **pos, struct desk_day_view *out,
                                 struct hop_err *err)
{
	struct hop_person me_on;
	const struct hop_person *me = NULL;
	bool retired_too = f && f->include_retired;
	int rooms = f ? f->rooms : -1;
	int64_t attrs = f ? (int64_t)(int)f->attrs : 0;
	char iso[HOP_DATE_ISO_LEN];
	uint32_t *at = malloc((c->nplaces ? c->nplaces : 1) * sizeof *at);
	uint32_t *zmap = malloc((c->nzones ? c->nzones : 1) * sizeof *zmap);

	/* Desks a team may book: the acting user's team that day. */
	if (app->actor.known) {
		if (bk_person_on(app, &app->actor.person, day, &me_on, err) != HOP_OK) {
			free(at);
			free(zmap);
			return err->status;
		}
		me = &me_on;
	}

	*pos = malloc((c->nplaces ? c->nplaces : 1) * sizeof **pos);
	out->v = malloc((c->nplaces ? c->nplaces : 1) * sizeof *out->v);
	out->zones = malloc((c->nzones ? c->nzones : 1) * sizeof *out->zones);
	if (!at || !zmap || !*pos || !out->v || !out->zones) {
		free(at);
		free(zmap);
		return bk_view_oom(err);
	}
	date_format(day, iso);
	for (size_t z = 0; z < c->nzones; z++)
		zmap[z] = UINT32_MAX;
	for (size_t k = 0; k < c->nplaces; k++) {
		const struct cached_place *p = &c->places[k];
		const struct desk_day_zone *z = &c->zones[p->zone];
		struct desk_day *d;

		at[k] = UINT32_MAX;
		/* The filters as a query would have them: zone and site, retired
		 * (retired_on > day, ISO text), desks or rooms, all of attrs. */
		if ((site_id && z->site_id != site_id) || (zone_id && z->id != zone_id))
			continue;
		if (!retired_too && p->retired && strcmp(p->retired, iso) <= 0)
			continue;
		if (rooms >= 0 && (rooms == 0) != p->is_desk)
			continue;
		if (((int64_t)p->attrs & attrs) != attrs)
			continue;
		if (zmap[p->zone] == UINT32_MAX) {
			zmap[p->zone] = (uint32_t)out->nzones;
			out->zones[out->nzones] = *z;
			out->zones[out->nzones].desks = 0;
			out->nzones++;
		}
		d = &out->v[out->n];
		d->desk_id = p->desk_id;
		d->code = p->code;
		d->name = p->name;
		d->kind = (enum desk_kind)p->kind;
		d->capacity = p->capacity;
		d->attrs = p->attrs;
		d->owner_id = p->owner_id;
		d->owner_name = p->owner_name;
		d->zone = zmap[p->zone];
		d->am = (struct desk_slot){ .login = "", .name = "" };
		d->am.state = out->working_day &&
		              authz_may_book_place(app, me, (enum desk_bookable)p->bookable, z->team_id,
		                                   c->team_lead[p->zone])
		              ? SLOT_FREE : SLOT_CLOSED;
		d->pm = d->am;
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
		bk_view_oom(err);
		goto fail;
	}
	if (bk_view_cache_get(app, &c, &own, err) != HOP_OK)
		goto fail;
	/* The view's zone and place strings are the cache's: it keeps them. */
	bk_pool_share(out->strings, c->strings);
	if (view_fill(app, c, day, f, site_id, zone_id, &pos, out, err) != HOP_OK)
		goto fail;
	if (!(claimed = calloc(out->n ? out->n : 1, 1))) {
		bk_view_oom(err);
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
