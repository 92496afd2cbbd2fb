/* The db layer: migrations, pragmas, refusing foreign and too-new files,
 * nested transactions, the statement cache. */
#include "testutil.h"

#include <fcntl.h>

#include "hop/db/migrations.h"

static void tmp_path(char *buf, size_t size)
{
	char path[] = "/tmp/hop-dbtest-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(buf, size, "%s", path);
}

static void remove_db(const char *path)
{
	char f[HOP_PATH_MAX + 8];

	unlink(path);
	snprintf(f, sizeof f, "%s-wal", path);
	unlink(f);
	snprintf(f, sizeof f, "%s-shm", path);
	unlink(f);
}

static int query_int(struct hop_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *query_text(struct hop_db *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	buf[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Make a plain SQLite file outside hop, running sql in it. */
static void make_sqlite_file(const char *path, const char *sql)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void test_migrates_to_latest(void **state)
{
	char path[64], mode[16];
	struct hop_db *db;
	struct hop_err err;

	(void)state;
	tmp_path(path, sizeof path);
	assert_true(db_schema_latest() >= 1);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_string_equal(db_path(db), path);
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                               "AND name IN ('person', 'team', 'audit')"), 3);
	/* 0011: the site feeds' index of cancellations. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
	                               "AND name = 'booking_cancelled' AND tbl_name = 'booking'"), 1);
	assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
	assert_string_equal(query_text(db, "PRAGMA journal_mode", mode, sizeof mode), "wal");
	db_close(db);

	/* Opening again migrates nothing and keeps the version. */
	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_OK);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
	db_close(db);
	remove_db(path);
}

/* Every table the feeds may read tells 'feeds publish' it changed
 * (db/sqlite/0010_data_rev.sql): an UPDATE and a DELETE trigger each, and an INSERT
 * trigger where there is no rowid to read the last insert from. */
static void test_every_table_bumps_data_rev(void **state)
{
	char path[64];
	struct hop_db *db;
	struct hop_err err;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_schema t WHERE t.type = 'table' "
	                               "AND t.name NOT IN ('audit', 'app_state', 'data_rev') "
	                               "AND t.name NOT LIKE 'sqlite_%' AND ("
	                               "NOT EXISTS (SELECT 1 FROM sqlite_schema g WHERE g.type = 'trigger' "
	                               "AND g.tbl_name = t.name AND g.name = t.name || '_rev_update') OR "
	                               "NOT EXISTS (SELECT 1 FROM sqlite_schema g WHERE g.type = 'trigger' "
	                               "AND g.tbl_name = t.name AND g.name = t.name || '_rev_delete') OR "
	                               "(t.sql LIKE '%WITHOUT ROWID%' AND "
	                               "NOT EXISTS (SELECT 1 FROM sqlite_schema g WHERE g.type = 'trigger' "
	                               "AND g.tbl_name = t.name AND g.name = t.name || '_rev_insert')))"),
	                 0);
	assert_int_equal(sqlite3_exec(db_sqlite(db), "INSERT INTO team (name, slug, created_on) "
	                              "VALUES ('T', 't', '2026-01-01'); UPDATE team SET name = 'U'",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(query_int(db, "SELECT n FROM data_rev"), 1);
	db_close(db);
	remove_db(path);
}

/* 0013 (removals reach the calendars): a database of version 12 with
 * presence revisions and team days keeps them; the revisions get no change
 * day (long past), and the table of removed team days starts empty. */
static void test_0013_carries_rows_over(void **state)
{
	char path[64], text[64];
	struct hop_db *db;
	struct hop_err err;
	sqlite3 *h;
	int n;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	for (int i = 0; i < hop_migration_count && hop_migrations[i].version <= 12; i++)
		assert_int_equal(sqlite3_exec(h, hop_migration_sql(i), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 12;"
	                              "INSERT INTO team (id, name, slug, created_on) "
	                              "VALUES (1, 'Referat 1', 'referat-1', '2026-01-01');"
	                              "INSERT INTO person (id, login, name, team_id, start_date) "
	                              "VALUES (1, 'anna', 'Anna Berg', 1, '2026-01-01');"
	                              "INSERT INTO presence_rev (person_id, slot, rev) "
	                              "VALUES (1, '2026-11-30', 7), (1, 'W2', 3);"
	                              "INSERT INTO team_day (team_id, weekday, from_day, sequence) "
	                              "VALUES (1, 2, '2026-11-24', 4)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_OK);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(query_int(db, "SELECT count(*) FROM presence_rev WHERE person_id = 1 "
	                               "AND changed_on IS NULL"), 2);
	assert_int_equal(query_int(db, "SELECT rev FROM presence_rev WHERE slot = '2026-11-30'"), 7);
	assert_string_equal(query_text(db, "SELECT weekday || ' ' || from_day || ' ' || sequence "
	                               "FROM team_day", text, sizeof text), "2 2026-11-24 4");
	assert_int_equal(query_int(db, "SELECT count(*) FROM team_day_removed"), 0);
	/* The new table tells 'feeds publish' of its changes. */
	n = query_int(db, "SELECT n FROM data_rev");
	assert_int_equal(sqlite3_exec(db_sqlite(db), "INSERT INTO team_day_removed (team_day_id, "
	                              "team_id, weekday, from_day, sequence, removed_on) VALUES "
	                              "(9, 1, 2, '2026-11-24', 5, '2026-11-23'); "
	                              "DELETE FROM team_day_removed", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(query_int(db, "SELECT n FROM data_rev"), n + 1);
	db_close(db);
	remove_db(path);
}

static void test_foreign_keys_enforced(void **state)
{
	char path[64];
	struct hop_db *db;
	struct hop_err err;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);
	assert_int_not_equal(sqlite3_exec(db_sqlite(db),
	                     "INSERT INTO person(login, name, team_id, start_date) "
	                     "VALUES ('x', 'X', 999, '2026-01-01')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM person"), 0);
	db_close(db);
	remove_db(path);
}

static void test_missing_file(void **state)
{
	char path[64];
	struct hop_db *db = (struct hop_db *)1;
	struct hop_err err;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_ENOTFOUND);
	assert_null(db);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "hop init"));
	assert_int_equal(access(path, F_OK), -1);   /* and nothing was created */
}

