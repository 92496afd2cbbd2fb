/* A series of bookings: the chosen weekdays between two dates, each date in
 * its own transaction so that one taken day does not stop the others, and a
 * result per date that says booked (which desk) or why not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "booking_int.h"

/* A year and a day: longer is surely a typo in --until. */
#define SERIES_DAYS_MAX 366
#define WEEKDAY_BITS (0x7fu << 1)

static void book_one(struct hop_app *app, const struct bk_ctx *ctx, struct series_item *it)
{
	struct hop_err err = { 0 };
	struct hop_booking b;
	int64_t id = 0;

	if (db_begin(app->db, &err) != HOP_OK) {
		it->status = err.status;
	} else if (bk_book_day(app, ctx, it->day, &id, &it->why, &err) != HOP_OK) {
		db_rollback(app->db);
		it->status = err.status;
	} else if (db_commit(app->db, &err) != HOP_OK) {
		it->status = err.status;
	} else {
		it->status = HOP_OK;
		if (booking_get(app, id, &b, &err) == HOP_OK) {
			snprintf(it->desk, sizeof it->desk, "%s", b.desk);
			it->kind = b.kind;
		}
		return;
	}
	snprintf(it->msg, sizeof it->msg, "%s", err.msg);
	it->reason = err.reason;
	it->facts = err.facts;
}

enum hop_status booking_book_series(struct hop_app *app, const struct booking_request *rq,
                                    unsigned weekdays, hop_date until,
                                    struct series_item **items, size_t *n,
                                    struct hop_err *err)
{
	char a[HOP_DATE_HUMAN_LEN], b[HOP_DATE_HUMAN_LEN];
	struct series_item *v;
	struct bk_ctx ctx;
	size_t count = 0;

	*items = NULL;
	*n = 0;
	if (!(weekdays & WEEKDAY_BITS) || (weekdays & ~WEEKDAY_BITS))
		return hop_fail(err, HOP_EINVAL, _("no weekdays given for the series; name them, "
		                "such as mon,thu or mon-fri"));
	if (rq->day == HOP_DATE_NONE || until == HOP_DATE_NONE)
		return hop_refuse(err, HOP_EINVAL, HOP_R_SERIES_NO_END, NULL, _("a series needs a "
		                  "first day and a last day"));
	if (until < rq->day)
		return hop_refuse(err, HOP_EINVAL, HOP_R_UNTIL_BEFORE_FROM, HOP_ABOUT(.day = until),
		                  _("the series ends on %s, before its first day %s"),
		                  date_format_human(until, a, sizeof a),
		                  date_format_human(rq->day, b, sizeof b));
	if (until - rq->day >= SERIES_DAYS_MAX)
		return hop_fail(err, HOP_EINVAL, _("a series runs at most %d days; %s to %s is "
		                "longer"), SERIES_DAYS_MAX, date_format_human(rq->day, a, sizeof a),
		                date_format_human(until, b, sizeof b));
	/* What holds for every date is checked once and refuses the whole series. */
	if (bk_prepare(app, rq, &ctx, err) != HOP_OK)
		return err->status;
	for (hop_date d = rq->day; d <= until; d++)
		if (weekdays & (1u << date_weekday(d)))
			count++;
	if (!count)
		return hop_fail(err, HOP_EINVAL, _("none of the chosen weekdays falls between %s "
		                "and %s"), date_format_human(rq->day, a, sizeof a),
		                date_format_human(until, b, sizeof b));
	v = calloc(count, sizeof *v);
	if (!v)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while booking a series"));
	count = 0;
	for (hop_date d = rq->day; d <= until; d++) {
		if (!(weekdays & (1u << date_weekday(d))))
			continue;
		v[count].day = d;
		book_one(app, &ctx, &v[count]);
		count++;
	}
	*items = v;
	*n = count;
	return HOP_OK;
}
