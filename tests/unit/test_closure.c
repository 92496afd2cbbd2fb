/* Closure days from iCalendar files: all-day events only, every event or
 * none, idempotent re-import by UID, and the working-day question. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/calendar/closure.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

#define CAL(body) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//DE\r\n" body \
	"END:VCALENDAR\r\n"

#define BETRIEBSRUHE "BEGIN:VEVENT\r\nUID:ruhe-2026@test\r\nDTSTAMP:20261001T080000Z\r\n" \
	"DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20270101\r\n" \
	"SUMMARY:Betriebsruhe zwischen den Jahren\r\nEND:VEVENT\r\n"

#define AUSFLUG "BEGIN:VEVENT\r\nUID:ausflug@test\r\nDTSTART;VALUE=DATE:20260612\r\n" \
	"SUMMARY:Betriebsausflug nach Potsdam – Schloss Sanssouci\r\nEND:VEVENT\r\n"

static hop_date ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static int setup(void **state)
{
	static struct hop_app app;

	test_app_open(&app, "root", 1);
	*state = &app;
	return 0;
}

static int teardown(void **state)
{
	test_app_close(*state);
	return 0;
}

static enum hop_status import_text(struct hop_app *app, const char *text, const char *site,
                                   bool dry_run, struct closure_import_report *rep,
                                   struct hop_err *err)
{
	FILE *in = fmemopen((void *)text, strlen(text), "rb");
	enum hop_status st;

	assert_non_null(in);
	st = closure_import(app, in, "closures.ics", site, dry_run, rep, err);
	fclose(in);
	return st;
}

static int count_rows(struct hop_app *app)
{
	return (int)test_sql_int(app->db, "SELECT count(*) FROM closure");
}

/* Import, expect failure, and return the messages (owned by a static buffer). */
static const char *import_fails(struct hop_app *app, const char *text)
{
	static char msgs[8192];
	struct closure_import_report rep;
	struct hop_err err;
	int before = count_rows(app);

	assert_int_equal(import_text(app, text, NULL, false, &rep, &err), HOP_EINVAL);
	assert_true(rep.errors > 0);
	assert_non_null(rep.messages);
	assert_non_null(strstr(err.msg, "nothing was imported"));
	snprintf(msgs, sizeof msgs, "%s", rep.messages);
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), before);
	return msgs;
}

static void assert_has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("'%s' not in:\n%s", want, text);
}

static void test_import_good(void **state)
{
	struct hop_app *app = *state;
	struct closure_import_report rep;
	struct hop_closure_list l;
	struct audit_filter f = { NULL, "closures:", HOP_DATE_NONE, 0 };
	struct hop_audit_list al;
	struct hop_err err;
	char why[256], name[HOP_CLOSURE_SUMMARY_SIZE];
	bool found;

	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE AUSFLUG), NULL, false, &rep, &err),
	                 HOP_OK);
	assert_int_equal(rep.events, 2);
	assert_int_equal(rep.added, 5);
	assert_int_equal(rep.errors, 0);
	closure_import_report_free(&rep);

	assert_int_equal(closure_list(app, 0, ymd(2026, 1, 1), ymd(2027, 1, 1), &l, &err), HOP_OK);
	assert_int_equal(l.n, 5);
	assert_int_equal(l.v[0].day, ymd(2026, 6, 12));
	assert_string_equal(l.v[0].summary, "Betriebsausflug nach Potsdam – Schloss Sanssouci");
	assert_int_equal(l.v[1].day, ymd(2026, 12, 28));
	assert_int_equal(l.v[4].day, ymd(2026, 12, 31));     /* DTEND is exclusive */
	assert_string_equal(l.v[4].source, "closures.ics");
	assert_string_equal(l.v[4].uid, "ruhe-2026@test");
	assert_int_equal(l.v[4].site_id, 0);
	closure_list_free(&l);

	assert_int_equal(closure_on(app, 0, ymd(2026, 12, 29), &found, name, sizeof name, &err),
	                 HOP_OK);
	assert_true(found);
	assert_string_equal(name, "Betriebsruhe zwischen den Jahren");
	assert_int_equal(closure_on(app, 0, ymd(2027, 1, 1), &found, name, sizeof name, &err),
	                 HOP_OK);
	assert_false(found);

	assert_true(holiday_or_closure(app, 0, ymd(2026, 12, 30), why, sizeof why));
	assert_string_equal(why, "Wed 30 Dec 2026 is a closure day (Betriebsruhe zwischen den "
	                    "Jahren), not a working day");
	assert_false(holiday_or_closure(app, 0, ymd(2026, 12, 23), why, sizeof why));
	assert_string_equal(why, "");

	assert_int_equal(audit_list(app, &f, &al, &err), HOP_OK);
	assert_int_equal(al.n, 1);
	assert_string_equal(al.v[0].action, "import.holidays");
	assert_string_equal(al.v[0].object, "closures:organisation");
	audit_list_free(&al);
}

