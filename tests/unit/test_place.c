/* Places: words (kinds, attributes, bookable_by), codes in natural order,
 * sites, zones (and ambiguous zone names), desks and rooms, permissions,
 * editing with one audit entry, retiring that cancels what was booked. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/booking/booking.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void add_person(struct hop_app *app, const char *login, const char *name, unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.roles = roles;
	p.start = HOP_DATE_NONE;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void ok(enum hop_status st, const struct hop_err *err)
{
	if (st != HOP_OK)
		fail_msg("%s", err->msg);
}

static struct desk_spec spec(const char *code, const char *zone)
{
	struct desk_spec d = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };

	snprintf(d.code, sizeof d.code, "%s", code);
	snprintf(d.zone, sizeof d.zone, "%s", zone);
	return d;
}

/* A site "Hauptgebäude" with floor "3. OG" and zone "Zone Süd". */
static void setup_site(struct hop_app *app)
{
	struct hop_err err;

	ok(site_add(app, "Hauptgebäude", "Alt-Moabit 140, 10557 Berlin", NULL, NULL, &err), &err);
	ok(zone_add(app, "Hauptgebäude", "3. OG", 3, "Zone Süd", NULL, &err), &err);
}

static void test_words(void **state)
{
	struct hop_err err;
	enum desk_kind k;
	enum desk_bookable b;
	unsigned a;
	char buf[128];

	(void)state;
	assert_int_equal(desk_kind_parse("Besprechungsraum", &k, &err), HOP_OK);
	assert_int_equal(k, DESK_KIND_MEETING_ROOM);
	assert_int_equal(desk_kind_parse("team-room", &k, &err), HOP_OK);
	assert_int_equal(k, DESK_KIND_TEAM_ROOM);
	assert_int_equal(desk_kind_parse("KREATIVRAUM", &k, &err), HOP_OK);
	assert_int_equal(k, DESK_KIND_CREATIVE_ROOM);
	assert_int_equal(desk_kind_parse("arbeitsplatz", &k, &err), HOP_OK);
	assert_int_equal(k, DESK_KIND_DESK);
	assert_int_equal(desk_kind_parse("sofa", &k, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'sofa'"));
	assert_non_null(strstr(err.msg, "meeting-room"));
	assert_string_equal(desk_kind_name(DESK_KIND_CREATIVE_ROOM), "creative-room");
	assert_string_equal(desk_kind_display(DESK_KIND_MEETING_ROOM), "meeting room");

	assert_int_equal(desk_attr_parse("monitor, Stehpult;barrierefrei+ruhig|dock", &a, &err),
	                 HOP_OK);
	assert_int_equal(a, ATTR_MONITOR | ATTR_STANDING | ATTR_ACCESSIBLE | ATTR_QUIET | ATTR_DOCK);
	assert_int_equal(desk_attr_parse("Beamer video WHITEBOARD", &a, &err), HOP_OK);
	assert_int_equal(a, ATTR_SCREEN | ATTR_VIDEO | ATTR_WHITEBOARD);
	assert_int_equal(desk_attr_parse("", &a, &err), HOP_OK);
	assert_int_equal(a, 0);
	assert_int_equal(desk_attr_parse("monitor,laser", &a, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'laser'"));
	assert_non_null(strstr(err.msg, "stehpult"));
	assert_string_equal(desk_attr_format(ATTR_QUIET | ATTR_MONITOR, buf, sizeof buf),
	                    "monitor,quiet");
	assert_string_equal(desk_attr_format(ATTR_ALL, buf, 20), "monitor,standing");
	assert_string_equal(desk_attr_format(0, buf, sizeof buf), "");

	assert_int_equal(desk_bookable_parse("Leitung", &b, &err), HOP_OK);
	assert_int_equal(b, BOOKABLE_LEADS);
	assert_int_equal(desk_bookable_parse("alle", &b, &err), HOP_OK);
	assert_int_equal(b, BOOKABLE_ALL);
	assert_int_equal(desk_bookable_parse("team", &b, &err), HOP_OK);
	assert_int_equal(b, BOOKABLE_TEAM);
	assert_int_equal(desk_bookable_parse("boss", &b, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'boss'"));
	assert_string_equal(desk_bookable_name(BOOKABLE_LEADS), "leads");

	assert_int_equal(desk_check_code("3.14", &err), HOP_OK);
	assert_int_equal(desk_check_code("R3.01-a_b", &err), HOP_OK);
	assert_int_equal(desk_check_code("", &err), HOP_EINVAL);
	assert_int_equal(desk_check_code("3 14", &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'3 14'"));
	assert_int_equal(desk_check_code("Süd1", &err), HOP_EINVAL);
	assert_int_equal(desk_check_code("123456789012345678901234567890123", &err), HOP_EINVAL);
	assert_int_equal(desk_check_code("12345678901234567890123456789012", &err), HOP_OK);
}

static void test_natural_order(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk_list l;
	const char *codes[] = { "10.1", "3.10", "3.2", "R3.01", "3.02", "A2", "a10" };
	const char *want[] = { "3.02", "3.2", "3.10", "10.1", "A2", "a10", "R3.01" };

	(void)state;
	assert_true(desk_code_compare("3.2", "3.10") < 0);
	assert_true(desk_code_compare("3.10", "10.1") < 0);
	assert_true(desk_code_compare("10.1", "3.2") > 0);
	assert_true(desk_code_compare("a2", "A10") < 0);
	assert_true(desk_code_compare("R3", "R3.1") < 0);
	assert_int_equal(desk_code_compare("x1", "x1"), 0);
	assert_true(desk_code_compare("3.02", "3.2") != 0);

	test_app_open(&app, "admin", 1);
	setup_site(&app);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		struct desk_spec d = spec(codes[i], "Zone Süd");
		ok(desk_add(&app, &d, &err), &err);
	}
	ok(desk_list(&app, &(struct desk_filter){ .rooms = 0 }, &l, &err), &err);
	assert_int_equal(l.n, 7);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.v[i].code, want[i]);
	desk_list_free(&l);
	test_app_close(&app);
}

static void test_sites(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_site s;
	struct hop_site_list l;
	char changes[512];

	(void)state;
	test_app_open(&app, "admin", 1);
	ok(site_add(&app, "Hauptgebäude", NULL, NULL, NULL, &err), &err);
	ok(site_get(&app, "hauptgebaeude", &s, &err), &err);
	assert_string_equal(s.name, "Hauptgebäude");
	assert_string_equal(s.timezone, app.cfg.timezone);
	assert_string_equal(s.region, app.cfg.region);
	ok(site_get(&app, "HAUPTGEBÄUDE", &s, &err), &err);
	assert_string_equal(s.name, "Hauptgebäude");
	assert_int_equal(site_add(&app, "HAUPTGEBÄUDE", NULL, NULL, NULL, &err), HOP_ECONFLICT);
	assert_int_equal(site_add(&app, "hauptgebäude", NULL, NULL, NULL, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "already is a site"));

	ok(site_add(&app, "Außenstelle Bonn", "Graurheindorfer Str. 198", "Europe/Berlin", "nw",
	            &err), &err);
	ok(site_get(&app, "aussenstelle-bonn", &s, &err), &err);
	assert_string_equal(s.region, "NW");
	assert_string_equal(s.address, "Graurheindorfer Str. 198");

	assert_int_equal(site_add(&app, "Mars", NULL, "Mars/Olympus", NULL, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "timezone: "));
	assert_non_null(strstr(err.msg, "Mars/Olympus"));
	assert_int_equal(site_add(&app, "Bayern", NULL, NULL, "Bayern", &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "use BY for Bayern"));
	assert_int_equal(site_add(&app, "Haus 1/2", NULL, NULL, NULL, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "'/'"));
	assert_int_equal(site_add(&app, "", NULL, NULL, NULL, &err), HOP_EINVAL);
	assert_int_equal(count(&app, "SELECT count(*) FROM site"), 2);

	ok(site_edit_report(&app, "aussenstelle-bonn", NULL, "", NULL, "BE", changes,
	                    sizeof changes, &err), &err);
	assert_string_equal(changes, "address: Graurheindorfer Str. 198 -> (none); region: NW -> BE");
	ok(site_edit_report(&app, "aussenstelle-bonn", NULL, NULL, "Europe/Berlin", "BE", changes,
	                    sizeof changes, &err), &err);
	assert_string_equal(changes, "");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'site.edit'"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'site.add' "
	                 "AND object = 'site:hauptgebaeude'"), 1);
	ok(site_list(&app, &l, &err), &err);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "Außenstelle Bonn");   /* German order: Au < Ha */
	site_list_free(&l);
	test_app_close(&app);
}

static void test_zones(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_zone z;
	struct hop_zone_list l;

	(void)state;
	test_app_open(&app, "admin", 1);
	ok(site_add(&app, "Haus A", NULL, NULL, NULL, &err), &err);
	ok(site_add(&app, "Haus B", NULL, NULL, NULL, &err), &err);
	ok(team_add(&app, "Referat 11", NULL, &err), &err);
	ok(zone_add(&app, "Haus A", "1. OG", 1, "Nord", "Referat 11", &err), &err);
	ok(zone_add(&app, "haus-b", "EG", 0, "Nord", NULL, &err), &err);
	ok(zone_add(&app, "Haus B", "EG", 7, "Süd", NULL, &err), &err);
	/* The floor existed: it keeps its level. */
	ok(zone_get(&app, "Süd", &z, &err), &err);
	assert_int_equal(z.level, 0);
	assert_string_equal(z.site, "Haus B");
	assert_int_equal(count(&app, "SELECT count(*) FROM floor"), 2);

	assert_int_equal(zone_get(&app, "Nord", &z, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "Haus A/1. OG/Nord"));
	assert_non_null(strstr(err.msg, "Haus B/EG/Nord"));
	assert_non_null(strstr(err.msg, "SITE/FLOOR/ZONE"));
	ok(zone_get(&app, "Haus A/1. OG/Nord", &z, &err), &err);
	assert_string_equal(z.team, "Referat 11");
	assert_int_equal(z.level, 1);
	ok(zone_get(&app, "haus-b/eg/nord", &z, &err), &err);
	assert_string_equal(z.site, "Haus B");
	assert_int_equal(zone_get(&app, "West", &z, &err), HOP_ENOTFOUND);
	assert_int_equal(zone_get(&app, "Haus A/EG/Nord", &z, &err), HOP_ENOTFOUND);
	assert_int_equal(zone_get(&app, "Haus A/Nord", &z, &err), HOP_EINVAL);

	assert_int_equal(zone_add(&app, "Haus A", "1. OG", 1, "nord", NULL, &err), HOP_ECONFLICT);
	/* The floor range is core's, whoever asks: the command line parses with it. */
	assert_int_equal(zone_add(&app, "Haus A", "Dach", FLOOR_LEVEL_MAX + 1, "Ost", NULL, &err),
	                 HOP_EINVAL);
	assert_string_equal(err.msg, "level: '201' is not a floor level from -20 to 200 (0 is the "
	                    "ground floor)");
	{
		int level = 99;
		assert_int_equal(floor_level_parse("-20", &level, &err), HOP_OK);
		assert_int_equal(level, FLOOR_LEVEL_MIN);
		assert_int_equal(floor_level_parse("200", &level, &err), HOP_OK);
		assert_int_equal(floor_level_parse("-21", &level, &err), HOP_EINVAL);
		assert_int_equal(floor_level_parse("drei", &level, &err), HOP_EINVAL);
		assert_int_equal(floor_level_parse("", &level, &err), HOP_EINVAL);
		assert_int_equal(floor_level_parse("99999999999999999999", &level, &err), HOP_EINVAL);
		assert_int_equal(level, FLOOR_LEVEL_MAX);
	}
	assert_int_equal(zone_add(&app, "Haus C", "1. OG", 1, "Ost", NULL, &err), HOP_ENOTFOUND);
	assert_int_equal(zone_add(&app, "Haus A", "1. OG", 1, "Ost", "Referat 99", &err),
	                 HOP_ENOTFOUND);
	ok(team_add(&app, "Referat 12", NULL, &err), &err);
	ok(team_remove(&app, "Referat 12", &err), &err);
	assert_int_equal(zone_add(&app, "Haus A", "1. OG", 1, "Ost", "Referat 12", &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "dissolved"));

	ok(zone_edit(&app, "Haus B/EG/Nord", "Nordost", "Referat 11", &err), &err);
	ok(zone_get(&app, "Nordost", &z, &err), &err);
	assert_string_equal(z.team, "Referat 11");
	ok(zone_edit(&app, "Nordost", NULL, "", &err), &err);
	ok(zone_get(&app, "Nordost", &z, &err), &err);
	assert_int_equal(z.team_id, 0);

	ok(zone_list(&app, NULL, &l, &err), &err);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].name, "Nord");
	assert_string_equal(l.v[1].name, "Nordost");
	assert_string_equal(l.v[2].name, "Süd");
	zone_list_free(&l);
	ok(zone_list(&app, "Haus A", &l, &err), &err);
	assert_int_equal(l.n, 1);
	zone_list_free(&l);
	test_app_close(&app);
}

static void test_permission(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct desk_spec d = spec("3.01", "Zone Süd");
	int n;

	(void)state;
	test_app_open(&app, "admin", 1);
	setup_site(&app);
	add_person(&app, "emp", "Anna Berg", ROLE_EMPLOYEE);
	add_person(&app, "fac", "Jürgen Weiß", ROLE_EMPLOYEE | ROLE_FACILITIES);
	add_person(&app, "lead", "Şükrü Öztürk", ROLE_EMPLOYEE | ROLE_LEAD);
	ok(desk_add(&app, &d, &err), &err);

	for (int i = 0; i < 2; i++) {
		test_act_as(&app, i ? "lead" : "emp");
		assert_int_equal(site_add(&app, "Nebengebäude", NULL, NULL, NULL, &err), HOP_EPERM);
		assert_non_null(strstr(err.msg, "facilities"));
		assert_int_equal(zone_add(&app, "Hauptgebäude", "EG", 0, "Foyer", NULL, &err),
		                 HOP_EPERM);
		d = spec("3.02", "Zone Süd");
		assert_int_equal(desk_add(&app, &d, &err), HOP_EPERM);
		assert_int_equal(desk_edit(&app, "3.01", DF_ATTRS, &d, &err), HOP_EPERM);
		assert_int_equal(desk_retire(&app, "3.01", HOP_DATE_NONE, &n, &err), HOP_EPERM);
		assert_int_equal(site_edit(&app, "Hauptgebäude", "X", NULL, NULL, NULL, &err),
		                 HOP_EPERM);
		assert_int_equal(zone_edit(&app, "Zone Süd", "X", NULL, &err), HOP_EPERM);
	}
	assert_int_equal(count(&app, "SELECT count(*) FROM site"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM zone"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk WHERE retired_on IS NOT NULL"), 0);

	test_act_as(&app, "fac");
	ok(site_add(&app, "Nebengebäude", NULL, NULL, NULL, &err), &err);
	ok(zone_add(&app, "Nebengebäude", "EG", 0, "Foyer", NULL, &err), &err);
	d = spec("3.02", "Zone Süd");
	ok(desk_add(&app, &d, &err), &err);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE actor = 'fac'"), 3);
	test_app_close(&app);
}

static void test_desk_rules(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk got;
	struct desk_spec d;

	(void)state;
	test_app_open(&app, "admin", 1);
	setup_site(&app);
	add_person(&app, "emp", "Anna Berg", ROLE_EMPLOYEE);
	{
		struct hop_person p = { .roles = ROLE_EMPLOYEE, .end = HOP_DATE_NONE };
		snprintf(p.login, sizeof p.login, "gone");
		snprintf(p.name, sizeof p.name, "Max Alt");
		p.start = date_from_ymd(2020, 1, 1);
		ok(person_add(&app, &p, &err), &err);
	}
	ok(person_remove(&app, "gone", date_from_ymd(2026, 11, 1), &err), &err);

	d = spec("3.14", "Hauptgebäude/3. OG/Zone Süd");
	d.attrs = ATTR_MONITOR | ATTR_QUIET;
	snprintf(d.owner, sizeof d.owner, "emp");
	ok(desk_add(&app, &d, &err), &err);
	ok(desk_get(&app, "3.14", &got, &err), &err);
	assert_int_equal(got.capacity, 1);
	assert_string_equal(got.owner_name, "Anna Berg");
	assert_string_equal(got.zone.floor, "3. OG");
	assert_true(desk_active_on(&got, date_from_ymd(2030, 1, 1)));

	d = spec("3.14", "Zone Süd");
	assert_int_equal(desk_add(&app, &d, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "3.14"));
	d = spec("r1", "Zone Süd");
	ok(desk_add(&app, &d, &err), &err);
	d = spec("R1", "Zone Süd");
	assert_int_equal(desk_add(&app, &d, &err), HOP_ECONFLICT);   /* codes ignore case */

	d = spec("3.15", "Zone Süd");
	d.capacity = 2;
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "room"));
	d = spec("3.15", "Zone Süd");
	snprintf(d.owner, sizeof d.owner, "gone");
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "left on 2026-11-01"));
	d = spec("3.15", "Zone Süd");
	snprintf(d.owner, sizeof d.owner, "nobody");
	assert_int_equal(desk_add(&app, &d, &err), HOP_ENOTFOUND);
	d = spec("3.15", "Zone Süd");
	d.bookable = BOOKABLE_TEAM;
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "has no team"));
	d = spec("3.15", "Zone Nord");
	assert_int_equal(desk_add(&app, &d, &err), HOP_ENOTFOUND);

	d = spec("R3.01", "Zone Süd");
	d.kind = DESK_KIND_CREATIVE_ROOM;
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);   /* no capacity */
	assert_non_null(strstr(err.msg, "capacity"));
	d.capacity = 501;
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);
	d.capacity = 8;
	snprintf(d.owner, sizeof d.owner, "emp");
	assert_int_equal(desk_add(&app, &d, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "only desks may have an owner"));
	d.owner[0] = '\0';
	snprintf(d.name, sizeof d.name, "Kreativraum Spree");
	d.bookable = BOOKABLE_LEADS;
	ok(desk_add(&app, &d, &err), &err);
	ok(desk_get(&app, "r3.01", &got, &err), &err);
	assert_int_equal(got.kind, DESK_KIND_CREATIVE_ROOM);
	assert_int_equal(got.capacity, 8);
	assert_int_equal(got.bookable, BOOKABLE_LEADS);
	assert_string_equal(got.name, "Kreativraum Spree");
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'desk.add'"), 3);

	struct hop_desk_list l;
	ok(desk_list(&app, &(struct desk_filter){ .rooms = 1 }, &l, &err), &err);
	assert_int_equal(l.n, 1);
	desk_list_free(&l);
	ok(desk_list(&app, &(struct desk_filter){ .rooms = -1, .attrs = ATTR_QUIET }, &l, &err),
	   &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].code, "3.14");
	desk_list_free(&l);
	ok(desk_list(&app, &(struct desk_filter){ .rooms = -1, .site = "hauptgebaeude" }, &l,
	             &err), &err);
	assert_int_equal(l.n, 3);
	desk_list_free(&l);
	assert_int_equal(desk_list(&app, &(struct desk_filter){ .site = "Nowhere" }, &l, &err),
	                 HOP_ENOTFOUND);
	test_app_close(&app);
}

