/* Moves and secondments (issue 14: ROT-5, ROT-6, ROT-9): what a secondment
 * needs (a 30-month secondment to a Land authority: consent and the staff
 * council), a host's level in front of its name, no desk at home and no team
 * on the days of a secondment outside, the bookings a move leaves in
 * conflict, and a move's handover and onboarding from the onboarding engine
 * without disturbing a person's onboarding. */
#include "booking_org.h"

#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/membership.h"
#include "hop/core/presence/presence.h"
#include "hop/core/rotation/move.h"
#include "hop/core/rotation/rotation.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static void add(struct hop_app *app, const char *login, const char *name, const char *team,
                hop_date start)
{
	test_add_person(app, login, name, team, ROLE_EMPLOYEE, start);
}

/* Referat 11 (zone Nord: N1, N2) and Referat 12 (zone West: W1); a1, b1 in
 * Referat 11, m12 (a possible mentor) in Referat 12. */
static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	test_ok(team_add(app, "Referat 11", NULL, &err), &err);
	test_ok(team_add(app, "Referat 12", NULL, &err), &err);
	test_ok(site_add(app, "Haus", NULL, NULL, NULL, &err), &err);
	test_ok(zone_add(app, "Haus", "1. OG", 1, "Nord", "Referat 11", &err), &err);
	test_ok(zone_add(app, "Haus", "2. OG", 2, "West", "Referat 12", &err), &err);
	place(app, "N1", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "N2", "Nord", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	place(app, "W1", "West", DESK_KIND_DESK, 0, 0, NULL, BOOKABLE_ALL);
	add(app, "a1", "Anna Abgeordnet", "Referat 11", D(2015, 1, 5));
	add(app, "b1", "Bert Bleibt", "Referat 11", D(2015, 1, 5));
	add(app, "m12", "Max Mentor", "Referat 12", D(2012, 1, 2));
}

/* Book desk on day for login, as the actor of the moment. */
static enum hop_status book_for(struct hop_app *app, const char *login, const char *desk,
                                hop_date day, struct hop_err *err)
{
	struct booking_request rq = { .day = day, .half = HALF_DAY, .desk = desk,
	                              .for_login = login };
	struct hop_booking made;

	return booking_book(app, &rq, &made, err);
}

static void test_flags(void **state)
{
	struct hop_app app;
	struct rotation_flags f;

	(void)state;
	test_app_open(&app, "admin", 1);
	/* The check: 30 months to a Land authority. */
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2029, 6, 30), true, &f);
	assert_int_equal(f.months, 30);
	assert_true(f.consent);
	assert_true(f.personalrat);
	/* Inside: 24 months is not longer than 24; one day more is. */
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2028, 12, 31), false, &f);
	assert_int_equal(f.months, 24);
	assert_false(f.consent);
	assert_true(f.personalrat);
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2029, 1, 1), false, &f);
	assert_int_equal(f.months, 25);
	assert_true(f.consent);
	/* Three months: no staff council; a day more: it takes part. */
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2027, 3, 31), false, &f);
	assert_false(f.personalrat);
	assert_false(f.consent);
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2027, 4, 1), false, &f);
	assert_true(f.personalrat);
	/* Another employer: consent however short; open: both. */
	rotation_secondment_flags(&app, D(2027, 1, 1), D(2027, 1, 31), true, &f);
	assert_true(f.consent);
	assert_false(f.personalrat);
	rotation_secondment_flags(&app, D(2027, 1, 1), HOP_DATE_NONE, false, &f);
	assert_true(f.consent && f.personalrat);
	test_app_close(&app);
}

static void test_host_split(void **state)
{
	enum membership_host_level l;
	char host[HOP_HOST_MAX + 1];

	(void)state;
	rotation_host_split("Land: Finanzministerium NRW", host, sizeof host, &l);
	assert_int_equal(l, HOST_LAND);
	assert_string_equal(host, "Finanzministerium NRW");
	rotation_host_split("bund :BMI", host, sizeof host, &l);
	assert_int_equal(l, HOST_BUND);
	assert_string_equal(host, "BMI");
	rotation_host_split("Stadt Köln: Amt 12", host, sizeof host, &l);
	assert_int_equal(l, HOST_NONE);
	assert_string_equal(host, "Stadt Köln: Amt 12");
	rotation_host_split("Finanzamt", host, sizeof host, &l);
	assert_int_equal(l, HOST_NONE);
	assert_string_equal(host, "Finanzamt");
}

