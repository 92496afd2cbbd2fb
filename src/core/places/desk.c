/* Desks and rooms: adding, changing and retiring them.  A room has a
 * capacity above one and no owner.  Retiring keeps the code and the history
 * and cancels what was booked from that day on.  Reading them is
 * desk_read.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "hop/base/vec.h"
#include "place_int.h"

#define DETAIL_MAX 2048

/* ---- checks shared by add and edit ---- */

enum hop_status place_check_fit(const char *code, enum desk_kind kind, int capacity,
                                bool owned, enum desk_bookable bookable, const char *zone,
                                bool zone_has_team, struct hop_err *err)
{
	if (kind == DESK_KIND_DESK && capacity != 1)
		return hop_refuse(err, HOP_EINVAL, HOP_R_DESK_FOR_ONE, HOP_ABOUT(.place = code, .n =
		                  capacity), _("desk %s: a desk is for one person (capacity 1); a "
		                  "place for %d people is a room"), code, capacity);
	if (kind != DESK_KIND_DESK && (capacity < ROOM_CAPACITY_MIN || capacity > ROOM_CAPACITY_MAX))
		return hop_refuse(err, HOP_EINVAL, HOP_R_ROOM_CAPACITY, HOP_ABOUT(.place = code),
		                  _("room %s: the capacity must be %d to %d people"), code,
		                  ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX);
	if (kind != DESK_KIND_DESK && owned)
		return hop_fail(err, HOP_EINVAL, _("room %s: only desks may have an owner; rooms "
		                "are booked for a group"), code);
	if (bookable == BOOKABLE_TEAM && !zone_has_team)
		return hop_refuse(err, HOP_EINVAL, HOP_R_ZONE_WITHOUT_TEAM, HOP_ABOUT(.place = code,
		                  .zone = zone), _("%s: zone '%s' has no team, so no team could book "
		                  "it"), code, zone);
	return HOP_OK;
}

/* A current person to own a desk. */
static enum hop_status owner_get(struct hop_app *app, const char *login, struct hop_person *p,
                                 struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];

	if (person_get(app, login, p, err) != HOP_OK)
		return err->status;
	if (p->end != HOP_DATE_NONE && p->end < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s left on %s and cannot own a desk"), p->name,
		                date_format(p->end, d));
	return HOP_OK;
}

/* Refuse a code another place has (codes compare without case). */
static enum hop_status code_free(struct hop_app *app, const char *code, int64_t except_id,
                                 struct hop_err *err)
{
	struct hop_desk other;
	struct hop_err e;
	enum hop_status st = desk_get(app, code, &other, &e);
	char d[HOP_DATE_ISO_LEN];

	if (st == HOP_ENOTFOUND || (st == HOP_OK && other.id == except_id))
		return HOP_OK;
	if (st != HOP_OK) {
		*err = e;
		return st;
	}
	if (other.retired != HOP_DATE_NONE)
		return hop_refuse(err, HOP_ECONFLICT, HOP_R_CODE_RETIRED, HOP_ABOUT(.place = other.code),
		                  _("the code %s is taken by a %s in %s/%s/%s, retired on %s; codes "
		                  "are never reused"), other.code, desk_kind_display(other.kind),
		                  other.zone.site, other.zone.floor, other.zone.name,
		                  date_format(other.retired, d));
	return hop_fail(err, HOP_ECONFLICT, _("the code %s is already the %s in %s/%s/%s; "
	                "choose another code"), other.code, desk_kind_display(other.kind),
	                other.zone.site, other.zone.floor, other.zone.name);
}

static enum hop_status check_name(const char *name, struct hop_err *err)
{
	if (place_check_text(name, HOP_PLACE_NAME_MAX, true, err) != HOP_OK) {
		hop_err_prefix(err, _("name: "));
		return err->status;
	}
	return HOP_OK;
}

static const char *object_of(const char *code, char *buf, size_t size)
{
	snprintf(buf, size, "desk:%s", code);
	return buf;
}

/* ---- adding ---- */

