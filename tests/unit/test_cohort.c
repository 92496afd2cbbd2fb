/* Cohorts in the database: the model's refusals with nothing changed, the
 * cohort as a planning problem, a plan's CSV with "file:line" errors,
 * publishing as station memberships (a trainee's station counts for the
 * team only on its days), publishing a change again (history, SEQUENCE),
 * and who sees what. */
#include "testutil.h"

#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "hop/core/rotation/cohort.h"

#define COHORT "Anwärter 2027"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

/* Every row that the cohort's rules keep, and the audit: one number that
 * changes with any write. */
static int64_t state(struct hop_app *app)
{
	return count(app, "SELECT (SELECT count(*) FROM cohort) * 1000000 + "
	             "(SELECT count(*) FROM cohort_trainee) * 10000 + "
	             "(SELECT count(*) FROM cohort_station) * 1000 + "
	             "(SELECT count(*) FROM cohort_block) * 100 + "
	             "(SELECT count(*) FROM audit) + "
	             "(SELECT coalesce(sum(months + min_trainees + max_trainees), 0) "
	             "FROM cohort_station) * 100000000");
}

static void add_person(struct hop_app *app, const char *login, const char *name,
                       const char *team, unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team);
	p.roles = roles;
	p.start = date_from_ymd(2026, 1, 1);
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void ok(enum hop_status st, const struct hop_err *err)
{
	if (st != HOP_OK)
		fail_msg("%s", err->msg);
}

/* Teams Ausbildung (home), Bürgerservice, Personal (led by lena); trainees
 * anna and bert in a cohort of 6 months from 2027-01-01 with two stations
 * of 3 months, one trainee at a time. */
static void org(struct hop_app *app)
{
	const char *logins[] = { "anna", "bert" };
	struct cohort_station_spec s = { .months = 3, .max = 1 };
	struct hop_err err;

	test_app_open(app, "admin", 1);
	ok(team_add(app, "Ausbildung", NULL, &err), &err);
	ok(team_add(app, "Bürgerservice", NULL, &err), &err);
	add_person(app, "lena", "Lena Lead", "Ausbildung", ROLE_EMPLOYEE | ROLE_LEAD);
	ok(team_add(app, "Personal", "lena", &err), &err);
	add_person(app, "anna", "Anna Alt", "Ausbildung", ROLE_EMPLOYEE);
	add_person(app, "bert", "Bert Bau", "Ausbildung", ROLE_EMPLOYEE);
	add_person(app, "otto", "Otto Ober", "Ausbildung", ROLE_EMPLOYEE);
	ok(cohort_add(app, COHORT, date_from_ymd(2027, 1, 1), 6, logins, 2, &err), &err);
	s.team = "Bürgerservice";
	ok(cohort_station_set(app, COHORT, &s, &err), &err);
	s.team = "Personal";
	ok(cohort_station_set(app, COHORT, &s, &err), &err);
}

static void refused(struct hop_app *app, enum hop_status st, const struct hop_err *err,
                    int64_t before, const char *msg)
{
	assert_int_not_equal(st, HOP_OK);
	assert_string_equal(err->msg, msg);
	assert_int_equal(state(app), before);
}

