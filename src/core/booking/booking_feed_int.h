/* What the two files of a feed's bookings share (booking_feed.c: the
 * places, a row, one feed's query; booking_feed_batch.c: every person's or
 * place's in one pass).  Private to src/core/booking. */
#ifndef HOP_BOOKING_FEED_INT_H
#define HOP_BOOKING_FEED_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "booking_int.h"

/* The columns every path reads: the row, the booker's name only when it may
 * be shown (?8), their team and its lead only when the privacy rule needs
 * them (?9): a lazy CASE, so that the membership is not looked up for each
 * of a year's bookings when nothing asks for it.  FEED_FROM follows them. */
#define FEED_COLUMNS "b.id, b.day, b.am, b.pm, b.desk_id, b.person_id, b.booked_by, " \
	"coalesce(b.note, ''), b.sequence, b.cancelled_at IS NOT NULL, " \
	"substr(b.cancelled_at, 1, 10), " \
	"CASE WHEN ?8 = 1 THEN (SELECT p.name FROM person p WHERE p.id = b.person_id) " \
	"ELSE '' END, coalesce(t.id, 0), " \
	"CASE WHEN t.dissolved_on IS NULL THEN coalesce(t.lead_id, 0) ELSE 0 END "
#define FEED_FROM "FROM booking b LEFT JOIN team t ON t.id = CASE WHEN ?9 = 1 THEN " \
	MEMBERSHIP_TEAM_SQL("b.person_id", "b.day") " END "
/* The same columns where no row needs its booker's team (a pass: ?9 is 0),
 * with no join to look it up: FEED_BARE_FROM follows them. */
#define FEED_BARE_COLUMNS "b.id, b.day, b.am, b.pm, b.desk_id, b.person_id, b.booked_by, " \
	"coalesce(b.note, ''), b.sequence, b.cancelled_at IS NOT NULL, " \
	"substr(b.cancelled_at, 1, 10), " \
	"CASE WHEN ?8 = 1 THEN (SELECT p.name FROM person p WHERE p.id = b.person_id) " \
	"ELSE '' END, 0, 0 "
#define FEED_BARE_FROM "FROM booking b "
#define FEED_NCOLS 14
/* Cancelled bookings only from ?10 on: older ones have left the feeds. */
#define FEED_CANCELLED "(b.cancelled_at IS NULL OR b.cancelled_at >= ?10)"

struct feed_zone {
	int64_t id;
	const char *zone, *floor, *site;       /* in the handle's pool */
};

struct feed_place {
	int64_t id;
	const char *code, *name;               /* in the handle's pool */
	enum desk_kind kind;
	size_t zone;                           /* index into zones */
};

/* A pass over every person's (place's) bookings, sorted by them. */
struct bf_batch {
	enum booking_feed_pass pass;
	struct db_stmt *st;                    /* stepping; NULL before the first feed and at the end */
	bool begun, row;                       /* row: st holds a row not yet handed out */
	int64_t key, last;                     /* the row's person (place); the last feed's */
	hop_date from, to, cancelled_since;
	bool names;
};

struct booking_feed {
	struct hop_app *app;
	struct bk_pool strings;
	struct feed_zone *zones;
	size_t nzones, zcap;
	struct feed_place *places;             /* by id */
	size_t nplaces, pcap;
	struct bf_batch batch;
};

/* Bind ?10 to since (HOP_DATE_NONE: every cancellation). */
void bf_bind_cancelled(struct db_stmt *st, hop_date since);
/* The row of st (FEED_COLUMNS) as a booking into b, the place's names from
 * the maps (read again once, *reloaded, when a place made since turns up);
 * *keep false when the booker is hidden and drop_hidden says to leave it out. */
enum hop_status bf_read_row(struct booking_feed *bf, struct db_stmt *st, bool drop_hidden,
                            bool *reloaded, struct hop_booking *b, bool *keep,
                            struct hop_err *err);
/* The bookings of the feed of person (place) id from the pass, if there is
 * one and the feed fits it (*used); else *used is false and nothing was read. */
enum hop_status bf_batch_each(struct booking_feed *bf, int64_t id, hop_date from, hop_date to,
                              hop_date cancelled_since, bool names, bool drop_hidden,
                              booking_fn fn, void *ctx, bool *used, struct hop_err *err);

#endif
