/* Desk and room bookings: per day or half day, with every rule in one place.
 *
 * The schema refuses a double booking by itself (unique indexes over active
 * bookings); the rules here explain a refusal in words first: working days
 * only, within the booking horizon, never in the past, fixed desks belong to
 * their owners, rooms up to their capacity, who may book for whom.  Every
 * booking and cancellation is one IMMEDIATE transaction with its audit entry. */
#ifndef HOP_BOOKING_H
#define HOP_BOOKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/base/weekdays.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

struct hop_app;

/* "AM", "PM" or "" for a whole day, translated ("vorm.", "nachm."). */
const char *half_display(unsigned half);
/* The same, but "all day" for a whole day: for sentences ("... (AM)"). */
const char *half_label(unsigned half);

struct hop_booking {
	int64_t id;
	hop_date day;
	unsigned half;                         /* HALF_AM, HALF_PM or HALF_DAY */
	int64_t desk_id;
	char desk[HOP_CODE_MAX + 1];
	char desk_name[HOP_PLACE_NAME_MAX + 1];
	enum desk_kind kind;
	char site[HOP_SITE_NAME_MAX + 1];
	char floor[HOP_FLOOR_NAME_MAX + 1];
	char zone[HOP_ZONE_NAME_MAX + 1];
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];         /* "" when the privacy setting hides it */
	char name[HOP_NAME_MAX + 1];           /* "" when hidden */
	char team[HOP_TEAM_NAME_MAX + 1];      /* "" when hidden */
	bool hidden;                           /* booker hidden by show_booker_names */
	char booked_by[HOP_LOGIN_MAX + 1];
	int attendees;
	char note[201];
	int sequence;
	bool cancelled;
	hop_date cancelled_on;                 /* the (UTC) day it was cancelled; HOP_DATE_NONE if active */
};
struct hop_booking_list { struct hop_booking *v; size_t n, cap; };
void booking_list_free(struct hop_booking_list *l);
/* One booking by id, active or cancelled, names as the privacy rule says. */
enum hop_status booking_get(struct hop_app *app, int64_t id, struct hop_booking *out,
                            struct hop_err *err);

/* Why a free desk was chosen when it was not by the usual order: for a new
 * hire in their first weeks, next to their mentor (onboarding.h,
 * onboarding_mentor_desk).  near_mentor false: the usual order. */
struct booking_why {
	bool near_mentor;
	char mentor_login[HOP_LOGIN_MAX + 1];
	char mentor_name[HOP_NAME_MAX + 1];
	char mentor_desk[HOP_CODE_MAX + 1];    /* the mentor's desk that day */
};

struct booking_request {
	hop_date day;
	unsigned half;              /* HALF_AM, HALF_PM, HALF_DAY; 0 = HALF_DAY */
	const char *desk;           /* code; NULL when any */
	const char *for_login;      /* NULL = the acting user */
	bool any;                   /* pick a free desk (see booking_book) */
	const char *zone;           /* any: only this zone (as zone_get) */
	unsigned attrs;             /* any: with all these attributes */
	bool near_team;             /* any: only the zones of the person's team */
	int attendees;              /* rooms: the group's size; 0 = 1 */
	const char *note;           /* NULL = none */
	struct booking_why *why;    /* any: filled with why the desk was chosen; NULL = not asked */
};

/* The choice of place, before anything is read: a place's code or any, not
 * both, and a zone, attributes or near_team only with any.  booking_book
 * checks it first; a front end may ask before it opens the database. */
enum hop_status booking_choice_check(const struct booking_request *rq, struct hop_err *err);

