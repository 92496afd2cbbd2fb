/* Presence: effective locations, ranges over holidays, desks kept consistent,
 * permissions, team days, the suggestion, the office agreement, the forecast. */
#include "testutil.h"

#include "hop/core/booking/booking.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"

/* Today is Mon 2026-11-23 in every hop test. */
#define MON23 date_from_ymd(2026, 11, 23)
#define TUE24 date_from_ymd(2026, 11, 24)
#define WED25 date_from_ymd(2026, 11, 25)
#define THU26 date_from_ymd(2026, 11, 26)
#define FRI27 date_from_ymd(2026, 11, 27)

static void has_(const char *text, const char *want, int line)
{
	if (!strstr(text, want))
		fail_msg("line %d: '%s' lacks '%s'", line, text, want);
}
#define has(text, want) has_((text), (want), __LINE__)

static void desk(struct hop_app *app, const char *code, const char *zone, const char *owner)
{
	struct desk_spec d = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };
	struct hop_err err;

	snprintf(d.code, sizeof d.code, "%s", code);
	snprintf(d.zone, sizeof d.zone, "%s", zone);
	snprintf(d.owner, sizeof d.owner, "%s", owner ? owner : "");
	test_ok(desk_add(app, &d, &err), &err);
}

/* Referat 11 (lead lena): anna, bernd (fixed desk S2), nina (new hire from
 * today); Referat 12 (lead ludwig): carl.  Zone Süd (Referat 11): S1, S2;
 * zone Nord (Referat 12): N1.  hilde is HR. */
