/* Free places on a day: one query over the places with a NOT EXISTS probe of
 * the day's bookings per place (on the unique desk/day indexes), shared by
 * 'hop book --any' and 'hop free'. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"
#include "booking_int.h"

void bk_place_list_free(struct bk_place_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Sorting keys, computed once per zone and per place: the German order of
 * names (fold_collate's folding) costs too much to redo in every comparison
 * over thousands of desks. */
struct zone_key {
	int64_t zone_id;
	size_t first;                        /* a place of the zone, for its names */
	int level;
	char site[HOP_SITE_NAME_MAX * 3 + 2], floor[HOP_FLOOR_NAME_MAX * 3 + 2];
	char zone[HOP_ZONE_NAME_MAX * 3 + 2];
	size_t rank;
};

static int zone_id_cmp(const void *a, const void *b)
{
	const struct zone_key *x = a, *y = b;
	return x->zone_id < y->zone_id ? -1 : x->zone_id > y->zone_id;
}

static int zone_order_cmp(const void *a, const void *b)
{
	const struct zone_key *x = a, *y = b;
	int c;

	if ((c = strcmp(x->site, y->site)) != 0)
		return c;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	if ((c = strcmp(x->floor, y->floor)) != 0)
		return c;
	if ((c = strcmp(x->zone, y->zone)) != 0)
		return c;
	return zone_id_cmp(a, b);
}

struct place_key { size_t group, i; const struct bk_place *p; };

static int place_key_cmp(const void *a, const void *b)
{
	const struct place_key *x = a, *y = b;
	int c;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if ((c = desk_code_compare(x->p->code, y->p->code)) != 0)
		return c;
	return x->p->id < y->p->id ? -1 : x->p->id > y->p->id;
}

enum hop_status bk_place_sort(struct bk_place *v, size_t n, struct hop_err *err)
{
	struct zone_key *zk = NULL;
	struct place_key *pk = NULL;
	struct bk_place *sorted = NULL;
	size_t nz = 0;

	if (n < 2) {
		if (n == 1)
			v[0].group = 0;
		return HOP_OK;
	}
	zk = calloc(n, sizeof *zk);
	pk = calloc(n, sizeof *pk);
	sorted = malloc(n * sizeof *sorted);
	if (!zk || !pk || !sorted) {
		free(zk);
		free(pk);
		free(sorted);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while sorting places"));
	}
	/* The distinct zones, by id. */
	for (size_t i = 0; i < n; i++) {
		zk[i].zone_id = v[i].zone_id;
		zk[i].first = i;
	}
	qsort(zk, n, sizeof *zk, zone_id_cmp);
	for (size_t i = 0; i < n; i++)
		if (!nz || zk[nz - 1].zone_id != zk[i].zone_id)
			zk[nz++] = zk[i];
	/* Their order: site, floor level, floor, zone, as fold_collate has it. */
	for (size_t z = 0; z < nz; z++) {
		const struct bk_place *p = &v[zk[z].first];
		fold_text(p->site, FOLD_A, zk[z].site, sizeof zk[z].site);
		fold_text(p->floor, FOLD_A, zk[z].floor, sizeof zk[z].floor);
		fold_text(p->zone, FOLD_A, zk[z].zone, sizeof zk[z].zone);
		zk[z].level = p->level;
	}
	qsort(zk, nz, sizeof *zk, zone_order_cmp);
	for (size_t z = 0; z < nz; z++)
		zk[z].rank = z;
	qsort(zk, nz, sizeof *zk, zone_id_cmp);
	/* Each place: its zone's rank, then code in natural order. */
	for (size_t i = 0; i < n; i++) {
		struct zone_key key = { .zone_id = v[i].zone_id };
		const struct zone_key *hit = bsearch(&key, zk, nz, sizeof *zk, zone_id_cmp);
		v[i].group = hit ? hit->rank : 0;
		pk[i].group = v[i].group;
		pk[i].i = i;
		pk[i].p = &v[i];
	}
	qsort(pk, n, sizeof *pk, place_key_cmp);
	for (size_t i = 0; i < n; i++)
		sorted[i] = v[pk[i].i];
	memcpy(v, sorted, n * sizeof *v);
	free(zk);
	free(pk);
	free(sorted);
	return HOP_OK;
}

enum hop_status bk_candidates(struct hop_app *app, const struct bk_want *w,
                              struct bk_place_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	int64_t last_site = 0;
	bool site_works = false;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_stmt(app->db, "SELECT " BK_PLACE_COLUMNS BK_PLACE_FROM
	             "WHERE (d.retired_on IS NULL OR d.retired_on > ?1) "
	             "AND (?2 < 0 OR (?2 = 0) = (d.kind = 'desk')) "
	             "AND d.capacity >= ?3 AND (?4 = 0 OR d.zone_id = ?4) AND (?5 = 0 OR s.id = ?5) "
	             "AND (d.attrs & ?6) = ?6 AND (?7 = 0 OR z.team_id = ?7) "
	             /* The day's bookings once, as a set (a correlated look-up per
	              * desk made SQLite scan the whole day for each of 5,000 desks):
	              * taken at the half asked for, or claimed by the desk's owner. */
	             "AND d.id NOT IN (SELECT b.desk_id FROM booking b WHERE b.day = ?1 "
	             "AND b.cancelled_at IS NULL AND ((b.am = 1 AND ?8 <> 0) OR (b.pm = 1 AND ?9 <> 0))) "
	             "AND NOT (d.owner_id IS NOT NULL AND d.owner_id <> ?10 AND EXISTS ("
	             "SELECT 1 FROM booking b WHERE b.day = ?1 AND b.person_id = d.owner_id "
	             "AND b.desk_id = d.id AND b.cancelled_at IS NULL)) "
	             "ORDER BY s.id", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, w->day);
	db_bind_int(st, 2, w->rooms);
	db_bind_int(st, 3, w->min_capacity);
	db_bind_int64(st, 4, w->zone_id);
	db_bind_int64(st, 5, w->site_id);
	db_bind_int(st, 6, (int)w->attrs);
	db_bind_int64(st, 7, w->team_id);
	db_bind_int(st, 8, (w->halves & HALF_AM) != 0);
	db_bind_int(st, 9, (w->halves & HALF_PM) != 0);
	db_bind_int64(st, 10, w->for_person);
	while ((rc = db_step(st)) == DB_ROW) {
		struct bk_place p;

		bk_place_read(st, 0, &p);
		/* Holidays differ between Länder: ask once per site. */
		if (p.site_id != last_site) {
			last_site = p.site_id;
			site_works = workday_is_working(app, p.site_id, w->day);
		}
		if (!site_works)
			continue;
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 64;
			struct bk_place *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				db_reset(st);
				bk_place_list_free(out);
				return hop_fail(err, HOP_ENOMEM, _("out of memory while looking for free "
				                "places"));
			}
			out->v = v;
			out->cap = cap;
		}
		out->v[out->n++] = p;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		bk_place_list_free(out);
		return db_fail(app->db, err, _("looking for free places"));
	}
	if (bk_place_sort(out->v, out->n, err) != HOP_OK) {
		bk_place_list_free(out);
		return err->status;
	}
	return HOP_OK;
}
