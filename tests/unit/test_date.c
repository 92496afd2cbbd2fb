/* Day numbers, ISO weeks and the date words people type. */
#include "testutil.h"

#include <locale.h>

#include "hop/base/date.h"
#include "hop/base/i18n.h"

static hop_date ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void assert_ymd(hop_date day, int y, int m, int d)
{
	int yy, mm, dd;
	date_to_ymd(day, &yy, &mm, &dd);
	assert_int_equal(yy, y);
	assert_int_equal(mm, m);
	assert_int_equal(dd, d);
}

static void assert_week(hop_date day, int y, int w)
{
	int yy, ww;
	date_iso_week(day, &yy, &ww);
	assert_int_equal(yy, y);
	assert_int_equal(ww, w);
}

/* today = Monday 2026-11-23, as in every hop test. */
#define TODAY ymd(2026, 11, 23)

static hop_date parse_ok(const char *s)
{
	struct hop_err err = { 0 };
	hop_date d = HOP_DATE_NONE;
	if (date_parse(s, TODAY, &d, &err) != HOP_OK)
		fail_msg("date_parse('%s'): %s", s, err.msg);
	return d;
}

static void parse_fails(const char *s, const char *expect)
{
	struct hop_err err = { 0 };
	hop_date d = 12345;
	assert_int_equal(date_parse(s, TODAY, &d, &err), HOP_EINVAL);
	assert_int_equal(err.status, HOP_EINVAL);
	assert_int_equal(d, 12345);
	if (!strstr(err.msg, expect))
		fail_msg("date_parse('%s'): '%s' lacks '%s'", s, err.msg, expect);
}

static hop_date week_ok(const char *s)
{
	struct hop_err err = { 0 };
	hop_date d = HOP_DATE_NONE;
	if (date_parse_week(s, TODAY, &d, &err) != HOP_OK)
		fail_msg("date_parse_week('%s'): %s", s, err.msg);
	return d;
}

static void week_fails(const char *s, const char *expect)
{
	struct hop_err err = { 0 };
	hop_date d = 12345;
	assert_int_equal(date_parse_week(s, TODAY, &d, &err), HOP_EINVAL);
	assert_int_equal(d, 12345);
	if (!strstr(err.msg, expect))
		fail_msg("date_parse_week('%s'): '%s' lacks '%s'", s, err.msg, expect);
}

static void test_epoch(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(2026, 11, 23), 20780);
	assert_int_equal(ymd(1900, 1, 1), -25567);
	assert_ymd(0, 1970, 1, 1);
	assert_ymd(-1, 1969, 12, 31);
	assert_ymd(20780, 2026, 11, 23);
	assert_ymd(-25567, 1900, 1, 1);
}

