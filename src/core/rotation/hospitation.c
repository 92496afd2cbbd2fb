/* Hospitation (ROT-5): the working days each person spent on secondments
 * (inside the house or outside) in a year, against [rotation]
 * hospitation_days_per_year.  Set-based: the people employed that year, one
 * query for all their secondments, and the year's working days (weekends,
 * public holidays of the organisation's Land, closure days and the days the
 * policy frees are not) decided once. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/rotation/rotation.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "rot_int.h"

#define YEAR_DAYS 366

void rotation_hospitation_list_free(struct rotation_hospitation_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static enum hop_status nomem(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while counting Hospitation days"));
}

static enum hop_status load_people(struct hop_app *app, const struct rot_scope *s,
                                   hop_date first, hop_date last,
                                   struct rotation_hospitation_list *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT p.id, p.login, p.name, coalesce(t.name, '') "
	                             "FROM person p LEFT JOIN team t ON t.id = p.team_id "
	                             "WHERE p.start_date <= ?6 AND (p.end_date IS NULL OR "
	                             "p.end_date >= ?5) AND " ROT_SCOPE_SQL("1", "2", "3", "4")
	                             "ORDER BY p.name COLLATE hop, p.login", err);
	int rc;

	if (!st)
		return err->status;
	rot_scope_bind(st, 1, s);
	db_bind_date(st, 5, first);
	db_bind_date(st, 6, last);
	while ((rc = db_step(st)) == DB_ROW) {
		struct rotation_hospitation *h;

		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			return nomem(err);
		}
		h = &out->v[out->n++];
		memset(h, 0, sizeof *h);
		h->person_id = db_col_int64(st, 0);
		db_col_copy(st, 1, h->login, sizeof h->login);
		db_col_copy(st, 2, h->name, sizeof h->name);
		db_col_copy(st, 3, h->team, sizeof h->team);
		h->target = app->cfg.rotation_hospitation_days;
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("counting Hospitation days"));
}

struct by_id { int64_t id; size_t at; };
static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Count, for each person, the working days of the year their secondments
 * cover (overlapping secondments count a day once). */
static enum hop_status count(struct hop_app *app, const struct rot_scope *s, hop_date first,
                             hop_date last, const bool *working,
                             struct rotation_hospitation_list *l, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT m.person_id, m.start_on, m.end_on "
	                             "FROM membership m WHERE m.kind = 'secondment' "
	                             "AND m.start_on <= ?6 AND (m.end_on IS NULL OR m.end_on >= ?5) "
	                             "AND m.person_id IN (SELECT p.id FROM person p "
	                             "WHERE p.start_date <= ?6 AND (p.end_date IS NULL OR "
	                             "p.end_date >= ?5) AND " ROT_SCOPE_SQL("1", "2", "3", "4") ") "
	                             "ORDER BY m.person_id, m.start_on", err);
	struct by_id *ix = malloc((l->n + 1) * sizeof *ix);
	bool seen[YEAR_DAYS];
	int64_t cur = 0;
	struct by_id *who = NULL;
	int rc;

	if (!ix)
		return nomem(err);
	if (!st) {
		free(ix);
		return err->status;
	}
	for (size_t i = 0; i < l->n; i++)
		ix[i] = (struct by_id){ l->v[i].person_id, i };
	qsort(ix, l->n, sizeof *ix, cmp_by_id);
	rot_scope_bind(st, 1, s);
	db_bind_date(st, 5, first);
	db_bind_date(st, 6, last);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t pid = db_col_int64(st, 0);
		hop_date a = db_col_date(st, 1), b = db_col_date(st, 2);

		if (pid != cur) {
			struct by_id key = { pid, 0 };

			cur = pid;
			who = bsearch(&key, ix, l->n, sizeof *ix, cmp_by_id);
			memset(seen, 0, sizeof seen);
		}
		if (!who)
			continue;
		if (a < first)
			a = first;
		if (b == HOP_DATE_NONE || b > last)
			b = last;
		for (hop_date d = a; d <= b; d++)
			if (working[d - first] && !seen[d - first]) {
				seen[d - first] = true;
				l->v[who->at].days++;
			}
	}
	db_reset(st);
	free(ix);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("counting Hospitation days"));
}

static int cmp_days(const void *a, const void *b)
{
	const struct rotation_hospitation *x = a, *y = b;

	if (x->days != y->days)
		return x->days - y->days;
	/* The order by name, kept in target meanwhile (below). */
	return x->target - y->target;
}

enum hop_status rotation_hospitation(struct hop_app *app, int year, const char *team, bool all,
                                     struct rotation_hospitation_list *out,
                                     struct hop_err *err)
{
	bool working[YEAR_DAYS];
	hop_date first, last;
	struct rot_scope s;
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (year < 1900 || year > 9999)
		return hop_fail(err, HOP_EINVAL, _("give a year such as 2027, not %d"), year);
	if (rot_scope_make(app, team, NULL, &s, err) != HOP_OK)
		return err->status;
	first = date_from_ymd(year, 1, 1);
	last = date_from_ymd(year, 12, 31);
	for (hop_date d = first; d <= last; d++)
		working[d - first] = workday_is_working(app, 0, d);
	if (load_people(app, &s, first, last, out, err) != HOP_OK ||
	    count(app, &s, first, last, working, out, err) != HOP_OK) {
		rotation_hospitation_list_free(out);
		return err->status;
	}
	for (size_t i = 0; i < out->n; i++)
		if (all || out->v[i].days < out->v[i].target) {
			out->v[k] = out->v[i];
			out->v[k++].target = (int)i;
		}
	out->n = k;
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_days);
	for (size_t i = 0; i < out->n; i++)
		out->v[i].target = app->cfg.rotation_hospitation_days;
	return HOP_OK;
}
