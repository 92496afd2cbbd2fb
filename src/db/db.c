/* The SQLite connection: pragmas, migrations, nested transactions and a cache
 * of prepared statements (prepared once per connection, reset on reuse). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/db/migrations.h"

#define STMT_SLOTS 512          /* power of two; hop has far fewer statements */
#define BUSY_TIMEOUT_MS 15000   /* many people booking at 8:55 wait, never fail */

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct hop_db {
	sqlite3 *h;
	char *path;
	int depth;                  /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	struct stmt_slot slots[STMT_SLOTS];
};

sqlite3 *db_sqlite(struct hop_db *db) { return db->h; }
const char *db_path(const struct hop_db *db) { return db->path; }

enum hop_status db_fail(struct hop_db *db, struct hop_err *err, const char *what)
{
	int code = db && db->h ? sqlite3_extended_errcode(db->h) : SQLITE_ERROR;
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : "?";

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return hop_fail(err, HOP_EDB, _("%s: the database is busy with another hop "
		                "for too long; please try again"), what);
	if ((code & 0xff) == SQLITE_READONLY)
		return hop_fail(err, HOP_EDB, _("%s: the database %s is read-only for you"),
		                what, db->path);
	return hop_fail(err, HOP_EDB, "%s: %s", what, msg);
}

static enum hop_status exec(struct hop_db *db, const char *sql, struct hop_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, "%s: %s", sql, msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return HOP_EDB;
	}
	return HOP_OK;
}

