/* The demo organisation: sizes, leads, roles, dates, names, places,
 * bookings, reproducibility. */
#include "testutil.h"

#include <time.h>

#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/demo/demo.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "../../src/demo/demo_internal.h"
#include "../../src/demo/demo_names.h"

static void demo_open(struct hop_app *app, int people, uint64_t seed)
{
	struct demo_options opt = { people, seed, "Tess Tester" };
	struct hop_err err;

	test_app_open(app, "tester", 0);
	if (demo_generate(app, &opt, &err) != HOP_OK)
		fail_msg("demo_generate: %s", err.msg);
}

static void list_all(struct hop_app *app, struct hop_person_list *l)
{
	struct person_filter f = { NULL, NULL, true };
	struct hop_err err;

	memset(l, 0, sizeof *l);
	if (person_list(app, &f, l, &err) != HOP_OK)
		fail_msg("person_list: %s", err.msg);
}

static void list_teams(struct hop_app *app, struct hop_team_list *l)
{
	struct hop_err err;

	memset(l, 0, sizeof *l);
	if (team_list(app, false, l, &err) != HOP_OK)
		fail_msg("team_list: %s", err.msg);
}

/* Every team has a lead who is a current member of it and holds the lead role. */
static void check_leads(struct hop_app *app, const struct hop_team_list *tl)
{
	struct hop_err err;

	for (size_t i = 0; i < tl->n; i++) {
		struct hop_person lead;
		const struct hop_team *t = &tl->v[i];

		if (!t->lead_login[0])
			fail_msg("team '%s' has no lead", t->name);
		if (person_get(app, t->lead_login, &lead, &err) != HOP_OK)
			fail_msg("lead of '%s': %s", t->name, err.msg);
		assert_int_equal(lead.team_id, t->id);
		assert_true(lead.roles & ROLE_LEAD);
		assert_int_equal(lead.end, HOP_DATE_NONE);
		assert_true(t->members >= 1);
	}
}

