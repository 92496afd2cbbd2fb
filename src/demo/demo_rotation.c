/* The demo's rotation: work areas over the teams (three corruption-prone
 * ones: Vergabe, Zuwendungen, Bußgeldstelle with its own four years and a
 * review of its flag that is overdue), and ten years of assignments for
 * everyone in post: earlier posts in other areas and teams, moves between
 * teams of one area, short secondments inside the house that do not restart
 * the time in an area, Hospitation weeks in the last two years, a few
 * secondments to authorities of the Bund, a Land or a Kommune, acting
 * posts, and the leads' time in their teams.  One in six of those long
 * enough in a corruption-prone area (or leading a team) is overdue, one in
 * six comes due within the year, every second overdue one outside the
 * leads has an exception on file (the first with its review passed).  Then the trainee cohort (demo_cohort.c).
 *
 * Nothing covers today or the booking horizon that was not there before
 * (secondments end two weeks ago at the latest or begin after two months),
 * so who is in which team today stays as the people were made.  Rows are
 * inserted by prepared statements inside the demo's transaction, as the
 * training records are; its own random stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/people/person.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "demo_internal.h"

#define YEAR 365
#define NAREAS 4
/* The history window: posts before it run back to the start in one. */
#define HISTORY_YEARS 10

static const struct area_spec {
	const char *name;
	bool prone;
	int years;                 /* own period, 0: [policy] rotation_years */
	int reviewed_days_ago;     /* -1: never (not corruption-prone) */
	const char *teams[2];      /* of the six fixed units */
	int share[2];              /* numbered units: j % 10 in [share[0], share[1]] */
} areas[NAREAS] = {
	{ "Vergabe", true, 0, 400, { "Referat Z 2 – Haushalt", "Innerer Dienst" }, { 0, 0 } },
	{ "Zuwendungen", true, 0, 2 * YEAR + 30, { "Referat 11 – Digitalisierung", NULL },
	  { 1, 1 } },
	/* Its flag was last reviewed four years ago: due for review. */
	{ "Bußgeldstelle", true, 4, 4 * YEAR + 60, { "Referat 12 – Bürgerservice", NULL },
	  { 2, 2 } },
	{ "Personal und Organisation", false, 0, -1,
	  { "Referat Z 1 – Personal", "Referat 13 – Grundsatzfragen" }, { 3, 4 } },
};

static const struct { const char *host, *level; } hosts[] = {
	{ "Ministerium des Innern und für Sport Rheinland-Pfalz", "land" },
	{ "Stadtverwaltung Mainz", "kommune" },
	{ "Bundesministerium des Innern und für Heimat", "bund" },
	{ "Landesrechnungshof Hessen", "land" },
	{ "Kreisverwaltung Mainz-Bingen", "kommune" },
};
#define NHOSTS (sizeof hosts / sizeof hosts[0])

static const char *const reasons[] = {
	"Einzige Fachkraft mit Vergabeerfahrung im Referat; Nachfolge wird eingearbeitet",
	"Laufendes Großverfahren bis zum Abschluss; Wechsel würde das Verfahren gefährden",
	"Nachbesetzung der Stelle ausgeschrieben, Besetzung noch offen",
};
static const char *const measures[] = {
	"Vier-Augen-Prinzip bei allen Entscheidungen über 25.000 Euro",
	"Stichproben der Innenrevision je Quartal; Vier-Augen-Prinzip",
	"Mitzeichnung durch die Referatsleitung bei jeder Bewilligung",
};

struct demo_rot {
	struct hop_app *app;
	struct rng r;
	hop_date today;
	char now[24];
	int64_t *team; int *team_area;    /* the teams by id, each one's area or -1 */
	size_t nteam;
	int64_t area_id[NAREAS];
	int64_t *area_team[NAREAS]; size_t narea_team[NAREAS];
	struct db_stmt *ins;
	size_t rows, exceptions, overdue, prone_seen, leads_seen, acting_seen;
};

static hop_date month_floor(hop_date d)
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	return date_from_ymd(y, m, 1);
}

static int area_of(const struct demo_rot *t, int64_t team)
{
	size_t lo = 0, hi = t->nteam;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->team[mid] < team)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->nteam && t->team[lo] == team ? t->team_area[lo] : -1;
}

