/* Steps of kind course ticked by a training record: the record is the
 * proof, so nobody ticks them by hand as well. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "onb_int.h"

enum hop_status onboarding_course_done(struct hop_app *app, int64_t person_id,
                                       const char *login, int64_t course_id, hop_date day,
                                       int *ticked, struct hop_err *err)
{
	struct db_stmt *st;
	int64_t onboarding = 0, ids[HOP_STEPS_MAX];
	int numbers[HOP_STEPS_MAX], n = 0, rc;
	char titles[HOP_STEPS_MAX][HOP_STEP_TITLE_MAX + 1], at[24], d[HOP_DATE_ISO_LEN],
	     object[HOP_LOGIN_MAX + 8], detail[HOP_STEP_TITLE_MAX + 120];
	bool done = false;

	*ticked = 0;
	st = db_stmt(app->db, "SELECT s.onboarding_id, s.id, s.position, s.title "
	             "FROM onboarding o JOIN onboarding_step s ON s.onboarding_id = o.id "
	             "WHERE o.person_id = ?1 AND o.state = 'open' AND o.purpose = 'onboarding' "
	             "AND s.kind = 'course' "
	             "AND s.course_id = ?2 AND s.done_on IS NULL AND s.dropped_at IS NULL "
	             "ORDER BY s.position", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_int64(st, 2, course_id);
	while ((rc = db_step(st)) == DB_ROW && n < HOP_STEPS_MAX) {
		onboarding = db_col_int64(st, 0);
		ids[n] = db_col_int64(st, 1);
		numbers[n] = db_col_int(st, 2);
		db_col_copy(st, 3, titles[n], sizeof titles[n]);
		n++;
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading onboarding steps"));
	if (!n)
		return HOP_OK;
	st = db_stmt(app->db, "UPDATE onboarding_step SET done_on = ?2, done_by = ?3, done_at = ?4, "
	             "sequence = sequence + 1 WHERE id = ?1", err);
	if (!st)
		return err->status;
	clock_timestamp(at);
	onb_object(object, sizeof object, login);
	for (int i = 0; i < n; i++) {
		db_bind_int64(st, 1, ids[i]);
		db_bind_date(st, 2, day);
		db_bind_int64(st, 3, app->actor.known ? app->actor.person.id : person_id);
		db_bind_text(st, 4, at);
		rc = db_step(st);
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(app->db, err, _("ticking a step"));
		snprintf(detail, sizeof detail, "step %d: %s; done on %s by a training record",
		         numbers[i], titles[i], date_format(day, d));
		if (audit_write(app, "onboarding.tick", object, detail, err) != HOP_OK)
			return err->status;
	}
	*ticked = n;
	if (onb_maybe_done(app, onboarding, &done, err) != HOP_OK)
		return err->status;
	if (done && audit_write(app, "onboarding.tick", object, "onboarding done", err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

enum hop_status onb_step_course_write(struct hop_app *app, bool onboarding, int64_t id,
                                      const char *code, struct hop_err *err)
{
	struct trn_course c = { 0 };
	struct db_stmt *st;

	if (code && *code) {
		/* A retired course too: a template copied later still names it,
		 * and an imported record of it still ticks the step. */
		if (trn_course_get(app, code, &c, err) != HOP_OK)
			return err->status;
	}
	st = onboarding ? db_stmt(app->db, "UPDATE onboarding_step SET course_id = ?2 "
	                          "WHERE id = ?1", err)
	                : db_stmt(app->db, "UPDATE onb_template_step SET course_id = ?2 "
	                          "WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (c.id)
		db_bind_int64(st, 2, c.id);
	else
		db_bind_null(st, 2);
	return db_run(st, _("naming a step's course"), err);
}
