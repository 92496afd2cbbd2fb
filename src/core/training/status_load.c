/* Reading the facts of the status for a whole organisation at once: the
 * requirements in force, the people with their team that day, their sites,
 * changes of team and first home days, each course's completions in one
 * ordered pass, and the exemptions.  A fixed number of queries however many
 * people there are (the benchmark: 20,000 people, a million records). */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/people/membership.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "status_int.h"

/* One person (parameter N non-zero) or everyone (0), written so that the
 * person index stays usable: "?N = 0 OR col = ?N" scans every row. */
#define ONE_OR_ALL(col, n) col " BETWEEN ?" n " AND (CASE WHEN ?" n " = 0 THEN " \
	"9223372036854775807 ELSE ?" n " END) "
/* A team's members (and some who were: the caller passes over people it did
 * not read), for the side facts of a team's status: the team's memberships
 * drive the look-ups instead of a pass over everyone's rows. */
#define IN_TEAM(col, t, d) "AND " col " IN (SELECT tm.person_id FROM membership tm " \
	"WHERE tm.team_id = ?" t " AND (tm.end_on IS NULL OR tm.end_on >= ?" d ")) "

static enum hop_status nomem(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading training status"));
}

static bool days_push(struct st_days *d, int64_t pid, hop_date day)
{
	size_t cap = d->cap;

	if (d->n + 1 > cap) {
		size_t c2 = cap;
		if (!vec_grow(&d->pid, &c2, d->n + 1, sizeof *d->pid))
			return false;
		if (!vec_grow(&d->day, &cap, d->n + 1, sizeof *d->day))
			return false;
		d->cap = cap < c2 ? cap : c2;
	}
	d->pid[d->n] = pid;
	d->day[d->n++] = day;
	return true;
}

static void days_free(struct st_days *d)
{
	free(d->pid);
	free(d->day);
	memset(d, 0, sizeof *d);
}

void st_days_find(const struct st_days *d, int64_t pid, size_t *lo, size_t *hi)
{
	size_t a = 0, b = d->n;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (d->pid[m] < pid)
			a = m + 1;
		else
			b = m;
	}
	*lo = *hi = a;
	while (*hi < d->n && d->pid[*hi] == pid)
		(*hi)++;
}

/* Read st's rows of (person, day) into d. */
static enum hop_status days_read(struct hop_app *app, struct db_stmt *st, struct st_days *d,
                                 struct hop_err *err)
{
	int rc;

	while ((rc = db_step(st)) == DB_ROW)
		if (!days_push(d, db_col_int64(st, 0), db_col_date(st, 1))) {
			db_reset(st);
			return nomem(err);
		}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading training status"));
}

void st_free(struct st_facts *f)
{
	for (size_t i = 0; i < f->nrecs; i++)
		days_free(&f->recs[i]);
	for (size_t i = 0; i < f->nmobile; i++)
		days_free(&f->mobile[i]);
	free(f->recs);
	free(f->recs_course);
	free(f->mobile);
	free(f->req);
	free(f->people);
	free(f->ex);
	memset(f, 0, sizeof *f);
}

/* ---- requirements ---- */

static void read_req(struct db_stmt *st, struct st_req *r)
{
	const char *anchor = db_col_text(st, 11);
	const char *scope = db_col_text(st, 5), *trigger = db_col_text(st, 15);
	static const char *const scopes[] = { "all", "role", "team", "site", "person" };
	static const char *const triggers[] = { "none", "start", "mobile", "change" };

	memset(r, 0, sizeof *r);
	r->id = db_col_int64(st, 0);
	r->course_id = db_col_int64(st, 1);
	db_col_copy(st, 2, r->code, sizeof r->code);
	db_col_copy(st, 3, r->title, sizeof r->title);
	r->kind = trn_kind_from_text(db_col_text(st, 4));
	for (int i = 0; i < 5; i++)
		if (scope && strcmp(scope, scopes[i]) == 0)
			r->scope = (enum trn_scope)i;
	r->role = (unsigned)db_col_int(st, 6);
	r->target = db_col_int64(st, 7);
	r->rule.months = db_col_int(st, 8);
	r->rule.renewal_days = db_col_int(st, 9);
	r->rule.calendar = db_col_text(st, 10) && strcmp(db_col_text(st, 10), "calendar") == 0;
	r->rule.anchor_month = r->rule.anchor_day = 1;
	if (r->rule.calendar && anchor && strlen(anchor) == 5) {
		r->rule.anchor_month = atoi(anchor);
		r->rule.anchor_day = atoi(anchor + 3);
	}
	r->grace = db_col_int(st, 12);
	r->warn = db_col_int(st, 13);
	r->from = db_col_date(st, 14);
	for (int i = 0; i < 4; i++)
		if (trigger && strcmp(trigger, triggers[i]) == 0)
			r->trigger = (enum trn_trigger)i;
	r->until = db_col_date(st, 16);
}

