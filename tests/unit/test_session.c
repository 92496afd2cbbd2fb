/* Training sessions: the date-time parser, adding with the end from the
 * course's hours, the refusals that change nothing, the room booked per
 * day with the halves the times give, moving and cancelling. */
#include "trn_org.h"
#include "hop/base/datetime.h"
#include "hop/core/training/session.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static struct hop_datetime at(int y, int m, int d, int h, int min)
{
	return (struct hop_datetime){ D(y, m, d), h * 60 + min };
}

static void test_datetime(void **state)
{
	struct hop_datetime t;
	struct hop_err err;
	char buf[HOP_DATETIME_ISO_LEN];

	(void)state;
	clock_set_today(D(2026, 11, 23));
	assert_int_equal(datetime_parse("2027-02-03T09:00", D(2026, 11, 23), -1, &t, &err), HOP_OK);
	assert_string_equal(datetime_format(t, buf), "2027-02-03T09:00");
	assert_int_equal(datetime_parse("2027-02-03 9:30", D(2026, 11, 23), -1, &t, &err), HOP_OK);
	assert_string_equal(datetime_format(t, buf), "2027-02-03T09:30");
	assert_int_equal(datetime_parse("03.02.2027 16:45", D(2026, 11, 23), -1, &t, &err), HOP_OK);
	assert_string_equal(datetime_format(t, buf), "2027-02-03T16:45");
	assert_int_equal(datetime_parse("03.02.2027", D(2026, 11, 23), 9 * 60, &t, &err), HOP_OK);
	assert_string_equal(datetime_format(t, buf), "2027-02-03T09:00");
	assert_int_equal(datetime_parse("03.02.2027", D(2026, 11, 23), -1, &t, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "'03.02.2027' has no time of day; give one such as "
	                    "2027-02-03T09:00 or 03.02.2027 09:00");
	assert_int_equal(datetime_parse("2027-02-03 25:00", D(2026, 11, 23), -1, &t, &err), HOP_EINVAL);
	assert_int_equal(datetime_parse("2027-02-30 10:00", D(2026, 11, 23), -1, &t, &err), HOP_EINVAL);
	assert_int_equal(datetime_parse("", D(2026, 11, 23), -1, &t, &err), HOP_EINVAL);
	assert_true(datetime_parse_iso("2027-02-03T09:00", &t));
	assert_false(datetime_parse_iso("2027-02-03 09:00", &t));
	assert_true(datetime_cmp(at(2027, 2, 3, 9, 0), at(2027, 2, 3, 9, 1)) < 0);
	assert_true(datetime_cmp(at(2027, 2, 4, 0, 0), at(2027, 2, 3, 23, 59)) > 0);
}

static void test_add(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct trn_session s;
	int64_t id;
	struct session_spec sp = { .course = "DS", .start = at(2026, 11, 25, 9, 0),
	                           .end = { HOP_DATE_NONE, 0 }, .capacity = 10, .room = "R1" };

	(void)state;
	trn_org(&app);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_OK);
	assert_int_equal(session_get(&app, id, &s, &err), HOP_OK);
	assert_int_equal(s.end.minute, 12 * 60);          /* 3 hours */
	assert_string_equal(s.room, "R1");
	assert_string_equal(s.site, "Haus");
	assert_int_equal(s.free, 10);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM course_session_booking l JOIN "
	                 "booking b ON b.id = l.booking_id WHERE b.am = 1 AND b.pm = 0 AND "
	                 "b.attendees = 10"), 1);

	/* The room taken that morning: refused in the booking rules' words. */
	sp.start = at(2026, 11, 25, 11, 0);
	sp.end = at(2026, 11, 25, 12, 0);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "R1"));
	assert_non_null(strstr(err.msg, "25 Nov 2026"));
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM course_session"), 1);

	/* An afternoon only: from 14:00, the room's afternoon. */
	sp.start = at(2026, 11, 25, 14, 0);
	sp.end = at(2026, 11, 25, 15, 0);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_OK);
	/* Two days, from 13:00 to 12:00: the first afternoon, the second morning. */
	sp.start = at(2026, 11, 26, 13, 0);
	sp.end = at(2026, 11, 27, 12, 0);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_OK);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM course_session_booking l JOIN "
	                 "booking b ON b.id = l.booking_id WHERE l.session_id = "
	                 "(SELECT max(id) FROM course_session) AND ("
	                 "(b.day = '2026-11-26' AND b.am = 0 AND b.pm = 1) OR "
	                 "(b.day = '2026-11-27' AND b.am = 1 AND b.pm = 0))"), 2);

	/* Online, without hours: 16:00. */
	struct session_spec on = { .course = "EXT", .start = at(2026, 12, 1, 9, 0),
	                           .end = { HOP_DATE_NONE, 0 }, .capacity = 5,
	                           .online_url = "https://meet.example/x" };
	assert_int_equal(session_add(&app, &on, &id, &err), HOP_OK);
	assert_int_equal(session_get(&app, id, &s, &err), HOP_OK);
	assert_int_equal(s.end.minute, 16 * 60);
	assert_true(s.needs_approval);
	test_app_close(&app);
}

