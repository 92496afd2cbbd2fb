/* The demo organisation's places and bookings: the same seed gives the same
 * bookings, no two collide, the scaled organisation's year. */
#include <ctype.h>

#include "demo_org.h"
#include "../../src/demo/demo_internal.h"

/* ---- places and bookings ---- */

/* One number from a query (tests read the database directly: the invariants
 * are about rows, whatever the core functions make of them). */
static long long query_int(struct hop_app *app, const char *sql, const char *text)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	long long v;

	if (!st)
		fail_msg("%s: %s", sql, err.msg);
	if (text)
		db_bind_text(st, 1, text);
	assert_int_equal(db_step(st), DB_ROW);
	v = db_col_int64(st, 0);
	db_reset(st);
	return v;
}

/* Bookings on a Saturday or Sunday. */
static long long weekend_bookings(struct hop_app *app)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, "SELECT day FROM booking", &err);
	long long n = 0;

	if (!st)
		fail_msg("%s", err.msg);
	while (db_step(st) == DB_ROW)
		n += date_weekday(db_col_date(st, 0)) >= 6;
	db_raw_free(st);
	return n;
}

/* Desks whose code is not site letter, floor digit, '.', two digits and more. */
static long long odd_desk_codes(struct hop_app *app)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, "SELECT code FROM desk WHERE kind = 'desk'", &err);
	long long n = 0;

	if (!st)
		fail_msg("%s", err.msg);
	while (db_step(st) == DB_ROW) {
		const char *c = db_col_text(st, 0);
		n += !(strlen(c) >= 5 && strchr("ABC", c[0]) && c[1] >= '1' && c[1] <= '9' &&
		       c[2] == '.' && isdigit((unsigned char)c[3]) && isdigit((unsigned char)c[4]));
	}
	db_raw_free(st);
	return n;
}

/* Active bookings sharing a place, or a person's desk, in a half day. */
static long long collisions(struct hop_app *app)
{
	return query_int(app, "WITH h AS (SELECT desk_id, person_id, day, is_room, 1 AS half "
	                 "FROM booking WHERE am = 1 AND cancelled_at IS NULL UNION ALL "
	                 "SELECT desk_id, person_id, day, is_room, 2 FROM booking "
	                 "WHERE pm = 1 AND cancelled_at IS NULL) "
	                 "SELECT (SELECT count(*) FROM (SELECT 1 FROM h GROUP BY desk_id, day, half "
	                 "HAVING count(*) > 1) AS d) + (SELECT count(*) FROM (SELECT 1 FROM h "
	                 "WHERE is_room = 0 GROUP BY person_id, day, half HAVING count(*) > 1) AS p)",
	                 NULL);
}

