/* The SQLite driver: the connection with its pragmas and collation, the
 * outermost transaction (BEGIN IMMEDIATE), statements with SQLite's result
 * codes turned into the few outcomes core tells apart, and what tells a cache
 * that the data has changed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/db/db_sqlite.h"
#include "db_sqlite_int.h"

#define BUSY_TIMEOUT_MS 15000   /* many people booking at 8:55 wait, never fail */

#define H(db) ((sqlite3 *)(db)->h)

const char *db_engine(void)
{
	static char name[32];

	if (!name[0])
		snprintf(name, sizeof name, "SQLite %s", sqlite3_libversion());
	return name;
}

static const char *sq_engine(struct hop_db *db)
{
	(void)db;
	return db_engine();
}

static enum hop_status sq_fail(struct hop_db *db, struct hop_err *err, const char *what)
{
	int code = sqlite3_extended_errcode(H(db));
	const char *msg = sqlite3_errmsg(H(db));

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return hop_fail(err, HOP_EDB, _("%s: the database is busy with another hop "
		                "for too long; please try again"), what);
	if ((code & 0xff) == SQLITE_READONLY)
		return hop_fail(err, HOP_EDB, _("%s: the database %s is read-only for you"),
		                what, db->path);
	return hop_fail(err, HOP_EDB, "%s: %s", what, msg);
}

/* The message of a failed sqlite3_exec is the connection's too. */
static bool sq_run(struct hop_db *db, const char *sql)
{
	return sqlite3_exec(H(db), sql, NULL, NULL, NULL) == SQLITE_OK;
}

static const char *sq_errmsg(struct hop_db *db) { return sqlite3_errmsg(H(db)); }

static int sq_schema_version(struct hop_db *db)
{
	return db_query_int(H(db), "PRAGMA user_version");
}

/* Is this a database hop may use?  Reads only. */
static enum hop_status check_schema(struct hop_db *db, struct hop_err *err)
{
	int have;

	switch (db_kind_of(H(db), &have)) {
	case DB_KIND_EMPTY:
	case DB_KIND_HOP:
		return HOP_OK;
	case DB_KIND_NOTDB:
		return hop_fail(err, HOP_EDB, _("%s is not a database file"), db->path);
	case DB_KIND_UNREADABLE:
		return db_fail(db, err, db->path);
	case DB_KIND_FOREIGN:
		return hop_fail(err, HOP_EDB, _("%s is an SQLite database but not hop's; "
		                "refusing to touch it"), db->path);
	case DB_KIND_NEWER:
		break;
	}
	return hop_fail(err, HOP_EDB, _("the database %s has schema version %d, but this "
	                "hop (%s) knows only versions up to %d; use a newer hop or a backup "
	                "of the database"), db->path, have, HOP_VERSION, db_schema_latest());
}

/* People and teams sort the way a German reader expects (DIN 5007-1). */
static int collate_hop(void *unused, int an, const void *a, int bn, const void *b)
{
	(void)unused;
	return fold_collate(a, (size_t)an, b, (size_t)bn);
}

/* SQLite's page cache in one block, for a process that shows screens (see
 * db.h).  Filled from malloc, the default cache (2 MB, about 480 pages)
 * faults in one 4 KB page of memory for each database page it takes; where
 * the kernel gives transparent huge pages to memory that asks for them, one
 * 2 MB page holds them all.  On the 2-core VM the bench runs on a page fault
 * costs about 11 us: those 480 were a fifth of the Desks screen's first
 * showing (perf record -e page-faults).  Only for screens: once its slots
 * run low SQLite counts itself under memory pressure and recycles pages
 * rather than grow, whatever cache_size says, so a bulk write (a larger
 * cache) went at a third of its speed with it.  When the block cannot be had
 * the cache comes from malloc as before: a hint, never a requirement. */
void db_for_screens(void)
{
	static bool done;
	const size_t len = (size_t)2 << 20;
	unsigned char *map, *block;
	size_t slot;
	int hdr = 0;

	if (done)
		return;
	done = true;
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK || hdr < 0)
		return;
	slot = (4096 + (size_t)hdr + 7) & ~(size_t)7;
	/* Twice the length, so that a 2 MB-aligned block lies inside. */
	map = mmap(NULL, 2 * len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return;
	block = (unsigned char *)(((uintptr_t)map + len - 1) & ~(uintptr_t)(len - 1));
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, block, (int)slot, (int)(len / slot)) != SQLITE_OK) {
		munmap(map, 2 * len);
		return;
	}
