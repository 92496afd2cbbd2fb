/* The status of people under requirements, through the database: one
 * person for each status; the yearly safety instruction of a new hire due on
 * the first working day; data protection due the day before the first home
 * day; the team scope following a dated change of team; exemptions; who may
 * see whose status; and the mobile-work gate warning or refusing. */
#include "testutil.h"

#include "hop/core/people/person.h"
#include "hop/core/presence/presence.h"
#include "hop/core/training/coverage.h"
#include "hop/core/training/requirement.h"
#include "hop/core/training/status.h"
#include "../../src/core/training/trn_int.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static void exec(struct hop_app *app, const char *sql)
{
	test_sql_exec(app->db, sql);
}

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void add(struct hop_app *app, const char *login, const char *team, unsigned roles,
                hop_date start)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	snprintf(p.team, sizeof p.team, "%s", team);
	p.roles = roles;
	p.start = start;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void record(struct hop_app *app, const char *login, const char *course, hop_date on)
{
	struct trn_record_new r = { .done_on = on, .result = TRN_PASSED, .source = TRN_FROM_MANUAL };
	struct hop_person p;
	struct trn_course c;
	struct hop_err err;
	int64_t id = 0;

	assert_int_equal(person_get(app, login, &p, &err), HOP_OK);
	assert_int_equal(trn_course_get(app, course, &c, &err), HOP_OK);
	r.person_id = p.id;
	r.course_id = c.id;
	assert_int_equal(db_begin(app->db, &err), HOP_OK);
	if (trn_record_write(app, &r, &id, &err) != HOP_OK)
		fail_msg("write: %s", err.msg);
	assert_int_equal(db_commit(app->db, &err), HOP_OK);
}

static int64_t require(struct hop_app *app, struct trn_requirement_new rq)
{
	struct hop_err err;
	int64_t id = 0;

	if (rq.from == 0)
		rq.from = HOP_DATE_NONE;
	if (rq.until == 0)
		rq.until = HOP_DATE_NONE;
	if (trn_require(app, &rq, &id, &err) != HOP_OK)
		fail_msg("require %s: %s", rq.course, err.msg);
	return id;
}

/* login's row for course on day; fails when there is none. */
static struct trn_state state_of(struct hop_app *app, const char *login, const char *course,
                                 hop_date day)
{
	struct trn_status_list l;
	struct trn_state st = { .status = TRN_NOT_REQUIRED };
	struct hop_err err;

	if (trn_status_person(app, login, day ? day : HOP_DATE_NONE, &l, &err) != HOP_OK)
		fail_msg("status %s: %s", login, err.msg);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].course, course) == 0)
			st = l.v[i].st;
	trn_status_list_free(&l);
	return st;
}

/* A Berlin organisation: teams A and B, a site whose zone is team A's.
 * Courses: SEC (online, 12 months), SI (instruction, 12 months), DS (data
 * protection, 24 months). */
static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "hr", 1);
	assert_int_equal(team_add(app, "A", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "B", NULL, &err), HOP_OK);
	exec(app, "INSERT INTO course (code, title, kind, validity_months, renewal_days, created_on) "
	     "VALUES ('SEC', 'IT-Sicherheit', 'online', 12, 90, '2026-01-01'), "
	     "('SI', 'Sicherheitsunterweisung', 'instruction', 12, 90, '2026-01-01'), "
	     "('DS', 'Datenschutz', 'online', 24, 90, '2026-01-01')");
}

