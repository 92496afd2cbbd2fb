/* Retention (DSGVO Art. 5 (1) e): what has outlived its purpose goes, in one
 * transaction with its own audit entry.  Each table's rule, and why:
 *
 * Everyone, by age ([privacy] keep_days_months, keep_audit_months):
 *   booking, presence, presence_rev (dated slots)  deleted: where someone sat
 *     and worked on a day has no use once the office agreement's checks and
 *     any dispute about the day are past; a training session's link to its
 *     room booking goes with the booking (the session keeps its room).
 *   team_day_removed  deleted when removed, or for days, before then: what a
 *     removed team day leaves for the calendars is long out of the feeds.
 *   audit  deleted: the log is kept for checking changes, not for ever.
 *
 * People who left longer ago than keep_people_months become "former employee
 * #ID": login "#ID" (no Unix login starts with '#', so no one can act as
 * them), name, e-mail and minor_until gone; wherever a table names them by
 * login (created_by, decided_by, the audit's actor ...) it names "#ID".
 * Their records then:
 *   deleted: bookings, presence days and defaults, presence_rev, cohort blocks
 *     (their own absences): planning data of someone who is gone;
 *   kept, free text cleared: training records (certificate and note),
 *     enrolments (note), exemptions and rotation exceptions (reason and
 *     measure: may hold health or conduct), onboarding (close and step
 *     notes), mentorships (override reason), person-scoped requirements
 *     (note).  These tables are never deleted from ("nothing deleted
 *     silently", db/0008, db/0009): a course's attendance, a session's seats,
 *     a post's rotation history and a cohort's plan history stay true in
 *     numbers, but no longer say anything about a person.  Purge is the one
 *     documented path that changes them, and only so;
 *   kept as they are: memberships, cohort places and plan changes,
 *     self-assessments, mentorships, team leads: they refer to the
 *     anonymised record by id and hold no text about the person;
 *   fixed desks: the owner is cleared (the desk is free for others).
 */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/privacy/privacy.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"

/* What a step binds to ?1. */
enum bind { B_NONE, B_DAYS, B_AUDIT, B_LEFT, B_FORMER, B_MARKER };

struct step {
	const char *table;
	const char *what;
	enum bind bind;
	const char *sql;
};

static const struct step steps[] = {
	/* The audit by age first: what is deleted needs no anonymising. */
	{ "audit", N_("deleted"), B_AUDIT, "DELETE FROM audit WHERE at < ?1" },
	/* The people to anonymise, with the logins and names they had. */
	{ NULL, NULL, B_NONE, "CREATE TEMP TABLE IF NOT EXISTS purge_person ("
	  "id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL)" },
	{ NULL, NULL, B_NONE, "DELETE FROM purge_person" },
	{ NULL, NULL, B_LEFT, "INSERT INTO purge_person (id, login, name) SELECT id, login, name "
	  "FROM person WHERE end_date IS NOT NULL AND end_date < ?1 AND substr(login, 1, 1) <> '#'" },
	/* The audit names them by login and name. */
	{ "audit", N_("anonymised"), B_FORMER, "UPDATE audit SET detail = (SELECT "
	  "replace(replace(audit.detail, pp.name, ?1 || ' #' || pp.id), '(' || pp.login || ')', "
	  "'(#' || pp.id || ')') FROM booking b JOIN purge_person pp ON pp.id = b.person_id "
	  "WHERE b.id = CAST(substr(audit.object, 9) AS INTEGER)) "
	  "WHERE substr(object, 1, 8) = 'booking:' AND CAST(substr(object, 9) AS INTEGER) IN "
	  "(SELECT b.id FROM booking b JOIN purge_person pp ON pp.id = b.person_id)" },
	{ "audit", N_("anonymised"), B_FORMER, "UPDATE audit SET detail = (SELECT "
	  "replace(replace(audit.detail, pp.name, ?1 || ' #' || pp.id), '(' || pp.login || ')', "
	  "'(#' || pp.id || ')') FROM purge_person pp WHERE pp.login = substr(audit.object, 8)), "
	  "object = 'person:#' || (SELECT id FROM purge_person pp WHERE pp.login = "
	  "substr(audit.object, 8)) WHERE substr(object, 1, 7) = 'person:' "
	  "AND substr(object, 8) IN (SELECT login FROM purge_person)" },
	{ "audit", N_("anonymised"), B_NONE, "UPDATE audit SET actor = '#' || (SELECT id FROM "
	  "purge_person pp WHERE pp.login = audit.actor) WHERE actor IN (SELECT login FROM "
	  "purge_person)" },
	/* Every other column that names a person by login. */
#define BY_LOGIN(t, c) { t, N_("anonymised"), B_NONE, "UPDATE " t " SET " c " = '#' || " \
	"(SELECT id FROM purge_person pp WHERE pp.login = " t "." c ") WHERE " c " IN " \
	"(SELECT login FROM purge_person)" }
	BY_LOGIN("onboarding", "created_by"),
	BY_LOGIN("onboarding", "closed_by"),
	BY_LOGIN("onboarding_step", "dropped_by"),
	BY_LOGIN("mentorship", "created_by"),
	BY_LOGIN("course_session", "created_by"),
	BY_LOGIN("course_session", "cancelled_by"),
	BY_LOGIN("enrolment", "requested_by"),
	BY_LOGIN("enrolment", "decided_by"),
	BY_LOGIN("enrolment", "cancelled_by"),
	BY_LOGIN("training_record", "created_by"),
	BY_LOGIN("training_record", "revoked_by"),
	BY_LOGIN("requirement", "created_by"),
	BY_LOGIN("requirement", "ended_by"),
	BY_LOGIN("exemption", "created_by"),
	BY_LOGIN("exemption", "revoked_by"),
	BY_LOGIN("rotation_exception", "created_by"),
	BY_LOGIN("cohort_plan_change", "changed_by"),
