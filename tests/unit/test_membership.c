/* Team membership over time: the team on a day, moves keep the history,
 * overlapping posts refused by the database itself and by core (naming both
 * periods), person.team_id kept in step and refreshed when the day changes. */
#include "testutil.h"

#include "hop/core/people/membership.h"
#include "hop/db/migrations.h"
#include "hop/core/people/person.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

/* How one statement ended: DB_DONE, or the kind of constraint that refused it. */
static enum db_step exec(struct hop_app *app, const char *sql)
{
	return test_sql_step(app->db, sql);
}

static void add(struct hop_app *app, const char *login, const char *team, hop_date start)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	snprintf(p.team, sizeof p.team, "%s", team ? team : "");
	p.start = start;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static int64_t team_id(struct hop_app *app, const char *name)
{
	struct hop_team t;
	struct hop_err err;

	if (team_get(app, name, &t, &err) != HOP_OK)
		fail_msg("team %s: %s", name, err.msg);
	return t.id;
}

static int64_t person_id(struct hop_app *app, const char *login)
{
	struct hop_person p;
	struct hop_err err;

	if (person_get(app, login, &p, &err) != HOP_OK)
		fail_msg("person %s: %s", login, err.msg);
	return p.id;
}

static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "hr", 1);
	assert_int_equal(team_add(app, "Referat 11", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Referat 12", NULL, &err), HOP_OK);
	assert_int_equal(team_add(app, "Referat 3", NULL, &err), HOP_OK);
}

static void test_team_on_a_day(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct person_edit e = { .fields = PF_TEAM };
	struct hop_membership_list l;
	int64_t t, id;
	hop_date today = date_from_ymd(2026, 11, 23);

	(void)state;
	setup(&app);
	add(&app, "aberg", "Referat 11", date_from_ymd(2020, 3, 2));
	id = person_id(&app, "aberg");
	assert_int_equal(membership_team_on(&app, id, date_from_ymd(2020, 3, 2), &t, &err), HOP_OK);
	assert_int_equal(t, team_id(&app, "Referat 11"));
	assert_int_equal(membership_team_on(&app, id, date_from_ymd(2020, 3, 1), &t, &err), HOP_OK);
	assert_int_equal(t, 0);

	/* A move ends the post the day before and opens one from today. */
	snprintf(e.team, sizeof e.team, "Referat 12");
	assert_int_equal(person_edit(&app, "aberg", &e, &err), HOP_OK);
	assert_int_equal(membership_history(&app, "aberg", &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].team, "Referat 11");
	assert_int_equal(l.v[0].end, today - 1);
	assert_string_equal(l.v[1].team, "Referat 12");
	assert_int_equal(l.v[1].start, today);
	assert_int_equal(l.v[1].end, HOP_DATE_NONE);
	membership_list_free(&l);
	assert_int_equal(membership_team_on(&app, id, today - 1, &t, &err), HOP_OK);
	assert_int_equal(t, team_id(&app, "Referat 11"));
	assert_int_equal(membership_team_on(&app, id, today, &t, &err), HOP_OK);
	assert_int_equal(t, team_id(&app, "Referat 12"));

	/* Someone not yet started changes the team of their first post. */
	add(&app, "neu", "Referat 11", date_from_ymd(2027, 1, 4));
	snprintf(e.team, sizeof e.team, "Referat 3");
	assert_int_equal(person_edit(&app, "neu", &e, &err), HOP_OK);
	assert_int_equal(membership_history(&app, "neu", &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].team, "Referat 3");
	assert_int_equal(l.v[0].start, date_from_ymd(2027, 1, 4));
	membership_list_free(&l);
	/* Before the first day the cache holds the team they will join. */
	assert_int_equal(count(&app, "SELECT team_id FROM person WHERE login = 'neu'"),
	                 team_id(&app, "Referat 3"));

	/* A secondment counts while it lasts; acting does not change the team. */
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_SECONDMENT,
	                                date_from_ymd(2027, 3, 1), date_from_ymd(2027, 5, 31),
	                                &err), HOP_OK);
	assert_int_equal(membership_add(&app, "aberg", "Referat 11", MEMBER_ACTING,
	                                date_from_ymd(2027, 4, 1), date_from_ymd(2027, 4, 30),
	                                &err), HOP_OK);
	assert_int_equal(membership_team_on(&app, id, date_from_ymd(2027, 4, 14), &t, &err), HOP_OK);
	assert_int_equal(t, team_id(&app, "Referat 3"));
	assert_int_equal(membership_team_on(&app, id, date_from_ymd(2027, 6, 1), &t, &err), HOP_OK);
	assert_int_equal(t, team_id(&app, "Referat 12"));
	test_app_close(&app);
}

