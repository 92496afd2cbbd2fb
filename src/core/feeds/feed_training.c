/* The feed source of training: in a person's feed each session they hold a
 * seat in, and each session they train, as timed events at the room (its
 * site's time zone), the link or the place; a cancelled session or
 * enrolment as STATUS:CANCELLED with a higher SEQUENCE for [feeds]
 * keep_cancelled_days.  A session over several days is one event a day.
 * Besides, the expiry of each course's latest live record with an end as an
 * all-day event with a reminder [feeds] expiry_reminder_days before. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/datetime.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "hop/core/people/person.h"
#include "feed_int.h"

#define UID_MAX 400
#define TEXT_MAX 900

/* Columns: 0 session id, 1 enrolment id (0 = the trainer's), 2 starts_at,
 * 3 ends_at, 4 title, 5 code, 6 room code, 7 room name, 8 site, 9 url,
 * 10 location, 11 sequence, 12 cancelled, 13 day it went (YYYY-MM-DD),
 * 14 trainer name. */
#define SES_COLS "s.starts_at, s.ends_at, c.title, c.code, " \
	"coalesce(d.code, ''), coalesce(d.name, ''), coalesce(si.name, ''), " \
	"coalesce(s.online_url, ''), coalesce(s.location, ''), "
#define SES_JOINS "JOIN course c ON c.id = s.course_id " \
	"LEFT JOIN desk d ON d.id = s.room_id LEFT JOIN zone z ON z.id = d.zone_id " \
	"LEFT JOIN floor f ON f.id = z.floor_id LEFT JOIN site si ON si.id = f.site_id " \
	"LEFT JOIN person t ON t.id = s.trainer_id "

struct ses_row {
	long long session, enrolment;
	struct hop_datetime start, end;
	char title[TEXT_MAX], code[64], room[64], room_name[200], site[200], url[600],
	     location[300], trainer[300];
	int sequence;
	bool cancelled;
	hop_date gone;
};

static void read_row(struct db_stmt *st, struct ses_row *r)
{
	r->session = db_col_int64(st, 0);
	r->enrolment = db_col_int64(st, 1);
	if (!datetime_parse_iso(db_col_text(st, 2), &r->start))
		r->start.day = HOP_DATE_NONE;
	if (!datetime_parse_iso(db_col_text(st, 3), &r->end))
		r->end.day = HOP_DATE_NONE;
	db_col_copy(st, 4, r->title, sizeof r->title);
	db_col_copy(st, 5, r->code, sizeof r->code);
	db_col_copy(st, 6, r->room, sizeof r->room);
	db_col_copy(st, 7, r->room_name, sizeof r->room_name);
	db_col_copy(st, 8, r->site, sizeof r->site);
	db_col_copy(st, 9, r->url, sizeof r->url);
	db_col_copy(st, 10, r->location, sizeof r->location);
	r->sequence = db_col_int(st, 11);
	r->cancelled = db_col_int(st, 12) != 0;
	r->gone = db_col_date(st, 13);
	db_col_copy(st, 14, r->trainer, sizeof r->trainer);
}

static enum hop_status session_events(struct ics_session *s, const struct ses_row *r,
                                      struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	char uid[UID_MAX], summary[TEXT_MAX + 64], where[TEXT_MAX], desc[TEXT_MAX];
	enum hop_status st = HOP_OK;

	if (r->start.day == HOP_DATE_NONE || r->end.day == HOP_DATE_NONE)
		return HOP_OK;
	if (r->cancelled && (r->gone == HOP_DATE_NONE ||
	                     r->gone + app->cfg.feeds_keep_cancelled_days < clock_today()))
		return HOP_OK;
	if (r->room[0])
		snprintf(where, sizeof where, "%s%s%s, %s", r->room, r->room_name[0] ? " " : "",
		         r->room_name, r->site);
	else
		snprintf(where, sizeof where, "%s", r->url[0] ? r->url : r->location);
	if (r->enrolment)
		snprintf(summary, sizeof summary, _("Training: %s"), r->title);
	else
		snprintf(summary, sizeof summary, _("Training (as trainer): %s"), r->title);
	if (r->cancelled) {
		char t[sizeof summary];

		snprintf(t, sizeof t, "%s", summary);
		snprintf(summary, sizeof summary, _("Cancelled: %s"), t);
	}
	snprintf(desc, sizeof desc, "%s %s, %s %lld%s%s%s%s", _("Course"), r->code, _("session"),
	         r->session, r->trainer[0] ? "\n" : "", r->trainer[0] ? _("Trainer:") : "",
	         r->trainer[0] ? " " : "", r->trainer);
	for (hop_date d = r->start.day; st == HOP_OK && d <= r->end.day; d++) {
		int from = r->start.minute, to = r->end.minute;

		if (r->start.day != r->end.day && date_weekday(d) > 5)
			continue;
		if (to <= from)
			to = from + 1 < 24 * 60 ? from + 1 : from;
		if (r->start.day == r->end.day)
			snprintf(uid, sizeof uid, "training-%lld-%s%lld@%s", r->session,
			         r->enrolment ? "e" : "t", r->enrolment, app->cfg.mail_domain);
		else
			snprintf(uid, sizeof uid, "training-%lld-%s%lld-%d@%s", r->session,
			         r->enrolment ? "e" : "t", r->enrolment, (int)(d - r->start.day),
			         app->cfg.mail_domain);
		struct ics_event ev = {
			.uid = uid, .sequence = r->sequence, .summary = summary, .location = where,
			.description = desc, .day = d, .minutes = true, .start_minute = from,
			.end_day = d, .end_minute = to, .tzid = ics_session_zone(s, r->site),
			.cancelled = r->cancelled,
		};
		st = ics_writer_event(w, &ev, err);
	}
	return st;
}

