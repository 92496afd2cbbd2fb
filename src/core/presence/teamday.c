/* Team presence days ("Präsenztage"): recurring weekdays over a period, or
 * single dates with a note.  Set and removed by the team's lead, HR or an
 * admin; read by everyone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "presence_int.h"

void teamday_list_free(struct hop_teamday_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static enum hop_status push(struct hop_teamday_list *l, const struct hop_teamday *t,
                            struct hop_err *err)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct hop_teamday *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading presence days"));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *t;
	return HOP_OK;
}

enum hop_status teamday_parse_when(const char *text, hop_date today, unsigned *weekdays,
                                   hop_date *day, struct hop_err *err)
{
	struct hop_err e;

	*weekdays = 0;
	*day = HOP_DATE_NONE;
	/* A weekday name is a recurring day here, not "the next Tuesday". */
	if (weekdays_parse(text, weekdays, &e) == HOP_OK) {
		if (*weekdays & ~(unsigned)0x3e)
			return hop_fail(err, HOP_EINVAL, _("'%s': presence days fall on Monday to Friday"),
			                text);
		return HOP_OK;
	}
	*weekdays = 0;
	if (date_parse(text, today, day, &e) == HOP_OK)
		return HOP_OK;
	return hop_fail(err, HOP_EINVAL, _("'%s' is neither a weekday (mon .. fri, mo .. fr) nor a "
	                "date (2026-12-01, 1.12.2026)"), text);
}

static enum hop_status active_team(struct hop_app *app, const char *team, struct hop_team *t,
                                   struct hop_err *err)
{
	if (team_find(app, team, t, err) != HOP_OK)
		return err->status;
	if (t->dissolved != HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("team %s is dissolved"), t->name);
	return HOP_OK;
}

static enum hop_status set_weekday(struct hop_app *app, const struct hop_team *t, int wd,
                                   hop_date from, hop_date until, const char *note,
                                   struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO team_day (team_id, weekday, from_day, "
	                           "until_day, note) VALUES (?1, ?2, ?3, ?4, ?5) "
	                           "ON CONFLICT (team_id, weekday) WHERE weekday IS NOT NULL DO "
	                           "UPDATE SET from_day = excluded.from_day, until_day = "
	                           "excluded.until_day, note = excluded.note, sequence = "
	                           "team_day.sequence + CASE WHEN team_day.from_day IS DISTINCT FROM "
	                           "excluded.from_day OR team_day.until_day IS DISTINCT FROM "
	                           "excluded.until_day OR team_day.note IS DISTINCT FROM excluded.note "
	                           "THEN 1 ELSE 0 END", err);

	struct hop_teamday old;
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, t->id);
	db_bind_int(st, 2, wd);
	db_bind_date(st, 3, from);
	if (until != HOP_DATE_NONE)
		db_bind_date(st, 4, until);
	db_bind_text(st, 5, note && *note ? note : NULL);
	/* The days the new period no longer covers stay in the calendars as
	 * cancelled, as a removed team day does. */
	if (pr_td_get(app, t->id, wd, HOP_DATE_NONE, &old, &found, err) != HOP_OK ||
	    db_run(st, _("saving a presence day"), err) != HOP_OK)
		return err->status;
	return found ? pr_td_narrowed(app, &old, from, until, err)
	             : pr_td_added(app, t->id, wd, HOP_DATE_NONE, err);
}

static enum hop_status set_date(struct hop_app *app, const struct hop_team *t, hop_date day,
                                const char *note, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO team_day (team_id, day, from_day, note) "
	                           "VALUES (?1, ?2, ?2, ?3) ON CONFLICT (team_id, day) WHERE day "
	                           "IS NOT NULL DO UPDATE SET note = excluded.note, sequence = "
	                           "team_day.sequence + CASE WHEN team_day.note IS DISTINCT FROM "
	                           "excluded.note THEN 1 ELSE 0 END", err);

	struct hop_teamday old;
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, t->id);
	db_bind_date(st, 2, day);
	db_bind_text(st, 3, note && *note ? note : NULL);
	if (pr_td_get(app, t->id, 0, day, &old, &found, err) != HOP_OK ||
	    db_run(st, _("saving a presence day"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : pr_td_added(app, t->id, 0, day, err);
}

/* "tue,thu from 2026-11-24 until 2027-03-31" or "2026-12-01", for the audit log. */
static void describe(unsigned weekdays, hop_date day, hop_date from, hop_date until,
                     const char *note, char *buf, size_t size)
{
	static const char *const keys[] = { "", "mon", "tue", "wed", "thu", "fri" };
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];
	size_t len = 0;

	buf[0] = '\0';
	if (!weekdays) {
		len = (size_t)snprintf(buf, size, "%s", date_format(day, a));
	} else {
		for (int wd = 1; wd <= 5 && len < size; wd++)
			if (weekdays & (1u << wd))
				len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "",
				                        keys[wd]);
		if (from != HOP_DATE_NONE && len < size)
			len += (size_t)snprintf(buf + len, size - len, " from %s", date_format(from, a));
		if (until != HOP_DATE_NONE && len < size)
			len += (size_t)snprintf(buf + len, size - len, " until %s", date_format(until, b));
	}
	if (note && *note && len < size)
		snprintf(buf + len, size - len, "; note: %s", note);
}