static void org(struct hop_app *app)
{
	struct hop_err err;
	hop_date old = date_from_ymd(2020, 1, 1);

	test_app_open(app, "admin", 1);
	test_add_person(app, "lena", "Lena Lorenz", "", ROLE_EMPLOYEE | ROLE_LEAD, old);
	test_add_person(app, "ludwig", "Ludwig Lang", "", ROLE_EMPLOYEE | ROLE_LEAD, old);
	test_ok(team_add(app, "Referat 11", "lena", &err), &err);
	test_ok(team_add(app, "Referat 12", "ludwig", &err), &err);
	test_add_person(app, "anna", "Anna Berg", "Referat 11", ROLE_EMPLOYEE, old);
	test_add_person(app, "bernd", "Bernd Weiß", "Referat 11", ROLE_EMPLOYEE, old);
	test_add_person(app, "nina", "Nina Neu", "Referat 11", ROLE_EMPLOYEE, MON23);
	test_add_person(app, "carl", "Carl Öztürk", "Referat 12", ROLE_EMPLOYEE, old);
	test_add_person(app, "hilde", "Hilde Hart", "", ROLE_EMPLOYEE | ROLE_HR, old);
	test_ok(site_add(app, "Haus", NULL, NULL, "BE", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Nord", "Referat 12", &err), &err);
	desk(app, "S1", "Süd", NULL);
	desk(app, "S2", "Süd", "bernd");
	desk(app, "N1", "Nord", NULL);
}

static long count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void test_locations(void **state)
{
	enum presence_loc l;
	struct hop_err err;

	(void)state;
	test_ok(presence_loc_parse("Büro", &l, &err), &err);
	assert_int_equal(l, LOC_OFFICE);
	test_ok(presence_loc_parse("HOMEOFFICE", &l, &err), &err);
	assert_int_equal(l, LOC_HOME);
	test_ok(presence_loc_parse("dienstreise", &l, &err), &err);
	assert_int_equal(l, LOC_TRIP);
	assert_int_equal(presence_loc_parse("beach", &l, &err), HOP_EINVAL);
	has(err.msg, "'beach' is not a location");
	assert_string_equal(presence_loc_code(LOC_OFFICE), "O");
	assert_string_equal(presence_loc_code(LOC_TRIP), "T");
}

static void test_effective(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct presence_day_entry days[PRESENCE_DAYS];

	(void)state;
	org(&app);
	test_act_as(&app, "anna");
	app.cfg.presence_auto_book = 0;
	test_ok(presence_default_set(&app, NULL, "mon=office,tue=home,wed-fri=mobile", &err), &err);
	test_ok(presence_set(&app, NULL, WED25, WED25, LOC_AWAY, "Arzt", &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_person_week(&app, NULL, MON23, NULL, days, &err), &err);
	assert_int_equal(days[0].loc, LOC_OFFICE);
	assert_int_equal(days[0].source, PSRC_DEFAULT);
	assert_int_equal(days[1].loc, LOC_HOME);
	assert_int_equal(days[2].loc, LOC_AWAY);
	assert_int_equal(days[2].source, PSRC_DAY);
	assert_string_equal(days[2].note, "Arzt");
	assert_int_equal(days[3].loc, LOC_MOBILE);
	/* "-" removes a default. */
	test_ok(presence_default_set(&app, NULL, "thu=-", &err), &err);
	test_ok(presence_person_week(&app, NULL, MON23, NULL, days, &err), &err);
	assert_int_equal(days[3].loc, LOC_NONE);
	assert_int_equal(days[3].source, PSRC_NONE);
	assert_int_equal(presence_default_set(&app, NULL, "sat=office", &err), HOP_EINVAL);
	test_app_close(&app);
}

static void test_range_skips_holidays(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;

	(void)state;
	org(&app);
	test_act_as(&app, "anna");
	/* 24.12.2026 is a Thursday, free by policy (§ 6 (3) TVöD/TV-L), not a
	 * holiday in Berlin; 25 and 26 are. */
	test_ok(presence_set(&app, NULL, date_from_ymd(2026, 12, 21), date_from_ymd(2026, 12, 27),
	                LOC_HOME, NULL, &res, &err), &err);
	assert_int_equal(res.set, 3);
	assert_int_equal(res.skipped, 4);
	assert_true(res.v[3].skipped);
	assert_string_equal(res.v[3].why, "Thu 24 Dec 2026 is free under § 6 (3) TVöD/TV-L, not a "
	                    "working day");
	presence_result_free(&res);
	assert_int_equal(presence_set(&app, NULL, date_from_ymd(2026, 12, 31),
	                              date_from_ymd(2026, 12, 31), LOC_HOME, NULL, &res, &err),
	                 HOP_EINVAL);
	has(err.msg, "31 Dec 2026 is free under");
	/* With the policy off, 24 December is a working day. */
	app.cfg.free_dec24_dec31 = 0;
	test_ok(presence_set(&app, NULL, date_from_ymd(2026, 12, 21), date_from_ymd(2026, 12, 27),
	                LOC_HOME, NULL, &res, &err), &err);
	assert_int_equal(res.set, 4);
	assert_int_equal(res.skipped, 3);
	assert_true(res.v[4].skipped);
	has(res.v[4].why, "25 Dec 2026");
	presence_result_free(&res);
	/* One day that is not a working day is an error saying why. */
	assert_int_equal(presence_set(&app, NULL, date_from_ymd(2026, 12, 25),
	                              date_from_ymd(2026, 12, 25), LOC_HOME, NULL, &res, &err),
	                 HOP_EINVAL);
	has(err.msg, "working days only");
	/* The past stays as it was. */
	assert_int_equal(presence_set(&app, NULL, date_from_ymd(2026, 11, 20),
	                              date_from_ymd(2026, 11, 20), LOC_HOME, NULL, &res, &err),
	                 HOP_EINVAL);
	has(err.msg, "in the past");
	test_app_close(&app);
}

static void test_office_books_home_cancels(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;

	(void)state;
	org(&app);
	/* anna: office books a free desk near her team. */
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	assert_string_equal(res.v[0].desk, "S1");
	assert_int_equal(res.booked, 1);
	presence_result_free(&res);
	/* bernd: his fixed desk. */
	test_act_as(&app, "bernd");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	assert_string_equal(res.v[0].desk, "S2");
	presence_result_free(&res);
	/* nina: nothing left in the team zone; still office, "no desk free". */
	test_act_as(&app, "nina");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	assert_true(res.v[0].no_desk);
	assert_int_equal(res.no_desk, 1);
	presence_result_free(&res);
	assert_int_equal(count(&app, "SELECT count(*) FROM presence WHERE day = '2026-11-24' "
	                       "AND location = 'office'"), 3);
	/* bernd goes home: his fixed desk is released, and nina can have it. */
	test_act_as(&app, "bernd");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_HOME, NULL, &res, &err), &err);
	assert_int_equal(res.cancelled, 1);
	presence_result_free(&res);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking b JOIN presence p ON "
	                       "p.person_id = b.person_id AND p.day = b.day WHERE "
	                       "b.cancelled_at IS NULL AND p.location <> 'office'"), 0);
	{
		struct booking_request rq = { .day = TUE24, .half = HALF_DAY, .desk = "S2" };
		test_act_as(&app, "nina");
		test_ok(booking_book(&app, &rq, NULL, &err), &err);
	}
	/* Off: no booking. */
	app.cfg.presence_auto_book = 0;
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, NULL, WED25, WED25, LOC_OFFICE, NULL, &res, &err), &err);
	assert_string_equal(res.v[0].desk, "");
	presence_result_free(&res);
	test_app_close(&app);
}

