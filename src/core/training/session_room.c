/* A session's room: booked for each of its days through the booking rules
 * (so a taken room refuses the session in those rules' words), the
 * bookings linked to the session, and released when it moves or ends. */
#include <stdio.h>
#include <stdlib.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "session_int.h"
#include "../booking/booking_int.h"

/* The halves of day that a session from start to end uses: a morning when
 * it is in progress before 12:00, an afternoon when after 13:00. */
static unsigned day_halves(hop_date day, struct hop_datetime start, struct hop_datetime end)
{
	int from = day == start.day ? start.minute : 0;
	int to = day == end.day ? end.minute : 24 * 60;
	unsigned h = 0;

	if (from < 12 * 60)
		h |= HALF_AM;
	if (to > 13 * 60)
		h |= HALF_PM;
	/* 12:00-13:00 alone: the lunch hour counts as the afternoon. */
	return h ? h : HALF_PM;
}

enum hop_status ses_book_room(struct hop_app *app, int64_t session_id, const char *room,
                              struct hop_datetime start, struct hop_datetime end,
                              int capacity, struct hop_err *err)
{
	char note[80];

	snprintf(note, sizeof note, _("training session %lld"), (long long)session_id);
	for (hop_date d = start.day; d <= end.day; d++) {
		struct booking_request rq = {
			.day = d, .half = day_halves(d, start, end), .desk = room,
			.attendees = capacity, .note = note,
		};
		struct hop_booking made;
		struct db_stmt *st;

		/* A session over a weekend needs the room only on working days. */
		if (d != start.day && d != end.day && date_weekday(d) > 5)
			continue;
		if (booking_book(app, &rq, &made, err) != HOP_OK)
			return err->status;
		st = db_stmt(app->db, "INSERT INTO course_session_booking (session_id, booking_id) "
		             "VALUES (?1, ?2)", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, session_id);
		db_bind_int64(st, 2, made.id);
		if (db_run(st, _("linking a room booking to a session"), err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

enum hop_status ses_release_room(struct hop_app *app, int64_t session_id, const char *reason,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT l.booking_id FROM course_session_booking l "
	                           "JOIN booking b ON b.id = l.booking_id "
	                           "WHERE l.session_id = ?1 AND b.cancelled_at IS NULL "
	                           "ORDER BY l.booking_id", err);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, session_id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			int64_t *nv = realloc(ids, ncap * sizeof *nv);

			if (!nv) {
				db_reset(st);
				free(ids);
				return hop_fail(err, HOP_ENOMEM, _("out of memory"));
			}
			ids = nv;
			cap = ncap;
		}
		ids[n++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(ids);
		return db_fail(app->db, err, _("reading a session's room bookings"));
	}
	for (size_t i = 0; i < n; i++)
		if (booking_release(app, ids[i], HALF_DAY, reason, err) != HOP_OK) {
			free(ids);
			return err->status;
		}
	free(ids);
	return HOP_OK;
}
