/* Revisions of presence days, for the iCalendar SEQUENCE of presence events
 * (see db/sqlite/0005_feed_sequence.sql), and a person's days as the feeds list them.
 *
 * A presence event's content is the day's effective location and note: the
 * day's own entry, else the weekly default, else a desk booked that day.  Its
 * SEQUENCE is the larger of the revs of the day's slot and its weekday's
 * slot.  Every change of either writes the person's largest rev plus one, so
 * whatever changed, the SEQUENCE grows; a cleared entry keeps its rev.
 *
 * A slot also keeps the day it last changed: a day left without any
 * location by such a change (its entry cleared with no default behind it,
 * its default removed, the booking that made it an office day cancelled)
 * stays in the feed as a cancelled event for [feeds] keep_cancelled_days
 * after the change, as a cancelled booking does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "presence_int.h"

/* Days read at a time: bounds memory for any period a feed asks for. */
#define FEED_CHUNK_DAYS 64

static enum hop_status rev_next(struct hop_app *app, int64_t person_id, int64_t *rev,
                                struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT coalesce(max(rev), 0) + 1 FROM presence_rev "
	                           "WHERE person_id = ?1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	rc = db_step(st);
	*rev = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading presence"));
	return HOP_OK;
}

/* Give slot ('YYYY-MM-DD' or 'W1'..'W5') the person's next rev. */
static enum hop_status rev_touch(struct hop_app *app, int64_t person_id, const char *slot,
                                 struct hop_err *err)
{
	struct db_stmt *st;
	int64_t rev;

