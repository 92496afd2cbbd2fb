/* The schema on PostgreSQL: telling hop's database from an empty one and
 * from another program's, and the migrations of db/postgresql/ applied one
 * step per transaction, as on SQLite.  What SQLite keeps in the file header
 * (application_id, user_version) is a table here: hop_schema holds the
 * application's name, which no other program's table of that name would,
 * and the version reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/db/migrations.h"
#include "db_pg_int.h"

#define PC(db) ((struct pg_conn *)(db)->h)

/* One integer of a query without parameters; -1 when it fails or is empty. */
static int query_int(struct pg_conn *pc, const char *sql)
{
	const struct pq_api *pq = pc->pq;
	PGresult *r;
	int v = -1;

	pg_settle(pc);
	r = pq->PQexec(pc->c, sql);
	if (pq->PQresultStatus(r) == PGRES_TUPLES_OK && pq->PQntuples(r) == 1 &&
	    !pq->PQgetisnull(r, 0, 0))
		v = atoi(pq->PQgetvalue(r, 0, 0));
	else if (pq->PQresultStatus(r) != PGRES_TUPLES_OK)
		pg_keep_error(pc, r);
	pq->PQclear(r);
	return v;
}

/* The schema version reached, bound as a parameter like every value. */
static bool set_version(struct pg_conn *pc, const char *version)
{
	const char *values[1] = { version };
	PGresult *r;
	bool ok;

	pg_settle(pc);
	r = pc->pq->PQexecParams(pc->c, "UPDATE hop_schema SET version = $1::integer "
	                         "WHERE application = 'hop'", 1, NULL, values, NULL, NULL, 0);
	ok = r && pc->pq->PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		pg_keep_error(pc, r);
	pc->pq->PQclear(r);
	return ok;
}

int pg_schema_version(struct hop_db *db)
{
	return query_int(PC(db), "SELECT version FROM hop_schema WHERE application = 'hop'");
}

static int pg_latest(void)
{
	return hop_pg_migration_count ? hop_pg_migrations[hop_pg_migration_count - 1].version : 0;
}

/* Tables, views and the like in the schema hop would use. */
#define COUNT_RELATIONS "SELECT count(*) FROM pg_catalog.pg_class c " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"

static enum hop_status check(struct hop_db *db, enum db_open_mode mode, int *have,
                             struct hop_err *err)
{
	struct pg_conn *pc = PC(db);
	int rels = query_int(pc, COUNT_RELATIONS);
	int marked = query_int(pc, "SELECT count(*) FROM pg_catalog.pg_class "
	                       "WHERE oid = to_regclass('hop_schema')");

	*have = 0;
	if (rels < 0 || marked < 0)
		return db_fail(db, err, db->path);
	if (marked) {
		*have = pg_schema_version(db);
		if (*have < 0)
			return hop_fail(err, HOP_EDB, _("%s holds tables that are not hop's; "
			                "refusing to touch it"), db->path);
	} else if (rels > 0) {
		return hop_fail(err, HOP_EDB, _("%s holds tables that are not hop's; "
		                "refusing to touch it"), db->path);
	}
	if (*have > pg_latest())
		return hop_fail(err, HOP_EDB, _("the database %s has schema version %d, but this "
		                "hop (%s) knows only versions up to %d; use a newer hop or a backup "
		                "of the database"), db->path, *have, HOP_VERSION, pg_latest());
	/* hop's once hop_schema is there, even before the first step. */
	/* An empty database is the server's missing file: the same words. */
	if (mode == DB_OPEN_EXISTING && !marked)
		return hop_fail(err, HOP_ENOTFOUND, _("no database at %s; create one with "
		                "'hop init' (or 'hop init --demo' for a demo organisation)"), db->path);
	if (mode == DB_OPEN_CREATE && *have > 0)
		return hop_fail(err, HOP_ECONFLICT, _("%s already holds a "
		                "hop organisation; hop does not replace one there (drop the "
		                "database and create it empty to start again)"), db->path);
	return HOP_OK;
}

/* A step failed: roll back (when the step had a transaction of its own),
 * and say which step and why. */
static enum hop_status step_failed(struct hop_db *db, const char *name, bool own_tx,
                                   struct hop_err *err)
{
	char why[PG_MSG_MAX];

	snprintf(why, sizeof why, "%s", PC(db)->msg);
	if (own_tx)
		pg_run(PC(db), "ROLLBACK");
	return hop_fail(err, HOP_EDB, _("upgrading the database with %s failed: %s"), name, why);
}

#define CREATE_HOP_SCHEMA "CREATE TABLE IF NOT EXISTS hop_schema (" \
	" application text NOT NULL PRIMARY KEY CHECK (application = 'hop')," \
	" version integer NOT NULL CHECK (version >= 0)); " \
	"INSERT INTO hop_schema (application, version) VALUES ('hop', 0) " \
	"ON CONFLICT (application) DO NOTHING"

/* The steps after have, each in a transaction of its own under the write
 * lock (own_tx), or all inside the caller's transaction. */
static enum hop_status migrate(struct hop_db *db, int have, bool own_tx, struct hop_err *err)
{
	struct pg_conn *pc = PC(db);

	/* Two hops creating the same database take turns; the second finds the
	 * table made. */
	if (have == 0 && !pg_run(pc, own_tx ? "BEGIN; " PG_WRITE_LOCK "; " CREATE_HOP_SCHEMA
	                         "; COMMIT" : CREATE_HOP_SCHEMA))
		return step_failed(db, "hop_schema", own_tx, err);

	for (int i = 0; i < hop_pg_migration_count; i++) {
		const struct hop_migration *m = &hop_pg_migrations[i];
		char set[96];

		if (m->version != i + 1)
			return hop_fail(err, HOP_EDB, "migration %s: expected version %d",
			                m->name, i + 1);
		if (m->version <= have)
			continue;
		/* One step, one transaction under the write lock; the version read
		 * again inside it in case another hop migrated while we waited. */
		if (own_tx && !pg_run(pc, "BEGIN; " PG_WRITE_LOCK))
			return step_failed(db, m->name, own_tx, err);
		if (own_tx && pg_schema_version(db) >= m->version) {
			pg_run(pc, "COMMIT");
			continue;
		}
		snprintf(set, sizeof set, "%d", m->version);
		if (!pg_run(pc, hop_pg_migration_sql(i)) || !set_version(pc, set) ||
		    (own_tx && !pg_run(pc, "COMMIT")))
			return step_failed(db, m->name, own_tx, err);
	}
	return HOP_OK;
}

enum hop_status pg_prepare_schema(struct hop_db *db, enum db_open_mode mode,
                                  struct hop_err *err)
{
	int have;

	if (check(db, mode, &have, err) != HOP_OK)
		return err->status;
	/* A copy's target is migrated inside the copy's transaction. */
	return mode == DB_OPEN_TARGET ? HOP_OK : migrate(db, have, true, err);
}

enum hop_status pg_migrate_here(struct hop_db *db, struct hop_err *err)
{
	int marked = query_int(PC(db), "SELECT count(*) FROM pg_catalog.pg_class "
	                       "WHERE oid = to_regclass('hop_schema')");
	int have = marked > 0 ? pg_schema_version(db) : 0;

	if (marked < 0 || have < 0)
		return db_fail(db, err, db->path);
	return migrate(db, have, false, err);
}
