/* Reading cohorts (cohort.h): the list, one cohort, the cohort as a
 * planning problem, its stored plan and the history of published changes.
 * HR and admins see everything; a trainee their cohort and own places; the
 * lead of a station's team that cohort and the places in their team. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "cohort_int.h"

void cohort_list_free(struct hop_cohort_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void cohort_change_list_free(struct cohort_change_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void read_cohort(struct db_stmt *st, void *out)
{
	struct hop_cohort *c = out;

	memset(c, 0, sizeof *c);
	c->id = db_col_int64(st, 0);
	db_col_copy(st, 1, c->name, sizeof c->name);
	c->start = db_col_date(st, 2);
	c->months = db_col_int(st, 3);
	c->ntrainees = (size_t)db_col_int64(st, 4);
	c->nstations = (size_t)db_col_int64(st, 5);
	c->nblocks = (size_t)db_col_int64(st, 6);
	c->nplaces = (size_t)db_col_int64(st, 7);
	db_col_copy(st, 8, c->published_at, sizeof c->published_at);
	c->published = c->published_at[0] != '\0';
}

#define COHORT_COLUMNS "SELECT c.id, c.name, c.start_on, c.months, " \
	"(SELECT count(*) FROM cohort_trainee x WHERE x.cohort_id = c.id), " \
	"(SELECT count(*) FROM cohort_station x WHERE x.cohort_id = c.id), " \
	"(SELECT count(*) FROM cohort_block x WHERE x.cohort_id = c.id), " \
	"(SELECT count(*) FROM cohort_plan x WHERE x.cohort_id = c.id), " \
	"coalesce(c.published_at, '') FROM cohort c "

enum hop_status cohort_list(struct hop_app *app, struct hop_cohort_list *out,
                            struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct hop_cohort), read_cohort, N_("out of memory while listing cohorts"),
		N_("listing cohorts"),
	};
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, COHORT_COLUMNS "WHERE ?1 = 1 "
	             "OR EXISTS (SELECT 1 FROM cohort_trainee x WHERE x.cohort_id = c.id "
	             "AND x.person_id = ?2) "
	             "OR EXISTS (SELECT 1 FROM cohort_station x JOIN team t ON t.id = x.team_id "
	             "WHERE x.cohort_id = c.id AND t.lead_id = ?2) "
	             "ORDER BY c.start_on, c.name", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, authz_cohort_all(app));
	db_bind_int64(st, 2, app->actor.person.id);
	return collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err);
}

/* The cohort named name, if the actor may see it. */
static enum hop_status find_visible(struct hop_app *app, const char *name, struct coh_row *c,
                                    struct hop_err *err)
{
	bool trainee, lead;

