/* Moving a desk booking to another desk (booking_move: one transaction, or
 * nothing), the desks it may move to and their order (booking_move_choices),
 * and whom one may book for (booking_people_for). */
#include "booking_org.h"

#include "hop/core/presence/presence.h"

/* The active desk of login on day ("" none). */
static void desk_of(struct hop_app *app, const char *login, hop_date day, char *code,
                    size_t size)
{
	struct booking_filter f = { .person = login, .from = day, .to = day };
	struct hop_booking_list l = { 0 };
	struct hop_err err;

	code[0] = '\0';
	test_act_as(app, "admin");
	test_ok(booking_list(app, &f, &l, &err), &err);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].kind == DESK_KIND_DESK)
			snprintf(code, size, "%s", l.v[i].desk);
	booking_list_free(&l);
}

static enum hop_status move(struct hop_app *app, const char *actor, const char *login,
                            hop_date day, const char *desk, struct hop_booking *made,
                            struct hop_err *err)
{
	test_act_as(app, actor);
	memset(err, 0, sizeof *err);
	return booking_move(app, day, login, desk, made, err);
}

static void test_move(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_booking made;
	char code[HOP_CODE_MAX + 1];
	int bookings, audits;
	(void)state;

	org(&app);
	test_ok(book(&app, "anna", TUE24, "S1", HALF_AM, &err), &err);
	test_ok(move(&app, "anna", NULL, TUE24, "N1", &made, &err), &err);
	assert_string_equal(made.desk, "N1");
	assert_int_equal(made.half, HALF_AM);
	assert_string_equal(made.login, "anna");
	desk_of(&app, "anna", TUE24, code, sizeof code);
	assert_string_equal(code, "N1");
	assert_int_equal(active_bookings(&app), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking b JOIN desk d ON d.id = "
	                 "b.desk_id WHERE d.code = 'S1' AND b.cancel_reason = 'moved to desk N1'"),
	                 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel' "
	                 "AND detail LIKE '%reason: moved to desk N1%'"), 1);

	/* Refusals change nothing. */
	bookings = count(&app, "SELECT count(*) FROM booking");
	audits = count(&app, "SELECT count(*) FROM audit");
	assert_int_equal(move(&app, "anna", NULL, TUE24, "N1", NULL, &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "Anna Berg already has desk N1 on Tue 24 Nov 2026; choose "
	                    "another desk to move to");
	test_ok(book(&app, "bernd", TUE24, "O1", HALF_DAY, &err), &err);
	bookings++;
	audits = count(&app, "SELECT count(*) FROM audit");
	assert_int_equal(move(&app, "anna", NULL, TUE24, "O1", NULL, &err), HOP_ECONFLICT);
	has(err.msg, "desk O1 is already booked by Bernd Weiß on Tue 24 Nov 2026");
	assert_int_equal(move(&app, "anna", NULL, TUE24, "R8", NULL, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "meeting room R8 is not a desk; a desk booking moves to "
	                    "another desk");
	assert_int_equal(move(&app, "anna", NULL, TUE24, "X9", NULL, &err), HOP_ENOTFOUND);
	assert_int_equal(move(&app, "carl", NULL, TUE24, "O2", NULL, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "you have no desk booked on Tue 24 Nov 2026, so there is "
	                    "none to move");
	assert_int_equal(err.reason, HOP_R_NO_BOOKING);
	assert_true(err.facts.self);
	assert_int_equal(move(&app, "bernd", "anna", TUE24, "O2", NULL, &err), HOP_EPERM);
	has(err.msg, "Anna Berg");
	assert_int_equal(move(&app, "anna", NULL, MON23 - 3, "O2", NULL, &err), HOP_EINVAL);
	has(err.msg, "Fri 20 Nov 2026 is in the past");
	assert_int_equal(count(&app, "SELECT count(*) FROM booking"), bookings);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), audits);
	desk_of(&app, "anna", TUE24, code, sizeof code);
	assert_string_equal(code, "N1");

	/* The lead moves a member's desk; facilities anyone's. */
	test_ok(move(&app, "lena", "anna", TUE24, "S2", &made, &err), &err);
	assert_string_equal(made.desk, "S2");
	test_ok(move(&app, "fritz", "anna", TUE24, "S10", &made, &err), &err);
	assert_string_equal(made.booked_by, "fritz");
	/* A whole day moves whole: both halves. */
	test_ok(book(&app, "carl", WED25, "N2", HALF_DAY, &err), &err);
	test_ok(move(&app, "carl", NULL, WED25, "O2", &made, &err), &err);
	assert_int_equal(made.half, HALF_DAY);
	test_app_close(&app);
}

