/* hop person add|list|show|edit|remove: people on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/audit.h"
#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"

#define SHOW_AUDIT_MAX 10

/* A value typed for a fixed-size field: checked whole before it is copied,
 * so that nothing is ever cut off silently. */
static bool fits(enum hop_status (*check)(const char *, struct hop_err *), const char *text,
                 int *rc)
{
	struct hop_err err;

	if (check(text, &err) != HOP_OK) {
		*rc = cli_fail(&err);
		return false;
	}
	return true;
}

static enum hop_status check_team_arg(const char *text, struct hop_err *err)
{
	return *text ? team_check_name(text, err) : HOP_OK;
}

int cmd_person_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ "team", required_argument, NULL, 't' },
		{ "roles", required_argument, NULL, 'r' },
		{ "start", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "person", .sub = "add", .opts = opts };
	const char *name = NULL, *email = "", *team = "", *roles = NULL, *start = NULL;
	struct hop_person p;
	struct hop_err err;
	int c, rc = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'e': email = optarg; break;
		case 't': team = optarg; break;
		case 'r': roles = optarg; break;
		case 's': start = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person to add"))))
		return rc;
	if (!name)
		return cli_usage_error("person", "add", _("give the person's full name with --name"));

	memset(&p, 0, sizeof p);
	p.start = p.end = HOP_DATE_NONE;
	if (!fits(person_check_login, a.arg[0], &rc) || !fits(person_check_name, name, &rc) ||
	    !fits(person_check_email, email, &rc) || !fits(check_team_arg, team, &rc))
		return rc;
	snprintf(p.login, sizeof p.login, "%s", a.arg[0]);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.email, sizeof p.email, "%s", email);
	snprintf(p.team, sizeof p.team, "%s", team);
	if (roles && role_parse(roles, &p.roles, &err) != HOP_OK)
		return cli_fail(&err);
	if (start && !cli_date(start, &p.start))
		return 1;
	if ((rc = cli_open(ctx)))
		return rc;
	if (person_add(&ctx->app, &p, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("added %s (%s)\n"), p.login, p.name);
	return 0;
}

int cmd_person_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "search", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "email", "team", "roles", "start", "end" };
	const char *headers[] = { _("Login"), _("Name"), _("E-mail"), _("Team"), _("Roles"),
	                          _("Start"), _("End") };
	struct person_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "person", .sub = "list", .opts = opts, .format = &fmt };
	struct hop_person_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': f.team = optarg; break;
		case 'a': f.include_former = true; break;
		case 's': f.search = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (person_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 7, headers, keys, "KTa34cb");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_person *p = &l.v[i];
		char roles[64], start[HOP_DATE_ISO_LEN], end[HOP_DATE_ISO_LEN];
		const char *cells[7];

		out_date_cell(p->start, start);
		out_date_cell(p->end, end);
		cells[0] = p->login;
		cells[1] = p->name;
		cells[2] = out_or_null(p->email);
		cells[3] = out_or_null(p->team);
		cells[4] = role_format(p->roles, roles, sizeof roles);
		cells[5] = start;
		cells[6] = out_or_null(end);
		out_table_add(t, cells);
	}
	person_list_free(&l);
	return out_table_done(t, stdout);
}

/* "Label:" padded to width display columns, then the value. */
static void show_line(const char *label, int width, const char *value)
{
	out_label(stdout, label, width);
	printf("  %s\n", value);
}

int cmd_person_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "person", .sub = "show", .opts = opts, .format = &fmt };
	struct hop_person p;
	struct hop_team_list teams;
	struct hop_audit_list log;
	struct audit_filter af = { .since = HOP_DATE_NONE, .limit = SHOW_AUDIT_MAX };
	char object[HOP_LOGIN_MAX + 8], roles[64], start[HOP_DATE_ISO_LEN], end[HOP_DATE_ISO_LEN];
	char leads[1024] = "";
	struct hop_err err;
	size_t n = 0;
	int rc;

	cli_option(&a, argc, argv);     /* takes --format, the only option */
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person to show"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (person_find(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
		return cli_fail(&err);
	if (team_list(&ctx->app, false, &teams, &err) != HOP_OK)
		return cli_fail(&err);
	for (size_t i = 0; i < teams.n && n < sizeof leads; i++) {
		if (teams.v[i].lead_id != p.id)
			continue;
		n += (size_t)snprintf(leads + n, sizeof leads - n, "%s%s", n ? ", " : "",
		                      teams.v[i].name);
	}
	team_list_free(&teams);
	role_format(p.roles, roles, sizeof roles);
	out_date_cell(p.start, start);
	out_date_cell(p.end, end);

	if (fmt != OUT_TABLE) {
		const char *keys[] = { "login", "name", "email", "team", "roles", "start", "end",
		                       "leads" };
		const char *cells[] = { p.login, p.name, out_or_null(p.email), out_or_null(p.team), roles,
		                        start, out_or_null(end), out_or_null(leads) };
		struct out_table *t = out_table_new(fmt, 8, keys, keys, NULL);

		out_table_add(t, cells);
		return out_table_done(t, stdout);
	}

	{
		const char *labels[] = { _("Login:"), _("Name:"), _("E-mail:"), _("Team:"),
		                         _("Roles:"), _("Start:"), _("Last day:"), _("Leads:") };
		const char *none = _("(none)");
		const char *values[] = { p.login, p.name, *p.email ? p.email : none,
		                         *p.team ? p.team : none, roles, start,
		                         *end ? end : _("(still employed)"), *leads ? leads : none };
		int width = 0;

		for (size_t i = 0; i < 8; i++)
			if (out_display_width(labels[i]) > width)
				width = out_display_width(labels[i]);
		for (size_t i = 0; i < 8; i++)
			show_line(labels[i], width, values[i]);
	}
	snprintf(object, sizeof object, "person:%s", p.login);
	af.object = object;
	/* The changes are shown to those who may read the person's audit entries. */
	if (audit_list(&ctx->app, &af, &log, &err) != HOP_OK) {
		if (err.status != HOP_EPERM)
			return cli_fail(&err);
		memset(&log, 0, sizeof log);
	}
	if (log.n) {
		printf("\n%s\n", _("Recent changes:"));
		for (size_t i = 0; i < log.n; i++)
			printf("  %s  %s  %s  %s\n", log.v[i].at, log.v[i].actor, log.v[i].action,
			       log.v[i].detail ? log.v[i].detail : "");
	}
	audit_list_free(&log);
	return 0;
}