static void test_refusals(void **state)
{
	struct hop_app app;
	struct hop_err err;
	int64_t id;
	struct session_spec sp = { .course = "DS", .start = at(2026, 11, 25, 14, 0),
	                           .end = at(2026, 11, 25, 10, 0), .capacity = 3 };

	(void)state;
	trn_org(&app);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the session ends (2026-11-25T10:00) before it starts "
	                    "(2026-11-25T14:00); give an end after the start");
	sp.end = at(2026, 11, 25, 16, 0);
	sp.capacity = 0;
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "a session has 1 to 1000 seats, not 0");
	sp.capacity = 1001;
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EINVAL);
	sp.capacity = 3;
	sp.room = "R1";
	sp.online_url = "https://x.example";
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "a session is in a room, online or at a place elsewhere: "
	                    "give only one of them");
	sp.online_url = NULL;
	sp.room = "R9";
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_ENOTFOUND);
	sp.room = "D1";
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "D1 is a desk, not a room; a session needs a room");
	sp.room = NULL;
	sp.course = "NOPE";
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_ENOTFOUND);
	sp.course = "DS";
	test_act_as(&app, "anna");
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_EPERM);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM course_session"), 0);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM booking"), 0);
	test_app_close(&app);
}

static void test_edit_cancel(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	struct trn_session s;
	int64_t id;
	int n;
	struct session_spec sp = { .course = "DS", .start = at(2026, 11, 25, 9, 0),
	                           .end = { HOP_DATE_NONE, 0 }, .capacity = 1, .room = "R1" };

	(void)state;
	trn_org(&app);
	assert_int_equal(session_add(&app, &sp, &id, &err), HOP_OK);
	assert_int_equal(enrol_add(&app, id, "anna", &r, &err), HOP_OK);
	assert_int_equal(enrol_add(&app, id, "bernd", &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_WAITLISTED);

	/* Fewer seats than booked: refused; more: bernd moves up. */
	struct session_spec ch = { .capacity = 0 };
	assert_int_equal(session_edit(&app, id, &ch, SES_CAPACITY, &n, &err), HOP_EINVAL);
	ch.capacity = 2;
	assert_int_equal(session_edit(&app, id, &ch, SES_CAPACITY, &n, &err), HOP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(session_get(&app, id, &s, &err), HOP_OK);
	assert_int_equal(s.taken, 2);
	assert_int_equal(s.sequence, 1);
	/* Moved to the afternoon: the room booked anew, the morning kept cancelled. */
	ch.start = at(2026, 11, 25, 13, 30);
	ch.end = at(2026, 11, 25, 16, 30);
	assert_int_equal(session_edit(&app, id, &ch, SES_START | SES_END, NULL, &err), HOP_OK);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM course_session_booking l JOIN "
	                 "booking b ON b.id = l.booking_id WHERE b.cancelled_at IS NULL AND b.pm = 1 "
	                 "AND b.am = 0"), 1);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM booking WHERE cancelled_at IS NOT "
	                 "NULL"), 2);                  /* the first and the re-booking's */

	assert_int_equal(session_cancel(&app, id, "", &n, &err), HOP_EINVAL);
	assert_int_equal(session_cancel(&app, id, "Lehrkraft erkrankt", &n, &err), HOP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM booking WHERE cancelled_at IS NULL"), 0);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM enrolment WHERE state = 'cancelled'"), 2);
	assert_int_equal(session_get(&app, id, &s, &err), HOP_OK);
	assert_true(s.cancelled);
	assert_int_equal(session_cancel(&app, id, "again", &n, &err), HOP_ECONFLICT);
	assert_int_equal(enrol_add(&app, id, "dora", &r, &err), HOP_ECONFLICT);
	test_app_close(&app);
}

static void test_list(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct trn_session_list l;
	struct trn_session s;
	bool found;
	int64_t id1, id2;
	struct enrol_result r;
	struct session_spec sp = { .course = "DS", .start = at(2026, 11, 25, 9, 0),
	                           .end = { HOP_DATE_NONE, 0 }, .capacity = 1, .location = "VHS" };

	(void)state;
	trn_org(&app);
	assert_int_equal(session_add(&app, &sp, &id1, &err), HOP_OK);
	sp.start = at(2026, 12, 2, 9, 0);
	assert_int_equal(session_add(&app, &sp, &id2, &err), HOP_OK);
	assert_int_equal(enrol_add(&app, id1, "anna", &r, &err), HOP_OK);
	struct session_filter f = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	assert_int_equal(session_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].taken, 1);
	trn_session_list_free(&l);
	f.free_only = true;
	assert_int_equal(session_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, id2);
	trn_session_list_free(&l);
	assert_int_equal(session_next_free(&app, 1, D(2026, 11, 23), &s, &found, &err),
	                 HOP_OK);
	assert_true(found);
	assert_int_equal(s.id, id2);
	test_act_as(&app, "anna");
	assert_int_equal(session_get(&app, id1, &s, &err), HOP_OK);
	assert_true(s.mine);
	assert_int_equal(s.my_state, ENROL_BOOKED);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_edit_cancel),
		cmocka_unit_test(test_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
