/* Onboarding templates: listing, reading, adding, changing and retiring them,
 * and their steps.  Only HR and admins change them; every change is audited
 * in its transaction.  Running onboardings are copies and never change with
 * a template. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "onb_int.h"

void onb_template_list_free(struct onb_template_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void onb_template_steps_free(struct onb_template_steps *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

#define TEMPLATE_COLUMNS "t.id, t.name, coalesce(t.team_id, 0), coalesce(tm.name, ''), " \
	"coalesce(t.role, 0), t.is_default, (SELECT count(*) FROM onb_template_step s " \
	"WHERE s.template_id = t.id), t.created_on, t.retired_on, t.kind = 'handover' " \
	"FROM onb_template t LEFT JOIN team tm ON tm.id = t.team_id "

static void read_template(struct db_stmt *st, void *out)
{
	struct onb_template *t = out;

	memset(t, 0, sizeof *t);
	t->id = db_col_int64(st, 0);
	db_col_copy(st, 1, t->name, sizeof t->name);
	t->team_id = db_col_int64(st, 2);
	db_col_copy(st, 3, t->team, sizeof t->team);
	t->role = (unsigned)db_col_int(st, 4);
	t->is_default = db_col_int(st, 5) != 0;
	t->steps = db_col_int(st, 6);
	t->created = db_col_date(st, 7);
	t->retired = db_col_date(st, 8);
	t->handover = db_col_int(st, 9) != 0;
}

static const struct collect template_rows = {
	sizeof(struct onb_template), read_template,
	N_("out of memory while listing templates"), N_("listing onboarding templates"),
};

enum hop_status template_list(struct hop_app *app, bool with_retired,
                              struct onb_template_list *out, struct hop_err *err)
{
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	st = db_stmt(app->db, "SELECT " TEMPLATE_COLUMNS "WHERE (?1 <> 0 OR t.retired_on IS NULL) "
	             "ORDER BY t.name COLLATE hop, t.retired_on IS NOT NULL, t.id", err);
	if (!st)
		return err->status;
	db_bind_int(st, 1, with_retired);
	return collect_rows(app->db, st, &template_rows, &out->v, &out->n, &out->cap, err);
}

static void read_tstep(struct db_stmt *st, void *out)
{
	struct onb_template_step *s = out;

	memset(s, 0, sizeof *s);
	s->position = db_col_int(st, 0);
	db_col_copy(st, 1, s->s.title, sizeof s->s.title);
	s->s.kind = onb_kind_from_text(db_col_text(st, 2));
	s->s.owner = onb_owner_from_text(db_col_text(st, 3));
	db_col_copy(st, 4, s->s.owner_login, sizeof s->s.owner_login);
	s->s.offset.n = db_col_int(st, 5);
	s->s.offset.unit = onb_unit_from_text(db_col_text(st, 6));
	s->s.in_office = db_col_int(st, 7) != 0;
	s->s.mandatory = db_col_int(st, 8) != 0;
	db_col_copy(st, 9, s->s.note, sizeof s->s.note);
	db_col_copy(st, 10, s->owner_name, sizeof s->owner_name);
	db_col_copy(st, 11, s->s.course, sizeof s->s.course);
}

static const struct collect tstep_rows = {
	sizeof(struct onb_template_step), read_tstep,
	N_("out of memory while reading a template"), N_("reading a template's steps"),
};

/* "there is no template 'x'; the templates are A, B" */
static enum hop_status no_template(struct hop_app *app, const char *name, struct hop_err *err)
{
	struct onb_template_list l;
	char names[600] = "";
	size_t len = 0;