static void test_model_refusals(void **unused)
{
	struct hop_app app;
	struct hop_err err;
	struct cohort_station_spec s = { .team = "Personal", .months = 7, .max = 1 };
	const char *unknown[] = { "anna", "zed" };
	const char *twice[] = { "anna", "anna" };
	int64_t before;

	(void)unused;
	org(&app);
	before = state(&app);
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "station Personal lasts 7 months, longer than cohort Anwärter 2027 (6 months)");
	s.months = 3;
	s.min = 2;
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "station Personal: the minimum of 2 trainees at a time is above the maximum of 1");
	s.min = 0;
	s.team = "Nirgendwo";
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "there is no team 'Nirgendwo'");
	s.team = "Personal";
	s.after = "Ausbildung";
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "station Personal cannot come after Ausbildung: cohort Anwärter 2027 has no "
	        "station there");
	s.after = "Personal";
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "station Personal cannot come after itself");
	refused(&app, cohort_add(&app, "Neu", date_from_ymd(2027, 1, 1), 6, unknown, 2, &err), &err,
	        before, "there is no person with the login 'zed'");
	refused(&app, cohort_add(&app, "Neu", date_from_ymd(2027, 1, 1), 6, twice, 2, &err), &err,
	        before, "anna is named twice among the trainees");
	refused(&app, cohort_add(&app, "anwärter 2027", date_from_ymd(2027, 1, 1), 6, NULL, 0, &err),
	        &err, before, "there is already a cohort 'Anwärter 2027'");
	refused(&app, cohort_trainees_add(&app, COHORT, unknown, 1, &err), &err, before,
	        "already trainees of cohort Anwärter 2027: anna");
	refused(&app, cohort_block_add(&app, COHORT, date_from_ymd(2027, 6, 1),
	                               date_from_ymd(2027, 7, 15), "Urlaub", NULL, &err), &err, before,
	        "the block from 2027-06-01 to 2027-07-15 lies outside cohort Anwärter 2027, which "
	        "runs from 2027-01-01 to 2027-06-30");
	refused(&app, cohort_block_add(&app, COHORT, date_from_ymd(2027, 2, 1),
	                               date_from_ymd(2027, 2, 5), "Urlaub", "otto", &err), &err, before,
	        "Otto Ober is not a trainee of cohort Anwärter 2027");
	refused(&app, cohort_block_add(&app, "Keine", date_from_ymd(2027, 2, 1),
	                               date_from_ymd(2027, 2, 5), NULL, NULL, &err), &err, before,
	        "there is no cohort 'Keine'");
	/* The database refuses a minimum above the maximum by itself too. */
	assert_true(test_sql_refused(app.db, "UPDATE cohort_station SET min_trainees = 5"));
	/* Only HR and admins keep cohorts. */
	test_act_as(&app, "otto");
	s.after = NULL;
	refused(&app, cohort_station_set(&app, COHORT, &s, &err), &err, before,
	        "only HR or an admin can keep trainee cohorts and their plans");
	test_act_as(&app, "admin");
	/* What is allowed is audited. */
	ok(cohort_block_add(&app, COHORT, date_from_ymd(2027, 4, 1), date_from_ymd(2027, 4, 5),
	                    "Zwischenlehrgang", NULL, &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'cohort.block' "
	                       "AND object = 'cohort:Anwärter 2027'"), 1);
	test_app_close(&app);
}

static void test_problem_load(void **unused)
{
	struct hop_app app;
	struct hop_err err;
	struct cohort_problem p;
	struct cohort_station_spec s = { .team = "Ausbildung", .months = 1, .max = 2,
	                                 .optional = true, .after = "Personal" };

	(void)unused;
	org(&app);
	ok(cohort_station_set(&app, COHORT, &s, &err), &err);
	ok(cohort_block_add(&app, COHORT, date_from_ymd(2027, 2, 10), date_from_ymd(2027, 3, 5),
	                    "Zwischenlehrgang", NULL, &err), &err);
	ok(cohort_block_add(&app, COHORT, date_from_ymd(2027, 5, 3), date_from_ymd(2027, 5, 7),
	                    "Urlaub", "bert", &err), &err);
	ok(cohort_problem_load(&app, "anwärter 2027", &p, &err), &err);
	assert_string_equal(p.name, COHORT);
	assert_int_equal(p.months, 6);
	assert_int_equal(p.nstations, 3);
	assert_string_equal(p.stations[0].team, "Bürgerservice");
	assert_string_equal(p.stations[1].team, "Personal");
	assert_string_equal(p.stations[2].team, "Ausbildung");
	assert_int_equal(p.stations[2].after, 1);
	assert_false(p.stations[2].required);
	assert_true(p.stations[0].required);
	assert_int_equal(p.stations[0].after, -1);
	assert_int_equal(p.ntrainees, 2);
	assert_string_equal(p.trainees[0].login, "anna");
	assert_string_equal(p.trainees[1].login, "bert");
	assert_int_equal(p.nblocks, 2);
	assert_int_equal(p.blocks[0].trainee, -1);
	assert_int_equal(p.blocks[0].from, 1);
	assert_int_equal(p.blocks[0].to, 2);
	assert_int_equal(p.blocks[1].trainee, 1);
	assert_int_equal(p.blocks[1].from, 4);
	assert_int_equal(p.blocks[1].to, 4);
	cohort_problem_free(&p);
	test_app_close(&app);
}

static char *write_file(const char *text)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/hop-cohort-XXXXXX");
	close(mkstemp(path));
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static void csv_fails(const struct cohort_problem *p, const char *text, const char *msg)
{
	struct cohort_plan pl;
	struct hop_err err;
	char *path = write_file(text), want[400];

	assert_int_not_equal(cohort_plan_read_csv(p, path, &pl, &err), HOP_OK);
	snprintf(want, sizeof want, msg, path);
	assert_string_equal(err.msg, want);
	assert_int_equal(pl.n, 0);
	unlink(path);
}

