/* Bookings: every rule of booking.h, the schema's own refusal of double
 * bookings, privacy, cancelling, --any, series and the day view. */
#include "testutil.h"

#include "hop/audit.h"
#include "hop/booking.h"
#include "hop/place.h"

/* Today is Mon 2026-11-23 in every hop test. */
#define MON23 date_from_ymd(2026, 11, 23)
#define TUE24 date_from_ymd(2026, 11, 24)
#define WED25 date_from_ymd(2026, 11, 25)
#define THU26 date_from_ymd(2026, 11, 26)
#define FRI27 date_from_ymd(2026, 11, 27)
#define SAT28 date_from_ymd(2026, 11, 28)

static void ok_(enum hop_status st, const struct hop_err *err, int line)
{
	if (st != HOP_OK)
		fail_msg("line %d: %s", line, err->msg);
}
#define ok(call, err) ok_((call), (err), __LINE__)

static void has_(const char *text, const char *want, int line)
{
	if (!strstr(text, want))
		fail_msg("line %d: '%s' lacks '%s'", line, text, want);
}
#define has(text, want) has_((text), (want), __LINE__)

static void hasnt_(const char *text, const char *unwanted, int line)
{
	if (strstr(text, unwanted))
		fail_msg("line %d: '%s' has '%s'", line, text, unwanted);
}
#define hasnt(text, unwanted) hasnt_((text), (unwanted), __LINE__)

static void person(struct hop_app *app, const char *login, const char *name, const char *team,
                   unsigned roles)
{
	struct hop_person p = { .start = HOP_DATE_NONE, .end = HOP_DATE_NONE, .roles = roles };
	struct hop_err err;

	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team);
	ok(person_add(app, &p, &err), &err);
}

static void place(struct hop_app *app, const char *code, const char *zone, enum desk_kind kind,
                  int capacity, unsigned attrs, const char *owner, enum desk_bookable b)
{
	struct desk_spec d = { .kind = kind, .capacity = capacity, .attrs = attrs, .bookable = b };
	struct hop_err err;

	snprintf(d.code, sizeof d.code, "%s", code);
	snprintf(d.zone, sizeof d.zone, "%s", zone);
	snprintf(d.owner, sizeof d.owner, "%s", owner ? owner : "");
	ok(desk_add(app, &d, &err), &err);
}

/* Two teams with leads, people, one site with three zones:
 *   Haus/3. OG/Süd  (Referat 11): S1, S2 (monitor), S10, TR (team room, 6, team)
 *   Haus/3. OG/Nord (Referat 12): N1, N2 (monitor)
 *   Haus/4. OG/Ost  (no team):    O1 (monitor, quiet), O2, F1 (fixed desk of carl),
 *                                 M1 (meeting room, 4, leads), R8 (meeting room, 8, all) */
