/* The rotation timeline (issue 14): the periods of a person, of a team's
 * members on some day of the span (one who joined in the middle, a trainee
 * away on a station for the whole span left out), of a cohort's trainees;
 * the due date from the due list; who may see what; and the stations and
 * secondments in the feeds (UID, SEQUENCE after a change, the host of a
 * secondment outside).  Today is Mon 23 Nov 2026. */
#define _GNU_SOURCE
#include <stdio.h>
#include "trn_org.h"
#include "hop/core/authz.h"
#include "hop/core/feeds/feeds.h"
#include "hop/core/people/membership.h"
#include "hop/core/rotation/area.h"
#include "hop/core/rotation/rotation.h"

static hop_date d(int y, int m, int day)
{
	return date_from_ymd(y, m, day);
}

/* trn_org: Referat 11 (lead chef; anna, bernd, jweiss, dora), Referat 12
 * (otto, who leads it).  Anna goes on a station in Referat 12 from 1 March
 * to 31 May 2027; nina joins Referat 12 on 1 Feb 2027; Referat 11 is the
 * corruption-prone area Vergabe; anna and otto are trainees of cohort
 * "Jahrgang 2027". */
static int setup(void **state)
{
	static struct hop_app app;
	const char *vergabe[] = { "Referat 11" };
	struct hop_person p;
	struct hop_err err;

	trn_org(&app);
	trn_exec(&app, "UPDATE person SET roles = roles | 2 WHERE login = 'otto';"
	         "UPDATE team SET lead_id = (SELECT id FROM person WHERE login = 'otto') "
	         "WHERE id = 2");
	if (membership_add(&app, "anna", "Referat 12", MEMBER_STATION, d(2027, 3, 1),
	                   d(2027, 5, 31), &err) != HOP_OK)
		fail_msg("%s", err.msg);
	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "nina");
	snprintf(p.name, sizeof p.name, "Nina Neu");
	snprintf(p.team, sizeof p.team, "Referat 12");
	p.team_id = 2;
	p.roles = ROLE_EMPLOYEE;
	p.start = d(2027, 2, 1);
	p.end = HOP_DATE_NONE;
	if (person_add(&app, &p, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	if (area_add(&app, "Vergabe", vergabe, 1, true, 0, HOP_DATE_NONE, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	trn_exec(&app, "INSERT INTO cohort (id, name, start_on, months, created_at) VALUES "
	         "(1, 'Jahrgang 2027', '2027-01-01', 24, '2026-11-01');"
	         "INSERT INTO cohort_trainee (cohort_id, person_id) SELECT 1, id FROM person "
	         "WHERE login IN ('anna', 'otto')");
	*state = &app;
	return 0;
}

static int teardown(void **state)
{
	test_app_close(*state);
	return 0;
}

static enum hop_status tl(struct hop_app *app, const char *login, const char *team,
                          const char *cohort, hop_date from, hop_date to,
                          struct rotation_timeline *out, struct hop_err *err)
{
	struct rotation_timeline_query q = { .login = login, .team = team, .cohort = cohort,
	                                     .from = from, .to = to };
	return rotation_timeline(app, &q, out, err);
}

static const struct rotation_timeline_row *row(const struct rotation_timeline *t,
                                               const char *login)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].login, login) == 0)
			return &t->v[i];
	return NULL;
}

