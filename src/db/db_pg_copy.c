/* The PostgreSQL side of a copy (db_copy.c): the catalog from pg_catalog,
 * a table's rows read with COPY (SELECT ... ORDER BY key) TO STDOUT and
 * written with COPY ... FROM STDIN, in text format, a row at a time through
 * a buffer (the fastest way into PostgreSQL, and memory stays flat), and the
 * identity columns moved past the copied ids.  While a COPY runs, the
 * connection does nothing else: db_copy reads and writes one table at a
 * time, on two connections. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "db_copy_int.h"
#include "db_pg_int.h"

#define PC(db) ((struct pg_conn *)(db)->h)
#define FLUSH_AT (256 * 1024)   /* bytes of rows sent to the server at once */

static enum hop_status oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory"));
}

static enum hop_status read_table(struct hop_db *db, struct db_table *t, struct hop_err *err)
{
	struct db_stmt *cols = db_stmt(db, "SELECT a.attname, a.atttypid IN (20, 21, 23), "
	                               "a.attnotnull, "
	                               "coalesce((SELECT k.n FROM unnest(i.indkey) "
	                               "WITH ORDINALITY AS k(attnum, n) "
	                               "WHERE k.attnum = a.attnum), 0), "
	                               "a.attidentity <> '' "
	                               "FROM pg_catalog.pg_attribute a "
	                               "LEFT JOIN pg_catalog.pg_index i "
	                               "ON i.indrelid = a.attrelid AND i.indisprimary "
	                               "WHERE a.attrelid = to_regclass(quote_ident(?1)) "
	                               "AND a.attnum > 0 AND NOT a.attisdropped "
	                               "ORDER BY a.attnum", err);
	struct db_stmt *fks;
	enum db_step rc;

	if (!cols)
		return err->status;
	db_bind_text(cols, 1, t->name);
	while ((rc = db_step(cols)) == DB_ROW)
		if (!db_table_column(t, db_col_text(cols, 0), db_col_int(cols, 1), db_col_int(cols, 2),
		                     db_col_int(cols, 3), db_col_int(cols, 4))) {
			db_reset(cols);
			return oom(err);
		}
	db_reset(cols);
	if (rc != DB_DONE)
		return db_fail(db, err, t->name);
	if (!(fks = db_stmt(db, "SELECT a.attname, f.relname FROM pg_catalog.pg_constraint k "
	                    "JOIN pg_catalog.pg_class f ON f.oid = k.confrelid "
	                    "JOIN pg_catalog.pg_attribute a "
	                    "ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
	                    "WHERE k.contype = 'f' AND k.conrelid = to_regclass(quote_ident(?1))",
	                    err)))
		return err->status;
	db_bind_text(fks, 1, t->name);
	while ((rc = db_step(fks)) == DB_ROW)
		if (!db_table_fkey(t, db_col_text(fks, 0), db_col_text(fks, 1))) {
			db_reset(fks);
			return oom(err);
		}
	db_reset(fks);
	return rc == DB_DONE ? HOP_OK : db_fail(db, err, t->name);
}

/* The tables of the schema hop uses, but the driver's own hop_schema. */
enum hop_status pg_copy_catalog(struct hop_db *db, struct db_catalog *c, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "SELECT c.relname FROM pg_catalog.pg_class c "
	                             "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	                             "WHERE n.nspname = current_schema() "
	                             "AND c.relkind IN ('r', 'p') AND c.relname <> 'hop_schema' "
	                             "ORDER BY c.relname", err);
	enum db_step rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW)
		if (!db_catalog_table(c, db_col_text(st, 0))) {
			db_reset(st);
			db_catalog_free(c);
			return oom(err);
		}
	db_reset(st);
	if (rc != DB_DONE) {
		db_catalog_free(c);
		return db_fail(db, err, db->path);
	}
	for (size_t i = 0; i < c->n; i++)
		if (read_table(db, &c->v[i], err) != HOP_OK) {
			db_catalog_free(c);
			return err->status;
		}
	return HOP_OK;
}

enum hop_status pg_continue_ids(struct hop_db *db, const struct db_table *t, int col,
                                int64_t max, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "SELECT setval(pg_get_serial_sequence(quote_ident(?1), ?2), "
	                             "?3)", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, t->name);
	db_bind_text(st, 2, t->cols[col].name);
	db_bind_int64(st, 3, max);
	return db_get(st, NULL, NULL, &found, t->name, err);
}

/* ---- COPY ---- */

struct pg_rows {
	struct pg_conn *pc;
	size_t n;
	bool *integer;          /* reading: which columns are integers */
	char *line;             /* reading: the current row, libpq's */
	int state;              /* 0 running, 1 ended, -1 failed */
	char *buf;              /* writing: rows not yet sent */
	size_t len, cap;
};

/* Start "COPY ..." and expect the server to be ready for want. */
static struct pg_rows *start(struct hop_db *db, const char *sql, size_t n,
                             ExecStatusType want, struct hop_err *err)
{
	struct pg_conn *pc = PC(db);
	struct pg_rows *r = calloc(1, sizeof *r);
	PGresult *res;

	if (!r || !(r->integer = calloc(n + 1, sizeof *r->integer))) {
		free(r);
		oom(err);
		return NULL;
	}
	r->pc = pc;
	r->n = n;
	pg_settle(pc);
	res = pc->pq->PQexec(pc->c, sql);
	if (!res || pc->pq->PQresultStatus(res) != want) {
		pg_keep_error(pc, res);
		pc->pq->PQclear(res);
		hop_fail(err, HOP_EDB, "%s", pc->msg);
		free(r->integer);
		free(r);
		return NULL;
	}
	pc->pq->PQclear(res);
	return r;
}

