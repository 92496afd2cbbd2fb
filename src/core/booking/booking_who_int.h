/* Who is in: the maps of places, zones, teams and people that booking_who
 * reads rows against (booking_who_maps.c), shared with booking_who.c;
 * private to src/core/booking. */
#ifndef HOP_BOOKING_WHO_INT_H
#define HOP_BOOKING_WHO_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"
#include "hop/core/places/place.h"

struct hop_app;
struct bk_pool;

/* A day has thousands of rows, so who reads them lean: the floors (with their
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

/* The maps for team_id and site_id (0 = all) into m, their strings kept by
 * pool; bk_who_maps_free releases what is m's own. */
enum hop_status bk_who_maps_get(struct hop_app *app, int64_t team_id, int64_t site_id,
                                struct bk_pool *pool, struct who_maps *m,
                                struct hop_err *err);
void bk_who_maps_free(struct who_maps *m);
/* "out of memory while listing bookings" */
enum hop_status bk_who_oom(struct hop_err *err);

#endif
