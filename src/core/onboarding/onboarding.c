/* Onboardings: starting one from a template (a snapshot with due days),
 * reading one with its steps and their office clashes, cancelling and
 * closing.  Never deleted: a cancelled onboarding keeps every row. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/base/vec.h"
#include "onb_int.h"
#include "../presence/presence_int.h"

void onb_summary_list_free(struct onb_summary_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void onb_step_list_free(struct onb_step_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void onb_read_summary(struct db_stmt *st, hop_date today, struct onb_summary *o)
{
	const char *state;

	memset(o, 0, sizeof *o);
	o->id = db_col_int64(st, 0);
	o->person.id = db_col_int64(st, 1);
	db_col_copy(st, 2, o->person.login, sizeof o->person.login);
	db_col_copy(st, 3, o->person.name, sizeof o->person.name);
	db_col_copy(st, 4, o->person.email, sizeof o->person.email);
	o->person.team_id = db_col_int64(st, 5);
	db_col_copy(st, 6, o->person.team, sizeof o->person.team);
	o->person.roles = (unsigned)db_col_int(st, 7);
	o->person.start = db_col_date(st, 8);
	o->person.end = db_col_date(st, 9);
	db_col_copy(st, 10, o->template, sizeof o->template);
	o->start = db_col_date(st, 11);
	state = db_col_text(st, 12);
	if (state && strcmp(state, "done") == 0)
		o->state = ONB_DONE;
	else if (state && strcmp(state, "cancelled") == 0)
		o->state = ONB_CANCELLED;
	else
		o->state = o->start > today ? ONB_PLANNED : ONB_RUNNING;
	db_col_copy(st, 13, o->mentor_login, sizeof o->mentor_login);
	db_col_copy(st, 14, o->mentor_name, sizeof o->mentor_name);
	o->mentor_until = db_col_date(st, 15);
	o->steps = db_col_int(st, 16);
	o->mandatory = db_col_int(st, 17);
	o->mandatory_done = db_col_int(st, 18);
	o->done = db_col_int(st, 19);
	/* Only what is still asked for is late. */
	o->overdue = o->state == ONB_PLANNED || o->state == ONB_RUNNING ? db_col_int(st, 20) : 0;
	o->next_due = db_col_date(st, 21);
	db_col_copy(st, 22, o->closed_by, sizeof o->closed_by);
	db_col_copy(st, 23, o->close_note, sizeof o->close_note);
	o->closed = db_col_date(st, 24);
	o->handover = db_col_int(st, 25) != 0;
	db_col_copy(st, 26, o->for_team, sizeof o->for_team);
}

enum hop_status onb_summary_get(struct hop_app *app, int64_t id, struct onb_summary *out,
                                struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, ONB_SUMMARY_SELECT "WHERE o.id = ?1 "
	                           ONB_SUMMARY_GROUP, err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	db_bind_today(st, 9);
	rc = db_step(st);
	if (rc == DB_ROW)
		onb_read_summary(st, clock_today(), out);
	db_reset(st);
	if (rc == DB_DONE)
		return hop_fail(err, HOP_ENOTFOUND, _("the onboarding is gone"));
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading an onboarding"));
	return HOP_OK;
}

enum hop_status onb_insert_step(struct hop_app *app, int64_t onboarding_id, int position,
                                const struct onb_step_spec *s, hop_date due, bool due_fixed,
                                struct hop_err *err)
{
	struct hop_person p = { 0 };
	struct db_stmt *st;
	int rc;