static void test_default_organisation(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;
	hop_date today = date_from_ymd(2026, 11, 23);
	int hr = 0, facilities = 0, admins = 0, former = 0, future = 0, recent = 0;
	int umlauts = 0, sharp_s = 0;
	char email[HOP_EMAIL_MAX + 1];
	bool inner = false;

	(void)state;
	demo_open(&app, 0, 0);
	list_all(&app, &pl);
	list_teams(&app, &tl);
	assert_int_equal(pl.n, DEMO_DEFAULT_PEOPLE);
	assert_int_equal(tl.n, 6);
	check_leads(&app, &tl);
	for (size_t i = 0; i < tl.n; i++)
		if (strcmp(tl.v[i].name, "Innerer Dienst") == 0)
			inner = true;
	assert_true(inner);

	for (size_t i = 0; i < pl.n; i++) {
		const struct hop_person *p = &pl.v[i];

		if (p->roles & ROLE_HR) {
			hr++;
			/* HR works in personnel (the acting admin sits in Innerer Dienst). */
			if (strcmp(p->login, "tester") != 0)
				assert_string_equal(p->team, "Referat Z 1 – Personal");
		}
		if (p->roles & ROLE_FACILITIES) {
			facilities++;
			assert_string_equal(p->team, "Innerer Dienst");
		}
		if (p->roles & ROLE_ADMIN)
			admins++;
		if (p->end != HOP_DATE_NONE) {
			former++;
			assert_true(p->end < today);
			assert_true(p->start <= p->end);
		}
		if (p->start > today) {
			future++;
			assert_true(p->start <= today + 7 * 7);
		}
		if (p->start <= today && p->start > today - 28)
			recent++;
		assert_true(p->start >= today - 25 * 365 - 10);
		assert_true(date_weekday(p->start) <= 5 || strcmp(p->login, "tester") == 0);
		assert_true(p->team[0] != '\0');
		if (strstr(p->name, "ä") || strstr(p->name, "ö") || strstr(p->name, "ü") ||
		    strstr(p->name, "Ä") || strstr(p->name, "Ö") || strstr(p->name, "Ü"))
			umlauts++;
		if (strstr(p->name, "ß"))
			sharp_s++;
		/* Logins are ASCII letters and digits; e-mail is login@mail_domain. */
		for (const char *c = p->login; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'));
		snprintf(email, sizeof email, "%s@%s", p->login, app.cfg.mail_domain);
		assert_string_equal(p->email, email);
	}
	assert_true(hr >= 3);           /* the actor, the head of personnel, HR staff */
	assert_true(facilities >= 1);
	assert_int_equal(admins, 2);    /* the actor and one IT admin */
	assert_int_equal(former, 2);
	assert_true(future >= 2 && future <= 3);
	assert_true(recent >= 3);
	assert_true(umlauts >= 3);
	assert_true(sharp_s >= 1);
	person_list_free(&pl);
	team_list_free(&tl);
	test_app_close(&app);
}

static void test_actor_is_admin_in_a_team(void **state)
{
	struct hop_app app;
	struct hop_audit_list al = { 0 };
	struct audit_filter f = { "tester", NULL, HOP_DATE_NONE, 0 };
	struct hop_err err;

	(void)state;
	demo_open(&app, 0, 0);
	assert_true(app.actor.known);
	assert_true(app.actor.roles & ROLE_ADMIN);
	assert_true(app.actor.roles & ROLE_HR);
	assert_string_equal(app.actor.person.name, "Tess Tester");
	assert_string_equal(app.actor.person.team, "Innerer Dienst");
	/* The audit log shows who created the demo: everything was done as tester. */
	assert_int_equal(audit_list(&app, &f, &al, &err), HOP_OK);
	assert_true(al.n >= DEMO_DEFAULT_PEOPLE);
	audit_list_free(&al);
	test_app_close(&app);
}

static void logins_of(int people, uint64_t seed, char **out)
{
	struct hop_app app;
	struct hop_person_list pl;
	size_t len = 0;

	demo_open(&app, people, seed);
	list_all(&app, &pl);
	for (size_t i = 0; i < pl.n; i++)
		len += strlen(pl.v[i].login) + strlen(pl.v[i].name) + 16;
	*out = calloc(1, len + 1);
	assert_non_null(*out);
	for (size_t i = 0; i < pl.n; i++) {
		char line[HOP_LOGIN_MAX + HOP_NAME_MAX + 16], iso[HOP_DATE_ISO_LEN];
		snprintf(line, sizeof line, "%s %s %s\n", pl.v[i].login, pl.v[i].name,
		         date_format(pl.v[i].start, iso));
		strcat(*out, line);
	}
	person_list_free(&pl);
	test_app_close(&app);
}

static void test_same_seed_same_people(void **state)
{
	char *a, *b, *c;

	(void)state;
	logins_of(200, 42, &a);
	logins_of(200, 42, &b);
	logins_of(200, 43, &c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	free(a);
	free(b);
	free(c);
}

static void test_scales_quickly(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;
	struct timespec t0, t1;
	double secs;
	size_t distinct = 0;

	(void)state;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	demo_open(&app, 2000, 7);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	/* With a year of bookings (about 190,000 rows) an unsanitized build takes a
	 * few seconds; this is generous for a sanitizer build on a busy machine. */
	if (secs > 90.0)
		fail_msg("2,000 people took %.1f s", secs);

	list_all(&app, &pl);
	list_teams(&app, &tl);
	assert_int_equal(pl.n, 2000);
	assert_int_equal(tl.n, 200);
	check_leads(&app, &tl);
	/* Names mostly distinct: count those unlike their predecessor in a sorted copy. */
	{
		char (*names)[HOP_NAME_MAX + 1] = calloc(pl.n, sizeof *names);
		assert_non_null(names);
		for (size_t i = 0; i < pl.n; i++)
			memcpy(names[i], pl.v[i].name, sizeof names[i]);
		qsort(names, pl.n, sizeof *names, (int (*)(const void *, const void *))strcmp);
		for (size_t i = 0; i < pl.n; i++)
			if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
				distinct++;
		free(names);
	}
	assert_true(distinct >= pl.n * 95 / 100);
	person_list_free(&pl);
	team_list_free(&tl);
	test_app_close(&app);
}

/* ---- places and bookings ---- */

/* One number from a query (tests read the database directly: the invariants
 * are about rows, whatever the core functions make of them). */
static long long query_int(struct hop_app *app, const char *sql, const char *text)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	long long v;

	if (!st)
		fail_msg("%s: %s", sql, err.msg);
	if (text)
		db_bind_text(st, 1, text);
	assert_int_equal(db_step(st), DB_ROW);
	v = db_col_int64(st, 0);
	db_reset(st);
	return v;
}

/* Active bookings sharing a place, or a person's desk, in a half day. */
static long long collisions(struct hop_app *app)
{
	return query_int(app, "WITH h AS (SELECT desk_id, person_id, day, is_room, 1 AS half "
	                 "FROM booking WHERE am = 1 AND cancelled_at IS NULL UNION ALL "
	                 "SELECT desk_id, person_id, day, is_room, 2 FROM booking "
	                 "WHERE pm = 1 AND cancelled_at IS NULL) "
	                 "SELECT (SELECT count(*) FROM (SELECT 1 FROM h GROUP BY desk_id, day, half "
	                 "HAVING count(*) > 1)) + (SELECT count(*) FROM (SELECT 1 FROM h "
	                 "WHERE is_room = 0 GROUP BY person_id, day, half HAVING count(*) > 1))", NULL);
}

static void test_places(void **state)
{
	struct hop_app app;
	struct hop_site_list sl = { 0 };
	struct hop_zone_list zl = { 0 };
	struct hop_desk_list dl = { 0 };
	struct hop_team_list tl;
	struct desk_filter all = { NULL, NULL, 0, -1, false };
	struct hop_err err;
	int desks = 0, monitor = 0, dock = 0, standing = 0, accessible = 0, quiet = 0;
	int fixed = 0, team_rooms = 0, creative = 0, meeting = 0, levels[16] = { 0 }, floors = 0;
	hop_date today = date_from_ymd(2026, 11, 23);

	(void)state;
	demo_open(&app, 0, 0);
	assert_int_equal(site_list(&app, &sl, &err), HOP_OK);
	assert_int_equal(sl.n, 1);
	assert_string_equal(sl.v[0].name, "Dienstgebäude Mitte");
	assert_non_null(strstr(sl.v[0].address, "Wilhelmstraße"));
	assert_non_null(strstr(sl.v[0].address, "Berlin"));
	assert_string_equal(sl.v[0].timezone, app.cfg.timezone);
	assert_string_equal(sl.v[0].region, app.cfg.region);

	/* A zone for every team, with the team as its owner; floors 3 to 4. */
	list_teams(&app, &tl);
	assert_int_equal(zone_list(&app, NULL, &zl, &err), HOP_OK);
	for (size_t i = 0; i < tl.n; i++) {
		int found = 0;
		for (size_t j = 0; j < zl.n; j++)
			if (zl.v[j].team_id == tl.v[i].id) {
				found++;
				assert_string_equal(zl.v[j].team, tl.v[i].name);
				assert_true(zl.v[j].desks >= 1);
			}
		if (found != 1)
			fail_msg("team '%s' has %d zones", tl.v[i].name, found);
	}
	for (size_t j = 0; j < zl.n; j++) {
		assert_true(zl.v[j].level >= 0 && zl.v[j].level < 16);
		if (!levels[zl.v[j].level]++)
			floors++;
	}
	assert_true(floors >= 3 && floors <= 4);

	assert_int_equal(desk_list(&app, &all, &dl, &err), HOP_OK);
	for (size_t i = 0; i < dl.n; i++) {
		const struct hop_desk *d = &dl.v[i];
		switch (d->kind) {
		case DESK_KIND_DESK:
			desks++;
			monitor += !!(d->attrs & ATTR_MONITOR);
			dock += !!(d->attrs & ATTR_DOCK);
			standing += !!(d->attrs & ATTR_STANDING);
			accessible += !!(d->attrs & ATTR_ACCESSIBLE);
			quiet += !!(d->attrs & ATTR_QUIET);
			/* Codes like "2.07": the floor's level, a dot, two digits. */
			assert_int_equal(d->code[0] - '0', d->zone.level);
			assert_int_equal(d->code[1], '.');
			assert_int_equal(strlen(d->code), 4);
			if (d->owner_id) {
				struct hop_person o;
				fixed++;
				assert_int_equal(person_get(&app, d->owner_login, &o, &err), HOP_OK);
				/* Leads or long-serving staff, at a desk in their team's zone. */
				assert_true((o.roles & ROLE_LEAD) || o.start <= today - 5 * 365);
				assert_int_equal(o.team_id, d->zone.team_id);
			}
			break;
		case DESK_KIND_TEAM_ROOM:
			team_rooms++;
			assert_true(d->zone.team_id != 0);
			assert_int_equal(d->bookable, BOOKABLE_TEAM);
			break;
		case DESK_KIND_CREATIVE_ROOM:
			creative++;
			break;
		case DESK_KIND_MEETING_ROOM:
			meeting++;
			assert_true(d->capacity >= 6 && d->capacity <= 12);
			break;
		}
		if (d->kind != DESK_KIND_DESK)
			assert_true(d->name[0] != '\0' && d->capacity >= 2);
	}
	assert_int_equal(desks, 45);
	assert_int_equal(team_rooms, 1);
	assert_int_equal(creative, 1);
	assert_int_equal(meeting, 2);
	assert_true(fixed >= 3 && fixed <= 5);
	/* Realistic spread: most have a monitor and a dock, some stand, a few are
	 * accessible or quiet, not all. */
	assert_true(monitor >= desks * 7 / 10 && monitor < desks);
	assert_true(dock >= desks * 6 / 10);
	assert_true(standing >= 2 && standing <= desks / 2);
	assert_true(accessible >= 3 && accessible <= desks / 3);
	assert_true(quiet >= 2 && quiet <= desks / 3);
	site_list_free(&sl);
	zone_list_free(&zl);
	desk_list_free(&dl);
	team_list_free(&tl);
	test_app_close(&app);
}

static void test_bookings(void **state)
{
	struct hop_app app;
	struct hop_audit_list al = { 0 };
	struct audit_filter af = { NULL, "demo", HOP_DATE_NONE, 0 };
	struct hop_err err;
	hop_date today = date_from_ymd(2026, 11, 23), last;
	char from[HOP_DATE_ISO_LEN], to[HOP_DATE_ISO_LEN];
	long long total, whole, rooms, days, people, audits = 0;

	(void)state;
	demo_open(&app, 0, 0);
	last = today + app.cfg.booking_horizon_days;
	date_format(today, from);
	date_format(last, to);
	total = query_int(&app, "SELECT count(*) FROM booking", NULL);
	/* Sixty people, one to three office days a week, for four weeks. */
	assert_true(total >= 150 && total <= 600);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking WHERE day < ?1", from), 0);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking WHERE day > ?1", to), 0);
	assert_int_equal(collisions(&app), 0);
	/* Working days only: strftime %w is 0 on Sunday, 6 on Saturday. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking "
	                           "WHERE strftime('%w', day) IN ('0', '6')", NULL), 0);
	/* Every working day of the coming weeks has bookings. */
	days = query_int(&app, "SELECT count(DISTINCT day) FROM booking", NULL);
	assert_int_equal(days, 21);
	/* Mostly whole days, some half days, a few room bookings. */
	whole = query_int(&app, "SELECT count(*) FROM booking WHERE am = 1 AND pm = 1", NULL);
	rooms = query_int(&app, "SELECT count(*) FROM booking WHERE is_room = 1", NULL);
	assert_true(whole >= total * 6 / 10 && whole < total);
	assert_true(rooms >= 5 && rooms <= total / 5);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id WHERE b.attendees > d.capacity "
	                           "OR b.is_room <> (d.kind <> 'desk')", NULL), 0);
	/* A team room only for its team. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id "
	                           "JOIN person p ON p.id = b.person_id "
	                           "WHERE d.bookable_by = 'team' AND p.team_id <> z.team_id", NULL), 0);
	/* Only people employed on the day; everyone books for themselves. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN person p "
	                           "ON p.id = b.person_id WHERE b.day < p.start_date "
	                           "OR b.day > coalesce(p.end_date, '9999') "
	                           "OR b.booked_by <> b.person_id", NULL), 0);
	/* A fixed desk goes to someone else only on a day its owner is not in. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d "
	                           "ON d.id = b.desk_id WHERE d.owner_id IS NOT NULL "
	                           "AND b.person_id <> d.owner_id AND EXISTS (SELECT 1 FROM booking o "
	                           "WHERE o.person_id = d.owner_id AND o.day = b.day AND o.is_room = 0)",
	                           NULL), 0);
	/* Owners do come in, to their own desks. */
	assert_true(query_int(&app, "SELECT count(*) FROM booking b JOIN desk d ON d.id = b.desk_id "
	                      "WHERE b.person_id = d.owner_id", NULL) >= 5);
	/* Not everyone comes in at once: even the busiest day leaves desks free,
	 * and most people come in at some point of the four weeks. */
	assert_true(query_int(&app, "SELECT max(n) FROM (SELECT count(*) AS n FROM booking "
	                      "WHERE is_room = 0 GROUP BY day)", NULL) < 45);
	people = query_int(&app, "SELECT count(DISTINCT person_id) FROM booking", NULL);
	assert_true(people >= 40);

	/* One audit entry for the batch. */
	assert_int_equal(audit_list(&app, &af, &al, &err), HOP_OK);
	for (size_t i = 0; i < al.n; i++)
		if (strcmp(al.v[i].action, "demo.bookings") == 0) {
			audits++;
			assert_non_null(al.v[i].detail);
			assert_non_null(strstr(al.v[i].detail, "bookings="));
		}
	assert_int_equal(audits, 1);
	audit_list_free(&al);
	test_app_close(&app);
}

