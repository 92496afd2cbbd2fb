/* Storing a cohort's plan and publishing it (cohort.h).  Publishing turns
 * every place into a station membership of the trainee (it overlays their
 * post on its days); publishing again compares with the stations of the
 * cohort already there: unchanged ones stay, changed ones move (their feed
 * event's SEQUENCE grows), dropped ones go (or end yesterday when they have
 * begun), new ones are added.  Each change goes into the history the trainee
 * sees (MDBNDVerfSchVDV § 35: changes made known) and into the audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/membership.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "cohort_int.h"

enum hop_status cohort_plan_save(struct hop_app *app, const struct cohort_problem *p,
                                 const struct cohort_plan *pl, struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	char object[HOP_COHORT_NAME_MAX + 8], detail[80];

	if (authz_cohort_keep(app, err) != HOP_OK || coh_find(app, p->name, &c, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < pl->n; i++) {
		const struct cohort_place *q = &pl->v[i];
		if (q->trainee < 0 || (size_t)q->trainee >= p->ntrainees || q->station < 0 ||
		    (size_t)q->station >= p->nstations || q->start == HOP_DATE_NONE ||
		    q->end == HOP_DATE_NONE || q->end < q->start)
			return hop_fail(err, HOP_EINVAL, _("place %zu of the plan names no trainee or "
			                "station of cohort %s, or no days"), i + 1, c.name);
		for (size_t j = 0; j < i; j++)
			if (pl->v[j].trainee == q->trainee && pl->v[j].station == q->station)
				return hop_fail(err, HOP_EINVAL, _("the plan gives %s the station %s twice; a "
				                "plan can be stored with each station once per trainee"),
				                p->trainees[q->trainee].name, p->stations[q->station].team);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "DELETE FROM cohort_plan WHERE cohort_id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	if (db_run(st, _("storing a cohort's plan"), err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "INSERT INTO cohort_plan (cohort_id, person_id, team_id, start_on, "
	             "end_on) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		goto fail;
	for (size_t i = 0; i < pl->n; i++) {
		const struct cohort_place *q = &pl->v[i];
		db_bind_int64(st, 1, c.id);
		db_bind_int64(st, 2, p->trainees[q->trainee].person_id);
		db_bind_int64(st, 3, p->stations[q->station].team_id);
		db_bind_date(st, 4, q->start);
		db_bind_date(st, 5, q->end);
		if (db_run(st, _("storing a cohort's plan"), err) != HOP_OK)
			goto fail;
	}
	snprintf(object, sizeof object, "cohort:%s", c.name);
	snprintf(detail, sizeof detail, "%zu places", pl->n);
	return audit_commit(app, "cohort.plan", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

/* A station membership of the cohort as it is, and what publishing does
 * with it. */
struct cur {
	int64_t id, person_id, team_id;
	hop_date start, end;
	bool wanted;              /* a place of the plan is in the same team */
};
struct cur_list { struct cur *v; size_t n, cap; };

enum act { A_SAME, A_MOVE, A_ADD };
struct want {
	const struct cohort_place *q;
	enum act act;
	size_t cur;               /* index into the cur list (A_SAME, A_MOVE) */
	hop_date start, end;      /* where it goes */
	bool done;
};

struct pub {
	struct hop_app *app;
	const struct cohort_problem *p;
	struct coh_row c;
	struct cur_list cur;
	struct want *want;
	size_t nwant;
	hop_date today;
	char now[24];
};

