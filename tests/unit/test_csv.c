/* CSV reading and writing: separators, quoting, encodings, limits. */
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

static void expect_error(struct src *s, const char *msg)
{
	char **f;
	size_t n;
	long l;
	struct hop_err err = { 0 };
	assert_int_equal(csv_next(s->r, &f, &n, &l, &err), -1);
	if (!strstr(err.msg, msg))
		fail_msg("error '%s' lacks '%s'", err.msg, msg);
	/* A failed reader keeps failing with the same message. */
	memset(&err, 0, sizeof err);
	assert_int_equal(csv_next(s->r, &f, &n, &l, &err), -1);
	if (!strstr(err.msg, msg))
		fail_msg("second error '%s' lacks '%s'", err.msg, msg);
}

#define REC(s, line, ...) expect_record(s, line, (const char *const[]){ __VA_ARGS__, NULL })

static void test_comma_lf(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "login,name\njweiss,Jürgen Weiß\nsoez,Şükrü Öztürk\n");
	REC(&s, 1, "login", "name");
	assert_int_equal(csv_separator(s.r), ',');
	REC(&s, 2, "jweiss", "Jürgen Weiß");
	REC(&s, 3, "soez", "Şükrü Öztürk");
	expect_end(&s);
	src_close(&s);
}

static void test_semicolon_crlf_bom(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "\xEF\xBB\xBFlogin;name;team\r\njweiss;\"Weiß, Jürgen\";IT 1\r\n");
	REC(&s, 1, "login", "name", "team");
	assert_int_equal(csv_separator(s.r), ';');
	REC(&s, 2, "jweiss", "Weiß, Jürgen", "IT 1");
	expect_end(&s);
	src_close(&s);
}

static void test_separator_outside_quotes(void **state)
{
	struct src s;
	(void)state;
	/* Three semicolons inside quotes, one comma outside: comma. */
	OPEN(&s, "\"a;b;c;d\",x\n1,2\n");
	REC(&s, 1, "a;b;c;d", "x");
	assert_int_equal(csv_separator(s.r), ',');
	REC(&s, 2, "1", "2");
	src_close(&s);

	/* And the other way round, with a quoted line break in the header. */
	OPEN(&s, "\"x,\ny,z\";b\n1;2\n");
	REC(&s, 1, "x,\ny,z", "b");
	assert_int_equal(csv_separator(s.r), ';');
	REC(&s, 3, "1", "2");
	src_close(&s);

	/* Tabs. */
	OPEN(&s, "a\tb\n1\t2,5\n");
	REC(&s, 1, "a", "b");
	assert_int_equal(csv_separator(s.r), '\t');
	REC(&s, 2, "1", "2,5");
	src_close(&s);

	/* A single column: comma by default, a semicolon later is data. */
	OPEN(&s, "login\njw;x\n");
	REC(&s, 1, "login");
	assert_int_equal(csv_separator(s.r), ',');
	REC(&s, 2, "jw;x");
	src_close(&s);

	/* Blank lines before the header do not confuse the detection. */
	OPEN(&s, "\n\r\na;b\n");
	REC(&s, 3, "a", "b");
	assert_int_equal(csv_separator(s.r), ';');
	src_close(&s);
}

static void test_quotes(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "a,b,c\n"
	         "\"say \"\"hi\"\"\",\"\",\"x\"\n"
	         "\"multi\nline\r\nfield\",\"semi;colon\",plain\n"
	         "\"\"\"\",ab\"c,\" lead\"\n"
	         "last,row,here\n");
	REC(&s, 1, "a", "b", "c");
	REC(&s, 2, "say \"hi\"", "", "x");
	REC(&s, 3, "multi\nline\nfield", "semi;colon", "plain");
	REC(&s, 6, "\"", "ab\"c", " lead");
	REC(&s, 7, "last", "row", "here");
	expect_end(&s);
	src_close(&s);
}

static void test_empty_fields_and_blank_lines(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "a;b;c\n\n;;\r\n\r\n\r\nx;;\nlast;;z");
	REC(&s, 1, "a", "b", "c");
	REC(&s, 3, "", "", "");
	REC(&s, 6, "x", "", "");
	REC(&s, 7, "last", "", "z");
	expect_end(&s);
	src_close(&s);

	OPEN(&s, "");
	expect_end(&s);
	src_close(&s);

	OPEN(&s, "\xEF\xBB\xBF");
	expect_end(&s);
	src_close(&s);

	OPEN(&s, "\n\n");
	expect_end(&s);
	src_close(&s);

	/* A lone CR ends a line too (old Mac files). */
	OPEN(&s, "a,b\r1,2\r");
	REC(&s, 1, "a", "b");
	REC(&s, 2, "1", "2");
	expect_end(&s);
	src_close(&s);
}