static void test_places(void **state)
{
	struct hop_app app;
	struct hop_site_list sl = { 0 };
	struct hop_zone_list zl = { 0 };
	struct hop_desk_list dl = { 0 };
	struct hop_team_list tl;
	struct desk_filter all = { NULL, NULL, 0, -1, false };
	struct hop_err err;
	int desks = 0, monitor = 0, dock = 0, standing = 0, accessible = 0, quiet = 0;
	int fixed = 0, team_rooms = 0, creative = 0, meeting = 0, levels[16] = { 0 }, floors = 0;
	hop_date today = date_from_ymd(2026, 11, 23);

	(void)state;
	demo_open(&app, 0, 0);
	assert_int_equal(site_list(&app, &sl, &err), HOP_OK);
	assert_int_equal(sl.n, 1);
	assert_string_equal(sl.v[0].name, "Dienstgebäude Mitte");
	assert_non_null(strstr(sl.v[0].address, "Wilhelmstraße"));
	assert_non_null(strstr(sl.v[0].address, "Berlin"));
	assert_string_equal(sl.v[0].timezone, app.cfg.timezone);
	assert_string_equal(sl.v[0].region, app.cfg.region);

	/* A zone for every team, with the team as its owner; floors 3 to 4. */
	list_teams(&app, &tl);
	assert_int_equal(zone_list(&app, NULL, &zl, &err), HOP_OK);
	for (size_t i = 0; i < tl.n; i++) {
		int found = 0;
		for (size_t j = 0; j < zl.n; j++)
			if (zl.v[j].team_id == tl.v[i].id) {
				found++;
				assert_string_equal(zl.v[j].team, tl.v[i].name);
				assert_true(zl.v[j].desks >= 1);
			}
		if (found != 1)
			fail_msg("team '%s' has %d zones", tl.v[i].name, found);
	}
	for (size_t j = 0; j < zl.n; j++) {
		assert_true(zl.v[j].level >= 0 && zl.v[j].level < 16);
		if (!levels[zl.v[j].level]++)
			floors++;
	}
	assert_true(floors >= 3 && floors <= 4);

	assert_int_equal(desk_list(&app, &all, &dl, &err), HOP_OK);
	for (size_t i = 0; i < dl.n; i++) {
		const struct hop_desk *d = &dl.v[i];
		switch (d->kind) {
		case DESK_KIND_DESK:
			desks++;
			monitor += !!(d->attrs & ATTR_MONITOR);
			dock += !!(d->attrs & ATTR_DOCK);
			standing += !!(d->attrs & ATTR_STANDING);
			accessible += !!(d->attrs & ATTR_ACCESSIBLE);
			quiet += !!(d->attrs & ATTR_QUIET);
			/* Codes like "2.07": the floor's level, a dot, two digits. */
			assert_int_equal(d->code[0] - '0', d->zone.level);
			assert_int_equal(d->code[1], '.');
			assert_int_equal(strlen(d->code), 4);
			if (d->owner_id) {
				struct hop_person o;
				fixed++;
				assert_int_equal(person_get(&app, d->owner_login, &o, &err), HOP_OK);
				/* Leads or long-serving staff, at a desk in their team's zone. */
				assert_true((o.roles & ROLE_LEAD) || o.start <= today - 5 * 365);
				assert_int_equal(o.team_id, d->zone.team_id);
			}
			break;
		case DESK_KIND_TEAM_ROOM:
			team_rooms++;
			assert_true(d->zone.team_id != 0);
			assert_int_equal(d->bookable, BOOKABLE_TEAM);
			break;
		case DESK_KIND_CREATIVE_ROOM:
			creative++;
			break;
		case DESK_KIND_MEETING_ROOM:
			meeting++;
			assert_true(d->capacity >= 6 && d->capacity <= 12);
			break;
		}
		if (d->kind != DESK_KIND_DESK)
			assert_true(d->name[0] != '\0' && d->capacity >= 2);
	}
	assert_int_equal(desks, 45);
	assert_int_equal(team_rooms, 1);
	assert_int_equal(creative, 1);
	assert_int_equal(meeting, 2);
	assert_true(fixed >= 3 && fixed <= 5);
	/* Realistic spread: most have a monitor and a dock, some stand, a few are
	 * accessible or quiet, not all. */
	assert_true(monitor >= desks * 7 / 10 && monitor < desks);
	assert_true(dock >= desks * 6 / 10);
	assert_true(standing >= 2 && standing <= desks / 2);
	assert_true(accessible >= 3 && accessible <= desks / 3);
	assert_true(quiet >= 2 && quiet <= desks / 3);
	site_list_free(&sl);
	zone_list_free(&zl);
	desk_list_free(&dl);
	team_list_free(&tl);
	test_app_close(&app);
}

static void test_bookings(void **state)
{
	struct hop_app app;
	struct hop_audit_list al = { 0 };
	struct audit_filter af = { NULL, "demo", HOP_DATE_NONE, 0 };
	struct hop_err err;
	hop_date today = date_from_ymd(2026, 11, 23), last;
	char from[HOP_DATE_ISO_LEN], to[HOP_DATE_ISO_LEN];
	long long total, whole, rooms, days, people, audits = 0;

	(void)state;
	demo_open(&app, 0, 0);
	last = today + app.cfg.booking_horizon_days;
	date_format(today, from);
	date_format(last, to);
	total = query_int(&app, "SELECT count(*) FROM booking", NULL);
	/* Sixty people, one to three office days a week, for four weeks. */
	assert_true(total >= 150 && total <= 600);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking WHERE day < ?1", from), 0);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking WHERE day > ?1", to), 0);
	assert_int_equal(collisions(&app), 0);
	/* Working days only. */
	assert_int_equal(weekend_bookings(&app), 0);
	/* Every working day of the coming weeks has bookings. */
	days = query_int(&app, "SELECT count(DISTINCT day) FROM booking", NULL);
	assert_int_equal(days, 21);
	/* Mostly whole days, some half days, a few room bookings. */
	whole = query_int(&app, "SELECT count(*) FROM booking WHERE am = 1 AND pm = 1", NULL);
	rooms = query_int(&app, "SELECT count(*) FROM booking WHERE is_room = 1", NULL);
	assert_true(whole >= total * 6 / 10 && whole < total);
	assert_true(rooms >= 5 && rooms <= total / 5);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id WHERE b.attendees > d.capacity "
	                           "OR b.is_room <> (d.kind <> 'desk')", NULL), 0);
	/* A team room only for its team. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id "
	                           "JOIN person p ON p.id = b.person_id "
	                           "WHERE d.bookable_by = 'team' AND p.team_id <> z.team_id", NULL), 0);
	/* Only people employed on the day; everyone books for themselves. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN person p "
	                           "ON p.id = b.person_id WHERE b.day < p.start_date "
	                           "OR b.day > coalesce(p.end_date, '9999') "
	                           "OR b.booked_by <> b.person_id", NULL), 0);
	/* A fixed desk goes to someone else only on a day its owner is not in. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id WHERE d.owner_id IS NOT NULL "
	                           "AND b.person_id <> d.owner_id AND EXISTS (SELECT 1 FROM booking o "
	                           "WHERE o.person_id = d.owner_id AND o.day = b.day AND o.is_room = 0)",
	                           NULL), 0);
	/* Owners do come in, to their own desks. */
	assert_true(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id "
	                      "WHERE b.person_id = d.owner_id", NULL) >= 5);
	/* Not everyone comes in at once: even the busiest day leaves desks free,
	 * and most people come in at some point of the four weeks. */
	assert_true(query_int(&app, "SELECT max(n) FROM (SELECT count(*) AS n FROM booking "
	                      "WHERE is_room = 0 GROUP BY day) AS d", NULL) < 45);
	people = query_int(&app, "SELECT count(DISTINCT person_id) FROM booking", NULL);
	assert_true(people >= 40);

	/* One audit entry for the batch. */
	assert_int_equal(audit_list(&app, &af, &al, &err), HOP_OK);
	for (size_t i = 0; i < al.n; i++)
		if (strcmp(al.v[i].action, "demo.bookings") == 0) {
			audits++;
			assert_non_null(al.v[i].detail);
			assert_non_null(strstr(al.v[i].detail, "bookings="));
		}
	assert_int_equal(audits, 1);
	audit_list_free(&al);
	test_app_close(&app);
}

