/* Status codes and the message a person can act on.
 *
 * Every fallible function in core, db and config returns an enum hop_status and
 * fills a struct hop_err with a complete sentence ("desk 3.14 is already booked
 * by Anna Berg on Tue 24 Nov (AM)"); the front end decides how to show it.
 *
 * The sentence says what is wrong in words any front end can show; it names
 * no command and no option.  A refusal that has a remedy also carries its
 * reason and the facts the remedy needs, and each front end phrases the
 * remedy its own way: the command line "cancel it first with 'hop cancel
 * 2026-11-24 1.08'" (cli_advice), the screens "d on the Desks screen cancels
 * it" (tui_advice). */
#ifndef HOP_ERR_H
#define HOP_ERR_H

#include <stdbool.h>
#include <stdint.h>

enum hop_status {
	HOP_OK = 0,
	HOP_EINVAL,     /* bad input: a value, a line of a file, an argument */
	HOP_ENOTFOUND,  /* no such person, team, desk, file */
	HOP_EPERM,      /* the acting user may not do this */
	HOP_ECONFLICT,  /* already exists, already booked, still referenced */
	HOP_EDB,        /* the database failed or is unusable (too new, corrupt) */
	HOP_EIO,        /* reading or writing a file failed */
	HOP_ENOMEM,
};

/* The kinds of refusal a front end can advise on.  Each comment names the
 * facts (struct hop_facts) the refusal carries; the others are empty. */
enum hop_reason {
	HOP_R_NONE = 0,           /* the sentence says it all */
	/* Something named does not exist, or nothing was named. */
	HOP_R_NO_PERSON,          /* login (as typed) */
	HOP_R_NO_TEAM,            /* - */
	HOP_R_PERSON_AMBIGUOUS,   /* n (the people a reference could be) */
	HOP_R_TEAM_AMBIGUOUS,     /* n (the teams) */
	HOP_R_NO_TEAM_GIVEN,      /* - */
	HOP_R_NOT_IN_TEAM,        /* -: the acting person has no team to default to */
	HOP_R_NO_SITE,            /* site */
	HOP_R_NO_ZONE,            /* site, when the zone was looked for on one */
	HOP_R_NO_PLACE,           /* place */
	HOP_R_NO_PLACE_TO_BOOK,   /* place */
	HOP_R_NO_DESK_GIVEN,      /* - */
	HOP_R_NO_BOOKING,         /* login, self, day; place when one was named */
	HOP_R_NO_TEAMDAY,         /* team (its slug) */
	HOP_R_NO_PERIOD,          /* - */
	/* A place cannot be booked. */
	HOP_R_PLACE_BOOKED,       /* place, day */
	HOP_R_FIXED_DESK_CLAIMED, /* place, day */
	HOP_R_HOLDS_DESK,         /* place, day, login, self: one desk per person */
	HOP_R_NO_FREE_PLACE,      /* day */
	HOP_R_PLACE_RETIRED,      /* place */
	HOP_R_TEAM_PLACE,         /* team (its name): the place is for its team only */
	HOP_R_LEADS_PLACE,        /* -: the place is for team leads only */
	HOP_R_GROUP_NEEDS_ROOM,   /* place, n (the group) */
	HOP_R_ROOM_TOO_SMALL,     /* place, n (the group) */
	/* How to ask for a place. */
	HOP_R_DESK_AND_ANY,       /* -: a desk code and "any free desk" together */
	HOP_R_DESK_OR_ANY,        /* -: neither */
	HOP_R_ANY_ONLY,           /* -: zone, attributes, near team with a desk code */
	HOP_R_NEAR_TEAM_NO_TEAM,  /* login */
	HOP_R_SERIES_NO_END,      /* - */
	HOP_R_UNTIL_BEFORE_FROM,  /* day (the last day) */
	HOP_R_TO_BEFORE_FROM,     /* - */
	/* Managing teams and places. */
	HOP_R_TEAM_DISSOLVED,     /* - */
	HOP_R_TEAM_HAS_MEMBERS,   /* team (its slug), n */
	HOP_R_DESK_FOR_ONE,       /* place, n (the capacity asked for) */
	HOP_R_ROOM_CAPACITY,      /* place */
	HOP_R_ZONE_WITHOUT_TEAM,  /* place, zone */
	HOP_R_ZONE_TEAM_PLACES,   /* zone, n */
	HOP_R_CODE_RETIRED,       /* place */
	HOP_R_ALREADY_RETIRED,    /* place */
	HOP_R_ROOM_NOT_DESK,      /* place */
	HOP_R_DESK_NOT_ROOM,      /* place */
	HOP_R_CLOSURES_BY_FACILITIES, /* - */
	/* Importing: the rows say what is missing, the report once how to go on. */
	HOP_R_IMPORT_NO_TEAM,     /* - */
	/* Training. */
	HOP_R_NO_COURSE,          /* - */
	/* Rotation. */
	HOP_R_NO_AREA,            /* - */
	HOP_R_NO_ROTATION_EXCEPTION, /* login */
	/* Booking for others. */
	HOP_R_BOOK_FOR_SELF_ONLY, /* self: the actor may book for no one else */
};
#define HOP_R_LAST HOP_R_BOOK_FOR_SELF_ONLY   /* the last reason, for tests over all */

/* The facts of a refusal, for a front end's advice.  Sized for hop's limits
 * (core checks that they fit). */
struct hop_facts {
	char place[40];           /* a desk or room code */
	char login[40];           /* the person concerned */
	char team[128];           /* a team: its name or slug, as the reason says */
	char site[128];           /* a site's name */
	char zone[64];            /* a zone's name */
	int32_t day;              /* a hop_date (base/date.h) */
	int n;                    /* a number: people, places, members */
	bool self;                /* the person concerned is the one acting */
};

#define HOP_ERR_MSG_MAX 2048

struct hop_err {
	enum hop_status status;
	enum hop_reason reason;   /* HOP_R_NONE unless hop_refuse set one */
	struct hop_facts facts;
	char msg[HOP_ERR_MSG_MAX];
};

/* Record a failure and return st, so that callers can write
 *   return hop_fail(err, HOP_EINVAL, _("..."), ...);
 * err may be NULL.  The message is already translated by the caller.  The
 * reason is HOP_R_NONE. */
enum hop_status hop_fail(struct hop_err *err, enum hop_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The facts as the caller has them, for hop_refuse to copy; NULL strings and
 * zero numbers are facts this refusal does not have. */
struct hop_about {
	const char *place, *login, *team, *site, *zone;
	int32_t day;
	int n;
	bool self;
};

/* The facts in one expression: HOP_ABOUT(.place = code, .day = day). */
#define HOP_ABOUT(...) (&(struct hop_about){ __VA_ARGS__ })

/* hop_fail with a reason and its facts (about may be NULL):
 *   return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_SITE, HOP_ABOUT(.site = name),
 *                     _("there is no site '%s'"), name); */
enum hop_status hop_refuse(struct hop_err *err, enum hop_status st, enum hop_reason reason,
                           const struct hop_about *about, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Put a prefix ("people.csv:12: ") in front of a message already recorded;
 * the reason and facts stay. */
void hop_err_prefix(struct hop_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void hop_err_clear(struct hop_err *err);

/* Process exit status for a failure: 1 for most, documented in hop(1). */
int hop_exit_status(enum hop_status st);

#endif
