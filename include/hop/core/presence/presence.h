/* Presence days: where each person works on each working day, the team's
 * presence days, the office agreement, and the forecast of desks.
 *
 * A person's location on a day is the day's own entry, else their weekly
 * default for that weekday, else not set.  Presence and desks stay
 * consistent: setting "office" can book a desk ([presence] auto_book),
 * setting anything else cancels that day's desk bookings in the same
 * transaction, so nobody marked at home holds a desk.  The office agreement
 * ([policy]) is checked as warnings, never as a block: the lead decides. */
#ifndef HOP_PRESENCE_H
#define HOP_PRESENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"

struct hop_app;

#define HOP_PRESENCE_NOTE_MAX 200     /* bytes of UTF-8 */
#define HOP_WHY_MAX 160               /* why a day is not a working day */
#define HOP_SET_BY_MAX (HOP_NAME_MAX + 40)  /* "Maria Eins (lead)" */
#define PRESENCE_DAYS 5               /* Monday .. Friday */

/* ---- locations ---- */

enum presence_loc {
	LOC_NONE,       /* not set (no day entry and no default) */
	LOC_OFFICE,
	LOC_HOME,
	LOC_MOBILE,
	LOC_AWAY,       /* leave, illness, off-site training */
	LOC_TRIP,       /* business trip */
};
#define LOC_COUNT 6

/* office|büro|buero, home|homeoffice, mobile|mobil, away|abwesend, trip|
 * dienstreise (any case).  Unknown words are an error listing the choices. */
enum hop_status presence_loc_parse(const char *text, enum presence_loc *loc,
                                   struct hop_err *err);
/* The English key ("office"), untranslated; "" for LOC_NONE. */
const char *presence_loc_name(enum presence_loc loc);
/* For people, translated: "office" / "Büro"; "not set" / "nicht gesetzt". */
const char *presence_loc_display(enum presence_loc loc);
/* One letter for a grid: the first letter of the translated display name,
 * upper case: O H M A T in English, B H M A D in German (Büro, Homeoffice,
 * Mobil, Abwesend, Dienstreise); "·" for LOC_NONE.  Static storage. */
const char *presence_loc_code(enum presence_loc loc);

/* Where a person's effective location came from.  The order of precedence:
 * the day's entry, a desk booking that day (booking a desk means office),
 * the weekly default, the onboarding. */
enum presence_source {
	PSRC_NONE,      /* nothing set: LOC_NONE */
	PSRC_DAY,       /* the day's own entry */
	PSRC_DEFAULT,   /* the weekly default for that weekday */
	PSRC_BOOKING,   /* no day entry, but a desk booked that day: office */
	PSRC_ONBOARDING, /* nothing else set, in a new hire's first [policy]
	                    onboarding_office_weeks: office, as a default */
	PSRC_SECONDMENT, /* on a secondment outside: away, over everything (ROT-6) */
};

/* ---- setting the location ---- */

struct presence_item {
	hop_date day;
	bool skipped;                          /* not a working day: nothing set */
	char why[HOP_WHY_MAX];                 /* why skipped, or "no desk free" reason */
	int cancelled;                         /* desk bookings cancelled that day */
	char desk[HOP_CODE_MAX + 1];           /* office: the desk booked ("" = none) */
	bool had_desk;                         /* office: already had a desk booking */
	bool no_desk;                          /* office with auto_book: none was free */
	enum hop_reason reason;                /* no_desk: why's reason and facts, for advice */
	struct hop_facts facts;
	/* home or mobile while a course of [policy] mobile_requires is not
	 * valid (mobile_gate = warn): which, and their next sessions ("" = all
	 * valid).  With refuse the day is not set and presence_set fails. */
	char training[600];
};
struct presence_result {
	struct presence_item *v;               /* one per day of the range; owned */
	size_t n;
	int set, skipped, cancelled, booked, no_desk;
};
void presence_result_free(struct presence_result *r);

/* Set login's (NULL = the actor's) location on every working day in
 * [from, to]; non-working days in a range are skipped and reported, a single
 * day that is not a working day is an error saying why.  loc must not be
 * LOC_NONE.  note NULL keeps each day's note, "" removes it, a text sets
 * it (at most HOP_PRESENCE_NOTE_MAX bytes on one line).  Who may: the person themselves, a lead for
 * the members of teams they lead, facilities and admins (as bookings: the
 * same authz_book_for); HR may not, as presence is the person's and the
 * lead's matter.  One transaction with one audit entry "presence.set" per
 * day.  office: books a desk when [presence] auto_book is on (the fixed
 * desk, else any free desk near the team); none free is not an error (the
 * item says no_desk).  Other locations cancel that day's desk bookings.
 * Home and mobile pass the mobile-work gate (trn_mobile_gate): refused, or
 * set with the item's training warning. */
