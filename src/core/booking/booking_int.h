/* Helpers shared by the booking modules (booking_*.c); private to src/core.
 * The privacy rule, the rows every query reads, the place as the rules see
 * it, and the checks that explain a refusal. */
#ifndef HOP_BOOKING_INT_H
#define HOP_BOOKING_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/db/db.h"
#include "hop/core/booking/booking.h"
#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

/* ---- rows ---- */

/* The columns booking_read reads, in this order, and the joins they need.
 * Statements append WHERE ... to BOOKING_SELECT.  The team is the person's
 * team on the day booked. */
#define BOOKING_SELECT "SELECT b.id, b.day, b.am, b.pm, b.desk_id, d.code, " \
	"coalesce(d.name, ''), d.kind, s.name, f.name, z.name, b.person_id, p.login, p.name, " \
	"coalesce(t.id, 0), coalesce(t.name, ''), " \
	"CASE WHEN t.dissolved_on IS NULL THEN coalesce(t.lead_id, 0) ELSE 0 END, " \
	"b.booked_by, bp.login, b.attendees, coalesce(b.note, ''), b.sequence, " \
	"b.cancelled_at IS NOT NULL, substr(b.cancelled_at, 1, 10) " \
	"FROM booking b JOIN desk d ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id " \
	"JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id " \
	"JOIN person p ON p.id = b.person_id " \
	"LEFT JOIN team t ON t.id = " MEMBERSHIP_TEAM_SQL("b.person_id", "b.day") " " \
	"JOIN person bp ON bp.id = b.booked_by "

/* Read one BOOKING_SELECT row, hiding the booker where the privacy rule says so. */
void booking_read(const struct hop_app *app, struct db_stmt *st, struct hop_booking *b);
enum hop_status booking_list_push(struct hop_booking_list *l, const struct hop_booking *b,
                                  struct hop_err *err);
/* Step st (a BOOKING_SELECT, bound) to the end into out; resets st. */
enum hop_status booking_collect(struct hop_app *app, struct db_stmt *st,
                                struct hop_booking_list *out, struct hop_err *err);
/* The days of f: from (today when not given) to to (from plus the booking
 * horizon when not given), refused when backwards or over ten years. */
enum hop_status bk_list_days(struct hop_app *app, const struct booking_filter *f,
                             hop_date *from, hop_date *to, struct hop_err *err);
/* The ids of team and site (NULL or "": 0), by name: the filters of the lists
 * (booking_list.c), who is in and what is free (booking_who.c). */
enum hop_status bk_resolve_team_site(struct hop_app *app, const char *team, const char *site,
                                     int64_t *team_id, int64_t *site_id, struct hop_err *err);

/* ---- memory for a day's lists (booking_pool.c) ---- */

/* Strings kept once for a list: a site's name is stored once however many
 * rows show it.  Freed all at once with the list.  A list may also point into
 * a shared pool (the Desks screen's cached places): it holds one of its refs,
 * which bk_pool_free gives back. */
struct bk_pool {
	struct bk_pool_block *head;
	struct bk_pool *shared;                /* NULL, or a pool this one keeps alive */
	unsigned refs;                         /* a shared pool's holders */
};
void bk_pool_free(struct bk_pool *p);
/* Let p keep shared alive (one more ref); p must not hold one yet. */
void bk_pool_share(struct bk_pool *p, struct bk_pool *shared);
/* Give back one ref on a shared pool (calloc'd, refs > 0); the last frees it. */
void bk_pool_release(struct bk_pool *shared);
/* A copy of s[0..n) in the pool; "" for an empty or NULL s; NULL when out of
 * memory. */
const char *bk_pool_strn(struct bk_pool *p, const char *s, size_t n);
/* A copy of a text column. */
const char *bk_pool_col(struct bk_pool *p, struct db_stmt *st, int col);

/* Room in *v (elements of size bytes) and in *ids (NULL: none) for element
 * n.  *cap starts as a count read first (bk_count), so that an array is
 * allocated once; it grows only if rows were added since.  False when out of
 * memory. */
