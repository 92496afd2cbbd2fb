/* The database: opening it, migrations, transactions, and prepared statements
 * with typed binders and readers.  Core speaks to the database only through
 * this header; which engine is behind it (an SQLite file, or a PostgreSQL
 * server through libpq) is db/'s business alone.
 *
 * Statements are string literals in core, with numbered parameters (?1, ?2)
 * and SQL that PostgreSQL also understands where a portable form exists.
 * Dates are stored as ISO text ("2026-11-23"): db_bind_date and db_col_date
 * are the one conversion. */
#ifndef HOP_DB_H
#define HOP_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_db;
/* A prepared statement of one connection, cached and reused (db_stmt). */
struct db_stmt;

enum db_open_mode {
	DB_OPEN_EXISTING,   /* the file must exist (every command but init) */
	DB_OPEN_CREATE,     /* create the file if missing (init) */
	/* The target of a copy (hop/db/copy.h): created if missing, refused if
	 * another program's or newer, but not migrated: db_copy does that inside
	 * its transaction, so that a failed copy leaves it as it was. */
	DB_OPEN_TARGET,
};

/* Open (and for DB_OPEN_CREATE, create) the database, then migrate it to
 * the newest schema.  target is an SQLite file (WAL, foreign keys, a busy
 * timeout and the collation "hop", German order of names, see fold_collate),
 * or a PostgreSQL URL (postgresql://...) or libpq conninfo ("host=... dbname=
 * ..."), for which the database must exist (DB_OPEN_CREATE sets up an empty
 * one).  A database whose schema is newer than this program knows, or that
 * is not hop's, is refused untouched. */
enum hop_status db_open(const char *target, enum db_open_mode mode,
                        struct hop_db **out, struct hop_err *err);
void db_close(struct hop_db *db);

/* The file, or for a server "PostgreSQL database hop on host db1" (never a
 * password). */
const char *db_path(const struct hop_db *db);
/* "SQLite 3.40.1": the engine and its version, for 'hop --version'. */
const char *db_engine(void);
/* The open connection's engine: "SQLite 3.40.1", "PostgreSQL 15.8". */
const char *db_engine_of(struct hop_db *db);

/* Is target a PostgreSQL URL or conninfo rather than an SQLite file? */
bool db_is_server(const char *target);
/* target as it may be shown: a file as it is; a server as "PostgreSQL
 * database NAME on HOST[:PORT] as USER", what libpq's defaults leave out
 * left out, and never the password.  Does not connect. */
void db_describe(const char *target, char *buf, size_t size);

/* The role the database knows this connection as, PostgreSQL's session_user
 * (the authenticated role, which SET ROLE does not change): "" for an
 * SQLite file, which has no roles. */
enum hop_status db_role(struct hop_db *db, char *buf, size_t size, struct hop_err *err);

/* The schema version of the open database, and the newest this program has. */
int db_schema_version(struct hop_db *db);
int db_schema_latest(void);

/* ---- statements ---- */

/* A prepared statement for sql, prepared once per connection and reused; it
 * comes back reset with its bindings cleared.  sql must be a string literal
 * (the cache is keyed by its address).  NULL on error, with err filled. */
struct db_stmt *db_stmt(struct hop_db *db, const char *sql, struct hop_err *err);

/* What a step did.  A refused write says which kind of constraint refused it,
 * so that core can explain the refusal in its rules' words. */
enum db_step {
	DB_ROW = 1,         /* a row is ready to read */
	DB_DONE,            /* finished (no more rows, or the write is done) */
	DB_UNIQUE,          /* a unique index or primary key refused the write */
	DB_FOREIGN,         /* a foreign key refused it */
	DB_CHECK,           /* a CHECK or NOT NULL constraint refused it */
	DB_BUSY,            /* another writer held the database too long */
	DB_FAIL,            /* anything else: db_fail says what */
	/* The server gave up the transaction (serialization failure, deadlock):
	 * it is rolled back and running it again from its start may succeed.
	 * hop's transactions take one write lock first (see db_begin), so only a
	 * writer outside hop makes this happen. */
	DB_RETRY,
};
enum db_step db_step(struct db_stmt *st);
/* Ready the statement to run again; its bindings stay. */
void db_reset(struct db_stmt *st);

/* The two ways most statements are run, each a step and a reset with the
 * failure said as db_fail says it, what naming what failed ("adding a team").
 * A caller that explains a refusal (DB_UNIQUE, ...) steps for itself. */

/* A write: run st to its end.  HOP_OK, or the failure. */
enum hop_status db_run(struct db_stmt *st, const char *what, struct hop_err *err);
/* A query for at most one row.  On a row, read (may be NULL) takes it into
 * out.  HOP_OK, *found telling whether there was a row; or the failure. */
typedef void (*db_read_fn)(struct db_stmt *st, void *out);
enum hop_status db_get(struct db_stmt *st, db_read_fn read, void *out, bool *found,
                       const char *what, struct hop_err *err);
/* db_get of a row's first column: text into buf (as db_col_copy; "" when
 * there is no row), or an integer (untouched when there is none). */
enum hop_status db_get_text(struct db_stmt *st, char *buf, size_t size, bool *found,
                            const char *what, struct hop_err *err);