#undef BY_LOGIN
	/* Their planning data goes. */
	{ "course_session_booking", N_("deleted"), B_NONE, "DELETE FROM course_session_booking "
	  "WHERE booking_id IN (SELECT id FROM booking WHERE person_id IN "
	  "(SELECT id FROM purge_person))" },
	{ "booking", N_("deleted"), B_NONE, "DELETE FROM booking WHERE person_id IN "
	  "(SELECT id FROM purge_person)" },
	{ "presence", N_("deleted"), B_NONE, "DELETE FROM presence WHERE person_id IN "
	  "(SELECT id FROM purge_person)" },
	{ "presence_default", N_("deleted"), B_NONE, "DELETE FROM presence_default WHERE "
	  "person_id IN (SELECT id FROM purge_person)" },
	{ "presence_rev", N_("deleted"), B_NONE, "DELETE FROM presence_rev WHERE person_id IN "
	  "(SELECT id FROM purge_person)" },
	{ "cohort_block", N_("deleted"), B_NONE, "DELETE FROM cohort_block WHERE person_id IN "
	  "(SELECT id FROM purge_person)" },
	{ "desk", N_("cleared"), B_NONE, "UPDATE desk SET owner_id = NULL WHERE owner_id IN "
	  "(SELECT id FROM purge_person)" },
	/* The records kept: their free text about the person goes. */
	{ "training_record", N_("cleared"), B_NONE, "UPDATE training_record SET note = NULL, "
	  "certificate_no = NULL WHERE person_id IN (SELECT id FROM purge_person) "
	  "AND (note IS NOT NULL OR certificate_no IS NOT NULL)" },
	{ "enrolment", N_("cleared"), B_NONE, "UPDATE enrolment SET note = NULL WHERE person_id IN "
	  "(SELECT id FROM purge_person) AND note IS NOT NULL" },
	{ "exemption", N_("cleared"), B_MARKER, "UPDATE exemption SET reason = ?1 WHERE person_id "
	  "IN (SELECT id FROM purge_person)" },
	{ "rotation_exception", N_("cleared"), B_MARKER, "UPDATE rotation_exception SET reason = "
	  "?1, measure = ?1 WHERE person_id IN (SELECT id FROM purge_person)" },
	{ "onboarding", N_("cleared"), B_NONE, "UPDATE onboarding SET close_note = NULL WHERE "
	  "person_id IN (SELECT id FROM purge_person) AND close_note IS NOT NULL" },
	{ "onboarding_step", N_("cleared"), B_NONE, "UPDATE onboarding_step SET done_note = NULL "
	  "WHERE onboarding_id IN (SELECT id FROM onboarding WHERE person_id IN "
	  "(SELECT id FROM purge_person)) AND done_note IS NOT NULL" },
	{ "mentorship", N_("cleared"), B_NONE, "UPDATE mentorship SET override_reason = NULL "
	  "WHERE (mentor_id IN (SELECT id FROM purge_person) OR mentee_id IN "
	  "(SELECT id FROM purge_person)) AND override_reason IS NOT NULL" },
	{ "requirement", N_("cleared"), B_NONE, "UPDATE requirement SET note = NULL WHERE "
	  "scope = 'person' AND person_id IN (SELECT id FROM purge_person) AND note IS NOT NULL" },
	/* And the record itself. */
	{ "person", N_("anonymised"), B_FORMER, "UPDATE person SET login = '#' || id, "
	  "name = ?1 || ' #' || id, email = NULL, minor_until = NULL "
	  "WHERE id IN (SELECT id FROM purge_person)" },
	{ NULL, NULL, B_NONE, "DELETE FROM purge_person" },
	/* Everyone's days, by age. */
	{ "course_session_booking", N_("deleted"), B_DAYS, "DELETE FROM course_session_booking "
	  "WHERE booking_id IN (SELECT id FROM booking WHERE day < ?1)" },
	{ "booking", N_("deleted"), B_DAYS, "DELETE FROM booking WHERE day < ?1" },
	{ "presence", N_("deleted"), B_DAYS, "DELETE FROM presence WHERE day < ?1" },
	{ "presence_rev", N_("deleted"), B_DAYS, "DELETE FROM presence_rev WHERE slot < ?1 "
	  "AND slot NOT LIKE 'W%'" },
	{ "team_day_removed", N_("deleted"), B_DAYS, "DELETE FROM team_day_removed "
	  "WHERE removed_on < ?1 OR until_day < ?1" },
};

