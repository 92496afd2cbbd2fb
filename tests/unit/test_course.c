/* The course catalogue: the rules of a course and their messages, adding,
 * changing, retiring, listing with competences, who may, and the CSV
 * import and export of courses. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/people/person.h"
#include "hop/core/training/catalogue.h"

static int64_t count(struct hop_app *app, const char *sql)
{
	return test_sql_int(app->db, sql);
}

static void exec(struct hop_app *app, const char *sql)
{
	test_sql_exec(app->db, sql);
}

static void add_person(struct hop_app *app, const char *login, unsigned roles)
{
	struct hop_person p;
	struct hop_err err;

	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "%s", login);
	snprintf(p.name, sizeof p.name, "Person %s", login);
	p.roles = roles;
	p.start = date_from_ymd(2020, 1, 1);
	p.end = HOP_DATE_NONE;
	if (person_add(app, &p, &err) != HOP_OK)
		fail_msg("add %s: %s", login, err.msg);
}

static void setup(struct hop_app *app)
{
	test_app_open(app, "hr", 1);
	exec(app, "INSERT INTO competence (code, name, position) VALUES ('DC1', 'Information', 1), "
	     "('DC2', 'Kommunikation', 2), ('OLD', 'Alt', 3); "
	     "UPDATE competence SET retired_on = '2026-01-01' WHERE code = 'OLD'");
}

static struct trn_course_spec spec(const char *code, const char *title, int months)
{
	struct trn_course_spec s;

	trn_course_spec_init(&s);
	snprintf(s.code, sizeof s.code, "%s", code);
	snprintf(s.title, sizeof s.title, "%s", title);
	s.validity_months = months;
	return s;
}

static void test_words_and_rules(void **state)
{
	struct trn_course_spec s = spec("IT-SEC", "IT-Sicherheit", 12);
	struct hop_err err;
	enum trn_kind k;
	int m;

	(void)state;
	assert_int_equal(trn_kind_parse("Kolloquium", &k, &err), HOP_OK);
	assert_int_equal(k, TRN_COLLOQUIUM);
	assert_int_equal(trn_kind_parse("in-house", &k, &err), HOP_OK);
	assert_int_equal(k, TRN_INHOUSE);
	assert_int_equal(trn_kind_parse("extern", &k, &err), HOP_OK);
	assert_int_equal(k, TRN_EXTERNAL);
	assert_int_equal(trn_kind_parse("seminar", &k, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "'seminar' is not a kind of course: external, online, "
	                    "inhouse, colloquium or instruction");
	assert_int_equal(trn_validity_parse("24", &m, &err), HOP_OK);
	assert_int_equal(m, 24);
	assert_int_equal(trn_validity_parse("keine", &m, &err), HOP_OK);
	assert_int_equal(m, 0);
	assert_int_equal(trn_validity_parse("241", &m, &err), HOP_EINVAL);
	assert_int_equal(trn_validity_parse("12x", &m, &err), HOP_EINVAL);
	assert_int_equal(trn_validity_parse("", &m, &err), HOP_EINVAL);
	assert_int_equal(trn_course_check(&s, &err), HOP_OK);
	assert_int_equal(trn_course_check_code("A.b_c-1", &err), HOP_OK);
	assert_int_equal(trn_course_check_code("a b", &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the course code 'a b' may have only letters, digits, '.', "
	                    "'_' and '-'");
	assert_int_equal(trn_course_check_code("", &err), HOP_EINVAL);
	assert_int_equal(trn_course_check_code("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", &err), HOP_EINVAL);
	s.title[0] = '\0';
	assert_int_equal(trn_course_check(&s, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the course IT-SEC needs a title");
	s = spec("X", "T", 241);
	assert_int_equal(trn_course_check(&s, &err), HOP_EINVAL);
	s = spec("X", "T", 0);
	s.renewal_days = 367;
	assert_int_equal(trn_course_check(&s, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "a renewal window of 367 days is out of range: 0 to 366 days");
	s.renewal_days = 0;
	s.hours_x10 = 20001;
	assert_int_equal(trn_course_check(&s, &err), HOP_EINVAL);
	{
		char field[8];
		assert_int_equal(trn_course_text(field, sizeof field, "title", "12345678", &err),
		                 HOP_EINVAL);
		assert_string_equal(err.msg, "the title is 8 bytes long; the limit is 7");
	}
}

static void test_add_edit_retire(void **state)
{
	struct hop_app app;
	struct trn_course_spec s = spec("IT-SEC", "IT-Sicherheit", 12);
	struct trn_course_info i;
	struct trn_course_list l;
	struct trn_course c;
	struct hop_err err;
	char changes[512];

	(void)state;
	setup(&app);
	snprintf(s.competences, sizeof s.competences, " dc2 ,DC1,dc1");
	assert_int_equal(course_add(&app, &s, &err), HOP_OK);
	assert_int_equal(course_show(&app, "it-sec", &i, &err), HOP_OK);
	assert_string_equal(i.s.competences, "DC1,DC2");
	assert_int_equal(i.s.validity_months, 12);
	assert_int_equal(i.s.renewal_days, 90);
	assert_int_equal(i.retired, HOP_DATE_NONE);
	assert_int_equal(trn_course_get(&app, "IT-sec", &c, &err), HOP_OK);
	assert_int_equal(c.validity_months, 12);
	/* The same competences in another order change nothing. */
	snprintf(s.competences, sizeof s.competences, "DC2,dc1");
	assert_int_equal(course_edit(&app, "IT-SEC", CF_COMPETENCES, &s, changes, sizeof changes,
	                             &err), HOP_OK);
	assert_string_equal(changes, "");
	/* The code in any case is taken. */
	s = spec("it-SEC", "Anders", 0);
	assert_int_equal(course_add(&app, &s, &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "the code IT-SEC is already the course 'IT-Sicherheit'");
	/* Unknown and retired competences. */
	s = spec("DS", "Datenschutz", 24);
	snprintf(s.competences, sizeof s.competences, "DC1,DC7");
	assert_int_equal(course_add(&app, &s, &err), HOP_ENOTFOUND);
	assert_string_equal(err.msg, "no competence with the code 'DC7'");
	snprintf(s.competences, sizeof s.competences, "OLD");
	assert_int_equal(course_add(&app, &s, &err), HOP_EINVAL);
	assert_int_equal(count(&app, "SELECT count(*) FROM course"), 1);
	s.competences[0] = '\0';
	assert_int_equal(course_add(&app, &s, &err), HOP_OK);

	/* Edit: what changed, audited; nothing: nothing written. */
	s = spec("", "IT-Sicherheit 2", 24);
	assert_int_equal(course_edit(&app, "IT-SEC", CF_TITLE | CF_VALIDITY, &s, changes,
	                             sizeof changes, &err), HOP_OK);
	assert_string_equal(changes, "title: IT-Sicherheit -> IT-Sicherheit 2; validity: 12 -> 24");
	assert_int_equal(course_edit(&app, "IT-SEC", CF_VALIDITY, &s, changes, sizeof changes,
	                             &err), HOP_OK);
	assert_string_equal(changes, "");
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'course.edit'"), 1);
	s.competences[0] = '\0';
	assert_int_equal(course_edit(&app, "IT-SEC", CF_COMPETENCES, &s, changes, sizeof changes,
	                             &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT count(*) FROM course_competence"), 0);
	snprintf(s.code, sizeof s.code, "ds");
	assert_int_equal(course_edit(&app, "IT-SEC", CF_CODE, &s, changes, sizeof changes, &err),
	                 HOP_ECONFLICT);
	s.validity_months = 300;
	assert_int_equal(course_edit(&app, "IT-SEC", CF_VALIDITY, &s, changes, sizeof changes,
	                             &err), HOP_EINVAL);

	/* Retire: kept, listed with --all only, refused twice, activated. */
	assert_int_equal(course_retire(&app, "DS", &err), HOP_OK);
	assert_int_equal(course_retire(&app, "DS", &err), HOP_ECONFLICT);
	assert_string_equal(err.msg, "the course DS is already retired");
	assert_int_equal(course_list(&app, false, NULL, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	trn_course_list_free(&l);
	assert_int_equal(course_list(&app, true, NULL, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].s.code, "DS");
	assert_true(l.v[0].c.retired);
	trn_course_list_free(&l);
	assert_int_equal(course_edit(&app, "DS", CF_ACTIVATE, &s, changes, sizeof changes, &err),
	                 HOP_OK);
	assert_string_equal(changes, "retired: yes -> no");
	assert_int_equal(course_list(&app, false, "schutz", &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	trn_course_list_free(&l);
	assert_int_equal(course_show(&app, "NOPE", &i, &err), HOP_ENOTFOUND);
	assert_int_equal(err.reason, HOP_R_NO_COURSE);
	test_app_close(&app);
}

static void test_who_may(void **state)
{
	struct hop_app app;
	struct trn_course_spec s = spec("X", "T", 0);
	struct hop_err err;

	(void)state;
	setup(&app);
	add_person(&app, "emp", ROLE_EMPLOYEE);
	add_person(&app, "chef", ROLE_EMPLOYEE | ROLE_LEAD);
	add_person(&app, "pers", ROLE_EMPLOYEE | ROLE_HR);
	test_act_as(&app, "emp");
	assert_int_equal(course_add(&app, &s, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only HR or an admin can change the course catalogue");
	test_act_as(&app, "chef");
	assert_int_equal(course_add(&app, &s, &err), HOP_EPERM);
	test_act_as(&app, "pers");
	assert_int_equal(course_add(&app, &s, &err), HOP_OK);
	test_act_as(&app, "emp");
	assert_int_equal(course_retire(&app, "X", &err), HOP_EPERM);
	test_act_as(&app, "nobody");
	assert_int_equal(course_retire(&app, "X", &err), HOP_EPERM);
	test_app_close(&app);
}

static void test_csv(void **state)
{
	static const char good[] =
		"Kürzel;Titel;Art;Anbieter;Stunden;Kompetenzen;Gültigkeit;Erneuerung;Genehmigung\n"
		"EH;Erste Hilfe;extern;DRK;9;DC2;24;30;ja\n"
		"UW;Unterweisung;unterweisung;;1,5;;12;;nein\n";
	static const char bad[] =
		"code,title,validity_months\n"
		"OK,Gut,12\n"
		"OK 2,Schlecht,12\n"
		"BAD,,12\n"
		"BAD2,T,999\n"
		"ok,Doppelt,12\n";
	struct hop_app app;
	struct import_options opt = { 0 };
	struct import_report rep = { 0 };
	struct trn_course_info i;
	struct hop_err err;
	char buf[2048];
	FILE *in, *out;

	(void)state;
	setup(&app);
	in = fmemopen((void *)good, strlen(good), "r");
	assert_int_equal(import_courses(&app, in, "kurse.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.added, 2);
	import_report_free(&rep);
	assert_int_equal(course_show(&app, "EH", &i, &err), HOP_OK);
	assert_int_equal(i.s.kind, TRN_EXTERNAL);
	assert_int_equal(i.s.hours_x10, 90);
	assert_int_equal(i.s.renewal_days, 30);
	assert_true(i.s.needs_approval);
	assert_string_equal(i.s.competences, "DC2");
	assert_int_equal(course_show(&app, "UW", &i, &err), HOP_OK);
	assert_int_equal(i.s.renewal_days, 90);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE action = 'import.courses'"), 1);

	/* A bad file: every problem with file and line, nothing written. */
	in = fmemopen((void *)bad, strlen(bad), "r");
	assert_int_equal(import_courses(&app, in, "bad.csv", &opt, &rep, &err), HOP_EINVAL);
	fclose(in);
	assert_non_null(rep.messages);
	assert_non_null(strstr(rep.messages, "bad.csv:3: code: the course code 'OK 2' may have"));
	assert_non_null(strstr(rep.messages, "bad.csv:4: title: the cell is empty"));
	assert_non_null(strstr(rep.messages, "bad.csv:5: validity_months: '999' is not a validity"));
	assert_non_null(strstr(rep.messages, "bad.csv:6:"));
	import_report_free(&rep);
	assert_int_equal(count(&app, "SELECT count(*) FROM course"), 2);

	/* Export and import again: nothing changes. */
	out = fmemopen(buf, sizeof buf, "w");
	assert_int_equal(export_courses(&app, out, ',', false, &err), HOP_OK);
	fclose(out);
	assert_non_null(strstr(buf, "EH,Erste Hilfe,external,DRK,9,DC2,24,30,yes,,no"));
	assert_non_null(strstr(buf, "UW,Unterweisung,instruction,,1.5,,12,90,no,,no"));
	in = fmemopen(buf, strlen(buf), "r");
	assert_int_equal(import_courses(&app, in, "again.csv", &opt, &rep, &err), HOP_OK);
	fclose(in);
	assert_int_equal(rep.unchanged, 2);
	assert_int_equal(rep.updated, 0);
	import_report_free(&rep);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_rules),
		cmocka_unit_test(test_add_edit_retire),
		cmocka_unit_test(test_who_may),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
