/* Reading one at a time (booking_each, person_each, desk_each): the same
 * rows as the lists, a callback's failure stops the walk and is returned, and
 * the statement is left ready for the next walk.  And the writer's zones:
 * UTC, cut history, nothing written before a refusal. */
#include "testutil.h"

#include "hop/core/booking/booking.h"
#include "hop/core/feeds/feeds.h"
#include "hop/core/places/place.h"

static void person(struct hop_app *app, const char *login, const char *name, const char *team)
{
	test_add_person(app, login, name, team, ROLE_EMPLOYEE, HOP_DATE_NONE);
}

static void desk(struct hop_app *app, const char *code)
{
	struct desk_spec d = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };
	struct hop_err err;

	snprintf(d.code, sizeof d.code, "%s", code);
	snprintf(d.zone, sizeof d.zone, "Süd");
	test_ok(desk_add(app, &d, &err), &err);
}

/* A team of three, six desks, and each of the three booking a desk on each
 * working day of two weeks (one of them cancelled). */
static void org(struct hop_app *app)
{
	static const char *const logins[] = { "anna", "bernd", "carl" };
	static const char *const codes[] = { "S1", "S2", "S3", "S10", "S11", "S20" };
	struct hop_err err;

	test_app_open(app, "admin", 1);
	test_ok(team_add(app, "Referat 11", NULL, &err), &err);
	person(app, "anna", "Anna Berg", "Referat 11");
	person(app, "bernd", "Bernd Weiß", "Referat 11");
	person(app, "carl", "Carl Öztürk", "Referat 11");
	test_ok(site_add(app, "Haus", NULL, NULL, NULL, &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		desk(app, codes[i]);
	for (hop_date day = date_from_ymd(2026, 11, 24); day <= date_from_ymd(2026, 12, 4); day++) {
		if (date_weekday(day) > 5)
			continue;
		for (int i = 0; i < 3; i++) {
			struct booking_request rq = { .day = day, .half = HALF_DAY, .desk = codes[i],
			                              .for_login = logins[i] };
			test_ok(booking_book(app, &rq, NULL, &err), &err);
		}
	}
	int n = 0;
	test_ok(booking_cancel(app, date_from_ymd(2026, 11, 25), "S2", HALF_DAY, "bernd", &n, &err), &err);
	assert_int_equal(n, 1);
}

struct counter { size_t n, stop_at; int64_t sum; };

static enum hop_status count_booking(void *ctx, const struct hop_booking *b, struct hop_err *err)
{
	struct counter *c = ctx;
	if (++c->n == c->stop_at)
		return hop_fail(err, HOP_EIO, "stopped at %zu", c->n);
	c->sum += b->id;
	return HOP_OK;
}

static void test_booking_each(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;
	org(&app);

	/* A site with the cancelled ones: every row of the list, none twice. */
	struct booking_filter f = { .site = "Haus", .from = date_from_ymd(2026, 11, 23),
	                            .to = date_from_ymd(2026, 12, 31), .include_cancelled = true };
	struct hop_booking_list l;
	test_ok(booking_list(&app, &f, &l, &err), &err);
	assert_int_equal(l.n, 27);   /* 9 working days from Tue 24 Nov, 3 people */
	int64_t sum = 0;
	for (size_t i = 0; i < l.n; i++)
		sum += l.v[i].id;
	struct counter c = { 0 };
	test_ok(booking_each(&app, &f, count_booking, &c, &err), &err);
	assert_int_equal(c.n, l.n);
	assert_int_equal(c.sum, sum);
	booking_list_free(&l);

	/* Active only, a person, a desk: as the list. */
	struct booking_filter g[] = {
		{ .site = "Haus", .from = date_from_ymd(2026, 11, 23), .to = date_from_ymd(2026, 12, 31) },
		{ .person = "bernd", .from = date_from_ymd(2026, 11, 23), .to = date_from_ymd(2026, 12, 31),
		  .include_cancelled = true },
		{ .desk = "S1", .from = date_from_ymd(2026, 11, 30), .to = date_from_ymd(2026, 12, 31) },
	};
	const size_t want[] = { 26, 9, 5 };
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		struct counter k = { 0 };
		test_ok(booking_each(&app, &g[i], count_booking, &k, &err), &err);
		assert_int_equal(k.n, want[i]);
	}

	/* The callback's failure ends the walk and comes back as it was... */
	struct counter s = { .stop_at = 4 };
	assert_int_equal(booking_each(&app, &f, count_booking, &s, &err), HOP_EIO);
	assert_string_equal(err.msg, "stopped at 4");
	assert_int_equal(s.n, 4);
	/* ...and the next walk starts from the beginning. */
	struct counter again = { 0 };
	test_ok(booking_each(&app, &f, count_booking, &again, &err), &err);
	assert_int_equal(again.n, 27);

	/* A bad filter is refused before any row. */
	struct booking_filter bad = { .site = "Nirgendwo", .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	struct counter none = { 0 };
	assert_int_equal(booking_each(&app, &bad, count_booking, &none, &err), HOP_ENOTFOUND);
	assert_int_equal(none.n, 0);
	test_app_close(&app);
}

struct names { char v[16][HOP_CODE_MAX + HOP_LOGIN_MAX + 2]; size_t n, stop_at; };

static enum hop_status add_person(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct names *c = ctx;
	if (c->n + 1 == c->stop_at)
		return hop_fail(err, HOP_EIO, "enough");
	snprintf(c->v[c->n++], sizeof c->v[0], "%s", p->login);
	return HOP_OK;
}

static enum hop_status add_desk(void *ctx, const struct hop_desk *d, struct hop_err *err)
{
	struct names *c = ctx;
	(void)err;
	snprintf(c->v[c->n++], sizeof c->v[0], "%s", d->code);
	return HOP_OK;
}

static void test_person_and_desk_each(void **state)
{
	struct hop_app app;
	struct hop_err err;
	(void)state;
	org(&app);

	struct hop_person_list pl;
	struct person_filter pf = { 0 };
	test_ok(person_list(&app, &pf, &pl, &err), &err);
	struct names n = { 0 };
	test_ok(person_each(&app, &pf, add_person, &n, &err), &err);
	assert_int_equal(n.n, pl.n);
	for (size_t i = 0; i < pl.n; i++)
		assert_string_equal(n.v[i], pl.v[i].login);   /* the same order */
	person_list_free(&pl);
	struct names s = { .stop_at = 2 };
	assert_int_equal(person_each(&app, &pf, add_person, &s, &err), HOP_EIO);
	assert_int_equal(s.n, 1);

	/* Desks: the same set as desk_list (whose codes are in natural order). */
	struct hop_desk_list dl;
	struct desk_filter df = { .rooms = -1 };
	test_ok(desk_list(&app, &df, &dl, &err), &err);
	struct names d = { 0 };
	test_ok(desk_each(&app, &df, add_desk, &d, &err), &err);
	assert_int_equal(d.n, dl.n);
	assert_int_equal(d.n, 6);
	for (size_t i = 0; i < dl.n; i++) {
		bool found = false;
		for (size_t j = 0; j < d.n; j++)
			found = found || strcmp(d.v[j], dl.v[i].code) == 0;
		assert_true(found);
	}
	desk_list_free(&dl);
	test_app_close(&app);
}

/* ---- the writer's zones ---- */

static char *calendar(const char *const *zones, size_t n, hop_date since,
                      const struct ics_event *ev, enum hop_status *open_st)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	struct ics_writer *w;
	struct hop_err err;

	assert_non_null(out);
	*open_st = ics_writer_open(out, "Test", zones, n, since, 1795000000, &w, &err);
	if (*open_st == HOP_OK) {
		if (ev)
			assert_int_equal(ics_writer_event(w, ev, &err), HOP_OK);
		assert_int_equal(ics_writer_close(w, NULL, &err), HOP_OK);
	}
	fclose(out);
	return buf;
}

static void test_writer_zones(void **state)
{
	enum hop_status st;
	(void)state;

	/* UTC has no VTIMEZONE in libical: its times end in Z. */
	const char *utc[] = { "UTC" };
	struct ics_event ev = { .uid = "u@x", .summary = "S", .day = date_from_ymd(2026, 11, 24),
	                        .half = HALF_AM, .tzid = "UTC" };
	char *s = calendar(utc, 1, HOP_DATE_NONE, &ev, &st);
	assert_int_equal(st, HOP_OK);
	assert_null(strstr(s, "BEGIN:VTIMEZONE"));
	assert_non_null(strstr(s, "DTSTART:20261124T080000Z\r\n"));
	assert_non_null(strstr(s, "DTEND:20261124T120000Z\r\n"));
	free(s);

	/* Berlin cut to a year before the first day: no 19th-century offsets,
	 * and the same text twice (the second from the cache). */
	const char *berlin[] = { "Europe/Berlin" };
	char *a = calendar(berlin, 1, date_from_ymd(2026, 11, 9), NULL, &st);
	char *b = calendar(berlin, 1, date_from_ymd(2026, 11, 9), NULL, &st);
	char *whole = calendar(berlin, 1, HOP_DATE_NONE, NULL, &st);
	assert_string_equal(a, b);
	assert_null(strstr(a, "+005328"));
	assert_non_null(strstr(whole, "+005328"));
	assert_non_null(strstr(a, "TZID:Europe/Berlin\r\n"));
	assert_non_null(strstr(a, "TZOFFSETTO:+0200"));
	assert_true(strlen(a) * 2 < strlen(whole));
	free(a);
	free(b);
	free(whole);

	/* A zone refused: nothing at all is written. */
	const char *bad[] = { "Europe/Berlin", "Mars/Olympus" };
	s = calendar(bad, 2, HOP_DATE_NONE, NULL, &st);
	assert_int_equal(st, HOP_EINVAL);
	assert_true(s == NULL || *s == '\0');
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_booking_each),
		cmocka_unit_test(test_person_and_desk_each),
		cmocka_unit_test(test_writer_zones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
