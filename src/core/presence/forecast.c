/* The forecast: per working day of a week, the people who plan to be in the
 * office against the desks there are, days over capacity flagged.  A person
 * counts at the site of their desk booking that day, else of their fixed
 * desk, else of their team's zone.  A fixed number of queries for any number
 * of people. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/people/membership.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "presence_int.h"

/* key (a person or team id) -> site id, the first row read for each key. */
struct pair { int64_t key, site; size_t seq; };
struct pairs { struct pair *v; size_t n, cap; };

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static enum hop_status read_pairs(struct hop_app *app, struct db_stmt *st, struct pairs *p,
                                  struct hop_err *err)
{
	size_t w = 0;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		if (p->n == p->cap) {
			size_t cap = p->cap ? p->cap * 2 : 64;
			struct pair *v = realloc(p->v, cap * sizeof *v);
			if (!v) {
				db_reset(st);
				return hop_fail(err, HOP_ENOMEM, _("out of memory while forecasting"));
			}
			p->v = v;
			p->cap = cap;
		}
		p->v[p->n].key = db_col_int64(st, 0);
		p->v[p->n].site = db_col_int64(st, 1);
		p->v[p->n].seq = p->n;
		p->n++;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading desks and zones"));
	if (!p->n)
		return HOP_OK;
	qsort(p->v, p->n, sizeof *p->v, cmp_pair);
	for (size_t i = 0; i < p->n; i++)
		if (!w || p->v[w - 1].key != p->v[i].key)
			p->v[w++] = p->v[i];
	p->n = w;
	return HOP_OK;
}

static int64_t pairs_find(const struct pairs *p, int64_t key)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->v[mid].key < key)
			lo = mid + 1;
		else if (p->v[mid].key > key)
			hi = mid;
		else
			return p->v[mid].site;
	}
	return 0;
}