/* One timed event among good ones: nothing is imported, and the message
 * names the file, the line, the event and what to do. */
static void test_timed_event_imports_nothing(void **state)
{
	struct hop_app *app = *state;
	const char *m = import_fails(app, CAL(BETRIEBSRUHE
		"BEGIN:VEVENT\r\nUID:teamtag@test\r\nSUMMARY:Teamtag mit Frühstück\r\n"
		"DTSTART:20261124T090000\r\nDTEND:20261124T120000\r\nEND:VEVENT\r\n" AUSFLUG));

	/* Line 14 holds the DTSTART of the second event. */
	assert_has(m, "closures.ics:14: event 2 (Teamtag mit Frühstück): DTSTART:20261124T090000 "
	           "is a time, not a day; hop imports all-day events only");
	assert_int_equal(count_rows(app), 0);
}

static void test_malformed(void **state)
{
	struct hop_app *app = *state;
	const char *m;

	m = import_fails(app, "Datum;Grund\n2026-12-28;Betriebsruhe\n");
	assert_has(m, "closures.ics:1: the file does not start with BEGIN:VCALENDAR");
	m = import_fails(app, "");
	assert_has(m, "closures.ics is empty");
	m = import_fails(app, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" BETRIEBSRUHE);
	assert_has(m, "closures.ics:1: BEGIN:VCALENDAR is never closed with END:VCALENDAR");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Kaputt\r\n"
	                          "DTSTART;VALUE=DATE:2026122x\r\nEND:VEVENT\r\n"));
	assert_has(m, "closures.ics:7: event 1 (Kaputt): DTSTART '2026122x' is not a date");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Kaputt\r\n"
	                          "DTSTART;VALUE=DATE:20261399\r\nEND:VEVENT\r\n"));
	assert_has(m, "DTSTART '20261399' is not a date");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Ohne Anfang\r\n"
	                          "END:VEVENT\r\n"));
	assert_has(m, "closures.ics:4: event 1 (Ohne Anfang): has no DTSTART");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nDTSTART;VALUE=DATE:20261228\r\n"
	                          "END:VEVENT\r\n"));
	assert_has(m, "event 1 (UID x@test): has no SUMMARY");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Falsch herum\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261228\r\n"
	                          "END:VEVENT\r\n"));
	assert_has(m, "closures.ics:8: event 1 (Falsch herum): DTEND 20261228 is not after DTSTART");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Jeden Montag\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nRRULE:FREQ=WEEKLY\r\n"
	                          "END:VEVENT\r\n"));
	assert_has(m, "event 1 (Jeden Montag): repeats (RRULE)");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY;LANGUAGE=de\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nEND:VEVENT\r\n"));
	assert_has(m, "closures.ics:6: 'SUMMARY;LANGUAGE=de' is not an iCalendar line");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Betriebsruhe\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nEND:VTODO\r\n"));
	assert_has(m, "END:VTODO does not close BEGIN:VEVENT of line 4");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Wei\xdf\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nEND:VEVENT\r\n"));
	assert_has(m, "closures.ics:6: the line is not valid UTF-8");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Zu lang\r\n"
	                          "DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20270201\r\n"
	                          "END:VEVENT\r\n"));
	assert_has(m, "spans 396 days");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:same@test\r\nSUMMARY:Eins\r\n"
	                          "DTSTART;VALUE=DATE:20261228\r\nEND:VEVENT\r\n"
	                          "BEGIN:VEVENT\r\nUID:same@test\r\nSUMMARY:Zwei\r\n"
	                          "DTSTART;VALUE=DATE:20261229\r\nEND:VEVENT\r\n"));
	assert_has(m, "closures.ics:9: event 2 has the same UID as event 1 of line 4");
	m = import_fails(app, CAL(""));
	assert_has(m, "contains no events");
	/* Every error is reported, not just the first. */
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:a@test\r\nSUMMARY:Eins\r\n"
	                          "DTSTART:20261228T100000Z\r\nEND:VEVENT\r\n"
	                          "BEGIN:VEVENT\r\nUID:b@test\r\nSUMMARY:Zwei\r\nEND:VEVENT\r\n"));
	assert_has(m, "event 1 (Eins)");
	assert_has(m, "event 2 (Zwei): has no DTSTART");
	m = import_fails(app, CAL("BEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Zone\r\n"
	                          "DTSTART;TZID=Europe/Berlin:20261228\r\nEND:VEVENT\r\n"));
	assert_has(m, "closures.ics:7: event 1 (Zone): DTSTART has a TZID or VALUE=DATE-TIME");
	/* A NUL byte. */
	{
		static const char nul[] = "BEGIN:VCALENDAR\r\n\0END:VCALENDAR\r\n";
		struct closure_import_report rep;
		struct hop_err err;
		FILE *in = fmemopen((void *)nul, sizeof nul - 1, "rb");
		assert_int_equal(closure_import(app, in, "closures.ics", NULL, false, &rep, &err),
		                 HOP_EINVAL);
		fclose(in);
		assert_has(rep.messages, "NUL byte");
		closure_import_report_free(&rep);
	}
	assert_int_equal(count_rows(app), 0);
}

