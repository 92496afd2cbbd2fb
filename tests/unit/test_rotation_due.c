/* Rotations due, exceptions and Hospitation (issue 14, ROT-1..ROT-5):
 * time in an area across posts of its teams, short secondments that do not
 * reset it and long ones that do, leads, exceptions refused without their
 * facts, working days on secondments, and who sees what.  Today is Mon 23
 * Nov 2026. */
#include "trn_org.h"
#include "hop/core/authz.h"
#include "hop/core/rotation/area.h"
#include "hop/core/rotation/rotation.h"


/* Teams 1 Referat 11 and 2 Referat 12 (trn_org), 3 Vergabe A and 4 Vergabe B
 * (the corruption-prone area Vergabe), 5 Kasse (area Kasse, not prone).  The
 * people have no memberships but those a test gives them. */
static int setup(void **state)
{
	static struct hop_app app;
	const char *vergabe[] = { "Vergabe A", "Vergabe B" }, *kasse[] = { "Kasse" };
	struct hop_err err;

	trn_org(&app);
	trn_exec(&app, "INSERT INTO team (id, name, slug, created_on) VALUES "
	         "(3, 'Vergabe A', 'vergabe-a', '2015-01-01'), "
	         "(4, 'Vergabe B', 'vergabe-b', '2015-01-01'), "
	         "(5, 'Kasse', 'kasse', '2015-01-01');"
	         "DELETE FROM membership; UPDATE person SET team_id = NULL");
	if (area_add(&app, "Vergabe", vergabe, 2, true, 0, HOP_DATE_NONE, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	if (area_add(&app, "Kasse", kasse, 1, false, 0, HOP_DATE_NONE, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	*state = &app;
	return 0;
}

static int teardown(void **state)
{
	test_app_close(*state);
	return 0;
}

/* A period of login in team (kind post unless said), and the team today. */
static void period(struct hop_app *app, const char *login, int team, const char *kind,
                   const char *from, const char *until)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, "INSERT INTO membership "
	                                 "(person_id, team_id, kind, start_on, end_on, created_at) "
	                                 "VALUES ((SELECT id FROM person WHERE login = ?1), ?2, ?3, "
	                                 "?4, ?5, '2020-01-01')", &err);

	if (!st)
		fail_msg("%s", err.msg);
	db_bind_text(st, 1, login);
	db_bind_int(st, 2, team);
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, from);
	db_bind_text(st, 5, until);
	assert_int_equal(db_step(st), DB_DONE);
	db_raw_free(st);
	if (strcmp(kind, "post") == 0 && !until) {
		st = db_raw_stmt(app->db, "UPDATE person SET team_id = ?2 WHERE login = ?1", &err);
		if (!st)
			fail_msg("%s", err.msg);
		db_bind_text(st, 1, login);
		db_bind_int(st, 2, team);
		assert_int_equal(db_step(st), DB_DONE);
		db_raw_free(st);
	}
}

/* login's row of the whole due list (however far), or NULL. */
static const struct rotation_due *due_of(struct hop_app *app, const char *login,
                                         struct rotation_due_list *l)
{
	struct rotation_due_filter f = { .within_months = -1 };
	struct hop_err err;

	if (rotation_due_list(app, &f, l, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].login, login) == 0)
			return &l->v[i];
	return NULL;
}

static char *iso(hop_date d, char *buf)
{
	return date_format(d, buf);
}

/* The check: two posts in one corruption-prone area from 01.04.2021. */
static void test_two_posts_in_area(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_list l;
	const struct rotation_due *r;
	char b[HOP_DATE_ISO_LEN];

	period(app, "anna", 3, "post", "2021-04-01", "2024-03-31");
	period(app, "anna", 4, "post", "2024-04-01", NULL);
	clock_set_today(date_from_ymd(2026, 1, 15));
	assert_non_null(r = due_of(app, "anna", &l));
	assert_string_equal(r->area, "Vergabe");
	assert_string_equal(iso(r->since, b), "2021-04-01");
	assert_string_equal(iso(r->due, b), "2026-04-01");
	assert_int_equal(r->period_years, 5);
	assert_true(r->corruption_prone);
	assert_false(r->lead);
	assert_false(r->overdue);
	assert_string_equal(r->team, "Vergabe B");
	rotation_due_list_free(&l);
	/* Before the due date, within the horizon of 12 months: listed. */
	{
		struct rotation_due_filter f = { 0 };
		struct hop_err err;
		assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_OK);
		assert_int_equal(l.n, 1);
		rotation_due_list_free(&l);
		f.within_months = 2;
		assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_OK);
		assert_int_equal(l.n, 0);
		rotation_due_list_free(&l);
	}
	/* On 1 April 2026 it is overdue, and listed whatever the horizon. */
	clock_set_today(date_from_ymd(2026, 4, 1));
	assert_non_null(r = due_of(app, "anna", &l));
	assert_true(r->overdue);
	rotation_due_list_free(&l);
	clock_set_today(date_from_ymd(2026, 11, 23));
	{
		struct rotation_due_filter f = { .within_months = 1 };
		struct hop_err err;
		assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_OK);
		assert_int_equal(l.n, 1);
		rotation_due_list_free(&l);
	}
}

