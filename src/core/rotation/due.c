/* Rotations due (ROT-1, ROT-2): for everyone in scope, the start in their
 * area and the day the area's period ends, and for leads the start in the
 * team they lead and the day [rotation] lead_years end; the earlier one
 * applies.  Set-based: the people, all their periods (one query, by person
 * and start), the teams' areas and the exceptions in force are read once,
 * and the walk back is done in C (due_walk.c), fast for 20,000 people with
 * ten years of history each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/rotation/rotation.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "rot_int.h"

void rotation_due_list_free(struct rotation_due_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static enum hop_status nomem(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading rotations due"));
}

/* ---- what is read once ---- */

struct due_team { int64_t id, area_id; };

struct due_facts {
	struct hop_area_list areas;
	struct due_team *teams;
	size_t nteams, capteams;
	/* Exceptions in force: person and review day, by person. */
	int64_t *ex_person;
	hop_date *ex_review;
	size_t nex, capex, capex2;
	/* The people in scope (by name) and their teams today. */
	struct rotation_due *people;
	int64_t *team_of;
	bool *leads;
	size_t npeople, cappeople, capteam, capleads;
};

static void facts_free(struct due_facts *f)
{
	area_list_free(&f->areas);
	free(f->teams);
	free(f->ex_person);
	free(f->ex_review);
	free(f->people);
	free(f->team_of);
	free(f->leads);
	memset(f, 0, sizeof *f);
}

static enum hop_status load_teams(struct hop_app *app, struct due_facts *f, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT t.id, coalesce(a.area_id, 0) FROM team t "
	                             "LEFT JOIN area_team a ON a.team_id = t.id ORDER BY t.id", err);
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&f->teams, &f->capteams, f->nteams + 1, sizeof *f->teams)) {
			db_reset(st);
			return nomem(err);
		}
		f->teams[f->nteams++] = (struct due_team){ db_col_int64(st, 0), db_col_int64(st, 1) };
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading rotations due"));
}

static enum hop_status load_exceptions(struct hop_app *app, struct due_facts *f,
                                       struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT person_id, review_on FROM rotation_exception "
	                             "WHERE ended_on IS NULL ORDER BY person_id, created_at, id",
	                             err);
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t pid = db_col_int64(st, 0);

		/* The latest of a person's (there is one in force; keep the last). */
		if (f->nex && f->ex_person[f->nex - 1] == pid) {
			f->ex_review[f->nex - 1] = db_col_date(st, 1);
			continue;
		}
		if (!vec_grow(&f->ex_person, &f->capex, f->nex + 1, sizeof *f->ex_person) ||
		    !vec_grow(&f->ex_review, &f->capex2, f->nex + 1, sizeof *f->ex_review)) {
			db_reset(st);
			return nomem(err);
		}
		f->ex_person[f->nex] = pid;
		f->ex_review[f->nex++] = db_col_date(st, 1);
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading rotation exceptions"));
}

static enum hop_status load_people(struct hop_app *app, const struct rot_scope *s,
                                   hop_date today, struct due_facts *f, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT p.id, p.login, p.name, coalesce(p.team_id, 0), "
	                             "coalesce(t.name, ''), "
	                             "CASE WHEN t.lead_id = p.id THEN 1 ELSE 0 END "
	                             "FROM person p LEFT JOIN team t ON t.id = p.team_id "
	                             "WHERE (p.end_date IS NULL OR p.end_date >= ?5) AND "
	                             ROT_SCOPE_SQL("1", "2", "3", "4")
	                             "ORDER BY p.name COLLATE hop, p.login", err);
	int rc;

	if (!st)
		return err->status;
	rot_scope_bind(st, 1, s);
	db_bind_date(st, 5, today);
	while ((rc = db_step(st)) == DB_ROW) {
		struct rotation_due *r;
		size_t n = f->npeople + 1;

		if (!vec_grow(&f->people, &f->cappeople, n, sizeof *f->people) ||
		    !vec_grow(&f->team_of, &f->capteam, n, sizeof *f->team_of) ||
		    !vec_grow(&f->leads, &f->capleads, n, sizeof *f->leads)) {
			db_reset(st);
			return nomem(err);
		}
		r = &f->people[f->npeople];
		memset(r, 0, sizeof *r);
		r->person_id = db_col_int64(st, 0);
		db_col_copy(st, 1, r->login, sizeof r->login);
		db_col_copy(st, 2, r->name, sizeof r->name);
		f->team_of[f->npeople] = db_col_int64(st, 3);
		db_col_copy(st, 4, r->team, sizeof r->team);
		f->leads[f->npeople++] = db_col_int(st, 5) != 0;
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading rotations due"));
}

