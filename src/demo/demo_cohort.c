/* The demo's trainee cohort: twelve Anwärter:innen who began at the start
 * of this month (or last month, in its first week), 24 months at six
 * stations of the six fixed units, with the academy's introductory course
 * (the first two months), an intermediate course (month 12) and a final
 * course (month 23), one trainee's leave, the personnel unit first for
 * everyone and Grundsatzfragen only after Bürgerservice.  Its plan is laid
 * out by hand in two halves, each trainee group passing the stations in
 * turn, and published: every place is a station of the trainee (their post
 * stays in their team), and the publication is the first entry of each
 * trainee's history.  It passes cohort_check; today always falls in the
 * introductory course, so no station covers today.
 *
 * The trainees are the employees already in the demo who started most
 * recently (not the new hires, who have their onboarding).  Their first
 * day and their post stay as the people were made: who mentors whom, who
 * is new and who sits where come out as without the cohort.
 * An organisation without the six units or with fewer than three times as
 * many employees as trainees gets no cohort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/db/db.h"
#include "demo_internal.h"

#define MONTHS 24
#define NSTATIONS 6

static const struct {
	const char *team;
	int months, max;
	bool first;
	int after;           /* index, -1 none */
} stations[NSTATIONS] = {
	{ "Referat Z 1 – Personal", 2, DEMO_COHORT_TRAINEES, true, -1 },
	{ "Referat 11 – Digitalisierung", 4, DEMO_COHORT_TRAINEES / 2, false, -1 },
	{ "Referat 12 – Bürgerservice", 4, DEMO_COHORT_TRAINEES / 2, false, -1 },
	{ "Referat Z 2 – Haushalt", 3, DEMO_COHORT_TRAINEES / 2, false, -1 },
	{ "Referat 13 – Grundsatzfragen", 3, DEMO_COHORT_TRAINEES / 2, false, 2 },
	{ "Innerer Dienst", 2, DEMO_COHORT_TRAINEES / 2, false, -1 },
};

static const struct { int from, to; const char *title; } blocks[] = {
	{ 0, 1, "Einführungslehrgang (Verwaltungsakademie)" },
	{ 12, 12, "Zwischenlehrgang (Verwaltungsakademie)" },
	{ 23, 23, "Abschlusslehrgang und Prüfung" },
};

/* Trainee t's first month at station k: everyone at the personnel unit in
 * months 2-3; then Digitalisierung and Bürgerservice in months 4-11, half
 * the trainees one way round, half the other; after the intermediate course
 * Haushalt, Grundsatzfragen and Innerer Dienst in months 13-22, odd and
 * even trainees in turn.  At most half of them at a station at a time. */
static int first_month(size_t t, int k)
{
	bool a = t < DEMO_COHORT_TRAINEES / 2, even = t % 2 == 0;

	switch (k) {
	case 0: return 2;
	case 1: return a ? 4 : 8;
	case 2: return a ? 8 : 4;
	case 3: return even ? 13 : 16;
	case 4: return even ? 16 : 13;
	default: return even ? 19 : 21;
	}
}

struct co {
	struct hop_app *app;
	hop_date start;
	int64_t id, team[NSTATIONS];
	const char *now;
};

static hop_date month_start(const struct co *c, int m)
{
	return date_add_months(c->start, m);
}

static enum hop_status find_teams(struct co *c, bool *all, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(c->app->db, "SELECT id FROM team WHERE name = ?1", err);

	*all = true;
	if (!st)
		return err->status;
	for (int k = 0; k < NSTATIONS && *all; k++) {
		bool found;
		db_bind_text(st, 1, stations[k].team);
		if (db_get_int64(st, &c->team[k], &found, _("adding the demo's cohort"), err) != HOP_OK)
			return err->status;
		*all = found;
	}
	return HOP_OK;
}

/* The employees who started most recently, two months ago or earlier (the
 * new hires have their onboarding).  *n 0 when there are fewer than three
 * times as many employees as trainees. */
static enum hop_status pick_trainees(struct co *c, int64_t *out, size_t *n,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(c->app->db, "SELECT count(*) FROM person WHERE roles = ?1 "
	        "AND end_date IS NULL AND start_date <= ?2", err);
	int64_t all = 0;
	bool found;
	enum db_step rc;

	*n = 0;
	if (!st)
		return err->status;
	db_bind_int(st, 1, ROLE_EMPLOYEE);
	db_bind_date(st, 2, clock_today() - 60);
	if (db_get_int64(st, &all, &found, _("adding the demo's cohort"), err) != HOP_OK)
		return err->status;
	if (all < 3 * DEMO_COHORT_TRAINEES)
		return HOP_OK;
	st = db_stmt(c->app->db, "SELECT id FROM person WHERE roles = ?1 AND end_date IS NULL "
	             "AND start_date <= ?2 ORDER BY start_date DESC, id LIMIT ?3", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, ROLE_EMPLOYEE);
	db_bind_date(st, 2, clock_today() - 60);
	db_bind_int(st, 3, DEMO_COHORT_TRAINEES);
	while ((rc = db_step(st)) == DB_ROW)
		out[(*n)++] = db_col_int64(st, 0);
	db_clear(st);
	if (rc != DB_DONE)
		return db_fail(c->app->db, err, _("adding the demo's cohort"));
	return HOP_OK;
}