/* Moves between teams of the area do not reset; a post elsewhere does; an
 * area that is not corruption-prone and has no period gives no due date. */
static void test_moves(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_list l;
	const struct rotation_due *r;
	char b[HOP_DATE_ISO_LEN];

	period(app, "bernd", 3, "post", "2019-01-01", "2020-12-31");
	period(app, "bernd", 1, "post", "2021-01-01", "2022-06-30");
	period(app, "bernd", 3, "post", "2022-07-01", "2023-12-31");
	period(app, "bernd", 4, "post", "2024-01-01", NULL);
	assert_non_null(r = due_of(app, "bernd", &l));
	assert_string_equal(iso(r->since, b), "2022-07-01");
	assert_string_equal(iso(r->due, b), "2027-07-01");
	rotation_due_list_free(&l);
	period(app, "dora", 5, "post", "2010-01-01", NULL);
	assert_null(due_of(app, "dora", &l));
	rotation_due_list_free(&l);
}

/* A 3-month secondment elsewhere does not reset, a 12-month one does; a
 * secondment outside counts as elsewhere. */
static void test_secondments(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_list l;
	const struct rotation_due *r;
	char b[HOP_DATE_ISO_LEN];

	period(app, "jweiss", 3, "post", "2020-01-01", NULL);
	period(app, "jweiss", 2, "secondment", "2022-01-01", "2022-03-31");
	assert_non_null(r = due_of(app, "jweiss", &l));
	assert_string_equal(iso(r->since, b), "2020-01-01");
	assert_string_equal(iso(r->due, b), "2025-01-01");
	assert_true(r->overdue);
	rotation_due_list_free(&l);

	period(app, "otto", 3, "post", "2020-01-01", NULL);
	period(app, "otto", 2, "secondment", "2022-01-01", "2022-12-31");
	assert_non_null(r = due_of(app, "otto", &l));
	assert_string_equal(iso(r->since, b), "2023-01-01");
	assert_string_equal(iso(r->due, b), "2028-01-01");
	rotation_due_list_free(&l);
}

/* A lead is due after lead_years in the team they lead, when that comes
 * before the area's date; outside any area, as a lead only. */
static void test_lead(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_list l;
	const struct rotation_due *r;
	char b[HOP_DATE_ISO_LEN];

	period(app, "chef", 1, "post", "2019-05-01", NULL);
	assert_non_null(r = due_of(app, "chef", &l));
	assert_true(r->lead);
	assert_string_equal(r->area, "");
	assert_string_equal(iso(r->since, b), "2019-05-01");
	assert_string_equal(iso(r->due, b), "2024-05-01");
	assert_true(r->overdue);
	rotation_due_list_free(&l);
}

/* A station counts like a post: a trainee's station in the area and the
 * post after it in another team of the area make one stretch. */
static void test_station(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_list l;
	const struct rotation_due *r;
	char b[HOP_DATE_ISO_LEN];

	period(app, "dora", 1, "post", "2020-09-01", "2022-08-31");
	period(app, "dora", 3, "station", "2021-09-01", "2022-08-31");
	period(app, "dora", 4, "post", "2022-09-01", NULL);
	assert_non_null(r = due_of(app, "dora", &l));
	assert_string_equal(iso(r->since, b), "2021-09-01");
	assert_string_equal(iso(r->due, b), "2026-09-01");
	rotation_due_list_free(&l);
}

/* Refused without reason, measure or review date, naming what is missing,
 * and nothing changed; a person without a rotation due gets none; an
 * exception in force shows in the due list, and ends. */
