/* Teams: slugs, adding, leads, renaming, dissolving. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/people/person.h"

static void add(struct hop_app *app, const char *login, const char *name, const char *team,
                unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.roles = roles;
	p.start = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void test_slugify(void **state)
{
	char buf[HOP_SLUG_MAX + 1], small[8];
	char longname[300];

	(void)state;
	assert_string_equal(team_slugify("Referat Z 1 – Personal", buf, sizeof buf), "referat-z-1-personal");
	assert_string_equal(team_slugify("Öffentlichkeitsarbeit & Straßenbau", buf, sizeof buf),
	                    "oeffentlichkeitsarbeit-strassenbau");
	assert_string_equal(team_slugify("  --Über__Grün!! ", buf, sizeof buf), "ueber-gruen");
	assert_string_equal(team_slugify("–", buf, sizeof buf), "team");
	assert_string_equal(team_slugify("Abcdefgh ijk", small, sizeof small), "abcdefg");
	assert_string_equal(team_slugify("Abcdef ghijk", small, sizeof small), "abcdef");
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_int_equal(strlen(team_slugify(longname, buf, sizeof buf)), HOP_SLUG_MAX);
}

static void test_add_and_get(void **state)
{
	struct hop_app app;
	struct hop_team t;
	struct hop_person p;
	struct hop_team_list l;
	struct hop_audit_list al;
	struct audit_filter f = { .object = "team:", .since = HOP_DATE_NONE };
	struct hop_err err;
	char big[200];

	(void)state;
	test_app_open(&app, "boss", 1);
	add(&app, "aberg", "Anna Berg", NULL, 0);
	assert_int_equal(team_add(&app, "Referat Z 1", "aberg", &err), HOP_OK);
	assert_int_equal(person_get(&app, "aberg", &p, &err), HOP_OK);
	assert_true(p.roles & ROLE_LEAD);
	assert_int_equal(team_get(&app, "REFERAT z 1", &t, &err), HOP_OK);
	assert_string_equal(t.slug, "referat-z-1");
	assert_string_equal(t.lead_login, "aberg");
	assert_string_equal(t.lead_name, "Anna Berg");
	assert_int_equal(t.created, date_from_ymd(2026, 11, 23));
	assert_int_equal(t.dissolved, HOP_DATE_NONE);
	assert_int_equal(audit_list(&app, &f, &al, &err), HOP_OK);
	assert_int_equal(al.n, 1);
	assert_string_equal(al.v[0].object, "team:referat-z-1");
	assert_string_equal(al.v[0].detail, "name: Referat Z 1; lead: aberg (lead role granted)");
	audit_list_free(&al);

	assert_int_equal(team_add(&app, "referat z 1", NULL, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Referat Z 1"));
	/* Another name with the same slug gets "-2". */
	assert_int_equal(team_add(&app, "Referat Z-1", NULL, &err), HOP_OK);
	assert_int_equal(team_get(&app, "Referat Z-1", &t, &err), HOP_OK);
	assert_string_equal(t.slug, "referat-z-1-2");
	assert_int_equal(team_add(&app, "", NULL, &err), HOP_EINVAL);
	memset(big, 'T', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(team_add(&app, big, NULL, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "199"));
	assert_int_equal(team_add(&app, "X", "nobody", &err), HOP_ENOTFOUND);
	assert_int_equal(team_get(&app, "X", &t, &err), HOP_ENOTFOUND);
	assert_non_null(strstr(err.msg, "'X'"));

	add(&app, "emp", "Emil Meier", "referat-z-1", 0);
	assert_int_equal(team_list(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "Referat Z 1");
	assert_int_equal(l.v[0].members, 1);
	assert_int_equal(l.v[1].members, 0);
	team_list_free(&l);

	/* Employees manage no teams. */
	test_act_as(&app, "emp");
	assert_int_equal(team_add(&app, "Mine", NULL, &err), HOP_EPERM);
	assert_int_equal(team_get(&app, "Mine", &t, &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

static void test_edit_and_remove(void **state)
{
	struct hop_app app;
	struct hop_team t;
	struct hop_team_list l;
	struct person_edit e;
	struct hop_err err;
	char changes[512];

	(void)state;
	test_app_open(&app, "boss", 1);
	add(&app, "aberg", "Anna Berg", NULL, 0);
	add(&app, "ckurz", "Carla Kurz", NULL, 0);
	assert_int_equal(team_add(&app, "Referat 11", "aberg", &err), HOP_OK);
	add(&app, "emp", "Emil Meier", "Referat 11", 0);
	add(&app, "emp2", "Erna Meier", "Referat 11", 0);

	assert_int_equal(team_edit_report(&app, "referat-11", "Referat 12", "ckurz", changes,
	                                  sizeof changes, &err), HOP_OK);
	assert_string_equal(changes, "name: Referat 11 -> Referat 12; lead: aberg -> ckurz (lead role granted)");
	assert_int_equal(team_get(&app, "Referat 12", &t, &err), HOP_OK);
	assert_string_equal(t.slug, "referat-11");
	assert_string_equal(t.lead_login, "ckurz");
	assert_int_equal(team_edit_report(&app, "referat-11", "Referat 12", NULL, changes,
	                                  sizeof changes, &err), HOP_OK);
	assert_string_equal(changes, "");
	assert_int_equal(team_edit(&app, "Referat 12", NULL, "", &err), HOP_OK);
	assert_int_equal(team_get(&app, "Referat 12", &t, &err), HOP_OK);
	assert_int_equal(t.lead_id, 0);

	assert_int_equal(team_remove(&app, "Referat 12", &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "2 current members"));
	assert_null(strstr(err.msg, "hop person edit"));
	assert_int_equal(err.reason, HOP_R_TEAM_HAS_MEMBERS);
	assert_string_equal(err.facts.team, t.slug);
	assert_int_equal(err.facts.n, 2);
	memset(&e, 0, sizeof e);
	e.fields = PF_TEAM;
	assert_int_equal(person_edit(&app, "emp", &e, &err), HOP_OK);
	assert_int_equal(person_remove(&app, "emp2", HOP_DATE_NONE, &err), HOP_OK);
	/* Still a member on the last day. */
	assert_int_equal(team_remove(&app, "Referat 12", &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "1 current member;"));
	clock_set_today(date_from_ymd(2026, 11, 24));
	assert_int_equal(team_remove(&app, "Referat 12", &err), HOP_OK);
	assert_int_equal(team_get(&app, "referat-11", &t, &err), HOP_OK);
	assert_int_equal(t.dissolved, date_from_ymd(2026, 11, 24));
	assert_int_equal(team_remove(&app, "Referat 12", &err), HOP_EINVAL);
	assert_int_equal(team_edit(&app, "Referat 12", "New", NULL, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "dissolved"));

	/* The name is free again; the slug is not. */
	assert_int_equal(team_add(&app, "Referat 12", NULL, &err), HOP_OK);
	assert_int_equal(team_get(&app, "Referat 12", &t, &err), HOP_OK);
	assert_string_equal(t.slug, "referat-12");
	assert_int_equal(t.dissolved, HOP_DATE_NONE);
	/* The brief lookup finds the same team (the active one of the two named
	 * so), without its lead and count; the dissolved one by its slug. */
	assert_int_equal(team_get_brief(&app, "Referat 12", &t, &err), HOP_OK);
	assert_string_equal(t.slug, "referat-12");
	assert_int_equal(t.dissolved, HOP_DATE_NONE);
	assert_int_equal(t.members, 0);
	assert_string_equal(t.lead_login, "");
	assert_int_equal(team_get_brief(&app, "referat-11", &t, &err), HOP_OK);
	assert_int_equal(t.dissolved, date_from_ymd(2026, 11, 24));
	assert_int_equal(team_get_brief(&app, "Referat 99", &t, &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_TEAM);
	assert_int_equal(team_list(&app, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	team_list_free(&l);
	assert_int_equal(team_list(&app, true, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	team_list_free(&l);

	/* A person cannot join a dissolved team. */
	e.fields = PF_TEAM;
	snprintf(e.team, sizeof e.team, "referat-11");
	assert_int_equal(person_edit(&app, "emp", &e, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "dissolved"));
	test_app_close(&app);
}

/* What people type: a unique prefix finds the team, case and umlauts aside;
 * an ambiguous one names the candidates; team_get stays exact. */
static void test_find(void **state)
{
	struct hop_app app;
	struct hop_team t;
	struct hop_err err;

	(void)state;
	test_app_open(&app, "admin", 1);
	assert_int_equal(team_add(&app, "Referat 11 – Digitalisierung", NULL, &err), HOP_OK);
	assert_int_equal(team_add(&app, "Referat 12 – Bürgerservice", NULL, &err), HOP_OK);
	assert_int_equal(team_find(&app, "Referat 11", &t, &err), HOP_OK);
	assert_string_equal(t.name, "Referat 11 – Digitalisierung");
	assert_int_equal(team_find(&app, "referat 12 – burger", &t, &err), HOP_OK);
	assert_string_equal(t.name, "Referat 12 – Bürgerservice");
	assert_int_equal(team_find(&app, "referat-12-buergerservice", &t, &err), HOP_OK);
	assert_int_equal(team_find(&app, "Referat 1", &t, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "could be 2 teams"));
	assert_non_null(strstr(err.msg, "Referat 12 – Bürgerservice"));
	assert_int_equal(team_find(&app, "Referat 3", &t, &err), HOP_ENOTFOUND);
	assert_int_equal(team_get(&app, "Referat 11", &t, &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slugify),
		cmocka_unit_test(test_add_and_get),
		cmocka_unit_test(test_edit_and_remove),
		cmocka_unit_test(test_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
