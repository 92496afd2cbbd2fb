/* What is left of a removed team day for the calendars.  A cancelled
 * booking stays in the feeds as a cancelled event for [feeds]
 * keep_cancelled_days; a team day removed, or the days a recurring one no
 * longer covers once its period changed, do the same: team_day_removed
 * keeps the stretch with the id its events had (their UIDs) and a higher
 * SEQUENCE, and the feeds show those days as cancelled.  'hop purge'
 * deletes old rows with the other old days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "presence_int.h"

/* One removed stretch: team_day id, its weekday (0: a single date in from),
 * the days it no longer covers, the sequence the cancellation carries. */
static enum hop_status keep(struct hop_app *app, const struct hop_teamday *t, hop_date from,
                            hop_date until, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO team_day_removed (team_day_id, team_id, "
	                           "weekday, day, from_day, until_day, sequence, removed_on) "
	                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, t->id);
	db_bind_int64(st, 2, t->team_id);
	if (t->weekday)
		db_bind_int(st, 3, t->weekday);
	else
		db_bind_date(st, 4, from);
	db_bind_date(st, 5, from);
	db_bind_date(st, 6, t->weekday ? until : from);
	db_bind_int(st, 7, t->sequence + 1);
	db_bind_today(st, 8);
	return db_run(st, _("saving a presence day"), err);
}

enum hop_status pr_td_narrowed(struct hop_app *app, const struct hop_teamday *old,
                               hop_date from, hop_date until, struct hop_err *err)
{
	/* Before the new first day: old.from .. min(old.until, from - 1). */
	if (old->from < from) {
		hop_date end = from - 1;
		if (old->until != HOP_DATE_NONE && old->until < end)
			end = old->until;
		if (keep(app, old, old->from, end, err) != HOP_OK)
			return err->status;
	}
	/* After the new last day: max(old.from, until + 1) .. old.until. */
	if (until != HOP_DATE_NONE && (old->until == HOP_DATE_NONE || old->until > until)) {
		hop_date start = until + 1 > old->from ? until + 1 : old->from;
		if (keep(app, old, start, old->until, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static void read_row(struct db_stmt *st, void *out)
{
	struct hop_teamday *t = out;

	t->id = db_col_int64(st, 0);
	t->team_id = db_col_int64(st, 1);
	t->weekday = db_col_int(st, 2);
	t->day = db_col_date(st, 3);
	t->from = db_col_date(st, 4);
	t->until = db_col_date(st, 5);
	t->sequence = db_col_int(st, 6);
	t->removed = HOP_DATE_NONE;
}

enum hop_status pr_td_get(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                          struct hop_teamday *t, bool *found, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, team_id, coalesce(weekday, 0), day, "
	                           "from_day, until_day, sequence FROM team_day "
	                           "WHERE team_id = ?1 AND (weekday = ?2 OR day = ?3)", err);

	memset(t, 0, sizeof *t);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	if (weekday)
		db_bind_int(st, 2, weekday);
	else
		db_bind_date(st, 3, day);
	return db_get(st, read_row, t, found, _("reading presence days"), err);
}

enum hop_status pr_td_added(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                            struct hop_err *err)
{
	/* SQLite hands a deleted row's id out again; its events' UIDs then
	 * carry on where the removed ones left off. */
	struct db_stmt *st = db_stmt(app->db, "UPDATE team_day SET sequence = (SELECT "
	                           "coalesce(max(r.sequence), -1) + 1 FROM team_day_removed r "
	                           "WHERE r.team_day_id = team_day.id) "
	                           "WHERE team_id = ?1 AND (weekday = ?2 OR day = ?3)", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	if (weekday)
		db_bind_int(st, 2, weekday);
	else
		db_bind_date(st, 3, day);
	return db_run(st, _("saving a presence day"), err);
}

enum hop_status pr_td_remove(struct hop_app *app, int64_t team_id, int weekday, hop_date day,
                             bool *removed, struct hop_err *err)
{
	struct hop_teamday t;
	struct db_stmt *st;

	*removed = false;
	if (pr_td_get(app, team_id, weekday, day, &t, removed, err) != HOP_OK)
		return err->status;
	if (!*removed)
		return HOP_OK;
	if (keep(app, &t, weekday ? t.from : t.day, t.until, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "DELETE FROM team_day WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, t.id);
	return db_run(st, _("removing a presence day"), err);
}

enum hop_status teamday_removed_add(struct hop_app *app, int64_t team_id, hop_date since,
                                    struct hop_teamday_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	if (!team_id)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT r.team_day_id, r.team_id, t.name, coalesce(r.weekday, 0), "
	             "r.day, r.from_day, r.until_day, r.sequence, r.removed_on "
	             "FROM team_day_removed r JOIN team t ON t.id = r.team_id "
	             "WHERE r.team_id = ?1 AND r.removed_on >= ?2 ORDER BY r.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, team_id);
	db_bind_date(st, 2, since);
	while ((rc = db_step(st)) == DB_ROW) {
		struct hop_teamday *t;

		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading presence days"));
		}
		t = &out->v[out->n++];
		memset(t, 0, sizeof *t);
		t->id = db_col_int64(st, 0);
		t->team_id = db_col_int64(st, 1);
		db_col_copy(st, 2, t->team, sizeof t->team);
		t->weekday = db_col_int(st, 3);
		t->day = db_col_date(st, 4);
		t->from = db_col_date(st, 5);
		t->until = db_col_date(st, 6);
		t->sequence = db_col_int(st, 7);
		t->removed = db_col_date(st, 8);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading presence days"));
	return HOP_OK;
}
