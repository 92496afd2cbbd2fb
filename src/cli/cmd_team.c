/* hop team add|list|show|edit|remove: teams on the command line. */
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

int cmd_team_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lead", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "team", .sub = "add", .opts = opts };
	const char *lead = NULL;
	struct hop_team t;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int rc;

	while (cli_option(&a, argc, argv) == 'l')
		lead = optarg;
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the team to add"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person(ctx, &lead, login)))
		return rc;
	if (team_add(&ctx->app, a.arg[0], lead, &err) != HOP_OK ||
	    team_get(&ctx->app, a.arg[0], &t, &err) != HOP_OK)
		return cli_fail(&err);
	if (t.lead_login[0])
		printf(_("added team %s (%s), led by %s\n"), t.name, t.slug, t.lead_name);
	else
		printf(_("added team %s (%s)\n"), t.name, t.slug);
	return 0;
}

int cmd_team_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "slug", "lead", "lead_name", "members", "created",
	                       "dissolved" };
	const char *headers[] = { _("Team"), _("Slug"), _("Lead"), _("Lead name"), _("Members"),
	                          _("Created"), _("Dissolved") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "team", .sub = "list", .opts = opts, .format = &fmt };
	bool all = false;
	struct hop_team_list l;
	struct out_table *t;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) == 'a')
		all = true;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (team_list(&ctx->app, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 7, headers, keys, "T2K3Kaa");
	for (size_t i = 0; i < l.n; i++) {
		char members[16], created[HOP_DATE_ISO_LEN], dissolved[HOP_DATE_ISO_LEN];
		const char *cells[7];

		snprintf(members, sizeof members, "%d", l.v[i].members);
		out_date_cell(l.v[i].created, created);
		out_date_cell(l.v[i].dissolved, dissolved);
		cells[0] = l.v[i].name;
		cells[1] = l.v[i].slug;
		cells[2] = out_or_null(l.v[i].lead_login);
		cells[3] = out_or_null(l.v[i].lead_name);
		cells[4] = members;
		cells[5] = created;
		cells[6] = out_or_null(dissolved);
		out_table_add(t, cells);
	}
	team_list_free(&l);
	return out_table_done(t, stdout);
}

int cmd_team_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "team", .sub = "show", .opts = opts, .table = true };
	const char *keys[] = { "login", "name", "email", "roles", "start", "end" };
	const char *headers[] = { _("Login"), _("Name"), _("E-mail"), _("Roles"), _("Start"),
	                          _("End") };
	struct person_filter f = { 0 };
	struct hop_person_list l;
	struct hop_team t;
	struct out_table *tab;
	struct hop_err err;
	char day[HOP_DATE_ISO_LEN];
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the TEAM to show (name or slug)"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (team_find(&ctx->app, a.arg[0], &t, &err) != HOP_OK)
		return cli_fail(&err);
	printf("%s %s (%s)\n", _("Team:"), t.name, t.slug);
	if (t.lead_login[0])
		printf("%s %s (%s)\n", _("Lead:"), t.lead_name, t.lead_login);
	else
		printf("%s %s\n", _("Lead:"), _("(none)"));
	printf("%s %s\n", _("Created:"), date_format(t.created, day));
	if (t.dissolved != HOP_DATE_NONE)
		printf("%s %s\n", _("Dissolved:"), date_format(t.dissolved, day));
	printf(ngettext("%d current member\n", "%d current members\n", (unsigned long)t.members),
	       t.members);
	if (t.members == 0)
		return 0;
	/* The team by its slug: a dissolved namesake must not get in the way. */
	f.team = t.slug;
	if (person_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	tab = out_table_new(OUT_TABLE, 6, headers, keys, "KTb3ba");
	for (size_t i = 0; i < l.n; i++) {
		char roles[64], start[HOP_DATE_ISO_LEN], end[HOP_DATE_ISO_LEN];
		const char *cells[6];

		out_date_cell(l.v[i].start, start);
		out_date_cell(l.v[i].end, end);
		cells[0] = l.v[i].login;
		cells[1] = l.v[i].name;
		cells[2] = l.v[i].email;
		cells[3] = role_format(l.v[i].roles, roles, sizeof roles);
		cells[4] = start;
		cells[5] = end;
		out_table_add(tab, cells);
	}
	person_list_free(&l);
	if (tab)
		putchar('\n');
	return out_table_done(tab, stdout);
}

int cmd_team_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "lead", required_argument, NULL, 'l' },
		{ "no-lead", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL, *lead = NULL;
	struct cli_args a = { .name = "team", .sub = "edit", .opts = opts };
	bool no_lead = false;
	struct hop_err err;
	char changes[1024], login[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'l': lead = optarg; break;
		case 'L': no_lead = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the TEAM to change (name or slug)"))))
		return rc;
	if (lead && no_lead)
		return cli_usage_error("team", "edit", _("give either --lead or --no-lead, not both"));
	if (!name && !lead && !no_lead)
		return cli_usage_error("team", "edit", _("nothing to change; give --name, --lead "
		                       "or --no-lead"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &lead, login)))
		return rc;
	if (team_edit_report(&ctx->app, a.arg[0], name, no_lead ? "" : lead, changes,
	                     sizeof changes, &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed team %s: %s\n"), name ? name : a.arg[0], changes);
	else
		printf(_("nothing changed for team %s: the values are the same\n"), a.arg[0]);
	return 0;
}

int cmd_team_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "team", .sub = "remove", .opts = opts };
	struct hop_team t;
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the TEAM to dissolve (name or slug)"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (team_find(&ctx->app, a.arg[0], &t, &err) != HOP_OK ||
	    team_remove(&ctx->app, t.slug, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("dissolved team %s (%s); its history is kept\n"), t.name, t.slug);
	return 0;
}
