/* Helpers shared by the place modules (site.c, zone.c, desk.c, import_desks.c);
 * private to src/core. */
#ifndef HOP_PLACE_INT_H
#define HOP_PLACE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/places/place.h"

/* Text of one line, valid UTF-8, at most max bytes; "" only when may_be_empty.
 * The message names no field: callers put one in front (hop_err_prefix). */
enum hop_status place_check_text(const char *text, size_t max, bool may_be_empty,
                                 struct hop_err *err);
/* A site, floor or zone name: place_check_text, and no '/', which separates
 * SITE/FLOOR/ZONE. */
enum hop_status place_check_part(const char *text, size_t max, struct hop_err *err);

/* Capacity, owner and bookable_by must fit the kind (desks: capacity 1, may
 * have an owner; rooms: ROOM_CAPACITY_MIN..MAX, no owner) and the zone
 * (bookable by team needs a zone with a team).  code and zone name the place
 * in the message. */
enum hop_status place_check_fit(const char *code, enum desk_kind kind, int capacity,
                                bool owned, enum desk_bookable bookable, const char *zone,
                                bool zone_has_team, struct hop_err *err);

#endif
