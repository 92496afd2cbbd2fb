/* The members of a team on each day of a stretch, in one query: what the
 * week of a team and its feed list, so that someone who joins mid-week is
 * there from their first day and nowhere before. */
#include <stdlib.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/people/membership.h"

enum hop_status membership_team_days(struct hop_app *app, int64_t team_id, hop_date from,
                                     int ndays, struct membership_days **out, size_t *n,
                                     struct hop_err *err)
{
	/* The days as rows, each joined to the team's memberships through the
	 * index membership_team (PostgreSQL: generate_series). */
	struct db_stmt *st = db_stmt(app->db, "WITH RECURSIVE d(i, day) AS (SELECT 0, ?2 "
	                           "UNION ALL SELECT i + 1, date(day, '+1 day') FROM d WHERE i + 1 < ?3) "
	                           "SELECT m.person_id, d.i FROM d JOIN membership m "
	                           "ON m.team_id = ?1 AND " MEMBERSHIP_ON_SQL("d.day")
	                           "ORDER BY m.person_id", err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return err->status;
	if (ndays > 32)
		ndays = 32;
	db_bind_int64(st, 1, team_id);
	db_bind_date(st, 2, from);
	db_bind_int(st, 3, ndays);
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);
		int d = db_col_int(st, 1);

		if (d < 0 || d >= ndays)
			continue;
		if (!*n || (*out)[*n - 1].person_id != id) {
			if (!vec_grow(out, &cap, *n + 1, sizeof **out)) {
				db_reset(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return hop_fail(err, HOP_ENOMEM, _("out of memory while reading team "
				                "memberships"));
			}
			(*out)[*n].person_id = id;
			(*out)[(*n)++].days = 0;
		}
		(*out)[*n - 1].days |= 1u << d;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(app->db, err, _("reading team memberships"));
	}
	return HOP_OK;
}
