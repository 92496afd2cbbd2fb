/* Who may read personnel data in bulk, and delete it: the data-protection
 * part of hop's permission rules (hop/core/authz.h).  Need to know (DSGVO
 * Art. 5, § 26 BDSG): the audit trail and the list of people are HR's and the
 * admins'; each person may see what hop holds about them (Art. 15). */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"

static bool has(const struct hop_app *app, unsigned roles)
{
	return app->actor.known && (app->actor.roles & roles);
}

bool authz_audit_all(const struct hop_app *app)
{
	return has(app, ROLE_HR | ROLE_ADMIN);
}

enum hop_status authz_audit_read(const struct hop_app *app, const char *actor,
                                 const char *object, const char **own, struct hop_err *err)
{
	char mine[HOP_LOGIN_MAX + 8];

	*own = NULL;
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (authz_audit_all(app))
		return HOP_OK;
	snprintf(mine, sizeof mine, "person:%s", app->actor.login);
	if ((actor && strcmp(actor, app->actor.login) != 0) ||
	    (object && strcmp(object, mine) != 0))
		return hop_fail(err, HOP_EPERM, _("the audit log is shown to HR and admins; you may "
		                "see the entries about you and the changes you made"));
	*own = app->actor.login;
	return HOP_OK;
}

enum hop_status authz_people_export(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can export the list of "
		                "people"));
	return HOP_OK;
}

enum hop_status authz_person_data(const struct hop_app *app, const struct hop_person *target,
                                  struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (target->id == app->actor.person.id || has(app, ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only %s, HR or an admin can see everything hop holds "
	                "about %s"), target->name, target->name);
}

enum hop_status authz_purge(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can delete and anonymise "
		                "data past its retention period"));
	return HOP_OK;
}

enum hop_status authz_database_copy(const struct hop_app *app, struct hop_err *err)
{
	char roles[96];

	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!has(app, ROLE_HR | ROLE_ADMIN))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can copy the whole "
		                "organisation into another database; you (login '%s') are %s"),
		                app->actor.login, role_format(app->actor.roles, roles, sizeof roles));
	return HOP_OK;
}