/* Book.  With any, the desk is chosen among the free, bookable desks with the
 * wanted attributes: first the person's own fixed desk; for a new hire in the
 * first [policy] onboarding_office_weeks whose mentor has booked a desk that
 * day, the free desks of the mentor's zone nearest to it in code order (with
 * near_team the mentor's zone counts as near too); then the zones of the
 * person's team on that day, then the fewest moves from their last desk (same
 * desk, same zone, same floor, same site), then by code.  Who is in which
 * team, for team zones and for desks only a team may book, is asked for the
 * day booked (membership_team_on), not today.
 * On success *made (may be NULL) is the booking.  A refusal says why, e.g.
 * "desk 3.14 is already booked by Anna Berg on Tue 24 Nov 2026 (AM)". */
enum hop_status booking_book(struct hop_app *app, const struct booking_request *rq,
                             struct hop_booking *made, struct hop_err *err);

/* A series: every day in [rq->day, until] whose ISO weekday is in weekdays
 * (bit 1 << 1 = Monday ... 1 << 5 = Friday), each booked in its own
 * transaction so that one taken day does not stop the others. */
struct series_item {
	hop_date day;
	enum hop_status status;       /* HOP_OK = booked */
	char desk[HOP_CODE_MAX + 1];  /* the desk booked */
	enum desk_kind kind;          /* ... and its kind */
	char msg[512];                /* why not, when status != HOP_OK */
	enum hop_reason reason;       /* ... and its reason and facts, for advice */
	struct hop_facts facts;
	struct booking_why why;       /* booked: why that desk (any) */
};
enum hop_status booking_book_series(struct hop_app *app, const struct booking_request *rq,
                                    unsigned weekdays, hop_date until,
                                    struct series_item **items, size_t *n,
                                    struct hop_err *err);

/* Cancel the person's booking(s) on day: of desk (NULL = every place that
 * day), the half given (HALF_DAY = all).  Cancelling the morning of a whole-day
 * booking keeps the afternoon.  *cancelled = how many bookings changed. */
enum hop_status booking_cancel(struct hop_app *app, hop_date day, const char *desk,
                               unsigned half, const char *for_login, int *cancelled,
                               struct hop_err *err);
/* Every booking of the person in [from, to] (a stretch of leave). */
enum hop_status booking_cancel_range(struct hop_app *app, hop_date from, hop_date to,
                                     const char *for_login, int *cancelled,
                                     struct hop_err *err);

/* Move login's (NULL = the actor's) desk booking on day to desk, for the
 * same half days, in one transaction: the old booking is cancelled (reason
 * "moved to desk ...") and desk booked under every rule of booking_book, or
 * nothing changes.  Refused when the person has no desk that day, already
 * has desk, or desk cannot be booked for them.  *made (may be NULL) is the
 * new booking. */
enum hop_status booking_move(struct hop_app *app, hop_date day, const char *login,
                             const char *desk, struct hop_booking *made, struct hop_err *err);
/* The desks login's (NULL = the actor's) booking on day may move to: free
 * for the half days it holds (a whole day when there is none), open to the
 * person, best first in the order of any free desk (booking_book): their
 * fixed desk, a new hire's mentor's zone, their team's zones, then the
 * fewest moves from the desk they have. */
enum hop_status booking_move_choices(struct hop_app *app, hop_date day, const char *login,
                                     struct hop_desk_list *out, struct hop_err *err);

/* The people the acting user may book for on day, themselves left out:
 * everyone employed that day (facilities, admins) or the members of the
 * teams they lead that day (leads), ordered by team, then name.  Anyone else
 * is refused (HOP_R_BOOK_FOR_SELF_ONLY). */
enum hop_status booking_people_for(struct hop_app *app, hop_date day,
                                   struct hop_person_list *out, struct hop_err *err);

struct booking_filter {
	const char *person;         /* login; NULL = anyone (mine: the actor) */
	bool mine;
	const char *desk;           /* code; NULL = any */
	const char *team;           /* people of this team */
	const char *site;
	hop_date from, to;          /* inclusive; HOP_DATE_NONE = today / from + horizon */
	bool include_cancelled;
	/* With person: the reader may see all of that person's own bookings (the
	 * person themself, or a whole-organisation reader such as the publisher
	 * of their calendar feed: authz_feed_whole_person), none dropped as
	 * hidden. */
	bool whole_person;
};
/* Ordered by day, half, site, desk code.  Names obey the privacy setting. */
enum hop_status booking_list(struct hop_app *app, const struct booking_filter *f,
                             struct hop_booking_list *out, struct hop_err *err);