static void test_reimport_idempotent(void **state)
{
	struct hop_app *app = *state;
	struct closure_import_report rep;
	struct hop_err err;

	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, false, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 4);
	closure_import_report_free(&rep);
	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, false, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.unchanged, 4);
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), 4);

	/* The same UID with a new summary and dates: updated, moved, not doubled. */
	assert_int_equal(import_text(app, CAL("BEGIN:VEVENT\r\nUID:ruhe-2026@test\r\n"
	                 "DTSTART;VALUE=DATE:20261229\r\nDTEND;VALUE=DATE:20270102\r\n"
	                 "SUMMARY:Betriebsruhe\r\nEND:VEVENT\r\n"), NULL, false, &rep, &err), HOP_OK);
	assert_int_equal(rep.updated, 3);      /* 29, 30, 31 December */
	assert_int_equal(rep.removed, 1);      /* 28 December */
	assert_int_equal(rep.added, 1);        /* 1 January */
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), 4);

	/* A dry run reports and writes nothing. */
	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, true, &rep, &err), HOP_OK);
	assert_int_equal(rep.updated, 3);
	closure_import_report_free(&rep);
	{
		bool found;
		char name[HOP_CLOSURE_SUMMARY_SIZE];
		assert_int_equal(closure_on(app, 0, ymd(2026, 12, 30), &found, name, sizeof name, &err),
		                 HOP_OK);
		assert_string_equal(name, "Betriebsruhe");
	}

	/* Cancelled: the event's days go. */
	assert_int_equal(import_text(app, CAL("BEGIN:VEVENT\r\nUID:ruhe-2026@test\r\n"
	                 "DTSTART;VALUE=DATE:20261229\r\nSUMMARY:Betriebsruhe\r\n"
	                 "STATUS:CANCELLED\r\nEND:VEVENT\r\n"), NULL, false, &rep, &err), HOP_OK);
	assert_int_equal(rep.removed, 4);
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), 0);

	/* Without a UID, the same event is still recognised the second time. */
	for (int i = 0; i < 2; i++) {
		assert_int_equal(import_text(app, CAL("BEGIN:VEVENT\r\nSUMMARY:Brückentag\r\n"
		                 "DTSTART;VALUE=DATE:20260515\r\nEND:VEVENT\r\n"), NULL, false, &rep,
		                 &err), HOP_OK);
		assert_int_equal(rep.added, i == 0 ? 1 : 0);
		closure_import_report_free(&rep);
	}
	assert_int_equal(count_rows(app), 1);
}

