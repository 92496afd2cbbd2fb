/* The organisation the booking tests share (test_booking.c, test_booking_view.c):
 * two teams, one site with three zones and every kind of place, and small
 * helpers to book and to check.  static inline: each test file uses some. */
#ifndef HOP_BOOKING_ORG_H
#define HOP_BOOKING_ORG_H

#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/core/places/place.h"

/* Today is Mon 2026-11-23 in every hop test. */
#define MON23 date_from_ymd(2026, 11, 23)
#define TUE24 date_from_ymd(2026, 11, 24)
#define WED25 date_from_ymd(2026, 11, 25)
#define THU26 date_from_ymd(2026, 11, 26)
#define FRI27 date_from_ymd(2026, 11, 27)
#define SAT28 date_from_ymd(2026, 11, 28)

static inline void has_(const char *text, const char *want, int line)
{
	if (!strstr(text, want))
		fail_msg("line %d: '%s' lacks '%s'", line, text, want);
}
#define has(text, want) has_((text), (want), __LINE__)

static inline void hasnt_(const char *text, const char *unwanted, int line)
{
	if (strstr(text, unwanted))
		fail_msg("line %d: '%s' has '%s'", line, text, unwanted);
}
#define hasnt(text, unwanted) hasnt_((text), (unwanted), __LINE__)

static inline void person(struct hop_app *app, const char *login, const char *name, const char *team,
                   unsigned roles)
{
	test_add_person(app, login, name, team, roles, HOP_DATE_NONE);
}

static inline void place(struct hop_app *app, const char *code, const char *zone, enum desk_kind kind,
                  int capacity, unsigned attrs, const char *owner, enum desk_bookable b)
{
	struct desk_spec d = { .kind = kind, .capacity = capacity, .attrs = attrs, .bookable = b };
	struct hop_err err;

	snprintf(d.code, sizeof d.code, "%s", code);
	snprintf(d.zone, sizeof d.zone, "%s", zone);
	snprintf(d.owner, sizeof d.owner, "%s", owner ? owner : "");
	test_ok(desk_add(app, &d, &err), &err);
}

/* Two teams with leads, people, one site with three zones:
 *   Haus/3. OG/Süd  (Referat 11): S1, S2 (monitor), S10, TR (team room, 6, team)
 *   Haus/3. OG/Nord (Referat 12): N1, N2 (monitor)
 *   Haus/4. OG/Ost  (no team):    O1 (monitor, quiet), O2, F1 (fixed desk of carl),
 *                                 M1 (meeting room, 4, leads), R8 (meeting room, 8, all) */
static inline void org(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	person(app, "lena", "Lena Lorenz", "", ROLE_EMPLOYEE | ROLE_LEAD);
	person(app, "ludwig", "Ludwig Lang", "", ROLE_EMPLOYEE | ROLE_LEAD);
	test_ok(team_add(app, "Referat 11", "lena", &err), &err);
	test_ok(team_add(app, "Referat 12", "ludwig", &err), &err);
	person(app, "anna", "Anna Berg", "Referat 11", ROLE_EMPLOYEE);
	person(app, "bernd", "Bernd Weiß", "Referat 11", ROLE_EMPLOYEE);
	person(app, "carl", "Carl Öztürk", "Referat 12", ROLE_EMPLOYEE);
	person(app, "ed", "Ed Kuhn", "", ROLE_EMPLOYEE);
	person(app, "fritz", "Fritz Haus", "", ROLE_EMPLOYEE | ROLE_FACILITIES);
	test_ok(site_add(app, "Haus", NULL, NULL, NULL, &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Nord", "Referat 12", &err), &err);
	test_ok(zone_add(app, "Haus", "4. OG", 4, "Ost", NULL, &err), &err);
	place(app, "S10", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "S2", "Süd", DESK_KIND_DESK, 0, ATTR_MONITOR, NULL, BOOKABLE_ALL);
	place(app, "S1", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "TR", "Süd", DESK_KIND_TEAM_ROOM, 6, 0, NULL, BOOKABLE_TEAM);
	place(app, "N1", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "N2", "Nord", DESK_KIND_DESK, 0, ATTR_MONITOR, NULL, BOOKABLE_ALL);
	place(app, "O1", "Ost", DESK_KIND_DESK, 0, ATTR_MONITOR | ATTR_QUIET, NULL, BOOKABLE_ALL);
	place(app, "O2", "Ost", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "F1", "Ost", DESK_KIND_DESK, 0, 0, "carl", BOOKABLE_ALL);
	place(app, "M1", "Ost", DESK_KIND_MEETING_ROOM, 4, 0, NULL, BOOKABLE_LEADS);
	place(app, "R8", "Ost", DESK_KIND_MEETING_ROOM, 8, 0, NULL, BOOKABLE_ALL);
}

/* Book as actor (for someone, or NULL for oneself). */
static inline enum hop_status book_full(struct hop_app *app, const char *actor, hop_date day,
                                 const char *desk, unsigned half, const char *for_login,
                                 int attendees, struct hop_booking *made, struct hop_err *err)
{
	struct booking_request rq = { .day = day, .half = half, .desk = desk,
	                              .for_login = for_login, .attendees = attendees };
	test_act_as(app, actor);
	memset(err, 0, sizeof *err);
	return booking_book(app, &rq, made, err);
}

static inline enum hop_status book(struct hop_app *app, const char *actor, hop_date day,
                            const char *desk, unsigned half, struct hop_err *err)
{
	return book_full(app, actor, day, desk, half, NULL, 0, NULL, err);
}

static inline int count(struct hop_app *app, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	int n;

	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

static inline int active_bookings(struct hop_app *app)
{
	return count(app, "SELECT count(*) FROM booking WHERE cancelled_at IS NULL");
}

/* ---- double bookings ---- */

#endif
