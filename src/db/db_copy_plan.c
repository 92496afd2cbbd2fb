/* The plan of a copy (db_copy_int.h): both catalogs compared, the tables put
 * in an order where every table comes after those it refers to, and each
 * table's rows streamed from the source's driver into the target's.
 *
 * When tables refer to each other in a circle (A's rows name a B, B's an A),
 * no order puts every parent first; then one nullable column of the
 * smallest such table is written NULL and set once every table is in
 * ("deferred"), as a person would enter it by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "db_copy_int.h"

static struct db_table *find_table(struct db_catalog *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcasecmp(c->v[i].name, name) == 0)
			return &c->v[i];
	return NULL;
}

static struct cp_table *plan_find(struct cp_plan *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcasecmp(p->v[i].src->name, name) == 0)
			return &p->v[i];
	return NULL;
}

static int col_named(const struct db_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcasecmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The one column of the primary key when it is a single integer, else -1:
 * only such a table's rows can be found again to set a deferred column. */
static int single_key(const struct db_table *t)
{
	int k = -1;

	for (size_t i = 0; i < t->ncols; i++) {
		if (!t->cols[i].key)
			continue;
		if (k >= 0 || !t->cols[i].integer)
			return -1;
		k = (int)i;
	}
	return k;
}

void cp_plan_free(struct cp_plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].deferred);
	free(p->v);
	free(p->order);
	free(p->later);
	db_catalog_free(&p->sc);
	db_catalog_free(&p->tc);
	memset(p, 0, sizeof *p);
}

static bool ready(struct cp_plan *p, const struct cp_table *t)
{
	for (size_t k = 0; k < t->src->nfks; k++) {
		const struct db_fkey *fk = &t->src->fks[k];
		const struct cp_table *ref;

		if (t->deferred[fk->col])
			continue;
		/* A table outside the copy, or the table itself, whose rows go in
		 * in the order of their keys. */
		ref = plan_find(p, fk->ref);
		if (ref && ref != t && !ref->placed)
			return false;
	}
	return true;
}

/* Does a chain of foreign keys among the tables not yet placed lead from a
 * to b?  seen: one flag per table. */
static bool reaches(struct cp_plan *p, const struct cp_table *a, const struct cp_table *b,
                    bool *seen)
{
	if (a == b)
		return true;
	if (seen[a - p->v])
		return false;
	seen[a - p->v] = true;
	for (size_t k = 0; k < a->src->nfks; k++) {
		const struct cp_table *ref = plan_find(p, a->src->fks[k].ref);
		if (!a->deferred[a->src->fks[k].col] && ref && ref != a && !ref->placed &&
		    reaches(p, ref, b, seen))
			return true;
	}
	return false;
}

/* Break a circle: of the tables on one, the one with the fewest rows gives a
 * nullable integer column, outside its key, that leads round the circle.
 * false when there is none. */
static bool defer_one(struct cp_plan *p)
{
	struct cp_table *best = NULL;
	bool *seen = calloc(p->n + 1, sizeof *seen);
	int col = -1;

	for (size_t i = 0; i < p->n && seen; i++) {
		struct cp_table *t = &p->v[i];
		if (t->placed || single_key(t->src) < 0)
			continue;
		for (size_t k = 0; k < t->src->nfks; k++) {
			const struct db_fkey *fk = &t->src->fks[k];
			const struct db_column *c = &t->src->cols[fk->col];
			const struct cp_table *ref = plan_find(p, fk->ref);
			if (t->deferred[fk->col] || c->notnull || c->key || !c->integer || !ref ||
			    ref == t || ref->placed || (best && t->rows >= best->rows))
				continue;
			memset(seen, 0, p->n * sizeof *seen);
			if (reaches(p, ref, t, seen)) {
				best = t;
				col = fk->col;
			}
		}
	}
	free(seen);
	if (!best)
		return false;
	best->deferred[col] = true;
	return true;
}

static enum hop_status order(struct cp_plan *p, struct hop_err *err)
{
	size_t placed = 0;

	/* The first table ready in the catalog's (alphabetical) order, again and
	 * again: the same order every time. */
	while (placed < p->n) {
		size_t i;
		for (i = 0; i < p->n; i++)
			if (!p->v[i].placed && ready(p, &p->v[i]))
				break;
		if (i < p->n) {
			p->v[i].placed = true;
			p->order[placed++] = i;
		} else if (!defer_one(p)) {
			return hop_fail(err, HOP_EDB, _("the tables of %s refer to each other in a "
			                "circle that no column can break, so they cannot be copied one "
			                "after another"), p->from->path);
		}
	}
	return HOP_OK;
}

