/* Training records as trn_record_write writes them: validity continued
 * inside the renewal window, re-anchored before it, none for a failed
 * result, none to expire for a course without validity; the words; and the
 * onboarding step of kind course that the record ticks. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "hop/core/training/catalogue.h"
#include "hop/core/training/record.h"
#include "../../src/core/training/trn_int.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void exec(struct hop_app *app, const char *sql)
{
	test_sql_exec(app->db, sql);
}

/* The text of a record's column, "" for NULL. */
/* One column of a record, by its name among the few the tests read: each
 * a fixed query, the id bound. */
static const char *column(struct hop_app *app, int64_t id, const char *col)
{
	static const struct { const char *name, *sql; } q[] = {
		{ "valid_from", "SELECT coalesce(valid_from, '') FROM training_record WHERE id = ?1" },
		{ "valid_until", "SELECT coalesce(valid_until, '') FROM training_record WHERE id = ?1" },
		{ "result", "SELECT coalesce(result, '') FROM training_record WHERE id = ?1" },
		{ "source", "SELECT coalesce(source, '') FROM training_record WHERE id = ?1" },
		{ "hours_x10", "SELECT coalesce(CAST(hours_x10 AS text), '') FROM training_record WHERE id = ?1" },
		{ "created_by", "SELECT coalesce(created_by, '') FROM training_record WHERE id = ?1" },
	};
	static char buf[128];
	const char *sql = NULL;
	struct hop_err err;
	struct db_stmt *st;

	for (size_t i = 0; i < sizeof q / sizeof *q; i++)
		if (strcmp(col, q[i].name) == 0)
			sql = q[i].sql;
	if (!sql)
		fail_msg("column %s is not one the tests read", col);
	buf[0] = '\0';
	if (!(st = db_raw_stmt(app->db, sql, &err)))
		fail_msg("%s", err.msg);
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW)
		db_col_copy(st, 0, buf, sizeof buf);
	db_raw_free(st);
	return buf;
}

static void add(struct hop_app *app, const char *login, hop_date start)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	p.roles = ROLE_EMPLOYEE;
	p.start = start;
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

/* Courses: SEC 12 months with a 90-day window and 8 hours, ONCE never
 * expires. */
static void setup(struct hop_app *app)
{
	test_app_open(app, "hr", 1);
	exec(app, "INSERT INTO course (code, title, kind, hours_x10, validity_months, "
	     "renewal_days, created_on) VALUES ('SEC', 'IT-Sicherheit', 'online', 80, 12, 90, "
	     "'2026-01-01'), ('ONCE', 'Einführung', 'inhouse', NULL, NULL, 90, '2026-01-01')");
	add(app, "anna", D(2020, 1, 1));
	add(app, "bert", D(2020, 1, 1));
}

static int64_t record(struct hop_app *app, const char *login, const char *course, hop_date on,
                     enum trn_result result)
{
	struct trn_record_new r = { .done_on = on, .result = result, .source = TRN_FROM_MANUAL };
	struct hop_person p;
	struct trn_course c;
	struct hop_err err;
	int64_t id = 0;

	assert_int_equal(person_get(app, login, &p, &err), HOP_OK);
	assert_int_equal(trn_course_get(app, course, &c, &err), HOP_OK);
	r.person_id = p.id;
	r.course_id = c.id;
	assert_int_equal(db_begin(app->db, &err), HOP_OK);
	if (trn_record_write(app, &r, &id, &err) != HOP_OK)
		fail_msg("write: %s", err.msg);
	assert_int_equal(db_commit(app->db, &err), HOP_OK);
	return id;
}

static void test_renewal(void **state)
{
	struct hop_app app;
	int64_t a, b;

	(void)state;
	setup(&app);
	/* Done 10.03.2026, 12 months: valid through 09.03.2027; the course's hours. */
	a = record(&app, "anna", "sec", D(2026, 3, 10), TRN_PASSED);
	assert_string_equal(column(&app, a, "valid_until"), "2027-03-09");
	assert_string_equal(column(&app, a, "valid_from"), "2026-03-10");
	assert_string_equal(column(&app, a, "hours_x10"), "80");
	assert_string_equal(column(&app, a, "source"), "manual");
	assert_string_equal(column(&app, a, "created_by"), "hr");
	/* Renewed on 20.01.2027, inside the 90 days: continues from the old
	 * expiry, no day lost. */
	b = record(&app, "anna", "SEC", D(2027, 1, 20), TRN_ATTENDED);
	assert_string_equal(column(&app, b, "valid_until"), "2028-03-09");
	assert_string_equal(column(&app, b, "valid_from"), "2027-03-10");
	/* Renewed on 01.10.2026, before the window: re-anchored at its day. */
	record(&app, "bert", "SEC", D(2026, 3, 10), TRN_PASSED);
	b = record(&app, "bert", "SEC", D(2026, 10, 1), TRN_PASSED);
	assert_string_equal(column(&app, b, "valid_until"), "2027-09-30");
	assert_string_equal(column(&app, b, "valid_from"), "2026-10-01");
	/* After the expiry: re-anchored too. */
	b = record(&app, "bert", "SEC", D(2027, 10, 5), TRN_PASSED);
	assert_string_equal(column(&app, b, "valid_until"), "2028-10-04");
	/* Every write audited. */
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'training.record'"),
	                 5);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'training.record' "
	                 "AND object = 'person:anna' AND detail LIKE 'record 1: SEC passed on "
	                 "2026-03-10, valid until 2027-03-09, manual%'"), 1);
	test_app_close(&app);
}

