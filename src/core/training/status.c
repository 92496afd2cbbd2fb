/* The status of people under the requirements on a day: which requirements
 * apply to whom (scope, the dated team, site, employment), when each first
 * falls due (its trigger), the completions and exemptions; validity.c's
 * trn_status_of decides each one.  Who may see whose status is decided here
 * too: oneself, a lead their teams' members, HR and admins everyone. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/people/membership.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "status_int.h"

#define SEARCH_DAYS 60     /* a first working day, a first default home day: how far to look */

void trn_status_list_free(struct trn_status_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static bool applies(const struct st_req *r, const struct st_person *p)
{
	switch (r->scope) {
	case TRN_SCOPE_ALL:    return true;
	case TRN_SCOPE_ROLE:   return (p->roles & r->role) != 0;
	case TRN_SCOPE_TEAM:   return p->team_id == r->target;
	case TRN_SCOPE_SITE:   return p->site == r->target;
	case TRN_SCOPE_PERSON: return p->id == r->target;
	}
	return false;
}

/* Working days asked of many people share their sites and days (start
 * dates over decades, the weeks ahead): each site's years worked out whole
 * (workday_range: one query a year instead of some for every day asked;
 * asked day by day they were most of the coverage of everyone), remembered
 * for one computation.  A full table, or a year that cannot be read, asks
 * day by day. */
#define WORK_YEARS 512
struct workmemo {
	struct work_year {
		int64_t site;
		int year;                      /* 0: empty */
		hop_date jan1;
		unsigned char working[366];
	} y[WORK_YEARS];
};

static bool is_working(struct hop_app *app, struct workmemo *m, int64_t site, hop_date day)
{
	int year, mo, d;
	size_t h;

	if (!m || day == HOP_DATE_NONE)
		return workday_is_working(app, site, day);
	date_to_ymd(day, &year, &mo, &d);
	h = (size_t)(((uint64_t)site * 0x9E3779B97F4A7C15u) ^ (uint64_t)year) % WORK_YEARS;
	for (size_t i = 0; i < 16; i++, h = (h + 1) % WORK_YEARS) {
		struct work_year *w = &m->y[h];
		struct hop_err err;

		if (w->year == year && w->site == site)
			return w->working[day - w->jan1];
		if (w->year != 0)
			continue;
		w->jan1 = date_from_ymd(year, 1, 1);
		if (workday_range(app, site, w->jan1, date_from_ymd(year + 1, 1, 1) - w->jan1,
		                  w->working, &err) != HOP_OK)
			break;
		w->site = site;
		w->year = year;
		return w->working[day - w->jan1];
	}
	return workday_is_working(app, site, day);
}

static hop_date first_working(struct hop_app *app, struct workmemo *m, int64_t site,
                              hop_date from)
{
	for (int i = 0; i < SEARCH_DAYS; i++)
		if (is_working(app, m, site, from + i))
			return from + i;
	return from;
}

/* Is d a home or mobile day of p by their weekly default (no day entry of
 * its own says otherwise)? */
static bool default_home(struct hop_app *app, struct workmemo *m, const struct st_person *p,
                         hop_date d)
{
	struct hop_err err;
	struct db_stmt *st;
	bool own;

	if (!(p->home_days & (1u << date_weekday(d))) || !is_working(app, m, p->site, d))
		return false;
	st = db_stmt(app->db, "SELECT 1 FROM presence WHERE person_id = ?1 AND day = ?2", &err);
	if (!st)
		return true;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, d);
	own = db_step(st) == DB_ROW;
	db_reset(st);
	return !own;
}

