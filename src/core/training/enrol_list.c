/* Reading enrolments: a session's attendees (HR, admins, its trainer) and a
 * person's own enrolments (themselves, their lead, HR, admins). */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/training/record.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "session_int.h"

#define ENROL_SELECT \
	"SELECT e.id, e.session_id, e.person_id, p.login, p.name, t.name, e.state, e.result, " \
	"e.queued_at, CASE WHEN e.state = 'waitlisted' THEN (SELECT count(*) FROM enrolment w " \
	" WHERE w.session_id = e.session_id AND w.state = 'waitlisted' AND (w.queued_at < " \
	" e.queued_at OR (w.queued_at = e.queued_at AND w.id <= e.id))) ELSE 0 END, " \
	"e.sequence, c.code, c.title, s.starts_at, s.ends_at, s.cancelled_at IS NOT NULL " \
	"FROM enrolment e JOIN person p ON p.id = e.person_id " \
	"LEFT JOIN team t ON t.id = p.team_id " \
	"JOIN course_session s ON s.id = e.session_id JOIN course c ON c.id = s.course_id "

void trn_enrolment_list_free(struct trn_enrolment_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void read_enrolment(struct db_stmt *st, void *out)
{
	struct trn_enrolment *e = out;

	memset(e, 0, sizeof *e);
	e->id = db_col_int64(st, 0);
	e->session_id = db_col_int64(st, 1);
	e->person_id = db_col_int64(st, 2);
	db_col_copy(st, 3, e->login, sizeof e->login);
	db_col_copy(st, 4, e->name, sizeof e->name);
	db_col_copy(st, 5, e->team, sizeof e->team);
	e->state = enrol_state_from_text(db_col_text(st, 6));
	e->has_result = !db_col_is_null(st, 7);
	if (e->has_result)
		e->result = trn_result_from_text(db_col_text(st, 7));
	db_col_copy(st, 8, e->queued_at, sizeof e->queued_at);
	e->position = db_col_int(st, 9);
	e->sequence = db_col_int(st, 10);
	db_col_copy(st, 11, e->course, sizeof e->course);
	db_col_copy(st, 12, e->title, sizeof e->title);
	if (!datetime_parse_iso(db_col_text(st, 13), &e->start))
		e->start.day = HOP_DATE_NONE;
	if (!datetime_parse_iso(db_col_text(st, 14), &e->end))
		e->end.day = HOP_DATE_NONE;
	e->session_cancelled = db_col_int(st, 15) != 0;
}

static const struct collect enrolments = {
	sizeof(struct trn_enrolment), read_enrolment, N_("out of memory while listing enrolments"),
	N_("listing enrolments"),
};

enum hop_status session_attendees(struct hop_app *app, int64_t session_id, bool all,
                                  struct trn_enrolment_list *out, struct hop_err *err)
{
	struct trn_session s;
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (session_get(app, session_id, &s, err) != HOP_OK)
		return err->status;
	if (!ses_may_see_attendees(app, &s))
		return hop_fail(err, HOP_EPERM, _("a session's attendees are shown to HR, "
		                "administrators and its trainer"));
	st = db_stmt(app->db, ENROL_SELECT "WHERE e.session_id = ?1 AND (?2 = 1 OR "
	             "e.state <> 'cancelled') ORDER BY CASE e.state WHEN 'booked' THEN 0 "
	             "WHEN 'attended' THEN 0 WHEN 'partial' THEN 0 WHEN 'no_show' THEN 0 "
	             "WHEN 'waitlisted' THEN 1 WHEN 'requested' THEN 2 WHEN 'approved' THEN 2 "
	             "ELSE 3 END, CASE WHEN e.state = 'waitlisted' THEN e.queued_at END, "
	             "CASE WHEN e.state = 'waitlisted' THEN e.id END, p.name, p.login", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, session_id);
	db_bind_int(st, 2, all);
	return collect_rows(app->db, st, &enrolments, &out->v, &out->n, &out->cap, err);
}

enum hop_status enrol_list_person(struct hop_app *app, const char *login, bool all,
                                  struct trn_enrolment_list *out, struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!login || !*login) {
		p = app->actor.person;
	} else {
		if (person_get(app, login, &p, err) != HOP_OK)
			return err->status;
		if (p.id != app->actor.person.id && !(app->actor.roles & (ROLE_HR | ROLE_ADMIN)) &&
		    !authz_leads_team(app, p.team_id))
			return hop_fail(err, HOP_EPERM, _("%s's enrolments are shown to them, the "
			                "lead of their team and HR"), p.name);
	}
	st = db_stmt(app->db, ENROL_SELECT "WHERE e.person_id = ?1 AND (?2 = 1 OR "
	             "(e.state <> 'cancelled' AND s.ends_at >= ?3)) ORDER BY s.starts_at, e.id",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	db_bind_int(st, 2, all);
	db_bind_today(st, 3);
	return collect_rows(app->db, st, &enrolments, &out->v, &out->n, &out->cap, err);
}