static void test_outside(void **state)
{
	struct hop_app app;
	struct rotation_move m = { .login = "a1", .kind = MEMBER_SECONDMENT,
	                           .host = "Land: Finanzministerium NRW",
	                           .from = D(2026, 12, 1), .until = D(2029, 5, 31) };
	struct rotation_move_result r;
	struct rotation_secondment_list l;
	struct rotation_conflict_list c;
	struct presence_day_entry week[PRESENCE_DAYS];
	struct hop_person who;
	struct hop_err err;
	int64_t team, id;
	int before;
	bool away;

	(void)state;
	setup(&app);
	test_ok(book_for(&app, "a1", "N1", D(2026, 12, 1), &err), &err);
	test_ok(rotation_move(&app, &m, &r, &err), &err);
	assert_true(r.secondment);
	assert_int_equal(r.level, HOST_LAND);
	assert_string_equal(r.host, "Finanzministerium NRW");
	assert_string_equal(r.team, "Referat 11");
	assert_int_equal(r.flags.months, 30);
	assert_true(r.flags.consent);
	assert_true(r.flags.personalrat);

	/* In no team, away, and no desk on its days. */
	id = count(&app, "SELECT id FROM person WHERE login = 'a1'");
	test_ok(membership_team_on(&app, id, D(2026, 12, 2), &team, &err), &err);
	assert_int_equal(team, 0);
	test_ok(membership_team_on(&app, id, D(2026, 11, 30), &team, &err), &err);
	assert_true(team != 0);
	test_ok(rotation_away_on(&app, id, D(2026, 12, 2), &away, NULL, NULL, NULL, &err), &err);
	assert_true(away);
	before = count(&app, "SELECT count(*) FROM booking");
	assert_int_equal(book_for(&app, "a1", "N2", D(2026, 12, 2), &err), HOP_EINVAL);
	has(err.msg, "Anna Abgeordnet is seconded to Finanzministerium NRW from");
	has(err.msg, "has no desk here");
	test_act_as(&app, "a1");
	assert_int_equal(book_for(&app, NULL, "N2", D(2026, 12, 3), &err), HOP_EINVAL);
	has(err.msg, "you are seconded to Finanzministerium NRW");
	test_act_as(&app, "admin");
	assert_int_equal(count(&app, "SELECT count(*) FROM booking"), before);
	test_ok(book_for(&app, "a1", "N2", D(2026, 11, 30), &err), &err);
	/* Every plan counts the days away. */
	test_ok(presence_person_week(&app, "a1", D(2026, 11, 30), &who, week, &err), &err);
	assert_int_equal(week[0].loc, LOC_OFFICE);
	assert_int_equal(week[1].loc, LOC_AWAY);
	assert_int_equal(week[1].source, PSRC_SECONDMENT);
	assert_int_equal(week[2].loc, LOC_AWAY);

	/* Listed with its flags; the booking from before is a conflict. */
	test_ok(rotation_secondments(&app, NULL, D(2026, 11, 23), HOP_DATE_NONE, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].login, "a1");
	assert_string_equal(l.v[0].from_team, "Referat 11");
	assert_int_equal(l.v[0].level, HOST_LAND);
	assert_true(l.v[0].flags.consent);
	rotation_secondment_list_free(&l);
	test_ok(rotation_conflicts(&app, NULL, D(2026, 11, 23), &c, &err), &err);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].kind, CONFLICT_AWAY);
	assert_int_equal(c.v[0].day, D(2026, 12, 1));
	assert_string_equal(c.v[0].desk, "N1");
	assert_string_equal(c.v[0].where, "Finanzministerium NRW");
	assert_string_equal(c.v[0].zone_team, "Referat 11");
	rotation_conflict_list_free(&c);

	/* Need to know: b1 sees none of it; a level against the prefix, or a
	 * move by an employee, is refused and changes nothing. */
	test_act_as(&app, "b1");
	test_ok(rotation_secondments(&app, NULL, D(2026, 11, 23), HOP_DATE_NONE, &l, &err), &err);
	assert_int_equal(l.n, 0);
	rotation_secondment_list_free(&l);
	assert_int_equal(rotation_conflicts(&app, "Referat 11", HOP_DATE_NONE, &c, &err), HOP_EPERM);
	m.login = "b1";
	assert_int_equal(rotation_move(&app, &m, &r, &err), HOP_EPERM);
	test_act_as(&app, "admin");
	m.level = HOST_BUND;
	assert_int_equal(rotation_move(&app, &m, &r, &err), HOP_EINVAL);
	has(err.msg, "give one of them");
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'secondment'"), 1);
	test_app_close(&app);
}

