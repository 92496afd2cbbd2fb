/* Closure days: days the organisation (or one site) is closed besides the
 * public holidays, such as "Betriebsruhe" between Christmas and New Year.
 * They come from iCalendar files (hop import holidays) and, with the public
 * holidays of the site's Bundesland, are not working days. */
#ifndef HOP_CLOSURE_H
#define HOP_CLOSURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/places/place.h"
#include "hop/ics/ics_import.h"

struct hop_app;

/* The limits of the iCalendar reader, which checks them as it reads. */
#define HOP_CLOSURE_SUMMARY_MAX ICS_SUMMARY_MAX           /* characters */
#define HOP_CLOSURE_SUMMARY_SIZE ICS_SUMMARY_SIZE         /* bytes, UTF-8 */
#define HOP_CLOSURE_UID_MAX ICS_UID_MAX                   /* bytes */
#define HOP_CLOSURE_SOURCE_MAX 255                        /* bytes of the file name kept */
#define HOP_CLOSURE_FILE_MAX (10 * 1024 * 1024)           /* a larger file is refused */
#define HOP_CLOSURE_SPAN_MAX ICS_SPAN_MAX                 /* days per event */

struct hop_closure {
	int64_t id;
	hop_date day;
	int64_t site_id;                                  /* 0 = the whole organisation */
	char site[HOP_SITE_NAME_MAX + 1];                 /* the site's name, "" for all */
	char summary[HOP_CLOSURE_SUMMARY_SIZE];
	char uid[HOP_CLOSURE_UID_MAX + 1];
	char source[HOP_CLOSURE_SOURCE_MAX + 1];
};
struct hop_closure_list { struct hop_closure *v; size_t n, cap; };
void closure_list_free(struct hop_closure_list *l);

/* site_id for closure_list: every site's closures as well as the
 * organisation's. */
#define CLOSURE_ALL_SITES (-1)

/* Closures on days in [from, to), by day.  site_id 0: the organisation's
 * only; > 0: the organisation's and that site's; CLOSURE_ALL_SITES: all. */
enum hop_status closure_list(struct hop_app *app, int64_t site_id, hop_date from, hop_date to,
                             struct hop_closure_list *out, struct hop_err *err);

/* Is day a closure day at site_id (0 = the organisation)?  found and the
 * closure's summary (size bytes, may be NULL) tell. */
enum hop_status closure_on(struct hop_app *app, int64_t site_id, hop_date day, bool *found,
                           char *summary, size_t size, struct hop_err *err);

/* The working-day question for holidays: is day a public holiday in the
 * site's Bundesland (site_id 0: [organisation] region) or a closure day of the
 * organisation or the site?  If so why gets a sentence such as "Thu 4 Jun 2026
 * is a public holiday in Bayern (Corpus Christi), not a working day".  A
 * database failure while looking for closures counts as no closure (the
 * caller's next statement reports it). */
bool holiday_or_closure(struct hop_app *app, int64_t site_id, hop_date day, char *why,
                        size_t size);

struct closure_import_report {
	int events;                          /* VEVENTs read */
	int added, updated, removed, unchanged;   /* days */
	int errors;
	char *messages;                      /* every problem, one a line; owned, NULL if none */
};
void closure_import_report_free(struct closure_import_report *r);

/* Import the closure days of an iCalendar file: all-day events only, each
 * day from DTSTART up to (not including) DTEND; an event's UID identifies it,
 * so importing the file again updates rather than duplicates, and an event
 * whose dates moved loses its old days.  STATUS:CANCELLED removes an event's
 * days.  A file with any error imports nothing; every error is in
 * rep->messages ("closures.ics:12: event 3 (Teamtag): ...").
 * site NULL: closures of the whole organisation; else a site's name or slug.
 * Needs facilities or admin.  dry_run reports and writes nothing. */
enum hop_status closure_import(struct hop_app *app, FILE *in, const char *name,
                               const char *site, bool dry_run,
                               struct closure_import_report *rep, struct hop_err *err);

#endif
