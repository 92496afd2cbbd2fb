/* The permission matrix: who may change which fields of whom. */
#include "testutil.h"

#include "hop/core/authz.h"
#include "hop/core/people/person.h"

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
 * fake (has the lead role but leads nothing), left (in A, has left). */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin),
		cmocka_unit_test(test_hr),
		cmocka_unit_test(test_lead),
		cmocka_unit_test(test_lead_needs_role),
		cmocka_unit_test(test_employee),
		cmocka_unit_test(test_unknown_and_former),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
