/* Who receives training (research TRN-9, surveys S2 T4 and S3 T19): training
 * days and trainings per person in a period, leads against staff and per
 * team, and the share of people with none.  The survey found that 34 % of
 * leads and 17 % of staff had received training; the report sets the same
 * shares of the organisation beside them. */
#ifndef HOP_TRAINING_EQUITY_H
#define HOP_TRAINING_EQUITY_H

#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

/* The survey's shares of people who had received training, in percent. */
#define TRN_SURVEY_LEADS_PCT 34
#define TRN_SURVEY_STAFF_PCT 17

enum trn_equity_kind { TRN_EQ_ALL, TRN_EQ_LEADS, TRN_EQ_STAFF, TRN_EQ_TEAM };

struct trn_equity_group {
	enum trn_equity_kind kind;
	char team[HOP_TEAM_NAME_MAX + 1];    /* TRN_EQ_TEAM: its name */
	char slug[HOP_SLUG_MAX + 1];
	int people;               /* employed on some day of the period */
	int trained;              /* with at least one training in it */
	long days;                /* training days, summed over the people */
	long trainings;           /* trainings (records and attended sessions) */
	int survey_pct;           /* the survey's share trained; -1 = none */
};
struct trn_equity {
	struct trn_equity_group *v;   /* all, leads, staff, then the teams by name */
	size_t n, cap;
};
void trn_equity_free(struct trn_equity *e);

/* The period from..to (inclusive).  A training is a record done in it (one
 * not written from a session) or an attended session that starts in it; a
 * training day is a distinct day with a record or a day of an attended
 * session, within the period.  People count from their team on the period's
 * last day (or their last day, if earlier).  team (name or slug, NULL = all
 * teams): only its people.  HR and admins see any team or all; a lead their
 * own teams. */
enum hop_status trn_equity_report(struct hop_app *app, hop_date from, hop_date to,
                                  const char *team, struct trn_equity *out,
                                  struct hop_err *err);

#endif
