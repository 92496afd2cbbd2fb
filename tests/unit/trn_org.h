/* A small organisation for the session and enrolment tests: site Haus
 * (Berlin) with zone Nord of team Referat 11, room R1 (30) and desk D1
 * there, room R2 at site Außen; courses DS (3 hours), EXT (needs
 * approval); the admin "hr" (HR too), lead chef, members anna, bernd,
 * jweiss, dora, and otto of Referat 12.  Today is Mon 23 Nov 2026. */
#ifndef HOP_TRN_ORG_H
#define HOP_TRN_ORG_H

#include "testutil.h"
#include "hop/core/people/person.h"

static void trn_exec(struct hop_app *app, const char *sql)
{
	test_sql_exec(app->db, sql);
}

static int64_t trn_count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void trn_person(struct hop_app *app, const char *login, const char *name, int64_t team,
                       unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.team_id = team;
	if (team)
		snprintf(p.team, sizeof p.team, "Referat %d", (int)(10 + team));
	p.roles = roles;
	p.start = date_from_ymd(2020, 1, 1);
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void trn_org(struct hop_app *app)
{
	test_app_open(app, "hr", 1);
	trn_exec(app, "INSERT INTO team (id, name, slug, created_on) VALUES "
	         "(1, 'Referat 11', 'referat-11', '2020-01-01'), "
	         "(2, 'Referat 12', 'referat-12', '2020-01-01');"
	         "INSERT INTO site (id, name, slug, timezone, region, created_on) VALUES "
	         "(1, 'Haus', 'haus', 'Europe/Berlin', 'BE', '2020-01-01'), "
	         "(2, 'Außen', 'aussen', 'Europe/Berlin', 'BE', '2020-01-01');"
	         "INSERT INTO floor (id, site_id, name) VALUES (1, 1, 'EG'), (2, 2, 'EG');"
	         "INSERT INTO zone (id, floor_id, name, team_id) VALUES (1, 1, 'Nord', 1), "
	         "(2, 2, 'Süd', NULL);"
	         "INSERT INTO desk (code, zone_id, kind, name, capacity) VALUES "
	         "('R1', 1, 'meeting-room', 'Saal', 30), ('D1', 1, 'desk', NULL, 1), "
	         "('R2', 2, 'meeting-room', NULL, 30);"
	         "INSERT INTO course (code, title, kind, hours_x10, validity_months, "
	         "renewal_days, needs_approval, created_on) VALUES "
	         "('DS', 'Datenschutz', 'inhouse', 30, 24, 90, 0, '2020-01-01'), "
	         "('EXT', 'Führung', 'external', NULL, NULL, 90, 1, '2020-01-01')");
	trn_person(app, "chef", "Carla Chef", 1, ROLE_EMPLOYEE | ROLE_LEAD);
	trn_exec(app, "UPDATE team SET lead_id = (SELECT id FROM person WHERE login = 'chef') "
	         "WHERE id = 1");
	trn_person(app, "anna", "Anna Berg", 1, ROLE_EMPLOYEE);
	trn_person(app, "bernd", "Bernd Kurz", 1, ROLE_EMPLOYEE);
	trn_person(app, "jweiss", "Jürgen Weiß", 1, ROLE_EMPLOYEE);
	trn_person(app, "dora", "Dora Fern", 1, ROLE_EMPLOYEE);
	trn_person(app, "otto", "Otto Drei", 2, ROLE_EMPLOYEE);
}

#endif
