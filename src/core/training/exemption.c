/* Exemptions: a person excused from the requirements of a course, with a
 * reason, until a day.  Reported as exempt, never as valid; revoked, never
 * deleted.  HR and admins only: the reason is personnel data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/training/requirement.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"

void trn_exemption_list_free(struct trn_exemption_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

enum hop_status trn_exempt(struct hop_app *app, const char *login, const char *code,
                           const char *reason, hop_date until, int *count,
                           struct hop_err *err)
{
	struct hop_person p;
	struct trn_course c;
	struct db_stmt *st;
	char now[24], iso[HOP_DATE_ISO_LEN], object[HOP_LOGIN_MAX + 8], detail[700];

	*count = 0;
	if (trn_authz_keep(app, err) != HOP_OK)
		return err->status;
	if (!reason || !*reason)
		return hop_fail(err, HOP_EINVAL, _("an exemption needs a reason"));
	if (strlen(reason) > TRN_REASON_MAX)
		return hop_fail(err, HOP_EINVAL, _("the reason is %zu bytes long; at most %d are "
		                "allowed"), strlen(reason), TRN_REASON_MAX);
	if (text_check_line(reason, _("the reason"), err) != HOP_OK)
		return err->status;
	if (until == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("an exemption needs its last day"));
	if (until < clock_today())
		return hop_fail(err, HOP_EINVAL, _("the exemption would end in the past"));
	if (person_get(app, login ? login : "", &p, err) != HOP_OK ||
	    trn_course_get(app, code ? code : "", &c, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO exemption (requirement_id, person_id, reason, until_on, "
	             "created_at, created_by) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM requirement "
	             "WHERE course_id = ?1 AND ended_at IS NULL ORDER BY id", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	db_bind_int64(st, 2, p.id);
	db_bind_text(st, 3, reason);
	db_bind_date(st, 4, until);
	db_bind_text(st, 5, clock_timestamp(now));
	db_bind_text(st, 6, app->actor.login);
	if (db_run(st, _("adding an exemption"), err) != HOP_OK)
		goto fail;
	*count = (int)db_changes(app->db);
	if (!*count) {
		hop_fail(err, HOP_ENOTFOUND, _("course %s is not required of anyone; there is "
		         "nothing to be exempt from"), c.code);
		goto fail;
	}
	snprintf(detail, sizeof detail, "%s until %s: %s", c.code, date_format(until, iso), reason);
	snprintf(object, sizeof object, "person:%s", p.login);
	return audit_commit(app, "training.exempt", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status trn_exemptions(struct hop_app *app, bool all, struct trn_exemption_list *out,
                               struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (trn_authz_keep(app, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT e.id, e.requirement_id, p.login, p.name, c.code, e.reason, "
	             "e.until_on, e.revoked_at IS NOT NULL FROM exemption e "
	             "JOIN person p ON p.id = e.person_id JOIN requirement r ON r.id = e.requirement_id "
	             "JOIN course c ON c.id = r.course_id "
	             "WHERE ?1 = 1 OR (e.revoked_at IS NULL AND e.until_on >= ?2) "
	             "ORDER BY c.code, p.name COLLATE hop, p.login, e.id", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, all);
	db_bind_today(st, 2);
	while ((rc = db_step(st)) == DB_ROW) {
		struct trn_exemption *e;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			trn_exemption_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading exemptions"));
		}
		e = &out->v[out->n++];
		e->id = db_col_int64(st, 0);
		e->requirement_id = db_col_int64(st, 1);
		db_col_copy(st, 2, e->login, sizeof e->login);
		db_col_copy(st, 3, e->name, sizeof e->name);
		db_col_copy(st, 4, e->course, sizeof e->course);
		db_col_copy(st, 5, e->reason, sizeof e->reason);
		e->until = db_col_date(st, 6);
		e->revoked = db_col_int(st, 7) != 0;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		trn_exemption_list_free(out);
		return db_fail(app->db, err, _("reading exemptions"));
	}
	return HOP_OK;
}

enum hop_status trn_exemption_revoke(struct hop_app *app, int64_t id, struct hop_err *err)
{
	struct db_stmt *st;
	char now[24], object[64];

	if (trn_authz_keep(app, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "UPDATE exemption SET revoked_at = ?2, revoked_by = ?3 "
	             "WHERE id = ?1 AND revoked_at IS NULL", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, clock_timestamp(now));
	db_bind_text(st, 3, app->actor.login);
	if (db_run(st, _("revoking an exemption"), err) != HOP_OK)
		goto fail;
	if (db_changes(app->db) == 0) {
		hop_fail(err, HOP_ENOTFOUND, _("there is no exemption in force with the id %lld"),
		         (long long)id);
		goto fail;
	}
	snprintf(object, sizeof object, "exemption:%lld", (long long)id);
	return audit_commit(app, "training.unexempt", object, NULL, err);
fail:
	db_rollback(app->db);
	return err->status;
}