	if (s->owner == OWNER_PERSON && person_get(app, s->owner_login, &p, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO onboarding_step (onboarding_id, position, title, kind, "
	             "owner, owner_id, offset_n, offset_unit, in_office, mandatory, note, due_on, "
	             "due_fixed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, onboarding_id);
	db_bind_int(st, 2, position);
	db_bind_text(st, 3, s->title);
	db_bind_text(st, 4, onb_kind_name(s->kind));
	db_bind_text(st, 5, onb_owner_name(s->owner));
	if (p.id)
		db_bind_int64(st, 6, p.id);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, s->offset.n);
	db_bind_text(st, 8, onb_unit_name(s->offset.unit));
	db_bind_int(st, 9, s->in_office);
	db_bind_int(st, 10, s->mandatory);
	db_bind_text(st, 11, s->note[0] ? s->note : NULL);
	db_bind_date(st, 12, due);
	db_bind_int(st, 13, due_fixed);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_UNIQUE)
		return hop_fail(err, HOP_ECONFLICT, _("the onboarding already has a step '%s'"),
		                s->title);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("adding an onboarding step"));
	return onb_step_course_write(app, true, db_last_id(app->db), s->course, err);
}

/* ---- starting ---- */

/* The template that applies to nh: their team's, else one of their roles',
 * else the default; "" when none does. */
static enum hop_status choose_template(struct hop_app *app, const struct onb_newhire *nh,
                                       char *name, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM onb_template "
	                           "WHERE retired_on IS NULL AND kind = 'onboarding' "
	                           "AND (team_id IS NULL OR team_id = ?1) "
	                           "AND (role IS NULL OR (role & ?2) <> 0) "
	                           "AND (team_id IS NOT NULL OR role IS NOT NULL OR is_default = 1) "
	                           "ORDER BY team_id IS NULL, role IS NULL, role DESC, "
	                           "is_default DESC, name LIMIT 1", err);
	int rc;

	name[0] = '\0';
	if (!st)
		return err->status;
	db_bind_int64(st, 1, nh->team_id);
	db_bind_int(st, 2, (int)nh->p.roles);
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, name, size);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("choosing a template"));
	return HOP_OK;
}

/* An open onboarding of nh already there: the refusal. */
static enum hop_status already(struct hop_app *app, const struct onb_newhire *nh, int64_t id,
                               struct hop_err *err)
{
	struct onb_summary o;
	char d[HOP_DATE_ISO_LEN];

	if (onb_summary_get(app, id, &o, err) != HOP_OK)
		return err->status;
	return hop_fail(err, HOP_ECONFLICT, _("%s already has an onboarding (%s, from the template "
	                "'%s', starting %s); cancel it first to start another"), nh->p.name,
	                onb_state_display(o.state), o.template, date_format(o.start, d));
}

enum hop_status onb_start_in_tx(struct hop_app *app, const struct onb_newhire *nh,
                                const struct onb_template *t,
                                const struct onb_template_steps *steps, const char *purpose,
                                int64_t team_id, int64_t *id, struct hop_err *err)
{
	struct onb_cal cal;
	struct hop_person mentor;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[400], d[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t open_id;
	int rc;

	if (onb_open_purpose(app, nh->p.id, purpose, &open_id, NULL, err) != HOP_OK)
		return err->status;
	if (open_id)
		return already(app, nh, open_id, err);
	st = db_stmt(app->db, "INSERT INTO onboarding (person_id, template_id, template, start_on, "
	             "created_at, created_by, purpose, team_id) "
	             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, nh->p.id);
	db_bind_int64(st, 2, t->id);
	db_bind_text(st, 3, t->name);
	db_bind_date(st, 4, nh->p.start);
	db_bind_text(st, 5, clock_timestamp(at));
	db_bind_text(st, 6, app->actor.login);
	db_bind_text(st, 7, purpose);
	if (team_id)
		db_bind_int64(st, 8, team_id);
	else
		db_bind_null(st, 8);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("starting an onboarding"));
	*id = db_last_id(app->db);
	onb_cal_init(&cal, app, nh->site, nh->p.start);
	for (size_t i = 0; i < steps->n; i++) {
		const struct onb_step_spec *s = &steps->v[i].s;
		if (onb_insert_step(app, *id, (int)i + 1, s, onb_cal_due(&cal, nh->p.start, &s->offset),
		                    false, err) != HOP_OK)
			return err->status;
	}
	if (onb_mentor_on(app, nh->p.id, nh->p.start, &mentor, NULL, err) != HOP_OK ||
	    onb_place_talks(app, *id, nh, mentor.id, err) != HOP_OK)
		return err->status;
	onb_object(object, sizeof object, nh->p.login);
	snprintf(detail, sizeof detail, "%stemplate: %s; start: %s; steps: %zu",
	         strcmp(purpose, "handover") == 0 ? "handover; " : "", t->name,
	         date_format(nh->p.start, d), steps->n);
	return audit_write(app, "onboarding.start", object, detail, err);
}

