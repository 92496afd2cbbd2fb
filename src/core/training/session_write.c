/* Keeping sessions: adding one (with its room booked in the same
 * transaction), changing it, cancelling it with its enrolments.  HR and
 * admins; every change audited, the SEQUENCE of the feeds grows. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/db/db.h"
#include "session_int.h"

/* A session as it will be written, its names resolved to ids. */
struct ses_row {
	struct hop_datetime start, end;
	int capacity;
	int64_t room_id;
	char room[HOP_CODE_MAX + 1];
	const char *url, *location, *trainer_name, *note;
	int64_t trainer_id;
	char trainer_login[HOP_LOGIN_MAX + 1];
};

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

static bool too_long(const char *s, size_t max)
{
	return s && strlen(s) > max;
}

/* The end when none was given: the course's hours after the start, else
 * 16:00 the same day. */
static enum hop_status default_end(const struct trn_course *c, struct ses_row *r,
                                   struct hop_err *err)
{
	int end = c->hours_x10 > 0 ? r->start.minute + c->hours_x10 * 6 : 16 * 60;

	if (end >= 24 * 60 || end <= r->start.minute)
		return hop_fail(err, HOP_EINVAL, _("the session's end cannot be worked out from "
		                "the start; give the end"));
	r->end.day = r->start.day;
	r->end.minute = end;
	return HOP_OK;
}

/* Check r as a whole and resolve the room and trainer. */
static enum hop_status check_row(struct hop_app *app, struct ses_row *r, struct hop_err *err)
{
	char a[HOP_DATETIME_ISO_LEN], b[HOP_DATETIME_ISO_LEN];

	if (r->start.day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a session needs a start"));
	if (datetime_cmp(r->end, r->start) <= 0)
		return hop_fail(err, HOP_EINVAL, _("the session ends (%s) before it starts (%s); "
		                "give an end after the start"), datetime_format(r->end, a),
		                datetime_format(r->start, b));
	if (r->end.day - r->start.day > 60)
		return hop_fail(err, HOP_EINVAL, _("a session lasts at most 60 days"));
	if (r->capacity < 1 || r->capacity > HOP_SESSION_CAPACITY_MAX)
		return hop_fail(err, HOP_EINVAL, _("a session has 1 to %d seats, not %d"),
		                HOP_SESSION_CAPACITY_MAX, r->capacity);
	if ((r->room[0] != '\0') + (r->url != NULL) + (r->location != NULL) > 1)
		return hop_fail(err, HOP_EINVAL, _("a session is in a room, online or at a place "
		                "elsewhere: give only one of them"));
	if (too_long(r->url, HOP_SESSION_URL_MAX))
		return hop_fail(err, HOP_EINVAL, _("the link is longer than %d bytes"),
		                HOP_SESSION_URL_MAX);
	if (too_long(r->location, HOP_SESSION_LOCATION_MAX))
		return hop_fail(err, HOP_EINVAL, _("the place is longer than %d bytes"),
		                HOP_SESSION_LOCATION_MAX);
	if (too_long(r->trainer_name, HOP_NAME_MAX))
		return hop_fail(err, HOP_EINVAL, _("the trainer's name is longer than %d bytes"),
		                HOP_NAME_MAX);
	if (too_long(r->note, HOP_SESSION_NOTE_MAX))
		return hop_fail(err, HOP_EINVAL, _("the note is longer than %d bytes"),
		                HOP_SESSION_NOTE_MAX);
	if (text_check_line(r->url, _("the link"), err) != HOP_OK ||
	    text_check_line(r->location, _("the place"), err) != HOP_OK ||
	    text_check_line(r->trainer_name, _("the trainer's name"), err) != HOP_OK ||
	    text_check_line(r->note, _("the note"), err) != HOP_OK)
		return err->status;
	r->room_id = 0;
	if (r->room[0]) {
		struct hop_desk d;

		if (desk_get(app, r->room, &d, err) != HOP_OK)
			return err->status;
		if (d.kind == DESK_KIND_DESK)
			return hop_fail(err, HOP_EINVAL, _("%s is a desk, not a room; a session needs "
			                "a room"), d.code);
		r->room_id = d.id;
		snprintf(r->room, sizeof r->room, "%s", d.code);
	}
	r->trainer_id = 0;
	if (r->trainer_login[0]) {
		struct hop_person p;

		if (person_get(app, r->trainer_login, &p, err) != HOP_OK)
			return err->status;
		r->trainer_id = p.id;
		r->trainer_name = NULL;
	}
	return HOP_OK;
}

static void bind_row(struct db_stmt *st, const struct ses_row *r)
{
	char a[HOP_DATETIME_ISO_LEN], b[HOP_DATETIME_ISO_LEN];

	db_bind_text(st, 1, datetime_format(r->start, a));
	db_bind_text(st, 2, datetime_format(r->end, b));
	if (r->room_id)
		db_bind_int64(st, 3, r->room_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, r->url);
	db_bind_text(st, 5, r->location);
	db_bind_int(st, 6, r->capacity);
	if (r->trainer_id)
		db_bind_int64(st, 7, r->trainer_id);
	else
		db_bind_null(st, 7);
	db_bind_text(st, 8, r->trainer_name);
	db_bind_text(st, 9, r->note);
}

static void spec_to_row(const struct session_spec *s, struct ses_row *r)
{
	memset(r, 0, sizeof *r);
	r->start = s->start;
	r->end = s->end;
	r->capacity = s->capacity;
	snprintf(r->room, sizeof r->room, "%s", s->room ? s->room : "");
	r->url = opt(s->online_url);
	r->location = opt(s->location);
	snprintf(r->trainer_login, sizeof r->trainer_login, "%s",
	         s->trainer_login ? s->trainer_login : "");
	r->trainer_name = opt(s->trainer_name);
	r->note = opt(s->note);
}

enum hop_status session_add(struct hop_app *app, const struct session_spec *s, int64_t *id,
                            struct hop_err *err)
{
	char now[24], object[40], detail[600], a[HOP_DATETIME_ISO_LEN];
	struct trn_course c;
	struct ses_row r;
	struct db_stmt *st;
	int rc;

