/* Importing desks and rooms: German headers, BOM and CRLF, all rows or none,
 * every bad row named by file and line, updates of existing codes. */
#include "testutil.h"

#include "hop/core/import/import.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void ok(enum hop_status st, const struct hop_err *err)
{
	if (st != HOP_OK)
		fail_msg("%s", err->msg);
}

static enum hop_status import_text(struct hop_app *app, const char *text, bool dry_run,
                                   struct import_report *rep, struct hop_err *err)
{
	struct import_options opt = { .dry_run = dry_run };
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	enum hop_status st;

	assert_non_null(in);
	st = import_desks(app, in, "desks.csv", &opt, rep, err);
	fclose(in);
	return st;
}

static void setup(struct hop_app *app)
{
	struct hop_err err;

	test_app_open(app, "admin", 1);
	ok(site_add(app, "Hauptgebäude", NULL, NULL, NULL, &err), &err);
	ok(team_add(app, "Referat 11", NULL, &err), &err);
	ok(team_add(app, "Referat 12", NULL, &err), &err);
}

static const char good[] =
	"\xEF\xBB\xBFPlatz;Standort;Etage;Zone;Art;Bezeichnung;Kapazität;Ausstattung;Inhaber;"
	"Buchbar_durch;Team;Ebene\r\n"
	"3.01;Hauptgebäude;3. OG;Zone Süd;Arbeitsplatz;;;Monitor, Stehpult;admin;alle;Referat 11;3\r\n"
	"3.02;hauptgebaeude;3. OG;Zone Süd;;;;ruhig;;team;;\r\n"
	"3.10;Hauptgebäude;3. OG;Zone Nord;;;;;;;;3\r\n"
	"R3.01;Hauptgebäude;3. OG;Zone Nord;Kreativraum;\"Kreativraum \"\"Spree\"\"\";8;beamer;;"
	"Leitung;;\r\n";

static void test_german_bom_crlf(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct import_report rep;
	struct hop_desk d;
	struct hop_zone z;

	(void)state;
	setup(&app);
	ok(import_text(&app, good, true, &rep, &err), &err);
	assert_int_equal(rep.added, 4);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 0);   /* dry run */
	assert_int_equal(count(&app, "SELECT count(*) FROM zone"), 0);
	import_report_free(&rep);

	ok(import_text(&app, good, false, &rep, &err), &err);
	assert_int_equal(rep.added, 4);
	assert_int_equal(rep.errors, 0);
	assert_null(rep.messages);
	import_report_free(&rep);

	ok(desk_get(&app, "3.01", &d, &err), &err);
	assert_int_equal(d.attrs, ATTR_MONITOR | ATTR_STANDING);
	assert_string_equal(d.owner_login, "admin");
	assert_string_equal(d.zone.site, "Hauptgebäude");
	assert_string_equal(d.zone.team, "Referat 11");
	assert_int_equal(d.zone.level, 3);
	ok(desk_get(&app, "3.02", &d, &err), &err);
	assert_int_equal(d.bookable, BOOKABLE_TEAM);       /* the zone's team from line 2 */
	ok(desk_get(&app, "R3.01", &d, &err), &err);
	assert_int_equal(d.kind, DESK_KIND_CREATIVE_ROOM);
	assert_int_equal(d.capacity, 8);
	assert_string_equal(d.name, "Kreativraum \"Spree\"");
	assert_int_equal(d.bookable, BOOKABLE_LEADS);
	ok(zone_get(&app, "Zone Nord", &z, &err), &err);
	assert_int_equal(z.team_id, 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM floor"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM zone"), 2);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'import.desks' "
	                 "AND detail LIKE 'added 4, %zones created 2%'"), 1);

	/* The same file again changes nothing. */
	ok(import_text(&app, good, false, &rep, &err), &err);
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.unchanged, 4);
	import_report_free(&rep);
	test_app_close(&app);
}

static void test_all_or_nothing(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct import_report rep;
	int64_t audit;
	static const char bad[] =
		"code,site,floor,zone,kind,capacity,attributes,owner,bookable_by,team\n"
		"1.01,Hauptgebäude,EG,Foyer,desk,,monitor,,all,\n"
		"1.02,Nebengebäude,EG,Foyer,desk,,,,all,\n"                /* 3: no such site */
		"1.03,Hauptgebäude,EG,Foyer,desk,,laser,,all,\n"           /* 4: attribute */
		"R1,Hauptgebäude,EG,Foyer,meeting-room,,,,all,\n"          /* 5: no capacity */
		"1.01,Hauptgebäude,EG,Foyer,desk,,,,all,\n"                /* 6: code twice */
		"1.05,Hauptgebäude,EG,Foyer,desk,2,,,all,\n"               /* 7: desk for two */
		"1.06,Hauptgebäude,EG,Foyer,desk,,,nobody,all,\n"          /* 8: owner */
		"1 07,Hauptgebäude,EG,Foyer,desk,,,,all,\n"                /* 9: code */
		"1.08,Hauptgebäude,EG,Foyer,desk,,,,everybody,\n"          /* 10: bookable */
		"1.09,Hauptgebäude,EG,Foyer,desk,,,,all,Referat 99\n"      /* 11: team */
		"1.10,Hauptgebäude,EG,Foyer,desk,,,\n"                     /* 12: fields */
		"1.11,Hauptgebäude,EG,Foyer,desk,,,,all,\n";

	(void)state;
	setup(&app);
	audit = count(&app, "SELECT count(*) FROM audit");
	assert_int_equal(import_text(&app, bad, false, &rep, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "desks.csv: 10 of 12 rows have errors; nothing was imported"));
	assert_int_equal(rep.errors, 10);
	assert_non_null(rep.messages);
	assert_non_null(strstr(rep.messages, "desks.csv:3: there is no site 'Nebengebäude'"));
	assert_non_null(strstr(rep.messages, "desks.csv:4: attributes: 'laser'"));
	assert_non_null(strstr(rep.messages, "desks.csv:5: capacity: room R1"));
	assert_non_null(strstr(rep.messages, "desks.csv:6: the code '1.01' is already on line 2"));
	assert_non_null(strstr(rep.messages, "desks.csv:7: desk 1.05"));
	assert_non_null(strstr(rep.messages, "desks.csv:8: owner: "));
	assert_non_null(strstr(rep.messages, "desks.csv:9: the code '1 07'"));
	assert_non_null(strstr(rep.messages, "desks.csv:10: bookable_by: 'everybody'"));
	assert_non_null(strstr(rep.messages, "desks.csv:11: team: "));
	assert_non_null(strstr(rep.messages, "desks.csv:12: the row has 8 fields"));
	assert_null(strstr(rep.messages, "desks.csv:2:"));
	assert_null(strstr(rep.messages, "desks.csv:13:"));
	/* In line order. */
	assert_true(strstr(rep.messages, "desks.csv:3:") < strstr(rep.messages, "desks.csv:12:"));
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM zone"), 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM floor"), 0);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), audit);
	test_app_close(&app);
}

