/* One day of all desks and rooms: the Desks screen's data.  Two queries, no
 * more, whatever the number of desks: the places (with zones, floors, sites,
 * owners) and the day's active bookings (with their people), both on
 * indexes; the slots are filled in memory. */
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
	v->zones = NULL;
	v->v = NULL;
	v->n = v->nzones = 0;
}

/* A place's position in v, found by desk id. */
struct by_id { int64_t id; size_t i; };

static int by_id_cmp(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The places, sorted by site, floor, zone and code; the zones they are in. */
static enum hop_status read_places(struct hop_app *app, hop_date day, const struct desk_filter *f,
                                   int64_t site_id, int64_t zone_id, struct bk_place_list *l,
                                   struct desk_day_view *out, struct hop_err *err)
{
	size_t zcap = 0;
	sqlite3_stmt *st;
	int rc;

	st = db_stmt(app->db, "SELECT " BK_PLACE_COLUMNS BK_PLACE_FROM
	             "WHERE (?2 OR d.retired_on IS NULL OR d.retired_on > ?1) "
	             "AND (?3 < 0 OR (?3 = 0) = (d.kind = 'desk')) "
	             "AND (?4 = 0 OR d.zone_id = ?4) AND (?5 = 0 OR s.id = ?5) "
	             "AND (d.attrs & ?6) = ?6", err);
	if (!st)
		return err->status;
	bk_bind_date(st, 1, day);
	sqlite3_bind_int(st, 2, f && f->include_retired);
	sqlite3_bind_int(st, 3, f ? f->rooms : -1);
	sqlite3_bind_int64(st, 4, zone_id);
	sqlite3_bind_int64(st, 5, site_id);
	sqlite3_bind_int(st, 6, f ? (int)f->attrs : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 256;
			struct bk_place *v = realloc(l->v, cap * sizeof *v);
			if (!v)
				break;
			l->v = v;
			l->cap = cap;
		}
		bk_place_read(st, 0, &l->v[l->n++]);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the desks"));
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the desks"));
	if (bk_place_sort(l->v, l->n, err) != HOP_OK)
		return err->status;
	/* The zones in the same order, each once. */
	for (size_t i = 0; i < l->n; i++) {
		const struct bk_place *p = &l->v[i];
		struct hop_zone *z;

		if (!out->nzones || out->zones[out->nzones - 1].id != p->zone_id) {
			if (out->nzones == zcap) {
				size_t cap = zcap ? zcap * 2 : 16;
				z = realloc(out->zones, cap * sizeof *z);
				if (!z)
					return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the "
					                "desks"));
				out->zones = z;
				zcap = cap;
			}
			z = &out->zones[out->nzones++];
			memset(z, 0, sizeof *z);
			z->id = p->zone_id;
			z->site_id = p->site_id;
			memcpy(z->site, p->site, sizeof z->site);
			z->floor_id = p->floor_id;
			memcpy(z->floor, p->floor, sizeof z->floor);
			z->level = p->level;
			memcpy(z->name, p->zone, sizeof z->name);
			z->team_id = p->zone_team_id;
			memcpy(z->team, p->zone_team, sizeof z->team);
		}
		l->v[i].group = out->nzones - 1;
		if (p->kind == DESK_KIND_DESK)
			out->zones[out->nzones - 1].desks++;
	}
	return HOP_OK;
}

static void fill_slot(const struct hop_app *app, struct desk_day *d, struct desk_slot *s,
                      int64_t id, int64_t person, const char *login, const char *name,
                      bool visible, int attendees)
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
	if (visible) {
		snprintf(s->login, sizeof s->login, "%s", login);
		snprintf(s->name, sizeof s->name, "%s", name);
	} else {
		s->login[0] = s->name[0] = '\0';
	}
}

