/* Bookings: every rule of booking.h, the schema's own refusal of double
 * bookings, privacy, cancelling, --any and series.  Who is in and the day
 * view: test_booking_view.c. */
#include "booking_org.h"

static void test_double_booking(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking made;
	(void)state;

	org(&app);
	test_ok(book_full(&app, "anna", TUE24, "S1", HALF_AM, NULL, 0, &made, &err), &err);
	assert_string_equal(made.desk, "S1");
	assert_string_equal(made.name, "Anna Berg");
	assert_int_equal(made.half, HALF_AM);
	assert_int_equal(made.sequence, 0);
	assert_string_equal(made.zone, "Süd");

	/* Another person, the same desk and half: refused, with who and when. */
	assert_int_equal(book(&app, "bernd", TUE24, "S1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "desk S1 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)");
	/* The free half is free. */
	test_ok(book(&app, "bernd", TUE24, "S1", HALF_PM, &err), &err);
	/* The same person, a second desk in the same half: refused. */
	assert_int_equal(book(&app, "anna", TUE24, "S2", HALF_AM, &err), HOP_ECONFLICT);
	has(err.msg, "you have already booked desk S1 on Tue 24 Nov 2026 (AM)");
	/* Core names no command; the reason and its facts let a front end say how
	 * to cancel it (test_advice.c). */
	hasnt(err.msg, "hop cancel");
	assert_int_equal(err.reason, HOP_R_HOLDS_DESK);
	assert_string_equal(err.facts.place, "S1");
	assert_int_equal(err.facts.day, TUE24);
	assert_string_equal(err.facts.login, "anna");
	assert_true(err.facts.self);
	/* ... but a room besides the desk is fine. */
	test_ok(book_full(&app, "anna", TUE24, "R8", HALF_AM, NULL, 3, NULL, &err), &err);
	assert_int_equal(active_bookings(&app), 3);

	/* The schema refuses by itself, whatever core would have said. */
	{
		struct db_stmt *st = db_stmt(app.db, "INSERT INTO booking (desk_id, person_id, day, am, "
		                           "pm, is_room, booked_by, created_at, updated_at) "
		                           "SELECT d.id, p.id, '2026-11-24', 1, 0, 0, p.id, 'x', 'x' "
		                           "FROM desk d, person p WHERE d.code = ?1 AND p.login = ?2",
		                           &err);
		assert_non_null(st);
		/* Same desk and half, another person. */
		db_bind_text(st, 1, "S1");
		db_bind_text(st, 2, "carl");
		assert_int_equal(db_step(st), DB_UNIQUE);
		db_clear(st);
		/* Same person and half, another desk. */
		db_bind_text(st, 1, "N1");
		db_bind_text(st, 2, "anna");
		assert_int_equal(db_step(st), DB_UNIQUE);
		db_clear(st);
		/* Control: the same insert for a free desk and person goes in. */
		db_bind_text(st, 1, "N1");
		db_bind_text(st, 2, "carl");
		assert_int_equal(db_step(st), DB_DONE);
		db_reset(st);
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
	test_ok(book(&app, "anna", MON23 + 28, "S1", HALF_DAY, &err), &err);
	/* Today is allowed. */
	test_ok(book(&app, "anna", MON23, "S1", HALF_DAY, &err), &err);
	assert_int_equal(active_bookings(&app), 2);
	/* Unknown desk, someone who left. */
	assert_int_equal(book(&app, "anna", TUE24, "X9", HALF_DAY, &err), HOP_ENOTFOUND);
	has(err.msg, "there is no desk or room 'X9'");
	test_act_as(&app, "admin");
	test_ok(person_remove(&app, "bernd", TUE24, &err), &err);
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
	test_ok(book(&app, "anna", THU26, "F1", HALF_DAY, &err), &err);
	/* The owner claims it three days ahead (lead time 1 day): anna's booking goes. */
	test_ok(book(&app, "carl", THU26, "F1", HALF_AM, &err), &err);
	test_act_as(&app, "admin");
	test_ok(booking_list(&app, &f, &l, &err), &err);
	assert_int_equal(l.n, 1);
	/* The owner took the morning: anna gives it up and keeps the afternoon. */
	assert_false(l.v[0].cancelled);
	assert_int_equal(l.v[0].half, HALF_PM);
	assert_int_equal(l.v[0].sequence, 1);
	booking_list_free(&l);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel' "
	                       "AND detail LIKE '%claimed by its owner carl%'"), 1);
	/* A whole-day claim cancels the whole booking, with the reason kept. */
	test_ok(book(&app, "anna", WED25, "F1", HALF_DAY, &err), &err);
	test_ok(book(&app, "carl", WED25, "F1", HALF_DAY, &err), &err);
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
	test_ok(book(&app, "anna", MON23, "F1", HALF_DAY, &err), &err);
	assert_int_equal(book(&app, "carl", MON23, "F1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "desk F1 is already booked by Anna Berg on Mon 23 Nov 2026 (all day); less "
	    "than 1 day before the day");
	/* A longer lead time: three days. */
	app.cfg.fixed_desk_claim_days = 3;
	test_ok(book(&app, "bernd", FRI27 + 3, "F1", HALF_DAY, &err), &err);   /* Mon 30, 7 days */
	test_ok(book(&app, "bernd", TUE24, "F1", HALF_DAY, &err), &err);      /* 1 day ahead */
	assert_int_equal(book(&app, "carl", TUE24, "F1", HALF_DAY, &err), HOP_ECONFLICT);
	has(err.msg, "Bernd Weiß");
	test_ok(book(&app, "carl", FRI27 + 3, "F1", HALF_DAY, &err), &err);
	/* Cancelling frees the fixed desk for others again. */
	test_act_as(&app, "carl");
	test_ok(booking_cancel(&app, FRI27 + 3, "F1", HALF_DAY, NULL, NULL, &err), &err);
	test_ok(book(&app, "ed", FRI27 + 3, "F1", HALF_DAY, &err), &err);
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
	test_ok(book_full(&app, "ed", TUE24, "R8", HALF_AM, NULL, 8, NULL, &err), &err);
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
	test_ok(book(&app, "anna", TUE24, "TR", HALF_AM, &err), &err);
	test_ok(book(&app, "fritz", TUE24, "TR", HALF_PM, &err), &err);
	/* M1: leads only. */
	assert_int_equal(book(&app, "anna", WED25, "M1", HALF_AM, &err), HOP_EPERM);
	has(err.msg, "can be booked only by team leads");
	test_ok(book(&app, "ludwig", WED25, "M1", HALF_AM, &err), &err);
	/* A lead books it for a member of their team (the meeting is theirs). */
	test_ok(book_full(&app, "lena", WED25, "M1", HALF_PM, "anna", 0, NULL, &err), &err);
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
	test_ok(book_full(&app, "lena", TUE24, "S1", 0, "anna", 0, NULL, &err), &err);
	assert_int_equal(book_full(&app, "lena", TUE24, "N1", 0, "carl", 0, NULL, &err), HOP_EPERM);
	has(err.msg, "Carl Öztürk is not in one of them");
	test_ok(book_full(&app, "fritz", TUE24, "N1", 0, "carl", 0, NULL, &err), &err);
	/* Who booked is recorded. */
	assert_int_equal(count(&app, "SELECT count(*) FROM booking b JOIN person p ON p.id = "
	                       "b.booked_by WHERE p.login = 'fritz'"), 1);
	/* Cancelling follows the same rule. */
	test_act_as(&app, "bernd");
	assert_int_equal(booking_cancel(&app, TUE24, NULL, HALF_DAY, "anna", &n, &err), HOP_EPERM);
	test_act_as(&app, "ludwig");
	test_ok(booking_cancel(&app, TUE24, NULL, HALF_DAY, "carl", &n, &err), &err);
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
	test_ok(booking_who(app, TUE24, NULL, NULL, &l, &err), &err);
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
	test_ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);

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
		test_ok(booking_list(&app, &f, &l, &err), &err);
		assert_int_equal(l.n, 0);
		booking_list_free(&l);
		test_act_as(&app, "anna");
		test_ok(booking_list(&app, &f, &l, &err), &err);
		assert_int_equal(l.n, 1);
		booking_list_free(&l);
	}
	test_app_close(&app);
}

