/* The members of a team on each day of a stretch, in one query: what the
 * week of a team and its feed list, so that someone who joins mid-week is
 * there from their first day and nowhere before. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/people/membership.h"

/* The days of the stretch as rows, each bound as ISO text and those past the
 * stretch NULL (they join nothing): no date arithmetic in SQL, which SQLite
 * (date(day, '+1 day')) and PostgreSQL spell differently. */
#define DAYS_MAX 32
#define DAYS_SQL \
	"(0, ?2), (1, ?3), (2, ?4), (3, ?5), (4, ?6), (5, ?7), (6, ?8), " \
	"(7, ?9), (8, ?10), (9, ?11), (10, ?12), (11, ?13), (12, ?14), " \
	"(13, ?15), (14, ?16), (15, ?17), (16, ?18), (17, ?19), (18, ?20), " \
	"(19, ?21), (20, ?22), (21, ?23), (22, ?24), (23, ?25), (24, ?26), " \
	"(25, ?27), (26, ?28), (27, ?29), (28, ?30), (29, ?31), (30, ?32), " \
	"(31, ?33)"

enum hop_status membership_team_days(struct hop_app *app, int64_t team_id, hop_date from,
                                     int ndays, struct membership_days **out, size_t *n,
                                     struct hop_err *err)
{
	/* The days as rows, each joined to the team's memberships through the
	 * index membership_team. */
	struct db_stmt *st = db_stmt(app->db, "WITH d(i, day) AS (VALUES " DAYS_SQL ") "
	                           "SELECT m.person_id, d.i FROM d JOIN membership m "
	                           "ON m.team_id = ?1 AND " MEMBERSHIP_ON_SQL("d.day")
	                           "ORDER BY m.person_id", err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return err->status;
	if (ndays > DAYS_MAX)
		ndays = DAYS_MAX;
	db_bind_int64(st, 1, team_id);
	for (int i = 0; i < ndays; i++)
		db_bind_date(st, 2 + i, from + i);
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

/* ---- the periods of many people, resolved in memory ---- */

void membership_spans_free(struct membership_spans *s)
{
	if (!s)
		return;
	free(s->v);
	memset(s, 0, sizeof *s);
}

enum hop_status membership_spans_load(struct hop_app *app, int64_t team_id, int64_t person_id,
                                      hop_date from, hop_date to, struct membership_spans *out,
                                      struct hop_err *err)
{
	struct db_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	/* Acting posts are held besides one's team and never decide it. */
	if (person_id)
		st = db_stmt(app->db, "SELECT person_id, CASE WHEN host IS NULL THEN team_id ELSE 0 END, "
		             "start_on, end_on, CASE kind WHEN 'secondment' THEN 2 WHEN 'station' THEN 1 "
		             "ELSE 0 END FROM membership WHERE person_id = ?2 "
		             "AND kind <> 'acting' AND start_on <= ?4 "
		             "AND (end_on IS NULL OR end_on >= ?3) ORDER BY start_on, id", err);
	else if (team_id)
		st = db_stmt(app->db, "SELECT m.person_id, CASE WHEN m.host IS NULL THEN m.team_id ELSE 0 END, "
		             "m.start_on, m.end_on, " MEMBERSHIP_RANK_SQL " FROM membership m "
		             "WHERE m.person_id IN "
		             "(SELECT t.person_id FROM membership t WHERE t.team_id = ?1 "
		             "AND t.kind <> 'acting' AND t.start_on <= ?4 "
		             "AND (t.end_on IS NULL OR t.end_on >= ?3)) "
		             "AND m.kind <> 'acting' AND m.start_on <= ?4 "
		             "AND (m.end_on IS NULL OR m.end_on >= ?3) "
		             "ORDER BY m.person_id, m.start_on, m.id", err);
	else
		st = db_stmt(app->db, "SELECT person_id, CASE WHEN host IS NULL THEN team_id ELSE 0 END, "
		             "start_on, end_on, CASE kind WHEN 'secondment' THEN 2 WHEN 'station' THEN 1 "
		             "ELSE 0 END FROM membership WHERE kind <> 'acting' "
		             "AND start_on <= ?4 AND (end_on IS NULL OR end_on >= ?3) "
		             "AND ?1 = 0 AND ?2 = 0 ORDER BY person_id, start_on, id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	db_bind_int64(st, 2, person_id);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, to);
	while ((rc = db_step(st)) == DB_ROW) {
		struct membership_span *m;

		if (!vec_grow(&out->v, &cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			membership_spans_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading team "
			                "memberships"));
		}
		m = &out->v[out->n++];
		m->person_id = db_col_int64(st, 0);
		m->team_id = db_col_int64(st, 1);
		m->start = db_col_date(st, 2);
		m->end = db_col_date(st, 3);
		m->rank = db_col_int(st, 4);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		membership_spans_free(out);
		return db_fail(app->db, err, _("reading team memberships"));
	}
	return HOP_OK;
}

int64_t membership_spans_team(const struct membership_spans *s, int64_t person_id,
                              hop_date day)
{
	size_t lo = 0, hi = s->n;
	int64_t team = 0;
	hop_date best = HOP_DATE_NONE;

	while (lo < hi) {   /* the person's first period: v is in person order */
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid].person_id < person_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* As membership_team_on: a secondment covering the day wins, then a
	 * station, then the post; among equals the one that began last. */
	int rank = -1;

	for (size_t i = lo; i < s->n && s->v[i].person_id == person_id; i++) {
		const struct membership_span *m = &s->v[i];

		if (m->start > day || (m->end != HOP_DATE_NONE && m->end < day))
			continue;
		if (m->rank > rank || (m->rank == rank && m->start >= best)) {
			rank = m->rank;
			best = m->start;
			team = m->team_id;
		}
	}
	return team;
}
