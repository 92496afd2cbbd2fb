/* The PostgreSQL driver.  Without a server: core's ?NNN placeholders as $N,
 * SQLSTATEs as the outcomes core tells apart, which statements write, and
 * telling a server from a file.  With one (HOP_TEST_PG_URL, set by
 * tests/cli/test_pg.sh on its throwaway cluster, or a database of its own on
 * the cluster of a run on PostgreSQL, HOP_TEST_PG=1; else these are skipped): on
 * a small schema of the tests' own, constraints refused as DB_UNIQUE,
 * DB_FOREIGN and DB_CHECK with the transaction still usable, nested
 * savepoints, ids and changes, rows of one statement read while another
 * runs, and the mark that says the data changed. */
#include "testutil.h"

#include "../../src/db/db_pg_int.h"

static void rewrites(const char *sql, const char *want, int want_n)
{
	int n = -1;
	char *got = pg_placeholders(sql, &n);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, want_n);
	free(got);
}

static void test_placeholders(void **state)
{
	(void)state;
	rewrites("SELECT 1", "SELECT 1", 0);
	rewrites("SELECT name FROM person WHERE id = ?1 AND login = ?2",
	         "SELECT name FROM person WHERE id = $1 AND login = $2", 2);
	rewrites("UPDATE t SET a = ?12 WHERE b = ?3", "UPDATE t SET a = $12 WHERE b = $3", 12);
	/* A number used twice stays one parameter. */
	rewrites("SELECT ?1 IS NULL OR x = ?1", "SELECT $1 IS NULL OR x = $1", 1);
	/* SQLite numbers a bare ? one above the highest so far. */
	rewrites("VALUES (?, ?5, ?)", "VALUES ($1, $5, $6)", 6);
	/* Literals, quoted names and comments keep their question marks. */
	rewrites("SELECT '?1', 'it''s ?2', \"odd?\" FROM t WHERE a = ?1",
	         "SELECT '?1', 'it''s ?2', \"odd?\" FROM t WHERE a = $1", 1);
	rewrites("SELECT a -- why ?3\nFROM t /* ?4 */ WHERE b = ?2",
	         "SELECT a -- why ?3\nFROM t /* ?4 */ WHERE b = $2", 2);
	/* PostgreSQL's own casts pass through. */
	rewrites("SELECT ?1::date + 1", "SELECT $1::date + 1", 1);
	/* SQLite's planner hints are left out, and only they. */
	rewrites("SELECT p.name FROM booking b JOIN person p INDEXED BY person_names ON p.id = ?1",
	         "SELECT p.name FROM booking b JOIN person p  ON p.id = $1", 1);
	rewrites("SELECT a FROM t NOT INDEXED WHERE b = 'INDEXED BY x'",
	         "SELECT a FROM t  WHERE b = 'INDEXED BY x'", 0);
	rewrites("SELECT not_indexed, reindexed FROM t", "SELECT not_indexed, reindexed FROM t", 0);
}

static void test_params_used(void **state)
{
	bool used[9];

	(void)state;
	pg_params_used("SELECT a FROM t WHERE b = $9 AND c = $2 AND d = $12", 9, used);
	for (int i = 0; i < 9; i++)
		assert_int_equal(used[i], i == 1 || i == 8);
}

static void test_outcomes(void **state)
{
	(void)state;
	assert_int_equal(pg_outcome("23505"), DB_UNIQUE);
	assert_int_equal(pg_outcome("23503"), DB_FOREIGN);
	assert_int_equal(pg_outcome("23514"), DB_CHECK);
	assert_int_equal(pg_outcome("23502"), DB_CHECK);
	assert_int_equal(pg_outcome("23P01"), DB_CHECK);
	assert_int_equal(pg_outcome("P0001"), DB_CHECK);
	assert_int_equal(pg_outcome("40001"), DB_RETRY);
	assert_int_equal(pg_outcome("40P01"), DB_RETRY);
	assert_int_equal(pg_outcome("55P03"), DB_BUSY);
	assert_int_equal(pg_outcome("42601"), DB_FAIL);   /* a syntax error */
	assert_int_equal(pg_outcome(""), DB_FAIL);
	assert_int_equal(pg_outcome(NULL), DB_FAIL);
}

