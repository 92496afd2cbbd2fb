/* Enrolment: seats and the first-come waitlist, the promotion in the same
 * transaction, the database refusing an overfilled session, approval, who
 * may enrol whom, the presence tie-in, attendance writing a record. */
#include "trn_org.h"
#include "hop/core/presence/presence.h"
#include "hop/core/training/session.h"
#include "hop/db/db.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static int64_t session(struct hop_app *app, const char *course, int seats, const char *room)
{
	struct session_spec sp = { .course = course, .start = { D(2026, 11, 25), 9 * 60 },
	                           .end = { HOP_DATE_NONE, 0 }, .capacity = seats, .room = room,
	                           .location = room ? NULL : "Akademie" };
	struct hop_err err;
	int64_t id;

	test_act_as(app, "hr");
	if (session_add(app, &sp, &id, &err) != HOP_OK)
		fail_msg("session: %s", err.msg);
	return id;
}

static const char *state_of(struct hop_app *app, int64_t sid, const char *login)
{
	static char buf[32];
	struct hop_err err;
	struct db_stmt *st = db_raw_stmt(app->db, "SELECT e.state FROM enrolment e "
	                                 "JOIN person p ON p.id = e.person_id WHERE e.session_id = ?1 "
	                                 "AND p.login = ?2 AND e.state <> 'cancelled'", &err);

	if (!st)
		fail_msg("%s", err.msg);
	buf[0] = '\0';
	db_bind_int64(st, 1, sid);
	db_bind_text(st, 2, login);
	if (db_step(st) == DB_ROW)
		db_col_copy(st, 0, buf, sizeof buf);
	db_raw_free(st);
	return buf;
}

static void test_waitlist(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	int64_t s;

	(void)state;
	trn_org(&app);
	s = session(&app, "DS", 2, "R1");
	test_act_as(&app, "anna");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_BOOKED);
	test_act_as(&app, "bernd");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	test_act_as(&app, "jweiss");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_WAITLISTED);
	assert_int_equal(r.position, 1);
	test_act_as(&app, "dora");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.position, 2);
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_ECONFLICT);

	/* anna gives up her seat: the first waiting moves up, in the same call. */
	test_act_as(&app, "anna");
	assert_int_equal(enrol_cancel(&app, s, NULL, &r, &err), HOP_OK);
	assert_true(r.promoted);
	assert_string_equal(r.promoted_name, "Jürgen Weiß");
	assert_string_equal(state_of(&app, s, "jweiss"), "booked");
	assert_string_equal(state_of(&app, s, "dora"), "waitlisted");
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM enrolment WHERE state = 'booked'"), 2);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM audit WHERE action = "
	                 "'enrol.promote'"), 1);
	/* A waiting person giving up promotes nobody. */
	test_act_as(&app, "dora");
	assert_int_equal(enrol_cancel(&app, s, NULL, &r, &err), HOP_OK);
	assert_false(r.promoted);
	assert_int_equal(enrol_cancel(&app, s, NULL, &r, &err), HOP_ENOTFOUND);
	test_app_close(&app);
}

/* The schema's trigger is the last guard: a seat past the capacity is refused
 * by the database itself. */
static void test_capacity_trigger(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	struct db_stmt *st;
	int64_t s;

	(void)state;
	trn_org(&app);
	s = session(&app, "DS", 1, NULL);
	assert_int_equal(enrol_add(&app, s, "anna", &r, &err), HOP_OK);
	st = db_stmt(app.db, "INSERT INTO enrolment (session_id, person_id, state, queued_at, "
	             "requested_by) VALUES (?1, (SELECT id FROM person WHERE login = 'bernd'), "
	             "'booked', '2026-11-23T12:00:00Z', 'hr')", &err);
	assert_non_null(st);
	db_bind_int64(st, 1, s);
	assert_int_equal(db_step(st), DB_CHECK);
	db_reset(st);
	assert_int_equal(enrol_add(&app, s, "bernd", &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_WAITLISTED);
	test_app_close(&app);
}

static void test_approval(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	int64_t s;

	(void)state;
	trn_org(&app);
	s = session(&app, "EXT", 1, NULL);
	test_act_as(&app, "anna");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_REQUESTED);
	test_act_as(&app, "bernd");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	/* Neither a colleague nor another team's member decides. */
	assert_int_equal(enrol_decide(&app, s, "anna", true, NULL, &r, &err), HOP_EPERM);
	assert_string_equal(err.msg, "only the lead of Anna Berg's team and HR decide on Anna "
	                    "Berg's enrolments");
	test_act_as(&app, "chef");
	assert_int_equal(enrol_decide(&app, s, "anna", true, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_BOOKED);
	assert_int_equal(enrol_decide(&app, s, "bernd", true, NULL, &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_WAITLISTED);
	assert_int_equal(enrol_decide(&app, s, "bernd", true, NULL, &r, &err), HOP_ECONFLICT);
	/* The lead enrolling a member needs no approval; rejecting cancels. */
	assert_int_equal(enrol_add(&app, s, "dora", &r, &err), HOP_OK);
	assert_int_equal(r.state, ENROL_WAITLISTED);
	test_act_as(&app, "jweiss");
	assert_int_equal(enrol_add(&app, s, NULL, &r, &err), HOP_OK);
	test_act_as(&app, "hr");
	assert_int_equal(enrol_decide(&app, s, "jweiss", false, "nicht erforderlich", &r, &err),
	                 HOP_OK);
	assert_int_equal(r.state, ENROL_CANCELLED);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM enrolment WHERE state = 'cancelled' "
	                 "AND decided_by = 'hr' AND note = 'nicht erforderlich'"), 1);
	test_app_close(&app);
}

