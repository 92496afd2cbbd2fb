/* Setting where a person works: one transaction over a range of working days
 * that keeps desks consistent with it.  Office may book a desk ([presence]
 * auto_book); any other location cancels that day's desk bookings, so that
 * nobody marked at home holds a desk (and a fixed desk is free for others). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/core/people/membership.h"
#include "hop/core/training/status.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "presence_int.h"

#define RANGE_MAX 366      /* days one call may set: a year of leave */

void presence_result_free(struct presence_result *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* The person whose presence changes, and may the actor change it on the
 * days from..to?  A lead may for the days the person is in their team. */
static enum hop_status target(struct hop_app *app, const char *login, hop_date from,
                              hop_date to, struct hop_person *p, struct hop_err *err)
{
	if (!login || !*login) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		login = app->actor.login;
	}
	if (person_get(app, login, p, err) != HOP_OK)
		return err->status;
	return authz_presence_for_days(app, p, from, to, err);
}

static enum hop_status check_range(hop_date from, hop_date to, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];

	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (to < from)
		return hop_fail(err, HOP_EINVAL, _("the range ends before it starts; give the earlier "
		                "date first (2026-11-24..2026-11-27)"));
	if (to - from >= RANGE_MAX)
		return hop_fail(err, HOP_EINVAL, _("a range may span at most %d days; split it"),
		                RANGE_MAX);
	if (from < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s is in the past; past days stay as they were"),
		                date_format_human(from, when, sizeof when));
	return HOP_OK;
}

enum hop_status pr_day_entry(struct hop_app *app, int64_t person_id, hop_date day,
                             char *old, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT location FROM presence "
	                           "WHERE person_id = ?1 AND day = ?2", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	return db_get_text(st, old, size, &found, _("reading presence"), err);
}

static enum hop_status write_day(struct hop_app *app, const struct hop_person *p, hop_date day,
                                 enum presence_loc loc, const char *note, struct hop_err *err)
{
	char old[16], now[24], iso[HOP_DATE_ISO_LEN], detail[400], object[HOP_LOGIN_MAX + 8];
	struct db_stmt *st;

	if (pr_day_entry(app, p->id, day, old, sizeof old, err) != HOP_OK)
		return err->status;
	/* note NULL keeps the day's note: it is about the day (an appointment),
	 * not about where the day is spent. */
	st = db_stmt(app->db, "INSERT INTO presence (person_id, day, location, note, set_by, "
	             "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (person_id, day) DO "
	             "UPDATE SET location = excluded.location, "
	             "note = CASE WHEN ?7 = 1 THEN presence.note ELSE excluded.note END, "
	             "set_by = excluded.set_by, updated_at = excluded.updated_at "
	             "WHERE presence.location IS DISTINCT FROM excluded.location "
	             "OR (?7 = 0 AND presence.note IS DISTINCT FROM excluded.note) "
	             "OR presence.set_by IS DISTINCT FROM excluded.set_by", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_date(st, 2, day);
	db_bind_text(st, 3, presence_loc_name(loc));
	db_bind_text(st, 4, note && *note ? note : NULL);
	if (app->actor.known)
		db_bind_int64(st, 5, app->actor.person.id);
	db_bind_text(st, 6, clock_timestamp(now));
	db_bind_int(st, 7, note == NULL);
	if (db_run(st, _("saving presence"), err) != HOP_OK)
		return err->status;
	/* Only a real change moves the day's revision (its feeds' SEQUENCE);
	 * the person confirming what their lead set is one (the feed stops
	 * saying who set it). */
	if (db_changes(app->db) > 0 &&
	    pr_rev_touch_day(app, p->id, day, err) != HOP_OK)
		return err->status;
	date_format(day, iso);
	if (*old)
		snprintf(detail, sizeof detail, "%s: %s -> %s%s%s", iso, old, presence_loc_name(loc),
		         note && *note ? "; note: " : "", note && *note ? note : "");
	else
		snprintf(detail, sizeof detail, "%s: %s%s%s", iso, presence_loc_name(loc),
		         note && *note ? "; note: " : "", note && *note ? note : "");
	snprintf(object, sizeof object, "person:%s", p->login);
	return audit_write(app, "presence.set", object, detail, err);
}

/* The person's desk bookings that day (rooms are left alone: a group's
 * meeting room is not the person's desk), codes into codes[0..*n). */
static enum hop_status day_desks(struct hop_app *app, int64_t person_id, hop_date day,
                                 char codes[2][HOP_CODE_MAX + 1], int *n, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT d.code FROM booking b JOIN desk d ON "
	                           "d.id = b.desk_id WHERE b.person_id = ?1 AND b.day = ?2 "
	                           "AND b.cancelled_at IS NULL AND b.is_room = 0 ORDER BY b.id", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW)
		if (*n < 2)   /* at most a morning and an afternoon desk */
			db_col_copy(st, 0, codes[(*n)++], HOP_CODE_MAX + 1);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

static enum hop_status fixed_desk(struct hop_app *app, int64_t person_id, hop_date day,
                                  char *code, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT code FROM desk WHERE owner_id = ?1 "
	                           "AND kind = 'desk' AND (retired_on IS NULL OR retired_on > ?2) "
	                           "ORDER BY id LIMIT 1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	return db_get_text(st, code, HOP_CODE_MAX + 1, &found, _("reading a fixed desk"), err);
}

/* A refusal of a booking is an answer ("no desk free"); a broken database is not. */
static bool fatal(enum hop_status st)
{
	return st == HOP_EDB || st == HOP_ENOMEM || st == HOP_EIO;
}

static enum hop_status book_desk(struct hop_app *app, const struct hop_person *p,
                                 struct presence_item *it, struct hop_err *err)
{
	struct booking_request rq = { .day = it->day, .half = HALF_DAY, .for_login = p->login };
	struct hop_booking made;
	char codes[2][HOP_CODE_MAX + 1], fixed[HOP_CODE_MAX + 1];
	struct hop_err e;
	int n;

