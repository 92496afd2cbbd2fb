/* The one clock.  Everything that needs "today" or "now" asks here, so that
 * tests set the date with $HOP_TODAY (YYYY-MM-DD) instead of faking time. */
#ifndef HOP_CLOCK_H
#define HOP_CLOCK_H

#include <time.h>
#include "hop/base/date.h"

/* Today's date in the local time zone, or $HOP_TODAY. */
hop_date clock_today(void);

/* Seconds since the epoch; with $HOP_TODAY set, noon UTC of that day plus the
 * real seconds elapsed since start-up are not used: it is exactly that noon,
 * so audit timestamps in tests are reproducible. */
time_t clock_now(void);

/* For unit tests: force today (HOP_DATE_NONE returns to the real clock). */
void clock_set_today(hop_date day);

/* "2026-11-23T08:55:00Z" for clock_now(); buf must hold 21 bytes. */
char *clock_timestamp(char *buf);

#endif
