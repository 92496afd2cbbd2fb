/* The demo organisation's bookings: who comes in on which day and where they
 * sit, made day by day in memory and written through the bulk path.
 *
 * Everyone has a weekly rhythm (one to three office days, up to four in a
 * crowded office; often the team's day among them; leads three; new hires
 * every day of their first weeks) and
 * a favourite desk in their team's zone.  Each working day the owners of
 * fixed desks sit down first, then the others in a random order: their
 * favourite desk, another in the team zone, the nearest free desk on their
 * floor, then on the other floors of their site.  When no desk is free for
 * the whole day a free morning or afternoon is taken.  Meeting and creative
 * rooms are booked by people who are in that day; team rooms by the team's
 * lead, mostly on the team's day.  The in-memory occupancy makes a double
 * booking impossible; the unique indexes would refuse one anyway. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/demo/demo.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "hop/core/calendar/workday.h"
#include "demo_internal.h"
#include "demo_bookings_int.h"

#define YEAR_DAYS 365

static void gen_free(struct gen *g)
{
	for (size_t i = 0; i < g->nfloors; i++) {
		free(g->floors[i].desks);
		free(g->floors[i].near);
	}
	free(g->floors);
	free(g->desks);
	free(g->rooms);
	free(g->site_ids);
	free(g->teams);
	free(g->people);
	free(g->taken);
	free(g->comers);
	free(g->working);
}

/* ---- one day ---- */

static bool employed(const struct bk_person *p, hop_date day)
{
	return p->start <= day && (p->end == HOP_DATE_NONE || day <= p->end);
}

static void day_reset(struct gen *g)
{
	memset(g->taken, 0, g->ndesks);
	for (size_t i = 0; i < g->nfloors; i++) {
		struct bk_floor *f = &g->floors[i];
		f->free_am = f->free_pm = f->free_day = f->n;
	}
}

static bool fits(const struct gen *g, int desk, unsigned half)
{
	return (g->taken[desk] & half) == 0;
}

static enum hop_status take(struct gen *g, int person, int desk, hop_date day, unsigned half,
                            struct hop_err *err)
{
	struct bk_floor *f = &g->floors[g->desks[desk].floor];
	unsigned before = g->taken[desk], after = before | half;

	if (booking_bulk_add(g->bulk, g->desks[desk].id, g->people[person].id, day, half, false, 1,
	                     err) != HOP_OK)
		return err->status;
	g->taken[desk] = (uint8_t)after;
	f->free_am -= !(before & HALF_AM) && (after & HALF_AM);
	f->free_pm -= !(before & HALF_PM) && (after & HALF_PM);
	f->free_day -= before == 0;
	g->rows++;
	return HOP_OK;
}

static bool floor_has(const struct bk_floor *f, unsigned half)
{
	return half == HALF_DAY ? f->free_day > 0 : half == HALF_AM ? f->free_am > 0 : f->free_pm > 0;
}

/* A free desk on floor fl for half, looking from a random place on. */
static int on_floor(struct gen *g, int fl, unsigned half)
{
	const struct bk_floor *f = &g->floors[fl];
	int start;

	if (!floor_has(f, half))
		return -1;
	start = (int)rng_below(&g->r, (uint32_t)f->n);
	for (int k = 0; k < f->n; k++) {
		int d = f->desks[(start + k) % f->n];
		if (fits(g, d, half))
			return d;
	}
	return -1;
}

/* Favourite desk, team zone, own floor, then the site's other floors, nearest first. */
static int find_desk(struct gen *g, const struct bk_person *p, unsigned half)
{
	const struct bk_floor *near;
	int d;

	if (p->fav >= 0 && fits(g, p->fav, half))
		return p->fav;
	if (p->team >= 0) {
		const struct bk_team *t = &g->teams[p->team];
		for (int k = 0; k < t->zone_n; k++)
			if (fits(g, t->zone_first + k, half))
				return t->zone_first + k;
	}
	if (!g->nfloors)
		return -1;
	if ((d = on_floor(g, p->floor, half)) >= 0)
		return d;
	near = &g->floors[p->floor];
	for (int k = 0; k < near->nnear; k++)
		if ((d = on_floor(g, near->near[k], half)) >= 0)
			return d;
	return -1;
}

