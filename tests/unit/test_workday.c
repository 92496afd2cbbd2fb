/* Working days: weekends are not; the reason names the day. */
#include "testutil.h"

#include "hop/core/places/place.h"
#include "hop/core/calendar/workday.h"

static void test_weekdays_work(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "admin", 1);
	/* Mon 23 .. Fri 27 Nov 2026. */
	for (int d = 23; d <= 27; d++) {
		hop_date day = date_from_ymd(2026, 11, d);
		if (workday_check(&app, 0, day, &err) != HOP_OK)
			fail_msg("2026-11-%d: %s", d, err.msg);
		assert_true(workday_is_working(&app, 0, day));
	}
	test_app_close(&app);
}

static void test_weekend(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;

	test_app_open(&app, "admin", 1);
	assert_int_equal(workday_check(&app, 0, date_from_ymd(2026, 11, 28), &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Sat 28 Nov 2026 is a Saturday, not a working day");
	assert_int_equal(workday_check(&app, 0, date_from_ymd(2026, 11, 29), &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Sun 29 Nov 2026 is a Sunday, not a working day");
	assert_false(workday_is_working(&app, 0, date_from_ymd(2026, 11, 28)));
	assert_false(workday_is_working(&app, 0, date_from_ymd(2027, 1, 3)));
	assert_true(workday_is_working(&app, 0, date_from_ymd(2027, 1, 4)));
	/* No day at all is no working day either. */
	assert_int_equal(workday_check(&app, 0, HOP_DATE_NONE, &err), HOP_EINVAL);
	test_app_close(&app);
}

/* Public holidays follow the site's Land: Fronleichnam (4 Jun 2026) is off in
 * Bavaria and a working day in Berlin; the organisation's region decides
 * without a site. */
static void test_holidays_by_site(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_site by, be;
	hop_date corpus = date_from_ymd(2026, 6, 4), unity = date_from_ymd(2026, 10, 3);
	(void)state;

	test_app_open(&app, "admin", 1);
	assert_string_equal(app.cfg.region, "BE");
	assert_int_equal(site_add(&app, "München", NULL, NULL, "BY", &err), HOP_OK);
	assert_int_equal(site_add(&app, "Berlin", NULL, NULL, "BE", &err), HOP_OK);
	assert_int_equal(site_get(&app, "München", &by, &err), HOP_OK);
	assert_int_equal(site_get(&app, "Berlin", &be, &err), HOP_OK);

	assert_int_equal(workday_check(&app, by.id, corpus, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "public holiday"));
	assert_true(workday_is_working(&app, be.id, corpus));
	assert_true(workday_is_working(&app, 0, corpus));        /* region BE */
	/* The Land as 'hop holidays --site' and the feeds ask for it. */
	{
		char region[3];
		assert_string_equal(holiday_region_of_site(&app, by.id, region, sizeof region), "BY");
		assert_string_equal(holiday_region_of_site(&app, be.id, region, sizeof region), "BE");
		assert_string_equal(holiday_region_of_site(&app, 0, region, sizeof region), "BE");
		assert_string_equal(holiday_region_of_site(&app, 9999, region, sizeof region), "BE");
	}
	app.cfg.region[0] = 'B', app.cfg.region[1] = 'Y';
	assert_false(workday_is_working(&app, 0, corpus));       /* region BY */
	/* 3 Oct 2026 is a Saturday anyway; 25 Dec 2026 a Friday: off everywhere. */
	assert_false(workday_is_working(&app, be.id, unity));
	assert_false(workday_is_working(&app, be.id, date_from_ymd(2026, 12, 25)));
	test_app_close(&app);
}

/* workday_range answers as workday_check does, day by day, over years with
 * holidays of two Länder, closures of the organisation and of one site, and
 * 24 and 31 December freed by policy and not. */
static void test_range_as_check(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_site by, be;
	hop_date from = date_from_ymd(2025, 12, 20);
	unsigned char working[800];
	(void)state;

	test_app_open(&app, "admin", 1);
	assert_int_equal(site_add(&app, "München", NULL, NULL, "BY", &err), HOP_OK);
	assert_int_equal(site_add(&app, "Berlin", NULL, NULL, "BE", &err), HOP_OK);
	assert_int_equal(site_get(&app, "München", &by, &err), HOP_OK);
	assert_int_equal(site_get(&app, "Berlin", &be, &err), HOP_OK);
	test_sql_exec(app.db, "INSERT INTO closure (day, site_id, summary, uid, source, imported_at) "
	              "VALUES ('2026-07-15', NULL, 'Betriebsausflug', 'a', 'x.ics', '2026-01-01'), "
	              "('2027-03-03', (SELECT id FROM site WHERE name = 'Berlin'), 'Umzug', 'b', "
	              "'x.ics', '2026-01-01')");
	for (int policy = 0; policy < 2; policy++) {
		int64_t sites[] = { 0, by.id, be.id };

		app.cfg.free_dec24_dec31 = policy;
		for (size_t s = 0; s < sizeof sites / sizeof sites[0]; s++) {
			int off = 0;

			assert_int_equal(workday_range(&app, sites[s], from, 800, working, &err), HOP_OK);
			for (int i = 0; i < 800; i++) {
				bool check = workday_check(&app, sites[s], from + i, &err) == HOP_OK;
				if ((working[i] != 0) != check)
					fail_msg("site %lld, day %d of the range: range says %d, check %d",
					         (long long)sites[s], i, working[i], check);
				off += !check;
			}
			/* About 228 weekend days, and holidays among them. */
			assert_true(off >= 228 + 16);
		}
	}
	assert_false(workday_is_working(&app, be.id, date_from_ymd(2027, 3, 3)));
	assert_true(workday_is_working(&app, by.id, date_from_ymd(2027, 3, 3)));
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekdays_work),
		cmocka_unit_test(test_weekend),
		cmocka_unit_test(test_holidays_by_site),
		cmocka_unit_test(test_range_as_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
