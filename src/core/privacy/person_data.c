/* Everything hop holds about one person (DSGVO Art. 15): one statement per
 * table that names them, read row by row into the caller's hands.  A table
 * that gains a person's column needs its section here (and its rule in
 * purge.c): tests/unit/test_privacy.c checks every column that refers to a
 * person is covered. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/people/person.h"
#include "hop/core/privacy/privacy.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"

#define COLS(...) (sizeof (const char *const[]){ __VA_ARGS__ } / sizeof(const char *)), \
	(const char *const[]){ __VA_ARGS__ }

static const struct person_data_section sections[] = {
	{ "person", true, COLS("id", "login", "name", "email", "team", "roles", "start",
	  "end", "minor_until"), "nttttnttt",
	  "SELECT p.id, p.login, p.name, p.email, t.name, p.roles, p.start_date, p.end_date, "
	  "p.minor_until FROM person p LEFT JOIN team t ON t.id = p.team_id WHERE p.id = ?1" },
	{ "memberships", false, COLS("id", "team", "kind", "from", "until", "host", "host_level",
	  "cohort", "created_at"), "nttttttt" "t",
	  "SELECT m.id, t.name, m.kind, m.start_on, m.end_on, m.host, m.host_level, c.name, "
	  "m.created_at FROM membership m JOIN team t ON t.id = m.team_id "
	  "LEFT JOIN cohort c ON c.id = m.cohort_id WHERE m.person_id = ?1 "
	  "ORDER BY m.start_on, m.id" },
	{ "teams_led", false, COLS("team", "created_on", "dissolved_on"), "ttt",
	  "SELECT name, created_on, dissolved_on FROM team WHERE lead_id = ?1 ORDER BY id" },
	{ "fixed_desks", false, COLS("desk"), "t",
	  "SELECT code FROM desk WHERE owner_id = ?1 ORDER BY code" },
	{ "bookings", false, COLS("id", "day", "am", "pm", "place", "kind", "attendees", "note",
	  "booked_by", "created_at", "cancelled_at", "cancelled_by", "cancel_reason"),
	  "ntnnttnttttt" "t",
	  "SELECT b.id, b.day, b.am, b.pm, d.code, d.kind, b.attendees, b.note, bb.login, "
	  "b.created_at, b.cancelled_at, cb.login, b.cancel_reason FROM booking b "
	  "JOIN desk d ON d.id = b.desk_id JOIN person bb ON bb.id = b.booked_by "
	  "LEFT JOIN person cb ON cb.id = b.cancelled_by WHERE b.person_id = ?1 "
	  "ORDER BY b.day, b.id" },
	{ "presence", false, COLS("day", "location", "note", "set_by", "updated_at"), "ttttt",
	  "SELECT pr.day, pr.location, pr.note, sb.login, pr.updated_at FROM presence pr "
	  "LEFT JOIN person sb ON sb.id = pr.set_by WHERE pr.person_id = ?1 ORDER BY pr.day" },
	{ "presence_defaults", false, COLS("weekday", "location"), "nt",
	  "SELECT weekday, location FROM presence_default WHERE person_id = ?1 ORDER BY weekday" },
	{ "onboardings", false, COLS("id", "purpose", "template", "start", "state", "created_at",
	  "created_by", "closed_at", "closed_by", "close_note"), "nttttttttt",
	  "SELECT id, purpose, template, start_on, state, created_at, created_by, closed_at, "
	  "closed_by, close_note FROM onboarding WHERE person_id = ?1 ORDER BY id" },
	{ "onboarding_steps", false, COLS("onboarding", "position", "title", "kind", "owner",
	  "due", "done_on", "done_note", "dropped_at"), "nnttttttt",
	  "SELECT s.onboarding_id, s.position, s.title, s.kind, s.owner, s.due_on, s.done_on, "
	  "s.done_note, s.dropped_at FROM onboarding_step s "
	  "JOIN onboarding o ON o.id = s.onboarding_id WHERE o.person_id = ?1 "
	  "ORDER BY s.onboarding_id, s.position" },
	{ "mentorships", false, COLS("id", "mentor", "mentee", "from", "until", "override_reason",
	  "created_at", "created_by", "cancelled_at"), "ntttttttt",
	  "SELECT m.id, a.login, b.login, m.start_on, m.end_on, m.override_reason, m.created_at, "
	  "m.created_by, m.cancelled_at FROM mentorship m JOIN person a ON a.id = m.mentor_id "
	  "JOIN person b ON b.id = m.mentee_id WHERE m.mentor_id = ?1 OR m.mentee_id = ?1 "
	  "ORDER BY m.start_on, m.id" },
	{ "training_records", false, COLS("id", "course", "title", "done_on", "result", "hours",
	  "certificate", "valid_from", "valid_until", "source", "note", "created_at", "created_by",
	  "revoked_at", "revoked_by", "revoke_reason"), "ntttt" "nttttttttt" "t",
	  "SELECT r.id, c.code, c.title, r.done_on, r.result, r.hours_x10 / 10.0, r.certificate_no, "
	  "r.valid_from, r.valid_until, r.source, r.note, r.created_at, r.created_by, r.revoked_at, "
	  "r.revoked_by, r.revoke_reason FROM training_record r JOIN course c ON c.id = r.course_id "
	  "WHERE r.person_id = ?1 ORDER BY r.done_on, r.id" },
	{ "enrolments", false, COLS("id", "course", "session_start", "state", "result",
	  "queued_at", "requested_by", "decided_at", "decided_by", "cancelled_at", "note"),
	  "ntttttttttt",
	  "SELECT e.id, c.code, s.starts_at, e.state, e.result, e.queued_at, e.requested_by, "
	  "e.decided_at, e.decided_by, e.cancelled_at, e.note FROM enrolment e "
	  "JOIN course_session s ON s.id = e.session_id JOIN course c ON c.id = s.course_id "
	  "WHERE e.person_id = ?1 ORDER BY s.starts_at, e.id" },
	{ "sessions_trained", false, COLS("id", "course", "starts_at", "ends_at"), "nttt",
	  "SELECT s.id, c.code, s.starts_at, s.ends_at FROM course_session s "
	  "JOIN course c ON c.id = s.course_id WHERE s.trainer_id = ?1 ORDER BY s.starts_at" },
	{ "requirements", false, COLS("id", "course", "interval_months", "from", "until", "note"),
	  "ntnttt",
	  "SELECT r.id, c.code, r.interval_months, r.from_on, r.until_on, r.note FROM requirement r "
	  "JOIN course c ON c.id = r.course_id WHERE r.scope = 'person' AND r.person_id = ?1 "
	  "ORDER BY r.id" },
	{ "exemptions", false, COLS("id", "course", "reason", "until", "created_at", "created_by",
	  "revoked_at"), "nttttt" "t",
	  "SELECT e.id, c.code, e.reason, e.until_on, e.created_at, e.created_by, e.revoked_at "
	  "FROM exemption e JOIN requirement r ON r.id = e.requirement_id "
	  "JOIN course c ON c.id = r.course_id WHERE e.person_id = ?1 ORDER BY e.id" },
	{ "self_assessments", false, COLS("competence", "name", "need", "stated_on", "created_at"),
	  "ttntt",
	  "SELECT c.code, c.name, s.need, s.stated_on, s.created_at FROM self_assessment s "
	  "JOIN competence c ON c.id = s.competence_id WHERE s.person_id = ?1 "
	  "ORDER BY s.stated_on, s.id" },
	{ "rotation_exceptions", false, COLS("id", "area", "reason", "measure", "review_on",
	  "created_at", "created_by", "ended_on"), "nttttttt",
	  "SELECT x.id, a.name, x.reason, x.measure, x.review_on, x.created_at, x.created_by, "
	  "x.ended_on FROM rotation_exception x LEFT JOIN area a ON a.id = x.area_id "
	  "WHERE x.person_id = ?1 ORDER BY x.id" },
	{ "cohorts", false, COLS("cohort", "start", "months"), "ttn",
	  "SELECT c.name, c.start_on, c.months FROM cohort_trainee ct "
	  "JOIN cohort c ON c.id = ct.cohort_id WHERE ct.person_id = ?1 ORDER BY c.start_on" },
	{ "cohort_places", false, COLS("cohort", "team", "from", "until"), "tttt",
	  "SELECT c.name, t.name, p.start_on, p.end_on FROM cohort_plan p "
	  "JOIN cohort c ON c.id = p.cohort_id JOIN team t ON t.id = p.team_id "
	  "WHERE p.person_id = ?1 ORDER BY p.start_on" },
	{ "cohort_plan_changes", false, COLS("cohort", "team", "old_from", "old_until", "new_from",
	  "new_until", "changed_at", "changed_by"), "tttttttt",
	  "SELECT c.name, t.name, x.old_start, x.old_end, x.new_start, x.new_end, x.changed_at, "
	  "x.changed_by FROM cohort_plan_change x JOIN cohort c ON c.id = x.cohort_id "
	  "JOIN team t ON t.id = x.team_id WHERE x.person_id = ?1 ORDER BY x.id" },
	{ "cohort_blocks", false, COLS("cohort", "from", "until", "title"), "tttt",
	  "SELECT c.name, b.start_on, b.end_on, b.title FROM cohort_block b "
	  "JOIN cohort c ON c.id = b.cohort_id WHERE b.person_id = ?1 ORDER BY b.start_on" },
	/* The entries about them and those they made, as 'hop log' shows a person
	 * their own (audit_list). */
	{ "audit", false, COLS("id", "at", "actor", "action", "object", "detail"), "nttttt",
	  "SELECT id, at, actor, action, object, detail FROM audit WHERE actor = ?2 "
	  "OR object = 'person:' || ?2 OR (substr(object, 1, 8) = 'booking:' AND EXISTS ("
	  "SELECT 1 FROM booking b WHERE b.person_id = ?1 "
	  "AND b.id = CAST(substr(object, 9) AS INTEGER))) ORDER BY id" },
};

