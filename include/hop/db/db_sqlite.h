/* The SQLite driver's own handle, for the tests and benchmarks that look at
 * the file with SQLite itself.  Nothing in src/ outside db/ includes this. */
#ifndef HOP_DB_SQLITE_H
#define HOP_DB_SQLITE_H

#include <sqlite3.h>
#include "hop/db/db.h"

sqlite3 *db_sqlite(struct hop_db *db);

#endif