/* Where to: free for the halves held, open to the person, best first. */
static void test_choices(void **state)
{
	static const char *const want[] = { "S2", "S10", "N1", "N2", "O1", "O2", "F1" };
	struct hop_app app;
	struct hop_err err;
	struct hop_desk_list l = { 0 };
	(void)state;

	org(&app);
	test_ok(book(&app, "anna", TUE24, "S1", HALF_AM, &err), &err);
	/* The afternoon of O2 is taken: the morning is what anna's move needs. */
	test_ok(book(&app, "bernd", TUE24, "O2", HALF_PM, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_move_choices(&app, TUE24, NULL, &l, &err), &err);
	/* The team's zone first (the fewest moves from S1 within it), then the
	 * same floor, the same site; carl's fixed desk, which he may still
	 * claim, last.  Rooms and anna's own desk are not offered. */
	assert_int_equal(l.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.v[i].code, want[i]);
	desk_list_free(&l);
	/* A whole day: O2 is not free all day. */
	test_ok(book(&app, "bernd", WED25, "O2", HALF_PM, &err), &err);
	test_ok(book(&app, "anna", WED25, "S1", HALF_DAY, &err), &err);
	test_act_as(&app, "anna");
	test_ok(booking_move_choices(&app, WED25, NULL, &l, &err), &err);
	for (size_t i = 0; i < l.n; i++)
		assert_string_not_equal(l.v[i].code, "O2");
	desk_list_free(&l);
	/* Someone else's: as booking does. */
	test_act_as(&app, "bernd");
	assert_int_equal(booking_move_choices(&app, TUE24, "anna", &l, &err), HOP_EPERM);
	assert_int_equal(booking_move_choices(&app, SAT28, NULL, &l, &err), HOP_EINVAL);
	has(err.msg, "Saturday");
	test_app_close(&app);
}

static bool listed(const struct hop_person_list *l, const char *login)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].login, login) == 0)
			return true;
	return false;
}

static void test_people_for(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_person_list l = { 0 };
	(void)state;

	org(&app);
	/* Facilities: everyone employed that day but themselves. */
	test_act_as(&app, "fritz");
	test_ok(booking_people_for(&app, TUE24, &l, &err), &err);
	assert_true(listed(&l, "anna") && listed(&l, "carl") && listed(&l, "ed") &&
	            listed(&l, "lena"));
	assert_false(listed(&l, "fritz"));
	person_list_free(&l);
	/* A lead: the members of the teams they lead. */
	test_act_as(&app, "lena");
	test_ok(booking_people_for(&app, TUE24, &l, &err), &err);
	assert_int_equal(l.n, 2);
	assert_true(listed(&l, "anna") && listed(&l, "bernd"));
	person_list_free(&l);
	/* Anyone else books for themselves only: a refusal with a reason. */
	test_act_as(&app, "anna");
	assert_int_equal(booking_people_for(&app, TUE24, &l, &err), HOP_EPERM);
	assert_string_equal(err.msg, "you may book only for yourself; facilities book for anyone, "
	                    "team leads for the members of their teams");
	assert_int_equal(err.reason, HOP_R_BOOK_FOR_SELF_ONLY);
	assert_int_equal(l.n, 0);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_people_for),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