/* Everything a seed decides, as text: people, places and bookings. */
static char *dump_of(int people, uint64_t seed)
{
	struct hop_app app;
	struct hop_err err;
	struct db_stmt *st;
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);

	assert_non_null(out);
	out[0] = '\0';
	demo_open(&app, people, seed);
	st = db_stmt(app.db, "SELECT b.day || ' ' || d.code || ' ' || p.login || ' ' || b.am || b.pm "
	             "|| ' ' || b.attendees || ' ' || d.attrs || ' ' || coalesce(d.owner_id, 0) "
	             "FROM booking b JOIN desk d ON d.id = b.desk_id "
	             "JOIN person p ON p.id = b.person_id ORDER BY b.id", &err);
	assert_non_null(st);
	while (db_step(st) == DB_ROW) {
		const char *line = db_col_text(st, 0);
		size_t n = strlen(line);
		if (len + n + 2 > cap) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	db_reset(st);
	test_app_close(&app);
	return out;
}

static void test_same_seed_same_bookings(void **state)
{
	char *a, *b, *c;

	(void)state;
	a = dump_of(0, 0);
	b = dump_of(0, 0);
	c = dump_of(0, 5);
	assert_true(strlen(a) > 1000);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	free(a);
	free(b);
	free(c);
}

/* Larger organisations: one desk for four people, a year of bookings that
 * ends with the booking horizon, no collisions. */
static void test_scaled_places_and_year(void **state)
{
	struct hop_app app;
	struct hop_err err;
	char first[HOP_DATE_ISO_LEN], last[HOP_DATE_ISO_LEN];
	hop_date today = date_from_ymd(2026, 11, 23);
	long long n;

	(void)state;
	demo_open(&app, 1000, 11);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind = 'desk'", NULL), 250);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM zone WHERE team_id IS NOT NULL", NULL),
	                 100);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM site", NULL), 1);
	/* Three desk floors (at most 180 desks each) above the ground floor's rooms. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM floor", NULL), 4);
	date_format(today + app.cfg.booking_horizon_days - 364, first);
	date_format(today + app.cfg.booking_horizon_days, last);
	assert_int_equal(query_int(&app, "SELECT min(day) = ?1 FROM booking", first), 1);
	assert_int_equal(query_int(&app, "SELECT max(day) <= ?1 FROM booking", last), 1);
	/* A crowded office: about a hundred rows a person a year. */
	n = query_int(&app, "SELECT count(*) FROM booking", NULL);
	assert_true(n >= 80000 && n <= 120000);
	assert_int_equal(collisions(&app), 0);
	test_app_close(&app);

	/* Many sites for many desks (one per thousand): codes carry the site's
	 * letter.  The places alone, for three teams, to keep the test quick. */
	test_app_open(&app, "tester", 1);
	assert_int_equal(team_add(&app, "Referat A", NULL, &err), HOP_OK);
	assert_int_equal(team_add(&app, "Referat B", NULL, &err), HOP_OK);
	assert_int_equal(team_add(&app, "Referat C", NULL, &err), HOP_OK);
	assert_int_equal(demo_places(&app, 8200, 3, &err), HOP_OK);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind = 'desk'", NULL), 2050);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM site", NULL), 3);
	assert_int_equal(query_int(&app, "SELECT count(DISTINCT substr(code, 1, 1)) FROM desk "
	                           "WHERE kind = 'desk'", NULL), 3);
	assert_int_equal(odd_desk_codes(&app), 0);
	/* Per site: a meeting room per forty desks, a creative room per 250, and
	 * a team room for its largest team (here its only one). */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind <> 'desk'", NULL),
	                 3 * (17 + 2 + 1));
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_bookings),
		cmocka_unit_test(test_same_seed_same_bookings),
		cmocka_unit_test(test_scaled_places_and_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