static void org(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	person(app, "lena", "Lena Lorenz", "", ROLE_EMPLOYEE | ROLE_LEAD);
	person(app, "ludwig", "Ludwig Lang", "", ROLE_EMPLOYEE | ROLE_LEAD);
	ok(team_add(app, "Referat 11", "lena", &err), &err);
	ok(team_add(app, "Referat 12", "ludwig", &err), &err);
	person(app, "anna", "Anna Berg", "Referat 11", ROLE_EMPLOYEE);
	person(app, "bernd", "Bernd Weiß", "Referat 11", ROLE_EMPLOYEE);
	person(app, "carl", "Carl Öztürk", "Referat 12", ROLE_EMPLOYEE);
	person(app, "ed", "Ed Kuhn", "", ROLE_EMPLOYEE);
	person(app, "fritz", "Fritz Haus", "", ROLE_EMPLOYEE | ROLE_FACILITIES);
	ok(site_add(app, "Haus", NULL, NULL, NULL, &err), &err);
	ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	ok(zone_add(app, "Haus", "3. OG", 3, "Nord", "Referat 12", &err), &err);
	ok(zone_add(app, "Haus", "4. OG", 4, "Ost", NULL, &err), &err);
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
static enum hop_status book_full(struct hop_app *app, const char *actor, hop_date day,
                                 const char *desk, unsigned half, const char *for_login,
                                 int attendees, struct hop_booking *made, struct hop_err *err)
{
	struct booking_request rq = { .day = day, .half = half, .desk = desk,
	                              .for_login = for_login, .attendees = attendees };
	test_act_as(app, actor);
	memset(err, 0, sizeof *err);
	return booking_book(app, &rq, made, err);
}

static enum hop_status book(struct hop_app *app, const char *actor, hop_date day,
                            const char *desk, unsigned half, struct hop_err *err)
{
	return book_full(app, actor, day, desk, half, NULL, 0, NULL, err);
}

static int count(struct hop_app *app, const char *sql)
{
	struct hop_err err;
	sqlite3_stmt *st = db_stmt(app->db, sql, &err);
	int n;

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n;
}

static int active_bookings(struct hop_app *app)
{
	return count(app, "SELECT count(*) FROM booking WHERE cancelled_at IS NULL");
}

/* ---- double bookings ---- */

static void test_double_booking(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking made;
	(void)state;

	org(&app);
	ok(book_full(&app, "anna", TUE24, "S1", HALF_AM, NULL, 0, &made, &err), &err);
	assert_string_equal(made.desk, "S1");
	assert_string_equal(made.name, "Anna Berg");
	assert_int_equal(made.half, HALF_AM);
	assert_int_equal(made.sequence, 0);
	assert_string_equal(made.zone, "Süd");

	/* Another person, the same desk and half: refused, with who and when. */
	assert_int_equal(book(&app, "bernd", TUE24, "S1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "desk S1 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)");
	/* The free half is free. */
	ok(book(&app, "bernd", TUE24, "S1", HALF_PM, &err), &err);
	/* The same person, a second desk in the same half: refused. */
	assert_int_equal(book(&app, "anna", TUE24, "S2", HALF_AM, &err), HOP_ECONFLICT);
	has(err.msg, "you have already booked desk S1 on Tue 24 Nov 2026 (AM)");
	has(err.msg, "hop cancel 2026-11-24 S1");
	/* ... but a room besides the desk is fine. */
	ok(book_full(&app, "anna", TUE24, "R8", HALF_AM, NULL, 3, NULL, &err), &err);
	assert_int_equal(active_bookings(&app), 3);

	/* The schema refuses by itself, whatever core would have said. */
	{
		sqlite3_stmt *st = db_stmt(app.db, "INSERT INTO booking (desk_id, person_id, day, am, "
		                           "pm, is_room, booked_by, created_at, updated_at) "
		                           "SELECT d.id, p.id, '2026-11-24', 1, 0, 0, p.id, 'x', 'x' "
		                           "FROM desk d, person p WHERE d.code = ?1 AND p.login = ?2",
		                           &err);
		assert_non_null(st);
		/* Same desk and half, another person. */
		db_bind_text(st, 1, "S1");
		db_bind_text(st, 2, "carl");
		assert_int_equal(sqlite3_step(st) & 0xff, SQLITE_CONSTRAINT);
		assert_int_equal(sqlite3_extended_errcode(db_sqlite(app.db)), SQLITE_CONSTRAINT_UNIQUE);
		sqlite3_reset(st);
		/* Same person and half, another desk. */
		sqlite3_clear_bindings(st);
		db_bind_text(st, 1, "N1");
		db_bind_text(st, 2, "anna");
		assert_int_equal(sqlite3_step(st) & 0xff, SQLITE_CONSTRAINT);
		assert_int_equal(sqlite3_extended_errcode(db_sqlite(app.db)), SQLITE_CONSTRAINT_UNIQUE);
		sqlite3_reset(st);
		/* Control: the same insert for a free desk and person goes in. */
		sqlite3_clear_bindings(st);
		db_bind_text(st, 1, "N1");
		db_bind_text(st, 2, "carl");
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	assert_int_equal(active_bookings(&app), 4);
	/* Every booking wrote its audit entry. */
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.add'"), 3);
	test_app_close(&app);
}

/* ---- the day ---- */

static void test_day_rules(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	org(&app);
	assert_int_equal(book(&app, "anna", SAT28, "S1", HALF_DAY, &err), HOP_EINVAL);
	has(err.msg, "Sat 28 Nov 2026 is a Saturday, not a working day");
	assert_int_equal(book(&app, "anna", SAT28 + 1, "S1", HALF_DAY, &err), HOP_EINVAL);
	has(err.msg, "Sunday");
	assert_int_equal(book(&app, "anna", MON23 - 3, "S1", HALF_DAY, &err), HOP_EINVAL);
	has(err.msg, "Fri 20 Nov 2026 is in the past");
	/* The horizon: 28 days ahead is the last day (Mon 21 Dec). */
	assert_int_equal(book(&app, "anna", MON23 + 29, "S1", HALF_DAY, &err), HOP_EINVAL);
	has(err.msg, "beyond the booking horizon");
	has(err.msg, "until Mon 21 Dec 2026");
	ok(book(&app, "anna", MON23 + 28, "S1", HALF_DAY, &err), &err);
	/* Today is allowed. */
	ok(book(&app, "anna", MON23, "S1", HALF_DAY, &err), &err);
	assert_int_equal(active_bookings(&app), 2);
	/* Unknown desk, someone who left. */
	assert_int_equal(book(&app, "anna", TUE24, "X9", HALF_DAY, &err), HOP_ENOTFOUND);
	has(err.msg, "there is no desk or room 'X9'");
	test_act_as(&app, "admin");
	ok(person_remove(&app, "bernd", TUE24, &err), &err);
	assert_int_equal(book_full(&app, "admin", WED25, "S2", HALF_DAY, "bernd", 0, NULL, &err),
	                 HOP_EINVAL);
	has(err.msg, "Bernd Weiß's last day is Tue 24 Nov 2026");
	test_app_close(&app);
}

/* ---- fixed desks ---- */

static void test_fixed_desk(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking_list l;
	struct booking_filter f = { .person = "anna", .from = MON23, .to = FRI27,
	                            .include_cancelled = true };
	(void)state;

	org(&app);
	/* Unclaimed, F1 is free for others. */
	ok(book(&app, "anna", THU26, "F1", HALF_DAY, &err), &err);
	/* The owner claims it three days ahead (lead time 1 day): anna's booking goes. */
	ok(book(&app, "carl", THU26, "F1", HALF_AM, &err), &err);
	test_act_as(&app, "admin");
	ok(booking_list(&app, &f, &l, &err), &err);
	assert_int_equal(l.n, 1);
	/* The owner took the morning: anna gives it up and keeps the afternoon. */
	assert_false(l.v[0].cancelled);
	assert_int_equal(l.v[0].half, HALF_PM);
	assert_int_equal(l.v[0].sequence, 1);
	booking_list_free(&l);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel' "
	                       "AND detail LIKE '%claimed by its owner carl%'"), 1);
	/* A whole-day claim cancels the whole booking, with the reason kept. */
	ok(book(&app, "anna", WED25, "F1", HALF_DAY, &err), &err);
	ok(book(&app, "carl", WED25, "F1", HALF_DAY, &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking WHERE day = '2026-11-25' "
	                       "AND cancelled_at IS NOT NULL AND cancel_reason LIKE "
	                       "'fixed desk claimed by its owner carl%' AND sequence = 1"), 1);
	/* Once claimed, nobody else gets it that day, not even the free half. */
	assert_int_equal(book(&app, "bernd", THU26, "F1", HALF_PM, &err), HOP_ECONFLICT);
	has(err.msg, "desk F1 is already booked");
	/* On a day the owner has claimed whole, the message names the owner. */
	assert_int_equal(book(&app, "ed", WED25, "F1", HALF_PM, &err), HOP_ECONFLICT);
	has(err.msg, "the fixed desk of Carl Öztürk, who has claimed it on Wed 25 Nov 2026");

	/* Within the lead time the other booking stands; the owner hears who has it. */
	ok(book(&app, "anna", MON23, "F1", HALF_DAY, &err), &err);
	assert_int_equal(book(&app, "carl", MON23, "F1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "desk F1 is already booked by Anna Berg on Mon 23 Nov 2026 (all day); less "
	    "than 1 day before the day");
	/* A longer lead time: three days. */
	app.cfg.fixed_desk_claim_days = 3;
	ok(book(&app, "bernd", FRI27 + 3, "F1", HALF_DAY, &err), &err);   /* Mon 30, 7 days */
	ok(book(&app, "bernd", TUE24, "F1", HALF_DAY, &err), &err);      /* 1 day ahead */
	assert_int_equal(book(&app, "carl", TUE24, "F1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "Bernd Weiß");
	ok(book(&app, "carl", FRI27 + 3, "F1", HALF_DAY, &err), &err);
	/* Cancelling frees the fixed desk for others again. */
	test_act_as(&app, "carl");
	ok(booking_cancel(&app, FRI27 + 3, "F1", HALF_DAY, NULL, NULL, &err), &err);
	ok(book(&app, "ed", FRI27 + 3, "F1", HALF_DAY, &err), &err);
	test_app_close(&app);
}

/* ---- rooms and who may book what ---- */

static void test_rooms(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	org(&app);
	assert_int_equal(book_full(&app, "ed", TUE24, "R8", HALF_AM, NULL, 9, NULL, &err),
	                 HOP_EINVAL);
	has(err.msg, "meeting room R8 holds 8 people, not 9");
	ok(book_full(&app, "ed", TUE24, "R8", HALF_AM, NULL, 8, NULL, &err), &err);
	/* One booking per half day for the group. */
	assert_int_equal(book_full(&app, "anna", TUE24, "R8", HALF_DAY, NULL, 2, NULL, &err),
	                 HOP_ECONFLICT);
	has(err.msg, "meeting room R8 is already booked");
	assert_int_equal(book_full(&app, "ed", WED25, "O2", HALF_AM, NULL, 2, NULL, &err),
	                 HOP_EINVAL);
	has(err.msg, "desk O2 is a desk for one person");
	assert_int_equal(active_bookings(&app), 1);
	test_app_close(&app);
}

static void test_bookable_by(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	org(&app);
	/* TR: Referat 11's team room. */
	assert_int_equal(book(&app, "carl", TUE24, "TR", HALF_AM, &err), HOP_EPERM);
	has(err.msg, "team room TR can be booked only by members of team Referat 11");
	ok(book(&app, "anna", TUE24, "TR", HALF_AM, &err), &err);
	ok(book(&app, "fritz", TUE24, "TR", HALF_PM, &err), &err);
	/* M1: leads only. */
	assert_int_equal(book(&app, "anna", WED25, "M1", HALF_AM, &err), HOP_EPERM);
	has(err.msg, "can be booked only by team leads");
	ok(book(&app, "ludwig", WED25, "M1", HALF_AM, &err), &err);
	/* A lead books it for a member of their team (the meeting is theirs). */
	ok(book_full(&app, "lena", WED25, "M1", HALF_PM, "anna", 0, NULL, &err), &err);
	test_app_close(&app);
}

static void test_permissions(void **state)
{
	struct hop_app app;
	struct hop_err err;
	int n = 0;
	(void)state;

	org(&app);
	assert_int_equal(book_full(&app, "anna", TUE24, "S1", 0, "bernd", 0, NULL, &err), HOP_EPERM);
	has(err.msg, "only for yourself");
	ok(book_full(&app, "lena", TUE24, "S1", 0, "anna", 0, NULL, &err), &err);
	assert_int_equal(book_full(&app, "lena", TUE24, "N1", 0, "carl", 0, NULL, &err), HOP_EPERM);
	has(err.msg, "Carl Öztürk is not in one of them");
	ok(book_full(&app, "fritz", TUE24, "N1", 0, "carl", 0, NULL, &err), &err);
	/* Who booked is recorded. */
	assert_int_equal(count(&app, "SELECT count(*) FROM booking b JOIN person p ON p.id = "
	                       "b.booked_by WHERE p.login = 'fritz'"), 1);
	/* Cancelling follows the same rule. */
	test_act_as(&app, "bernd");
	assert_int_equal(booking_cancel(&app, TUE24, NULL, HALF_DAY, "anna", &n, &err), HOP_EPERM);
	test_act_as(&app, "ludwig");
	ok(booking_cancel(&app, TUE24, NULL, HALF_DAY, "carl", &n, &err), &err);
	assert_int_equal(n, 1);
	/* Someone not registered may do nothing. */
	assert_int_equal(book(&app, "nobody", TUE24, "S2", 0, &err), HOP_EPERM);
	has(err.msg, "not registered");
	assert_int_equal(active_bookings(&app), 1);
	test_app_close(&app);
}

/* ---- privacy ---- */

/* Who sees anna's booking of S1 on Tuesday in 'hop who'? */
static bool sees_anna(struct hop_app *app, const char *login)
{
	struct hop_who_list l;
	struct hop_err err;
	bool seen = false, hidden = false;

	test_act_as(app, login);
	ok(booking_who(app, TUE24, NULL, NULL, &l, &err), &err);
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].desk, "S1") != 0)
			continue;
		if (l.v[i].hidden) {
			hidden = true;
			assert_string_equal(l.v[i].name, "");
			assert_string_equal(l.v[i].login, "");
			assert_string_equal(l.v[i].team, "");
			assert_int_equal(l.v[i].person_id, 0);
		} else {
			seen = true;
			assert_string_equal(l.v[i].name, "Anna Berg");
		}
	}
	booking_who_free(&l);
	assert_true(seen != hidden);
	return seen;
}

