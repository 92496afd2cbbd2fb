/* hop log: the audit log, newest first. */
#include <stdio.h>

#include "hop/core/audit.h"
#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

#define LOG_DEFAULT_LIMIT 50
#define LOG_LIMIT_MAX 1000000

int cmd_log(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "actor", required_argument, NULL, 'a' },
		{ "person", required_argument, NULL, 'p' },
		{ "team", required_argument, NULL, 't' },
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "at", "actor", "action", "object", "detail" };
	const char *headers[] = { _("Time (UTC)"), _("Actor"), _("Action"), _("Object"),
	                          _("Detail") };
	struct audit_filter f = { .since = HOP_DATE_NONE, .limit = LOG_DEFAULT_LIMIT };
	const char *person = NULL, *team = NULL;
	char object[HOP_SLUG_MAX + HOP_LOGIN_MAX + 16];
	char actor[HOP_LOGIN_MAX + 1], login[HOP_LOGIN_MAX + 1];
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "log", .opts = opts, .format = &fmt };
	struct hop_audit_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': f.actor = optarg; break;
		case 'p': person = optarg; break;
		case 't': team = optarg; break;
		case 's':
			if (!cli_date(optarg, &f.since))
				return 1;
			break;
		case 'n':
			if (!cli_int(optarg, 0, LOG_LIMIT_MAX, &f.limit))
				return cli_usage_error("log", NULL, _("--limit needs a number from 0 (no "
				                       "limit) to %d, not '%s'"), LOG_LIMIT_MAX, optarg);
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (person && team)
		return cli_usage_error("log", NULL, _("give either --person or --team, not both"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_or_login(ctx, &f.actor, actor)) ||
	    (rc = cli_person_or_login(ctx, &person, login)))
		return rc;
	if (person) {
		/* A login that names no one is taken as it is: someone whose login
		 * has changed since still has a log under the old one. */
		if (person_check_login(person, &err) != HOP_OK)
			return cli_fail(&err);
		snprintf(object, sizeof object, "person:%s", person);
		f.object = object;
	}
	if (team) {
		struct hop_team tm;
		if (team_find(&ctx->app, team, &tm, &err) != HOP_OK)
			return cli_fail(&err);
		snprintf(object, sizeof object, "team:%s", tm.slug);
		f.object = object;
	}
	if (audit_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys, "KKK3W");
	for (size_t i = 0; i < l.n; i++) {
		const char *cells[] = { l.v[i].at, l.v[i].actor, l.v[i].action, l.v[i].object,
		                        l.v[i].detail };
		out_table_add(t, cells);
	}
	audit_list_free(&l);
	return out_table_done(t, stdout);
}