/* The trainee joins the cohort; their post and first day stay as they were. */
static enum hop_status trainee_add(struct co *c, int64_t person, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(c->app->db, "INSERT INTO cohort_trainee (cohort_id, "
	                             "person_id) VALUES (?1, ?2)", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, c->id);
	db_bind_int64(st, 2, person);
	return db_run(st, _("adding the demo's cohort"), err);
}

static enum hop_status add_block(struct co *c, int64_t person, hop_date from, hop_date until,
                                 const char *title, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(c->app->db, "INSERT INTO cohort_block (cohort_id, person_id, "
	        "start_on, end_on, title) VALUES (?1, ?2, ?3, ?4, ?5)", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, c->id);
	if (person)
		db_bind_int64(st, 2, person);
	else
		db_bind_null(st, 2);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, until);
	db_bind_text(st, 5, title);
	return db_run(st, _("adding the demo's cohort"), err);
}

static enum hop_status add_stations(struct co *c, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(c->app->db, "INSERT INTO cohort_station (cohort_id, team_id, "
	        "months, min_trainees, max_trainees, required, first, after_team_id, position) "
	        "VALUES (?1, ?2, ?3, 0, ?4, 1, ?5, ?6, ?7)", err);

	if (!st)
		return err->status;
	for (int k = 0; k < NSTATIONS; k++) {
		db_bind_int64(st, 1, c->id);
		db_bind_int64(st, 2, c->team[k]);
		db_bind_int(st, 3, stations[k].months);
		db_bind_int(st, 4, stations[k].max);
		db_bind_int(st, 5, stations[k].first);
		if (stations[k].after >= 0)
			db_bind_int64(st, 6, c->team[stations[k].after]);
		else
			db_bind_null(st, 6);
		db_bind_int(st, 7, k);
		if (db_run(st, _("adding the demo's cohort"), err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* One place of the published plan: the plan's row, the trainee's station
 * and the history's entry. */
static enum hop_status add_place(struct co *c, int64_t person, int k, int from,
                                 struct hop_err *err)
{
	hop_date a = month_start(c, from), b = month_start(c, from + stations[k].months) - 1;
	struct db_stmt *plan = db_stmt(c->app->db, "INSERT INTO cohort_plan (cohort_id, person_id, "
	        "team_id, start_on, end_on) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	struct db_stmt *mem = db_stmt(c->app->db, "INSERT INTO membership (person_id, team_id, "
	        "kind, start_on, end_on, created_at, cohort_id) "
	        "VALUES (?2, ?3, 'station', ?4, ?5, ?6, ?1)", err);
	struct db_stmt *chg = db_stmt(c->app->db, "INSERT INTO cohort_plan_change (cohort_id, "
	        "person_id, team_id, new_start, new_end, changed_at, changed_by) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	struct db_stmt *v[3] = { plan, mem, chg };

	if (!plan || !mem || !chg)
		return err->status;
	for (int i = 0; i < 3; i++) {
		db_bind_int64(v[i], 1, c->id);
		db_bind_int64(v[i], 2, person);
		db_bind_int64(v[i], 3, c->team[k]);
		db_bind_date(v[i], 4, a);
		db_bind_date(v[i], 5, b);
	}
	db_bind_text(mem, 6, c->now);
	db_bind_text(chg, 6, c->now);
	db_bind_text(chg, 7, c->app->actor.login);
	for (int i = 0; i < 3; i++)
		if (db_run(v[i], _("adding the demo's cohort"), err) != HOP_OK)
			return err->status;
	return HOP_OK;
}

enum hop_status demo_cohort(struct hop_app *app, const char *now,
                            int64_t *trainees, size_t *n, struct hop_err *err)
{
	struct co c = { .app = app, .now = now };
	struct db_stmt *st;
	char name[32];
	int y, m, d;
	bool all;

	*n = 0;
	/* This month, or last month in the first week of this one: today is
	 * always in the introductory course. */
	date_to_ymd(clock_today() - 7, &y, &m, &d);
	c.start = date_from_ymd(y, m, 1);
	if (find_teams(&c, &all, err) != HOP_OK)
		return err->status;
	if (!all)
		return HOP_OK;
	if (pick_trainees(&c, trainees, n, err) != HOP_OK)
		return err->status;
	if (!*n)
		return HOP_OK;
	snprintf(name, sizeof name, "Anwärter %d", y);
	st = db_stmt(app->db, "INSERT INTO cohort (name, start_on, months, published_at, "
	             "created_at) VALUES (?1, ?2, ?3, ?4, ?4)", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_date(st, 2, c.start);
	db_bind_int(st, 3, MONTHS);
	db_bind_text(st, 4, now);
	if (db_run(st, _("adding the demo's cohort"), err) != HOP_OK)
		return err->status;
	c.id = db_last_id(app->db);
	if (add_stations(&c, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (add_block(&c, 0, month_start(&c, blocks[i].from),
		              month_start(&c, blocks[i].to + 1) - 1, blocks[i].title, err) != HOP_OK)
			return err->status;
	for (size_t t = 0; t < *n; t++) {
		if (trainee_add(&c, trainees[t], err) != HOP_OK)
			return err->status;
		for (int k = 0; k < NSTATIONS; k++)
			if (add_place(&c, trainees[t], k, first_month(t, k), err) != HOP_OK)
				return err->status;
	}
	/* The first trainee's leave, in a month without a station. */
	return add_block(&c, trainees[0], month_start(&c, 21) + 9, month_start(&c, 21) + 22,
	                 "Erholungsurlaub", err);
}