/* Everything a seed decides, as text: people, places and bookings. */
static char *dump_of(int people, uint64_t seed)
{
	struct hop_app app;
	struct hop_err err;
	struct db_stmt *st;
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);

	assert_non_null(out);
	out[0] = '\0';
	demo_open(&app, people, seed);
	st = db_stmt(app.db, "SELECT b.day || ' ' || d.code || ' ' || p.login || ' ' || b.am || b.pm "
	             "|| ' ' || b.attendees || ' ' || d.attrs || ' ' || coalesce(d.owner_id, 0) "
	             "FROM booking b JOIN desk d ON d.id = b.desk_id "
	             "JOIN person p ON p.id = b.person_id ORDER BY b.id", &err);
	assert_non_null(st);
	while (db_step(st) == DB_ROW) {
		const char *line = db_col_text(st, 0);
		size_t n = strlen(line);
		if (len + n + 2 > cap) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	db_reset(st);
	test_app_close(&app);
	return out;
}

static void test_same_seed_same_bookings(void **state)
{
	char *a, *b, *c;

	(void)state;
	a = dump_of(0, 0);
	b = dump_of(0, 0);
	c = dump_of(0, 5);
	assert_true(strlen(a) > 1000);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	free(a);
	free(b);
	free(c);
}

/* Larger organisations: one desk for four people, a year of bookings that
 * ends with the booking horizon, no collisions. */
