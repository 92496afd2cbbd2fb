/* A team's week: the Week screen's and 'hop week''s data.  A fixed number of
 * queries however large the team: the members, their days and defaults, their
 * desk bookings, the team's desks and their bookings, the team days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/core/people/membership.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "presence_int.h"

void presence_week_free(struct presence_week *w)
{
	free(w->rows);
	agreement_list_free(&w->dev);
	memset(w, 0, sizeof *w);
}

char *presence_week_label(hop_date monday, char *buf, size_t size)
{
	int y1, m1, d1, y2, m2, d2, iy, kw;
	hop_date friday;

	monday -= date_weekday(monday) - 1;
	friday = monday + 4;
	date_iso_week(monday, &iy, &kw);
	date_to_ymd(monday, &y1, &m1, &d1);
	date_to_ymd(friday, &y2, &m2, &d2);
	if (y1 != y2)
		snprintf(buf, size, _("KW %d · %02d.%02d.%d–%02d.%02d.%d"), kw, d1, m1, y1, d2, m2, y2);
	else if (m1 != m2)
		snprintf(buf, size, _("KW %d · %02d.%02d.–%02d.%02d.%d"), kw, d1, m1, d2, m2, y2);
	else
		snprintf(buf, size, _("KW %d · %02d.–%02d.%02d.%d"), kw, d1, d2, m2, y2);
	return buf;
}

enum hop_status pr_team_desks(struct hop_app *app, int64_t team_id, hop_date monday,
                              const struct pr_plan *plan, int desks[PRESENCE_DAYS],
                              int free_[PRESENCE_DAYS], int claimed[PRESENCE_DAYS],
                              struct hop_err *err)
{
	struct desk_row { int64_t id, owner; hop_date retired; unsigned booked; } *v = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st;
	int rc;

	memset(desks, 0, sizeof *desks * PRESENCE_DAYS);
	memset(free_, 0, sizeof *free_ * PRESENCE_DAYS);
	memset(claimed, 0, sizeof *claimed * PRESENCE_DAYS);
	st = db_stmt(app->db, "SELECT d.id, coalesce(d.owner_id, 0), d.retired_on FROM zone z "
	             "JOIN desk d ON d.zone_id = z.id WHERE z.team_id = ?1 AND d.kind = 'desk' "
	             "ORDER BY d.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (n == cap) {
			struct desk_row *nv = realloc(v, (cap = cap ? cap * 2 : 32) * sizeof *nv);
			if (!nv) {
				db_reset(st);
				free(v);
				return hop_fail(err, HOP_ENOMEM, _("out of memory while reading desks"));
			}
			v = nv;
		}
		v[n].id = db_col_int64(st, 0);
		v[n].owner = db_col_int64(st, 1);
		v[n].retired = db_col_date(st, 2);
		v[n].booked = 0;
		n++;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(v);
		return db_fail(app->db, err, _("reading desks"));
	}
	st = db_stmt(app->db, "SELECT b.desk_id, b.day FROM zone z JOIN desk d ON d.zone_id = z.id "
	             "JOIN booking b ON b.desk_id = d.id WHERE z.team_id = ?1 AND d.kind = 'desk' "
	             "AND b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL", err);
	if (!st) {
		free(v);
		return err->status;
	}
	db_bind_int64(st, 1, team_id);
	db_bind_date(st, 2, monday);
	db_bind_date(st, 3, monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);
		hop_date day = db_col_date(st, 1);
		size_t lo = 0, hi = n;

		if (day == HOP_DATE_NONE || day < monday || day >= monday + PRESENCE_DAYS)
			continue;
		while (lo < hi) {       /* v is ordered by id */
			size_t mid = lo + (hi - lo) / 2;
			if (v[mid].id < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && v[lo].id == id)
			v[lo].booked |= 1u << (day - monday);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(v);
		return db_fail(app->db, err, _("reading bookings"));
	}
	for (size_t i = 0; i < n; i++) {
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			size_t k;
			if (v[i].retired != HOP_DATE_NONE && v[i].retired <= monday + d)
				continue;
			desks[d]++;
			if (v[i].booked & (1u << d))
				continue;
			/* A fixed desk is free for others unless its owner plans to be in. */
			if (v[i].owner && plan && pr_index_find(&plan->ix, v[i].owner, &k) &&
			    pr_plan_loc(plan, k, d) == LOC_OFFICE) {
				claimed[d]++;
				continue;
			}
			free_[d]++;
		}
	}
	free(v);
	return HOP_OK;
}