	if (day_desks(app, p->id, it->day, codes, &n, err) != HOP_OK)
		return err->status;
	if (n) {
		it->had_desk = true;
		snprintf(it->desk, sizeof it->desk, "%s", codes[0]);
		return HOP_OK;
	}
	if (fixed_desk(app, p->id, it->day, fixed, err) != HOP_OK)
		return err->status;
	if (*fixed) {
		rq.desk = fixed;
		if (booking_book(app, &rq, &made, &e) == HOP_OK) {
			snprintf(it->desk, sizeof it->desk, "%s", made.desk);
			return HOP_OK;
		}
		if (fatal(e.status)) {
			*err = e;
			return e.status;
		}
	}
	rq.desk = NULL;
	rq.any = true;
	/* Near the team they are in that day.  Booking seats them by their team
	 * of today, so a day in another team (after a move) asks for no zone. */
	{
		int64_t team;
		if (membership_team_on(app, p->id, it->day, &team, err) != HOP_OK)
			return err->status;
		rq.near_team = p->team_id != 0 && (team == p->team_id || team == 0);
	}
	if (booking_book(app, &rq, &made, &e) == HOP_OK) {
		snprintf(it->desk, sizeof it->desk, "%s", made.desk);
		return HOP_OK;
	}
	if (fatal(e.status)) {
		*err = e;
		return e.status;
	}
	it->no_desk = true;
	snprintf(it->why, sizeof it->why, "%s", e.msg);
	it->reason = e.reason;
	it->facts = e.facts;
	return HOP_OK;
}

static enum hop_status cancel_desks(struct hop_app *app, const struct hop_person *p,
                                    struct presence_item *it, struct hop_err *err)
{
	char codes[2][HOP_CODE_MAX + 1];
	int n;

