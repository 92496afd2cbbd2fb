/* The steps of a template: adding, changing, moving and removing one; and
 * what template and onboarding steps share, finding a step by its number or
 * title and making room among the positions. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "onb_int.h"

/* Positions are unique: a block moves out of the way first (up by 100000),
 * then back to its place.  A step set aside alone (at 1000000, while it
 * moves) stays out of both. */
enum hop_status onb_shift(struct hop_app *app, bool onboarding, int64_t parent, int pos,
                          int delta, struct hop_err *err)
{
	struct db_stmt *a, *b;
	int rc;

	if (onboarding) {
		a = db_stmt(app->db, "UPDATE onboarding_step SET position = position + 100000 "
		            "WHERE onboarding_id = ?1 AND position >= ?2 AND position < 100000", err);
		b = a ? db_stmt(app->db, "UPDATE onboarding_step SET position = position - 100000 + ?2 "
		                "WHERE onboarding_id = ?1 AND position BETWEEN 100000 AND 199999", err) : NULL;
	} else {
		a = db_stmt(app->db, "UPDATE onb_template_step SET position = position + 100000 "
		            "WHERE template_id = ?1 AND position >= ?2 AND position < 100000", err);
		b = a ? db_stmt(app->db, "UPDATE onb_template_step SET position = position - 100000 + ?2 "
		                "WHERE template_id = ?1 AND position BETWEEN 100000 AND 199999", err) : NULL;
	}
	if (!a || !b)
		return err->status;
	db_bind_int64(a, 1, parent);
	db_bind_int(a, 2, pos);
	rc = db_step(a);
	db_reset(a);
	if (rc == DB_DONE) {
		db_bind_int64(b, 1, parent);
		db_bind_int(b, 2, delta);
		rc = db_step(b);
		db_reset(b);
	}
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("renumbering steps"));
	return HOP_OK;
}

enum hop_status onb_step_count(struct hop_app *app, bool onboarding, int64_t parent, int *n,
                               struct hop_err *err)
{
	struct db_stmt *st = onboarding
		? db_stmt(app->db, "SELECT count(*) FROM onboarding_step WHERE onboarding_id = ?1", err)
		: db_stmt(app->db, "SELECT count(*) FROM onb_template_step WHERE template_id = ?1", err);
	int rc;

	*n = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, parent);
	rc = db_step(st);
	if (rc == DB_ROW)
		*n = db_col_int(st, 0);
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("counting steps"));
	return HOP_OK;
}

enum hop_status onb_step_find(struct hop_app *app, bool onboarding, int64_t parent,
                              const char *key, int64_t *step_id, int *position,
                              struct hop_err *err)
{
	bool number = *key && key[strspn(key, "0123456789")] == '\0';
	struct db_stmt *st;
	int rc;

	*step_id = 0;
	*position = 0;
	if (onboarding)
		st = number ? db_stmt(app->db, "SELECT id, position FROM onboarding_step "
		                      "WHERE onboarding_id = ?1 AND position = ?2", err)
		            : db_stmt(app->db, "SELECT id, position FROM onboarding_step "
		                      "WHERE onboarding_id = ?1 AND title = ?3", err);
	else
		st = number ? db_stmt(app->db, "SELECT id, position FROM onb_template_step "
		                      "WHERE template_id = ?1 AND position = ?2", err)
		            : db_stmt(app->db, "SELECT id, position FROM onb_template_step "
		                      "WHERE template_id = ?1 AND title = ?3", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, parent);
	if (number)
		db_bind_int(st, 2, strlen(key) > 6 ? -1 : atoi(key));
	else
		db_bind_text(st, 3, key);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*step_id = db_col_int64(st, 0);
		*position = db_col_int(st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading steps"));
	return HOP_OK;
}

/* Roughly how many days from the start an offset is, to keep steps in the
 * order they fall due. */
static int approx_days(const struct onb_offset *o)
{
	switch (o->unit) {
	case UNIT_WORKDAYS: return o->n * 7 / 5;
	case UNIT_DAYS: return o->n;
	case UNIT_WEEKS: return o->n * 7;
	case UNIT_MONTHS: return o->n * 30;
	}
	return o->n;
}

/* Where a new step goes when no position is given: after the steps due
 * before it or on the same day. */
static enum hop_status due_position(struct hop_app *app, int64_t template_id,
                                    const struct onb_offset *off, int *pos,
                                    struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT offset_n, offset_unit FROM onb_template_step "
	                           "WHERE template_id = ?1", err);
	int rc, mine = approx_days(off);

