/* The SQLite connection: opening, pragmas, migrations, transactions and a cache
 * of prepared statements.  Only db/ and core/ include this header. */
#ifndef HOP_DB_H
#define HOP_DB_H

#include <stdbool.h>
#include <sqlite3.h>
#include "hop/base/err.h"

struct hop_db;

enum db_open_mode {
	DB_OPEN_EXISTING,   /* the file must exist (every command but init) */
	DB_OPEN_CREATE,     /* create the file if missing (init) */
};

/* Open (and for DB_OPEN_CREATE, create) the database, set WAL, foreign keys
 * and a busy timeout, then migrate it to the newest schema.  A database whose
 * user_version is newer than this program knows is refused. */
enum hop_status db_open(const char *path, enum db_open_mode mode,
                        struct hop_db **out, struct hop_err *err);
void db_close(struct hop_db *db);

sqlite3 *db_sqlite(struct hop_db *db);
const char *db_path(const struct hop_db *db);

/* The schema version of the open database, and the newest this program has. */
int db_schema_version(struct hop_db *db);
int db_schema_latest(void);

/* A prepared statement for sql, prepared once per connection and reused; it
 * comes back reset with its bindings cleared.  sql must be a string literal
 * (the cache is keyed by its address).  NULL on error, with err filled. */
sqlite3_stmt *db_stmt(struct hop_db *db, const char *sql, struct hop_err *err);

/* BEGIN IMMEDIATE: take the write lock before reading what the write depends
 * on.  Waits up to the busy timeout rather than failing at once.  Nested calls
 * (an import calling person_add for each row) become savepoints, so an inner
 * failure can be rolled back alone and the outer transaction decides. */
enum hop_status db_begin(struct hop_db *db, struct hop_err *err);
enum hop_status db_commit(struct hop_db *db, struct hop_err *err);
void db_rollback(struct hop_db *db);

/* Fill err from the connection's last error: "what: sqlite message". */
enum hop_status db_fail(struct hop_db *db, struct hop_err *err, const char *what);

/* Bind helpers: text NULL binds SQL NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *text);
/* Copy column text into buf (truncating safely); "" for NULL. */
void db_column_copy(sqlite3_stmt *st, int col, char *buf, size_t size);

#endif