	if (authz_registered(app, err) != HOP_OK || coh_find(app, name, c, err) != HOP_OK ||
	    coh_roles(app, c->id, &trainee, &lead, err) != HOP_OK ||
	    authz_cohort_see(app, c->name, trainee, lead, err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

enum hop_status cohort_get(struct hop_app *app, const char *name, struct hop_cohort *out,
                           struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	bool found;

	memset(out, 0, sizeof *out);
	if (find_visible(app, name, &c, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, COHORT_COLUMNS "WHERE c.id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, c.id);
	return db_get(st, read_cohort, out, &found, _("reading cohorts"), err);
}

static enum hop_status oom(struct cohort_problem *p, struct hop_err *err)
{
	cohort_problem_free(p);
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading a cohort"));
}

static enum hop_status load_stations(struct hop_app *app, int64_t cohort_id,
                                     struct cohort_problem *p, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT s.team_id, t.name, s.months, s.min_trainees, "
	                           "s.max_trainees, s.required, s.first, coalesce(s.after_team_id, 0) "
	                           "FROM cohort_station s JOIN team t ON t.id = s.team_id "
	                           "WHERE s.cohort_id = ?1 ORDER BY s.position, s.id", err);
	int64_t *after = NULL;
	size_t cap = 0, acap = 0;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cohort_station_def *s;
		if (!vec_grow(&p->stations, &cap, p->nstations + 1, sizeof *p->stations) ||
		    !vec_grow(&after, &acap, p->nstations + 1, sizeof *after)) {
			db_reset(st);
			free(after);
			return oom(p, err);
		}
		s = &p->stations[p->nstations];
		memset(s, 0, sizeof *s);
		s->team_id = db_col_int64(st, 0);
		db_col_copy(st, 1, s->team, sizeof s->team);
		s->months = db_col_int(st, 2);
		s->min = db_col_int(st, 3);
		s->max = db_col_int(st, 4);
		s->required = db_col_int(st, 5) != 0;
		s->first = db_col_int(st, 6) != 0;
		s->after = -1;
		after[p->nstations++] = db_col_int64(st, 7);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(after);
		cohort_problem_free(p);
		return db_fail(app->db, err, _("reading a cohort's stations"));
	}
	for (size_t i = 0; i < p->nstations; i++)
		for (size_t j = 0; after[i] && j < p->nstations; j++)
			if (p->stations[j].team_id == after[i])
				p->stations[i].after = (int)j;
	free(after);
	return HOP_OK;
}

static enum hop_status load_trainees(struct hop_app *app, int64_t cohort_id,
                                     struct cohort_problem *p, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT p.id, p.login, p.name FROM cohort_trainee x "
	                           "JOIN person p ON p.id = x.person_id WHERE x.cohort_id = ?1 "
	                           "ORDER BY p.name COLLATE hop, p.login", err);
	size_t cap = 0;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cohort_trainee_def *t;
		if (!vec_grow(&p->trainees, &cap, p->ntrainees + 1, sizeof *p->trainees)) {
			db_reset(st);
			return oom(p, err);
		}
		t = &p->trainees[p->ntrainees++];
		memset(t, 0, sizeof *t);
		t->person_id = db_col_int64(st, 0);
		db_col_copy(st, 1, t->login, sizeof t->login);
		db_col_copy(st, 2, t->name, sizeof t->name);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		cohort_problem_free(p);
		return db_fail(app->db, err, _("reading a cohort's trainees"));
	}
	return HOP_OK;
}

static int trainee_index(const struct cohort_problem *p, int64_t person_id)
{
	for (size_t i = 0; i < p->ntrainees; i++)
		if (p->trainees[i].person_id == person_id)
			return (int)i;
	return -1;
}

static int station_index(const struct cohort_problem *p, int64_t team_id)
{
	for (size_t i = 0; i < p->nstations; i++)
		if (p->stations[i].team_id == team_id)
			return (int)i;
	return -1;
}

static int clip(const struct cohort_problem *p, int m)
{
	return m < 0 ? 0 : m >= p->months ? p->months - 1 : m;
}

static enum hop_status load_blocks(struct hop_app *app, int64_t cohort_id,
                                   struct cohort_problem *p, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT coalesce(person_id, 0), start_on, end_on, "
	                           "title FROM cohort_block WHERE cohort_id = ?1 "
	                           "ORDER BY start_on, id", err);
	size_t cap = 0;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cohort_block_def *b;
		int64_t person = db_col_int64(st, 0);
		if (!vec_grow(&p->blocks, &cap, p->nblocks + 1, sizeof *p->blocks)) {
			db_reset(st);
			return oom(p, err);
		}
		b = &p->blocks[p->nblocks++];
		memset(b, 0, sizeof *b);
		b->trainee = person ? trainee_index(p, person) : -1;
		b->start = db_col_date(st, 1);
		b->end = db_col_date(st, 2);
		db_col_copy(st, 3, b->title, sizeof b->title);
		b->from = clip(p, cohort_month_of(p, b->start));
		b->to = clip(p, cohort_month_of(p, b->end));
		/* A personal block of someone no longer in the cohort binds nobody. */
		if (person && b->trainee < 0)
			p->nblocks--;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		cohort_problem_free(p);
		return db_fail(app->db, err, _("reading a cohort's blocks"));
	}
	return HOP_OK;
}

enum hop_status cohort_problem_load(struct hop_app *app, const char *cohort,
                                    struct cohort_problem *out, struct hop_err *err)
{
	struct coh_row c;