int cmd_person_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ "team", required_argument, NULL, 't' },
		{ "no-team", no_argument, NULL, 'T' },
		{ "roles", required_argument, NULL, 'r' },
		{ "add-role", required_argument, NULL, 'a' },
		{ "remove-role", required_argument, NULL, 'd' },
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'x' },
		{ "no-end", no_argument, NULL, 'X' },
		{ "login", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *roles = NULL, *add_roles = NULL, *remove_roles = NULL, *end = NULL;
	const char *start = NULL;
	bool no_end = false;
	struct cli_args a = { .name = "person", .sub = "edit", .opts = opts };
	struct person_edit e;
	struct hop_person p;
	struct hop_err err;
	char changes[4096], login[HOP_LOGIN_MAX + 1];
	int c, rc = 0;

	memset(&e, 0, sizeof e);
	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n':
			if (!fits(person_check_name, optarg, &rc))
				return rc;
			snprintf(e.name, sizeof e.name, "%s", optarg);
			e.fields |= PF_NAME;
			break;
		case 'e':
			if (!fits(person_check_email, optarg, &rc))
				return rc;
			snprintf(e.email, sizeof e.email, "%s", optarg);
			e.fields |= PF_EMAIL;
			break;
		case 't':
		case 'T':
			if (c == 't' && !fits(check_team_arg, optarg, &rc))
				return rc;
			snprintf(e.team, sizeof e.team, "%s", c == 't' ? optarg : "");
			e.fields |= PF_TEAM;
			break;
		case 'l':
			if (!fits(person_check_login, optarg, &rc))
				return rc;
			snprintf(e.login, sizeof e.login, "%s", optarg);
			e.fields |= PF_LOGIN;
			break;
		case 'r': roles = optarg; break;
		case 'a': add_roles = optarg; break;
		case 'd': remove_roles = optarg; break;
		case 's': start = optarg; break;
		case 'x': end = optarg; break;
		case 'X': no_end = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person to change"))))
		return rc;
	if (end && no_end)
		return cli_usage_error("person", "edit", _("give either --end or --no-end, not both"));
	if (start) {
		if (!cli_date(start, &e.start))
			return 1;
		e.fields |= PF_START;
	}
	if (end || no_end) {
		e.end = HOP_DATE_NONE;
		if (end && !cli_date(end, &e.end))
			return 1;
		e.fields |= PF_END;
	}
	if (!e.fields && !roles && !add_roles && !remove_roles)
		return cli_usage_error("person", "edit", _("nothing to change; give at least one "
		                       "option such as --name, --email, --team or --roles"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (roles || add_roles || remove_roles) {
		unsigned r;

		if (person_get(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
			return cli_fail(&err);
		e.roles = p.roles;
		if (roles && role_parse(roles, &e.roles, &err) != HOP_OK)
			return cli_fail(&err);
		if (add_roles) {
			if (role_parse(add_roles, &r, &err) != HOP_OK)
				return cli_fail(&err);
			e.roles |= r;
		}
		if (remove_roles) {
			if (role_parse(remove_roles, &r, &err) != HOP_OK)
				return cli_fail(&err);
			e.roles &= ~r;
		}
		e.fields |= PF_ROLES;
	}
	if (person_edit_report(&ctx->app, a.arg[0], &e, changes, sizeof changes, &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed %s: %s\n"), e.fields & PF_LOGIN ? e.login : a.arg[0], changes);
	else
		printf(_("nothing changed for %s: the values are the same\n"), a.arg[0]);
	return 0;
}

int cmd_person_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "person", .sub = "remove", .opts = opts };
	hop_date last = HOP_DATE_NONE;
	struct hop_person p;
	struct hop_err err;
	char day[HOP_DATE_ISO_LEN], login[HOP_LOGIN_MAX + 1];
	int rc;

	while (cli_option(&a, argc, argv) == 'd')
		if (!cli_date(optarg, &last))
			return 1;
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person who leaves"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (person_remove(&ctx->app, a.arg[0], last, &err) != HOP_OK ||
	    person_get(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("%s (%s) has %s as the last day; the record is kept\n"), p.login, p.name,
	       date_format(p.end, day));
	return 0;
}
