/* The booking rules that explain a refusal: the day (past, horizon, working
 * day), the person (who, employed, may the actor), the place (who may book
 * it) and the conflicts (who has the desk, which desk the person has). */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"
#include "hop/core/people/membership.h"
#include "booking_int.h"

enum hop_status bk_check_day(struct hop_app *app, int64_t site_id, hop_date day,
                             struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], last[HOP_DATE_HUMAN_LEN];
	hop_date today = clock_today();
	int horizon = app->cfg.booking_horizon_days;

	if (day < today)
		return hop_fail(err, HOP_EINVAL, _("%s is in the past; book today or a later day"),
		                date_format_human(day, when, sizeof when));
	if (day > today + horizon)
		return hop_fail(err, HOP_EINVAL, ngettext(
		                "%s is beyond the booking horizon: desks can be booked %d day "
		                "ahead, until %s",
		                "%s is beyond the booking horizon: desks can be booked %d days "
		                "ahead, until %s", (unsigned long)horizon),
		                date_format_human(day, when, sizeof when), horizon,
		                date_format_human(today + horizon, last, sizeof last));
	return workday_check(app, site_id, day, err);
}

enum hop_status bk_person(struct hop_app *app, const char *for_login, hop_date from,
                          hop_date to, struct hop_person *out, struct hop_err *err)
{
	if (for_login && *for_login) {
		if (person_get(app, for_login, out, err) != HOP_OK)
			return err->status;
	} else {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		*out = app->actor.person;
	}
	return authz_book_for_days(app, out, from, to, err);
}

enum hop_status bk_check_employed(const struct hop_app *app, const struct hop_person *p,
                                  hop_date day, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], edge[HOP_DATE_HUMAN_LEN];
	bool self = app->actor.known && app->actor.person.id == p->id;

	if (p->start != HOP_DATE_NONE && day < p->start) {
		date_format_human(day, when, sizeof when);
		date_format_human(p->start, edge, sizeof edge);
		if (self)
			return hop_fail(err, HOP_EINVAL, _("you start on %s; you can book from that day "
			                "on, not for %s"), edge, when);
		return hop_fail(err, HOP_EINVAL, _("%s starts on %s; book from that day on, not for "
		                "%s"), p->name, edge, when);
	}
	if (p->end != HOP_DATE_NONE && day > p->end) {
		date_format_human(day, when, sizeof when);
		date_format_human(p->end, edge, sizeof edge);
		if (self)
			return hop_fail(err, HOP_EINVAL, _("your last day is %s; you cannot book for "
			                "%s"), edge, when);
		return hop_fail(err, HOP_EINVAL, _("%s's last day is %s; nothing can be booked for "
		                "them on %s"), p->name, edge, when);
	}
	return HOP_OK;
}

enum hop_status bk_check_home(struct hop_app *app, const struct hop_person *p, hop_date day,
                              struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT host, start_on, end_on FROM membership "
	                           "WHERE person_id = ?1 AND kind = 'secondment' "
	                           "AND host IS NOT NULL AND start_on <= ?2 "
	                           "AND (end_on IS NULL OR end_on >= ?2) "
	                           "ORDER BY start_on DESC LIMIT 1", err);
	char host[HOP_HOST_MAX + 1], when[HOP_DATE_HUMAN_LEN], d1[HOP_DATE_HUMAN_LEN],
	     d2[HOP_DATE_HUMAN_LEN];
	bool self = app->actor.known && app->actor.person.id == p->id;
	hop_date start, end;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		db_col_copy(st, 0, host, sizeof host);
		start = db_col_date(st, 1);
		end = db_col_date(st, 2);
	}
	db_reset(st);
	if (rc == DB_DONE)
		return HOP_OK;
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading secondments"));
	date_format_human(day, when, sizeof when);
	date_format_human(start, d1, sizeof d1);
	if (end == HOP_DATE_NONE) {
		if (self)
			return hop_fail(err, HOP_EINVAL, _("you are seconded to %s from %s on and have "
			                "no desk here on %s"), host, d1, when);
		return hop_fail(err, HOP_EINVAL, _("%s is seconded to %s from %s on and has no desk "
		                "here on %s"), p->name, host, d1, when);
	}
	date_format_human(end, d2, sizeof d2);
	if (self)
		return hop_fail(err, HOP_EINVAL, _("you are seconded to %s from %s to %s and have no "
		                "desk here on %s"), host, d1, d2, when);
	return hop_fail(err, HOP_EINVAL, _("%s is seconded to %s from %s to %s and has no desk "
	                "here on %s"), p->name, host, d1, d2, when);
}

