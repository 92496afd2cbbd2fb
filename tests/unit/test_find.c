/* People and teams as people name them: person_find and team_find (by login,
 * by name folded, by a word or the beginning of one; ambiguous and missing
 * references refused in words that help), and the folding and distance
 * under them (fold_key, fold_distance). */
#include "testutil.h"

#include "hop/base/fold.h"
#include "hop/cli/cli.h"
#include "hop/core/people/person.h"

static void add(struct hop_app *app, const char *login, const char *name, const char *team)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.start = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

/* What the command line prints after "hop: ". */
static const char *cli_text(const struct hop_err *err)
{
	static char text[HOP_ERR_MSG_MAX + CLI_ADVICE_MAX];
	char advice[CLI_ADVICE_MAX];

	snprintf(text, sizeof text, "%s%s", err->msg,
	         cli_advice(err->reason, &err->facts, advice, sizeof advice));
	return text;
}

static void org(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	assert_int_equal(team_add(app, "Referat Z 2 – Haushalt", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Referat Z 1 – Personal", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Personalrat", NULL, &err), HOP_OK);
	add(app, "jweiss", "Jürgen Weiß", "Referat Z 2 – Haushalt");
	add(app, "ostojanovic", "Ömer Stojanović", "Referat Z 1 – Personal");
	add(app, "mstojanovic", "Moritz Stojanović", NULL);
	add(app, "aberg", "Anna Berg", NULL);
	add(app, "akuehn", "Anna Kühn", NULL);
	add(app, "aschmidt", "Anna Schmidt", NULL);
	add(app, "annabell", "Annabell Roth", NULL);
}

static void found(struct hop_app *app, const char *text, const char *login)
{
	struct hop_person p;
	struct hop_err err;

	if (person_find(app, text, &p, &err) != HOP_OK)
		fail_msg("'%s': %s", text, err.msg);
	if (strcmp(p.login, login) != 0)
		fail_msg("'%s' found %s, not %s", text, p.login, login);
}

static void test_fold_key(void **state)
{
	char b[128];

	(void)state;
	assert_string_equal(fold_key("Referat Z 2 – Haushalt", FOLD_COLLAPSE, b, sizeof b),
	                    "referat z 2-haushalt");
	assert_string_equal(fold_key("  referat  z 2 -haushalt ", FOLD_COLLAPSE, b, sizeof b),
	                    "referat z 2-haushalt");
	/* Every dash alike: hyphen, non-breaking hyphen, figure dash, em dash, minus. */
	assert_string_equal(fold_key("a\u2010b\u2011c\u2012d\u2014e\u2212f", FOLD_A, b, sizeof b),
	                    "a-b-c-d-e-f");
	/* No-break spaces are blanks, a soft hyphen is nothing, newlines stay. */
	assert_string_equal(fold_key("Jürgen\u00a0Wei\u00adß\nX", FOLD_COLLAPSE, b, sizeof b),
	                    "jurgen weiss\nx");
	assert_string_equal(fold_key("Juergen Weiss", FOLD_COLLAPSE, b, sizeof b), "jurgen weiss");
	assert_true(fold_matches("Referat Z 2 – Haushalt", "z 2 - haus"));
	assert_true(fold_matches("Jürgen Weiß", "juergen  weiss"));
	assert_false(fold_matches("Jürgen Weiß", "weisz"));
}

static void test_fold_distance(void **state)
{
	(void)state;
	assert_int_equal(fold_distance("weiss", "weiss", 2), 0);
	assert_int_equal(fold_distance("wiess", "weiss", 2), 1);   /* a swap */
	assert_int_equal(fold_distance("weis", "weiss", 2), 1);
	assert_int_equal(fold_distance("boook", "book", 2), 1);
	assert_int_equal(fold_distance("abc", "xyz", 2), 3);       /* limit + 1 */
	assert_int_equal(fold_distance("a", "abcdef", 2), 3);      /* too far in length alone */
	assert_int_equal(fold_distance("", "", 0), 0);
}