static void test_exception(void **state)
{
	struct hop_app *app = *state;
	hop_date review = date_from_ymd(2027, 6, 30);
	struct rotation_exception_list xl;
	struct rotation_due_list l;
	const struct rotation_due *r;
	struct hop_err err;

	period(app, "anna", 3, "post", "2020-01-01", NULL);
	period(app, "otto", 2, "post", "2020-01-01", NULL);
	assert_int_equal(rotation_exception_add(app, "anna", "", "Vier-Augen-Prinzip", review, &err),
	                 HOP_EINVAL);
	assert_string_equal(err.msg, "an exception to a due rotation needs a reason, a "
	                    "compensating measure and a review date; missing: the reason");
	assert_int_equal(rotation_exception_add(app, "anna", "  ", "", HOP_DATE_NONE, &err),
	                 HOP_EINVAL);
	assert_string_equal(err.msg, "an exception to a due rotation needs a reason, a "
	                    "compensating measure and a review date; missing: the reason, the "
	                    "compensating measure, the review date");
	assert_int_equal(rotation_exception_add(app, "anna", "Fachwissen", "Vier Augen",
	                                        date_from_ymd(2026, 11, 23), &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the review date must lie after today, not on Mon 23 Nov 2026");
	assert_int_equal(rotation_exception_add(app, "otto", "x", "y", review, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Otto Drei has no rotation due; an exception is for staying "
	                    "past a due date");
	assert_int_equal(trn_count(app, "SELECT count(*) FROM rotation_exception"), 0);
	assert_int_equal(trn_count(app, "SELECT count(*) FROM audit WHERE action LIKE 'rotation%'"),
	                 0);
	/* The database refuses a blank reason too. */
	assert_true(test_sql_refused(app->db, "INSERT INTO rotation_exception "
	                 "(person_id, reason, measure, review_on, created_at, created_by) "
	                 "VALUES (1, ' ', 'm', '2027-01-01', '2026-11-23', 'hr')"));

	assert_int_equal(rotation_exception_add(app, "anna", "Fachwissen", "Vier Augen", review,
	                                        &err), HOP_OK);
	assert_non_null(r = due_of(app, "anna", &l));
	assert_true(r->exception);
	assert_int_equal(r->exception_review, review);
	rotation_due_list_free(&l);
	assert_int_equal(rotation_exception_list(app, NULL, NULL, false, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 1);
	assert_string_equal(xl.v[0].area, "Vergabe");
	assert_string_equal(xl.v[0].reason, "Fachwissen");
	rotation_exception_list_free(&xl);
	assert_int_equal(trn_count(app, "SELECT count(*) FROM audit WHERE action = "
	                 "'rotation.exception' AND object = 'person:anna'"), 1);

	assert_int_equal(rotation_exception_end(app, "anna", &err), HOP_OK);
	assert_int_equal(rotation_exception_list(app, NULL, NULL, false, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 0);
	rotation_exception_list_free(&xl);
	assert_int_equal(rotation_exception_list(app, NULL, NULL, true, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 1);
	assert_int_equal(xl.v[0].ended, date_from_ymd(2026, 11, 23));
	rotation_exception_list_free(&xl);
	assert_non_null(r = due_of(app, "anna", &l));
	assert_false(r->exception);
	rotation_due_list_free(&l);
	assert_int_equal(rotation_exception_end(app, "anna", &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_ROTATION_EXCEPTION);
}

/* Working days on secondments: weekends and Good Friday, Easter Monday
 * (Berlin) do not count; overlapping secondments count a day once. */
static void test_hospitation(void **state)
{
	struct hop_app *app = *state;
	struct rotation_hospitation_list l;
	struct hop_err err;
	int otto = -1, anna = -1;

	period(app, "otto", 2, "post", "2020-01-01", NULL);
	period(app, "otto", 1, "secondment", "2026-03-30", "2026-04-10");
	period(app, "otto", 3, "secondment", "2026-04-08", "2026-04-09");
	period(app, "anna", 1, "post", "2020-01-01", NULL);
	assert_int_equal(rotation_hospitation(app, 2026, NULL, true, &l, &err), HOP_OK);
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].login, "otto") == 0)
			otto = (int)i;
		if (strcmp(l.v[i].login, "anna") == 0)
			anna = (int)i;
	}
	assert_true(otto >= 0 && anna >= 0);
	assert_int_equal(l.v[otto].days, 8);
	assert_int_equal(l.v[otto].target, 10);
	assert_int_equal(l.v[anna].days, 0);
	assert_int_equal(l.v[0].days, 0);     /* fewest first */
	assert_int_equal(l.v[l.n - 1].days, 8);
	rotation_hospitation_list_free(&l);
	app->cfg.rotation_hospitation_days = 8;
	assert_int_equal(rotation_hospitation(app, 2026, NULL, false, &l, &err), HOP_OK);
	for (size_t i = 0; i < l.n; i++)
		assert_string_not_equal(l.v[i].login, "otto");
	rotation_hospitation_list_free(&l);
	app->cfg.rotation_hospitation_days = 10;
}

/* A lead sees their team's due list and exceptions, not another team's; an
 * employee sees their own row only; neither changes exceptions. */
static void test_permissions(void **state)
{
	struct hop_app *app = *state;
	struct rotation_due_filter f = { .within_months = -1 };
	struct rotation_exception_list xl;
	struct rotation_due_list l;
	struct hop_err err;

	period(app, "chef", 1, "post", "2019-05-01", NULL);
	period(app, "bernd", 1, "post", "2019-01-01", NULL);
	period(app, "anna", 3, "post", "2019-01-01", NULL);
	assert_int_equal(rotation_exception_add(app, "anna", "Fachwissen", "Vier Augen",
	                                        date_from_ymd(2027, 6, 30), &err), HOP_OK);

	test_act_as(app, "chef");
	assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);               /* herself; bernd's team has no area */
	assert_string_equal(l.v[0].login, "chef");
	rotation_due_list_free(&l);
	f.team = "Vergabe A";
	assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only the lead of Vergabe A, HR or an admin can see the "
	                    "team's rotations, exceptions and Hospitation");
	f.team = NULL;
	f.login = "anna";
	assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_EPERM);
	f.login = NULL;
	assert_int_equal(rotation_exception_list(app, NULL, NULL, false, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 0);
	rotation_exception_list_free(&xl);
	assert_int_equal(rotation_exception_end(app, "anna", &err), HOP_EPERM);

	test_act_as(app, "anna");
	assert_int_equal(rotation_due_list(app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].login, "anna");
	rotation_due_list_free(&l);
	assert_int_equal(rotation_exception_list(app, NULL, NULL, false, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 1);
	assert_string_equal(xl.v[0].reason, "Fachwissen");
	rotation_exception_list_free(&xl);
	assert_int_equal(rotation_exception_add(app, "anna", "x", "y", date_from_ymd(2027, 6, 30),
	                                        &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR or an admin can change work areas and rotation "
	                    "exceptions");

	test_act_as(app, "bernd");
	assert_int_equal(rotation_exception_list(app, NULL, NULL, true, &xl, &err), HOP_OK);
	assert_int_equal(xl.n, 0);
	rotation_exception_list_free(&xl);
	test_act_as(app, "hr");
}

/* Areas: a team in one area at most, a period of 1 to 40 years, nothing
 * changed by a refusal; review due after area_review_years. */
static void test_areas(void **state)
{
	struct hop_app *app = *state;
	const char *one[] = { "Vergabe A" }, *r11[] = { "Referat 11" }, *nope[] = { "Referat 99" };
	struct area_edit e = { .set_years = true, .years = 4 };
	struct hop_area a;
	struct hop_err err;
	int64_t audits = trn_count(app, "SELECT count(*) FROM audit");

	assert_int_equal(area_add(app, "Neu", one, 1, false, 0, HOP_DATE_NONE, &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "team Vergabe A already belongs to work area Vergabe; a team "
	                    "belongs to one work area at most");
	assert_int_not_equal(area_add(app, "Neu", nope, 1, false, 0, HOP_DATE_NONE, &err), HOP_OK);
	assert_int_equal(area_add(app, "Neu", r11, 1, false, 41, HOP_DATE_NONE, &err), HOP_EINVAL);
	assert_int_equal(area_add(app, "vergabe", r11, 1, false, 0, HOP_DATE_NONE, &err),
	                 HOP_ECONFLICT);
	assert_int_equal(trn_count(app, "SELECT count(*) FROM area"), 2);
	assert_int_equal(trn_count(app, "SELECT count(*) FROM audit"), audits);

	assert_int_equal(area_edit(app, "Vergabe", &e, &err), HOP_OK);
	assert_int_equal(area_get(app, "vergabe", &a, &err), HOP_OK);
	assert_int_equal(a.period_years, 4);
	assert_string_equal(a.teams, "Vergabe A, Vergabe B");
	assert_false(a.review_due);
	clock_set_today(date_from_ymd(2029, 11, 23));
	assert_int_equal(area_get(app, "Vergabe", &a, &err), HOP_OK);
	assert_true(a.review_due);
	clock_set_today(date_from_ymd(2026, 11, 23));
	assert_int_equal(area_get(app, "Nirgends", &a, &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_AREA);
	test_act_as(app, "chef");
	assert_int_equal(area_edit(app, "Vergabe", &e, &err), HOP_EPERM);
	test_act_as(app, "hr");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_posts_in_area, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secondments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lead, setup, teardown),
		cmocka_unit_test_setup_teardown(test_station, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exception, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hospitation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_areas, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