/* Both databases hold the same tables with the same columns. */
static enum hop_status same_schema(struct cp_plan *p, struct hop_err *err)
{
	for (size_t i = 0; i < p->tc.n; i++)
		if (!find_table(&p->sc, p->tc.v[i].name))
			return hop_fail(err, HOP_EDB, _("%s has a table %s that %s lacks; both must "
			                "have the same schema"), p->to->path, p->tc.v[i].name,
			                p->from->path);
	for (size_t i = 0; i < p->sc.n; i++) {
		struct db_table *s = &p->sc.v[i], *d = find_table(&p->tc, s->name);
		if (!d)
			return hop_fail(err, HOP_EDB, _("%s has a table %s that %s lacks; both must "
			                "have the same schema"), p->from->path, s->name, p->to->path);
		for (size_t c = 0; c < s->ncols; c++)
			if (col_named(d, s->cols[c].name) < 0)
				return hop_fail(err, HOP_EDB, _("table %s has a column %s in %s but not "
				                "in %s; both must have the same schema"), s->name,
				                s->cols[c].name, p->from->path, p->to->path);
		if (d->ncols != s->ncols)
			return hop_fail(err, HOP_EDB, _("table %s has %zu columns in %s but %zu in %s; "
			                "both must have the same schema"), s->name, s->ncols,
			                p->from->path, d->ncols, p->to->path);
	}
	return HOP_OK;
}

enum hop_status cp_plan_make(struct cp_plan *p, struct hop_db *from, struct hop_db *to,
                             struct hop_err *err)
{
	p->from = from;
	p->to = to;
	if (from->drv->catalog(from, &p->sc, err) != HOP_OK ||
	    to->drv->catalog(to, &p->tc, err) != HOP_OK || same_schema(p, err) != HOP_OK)
		return err->status;
	if (!(p->v = calloc(p->sc.n + 1, sizeof *p->v)) ||
	    !(p->order = calloc(p->sc.n + 1, sizeof *p->order)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < p->sc.n; i++) {
		struct cp_table *t;
		if (strcasecmp(p->sc.v[i].name, OWN_TABLE) == 0) {
			p->own = true;
			continue;
		}
		t = &p->v[p->n++];
		t->src = &p->sc.v[i];
		t->dst = find_table(&p->tc, t->src->name);
		if (!(t->deferred = calloc(t->src->ncols + 1, sizeof *t->deferred)))
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		if (cp_count(from, t->src->name, &t->rows, err) != HOP_OK)
			return err->status;
	}
	return order(p, err);
}

/* "a", "b", "c" and the primary key's columns in order. */
static void names(const struct db_table *t, struct cp_sql *cols, struct cp_sql *keys)
{
	for (size_t i = 0; i < t->ncols; i++) {
		if (i)
			cp_add(cols, ", ");
		cp_ident(cols, t->cols[i].name);
	}
	cp_add(keys, "");
	for (int k = 1; k <= (int)t->ncols; k++)
		for (size_t i = 0; i < t->ncols; i++)
			if (t->cols[i].key == k) {
				if (k > 1)
					cp_add(keys, ", ");
				cp_ident(keys, t->cols[i].name);
			}
}

static bool keep_later(struct cp_plan *p, struct cp_table *t, int col, const struct db_value *v)
{
	int key = single_key(t->src);

	if (!vec_grow(&p->later, &p->latercap, p->nlater + 1, sizeof *p->later))
		return false;
	p->later[p->nlater++] = (struct cp_later){ t, col, strtoll(v[key].text, NULL, 10),
	                                           strtoll(v[col].text, NULL, 10) };
	return true;
}

struct stream {
	struct db_value *vals;
	int64_t *max;           /* per column: the largest id of an identity column */
	bool *identity;
};

/* Rows from r into w until the end or a failure; false when memory ran out
 * (put_failed: the target refused one). */
static bool pump(struct cp_plan *p, struct cp_table *t, struct stream *s, void *r, void *w,
                 int *got, bool *put_failed)
{
	const struct db_driver *in = p->from->drv, *out = p->to->drv;
	size_t n = t->src->ncols;

	while ((*got = in->row_get(r, s->vals)) == 1) {
		for (size_t c = 0; c < n; c++) {
			if (!s->vals[c].text)
				continue;
			if (s->identity[c]) {
				int64_t v = strtoll(s->vals[c].text, NULL, 10);
				if (v > s->max[c])
					s->max[c] = v;
			}
			if (t->deferred[c]) {
				if (!keep_later(p, t, (int)c, s->vals))
					return false;
				s->vals[c].text = NULL;
			}
		}
		if (!out->row_put(w, s->vals)) {
			*put_failed = true;
			return true;
		}
	}
	return true;
}

static enum hop_status stream(struct cp_plan *p, struct cp_table *t, const char *cols,
                              const char *keys, struct stream *s, int64_t *written,
                              struct hop_err *err)
{
	struct hop_err e_in, e_out;
	void *r, *w;
	int got = 0;
	bool put_failed = false, mem;
	enum hop_status so, si;

