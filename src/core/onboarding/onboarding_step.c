/* The steps of one person's onboarding: ticking and unticking them (by their
 * owner, HR or the lead), adding, changing and dropping them (HR, the lead).
 * The last mandatory step ticked makes the onboarding done.  Every change
 * grows the step's sequence, so that calendars see it. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "onb_int.h"

void onb_read_step(struct db_stmt *st, int c, hop_date today, struct onb_step *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_col_int64(st, c);
	s->number = db_col_int(st, c + 1);
	db_col_copy(st, c + 2, s->s.title, sizeof s->s.title);
	s->s.kind = onb_kind_from_text(db_col_text(st, c + 3));
	s->s.owner = onb_owner_from_text(db_col_text(st, c + 4));
	db_col_copy(st, c + 5, s->s.owner_login, sizeof s->s.owner_login);
	s->s.offset.n = db_col_int(st, c + 6);
	s->s.offset.unit = onb_unit_from_text(db_col_text(st, c + 7));
	s->s.in_office = db_col_int(st, c + 8) != 0;
	s->s.mandatory = db_col_int(st, c + 9) != 0;
	db_col_copy(st, c + 10, s->s.note, sizeof s->s.note);
	s->due = db_col_date(st, c + 11);
	s->due_fixed = db_col_int(st, c + 12) != 0;
	s->done_on = db_col_date(st, c + 13);
	db_col_copy(st, c + 14, s->done_by, sizeof s->done_by);
	db_col_copy(st, c + 15, s->done_note, sizeof s->done_note);
	s->dropped = db_col_int(st, c + 16) != 0;
	db_col_copy(st, c + 17, s->owner_shown, sizeof s->owner_shown);
	db_col_copy(st, c + 18, s->s.course, sizeof s->s.course);
	s->overdue = !s->dropped && s->done_on == HOP_DATE_NONE && s->due < today;
	s->clash = LOC_NONE;
}

enum hop_status onb_maybe_done(struct hop_app *app, int64_t id, bool *done, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT coalesce(sum(mandatory), 0), "
	                           "coalesce(sum(CASE WHEN mandatory = 1 AND done_on IS NULL "
	                           "THEN 1 ELSE 0 END), 0) "
	                           "FROM onboarding_step WHERE onboarding_id = ?1 "
	                           "AND dropped_at IS NULL", err);
	char at[24];
	int mandatory = 0, open = 0, rc;

	*done = false;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		mandatory = db_col_int(st, 0);
		open = db_col_int(st, 1);
	}
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	if (!mandatory || open)
		return HOP_OK;
	st = db_stmt(app->db, "UPDATE onboarding SET state = 'done', closed_at = ?2, closed_by = ?3 "
	             "WHERE id = ?1 AND state = 'open'", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, clock_timestamp(at));
	db_bind_text(st, 3, app->actor.login);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("closing an onboarding"));
	*done = db_changes(app->db) > 0;
	return HOP_OK;
}

/* The onboarding a step change works on: the open one (latest with done:
 * also a done one, to untick), and the step key names in it. */
struct target {
	struct onb_newhire nh;
	int64_t onboarding;
	bool was_done;
	struct onb_step step;                 /* step.id 0 when key names none */
};

static enum hop_status find_target(struct hop_app *app, const char *login, const char *key,
                                   bool done_too, bool handover, struct target *t,
                                   struct hop_err *err)
{
	struct db_stmt *st;
	int64_t id;
	int pos, rc;

