/* Importing people from CSV: all rows or none, every problem named with its
 * line, German spreadsheets, updates, and export -> import round trips. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/base/csv.h"
#include "hop/core/import/import.h"
#include "hop/core/people/person.h"

/* The tables and their columns, from either engine's catalogue. */
#define SQLITE_COLUMNS "SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c " \
	"WHERE m.type = 'table' ORDER BY m.name, c.cid"
#define PG_COLUMNS "SELECT table_name, column_name FROM information_schema.columns " \
	"WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"

/* One table's rows, every column as text, in the order of their values. */
static void dump_table(struct hop_app *app, FILE *out, const char *table, char **cols, int n)
{
	char q[4096];
	size_t len = (size_t)snprintf(q, sizeof q, "SELECT ");
	struct hop_err err;
	struct db_stmt *st;

	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(q + len, sizeof q - len, "%s\"%s\"", i ? ", " : "", cols[i]);
	len += (size_t)snprintf(q + len, sizeof q - len, " FROM \"%s\" ORDER BY ", table);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(q + len, sizeof q - len, "%s%d", i ? ", " : "", i + 1);
	assert_true(len < sizeof q);
	fprintf(out, "[%s]\n", q);
	if (!(st = db_raw_stmt(app->db, q, &err)))
		fail_msg("%s", err.msg);
	while (db_step(st) == DB_ROW) {
		for (int i = 0; i < n; i++) {
			const char *t = db_col_text(st, i);
			fprintf(out, "%s|", t ? t : "NULL");
		}
		fputc('\n', out);
	}
	db_raw_free(st);
}

/* Every row of every table, as text: two equal snapshots mean an unchanged
 * database. */
static char *snapshot(struct hop_app *app)
{
	bool pg = strcmp(db_driver_name(app->db), "postgresql") == 0;
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, pg ? PG_COLUMNS : SQLITE_COLUMNS, &err);
	char table[128] = "", *cols[64];
	int n = 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	if (!st)
		fail_msg("%s", err.msg);
	for (;;) {
		bool row = db_step(st) == DB_ROW;
		if (n && (!row || strcmp(db_col_text(st, 0), table) != 0)) {
			dump_table(app, out, table, cols, n);
			while (n)
				free(cols[--n]);
		}
		if (!row)
			break;
		snprintf(table, sizeof table, "%s", db_col_text(st, 0));
		assert_true(n < 64);
		cols[n++] = strdup(db_col_text(st, 1));
	}
	db_raw_free(st);
	fclose(out);
	return buf;
}

static enum hop_status import_text(struct hop_app *app, const char *text, size_t n,
                                   const struct import_options *opt,
                                   struct import_report *rep, struct hop_err *err)
{
	FILE *f = fmemopen((void *)text, n, "r");
	enum hop_status st;

	assert_non_null(f);
	st = import_people(app, f, "people.csv", opt, rep, err);
	fclose(f);
	return st;
}

#define IMPORT(app, lit, opt, rep, err) import_text(app, lit, sizeof(lit) - 1, opt, rep, err)