	if (day_desks(app, p->id, it->day, codes, &n, err) != HOP_OK)
		return err->status;
	for (int i = 0; i < n; i++) {
		int c = 0;
		/* The same desk booked as a morning and an afternoon: cancelling
		 * it for the whole day took both. */
		if (i > 0 && strcmp(codes[i], codes[0]) == 0)
			continue;
		if (booking_cancel(app, it->day, codes[i], HALF_DAY, p->login, &c, err) != HOP_OK)
			return err->status;
		it->cancelled += c;
	}
	return HOP_OK;
}

static enum hop_status set_days(struct hop_app *app, const struct hop_person *p,
                                struct pr_sites *sites, enum presence_loc loc, const char *note,
                                struct presence_result *res, struct hop_err *err)
{
	for (size_t i = 0; i < res->n; i++) {
		struct presence_item *it = &res->v[i];
		int64_t site;
		bool working;

		if (pr_sites_on(app, sites, it->day, &site, err) != HOP_OK ||
		    pr_working(app, site, it->day, &working, it->why, err) != HOP_OK)
			return err->status;
		if (!working) {
			it->skipped = true;
			res->skipped++;
			continue;
		}
		if (trn_mobile_gate(app, p->id, it->day, loc == LOC_HOME || loc == LOC_MOBILE,
		                    it->training, sizeof it->training, err) != HOP_OK ||
		    write_day(app, p, it->day, loc, note, err) != HOP_OK)
			return err->status;
		res->set++;
		if (loc != LOC_OFFICE) {
			if (cancel_desks(app, p, it, err) != HOP_OK)
				return err->status;
			res->cancelled += it->cancelled;
		} else if (app->cfg.presence_auto_book) {
			if (book_desk(app, p, it, err) != HOP_OK)
				return err->status;
			res->booked += *it->desk && !it->had_desk;
			res->no_desk += it->no_desk;
		}
	}
	return HOP_OK;
}

enum hop_status presence_set(struct hop_app *app, const char *login, hop_date from,
                             hop_date to, enum presence_loc loc, const char *note,
                             struct presence_result *res, struct hop_err *err)
{
	struct hop_person p;
	struct pr_sites sites;
	int64_t site = 0;
	bool working;
	char why[HOP_WHY_MAX];
	enum hop_status st;

	memset(res, 0, sizeof *res);
	if (loc == LOC_NONE || (unsigned)loc >= LOC_COUNT)
		return hop_fail(err, HOP_EINVAL, _("no location given; use office, home, mobile, "
		                "away or trip"));
	if (note && strlen(note) > HOP_PRESENCE_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; at most %d are "
		                "allowed"), strlen(note), HOP_PRESENCE_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	if (check_range(from, to, err) != HOP_OK || target(app, login, from, to, &p, err) != HOP_OK)
		return err->status;
	/* Each day's holidays: the site of the team the person is in that day. */
	if (pr_sites_load(app, &p, from, to, &sites, err) != HOP_OK)
		return err->status;
	/* One day asked for by name that is not a working day is a mistake to
	 * point out; in a range such days are simply passed over. */
	if (from == to) {
		if (pr_sites_on(app, &sites, from, &site, err) != HOP_OK ||
		    pr_working(app, site, from, &working, why, err) != HOP_OK) {
			pr_sites_free(&sites);
			return err->status;
		}
		if (!working) {
			pr_sites_free(&sites);
			return hop_fail(err, HOP_EINVAL, _("%s; presence is planned for working days only"),
			                why);
		}
	}
	res->n = (size_t)(to - from) + 1;
	res->v = calloc(res->n, sizeof *res->v);
	if (!res->v) {
		res->n = 0;
		pr_sites_free(&sites);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while setting presence"));
	}
	for (size_t i = 0; i < res->n; i++)
		res->v[i].day = from + (hop_date)i;
	if ((st = db_begin(app->db, err)) == HOP_OK &&
	    (st = set_days(app, &p, &sites, loc, note, res, err)) != HOP_OK)
		db_rollback(app->db);
	if (st == HOP_OK)
		st = db_commit(app->db, err);
	pr_sites_free(&sites);
	if (st != HOP_OK)
		presence_result_free(res);
	return st;
}

enum hop_status presence_clear(struct hop_app *app, const char *login, hop_date from,
                               hop_date to, int *cleared, struct hop_err *err)
{
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN], detail[64], object[HOP_LOGIN_MAX + 8];
	struct hop_person p;
	struct db_stmt *st;

