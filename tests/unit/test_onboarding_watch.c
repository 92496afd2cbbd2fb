/* What the Onboarding screen asks of core (watch.h): who follows which
 * onboarding (HR and admins all, a lead their teams', everyone their own
 * first and their mentees'), and a mentor changed in one step, both or
 * neither. */
#include "testutil.h"

#include "hop/core/onboarding/onboarding.h"
#include "hop/core/onboarding/watch.h"
#include "hop/core/people/person.h"

static void add(struct hop_app *app, const char *login, const char *name, const char *team,
                unsigned roles, hop_date start)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = start;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

/* Team A led by alead, team B led by blead; hr; two colleagues in A who
 * may mentor; emp in B; new hires newa (A, started 16 Nov) and newb (B,
 * starts 1 Dec); alead, new too, started 20 Nov and has an onboarding of
 * their own.  ment1 mentors newa. */
static int setup(void **state)
{
	static struct hop_app app;
	struct onb_summary o;
	struct hop_err err;
	hop_date long_ago = date_from_ymd(2015, 3, 2);

	test_app_open(&app, "root", 1);
	add(&app, "alead", "Anna Berg", NULL, ROLE_EMPLOYEE | ROLE_LEAD, date_from_ymd(2026, 11, 20));
	add(&app, "blead", "Bernd Lang", NULL, ROLE_EMPLOYEE | ROLE_LEAD, long_ago);
	assert_int_equal(team_add(&app, "Team A", "alead", &err), HOP_OK);
	assert_int_equal(team_add(&app, "Team B", "blead", &err), HOP_OK);
	add(&app, "hr", "Hilde Rat", NULL, ROLE_EMPLOYEE | ROLE_HR, long_ago);
	add(&app, "ment1", "Maria Eck", "Team A", ROLE_EMPLOYEE, long_ago);
	add(&app, "ment2", "Mehmet Öz", "Team A", ROLE_EMPLOYEE, long_ago);
	add(&app, "emp", "Emil Meier", "Team B", ROLE_EMPLOYEE, long_ago);
	add(&app, "newa", "Nora Alt", "Team A", ROLE_EMPLOYEE, date_from_ymd(2026, 11, 16));
	add(&app, "newb", "Nils Bär", "Team B", ROLE_EMPLOYEE, date_from_ymd(2026, 12, 1));
	assert_int_equal(template_add(&app, "Standard", NULL, 0, true, &err), HOP_OK);
	if (onboarding_start(&app, "newa", NULL, &o, &err) != HOP_OK ||
	    onboarding_start(&app, "newb", NULL, &o, &err) != HOP_OK ||
	    onboarding_start(&app, "alead", NULL, &o, &err) != HOP_OK)
		fail_msg("onboarding_start: %s", err.msg);
	if (mentor_assign(&app, "newa", "ment1", HOP_DATE_NONE, HOP_DATE_NONE, NULL, NULL, &err) !=
	    HOP_OK)
		fail_msg("mentor_assign: %s", err.msg);
	*state = &app;
	return 0;
}

static int teardown(void **state)
{
	test_app_close(*state);
	return 0;
}

/* The logins of the onboardings actor follows, in order: "newa,alead". */
static void watched(struct hop_app *app, const char *actor, char *buf, size_t size)
{
	struct onb_summary_list l;
	struct hop_err err;
	size_t used = 0;

	test_act_as(app, actor);
	if (onboarding_watch(app, NULL, &l, &err) != HOP_OK)
		fail_msg("onboarding_watch as %s: %s", actor, err.msg);
	buf[0] = '\0';
	for (size_t i = 0; i < l.n; i++) {
		assert_true(onboarding_watches(app, &l.v[i]));
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "," : "",
		                         l.v[i].person.login);
	}
	onb_summary_list_free(&l);
}

