/* The reports over the status (status.h): coverage per required course and
 * the completions about to expire.  They see what trn_status_each lets the
 * acting user see: HR and admins everyone, a lead their teams' members. */
#ifndef HOP_TRAINING_COVERAGE_H
#define HOP_TRAINING_COVERAGE_H

#include <stddef.h>
#include <stdint.h>
#include "hop/core/training/status.h"

/* One required course: how many people it applies to on the day, and how
 * many of them are in each status (a person under two requirements of the
 * course counts once, by the first). */
struct trn_coverage {
	int64_t course_id;
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	int required;
	int count[TRN_STATUS_COUNT];
	int valid;                  /* valid or expiring: still valid that day */
	int share_x10;              /* valid / required in tenths of a percent */
};
struct trn_coverage_list {
	struct trn_coverage *v;
	size_t n, cap;
};
void trn_coverage_list_free(struct trn_coverage_list *l);

/* Per required course (by code), for the members of team_id that day (0:
 * everyone the actor may see). */
enum hop_status trn_coverage(struct hop_app *app, int64_t team_id, hop_date day,
                             struct trn_coverage_list *out, struct hop_err *err);

/* The rows still valid on day whose validity ends within `within` days
 * (valid_until <= day + within), ordered by course and name. */
enum hop_status trn_expiring(struct hop_app *app, int64_t team_id, hop_date day, int within,
                             struct trn_status_list *out, struct hop_err *err);

#endif