/* The same bookings one at a time, for lists too long to hold (a site's
 * year for a calendar feed): fn gets each as it is read, in index order (a
 * person's or a desk's by day; a site's desk by desk, each by day), which is
 * the same order for the same data.  b is valid during the call only; fn
 * must not read bookings itself.  Stops at fn's first failure and returns it. */
typedef enum hop_status (*booking_fn)(void *ctx, const struct hop_booking *b,
                                      struct hop_err *err);
enum hop_status booking_each(struct hop_app *app, const struct booking_filter *f,
                             booking_fn fn, void *ctx, struct hop_err *err);

/* The bookings of a calendar feed, as booking_each yields them but read
 * for speed (src/core/booking/booking_feed.c): one person's, one place's or
 * one site's from from to to (HOP_DATE_NONE: as booking_list), cancelled
 * ones included when cancelled on or after cancelled_since (HOP_DATE_NONE:
 * all).  Each booking has its place, day, half, note, sequence and
 * cancellation; the booker's name only under show_booker_names = all (and
 * hidden as the privacy rule says); login, team, booked_by and attendees
 * stay empty.  A person's hidden bookings are left out, as booking_each
 * does.  A person's and a place's by day (and id); a site's day by day.  The
 * handle keeps every place's names for the feeds of a session. */
struct booking_feed;
struct booking_feed_query {
	const char *person, *desk, *site;      /* exactly one: login, place code, site */
	hop_date from, to;
	hop_date cancelled_since;
	/* With person: all of that person's own bookings, none dropped as
	 * hidden (see booking_filter.whole_person). */
	bool whole_person;
	int64_t person_id;                     /* with person: its id when known, else 0 */
};
enum hop_status booking_feed_open(struct hop_app *app, struct booking_feed **bf,
                                  struct hop_err *err);
void booking_feed_close(struct booking_feed *bf);
enum hop_status booking_feed_each(struct booking_feed *bf, const struct booking_feed_query *q,
                                  booking_fn fn, void *ctx, struct hop_err *err);
/* Publishing every feed: from here on the feeds of people (BOOKING_FEED_PEOPLE)
 * or of places (BOOKING_FEED_PLACES) are asked for in ascending id order and
 * with the same days, so that their bookings are read in one pass, sorted by
 * person (place), day and id, instead of one query per feed, which read a
 * page of the table for nearly every row.  A feed asked for out of order or
 * with other days is read on its own, as before; the bookings are the same
 * either way.  BOOKING_FEED_EACH ends the pass. */
enum booking_feed_pass { BOOKING_FEED_EACH, BOOKING_FEED_PEOPLE, BOOKING_FEED_PLACES };
void booking_feed_pass(struct booking_feed *bf, enum booking_feed_pass pass);

/* One place taken on a day, as booking_who lists it: a lean row whose
 * strings belong to the list (a site's or team's name is kept once, however
 * many rows show it).  No string is NULL; login, name and team are "" and
 * person_id is 0 when the privacy setting hides the booker (hidden). */
struct hop_who {
	int64_t id;                            /* the booking */
	unsigned half;                         /* HALF_AM, HALF_PM or HALF_DAY */
	int64_t desk_id;
	const char *desk;                      /* code */
	const char *site, *floor, *zone;
	int64_t person_id;
	const char *login, *name, *team;       /* team: "" also for people without one */
	enum desk_kind kind;
	int attendees;
	bool hidden;
};
struct bk_pool;
struct hop_who_list {
	hop_date day;
	struct hop_who *v;
	size_t n;
	struct bk_pool *strings;               /* what the rows point into */
};
void booking_who_free(struct hop_who_list *l);

