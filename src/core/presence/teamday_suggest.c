/* Which weekday should the team meet?  A presence day brings in every member
 * who is not away or on a trip, so a day fits when each of them can have a
 * desk: one they already booked, or a free one in the team's zones.  Among
 * the days that fit, the one where most can come, then most already plan
 * the office.  When none fits, the day where the most can have a desk, how
 * many desks it is short, and what could close the gap: another zone at the
 * site with desks free that day, or a later week. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "presence_int.h"

/* Bit d of held[i]: row i holds a desk booking (not a room) on monday + d.
 * Counted whoever may see the booking: only numbers come out of it. */
static enum hop_status read_held(struct hop_app *app, const struct presence_week *w,
                                 unsigned *held, struct hop_err *err)
{
	struct pr_index ix;
	int64_t *ids = malloc((w->nrows ? w->nrows : 1) * sizeof *ids);
	struct db_stmt *st;
	int rc;

	if (!ids)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the week"));
	for (size_t i = 0; i < w->nrows; i++)
		ids[i] = w->rows[i].person.id;
	rc = pr_index_build(&ix, ids, w->nrows, err);
	free(ids);
	if (rc != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT b.person_id, b.day FROM membership m "
	                           "JOIN booking b ON b.person_id = m.person_id "
	                           "WHERE m.team_id = ?1 AND " MEMBERSHIP_ON_SQL("b.day")
	                           "AND b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
	                           "AND b.is_room = 0", err);
	if (!st) {
		pr_index_free(&ix);
		return err->status;
	}
	db_bind_int64(st, 1, w->team.id);
	db_bind_date(st, 2, w->monday);
	db_bind_date(st, 3, w->monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date day = db_col_date(st, 1);
		size_t i;

		if (day != HOP_DATE_NONE && day >= w->monday && day < w->monday + PRESENCE_DAYS &&
		    pr_index_find(&ix, db_col_int64(st, 0), &i))
			held[i] |= 1u << (day - w->monday);
	}
	db_reset(st);
	pr_index_free(&ix);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

/* The days of the week from monday, counted; the team's site into *site. */
static enum hop_status count_week(struct hop_app *app, const char *team, hop_date monday,
                                  struct teamday_suggestion *out, int64_t *site,
                                  struct hop_err *err)
{
	struct presence_week w;
	unsigned *held;

	if (presence_week(app, team, monday, &w, err) != HOP_OK)
		return err->status;
	held = calloc(w.nrows ? w.nrows : 1, sizeof *held);
	if (!held) {
		presence_week_free(&w);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the week"));
	}
	if (read_held(app, &w, held, err) != HOP_OK) {
		free(held);
		presence_week_free(&w);
		return err->status;
	}
	out->team = w.team;
	out->monday = w.monday;
	out->members = (int)w.nrows;
	*site = w.site_id;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		struct teamday_suggest_day *s = &out->days[d];
		int need;

		memset(s, 0, sizeof *s);
		s->day = w.days[d].day;
		s->working = w.days[d].working;
		snprintf(s->why, sizeof s->why, "%s", w.days[d].why);
		s->in_office = w.days[d].in_office;
		s->desks = w.days[d].desks;
		/* A fixed desk kept for an owner planning office serves that
		 * owner, who is among those who can come. */
		s->desks_free = w.days[d].desks_free + w.days[d].desks_claimed;
		for (size_t i = 0; i < w.nrows; i++) {
			enum presence_loc loc = w.rows[i].days[d].loc;

			if (!(w.rows[i].member & (1u << d)) || loc == LOC_AWAY || loc == LOC_TRIP)
				continue;
			s->can_come++;
			s->with_desk += (held[i] >> d) & 1;
		}
		need = s->can_come - s->with_desk - s->desks_free;
		s->short_by = need > 0 ? need : 0;
		s->enough = s->working && s->can_come > 0 && s->short_by == 0;
	}
	free(held);
	presence_week_free(&w);
	return HOP_OK;
}

