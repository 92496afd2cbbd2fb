/* Booking a desk or room: every rule, in order, inside one IMMEDIATE
 * transaction with its audit entry.  The unique indexes refuse a double
 * booking whatever happens; the rules here explain a refusal first, and a
 * constraint failure is explained the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/core/presence/presence.h"
#include "booking_int.h"

#define DETAIL_MAX 1024
#define NOTE_MAX 200

/* ---- the request ---- */

enum hop_status booking_choice_check(const struct booking_request *rq, struct hop_err *err)
{
	if (rq->any && rq->desk && *rq->desk)
		return hop_refuse(err, HOP_EINVAL, HOP_R_DESK_AND_ANY, NULL, _("a desk code and "
		                  "letting hop choose a free desk exclude each other"));
	if (!rq->any && !(rq->desk && *rq->desk))
		return hop_refuse(err, HOP_EINVAL, HOP_R_DESK_OR_ANY, NULL, _("give a desk or room "
		                  "code, or let hop choose a free desk"));
	if (!rq->any && ((rq->zone && *rq->zone) || rq->attrs || rq->near_team))
		return hop_refuse(err, HOP_EINVAL, HOP_R_ANY_ONLY, NULL, _("a zone, attributes and "
		                  "nearness to the team choose among free desks, so they do not go "
		                  "with a desk code"));
	return HOP_OK;
}