static void test_matrix(void **state)
{
	struct hop_app app;
	struct trn_status_list l;
	struct trn_coverage_list cov;
	struct hop_err err;
	unsigned seen = 0;

	(void)state;
	setup(&app);
	add(&app, "valid", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	add(&app, "expiring", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	add(&app, "overdue", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	add(&app, "exempt", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	add(&app, "newbie", "A", ROLE_EMPLOYEE, D(2027, 3, 1));
	add(&app, "due", "A", ROLE_EMPLOYEE, D(2026, 12, 10));
	add(&app, "other", "B", ROLE_EMPLOYEE, D(2020, 1, 1));
	require(&app, (struct trn_requirement_new){ .course = "SEC", .scope = TRN_SCOPE_TEAM,
	        .team = "A", .warn_days = 30, .from = D(2026, 1, 1) });
	record(&app, "valid", "SEC", D(2026, 6, 1));
	record(&app, "expiring", "SEC", D(2025, 12, 10));
	record(&app, "overdue", "SEC", D(2025, 10, 1));
	int n;
	assert_int_equal(trn_exempt(&app, "exempt", "SEC", "Elternzeit", D(2026, 12, 31), &n, &err),
	                 HOP_OK);
	assert_int_equal(n, 1);

	assert_int_equal(state_of(&app, "valid", "SEC", 0).status, TRN_VALID);
	assert_int_equal(state_of(&app, "valid", "SEC", 0).valid_until, D(2027, 5, 31));
	assert_int_equal(state_of(&app, "expiring", "SEC", 0).status, TRN_EXPIRING);
	assert_int_equal(state_of(&app, "expiring", "SEC", 0).valid_until, D(2026, 12, 9));
	assert_int_equal(state_of(&app, "overdue", "SEC", 0).status, TRN_OVERDUE);
	assert_int_equal(state_of(&app, "overdue", "SEC", 0).due, D(2026, 9, 30));
	assert_int_equal(state_of(&app, "exempt", "SEC", 0).status, TRN_EXEMPT);
	assert_int_equal(state_of(&app, "newbie", "SEC", 0).status, TRN_NEW);
	assert_int_equal(state_of(&app, "newbie", "SEC", 0).due, D(2027, 3, 1));
	assert_int_equal(state_of(&app, "due", "SEC", 0).status, TRN_DUE);
	assert_int_equal(state_of(&app, "due", "SEC", 0).due, D(2026, 12, 10));
	assert_int_equal(state_of(&app, "other", "SEC", 0).status, TRN_NOT_REQUIRED);

	/* The same through the set-based read of everyone, by name. */
	assert_int_equal(trn_status_people(&app, 0, 0, D(2026, 11, 23), ~0u, &l, &err), HOP_OK);
	assert_int_equal(l.n, 6);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.v[i].course, "SEC");
		seen |= 1u << l.v[i].st.status;
		if (i)
			assert_true(strcmp(l.v[i - 1].name, l.v[i].name) < 0);
	}
	assert_int_equal(seen, (1u << TRN_VALID) | (1u << TRN_EXPIRING) | (1u << TRN_OVERDUE) |
	                 (1u << TRN_EXEMPT) | (1u << TRN_NEW) | (1u << TRN_DUE));
	trn_status_list_free(&l);
	assert_int_equal(trn_status_people(&app, 0, 0, HOP_DATE_NONE, 1u << TRN_OVERDUE, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].login, "overdue");
	trn_status_list_free(&l);

	assert_int_equal(trn_coverage(&app, 0, HOP_DATE_NONE, &cov, &err), HOP_OK);
	assert_int_equal(cov.n, 1);
	assert_int_equal(cov.v[0].required, 6);
	assert_int_equal(cov.v[0].valid, 2);
	assert_int_equal(cov.v[0].share_x10, 333);
	assert_int_equal(cov.v[0].count[TRN_OVERDUE], 1);
	assert_int_equal(cov.v[0].count[TRN_EXEMPT], 1);
	trn_coverage_list_free(&cov);

	/* A second requirement of the course (everyone) counts each person once. */
	require(&app, (struct trn_requirement_new){ .course = "SEC", .scope = TRN_SCOPE_ALL,
	        .warn_days = 30, .from = D(2026, 1, 1) });
	assert_int_equal(trn_coverage(&app, 0, HOP_DATE_NONE, &cov, &err), HOP_OK);
	assert_int_equal(cov.v[0].required, 8);   /* + other, + the admin */
	trn_coverage_list_free(&cov);
	test_app_close(&app);
}

static void test_safety_instruction_first_working_day(void **state)
{
	struct hop_app app;
	struct trn_state st;

	(void)state;
	setup(&app);
	/* 1 January 2027 is a public holiday (a Friday): the first working day
	 * is Monday 4 January. */
	add(&app, "neu", "A", ROLE_EMPLOYEE, D(2027, 1, 1));
	add(&app, "jung", "A", ROLE_EMPLOYEE, D(2026, 9, 1));
	exec(&app, "UPDATE person SET minor_until = '2027-08-31' WHERE login = 'jung'");
	require(&app, (struct trn_requirement_new){ .course = "SI", .scope = TRN_SCOPE_ALL,
	        .trigger = TRN_TRIGGER_START, .interval_months = 12, .warn_days = 30 });
	st = state_of(&app, "neu", "SI", 0);
	assert_int_equal(st.status, TRN_NEW);
	assert_int_equal(st.due, D(2027, 1, 4));
	assert_int_equal(state_of(&app, "neu", "SI", D(2026, 12, 20)).status, TRN_DUE);
	assert_int_equal(state_of(&app, "neu", "SI", D(2027, 1, 5)).status, TRN_OVERDUE);
	record(&app, "neu", "SI", D(2027, 1, 4));
	st = state_of(&app, "neu", "SI", D(2027, 1, 5));
	assert_int_equal(st.status, TRN_VALID);
	assert_int_equal(st.valid_until, D(2028, 1, 3));
	/* A juvenile: every six months (JArbSchG § 29). */
	record(&app, "jung", "SI", D(2026, 9, 1));
	st = state_of(&app, "jung", "SI", D(2026, 11, 23));
	assert_int_equal(st.valid_until, D(2027, 2, 28));
	test_app_close(&app);
}

static void test_mobile_trigger_and_gate(void **state)
{
	struct hop_app app;
	struct presence_result res;
	struct trn_state st;
	struct hop_err err;
	char missing[200];
	struct hop_person p;

	(void)state;
	setup(&app);
	add(&app, "mobil", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	assert_int_equal(person_get(&app, "mobil", &p, &err), HOP_OK);
	require(&app, (struct trn_requirement_new){ .course = "DS", .scope = TRN_SCOPE_ALL,
	        .trigger = TRN_TRIGGER_MOBILE, .warn_days = 30 });
	/* No home day planned: not due yet. */
	st = state_of(&app, "mobil", "DS", 0);
	assert_int_equal(st.status, TRN_NEW);
	assert_int_equal(st.due, HOP_DATE_NONE);
	/* The first home day 03.02.2027: due 02.02.2027. */
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 3), D(2027, 2, 3), LOC_HOME, NULL,
	                              &res, &err), HOP_OK);
	assert_string_equal(res.v[0].training, "");
	presence_result_free(&res);
	st = state_of(&app, "mobil", "DS", 0);
	assert_int_equal(st.due, D(2027, 2, 2));
	/* A weekly default home on Mondays comes earlier: due the Sunday before. */
	assert_int_equal(presence_default_set(&app, "mobil", "mon=home", &err), HOP_OK);
	assert_int_equal(state_of(&app, "mobil", "DS", 0).due, D(2026, 11, 22));
	assert_int_equal(presence_default_set(&app, "mobil", "mon=-", &err), HOP_OK);

	/* The gate: refuse, with the course's name, and nothing is set. */
	snprintf(app.cfg.mobile_requires, sizeof app.cfg.mobile_requires, "DS,NOPE");
	app.cfg.mobile_gate = CFG_GATE_REFUSE;
	assert_int_equal(trn_mobile_missing(&app, p.id, D(2027, 2, 10), missing, sizeof missing,
	                                    &err), HOP_OK);
	assert_string_equal(missing, "Datenschutz");
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 10), D(2027, 2, 10), LOC_HOME, NULL,
	                              &res, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "Datenschutz (no session with a free seat is planned)"));
	assert_int_equal(count(&app, "SELECT count(*) FROM presence WHERE day = '2027-02-10'"), 0);
	/* Office is never gated. */
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 10), D(2027, 2, 10), LOC_OFFICE,
	                              NULL, &res, &err), HOP_OK);
	presence_result_free(&res);
	/* A session with a free seat is named. */
	exec(&app, "INSERT INTO course_session (course_id, starts_at, ends_at, capacity, created_at, "
	     "created_by) SELECT id, '2027-01-20T09:00', '2027-01-20T12:00', 10, 'x', 'x' "
	     "FROM course WHERE code = 'DS'");
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 10), D(2027, 2, 10), LOC_MOBILE,
	                              NULL, &res, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "next session with a free seat: Wed 20 Jan 2027, 09:00"));
	/* Warn: set, and the warning handed back. */
	app.cfg.mobile_gate = CFG_GATE_WARN;
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 10), D(2027, 2, 10), LOC_HOME, NULL,
	                              &res, &err), HOP_OK);
	assert_non_null(strstr(res.v[0].training, "Datenschutz"));
	presence_result_free(&res);
	assert_int_equal(count(&app, "SELECT count(*) FROM presence WHERE day = '2027-02-10' "
	                        "AND location = 'home'"), 1);
	/* With a record, refuse lets it through. */
	app.cfg.mobile_gate = CFG_GATE_REFUSE;
	record(&app, "mobil", "DS", D(2026, 11, 20));
	assert_int_equal(presence_set(&app, "mobil", D(2027, 2, 11), D(2027, 2, 11), LOC_HOME, NULL,
	                              &res, &err), HOP_OK);
	assert_string_equal(res.v[0].training, "");
	presence_result_free(&res);
	test_app_close(&app);
}

