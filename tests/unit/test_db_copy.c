/* COPY's text format as a copy between databases writes and reads it
 * (db_pg_sql.c), without a server: every byte a text may hold comes back as
 * it went, NULL stays NULL and an empty text empty, PostgreSQL's other
 * escapes are undone, and a row of the wrong width is refused.  The copy
 * itself runs in tests/cli/test_db_copy.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../src/db/db_pg_int.h"

static void test_round_trip(void **state)
{
	static const char *const texts[] = {
		"plain", "", "tab\there", "line\nbreak", "cr\rlf\r\n", "back\\slash\\",
		"\\N", "Jülide Şükrü Öztürk", "\\t literally", "end\t",
	};
	size_t n = sizeof texts / sizeof texts[0];
	struct db_value in[12], out[12];
	char *line = NULL;
	size_t len = 0, cap = 0;

	(void)state;
	for (size_t i = 0; i < n; i++)
		in[i] = (struct db_value){ texts[i], strlen(texts[i]), false };
	in[n] = (struct db_value){ NULL, 0, false };
	for (size_t i = 0; i <= n; i++) {
		assert_true(pg_copy_escape(&line, &len, &cap, &in[i]));
		line = realloc(line, cap = len + 2);
		assert_non_null(line);
		line[len++] = i < n ? '\t' : '\n';
	}
	line[len] = '\0';
	assert_null(memchr(line, '\n', len - 1));
	assert_true(pg_copy_decode(line, len, out, n + 1));
	for (size_t i = 0; i < n; i++) {
		assert_non_null(out[i].text);
		assert_int_equal(out[i].len, strlen(texts[i]));
		assert_string_equal(out[i].text, texts[i]);
	}
	assert_null(out[n].text);
	free(line);
}

static void test_server_escapes(void **state)
{
	char line[] = "\\b\\f\\v\\x41\\101\\x\\q\t\\N\t42\n";
	struct db_value v[3];

	(void)state;
	assert_true(pg_copy_decode(line, strlen(line), v, 3));
	assert_string_equal(v[0].text, "\b\f\vAAxq");
	assert_int_equal(v[0].len, 7);
	assert_null(v[1].text);
	assert_string_equal(v[2].text, "42");
}

static void test_wrong_width(void **state)
{
	char two[] = "a\tb\n", four[] = "a\tb\tc\td\n", last[] = "a\tb\tc";
	struct db_value v[3];

	(void)state;
	assert_false(pg_copy_decode(two, strlen(two), v, 3));
	assert_false(pg_copy_decode(four, strlen(four), v, 3));
	/* The last line may come without its newline. */
	assert_true(pg_copy_decode(last, strlen(last), v, 3));
	assert_string_equal(v[2].text, "c");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_server_escapes),
		cmocka_unit_test(test_wrong_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