	memset(out, 0, sizeof *out);
	if (find_visible(app, cohort, &c, err) != HOP_OK)
		return err->status;
	snprintf(out->name, sizeof out->name, "%s", c.name);
	out->start = c.start;
	out->months = c.months;
	if (load_stations(app, c.id, out, err) != HOP_OK ||
	    load_trainees(app, c.id, out, err) != HOP_OK ||
	    load_blocks(app, c.id, out, err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

static int place_order(const void *a, const void *b)
{
	const struct cohort_place *x = a, *y = b;

	if (x->trainee != y->trainee)
		return x->trainee < y->trainee ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

void coh_place_months(const struct cohort_problem *p, struct cohort_place *q)
{
	q->from = cohort_month_of(p, q->start);
	q->months = cohort_month_of(p, q->end) - q->from + 1;
}

enum hop_status cohort_plan_load(struct hop_app *app, const struct cohort_problem *p,
                                 struct cohort_plan *out, struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	int rc;

	memset(out, 0, sizeof *out);
	if (find_visible(app, p->name, &c, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT person_id, team_id, start_on, end_on FROM cohort_plan "
	             "WHERE cohort_id = ?1 AND (?2 = 1 OR person_id = ?3 "
	             "OR team_id IN (SELECT id FROM team WHERE lead_id = ?3))", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, c.id);
	db_bind_int(st, 2, authz_cohort_all(app));
	db_bind_int64(st, 3, app->actor.person.id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cohort_place *q;
		int t = trainee_index(p, db_col_int64(st, 0)), s = station_index(p, db_col_int64(st, 1));
		if (t < 0 || s < 0)
			continue;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			cohort_plan_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading a cohort"));
		}
		q = &out->v[out->n++];
		q->trainee = t;
		q->station = s;
		q->start = db_col_date(st, 2);
		q->end = db_col_date(st, 3);
		coh_place_months(p, q);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		cohort_plan_free(out);
		return db_fail(app->db, err, _("reading a cohort's plan"));
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, place_order);
	return HOP_OK;
}

static void read_change(struct db_stmt *st, void *out)
{
	struct cohort_change *h = out;

	memset(h, 0, sizeof *h);
	db_col_copy(st, 0, h->cohort, sizeof h->cohort);
	db_col_copy(st, 1, h->login, sizeof h->login);
	db_col_copy(st, 2, h->team, sizeof h->team);
	h->old_start = db_col_date(st, 3);
	h->old_end = db_col_date(st, 4);
	h->new_start = db_col_date(st, 5);
	h->new_end = db_col_date(st, 6);
	db_col_copy(st, 7, h->changed_at, sizeof h->changed_at);
	db_col_copy(st, 8, h->changed_by, sizeof h->changed_by);
}

enum hop_status cohort_history(struct hop_app *app, const char *cohort, const char *login,
                               struct cohort_change_list *out, struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct cohort_change), read_change,
		N_("out of memory while reading the history of a plan"),
		N_("reading the history of a plan"),
	};
	struct db_stmt *st;
	struct coh_row row = { 0 };
	struct hop_person p = { 0 };

	memset(out, 0, sizeof *out);
	if (login && *login) {
		if (authz_registered(app, err) != HOP_OK || person_get(app, login, &p, err) != HOP_OK ||
		    authz_cohort_history(app, &p, err) != HOP_OK)
			return err->status;
	} else if (authz_cohort_keep(app, err) != HOP_OK) {
		return err->status;
	}
	if (cohort && *cohort && coh_find(app, cohort, &row, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT c.name, p.login, t.name, h.old_start, h.old_end, "
	             "h.new_start, h.new_end, h.changed_at, h.changed_by "
	             "FROM cohort_plan_change h JOIN cohort c ON c.id = h.cohort_id "
	             "JOIN person p ON p.id = h.person_id JOIN team t ON t.id = h.team_id "
	             "WHERE (?1 = 0 OR h.cohort_id = ?1) AND (?2 = 0 OR h.person_id = ?2) "
	             "ORDER BY h.changed_at DESC, h.id DESC", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, row.id);
	db_bind_int64(st, 2, p.id);
	return collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err);
}
