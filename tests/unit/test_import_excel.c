/* Importing what spreadsheets write and read: Windows-1252 from German
 * Excel, rows of nothing but separators, and cells a spreadsheet would run as
 * formulas, guarded on export and read back unchanged. */
#include "testutil.h"

#include "hop/base/csv.h"
#include "hop/core/import/import.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

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

static void test_encoding_errors(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "tester", 1);
	/* Windows-1252, as German Excel saves "CSV (Trennzeichen-getrennt)":
	 * read and converted, the dash and quotes included. */
	static const char cp1252[] = "login;name\r\njw;J\xFCrgen Wei\xDF\r\nab;\x84" "Anna\x93 \x96 B\xE4r\r\n";
	if (IMPORT(&app, cp1252, NULL, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	assert_string_equal(get(&app, "jw").name, "Jürgen Weiß");
	assert_string_equal(get(&app, "ab").name, "„Anna“ – Bär");
	assert_true(rep.cp1252);
	import_report_free(&rep);

	/* UTF-8 and then something else: refused, with the advice for what
	 * German Excel writes. */
	static const char mixed[] = "login;name\nmx;Jörg\nmy;J\xFCrgen\n";
	assert_int_equal(IMPORT(&app, mixed, NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:3: field 2 is not valid UTF-8, although the file is");
	expect_has(rep.messages, "'iconv -f WINDOWS-1252 -t UTF-8'");
	assert_false(exists(&app, "mx"));
	import_report_free(&rep);

	static const char nul[] = "login;name\nok;Gut\nx\0;y\n";
	assert_int_equal(IMPORT(&app, nul, NULL, &rep, &err), HOP_EINVAL);
	expect_has(rep.messages, "people.csv:3: the file contains a NUL byte");
	assert_false(exists(&app, "ok"));
	import_report_free(&rep);
	test_app_close(&app);
}

/* Rows of nothing but separators, as Excel leaves them below (and between)
 * the data: passed over, not errors. */
static void test_separator_rows(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "tester", 1);
	static const char text[] = ";;;\r\nlogin;name;email;team\r\n;;;\r\njw;Jürgen Weiß;;\r\n"
	                           " ; ;;\r\nab;Anna Berg;;\r\n;;;\r\n;;;;;;\r\n;\r\n";
	if (IMPORT(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 2);
	assert_int_equal(rep.errors, 0);
	assert_false(rep.cp1252);
	assert_true(exists(&app, "jw"));
	assert_true(exists(&app, "ab"));
	import_report_free(&rep);
	/* A file of nothing else is empty. */
	static const char only[] = ";;;\r\n;;\r\n";
	assert_int_equal(IMPORT(&app, only, NULL, &rep, &err), HOP_EINVAL);
	expect_has(err.msg, "people.csv: the file is empty");
	import_report_free(&rep);
	test_app_close(&app);
}

/* Names a spreadsheet would run as formulas go out with a quote in front,
 * and come back in without it. */
static void test_formula_names(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	char *out;
	(void)state;

	test_app_open(&app, "tester", 1);
	static const char text[] = "login;name\n"
	                           "f1;\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"Jürgen\"\")\"\n"
	                           "f2;@SUM(1+1)\nf3;-2+3\nf4;+49 Anna\n";
	if (IMPORT(&app, text, NULL, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	import_report_free(&rep);
	assert_string_equal(get(&app, "f1").name, "=HYPERLINK(\"http://x.invalid\",\"Jürgen\")");
	out = export_text(&app, ',', true);
	expect_has(out, "f1,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Jürgen\"\")\",");
	expect_has(out, "f2,'@SUM(1+1),");
	expect_has(out, "f3,'-2+3,");
	expect_has(out, "f4,'+49 Anna,");
	assert_int_equal(import_text(&app, out, strlen(out), NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 5);
	assert_int_equal(rep.updated, 0);
	import_report_free(&rep);
	free(out);
	out = export_text(&app, '\t', true);
	expect_has(out, "f3\t'-2+3\t");
	assert_int_equal(import_text(&app, out, strlen(out), NULL, &rep, &err), HOP_OK);
	assert_int_equal(rep.unchanged, 5);
	import_report_free(&rep);
	free(out);
	test_app_close(&app);
}

/* Every importer reads through the same machinery: desks too. */
static void test_separator_rows_desks(void **state)
{
	struct hop_app app;
	struct import_report rep;
	struct hop_err err;
	static const char text[] = "Platz;Standort;Etage;Zone\r\n;;;\r\n"
	                           "3.01;Hauptgebäude;3. OG;Zone Süd\r\n;;;;;;;;\r\n";
	struct import_options opt = { 0 };
	FILE *in = fmemopen((void *)text, sizeof text - 1, "r");
	(void)state;

	assert_non_null(in);
	test_app_open(&app, "admin", 1);
	if (site_add(&app, "Hauptgebäude", NULL, NULL, NULL, &err) != HOP_OK)
		fail_msg("%s", err.msg);
	if (import_desks(&app, in, "desks.csv", &opt, &rep, &err) != HOP_OK)
		fail_msg("%s: %s", err.msg, rep.messages ? rep.messages : "");
	assert_int_equal(rep.added, 1);
	import_report_free(&rep);
	fclose(in);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_separator_rows),
		cmocka_unit_test(test_separator_rows_desks),
		cmocka_unit_test(test_formula_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
