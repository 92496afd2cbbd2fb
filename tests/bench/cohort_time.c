/* Cohort plans as 'hop rotation plan' makes them: deterministic cohorts of
 * 12 trainees over 8 stations and 24 months, 30/9/30 and 60/10/36 (the
 * general case: different lengths, academy blocks, leave, an order rule, an
 * optional station, minimums, with a first station or without), and the exact
 * method's 200 trainees over 12 stations.  Each is solved by cohort_solve
 * with the time limit given and its plan checked by cohort_check.
 *
 *   cohort_time [TIME_LIMIT_S]      (default 60)
 *
 * One line per case on stdout:
 *   cohort TRAINEES/STATIONS/MONTHS VARIANT METHOD OUTCOME SECONDS CHECK
 * METHOD is "exact", "heuristic" (the general method's plan is the
 * heuristic's: GLPK was not needed or found nothing better) or "mip".
 * CHECK is "pass" (no violation), "fail" or "-" (no plan to check). */
#include <stdio.h>
#include <stdlib.h>

#include "../unit/cohort_gen.h"

static int run(struct cohort_problem *p, const char *variant, int limit)
{
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l = { 0 };
	struct hop_err err;
	const char *check = "-";

	if (cohort_solve(p, limit, &pl, &r, &err) != HOP_OK) {
		fprintf(stderr, "cohort_time: %s\n", err.msg);
		return 1;
	}
	if (r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE) {
		if (cohort_check(p, &pl, &l, &err) != HOP_OK) {
			fprintf(stderr, "cohort_time: %s\n", err.msg);
			return 1;
		}
		check = l.n ? "fail" : "pass";
	}
	printf("cohort %zu/%zu/%d %s %s %s %.3f %s\n", p->ntrainees, p->nstations, p->months,
	       variant, r.method == COHORT_EXACT ? "exact" : r.by_heuristic ? "heuristic" : "mip", cohort_outcome_name(r.outcome),
	       r.seconds, check);
	if (r.why[0])
		fprintf(stderr, "  %s\n", r.why);
	fflush(stdout);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(p);
	return l.n ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const int sizes[][3] = { { 12, 8, 24 }, { 30, 9, 30 }, { 60, 10, 36 } };
	int limit = argc > 1 ? atoi(argv[1]) : 60, rc = 0;
	struct cohort_problem p;

	for (int k = 0; k < 3; k++) {
		gen_general(&p, sizes[k][0], sizes[k][1], sizes[k][2], false, 7u + (unsigned)k);
		rc |= run(&p, "minimum", limit);
		gen_general(&p, sizes[k][0], sizes[k][1], sizes[k][2], true, 7u + (unsigned)k);
		rc |= run(&p, "first+minimum", limit);
	}
	gen_exact(&p, 200, 12, 3);
	rc |= run(&p, "equal", limit);
	return rc;
}
