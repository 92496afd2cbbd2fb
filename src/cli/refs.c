/* People and teams named on the command line: every argument that names a
 * person is read by core's person_find (a login, a name, the beginning of
 * one) and handed on as the login it found, so that core, the audit log and
 * the messages see the one name a person has in hop.  A team is read by
 * team_find, which most of core already calls; cli_team is for the few
 * places that want a team's slug. */
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/core/people/person.h"

int cli_person(struct cli_ctx *ctx, const char **text, char *login)
{
	struct hop_person p;
	struct hop_err err;

	if (!*text)
		return 0;
	if (person_find(&ctx->app, *text, &p, &err) != HOP_OK)
		return cli_fail(&err);
	snprintf(login, HOP_LOGIN_MAX + 1, "%s", p.login);
	*text = login;
	return 0;
}

int cli_person_operand(struct cli_ctx *ctx, char **arg, char *login)
{
	const char *text = *arg;
	int rc = cli_person(ctx, &text, login);

	if (!rc && text == login)
		*arg = login;
	return rc;
}

int cli_person_or_login(struct cli_ctx *ctx, const char **text, char *login)
{
	struct hop_person p;
	struct hop_err err, ignore;

	if (!*text)
		return 0;
	switch (person_find(&ctx->app, *text, &p, &err)) {
	case HOP_OK:
		snprintf(login, HOP_LOGIN_MAX + 1, "%s", p.login);
		*text = login;
		return 0;
	case HOP_ENOTFOUND:
		if (person_check_login(*text, &ignore) == HOP_OK)
			return 0;
		/* fall through */
	default:
		return cli_fail(&err);
	}
}

int cli_team(struct cli_ctx *ctx, const char **text, char *slug)
{
	struct hop_team t;
	struct hop_err err;

	if (!*text)
		return 0;
	if (team_find(&ctx->app, *text, &t, &err) != HOP_OK)
		return cli_fail(&err);
	snprintf(slug, HOP_SLUG_MAX + 1, "%s", t.slug);
	*text = slug;
	return 0;
}
