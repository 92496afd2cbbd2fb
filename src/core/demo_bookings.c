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

#include "hop/app.h"
#include "hop/audit.h"
#include "hop/booking.h"
#include "hop/clock.h"
#include "hop/db.h"
#include "hop/demo.h"
#include "hop/i18n.h"
#include "hop/person.h"
#include "hop/place.h"
#include "hop/workday.h"
#include "demo_internal.h"

#define YEAR_DAYS 365

/* How people use the office: tuned so that the default demo is a calm
 * office of mostly whole days, while a large organisation (one desk for
 * four people) shares most desks between a morning and an afternoon person. */
struct habits {
	int part_time_pct;     /* people who come for half days (mostly mornings) */
	int half_pct;          /* others: a half day now and then */
	int days_lo, days_hi;  /* office days a week, leads and new hires aside */
	bool spread;           /* the week is planned: team days on all five days, no
	                          favourite weekdays (else Tuesday to Thursday) */
	int meeting_pct;       /* a meeting room is booked for a half day */
	int creative_pct;
	int team_day_pct;      /* the team room on the team's day */
};

struct bk_desk {
	int64_t id;
	int floor;             /* index into floors */
	int64_t owner_id;      /* a fixed desk's owner, 0 = shared */
};

struct bk_room {
	int64_t id;
	enum desk_kind kind;
	int capacity, site, team;   /* team: index of the team of a team room, else -1 */
};

struct bk_floor {
	int site, level;
	int *desks, n;         /* indices into desks */
	int *near, nnear;      /* the site's other floors, nearest first */
	int free_am, free_pm, free_day;   /* desks with that half (both halves) free today */
};

struct bk_team {
	int64_t id, zone_id;
	int zone_first, zone_n;    /* its zone's desks: desks[zone_first ..] */
	int floor, site;
	int64_t lead_id;           /* 0 = none */
	int lead;                  /* person index, -1 = none */
	int members;
	int day;                   /* the team's day in the office, 1..5 */
};

enum style { STYLE_FULL, STYLE_MORNINGS, STYLE_AFTERNOONS };

struct bk_person {
	int64_t id;
	hop_date start, end;       /* end HOP_DATE_NONE = employed */
	int team;                  /* -1 = none */
	int floor, site;
	int fav, fixed;            /* desk indices, -1 = none */
	unsigned days;             /* weekdays in the office: bit 1 = Monday ... bit 5 = Friday */
	enum style style;
};

struct gen {
	struct hop_app *app;
	struct rng r;
	struct habits h;
	struct bk_desk *desks;
	size_t ndesks;
	struct bk_room *rooms;
	size_t nrooms;
	struct bk_floor *floors;
	size_t nfloors;
	int64_t *site_ids;
	size_t nsites;
	struct bk_team *teams;
	size_t nteams;
	struct bk_person *people;
	size_t npeople;
	uint8_t *taken;            /* per desk today: HALF_AM | HALF_PM bits */
	int *comers, ncomers;      /* today's people in the office, in booking order */
	bool *working;             /* per site: today is a working day there */
	struct booking_bulk *bulk;
	size_t rows;
	int onboarding_days;
};

static void habits_for(struct habits *h, size_t people, size_t desks)
{
	/* 0 at the default demo's 4 people to 3 desks, 1 at four people a desk. */
	long t = desks ? ((long)people * 100 / (long)desks - 133) * 100 / (400 - 133) : 0;

	t = t < 0 ? 0 : t > 100 ? 100 : t;
	h->part_time_pct = (int)(15 + 50 * t / 100);
	h->half_pct = (int)(8 + 37 * t / 100);
	h->days_lo = 1;
	h->days_hi = t >= 50 ? 4 : 3;
	h->spread = t >= 50;
	h->meeting_pct = (int)(25 + 25 * t / 100);
	h->creative_pct = (int)(15 + 20 * t / 100);
	h->team_day_pct = 80;
}

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

static int find_id(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return (int)i;
	return -1;
}