/* Is day a better than day b?  Those that fit first; then the most who can
 * have a desk; then the fewest short; then the most already planning office. */
static int rank(const struct teamday_suggest_day *a, const struct teamday_suggest_day *b)
{
	int ca = a->can_come - a->short_by, cb = b->can_come - b->short_by;

	if (a->enough != b->enough)
		return a->enough ? 1 : -1;
	if (ca != cb)
		return ca > cb ? 1 : -1;
	if (a->short_by != b->short_by)
		return a->short_by < b->short_by ? 1 : -1;
	return a->in_office > b->in_office ? 1 : a->in_office < b->in_office ? -1 : 0;
}

/* The best candidate day of out (someone can come, a working day), -1 = none. */
static int best_day(const struct teamday_suggestion *out)
{
	int best = -1;

	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct teamday_suggest_day *s = &out->days[d];
		if (s->working && s->can_come > 0 && (best < 0 || rank(s, &out->days[best]) > 0))
			best = d;
	}
	return best;
}

/* The zone elsewhere at site with the most desks anyone may book free on day. */
static enum hop_status other_zone(struct hop_app *app, int64_t site, int64_t team_id,
                                  hop_date day, struct teamday_suggestion *out,
                                  struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT z.name, f.name, count(d.id) "
	                           "FROM desk d JOIN zone z ON z.id = d.zone_id "
	                           "JOIN floor f ON f.id = z.floor_id "
	                           "WHERE f.site_id = ?1 AND d.kind = 'desk' "
	                           "AND (z.team_id IS NULL OR z.team_id <> ?2) "
	                           "AND d.bookable_by = 'all' AND d.owner_id IS NULL "
	                           "AND (d.retired_on IS NULL OR d.retired_on > ?3) "
	                           "AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.desk_id = d.id "
	                           "AND b.day = ?3 AND b.cancelled_at IS NULL) "
	                           "GROUP BY z.id, z.name, f.name "
	                           "ORDER BY count(d.id) DESC, z.id LIMIT 1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, site);
	db_bind_int64(st, 2, team_id);
	db_bind_date(st, 3, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, out->zone, sizeof out->zone);
		db_col_copy(st, 1, out->floor, sizeof out->floor);
		out->zone_free = db_col_int(st, 2);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading desks"));
	return HOP_OK;
}

enum hop_status teamday_suggest(struct hop_app *app, const char *team, hop_date monday,
                                struct teamday_suggestion *out, struct hop_err *err)
{
	struct teamday_suggestion later;
	int64_t site;
	int best;

	memset(out, 0, sizeof *out);
	out->best = -1;
	out->later = HOP_DATE_NONE;
	if (!team || !*team)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NO_TEAM_GIVEN, NULL, _("no team given"));
	if (count_week(app, team, monday, out, &site, err) != HOP_OK)
		return err->status;
	if ((best = best_day(out)) < 0)
		return HOP_OK;
	if (out->days[best].enough) {
		for (int d = 0; d < PRESENCE_DAYS; d++)
			if (out->days[d].enough && rank(&out->days[d], &out->days[best]) == 0) {
				out->days[d].suggested = true;
				out->weekdays |= 1u << (d + 1);
			}
		return HOP_OK;
	}
	out->best = best;
	if (site && other_zone(app, site, out->team.id, out->days[best].day, out, err) != HOP_OK)
		return err->status;
	/* Leave, trips and holidays differ from week to week. */
	for (int k = 1; k <= SUGGEST_WEEKS; k++) {
		int b;

		memset(&later, 0, sizeof later);
		if (count_week(app, out->team.slug, out->monday + 7 * k, &later, &site, err) != HOP_OK)
			return err->status;
		if ((b = best_day(&later)) >= 0 && later.days[b].enough) {
			out->later = later.days[b].day;
			break;
		}
	}
	return HOP_OK;
}
