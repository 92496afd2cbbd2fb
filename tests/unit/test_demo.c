/* The demo organisation: sizes, leads, roles, dates, names, places,
 * bookings, reproducibility. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/demo/demo.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "../../src/demo/demo_internal.h"
#include "../../src/demo/demo_names.h"

#include "demo_org.h"

static void test_default_organisation(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;
	hop_date today = date_from_ymd(2026, 11, 23);
	int hr = 0, facilities = 0, admins = 0, former = 0, future = 0, recent = 0;
	int umlauts = 0, sharp_s = 0;
	char email[HOP_EMAIL_MAX + 1];
	bool inner = false;

	(void)state;
	demo_open(&app, 0, 0);
	list_all(&app, &pl);
	list_teams(&app, &tl);
	assert_int_equal(pl.n, DEMO_DEFAULT_PEOPLE);
	assert_int_equal(tl.n, 6);
	check_leads(&app, &tl);
	for (size_t i = 0; i < tl.n; i++)
		if (strcmp(tl.v[i].name, "Innerer Dienst") == 0)
			inner = true;
	assert_true(inner);

	for (size_t i = 0; i < pl.n; i++) {
		const struct hop_person *p = &pl.v[i];

		if (p->roles & ROLE_HR) {
			hr++;
			/* HR works in personnel (the acting admin sits in Innerer Dienst). */
			if (strcmp(p->login, "tester") != 0)
				assert_string_equal(p->team, "Referat Z 1 – Personal");
		}
		if (p->roles & ROLE_FACILITIES) {
			facilities++;
			assert_string_equal(p->team, "Innerer Dienst");
		}
		if (p->roles & ROLE_ADMIN)
			admins++;
		if (p->end != HOP_DATE_NONE) {
			former++;
			assert_true(p->end < today);
			assert_true(p->start <= p->end);
		}
		if (p->start > today) {
			future++;
			assert_true(p->start <= today + 7 * 7);
		}
		if (p->start <= today && p->start > today - 28)
			recent++;
		assert_true(p->start >= today - 25 * 365 - 10);
		assert_true(date_weekday(p->start) <= 5 || strcmp(p->login, "tester") == 0);
		assert_true(p->team[0] != '\0');
		if (strstr(p->name, "ä") || strstr(p->name, "ö") || strstr(p->name, "ü") ||
		    strstr(p->name, "Ä") || strstr(p->name, "Ö") || strstr(p->name, "Ü"))
			umlauts++;
		if (strstr(p->name, "ß"))
			sharp_s++;
		/* Logins are ASCII letters and digits; e-mail is login@mail_domain. */
		for (const char *c = p->login; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'));
		snprintf(email, sizeof email, "%s@%s", p->login, app.cfg.mail_domain);
		assert_string_equal(p->email, email);
	}
	assert_true(hr >= 3);           /* the actor, the head of personnel, HR staff */
	assert_true(facilities >= 1);
	assert_int_equal(admins, 2);    /* the actor and one IT admin */
	assert_int_equal(former, 2);
	assert_true(future >= 2 && future <= 3);
	assert_true(recent >= 3);
	assert_true(umlauts >= 3);
	assert_true(sharp_s >= 1);
	person_list_free(&pl);
	team_list_free(&tl);
	test_app_close(&app);
}

static void test_actor_is_admin_in_a_team(void **state)
{
	struct hop_app app;
	struct hop_audit_list al = { 0 };
	struct audit_filter f = { "tester", NULL, HOP_DATE_NONE, 0 };
	struct hop_err err;

	(void)state;
	demo_open(&app, 0, 0);
	assert_true(app.actor.known);
	assert_true(app.actor.roles & ROLE_ADMIN);
	assert_true(app.actor.roles & ROLE_HR);
	assert_string_equal(app.actor.person.name, "Tess Tester");
	assert_string_equal(app.actor.person.team, "Innerer Dienst");
	/* The audit log shows who created the demo: everything was done as tester. */
	assert_int_equal(audit_list(&app, &f, &al, &err), HOP_OK);
	assert_true(al.n >= DEMO_DEFAULT_PEOPLE);
	audit_list_free(&al);
	test_app_close(&app);
}

static void logins_of(int people, uint64_t seed, char **out)
{
	struct hop_app app;
	struct hop_person_list pl;
	size_t len = 0;

	demo_open(&app, people, seed);
	list_all(&app, &pl);
	for (size_t i = 0; i < pl.n; i++)
		len += strlen(pl.v[i].login) + strlen(pl.v[i].name) + 16;
	*out = calloc(1, len + 1);
	assert_non_null(*out);
	for (size_t i = 0; i < pl.n; i++) {
		char line[HOP_LOGIN_MAX + HOP_NAME_MAX + 16], iso[HOP_DATE_ISO_LEN];
		snprintf(line, sizeof line, "%s %s %s\n", pl.v[i].login, pl.v[i].name,
		         date_format(pl.v[i].start, iso));
		strcat(*out, line);
	}
	person_list_free(&pl);
	test_app_close(&app);
}