static void test_edit(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk got;
	struct desk_spec d;
	char changes[1024];
	struct hop_audit_list al;

	(void)state;
	test_app_open(&app, "admin", 1);
	setup_site(&app);
	ok(team_add(&app, "Referat 11", NULL, &err), &err);
	ok(zone_add(&app, "Hauptgebäude", "EG", 0, "Foyer", "Referat 11", &err), &err);
	add_person(&app, "emp", "Anna Berg", ROLE_EMPLOYEE);
	d = spec("3.14", "Zone Süd");
	d.attrs = ATTR_MONITOR;
	ok(desk_add(&app, &d, &err), &err);

	memset(&d, 0, sizeof d);
	d.attrs = ATTR_MONITOR | ATTR_QUIET;
	snprintf(d.owner, sizeof d.owner, "emp");
	snprintf(d.zone, sizeof d.zone, "Foyer");
	d.bookable = BOOKABLE_TEAM;
	ok(desk_edit_report(&app, "3.14", DF_ATTRS | DF_OWNER | DF_ZONE | DF_BOOKABLE, &d, changes,
	                    sizeof changes, &err), &err);
	assert_string_equal(changes, "zone: Hauptgebäude/3. OG/Zone Süd -> Hauptgebäude/EG/Foyer; "
	                    "attributes: monitor -> monitor,quiet; owner: (none) -> emp; "
	                    "bookable_by: all -> team");
	ok(audit_list(&app, &(struct audit_filter){ .object = "desk:3.14", .since = HOP_DATE_NONE },
	              &al, &err), &err);
	assert_int_equal(al.n, 2);
	assert_string_equal(al.v[0].action, "desk.edit");
	assert_string_equal(al.v[0].detail, changes);
	audit_list_free(&al);

	/* The same values again: nothing changes, nothing is written. */
	ok(desk_edit_report(&app, "3.14", DF_ATTRS | DF_OWNER, &d, changes, sizeof changes, &err),
	   &err);
	assert_string_equal(changes, "");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'desk.edit'"), 1);

	/* A zone whose team-bookable desks would lose their team. */
	assert_int_equal(zone_edit(&app, "Foyer", NULL, "", &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "only its team may book"));

	/* Back to a zone without team while bookable by team: refused whole. */
	memset(&d, 0, sizeof d);
	snprintf(d.zone, sizeof d.zone, "Zone Süd");
	assert_int_equal(desk_edit(&app, "3.14", DF_ZONE, &d, &err), HOP_EINVAL);
	d.bookable = BOOKABLE_ALL;
	d.owner[0] = '\0';
	snprintf(d.code, sizeof d.code, "3.15");
	ok(desk_edit_report(&app, "3.14", DF_ZONE | DF_BOOKABLE | DF_OWNER | DF_CODE, &d, changes,
	                    sizeof changes, &err), &err);
	assert_non_null(strstr(changes, "code: 3.14 -> 3.15"));
	assert_non_null(strstr(changes, "owner: emp -> (none)"));
	assert_int_equal(desk_get(&app, "3.14", &got, &err), HOP_ENOTFOUND);
	ok(desk_get(&app, "3.15", &got, &err), &err);
	assert_int_equal(got.owner_id, 0);

	/* A desk cannot take a room's capacity. */
	d.capacity = 4;
	assert_int_equal(desk_edit(&app, "3.15", DF_CAPACITY, &d, &err), HOP_EINVAL);
	test_app_close(&app);
}

