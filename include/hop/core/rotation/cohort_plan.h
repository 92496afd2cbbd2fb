/* A trainee cohort's planning problem and plans, in months: pure functions,
 * no database (src/core/rotation/cohort_check.c, cohort_exact.c,
 * cohort_heur.c, cohort_mip.c, cohort_explain.c, cohort_solve.c).
 *
 * Month m (0 .. months-1) runs from date_add_months(start, m) to the day
 * before month m + 1.  A station occupies consecutive months; a block
 * (cohort-wide: the academy's courses; personal: leave) makes every month it
 * touches unavailable for stations.
 *
 * A station's minimum holds in every month that is neither a cohort-wide
 * block nor one of the first station's months: when the cohort has a first
 * station (every trainee's first, the home unit), from the cohort's start
 * until that station, begun in the first month it fits between the
 * cohort's blocks, has ended.  Trainees can be nowhere else then.
 *
 * cohort_check validates any plan (ROT-8).  cohort_solve makes one: exactly
 * and instantly by peeling perfect matchings off a regular bipartite graph
 * when every station has the same length and nothing else binds (no order,
 * no minimum, no personal block, all required); otherwise a heuristic
 * (trainees placed one by one, then a local search moving places until no
 * rule is broken) finds a plan, and GLPK's branch-and-cut on a 0-1 model
 * over start months, given that plan as its first solution, improves it or
 * proves it best, all within the time limit. */
#ifndef HOP_COHORT_PLAN_H
#define HOP_COHORT_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

#define COHORT_MONTHS_MAX 120
#define HOP_COHORT_NAME_MAX 120
#define HOP_BLOCK_TITLE_MAX 200

struct cohort_station_def {
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	int months;                  /* length, 1 .. the cohort's months */
	int min, max;                /* trainees at a time: min in every month that is not a
	                                cohort-wide block nor the first station's (above),
	                                max always */
	bool required;               /* optional: at most once */
	bool first;                  /* every trainee's first station (the home unit) */
	int after;                   /* only after this station (index) has ended; -1 none */
};
struct cohort_trainee_def {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
};
struct cohort_block_def {
	int trainee;                 /* index, or -1 for the whole cohort */
	hop_date start, end;         /* as entered */
	int from, to;                /* the months it touches, inclusive (clipped) */
	char title[HOP_BLOCK_TITLE_MAX + 1];
};
struct cohort_problem {
	char name[HOP_COHORT_NAME_MAX + 1];
	hop_date start;
	int months;
	struct cohort_station_def *stations; size_t nstations;
	struct cohort_trainee_def *trainees; size_t ntrainees;
	struct cohort_block_def *blocks; size_t nblocks;
};
void cohort_problem_free(struct cohort_problem *p);
/* The first day of month m (m may be months: the day after the cohort). */
hop_date cohort_month_start(const struct cohort_problem *p, int m);
/* The month a day falls in: -1 before the start, p->months after the end. */
int cohort_month_of(const struct cohort_problem *p, hop_date day);
/* Is month m blocked for trainee t (a cohort-wide or their own block)? */
bool cohort_blocked(const struct cohort_problem *p, size_t t, int m);

/* One trainee at one station.  from/months are months; start/end the days
 * as given (a hand-made plan may not fit the months: the check says so). */
struct cohort_place {
	int trainee, station;
	int from, months;
	hop_date start, end;
};
struct cohort_plan { struct cohort_place *v; size_t n, cap; };
void cohort_plan_free(struct cohort_plan *pl);
/* Add a place by months (start and end follow). */
enum hop_status cohort_plan_add(const struct cohort_problem *p, struct cohort_plan *pl,
                                int trainee, int station, int from, int months,
                                struct hop_err *err);

/* ---- the check (ROT-8) ---- */

