/* Weekly defaults ("office Tue/Thu, home otherwise") and one person's week:
 * the day's entry, else the default, else not set. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "presence_int.h"

#define SPEC_MAX 512

static enum hop_status who(struct hop_app *app, const char *login, struct hop_person *p,
                           struct hop_err *err)
{
	if (!login || !*login) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		login = app->actor.login;
	}
	return person_get(app, login, p, err);
}

/* "mon=office,tue=home" into loc[0..5) with set[] marking the weekdays named;
 * a location "-" or "none" removes that default (LOC_NONE). */
static enum hop_status parse_spec(const char *spec, enum presence_loc loc[PRESENCE_DAYS],
                                  bool set[PRESENCE_DAYS], struct hop_err *err)
{
	char buf[SPEC_MAX], *save = NULL;
	bool any = false;

	if (strlen(spec) >= sizeof buf)
		return hop_fail(err, HOP_EINVAL, _("the weekly default is %zu bytes long; at most %zu "
		                "are allowed"), strlen(spec), sizeof buf - 1);
	memcpy(buf, spec, strlen(spec) + 1);
	for (char *tok = strtok_r(buf, ", ;", &save); tok; tok = strtok_r(NULL, ", ;", &save)) {
		char *eq = strchr(tok, '=');
		unsigned days;
		enum presence_loc l = LOC_NONE;

		if (!eq || eq == tok || !eq[1])
			return hop_fail(err, HOP_EINVAL, _("'%s' is not of the form WEEKDAY=LOCATION; "
			                "write e.g. mon=office,tue=home"), tok);
		*eq = '\0';
		if (weekdays_parse(tok, &days, err) != HOP_OK)
			return err->status;
		if (days & ~(unsigned)0x3e)
			return hop_fail(err, HOP_EINVAL, _("'%s': weekly defaults are for Monday to "
			                "Friday only"), tok);
		if (strcmp(eq + 1, "-") != 0 && strcasecmp(eq + 1, "none") != 0 &&
		    presence_loc_parse(eq + 1, &l, err) != HOP_OK)
			return err->status;
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			if (days & (1u << (d + 1))) {
				loc[d] = l;
				set[d] = true;
				any = true;
			}
		}
	}
	if (!any)
		return hop_fail(err, HOP_EINVAL, _("no weekday given; write e.g. mon=office,tue=home"));
	return HOP_OK;
}

static enum hop_status store(struct hop_app *app, int64_t person_id, int weekday,
                             enum presence_loc l, struct hop_err *err)
{
	struct db_stmt *st;

