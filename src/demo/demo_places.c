/* The demo organisation's places: "Dienstgebäude Mitte" with its floors, a
 * zone for every team, desks with their attributes, a few fixed desks, and
 * meeting, creative and team rooms.  Larger organisations get more sites
 * (one per thousand desks) and floors (about 180 desks each).  Made through
 * site_add, zone_add and desk_add as the acting admin, like a facilities
 * person would, so every rule of places holds and the audit log shows it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/demo/demo.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "demo_internal.h"

#define DESKS_PER_SITE 1000
#define DESKS_PER_FLOOR 180
#define MIN_DESK_FLOORS 3

static const struct {
	const char *name, *address;
} site_names[] = {
	{ "Dienstgebäude Mitte", "Wilhelmstraße 12, 10117 Berlin" },
	{ "Dienstgebäude Nord", "Müllerstraße 146, 13353 Berlin" },
	{ "Dienstgebäude Süd", "Tempelhofer Damm 165, 12099 Berlin" },
	{ "Dienstgebäude West", "Otto-Suhr-Allee 100, 10585 Berlin" },
	{ "Dienstgebäude Ost", "Frankfurter Allee 35, 10247 Berlin" },
	{ "Außenstelle Köpenick", "Alt-Köpenick 21, 12555 Berlin" },
	{ "Außenstelle Spandau", "Carl-Schurz-Straße 8, 13597 Berlin" },
	{ "Außenstelle Pankow", "Breite Straße 24, 13187 Berlin" },
};
#define SITE_NAMES (int)(sizeof site_names / sizeof site_names[0])

/* Meeting rooms are named after Berlin's waters. */
static const char *const waters[] = {
	"Spree", "Havel", "Dahme", "Panke", "Wuhle", "Erpe", "Nuthe", "Müggelsee",
	"Wannsee", "Tegeler See", "Schlachtensee", "Krumme Lanke", "Landwehrkanal",
	"Teltowkanal", "Rummelsburger See", "Seddinsee", "Zeuthener See", "Flakensee",
};
#define WATERS (int)(sizeof waters / sizeof waters[0])

static const char *const workshops[] = {
	"Werkstatt", "Ideenlabor", "Denkraum", "Kiez", "Atelier",
};
#define WORKSHOPS (int)(sizeof workshops / sizeof workshops[0])

int demo_desk_count(int people)
{
	int d;

	if (people <= DEMO_DEFAULT_PEOPLE)
		d = (3 * people + 3) / 4;
	else
		d = people / 4 > 45 ? people / 4 : 45;
	return d < 2 ? 2 : d;
}

struct site_plan {
	char name[HOP_SITE_NAME_MAX + 1];
	char prefix[4];       /* "" for a single site, else "A", "B", ... before desk codes */
	int desks;            /* desks planned here */
	int floors;           /* desk floors, levels 1..floors; rooms also on level 0 */
	int *next;            /* next desk number per level, 0..floors */
	int *next_room;       /* next room number per level */
};

struct team_plan {
	const struct hop_team *t;
	char zone[HOP_ZONE_NAME_MAX + 1];
	int desks, site, level;
	int first, fixed;     /* first desk's number on its floor; fixed desks planned */
	bool team_room;
};

/* Copy at most max bytes of s, never cutting a UTF-8 sequence. */
static void utf8_copy(char *buf, size_t size, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (max >= size)
		max = size - 1;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
}

static void floor_name(int level, char *buf, size_t size)
{
	if (level == 0)
		snprintf(buf, size, "Erdgeschoss");
	else
		snprintf(buf, size, "%d. Obergeschoss", level);
}

static void zone_path(const struct site_plan *s, int level, const char *zone, char *buf,
                      size_t size)
{
	char floor[HOP_FLOOR_NAME_MAX + 1];

	floor_name(level, floor, sizeof floor);
	snprintf(buf, size, "%s/%s/%s", s->name, floor, zone);
}

/* Desks per team in proportion to its members, at least one each, adding up
 * to total (cumulative rounding keeps the sum exact). */