static enum hop_status read_bookings(struct hop_app *app, struct presence_week *w,
                                     const struct pr_plan *plan, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.person_id, b.day, d.code, b.am, b.pm, "
	                           "b.booked_by FROM membership m JOIN booking b ON b.person_id = m.person_id "
	                           "JOIN desk d ON d.id = b.desk_id WHERE m.team_id = ?1 "
	                           "AND " MEMBERSHIP_ON_SQL("b.day") "AND b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
	                           "AND b.is_room = 0 ORDER BY b.id", err);
	int64_t lead = w->team.dissolved == HOP_DATE_NONE ? w->team.lead_id : 0;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, w->team.id);
	db_bind_date(st, 2, w->monday);
	db_bind_date(st, 3, w->monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date day = db_col_date(st, 1);
		int64_t person = db_col_int64(st, 0);
		struct presence_cell *c;
		size_t i;

		if (day == HOP_DATE_NONE || day < w->monday || day >= w->monday + PRESENCE_DAYS ||
		    !pr_index_find(&plan->ix, person, &i))
			continue;
		/* The desk tells who sits where: shown as 'hop who' would show it. */
		if (!authz_booker_visible(app, person, w->team.id, lead, db_col_int64(st, 5)))
			continue;
		c = &w->rows[i].days[day - w->monday];
		if (!*c->desk)
			db_col_copy(st, 2, c->desk, sizeof c->desk);
		c->desk_half |= (db_col_int(st, 3) ? HALF_AM : 0) |
		                (db_col_int(st, 4) ? HALF_PM : 0);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

static enum hop_status fill_days(struct hop_app *app, struct presence_week *w,
                                 const struct pr_plan *plan, struct hop_err *err)
{
	int free_[PRESENCE_DAYS], desks[PRESENCE_DAYS], claimed[PRESENCE_DAYS];
	struct hop_teamday_list tds;

	if (pr_teamdays_load(app, w->team.id, &tds, err) != HOP_OK)
		return err->status;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		struct presence_week_day *day = &w->days[d];
		const struct hop_teamday *td;

		day->day = w->monday + d;
		pr_working(app, w->site_id, day->day, &day->working, day->why, err);
		if (day->working && (td = pr_teamday_match(&tds, w->team.id, day->day))) {
			day->team_day = true;
			snprintf(day->team_day_note, sizeof day->team_day_note, "%s", td->note);
		}
		for (size_t i = 0; i < w->nrows; i++) {
			struct presence_cell *c = &w->rows[i].days[d];
			/* A weekly default does not apply on a holiday. */
			if (!day->working && (c->source == PSRC_DEFAULT ||
			                      c->source == PSRC_ONBOARDING)) {
				c->loc = LOC_NONE;
				c->source = PSRC_NONE;
			}
			day->in_office += c->loc == LOC_OFFICE;
		}
	}
	teamday_list_free(&tds);
	if (pr_team_desks(app, w->team.id, w->monday, plan, desks, free_, claimed, err) != HOP_OK)
		return err->status;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		w->days[d].desks = w->days[d].working ? desks[d] : 0;
		w->days[d].desks_free = w->days[d].working ? free_[d] : 0;
		w->days[d].desks_claimed = w->days[d].working ? claimed[d] : 0;
	}
	return HOP_OK;
}

static void mark_deviations(struct presence_week *w, const struct pr_plan *plan)
{
	for (size_t k = 0; k < w->dev.n; k++) {
		const struct agreement_deviation *dv = &w->dev.v[k];
		size_t i;

		if (!pr_index_find(&plan->ix, dv->person_id, &i))
			continue;
		w->rows[i].deviations++;
		if (dv->day != HOP_DATE_NONE && dv->day >= w->monday &&
		    dv->day < w->monday + PRESENCE_DAYS)
			w->rows[i].days[dv->day - w->monday].deviation = true;
	}
}

/* Keep in people those who are members on a day of the week, and in
 * (*member)[i] the days (bit d: monday + d) that person i is. */
static enum hop_status week_members(struct hop_app *app, int64_t team_id, hop_date monday,
                                    struct hop_person_list *people, uint32_t **member,
                                    struct hop_err *err)
{
	struct membership_days *days;
	size_t n, k = 0;

