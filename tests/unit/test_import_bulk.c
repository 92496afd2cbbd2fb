/* The people import of many rows: the same rows as person_add writes, the
 * check without the write lock and the look again under it when another hop
 * changed the data meanwhile, all or nothing for a large file, and the
 * staging table that nothing outlives. */
#include "testutil.h"

#include <sqlite3.h>

#include "hop/core/import/import.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"

static enum hop_status import_text(struct hop_app *app, const char *text,
                                   const struct import_options *opt, struct import_report *rep,
                                   struct hop_err *err)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	enum hop_status st;

	assert_non_null(f);
	st = import_people(app, f, "people.csv", opt, rep, err);
	fclose(f);
	return st;
}

/* The rows of a query as text, one line each. */
static char *rows_of(struct hop_app *app, const char *sql)
{
	sqlite3 *db = db_sqlite(app->db);
	sqlite3_stmt *st;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			fprintf(out, "%s|", t ? (const char *)t : "NULL");
		}
		fputc('\n', out);
	}
	sqlite3_finalize(st);
	fclose(out);
	return buf;
}

static long count_of(struct hop_app *app, const char *sql)
{
	char *s = rows_of(app, sql);
	long n = strtol(s, NULL, 10);
	free(s);
	return n;
}

/* What adding people leaves behind, without ids and times: the people,
 * their posts, the audit entries and the onboardings started. */
static char *added_state(struct hop_app *app)
{
	char *a = rows_of(app, "SELECT p.login, p.name, p.email, t.name, p.roles, p.start_date, "
	                       "p.end_date FROM person p LEFT JOIN team t ON t.id = p.team_id "
	                       "ORDER BY p.login");
	char *b = rows_of(app, "SELECT p.login, t.name, m.kind, m.start_on, m.end_on, m.host "
	                       "FROM membership m JOIN person p ON p.id = m.person_id "
	                       "JOIN team t ON t.id = m.team_id ORDER BY p.login, m.start_on");
	char *c = rows_of(app, "SELECT actor, action, object, detail FROM audit "
	                       "WHERE action <> 'import.people' ORDER BY action, object, detail");
	char *d = rows_of(app, "SELECT p.login, o.template, o.start_on, o.state, "
	                       "(SELECT count(*) FROM onboarding_step s WHERE s.onboarding_id = o.id) "
	                       "FROM onboarding o JOIN person p ON p.id = o.person_id ORDER BY p.login");
	char *all = malloc(strlen(a) + strlen(b) + strlen(c) + strlen(d) + 1);

	assert_non_null(all);
	strcpy(all, a);
	strcat(all, b);
	strcat(all, c);
	strcat(all, d);
	free(a);
	free(b);
	free(c);
	free(d);
	return all;
}

static const struct import_options create_teams = { .create_teams = true };

static hop_date iso(const char *s)
{
	hop_date d;
	if (!date_parse_iso(s, &d))
		fail_msg("not a date: %s", s);
	return d;
}