static void test_who(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	struct trn_enrolment_list l;
	int64_t s;

	(void)state;
	trn_org(&app);
	s = session(&app, "DS", 5, NULL);
	test_act_as(&app, "anna");
	assert_int_equal(enrol_add(&app, s, "otto", &r, &err), HOP_EPERM);
	assert_int_equal(session_attendees(&app, s, false, &l, &err), HOP_EPERM);
	assert_int_equal(enrol_list_person(&app, "bernd", false, &l, &err), HOP_EPERM);
	test_act_as(&app, "chef");
	assert_int_equal(enrol_add(&app, s, "otto", &r, &err), HOP_EPERM);
	assert_int_equal(enrol_add(&app, s, "anna", &r, &err), HOP_OK);
	assert_int_equal(enrol_list_person(&app, "anna", false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].course, "DS");
	trn_enrolment_list_free(&l);
	test_act_as(&app, "hr");
	assert_int_equal(enrol_add(&app, s, "otto", &r, &err), HOP_OK);
	assert_int_equal(session_attendees(&app, s, false, &l, &err), HOP_OK);
	assert_int_equal(l.n, 2);
	trn_enrolment_list_free(&l);
	/* Once the session has begun, no more enrolments. */
	clock_set_today(D(2026, 11, 26));
	assert_int_equal(enrol_add(&app, s, "dora", &r, &err), HOP_ECONFLICT);
	test_app_close(&app);
}

static void test_presence(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	struct presence_result pr;
	int64_t s, far;

	(void)state;
	trn_org(&app);
	s = session(&app, "DS", 5, "R1");
	far = session(&app, "EXT", 5, "R2");
	test_act_as(&app, "bernd");
	assert_int_equal(presence_set(&app, NULL, D(2026, 11, 25), D(2026, 11, 25), LOC_HOME, NULL,
	                              &pr, &err), HOP_OK);
	presence_result_free(&pr);
	test_act_as(&app, "dora");
	assert_int_equal(presence_set(&app, NULL, D(2026, 11, 25), D(2026, 11, 25), LOC_AWAY, NULL,
	                              &pr, &err), HOP_OK);
	presence_result_free(&pr);
	test_act_as(&app, "hr");
	assert_int_equal(enrol_add(&app, s, "anna", &r, &err), HOP_OK);
	assert_int_equal(r.office_days, 1);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM presence p JOIN person x ON "
	                 "x.id = p.person_id WHERE x.login = 'anna' AND p.location = 'office'"), 1);
	assert_int_equal(enrol_add(&app, s, "bernd", &r, &err), HOP_OK);
	assert_int_equal(r.office_days, 0);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM presence p JOIN person x ON "
	                 "x.id = p.person_id WHERE x.login = 'bernd' AND p.location = 'home'"), 1);
	assert_int_equal(enrol_add(&app, s, "dora", &r, &err), HOP_OK);
	assert_int_equal(r.nwarnings, 1);
	assert_string_equal(r.warnings[0], "Dora Fern planned to be away on Wed 25 Nov 2026, a day "
	                    "of the session");
	/* A room at another site sets no office day. */
	assert_int_equal(enrol_add(&app, far, "jweiss", &r, &err), HOP_OK);
	assert_int_equal(r.office_days, 0);
	test_app_close(&app);
}

static void test_attend(void **state)
{
	struct hop_app app;
	struct hop_err err;
	struct enrol_result r;
	int64_t s, rec;

	(void)state;
	trn_org(&app);
	s = session(&app, "DS", 5, NULL);
	assert_int_equal(enrol_add(&app, s, "anna", &r, &err), HOP_OK);
	assert_int_equal(enrol_add(&app, s, "bernd", &r, &err), HOP_OK);
	assert_int_equal(enrol_add(&app, s, "dora", &r, &err), HOP_OK);
	assert_int_equal(session_attend(&app, s, "anna", ATTEND_FULL, true, TRN_PASSED, &rec, &err),
	                 HOP_ECONFLICT);                 /* not begun */
	clock_set_today(D(2026, 11, 25));
	assert_int_equal(session_attend(&app, s, "anna", ATTEND_FULL, true, TRN_PASSED, &rec, &err),
	                 HOP_OK);
	assert_true(rec > 0);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM training_record WHERE source = "
	                 "'session' AND valid_until = '2028-11-24'"), 1);
	assert_int_equal(session_attend(&app, s, "anna", ATTEND_FULL, true, TRN_PASSED, &rec, &err),
	                 HOP_ECONFLICT);
	assert_int_equal(session_attend(&app, s, "bernd", ATTEND_NO_SHOW, true, TRN_PASSED, &rec,
	                                &err), HOP_EINVAL);
	assert_int_equal(session_attend(&app, s, "bernd", ATTEND_NO_SHOW, false, TRN_PASSED, &rec,
	                                &err), HOP_OK);
	assert_int_equal(rec, 0);
	assert_int_equal(session_attend(&app, s, "dora", ATTEND_PARTIAL, true, TRN_FAILED, &rec,
	                                &err), HOP_OK);
	assert_int_equal(rec, 0);
	assert_int_equal(trn_count(&app, "SELECT count(*) FROM training_record"), 1);
	/* A recorded attendance cannot be given up, and the no-show keeps the seat. */
	assert_int_equal(enrol_cancel(&app, s, "bernd", &r, &err), HOP_ECONFLICT);
	test_act_as(&app, "anna");
	assert_int_equal(session_attend(&app, s, "dora", ATTEND_FULL, false, TRN_PASSED, &rec, &err),
	                 HOP_EPERM);
	test_app_close(&app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_waitlist),
		cmocka_unit_test(test_capacity_trigger),
		cmocka_unit_test(test_approval),
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_presence),
		cmocka_unit_test(test_attend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
