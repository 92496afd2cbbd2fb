/* SQL that is not one of core's literals, on either engine: for the tests
 * and tools that look into a database themselves (db_sqlite.h is SQLite's
 * handle alone).  A statement here is prepared for its caller and freed by
 * it, never cached.  Nothing in src/ outside db/ includes this: core's SQL
 * is a literal given to db_stmt. */
#ifndef HOP_DB_RAW_H
#define HOP_DB_RAW_H

#include "hop/db/db.h"

/* One statement of sql, with ?N parameters like db_stmt's; NULL on error,
 * with err filled.  Step, bind and read it as any; free it with db_raw_free. */
struct db_stmt *db_raw_stmt(struct hop_db *db, const char *sql, struct hop_err *err);
void db_raw_free(struct db_stmt *st);

/* Run sql, one or more statements without parameters; rows are ignored. */
enum hop_status db_raw_exec(struct hop_db *db, const char *sql, struct hop_err *err);

/* The engine of the connection: "sqlite" or "postgresql". */
const char *db_driver_name(const struct hop_db *db);

#endif
