/* People read a part at a time (person_roster, the People screen's reading):
 * the same people in the same order as person_list, whatever the size of
 * the parts; the teams each one leads; a search index grown with the parts
 * finds what one made at once finds. */
#include "testutil.h"

#include "hop/core/people/person.h"

/* On SQLite or PostgreSQL, as the suite runs. */
static void run(struct hop_app *app, const char *sql)
{
	test_sql_exec(app->db, sql);
}

static void add(struct hop_app *app, const char *login, const char *name, const char *team)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = ROLE_EMPLOYEE;
	p.start = HOP_DATE_NONE;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

/* Teams of folded-equal and equal names (one dissolved, a person still in
 * it), people without a team, one who has left, names that sort by their
 * folds. */
static void setup_org(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "boss", 1);
	assert_int_equal(team_add(app, "Referat Z 1", "boss", &err), HOP_OK);
	assert_int_equal(team_add(app, "Abteilung Ö", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Abteilung O", "boss", &err), HOP_OK);
	assert_int_equal(team_add(app, "Äußeres", NULL, &err), HOP_OK);
	add(app, "jweiss", "Jürgen Weiß", "Referat Z 1");
	add(app, "jweis", "Jürgen Weis", "Referat Z 1");
	add(app, "aberg", "Anna Berg", "Referat Z 1");
	add(app, "kmueller", "Karl Müller", "Abteilung Ö");
	add(app, "kmuller", "Karl Muller", "Abteilung O");
	add(app, "oeb", "Öztürk Emre", "Äußeres");
	add(app, "solo", "Sören Solo", NULL);
	add(app, "alone", "Arne Allein", NULL);
	add(app, "gone", "Gerd Gegangen", "Äußeres");
	add(app, "old", "Olga Alt", NULL);
	/* Referat Z 1 dissolved with one of its people still in it, and made
	 * again under the same name; Olga has left. */
	run(app, "UPDATE team SET dissolved_on = '2026-01-01' WHERE name = 'Referat Z 1'");
	assert_int_equal(team_add(app, "Referat Z 1", NULL, &err), HOP_OK);
	run(app, "UPDATE person SET team_id = (SELECT id FROM team WHERE name = 'Referat Z 1' "
	         "AND dissolved_on IS NULL) WHERE login IN ('aberg', 'jweis')");
	run(app, "UPDATE person SET end_date = '2026-06-30', start_date = '2026-01-01' "
	         "WHERE login = 'old'");
}

static void test_order(void **state)
{
	struct hop_app app;
	struct person_filter f = { 0 };
	struct hop_person_list all, parts = { 0 };
	struct person_roster *r;
	struct hop_err err;
	size_t total;
	bool done = false;

	(void)state;
	setup_org(&app);
	assert_int_equal(person_list(&app, &f, &all, &err), HOP_OK);
	for (size_t want = 1; want <= all.n + 1; want += 3) {
		assert_int_equal(person_roster_open(&app, &r, &total, &err), HOP_OK);
		assert_int_equal(total, all.n);
		done = false;
		while (!done) {
			size_t before = parts.n;

			assert_int_equal(person_roster_more(&app, r, want, &parts, &done, &err), HOP_OK);
			assert_true(done || parts.n - before >= want);
		}
		assert_int_equal(parts.n, all.n);
		for (size_t i = 0; i < all.n; i++) {
			assert_string_equal(parts.v[i].login, all.v[i].login);
			assert_int_equal(parts.v[i].team_id, all.v[i].team_id);
			assert_string_equal(parts.v[i].team, all.v[i].team);
		}
		/* More after the end adds no one. */
		assert_int_equal(person_roster_more(&app, r, 5, &parts, &done, &err), HOP_OK);
		assert_true(done);
		assert_int_equal(parts.n, all.n);
		person_list_free(&parts);
		person_roster_free(r);
	}
	/* Who leads what, in team_list's order: the active teams only. */
	{
		struct hop_person boss;
		char leads[512];

		assert_int_equal(person_roster_open(&app, &r, &total, &err), HOP_OK);
		assert_int_equal(person_get(&app, "boss", &boss, &err), HOP_OK);
		assert_string_equal(person_roster_leads(r, boss.id, leads, sizeof leads), "Abteilung O");
		run(&app, "UPDATE team SET lead_id = (SELECT id FROM person WHERE login = 'boss') "
		          "WHERE name IN ('Äußeres', 'Referat Z 1')");
		person_roster_free(r);
		assert_int_equal(person_roster_open(&app, &r, &total, &err), HOP_OK);
		assert_string_equal(person_roster_leads(r, boss.id, leads, sizeof leads),
		                    "Abteilung O, Äußeres, Referat Z 1");
		assert_string_equal(person_roster_leads(r, -1, leads, sizeof leads), "");
		person_roster_free(r);
	}
	person_list_free(&all);
	test_app_close(&app);
}

static void test_search_grown(void **state)
{
	static const char *const queries[] = { "muller", "mueller", "weiss", "z 1", "ö", "ALLEIN", "" };
	struct hop_app app;
	struct person_filter f = { 0 };
	struct hop_person_list all, part = { 0 };
	struct person_search *whole, *grown;
	struct hop_err err;
	size_t *a, *b;

	(void)state;
	setup_org(&app);
	assert_int_equal(person_list(&app, &f, &all, &err), HOP_OK);
	assert_int_equal(person_search_new(&all, &whole, &err), HOP_OK);
	assert_int_equal(person_search_new(&part, &grown, &err), HOP_OK);
	part.v = malloc(all.n * sizeof *part.v);
	part.cap = all.n;
	assert_non_null(part.v);
	for (size_t i = 0; i < all.n; i++) {
		part.v[part.n++] = all.v[i];
		if (i % 2 == 0 || i + 1 == all.n)
			assert_int_equal(person_search_add(grown, &part, &err), HOP_OK);
	}
	a = malloc(all.n * sizeof *a);
	b = malloc(all.n * sizeof *b);
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		size_t n = person_search_run(whole, queries[q], a);

		assert_int_equal(person_search_run(grown, queries[q], b), n);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(a[i], b[i]);
	}
	assert_int_equal(person_search_run(whole, "muller", a), 2);
	free(a);
	free(b);
	person_search_free(whole);
	person_search_free(grown);
	person_list_free(&part);
	person_list_free(&all);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_search_grown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