enum hop_status onboarding_start(struct hop_app *app, const char *login, const char *template,
                                 struct onb_summary *out, struct hop_err *err)
{
	struct onb_newhire nh;
	struct onb_template t;
	struct onb_template_steps steps;
	char name[HOP_TEMPLATE_NAME_MAX + 1], d[HOP_DATE_ISO_LEN];
	int64_t id = 0;
	enum hop_status st;

	if (onb_newhire_get(app, login, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK)
		return err->status;
	if (nh.p.end != HOP_DATE_NONE && nh.p.end < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s left on %s; an onboarding is for people who "
		                "work here"), nh.p.name, date_format(nh.p.end, d));
	if (template && *template) {
		snprintf(name, sizeof name, "%s", template);
	} else {
		if (choose_template(app, &nh, name, sizeof name, err) != HOP_OK)
			return err->status;
		if (!name[0])
			return hop_fail(err, HOP_ENOTFOUND, _("no onboarding template applies to %s: "
			                "none is for their team or role and none is the default; name "
			                "one"), nh.p.name);
	}
	if (template_get(app, name, &t, &steps, err) != HOP_OK)
		return err->status;
	if (t.handover) {
		onb_template_steps_free(&steps);
		return hop_fail(err, HOP_EINVAL, _("the template '%s' is a handover checklist, for a "
		                "person leaving a post; name an onboarding template"), t.name);
	}
	if (!steps.n) {
		onb_template_steps_free(&steps);
		return hop_fail(err, HOP_EINVAL, _("the template '%s' has no steps"), t.name);
	}
	if ((st = db_begin(app->db, err)) == HOP_OK) {
		st = onb_start_in_tx(app, &nh, &t, &steps, "onboarding", 0, &id, err);
		if (st == HOP_OK)
			st = db_commit(app->db, err);
		if (st != HOP_OK)
			db_rollback(app->db);
	}
	onb_template_steps_free(&steps);
	if (st != HOP_OK || !out)
		return st;
	return onb_summary_get(app, id, out, err);
}

enum hop_status onboarding_auto_start(struct hop_app *app, const char *login,
                                      struct hop_err *err)
{
	struct onb_newhire nh;
	char name[HOP_TEMPLATE_NAME_MAX + 1];

	if (!app->cfg.onboarding_auto_start)
		return HOP_OK;
	if (onb_newhire_get(app, login, &nh, err) != HOP_OK)
		return err->status;
	if (nh.p.start <= clock_today())
		return HOP_OK;
	if (choose_template(app, &nh, name, sizeof name, err) != HOP_OK)
		return err->status;
	if (!name[0])
		return HOP_OK;
	return onboarding_start(app, login, name, NULL, err);
}

/* ---- one onboarding and its steps ---- */

/* Who a role owner is for this onboarding: a name, else the role's. */
static void owner_shown(struct onb_step *s, const struct onb_summary *o, const char *lead)
{
	const char *who = "";

	switch (s->s.owner) {
	case OWNER_NEWHIRE: who = o->person.name; break;
	case OWNER_MENTOR: who = o->mentor_name; break;
	case OWNER_LEAD: who = lead; break;
	case OWNER_PERSON: who = s->owner_shown; break;
	default: break;
	}
	if (!who[0])
		who = onb_owner_display(s->s.owner);
	if (who != s->owner_shown)
		snprintf(s->owner_shown, sizeof s->owner_shown, "%s", who);
}

/* Where the new hire (and for talks with the mentor, the mentor) plan to be
 * on the days of the open steps that must happen in the office. */