/* The rows of the file below, as person_add and person_edit write them. */
static void add_by_hand(struct hop_app *app)
{
	static const struct { const char *login, *name, *email, *team; unsigned roles;
	                      const char *start, *end; } v[] = {
		{ "jweiss", "Jürgen Weiß", "j.weiss@example.org", "Referat Z 1", 0, "2019-03-01", NULL },
		{ "soeztuerk", "Şükrü Öztürk", "", "Neues Referat", ROLE_EMPLOYEE | ROLE_LEAD,
		  "2027-01-15", NULL },
		{ "amueller", "Anna-Lena Müller", "", "", 0, NULL, "2027-06-30" },
		{ "bstrauss", "Björn Strauß", "b@example.org", "neues referat", 0, "2026-12-01",
		  "2027-12-31" },
	};
	struct hop_err err;

	if (team_add(app, "Neues Referat", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct hop_person p = { .roles = v[i].roles };
		snprintf(p.login, sizeof p.login, "%s", v[i].login);
		snprintf(p.name, sizeof p.name, "%s", v[i].name);
		snprintf(p.email, sizeof p.email, "%s", v[i].email);
		/* The file's second spelling names the same new team. */
		snprintf(p.team, sizeof p.team, "%s", strcmp(v[i].team, "neues referat") == 0 ?
		         "Neues Referat" : v[i].team);
		p.start = v[i].start ? iso(v[i].start) : HOP_DATE_NONE;
		if (person_add(app, &p, &err) != HOP_OK)
			fail_msg("person_add %s: %s", v[i].login, err.msg);
		if (v[i].end) {
			struct person_edit e = { .fields = PF_END, .end = iso(v[i].end) };
			if (person_edit(app, v[i].login, &e, &err) != HOP_OK)
				fail_msg("person_edit %s: %s", v[i].login, err.msg);
		}
	}
}

static void test_same_as_person_add(void **state)
{
	struct hop_app a, b;
	struct import_report rep;
	struct hop_err err;
	char *by_import, *by_hand;
	(void)state;

	test_app_open(&a, "tester", 1);
	test_app_open(&b, "tester", 1);
	if (team_add(&a, "Referat Z 1", NULL, &err) != HOP_OK ||
	    team_add(&b, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	/* People who start after today get an onboarding, as [onboarding]
	 * auto_start says. */
	a.cfg.onboarding_auto_start = b.cfg.onboarding_auto_start = true;
	if (template_add(&a, "Standard", NULL, 0, true, &err) != HOP_OK ||
	    template_add(&b, "Standard", NULL, 0, true, &err) != HOP_OK)
		fail_msg("template_add: %s", err.msg);
	if (import_text(&a, "login;name;email;team;roles;start;end\n"
	                "jweiss;Jürgen Weiß;j.weiss@example.org;Referat Z 1;;01.03.2019;\n"
	                "soeztuerk;Şükrü Öztürk;;Neues Referat;employee,lead;2027-01-15;\n"
	                "amueller;Anna-Lena Müller;;;;;30.06.2027\n"
	                "bstrauss;Björn Strauß;b@example.org;neues referat;;2026-12-01;2027-12-31\n",
	                &create_teams, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 4);
	assert_int_equal(rep.teams_created, 1);
	import_report_free(&rep);
	add_by_hand(&b);
	by_import = added_state(&a);
	by_hand = added_state(&b);
	assert_string_equal(by_import, by_hand);
	/* And the import's own entry. */
	assert_int_equal(count_of(&a, "SELECT count(*) FROM audit WHERE action = 'import.people' "
	                              "AND detail = 'added 4, updated 0, unchanged 0, teams created 1'"), 1);
	assert_int_equal(count_of(&a, "SELECT count(*) FROM onboarding"), 2);
	free(by_import);
	free(by_hand);
	test_app_close(&a);
	test_app_close(&b);
}

/* ---- another hop changes the data after the check, before the writing ---- */

/* A second connection to the same database, as another hop process. */
static void open_other(struct hop_app *other, const struct hop_app *app)
{
	struct hop_err err;

	memset(other, 0, sizeof *other);
	config_defaults(&other->cfg);
	snprintf(other->db_path, sizeof other->db_path, "%s", app->db_path);
	snprintf(other->actor.login, sizeof other->actor.login, "%s", app->actor.login);
	if (app_open_db(other, false, &err) != HOP_OK)
		fail_msg("open: %s", err.msg);
	app_resolve_actor(other, &err);
}

/* Run change on the other connection when the import begins to stage its
 * rows: every row has been checked then, and the write lock is not yet
 * taken (were it held, the other connection would wait and fail). */
struct meanwhile {
	struct hop_app *other;
	void (*change)(struct hop_app *other);
	bool done;
	int looks;          /* how often the import looked at who is there */
};

static int on_statement(unsigned type, void *ctx, void *p, void *x)
{
	struct meanwhile *m = ctx;
	const char *sql = sqlite3_sql(p);
	(void)type;
	(void)x;

	if (!sql)
		return 0;
	if (!m->done && m->change && strncmp(sql, "DELETE FROM person_stage", 24) == 0) {
		m->done = true;
		m->change(m->other);
	}
	if (strcmp(sql, "SELECT count(*) FROM person") == 0)
		m->looks++;
	return 0;
}

/* Import text while change (NULL: nothing) happens meanwhile; *looks: how
 * often the import looked at the database for every row. */
static enum hop_status import_meanwhile(struct hop_app *app, const char *text,
                                        const struct import_options *opt,
                                        void (*change)(struct hop_app *), int *looks,
                                        struct import_report *rep, struct hop_err *err)
{
	struct hop_app other;
	struct meanwhile m = { &other, change, false, 0 };
	enum hop_status st;

	open_other(&other, app);
	sqlite3_trace_v2(db_sqlite(app->db), SQLITE_TRACE_STMT, on_statement, &m);
	st = import_text(app, text, opt, rep, err);
	sqlite3_trace_v2(db_sqlite(app->db), 0, NULL, NULL);
	assert_true(m.done || !change);
	if (looks)
		*looks = m.looks;
	app_close(&other);
	return st;
}

/* Rows enough that the file is read in more than one piece. */
static char *file_of(const char *first, int more)
{
	size_t size = 64 + strlen(first) + (size_t)more * 64;
	char *s = malloc(size);
	size_t n;

	assert_non_null(s);
	n = (size_t)snprintf(s, size, "login,name,team\n%s\n", first);
	for (int i = 0; i < more; i++)
		n += (size_t)snprintf(s + n, size - n, "mehr%04d,Mehr Müller %d,Referat Z 1\n", i, i);
	return s;
}

static void dissolve_z2(struct hop_app *other)
{
	struct hop_err err;
	if (team_remove(other, "Referat Z 2", &err) != HOP_OK)
		fail_msg("team_remove: %s", err.msg);
}

static void test_team_dissolved_meanwhile(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("zuerst,Zoë Erst,Referat Z 2", 500);
	long people, memberships;
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK ||
	    team_add(&app, "Referat Z 2", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	people = count_of(&app, "SELECT count(*) FROM person");
	memberships = count_of(&app, "SELECT count(*) FROM membership");
	assert_int_equal(import_meanwhile(&app, text, NULL, dissolve_z2, NULL, &rep, &err), HOP_EINVAL);
	/* Only the look under the lock can have seen it: the first row was
	 * checked long before. */
	if (!rep.messages || !strstr(rep.messages, "people.csv:2: team 'Referat Z 2' was dissolved on 2026-11-23; choose an active team"))
		fail_msg("messages: %s", rep.messages ? rep.messages : "(none)");
	assert_non_null(strstr(err.msg, "people.csv: 1 of 501 rows has errors; nothing was imported"));
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person"), people);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM membership"), memberships);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM audit WHERE action = 'person.add' "
	                                "AND object LIKE 'person:mehr%'"), 0);

	/* The next import on the same connection starts from an empty stage. */
	free(text);
	text = file_of("zuerst,Zoë Erst,Referat Z 1", 500);
	if (import_text(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 501);
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person"), people + 501);
	free(text);
	test_app_close(&app);
}

static void add_zuerst(struct hop_app *other)
{
	struct hop_person p = { .roles = ROLE_EMPLOYEE };
	struct hop_err err;

	snprintf(p.login, sizeof p.login, "zuerst");
	snprintf(p.name, sizeof p.name, "Zoë Vorher");
	if (person_add(other, &p, &err) != HOP_OK)
		fail_msg("person_add: %s", err.msg);
}

static void test_login_taken_meanwhile(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("zuerst,Zoë Erst,Referat Z 1", 500);
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	if (import_meanwhile(&app, text, NULL, add_zuerst, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	/* Staged as new, written as what it has become: an edit. */
	assert_int_equal(rep.added, 500);
	assert_int_equal(rep.updated, 1);
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person WHERE login = 'zuerst'"), 1);
	free(text);
	text = rows_of(&app, "SELECT p.name, t.name FROM person p JOIN team t ON t.id = p.team_id "
	                     "WHERE p.login = 'zuerst'");
	assert_string_equal(text, "Zoë Erst|Referat Z 1|\n");
	free(text);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person WHERE login LIKE 'mehr%'"), 500);
	test_app_close(&app);
}

static void add_neues_referat(struct hop_app *other)
{
	struct hop_err err;
	if (team_add(other, "Neues Referat", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
}

static void test_team_made_meanwhile(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("zuerst,Zoë Erst,Neues Referat", 500);
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	if (import_meanwhile(&app, text, &create_teams, add_neues_referat, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 501);
	assert_int_equal(rep.teams_created, 0);
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM team WHERE name = 'Neues Referat'"), 1);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person p JOIN team t "
	                                "ON t.id = p.team_id WHERE p.login = 'zuerst' "
	                                "AND t.name = 'Neues Referat'"), 1);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM membership m JOIN person p "
	                                "ON p.id = m.person_id WHERE p.login = 'zuerst'"), 1);
	free(text);
	test_app_close(&app);
}

static void add_unrelated(struct hop_app *other)
{
	struct hop_err err;
	if (team_add(other, "Anderes Referat", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
}

static void test_unrelated_change_meanwhile(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	int looks;
	char *text = file_of("zuerst,Zoë Erst,Neues Referat", 500);
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	if (import_meanwhile(&app, text, &create_teams, add_unrelated, &looks, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	/* Looked again under the lock, found everything as staged. */
	assert_int_equal(looks, 2);
	assert_int_equal(rep.added, 501);
	assert_int_equal(rep.teams_created, 1);
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person p JOIN team t "
	                                "ON t.id = p.team_id WHERE t.name = 'Neues Referat'"), 1);
	free(text);
	test_app_close(&app);
}

/* Nothing changed meanwhile: one look at the database, without the lock. */
static void test_quiet_looks_once(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("zuerst,Zoë Erst,Neues Referat", 500);
	int looks;
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	if (import_meanwhile(&app, text, &create_teams, NULL, &looks, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(looks, 1);
	assert_int_equal(rep.added, 501);
	import_report_free(&rep);
	free(text);
	test_app_close(&app);
}

/* ---- a large file ---- */

/* Every row of every table, as text: equal means unchanged. */
static char *snapshot(struct hop_app *app)
{
	char *names = rows_of(app, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
	char *buf = NULL, *save = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	for (char *t = strtok_r(names, "|\n", &save); t; t = strtok_r(NULL, "|\n", &save)) {
		char q[300], *rows;
		snprintf(q, sizeof q, "SELECT * FROM \"%s\"", t);
		rows = rows_of(app, q);
		fprintf(out, "[%s]\n%s", t, rows);
		free(rows);
	}
	fclose(out);
	free(names);
	return buf;
}

static void test_bad_last_row_of_many(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("erste,Erste Zeile,Referat Z 1", 3000), *before, *after;
	size_t n = strlen(text);
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	text = realloc(text, n + 64);
	assert_non_null(text);
	strcpy(text + n, "letzte,Letzte Zeile,Referat 99\n");
	before = snapshot(&app);
	assert_int_equal(import_text(&app, text, NULL, &rep, &err), HOP_EINVAL);
	assert_string_equal(rep.messages, "people.csv:3003: there is no team 'Referat 99'; create it first or let the import create it\n");
	assert_non_null(strstr(err.msg, "people.csv: 1 of 3002 rows has errors; nothing was imported"));
	import_report_free(&rep);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(text);
	test_app_close(&app);
}

/* A small file in a larger organisation asks person by person; a large one
 * reads every login at once: both see who is there. */
static void test_small_and_large_files(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = file_of("erste,Erste Zeile,Referat Z 1", 40);
	(void)state;

	test_app_open(&app, "tester", 1);
	if (team_add(&app, "Referat Z 1", NULL, &err) != HOP_OK)
		fail_msg("team_add: %s", err.msg);
	if (import_text(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(rep.added, 41);
	import_report_free(&rep);
	/* 2 rows among 42 people: one by one. */
	if (import_text(&app, "login,name\nmehr0001,Mehr Müller 1\nneu,Ganz Neu\n", NULL, &rep,
	                &err) != HOP_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(rep.added, 1);
	assert_int_equal(rep.unchanged, 1);
	import_report_free(&rep);
	/* 41 rows again, one renamed: at once. */
	text[strlen("login,name,team\nerste,Erste ")] = 'z';
	if (import_text(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s", err.msg);
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.updated, 1);
	assert_int_equal(rep.unchanged, 40);
	import_report_free(&rep);
	assert_int_equal(count_of(&app, "SELECT count(*) FROM person WHERE name = 'Erste zeile'"), 1);
	free(text);
	test_app_close(&app);
}

/* German Excel's Windows-1252, many rows: every name converted. */
static void test_windows_1252_many(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *text = malloc(2000 * 40 + 64);
	size_t n;
	(void)state;

	assert_non_null(text);
	n = (size_t)sprintf(text, "Kennung;Name\r\n");
	for (int i = 0; i < 2000; i++)
		n += (size_t)sprintf(text + n, "w%04d;J\xfcrgen Wei\xdf %d \x96 \x84X\x93\r\n", i, i);
	test_app_open(&app, "tester", 1);
	if (import_text(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 2000);
	assert_true(rep.cp1252);
	import_report_free(&rep);
	free(text);
	text = rows_of(&app, "SELECT name FROM person WHERE login = 'w1999'");
	assert_string_equal(text, "Jürgen Weiß 1999 – „X“|\n");
	free(text);
	test_app_close(&app);
}

int main(void)
{
	/* The look into the database and the other writer at the right moment
	 * are SQLite's own (its handle, its statement trace); the import itself
	 * runs on PostgreSQL in tests/cli/test_import*.sh and test_pg.sh. */
	test_sqlite_only("this test reads and traces SQLite's handle");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_person_add),
		cmocka_unit_test(test_team_dissolved_meanwhile),
		cmocka_unit_test(test_login_taken_meanwhile),
		cmocka_unit_test(test_team_made_meanwhile),
		cmocka_unit_test(test_unrelated_change_meanwhile),
		cmocka_unit_test(test_quiet_looks_once),
		cmocka_unit_test(test_bad_last_row_of_many),
		cmocka_unit_test(test_small_and_large_files),
		cmocka_unit_test(test_windows_1252_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
