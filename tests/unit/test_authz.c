/* The permission matrix: who may change which fields of whom, book which
 * place, plan which team's days, import closures, see which team's week and
 * whose bookings, and the one sentence for a login hop does not know. */
#include "testutil.h"

#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/core/calendar/closure.h"
#include "hop/core/people/person.h"
#include "hop/core/presence/presence.h"

/* Mon 23 Nov 2026, the tests' week. */
#define MONDAY date_from_ymd(2026, 11, 23)
#define UNREGISTERED "you (login 'ghost') are not registered in hop; ask HR to add you"

static void add(struct hop_app *app, const char *login, const char *name, const char *team,
                unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

/* Team A led by alead, team B led by blead; hr, emp (in A), bemp (in B),
 * fake (has the lead role but leads nothing), left (in A, has left), fac
 * (facilities, in no team). */
static int setup(void **state)
{
	static struct hop_app app;
	struct hop_err err;

	test_app_open(&app, "root", 1);
	add(&app, "alead", "Anna Berg", NULL, ROLE_EMPLOYEE | ROLE_LEAD);
	add(&app, "blead", "Bernd Lang", NULL, ROLE_EMPLOYEE);
	assert_int_equal(team_add(&app, "Team A", "alead", &err), HOP_OK);
	assert_int_equal(team_add(&app, "Team B", "blead", &err), HOP_OK);
	add(&app, "hr", "Hilde Rat", NULL, ROLE_EMPLOYEE | ROLE_HR);
	add(&app, "emp", "Emil Meier", "Team A", 0);
	add(&app, "bemp", "Berta Kühn", "Team B", 0);
	add(&app, "fake", "Fritz Kahn", "Team A", ROLE_EMPLOYEE | ROLE_LEAD);
	add(&app, "left", "Lotte Alt", "Team A", 0);
	add(&app, "fac", "Frieda Haus", NULL, ROLE_EMPLOYEE | ROLE_FACILITIES);
	assert_int_equal(person_remove(&app, "left", date_from_ymd(2026, 11, 23), &err), HOP_OK);
	clock_set_today(date_from_ymd(2026, 11, 24));
	*state = &app;
	return 0;
}

static int teardown(void **state)
{
	test_app_close(*state);
	return 0;
}

/* May `actor` change `fields` of `target`?  Returns the status; msg gets the refusal. */
static enum hop_status may(struct hop_app *app, const char *actor, const char *target,
                           unsigned fields, unsigned roles, char *msg)
{
	struct hop_person t;
	struct hop_err err;
	enum hop_status st;

	test_act_as(app, actor);
	assert_int_equal(person_get(app, target, &t, &err), HOP_OK);
	if (!(fields & PF_ROLES))
		roles = t.roles;
	err.msg[0] = '\0';
	st = authz_person_edit(app, &t, fields, roles, &err);
	if (msg)
		snprintf(msg, HOP_ERR_MSG_MAX, "%s", err.msg);
	return st;
}

static void test_admin(void **state)
{
	struct hop_app *app = *state;

	assert_int_equal(may(app, "root", "emp", PF_ROLES, ROLE_ADMIN, NULL), HOP_OK);
	assert_int_equal(may(app, "root", "hr", PF_ROLES | PF_END | PF_LOGIN | PF_TEAM, ROLE_ALL, NULL), HOP_OK);
	assert_int_equal(may(app, "root", "left", PF_NAME, 0, NULL), HOP_OK);
}

static void test_hr(void **state)
{
	struct hop_app *app = *state;
	char msg[HOP_ERR_MSG_MAX];

	assert_int_equal(may(app, "hr", "emp", PF_NAME | PF_EMAIL | PF_TEAM | PF_START | PF_END | PF_LOGIN, 0, NULL), HOP_OK);
	assert_int_equal(may(app, "hr", "emp", PF_ROLES, ROLE_EMPLOYEE | ROLE_LEAD | ROLE_HR, NULL), HOP_OK);
	assert_int_equal(may(app, "hr", "emp", PF_ROLES, ROLE_EMPLOYEE | ROLE_ADMIN, msg), HOP_EPERM);
	assert_string_equal(msg, "only an admin can grant or take the admin role");
	assert_int_equal(may(app, "hr", "root", PF_ROLES, ROLE_EMPLOYEE | ROLE_HR, msg), HOP_EPERM);
	/* Changing other roles of an admin keeps admin: allowed. */
	assert_int_equal(may(app, "hr", "root", PF_ROLES, ROLE_ADMIN | ROLE_EMPLOYEE, NULL), HOP_OK);
	assert_int_equal(may(app, "hr", "root", PF_NAME, 0, NULL), HOP_OK);
}

static void test_lead(void **state)
{
	struct hop_app *app = *state;
	char msg[HOP_ERR_MSG_MAX];

	assert_int_equal(may(app, "alead", "emp", PF_NAME | PF_EMAIL | PF_START, 0, NULL), HOP_OK);
	assert_int_equal(may(app, "alead", "emp", PF_TEAM, 0, msg), HOP_EPERM);
	assert_string_equal(msg, "only HR or an admin can move people between teams");
	assert_int_equal(may(app, "alead", "emp", PF_ROLES, ROLE_EMPLOYEE | ROLE_LEAD, msg), HOP_EPERM);
	assert_string_equal(msg, "only HR or an admin can change roles");
	assert_int_equal(may(app, "alead", "emp", PF_END, 0, msg), HOP_EPERM);
	assert_int_equal(may(app, "alead", "bemp", PF_NAME, 0, msg), HOP_EPERM);
	assert_string_equal(msg, "Bernd Lang leads team Team B; you may edit only members of teams you lead");
	/* Former members are HR's. */
	assert_int_equal(may(app, "alead", "left", PF_NAME, 0, msg), HOP_EPERM);
	assert_non_null(strstr(msg, "has left"));
	/* Own name and e-mail, like everyone. */
	assert_int_equal(may(app, "alead", "alead", PF_NAME | PF_EMAIL, 0, NULL), HOP_OK);
	assert_int_equal(may(app, "blead", "bemp", PF_START, 0, NULL), HOP_OK);
	/* The lead role without leading the team is not enough. */
	assert_int_equal(may(app, "fake", "emp", PF_NAME, 0, msg), HOP_EPERM);
	assert_string_equal(msg, "Anna Berg leads team Team A; you may edit only members of teams you lead");
	test_act_as(app, "fake");
	assert_false(authz_leads_team(app, app->actor.person.team_id));
}

static void test_lead_needs_role(void **state)
{
	struct hop_app *app = *state;
	struct hop_team t;
	struct person_edit e;
	struct hop_err err;

	test_act_as(app, "root");
	assert_int_equal(team_get(app, "Team A", &t, &err), HOP_OK);
	test_act_as(app, "alead");
	assert_true(authz_leads_team(app, t.id));
	/* Take the lead role away: leading the team alone no longer counts. */
	test_act_as(app, "root");
	memset(&e, 0, sizeof e);
	e.fields = PF_ROLES;
	e.roles = ROLE_EMPLOYEE;
	assert_int_equal(person_edit(app, "alead", &e, &err), HOP_OK);
	test_act_as(app, "alead");
	assert_false(authz_leads_team(app, t.id));
	assert_int_equal(may(app, "alead", "emp", PF_NAME, 0, NULL), HOP_EPERM);
	test_act_as(app, "root");
	e.roles = ROLE_EMPLOYEE | ROLE_LEAD;
	assert_int_equal(person_edit(app, "alead", &e, &err), HOP_OK);
}

static void test_employee(void **state)
{
	struct hop_app *app = *state;
	char msg[HOP_ERR_MSG_MAX];
	struct hop_err err;

	assert_int_equal(may(app, "emp", "emp", PF_NAME | PF_EMAIL, 0, NULL), HOP_OK);
	assert_int_equal(may(app, "emp", "emp", PF_START, 0, msg), HOP_EPERM);
	assert_non_null(strstr(msg, "start date"));
	assert_int_equal(may(app, "emp", "emp", PF_ROLES, ROLE_ALL, msg), HOP_EPERM);
	assert_string_equal(msg, "only HR or an admin can change roles");
	assert_int_equal(may(app, "emp", "bemp", PF_EMAIL, 0, msg), HOP_EPERM);
	assert_string_equal(msg, "you may change only your own name and e-mail; Berta Kühn's record "
	                    "can be changed by their lead Bernd Lang, HR or an admin");
	test_act_as(app, "emp");
	assert_int_equal(authz_person_manage(app, &err), HOP_EPERM);
	assert_int_equal(authz_team_manage(app, &err), HOP_EPERM);
	test_act_as(app, "alead");
	assert_int_equal(authz_team_manage(app, &err), HOP_EPERM);
	test_act_as(app, "hr");
	assert_int_equal(authz_person_manage(app, &err), HOP_OK);
	assert_int_equal(authz_team_manage(app, &err), HOP_OK);
	assert_int_equal(authz_person_add(app, ROLE_EMPLOYEE | ROLE_HR, &err), HOP_OK);
	assert_int_equal(authz_person_add(app, ROLE_ADMIN, &err), HOP_EPERM);
}

static void test_unknown_and_former(void **state)
{
	struct hop_app *app = *state;
	char msg[HOP_ERR_MSG_MAX];
	struct hop_err err;

	assert_int_equal(may(app, "ghost", "emp", PF_NAME, 0, msg), HOP_EPERM);
	assert_string_equal(msg, "you (login 'ghost') are not registered in hop; ask HR to add you");
	/* Someone who has left keeps the record but not the rights. */
	assert_int_equal(may(app, "left", "left", PF_NAME, 0, msg), HOP_EPERM);
	assert_non_null(strstr(msg, "not registered"));
	test_act_as(app, "ghost");
	assert_int_equal(authz_person_manage(app, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "ask HR to add you"));
}

static int64_t team_id(struct hop_app *app, const char *name, struct hop_team *t)
{
	struct hop_err err;

	assert_int_equal(team_get(app, name, t, &err), HOP_OK);
	return t->id;
}

/* Every refusal for a login hop does not know is the same sentence, whatever
 * was asked. */
static void test_registered(void **state)
{
	struct hop_app *app = *state;
	struct booking_filter f = { .mine = true };
	struct hop_booking_list bl;
	struct closure_import_report rep;
	struct hop_person emp;
	struct hop_team a;
	struct hop_err err;

	test_act_as(app, "emp");
	assert_int_equal(authz_registered(app, &err), HOP_OK);
	emp = app->actor.person;
	team_id(app, "Team A", &a);
	test_act_as(app, "ghost");
	assert_int_equal(authz_registered(app, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	assert_int_equal(authz_book_for(app, &emp, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	assert_int_equal(authz_place_manage(app, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	assert_int_equal(authz_closure_import(app, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	assert_int_equal(authz_team_plan(app, &a, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	/* Through the modules that used to have words of their own. */
	assert_int_equal(teamday_set(app, "Team A", 1u << 2, HOP_DATE_NONE, HOP_DATE_NONE,
	                             HOP_DATE_NONE, NULL, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	assert_int_equal(booking_list(app, &f, &bl, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	memset(&rep, 0, sizeof rep);
	assert_int_equal(closure_import(app, stdin, "x.ics", NULL, true, &rep, &err), HOP_EPERM);
	assert_string_equal(err.msg, UNREGISTERED);
	closure_import_report_free(&rep);
}

/* bookable_by: all, the zone's team (and its lead), leads; facilities and
 * admins always; a lead may book for a member what only the lead may use. */
static void test_book_place(void **state)
{
	struct hop_app *app = *state;
	struct hop_person emp, bemp;
	struct hop_team a, b;
	struct hop_err err;
	int64_t ta = team_id(app, "Team A", &a), tb = team_id(app, "Team B", &b);
	struct authz_place kept = { "team room TR", "Süd", "Team A", BOOKABLE_TEAM, ta, a.lead_id };
	struct authz_place orphan = { "team room TX", "Ost", "", BOOKABLE_TEAM, 0, 0 };
	struct authz_place leads = { "meeting room M1", "Ost", "", BOOKABLE_LEADS, 0, 0 };

	assert_int_equal(person_get(app, "emp", &emp, &err), HOP_OK);
	assert_int_equal(person_get(app, "bemp", &bemp, &err), HOP_OK);
	(void)tb;

	test_act_as(app, "emp");
	assert_true(authz_may_book_place(app, &emp, BOOKABLE_ALL, 0, 0));
	assert_true(authz_may_book_place(app, &emp, BOOKABLE_TEAM, ta, a.lead_id));
	assert_false(authz_may_book_place(app, &emp, BOOKABLE_LEADS, 0, 0));
	assert_int_equal(authz_book_place(app, &emp, &leads, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "meeting room M1 can be booked only by team leads"));
	test_act_as(app, "bemp");
	assert_int_equal(authz_book_place(app, &bemp, &kept, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "team room TR can be booked only by members of team "
	                       "Team A (and facilities and admins); Berta Kühn is not a member"));
	assert_int_equal(authz_book_place(app, &bemp, &orphan, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "team room TX is kept for the team of its zone Ost, "
	                       "which has no team"));
	/* The zone's lead, though in no team; the lead role alone opens leads' rooms. */
	test_act_as(app, "alead");
	assert_true(authz_may_book_place(app, &app->actor.person, BOOKABLE_TEAM, ta, a.lead_id));
	assert_true(authz_may_book_place(app, &emp, BOOKABLE_LEADS, 0, 0));
	test_act_as(app, "fake");
	assert_true(authz_may_book_place(app, &app->actor.person, BOOKABLE_LEADS, 0, 0));
	test_act_as(app, "hr");
	assert_false(authz_may_book_place(app, &app->actor.person, BOOKABLE_TEAM, ta, a.lead_id));
	for (const char *const *who = (const char *const[]){ "fac", "root", NULL }; *who; who++) {
		test_act_as(app, *who);
		assert_int_equal(authz_book_place(app, &app->actor.person, &orphan, &err), HOP_OK);
		assert_int_equal(authz_book_place(app, &app->actor.person, &kept, &err), HOP_OK);
	}
}

static void test_team_plan(void **state)
{
	struct hop_app *app = *state;
	struct hop_team a, b;
	struct hop_err err;

	team_id(app, "Team A", &a);
	team_id(app, "Team B", &b);
	test_act_as(app, "alead");
	assert_int_equal(authz_team_plan(app, &a, &err), HOP_OK);
	assert_int_equal(authz_team_plan(app, &b, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only the lead of Team B (Bernd Lang), HR or an admin may "
	                    "plan the team's presence days");
	test_act_as(app, "emp");
	assert_int_equal(authz_team_plan(app, &a, &err), HOP_EPERM);
	test_act_as(app, "fake");
	assert_int_equal(authz_team_plan(app, &a, &err), HOP_EPERM);
	test_act_as(app, "hr");
	assert_int_equal(authz_team_plan(app, &b, &err), HOP_OK);
	test_act_as(app, "root");
	assert_int_equal(authz_team_plan(app, &b, &err), HOP_OK);
}

static void test_closure_import(void **state)
{
	struct hop_app *app = *state;
	struct hop_err err;

	test_act_as(app, "emp");
	assert_int_equal(authz_closure_import(app, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "only facilities or an admin can import closure days"));
	test_act_as(app, "hr");
	assert_int_equal(authz_closure_import(app, &err), HOP_EPERM);
	test_act_as(app, "fac");
	assert_int_equal(authz_closure_import(app, &err), HOP_OK);
	test_act_as(app, "root");
	assert_int_equal(authz_closure_import(app, &err), HOP_OK);
}

/* Another team's week follows the privacy setting: with show_booker_names
 * team or none, members and the lead see their team, HR and admins every
 * team; with all, everyone every team.  Core refuses it, not a front end. */
static void test_see_team(void **state)
{
	struct hop_app *app = *state;
	struct presence_week w;
	struct hop_team a, b;
	struct hop_err err;
	int64_t ta = team_id(app, "Team A", &a), tb = team_id(app, "Team B", &b);
	static const enum cfg_booker_names closed[] = { CFG_NAMES_TEAM, CFG_NAMES_NONE };

	for (size_t i = 0; i < sizeof closed / sizeof *closed; i++) {
		app->cfg.show_booker_names = closed[i];
		test_act_as(app, "emp");
		assert_true(authz_may_see_team(app, ta));
		assert_false(authz_may_see_team(app, tb));
		assert_int_equal(authz_see_team(app, &b, &err), HOP_EPERM);
		assert_string_equal(err.msg, "the week of Team B is shown only to its members, its "
		                    "lead, HR and admins");
		assert_int_equal(presence_week(app, "Team B", MONDAY, &w, &err), HOP_EPERM);
		assert_int_equal(presence_week(app, NULL, MONDAY, &w, &err), HOP_OK);
		presence_week_free(&w);
		test_act_as(app, "alead");        /* leads A, is in no team */
		assert_true(authz_may_see_team(app, ta));
		assert_false(authz_may_see_team(app, tb));
		test_act_as(app, "fake");         /* the lead role alone opens nothing */
		assert_false(authz_may_see_team(app, tb));
		test_act_as(app, "fac");
		assert_false(authz_may_see_team(app, ta));
		test_act_as(app, "hr");
		assert_true(authz_may_see_team(app, ta) && authz_may_see_team(app, tb));
		test_act_as(app, "root");
		assert_true(authz_may_see_team(app, tb));
		test_act_as(app, "ghost");
		assert_false(authz_may_see_team(app, ta));
		assert_int_equal(authz_see_team(app, &a, &err), HOP_EPERM);
		assert_string_equal(err.msg, UNREGISTERED);
	}
	app->cfg.show_booker_names = CFG_NAMES_ALL;
	test_act_as(app, "emp");
	assert_true(authz_may_see_team(app, tb));
	assert_int_equal(presence_week(app, "Team B", MONDAY, &w, &err), HOP_OK);
	presence_week_free(&w);
	test_act_as(app, "ghost");
	assert_true(authz_may_see_team(app, ta));
	app->cfg.show_booker_names = CFG_NAMES_TEAM;
}

/* Who booked: one's own and what one booked for others always; facilities
 * and admins always; else all, the booker's team (and its lead), or none. */
static void test_booker_visible(void **state)
{
	struct hop_app *app = *state;
	struct hop_person emp, bemp;
	struct hop_team a, b;
	struct hop_err err;
	int64_t ta = team_id(app, "Team A", &a), tb = team_id(app, "Team B", &b);

	assert_int_equal(person_get(app, "emp", &emp, &err), HOP_OK);
	assert_int_equal(person_get(app, "bemp", &bemp, &err), HOP_OK);
	test_act_as(app, "emp");
	assert_true(authz_booker_visible(app, emp.id, ta, a.lead_id, emp.id));
	assert_true(authz_booker_visible(app, bemp.id, tb, b.lead_id, emp.id));   /* booked by emp */
	assert_false(authz_booker_visible(app, bemp.id, tb, b.lead_id, bemp.id));
	test_act_as(app, "fake");
	assert_true(authz_booker_visible(app, emp.id, ta, a.lead_id, emp.id));    /* a team mate */
	test_act_as(app, "alead");
	assert_true(authz_booker_visible(app, emp.id, ta, a.lead_id, emp.id));    /* leads A */
	assert_false(authz_booker_visible(app, bemp.id, tb, b.lead_id, bemp.id));
	test_act_as(app, "hr");
	assert_false(authz_booker_visible(app, bemp.id, tb, b.lead_id, bemp.id));
	test_act_as(app, "fac");
	assert_true(authz_booker_visible(app, bemp.id, tb, b.lead_id, bemp.id));
	app->cfg.show_booker_names = CFG_NAMES_NONE;
	test_act_as(app, "fake");
	assert_false(authz_booker_visible(app, emp.id, ta, a.lead_id, emp.id));
	test_act_as(app, "root");
	assert_true(authz_booker_visible(app, emp.id, ta, a.lead_id, emp.id));
	app->cfg.show_booker_names = CFG_NAMES_ALL;
	test_act_as(app, "ghost");
	assert_true(authz_booker_visible(app, bemp.id, tb, b.lead_id, bemp.id));
	app->cfg.show_booker_names = CFG_NAMES_TEAM;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin),
		cmocka_unit_test(test_hr),
		cmocka_unit_test(test_lead),
		cmocka_unit_test(test_lead_needs_role),
		cmocka_unit_test(test_employee),
		cmocka_unit_test(test_unknown_and_former),
		cmocka_unit_test(test_registered),
		cmocka_unit_test(test_book_place),
		cmocka_unit_test(test_team_plan),
		cmocka_unit_test(test_closure_import),
		cmocka_unit_test(test_see_team),
		cmocka_unit_test(test_booker_visible),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
