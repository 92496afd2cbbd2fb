/* Rotations due, exceptions and Hospitation (issue 14, ROT-1..ROT-5):
 * time in an area across posts of its teams, short secondments that do not
 * reset it and long ones that do, leads, exceptions refused without their
 * facts, working days on secondments, and who sees what.  Today is Mon 23
 * Nov 2026. */
#include "trn_org.h"
#include "hop/core/authz.h"
#include "hop/core/rotation/area.h"
#include "hop/core/rotation/rotation.h"

/* trn_org.h's counter, used below. */

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
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(app->db), "INSERT INTO membership "
	                 "(person_id, team_id, kind, start_on, end_on, created_at) VALUES "
	                 "((SELECT id FROM person WHERE login = ?1), ?2, ?3, ?4, ?5, '2020-01-01')",
	                 -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, team);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
	if (until)
		sqlite3_bind_text(st, 5, until, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	if (strcmp(kind, "post") == 0 && !until) {
		assert_int_equal(sqlite3_prepare_v2(db_sqlite(app->db), "UPDATE person SET "
		                 "team_id = ?2 WHERE login = ?1", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, team);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_finalize(st);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_posts_in_area, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secondments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lead, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