static void test_person_by_login_and_name(void **state)
{
	struct hop_app app;

	(void)state;
	org(&app);
	found(&app, "jweiss", "jweiss");
	found(&app, "JWeiss", "jweiss");
	found(&app, "Jürgen Weiß", "jweiss");
	found(&app, "Juergen Weiss", "jweiss");
	found(&app, "jurgen weiss", "jweiss");
	found(&app, "  Jürgen   Weiß ", "jweiss");
	found(&app, "Ömer Stojanović", "ostojanovic");
	found(&app, "Oemer Stojanovic", "ostojanovic");
	/* The beginning of the name, or a word of it. */
	found(&app, "Jürgen W", "jweiss");
	found(&app, "weiß", "jweiss");
	found(&app, "Weiss", "jweiss");
	found(&app, "ömer", "ostojanovic");
	found(&app, "Annab", "annabell");
	/* A whole word wins over the beginning of a longer one ... */
	found(&app, "Kühn", "akuehn");
	test_app_close(&app);
}

static void test_person_ambiguous(void **state)
{
	struct hop_app app;
	struct hop_person p;
	struct hop_err err;

	(void)state;
	org(&app);
	/* ... but three people have the word "Anna" (Annabell only begins so). */
	assert_int_equal(person_find(&app, "Anna", &p, &err), HOP_EINVAL);
	assert_int_equal(err.reason, HOP_R_PERSON_AMBIGUOUS);
	assert_int_equal(err.facts.n, 3);
	assert_string_equal(cli_text(&err), "'Anna' names 3 people: Anna Berg (aberg), Anna Kühn "
	                    "(akuehn), Anna Schmidt (aschmidt); give the login or more of the name");
	assert_int_equal(person_find(&app, "Stojanović", &p, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "'Stojanović' names 2 people: Moritz Stojanović "
	                    "(mstojanovic), Ömer Stojanović (ostojanovic)");
	/* More than five: five named, the rest counted. */
	add(&app, "abraun", "Anna Braun", NULL);
	add(&app, "afuchs", "Anna Fuchs", NULL);
	add(&app, "aweber", "Anna Weber", NULL);
	assert_int_equal(person_find(&app, "anna", &p, &err), HOP_EINVAL);
	assert_string_equal(cli_text(&err), "'anna' names 6 people: Anna Berg (aberg), Anna Braun "
	                    "(abraun), Anna Fuchs (afuchs), Anna Kühn (akuehn), Anna Schmidt "
	                    "(aschmidt), ...; give the login or more of the name ('hop person list "
	                    "--search TEXT' lists them all)");
	/* Two of one name: the one written exactly as typed is meant. */
	add(&app, "jweiss2", "Jurgen Weiss", NULL);
	found(&app, "Jürgen Weiß", "jweiss");
	found(&app, "Jurgen Weiss", "jweiss2");
	assert_int_equal(person_find(&app, "jürgen weiss", &p, &err), HOP_EINVAL);
	test_app_close(&app);
}

static void test_person_miss(void **state)
{
	struct hop_app app;
	struct hop_person p;
	struct hop_err err;

	(void)state;
	org(&app);
	assert_int_equal(person_find(&app, "Jürgen Weoß", &p, &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_PERSON);
	assert_string_equal(cli_text(&err), "there is no person with the login or name 'Jürgen "
	                    "Weoß' (did you mean Jürgen Weiß, jweiss?); 'hop person list --all' "
	                    "shows everyone");
	/* A login mistyped is near the login. */
	assert_int_equal(person_find(&app, "jwiess", &p, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no person with the login 'jwiess' (did you mean "
	                    "Jürgen Weiß, jweiss?)");
	/* Nothing near: the words hop always had. */
	assert_int_equal(person_find(&app, "zed", &p, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no person with the login 'zed'");
	assert_string_equal(err.facts.login, "zed");
	assert_int_equal(person_find(&app, "Xaver Yilmaz", &p, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no person with the login or name 'Xaver Yilmaz'");
	/* Two as near are no suggestion. */
	add(&app, "jmayer", "Jan Mayer", NULL);
	add(&app, "jmeyer", "Jan Meyer", NULL);
	assert_int_equal(person_find(&app, "Jan Mxyer", &p, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no person with the login or name 'Jan Mxyer'");
	assert_int_equal(person_find(&app, "", &p, &err), HOP_ENOTFOUND);
	/* person_get stays exact: files name logins. */
	assert_int_equal(person_get(&app, "Jürgen Weiß", &p, &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

/* Someone who has left is found by their whole name, but a current
 * colleague comes first for a word or a beginning; and a suggestion names
 * only people still employed, as the list does. */
static void test_person_former(void **state)
{
	struct hop_app app;
	struct hop_person p;
	struct hop_err err;

	(void)state;
	org(&app);
	add(&app, "pweissmann", "Paul Weißmann", NULL);
	/* Jürgen Weiß's last day is today; a week on, he has left. */
	assert_int_equal(person_remove(&app, "jweiss", HOP_DATE_NONE, &err), HOP_OK);
	clock_set_today(date_from_ymd(2026, 11, 30));
	found(&app, "Jürgen Weiß", "jweiss");
	found(&app, "Weiß", "pweissmann");
	found(&app, "jweiss", "jweiss");
	assert_int_equal(person_remove(&app, "pweissmann", date_from_ymd(2026, 11, 27), &err),
	                 HOP_OK);
	assert_int_equal(person_find(&app, "Paul Weißman", &p, &err), HOP_OK);
	assert_int_equal(person_find(&app, "Paul Weoßmann", &p, &err), HOP_ENOTFOUND);
	assert_null(strstr(err.msg, "did you mean"));
	test_app_close(&app);
}

static void test_team(void **state)
{
	struct hop_app app;
	struct hop_team t;
	struct hop_err err;

	(void)state;
	org(&app);
	/* The en dash typed as a hyphen, blanks as they come. */
	assert_int_equal(team_find(&app, "Referat Z 2 - Haushalt", &t, &err), HOP_OK);
	assert_string_equal(t.name, "Referat Z 2 – Haushalt");
	assert_int_equal(team_find(&app, "referat z 2-haushalt", &t, &err), HOP_OK);
	assert_int_equal(team_find(&app, "Referat Z 2 — Haushalt", &t, &err), HOP_OK);
	assert_int_equal(team_find(&app, "Haushalt", &t, &err), HOP_OK);
	assert_string_equal(t.name, "Referat Z 2 – Haushalt");
	assert_int_equal(team_find(&app, "referat-z-2-haushalt", &t, &err), HOP_OK);
	/* "Personal" is a whole word of one team and the beginning of another. */
	assert_int_equal(team_find(&app, "Personal", &t, &err), HOP_OK);
	assert_string_equal(t.name, "Referat Z 1 – Personal");
	assert_int_equal(team_find(&app, "Referat Z", &t, &err), HOP_EINVAL);
	assert_int_equal(err.reason, HOP_R_TEAM_AMBIGUOUS);
	assert_string_equal(cli_text(&err), "'Referat Z' could be 2 teams: 'Referat Z 1 – "
	                    "Personal', 'Referat Z 2 – Haushalt'; give more of the name");
	assert_int_equal(team_find(&app, "Referat Z 3 - Haushalt", &t, &err), HOP_ENOTFOUND);
	assert_string_equal(cli_text(&err), "there is no team 'Referat Z 3 - Haushalt' (did you "
	                    "mean 'Referat Z 2 – Haushalt'?); 'hop team list' shows the teams");
	assert_int_equal(team_find(&app, "Nirgendwo", &t, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "there is no team 'Nirgendwo'");
	/* team_get stays exact: files name teams as they are. */
	assert_int_equal(team_get(&app, "Referat Z 2 - Haushalt", &t, &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_key),
		cmocka_unit_test(test_fold_distance),
		cmocka_unit_test(test_person_by_login_and_name),
		cmocka_unit_test(test_person_ambiguous),
		cmocka_unit_test(test_person_miss),
		cmocka_unit_test(test_person_former),
		cmocka_unit_test(test_team),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