static void test_field_limit(void **state)
{
	struct src s;
	size_t n = CSV_FIELD_MAX;
	char *text = malloc(n + 32);
	(void)state;

	if (!text)
		fail_msg("out of memory");

	/* Exactly CSV_FIELD_MAX bytes is fine ... */
	memcpy(text, "a,b\nx,", 6);
	memset(text + 6, 'y', n);
	text[6 + n] = '\n';
	src_open(&s, text, 6 + n + 1);
	REC(&s, 1, "a", "b");
	{
		char **f;
		size_t nf;
		long l;
		struct hop_err err;
		assert_int_equal(csv_next(s.r, &f, &nf, &l, &err), 1);
		assert_int_equal(strlen(f[1]), n);
	}
	src_close(&s);

	/* ... one more byte is an error naming line and field. */
	memcpy(text, "a,b\n\nx,", 7);
	memset(text + 7, 'y', n + 1);
	text[7 + n + 1] = '\n';
	src_open(&s, text, 7 + n + 2);
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:3: field 2 is longer than 65536 bytes");
	src_close(&s);
	free(text);
}

static void test_huge_field_stops_early(void **state)
{
	/* 10 MB in one quoted field: the error comes after reading about the
	 * limit, not the whole file, and nothing of that size is held. */
	FILE *f = tmpfile();
	struct csv_reader *r;
	struct hop_err err = { 0 };
	char **fields;
	size_t n;
	long line;
	char chunk[4096];
	(void)state;

	assert_non_null(f);
	fputs("login;name\nbig;\"", f);
	memset(chunk, 'z', sizeof chunk);
	for (int i = 0; i < 10 * 256; i++)
		fwrite(chunk, 1, sizeof chunk, f);
	fputs("\"\n", f);
	rewind(f);
	r = csv_open(f, "people.csv");
	assert_int_equal(csv_next(r, &fields, &n, &line, &err), 1);
	assert_int_equal(csv_next(r, &fields, &n, &line, &err), -1);
	assert_non_null(strstr(err.msg, "people.csv:2: field 2 is longer than 65536 bytes"));
	assert_true(ftell(f) < 1024 * 1024);
	csv_close(r);
	fclose(f);
}

static void test_field_count(void **state)
{
	char text[4 * CSV_FIELDS_MAX + 64];
	struct src s;
	size_t k = 0;
	(void)state;

	for (int i = 0; i < CSV_FIELDS_MAX; i++)
		k += (size_t)sprintf(text + k, "%s%d", i ? ";" : "", i % 10);
	text[k++] = '\n';
	text[k] = '\0';
	src_open(&s, text, k);
	{
		char **f;
		size_t nf;
		long l;
		struct hop_err err;
		assert_int_equal(csv_next(s.r, &f, &nf, &l, &err), 1);
		assert_int_equal(nf, CSV_FIELDS_MAX);
		assert_string_equal(f[CSV_FIELDS_MAX - 1], "3");
	}
	src_close(&s);

	k--;
	k += (size_t)sprintf(text + k, ";x\n");
	src_open(&s, text, k);
	expect_error(&s, "t.csv:1: the record has more than 64 fields");
	src_close(&s);
}

static void test_unterminated_quote(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "a,b\n1,2\n3,\"open\nline\nmore\n");
	REC(&s, 1, "a", "b");
	REC(&s, 2, "1", "2");
	expect_error(&s, "t.csv:3: the quoted field 2 that starts here has no closing quote");
	src_close(&s);

	/* Unbalanced in the header: the detection reads ahead, then the error. */
	OPEN(&s, "\"a,b\n1,2\n");
	expect_error(&s, "t.csv:1: the quoted field 1 that starts here has no closing quote");
	src_close(&s);
}

static void test_text_after_quote(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "a,b\n\"x\"y,2\n");
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:2: field 1 has text after its closing quote");
	src_close(&s);
}