static void test_multi_day(void **state)
{
	struct hop_app *app = *state;
	struct closure_import_report rep;
	struct hop_closure_list l;
	struct hop_err err;

	/* Across the year boundary; DURATION; folded lines; no DTEND = one day. */
	assert_int_equal(import_text(app, CAL(
		"BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20261228\r\n"
		"DTEND;VALUE=DATE:20270102\r\nSUMMARY:Betriebsruhe zwischen Weihnachten und \r\n"
		" Neujahr\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:b@test\r\nDTSTART;VALUE=DATE:20260302\r\nDURATION:P3D\r\n"
		"SUMMARY:Umzug\\, Haus B\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:c@test\r\nDTSTART;VALUE=DATE:20260515\r\n"
		"SUMMARY:Brückentag\r\nEND:VEVENT\r\n"), NULL, false, &rep, &err), HOP_OK);
	assert_int_equal(rep.added, 5 + 3 + 1);
	closure_import_report_free(&rep);
	assert_int_equal(closure_list(app, CLOSURE_ALL_SITES, ymd(2026, 1, 1), ymd(2028, 1, 1), &l,
	                              &err), HOP_OK);
	assert_int_equal(l.n, 9);
	assert_int_equal(l.v[0].day, ymd(2026, 3, 2));
	assert_string_equal(l.v[0].summary, "Umzug, Haus B");
	assert_int_equal(l.v[2].day, ymd(2026, 3, 4));
	assert_int_equal(l.v[3].day, ymd(2026, 5, 15));
	assert_int_equal(l.v[8].day, ymd(2027, 1, 1));
	assert_string_equal(l.v[8].summary, "Betriebsruhe zwischen Weihnachten und Neujahr");
	closure_list_free(&l);
	/* The period is half-open. */
	assert_int_equal(closure_list(app, 0, ymd(2026, 3, 3), ymd(2026, 3, 4), &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	closure_list_free(&l);
}

static void test_sites_and_holidays(void **state)
{
	struct hop_app *app = *state;
	struct closure_import_report rep;
	struct hop_closure_list l;
	struct hop_site s;
	struct hop_err err;
	char why[256];
	bool found;

	assert_int_equal(site_add(app, "Nürnberg", NULL, NULL, "BY", &err), HOP_OK);
	assert_int_equal(site_get(app, "Nürnberg", &s, &err), HOP_OK);
	assert_int_equal(import_text(app, CAL(AUSFLUG), "Nürnberg", false, &rep, &err), HOP_OK);
	closure_import_report_free(&rep);
	assert_int_equal(closure_on(app, s.id, ymd(2026, 6, 12), &found, NULL, 0, &err), HOP_OK);
	assert_true(found);
	assert_int_equal(closure_on(app, 0, ymd(2026, 6, 12), &found, NULL, 0, &err), HOP_OK);
	assert_false(found);
	assert_int_equal(closure_list(app, s.id, ymd(2026, 1, 1), ymd(2027, 1, 1), &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].site, "Nürnberg");
	closure_list_free(&l);
	assert_int_equal(closure_list(app, 0, ymd(2026, 1, 1), ymd(2027, 1, 1), &l, &err), HOP_OK);
	assert_int_equal(l.n, 0);
	closure_list_free(&l);

	/* Fronleichnam: a holiday at the Bavarian site, a working day in Berlin
	 * (the default [organisation] region). */
	assert_true(holiday_or_closure(app, s.id, ymd(2026, 6, 4), why, sizeof why));
	assert_string_equal(why, "Thu 4 Jun 2026 is a public holiday in Bayern (Corpus Christi), "
	                    "not a working day");
	assert_false(holiday_or_closure(app, 0, ymd(2026, 6, 4), why, sizeof why));
	assert_true(holiday_or_closure(app, 0, ymd(2026, 3, 8), why, sizeof why));
	assert_non_null(strstr(why, "Berlin (International Women's Day)"));
	assert_false(holiday_or_closure(app, s.id, ymd(2026, 3, 9), why, sizeof why));
	/* An unknown site falls back to the organisation's region. */
	assert_false(holiday_or_closure(app, 9999, ymd(2026, 6, 4), why, sizeof why));
	assert_int_equal(import_text(app, CAL(AUSFLUG), "Atlantis", false, &rep, &err),
	                 HOP_ENOTFOUND);
	closure_import_report_free(&rep);
}

static void test_permission(void **state)
{
	struct hop_app *app = *state;
	struct closure_import_report rep;
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "emp");
	snprintf(p.name, sizeof p.name, "Şükrü Öztürk");
	p.roles = ROLE_EMPLOYEE;
	p.start = HOP_DATE_NONE;
	assert_int_equal(person_add(app, &p, &err), HOP_OK);
	snprintf(p.login, sizeof p.login, "fac");
	snprintf(p.name, sizeof p.name, "Jürgen Weiß");
	p.roles = ROLE_EMPLOYEE | ROLE_FACILITIES;
	assert_int_equal(person_add(app, &p, &err), HOP_OK);

	test_act_as(app, "emp");
	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, false, &rep, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only facilities or an admin can import closure days");
	assert_int_equal(err.reason, HOP_R_CLOSURES_BY_FACILITIES);
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), 0);
	test_act_as(app, "nobody");
	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, false, &rep, &err), HOP_EPERM);
	closure_import_report_free(&rep);
	test_act_as(app, "fac");
	assert_int_equal(import_text(app, CAL(BETRIEBSRUHE), NULL, false, &rep, &err), HOP_OK);
	closure_import_report_free(&rep);
	assert_int_equal(count_rows(app), 4);
	test_act_as(app, "root");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_good, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timed_event_imports_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reimport_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multi_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sites_and_holidays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permission, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
