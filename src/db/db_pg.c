/* The PostgreSQL driver: libpq loaded on first use, the connection and its
 * settings, the outermost transaction under hop's write lock, and errors as
 * the sentences db_fail gives for SQLite.  Statements are in db_pg_stmt.c,
 * the schema in db_pg_schema.c.
 *
 * Transactions: a write transaction (db_begin) is BEGIN followed by a
 * transaction-level advisory lock that every hop writer takes, so writers
 * take turns exactly as under SQLite's BEGIN IMMEDIATE and what a write
 * decided from its reads still holds when it commits, while readers never
 * wait.  Read Committed then suffices: no other hop commits in between, so
 * no serialization failure can abort a transaction half-way through core's
 * C code (which could not be re-run by the driver).  lock_timeout gives the
 * same 15 seconds of patience as SQLite's busy timeout. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "db_pg_int.h"

#define PC(db) ((struct pg_conn *)(db)->h)

static struct pq_api pq_loaded;

const struct pq_api *pg_lib(struct hop_err *err)
{
	static void *lib;
	static char why[256];

	if (lib)
		return &pq_loaded;
	if (why[0]) {
		hop_fail(err, HOP_EDB, "%s", why);
		return NULL;
	}
	void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(why, sizeof why, _("hop needs libpq for a PostgreSQL database, and it "
		         "cannot be loaded (%s); install the Debian package libpq5"), dlerror());
		hop_fail(err, HOP_EDB, "%s", why);
		return NULL;
	}
	/* POSIX's way from dlsym's void * to a function pointer. */
#define PQ_LOAD(ret, name, args) *(void **)&pq_loaded.name = dlsym(h, #name); \
	if (!pq_loaded.name) { \
		snprintf(why, sizeof why, _("hop needs libpq for a PostgreSQL database, and it " \
		         "cannot be loaded (%s); install the Debian package libpq5"), #name); \
		hop_fail(err, HOP_EDB, "%s", why); \
		dlclose(h); \
		return NULL; \
	}
	PQ_FUNCTIONS(PQ_LOAD)
#undef PQ_LOAD
	lib = h;
	return &pq_loaded;
}

/* Notices (a NOTICE of a migration's DROP ... IF EXISTS) are not for people. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

void db_describe(const char *target, char *buf, size_t size)
{
	static const char *const keys[] = { "service", "dbname", "host", "hostaddr", "port",
	                                    "user" };
	struct hop_err ignore;
	const struct pq_api *pq;
	PQconninfoOption *opts;
	char *errmsg = NULL;
	size_t n;

	if (!db_is_server(target)) {
		snprintf(buf, size, "%s", target);
		return;
	}
	n = (size_t)snprintf(buf, size, "PostgreSQL");
	if (!(pq = pg_lib(&ignore)) || !(opts = pq->PQconninfoParse(target, &errmsg))) {
		if (errmsg)
			pq->PQfreemem(errmsg);
		return;
	}
	/* In the order of keys, only those given (libpq's defaults apply to the rest). */
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		for (PQconninfoOption *o = opts; o->keyword; o++)
			if (strcmp(o->keyword, keys[k]) == 0 && o->val && *o->val && n < size)
				n += (size_t)snprintf(buf + n, size - n, " %s=%s", o->keyword, o->val);
	pq->PQconninfoFree(opts);
}

static const char *pg_engine(struct hop_db *db)
{
	return PC(db)->engine;
}

void pg_keep_error(struct pg_conn *pc, const PGresult *r)
{
	const char *state = r ? pc->pq->PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

	snprintf(pc->sqlstate, sizeof pc->sqlstate, "%s", state ? state : "");
	pg_trim_message(r ? pc->pq->PQresultErrorMessage(r) : pc->pq->PQerrorMessage(pc->c),
	                pc->msg, sizeof pc->msg);
	if (!pc->msg[0])
		pg_trim_message(pc->pq->PQerrorMessage(pc->c), pc->msg, sizeof pc->msg);
}

bool pg_run(struct pg_conn *pc, const char *sql)
{
	PGresult *r;
	ExecStatusType s;

	pg_settle(pc);
	r = pc->pq->PQexec(pc->c, sql);
	s = r ? pc->pq->PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		pg_keep_error(pc, r);
		pc->pq->PQclear(r);
		return false;
	}
	pc->pq->PQclear(r);
	return true;
}