	memset(&t->step, 0, sizeof t->step);
	t->onboarding = 0;
	t->was_done = false;
	st = done_too ? db_stmt(app->db, "SELECT id, state = 'done' FROM onboarding "
	                        "WHERE person_id = ?1 AND purpose = ?2 AND state <> 'cancelled' "
	                        "ORDER BY state = 'open' DESC, id DESC LIMIT 1", err)
	              : db_stmt(app->db, "SELECT id, 0 FROM onboarding WHERE person_id = ?1 "
	                        "AND purpose = ?2 AND state = 'open'", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, t->nh.p.id);
	db_bind_text(st, 2, handover ? "handover" : "onboarding");
	rc = db_step(st);
	if (rc == DB_ROW) {
		t->onboarding = db_col_int64(st, 0);
		t->was_done = db_col_int(st, 1) != 0;
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboardings"));
	if (!t->onboarding && handover)
		return hop_fail(err, HOP_ENOTFOUND, _("%s has no handover checklist that is planned "
		                "or running"), t->nh.p.name);
	if (!t->onboarding)
		return hop_fail(err, HOP_ENOTFOUND, _("%s has no onboarding that is planned or "
		                "running"), t->nh.p.name);
	if (onb_step_find(app, true, t->onboarding, key, &id, &pos, err) != HOP_OK)
		return err->status;
	if (!id)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT " ONB_STEP_COLUMNS "FROM onboarding_step s " ONB_STEP_JOINS
	             "WHERE s.id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW)
		onb_read_step(st, 0, clock_today(), &t->step);
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	(void)login;
	return HOP_OK;
}

static enum hop_status no_step(const struct target *t, const char *key, struct hop_err *err)
{
	return hop_fail(err, HOP_ENOTFOUND, _("%s's onboarding has no step '%s'"), t->nh.p.name,
	                key);
}

/* Is the actor the owner who ticks this step (the new hire, their mentor,
 * the named person)?  Leads, HR and IT are checked by their roles. */
static enum hop_status is_owner(struct hop_app *app, const struct target *t, bool *yes,
                                struct hop_err *err)
{
	struct db_stmt *st;
	int rc;

	*yes = false;
	if (!app->actor.known)
		return HOP_OK;
	switch (t->step.s.owner) {
	case OWNER_NEWHIRE:
		*yes = app->actor.person.id == t->nh.p.id;
		return HOP_OK;
	case OWNER_PERSON:
		*yes = strcmp(app->actor.login, t->step.s.owner_login) == 0;
		return HOP_OK;
	case OWNER_MENTOR:
		st = db_stmt(app->db, "SELECT 1 FROM mentorship WHERE mentee_id = ?1 "
		             "AND mentor_id = ?2 AND cancelled_at IS NULL", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, t->nh.p.id);
		db_bind_int64(st, 2, app->actor.person.id);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_ROW && rc != DB_DONE)
			return db_fail(app->db, err, _("reading mentorships"));
		*yes = rc == DB_ROW;
		return HOP_OK;
	case OWNER_HR:
		*yes = (app->actor.roles & ROLE_HR) != 0;
		return HOP_OK;
	case OWNER_IT:
		*yes = (app->actor.roles & ROLE_ADMIN) != 0;
		return HOP_OK;
	case OWNER_LEAD:
		return HOP_OK;
	}
	return HOP_OK;
}

static enum hop_status may_tick(struct hop_app *app, const struct target *t,
                                struct hop_err *err)
{
	bool yes;

	if (is_owner(app, t, &yes, err) != HOP_OK)
		return err->status;
	return authz_onboarding_tick(app, &t->nh.p, t->nh.team_id, yes, t->step.owner_shown[0] ?
	                             t->step.owner_shown : onb_owner_display(t->step.s.owner), err);
}

