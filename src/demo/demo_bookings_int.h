/* The demo's booking generator (src/core/demo_bookings*.c), private to it:
 * the generator's state, which loading (demo_bookings_load.c) fills in and
 * one day's generation (demo_bookings.c) reads and books from, and the
 * loading steps run calls. */
#ifndef HOP_DEMO_BOOKINGS_INT_H
#define HOP_DEMO_BOOKINGS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/core/booking/booking.h"
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/places/place.h"
#include "demo_internal.h"

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

/* The generator's state: loading fills it in, each day seats people and books rooms from it. */
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

/* Steps of run (demo_bookings.c), in this order (demo_bookings_load.c): the teams by id; */
enum hop_status demo_load_teams(struct gen *g, struct hop_err *err);
/* desks, rooms, floors and sites, and each team's zone; */
enum hop_status demo_load_places(struct gen *g, struct hop_err *err);
/* the habits, the teams' days, people by id with rhythm and desks, leads and owners. */
enum hop_status demo_load_people(struct gen *g, struct hop_err *err);

#endif
