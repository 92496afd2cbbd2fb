/* Moving a person's desk on one day to another desk, and the desks it may
 * move to.  A move is one transaction: the day's desk booking is cancelled
 * and the other desk booked for the same half days with every rule of
 * booking_book, or nothing changes; so that nobody is left without a desk
 * because the other one was taken a moment before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

#define DAY_DESKS_MAX 2          /* a morning and an afternoon booking at most */

/* The person's active desk bookings on day (rooms aside). */
struct day_desks {
	int64_t id[DAY_DESKS_MAX];
	char code[DAY_DESKS_MAX][HOP_CODE_MAX + 1];
	int64_t desk_id[DAY_DESKS_MAX];
	size_t n;
	unsigned halves;                     /* the half days they hold together */
};

static enum hop_status day_desks(struct hop_app *app, int64_t person, hop_date day,
                                 struct day_desks *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.id, b.am, b.pm, d.id, d.code FROM booking b "
	                             "JOIN desk d ON d.id = b.desk_id WHERE b.person_id = ?1 "
	                             "AND b.day = ?2 AND b.cancelled_at IS NULL AND b.is_room = 0 "
	                             "ORDER BY b.id", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person);
	db_bind_date(st, 2, day);
	while ((rc = db_step(st)) == DB_ROW) {
		out->halves |= (db_col_int(st, 1) ? HALF_AM : 0) | (db_col_int(st, 2) ? HALF_PM : 0);
		if (out->n == DAY_DESKS_MAX)
			continue;
		out->id[out->n] = db_col_int64(st, 0);
		out->desk_id[out->n] = db_col_int64(st, 3);
		db_col_copy(st, 4, out->code[out->n], sizeof out->code[0]);
		out->n++;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

static enum hop_status no_desk(const struct hop_app *app, const struct hop_person *p,
                               hop_date day, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];
	bool self = app->actor.known && app->actor.person.id == p->id;
	const struct hop_about *about = HOP_ABOUT(.login = p->login, .day = day, .self = self);

	date_format_human(day, when, sizeof when);
	if (self)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("you have no desk "
		                  "booked on %s, so there is none to move"), when);
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("%s has no desk booked "
	                  "on %s, so there is none to move"), p->name, when);
}

/* ---- where to ---- */

struct ranked { long rank; size_t i; };

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

enum hop_status booking_move_choices(struct hop_app *app, hop_date day, const char *for_login,
                                     struct hop_desk_list *out, struct hop_err *err)
{
	struct hop_person p, on;
	struct day_desks have;
	struct bk_last_desk last;
	struct bk_near near = { 0 };
	struct bk_place_list l = { 0 };
	struct ranked *order = NULL;
	bool claimable = day - clock_today() >= app->cfg.fixed_desk_claim_days;
	size_t k = 0;
	enum hop_status st;

	memset(out, 0, sizeof *out);
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (bk_person(app, for_login, day, day, &p, err) != HOP_OK ||
	    bk_check_day(app, 0, day, err) != HOP_OK ||
	    bk_check_employed(app, &p, day, err) != HOP_OK ||
	    bk_check_home(app, &p, day, err) != HOP_OK ||
	    bk_person_on(app, &p, day, &on, err) != HOP_OK ||
	    day_desks(app, p.id, day, &have, err) != HOP_OK ||
	    bk_last_desk(app, p.id, day, &last, err) != HOP_OK ||
	    bk_near_mentor(app, p.id, day, &near, err) != HOP_OK)
		return err->status;
	{
		/* Free for the half days the person holds now (a whole day when
		 * none): the desk they have is booked, so it is not offered. */
		struct bk_want w = { .day = day, .halves = have.halves ? have.halves : HALF_DAY,
		                     .rooms = 0, .min_capacity = 1, .for_person = p.id };
		st = bk_candidates(app, &w, &l, err);
	}
	if (st != HOP_OK) {
		bk_near_free(&near);
		return st;
	}
	order = calloc(l.n ? l.n : 1, sizeof *order);
	out->v = calloc(l.n ? l.n : 1, sizeof *out->v);
	if (!order || !out->v) {
		free(order);
		free(out->v);
		out->v = NULL;
		bk_place_list_free(&l);
		bk_near_free(&near);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while listing free places"));
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct bk_place *c = &l.v[i];

		if (!bk_bookable(app, &on, c))
			continue;
		order[k].rank = bk_rank(&on, &near, &last, c);
		/* Someone's fixed desk, which they may still claim back (any free
		 * desk passes it over), comes after every shared one. */
		if (c->owner_id && c->owner_id != p.id && claimable)
			order[k].rank += 5000000;
		order[k++].i = i;
	}
	qsort(order, k, sizeof *order, ranked_cmp);
	for (size_t i = 0; i < k; i++)
		bk_place_to_desk(&l.v[order[i].i], &out->v[i]);
	out->n = out->cap = k;
	free(order);
	bk_place_list_free(&l);
	bk_near_free(&near);
	return HOP_OK;
}

/* ---- the move ---- */

enum hop_status booking_move(struct hop_app *app, hop_date day, const char *for_login,
                             const char *desk, struct hop_booking *made, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], label[HOP_CODE_MAX + 64], reason[HOP_CODE_MAX + 32];
	struct booking_request rq;
	struct hop_person p;
	struct bk_place to;
	struct day_desks have;
	struct bk_ctx ctx;
	int64_t id = 0;

	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (!desk || !*desk)
		return hop_fail(err, HOP_EINVAL, _("no desk given to move to"));
	if (bk_person(app, for_login, day, day, &p, err) != HOP_OK)
		return err->status;
	if (day < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s is in the past; past bookings stay as they "
		                "were"), date_format_human(day, when, sizeof when));
	if (bk_place_get(app, desk, &to, err) != HOP_OK)
		return err->status;
	if (to.kind != DESK_KIND_DESK) {
		bk_place_label(to.kind, to.code, label, sizeof label);
		return hop_fail(err, HOP_EINVAL, _("%s is not a desk; a desk booking moves to another "
		                "desk"), label);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (day_desks(app, p.id, day, &have, err) != HOP_OK)
		goto fail;
	if (!have.n) {
		db_rollback(app->db);
		return no_desk(app, &p, day, err);
	}
	for (size_t i = 0; i < have.n; i++) {
		if (have.desk_id[i] != to.id)
			continue;
		db_rollback(app->db);
		return hop_fail(err, HOP_ECONFLICT, _("%s already has desk %s on %s; choose another "
		                "desk to move to"), p.name, to.code,
		                date_format_human(day, when, sizeof when));
	}
	/* The old booking goes first, so that the one-desk-per-person rule and
	 * its unique index see the person without a desk. */
	snprintf(reason, sizeof reason, "moved to desk %s", to.code);
	for (size_t i = 0; i < have.n; i++)
		if (booking_release(app, have.id[i], HALF_DAY, reason, err) != HOP_OK)
			goto fail;
	memset(&rq, 0, sizeof rq);
	rq.day = day;
	rq.half = have.halves;
	rq.desk = to.code;
	rq.for_login = p.login;
	if (bk_prepare(app, &rq, &ctx, err) != HOP_OK ||
	    bk_book_day(app, &ctx, day, &id, NULL, err) != HOP_OK)
		goto fail;
	if (db_commit(app->db, err) != HOP_OK)
		return err->status;
	if (made)
		return booking_get(app, id, made, err);
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
