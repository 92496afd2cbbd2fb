/* Cancelling bookings: one day (a half of it, or a desk), or a stretch of
 * leave.  A cancelled booking keeps its row (feeds publish the cancellation);
 * giving up one half of a whole-day booking keeps the other.  Either way the
 * booking's sequence grows and the audit log says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "booking_int.h"

#define DETAIL_MAX 1024

enum hop_status booking_release(struct hop_app *app, int64_t id, unsigned halves,
                                const char *reason, struct hop_err *err)
{
	char code[HOP_CODE_MAX + 1], login[HOP_LOGIN_MAX + 1], name[HOP_NAME_MAX + 1];
	char detail[DETAIL_MAX], object[40], now[24];
	size_t len;
	unsigned have, give, rest;
	hop_date day;
	int64_t person_id;
	bool is_room;
	struct db_stmt *st;
	int rc;

	st = db_stmt(app->db, "SELECT b.am, b.pm, b.day, d.code, p.login, p.name, b.person_id, "
	             "b.is_room FROM booking b "
	             "JOIN desk d ON d.id = b.desk_id JOIN person p ON p.id = b.person_id "
	             "WHERE b.id = ?1 AND b.cancelled_at IS NULL", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("reading a booking"));
		return hop_fail(err, HOP_ENOTFOUND, _("booking %lld is not active (any more)"),
		                (long long)id);
	}
	have = (db_col_int(st, 0) ? HALF_AM : 0) | (db_col_int(st, 1) ? HALF_PM : 0);
	day = db_col_date(st, 2);
	db_col_copy(st, 3, code, sizeof code);
	db_col_copy(st, 4, login, sizeof login);
	db_col_copy(st, 5, name, sizeof name);
	person_id = db_col_int64(st, 6);
	is_room = db_col_int(st, 7) != 0;
	db_reset(st);

	give = have & halves;
	rest = have & ~halves;
	if (!give)
		return HOP_OK;
	clock_timestamp(now);
	if (!rest) {
		st = db_stmt(app->db, "UPDATE booking SET cancelled_at = ?2, cancelled_by = ?3, "
		             "cancel_reason = ?4, sequence = sequence + 1, updated_at = ?2 "
		             "WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, now);
		if (app->actor.known)
			db_bind_int64(st, 3, app->actor.person.id);
		db_bind_text(st, 4, reason);
	} else {
		st = db_stmt(app->db, "UPDATE booking SET am = ?2, pm = ?3, sequence = sequence + 1, "
		             "updated_at = ?4 WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, id);
		db_bind_int(st, 2, (rest & HALF_AM) != 0);
		db_bind_int(st, 3, (rest & HALF_PM) != 0);
		db_bind_text(st, 4, now);
	}
	if (db_run(st, _("cancelling a booking"), err) != HOP_OK)
		return err->status;
	/* A day in the office only because of this desk may now read otherwise. */
	if (!is_room && presence_booking_changed(app, person_id, day, err) != HOP_OK)
		return err->status;

	bk_audit_detail(code, day, give, login, name, detail, sizeof detail);
	len = strlen(detail);
	if (rest && len < sizeof detail)
		len += (size_t)snprintf(detail + len, sizeof detail - len, "; keeps %s",
		                        rest == HALF_AM ? "AM" : "PM");
	if (reason && len < sizeof detail)
		snprintf(detail + len, sizeof detail - len, "; reason: %s", reason);
	snprintf(object, sizeof object, "booking:%lld", (long long)id);
	return audit_write(app, "booking.cancel", object, detail, err);
}

/* The ids st (bound, a SELECT of booking ids) yields, into a new array. */
static enum hop_status collect_ids(struct hop_app *app, struct db_stmt *st, int64_t **ids,
                                   size_t *n, struct hop_err *err)
{
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			int64_t *v = realloc(*ids, (cap = cap ? cap * 2 : 16) * sizeof *v);
			if (!v) {
				db_reset(st);
				free(*ids);
				*ids = NULL;
				return hop_fail(err, HOP_ENOMEM, _("out of memory while cancelling"));
			}
			*ids = v;
		}
		(*ids)[(*n)++] = db_col_int64(st, 0);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(*ids);
		*ids = NULL;
		return db_fail(app->db, err, _("reading bookings"));
	}
	return HOP_OK;
}

/* Release each of ids (halves), then commit; rolls back on any failure. */
static enum hop_status release_all(struct hop_app *app, int64_t *ids, size_t n, unsigned halves,
                                   int *cancelled, struct hop_err *err)
{
	for (size_t i = 0; i < n; i++) {
		if (booking_release(app, ids[i], halves, NULL, err) != HOP_OK) {
			free(ids);
			db_rollback(app->db);
			return err->status;
		}
	}
	free(ids);
	if (db_commit(app->db, err) != HOP_OK)
		return err->status;
	if (cancelled)
		*cancelled = (int)n;
	return HOP_OK;
}