static enum hop_status sessions(struct ics_session *s, const struct hop_person *p,
                                const struct ics_feed *feed, struct ics_writer *w,
                                struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	struct db_stmt *st = db_stmt(app->db,
	             "SELECT s.id, e.id, " SES_COLS "s.sequence + e.sequence, "
	             "s.cancelled_at IS NOT NULL OR e.state = 'cancelled', "
	             "substr(coalesce(s.cancelled_at, e.cancelled_at, ''), 1, 10), "
	             "coalesce(t.name, s.trainer_name, '') "
	             "FROM enrolment e JOIN course_session s ON s.id = e.session_id " SES_JOINS
	             "WHERE e.person_id = ?1 AND e.state IN ('booked', 'attended', 'partial', "
	             "'no_show', 'cancelled') AND s.starts_at < ?3 AND s.ends_at >= ?2 "
	             "UNION ALL SELECT s.id, 0, " SES_COLS "s.sequence, s.cancelled_at IS NOT NULL, "
	             "substr(coalesce(s.cancelled_at, ''), 1, 10), coalesce(t.name, s.trainer_name, '') "
	             "FROM course_session s " SES_JOINS
	             "WHERE s.trainer_id = ?1 AND s.starts_at < ?3 AND s.ends_at >= ?2 "
	             "ORDER BY 3, 1, 2", err);
	enum hop_status rs = HOP_OK;
	struct ses_row r;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, feed->from);
	db_bind_date(st, 3, feed->to == HOP_DATE_NONE ? HOP_DATE_NONE : feed->to + 1);
	while (rs == HOP_OK && (rc = db_step(st)) == DB_ROW) {
		read_row(st, &r);
		rs = session_events(s, &r, w, err);
	}
	db_reset(st);
	if (rs != HOP_OK)
		return rs;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading training sessions for a calendar"));
	return HOP_OK;
}

/* The latest live record of each course with an end, its last valid day in
 * the feed's period or within the reminder's days after it. */
static enum hop_status expiries(struct ics_session *s, const struct hop_person *p,
                                const struct ics_feed *feed, struct ics_writer *w,
                                struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	struct db_stmt *st = db_stmt(app->db,
	             "SELECT r.id, r.valid_until, c.title, c.code FROM training_record r "
	             "JOIN course c ON c.id = r.course_id WHERE r.person_id = ?1 "
	             "AND r.revoked_at IS NULL AND r.valid_until IS NOT NULL "
	             "AND r.valid_until BETWEEN ?2 AND ?3 AND NOT EXISTS (SELECT 1 FROM "
	             "training_record n WHERE n.person_id = r.person_id AND n.course_id = "
	             "r.course_id AND n.revoked_at IS NULL AND n.result <> 'failed' AND "
	             "(n.valid_until IS NULL OR n.valid_until > r.valid_until)) "
	             "ORDER BY r.valid_until, r.id", err);
	enum hop_status rs = HOP_OK;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, feed->from);
	/* Far enough ahead that the reminder is in calendars when it is due. */
	db_bind_date(st, 3, feed->to == HOP_DATE_NONE ? HOP_DATE_NONE
	                                              : feed->to + app->cfg.feeds_expiry_reminder_days);
	while (rs == HOP_OK && (rc = db_step(st)) == DB_ROW) {
		char uid[UID_MAX], summary[TEXT_MAX], title[TEXT_MAX], code[64], desc[TEXT_MAX];

		db_col_copy(st, 2, title, sizeof title);
		db_col_copy(st, 3, code, sizeof code);
		snprintf(uid, sizeof uid, "training-expiry-%lld@%s", (long long)db_col_int64(st, 0),
		         app->cfg.mail_domain);
		snprintf(summary, sizeof summary, _("%s expires"), title);
		snprintf(desc, sizeof desc, _("The training %s (%s) is valid through this day."),
		         title, code);
		struct ics_event ev = {
			.uid = uid, .summary = summary, .description = desc,
			.day = db_col_date(st, 1), .half = HALF_DAY, .transparent = true,
			.alarm_days = app->cfg.feeds_expiry_reminder_days,
		};
		rs = ics_writer_event(w, &ev, err);
	}
	db_reset(st);
	if (rs != HOP_OK)
		return rs;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading training records for a calendar"));
	return HOP_OK;
}

enum hop_status training_emit(struct ics_session *s, const struct ics_feed *feed,
                              struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	struct hop_person p;
	enum hop_status st;

	if (feed->kind != ICS_PERSON)
		return HOP_OK;
	if ((st = feed_person(app, feed, &p, err)) != HOP_OK)
		return st;
	if ((st = sessions(s, &p, feed, w, err)) != HOP_OK)
		return st;
	return expiries(s, &p, feed, w, err);
}