	if (template_list(app, false, &l, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < l.n && len + 4 < sizeof names; i++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s'%s'", i ? ", " : "",
		                        l.v[i].name);
	onb_template_list_free(&l);
	if (!names[0])
		return hop_fail(err, HOP_ENOTFOUND, _("there is no onboarding template '%s'; there "
		                "are none yet"), name);
	return hop_fail(err, HOP_ENOTFOUND, _("there is no onboarding template '%s'; the "
	                "templates are %s"), name, names);
}

enum hop_status template_get(struct hop_app *app, const char *name, struct onb_template *t,
                             struct onb_template_steps *steps, struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	if (steps)
		memset(steps, 0, sizeof *steps);
	st = db_stmt(app->db, "SELECT " TEMPLATE_COLUMNS "WHERE t.name = ?1 AND t.retired_on IS NULL",
	             err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	rc = db_step(st);
	if (rc == DB_ROW)
		read_template(st, t);
	db_reset(st);
	if (rc == DB_DONE)
		return no_template(app, name, err);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading an onboarding template"));
	if (!steps)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT s.position, s.title, s.kind, s.owner, coalesce(p.login, ''), "
	             "s.offset_n, s.offset_unit, s.in_office, s.mandatory, coalesce(s.note, ''), "
	             "coalesce(p.name, ''), "
	             "coalesce((SELECT code FROM course WHERE id = s.course_id), '') "
	             "FROM onb_template_step s "
	             "LEFT JOIN person p ON p.id = s.owner_id WHERE s.template_id = ?1 "
	             "ORDER BY s.position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, t->id);
	return collect_rows(app->db, st, &tstep_rows, &steps->v, &steps->n, &steps->cap, err);
}

/* ---- checks ---- */

static enum hop_status check_name(const char *name, struct hop_err *err)
{
	size_t len = strlen(name);

	if (!len)
		return hop_fail(err, HOP_EINVAL, _("a template needs a name"));
	if (len > HOP_TEMPLATE_NAME_MAX)
		return hop_fail(err, HOP_EINVAL, _("the template name is %zu bytes long; the limit "
		                "is %d"), len, HOP_TEMPLATE_NAME_MAX);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return hop_fail(err, HOP_EINVAL, _("the template name contains a control "
			                "character"));
	return HOP_OK;
}

static enum hop_status check_role(unsigned role, struct hop_err *err)
{
	if (role & (role - 1) || role & ~ROLE_ALL)
		return hop_fail(err, HOP_EINVAL, _("a template is for one role at most"));
	return HOP_OK;
}

static enum hop_status name_free(struct hop_app *app, const char *name, int64_t except,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT 1 FROM onb_template WHERE name = ?1 "
	                           "AND retired_on IS NULL AND id <> ?2", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_int64(st, 2, except);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_ROW)
		return hop_fail(err, HOP_ECONFLICT, _("there is already a template '%s'"), name);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboarding templates"));
	return HOP_OK;
}

static enum hop_status exec1(struct hop_app *app, struct db_stmt *st, const char *what,
                             struct hop_err *err)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, what);
	return HOP_OK;
}

enum hop_status tpl_write_step(struct hop_app *app, struct db_stmt *st, int first,
                               const struct onb_step_spec *s, const char *what,
                               struct hop_err *err)
{
	struct hop_person p;
	int rc;

	if (s->owner == OWNER_PERSON) {
		if (person_get(app, s->owner_login, &p, err) != HOP_OK)
			return err->status;
		db_bind_int64(st, first + 3, p.id);
	} else {
		db_bind_null(st, first + 3);
	}
	db_bind_text(st, first, s->title);
	db_bind_text(st, first + 1, onb_kind_name(s->kind));
	db_bind_text(st, first + 2, onb_owner_name(s->owner));
	db_bind_int(st, first + 4, s->offset.n);
	db_bind_text(st, first + 5, onb_unit_name(s->offset.unit));
	db_bind_int(st, first + 6, s->in_office);
	db_bind_int(st, first + 7, s->mandatory);
	db_bind_text(st, first + 8, s->note[0] ? s->note : NULL);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_UNIQUE)
		return hop_fail(err, HOP_ECONFLICT, _("the template already has a step '%s'"),
		                s->title);
	if (rc != DB_DONE)
		return db_fail(app->db, err, what);
	return HOP_OK;
}