static void test_permissions(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	long before;

	(void)state;
	org(&app);
	test_act_as(&app, "lena");
	test_ok(presence_set(&app, "anna", TUE24, TUE24, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	before = count(&app, "SELECT count(*) FROM presence");
	assert_int_equal(presence_set(&app, "carl", TUE24, TUE24, LOC_HOME, NULL, &res, &err),
	                 HOP_EPERM);
	test_act_as(&app, "anna");
	assert_int_equal(presence_set(&app, "bernd", TUE24, TUE24, LOC_HOME, NULL, &res, &err),
	                 HOP_EPERM);
	assert_int_equal(presence_default_set(&app, "bernd", "mon=home", &err), HOP_EPERM);
	/* HR keeps people, not their days. */
	test_act_as(&app, "hilde");
	assert_int_equal(presence_set(&app, "anna", TUE24, TUE24, LOC_HOME, NULL, &res, &err),
	                 HOP_EPERM);
	assert_int_equal(count(&app, "SELECT count(*) FROM presence"), before);
	/* Team days: the lead, HR, admins; not another lead or a member. */
	test_act_as(&app, "ludwig");
	assert_int_equal(teamday_set(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, HOP_DATE_NONE,
	                             HOP_DATE_NONE, NULL, &err), HOP_EPERM);
	has(err.msg, "Lena Lorenz");
	test_act_as(&app, "anna");
	assert_int_equal(teamday_set(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, HOP_DATE_NONE,
	                             HOP_DATE_NONE, NULL, &err), HOP_EPERM);
	test_act_as(&app, "hilde");
	test_ok(teamday_set(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, HOP_DATE_NONE, HOP_DATE_NONE,
	               NULL, &err), &err);
	test_app_close(&app);
}

static void test_teamdays(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_teamday_list l;
	unsigned wd;
	hop_date day;
	bool is;
	char note[HOP_PRESENCE_NOTE_MAX + 1];

	(void)state;
	org(&app);
	test_act_as(&app, "lena");
	test_ok(teamday_parse_when("di", MON23, &wd, &day, &err), &err);
	assert_int_equal(wd, 1u << 2);
	test_ok(teamday_parse_when("1.12.2026", MON23, &wd, &day, &err), &err);
	assert_int_equal(wd, 0);
	assert_int_equal(day, date_from_ymd(2026, 12, 1));
	test_ok(teamday_set(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, HOP_DATE_NONE,
	               date_from_ymd(2026, 12, 31), NULL, &err), &err);
	test_ok(teamday_set(&app, "Referat 11", 0, date_from_ymd(2026, 12, 3), HOP_DATE_NONE,
	               HOP_DATE_NONE, "Frühstück", &err), &err);
	assert_int_equal(teamday_set(&app, "Referat 11", 0, date_from_ymd(2026, 12, 25),
	                             HOP_DATE_NONE, HOP_DATE_NONE, NULL, &err), HOP_EINVAL);
	test_ok(teamday_on(&app, 0, TUE24, &is, note, &err), &err);
	assert_false(is);
	test_ok(teamday_list(&app, "Referat 11", &l, &err), &err);
	assert_int_equal(l.n, 2);
	test_ok(teamday_on(&app, l.v[0].team_id, TUE24, &is, note, &err), &err);
	assert_true(is);
	test_ok(teamday_on(&app, l.v[0].team_id, date_from_ymd(2027, 1, 5), &is, note, &err), &err);
	assert_false(is);
	test_ok(teamday_on(&app, l.v[0].team_id, date_from_ymd(2026, 12, 3), &is, note, &err), &err);
	assert_true(is);
	assert_string_equal(note, "Frühstück");
	teamday_list_free(&l);
	test_ok(teamday_remove(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, &err), &err);
	assert_int_equal(teamday_remove(&app, "Referat 11", 1u << 2, HOP_DATE_NONE, &err),
	                 HOP_ENOTFOUND);
	test_app_close(&app);
}

static void test_suggest(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct teamday_suggestion s;

	(void)state;
	org(&app);
	app.cfg.presence_auto_book = 0;
	/* By hand: Tue: anna, bernd, nina (3); Wed: anna, bernd (2); Thu: anna (1).
	 * Two desks in Süd (bernd's S2 his own) for the three who can come on
	 * every day: each day is a desk short, never fine; the best is Tuesday,
	 * where most plan the office.  With nina away on Wednesday, the two who
	 * can come have a desk each: Wednesday. */
	test_act_as(&app, "lena");
	test_ok(presence_set(&app, "anna", TUE24, THU26, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "bernd", TUE24, WED25, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "nina", TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(teamday_suggest(&app, "Referat 11", MON23, &s, &err), &err);
	assert_int_equal(s.members, 3);
	assert_int_equal(s.days[1].in_office, 3);
	assert_int_equal(s.days[2].in_office, 2);
	assert_int_equal(s.days[3].in_office, 1);
	assert_int_equal(s.days[1].desks, 2);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		assert_int_equal(s.days[d].can_come, 3);
		assert_int_equal(s.days[d].short_by, 1);
		assert_false(s.days[d].enough);
		assert_false(s.days[d].suggested);
	}
	assert_int_equal(s.weekdays, 0);
	assert_int_equal(s.best, 1);
	test_ok(presence_set(&app, "nina", WED25, WED25, LOC_AWAY, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(teamday_suggest(&app, "Referat 11", MON23, &s, &err), &err);
	assert_int_equal(s.days[2].can_come, 2);
	assert_int_equal(s.days[2].short_by, 0);
	assert_false(s.days[1].enough);
	assert_true(s.days[2].enough);
	assert_int_equal(s.weekdays, 1u << 3);
	assert_true(s.days[2].suggested);
	assert_int_equal(s.best, -1);
	test_app_close(&app);
}

static bool has_rule(const struct agreement_list *l, const char *login, enum agreement_rule r,
                     hop_date day)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].login, login) == 0 && l->v[i].rule == r &&
		    (day == HOP_DATE_NONE || l->v[i].day == day))
			return true;
	return false;
}

static void test_agreement(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct agreement_list l;
	struct presence_week w;

	(void)state;
	org(&app);
	app.cfg.presence_auto_book = 0;
	test_act_as(&app, "lena");
	/* anna: five home days (max 3, min 1 office). */
	test_ok(presence_set(&app, "anna", MON23, FRI27, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	/* bernd: away Mon-Thu, home Fri: one working day left, so at least one
	 * office day would be expected of that day -> still a deviation. */
	test_ok(presence_set(&app, "bernd", MON23, THU26, LOC_AWAY, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "bernd", FRI27, FRI27, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	/* nina, new hire: office but mobile on Wednesday. */
	test_ok(presence_set(&app, "nina", MON23, FRI27, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "nina", WED25, WED25, LOC_MOBILE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(teamday_set(&app, "Referat 11", 1u << 4, HOP_DATE_NONE, HOP_DATE_NONE, HOP_DATE_NONE,
	               NULL, &err), &err);
	test_ok(agreement_check(&app, "Referat 11", MON23, FRI27, &l, &err), &err);
	assert_true(has_rule(&l, "anna", RULE_MAX_HOME, HOP_DATE_NONE));
	assert_true(has_rule(&l, "anna", RULE_MIN_OFFICE, HOP_DATE_NONE));
	assert_true(has_rule(&l, "anna", RULE_TEAM_DAY, THU26));
	assert_true(has_rule(&l, "bernd", RULE_MIN_OFFICE, HOP_DATE_NONE));
	assert_false(has_rule(&l, "bernd", RULE_MAX_HOME, HOP_DATE_NONE));
	assert_false(has_rule(&l, "bernd", RULE_TEAM_DAY, HOP_DATE_NONE));  /* away: excused */
	assert_true(has_rule(&l, "nina", RULE_ONBOARDING, WED25));
	assert_false(has_rule(&l, "nina", RULE_MIN_OFFICE, HOP_DATE_NONE));
	assert_int_equal(l.n, 5);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.v[i].iso_week, 48);
	agreement_list_free(&l);
	/* The same in the Week data, with cells marked. */
	test_ok(presence_week(&app, "Referat 11", WED25, &w, &err), &err);
	assert_int_equal(w.monday, MON23);
	assert_int_equal(w.nrows, 3);
	assert_int_equal(w.dev.n, 5);
	assert_true(w.days[3].team_day);
	for (size_t i = 0; i < w.nrows; i++)
		if (strcmp(w.rows[i].person.login, "nina") == 0)
			assert_true(w.rows[i].days[2].deviation);
	assert_int_equal(w.days[0].in_office, 1);
	presence_week_free(&w);
	test_app_close(&app);
}

/* The desk of row login on day in w ("" when hidden or none). */
static const char *week_desk(const struct presence_week *w, const char *login, int day)
{
	for (size_t i = 0; i < w->nrows; i++)
		if (strcmp(w->rows[i].person.login, login) == 0)
			return w->rows[i].days[day].desk;
	fail_msg("%s is not a row of the week", login);
	return NULL;
}

/* Who sees a team's week, and its desks as 'hop who' would show them. */
static void test_week_privacy(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct presence_week w;

	(void)state;
	org(&app);
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_act_as(&app, "bernd");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	/* A member sees the team's desks; another team's member not the week. */
	test_act_as(&app, "anna");
	test_ok(presence_week(&app, NULL, MON23, &w, &err), &err);
	assert_string_equal(week_desk(&w, "bernd", 1), "S2");
	presence_week_free(&w);
	test_act_as(&app, "carl");
	assert_int_equal(presence_week(&app, "Referat 11", MON23, &w, &err), HOP_EPERM);
	has(err.msg, "the week of Referat 11 is shown only to its members");
	/* HR sees the week, where people are, but not who booked which desk. */
	test_act_as(&app, "hilde");
	test_ok(presence_week(&app, "Referat 11", MON23, &w, &err), &err);
	assert_string_equal(week_desk(&w, "bernd", 1), "");
	assert_int_equal(w.days[1].in_office, 2);
	presence_week_free(&w);
	/* none: one's own desk only, even in one's own team. */
	app.cfg.show_booker_names = CFG_NAMES_NONE;
	test_act_as(&app, "anna");
	test_ok(presence_week(&app, NULL, MON23, &w, &err), &err);
	assert_string_equal(week_desk(&w, "anna", 1), "S1");
	assert_string_equal(week_desk(&w, "bernd", 1), "");
	presence_week_free(&w);
	/* all: every team's week, with its desks. */
	app.cfg.show_booker_names = CFG_NAMES_ALL;
	test_act_as(&app, "carl");
	test_ok(presence_week(&app, "Referat 11", MON23, &w, &err), &err);
	assert_string_equal(week_desk(&w, "anna", 1), "S1");
	presence_week_free(&w);
	test_app_close(&app);
}

static void test_forecast(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	struct forecast fc;

	(void)state;
	org(&app);
	app.cfg.presence_auto_book = 0;
	test_act_as(&app, "admin");
	test_ok(presence_set(&app, "anna", TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "bernd", TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "nina", TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(presence_set(&app, "carl", TUE24, TUE24, LOC_OFFICE, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(forecast_week(&app, "Haus", TUE24, &fc, &err), &err);
	assert_int_equal(fc.days[1].planned, 4);
	assert_int_equal(fc.days[1].desks, 3);
	assert_true(fc.days[1].over);
	assert_false(fc.days[0].over);
	test_ok(forecast_week(&app, NULL, TUE24, &fc, &err), &err);
	assert_int_equal(fc.days[1].planned, 4);
	test_app_close(&app);
}

static void test_week_label(void **state)
{
	char buf[80];

	(void)state;
	assert_string_equal(presence_week_label(MON23, buf, sizeof buf), "KW 48 · 23.–27.11.2026");
	assert_string_equal(presence_week_label(date_from_ymd(2026, 12, 30), buf, sizeof buf),
	                    "KW 53 · 28.12.2026–01.01.2027");
	assert_string_equal(presence_week_label(date_from_ymd(2026, 11, 30), buf, sizeof buf),
	                    "KW 49 · 30.11.–04.12.2026");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_locations),
		cmocka_unit_test(test_effective),
		cmocka_unit_test(test_range_skips_holidays),
		cmocka_unit_test(test_office_books_home_cancels),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test(test_teamdays),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_agreement),
		cmocka_unit_test(test_week_privacy),
		cmocka_unit_test(test_forecast),
		cmocka_unit_test(test_week_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