	if (rev_next(app, person_id, &rev, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO presence_rev (person_id, slot, rev, changed_on) "
	             "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id, slot) DO UPDATE SET "
	             "rev = excluded.rev, changed_on = excluded.changed_on", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_text(st, 2, slot);
	db_bind_int64(st, 3, rev);
	db_bind_today(st, 4);
	return db_run(st, _("saving presence"), err);
}

enum hop_status pr_rev_touch_day(struct hop_app *app, int64_t person_id, hop_date day,
                                 struct hop_err *err)
{
	char slot[HOP_DATE_ISO_LEN];
	return rev_touch(app, person_id, date_format(day, slot), err);
}

enum hop_status pr_rev_touch_weekday(struct hop_app *app, int64_t person_id, int weekday,
                                     struct hop_err *err)
{
	char slot[4];
	snprintf(slot, sizeof slot, "W%d", weekday);
	return rev_touch(app, person_id, slot, err);
}

enum hop_status pr_rev_touch_entries(struct hop_app *app, int64_t person_id, hop_date from,
                                     hop_date to, struct hop_err *err)
{
	struct db_stmt *st;
	int64_t rev;

	if (rev_next(app, person_id, &rev, err) != HOP_OK)
		return err->status;
	/* "WHERE true" before ON CONFLICT: SQLite's parser needs it after a SELECT. */
	st = db_stmt(app->db, "INSERT INTO presence_rev (person_id, slot, rev, changed_on) "
	             "SELECT person_id, day, ?4, ?5 FROM presence WHERE person_id = ?1 "
	             "AND day BETWEEN ?2 AND ?3 AND true "
	             "ON CONFLICT (person_id, slot) DO UPDATE SET rev = excluded.rev, "
	             "changed_on = excluded.changed_on", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	db_bind_int64(st, 4, rev);
	db_bind_today(st, 5);
	return db_run(st, _("saving presence"), err);
}

enum hop_status presence_booking_changed(struct hop_app *app, int64_t person_id, hop_date day,
                                         struct hop_err *err)
{
	return pr_rev_touch_day(app, person_id, day, err);
}

/* ---- a person's days for the feeds ---- */

/* A slot's rev and the day it last changed (HOP_DATE_NONE: before that was
 * kept). */
struct slot_rev { int64_t rev; hop_date changed; };

/* The revs of person_id's days from..from+ndays-1 into day[], and of the
 * weekday defaults into wd[1..5]. */
static enum hop_status read_revs(struct hop_app *app, int64_t person_id, hop_date from,
                                 int ndays, struct slot_rev *day, struct slot_rev wd[6],
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT slot, rev, changed_on FROM presence_rev "
	                           "WHERE person_id = ?1 AND (slot BETWEEN ?2 AND ?3 "
	                           "OR slot IN ('W1', 'W2', 'W3', 'W4', 'W5'))", err);
	int rc;

	if (!st)
		return err->status;
	for (int d = 0; d < ndays; d++)
		day[d] = (struct slot_rev){ 0, HOP_DATE_NONE };
	for (int d = 0; d < 6; d++)
		wd[d] = (struct slot_rev){ 0, HOP_DATE_NONE };
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, from + ndays - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		const char *slot = db_col_text(st, 0);
		struct slot_rev r = { db_col_int64(st, 1), db_col_date(st, 2) };
		hop_date d;

		if (!slot)
			continue;
		if (slot[0] == 'W' && slot[1] >= '1' && slot[1] <= '5')
			wd[slot[1] - '0'] = r;
		else if ((d = db_col_date(st, 0)) != HOP_DATE_NONE && d >= from && d < from + ndays)
			day[d - from] = r;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading presence"));
	return HOP_OK;
}

enum hop_status presence_days_each(struct hop_app *app, const char *login, hop_date from,
                                   hop_date to, presence_day_fn fn, void *ctx,
                                   struct hop_err *err)
{
	struct slot_rev day_rev[FEED_CHUNK_DAYS], wd_rev[6];
	/* A change since then that left a day without a location is still a
	 * cancelled event (as a booking cancelled since then is). */
	hop_date since = clock_today() - app->cfg.feeds_keep_cancelled_days;
	struct pr_setters setters = { 0 };
	struct pr_sites sites;
	struct hop_person p;
	enum hop_status st = HOP_OK;

	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE || to < from)
		return hop_fail(err, HOP_EINVAL, _("the period ends before it starts; give the "
		                "earlier date first"));
	/* Each day's holidays: the site of the team the person is in that day. */
	if (person_get(app, login, &p, err) != HOP_OK ||
	    pr_sites_load(app, &p, from, to, &sites, err) != HOP_OK)
		return err->status;
	for (hop_date start = from; st == HOP_OK && start <= to; start += FEED_CHUNK_DAYS) {
		int ndays = to - start + 1 < FEED_CHUNK_DAYS ? (int)(to - start + 1) : FEED_CHUNK_DAYS;
		struct pr_plan plan;

		if ((st = pr_plan_load(app, p.team_id, &p.id, 1, start, ndays, true, &plan,
		                       err)) != HOP_OK)
			break;
		if ((st = read_revs(app, p.id, start, ndays, day_rev, wd_rev, err)) != HOP_OK) {
			pr_plan_free(&plan);
			break;
		}
		for (int d = 0; st == HOP_OK && d < ndays; d++) {
			struct presence_feed_day fd = { .day = start + d, .loc = pr_plan_loc(&plan, 0, d) };
			int wd = date_weekday(fd.day);
			/* The newer of the day's and its weekday's slot: the last change. */
			const struct slot_rev *last = wd > 5 || day_rev[d].rev > wd_rev[wd].rev
			                              ? &day_rev[d] : &wd_rev[wd];
			const struct pr_setter *by;
			int64_t site;
			bool working;

			if (wd > 5)
				continue;
			fd.cancelled = fd.loc == LOC_NONE && last->rev > 0 &&
			               last->changed != HOP_DATE_NONE && last->changed >= since;
			if (fd.loc == LOC_NONE && !fd.cancelled)
				continue;
			if ((st = pr_sites_on(app, &sites, fd.day, &site, err)) != HOP_OK ||
			    (st = pr_working(app, site, fd.day, &working, NULL, err)) != HOP_OK)
				break;
			if (!working)
				continue;
			if ((st = pr_setter_get(app, &setters, plan.set_by[d], &by, err)) != HOP_OK)
				break;
			fd.note = plan.note[d];
			fd.set_by = by ? by->label : "";
			fd.sequence = (int)last->rev;
			st = fn(ctx, &fd, err);
		}
		pr_plan_free(&plan);
	}
	pr_setters_free(&setters);
	pr_sites_free(&sites);
	return st;
}