static int64_t area_of(const struct due_facts *f, int64_t team_id)
{
	size_t a = 0, b = f->nteams;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (f->teams[m].id < team_id)
			a = m + 1;
		else
			b = m;
	}
	return a < f->nteams && f->teams[a].id == team_id ? f->teams[a].area_id : 0;
}

static const struct hop_area *area_get_id(const struct due_facts *f, int64_t id)
{
	for (size_t i = 0; id && i < f->areas.n; i++)
		if (f->areas.v[i].id == id)
			return &f->areas.v[i];
	return NULL;
}

/* ---- one person ---- */

struct in_area { const struct due_facts *f; int64_t area_id; };
static bool team_in_area(const void *ctx, int64_t team_id)
{
	const struct in_area *c = ctx;

	return area_of(c->f, team_id) == c->area_id;
}
static bool team_is(const void *ctx, int64_t team_id)
{
	return *(const int64_t *)ctx == team_id;
}

/* r's area, since and due from periods p (by start); false when none is due. */
static bool decide(struct hop_app *app, const struct due_facts *f, int64_t team_id, bool leads,
                   const struct rot_period *p, size_t n, hop_date today, struct rotation_due *r)
{
	const struct rot_period *anchor = rot_anchor(p, n, today);
	const struct hop_area *area = NULL, *lead_area;
	hop_date since = HOP_DATE_NONE, due = HOP_DATE_NONE;
	int reset = app->cfg.rotation_reset_after_months;

	if (anchor && (area = area_get_id(f, area_of(f, anchor->team_id))) && area->period_years) {
		struct in_area c = { f, area->id };
		hop_date from = anchor->end != HOP_DATE_NONE && anchor->end < today ? anchor->end
		                                                                    : today;

		since = rot_since(p, n, from, team_in_area, &c, reset);
		if (since != HOP_DATE_NONE)
			due = date_add_months(since, 12 * area->period_years);
	}
	if (due != HOP_DATE_NONE) {
		snprintf(r->area, sizeof r->area, "%s", area->name);
		r->corruption_prone = area->corruption_prone;
		r->since = since;
		r->due = due;
		r->period_years = area->period_years;
	}
	if (leads && team_id) {
		hop_date ls = rot_since(p, n, today, team_is, &team_id, reset), ld;

		ld = ls == HOP_DATE_NONE ? HOP_DATE_NONE
		                         : date_add_months(ls, 12 * app->cfg.rotation_lead_years);
		if (ld != HOP_DATE_NONE && (due == HOP_DATE_NONE || ld < due)) {
			lead_area = area_get_id(f, area_of(f, team_id));
			snprintf(r->area, sizeof r->area, "%s", lead_area ? lead_area->name : "");
			r->corruption_prone = lead_area && lead_area->corruption_prone;
			r->lead = true;
			r->since = ls;
			r->due = due = ld;
			r->period_years = app->cfg.rotation_lead_years;
		}
	}
	if (due == HOP_DATE_NONE)
		return false;
	r->overdue = due <= today;
	return true;
}

/* ---- the list ---- */

struct by_id { int64_t id; size_t at; };
static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_due(const void *a, const void *b)
{
	const struct rotation_due *x = a, *y = b;

	if (x->due != y->due)
		return (x->due > y->due) - (x->due < y->due);
	/* The people were read by name: their ids in that order (below). */
	return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

/* Read the periods of the people in scope, by person and start, and decide
 * each person's due date: *keep[i] for people[i]. */
static enum hop_status walk(struct hop_app *app, const struct rot_scope *s, hop_date today,
                            struct due_facts *f, bool *keep, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT m.person_id, m.team_id, m.kind, m.start_on, "
	                             "m.end_on, m.host IS NOT NULL FROM membership m "
	                             "WHERE m.kind <> 'acting' AND m.person_id IN (SELECT p.id "
	                             "FROM person p WHERE (p.end_date IS NULL OR p.end_date >= ?5) "
	                             "AND " ROT_SCOPE_SQL("1", "2", "3", "4") ") "
	                             "ORDER BY m.person_id, m.start_on, m.id", err);
	struct by_id *ix = malloc((f->npeople + 1) * sizeof *ix);
	struct rot_period *per = NULL;
	size_t nper = 0, capper = 0;
	int64_t cur = 0;
	bool oom = false;
	int rc;

	if (!ix)
		return nomem(err);
	for (size_t i = 0; i < f->npeople; i++)
		ix[i] = (struct by_id){ f->people[i].person_id, i };
	qsort(ix, f->npeople, sizeof *ix, cmp_by_id);
	if (!st) {
		free(ix);
		return err->status;
	}
	rot_scope_bind(st, 1, s);
	db_bind_date(st, 5, today);
	for (;;) {
		int64_t pid = 0;

		rc = db_step(st);
		if (rc == DB_ROW)
			pid = db_col_int64(st, 0);
		if (cur && pid != cur) {
			struct by_id key = { cur, 0 }, *hit = bsearch(&key, ix, f->npeople, sizeof *ix,
			                                              cmp_by_id);
			if (hit)
				keep[hit->at] = decide(app, f, f->team_of[hit->at], f->leads[hit->at], per,
				                       nper, today, &f->people[hit->at]);
			nper = 0;
		}
		if (rc != DB_ROW)
			break;
		cur = pid;
		if (!vec_grow(&per, &capper, nper + 1, sizeof *per)) {
			oom = true;
			break;
		}
		{
			const char *kind = db_col_text(st, 2);
			per[nper++] = (struct rot_period){
				.team_id = db_col_int64(st, 1),
				.rank = kind && strcmp(kind, "secondment") == 0 ? 2 :
				        kind && strcmp(kind, "station") == 0 ? 1 : 0,
				.start = db_col_date(st, 3), .end = db_col_date(st, 4),
				.outside = db_col_int(st, 5) != 0 };
		}
	}
	db_reset(st);
	free(per);
	free(ix);
	if (oom)
		return nomem(err);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading rotations due"));
}

