/* What the session and enrolment files share inside src/core/training. */
#ifndef HOP_SESSION_INT_H
#define HOP_SESSION_INT_H

#include "hop/core/training/session.h"

struct db_stmt;

/* The session columns every reader selects (?1 the actor's person id, 0 =
 * none), then "FROM ... " joins; ses_read reads them. */
#define SES_SELECT \
	"SELECT s.id, s.course_id, c.code, c.title, c.kind, c.needs_approval, s.starts_at, " \
	"s.ends_at, s.room_id, d.code, d.name, si.name, si.id, s.online_url, s.location, " \
	"s.capacity, " \
	"(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id " \
	" AND e.state IN ('booked', 'attended', 'partial', 'no_show')), " \
	"(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.state = 'waitlisted'), " \
	"(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.state = 'requested'), " \
	"s.trainer_id, t.login, coalesce(t.name, s.trainer_name), s.note, " \
	"s.cancelled_at IS NOT NULL, s.sequence, me.state, " \
	"CASE WHEN me.state = 'waitlisted' THEN (SELECT count(*) FROM enrolment w " \
	" WHERE w.session_id = s.id AND w.state = 'waitlisted' AND (w.queued_at < me.queued_at " \
	" OR (w.queued_at = me.queued_at AND w.id <= me.id))) ELSE 0 END " \
	"FROM course_session s JOIN course c ON c.id = s.course_id " \
	"LEFT JOIN desk d ON d.id = s.room_id LEFT JOIN zone z ON z.id = d.zone_id " \
	"LEFT JOIN floor f ON f.id = z.floor_id LEFT JOIN site si ON si.id = f.site_id " \
	"LEFT JOIN person t ON t.id = s.trainer_id " \
	"LEFT JOIN enrolment me ON me.session_id = s.id AND me.person_id = ?1 " \
	" AND me.state <> 'cancelled' "
void ses_read(struct db_stmt *st, void *out);

/* The session row locked for a change (inside db_begin): not found,
 * cancelled, as the caller wants. */
enum hop_status ses_get_live(struct hop_app *app, int64_t id, struct trn_session *s,
                             struct hop_err *err);

/* Seats a session gives: promote from the waitlist while seats are free,
 * first come first served, inside the caller's transaction.  *first (may be
 * NULL) gets the first person promoted; *n (may be NULL) how many. */
enum hop_status enrol_promote(struct hop_app *app, const struct trn_session *s,
                              struct enrol_result *first, int *n, struct hop_err *err);

/* Book the room of s on each of its days (s->room_id, start, end,
 * capacity) and link the bookings; cancel a session's room bookings. */
enum hop_status ses_book_room(struct hop_app *app, int64_t session_id, const char *room,
                              struct hop_datetime start, struct hop_datetime end,
                              int capacity, struct hop_err *err);
enum hop_status ses_release_room(struct hop_app *app, int64_t session_id, const char *reason,
                                 struct hop_err *err);

/* May the actor keep sessions (HR, admins)?  Attendees (HR, admins, the
 * trainer)? */
enum hop_status ses_may_manage(const struct hop_app *app, struct hop_err *err);
bool ses_may_see_attendees(const struct hop_app *app, const struct trn_session *s);

#endif