static void test_privacy(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	org(&app);
	ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);

	app.cfg.show_booker_names = CFG_NAMES_TEAM;
	assert_true(sees_anna(&app, "anna"));
	assert_true(sees_anna(&app, "bernd"));     /* her team */
	assert_true(sees_anna(&app, "lena"));      /* her lead */
	assert_true(sees_anna(&app, "fritz"));     /* facilities */
	assert_true(sees_anna(&app, "admin"));
	assert_false(sees_anna(&app, "carl"));     /* another team */
	assert_false(sees_anna(&app, "ludwig"));   /* another team's lead */
	assert_false(sees_anna(&app, "ed"));       /* no team */
	/* A refusal does not name her either. */
	assert_int_equal(book(&app, "carl", TUE24, "S1", HALF_AM, &err), HOP_ECONFLICT);
	has(err.msg, "desk S1 is already booked on Tue 24 Nov 2026 (AM)");
	hasnt(err.msg, "Anna");

	app.cfg.show_booker_names = CFG_NAMES_ALL;
	assert_true(sees_anna(&app, "carl"));
	assert_true(sees_anna(&app, "ed"));
	assert_int_equal(book(&app, "carl", TUE24, "S1", HALF_AM, &err), HOP_ECONFLICT);
	has(err.msg, "already booked by Anna Berg");

	app.cfg.show_booker_names = CFG_NAMES_NONE;
	assert_true(sees_anna(&app, "anna"));
	assert_false(sees_anna(&app, "bernd"));
	assert_false(sees_anna(&app, "lena"));
	assert_true(sees_anna(&app, "fritz"));
	/* Asking for her bookings by name shows nothing hidden. */
	{
		struct booking_filter f = { .person = "anna", .from = MON23, .to = FRI27 };
		struct hop_booking_list l;
		test_act_as(&app, "bernd");
		ok(booking_list(&app, &f, &l, &err), &err);
		assert_int_equal(l.n, 0);
		booking_list_free(&l);
		test_act_as(&app, "anna");
		ok(booking_list(&app, &f, &l, &err), &err);
		assert_int_equal(l.n, 1);
		booking_list_free(&l);
	}
	test_app_close(&app);
}

