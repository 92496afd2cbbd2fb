/* The session plan of a course (research TRN-11): who goes to which of its
 * coming sessions.  Everyone whose requirement is due, overdue or expiring
 * is placed in a session with a free seat, before their due date where
 * possible, never on a day they plan to be away, within each session's
 * free seats, the most overdue in the earliest sessions: a min-cost flow
 * (base/mcmf.h).  The plan is a proposal; confirming it enrols everyone
 * placed, as booked, in one transaction. */
#ifndef HOP_TRAINING_PLAN_H
#define HOP_TRAINING_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/training/course.h"
#include "hop/core/training/validity.h"

struct hop_app;

struct trn_plan_person {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	enum trn_status status;   /* due, overdue or expiring */
	hop_date due;             /* the last day it is in time */
	int session;              /* the index of its session in the plan, -1 = none */
	bool late;                /* placed after its due date */
};

struct trn_plan_session {
	int64_t id;
	char starts_at[17];       /* 'YYYY-MM-DDTHH:MM' */
	hop_date first, last;     /* its days */
	int free;                 /* seats not taken */
	int placed;               /* by the plan */
};

struct trn_plan {
	struct trn_course course;
	struct trn_plan_person *people;   /* most overdue first */
	size_t npeople, pcap;
	struct trn_plan_session *sessions;   /* by start */
	size_t nsessions, scap;
};
void trn_plan_free(struct trn_plan *p);

/* Place p->people into p->sessions (sets session and late of each person,
 * placed of each session).  blocked[i * nsessions + j] true: person i cannot
 * attend session j (away that day, or already enrolled); may be NULL.
 * today: the day the plan is made.  Deterministic. */
enum hop_status trn_plan_solve(struct trn_plan *p, const bool *blocked, hop_date today,
                               struct hop_err *err);

/* The plan of course (its code) with the sessions starting on or after from
 * (HOP_DATE_NONE: today): HR and admins. */
enum hop_status trn_plan_make(struct hop_app *app, const char *course, hop_date from,
                              struct trn_plan *out, struct hop_err *err);
/* Enrol everyone the plan placed, as booked, in one transaction (audited
 * "plan.confirm" and "enrol.plan" per person); *enrolled = how many. */
enum hop_status trn_plan_confirm(struct hop_app *app, const struct trn_plan *p, int *enrolled,
                                 struct hop_err *err);

#endif
