/* The demo's rotation: its work areas (one review overdue), a due list with
 * overdue and upcoming people and exceptions (one review passed), ten years
 * of assignments with Hospitation and secondments, a cohort whose published
 * plan passes cohort_check, and nothing new covering today or the booking
 * horizon, on the default day and on others. */
#include "testutil.h"

#include "hop/core/people/membership.h"
#include "hop/core/rotation/area.h"
#include "hop/core/rotation/cohort.h"
#include "hop/core/rotation/cohort_plan.h"
#include "hop/core/rotation/rotation.h"

#include "demo_org.h"

/* ?1 is day, ?2 and ?3 the days 35 after and 14 before it, where sql has them. */
static int64_t count(struct hop_app *app, const char *sql, hop_date day)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, sql, &err);
	int64_t n = -1;

	if (!st)
		fail_msg("%s", err.msg);
	if (strstr(sql, "?1"))
		db_bind_date(st, 1, day);
	if (strstr(sql, "?2"))
		db_bind_date(st, 2, day + 35);
	if (strstr(sql, "?3"))
		db_bind_date(st, 3, day - 14);
	if (db_step(st) == DB_ROW)
		n = db_col_int64(st, 0);
	db_raw_free(st);
	return n;
}

/* The demo made on `today` (0: the tests' Monday 2026-11-23). */
static void open_on(struct hop_app *app, hop_date today, int people)
{
	struct demo_options opt = { people, 0, "Tess Tester" };
	struct hop_err err;

	test_app_open(app, "tester", 0);
	if (today)
		clock_set_today(today);
	if (demo_generate(app, &opt, &err) != HOP_OK)
		fail_msg("demo_generate: %s", err.msg);
}

static void test_areas(void **state)
{
	struct hop_app app;
	struct hop_area_list l = { 0 };
	struct hop_err err;
	int prone = 0;

	(void)state;
	open_on(&app, 0, 0);
	assert_int_equal(area_list(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 4);
	for (size_t i = 0; i < l.n; i++) {
		prone += l.v[i].corruption_prone;
		assert_true(l.v[i].nteams >= 1);
		if (strcmp(l.v[i].name, "Bußgeldstelle") == 0) {
			assert_int_equal(l.v[i].period_years, 4);
			assert_true(l.v[i].review_due);
		} else {
			assert_false(l.v[i].review_due);
		}
	}
	assert_int_equal(prone, 3);
	area_list_free(&l);
	assert_int_equal(area_list(&app, true, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	area_list_free(&l);
	test_app_close(&app);
}

static void test_due_list(void **state)
{
	struct hop_app app;
	struct rotation_due_list l = { 0 };
	struct rotation_due_filter f = { NULL, NULL, 0 };
	struct hop_err err;
	hop_date today;
	int overdue = 0, upcoming = 0, exceptions = 0, review_overdue = 0, leads = 0;

	(void)state;
	open_on(&app, 0, 0);
	today = clock_today();
	assert_int_equal(rotation_due_list(&app, &f, &l, &err), HOP_OK);
	for (size_t i = 0; i < l.n; i++) {
		const struct rotation_due *d = &l.v[i];
		assert_true(d->since < d->due);
		assert_true(d->due <= date_add_months(today, 12));
		assert_int_equal(d->overdue, d->due <= today);
		overdue += d->overdue;
		upcoming += !d->overdue;
		leads += d->lead;
		exceptions += d->exception;
		review_overdue += d->review_overdue;
		/* An exception only for someone past their due date. */
		assert_true(!d->exception || d->overdue);
	}
	assert_true(overdue >= 3);
	assert_true(upcoming >= 2);
	assert_true(leads >= 1);
	assert_int_equal(exceptions, 2);
	assert_int_equal(review_overdue, 1);
	rotation_due_list_free(&l);
	/* Everyone with a due date: most are well inside their period. */
	f.within_months = -1;
	assert_int_equal(rotation_due_list(&app, &f, &l, &err), HOP_OK);
	assert_true(l.n >= (size_t)(overdue + upcoming) + 10);
	rotation_due_list_free(&l);
	test_app_close(&app);
}

static void test_history(void **state)
{
	struct hop_app app;
	struct rotation_hospitation_list h = { 0 };
	struct rotation_timeline tl = { 0 };
	struct rotation_timeline_query q = { NULL, "Referat Z 2 – Haushalt", NULL, HOP_DATE_NONE,
	                                     HOP_DATE_NONE };
	struct hop_err err;
	hop_date today;
	int y, m, d, some = 0;
	size_t moved = 0;

	(void)state;
	open_on(&app, 0, 0);
	today = clock_today();
	date_to_ymd(today, &y, &m, &d);
	/* Ten years back, posts in other teams and areas before. */
	assert_true(count(&app, "SELECT count(*) FROM membership WHERE start_on <= ?1 "
	                  "AND kind = 'post'", today - 10 * 365) >= 10);
	assert_true(count(&app, "SELECT count(*) FROM membership WHERE host IS NOT NULL", 0) >= 1);
	assert_true(count(&app, "SELECT count(*) FROM membership WHERE kind = 'acting'", 0) >= 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'acting' "
	                       "AND end_on >= ?1", today), 0);
	/* One secondment to come: thirty months to a Land authority. */
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE host_level = 'land' "
	                       "AND start_on > ?1", today), 1);
	/* Nothing new on today or in the booking horizon but the cohort's stations. */
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'secondment' "
	                       "AND start_on <= ?2 AND end_on >= ?3", today), 0);
	assert_int_equal(rotation_hospitation(&app, y - 1, NULL, true, &h, &err), HOP_OK);
	for (size_t i = 0; i < h.n; i++)
		some += h.v[i].days > 0;
	assert_true(some >= 5);
	rotation_hospitation_list_free(&h);
	assert_int_equal(rotation_timeline(&app, &q, &tl, &err), HOP_OK);
	assert_true(tl.n >= 5);
	for (size_t i = 0; i < tl.n; i++)
		moved += tl.v[i].nperiods > 1;
	assert_true(moved >= 3);
	rotation_timeline_free(&tl);
	test_app_close(&app);
}