	*cleared = 0;
	if (check_range(from, to, err) != HOP_OK || target(app, login, from, to, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	/* The cleared days keep a revision, so that their feeds' SEQUENCE grows
	 * as they fall back to the weekly default. */
	if (pr_rev_touch_entries(app, p.id, from, to, err) != HOP_OK)
		goto fail;
	st = db_stmt(app->db, "DELETE FROM presence WHERE person_id = ?1 AND day BETWEEN ?2 AND ?3",
	             err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	if (db_run(st, _("clearing presence"), err) != HOP_OK)
		goto fail;
	*cleared = db_changes(app->db);
	if (!*cleared)
		return db_commit(app->db, err);
	snprintf(detail, sizeof detail, "%s..%s: %d days", date_format(from, a), date_format(to, b),
	         *cleared);
	snprintf(object, sizeof object, "person:%s", p.login);
	return audit_commit(app, "presence.clear", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status presence_mark_office(struct hop_app *app, int64_t person_id, hop_date day,
                                     struct hop_err *err)
{
	char old[16];
	struct hop_person p;
	struct db_stmt *st;
	bool found;

	if (pr_day_entry(app, person_id, day, old, sizeof old, err) != HOP_OK)
		return err->status;
	if (strcmp(old, "office") == 0)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT login FROM person WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	if (db_get_text(st, p.login, sizeof p.login, &found, _("reading a person"), err) != HOP_OK)
		return err->status;
	if (!found)
		return hop_fail(err, HOP_ENOTFOUND, _("there is no person with id %lld"),
		                (long long)person_id);
	p.id = person_id;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (write_day(app, &p, day, LOC_OFFICE, NULL, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return db_commit(app->db, err);
}

/* The one working day a note is written for: not past, the actor's to
 * change, a working day at the person's site that day. */
static enum hop_status note_day(struct hop_app *app, const char *login, hop_date day,
                                struct hop_person *p, struct hop_err *err)
{
	struct pr_sites sites;
	int64_t site = 0;
	bool working = false;
	char why[HOP_WHY_MAX];
	enum hop_status st;

	if (check_range(day, day, err) != HOP_OK || target(app, login, day, day, p, err) != HOP_OK)
		return err->status;
	if (pr_sites_load(app, p, day, day, &sites, err) != HOP_OK)
		return err->status;
	if ((st = pr_sites_on(app, &sites, day, &site, err)) == HOP_OK)
		st = pr_working(app, site, day, &working, why, err);
	pr_sites_free(&sites);
	if (st != HOP_OK)
		return st;
	if (!working)
		return hop_fail(err, HOP_EINVAL, _("%s; notes are kept for working days only"), why);
	return HOP_OK;
}

enum hop_status presence_note_set(struct hop_app *app, const char *login, hop_date day,
                                  const char *note, struct hop_err *err)
{
	char iso[HOP_DATE_ISO_LEN], when[HOP_DATE_HUMAN_LEN], now[24];
	char detail[HOP_PRESENCE_NOTE_MAX + 64], object[HOP_LOGIN_MAX + 8];
	struct presence_day_entry week[PRESENCE_DAYS];
	const struct presence_day_entry *was;
	struct hop_person p;
	struct db_stmt *st;

	if (!note)
		note = "";
	if (strlen(note) > HOP_PRESENCE_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; at most %d are "
		                "allowed"), strlen(note), HOP_PRESENCE_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	if (note_day(app, login, day, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	/* What the day is now, read inside the transaction that changes it. */
	if (presence_person_week(app, p.login, day, NULL, week, err) != HOP_OK)
		goto fail;
	was = &week[date_weekday(day) - 1];
	if (strcmp(was->note, note) == 0) {
		db_rollback(app->db);
		return HOP_OK;
	}
	if (was->loc == LOC_NONE) {
		db_rollback(app->db);
		return hop_fail(err, HOP_EINVAL, _("%s has no location on %s yet; a note belongs to "
		                "the day's location, so set that first"), p.name,
		                date_format_human(day, when, sizeof when));
	}
	if (was->source != PSRC_DAY) {
		if (write_day(app, &p, day, was->loc, note, err) != HOP_OK)
			goto fail;
		return db_commit(app->db, err);
	}
	st = db_stmt(app->db, "UPDATE presence SET note = ?3, set_by = ?4, updated_at = ?5 "
	             "WHERE person_id = ?1 AND day = ?2", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, day);
	db_bind_text(st, 3, *note ? note : NULL);
	if (app->actor.known)
		db_bind_int64(st, 4, app->actor.person.id);
	db_bind_text(st, 5, clock_timestamp(now));
	if (db_run(st, _("saving presence"), err) != HOP_OK ||
	    pr_rev_touch_day(app, p.id, day, err) != HOP_OK)
		goto fail;
	date_format(day, iso);
	if (*note)
		snprintf(detail, sizeof detail, "%s: note: %s", iso, note);
	else
		snprintf(detail, sizeof detail, "%s: note removed", iso);
	snprintf(object, sizeof object, "person:%s", p.login);
	return audit_commit(app, "presence.note", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}