	*pos = 1;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, template_id);
	while ((rc = db_step(st)) == DB_ROW) {
		struct onb_offset o = { db_col_int(st, 0), onb_unit_from_text(db_col_text(st, 1)) };
		*pos += approx_days(&o) <= mine;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading a template's steps"));
	return HOP_OK;
}

/* The step of template t that key names, with its fields: HOP_ENOTFOUND. */
static enum hop_status tstep_get(struct hop_app *app, const struct onb_template *t,
                                 const char *key, int64_t *id, struct onb_template_step *out,
                                 struct hop_err *err)
{
	struct onb_template t2;
	struct onb_template_steps l;
	int pos;

	if (onb_step_find(app, false, t->id, key, id, &pos, err) != HOP_OK)
		return err->status;
	if (!*id)
		return hop_fail(err, HOP_ENOTFOUND, _("template '%s' has no step '%s'; it has %d "
		                "steps"), t->name, key, t->steps);
	if (template_get(app, t->name, &t2, &l, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].position == pos)
			*out = l.v[i];
	onb_template_steps_free(&l);
	return HOP_OK;
}

static enum hop_status tstep_update(struct hop_app *app, int64_t id,
                                    const struct onb_step_spec *s, struct hop_err *err)
{
	struct db_stmt *st;

	if (onb_step_check(s, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "UPDATE onb_template_step SET title = ?2, kind = ?3, owner = ?4, "
	             "owner_id = ?5, offset_n = ?6, offset_unit = ?7, in_office = ?8, "
	             "mandatory = ?9, note = ?10 WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (tpl_write_step(app, st, 2, s, _("changing a template's step"), err) != HOP_OK)
		return err->status;
	return onb_step_course_write(app, false, id, s->course, err);
}

/* Apply the given fields of in to s. */
void onb_spec_apply(struct onb_step_spec *s, unsigned fields, const struct onb_step_spec *in)
{
	if (fields & SF_TITLE)
		memcpy(s->title, in->title, sizeof s->title);
	if (fields & SF_KIND)
		s->kind = in->kind;
	if (fields & SF_OWNER) {
		s->owner = in->owner;
		memcpy(s->owner_login, in->owner_login, sizeof s->owner_login);
	}
	if (fields & SF_OFFSET)
		s->offset = in->offset;
	if (fields & SF_OFFICE)
		s->in_office = in->in_office;
	if (fields & SF_MANDATORY)
		s->mandatory = in->mandatory;
	if (fields & SF_NOTE)
		memcpy(s->note, in->note, sizeof s->note);
	if (fields & SF_COURSE)
		memcpy(s->course, in->course, sizeof s->course);
	/* A step that is no course any more names none. */
	if (s->kind != ONB_COURSE && !(fields & SF_COURSE))
		s->course[0] = '\0';
}

/* "talk, mentor, +4 workdays, office, mandatory", for the audit log. */
static void describe(const struct onb_step_spec *s, char *buf, size_t size)
{
	char off[40];

	snprintf(buf, size, "%s; %s, %s, %s%s%s%s%s", s->title, onb_kind_name(s->kind),
	         s->owner == OWNER_PERSON ? s->owner_login : onb_owner_name(s->owner),
	         onb_offset_format(&s->offset, off, sizeof off), s->in_office ? ", office" : "",
	         s->mandatory ? ", mandatory" : ", optional", s->course[0] ? ", course " : "",
	         s->course);
}

enum hop_status template_step_set(struct hop_app *app, const char *name, const char *key,
                                  unsigned fields, const struct onb_step_spec *in,
                                  int position, bool *added, struct hop_err *err)
{
	struct onb_template t;
	struct onb_template_step old = { 0 };
	struct onb_step_spec s;
	char object[HOP_TEMPLATE_NAME_MAX + 16], detail[1200], a[600], b[600];
	int64_t id;
	int n, pos;
	enum hop_status st;

	*added = false;
	if (authz_template_manage(app, err) != HOP_OK || template_get(app, name, &t, NULL, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (onb_step_find(app, false, t.id, key, &id, &pos, err) != HOP_OK ||
	    onb_step_count(app, false, t.id, &n, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "template:%s", t.name);
	if (!id) {
		if (*key && key[strspn(key, "0123456789")] == '\0') {
			hop_fail(err, HOP_ENOTFOUND, _("template '%s' has no step %s; it has %d steps"),
			         t.name, key, n);
			goto fail;
		}
		if ((fields & (SF_OWNER | SF_OFFSET)) != (SF_OWNER | SF_OFFSET)) {
			hop_fail(err, HOP_EINVAL, _("template '%s' has no step '%s'; a new step needs "
			         "its owner and when it is due"), t.name, key);
			goto fail;
		}
		if (n >= HOP_STEPS_MAX) {
			hop_fail(err, HOP_EINVAL, _("template '%s' has %d steps, the most one may have"),
			         t.name, n);
			goto fail;
		}
		memset(&s, 0, sizeof s);
		s.kind = ONB_OTHER;
		s.mandatory = true;
		snprintf(s.title, sizeof s.title, "%s", key);
		onb_spec_apply(&s, fields, in);
		if ((fields & SF_POSITION) && position >= 1)
			pos = position <= n ? position : n + 1;
		else if (due_position(app, t.id, &s.offset, &pos, err) != HOP_OK)
			goto fail;
		if (onb_shift(app, false, t.id, pos, 1, err) != HOP_OK ||
		    tpl_insert_step(app, t.id, pos, &s, err) != HOP_OK)
			goto fail;
		describe(&s, a, sizeof a);
		snprintf(detail, sizeof detail, "added step %d: %s", pos, a);
		*added = true;
	} else {
		if ((st = tstep_get(app, &t, key, &id, &old, err)) != HOP_OK)
			goto fail;
		s = old.s;
		onb_spec_apply(&s, fields, in);
		if (tstep_update(app, id, &s, err) != HOP_OK)
			goto fail;
		if ((fields & SF_POSITION) && position >= 1 && position != pos) {
			int to = position > n ? n : position;
			/* Out of the way, close its gap, open one where it goes. */
			struct db_stmt *q = db_stmt(app->db, "UPDATE onb_template_step "
			                          "SET position = 1000000 WHERE id = ?1", err);
			if (!q)
				goto fail;
			db_bind_int64(q, 1, id);
			if (db_step(q) != DB_DONE) {
				db_reset(q);
				db_fail(app->db, err, _("moving a step"));
				goto fail;
			}
			db_reset(q);
			if (onb_shift(app, false, t.id, pos + 1, -1, err) != HOP_OK ||
			    onb_shift(app, false, t.id, to, 1, err) != HOP_OK)
				goto fail;
			q = db_stmt(app->db, "UPDATE onb_template_step SET position = ?2 WHERE id = ?1",
			            err);
			if (!q)
				goto fail;
			db_bind_int64(q, 1, id);
			db_bind_int(q, 2, to);
			if (db_step(q) != DB_DONE) {
				db_reset(q);
				db_fail(app->db, err, _("moving a step"));
				goto fail;
			}
			db_reset(q);
			pos = to;
		}
		describe(&old.s, a, sizeof a);
		describe(&s, b, sizeof b);
		snprintf(detail, sizeof detail, "step %d: %s -> %s", pos, a, b);
	}
	if (audit_write(app, "template.step", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	*added = false;
	return err->status;
}

enum hop_status template_step_remove(struct hop_app *app, const char *name, const char *key,
                                     struct hop_err *err)
{
	struct onb_template t;
	struct onb_template_step old = { 0 };
	char object[HOP_TEMPLATE_NAME_MAX + 16], detail[700], a[600];
	struct db_stmt *st;
	int64_t id;
	int rc;

	if (authz_template_manage(app, err) != HOP_OK || template_get(app, name, &t, NULL, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (tstep_get(app, &t, key, &id, &old, err) != HOP_OK)
		goto fail;
	/* A template's step may go: onboardings keep their own copies. */
	if (!(st = db_stmt(app->db, "DELETE FROM onb_template_step WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("removing a template's step"));
		goto fail;
	}
	if (onb_shift(app, false, t.id, old.position + 1, -1, err) != HOP_OK)
		goto fail;
	describe(&old.s, a, sizeof a);
	snprintf(detail, sizeof detail, "removed step %d: %s", old.position, a);
	snprintf(object, sizeof object, "template:%s", t.name);
	if (audit_write(app, "template.step", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