bool bk_bookable(const struct hop_app *app, const struct hop_person *person,
                 const struct bk_place *p)
{
	return authz_may_book_place(app, person, p->bookable, p->zone_team_id, p->zone_team_lead);
}

enum hop_status bk_check_bookable(const struct hop_app *app, const struct hop_person *person,
                                  const struct bk_place *p, struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64];
	struct authz_place a = {
		.label = bk_place_label(p->kind, p->code, label, sizeof label),
		.zone = p->zone, .zone_team = p->zone_team, .bookable = p->bookable,
		.zone_team_id = p->zone_team_id, .zone_team_lead = p->zone_team_lead,
	};

	return authz_book_place(app, person, &a, err);
}

/* ---- conflicts ---- */

/* An overlap query: ?1 the desk or the person, ?2 the day, ?3 and ?4 whether
 * the morning and the afternoon are asked for; its first two columns am, pm. */
struct overlap {
	unsigned halves, taken;
	db_read_fn read;        /* the rest of the row */
	void *out;
};

static void read_overlap(struct db_stmt *st, void *p)
{
	struct overlap *o = p;

	o->taken = ((db_col_int(st, 0) ? HALF_AM : 0) | (db_col_int(st, 1) ? HALF_PM : 0))
	           & o->halves;
	o->read(st, o->out);
}

/* The first booking st finds that holds one of halves: the halves asked for
 * that it holds into *taken (0: there is none), the rest of its row into out
 * by read. */
static enum hop_status first_overlap(struct db_stmt *st, int64_t id, hop_date day,
                                     unsigned halves, db_read_fn read, void *out,
                                     unsigned *taken, struct hop_err *err)
{
	struct overlap o = { halves, 0, read, out };
	bool found;

	db_bind_int64(st, 1, id);
	db_bind_date(st, 2, day);
	db_bind_int(st, 3, (halves & HALF_AM) != 0);
	db_bind_int(st, 4, (halves & HALF_PM) != 0);
	if (db_get(st, read_overlap, &o, &found, _("reading bookings"), err) != HOP_OK)
		return err->status;
	*taken = found ? o.taken : 0;
	return HOP_OK;
}

/* Who holds a desk: the columns authz_booker_visible weighs, and the name. */
struct holder {
	int64_t who, team, lead, booked_by;
	char name[HOP_NAME_MAX + 1];
};

static void read_holder(struct db_stmt *st, void *out)
{
	struct holder *h = out;

	h->who = db_col_int64(st, 2);
	db_col_copy(st, 3, h->name, sizeof h->name);
	h->team = db_col_int64(st, 4);
	h->lead = db_col_int64(st, 5);
	h->booked_by = db_col_int64(st, 6);
}