static void test_writes(void **state)
{
	(void)state;
	assert_true(pg_is_write("INSERT INTO t VALUES (1)"));
	assert_true(pg_is_write("  update t SET a = 1"));
	assert_true(pg_is_write("DELETE FROM t"));
	assert_true(pg_is_write("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
	assert_false(pg_is_write("SELECT 'INSERT' FROM t"));
	assert_false(pg_is_write("WITH x AS (SELECT 'DELETE') SELECT * FROM x"));
	assert_false(pg_is_write("SELECT updated FROM t"));
	assert_false(pg_is_write("INSERTS"));
}

static void test_targets(void **state)
{
	char buf[256];

	(void)state;
	assert_true(db_is_server("postgresql://hop@db1/hop"));
	assert_true(db_is_server("postgres://db1"));
	assert_true(db_is_server("host=/run/postgresql dbname=hop"));
	assert_true(db_is_server("service=hop"));
	assert_false(db_is_server("/var/lib/hop/hop.db"));
	assert_false(db_is_server("hop.db"));
	assert_false(db_is_server("./dbname=x.db"));
	assert_false(db_is_server(""));
	/* Shown without the password. */
	db_describe("postgresql://anna:geheim@db1:5433/hop", buf, sizeof buf);
	assert_string_equal(buf, "PostgreSQL dbname=hop host=db1 port=5433 user=anna");
	db_describe("host=db1 dbname=hop password=geheim", buf, sizeof buf);
	assert_string_equal(buf, "PostgreSQL dbname=hop host=db1");
	db_describe("/var/lib/hop/hop.db", buf, sizeof buf);
	assert_string_equal(buf, "/var/lib/hop/hop.db");
}

/* ---- against a server ---- */

static char made[HOP_PATH_MAX];      /* the database made for a run on PostgreSQL */

static const char *url(void)
{
	const char *u = getenv("HOP_TEST_PG_URL");

	if (u && *u)
		return u;
	if (test_on_pg() && !made[0])
		test_db_new(made, sizeof made);
	return made[0] ? made : NULL;
}

static struct hop_db *open_db(void)
{
	struct hop_db *db;
	struct hop_err err;

	if (db_open(url(), DB_OPEN_CREATE, &db, &err) != HOP_OK &&
	    db_open(url(), DB_OPEN_EXISTING, &db, &err) != HOP_OK)
		fail_msg("open: %s", err.msg);
	return db;
}

static void exec_ok(struct hop_db *db, const char *sql)
{
	struct hop_err err;

	if (db_exec(db, sql, &err) != HOP_OK)
		fail_msg("%s", err.msg);
}

static int64_t count(struct hop_db *db, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(db, sql, &err);
	int64_t v = -1;
	bool found;

	assert_non_null(st);
	assert_int_equal(db_get_int64(st, &v, &found, "count", &err), HOP_OK);
	return v;
}

static int setup_schema(void **state)
{
	struct hop_db *db;

	*state = NULL;
	if (!url())
		return 0;
	db = open_db();
	/* data_rev is hop's own where hop's schema is there (the migrations ran
	 * when the database was opened); the test's table bumps it as hop's do. */
	exec_ok(db, "DROP TABLE IF EXISTS t_child, t_parent; DROP FUNCTION IF EXISTS t_bump(); "
	        "CREATE TABLE t_parent (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
	        " name text NOT NULL UNIQUE, n integer CHECK (n >= 0)); "
	        "CREATE TABLE t_child (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
	        " parent_id bigint NOT NULL REFERENCES t_parent(id), day date); "
	        "CREATE TABLE IF NOT EXISTS data_rev (id integer PRIMARY KEY CHECK (id = 1), "
	        " n bigint NOT NULL); "
	        "INSERT INTO data_rev VALUES (1, 0) ON CONFLICT (id) DO NOTHING; "
	        "CREATE FUNCTION t_bump() RETURNS trigger LANGUAGE plpgsql AS "
	        " $$BEGIN UPDATE data_rev SET n = n + 1 WHERE id = 1; RETURN NULL; END$$; "
	        "CREATE TRIGGER t_parent_rev AFTER INSERT OR UPDATE OR DELETE ON t_parent "
	        " FOR EACH STATEMENT EXECUTE FUNCTION t_bump()");
	*state = db;
	return 0;
}

static int teardown_schema(void **state)
{
	struct hop_db *db = *state;

	if (db) {
		db_exec(db, "DROP TABLE t_child, t_parent; DROP FUNCTION t_bump()", NULL);
		db_close(db);
	}
	if (made[0])
		test_db_remove(made);
	return 0;
}

static enum db_step insert_parent(struct hop_db *db, const char *name, int n)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(db, "INSERT INTO t_parent (name, n) VALUES (?1, ?2)", &err);
	enum db_step rc;

	assert_non_null(st);
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, n);
	rc = db_step(st);
	db_reset(st);
	return rc;
}

static void test_constraints_keep_transaction(void **state)
{
	struct hop_db *db = *state;
	struct hop_err err;
	struct db_stmt *st;
	int64_t anna;

	if (!db)
		skip();
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(insert_parent(db, "anna", 1), DB_DONE);
	anna = db_last_id(db);
	assert_true(anna > 0);
	assert_int_equal(db_changes(db), 1);
	assert_int_equal(insert_parent(db, "anna", 2), DB_UNIQUE);
	assert_int_equal(insert_parent(db, "bernd", -1), DB_CHECK);
	st = db_stmt(db, "INSERT INTO t_child (parent_id, day) VALUES (?1, ?2)", &err);
	assert_non_null(st);
	db_bind_int64(st, 1, 999999);
	db_bind_date(st, 2, date_from_ymd(2026, 11, 23));
	assert_int_equal(db_step(st), DB_FOREIGN);
	db_reset(st);
	/* Still usable, as in SQLite: the refusals undid only themselves. */
	db_bind_int64(st, 1, anna);
	assert_int_equal(db_step(st), DB_DONE);
	db_reset(st);
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM t_parent"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM t_child"), 1);
	/* A date column reads back as ISO text. */
	st = db_stmt(db, "SELECT day FROM t_child WHERE parent_id = ?1", &err);
	db_bind_int64(st, 1, anna);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_date(st, 0), date_from_ymd(2026, 11, 23));
	db_reset(st);
	exec_ok(db, "DELETE FROM t_child; DELETE FROM t_parent");
}

