/* The SQLite side of a copy (db_copy.c): the catalog from sqlite_schema and
 * the table pragmas, a table's rows read with one SELECT and written with
 * one prepared INSERT stepped per row (inside the copy's transaction, that
 * is as fast as SQLite writes), and the migrations inside that transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "db_copy_int.h"
#include "db_sqlite_int.h"

#define H(db) ((sqlite3 *)(db)->h)

static enum hop_status oom(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory"));
}

static enum hop_status read_table(struct hop_db *db, struct db_table *t, struct hop_err *err)
{
	struct db_stmt *cols = db_stmt(db, "SELECT name, upper(type) LIKE '%INT%', \"notnull\", pk "
	                               "FROM pragma_table_info(?1) ORDER BY cid", err);
	struct db_stmt *fks;
	enum db_step rc;

	if (!cols)
		return err->status;
	db_bind_text(cols, 1, t->name);
	while ((rc = db_step(cols)) == DB_ROW)
		if (!db_table_column(t, db_col_text(cols, 0), db_col_int(cols, 1), db_col_int(cols, 2),
		                     db_col_int(cols, 3), false)) {
			db_reset(cols);
			return oom(err);
		}
	db_reset(cols);
	if (rc != DB_DONE)
		return db_fail(db, err, t->name);
	if (!(fks = db_stmt(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", err)))
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

enum hop_status sq_catalog(struct hop_db *db, struct db_catalog *c, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                             "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name", err);
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

enum hop_status sq_migrate_here(struct hop_db *db, struct hop_err *err)
{
	return db_migrate(db, false, err);
}

/* ---- reading ---- */

struct sq_rows {
	struct hop_db *db;
	sqlite3_stmt *st;
	size_t n;
	int rc;                 /* the last step's */
	int64_t rows;
};

static struct sq_rows *prepare(struct hop_db *db, const char *sql, size_t n, struct hop_err *err)
{
	struct sq_rows *r = calloc(1, sizeof *r);

	if (!r) {
		oom(err);
		return NULL;
	}
	r->db = db;
	r->n = n;
	r->rc = SQLITE_OK;
	if (sqlite3_prepare_v2(H(db), sql, -1, &r->st, NULL) != SQLITE_OK) {
		hop_fail(err, HOP_EDB, "%s", sqlite3_errmsg(H(db)));
		free(r);
		return NULL;
	}
	return r;
}

void *sq_rows_out(struct hop_db *db, const struct db_table *t, const char *cols,
                  const char *order, struct hop_err *err)
{
	struct cp_sql b = { 0 };
	struct sq_rows *r = NULL;

	cp_add(&b, "SELECT ");
	cp_add(&b, cols);
	cp_add(&b, " FROM ");
	cp_ident(&b, t->name);
	if (*order) {
		cp_add(&b, " ORDER BY ");
		cp_add(&b, order);
	}
	if (cp_done(&b, err))
		r = prepare(db, b.s, t->ncols, err);
	free(b.s);
	return r;
}

int sq_row_get(void *h, struct db_value *v)
{
	struct sq_rows *r = h;

	r->rc = sqlite3_step(r->st);
	if (r->rc == SQLITE_DONE)
		return 0;
	if (r->rc != SQLITE_ROW)
		return -1;
	for (size_t i = 0; i < r->n; i++) {
		int type = sqlite3_column_type(r->st, (int)i);
		v[i].integer = type == SQLITE_INTEGER;
		v[i].text = type == SQLITE_NULL ? NULL : (const char *)sqlite3_column_text(r->st, (int)i);
		v[i].len = v[i].text ? (size_t)sqlite3_column_bytes(r->st, (int)i) : 0;
	}
	return 1;
}

static enum hop_status finish(struct sq_rows *r, bool failed, struct hop_err *err)
{
	enum hop_status st = HOP_OK;

	if (failed)
		st = hop_fail(err, HOP_EDB, "%s", sqlite3_errmsg(H(r->db)));
	sqlite3_finalize(r->st);
	free(r);
	return st;
}

enum hop_status sq_rows_out_end(void *h, struct hop_err *err)
{
	struct sq_rows *r = h;

	return finish(r, r->rc != SQLITE_OK && r->rc != SQLITE_ROW && r->rc != SQLITE_DONE, err);
}

/* ---- writing ---- */

void *sq_rows_in(struct hop_db *db, const struct db_table *t, const char *cols,
                 struct hop_err *err)
{
	struct cp_sql b = { 0 };
	struct sq_rows *r = NULL;
	char num[16];

	cp_add(&b, "INSERT INTO ");
	cp_ident(&b, t->name);
	cp_add(&b, " (");
	cp_add(&b, cols);
	cp_add(&b, ") VALUES (");
	for (size_t i = 0; i < t->ncols; i++) {
		snprintf(num, sizeof num, "%s?%zu", i ? ", " : "", i + 1);
		cp_add(&b, num);
	}
	cp_add(&b, ")");
	if (cp_done(&b, err))
		r = prepare(db, b.s, t->ncols, err);
	free(b.s);
	return r;
}

bool sq_row_put(void *h, const struct db_value *v)
{
	struct sq_rows *r = h;

	for (size_t i = 0; i < r->n; i++) {
		int col = (int)i + 1;
		if (!v[i].text)
			sqlite3_bind_null(r->st, col);
		else if (v[i].integer)
			sqlite3_bind_int64(r->st, col, strtoll(v[i].text, NULL, 10));
		else
			sqlite3_bind_text(r->st, col, v[i].text, (int)v[i].len, SQLITE_STATIC);
	}
	r->rc = sqlite3_step(r->st);
	if (r->rc != SQLITE_DONE)
		return false;       /* the error stays for sq_rows_in_end (no reset yet) */
	sqlite3_reset(r->st);
	r->rows++;
	return true;
}

enum hop_status sq_rows_in_end(void *h, bool ok, int64_t *rows, struct hop_err *err)
{
	struct sq_rows *r = h;

	(void)ok;       /* what was put is the caller's to roll back */
	*rows = r->rows;
	return finish(r, r->rc != SQLITE_OK && r->rc != SQLITE_DONE, err);
}
