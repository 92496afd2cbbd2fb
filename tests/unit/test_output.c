/* Output formats: display widths, table alignment, CSV, TSV and JSON. */
#include <locale.h>

#include "testutil.h"

#include "hop/cli/cli.h"

static const char *const headers[] = { "Name", "Team" };
static const char *const keys[] = { "name", "team" };

/* Print t into a string (caller frees). */
static char *render(struct out_table *t)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	out_table_print(t, f);
	fclose(f);
	out_table_free(t);
	return buf;
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(out_display_width("Jürgen Weiß"), 11);
	assert_int_equal(out_display_width("Anna Berg"), 9);
	assert_int_equal(out_display_width("Şükrü Öztürk"), 12);
	assert_int_equal(out_display_width("日本"), 4);
	assert_int_equal(out_display_width(""), 0);
	/* A stray byte counts as one column and does not stop the count. */
	assert_int_equal(out_display_width("a\xFF" "b"), 3);
}

static void test_table(void **state)
{
	struct out_table *t = out_table_new(OUT_TABLE, 2, headers, keys, "TT");
	const char *r1[] = { "Jürgen Weiß", "Referat 11" };
	const char *r2[] = { "Anna Berg", "Öffentlichkeit" };
	const char *r3[] = { "Tab\there", NULL };
	char *s;

	(void)state;
	out_table_add(t, r1);
	out_table_add(t, r2);
	out_table_add(t, r3);
	s = render(t);
	/* The second column starts in column 13 on every line, whatever the bytes. */
	assert_string_equal(s,
		"Name         Team\n"
		"-----------  --------------\n"
		"Jürgen Weiß  Referat 11\n"
		"Anna Berg    Öffentlichkeit\n"
		"Tab here\n");
	free(s);
}

/* A table wider than the width: the text column is cut with "…", the
 * column that may be left out goes first and is named, logins stay whole. */
static void test_fit(void **state)
{
	static const char *const h[] = { "Login", "Name", "Site", "Note" };
	static const char *const k[] = { "login", "name", "site", "note" };
	const char *r1[] = { "jweiss", "Jürgen Weiß-Oberländer", "Dienstgebäude Mitte", NULL };
	const char *r2[] = { "aberg", "Anna Berg", "Außenstelle Nord", NULL };
	struct out_table *t;
	char *s;

	(void)state;
	out_set_width(0);
	t = out_table_new(OUT_TABLE, 4, h, k, "KT1a");
	out_table_add(t, r1);
	out_table_add(t, r2);
	s = render(t);
	assert_string_equal(s,
		"Login   Name                    Site                 Note\n"
		"------  ----------------------  -------------------  ----\n"
		"jweiss  Jürgen Weiß-Oberländer  Dienstgebäude Mitte\n"
		"aberg   Anna Berg               Außenstelle Nord\n");
	free(s);

	/* 40 columns: the empty Note goes unnamed, Site is left out and named,
	 * the name is cut; the note line breaks between words. */
	out_set_width(40);
	t = out_table_new(OUT_TABLE, 4, h, k, "KT1a");
	out_table_add(t, r1);
	out_table_add(t, r2);
	s = render(t);
	assert_string_equal(s,
		"Login   Name\n"
		"------  ----------------------\n"
		"jweiss  Jürgen Weiß-Oberländer\n"
		"aberg   Anna Berg\n"
		"(not shown: Site; --wide shows every\n"
		"column)\n");
	free(s);

	/* 20 columns: nothing more to leave out; the name is cut. */
	out_set_width(20);
	t = out_table_new(OUT_TABLE, 4, h, k, "KT1a");
	out_table_add(t, r1);
	s = render(t);
	assert_string_equal(s,
		"Login   Name\n"
		"------  ------------\n"
		"jweiss  Jürgen Weiß…\n"
		"(not shown: Site;\n"
		"--wide shows every\n"
		"column)\n");
	free(s);
	out_set_width(-1);
}

/* A last column that wraps goes on under itself, broken between words. */
static void test_wrap(void **state)
{
	static const char *const h[] = { "Day", "Detail" };
	static const char *const k[] = { "day", "detail" };
	const char *r1[] = { "2026-11-24", "desk 1.01 booked for Anna Berg, all day" };
	struct out_table *t;
	char *s;

	(void)state;
	out_set_width(30);
	t = out_table_new(OUT_TABLE, 2, h, k, "KW");
	out_table_add(t, r1);
	s = render(t);
	assert_string_equal(s,
		"Day         Detail\n"
		"----------  ------------------\n"
		"2026-11-24  desk 1.01 booked\n"
		"            for Anna Berg, all\n"
		"            day\n");
	free(s);
	/* The machine formats never change. */
	t = out_table_new(OUT_CSV, 2, h, k, "KW");
	out_table_add(t, r1);
	s = render(t);
	assert_string_equal(s, "day,detail\r\n2026-11-24,\"desk 1.01 booked for Anna Berg, all day\"\r\n");
	free(s);
	out_set_width(-1);
}

static void test_cut(void **state)
{
	int w;

	(void)state;
	assert_int_equal(out_cut_len("Jürgen", 3, &w), 4);
	assert_int_equal(w, 3);
	assert_int_equal(out_cut_len("日本語", 3, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(out_cut_len("abc", 10, &w), 3);
}

static void test_json(void **state)
{
	struct out_table *t = out_table_new(OUT_JSON, 2, headers, keys, NULL);
	const char *r1[] = { "Jürgen \"Jo\" Weiß\\", NULL };
	const char *r2[] = { "line\nnext\ttab\x01\x1f", "bad\xFFutf" };
	char *s;

	(void)state;
	out_table_add(t, r1);
	out_table_add(t, r2);
	s = render(t);
	assert_string_equal(s,
		"[\n"
		"  {\"name\": \"Jürgen \\\"Jo\\\" Weiß\\\\\", \"team\": null},\n"
		"  {\"name\": \"line\\nnext\\ttab\\u0001\\u001f\", \"team\": \"bad\\ufffdutf\"}\n"
		"]\n");
	free(s);
	s = render(out_table_new(OUT_JSON, 2, headers, keys, NULL));
	assert_string_equal(s, "[]\n");
	free(s);
}

static void test_csv_tsv(void **state)
{
	struct out_table *t = out_table_new(OUT_CSV, 2, headers, keys, NULL);
	const char *r1[] = { "Weiß, Jürgen", "Say \"hi\"" };
	const char *r2[] = { "a\tb", NULL };
	char *s;

	(void)state;
	out_table_add(t, r1);
	s = render(t);
	assert_string_equal(s, "name,team\r\n\"Weiß, Jürgen\",\"Say \"\"hi\"\"\"\r\n");
	free(s);
	t = out_table_new(OUT_TSV, 2, headers, keys, NULL);
	out_table_add(t, r2);
	s = render(t);
	assert_string_equal(s, "name\tteam\na b\t\n");
	free(s);
}

static void test_format_parse(void **state)
{
	enum out_format f;

	(void)state;
	assert_true(out_format_parse("json", &f));
	assert_int_equal(f, OUT_JSON);
	assert_true(out_format_parse("tsv", &f));
	assert_int_equal(f, OUT_TSV);
	assert_false(out_format_parse("xml", &f));
	assert_false(out_format_parse("JSON", &f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv_tsv),
		cmocka_unit_test(test_format_parse),
	};
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test_output: no C.UTF-8 locale; skipped\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
