/* Trainee cohorts in the database (src/core/rotation/cohort*.c): a cohort
 * (name, start, months, trainees), its stations and blocks, its plan (a
 * draft until published), publishing (the plan's places become station
 * memberships; a handover and an onboarding may start) and the history of
 * published changes, which the trainee can see.
 *
 * HR and admins keep cohorts; a trainee sees their own plan and its
 * history; a lead sees the plan of the trainees on a station in their team. */
#ifndef HOP_COHORT_H
#define HOP_COHORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/rotation/cohort_plan.h"

struct hop_app;

struct hop_cohort {
	int64_t id;
	char name[HOP_COHORT_NAME_MAX + 1];
	hop_date start;
	int months;
	size_t ntrainees, nstations, nblocks, nplaces;
	bool published;            /* the plan has been published */
	char published_at[24];     /* ISO date-time, "" never */
};
struct hop_cohort_list { struct hop_cohort *v; size_t n, cap; };
void cohort_list_free(struct hop_cohort_list *l);

/* Add a cohort with its trainees (logins).  HR, admins.  Audit "cohort.add". */
enum hop_status cohort_add(struct hop_app *app, const char *name, hop_date start, int months,
                           const char *const *logins, size_t nlogins, struct hop_err *err);
/* Add trainees to a cohort (already there: refused naming them). */
enum hop_status cohort_trainees_add(struct hop_app *app, const char *cohort,
                                    const char *const *logins, size_t n, struct hop_err *err);

struct cohort_station_spec {
	const char *team;          /* name or slug */
	int months, min, max;      /* max 0: as many as the cohort has trainees */
	bool optional, first;
	const char *after;         /* a team with a station in the cohort, or NULL */
};
/* Add or change the cohort's station in spec->team.  Refused: months above
 * the cohort's, min above max, an unknown team, after naming no station of
 * the cohort or the station itself.  Audit "cohort.station". */
enum hop_status cohort_station_set(struct hop_app *app, const char *cohort,
                                   const struct cohort_station_spec *spec,
                                   struct hop_err *err);
/* A block from `from` to `until`: the whole cohort (login NULL) or one
 * trainee's (leave).  Outside the cohort: refused.  Audit "cohort.block". */
enum hop_status cohort_block_add(struct hop_app *app, const char *cohort, hop_date from,
                                 hop_date until, const char *title, const char *login,
                                 struct hop_err *err);

enum hop_status cohort_list(struct hop_app *app, struct hop_cohort_list *out,
                            struct hop_err *err);
enum hop_status cohort_get(struct hop_app *app, const char *name, struct hop_cohort *out,
                           struct hop_err *err);

/* The cohort as a planning problem (trainees by name, stations in the order
 * added). */
enum hop_status cohort_problem_load(struct hop_app *app, const char *cohort,
                                    struct cohort_problem *out, struct hop_err *err);
/* The stored plan (draft or published) against p. */
enum hop_status cohort_plan_load(struct hop_app *app, const struct cohort_problem *p,
                                 struct cohort_plan *out, struct hop_err *err);
/* A plan from CSV (columns login, team, from, until; header row; ',' or ';'):
 * an unknown trainee or station, a bad date is refused naming file and line. */
enum hop_status cohort_plan_read_csv(const struct cohort_problem *p, const char *path,
                                     struct cohort_plan *out, struct hop_err *err);
/* Store pl as the cohort's plan (replacing the stored one; a published plan
 * stays in force for what has begun until published again).  HR, admins.
 * Audit "cohort.plan". */
enum hop_status cohort_plan_save(struct hop_app *app, const struct cohort_problem *p,
                                 const struct cohort_plan *pl, struct hop_err *err);

/* Publish the stored plan: it must pass cohort_check.  Every place becomes
 * (or updates) a station membership of the trainee; what changed since the
 * last publication is kept in the history.  Places that have begun keep
 * their start.  handover: for each trainee whose station changes today or
 * later, start an onboarding in the new team (the onboarding engine, with a
 * mentor suggestion) where the template for that team asks for one.  HR,
 * admins.  Audit "cohort.publish". */
struct cohort_publish_report {
	size_t added, changed, removed, unchanged;
	size_t onboardings;        /* started by handover */
};
enum hop_status cohort_publish(struct hop_app *app, const char *cohort, bool handover,
                               struct cohort_publish_report *out, struct hop_err *err);

/* The history of published changes of a cohort (login NULL) or of one
 * trainee, newest first.  The trainee themself, HR, admins. */
struct cohort_change {
	char cohort[HOP_COHORT_NAME_MAX + 1];
	char login[HOP_LOGIN_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];
	hop_date old_start, old_end, new_start, new_end;   /* NONE: added / dropped */
	char changed_at[24];
	char changed_by[HOP_LOGIN_MAX + 1];
};
struct cohort_change_list { struct cohort_change *v; size_t n, cap; };
void cohort_change_list_free(struct cohort_change_list *l);
enum hop_status cohort_history(struct hop_app *app, const char *cohort, const char *login,
                               struct cohort_change_list *out, struct hop_err *err);

#endif