/* The trigger: when the requirement first falls due for p (NONE: not yet). */
static hop_date first_due(struct hop_app *app, struct workmemo *m, const struct st_facts *f,
                          const struct st_req *r, const struct st_person *p)
{
	hop_date from, planned = HOP_DATE_NONE;
	size_t lo, hi;

	switch (r->trigger) {
	case TRN_TRIGGER_START:
		/* Before work starts: the first working day at their site; for
		 * those who started before the requirement, from its start. */
		from = first_working(app, m, p->site, p->start + r->grace);
		return from > r->from + r->grace ? from : r->from + r->grace;
	case TRN_TRIGGER_MOBILE:
		st_days_find(&f->mobile[r->mobile], p->id, &lo, &hi);
		if (lo < hi)
			planned = f->mobile[r->mobile].day[lo];
		from = p->start > r->from ? p->start : r->from;
		for (hop_date d = from; p->home_days && d < from + SEARCH_DAYS &&
		     (planned == HOP_DATE_NONE || d < planned); d++)
			if (default_home(app, m, p, d)) {
				planned = d;
				break;
			}
		/* Done before the first home or mobile day: due the day before. */
		return planned == HOP_DATE_NONE ? HOP_DATE_NONE : planned - 1;
	case TRN_TRIGGER_CHANGE:
		if (p->changed == HOP_DATE_NONE)
			return HOP_DATE_NONE;
		return p->changed > r->from ? p->changed + r->grace : r->from + r->grace;
	case TRN_TRIGGER_NONE:
		break;
	}
	return r->from > p->start ? r->from + r->grace : p->start + r->grace;
}

static hop_date exempt_until(const struct st_facts *f, int64_t req, int64_t pid)
{
	size_t a = 0, b = f->nex;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		const struct st_exempt *e = &f->ex[m];
		if (e->req < req || (e->req == req && e->pid < pid))
			a = m + 1;
		else if (e->req == req && e->pid == pid)
			return e->until;
		else
			b = m;
	}
	return HOP_DATE_NONE;
}

static void decide(struct hop_app *app, struct workmemo *m, const struct st_facts *f,
                   const struct st_req *r, const struct st_person *p, struct trn_status_row *row)
{
	const struct st_days *d = &f->recs[r->recs];
	struct trn_facts facts = { .day = f->day, .required = true, .warn_days = r->warn };
	struct trn_rule rule = r->rule;
	size_t lo, hi;

	row->person_id = p->id;
	memcpy(row->login, p->login, sizeof row->login);
	memcpy(row->name, p->name, sizeof row->name);
	row->team_id = p->team_id;
	row->roles = p->roles;
	row->requirement_id = r->id;
	row->course_id = r->course_id;
	memcpy(row->course, r->code, sizeof row->course);
	memcpy(row->title, r->title, sizeof row->title);
	/* JArbSchG § 29: juveniles are instructed at least every six months. */
	if (r->kind == TRN_INSTRUCTION && p->minor_until != HOP_DATE_NONE &&
	    p->minor_until >= f->day && rule.months > 1)
		rule.months /= 2;
	st_days_find(d, p->id, &lo, &hi);
	/* After a change of team only what was done since counts. */
	if (r->trigger == TRN_TRIGGER_CHANGE && p->changed != HOP_DATE_NONE)
		while (lo < hi && d->day[lo] < p->changed)
			lo++;
	facts.done = d->n ? d->day + lo : NULL;
	facts.n = hi - lo;
	facts.first_due = first_due(app, m, f, r, p);
	facts.exempt_until = exempt_until(f, r->id, p->id);
	trn_status_of(&rule, &facts, &row->st);
}

/* ---- who may see whom ---- */

struct seen {
	bool all;
	int64_t self;
	int64_t *teams;           /* the teams the actor leads */
	size_t n, cap;
};