/* A team other than `not` and `nor`, outside area `area` (-1: any); 0 if
 * none was found. */
static int64_t other_team(struct demo_rot *t, int64_t not, int64_t nor, int area)
{
	for (int k = 0; k < 12 && t->nteam > 1; k++) {
		size_t i = rng_below(&t->r, (uint32_t)t->nteam);
		if (t->team[i] != not && t->team[i] != nor && (area < 0 || t->team_area[i] != area))
			return t->team[i];
	}
	return 0;
}

static enum hop_status add_row(struct demo_rot *t, int64_t person, int64_t team,
                               const char *kind, hop_date from, hop_date until, int host,
                               struct hop_err *err)
{
	db_bind_int64(t->ins, 1, person);
	db_bind_int64(t->ins, 2, team);
	db_bind_text(t->ins, 3, kind);
	db_bind_date(t->ins, 4, from);
	if (until == HOP_DATE_NONE)
		db_bind_null(t->ins, 5);
	else
		db_bind_date(t->ins, 5, until);
	db_bind_text(t->ins, 6, t->now);
	if (host >= 0) {
		db_bind_text(t->ins, 7, hosts[host].host);
		db_bind_text(t->ins, 8, hosts[host].level);
	} else {
		db_bind_null(t->ins, 7);
		db_bind_null(t->ins, 8);
	}
	if (db_run(t->ins, _("adding the demo's assignments"), err) != HOP_OK)
		return err->status;
	t->rows++;
	return HOP_OK;
}

/* ---- the areas ---- */

static enum hop_status load_teams(struct demo_rot *t, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(t->app->db, "SELECT id, name FROM team ORDER BY id", err);
	size_t cap = 0, numbered = 0;
	enum db_step r;

	if (!st)
		return err->status;
	while ((r = db_step(st)) == DB_ROW) {
		const char *name = db_col_text(st, 1);
		int a = -1;
		bool fixed = false;
		if (t->nteam == cap) {
			size_t nc = cap ? 2 * cap : 64;
			int64_t *v = realloc(t->team, nc * sizeof *v);
			int *w = v ? realloc(t->team_area, nc * sizeof *w) : NULL;
			if (v)
				t->team = v;
			if (!v || !w) {
				db_clear(st);
				return hop_fail(err, HOP_ENOMEM, _("out of memory"));
			}
			t->team_area = w;
			cap = nc;
		}
		for (int k = 0; k < NAREAS && a < 0; k++)
			for (int i = 0; i < 2; i++)
				if (areas[k].teams[i] && strcmp(areas[k].teams[i], name) == 0)
					a = k;
		fixed = a >= 0 || strcmp(name, "Referat Z 1 – Personal") == 0;
		/* The larger organisation's numbered units, round the areas. */
		if (!fixed && strncmp(name, "Referat ", 8) == 0 && strchr(name + 8, '.')) {
			int j = (int)(numbered++ % 10);
			for (int k = 0; k < NAREAS && a < 0; k++)
				if (j >= areas[k].share[0] && j <= areas[k].share[1])
					a = k;
		}
		t->team[t->nteam] = db_col_int64(st, 0);
		t->team_area[t->nteam++] = a;
	}
	db_clear(st);
	if (r != DB_DONE)
		return db_fail(t->app->db, err, _("adding the demo's work areas"));
	return HOP_OK;
}

static enum hop_status add_areas(struct demo_rot *t, struct hop_err *err)
{
	struct db_stmt *st;

