/* Working days: the one place that decides whether desks can be booked and
 * presence planned on a day: not a weekend, not a public holiday of the site's
 * Bundesland, not an imported closure day, not 24 or 31 December when the
 * policy frees them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/calendar/closure.h"
#include "hop/core/calendar/holiday.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/calendar/workday.h"

/* Holidays and closures per site and day, remembered while the database and
 * the configured region are unchanged: a feed run asks for each of forty days once per person (20,000
 * times), and each answer was two queries and a year's holidays worked out.
 * Direct-mapped: a clash forgets the older day. */
#define MEMO_SLOTS 512

struct workday_memo {
	struct db_mark stamp;
	char region[sizeof ((struct hop_config *)0)->region];  /* [organisation] region then */
	struct memo_slot {
		int64_t site_id;
		hop_date day;                      /* HOP_DATE_NONE: empty */
		char *why;                         /* NULL: a working day */
	} slot[MEMO_SLOTS];
};

void workday_memo_free(struct workday_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < MEMO_SLOTS; i++)
		free(m->slot[i].why);
	free(m);
}

static void memo_clear(struct workday_memo *m)
{
	for (size_t i = 0; i < MEMO_SLOTS; i++) {
		free(m->slot[i].why);
		m->slot[i].why = NULL;
		m->slot[i].day = HOP_DATE_NONE;
	}
}

/* holiday_or_closure, remembered.  Without memory it asks every time. */
static bool holiday_or_closure_memo(struct hop_app *app, int64_t site_id, hop_date day,
                                    char *why, size_t size)
{
	struct workday_memo *m = app->workday_memo;
	struct hop_err err;
	struct db_mark now;
	struct memo_slot *s;
	bool off;

	if (db_mark(app->db, &now, &err) != HOP_OK)
		return holiday_or_closure(app, site_id, day, why, size);
	if (!m && (m = app->workday_memo = malloc(sizeof *m)) != NULL) {
		for (size_t i = 0; i < MEMO_SLOTS; i++)
			m->slot[i].why = NULL;
		memo_clear(m);
		m->stamp = now;
		snprintf(m->region, sizeof m->region, "%s", app->cfg.region);
	}
	if (!m)
		return holiday_or_closure(app, site_id, day, why, size);
	if (!db_mark_same(&now, &m->stamp) || strcmp(m->region, app->cfg.region) != 0) {
		memo_clear(m);
		m->stamp = now;
		snprintf(m->region, sizeof m->region, "%s", app->cfg.region);
	}
	s = &m->slot[((uint64_t)day * 31u + (uint64_t)site_id) % MEMO_SLOTS];
	if (s->day != day || s->site_id != site_id) {
		free(s->why);
		s->why = NULL;
		s->day = HOP_DATE_NONE;
		if ((off = holiday_or_closure(app, site_id, day, why, size)) &&
		    !(s->why = strdup(why)))
			return off;
		s->site_id = site_id;
		s->day = day;
		return off;
	}
	if (s->why)
		snprintf(why, size, "%s", s->why);
	else if (size)
		*why = '\0';
	return s->why != NULL;
}

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
	if (app && app->db && holiday_or_closure_memo(app, site_id, day, why, sizeof why))
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

/* The rules of workday_check for a range of days at once: the site's region
 * read once, each year's holidays worked out once, one query for the
 * closures.  tests/unit/test_workday.c holds the two to the same answers. */
enum hop_status workday_range(struct hop_app *app, int64_t site_id, hop_date from, int ndays,
                              unsigned char *working, struct hop_err *err)
{
	struct hop_holiday hol[HOLIDAY_MAX];
	struct hop_closure_list cl;
	char region[3];
	int y0, y1, m, d;

	if (from == HOP_DATE_NONE || ndays < 0)
		return hop_fail(err, HOP_EINVAL, _("no day given; give a date such as 2026-11-24"));
	for (int i = 0; i < ndays; i++)
		working[i] = date_weekday(from + i) <= 5 && !workday_freed(app, from + i, NULL);
	/* As workday_check: without a database, no holidays and no closures. */
	if (!ndays || !app || !app->db)
		return HOP_OK;
	holiday_region_of_site(app, site_id, region, sizeof region);
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(from + ndays - 1, &y1, &m, &d);
	for (int y = y0; y <= y1; y++) {
		size_t n = holiday_list(region, y, hol, HOLIDAY_MAX);

		for (size_t i = 0; i < n && i < HOLIDAY_MAX; i++)
			if (hol[i].day >= from && hol[i].day < from + ndays)
				working[hol[i].day - from] = 0;
	}
	if (closure_list(app, site_id, from, from + ndays, &cl, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < cl.n; i++)
		if (cl.v[i].day >= from && cl.v[i].day < from + ndays)
			working[cl.v[i].day - from] = 0;
	closure_list_free(&cl);
	return HOP_OK;
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
