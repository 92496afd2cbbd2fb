/* Training records by hand: entering one, a person's history, revoking.
 * Files go through record_csv.c; sessions through trn_record_write. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/training/record.h"
#include "hop/core/training/trn_authz.h"
#include "hop/base/clock.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "trn_int.h"

void trn_record_list_free(struct trn_record_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

#define RECORD_COLUMNS "r.id, p.login, p.name, c.code, c.title, r.done_on, r.result, " \
	"coalesce(r.hours_x10, 0), coalesce(r.certificate_no, ''), r.valid_from, r.valid_until, " \
	"r.source, coalesce(r.note, ''), r.created_by, r.revoked_at IS NOT NULL, " \
	"coalesce(r.revoked_by, ''), coalesce(r.revoked_at, ''), coalesce(r.revoke_reason, '') " \
	"FROM training_record r JOIN person p ON p.id = r.person_id " \
	"JOIN course c ON c.id = r.course_id "

static void read_record(struct db_stmt *st, void *out)
{
	struct trn_record *r = out;

	memset(r, 0, sizeof *r);
	r->id = db_col_int64(st, 0);
	db_col_copy(st, 1, r->login, sizeof r->login);
	db_col_copy(st, 2, r->name, sizeof r->name);
	db_col_copy(st, 3, r->course, sizeof r->course);
	db_col_copy(st, 4, r->title, sizeof r->title);
	r->done_on = db_col_date(st, 5);
	r->result = trn_result_from_text(db_col_text(st, 6));
	r->hours_x10 = db_col_int(st, 7);
	db_col_copy(st, 8, r->certificate, sizeof r->certificate);
	r->valid_from = db_col_date(st, 9);
	r->valid_until = db_col_date(st, 10);
	r->source = trn_source_from_text(db_col_text(st, 11));
	db_col_copy(st, 12, r->note, sizeof r->note);
	db_col_copy(st, 13, r->created_by, sizeof r->created_by);
	r->revoked = db_col_int(st, 14) != 0;
	db_col_copy(st, 15, r->revoked_by, sizeof r->revoked_by);
	db_col_copy(st, 16, r->revoked_at, sizeof r->revoked_at);
	db_col_copy(st, 17, r->reason, sizeof r->reason);
}

static enum hop_status get(struct hop_app *app, int64_t id, struct trn_record *out,
                           struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT " RECORD_COLUMNS "WHERE r.id = ?1", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	if (db_get(st, read_record, out, &found, _("reading training records"), err) != HOP_OK)
		return err->status;
	return found ? HOP_OK : hop_fail(err, HOP_ENOTFOUND, _("no training record with the "
	                                 "number %lld"), (long long)id);
}

enum hop_status trn_record_check(const struct trn_record_entry *e, struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];

	if (e->done_on == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a training record needs the day it was done"));
	if (e->done_on > clock_today())
		return hop_fail(err, HOP_EINVAL, _("a training cannot have been done on %s, which is "
		                "still to come"), date_format(e->done_on, d));
	if ((unsigned)e->result >= TRN_RESULT_COUNT)
		return hop_fail(err, HOP_EINVAL, _("unknown result of a training"));
	if (e->hours_x10 < 0 || e->hours_x10 > 20000)
		return hop_fail(err, HOP_EINVAL, _("the hours must be more than 0 and at most 2000"));
	if (e->certificate && strlen(e->certificate) > HOP_CERTIFICATE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the certificate number is %zu bytes long; the "
		                "limit is %d"), strlen(e->certificate), HOP_CERTIFICATE_MAX);
	if (e->note && strlen(e->note) > HOP_RECORD_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the note is %zu bytes long; the limit is %d"),
		                strlen(e->note), HOP_RECORD_NOTE_MAX);
	if (text_check_line(e->note, _("the note"), err) != HOP_OK ||
	    text_check_line(e->certificate, _("the certificate number"), err) != HOP_OK)
		return err->status;
	return HOP_OK;
}

/* The live record of course_id for person_id on day: *id 0 when none. */
static enum hop_status same_day(struct hop_app *app, int64_t person_id, int64_t course_id,
                                hop_date day, int64_t *id, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id FROM training_record WHERE person_id = ?1 "
	                           "AND course_id = ?2 AND done_on = ?3 AND revoked_at IS NULL "
	                           "ORDER BY id LIMIT 1", err);
	bool found;

	*id = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_int64(st, 2, course_id);
	db_bind_date(st, 3, day);
	return db_get_int64(st, id, &found, _("reading training records"), err);
}