enum hop_status presence_set(struct hop_app *app, const char *login, hop_date from,
                             hop_date to, enum presence_loc loc, const char *note,
                             struct presence_result *res, struct hop_err *err);

/* Write the note of login's (NULL = the actor's) day ("" or NULL removes
 * it), keeping the location: on a day with no entry of its own the location
 * it has (the weekly default, a desk booked, the onboarding) becomes its
 * entry, so that the note has a day to belong to; a day with no location is
 * refused.  Same permission and days as presence_set; an unchanged note
 * changes nothing.  Audit "presence.note" ("presence.set" where the day gets
 * its entry). */
enum hop_status presence_note_set(struct hop_app *app, const char *login, hop_date day,
                                  const char *note, struct hop_err *err);

/* Remove login's day entries in [from, to], so the weekly default applies
 * again.  Same permission as presence_set; no bookings change. */
enum hop_status presence_clear(struct hop_app *app, const char *login, hop_date from,
                               hop_date to, int *cleared, struct hop_err *err);

/* A desk booking of person_id on day was cancelled or changed outside
 * presence_set: a day whose location came from that booking may now show
 * another, so the day's revision (its feeds' SEQUENCE) grows.  Called by
 * booking code inside its transaction. */
enum hop_status presence_booking_changed(struct hop_app *app, int64_t person_id, hop_date day,
                                         struct hop_err *err);

/* A desk was booked for person_id on day: make the day "office" unless it
 * already is (called by booking code inside its transaction; no desk is
 * booked or cancelled here).  Audit "presence.set" when it changes. */
enum hop_status presence_mark_office(struct hop_app *app, int64_t person_id, hop_date day,
                                     struct hop_err *err);

/* ---- weekly defaults ---- */

/* "mon=office,tue=home,thu=office" (German mo, di, mi, do, fr too; separators
 * ',' ';' or spaces; a location word "-" or "none" removes that weekday's
 * default).  Weekdays not named keep their defaults.  Same permission as
 * presence_set.  Audit "presence.default". */
enum hop_status presence_default_set(struct hop_app *app, const char *login,
                                     const char *spec, struct hop_err *err);
/* login's defaults, index 0 = Monday .. 4 = Friday (LOC_NONE = no default). */
enum hop_status presence_default_get(struct hop_app *app, const char *login,
                                     enum presence_loc out[PRESENCE_DAYS], struct hop_err *err);

/* ---- one person's days ---- */

struct presence_day_entry {
	hop_date day;
	bool working;
	char why[HOP_WHY_MAX];                 /* !working: why */
	enum presence_loc loc;                 /* effective */
	enum presence_source source;
	char note[HOP_PRESENCE_NOTE_MAX + 1];
	char desk[HOP_CODE_MAX + 1];           /* booked desk that day ("" = none) */
	unsigned desk_half;                    /* HALF_* of that booking, 0 = none */
	/* The day's entry set by someone else (a lead, facilities, an admin):
	 * "Maria Eins (lead)" and their login; "" when the person set it. */
	char set_by[HOP_SET_BY_MAX];
	char set_by_login[HOP_LOGIN_MAX + 1];
};
/* login's (NULL = actor) days Monday..Friday of the week starting monday. */
enum hop_status presence_person_week(struct hop_app *app, const char *login, hop_date monday,
                                     struct hop_person *who,
                                     struct presence_day_entry out[PRESENCE_DAYS],
                                     struct hop_err *err);

/* ---- a person's days as calendar feeds show them ---- */

struct presence_feed_day {
	hop_date day;
	enum presence_loc loc;                 /* LOC_NONE only when cancelled */
	const char *note;                      /* "" = none; valid during the call */
	const char *set_by;                    /* "Maria Eins (lead)" when the day's entry was
	                                          set by someone else, else ""; as note */
	int sequence;                          /* grows with every change that may alter the day */
	bool cancelled;                        /* the day's location is gone: a change within
	                                          [feeds] keep_cancelled_days left it unset */
};
typedef enum hop_status (*presence_day_fn)(void *ctx, const struct presence_feed_day *d,
                                           struct hop_err *err);
/* Call fn, in order, for each working day from..to on which login has a
 * location (the day's entry, else the weekly default, else a desk booked),
 * or lost it within [feeds] keep_cancelled_days (cancelled).
 * Reads a few weeks at a time, so memory does not grow with the period.
 * Stops at fn's first failure and returns it. */
enum hop_status presence_days_each(struct hop_app *app, const char *login, hop_date from,
                                   hop_date to, presence_day_fn fn, void *ctx,
                                   struct hop_err *err);

/* ---- team presence days ---- */

