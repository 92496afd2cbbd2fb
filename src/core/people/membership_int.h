/* What adding and editing people (person_edit.c) asks of memberships, inside
 * the caller's transaction.  Private to src/core/people. */
#ifndef HOP_MEMBERSHIP_INT_H
#define HOP_MEMBERSHIP_INT_H

#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/membership.h"

struct hop_app;

/* A new person in team_id (0 = none) from their start date. */
enum hop_status mb_person_added(struct hop_app *app, int64_t person_id, int64_t team_id,
                                hop_date start, struct hop_err *err);
/* The start date moved: a first post that began on the old start date now
 * begins on the new one (when its period allows). */
enum hop_status mb_start_changed(struct hop_app *app, int64_t person_id, hop_date old_start,
                                 hop_date new_start, struct hop_err *err);
/* The person moves to team_id (0 = no team) from today, or from their start
 * date while they have not started or have no team history: the running post
 * ends the day before. */
enum hop_status mb_team_changed(struct hop_app *app, int64_t person_id, int64_t team_id,
                                hop_date start, struct hop_err *err);
/* "from 2026-12-01" or "from 2026-12-01 to 2027-02-28", for messages. */
const char *mb_period_text(hop_date from, hop_date to, char *buf, size_t size);
/* A period of the same primary kind of person_id (name, for the message)
 * overlapping from..until, other than except_id: HOP_ECONFLICT naming both. */
enum hop_status mb_check_overlap(struct hop_app *app, int64_t person_id, const char *name,
                                 int64_t except_id, enum membership_kind kind,
                                 const char *team, hop_date from, hop_date until,
                                 struct hop_err *err);
/* Insert a period (host NULL inside the organisation); *id (may be NULL). */
enum hop_status mb_insert_period(struct hop_app *app, int64_t person_id, int64_t team_id,
                                 enum membership_kind kind, hop_date from, hop_date until,
                                 const char *host, enum membership_host_level level,
                                 int64_t *id, struct hop_err *err);
/* person.team_id from the memberships, as of today. */
enum hop_status mb_cache_person(struct hop_app *app, int64_t person_id, struct hop_err *err);

#endif