bool bk_fit(void *v, size_t size, int64_t **ids, size_t n, size_t *cap);
/* *cap = the count(*) that st (NULL: failed to prepare, err set) gives. */
enum hop_status bk_count(struct hop_app *app, struct db_stmt *st, size_t *cap,
                         struct hop_err *err);
/* The position of id in ids[0..n), which is ascending (rows read in rowid
 * order); SIZE_MAX when it is not there. */
size_t bk_find_id(const int64_t *ids, size_t n, int64_t id);
/* Put n elements of size bytes in the order order[] gives (order[k] = the
 * element that goes to position k), in place; order is used up. */
void bk_permute(void *v, size_t n, size_t size, uint32_t *order, void *tmp);
/* Sort n keys of size bytes, each with a group number (< ngroups) as the
 * uint32_t at byte group_at: by group, then by cmp (which must order by group
 * first as well).  False when out of memory. */
bool bk_group_sort(void *keys, size_t n, size_t size, size_t group_at, uint32_t ngroups,
                   int (*cmp)(const void *, const void *));

enum desk_kind bk_kind(const char *text);
/* bookable_by's text as enum desk_bookable (all when unknown). */
enum desk_bookable bk_bookable_by(const char *text);
/* "desk 3.14", "meeting room R3.01": kind (translated) and code. */
char *bk_place_label(enum desk_kind kind, const char *code, char *buf, size_t size);

/* ---- what the day's lists keep on the connection (booking_view_places.c, booking_who.c) ---- */

/* A cache is read again when db_mark says the data has changed since. */

/* Free app->view_cache's and app->who_cache's objects (app_close); NULL is fine. */
void bk_view_cache_free(struct bk_view_cache *c);
void bk_who_cache_free(struct bk_who_cache *c);

/* ---- places as the rules see them ---- */

struct bk_place {
	int64_t id;
	char code[HOP_CODE_MAX + 1];
	char name[HOP_PLACE_NAME_MAX + 1];
	enum desk_kind kind;
	int capacity;
	unsigned attrs;
	int64_t owner_id;                      /* fixed desk; 0 = shared */
	char owner_login[HOP_LOGIN_MAX + 1];
	char owner_name[HOP_NAME_MAX + 1];
	enum desk_bookable bookable;
	hop_date retired;                      /* HOP_DATE_NONE = active */
	int64_t zone_id;
	char zone[HOP_ZONE_NAME_MAX + 1];
	int64_t zone_team_id;                  /* 0 = no team */
	char zone_team[HOP_TEAM_NAME_MAX + 1];
	int64_t zone_team_lead;                /* the zone team's lead, 0 = none */
	int64_t floor_id;
	char floor[HOP_FLOOR_NAME_MAX + 1];
	int level;
	int64_t site_id;
	char site[HOP_SITE_NAME_MAX + 1];
	size_t group;                          /* zone's position (bk_place_sort) */
};
struct bk_place_list { struct bk_place *v; size_t n, cap; };
void bk_place_list_free(struct bk_place_list *l);

#define BK_PLACE_COLUMNS "d.id, d.code, coalesce(d.name, ''), d.kind, d.capacity, d.attrs, " \
	"coalesce(d.owner_id, 0), coalesce(o.login, ''), coalesce(o.name, ''), d.bookable_by, " \
	"d.retired_on, z.id, z.name, coalesce(z.team_id, 0), coalesce(zt.name, ''), " \
	"CASE WHEN zt.dissolved_on IS NULL THEN coalesce(zt.lead_id, 0) ELSE 0 END, " \
	"f.id, f.name, f.level, s.id, s.name "
#define BK_PLACE_NCOLS 21
#define BK_PLACE_FROM "FROM desk d JOIN zone z ON z.id = d.zone_id " \
	"JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id " \
	"LEFT JOIN person o ON o.id = d.owner_id LEFT JOIN team zt ON zt.id = z.team_id "

