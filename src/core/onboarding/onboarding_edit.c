/* One person's steps changed by HR or the lead: a step added, changed
 * (its due day recomputed from a new offset, or set by hand), moved, or
 * dropped (kept, no longer asked for).  The template stays as it was. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "onb_int.h"

static enum hop_status exec1(struct hop_app *app, struct db_stmt *st, const char *what,
                             struct hop_err *err)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc == DB_UNIQUE)
		return hop_fail(err, HOP_ECONFLICT, _("the onboarding already has a step of that "
		                "title"));
	if (rc != DB_DONE)
		return db_fail(app->db, err, what);
	return HOP_OK;
}

/* The open onboarding of nh and its start: HOP_ENOTFOUND when none. */
static enum hop_status open_one(struct hop_app *app, const struct onb_newhire *nh, int64_t *id,
                                hop_date *start, struct hop_err *err)
{
	if (onb_open_of(app, nh->p.id, id, start, err) != HOP_OK)
		return err->status;
	if (!*id)
		return hop_fail(err, HOP_ENOTFOUND, _("%s has no onboarding that is planned or "
		                "running"), nh->p.name);
	return HOP_OK;
}

static enum hop_status read_one(struct hop_app *app, int64_t step_id, struct onb_step *s,
                                struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " ONB_STEP_COLUMNS "FROM onboarding_step s "
	                           ONB_STEP_JOINS "WHERE s.id = ?1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, step_id);
	rc = db_step(st);
	if (rc == DB_ROW)
		onb_read_step(st, 0, clock_today(), s);
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	return HOP_OK;
}

/* Where a new step goes when no position is given: after the steps due
 * before it or on the same day. */
static enum hop_status due_position(struct hop_app *app, int64_t onboarding, hop_date due,
                                    int *pos, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT count(*) FROM onboarding_step "
	                           "WHERE onboarding_id = ?1 AND due_on <= ?2", err);
	int rc;

	*pos = 1;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, onboarding);
	db_bind_date(st, 2, due);
	rc = db_step(st);
	if (rc == DB_ROW)
		*pos = db_col_int(st, 0) + 1;
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	return HOP_OK;
}

static enum hop_status move(struct hop_app *app, int64_t onboarding, int64_t step_id, int from,
                            int to, int n, struct hop_err *err)
{
	struct db_stmt *st;

	if (to > n)
		to = n;
	if (to < 1 || to == from)
		return HOP_OK;
	if (!(st = db_stmt(app->db, "UPDATE onboarding_step SET position = 1000000 WHERE id = ?1",
	                   err)))
		return err->status;
	db_bind_int64(st, 1, step_id);
	if (exec1(app, st, _("moving a step"), err) != HOP_OK ||
	    onb_shift(app, true, onboarding, from + 1, -1, err) != HOP_OK ||
	    onb_shift(app, true, onboarding, to, 1, err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "UPDATE onboarding_step SET position = ?2 WHERE id = ?1", err)))
		return err->status;
	db_bind_int64(st, 1, step_id);
	db_bind_int(st, 2, to);
	return exec1(app, st, _("moving a step"), err);
}

enum hop_status onboarding_step_set(struct hop_app *app, const char *login, const char *key,
                                    unsigned fields, const struct onb_step_spec *in,
                                    hop_date due, int position, bool *added,
                                    struct hop_err *err)
{
	struct onb_newhire nh;
	struct onb_step old;
	struct onb_step_spec s;
	struct onb_cal cal;
	struct hop_person mentor, owner = { 0 };
	char object[HOP_LOGIN_MAX + 8], detail[1000], d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t id, step_id;
	hop_date start, new_due;
	bool fixed;
	int pos, n;