enum hop_status db_get_int64(struct db_stmt *st, int64_t *v, bool *found, const char *what,
                             struct hop_err *err);
/* Reset and clear the bindings (before memory they point into goes away). */
void db_clear(struct db_stmt *st);

/* Binders: parameters count from 1.  They return false only when i is out of
 * range or memory ran out; the step then fails and says so. */
bool db_bind_int(struct db_stmt *st, int i, int v);
bool db_bind_int64(struct db_stmt *st, int i, int64_t v);
bool db_bind_null(struct db_stmt *st, int i);
/* Text, copied; NULL binds NULL. */
bool db_bind_text(struct db_stmt *st, int i, const char *text);
/* Text of len bytes that stays unchanged until the statement is reset and
 * cleared: no copy (the bulk paths). */
bool db_bind_text_static(struct db_stmt *st, int i, const char *text, size_t len);
/* A day as ISO text; HOP_DATE_NONE binds NULL. */
bool db_bind_date(struct db_stmt *st, int i, hop_date day);
/* Today, by the one clock. */
bool db_bind_today(struct db_stmt *st, int i);

/* Readers of the current row; columns count from 0. */
int db_col_int(struct db_stmt *st, int col);
int64_t db_col_int64(struct db_stmt *st, int col);
/* NULL for SQL NULL; valid until the next step or reset. */
const char *db_col_text(struct db_stmt *st, int col);
/* Bytes of the text db_col_text returns (call it after db_col_text). */
size_t db_col_bytes(struct db_stmt *st, int col);
bool db_col_is_null(struct db_stmt *st, int col);
/* An ISO day; HOP_DATE_NONE for NULL or text that is no date. */
hop_date db_col_date(struct db_stmt *st, int col);
/* Copy column text into buf (cut at a character boundary); "" for NULL. */
void db_col_copy(struct db_stmt *st, int col, char *buf, size_t size);

/* Rows the last INSERT, UPDATE or DELETE of this connection changed, and the
 * id the last INSERT gave its row. */
int64_t db_changes(struct hop_db *db);
int64_t db_last_id(struct hop_db *db);

/* ---- transactions ---- */

/* Begin a write transaction that holds the write lock from the start, so that
 * what a write depends on cannot change between reading it and writing (in
 * SQLite: BEGIN IMMEDIATE; in PostgreSQL: BEGIN and a transaction-level
 * advisory lock every hop writer takes, so writers take turns exactly as in
 * SQLite while readers never wait).  Waits up to the busy timeout rather than
 * failing at once.  Nested calls (an import calling person_add for each row) become
 * savepoints, so an inner failure can be rolled back alone and the outer
 * transaction decides. */
enum hop_status db_begin(struct hop_db *db, struct hop_err *err);
enum hop_status db_commit(struct hop_db *db, struct hop_err *err);
void db_rollback(struct hop_db *db);
/* Is a transaction open on this connection (hop's own or a reader's)? */
bool db_in_transaction(struct hop_db *db);

/* From now on the connection holds less memory, for a long run over the whole
 * organisation whose memory must stay flat (hop feeds publish): in SQLite a
 * page cache of 500 KB instead of 2 MB, which also bounds each sort's memory.  A
 * server database keeps its memory on the server: nothing changes. */
void db_lean(struct hop_db *db);

/* ---- has the data changed? ---- */

/* A mark of the data as this connection sees it.  Two marks compare equal
 * when no connection (this one or another process) has changed anything in
 * between: caches of whole days compare marks instead of re-reading. */
struct db_mark { int64_t theirs, ours; };
enum hop_status db_mark(struct hop_db *db, struct db_mark *m, struct hop_err *err);
bool db_mark_same(const struct db_mark *a, const struct db_mark *b);
/* The same for the changes of other connections only: this one's own
 * writes in between (an import's staging in a table of its own) aside. */
bool db_mark_same_others(const struct db_mark *a, const struct db_mark *b);

/* ---- errors ---- */

/* Fill err from the connection's last error: "what: the engine's message",
 * or a sentence a person can act on (busy, read-only). */
enum hop_status db_fail(struct hop_db *db, struct hop_err *err, const char *what);

/* A large batch of writes follows (big) or has ended (!big): hints that an
 * engine may take (SQLite: a page cache for the whole of the booking
 * indexes, statement journals in memory; PostgreSQL needs none).  Hints
 * cost time when they fail, never correctness: nothing is reported. */
void db_bulk(struct hop_db *db, bool big);

/* This process shows screens: each read a few hundred pages, the cache never
 * larger than SQLite's default.  Before the first db_open, SQLite's page
 * cache is then given one 2 MB block of memory advised for huge pages, so
 * that filling it costs a fault or two instead of one per page.  Not for a
 * process that writes in bulk (db_bulk): the block caps the cache. */
void db_for_screens(void);

/* ---- the file ---- */

/* Write everything in the write-ahead log into the database file and empty
 * the log, so that the file alone can be kept; HOP_EDB when another
 * connection holds it too long. */
enum hop_status db_checkpoint(struct hop_db *db, struct hop_err *err);

#endif
