/* The plan: effective locations of many people over a stretch of days (the
 * day's entry, else the weekly default), read with three queries whatever the
 * number of people (for one person, queries on that person's keys alone: a
 * calendar feed loads 20,000 plans of one); and the team's site, working days
 * and team days around it. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/people/membership.h"
#include "presence_int.h"

void pr_plan_free(struct pr_plan *p)
{
	pr_index_free(&p->ix);
	free(p->loc);
	free(p->src);
	free(p->note);
	free(p->set_by);
	memset(p, 0, sizeof *p);
}

/* Bind a plan query's parameters: ?1 the team (0 = any), ?2 and ?3 the first
 * and last day, ?4 the one person of a plan of one. */
static void bind_plan(struct db_stmt *st, int64_t team_id, const struct pr_plan *p)
{
	db_bind_int64(st, 1, team_id);
	db_bind_date(st, 2, p->from);
	db_bind_date(st, 3, p->from + p->ndays - 1);
	if (p->n == 1)
		db_bind_int64(st, 4, p->ix.id[0]);
}

static enum hop_status read_defaults(struct hop_app *app, int64_t team_id, struct pr_plan *p,
                                     struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	if (p->n == 1)
		st = db_stmt(app->db, "SELECT person_id, weekday, location FROM presence_default "
		             "WHERE person_id = ?2", err);
	else if (team_id)
		st = db_stmt(app->db, "SELECT d.person_id, d.weekday, d.location FROM presence_default d "
		             "WHERE d.person_id IN (SELECT m.person_id FROM membership m "
		             "WHERE m.team_id = ?1 AND m.kind <> 'acting' AND m.start_on <= ?3 "
		             "AND (m.end_on IS NULL OR m.end_on >= ?2))", err);
	else
		st = db_stmt(app->db, "SELECT person_id, weekday, location FROM presence_default", err);
	if (!st)
		return err->status;
	if (p->n == 1)
		db_bind_int64(st, 2, p->ix.id[0]);
	else if (team_id)
		bind_plan(st, team_id, p);
	while ((rc = db_step(st)) == DB_ROW) {
		size_t i;
		int wd = db_col_int(st, 1);
		enum presence_loc loc = pr_loc_from_text(db_col_text(st, 2));

		if (!pr_index_find(&p->ix, db_col_int64(st, 0), &i))
			continue;
		for (int d = 0; d < p->ndays; d++) {
			if (date_weekday(p->from + d) != wd)
				continue;
			p->loc[i * (size_t)p->ndays + (size_t)d] = (unsigned char)loc;
			p->src[i * (size_t)p->ndays + (size_t)d] = PSRC_DEFAULT;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading weekly defaults"));
	return HOP_OK;
}

/* Step st (rows of person_id, day, ...) to its end; fill the cell of each row
 * that falls inside the plan.  what: the failure's words, translated. */
static enum hop_status read_cells(struct hop_app *app, struct db_stmt *st, struct pr_plan *p,
                                  void (*fill)(struct pr_plan *p, size_t k, struct db_stmt *st),
                                  const char *what, struct hop_err *err)
{
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		size_t i;
		hop_date day = db_col_date(st, 1);

		if (day == HOP_DATE_NONE || day < p->from || day >= p->from + p->ndays ||
		    !pr_index_find(&p->ix, db_col_int64(st, 0), &i))
			continue;
		fill(p, i * (size_t)p->ndays + (size_t)(day - p->from), st);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, what);
	return HOP_OK;
}

/* The step after the weekly default: a new hire's (onboarding's) weekdays in their first
 * [policy] onboarding_office_weeks with nothing else set are office days.
 * A default, a booking or an entry (read after) wins: a default, not a rule. */
static enum hop_status read_onboarding(struct hop_app *app, struct pr_plan *p,
                                       struct hop_err *err)
{
	int days = 7 * app->cfg.onboarding_office_weeks;
	struct db_stmt *st;
	int rc;

	if (days <= 0)
		return HOP_OK;
	/* New hires are those with an onboarding (a few rows, whatever the
	 * size of the organisation). */
	if (p->n == 1)
		st = db_stmt(app->db, "SELECT person_id, start_on FROM onboarding "
		             "WHERE person_id = ?3 AND state <> 'cancelled' "
		             "AND purpose = 'onboarding' AND start_on > ?1 AND start_on <= ?2", err);
	else
		st = db_stmt(app->db, "SELECT person_id, start_on FROM onboarding "
		             "WHERE state <> 'cancelled' AND purpose = 'onboarding' "
		             "AND start_on > ?1 AND start_on <= ?2 AND ?3 = 0", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, p->from - days);
	db_bind_date(st, 2, p->from + p->ndays - 1);
	db_bind_int64(st, 3, p->n == 1 ? p->ix.id[0] : 0);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date start = db_col_date(st, 1);
		size_t i;

		if (start == HOP_DATE_NONE || !pr_index_find(&p->ix, db_col_int64(st, 0), &i))
			continue;
		for (int d = 0; d < p->ndays; d++) {
			size_t k = i * (size_t)p->ndays + (size_t)d;
			hop_date day = p->from + d;

			if (day < start || day >= start + days || date_weekday(day) > 5 ||
			    p->src[k] != PSRC_NONE)
				continue;
			p->loc[k] = LOC_OFFICE;
			p->src[k] = PSRC_ONBOARDING;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboardings"));
	return HOP_OK;
}

/* Mark the days of the secondments st yields (person_id, start_on, end_on). */
static int mark_secondments(struct pr_plan *p, struct db_stmt *st)
{
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		hop_date start = db_col_date(st, 1), end = db_col_date(st, 2);
		size_t i;

		if (!pr_index_find(&p->ix, db_col_int64(st, 0), &i))
			continue;
		for (int d = 0; d < p->ndays; d++) {
			size_t k = i * (size_t)p->ndays + (size_t)d;
			hop_date day = p->from + d;

			if (day < start || (end != HOP_DATE_NONE && day > end))
				continue;
			p->loc[k] = LOC_AWAY;
			p->src[k] = PSRC_SECONDMENT;
		}
	}
	db_reset(st);
	return rc;
}

/* Up to this many people, each one's secondments on their own index; more
 * (the whole organisation's forecast), all of them in one pass. */
#define SECONDMENTS_ONE_BY_ONE 256

/* The days of a secondment outside the organisation: away, whatever the
 * default, an entry or a booking left from before says (ROT-6: the person
 * works elsewhere; such bookings are conflicts to clear).  A few rows. */
static enum hop_status read_secondments(struct hop_app *app, struct pr_plan *p,
                                        struct hop_err *err)
{
	struct db_stmt *st;
	int rc = DB_DONE;

	/* A team's or one person's on the person index: the whole
	 * organisation's by the start day would be read again for each team's
	 * week and each of 20,000 person feeds. */
	if (p->n <= SECONDMENTS_ONE_BY_ONE) {
		st = db_stmt(app->db, "SELECT person_id, start_on, end_on FROM membership "
		             "WHERE person_id = ?3 AND kind = 'secondment' AND host IS NOT NULL "
		             "AND start_on <= ?2 AND (end_on IS NULL OR end_on >= ?1)", err);
		if (!st)
			return err->status;
		for (size_t i = 0; i < p->ix.n && rc == DB_DONE; i++) {
			db_bind_date(st, 1, p->from);
			db_bind_date(st, 2, p->from + p->ndays - 1);
			db_bind_int64(st, 3, p->ix.id[i]);
			rc = mark_secondments(p, st);
		}
	} else {
		st = db_stmt(app->db, "SELECT person_id, start_on, end_on FROM membership "
		             "WHERE kind = 'secondment' AND host IS NOT NULL "
		             "AND start_on <= ?2 AND (end_on IS NULL OR end_on >= ?1) AND ?3 = 0", err);
		if (!st)
			return err->status;
		db_bind_date(st, 1, p->from);
		db_bind_date(st, 2, p->from + p->ndays - 1);
		db_bind_int64(st, 3, 0);
		rc = mark_secondments(p, st);
	}
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading secondments"));
	return HOP_OK;
}

/* A desk booked on a day without an entry means office that day. */
static void fill_booking(struct pr_plan *p, size_t k, struct db_stmt *st)
{
	(void)st;
	p->loc[k] = LOC_OFFICE;
	p->src[k] = PSRC_BOOKING;
}

static enum hop_status read_bookings(struct hop_app *app, int64_t team_id, struct pr_plan *p,
                                     struct hop_err *err)
{
	struct db_stmt *st;

	/* One person's through the partial indexes of their desk mornings and
	 * afternoons, which hold all the query asks (a day of both is marked
	 * twice): booking_person_day would read a page of the table for each of
	 * the days, weeks apart in a table written day by day. */
	if (p->n == 1)
		st = db_stmt(app->db, "SELECT person_id, day FROM booking WHERE person_id = ?4 "
		             "AND day BETWEEN ?2 AND ?3 AND am = 1 AND cancelled_at IS NULL "
		             "AND is_room = 0 UNION ALL SELECT person_id, day FROM booking "
		             "WHERE person_id = ?4 AND day BETWEEN ?2 AND ?3 AND pm = 1 "
		             "AND cancelled_at IS NULL AND is_room = 0", err);
	else if (team_id)
		st = db_stmt(app->db, "SELECT b.person_id, b.day FROM booking b WHERE b.person_id IN "
		             "(SELECT m.person_id FROM membership m WHERE m.team_id = ?1 "
		             "AND m.kind <> 'acting' AND m.start_on <= ?3 "
		             "AND (m.end_on IS NULL OR m.end_on >= ?2)) "
		             "AND b.day BETWEEN ?2 AND ?3 "
		             "AND b.cancelled_at IS NULL AND b.is_room = 0", err);
	else
		st = db_stmt(app->db, "SELECT person_id, day FROM booking WHERE day BETWEEN ?2 AND ?3 "
		             "AND cancelled_at IS NULL AND is_room = 0 AND ?1 = 0", err);
	if (!st)
		return err->status;
	bind_plan(st, team_id, p);
	return read_cells(app, st, p, fill_booking, _("reading bookings"), err);
}

/* The day's own entry: location, and the note and who set it (when not
 * the person) when the plan keeps notes. */
static void fill_day(struct pr_plan *p, size_t k, struct db_stmt *st)
{
	p->loc[k] = (unsigned char)pr_loc_from_text(db_col_text(st, 2));
	p->src[k] = PSRC_DAY;
	if (p->note)
		db_col_copy(st, 3, p->note[k], sizeof p->note[k]);
	if (p->set_by) {
		int64_t by = db_col_int64(st, 4);
		p->set_by[k] = by != db_col_int64(st, 0) ? by : 0;
	}
}

static enum hop_status read_days(struct hop_app *app, int64_t team_id, struct pr_plan *p,
                                 struct hop_err *err)
{
	struct db_stmt *st;

	if (p->n == 1)
		st = db_stmt(app->db, "SELECT person_id, day, location, coalesce(note, ''), "
		             "coalesce(set_by, 0) FROM presence "
		             "WHERE person_id = ?4 AND day BETWEEN ?2 AND ?3", err);
	else if (team_id)
		st = db_stmt(app->db, "SELECT pr.person_id, pr.day, pr.location, coalesce(pr.note, ''), "
		             "coalesce(pr.set_by, 0) FROM presence pr WHERE pr.person_id IN "
		             "(SELECT m.person_id FROM membership m WHERE m.team_id = ?1 "
		             "AND m.kind <> 'acting' AND m.start_on <= ?3 "
		             "AND (m.end_on IS NULL OR m.end_on >= ?2)) "
		             "AND pr.day BETWEEN ?2 AND ?3", err);
	else
		st = db_stmt(app->db, "SELECT person_id, day, location, coalesce(note, ''), "
		             "coalesce(set_by, 0) FROM presence "
		             "WHERE day BETWEEN ?2 AND ?3 AND ?1 = 0", err);
	if (!st)
		return err->status;
	bind_plan(st, team_id, p);
	return read_cells(app, st, p, fill_day, _("reading presence"), err);
}

enum hop_status pr_plan_load(struct hop_app *app, int64_t team_id, const int64_t *people,
                             size_t n, hop_date from, int ndays, bool notes,
                             struct pr_plan *out, struct hop_err *err)
{
	size_t cells = n * (size_t)ndays;

	memset(out, 0, sizeof *out);
	out->from = from;
	out->ndays = ndays;
	out->n = n;
	if (pr_index_build(&out->ix, people, n, err) != HOP_OK)
		return err->status;
	out->loc = calloc(cells ? cells : 1, 1);
	out->src = calloc(cells ? cells : 1, 1);
	if (notes) {
		out->note = calloc(cells ? cells : 1, sizeof *out->note);
		out->set_by = calloc(cells ? cells : 1, sizeof *out->set_by);
	}
	if (!out->loc || !out->src || (notes && (!out->note || !out->set_by))) {
		pr_plan_free(out);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading presence"));
	}
	if (n && (read_defaults(app, team_id, out, err) != HOP_OK ||
	          read_onboarding(app, out, err) != HOP_OK ||
	          read_bookings(app, team_id, out, err) != HOP_OK ||
	          read_days(app, team_id, out, err) != HOP_OK ||
	          read_secondments(app, out, err) != HOP_OK)) {
		pr_plan_free(out);
		return err->status;
	}
	return HOP_OK;
}

/* ---- sites and working days ---- */

enum hop_status pr_team_site(struct hop_app *app, int64_t team_id, int64_t *site,
                             struct hop_err *err)
{
	struct db_stmt *st;
	bool found;

	*site = 0;
	if (!team_id)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT f.site_id FROM zone z JOIN floor f ON f.id = z.floor_id "
	             "WHERE z.team_id = ?1 ORDER BY z.id LIMIT 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	return db_get_int64(st, site, &found, _("reading the team's zones"), err);
}

/* The site of person_id's fixed desk, if they have one (*found). */
static enum hop_status fixed_site(struct hop_app *app, int64_t person_id, int64_t *site,
                                  bool *found, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT f.site_id FROM desk d JOIN zone z "
	                           "ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id "
	                           "WHERE d.owner_id = ?1 AND d.retired_on IS NULL "
	                           "ORDER BY d.id LIMIT 1", err);

	*site = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	return db_get_int64(st, site, found, _("reading a fixed desk"), err);
}

