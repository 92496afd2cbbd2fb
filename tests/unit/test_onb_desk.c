/* A new hire's desk next to the mentor (ONB-10), and the team on the day
 * booked: on a day both are in, hop's choice of a free desk is the one
 * nearest to the mentor's in the mentor's zone; without a mentor, before the
 * mentor books or after the first weeks the order is as before; team zones
 * and desks only a team may book follow the team of the day. */
#include "booking_org.h"

#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/membership.h"

#define TUE01 date_from_ymd(2026, 12, 1)
#define MON07 date_from_ymd(2026, 12, 7)
#define FRI04 date_from_ymd(2026, 12, 4)

static void add(struct hop_app *app, const char *login, const char *name, const char *team,
                hop_date start)
{
	test_add_person(app, login, name, team, ROLE_EMPLOYEE, start);
}

/* Referat 11 has two zones, Nord (N1..N3, first in the order) and Süd
 * (S1..S5); Referat 12 has West with W1, for the team only.  Mentor m1 and
 * colleague k1 in Referat 11; new hires n1 (mentor m1) and n2 (none) start on
 * Monday 30 November. */
static void setup(struct hop_app *app)
{
	struct onb_summary o;
	struct mentorship ms;
	struct hop_err err;

	test_app_open(app, "admin", 1);
	test_ok(team_add(app, "Referat 11", NULL, &err), &err);
	test_ok(team_add(app, "Referat 12", NULL, &err), &err);
	test_ok(site_add(app, "Haus", NULL, NULL, NULL, &err), &err);
	test_ok(zone_add(app, "Haus", "1. OG", 1, "Nord", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "1. OG", 1, "Süd", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "2. OG", 2, "West", "Referat 12", &err), &err);
	place(app, "N1", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "N2", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "N3", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	/* Added out of order: nearness is by code, not by id. */
	place(app, "S5", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "S1", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "S3", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "S2", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "S4", "Süd", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "W1", "West", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_TEAM);
	add(app, "m1", "Maria Eins", "Referat 11", date_from_ymd(2015, 1, 5));
	add(app, "k1", "Karl Kollege", "Referat 11", date_from_ymd(2016, 1, 4));
	add(app, "x1", "Xaver Eins", "Referat 11", date_from_ymd(2016, 1, 4));
	add(app, "n1", "Nina Neu", "Referat 11", date_from_ymd(2026, 11, 30));
	add(app, "n2", "Nils Neu", "Referat 11", date_from_ymd(2026, 11, 30));
	test_ok(template_add(app, "Standard", NULL, 0, true, &err), &err);
	test_ok(onboarding_start(app, "n1", NULL, &o, &err), &err);
	test_ok(onboarding_start(app, "n2", NULL, &o, &err), &err);
	test_ok(mentor_assign(app, "n1", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &ms, &err), &err);
}

/* --any for login on day, as admin; *why and the desk's code. */
static enum hop_status any(struct hop_app *app, const char *login, hop_date day, bool near_team,
                           struct booking_why *why, struct hop_booking *made,
                           struct hop_err *err)
{
	struct booking_request rq = { .day = day, .half = HALF_DAY, .for_login = login,
	                              .any = true, .near_team = near_team, .why = why };
	test_act_as(app, "admin");
	return booking_book(app, &rq, made, err);
}

static void test_next_to_mentor(void **state)
{
	struct hop_app app;
	struct booking_why why;
	struct hop_booking made;
	struct onb_mentor_desk md;
	struct hop_person n1;
	struct hop_who_list who;
	struct hop_err err;

	(void)state;
	setup(&app);
	test_ok(person_get(&app, "n1", &n1, &err), &err);
	/* Before the mentor books: no mentor's desk to sit near. */
	test_ok(onboarding_mentor_desk(&app, n1.id, TUE01, &md, &err), &err);
	assert_int_equal(md.desk_id, 0);
	test_ok(book_full(&app, "admin", TUE01, "S3", HALF_DAY, "m1", 0, NULL, &err), &err);
	test_ok(book_full(&app, "admin", TUE01, "S2", HALF_DAY, "k1", 0, NULL, &err), &err);
	test_ok(book_full(&app, "admin", TUE01, "S4", HALF_DAY, "x1", 0, NULL, &err), &err);
	/* S2 and S4 are taken: S1 and S5 are both two away; S1 comes first. */
	test_ok(any(&app, "n1", TUE01, false, &why, &made, &err), &err);
	assert_string_equal(made.desk, "S1");
	assert_true(why.near_mentor);
	assert_string_equal(why.mentor_login, "m1");
	assert_string_equal(why.mentor_name, "Maria Eins");
	assert_string_equal(why.mentor_desk, "S3");
	/* Without a mentor: the first free desk of the team's zones, as before. */
	test_ok(any(&app, "n2", TUE01, false, &why, &made, &err), &err);
	assert_string_equal(made.desk, "N1");
	assert_false(why.near_mentor);
	/* The new hires, who join on the 30th, are in their team that day. */
	test_ok(booking_who(&app, TUE01, NULL, NULL, &who, &err), &err);
	assert_int_equal(who.n, 5);
	for (size_t i = 0; i < who.n; i++)
		assert_string_equal(who.v[i].team, "Referat 11");
	booking_who_free(&who);
	test_ok(booking_who(&app, TUE01, "Referat 11", NULL, &who, &err), &err);
	assert_int_equal(who.n, 5);
	booking_who_free(&who);
	test_app_close(&app);
}

static void test_when_not(void **state)
{
	struct hop_app app;
	struct booking_why why;
	struct hop_booking made;
	struct onb_mentor_desk md;
	struct hop_person n1;
	struct hop_err err;
	hop_date fifth_week = date_from_ymd(2026, 12, 28);

	(void)state;
	setup(&app);
	test_ok(person_get(&app, "n1", &n1, &err), &err);
	/* The new hire books first; the mentor after: nothing moves. */
	test_ok(any(&app, "n1", FRI04, false, &why, &made, &err), &err);
	assert_string_equal(made.desk, "N1");
	assert_false(why.near_mentor);
	test_ok(book_full(&app, "admin", FRI04, "S5", HALF_DAY, "m1", 0, NULL, &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id "
	                       "WHERE d.code = 'N1' AND b.day = '2026-12-04' AND b.cancelled_at IS NULL"), 1);
	/* The mentor's desk counts in the first onboarding_office_weeks only. */
	test_ok(onboarding_mentor_desk(&app, n1.id, FRI04, &md, &err), &err);
	assert_string_equal(md.desk, "S5");
	clock_set_today(date_from_ymd(2026, 12, 14));
	test_ok(book_full(&app, "admin", fifth_week, "S3", HALF_DAY, "m1", 0, NULL, &err), &err);
	test_ok(onboarding_mentor_desk(&app, n1.id, fifth_week, &md, &err), &err);
	assert_int_equal(md.desk_id, 0);
	test_ok(any(&app, "n1", fifth_week, false, &why, &made, &err), &err);
	assert_false(why.near_mentor);
	/* A cancelled onboarding: no longer a new hire's first weeks. */
	clock_set_today(MON23);
	test_ok(book_full(&app, "admin", MON07, "S3", HALF_DAY, "m1", 0, NULL, &err), &err);
	test_ok(onboarding_mentor_desk(&app, n1.id, MON07, &md, &err), &err);
	assert_string_equal(md.desk, "S3");
	test_ok(onboarding_cancel(&app, "n1", NULL, &err), &err);
	test_ok(onboarding_mentor_desk(&app, n1.id, MON07, &md, &err), &err);
	assert_int_equal(md.desk_id, 0);
	test_app_close(&app);
}

/* Near the team: the mentor's zone counts too, even another team's. */
static void test_near_team_mentor_zone(void **state)
{
	struct hop_app app;
	struct booking_why why;
	struct hop_booking made;
	struct mentorship ms;
	struct hop_err err;

	(void)state;
	setup(&app);
	add(&app, "m3", "Otto Drei", "Referat 12", date_from_ymd(2015, 1, 5));
	place(&app, "W2", "West", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	test_ok(mentor_assign(&app, "n2", "m3", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &ms, &err), &err);
	test_ok(book_full(&app, "admin", TUE01, "W1", HALF_DAY, "m3", 0, NULL, &err), &err);
	test_ok(any(&app, "n2", TUE01, true, &why, &made, &err), &err);
	assert_string_equal(made.desk, "W2");
	assert_true(why.near_mentor);
	test_app_close(&app);
}

/* k1 is seconded to Referat 12 from Monday 7 December: W1 (team only) is
 * refused before and booked from then; --near-team looks in West then. */
static void test_team_on_the_day(void **state)
{
	struct hop_app app;
	struct booking_why why;
	struct hop_booking made;
	struct hop_who_list who;
	struct hop_err err;

	(void)state;
	setup(&app);
	test_ok(membership_add(&app, "k1", "Referat 12", MEMBER_SECONDMENT, MON07, HOP_DATE_NONE, &err),
	   &err);
	assert_int_equal(book_full(&app, "k1", FRI04, "W1", HALF_DAY, NULL, 0, NULL, &err), HOP_EPERM);
	has(err.msg, "can be booked only by members of team Referat 12");
	test_ok(book_full(&app, "k1", MON07, "W1", HALF_DAY, NULL, 0, NULL, &err), &err);
	test_ok(any(&app, "k1", date_from_ymd(2026, 12, 8), true, &why, &made, &err), &err);
	assert_string_equal(made.desk, "W1");
	test_ok(any(&app, "k1", FRI04, true, &why, &made, &err), &err);
	assert_string_equal(made.zone, "Nord");
	/* Who is in names the team of each day. */
	test_ok(booking_who(&app, FRI04, NULL, NULL, &who, &err), &err);
	assert_int_equal(who.n, 1);
	assert_string_equal(who.v[0].team, "Referat 11");
	booking_who_free(&who);
	test_ok(booking_who(&app, MON07, NULL, NULL, &who, &err), &err);
	assert_int_equal(who.n, 1);
	assert_string_equal(who.v[0].team, "Referat 12");
	booking_who_free(&who);
	test_ok(booking_who(&app, MON07, "Referat 12", NULL, &who, &err), &err);
	assert_int_equal(who.n, 1);
	booking_who_free(&who);
	test_ok(booking_who(&app, FRI04, "Referat 12", NULL, &who, &err), &err);
	assert_int_equal(who.n, 0);
	booking_who_free(&who);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_to_mentor),
		cmocka_unit_test(test_when_not),
		cmocka_unit_test(test_near_team_mentor_zone),
		cmocka_unit_test(test_team_on_the_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