static enum hop_status load_reqs(struct hop_app *app, const struct st_query *q,
                                 struct st_facts *f, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT r.id, r.course_id, c.code, c.title, c.kind, "
	                           "r.scope, coalesce(r.role, 0), "
	                           "coalesce(r.team_id, r.site_id, r.person_id, 0), "
	                           "coalesce(r.interval_months, c.validity_months, 0), c.renewal_days, "
	                           "r.anchor, r.anchor_mmdd, r.grace_days, r.warn_days, r.from_on, "
	                           "r.trigger_on, r.until_on FROM requirement r "
	                           "JOIN course c ON c.id = r.course_id WHERE r.ended_at IS NULL "
	                           "AND r.from_on <= ?1 AND (r.until_on IS NULL OR r.until_on >= ?1) "
	                           "AND (?2 = 0 OR r.course_id = ?2) ORDER BY c.code, r.id", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_date(st, 1, q->day);
	db_bind_int64(st, 2, q->course_id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&f->req, &f->capreq, f->nreq + 1, sizeof *f->req)) {
			db_reset(st);
			return nomem(err);
		}
		read_req(st, &f->req[f->nreq++]);
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading requirements"));
}

/* ---- people ---- */

static enum hop_status load_people(struct hop_app *app, const struct st_query *q,
                                   struct st_facts *f, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	/* Someone not started yet counts in the team they join: the safety
	 * instruction is due before their first day. */
	if (q->team_id)
		/* CROSS JOIN keeps SQLite's order: the team's memberships first
		 * (index membership_team), then each member, never the other way
		 * round over the whole organisation; plain SQL elsewhere. */
		st = db_stmt(app->db, "SELECT p.id, p.login, p.name, p.roles, p.start_date, "
		             "p.end_date, p.minor_until, m.team_id FROM membership m CROSS JOIN "
		             "person p WHERE m.person_id = p.id AND m.team_id = ?3 AND "
		             MEMBERSHIP_ON_SQL("(CASE WHEN ?1 > p.start_date THEN ?1 ELSE p.start_date END)")
		             "AND (p.end_date IS NULL OR p.end_date >= ?1) AND " ONE_OR_ALL("p.id", "2")
		             "GROUP BY p.id, m.team_id ORDER BY p.name COLLATE hop, p.login", err);
	else
		st = db_stmt(app->db, "SELECT p.id, p.login, p.name, p.roles, p.start_date, "
		             "p.end_date, p.minor_until, coalesce((SELECT m.team_id FROM membership m "
		             "WHERE m.person_id = p.id AND " MEMBERSHIP_ON_SQL("(CASE WHEN ?1 > p.start_date THEN ?1 ELSE p.start_date END)")
		             "LIMIT 1), 0) FROM person p "
		             "WHERE (p.end_date IS NULL OR p.end_date >= ?1) AND " ONE_OR_ALL("p.id", "2")
		             "AND ?3 = 0 ORDER BY p.name COLLATE hop, p.login", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, q->day);
	db_bind_int64(st, 2, q->person_id);
	db_bind_int64(st, 3, q->team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct st_person *p;
		if (!vec_grow(&f->people, &f->cappeople, f->npeople + 1, sizeof *f->people)) {
			db_reset(st);
			return nomem(err);
		}
		p = &f->people[f->npeople++];
		memset(p, 0, sizeof *p);
		p->id = db_col_int64(st, 0);
		db_col_copy(st, 1, p->login, sizeof p->login);
		db_col_copy(st, 2, p->name, sizeof p->name);
		p->roles = (unsigned)db_col_int(st, 3);
		p->start = db_col_date(st, 4);
		p->end = db_col_date(st, 5);
		p->minor_until = db_col_date(st, 6);
		p->team_id = db_col_int64(st, 7);
		p->changed = HOP_DATE_NONE;
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading people"));
}

static int by_id(const void *a, const void *b)
{
	const struct st_person *x = *(const struct st_person *const *)a;
	const struct st_person *y = *(const struct st_person *const *)b;
	return (x->id > y->id) - (x->id < y->id);
}

static struct st_person *find(struct st_person **ix, size_t n, int64_t id)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (ix[m]->id < id)
			a = m + 1;
		else if (ix[m]->id > id)
			b = m;
		else
			return ix[m];
	}
	return NULL;
}

