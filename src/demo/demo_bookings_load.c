/* Loading the demo's teams, places and people into the booking generator
 * (struct gen): the teams by id, desks and rooms floor by floor with each
 * team's zone, and everyone's weekly rhythm, favourite desk and fixed desk,
 * with the habits that suit the organisation's size. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "demo_bookings_int.h"

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

enum hop_status demo_load_teams(struct gen *g, struct hop_err *err)
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
enum hop_status demo_load_places(struct gen *g, struct hop_err *err)
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

enum hop_status demo_load_people(struct gen *g, struct hop_err *err)
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
