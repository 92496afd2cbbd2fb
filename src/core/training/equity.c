/* The equity report (equity.h): three queries (the people with their team,
 * the records of the period, the attended sessions of the period), the
 * training days counted per person in memory, then summed by group. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/people/membership.h"
#include "hop/core/training/equity.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"

void trn_equity_free(struct trn_equity *e)
{
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

struct who {
	int64_t id;
	bool lead;
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	char slug[HOP_SLUG_MAX + 1];
	int days, trainings;
};

struct mark {
	uint32_t who;             /* index into the people */
	hop_date day;
};

struct work {
	struct who *p;
	size_t np, pcap;
	struct mark *m;
	size_t nm, mcap;
};

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = ((const struct who *)b)->id;
	return (x > y) - (x < y);
}

static struct who *find(struct work *w, int64_t id)
{
	/* bsearch and qsort must not be given a null array, even an empty one. */
	return w->np ? bsearch(&id, w->p, w->np, sizeof *w->p, by_id) : NULL;
}

static int by_mark(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	if (x->who != y->who)
		return x->who < y->who ? -1 : 1;
	return (x->day > y->day) - (x->day < y->day);
}

static bool add_mark(struct work *w, const struct who *p, hop_date day)
{
	if (!vec_grow(&w->m, &w->mcap, w->nm + 1, sizeof *w->m))
		return false;
	w->m[w->nm++] = (struct mark){ (uint32_t)(p - w->p), day };
	return true;
}

static enum hop_status read_people(struct hop_app *app, hop_date from, hop_date to,
                                   int64_t team_id, int64_t lead_id, struct work *w,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT p.id, p.roles, coalesce(t.id, 0), "
	        "coalesce(t.name, ''), coalesce(t.slug, '') FROM person p "
	        "LEFT JOIN membership m ON m.person_id = p.id AND "
	        MEMBERSHIP_ON_SQL("(CASE WHEN p.end_date IS NULL OR p.end_date > ?2 THEN ?2 "
	                          "ELSE p.end_date END)")
	        "LEFT JOIN team t ON t.id = m.team_id "
	        "WHERE p.start_date <= ?2 AND (p.end_date IS NULL OR p.end_date >= ?1) "
	        "AND (?3 = 0 OR m.team_id = ?3) AND (?4 = 0 OR m.team_id IN (SELECT id FROM team "
	        "WHERE lead_id = ?4 AND dissolved_on IS NULL)) ORDER BY p.id", err);
	enum db_step r;

	if (!st)
		return err->status;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, to);
	db_bind_int64(st, 3, team_id);
	db_bind_int64(st, 4, lead_id);
	while ((r = db_step(st)) == DB_ROW) {
		struct who *p;
		int64_t id = db_col_int64(st, 0);
		/* Two teams on the day (a secondment beside a post is not, but be
		 * safe): the first counts. */
		if (w->np && w->p[w->np - 1].id == id)
			continue;
		if (!vec_grow(&w->p, &w->pcap, w->np + 1, sizeof *w->p)) {
			db_clear(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
		p = &w->p[w->np++];
		memset(p, 0, sizeof *p);
		p->id = id;
		p->lead = (db_col_int(st, 1) & ROLE_LEAD) != 0;
		p->team_id = db_col_int64(st, 2);
		db_col_copy(st, 3, p->team, sizeof p->team);
		db_col_copy(st, 4, p->slug, sizeof p->slug);
	}
	db_clear(st);
	return r == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading the people of a report"));
}

static enum hop_status read_trainings(struct hop_app *app, hop_date from, hop_date to,
                                      struct work *w, struct hop_err *err)
{
	struct db_stmt *rec = db_stmt(app->db, "SELECT person_id, done_on, enrolment_id IS NULL "
	        "FROM training_record WHERE revoked_at IS NULL AND done_on BETWEEN ?1 AND ?2", err);
	struct db_stmt *ses;
	enum db_step r;

	if (!rec)
		return err->status;
	db_bind_date(rec, 1, from);
	db_bind_date(rec, 2, to);
	while ((r = db_step(rec)) == DB_ROW) {
		struct who *p = find(w, db_col_int64(rec, 0));
		if (!p)
			continue;
		/* A record written from a session is that session: counted there. */
		if (db_col_int(rec, 2))
			p->trainings++;
		if (!add_mark(w, p, db_col_date(rec, 1))) {
			db_clear(rec);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
	}
	db_clear(rec);
	if (r != DB_DONE)
		return db_fail(app->db, err, _("reading training records"));
	ses = db_stmt(app->db, "SELECT e.person_id, substr(s.starts_at, 1, 10), "
	        "substr(s.ends_at, 1, 10) FROM enrolment e "
	        "JOIN course_session s ON s.id = e.session_id "
	        "WHERE e.state IN ('attended', 'partial') AND substr(s.starts_at, 1, 10) <= ?2 "
	        "AND substr(s.ends_at, 1, 10) >= ?1", err);
	if (!ses)
		return err->status;
	db_bind_date(ses, 1, from);
	db_bind_date(ses, 2, to);
	while ((r = db_step(ses)) == DB_ROW) {
		struct who *p = find(w, db_col_int64(ses, 0));
		hop_date first = db_col_date(ses, 1), last = db_col_date(ses, 2);
		if (!p || first == HOP_DATE_NONE || last == HOP_DATE_NONE)
			continue;
		if (first >= from)
			p->trainings++;
		for (hop_date d = first < from ? from : first; d <= last && d <= to; d++)
			if (!add_mark(w, p, d)) {
				db_clear(ses);
				return hop_fail(err, HOP_ENOMEM, _("out of memory"));
			}
	}
	db_clear(ses);
	return r == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading attended sessions"));
}

static struct trn_equity_group *group(struct trn_equity *e, enum trn_equity_kind kind,
                                      const struct who *p)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].kind == kind && (kind != TRN_EQ_TEAM || strcmp(e->v[i].slug, p->slug) == 0))
			return &e->v[i];
	if (!vec_grow(&e->v, &e->cap, e->n + 1, sizeof *e->v))
		return NULL;
	struct trn_equity_group *g = &e->v[e->n++];
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->survey_pct = kind == TRN_EQ_LEADS ? TRN_SURVEY_LEADS_PCT
	                : kind == TRN_EQ_STAFF ? TRN_SURVEY_STAFF_PCT : -1;
	if (kind == TRN_EQ_TEAM) {
		snprintf(g->team, sizeof g->team, "%s", p->team);
		snprintf(g->slug, sizeof g->slug, "%s", p->slug);
	}
	return g;
}

