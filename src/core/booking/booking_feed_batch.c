/* Every person's (place's) feed bookings in one pass, for 'hop feeds publish':
 * the days of the feeds read once, through the day index as they lie in the
 * table, sorted by person (place), day and id, and handed out feed by feed as
 * the feeds come in ascending id order.  One query per feed instead read each
 * person's bookings through booking_person_day, a page of the table for
 * nearly every row (a person's days are weeks apart in a table written day by
 * day): most of publishing's time.  The rows and their order are the ones
 * booking_feed_each's own query gives (by day and id). */
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "booking_feed_int.h"

void booking_feed_pass(struct booking_feed *bf, enum booking_feed_pass pass)
{
	if (!bf)
		return;
	if (bf->batch.st)
		db_reset(bf->batch.st);
	memset(&bf->batch, 0, sizeof bf->batch);
	/* A setgid hop keeps the database's temporary files in memory (see
	 * db_sqlite.c), where the pass's sort would hold all the days'
	 * bookings: it reads feed by feed, in flat memory. */
	bf->batch.pass = hop_privileged() ? BOOKING_FEED_EACH : pass;
}

/* The next row of the pass into batch.row and batch.key; at the end the
 * statement is reset (the read ends with it). */
static enum hop_status batch_step(struct booking_feed *bf, struct hop_err *err)
{
	struct bf_batch *b = &bf->batch;
	int rc = db_step(b->st);

	if (rc == DB_ROW) {
		b->row = true;
		b->key = db_col_int64(b->st, FEED_NCOLS);
		return HOP_OK;
	}
	b->row = false;
	db_reset(b->st);
	b->st = NULL;
	if (rc != DB_DONE)
		return db_fail(bf->app->db, err, _("reading bookings"));
	return HOP_OK;
}

/* The pass's statement: the active bookings of the days through the day
 * index, the cancelled ones still in the feeds through their own, each
 * sorted ("+ 0": not by an index of person or place, which would read the
 * whole table's worth of them in their order) and merged.  No row needs
 * its booker's team: a pass is for feeds that show every booker (the
 * privacy rule's team test is not asked of them). */
static enum hop_status batch_begin(struct booking_feed *bf, hop_date from, hop_date to,
                                   hop_date cancelled_since, bool names, struct hop_err *err)
{
	struct bf_batch *b = &bf->batch;
	struct hop_app *app = bf->app;

	if (b->pass == BOOKING_FEED_PEOPLE)
		b->st = db_stmt(app->db, "SELECT " FEED_BARE_COLUMNS ", b.person_id + 0 " FEED_BARE_FROM
		                "WHERE b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
		                "UNION ALL SELECT " FEED_BARE_COLUMNS ", b.person_id + 0 " FEED_BARE_FROM
		                "WHERE b.cancelled_at >= ?10 AND b.day BETWEEN ?2 AND ?3 "
		                "ORDER BY 15, 2, 1", err);
	else
		b->st = db_stmt(app->db, "SELECT " FEED_BARE_COLUMNS ", b.desk_id + 0 " FEED_BARE_FROM
		                "WHERE b.day BETWEEN ?2 AND ?3 AND b.cancelled_at IS NULL "
		                "UNION ALL SELECT " FEED_BARE_COLUMNS ", b.desk_id + 0 " FEED_BARE_FROM
		                "WHERE b.cancelled_at >= ?10 AND b.day BETWEEN ?2 AND ?3 "
		                "ORDER BY 15, 2, 1", err);
	if (!b->st)
		return err->status;
	db_bind_date(b->st, 2, from);
	db_bind_date(b->st, 3, to);
	db_bind_int(b->st, 8, names);
	bf_bind_cancelled(b->st, cancelled_since);
	b->begun = true;
	b->from = from;
	b->to = to;
	b->cancelled_since = cancelled_since;
	b->names = names;
	return batch_step(bf, err);
}

enum hop_status bf_batch_each(struct booking_feed *bf, int64_t id, hop_date from, hop_date to,
                              hop_date cancelled_since, bool names, bool drop_hidden,
                              booking_fn fn, void *ctx, bool *used, struct hop_err *err)
{
	struct bf_batch *b = &bf->batch;
	struct hop_booking bk;
	bool reloaded = false, keep;

	*used = false;
	if (!b->begun) {
		if (batch_begin(bf, from, to, cancelled_since, names, err) != HOP_OK)
			return err->status;
	} else if (from != b->from || to != b->to || cancelled_since != b->cancelled_since ||
	           names != b->names || id <= b->last) {
		return HOP_OK;             /* not a feed of the pass: read on its own */
	}
	*used = true;
	b->last = id;
	/* Feeds not asked for (a person who has left, with bookings in the days). */
	while (b->row && b->key < id)
		if (batch_step(bf, err) != HOP_OK)
			return err->status;
	while (b->row && b->key == id) {
		if (bf_read_row(bf, b->st, drop_hidden, &reloaded, &bk, &keep, err) != HOP_OK ||
		    (keep && fn(ctx, &bk, err) != HOP_OK) || batch_step(bf, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}