enum hop_status desk_add(struct hop_app *app, const struct desk_spec *d, struct hop_err *err)
{
	char detail[DETAIL_MAX], object[HOP_CODE_MAX + 8], attrs[128];
	struct hop_zone z;
	struct hop_person owner = { 0 };
	int capacity = d->capacity ? d->capacity : (d->kind == DESK_KIND_DESK ? 1 : 0);
	struct db_stmt *st;

	if (authz_place_manage(app, err) != HOP_OK || desk_check_code(d->code, err) != HOP_OK ||
	    check_name(d->name, err) != HOP_OK)
		return err->status;
	if (d->kind != DESK_KIND_DESK && capacity == 0)
		return hop_refuse(err, HOP_EINVAL, HOP_R_ROOM_CAPACITY, HOP_ABOUT(.place = d->code),
		                  _("room %s: a room needs a capacity of %d to %d people"), d->code,
		                  ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (code_free(app, d->code, 0, err) != HOP_OK || zone_get(app, d->zone, &z, err) != HOP_OK)
		goto fail;
	if (d->owner[0] && owner_get(app, d->owner, &owner, err) != HOP_OK)
		goto fail;
	if (place_check_fit(d->code, d->kind, capacity, d->owner[0] != '\0', d->bookable, z.name,
	                    z.team_id != 0, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "INSERT INTO desk (code, zone_id, kind, name, capacity, attrs, "
	             "owner_id, bookable_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, d->code);
	db_bind_int64(st, 2, z.id);
	db_bind_text(st, 3, desk_kind_name(d->kind));
	db_bind_text(st, 4, d->name[0] ? d->name : NULL);
	db_bind_int(st, 5, capacity);
	db_bind_int(st, 6, (int)(d->attrs & ATTR_ALL));
	if (owner.id)
		db_bind_int64(st, 7, owner.id);
	else
		db_bind_null(st, 7);
	db_bind_text(st, 8, desk_bookable_name(d->bookable));
	if (db_run(st, _("adding a desk"), err) != HOP_OK)
		goto fail;
	desk_attr_format(d->attrs, attrs, sizeof attrs);
	snprintf(detail, sizeof detail, "kind: %s; zone: %s/%s/%s; name: %s; capacity: %d; "
	         "attributes: %s; owner: %s; bookable_by: %s", desk_kind_name(d->kind), z.site,
	         z.floor, z.name, d->name[0] ? d->name : "(none)", capacity,
	         attrs[0] ? attrs : "(none)", owner.id ? owner.login : "(none)",
	         desk_bookable_name(d->bookable));
	return audit_commit(app, "desk.add", object_of(d->code, object, sizeof object), detail,
	                    err);
fail:
	db_rollback(app->db);
	return err->status;
}

/* ---- editing ---- */

static char *zone_text(const struct hop_zone *z, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s/%s", z->site, z->floor, z->name);
	return buf;
}

enum hop_status desk_edit_report(struct hop_app *app, const char *code, unsigned fields,
                                 const struct desk_spec *d, char *changes, size_t size,
                                 struct hop_err *err)
{
	char detail[DETAIL_MAX] = "", object[HOP_CODE_MAX + 8], a[400], b[400];
	struct hop_desk old;
	struct hop_zone z;
	struct hop_person owner = { 0 };
	int64_t owner_id;
	int capacity;
	unsigned attrs;
	enum desk_bookable bookable;
	const char *new_code, *name;
	bool activate;
	struct db_stmt *st;

	if (changes && size)
		changes[0] = '\0';
	if (authz_place_manage(app, err) != HOP_OK)
		return err->status;
	if ((fields & DF_CODE) && desk_check_code(d->code, err) != HOP_OK)
		return err->status;
	if ((fields & DF_NAME) && check_name(d->name, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (desk_get(app, code, &old, err) != HOP_OK)
		goto fail;
	z = old.zone;
	if ((fields & DF_ZONE) && zone_get(app, d->zone, &z, err) != HOP_OK)
		goto fail;
	new_code = (fields & DF_CODE) ? d->code : old.code;
	if ((fields & DF_CODE) && code_free(app, new_code, old.id, err) != HOP_OK)
		goto fail;
	name = (fields & DF_NAME) ? d->name : old.name;
	capacity = (fields & DF_CAPACITY) ? d->capacity : old.capacity;
	attrs = (fields & DF_ATTRS) ? d->attrs & ATTR_ALL : old.attrs;
	bookable = (fields & DF_BOOKABLE) ? d->bookable : old.bookable;
	owner_id = old.owner_id;
	if ((fields & DF_OWNER) && d->owner[0]) {
		if (owner_get(app, d->owner, &owner, err) != HOP_OK)
			goto fail;
		owner_id = owner.id;
	} else if (fields & DF_OWNER)
		owner_id = 0;
	activate = (fields & DF_ACTIVE) && old.retired != HOP_DATE_NONE;
	if (place_check_fit(new_code, old.kind, capacity, owner_id != 0, bookable, z.name,
	                    z.team_id != 0, err) != HOP_OK)
		goto fail;

	if (strcmp(new_code, old.code) != 0)
		audit_change(detail, sizeof detail, "code", old.code, new_code);
	if (z.id != old.zone.id)
		audit_change(detail, sizeof detail, "zone", zone_text(&old.zone, a, sizeof a),
		             zone_text(&z, b, sizeof b));
	if (strcmp(name, old.name) != 0)
		audit_change(detail, sizeof detail, "name", old.name, name);
	if (capacity != old.capacity) {
		snprintf(a, sizeof a, "%d", old.capacity);
		snprintf(b, sizeof b, "%d", capacity);
		audit_change(detail, sizeof detail, "capacity", a, b);
	}
	if (attrs != old.attrs)
		audit_change(detail, sizeof detail, "attributes",
		             desk_attr_format(old.attrs, a, sizeof a),
		             desk_attr_format(attrs, b, sizeof b));
	if (owner_id != old.owner_id)
		audit_change(detail, sizeof detail, "owner", old.owner_login,
		             owner_id ? owner.login : "");
	if (bookable != old.bookable)
		audit_change(detail, sizeof detail, "bookable_by", desk_bookable_name(old.bookable),
		             desk_bookable_name(bookable));
	if (activate)
		audit_change(detail, sizeof detail, "retired", date_format(old.retired, a), "");
	if (!detail[0]) {
		db_rollback(app->db);
		return HOP_OK;
	}
	st = db_stmt(app->db, "UPDATE desk SET code = ?1, zone_id = ?2, name = ?3, capacity = ?4, "
	             "attrs = ?5, owner_id = ?6, bookable_by = ?7, "
	             "retired_on = CASE WHEN ?8 <> 0 THEN NULL ELSE retired_on END WHERE id = ?9", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, new_code);
	db_bind_int64(st, 2, z.id);
	db_bind_text(st, 3, name[0] ? name : NULL);
	db_bind_int(st, 4, capacity);
	db_bind_int(st, 5, (int)attrs);
	if (owner_id)
		db_bind_int64(st, 6, owner_id);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, desk_bookable_name(bookable));
	db_bind_int(st, 8, activate);
	db_bind_int64(st, 9, old.id);
	if (db_run(st, _("changing a desk"), err) != HOP_OK)
		goto fail;
	return audit_commit_report(app, "desk.edit", object_of(new_code, object, sizeof object),
	                           detail, changes, size, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status desk_edit(struct hop_app *app, const char *code, unsigned fields,
                          const struct desk_spec *d, struct hop_err *err)
{
	return desk_edit_report(app, code, fields, d, NULL, 0, err);
}

/* ---- retiring ---- */

struct cancelled {
	int64_t id;
	char day[HOP_DATE_ISO_LEN];
	int am, pm;
	char login[HOP_LOGIN_MAX + 1];
};

/* The active bookings of the place from day on, to cancel and record. */
static enum hop_status bookings_from(struct hop_app *app, int64_t desk_id, const char *day,
                                     struct cancelled **out, size_t *n, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.id, b.day, b.am, b.pm, p.login "
	                           "FROM booking b JOIN person p ON p.id = b.person_id "
	                           "WHERE b.desk_id = ?1 AND b.day >= ?2 "
	                           "AND b.cancelled_at IS NULL ORDER BY b.day, b.id", err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, desk_id);
	db_bind_text(st, 2, day);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(out, &cap, *n + 1, sizeof **out)) {
			db_reset(st);
			free(*out);
			*out = NULL;
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
		struct cancelled *c = &(*out)[(*n)++];
		c->id = db_col_int64(st, 0);
		db_col_copy(st, 1, c->day, sizeof c->day);
		c->am = db_col_int(st, 2);
		c->pm = db_col_int(st, 3);
		db_col_copy(st, 4, c->login, sizeof c->login);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(*out);
		*out = NULL;
		return db_fail(app->db, err, _("reading bookings"));
	}
	return HOP_OK;
}

enum hop_status desk_retire(struct hop_app *app, const char *code, hop_date from,
                            int *cancelled, struct hop_err *err)
{
	char day[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN], now[24];
	char detail[DETAIL_MAX], object[HOP_CODE_MAX + 8], bobject[32];
	struct cancelled *v = NULL;
	struct hop_desk d;
	hop_date today = clock_today();
	size_t n = 0;
	struct db_stmt *st;

	if (cancelled)
		*cancelled = 0;
	if (from == HOP_DATE_NONE)
		from = today;
	if (authz_place_manage(app, err) != HOP_OK)
		return err->status;
	if (from < today)
		return hop_fail(err, HOP_EINVAL, _("%s is in the past; a place is retired from today "
		                "or a later day, so that its history stays as it was"),
		                date_format(from, day));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (desk_get(app, code, &d, err) != HOP_OK)
		goto fail;
	if (d.retired != HOP_DATE_NONE && d.retired <= today) {
		hop_refuse(err, HOP_ECONFLICT, HOP_R_ALREADY_RETIRED, HOP_ABOUT(.place = d.code),
		           _("%s was already retired on %s"), d.code, date_format(d.retired, day));
		goto fail;
	}
	date_format(from, day);
	clock_timestamp(now);
	st = db_stmt(app->db, "UPDATE desk SET retired_on = ?1 WHERE id = ?2", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, day);
	db_bind_int64(st, 2, d.id);
	if (db_run(st, _("retiring a desk"), err) != HOP_OK)
		goto fail;
	if (bookings_from(app, d.id, day, &v, &n, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "UPDATE booking SET cancelled_at = ?1, cancelled_by = ?2, "
	             "cancel_reason = 'desk retired', sequence = sequence + 1, updated_at = ?1 "
	             "WHERE desk_id = ?3 AND day >= ?4 AND cancelled_at IS NULL", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, now);
	db_bind_int64(st, 2, app->actor.person.id);
	db_bind_int64(st, 3, d.id);
	db_bind_text(st, 4, day);
	if (db_run(st, _("cancelling the bookings of a retired desk"), err) != HOP_OK)
		goto fail;
	/* Every cancellation is in the audit log, like one made by hand. */
	for (size_t i = 0; i < n; i++) {
		snprintf(detail, sizeof detail, "desk: %s; day: %s; half: %s; person: %s; "
		         "reason: desk retired", d.code, v[i].day,
		         v[i].am && v[i].pm ? "day" : v[i].am ? "am" : "pm", v[i].login);
		snprintf(bobject, sizeof bobject, "booking:%lld", (long long)v[i].id);
		if (audit_write(app, "booking.cancel", bobject, detail, err) != HOP_OK)
			goto fail;
	}
	if (d.retired != HOP_DATE_NONE)
		snprintf(detail, sizeof detail, "retired: %s -> %s; bookings cancelled: %zu",
		         date_format(d.retired, d2), day, n);
	else
		snprintf(detail, sizeof detail, "retired from: %s; bookings cancelled: %zu", day, n);
	free(v);
	if (audit_commit(app, "desk.retire", object_of(d.code, object, sizeof object), detail,
	                 err) != HOP_OK)
		return err->status;
	if (cancelled)
		*cancelled = (int)n;
	return HOP_OK;
fail:
	free(v);
	db_rollback(app->db);
	return err->status;
}
