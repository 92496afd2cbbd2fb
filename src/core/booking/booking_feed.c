/* A calendar feed's bookings: a person's, a place's or a site's, read from
 * the booking table alone, one index per feed, with each place's names
 * taken from a map of every place read once per feed session (a publish run
 * reads 25,000 feeds through one).  booking_each joins place, zone, floor,
 * site, both people and the booker's team for every row: for a site's year
 * of 400,000 bookings that, and reading them desk by desk, page by page all
 * over the table, cost three times what writing them does.  A site's are
 * read day by day, as they lie in the table. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/people/membership.h"
#include "booking_int.h"

struct feed_zone {
	int64_t id;
	char zone[HOP_ZONE_NAME_MAX + 1];
	char floor[HOP_FLOOR_NAME_MAX + 1];
	char site[HOP_SITE_NAME_MAX + 1];
};

struct feed_place {
	int64_t id;
	char code[HOP_CODE_MAX + 1];
	char name[HOP_PLACE_NAME_MAX + 1];
	enum desk_kind kind;
	size_t zone;                           /* index into zones */
};

struct booking_feed {
	struct hop_app *app;
	struct feed_zone *zones;
	size_t nzones, zcap;
	struct feed_place *places;             /* by id */
	size_t nplaces, pcap;
};

void booking_feed_close(struct booking_feed *bf)
{
	if (!bf)
		return;
	free(bf->zones);
	free(bf->places);
	free(bf);
}

static enum hop_status feed_oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while listing bookings"));
}

