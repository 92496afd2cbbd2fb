/* Copying a whole database into an empty one (hop/db/copy.h), whatever the
 * two engines: the tables as the source's catalog has them, parents before
 * children, each streamed through the drivers' bulk path and counted in both.
 *
 * Why the catalog rather than a list of hop's tables: db/ knows no domain
 * word, every table a migration adds is copied without a line to remember,
 * and the order follows the foreign keys the schema really has.  So the
 * statements here are made at run time, the one place in hop that does:
 * only from table and column names the databases' own catalogs give, each
 * quoted as an identifier, never from input; values are never put into SQL
 * text but bound or streamed; and none passes through db_stmt's cache, which
 * is keyed by a literal's address. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/copy.h"
#include "db_copy_int.h"

/* ---- the catalog ---- */

void db_catalog_free(struct db_catalog *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct db_table *t = &c->v[i];
		for (size_t j = 0; j < t->ncols; j++)
			free(t->cols[j].name);
		for (size_t j = 0; j < t->nfks; j++)
			free(t->fks[j].ref);
		free(t->name);
		free(t->cols);
		free(t->fks);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

struct db_table *db_catalog_table(struct db_catalog *c, const char *name)
{
	struct db_table *t;

	if (!vec_grow(&c->v, &c->cap, c->n + 1, sizeof *c->v))
		return NULL;
	t = &c->v[c->n];
	memset(t, 0, sizeof *t);
	if (!(t->name = strdup(name)))
		return NULL;
	c->n++;
	return t;
}

bool db_table_column(struct db_table *t, const char *name, bool integer, bool notnull,
                     int key, bool identity)
{
	struct db_column *c;

	if (!vec_grow(&t->cols, &t->colcap, t->ncols + 1, sizeof *t->cols))
		return false;
	c = &t->cols[t->ncols];
	*c = (struct db_column){ strdup(name), integer, notnull, key, identity };
	if (!c->name)
		return false;
	t->ncols++;
	return true;
}

static int col_index(const struct db_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool db_table_fkey(struct db_table *t, const char *col, const char *ref)
{
	int i = col_index(t, col);

	if (i < 0)
		return true;            /* not a column we copy: nothing to order by */
	if (!vec_grow(&t->fks, &t->fkcap, t->nfks + 1, sizeof *t->fks))
		return false;
	t->fks[t->nfks] = (struct db_fkey){ i, strdup(ref) };
	if (!t->fks[t->nfks].ref)
		return false;
	t->nfks++;
	return true;
}

void db_counts_free(struct db_counts *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

static bool counts_add(struct db_counts *c, const char *name, int64_t rows)
{
	if (!vec_grow(&c->v, &c->cap, c->n + 1, sizeof *c->v))
		return false;
	snprintf(c->v[c->n].name, sizeof c->v[c->n].name, "%s", name);
	c->v[c->n++].rows = rows;
	c->total += rows;
	return true;
}

/* ---- statements made of names ---- */

void cp_add(struct cp_sql *b, const char *s)
{
	size_t len = strlen(s);

	if (b->oom || !vec_grow(&b->s, &b->cap, b->n + len + 1, 1)) {
		b->oom = true;
		return;
	}
	memcpy(b->s + b->n, s, len + 1);
	b->n += len;
}

/* A name as an SQL identifier, in double quotes, as both engines read it. */
void cp_ident(struct cp_sql *b, const char *name)
{
	cp_add(b, "\"");
	for (const char *p = name; *p; p++) {
		char c[2] = { *p, 0 };
		cp_add(b, *p == '"' ? "\"\"" : c);
	}
	cp_add(b, "\"");
}

/* The statement's text, or NULL (out of memory, said in err). */
const char *cp_done(struct cp_sql *b, struct hop_err *err)
{
	if (b->oom || !b->s) {
		hop_fail(err, HOP_ENOMEM, _("out of memory"));
		return NULL;
	}
	return b->s;
}

/* Run a query of one integer made of names. */
static enum hop_status query_count(struct hop_db *db, const char *sql, int64_t *n,
                                   struct hop_err *err)
{
	struct db_stmt st = { db->drv->prepare(db, sql, err), db->drv, db };
	enum db_step rc;

	if (!st.h)
		return err->status;
	rc = db->drv->step(&st);
	*n = rc == DB_ROW ? db->drv->col_int64(st.h, 0) : 0;
	db->drv->finalize(st.h);
	if (rc != DB_ROW)
		return db_fail(db, err, _("counting rows"));
	return HOP_OK;
}

enum hop_status cp_count(struct hop_db *db, const char *table, int64_t *n,
                                  struct hop_err *err)
{
	struct cp_sql b = { 0 };
	const char *sql;
	enum hop_status st;

	cp_add(&b, "SELECT count(*) FROM ");
	cp_ident(&b, table);
	if (!(sql = cp_done(&b, err))) {
		free(b.s);
		return err->status;
	}
	st = query_count(db, sql, n, err);
	free(b.s);
	return st;
}

static int by_rows(const void *a, const void *b)
{
	const struct db_count *x = a, *y = b;

	if (x->rows != y->rows)
		return x->rows > y->rows ? -1 : 1;
	return strcmp(x->name, y->name);
}

enum hop_status db_holdings(struct hop_db *db, struct db_counts *out, struct hop_err *err)
{
	struct db_catalog c = { 0 };
	int64_t n;

	memset(out, 0, sizeof *out);
	if (db->drv->catalog(db, &c, err) != HOP_OK)
		goto fail;
	for (size_t i = 0; i < c.n; i++) {
		if (strcasecmp(c.v[i].name, OWN_TABLE) == 0)
			continue;
		if (cp_count(db, c.v[i].name, &n, err) != HOP_OK)
			goto fail;
		if (n > 0 && !counts_add(out, c.v[i].name, n)) {
			hop_fail(err, HOP_ENOMEM, _("out of memory"));
			goto fail;
		}
	}
	db_catalog_free(&c);
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_rows);
	return HOP_OK;
fail:
	db_catalog_free(&c);
	db_counts_free(out);
	return err->status;
}

/* ---- the copy ---- */

/* db's own counter: the target's plus the source's, so that no mark once
 * taken of the target comes again. */
static enum hop_status copy_own(struct hop_db *from, struct hop_db *to, struct db_counts *out,
                                struct hop_err *err)
{
	struct db_stmt *get = db_stmt(from, "SELECT n FROM data_rev WHERE id = 1", err);
	struct db_stmt *add;
	int64_t n = 0, had, have;
	bool found;

	if (!get || db_get_int64(get, &n, &found, _("copying the change counter"), err) != HOP_OK)
		return err->status;
	if (!(add = db_stmt(to, "UPDATE data_rev SET n = n + ?1 WHERE id = 1", err)))
		return err->status;
	db_bind_int64(add, 1, n);
	if (db_run(add, _("copying the change counter"), err) != HOP_OK ||
	    cp_count(from, OWN_TABLE, &had, err) != HOP_OK ||
	    cp_count(to, OWN_TABLE, &have, err) != HOP_OK)
		return err->status;
	if (had != have)
		return hop_fail(err, HOP_EDB, _("table %s holds %lld rows in %s but %lld in %s"),
		                OWN_TABLE, (long long)had, from->path, (long long)have, to->path);
	if (!counts_add(out, OWN_TABLE, have))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	return HOP_OK;
}

enum hop_status db_copy(struct hop_db *from, struct hop_db *to, struct db_counts *counts,
                        struct hop_err *err)
{
	struct cp_plan plan = { 0 };
	int vf, vt;

	memset(counts, 0, sizeof *counts);
	if (to->drv->migrate_here(to, err) != HOP_OK)
		return err->status;
	vf = db_schema_version(from);
	vt = db_schema_version(to);
	if (vf != vt)
		return hop_fail(err, HOP_EDB, _("%s has schema version %d but %s has %d; both "
		                "must have the same"), from->path, vf, to->path, vt);
	if (cp_plan_make(&plan, from, to, err) != HOP_OK)
		goto fail;
	for (size_t i = 0; i < plan.n; i++) {
		struct cp_table *p = &plan.v[plan.order[i]];
		if (cp_copy_table(&plan, p, err) != HOP_OK)
			goto fail;
		if (!counts_add(counts, p->src->name, p->rows)) {
			hop_fail(err, HOP_ENOMEM, _("out of memory"));
			goto fail;
		}
	}
	if (cp_copy_later(&plan, err) != HOP_OK)
		goto fail;
	if (plan.own && copy_own(from, to, counts, err) != HOP_OK)
		goto fail;
	cp_plan_free(&plan);
	return HOP_OK;
fail:
	cp_plan_free(&plan);
	db_counts_free(counts);
	return err->status;
}