/* Index of the team with this id (teams are sorted by id), -1 if none. */
static int team_index(const struct gen *g, int64_t id)
{
	size_t lo = 0, hi = g->nteams;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->teams[mid].id == id)
			return (int)mid;
		if (g->teams[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int person_index(const struct gen *g, int64_t id)
{
	size_t lo = 0, hi = g->npeople;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->people[mid].id == id)
			return (int)mid;
		if (g->people[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int by_team_id(const void *a, const void *b)
{
	int64_t x = ((const struct bk_team *)a)->id, y = ((const struct bk_team *)b)->id;
	return (x > y) - (x < y);
}

static int by_person_id(const void *a, const void *b)
{
	int64_t x = ((const struct bk_person *)a)->id, y = ((const struct bk_person *)b)->id;
	return (x > y) - (x < y);
}

static enum hop_status load_teams(struct gen *g, struct hop_err *err)
{
	struct hop_team_list tl = { 0 };

	if (team_list(g->app, false, &tl, err) != HOP_OK)
		return err->status;
	g->teams = calloc(tl.n ? tl.n : 1, sizeof *g->teams);
	if (!g->teams) {
		team_list_free(&tl);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < tl.n; i++) {
		struct bk_team *t = &g->teams[i];
		t->id = tl.v[i].id;
		t->zone_first = -1;
		t->floor = -1;
		t->lead = -1;
		t->lead_id = tl.v[i].lead_id;
		t->members = tl.v[i].members;
	}
	g->nteams = tl.n;
	qsort(g->teams, g->nteams, sizeof *g->teams, by_team_id);
	team_list_free(&tl);
	return HOP_OK;
}

static enum hop_status grow_floors(struct gen *g, const struct hop_desk *d, struct hop_err *err)
{
	struct bk_floor *f = realloc(g->floors, (g->nfloors + 1) * sizeof *f);
	int s;

	if (!f)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	g->floors = f;
	f = &g->floors[g->nfloors];
	memset(f, 0, sizeof *f);
	s = find_id(g->site_ids, g->nsites, d->zone.site_id);
	if (s < 0) {
		int64_t *ids = realloc(g->site_ids, (g->nsites + 1) * sizeof *ids);
		if (!ids)
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		g->site_ids = ids;
		ids[g->nsites] = d->zone.site_id;
		s = (int)g->nsites++;
	}
	f->site = s;
	f->level = d->zone.level;
	g->nfloors++;
	return HOP_OK;
}

/* Desks and rooms in the order desk_list gives (site, floor, zone, code), so
 * that a zone's desks and a floor's zones lie together. */
static enum hop_status load_places(struct gen *g, struct hop_err *err)
{
	struct desk_filter f = { NULL, NULL, 0, -1, false };
	struct hop_desk_list dl = { 0 };
	int64_t floor_id = 0;
	enum hop_status st = HOP_OK;

	if (desk_list(g->app, &f, &dl, err) != HOP_OK)
		return err->status;
	g->desks = calloc(dl.n ? dl.n : 1, sizeof *g->desks);
	g->rooms = calloc(dl.n ? dl.n : 1, sizeof *g->rooms);
	if (!g->desks || !g->rooms) {
		desk_list_free(&dl);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < dl.n && st == HOP_OK; i++) {
		const struct hop_desk *d = &dl.v[i];
		int team = d->zone.team_id ? team_index(g, d->zone.team_id) : -1;

		if (d->zone.floor_id != floor_id || !g->nfloors) {
			if ((st = grow_floors(g, d, err)) != HOP_OK)
				break;
			floor_id = d->zone.floor_id;
		}
		if (d->kind != DESK_KIND_DESK) {
			struct bk_room *r = &g->rooms[g->nrooms++];
			r->id = d->id;
			r->kind = d->kind;
			r->capacity = d->capacity;
			r->site = g->floors[g->nfloors - 1].site;
			r->team = d->kind == DESK_KIND_TEAM_ROOM ? team : -1;
			continue;
		}
		/* A desk only some may book is left to them: the demo makes none. */
		if (d->bookable != BOOKABLE_ALL)
			continue;
		/* A team's zone is its first one; desk_list keeps a zone's desks together. */
		if (team >= 0) {
			struct bk_team *t = &g->teams[team];
			if (t->zone_first < 0) {
				t->zone_first = (int)g->ndesks;
				t->zone_id = d->zone.id;
				t->floor = (int)g->nfloors - 1;
				t->site = g->floors[t->floor].site;
			}
			if (d->zone.id == t->zone_id)
				t->zone_n++;
		}
		g->desks[g->ndesks].id = d->id;
		g->desks[g->ndesks].floor = (int)g->nfloors - 1;
		g->desks[g->ndesks].owner_id = d->owner_id;
		g->ndesks++;
	}
	desk_list_free(&dl);
	if (st != HOP_OK)
		return st;
	for (size_t i = 0; i < g->ndesks; i++)
		g->floors[g->desks[i].floor].n++;
	for (size_t i = 0; i < g->nfloors; i++) {
		struct bk_floor *fl = &g->floors[i];
		fl->desks = calloc(fl->n ? (size_t)fl->n : 1, sizeof *fl->desks);
		fl->near = calloc(g->nfloors, sizeof *fl->near);
		if (!fl->desks || !fl->near)
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		fl->n = 0;
		/* The site's other floors by distance in levels, nearest first. */
		for (size_t j = 0; j < g->nfloors; j++) {
			int k, dj = abs(g->floors[j].level - fl->level);
			if (j == i || g->floors[j].site != fl->site)
				continue;
			for (k = fl->nnear; k > 0 &&
			     abs(g->floors[fl->near[k - 1]].level - fl->level) > dj; k--)
				fl->near[k] = fl->near[k - 1];
			fl->near[k] = (int)j;
			fl->nnear++;
		}
	}
	for (size_t i = 0; i < g->ndesks; i++) {
		struct bk_floor *fl = &g->floors[g->desks[i].floor];
		fl->desks[fl->n++] = (int)i;
	}
	return HOP_OK;
}

/* A weekly rhythm: k distinct weekdays, the team's day likely among them;
 * Mondays and Fridays are the least liked office days. */
static unsigned pick_days(struct rng *r, int k, int team_day, bool spread)
{
	static const int liked[6] = { 0, 9, 12, 11, 11, 6 }, even[6] = { 0, 10, 10, 10, 10, 9 };
	const int *weight = spread ? even : liked;
	unsigned days = 0;

	if (team_day && rng_pct(r, 70)) {
		days |= 1u << team_day;
		k--;
	}
	while (k > 0) {
		int x = (int)rng_below(r, 49), d = 1;
		while (x >= weight[d]) {
			x -= weight[d];
			d++;
		}
		if (!(days & (1u << d))) {
			days |= 1u << d;
			k--;
		}
	}
	return days;
}

static enum hop_status load_people(struct gen *g, struct hop_err *err)
{
	struct person_filter f = { NULL, NULL, true };
	struct hop_person_list pl = { 0 };

	if (person_list(g->app, &f, &pl, err) != HOP_OK)
		return err->status;
	habits_for(&g->h, pl.n, g->ndesks);
	/* Tuesday to Thursday are the usual team days; a crowded office spreads
	 * its teams over the week. */
	for (size_t i = 0; i < g->nteams; i++)
		g->teams[i].day = g->h.spread ? 1 + (int)rng_below(&g->r, 5)
		                              : 2 + (int)rng_below(&g->r, 3);
	g->people = calloc(pl.n ? pl.n : 1, sizeof *g->people);
	g->comers = calloc(pl.n ? pl.n : 1, sizeof *g->comers);
	if (!g->people || !g->comers) {
		person_list_free(&pl);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < pl.n; i++) {
		const struct hop_person *p = &pl.v[i];
		struct bk_person *q = &g->people[i];

		q->id = p->id;
		q->start = p->start;
		q->end = p->end;
		q->team = p->team_id ? team_index(g, p->team_id) : -1;
		q->fav = q->fixed = -1;
		q->floor = 0;
		q->site = 0;
		if (q->team >= 0 && g->teams[q->team].zone_n > 0) {
			const struct bk_team *t = &g->teams[q->team];
			q->floor = t->floor;
			q->site = t->site;
			q->fav = t->zone_first + (int)rng_below(&g->r, (uint32_t)t->zone_n);
		} else if (g->nfloors) {
			q->floor = (int)rng_below(&g->r, (uint32_t)g->nfloors);
			q->site = g->floors[q->floor].site;
		}
		if (p->roles & ROLE_LEAD)
			q->days = pick_days(&g->r, 3, q->team >= 0 ? g->teams[q->team].day : 0,
			                    g->h.spread);
		else
			q->days = pick_days(&g->r, g->h.days_lo + (int)rng_below(&g->r,
			                    (uint32_t)(g->h.days_hi - g->h.days_lo + 1)),
			                    q->team >= 0 ? g->teams[q->team].day : 0, g->h.spread);
		q->style = STYLE_FULL;
		if (!(p->roles & ROLE_LEAD) && rng_pct(&g->r, (uint32_t)g->h.part_time_pct))
			q->style = rng_pct(&g->r, 70) ? STYLE_MORNINGS : STYLE_AFTERNOONS;
	}
	g->npeople = pl.n;
	person_list_free(&pl);
	qsort(g->people, g->npeople, sizeof *g->people, by_person_id);

	/* Now that people have indices: team leads and desk owners. */
	for (size_t i = 0; i < g->nteams; i++)
		if (g->teams[i].lead_id)
			g->teams[i].lead = person_index(g, g->teams[i].lead_id);
	for (size_t i = 0; i < g->ndesks; i++)
		if (g->desks[i].owner_id) {
			int p = person_index(g, g->desks[i].owner_id);
			if (p >= 0) {
				g->people[p].fixed = (int)i;
				g->people[p].fav = (int)i;
				g->people[p].style = STYLE_FULL;
			}
		}
	return HOP_OK;
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

/* A large batch touches every page of the booking indexes: with SQLite's
 * default 2 MB page cache they would be written out and read back again and
 * again, and every INSERT's statement journal (the foreign keys and the
 * is_room trigger need one) would go to a temporary file.  temp_store takes
 * effect for transactions begun after it.  Both are only hints: a failure
 * costs time, never correctness, so it is not reported. */
void demo_bulk_setup(struct hop_app *app, bool big)
{
	struct hop_err ignored;
	sqlite3_stmt *a = db_stmt(app->db, big ? "PRAGMA cache_size = -1048576"
	                                       : "PRAGMA cache_size = -2000", &ignored);
	sqlite3_stmt *b;

	if (a) {
		while (sqlite3_step(a) == SQLITE_ROW)
			;
		sqlite3_reset(a);
	}
	b = db_stmt(app->db, big ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT",
	            &ignored);
	if (b) {
		while (sqlite3_step(b) == SQLITE_ROW)
			;
		sqlite3_reset(b);
	}
}

static enum hop_status run(struct gen *g, uint64_t seed, struct hop_err *err)
{
	hop_date today = clock_today(), from, to;
	int horizon = g->app->cfg.booking_horizon_days;
	char detail[160], a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];

	if (load_teams(g, err) != HOP_OK || load_places(g, err) != HOP_OK ||
	    load_people(g, err) != HOP_OK)
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
