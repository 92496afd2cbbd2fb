/* Emptying the write-ahead log into the database file, so that the file
 * alone holds everything: before 'hop init --force' keeps it aside. */
#include "hop/base/i18n.h"
#include "db_int.h"
#include "hop/db/db_sqlite.h"

enum hop_status db_checkpoint(struct hop_db *db, struct hop_err *err)
{
	sqlite3_stmt *st;
	int busy;

	/* A server database has no file of its own to set aside. */
	if (!db_sqlite(db))
		return HOP_OK;
	/* TRUNCATE waits (busy_timeout) for readers and writers, then leaves
	 * the -wal file empty; its first column says whether it got that far. */
	if (sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, db->path);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, db->path);
		sqlite3_finalize(st);
		return HOP_EDB;
	}
	busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (busy)
		return hop_fail(err, HOP_EDB, _("%s is in use by another hop; try again once it "
		                "has finished"), db->path);
	return HOP_OK;
}