	if (!(r = p->from->drv->rows_out(p->from, t->src, cols, keys, &e_out)))
		return hop_fail(err, e_out.status, _("reading table %s of %s: %s"), t->src->name,
		                p->from->path, e_out.msg);
	if (!(w = p->to->drv->rows_in(p->to, t->src, cols, &e_in))) {
		p->from->drv->rows_out_end(r, &e_out);
		return hop_fail(err, e_in.status, _("copying table %s into %s: %s"), t->src->name,
		                p->to->path, e_in.msg);
	}
	mem = pump(p, t, s, r, w, &got, &put_failed);
	so = p->from->drv->rows_out_end(r, &e_out);
	si = p->to->drv->rows_in_end(w, mem && !put_failed && got == 0 && so == HOP_OK, written,
	                             &e_in);
	if (!mem)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (put_failed || (si != HOP_OK && got == 0 && so == HOP_OK))
		return hop_fail(err, si != HOP_OK ? si : HOP_EDB, _("copying table %s into %s: %s"),
		                t->src->name, p->to->path, si != HOP_OK ? e_in.msg : "?");
	if (got < 0 || so != HOP_OK)
		return hop_fail(err, so != HOP_OK ? so : HOP_EDB, _("reading table %s of %s: %s"),
		                t->src->name, p->from->path, so != HOP_OK ? e_out.msg : "?");
	return HOP_OK;
}

enum hop_status cp_copy_table(struct cp_plan *p, struct cp_table *t, struct hop_err *err)
{
	size_t n = t->src->ncols;
	struct cp_sql cols = { 0 }, keys = { 0 };
	struct stream s = { calloc(n + 1, sizeof *s.vals), calloc(n + 1, sizeof *s.max),
	                    calloc(n + 1, sizeof *s.identity) };
	int64_t written = 0, have = 0;
	enum hop_status st = HOP_OK;

	names(t->src, &cols, &keys);
	if (!s.vals || !s.max || !s.identity || !cp_done(&cols, err) || !cp_done(&keys, err)) {
		st = hop_fail(err, HOP_ENOMEM, _("out of memory"));
		goto out;
	}
	for (size_t c = 0; c < n; c++) {
		int d = col_named(t->dst, t->src->cols[c].name);
		s.identity[c] = d >= 0 && t->dst->cols[d].identity;
	}
	if ((st = stream(p, t, cols.s, keys.s, &s, &written, err)) != HOP_OK ||
	    (st = cp_count(p->to, t->src->name, &have, err)) != HOP_OK)
		goto out;
	if (written != t->rows || have != t->rows) {
		st = hop_fail(err, HOP_EDB, _("table %s holds %lld rows in %s, but %lld were copied "
		              "and %s holds %lld"), t->src->name, (long long)t->rows, p->from->path,
		              (long long)written, p->to->path, (long long)have);
		goto out;
	}
	for (size_t c = 0; c < n && p->to->drv->continue_ids; c++)
		if (s.identity[c] && t->rows > 0 &&
		    (st = p->to->drv->continue_ids(p->to, t->dst, col_named(t->dst,
		                                   t->src->cols[c].name), s.max[c], err)) != HOP_OK)
			goto out;
out:
	free(cols.s);
	free(keys.s);
	free(s.vals);
	free(s.max);
	free(s.identity);
	return st;
}

/* One deferred column set row by row: "UPDATE t SET c = ?1 WHERE key = ?2". */
static enum hop_status set_later(struct cp_plan *p, struct cp_table *t, int col,
                                 struct hop_err *err)
{
	struct hop_db *to = p->to;
	struct cp_sql b = { 0 };
	struct db_stmt st = { NULL, to->drv, to };
	enum hop_status rc = HOP_OK;

	cp_add(&b, "UPDATE ");
	cp_ident(&b, t->src->name);
	cp_add(&b, " SET ");
	cp_ident(&b, t->src->cols[col].name);
	cp_add(&b, " = ?1 WHERE ");
	cp_ident(&b, t->src->cols[single_key(t->src)].name);
	cp_add(&b, " = ?2");
	if (!cp_done(&b, err) || !(st.h = to->drv->prepare(to, b.s, err))) {
		free(b.s);
		return err->status;
	}
	for (size_t i = 0; i < p->nlater && rc == HOP_OK; i++) {
		const struct cp_later *l = &p->later[i];
		if (l->t != t || l->col != col)
			continue;
		to->drv->bind_int64(st.h, 1, l->value);
		to->drv->bind_int64(st.h, 2, l->key);
		if (to->drv->step(&st) != DB_DONE || to->drv->changes(to) != 1)
			rc = db_fail(to, err, t->src->name);
		to->drv->reset(st.h);
	}
	to->drv->finalize(st.h);
	free(b.s);
	return rc;
}

enum hop_status cp_copy_later(struct cp_plan *p, struct hop_err *err)
{
	for (size_t i = 0; i < p->n; i++)
		for (size_t c = 0; c < p->v[i].src->ncols; c++)
			if (p->v[i].deferred[c] && set_later(p, &p->v[i], (int)c, err) != HOP_OK)
				return err->status;
	return HOP_OK;
}