struct hop_teamday {
	int64_t id;
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	int weekday;                           /* 1..5 = recurring, 0 = single date */
	hop_date day;                          /* single date; HOP_DATE_NONE when recurring */
	hop_date from;                         /* recurring: first day it applies */
	hop_date until;                        /* recurring: last day, HOP_DATE_NONE = open */
	char note[HOP_PRESENCE_NOTE_MAX + 1];
	int sequence;                          /* grows when the period or note changes */
	hop_date removed;                      /* HOP_DATE_NONE: a team day; else what is left of
	                                          one removed that day (teamday_removed_add) */
};
struct hop_teamday_list { struct hop_teamday *v; size_t n, cap; };
void teamday_list_free(struct hop_teamday_list *l);

/* "tue", "di", "tue,thu" (weekday bits 1 << 1 = Monday .. 1 << 5 = Friday)
 * or a date in any form date_parse takes (*day; *weekdays = 0). */
enum hop_status teamday_parse_when(const char *text, hop_date today, unsigned *weekdays,
                                   hop_date *day, struct hop_err *err);
/* Recurring (weekdays != 0) from `from` (HOP_DATE_NONE = today) until
 * `until` (HOP_DATE_NONE = open), or a single working day (weekdays == 0).
 * A weekday already recurring for the team is replaced.  Only the team's
 * lead, HR and admins.  Audit "teamday.set". */
enum hop_status teamday_set(struct hop_app *app, const char *team, unsigned weekdays,
                            hop_date day, hop_date from, hop_date until, const char *note,
                            struct hop_err *err);
/* Remove the recurring weekday(s) or the single date.  Same permission. */
enum hop_status teamday_remove(struct hop_app *app, const char *team, unsigned weekdays,
                               hop_date day, struct hop_err *err);
/* team NULL = all teams; ordered by team, then recurring by weekday, then dates. */
enum hop_status teamday_list(struct hop_app *app, const char *team,
                             struct hop_teamday_list *out, struct hop_err *err);
/* Append the team days of team_id (by id; 0 adds nothing) to out. */
enum hop_status teamday_list_add(struct hop_app *app, int64_t team_id,
                                 struct hop_teamday_list *out, struct hop_err *err);
/* Append what is left for the calendars of team_id's team days removed on
 * or after since (0 adds nothing): entries with `removed` set, the id their
 * events had, the days they no longer cover and the SEQUENCE of the
 * cancellation.  A live team day of the same id on a day wins over it. */
enum hop_status teamday_removed_add(struct hop_app *app, int64_t team_id, hop_date since,
                                    struct hop_teamday_list *out, struct hop_err *err);
/* Is day a presence day of team_id?  note (may be NULL, HOP_PRESENCE_NOTE_MAX
 * + 1 bytes) gets its note. */
enum hop_status teamday_on(struct hop_app *app, int64_t team_id, hop_date day, bool *is,
                           char *note, struct hop_err *err);

struct teamday_suggest_day {
	hop_date day;
	bool working;
	char why[HOP_WHY_MAX];
	int in_office;                         /* members whose effective location is office */
	int can_come;                          /* members that day not away nor on a trip:
	                                          whom a presence day brings in */
	int with_desk;                         /* ... of them holding a desk booking that day */
	int desks;                             /* active desks in the team's zones */
	int desks_free;                        /* ... with no booking that day (a fixed desk is
	                                          its owner's, who is among can_come) */
	int short_by;                          /* desks missing for everyone who can come:
	                                          can_come - with_desk - desks_free, at least 0 */
	bool enough;                           /* working, someone can come, short_by == 0 */
	bool suggested;
};
struct teamday_suggestion {
	struct hop_team team;
	hop_date monday;
	int members;
	struct teamday_suggest_day days[PRESENCE_DAYS];
	unsigned weekdays;                     /* the suggested weekday bits (0 = none) */
	/* No day with enough desks (weekdays == 0): the best day, the one where
	 * the most can get a desk (-1: nobody can come on any working day), and
	 * what could close the gap: the zone elsewhere at the team's site with
	 * the most desks anyone may book free that day (zone_free 0 = none), and
	 * the first day of the next SUGGEST_WEEKS weeks with desks for everyone
	 * who can come (HOP_DATE_NONE = none). */
	int best;
	char zone[HOP_ZONE_NAME_MAX + 1];
	char floor[HOP_FLOOR_NAME_MAX + 1];
	int zone_free;
	hop_date later;
};
#define SUGGEST_WEEKS 4
/* The working weekday(s) of the week on which every member who can come
 * (not away, not on a trip) can have a desk in the team's zones, the most
 * of them first, then the most already planning office (ties: all of
 * them).  When there is none, the best day and what could help. */
enum hop_status teamday_suggest(struct hop_app *app, const char *team, hop_date monday,
                                struct teamday_suggestion *out, struct hop_err *err);

/* ---- the office agreement ---- */

