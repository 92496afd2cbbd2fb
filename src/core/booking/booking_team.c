/* Which team a person is in on the day booked: for one person (the one
 * booked for) from their memberships, and for a day's list of everyone's
 * bookings as the few people whose team that day is not today's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "booking_int.h"

enum hop_status bk_person_on(struct hop_app *app, const struct hop_person *person, hop_date day,
                             struct hop_person *out, struct hop_err *err)
{
	struct db_stmt *st;
	int64_t team;
	int rc;

	*out = *person;
	if (!person->id || day == HOP_DATE_NONE)
		return HOP_OK;
	if (membership_team_on(app, person->id, day, &team, err) != HOP_OK)
		return err->status;
	if (team == person->team_id)
		return HOP_OK;
	out->team_id = team;
	out->team[0] = '\0';
	if (!team)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT name FROM team WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team);
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, out->team, sizeof out->team);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading the teams"));
	return HOP_OK;
}

void bk_team_moves_free(struct bk_team_moves *m)
{
	if (!m)
		return;
	free(m->ids);
	free(m->team);
	memset(m, 0, sizeof *m);
}

enum hop_status bk_team_moves(struct hop_app *app, hop_date day, struct bk_team_moves *out,
                              struct hop_err *err)
{
	hop_date today = clock_today();
	hop_date lo = day < today ? day : today, hi = day < today ? today : day;
	size_t cap = 0;
	struct db_stmt *st;
	bool oom = false;
	int rc;

	memset(out, 0, sizeof *out);
	if (day == HOP_DATE_NONE || day == today)
		return HOP_OK;
	/* A period in force on one of the two days and not on the other began
	 * after lo up to hi, or ended from lo to before hi (as membership_refresh
	 * has it); for those people, the team on the day as membership_team_on
	 * answers it.  Not a new hire's first post still to come: the cache holds
	 * it already (and new hires are most of the periods that begin soon). */
	st = db_stmt(app->db, "SELECT p.id, coalesce(" MEMBERSHIP_TEAM_SQL("p.id", "?1") ", 0) "
	             "FROM person p WHERE p.id IN ("
	             "SELECT s.person_id FROM membership s WHERE s.start_on > ?2 AND s.start_on <= ?3 "
	             "AND NOT (s.kind IN ('post', 'station') AND s.start_on > ?4 AND NOT EXISTS ("
	             "SELECT 1 FROM membership e WHERE e.person_id = s.person_id "
	             "AND e.start_on < s.start_on)) "
	             "UNION SELECT person_id FROM membership WHERE end_on >= ?2 AND end_on < ?3) "
	             "ORDER BY p.id", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, day);
	db_bind_date(st, 2, lo);
	db_bind_date(st, 3, hi);
	db_bind_date(st, 4, today);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((oom = !bk_fit(&out->team, sizeof *out->team, &out->ids, out->n, &cap)))
			break;
		out->ids[out->n] = db_col_int64(st, 0);
		out->team[out->n++] = db_col_int64(st, 1);
	}
	db_reset(st);
	if (oom || rc != DB_DONE) {
		bk_team_moves_free(out);
		return oom ? hop_fail(err, HOP_ENOMEM, _("out of memory while reading team "
		                      "memberships")) : db_fail(app->db, err, _("reading team "
		                      "memberships"));
	}
	return HOP_OK;
}

int64_t bk_team_on(const struct bk_team_moves *m, int64_t person, int64_t cached)
{
	size_t i;

	if (!m || !m->n)
		return cached;
	i = bk_find_id(m->ids, m->n, person);
	return i == SIZE_MAX ? cached : m->team[i];
}
