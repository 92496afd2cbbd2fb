/* Statements outside the cache, for tests and tools (hop/db/db_raw.h): the
 * same driver calls as db_stmt's, the statement the caller's to free. */
#include <stdlib.h>

#include "hop/base/i18n.h"
#include "hop/db/db_raw.h"
#include "db_int.h"

struct db_stmt *db_raw_stmt(struct hop_db *db, const char *sql, struct hop_err *err)
{
	struct db_stmt *st = calloc(1, sizeof *st);

	if (!st) {
		hop_fail(err, HOP_ENOMEM, _("out of memory"));
		return NULL;
	}
	if (!(st->h = db->drv->prepare(db, sql, err))) {
		free(st);
		return NULL;
	}
	st->drv = db->drv;
	st->db = db;
	return st;
}

void db_raw_free(struct db_stmt *st)
{
	if (!st)
		return;
	st->drv->finalize(st->h);
	free(st);
}

enum hop_status db_raw_exec(struct hop_db *db, const char *sql, struct hop_err *err)
{
	return db_exec(db, sql, err);
}

const char *db_driver_name(const struct hop_db *db) { return db->drv->name; }
