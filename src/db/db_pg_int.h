/* The PostgreSQL driver's insides, for db_pg*.c and the unit test of the
 * parts that need no server (db_pg_sql.c). */
#ifndef HOP_DB_PG_INT_H
#define HOP_DB_PG_INT_H

#include <libpq-fe.h>
#include "db_int.h"

/* libpq, loaded when a PostgreSQL database is first opened (dlopen), so that
 * every hop on SQLite starts without loading libpq and the twenty libraries
 * it needs (TLS, Kerberos, LDAP): the one-process 'hop book' stays as fast. */
#define PQ_FUNCTIONS(X) \
	X(PGconn *, PQconnectdb, (const char *)) \
	X(ConnStatusType, PQstatus, (const PGconn *)) \
	X(char *, PQerrorMessage, (const PGconn *)) \
	X(void, PQfinish, (PGconn *)) \
	X(PGresult *, PQexec, (PGconn *, const char *)) \
	X(PGresult *, PQexecParams, (PGconn *, const char *, int, const Oid *, \
	                             const char *const *, const int *, const int *, int)) \
	X(PGresult *, PQprepare, (PGconn *, const char *, const char *, int, const Oid *)) \
	X(int, PQsendPrepare, (PGconn *, const char *, const char *, int, const Oid *)) \
	X(int, PQsendQueryParams, (PGconn *, const char *, int, const Oid *, \
	                           const char *const *, const int *, const int *, int)) \
	X(int, PQenterPipelineMode, (PGconn *)) \
	X(int, PQexitPipelineMode, (PGconn *)) \
	X(int, PQpipelineSync, (PGconn *)) \
	X(int, PQsendQueryPrepared, (PGconn *, const char *, int, const char *const *, \
	                             const int *, const int *, int)) \
	X(int, PQsetSingleRowMode, (PGconn *)) \
	X(PGresult *, PQgetResult, (PGconn *)) \
	X(ExecStatusType, PQresultStatus, (const PGresult *)) \
	X(char *, PQresultErrorField, (const PGresult *, int)) \
	X(char *, PQresultErrorMessage, (const PGresult *)) \
	X(void, PQclear, (PGresult *)) \
	X(int, PQntuples, (const PGresult *)) \
	X(char *, PQgetvalue, (const PGresult *, int, int)) \
	X(int, PQgetlength, (const PGresult *, int, int)) \
	X(int, PQgetisnull, (const PGresult *, int, int)) \
	X(char *, PQcmdTuples, (PGresult *)) \
	X(char *, PQcmdStatus, (PGresult *)) \
	X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *)) \
	X(const char *, PQparameterStatus, (const PGconn *, const char *)) \
	X(char *, PQdb, (const PGconn *)) \
	X(char *, PQhost, (const PGconn *)) \
	X(char *, PQport, (const PGconn *)) \
	X(char *, PQuser, (const PGconn *)) \
	X(PQconninfoOption *, PQconninfoParse, (const char *, char **)) \
	X(void, PQconninfoFree, (PQconninfoOption *)) \
	X(void, PQfreemem, (void *)) \
	X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *, PQnoticeProcessor, void *)) \
	X(int, PQputCopyData, (PGconn *, const char *, int)) \
	X(int, PQputCopyEnd, (PGconn *, const char *)) \
	X(int, PQgetCopyData, (PGconn *, char **, int))

struct pq_api {
#define PQ_FIELD(ret, name, args) ret (*name) args;
	PQ_FUNCTIONS(PQ_FIELD)
#undef PQ_FIELD
};

/* The loaded library, or NULL with err saying why (libpq5 is missing). */
const struct pq_api *pg_lib(struct hop_err *err);

/* Every hop writer takes this transaction-level advisory lock first ("hop!"):
 * one writer at a time, as SQLite's BEGIN IMMEDIATE has it. */
#define PG_WRITE_LOCK "SELECT pg_advisory_xact_lock(1752133665)"

#define PG_MSG_MAX 512

struct pg_stmt;

struct pg_conn {
	PGconn *c;
	const struct pq_api *pq;
	struct hop_db *db;
	int next_name;                  /* statements are h1, h2, ... on this connection */
	struct pg_stmt *busy;           /* the statement whose rows are still coming */
	char sqlstate[6];               /* of the last error */
	char msg[PG_MSG_MAX];
	int64_t changes;
	int64_t total_changes;          /* every row this connection wrote (db_mark) */
	bool inserted;                  /* an INSERT since lastval() was last read */
	bool lastval_known;             /* lastval() has answered once: it cannot fail now */
	int64_t last_id;
	char engine[48];
};