enum hop_status trn_record_add(struct hop_app *app, const char *login, const char *code,
                               const struct trn_record_entry *e, struct trn_record *out,
                               struct hop_err *err)
{
	struct trn_record_new r = { .done_on = e->done_on, .result = e->result,
	                            .hours_x10 = e->hours_x10, .certificate_no = e->certificate,
	                            .source = TRN_FROM_MANUAL, .note = e->note };
	struct hop_person p;
	struct trn_course c;
	int64_t id, other;
	char d[HOP_DATE_ISO_LEN];

	if (authz_record_manage(app, err) != HOP_OK || trn_record_check(e, err) != HOP_OK ||
	    person_get(app, login, &p, err) != HOP_OK || trn_course_get(app, code, &c, err) != HOP_OK)
		return err->status;
	r.person_id = p.id;
	r.course_id = c.id;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (same_day(app, p.id, c.id, e->done_on, &other, err) != HOP_OK)
		goto fail;
	if (other) {
		hop_fail(err, HOP_ECONFLICT, _("%s already has a record of %s on %s (number %lld); "
		         "revoke it first to enter it again"), p.name, c.code,
		         date_format(e->done_on, d), (long long)other);
		goto fail;
	}
	if (trn_record_write(app, &r, &id, err) != HOP_OK || db_commit(app->db, err) != HOP_OK)
		goto fail;
	return out ? get(app, id, out, err) : HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

static const struct collect record_rows = {
	sizeof(struct trn_record), read_record,
	N_("out of memory while listing training records"), N_("listing training records"),
};

enum hop_status trn_records_of(struct hop_app *app, const char *login, bool with_revoked,
                               struct trn_record_list *out, struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (!login) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		p = app->actor.person;
	} else if (person_get(app, login, &p, err) != HOP_OK) {
		return err->status;
	}
	if (authz_record_see(app, &p, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT " RECORD_COLUMNS "WHERE r.person_id = ?1 "
	             "AND (?2 <> 0 OR r.revoked_at IS NULL) ORDER BY r.done_on DESC, r.id DESC", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	db_bind_int(st, 2, with_revoked);
	return collect_rows(app->db, st, &record_rows, &out->v, &out->n, &out->cap, err);
}

enum hop_status trn_record_get(struct hop_app *app, int64_t id, struct trn_record *out,
                               struct hop_err *err)
{
	struct hop_person p;

	if (authz_registered(app, err) != HOP_OK || get(app, id, out, err) != HOP_OK ||
	    person_get(app, out->login, &p, err) != HOP_OK)
		return err->status;
	return authz_record_see(app, &p, err);
}

enum hop_status trn_record_revoke(struct hop_app *app, int64_t id, const char *reason,
                                  struct trn_record *out, struct hop_err *err)
{
	struct trn_record r;
	struct db_stmt *st;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[HOP_RECORD_NOTE_MAX + 120],
	     d[HOP_DATE_ISO_LEN];

	if (authz_record_manage(app, err) != HOP_OK)
		return err->status;
	if (!reason || !*reason)
		return hop_fail(err, HOP_EINVAL, _("revoking a training record needs a reason"));
	if (strlen(reason) > HOP_RECORD_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the reason is %zu bytes long; the limit is %d"),
		                strlen(reason), HOP_RECORD_NOTE_MAX);
	if (text_check_line(reason, _("the reason"), err) != HOP_OK)
		return err->status;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (get(app, id, &r, err) != HOP_OK)
		goto fail;
	if (r.revoked) {
		hop_fail(err, HOP_ECONFLICT, _("training record %lld was already revoked on %.10s by "
		         "%s"), (long long)id, r.revoked_at, r.revoked_by);
		goto fail;
	}
	st = db_stmt(app->db, "UPDATE training_record SET revoked_at = ?2, revoked_by = ?3, "
	             "revoke_reason = ?4 WHERE id = ?1 AND revoked_at IS NULL", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, clock_timestamp(at));
	db_bind_text(st, 3, app->actor.login);
	db_bind_text(st, 4, reason);
	if (db_run(st, _("revoking a training record"), err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "person:%s", r.login);
	snprintf(detail, sizeof detail, "record %lld: %s on %s revoked: %s", (long long)id,
	         r.course, date_format(r.done_on, d), reason);
	if (audit_commit(app, "training.revoke", object, detail, err) != HOP_OK)
		return err->status;
	return out ? get(app, id, out, err) : HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