enum hop_status pr_person_site(struct hop_app *app, int64_t person_id, int64_t team_id,
                               int64_t *site, struct hop_err *err)
{
	bool found;

	if (fixed_site(app, person_id, site, &found, err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : pr_team_site(app, team_id, site, err);
}

enum hop_status pr_sites_load(struct hop_app *app, const struct hop_person *p, hop_date from,
                              hop_date to, struct pr_sites *out, struct hop_err *err)
{
	memset(out, 0, sizeof *out);
	out->person_id = p->id;
	out->team_today = p->team_id;
	out->last_team = -1;
	if (fixed_site(app, p->id, &out->fixed, &out->has_fixed, err) != HOP_OK)
		return err->status;
	if (out->has_fixed)
		return HOP_OK;
	return membership_spans_load(app, 0, p->id, from, to, &out->spans, err);
}

enum hop_status pr_sites_on(struct hop_app *app, struct pr_sites *s, hop_date day,
                            int64_t *site, struct hop_err *err)
{
	int64_t team;

	if (s->has_fixed) {
		*site = s->fixed;
		return HOP_OK;
	}
	/* Outside their periods (before the first day), today's team. */
	team = membership_spans_team(&s->spans, s->person_id, day);
	if (!team)
		team = s->team_today;
	if (team != s->last_team) {
		if (pr_team_site(app, team, &s->last_site, err) != HOP_OK)
			return err->status;
		s->last_team = team;
	}
	*site = s->last_site;
	return HOP_OK;
}

void pr_sites_free(struct pr_sites *s)
{
	membership_spans_free(&s->spans);
}

enum hop_status pr_working(struct hop_app *app, int64_t site, hop_date day, bool *working,
                           char *why, struct hop_err *err)
{
	struct hop_err e;

	(void)err;
	*working = workday_check(app, site, day, &e) == HOP_OK;
	if (why)
		snprintf(why, HOP_WHY_MAX, "%s", *working ? "" : e.msg);
	return HOP_OK;
}

enum hop_status pr_default_team(struct hop_app *app, const char *team, struct hop_team *out,
                                struct hop_err *err)
{
	if (team && *team)
		return team_find(app, team, out, err);
	if (!app->actor.known || !app->actor.person.team_id)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NOT_IN_TEAM, NULL, _("you are in no team"));
	return team_get(app, app->actor.person.team, out, err);
}

enum hop_status pr_dev_push(struct agreement_list *l, const struct agreement_deviation *d,
                            struct hop_err *err)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct agreement_deviation *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while checking the office "
			                "agreement"));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *d;
	return HOP_OK;
}

void agreement_list_free(struct agreement_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