static void test_year_boundaries(void **state)
{
	(void)state;
	assert_int_equal(ymd(2027, 1, 1) - ymd(2026, 12, 31), 1);
	assert_int_equal(ymd(2027, 1, 1) - ymd(2026, 1, 1), 365);
	assert_int_equal(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
	assert_ymd(ymd(2026, 12, 31) + 1, 2027, 1, 1);
	assert_ymd(ymd(2024, 2, 28) + 1, 2024, 2, 29);
	assert_ymd(ymd(2024, 2, 29) + 1, 2024, 3, 1);
	assert_ymd(ymd(2100, 2, 28) + 1, 2100, 3, 1);
	assert_ymd(ymd(2000, 2, 28) + 1, 2000, 2, 29);
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_false(date_valid_ymd(2026, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(1900, 2, 29));
	assert_false(date_valid_ymd(2026, 4, 31));
	assert_true(date_valid_ymd(2026, 12, 31));
	assert_false(date_valid_ymd(2026, 13, 1));
	assert_false(date_valid_ymd(2026, 0, 1));
	assert_false(date_valid_ymd(2026, 1, 0));
	assert_false(date_valid_ymd(2026, 1, 32));
}

static void test_round_trip_400_years(void **state)
{
	(void)state;
	/* Every day of a whole Gregorian cycle and then some, in step with a
	 * plain calendar walk and with the weekday advancing by one. */
	int y = 1900, m = 1, d = 1;
	hop_date first = ymd(1900, 1, 1), last = ymd(2300, 12, 31);
	int wd = date_weekday(first);

	assert_int_equal(wd, 1); /* 1900-01-01 was a Monday */
	for (hop_date day = first; day <= last; day++) {
		int yy, mm, dd;
		date_to_ymd(day, &yy, &mm, &dd);
		if (yy != y || mm != m || dd != d)
			fail_msg("day %d: %04d-%02d-%02d, expected %04d-%02d-%02d",
			         (int)day, yy, mm, dd, y, m, d);
		assert_int_equal(ymd(yy, mm, dd), day);
		assert_int_equal(date_weekday(day), wd);
		wd = wd % 7 + 1;
		if (!date_valid_ymd(y, m, ++d)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	assert_int_equal(last - first + 1, 146097 + 365);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(ymd(1970, 1, 1)), 4);
	assert_int_equal(date_weekday(ymd(2026, 11, 23)), 1);
	assert_int_equal(date_weekday(ymd(2026, 11, 29)), 7);
	assert_int_equal(date_weekday(ymd(1969, 12, 29)), 1);
	assert_int_equal(date_weekday(ymd(2000, 1, 1)), 6);
}

static void test_iso_week(void **state)
{
	(void)state;
	assert_week(ymd(2026, 11, 23), 2026, 48);
	assert_week(ymd(2026, 1, 1), 2026, 1);       /* a Thursday */
	assert_week(ymd(2025, 12, 29), 2026, 1);     /* Monday of 2026-W01 */
	assert_week(ymd(2025, 12, 28), 2025, 52);
	assert_week(ymd(2026, 12, 28), 2026, 53);
	assert_week(ymd(2026, 12, 31), 2026, 53);
	assert_week(ymd(2027, 1, 1), 2026, 53);
	assert_week(ymd(2027, 1, 3), 2026, 53);
	assert_week(ymd(2027, 1, 4), 2027, 1);
	assert_week(ymd(2021, 1, 3), 2020, 53);
	assert_week(ymd(2024, 12, 30), 2025, 1);
	assert_week(ymd(2020, 12, 31), 2020, 53);
}

static void test_from_iso_week(void **state)
{
	(void)state;
	assert_int_equal(date_from_iso_week(2026, 48), ymd(2026, 11, 23));
	assert_int_equal(date_from_iso_week(2026, 1), ymd(2025, 12, 29));
	assert_int_equal(date_from_iso_week(2026, 53), ymd(2026, 12, 28));
	assert_int_equal(date_from_iso_week(2027, 1), ymd(2027, 1, 4));
	assert_int_equal(date_from_iso_week(2025, 1), ymd(2024, 12, 30));
	assert_int_equal(date_from_iso_week(2027, 53), HOP_DATE_NONE);
	assert_int_equal(date_from_iso_week(2026, 54), HOP_DATE_NONE);
	assert_int_equal(date_from_iso_week(2026, 0), HOP_DATE_NONE);
	/* Every week of a century comes back to the week it was made from. */
	for (int y = 2000; y < 2100; y++)
		for (int w = 1; w <= 53; w++) {
			hop_date mon = date_from_iso_week(y, w);
			if (mon == HOP_DATE_NONE) {
				assert_int_equal(w, 53);
				continue;
			}
			assert_int_equal(date_weekday(mon), 1);
			assert_week(mon, y, w);
			assert_week(mon + 6, y, w);
		}
}

static void test_format(void **state)
{
	char buf[HOP_DATE_ISO_LEN];
	(void)state;
	assert_string_equal(date_format(ymd(2026, 11, 23), buf), "2026-11-23");
	assert_string_equal(date_format(ymd(1900, 1, 1), buf), "1900-01-01");
	assert_string_equal(date_format(ymd(2999, 12, 31), buf), "2999-12-31");
	assert_string_equal(date_format(HOP_DATE_NONE, buf), "");
}

static void test_format_human(void **state)
{
	char buf[HOP_DATE_HUMAN_LEN], small[8];
	(void)state;
	assert_string_equal(date_format_human(ymd(2026, 11, 24), buf, sizeof buf), "Tue 24 Nov 2026");
	assert_string_equal(date_format_human(ymd(2026, 11, 23), buf, sizeof buf), "Mon 23 Nov 2026");
	assert_string_equal(date_format_human(ymd(2027, 1, 3), buf, sizeof buf), "Sun 3 Jan 2027");
	assert_string_equal(date_format_human(ymd(2028, 2, 29), buf, sizeof buf), "Tue 29 Feb 2028");
	assert_string_equal(date_format_human(ymd(2026, 5, 1), buf, sizeof buf), "Fri 1 May 2026");
	assert_string_equal(date_format_human(HOP_DATE_NONE, buf, sizeof buf), "");
	/* Too small a buffer truncates, never overflows. */
	assert_string_equal(date_format_human(ymd(2026, 11, 24), small, sizeof small), "Tue 24 ");
}

/* German: weekday abbreviation from the catalogue, then DD.MM.YYYY.  Needs the
 * de_DE.UTF-8 locale and the built catalogue ($HOPLOCALEDIR, as tests/run.sh sets). */
static void test_format_human_german(void **state)
{
	char buf[HOP_DATE_HUMAN_LEN];
	const char *dir = getenv("HOPLOCALEDIR");
	bool german;
	(void)state;

	if (!dir || !*dir || !setlocale(LC_ALL, "de_DE.UTF-8"))
		skip();
	setenv("LC_ALL", "de_DE.UTF-8", 1);
	setenv("LANGUAGE", "de", 1);
	i18n_init();
	german = i18n_is_german();
	if (german)
		date_format_human(ymd(2026, 11, 24), buf, sizeof buf);
	setenv("LC_ALL", "C", 1);
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
	if (!german)
		skip();
	assert_string_equal(buf, "Di 24.11.2026");
}

static void test_parse_iso_strict(void **state)
{
	hop_date d;
	(void)state;
	assert_true(date_parse_iso("2026-11-23", &d));
	assert_int_equal(d, ymd(2026, 11, 23));
	assert_true(date_parse_iso("2024-02-29", &d));
	assert_true(date_parse_iso("2000-02-29", &d));
	assert_true(date_parse_iso("1900-01-01", &d));
	assert_true(date_parse_iso("2999-12-31", &d));
	d = 7;
	assert_false(date_parse_iso("2100-02-29", &d));
	assert_false(date_parse_iso("2026-02-29", &d));
	assert_false(date_parse_iso("2026-04-31", &d));
	assert_false(date_parse_iso("2026-13-01", &d));
	assert_false(date_parse_iso("2026-00-01", &d));
	assert_false(date_parse_iso("2026-01-00", &d));
	assert_false(date_parse_iso("1899-12-31", &d));
	assert_false(date_parse_iso("3000-01-01", &d));
	assert_false(date_parse_iso("2026-1-23", &d));
	assert_false(date_parse_iso("2026-11-23 ", &d));
	assert_false(date_parse_iso(" 2026-11-23", &d));
	assert_false(date_parse_iso("2026/11/23", &d));
	assert_false(date_parse_iso("23.11.2026", &d));
	assert_false(date_parse_iso("today", &d));
	assert_false(date_parse_iso("", &d));
	assert_false(date_parse_iso("2026-11-2x", &d));
	assert_false(date_parse_iso("+026-11-23", &d));
	assert_int_equal(d, 7);
}

static void test_parse_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-11-23"), TODAY);
	assert_int_equal(parse_ok("23.11.2026"), TODAY);
	assert_int_equal(parse_ok("1.2.2027"), ymd(2027, 2, 1));
	assert_int_equal(parse_ok("01.02.2027"), ymd(2027, 2, 1));
	assert_int_equal(parse_ok("24.12."), ymd(2026, 12, 24));
	assert_int_equal(parse_ok("1.1."), ymd(2026, 1, 1));
	assert_int_equal(parse_ok("29.02.2024"), ymd(2024, 2, 29));
	assert_int_equal(parse_ok("  2026-11-24 "), TODAY + 1);
	assert_int_equal(parse_ok("today"), TODAY);
	assert_int_equal(parse_ok("TODAY"), TODAY);
	assert_int_equal(parse_ok("tomorrow"), TODAY + 1);
	assert_int_equal(parse_ok("yesterday"), TODAY - 1);
	assert_int_equal(parse_ok("heute"), TODAY);
	assert_int_equal(parse_ok("Morgen"), TODAY + 1);
	assert_int_equal(parse_ok("gestern"), TODAY - 1);
	assert_int_equal(parse_ok("übermorgen"), TODAY + 2);
	assert_int_equal(parse_ok("Übermorgen"), TODAY + 2);
	assert_int_equal(parse_ok("uebermorgen"), TODAY + 2);
	assert_int_equal(parse_ok("vorgestern"), TODAY - 2);
	assert_int_equal(parse_ok("+3"), TODAY + 3);
	assert_int_equal(parse_ok("-7"), TODAY - 7);
	assert_int_equal(parse_ok("+0"), TODAY);
	assert_int_equal(parse_ok("+40"), ymd(2027, 1, 2));
}

static void test_parse_weekdays(void **state)
{
	(void)state;
	/* today is a Monday: "mon" is today, "sun" six days on. */
	assert_int_equal(parse_ok("mon"), TODAY);
	assert_int_equal(parse_ok("Monday"), TODAY);
	assert_int_equal(parse_ok("mo"), TODAY);
	assert_int_equal(parse_ok("Montag"), TODAY);
	assert_int_equal(parse_ok("tue"), TODAY + 1);
	assert_int_equal(parse_ok("di"), TODAY + 1);
	assert_int_equal(parse_ok("Dienstag"), TODAY + 1);
	assert_int_equal(parse_ok("wed"), TODAY + 2);
	assert_int_equal(parse_ok("MI"), TODAY + 2);
	assert_int_equal(parse_ok("mittwoch"), TODAY + 2);
	assert_int_equal(parse_ok("thursday"), TODAY + 3);
	assert_int_equal(parse_ok("do"), TODAY + 3);
	assert_int_equal(parse_ok("Donnerstag"), TODAY + 3);
	assert_int_equal(parse_ok("fri"), TODAY + 4);
	assert_int_equal(parse_ok("fr"), TODAY + 4);
	assert_int_equal(parse_ok("freitag"), TODAY + 4);
	assert_int_equal(parse_ok("sat"), TODAY + 5);
	assert_int_equal(parse_ok("sa"), TODAY + 5);
	assert_int_equal(parse_ok("Samstag"), TODAY + 5);
	assert_int_equal(parse_ok("sun"), TODAY + 6);
	assert_int_equal(parse_ok("so"), TODAY + 6);
	assert_int_equal(parse_ok("SONNTAG"), TODAY + 6);

	/* From a Sunday, Monday is the next day; across a year end. */
	struct hop_err err;
	hop_date d;
	assert_int_equal(date_parse("mon", ymd(2026, 12, 27), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 12, 28));
	assert_int_equal(date_parse("fri", ymd(2026, 12, 28), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2027, 1, 1));
	assert_int_equal(date_parse("sun", ymd(2026, 12, 27), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 12, 27));
	/* A German day and month without the last dot, as people type it. */
	assert_int_equal(date_parse("27.11", ymd(2026, 12, 7), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 11, 27));
	assert_int_equal(date_parse("1.2", ymd(2026, 12, 7), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 2, 1));
	assert_int_equal(date_parse("31.11", ymd(2026, 12, 7), &d, &err), HOP_EINVAL);
	assert_int_equal(date_parse("27.11.20", ymd(2026, 12, 7), &d, &err), HOP_EINVAL);
}

static void test_parse_errors(void **state)
{
	(void)state;
	parse_fails("31.02.2026", "'31.02.2026' is not a date: February 2026 has 28 days");
	parse_fails("00.01.2026", "'00.01.2026' is not a date: there is no day 0");
	parse_fails("2026-02-29", "'2026-02-29' is not a date: February 2026 has 28 days");
	parse_fails("29.02.2100", "February 2100 has 28 days");
	parse_fails("31.04.", "'31.04.' is not a date: April 2026 has 30 days");
	parse_fails("2026-13-01", "there is no month 13");
	parse_fails("1.13.2026", "there is no month 13");
	parse_fails("1899-12-31", "between 1900 and 2999");
	parse_fails("nächste woche",
	            "'nächste woche' is not a date; use YYYY-MM-DD, DD.MM.YYYY, today, tomorrow, +N or a weekday");
	parse_fails("", "is not a date; use YYYY-MM-DD");
	parse_fails("23.11.26", "'23.11.26' is not a date; use");
	parse_fails("2026-11-23x", "is not a date; use");
	parse_fails("+", "is not a date; use");
	parse_fails("+3d", "is not a date; use");
	parse_fails("+99999999999999999999", "too far away");
	parse_fails("montags", "is not a date; use");
	parse_fails("123.1.2026", "is not a date; use");
	/* Long input is reported, not overrun. */
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	parse_fails(big, "is not a date; use");
}

static void test_parse_week(void **state)
{
	hop_date w48 = ymd(2026, 11, 23);
	(void)state;
	assert_int_equal(week_ok("2026-W48"), w48);
	assert_int_equal(week_ok("2026-w48"), w48);
	assert_int_equal(week_ok("2026W48"), w48);
	assert_int_equal(week_ok("W48"), w48);
	assert_int_equal(week_ok("KW48"), w48);
	assert_int_equal(week_ok("kw 48"), w48);
	assert_int_equal(week_ok("KW 48"), w48);
	assert_int_equal(week_ok("48"), w48);
	assert_int_equal(week_ok("2026-W53"), ymd(2026, 12, 28));
	assert_int_equal(week_ok("KW53"), ymd(2026, 12, 28));
	assert_int_equal(week_ok("2027-W01"), ymd(2027, 1, 4));
	assert_int_equal(week_ok("2027-W1"), ymd(2027, 1, 4));
	/* The nearest week 1 to 26 November 2026 is the coming one, of 2027. */
	assert_int_equal(week_ok("1"), ymd(2027, 1, 4));
	/* Any date: the Monday of its week. */
	assert_int_equal(week_ok("2026-11-26"), w48);
	assert_int_equal(week_ok("29.11.2026"), w48);
	assert_int_equal(week_ok("2027-01-01"), ymd(2026, 12, 28));
	assert_int_equal(week_ok("today"), w48);
	assert_int_equal(week_ok("+7"), w48 + 7);
	assert_int_equal(week_ok("fri"), w48);

	/* "48" means the week of today's ISO year, which is not always the
	 * calendar year: on 2027-01-01 that is still 2026. */
	struct hop_err err;
	hop_date d;
	assert_int_equal(date_parse_week("53", ymd(2027, 1, 1), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 12, 28));
	assert_int_equal(date_parse_week("1", ymd(2024, 12, 30), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2024, 12, 30));
	/* A bare number is the nearest week of that number: on 1 January 2027
	 * (KW 53 of 2026) "1" is the coming week, not one a year ago. */
	assert_int_equal(date_parse_week("1", ymd(2027, 1, 1), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2027, 1, 4));
	assert_int_equal(date_parse_week("52", ymd(2027, 1, 1), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 12, 21));
	assert_int_equal(date_parse_week("52", ymd(2027, 1, 6), &d, &err), HOP_OK);
	assert_int_equal(d, ymd(2026, 12, 21));
}

static void test_parse_week_errors(void **state)
{
	(void)state;
	week_fails("2027-W53", "'2027-W53' is not a week: 2027 has weeks 1 to 52");
	week_fails("KW 54", "2026 has weeks 1 to 53");
	week_fails("0", "has weeks 1 to 53");
	week_fails("W", "'W' is not a week; use 2026-W48, KW48, 48 or a date");
	week_fails("2026-W", "is not a week; use");
	week_fails("2026-W480", "is not a week; use");
	week_fails("next week", "'next week' is not a week; use");
	week_fails("", "is not a week; use");
	week_fails("3000-W01", "between 1900 and 2999");
	/* A date that does not exist says why. */
	week_fails("31.02.2026", "February 2026 has 28 days");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_year_boundaries),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_round_trip_400_years),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_iso_week),
		cmocka_unit_test(test_from_iso_week),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_human),
		cmocka_unit_test(test_format_human_german),
		cmocka_unit_test(test_parse_iso_strict),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_weekdays),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_week),
		cmocka_unit_test(test_parse_week_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
