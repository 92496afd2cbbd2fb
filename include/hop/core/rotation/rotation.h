/* Rotation: time in an area, rotations due, documented exceptions,
 * Hospitation, secondments and their flags, the timeline of a person, a
 * team or a cohort, and what published moves leave behind (bookings that no
 * longer fit).
 *
 * Time in an area (ROT-1) counts across the person's posts and stations in
 * teams of the same area; a secondment elsewhere of less than [rotation]
 * reset_after_months does not reset it.  Due = the start in the area + the
 * area's period (its own years, else [policy] rotation_years when it is
 * corruption-prone); a lead (of their team) is due after [rotation]
 * lead_years in the team or area, whichever comes first.  Staying past the
 * due date needs an exception on file: a reason, a compensating measure and
 * a review date (RLP VV 6.3: aktenkundig).
 *
 * Need-to-know: HR and admins see everyone; a lead their team (members on
 * the day asked); an employee themself.  Every change is audited. */
#ifndef HOP_ROTATION_H
#define HOP_ROTATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/people/membership.h"
#include "hop/core/rotation/area.h"

struct hop_app;

#define HOP_ROT_TEXT_MAX 2000      /* reason and measure of an exception */

/* ---- rotations due (src/core/rotation/due*.c) ---- */

struct rotation_due {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];      /* their team today */
	char area[HOP_AREA_NAME_MAX + 1];      /* "" when due as a lead outside any area */
	bool corruption_prone;
	bool lead;                             /* due as a lead ([rotation] lead_years) */
	hop_date since;                        /* start in the area (or the team, for a lead) */
	hop_date due;                          /* since + the period */
	int period_years;
	bool overdue;                          /* due on or before today */
	/* An exception in force (not ended): its review date; review_overdue
	 * when that day has passed. */
	bool exception;
	hop_date exception_review;
	bool review_overdue;
};
struct rotation_due_list { struct rotation_due *v; size_t n, cap; };
void rotation_due_list_free(struct rotation_due_list *l);

struct rotation_due_filter {
	const char *team;        /* NULL: as the actor may see (a lead: their team) */
	const char *login;       /* NULL: everyone in scope */
	int within_months;       /* due up to today + this; 0: [rotation] due_within_months;
	                            < 0: everyone with a due date, however far */
};
/* Overdue first, then by due date, then name. */
enum hop_status rotation_due_list(struct hop_app *app, const struct rotation_due_filter *f,
                                  struct rotation_due_list *out, struct hop_err *err);

/* ---- exceptions (src/core/rotation/exception.c) ---- */

struct rotation_exception {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char area[HOP_AREA_NAME_MAX + 1];
	char reason[HOP_ROT_TEXT_MAX + 1];
	char measure[HOP_ROT_TEXT_MAX + 1];
	hop_date review;
	hop_date created;
	char created_by[HOP_LOGIN_MAX + 1];
	hop_date ended;            /* HOP_DATE_NONE while in force */
	bool review_overdue;       /* in force and review before today */
};
struct rotation_exception_list { struct rotation_exception *v; size_t n, cap; };
void rotation_exception_list_free(struct rotation_exception_list *l);

/* login stays past their due date: reason and measure (non-empty, no control
 * characters, at most HOP_ROT_TEXT_MAX bytes) and a review date after today
 * are required; refused otherwise, naming what is missing.  An earlier
 * exception in force ends.  HR and admins.  Audit "rotation.exception". */
enum hop_status rotation_exception_add(struct hop_app *app, const char *login,
                                       const char *reason, const char *measure,
                                       hop_date review, struct hop_err *err);
/* End login's exception in force (kept on file).  HR, admins.  Audit. */
enum hop_status rotation_exception_end(struct hop_app *app, const char *login,
                                       struct hop_err *err);
/* Exceptions in force (all: also ended ones), of team or login (NULL: as the
 * actor may see), by review date. */
enum hop_status rotation_exception_list(struct hop_app *app, const char *team,
                                        const char *login, bool all,
                                        struct rotation_exception_list *out,
                                        struct hop_err *err);

/* ---- Hospitation (src/core/rotation/hospitation.c) ---- */

