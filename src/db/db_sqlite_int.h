/* The SQLite driver's insides, for db_sqlite.c and db_sqlite_schema.c. */
#ifndef HOP_DB_SQLITE_INT_H
#define HOP_DB_SQLITE_INT_H

#include <sqlite3.h>
#include "db_int.h"

/* A pragma's or query's single integer; -1 when it fails. */
int db_query_int(sqlite3 *h, const char *sql);

/* "hop!" in the file header (set by the first migration), so that hop's files
 * can be told from other SQLite databases. */
#define HOP_APPLICATION_ID 0x686f7021

/* What a file holds, judged the one way (db_sqlite_schema.c): for opening,
 * which refuses to touch anything but hop's, and for dbfile_check_hop, which
 * 'hop init --force' asks before replacing a file. */
enum db_kind {
	DB_KIND_EMPTY,          /* a new, empty SQLite file: hop may set it up */
	DB_KIND_HOP,            /* hop's, of a version this program knows */
	DB_KIND_NEWER,          /* hop's, from a newer hop */
	DB_KIND_FOREIGN,        /* another program's SQLite database */
	DB_KIND_NOTDB,          /* not an SQLite file at all */
	DB_KIND_UNREADABLE,     /* could not be read: the engine's error says why */
};
enum db_kind db_kind_of(sqlite3 *h, int *version);

/* Apply the migrations the database lacks, one step per transaction
 * (own_tx), or all inside the caller's (a copy's target). */
enum hop_status db_migrate(struct hop_db *db, bool own_tx, struct hop_err *err);

/* ---- db_sqlite_copy.c: the bulk path of db_copy ---- */
enum hop_status sq_catalog(struct hop_db *db, struct db_catalog *c, struct hop_err *err);
enum hop_status sq_migrate_here(struct hop_db *db, struct hop_err *err);
void *sq_rows_out(struct hop_db *db, const struct db_table *t, const char *cols,
                  const char *order, struct hop_err *err);
int sq_row_get(void *r, struct db_value *v);
enum hop_status sq_rows_out_end(void *r, struct hop_err *err);
void *sq_rows_in(struct hop_db *db, const struct db_table *t, const char *cols,
                 struct hop_err *err);
bool sq_row_put(void *w, const struct db_value *v);
enum hop_status sq_rows_in_end(void *w, bool ok, int64_t *rows, struct hop_err *err);

#endif