static size_t zone_index(const struct booking_feed *bf, int64_t id)
{
	size_t lo = 0, hi = bf->nzones;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (bf->zones[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct feed_place *place_find(const struct booking_feed *bf, int64_t id)
{
	size_t lo = 0, hi = bf->nplaces;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (bf->places[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < bf->nplaces && bf->places[lo].id == id ? &bf->places[lo] : NULL;
}

/* Every zone with its floor and site, every place (retired ones too: their
 * bookings stay in the feeds), in id order. */
static enum hop_status maps_load(struct booking_feed *bf, struct hop_err *err)
{
	struct hop_app *app = bf->app;
	struct db_stmt *st;
	int rc;

	bf->nzones = bf->nplaces = 0;
	st = db_stmt(app->db, "SELECT z.id, z.name, f.name, s.name FROM zone z "
	             "JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id "
	             "ORDER BY z.id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&bf->zones, &bf->zcap, bf->nzones + 1, sizeof *bf->zones)) {
			db_reset(st);
			return feed_oom(err);
		}
		struct feed_zone *z = &bf->zones[bf->nzones++];
		z->id = db_col_int64(st, 0);
		db_col_copy(st, 1, z->zone, sizeof z->zone);
		db_col_copy(st, 2, z->floor, sizeof z->floor);
		db_col_copy(st, 3, z->site, sizeof z->site);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));

	st = db_stmt(app->db, "SELECT id, code, coalesce(name, ''), kind, zone_id FROM desk "
	             "ORDER BY id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		size_t z = zone_index(bf, db_col_int64(st, 4));
		if (z == bf->nzones || bf->zones[z].id != db_col_int64(st, 4))
			continue;                  /* a zone made since: read again when needed */
		if (!vec_grow(&bf->places, &bf->pcap, bf->nplaces + 1, sizeof *bf->places)) {
			db_reset(st);
			return feed_oom(err);
		}
		struct feed_place *p = &bf->places[bf->nplaces++];
		p->id = db_col_int64(st, 0);
		db_col_copy(st, 1, p->code, sizeof p->code);
		db_col_copy(st, 2, p->name, sizeof p->name);
		p->kind = bk_kind(db_col_text(st, 3));
		p->zone = z;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

enum hop_status booking_feed_open(struct hop_app *app, struct booking_feed **out,
                                  struct hop_err *err)
{
	struct booking_feed *bf = calloc(1, sizeof *bf);
	*out = NULL;
	if (!bf)
		return feed_oom(err);
	bf->app = app;
	if (maps_load(bf, err) != HOP_OK) {
		booking_feed_close(bf);
		return err->status;
	}
	*out = bf;
	return HOP_OK;
}

/* The columns every path reads: the row, the booker's name only when it may
 * be shown (?8), their team and its lead only when the privacy rule needs
 * them (?9): a lazy CASE, so that the membership is not looked up for each
 * of a year's bookings when nothing asks for it. */
#define FEED_SELECT "SELECT b.id, b.day, b.am, b.pm, b.desk_id, b.person_id, b.booked_by, " \
	"coalesce(b.note, ''), b.sequence, b.cancelled_at IS NOT NULL, " \
	"substr(b.cancelled_at, 1, 10), " \
	"CASE WHEN ?8 = 1 THEN (SELECT p.name FROM person p WHERE p.id = b.person_id) " \
	"ELSE '' END, coalesce(t.id, 0), " \
	"CASE WHEN t.dissolved_on IS NULL THEN coalesce(t.lead_id, 0) ELSE 0 END " \
	"FROM booking b LEFT JOIN team t ON t.id = CASE WHEN ?9 = 1 THEN " \
	MEMBERSHIP_TEAM_SQL("b.person_id", "b.day") " END "
/* Cancelled bookings only from ?10 on: older ones have left the feeds. */
#define FEED_CANCELLED "(b.cancelled_at IS NULL OR b.cancelled_at >= ?10)"
/* A site's places.  "+ 0" keeps the planner from reading the site's
 * bookings desk by desk through booking_desk_day (a page of the table for
 * nearly every row); the test runs on the day index's own column. */
#define FEED_SITE_DESKS "b.desk_id + 0 IN (SELECT d.id FROM desk d " \
	"JOIN zone z ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id WHERE f.site_id = ?7)"

/* Step st to its end, each row to fn as a booking (the place's names from
 * the map; read again once when a place made since turns up). */
static enum hop_status feed_rows(struct booking_feed *bf, struct db_stmt *st, bool drop_hidden,
                                 booking_fn fn, void *ctx, struct hop_err *err)
{
	struct hop_app *app = bf->app;
	struct hop_booking b;
	bool reloaded = false;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		int64_t desk_id = db_col_int64(st, 4);
		const struct feed_place *pl = place_find(bf, desk_id);
		if (!pl && !reloaded) {
			reloaded = true;
			if (maps_load(bf, err) != HOP_OK) {
				db_reset(st);
				return err->status;
			}
			pl = place_find(bf, desk_id);
		}
		if (!pl) {
			db_reset(st);
			return hop_fail(err, HOP_EDB, _("reading bookings: place %lld is missing"),
			                (long long)desk_id);
		}
		memset(&b, 0, sizeof b);
		b.id = db_col_int64(st, 0);
		b.day = db_col_date(st, 1);
		b.half = (db_col_int(st, 2) ? HALF_AM : 0) | (db_col_int(st, 3) ? HALF_PM : 0);
		b.desk_id = desk_id;
		memcpy(b.desk, pl->code, sizeof b.desk);
		memcpy(b.desk_name, pl->name, sizeof b.desk_name);
		b.kind = pl->kind;
		memcpy(b.site, bf->zones[pl->zone].site, sizeof b.site);
		memcpy(b.floor, bf->zones[pl->zone].floor, sizeof b.floor);
		memcpy(b.zone, bf->zones[pl->zone].zone, sizeof b.zone);
		b.person_id = db_col_int64(st, 5);
		db_col_copy(st, 7, b.note, sizeof b.note);
		b.sequence = db_col_int(st, 8);
		b.cancelled = db_col_int(st, 9) != 0;
		b.cancelled_on = b.cancelled ? db_col_date(st, 10) : HOP_DATE_NONE;
		if (!authz_booker_visible(app, b.person_id, db_col_int64(st, 12), db_col_int64(st, 13),
		                          db_col_int64(st, 6))) {
			if (drop_hidden)
				continue;
			b.hidden = true;
			b.person_id = 0;
		} else {
			db_col_copy(st, 11, b.name, sizeof b.name);
		}
		if (fn(ctx, &b, err) != HOP_OK) {
			db_reset(st);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

enum hop_status booking_feed_each(struct booking_feed *bf, const struct booking_feed_query *q,
                                  booking_fn fn, void *ctx, struct hop_err *err)
{
	struct hop_app *app = bf->app;
	struct booking_filter f = { .person = q->person, .desk = q->desk, .site = q->site,
	                            .from = q->from, .to = q->to };
	int64_t person_id = 0, desk_id = 0, team_id = 0, site_id = 0;
	hop_date from, to;
	struct db_stmt *st;

	if (bk_list_days(app, &f, &from, &to, err) != HOP_OK)
		return err->status;
	if (q->person && *q->person) {
		struct hop_person p;
		if (person_get(app, q->person, &p, err) != HOP_OK)
			return err->status;
		person_id = p.id;
	} else if (q->desk && *q->desk) {
		struct bk_place p;
		if (bk_place_get(app, q->desk, &p, err) != HOP_OK)
			return err->status;
		desk_id = p.id;
	} else if (bk_resolve_team_site(app, NULL, q->site, &team_id, &site_id, err) != HOP_OK) {
		return err->status;
	}
	/* Only a person's rows are dropped when hidden (asking for someone's
	 * bookings must not tell whose the hidden ones are), so only they need
	 * the booker's team; names only where they may be shown at all. */
	bool names = app->cfg.show_booker_names == CFG_NAMES_ALL;
	/* Whether the acting user sees a booker who is neither them nor booked
	 * by them, whatever the team: then no row needs its team (facilities
	 * and admins, or names shown to all). */
	bool whole = person_id && q->whole_person;
	bool team = person_id && !whole && app->cfg.show_booker_names == CFG_NAMES_TEAM &&
	            !authz_booker_visible(app, -1, 0, 0, -1);

	for (int pass = 0; pass < (person_id || desk_id ? 1 : 2); pass++) {
		if (person_id)
			st = db_stmt(app->db, FEED_SELECT "WHERE b.person_id = ?1 "
			             "AND b.day BETWEEN ?2 AND ?3 AND " FEED_CANCELLED, err);
		else if (desk_id)
			st = db_stmt(app->db, FEED_SELECT "WHERE b.desk_id = ?5 "
			             "AND b.day BETWEEN ?2 AND ?3 AND " FEED_CANCELLED, err);
		else if (pass == 0)
			/* The active ones day by day through the day index... */
			st = db_stmt(app->db, FEED_SELECT "WHERE b.day BETWEEN ?2 AND ?3 "
			             "AND b.cancelled_at IS NULL AND " FEED_SITE_DESKS, err);
		else
			/* ...then the few cancelled lately (db/sqlite/0012_speed.sql: their own index). */
			st = db_stmt(app->db, FEED_SELECT "WHERE b.cancelled_at >= ?10 "
			             "AND b.day BETWEEN ?2 AND ?3 AND " FEED_SITE_DESKS, err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, person_id);
		db_bind_date(st, 2, from);
		db_bind_date(st, 3, to);
		db_bind_int64(st, 5, desk_id);
		db_bind_int64(st, 7, site_id);
		db_bind_int(st, 8, names);
		db_bind_int(st, 9, team);
		if (q->cancelled_since == HOP_DATE_NONE)
			db_bind_text(st, 10, "");   /* every cancellation: any text is >= "" */
		else
			db_bind_date(st, 10, q->cancelled_since);
		if (feed_rows(bf, st, person_id != 0 && !whole, fn, ctx, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}
