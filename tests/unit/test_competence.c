/* Competences and self-assessed needs: the catalogue and who keeps it,
 * benchmarks, a need of 0 or 6 refused without a trace, history kept,
 * statements seen by the person and HR only, group means only for groups
 * of [privacy] min_group people. */
#include "testutil.h"

#include "hop/core/people/person.h"
#include "hop/core/training/competence.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void add(struct hop_app *app, const char *login, const char *team, unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = date_from_ymd(2020, 1, 1);
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void need(struct hop_app *app, const char *login, const char *code, int n)
{
	struct hop_err err;

	test_act_as(app, login);
	if (trn_need_state(app, code, n, HOP_DATE_NONE, &err) != HOP_OK)
		fail_msg("need %s: %s", login, err.msg);
}

/* "hr" (HR, admin); team "Klein" with lead "chef" and 3 members; team
 * "Gross" with lead "boss" and 6 members; competences it-sec and ds. */
static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "hr", 1);
	assert_int_equal(team_add(app, "Klein", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Gross", NULL, &err), HOP_OK);
	add(app, "chef", NULL, ROLE_EMPLOYEE | ROLE_LEAD);
	add(app, "boss", NULL, ROLE_EMPLOYEE | ROLE_LEAD);
	assert_int_equal(team_edit(app, "Klein", NULL, "chef", &err), HOP_OK);
	assert_int_equal(team_edit(app, "Gross", NULL, "boss", &err), HOP_OK);
	for (int i = 0; i < 3; i++) {
		char l[8];
		snprintf(l, sizeof l, "k%d", i);
		add(app, l, "Klein", ROLE_EMPLOYEE);
	}
	for (int i = 0; i < 6; i++) {
		char l[8];
		snprintf(l, sizeof l, "g%d", i);
		add(app, l, "Gross", ROLE_EMPLOYEE);
	}
	assert_int_equal(trn_competence_add(app, "it-sec", "IT-Sicherheit", 289, &err), HOP_OK);
	assert_int_equal(trn_competence_add(app, "ds", "Datenschutz", 275, &err), HOP_OK);
}

static void catalogue(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct trn_competence_list l;
	struct trn_competence c;
	char changes[200];
	int b;

	(void)state;
	setup(&app);
	assert_true(trn_benchmark_parse("2.89", &b) && b == 289);
	assert_true(trn_benchmark_parse("2,5", &b) && b == 250);
	assert_true(trn_benchmark_parse("5", &b) && b == 500);
	assert_false(trn_benchmark_parse("5.01", &b));
	assert_false(trn_benchmark_parse("0.99", &b));
	assert_false(trn_benchmark_parse("2.891", &b));
	assert_false(trn_benchmark_parse("x", &b));
	assert_int_equal(trn_competence_add(&app, "IT-SEC", "Doppelt", 0, &err), HOP_ECONFLICT);
	assert_int_equal(trn_competence_add(&app, "a b", "Leer", 0, &err), HOP_EINVAL);
	assert_int_equal(trn_competence_list(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].code, "it-sec");
	assert_int_equal(l.v[0].benchmark, 289);
	trn_competence_list_free(&l);
	assert_int_equal(trn_competence_edit(&app, "ds", NULL, 0, changes, sizeof changes, &err),
	                 HOP_OK);
	assert_string_equal(changes, "benchmark: 2.75 -> (none)");
	assert_int_equal(trn_competence_retire(&app, "ds", &err), HOP_OK);
	assert_int_equal(trn_competence_retire(&app, "ds", &err), HOP_ECONFLICT);
	assert_int_equal(trn_competence_get(&app, "ds", &c, &err), HOP_OK);
	assert_true(c.retired);
	assert_int_equal(trn_competence_list(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	trn_competence_list_free(&l);
	/* Only HR and admins keep it. */
	test_act_as(&app, "chef");
	assert_int_equal(trn_competence_add(&app, "x", "X", 0, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR or an admin can change the competence catalogue");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action LIKE 'competence.%'"),
	                 4);
	test_app_close(&app);
}

static void needs_and_history(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct trn_need_list l;

	(void)state;
	setup(&app);
	test_act_as(&app, "k0");
	assert_int_equal(trn_need_state(&app, "it-sec", 6, HOP_DATE_NONE, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "a training need is stated from 1 (very low) to 5 (very "
	                    "high), not 6");
	assert_int_equal(trn_need_state(&app, "it-sec", 0, HOP_DATE_NONE, &err), HOP_EINVAL);
	assert_int_equal(trn_need_state(&app, "nope", 3, HOP_DATE_NONE, &err), HOP_ENOTFOUND);
	assert_int_equal(trn_need_state(&app, "it-sec", 3, date_from_ymd(2026, 12, 1), &err),
	                 HOP_EINVAL);
	assert_int_equal(count(&app, "SELECT count(*) FROM self_assessment"), 0);
	assert_int_equal(trn_need_state(&app, "it-sec", 2, date_from_ymd(2026, 5, 1), &err),
	                 HOP_OK);
	assert_int_equal(trn_need_state(&app, "it-sec", 4, HOP_DATE_NONE, &err), HOP_OK);
	assert_int_equal(trn_needs_of(&app, NULL, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].need, 4);
	assert_true(l.v[0].latest);
	assert_int_equal(l.v[1].need, 2);
	assert_false(l.v[1].latest);
	trn_need_list_free(&l);
	/* The audit log says that, not what. */
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'need.state'"), 2);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'need.state' "
	                       "AND detail LIKE '%need%'"), 0);
	/* Seen by the person and HR only: not by their lead, not by others. */
	test_act_as(&app, "chef");
	assert_int_equal(trn_needs_of(&app, "k0", &l, &err), HOP_EPERM);
	test_act_as(&app, "k1");
	assert_int_equal(trn_needs_of(&app, "k0", &l, &err), HOP_EPERM);
	test_act_as(&app, "hr");
	assert_int_equal(trn_needs_of(&app, "k0", &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	trn_need_list_free(&l);
	test_app_close(&app);
}

static void group_privacy(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct trn_need_report r;

	(void)state;
	setup(&app);
	for (int i = 0; i < 3; i++)
		need(&app, (char[]){ 'k', (char)('0' + i), 0 }, "it-sec", 3);
	for (int i = 0; i < 6; i++)
		need(&app, (char[]){ 'g', (char)('0' + i), 0 }, "it-sec", i < 3 ? 2 : 4);
	need(&app, "g0", "it-sec", 5);   /* the latest counts: 5, 2, 2, 4, 4, 4 */
	need(&app, "g1", "ds", 1);
	/* A lead of a three-person team is refused, saying why; HR too. */
	test_act_as(&app, "chef");
	assert_int_equal(trn_needs_group(&app, "Klein", HOP_DATE_NONE, &r, &err), HOP_EPERM);
	assert_string_equal(err.msg, "the training needs of Klein are not shown: it has 3 "
	                    "members, and needs are shown only for groups of at least 5 people, "
	                    "so that no one's own statement can be read off them");
	assert_int_equal(trn_needs_group(&app, NULL, HOP_DATE_NONE, &r, &err), HOP_EPERM);
	test_act_as(&app, "hr");
	assert_int_equal(trn_needs_group(&app, "Klein", HOP_DATE_NONE, &r, &err), HOP_EPERM);
	/* Not another lead's team. */
	test_act_as(&app, "chef");
	assert_int_equal(trn_needs_group(&app, "Gross", HOP_DATE_NONE, &r, &err), HOP_EPERM);
	assert_string_equal(err.msg, "the training needs of Gross are seen by its lead and by HR "
	                    "only");
	/* An employee sees no group. */
	test_act_as(&app, "g2");
	assert_int_equal(trn_needs_group(&app, "Gross", HOP_DATE_NONE, &r, &err), HOP_EPERM);
	/* The lead of six sees the mean; a competence one person rated shows none. */
	test_act_as(&app, "boss");
	assert_int_equal(trn_needs_group(&app, NULL, HOP_DATE_NONE, &r, &err), HOP_OK);
	assert_int_equal(r.people, 6);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.v[0].code, "it-sec");
	assert_int_equal(r.v[0].n, 6);
	assert_int_equal(r.v[0].mean, 350);
	assert_int_equal(r.v[0].benchmark, 289);
	assert_int_equal(r.v[1].n, 1);
	assert_int_equal(r.v[1].mean, 0);
	trn_need_report_free(&r);
	/* HR sees everyone: 3 + 6 + 3 (hr, chef, boss) people, 9 ratings. */
	test_act_as(&app, "hr");
	assert_int_equal(trn_needs_group(&app, NULL, HOP_DATE_NONE, &r, &err), HOP_OK);
	assert_int_equal(r.people, 12);
	assert_int_equal(r.v[0].n, 9);
	assert_int_equal(r.v[0].mean, 333);
	trn_need_report_free(&r);
	/* min_group 3 lets the small team through. */
	app.cfg.privacy_min_group = 3;
	assert_int_equal(trn_needs_group(&app, "Klein", HOP_DATE_NONE, &r, &err), HOP_OK);
	assert_int_equal(r.v[0].mean, 300);
	trn_need_report_free(&r);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalogue),
		cmocka_unit_test(needs_and_history),
		cmocka_unit_test(group_privacy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
