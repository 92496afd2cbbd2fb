/* Booking rows and places as the booking rules read them: one column list
 * per purpose, read in one place, with the privacy rule applied as rows are
 * read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

enum desk_kind bk_kind(const char *text)
{
	for (int k = DESK_KIND_DESK; k <= DESK_KIND_MEETING_ROOM; k++)
		if (text && strcmp(text, desk_kind_name((enum desk_kind)k)) == 0)
			return (enum desk_kind)k;
	return DESK_KIND_DESK;
}

enum desk_bookable bk_bookable_by(const char *text)
{
	for (int b = BOOKABLE_ALL; b <= BOOKABLE_LEADS; b++)
		if (text && strcmp(text, desk_bookable_name((enum desk_bookable)b)) == 0)
			return (enum desk_bookable)b;
	return BOOKABLE_ALL;
}

char *bk_place_label(enum desk_kind kind, const char *code, char *buf, size_t size)
{
	/* TRANSLATORS: a kind of place and its code: "desk 3.14", "meeting room R3.01". */
	snprintf(buf, size, _("%s %s"), desk_kind_display(kind), code);
	return buf;
}

char *bk_audit_detail(const char *code, hop_date day, unsigned halves, const char *login,
                      const char *name, char *buf, size_t size)
{
	static const char *const half_names[] = { "", "AM", "PM", "all day" };
	char iso[HOP_DATE_ISO_LEN];

	/* The audit log is a record, not a message: English, like its other entries. */
	snprintf(buf, size, "desk %s, %s, %s, %s (%s)", code, date_format(day, iso),
	         half_names[halves & 3], login, name);
	return buf;
}

/* ---- bookings ---- */

void booking_read(const struct hop_app *app, struct db_stmt *st, struct hop_booking *b)
{
	int64_t team_lead;

	memset(b, 0, sizeof *b);
	b->id = db_col_int64(st, 0);
	b->day = db_col_date(st, 1);
	b->half = (db_col_int(st, 2) ? HALF_AM : 0) | (db_col_int(st, 3) ? HALF_PM : 0);
	b->desk_id = db_col_int64(st, 4);
	db_col_copy(st, 5, b->desk, sizeof b->desk);
	db_col_copy(st, 6, b->desk_name, sizeof b->desk_name);
	b->kind = bk_kind(db_col_text(st, 7));
	db_col_copy(st, 8, b->site, sizeof b->site);
	db_col_copy(st, 9, b->floor, sizeof b->floor);
	db_col_copy(st, 10, b->zone, sizeof b->zone);
	b->person_id = db_col_int64(st, 11);
	team_lead = db_col_int64(st, 16);
	b->attendees = db_col_int(st, 19);
	b->sequence = db_col_int(st, 21);
	b->cancelled = db_col_int(st, 22) != 0;
	b->cancelled_on = b->cancelled ? db_col_date(st, 23) : HOP_DATE_NONE;
	if (!authz_booker_visible(app, b->person_id, db_col_int64(st, 14), team_lead,
	                          db_col_int64(st, 17))) {
		/* Nothing that tells who: not the id, not the team, not who booked,
		 * not the note (which may name them or their business). */
		b->hidden = true;
		b->person_id = 0;
		return;
	}
	db_col_copy(st, 12, b->login, sizeof b->login);
	db_col_copy(st, 13, b->name, sizeof b->name);
	db_col_copy(st, 15, b->team, sizeof b->team);
	db_col_copy(st, 18, b->booked_by, sizeof b->booked_by);
	db_col_copy(st, 20, b->note, sizeof b->note);
}

void booking_list_free(struct hop_booking_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

enum hop_status booking_list_push(struct hop_booking_list *l, const struct hop_booking *b,
                                  struct hop_err *err)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct hop_booking *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing bookings"));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *b;
	return HOP_OK;
}

enum hop_status booking_collect(struct hop_app *app, struct db_stmt *st,
                                struct hop_booking_list *out, struct hop_err *err)
{
	struct hop_booking b;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		booking_read(app, st, &b);
		if (booking_list_push(out, &b, err) != HOP_OK) {
			db_reset(st);
			booking_list_free(out);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE) {
		booking_list_free(out);
		return db_fail(app->db, err, _("reading bookings"));
	}
	return HOP_OK;
}

