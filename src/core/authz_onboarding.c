/* Who may plan, see and tick onboardings and mentorships: the onboarding
 * part of hop's permission rules (hop/core/authz.h), in a file of its own so
 * that authz.c stays readable. */
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"

static bool has(const struct hop_app *app, unsigned roles)
{
	return app->actor.known && (app->actor.roles & roles);
}

enum hop_status authz_template_manage(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change onboarding "
		                "templates"));
	return HOP_OK;
}

enum hop_status authz_onboarding_manage(const struct hop_app *app,
                                        const struct hop_person *newhire, int64_t team_id,
                                        struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (has(app, ROLE_HR | ROLE_ADMIN) || authz_leads_team(app, team_id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only HR, an admin or the lead of %s's team can plan "
	                "%s's onboarding and mentor"), newhire->name, newhire->name);
}

enum hop_status authz_onboarding_see(const struct hop_app *app,
                                     const struct hop_person *newhire, int64_t team_id,
                                     const char *mentor_login, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (app->actor.person.id == newhire->id ||
	    (mentor_login && *mentor_login && strcmp(mentor_login, app->actor.login) == 0) ||
	    has(app, ROLE_HR | ROLE_ADMIN) || authz_leads_team(app, team_id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, their mentor, the lead of their team, HR or "
	                "an admin can see %s's onboarding"), newhire->name, newhire->name);
}

enum hop_status authz_onboarding_tick(const struct hop_app *app,
                                      const struct hop_person *newhire, int64_t team_id,
                                      bool is_owner, const char *owner_shown,
                                      struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (is_owner || has(app, ROLE_HR | ROLE_ADMIN) || authz_leads_team(app, team_id))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("this step of %s's onboarding is for %s; only they, HR "
	                "or the lead of the team can tick it"), newhire->name, owner_shown);
}

enum hop_status authz_onboarding_close(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can close an onboarding whose "
		                "steps are not all done"));
	return HOP_OK;
}

enum hop_status authz_mentor_override(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can give a mentor more "
		                "mentees than the limit allows"));
	return HOP_OK;
}