static void test_scaled_places_and_year(void **state)
{
	struct hop_app app;
	struct hop_err err;
	char first[HOP_DATE_ISO_LEN], last[HOP_DATE_ISO_LEN];
	hop_date today = date_from_ymd(2026, 11, 23);
	long long n;

	(void)state;
	demo_open(&app, 1000, 11);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind = 'desk'", NULL), 250);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM zone WHERE team_id IS NOT NULL", NULL),
	                 100);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM site", NULL), 1);
	/* Three desk floors (at most 180 desks each) above the ground floor's rooms. */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM floor", NULL), 4);
	date_format(today + app.cfg.booking_horizon_days - 364, first);
	date_format(today + app.cfg.booking_horizon_days, last);
	assert_int_equal(query_int(&app, "SELECT min(day) = ?1 FROM booking", first), 1);
	assert_int_equal(query_int(&app, "SELECT max(day) <= ?1 FROM booking", last), 1);
	/* A crowded office: about a hundred rows a person a year. */
	n = query_int(&app, "SELECT count(*) FROM booking", NULL);
	assert_true(n >= 80000 && n <= 120000);
	assert_int_equal(collisions(&app), 0);
	test_app_close(&app);

	/* Many sites for many desks (one per thousand): codes carry the site's
	 * letter.  The places alone, for three teams, to keep the test quick. */
	test_app_open(&app, "tester", 1);
	assert_int_equal(team_add(&app, "Referat A", NULL, &err), HOP_OK);
	assert_int_equal(team_add(&app, "Referat B", NULL, &err), HOP_OK);
	assert_int_equal(team_add(&app, "Referat C", NULL, &err), HOP_OK);
	assert_int_equal(demo_places(&app, 8200, 3, &err), HOP_OK);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind = 'desk'", NULL), 2050);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM site", NULL), 3);
	assert_int_equal(query_int(&app, "SELECT count(DISTINCT substr(code, 1, 1)) FROM desk "
	                           "WHERE kind = 'desk'", NULL), 3);
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind = 'desk' "
	                           "AND code NOT GLOB '[ABC][1-9].[0-9][0-9]*'", NULL), 0);
	/* Per site: a meeting room per forty desks, a creative room per 250, and
	 * a team room for its largest team (here its only one). */
	assert_int_equal(query_int(&app, "SELECT count(*) FROM desk WHERE kind <> 'desk'", NULL),
	                 3 * (17 + 2 + 1));
	test_app_close(&app);
}