static void count(struct purge_report *rep, const char *table, const char *what, int64_t n)
{
	for (size_t i = 0; i < rep->n; i++)
		if (strcmp(rep->v[i].table, table) == 0 && strcmp(rep->v[i].what, what) == 0) {
			rep->v[i].n += n;
			return;
		}
	if (rep->n < PURGE_COUNTS_MAX)
		rep->v[rep->n++] = (struct purge_count){ .table = table, .what = what, .n = n };
}

static enum hop_status run_steps(struct hop_app *app, struct purge_report *rep,
                                 struct hop_err *err)
{
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		const struct step *s = &steps[i];
		struct db_stmt *st = db_stmt(app->db, s->sql, err);

		if (!st)
			return err->status;
		switch (s->bind) {
		case B_NONE: break;
		case B_DAYS: db_bind_text(st, 1, rep->days_before); break;
		case B_AUDIT: db_bind_text(st, 1, rep->audit_before); break;
		case B_LEFT: db_bind_text(st, 1, rep->left_before); break;
		case B_FORMER: db_bind_text(st, 1, _("former employee")); break;
		case B_MARKER: db_bind_text(st, 1, _("deleted after the retention period")); break;
		}
		if (db_run(st, _("deleting data past its retention period"), err) != HOP_OK)
			return err->status;
		if (s->table && db_changes(app->db) > 0)
			count(rep, s->table, s->what, db_changes(app->db));
		if (s->bind == B_LEFT)
			rep->people = db_changes(app->db);
	}
	return HOP_OK;
}

enum hop_status privacy_purge(struct hop_app *app, bool dry_run, struct purge_report *rep,
                              struct hop_err *err)
{
	const struct hop_config *c = &app->cfg;
	hop_date today = clock_today();
	char detail[1024];
	size_t len;

	memset(rep, 0, sizeof *rep);
	if (authz_purge(app, err) != HOP_OK)
		return err->status;
	date_format(date_add_months(today, -c->privacy_keep_days_months), rep->days_before);
	date_format(date_add_months(today, -c->privacy_keep_audit_months), rep->audit_before);
	date_format(date_add_months(today, -c->privacy_keep_people_months), rep->left_before);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (run_steps(app, rep, err) != HOP_OK) {
		db_rollback(app->db);
		memset(rep->v, 0, sizeof rep->v);
		rep->n = 0;
		return err->status;
	}
	if (dry_run) {
		db_rollback(app->db);
		return HOP_OK;
	}
	len = (size_t)snprintf(detail, sizeof detail, "days before %s, audit before %s, "
	                       "left before %s", rep->days_before, rep->audit_before,
	                       rep->left_before);
	for (size_t i = 0; i < rep->n && len < sizeof detail; i++)
		len += (size_t)snprintf(detail + len, sizeof detail - len, "; %s %s: %lld",
		                        rep->v[i].table, rep->v[i].what, (long long)rep->v[i].n);
	return audit_commit(app, "purge", "privacy:retention", detail, err);
}