static void test_failed_and_never(void **state)
{
	struct hop_app app;
	int64_t a;

	(void)state;
	setup(&app);
	record(&app, "anna", "SEC", D(2026, 3, 10), TRN_PASSED);
	/* Failed: valid nowhere, and nothing continues from it. */
	a = record(&app, "anna", "SEC", D(2027, 1, 20), TRN_FAILED);
	assert_string_equal(column(&app, a, "valid_until"), "");
	assert_string_equal(column(&app, a, "valid_from"), "");
	assert_string_equal(column(&app, a, "result"), "failed");
	/* The pass after it continues from the pass before it. */
	a = record(&app, "anna", "SEC", D(2027, 2, 1), TRN_PASSED);
	assert_string_equal(column(&app, a, "valid_until"), "2028-03-09");
	/* A revoked record is no longer continued from. */
	exec(&app, "UPDATE training_record SET revoked_at = '2027-02-02T10:00:00', "
	     "revoked_by = 'hr', revoke_reason = 'error' WHERE id = 3");
	a = record(&app, "anna", "SEC", D(2027, 2, 3), TRN_PASSED);
	assert_string_equal(column(&app, a, "valid_until"), "2028-03-09");
	/* Never expiring: no valid_until, no hours unless given. */
	a = record(&app, "bert", "ONCE", D(2026, 5, 5), TRN_ATTENDED);
	assert_string_equal(column(&app, a, "valid_until"), "");
	assert_string_equal(column(&app, a, "valid_from"), "2026-05-05");
	assert_string_equal(column(&app, a, "hours_x10"), "");
	a = record(&app, "bert", "ONCE", D(2026, 6, 5), TRN_PASSED);
	assert_string_equal(column(&app, a, "valid_until"), "");
	test_app_close(&app);
}

static void test_onboarding_step(void **state)
{
	struct hop_app app;
	struct onb_summary o;
	struct onb_step_spec s = { .kind = ONB_COURSE, .owner = OWNER_NEWHIRE, .mandatory = true };
	struct hop_err err;
	bool added;

	(void)state;
	setup(&app);
	assert_int_equal(template_add(&app, "Standard", NULL, 0, true, &err), HOP_OK);
	assert_int_equal(onb_offset_parse("+5", &s.offset, &err), HOP_OK);
	assert_int_equal(template_step_set(&app, "Standard", "IT-Sicherheit", SF_KIND | SF_OWNER |
	                 SF_OFFSET, &s, 0, &added, &err), HOP_OK);
	add(&app, "neu", D(2026, 11, 16));
	assert_int_equal(onboarding_start(&app, "neu", "Standard", &o, &err), HOP_OK);
	exec(&app, "UPDATE onboarding_step SET course_id = (SELECT id FROM course WHERE code = 'SEC') "
	     "WHERE title = 'IT-Sicherheit'");
	/* A failed result ticks nothing, another course nothing. */
	record(&app, "neu", "SEC", D(2026, 11, 18), TRN_FAILED);
	record(&app, "neu", "ONCE", D(2026, 11, 18), TRN_PASSED);
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding_step WHERE done_on IS NOT NULL"),
	                 0);
	/* Passed: ticked, done on the training's day, by the writer. */
	record(&app, "neu", "SEC", D(2026, 11, 20), TRN_PASSED);
	assert_int_equal(count(&app, "SELECT count(*) FROM onboarding_step s JOIN person p "
	                 "ON p.id = s.done_by WHERE s.title = 'IT-Sicherheit' "
	                 "AND s.done_on = '2026-11-20' AND p.login = 'hr'"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'onboarding.tick' "
	                 "AND object = 'person:neu' AND detail LIKE '%IT-Sicherheit; done on "
	                 "2026-11-20 by a training record'"), 1);
	/* A second record finds nothing open. */
	record(&app, "neu", "SEC", D(2026, 11, 21), TRN_PASSED);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'onboarding.tick'"),
	                 1);
	test_app_close(&app);
}

