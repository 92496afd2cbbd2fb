/* Mentors: capacity (a third refused at two, accepted once one ends), the
 * rules of who may mentor, HR's override kept in the audit log, suggestions
 * ranked by team, load and shared office days, the batch's min-cost flow,
 * talks placed on days both plan to be in. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "hop/core/presence/presence.h"
#include "hop/base/mcmf.h"

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
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = start;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void defaults(struct hop_app *app, const char *login, const char *spec)
{
	struct hop_err err;

	if (presence_default_set(app, login, spec, &err) != HOP_OK)
		fail_msg("default %s: %s", login, err.msg);
}

/* Two teams; mentors m1, m2 in Referat 11 (m2 in the office Monday to
 * Thursday, m1 only on Fridays), m3 in Referat 12; lead 'chef'; new hires
 * n1..n3 starting on Tuesday 1 December 2026. */
static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "hr", 1);
	assert_int_equal(team_add(app, "Referat 11", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Referat 12", NULL, &err), HOP_OK);
	add(app, "chef", "Referat 11", ROLE_EMPLOYEE | ROLE_LEAD, date_from_ymd(2010, 1, 4));
	assert_int_equal(team_edit(app, "Referat 11", NULL, "chef", &err), HOP_OK);
	add(app, "m1", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2015, 1, 5));
	add(app, "m2", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2016, 3, 1));
	add(app, "m3", "Referat 12", ROLE_EMPLOYEE, date_from_ymd(2017, 3, 1));
	add(app, "fresh", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 6, 1));
	for (int i = 1; i <= 3; i++) {
		char login[8];
		snprintf(login, sizeof login, "n%d", i);
		add(app, login, "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 12, 1));
	}
	defaults(app, "m1", "mon=home,tue=home,wed=home,thu=home,fri=office");
	defaults(app, "m2", "mon=office,tue=office,wed=office,thu=office,fri=home");
}