static void test_too_new_refused(void **state)
{
	char path[64], sql[64], have[16], latest[16];
	struct hop_db *db;
	struct hop_err err;
	sqlite3 *h;
	sqlite3_stmt *st;
	int v = 0;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);
	db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", db_schema_latest() + 7);
	make_sqlite_file(path, sql);

	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_EDB);
	assert_null(db);
	snprintf(have, sizeof have, "%d", db_schema_latest() + 7);
	snprintf(latest, sizeof latest, "%d", db_schema_latest());
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, have));
	assert_non_null(strstr(err.msg, latest));

	/* Refused without touching it: the version is still the newer one. */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(v, db_schema_latest() + 7);
	remove_db(path);
}

static void test_foreign_sqlite_refused(void **state)
{
	char path[64];
	struct hop_db *db;
	struct hop_err err;
	sqlite3 *h;
	sqlite3_stmt *st;
	int tables = -1;

	(void)state;
	tmp_path(path, sizeof path);
	make_sqlite_file(path, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL);"
	                       "INSERT INTO invoices(amount) VALUES (12.5)");
	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "not hop's"));
	/* Even with DB_OPEN_CREATE (hop init) it is not adopted. */
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_EDB);

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema", -1, &st,
	                                    NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		tables = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(tables, 1);
	remove_db(path);
}

static void test_not_a_database(void **state)
{
	char path[64], text[4096];
	struct hop_db *db;
	struct hop_err err;
	FILE *f;

	(void)state;
	tmp_path(path, sizeof path);
	f = fopen(path, "w");
	assert_non_null(f);
	memset(text, 'x', sizeof text);
	fputs("name,team\nJürgen Weiß,Referat 11\n", f);
	fwrite(text, 1, sizeof text, f);
	fclose(f);

	assert_int_equal(db_open(path, DB_OPEN_EXISTING, &db, &err), HOP_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "not a database"));
	remove_db(path);
}

static int team_count(struct hop_db *db)
{
	return query_int(db, "SELECT count(*) FROM team");
}

static void insert_team(struct hop_db *db, const char *name, const char *slug)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(db, "INSERT INTO team(name, slug, created_on) "
	                               "VALUES (?1, ?2, '2026-11-23')", &err);

	assert_non_null(st);
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, slug);
	assert_int_equal(db_step(st), DB_DONE);
	db_reset(st);
}