	*added = false;
	if (onb_newhire_get(app, login, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (open_one(app, &nh, &id, &start, err) != HOP_OK ||
	    onb_step_find(app, true, id, key, &step_id, &pos, err) != HOP_OK ||
	    onb_step_count(app, true, id, &n, err) != HOP_OK)
		goto fail;
	onb_cal_init(&cal, app, nh.site, start);
	if (!step_id) {
		if (*key && key[strspn(key, "0123456789")] == '\0') {
			hop_fail(err, HOP_ENOTFOUND, _("%s's onboarding has no step %s; it has %d"),
			         nh.p.name, key, n);
			goto fail;
		}
		if (!(fields & SF_OWNER) || !(fields & (SF_OFFSET | SF_DUE))) {
			hop_fail(err, HOP_EINVAL, _("%s's onboarding has no step '%s'; a new step needs "
			         "its owner and when it is due"), nh.p.name, key);
			goto fail;
		}
		if (n >= HOP_STEPS_MAX) {
			hop_fail(err, HOP_EINVAL, _("the onboarding has %d steps, the most one may have"),
			         n);
			goto fail;
		}
		memset(&s, 0, sizeof s);
		s.kind = ONB_OTHER;
		s.mandatory = true;
		snprintf(s.title, sizeof s.title, "%s", key);
		onb_spec_apply(&s, fields, in);
		if (!(fields & SF_OFFSET)) {
			/* A day by hand: the offset says the same in days. */
			s.offset.unit = UNIT_DAYS;
			s.offset.n = (int)(due - start);
		}
		if (onb_step_check(&s, err) != HOP_OK)
			goto fail;
		fixed = (fields & SF_DUE) != 0;
		new_due = fixed ? due : onb_cal_due(&cal, start, &s.offset);
		if ((fields & SF_POSITION) && position >= 1)
			pos = position <= n ? position : n + 1;
		else if (due_position(app, id, new_due, &pos, err) != HOP_OK)
			goto fail;
		if (onb_shift(app, true, id, pos, 1, err) != HOP_OK ||
		    onb_insert_step(app, id, pos, &s, new_due, fixed, err) != HOP_OK)
			goto fail;
		snprintf(detail, sizeof detail, "added step %d: %s; %s, %s, due %s", pos, s.title,
		         onb_kind_name(s.kind), s.owner == OWNER_PERSON ? s.owner_login :
		         onb_owner_name(s.owner), date_format(new_due, d1));
		*added = true;
	} else {
		if (read_one(app, step_id, &old, err) != HOP_OK)
			goto fail;
		s = old.s;
		onb_spec_apply(&s, fields, in);
		if (onb_step_check(&s, err) != HOP_OK)
			goto fail;
		if (s.owner == OWNER_PERSON && person_get(app, s.owner_login, &owner, err) != HOP_OK)
			goto fail;
		fixed = old.due_fixed;
		new_due = old.due;
		if (fields & SF_DUE) {
			fixed = true;
			new_due = due;
		} else if (fields & SF_OFFSET) {
			fixed = false;
			new_due = onb_cal_due(&cal, start, &s.offset);
		}
		/* Changing a dropped step asks for it again. */
		if (!(st = db_stmt(app->db, "UPDATE onboarding_step SET title = ?2, kind = ?3, "
		                   "owner = ?4, owner_id = ?5, offset_n = ?6, offset_unit = ?7, "
		                   "in_office = ?8, mandatory = ?9, note = ?10, due_on = ?11, "
		                   "due_fixed = ?12, dropped_at = NULL, dropped_by = NULL, "
		                   "sequence = sequence + 1 WHERE id = ?1", err)))
			goto fail;
		db_bind_int64(st, 1, step_id);
		db_bind_text(st, 2, s.title);
		db_bind_text(st, 3, onb_kind_name(s.kind));
		db_bind_text(st, 4, onb_owner_name(s.owner));
		if (owner.id && s.owner == OWNER_PERSON)
			db_bind_int64(st, 5, owner.id);
		else
			db_bind_null(st, 5);
		db_bind_int(st, 6, s.offset.n);
		db_bind_text(st, 7, onb_unit_name(s.offset.unit));
		db_bind_int(st, 8, s.in_office);
		db_bind_int(st, 9, s.mandatory);
		db_bind_text(st, 10, s.note[0] ? s.note : NULL);
		db_bind_date(st, 11, new_due);
		db_bind_int(st, 12, fixed);
		if (exec1(app, st, _("changing an onboarding step"), err) != HOP_OK ||
		    onb_step_course_write(app, true, step_id, s.course, err) != HOP_OK)
			goto fail;
		if ((fields & SF_POSITION) && move(app, id, step_id, pos, position, n, err) != HOP_OK)
			goto fail;
		snprintf(detail, sizeof detail, "step %d: %s; %s, %s, due %s -> %s; %s, %s, due %s%s",
		         pos, old.s.title, onb_kind_name(old.s.kind), old.s.owner == OWNER_PERSON ?
		         old.s.owner_login : onb_owner_name(old.s.owner), date_format(old.due, d1),
		         s.title, onb_kind_name(s.kind), s.owner == OWNER_PERSON ? s.owner_login :
		         onb_owner_name(s.owner), date_format(new_due, d2),
		         old.dropped ? "; asked for again" : "");
	}
	/* A talk with the mentor goes on a day both plan to be in. */
	if (onb_mentor_on(app, nh.p.id, start, &mentor, NULL, err) != HOP_OK ||
	    onb_place_talks(app, id, &nh, mentor.id, err) != HOP_OK)
		goto fail;
	onb_object(object, sizeof object, nh.p.login);
	if (audit_write(app, "onboarding.step", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	*added = false;
	return err->status;
}

enum hop_status onboarding_step_drop(struct hop_app *app, const char *login, const char *key,
                                     struct hop_err *err)
{
	struct onb_newhire nh;
	struct onb_step old;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[HOP_STEP_TITLE_MAX + 80], d[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t id, step_id;
	hop_date start;
	bool done;
	int pos;

	if (onb_newhire_get(app, login, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (open_one(app, &nh, &id, &start, err) != HOP_OK ||
	    onb_step_find(app, true, id, key, &step_id, &pos, err) != HOP_OK)
		goto fail;
	if (!step_id) {
		hop_fail(err, HOP_ENOTFOUND, _("%s's onboarding has no step '%s'"), nh.p.name, key);
		goto fail;
	}
	if (read_one(app, step_id, &old, err) != HOP_OK)
		goto fail;
	if (old.dropped) {
		hop_fail(err, HOP_ECONFLICT, _("step %d '%s' is already dropped"), old.number,
		         old.s.title);
		goto fail;
	}
	if (old.done_on != HOP_DATE_NONE) {
		hop_fail(err, HOP_ECONFLICT, _("step %d '%s' was done on %s; a done step stays in "
		         "the record"), old.number, old.s.title, date_format(old.done_on, d));
		goto fail;
	}
	if (!(st = db_stmt(app->db, "UPDATE onboarding_step SET dropped_at = ?2, dropped_by = ?3, "
	                   "sequence = sequence + 1 WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, step_id);
	db_bind_text(st, 2, clock_timestamp(at));
	db_bind_text(st, 3, app->actor.login);
	if (exec1(app, st, _("dropping a step"), err) != HOP_OK ||
	    onb_maybe_done(app, id, &done, err) != HOP_OK)
		goto fail;
	onb_object(object, sizeof object, nh.p.login);
	snprintf(detail, sizeof detail, "dropped step %d: %s%s", old.number, old.s.title,
	         done ? "; onboarding done" : "");
	if (audit_write(app, "onboarding.step", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
