/* CSV writing: quoting, TSV, the guard against formulas, the byte-order
 * mark for Excel, and what is written reads back unchanged. */
#include "testutil.h"

#include "hop/base/csv.h"

/* A reader over a copy of text (n bytes, so NULs can be in it). */
struct src {
	FILE *f;
	char *buf;
	struct csv_reader *r;
};

static void src_open(struct src *s, const char *text, size_t n)
{
	s->buf = malloc(n + 1);
	assert_non_null(s->buf);
	memcpy(s->buf, text, n);
	s->f = fmemopen(s->buf, n, "r");
	assert_non_null(s->f);
	s->r = csv_open(s->f, "t.csv");
	assert_non_null(s->r);
}

static void src_close(struct src *s)
{
	csv_close(s->r);
	fclose(s->f);
	free(s->buf);
}

#define OPEN(s, lit) src_open(s, lit, sizeof(lit) - 1)

/* Read one record and compare it with the expected fields (NULL-terminated). */
static void expect_record(struct src *s, long line, const char *const *want)
{
	char **f;
	size_t n, i;
	long l;
	struct hop_err err = { 0 };
	int rc = csv_next(s->r, &f, &n, &l, &err);

	if (rc != 1)
		fail_msg("csv_next = %d: %s", rc, err.msg);
	assert_int_equal(l, line);
	for (i = 0; want[i]; i++) {
		if (i >= n)
			fail_msg("only %zu fields, expected '%s'", n, want[i]);
		assert_string_equal(f[i], want[i]);
	}
	assert_int_equal(n, i);
}

static void expect_end(struct src *s)
{
	char **f;
	size_t n;
	long l;
	struct hop_err err = { 0 };
	assert_int_equal(csv_next(s->r, &f, &n, &l, &err), 0);
	/* and stays at the end */
	assert_int_equal(csv_next(s->r, &f, &n, &l, &err), 0);
}

#define REC(s, line, ...) expect_record(s, line, (const char *const[]){ __VA_ARGS__, NULL })

static char *write_to_string(char sep, const char *const *fields, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	csv_write_record(f, sep, fields, n);
	fclose(f);
	return buf;
}

static void test_writer(void **state)
{
	const char *plain[] = { "jweiss", "Jürgen Weiß", "", NULL };
	const char *tricky[] = { "a,b", "say \"hi\"", "two\nlines", " lead", "trail ", "x;y" };
	const char *tsv[] = { "a\tb", "c\nd\r\ne", "\"q\"" };
	char *s;
	(void)state;

	s = write_to_string(',', plain, 4);
	assert_string_equal(s, "jweiss,Jürgen Weiß,,\r\n");
	free(s);
	s = write_to_string(',', tricky, 6);
	assert_string_equal(s, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",\"trail \",x;y\r\n");
	free(s);
	s = write_to_string(';', tricky, 6);
	assert_string_equal(s, "a,b;\"say \"\"hi\"\"\";\"two\nlines\";\" lead\";\"trail \";\"x;y\"\r\n");
	free(s);
	s = write_to_string('\t', tsv, 3);
	assert_string_equal(s, "a b\tc d  e\t\"q\"\n");
	free(s);
}

static void test_write_read_round_trip(void **state)
{
	const char *rows[3][5] = {
		{ "login", "name", "note", "x", "y" },
		{ "soez", "Şükrü Öztürk", "a,b;c", "say \"hi\"\nnext line", " both " },
		{ "", "\"", "\"\"", ",", ";" },
	};
	char seps[] = { ',', ';' };
	(void)state;

	for (size_t k = 0; k < sizeof seps; k++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		struct src s;

		for (int i = 0; i < 3; i++)
			csv_write_record(f, seps[k], rows[i], 5);
		fclose(f);
		src_open(&s, buf, len);
		free(buf);
		REC(&s, 1, "login", "name", "note", "x", "y");
		assert_int_equal(csv_separator(s.r), seps[k]);
		REC(&s, 2, "soez", "Şükrü Öztürk", "a,b;c", "say \"hi\"\nnext line", " both ");
		REC(&s, 4, "", "\"", "\"\"", ",", ";");
		expect_end(&s);
		src_close(&s);
	}
}