static enum hop_status clashes(struct hop_app *app, const struct onb_summary *o,
                               struct onb_step_list *l, struct hop_err *err)
{
	struct hop_person mentor = { 0 };
	struct pr_plan plan, theirs = { 0 };
	hop_date lo = HOP_DATE_NONE, hi = HOP_DATE_NONE;
	bool with_mentor = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct onb_step *s = &l->v[i];
		if (s->dropped || s->done_on != HOP_DATE_NONE || !s->s.in_office)
			continue;
		lo = lo == HOP_DATE_NONE || s->due < lo ? s->due : lo;
		hi = hi == HOP_DATE_NONE || s->due > hi ? s->due : hi;
	}
	if (lo == HOP_DATE_NONE)
		return HOP_OK;
	if (hi - lo > 400)
		hi = lo + 400;
	/* A plan of one each: their own rows through their keys. */
	if (pr_plan_load(app, 0, &o->person.id, 1, lo, (int)(hi - lo) + 1, false, &plan,
	                 err) != HOP_OK)
		return err->status;
	if (o->mentor_login[0] && person_get(app, o->mentor_login, &mentor, err) == HOP_OK) {
		if (pr_plan_load(app, 0, &mentor.id, 1, lo, (int)(hi - lo) + 1, false, &theirs,
		                 err) != HOP_OK) {
			pr_plan_free(&plan);
			return err->status;
		}
		with_mentor = true;
	}
	for (size_t i = 0; i < l->n; i++) {
		struct onb_step *s = &l->v[i];
		if (s->dropped || s->done_on != HOP_DATE_NONE || !s->s.in_office || s->due > hi)
			continue;
		enum presence_loc a = pr_plan_loc(&plan, 0, (int)(s->due - lo));
		if (a != LOC_NONE && a != LOC_OFFICE) {
			s->clash = a;
		} else if (with_mentor && s->s.owner == OWNER_MENTOR) {
			enum presence_loc b = pr_plan_loc(&theirs, 0, (int)(s->due - lo));
			if (b != LOC_NONE && b != LOC_OFFICE) {
				s->clash = b;
				s->clash_mentor = true;
			}
		}
	}
	pr_plan_free(&plan);
	pr_plan_free(&theirs);
	return HOP_OK;
}

static enum hop_status read_steps(struct hop_app *app, const struct onb_summary *o,
                                  struct onb_step_list *out, struct hop_err *err)
{
	struct db_stmt *st;
	char lead[HOP_NAME_MAX + 1] = "";
	hop_date today = clock_today();
	int rc;

	st = db_stmt(app->db, "SELECT coalesce(lp.name, '') FROM team t "
	             "LEFT JOIN person lp ON lp.id = t.lead_id WHERE t.id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, o->person.team_id);
	if (db_step(st) == DB_ROW)
		db_col_copy(st, 0, lead, sizeof lead);
	db_reset(st);
	st = db_stmt(app->db, "SELECT " ONB_STEP_COLUMNS "FROM onboarding_step s " ONB_STEP_JOINS
	             "WHERE s.onboarding_id = ?1 ORDER BY s.position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, o->id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while reading an onboarding"));
		}
		struct onb_step *s = &out->v[out->n++];
		onb_read_step(st, 0, today, s);
		if (o->state == ONB_DONE || o->state == ONB_CANCELLED)
			s->overdue = false;
		owner_shown(s, o, lead);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboarding steps"));
	if (o->state == ONB_PLANNED || o->state == ONB_RUNNING)
		return clashes(app, o, out, err);
	return HOP_OK;
}

enum hop_status onboarding_show(struct hop_app *app, const char *login, struct onb_summary *out,
                                struct onb_step_list *steps, struct hop_err *err)
{
	return onboarding_show_purpose(app, login, false, out, steps, err);
}

