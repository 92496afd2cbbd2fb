/* The competence catalogue: add, edit, retire, list (competence.h).  HR and
 * admins keep it; everyone may read it. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/training/competence.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"

void trn_competence_list_free(struct trn_competence_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

bool trn_benchmark_parse(const char *text, int *hundredths)
{
	int whole = 0, frac = 0, digits = 0;
	const char *p = text;

	if (!p || !isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p) && whole < 10)
		whole = whole * 10 + (*p++ - '0');
	if (*p == '.' || *p == ',') {
		p++;
		while (isdigit((unsigned char)*p) && digits < 3) {
			frac = frac * 10 + (*p++ - '0');
			digits++;
		}
		if (digits == 0 || digits > 2)
			return false;
		if (digits == 1)
			frac *= 10;
	}
	if (*p)
		return false;
	*hundredths = whole * 100 + frac;
	return *hundredths >= 100 && *hundredths <= 500;
}

char *trn_benchmark_format(int hundredths, char *buf, size_t size)
{
	if (hundredths <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%d.%02d", hundredths / 100, hundredths % 100);
	return buf;
}

static enum hop_status may_manage(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!(app->actor.roles & (ROLE_HR | ROLE_ADMIN)))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change the competence "
		                "catalogue"));
	return HOP_OK;
}

static enum hop_status check_code(const char *code, struct hop_err *err)
{
	size_t n = code ? strlen(code) : 0;

	if (n == 0 || n > HOP_COMPETENCE_CODE_MAX)
		return hop_fail(err, HOP_EINVAL, _("a competence's code has 1 to %d characters"),
		                HOP_COMPETENCE_CODE_MAX);
	for (const char *p = code; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_.-", *p))
			return hop_fail(err, HOP_EINVAL, _("a competence's code has only letters, "
			                "digits and . - _, not '%.40s'"), code);
	return HOP_OK;
}

static enum hop_status check_name(const char *name, struct hop_err *err)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n > HOP_COMPETENCE_NAME_MAX)
		return hop_fail(err, HOP_EINVAL, _("a competence's name has 1 to %d bytes"),
		                HOP_COMPETENCE_NAME_MAX);
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return hop_fail(err, HOP_EINVAL, _("a competence's name has no control "
			                "characters"));
	return HOP_OK;
}

#define COMPETENCE_COLUMNS "id, code, name, coalesce(benchmark, 0), position, " \
	"retired_on IS NOT NULL FROM competence "

static void read_competence(struct db_stmt *st, void *out)
{
	struct trn_competence *c = out;

	c->id = db_col_int64(st, 0);
	db_col_copy(st, 1, c->code, sizeof c->code);
	db_col_copy(st, 2, c->name, sizeof c->name);
	c->benchmark = db_col_int(st, 3);
	c->position = db_col_int(st, 4);
	c->retired = db_col_int(st, 5) != 0;
}

enum hop_status trn_competence_get(struct hop_app *app, const char *code,
                                   struct trn_competence *out, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " COMPETENCE_COLUMNS "WHERE code = ?1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, code);
	if (db_get(st, read_competence, out, &found, _("reading a competence"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : hop_fail(err, HOP_ENOTFOUND, _("no competence with the code "
	                                 "'%.40s'"), code);
}

enum hop_status trn_competence_list(struct hop_app *app, bool all,
                                    struct trn_competence_list *out, struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct trn_competence), read_competence,
		N_("out of memory while listing competences"), N_("listing competences"),
	};
	struct db_stmt *st = db_stmt(app->db, "SELECT " COMPETENCE_COLUMNS
	                             "WHERE ?1 <> 0 OR retired_on IS NULL ORDER BY position, code", err);

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_int(st, 1, all);
	return collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err);
}

enum hop_status trn_competence_add(struct hop_app *app, const char *code, const char *name,
                                   int benchmark, struct hop_err *err)
{
	struct db_stmt *st;
	char object[64], detail[200], b[8];
	enum db_step r;

	if (may_manage(app, err) != HOP_OK || check_code(code, err) != HOP_OK ||
	    check_name(name, err) != HOP_OK)
		return err->status;
	if (benchmark != 0 && (benchmark < 100 || benchmark > 500))
		return hop_fail(err, HOP_EINVAL, _("a benchmark is a mean need from 1.00 to 5.00"));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO competence (code, name, benchmark, position) VALUES "
	             "(?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM competence))", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	if (benchmark)
		db_bind_int(st, 3, benchmark);
	else
		db_bind_null(st, 3);
	r = db_step(st);
	db_clear(st);
	if (r == DB_UNIQUE) {
		hop_fail(err, HOP_ECONFLICT, _("there is already a competence with the code '%s'"),
		         code);
		goto fail;
	}
	if (r != DB_DONE) {
		db_fail(app->db, err, _("adding a competence"));
		goto fail;
	}
	snprintf(object, sizeof object, "competence:%s", code);
	snprintf(detail, sizeof detail, "name=%s benchmark=%s", name,
	         benchmark ? trn_benchmark_format(benchmark, b, sizeof b) : "-");
	return audit_commit(app, "competence.add", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status trn_competence_edit(struct hop_app *app, const char *code, const char *name,
                                    int benchmark, char *changes, size_t size,
                                    struct hop_err *err)
{
	struct trn_competence c;
	struct db_stmt *st;
	char object[64], detail[600] = "", oldb[8], newb[8];

	if (changes && size)
		changes[0] = '\0';
	if (may_manage(app, err) != HOP_OK || (name && check_name(name, err) != HOP_OK))
		return err->status;
	if (benchmark > 0 && (benchmark < 100 || benchmark > 500))
		return hop_fail(err, HOP_EINVAL, _("a benchmark is a mean need from 1.00 to 5.00"));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (trn_competence_get(app, code, &c, err) != HOP_OK)
		goto fail;
	if (name && strcmp(name, c.name) != 0)
		audit_change(detail, sizeof detail, "name", c.name, name);
	if (benchmark >= 0 && benchmark != c.benchmark)
		audit_change(detail, sizeof detail, "benchmark",
		             trn_benchmark_format(c.benchmark, oldb, sizeof oldb),
		             trn_benchmark_format(benchmark, newb, sizeof newb));
	if (!detail[0]) {
		db_rollback(app->db);
		return HOP_OK;
	}
	st = db_stmt(app->db, "UPDATE competence SET name = coalesce(?2, name), "
	             "benchmark = CASE WHEN ?3 < 0 THEN benchmark WHEN ?3 = 0 THEN NULL ELSE ?3 END "
	             "WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	db_bind_text(st, 2, name);
	db_bind_int(st, 3, benchmark);
	if (db_run(st, _("changing a competence"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "competence:%s", c.code);
	return audit_commit_report(app, "competence.edit", object, detail, changes, size, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status trn_competence_retire(struct hop_app *app, const char *code,
                                      struct hop_err *err)
{
	struct trn_competence c;
	struct db_stmt *st;
	char object[64];

	if (may_manage(app, err) != HOP_OK || db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (trn_competence_get(app, code, &c, err) != HOP_OK)
		goto fail;
	if (c.retired) {
		hop_fail(err, HOP_ECONFLICT, _("the competence '%s' is already retired"), c.code);
		goto fail;
	}
	st = db_stmt(app->db, "UPDATE competence SET retired_on = ?2 WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	db_bind_today(st, 2);
	if (db_run(st, _("retiring a competence"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "competence:%s", c.code);
	return audit_commit(app, "competence.retire", object, NULL, err);
fail:
	db_rollback(app->db);
	return err->status;
}
