/* The SQLite schema: telling hop's database files from everything else, and the
 * migrations compiled in from db/NNNN_*.sql, applied one step at a time. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/db/dbfile.h"
#include "hop/db/migrations.h"
#include "db_sqlite_int.h"

int db_query_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_schema_latest(void)
{
	return hop_migration_count ? hop_migrations[hop_migration_count - 1].version : 0;
}

/* The tables every hop database has had since its first version. */
static bool db_has_hop_tables(sqlite3 *h)
{
	return db_query_int(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                    "AND name IN ('person', 'team', 'audit')") == 3;
}

/* hop's database: its application id (files older than the id carry 0) and
 * hop's own tables; an empty file has no tables at all. */
enum db_kind db_kind_of(sqlite3 *h, int *version)
{
	int have = db_query_int(h, "PRAGMA user_version");
	int app_id = db_query_int(h, "PRAGMA application_id");
	int tables;

	*version = have;
	if (have < 0 || app_id == -1)
		return sqlite3_errcode(h) == SQLITE_NOTADB ? DB_KIND_NOTDB : DB_KIND_UNREADABLE;
	tables = db_query_int(h, "SELECT count(*) FROM sqlite_schema");
	if (tables < 0)
		return DB_KIND_UNREADABLE;
	if (app_id != 0 && app_id != HOP_APPLICATION_ID)
		return DB_KIND_FOREIGN;
	if (have == 0)
		return tables == 0 ? DB_KIND_EMPTY : DB_KIND_FOREIGN;
	/* A newer hop's tables are its own business; it may have renamed ours. */
	if (have > db_schema_latest())
		return DB_KIND_NEWER;
	return db_has_hop_tables(h) ? DB_KIND_HOP : DB_KIND_FOREIGN;
}

enum hop_status db_migrate(struct hop_db *db, bool own_tx, struct hop_err *err)
{
	int have = db_schema_version(db);

	if (have < 0)
		return db_fail(db, err, db->path);

	for (int i = 0; i < hop_migration_count; i++) {
		const struct hop_migration *m = &hop_migrations[i];
		char pragma[64];

		if (m->version != i + 1)
			return hop_fail(err, HOP_EDB, "migration %s: expected version %d",
			                m->name, i + 1);
		if (m->version <= have)
			continue;
		/* One step, one IMMEDIATE transaction; re-read the version inside it in
		 * case another hop migrated while we waited for the lock. */
		if (own_tx && db_exec(db, "BEGIN IMMEDIATE", err) != HOP_OK)
			return err->status;
		if (own_tx && db_schema_version(db) >= m->version) {
			db_exec(db, "COMMIT", err);
			continue;
		}
		/* A PRAGMA takes no bound parameters; the value is the compiled-in
		 * migration's own number, never input. */
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m->version);
		if (db_exec(db, hop_migration_sql(i), err) != HOP_OK ||
		    db_exec(db, pragma, err) != HOP_OK) {
			char what[HOP_ERR_MSG_MAX];
			snprintf(what, sizeof what, "%s", err->msg);
			if (own_tx)
				db_exec(db, "ROLLBACK", NULL);
			return hop_fail(err, HOP_EDB, _("upgrading the database with %s failed: %s"),
			                m->name, what);
		}
		if (own_tx && db_exec(db, "COMMIT", err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

#define SQLITE_MAGIC "SQLite format 3"

/* A separate read-only connection: opening the file through db_open would
 * already switch it to WAL and try to migrate it. */
enum hop_status dbfile_check_hop(const char *path, struct hop_err *err)
{
	char head[sizeof SQLITE_MAGIC] = { 0 };
	FILE *f = fopen(path, "rb");
	sqlite3 *h = NULL;
	enum db_kind kind = DB_KIND_UNREADABLE;
	int version;
	size_t n;

	if (!f)
		return hop_fail(err, HOP_EIO, _("cannot read %s to check that it is a hop "
		                "database"), path);
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	if (n != sizeof head || memcmp(head, SQLITE_MAGIC, sizeof head) != 0)
		return hop_fail(err, HOP_ECONFLICT, _("%s is not a hop database (not even an "
		                "SQLite file); hop will not replace it, even with --force"), path);

	/* A newer hop's file is replaceable too, if it has hop's tables. */
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		kind = db_kind_of(h, &version);
		if (kind == DB_KIND_NEWER && !db_has_hop_tables(h))
			kind = DB_KIND_FOREIGN;
	}
	sqlite3_close(h);
	if (kind != DB_KIND_HOP && kind != DB_KIND_NEWER)
		return hop_fail(err, HOP_ECONFLICT, _("%s is an SQLite database but not hop's; "
		                "hop will not replace it, even with --force"), path);
	return HOP_OK;
}
