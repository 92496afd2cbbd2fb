/* Desks and rooms as they are read: listed (in natural code order), one zone
 * at a time, or one by code.  Both are rows of one table told apart by kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "hop/db/collect.h"

void desk_list_free(struct hop_desk_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

bool desk_active_on(const struct hop_desk *d, hop_date day)
{
	return d->retired == HOP_DATE_NONE || day < d->retired;
}

/* The columns read_desk expects. */
#define DESK_COLUMNS "d.id, d.code, coalesce(d.name, ''), d.kind, d.capacity, d.attrs, " \
	"coalesce(d.owner_id, 0), coalesce(o.login, ''), coalesce(o.name, ''), d.bookable_by, " \
	"d.retired_on, z.id, s.id, s.name, f.id, f.name, f.level, z.name, " \
	"coalesce(z.team_id, 0), coalesce(t.name, '') " \
	"FROM desk d JOIN zone z ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id " \
	"JOIN site s ON s.id = f.site_id LEFT JOIN team t ON t.id = z.team_id " \
	"LEFT JOIN person o ON o.id = d.owner_id "

static void read_desk(struct db_stmt *st, void *out)
{
	struct hop_desk *d = out;
	char word[32];
	struct hop_err ignored;

	memset(d, 0, sizeof *d);
	d->id = db_col_int64(st, 0);
	db_col_copy(st, 1, d->code, sizeof d->code);
	db_col_copy(st, 2, d->name, sizeof d->name);
	db_col_copy(st, 3, word, sizeof word);
	if (desk_kind_parse(word, &d->kind, &ignored) != HOP_OK)
		d->kind = DESK_KIND_DESK;
	d->capacity = db_col_int(st, 4);
	d->attrs = (unsigned)db_col_int(st, 5);
	d->owner_id = db_col_int64(st, 6);
	db_col_copy(st, 7, d->owner_login, sizeof d->owner_login);
	db_col_copy(st, 8, d->owner_name, sizeof d->owner_name);
	db_col_copy(st, 9, word, sizeof word);
	if (desk_bookable_parse(word, &d->bookable, &ignored) != HOP_OK)
		d->bookable = BOOKABLE_ALL;
	d->retired = db_col_date(st, 10);
	d->zone.id = db_col_int64(st, 11);
	d->zone.site_id = db_col_int64(st, 12);
	db_col_copy(st, 13, d->zone.site, sizeof d->zone.site);
	d->zone.floor_id = db_col_int64(st, 14);
	db_col_copy(st, 15, d->zone.floor, sizeof d->zone.floor);
	d->zone.level = db_col_int(st, 16);
	db_col_copy(st, 17, d->zone.name, sizeof d->zone.name);
	d->zone.team_id = db_col_int64(st, 18);
	db_col_copy(st, 19, d->zone.team, sizeof d->zone.team);
}

static const struct collect desk_rows = {
	sizeof(struct hop_desk), read_desk,
	N_("out of memory while listing desks"), N_("listing desks"),
};

static int by_code(const void *a, const void *b)
{
	return desk_code_compare(((const struct hop_desk *)a)->code,
	                         ((const struct hop_desk *)b)->code);
}

/* The statement for f, bound. */
static enum hop_status desk_query(struct hop_app *app, const struct desk_filter *f,
                                  struct db_stmt **out, struct hop_err *err)
{
	static const struct desk_filter none = { .rooms = -1 };
	struct hop_site s = { 0 };
	struct hop_zone z = { 0 };
	struct db_stmt *st;

	*out = NULL;
	if (!f)
		f = &none;
	if (f->site && *f->site && site_get(app, f->site, &s, err) != HOP_OK)
		return err->status;
	if (f->zone && *f->zone && zone_get(app, f->zone, &z, err) != HOP_OK)
		return err->status;
	/* SQL orders the zones; desk_list puts codes within a zone in natural
	 * order, which no built-in collation gives.  Within a zone desk_each's
	 * callers (the index of published feeds) get the places by id: SQLite
	 * and PostgreSQL give the same order only when it is asked for. */
	st = db_stmt(app->db, "SELECT " DESK_COLUMNS
	             "WHERE (?1 = 0 OR s.id = ?1) AND (?2 = 0 OR z.id = ?2) "
	             "AND (d.attrs & ?3) = ?3 AND (?4 < 0 OR (?4 = 1) = (d.kind <> 'desk')) "
	             "AND (?5 <> 0 OR d.retired_on IS NULL OR d.retired_on > ?9) "
	             "ORDER BY s.name COLLATE hop, s.id, f.level, f.name COLLATE hop, "
	             "z.name COLLATE hop, z.id, d.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, s.id);
	db_bind_int64(st, 2, z.id);
	db_bind_int(st, 3, (int)(f->attrs & ATTR_ALL));
	db_bind_int(st, 4, f->rooms < 0 ? -1 : f->rooms != 0);
	db_bind_int(st, 5, f->include_retired);
	db_bind_today(st, 9);
	*out = st;
	return HOP_OK;
}

enum hop_status desk_list(struct hop_app *app, const struct desk_filter *f,
                          struct hop_desk_list *out, struct hop_err *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (desk_query(app, f, &st, err) != HOP_OK)
		return err->status;
	if (collect_rows(app->db, st, &desk_rows, &out->v, &out->n, &out->cap, err) != HOP_OK)
		return err->status;
	for (size_t i = 0, j; i < out->n; i = j) {
		for (j = i + 1; j < out->n && out->v[j].zone.id == out->v[i].zone.id; j++)
			;
		qsort(out->v + i, j - i, sizeof *out->v, by_code);
	}
	return HOP_OK;
}

enum hop_status desk_each(struct hop_app *app, const struct desk_filter *f, desk_fn fn,
                          void *ctx, struct hop_err *err)
{
	struct hop_desk d;
	struct db_stmt *st;
	int rc;

	if (desk_query(app, f, &st, err) != HOP_OK)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		read_desk(st, &d);
		if (fn(ctx, &d, err) != HOP_OK) {
			db_reset(st);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing desks"));
	return HOP_OK;
}

enum hop_status desk_get(struct hop_app *app, const char *code, struct hop_desk *out,
                         struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " DESK_COLUMNS "WHERE d.code = ?1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	if (db_get(st, read_desk, out, &found, _("reading a desk"), err) != HOP_OK)
		return err->status;
	if (found)
		return HOP_OK;
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_PLACE, HOP_ABOUT(.place = code),
	                  _("there is no desk or room '%.40s'"), code);
}