void bk_place_read(struct db_stmt *st, int col, struct bk_place *p);
/* By code (case-insensitive); ENOTFOUND says how to find codes. */
enum hop_status bk_place_get(struct hop_app *app, const char *code, struct bk_place *out,
                             struct hop_err *err);
/* The place as struct hop_desk (booking_free's rows). */
void bk_place_to_desk(const struct bk_place *p, struct hop_desk *d);

/* May person (booked for by the acting user) use the place under its
 * bookable_by?  The rule and its refusal are authz's (authz_may_book_place);
 * these hand it the place's parts. */
bool bk_bookable(const struct hop_app *app, const struct hop_person *person,
                 const struct bk_place *p);
enum hop_status bk_check_bookable(const struct hop_app *app, const struct hop_person *person,
                                  const struct bk_place *p, struct hop_err *err);

/* Free places: active on day, of the kind wanted, with room for min_capacity,
 * in zone/site/team zones (0 = any), with all of attrs, not booked for any of
 * halves and not on a day the fixed desk's owner claimed (unless the owner is
 * for_person).  Only places at sites where day is a working day.  Ordered as
 * bk_place_sort orders.
 * The privacy-free part of --any and 'hop free': the callers apply who may
 * book what. */
struct bk_want {
	hop_date day;
	unsigned halves;
	int rooms;                 /* 0 desks, 1 rooms, -1 both */
	int min_capacity;
	int64_t zone_id, site_id, team_id;
	unsigned attrs;
	int64_t for_person;
};
enum hop_status bk_candidates(struct hop_app *app, const struct bk_want *w,
                              struct bk_place_list *out, struct hop_err *err);
/* Sort places by site, floor level, floor, zone (names in German order) and
 * code in natural order; group becomes the zone's position in that order. */
enum hop_status bk_place_sort(struct bk_place *v, size_t n, struct hop_err *err);

/* ---- the team on the day booked ---- */

/* *out = *person with team_id and team the team person is in on day
 * (membership_team_on): what team zones and desks only a team may book ask. */
enum hop_status bk_person_on(struct hop_app *app, const struct hop_person *person, hop_date day,
                             struct hop_person *out, struct hop_err *err);

/* The people whose team on a day differs from person.team_id (today's, or a
 * new hire's first): those with a membership that begins or ends between
 * today and the day (other than a new hire's first post).  Read in one query on the indexes membership_start and
 * membership_end, for lists of a day's bookings that show or weigh everyone's
 * team (who, the Desks screen).  ids ascending, team[i] 0 = none. */
struct bk_team_moves { int64_t *ids, *team; size_t n; };
enum hop_status bk_team_moves(struct hop_app *app, hop_date day, struct bk_team_moves *out,
                              struct hop_err *err);
/* The team of person on the day: the move's, else cached (person.team_id). */
int64_t bk_team_on(const struct bk_team_moves *m, int64_t person, int64_t cached);
void bk_team_moves_free(struct bk_team_moves *m);

/* ---- next to the mentor ---- */

/* For a new hire whose mentor has a desk on the day (onboarding_mentor_desk):
 * the active desks of the mentor's zone in natural code order, which is as
 * near as hop can measure (places have no positions). */
struct bk_near {
	int64_t zone_id;                       /* 0: no mentor's desk to sit near */
	int64_t *ids;                          /* the zone's desks, in code order */
	size_t n, at;                          /* at: the mentor's desk in ids */
	struct booking_why why;
};
enum hop_status bk_near_mentor(struct hop_app *app, int64_t person_id, hop_date day,
                               struct bk_near *out, struct hop_err *err);
/* How many desks lie between p and the mentor's desk, plus one (1: next to
 * it); SIZE_MAX when p is not a desk of the zone. */
size_t bk_near_distance(const struct bk_near *n, const struct bk_place *p);
void bk_near_free(struct bk_near *n);