static void test_formula_guard(void **state)
{
	const char *cells[] = {
		"=HYPERLINK(\"http://x.invalid\",\"klick\")", "@SUM(1+1)", "-2+3", "+49 30 1234",
		"-2", "-0,25", "3.5", "+7", "'=x", "''-1", "\tx", "\rx", "", "-", "a=b", "'plain",
		"- bring ID", "=a,b", "\nx",
	};
	const size_t n = sizeof cells / sizeof cells[0];
	char *s;
	(void)state;

	s = write_to_string(',', cells, n);
	assert_string_equal(s, "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klick\"\")\",'@SUM(1+1),"
	                       "'-2+3,'+49 30 1234,-2,\"-0,25\",3.5,+7,''=x,'''-1,\"'\tx\",\"'\rx\",,"
	                       "'-,a=b,'plain,'- bring ID,\"'=a,b\",\"'\nx\"\r\n");
	free(s);
	s = write_to_string(';', cells, n);
	assert_string_equal(s, "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klick\"\")\""
	                       ";'@SUM(1+1);"
	                       "'-2+3;'+49 30 1234;-2;-0,25;3.5;+7;''=x;'''-1;\"'\tx\";\"'\rx\";;"
	                       "'-;a=b;'plain;'- bring ID;'=a,b;\"'\nx\"\r\n");
	free(s);
	/* TSV: a tab or CR becomes a blank, harmless; the rest as in CSV. */
	s = write_to_string('\t', cells, n);
	assert_string_equal(s, "'=HYPERLINK(\"http://x.invalid\",\"klick\")\t'@SUM(1+1)\t'-2+3\t"
	                       "'+49 30 1234\t-2\t-0,25\t3.5\t+7\t''=x\t'''-1\t x\t x\t\t'-\ta=b\t"
	                       "'plain\t'- bring ID\t'=a,b\t x\n");
	free(s);

	/* Read back, every cell is what was written. */
	for (int k = 0; k < 2; k++) {
		char sep = k ? ';' : ',';
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		const char *head[] = { "h", "i" };
		struct src src;
		char **fl;
		size_t nf;
		long l;
		struct hop_err err = { 0 };

		assert_non_null(f);
		csv_write_record(f, sep, head, 2);
		csv_write_record(f, sep, cells, n);
		fclose(f);
		src_open(&src, buf, len);
		free(buf);
		REC(&src, 1, "h", "i");
		if (csv_next(src.r, &fl, &nf, &l, &err) != 1)
			fail_msg("%s", err.msg);
		assert_int_equal(nf, n);
		/* (but for the CR inside quotes, which is read as LF) */
		for (size_t i = 0; i < n; i++)
			assert_string_equal(fl[i], strcmp(cells[i], "\rx") == 0 ? "\nx" : cells[i]);
		src_close(&src);
	}
	/* A quote typed before a formula in a spreadsheet goes too. */
	{
		struct src src;
		OPEN(&src, "a;b;c\n'=1+1;'x;''@y\n");
		REC(&src, 1, "a", "b", "c");
		REC(&src, 2, "=1+1", "'x", "'@y");
		src_close(&src);
	}
}

static void test_bom(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *row[] = { "login", "Jürgen Weiß" };
	struct src s;
	(void)state;

	assert_non_null(f);
	csv_write_bom(f);
	csv_write_record(f, ';', row, 2);
	fclose(f);
	assert_string_equal(buf, "\xEF\xBB\xBFlogin;Jürgen Weiß\r\n");
	src_open(&s, buf, len);
	free(buf);
	REC(&s, 1, "login", "Jürgen Weiß");
	assert_int_equal(csv_separator(s.r), ';');
	src_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_write_read_round_trip),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_bom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
