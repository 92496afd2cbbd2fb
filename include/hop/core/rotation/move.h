/* Moves as HR makes them (src/core/rotation/move.c): an assignment of any
 * kind, inside the organisation or, for a secondment, outside to a named
 * authority; what a secondment needs (the flags of rotation.h); and, on
 * request, the handover checklist and the onboarding in the new team
 * (onboarding_start_move), all in one transaction.
 *
 * A rule of the house for the days of a secondment outside (ROT-6): the
 * person has no desk at home; rotation_away_on says so to the booking rules. */
#ifndef HOP_ROTATION_MOVE_H
#define HOP_ROTATION_MOVE_H

#include <stdbool.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/membership.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/rotation/rotation.h"

struct hop_app;

struct rotation_move {
	const char *login;
	/* Inside: the team the person goes to.  Outside (host set): the team
	 * they are seconded from; NULL, "" or "-": their team on the first day. */
	const char *team;
	enum membership_kind kind;              /* MEMBER_SECONDMENT when host is set */
	const char *host;                       /* NULL: inside the organisation */
	enum membership_host_level level;       /* HOST_NONE: from the host's prefix, else other */
	hop_date from, until;                   /* until HOP_DATE_NONE: open */
	bool handover;                          /* start the handover and the onboarding */
};
struct rotation_move_result {
	int64_t membership_id;                  /* 0 when not known (inside) */
	char team[HOP_TEAM_NAME_MAX + 1];       /* the team gone to, or seconded from */
	char host[HOP_HOST_MAX + 1];            /* outside: the authority as stored */
	enum membership_host_level level;
	bool secondment;                        /* flags apply */
	struct rotation_flags flags;
	struct onb_move_report move;            /* with handover: what started */
};
/* Make the move: membership_add or membership_add_external, and with
 * handover onboarding_start_move from the team the person is in the day
 * before `from` (their post's team when none) to the team gone to (none for
 * a secondment outside).  HR and admins.  Audited by the parts. */
enum hop_status rotation_move(struct hop_app *app, const struct rotation_move *m,
                              struct rotation_move_result *out, struct hop_err *err);

/* "Land: Finanzministerium NRW": a host named with its level in front (a
 * word membership_host_level_parse knows, then a colon).  *level and host
 * (size bytes) the parts; text without such a prefix is the host as it is,
 * *level HOST_NONE. */
void rotation_host_split(const char *text, char *host, size_t size,
                         enum membership_host_level *level);

/* Is person_id on a secondment outside on day: *away, and the host and the
 * period (host HOP_HOST_MAX + 1 bytes, may be NULL). */
enum hop_status rotation_away_on(struct hop_app *app, int64_t person_id, hop_date day,
                                 bool *away, char *host, hop_date *start, hop_date *end,
                                 struct hop_err *err);

#endif
