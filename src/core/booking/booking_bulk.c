/* Bulk creation of bookings: the demo and benchmark generator's lean path.
 *
 * One prepared INSERT, bound and stepped per row inside the caller's
 * transaction; no rule checks and no audit entry per row (the generator makes
 * only valid rows and writes one entry for the batch).  The unique indexes of
 * the booking table still refuse a double booking, so a generator bug shows
 * as an error, never as two people at one desk. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"

struct booking_bulk {
	struct hop_app *app;
	struct db_stmt *st;
	char now[24];                  /* created_at and updated_at of the whole batch */
	char day[HOP_DATE_ISO_LEN];    /* the day of the row being bound */
};

/* booked_by is the person: generated bookings are everyone's own. */
static const char bulk_sql[] =
	"INSERT INTO booking (desk_id, person_id, day, am, pm, is_room, attendees, "
	"booked_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2, ?8, ?8)";

enum hop_status booking_bulk_begin(struct hop_app *app, struct booking_bulk **out,
                                   struct hop_err *err)
{
	struct booking_bulk *b;

	*out = NULL;
	b = calloc(1, sizeof *b);
	if (!b)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	b->app = app;
	b->st = db_stmt(app->db, bulk_sql, err);
	if (!b->st) {
		free(b);
		return err->status;
	}
	clock_timestamp(b->now);
	/* The timestamp stays bound for the whole batch: db_reset keeps
	 * bindings, and db_stmt clears them only when the statement is fetched. */
	if (!db_bind_text_static(b->st, 8, b->now, strlen(b->now))) {
		free(b);
		return db_fail(app->db, err, _("preparing the bookings"));
	}
	*out = b;
	return HOP_OK;
}

enum hop_status booking_bulk_add(struct booking_bulk *b, int64_t desk_id, int64_t person_id,
                                 hop_date day, unsigned half, bool is_room, int attendees,
                                 struct hop_err *err)
{
	struct db_stmt *st = b->st;
	int rc;

	if (half < HALF_AM || half > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon "
		                "or the whole day, not half %u"), half);
	date_format(day, b->day);
	db_bind_int64(st, 1, desk_id);
	db_bind_int64(st, 2, person_id);
	db_bind_text_static(st, 3, b->day, HOP_DATE_ISO_LEN - 1);
	db_bind_int(st, 4, (half & HALF_AM) != 0);
	db_bind_int(st, 5, (half & HALF_PM) != 0);
	db_bind_int(st, 6, is_room);
	db_bind_int(st, 7, attendees > 0 ? attendees : 1);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_DONE)
		return HOP_OK;
	if (rc == DB_UNIQUE)
		return hop_fail(err, HOP_ECONFLICT, _("place %lld or person %lld already has a "
		                "booking on %s (%s); the generated bookings collide"),
		                (long long)desk_id, (long long)person_id, b->day,
		                half == HALF_AM ? _("morning") : half == HALF_PM ? _("afternoon")
		                : _("whole day"));
	return db_fail(b->app->db, err, _("adding a booking"));
}

void booking_bulk_end(struct booking_bulk *b)
{
	if (!b)
		return;
	/* Leave the cached statement as db_stmt expects it: reset, no bindings
	 * pointing into memory about to be freed. */
	db_clear(b->st);
	free(b);
}
