/* The audit log: written inside the transaction of each change, read newest first. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"

enum hop_status audit_write(struct hop_app *app, const char *action, const char *object,
                            const char *detail, struct hop_err *err)
{
	char at[24];
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO audit (at, actor, action, object, detail) "
	                           "VALUES (?1, ?2, ?3, ?4, ?5)", err);

	if (!st)
		return err->status;
	db_bind_text(st, 1, clock_timestamp(at));
	db_bind_text(st, 2, app->actor.login);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, object);
	db_bind_text(st, 5, detail && *detail ? detail : NULL);
	return db_run(st, _("writing the audit log"), err);
}

enum hop_status audit_commit(struct hop_app *app, const char *action, const char *object,
                             const char *detail, struct hop_err *err)
{
	if (audit_write(app, action, object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status audit_commit_report(struct hop_app *app, const char *action, const char *object,
                                    const char *detail, char *changes, size_t size,
                                    struct hop_err *err)
{
	if (audit_commit(app, action, object, detail, err) != HOP_OK)
		return err->status;
	if (changes && size)
		snprintf(changes, size, "%s", detail);
	return HOP_OK;
}

void audit_change(char *detail, size_t size, const char *field, const char *old,
                  const char *new)
{
	size_t n = strlen(detail);

	if (n < size)
		snprintf(detail + n, size - n, "%s%s: %s -> %s", n ? "; " : "", field,
		         *old ? old : "(none)", *new ? new : "(none)");
}

void audit_list_free(struct hop_audit_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].detail);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static enum hop_status push(struct hop_audit_list *l, struct db_stmt *st, struct hop_err *err)
{
	struct hop_audit_entry *e;
	const char *detail;

	if (!vec_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the audit log"));
	e = &l->v[l->n];
	memset(e, 0, sizeof *e);
	e->id = db_col_int64(st, 0);
	db_col_copy(st, 1, e->at, sizeof e->at);
	db_col_copy(st, 2, e->actor, sizeof e->actor);
	db_col_copy(st, 3, e->action, sizeof e->action);
	db_col_copy(st, 4, e->object, sizeof e->object);
	detail = db_col_text(st, 5);
	if (detail && !(e->detail = strdup(detail)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the audit log"));
	l->n++;
	return HOP_OK;
}

enum hop_status audit_list(struct hop_app *app, const struct audit_filter *f,
                           struct hop_audit_list *out, struct hop_err *err)
{
	char since[HOP_DATE_ISO_LEN];
	const char *object = f ? f->object : NULL;
	size_t olen = object ? strlen(object) : 0;
	bool prefix = olen > 0 && object[olen - 1] == ':';
	const char *own;
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	/* Need to know: everyone but HR and admins reads only their own entries. */
	if (authz_audit_read(app, f ? f->actor : NULL, object, &own, err) != HOP_OK)
		return err->status;
	/* Ids grow with time; timestamps may tie (the clock has seconds, tests fix it). */
	st = db_stmt(app->db, "SELECT id, at, actor, action, object, detail FROM audit "
	             "WHERE (?1 IS NULL OR actor = ?1) "
	             "AND (?2 IS NULL OR object = ?2) "
	             "AND (?3 IS NULL OR substr(object, 1, length(?3)) = ?3) "
	             "AND (?4 IS NULL OR at >= ?4) "
	             "AND (?6 IS NULL OR actor = ?6 OR object = 'person:' || ?6 "
	             "OR (substr(object, 1, 8) = 'booking:' AND EXISTS (SELECT 1 FROM booking b "
	             "JOIN person p ON p.id = b.person_id WHERE p.login = ?6 "
	             "AND b.id = CAST(substr(object, 9) AS INTEGER)))) "
	             "ORDER BY id DESC LIMIT ?5", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, f ? f->actor : NULL);
	db_bind_text(st, 2, object && !prefix ? object : NULL);
	db_bind_text(st, 3, prefix ? object : NULL);
	db_bind_text(st, 4, f && f->since != HOP_DATE_NONE ? date_format(f->since, since) : NULL);
	/* No limit: the largest (SQLite's LIMIT -1 is an error in PostgreSQL). */
	db_bind_int64(st, 5, f && f->limit > 0 ? f->limit : INT64_MAX);
	db_bind_text(st, 6, own);
	while ((rc = db_step(st)) == DB_ROW) {
		if (push(out, st, err) != HOP_OK) {
			db_reset(st);
			audit_list_free(out);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE) {
		audit_list_free(out);
		return db_fail(app->db, err, _("reading the audit log"));
	}
	return HOP_OK;
}