	if (ses_may_manage(app, err) != HOP_OK)
		return err->status;
	if (trn_course_get(app, s->course, &c, err) != HOP_OK)
		return err->status;
	if (c.retired)
		return hop_fail(err, HOP_ECONFLICT, _("the course %s is retired; it has no new "
		                "sessions"), c.code);
	spec_to_row(s, &r);
	if (r.start.day != HOP_DATE_NONE && r.end.day == HOP_DATE_NONE &&
	    default_end(&c, &r, err) != HOP_OK)
		return err->status;
	if (check_row(app, &r, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO course_session (starts_at, ends_at, room_id, "
	             "online_url, location, capacity, trainer_id, trainer_name, note, course_id, "
	             "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	             "?12)", err);
	if (!st)
		goto fail;
	bind_row(st, &r);
	db_bind_int64(st, 10, c.id);
	db_bind_text(st, 11, clock_timestamp(now));
	db_bind_text(st, 12, app->actor.login);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("adding a session"));
		goto fail;
	}
	*id = db_last_id(app->db);
	if (r.room_id && ses_book_room(app, *id, r.room, r.start, r.end, r.capacity, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "session:%lld", (long long)*id);
	snprintf(detail, sizeof detail, "%s, %s, %d seats%s%s", c.code,
	         datetime_format(r.start, a), r.capacity, r.room_id ? ", room " : "", r.room);
	return audit_commit(app, "session.add", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

/* The row of a live session, for a change. */
static void session_to_row(const struct trn_session *s, struct ses_row *r)
{
	memset(r, 0, sizeof *r);
	r->start = s->start;
	r->end = s->end;
	r->capacity = s->capacity;
	snprintf(r->room, sizeof r->room, "%s", s->room);
	r->url = opt(s->online_url);
	r->location = opt(s->location);
	snprintf(r->trainer_login, sizeof r->trainer_login, "%s", s->trainer_login);
	r->trainer_name = s->trainer_login[0] ? NULL : opt(s->trainer);
	r->note = opt(s->note);
}

enum hop_status session_edit(struct hop_app *app, int64_t id, const struct session_spec *s,
                             unsigned fields, int *promoted, struct hop_err *err)
{
	char object[40], detail[1200] = "", a[HOP_DATETIME_ISO_LEN], b[HOP_DATETIME_ISO_LEN];
	char n1[16], n2[16];
	struct trn_session old;
	struct ses_row r, was;
	struct db_stmt *st;
	bool rebook;
	int rc;

	if (promoted)
		*promoted = 0;
	if (ses_may_manage(app, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (ses_get_live(app, id, &old, err) != HOP_OK)
		goto fail;
	session_to_row(&old, &was);
	r = was;
	if (fields & SES_START)
		r.start = s->start;
	if (fields & SES_END)
		r.end = s->end;
	if (fields & SES_CAPACITY)
		r.capacity = s->capacity;
	if (fields & SES_PLACE) {
		snprintf(r.room, sizeof r.room, "%s", s->room ? s->room : "");
		r.url = opt(s->online_url);
		r.location = opt(s->location);
	}
	if (fields & SES_TRAINER) {
		snprintf(r.trainer_login, sizeof r.trainer_login, "%s",
		         s->trainer_login ? s->trainer_login : "");
		r.trainer_name = opt(s->trainer_name);
	}
	if (fields & SES_NOTE)
		r.note = opt(s->note);
	if (check_row(app, &r, err) != HOP_OK)
		goto fail;
	if (r.capacity < old.taken) {
		hop_fail(err, HOP_ECONFLICT, _("%d people hold a seat in session %lld; it cannot "
		         "have fewer seats (%d)"), old.taken, (long long)id, r.capacity);
		goto fail;
	}
	rebook = datetime_cmp(r.start, was.start) || datetime_cmp(r.end, was.end) ||
	         r.room_id != old.room_id || (r.room_id && r.capacity != was.capacity);
	if (rebook && old.room_id && ses_release_room(app, id, _("the session moved"), err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "UPDATE course_session SET starts_at = ?1, ends_at = ?2, "
	             "room_id = ?3, online_url = ?4, location = ?5, capacity = ?6, trainer_id = ?7, "
	             "trainer_name = ?8, note = ?9, sequence = sequence + 1 WHERE id = ?10", err);
	if (!st)
		goto fail;
	bind_row(st, &r);
	db_bind_int64(st, 10, id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("changing a session"));
		goto fail;
	}
	if (rebook && r.room_id &&
	    ses_book_room(app, id, r.room, r.start, r.end, r.capacity, err) != HOP_OK)
		goto fail;
	if (r.capacity > old.taken && old.waitlisted > 0) {
		old.capacity = r.capacity;
		if (enrol_promote(app, &old, NULL, promoted, err) != HOP_OK)
			goto fail;
	}
	audit_change(detail, sizeof detail, "start", datetime_format(was.start, a),
	             datetime_format(r.start, b));
	audit_change(detail, sizeof detail, "end", datetime_format(was.end, a),
	             datetime_format(r.end, b));
	snprintf(n1, sizeof n1, "%d", was.capacity);
	snprintf(n2, sizeof n2, "%d", r.capacity);
	audit_change(detail, sizeof detail, "capacity", n1, n2);
	audit_change(detail, sizeof detail, "room", was.room, r.room);
	audit_change(detail, sizeof detail, "trainer", was.trainer_login, r.trainer_login);
	snprintf(object, sizeof object, "session:%lld", (long long)id);
	return audit_commit(app, "session.edit", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status session_cancel(struct hop_app *app, int64_t id, const char *reason,
                               int *enrolments, struct hop_err *err)
{
	char now[24], object[40];
	struct trn_session s;
	struct db_stmt *st;

	if (enrolments)
		*enrolments = 0;
	if (ses_may_manage(app, err) != HOP_OK)
		return err->status;
	if (!reason || !*reason)
		return hop_fail(err, HOP_EINVAL, _("give the reason for cancelling the session"));
	if (too_long(reason, HOP_SESSION_NOTE_MAX))
		return hop_fail(err, HOP_EINVAL, _("the reason is longer than %d bytes"),
		                HOP_SESSION_NOTE_MAX);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (ses_get_live(app, id, &s, err) != HOP_OK)
		goto fail;
	clock_timestamp(now);
	st = db_stmt(app->db, "UPDATE enrolment SET state = 'cancelled', cancelled_at = ?2, "
	             "cancelled_by = ?3, sequence = sequence + 1 WHERE session_id = ?1 "
	             "AND state IN ('requested', 'approved', 'booked', 'waitlisted')", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, app->actor.login);
	if (db_run(st, _("cancelling the session's enrolments"), err) != HOP_OK)
		goto fail;
	if (enrolments)
		*enrolments = (int)db_changes(app->db);
	st = db_stmt(app->db, "UPDATE course_session SET cancelled_at = ?2, cancelled_by = ?3, "
	             "sequence = sequence + 1 WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, app->actor.login);
	if (db_run(st, _("cancelling a session"), err) != HOP_OK)
		goto fail;
	if (s.room_id && ses_release_room(app, id, reason, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "session:%lld", (long long)id);
	return audit_commit(app, "session.cancel", object, reason, err);
fail:
	db_rollback(app->db);
	return err->status;
}
