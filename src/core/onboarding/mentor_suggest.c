/* Suggesting mentors: everyone who may mentor a new hire under the rules of
 * mentor.c, ranked by cost (same team first, then fewer mentees, then more
 * office days shared in the new hire's first weeks: a mentor at home while
 * the new hire is in the office is no mentor); and a whole batch of new
 * hires matched at the least total cost within every mentor's capacity, a
 * min-cost flow (base/mcmf.c).  The same data give the same answer. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/people/membership.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/base/mcmf.h"
#include "onb_int.h"
#include "../presence/presence_int.h"

/* The cost of a pair, lexicographic in its parts: another team outweighs
 * any load, one more mentee outweighs any number of office days missed. */
#define COST_TEAM 1000000L
#define COST_LOAD 1000L
/* Candidates per new hire that the batch's network keeps: the cheapest. */
#define BATCH_KEEP 24

/* The office days of a window of calendar days, as bits. */
#define MASK_WORDS 6                       /* 384 days: a year of first weeks */
struct mask { uint64_t w[MASK_WORDS]; };

static int mask_count(const struct mask *m)
{
	int n = 0;
	for (int i = 0; i < MASK_WORDS; i++)
		n += __builtin_popcountll(m->w[i]);
	return n;
}

static int mask_shared(const struct mask *a, const struct mask *b)
{
	int n = 0;
	for (int i = 0; i < MASK_WORDS; i++)
		n += __builtin_popcountll(a->w[i] & b->w[i]);
	return n;
}

struct cand {
	struct hop_person p;
	int load;
	struct mask office;
};

struct pool {
	struct cand *v;
	size_t n, cap;
	hop_date wfrom;                        /* the window: the new hires' first weeks */
	int wdays;
};

static void pool_free(struct pool *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

static struct cand *pool_find(struct pool *p, int64_t id)
{
	size_t lo = 0, hi = p->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (p->v[mid].p.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n && p->v[lo].p.id == id ? &p->v[lo] : NULL;
}

/* Drop the candidates marked by a load of -1 (the rest keep their order). */
static void pool_compact(struct pool *p)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].load >= 0)
			p->v[k++] = p->v[i];
	p->n = k;
}

/* Everyone employed the whole of from..until and long enough by from, with
 * their load then; those at capacity and those away too long are left out. */
