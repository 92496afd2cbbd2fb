/* The SQLite driver's insides, shared by the files of src/db alone. */
#ifndef HOP_DB_INT_H
#define HOP_DB_INT_H

#include <sqlite3.h>
#include "hop/db/db.h"

#define STMT_SLOTS 512          /* power of two; hop has far fewer statements */

struct db_stmt {
	sqlite3_stmt *h;
	struct hop_db *db;
};

struct stmt_slot {
	const char *sql;        /* the literal's address: the cache key */
	struct db_stmt st;
};

struct hop_db {
	sqlite3 *h;
	char *path;
	int depth;              /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	struct stmt_slot slots[STMT_SLOTS];
};

/* Run sql (no parameters, no rows) on the connection. */
enum hop_status db_exec(struct hop_db *db, const char *sql, struct hop_err *err);
/* A pragma's or query's single integer; -1 when it fails. */
int db_query_int(sqlite3 *h, const char *sql);

/* "hop!" in the file header (set by the first migration), so that hop's files
 * can be told from other SQLite databases. */
#define HOP_APPLICATION_ID 0x686f7021

/* What a file holds, judged the one way (db_schema.c): for db_open, which
 * refuses to touch anything but hop's, and for dbfile_check_hop, which
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

/* Apply the migrations the database lacks, one step per transaction. */
enum hop_status db_migrate(struct hop_db *db, struct hop_err *err);

#endif
