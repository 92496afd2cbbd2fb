/* What the two files of the Desks screen's day share (booking_view.c: the
 * day's bookings, filling the view, the public functions;
 * booking_view_places.c: reading and ordering the places, the per-connection
 * cache).  Only booking_view*.c include this; private to src/core. */
#ifndef HOP_BOOKING_VIEW_INT_H
#define HOP_BOOKING_VIEW_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/core/booking/booking.h"
#include "booking_int.h"

/* A place as the cache keeps it: what the view shows of it and what the
 * filters and the bookable_by rule read, without the day's state.  A third
 * of a struct desk_day: 5,000 of them are read once per connection, and on
 * the bench's VM every page of memory first touched costs about 11 us. */
struct cached_place {
	int64_t desk_id, owner_id;
	const char *code, *name, *owner_name;  /* name, owner_name: "" = none */
	const char *retired;                   /* retired_on as stored; NULL = active */
	uint32_t zone;                         /* index into the cache's zones */
	unsigned attrs;
	int capacity;
	unsigned char kind;                    /* enum desk_kind */
	unsigned char bookable;                /* enum desk_bookable */
	bool is_desk;                          /* kind = 'desk' */
};

/* Read by booking_view_places.c, filtered into a day by view_fill. */
struct bk_view_cache {
	struct db_mark stamp;                 /* the database when read */
	struct bk_pool *strings;               /* shared with the views made from it */
	struct desk_day_zone *zones;           /* the zones that have places, in order */
	int64_t *team_lead;                    /* parallel: the zone team's lead, 0 = none */
	size_t nzones;
	struct cached_place *places;           /* every place, in order */
	size_t nplaces;
	int64_t *place_id;                     /* ascending, as read */
	uint32_t *pos;                         /* place_id[i]'s index in places */
};

/* The failure both files report when out of memory; returns HOP_ENOMEM. */
enum hop_status bk_view_oom(struct hop_err *err);
/* The places for booking_day_view: app->view_cache, read again when the
 * database has changed; inside a transaction a fresh one the caller frees
 * (*own true). */
enum hop_status bk_view_cache_get(struct hop_app *app, struct bk_view_cache **c, bool *own,
                                  struct hop_err *err);

#endif