	if (l == LOC_NONE)
		st = db_stmt(app->db, "DELETE FROM presence_default WHERE person_id = ?1 AND "
		             "weekday = ?2", err);
	else
		st = db_stmt(app->db, "INSERT INTO presence_default (person_id, weekday, location) "
		             "VALUES (?1, ?2, ?3) ON CONFLICT (person_id, weekday) DO UPDATE SET "
		             "location = excluded.location "
		             "WHERE presence_default.location IS DISTINCT FROM excluded.location", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_int(st, 2, weekday);
	if (l != LOC_NONE)
		db_bind_text(st, 3, presence_loc_name(l));
	if (db_run(st, _("saving the weekly default"), err) != HOP_OK)
		return err->status;
	/* Every day this default fills reads the weekday's revision. */
	if (db_changes(app->db) > 0)
		return pr_rev_touch_weekday(app, person_id, weekday, err);
	return HOP_OK;
}

enum hop_status presence_default_set(struct hop_app *app, const char *login,
                                     const char *spec, struct hop_err *err)
{
	static const char *const keys[PRESENCE_DAYS] = { "mon", "tue", "wed", "thu", "fri" };
	enum presence_loc loc[PRESENCE_DAYS] = { 0 };
	bool set[PRESENCE_DAYS] = { 0 };
	char detail[256] = "", object[HOP_LOGIN_MAX + 8];
	struct hop_person p;
	size_t len = 0;

	if (parse_spec(spec, loc, set, err) != HOP_OK || who(app, login, &p, err) != HOP_OK ||
	    authz_presence_for(app, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		if (!set[d])
			continue;
		if (store(app, p.id, d + 1, loc[d], err) != HOP_OK) {
			db_rollback(app->db);
			return err->status;
		}
		if (len < sizeof detail)
			len += (size_t)snprintf(detail + len, sizeof detail - len, "%s%s=%s",
			                        len ? "," : "", keys[d],
			                        loc[d] == LOC_NONE ? "-" : presence_loc_name(loc[d]));
	}
	snprintf(object, sizeof object, "person:%s", p.login);
	if (audit_write(app, "presence.default", object, detail, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return db_commit(app->db, err);
}

enum hop_status presence_default_get(struct hop_app *app, const char *login,
                                     enum presence_loc out[PRESENCE_DAYS], struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;
	int rc;

	for (int d = 0; d < PRESENCE_DAYS; d++)
		out[d] = LOC_NONE;
	if (who(app, login, &p, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT weekday, location FROM presence_default WHERE person_id = ?1",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	while ((rc = db_step(st)) == DB_ROW) {
		int wd = db_col_int(st, 0);
		if (wd >= 1 && wd <= PRESENCE_DAYS)
			out[wd - 1] = pr_loc_from_text(db_col_text(st, 1));
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading weekly defaults"));
	return HOP_OK;
}

static enum hop_status week_desks(struct hop_app *app, int64_t person_id, hop_date monday,
                                  struct presence_day_entry out[PRESENCE_DAYS],
                                  struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT b.day, d.code, b.am, b.pm FROM booking b "
	                           "JOIN desk d ON d.id = b.desk_id WHERE b.person_id = ?1 "
	                           "AND b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
	                           "AND b.is_room = 0 ORDER BY b.day, b.id", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, monday);
	db_bind_date(st, 3, monday + PRESENCE_DAYS - 1);
	while ((rc = db_step(st)) == DB_ROW) {
		hop_date day = db_col_date(st, 0);
		struct presence_day_entry *e;

		if (day == HOP_DATE_NONE || day < monday || day >= monday + PRESENCE_DAYS)
			continue;
		e = &out[day - monday];
		if (!*e->desk)
			db_col_copy(st, 1, e->desk, sizeof e->desk);
		e->desk_half |= (db_col_int(st, 2) ? HALF_AM : 0) |
		                (db_col_int(st, 3) ? HALF_PM : 0);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading bookings"));
	return HOP_OK;
}

enum hop_status presence_person_week(struct hop_app *app, const char *login, hop_date monday,
                                     struct hop_person *person,
                                     struct presence_day_entry out[PRESENCE_DAYS],
                                     struct hop_err *err)
{
	struct pr_plan plan;
	struct pr_sites sites;
	struct pr_setters setters = { 0 };
	struct hop_person p;
	enum hop_status st = HOP_OK;

	memset(out, 0, sizeof *out * PRESENCE_DAYS);
	if (monday == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no week given; give one such as 2026-W48"));
	monday -= date_weekday(monday) - 1;
	if (who(app, login, &p, err) != HOP_OK)
		return err->status;
	/* The holidays of each day are those of the site of the team they are
	 * in that day. */
	if (pr_sites_load(app, &p, monday, monday + PRESENCE_DAYS - 1, &sites, err) != HOP_OK)
		return err->status;
	if (pr_plan_load(app, p.team_id, &p.id, 1, monday, PRESENCE_DAYS, true, &plan,
	                 err) != HOP_OK) {
		pr_sites_free(&sites);
		return err->status;
	}
	for (int d = 0; d < PRESENCE_DAYS && st == HOP_OK; d++) {
		const struct pr_setter *by;
		int64_t site;

		out[d].day = monday + d;
		if ((st = pr_sites_on(app, &sites, out[d].day, &site, err)) != HOP_OK)
			break;
		pr_working(app, site, out[d].day, &out[d].working, out[d].why, err);
		out[d].loc = pr_plan_loc(&plan, 0, d);
		out[d].source = plan.src[d];
		snprintf(out[d].note, sizeof out[d].note, "%s", plan.note[d]);
		if ((st = pr_setter_get(app, &setters, plan.set_by[d], &by, err)) != HOP_OK)
			break;
		if (by) {
			snprintf(out[d].set_by, sizeof out[d].set_by, "%s", by->label);
			snprintf(out[d].set_by_login, sizeof out[d].set_by_login, "%s", by->login);
		}
	}
	pr_setters_free(&setters);
	pr_plan_free(&plan);
	pr_sites_free(&sites);
	if (st != HOP_OK || week_desks(app, p.id, monday, out, err) != HOP_OK)
		return err->status;
	if (person)
		*person = p;
	return HOP_OK;
}
