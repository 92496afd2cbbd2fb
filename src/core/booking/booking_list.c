/* Listing bookings: by person, desk, team, site and days.  Each list is one
 * query on an index (person/day, desk/day, or the day index over active
 * bookings), with names hidden as the privacy rule says as rows are read.
 * Also the team and site filters' look-up, which who is in and what is free
 * (booking_who.c) use too. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "booking_int.h"

/* A list covers at most this many days: a few years of one person or desk. */
#define LIST_DAYS_MAX 3660

static int list_cmp(const void *a, const void *b)
{
	const struct hop_booking *x = a, *y = b;
	int c;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	/* Morning first: a whole-day and a morning booking start together. */
	if ((x->half & HALF_AM) != (y->half & HALF_AM))
		return (x->half & HALF_AM) ? -1 : 1;
	if ((c = fold_collate(x->site, strlen(x->site), y->site, strlen(y->site))) != 0)
		return c;
	if ((c = desk_code_compare(x->desk, y->desk)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

enum hop_status bk_resolve_team_site(struct hop_app *app, const char *team, const char *site,
                                     int64_t *team_id, int64_t *site_id, struct hop_err *err)
{
	*team_id = *site_id = 0;
	if (team && *team) {
		struct hop_team t;
		if (team_find(app, team, &t, err) != HOP_OK)
			return err->status;
		*team_id = t.id;
	}
	if (site && *site) {
		struct hop_site s;
		if (site_get(app, site, &s, err) != HOP_OK)
			return err->status;
		*site_id = s.id;
	}
	return HOP_OK;
}

enum hop_status bk_list_days(struct hop_app *app, const struct booking_filter *f,
                             hop_date *from, hop_date *to, struct hop_err *err)
{
	char a[HOP_DATE_HUMAN_LEN], b[HOP_DATE_HUMAN_LEN];

	*from = f->from != HOP_DATE_NONE ? f->from : clock_today();
	*to = f->to != HOP_DATE_NONE ? f->to : *from + app->cfg.booking_horizon_days;
	if (*to < *from)
		return hop_fail(err, HOP_EINVAL, _("the days end on %s, before they start on %s; give "
		                "the first day first"), date_format_human(*to, a, sizeof a),
		                date_format_human(*from, b, sizeof b));
	if (*to - *from > LIST_DAYS_MAX)
		return hop_fail(err, HOP_EINVAL, _("%s to %s is more than ten years; give a shorter "
		                "stretch"), date_format_human(*from, a, sizeof a),
		                date_format_human(*to, b, sizeof b));
	return HOP_OK;
}

/* A team's bookings: those of its members on the day booked. */
#define TEAM_ON_DAY "(?6 = 0 OR EXISTS (SELECT 1 FROM membership m WHERE " \
	"m.person_id = b.person_id AND m.team_id = ?6 AND " MEMBERSHIP_ON_SQL("b.day") "))"

/* The statement for f, bound, and whether its hidden rows must go. */
static enum hop_status list_prepare(struct hop_app *app, const struct booking_filter *f,
                                    struct db_stmt **out, bool *drop_hidden, struct hop_err *err)
{
	static const struct booking_filter none = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	int64_t person_id = 0, desk_id = 0, team_id, site_id;
	hop_date from, to;
	struct db_stmt *st;

	*out = NULL;
	if (!f)
		f = &none;
	if (bk_list_days(app, f, &from, &to, err) != HOP_OK)
		return err->status;
	if (f->mine) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		person_id = app->actor.person.id;
	} else if (f->person && *f->person) {
		struct hop_person p;
		if (person_get(app, f->person, &p, err) != HOP_OK)
			return err->status;
		person_id = p.id;
	}
	if (f->desk && *f->desk) {
		struct bk_place p;
		if (bk_place_get(app, f->desk, &p, err) != HOP_OK)
			return err->status;
		desk_id = p.id;
	}
	if (bk_resolve_team_site(app, f->team, f->site, &team_id, &site_id, err) != HOP_OK)
		return err->status;

	/* One statement per access path, so that each runs on its index; a
	 * statement ignores the parameters it does not name.  A site's bookings
	 * are read desk by desk (booking_desk_day): the day index holds active
	 * bookings only, and a feed wants the cancelled ones too. */
	if (person_id)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.person_id = ?1 AND b.day BETWEEN ?2 AND ?3 "
		             "AND (?4 <> 0 OR b.cancelled_at IS NULL) AND (?5 = 0 OR b.desk_id = ?5) "
		             "AND " TEAM_ON_DAY " AND (?7 = 0 OR s.id = ?7)", err);
	else if (desk_id)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.desk_id = ?5 AND b.day BETWEEN ?2 AND ?3 "
		             "AND (?4 <> 0 OR b.cancelled_at IS NULL) AND (?1 = 0 OR b.person_id = ?1) "
		             "AND " TEAM_ON_DAY " AND (?7 = 0 OR s.id = ?7)", err);
	else if (site_id && f->include_cancelled)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE s.id = ?7 AND b.day BETWEEN ?2 AND ?3 "
		             "AND " TEAM_ON_DAY, err);
	else if (!f->include_cancelled)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.day BETWEEN ?2 AND ?3 "
		             "AND b.cancelled_at IS NULL "
		             "AND " TEAM_ON_DAY " AND (?7 = 0 OR s.id = ?7)", err);
	else
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.day BETWEEN ?2 AND ?3 "
		             "AND " TEAM_ON_DAY " AND (?7 = 0 OR s.id = ?7)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	db_bind_int(st, 4, f->include_cancelled);
	db_bind_int64(st, 5, desk_id);
	db_bind_int64(st, 6, team_id);
	db_bind_int64(st, 7, site_id);
	/* Asking for a person's or a team's bookings must not tell whose the
	 * hidden ones are: those rows go. */
	*drop_hidden = (person_id && !f->whole_person) || team_id;
	*out = st;
	return HOP_OK;
}

enum hop_status booking_each(struct hop_app *app, const struct booking_filter *f,
                             booking_fn fn, void *ctx, struct hop_err *err)
{
	struct hop_booking b;
	struct db_stmt *st;
	bool drop_hidden = false;
	int rc;

	if (list_prepare(app, f, &st, &drop_hidden, err) != HOP_OK)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		booking_read(app, st, &b);
		if (drop_hidden && b.hidden)
			continue;
		if (fn(ctx, &b, err) != HOP_OK) {
			db_reset(st);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

static enum hop_status list_push(void *ctx, const struct hop_booking *b, struct hop_err *err)
{
	return booking_list_push(ctx, b, err);
}

enum hop_status booking_list(struct hop_app *app, const struct booking_filter *f,
                             struct hop_booking_list *out, struct hop_err *err)
{
	memset(out, 0, sizeof *out);
	if (booking_each(app, f, list_push, out, err) != HOP_OK) {
		booking_list_free(out);
		return err->status;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, list_cmp);
	return HOP_OK;
}