enum agreement_rule {
	RULE_MAX_HOME,      /* more home + mobile days than [policy] max_home_days */
	RULE_MIN_OFFICE,    /* fewer office days than [policy] min_office_days */
	RULE_ONBOARDING,    /* a new hire not in the office in the first weeks */
	RULE_TEAM_DAY,      /* not in the office on a team presence day */
};
/* "max-home-days", "min-office-days", "onboarding", "team-day" (untranslated). */
const char *agreement_rule_name(enum agreement_rule r);

struct agreement_deviation {
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];
	int iso_year, iso_week;
	hop_date day;                          /* the day for day rules, else HOP_DATE_NONE */
	enum agreement_rule rule;
	char text[400];                        /* the explanation, translated */
};
struct agreement_list { struct agreement_deviation *v; size_t n, cap; };
void agreement_list_free(struct agreement_list *l);

/* Each deviation of the people of team (NULL = everyone) in the ISO weeks
 * that [from, to] touches (whole weeks), ordered by week, person, day.
 * Only working days count.  The minimum of office days shrinks in a week with
 * holidays or away/trip days: required = min(min_office_days, working days
 * not away or on a trip).  Days with no location set count as neither home
 * nor office.  New hires: every working day of their first
 * onboarding_office_weeks weeks (from the start date) not in the office. */
enum hop_status agreement_check(struct hop_app *app, const char *team, hop_date from,
                                hop_date to, struct agreement_list *out, struct hop_err *err);

/* ---- the Week screen and 'hop week' ---- */

struct presence_cell {
	enum presence_loc loc;                 /* effective */
	enum presence_source source;
	char note[HOP_PRESENCE_NOTE_MAX + 1];
	char desk[HOP_CODE_MAX + 1];           /* desk booked that day, "" = none */
	unsigned desk_half;                    /* HALF_AM, HALF_PM, HALF_DAY; 0 = none */
	bool deviation;                        /* a day rule is broken here (see deviations) */
	char set_by[HOP_SET_BY_MAX];           /* the day's entry set by someone else:
	                                          "Maria Eins (lead)"; "" = by the person */
	char set_by_login[HOP_LOGIN_MAX + 1];
};
struct presence_row {
	struct hop_person person;
	struct presence_cell days[PRESENCE_DAYS];
	int deviations;                        /* this person's entries in week.dev */
	unsigned member;                       /* bit d: a member of the team on monday + d */
};
struct presence_week_day {
	hop_date day;
	bool working;
	char why[HOP_WHY_MAX];                 /* !working: the holiday, closure or weekend */
	bool team_day;
	char team_day_note[HOP_PRESENCE_NOTE_MAX + 1];
	int in_office;                         /* rows whose location is office */
	int desks;                             /* active desks in the team's zones */
	int desks_free;                        /* ... with no booking that day, fixed desks
	                                          of owners planning office excluded */
	int desks_claimed;                     /* fixed desks kept free for their owners,
	                                          who plan office but have not booked */
};
struct presence_week {
	struct hop_team team;
	int64_t site_id;                       /* the team's site (its first zone's), 0 = none */
	hop_date monday;
	int iso_year, iso_week;
	struct presence_week_day days[PRESENCE_DAYS];
	struct presence_row *rows;             /* the team's current members, ordered
	                                          like person_list */
	size_t nrows;
	struct agreement_list dev;             /* the week's deviations */
};
/* The week of team (NULL = the actor's team) starting monday (any day: its
 * week's Monday is taken).  A fixed number of queries however large the team. */
enum hop_status presence_week(struct hop_app *app, const char *team, hop_date monday,
                              struct presence_week *out, struct hop_err *err);
void presence_week_free(struct presence_week *w);
/* "KW 48 · 23.–27.11.2026"; across months "KW 53 · 28.12.2026–1.1.2027"
 * (German numbering in both languages: KW is how weeks are named here). */
char *presence_week_label(hop_date monday, char *buf, size_t size);

/* ---- forecast ---- */

struct forecast_day {
	hop_date day;
	bool working;
	char why[HOP_WHY_MAX];
	int planned;                           /* people whose location is office */
	int desks;                             /* bookable desks (active, rooms excluded) */
	int booked;                            /* desks with a booking that day */
	bool over;                             /* planned > desks */
};
struct forecast {
	hop_date monday;
	int64_t site_id;                       /* 0 = all sites */
	char site[HOP_SITE_NAME_MAX + 1];      /* "" = all */
	struct forecast_day days[PRESENCE_DAYS];
};
/* People count at a site by their desk booking that day, else their fixed
 * desk's site, else their team's zone's site; site NULL = all. */
enum hop_status forecast_week(struct hop_app *app, const char *site, hop_date monday,
                              struct forecast *out, struct hop_err *err);

#endif