static void test_person(void **state)
{
	struct hop_app *app = *state;
	struct rotation_timeline t;
	const struct rotation_timeline_row *r;
	struct hop_err err;

	test_act_as(app, "hr");
	assert_int_equal(tl(app, "anna", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err), HOP_OK);
	assert_int_equal(t.n, 1);
	r = &t.v[0];
	assert_string_equal(r->name, "Anna Berg");
	assert_int_equal(r->nperiods, 2);
	assert_int_equal(r->periods[0].kind, MEMBER_POST);
	assert_string_equal(r->periods[0].team, "Referat 11");
	assert_int_equal(r->periods[0].start, d(2020, 1, 1));
	assert_int_equal(r->periods[0].end, HOP_DATE_NONE);
	assert_int_equal(r->periods[1].kind, MEMBER_STATION);
	assert_string_equal(r->periods[1].team, "Referat 12");
	assert_int_equal(r->periods[1].start, d(2027, 3, 1));
	assert_int_equal(r->periods[1].end, d(2027, 5, 31));
	/* Due from the due list: five years in the corruption-prone area. */
	assert_int_equal(r->due, d(2025, 1, 1));
	assert_true(r->overdue);
	assert_false(r->exception);
	rotation_timeline_free(&t);

	/* A span after the station: the post alone. */
	assert_int_equal(tl(app, "anna", NULL, NULL, d(2027, 6, 1), d(2027, 12, 31), &t, &err),
	                 HOP_OK);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.v[0].nperiods, 1);
	assert_int_equal(t.v[0].periods[0].kind, MEMBER_POST);
	rotation_timeline_free(&t);

	/* Nina is in no corruption-prone area and leads no team: no due date;
	 * otto is due as the lead of Referat 12 since 2020. */
	assert_int_equal(tl(app, "nina", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err), HOP_OK);
	assert_int_equal(t.v[0].due, HOP_DATE_NONE);
	rotation_timeline_free(&t);
	assert_int_equal(tl(app, "otto", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err), HOP_OK);
	assert_int_equal(t.v[0].due, d(2025, 1, 1));
	rotation_timeline_free(&t);

	assert_int_equal(tl(app, "nobody", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_ENOTFOUND);
	assert_int_equal(tl(app, "anna", "Referat 11", NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EINVAL);
	assert_string_equal(err.msg, "a timeline is of one person, one team or one cohort; name "
	                    "only one of them");
	assert_int_equal(tl(app, "anna", NULL, NULL, d(2027, 2, 1), d(2027, 1, 1), &t, &err),
	                 HOP_EINVAL);
	assert_string_equal(err.msg, "the timeline's span ends before it begins");
}

static void test_team(void **state)
{
	struct hop_app *app = *state;
	struct rotation_timeline t;
	const struct rotation_timeline_row *r;
	struct hop_err err;

	test_act_as(app, "hr");
	/* Referat 12 over 2027: otto throughout, nina from February, anna on
	 * her station (with all her periods in the span, her post too). */
	assert_int_equal(tl(app, NULL, "Referat 12", NULL, d(2027, 1, 1), d(2027, 12, 31), &t, &err),
	                 HOP_OK);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.v[0].login, "anna");
	assert_string_equal(t.v[1].login, "nina");
	assert_string_equal(t.v[2].login, "otto");
	assert_int_equal(t.v[0].nperiods, 2);
	r = row(&t, "nina");
	assert_int_equal(r->nperiods, 1);
	assert_int_equal(r->periods[0].start, d(2027, 2, 1));
	rotation_timeline_free(&t);

	/* 2026: nina had not joined, anna was not there. */
	assert_int_equal(tl(app, NULL, "referat-12", NULL, d(2026, 1, 1), d(2026, 12, 31), &t, &err),
	                 HOP_OK);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.v[0].login, "otto");
	rotation_timeline_free(&t);

	/* Referat 11 in April 2027: anna is away on her station all the span. */
	assert_int_equal(tl(app, NULL, "Referat 11", NULL, d(2027, 4, 1), d(2027, 4, 30), &t, &err),
	                 HOP_OK);
	assert_null(row(&t, "anna"));
	assert_non_null(row(&t, "bernd"));
	assert_int_equal(row(&t, "bernd")->due, d(2025, 1, 1));
	rotation_timeline_free(&t);
	/* ... over May and June she is back on 1 June. */
	assert_int_equal(tl(app, NULL, "Referat 11", NULL, d(2027, 5, 1), d(2027, 6, 30), &t, &err),
	                 HOP_OK);
	assert_non_null(row(&t, "anna"));
	rotation_timeline_free(&t);
}

