/* Due days of onboarding steps: working days of the new hire's site, the new
 * hire's facts (team on the start date, site), their mentor on a day, and
 * talks with the mentor placed on days both plan to be in. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/people/membership.h"
#include "onb_int.h"
#include "../presence/presence_int.h"

/* Talks with the mentor look this many working days past their rule's day
 * for one both plan to be in. */
#define PLACE_WORKDAYS 10

void onb_cal_init(struct onb_cal *c, struct hop_app *app, int64_t site, hop_date start)
{
	c->app = app;
	c->site = site;
	c->base = start - ONB_CAL_BEFORE;
	memset(c->known, 0, sizeof c->known);
}

bool onb_cal_working(struct onb_cal *c, hop_date day)
{
	hop_date i = day - c->base;

	/* workday_is_working is the one rule; a policy that frees a day (such
	 * as 24 December) is added there and holds here too. */
	if (i < 0 || i >= ONB_CAL_DAYS)
		return workday_is_working(c->app, c->site, day);
	if (!c->known[i])
		c->known[i] = workday_is_working(c->app, c->site, day) ? 1 : 2;
	return c->known[i] == 1;
}

/* The first working day on or after day (a year at most: no site closes
 * longer). */
static hop_date forward(struct onb_cal *c, hop_date day)
{
	for (int i = 0; i < 366 && !onb_cal_working(c, day); i++)
		day++;
	return day;
}

hop_date onb_cal_due(struct onb_cal *c, hop_date start, const struct onb_offset *off)
{
	hop_date d;

	switch (off->unit) {
	case UNIT_WORKDAYS:
		if (off->n < 0) {
			/* "Two working days before the start": counted back from it. */
			d = start;
			for (int k = 0; k < -off->n; k++) {
				d--;
				for (int i = 0; i < 366 && !onb_cal_working(c, d); i++)
					d--;
			}
			return d;
		}
		/* Day 0 is the first working day: a start on a holiday moves it. */
		d = forward(c, start);
		for (int k = 0; k < off->n; k++)
			d = forward(c, d + 1);
		return d;
	case UNIT_DAYS:
		return forward(c, start + off->n);
	case UNIT_WEEKS:
		return forward(c, start + 7 * off->n);
	case UNIT_MONTHS:
		return forward(c, date_add_months(start, off->n));
	}
	return forward(c, start);
}

/* ---- the new hire ---- */

enum hop_status onb_newhire_facts(struct hop_app *app, struct onb_newhire *nh,
                                  struct hop_err *err)
{
	/* The team they join on their first day; for someone who has moved
	 * since, the team of today stands in when the start had none. */
	if (membership_team_on(app, nh->p.id, nh->p.start, &nh->team_id, err) != HOP_OK)
		return err->status;
	if (!nh->team_id)
		nh->team_id = nh->p.team_id;
	nh->site = 0;
	return pr_person_site(app, nh->p.id, nh->team_id, &nh->site, err);
}

enum hop_status onb_newhire_get(struct hop_app *app, const char *login, struct onb_newhire *nh,
                                struct hop_err *err)
{
	memset(nh, 0, sizeof *nh);
	if (!login) {
		if (!app->actor.known)
			return hop_fail(err, HOP_EINVAL, _("you (login '%s') are not registered in hop; "
			                "name the new hire"), app->actor.login);
		login = app->actor.login;
	}
	if (person_get(app, login, &nh->p, err) != HOP_OK)
		return err->status;
	return onb_newhire_facts(app, nh, err);
}

enum hop_status onb_open_of(struct hop_app *app, int64_t person_id, int64_t *id, hop_date *start,
                            struct hop_err *err)
{
	return onb_open_purpose(app, person_id, "onboarding", id, start, err);
}

