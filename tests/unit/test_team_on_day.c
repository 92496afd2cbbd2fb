/* "Team of a person on a day" wherever a day is asked about: a person who
 * moves team on Tuesday 1 December 2026 has the old team's presence days
 * before it and the new team's from it, in the team's week, the office
 * agreement and their calendar feed; their old lead may set their days before
 * the move and not after, the new lead after and not before. */
#include "testutil.h"

#include "hop/core/feeds/feeds.h"
#include "hop/core/people/membership.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"

#define MON23 date_from_ymd(2026, 11, 23)
#define THU26 date_from_ymd(2026, 11, 26)
#define FRI27 date_from_ymd(2026, 11, 27)
#define MON30 date_from_ymd(2026, 11, 30)
#define TUE01 date_from_ymd(2026, 12, 1)
#define WED02 date_from_ymd(2026, 12, 2)
#define THU03 date_from_ymd(2026, 12, 3)
#define FRI11 date_from_ymd(2026, 12, 11)

static void person(struct hop_app *app, const char *login, const char *team, unsigned roles)
{
	struct hop_person p = { .start = date_from_ymd(2020, 1, 1), .end = HOP_DATE_NONE,
	                        .roles = roles };
	struct hop_err err;

	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	snprintf(p.team, sizeof p.team, "%s", team);
	test_ok(person_add(app, &p, &err), &err);
}

/* Referat 11 (lead lena, presence day Thursday) and Referat 12 (lead
 * ludwig, presence day Tuesday), both in Berlin; anna moves from Referat 11
 * to Referat 12 on Tue 1 Dec 2026 and plans home every day from 24 Nov to
 * 11 Dec.  Today is Mon 23 Nov 2026. */
static void org(struct hop_app *app)
{
	struct person_edit e = { .fields = PF_TEAM };
	struct presence_result res;
	struct hop_err err;

	test_app_open(app, "admin", 1);
	person(app, "lena", "", ROLE_EMPLOYEE | ROLE_LEAD);
	person(app, "ludwig", "", ROLE_EMPLOYEE | ROLE_LEAD);
	test_ok(team_add(app, "Referat 11", "lena", &err), &err);
	test_ok(team_add(app, "Referat 12", "ludwig", &err), &err);
	person(app, "anna", "Referat 11", ROLE_EMPLOYEE);
	test_ok(site_add(app, "Haus", NULL, NULL, "BE", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Nord", "Referat 12", &err), &err);
	test_ok(teamday_set(app, "Referat 11", 1u << 4, HOP_DATE_NONE, date_from_ymd(2026, 11, 1),
	               HOP_DATE_NONE, NULL, &err), &err);
	test_ok(teamday_set(app, "Referat 12", 1u << 2, HOP_DATE_NONE, date_from_ymd(2026, 11, 1),
	               HOP_DATE_NONE, NULL, &err), &err);
	/* The move is made on its day; then back to today. */
	clock_set_today(TUE01);
	snprintf(e.team, sizeof e.team, "Referat 12");
	test_ok(person_edit(app, "anna", &e, &err), &err);
	clock_set_today(MON23);
	test_ok(membership_refresh(app, &err), &err);
	test_act_as(app, "anna");
	test_ok(presence_set(app, NULL, MON23 + 1, FRI11, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_act_as(app, "admin");
}

/* Team-day deviations of anna in l: bit d set for the day MON23 + d. */
static unsigned teamday_devs(const struct agreement_list *l)
{
	unsigned bits = 0;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].rule == RULE_TEAM_DAY && strcmp(l->v[i].login, "anna") == 0)
			bits |= 1u << (l->v[i].day - MON23);
	return bits;
}

static void test_agreement_follows_the_move(void **state)
{
	struct agreement_list l;
	struct hop_app app;
	struct hop_err err;

	(void)state;
	org(&app);
	/* Referat 11: its Thursday of 26 Nov only; Referat 12: its Tuesdays
	 * 1 and 8 Dec, not 24 Nov. */
	test_ok(agreement_check(&app, "Referat 11", MON23, FRI11, &l, &err), &err);
	assert_int_equal(teamday_devs(&l), 1u << (THU26 - MON23));
	agreement_list_free(&l);
	test_ok(agreement_check(&app, "Referat 12", MON23, FRI11, &l, &err), &err);
	assert_int_equal(teamday_devs(&l), (1u << (TUE01 - MON23)) | (1u << (TUE01 + 7 - MON23)));
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].rule == RULE_TEAM_DAY)
			assert_string_equal(l.v[i].team, "Referat 12");
	agreement_list_free(&l);
	/* Everyone: each team's days while anna is in it. */
	test_ok(agreement_check(&app, NULL, MON23, FRI11, &l, &err), &err);
	assert_int_equal(teamday_devs(&l), (1u << (THU26 - MON23)) | (1u << (TUE01 - MON23)) |
	                 (1u << (TUE01 + 7 - MON23)));
	agreement_list_free(&l);
	test_app_close(&app);
}

