/* What the feed sources outside feed.c need of a session.  Private to
 * src/core/feeds. */
#ifndef HOP_FEED_INT_H
#define HOP_FEED_INT_H

#include "hop/core/feeds/feeds.h"

struct hop_app;

/* The program's context the session was opened with. */
struct hop_app *ics_session_app(const struct ics_session *s);

/* The person of a person feed: as ics_session_export read them, else read
 * by the key (25,000 feeds, each read once, not once per source). */
struct hop_person;
enum hop_status feed_person(struct hop_app *app, const struct ics_feed *feed,
                            struct hop_person *out, struct hop_err *err);

/* Publishing: from here on the feeds of people (FEED_PEOPLE_BY_ID) or of
 * desks and rooms (FEED_PLACES_BY_ID) come in ascending id order of their
 * person or place, so that a source may read all of theirs in one pass
 * (the bookings do: booking_feed_pass); FEED_ANY_ORDER ends it. */
enum feed_order { FEED_ANY_ORDER, FEED_PEOPLE_BY_ID, FEED_PLACES_BY_ID };
enum hop_status ics_session_order(struct ics_session *s, enum feed_order order,
                                  struct hop_err *err);

/* The people a source has events for, read once per session: a sorted set
 * of person ids, so that the thousands of feeds without such events cost a
 * look-up in memory, not a query. */
struct feed_people;
void feed_people_free(struct feed_people *p);
/* The session's slot for the onboarding source's set (NULL until built). */
struct feed_people **ics_session_onboarding(struct ics_session *s);

/* The steps of onboardings with their due days (feed_onboarding.c), in the
 * person feeds of the new hire, of the mentor and of each step's owner. */
enum hop_status onboarding_emit(struct ics_session *s, const struct ics_feed *feed,
                                struct ics_writer *w, struct hop_err *err);

/* The time zone of the site named site (the configuration's when unknown
 * or ""), one the person feeds' writer defines. */
const char *ics_session_zone(const struct ics_session *s, const char *site);

/* Training sessions of the attendee and of the trainer, and the expiry of
 * a person's training records (feed_training.c), in person feeds. */
enum hop_status training_emit(struct ics_session *s, const struct ics_feed *feed,
                              struct ics_writer *w, struct hop_err *err);

/* Stations and secondments (feed_rotation.c): in the person's feed and in
 * the feed of the team they join meanwhile. */
enum hop_status rotation_emit(struct ics_session *s, const struct ics_feed *feed,
                              struct ics_writer *w, struct hop_err *err);

#endif