static void share_desks(struct team_plan *tp, size_t n, int total)
{
	long weight = 0, cum = 0, given = 0;
	int extra = total - (int)n;

	for (size_t i = 0; i < n; i++)
		weight += tp[i].t->members > 0 ? tp[i].t->members : 1;
	for (size_t i = 0; i < n; i++) {
		long upto;
		cum += tp[i].t->members > 0 ? tp[i].t->members : 1;
		upto = extra > 0 ? (cum * extra + weight / 2) / weight : 0;
		tp[i].desks = 1 + (int)(upto - given);
		given = upto;
	}
}

/* Sites take the teams in order, a thousand desks each; within a site the
 * teams fill the floors from the first up, about evenly. */
static enum hop_status plan_sites(struct site_plan *sp, int nsites, struct team_plan *tp,
                                  size_t nteams, int total, struct hop_err *err)
{
	int before = 0;

	for (int s = 0; s < nsites; s++) {
		if (s < SITE_NAMES)
			snprintf(sp[s].name, sizeof sp[s].name, "%s", site_names[s].name);
		else
			snprintf(sp[s].name, sizeof sp[s].name, "Dienstgebäude %d", s + 1);
		if (nsites > 1)
			snprintf(sp[s].prefix, sizeof sp[s].prefix, "%c", 'A' + s);
	}
	for (size_t i = 0; i < nteams; i++) {
		int s = (int)(((long)before + tp[i].desks / 2) * nsites / total);
		tp[i].site = s < nsites ? s : nsites - 1;
		sp[tp[i].site].desks += tp[i].desks;
		before += tp[i].desks;
	}
	for (int s = 0; s < nsites; s++) {
		int f = (sp[s].desks + DESKS_PER_FLOOR - 1) / DESKS_PER_FLOOR;
		sp[s].floors = f < MIN_DESK_FLOORS ? MIN_DESK_FLOORS : f;
		sp[s].next = calloc((size_t)sp[s].floors + 1, sizeof *sp[s].next);
		sp[s].next_room = calloc((size_t)sp[s].floors + 1, sizeof *sp[s].next_room);
		if (!sp[s].next || !sp[s].next_room)
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < nteams; i++) {
		struct site_plan *s = &sp[tp[i].site];
		int at = s->next[0];   /* level 0 counts the desks placed at this site so far */
		int level = 1 + (int)(((long)at + tp[i].desks / 2) * s->floors / (s->desks ? s->desks : 1));

		tp[i].level = level > s->floors ? s->floors : level;
		s->next[0] += tp[i].desks;
		tp[i].first = s->next[tp[i].level] + 1;
		s->next[tp[i].level] += tp[i].desks;
		utf8_copy(tp[i].zone, sizeof tp[i].zone, tp[i].t->name, HOP_ZONE_NAME_MAX);
	}
	return HOP_OK;
}

/* Most desks have a second monitor and a docking station; some stand, a few
 * are accessible (the first of every floor, near the lift) or quiet (the
 * corner desks of the larger zones). */
static unsigned desk_attrs(struct rng *r, int number, int k, int zone_desks)
{
	unsigned a = 0;

	if (rng_pct(r, 85)) {
		a |= ATTR_MONITOR;
		if (rng_pct(r, 90))
			a |= ATTR_DOCK;
	} else if (rng_pct(r, 40)) {
		a |= ATTR_DOCK;
	}
	if (rng_pct(r, 20))
		a |= ATTR_STANDING;
	if (number == 1 || rng_pct(r, 4))
		a |= ATTR_ACCESSIBLE;
	if ((zone_desks >= 5 && k == zone_desks - 1) || rng_pct(r, 6))
		a |= ATTR_QUIET;
	return a;
}

/* Fixed desks: the default demo gets three to five, a large organisation one
 * for every hundred desks; half go to team leads, half to the longest-serving
 * staff, each in the owner's team zone while the zone keeps a shared desk. */