static void test_capacity(void **state)
{
	struct hop_app app;
	struct mentorship m;
	struct hop_err err;
	int64_t before;

	(void)state;
	setup(&app);
	assert_int_equal(app.cfg.mentor_max_mentees, 2);
	assert_int_equal(mentor_assign(&app, "n1", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_OK);
	assert_int_equal(m.start, date_from_ymd(2026, 12, 1));
	assert_int_equal(m.end, date_from_ymd(2027, 5, 31));
	assert_int_equal(mentor_assign(&app, "n2", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_OK);
	before = count(&app, "SELECT count(*) FROM mentorship");
	assert_int_equal(mentor_assign(&app, "n3", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "Person m1 already looks after 2 new hires at that time, the "
	                    "most a mentor may: Person n1 (until 2027-05-31), Person n2 (until "
	                    "2027-05-31)");
	assert_int_equal(count(&app, "SELECT count(*) FROM mentorship"), before);
	/* A new hire has one mentor at a time. */
	assert_int_equal(mentor_assign(&app, "n1", "m2", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Person n1 already has a mentor then: Person m1"));
	/* One ends (before it began: cancelled, kept); then the third fits. */
	assert_int_equal(mentor_end(&app, "n1", HOP_DATE_NONE, &m, &err), HOP_OK);
	assert_true(m.cancelled);
	assert_int_equal(count(&app, "SELECT count(*) FROM mentorship WHERE cancelled_at IS NOT NULL"),
	                 1);
	assert_int_equal(mentor_assign(&app, "n3", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_OK);
	test_app_close(&app);
}

static void test_rules_and_override(void **state)
{
	struct hop_app app;
	struct mentorship m;
	struct presence_result pr;
	struct person_edit e = { .fields = PF_END };
	struct hop_err err;

	(void)state;
	setup(&app);
	assert_int_equal(mentor_assign(&app, "n1", "n1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Person n1 cannot be their own mentor");
	assert_int_equal(mentor_assign(&app, "n1", "chef", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Person chef leads Person n1's team; a mentor is a colleague, "
	                    "not the lead");
	assert_int_equal(mentor_assign(&app, "n1", "fresh", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "has worked here since 2026-06-01, less than 12 months"));
	/* Leaving, and left. */
	e.end = date_from_ymd(2027, 2, 26);
	assert_int_equal(person_edit(&app, "m3", &e, &err), HOP_OK);
	assert_int_equal(mentor_assign(&app, "n1", "m3", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Person m3 leaves on 2027-02-26, before the mentorship would "
	                    "end on 2027-05-31");
	e.end = date_from_ymd(2026, 11, 20);
	assert_int_equal(person_edit(&app, "m3", &e, &err), HOP_OK);
	assert_int_equal(mentor_assign(&app, "n1", "m3", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Person m3 left on 2026-11-20 and cannot be a mentor");
	/* Away for a long stretch. */
	assert_int_equal(presence_set(&app, "m2", date_from_ymd(2027, 1, 4),
	                              date_from_ymd(2027, 1, 22), LOC_AWAY, NULL, &pr, &err), HOP_OK);
	presence_result_free(&pr);
	assert_int_equal(mentor_assign(&app, "n1", "m2", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Person m2 plans to be away from 2027-01-04 to 2027-01-22 (15 "
	                    "working days) during the mentorship");
	assert_int_equal(count(&app, "SELECT count(*) FROM mentorship"), 0);

	/* HR beyond capacity, with the reason kept; a lead may not. */
	assert_int_equal(mentor_assign(&app, "n1", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_OK);
	assert_int_equal(mentor_assign(&app, "n2", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
	                               &err), HOP_OK);
	test_act_as(&app, "chef");
	assert_int_equal(mentor_assign(&app, "n3", "m1", HOP_DATE_NONE, HOP_DATE_NONE, "Urlaub",
	                               &m, &err), HOP_EPERM);
	test_act_as(&app, "hr");
	assert_int_equal(mentor_assign(&app, "n3", "m1", HOP_DATE_NONE, HOP_DATE_NONE,
	                               "nur sie kennt das Fachverfahren", &m, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'mentor.assign' "
	                       "AND detail LIKE '%over capacity: nur sie kennt das Fachverfahren'"),
	                 1);
	test_app_close(&app);
}

static void test_suggest(void **state)
{
	struct hop_app app;
	struct mentor_candidate_list l;
	struct hop_err err;

	(void)state;
	setup(&app);
	assert_int_equal(mentor_suggest(&app, "n1", 0, &l, &err), HOP_OK);
	/* m2 shares the office days, m1 is at home when n1 is in; m3 is of
	 * another team; chef (the lead), fresh (too new), n2, n3 are out. */
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].person.login, "m2");
	assert_string_equal(l.v[1].person.login, "m1");
	assert_string_equal(l.v[2].person.login, "m3");
	assert_true(l.v[0].same_team && !l.v[2].same_team);
	assert_true(l.v[0].shared_days > l.v[1].shared_days);
	/* 4 weeks of weekdays; 24 Dec free by policy, 25 Dec a holiday. */
	assert_int_equal(l.v[0].window_days, 18);
	mentor_candidate_list_free(&l);
	/* Load comes before office days. */
	add(&app, "n0", "Referat 11", ROLE_EMPLOYEE, date_from_ymd(2026, 11, 2));
	assert_int_equal(mentor_assign(&app, "n0", "m2", HOP_DATE_NONE, HOP_DATE_NONE, NULL, NULL,
	                               &err), HOP_OK);
	assert_int_equal(mentor_suggest(&app, "n1", 2, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].person.login, "m1");
	assert_int_equal(l.v[1].load, 1);
	mentor_candidate_list_free(&l);
	test_app_close(&app);
}

static void test_batch(void **state)
{
	struct hop_app app;
	struct mentor_match_list a, b;
	struct hop_err err;

	(void)state;
	setup(&app);
	/* Three new hires, mentors m1, m2 (capacity 2 each) in their team, m3
	 * elsewhere: all three matched in the team, nobody over capacity. */
	assert_int_equal(mentor_suggest_batch(&app, date_from_ymd(2026, 12, 1), false, &a, &err),
	                 HOP_OK);
	assert_int_equal(a.n, 3);
	int m1 = 0, m2 = 0;
	for (size_t i = 0; i < a.n; i++) {
		assert_true(a.v[i].mentor.person.id != 0);
		assert_true(a.v[i].mentor.same_team);
		m1 += strcmp(a.v[i].mentor.person.login, "m1") == 0;
		m2 += strcmp(a.v[i].mentor.person.login, "m2") == 0;
	}
	assert_int_equal(m1 + m2, 3);
	assert_int_equal(m2, 2);   /* the one who shares the office days, to capacity */
	/* The same input, the same answer. */
	assert_int_equal(mentor_suggest_batch(&app, date_from_ymd(2026, 12, 1), true, &b, &err),
	                 HOP_OK);
	assert_int_equal(a.total_cost, b.total_cost);
	for (size_t i = 0; i < a.n; i++)
		assert_string_equal(a.v[i].mentor.person.login, b.v[i].mentor.person.login);
	mentor_match_list_free(&a);
	mentor_match_list_free(&b);
	assert_int_equal(count(&app, "SELECT count(*) FROM mentorship"), 3);
	assert_int_equal(count(&app, "SELECT max(n) FROM (SELECT count(*) AS n FROM mentorship "
	                       "GROUP BY mentor_id) AS m"), 2);
	/* Everyone has a mentor now: nobody left to match. */
	assert_int_equal(mentor_suggest_batch(&app, date_from_ymd(2026, 12, 1), false, &a, &err),
	                 HOP_OK);
	assert_int_equal(a.n, 0);
	mentor_match_list_free(&a);
	test_app_close(&app);
}

static void test_min_cost_flow(void **state)
{
	/* Two hires, two mentors of capacity 1: the greedy first choice of
	 * hire 0 (mentor 0 at cost 1) would force hire 1 to cost 10; the least
	 * total gives hire 0 mentor 1 (cost 2) and hire 1 mentor 0 (cost 3). */
	struct mcf *g = mcf_new(6);
	int a[4], flow;
	long cost;

	(void)state;
	assert_non_null(g);
	mcf_arc(g, 0, 2, 1, 0);
	mcf_arc(g, 0, 3, 1, 0);
	a[0] = mcf_arc(g, 2, 4, 1, 1);
	a[1] = mcf_arc(g, 2, 5, 1, 2);
	a[2] = mcf_arc(g, 3, 4, 1, 3);
	a[3] = mcf_arc(g, 3, 5, 1, 10);
	mcf_arc(g, 4, 1, 1, 0);
	mcf_arc(g, 5, 1, 1, 0);
	assert_true(mcf_run(g, 0, 1, &flow, &cost));
	assert_int_equal(flow, 2);
	assert_int_equal(cost, 5);
	assert_int_equal(mcf_flow(g, a[0]), 0);
	assert_int_equal(mcf_flow(g, a[1]), 1);
	assert_int_equal(mcf_flow(g, a[2]), 1);
	assert_int_equal(mcf_flow(g, a[3]), 0);
	mcf_free(g);
}

static void test_talks_on_shared_days(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct onb_step_list l;
	struct onb_step_spec s = { .kind = ONB_TALK, .owner = OWNER_MENTOR, .in_office = true,
	                           .mandatory = true, .offset = { 4, UNIT_WORKDAYS } };
	struct hop_err err;
	bool added;

	(void)state;
	setup(&app);
	assert_int_equal(template_add(&app, "T", NULL, 0, true, &err), HOP_OK);
	assert_int_equal(template_step_set(&app, "T", "Pate Woche 1", SF_KIND | SF_OWNER | SF_OFFSET
	                                   | SF_OFFICE, &s, 0, &added, &err), HOP_OK);
	assert_int_equal(onboarding_start(&app, "n1", NULL, &o, &err), HOP_OK);
	/* +4 working days from Tue 1 Dec: Mon 7 Dec; m1 is in on Fridays only. */
	assert_int_equal(mentor_assign(&app, "n1", "m1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, NULL,
	                               &err), HOP_OK);
	assert_int_equal(onboarding_show(&app, "n1", &o, &l, &err), HOP_OK);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].s.title, "Pate Woche 1") == 0)
			assert_int_equal(l.v[i].due, date_from_ymd(2026, 12, 11));
	onb_step_list_free(&l);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_rules_and_override),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_min_cost_flow),
		cmocka_unit_test(test_talks_on_shared_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