static enum hop_status pool_load(struct hop_app *app, hop_date from, hop_date until,
                                 int64_t site, struct pool *p, struct hop_err *err)
{
	struct db_stmt *st;
	struct onb_cal cal;
	int rc;

	/* Each candidate's team on the mentorship's first day (today's where
	 * they have no period then). */
	st = db_stmt(app->db, "SELECT p.id, p.login, p.name, coalesce(p.tid, 0), "
	             "coalesce(t.name, ''), p.start_date, p.end_date, p.roles FROM "
	             "(SELECT q.id, q.login, q.name, q.start_date, q.end_date, q.roles, "
	             "coalesce((SELECT m.team_id FROM membership m WHERE m.person_id = q.id AND "
	             MEMBERSHIP_ON_SQL("?3") "LIMIT 1), q.team_id) AS tid FROM person q "
	             "WHERE q.start_date <= ?1 AND (q.end_date IS NULL OR q.end_date >= ?2)) p "
	             "LEFT JOIN team t ON t.id = p.tid ORDER BY p.id", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, date_add_months(from, -app->cfg.mentor_min_months));
	db_bind_date(st, 2, until);
	db_bind_date(st, 3, from);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cand *c;
		if (!vec_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while suggesting mentors"));
		}
		c = &p->v[p->n++];
		memset(c, 0, sizeof *c);
		c->p.id = db_col_int64(st, 0);
		db_col_copy(st, 1, c->p.login, sizeof c->p.login);
		db_col_copy(st, 2, c->p.name, sizeof c->p.name);
		c->p.team_id = db_col_int64(st, 3);
		db_col_copy(st, 4, c->p.team, sizeof c->p.team);
		c->p.start = db_col_date(st, 5);
		c->p.end = db_col_date(st, 6);
		c->p.roles = (unsigned)db_col_int(st, 7);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading people"));

	/* Loads: each mentor's periods, in one pass. */
	st = db_stmt(app->db, "SELECT mentor_id, start_on, end_on FROM mentorship "
	             "WHERE cancelled_at IS NULL AND start_on <= ?2 AND end_on >= ?1 "
	             "ORDER BY mentor_id, start_on", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, until);
	{
		hop_date s[64], e[64];
		size_t n = 0;
		int64_t cur = 0;
		for (;;) {
			rc = db_step(st);
			int64_t id = rc == DB_ROW ? db_col_int64(st, 0) : -1;
			if (id != cur && cur) {
				struct cand *c = pool_find(p, cur);
				if (c)
					c->load = onb_max_overlap(s, e, n, from, until);
				n = 0;
			}
			if (rc != DB_ROW)
				break;
			cur = id;
			if (n < 64) {
				s[n] = db_col_date(st, 1);
				e[n] = db_col_date(st, 2);
				n++;
			}
		}
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("reading mentorships"));
	}
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].load >= app->cfg.mentor_max_mentees)
			p->v[i].load = -1;

	/* Long absences: the days each plans away in the period. */
	onb_cal_init(&cal, app, site, from);
	st = db_stmt(app->db, "SELECT person_id, day FROM presence WHERE location = 'away' "
	             "AND day BETWEEN ?1 AND ?2 ORDER BY person_id, day", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, until);
	{
		hop_date days[400], first, last;
		size_t n = 0;
		int64_t cur = 0;
		for (;;) {
			rc = db_step(st);
			int64_t id = rc == DB_ROW ? db_col_int64(st, 0) : -1;
			if (id != cur && cur) {
				struct cand *c = pool_find(p, cur);
				if (c && onb_away_run(&cal, days, n, &first, &last) >=
				         app->cfg.mentor_absence_days)
					c->load = -1;
				n = 0;
			}
			if (rc != DB_ROW)
				break;
			cur = id;
			if (n < 400)
				days[n++] = db_col_date(st, 1);
		}
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("reading presence"));
	}
	pool_compact(p);
	return HOP_OK;
}

/* The window: the first onboarding_office_weeks from start, at most what a
 * mask holds. */
static void pool_window(struct hop_app *app, hop_date start, struct pool *p)
{
	int days = 7 * app->cfg.onboarding_office_weeks;

	p->wfrom = start;
	p->wdays = days < 64 * MASK_WORDS ? days : 64 * MASK_WORDS;
}

/* Each candidate's office days in the window, from their plans (the day's
 * entry, a desk booked, the weekly default). */
static enum hop_status pool_office(struct hop_app *app, struct pool *p, struct hop_err *err)
{
	struct pr_plan plan;
	int64_t *ids;

	if (!p->n || !p->wdays)
		return HOP_OK;
	ids = malloc(p->n * sizeof *ids);
	if (!ids)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while suggesting mentors"));
	for (size_t i = 0; i < p->n; i++)
		ids[i] = p->v[i].p.id;
	enum hop_status st = pr_plan_load(app, 0, ids, p->n, p->wfrom, p->wdays, false, &plan, err);
	free(ids);
	if (st != HOP_OK)
		return st;
	for (size_t i = 0; i < p->n; i++) {
		size_t k;
		if (!pr_index_find(&plan.ix, p->v[i].p.id, &k))
			continue;
		for (int d = 0; d < p->wdays; d++)
			if (pr_plan_loc(&plan, k, d) == LOC_OFFICE)
				p->v[i].office.w[d / 64] |= 1ull << (d % 64);
	}
	pr_plan_free(&plan);
	return HOP_OK;
}

/* The new hire's office days in the window: working days they plan office
 * or nothing (a new hire's days default to the office). */
