/* The session plan's placement (TRN-11): everyone placed within the seats,
 * the most overdue in the earliest session, nobody on a blocked day, a
 * session before the due date preferred, too few seats leave the least
 * urgent out. */
#include "testutil.h"

#include "hop/core/training/plan.h"

static hop_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void person(struct trn_plan *p, const char *login, hop_date due)
{
	struct trn_plan_person *q = &p->people[p->npeople++];
	memset(q, 0, sizeof *q);
	snprintf(q->login, sizeof q->login, "%s", login);
	q->person_id = (int64_t)p->npeople;
	q->status = TRN_OVERDUE;
	q->due = due;
}

static void session(struct trn_plan *p, hop_date day, int free)
{
	struct trn_plan_session *s = &p->sessions[p->nsessions++];
	memset(s, 0, sizeof *s);
	s->id = (int64_t)p->nsessions;
	s->first = s->last = day;
	s->free = free;
}

static void five_overdue_two_sessions(void **state)
{
	struct trn_plan_person people[5];
	struct trn_plan_session sessions[2];
	struct trn_plan p = { .people = people, .sessions = sessions };
	hop_date today = D(2026, 11, 23);
	struct hop_err err;

	(void)state;
	/* Listed in no particular order: overdue by 10, 200, 30, 5 and 90 days. */
	person(&p, "b", today - 10);
	person(&p, "most", today - 200);
	person(&p, "c", today - 30);
	person(&p, "least", today - 5);
	person(&p, "d", today - 90);
	session(&p, D(2026, 12, 1), 3);
	session(&p, D(2026, 12, 15), 3);
	assert_int_equal(trn_plan_solve(&p, NULL, today, &err), HOP_OK);
	for (int i = 0; i < 5; i++)
		assert_int_not_equal(people[i].session, -1);
	assert_int_equal(sessions[0].placed, 3);
	assert_int_equal(sessions[1].placed, 2);
	/* The three most overdue (200, 90, 30 days) in the earlier session. */
	assert_int_equal(people[1].session, 0);
	assert_int_equal(people[4].session, 0);
	assert_int_equal(people[2].session, 0);
	assert_int_equal(people[0].session, 1);
	assert_int_equal(people[3].session, 1);
	assert_true(people[1].late);
}

static void blocked_days_and_due_dates(void **state)
{
	struct trn_plan_person people[3];
	struct trn_plan_session sessions[2];
	struct trn_plan p = { .people = people, .sessions = sessions };
	hop_date today = D(2026, 11, 23);
	bool blocked[3 * 2] = { false };
	struct hop_err err;

	(void)state;
	/* "early" is due before the second session, "late" long after both;
	 * "away" is overdue but away on the first session's day. */
	person(&p, "early", D(2026, 12, 5));
	person(&p, "late", D(2027, 6, 30));
	person(&p, "away", today - 100);
	people[0].status = TRN_DUE;
	people[1].status = TRN_EXPIRING;
	session(&p, D(2026, 12, 1), 1);
	session(&p, D(2026, 12, 15), 2);
	blocked[2 * 2 + 0] = true;
	assert_int_equal(trn_plan_solve(&p, blocked, today, &err), HOP_OK);
	assert_int_equal(people[0].session, 0);
	assert_false(people[0].late);
	assert_int_equal(people[1].session, 1);
	assert_int_equal(people[2].session, 1);
	assert_true(people[2].late);
}

static void too_few_seats(void **state)
{
	struct trn_plan_person people[3];
	struct trn_plan_session sessions[1];
	struct trn_plan p = { .people = people, .sessions = sessions };
	hop_date today = D(2026, 11, 23);
	struct hop_err err;

	(void)state;
	person(&p, "a", today - 3);
	person(&p, "b", today - 50);
	person(&p, "c", today - 20);
	session(&p, D(2026, 11, 30), 2);
	assert_int_equal(trn_plan_solve(&p, NULL, today, &err), HOP_OK);
	assert_int_equal(people[0].session, -1);
	assert_int_equal(people[1].session, 0);
	assert_int_equal(people[2].session, 0);
	assert_int_equal(sessions[0].placed, 2);
}

static void nothing_to_place(void **state)
{
	struct trn_plan p = { 0 };
	struct hop_err err;

	(void)state;
	assert_int_equal(trn_plan_solve(&p, NULL, D(2026, 11, 23), &err), HOP_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(five_overdue_two_sessions),
		cmocka_unit_test(blocked_days_and_due_dates),
		cmocka_unit_test(too_few_seats),
		cmocka_unit_test(nothing_to_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