/* The cohort on the day given: published, valid, nobody on a station today. */
static void check_cohort(hop_date today)
{
	struct hop_app app;
	struct hop_cohort_list cl = { 0 };
	struct cohort_problem p;
	struct cohort_plan pl = { 0 };
	struct cohort_violation_list v = { 0 };
	struct hop_err err;

	open_on(&app, today, 0);
	today = clock_today();
	assert_int_equal(cohort_list(&app, &cl, &err), HOP_OK);
	assert_int_equal(cl.n, 1);
	assert_true(cl.v[0].published);
	assert_int_equal(cl.v[0].ntrainees, 12);
	assert_int_equal(cl.v[0].nstations, 6);
	assert_int_equal(cl.v[0].nplaces, 72);
	assert_true(cl.v[0].start <= today && today < date_add_months(cl.v[0].start, 2));
	memset(&p, 0, sizeof p);
	assert_int_equal(cohort_problem_load(&app, cl.v[0].name, &p, &err), HOP_OK);
	assert_int_equal(cohort_plan_load(&app, &p, &pl, &err), HOP_OK);
	assert_int_equal(pl.n, 72);
	assert_int_equal(cohort_check(&p, &pl, &v, &err), HOP_OK);
	for (size_t i = 0; i < v.n; i++)
		print_message("violation: %s\n", v.v[i].text);
	assert_int_equal(v.n, 0);
	/* The trainees were employed before the cohort began; today they are in
	 * their post's team. */
	for (size_t t = 0; t < p.ntrainees; t++) {
		int64_t team = 0, post = 0;
		struct hop_membership_list h = { 0 };
		assert_int_equal(membership_team_on(&app, p.trainees[t].person_id, today, &team,
		                                    &err), HOP_OK);
		assert_int_equal(membership_history(&app, p.trainees[t].login, &h, &err), HOP_OK);
		for (size_t i = 0; i < h.n; i++)
			if (h.v[i].kind == MEMBER_POST)
				post = h.v[i].team_id;
		assert_int_equal(team, post);
		assert_true(h.v[0].start < p.start);
		membership_list_free(&h);
	}
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'station' "
	                       "AND cohort_id IS NOT NULL", 0), 72);
	cohort_violation_list_free(&v);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	cohort_list_free(&cl);
	test_app_close(&app);
}

static void test_cohort(void **state)
{
	(void)state;
	check_cohort(0);
	/* The first days of a month, and its last. */
	check_cohort(date_from_ymd(2027, 3, 1));
	check_cohort(date_from_ymd(2027, 5, 6));
	check_cohort(date_from_ymd(2027, 12, 31));
}

/* A small organisation has areas, no cohort, and still comes out whole. */
static void test_small(void **state)
{
	struct hop_app app;
	struct hop_cohort_list cl = { 0 };
	struct hop_err err;

	(void)state;
	for (int n = 1; n <= 25; n += 6) {
		open_on(&app, 0, n);
		assert_int_equal(cohort_list(&app, &cl, &err), HOP_OK);
		assert_int_equal(cl.n, 0);
		cohort_list_free(&cl);
		test_app_close(&app);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_areas),
		cmocka_unit_test(test_due_list),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_cohort),
		cmocka_unit_test(test_small),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