static int fixed_count(int total)
{
	int n = total >= 500 ? total / 100 : total / 10;

	if (total < 500)
		n = n < 3 ? 3 : n > 5 ? 5 : n;
	return n > total / 3 ? total / 3 : n;
}

static int by_start(const void *a, const void *b)
{
	const struct hop_person *x = *(const struct hop_person *const *)a;
	const struct hop_person *y = *(const struct hop_person *const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->login, y->login);
}

/* Owners per team: owner[i] names the login, planned with tp[].fixed. */
static enum hop_status plan_owners(struct hop_app *app, struct team_plan *tp, size_t nteams,
                                   int total, struct rng *r, char (*owner)[HOP_LOGIN_MAX + 1],
                                   int *owner_team, int *nowners, struct hop_err *err)
{
	struct person_filter f = { NULL, NULL, false };
	struct hop_person_list pl = { 0 };
	const struct hop_person **senior = NULL;
	size_t *order = NULL;
	hop_date today = clock_today();
	int want = fixed_count(total), n = 0, nsenior = 0;

	*nowners = 0;
	if (want == 0)
		return HOP_OK;
	if (person_list(app, &f, &pl, err) != HOP_OK)
		return err->status;
	senior = calloc(pl.n ? pl.n : 1, sizeof *senior);
	order = calloc(nteams, sizeof *order);
	if (!senior || !order) {
		free(senior);
		free(order);
		person_list_free(&pl);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < pl.n; i++)
		if (pl.v[i].start <= today && pl.v[i].team_id && !(pl.v[i].roles & ROLE_LEAD))
			senior[nsenior++] = &pl.v[i];
	qsort(senior, (size_t)nsenior, sizeof *senior, by_start);

	/* Leads of teams spread over the organisation (teams in a shuffled
	 * order), then the longest-serving staff. */
	for (size_t i = 0; i < nteams; i++)
		order[i] = i;
	for (size_t i = nteams; i > 1; i--) {
		size_t j = rng_below(r, (uint32_t)i), t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (size_t k = 0; n < (want + 1) / 2 && k < nteams; k++) {
		struct team_plan *t = &tp[order[k]];
		if (!t->t->lead_login[0] || t->desks - t->fixed < 2)
			continue;
		snprintf(owner[n], sizeof owner[n], "%s", t->t->lead_login);
		owner_team[n++] = (int)order[k];
		t->fixed++;
	}
	for (int k = 0; n < want && k < nsenior; k++) {
		size_t i;
		for (i = 0; i < nteams && tp[i].t->id != senior[k]->team_id; i++)
			;
		if (i == nteams || tp[i].desks - tp[i].fixed < 2)
			continue;
		snprintf(owner[n], sizeof owner[n], "%s", senior[k]->login);
		owner_team[n++] = (int)i;
		tp[i].fixed++;
	}
	*nowners = n;
	free(order);
	free(senior);
	person_list_free(&pl);
	return HOP_OK;
}

static enum hop_status add_desks(struct hop_app *app, const struct site_plan *sp,
                                 struct team_plan *tp, size_t nteams,
                                 char (*owner)[HOP_LOGIN_MAX + 1], const int *owner_team,
                                 int nowners, struct rng *r, struct hop_err *err)
{
	struct desk_spec d;

	for (size_t i = 0; i < nteams; i++) {
		const struct site_plan *s = &sp[tp[i].site];

		for (int k = 0; k < tp[i].desks; k++) {
			int number = tp[i].first + k, owned = 0;

			memset(&d, 0, sizeof d);
			snprintf(d.code, sizeof d.code, "%s%d.%02d", s->prefix, tp[i].level, number);
			zone_path(s, tp[i].level, tp[i].zone, d.zone, sizeof d.zone);
			d.kind = DESK_KIND_DESK;
			d.attrs = desk_attrs(r, number, k, tp[i].desks);
			d.bookable = BOOKABLE_ALL;
			/* The team's fixed desks are its first ones, by the windows. */
			for (int j = 0; j < nowners; j++)
				if (owner_team[j] == (int)i && owned++ == k) {
					snprintf(d.owner, sizeof d.owner, "%s", owner[j]);
					break;
				}
			if (desk_add(app, &d, err) != HOP_OK)
				return err->status;
		}
	}
	return HOP_OK;
}

static enum hop_status add_room(struct hop_app *app, struct site_plan *s, int level,
                                const char *zone, enum desk_kind kind, const char *name,
                                int capacity, unsigned attrs, enum desk_bookable bookable,
                                struct hop_err *err)
{
	struct desk_spec d;

	memset(&d, 0, sizeof d);
	snprintf(d.code, sizeof d.code, "%sR%d.%02d", s->prefix, level, ++s->next_room[level]);
	zone_path(s, level, zone, d.zone, sizeof d.zone);
	utf8_copy(d.name, sizeof d.name, name, HOP_PLACE_NAME_MAX);
	d.kind = kind;
	d.capacity = capacity;
	d.attrs = attrs;
	d.bookable = bookable;
	return desk_add(app, &d, err);
}

/* On the ground floor of every site: meeting rooms (two in the default demo,
 * one per forty desks beyond) and creative rooms; on the desk floors a team
 * room in the zone of the site's largest teams, bookable by that team. */
static enum hop_status add_rooms(struct hop_app *app, struct site_plan *sp, int nsites,
                                 struct team_plan *tp, size_t nteams, struct rng *r,
                                 struct hop_err *err)
{
	static const char hub[] = "Besprechungszentrum";
	char name[HOP_PLACE_NAME_MAX + 1];
	int meeting_no = 0, creative_no = 0;

	for (int si = 0; si < nsites; si++) {
		struct site_plan *s = &sp[si];
		int meetings = s->desks / 40 > 2 ? s->desks / 40 : 2;
		int creatives = s->desks / 250 > 1 ? s->desks / 250 : 1;
		int teamrooms = creatives;

		if (zone_add(app, s->name, "Erdgeschoss", 0, hub, NULL, err) != HOP_OK)
			return err->status;
		for (int k = 0; k < meetings; k++, meeting_no++) {
			/* The default demo's two: a small one for six and a large one for twelve. */
			int cap = k == 0 ? 6 : k == 1 ? 12 : 4 + 2 * (int)rng_below(r, 6);
			unsigned attrs = ATTR_SCREEN | ATTR_VIDEO | ATTR_ACCESSIBLE;
			if (k != 0 && rng_pct(r, 70))
				attrs |= ATTR_WHITEBOARD;
			if (meeting_no < WATERS)
				snprintf(name, sizeof name, "Besprechungsraum %s", waters[meeting_no]);
			else
				snprintf(name, sizeof name, "Besprechungsraum %s %d",
				         waters[meeting_no % WATERS], meeting_no / WATERS + 1);
			if (add_room(app, s, 0, hub, DESK_KIND_MEETING_ROOM, name, cap, attrs,
			             BOOKABLE_ALL, err) != HOP_OK)
				return err->status;
		}
		for (int k = 0; k < creatives; k++, creative_no++) {
			if (creative_no < WORKSHOPS)
				snprintf(name, sizeof name, "Kreativraum %s", workshops[creative_no]);
			else
				snprintf(name, sizeof name, "Kreativraum %s %d",
				         workshops[creative_no % WORKSHOPS], creative_no / WORKSHOPS + 1);
			if (add_room(app, s, 0, hub, DESK_KIND_CREATIVE_ROOM, name, 10,
			             ATTR_WHITEBOARD | ATTR_SCREEN | ATTR_ACCESSIBLE, BOOKABLE_ALL,
			             err) != HOP_OK)
				return err->status;
		}
		/* The largest teams of the site, largest first, each at most once. */
		for (int k = 0; k < teamrooms; k++) {
			size_t best = nteams;
			for (size_t i = 0; i < nteams; i++) {
				if (tp[i].site != si || tp[i].team_room)
					continue;
				if (best == nteams || tp[i].t->members > tp[best].t->members)
					best = i;
			}
			if (best == nteams)
				break;
			snprintf(name, sizeof name, "Teamraum ");
			utf8_copy(name + strlen(name), sizeof name - strlen(name), tp[best].zone,
			          HOP_ZONE_NAME_MAX);
			if (add_room(app, s, tp[best].level, tp[best].zone, DESK_KIND_TEAM_ROOM, name,
			             tp[best].t->members + 2 > 12 ? 12 : tp[best].t->members + 2 < 6 ? 6 :
			             tp[best].t->members + 2,
			             ATTR_SCREEN | ATTR_WHITEBOARD | ATTR_VIDEO, BOOKABLE_TEAM,
			             err) != HOP_OK)
				return err->status;
			tp[best].team_room = true;
		}
	}
	return HOP_OK;
}

static enum hop_status build(struct hop_app *app, int people, struct rng *r,
                             const struct hop_team_list *tl, struct team_plan *tp,
                             struct site_plan *sp, int nsites, struct hop_err *err)
{
	int total = demo_desk_count(people), nowners = 0;
	int want = fixed_count(total);
	char (*owner)[HOP_LOGIN_MAX + 1] = calloc((size_t)want + 1, sizeof *owner);
	int *owner_team = calloc((size_t)want + 1, sizeof *owner_team);
	enum hop_status st = HOP_OK;

	if (!owner || !owner_team) {
		st = hop_fail(err, HOP_ENOMEM, _("out of memory"));
		goto out;
	}
	for (size_t i = 0; i < tl->n; i++)
		tp[i].t = &tl->v[i];
	share_desks(tp, tl->n, total);
	if ((st = plan_sites(sp, nsites, tp, tl->n, total, err)) != HOP_OK)
		goto out;
	for (int s = 0; s < nsites; s++) {
		const char *address = s < SITE_NAMES ? site_names[s].address : NULL;
		if ((st = site_add(app, sp[s].name, address, NULL, NULL, err)) != HOP_OK)
			goto out;
	}
	for (size_t i = 0; i < tl->n; i++) {
		char floor[HOP_FLOOR_NAME_MAX + 1];
		floor_name(tp[i].level, floor, sizeof floor);
		if ((st = zone_add(app, sp[tp[i].site].name, floor, tp[i].level, tp[i].zone,
		                   tp[i].t->name, err)) != HOP_OK)
			goto out;
	}
	if ((st = plan_owners(app, tp, tl->n, total, r, owner, owner_team, &nowners,
	                      err)) != HOP_OK ||
	    (st = add_desks(app, sp, tp, tl->n, owner, owner_team, nowners, r, err)) != HOP_OK)
		goto out;
	st = add_rooms(app, sp, nsites, tp, tl->n, r, err);
out:
	free(owner);
	free(owner_team);
	return st;
}

enum hop_status demo_places(struct hop_app *app, int people, uint64_t seed, struct hop_err *err)
{
	struct rng r = rng_stream(seed, 2);
	struct hop_team_list tl = { 0 };
	struct team_plan *tp = NULL;
	struct site_plan *sp = NULL;
	int total = demo_desk_count(people);
	int nsites = (total + DESKS_PER_SITE - 1) / DESKS_PER_SITE;
	enum hop_status st;

	if (team_list(app, false, &tl, err) != HOP_OK)
		return err->status;
	if (tl.n == 0) {
		team_list_free(&tl);
		return HOP_OK;   /* nobody to seat */
	}
	/* A few large teams could leave a site without any: never more sites than teams. */
	if (nsites > (int)tl.n)
		nsites = (int)tl.n;
	tp = calloc(tl.n, sizeof *tp);
	sp = calloc((size_t)nsites, sizeof *sp);
	if (!tp || !sp)
		st = hop_fail(err, HOP_ENOMEM, _("out of memory"));
	else
		st = build(app, people, &r, &tl, tp, sp, nsites, err);
	for (int s = 0; sp && s < nsites; s++) {
		free(sp[s].next);
		free(sp[s].next_room);
	}
	free(sp);
	free(tp);
	team_list_free(&tl);
	return st;
}