static enum hop_status seen_load(struct hop_app *app, struct seen *s, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	s->self = app->actor.person.id;
	s->all = (app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;
	if (s->all || !(app->actor.roles & ROLE_LEAD))
		return HOP_OK;
	st = db_stmt(app->db, "SELECT id FROM team WHERE lead_id = ?1 AND dissolved_on IS NULL "
	             "ORDER BY id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, s->self);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&s->teams, &s->cap, s->n + 1, sizeof *s->teams)) {
			db_reset(st);
			free(s->teams);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading teams"));
		}
		s->teams[s->n++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(s->teams);
		return db_fail(app->db, err, _("reading teams"));
	}
	return HOP_OK;
}

static bool seen_may(const struct seen *s, const struct st_person *p)
{
	if (s->all || p->id == s->self)
		return true;
	for (size_t i = 0; i < s->n; i++)
		if (s->teams[i] == p->team_id && p->team_id)
			return true;
	return false;
}

/* ---- the status of many ---- */

static enum hop_status each(struct hop_app *app, const struct st_query *q,
                            const struct seen *s, trn_status_fn fn, void *ctx,
                            struct hop_err *err)
{
	struct st_facts f;
	struct trn_status_row *row = malloc(sizeof *row);
	struct workmemo *memo = calloc(1, sizeof *memo);   /* NULL: not remembered */
	enum hop_status rc = HOP_OK;

	if (!row) {
		free(memo);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading training status"));
	}
	if (st_load(app, q, &f, err) != HOP_OK) {
		free(row);
		free(memo);
		return err->status;
	}
	for (size_t i = 0; i < f.nreq && rc == HOP_OK; i++)
		for (size_t j = 0; j < f.npeople && rc == HOP_OK; j++) {
			const struct st_person *p = &f.people[j];
			if (!applies(&f.req[i], p) || (s && !seen_may(s, p)))
				continue;
			decide(app, memo, &f, &f.req[i], p, row);
			rc = fn(ctx, row, err);
		}
	st_free(&f);
	free(row);
	free(memo);
	return rc;
}

enum hop_status trn_status_each(struct hop_app *app, int64_t course_id, int64_t team_id,
                                hop_date day, trn_status_fn fn, void *ctx, struct hop_err *err)
{
	struct st_query q = { .course_id = course_id, .team_id = team_id, .day = day };
	struct seen s;
	enum hop_status rc;

	if (q.day == HOP_DATE_NONE)
		q.day = clock_today();
	if (seen_load(app, &s, err) != HOP_OK)
		return err->status;
	if (team_id && !s.all && !authz_leads_team(app, team_id)) {
		free(s.teams);
		return hop_fail(err, HOP_EPERM, _("only the team's lead, HR or an admin can see the "
		                "training status of a team"));
	}
	rc = each(app, &q, &s, fn, ctx, err);
	free(s.teams);
	return rc;
}

struct collect {
	struct trn_status_list *out;
	unsigned mask;
};

static enum hop_status collect_row(void *ctx, const struct trn_status_row *row,
                                   struct hop_err *err)
{
	struct collect *c = ctx;
	struct trn_status_list *l = c->out;

	if (!(c->mask & (1u << row->st.status)))
		return HOP_OK;
	if (!vec_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading training status"));
	l->v[l->n++] = *row;
	return HOP_OK;
}

enum hop_status trn_status_people(struct hop_app *app, int64_t course_id, int64_t team_id,
                                  hop_date day, unsigned mask, struct trn_status_list *out,
                                  struct hop_err *err)
{
	struct collect c = { out, mask };

	memset(out, 0, sizeof *out);
	if (trn_status_each(app, course_id, team_id, day, collect_row, &c, err) != HOP_OK) {
		trn_status_list_free(out);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status trn_status_person(struct hop_app *app, const char *login, hop_date day,
                                  struct trn_status_list *out, struct hop_err *err)
{
	struct collect c = { out, ~0u & ~(1u << TRN_NOT_REQUIRED) };
	struct st_query q = { .day = day != HOP_DATE_NONE ? day : clock_today() };
	struct hop_person p;
	int64_t team = 0;

	memset(out, 0, sizeof *out);
	if (!login || !*login) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		login = app->actor.login;
	}
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (membership_team_on(app, p.id, q.day > p.start ? q.day : p.start, &team, err) != HOP_OK)
		return err->status;
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (p.id != app->actor.person.id && !(app->actor.roles & (ROLE_HR | ROLE_ADMIN)) &&
	    !authz_leads_team(app, team))
		return hop_fail(err, HOP_EPERM, _("only %s, their team's lead, HR or an admin can see "
		                "their training status"), p.name);
	q.person_id = p.id;
	if (each(app, &q, NULL, collect_row, &c, err) != HOP_OK) {
		trn_status_list_free(out);
		return err->status;
	}
	return HOP_OK;
}
