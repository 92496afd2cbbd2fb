/* What the cohort planning files (cohort_problem.c, cohort_check.c,
 * cohort_exact.c, cohort_mip.c, cohort_explain.c, cohort_heur.c,
 * cohort_solve.c) share and nothing else needs. */
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

/* The month after which a station's minimum holds: the end of the first
 * station (every trainee's first), begun in the first month it fits between
 * the cohort's blocks; 0 when the cohort has no first station.  Before it,
 * trainees can be nowhere else, so no minimum can be met there. */
int cplan_first_end(const struct cohort_problem *p);

/* Does the stations' minimum hold in month m: not a cohort-wide block and
 * not before cplan_first_end? */
bool cplan_min_applies(const struct cohort_problem *p, int m);

/* The month other stations can begin from: after the first station, when
 * every trainee must hold it (cplan_first_end), else 0 (cohort_explain.c). */
int cplan_others_from(const struct cohort_problem *p);

/* How many trainees station s can take in all: in each stretch from month
 * from free of the cohort's blocks, max at a time, each for its months
 * (max rows of places one after the other); *free the months of the
 * stretches long enough, *longest the longest stretch. */
long cplan_room(const struct cohort_problem *p, size_t s, int from, int *free, int *longest);

/* Can trainee t hold station s from month from (inside the cohort, no
 * month blocked for t)? */
bool cplan_start_ok(const struct cohort_problem *p, size_t t, size_t s, int from);

/* Seconds on the monotonic clock (the solver's time is a measurement). */
double cplan_seconds(void);

/* The last month any place ends in, plus one. */
int cplan_months_used(const struct cohort_plan *pl);

/* The general case's heuristic (cohort_heur.c): trainees placed one by
 * one, then a local search moving places until no rule is broken, with
 * restarts, until deadline (cplan_seconds()).  *found: out holds a plan
 * that passes cohort_check.  *all_optional: every trainee holds every
 * optional station in it (no plan holds more: it is optimal). */
enum hop_status cplan_heuristic(const struct cohort_problem *p, double deadline,
                                struct cohort_plan *out, bool *found, bool *all_optional,
                                struct hop_err *err);

/* The GLPK model (cohort_mip.c) until deadline; incumbent (may be NULL) a
 * valid plan handed to GLPK as its first solution, so that it only has to
 * improve it or prove it best. */
enum hop_status cplan_mip(const struct cohort_problem *p, double deadline,
                          const struct cohort_plan *incumbent, struct cohort_plan *out,
                          struct cohort_solve_result *res, struct hop_err *err);

#endif
