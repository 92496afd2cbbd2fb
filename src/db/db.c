/* The connection as core sees it, whatever the engine: choosing the driver,
 * the cache of prepared statements (prepared once per connection, reset on
 * reuse), nested transactions as savepoints, and what tells a cache that the
 * data has changed.  The engines are in db_sqlite*.c and db_pg*.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "db_int.h"

const char *db_path(const struct hop_db *db) { return db->path; }

bool db_is_server(const char *target) { return target && db_pg_is_target(target); }

enum hop_status db_open(const char *target, enum db_open_mode mode, struct hop_db **out,
                        struct hop_err *err)
{
	struct hop_db *db;

	*out = NULL;
	db = calloc(1, sizeof *db);
	if (!db)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	db->drv = db_is_server(target) ? &db_pg_driver : &db_sqlite_driver;
	if (db->drv->open(db, target, mode, err) != HOP_OK) {
		db_close(db);
		return err->status;
	}
	*out = db;
	return HOP_OK;
}

void db_close(struct hop_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_SLOTS; i++)
		if (db->slots[i].st.h)
			db->drv->finalize(db->slots[i].st.h);
	db->drv->close(db);
	free(db->path);
	free(db);
}

const char *db_engine_of(struct hop_db *db) { return db->drv->engine(db); }

enum hop_status db_fail(struct hop_db *db, struct hop_err *err, const char *what)
{
	if (!db || !db->h)
		return hop_fail(err, HOP_EDB, "%s: ?", what);
	return db->drv->fail(db, err, what);
}

enum hop_status db_exec(struct hop_db *db, const char *sql, struct hop_err *err)
{
	if (db->drv->run(db, sql))
		return HOP_OK;
	return hop_fail(err, HOP_EDB, "%s: %s", sql, db->drv->errmsg(db));
}

int db_schema_version(struct hop_db *db) { return db->drv->schema_version(db); }

enum hop_status db_role(struct hop_db *db, char *buf, size_t size, struct hop_err *err)
{
	if (size)
		buf[0] = '\0';
	return db->drv->role ? db->drv->role(db, buf, size, err) : HOP_OK;
}

struct db_stmt *db_stmt(struct hop_db *db, const char *sql, struct hop_err *err)
{
	uintptr_t h = (uintptr_t)sql;
	size_t i = (size_t)((h >> 3) ^ (h >> 12)) & (STMT_SLOTS - 1);

	for (size_t n = 0; n < STMT_SLOTS; n++, i = (i + 1) & (STMT_SLOTS - 1)) {
		struct stmt_slot *s = &db->slots[i];
		if (s->sql == sql) {
			s->st.drv->clear(s->st.h);
			return &s->st;
		}
		if (!s->sql) {
			s->st.h = db->drv->prepare(db, sql, err);
			if (!s->st.h)
				return NULL;
			s->sql = sql;
			s->st.drv = db->drv;
			s->st.db = db;
			return &s->st;
		}
	}
	hop_fail(err, HOP_EDB, "statement cache full");
	return NULL;
}

enum hop_status db_begin(struct hop_db *db, struct hop_err *err)
{
	char sql[48];

	if (db->depth == 0) {
		if (!db->drv->begin(db))
			return db_fail(db, err, _("starting a transaction"));
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT hop%d", db->depth);
		if (!db->drv->run(db, sql))
			return db_fail(db, err, _("starting a transaction"));
	}
	db->depth++;
	return HOP_OK;
}

enum hop_status db_commit(struct hop_db *db, struct hop_err *err)
{
	char sql[48];

	if (db->depth <= 0)
		return hop_fail(err, HOP_EDB, "commit without a transaction");
	if (db->depth == 1) {
		if (!db->drv->run(db, "COMMIT")) {
			enum hop_status st = db_fail(db, err, _("saving the change"));
			db_rollback(db);
			return st;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE hop%d", db->depth - 1);
		if (!db->drv->run(db, sql))
			return db_fail(db, err, _("saving the change"));
	}
	db->depth--;
	return HOP_OK;
}

void db_rollback(struct hop_db *db)
{
	char sql[64];

	if (db->depth <= 0)
		return;
	if (db->depth == 1) {
		db->drv->run(db, "ROLLBACK");
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO hop%d; RELEASE hop%d", db->depth - 1,
		         db->depth - 1);
		db->drv->run(db, sql);
	}
	db->depth--;
}

bool db_in_transaction(struct hop_db *db) { return db->drv->in_transaction(db); }

void db_lean(struct hop_db *db)
{
	if (db->drv->lean)
		db->drv->lean(db);
}

int64_t db_changes(struct hop_db *db) { return db->drv->changes(db); }

int64_t db_last_id(struct hop_db *db) { return db->drv->last_id(db); }

enum hop_status db_mark(struct hop_db *db, struct db_mark *m, struct hop_err *err)
{
	return db->drv->mark(db, m, err);
}

void db_bulk(struct hop_db *db, bool big)
{
	if (db->drv->bulk)
		db->drv->bulk(db, big);
}

bool db_mark_same(const struct db_mark *a, const struct db_mark *b)
{
	return a->theirs == b->theirs && a->ours == b->ours;
}

bool db_mark_same_others(const struct db_mark *a, const struct db_mark *b)
{
	return a->theirs == b->theirs;
}
