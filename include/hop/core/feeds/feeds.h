/* hop's calendar feeds: the sources that yield events of each capability into
 * the iCalendar writer (hop/ics/ics.h), exporting one feed and publishing the
 * whole set into a directory.  A capability adds its events by adding one
 * entry to the source table in src/core/feeds/feed.c; the writer does not
 * change. */
#ifndef HOP_FEEDS_H
#define HOP_FEEDS_H

#include <stdbool.h>
#include <stdio.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/ics/ics.h"

struct hop_app;
struct hop_person;


enum ics_feed_kind { ICS_PERSON, ICS_TEAM, ICS_DESK, ICS_ROOM, ICS_SITE };

struct ics_feed {
	enum ics_feed_kind kind;
	const char *key;          /* login, team name or slug, desk or room code, site */
	hop_date from, to;        /* inclusive; HOP_DATE_NONE: see ics_export */
	bool holidays;            /* add the public holidays of [organisation] region */
	/* A person's feed: the person, as ics_session_export read them (the
	 * sources need not read them again).  NULL: read by key. */
	const struct hop_person *person;
};

/* What the feeds of one run share, read once: the sites and their time
 * zones.  'hop feeds publish' writes thousands of feeds through one session. */
struct ics_session;
enum hop_status ics_session_open(struct hop_app *app, struct ics_session **s,
                                 struct hop_err *err);
void ics_session_close(struct ics_session *s);

/* A source yields its events for one feed into the writer; it ignores feed
 * kinds it has nothing for.  The sources are a table in src/core/feeds/feed.c. */
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
	size_t temporaries;       /* temporary files of runs that died, removed */
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
