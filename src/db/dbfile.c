/* Is a file hop's database?  Asked before 'hop init --force' deletes it, so that
 * a mistyped --db (a CSV export, /etc/passwd, another program's SQLite file) is
 * refused instead of destroyed.  A separate read-only connection: opening it
 * through db_open would already switch it to WAL and try to migrate it. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "hop/db/dbfile.h"
#include "hop/base/i18n.h"

#define SQLITE_MAGIC "SQLite format 3"

enum hop_status dbfile_check_hop(const char *path, struct hop_err *err)
{
	char head[sizeof SQLITE_MAGIC] = { 0 };
	FILE *f = fopen(path, "rb");
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int version = -1, tables = -1;
	size_t n;

	if (!f)
		return hop_fail(err, HOP_EIO, _("cannot read %s to check that it is a hop "
		                "database"), path);
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	if (n != sizeof head || memcmp(head, SQLITE_MAGIC, sizeof head) != 0)
		return hop_fail(err, HOP_ECONFLICT, _("%s is not a hop database (not even an "
		                "SQLite file); hop will not replace it, even with --force"), path);

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "SELECT (SELECT user_version FROM pragma_user_version), "
	                       "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                       "AND name IN ('person', 'team', 'audit'))", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0);
		tables = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (version < 1 || tables != 3)
		return hop_fail(err, HOP_ECONFLICT, _("%s is an SQLite database but not hop's; "
		                "hop will not replace it, even with --force"), path);
	return HOP_OK;
}