/* Who is in on day: the active bookings of desks and rooms (marked by kind),
 * optionally of one team or site, ordered by team and name in the German
 * order (people without a team after those with one, hidden bookers last),
 * then morning first, then desk code. */
enum hop_status booking_who(struct hop_app *app, hop_date day, const char *team,
                            const char *site, struct hop_who_list *out,
                            struct hop_err *err);

/* Free places on day for the half given (HALF_DAY = free all day) that the
 * acting user may book, with the filter's zone and attributes. */
enum hop_status booking_free(struct hop_app *app, hop_date day, unsigned half,
                             const struct desk_filter *f, struct hop_desk_list *out,
                             struct hop_err *err);

/* ---- one day of all desks: the Desks screen's data ---- */

enum slot_state {
	SLOT_FREE,        /* bookable by me */
	SLOT_BOOKED,      /* by someone else */
	SLOT_MINE,        /* booked by me */
	SLOT_FIXED,       /* a fixed desk its owner holds that day */
	SLOT_CLOSED,      /* not bookable by me (team-only, leads-only, not a working day) */
};
/* The strings of a day view belong to the view (desk_day_view_free) and are
 * never NULL: "" where there is nothing to show. */
struct desk_slot {
	enum slot_state state;
	int64_t booking_id;
	const char *login;                   /* "" when hidden or free */
	const char *name;
	int attendees;
};
struct desk_day {
	int64_t desk_id;
	const char *code;
	const char *name;                    /* "" = none */
	enum desk_kind kind;
	int capacity;
	unsigned attrs;
	int64_t owner_id;
	const char *owner_name;              /* "" = shared */
	size_t zone;                         /* index into desk_day_view.zones */
	struct desk_slot am, pm;
};
struct desk_day_zone {
	int64_t id, site_id, floor_id, team_id;  /* team_id 0 = no owning team */
	int level;
	int desks;                           /* its desks (not rooms) in the view */
	const char *site, *floor, *name, *team;
};
struct desk_day_view {
	hop_date day;
	bool working_day;
	char not_working[160];               /* why not, when !working_day */
	struct desk_day_zone *zones;
	size_t nzones;
	struct desk_day *v;
	size_t n;
	int bookable, booked;                /* half days: occupancy booked / bookable
	                                        (bookable: 2 per place shown on a working
	                                        day, 0 otherwise) */
	struct bk_pool *strings;             /* what the strings of v and zones point into */
};
/* All active desks and rooms (filtered) with their state on day for the acting
 * user, grouped by site, floor, zone (v in that order, codes in natural order;
 * zones[] holds the zones that have places in v).  The places (floors, zones,
 * desks) are cached on the connection and read again only when the database
 * has changed (PRAGMA data_version, this connection's changes), so a day
 * change costs one query: the day's bookings with their people on the index
 * booking_day.  None per desk; a site or zone filter is resolved by name first.  An unbooked half of a fixed desk whose
 * owner holds the other half is SLOT_FIXED for everyone but the owner. */
enum hop_status booking_day_view(struct hop_app *app, hop_date day, const struct desk_filter *f,
                                 struct desk_day_view *out, struct hop_err *err);
void desk_day_view_free(struct desk_day_view *v);

/* ---- bulk creation (the demo and benchmark generator) ---- */

/* Insert many bookings in the caller's transaction with one prepared statement
 * and no per-row rule checks or audit entries: the generator makes only valid
 * rows, and the unique indexes still refuse any double booking.  The caller
 * writes one audit entry for the batch. */
struct booking_bulk;
enum hop_status booking_bulk_begin(struct hop_app *app, struct booking_bulk **out,
                                   struct hop_err *err);
enum hop_status booking_bulk_add(struct booking_bulk *b, int64_t desk_id, int64_t person_id,
                                 hop_date day, unsigned half, bool is_room, int attendees,
                                 struct hop_err *err);
void booking_bulk_end(struct booking_bulk *b);

#endif