static void expect_has(const char *text, const char *want)
{
	if (!text || !strstr(text, want))
		fail_msg("'%s' lacks '%s'", text ? text : "(null)", want);
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

static struct hop_person get(struct hop_app *app, const char *login)
{
	struct hop_person p;
	struct hop_err err;
	if (person_get(app, login, &p, &err) != HOP_OK)
		fail_msg("person_get %s: %s", login, err.msg);
	return p;
}

static bool exists(struct hop_app *app, const char *login)
{
	struct hop_person p;
	struct hop_err err;
	return person_get(app, login, &p, &err) == HOP_OK;
}

static const struct import_options create_teams = { .create_teams = true };

static void test_german_excel(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	struct hop_person p;
	(void)state;

	test_app_open(&app, "tester", 1);
	/* As German Excel writes "CSV UTF-8": BOM, semicolons, CRLF, German
	 * column names, quoted fields with a semicolon and with a line break. */
	static const char text[] =
		"\xEF\xBB\xBF" "Kennung;Name;E-Mail;Team;Rollen;Eintritt;Austritt\r\n"
		"jweiss;Jürgen Weiß;j.weiss@example.org;Referat Z 1;mitarbeiter;01.03.2019;\r\n"
		"soeztuerk;\"Öztürk; Şükrü\";;Referat Z 1;\"employee,lead\";2020-01-15;\r\n"
		"\"amueller\";\"Anna\r\nMüller\";a.mueller@example.org;IT 2;;1.8.2024;31.12.2026\r\n";
	assert_int_equal(IMPORT(&app, text, &create_teams, &rep, &err), HOP_EINVAL);
	/* A line break in a name is a control character: refused, with its line. */
	expect_has(rep.messages, "people.csv:4: the name contains a control character");
	assert_int_equal(rep.errors, 1);
	expect_has(err.msg, "people.csv: 1 of 3 rows has errors; nothing was imported");
	assert_false(exists(&app, "jweiss"));
	import_report_free(&rep);

	static const char fixed[] =
		"\xEF\xBB\xBF" "Kennung;Name;E-Mail;Team;Rollen;Eintritt;Austritt\r\n"
		"jweiss;Jürgen Weiß;j.weiss@example.org;Referat Z 1;mitarbeiter;01.03.2019;\r\n"
		"soeztuerk;\"Öztürk; Şükrü\";;Referat Z 1;\"employee,lead\";2020-01-15;\r\n"
		"\"amueller\";\"Anna \"\"Anni\"\" Müller\";a.mueller@example.org;IT 2;;1.8.2024;31.12.2026\r\n";
	if (IMPORT(&app, fixed, &create_teams, &rep, &err) != HOP_OK)
		fail_msg("import: %s / %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 3);
	assert_int_equal(rep.updated, 0);
	assert_int_equal(rep.unchanged, 0);
	assert_int_equal(rep.teams_created, 2);
	assert_int_equal(rep.errors, 0);
	assert_null(rep.messages);
	import_report_free(&rep);

	p = get(&app, "jweiss");
	assert_string_equal(p.name, "Jürgen Weiß");
	assert_string_equal(p.email, "j.weiss@example.org");
	assert_string_equal(p.team, "Referat Z 1");
	assert_int_equal(p.roles, ROLE_EMPLOYEE);
	assert_int_equal(p.start, date_from_ymd(2019, 3, 1));
	assert_int_equal(p.end, HOP_DATE_NONE);
	p = get(&app, "soeztuerk");
	assert_string_equal(p.name, "Öztürk; Şükrü");
	assert_string_equal(p.email, "");
	assert_int_equal(p.roles, ROLE_EMPLOYEE | ROLE_LEAD);
	p = get(&app, "amueller");
	assert_string_equal(p.name, "Anna \"Anni\" Müller");
	assert_string_equal(p.team, "IT 2");
	assert_int_equal(p.start, date_from_ymd(2024, 8, 1));
	assert_int_equal(p.end, date_from_ymd(2026, 12, 31));

	/* One audit entry for the import itself. */
	struct hop_audit_list l = { 0 };
	struct audit_filter f = { .object = "file:people.csv" };
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].action, "import.people");
	expect_has(l.v[0].detail, "added 3, updated 0, unchanged 0, teams created 2");
	audit_list_free(&l);
	test_app_close(&app);
}

static void test_all_or_nothing(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *before, *after;
	(void)state;

	test_app_open(&app, "tester", 1);
	before = snapshot(&app);
	static const char text[] =
		"login,name,team\n"
		"a1,Anna Eins,Neues Team\n"
		"a2,Anna Zwei,Neues Team\n"
		"BAD LOGIN,Anna Drei,\n"
		"a4,Anna Vier,Neues Team\n";
	assert_int_equal(IMPORT(&app, text, &create_teams, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:4: the login 'BAD LOGIN' is not a Unix login");
	assert_int_equal(rep.errors, 1);
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.teams_created, 0);
	expect_has(err.msg, "people.csv: 1 of 4 rows has errors; nothing was imported");
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);
	import_report_free(&rep);

	/* The same with a failure that only the write can find is impossible to
	 * provoke from a file; a dry run of a good file also leaves no trace. */
	static const struct import_options dry = { .dry_run = true, .create_teams = true };
	static const char good[] = "login,name,team\na1,Anna Eins,Neues Team\na2,Anna Zwei,\n";
	assert_int_equal(IMPORT(&app, good, &dry, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 2);
	assert_int_equal(rep.teams_created, 1);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);
	import_report_free(&rep);
	free(before);
	test_app_close(&app);
}