static void test_small_sizes(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct hop_team_list tl;

	(void)state;
	for (int n = 1; n <= 12; n += 11) {
		demo_open(&app, n, 0);
		list_all(&app, &pl);
		list_teams(&app, &tl);
		assert_int_equal(pl.n, (size_t)n);
		assert_int_equal(tl.n, 1);
		check_leads(&app, &tl);
		person_list_free(&pl);
		team_list_free(&tl);
		test_app_close(&app);
	}
}

static void test_refused(void **state)
{
	struct hop_app app;
	struct hop_person_list pl;
	struct demo_options opt = { 0, 0, NULL };
	struct hop_err err;

	(void)state;
	test_app_open(&app, "tester", 0);
	opt.people = DEMO_MAX_PEOPLE + 1;
	assert_int_equal(demo_generate(&app, &opt, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "20001"));
	opt.people = -3;
	assert_int_equal(demo_generate(&app, &opt, &err), HOP_EINVAL);
	test_app_close(&app);

	/* Not into a database that already has people: nothing is added. */
	test_app_open(&app, "tester", 1);
	opt.people = 10;
	assert_int_not_equal(demo_generate(&app, &opt, &err), HOP_OK);
	assert_true(strlen(err.msg) > 0);
	list_all(&app, &pl);
	assert_int_equal(pl.n, 1);
	person_list_free(&pl);
	assert_true(app.actor.known);
	test_app_close(&app);
}

