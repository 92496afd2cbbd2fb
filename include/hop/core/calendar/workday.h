/* Working days: the only days desks are booked and presence is planned.
 * Weekends are never working days; public holidays of the site's Bundesland,
 * imported closure days and, by policy, 24 and 31 December join them here,
 * so that every caller asks one function. */
#ifndef HOP_WORKDAY_H
#define HOP_WORKDAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_app;

/* HOP_OK if day is a working day at the site (site_id 0 = the organisation's
 * region).  Otherwise HOP_EINVAL with the reason: "Sat 28 Nov 2026 is a Saturday". */
enum hop_status workday_check(struct hop_app *app, int64_t site_id, hop_date day,
                              struct hop_err *err);
bool workday_is_working(struct hop_app *app, int64_t site_id, hop_date day);

/* Which of the ndays days from `from` are working days at the site, by the
 * rules of workday_check: working[i] is 1 for from + i, 0 if not.  For a
 * caller asking of many days (the training status of everyone): one query
 * for the whole range instead of some for each day. */
enum hop_status workday_range(struct hop_app *app, int64_t site_id, hop_date from, int ndays,
                              unsigned char *working, struct hop_err *err);

/* Is day 24 or 31 December on Monday to Friday while [policy]
 * free_dec24_dec31 is on?  § 6 (3) TVöD and TV-L free employees on both days
 * where service allows: hop counts them as days off in every Land, like a
 * public holiday.  name (may be NULL) gets the name to show, translated:
 * "24 December (free under § 6 (3) TVöD/TV-L)". */
bool workday_freed(const struct hop_app *app, hop_date day, const char **name);

/* The Bundesland whose public holidays apply at a site: the site's region,
 * or [organisation] region for site 0 (and for a site that does not exist).
 * Into buf (3 bytes are enough); returns buf. */
char *holiday_region_of_site(struct hop_app *app, int64_t site_id, char *buf, size_t size);

/* What workday_check remembered of holidays and closures (app->workday_memo). */
struct workday_memo;
void workday_memo_free(struct workday_memo *m);

#endif