	for (int k = 0; k < NAREAS; k++) {
		size_t n = 0;
		for (size_t i = 0; i < t->nteam; i++)
			n += t->team_area[i] == k;
		t->area_id[k] = 0;
		if (!n)
			continue;
		t->area_team[k] = malloc(n * sizeof *t->area_team[k]);
		if (!t->area_team[k])
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		st = db_stmt(t->app->db, "INSERT INTO area (name, corruption_prone, rotation_years, "
		             "reviewed_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, areas[k].name);
		db_bind_int(st, 2, areas[k].prone);
		if (areas[k].years)
			db_bind_int(st, 3, areas[k].years);
		else
			db_bind_null(st, 3);
		if (areas[k].reviewed_days_ago >= 0)
			db_bind_date(st, 4, t->today - areas[k].reviewed_days_ago);
		else
			db_bind_null(st, 4);
		db_bind_text(st, 5, t->now);
		if (db_run(st, _("adding the demo's work areas"), err) != HOP_OK)
			return err->status;
		t->area_id[k] = db_last_id(t->app->db);
		st = db_stmt(t->app->db, "INSERT INTO area_team (team_id, area_id) VALUES (?1, ?2)",
		             err);
		if (!st)
			return err->status;
		for (size_t i = 0; i < t->nteam; i++) {
			if (t->team_area[i] != k)
				continue;
			t->area_team[k][t->narea_team[k]++] = t->team[i];
			db_bind_int64(st, 1, t->team[i]);
			db_bind_int64(st, 2, t->area_id[k]);
			if (db_run(st, _("adding the demo's work areas"), err) != HOP_OK)
				return err->status;
		}
	}
	return HOP_OK;
}

/* ---- one person's history ---- */

struct who {
	int64_t id, team;
	unsigned roles;
	hop_date start;
};

/* The day the person came into their area (or, for a lead, their team):
 * overdue, due within the year, or well inside the period, by turns. */
static hop_date since_for(struct demo_rot *t, const struct who *p, int period, bool *overdue)
{
	hop_date p_days = (hop_date)period * YEAR;
	size_t *seen = p->roles & ROLE_LEAD ? &t->leads_seen : &t->prone_seen;
	hop_date s;

	*overdue = false;
	if (p->start > t->today - p_days - YEAR)
		return p->start + (hop_date)rng_below(&t->r, (uint32_t)(t->today - p->start + 1)) / 2;
	switch ((*seen)++ % 6) {
	case 0:
		*overdue = true;
		s = t->today - p_days - 30 - (hop_date)rng_below(&t->r, 2 * YEAR);
		break;
	case 3:
		s = t->today - p_days + 30 + (hop_date)rng_below(&t->r, YEAR - 60);
		break;
	default:
		s = t->today - (hop_date)rng_below(&t->r, (uint32_t)(p_days - YEAR));
		break;
	}
	s = month_floor(s);
	if (*overdue && s > t->today - p_days)
		s = month_floor(t->today - p_days - 30);
	return s < p->start ? p->start : s;
}

static enum hop_status add_exception(struct demo_rot *t, const struct who *p, int area,
                                     hop_date due, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(t->app->db, "INSERT INTO rotation_exception (person_id, "
	        "area_id, reason, measure, review_on, created_at, created_by) "
	        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	size_t k = t->exceptions % (sizeof reasons / sizeof reasons[0]);
	hop_date made = due - 30 - (hop_date)rng_below(&t->r, 60);
	char d[HOP_DATE_ISO_LEN];

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_int64(st, 2, t->area_id[area]);
	db_bind_text(st, 3, reasons[k]);
	db_bind_text(st, 4, measures[k]);
	/* The first one's review has passed: the due list marks it. */
	db_bind_date(st, 5, t->exceptions == 0 ? t->today - 20
	                                       : t->today + 60 + (hop_date)rng_below(&t->r, 240));
	db_bind_text(st, 6, date_format(made > t->today ? t->today : made, d));
	db_bind_text(st, 7, t->app->actor.login);
	if (db_run(st, _("adding the demo's rotation exceptions"), err) != HOP_OK)
		return err->status;
	t->exceptions++;
	return HOP_OK;
}

/* A secondment of whole weeks, Monday to Friday, from the Monday on or
 * after `from`: Hospitation (host -1) or outside. */
static enum hop_status add_weeks(struct demo_rot *t, const struct who *p, int64_t team,
                                 hop_date from, int weeks, int host, struct hop_err *err)
{
	while (date_weekday(from) != 1)
		from++;
	return add_row(t, p->id, team, "secondment", from, from + 7 * weeks - 3, host, err);
}

static enum hop_status person_history(struct demo_rot *t, const struct who *p,
                                      struct hop_err *err)
{
	int area = area_of(t, p->team);
	bool lead = p->roles & ROLE_LEAD, prone = area >= 0 && areas[area].prone, overdue = false;
	int period = lead ? t->app->cfg.rotation_lead_years
	             : prone ? (areas[area].years ? areas[area].years : t->app->cfg.rotation_years)
	                     : 8;
	hop_date floor = t->today - HISTORY_YEARS * YEAR, s, c, e, hosp_year;
	struct db_stmt *st;
	int64_t later = p->team;
	bool away = false;

	if (t->nteam < 2 || p->start > t->today - YEAR)
		return HOP_OK;
	if (lead || prone)
		s = since_for(t, p, period, &overdue);
	else
		s = month_floor(t->today - (hop_date)rng_below(&t->r, 8 * YEAR));
	if (s < p->start)
		s = p->start;
	c = s;
	/* A move inside the area: time there counts across both posts.  (A
	 * lead's time in the team is their time in the area.) */
	if (!lead && area >= 0 && t->narea_team[area] > 1 && s < t->today - 3 * YEAR &&
	    rng_pct(&t->r, 40)) {
		int64_t u = t->area_team[area][rng_below(&t->r, (uint32_t)t->narea_team[area])];
		if (u != p->team) {
			later = u;
			c = month_floor(s + YEAR + (hop_date)rng_below(&t->r,
			                (uint32_t)(t->today - s - 2 * YEAR)));
		}
	}
	st = db_stmt(t->app->db, "UPDATE membership SET start_on = ?2 WHERE person_id = ?1 "
	             "AND kind = 'post' AND end_on IS NULL", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, c);
	if (db_run(st, _("adding the demo's assignments"), err) != HOP_OK)
		return err->status;
	if (later != p->team && add_row(t, p->id, later, "post", s, c - 1, -1, err) != HOP_OK)
		return err->status;
	/* Earlier posts outside the area, back to the first day. */
	for (e = s - 1; e >= p->start;) {
		int64_t u = other_team(t, p->team, later, area);
		hop_date b = month_floor(e - 2 * YEAR - (hop_date)rng_below(&t->r, 4 * YEAR));
		/* A small organisation may have no other: then any team. */
		if (!u)
			u = other_team(t, p->team, 0, -1);
		if (!u)
			u = p->team;
		if (e < floor || b < p->start + YEAR)
			b = p->start;
		if (add_row(t, p->id, u, "post", b, e, -1, err) != HOP_OK)
			return err->status;
		/* Once in a while seconded to another authority from that post
		 * (at most 19 months, inside the post's three years or more). */
		if (!away && e - b > 3 * YEAR && rng_pct(&t->r, 4)) {
			hop_date f = month_floor(b + YEAR);
			away = true;
			if (add_row(t, p->id, u, "secondment", f, date_add_months(f, 6 +
			            (int)rng_below(&t->r, 14)) - 1, (int)rng_below(&t->r, NHOSTS),
			            err) != HOP_OK)
				return err->status;
		}
		later = u;
		e = b - 1;
	}
	if (overdue && prone && !lead && t->overdue++ % 2 == 0 &&
	    add_exception(t, p, area, s + (hop_date)period * YEAR, err) != HOP_OK)
		return err->status;
	/* A few months elsewhere in the house, too short to restart the time
	 * in the area ([rotation] reset_after_months). */
	if (prone && s < t->today - 2 * YEAR && rng_pct(&t->r, 10)) {
		int64_t u = other_team(t, p->team, 0, area);
		hop_date f = month_floor(s + YEAR / 2);
		if (u && add_row(t, p->id, u, "secondment", f, date_add_months(f, 2 +
		                 (int)rng_below(&t->r, 3)) - 1, -1, err) != HOP_OK)
			return err->status;
		return HOP_OK;   /* no Hospitation beside it */
	}
	/* Hospitation: one or two weeks in another team, in each of the last two
	 * years for about a third of the people. */
	for (hosp_year = t->today - 2 * YEAR + 30; hosp_year < t->today - 60; hosp_year += YEAR) {
		hop_date f = hosp_year + (hop_date)rng_below(&t->r, YEAR - 60);
		int64_t u = other_team(t, p->team, 0, -1);
		if (!rng_pct(&t->r, 33) || f < c + 30 || f + 14 > t->today - 14 || !u)
			continue;
		if (add_weeks(t, p, u, f, 1 + (int)rng_below(&t->r, 2), -1, err) != HOP_OK)
			return err->status;
	}
	/* Acting for another team's lead for some months, now and then. */
	if (!lead && c < t->today - YEAR && t->acting_seen++ % 30 == 7) {
		int64_t u = other_team(t, p->team, 0, -1);
		hop_date f = month_floor(c + (t->today - c) / 4);   /* over a month ago */
		if (u && add_row(t, p->id, u, "acting", f, date_add_months(f, 3 +
		                 (int)rng_below(&t->r, 6)) - 1, -1, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static enum hop_status histories(struct demo_rot *t, const int64_t *skip, size_t nskip,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(t->app->db, "SELECT id, team_id, roles, start_date FROM person "
	        "WHERE end_date IS NULL AND team_id IS NOT NULL AND start_date <= ?1 AND id <> ?2 "
	        "ORDER BY id", err);
	struct who *v = NULL;
	size_t n = 0, cap = 0, k = 0;
	enum db_step r;
	enum hop_status rc = HOP_OK;

	if (!st)
		return err->status;
	db_bind_date(st, 1, t->today - YEAR);
	db_bind_int64(st, 2, t->app->actor.person.id);
	/* Read first, then write: the statements below change these rows. */
	while ((r = db_step(st)) == DB_ROW) {
		if (n == cap) {
			struct who *nv = realloc(v, (cap = cap ? 2 * cap : 256) * sizeof *v);
			if (!nv) {
				db_clear(st);
				free(v);
				return hop_fail(err, HOP_ENOMEM, _("out of memory"));
			}
			v = nv;
		}
		v[n].id = db_col_int64(st, 0);
		v[n].team = db_col_int64(st, 1);
		v[n].roles = (unsigned)db_col_int(st, 2);
		v[n].start = db_col_date(st, 3);
		n++;
	}
	db_clear(st);
	if (r != DB_DONE) {
		free(v);
		return db_fail(t->app->db, err, _("adding the demo's assignments"));
	}
	for (size_t i = 0; i < n && rc == HOP_OK; i++) {
		while (k < nskip && skip[k] < v[i].id)
			k++;
		if (k < nskip && skip[k] == v[i].id)
			continue;
		rc = person_history(t, &v[i], err);
	}
	/* One secondment to come: thirty months to a Land ministry, which needs
	 * the person's consent. */
	for (size_t i = n / 2; i < n && rc == HOP_OK; i++)
		if (v[i].roles == ROLE_EMPLOYEE) {
			hop_date f = month_floor(date_add_months(t->today, 3));
			rc = add_row(t, v[i].id, v[i].team, "secondment", f,
			             date_add_months(f, 30) - 1, 0, err);
			break;
		}
	free(v);
	return rc;
}

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

enum hop_status demo_rotation(struct hop_app *app, int people, uint64_t seed,
                              struct hop_err *err)
{
	struct demo_rot t = { .app = app, .r = rng_stream(seed, 11), .today = clock_today() };
	int64_t trainees[DEMO_COHORT_TRAINEES];
	size_t ntrainees = 0;
	char d[HOP_DATE_ISO_LEN], detail[160];
	enum hop_status st;

	(void)people;
	snprintf(t.now, sizeof t.now, "%sT08:00:00Z", date_format(t.today, d));
	t.ins = db_stmt(app->db, "INSERT INTO membership (person_id, team_id, kind, start_on, "
	                "end_on, created_at, host, host_level) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	                err);
	if (!t.ins)
		return err->status;
	st = load_teams(&t, err);
	if (st == HOP_OK)
		st = add_areas(&t, err);
	if (st == HOP_OK)
		st = demo_cohort(app, t.now, trainees, &ntrainees, err);
	if (st == HOP_OK) {
		qsort(trainees, ntrainees, sizeof trainees[0], by_id);
		st = histories(&t, trainees, ntrainees, err);
	}
	if (st == HOP_OK) {
		snprintf(detail, sizeof detail, "assignments=%zu exceptions=%zu trainees=%zu",
		         t.rows, t.exceptions, ntrainees);
		st = audit_write(app, "demo.rotation", "demo", detail, err);
	}
	free(t.team);
	free(t.team_area);
	for (int k = 0; k < NAREAS; k++)
		free(t.area_team[k]);
	return st;
}