enum hop_status bk_desk_conflict(struct hop_app *app, const struct bk_place *p, hop_date day,
                                 unsigned halves, const struct hop_person *person,
                                 struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN];
	/* The holder's team on that day, for the privacy rule. */
	struct db_stmt *st = db_stmt(app->db, "SELECT b.am, b.pm, b.person_id, p.name, "
	                           "coalesce(t.id, 0), "
	                           "CASE WHEN t.dissolved_on IS NULL THEN coalesce(t.lead_id, 0) "
	                           "ELSE 0 END, b.booked_by "
	                           "FROM booking b JOIN person p ON p.id = b.person_id "
	                           "LEFT JOIN team t ON t.id = "
	                           MEMBERSHIP_TEAM_SQL("b.person_id", "b.day") " "
	                           "WHERE b.desk_id = ?1 AND b.day = ?2 AND b.cancelled_at IS NULL "
	                           "AND ((b.am = 1 AND ?3 <> 0) OR (b.pm = 1 AND ?4 <> 0)) LIMIT 1", err);
	struct holder h;
	unsigned taken;
	bool visible;

	if (!st || first_overlap(st, p->id, day, halves, read_holder, &h, &taken, err) != HOP_OK)
		return err->status;
	if (!taken)
		return HOP_OK;
	visible = authz_booker_visible(app, h.who, h.team, h.lead, h.booked_by);
	bk_place_label(p->kind, p->code, label, sizeof label);
	date_format_human(day, when, sizeof when);
	if (person && h.who == person->id) {
		if (app->actor.known && h.who == app->actor.person.id)
			return hop_fail(err, HOP_ECONFLICT, _("you have already booked %s on %s (%s)"),
			                label, when, half_label(taken));
		return hop_fail(err, HOP_ECONFLICT, _("%s has already booked %s on %s (%s)"),
		                h.name, label, when, half_label(taken));
	}
	/* The owner of a fixed desk is told who has it, whatever the privacy setting:
	 * the desk is theirs. */
	if (visible || (person && p->owner_id == person->id))
		return hop_refuse(err, HOP_ECONFLICT, HOP_R_PLACE_BOOKED, HOP_ABOUT(.place = p->code,
		                  .day = day), _("%s is already booked by %s on %s (%s)"), label, h.name,
		                  when, half_label(taken));
	return hop_refuse(err, HOP_ECONFLICT, HOP_R_PLACE_BOOKED, HOP_ABOUT(.place = p->code,
	                  .day = day), _("%s is already booked on %s (%s)"), label, when,
	                  half_label(taken));
}

/* The desk a person holds: its code and kind. */
struct held {
	char code[HOP_CODE_MAX + 1];
	enum desk_kind kind;
};

static void read_held(struct db_stmt *st, void *out)
{
	struct held *d = out;

	db_col_copy(st, 2, d->code, sizeof d->code);
	d->kind = bk_kind(db_col_text(st, 3));
}

enum hop_status bk_person_conflict(struct hop_app *app, const struct hop_person *person,
                                   hop_date day, unsigned halves, struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN];
	struct db_stmt *st = db_stmt(app->db, "SELECT b.am, b.pm, d.code, d.kind FROM booking b "
	                           "JOIN desk d ON d.id = b.desk_id "
	                           "WHERE b.person_id = ?1 AND b.day = ?2 AND b.cancelled_at IS NULL "
	                           "AND b.is_room = 0 AND ((b.am = 1 AND ?3 <> 0) OR (b.pm = 1 AND ?4 <> 0)) "
	                           "LIMIT 1", err);
	struct held d;
	unsigned taken;

	if (!st || first_overlap(st, person->id, day, halves, read_held, &d, &taken,
	                         err) != HOP_OK)
		return err->status;
	if (!taken)
		return HOP_OK;
	bk_place_label(d.kind, d.code, label, sizeof label);
	date_format_human(day, when, sizeof when);
	if (app->actor.known && person->id == app->actor.person.id)
		return hop_refuse(err, HOP_ECONFLICT, HOP_R_HOLDS_DESK, HOP_ABOUT(.place = d.code,
		                  .day = day, .login = person->login, .self = true), _("you have "
		                  "already booked %s on %s (%s), and one person holds one desk at a "
		                  "time"), label, when, half_label(taken));
	return hop_refuse(err, HOP_ECONFLICT, HOP_R_HOLDS_DESK, HOP_ABOUT(.place = d.code,
	                  .day = day, .login = person->login), _("%s has already booked %s on %s "
	                  "(%s), and one person holds one desk at a time"), person->name, label,
	                  when, half_label(taken));
}