static void test_header_problems(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct import_report rep;

	(void)state;
	setup(&app);
	assert_int_equal(import_text(&app, "code;site;floor\n1;Hauptgebäude;EG\n", false, &rep,
	                             &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "desks.csv:1: the header has no column 'zone'"));
	import_report_free(&rep);
	assert_int_equal(import_text(&app, "code;site;floor;zone;colour\n", false, &rep, &err),
	                 HOP_EINVAL);
	assert_non_null(strstr(err.msg, "unknown column 'colour'"));
	import_report_free(&rep);
	assert_int_equal(import_text(&app, "code;platz;site;floor;zone\n", false, &rep, &err),
	                 HOP_EINVAL);
	assert_non_null(strstr(err.msg, "both give the code"));
	import_report_free(&rep);
	assert_int_equal(import_text(&app, "", false, &rep, &err), HOP_EINVAL);
	assert_non_null(strstr(err.msg, "empty"));
	import_report_free(&rep);
	test_app_close(&app);
}

static void test_updates(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct import_report rep;
	struct hop_desk d;
	struct hop_zone z;

	(void)state;
	setup(&app);
	ok(import_text(&app, good, false, &rep, &err), &err);
	import_report_free(&rep);

	/* Codes in another case are the same place; moved, new attributes,
	 * owner cleared; the zone gets another team; no kind column: kept. */
	ok(import_text(&app, "code;site;floor;zone;attributes;owner;team\n"
	               "3.01;Hauptgebäude;3. OG;Zone Nord;quiet;;Referat 12\n"
	               "r3.01;Hauptgebäude;3. OG;Zone Nord;beamer;;\n", false, &rep, &err), &err);
	assert_int_equal(rep.updated, 1);
	assert_int_equal(rep.unchanged, 1);
	import_report_free(&rep);
	ok(desk_get(&app, "3.01", &d, &err), &err);
	assert_string_equal(d.zone.name, "Zone Nord");
	assert_int_equal(d.attrs, ATTR_QUIET);
	assert_int_equal(d.owner_id, 0);
	ok(zone_get(&app, "Zone Nord", &z, &err), &err);
	assert_string_equal(z.team, "Referat 12");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'desk.edit' "
	                 "AND object = 'desk:3.01'"), 1);

	/* A place does not change its kind; levels and teams must agree. */
	assert_int_equal(import_text(&app, "code;site;floor;zone;kind;capacity;team;level\n"
	                             "3.01;Hauptgebäude;3. OG;Zone Nord;meeting-room;10;;\n"
	                             "4.01;Hauptgebäude;3. OG;Zone Nord;;;;5\n"
	                             "5.01;Hauptgebäude;5. OG;Zone Ost;;;Referat 11;5\n"
	                             "5.02;Hauptgebäude;5. OG;Zone Ost;;;Referat 12;6\n",
	                             false, &rep, &err), HOP_EINVAL);
	assert_non_null(strstr(rep.messages, "desks.csv:2: kind: 3.01 is a desk"));
	assert_non_null(strstr(rep.messages, "desks.csv:3: level: floor '3. OG'"));
	assert_non_null(strstr(rep.messages, "desks.csv:5: zone 'Zone Ost' gets the team "
	                       "'Referat 12' here but 'Referat 11' on line 4"));
	assert_non_null(strstr(rep.messages, "desks.csv:5: level: floor '5. OG' is on level 5 "
	                       "on line 4"));
	assert_null(strstr(rep.messages, "desks.csv:4:"));
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 4);
	test_app_close(&app);
}

static void test_permission(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct import_report rep;
	struct hop_person p = { .roles = ROLE_EMPLOYEE | ROLE_HR, .start = HOP_DATE_NONE,
	                        .end = HOP_DATE_NONE };

	(void)state;
	setup(&app);
	snprintf(p.login, sizeof p.login, "hr");
	snprintf(p.name, sizeof p.name, "Personal Stelle");
	ok(person_add(&app, &p, &err), &err);
	test_act_as(&app, "hr");
	assert_int_equal(import_text(&app, good, false, &rep, &err), HOP_EPERM);
	assert_non_null(strstr(err.msg, "facilities"));
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM desk"), 0);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_german_bom_crlf),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_updates),
		cmocka_unit_test(test_permission),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
