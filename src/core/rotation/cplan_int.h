/* What the cohort planning files (cohort_problem.c, cohort_check.c,
 * cohort_exact.c, cohort_mip.c, cohort_explain.c, cohort_solve.c) share and
 * nothing else needs. */
#ifndef HOP_CPLAN_INT_H
#define HOP_CPLAN_INT_H

#include <stddef.h>
#include "hop/core/rotation/cohort_plan.h"

/* "2027-11": the calendar month month m of the cohort begins in. */
#define CPLAN_MONTH_LEN 16
char *cplan_month_text(const struct cohort_problem *p, int m, char *buf);

/* A station's maximum at a time: max, or every trainee when max is 0. */
int cplan_max(const struct cohort_problem *p, size_t s);

/* Is month m blocked for the whole cohort? */
bool cplan_cohort_blocked(const struct cohort_problem *p, int m);

/* Can trainee t hold station s from month from (inside the cohort, no
 * month blocked for t)? */
bool cplan_start_ok(const struct cohort_problem *p, size_t t, size_t s, int from);

/* Seconds on the monotonic clock (the solver's time is a measurement). */
double cplan_seconds(void);

/* The last month any place ends in, plus one. */
int cplan_months_used(const struct cohort_plan *pl);

#endif