/* IN_TEAM's two parameters from n: the team and the day. */
static void bind_team(struct db_stmt *st, bool team, int n, const struct st_query *q)
{
	if (team) {
		db_bind_int64(st, n, q->team_id);
		db_bind_date(st, n + 1, q->day);
	}
}

/* Sites (fixed desk, else the team's first zone), changes of team and home
 * defaults of the people read, each in one query over everyone (or one). */
static enum hop_status load_person_facts(struct hop_app *app, const struct st_query *q,
                                         struct st_facts *f, struct st_person **ix,
                                         struct hop_err *err)
{
	struct db_stmt *st;
	struct st_days teams = { 0 };
	struct st_person *p;
	int rc;
	size_t lo, hi;
	bool by_team = q->team_id && !q->person_id;

	st = db_stmt(app->db, "SELECT z.team_id, f.site_id FROM zone z JOIN floor f "
	             "ON f.id = z.floor_id WHERE z.team_id IS NOT NULL ORDER BY z.team_id, z.id", err);
	if (!st)
		goto fail;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t team = db_col_int64(st, 0);
		/* The team's first zone decides, as in pr_team_site (the pairs
		 * hold the site's id where they otherwise hold a day). */
		if (teams.n && teams.pid[teams.n - 1] == team)
			continue;
		if (!days_push(&teams, team, (hop_date)db_col_int64(st, 1))) {
			db_reset(st);
			nomem(err);
			goto fail;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		goto dbfail;
	for (size_t i = 0; i < f->npeople; i++) {
		st_days_find(&teams, f->people[i].team_id, &lo, &hi);
		if (f->people[i].team_id && lo < hi)
			f->people[i].site = teams.day[lo];
	}
	days_free(&teams);
	if (by_team)
		st = db_stmt(app->db, "SELECT d.owner_id, f.site_id FROM desk d JOIN zone z "
		             "ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id "
		             "WHERE d.owner_id IS NOT NULL AND d.retired_on IS NULL AND ?1 = 0 "
		             IN_TEAM("d.owner_id", "2", "3") "ORDER BY d.owner_id, d.id DESC", err);
	else
		st = db_stmt(app->db, "SELECT d.owner_id, f.site_id FROM desk d JOIN zone z "
		             "ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id "
		             "WHERE d.owner_id IS NOT NULL AND d.retired_on IS NULL "
		             "AND " ONE_OR_ALL("d.owner_id", "1") "ORDER BY d.owner_id, d.id DESC", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, q->person_id);
	bind_team(st, by_team, 2, q);
	/* The lowest desk id comes last and wins, as in pr_person_site. */
	while ((rc = db_step(st)) == DB_ROW)
		if ((p = find(ix, f->npeople, db_col_int64(st, 0))))
			p->site = db_col_int64(st, 1);
	db_reset(st);
	if (rc != DB_DONE)
		goto dbfail;
	if (by_team)
		st = db_stmt(app->db, "SELECT m.person_id, max(m.start_on) FROM membership m "
		             "JOIN person p ON p.id = m.person_id WHERE m.kind IN ('post', 'station') "
		             "AND m.start_on > p.start_date AND m.start_on <= ?1 AND ?2 = 0 "
		             IN_TEAM("m.person_id", "3", "4") "GROUP BY m.person_id", err);
	else
		st = db_stmt(app->db, "SELECT m.person_id, max(m.start_on) FROM membership m "
		             "JOIN person p ON p.id = m.person_id WHERE m.kind IN ('post', 'station') "
		             "AND m.start_on > p.start_date AND m.start_on <= ?1 "
		             "AND " ONE_OR_ALL("m.person_id", "2") "GROUP BY m.person_id", err);
	if (!st)
		goto fail;
	db_bind_date(st, 1, f->day);
	db_bind_int64(st, 2, q->person_id);
	bind_team(st, by_team, 3, q);
	while ((rc = db_step(st)) == DB_ROW)
		if ((p = find(ix, f->npeople, db_col_int64(st, 0))))
			p->changed = db_col_date(st, 1);
	db_reset(st);
	if (rc != DB_DONE)
		goto dbfail;
	if (by_team)
		st = db_stmt(app->db, "SELECT person_id, weekday FROM presence_default "
		             "WHERE location IN ('home', 'mobile') AND ?1 = 0 "
		             IN_TEAM("person_id", "2", "3"), err);
	else
		st = db_stmt(app->db, "SELECT person_id, weekday FROM presence_default "
		             "WHERE location IN ('home', 'mobile') AND " ONE_OR_ALL("person_id", "1"), err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, q->person_id);
	bind_team(st, by_team, 2, q);
	while ((rc = db_step(st)) == DB_ROW)
		if ((p = find(ix, f->npeople, db_col_int64(st, 0))))
			p->home_days |= 1u << (db_col_int(st, 1) & 7);
	db_reset(st);
	if (rc != DB_DONE)
		goto dbfail;
	return HOP_OK;
dbfail:
	db_fail(app->db, err, _("reading training status"));
fail:
	days_free(&teams);
	return err->status;
}

/* ---- completions, first home days, exemptions ---- */

static enum hop_status load_records(struct hop_app *app, const struct st_query *q,
                                    struct st_facts *f, struct hop_err *err)
{
	struct db_stmt *st;