static int pragma_int(struct hop_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_schema_version(struct hop_db *db) { return pragma_int(db, "PRAGMA user_version"); }

int db_schema_latest(void)
{
	return hop_migration_count ? hop_migrations[hop_migration_count - 1].version : 0;
}

/* "hop!" in the file header (set by the first migration), so that hop's files
 * can be told from other SQLite databases. */
#define HOP_APPLICATION_ID 0x686f7021

/* Is this a database hop may use?  Reads only. */
static enum hop_status check_schema(struct hop_db *db, struct hop_err *err)
{
	int have = db_schema_version(db), latest = db_schema_latest();
	int app_id = pragma_int(db, "PRAGMA application_id");

	if (have < 0 || app_id == -1) {
		if (sqlite3_errcode(db->h) == SQLITE_NOTADB)
			return hop_fail(err, HOP_EDB, _("%s is not a database file"), db->path);
		return db_fail(db, err, db->path);
	}
	if ((app_id != 0 && app_id != HOP_APPLICATION_ID) ||
	    (have == 0 && pragma_int(db, "SELECT count(*) FROM sqlite_schema") > 0))
		return hop_fail(err, HOP_EDB, _("%s is an SQLite database but not hop's; "
		                "refusing to touch it"), db->path);
	if (have > latest)
		return hop_fail(err, HOP_EDB, _("the database %s has schema version %d, but this "
		                "hop (%s) knows only versions up to %d; use a newer hop or a backup "
		                "of the database"), db->path, have, HOP_VERSION, latest);
	return HOP_OK;
}

static enum hop_status migrate(struct hop_db *db, struct hop_err *err)
{
	int have = db_schema_version(db);

	if (have < 0)
		return db_fail(db, err, db->path);

	for (int i = 0; i < hop_migration_count; i++) {
		const struct hop_migration *m = &hop_migrations[i];
		char pragma[64];

		if (m->version != i + 1)
			return hop_fail(err, HOP_EDB, "migration %s: expected version %d",
			                m->name, i + 1);
		if (m->version <= have)
			continue;
		/* One step, one IMMEDIATE transaction; re-read the version inside it in
		 * case another hop migrated while we waited for the lock. */
		if (exec(db, "BEGIN IMMEDIATE", err) != HOP_OK)
			return err->status;
		if (db_schema_version(db) >= m->version) {
			exec(db, "COMMIT", err);
			continue;
		}
		/* A PRAGMA takes no bound parameters; the value is the compiled-in
		 * migration's own number, never input. */
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m->version);
		if (exec(db, hop_migration_sql(i), err) != HOP_OK ||
		    exec(db, pragma, err) != HOP_OK) {
			char what[HOP_ERR_MSG_MAX];
			snprintf(what, sizeof what, "%s", err->msg);
			exec(db, "ROLLBACK", NULL);
			return hop_fail(err, HOP_EDB, _("upgrading the database with %s failed: %s"),
			                m->name, what);
		}
		if (exec(db, "COMMIT", err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

enum hop_status db_open(const char *path, enum db_open_mode mode, struct hop_db **out,
                        struct hop_err *err)
{
	struct stat sb;
	struct hop_db *db;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (mode == DB_OPEN_EXISTING && stat(path, &sb) != 0)
		return hop_fail(err, HOP_ENOTFOUND, _("no database at %s; create one with "
		                "'hop init' (or 'hop init --demo' for a demo organisation)"), path);
	if (mode == DB_OPEN_CREATE)
		flags |= SQLITE_OPEN_CREATE;

	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, _("cannot open the database %s: %s"), path,
		         db->h ? sqlite3_errmsg(db->h) : strerror(errno));
		db_close(db);
		return HOP_EDB;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);

	/* Look before writing anything: a file that is not SQLite, another program's
	 * database or one from a newer hop is refused untouched (journal_mode=WAL
	 * would already rewrite its header). */
	if (check_schema(db, err) != HOP_OK) {
		db_close(db);
		return err->status;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode=WAL", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, path);
		sqlite3_finalize(st);
		db_close(db);
		return HOP_EDB;
	}
	sqlite3_finalize(st);
	if (exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", err) != HOP_OK ||
	    migrate(db, err) != HOP_OK) {
		db_close(db);
		return err->status;
	}
	*out = db;
	return HOP_OK;
}

void db_close(struct hop_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_SLOTS; i++)
		sqlite3_finalize(db->slots[i].st);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

sqlite3_stmt *db_stmt(struct hop_db *db, const char *sql, struct hop_err *err)
{
	uintptr_t h = (uintptr_t)sql;
	size_t i = (size_t)((h >> 3) ^ (h >> 12)) & (STMT_SLOTS - 1);

	for (size_t n = 0; n < STMT_SLOTS; n++, i = (i + 1) & (STMT_SLOTS - 1)) {
		struct stmt_slot *s = &db->slots[i];
		if (s->sql == sql) {
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			return s->st;
		}
		if (!s->sql) {
			if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st,
			                       NULL) != SQLITE_OK) {
				db_fail(db, err, _("preparing a statement"));
				s->st = NULL;
				return NULL;
			}
			s->sql = sql;
			return s->st;
		}
	}
	hop_fail(err, HOP_EDB, "statement cache full");
	return NULL;
}

enum hop_status db_begin(struct hop_db *db, struct hop_err *err)
{
	char sql[48];

	if (db->depth == 0) {
		if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(db, err, _("starting a transaction"));
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT hop%d", db->depth);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(db, err, _("starting a transaction"));
	}
	db->depth++;
	return HOP_OK;
}

enum hop_status db_commit(struct hop_db *db, struct hop_err *err)
{
	char sql[48];

	if (db->depth <= 0)
		return hop_fail(err, HOP_EDB, "commit without a transaction");
	if (db->depth == 1) {
		if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			enum hop_status st = db_fail(db, err, _("saving the change"));
			db_rollback(db);
			return st;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE hop%d", db->depth - 1);
		if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(db, err, _("saving the change"));
	}
	db->depth--;
	return HOP_OK;
}

void db_rollback(struct hop_db *db)
{
	char sql[64];

	if (db->depth <= 0)
		return;
	if (db->depth == 1) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO hop%d; RELEASE hop%d", db->depth - 1,
		         db->depth - 1);
		sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	}
	db->depth--;
}

int db_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	if (!text)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

void db_column_copy(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n;

	if (!size)
		return;
	if (!t) {
		buf[0] = '\0';
		return;
	}
	n = strlen((const char *)t);
	if (n >= size) {
		/* Cut at a character boundary, never inside a UTF-8 sequence. */
		n = size - 1;
		while (n > 0 && (t[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, t, n);
	buf[n] = '\0';
}
