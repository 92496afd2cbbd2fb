/* Enrolling, cancelling, approving and rejecting, and the waitlist's
 * promotion.  Each change is one IMMEDIATE transaction: the seats are
 * counted and the enrolment written under the write lock, and the
 * database's triggers refuse an overfilled session as the last guard (a
 * refused seat becomes a place on the waitlist). */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/db/db.h"
#include "session_int.h"
#include "enrol_int.h"

/* May the actor act for p?  Themselves; HR and admins; the lead of p's team. */
static bool may_act_for(const struct hop_app *app, const struct hop_person *p)
{
	if (p->id == app->actor.person.id)
		return true;
	if (app->actor.roles & (ROLE_HR | ROLE_ADMIN))
		return true;
	return authz_leads_team(app, p->team_id);
}

/* May the actor approve p's enrolments?  The lead of p's team, HR, admins. */
static bool may_approve(const struct hop_app *app, const struct hop_person *p)
{
	if (app->actor.roles & (ROLE_HR | ROLE_ADMIN))
		return true;
	return authz_leads_team(app, p->team_id);
}

static enum hop_status who(struct hop_app *app, const char *login, struct hop_person *p,
                           struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!login || !*login) {
		*p = app->actor.person;
		return HOP_OK;
	}
	if (person_get(app, login, p, err) != HOP_OK)
		return err->status;
	if (!may_act_for(app, p))
		return hop_fail(err, HOP_EPERM, _("only %s, the lead of their team and HR enrol "
		                "%s"), p->name, p->name);
	return HOP_OK;
}

static void result_for(struct enrol_result *res, const struct hop_person *p)
{
	memset(res, 0, sizeof *res);
	snprintf(res->login, sizeof res->login, "%s", p->login);
	snprintf(res->name, sizeof res->name, "%s", p->name);
}

/* p's live enrolment in the session: *id 0 when none. */
static enum hop_status live_enrolment(struct hop_app *app, int64_t session_id, int64_t person_id,
                                      int64_t *id, enum enrol_state *state, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, state FROM enrolment WHERE "
	                           "session_id = ?1 AND person_id = ?2 AND state <> 'cancelled'", err);
	int rc;

	*id = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, session_id);
	db_bind_int64(st, 2, person_id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		*state = enrol_state_from_text(db_col_text(st, 1));
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading an enrolment"));
	return HOP_OK;
}

/* The place of enrolment id on the waitlist, 1 = next. */
static enum hop_status position_of(struct hop_app *app, int64_t id, int *pos, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT count(*) FROM enrolment w JOIN enrolment me "
	                           "ON me.id = ?1 WHERE w.session_id = me.session_id AND "
	                           "w.state = 'waitlisted' AND (w.queued_at < me.queued_at OR "
	                           "(w.queued_at = me.queued_at AND w.id <= me.id))", err);
	int64_t n = 0;
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (db_get_int64(st, &n, &found, _("reading the waitlist"), err) != HOP_OK)
		return err->status;
	*pos = (int)n;
	return HOP_OK;
}

/* Move enrolment id to state (booked falls back to waitlisted when the
 * database finds the session full).  queued: a new place in the queue. */
static enum hop_status set_state(struct hop_app *app, int64_t id, enum enrol_state *state,
                                 bool decided, bool queued, struct hop_err *err)
{
	char now[24];

	clock_timestamp(now);
	for (;;) {
		struct db_stmt *st = db_stmt(app->db, "UPDATE enrolment SET state = ?2, "
		                           "sequence = sequence + 1, "
		                           "decided_at = CASE WHEN ?3 <> 0 THEN ?4 ELSE decided_at END, "
		                           "decided_by = CASE WHEN ?3 <> 0 THEN ?5 ELSE decided_by END, "
		                           "queued_at = CASE WHEN ?6 <> 0 THEN ?4 ELSE queued_at END, "
		                           "cancelled_at = CASE WHEN ?2 = 'cancelled' THEN ?4 END, "
		                           "cancelled_by = CASE WHEN ?2 = 'cancelled' THEN ?5 END "
		                           "WHERE id = ?1", err);
		int rc;

		if (!st)
			return err->status;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, enrol_state_name(*state));
		db_bind_int(st, 3, decided);
		db_bind_text(st, 4, now);
		db_bind_text(st, 5, app->actor.login);
		db_bind_int(st, 6, queued);
		rc = db_step(st);
		db_reset(st);
		if (rc == DB_CHECK && *state == ENROL_BOOKED) {
			*state = ENROL_WAITLISTED;     /* the session is full */
			continue;
		}
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("changing an enrolment"));
		return HOP_OK;
	}
}

