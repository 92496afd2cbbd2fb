/* Shared inside src/core/rotation (rot-due's part): who the actor may see,
 * and time in an area computed from a person's periods. */
#ifndef HOP_ROT_INT_H
#define HOP_ROT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_app;

/* Whom a list covers: the SQL condition ROT_SCOPE_SQL over a person p with
 * the parameters bound by rot_scope_bind from ?first on (four of them). */
struct rot_scope {
	int64_t person_id;   /* one person, 0 = any */
	int64_t team_id;     /* today's members of one team, 0 = any */
	int64_t self;        /* restricted to oneself (and led teams), 0 = everyone */
	int64_t lead;        /* the teams this person leads, -1 = none */
};
#define ROT_SCOPE_SQL(a, b, c, d) \
	"(?" a " = 0 OR p.id = ?" a ") AND (?" b " = 0 OR p.team_id = ?" b ") " \
	"AND (?" c " = 0 OR p.id = ?" c " OR p.team_id IN (SELECT lt.id FROM team lt " \
	"WHERE lt.lead_id = ?" d " AND lt.dissolved_on IS NULL)) "

/* The scope of team (NULL: as the actor may see) and login (NULL: everyone
 * in scope), refused when the actor may not see them. */
enum hop_status rot_scope_make(struct hop_app *app, const char *team, const char *login,
                               struct rot_scope *s, struct hop_err *err);
struct db_stmt;
void rot_scope_bind(struct db_stmt *st, int first, const struct rot_scope *s);

/* A period of a person as time in an area reads it. */
struct rot_period {
	int64_t team_id;
	hop_date start, end;   /* end HOP_DATE_NONE = open */
	int rank;              /* 2 secondment, 1 station, 0 post */
	bool outside;          /* a secondment to another authority */
};
/* Does team_id count for what is measured (an area's teams, or one team)? */
typedef bool (*rot_in_fn)(const void *ctx, int64_t team_id);
/* The first day of the stretch that day lies in: periods (by start) whose
 * team is in, joined across gaps and secondments elsewhere shorter than
 * reset_months; a post or station elsewhere ends the stretch.  Walks back
 * from day; HOP_DATE_NONE when day is not in such a stretch. */
hop_date rot_since(const struct rot_period *p, size_t n, hop_date day, rot_in_fn in,
                   const void *ctx, int reset_months);
/* The person's post or station on day (a station over a post), else the
 * last one begun before it; NULL when none. */
const struct rot_period *rot_anchor(const struct rot_period *p, size_t n, hop_date day);

/* The person's due date now, as the due list computes it (no horizon, no
 * permission check): HOP_DATE_NONE when no rotation is due; *area_id the
 * area (0 for a lead outside any area). */
enum hop_status rot_due_of(struct hop_app *app, int64_t person_id, hop_date *due,
                           int64_t *area_id, struct hop_err *err);

#endif
