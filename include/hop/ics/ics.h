/* iCalendar (RFC 5545): a streaming writer built on libical.
 *
 * The writer prints its own BEGIN/END:VCALENDAR lines and writes every VEVENT
 * at once as it comes, so memory stays flat however long the feed.  Each
 * time zone's VTIMEZONE comes from libical; the events' content lines
 * (escaping, parameters, CRLF, folding) are written by libical's rules
 * without building its components (src/ics/ics_line.c: five times faster,
 * the same bytes; tests/unit/test_ics_libical.c compares them).  It knows no
 * domain: the feeds (hop/core/feeds/feeds.h) yield hop's events into it. */
#ifndef HOP_ICS_H
#define HOP_ICS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

/* Half days as timed events, in the site's time zone: the morning is
 * 08:00-12:00, the afternoon 12:00-17:00. */
#define ICS_AM_START 8
#define ICS_AM_END 12
#define ICS_PM_END 17

struct ics_event {
	const char *uid;          /* stable per object: "booking-4711@example.org" */
	int sequence;             /* grows when the object changes */
	const char *summary;
	const char *location;     /* NULL or "" = none */
	const char *description;  /* NULL or "" = none */
	hop_date day;
	unsigned half;            /* HALF_DAY (or 0): all-day; HALF_AM / HALF_PM: timed */
	const char *tzid;         /* timed events: an IANA zone the writer was opened with */
	bool cancelled;           /* STATUS:CANCELLED, else CONFIRMED */
	bool transparent;         /* TRANSP:TRANSPARENT (does not block free/busy) */
	int alarm_days;           /* > 0: a VALARM that many days before the start (not
	                             for a cancelled event) */
	/* A timed event of its own times (a training session): from start_minute
	 * of day to end_minute of end_day, local in tzid; half is then ignored. */
	bool minutes;
	int start_minute, end_minute;
	hop_date end_day;         /* also: an all-day event lasts through end_day when it is
	                             after day (0: the one day) */
};

struct ics_writer;

/* Time zones one calendar may define. */
#define ICS_MAX_ZONES 16

/* Start a calendar on out: the header, then a VTIMEZONE for each of the
 * nzones IANA zones (duplicates are written once; UTC needs none: its times
 * are written with a Z), cut to the offsets in force from a year before
 * since on (HOP_DATE_NONE: the whole history).  Every zone is checked before
 * anything is written.  name becomes X-WR-CALNAME; now is the DTSTAMP of
 * every event. */
enum hop_status ics_writer_open(FILE *out, const char *name, const char *const *zones,
                                size_t nzones, hop_date since, time_t now,
                                struct ics_writer **w, struct hop_err *err);
/* One VEVENT.  A timed event's tzid must be one of the writer's zones. */
enum hop_status ics_writer_event(struct ics_writer *w, const struct ics_event *ev,
                                 struct hop_err *err);
/* END:VCALENDAR, flush, and free w (also after an error).  *events (may be
 * NULL) gets how many events were written. */
enum hop_status ics_writer_close(struct ics_writer *w, size_t *events, struct hop_err *err);
/* Free w without finishing the calendar (after a failure elsewhere). */
void ics_writer_abort(struct ics_writer *w);

#endif