static void test_inside_conflict(void **state)
{
	struct hop_app app;
	struct rotation_move m = { .login = "b1", .team = "Referat 12", .kind = MEMBER_SECONDMENT,
	                           .from = D(2026, 12, 7), .until = D(2026, 12, 31) };
	struct rotation_move_result r;
	struct rotation_conflict_list c;
	struct hop_err err;

	(void)state;
	setup(&app);
	test_ok(book_for(&app, "b1", "N1", D(2026, 12, 14), &err), &err);
	test_ok(book_for(&app, "b1", "N2", D(2026, 12, 4), &err), &err);
	test_ok(rotation_move(&app, &m, &r, &err), &err);
	assert_true(r.secondment);
	assert_false(r.flags.consent);
	assert_false(r.flags.personalrat);
	/* A desk in the old zone on a secondment day, not the day before. */
	test_ok(rotation_conflicts(&app, NULL, HOP_DATE_NONE, &c, &err), &err);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].kind, CONFLICT_OTHER_TEAM);
	assert_int_equal(c.v[0].day, D(2026, 12, 14));
	assert_string_equal(c.v[0].where, "Referat 12");
	assert_string_equal(c.v[0].zone_team, "Referat 11");
	rotation_conflict_list_free(&c);
	test_ok(rotation_conflicts(&app, "Referat 12", HOP_DATE_NONE, &c, &err), &err);
	assert_int_equal(c.n, 1);
	rotation_conflict_list_free(&c);
	test_app_close(&app);
}

static void test_handover(void **state)
{
	struct hop_app app;
	struct rotation_move m = { .login = "b1", .team = "Referat 12", .kind = MEMBER_STATION,
	                           .from = D(2027, 1, 4), .until = D(2027, 6, 30),
	                           .handover = true };
	struct rotation_move_result r;
	struct onb_summary o;
	struct onb_step_list steps;
	struct onb_step_spec s = { .kind = ONB_DOCUMENT, .owner = OWNER_NEWHIRE,
	                           .offset = { -2, UNIT_WORKDAYS }, .mandatory = true };
	struct onb_template_list tl;
	struct hop_err err;
	bool added;

	(void)state;
	setup(&app);
	/* A new hire's onboarding, running, must stay what onboarding means. */
	add(&app, "n1", "Nina Neu", "Referat 11", D(2026, 11, 30));
	test_ok(template_add(&app, "Standard", NULL, 0, true, &err), &err);
	test_ok(onboarding_start(&app, "n1", NULL, &o, &err), &err);
	test_ok(template_add_kind(&app, "Übergabe", NULL, 0, true, true, &err), &err);
	snprintf(s.title, sizeof s.title, "Akten übergeben");
	test_ok(template_step_set(&app, "Übergabe", s.title, SF_TITLE | SF_KIND | SF_OWNER | SF_OFFSET |
	                     SF_MANDATORY, &s, 0, &added, &err), &err);
	test_ok(template_add(&app, "Einarbeitung 12", "Referat 12", 0, false, &err), &err);
	/* Each kind keeps its own default. */
	test_ok(template_list(&app, false, &tl, &err), &err);
	int defaults = 0, handovers = 0;
	for (size_t i = 0; i < tl.n; i++) {
		defaults += tl.v[i].is_default;
		handovers += tl.v[i].handover;
	}
	assert_int_equal(defaults, 2);
	assert_int_equal(handovers, 1);
	onb_template_list_free(&tl);

	test_ok(rotation_move(&app, &m, &r, &err), &err);
	assert_true(r.move.handover);
	assert_true(r.move.onboarding);
	assert_string_equal(r.move.mentor, "m12");
	test_ok(onboarding_show(&app, "b1", &o, &steps, &err), &err);
	assert_false(o.handover);
	assert_string_equal(o.template, "Einarbeitung 12");
	assert_string_equal(o.for_team, "Referat 12");
	assert_int_equal(o.start, D(2027, 1, 4));
	assert_string_equal(o.mentor_login, "m12");
	onb_step_list_free(&steps);
	test_ok(onboarding_show_purpose(&app, "b1", true, &o, &steps, &err), &err);
	assert_true(o.handover);
	assert_string_equal(o.template, "Übergabe");
	assert_string_equal(o.for_team, "Referat 11");
	assert_int_equal(steps.n, 2);
	assert_true(steps.v[1].due < D(2027, 1, 4));
	onb_step_list_free(&steps);
	/* Ticking the handover leaves the onboarding alone. */
	test_ok(onboarding_tick_purpose(&app, "b1", true, "Akten übergeben", HOP_DATE_NONE, NULL,
	                           false, &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding_step s JOIN onboarding o "
	                       "ON o.id = s.onboarding_id WHERE o.purpose = 'onboarding' "
	                       "AND s.done_on IS NOT NULL"), 0);
	/* A second move: both open already, nothing new; the new hire's
	 * onboarding is untouched. */
	m.from = D(2027, 7, 1);
	m.until = HOP_DATE_NONE;
	m.team = "Referat 11";
	test_ok(rotation_move(&app, &m, &r, &err), &err);
	assert_false(r.move.handover);
	assert_false(r.move.onboarding);
	test_ok(onboarding_show(&app, "n1", &o, NULL, &err), &err);
	assert_string_equal(o.template, "Standard");
	assert_false(o.handover);
	/* A handover template does not start an onboarding. */
	assert_int_equal(onboarding_start(&app, "a1", "Übergabe", &o, &err), HOP_EINVAL);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_host_split),
		cmocka_unit_test(test_outside),
		cmocka_unit_test(test_inside_conflict),
		cmocka_unit_test(test_handover),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
