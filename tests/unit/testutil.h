/* Helpers shared by the cmocka unit tests. */
#ifndef HOP_TESTUTIL_H
#define HOP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/core/app.h"
#include "hop/core/people/person.h"
#include "hop/base/clock.h"
#include "hop/db/db_raw.h"
#include "hop/db/db_sqlite.h"

/* On PostgreSQL: tests/run.sh with HOP_TEST_PG=1 exports the socket directory
 * of its throwaway cluster (HOP_TEST_PG_HOST) and its programs' directory
 * (HOP_TEST_PG_BIN); every database a test makes is then one of its own there. */
static inline const char *test_pg_host(void)
{
	const char *h = getenv("HOP_TEST_PG_HOST");

	return h && *h ? h : NULL;
}

static inline bool test_on_pg(void) { return test_pg_host() != NULL; }

/* A test about SQLite files has nothing to check on PostgreSQL: it says why
 * and ends as skipped (exit 77), first thing in main. */
static inline void test_sqlite_only(const char *why)
{
	if (!test_on_pg())
		return;
	printf("skipped on PostgreSQL: %s\n", why);
	exit(77);
}

/* A new, empty database as hop's --db takes it: a file name in /tmp that does
 * not exist yet, or on PostgreSQL a database created for the test. */
static inline void test_db_new(char *target, size_t size)
{
	const char *host = test_pg_host(), *bin = getenv("HOP_TEST_PG_BIN");
	char path[] = "/tmp/hop-unit-XXXXXX";
	int fd;

	if (host) {
		static unsigned n;
		char name[48], cmd[2 * HOP_PATH_MAX];

		snprintf(name, sizeof name, "u%ld_%u", (long)getpid(), ++n);
		snprintf(cmd, sizeof cmd, "'%s/createdb' -h '%s' -U hop %s", bin ? bin : "", host,
		         name);
		if (system(cmd) != 0)
			fail_msg("%s failed", cmd);
		snprintf(target, size, "postgresql://hop@/%s?host=%s", name, host);
		return;
	}
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(target, size, "%s", path);
}

/* Remove what test_db_new made (the connection closed first). */
static inline void test_db_remove(const char *target)
{
	const char *name = strstr(target, "@/"), *q = strchr(target, '?');
	char cmd[2 * HOP_PATH_MAX];

	if (strncmp(target, "postgresql://", 13) == 0 && name && q && test_on_pg()) {
		snprintf(cmd, sizeof cmd, "'%s/dropdb' -h '%s' -U hop --force --if-exists %.*s",
		         getenv("HOP_TEST_PG_BIN"), test_pg_host(), (int)(q - name - 2), name + 2);
		if (system(cmd) != 0)
			fail_msg("%s failed", cmd);
		return;
	}
	unlink(target);
	snprintf(cmd, sizeof cmd, "%s-wal", target);
	unlink(cmd);
	snprintf(cmd, sizeof cmd, "%s-shm", target);
	unlink(cmd);
}

/* SQL of the test's own, on either database: the first column of the first
 * row as a number (-1 when there is none) or as text ("" when none), and
 * statements run for their effect; the test fails when the SQL does. */
static inline int64_t test_sql_int(struct hop_db *db, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(db, sql, &err);
	int64_t n = -1;
	enum db_step rc;

	if (!st)
		fail_msg("%s", err.msg);
	rc = db_step(st);
	if (rc == DB_ROW)
		n = db_col_int64(st, 0);
	else if (rc != DB_DONE)
		fail_msg("%s: %d", sql, (int)rc);
	db_raw_free(st);
	return n;
}

static inline const char *test_sql_text(struct hop_db *db, const char *sql, char *buf,
                                        size_t size)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(db, sql, &err);
	enum db_step rc;

	if (!st)
		fail_msg("%s", err.msg);
	buf[0] = '\0';
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, buf, size);
	else if (rc != DB_DONE)
		fail_msg("%s: %d", sql, (int)rc);
	db_raw_free(st);
	return buf;
}

/* One statement of sql, without parameters, run to its end: DB_DONE, or what
 * refused it (DB_CHECK, DB_UNIQUE, DB_FOREIGN ...). */
static inline enum db_step test_sql_step(struct hop_db *db, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(db, sql, &err);
	enum db_step rc;

	if (!st)
		fail_msg("%s", err.msg);
	while ((rc = db_step(st)) == DB_ROW)
		;
	db_raw_free(st);
	return rc;
}

/* Did a constraint of the schema (CHECK, UNIQUE, a key, a trigger) refuse sql? */
static inline bool test_sql_refused(struct hop_db *db, const char *sql)
{
	enum db_step rc = test_sql_step(db, sql);

	return rc == DB_CHECK || rc == DB_UNIQUE || rc == DB_FOREIGN;
}

static inline void test_sql_exec(struct hop_db *db, const char *sql)
{
	struct hop_err err;

	if (db_raw_exec(db, sql, &err) != HOP_OK)
		fail_msg("%s", err.msg);
}

/* A fresh database, opened as `login` (who becomes the first admin when
 * admin is true).  Today is fixed to 2026-11-23 (a Monday). */
static inline void test_app_open(struct hop_app *app, const char *login, int admin)
{
	struct hop_err err;

	clock_set_today(date_from_ymd(2026, 11, 23));
	memset(app, 0, sizeof *app);
	config_defaults(&app->cfg);
	test_db_new(app->db_path, sizeof app->db_path);
	snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	if (app_open_db(app, true, &err) != HOP_OK)
		fail_msg("open: %s", err.msg);
	if (admin) {
		if (person_add_first_admin(app, "Test Admin", &err) != HOP_OK)
			fail_msg("first admin: %s", err.msg);
		app_resolve_actor(app, &err);
	}
}

/* Act as someone else on the same database. */
static inline void test_act_as(struct hop_app *app, const char *login)
{
	struct hop_err err;
	snprintf(app->actor.login, sizeof app->actor.login, "%s", login);
	app_resolve_actor(app, &err);
}

static inline void test_app_close(struct hop_app *app)
{
	app_close(app);
	test_db_remove(app->db_path);
}

/* A call that must succeed; when not, its message and the line of the test. */
static inline void test_ok_(enum hop_status st, const struct hop_err *err, int line)
{
	if (st != HOP_OK)
		fail_msg("line %d: %s", line, err->msg);
}
#define test_ok(call, err) test_ok_((call), (err), __LINE__)

/* A person added as 'hop person add' adds them: team by name ("" none). */
static inline void test_add_person(struct hop_app *app, const char *login, const char *name,
                               const char *team, unsigned roles, hop_date start)
{
	struct hop_person p = { .start = start, .end = HOP_DATE_NONE, .roles = roles };
	struct hop_err err;

	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.team, sizeof p.team, "%s", team);
	test_ok(person_add(app, &p, &err), &err);
}

#endif