static enum hop_status audit_enrol(struct hop_app *app, const char *action, int64_t id,
                                   int64_t session_id, const char *login, enum enrol_state state,
                                   bool commit, struct hop_err *err)
{
	char object[40], detail[160];

	snprintf(object, sizeof object, "enrolment:%lld", (long long)id);
	snprintf(detail, sizeof detail, "session %lld, %s, %s", (long long)session_id, login,
	         enrol_state_name(state));
	if (commit)
		return audit_commit(app, action, object, detail, err);
	return audit_write(app, action, object, detail, err);
}

enum hop_status enrol_promote(struct hop_app *app, const struct trn_session *s,
                              struct enrol_result *first, int *n, struct hop_err *err)
{
	int taken = s->taken, moved = 0;

	while (taken < s->capacity) {
		struct db_stmt *st = db_stmt(app->db, "SELECT e.id, p.login FROM enrolment e "
		                           "JOIN person p ON p.id = e.person_id WHERE e.session_id = ?1 "
		                           "AND e.state = 'waitlisted' ORDER BY e.queued_at, e.id "
		                           "LIMIT 1", err);
		enum enrol_state state = ENROL_BOOKED;
		struct hop_person p;
		char login[HOP_LOGIN_MAX + 1];
		int64_t id;
		int rc;

		if (!st)
			return err->status;
		db_bind_int64(st, 1, s->id);
		rc = db_step(st);
		if (rc == DB_ROW) {
			id = db_col_int64(st, 0);
			db_col_copy(st, 1, login, sizeof login);
		}
		db_reset(st);
		if (rc == DB_DONE)
			break;
		if (rc != DB_ROW)
			return db_fail(app->db, err, _("reading the waitlist"));
		if (set_state(app, id, &state, false, false, err) != HOP_OK)
			return err->status;
		if (state != ENROL_BOOKED)
			break;
		if (person_get(app, login, &p, err) != HOP_OK)
			return err->status;
		if (enrol_presence(app, s, &p, true, NULL, err) != HOP_OK)
			return err->status;
		if (audit_enrol(app, "enrol.promote", id, s->id, login, state, false, err) != HOP_OK)
			return err->status;
		if (moved == 0 && first) {
			first->promoted = true;
			snprintf(first->promoted_login, sizeof first->promoted_login, "%s", p.login);
			snprintf(first->promoted_name, sizeof first->promoted_name, "%s", p.name);
		}
		moved++;
		taken++;
	}
	if (n)
		*n = moved;
	return HOP_OK;
}

enum hop_status enrol_add(struct hop_app *app, int64_t session_id, const char *login,
                          struct enrol_result *res, struct hop_err *err)
{
	char now[24], when[HOP_DATE_HUMAN_LEN];
	struct hop_person p;
	struct trn_session s;
	enum enrol_state state, had;
	struct db_stmt *st;
	int64_t id;
	int rc;