static enum hop_status tick(struct hop_app *app, const char *login, bool handover,
                            const char *key, hop_date day, const char *note, bool undo,
                            struct hop_err *err)
{
	struct target t;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[HOP_STEP_TITLE_MAX + 200],
	     d[HOP_DATE_ISO_LEN], by[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	bool done = false;
	int rc;

	if (onb_newhire_get(app, login, &t.nh, err) != HOP_OK)
		return err->status;
	if (note && strlen(note) > HOP_STEP_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; the limit is %d"),
		                strlen(note), HOP_STEP_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	if (day == HOP_DATE_NONE)
		day = clock_today();
	if (!undo && day > clock_today())
		return hop_fail(err, HOP_EINVAL, _("a step cannot be done on %s, which is still to "
		                "come"), date_format(day, d));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (find_target(app, login, key, undo, handover, &t, err) != HOP_OK)
		goto fail;
	if (!t.step.id) {
		no_step(&t, key, err);
		goto fail;
	}
	if (may_tick(app, &t, err) != HOP_OK)
		goto fail;
	if (t.step.dropped) {
		hop_fail(err, HOP_EINVAL, _("step %d '%s' was dropped from %s's onboarding"),
		         t.step.number, t.step.s.title, t.nh.p.name);
		goto fail;
	}
	if (!undo && t.step.done_on != HOP_DATE_NONE) {
		hop_fail(err, HOP_ECONFLICT, _("step %d '%s' was already done on %s (%s)"),
		         t.step.number, t.step.s.title, date_format(t.step.done_on, by),
		         t.step.done_by);
		goto fail;
	}
	if (undo && t.step.done_on == HOP_DATE_NONE) {
		hop_fail(err, HOP_ECONFLICT, _("step %d '%s' is not done"), t.step.number,
		         t.step.s.title);
		goto fail;
	}
	st = undo ? db_stmt(app->db, "UPDATE onboarding_step SET done_on = NULL, done_by = NULL, "
	                    "done_at = NULL, done_note = NULL, sequence = sequence + 1 "
	                    "WHERE id = ?1", err)
	          : db_stmt(app->db, "UPDATE onboarding_step SET done_on = ?2, done_by = ?3, "
	                    "done_at = ?4, done_note = ?5, sequence = sequence + 1 WHERE id = ?1",
	                    err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, t.step.id);
	if (!undo) {
		db_bind_date(st, 2, day);
		db_bind_int64(st, 3, app->actor.person.id);
		db_bind_text(st, 4, clock_timestamp(at));
		db_bind_text(st, 5, note && *note ? note : NULL);
	}
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("ticking a step"));
		goto fail;
	}
	if (undo && t.was_done) {
		/* Something is open again: so is the onboarding. */
		st = db_stmt(app->db, "UPDATE onboarding SET state = 'open', closed_at = NULL, "
		             "closed_by = NULL, close_note = NULL WHERE id = ?1", err);
		if (!st)
			goto fail;
		db_bind_int64(st, 1, t.onboarding);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE) {
			db_fail(app->db, err, _("reopening an onboarding"));
			goto fail;
		}
	}
	if (!undo && onb_maybe_done(app, t.onboarding, &done, err) != HOP_OK)
		goto fail;
	onb_object(object, sizeof object, t.nh.p.login);
	if (undo)
		snprintf(detail, sizeof detail, "step %d: %s; not done%s", t.step.number,
		         t.step.s.title, t.was_done ? "; onboarding reopened" : "");
	else
		snprintf(detail, sizeof detail, "step %d: %s; done on %s%s", t.step.number,
		         t.step.s.title, date_format(day, d), done ? "; onboarding done" : "");
	if (audit_write(app, undo ? "onboarding.untick" : "onboarding.tick", object, detail,
	                err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status onboarding_tick(struct hop_app *app, const char *login, const char *key,
                                hop_date day, const char *note, struct hop_err *err)
{
	return tick(app, login, false, key, day, note, false, err);
}

enum hop_status onboarding_tick_purpose(struct hop_app *app, const char *login, bool handover,
                                        const char *key, hop_date day, const char *note,
                                        bool undo, struct hop_err *err)
{
	return tick(app, login, handover, key, undo ? HOP_DATE_NONE : day, undo ? NULL : note,
	            undo, err);
}

enum hop_status onboarding_untick(struct hop_app *app, const char *login, const char *key,
                                  struct hop_err *err)
{
	return tick(app, login, false, key, HOP_DATE_NONE, NULL, true, err);
}
