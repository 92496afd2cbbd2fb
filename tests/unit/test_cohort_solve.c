/* The general method (cohort_solve beyond the exact case): plans for the
 * benchmark's cohorts within the time limit, the limit kept when no plan is
 * found quickly, and whatever it calls a plan passes the check. */
#include "testutil.h"

#include <time.h>

#include "hop/core/rotation/cohort_plan.h"
#include "cohort_gen.h"

/* Seconds of this process's CPU.  The time limit is a promise about the
 * wall clock, but on a shared, loaded machine the wall clock says more about
 * the other processes than about hop (never time a unit test): the CPU hop
 * spent is at most the wall time it ran, so "a few seconds of CPU" holds
 * under any load, and a solver that ignored its limit (10-30 s on the tight
 * cohort below) still fails it. */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t check(struct cohort_problem *p, struct cohort_plan *pl,
                    struct cohort_violation_list *l)
{
	struct hop_err err;
	assert_int_equal(cohort_check(p, pl, l, &err), HOP_OK);
	return l->n;
}

/* The general method on the benchmark's cohorts: a plan within the limit,
 * and the check passes it. */
static void general_case(int trainees, int stations, int months, bool first, int limit,
                         bool optional)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l;
	struct hop_err err;
	double t0 = cpu();

	gen_general(&p, trainees, stations, months, first, 7u);
	if (!optional)
		p.nstations--;    /* the last station, the optional one */
	assert_int_equal(cohort_solve(&p, limit, &pl, &r, &err), HOP_OK);
	if (r.outcome != COHORT_OPTIMAL && r.outcome != COHORT_FEASIBLE)
		print_message("%d/%d/%d: %s\n%s\n", trainees, stations, months,
		              cohort_outcome_name(r.outcome), r.why);
	assert_true(r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE);
	assert_int_equal(r.method, COHORT_MIP);
	if (!optional)
		assert_int_equal(r.outcome, COHORT_OPTIMAL);
	assert_int_equal(check(&p, &pl, &l), 0);
	assert_true(cpu() - t0 < limit + 1.0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	p.nstations = (size_t)stations;
	cohort_problem_free(&p);
}

/* Haushalt only after Bürgerservice, which is optional: whoever has
 * Haushalt needs Bürgerservice before it. */
static void optional_before(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l;
	struct hop_err err;

	(void)state;
	gen_general(&p, 30, 9, 30, true, 8u);
	p.stations[1].required = false;
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_true(r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE);
	assert_int_equal(check(&p, &pl, &l), 0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

static void general_method(void **state)
{
	(void)state;
	general_case(30, 9, 30, true, 10, true);
	general_case(30, 9, 30, false, 10, false);
	general_case(60, 10, 36, true, 10, true);
}

/* A cohort the heuristic cannot plan quickly (stations in a chain packed
 * tight behind the first one): cohort_solve ends within its limit. */
static void time_limit_kept(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l;
	struct hop_err err;
	double t0 = cpu();

	(void)state;
	gen_general(&p, 40, 8, 24, true, 2u);
	assert_int_equal(cohort_solve(&p, 2, &pl, &r, &err), HOP_OK);
	assert_true(cpu() - t0 < 4.0);
	assert_int_not_equal(r.outcome, COHORT_NONE);
	if (r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE) {
		assert_int_equal(check(&p, &pl, &l), 0);
		cohort_violation_list_free(&l);
	}
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

/* Whatever cohort_solve calls a plan passes the check. */
static void random_problems(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 12; seed++) {
		struct cohort_problem p;
		struct cohort_plan pl;
		struct cohort_solve_result r;
		struct cohort_violation_list l;
		struct hop_err err;
		unsigned x = seed;
		int t = 12 + (int)(gen_next(&x) % 12), s = 7 + (int)(gen_next(&x) % 3);

		gen_general(&p, t, s, 24 + (int)(gen_next(&x) % 7), seed % 2, seed);
		assert_int_equal(cohort_solve(&p, 2, &pl, &r, &err), HOP_OK);
		if (r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE) {
			assert_int_equal(check(&p, &pl, &l), 0);
			cohort_violation_list_free(&l);
		} else {
			assert_true(r.outcome != COHORT_NONE || r.why[0]);
		}
		cohort_plan_free(&pl);
		cohort_problem_free(&p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(general_method),
		cmocka_unit_test(optional_before),
		cmocka_unit_test(time_limit_kept),
		cmocka_unit_test(random_problems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