static void test_transliterate(void **state)
{
	char buf[HOP_NAME_MAX + 1];
	const char *const *tables[] = { demo_first_names, demo_surnames };
	const size_t counts[] = { demo_first_name_count, demo_surname_count };

	(void)state;
	assert_true(demo_transliterate("Jürgen Weiß", buf, sizeof buf));
	assert_string_equal(buf, "juergenweiss");
	assert_true(demo_transliterate("Özlem Şahin", buf, sizeof buf));
	assert_string_equal(buf, "oezlemsahin");
	assert_true(demo_transliterate("Łukasz Wiśniewski-Yılmaz", buf, sizeof buf));
	assert_string_equal(buf, "lukaszwisniewskiyilmaz");
	assert_false(demo_transliterate("Jürgen", buf, 6));   /* "juergen" does not fit */
	assert_false(demo_transliterate("山田", buf, sizeof buf));
	assert_false(demo_transliterate("a@b", buf, sizeof buf));

	/* Every name the generator can pick has an ASCII form. */
	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < counts[t]; i++)
			if (!demo_transliterate(tables[t][i], buf, sizeof buf) || !buf[0])
				fail_msg("no login form for '%s'", tables[t][i]);
	assert_true(demo_first_name_count * demo_surname_count >= 80000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_organisation),
		cmocka_unit_test(test_actor_is_admin_in_a_team),
		cmocka_unit_test(test_same_seed_same_people),
		cmocka_unit_test(test_scales_quickly),
		cmocka_unit_test(test_small_sizes),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_bookings),
		cmocka_unit_test(test_same_seed_same_bookings),
		cmocka_unit_test(test_scaled_places_and_year),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_transliterate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
