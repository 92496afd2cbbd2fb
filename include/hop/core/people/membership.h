/* Team membership over time: which team a person belongs to on which day.
 *
 * A membership is a period (first and last day, the last may be open) in a
 * team, of a kind: the person's post, a trainee station, a secondment
 * (Abordnung) or an acting post (Vertretung).  Posts and stations are the
 * primary kinds: a person holds one at a time, and the database refuses two
 * that overlap.  History is kept: moving a person ends their post the day
 * before the new one starts.
 *
 * person.team_id stays what the rest of hop reads: the team a person is in
 * today, or joins on their start date.  Core keeps it in step whenever
 * memberships change, and when the day changes (membership_refresh, at
 * opening the database). */
#ifndef HOP_MEMBERSHIP_H
#define HOP_MEMBERSHIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

enum membership_kind {
	MEMBER_POST,         /* the person's post: primary */
	MEMBER_STATION,      /* a trainee's station: primary */
	MEMBER_SECONDMENT,   /* Abordnung, Hospitation: works in that team meanwhile */
	MEMBER_ACTING,       /* Vertretung: acts in that team besides their own */
};
#define MEMBER_KIND_COUNT 4

/* Where a secondment outside goes: an authority of the Bund, of a Land, of a
 * Kommune, or another employer. */
enum membership_host_level {
	HOST_NONE,           /* inside the organisation */
	HOST_BUND, HOST_LAND, HOST_KOMMUNE, HOST_OTHER,
};
#define HOP_HOST_MAX 200
/* "bund", "land", "kommune", "other" as stored ("" for HOST_NONE). */
const char *membership_host_level_name(enum membership_host_level l);
/* For people: "Bund", "Land", "Kommune", "other employer" (translated). */
const char *membership_host_level_display(enum membership_host_level l);
/* bund/federal, land/state, kommune/municipal, other/andere. */
enum hop_status membership_host_level_parse(const char *text, enum membership_host_level *l,
                                            struct hop_err *err);

/* "post", "station", "secondment", "acting": as stored, untranslated. */
const char *membership_kind_name(enum membership_kind k);
/* For people, translated ("Stammstelle" in German). */
const char *membership_kind_display(enum membership_kind k);
/* The English words above, or German (stelle, station, abordnung, vertretung). */
enum hop_status membership_kind_parse(const char *text, enum membership_kind *k,
                                      struct hop_err *err);

struct hop_membership {
	int64_t id;
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	char team_slug[HOP_SLUG_MAX + 1];
	enum membership_kind kind;
	hop_date start, end;       /* inclusive; end HOP_DATE_NONE = open */
	/* A secondment outside: the host ("" inside) and its level; team is
	 * then the team the person is seconded from. */
	char host[HOP_HOST_MAX + 1];
	enum membership_host_level host_level;
	int64_t cohort_id;         /* a station published from a cohort's plan, else 0 */
	int seq;                   /* grows with every change (feeds' SEQUENCE) */
};
struct hop_membership_list {
	struct hop_membership *v;
	size_t n, cap;
};
void membership_list_free(struct hop_membership_list *l);

/* The team person_id works in on day: a secondment covering the day, else
 * their station, else their post that day; *team_id 0 when none, and on the
 * days of a secondment outside the organisation (to another authority: the
 * person is away, in no team of this house).  The one answer to "team of a
 * person on a day". */
enum hop_status membership_team_on(struct hop_app *app, int64_t person_id, hop_date day,
                                   int64_t *team_id, struct hop_err *err);

/* Which covering period decides a person's team on a day: a secondment
 * over a station over a post (SQL over a membership row m; higher wins). */
#define MEMBERSHIP_RANK_SQL \
	"(CASE m.kind WHEN 'secondment' THEN 2 WHEN 'station' THEN 1 ELSE 0 END)"

/* The same answer for core's set-based queries: a condition on a membership
 * row m that holds when m makes its person a member of m.team_id on day D
 * (SQL text: a parameter such as "?1" or a column such as "b.day").  Join
 * "membership m ON m.person_id = ... AND m.team_id = ?N AND" this, and the
 * person's members of a team on a day come out once each, through the index
 * membership_team. */
#define MEMBERSHIP_ON_SQL(D) \
	"m.kind <> 'acting' AND m.host IS NULL AND m.start_on <= " D " " \
	"AND (m.end_on IS NULL OR m.end_on >= " D ") " \
	"AND (m.kind = 'secondment' OR NOT EXISTS (SELECT 1 FROM membership s " \
	"WHERE s.person_id = m.person_id AND s.id <> m.id " \
	"AND (s.kind = 'secondment' OR (m.kind = 'post' AND s.kind = 'station')) " \
	"AND s.start_on <= " D " AND (s.end_on IS NULL OR s.end_on >= " D "))) "