static void test_week_follows_the_move(void **state)
{
	struct presence_week w;
	struct hop_app app;
	struct hop_err err;

	(void)state;
	org(&app);
	/* The week of the move: in Referat 12 from Tuesday, its presence day;
	 * Referat 11's Thursday is no longer hers. */
	test_ok(presence_week(&app, "Referat 12", MON30, &w, &err), &err);
	assert_int_equal(w.nrows, 1);
	assert_string_equal(w.rows[0].person.login, "anna");
	assert_int_equal(w.rows[0].days[0].loc, LOC_NONE);    /* Monday: in Referat 11 */
	assert_int_equal(w.rows[0].days[1].loc, LOC_HOME);
	assert_true(w.days[1].team_day);
	assert_true(w.rows[0].days[1].deviation);
	assert_false(w.rows[0].days[3].deviation);
	presence_week_free(&w);
	test_ok(presence_week(&app, "Referat 11", MON30, &w, &err), &err);
	assert_int_equal(w.nrows, 1);
	assert_int_equal(w.rows[0].days[0].loc, LOC_HOME);
	assert_true(w.days[3].team_day);
	assert_int_equal(w.rows[0].days[3].loc, LOC_NONE);    /* Thursday: in Referat 12 */
	assert_false(w.rows[0].days[3].deviation);
	for (size_t i = 0; i < w.dev.n; i++)
		assert_true(w.dev.v[i].rule != RULE_TEAM_DAY);
	presence_week_free(&w);
	/* The week before: Referat 11's Thursday is hers. */
	test_ok(presence_week(&app, "Referat 11", MON23, &w, &err), &err);
	assert_true(w.rows[0].days[3].deviation);
	presence_week_free(&w);
	test_app_close(&app);
}

static void test_feed_follows_the_move(void **state)
{
	struct ics_feed feed = { .kind = ICS_PERSON, .key = "anna", .from = MON23, .to = FRI11 };
	struct hop_app app;
	struct hop_err err;
	char *text = NULL;
	size_t len = 0, events;
	FILE *out;
	int r11 = 0, r12 = 0;

	(void)state;
	org(&app);
	out = open_memstream(&text, &len);
	assert_non_null(out);
	test_ok(ics_export(&app, &feed, out, &events, &err), &err);
	fclose(out);
	/* Each event: Referat 11's Thursday before the move, Referat 12's
	 * Tuesdays after it. */
	for (char *ev = text; (ev = strstr(ev, "BEGIN:VEVENT")); ev++) {
		char *end = strstr(ev, "END:VEVENT"), *sum, *start;
		assert_non_null(end);
		*end = '\0';
		sum = strstr(ev, "SUMMARY:Team day: Referat 1");
		start = strstr(ev, "DTSTART;VALUE=DATE:");
		if (sum && sum[27] == '1') {
			r11++;
			assert_non_null(start);
			assert_memory_equal(start + 19, "20261126", 8);
		} else if (sum && sum[27] == '2') {
			r12++;
			assert_non_null(start);
			assert_true(memcmp(start + 19, "20261201", 8) == 0 ||
			            memcmp(start + 19, "20261208", 8) == 0);
		}
		*end = 'E';
	}
	assert_int_equal(r11, 1);
	assert_int_equal(r12, 2);
	free(text);
	test_app_close(&app);
}

static void test_leads_by_day(void **state)
{
	struct presence_result res;
	struct hop_app app;
	struct hop_err err;

	(void)state;
	org(&app);
	/* The old lead: before the move, not after. */
	test_act_as(&app, "lena");
	test_ok(presence_set(&app, "anna", FRI27, FRI27, LOC_AWAY, NULL, &res, &err), &err);
	presence_result_free(&res);
	assert_int_equal(presence_set(&app, "anna", WED02, WED02, LOC_AWAY, NULL, &res, &err),
	                 HOP_EPERM);
	assert_string_equal(err.msg, "Person anna is not in a team you lead on Wed 2 Dec 2026; a "
	                    "lead may book and plan only the days their members are in their "
	                    "teams");
	/* A range across the move changes nothing. */
	assert_int_equal(presence_set(&app, "anna", MON30, WED02, LOC_AWAY, NULL, &res, &err),
	                 HOP_EPERM);
	assert_int_equal(presence_clear(&app, "anna", TUE01, THU03, &(int){ 0 }, &err), HOP_EPERM);
	/* The new lead: after the move, not before. */
	test_act_as(&app, "ludwig");
	test_ok(presence_set(&app, "anna", WED02, WED02, LOC_AWAY, NULL, &res, &err), &err);
	presence_result_free(&res);
	assert_int_equal(presence_set(&app, "anna", FRI27, FRI27, LOC_AWAY, NULL, &res, &err),
	                 HOP_EPERM);
	assert_int_equal(presence_set(&app, "anna", MON30, MON30, LOC_AWAY, NULL, &res, &err),
	                 HOP_EPERM);
	{
		struct presence_day_entry days[PRESENCE_DAYS];
		test_ok(presence_person_week(&app, "anna", MON30, NULL, days, &err), &err);
		assert_int_equal(days[0].loc, LOC_HOME);     /* Monday stayed as it was */
		assert_int_equal(days[2].loc, LOC_AWAY);
	}
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agreement_follows_the_move),
		cmocka_unit_test(test_week_follows_the_move),
		cmocka_unit_test(test_feed_follows_the_move),
		cmocka_unit_test(test_leads_by_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