/* ---- db_pg_sql.c: what needs no server ---- */

/* sql with ?NNN (and SQLite's bare ?) as $N and SQLite's planner hints
 * (INDEXED BY name, NOT INDEXED) left out; string literals, quoted names and
 * comments left alone; *nparams the highest number.  malloc'd; NULL when out
 * of memory. */
char *pg_placeholders(const char *sql, int *nparams);
/* Which of $1..$nparams text uses (used[0] for $1): a statement may number
 * past parameters it does not use (core binds ?9 in all of a family). */
void pg_params_used(const char *text, int nparams, bool *used);
/* A SQLSTATE ("23505") as the outcome core tells apart. */
enum db_step pg_outcome(const char *sqlstate);
/* Does sql write (INSERT, UPDATE, DELETE, or WITH ... one of them)? */
bool pg_is_write(const char *sql);
/* libpq's error text on one line, without "ERROR:  " and the trailing newline. */
void pg_trim_message(const char *msg, char *buf, size_t size);

/* ---- db_pg_stmt.c: the statement functions of db_pg_driver ---- */
void *pg_prepare(struct hop_db *db, const char *sql, struct hop_err *err);
void pg_finalize(void *h);
void pg_reset(void *h);
void pg_clear(void *h);
enum db_step pg_step(struct db_stmt *st);
bool pg_bind_int64(void *h, int i, int64_t v);
bool pg_bind_null(void *h, int i);
bool pg_bind_text(void *h, int i, const char *text, size_t len, bool copy);
int64_t pg_col_int64(void *h, int col);
const char *pg_col_text(void *h, int col);
size_t pg_col_bytes(void *h, int col);
bool pg_col_is_null(void *h, int col);
/* Let the statement whose rows are still coming keep the rest in memory, so
 * that the connection can run something else. */
void pg_settle(struct pg_conn *pc);
/* Keep the error of r (or of the connection when r is NULL). */
void pg_keep_error(struct pg_conn *pc, const PGresult *r);
/* Run sql (no parameters), the connection settled first; false with the error kept. */
bool pg_run(struct pg_conn *pc, const char *sql);

/* ---- db_pg_pipe.c ---- */
/* In one round trip: the statements pre[0..npre) (each one statement without
 * parameters), then what send sends (one query), then post (or none).  The
 * result of send's query is returned, the caller's to clear (NULL when the
 * connection broke); *ok is true when every query succeeded, else the first
 * failure's error is kept and the server skipped the rest: a transaction or
 * savepoint opened by pre is left for the caller to roll back. */
PGresult *pg_pipeline(struct pg_conn *pc, const char *const *pre, int npre,
                      int (*send)(struct pg_conn *pc, void *arg), void *arg,
                      const char *post, bool *ok);

/* ---- db_pg_schema.c ---- */
/* Refuse what is not hop's, then migrate, one step per transaction. */
enum hop_status pg_prepare_schema(struct hop_db *db, enum db_open_mode mode,
                                  struct hop_err *err);
int pg_schema_version(struct hop_db *db);
/* Apply the migrations the database lacks inside the open transaction. */
enum hop_status pg_migrate_here(struct hop_db *db, struct hop_err *err);

/* ---- db_pg_copy.c: the bulk path of db_copy (COPY both ways) ---- */
enum hop_status pg_copy_catalog(struct hop_db *db, struct db_catalog *c, struct hop_err *err);
void *pg_rows_out(struct hop_db *db, const struct db_table *t, const char *cols,
                  const char *order, struct hop_err *err);
int pg_row_get(void *r, struct db_value *v);
enum hop_status pg_rows_out_end(void *r, struct hop_err *err);
void *pg_rows_in(struct hop_db *db, const struct db_table *t, const char *cols,
                 struct hop_err *err);
bool pg_row_put(void *w, const struct db_value *v);
enum hop_status pg_rows_in_end(void *w, bool ok, int64_t *rows, struct hop_err *err);
enum hop_status pg_continue_ids(struct hop_db *db, const struct db_table *t, int col,
                                int64_t max, struct hop_err *err);
/* COPY's text format, one field (db_pg_sql.c): escape v onto out (false
 * when memory ran out); decode a line of n fields in place into v. */
bool pg_copy_escape(char **out, size_t *len, size_t *cap, const struct db_value *v);
bool pg_copy_decode(char *line, size_t len, struct db_value *v, size_t n);

#endif
