/* Reading iCalendar files (RFC 5545) with libical: the closure days of an
 * office calendar.  No database here; core/calendar/closure.c stores what this
 * reads. */
#ifndef HOP_ICS_IMPORT_H
#define HOP_ICS_IMPORT_H

#include <stddef.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

#define ICS_SUMMARY_MAX 200                       /* characters of a SUMMARY */
#define ICS_SUMMARY_SIZE (4 * ICS_SUMMARY_MAX + 1)  /* bytes, UTF-8 */
#define ICS_UID_MAX 255                           /* bytes of a UID */
#define ICS_SPAN_MAX 366                          /* days of one all-day event */

struct ics_closure {
	int index;                              /* 1-based number of the VEVENT */
	int line;                               /* line of its BEGIN:VEVENT */
	char uid[ICS_UID_MAX + 1];      /* a made-up stable one if the event has none */
	char summary[ICS_SUMMARY_SIZE];
	hop_date first;                         /* DTSTART */
	int days;                               /* DTEND - DTSTART; 0 for STATUS:CANCELLED */
};
struct ics_closure_list { struct ics_closure *v; size_t n, cap; };
void ics_closure_list_free(struct ics_closure_list *l);

/* Read the all-day events of text (len bytes, NUL-terminated, from the file
 * name).  Timed events, events without DTSTART, repeating events (RRULE,
 * RDATE, RECURRENCE-ID: refused rather than expanded, so that what is
 * imported is exactly what the file lists), malformed lines and anything
 * libical flags are errors; each is appended to *messages as one line
 * "name:line: event N (SUMMARY): ..." and counted in *errors.  Returns HOP_OK
 * only when there is no error; otherwise out is empty and err says how many. */
enum hop_status ics_read_closures(const char *text, size_t len, const char *name,
                                  struct ics_closure_list *out, char **messages, int *errors,
                                  struct hop_err *err);

#endif