	if (membership_team_days(app, team_id, monday, 7, &days, &n, err) != HOP_OK)
		return err->status;
	*member = malloc((people->n ? people->n : 1) * sizeof **member);
	if (!*member) {
		free(days);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the week"));
	}
	for (size_t i = 0; i < people->n; i++) {
		uint32_t mask = 0;
		size_t lo = 0, hi = n;

		while (lo < hi) {  /* days is in id order */
			size_t mid = lo + (hi - lo) / 2;
			if (days[mid].person_id < people->v[i].id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && days[lo].person_id == people->v[i].id)
			mask = days[lo].days;
		if (!mask)
			continue;  /* seconded elsewhere all week */
		people->v[k] = people->v[i];
		(*member)[k++] = mask;
	}
	people->n = k;
	free(days);
	return HOP_OK;
}

/* A day a row is not a member shows nothing of that person. */
static void blank_outside(struct presence_week *w, const uint32_t *member)
{
	for (size_t i = 0; i < w->nrows; i++) {
		w->rows[i].member = member[i] & ((1u << PRESENCE_DAYS) - 1);
		for (int d = 0; d < PRESENCE_DAYS; d++)
			if (!(member[i] & (1u << d)))
				memset(&w->rows[i].days[d], 0, sizeof w->rows[i].days[d]);
	}
}

/* Who set each day's entry, when not the person themself. */
static enum hop_status fill_setters(struct hop_app *app, struct presence_week *w,
                                    const struct pr_plan *plan, struct hop_err *err)
{
	struct pr_setters setters = { 0 };
	enum hop_status st = HOP_OK;

	for (size_t i = 0; st == HOP_OK && i < w->nrows; i++) {
		for (int d = 0; st == HOP_OK && d < PRESENCE_DAYS; d++) {
			struct presence_cell *c = &w->rows[i].days[d];
			const struct pr_setter *by;

			st = pr_setter_get(app, &setters, plan->set_by[i * 7 + (size_t)d], &by, err);
			if (st == HOP_OK && by) {
				snprintf(c->set_by, sizeof c->set_by, "%s", by->label);
				snprintf(c->set_by_login, sizeof c->set_by_login, "%s", by->login);
			}
		}
	}
	pr_setters_free(&setters);
	return st;
}

enum hop_status presence_week(struct hop_app *app, const char *team, hop_date monday,
                              struct presence_week *out, struct hop_err *err)
{
	struct person_filter f = { 0 };
	struct hop_person_list people;
	struct pr_plan plan;
	int64_t *ids;
	uint32_t *member = NULL;
	enum hop_status st;

	memset(out, 0, sizeof *out);
	if (monday == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no week given; give one such as 2026-W48"));
	monday -= date_weekday(monday) - 1;
	out->monday = monday;
	date_iso_week(monday, &out->iso_year, &out->iso_week);
	if (pr_default_team(app, team, &out->team, err) != HOP_OK ||
	    authz_see_team(app, &out->team, err) != HOP_OK ||
	    pr_team_site(app, out->team.id, &out->site_id, err) != HOP_OK)
		return err->status;
	/* The members on the week's days, by their memberships: someone who
	 * joins on Wednesday is a row, blank before. */
	f.team = out->team.slug;
	f.by_membership = true;
	f.member_from = monday;
	f.member_to = monday + 6;
	if (person_list(app, &f, &people, err) != HOP_OK)
		return err->status;
	if (week_members(app, out->team.id, monday, &people, &member, err) != HOP_OK) {
		person_list_free(&people);
		return err->status;
	}
	out->rows = calloc(people.n ? people.n : 1, sizeof *out->rows);
	ids = malloc((people.n ? people.n : 1) * sizeof *ids);
	if (!out->rows || !ids) {
		free(ids);
		free(member);
		person_list_free(&people);
		presence_week_free(out);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the week"));
	}
	out->nrows = people.n;
	for (size_t i = 0; i < people.n; i++) {
		/* That week they are this team's: its team days are theirs. */
		people.v[i].team_id = out->team.id;
		snprintf(people.v[i].team, sizeof people.v[i].team, "%s", out->team.name);
		out->rows[i].person = people.v[i];
		ids[i] = people.v[i].id;
	}
	/* The plan covers the whole week (7 days) so that the agreement check
	 * reads the same data instead of asking again. */
	st = pr_plan_load(app, out->team.id, ids, people.n, monday, 7, true, &plan, err);
	free(ids);
	if (st != HOP_OK) {
		free(member);
		person_list_free(&people);
		presence_week_free(out);
		return st;
	}
	for (size_t i = 0; i < out->nrows; i++) {
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			struct presence_cell *c = &out->rows[i].days[d];
			size_t k = i * 7 + (size_t)d;
			c->loc = pr_plan_loc(&plan, i, d);
			c->source = plan.src[k];
			snprintf(c->note, sizeof c->note, "%s", plan.note[k]);
		}
	}
	st = read_bookings(app, out, &plan, err);
	if (st == HOP_OK)
		st = fill_setters(app, out, &plan, err);
	if (st == HOP_OK) {
		blank_outside(out, member);
		st = fill_days(app, out, &plan, err);
	}
	if (st == HOP_OK)
		st = pr_agreement_people(app, out->team.id, people.v, people.n, monday, 1, &plan,
		                         &out->dev, err);
	if (st == HOP_OK)
		mark_deviations(out, &plan);
	pr_plan_free(&plan);
	person_list_free(&people);
	free(member);
	if (st != HOP_OK)
		presence_week_free(out);
	return st;
}