enum cohort_violation_kind {
	CV_MISSING,       /* a required station not planned */
	CV_TWICE,         /* a station planned more than once */
	CV_LENGTH,        /* not the station's length */
	CV_MISALIGNED,    /* does not begin on the first day of a month of the cohort, or end on
	                     the last */
	CV_OUTSIDE,       /* before the start or after the end of the cohort */
	CV_OVERLAP,       /* two places of one trainee in one month */
	CV_OVER_MAX,      /* more trainees at a station in a month than its maximum */
	CV_UNDER_MIN,     /* fewer than its minimum */
	CV_BLOCK,         /* a station during a block */
	CV_ORDER,         /* first / after not respected */
};
struct cohort_violation {
	enum cohort_violation_kind kind;
	int trainee, station, month;   /* -1 where it does not apply */
	char text[400];                 /* the whole sentence, in the cohort's words:
	                                   "Bürgerservice has 3 trainees in 2027-11 (anna, ...),
	                                   at most 2" */
};
struct cohort_violation_list { struct cohort_violation *v; size_t n, cap; };
void cohort_violation_list_free(struct cohort_violation_list *l);
/* Every violation of pl against p, by trainee then month (capacity ones by
 * station then month).  HOP_OK with out->n == 0: the plan is valid. */
enum hop_status cohort_check(const struct cohort_problem *p, const struct cohort_plan *pl,
                             struct cohort_violation_list *out, struct hop_err *err);

/* ---- making a plan ---- */

enum cohort_outcome {
	COHORT_OPTIMAL,   /* proven best (the exact method always is) */
	COHORT_FEASIBLE,  /* valid, not proven best within the time limit */
	COHORT_NONE,      /* proven: no plan satisfies every constraint */
	COHORT_UNKNOWN,   /* no plan found within the time limit, none proven impossible */
};
/* COHORT_MIP: the general method, the heuristic and then GLPK
 * (cohort_solve_result.by_heuristic says whose plan it is). */
enum cohort_method { COHORT_EXACT, COHORT_MIP };
struct cohort_solve_result {
	enum cohort_outcome outcome;
	enum cohort_method method;
	double seconds;
	int months_used;          /* the last month any station ends in, plus one */
	/* COHORT_NONE (and UNKNOWN where a reason is known): why, in the cohort's
	 * words, one sentence per line: "station Bürgerservice takes 2 at a
	 * time, 9 trainees need 6 months there within 24 months". */
	char why[2048];
	/* The general method: the plan is the heuristic's (GLPK was not needed
	 * to prove it best, or found nothing better within the time limit). */
	bool by_heuristic;
};
/* Necessary conditions that fail, as sentences (one per line) into buf;
 * the number found (0: none of the simple reasons applies). */
size_t cohort_explain(const struct cohort_problem *p, char *buf, size_t size);
/* The exact method applies: every station required, of one length, no
 * order, no minimum, no personal block. */
bool cohort_exact_applies(const struct cohort_problem *p);
/* Plans by the method that applies.  time_limit_s bounds the solver (the
 * exact method needs none).  The plan passes cohort_check whenever outcome
 * is OPTIMAL or FEASIBLE.  Errors only for out of memory or a solver fault. */
enum hop_status cohort_solve(const struct cohort_problem *p, int time_limit_s,
                             struct cohort_plan *out, struct cohort_solve_result *res,
                             struct hop_err *err);
/* Each method on its own (tests and the benchmark compare them). */
enum hop_status cohort_solve_exact(const struct cohort_problem *p, struct cohort_plan *out,
                                   struct cohort_solve_result *res, struct hop_err *err);
enum hop_status cohort_solve_mip(const struct cohort_problem *p, int time_limit_s,
                                 struct cohort_plan *out, struct cohort_solve_result *res,
                                 struct hop_err *err);
/* "optimal", "feasible", "none", "unknown" (untranslated, for CSV) and the
 * words for people. */
const char *cohort_outcome_name(enum cohort_outcome o);
const char *cohort_outcome_display(enum cohort_outcome o);

#endif
