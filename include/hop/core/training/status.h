/* Who must do what, and where each person stands: the status of people
 * under the requirements on a day (validity.h decides each one), and the
 * mobile-work gate.  Every report, screen, feed and the gate read these. */
#ifndef HOP_TRAINING_STATUS_H
#define HOP_TRAINING_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/training/course.h"
#include "hop/core/training/validity.h"

struct hop_app;

/* One person under one requirement on one day. */
struct trn_status_row {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	int64_t team_id;          /* their team that day (the dated membership) */
	unsigned roles;
	int64_t requirement_id;
	int64_t course_id;
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	struct trn_state st;
};
struct trn_status_list {
	struct trn_status_row *v;
	size_t n, cap;
};
void trn_status_list_free(struct trn_status_list *l);

/* login's status (NULL: the acting user's) under every requirement that
 * applies to them on day, one row per requirement, by course code.  The
 * person themself, their lead, HR and admins may ask. */
enum hop_status trn_status_person(struct hop_app *app, const char *login, hop_date day,
                                  struct trn_status_list *out, struct hop_err *err);

/* The status of many people on day: of the people in team_id that day (0:
 * everyone the acting user may see: HR and admins all, a lead their teams'
 * members), under the requirements of course_id (0: every requirement),
 * keeping the rows whose status bit (1u << TRN_...) is in mask.  Ordered by
 * course code, then name.  Built for the whole organisation: a few queries,
 * not one per person. */
enum hop_status trn_status_people(struct hop_app *app, int64_t course_id, int64_t team_id,
                                  hop_date day, unsigned mask, struct trn_status_list *out,
                                  struct hop_err *err);

/* The mobile-work gate ([policy] mobile_requires, mobile_gate): may
 * person_id work at home or mobile on day?  *missing gets the courses of
 * mobile_requires that are not valid (or exempt) that day, comma-separated
 * titles ("" when none). */
enum hop_status trn_mobile_missing(struct hop_app *app, int64_t person_id, hop_date day,
                                   char *missing, size_t size, struct hop_err *err);

/* The rows of trn_status_people one at a time, unfiltered (every applying
 * requirement), without holding them all: for counts over the whole
 * organisation (coverage).  row is valid during the call only; stops at
 * fn's first failure and returns it. */
typedef enum hop_status (*trn_status_fn)(void *ctx, const struct trn_status_row *row,
                                         struct hop_err *err);
enum hop_status trn_status_each(struct hop_app *app, int64_t course_id, int64_t team_id,
                                hop_date day, trn_status_fn fn, void *ctx, struct hop_err *err);

/* The gate as presence applies it when a day is set to home or mobile
 * (home_or_mobile; other days pass): with [policy] mobile_gate = refuse and
 * a course missing, HOP_EPERM naming the courses and the next session with a
 * free seat; with warn, HOP_OK and that sentence in warning ("" when
 * nothing is missing). */
#define TRN_GATE_MAX 600
enum hop_status trn_mobile_gate(struct hop_app *app, int64_t person_id, hop_date day,
                                bool home_or_mobile, char *warning, size_t size,
                                struct hop_err *err);

#endif
