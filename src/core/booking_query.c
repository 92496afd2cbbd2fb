/* Reading bookings: lists by person, desk, team, site and days; who is in on
 * a day; what is free.  Each is one query on an index (person/day, desk/day,
 * or the day index over active bookings), with names hidden as the privacy
 * rule says as rows are read. */
#include <stdlib.h>
#include <string.h>

#include "hop/app.h"
#include "hop/clock.h"
#include "hop/db.h"
#include "hop/i18n.h"
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
	if ((c = person_collate(x->site, strlen(x->site), y->site, strlen(y->site))) != 0)
		return c;
	if ((c = desk_code_compare(x->desk, y->desk)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static enum hop_status resolve_team_site(struct hop_app *app, const char *team,
                                         const char *site, int64_t *team_id, int64_t *site_id,
                                         struct hop_err *err)
{
	*team_id = *site_id = 0;
	if (team && *team) {
		struct hop_team t;
		if (team_get(app, team, &t, err) != HOP_OK)
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

enum hop_status booking_list(struct hop_app *app, const struct booking_filter *f,
                             struct hop_booking_list *out, struct hop_err *err)
{
	static const struct booking_filter none = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	char a[HOP_DATE_HUMAN_LEN], b[HOP_DATE_HUMAN_LEN];
	int64_t person_id = 0, desk_id = 0, team_id, site_id;
	hop_date from, to;
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (!f)
		f = &none;
	from = f->from != HOP_DATE_NONE ? f->from : clock_today();
	to = f->to != HOP_DATE_NONE ? f->to : from + app->cfg.booking_horizon_days;
	if (to < from)
		return hop_fail(err, HOP_EINVAL, _("the days end on %s, before they start on %s; give "
		                "the first day first"), date_format_human(to, a, sizeof a),
		                date_format_human(from, b, sizeof b));
	if (to - from > LIST_DAYS_MAX)
		return hop_fail(err, HOP_EINVAL, _("%s to %s is more than ten years; give a shorter "
		                "stretch"), date_format_human(from, a, sizeof a),
		                date_format_human(to, b, sizeof b));
	if (f->mine) {
		if (!app->actor.known)
			return hop_fail(err, HOP_EPERM, _("you (login '%s') are not registered in hop, "
			                "so you have no bookings; ask HR to add you"), app->actor.login);
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
	if (resolve_team_site(app, f->team, f->site, &team_id, &site_id, err) != HOP_OK)
		return err->status;

	/* One statement per access path, so that each runs on its index; a
	 * statement ignores the parameters it does not name. */
	if (person_id)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.person_id = ?1 AND b.day BETWEEN ?2 AND ?3 "
		             "AND (?4 OR b.cancelled_at IS NULL) AND (?5 = 0 OR b.desk_id = ?5) "
		             "AND (?6 = 0 OR p.team_id = ?6) AND (?7 = 0 OR s.id = ?7)", err);
	else if (desk_id)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.desk_id = ?5 AND b.day BETWEEN ?2 AND ?3 "
		             "AND (?4 OR b.cancelled_at IS NULL) AND (?1 = 0 OR b.person_id = ?1) "
		             "AND (?6 = 0 OR p.team_id = ?6) AND (?7 = 0 OR s.id = ?7)", err);
	else if (!f->include_cancelled)
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.day BETWEEN ?2 AND ?3 "
		             "AND b.cancelled_at IS NULL "
		             "AND (?6 = 0 OR p.team_id = ?6) AND (?7 = 0 OR s.id = ?7)", err);
	else
		st = db_stmt(app->db, BOOKING_SELECT "WHERE b.day BETWEEN ?2 AND ?3 "
		             "AND (?6 = 0 OR p.team_id = ?6) AND (?7 = 0 OR s.id = ?7)", err);
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, person_id);
	bk_bind_date(st, 2, from);
	bk_bind_date(st, 3, to);
	sqlite3_bind_int(st, 4, f->include_cancelled);
	sqlite3_bind_int64(st, 5, desk_id);
	sqlite3_bind_int64(st, 6, team_id);
	sqlite3_bind_int64(st, 7, site_id);
	if (booking_collect(app, st, out, err) != HOP_OK)
		return err->status;
	/* Asking for a person's or a team's bookings must not tell whose the
	 * hidden ones are: those rows go. */
	if (person_id || team_id) {
		size_t k = 0;
		for (size_t i = 0; i < out->n; i++)
			if (!out->v[i].hidden)
				out->v[k++] = out->v[i];
		out->n = k;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, list_cmp);
	return HOP_OK;
}

/* Hidden bookers last (their place in a team order would tell their team),
 * then by team, people without a team after those with one, then name.  The
 * German order's folding is done once per row, not in every comparison. */
struct who_key {
	const struct hop_booking *b;
	char team[HOP_TEAM_NAME_MAX * 3 + 2], name[HOP_NAME_MAX * 3 + 2];
};

static int who_cmp(const void *a, const void *b)
{
	const struct who_key *kx = a, *ky = b;
	const struct hop_booking *x = kx->b, *y = ky->b;
	int c;

	if (x->hidden != y->hidden)
		return x->hidden ? 1 : -1;
	if (!x->team[0] != !y->team[0])
		return !x->team[0] ? 1 : -1;
	if ((c = strcmp(kx->team, ky->team)) != 0 || (c = strcmp(x->team, y->team)) != 0)
		return c;
	if ((c = strcmp(kx->name, ky->name)) != 0 || (c = strcmp(x->name, y->name)) != 0)
		return c;
	if ((c = strcmp(x->login, y->login)) != 0)
		return c;
	if ((x->half & HALF_AM) != (y->half & HALF_AM))
		return (x->half & HALF_AM) ? -1 : 1;
	if ((c = desk_code_compare(x->desk, y->desk)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static enum hop_status who_sort(struct hop_booking_list *l, struct hop_err *err)
{
	struct who_key *k;
	struct hop_booking *sorted;

	if (l->n < 2)
		return HOP_OK;
	k = malloc(l->n * sizeof *k);
	sorted = malloc(l->n * sizeof *sorted);
	if (!k || !sorted) {
		free(k);
		free(sorted);
		booking_list_free(l);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing bookings"));
	}
	for (size_t i = 0; i < l->n; i++) {
		k[i].b = &l->v[i];
		person_fold(l->v[i].team, FOLD_A, k[i].team, sizeof k[i].team);
		person_fold(l->v[i].name, FOLD_A, k[i].name, sizeof k[i].name);
	}
	qsort(k, l->n, sizeof *k, who_cmp);
	for (size_t i = 0; i < l->n; i++)
		sorted[i] = *k[i].b;
	free(l->v);
	free(k);
	l->v = sorted;
	l->cap = l->n;
	return HOP_OK;
}

enum hop_status booking_who(struct hop_app *app, hop_date day, const char *team,
                            const char *site, struct hop_booking_list *out,
                            struct hop_err *err)
{
	int64_t team_id, site_id;
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (resolve_team_site(app, team, site, &team_id, &site_id, err) != HOP_OK)
		return err->status;
	/* The day's active bookings: one range of the partial index booking_day,
	 * which covers the booking columns read here; the columns booking_read
	 * expects but who does not show (who booked, note, sequence) are
	 * constants, so no booking row is read from the table. */
	st = db_stmt(app->db, "SELECT b.id, ?1, b.am, b.pm, b.desk_id, d.code, "
	             "coalesce(d.name, ''), d.kind, s.name, f.name, z.name, b.person_id, p.login, "
	             "p.name, coalesce(p.team_id, 0), coalesce(t.name, ''), "
	             "CASE WHEN t.dissolved_on IS NULL THEN coalesce(t.lead_id, 0) ELSE 0 END, "
	             "b.booked_by, '', b.attendees, '', 0, 0 "
	             "FROM booking b JOIN desk d ON d.id = b.desk_id JOIN zone z ON z.id = d.zone_id "
	             "JOIN floor f ON f.id = z.floor_id JOIN site s ON s.id = f.site_id "
	             "JOIN person p ON p.id = b.person_id LEFT JOIN team t ON t.id = p.team_id "
	             "WHERE b.day = ?1 AND b.cancelled_at IS NULL "
	             "AND (?2 = 0 OR p.team_id = ?2) AND (?3 = 0 OR s.id = ?3)", err);
	if (!st)
		return err->status;
	bk_bind_date(st, 1, day);
	sqlite3_bind_int64(st, 2, team_id);
	sqlite3_bind_int64(st, 3, site_id);
	if (booking_collect(app, st, out, err) != HOP_OK)
		return err->status;
	return who_sort(out, err);
}

enum hop_status booking_free(struct hop_app *app, hop_date day, unsigned half,
                             const struct desk_filter *f, struct hop_desk_list *out,
                             struct hop_err *err)
{
	struct bk_want w = { .day = day, .halves = half ? half : HALF_DAY, .rooms = 0,
	                     .min_capacity = 1 };
	struct bk_place_list l;
	int64_t team_unused;
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (w.halves > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon or "
		                "the whole day"));
	if (f) {
		w.rooms = f->rooms;
		w.attrs = f->attrs;
		if (resolve_team_site(app, NULL, f->site, &team_unused, &w.site_id, err) != HOP_OK)
			return err->status;
		if (f->zone && *f->zone) {
			struct hop_zone z;
			if (zone_get(app, f->zone, &z, err) != HOP_OK)
				return err->status;
			w.zone_id = z.id;
		}
	}
	if (bk_check_day(app, w.site_id, day, err) != HOP_OK)
		return err->status;
	w.for_person = app->actor.known ? app->actor.person.id : 0;
	if (bk_candidates(app, &w, &l, err) != HOP_OK)
		return err->status;
	/* What the acting user may book: free, and open to them. */
	for (size_t i = 0; i < l.n; i++)
		if (bk_bookable(app, app->actor.known ? &app->actor.person : NULL, &l.v[i]))
			l.v[k++] = l.v[i];
	out->v = calloc(k ? k : 1, sizeof *out->v);
	if (!out->v) {
		bk_place_list_free(&l);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing free places"));
	}
	for (size_t i = 0; i < k; i++)
		bk_place_to_desk(&l.v[i], &out->v[i]);
	out->n = out->cap = k;
	bk_place_list_free(&l);
	return HOP_OK;
}