enum hop_status teamday_set(struct hop_app *app, const char *team, unsigned weekdays,
                            hop_date day, hop_date from, hop_date until, const char *note,
                            struct hop_err *err)
{
	char detail[512], object[HOP_SLUG_MAX + 8], why[HOP_WHY_MAX], when[HOP_DATE_HUMAN_LEN];
	char first[HOP_DATE_HUMAN_LEN];
	struct hop_team t;
	int64_t site;
	bool working;
	enum hop_status st = HOP_OK;

	if (note && strlen(note) > HOP_PRESENCE_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; at most %d are "
		                "allowed"), strlen(note), HOP_PRESENCE_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	if (active_team(app, team, &t, err) != HOP_OK || authz_team_plan(app, &t, err) != HOP_OK)
		return err->status;
	if (weekdays & ~(unsigned)0x3e)
		return hop_fail(err, HOP_EINVAL, _("presence days fall on Monday to Friday"));
	if (weekdays) {
		if (from == HOP_DATE_NONE)
			from = clock_today();
		if (until != HOP_DATE_NONE && until < from)
			return hop_refuse(err, HOP_EINVAL, HOP_R_UNTIL_BEFORE_FROM, HOP_ABOUT(.day =
			                  until), _("the last day %s is before the first day %s"),
			                  date_format_human(until, when, sizeof when),
			                  date_format_human(from, first, sizeof first));
	} else {
		if (day == HOP_DATE_NONE)
			return hop_fail(err, HOP_EINVAL, _("no day given; give a weekday (tue) or a "
			                "date (2026-12-01)"));
		if (day < clock_today())
			return hop_fail(err, HOP_EINVAL, _("%s is in the past; plan presence days "
			                "from today on"), date_format_human(day, when, sizeof when));
		if (pr_team_site(app, t.id, &site, err) != HOP_OK ||
		    pr_working(app, site, day, &working, why, err) != HOP_OK)
			return err->status;
		if (!working)
			return hop_fail(err, HOP_EINVAL, _("%s; a presence day must be a working day"),
			                why);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (!weekdays)
		st = set_date(app, &t, day, note, err);
	for (int wd = 1; wd <= 5 && st == HOP_OK; wd++)
		if (weekdays & (1u << wd))
			st = set_weekday(app, &t, wd, from, until, note, err);
	describe(weekdays, day, from, until, note, detail, sizeof detail);
	snprintf(object, sizeof object, "team:%s", t.slug);
	if (st != HOP_OK || audit_write(app, "teamday.set", object, detail, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return db_commit(app->db, err);
}

enum hop_status teamday_remove(struct hop_app *app, const char *team, unsigned weekdays,
                               hop_date day, struct hop_err *err)
{
	char detail[512], object[HOP_SLUG_MAX + 8], when[HOP_DATE_HUMAN_LEN];
	struct hop_team t;
	enum hop_status st = HOP_OK;
	int removed = 0;

	if (active_team(app, team, &t, err) != HOP_OK || authz_team_plan(app, &t, err) != HOP_OK)
		return err->status;
	if (!weekdays && day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a weekday (tue) or a date "
		                "(2026-12-01)"));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	/* Each one removed stays in the calendars as cancelled for a while. */
	for (int wd = weekdays ? 1 : 0; st == HOP_OK && wd <= (weekdays ? 5 : 0); wd++) {
		bool gone;

		if (wd && !(weekdays & (1u << wd)))
			continue;
		st = pr_td_remove(app, t.id, wd, day, &gone, err);
		removed += gone;
	}
	if (st != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (!removed) {
		db_rollback(app->db);
		if (weekdays)
			return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_TEAMDAY, HOP_ABOUT(.team = t.slug),
			                  _("%s has no such recurring presence day"), t.name);
		return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_TEAMDAY, HOP_ABOUT(.team = t.slug),
		                  _("%s has no presence day on %s"), t.name,
		                  date_format_human(day, when, sizeof when));
	}
	describe(weekdays, day, HOP_DATE_NONE, HOP_DATE_NONE, NULL, detail, sizeof detail);
	snprintf(object, sizeof object, "team:%s", t.slug);
	if (audit_write(app, "teamday.remove", object, detail, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return db_commit(app->db, err);
}

enum hop_status pr_teamdays_load(struct hop_app *app, int64_t team_id,
                                 struct hop_teamday_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	st = db_stmt(app->db, "SELECT td.id, td.team_id, t.name, coalesce(td.weekday, 0), td.day, "
	             "td.from_day, td.until_day, coalesce(td.note, ''), td.sequence FROM team_day td "
	             "JOIN team t ON t.id = td.team_id WHERE (?1 = 0 OR td.team_id = ?1) "
	             "ORDER BY t.name COLLATE hop, td.weekday IS NULL, td.weekday, td.day", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_teamday t;

		t.id = db_col_int64(st, 0);
		t.team_id = db_col_int64(st, 1);
		db_col_copy(st, 2, t.team, sizeof t.team);
		t.weekday = db_col_int(st, 3);
		t.day = db_col_date(st, 4);
		t.from = db_col_date(st, 5);
		t.until = db_col_date(st, 6);
		db_col_copy(st, 7, t.note, sizeof t.note);
		t.sequence = db_col_int(st, 8);
		t.removed = HOP_DATE_NONE;
		if (push(out, &t, err) != HOP_OK) {
			db_reset(st);
			teamday_list_free(out);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE) {
		teamday_list_free(out);
		return db_fail(app->db, err, _("reading presence days"));
	}
	return HOP_OK;
}

const struct hop_teamday *pr_teamday_match(const struct hop_teamday_list *l, int64_t team_id,
                                           hop_date day)
{
	const struct hop_teamday *recurring = NULL;

	for (size_t i = 0; i < l->n; i++) {
		const struct hop_teamday *t = &l->v[i];
		if (t->team_id != team_id)
			continue;
		if (!t->weekday && t->day == day)
			return t;   /* a date, with its own note, wins */
		if (t->weekday && t->weekday == date_weekday(day) && day >= t->from &&
		    (t->until == HOP_DATE_NONE || day <= t->until) && !recurring)
			recurring = t;
	}
	return recurring;
}

enum hop_status teamday_list(struct hop_app *app, const char *team,
                             struct hop_teamday_list *out, struct hop_err *err)
{
	struct hop_team t = { 0 };

	memset(out, 0, sizeof *out);
	if (team && *team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	return pr_teamdays_load(app, t.id, out, err);
}

enum hop_status teamday_list_add(struct hop_app *app, int64_t team_id,
                                 struct hop_teamday_list *out, struct hop_err *err)
{
	struct hop_teamday_list l;
	enum hop_status st;

	if (!team_id)
		return HOP_OK;
	if (pr_teamdays_load(app, team_id, &l, err) != HOP_OK)
		return err->status;
	st = HOP_OK;
	for (size_t i = 0; st == HOP_OK && i < l.n; i++)
		st = push(out, &l.v[i], err);
	teamday_list_free(&l);
	return st;
}

enum hop_status teamday_on(struct hop_app *app, int64_t team_id, hop_date day, bool *is,
                           char *note, struct hop_err *err)
{
	struct hop_teamday_list l;
	const struct hop_teamday *t;

	*is = false;
	if (note)
		note[0] = '\0';
	if (pr_teamdays_load(app, team_id, &l, err) != HOP_OK)
		return err->status;
	if ((t = pr_teamday_match(&l, team_id, day))) {
		*is = true;
		if (note)
			snprintf(note, HOP_PRESENCE_NOTE_MAX + 1, "%s", t->note);
	}
	teamday_list_free(&l);
	return HOP_OK;
}