static void test_overlap_refused(void **state)
{
	struct hop_app app;
	struct hop_err err;
	int64_t before;

	(void)state;
	setup(&app);
	add(&app, "aberg", "Referat 11", date_from_ymd(2020, 3, 2));
	before = count(&app, "SELECT count(*) FROM membership");

	/* The database itself: a second open post from 2026. */
	assert_int_equal(exec(&app, "INSERT INTO membership (person_id, team_id, kind, start_on, "
	                      "created_at) SELECT p.id, t.id, 'post', '2026-01-01', 'x' "
	                      "FROM person p, team t WHERE p.login = 'aberg' "
	                      "AND t.name = 'Referat 12'"), DB_CHECK);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership"), before);
	/* ... also when a period is moved onto another. */
	assert_int_equal(exec(&app, "INSERT INTO membership (person_id, team_id, kind, start_on, "
	                      "end_on, created_at) SELECT p.id, t.id, 'secondment', '2026-01-01', "
	                      "'2026-02-01', 'x' FROM person p, team t WHERE p.login = 'aberg' "
	                      "AND t.name = 'Referat 12'"), DB_DONE);
	assert_int_equal(exec(&app, "UPDATE membership SET kind = 'post' "
	                      "WHERE kind = 'secondment'"), DB_CHECK);

	/* A station overlays the post (the home unit) for its months... */
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_STATION,
	                                date_from_ymd(2027, 3, 1), date_from_ymd(2027, 5, 31),
	                                &err), HOP_OK);
	/* ... and core says which stations collide. */
	assert_int_equal(membership_add(&app, "aberg", "Referat 12", MEMBER_STATION,
	                                date_from_ymd(2027, 5, 1), date_from_ymd(2027, 8, 31),
	                                &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "Person aberg holds the station in Referat 3 from 2027-03-01 to 2027-05-31"));
	assert_non_null(strstr(err.msg, "the station in Referat 12 from 2027-05-01 to 2027-08-31"));
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'station'"), 1);
	/* Secondments may overlap the post. */
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_SECONDMENT,
	                                date_from_ymd(2027, 3, 1), HOP_DATE_NONE, &err), HOP_OK);
	test_app_close(&app);
}

/* A new post moves the person: the running post ends the day before. */
static void test_new_post_moves(void **state)
{
	struct hop_app app;
	struct hop_err err;

	(void)state;
	setup(&app);
	add(&app, "aberg", "Referat 11", date_from_ymd(2021, 4, 1));
	assert_int_equal(membership_add(&app, "aberg", "Referat 12", MEMBER_POST,
	                                date_from_ymd(2024, 4, 1), HOP_DATE_NONE, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership m JOIN team t ON "
	                       "t.id = m.team_id WHERE t.name = 'Referat 11' "
	                       "AND m.end_on = '2024-03-31'"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM membership WHERE kind = 'post' "
	                       "AND end_on IS NULL"), 1);
	/* A post that would begin before the running one did still collides. */
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_POST,
	                                date_from_ymd(2020, 1, 1), date_from_ymd(2024, 6, 30),
	                                &err), HOP_ECONFLICT);
	test_app_close(&app);
}