static enum hop_status nothing_to_cancel(const struct hop_app *app, const struct hop_person *p,
                                         const struct bk_place *place, hop_date day,
                                         unsigned half, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], label[HOP_CODE_MAX + 64];
	bool self = app->actor.known && app->actor.person.id == p->id;
	const struct hop_about *about = HOP_ABOUT(.place = place ? place->code : NULL,
	                                          .login = p->login, .day = day, .self = self);

	date_format_human(day, when, sizeof when);
	if (place) {
		bk_place_label(place->kind, place->code, label, sizeof label);
		if (self)
			return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("you have no "
			                  "booking of %s on %s (%s)"), label, when, half_label(half));
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("%s has no booking "
		                  "of %s on %s (%s)"), p->name, label, when, half_label(half));
	}
	if (self)
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("you have no booking "
		                  "on %s (%s)"), when, half_label(half));
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_BOOKING, about, _("%s has no booking on %s "
	                  "(%s)"), p->name, when, half_label(half));
}

enum hop_status booking_cancel(struct hop_app *app, hop_date day, const char *desk,
                               unsigned half, const char *for_login, int *cancelled,
                               struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];
	struct hop_person p;
	struct bk_place place;
	struct db_stmt *st;
	int64_t *ids;
	size_t n;

	if (cancelled)
		*cancelled = 0;
	if (!half)
		half = HALF_DAY;
	if (half > HALF_DAY)
		return hop_fail(err, HOP_EINVAL, _("a booking is for the morning, the afternoon or "
		                "the whole day"));
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (bk_person(app, for_login, day, day, &p, err) != HOP_OK)
		return err->status;
	if (day < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s is in the past; past bookings stay as they "
		                "were"), date_format_human(day, when, sizeof when));
	if (desk && bk_place_get(app, desk, &place, err) != HOP_OK)
		return err->status;

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT id FROM booking WHERE person_id = ?1 AND day = ?2 "
	             "AND cancelled_at IS NULL AND (?3 = 0 OR desk_id = ?3) "
	             "AND ((am = 1 AND ?4 <> 0) OR (pm = 1 AND ?5 <> 0)) ORDER BY id", err);
	if (!st) {
		db_rollback(app->db);
		return err->status;
	}
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, day);
	db_bind_int64(st, 3, desk ? place.id : 0);
	db_bind_int(st, 4, (half & HALF_AM) != 0);
	db_bind_int(st, 5, (half & HALF_PM) != 0);
	if (collect_ids(app, st, &ids, &n, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (!n) {
		free(ids);
		db_rollback(app->db);
		return nothing_to_cancel(app, &p, desk ? &place : NULL, day, half, err);
	}
	return release_all(app, ids, n, half, cancelled, err);
}

enum hop_status booking_cancel_range(struct hop_app *app, hop_date from, hop_date to,
                                     const char *for_login, int *cancelled,
                                     struct hop_err *err)
{
	char a[HOP_DATE_HUMAN_LEN], b[HOP_DATE_HUMAN_LEN];
	hop_date today = clock_today();
	struct hop_person p;
	struct db_stmt *st;
	int64_t *ids;
	size_t n;

	if (cancelled)
		*cancelled = 0;
	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a stretch to cancel needs a first and a last day"));
	if (to < from)
		return hop_fail(err, HOP_EINVAL, _("the stretch ends on %s, before it starts on %s; "
		                "give the first day first"), date_format_human(to, a, sizeof a),
		                date_format_human(from, b, sizeof b));
	if (bk_person(app, for_login, from, to, &p, err) != HOP_OK)
		return err->status;
	if (to < today)
		return hop_fail(err, HOP_EINVAL, _("%s to %s is in the past; past bookings stay as "
		                "they were"), date_format_human(from, a, sizeof a),
		                date_format_human(to, b, sizeof b));
	/* Days already past keep their bookings: they happened. */
	if (from < today)
		from = today;

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT id FROM booking WHERE person_id = ?1 AND day BETWEEN ?2 AND ?3 "
	             "AND cancelled_at IS NULL ORDER BY day, id", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	if (collect_ids(app, st, &ids, &n, err) != HOP_OK)
		goto fail;
	return release_all(app, ids, n, HALF_DAY, cancelled, err);
fail:
	db_rollback(app->db);
	return err->status;
}
