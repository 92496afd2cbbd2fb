/* What 'hop whoami' reports, gathered in core so front ends stay off the db layer. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/core/whoami.h"

enum hop_status whoami_get(struct hop_app *app, struct hop_whoami *out, struct hop_err *err)
{
	struct hop_err ignore;

	memset(out, 0, sizeof *out);
	out->schema = db_schema_version(app->db);
	out->schema_latest = db_schema_latest();
	if (out->schema < 0)
		return db_fail(app->db, err, db_path(app->db));
	if (db_role(app->db, out->role, sizeof out->role, err) != HOP_OK)
		return err->status;
	if (app_resolve_actor(app, err) != HOP_OK)
		return err->status;
	if (app->actor.known) {
		out->state = WHOAMI_CURRENT;
		out->person = app->actor.person;
	} else if (person_get(app, app->actor.login, &out->person, &ignore) == HOP_OK) {
		/* app_resolve_actor refuses only people whose last day has passed. */
		out->state = WHOAMI_FORMER;
	} else {
		out->state = WHOAMI_UNREGISTERED;
	}
	return HOP_OK;
}

const char *whoami_engine(void) { return db_engine(); }