static void test_team_scope_follows_membership(void **state)
{
	struct hop_app app;
	struct trn_status_list l;
	struct hop_err err;

	(void)state;
	setup(&app);
	add(&app, "mover", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	add(&app, "lead", "B", ROLE_EMPLOYEE | ROLE_LEAD, D(2020, 1, 1));
	exec(&app, "UPDATE team SET lead_id = (SELECT id FROM person WHERE login = 'lead') "
	     "WHERE name = 'B'");
	/* mover leaves A on 31.12.2026 and holds a post in B from 01.01.2027. */
	exec(&app, "UPDATE membership SET end_on = '2026-12-31' WHERE person_id = "
	     "(SELECT id FROM person WHERE login = 'mover')");
	exec(&app, "INSERT INTO membership (person_id, team_id, kind, start_on, created_at) SELECT "
	     "p.id, t.id, 'post', '2027-01-01', 'x' FROM person p, team t WHERE p.login = 'mover' "
	     "AND t.name = 'B'");
	require(&app, (struct trn_requirement_new){ .course = "SEC", .scope = TRN_SCOPE_TEAM,
	        .team = "A", .warn_days = 30 });
	require(&app, (struct trn_requirement_new){ .course = "DS", .scope = TRN_SCOPE_TEAM,
	        .team = "B", .trigger = TRN_TRIGGER_CHANGE, .grace_days = 14, .warn_days = 30 });
	assert_int_equal(state_of(&app, "mover", "SEC", D(2026, 12, 31)).status, TRN_OVERDUE);
	assert_int_equal(state_of(&app, "mover", "DS", D(2026, 12, 31)).status, TRN_NOT_REQUIRED);
	assert_int_equal(state_of(&app, "mover", "SEC", D(2027, 1, 1)).status, TRN_NOT_REQUIRED);
	/* In B since 01.01.2027: due 14 days after the change. */
	assert_int_equal(state_of(&app, "mover", "DS", D(2027, 1, 1)).status, TRN_DUE);
	assert_int_equal(state_of(&app, "mover", "DS", D(2027, 1, 1)).due, D(2027, 1, 15));
	/* B's lead sees mover's status from the day mover is in B, not before. */
	test_act_as(&app, "lead");
	assert_int_equal(trn_status_person(&app, "mover", D(2026, 12, 31), &l, &err), HOP_EPERM);
	assert_int_equal(trn_status_person(&app, "mover", D(2027, 1, 4), &l, &err), HOP_OK);
	trn_status_list_free(&l);
	assert_int_equal(trn_status_people(&app, 0, 0, D(2027, 1, 4), ~0u, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);   /* the lead themself and mover, under B's requirement */
	assert_string_equal(l.v[1].login, "mover");
	trn_status_list_free(&l);
	/* Team A is not the lead's to see; requirements are HR's to keep. */
	assert_int_equal(trn_status_people(&app, 0, 1, HOP_DATE_NONE, ~0u, &l, &err), HOP_EPERM);
	struct trn_requirement_new rq = { .course = "SEC", .scope = TRN_SCOPE_ALL,
	                                  .from = HOP_DATE_NONE, .until = HOP_DATE_NONE };
	int64_t id;
	assert_int_equal(trn_require(&app, &rq, &id, &err), HOP_EPERM);
	/* An employee sees only themself. */
	test_act_as(&app, "mover");
	assert_int_equal(trn_status_people(&app, 0, 0, D(2027, 1, 4), ~0u, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	trn_status_list_free(&l);
	assert_int_equal(trn_status_person(&app, "lead", HOP_DATE_NONE, &l, &err), HOP_EPERM);
	test_app_close(&app);
}

static void test_requirements_kept(void **state)
{
	struct hop_app app;
	struct trn_requirement_list l;
	struct trn_exemption_list ex;
	struct hop_err err;
	int64_t id;
	int n;

	(void)state;
	setup(&app);
	add(&app, "anna", "A", ROLE_EMPLOYEE, D(2020, 1, 1));
	id = require(&app, (struct trn_requirement_new){ .course = "SEC", .scope = TRN_SCOPE_ALL,
	             .warn_days = -1, .from = D(2026, 1, 1) });
	assert_int_equal(trn_requirements(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].warn_days, TRN_WARN_DEFAULT);
	trn_requirement_list_free(&l);
	assert_int_equal(trn_exempt(&app, "anna", "SEC", "Langzeiterkrankung", D(2027, 6, 30), &n,
	                            &err), HOP_OK);
	assert_int_equal(trn_exemptions(&app, false, &ex, &err), HOP_OK);
	assert_int_equal(ex.n, 1);
	assert_string_equal(ex.v[0].reason, "Langzeiterkrankung");
	assert_int_equal(trn_exemption_revoke(&app, ex.v[0].id, &err), HOP_OK);
	assert_int_equal(trn_exemption_revoke(&app, ex.v[0].id, &err), HOP_ENOTFOUND);
	trn_exemption_list_free(&ex);
	assert_int_equal(state_of(&app, "anna", "SEC", 0).status, TRN_OVERDUE);
	assert_int_equal(trn_unrequire(&app, id, &err), HOP_OK);
	assert_int_equal(state_of(&app, "anna", "SEC", 0).status, TRN_NOT_REQUIRED);
	assert_int_equal(trn_requirements(&app, true, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].ended);
	assert_int_equal(l.v[0].until, D(2026, 11, 22));
	trn_requirement_list_free(&l);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action LIKE 'training.%'"), 4);
	/* Bad input changes nothing. */
	struct trn_requirement_new bad = { .course = "NOPE", .scope = TRN_SCOPE_ALL,
	                                   .from = HOP_DATE_NONE, .until = HOP_DATE_NONE };
	assert_int_equal(trn_require(&app, &bad, &id, &err), HOP_ENOTFOUND);
	bad.course = "SEC";
	bad.grace_days = 999;
	assert_int_equal(trn_require(&app, &bad, &id, &err), HOP_EINVAL);
	assert_int_equal(trn_exempt(&app, "anna", "SEC", "", D(2027, 1, 1), &n, &err), HOP_EINVAL);
	assert_int_equal(trn_exempt(&app, "anna", "SEC", "x", D(2026, 1, 1), &n, &err), HOP_EINVAL);
	assert_int_equal(count(&app, "SELECT count(*) FROM requirement"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM exemption"), 1);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_safety_instruction_first_working_day),
		cmocka_unit_test(test_mobile_trigger_and_gate),
		cmocka_unit_test(test_team_scope_follows_membership),
		cmocka_unit_test(test_requirements_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