/* The COPY's own result, after its data: false, with the error kept if
 * keep. */
static bool ended(struct pg_rows *r, int64_t *rows, bool keep)
{
	const struct pq_api *pq = r->pc->pq;
	PGresult *res = pq->PQgetResult(r->pc->c);
	bool ok = res && pq->PQresultStatus(res) == PGRES_COMMAND_OK;

	if (ok && rows)
		*rows = strtoll(pq->PQcmdTuples(res), NULL, 10);
	if (!ok && keep)
		pg_keep_error(r->pc, res);
	pq->PQclear(res);
	while ((res = pq->PQgetResult(r->pc->c)))
		pq->PQclear(res);
	return ok;
}

static enum hop_status done(struct pg_rows *r, struct hop_err *err)
{
	enum hop_status st = r->state < 0 ? hop_fail(err, HOP_EDB, "%s", r->pc->msg) : HOP_OK;

	if (r->line)
		r->pc->pq->PQfreemem(r->line);
	free(r->integer);
	free(r->buf);
	free(r);
	return st;
}

void *pg_rows_out(struct hop_db *db, const struct db_table *t, const char *cols,
                  const char *order, struct hop_err *err)
{
	struct cp_sql b = { 0 };
	struct pg_rows *r = NULL;

	cp_add(&b, "COPY (SELECT ");
	cp_add(&b, cols);
	cp_add(&b, " FROM ");
	cp_ident(&b, t->name);
	if (*order) {
		cp_add(&b, " ORDER BY ");
		cp_add(&b, order);
	}
	cp_add(&b, ") TO STDOUT");
	if (cp_done(&b, err) && (r = start(db, b.s, t->ncols, PGRES_COPY_OUT, err)))
		for (size_t i = 0; i < t->ncols; i++)
			r->integer[i] = t->cols[i].integer;
	free(b.s);
	return r;
}

int pg_row_get(void *h, struct db_value *v)
{
	struct pg_rows *r = h;
	const struct pq_api *pq = r->pc->pq;
	int len;

	if (r->line) {
		pq->PQfreemem(r->line);
		r->line = NULL;
	}
	if (r->state)
		return r->state > 0 ? 0 : -1;
	len = pq->PQgetCopyData(r->pc->c, &r->line, 0);
	if (len > 0) {
		if (pg_copy_decode(r->line, (size_t)len, v, r->n)) {
			for (size_t i = 0; i < r->n; i++)
				v[i].integer = r->integer[i];
			return 1;
		}
		snprintf(r->pc->msg, sizeof r->pc->msg, "a row of COPY does not have %zu columns",
		         r->n);
		r->state = -1;
		return -1;
	}
	if (len == -1 && ended(r, NULL, true)) {
		r->state = 1;
		return 0;
	}
	if (len == -2)
		pg_keep_error(r->pc, NULL);
	r->state = -1;
	return -1;
}

enum hop_status pg_rows_out_end(void *h, struct hop_err *err)
{
	struct pg_rows *r = h;
	struct db_value *v = calloc(r->n + 1, sizeof *v);

	/* Left before its end (the target failed): the rest is read and dropped,
	 * so that the connection can roll back. */
	while (!r->state && v && pg_row_get(r, v) == 1)
		;
	free(v);
	return done(r, err);
}

void *pg_rows_in(struct hop_db *db, const struct db_table *t, const char *cols,
                 struct hop_err *err)
{
	struct cp_sql b = { 0 };
	struct pg_rows *r = NULL;

	cp_add(&b, "COPY ");
	cp_ident(&b, t->name);
	cp_add(&b, " (");
	cp_add(&b, cols);
	cp_add(&b, ") FROM STDIN");
	if (cp_done(&b, err))
		r = start(db, b.s, t->ncols, PGRES_COPY_IN, err);
	free(b.s);
	return r;
}

static bool flush(struct pg_rows *r)
{
	const struct pq_api *pq = r->pc->pq;

	if (r->len && pq->PQputCopyData(r->pc->c, r->buf, (int)r->len) != 1) {
		pg_keep_error(r->pc, NULL);
		r->state = -1;
		return false;
	}
	r->len = 0;
	return true;
}

static bool raw(struct pg_rows *r, char c)
{
	if (!vec_grow(&r->buf, &r->cap, r->len + 2, 1))
		return false;
	r->buf[r->len++] = c;
	return true;
}

bool pg_row_put(void *h, const struct db_value *v)
{
	struct pg_rows *r = h;

	for (size_t i = 0; i < r->n; i++)
		if ((i && !raw(r, '\t')) || !pg_copy_escape(&r->buf, &r->len, &r->cap, &v[i])) {
			snprintf(r->pc->msg, sizeof r->pc->msg, "%s", _("out of memory"));
			r->state = -1;
			return false;
		}
	if (!raw(r, '\n')) {
		snprintf(r->pc->msg, sizeof r->pc->msg, "%s", _("out of memory"));
		r->state = -1;
		return false;
	}
	return r->len < FLUSH_AT || flush(r);
}

enum hop_status pg_rows_in_end(void *h, bool ok, int64_t *rows, struct hop_err *err)
{
	struct pg_rows *r = h;
	const struct pq_api *pq = r->pc->pq;

	*rows = 0;
	/* A failure said first stays what is said. */
	ok = ok && r->state == 0 && flush(r);
	if (pq->PQputCopyEnd(r->pc->c, ok ? NULL : "the copy was abandoned") != 1 && ok) {
		pg_keep_error(r->pc, NULL);
		ok = false;
		r->state = -1;
	}
	if (!ended(r, rows, ok) && ok)
		r->state = -1;
	return done(r, err);
}