/* ---- who is in ---- */

/* "name|team|half|desk" of each row of 'hop who', in order, ";"-separated. */
static void who_text(struct hop_app *app, const char *team, const char *site, char *buf,
                     size_t size)
{
	struct hop_who_list l;
	struct hop_err err;
	size_t used = 0;

	ok(booking_who(app, TUE24, team, site, &l, &err), &err);
	assert_int_equal(l.day, TUE24);
	buf[0] = '\0';
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_who *w = &l.v[i];
		assert_non_null(w->site);
		if (w->hidden) {
			assert_string_equal(w->login, "");
			assert_int_equal(w->person_id, 0);
		}
		used += (size_t)snprintf(buf + used, size - used, "%s%s|%s|%u|%s", i ? ";" : "",
		                         w->hidden ? "?" : w->name, w->team, w->half, w->desk);
		assert_true(used < size);
	}
	booking_who_free(&l);
}

static void test_who(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_who_list l;
	char text[1024];
	(void)state;

	org(&app);
	ok(team_add(&app, "Älteste", NULL, &err), &err);
	person(&app, "zoe", "Zoë Zander", "Älteste", ROLE_EMPLOYEE);
	person(&app, "anja", "Änja Adler", "Referat 11", ROLE_EMPLOYEE);
	ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);
	ok(book(&app, "bernd", TUE24, "S2", HALF_AM, &err), &err);
	ok(book(&app, "carl", TUE24, "N1", HALF_PM, &err), &err);
	ok(book(&app, "carl", TUE24, "R8", HALF_AM, &err), &err);
	ok(book(&app, "ed", TUE24, "O1", HALF_DAY, &err), &err);
	ok(book(&app, "zoe", TUE24, "S10", HALF_DAY, &err), &err);
	ok(book(&app, "anja", TUE24, "O2", HALF_PM, &err), &err);
	ok(book(&app, "anna", WED25, "S2", HALF_DAY, &err), &err);    /* another day */
	ok(booking_cancel(&app, TUE24, "S1", HALF_DAY, "anna", &(int){ 0 }, &err), &err);
	ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);     /* again, after a cancel */

	/* Facilities see everyone: by team in the German order (Älteste before
	 * Referat, Änja before Anna), no team last; a person's morning first. */
	test_act_as(&app, "fritz");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Zoë Zander|Älteste|3|S10;"
	                    "Änja Adler|Referat 11|2|O2;Anna Berg|Referat 11|3|S1;"
	                    "Bernd Weiß|Referat 11|1|S2;"
	                    "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1;"
	                    "Ed Kuhn||3|O1");
	/* What the rows carry. */
	ok(booking_who(&app, TUE24, NULL, NULL, &l, &err), &err);
	assert_int_equal(l.n, 7);
	assert_string_equal(l.v[2].login, "anna");
	assert_string_equal(l.v[2].site, "Haus");
	assert_string_equal(l.v[2].floor, "3. OG");
	assert_string_equal(l.v[2].zone, "Süd");
	assert_int_equal(l.v[2].kind, DESK_KIND_DESK);
	assert_int_equal(l.v[2].attendees, 1);
	assert_true(l.v[2].person_id > 0 && l.v[2].id > 0 && l.v[2].desk_id > 0);
	assert_int_equal(l.v[4].kind, DESK_KIND_MEETING_ROOM);
	assert_string_equal(l.v[4].floor, "4. OG");
	assert_string_equal(l.v[4].zone, "Ost");
	booking_who_free(&l);

	/* carl sees his own and, with names for teams only, nobody else's: the
	 * hidden rows last, mornings first, then by code in natural order. */
	app.cfg.show_booker_names = CFG_NAMES_TEAM;
	test_act_as(&app, "carl");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1;"
	                    "?||3|O1;?||3|S1;?||1|S2;?||3|S10;?||2|O2");

	/* ed, without a team, sees himself first: hidden bookers come after
	 * people without a team. */
	test_act_as(&app, "ed");
	who_text(&app, NULL, NULL, text, sizeof text);
	assert_string_equal(text, "Ed Kuhn||3|O1;?||1|R8;?||3|S1;?||1|S2;?||3|S10;?||2|N1;?||2|O2");

	/* One team, one site. */
	test_act_as(&app, "anna");
	who_text(&app, "Referat 11", NULL, text, sizeof text);
	assert_string_equal(text, "Änja Adler|Referat 11|2|O2;Anna Berg|Referat 11|3|S1;"
	                    "Bernd Weiß|Referat 11|1|S2");
	test_act_as(&app, "admin");
	ok(site_add(&app, "Anderswo", NULL, NULL, NULL, &err), &err);
	test_act_as(&app, "anna");
	who_text(&app, NULL, "Anderswo", text, sizeof text);
	assert_string_equal(text, "");
	test_act_as(&app, "fritz");
	who_text(&app, "Referat 12", "Haus", text, sizeof text);
	assert_string_equal(text, "Carl Öztürk|Referat 12|1|R8;Carl Öztürk|Referat 12|2|N1");
	assert_int_equal(booking_who(&app, TUE24, NULL, "Nirgendwo", &l, &err), HOP_ENOTFOUND);
	assert_int_equal(booking_who(&app, TUE24, "Referat 99", NULL, &l, &err), HOP_ENOTFOUND);
	assert_int_equal(booking_who(&app, HOP_DATE_NONE, NULL, NULL, &l, &err), HOP_EINVAL);
	/* A day without bookings. */
	ok(booking_who(&app, THU26, NULL, NULL, &l, &err), &err);
	assert_int_equal(l.n, 0);
	booking_who_free(&l);
	test_app_close(&app);
}

