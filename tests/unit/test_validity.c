/* Validity of training (TRN-5) and the status matrix (TRN-6): the worked
 * examples of the research, computed exactly. */
#include "testutil.h"

#include "hop/core/training/validity.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static const struct trn_rule yearly = { .months = 12, .renewal_days = 90 };
static const struct trn_rule calendar_year = { .months = 12, .calendar = true,
                                               .anchor_month = 1, .anchor_day = 1 };

static void assert_day(hop_date got, hop_date want)
{
	char a[11], b[11];
	if (got != want)
		fail_msg("got %s, want %s", got == HOP_DATE_NONE ? "none" : date_format(got, a),
		         want == HOP_DATE_NONE ? "none" : date_format(want, b));
}

static void test_event_anchored(void **state)
{
	(void)state;
	/* Done 10.03.2026, 12 months: valid through 09.03.2027. */
	assert_day(trn_valid_until(&yearly, D(2026, 3, 10), HOP_DATE_NONE), D(2027, 3, 9));
	/* Never expires. */
	struct trn_rule none = { 0 };
	assert_day(trn_valid_until(&none, D(2026, 3, 10), HOP_DATE_NONE), HOP_DATE_NONE);
	/* 31 January + 1 month - 1 day: the end of February, less one. */
	struct trn_rule month = { .months = 1 };
	assert_day(trn_valid_until(&month, D(2026, 1, 31), HOP_DATE_NONE), D(2026, 2, 27));
}

static void test_renewal_window(void **state)
{
	hop_date chain[2] = { D(2026, 3, 10), D(2027, 1, 20) };
	(void)state;
	/* Inside the 90-day window: continues from the old expiry. */
	assert_day(trn_valid_until(&yearly, D(2027, 1, 20), D(2027, 3, 9)), D(2028, 3, 9));
	assert_day(trn_chain_until(&yearly, chain, 2), D(2028, 3, 9));
	/* On the last valid day itself: still continues. */
	assert_day(trn_valid_until(&yearly, D(2027, 3, 9), D(2027, 3, 9)), D(2028, 3, 9));
	/* Earlier than the window: re-anchors at its own day. */
	assert_day(trn_valid_until(&yearly, D(2026, 10, 1), D(2027, 3, 9)), D(2027, 9, 30));
	/* After expiry: re-anchors too. */
	assert_day(trn_valid_until(&yearly, D(2027, 4, 1), D(2027, 3, 9)), D(2028, 3, 31));
	/* 90 days before the expiry is inside, 91 outside. */
	assert_day(trn_valid_until(&yearly, D(2027, 3, 9) - 90, D(2027, 3, 9)), D(2028, 3, 9));
	assert_day(trn_valid_until(&yearly, D(2027, 3, 9) - 91, D(2027, 3, 9)),
	           date_add_months(D(2027, 3, 9) - 91, 12) - 1);
}

static void test_calendar_anchored(void **state)
{
	hop_date done[1] = { D(2026, 11, 5) };
	struct trn_facts f = { .required = true, .first_due = D(2025, 1, 1),
	                       .exempt_until = HOP_DATE_NONE, .warn_days = 30,
	                       .done = done, .n = 1 };
	struct trn_state s;
	hop_date a, b;
	(void)state;

	trn_period(&calendar_year, D(2026, 11, 5), &a, &b);
	assert_day(a, D(2026, 1, 1));
	assert_day(b, D(2026, 12, 31));
	/* Done 05.11.2026: the 2026 period is satisfied. */
	f.day = D(2026, 12, 1);
	trn_status_of(&calendar_year, &f, &s);
	assert_int_equal(s.status, TRN_VALID);
	assert_day(s.valid_until, D(2026, 12, 31));
	/* On 01.06.2027: due by 31.12.2027. */
	f.day = D(2027, 6, 1);
	trn_status_of(&calendar_year, &f, &s);
	assert_int_equal(s.status, TRN_DUE);
	assert_day(s.due, D(2027, 12, 31));
	/* On 01.01.2028: overdue. */
	f.day = D(2028, 1, 1);
	trn_status_of(&calendar_year, &f, &s);
	assert_int_equal(s.status, TRN_OVERDUE);
	/* Half-yearly from 01.04: periods April-September, October-March. */
	struct trn_rule half = { .months = 6, .calendar = true, .anchor_month = 4, .anchor_day = 1 };
	trn_period(&half, D(2027, 2, 14), &a, &b);
	assert_day(a, D(2026, 10, 1));
	assert_day(b, D(2027, 3, 31));
	/* Every two years from 01.01: the periods start in even years. */
	struct trn_rule two = { .months = 24, .calendar = true, .anchor_month = 1, .anchor_day = 1 };
	trn_period(&two, D(2027, 7, 1), &a, &b);
	assert_day(a, D(2026, 1, 1));
	assert_day(b, D(2027, 12, 31));
	trn_period(&two, D(1999, 7, 1), &a, &b);
	assert_day(a, D(1998, 1, 1));
}

/* One row per status (TRN-6). */
static void test_status_matrix(void **state)
{
	hop_date done[2] = { D(2026, 3, 10), D(2030, 1, 1) };
	struct trn_facts f = { .day = D(2026, 6, 1), .required = true, .first_due = D(2026, 7, 1),
	                       .exempt_until = HOP_DATE_NONE, .warn_days = 14 };
	struct trn_state s;
	(void)state;

	f.required = false;
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_NOT_REQUIRED);
	f.required = true;
	/* Never done, due in 30 days with 14 warning days: new (in grace). */
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_NEW);
	assert_day(s.due, D(2026, 7, 1));
	/* Due within the warning days, and on the due day itself. */
	f.day = D(2026, 6, 20);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_DUE);
	f.day = D(2026, 7, 1);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_DUE);
	f.day = D(2026, 7, 2);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_OVERDUE);
	/* Done: valid, expiring, overdue the day after the last valid day; a
	 * completion after the day asked about does not count yet. */
	f.done = done;
	f.n = 2;
	f.day = D(2026, 6, 1);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_VALID);
	assert_day(s.valid_until, D(2027, 3, 9));
	assert_day(s.last_done, D(2026, 3, 10));
	f.day = D(2027, 3, 1);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_EXPIRING);
	f.day = D(2027, 3, 9);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_EXPIRING);
	f.day = D(2027, 3, 10);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_OVERDUE);
	assert_day(s.due, D(2027, 3, 9));
	/* An exemption covering the day: exempt, never valid. */
	f.exempt_until = D(2027, 6, 30);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_EXEMPT);
	f.exempt_until = HOP_DATE_NONE;
	/* A mobile trigger without a planned home day: not due yet. */
	f.n = 0;
	f.first_due = HOP_DATE_NONE;
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_NEW);
	assert_day(s.due, HOP_DATE_NONE);
	/* The safety instruction (grace 0, warn 0): due on the first day. */
	f.first_due = D(2027, 1, 4);
	f.warn_days = 0;
	f.day = D(2027, 1, 4);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_DUE);
	f.day = D(2027, 1, 3);
	trn_status_of(&yearly, &f, &s);
	assert_int_equal(s.status, TRN_NEW);
	assert_string_equal(trn_status_name(TRN_EXPIRING), "expiring");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_anchored),
		cmocka_unit_test(test_renewal_window),
		cmocka_unit_test(test_calendar_anchored),
		cmocka_unit_test(test_status_matrix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
