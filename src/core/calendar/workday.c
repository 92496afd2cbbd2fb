/* Working days: the one place that decides whether desks can be booked and
 * presence planned on a day: not a weekend, not a public holiday of the site's
 * Bundesland, not an imported closure day, not 24 or 31 December when the
 * policy frees them. */
#include <stdint.h>

#include <stdio.h>

#include "hop/core/app.h"
#include "hop/core/calendar/closure.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"

enum hop_status workday_check(struct hop_app *app, int64_t site_id, hop_date day,
                              struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];
	char why[HOP_ERR_MSG_MAX];

	if (day == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	switch (date_weekday(day)) {
	case 6:
		return hop_fail(err, HOP_EINVAL, _("%s is a Saturday, not a working day"),
		                date_format_human(day, when, sizeof when));
	case 7:
		return hop_fail(err, HOP_EINVAL, _("%s is a Sunday, not a working day"),
		                date_format_human(day, when, sizeof when));
	default:
		break;
	}
	/* Public holidays of the site's Land (the organisation's without a site)
	 * and closure days; the reason is already a whole sentence. */
	if (app && app->db && holiday_or_closure(app, site_id, day, why, sizeof why))
		return hop_fail(err, HOP_EINVAL, "%s", why);
	if (workday_freed(app, day, NULL))
		return hop_fail(err, HOP_EINVAL, _("%s is free under § 6 (3) TVöD/TV-L, not a "
		                "working day"), date_format_human(day, when, sizeof when));
	return HOP_OK;
}

bool workday_freed(const struct hop_app *app, hop_date day, const char **name)
{
	int y, m, d;

	if (!app || !app->cfg.free_dec24_dec31 || day == HOP_DATE_NONE || date_weekday(day) > 5)
		return false;
	date_to_ymd(day, &y, &m, &d);
	if (m != 12 || (d != 24 && d != 31))
		return false;
	if (name)
		*name = d == 24 ? _("24 December (free under § 6 (3) TVöD/TV-L)")
		                : _("31 December (free under § 6 (3) TVöD/TV-L)");
	return true;
}

bool workday_is_working(struct hop_app *app, int64_t site_id, hop_date day)
{
	struct hop_err err;

	return workday_check(app, site_id, day, &err) == HOP_OK;
}

char *holiday_region_of_site(struct hop_app *app, int64_t site_id, char *buf, size_t size)
{
	struct hop_err err;
	struct db_stmt *st;

	snprintf(buf, size, "%s", app->cfg.region);
	if (site_id <= 0 || !app->db)
		return buf;
	st = db_stmt(app->db, "SELECT region FROM site WHERE id = ?1", &err);
	if (!st)
		return buf;
	db_bind_int64(st, 1, site_id);
	if (db_step(st) == DB_ROW)
		db_col_copy(st, 0, buf, size);
	db_reset(st);
	return buf;
}