enum hop_status bk_prepare(struct hop_app *app, const struct booking_request *rq,
                           struct bk_ctx *ctx, struct hop_err *err)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->rq = *rq;
	ctx->half = rq->half ? rq->half : HALF_DAY;
	ctx->attendees = rq->attendees ? rq->attendees : 1;
	if (ctx->half > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon or "
		                "the whole day"));
	if (ctx->attendees < 1 || ctx->attendees > ROOM_CAPACITY_MAX)
		return hop_fail(err, HOP_EINVAL, _("a group of %d people cannot be booked; give 1 to "
		                "%d"), ctx->attendees, ROOM_CAPACITY_MAX);
	if (text_check(rq->note, NOTE_MAX, _("the note"), err) != HOP_OK)
		return err->status;
	if (booking_choice_check(rq, err) != HOP_OK)
		return err->status;
	if (bk_person(app, rq->for_login, rq->day, rq->day, &ctx->person, err) != HOP_OK)
		return err->status;
	if (rq->any && rq->zone && *rq->zone) {
		struct hop_zone z;
		if (zone_get(app, rq->zone, &z, err) != HOP_OK)
			return err->status;
		ctx->zone_id = z.id;
		snprintf(ctx->zone_name, sizeof ctx->zone_name, "%s", z.name);
	}
	if (rq->any && rq->near_team && !ctx->person.team_id)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NEAR_TEAM_NO_TEAM, HOP_ABOUT(.login =
		                  ctx->person.login), _("%s is in no team, so there are no team "
		                  "zones to look in"), ctx->person.name);
	if (!rq->any) {
		struct bk_place p;
		/* Early, for a clear message before any per-day rule. */
		if (bk_place_get(app, rq->desk, &p, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* ---- --any: which free desk ---- */

enum hop_status bk_last_desk(struct hop_app *app, int64_t person, hop_date day,
                             struct bk_last_desk *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.desk_id, d.zone_id, z.floor_id, f.site_id "
	                           "FROM booking b JOIN desk d ON d.id = b.desk_id "
	                           "JOIN zone z ON z.id = d.zone_id JOIN floor f ON f.id = z.floor_id "
	                           "WHERE b.person_id = ?1 AND b.day <= ?2 AND b.is_room = 0 "
	                           "AND b.cancelled_at IS NULL ORDER BY b.day DESC, b.id DESC LIMIT 1",
	                           err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		out->desk = db_col_int64(st, 0);
		out->zone = db_col_int64(st, 1);
		out->floor = db_col_int64(st, 2);
		out->site = db_col_int64(st, 3);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

long bk_rank(const struct hop_person *on, const struct bk_near *near,
             const struct bk_last_desk *last, const struct bk_place *p)
{
	long r = 0;

	if (p->owner_id != on->id)
		r += 10000000;
	if (near->zone_id) {
		size_t d = bk_near_distance(near, p);
		r += d == SIZE_MAX ? 1000000 : 100 * (long)(d < 9999 ? d : 9999);
	}
	if (!on->team_id || p->zone_team_id != on->team_id)
		r += 10;
	if (!last->desk)
		r += 4;
	else if (p->id != last->desk)
		r += p->zone_id == last->zone ? 1 : p->floor_id == last->floor ? 2
		     : p->site_id == last->site ? 3 : 4;
	return r;
}

static enum hop_status no_free_place(const struct bk_ctx *ctx, const struct hop_person *on,
                                     hop_date day, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], conds[512] = "", attrs[128];
	const struct hop_about *about = HOP_ABOUT(.day = day);
	size_t len = 0;

	date_format_human(day, when, sizeof when);
	/* The conditions as a list of short phrases, each translated whole. */
	if (ctx->zone_id)
		len += (size_t)snprintf(conds + len, sizeof conds - len, _("zone %s"), ctx->zone_name);
	if (ctx->rq.attrs && len < sizeof conds)
		len += (size_t)snprintf(conds + len, sizeof conds - len, _("%swith %s"),
		                        len ? ", " : "",
		                        desk_attr_format(ctx->rq.attrs, attrs, sizeof attrs));
	if (ctx->rq.near_team && len < sizeof conds)
		len += (size_t)snprintf(conds + len, sizeof conds - len, _("%sin the zones of team %s"),
		                        len ? ", " : "", on->team);
	if (ctx->attendees > 1) {
		if (len)
			return hop_refuse(err, HOP_ECONFLICT, HOP_R_NO_FREE_PLACE, about, _("no free "
			                  "room for %d people on %s (%s) matches: %s; try another day or "
			                  "fewer conditions"), ctx->attendees, when, half_label(ctx->half),
			                  conds);
		return hop_refuse(err, HOP_ECONFLICT, HOP_R_NO_FREE_PLACE, about, _("no room for %d "
		                  "people is free on %s (%s); try another day or a smaller group"),
		                  ctx->attendees, when, half_label(ctx->half));
	}
	if (len)
		return hop_refuse(err, HOP_ECONFLICT, HOP_R_NO_FREE_PLACE, about, _("no free desk on "
		                  "%s (%s) matches: %s; try another day or fewer conditions"), when,
		                  half_label(ctx->half), conds);
	return hop_refuse(err, HOP_ECONFLICT, HOP_R_NO_FREE_PLACE, about, _("no desk is free on %s "
	                  "(%s); try another day"), when, half_label(ctx->half));
}

static enum hop_status pick(struct hop_app *app, const struct bk_ctx *ctx,
                            const struct hop_person *on, hop_date day, struct bk_place *out,
                            struct booking_why *why, struct hop_err *err)
{
	struct bk_want w = {
		.day = day, .halves = ctx->half, .rooms = ctx->attendees > 1 ? 1 : 0,
		.min_capacity = ctx->attendees, .zone_id = ctx->zone_id, .attrs = ctx->rq.attrs,
		.team_id = ctx->rq.near_team ? on->team_id : 0, .for_person = on->id,
	};
	struct bk_place_list l;
	struct bk_last_desk last;
	struct bk_near near = { 0 };
	const struct bk_place *best = NULL;
	long best_rank = 0;
	/* A fixed desk can still be claimed by its owner until the lead time:
	 * --any does not hand out a desk the owner may take back. */
	bool claimable = day - clock_today() >= app->cfg.fixed_desk_claim_days;

	if (bk_last_desk(app, on->id, day, &last, err) != HOP_OK)
		return err->status;
	/* A new hire sits next to the mentor on days both are in; a room for a
	 * group is another matter. */
	if (ctx->attendees == 1 && bk_near_mentor(app, on->id, day, &near, err) != HOP_OK)
		return err->status;
	/* Near the team: for a new hire, the mentor's zone is near too. */
	if (near.zone_id && ctx->rq.near_team)
		w.team_id = 0;
	if (bk_candidates(app, &w, &l, err) != HOP_OK) {
		bk_near_free(&near);
		return err->status;
	}
	/* The list is in site, floor, zone and natural code order: the first of
	 * the best rank wins. */
	for (size_t i = 0; i < l.n; i++) {
		const struct bk_place *p = &l.v[i];
		long r;

		if (ctx->rq.near_team && !w.team_id && p->zone_team_id != on->team_id &&
		    p->zone_id != near.zone_id)
			continue;
		if (!bk_bookable(app, on, p))
			continue;
		if (p->owner_id && p->owner_id != on->id && claimable)
			continue;
		r = bk_rank(on, &near, &last, p);
		if (!best || r < best_rank) {
			best = p;
			best_rank = r;
		}
	}
	if (best) {
		*out = *best;
		if (why && best->owner_id != on->id && bk_near_distance(&near, best) != SIZE_MAX)
			*why = near.why;
	}
	bk_place_list_free(&l);
	bk_near_free(&near);
	return best ? HOP_OK : no_free_place(ctx, on, day, err);
}

/* ---- fixed desks ---- */

/* The owner books their fixed desk: other bookings of it that day give way
 * until the lead time; after it they stand and the owner hears who has it. */
static enum hop_status owner_claims(struct hop_app *app, const struct bk_ctx *ctx,
                                    const struct bk_place *p, hop_date day,
                                    struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN], name[HOP_NAME_MAX + 1];
	char reason[HOP_NAME_MAX + HOP_LOGIN_MAX + 64];
	int lead = app->cfg.fixed_desk_claim_days;
	struct db_stmt *st;
	int64_t ids[4];
	size_t n = 0;
	unsigned taken = 0;
	int rc;

	st = db_stmt(app->db, "SELECT b.id, b.am, b.pm, p.name FROM booking b "
	             "JOIN person p ON p.id = b.person_id "
	             "WHERE b.desk_id = ?1 AND b.day = ?2 AND b.cancelled_at IS NULL "
	             "AND b.person_id <> ?3 AND ((b.am = 1 AND ?4 <> 0) OR (b.pm = 1 AND ?5 <> 0)) "
	             "ORDER BY b.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, day);
	db_bind_int64(st, 3, ctx->person.id);
	db_bind_int(st, 4, (ctx->half & HALF_AM) != 0);
	db_bind_int(st, 5, (ctx->half & HALF_PM) != 0);
	/* A desk holds one booking per half day: two at most. */
	while ((rc = db_step(st)) == DB_ROW && n < sizeof ids / sizeof ids[0]) {
		ids[n++] = db_col_int64(st, 0);
		taken |= ((db_col_int(st, 1) ? HALF_AM : 0) |
		          (db_col_int(st, 2) ? HALF_PM : 0)) & ctx->half;
		if (n == 1)
			db_col_copy(st, 3, name, sizeof name);
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading bookings"));
	if (!n)
		return HOP_OK;
	if (day - clock_today() < lead) {
		bk_place_label(p->kind, p->code, label, sizeof label);
		date_format_human(day, when, sizeof when);
		return hop_fail(err, HOP_ECONFLICT, ngettext(
		                "%s is already booked by %s on %s (%s); less than %d day before the "
		                "day, the owner's claim no longer cancels another booking — book "
		                "another desk for that day",
		                "%s is already booked by %s on %s (%s); less than %d days before the "
		                "day, the owner's claim no longer cancels another booking — book "
		                "another desk for that day",
		                (unsigned long)lead), label, name, when, half_label(taken), lead);
	}
	snprintf(reason, sizeof reason, "fixed desk claimed by its owner %s (%s)",
	         ctx->person.login, ctx->person.name);
	for (size_t i = 0; i < n; i++)
		if (booking_release(app, ids[i], ctx->half, reason, err) != HOP_OK)
			return err->status;
	return HOP_OK;
}

/* Someone else books a fixed desk: only on a day its owner has not claimed. */
static enum hop_status owner_has_claimed(struct hop_app *app, const struct bk_place *p,
                                         hop_date day, struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN];
	struct db_stmt *st = db_stmt(app->db, "SELECT 1 FROM booking WHERE desk_id = ?1 AND day = ?2 "
	                           "AND person_id = ?3 AND cancelled_at IS NULL", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, day);
	db_bind_int64(st, 3, p->owner_id);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_DONE)
		return HOP_OK;
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading bookings"));
	bk_place_label(p->kind, p->code, label, sizeof label);
	return hop_refuse(err, HOP_ECONFLICT, HOP_R_FIXED_DESK_CLAIMED, HOP_ABOUT(.place = p->code,
	                  .day = day), _("%s is already booked: it is the fixed desk of %s, who "
	                  "has claimed it on %s; choose another desk"), label, p->owner_name,
	                  date_format_human(day, when, sizeof when));
}

/* ---- one day ---- */

static enum hop_status check_place(struct hop_app *app, const struct bk_ctx *ctx,
                                   const struct hop_person *on, const struct bk_place *p,
                                   hop_date day, struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN];

	bk_place_label(p->kind, p->code, label, sizeof label);
	if (p->retired != HOP_DATE_NONE && p->retired <= day)
		return hop_refuse(err, HOP_EINVAL, HOP_R_PLACE_RETIRED, HOP_ABOUT(.place = p->code),
		                  _("%s is retired from %s; choose another place"), label,
		                  date_format_human(p->retired, when, sizeof when));
	if (bk_check_day(app, p->site_id, day, err) != HOP_OK)
		return err->status;
	if (bk_check_bookable(app, on, p, err) != HOP_OK)
		return err->status;
	if (p->kind == DESK_KIND_DESK && ctx->attendees > 1)
		return hop_refuse(err, HOP_EINVAL, HOP_R_GROUP_NEEDS_ROOM, HOP_ABOUT(.place = p->code,
		                  .n = ctx->attendees), _("%s is a desk for one person; for a group of "
		                  "%d book a room"), label, ctx->attendees);
	if (p->kind != DESK_KIND_DESK && ctx->attendees > p->capacity)
		return hop_refuse(err, HOP_EINVAL, HOP_R_ROOM_TOO_SMALL, HOP_ABOUT(.place = p->code,
		                  .n = ctx->attendees), _("%s holds %d people, not %d; choose a larger "
		                  "room"), label, p->capacity, ctx->attendees);
	return HOP_OK;
}

/* After a unique index refused the insert: say who has it, as the checks
 * would have. */
static enum hop_status explain_constraint(struct hop_app *app, const struct bk_ctx *ctx,
                                          const struct bk_place *p, hop_date day,
                                          struct hop_err *err)
{
	char label[HOP_CODE_MAX + 64], when[HOP_DATE_HUMAN_LEN];

	if (bk_desk_conflict(app, p, day, ctx->half, &ctx->person, err) != HOP_OK)
		return err->status;
	if (p->kind == DESK_KIND_DESK &&
	    bk_person_conflict(app, &ctx->person, day, ctx->half, err) != HOP_OK)
		return err->status;
	bk_place_label(p->kind, p->code, label, sizeof label);
	return hop_fail(err, HOP_ECONFLICT, _("%s is already booked on %s (%s)"), label,
	                date_format_human(day, when, sizeof when), half_label(ctx->half));
}

static enum hop_status insert(struct hop_app *app, const struct bk_ctx *ctx,
                              const struct bk_place *p, hop_date day, int64_t *id,
                              struct hop_err *err)
{
	char now[24], detail[DETAIL_MAX], object[40];
	struct db_stmt *st;
	size_t len;
	int rc;

	st = db_stmt(app->db, "INSERT INTO booking (desk_id, person_id, day, am, pm, is_room, "
	             "attendees, note, booked_by, created_at, updated_at) "
	             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_int64(st, 2, ctx->person.id);
	db_bind_date(st, 3, day);
	db_bind_int(st, 4, (ctx->half & HALF_AM) != 0);
	db_bind_int(st, 5, (ctx->half & HALF_PM) != 0);
	db_bind_int(st, 6, p->kind != DESK_KIND_DESK);
	db_bind_int(st, 7, ctx->attendees);
	db_bind_text(st, 8, ctx->rq.note && *ctx->rq.note ? ctx->rq.note : NULL);
	db_bind_int64(st, 9, app->actor.person.id);
	db_bind_text(st, 10, clock_timestamp(now));
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		if (rc == DB_UNIQUE)
			return explain_constraint(app, ctx, p, day, err);
		return db_fail(app->db, err, _("saving the booking"));
	}
	*id = db_last_id(app->db);

	bk_audit_detail(p->code, day, ctx->half, ctx->person.login, ctx->person.name, detail,
	                sizeof detail);
	len = strlen(detail);
	if (ctx->attendees > 1 && len < sizeof detail)
		snprintf(detail + len, sizeof detail - len, "; %d people", ctx->attendees);
	snprintf(object, sizeof object, "booking:%lld", (long long)*id);
	return audit_write(app, "booking.add", object, detail, err);
}

enum hop_status bk_book_day(struct hop_app *app, const struct bk_ctx *ctx, hop_date day,
                            int64_t *id, struct booking_why *why, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];
	struct hop_person on;
	struct bk_place p;

	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	/* Past, horizon and weekends first: they hold whoever books what; the
	 * place's site is asked again below (its Land's holidays). */
	if (bk_check_day(app, 0, day, err) != HOP_OK)
		return err->status;
	if (bk_check_employed(app, &ctx->person, day, err) != HOP_OK ||
	    bk_check_home(app, &ctx->person, day, err) != HOP_OK)
		return err->status;
	/* Team zones and desks only a team may book ask for the team that day. */
	if (bk_person_on(app, &ctx->person, day, &on, err) != HOP_OK)
		return err->status;
	if (why)
		memset(why, 0, sizeof *why);
	if (ctx->rq.any) {
		/* Why look for a desk if the person already has one? */
		if (ctx->attendees == 1 &&
		    bk_person_conflict(app, &ctx->person, day, ctx->half, err) != HOP_OK)
			return err->status;
		if (ctx->rq.near_team && !on.team_id)
			return hop_refuse(err, HOP_EINVAL, HOP_R_NEAR_TEAM_NO_TEAM, HOP_ABOUT(.login =
			                  on.login), _("%s is in no team on %s, so there are no team "
			                  "zones to look in"), on.name, date_format_human(day, when,
			                  sizeof when));
		if (pick(app, ctx, &on, day, &p, why, err) != HOP_OK)
			return err->status;
	} else if (bk_place_get(app, ctx->rq.desk, &p, err) != HOP_OK) {
		return err->status;
	}
	if (check_place(app, ctx, &on, &p, day, err) != HOP_OK)
		return err->status;
	if (p.owner_id && p.owner_id == ctx->person.id) {
		if (owner_claims(app, ctx, &p, day, err) != HOP_OK)
			return err->status;
	} else if (p.owner_id && owner_has_claimed(app, &p, day, err) != HOP_OK) {
		return err->status;
	}
	if (bk_desk_conflict(app, &p, day, ctx->half, &ctx->person, err) != HOP_OK)
		return err->status;
	if (p.kind == DESK_KIND_DESK &&
	    bk_person_conflict(app, &ctx->person, day, ctx->half, err) != HOP_OK)
		return err->status;
	if (insert(app, ctx, &p, day, id, err) != HOP_OK)
		return err->status;
	/* A desk booked is a day in the office: presence and bookings never
	 * disagree, because both change in this one transaction.  A room alone
	 * says nothing about where the person works. */
	if (p.kind == DESK_KIND_DESK)
		return presence_mark_office(app, ctx->person.id, day, err);
	return HOP_OK;
}

enum hop_status booking_book(struct hop_app *app, const struct booking_request *rq,
                             struct hop_booking *made, struct hop_err *err)
{
	struct bk_ctx ctx;
	int64_t id = 0;

	if (bk_prepare(app, rq, &ctx, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (bk_book_day(app, &ctx, rq->day, &id, rq->why, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (db_commit(app->db, err) != HOP_OK)
		return err->status;
	if (made)
		return booking_get(app, id, made, err);
	return HOP_OK;
}