/* ---- cancelling ---- */

static void test_cancel_half(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking b;
	int n = 0;
	(void)state;

	org(&app);
	ok(book_full(&app, "anna", WED25, "S1", HALF_DAY, NULL, 0, &b, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_cancel(&app, WED25, "S1", HALF_AM, NULL, &n, &err), &err);
	assert_int_equal(n, 1);
	ok(booking_get(&app, b.id, &b, &err), &err);
	assert_false(b.cancelled);
	assert_int_equal(b.half, HALF_PM);
	assert_int_equal(b.sequence, 1);
	/* The morning is free for someone else now. */
	ok(book(&app, "bernd", WED25, "S1", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_cancel(&app, WED25, NULL, HALF_PM, NULL, &n, &err), &err);
	ok(booking_get(&app, b.id, &b, &err), &err);
	assert_true(b.cancelled);
	assert_int_equal(b.sequence, 2);
	/* Nothing left to cancel says so. */
	assert_int_equal(booking_cancel(&app, WED25, NULL, HALF_DAY, NULL, &n, &err), HOP_ENOTFOUND);
	has(err.msg, "you have no booking on Wed 25 Nov 2026");
	assert_int_equal(booking_cancel(&app, MON23 - 1, NULL, HALF_DAY, NULL, &n, &err), HOP_EINVAL);
	has(err.msg, "in the past");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel'"), 2);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel' "
	                       "AND detail LIKE 'desk S1, 2026-11-25, AM, anna (Anna Berg); keeps PM'"),
	                 1);
	test_app_close(&app);
}

