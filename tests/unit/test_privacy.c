/* The data-protection duties in core: the one rule for free text, the
 * sections of 'person data', the rights, and purge by age with its dry run. */
#include "testutil.h"

#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/privacy/privacy.h"
#include "hop/core/text_check.h"
#include "hop/db/db.h"

static void test_text_rule(void **state)
{
	struct hop_err err;

	(void)state;
	assert_false(text_has_control("Teamfrühstück mit Brötchen"));
	assert_true(text_has_control("x\033[2J"));
	assert_true(text_has_control("a\007b"));
	assert_true(text_has_control("one\ntwo"));
	assert_true(text_has_control("tab\there"));
	assert_true(text_has_control("del\177"));
	assert_true(text_has_control("csi\302\233"));     /* U+009B */
	assert_false(text_has_control("\302\240"));       /* U+00A0, a space */
	assert_int_equal(text_check(NULL, 10, "the note", &err), HOP_OK);
	assert_int_equal(text_check("x\033y", 10, "the note", &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the note contains a control character (a line break or "
	                    "tab); write it on one line");
	assert_int_equal(text_check("0123456789a", 10, "the note", &err), HOP_EINVAL);
	assert_string_equal(err.msg, "the note is 11 bytes long; at most 10 are allowed");
	assert_int_equal(text_check_line("fine", "the reason", &err), HOP_OK);
}

static void test_sections(void **state)
{
	size_t n;
	const struct person_data_section *s = person_data_sections(&n);

	(void)state;
	assert_true(n >= 20);
	assert_string_equal(s[0].name, "person");
	assert_true(s[0].one);
	for (size_t i = 0; i < n; i++) {
		if ((int)strlen(s[i].types) != s[i].ncols)
			fail_msg("section %s: %zu types for %d fields", s[i].name, strlen(s[i].types),
			         s[i].ncols);
		assert_true(s[i].ncols <= 24);
		assert_int_equal(strspn(s[i].types, "nt"), strlen(s[i].types));
	}
}

static int64_t count(struct hop_app *app, const char *sql)
{
	struct hop_err err;
	struct db_stmt *st = db_stmt(app->db, sql, &err);
	int64_t v = -1;
	bool found;

	assert_non_null(st);
	assert_int_equal(db_get_int64(st, &v, &found, "counting", &err), HOP_OK);
	return v;
}

static enum hop_status ignore(void *ctx, enum person_data_event ev,
                              const struct person_data_section *sec, const char *const *values,
                              struct hop_err *err)
{
	(void)ev; (void)sec; (void)values; (void)err;
	(*(int *)ctx)++;
	return HOP_OK;
}

static void test_rights_and_purge(void **state)
{
	struct hop_app app;
	struct hop_audit_list l;
	struct audit_filter f = { .since = HOP_DATE_NONE };
	struct purge_report rep;
	struct hop_err err;
	const char *own;
	int events = 0;

	(void)state;
	test_app_open(&app, "boss", 1);
	/* Old and young audit entries. */
	clock_set_today(date_from_ymd(2020, 1, 10));
	assert_int_equal(audit_write(&app, "team.add", "team:old", NULL, &err), HOP_OK);
	assert_int_equal(audit_write(&app, "team.add", "team:old2", NULL, &err), HOP_OK);
	clock_set_today(date_from_ymd(2026, 11, 23));
	assert_int_equal(audit_write(&app, "team.add", "team:new", NULL, &err), HOP_OK);

	/* An admin reads everything and purges. */
	assert_int_equal(authz_audit_read(&app, NULL, "person:x", &own, &err), HOP_OK);
	assert_null(own);
	assert_int_equal(person_data(&app, NULL, ignore, &events, &err), HOP_OK);
	assert_true(events > 40);
	int64_t all = count(&app, "SELECT count(*) FROM audit");
	app.cfg.privacy_keep_audit_months = 24;
	assert_int_equal(privacy_purge(&app, true, &rep, &err), HOP_OK);
	assert_string_equal(rep.audit_before, "2024-11-23");
	assert_int_equal(rep.n, 1);
	assert_string_equal(rep.v[0].table, "audit");
	assert_int_equal(rep.v[0].n, 2);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), all);
	assert_int_equal(privacy_purge(&app, false, &rep, &err), HOP_OK);
	assert_int_equal(count(&app, "SELECT count(*) FROM audit WHERE at < '2024-11-23'"), 0);
	/* The two old ones went, the purge's own entry came. */
	assert_int_equal(count(&app, "SELECT count(*) FROM audit"), all - 2 + 1);

	/* Someone unknown reads no log, and may purge nothing. */
	test_act_as(&app, "nobody");
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_EPERM);
	assert_int_equal(privacy_purge(&app, true, &rep, &err), HOP_EPERM);
	assert_int_equal(authz_people_export(&app, &err), HOP_EPERM);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_rule),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_rights_and_purge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