static void test_csv(void **unused)
{
	struct hop_app app;
	struct hop_err err;
	struct cohort_problem p;
	struct cohort_plan pl;
	char *path;

	(void)unused;
	org(&app);
	ok(cohort_problem_load(&app, COHORT, &p, &err), &err);
	path = write_file("login;team;from;until\r\nanna;Bürgerservice;01.01.2027;31.03.2027\r\n"
	                  "bert;personal;2027-04-01;2027-06-30\r\n");
	ok(cohort_plan_read_csv(&p, path, &pl, &err), &err);
	unlink(path);
	assert_int_equal(pl.n, 2);
	assert_int_equal(pl.v[0].trainee, 0);
	assert_int_equal(pl.v[0].station, 0);
	assert_int_equal(pl.v[0].from, 0);
	assert_int_equal(pl.v[0].months, 3);
	assert_int_equal(pl.v[1].trainee, 1);
	assert_int_equal(pl.v[1].station, 1);
	assert_int_equal(pl.v[1].from, 3);
	assert_true(pl.v[1].end == date_from_ymd(2027, 6, 30));
	cohort_plan_free(&pl);
	csv_fails(&p, "login,team,from,until\nanna,Bürgerservice,2027-01-01,2027-03-31\n"
	          "zed,Personal,2027-01-01,2027-03-31\n",
	          "%s:3: 'zed' is not a trainee of cohort Anwärter 2027");
	csv_fails(&p, "login,team,from,until\nanna,Haushalt,2027-01-01,2027-03-31\n",
	          "%s:2: cohort Anwärter 2027 has no station in 'Haushalt'; its stations are: "
	          "Bürgerservice, Personal");
	csv_fails(&p, "login,team,from,until\nanna,Personal,2027-02-30,2027-03-31\n",
	          "%s:2: from: '2027-02-30' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY");
	csv_fails(&p, "login,team,from,until\nanna,Personal,2027-03-01,morgen\n",
	          "%s:2: until: 'morgen' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY");
	csv_fails(&p, "login,team,from,until\nanna,Personal,2027-03-01,2027-02-28\n",
	          "%s:2: the place would end before it begins");
	csv_fails(&p, "login,team,from\n",
	          "%s:1: the header has no column 'until'; the first line must name the columns "
	          "login, team, from and until");
	csv_fails(&p, "login,team,from,until,note\n",
	          "%s:1: unknown column 'note'; the columns are login, team, from and until");
	cohort_problem_free(&p);
	test_app_close(&app);
}

/* anna: first a then b; bert the other way round; 3 months each. */
static void plan_of(const struct cohort_problem *p, struct cohort_plan *pl, int a, int b)
{
	struct hop_err err;

	memset(pl, 0, sizeof *pl);
	ok(cohort_plan_add(p, pl, 0, a, 0, 3, &err), &err);
	ok(cohort_plan_add(p, pl, 0, b, 3, 3, &err), &err);
	ok(cohort_plan_add(p, pl, 1, b, 0, 3, &err), &err);
	ok(cohort_plan_add(p, pl, 1, a, 3, 3, &err), &err);
}

static int64_t team_on(struct hop_app *app, int64_t person, int y, int m, int d)
{
	struct hop_err err;
	int64_t team = -1;

	ok(membership_team_on(app, person, date_from_ymd(y, m, d), &team, &err), &err);
	return team;
}