static void test_same_seed_same_people(void **state)
{
	char *a, *b, *c;

	(void)state;
	logins_of(200, 42, &a);
	logins_of(200, 42, &b);
	logins_of(200, 43, &c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	free(a);
	free(b);
	free(c);
}

static void test_scales_to_2000(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;
	size_t distinct = 0;

	/* How fast is make bench's business (bulk_bookings), not a unit test's. */
	(void)state;
	demo_open(&app, 2000, 7);

	list_all(&app, &pl);
	list_teams(&app, &tl);
	assert_int_equal(pl.n, 2000);
	assert_int_equal(tl.n, 200);
	check_leads(&app, &tl);
	/* Names mostly distinct: count those unlike their predecessor in a sorted copy. */
	{
		char (*names)[HOP_NAME_MAX + 1] = calloc(pl.n, sizeof *names);
		assert_non_null(names);
		for (size_t i = 0; i < pl.n; i++)
			memcpy(names[i], pl.v[i].name, sizeof names[i]);
		qsort(names, pl.n, sizeof *names, (int (*)(const void *, const void *))strcmp);
		for (size_t i = 0; i < pl.n; i++)
			if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
				distinct++;
		free(names);
	}
	assert_true(distinct >= pl.n * 95 / 100);
	person_list_free(&pl);
	team_list_free(&tl);
	test_app_close(&app);
}

static void test_small_sizes(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;

	(void)state;
	for (int n = 1; n <= 12; n += 11) {
		demo_open(&app, n, 0);
		list_all(&app, &pl);
		list_teams(&app, &tl);
		assert_int_equal(pl.n, (size_t)n);
		assert_int_equal(tl.n, 1);
		check_leads(&app, &tl);
		person_list_free(&pl);
		team_list_free(&tl);
		test_app_close(&app);
	}
}

static void test_refused(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct demo_options opt = { 0, 0, NULL };
	struct hop_err err;

	(void)state;
	test_app_open(&app, "tester", 0);
	opt.people = DEMO_MAX_PEOPLE + 1;
	assert_int_equal(demo_generate(&app, &opt, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "20001"));
	opt.people = -3;
	assert_int_equal(demo_generate(&app, &opt, &err), HOP_EINVAL);
	test_app_close(&app);

	/* Not into a database that already has people: nothing is added. */
	test_app_open(&app, "tester", 1);
	opt.people = 10;
	assert_int_not_equal(demo_generate(&app, &opt, &err), HOP_OK);
	assert_true(strlen(err.msg) > 0);
	list_all(&app, &pl);
	assert_int_equal(pl.n, 1);
	person_list_free(&pl);
	assert_true(app.actor.known);
	test_app_close(&app);
}

static void test_transliterate(void **state)
{
	char buf[HOP_NAME_MAX + 1];
	const char *const *tables[] = { demo_first_names, demo_surnames };
	const size_t counts[] = { demo_first_name_count, demo_surname_count };

	(void)state;
	assert_true(demo_transliterate("Jürgen Weiß", buf, sizeof buf));
	assert_string_equal(buf, "juergenweiss");
	assert_true(demo_transliterate("Özlem Şahin", buf, sizeof buf));
	assert_string_equal(buf, "oezlemsahin");
	assert_true(demo_transliterate("Łukasz Wiśniewski-Yılmaz", buf, sizeof buf));
	assert_string_equal(buf, "lukaszwisniewskiyilmaz");
	assert_false(demo_transliterate("Jürgen", buf, 6));   /* "juergen" does not fit */
	assert_false(demo_transliterate("山田", buf, sizeof buf));
	assert_false(demo_transliterate("a@b", buf, sizeof buf));

	/* Every name the generator can pick has an ASCII form. */
	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < counts[t]; i++)
			if (!demo_transliterate(tables[t][i], buf, sizeof buf) || !buf[0])
				fail_msg("no login form for '%s'", tables[t][i]);
	assert_true(demo_first_name_count * demo_surname_count >= 80000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_organisation),
		cmocka_unit_test(test_actor_is_admin_in_a_team),
		cmocka_unit_test(test_same_seed_same_people),
		cmocka_unit_test(test_scales_to_2000),
		cmocka_unit_test(test_small_sizes),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_transliterate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
