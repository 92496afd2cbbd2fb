/* The db layer's insides, shared by the files of src/db alone: the driver
 * table every engine fills (db_sqlite*.c, db_pg*.c), the connection and the
 * statement cache that db.c keeps the same for all of them.
 *
 * After Dovecot's lib-sql (a table of functions per driver, errors mapped to
 * a few common codes) and FreeRADIUS's rlm_sql (normalised result codes).  A
 * connection finds its driver once, when it opens; every call after that is
 * one indirect call into the engine, so the SQLite path stays direct. */
#ifndef HOP_DB_INT_H
#define HOP_DB_INT_H

#include "hop/db/db.h"

#define STMT_SLOTS 512          /* power of two; hop has far fewer statements */

struct db_driver;

/* ---- what db_copy (db_copy.c) reads of a schema and streams ---- */

/* A column as the catalog has it. */
struct db_column {
	char *name;
	bool integer;           /* an integer type: values are bound as integers */
	bool notnull;
	int key;                /* its place in the primary key from 1; 0 not in it */
	bool identity;          /* PostgreSQL: an identity column (continued after a copy) */
};
/* A foreign key's (first) column and the table it refers to. */
struct db_fkey {
	int col;
	char *ref;
};
struct db_table {
	char *name;
	struct db_column *cols;
	size_t ncols, colcap;
	struct db_fkey *fks;
	size_t nfks, fkcap;
};
struct db_catalog {
	struct db_table *v;
	size_t n, cap;
};
/* One value of a row in transit: text ending in a NUL (an integer as its
 * decimal digits), or NULL.  Valid until the next row is read. */
struct db_value {
	const char *text;
	size_t len;
	bool integer;
};

struct db_stmt {
	void *h;                        /* the engine's statement */
	const struct db_driver *drv;
	struct hop_db *db;
};

struct stmt_slot {
	const char *sql;        /* the literal's address: the cache key */
	struct db_stmt st;
};

struct hop_db {
	const struct db_driver *drv;
	void *h;                /* the engine's connection */
	char *path;             /* the file, or the server and database (no password) */
	int depth;              /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	struct stmt_slot slots[STMT_SLOTS];
};

/* One database engine.  Statements' functions take the engine's statement
 * (st->h) or the db_stmt; connections' take the hop_db. */
struct db_driver {
	const char *name;                       /* "sqlite", "postgresql" */
	/* Connect to target, refuse what is not hop's, migrate (db->path is set). */
	enum hop_status (*open)(struct hop_db *db, const char *target, enum db_open_mode mode,
	                        struct hop_err *err);
	void (*close)(struct hop_db *db);       /* finalizes nothing: db.c did */
	const char *(*engine)(struct hop_db *db);

	void *(*prepare)(struct hop_db *db, const char *sql, struct hop_err *err);
	void (*finalize)(void *h);
	void (*reset)(void *h);                 /* ready to run again, bindings kept */
	void (*clear)(void *h);                 /* reset and bindings cleared */
	enum db_step (*step)(struct db_stmt *st);
	bool (*bind_int64)(void *h, int i, int64_t v);
	bool (*bind_null)(void *h, int i);
	/* copy: the text may go away before the step (else it stays until cleared) */
	bool (*bind_text)(void *h, int i, const char *text, size_t len, bool copy);
	int64_t (*col_int64)(void *h, int col);
	const char *(*col_text)(void *h, int col);
	size_t (*col_bytes)(void *h, int col);
	bool (*col_is_null)(void *h, int col);

	/* Run sql (no parameters, no rows); false with the engine's error kept
	 * for db_fail and errmsg. */
	bool (*run)(struct hop_db *db, const char *sql);
	const char *(*errmsg)(struct hop_db *db);
	/* The outermost transaction: the write lock from its start. */
	bool (*begin)(struct hop_db *db);
	bool (*in_transaction)(struct hop_db *db);
	int64_t (*changes)(struct hop_db *db);
	int64_t (*last_id)(struct hop_db *db);
	enum hop_status (*mark)(struct hop_db *db, struct db_mark *m, struct hop_err *err);
	/* The last error as a sentence (busy, read-only) or "what: message". */
	enum hop_status (*fail)(struct hop_db *db, struct hop_err *err, const char *what);
	int (*schema_version)(struct hop_db *db);
	/* The connection's role (NULL: the engine has none). */
	enum hop_status (*role)(struct hop_db *db, char *buf, size_t size, struct hop_err *err);

	/* ---- the bulk path of db_copy (db_copy.c, db_*_copy.c) ---- */
	/* The tables of hop's schema, not the engine's or the driver's own. */
	enum hop_status (*catalog)(struct hop_db *db, struct db_catalog *c, struct hop_err *err);
	/* Apply the migrations the database lacks inside the open transaction. */
	enum hop_status (*migrate_here)(struct hop_db *db, struct hop_err *err);
	/* A table's rows: cols (quoted, comma-separated), in the order of order
	 * ("" for none); t->cols[i].integer says which are integers. */
	void *(*rows_out)(struct hop_db *db, const struct db_table *t, const char *cols,
	                  const char *order, struct hop_err *err);
	int (*row_get)(void *r, struct db_value *v);    /* 1 a row, 0 the end, -1 failed */
	/* The end of reading (r freed); HOP_OK, or what failed. */
	enum hop_status (*rows_out_end)(void *r, struct hop_err *err);
	void *(*rows_in)(struct hop_db *db, const struct db_table *t, const char *cols,
	                 struct hop_err *err);
	bool (*row_put)(void *w, const struct db_value *v);    /* false: failed */
	/* The end of writing (w freed): *rows written, or what failed; ok false
	 * abandons what was put (the caller rolls back). */
	enum hop_status (*rows_in_end)(void *w, bool ok, int64_t *rows, struct hop_err *err);
	/* After a copy: the identity of column col continues after max (NULL:
	 * the engine does that itself). */
	enum hop_status (*continue_ids)(struct hop_db *db, const struct db_table *t, int col,
	                                int64_t max, struct hop_err *err);
	void (*bulk)(struct hop_db *db, bool big);      /* NULL: no hints to take */

	/* db_lean: hold less memory from now on (NULL: nothing to do). */
	void (*lean)(struct hop_db *db);
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

/* Run sql (no parameters, no rows) on the connection. */
enum hop_status db_exec(struct hop_db *db, const char *sql, struct hop_err *err);

/* The catalog's memory (db_copy.c). */
void db_catalog_free(struct db_catalog *c);
/* Append a table, a column, a foreign key: false when memory ran out. */
struct db_table *db_catalog_table(struct db_catalog *c, const char *name);
/* The catalog of a driver: every table names (one name a row) lists, each
 * then filled by read_table (its columns and foreign keys); on failure c is
 * freed. */
enum hop_status db_catalog_read(struct hop_db *db, struct db_stmt *names,
                                enum hop_status (*read_table)(struct hop_db *db,
                                                              struct db_table *t,
                                                              struct hop_err *err),
                                struct db_catalog *c, struct hop_err *err);
bool db_table_column(struct db_table *t, const char *name, bool integer, bool notnull,
                     int key, bool identity);
bool db_table_fkey(struct db_table *t, const char *col, const char *ref);

/* Is target a PostgreSQL URL or conninfo rather than a file?  (db_pg_sql.c) */
bool db_pg_is_target(const char *target);

#endif
