/* Whom the rotation lists show the actor: HR and admins everyone, a lead
 * the members of the teams they lead (and themself), anyone else themself
 * (rot_int.h).  The permission's words are authz's. */
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/people/person.h"
#include "hop/db/db.h"
#include "rot_int.h"

enum hop_status rot_scope_make(struct hop_app *app, const char *team, const char *login,
                               struct rot_scope *s, struct hop_err *err)
{
	bool all = (app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;

	*s = (struct rot_scope){ .lead = -1 };
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (team && *team) {
		struct hop_team t;

		if (team_find(app, team, &t, err) != HOP_OK)
			return err->status;
		if (authz_rotation_see_team(app, &t, err) != HOP_OK)
			return err->status;
		s->team_id = t.id;
	}
	if (login && *login) {
		struct hop_person p;

		if (person_get(app, login, &p, err) != HOP_OK)
			return err->status;
		if (authz_rotation_see_person(app, &p, err) != HOP_OK)
			return err->status;
		s->person_id = p.id;
	}
	if (!all) {
		s->self = app->actor.person.id;
		if (app->actor.roles & ROLE_LEAD)
			s->lead = app->actor.person.id;
	}
	return HOP_OK;
}

void rot_scope_bind(struct db_stmt *st, int first, const struct rot_scope *s)
{
	/* One person asked for whom the actor may see (checked above) needs
	 * no restriction besides. */
	bool one = s->person_id != 0;

	db_bind_int64(st, first, s->person_id);
	db_bind_int64(st, first + 1, s->team_id);
	db_bind_int64(st, first + 2, one || s->team_id ? 0 : s->self);
	db_bind_int64(st, first + 3, s->lead);
}
