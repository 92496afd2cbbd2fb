/* Public holidays: Easter, the movable feasts, each Land's rules and the
 * years they were introduced. */
#include "testutil.h"

#include "hop/core/calendar/holiday.h"

static hop_date ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static bool is(const char *region, int y, int m, int d)
{
	return holiday_is(region, ymd(y, m, d), NULL);
}

/* Easter dates checked against an independent implementation
 * (python-dateutil's easter()) and the calendar. */
static void test_easter(void **state)
{
	static const int cases[][3] = {
		{ 1583, 4, 10 }, { 1818, 3, 22 }, { 1943, 4, 25 }, { 1954, 4, 18 },
		{ 1981, 4, 19 }, { 2000, 4, 23 }, { 2008, 3, 23 }, { 2011, 4, 24 },
		{ 2019, 4, 21 }, { 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 },
		{ 2027, 3, 28 }, { 2030, 4, 21 }, { 2038, 4, 25 }, { 2049, 4, 18 },
		{ 2099, 4, 12 }, { 2100, 3, 28 }, { 2285, 3, 22 }, { 3000, 4, 13 },
		{ 9999, 3, 28 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(holiday_easter(cases[i][0]),
		                 ymd(cases[i][0], cases[i][1], cases[i][2]));
	assert_int_equal(holiday_easter(1582), HOP_DATE_NONE);
	assert_int_equal(holiday_easter(10000), HOP_DATE_NONE);
}

/* Every Easter is a Sunday between 22 March and 25 April. */
static void test_easter_bounds(void **state)
{
	(void)state;
	for (int y = 1583; y <= 9999; y++) {
		hop_date e = holiday_easter(y);
		assert_int_equal(date_weekday(e), 7);
		assert_true(e >= ymd(y, 3, 22));
		assert_true(e <= ymd(y, 4, 25));
	}
}

static void test_repentance_day(void **state)
{
	(void)state;
	assert_int_equal(holiday_repentance_day(2026), ymd(2026, 11, 18));
	assert_int_equal(holiday_repentance_day(2025), ymd(2025, 11, 19));
	assert_int_equal(holiday_repentance_day(2023), ymd(2023, 11, 22));   /* 22nd a Wednesday */
	assert_int_equal(holiday_repentance_day(2028), ymd(2028, 11, 22));
	assert_int_equal(holiday_repentance_day(2029), ymd(2029, 11, 21));
	for (int y = 1991; y <= 2200; y++) {
		hop_date d = holiday_repentance_day(y);
		assert_int_equal(date_weekday(d), 3);
		assert_true(d >= ymd(y, 11, 16) && d <= ymd(y, 11, 22));
	}
	assert_true(is("SN", 2026, 11, 18));
	assert_false(is("BY", 2026, 11, 18));
	assert_false(is("SN", 2026, 11, 25));
	/* Everywhere until 1994, Saxony only from 1995. */
	assert_true(is("BY", 1994, 11, 16));
	assert_false(is("BY", 1995, 11, 22));
	assert_true(is("SN", 1995, 11, 22));
}

static void test_movable(void **state)
{
	const char *name = NULL;

	(void)state;
	assert_true(is("BE", 2026, 4, 3));      /* Karfreitag */
	assert_true(is("BE", 2026, 4, 6));      /* Ostermontag */
	assert_true(is("BE", 2026, 5, 14));     /* Christi Himmelfahrt */
	assert_true(is("BE", 2026, 5, 25));     /* Pfingstmontag */
	assert_false(is("BE", 2026, 4, 2));
	assert_false(is("BE", 2026, 5, 15));
	/* Fronleichnam: BY yes, BE no; SN and TH only locally, left out. */
	assert_true(holiday_is("BY", ymd(2026, 6, 4), &name));
	assert_string_equal(name, "Corpus Christi");
	for (const char *const *r = (const char *const[]){ "BW", "BY", "HE", "NW", "RP", "SL",
	                                                    NULL }; *r; r++)
		assert_true(is(*r, 2026, 6, 4));
	for (const char *const *r = (const char *const[]){ "BE", "BB", "HB", "HH", "MV", "NI",
	                                                    "SN", "ST", "SH", "TH", NULL }; *r; r++)
		assert_false(is(*r, 2026, 6, 4));
	assert_true(is("BY", 2025, 6, 19));
	/* Easter and Whit Sunday: named by Brandenburg's law only; Hesse's
	 * names "the Sundays" in general and neither of them. */
	assert_true(is("BB", 2026, 4, 5));
	assert_true(is("BB", 2026, 5, 24));
	assert_false(is("HE", 2026, 4, 5));
	assert_false(is("HE", 2026, 5, 24));
	assert_false(is("BY", 2026, 4, 5));
	assert_false(is("BE", 2026, 5, 24));
}

static void test_fixed_regional(void **state)
{
	const char *name = NULL;

	(void)state;
	/* Frauentag: Berlin since 2019, Mecklenburg-Vorpommern since 2023. */
	assert_true(holiday_is("BE", ymd(2026, 3, 8), &name));
	assert_string_equal(name, "International Women's Day");
	assert_false(is("BY", 2026, 3, 8));
	assert_true(is("BE", 2019, 3, 8));
	assert_false(is("BE", 2018, 3, 8));
	assert_true(is("MV", 2023, 3, 8));
	assert_false(is("MV", 2022, 3, 8));
	/* Reformationstag. */
	assert_true(holiday_is("SN", ymd(2026, 10, 31), &name));
	assert_string_equal(name, "Reformation Day");
	assert_false(is("BY", 2026, 10, 31));
	assert_false(is("BE", 2026, 10, 31));
	assert_true(is("HB", 2018, 10, 31));
	assert_false(is("HB", 2016, 10, 31));
	assert_true(is("BY", 2017, 10, 31));    /* 500 years of the Reformation */
	assert_true(is("BE", 2017, 10, 31));
	assert_false(is("BY", 2018, 10, 31));
	assert_true(is("TH", 1995, 10, 31));
	/* Allerheiligen. */
	assert_true(is("BY", 2026, 11, 1));
	assert_false(is("BE", 2026, 11, 1));
	/* Heilige Drei Könige. */
	assert_true(is("ST", 2026, 1, 6));
	assert_false(is("NW", 2026, 1, 6));
	/* Weltkindertag: Thuringia since 2019. */
	assert_true(holiday_is("TH", ymd(2026, 9, 20), &name));
	assert_string_equal(name, "World Children's Day");
	assert_false(is("TH", 2018, 9, 20));
	assert_false(is("SN", 2026, 9, 20));
	/* Mariä Himmelfahrt: Saarland; in Bavaria not statewide. */
	assert_true(is("SL", 2026, 8, 15));
	assert_false(is("BY", 2026, 8, 15));
	/* Augsburger Friedensfest: the city only. */
	assert_false(is("BY", 2026, 8, 8));
	/* Tag der Befreiung: Berlin 2020 and 2025 only. */
	assert_true(is("BE", 2020, 5, 8));
	assert_true(is("BE", 2025, 5, 8));
	assert_false(is("BE", 2026, 5, 8));
	assert_false(is("BB", 2025, 5, 8));
	/* The 75th anniversary of the uprising of 17 June 1953: Berlin, 2028 only. */
	assert_true(holiday_is("BE", ymd(2028, 6, 17), &name));
	assert_string_equal(name, "75th anniversary of the uprising of 17 June 1953");
	assert_false(is("BE", 2027, 6, 17));
	assert_false(is("BE", 2029, 6, 17));
	assert_false(is("BB", 2028, 6, 17));
}

static void test_counts_2026(void **state)
{
	/* Reasoned from each Land's law, Sundays included (BB names Easter and
	 * Whit Sunday, HE does not); Bavaria without Mariä Himmelfahrt. */
	static const struct { const char *code; size_t n; } want[] = {
		{ "BW", 12 }, { "BY", 12 }, { "BE", 10 }, { "BB", 12 }, { "HB", 10 }, { "HH", 10 },
		{ "HE", 10 }, { "MV", 11 }, { "NI", 10 }, { "NW", 11 }, { "RP", 11 }, { "SL", 12 },
		{ "SN", 11 }, { "ST", 11 }, { "SH", 10 }, { "TH", 11 },
	};
	struct hop_holiday v[HOLIDAY_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		size_t n = holiday_list(want[i].code, 2026, v, HOLIDAY_MAX);
		if (n != want[i].n)
			fail_msg("%s: %zu holidays in 2026, expected %zu", want[i].code, n, want[i].n);
		for (size_t j = 1; j < n; j++)
			assert_true(v[j - 1].day < v[j].day);
		for (size_t j = 0; j < n; j++) {
			int y, m, d;
			date_to_ymd(v[j].day, &y, &m, &d);
			assert_int_equal(y, 2026);
			assert_non_null(v[j].name);
			assert_non_null(v[j].name_en);
			assert_int_equal(v[j].sunday, date_weekday(v[j].day) == 7 &&
			                 (strcmp(v[j].name, "Ostersonntag") == 0 ||
			                  strcmp(v[j].name, "Pfingstsonntag") == 0));
		}
	}
	/* 2017: Reformationstag everywhere, once even where two rules give it. */
	assert_int_equal(holiday_list("BY", 2017, v, HOLIDAY_MAX), 13);
	assert_int_equal(holiday_list("SN", 2017, v, HOLIDAY_MAX), 11);
	assert_int_equal(holiday_list("BE", 2020, v, HOLIDAY_MAX), 11);
	assert_int_equal(holiday_list("BE", 2018, v, HOLIDAY_MAX), 9);
	assert_int_equal(holiday_list("BE", 2028, v, HOLIDAY_MAX), 11);
	assert_int_equal(holiday_list("HE", 2028, v, HOLIDAY_MAX), 10);
}

static void test_list_order_and_names(void **state)
{
	struct hop_holiday v[HOLIDAY_MAX];
	size_t n = holiday_list("BY", 2026, v, HOLIDAY_MAX);

	(void)state;
	assert_int_equal(n, 12);
	assert_string_equal(v[0].name, "Neujahr");
	assert_int_equal(v[0].day, ymd(2026, 1, 1));
	assert_string_equal(v[7].name, "Fronleichnam");
	assert_int_equal(v[7].day, ymd(2026, 6, 4));
	assert_string_equal(holiday_display(&v[7]), "Corpus Christi");
	assert_string_equal(v[11].name, "2. Weihnachtstag");
	/* A short buffer gets the first entries and the full count. */
	assert_int_equal(holiday_list("BY", 2026, v, 3), 12);
	assert_string_equal(v[2].name, "Karfreitag");
	assert_int_equal(holiday_list("BY", 2026, NULL, 0), 12);
}

static void test_regions(void **state)
{
	static const char *const all[] = { "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
	                                   "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH" };
	struct hop_holiday v[HOLIDAY_MAX];

	(void)state;
	for (size_t i = 0; i < 16; i++) {
		assert_true(holiday_region_valid(all[i]));
		assert_true(holiday_list(all[i], 2026, v, HOLIDAY_MAX) >= 10);
		/* Nationwide days hold in every Land. */
		assert_true(is(all[i], 2026, 10, 3));
		assert_true(is(all[i], 2026, 12, 25));
		assert_false(is(all[i], 2026, 11, 23));
	}
	assert_true(holiday_region_valid("by"));
	assert_true(is("by", 2026, 6, 4));
	assert_false(holiday_region_valid("XX"));
	assert_false(holiday_region_valid("BYE"));
	assert_false(holiday_region_valid(""));
	assert_false(holiday_region_valid(NULL));
	assert_false(holiday_region_valid("Bayern"));
	assert_int_equal(holiday_list("XX", 2026, v, HOLIDAY_MAX), 0);
	assert_false(holiday_is("XX", ymd(2026, 1, 1), NULL));
	/* Years outside the laws hop knows. */
	assert_int_equal(holiday_list("BY", 1990, v, HOLIDAY_MAX), 0);
	assert_int_equal(holiday_list("BY", 10000, v, HOLIDAY_MAX), 0);
	assert_int_equal(holiday_list("BY", 1991, v, HOLIDAY_MAX), 13);   /* with Buß- und Bettag */
	assert_false(holiday_is("BY", HOP_DATE_NONE, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_easter_bounds),
		cmocka_unit_test(test_repentance_day),
		cmocka_unit_test(test_movable),
		cmocka_unit_test(test_fixed_regional),
		cmocka_unit_test(test_counts_2026),
		cmocka_unit_test(test_list_order_and_names),
		cmocka_unit_test(test_regions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
