/* The synthetic events of the iCalendar benchmark, shared by ics_events (hop's
 * writer) and ics_baseline (libical alone) so that both write the same VEVENTs.
 * No hop or libical code here: plain fields from the event's number. */
#ifndef HOP_BENCH_ICS_SYNTH_H
#define HOP_BENCH_ICS_SYNTH_H

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#define SYNTH_TZID "Europe/Berlin"
#define SYNTH_DOMAIN "bench.example.org"
/* A fixed DTSTAMP (2026-11-23T12:00:00Z) keeps the two outputs comparable. */
#define SYNTH_NOW ((time_t)1795435200)
#define SYNTH_TEXT 160

enum synth_kind { SYNTH_ALLDAY, SYNTH_AM, SYNTH_PM };

struct synth_event {
	char uid[64];
	char summary[SYNTH_TEXT];
	char location[SYNTH_TEXT];
	int year, month, day;           /* the day of the event */
	enum synth_kind kind;           /* all-day (VALUE=DATE) or a timed half day */
	int sequence;
	int cancelled;                  /* STATUS:CANCELLED, else CONFIRMED */
	int transparent;                /* TRANSP:TRANSPARENT, else OPAQUE */
};

/* Event i: a desk booking (half of them whole days, a quarter each morning and
 * afternoon) spread over 2026, 300 a day, one in 20 cancelled; names and
 * places with umlauts, as hop's own feeds have them. */
static inline void synth_event(long i, struct synth_event *e)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	static const char *const names[4] = { "Jürgen Weiß", "Şükrü Öztürk", "Anna Müller",
	                                      "Zoë Ångström" };
	int doy = (int)(i / 300 % 365), m = 0;
	while (doy >= mdays[m])
		doy -= mdays[m++];
	e->year = 2026;
	e->month = m + 1;
	e->day = doy + 1;
	e->kind = i % 2 == 0 ? SYNTH_ALLDAY : i % 4 == 1 ? SYNTH_AM : SYNTH_PM;
	e->sequence = (int)(i % 3);
	e->cancelled = i % 20 == 0;
	e->transparent = 0;
	snprintf(e->uid, sizeof e->uid, "booking-%ld@%s", i + 1, SYNTH_DOMAIN);
	snprintf(e->summary, sizeof e->summary, "Desk B.%04ld: %s", i % 5000, names[i % 4]);
	snprintf(e->location, sizeof e->location,
	         "Dienstgebäude Mitte, floor Erdgeschoss, Zone Nord, B.%04ld", i % 5000);
}

static inline double synth_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident set of this process in kB (Linux: ru_maxrss is in kB). */
static inline long synth_peak_kb(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

#endif