static bool pg_run_db(struct hop_db *db, const char *sql) { return pg_run(PC(db), sql); }

static const char *pg_errmsg(struct hop_db *db) { return PC(db)->msg; }

static enum hop_status pg_fail(struct hop_db *db, struct hop_err *err, const char *what)
{
	struct pg_conn *pc = PC(db);

	switch (pg_outcome(pc->sqlstate)) {
	case DB_BUSY:
		return hop_fail(err, HOP_EDB, _("%s: the database is busy with another hop "
		                "for too long; please try again"), what);
	case DB_RETRY:
		return hop_fail(err, HOP_EDB, _("%s: the database gave up the change because "
		                "another change got in its way; please try again"), what);
	default:
		break;
	}
	/* read_only_sql_transaction, insufficient_privilege */
	if (strcmp(pc->sqlstate, "25006") == 0 || strcmp(pc->sqlstate, "42501") == 0)
		return hop_fail(err, HOP_EDB, _("%s: the database %s is read-only for you"),
		                what, db->path);
	return hop_fail(err, HOP_EDB, "%s: %s", what, pc->msg[0] ? pc->msg : "?");
}

/* A failed BEGIN or lock leaves an aborted transaction: end it, keeping the
 * error that says why. */
static bool pg_begin(struct hop_db *db)
{
	struct pg_conn *pc = PC(db);
	char state[sizeof pc->sqlstate], msg[sizeof pc->msg];

	if (pg_run(pc, "BEGIN; " PG_WRITE_LOCK))
		return true;
	memcpy(state, pc->sqlstate, sizeof state);
	memcpy(msg, pc->msg, sizeof msg);
	pg_run(pc, "ROLLBACK");
	memcpy(pc->sqlstate, state, sizeof state);
	memcpy(pc->msg, msg, sizeof msg);
	return false;
}

static bool pg_in_transaction(struct hop_db *db)
{
	PGTransactionStatusType s = PC(db)->pq->PQtransactionStatus(PC(db)->c);

	return db->depth > 0 || s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
}

static int64_t pg_changes(struct hop_db *db) { return PC(db)->changes; }

/* The id the last INSERT gave its row: lastval(), the last value any
 * sequence (an identity column's) gave this session.  Read once per INSERT.
 * Until it has answered once, inside a savepoint when in a transaction:
 * lastval() before any sequence was used is an error that would abort the
 * transaction; after that it always has a value. */
static int64_t pg_last_id(struct hop_db *db)
{
	struct pg_conn *pc = PC(db);
	const struct pq_api *pq = pc->pq;
	bool sp = db->depth > 0 && !pc->lastval_known;
	PGresult *r;

	if (!pc->inserted)
		return pc->last_id;
	pc->inserted = false;
	if (sp && !pg_run(pc, "SAVEPOINT hop_id"))
		return pc->last_id;
	pg_settle(pc);
	r = pq->PQexec(pc->c, "SELECT lastval()");
	if (pq->PQresultStatus(r) == PGRES_TUPLES_OK && pq->PQntuples(r) == 1) {
		pc->last_id = strtoll(pq->PQgetvalue(r, 0, 0), NULL, 10);
		pc->lastval_known = true;
	}
	pq->PQclear(r);
	if (sp)
		pg_run(pc, "ROLLBACK TO hop_id; RELEASE hop_id");
	return pc->last_id;
}

/* data_rev.n counts every transaction that changed a table the feeds read
 * (the PostgreSQL schema's statement triggers fire on INSERT too, once per
 * transaction since 0013); the rows this connection wrote count its own
 * changes within a transaction, as SQLite's total changes do. */
static enum hop_status pg_mark(struct hop_db *db, struct db_mark *m, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "SELECT n FROM data_rev WHERE id = 1", err);
	bool found;

	m->theirs = 0;
	m->ours = PC(db)->total_changes;
	if (!st)
		return err->status;
	return db_get_int64(st, &m->theirs, &found,
	                    _("checking whether the database has changed"), err);
}

static enum hop_status pg_role(struct hop_db *db, char *buf, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "SELECT session_user", err);
	bool found;

	if (!st)
		return err->status;
	return db_get_text(st, buf, size, &found, _("asking the database who is connected"), err);
}

