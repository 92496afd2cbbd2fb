/* A calendar feed's bookings: a person's, a place's or a site's, read from
 * the booking table alone, one index per feed, with each place's names
 * taken from a map of every place read once per feed session (a publish run
 * reads 25,000 feeds through one).  booking_each joins place, zone, floor,
 * site, both people and the booker's team for every row: for a site's year
 * of 400,000 bookings that, and reading them desk by desk, page by page all
 * over the table, cost three times what writing them does.  A site's are
 * read day by day, as they lie in the table.  Publishing reads every
 * person's and every place's in one pass each (booking_feed_batch.c). */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_feed_int.h"

static void maps_free(struct booking_feed *bf)
{
	bk_pool_free(&bf->strings);
	free(bf->zones);
	free(bf->places);
	bf->zones = NULL;
	bf->places = NULL;
	bf->nzones = bf->zcap = bf->nplaces = bf->pcap = 0;
}

void booking_feed_close(struct booking_feed *bf)
{
	if (!bf)
		return;
	booking_feed_pass(bf, BOOKING_FEED_EACH);
	maps_free(bf);
	free(bf);
}

static enum hop_status feed_oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while listing bookings"));
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

static size_t zone_find(const struct booking_feed *bf, int64_t id)
{
	size_t lo = 0, hi = bf->nzones;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (bf->zones[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < bf->nzones && bf->zones[lo].id == id ? lo : SIZE_MAX;
}

/* Every zone with its floor and site, every place (retired ones too: their
 * bookings stay in the feeds), in id order; the names kept once in the pool,
 * each array counted first and allocated once. */
static enum hop_status maps_load(struct booking_feed *bf, struct hop_err *err)
{
	struct hop_app *app = bf->app;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	maps_free(bf);
	if (bk_count(app, db_stmt(app->db, "SELECT count(*) FROM zone", err), &bf->zcap,
	             err) != HOP_OK ||
	    bk_count(app, db_stmt(app->db, "SELECT count(*) FROM desk", err), &bf->pcap,
	             err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT z.id, z.name, f.name, s.name FROM zone z "
	             "JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id "
	             "ORDER BY z.id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		struct feed_zone *z;

		if ((oom = !bk_fit(&bf->zones, sizeof *bf->zones, NULL, bf->nzones, &bf->zcap)))
			break;
		z = &bf->zones[bf->nzones];
		z->id = db_col_int64(st, 0);
		z->zone = bk_pool_col(&bf->strings, st, 1);
		z->floor = bk_pool_col(&bf->strings, st, 2);
		z->site = bk_pool_col(&bf->strings, st, 3);
		if ((oom = !z->zone || !z->floor || !z->site))
			break;
		bf->nzones++;
	}
	db_reset(st);
	if (oom)
		return feed_oom(err);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));

	st = db_stmt(app->db, "SELECT id, code, coalesce(name, ''), kind, zone_id FROM desk "
	             "ORDER BY id", err);
	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		size_t z = zone_find(bf, db_col_int64(st, 4));
		struct feed_place *p;

		if (z == SIZE_MAX)
			continue;                  /* a zone made since: read again when needed */
		if ((oom = !bk_fit(&bf->places, sizeof *bf->places, NULL, bf->nplaces, &bf->pcap)))
			break;
		p = &bf->places[bf->nplaces];
		p->id = db_col_int64(st, 0);
		p->code = bk_pool_col(&bf->strings, st, 1);
		p->name = bk_pool_col(&bf->strings, st, 2);
		p->kind = bk_kind(db_col_text(st, 3));
		p->zone = z;
		if ((oom = !p->code || !p->name))
			break;
		bf->nplaces++;
	}
	db_reset(st);
	if (oom)
		return feed_oom(err);
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

/* A site's places.  "+ 0" keeps the planner from reading the site's
 * bookings desk by desk through booking_desk_day (a page of the table for
 * nearly every row); the test runs on the day index's own column. */
#define FEED_SITE_DESKS "b.desk_id + 0 IN (SELECT d.id FROM desk d " \
	"JOIN zone z ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id WHERE f.site_id = ?7)"

/* s into a field of size bytes as db_col_copy would: cut at a character
 * boundary when too long. */
static void put(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

void bf_bind_cancelled(struct db_stmt *st, hop_date since)
{
	if (since == HOP_DATE_NONE)
		db_bind_text(st, 10, "");   /* every cancellation: any text is >= "" */
	else
		db_bind_date(st, 10, since);
}

enum hop_status bf_read_row(struct booking_feed *bf, struct db_stmt *st, bool drop_hidden,
                            bool *reloaded, struct hop_booking *b, bool *keep,
                            struct hop_err *err)
{
	struct hop_app *app = bf->app;
	int64_t desk_id = db_col_int64(st, 4);
	const struct feed_place *pl = place_find(bf, desk_id);
	const struct feed_zone *z;

	*keep = false;
	if (!pl && !*reloaded) {
		*reloaded = true;
		if (maps_load(bf, err) != HOP_OK)
			return err->status;
		pl = place_find(bf, desk_id);
	}
	if (!pl)
		return hop_fail(err, HOP_EDB, _("reading bookings: place %lld is missing"),
		                (long long)desk_id);
	z = &bf->zones[pl->zone];
	memset(b, 0, sizeof *b);
	b->id = db_col_int64(st, 0);
	b->day = db_col_date(st, 1);
	b->half = (db_col_int(st, 2) ? HALF_AM : 0) | (db_col_int(st, 3) ? HALF_PM : 0);
	b->desk_id = desk_id;
	put(b->desk, sizeof b->desk, pl->code);
	put(b->desk_name, sizeof b->desk_name, pl->name);
	b->kind = pl->kind;
	put(b->site, sizeof b->site, z->site);
	put(b->floor, sizeof b->floor, z->floor);
	put(b->zone, sizeof b->zone, z->zone);
	b->person_id = db_col_int64(st, 5);
	db_col_copy(st, 7, b->note, sizeof b->note);
	b->sequence = db_col_int(st, 8);
	b->cancelled = db_col_int(st, 9) != 0;
	b->cancelled_on = b->cancelled ? db_col_date(st, 10) : HOP_DATE_NONE;
	if (!authz_booker_visible(app, b->person_id, db_col_int64(st, 12), db_col_int64(st, 13),
	                          db_col_int64(st, 6))) {
		if (drop_hidden)
			return HOP_OK;
		b->hidden = true;
		b->person_id = 0;
	} else {
		db_col_copy(st, 11, b->name, sizeof b->name);
	}
	*keep = true;
	return HOP_OK;
}

/* Step st to its end, each row to fn as a booking. */
static enum hop_status feed_rows(struct booking_feed *bf, struct db_stmt *st, bool drop_hidden,
                                 booking_fn fn, void *ctx, struct hop_err *err)
{
	struct hop_booking b;
	bool reloaded = false, keep;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		if (bf_read_row(bf, st, drop_hidden, &reloaded, &b, &keep, err) != HOP_OK ||
		    (keep && fn(ctx, &b, err) != HOP_OK)) {
			db_reset(st);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(bf->app->db, err, _("reading bookings"));
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
	if (q->person && *q->person && q->person_id) {
		person_id = q->person_id;
	} else if (q->person && *q->person) {
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

	/* Publishing: from the pass over everyone's, when the feed fits it. */
	if ((person_id && !team && bf->batch.pass == BOOKING_FEED_PEOPLE) ||
	    (desk_id && bf->batch.pass == BOOKING_FEED_PLACES)) {
		bool used;

		if (bf_batch_each(bf, person_id ? person_id : desk_id, from, to, q->cancelled_since,
		                  names, person_id && !whole, fn, ctx, &used, err) != HOP_OK)
			return err->status;
		if (used)
			return HOP_OK;
	}
	for (int pass = 0; pass < (person_id || desk_id ? 1 : 2); pass++) {
		if (person_id)
			/* By day and id: the order of the index, said, and the order a
			 * pass over everyone's has (booking_feed_batch.c). */
			st = db_stmt(app->db, "SELECT " FEED_COLUMNS FEED_FROM "WHERE b.person_id = ?1 "
			             "AND b.day BETWEEN ?2 AND ?3 AND " FEED_CANCELLED
			             " ORDER BY b.day, b.id", err);
		else if (desk_id)
			st = db_stmt(app->db, "SELECT " FEED_COLUMNS FEED_FROM "WHERE b.desk_id = ?5 "
			             "AND b.day BETWEEN ?2 AND ?3 AND " FEED_CANCELLED
			             " ORDER BY b.day, b.id", err);
		else if (pass == 0)
			/* The active ones day by day through the day index... */
			st = db_stmt(app->db, "SELECT " FEED_COLUMNS FEED_FROM "WHERE b.day BETWEEN ?2 AND ?3 "
			             "AND b.cancelled_at IS NULL AND " FEED_SITE_DESKS, err);
		else
			/* ...then the few cancelled lately (db/sqlite/0012_speed.sql: their own index). */
			st = db_stmt(app->db, "SELECT " FEED_COLUMNS FEED_FROM "WHERE b.cancelled_at >= ?10 "
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
		bf_bind_cancelled(st, q->cancelled_since);
		if (feed_rows(bf, st, person_id != 0 && !whole, fn, ctx, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}
