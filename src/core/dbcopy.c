/* Moving an organisation (hop/core/dbcopy.h): who may, into what, and the
 * order of the transactions.  The copying itself is db's (hop/db/copy.h).
 *
 * The source holds its write lock from the start to the end, so that what
 * is copied is one moment of it and nothing changed meanwhile is left
 * behind; readers go on.  Its audit entry is written in that transaction,
 * the target's in the target's; the target commits first, the source
 * after, so that a source that says it was copied has been. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/dbcopy.h"
#include "hop/db/copy.h"
#include "hop/db/db.h"

void dbcopy_report_free(struct dbcopy_report *r)
{
	free(r->tables);
	r->tables = NULL;
	r->n = 0;
}

/* "person (60 rows), booking (521 rows), team (6 rows) and 12 more tables" */
static void holdings_text(const struct db_counts *held, char *buf, size_t size)
{
	size_t shown = held->n < 3 ? held->n : 3, len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < shown && len < size; i++) {
		const struct db_count *c = &held->v[i];
		len += (size_t)snprintf(buf + len, size - len, i ? ", " : "");
		if (len < size)
			len += (size_t)snprintf(buf + len, size - len,
			                        ngettext("%s (%lld row)", "%s (%lld rows)",
			                                 (unsigned long)c->rows),
			                        c->name, (long long)c->rows);
	}
	if (held->n > shown && len < size)
		snprintf(buf + len, size - len, ngettext(" and %zu more table", " and %zu more tables",
		                                         held->n - shown), held->n - shown);
}

/* The audit entry of the copy in db (the source's or the target's). */
static enum hop_status audit_in(struct hop_app *app, struct hop_db *db, const char *detail,
                                struct hop_err *err)
{
	struct hop_db *own = app->db;
	enum hop_status st;

	app->db = db;
	st = audit_write(app, "database.copy", "database", detail, err);
	app->db = own;
	return st;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Who may, and into what. */
static enum hop_status allowed(struct hop_app *app, const char *target, struct hop_err *err)
{
	/* Shared by an authority, the organisation is the administrator's to
	 * move, as it is theirs to create: a target named by whoever runs hop
	 * would be written, or connected to, with the group's rights. */
	if (hop_privileged() && getuid() != 0)
		return hop_fail(err, HOP_EPERM, _("hop is shared by the whole authority here; only "
		                "the administrator (root) copies its organisation into another "
		                "database"));
	if (authz_database_copy(app, err) != HOP_OK)
		return err->status;
	if (!app->db_server && !db_is_server(target) && same_file(app->db_path, target))
		return hop_fail(err, HOP_EINVAL, _("%s is the database in use; the copy needs "
		                "another"), target);
	return HOP_OK;
}

static enum hop_status report(struct dbcopy_report *r, const struct db_counts *counts,
                              struct hop_err *err)
{
	if (!(r->tables = calloc(counts->n + 1, sizeof *r->tables)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < counts->n; i++) {
		snprintf(r->tables[i].name, sizeof r->tables[i].name, "%s", counts->v[i].name);
		r->tables[i].rows = counts->v[i].rows;
	}
	r->n = counts->n;
	r->total = counts->total;
	return HOP_OK;
}

/* Both transactions are open: copy, write both entries, commit the target
 * and then the source.  On failure both are rolled back, unless the target
 * has committed (*made). */
static enum hop_status copy_both(struct hop_app *app, struct hop_db *to,
                                 struct dbcopy_report *r, bool *made, struct hop_err *err)
{
	struct db_counts counts = { 0 };
	char detail[2 * HOP_PATH_MAX + 96];

	if (db_copy(app->db, to, &counts, err) != HOP_OK)
		goto fail;
	snprintf(detail, sizeof detail, "copied from %s: %zu tables, %lld rows", app->db_shown,
	         counts.n, (long long)counts.total);
	if (audit_in(app, to, detail, err) != HOP_OK)
		goto fail;
	snprintf(detail, sizeof detail, "copied to %s: %zu tables, %lld rows", r->target,
	         counts.n, (long long)counts.total);
	if (audit_in(app, app->db, detail, err) != HOP_OK || report(r, &counts, err) != HOP_OK)
		goto fail;
	r->schema = db_schema_version(to);
	if (db_commit(to, err) != HOP_OK)
		goto fail;
	db_counts_free(&counts);
	/* The copy is made; should the source's entry fail now, it says so. */
	*made = true;
	return db_commit(app->db, err);
fail:
	db_counts_free(&counts);
	dbcopy_report_free(r);
	db_rollback(to);
	db_rollback(app->db);
	return err->status;
}

enum hop_status dbcopy_run(struct hop_app *app, const char *target, struct dbcopy_report *r,
                           struct hop_err *err)
{
	struct db_counts held = { 0 };
	struct hop_db *to = NULL;
	bool created = false, made = false;
	char what[1024];

	memset(r, 0, sizeof *r);
	db_describe(target, r->target, sizeof r->target);
	if (allowed(app, target, err) != HOP_OK)
		return err->status;
	if (!db_is_server(target) && app_db_file_create(target, &created, err) != HOP_OK)
		return err->status;
	if (db_open(target, DB_OPEN_TARGET, &to, err) != HOP_OK ||
	    db_holdings(to, &held, err) != HOP_OK)
		goto fail;
	if (held.n) {
		holdings_text(&held, what, sizeof what);
		hop_fail(err, HOP_ECONFLICT, _("%s is not empty: it holds %s; the organisation is "
		         "copied only into an empty database"), r->target, what);
		db_counts_free(&held);
		goto fail;
	}
	if (db_begin(app->db, err) != HOP_OK)
		goto fail;
	if (db_begin(to, err) != HOP_OK) {
		db_rollback(app->db);
		goto fail;
	}
	if (copy_both(app, to, r, &made, err) != HOP_OK)
		goto fail;
	/* A file holds it all, without a write-ahead log beside it. */
	db_checkpoint(to, NULL);
	db_close(to);
	return HOP_OK;
fail:
	db_close(to);
	if (created && !made)
		app_db_file_remove(target);
	return err->status;
}
