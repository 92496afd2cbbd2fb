/* Exceptions to a due rotation (ROT-3): staying past the due date is put on
 * file with a reason, a compensating measure (four-eyes principle, closer
 * supervision) and the day it is reviewed (RLP VV 6.3: aktenkundig).  Kept
 * for good: ended, never deleted.  HR and admins keep them; the reason and
 * the measure are personnel data, seen by the person, their lead, HR and
 * admins only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/rotation/rotation.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "rot_int.h"

void rotation_exception_list_free(struct rotation_exception_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Something other than blanks. */
static bool given(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t')
			return true;
	return false;
}

static enum hop_status check_text(const char *s, const char *what, struct hop_err *err)
{
	size_t n = strlen(s);

	if (n > HOP_ROT_TEXT_MAX)
		return hop_fail(err, HOP_EINVAL, _("%s is %zu bytes long; the limit is %d bytes"),
		                what, n, HOP_ROT_TEXT_MAX);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return hop_fail(err, HOP_EINVAL, _("%s holds a control character; write it on "
			                "one line"), what);
	return HOP_OK;
}

/* Refuse an exception that lacks a reason, a measure or a review date after
 * today, naming all that is missing. */
static enum hop_status check_facts(const char *reason, const char *measure, hop_date review,
                                   struct hop_err *err)
{
	char missing[256] = "", when[HOP_DATE_HUMAN_LEN];
	const char *parts[3] = { NULL, NULL, NULL };
	size_t n = 0;

	if (!given(reason))
		parts[n++] = _("the reason");
	if (!given(measure))
		parts[n++] = _("the compensating measure");
	if (review == HOP_DATE_NONE)
		parts[n++] = _("the review date");
	for (size_t i = 0; i < n; i++)
		snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
		         i ? ", " : "", parts[i]);
	if (n)
		return hop_fail(err, HOP_EINVAL, _("an exception to a due rotation needs a reason, a "
		                "compensating measure and a review date; missing: %s"), missing);
	if (check_text(reason, _("the reason"), err) != HOP_OK ||
	    check_text(measure, _("the compensating measure"), err) != HOP_OK)
		return err->status;
	if (review <= clock_today())
		return hop_fail(err, HOP_EINVAL, _("the review date must lie after today, not on %s"),
		                date_format_human(review, when, sizeof when));
	return HOP_OK;
}

enum hop_status rotation_exception_add(struct hop_app *app, const char *login,
                                       const char *reason, const char *measure,
                                       hop_date review, struct hop_err *err)
{
	char detail[256], object[HOP_LOGIN_MAX + 8], d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	struct hop_person p;
	struct db_stmt *st;
	hop_date due;
	int64_t area_id;

	if (authz_rotation_manage(app, err) != HOP_OK ||
	    check_facts(reason, measure, review, err) != HOP_OK ||
	    person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (rot_due_of(app, p.id, &due, &area_id, err) != HOP_OK)
		goto fail;
	if (due == HOP_DATE_NONE) {
		hop_fail(err, HOP_EINVAL, _("%s has no rotation due; an exception is for staying past "
		         "a due date"), p.name);
		goto fail;
	}
	/* One in force at a time: a new one replaces the last. */
	if (!(st = db_stmt(app->db, "UPDATE rotation_exception SET ended_on = ?2 "
	                   "WHERE person_id = ?1 AND ended_on IS NULL", err)))
		goto fail;
	db_bind_int64(st, 1, p.id);
	db_bind_today(st, 2);
	if (db_run(st, _("ending a rotation exception"), err) != HOP_OK)
		goto fail;
	if (!(st = db_stmt(app->db, "INSERT INTO rotation_exception (person_id, area_id, reason, "
	                   "measure, review_on, created_at, created_by) "
	                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err)))
		goto fail;
	db_bind_int64(st, 1, p.id);
	if (area_id)
		db_bind_int64(st, 2, area_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, reason);
	db_bind_text(st, 4, measure);
	db_bind_date(st, 5, review);
	db_bind_today(st, 6);
	db_bind_text(st, 7, app->actor.login);
	if (db_run(st, _("putting a rotation exception on file"), err) != HOP_OK)
		goto fail;
	/* The reason and the measure stay in the exception's record; the log,
	 * read more widely, names the dates. */
	snprintf(detail, sizeof detail, "due: %s; review: %s", date_format(due, d1),
	         date_format(review, d2));
	snprintf(object, sizeof object, "person:%s", p.login);
	return audit_commit(app, "rotation.exception", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status rotation_exception_end(struct hop_app *app, const char *login,
                                       struct hop_err *err)
{
	char object[HOP_LOGIN_MAX + 8];
	struct hop_person p;
	struct db_stmt *st;

	if (authz_rotation_manage(app, err) != HOP_OK || person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "UPDATE rotation_exception SET ended_on = ?2 "
	                   "WHERE person_id = ?1 AND ended_on IS NULL", err)))
		goto fail;
	db_bind_int64(st, 1, p.id);
	db_bind_today(st, 2);
	if (db_run(st, _("ending a rotation exception"), err) != HOP_OK)
		goto fail;
	if (db_changes(app->db) == 0) {
		hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_ROTATION_EXCEPTION, HOP_ABOUT(.login = p.login),
		           _("%s has no rotation exception in force"), p.name);
		goto fail;
	}
	snprintf(object, sizeof object, "person:%s", p.login);
	return audit_commit(app, "rotation.exception.end", object, NULL, err);
fail:
	db_rollback(app->db);
	return err->status;
}

static void read_exception(struct db_stmt *st, void *out)
{
	struct rotation_exception *e = out;

	memset(e, 0, sizeof *e);
	e->id = db_col_int64(st, 0);
	db_col_copy(st, 1, e->login, sizeof e->login);
	db_col_copy(st, 2, e->name, sizeof e->name);
	db_col_copy(st, 3, e->area, sizeof e->area);
	db_col_copy(st, 4, e->reason, sizeof e->reason);
	db_col_copy(st, 5, e->measure, sizeof e->measure);
	e->review = db_col_date(st, 6);
	e->created = db_col_date(st, 7);
	db_col_copy(st, 8, e->created_by, sizeof e->created_by);
	e->ended = db_col_date(st, 9);
	e->review_overdue = e->ended == HOP_DATE_NONE && e->review < clock_today();
}

enum hop_status rotation_exception_list(struct hop_app *app, const char *team,
                                        const char *login, bool all,
                                        struct rotation_exception_list *out,
                                        struct hop_err *err)
{
	static const struct collect c = { sizeof(struct rotation_exception), read_exception,
	                                  N_("out of memory while listing rotation exceptions"),
	                                  N_("listing rotation exceptions") };
	struct db_stmt *st;
	struct rot_scope s;

	memset(out, 0, sizeof *out);
	if (rot_scope_make(app, team, login, &s, err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "SELECT e.id, p.login, p.name, coalesce(a.name, ''), e.reason, "
	                   "e.measure, e.review_on, e.created_at, e.created_by, e.ended_on "
	                   "FROM rotation_exception e JOIN person p ON p.id = e.person_id "
	                   "LEFT JOIN area a ON a.id = e.area_id "
	                   "WHERE (?5 = 1 OR e.ended_on IS NULL) AND "
	                   ROT_SCOPE_SQL("1", "2", "3", "4")
	                   "ORDER BY e.ended_on IS NOT NULL, e.review_on, p.name COLLATE hop, e.id",
	                   err)))
		return err->status;
	rot_scope_bind(st, 1, &s);
	db_bind_int(st, 5, all);
	return collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err);
}
