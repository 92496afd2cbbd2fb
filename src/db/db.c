/* The SQLite connection: pragmas, the collation, nested transactions, a cache
 * of prepared statements (prepared once per connection, reset on reuse), and
 * what tells a cache that the data has changed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "db_int.h"
#include "hop/db/db_sqlite.h"

#define BUSY_TIMEOUT_MS 15000   /* many people booking at 8:55 wait, never fail */

const char *db_path(const struct hop_db *db) { return db->path; }

const char *db_engine(void)
{
	static char name[32];

	if (!name[0])
		snprintf(name, sizeof name, "SQLite %s", sqlite3_libversion());
	return name;
}

enum hop_status db_fail(struct hop_db *db, struct hop_err *err, const char *what)
{
	int code = db && db->h ? sqlite3_extended_errcode(db->h) : SQLITE_ERROR;
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : "?";

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return hop_fail(err, HOP_EDB, _("%s: the database is busy with another hop "
		                "for too long; please try again"), what);
	if ((code & 0xff) == SQLITE_READONLY)
		return hop_fail(err, HOP_EDB, _("%s: the database %s is read-only for you"),
		                what, db->path);
	return hop_fail(err, HOP_EDB, "%s: %s", what, msg);
}

enum hop_status db_exec(struct hop_db *db, const char *sql, struct hop_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, "%s: %s", sql, msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return HOP_EDB;
	}
	return HOP_OK;
}

int db_schema_version(struct hop_db *db) { return db_query_int(db->h, "PRAGMA user_version"); }

/* Is this a database hop may use?  Reads only. */
static enum hop_status check_schema(struct hop_db *db, struct hop_err *err)
{
	int have;

	switch (db_kind_of(db->h, &have)) {
	case DB_KIND_EMPTY:
	case DB_KIND_HOP:
		return HOP_OK;
	case DB_KIND_NOTDB:
		return hop_fail(err, HOP_EDB, _("%s is not a database file"), db->path);
	case DB_KIND_UNREADABLE:
		return db_fail(db, err, db->path);
	case DB_KIND_FOREIGN:
		return hop_fail(err, HOP_EDB, _("%s is an SQLite database but not hop's; "
		                "refusing to touch it"), db->path);
	case DB_KIND_NEWER:
		break;
	}
	return hop_fail(err, HOP_EDB, _("the database %s has schema version %d, but this "
	                "hop (%s) knows only versions up to %d; use a newer hop or a backup "
	                "of the database"), db->path, have, HOP_VERSION, db_schema_latest());
}

/* People and teams sort the way a German reader expects (DIN 5007-1). */
static int collate_hop(void *unused, int an, const void *a, int bn, const void *b)
{
	(void)unused;
	return fold_collate(a, (size_t)an, b, (size_t)bn);
}

enum hop_status db_open(const char *path, enum db_open_mode mode, struct hop_db **out,
                        struct hop_err *err)
{
	struct stat sb;
	struct hop_db *db;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (mode == DB_OPEN_EXISTING && stat(path, &sb) != 0)
		return hop_fail(err, HOP_ENOTFOUND, _("no database at %s; create one with "
		                "'hop init' (or 'hop init --demo' for a demo organisation)"), path);
	if (mode == DB_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;

	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, _("cannot open the database %s: %s"), path,
		         db->h ? sqlite3_errmsg(db->h) : strerror(errno));
		db_close(db);
		return HOP_EDB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	sqlite3_create_collation(db->h, "hop", SQLITE_UTF8, NULL, collate_hop);

	/* Look before writing anything: a file that is not SQLite, another program's
	 * database or one from a newer hop is refused untouched (journal_mode=WAL
	 * would already rewrite its header). */
	if (check_schema(db, err) != HOP_OK) {
		db_close(db);
		return err->status;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode=WAL", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, path);
		sqlite3_finalize(st);
		db_close(db);
		return HOP_EDB;
	}
	sqlite3_finalize(st);
	/* A setgid hop keeps no temporary files where the caller could reach them
	 * ($SQLITE_TMPDIR is the caller's, and the files theirs). */
	if (hop_privileged() && db_exec(db, "PRAGMA temp_store=MEMORY", err) != HOP_OK) {
		db_close(db);
		return err->status;
	}
	if (db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", err) != HOP_OK ||
	    db_migrate(db, err) != HOP_OK) {
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
		sqlite3_finalize(db->slots[i].st.h);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

struct db_stmt *db_stmt(struct hop_db *db, const char *sql, struct hop_err *err)
{
	uintptr_t h = (uintptr_t)sql;
	size_t i = (size_t)((h >> 3) ^ (h >> 12)) & (STMT_SLOTS - 1);

	for (size_t n = 0; n < STMT_SLOTS; n++, i = (i + 1) & (STMT_SLOTS - 1)) {
		struct stmt_slot *s = &db->slots[i];
		if (s->sql == sql) {
			sqlite3_reset(s->st.h);
			sqlite3_clear_bindings(s->st.h);
			return &s->st;
		}
		if (!s->sql) {
			if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st.h,
			                       NULL) != SQLITE_OK) {
				db_fail(db, err, _("preparing a statement"));
				s->st.h = NULL;
				return NULL;
			}
			s->sql = sql;
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
		if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(db, err, _("starting a transaction"));
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT hop%d", db->depth);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
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
		if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			enum hop_status st = db_fail(db, err, _("saving the change"));
			db_rollback(db);
			return st;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE hop%d", db->depth - 1);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
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
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO hop%d; RELEASE hop%d", db->depth - 1,
		         db->depth - 1);
		sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	}
	db->depth--;
}

bool db_in_transaction(struct hop_db *db) { return !sqlite3_get_autocommit(db->h); }

int64_t db_changes(struct hop_db *db) { return sqlite3_changes64(db->h); }

int64_t db_last_id(struct hop_db *db) { return sqlite3_last_insert_rowid(db->h); }

/* Another connection's commit moves PRAGMA data_version; this connection's
 * own writes move its total changes. */
enum hop_status db_mark(struct hop_db *db, struct db_mark *m, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "PRAGMA data_version", err);
	int rc;

	if (!st)
		return err->status;
	rc = sqlite3_step(st->h);
	m->theirs = rc == SQLITE_ROW ? sqlite3_column_int64(st->h, 0) : 0;
	sqlite3_reset(st->h);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("checking whether the database has changed"));
	m->ours = sqlite3_total_changes64(db->h);
	return HOP_OK;
}

bool db_mark_same(const struct db_mark *a, const struct db_mark *b)
{
	return a->theirs == b->theirs && a->ours == b->ours;
}

sqlite3 *db_sqlite(struct hop_db *db) { return db->h; }
