/* iCalendar (RFC 5545) feeds: a streaming writer built on libical, and the
 * sources that yield hop's events into it.
 *
 * The writer prints its own BEGIN/END:VCALENDAR lines and serializes every
 * VEVENT on its own with libical, freeing it at once, so memory stays flat
 * however long the feed.  Everything inside those lines (properties, escaping,
 * CRLF, folding) comes from libical.  A later capability adds events to the
 * feeds by adding one entry to the source table in ics_feed.c; the writer does
 * not change. */
#ifndef HOP_ICS_H
#define HOP_ICS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "hop/date.h"
#include "hop/err.h"

struct hop_app;

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

/* ---- feeds ---- */

enum ics_feed_kind { ICS_PERSON, ICS_TEAM, ICS_DESK, ICS_ROOM, ICS_SITE };

struct ics_feed {
	enum ics_feed_kind kind;
	const char *key;          /* login, team name or slug, desk or room code, site */
	hop_date from, to;        /* inclusive; HOP_DATE_NONE: see ics_export */
	bool holidays;            /* add the public holidays of [organisation] region */
};

/* What the feeds of one run share, read once: the sites and their time
 * zones.  'hop feeds publish' writes thousands of feeds through one session. */
struct ics_session;
enum hop_status ics_session_open(struct hop_app *app, struct ics_session **s,
                                 struct hop_err *err);
void ics_session_close(struct ics_session *s);

/* A source yields its events for one feed into the writer; it ignores feed
 * kinds it has nothing for.  The sources are a table in ics_feed.c. */
struct ics_source {
	const char *name;
	enum hop_status (*emit)(struct ics_session *s, const struct ics_feed *feed,
	                        struct ics_writer *w, struct hop_err *err);
};

/* Write the feed to out.  from defaults to today minus [feeds]
 * keep_cancelled_days, to to today plus [policy] booking_horizon_days.
 * Names of bookers are shown as a neutral viewer would see them: only when
 * [booking] show_booker_names is all.  *events (may be NULL) is the count. */
enum hop_status ics_session_export(struct ics_session *s, const struct ics_feed *feed,
                                   FILE *out, size_t *events, struct hop_err *err);
/* The same in a session of its own. */
enum hop_status ics_export(struct hop_app *app, const struct ics_feed *feed, FILE *out,
                           size_t *events, struct hop_err *err);

/* ---- publishing every feed into a directory ---- */

struct ics_publish_report {
	size_t feeds;             /* feeds written or checked */
	size_t written;           /* files (re)written because their content changed */
	size_t unchanged;         /* files left as they were */
	size_t removed;           /* feeds of people, teams and places gone since */
};
/* One file per current person (person-LOGIN.ics), active team
 * (team-SLUG.ics), desk (desk-CODE.ics) and room (room-CODE.ics) in dir, and
 * index.txt listing them (file, tab, calendar name).  Each file is written to
 * a temporary name in dir and renamed into place, unless it differs from the
 * file already there only in its DTSTAMP lines: then the old file is kept, so
 * that web servers and polling calendars see no change.  Files of earlier
 * runs named like feeds (person-*.ics, team-*.ics, desk-*.ics, room-*.ics)
 * whose person has left, whose team was dissolved or whose place was retired
 * are removed; nothing else in dir is touched. */
enum hop_status ics_publish(struct hop_app *app, const char *dir,
                            struct ics_publish_report *rep, struct hop_err *err);

#endif
