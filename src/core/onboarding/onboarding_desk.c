/* A new hire's first weeks side by side with the mentor: on a day both are
 * in, which desk the mentor has.  The choice of a free desk (booking_book
 * with any) prefers the free desks nearest to it; here is only who and
 * where, as the onboarding and the mentorship say. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"

enum hop_status onboarding_mentor_desk(struct hop_app *app, int64_t person_id, hop_date day,
                                       struct onb_mentor_desk *out, struct hop_err *err)
{
	int days = 7 * app->cfg.onboarding_office_weeks;
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (days <= 0 || !person_id || day == HOP_DATE_NONE)
		return HOP_OK;
	/* The open onboarding (one per person, the index onboarding_open), the
	 * mentorship that day, the mentor's desk that day (a room says nothing
	 * about where they sit); a mentor with two half days at two desks: the
	 * morning's. */
	st = db_stmt(app->db, "SELECT mp.id, mp.login, mp.name, d.id, d.zone_id, d.code "
	             "FROM onboarding o JOIN mentorship ms ON ms.mentee_id = o.person_id "
	             "AND ms.cancelled_at IS NULL AND ms.start_on <= ?2 AND ms.end_on >= ?2 "
	             "JOIN person mp ON mp.id = ms.mentor_id "
	             "JOIN booking b ON b.person_id = ms.mentor_id AND b.day = ?2 "
	             "AND b.cancelled_at IS NULL AND b.is_room = 0 "
	             "JOIN desk d ON d.id = b.desk_id "
	             "WHERE o.person_id = ?1 AND o.state = 'open' AND o.purpose = 'onboarding' "
	             "AND o.start_on <= ?2 "
	             "AND o.start_on > ?3 ORDER BY b.am DESC, b.id LIMIT 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	db_bind_date(st, 3, day - days);
	rc = db_step(st);
	if (rc == DB_ROW) {
		out->mentor_id = db_col_int64(st, 0);
		db_col_copy(st, 1, out->mentor_login, sizeof out->mentor_login);
		db_col_copy(st, 2, out->mentor_name, sizeof out->mentor_name);
		out->desk_id = db_col_int64(st, 3);
		out->zone_id = db_col_int64(st, 4);
		db_col_copy(st, 5, out->desk, sizeof out->desk);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading the mentor's desk"));
	return HOP_OK;
}