static enum hop_status count_desks(struct hop_app *app, struct forecast *fc,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT d.retired_on FROM desk d JOIN zone z ON "
	                           "z.id = d.zone_id JOIN floor f ON f.id = z.floor_id "
	                           "WHERE (?1 = 0 OR f.site_id = ?1) AND d.kind = 'desk' AND "
	                           "(d.retired_on IS NULL OR d.retired_on > ?2)", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, fc->site_id);
	db_bind_date(st, 2, fc->monday);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date r = db_col_date(st, 0);
		for (int d = 0; d < PRESENCE_DAYS; d++)
			fc->days[d].desks += r == HOP_DATE_NONE || r > fc->monday + d;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading desks"));
	/* The whole organisation needs no joins: the day index alone answers. */
	if (fc->site_id == 0)
		st = db_stmt(app->db, "SELECT b.day, count(DISTINCT b.desk_id) FROM booking b "
		             "WHERE ?1 = 0 AND b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
		             "AND b.is_room = 0 GROUP BY b.day", err);
	else
		st = db_stmt(app->db, "SELECT b.day, count(DISTINCT b.desk_id) FROM booking b "
		             "JOIN desk d ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id "
		             "JOIN floor f ON f.id = z.floor_id WHERE b.day BETWEEN ?2 AND ?3 "
		             "AND b.cancelled_at IS NULL AND b.is_room = 0 AND f.site_id = ?1 "
		             "GROUP BY b.day", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, fc->site_id);
	db_bind_date(st, 2, fc->monday);
	db_bind_date(st, 3, fc->monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date day = db_col_date(st, 0);
		if (day != HOP_DATE_NONE && day >= fc->monday && day < fc->monday + PRESENCE_DAYS)
			fc->days[day - fc->monday].booked = db_col_int(st, 1);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

/* A person employed in the week: who, their team, their first and last day. */
struct employed {
	int64_t id, team;
	hop_date start, end;
};

static void read_employed(struct db_stmt *st, void *out)
{
	struct employed *e = out;

	e->id = db_col_int64(st, 0);
	e->team = db_col_int64(st, 1);
	e->start = db_col_date(st, 2);
	e->end = db_col_date(st, 3);
}

static const struct collect employed_rows = {
	sizeof(struct employed), read_employed,
	N_("out of memory while forecasting"), N_("reading people"),
};

/* The people employed in the week, by id, and their ids alone (as
 * pr_plan_load takes them). */
static enum hop_status read_people(struct hop_app *app, hop_date monday, struct employed **v,
                                   int64_t **ids, size_t *n, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, coalesce(team_id, 0), start_date, end_date "
	                           "FROM person WHERE start_date <= ?2 AND (end_date IS NULL OR "
	                           "end_date >= ?1) ORDER BY id", err);
	size_t cap = 0;

	*v = NULL;
	*ids = NULL;
	*n = 0;
	if (!st)
		return err->status;
	db_bind_date(st, 1, monday);
	db_bind_date(st, 2, monday + PRESENCE_DAYS - 1);
	if (collect_rows(app->db, st, &employed_rows, v, n, &cap, err) != HOP_OK)
		return err->status;
	if (!(*ids = malloc((*n ? *n : 1) * sizeof **ids)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while forecasting"));
	for (size_t i = 0; i < *n; i++)
		(*ids)[i] = (*v)[i].id;
	return HOP_OK;
}

/* Where each person sits each day (site of the day's desk booking), into
 * day_site[i * 5 + d]; 0 where they have none. */
static enum hop_status read_booked_sites(struct hop_app *app, hop_date monday,
                                         const struct pr_plan *plan, int64_t *day_site,
                                         struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.person_id, b.day, f.site_id FROM booking b "
	                           "JOIN desk d ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id "
	                           "JOIN floor f ON f.id = z.floor_id WHERE b.day BETWEEN ?1 AND ?2 "
	                           "AND b.cancelled_at IS NULL AND b.is_room = 0", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_date(st, 1, monday);
	db_bind_date(st, 2, monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date day = db_col_date(st, 1);
		size_t i;
		if (day != HOP_DATE_NONE && day >= monday && day < monday + PRESENCE_DAYS &&
		    pr_index_find(&plan->ix, db_col_int64(st, 0), &i))
			day_site[i * PRESENCE_DAYS + (size_t)(day - monday)] = db_col_int64(st, 2);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

static enum hop_status count_planned(struct hop_app *app, struct forecast *fc,
                                     struct hop_err *err)
{
	struct employed *v = NULL;
	int64_t *ids = NULL, *day_site = NULL;
	struct pairs team_site = { 0 }, fixed_site = { 0 };
	struct membership_spans spans = { 0 };
	struct pr_plan plan = { 0 };
	struct db_stmt *st;
	size_t n = 0;
	enum hop_status rc;

	rc = read_people(app, fc->monday, &v, &ids, &n, err);
	if (rc == HOP_OK)
		rc = pr_plan_load(app, 0, ids, n, fc->monday, PRESENCE_DAYS, false, &plan, err);
	if (rc == HOP_OK && fc->site_id) {
		st = db_stmt(app->db, "SELECT z.team_id, f.site_id FROM zone z JOIN floor f ON "
		             "f.id = z.floor_id WHERE z.team_id IS NOT NULL ORDER BY z.id", err);
		rc = st ? read_pairs(app, st, &team_site, err) : err->status;
		if (rc == HOP_OK) {
			st = db_stmt(app->db, "SELECT d.owner_id, f.site_id FROM desk d JOIN zone z ON "
			             "z.id = d.zone_id JOIN floor f ON f.id = z.floor_id WHERE "
			             "d.owner_id IS NOT NULL AND d.retired_on IS NULL ORDER BY d.id", err);
			rc = st ? read_pairs(app, st, &fixed_site, err) : err->status;
		}
		/* The team each person is in on each day: its zone's site. */
		if (rc == HOP_OK)
			rc = membership_spans_load(app, 0, 0, fc->monday,
			                           fc->monday + PRESENCE_DAYS - 1, &spans, err);
		if (rc == HOP_OK && !(day_site = calloc(n ? n * PRESENCE_DAYS : 1, sizeof *day_site)))
			rc = hop_fail(err, HOP_ENOMEM, _("out of memory while forecasting"));
		if (rc == HOP_OK)
			rc = read_booked_sites(app, fc->monday, &plan, day_site, err);
	}
	for (size_t i = 0; i < n && rc == HOP_OK; i++) {
		int64_t fixed = fc->site_id ? pairs_find(&fixed_site, ids[i]) : 0;
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			hop_date day = fc->monday + d;
			if (pr_plan_loc(&plan, i, d) != LOC_OFFICE || day < v[i].start ||
			    (v[i].end != HOP_DATE_NONE && day > v[i].end))
				continue;
			if (fc->site_id) {
				int64_t at = day_site[i * PRESENCE_DAYS + (size_t)d], team;
				if (!at && !(at = fixed)) {
					team = membership_spans_team(&spans, ids[i], day);
					at = pairs_find(&team_site, team ? team : v[i].team);
				}
				if (at != fc->site_id)
					continue;
			}
			fc->days[d].planned++;
		}
	}
	pr_plan_free(&plan);
	membership_spans_free(&spans);
	free(team_site.v);
	free(fixed_site.v);
	free(day_site);
	free(ids);
	free(v);
	return rc;
}

enum hop_status forecast_week(struct hop_app *app, const char *site, hop_date monday,
                              struct forecast *out, struct hop_err *err)
{
	memset(out, 0, sizeof *out);
	if (monday == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no week given; give one such as 2026-W48"));
	monday -= date_weekday(monday) - 1;
	out->monday = monday;
	if (site && *site) {
		struct hop_site s;
		if (site_get(app, site, &s, err) != HOP_OK)
			return err->status;
		out->site_id = s.id;
		snprintf(out->site, sizeof out->site, "%s", s.name);
	}
	if (count_desks(app, out, err) != HOP_OK || count_planned(app, out, err) != HOP_OK)
		return err->status;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		struct forecast_day *f = &out->days[d];
		f->day = monday + d;
		pr_working(app, out->site_id, f->day, &f->working, f->why, err);
		if (!f->working) {
			f->planned = 0;
			f->over = false;
			continue;
		}
		f->over = f->planned > f->desks;
	}
	return HOP_OK;
}