#ifdef MADV_HUGEPAGE
	madvise(block, len, MADV_HUGEPAGE);
#endif
	if (block > map)
		munmap(map, (size_t)(block - map));
	if (block + len < map + 2 * len)
		munmap(block + len, (size_t)(map + 2 * len - (block + len)));
}

static enum hop_status sq_open(struct hop_db *db, const char *path, enum db_open_mode mode,
                               struct hop_err *err)
{
	struct stat sb;
	sqlite3 *h = NULL;
	sqlite3_stmt *st;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	if (mode == DB_OPEN_EXISTING && stat(path, &sb) != 0)
		return hop_fail(err, HOP_ENOTFOUND, _("no database at %s; create one with "
		                "'hop init' (or 'hop init --demo' for a demo organisation)"), path);
	if (mode != DB_OPEN_EXISTING)
		flags |= SQLITE_OPEN_CREATE;
	if (!(db->path = strdup(path)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (sqlite3_open_v2(path, &h, flags, NULL) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, _("cannot open the database %s: %s"), path,
		         h ? sqlite3_errmsg(h) : strerror(errno));
		sqlite3_close(h);
		return HOP_EDB;
	}
	db->h = h;
	sqlite3_extended_result_codes(h, 1);
	sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
	sqlite3_create_collation(h, "hop", SQLITE_UTF8, NULL, collate_hop);

	/* Look before writing anything: a file that is not SQLite, another program's
	 * database or one from a newer hop is refused untouched (journal_mode=WAL
	 * would already rewrite its header). */
	if (check_schema(db, err) != HOP_OK)
		return err->status;
	if (sqlite3_prepare_v2(h, "PRAGMA journal_mode=WAL", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, path);
		sqlite3_finalize(st);
		return HOP_EDB;
	}
	sqlite3_finalize(st);
	/* A setgid hop keeps no temporary files where the caller could reach them
	 * ($SQLITE_TMPDIR is the caller's, and the files theirs). */
	if (hop_privileged() && db_exec(db, "PRAGMA temp_store=MEMORY", err) != HOP_OK)
		return err->status;
	/* A copy's target takes every row of an organisation in one transaction:
	 * the indexes' pages stay in a cache of up to 256 MB instead of going out
	 * to the log and coming back for each row, and each INSERT's statement
	 * journal (foreign keys and triggers need one) stays in memory.  Hints
	 * only: a failure costs time, never correctness. */
	if (mode == DB_OPEN_TARGET)
		db_exec(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", NULL);
	if (db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", err) != HOP_OK ||
	    (mode != DB_OPEN_TARGET && db_migrate(db, true, err) != HOP_OK))
		return err->status;
	return HOP_OK;
}

static void sq_close(struct hop_db *db) { sqlite3_close(H(db)); }

static void *sq_prepare(struct hop_db *db, const char *sql, struct hop_err *err)
{
	sqlite3_stmt *h;

	if (sqlite3_prepare_v3(H(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &h, NULL) != SQLITE_OK) {
		db_fail(db, err, _("preparing a statement"));
		return NULL;
	}
	return h;
}

static void sq_finalize(void *h) { sqlite3_finalize(h); }

static void sq_reset(void *h) { sqlite3_reset(h); }

static void sq_clear(void *h)
{
	sqlite3_reset(h);
	sqlite3_clear_bindings(h);
}

static enum db_step sq_step(struct db_stmt *st)
{
	int rc = sqlite3_step(st->h);

	switch (rc) {
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY: return DB_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY: return DB_FOREIGN;
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
	/* A trigger that refuses a write guards a rule as a CHECK does (two
	 * overlapping posts of one person). */
	case SQLITE_CONSTRAINT_TRIGGER: return DB_CHECK;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return DB_BUSY;
	return DB_FAIL;
}

static bool sq_bind_int64(void *h, int i, int64_t v)
{
	return sqlite3_bind_int64(h, i, v) == SQLITE_OK;
}

static bool sq_bind_null(void *h, int i) { return sqlite3_bind_null(h, i) == SQLITE_OK; }

static bool sq_bind_text(void *h, int i, const char *text, size_t len, bool copy)
{
	return sqlite3_bind_text(h, i, text, (int)len, copy ? SQLITE_TRANSIENT : SQLITE_STATIC) ==
	       SQLITE_OK;
}

static int64_t sq_col_int64(void *h, int col) { return sqlite3_column_int64(h, col); }

static const char *sq_col_text(void *h, int col)
{
	return (const char *)sqlite3_column_text(h, col);
}

static size_t sq_col_bytes(void *h, int col) { return (size_t)sqlite3_column_bytes(h, col); }

static bool sq_col_is_null(void *h, int col)
{
	return sqlite3_column_type(h, col) == SQLITE_NULL;
}

static bool sq_begin(struct hop_db *db) { return sq_run(db, "BEGIN IMMEDIATE"); }

static bool sq_in_transaction(struct hop_db *db) { return !sqlite3_get_autocommit(H(db)); }

static int64_t sq_changes(struct hop_db *db) { return sqlite3_changes64(H(db)); }

static int64_t sq_last_id(struct hop_db *db) { return sqlite3_last_insert_rowid(H(db)); }

/* Another connection's commit moves PRAGMA data_version; this connection's
 * own writes move its total changes. */
static enum hop_status sq_mark(struct hop_db *db, struct db_mark *m, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "PRAGMA data_version", err);
	int rc;

	if (!st)
		return err->status;
	rc = sqlite3_step(st->h);
	m->theirs = rc == SQLITE_ROW ? sqlite3_column_int64(st->h, 0) : 0;
	sqlite3_reset(st->h);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, _("checking whether the database has changed"));
	m->ours = sqlite3_total_changes64(H(db));
	return HOP_OK;
}

/* A sort that outgrows the cache's size goes on in temporary files (the
 * sorter's in-memory part is as large as the cache). */
static void sq_lean(struct hop_db *db)
{
	sqlite3_exec(H(db), "PRAGMA cache_size = -500", NULL, NULL, NULL);
}

/* A large batch touches every page of the booking indexes: with SQLite's
 * default 2 MB page cache they would be written out and read back again and
 * again, and every INSERT's statement journal (the foreign keys and the
 * is_room trigger need one) would go to a temporary file.  temp_store takes
 * effect for transactions begun after it. */
static void sq_bulk(struct hop_db *db, bool big)
{
	/* The end of the bulk puts back what sq_open set: a privileged hop keeps
	 * its temporary tables in memory (no file in the caller's TMPDIR). */
	sqlite3_exec(H(db), big ? "PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY"
	             : hop_privileged() ? "PRAGMA cache_size = -2000; PRAGMA temp_store = MEMORY"
	             : "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
}

sqlite3 *db_sqlite(struct hop_db *db) { return db->drv == &db_sqlite_driver ? H(db) : NULL; }

const struct db_driver db_sqlite_driver = {
	.name = "sqlite",
	.open = sq_open, .close = sq_close, .engine = sq_engine,
	.prepare = sq_prepare, .finalize = sq_finalize, .reset = sq_reset, .clear = sq_clear,
	.step = sq_step,
	.bind_int64 = sq_bind_int64, .bind_null = sq_bind_null, .bind_text = sq_bind_text,
	.col_int64 = sq_col_int64, .col_text = sq_col_text, .col_bytes = sq_col_bytes,
	.col_is_null = sq_col_is_null,
	.run = sq_run, .errmsg = sq_errmsg, .begin = sq_begin,
	.in_transaction = sq_in_transaction, .changes = sq_changes, .last_id = sq_last_id,
	.mark = sq_mark, .fail = sq_fail, .schema_version = sq_schema_version,
	.catalog = sq_catalog, .migrate_here = sq_migrate_here,
	.rows_out = sq_rows_out, .row_get = sq_row_get, .rows_out_end = sq_rows_out_end,
	.rows_in = sq_rows_in, .row_put = sq_row_put, .rows_in_end = sq_rows_in_end,
	.bulk = sq_bulk,
	.lean = sq_lean,
};