static void test_savepoints(void **state)
{
	struct hop_db *db = *state;
	struct hop_err err;

	if (!db)
		skip();
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(insert_parent(db, "outer", 1), DB_DONE);
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(insert_parent(db, "inner", 1), DB_DONE);
	db_rollback(db);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(insert_parent(db, "kept", 1), DB_DONE);
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_int_equal(db_commit(db, &err), HOP_OK);
	assert_false(db_in_transaction(db));
	assert_int_equal(count(db, "SELECT count(*) FROM t_parent WHERE name IN "
	                           "('outer', 'inner', 'kept')"), 2);
	/* A write outside a transaction commits by itself. */
	assert_int_equal(insert_parent(db, "alone", 1), DB_DONE);
	assert_false(db_in_transaction(db));
	exec_ok(db, "DELETE FROM t_parent");
}

/* Core reads a row, then asks something else before the next row. */
static void test_interleaved_reads(void **state)
{
	struct hop_db *db = *state;
	struct hop_err err;
	struct db_stmt *st;
	int rows = 0;
	char name[16];

	if (!db)
		skip();
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "p%02d", i);
		assert_int_equal(insert_parent(db, name, i), DB_DONE);
	}
	st = db_stmt(db, "SELECT name, n, n > 10 FROM t_parent ORDER BY name", &err);
	assert_non_null(st);
	while (db_step(st) == DB_ROW) {
		snprintf(name, sizeof name, "p%02d", rows);
		assert_string_equal(db_col_text(st, 0), name);
		assert_int_equal(db_col_int(st, 1), rows);
		assert_int_equal(db_col_int(st, 2), rows > 10);
		/* Another statement, and a write, while the rows are still coming. */
		assert_int_equal(count(db, "SELECT count(*) FROM t_parent"), 50 + rows / 10);
		if (rows % 10 == 9) {
			snprintf(name, sizeof name, "q%02d", rows);
			assert_int_equal(insert_parent(db, name, 0), DB_DONE);
		}
		rows++;
	}
	db_reset(st);
	assert_int_equal(rows, 50);
	/* A statement reset half-way drops the rest. */
	assert_int_equal(db_step(st), DB_ROW);
	db_reset(st);
	assert_int_equal(count(db, "SELECT count(*) FROM t_parent"), 55);
	exec_ok(db, "DELETE FROM t_parent");
}

static void test_mark(void **state)
{
	struct hop_db *db = *state, *other;
	struct db_mark a, b;
	struct hop_err err;

	if (!db)
		skip();
	assert_int_equal(db_mark(db, &a, &err), HOP_OK);
	assert_int_equal(db_mark(db, &b, &err), HOP_OK);
	assert_true(db_mark_same(&a, &b));
	assert_int_equal(insert_parent(db, "marked", 1), DB_DONE);
	assert_int_equal(db_mark(db, &b, &err), HOP_OK);
	assert_false(db_mark_same(&a, &b));
	/* Another connection's change shows too. */
	other = open_db();
	assert_int_equal(db_mark(db, &a, &err), HOP_OK);
	assert_int_equal(insert_parent(other, "other", 1), DB_DONE);
	assert_int_equal(db_mark(db, &b, &err), HOP_OK);
	assert_false(db_mark_same(&a, &b));
	db_close(other);
	exec_ok(db, "DELETE FROM t_parent");
}

/* A second writer waits for the first: one writer at a time. */
static void test_one_writer(void **state)
{
	struct hop_db *db = *state, *other;
	struct hop_err err;

	if (!db)
		skip();
	other = open_db();
	exec_ok(other, "SET lock_timeout = '200ms'");
	assert_int_equal(db_begin(db, &err), HOP_OK);
	assert_int_equal(db_begin(other, &err), HOP_EDB);
	assert_non_null(strstr(err.msg, "busy with another hop"));
	assert_false(db_in_transaction(other));
	/* Readers never wait. */
	assert_int_equal(count(other, "SELECT count(*) FROM t_parent"), 0);
	assert_int_equal(insert_parent(other, "waits", 1), DB_BUSY);
	db_rollback(db);
	assert_int_equal(insert_parent(other, "waits", 1), DB_DONE);
	db_close(other);
	exec_ok(db, "DELETE FROM t_parent");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_params_used),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_writes),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_constraints_keep_transaction),
		cmocka_unit_test(test_savepoints),
		cmocka_unit_test(test_interleaved_reads),
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_one_writer),
	};

	return cmocka_run_group_tests(tests, setup_schema, teardown_schema);
}