static void test_cancel_half(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking b;
	int n = 0;
	(void)state;

	org(&app);
	test_ok(book_full(&app, "anna", WED25, "S1", HALF_DAY, NULL, 0, &b, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_cancel(&app, WED25, "S1", HALF_AM, NULL, &n, &err), &err);
	assert_int_equal(n, 1);
	test_ok(booking_get(&app, b.id, &b, &err), &err);
	assert_false(b.cancelled);
	assert_int_equal(b.half, HALF_PM);
	assert_int_equal(b.sequence, 1);
	/* The morning is free for someone else now. */
	test_ok(book(&app, "bernd", WED25, "S1", HALF_AM, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_cancel(&app, WED25, NULL, HALF_PM, NULL, &n, &err), &err);
	test_ok(booking_get(&app, b.id, &b, &err), &err);
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
	test_ok(book(&app, "anna", TUE24, "S1", HALF_DAY, &err), &err);
	test_ok(book(&app, "anna", WED25, "S2", HALF_AM, &err), &err);
	test_ok(book_full(&app, "anna", WED25, "R8", HALF_PM, NULL, 2, NULL, &err), &err);
	test_ok(book(&app, "anna", THU26, "S1", HALF_DAY, &err), &err);
	test_ok(book(&app, "bernd", WED25, "S1", HALF_DAY, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_cancel_range(&app, TUE24, WED25, NULL, &n, &err), &err);
	assert_int_equal(n, 3);
	assert_int_equal(active_bookings(&app), 2);   /* anna's Thursday, bernd's Wednesday */
	/* Past and backwards stretches are refused. */
	assert_int_equal(booking_cancel_range(&app, MON23 - 7, MON23 - 3, NULL, &n, &err), HOP_EINVAL);
	has(err.msg, "in the past");
	assert_int_equal(booking_cancel_range(&app, THU26, TUE24, NULL, &n, &err), HOP_EINVAL);
	has(err.msg, "before it starts");
	/* A stretch that starts in the past cancels from today on. */
	test_ok(booking_cancel_range(&app, MON23 - 7, FRI27, NULL, &n, &err), &err);
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
	test_ok(any(&app, "anna", TUE24, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S1");
	test_ok(any(&app, "bernd", TUE24, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S2");
	/* Then the fewest moves from the last desk: bernd sits at S10 on Wednesday. */
	test_ok(book(&app, "bernd", WED25, "S10", HALF_DAY, &err), &err);
	test_ok(any(&app, "bernd", THU26, NULL, 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "S10");
	/* ed has no team: his last desk O1 is taken, so the same zone (O2) wins
	 * over the first code elsewhere; F1 is a fixed desk its owner may still claim. */
	test_ok(book(&app, "ed", MON23, "O1", HALF_DAY, &err), &err);
	test_ok(book(&app, "anna", FRI27, "O1", HALF_DAY, &err), &err);
	test_ok(any(&app, "ed", FRI27, NULL, 0, false, &b, &err), &err);
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
	test_ok(any(&app, "carl", TUE24, NULL, ATTR_MONITOR, false, &b, &err), &err);
	assert_string_equal(b.desk, "N2");
	/* Quiet desks: only O1. */
	test_ok(any(&app, "anna", TUE24, NULL, ATTR_QUIET, false, &b, &err), &err);
	assert_string_equal(b.desk, "O1");
	/* Nothing matches: the message names the conditions. */
	assert_int_equal(any(&app, "bernd", TUE24, "Süd", ATTR_QUIET, false, &b, &err),
	                 HOP_ECONFLICT);
	has(err.msg, "no free desk on Tue 24 Nov 2026 (all day) matches: zone Süd, with quiet");
	/* near_team: only the team's zones. */
	test_ok(any(&app, "bernd", TUE24, NULL, 0, true, &b, &err), &err);
	assert_string_equal(b.desk, "S1");
	assert_int_equal(any(&app, "ed", TUE24, NULL, 0, true, &b, &err), HOP_EINVAL);
	has(err.msg, "Ed Kuhn is in no team");
	/* The fixed desk F1 is not handed out while its owner may claim it: fill
	 * Ost and ask for it. */
	test_ok(book(&app, "lena", WED25, "O1", HALF_DAY, &err), &err);
	test_ok(book(&app, "ludwig", WED25, "O2", HALF_DAY, &err), &err);
	assert_int_equal(any(&app, "ed", WED25, "Ost", 0, false, &b, &err), HOP_ECONFLICT);
	has(err.msg, "zone Ost");
	/* On the day itself the lead time has passed: F1 may be taken. */
	test_ok(book(&app, "lena", MON23, "O1", HALF_DAY, &err), &err);
	test_ok(book(&app, "ludwig", MON23, "O2", HALF_DAY, &err), &err);
	test_ok(any(&app, "ed", MON23, "Ost", 0, false, &b, &err), &err);
	assert_string_equal(b.desk, "F1");
	/* Team rooms, leads' rooms and who may book: TR only for Referat 11. */
	{
		struct booking_request rq = { .day = THU26, .any = true, .attendees = 5 };
		test_act_as(&app, "carl");
		test_ok(booking_book(&app, &rq, &b, &err), &err);
		assert_string_equal(b.desk, "R8");     /* not TR (team), not M1 (leads, 4) */
		test_act_as(&app, "anna");
		test_ok(booking_book(&app, &rq, &b, &err), &err);
		assert_string_equal(b.desk, "TR");     /* her team's room first */
	}
	/* The choice of place: one rule, asked alone or by booking_book, which
	 * then books nothing. */
	{
		struct booking_request both = { .day = FRI27, .desk = "S1", .any = true };
		struct booking_request none = { .day = FRI27 };
		struct booking_request filter = { .day = FRI27, .desk = "S1", .attrs = ATTR_QUIET };
		struct booking_request fine = { .day = FRI27, .any = true, .near_team = true };
		int before = active_bookings(&app);

		assert_int_equal(booking_choice_check(&both, &err), HOP_EINVAL);
		has(err.msg, "exclude each other");
		assert_int_equal(err.reason, HOP_R_DESK_AND_ANY);
		assert_int_equal(booking_book(&app, &both, &b, &err), HOP_EINVAL);
		assert_int_equal(err.reason, HOP_R_DESK_AND_ANY);
		assert_int_equal(booking_choice_check(&none, &err), HOP_EINVAL);
		assert_int_equal(err.reason, HOP_R_DESK_OR_ANY);
		assert_int_equal(booking_choice_check(&filter, &err), HOP_EINVAL);
		assert_int_equal(err.reason, HOP_R_ANY_ONLY);
		assert_int_equal(booking_book(&app, &filter, &b, &err), HOP_EINVAL);
		test_ok(booking_choice_check(&fine, &err), &err);
		assert_int_equal(active_bookings(&app), before);
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
	test_ok(book(&app, "bernd", THU26, "S1", HALF_DAY, &err), &err);
	test_act_as(&app, "anna");
	test_ok(weekdays_parse("mon,thu", &w, &err), &err);
	test_ok(booking_book_series(&app, &rq, w, date_from_ymd(2026, 12, 3), &items, &n, &err), &err);
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
	test_ok(weekdays_parse("tue,sa", &w, &err), &err);
	test_ok(booking_book_series(&app, &rq, w, date_from_ymd(2026, 12, 1), &items, &n, &err), &err);
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

	test_ok(weekdays_parse("mon,thu", &w, &err), &err);
	assert_int_equal(w, (1u << 1) | (1u << 4));
	test_ok(weekdays_parse("Mo,Do", &w, &err), &err);
	assert_int_equal(w, (1u << 1) | (1u << 4));
	test_ok(weekdays_parse("mon-fri", &w, &err), &err);
	assert_int_equal(w, 0x3eu);
	test_ok(weekdays_parse("Montag-Freitag", &w, &err), &err);
	assert_int_equal(w, 0x3eu);
	test_ok(weekdays_parse("Tuesday Wednesday; so", &w, &err), &err);
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
		cmocka_unit_test(test_cancel_half),
		cmocka_unit_test(test_cancel_range),
		cmocka_unit_test(test_any),
		cmocka_unit_test(test_any_filters),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_weekdays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