static enum hop_status load_current(struct pub *b, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(b->app->db, "SELECT id, person_id, team_id, start_on, end_on "
	                           "FROM membership WHERE cohort_id = ?1 AND kind = 'station' "
	                           "ORDER BY person_id, start_on", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, b->c.id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct cur *m;
		if (!vec_grow(&b->cur.v, &b->cur.cap, b->cur.n + 1, sizeof *b->cur.v)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while publishing a plan"));
		}
		m = &b->cur.v[b->cur.n++];
		memset(m, 0, sizeof *m);
		m->id = db_col_int64(st, 0);
		m->person_id = db_col_int64(st, 1);
		m->team_id = db_col_int64(st, 2);
		m->start = db_col_date(st, 3);
		m->end = db_col_date(st, 4);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(b->app->db, err, _("reading team memberships"));
	return HOP_OK;
}

/* What to do with each place: compare with the stations already there. */
static void decide(struct pub *b, const struct cohort_plan *pl)
{
	for (size_t i = 0; i < pl->n; i++) {
		struct want *w = &b->want[i];
		const struct cohort_place *q = &pl->v[i];
		int64_t person = b->p->trainees[q->trainee].person_id;
		int64_t team = b->p->stations[q->station].team_id;

		w->q = q;
		w->act = A_ADD;
		w->start = q->start;
		w->end = q->end;
		for (size_t k = 0; k < b->cur.n; k++) {
			struct cur *m = &b->cur.v[k];
			if (m->wanted || m->person_id != person || m->team_id != team)
				continue;
			m->wanted = true;
			w->cur = k;
			/* What has begun keeps its first day. */
			if (m->start < b->today)
				w->start = m->start;
			w->act = m->start == w->start && m->end == w->end ? A_SAME : A_MOVE;
			break;
		}
	}
}

static enum hop_status record(struct pub *b, int64_t person_id, int64_t team_id,
                              hop_date os, hop_date oe, hop_date ns, hop_date ne,
                              struct hop_err *err)
{
	struct db_stmt *st = db_stmt(b->app->db, "INSERT INTO cohort_plan_change (cohort_id, "
	                           "person_id, team_id, old_start, old_end, new_start, new_end, "
	                           "changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	                           err);
	char object[HOP_LOGIN_MAX + 8] = "person:", detail[300], team[HOP_TEAM_NAME_MAX + 1] = "";
	char a[HOP_DATE_ISO_LEN], z[HOP_DATE_ISO_LEN], c[HOP_DATE_ISO_LEN], d[HOP_DATE_ISO_LEN];

	if (!st)
		return err->status;
	db_bind_int64(st, 1, b->c.id);
	db_bind_int64(st, 2, person_id);
	db_bind_int64(st, 3, team_id);
	db_bind_date(st, 4, os);
	db_bind_date(st, 5, oe);
	db_bind_date(st, 6, ns);
	db_bind_date(st, 7, ne);
	db_bind_text(st, 8, b->now);
	db_bind_text(st, 9, b->app->actor.login);
	if (db_run(st, _("recording a change of a plan"), err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < b->p->ntrainees; i++)
		if (b->p->trainees[i].person_id == person_id)
			snprintf(object, sizeof object, "person:%s", b->p->trainees[i].login);
	for (size_t i = 0; i < b->p->nstations; i++)
		if (b->p->stations[i].team_id == team_id)
			snprintf(team, sizeof team, "%s", b->p->stations[i].team);
	snprintf(detail, sizeof detail, "%s, station %s: %s%s%s -> %s%s%s", b->c.name, team,
	         coh_iso(os, a), os != HOP_DATE_NONE ? ".." : "(none)", coh_iso(oe, z),
	         coh_iso(ns, c), ns != HOP_DATE_NONE ? ".." : "(none)", coh_iso(ne, d));
	return audit_write(b->app, "cohort.publish", object, detail, err);
}

/* Dropped stations: gone when they have not begun, else ended yesterday;
 * one that is over stays as it was. */
static enum hop_status drop(struct pub *b, size_t *removed, struct hop_err *err)
{
	for (size_t k = 0; k < b->cur.n; k++) {
		struct cur *m = &b->cur.v[k];
		bool begun = m->start < b->today;
		if (m->wanted || (m->end != HOP_DATE_NONE && m->end < b->today))
			continue;
		if (membership_set_period(b->app, m->id, HOP_DATE_NONE, HOP_DATE_NONE, err) != HOP_OK ||
		    record(b, m->person_id, m->team_id, m->start, m->end,
		           begun ? m->start : HOP_DATE_NONE, begun ? b->today - 1 : HOP_DATE_NONE,
		           err) != HOP_OK)
			return err->status;
		if (begun)
			m->end = b->today - 1;
		else
			m->start = m->end = HOP_DATE_NONE;
		(*removed)++;
	}
	return HOP_OK;
}

static bool overlaps(hop_date s1, hop_date e1, hop_date s2, hop_date e2)
{
	if (s1 == HOP_DATE_NONE || s2 == HOP_DATE_NONE)
		return false;
	return s1 <= (e2 == HOP_DATE_NONE ? INT32_MAX : e2) &&
	       s2 <= (e1 == HOP_DATE_NONE ? INT32_MAX : e1);
}

/* May w move now, without overlapping another station of the person? */
static bool movable(const struct pub *b, const struct want *w)
{
	const struct cur *self = &b->cur.v[w->cur];

	for (size_t k = 0; k < b->cur.n; k++) {
		const struct cur *m = &b->cur.v[k];
		if (k != w->cur && m->person_id == self->person_id &&
		    overlaps(m->start, m->end, w->start, w->end))
			return false;
	}
	return true;
}

static enum hop_status move_to(struct pub *b, struct want *w, hop_date s, hop_date e,
                               struct hop_err *err)
{
	struct cur *m = &b->cur.v[w->cur];

	if (membership_set_period(b->app, m->id, s, e, err) != HOP_OK)
		return err->status;
	m->start = s;
	m->end = e;
	return HOP_OK;
}

/* Changed stations move.  Each moves when its new days are free of the
 * person's other stations; those that wait on each other (two swapped) are
 * first put aside, far in the future, then moved. */
static enum hop_status move(struct pub *b, struct hop_err *err)
{
	bool progress = true;
	hop_date aside = date_from_ymd(9000, 1, 1);

	while (progress) {
		progress = false;
		for (size_t i = 0; i < b->nwant; i++) {
			struct want *w = &b->want[i];
			if (w->act != A_MOVE || w->done || !movable(b, w))
				continue;
			if (move_to(b, w, w->start, w->end, err) != HOP_OK)
				return err->status;
			w->done = progress = true;
		}
	}
	for (size_t i = 0; i < b->nwant; i++) {
		struct want *w = &b->want[i];
		hop_date day = aside + (hop_date)i;
		if (w->act == A_MOVE && !w->done && move_to(b, w, day, day, err) != HOP_OK)
			return err->status;
	}
	for (size_t i = 0; i < b->nwant; i++) {
		struct want *w = &b->want[i];
		if (w->act == A_MOVE && !w->done && move_to(b, w, w->start, w->end, err) != HOP_OK)
			return err->status;
		w->done = true;
	}
	return HOP_OK;
}

/* Added and moved stations, with their history, and the stored plan kept
 * in step with the first days kept. */
static enum hop_status add_and_record(struct pub *b, const hop_date *old_start,
                                      const hop_date *old_end, struct hop_err *err)
{
	struct db_stmt *st;

	for (size_t i = 0; i < b->nwant; i++) {
		struct want *w = &b->want[i];
		int64_t person = b->p->trainees[w->q->trainee].person_id;
		int64_t team = b->p->stations[w->q->station].team_id;
		if (w->act == A_SAME)
			continue;
		if (w->act == A_ADD &&
		    membership_insert(b->app, person, team, MEMBER_STATION, w->start, w->end, b->c.id,
		                      NULL, err) != HOP_OK)
			return err->status;
		if (record(b, person, team, w->act == A_ADD ? HOP_DATE_NONE : old_start[i],
		           w->act == A_ADD ? HOP_DATE_NONE : old_end[i], w->start, w->end, err) != HOP_OK)
			return err->status;
		if (w->start == w->q->start)
			continue;
		st = db_stmt(b->app->db, "UPDATE cohort_plan SET start_on = ?4 WHERE cohort_id = ?1 "
		             "AND person_id = ?2 AND team_id = ?3", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, b->c.id);
		db_bind_int64(st, 2, person);
		db_bind_int64(st, 3, team);
		db_bind_date(st, 4, w->start);
		if (db_run(st, _("storing a cohort's plan"), err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* The onboarding engine for each trainee who moves to a station today or
 * later (added, or with a new first day): a handover for the team left, an
 * onboarding in the new one, where templates ask for them. */
static enum hop_status handover(struct pub *b, const hop_date *old_start, size_t *started,
                                struct hop_err *err)
{
	for (size_t i = 0; i < b->nwant; i++) {
		struct want *w = &b->want[i];
		int64_t person = b->p->trainees[w->q->trainee].person_id;
		int64_t team = b->p->stations[w->q->station].team_id, from = 0;
		struct onb_move_report r;
		if (w->act == A_SAME || w->start < b->today ||
		    (w->act == A_MOVE && w->start == old_start[i]))
			continue;
		if (membership_team_on(b->app, person, w->start - 1, &from, err) != HOP_OK)
			return err->status;
		if (from == team)
			continue;
		memset(&r, 0, sizeof r);
		if (onboarding_start_move(b->app, person, from, team, w->start, &r, err) != HOP_OK)
			return err->status;
		*started += r.onboarding;
	}
	return HOP_OK;
}

/* Refuse a plan that fails the check, naming how many and the first. */
static enum hop_status checked(const struct cohort_problem *p, const struct cohort_plan *pl,
                               struct hop_err *err)
{
	struct cohort_violation_list v = { 0 };
	char first[sizeof v.v->text];
	size_t n;

	if (!pl->n)
		return hop_fail(err, HOP_EINVAL, _("cohort %s has no plan to publish"), p->name);
	if (cohort_check(p, pl, &v, err) != HOP_OK)
		return err->status;
	n = v.n;
	snprintf(first, sizeof first, "%s", n ? v.v[0].text : "");
	cohort_violation_list_free(&v);
	if (n)
		return hop_fail(err, HOP_EINVAL, ngettext("the plan of cohort %s has %zu violation "
		                "and cannot be published: %s", "the plan of cohort %s has %zu "
		                "violations and cannot be published; the first: %s", n), p->name, n,
		                first);
	return HOP_OK;
}

enum hop_status cohort_publish(struct hop_app *app, const char *cohort, bool handover_too,
                               struct cohort_publish_report *out, struct hop_err *err)
{
	struct pub b = { .app = app, .today = clock_today() };
	struct cohort_problem p = { 0 };
	struct cohort_plan pl = { 0 };
	hop_date *os = NULL, *oe = NULL;
	struct db_stmt *st;
	char object[HOP_COHORT_NAME_MAX + 8], detail[200];

	memset(out, 0, sizeof *out);
	b.p = &p;
	clock_timestamp(b.now);
	if (authz_cohort_keep(app, err) != HOP_OK || coh_find(app, cohort, &b.c, err) != HOP_OK ||
	    cohort_problem_load(app, b.c.name, &p, err) != HOP_OK ||
	    cohort_plan_load(app, &p, &pl, err) != HOP_OK || checked(&p, &pl, err) != HOP_OK)
		goto out;
	b.nwant = pl.n;
	if (!(b.want = calloc(pl.n, sizeof *b.want)) || !(os = calloc(pl.n, sizeof *os)) ||
	    !(oe = calloc(pl.n, sizeof *oe))) {
		hop_fail(err, HOP_ENOMEM, _("out of memory while publishing a plan"));
		goto out;
	}
	if (db_begin(app->db, err) != HOP_OK)
		goto out;
	if (load_current(&b, err) != HOP_OK)
		goto fail;
	decide(&b, &pl);
	for (size_t i = 0; i < pl.n; i++) {
		struct want *w = &b.want[i];
		os[i] = w->act == A_ADD ? HOP_DATE_NONE : b.cur.v[w->cur].start;
		oe[i] = w->act == A_ADD ? HOP_DATE_NONE : b.cur.v[w->cur].end;
		out->added += w->act == A_ADD;
		out->changed += w->act == A_MOVE;
		out->unchanged += w->act == A_SAME;
	}
	if (drop(&b, &out->removed, err) != HOP_OK || move(&b, err) != HOP_OK ||
	    add_and_record(&b, os, oe, err) != HOP_OK ||
	    (handover_too && handover(&b, os, &out->onboardings, err) != HOP_OK))
		goto fail;
	st = db_stmt(app->db, "UPDATE cohort SET published_at = ?2 WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, b.c.id);
	db_bind_text(st, 2, b.now);
	if (db_run(st, _("publishing a plan"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "cohort:%s", b.c.name);
	snprintf(detail, sizeof detail, "added %zu, changed %zu, removed %zu, unchanged %zu%s",
	         out->added, out->changed, out->removed, out->unchanged,
	         handover_too ? ", with handover" : "");
	if (audit_commit(app, "cohort.publish", object, detail, err) != HOP_OK) {
		memset(out, 0, sizeof *out);
		goto out;
	}
	err->status = HOP_OK;
	goto out;
fail:
	db_rollback(app->db);
	memset(out, 0, sizeof *out);
out:
	free(b.want);
	free(b.cur.v);
	free(os);
	free(oe);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	return err->status;
}