static enum hop_status compute(struct hop_app *app, const struct rot_scope *s, hop_date today,
                               struct due_facts *f, bool **keep, struct hop_err *err)
{
	memset(f, 0, sizeof *f);
	*keep = NULL;
	if (area_list(app, false, &f->areas, err) != HOP_OK || load_teams(app, f, err) != HOP_OK ||
	    load_exceptions(app, f, err) != HOP_OK || load_people(app, s, today, f, err) != HOP_OK)
		return err->status;
	if (!(*keep = calloc(f->npeople + 1, sizeof **keep)))
		return nomem(err);
	return walk(app, s, today, f, *keep, err);
}

enum hop_status rotation_due_list(struct hop_app *app, const struct rotation_due_filter *fl,
                                  struct rotation_due_list *out, struct hop_err *err)
{
	hop_date today = clock_today(), horizon;
	struct rot_scope s;
	struct due_facts f;
	bool *keep = NULL;
	int within = fl && fl->within_months ? fl->within_months
	                                     : app->cfg.rotation_due_within_months;

	memset(out, 0, sizeof *out);
	if (rot_scope_make(app, fl ? fl->team : NULL, fl ? fl->login : NULL, &s, err) != HOP_OK)
		return err->status;
	horizon = within < 0 ? HOP_DATE_NONE : date_add_months(today, within);
	if (compute(app, &s, today, &f, &keep, err) != HOP_OK) {
		free(keep);
		facts_free(&f);
		return err->status;
	}
	for (size_t i = 0; i < f.npeople; i++) {
		struct rotation_due *r = &f.people[i];
		size_t lo = 0, hi = f.nex;

		if (!keep[i] || (horizon != HOP_DATE_NONE && r->due > horizon))
			continue;
		while (lo < hi) {
			size_t m = lo + (hi - lo) / 2;
			if (f.ex_person[m] < r->person_id)
				lo = m + 1;
			else
				hi = m;
		}
		if (lo < f.nex && f.ex_person[lo] == r->person_id) {
			r->exception = true;
			r->exception_review = f.ex_review[lo];
			r->review_overdue = r->exception_review < today;
		}
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			free(keep);
			facts_free(&f);
			rotation_due_list_free(out);
			return nomem(err);
		}
		out->v[out->n] = *r;
		/* The order by name, kept for the sort's last key. */
		out->v[out->n++].person_id = (int64_t)i;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_due);
	for (size_t i = 0; i < out->n; i++)
		out->v[i].person_id = f.people[out->v[i].person_id].person_id;
	free(keep);
	facts_free(&f);
	return HOP_OK;
}

enum hop_status rot_due_of(struct hop_app *app, int64_t person_id, hop_date *due,
                           int64_t *area_id, struct hop_err *err)
{
	struct rot_scope s = { .person_id = person_id, .lead = -1 };
	struct due_facts f;
	bool *keep = NULL;
	enum hop_status rc;

	*due = HOP_DATE_NONE;
	*area_id = 0;
	rc = compute(app, &s, clock_today(), &f, &keep, err);
	if (rc == HOP_OK && f.npeople && keep[0]) {
		const struct rotation_due *r = &f.people[0];

		*due = r->due;
		for (size_t i = 0; i < f.areas.n; i++)
			if (r->area[0] && strcmp(f.areas.v[i].name, r->area) == 0)
				*area_id = f.areas.v[i].id;
	}
	free(keep);
	facts_free(&f);
	return rc;
}