static void test_nested_rollback(void **state)
{
	char path[64];
	struct hop_db *db;
	struct hop_err err;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);

	/* The inner rollback undoes only the inner part; the outer commit keeps the rest. */
	assert_int_equal(db_begin(db, &err), HOP_OK);
	insert_team(db, "Referat Z 1 – Personal", "referat-z-1-personal");
	assert_int_equal(db_begin(db, &err), HOP_OK);
	insert_team(db, "Innerer Dienst", "innerer-dienst");
	assert_int_equal(team_count(db), 2);
	db_rollback(db);
	assert_int_equal(team_count(db), 1);
	insert_team(db, "Referat 11 – Digitalisierung", "referat-11-digitalisierung");
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_int_equal(team_count(db), 2);
	assert_int_equal(query_int(db, "SELECT count(*) FROM team WHERE slug = 'innerer-dienst'"), 0);

	/* Three levels: an inner commit is undone by the outer rollback. */
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(db_begin(db, &err), HOP_OK);
	insert_team(db, "Referat 12 – Bürgerservice", "referat-12-buergerservice");
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_int_equal(team_count(db), 3);
	db_rollback(db);
	assert_int_equal(team_count(db), 2);
	assert_int_equal(sqlite3_get_autocommit(db_sqlite(db)), 1);

	/* Unbalanced calls are refused or ignored, never a crash. */
	assert_int_equal(db_commit(db, &err), HOP_EDB);
	db_rollback(db);
	db_close(db);
	remove_db(path);
}

static void test_stmt_cache(void **state)
{
	char path[64];
	struct hop_db *db;
	struct hop_err err;
	struct db_stmt *a, *b, *c;
	static const char sql[] = "SELECT ?1 + 1";

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);

	a = db_stmt(db, sql, &err);
	assert_non_null(a);
	db_bind_int(a, 1, 41);
	assert_int_equal(db_step(a), DB_ROW);
	assert_int_equal(db_col_int(a, 0), 42);
	/* Left mid-step on purpose: it must come back reset with bindings cleared. */
	b = db_stmt(db, sql, &err);
	assert_ptr_equal(a, b);
	assert_int_equal(db_step(b), DB_ROW);
	assert_true(db_col_is_null(b, 0));   /* NULL + 1 */
	db_reset(b);

	c = db_stmt(db, "SELECT 2", &err);
	assert_non_null(c);
	assert_ptr_not_equal(a, c);

	/* A statement that does not compile fails with a message, and is not cached. */
	assert_null(db_stmt(db, "SELEKT nonsense", &err));
	assert_int_equal(err.status, HOP_EDB);
	assert_true(strlen(err.msg) > 0);
	db_close(db);
	remove_db(path);
}

static void test_column_copy_cuts_at_character(void **state)
{
	char path[64], buf[6];
	struct hop_db *db;
	struct hop_err err;
	struct db_stmt *st;

	(void)state;
	tmp_path(path, sizeof path);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), HOP_OK);
	st = db_stmt(db, "SELECT 'Weiß Müller', NULL", &err);
	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	/* "Weiß" is 5 bytes; a 6-byte buffer holds it, a 5-byte one must not split ß. */
	db_col_copy(st, 0, buf, sizeof buf);
	assert_string_equal(buf, "Weiß");
	db_col_copy(st, 0, buf, 5);
	assert_string_equal(buf, "Wei");
	db_col_copy(st, 1, buf, sizeof buf);
	assert_string_equal(buf, "");
	db_reset(st);
	db_close(db);
	remove_db(path);
}

int main(void)
{
	test_sqlite_only("these are the SQLite driver's files, pragmas and refusals; "
	                 "test_db_pg tests the PostgreSQL driver on the server");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrates_to_latest),
		cmocka_unit_test(test_every_table_bumps_data_rev),
		cmocka_unit_test(test_0013_carries_rows_over),
		cmocka_unit_test(test_foreign_keys_enforced),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_too_new_refused),
		cmocka_unit_test(test_foreign_sqlite_refused),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_nested_rollback),
		cmocka_unit_test(test_stmt_cache),
		cmocka_unit_test(test_column_copy_cuts_at_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