enum hop_status onb_open_purpose(struct hop_app *app, int64_t person_id, const char *purpose,
                                 int64_t *id, hop_date *start, struct hop_err *err)
{
	/* One open per person and purpose (the index onboarding_open). */
	struct db_stmt *st = db_stmt(app->db, "SELECT id, start_on FROM onboarding "
	                           "WHERE person_id = ?1 AND purpose = ?2 AND state = 'open'", err);
	int rc;

	*id = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_text(st, 2, purpose);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		if (start)
			*start = db_col_date(st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboardings"));
	return HOP_OK;
}

enum hop_status onb_mentor_on(struct hop_app *app, int64_t person_id, hop_date day,
                              struct hop_person *mentor, hop_date *until, struct hop_err *err)
{
	/* The mentorship covering the day, else the next one to begin. */
	struct db_stmt *st = db_stmt(app->db, "SELECT p.login, m.end_on FROM mentorship m "
	                           "JOIN person p ON p.id = m.mentor_id WHERE m.mentee_id = ?1 "
	                           "AND m.cancelled_at IS NULL AND m.end_on >= ?2 "
	                           "ORDER BY m.start_on LIMIT 1", err);
	char login[HOP_LOGIN_MAX + 1] = "";
	int rc;

	memset(mentor, 0, sizeof *mentor);
	if (until)
		*until = HOP_DATE_NONE;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, login, sizeof login);
		if (until)
			*until = db_col_date(st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading mentorships"));
	if (!login[0])
		return HOP_OK;
	return person_get(app, login, mentor, err);
}

/* ---- talks on days both plan to be in ---- */

struct talk { int64_t id; struct onb_offset off; hop_date due; };

enum hop_status onb_place_talks(struct hop_app *app, int64_t onboarding_id,
                                const struct onb_newhire *nh, int64_t mentor_id,
                                struct hop_err *err)
{
	struct talk v[HOP_STEPS_MAX];
	size_t n = 0;
	struct onb_cal cal;
	struct pr_plan plan, theirs;
	hop_date lo = HOP_DATE_NONE, hi = HOP_DATE_NONE;
	struct db_stmt *st;
	int rc;

	if (!mentor_id)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT id, offset_n, offset_unit FROM onboarding_step "
	             "WHERE onboarding_id = ?1 AND owner = 'mentor' AND kind = 'talk' "
	             "AND due_fixed = 0 AND done_on IS NULL AND dropped_at IS NULL "
	             "ORDER BY position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, onboarding_id);
	onb_cal_init(&cal, app, nh->site, nh->p.start);
	while ((rc = db_step(st)) == DB_ROW && n < HOP_STEPS_MAX) {
		v[n].id = db_col_int64(st, 0);
		v[n].off.n = db_col_int(st, 1);
		v[n].off.unit = onb_unit_from_text(db_col_text(st, 2));
		n++;
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	if (!n)
		return HOP_OK;
	for (size_t i = 0; i < n; i++) {
		v[i].due = onb_cal_due(&cal, nh->p.start, &v[i].off);
		lo = lo == HOP_DATE_NONE || v[i].due < lo ? v[i].due : lo;
		hi = hi == HOP_DATE_NONE || v[i].due > hi ? v[i].due : hi;
	}
	/* Two weeks of working days past the last rule's day, with room for
	 * holidays.  A plan of one each: their own rows through their keys. */
	int ndays = (int)(hi - lo) + 3 * PLACE_WORKDAYS;
	if (pr_plan_load(app, 0, &nh->p.id, 1, lo, ndays, false, &plan, err) != HOP_OK)
		return err->status;
	if (pr_plan_load(app, 0, &mentor_id, 1, lo, ndays, false, &theirs, err) != HOP_OK) {
		pr_plan_free(&plan);
		return err->status;
	}
	st = db_stmt(app->db, "UPDATE onboarding_step SET due_on = ?2, sequence = sequence + 1 "
	             "WHERE id = ?1 AND due_on <> ?2", err);
	for (size_t i = 0; st && i < n; i++) {
		hop_date best = HOP_DATE_NONE, maybe = HOP_DATE_NONE;
		int seen = 0;
		for (hop_date d = v[i].due; seen <= PLACE_WORKDAYS && d < plan.from + plan.ndays; d++) {
			int k = (int)(d - plan.from);
			if (!onb_cal_working(&cal, d))
				continue;
			seen++;
			/* A new hire with nothing planned is in: their days default
			 * to the office. */
			enum presence_loc a = pr_plan_loc(&plan, 0, k), b = pr_plan_loc(&theirs, 0, k);
			bool nh_in = a == LOC_OFFICE || a == LOC_NONE;
			if (nh_in && b == LOC_OFFICE) {
				best = d;
				break;
			}
			/* Failing a day both have planned, one where neither is
			 * planned elsewhere. */
			if (nh_in && b == LOC_NONE && maybe == HOP_DATE_NONE)
				maybe = d;
		}
		if (best == HOP_DATE_NONE)
			best = maybe != HOP_DATE_NONE ? maybe : v[i].due;
		db_bind_int64(st, 1, v[i].id);
		db_bind_date(st, 2, best);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE) {
			pr_plan_free(&plan);
			pr_plan_free(&theirs);
			return db_fail(app->db, err, _("placing talks with the mentor"));
		}
	}
	pr_plan_free(&plan);
	pr_plan_free(&theirs);
	return st ? HOP_OK : err->status;
}