enum hop_status onboarding_show_purpose(struct hop_app *app, const char *login, bool handover,
                                        struct onb_summary *out, struct onb_step_list *steps,
                                        struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;
	int64_t id = 0;
	int rc;

	if (steps)
		memset(steps, 0, sizeof *steps);
	if (!login) {
		if (!app->actor.known)
			return hop_fail(err, HOP_EINVAL, _("you (login '%s') are not registered in hop; "
			                "name the person"), app->actor.login);
		login = app->actor.login;
	}
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	/* The open one, else the latest. */
	st = db_stmt(app->db, "SELECT id FROM onboarding WHERE person_id = ?1 AND purpose = ?2 "
	             "ORDER BY state = 'open' DESC, id DESC LIMIT 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	db_bind_text(st, 2, handover ? "handover" : "onboarding");
	rc = db_step(st);
	if (rc == DB_ROW)
		id = db_col_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboardings"));
	if (!id && handover)
		return hop_fail(err, HOP_ENOTFOUND, _("%s has no handover checklist"), p.name);
	if (!id)
		return hop_fail(err, HOP_ENOTFOUND, _("%s has no onboarding"), p.name);
	if (onb_summary_get(app, id, out, err) != HOP_OK)
		return err->status;
	if (!steps)
		return HOP_OK;
	/* The checklist is personnel data: shown on a need-to-know basis. */
	if (authz_onboarding_see(app, &p, p.team_id, out->mentor_login, err) != HOP_OK)
		return err->status;
	if (read_steps(app, out, steps, err) != HOP_OK) {
		onb_step_list_free(steps);
		return err->status;
	}
	return HOP_OK;
}

/* ---- cancelling and closing ---- */

static enum hop_status finish(struct hop_app *app, const char *login, const char *note,
                              bool cancel, bool handover, struct hop_err *err)
{
	struct onb_newhire nh;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[HOP_STEP_NOTE_MAX + 80];
	struct db_stmt *st;
	int64_t id;
	int rc;

	if (onb_newhire_get(app, login, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK ||
	    (!cancel && authz_onboarding_close(app, err) != HOP_OK))
		return err->status;
	if (note && strlen(note) > HOP_STEP_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; the limit is %d"),
		                strlen(note), HOP_STEP_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	if (!cancel && (!note || !*note))
		return hop_fail(err, HOP_EINVAL, _("closing an onboarding whose steps are not all done "
		                "needs a note saying why"));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (onb_open_purpose(app, nh.p.id, handover ? "handover" : "onboarding", &id, NULL,
	                     err) != HOP_OK)
		goto fail;
	if (!id) {
		if (handover)
			hop_fail(err, HOP_ENOTFOUND, _("%s has no handover checklist that is planned "
			         "or running"), nh.p.name);
		else
			hop_fail(err, HOP_ENOTFOUND, _("%s has no onboarding that is planned or "
			         "running"), nh.p.name);
		goto fail;
	}
	if (!(st = db_stmt(app->db, "UPDATE onboarding SET state = ?2, closed_at = ?3, "
	                   "closed_by = ?4, close_note = ?5 WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, cancel ? "cancelled" : "done");
	db_bind_text(st, 3, clock_timestamp(at));
	db_bind_text(st, 4, app->actor.login);
	db_bind_text(st, 5, note && *note ? note : NULL);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("closing an onboarding"));
		goto fail;
	}
	/* Calendars learn that the open steps are off. */
	if (!(st = db_stmt(app->db, "UPDATE onboarding_step SET sequence = sequence + 1 "
	                   "WHERE onboarding_id = ?1 AND done_on IS NULL AND dropped_at IS NULL",
	                   err)))
		goto fail;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("closing an onboarding"));
		goto fail;
	}
	onb_object(object, sizeof object, nh.p.login);
	snprintf(detail, sizeof detail, "%s%s", handover ? "handover; " : "",
	         note && *note ? note : "");
	if (audit_write(app, cancel ? "onboarding.cancel" : "onboarding.close", object, detail,
	                err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status onboarding_cancel(struct hop_app *app, const char *login, const char *note,
                                  struct hop_err *err)
{
	return finish(app, login, note, true, false, err);
}

enum hop_status onboarding_finish_purpose(struct hop_app *app, const char *login,
                                          bool handover, const char *note, bool cancel,
                                          struct hop_err *err)
{
	return finish(app, login, note, cancel, handover, err);
}

enum hop_status onboarding_close(struct hop_app *app, const char *login, const char *note,
                                 struct hop_err *err)
{
	return finish(app, login, note, false, false, err);
}
