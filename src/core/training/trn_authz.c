/* Need to know for the catalogue and the records (trn_authz.h). */
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/training/trn_authz.h"
#include "hop/base/i18n.h"

static bool keeper(const struct hop_app *app)
{
	return (app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;
}

enum hop_status authz_course_manage(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!keeper(app))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can change the course "
		                "catalogue"));
	return HOP_OK;
}

enum hop_status authz_record_manage(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!keeper(app))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can enter or revoke training "
		                "records"));
	return HOP_OK;
}

enum hop_status authz_record_see(const struct hop_app *app, const struct hop_person *person,
                                 struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	/* A lead is not among them: results and certificates are the person's
	 * and HR's; the lead sees whether the team's training is valid. */
	if (app->actor.person.id == person->id || keeper(app))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, HR or an admin can see %s's training "
	                "records"), person->name, person->name);
}