const struct person_data_section *person_data_sections(size_t *n)
{
	*n = sizeof sections / sizeof sections[0];
	return sections;
}

static enum hop_status emit(struct hop_app *app, const struct person_data_section *sec,
                            const struct hop_person *p, person_data_fn fn, void *ctx,
                            struct hop_err *err)
{
	const char *values[24];
	struct db_stmt *st = db_stmt(app->db, sec->sql, err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->id);
	db_bind_text(st, 2, p->login);
	if (fn(ctx, PD_BEGIN, sec, NULL, err) != HOP_OK) {
		db_reset(st);
		return err->status;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		for (int i = 0; i < sec->ncols; i++)
			values[i] = db_col_is_null(st, i) ? NULL : db_col_text(st, i);
		if (fn(ctx, PD_ROW, sec, values, err) != HOP_OK) {
			db_reset(st);
			return err->status;
		}
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading what hop holds about a person"));
	return fn(ctx, PD_END, sec, NULL, err);
}

enum hop_status person_data(struct hop_app *app, const char *login, person_data_fn fn,
                            void *ctx, struct hop_err *err)
{
	struct hop_person p;
	char object[HOP_LOGIN_MAX + 8];

	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (person_get(app, login && *login ? login : app->actor.login, &p, err) != HOP_OK ||
	    authz_person_data(app, &p, err) != HOP_OK)
		return err->status;
	/* The request is on record before anything is handed out. */
	snprintf(object, sizeof object, "person:%s", p.login);
	if (db_begin(app->db, err) != HOP_OK ||
	    audit_commit(app, "person.data", object, NULL, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
		if (emit(app, &sections[i], &p, fn, ctx, err) != HOP_OK)
			return err->status;
	return HOP_OK;
}