static int by_team(const void *a, const void *b)
{
	const struct trn_equity_group *x = a, *y = b;
	return strcmp(x->team, y->team);
}

static enum hop_status sum_up(struct work *w, struct trn_equity *e, struct hop_err *err)
{
	static const struct who none = { 0 };

	if (!group(e, TRN_EQ_ALL, &none) || !group(e, TRN_EQ_LEADS, &none) ||
	    !group(e, TRN_EQ_STAFF, &none))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (w->nm > 1)
		qsort(w->m, w->nm, sizeof *w->m, by_mark);
	for (size_t i = 0; i < w->nm; i++)
		if (i == 0 || by_mark(&w->m[i - 1], &w->m[i]) != 0)
			w->p[w->m[i].who].days++;
	for (size_t i = 0; i < w->np; i++) {
		const struct who *p = &w->p[i];
		struct trn_equity_group *gs[3] = {
			&e->v[TRN_EQ_ALL], &e->v[p->lead ? TRN_EQ_LEADS : TRN_EQ_STAFF], NULL,
		};
		if (p->team_id && !(gs[2] = group(e, TRN_EQ_TEAM, p)))
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		/* group() may have moved the array. */
		gs[0] = &e->v[TRN_EQ_ALL];
		gs[1] = &e->v[p->lead ? TRN_EQ_LEADS : TRN_EQ_STAFF];
		for (int k = 0; k < 3; k++) {
			if (!gs[k])
				continue;
			gs[k]->people++;
			gs[k]->trained += p->days > 0 || p->trainings > 0;
			gs[k]->days += p->days;
			gs[k]->trainings += p->trainings;
		}
	}
	if (e->n > 3)
		qsort(e->v + 3, e->n - 3, sizeof *e->v, by_team);
	return HOP_OK;
}

enum hop_status trn_equity_report(struct hop_app *app, hop_date from, hop_date to,
                                  const char *team, struct trn_equity *out,
                                  struct hop_err *err)
{
	bool hr = app->actor.known && (app->actor.roles & (ROLE_HR | ROLE_ADMIN));
	struct work w = { 0 };
	struct hop_team t = { 0 };
	int64_t lead_id = 0;
	enum hop_status st;

	memset(out, 0, sizeof *out);
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE || to < from)
		return hop_fail(err, HOP_EINVAL, _("the period of a report ends on or after its "
		                "first day"));
	if (team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	if (!hr) {
		if (!(app->actor.roles & ROLE_LEAD) || (team && !authz_leads_team(app, t.id)))
			return hop_fail(err, HOP_EPERM, _("who received training is seen by HR for "
			                "everyone and by leads for their own teams"));
		lead_id = app->actor.person.id;
	}
	st = read_people(app, from, to, t.id, lead_id, &w, err);
	if (st == HOP_OK)
		st = read_trainings(app, from, to, &w, err);
	if (st == HOP_OK)
		st = sum_up(&w, out, err);
	free(w.p);
	free(w.m);
	if (st != HOP_OK)
		trn_equity_free(out);
	return st;
}
