/* A day's note: written alone (presence_note_set) or with the location
 * (presence_set), kept when the location changes or a desk is booked,
 * refused where it cannot belong to a day, with nothing changed. */
#include "testutil.h"

#include "hop/core/booking/booking.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"

/* Today is Mon 2026-11-23 in every hop test. */
#define MON23 date_from_ymd(2026, 11, 23)
#define TUE24 date_from_ymd(2026, 11, 24)
#define WED25 date_from_ymd(2026, 11, 25)
#define SAT28 date_from_ymd(2026, 11, 28)

/* Everyone here started long ago. */
#define SINCE date_from_ymd(2020, 1, 1)

/* Referat 11 (lead lena): anna, bernd; one zone with desk S1. */
static void org(struct hop_app *app)
{
	struct desk_spec d = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };
	struct hop_err err;

	test_app_open(app, "admin", 1);
	test_add_person(app, "lena", "Lena Lorenz", "", ROLE_EMPLOYEE | ROLE_LEAD, SINCE);
	test_ok(team_add(app, "Referat 11", "lena", &err), &err);
	test_add_person(app, "anna", "Anna Berg", "Referat 11", ROLE_EMPLOYEE, SINCE);
	test_add_person(app, "bernd", "Bernd Weiß", "Referat 11", ROLE_EMPLOYEE, SINCE);
	test_ok(site_add(app, "Haus", NULL, NULL, "BE", &err), &err);
	test_ok(zone_add(app, "Haus", "3. OG", 3, "Süd", "Referat 11", &err), &err);
	snprintf(d.code, sizeof d.code, "S1");
	snprintf(d.zone, sizeof d.zone, "Süd");
	test_ok(desk_add(app, &d, &err), &err);
	app->cfg.presence_auto_book = 0;
}

/* The stored entry of anna's day: "location|note" ("" none, "-" no note). */
static void entry(struct hop_app *app, hop_date day, char *buf, size_t size)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, "SELECT p.location, coalesce(p.note, '-') FROM "
	                             "presence p JOIN person x ON x.id = p.person_id "
	                             "WHERE x.login = 'anna' AND p.day = ?1", &err);

	assert_non_null(st);
	db_bind_date(st, 1, day);
	buf[0] = '\0';
	if (db_step(st) == DB_ROW)
		snprintf(buf, size, "%s|%s", db_col_text(st, 0), db_col_text(st, 1));
	db_reset(st);
}

static long count(struct hop_app *app, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	long n;

	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_col_int64(st, 0);
	db_reset(st);
	return n;
}

static enum hop_status note(struct hop_app *app, const char *actor, hop_date day,
                            const char *text, struct hop_err *err)
{
	test_act_as(app, actor);
	memset(err, 0, sizeof *err);
	return presence_note_set(app, strcmp(actor, "anna") ? "anna" : NULL, day, text, err);
}

static void test_note(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct presence_result res;
	char e[256];
	char long_note[HOP_PRESENCE_NOTE_MAX + 2];
	long audits;
	(void)state;

	org(&app);
	/* No location yet: nothing for a note to belong to. */
	assert_int_equal(note(&app, "anna", TUE24, "Arzt", &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Anna Berg has no location on Tue 24 Nov 2026 yet; a note "
	                    "belongs to the day's location, so set that first");
	entry(&app, TUE24, e, sizeof e);
	assert_string_equal(e, "");

	/* On a day of its own: the note alone changes. */
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_HOME, NULL, &res, &err), &err);
	presence_result_free(&res);
	test_ok(note(&app, "anna", TUE24, "Arzt 10 Uhr", &err), &err);
	entry(&app, TUE24, e, sizeof e);
	assert_string_equal(e, "home|Arzt 10 Uhr");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'presence.note' "
	                 "AND detail = '2026-11-24: note: Arzt 10 Uhr'"), 1);
	/* The same note again changes nothing, not even the audit log. */
	audits = count(&app, "SELECT count(*) FROM audit");
	test_ok(note(&app, "anna", TUE24, "Arzt 10 Uhr", &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), audits);

	/* Another location keeps it; so does a desk booked on a home day. */
	test_act_as(&app, "anna");
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_MOBILE, NULL, &res, &err), &err);
	presence_result_free(&res);
	entry(&app, TUE24, e, sizeof e);
	assert_string_equal(e, "mobile|Arzt 10 Uhr");
	{
		struct booking_request rq = { .day = TUE24, .desk = "S1" };
		test_ok(booking_book(&app, &rq, NULL, &err), &err);
	}
	entry(&app, TUE24, e, sizeof e);
	assert_string_equal(e, "office|Arzt 10 Uhr");
	/* presence_set with "" removes it, with a text replaces it. */
	test_ok(presence_set(&app, NULL, TUE24, TUE24, LOC_OFFICE, "", &res, &err), &err);
	presence_result_free(&res);
	entry(&app, TUE24, e, sizeof e);
	assert_string_equal(e, "office|-");

	/* A day of the weekly default gets an entry of its own with the note. */
	test_ok(presence_default_set(&app, NULL, "wed=mobile", &err), &err);
	test_ok(note(&app, "anna", WED25, "Umzug", &err), &err);
	entry(&app, WED25, e, sizeof e);
	assert_string_equal(e, "mobile|Umzug");
	/* "" removes the note and keeps the day. */
	test_ok(note(&app, "anna", WED25, "", &err), &err);
	entry(&app, WED25, e, sizeof e);
	assert_string_equal(e, "mobile|-");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'presence.note' "
	                 "AND detail = '2026-11-25: note removed'"), 1);

	/* Refusals, with nothing changed. */
	audits = count(&app, "SELECT count(*) FROM audit");
	assert_int_equal(note(&app, "anna", WED25, "a\x1b[2Jb", &err), HOP_EINVAL);
	assert_int_equal(note(&app, "anna", WED25, "Zeile\nzwei", &err), HOP_EINVAL);
	memset(long_note, 'x', sizeof long_note - 1);
	long_note[sizeof long_note - 1] = '\0';
	assert_int_equal(note(&app, "anna", WED25, long_note, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the note is 201 bytes long; at most 200 are allowed");
	assert_int_equal(note(&app, "anna", SAT28, "x", &err), HOP_EINVAL);
	assert_string_equal(err.msg, "Sat 28 Nov 2026 is a Saturday, not a working day; notes are "
	                    "kept for working days only");
	assert_int_equal(note(&app, "anna", MON23 - 3, "x", &err), HOP_EINVAL);
	assert_int_equal(note(&app, "bernd", WED25, "x", &err), HOP_EPERM);
	entry(&app, WED25, e, sizeof e);
	assert_string_equal(e, "mobile|-");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), audits);
	/* The lead may. */
	test_ok(note(&app, "lena", WED25, "Teamtag", &err), &err);
	entry(&app, WED25, e, sizeof e);
	assert_string_equal(e, "mobile|Teamtag");
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