static void test_every_bad_row_reported(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *before, *after;
	(void)state;

	test_app_open(&app, "tester", 1);
	before = snapshot(&app);
	static const char text[] =
		"login;name;email;team;roles;start_date;end_date\n"       /* 1 */
		"good1;Gut Eins;g1@example.org;;;2026-01-01;\n"          /* 2 */
		"Bad;Falsch Login;;;;;\n"                                 /* 3 */
		"nomail;Ohne Mail;kein-at-zeichen;;;;\n"                  /* 4 */
		"feb;Feb Ruar;;;;31.02.2026;\n"                           /* 5 */
		"noteam;Kein Team;;Gibt es nicht;;;\n"                    /* 6 */
		"norole;Keine Rolle;;;chef;;\n"                           /* 7 */
		"backw;Rück Wärts;;;;2026-05-01;2026-04-30\n"             /* 8 */
		"good1;Gut Doppelt;;;;;\n"                                /* 9 */
		"short;Zu Kurz\n"                                         /* 10 */
		";;x@example.org;;;;\n"                                  /* 11 */
		"rel;Relativ;;;;tomorrow;\n"                              /* 12 */
		"good2;Gut Zwei;;;;;\n";                                  /* 13 */
	assert_int_equal(IMPORT(&app, text, NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:3: the login 'Bad' is not a Unix login");
	expect_has(rep.messages, "people.csv:4: 'kein-at-zeichen' is not an e-mail address");
	expect_has(rep.messages, "people.csv:5: start_date: '31.02.2026' is not a date: February 2026 has 28 days");
	expect_has(rep.messages, "people.csv:6: there is no team 'Gibt es nicht'");
	expect_has(rep.messages, "people.csv:7: roles: ");
	expect_has(rep.messages, "chef");
	expect_has(rep.messages, "people.csv:8: the end date 2026-04-30 is before the start date 2026-05-01");
	expect_has(rep.messages, "people.csv:9: the login 'good1' is already on line 2");
	expect_has(rep.messages, "people.csv:10: the row has 2 fields but the header has 7 columns");
	expect_has(rep.messages, "people.csv:11: the login is empty");
	expect_has(rep.messages, "people.csv:11: the name is empty");
	expect_has(rep.messages, "people.csv:12: start_date: 'tomorrow' is not a date; write it as YYYY-MM-DD or DD.MM.YYYY");
	assert_null(strstr(rep.messages, "people.csv:2:"));
	assert_null(strstr(rep.messages, "people.csv:13:"));
	/* In line order, one problem per line. */
	assert_true(strstr(rep.messages, "people.csv:3:") < strstr(rep.messages, "people.csv:12:"));
	assert_int_equal(count_lines(rep.messages), 11);
	assert_int_equal(rep.errors, 10);
	expect_has(err.msg, "people.csv: 10 of 12 rows have errors; nothing was imported");
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(before);
	free(after);
	import_report_free(&rep);
	test_app_close(&app);
}

static void test_header_errors(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "tester", 1);
	assert_int_equal(IMPORT(&app, "login;name;phone\nx;y;1\n", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv:1: unknown column 'phone'; the columns are login, name, email, team, roles, start_date, end_date");
	import_report_free(&rep);

	assert_int_equal(IMPORT(&app, "login;name;Kennung\nx;y;z\n", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv:1: columns 1 ('login') and 3 ('Kennung') both give the login");
	import_report_free(&rep);

	assert_int_equal(IMPORT(&app, "login;email\nx;y\n", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv:1: the header has no column 'name'");
	import_report_free(&rep);

	assert_int_equal(IMPORT(&app, "name\nx\n", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "the header has no column 'login'");
	import_report_free(&rep);

	assert_int_equal(IMPORT(&app, "login;;name\n", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv:1: column 2 of the header has no name");
	import_report_free(&rep);

	assert_int_equal(IMPORT(&app, "", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv: the file is empty");
	import_report_free(&rep);

	/* Header only: nothing to do, and that is fine. */
	assert_int_equal(IMPORT(&app, " LOGIN ; Name \r\n", NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.added + rep.updated + rep.unchanged, 0);
	import_report_free(&rep);
	test_app_close(&app);
}

static void test_update_existing(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	struct hop_person p;
	(void)state;

	test_app_open(&app, "tester", 1);
	static const char first[] =
		"login,name,email,team,roles,start_date\n"
		"jweiss,Jürgen Weiß,jw@example.org,Z 1,employee,2019-03-01\n"
		"aberg,Anna Berg,ab@example.org,Z 1,\"employee,lead\",2018-01-01\n"
		"ckoch,Clara Koch,ck@example.org,Z 2,employee,2021-06-01\n";
	assert_int_equal(IMPORT(&app, first, &create_teams, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 3);
	import_report_free(&rep);

	/* A file without the email column leaves e-mail alone; an empty team
	 * cell takes the team away; an empty roles cell keeps the roles. */
	static const char second[] =
		"Benutzer;Name;Team;Rollen;Austritt\n"
		"jweiss;Jürgen Weiß;Z 1;employee;\n"           /* unchanged */
		"aberg;Anna Berg-Schmidt;Z 1;;\n"              /* name */
		"ckoch;Clara Koch;;employee;30.06.2027\n"      /* team, end */
		"dneu;Dieter Neu;Z 2;;\n";                     /* new */
	assert_int_equal(IMPORT(&app, second, NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 1);
	assert_int_equal(rep.updated, 2);
	assert_int_equal(rep.unchanged, 1);
	assert_int_equal(rep.teams_created, 0);
	import_report_free(&rep);

	p = get(&app, "aberg");
	assert_string_equal(p.name, "Anna Berg-Schmidt");
	assert_string_equal(p.email, "ab@example.org");
	assert_int_equal(p.roles, ROLE_EMPLOYEE | ROLE_LEAD);
	p = get(&app, "ckoch");
	assert_string_equal(p.team, "");
	assert_string_equal(p.email, "ck@example.org");
	assert_int_equal(p.end, date_from_ymd(2027, 6, 30));
	p = get(&app, "dneu");
	assert_string_equal(p.team, "Z 2");
	assert_int_equal(p.start, date_from_ymd(2026, 11, 23));   /* today */
	assert_int_equal(p.roles, ROLE_EMPLOYEE);

	/* An end date before the start date already in the database. */
	static const char third[] = "login;name;end_date\njweiss;Jürgen Weiß;2019-02-28\n";
	assert_int_equal(IMPORT(&app, third, NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:2: the end date 2019-02-28 is before the start date 2019-03-01");
	import_report_free(&rep);

	/* Importing the same file again changes nothing and logs nothing. */
	struct hop_audit_list l1 = { 0 }, l2 = { 0 };
	struct audit_filter af = { 0 };
	assert_int_equal(audit_list(&app, &af, &l1, &err), HOP_OK);
	assert_int_equal(IMPORT(&app, second, NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 4);
	assert_int_equal(rep.added + rep.updated, 0);
	assert_int_equal(audit_list(&app, &af, &l2, &err), HOP_OK);
	assert_int_equal(l1.n, l2.n);
	audit_list_free(&l1);
	audit_list_free(&l2);
	import_report_free(&rep);
	test_app_close(&app);
}

static void test_teams_must_exist(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "tester", 1);
	static const char text[] = "login,name,team\nx1,Xaver Eins,Neu\nx2,Xaver Zwei,neu\n";
	assert_int_equal(IMPORT(&app, text, NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:2: there is no team 'Neu'");
	expect_has(rep.messages, "people.csv:3: there is no team 'neu'");
	import_report_free(&rep);
	/* With create_teams: one team, spelled as first written. */
	assert_int_equal(IMPORT(&app, text, &create_teams, &rep, &err), HOP_OK);
	assert_int_equal(rep.teams_created, 1);
	assert_string_equal(get(&app, "x2").team, "Neu");
	import_report_free(&rep);
	test_app_close(&app);
}

static char *export_text(struct hop_app *app, char sep, bool all)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct hop_err err;

	assert_non_null(f);
	if (export_people(app, f, sep, all, &err) != HOP_OK)
		fail_msg("export: %s", err.msg);
	fclose(f);
	return buf;
}

static void test_round_trip(void **state)
{
	struct hop_app a, b;
	struct import_report rep;
	struct hop_err err;
	char *out1, *out2, *out3;
	(void)state;

	test_app_open(&a, "tester", 1);
	static const char text[] =
		"login;name;email;team;roles;start_date;end_date\n"
		"jweiss;\"Weiß, Jürgen\";jw@example.org;Referat Z 1;employee,lead;2019-03-01;\n"
		"soez;Şükrü Öztürk;;Referat Z 1;employee;2020-01-15;\n"
		"quote;\"Anna \"\"Anni\"\" Berg\";;IT;hr;2021-01-01;2026-01-31\n"
		"ohne;Ohne Team;;;employee,facilities;2022-02-02;\n";
	if (IMPORT(&a, text, &create_teams, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	import_report_free(&rep);

	out1 = export_text(&a, ',', true);
	assert_non_null(strstr(out1, "login,name,email,team,roles,start_date,end_date\r\n"));
	assert_non_null(strstr(out1, "jweiss,\"Weiß, Jürgen\",jw@example.org,Referat Z 1,\"employee,lead\",2019-03-01,\r\n"));
	assert_non_null(strstr(out1, "quote,\"Anna \"\"Anni\"\" Berg\",,IT,hr,2021-01-01,2026-01-31\r\n"));
	/* Without --all, people who have left are not exported. */
	out3 = export_text(&a, ',', false);
	assert_null(strstr(out3, "quote,"));
	free(out3);

	/* Into the same database: all unchanged. */
	assert_int_equal(import_text(&a, out1, strlen(out1), NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 5);
	assert_int_equal(rep.added + rep.updated, 0);
	import_report_free(&rep);

	/* Into a fresh database: the same export comes out again, as CSV with
	 * semicolons too. */
	test_app_open(&b, "tester", 1);
	if (import_text(&b, out1, strlen(out1), &create_teams, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 4);
	assert_int_equal(rep.unchanged, 1);
	import_report_free(&rep);
	out2 = export_text(&b, ',', true);
	assert_string_equal(out1, out2);
	free(out2);
	out2 = export_text(&b, ';', true);
	assert_non_null(strstr(out2, "jweiss;Weiß, Jürgen;jw@example.org;Referat Z 1;employee,lead;2019-03-01;\r\n"));
	assert_int_equal(import_text(&b, out2, strlen(out2), NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 5);
	import_report_free(&rep);
	free(out2);
	out2 = export_text(&b, '\t', true);
	assert_non_null(strstr(out2, "login\tname\temail\tteam\troles\tstart_date\tend_date\n"));
	assert_int_equal(import_text(&b, out2, strlen(out2), NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 5);
	import_report_free(&rep);
	free(out2);
	test_app_close(&b);

	free(out1);
	test_app_close(&a);
}

static void test_huge_field(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *before, *after;
	FILE *f = tmpfile();
	char chunk[4096];
	(void)state;

	test_app_open(&app, "tester", 1);
	before = snapshot(&app);
	assert_non_null(f);
	fputs("login;name\nok;Gut\nbig;\"", f);
	memset(chunk, 'x', sizeof chunk);
	for (int i = 0; i < 10 * 256; i++)
		fwrite(chunk, 1, sizeof chunk, f);
	fputs("\"\n", f);
	rewind(f);
	assert_int_equal(import_people(&app, f, "people.csv", NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:3: field 2 is longer than 65536 bytes");
	expect_has(err.msg, "people.csv: 1 of 2 rows has errors; nothing was imported");
	assert_true(ftell(f) < 1024 * 1024);
	fclose(f);
	import_report_free(&rep);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);

	/* The same as the first data row: the reader's error is the error. */
	f = tmpfile();
	fputs("login;name\nbig;\"", f);
	for (int i = 0; i < 10 * 256; i++)
		fwrite(chunk, 1, sizeof chunk, f);
	rewind(f);
	assert_int_equal(import_people(&app, f, "people.csv", NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv:2: field 2 is longer than 65536 bytes");
	expect_has(err.msg, "nothing was imported");
	fclose(f);
	import_report_free(&rep);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);
	free(before);
	test_app_close(&app);
}

static void test_permissions(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *before, *after;
	(void)state;

	test_app_open(&app, "tester", 1);
	static const char staff[] =
		"login;name;roles\nemp;Eva Mitarbeiterin;employee\nhrp;Hanna Personal;hr\n";
	assert_int_equal(IMPORT(&app, staff, NULL, &rep, &err), HOP_OK);
	import_report_free(&rep);

	before = snapshot(&app);
	test_act_as(&app, "emp");
	assert_int_equal(IMPORT(&app, "login;name\nneu;Neu Person\n", NULL, &rep, &err), HOP_EPERM);
	assert_null(rep.messages);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);
	import_report_free(&rep);

	/* HR may import, but not hand out the admin role. */
	test_act_as(&app, "hrp");
	assert_int_equal(IMPORT(&app, "login;name;roles\nneu;Neu Person;admin\nok;Gut;employee\n",
	                        NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:2: ");
	assert_int_equal(rep.errors, 1);
	after = snapshot(&app);
	assert_string_equal(before, after);
	free(after);
	import_report_free(&rep);
	assert_int_equal(IMPORT(&app, "login;name\nneu;Neu Person\n", NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 1);
	import_report_free(&rep);
	free(before);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_german_excel),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_every_bad_row_reported),
		cmocka_unit_test(test_header_errors),
		cmocka_unit_test(test_update_existing),
		cmocka_unit_test(test_teams_must_exist),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_huge_field),
		cmocka_unit_test(test_permissions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
