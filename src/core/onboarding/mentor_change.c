/* A new hire's mentor changed in one step (see watch.h): the old mentorship
 * ends from today on and the new one begins, in one transaction, so that a
 * refused new mentor leaves the old one in place. */
#include "hop/core/app.h"
#include "hop/db/db.h"
#include "hop/core/onboarding/watch.h"

enum hop_status mentor_change(struct hop_app *app, const char *newhire, const char *mentor,
                              struct mentorship *out, struct hop_err *err)
{
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (mentor_end(app, newhire, HOP_DATE_NONE, NULL, err) != HOP_OK ||
	    mentor_assign(app, newhire, mentor, HOP_DATE_NONE, HOP_DATE_NONE, NULL, out, err) !=
	    HOP_OK || db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}