enum hop_status booking_get(struct hop_app *app, int64_t id, struct hop_booking *out,
                               struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, BOOKING_SELECT "WHERE b.id = ?1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW)
		booking_read(app, st, out);
	db_reset(st);
	if (rc == DB_ROW)
		return HOP_OK;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading a booking"));
	return hop_fail(err, HOP_ENOTFOUND, _("there is no booking %lld"), (long long)id);
}

/* ---- places ---- */

void bk_place_read(struct db_stmt *st, int c, struct bk_place *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int64(st, c);
	db_col_copy(st, c + 1, p->code, sizeof p->code);
	db_col_copy(st, c + 2, p->name, sizeof p->name);
	p->kind = bk_kind(db_col_text(st, c + 3));
	p->capacity = db_col_int(st, c + 4);
	p->attrs = (unsigned)db_col_int(st, c + 5);
	p->owner_id = db_col_int64(st, c + 6);
	db_col_copy(st, c + 7, p->owner_login, sizeof p->owner_login);
	db_col_copy(st, c + 8, p->owner_name, sizeof p->owner_name);
	p->bookable = bk_bookable_by(db_col_text(st, c + 9));
	p->retired = db_col_date(st, c + 10);
	p->zone_id = db_col_int64(st, c + 11);
	db_col_copy(st, c + 12, p->zone, sizeof p->zone);
	p->zone_team_id = db_col_int64(st, c + 13);
	db_col_copy(st, c + 14, p->zone_team, sizeof p->zone_team);
	p->zone_team_lead = db_col_int64(st, c + 15);
	p->floor_id = db_col_int64(st, c + 16);
	db_col_copy(st, c + 17, p->floor, sizeof p->floor);
	p->level = db_col_int(st, c + 18);
	p->site_id = db_col_int64(st, c + 19);
	db_col_copy(st, c + 20, p->site, sizeof p->site);
}

enum hop_status bk_place_get(struct hop_app *app, const char *code, struct bk_place *out,
                             struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	if (!code || !*code)
		return hop_refuse(err, HOP_EINVAL, HOP_R_NO_DESK_GIVEN, NULL, _("no desk given; give "
		                  "a desk or room code such as 3.14"));
	if (strlen(code) > HOP_CODE_MAX)
		return hop_fail(err, HOP_EINVAL, _("'%.40s...' is not a desk code: codes have at "
		                "most %d characters"), code, HOP_CODE_MAX);
	st = db_stmt(app->db, "SELECT " BK_PLACE_COLUMNS BK_PLACE_FROM "WHERE d.code = ?1", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	rc = db_step(st);
	if (rc == DB_ROW)
		bk_place_read(st, 0, out);
	db_reset(st);
	if (rc == DB_ROW)
		return HOP_OK;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading a desk"));
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_PLACE_TO_BOOK, HOP_ABOUT(.place = code),
	                  _("there is no desk or room '%s'"), code);
}

void bk_place_to_desk(const struct bk_place *p, struct hop_desk *d)
{
	memset(d, 0, sizeof *d);
	d->id = p->id;
	memcpy(d->code, p->code, sizeof d->code);
	memcpy(d->name, p->name, sizeof d->name);
	d->kind = p->kind;
	d->capacity = p->capacity;
	d->attrs = p->attrs;
	d->owner_id = p->owner_id;
	memcpy(d->owner_login, p->owner_login, sizeof d->owner_login);
	memcpy(d->owner_name, p->owner_name, sizeof d->owner_name);
	d->bookable = p->bookable;
	d->retired = p->retired;
	d->zone.id = p->zone_id;
	d->zone.site_id = p->site_id;
	memcpy(d->zone.site, p->site, sizeof d->zone.site);
	d->zone.floor_id = p->floor_id;
	memcpy(d->zone.floor, p->floor, sizeof d->zone.floor);
	d->zone.level = p->level;
	memcpy(d->zone.name, p->zone, sizeof d->zone.name);
	d->zone.team_id = p->zone_team_id;
	memcpy(d->zone.team, p->zone_team, sizeof d->zone.team);
}