	if (who(app, login, &p, err) != HOP_OK)
		return err->status;
	result_for(res, &p);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (ses_get_live(app, session_id, &s, err) != HOP_OK)
		goto fail;
	if (s.start.day < clock_today()) {
		hop_fail(err, HOP_ECONFLICT, _("session %lld began on %s; it takes no more "
		         "enrolments"), (long long)session_id,
		         date_format_human(s.start.day, when, sizeof when));
		goto fail;
	}
	if (live_enrolment(app, session_id, p.id, &id, &had, err) != HOP_OK)
		goto fail;
	if (id) {
		hop_fail(err, HOP_ECONFLICT, _("%s is already enrolled in session %lld (%s)"), p.name,
		         (long long)session_id, enrol_state_display(had));
		goto fail;
	}
	if (s.needs_approval && !may_approve(app, &p))
		state = ENROL_REQUESTED;
	else
		state = s.taken < s.capacity ? ENROL_BOOKED : ENROL_WAITLISTED;
	clock_timestamp(now);
	for (;;) {
		st = db_stmt(app->db, "INSERT INTO enrolment (session_id, person_id, state, "
		             "queued_at, requested_by) VALUES (?1, ?2, ?3, ?4, ?5)", err);
		if (!st)
			goto fail;
		db_bind_int64(st, 1, session_id);
		db_bind_int64(st, 2, p.id);
		db_bind_text(st, 3, enrol_state_name(state));
		db_bind_text(st, 4, now);
		db_bind_text(st, 5, app->actor.login);
		rc = db_step(st);
		db_reset(st);
		/* The trigger counted the seats again: the session is full. */
		if (rc == DB_CHECK && state == ENROL_BOOKED) {
			state = ENROL_WAITLISTED;
			continue;
		}
		break;
	}
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("enrolling"));
		goto fail;
	}
	res->enrolment_id = db_last_id(app->db);
	res->state = state;
	if (state == ENROL_WAITLISTED &&
	    position_of(app, res->enrolment_id, &res->position, err) != HOP_OK)
		goto fail;
	if (enrol_presence(app, &s, &p, state == ENROL_BOOKED, res, err) != HOP_OK)
		goto fail;
	return audit_enrol(app, "enrol.add", res->enrolment_id, session_id, p.login, state, true,
	                   err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status enrol_cancel(struct hop_app *app, int64_t session_id, const char *login,
                             struct enrol_result *res, struct hop_err *err)
{
	struct hop_person p;
	struct trn_session s;
	enum enrol_state had = ENROL_CANCELLED, state = ENROL_CANCELLED;
	int64_t id;

	if (who(app, login, &p, err) != HOP_OK)
		return err->status;
	result_for(res, &p);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (session_get(app, session_id, &s, err) != HOP_OK)
		goto fail;
	if (live_enrolment(app, session_id, p.id, &id, &had, err) != HOP_OK)
		goto fail;
	if (!id) {
		hop_fail(err, HOP_ENOTFOUND, _("%s is not enrolled in session %lld"), p.name,
		         (long long)session_id);
		goto fail;
	}
	if (had == ENROL_ATTENDED || had == ENROL_PARTIAL || had == ENROL_NO_SHOW) {
		hop_fail(err, HOP_ECONFLICT, _("%s's attendance of session %lld is recorded (%s); "
		         "it can no longer be cancelled"), p.name, (long long)session_id,
		         enrol_state_display(had));
		goto fail;
	}
	if (set_state(app, id, &state, false, false, err) != HOP_OK)
		goto fail;
	res->enrolment_id = id;
	res->state = ENROL_CANCELLED;
	if (audit_enrol(app, "enrol.cancel", id, session_id, p.login, state, false, err) != HOP_OK)
		goto fail;
	if (had == ENROL_BOOKED && !s.cancelled) {
		s.taken--;
		if (enrol_promote(app, &s, res, NULL, err) != HOP_OK)
			goto fail;
	}
	return db_commit(app->db, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status enrol_decide(struct hop_app *app, int64_t session_id, const char *login,
                             bool approve, const char *note, struct enrol_result *res,
                             struct hop_err *err)
{
	struct hop_person p;
	struct trn_session s;
	enum enrol_state had = ENROL_CANCELLED, state;
	struct db_stmt *st;
	int64_t id;

	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (!may_approve(app, &p))
		return hop_fail(err, HOP_EPERM, _("only the lead of %s's team and HR decide on "
		                "%s's enrolments"), p.name, p.name);
	if (note && strlen(note) > HOP_SESSION_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is longer than %d bytes"),
		                HOP_SESSION_NOTE_MAX);
	if (text_check_line(note, _("the note"), err) != HOP_OK)
		return err->status;
	result_for(res, &p);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (ses_get_live(app, session_id, &s, err) != HOP_OK)
		goto fail;
	if (live_enrolment(app, session_id, p.id, &id, &had, err) != HOP_OK)
		goto fail;
	if (!id || had != ENROL_REQUESTED) {
		hop_fail(err, HOP_ECONFLICT, _("%s has no request waiting for a decision in session "
		         "%lld"), p.name, (long long)session_id);
		goto fail;
	}
	state = !approve ? ENROL_CANCELLED : s.taken < s.capacity ? ENROL_BOOKED : ENROL_WAITLISTED;
	if (set_state(app, id, &state, true, approve, err) != HOP_OK)
		goto fail;
	if (note && *note) {
		st = db_stmt(app->db, "UPDATE enrolment SET note = ?2 WHERE id = ?1", err);
		if (!st)
			goto fail;
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, note);
		if (db_run(st, _("changing an enrolment"), err) != HOP_OK)
			goto fail;
	}
	res->enrolment_id = id;
	res->state = state;
	if (state == ENROL_WAITLISTED && position_of(app, id, &res->position, err) != HOP_OK)
		goto fail;
	if (approve && enrol_presence(app, &s, &p, state == ENROL_BOOKED, res, err) != HOP_OK)
		goto fail;
	return audit_enrol(app, approve ? "enrol.approve" : "enrol.reject", id, session_id, p.login,
	                   state, true, err);
fail:
	db_rollback(app->db);
	return err->status;
}