	f->recs = calloc(f->nreq ? f->nreq : 1, sizeof *f->recs);
	f->recs_course = calloc(f->nreq ? f->nreq : 1, sizeof *f->recs_course);
	f->mobile = calloc(f->nreq ? f->nreq : 1, sizeof *f->mobile);
	if (!f->recs || !f->recs_course || !f->mobile)
		return nomem(err);
	for (size_t i = 0; i < f->nreq; i++) {
		struct st_req *r = &f->req[i];
		size_t k = 0;
		while (k < f->nrecs && f->recs_course[k] != r->course_id)
			k++;
		r->recs = k;
		if (k == f->nrecs) {
			/* One ordered pass over the course's live completions
			 * (the index training_record_course). */
			if (q->person_id)
				st = db_stmt(app->db, "SELECT person_id, done_on FROM training_record "
				             "WHERE course_id = ?1 AND person_id = ?2 AND revoked_at IS NULL "
				             "AND result IN ('passed', 'attended') ORDER BY done_on", err);
			else if (q->team_id)
				/* A team's members only, through the same index. */
				st = db_stmt(app->db, "SELECT t.person_id, t.done_on FROM membership m "
				             "CROSS JOIN person p CROSS JOIN training_record t "
				             "WHERE m.team_id = ?3 AND m.person_id = p.id AND "
				             MEMBERSHIP_ON_SQL("(CASE WHEN ?4 > p.start_date THEN ?4 ELSE p.start_date END)")
				             "AND t.course_id = ?1 AND t.person_id = p.id "
				             "AND t.revoked_at IS NULL AND t.result IN ('passed', 'attended') "
				             "AND ?2 = 0 ORDER BY t.person_id, t.done_on", err);
			else
				st = db_stmt(app->db, "SELECT person_id, done_on FROM training_record "
				             "WHERE course_id = ?1 AND revoked_at IS NULL AND ?2 = 0 "
				             "AND result IN ('passed', 'attended') ORDER BY person_id, done_on",
				             err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, r->course_id);
			db_bind_int64(st, 2, q->person_id);
			if (q->team_id && !q->person_id) {
				db_bind_int64(st, 3, q->team_id);
				db_bind_date(st, 4, q->day);
			}
			f->recs_course[f->nrecs++] = r->course_id;
			if (days_read(app, st, &f->recs[k], err) != HOP_OK)
				return err->status;
		}
		if (r->trigger != TRN_TRIGGER_MOBILE)
			continue;
		if (q->team_id && !q->person_id)
			/* A team's members (and some who were, whom the caller
			 * passes over): their home days through the presence key,
			 * not every home day of the organisation. */
			st = db_stmt(app->db, "SELECT pr.person_id, min(pr.day) FROM membership m "
			             "CROSS JOIN person p CROSS JOIN presence pr "
			             "WHERE p.id = m.person_id AND pr.person_id = m.person_id "
			             "AND pr.location IN ('home', 'mobile') AND pr.day >= p.start_date "
			             "AND pr.day >= ?1 AND m.team_id = ?3 AND ?2 = 0 "
			             "AND (m.end_on IS NULL OR m.end_on >= ?4) "
			             "GROUP BY pr.person_id ORDER BY pr.person_id", err);
		else
			st = db_stmt(app->db, "SELECT pr.person_id, min(pr.day) FROM presence pr "
			             "JOIN person p ON p.id = pr.person_id "
			             "WHERE pr.location IN ('home', 'mobile') AND pr.day >= p.start_date "
			             "AND pr.day >= ?1 AND " ONE_OR_ALL("pr.person_id", "2")
			             "GROUP BY pr.person_id ORDER BY pr.person_id", err);
		if (!st)
			return err->status;
		db_bind_date(st, 1, r->from);
		db_bind_int64(st, 2, q->person_id);
		if (q->team_id && !q->person_id) {
			db_bind_int64(st, 3, q->team_id);
			db_bind_date(st, 4, q->day);
		}
		r->mobile = f->nmobile++;
		if (days_read(app, st, &f->mobile[r->mobile], err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static enum hop_status load_exemptions(struct hop_app *app, const struct st_query *q,
                                       struct st_facts *f, struct hop_err *err)
{
	bool by_team = q->team_id && !q->person_id;
	struct db_stmt *st = by_team ?
		db_stmt(app->db, "SELECT requirement_id, person_id, max(until_on) "
		        "FROM exemption WHERE revoked_at IS NULL AND until_on >= ?1 AND ?2 = 0 "
		        IN_TEAM("person_id", "3", "4") "GROUP BY requirement_id, person_id "
		        "ORDER BY requirement_id, person_id", err) :
		db_stmt(app->db, "SELECT requirement_id, person_id, max(until_on) "
		        "FROM exemption WHERE revoked_at IS NULL AND until_on >= ?1 "
		        "AND " ONE_OR_ALL("person_id", "2") "GROUP BY requirement_id, person_id "
		        "ORDER BY requirement_id, person_id", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_date(st, 1, f->day);
	db_bind_int64(st, 2, q->person_id);
	bind_team(st, by_team, 3, q);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&f->ex, &f->capex, f->nex + 1, sizeof *f->ex)) {
			db_reset(st);
			return nomem(err);
		}
		f->ex[f->nex].req = db_col_int64(st, 0);
		f->ex[f->nex].pid = db_col_int64(st, 1);
		f->ex[f->nex++].until = db_col_date(st, 2);
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading exemptions"));
}

enum hop_status st_load(struct hop_app *app, const struct st_query *q, struct st_facts *f,
                        struct hop_err *err)
{
	struct st_person **ix = NULL;
	enum hop_status rc;

	memset(f, 0, sizeof *f);
	f->day = q->day;
	if (load_reqs(app, q, f, err) != HOP_OK)
		goto fail;
	if (!f->nreq)
		return HOP_OK;
	if (load_people(app, q, f, err) != HOP_OK)
		goto fail;
	ix = malloc((f->npeople ? f->npeople : 1) * sizeof *ix);
	if (!ix) {
		nomem(err);
		goto fail;
	}
	for (size_t i = 0; i < f->npeople; i++)
		ix[i] = &f->people[i];
	qsort(ix, f->npeople, sizeof *ix, by_id);
	rc = load_person_facts(app, q, f, ix, err);
	free(ix);
	if (rc != HOP_OK || load_records(app, q, f, err) != HOP_OK ||
	    load_exemptions(app, q, f, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	st_free(f);
	return err->status;
}