struct rotation_hospitation {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];
	int days;                  /* working days on secondments in the year */
	int target;                /* [rotation] hospitation_days_per_year */
};
struct rotation_hospitation_list { struct rotation_hospitation *v; size_t n, cap; };
void rotation_hospitation_list_free(struct rotation_hospitation_list *l);
/* People employed in year with fewer Hospitation days than the target (all:
 * everyone), fewest first; of team (NULL: as the actor may see). */
enum hop_status rotation_hospitation(struct hop_app *app, int year, const char *team, bool all,
                                     struct rotation_hospitation_list *out,
                                     struct hop_err *err);

/* ---- secondments and their flags (src/core/rotation/secondment.c) ---- */

/* What a secondment from `from` to `until` (HOP_DATE_NONE: open) needs: the
 * person's consent when longer than [rotation] consent_after_months, open,
 * or to another employer (external: BBG § 27 (3)); the staff council when
 * longer than [rotation] personalrat_after_months (or open). */
struct rotation_flags { bool consent, personalrat; int months; };
void rotation_secondment_flags(struct hop_app *app, hop_date from, hop_date until,
                               bool external, struct rotation_flags *out);

struct rotation_secondment {
	int64_t membership_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char from_team[HOP_TEAM_NAME_MAX + 1];   /* their post's team on the first day */
	char host[HOP_HOST_MAX + 1];             /* the host team's name, or the authority */
	enum membership_host_level level;        /* HOST_NONE: a team of the house */
	hop_date start, end;
	struct rotation_flags flags;
};
struct rotation_secondment_list { struct rotation_secondment *v; size_t n, cap; };
void rotation_secondment_list_free(struct rotation_secondment_list *l);
/* Secondments in force on some day from `from` to `to`, of team (NULL: as
 * the actor may see), by start. */
enum hop_status rotation_secondments(struct hop_app *app, const char *team, hop_date from,
                                     hop_date to, struct rotation_secondment_list *out,
                                     struct hop_err *err);

/* ---- conflicts (src/core/rotation/conflicts.c) ---- */

enum rotation_conflict_kind {
	CONFLICT_AWAY,             /* on a secondment outside: no desk at home */
	CONFLICT_OTHER_TEAM,       /* a desk of a team's zone the person is not in that day */
};
struct rotation_conflict {
	enum rotation_conflict_kind kind;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	hop_date day;
	char desk[64];             /* the desk's label */
	char where[HOP_HOST_MAX + 1];   /* the host authority, or the team they are in */
	char zone_team[HOP_TEAM_NAME_MAX + 1];   /* the team whose zone the desk is in */
};
struct rotation_conflict_list { struct rotation_conflict *v; size_t n, cap; };
void rotation_conflict_list_free(struct rotation_conflict_list *l);
/* Bookings from `from` on that no longer fit the person's team that day. */
enum hop_status rotation_conflicts(struct hop_app *app, const char *team, hop_date from,
                                   struct rotation_conflict_list *out, struct hop_err *err);

/* ---- the timeline (src/core/rotation/timeline.c) ---- */

struct rotation_period {
	int64_t membership_id;
	enum membership_kind kind;
	char team[HOP_TEAM_NAME_MAX + 1];
	char host[HOP_HOST_MAX + 1];             /* a secondment outside, else "" */
	hop_date start, end;                      /* end HOP_DATE_NONE = open */
	int64_t cohort_id;
};
struct rotation_timeline_row {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	struct rotation_period *periods;          /* oldest first */
	size_t nperiods;
	hop_date due;                              /* HOP_DATE_NONE: no rotation due */
	bool overdue, exception;
	hop_date exception_review;
};
struct rotation_timeline { struct rotation_timeline_row *v; size_t n, cap; };
void rotation_timeline_free(struct rotation_timeline *t);
/* The periods overlapping from..to (HOP_DATE_NONE: all) of one person
 * (login), the members of a team on some day of the span (team), or a
 * cohort's trainees (cohort), by name.  Exactly one of the three is set;
 * none: the actor themself. */
struct rotation_timeline_query {
	const char *login, *team, *cohort;
	hop_date from, to;
};
enum hop_status rotation_timeline(struct hop_app *app, const struct rotation_timeline_query *q,
                                  struct rotation_timeline *out, struct hop_err *err);

#endif
