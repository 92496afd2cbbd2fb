/* The audit log: writing and the filters of reading. */
#include "testutil.h"

#include "hop/core/audit.h"

static void test_write_and_filter(void **state)
{
	struct hop_app app;
	struct hop_audit_list l;
	struct audit_filter f = { .since = HOP_DATE_NONE };
	struct hop_err err;

	(void)state;
	test_app_open(&app, "boss", 1);    /* writes person.add person:boss */
	assert_int_equal(audit_write(&app, "person.edit", "person:jweiss", "email: a -> b", &err), HOP_OK);
	snprintf(app.actor.login, sizeof app.actor.login, "hr");
	clock_set_today(date_from_ymd(2026, 11, 25));
	assert_int_equal(audit_write(&app, "team.add", "team:referat-11", NULL, &err), HOP_OK);
	assert_int_equal(audit_write(&app, "person.edit", "person:jweissx", "", &err), HOP_OK);

	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 4);
	/* Newest first. */
	assert_string_equal(l.v[0].object, "person:jweissx");
	assert_null(l.v[0].detail);
	assert_string_equal(l.v[1].at, "2026-11-25T12:00:00Z");
	assert_string_equal(l.v[1].actor, "hr");
	assert_null(l.v[1].detail);
	assert_string_equal(l.v[2].detail, "email: a -> b");
	assert_string_equal(l.v[2].at, "2026-11-23T12:00:00Z");
	assert_string_equal(l.v[3].action, "person.add");
	audit_list_free(&l);

	f.object = "person:jweiss";
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	audit_list_free(&l);
	f.object = "person:";
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 3);
	audit_list_free(&l);
	f.object = NULL;
	f.actor = "hr";
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	audit_list_free(&l);
	f.actor = NULL;
	f.since = date_from_ymd(2026, 11, 24);
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	audit_list_free(&l);
	f.since = HOP_DATE_NONE;
	f.limit = 1;
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].object, "person:jweissx");
	audit_list_free(&l);
	test_app_close(&app);
}

/* A write that is rolled back takes its audit entry with it. */
static void test_rollback(void **state)
{
	struct hop_app app;
	struct hop_audit_list l;
	struct audit_filter f = { .since = HOP_DATE_NONE };
	struct hop_err err;

	(void)state;
	test_app_open(&app, "boss", 1);
	assert_int_equal(db_begin(app.db, &err), HOP_OK);
	assert_int_equal(audit_write(&app, "person.edit", "person:x", "y", &err), HOP_OK);
	db_rollback(app.db);
	assert_int_equal(audit_list(&app, &f, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	audit_list_free(&l);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_and_filter),
		cmocka_unit_test(test_rollback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
