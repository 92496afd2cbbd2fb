/* Attendance and result of an enrolment (TRN-4): attended, in part or not
 * at all, and a passed or attended result writes the training record in
 * the same transaction. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/training/record.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "session_int.h"
#include "trn_int.h"

static const char *mark_state(enum attend_mark m)
{
	return m == ATTEND_FULL ? "attended" : m == ATTEND_PARTIAL ? "partial" : "no_show";
}

enum hop_status session_attend(struct hop_app *app, int64_t session_id, const char *login,
                               enum attend_mark mark, bool has_result, enum trn_result result,
                               int64_t *record_id, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN], object[40], detail[200];
	struct trn_session s;
	struct hop_person p;
	struct db_stmt *st;
	int64_t id = 0;
	enum enrol_state state = ENROL_CANCELLED;
	int rc;

	if (record_id)
		*record_id = 0;
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (mark == ATTEND_NO_SHOW && has_result)
		return hop_fail(err, HOP_EINVAL, _("someone who did not come has no result"));
	if (mark == ATTEND_FULL && !has_result) {
		has_result = true;
		result = TRN_ATTENDED;
	}
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (ses_get_live(app, session_id, &s, err) != HOP_OK)
		goto fail;
	if (!ses_may_see_attendees(app, &s)) {
		hop_fail(err, HOP_EPERM, _("attendance is recorded by HR, administrators and the "
		         "session's trainer"));
		goto fail;
	}
	if (s.start.day > clock_today()) {
		hop_fail(err, HOP_ECONFLICT, _("session %lld begins on %s; attendance is recorded "
		         "once it has begun"), (long long)session_id,
		         date_format_human(s.start.day, when, sizeof when));
		goto fail;
	}
	st = db_stmt(app->db, "SELECT id, state FROM enrolment WHERE session_id = ?1 "
	             "AND person_id = ?2 AND state <> 'cancelled'", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, session_id);
	db_bind_int64(st, 2, p.id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		id = db_col_int64(st, 0);
		state = enrol_state_from_text(db_col_text(st, 1));
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		db_fail(app->db, err, _("reading an enrolment"));
		goto fail;
	}
	if (!id || state != ENROL_BOOKED) {
		if (id && enrol_state_holds_seat(state))
			hop_fail(err, HOP_ECONFLICT, _("%s's attendance of session %lld is already "
			         "recorded (%s)"), p.name, (long long)session_id,
			         enrol_state_display(state));
		else
			hop_fail(err, HOP_ECONFLICT, _("%s holds no seat in session %lld"), p.name,
			         (long long)session_id);
		goto fail;
	}
	st = db_stmt(app->db, "UPDATE enrolment SET state = ?2, result = ?3, "
	             "sequence = sequence + 1 WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, mark_state(mark));
	db_bind_text(st, 3, has_result ? trn_result_name(result) : NULL);
	if (db_run(st, _("recording attendance"), err) != HOP_OK)
		goto fail;
	if (has_result && (result == TRN_PASSED || result == TRN_ATTENDED)) {
		struct trn_record_new r = {
			.person_id = p.id, .course_id = s.course_id, .done_on = s.end.day,
			.result = result, .source = TRN_FROM_SESSION, .enrolment_id = id,
		};
		int64_t rid;

		if (trn_record_write(app, &r, &rid, err) != HOP_OK)
			goto fail;
		if (record_id)
			*record_id = rid;
	}
	snprintf(object, sizeof object, "enrolment:%lld", (long long)id);
	snprintf(detail, sizeof detail, "session %lld, %s, %s%s%s", (long long)session_id, p.login,
	         mark_state(mark), has_result ? ", " : "", has_result ? trn_result_name(result) : "");
	return audit_commit(app, "enrol.attend", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}
