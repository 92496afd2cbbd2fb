/* What removals leave for the calendars, and who set a day: a removed or
 * shortened team day kept as removed stretches with the id of its events and
 * a higher sequence; a day a lead set names the lead. */
#include "testutil.h"

#include "hop/core/presence/presence.h"

#define TUE24 date_from_ymd(2026, 11, 24)
#define WED25 date_from_ymd(2026, 11, 25)
#define TUE01 date_from_ymd(2026, 12, 1)
#define WED02 date_from_ymd(2026, 12, 2)

/* Everyone here started long ago. */
#define SINCE date_from_ymd(2020, 1, 1)

/* Referat 1, led by lena; anna a member. */
static void org(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	test_add_person(app, "lena", "Lena Lorenz", "", ROLE_EMPLOYEE | ROLE_LEAD, SINCE);
	test_ok(team_add(app, "Referat 1", "lena", &err), &err);
	test_add_person(app, "anna", "Anna Berg", "Referat 1", ROLE_EMPLOYEE, SINCE);
}

static void test_teamday_removed(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_teamday_list l = { 0 }, live;
	int64_t team, date_id, tue_id;

	(void)state;
	org(&app);
	test_ok(teamday_set(&app, "Referat 1", 1u << 2, HOP_DATE_NONE, TUE24, HOP_DATE_NONE, NULL, &err),
	   &err);
	test_ok(teamday_set(&app, "Referat 1", 0, WED02, HOP_DATE_NONE, HOP_DATE_NONE, "Klausur", &err),
	   &err);
	test_ok(teamday_list(&app, "Referat 1", &live, &err), &err);
	assert_int_equal(live.n, 2);
	team = live.v[0].team_id;
	date_id = live.v[1].id;
	tue_id = live.v[0].id;
	test_ok(teamday_removed_add(&app, team, date_from_ymd(2026, 11, 1), &l, &err), &err);
	assert_int_equal(l.n, 0);

	/* Shortened to the first two Tuesdays: the rest is kept as removed, with
	 * the rule's id and its new sequence. */
	test_ok(teamday_set(&app, "Referat 1", 1u << 2, HOP_DATE_NONE, TUE24, TUE01, NULL, &err), &err);
	test_ok(teamday_removed_add(&app, team, date_from_ymd(2026, 11, 1), &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, live.v[0].id);
	assert_int_equal(l.v[0].weekday, 2);
	assert_int_equal(l.v[0].from, TUE01 + 1);
	assert_int_equal(l.v[0].until, HOP_DATE_NONE);
	assert_int_equal(l.v[0].sequence, 1);
	assert_int_equal(l.v[0].removed, date_from_ymd(2026, 11, 23));
	teamday_list_free(&l);

	/* Both removed: the rest of the rule, then the date, each one higher. */
	test_ok(teamday_remove(&app, "Referat 1", 1u << 2, HOP_DATE_NONE, &err), &err);
	test_ok(teamday_remove(&app, "Referat 1", 0, WED02, &err), &err);
	test_ok(teamday_removed_add(&app, team, date_from_ymd(2026, 11, 1), &l, &err), &err);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[1].from, TUE24);
	assert_int_equal(l.v[1].until, TUE01);
	assert_int_equal(l.v[1].sequence, 2);
	assert_int_equal(l.v[2].id, date_id);
	assert_int_equal(l.v[2].weekday, 0);
	assert_int_equal(l.v[2].day, WED02);
	assert_int_equal(l.v[2].sequence, 1);
	assert_string_equal(l.v[2].team, "Referat 1");
	teamday_list_free(&l);
	/* Only those removed since the day asked for. */
	test_ok(teamday_removed_add(&app, team, date_from_ymd(2026, 11, 24), &l, &err), &err);
	assert_int_equal(l.n, 0);
	teamday_list_free(&l);

	/* Added again: SQLite may hand a removed row's id out again, and then
	 * the sequence carries on above every removal of that id. */
	test_ok(teamday_set(&app, "Referat 1", 0, WED02, HOP_DATE_NONE, HOP_DATE_NONE, NULL, &err), &err);
	teamday_list_free(&live);
	test_ok(teamday_list(&app, "Referat 1", &live, &err), &err);
	assert_int_equal(live.n, 1);
	assert_int_equal(live.v[0].sequence, live.v[0].id == tue_id ? 3 : live.v[0].id == date_id
	                                     ? 2 : 0);
	teamday_list_free(&live);
	test_app_close(&app);
}

static void test_set_by(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct presence_day_entry days[PRESENCE_DAYS];
	struct presence_week w;

	(void)state;
	org(&app);
	test_act_as(&app, "lena");
	test_ok(presence_set(&app, "anna", WED25, WED25, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, "anna", TUE24, TUE24, LOC_MOBILE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_person_week(&app, "anna", TUE24, NULL, days, &err), &err);
	assert_string_equal(days[2].set_by, "Lena Lorenz (lead)");
	assert_string_equal(days[2].set_by_login, "lena");
	assert_string_equal(days[1].set_by, "");
	test_ok(presence_week(&app, "Referat 1", TUE24, &w, &err), &err);
	for (size_t i = 0; i < w.nrows; i++)
		if (strcmp(w.rows[i].person.login, "anna") == 0) {
			assert_string_equal(w.rows[i].days[2].set_by, "Lena Lorenz (lead)");
			assert_string_equal(w.rows[i].days[1].set_by_login, "");
			assert_int_equal(w.rows[i].member, 0x1f);
		}
	presence_week_free(&w);
	/* Anna sets the same herself: then it is hers. */
	test_ok(presence_set(&app, "anna", WED25, WED25, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_person_week(&app, "anna", TUE24, NULL, days, &err), &err);
	assert_string_equal(days[2].set_by, "");
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_teamday_removed),
		cmocka_unit_test(test_set_by),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