static enum hop_status hire_office(struct hop_app *app, const struct onb_newhire *nh,
                                   const struct pool *p, struct mask *m, struct hop_err *err)
{
	struct pr_plan plan;
	struct onb_cal cal;
	size_t k;

	memset(m, 0, sizeof *m);
	if (!p->wdays)
		return HOP_OK;
	if (pr_plan_load(app, 0, &nh->p.id, 1, p->wfrom, p->wdays, false, &plan, err) != HOP_OK)
		return err->status;
	onb_cal_init(&cal, app, nh->site, p->wfrom);
	bool found = pr_index_find(&plan.ix, nh->p.id, &k);
	for (int d = 0; d < p->wdays; d++) {
		enum presence_loc l = found ? pr_plan_loc(&plan, k, d) : LOC_NONE;
		if (onb_cal_working(&cal, p->wfrom + d) && (l == LOC_OFFICE || l == LOC_NONE))
			m->w[d / 64] |= 1ull << (d % 64);
	}
	pr_plan_free(&plan);
	return HOP_OK;
}

/* The lead of team_id (0: none). */
static enum hop_status lead_of(struct hop_app *app, int64_t team_id, int64_t *lead,
                               struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT coalesce(lead_id, 0) FROM team WHERE id = ?1",
	                           err);
	int rc;

	*lead = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	rc = db_step(st);
	if (rc == DB_ROW)
		*lead = db_col_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading teams"));
	return HOP_OK;
}

/* The candidate c for nh (whose lead is lead and office days m), or false
 * when c may not mentor them. */
static bool rate(const struct cand *c, const struct onb_newhire *nh, int64_t lead,
                 const struct mask *m, struct mentor_candidate *out)
{
	if (c->p.id == nh->p.id || c->p.id == lead)
		return false;
	memset(out, 0, sizeof *out);
	out->person = c->p;
	out->same_team = c->p.team_id && c->p.team_id == nh->team_id;
	out->load = c->load;
	out->window_days = mask_count(m);
	out->shared_days = mask_shared(m, &c->office);
	out->cost = (out->same_team ? 0 : COST_TEAM) + COST_LOAD * c->load +
	            (out->window_days - out->shared_days);
	return true;
}

static int by_cost(const void *a, const void *b)
{
	const struct mentor_candidate *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return (x->person.id > y->person.id) - (x->person.id < y->person.id);
}

enum hop_status mentor_suggest(struct hop_app *app, const char *newhire, int limit,
                               struct mentor_candidate_list *out, struct hop_err *err)
{
	struct onb_newhire nh;

	memset(out, 0, sizeof *out);
	if (onb_newhire_get(app, newhire, &nh, err) != HOP_OK)
		return err->status;
	/* Candidates' loads and plans are for those who choose the mentor. */
	if (authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK)
		return err->status;
	return onb_suggest(app, &nh, limit, out, err);
}

enum hop_status onb_suggest(struct hop_app *app, const struct onb_newhire *nh, int limit,
                            struct mentor_candidate_list *out, struct hop_err *err)
{
	struct pool p = { 0 };
	struct mask m;
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	int64_t lead;

	memset(out, 0, sizeof *out);
	onb_mentor_period(app, nh, &from, &until);
	pool_window(app, nh->p.start, &p);
	if (pool_load(app, from, until, nh->site, &p, err) != HOP_OK ||
	    pool_office(app, &p, err) != HOP_OK || hire_office(app, nh, &p, &m, err) != HOP_OK ||
	    lead_of(app, nh->team_id, &lead, err) != HOP_OK)
		goto fail;
	for (size_t i = 0; i < p.n; i++) {
		struct mentor_candidate c;
		if (!rate(&p.v[i], nh, lead, &m, &c))
			continue;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			hop_fail(err, HOP_ENOMEM, _("out of memory while suggesting mentors"));
			goto fail;
		}
		out->v[out->n++] = c;
	}
	qsort(out->v, out->n, sizeof *out->v, by_cost);
	if (limit > 0 && out->n > (size_t)limit)
		out->n = (size_t)limit;
	pool_free(&p);
	return HOP_OK;
