/* Writing a training record (trn_int.h): its validity fixed at the time of
 * writing, its audit entry, and the onboarding steps it proves. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/training/record.h"
#include "hop/core/training/validity.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "trn_int.h"

/* The last valid day of the person's latest live passed or attended record
 * of the course done on or before day (HOP_DATE_NONE: none, or one that
 * never expires).  Records are read in day order, then by id, so that two
 * on one day continue from the later one. */
static enum hop_status previous_until(struct hop_app *app, const struct trn_record_new *r,
                                      hop_date *until, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT valid_until FROM training_record "
	                           "WHERE person_id = ?1 AND course_id = ?2 AND done_on <= ?3 "
	                           "AND revoked_at IS NULL AND result <> 'failed' "
	                           "ORDER BY done_on DESC, id DESC LIMIT 1", err);
	char text[HOP_DATE_ISO_LEN];
	bool found;

	*until = HOP_DATE_NONE;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, r->person_id);
	db_bind_int64(st, 2, r->course_id);
	db_bind_date(st, 3, r->done_on);
	if (db_get_text(st, text, sizeof text, &found, _("reading training records"), err) != HOP_OK)
		return err->status;
	if (found && text[0] && !date_parse_iso(text, until))
		*until = HOP_DATE_NONE;
	return HOP_OK;
}

static void read_login(struct db_stmt *st, void *out)
{
	db_col_copy(st, 0, out, HOP_LOGIN_MAX + 1);
}

enum hop_status trn_record_write(struct hop_app *app, const struct trn_record_new *r,
                                 int64_t *id, struct hop_err *err)
{
	struct trn_course c;
	struct trn_rule rule = { 0 };
	struct db_stmt *st;
	hop_date prev = HOP_DATE_NONE, from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	char login[HOP_LOGIN_MAX + 1] = "", at[24], d[HOP_DATE_ISO_LEN], u[HOP_DATE_ISO_LEN],
	     object[HOP_LOGIN_MAX + 8], detail[HOP_COURSE_CODE_MAX + HOP_CERTIFICATE_MAX + 160];
	int hours = r->hours_x10, ticked = 0;
	bool found;

	if (trn_course_by_id(app, r->course_id, &c, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT login FROM person WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, r->person_id);
	if (db_get(st, read_login, login, &found, _("reading a person"), err) != HOP_OK)
		return err->status;
	if (!found)
		return hop_fail(err, HOP_ENOTFOUND, _("no person with the id %lld"),
		                (long long)r->person_id);
	if (r->result != TRN_FAILED) {
		rule.months = c.validity_months;
		rule.renewal_days = c.renewal_days;
		if (previous_until(app, r, &prev, err) != HOP_OK)
			return err->status;
		until = trn_valid_until(&rule, r->done_on, prev);
		/* Continued from the old expiry: the new validity starts the day
		 * after it, not on the day of the training. */
		from = until != HOP_DATE_NONE && prev != HOP_DATE_NONE && r->done_on <= prev &&
		       r->done_on >= prev - rule.renewal_days ? prev + 1 : r->done_on;
	}
	if (hours <= 0)
		hours = c.hours_x10;
	st = db_stmt(app->db, "INSERT INTO training_record (person_id, course_id, done_on, result, "
	             "hours_x10, certificate_no, valid_from, valid_until, source, enrolment_id, "
	             "note, created_at, created_by) "
	             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, r->person_id);
	db_bind_int64(st, 2, r->course_id);
	db_bind_date(st, 3, r->done_on);
	db_bind_text(st, 4, trn_result_name(r->result));
	if (hours > 0)
		db_bind_int(st, 5, hours);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, r->certificate_no && *r->certificate_no ? r->certificate_no : NULL);
	db_bind_date(st, 7, from);
	db_bind_date(st, 8, until);
	db_bind_text(st, 9, trn_source_name(r->source));
	if (r->enrolment_id)
		db_bind_int64(st, 10, r->enrolment_id);
	else
		db_bind_null(st, 10);
	db_bind_text(st, 11, r->note && *r->note ? r->note : NULL);
	db_bind_text(st, 12, clock_timestamp(at));
	db_bind_text(st, 13, app->actor.login);
	if (db_run(st, _("writing a training record"), err) != HOP_OK)
		return err->status;
	*id = db_last_id(app->db);
	snprintf(object, sizeof object, "person:%s", login);
	snprintf(detail, sizeof detail, "record %lld: %s %s on %s, valid until %s, %s%s%s",
	         (long long)*id, c.code, trn_result_name(r->result), date_format(r->done_on, d),
	         until == HOP_DATE_NONE ? "-" : date_format(until, u), trn_source_name(r->source),
	         r->certificate_no && *r->certificate_no ? ", certificate " : "",
	         r->certificate_no && *r->certificate_no ? r->certificate_no : "");
	if (audit_write(app, "training.record", object, detail, err) != HOP_OK)
		return err->status;
	if (r->result == TRN_FAILED)
		return HOP_OK;
	return onboarding_course_done(app, r->person_id, login, r->course_id, r->done_on, &ticked,
	                              err);
}