/* membership_team_on's answer as a scalar subquery, for a person P on a day
 * D (SQL text: parameters or columns, such as "b.person_id", "b.day"): the
 * team id, or NULL when none.  One look-up on the index membership_person. */
#define MEMBERSHIP_TEAM_SQL(P, D) \
	"(SELECT CASE WHEN m.host IS NULL THEN m.team_id END FROM membership m " \
	"WHERE m.person_id = " P " " \
	"AND m.kind <> 'acting' AND m.start_on <= " D " AND (m.end_on IS NULL OR m.end_on >= " D ") " \
	"ORDER BY " MEMBERSHIP_RANK_SQL " DESC, m.start_on DESC LIMIT 1)"

/* For each of ndays days from `from` (at most 32), the members of team_id
 * that day: one entry per person (ordered by id), bit d of days set when
 * they are a member on from + d.  One query. */
struct membership_days {
	int64_t person_id;
	uint32_t days;
};
enum hop_status membership_team_days(struct hop_app *app, int64_t team_id, hop_date from,
                                     int ndays, struct membership_days **out, size_t *n,
                                     struct hop_err *err);

/* The periods (posts, stations, secondments; not acting posts) in force on
 * some day from `from` to `to`, to answer "team of a person on a day" for
 * many days and people after one query: of person_id alone (when not 0), else
 * of the people who are members of team_id on some of those days (all their
 * periods, so that the days they are elsewhere show), else of everyone.
 * Ordered by person. */
struct membership_span {
	int64_t person_id, team_id; /* team_id 0: a secondment outside */
	hop_date start, end;        /* inclusive; end HOP_DATE_NONE = open */
	int rank;                   /* 2 secondment, 1 station, 0 post: higher wins */
};
struct membership_spans {
	struct membership_span *v;
	size_t n;
};
enum hop_status membership_spans_load(struct hop_app *app, int64_t team_id, int64_t person_id,
                                      hop_date from, hop_date to, struct membership_spans *out,
                                      struct hop_err *err);
/* The team person_id works in on day (a day inside the loaded stretch), as
 * membership_team_on answers it; 0 when none. */
int64_t membership_spans_team(const struct membership_spans *s, int64_t person_id,
                              hop_date day);
void membership_spans_free(struct membership_spans *s);

/* login's memberships, oldest first. */
enum hop_status membership_history(struct hop_app *app, const char *login,
                                   struct hop_membership_list *out, struct hop_err *err);

/* Add a membership of login in team from `from` to `until` (HOP_DATE_NONE =
 * open).  HR and admins only.  A post that overlaps another post, or a
 * station another station, is refused with a message naming both periods.
 * Audit "membership.add"; person.team_id follows. */
enum hop_status membership_add(struct hop_app *app, const char *login, const char *team,
                               enum membership_kind kind, hop_date from, hop_date until,
                               struct hop_err *err);

/* A secondment outside the organisation: login goes to host (an authority
 * of level) from `from` to `until`; team_of is the team they are seconded
 * from (NULL or "": their team on `from`).  HR and admins.  Audit
 * "membership.add".  *id (may be NULL) the new period. */
enum hop_status membership_add_external(struct hop_app *app, const char *login,
                                        const char *team_of, const char *host,
                                        enum membership_host_level level, hop_date from,
                                        hop_date until, int64_t *id, struct hop_err *err);

/* For core callers that checked the permission and write the audit entry
 * themselves (a cohort's published plan), inside their transaction: add a
 * period of person_id in team_id, refused like membership_add when it
 * overlaps one of the same kind; cohort_id 0 = none; *id may be NULL.
 * person.team_id follows. */
enum hop_status membership_insert(struct hop_app *app, int64_t person_id, int64_t team_id,
                                  enum membership_kind kind, hop_date from, hop_date until,
                                  int64_t cohort_id, int64_t *id, struct hop_err *err);
/* The same callers: membership id now runs from `from` to `until` (seq
 * grows, for the feed's SEQUENCE), or, with from == HOP_DATE_NONE, is
 * removed: only a period that has not begun may be removed (one that has is
 * ended instead, the day before today).  person.team_id follows. */
enum hop_status membership_set_period(struct hop_app *app, int64_t id, hop_date from,
                                      hop_date until, struct hop_err *err);

/* Bring person.team_id up to date for the people whose memberships began or
 * ended since the last call (its day is kept in the database): once a day,
 * nothing to do the rest of it.  Called when the database is opened; a
 * database that cannot be written is left as it is. */
enum hop_status membership_refresh(struct hop_app *app, struct hop_err *err);

#endif