/* The day's active bookings, into the slots of the places they are for. */
static enum hop_status read_bookings(struct hop_app *app, hop_date day, struct desk_day_view *out,
                                     const struct by_id *index, bool *claimed,
                                     struct hop_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* The booking columns all come from the covering index booking_day; the
	 * teams the actor leads are found once (the IN list), not per row. */
	st = db_stmt(app->db, "SELECT b.id, b.desk_id, b.am, b.pm, b.person_id, p.login, p.name, "
	             "coalesce(p.team_id, 0), CASE WHEN p.team_id IN (SELECT id FROM team "
	             "WHERE lead_id = ?2 AND dissolved_on IS NULL) THEN ?2 ELSE 0 END, "
	             "b.booked_by, b.attendees "
	             "FROM booking b JOIN person p ON p.id = b.person_id "
	             "WHERE b.day = ?1 AND b.cancelled_at IS NULL", err);
	if (!st)
		return err->status;
	bk_bind_date(st, 1, day);
	sqlite3_bind_int64(st, 2, app->actor.known ? app->actor.person.id : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct by_id key = { .id = sqlite3_column_int64(st, 1) };
		const struct by_id *hit = bsearch(&key, index, out->n, sizeof *index, by_id_cmp);
		int64_t id = sqlite3_column_int64(st, 0), person = sqlite3_column_int64(st, 4);
		const char *login = (const char *)sqlite3_column_text(st, 5);
		const char *name = (const char *)sqlite3_column_text(st, 6);
		bool visible;
		struct desk_day *d;

		if (!hit)
			continue;          /* a place the filter left out */
		d = &out->v[hit->i];
		visible = booking_name_visible(app, person, sqlite3_column_int64(st, 7),
		                               sqlite3_column_int64(st, 8),
		                               sqlite3_column_int64(st, 9));
		if (sqlite3_column_int(st, 2))
			fill_slot(app, d, &d->am, id, person, login ? login : "", name ? name : "",
			          visible, sqlite3_column_int(st, 10));
		if (sqlite3_column_int(st, 3))
			fill_slot(app, d, &d->pm, id, person, login ? login : "", name ? name : "",
			          visible, sqlite3_column_int(st, 10));
		if (d->owner_id && person == d->owner_id)
			claimed[hit->i] = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(app->db, err, _("reading the day's bookings"));
	return HOP_OK;
}

enum hop_status booking_day_view(struct hop_app *app, hop_date day, const struct desk_filter *f,
                                 struct desk_day_view *out, struct hop_err *err)
{
	struct bk_place_list l = { 0 };
	struct hop_err why;
	struct by_id *index = NULL;
	bool *claimed = NULL;
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

	if (read_places(app, day, f, site_id, zone_id, &l, out, err) != HOP_OK)
		goto fail;
	out->v = calloc(l.n ? l.n : 1, sizeof *out->v);
	index = calloc(l.n ? l.n : 1, sizeof *index);
	claimed = calloc(l.n ? l.n : 1, sizeof *claimed);
	if (!out->v || !index || !claimed) {
		hop_fail(err, HOP_ENOMEM, _("out of memory while reading the desks"));
		goto fail;
	}
	out->n = l.n;
	for (size_t i = 0; i < l.n; i++) {
		const struct bk_place *p = &l.v[i];
		struct desk_day *d = &out->v[i];
		enum slot_state open = out->working_day && bk_bookable(app, me, p) ? SLOT_FREE
		                                                                   : SLOT_CLOSED;

		d->desk_id = p->id;
		memcpy(d->code, p->code, sizeof d->code);
		memcpy(d->name, p->name, sizeof d->name);
		d->kind = p->kind;
		d->capacity = p->capacity;
		d->attrs = p->attrs;
		d->owner_id = p->owner_id;
		memcpy(d->owner_name, p->owner_name, sizeof d->owner_name);
		d->zone = p->group;
		d->am.state = d->pm.state = open;
		index[i].id = p->id;
		index[i].i = i;
	}
	qsort(index, out->n, sizeof *index, by_id_cmp);
	if (read_bookings(app, day, out, index, claimed, err) != HOP_OK)
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
	free(index);
	free(claimed);
	bk_place_list_free(&l);
	return HOP_OK;
fail:
	free(index);
	free(claimed);
	bk_place_list_free(&l);
	desk_day_view_free(out);
	return err->status;
}
