/* Bookings a move leaves behind (ROT-6): from a day on, those of people on a
 * secondment outside that day (no desk at home), and desks in a team's zone
 * booked for someone who is no longer in that team that day, where the zone
 * was theirs when they booked or its desk is kept for the team.  One query
 * over the bookings to come. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/rotation/rotation.h"

void rotation_conflict_list_free(struct rotation_conflict_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Each booking from ?1 on with the person's host that day (a secondment
 * outside) and their team that day (membership_team_on's answer). */
#define BOOKING_DAY_SQL \
	"SELECT b.day, b.person_id, b.created_at, d.code, d.kind AS dk, d.bookable_by, " \
	"z.team_id AS zt, " \
	"(SELECT m.host FROM membership m WHERE m.person_id = b.person_id " \
	"AND m.kind = 'secondment' AND m.host IS NOT NULL AND m.start_on <= b.day " \
	"AND (m.end_on IS NULL OR m.end_on >= b.day) ORDER BY m.start_on DESC LIMIT 1) AS host, " \
	MEMBERSHIP_TEAM_SQL("b.person_id", "b.day") " AS tn " \
	"FROM booking b JOIN desk d ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id " \
	"WHERE b.cancelled_at IS NULL AND b.day >= ?1"

enum hop_status rotation_conflicts(struct hop_app *app, const char *team, hop_date from,
                                   struct rotation_conflict_list *out, struct hop_err *err)
{
	struct hop_team t = { 0 };
	struct db_stmt *st;
	int64_t lead = 0, self = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (team && *team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	if (authz_rotation_move_scope(app, t.id, &lead, &self, err) != HOP_OK)
		return err->status;
	if (from == HOP_DATE_NONE)
		from = clock_today();
	/* Away: any place booked.  Another team's zone: a desk (not a room) in
	 * a zone of a team the person is not in that day, though in a team,
	 * kept for the team or theirs on the day it was booked. */
	st = db_stmt(app->db, "SELECT x.host IS NOT NULL, p.login, p.name, x.day, x.code, "
	             "coalesce(x.host, tt.name, ''), coalesce(zt.name, '') "
	             "FROM (" BOOKING_DAY_SQL ") x JOIN person p ON p.id = x.person_id "
	             "LEFT JOIN team tt ON tt.id = x.tn LEFT JOIN team zt ON zt.id = x.zt "
	             "WHERE (x.host IS NOT NULL OR (x.zt IS NOT NULL AND x.tn IS NOT NULL "
	             "AND x.tn <> x.zt AND x.dk = 'desk' "
	             "AND (x.bookable_by = 'team' OR EXISTS (SELECT 1 FROM membership m "
	             "WHERE m.person_id = x.person_id AND m.team_id = x.zt AND "
	             MEMBERSHIP_ON_SQL("substr(x.created_at, 1, 10)") ")))) "
	             "AND (?2 = 0 OR p.team_id = ?2 OR x.zt = ?2 OR x.tn = ?2) "
	             "AND ((?3 = 0 AND ?4 = 0) OR p.id = ?4 OR EXISTS (SELECT 1 FROM team l "
	             "WHERE l.lead_id = ?3 AND l.id IN (p.team_id, x.tn))) "
	             "ORDER BY x.day, p.name COLLATE hop, x.code", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, from);
	db_bind_int64(st, 2, t.id);
	db_bind_int64(st, 3, lead);
	db_bind_int64(st, 4, self);
	while ((rc = db_step(st)) == DB_ROW) {
		struct rotation_conflict *c;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			rotation_conflict_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing conflicts"));
		}
		c = &out->v[out->n++];
		memset(c, 0, sizeof *c);
		c->kind = db_col_int(st, 0) ? CONFLICT_AWAY : CONFLICT_OTHER_TEAM;
		db_col_copy(st, 1, c->login, sizeof c->login);
		db_col_copy(st, 2, c->name, sizeof c->name);
		c->day = db_col_date(st, 3);
		db_col_copy(st, 4, c->desk, sizeof c->desk);
		db_col_copy(st, 5, c->where, sizeof c->where);
		db_col_copy(st, 6, c->zone_team, sizeof c->zone_team);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		rotation_conflict_list_free(out);
		return db_fail(app->db, err, _("listing conflicts"));
	}
	return HOP_OK;
}