/* Run with the group's rights (a setgid hop), hop reaches the database only
 * as its own configuration says, with credentials only the group can read:
 * the caller's PG* variables (PGHOST, PGUSER, PGPASSWORD, PGSERVICEFILE,
 * PGOPTIONS ...) go, and so does their home directory as libpq's (~/.pgpass,
 * ~/.pg_service.conf, ~/.postgresql/), which nothing of hop reads when
 * privileged; a service (url = service=hop) is looked up in
 * SYSCONFDIR/hop/pg_service.conf, which holds the service role's password
 * and which only root and the group read.  (libpq refuses a password file
 * that its group may read, so a service file it is.) */
static void privileged_env(void)
{
	extern char **environ;

	for (size_t i = 0; environ[i];) {
		size_t n = strcspn(environ[i], "=");
		char *name;
		if (strncmp(environ[i], "PG", 2) != 0 || !(name = strndup(environ[i], n))) {
			i++;
			continue;
		}
		unsetenv(name);
		free(name);
	}
	setenv("HOME", "/nonexistent", 1);
	setenv("PGSYSCONFDIR", HOP_SYSCONFDIR "/hop", 1);
	setenv("PGSERVICEFILE", HOP_SYSCONFDIR "/hop/pg_service.conf", 1);
}

static void pg_close(struct hop_db *db)
{
	struct pg_conn *pc = PC(db);

	if (!pc)
		return;
	if (pc->c)
		pc->pq->PQfinish(pc->c);
	free(pc);
	db->h = NULL;
}

static enum hop_status pg_open(struct hop_db *db, const char *target, enum db_open_mode mode,
                               struct hop_err *err)
{
	const struct pq_api *pq = pg_lib(err);
	struct pg_conn *pc;
	char where[512], msg[PG_MSG_MAX];
	const char *v;

	db_describe(target, where, sizeof where);
	if (!(db->path = strdup(where)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (!pq)
		return err->status;
	if (!(pc = calloc(1, sizeof *pc)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	pc->pq = pq;
	pc->db = db;
	db->h = pc;
	if (hop_privileged())
		privileged_env();
	pc->c = pq->PQconnectdb(target);
	if (!pc->c)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (pq->PQstatus(pc->c) != CONNECTION_OK) {
		pg_trim_message(pq->PQerrorMessage(pc->c), msg, sizeof msg);
		return hop_fail(err, HOP_EDB, _("cannot connect to the database %s: %s"), where,
		                msg);
	}
	/* db->path stays as db_describe has it: every message names the
	 * database as 'hop whoami' and 'hop init' do. */
	pq->PQsetNoticeProcessor(pc->c, quiet, NULL);
	v = pq->PQparameterStatus(pc->c, "server_version");
	snprintf(pc->engine, sizeof pc->engine, "PostgreSQL %s", v ? v : "?");
	/* Dates read as ISO text, whatever the server's defaults; the busy timeout
	 * of the SQLite driver; a name DBAs see in pg_stat_activity. */
	if (!pg_run(pc, "SET datestyle = 'ISO, YMD'; SET intervalstyle = 'iso_8601'; "
	            "SET client_encoding = 'UTF8'; SET lock_timeout = '15s'; "
	            "SET application_name = 'hop'"))
		return db_fail(db, err, where);
	return pg_prepare_schema(db, mode, err);
}

const struct db_driver db_pg_driver = {
	.name = "postgresql",
	.open = pg_open, .close = pg_close, .engine = pg_engine,
	.prepare = pg_prepare, .finalize = pg_finalize, .reset = pg_reset, .clear = pg_clear,
	.step = pg_step,
	.bind_int64 = pg_bind_int64, .bind_null = pg_bind_null, .bind_text = pg_bind_text,
	.col_int64 = pg_col_int64, .col_text = pg_col_text, .col_bytes = pg_col_bytes,
	.col_is_null = pg_col_is_null,
	.run = pg_run_db, .errmsg = pg_errmsg, .begin = pg_begin,
	.in_transaction = pg_in_transaction, .changes = pg_changes, .last_id = pg_last_id,
	.mark = pg_mark, .fail = pg_fail, .schema_version = pg_schema_version, .role = pg_role,
	.catalog = pg_copy_catalog, .migrate_here = pg_migrate_here,
	.rows_out = pg_rows_out, .row_get = pg_row_get, .rows_out_end = pg_rows_out_end,
	.rows_in = pg_rows_in, .row_put = pg_row_put, .rows_in_end = pg_rows_in_end,
	.continue_ids = pg_continue_ids,
};