static void test_publish(void **unused)
{
	struct hop_app app;
	struct hop_err err;
	struct cohort_problem p, q;
	struct cohort_plan pl, bad = { 0 };
	struct cohort_station_spec opt = { .team = "Personal", .months = 3, .max = 1,
	                                   .optional = true };
	struct cohort_publish_report r;
	struct cohort_change_list h;
	int64_t anna, home, buerger, personal;

	(void)unused;
	org(&app);
	ok(cohort_problem_load(&app, COHORT, &p, &err), &err);
	anna = p.trainees[0].person_id;
	buerger = p.stations[0].team_id;
	personal = p.stations[1].team_id;
	home = count(&app, "SELECT id FROM team WHERE name = 'Ausbildung'");

	/* Nothing to publish, then a plan that fails the check. */
	assert_int_equal(cohort_publish(&app, COHORT, false, &r, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "cohort Anwärter 2027 has no plan to publish");
	ok(cohort_plan_add(&p, &bad, 0, 0, 0, 3, &err), &err);
	ok(cohort_plan_add(&p, &bad, 1, 0, 0, 3, &err), &err);
	ok(cohort_plan_save(&app, &p, &bad, &err), &err);
	cohort_plan_free(&bad);
	assert_int_equal(cohort_publish(&app, COHORT, false, &r, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "the plan of cohort Anwärter 2027 has "));
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'station'"), 0);

	/* A valid plan becomes station memberships of the cohort. */
	plan_of(&p, &pl, 0, 1);
	ok(cohort_plan_save(&app, &p, &pl, &err), &err);
	cohort_plan_free(&pl);
	ok(cohort_publish(&app, COHORT, false, &r, &err), &err);
	assert_int_equal(r.added, 4);
	assert_int_equal(r.changed + r.removed + r.unchanged, 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership m JOIN cohort c "
	                       "ON c.id = m.cohort_id WHERE m.kind = 'station'"), 4);
	/* The station counts for its team on its days only; the post the rest. */
	assert_int_equal(team_on(&app, anna, 2026, 12, 31), home);
	assert_int_equal(team_on(&app, anna, 2027, 1, 1), buerger);
	assert_int_equal(team_on(&app, anna, 2027, 3, 31), buerger);
	assert_int_equal(team_on(&app, anna, 2027, 4, 1), personal);
	assert_int_equal(team_on(&app, anna, 2027, 6, 30), personal);
	assert_int_equal(team_on(&app, anna, 2027, 7, 1), home);
	assert_int_equal(count(&app, "SELECT count(*) FROM cohort_plan_change"), 4);

	/* Publishing the same again changes nothing. */
	ok(cohort_publish(&app, COHORT, false, &r, &err), &err);
	assert_int_equal(r.unchanged, 4);
	assert_int_equal(r.added + r.changed + r.removed, 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM cohort_plan_change"), 4);

	/* Swapped stations: each move is in the history, and seq grows. */
	plan_of(&p, &pl, 1, 0);
	ok(cohort_plan_save(&app, &p, &pl, &err), &err);
	cohort_plan_free(&pl);
	ok(cohort_publish(&app, COHORT, false, &r, &err), &err);
	assert_int_equal(r.changed, 4);
	assert_int_equal(r.added + r.removed + r.unchanged, 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'station' "
	                       "AND seq > 0"), 4);
	assert_int_equal(team_on(&app, anna, 2027, 1, 1), personal);
	assert_int_equal(team_on(&app, anna, 2027, 4, 1), buerger);
	assert_int_equal(count(&app, "SELECT count(*) FROM cohort_plan_change WHERE old_start "
	                       "IS NOT NULL AND new_start IS NOT NULL"), 4);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = "
	                       "'cohort.publish' AND object = 'person:anna'"), 4);

	/* The trainee sees their own history, newest first; others do not. */
	test_act_as(&app, "anna");
	ok(cohort_history(&app, NULL, "anna", &h, &err), &err);
	assert_int_equal(h.n, 4);
	assert_true(h.v[0].old_start != HOP_DATE_NONE);
	assert_true(h.v[3].old_start == HOP_DATE_NONE);
	cohort_change_list_free(&h);
	test_act_as(&app, "otto");
	assert_int_equal(cohort_history(&app, NULL, "anna", &h, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only Anna Alt, HR or an admin can see Anna Alt's station "
	                    "plan and its changes");
	assert_int_equal(cohort_problem_load(&app, COHORT, &q, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR, an admin, the trainees of cohort Anwärter 2027 and "
	                    "the leads of its stations can see it");

	/* A lead sees the places in their team; a trainee their own. */
	test_act_as(&app, "lena");
	ok(cohort_plan_load(&app, &p, &pl, &err), &err);
	assert_int_equal(pl.n, 2);
	for (size_t i = 0; i < pl.n; i++)
		assert_int_equal(pl.v[i].station, 1);
	cohort_plan_free(&pl);
	test_act_as(&app, "bert");
	ok(cohort_plan_load(&app, &p, &pl, &err), &err);
	assert_int_equal(pl.n, 2);
	for (size_t i = 0; i < pl.n; i++)
		assert_int_equal(pl.v[i].trainee, 1);
	cohort_plan_free(&pl);

	/* A dropped station that has not begun goes, recorded as dropped. */
	test_act_as(&app, "admin");
	ok(cohort_station_set(&app, COHORT, &opt, &err), &err);
	cohort_problem_free(&p);
	ok(cohort_problem_load(&app, COHORT, &p, &err), &err);
	plan_of(&p, &pl, 1, 0);
	pl.n = 3;
	ok(cohort_plan_save(&app, &p, &pl, &err), &err);
	cohort_plan_free(&pl);
	ok(cohort_publish(&app, COHORT, false, &r, &err), &err);
	assert_int_equal(r.removed, 1);
	assert_int_equal(r.unchanged, 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'station'"), 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM cohort_plan_change WHERE new_start "
	                       "IS NULL"), 1);
	cohort_problem_free(&p);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_refusals),
		cmocka_unit_test(test_problem_load),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_publish),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