static void test_cohort(void **state)
{
	struct hop_app *app = *state;
	struct rotation_timeline t;
	struct hop_err err;

	test_act_as(app, "hr");
	assert_int_equal(tl(app, NULL, NULL, "jahrgang 2027", HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_OK);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.v[0].login, "anna");
	assert_string_equal(t.v[1].login, "otto");
	rotation_timeline_free(&t);
	/* A trainee sees their own row only. */
	test_act_as(app, "anna");
	assert_int_equal(tl(app, NULL, NULL, "Jahrgang 2027", HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_OK);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.v[0].login, "anna");
	assert_int_equal(t.v[0].due, d(2025, 1, 1));
	rotation_timeline_free(&t);
	/* Others not at all, a lead neither. */
	test_act_as(app, "chef");
	assert_int_equal(tl(app, NULL, NULL, "Jahrgang 2027", HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EPERM);
	assert_string_equal(err.msg, "the timeline of cohort Jahrgang 2027 is shown only to HR "
	                    "and admins, and each trainee their own");
	assert_int_equal(tl(app, NULL, NULL, "Jahrgang 1999", HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no cohort 'Jahrgang 1999'");
	test_act_as(app, "hr");
}

static void test_permissions(void **state)
{
	struct hop_app *app = *state;
	struct rotation_timeline t;
	struct hop_err err;

	/* An employee: their own (the default), no one else's. */
	test_act_as(app, "bernd");
	assert_int_equal(tl(app, NULL, NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err), HOP_OK);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.v[0].login, "bernd");
	rotation_timeline_free(&t);
	assert_int_equal(tl(app, "anna", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EPERM);
	assert_int_equal(tl(app, NULL, "Referat 11", NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EPERM);
	/* The lead of Referat 11: their team and its members, not Referat 12's. */
	test_act_as(app, "chef");
	assert_int_equal(tl(app, NULL, "Referat 11", NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_OK);
	rotation_timeline_free(&t);
	assert_int_equal(tl(app, "anna", NULL, NULL, d(2027, 4, 1), d(2027, 4, 30), &t, &err), HOP_OK);
	rotation_timeline_free(&t);
	assert_int_equal(tl(app, "otto", NULL, NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EPERM);
	assert_int_equal(tl(app, NULL, "Referat 12", NULL, HOP_DATE_NONE, HOP_DATE_NONE, &t, &err),
	                 HOP_EPERM);
	/* The lead of Referat 12 sees anna for a span with her station there,
	 * not for one before it. */
	test_act_as(app, "otto");
	assert_int_equal(tl(app, "anna", NULL, NULL, d(2027, 1, 1), d(2027, 12, 31), &t, &err),
	                 HOP_OK);
	rotation_timeline_free(&t);
	assert_int_equal(tl(app, "anna", NULL, NULL, d(2026, 1, 1), d(2026, 12, 31), &t, &err),
	                 HOP_EPERM);
	test_act_as(app, "hr");
}

/* The feed of kind and key over 2027, into a string the caller frees. */
static char *feed(struct hop_app *app, enum ics_feed_kind kind, const char *key)
{
	struct ics_feed f = { .kind = kind, .key = key, .from = d(2027, 1, 1),
	                      .to = d(2027, 12, 31) };
	struct hop_err err;
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	assert_non_null(out);
	if (ics_export(app, &f, out, NULL, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	fclose(out);
	return buf;
}

static void test_feeds(void **state)
{
	struct hop_app *app = *state;
	int64_t id = trn_count(app, "SELECT id FROM membership WHERE kind = 'station'"), ext;
	char uid[80], *s;
	struct hop_err err;

	test_act_as(app, "hr");
	snprintf(uid, sizeof uid, "UID:membership-%lld@", (long long)id);
	s = feed(app, ICS_PERSON, "anna");
	assert_non_null(strstr(s, uid));
	assert_non_null(strstr(s, "SUMMARY:Station: Referat 12\r\n"));
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20270301\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20270601\r\n"));
	assert_non_null(strstr(s, "SEQUENCE:0\r\n"));
	free(s);
	/* A change of the period: a higher SEQUENCE, the new end. */
	assert_int_equal(db_begin(app->db, &err), HOP_OK);
	if (membership_set_period(app, id, d(2027, 3, 1), d(2027, 6, 30), &err) != HOP_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(db_commit(app->db, &err), HOP_OK);
	s = feed(app, ICS_PERSON, "anna");
	assert_non_null(strstr(s, "SEQUENCE:1\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20270701\r\n"));
	free(s);
	/* The team joined has it, the home team not. */
	s = feed(app, ICS_TEAM, "referat-12");
	assert_non_null(strstr(s, "SUMMARY:Station of Anna Berg\r\n"));
	free(s);
	s = feed(app, ICS_TEAM, "referat-11");
	assert_null(strstr(s, "Anna Berg"));
	free(s);
	/* A secondment outside shows its host, in no team's feed. */
	if (membership_add_external(app, "bernd", NULL, "Landesamt für Statistik", HOST_LAND,
	                            d(2027, 1, 1), HOP_DATE_NONE, &ext, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	s = feed(app, ICS_PERSON, "bernd");
	assert_non_null(strstr(s, "SUMMARY:Secondment: Landesamt für Statistik\\, from 2027-01-01"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20270102\r\n"));
	free(s);
	s = feed(app, ICS_TEAM, "referat-11");
	assert_null(strstr(s, "Landesamt"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_team),
		cmocka_unit_test(test_cohort),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test(test_feeds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