enum hop_status tpl_insert_step(struct hop_app *app, int64_t template_id, int position,
                                const struct onb_step_spec *s, struct hop_err *err)
{
	struct db_stmt *st;

	if (onb_step_check(s, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO onb_template_step (template_id, position, title, kind, "
	             "owner, owner_id, offset_n, offset_unit, in_office, mandatory, note) "
	             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, template_id);
	db_bind_int(st, 2, position);
	if (tpl_write_step(app, st, 3, s, _("adding a step to a template"), err) != HOP_OK)
		return err->status;
	return onb_step_course_write(app, false, db_last_id(app->db), s->course, err);
}

/* ---- templates ---- */

/* Each kind has its own default. */
static enum hop_status clear_default(struct hop_app *app, bool handover, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "UPDATE onb_template SET is_default = 0 "
	                           "WHERE is_default = 1 AND kind = ?1", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, handover ? "handover" : "onboarding");
	return exec1(app, st, _("changing the default template"), err);
}

enum hop_status template_add(struct hop_app *app, const char *name, const char *team,
                             unsigned role, bool is_default, struct hop_err *err)
{
	return template_add_kind(app, name, team, role, is_default, false, err);
}

enum hop_status template_add_kind(struct hop_app *app, const char *name, const char *team,
                                  unsigned role, bool is_default, bool handover,
                                  struct hop_err *err)
{
	struct hop_team t = { 0 };
	struct onb_step_spec close = { 0 };
	char object[HOP_TEMPLATE_NAME_MAX + 16], detail[400], roles[64], today[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t id;

	if (authz_template_manage(app, err) != HOP_OK || check_name(name, err) != HOP_OK ||
	    check_role(role, err) != HOP_OK)
		return err->status;
	if (team && *team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	/* Every template ends with the closing talk at the end of probation,
	 * in the office (the research's ONB-13); HR may change or drop it. */
	snprintf(close.title, sizeof close.title, "%s", _("Closing talk at the end of probation"));
	close.kind = ONB_TALK;
	close.owner = OWNER_LEAD;
	close.offset.n = app->cfg.review_after_months;
	close.offset.unit = UNIT_MONTHS;
	close.in_office = true;
	close.mandatory = true;
	if (handover) {
		/* A handover starts with the notes for whoever takes the post
		 * over, a week before the move (ONB-14). */
		snprintf(close.title, sizeof close.title, "%s", _("Handover notes for the successor"));
		close.kind = ONB_DOCUMENT;
		close.owner = OWNER_NEWHIRE;
		close.offset.n = -5;
		close.offset.unit = UNIT_WORKDAYS;
		close.in_office = false;
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (name_free(app, name, 0, err) != HOP_OK ||
	    (is_default && clear_default(app, handover, err) != HOP_OK))
		goto fail;
	if (!(st = db_stmt(app->db, "INSERT INTO onb_template (name, team_id, role, is_default, "
	                   "created_on, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err)))
		goto fail;
	db_bind_text(st, 6, handover ? "handover" : "onboarding");
	db_bind_text(st, 1, name);
	if (t.id)
		db_bind_int64(st, 2, t.id);
	else
		db_bind_null(st, 2);
	if (role)
		db_bind_int(st, 3, (int)role);
	else
		db_bind_null(st, 3);
	db_bind_int(st, 4, is_default);
	db_bind_text(st, 5, date_format(clock_today(), today));
	if (exec1(app, st, _("adding a template"), err) != HOP_OK)
		goto fail;
	id = db_last_id(app->db);
	if (tpl_insert_step(app, id, 1, &close, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "template:%s", name);
	snprintf(detail, sizeof detail, "%steam: %s; role: %s; default: %s",
	         handover ? "kind: handover; " : "", t.id ? t.name : "(any)",
	         role ? role_format(role, roles, sizeof roles) : "(any)", is_default ? "yes" : "no");
	if (audit_write(app, "template.add", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status template_edit(struct hop_app *app, const char *name, const char *new_name,
                              const char *team, int role, int is_default, struct hop_err *err)
{
	struct onb_template t;
	struct hop_team tm = { 0 };
	char object[HOP_TEMPLATE_NAME_MAX + 16], detail[600], r1[64], r2[64];
	size_t len = 0;
	struct db_stmt *st;

	if (authz_template_manage(app, err) != HOP_OK || template_get(app, name, &t, NULL, err) != HOP_OK)
		return err->status;
	if (new_name && check_name(new_name, err) != HOP_OK)
		return err->status;
	if (role > 0 && check_role((unsigned)role, err) != HOP_OK)
		return err->status;
	if (team && *team && team_find(app, team, &tm, err) != HOP_OK)
		return err->status;
	detail[0] = '\0';
#define NOTE(...) len += (size_t)snprintf(detail + len, len < sizeof detail ? sizeof detail - len : 0, __VA_ARGS__)
	if (new_name && strcmp(new_name, t.name) != 0)
		NOTE("%sname: %s -> %s", len ? "; " : "", t.name, new_name);
	if (team && tm.id != t.team_id)
		NOTE("%steam: %s -> %s", len ? "; " : "", t.team_id ? t.team : "(any)",
		     tm.id ? tm.name : "(any)");
	if (role >= 0 && (unsigned)role != t.role)
		NOTE("%srole: %s -> %s", len ? "; " : "",
		     t.role ? role_format(t.role, r1, sizeof r1) : "(any)",
		     role ? role_format((unsigned)role, r2, sizeof r2) : "(any)");
	if (is_default >= 0 && (is_default != 0) != t.is_default)
		NOTE("%sdefault: %s -> %s", len ? "; " : "", t.is_default ? "yes" : "no",
		     is_default ? "yes" : "no");
#undef NOTE
	if (!detail[0])
		return HOP_OK;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if ((new_name && name_free(app, new_name, t.id, err) != HOP_OK) ||
	    (is_default > 0 && clear_default(app, t.handover, err) != HOP_OK))
		goto fail;
	if (!(st = db_stmt(app->db, "UPDATE onb_template SET name = ?2, team_id = ?3, role = ?4, "
	                   "is_default = ?5 WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, t.id);
	db_bind_text(st, 2, new_name ? new_name : t.name);
	if (team ? tm.id != 0 : t.team_id != 0)
		db_bind_int64(st, 3, team ? tm.id : t.team_id);
	else
		db_bind_null(st, 3);
	if (role >= 0 ? role != 0 : t.role != 0)
		db_bind_int(st, 4, role >= 0 ? role : (int)t.role);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, is_default >= 0 ? is_default != 0 : t.is_default);
	if (exec1(app, st, _("changing a template"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "template:%s", t.name);
	if (audit_write(app, "template.edit", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status template_remove(struct hop_app *app, const char *name, struct hop_err *err)
{
	struct onb_template t;
	char object[HOP_TEMPLATE_NAME_MAX + 16];
	struct db_stmt *st;

	if (authz_template_manage(app, err) != HOP_OK || template_get(app, name, &t, NULL, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "UPDATE onb_template SET retired_on = ?2, is_default = 0 "
	                   "WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, t.id);
	db_bind_today(st, 2);
	snprintf(object, sizeof object, "template:%s", t.name);
	if (exec1(app, st, _("retiring a template"), err) != HOP_OK ||
	    audit_write(app, "template.remove", object, NULL, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