static void test_invalid_utf8(void **state)
{
	struct src s;
	(void)state;
	/* With a byte-order mark the file says it is UTF-8: held to it. */
	OPEN(&s, "\xEF\xBB\xBFlogin;name\njw;J\xFCrgen\n");
	REC(&s, 1, "login", "name");
	expect_error(&s, "t.csv:2: field 2 is not valid UTF-8");
	src_close(&s);

	OPEN(&s, "\xEF\xBB\xBF" "a,b\nok,ok\n\xC0\x80,x\n");    /* overlong NUL */
	REC(&s, 1, "a", "b");
	REC(&s, 2, "ok", "ok");
	expect_error(&s, "t.csv:3: field 1 is not valid UTF-8");
	src_close(&s);

	OPEN(&s, "\xEF\xBB\xBF" "a,b\nx,\xED\xA0\x80\n");        /* a surrogate */
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:2: field 2 is not valid UTF-8");
	src_close(&s);

	OPEN(&s, "\xEF\xBB\xBF" "a,b\nx,\xE2\x82\n");            /* cut short */
	REC(&s, 1, "a", "b");
	expect_error(&s, "field 2 is not valid UTF-8");
	src_close(&s);

	OPEN(&s, "\xEF\xBB\xBF" "a,b\nx,\xF4\x90\x80\x80\n");    /* above U+10FFFF */
	REC(&s, 1, "a", "b");
	expect_error(&s, "field 2 is not valid UTF-8");
	src_close(&s);

	OPEN(&s, "a,b\nx,\xF0\x9F\x98\x80 \xE2\x82\xAC\n"); /* emoji and euro are fine */
	REC(&s, 1, "a", "b");
	REC(&s, 2, "x", "\xF0\x9F\x98\x80 \xE2\x82\xAC");
	assert_int_equal(csv_encoding(s.r), CSV_UTF8);
	src_close(&s);

	/* UTF-8 first, then something else: mixed, refused with the advice
	 * that converts what German Excel writes (not latin1, which turns
	 * – „ “ € into control characters). */
	OPEN(&s, "login;name\njw;J\xC3\xBCrgen\nab;J\xFCrgen\n");
	REC(&s, 1, "login", "name");
	REC(&s, 2, "jw", "J\xC3\xBCrgen");
	expect_error(&s, "t.csv:3: field 2 is not valid UTF-8, although the file is; save it as UTF-8 (in spreadsheet programs: \"CSV UTF-8\") or convert it with 'iconv -f WINDOWS-1252 -t UTF-8'");
	src_close(&s);
}

static void test_windows_1252(void **state)
{
	struct src s;
	(void)state;
	/* What German Excel saves as "CSV (Trennzeichen-getrennt)": ü ß – „ “ €. */
	OPEN(&s, "login;name;team\r\njw;J\xFCrgen Wei\xDF;Referat Z 2 \x96 Haushalt\r\n"
	         "ab;\x84" "Anna\x93 B\xE4r;\x80 100\r\n");
	REC(&s, 1, "login", "name", "team");
	assert_int_equal(csv_encoding(s.r), CSV_ASCII);
	REC(&s, 2, "jw", "Jürgen Weiß", "Referat Z 2 – Haushalt");
	assert_int_equal(csv_encoding(s.r), CSV_CP1252);
	REC(&s, 3, "ab", "„Anna“ Bär", "€ 100");
	expect_end(&s);
	src_close(&s);

	/* Once Windows-1252, what would be valid UTF-8 is Windows-1252 too. */
	OPEN(&s, "a,b\n\xE4,\xC3\xBC\n");
	REC(&s, 1, "a", "b");
	REC(&s, 2, "ä", "Ã¼");
	src_close(&s);

	/* The five bytes the code page leaves undefined: neither encoding. */
	OPEN(&s, "a,b\nx,\xE4\x81\n");
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:2: field 2 is neither UTF-8 nor Windows-1252 text");
	src_close(&s);

	/* A long field grows when converted: every byte of it. */
	{
		size_t n = 3000;
		char *text = malloc(n + 8), *want = malloc(2 * n + 1);
		assert_non_null(text);
		assert_non_null(want);
		memcpy(text, "a\n", 2);
		memset(text + 2, '\xFC', n);
		text[n + 2] = '\n';
		for (size_t i = 0; i < n; i++)
			memcpy(want + 2 * i, "ü", 2);
		want[2 * n] = '\0';
		src_open(&s, text, n + 3);
		REC(&s, 1, "a");
		REC(&s, 2, want);
		expect_end(&s);
		src_close(&s);
		free(text);
		free(want);
	}
}

/* The first field of the file empty: nothing has been put in the record's
 * buffer yet (clang's UBSan saw an offset computed from a null pointer). */
static void test_empty_first_field(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, ",a\nb,\n");
	REC(&s, 1, "", "a");
	REC(&s, 2, "b", "");
	expect_end(&s);
	src_close(&s);

	OPEN(&s, ";;\n");
	REC(&s, 1, "", "", "");
	expect_end(&s);
	src_close(&s);

	OPEN(&s, "\"\",x\n");
	REC(&s, 1, "", "x");
	expect_end(&s);
	src_close(&s);
}

static void test_nul_and_utf16(void **state)
{
	struct src s;
	(void)state;
	OPEN(&s, "a,b\nx\0y,z\n");
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:2: the file contains a NUL byte");
	src_close(&s);

	OPEN(&s, "a,b\n\"x\n\0\",z\n");
	REC(&s, 1, "a", "b");
	expect_error(&s, "t.csv:3: the file contains a NUL byte");
	src_close(&s);

	OPEN(&s, "\xFF\xFEl\0o\0g\0");
	expect_error(&s, "t.csv: the file is UTF-16 text");
	src_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_lf),
		cmocka_unit_test(test_semicolon_crlf_bom),
		cmocka_unit_test(test_separator_outside_quotes),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_empty_fields_and_blank_lines),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_huge_field_stops_early),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_empty_first_field),
		cmocka_unit_test(test_nul_and_utf16),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