static void test_words(void **state)
{
	enum trn_result r;
	enum trn_source s;
	struct hop_err err;
	int h;
	char buf[16];

	(void)state;
	assert_int_equal(trn_result_parse("Bestanden", &r, &err), HOP_OK);
	assert_int_equal(r, TRN_PASSED);
	assert_int_equal(trn_result_parse("nicht bestanden", &r, &err), HOP_OK);
	assert_int_equal(r, TRN_FAILED);
	assert_int_equal(trn_result_parse("teilgenommen", &r, &err), HOP_OK);
	assert_int_equal(r, TRN_ATTENDED);
	assert_int_equal(trn_result_parse("ATTENDED", &r, &err), HOP_OK);
	assert_int_equal(r, TRN_ATTENDED);
	assert_int_equal(trn_result_parse("good", &r, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "'good' is not a result: passed, failed or attended");
	assert_string_equal(trn_result_name(TRN_FAILED), "failed");
	assert_int_equal(trn_result_from_text("attended"), TRN_ATTENDED);
	assert_int_equal(trn_source_parse("manuell", &s, &err), HOP_OK);
	assert_int_equal(s, TRN_FROM_MANUAL);
	assert_int_equal(trn_source_parse("session", &s, &err), HOP_OK);
	assert_int_equal(s, TRN_FROM_SESSION);
	assert_int_equal(trn_source_parse("mail", &s, &err), HOP_EINVAL);
	assert_string_equal(trn_source_name(TRN_FROM_IMPORT), "import");
	assert_int_equal(trn_source_from_text("import"), TRN_FROM_IMPORT);
	assert_int_equal(trn_hours_parse("7,5", &h, &err), HOP_OK);
	assert_int_equal(h, 75);
	assert_int_equal(trn_hours_parse("8", &h, &err), HOP_OK);
	assert_int_equal(h, 80);
	assert_string_equal(trn_hours_format(75, buf, sizeof buf), "7.5");
	assert_string_equal(trn_hours_format(80, buf, sizeof buf), "8");
	assert_int_equal(trn_hours_parse("0", &h, &err), HOP_EINVAL);
	assert_int_equal(trn_hours_parse("-1", &h, &err), HOP_EINVAL);
	assert_int_equal(trn_hours_parse("7.25", &h, &err), HOP_EINVAL);
	assert_int_equal(trn_hours_parse("2000.1", &h, &err), HOP_EINVAL);
	assert_int_equal(trn_hours_parse("", &h, &err), HOP_EINVAL);
}

static void test_by_hand_and_revoke(void **state)
{
	struct hop_app app;
	struct trn_record_entry e = { .done_on = D(2026, 3, 10), .result = TRN_PASSED,
	                              .certificate = "Z-1" };
	struct trn_record r;
	struct trn_record_list l;
	struct hop_err err;

	(void)state;
	setup(&app);
	assert_int_equal(trn_record_add(&app, "anna", "sec", &e, &r, &err), HOP_OK);
	assert_int_equal(r.valid_until, D(2027, 3, 9));
	assert_string_equal(r.certificate, "Z-1");
	assert_int_equal(r.source, TRN_FROM_MANUAL);
	/* The same day twice, a day to come, an unknown course or person. */
	assert_int_equal(trn_record_add(&app, "anna", "SEC", &e, &r, &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "Person anna already has a record of SEC on 2026-03-10 "
	                    "(number 1); revoke it first to enter it again");
	e.done_on = D(2026, 11, 24);
	assert_int_equal(trn_record_add(&app, "anna", "SEC", &e, &r, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "a training cannot have been done on 2026-11-24, which is "
	                    "still to come");
	e.done_on = D(2026, 5, 5);
	assert_int_equal(trn_record_add(&app, "anna", "NOPE", &e, &r, &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_COURSE);
	assert_int_equal(trn_record_add(&app, "nobody", "SEC", &e, &r, &err), HOP_ENOTFOUND);
	assert_int_equal(count(&app, "SELECT count(*) FROM training_record"), 1);

	/* Who sees: the person, HR, admins; not a colleague. */
	test_act_as(&app, "bert");
	assert_int_equal(trn_records_of(&app, "anna", false, &l, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only Person anna, HR or an admin can see Person anna's "
	                    "training records");
	assert_int_equal(trn_record_add(&app, "bert", "SEC", &e, &r, &err), HOP_EPERM);
	test_act_as(&app, "anna");
	assert_int_equal(trn_records_of(&app, NULL, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	trn_record_list_free(&l);
	assert_int_equal(trn_record_revoke(&app, 1, "x", &r, &err), HOP_EPERM);
	test_act_as(&app, "hr");

	/* Revoked: kept, not listed, refused twice, a later record keeps its
	 * validity. */
	e.done_on = D(2027, 1, 20);
	clock_set_today(D(2027, 2, 1));
	assert_int_equal(trn_record_add(&app, "anna", "SEC", &e, &r, &err), HOP_OK);
	assert_int_equal(r.valid_until, D(2028, 3, 9));
	assert_int_equal(trn_record_revoke(&app, 1, "", &r, &err), HOP_EINVAL);
	assert_int_equal(trn_record_revoke(&app, 99, "x", &r, &err), HOP_ENOTFOUND);
	assert_int_equal(trn_record_revoke(&app, 1, "Fehler", &r, &err), HOP_OK);
	assert_true(r.revoked);
	assert_string_equal(r.reason, "Fehler");
	assert_int_equal(trn_record_revoke(&app, 1, "Fehler", &r, &err), HOP_ECONFLICT);
	assert_int_equal(trn_records_of(&app, "anna", false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].valid_until, D(2028, 3, 9));
	trn_record_list_free(&l);
	assert_int_equal(trn_records_of(&app, "anna", true, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	trn_record_list_free(&l);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'training.revoke' "
	                 "AND detail = 'record 1: SEC on 2026-03-10 revoked: Fehler'"), 1);
	test_app_close(&app);
}

static void test_records_csv(void **state)
{
	/* Out of order: the earlier day is written first, the later continues. */
	static const char good[] =
		"kennung;kurs;datum;ergebnis;stunden;zertifikat;notiz\n"
		"anna;SEC;20.01.2027;bestanden;2,5;Z-2;\n"
		"anna;SEC;2026-03-10;;;Z-1;extern\n"
		"bert;ONCE;2026-05-05;teilgenommen;;;\n";
	static const char bad[] =
		"login,course,done_on,result\n"
		"anna,SEC,2026-01-01,passed\n"
		"nobody,SEC,2026-01-01,passed\n"
		"anna,XX,2026-01-01,passed\n"
		"anna,SEC,2026-01-02,gut\n"
		"anna,SEC,2027-12-01,passed\n"
		"anna,SEC,2026-02-30,passed\n";
	struct hop_app app;
	struct import_options opt = { 0 };
	struct import_report rep = { 0 };
	struct hop_err err;
	char buf[2048];
	FILE *in, *out;

	(void)state;
	setup(&app);
	clock_set_today(D(2027, 2, 1));
	in = fmemopen((void *)good, strlen(good), "r");
	assert_int_equal(import_records(&app, in, "n.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.added, 3);
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM training_record WHERE done_on = "
	                 "'2027-01-20' AND valid_until = '2028-03-09' AND source = 'import' "
	                 "AND hours_x10 = 25 AND certificate_no = 'Z-2'"), 1);
	assert_int_equal(count(&app, "SELECT count(*) FROM training_record WHERE note = 'extern' "
	                 "AND result = 'passed'"), 1);
	/* Again: unchanged. */
	in = fmemopen((void *)good, strlen(good), "r");
	assert_int_equal(import_records(&app, in, "n.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.unchanged, 3);
	import_report_free(&rep);

	in = fmemopen((void *)bad, strlen(bad), "r");
	assert_int_equal(import_records(&app, in, "bad.csv", &opt, &rep, &err), HOP_EINVAL);
	fclose(in);
	assert_non_null(rep.messages);
	assert_non_null(strstr(rep.messages, "bad.csv:3: login: "));
	assert_non_null(strstr(rep.messages, "bad.csv:4: course: no course with the code 'XX'"));
	assert_non_null(strstr(rep.messages, "bad.csv:5: result: 'gut' is not a result"));
	assert_non_null(strstr(rep.messages, "bad.csv:6: done_on: 2027-12-01 is still to come"));
	assert_non_null(strstr(rep.messages, "bad.csv:7: done_on: '2026-02-30' is not a date"));
	assert_string_equal(err.msg, "bad.csv: 5 of 6 rows have errors; nothing was imported");
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM training_record"), 3);

	out = fmemopen(buf, sizeof buf, "w");
	assert_int_equal(export_records(&app, out, ';', false, &err), HOP_OK);
	fclose(out);
	assert_non_null(strstr(buf, "login;course;done_on;result;hours;certificate;note;"
	                        "valid_until;source;id"));
	assert_non_null(strstr(buf, "anna;SEC;2027-01-20;passed;2.5;Z-2;;2028-03-09;import;"));
	in = fmemopen(buf, strlen(buf), "r");
	assert_int_equal(import_records(&app, in, "again.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.unchanged, 3);
	assert_int_equal(rep.added, 0);
	import_report_free(&rep);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renewal),
		cmocka_unit_test(test_failed_and_never),
		cmocka_unit_test(test_onboarding_step),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_by_hand_and_revoke),
		cmocka_unit_test(test_records_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