fail:
	pool_free(&p);
	mentor_candidate_list_free(out);
	return err->status;
}

/* ---- a batch ---- */

struct hire {
	struct onb_newhire nh;
	struct mask office;
	int64_t lead;
	struct mentor_candidate keep[BATCH_KEEP];   /* the cheapest, best first */
	int nkeep;
	int arc[BATCH_KEEP];
};

/* Keep c among h's cheapest (an insertion into a short sorted array). */
static void keep(struct hire *h, const struct mentor_candidate *c)
{
	int i;

	if (h->nkeep == BATCH_KEEP) {
		if (by_cost(c, &h->keep[BATCH_KEEP - 1]) >= 0)
			return;
		i = BATCH_KEEP - 1;
	} else {
		i = h->nkeep++;
	}
	while (i > 0 && by_cost(c, &h->keep[i - 1]) < 0) {
		h->keep[i] = h->keep[i - 1];
		i--;
	}
	h->keep[i] = *c;
}

static enum hop_status read_hires(struct hop_app *app, hop_date day, struct hire **out,
                                  size_t *n, struct hop_err *err)
{
	struct db_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	st = db_stmt(app->db, "SELECT p.login FROM person p WHERE p.start_date = ?1 "
	             "AND (p.end_date IS NULL OR p.end_date >= ?1) AND NOT EXISTS ("
	             "SELECT 1 FROM mentorship m WHERE m.mentee_id = p.id "
	             "AND m.cancelled_at IS NULL AND m.end_on >= ?1) ORDER BY p.id", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, day);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(out, &cap, *n + 1, sizeof **out)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while suggesting mentors"));
		}
		memset(&(*out)[*n], 0, sizeof **out);
		db_col_copy(st, 0, (*out)[*n].nh.p.login, sizeof (*out)[*n].nh.p.login);
		(*n)++;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading people"));
	for (size_t i = 0; i < *n; i++) {
		struct onb_newhire *nh = &(*out)[i].nh;
		char login[HOP_LOGIN_MAX + 1];
		memcpy(login, nh->p.login, sizeof login);
		if (onb_newhire_get(app, login, nh, err) != HOP_OK ||
		    lead_of(app, nh->team_id, &(*out)[i].lead, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* The network: source -> each hire (1) -> its kept candidates (team and
 * days missed) -> each candidate's free places (the k-th costs the load it
 * makes) -> sink.  Solved, then read back into out. */
static enum hop_status solve(struct hop_app *app, struct hire *h, size_t nh,
                             struct pool *p, struct mentor_match_list *out,
                             struct hop_err *err)
{
	int64_t *ids = NULL;
	size_t nc = 0;
	struct mcf *g = NULL;
	enum hop_status st = HOP_OK;
	int flow;
	long cost;

	/* The candidates any hire kept, by id: nodes 2 + nh + index. */
	ids = malloc((nh * BATCH_KEEP + 1) * sizeof *ids);
	if (!ids)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while matching mentors"));
	for (size_t i = 0; i < nh; i++)
		for (int k = 0; k < h[i].nkeep; k++)
			ids[nc++] = h[i].keep[k].person.id;
	for (size_t i = 1; i < nc; i++)
		for (size_t j = i; j > 0 && ids[j - 1] > ids[j]; j--) {
			int64_t t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	size_t u = 0;
	for (size_t i = 0; i < nc; i++)
		if (!u || ids[u - 1] != ids[i])
			ids[u++] = ids[i];
	nc = u;
	g = mcf_new((int)(2 + nh + nc));
	if (!g) {
		free(ids);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while matching mentors"));
	}
	bool ok = true;
	for (size_t i = 0; ok && i < nh; i++) {
		ok = mcf_arc(g, 0, 2 + (int)i, 1, 0) >= 0;
		for (int k = 0; ok && k < h[i].nkeep; k++) {
			const struct mentor_candidate *c = &h[i].keep[k];
			size_t lo = 0, hi = nc;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (ids[mid] < c->person.id)
					lo = mid + 1;
				else
					hi = mid;
			}
			h[i].arc[k] = mcf_arc(g, 2 + (int)i, 2 + (int)nh + (int)lo, 1,
			                      c->cost - COST_LOAD * c->load);
			ok = h[i].arc[k] >= 0;
		}
	}
	for (size_t j = 0; ok && j < nc; j++) {
		const struct cand *c = pool_find(p, ids[j]);
		for (int k = c ? c->load : app->cfg.mentor_max_mentees;
		     ok && k < app->cfg.mentor_max_mentees; k++)
			ok = mcf_arc(g, 2 + (int)nh + (int)j, 1, 1, COST_LOAD * k) >= 0;
	}
	if (!ok || !mcf_run(g, 0, 1, &flow, &cost)) {
		st = hop_fail(err, HOP_ENOMEM, _("out of memory while matching mentors"));
		goto done;
	}
	out->total_cost = cost;
	for (size_t i = 0; i < nh; i++) {
		struct mentor_match *mm;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			st = hop_fail(err, HOP_ENOMEM, _("out of memory while matching mentors"));
			goto done;
		}
		mm = &out->v[out->n++];
		memset(mm, 0, sizeof *mm);
		mm->newhire = h[i].nh.p;
		for (int k = 0; k < h[i].nkeep; k++)
			if (mcf_flow(g, h[i].arc[k]) > 0)
				mm->mentor = h[i].keep[k];
	}
done:
	mcf_free(g);
	free(ids);
	return st;
}

enum hop_status mentor_suggest_batch(struct hop_app *app, hop_date day, bool assign,
                                     struct mentor_match_list *out, struct hop_err *err)
{
	struct hire *h = NULL;
	struct pool p = { 0 };
	size_t nh = 0;
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;

	memset(out, 0, sizeof *out);
	if (read_hires(app, day, &h, &nh, err) != HOP_OK)
		goto fail;
	if (!nh) {
		free(h);
		return HOP_OK;
	}
	/* Everyone in the batch starts on day: one period, one window. */
	onb_mentor_period(app, &h[0].nh, &from, &until);
	pool_window(app, day, &p);
	if (pool_load(app, from, until, h[0].nh.site, &p, err) != HOP_OK ||
	    pool_office(app, &p, err) != HOP_OK)
		goto fail;
	for (size_t i = 0; i < nh; i++) {
		if (hire_office(app, &h[i].nh, &p, &h[i].office, err) != HOP_OK)
			goto fail;
		for (size_t j = 0; j < p.n; j++) {
			struct mentor_candidate c;
			if (rate(&p.v[j], &h[i].nh, h[i].lead, &h[i].office, &c))
				keep(&h[i], &c);
		}
	}
	if (solve(app, h, nh, &p, out, err) != HOP_OK)
		goto fail;
	if (assign) {
		for (size_t i = 0; i < nh; i++)
			if (authz_onboarding_manage(app, &h[i].nh.p, h[i].nh.team_id, err) != HOP_OK)
				goto fail;
		if (db_begin(app->db, err) != HOP_OK)
			goto fail;
		for (size_t i = 0; i < out->n; i++) {
			if (!out->v[i].mentor.person.id)
				continue;
			if (onb_mentor_insert(app, &h[i].nh, &out->v[i].mentor.person, from, until, NULL,
			                      err) != HOP_OK) {
				db_rollback(app->db);
				goto fail;
			}
		}
		if (db_commit(app->db, err) != HOP_OK) {
			db_rollback(app->db);
			goto fail;
		}
	}
	pool_free(&p);
	free(h);
	return HOP_OK;
fail:
	pool_free(&p);
	free(h);
	mentor_match_list_free(out);
	return err->status;
}