static void test_retire(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct hop_desk got;
	struct hop_person anna, jw;
	struct booking_bulk *bulk;
	struct desk_spec d;
	struct desk_spec other;
	int n = -1;

	(void)state;
	test_app_open(&app, "admin", 1);
	setup_site(&app);
	add_person(&app, "anna", "Anna Berg", ROLE_EMPLOYEE);
	add_person(&app, "jw", "Jürgen Weiß", ROLE_EMPLOYEE);
	ok(person_get(&app, "anna", &anna, &err), &err);
	ok(person_get(&app, "jw", &jw, &err), &err);
	d = spec("3.14", "Zone Süd");
	ok(desk_add(&app, &d, &err), &err);
	other = spec("3.15", "Zone Süd");
	ok(desk_add(&app, &other, &err), &err);
	ok(desk_get(&app, "3.14", &got, &err), &err);
	int64_t other_id;
	{
		struct hop_desk o;
		ok(desk_get(&app, "3.15", &o, &err), &err);
		other_id = o.id;
	}

	ok(db_begin(app.db, &err), &err);
	ok(booking_bulk_begin(&app, &bulk, &err), &err);
	ok(booking_bulk_add(bulk, got.id, anna.id, date_from_ymd(2026, 11, 20), HALF_DAY, false, 1,
	                    &err), &err);   /* the past: stays */
	ok(booking_bulk_add(bulk, got.id, anna.id, date_from_ymd(2026, 11, 24), HALF_DAY, false, 1,
	                    &err), &err);
	ok(booking_bulk_add(bulk, got.id, jw.id, date_from_ymd(2026, 11, 25), HALF_AM, false, 1,
	                    &err), &err);
	ok(booking_bulk_add(bulk, got.id, anna.id, date_from_ymd(2026, 11, 25), HALF_PM, false, 1,
	                    &err), &err);
	ok(booking_bulk_add(bulk, got.id, jw.id, date_from_ymd(2026, 11, 23), HALF_DAY, false, 1,
	                    &err), &err);   /* today, before the retirement day */
	ok(booking_bulk_add(bulk, other_id, jw.id, date_from_ymd(2026, 11, 24), HALF_DAY, false, 1,
	                    &err), &err);   /* another desk: stays */
	booking_bulk_end(bulk);
	ok(db_commit(app.db, &err), &err);

	assert_int_equal(desk_retire(&app, "3.14", date_from_ymd(2026, 11, 1), &n, &err),
	                 HOP_EINVAL);
	assert_non_null(strstr(err.msg, "in the past"));
	ok(desk_retire(&app, "3.14", date_from_ymd(2026, 11, 24), &n, &err), &err);
	assert_int_equal(n, 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking WHERE cancelled_at IS NOT NULL "
	                 "AND cancel_reason = 'desk retired' AND sequence = 1 AND cancelled_by = "
	                 "(SELECT id FROM person WHERE login = 'admin') AND day >= '2026-11-24'"), 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM booking WHERE cancelled_at IS NULL"), 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'booking.cancel'"), 3);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'desk.retire' "
	                 "AND detail LIKE '%bookings cancelled: 3%'"), 1);
	ok(desk_get(&app, "3.14", &got, &err), &err);
	assert_int_equal(got.retired, date_from_ymd(2026, 11, 24));
	assert_true(desk_active_on(&got, date_from_ymd(2026, 11, 23)));
	assert_false(desk_active_on(&got, date_from_ymd(2026, 11, 24)));

	/* Retiring from tomorrow: still listed today, not with a retired one. */
	struct hop_desk_list l;
	ok(desk_list(&app, NULL, &l, &err), &err);
	assert_int_equal(l.n, 2);
	desk_list_free(&l);
	ok(desk_retire(&app, "3.15", HOP_DATE_NONE, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(desk_retire(&app, "3.15", HOP_DATE_NONE, &n, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "already retired"));
	ok(desk_list(&app, NULL, &l, &err), &err);
	assert_int_equal(l.n, 1);
	desk_list_free(&l);
	ok(desk_list(&app, &(struct desk_filter){ .rooms = -1, .include_retired = true }, &l, &err),
	   &err);
	assert_int_equal(l.n, 2);
	desk_list_free(&l);

	/* A retired code is not reused, but the place can come back. */
	d = spec("3.15", "Zone Süd");
	assert_int_equal(desk_add(&app, &d, &err), HOP_ECONFLICT);
	assert_non_null(strstr(err.msg, "codes are never reused"));
	assert_null(strstr(err.msg, "--activate"));
	assert_int_equal(err.reason, HOP_R_CODE_RETIRED);
	assert_string_equal(err.facts.place, "3.15");
	ok(desk_edit(&app, "3.15", DF_ACTIVE, &d, &err), &err);
	ok(desk_get(&app, "3.15", &got, &err), &err);
	assert_int_equal(got.retired, HOP_DATE_NONE);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_natural_order),
		cmocka_unit_test(test_sites),
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_permission),
		cmocka_unit_test(test_desk_rules),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_retire),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
