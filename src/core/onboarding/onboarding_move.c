/* A move (ROT-9, ONB-14): the same engine as a new hire's onboarding starts a
 * handover checklist for the post being left and an onboarding in the new
 * team, both counted from the day of the move, and gives the newcomer a
 * mentor of the new team when one is free. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "onb_int.h"
#include "../presence/presence_int.h"

/* The template of kind handover for team_id (the team's, else the default of
 * the kind) or of kind onboarding (only the team's own: the generic new-hire
 * template is for people new to the house); "" when none. */
static enum hop_status move_template(struct hop_app *app, bool handover, int64_t team_id,
                                     char *name, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM onb_template "
	                           "WHERE retired_on IS NULL AND kind = ?1 "
	                           "AND (team_id = ?2 OR (?3 <> 0 AND team_id IS NULL AND is_default = 1)) "
	                           "ORDER BY team_id IS NULL, name LIMIT 1", err);
	int rc;

	name[0] = '\0';
	if (!st)
		return err->status;
	db_bind_text(st, 1, handover ? "handover" : "onboarding");
	db_bind_int64(st, 2, team_id);
	db_bind_int(st, 3, handover);
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, name, size);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("choosing a template"));
	return HOP_OK;
}

/* nh as the person is on the move: their first day there is day, in team_id,
 * at that team's site. */
static enum hop_status mover(struct hop_app *app, int64_t person_id, int64_t team_id,
                             hop_date day, struct onb_newhire *nh, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT login FROM person WHERE id = ?1", err);
	char login[HOP_LOGIN_MAX + 1] = "";
	int rc;

	memset(nh, 0, sizeof *nh);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	rc = db_step(st);
	if (rc == DB_ROW)
		db_col_copy(st, 0, login, sizeof login);
	db_reset(st);
	if (rc == DB_DONE)
		return hop_fail(err, HOP_ENOTFOUND, _("the person is gone"));
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading people"));
	if (person_get(app, login, &nh->p, err) != HOP_OK)
		return err->status;
	nh->p.start = day;
	nh->team_id = team_id;
	return pr_person_site(app, person_id, team_id, &nh->site, err);
}

/* Start the checklist of purpose for nh from the template for team_id;
 * *started false when none applies or one of the purpose is open. */
static enum hop_status start_one(struct hop_app *app, const struct onb_newhire *nh,
                                 bool handover, int64_t team_id, bool *started,
                                 struct hop_err *err)
{
	const char *purpose = handover ? "handover" : "onboarding";
	char name[HOP_TEMPLATE_NAME_MAX + 1];
	struct onb_template t;
	struct onb_template_steps steps;
	int64_t open_id, id;
	enum hop_status st;

	*started = false;
	if (onb_open_purpose(app, nh->p.id, purpose, &open_id, NULL, err) != HOP_OK ||
	    move_template(app, handover, team_id, name, sizeof name, err) != HOP_OK)
		return err->status;
	if (open_id || !name[0])
		return HOP_OK;
	if (template_get(app, name, &t, &steps, err) != HOP_OK)
		return err->status;
	st = HOP_OK;
	if (steps.n) {
		st = onb_start_in_tx(app, nh, &t, &steps, purpose, team_id, &id, err);
		*started = st == HOP_OK;
	}
	onb_template_steps_free(&steps);
	return st;
}

/* The best-ranked candidate of the new team who may mentor nh then. */
static enum hop_status give_mentor(struct hop_app *app, const struct onb_newhire *nh,
                                   char *mentor, size_t size, struct hop_err *err)
{
	struct mentor_candidate_list l;
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	struct hop_err quiet;

	mentor[0] = '\0';
	if (onb_suggest(app, nh, 0, &l, err) != HOP_OK)
		return err->status;
	onb_mentor_period(app, nh, &from, &until);
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_person *m = &l.v[i].person;
		if (!l.v[i].same_team)
			continue;
		/* One who may not (away, leaving, taken meanwhile) is passed over. */
		hop_err_clear(&quiet);
		if (onb_mentor_check(app, nh, m, from, until, &quiet) != HOP_OK)
			continue;
		if (onb_mentor_insert(app, nh, m, from, until, NULL, err) != HOP_OK) {
			mentor_candidate_list_free(&l);
			return err->status;
		}
		snprintf(mentor, size, "%s", m->login);
		break;
	}
	mentor_candidate_list_free(&l);
	return HOP_OK;
}

enum hop_status onboarding_start_move(struct hop_app *app, int64_t person_id,
                                      int64_t from_team_id, int64_t to_team_id, hop_date day,
                                      struct onb_move_report *out, struct hop_err *err)
{
	struct onb_move_report r;
	struct onb_newhire nh;

	memset(&r, 0, sizeof r);
	if (out)
		*out = r;
	if (!person_id || day == HOP_DATE_NONE || from_team_id == to_team_id)
		return HOP_OK;
	/* All of it or none (a savepoint inside the caller's transaction). */
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (from_team_id &&
	    (mover(app, person_id, from_team_id, day, &nh, err) != HOP_OK ||
	     start_one(app, &nh, true, from_team_id, &r.handover, err) != HOP_OK))
		goto fail;
	if (to_team_id) {
		if (mover(app, person_id, to_team_id, day, &nh, err) != HOP_OK ||
		    start_one(app, &nh, false, to_team_id, &r.onboarding, err) != HOP_OK)
			goto fail;
		if (r.onboarding && give_mentor(app, &nh, r.mentor, sizeof r.mentor, err) != HOP_OK)
			goto fail;
	}
	if (db_commit(app->db, err) != HOP_OK)
		goto fail;
	if (out)
		*out = r;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