static unsigned want_half(struct gen *g, const struct bk_person *p)
{
	switch (p->style) {
	case STYLE_MORNINGS:
		return rng_pct(&g->r, 85) ? HALF_AM : HALF_DAY;
	case STYLE_AFTERNOONS:
		return rng_pct(&g->r, 85) ? HALF_PM : HALF_DAY;
	default:
		if (p->fixed >= 0 || !rng_pct(&g->r, (uint32_t)g->h.half_pct))
			return HALF_DAY;
		return rng_pct(&g->r, 55) ? HALF_AM : HALF_PM;
	}
}

/* Does person p come in on day (a working day at their site)? */
static bool comes(struct gen *g, const struct bk_person *p, hop_date day)
{
	int wd = date_weekday(day);

	if (!employed(p, day) || !g->working[p->site])
		return false;
	/* New hires are in the office every day of their first weeks. */
	if (day - p->start < g->onboarding_days)
		return rng_pct(&g->r, 95);
	if (p->days & (1u << wd))
		return rng_pct(&g->r, 88);   /* leave, illness, a day at home after all */
	return rng_pct(&g->r, 4);
}

static enum hop_status seat_people(struct gen *g, hop_date day, struct hop_err *err)
{
	g->ncomers = 0;
	for (size_t i = 0; i < g->npeople; i++)
		if (comes(g, &g->people[i], day))
			g->comers[g->ncomers++] = (int)i;
	for (int i = g->ncomers; i > 1; i--) {
		int j = (int)rng_below(&g->r, (uint32_t)i), t = g->comers[i - 1];
		g->comers[i - 1] = g->comers[j];
		g->comers[j] = t;
	}
	/* Owners claim their fixed desks before anyone else books. */
	for (int i = 0; i < g->ncomers; i++) {
		const struct bk_person *p = &g->people[g->comers[i]];
		if (p->fixed >= 0 && take(g, g->comers[i], p->fixed, day, HALF_DAY, err) != HOP_OK)
			return err->status;
	}
	for (int i = 0; i < g->ncomers; i++) {
		const struct bk_person *p = &g->people[g->comers[i]];
		unsigned half;
		int d;

		if (p->fixed >= 0)
			continue;
		half = want_half(g, p);
		d = find_desk(g, p, half);
		if (d < 0 && half == HALF_DAY) {
			/* No desk for the whole day: a free morning, or a free afternoon. */
			half = rng_pct(&g->r, 50) ? HALF_AM : HALF_PM;
			if ((d = find_desk(g, p, half)) < 0) {
				half ^= HALF_DAY;
				d = find_desk(g, p, half);
			}
		}
		if (d >= 0 && take(g, g->comers[i], d, day, half, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static enum hop_status room_add(struct gen *g, const struct bk_room *r, int person,
                                hop_date day, unsigned half, int lo, struct hop_err *err)
{
	int hi = r->capacity, attendees;

	if (r->team >= 0 && g->teams[r->team].members < hi)
		hi = g->teams[r->team].members;
	if (hi < lo)
		hi = lo;
	attendees = lo + (int)rng_below(&g->r, (uint32_t)(hi - lo + 1));
	if (attendees > r->capacity)
		attendees = r->capacity;
	if (booking_bulk_add(g->bulk, r->id, g->people[person].id, day, half, true, attendees,
	                     err) != HOP_OK)
		return err->status;
	g->rows++;
	return HOP_OK;
}

/* Someone in the office at the site today, or -1. */
static int someone_at(struct gen *g, int site)
{
	for (int tries = 0; tries < 16 && g->ncomers; tries++) {
		int p = g->comers[rng_below(&g->r, (uint32_t)g->ncomers)];
		if (g->people[p].site == site)
			return p;
	}
	return -1;
}

static enum hop_status book_rooms(struct gen *g, hop_date day, struct hop_err *err)
{
	int wd = date_weekday(day);

	for (size_t i = 0; i < g->nrooms; i++) {
		const struct bk_room *r = &g->rooms[i];
		int p;

		if (!g->working[r->site])
			continue;
		if (r->kind == DESK_KIND_TEAM_ROOM) {
			const struct bk_team *t = r->team >= 0 ? &g->teams[r->team] : NULL;
			if (!t || t->lead < 0 || !employed(&g->people[t->lead], day))
				continue;
			if (rng_pct(&g->r, t->day == wd ? (uint32_t)g->h.team_day_pct : 8) &&
			    room_add(g, r, t->lead, day, rng_pct(&g->r, 60) ? HALF_AM : HALF_DAY,
			             3, err) != HOP_OK)
				return err->status;
			continue;
		}
		if (r->kind == DESK_KIND_CREATIVE_ROOM) {
			/* Workshops take the whole day. */
			if (rng_pct(&g->r, (uint32_t)g->h.creative_pct) && (p = someone_at(g, r->site)) >= 0 &&
			    room_add(g, r, p, day, HALF_DAY, 3, err) != HOP_OK)
				return err->status;
			continue;
		}
		for (unsigned half = HALF_AM; half <= HALF_PM; half++)
			if (rng_pct(&g->r, (uint32_t)g->h.meeting_pct) &&
			    (p = someone_at(g, r->site)) >= 0 &&
			    room_add(g, r, p, day, half, 2, err) != HOP_OK)
				return err->status;
	}
	return HOP_OK;
}

static enum hop_status generate(struct gen *g, hop_date from, hop_date to, struct hop_err *err)
{
	bool any;

	for (hop_date day = from; day <= to; day++) {
		any = false;
		for (size_t s = 0; s < g->nsites; s++)
			any |= g->working[s] = workday_is_working(g->app, g->site_ids[s], day);
		if (!any)
			continue;
		day_reset(g);
		if (seat_people(g, day, err) != HOP_OK || book_rooms(g, day, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* A large batch: the database's hints for it (db_bulk), before and after. */
void demo_bulk_setup(struct hop_app *app, bool big)
{
	db_bulk(app->db, big);
}

static enum hop_status run(struct gen *g, uint64_t seed, struct hop_err *err)
{
	hop_date today = clock_today(), from, to;
	int horizon = g->app->cfg.booking_horizon_days;
	char detail[160], a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];

	if (demo_load_teams(g, err) != HOP_OK || demo_load_places(g, err) != HOP_OK ||
	    demo_load_people(g, err) != HOP_OK)
		return err->status;
	if (!g->ndesks && !g->nrooms)
		return HOP_OK;   /* nowhere to sit: nothing to book */
	g->onboarding_days = 7 * g->app->cfg.onboarding_office_weeks;
	g->taken = calloc(g->ndesks ? g->ndesks : 1, 1);
	g->working = calloc(g->nsites ? g->nsites : 1, sizeof *g->working);
	if (!g->taken || !g->working)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	to = today + horizon;
	from = g->npeople <= DEMO_DEFAULT_PEOPLE ? today : to - (YEAR_DAYS - 1);

	if (db_begin(g->app->db, err) != HOP_OK)
		return err->status;
	if (booking_bulk_begin(g->app, &g->bulk, err) != HOP_OK) {
		db_rollback(g->app->db);
		return err->status;
	}
	if (generate(g, from, to, err) != HOP_OK) {
		booking_bulk_end(g->bulk);
		db_rollback(g->app->db);
		return err->status;
	}
	booking_bulk_end(g->bulk);
	snprintf(detail, sizeof detail, "bookings=%zu from=%s to=%s seed=%llu", g->rows,
	         date_format(from, a), date_format(to, b), (unsigned long long)seed);
	if (audit_write(g->app, "demo.bookings", "demo", detail, err) != HOP_OK ||
	    db_commit(g->app->db, err) != HOP_OK) {
		db_rollback(g->app->db);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status demo_add_bookings(struct hop_app *app, uint64_t seed, size_t *rows,
                                  struct hop_err *err)
{
	struct gen g;
	enum hop_status st;

	if (!seed)
		seed = DEMO_DEFAULT_SEED;
	memset(&g, 0, sizeof g);
	g.app = app;
	g.r = rng_stream(seed, 3);
	demo_bulk_setup(app, true);
	st = run(&g, seed, err);
	demo_bulk_setup(app, false);
	if (rows)
		*rows = st == HOP_OK ? g.rows : 0;
	gen_free(&g);
	return st;
}
