/* What the files of cohorts in the database (cohort.c, cohort_read.c,
 * cohort_csv.c, cohort_publish.c) share and nothing else needs. */
#ifndef HOP_COHORT_INT_H
#define HOP_COHORT_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "hop/core/rotation/cohort.h"

/* A cohort's own row. */
struct coh_row {
	int64_t id;
	char name[HOP_COHORT_NAME_MAX + 1];
	hop_date start;
	int months;
	char published_at[24];
};
/* The cohort named name (case ignored); refused naming it when none. */
enum hop_status coh_find(struct hop_app *app, const char *name, struct coh_row *out,
                         struct hop_err *err);
/* The cohort's last day. */
hop_date coh_last_day(hop_date start, int months);
/* Is person_id a trainee of cohort_id?  Does the actor lead a team with a
 * station in it? */
enum hop_status coh_roles(struct hop_app *app, int64_t cohort_id, bool *is_trainee,
                          bool *leads_station, struct hop_err *err);
/* A place's months (from, months) from its days (start, end). */
void coh_place_months(const struct cohort_problem *p, struct cohort_place *q);
/* "2027-11-01" into buf (HOP_DATE_ISO_LEN), "" for none. */
const char *coh_iso(hop_date d, char *buf);

#endif