static void test_cancel_range(void **state)
{
	struct hop_app app;
	struct hop_err err;
	int n = 0;
	(void)state;

	org(&app);
	ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);
	ok(book(&app, "anna", WED25, "S2", HALF_AM, &err), &err);
	ok(book_full(&app, "anna", WED25, "R8", HALF_PM, NULL, 2, NULL, &err), &err);
	ok(book(&app, "anna", THU26, "S1", HALF_DAY, &err), &err);
	ok(book(&app, "bernd", WED25, "S1", HALF_DAY, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_cancel_range(&app, TUE24, WED25, NULL, &n, &err), &err);
	assert_int_equal(n, 3);
	assert_int_equal(active_bookings(&app), 2);   /* anna's Thursday, bernd's Wednesday */
	/* Past and backwards stretches are refused. */
	assert_int_equal(booking_cancel_range(&app, MON23 - 7, MON23 - 3, NULL, &n, &err), HOP_EINVAL);
	has(err.msg, "in the past");
	assert_int_equal(booking_cancel_range(&app, THU26, TUE24, NULL, &n, &err), HOP_EINVAL);
	has(err.msg, "before it starts");
	/* A stretch that starts in the past cancels from today on. */
	ok(booking_cancel_range(&app, MON23 - 7, FRI27, NULL, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(active_bookings(&app), 1);
	test_app_close(&app);
}

/* ---- --any ---- */

static enum hop_status any(struct hop_app *app, const char *actor, hop_date day, const char *zone,
                           unsigned attrs, bool near_team, struct hop_booking *made,
                           struct hop_err *err)
{
	struct booking_request rq = { .day = day, .any = true, .zone = zone, .attrs = attrs,
	                              .near_team = near_team };
	test_act_as(app, actor);
	return booking_book(app, &rq, made, err);
}

static void test_any(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking b;
	(void)state;

	org(&app);
	/* The team's zone first, codes in natural order: S1 < S2 < S10. */
	ok(any(&app, "anna", TUE24, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S1");
	ok(any(&app, "bernd", TUE24, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S2");
	/* Then the fewest moves from the last desk: bernd sits at S10 on Wednesday. */
	ok(book(&app, "bernd", WED25, "S10", HALF_DAY, &err), &err);
	ok(any(&app, "bernd", THU26, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S10");
	/* ed has no team: his last desk O1 is taken, so the same zone (O2) wins
	 * over the first code elsewhere; F1 is a fixed desk its owner may still claim. */
	ok(book(&app, "ed", MON23, "O1", HALF_DAY, &err), &err);
	ok(book(&app, "anna", FRI27, "O1", HALF_DAY, &err), &err);
	ok(any(&app, "ed", FRI27, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "O2");
	/* Someone who already has a desk that half is told so, not given another. */
	assert_int_equal(any(&app, "ed", FRI27, NULL, 0, false, &b, &err), HOP_ECONFLICT);
	has(err.msg, "you have already booked desk O2");
	test_app_close(&app);
}

static void test_any_filters(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking b;
	(void)state;

	org(&app);
	/* carl's team zone with a monitor. */
	ok(any(&app, "carl", TUE24, NULL, ATTR_MONITOR, false, &b, &err), &err);
	assert_string_equal(b.desk, "N2");
	/* Quiet desks: only O1. */
	ok(any(&app, "anna", TUE24, NULL, ATTR_QUIET, false, &b, &err), &err);
	assert_string_equal(b.desk, "O1");
	/* Nothing matches: the message names the conditions. */
	assert_int_equal(any(&app, "bernd", TUE24, "Süd", ATTR_QUIET, false, &b, &err),
	                 HOP_ECONFLICT);
	has(err.msg, "no free desk on Tue 24 Nov 2026 (all day) matches: zone Süd, with quiet");
	/* near_team: only the team's zones. */
	ok(any(&app, "bernd", TUE24, NULL, 0, true, &b, &err), &err);
	assert_string_equal(b.desk, "S1");
	assert_int_equal(any(&app, "ed", TUE24, NULL, 0, true, &b, &err), HOP_EINVAL);
	has(err.msg, "Ed Kuhn is in no team");
	/* The fixed desk F1 is not handed out while its owner may claim it: fill
	 * Ost and ask for it. */
	ok(book(&app, "lena", WED25, "O1", HALF_DAY, &err), &err);
	ok(book(&app, "ludwig", WED25, "O2", HALF_DAY, &err), &err);
	assert_int_equal(any(&app, "ed", WED25, "Ost", 0, false, &b, &err), HOP_ECONFLICT);
	has(err.msg, "zone Ost");
	/* On the day itself the lead time has passed: F1 may be taken. */
	ok(book(&app, "lena", MON23, "O1", HALF_DAY, &err), &err);
	ok(book(&app, "ludwig", MON23, "O2", HALF_DAY, &err), &err);
	ok(any(&app, "ed", MON23, "Ost", 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "F1");
	/* Team rooms, leads' rooms and who may book: TR only for Referat 11. */
	{
		struct booking_request rq = { .day = THU26, .any = true, .attendees = 5 };
		test_act_as(&app, "carl");
		ok(booking_book(&app, &rq, &b, &err), &err);
		assert_string_equal(b.desk, "R8");     /* not TR (team), not M1 (leads, 4) */
		test_act_as(&app, "anna");
		ok(booking_book(&app, &rq, &b, &err), &err);
		assert_string_equal(b.desk, "TR");     /* her team's room first */
	}
	test_app_close(&app);
}

/* ---- series ---- */

static void test_series(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct booking_request rq = { .day = MON23, .desk = "S1" };
	struct series_item *items;
	size_t n;
	unsigned w;
	(void)state;

	org(&app);
	ok(book(&app, "bernd", THU26, "S1", HALF_DAY, &err), &err);
	test_act_as(&app, "anna");
	ok(weekdays_parse("mon,thu", &w, &err), &err);
	ok(booking_book_series(&app, &rq, w, date_from_ymd(2026, 12, 3), &items, &n, &err), &err);
	assert_int_equal(n, 4);
	assert_int_equal(items[0].day, MON23);
	assert_int_equal(items[0].status, HOP_OK);
	assert_string_equal(items[0].desk, "S1");
	assert_int_equal(items[1].day, THU26);
	assert_int_equal(items[1].status, HOP_ECONFLICT);
	has(items[1].msg, "desk S1 is already booked by Bernd Weiß on Thu 26 Nov 2026");
	assert_int_equal(items[2].status, HOP_OK);
	assert_int_equal(items[3].status, HOP_OK);
	free(items);
	/* A Saturday in the chosen days is reported as not a working day; other
	 * weekend days are not mentioned. */
	rq.desk = "S2";
	ok(weekdays_parse("tue,sa", &w, &err), &err);
	ok(booking_book_series(&app, &rq, w, date_from_ymd(2026, 12, 1), &items, &n, &err), &err);
	assert_int_equal(n, 3);
	assert_int_equal(items[0].day, TUE24);
	assert_int_equal(items[0].status, HOP_OK);
	assert_int_equal(items[1].day, SAT28);
	assert_int_equal(items[1].status, HOP_EINVAL);
	has(items[1].msg, "not a working day");
	assert_int_equal(items[2].status, HOP_OK);
	free(items);
	/* What holds for every date refuses the whole series. */
	rq.for_login = "carl";
	assert_int_equal(booking_book_series(&app, &rq, w, date_from_ymd(2026, 12, 1), &items, &n,
	                                     &err), HOP_EPERM);
	assert_null(items);
	rq.for_login = NULL;
	assert_int_equal(booking_book_series(&app, &rq, w, MON23 - 1, &items, &n, &err), HOP_EINVAL);
	has(err.msg, "before its first day");
	test_app_close(&app);
}

static void test_weekdays(void **state)
{
	struct hop_err err;
	unsigned w = 0;
	(void)state;

	ok(weekdays_parse("mon,thu", &w, &err), &err);
	assert_int_equal(w, (1u << 1) | (1u << 4));
	ok(weekdays_parse("Mo,Do", &w, &err), &err);
	assert_int_equal(w, (1u << 1) | (1u << 4));
	ok(weekdays_parse("mon-fri", &w, &err), &err);
	assert_int_equal(w, 0x3eu);
	ok(weekdays_parse("Montag-Freitag", &w, &err), &err);
	assert_int_equal(w, 0x3eu);
	ok(weekdays_parse("Tuesday Wednesday; so", &w, &err), &err);
	assert_int_equal(w, (1u << 2) | (1u << 3) | (1u << 7));
	assert_int_equal(weekdays_parse("mon,mox", &w, &err), HOP_EINVAL);
	has(err.msg, "'mox' is not a weekday");
	assert_int_equal(weekdays_parse("fri-mon", &w, &err), HOP_EINVAL);
	has(err.msg, "'fri-mon' runs backwards");
	assert_int_equal(weekdays_parse(" , ", &w, &err), HOP_EINVAL);
	has(err.msg, "no weekdays given");
	assert_int_equal(weekdays_parse("mon-", &w, &err), HOP_EINVAL);
	assert_string_equal(half_display(HALF_AM), "AM");
	assert_string_equal(half_display(HALF_DAY), "");
	assert_string_equal(half_label(HALF_DAY), "all day");
}

/* ---- the day view ---- */

static const struct desk_day *find(const struct desk_day_view *v, const char *code)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].code, code) == 0)
			return &v->v[i];
	fail_msg("no %s in the view", code);
	return NULL;
}

static void test_day_view(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct desk_day_view v;
	const struct desk_day *d;
	(void)state;

	org(&app);
	ok(book(&app, "bernd", TUE24, "S1", HALF_AM, &err), &err);
	ok(book(&app, "anna", TUE24, "S2", HALF_DAY, &err), &err);
	ok(book(&app, "carl", TUE24, "F1", HALF_AM, &err), &err);
	ok(book(&app, "carl", TUE24, "N1", HALF_PM, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	assert_true(v.working_day);
	assert_int_equal(v.n, 11);
	/* Grouped by site, floor, zone; codes in natural order. */
	assert_int_equal(v.nzones, 3);
	assert_string_equal(v.zones[0].name, "Nord");
	assert_string_equal(v.zones[1].name, "Süd");
	assert_string_equal(v.zones[2].name, "Ost");
	assert_string_equal(v.v[2].code, "S1");
	assert_string_equal(v.v[3].code, "S2");
	assert_string_equal(v.v[4].code, "S10");
	assert_string_equal(v.v[5].code, "TR");
	assert_int_equal(v.v[2].zone, 1);
	d = find(&v, "S1");
	assert_int_equal(d->am.state, SLOT_BOOKED);
	assert_string_equal(d->am.name, "Bernd Weiß");        /* her team */
	assert_int_equal(d->pm.state, SLOT_FREE);
	d = find(&v, "S2");
	assert_int_equal(d->am.state, SLOT_MINE);
	assert_int_equal(d->pm.state, SLOT_MINE);
	d = find(&v, "N1");
	assert_int_equal(d->pm.state, SLOT_BOOKED);
	assert_string_equal(d->pm.name, "");                  /* another team: hidden */
	assert_true(d->pm.booking_id > 0);
	d = find(&v, "F1");
	assert_int_equal(d->am.state, SLOT_FIXED);
	assert_int_equal(d->pm.state, SLOT_FIXED);            /* claimed: the day is carl's */
	assert_string_equal(d->owner_name, "Carl Öztürk");
	assert_int_equal(find(&v, "TR")->am.state, SLOT_FREE);    /* her team's room */
	assert_int_equal(find(&v, "M1")->am.state, SLOT_CLOSED);  /* leads only */
	assert_int_equal(v.bookable, 22);
	assert_int_equal(v.booked, 5);
	desk_day_view_free(&v);

	/* carl sees his fixed desk's free half as free. */
	test_act_as(&app, "carl");
	ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	d = find(&v, "F1");
	assert_int_equal(d->am.state, SLOT_MINE);
	assert_int_equal(d->pm.state, SLOT_FREE);
	assert_int_equal(find(&v, "TR")->am.state, SLOT_CLOSED);
	desk_day_view_free(&v);

	/* A filter: desks with a monitor only. */
	{
		struct desk_filter f = { .attrs = ATTR_MONITOR, .rooms = 0 };
		ok(booking_day_view(&app, TUE24, &f, &v, &err), &err);
		assert_int_equal(v.n, 3);
		assert_int_equal(v.booked, 2);
		desk_day_view_free(&v);
	}

	/* One zone: its places, its desks counted, every string there to print. */
	{
		struct desk_filter f = { .zone = "Ost", .rooms = -1 };
		ok(booking_day_view(&app, TUE24, &f, &v, &err), &err);
		assert_int_equal(v.n, 5);
		assert_int_equal(v.nzones, 1);
		assert_string_equal(v.zones[0].site, "Haus");
		assert_string_equal(v.zones[0].floor, "4. OG");
		assert_string_equal(v.zones[0].team, "");
		assert_int_equal(v.zones[0].desks, 3);
		assert_string_equal(v.v[0].code, "F1");
		assert_string_equal(v.v[0].am.name, "Carl Öztürk");   /* carl's own */
		assert_int_equal(v.v[0].am.state, SLOT_MINE);
		assert_string_equal(v.v[0].pm.name, "");
		assert_string_equal(v.v[1].code, "M1");
		assert_string_equal(v.v[1].owner_name, "");
		assert_string_equal(v.v[1].am.login, "");
		assert_string_equal(v.v[4].code, "R8");
		assert_int_equal(v.booked, 1);
		desk_day_view_free(&v);
	}

	/* A Saturday: nothing bookable. */
	ok(booking_day_view(&app, SAT28, NULL, &v, &err), &err);
	assert_false(v.working_day);
	has(v.not_working, "Saturday");
	assert_int_equal(v.bookable, 0);
	for (size_t i = 0; i < v.n; i++) {
		assert_int_equal(v.v[i].am.state, SLOT_CLOSED);
		assert_int_equal(v.v[i].pm.state, SLOT_CLOSED);
	}
	desk_day_view_free(&v);
	test_app_close(&app);
}

/* The Desks screen's places and who's maps are kept on the connection: a
 * write on it, or a commit from another connection, must show in the next
 * call; a view made before keeps its strings after the cache is read again. */
static void test_cache_invalidation(void **state)
{
	struct hop_app app, other;
	struct hop_err err;
	struct desk_day_view v, before;
	char buf[2048];
	(void)state;

	org(&app);
	test_act_as(&app, "anna");
	ok(booking_day_view(&app, TUE24, NULL, &before, &err), &err);
	assert_int_equal(before.n, 11);
	ok(booking_day_view(&app, WED25, NULL, &v, &err), &err);     /* from the cache */
	assert_int_equal(v.n, 11);
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "");

	/* A write on this connection. */
	test_act_as(&app, "admin");
	place(&app, "S3", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	ok(book(&app, "anna", TUE24, "S3", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_day_view(&app, TUE24, NULL, &v, &err), &err);
	assert_int_equal(v.n, 12);
	assert_int_equal(find(&v, "S3")->am.state, SLOT_MINE);
	assert_int_equal(v.zones[1].desks, 4);
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Berg|Referat 11|1|S3");
	/* The view read before the write still has its strings. */
	assert_string_equal(before.v[0].code, "N1");
	assert_string_equal(before.zones[0].name, "Nord");
	assert_string_equal(before.zones[0].site, "Haus");
	desk_day_view_free(&before);

	/* A commit from another connection to the same file. */
	memset(&other, 0, sizeof other);
	config_defaults(&other.cfg);
	snprintf(other.db_path, sizeof other.db_path, "%s", app.db_path);
	snprintf(other.actor.login, sizeof other.actor.login, "%s", "admin");
	ok(app_open_db(&other, false, &err), &err);
	place(&other, "N3", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	ok(zone_add(&other, "Haus", "5. OG", 5, "West", NULL, &err), &err);
	place(&other, "W1", "West", DESK_KIND_DESK, 0, 0, "bernd", BOOKABLE_ALL);
	ok(book(&other, "anna", WED25, "N3", HALF_PM, &err), &err);
	ok(book(&other, "bernd", TUE24, "W1", HALF_DAY, &err), &err);
	app_close(&other);

	ok(booking_day_view(&app, WED25, NULL, &v, &err), &err);
	assert_int_equal(v.n, 14);
	assert_int_equal(v.nzones, 4);
	assert_string_equal(v.zones[3].name, "West");
	assert_int_equal(find(&v, "N3")->pm.state, SLOT_MINE);
	assert_string_equal(find(&v, "W1")->owner_name, "Bernd Weiß");
	desk_day_view_free(&v);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Berg|Referat 11|1|S3;Bernd Weiß|Referat 11|3|W1");

	/* who keeps everyone's names too: a rename from the other connection. */
	snprintf(other.actor.login, sizeof other.actor.login, "%s", "admin");
	ok(app_open_db(&other, false, &err), &err);
	{
		struct person_edit e = { .fields = PF_NAME };
		snprintf(e.name, sizeof e.name, "%s", "Anna Zorn");
		ok(person_edit(&other, "anna", &e, &err), &err);
	}
	app_close(&other);
	who_text(&app, NULL, NULL, buf, sizeof buf);
	assert_string_equal(buf, "Anna Zorn|Referat 11|1|S3;Bernd Weiß|Referat 11|3|W1");
	test_app_close(&app);
}

static void test_free_places(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk_list l;
	struct desk_filter f = { .rooms = 0 };
	(void)state;

	org(&app);
	ok(book(&app, "bernd", TUE24, "S1", HALF_AM, &err), &err);
	ok(book(&app, "carl", TUE24, "F1", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	ok(booking_free(&app, TUE24, HALF_DAY, &f, &l, &err), &err);
	/* N1 N2 S2 S10 O1 O2: not S1 (morning taken), not F1 (claimed). */
	assert_int_equal(l.n, 6);
	assert_string_equal(l.v[0].code, "N1");
	assert_string_equal(l.v[2].code, "S2");
	assert_string_equal(l.v[3].code, "S10");
	desk_list_free(&l);
	ok(booking_free(&app, TUE24, HALF_PM, &f, &l, &err), &err);
	assert_int_equal(l.n, 7);
	desk_list_free(&l);
	f.rooms = 1;
	ok(booking_free(&app, TUE24, HALF_DAY, &f, &l, &err), &err);
	assert_int_equal(l.n, 2);                 /* TR, R8; not M1 (leads) */
	desk_list_free(&l);
	assert_int_equal(booking_free(&app, SAT28, HALF_DAY, &f, &l, &err), HOP_EINVAL);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_double_booking),
		cmocka_unit_test(test_day_rules),
		cmocka_unit_test(test_fixed_desk),
		cmocka_unit_test(test_rooms),
		cmocka_unit_test(test_bookable_by),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test(test_privacy),
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_cancel_half),
		cmocka_unit_test(test_cancel_range),
		cmocka_unit_test(test_any),
		cmocka_unit_test(test_any_filters),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_day_view),
		cmocka_unit_test(test_cache_invalidation),
		cmocka_unit_test(test_free_places),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