static void test_refresh_on_day_change(void **state)
{
	struct hop_app app;
	struct hop_err err;
	int64_t r3;

	(void)state;
	setup(&app);
	add(&app, "aberg", "Referat 11", date_from_ymd(2020, 3, 2));
	r3 = team_id(&app, "Referat 3");
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_SECONDMENT,
	                                date_from_ymd(2026, 12, 1), date_from_ymd(2026, 12, 31),
	                                &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT team_id FROM person WHERE login = 'aberg'"),
	                 team_id(&app, "Referat 11"));
	/* The day the secondment begins: the next refresh moves the cache. */
	clock_set_today(date_from_ymd(2026, 12, 1));
	assert_int_equal(membership_refresh(&app, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT team_id FROM person WHERE login = 'aberg'"), r3);
	assert_int_equal(count(&app, "SELECT value = '2026-12-01' FROM app_state "
	                       "WHERE key = 'team_refresh'"), 1);
	/* Nothing to do the rest of the day: no write at all (SQLite's mark counts
	 * this connection's changes; PostgreSQL's the feed tables', and app_state's
	 * row would have a new version). */
	struct db_mark m0, m1;
	char xmin0[32], xmin1[32];
	assert_int_equal(db_mark(app.db, &m0, &err), HOP_OK);
	if (test_on_pg())
		test_sql_text(app.db, "SELECT CAST(xmin AS text) FROM app_state "
		              "WHERE key = 'team_refresh'", xmin0, sizeof xmin0);
	assert_int_equal(membership_refresh(&app, &err), HOP_OK);
	assert_int_equal(db_mark(app.db, &m1, &err), HOP_OK);
	assert_true(db_mark_same(&m0, &m1));
	if (test_on_pg())
		assert_string_equal(test_sql_text(app.db, "SELECT CAST(xmin AS text) FROM app_state "
		                    "WHERE key = 'team_refresh'", xmin1, sizeof xmin1), xmin0);
	/* After it ends, back; and back again when the clock goes back. */
	clock_set_today(date_from_ymd(2027, 1, 4));
	assert_int_equal(membership_refresh(&app, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT team_id FROM person WHERE login = 'aberg'"),
	                 team_id(&app, "Referat 11"));
	clock_set_today(date_from_ymd(2026, 12, 15));
	assert_int_equal(membership_refresh(&app, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT team_id FROM person WHERE login = 'aberg'"), r3);
	clock_set_today(date_from_ymd(2026, 11, 23));
	test_app_close(&app);
}

static void test_words_and_rights(void **state)
{
	struct hop_app app;
	struct hop_err err;
	enum membership_kind k;

	(void)state;
	assert_int_equal(membership_kind_parse("Abordnung", &k, &err), HOP_OK);
	assert_int_equal(k, MEMBER_SECONDMENT);
	assert_int_equal(membership_kind_parse("station", &k, &err), HOP_OK);
	assert_int_equal(k, MEMBER_STATION);
	assert_int_equal(membership_kind_parse("boss", &k, &err), HOP_EINVAL);
	assert_string_equal(membership_kind_name(MEMBER_ACTING), "acting");
	setup(&app);
	add(&app, "aberg", "Referat 11", date_from_ymd(2020, 3, 2));
	test_act_as(&app, "aberg");
	assert_int_equal(membership_add(&app, "aberg", "Referat 3", MEMBER_SECONDMENT,
	                                date_from_ymd(2027, 3, 1), HOP_DATE_NONE, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR or an admin can change team memberships");
	test_app_close(&app);
}

/* A database of schema 5 (before memberships) opened by this hop: each
 * person's team becomes their post from their start date. */
static void test_migration_copies_teams(void **state)
{
	char path[] = "/tmp/hop-unit-mig-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *h;
	struct hop_db *db;
	struct hop_err err;
	sqlite3_stmt *st;

	(void)state;
	if (test_on_pg()) {
		close(fd);
		unlink(path);
		skip();     /* an SQLite file of schema 5; test_pg_schema loads PostgreSQL's steps */
	}
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	for (int i = 0; i < hop_migration_count && hop_migrations[i].version <= 5; i++)
		assert_int_equal(sqlite3_exec(h, hop_migration_sql(i), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 5;"
	                 "INSERT INTO team (id, name, slug, created_on) VALUES "
	                 "(1, 'Referat 11', 'referat-11', '2020-01-01');"
	                 "INSERT INTO person (login, name, team_id, start_date) VALUES "
	                 "('aberg', 'Anna Berg', 1, '2020-03-02'), ('solo', 'Sol O', NULL, '2021-01-04')",
	                 NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_OK);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT p.login, m.team_id, m.kind, "
	                 "m.start_on, m.end_on IS NULL FROM membership m JOIN person p "
	                 "ON p.id = m.person_id", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "aberg");
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "post");
	assert_string_equal((const char *)sqlite3_column_text(st, 3), "2020-03-02");
	assert_int_equal(sqlite3_column_int(st, 4), 1);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);   /* none for someone without a team */
	sqlite3_finalize(st);
	db_close(db);
	unlink(path);
	char side[sizeof path + 8];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_team_on_a_day),
		cmocka_unit_test(test_overlap_refused),
		cmocka_unit_test(test_new_post_moves),
		cmocka_unit_test(test_refresh_on_day_change),
		cmocka_unit_test(test_words_and_rights),
		cmocka_unit_test(test_migration_copies_teams),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