/* ---- which free desk first ---- */

/* The person's most recent desk on or before day: the "moves" are counted
 * from there (all zero: none). */
struct bk_last_desk { int64_t desk, zone, floor, site; };
enum hop_status bk_last_desk(struct hop_app *app, int64_t person, hop_date day,
                             struct bk_last_desk *out, struct hop_err *err);
/* Smaller is better: the person's own fixed desk, a new hire's mentor's zone
 * nearest to the mentor's desk, the zones of their team on the day, then the
 * fewest moves from the last desk.  on: the person with the day's team.  The
 * order of --any (booking_book) and of the desks a booking may move to. */
long bk_rank(const struct hop_person *on, const struct bk_near *near,
             const struct bk_last_desk *last, const struct bk_place *p);

/* ---- checks that explain ---- */

/* Not in the past, within the booking horizon, a working day at the site. */
enum hop_status bk_check_day(struct hop_app *app, int64_t site_id, hop_date day,
                             struct hop_err *err);
/* The person booked for (for_login, or the actor), and may the actor book
 * for them on the days from..to?  A lead only on the days the person is in
 * a team they lead (their team on each day, not today's). */
enum hop_status bk_person(struct hop_app *app, const char *for_login, hop_date from,
                          hop_date to, struct hop_person *out, struct hop_err *err);
/* Employed on day (started, not yet left). */
enum hop_status bk_check_employed(const struct hop_app *app, const struct hop_person *p,
                                  hop_date day, struct hop_err *err);
/* At home on day: not on a secondment outside the organisation, which
 * leaves the person no desk here (ROT-6); the refusal names the host and
 * the period. */
enum hop_status bk_check_home(struct hop_app *app, const struct hop_person *p, hop_date day,
                              struct hop_err *err);
/* HOP_OK when the place is free on day for halves; else ECONFLICT with who
 * holds it (if the privacy rule lets the actor see it) and when. */
enum hop_status bk_desk_conflict(struct hop_app *app, const struct bk_place *p, hop_date day,
                                 unsigned halves, const struct hop_person *person,
                                 struct hop_err *err);
/* HOP_OK when person holds no other desk on day for halves (rooms do not count). */
enum hop_status bk_person_conflict(struct hop_app *app, const struct hop_person *person,
                                   hop_date day, unsigned halves, struct hop_err *err);

/* ---- booking ---- */

/* A request checked once (input, person, permission, zone, place), then
 * booked day by day: a series checks once and books each date alone. */
struct bk_ctx {
	struct booking_request rq;
	unsigned half;                         /* HALF_AM, HALF_PM, HALF_DAY */
	int attendees;
	struct hop_person person;              /* booked for */
	int64_t zone_id;                       /* --any --zone, resolved */
	char zone_name[HOP_ZONE_NAME_MAX + 1];
};
enum hop_status bk_prepare(struct hop_app *app, const struct booking_request *rq,
                           struct bk_ctx *ctx, struct hop_err *err);
/* Every per-day rule, then the insert and its audit entry; the caller holds
 * the transaction.  *id is the new booking; why (may be NULL) says why the
 * desk was chosen. */
enum hop_status bk_book_day(struct hop_app *app, const struct bk_ctx *ctx, hop_date day,
                            int64_t *id, struct booking_why *why, struct hop_err *err);

/* ---- changes ---- */

/* Give up halves of the active booking id: the whole booking is cancelled
 * (with reason, may be NULL) when no half remains, otherwise it keeps the rest.
 * Either way sequence grows and an audit entry "booking.cancel" is written.
 * The caller holds the transaction. */
enum hop_status booking_release(struct hop_app *app, int64_t id, unsigned halves,
                                const char *reason, struct hop_err *err);
/* "desk 3.14, 2026-11-24, AM, anna (Anna Berg)": the audit detail. */
char *bk_audit_detail(const char *code, hop_date day, unsigned halves, const char *login,
                      const char *name, char *buf, size_t size);

#endif