static void test_who_follows_what(void **state)
{
	struct hop_app *app = *state;
	char got[256];

	/* Core lists by start date: newa (16 Nov), alead (20 Nov), newb (1 Dec). */
	watched(app, "root", got, sizeof got);
	assert_string_equal(got, "newa,alead,newb");
	watched(app, "hr", got, sizeof got);
	assert_string_equal(got, "newa,alead,newb");
	/* A lead: their own first, then their team's. */
	watched(app, "alead", got, sizeof got);
	assert_string_equal(got, "alead,newa");
	watched(app, "blead", got, sizeof got);
	assert_string_equal(got, "newb");
	/* The mentor their mentee's; the new hire their own; a colleague none. */
	watched(app, "ment1", got, sizeof got);
	assert_string_equal(got, "newa");
	watched(app, "newa", got, sizeof got);
	assert_string_equal(got, "newa");
	watched(app, "ment2", got, sizeof got);
	assert_string_equal(got, "");
	watched(app, "emp", got, sizeof got);
	assert_string_equal(got, "");
	/* Someone hop does not know follows nothing, and is not refused. */
	watched(app, "ghost", got, sizeof got);
	assert_string_equal(got, "");
}

static void test_filter_passes_through(void **state)
{
	struct hop_app *app = *state;
	struct onb_filter f = { .team = "Team B", .all = false };
	struct onb_summary_list l;
	struct hop_err err;

	test_act_as(app, "hr");
	assert_int_equal(onboarding_watch(app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].person.login, "newb");
	onb_summary_list_free(&l);
	f.team = "No Such Team";
	assert_int_not_equal(onboarding_watch(app, &f, &l, &err), HOP_OK);
	onb_summary_list_free(&l);
}

static const char *mentor_of(struct hop_app *app, const char *login)
{
	static struct onb_summary o;
	struct hop_err err;

	if (onboarding_show(app, login, &o, NULL, &err) != HOP_OK)
		fail_msg("onboarding_show %s: %s", login, err.msg);
	return o.mentor_login;
}

static int count(struct hop_app *app, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	int n;

	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

#define MENTORSHIPS "SELECT count(*) FROM mentorship"
#define AUDIT "SELECT count(*) FROM audit"

static void test_mentor_change(void **state)
{
	struct hop_app *app = *state;
	struct mentorship m;
	struct hop_err err;
	int rows, audit;

	test_act_as(app, "hr");
	assert_string_equal(mentor_of(app, "newa"), "ment1");
	assert_int_equal(mentor_change(app, "newa", "ment2", &m, &err), HOP_OK);
	assert_string_equal(m.mentor.login, "ment2");
	assert_int_equal(m.start, date_from_ymd(2026, 11, 23));
	assert_string_equal(mentor_of(app, "newa"), "ment2");
	/* The first one began today: it is cancelled, kept. */
	assert_int_equal(count(app, "SELECT count(*) FROM mentorship m JOIN person p "
	                       "ON p.id = m.mentor_id WHERE p.login = 'ment1' "
	                       "AND m.cancelled_at IS NOT NULL"), 1);

	/* Refused (the new hire's lead may not mentor them): neither happens. */
	rows = count(app, MENTORSHIPS);
	audit = count(app, AUDIT);
	assert_int_not_equal(mentor_change(app, "newa", "alead", &m, &err), HOP_OK);
	assert_non_null(strstr(err.msg, "Anna Berg"));
	assert_string_equal(mentor_of(app, "newa"), "ment2");
	assert_int_equal(count(app, MENTORSHIPS), rows);
	assert_int_equal(count(app, "SELECT count(*) FROM mentorship WHERE cancelled_at IS NULL "
	                       "AND end_on >= '2026-11-23'"), 1);
	assert_int_equal(count(app, AUDIT), audit);

	/* An employee may not, and nothing changes either. */
	test_act_as(app, "emp");
	assert_int_equal(mentor_change(app, "newa", "ment1", &m, &err), HOP_EPERM);
	test_act_as(app, "hr");
	assert_string_equal(mentor_of(app, "newa"), "ment2");
	assert_int_equal(count(app, AUDIT), audit);

	/* Without a mentor there is nothing to end: refused, as mentor_end says. */
	assert_int_not_equal(mentor_change(app, "newb", "emp", &m, &err), HOP_OK);
	assert_int_equal(count(app, MENTORSHIPS), rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_who_follows_what),
		cmocka_unit_test(test_filter_passes_through),
		cmocka_unit_test(test_mentor_change),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
