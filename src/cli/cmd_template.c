/* hop template add|list|show|edit|step|remove, hop import templates and
 * hop export templates: onboarding templates on the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cmd_onboarding.h"

/* --role: one role word; 0 on success, else the usage error's status. */
static int role_arg(const char *sub, const char *text, unsigned *role)
{
	struct hop_err err;

	if (role_parse(text, role, &err) != HOP_OK)
		return cli_usage_error("template", sub, "%s", err.msg);
	if (*role & (*role - 1))
		return cli_usage_error("template", sub, _("a template is for one role at most"));
	return 0;
}

int cmd_template_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "role", required_argument, NULL, 'r' },
		{ "default", no_argument, NULL, 'd' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "template", .sub = "add", .opts = opts };
	const char *team = NULL;
	unsigned role = 0;
	bool def = false, handover = false;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'r':
			if ((rc = role_arg("add", optarg, &role)))
				return rc;
			break;
		case 'd': def = true; break;
		case 'k':
			if (strcmp(optarg, "handover") == 0 || strcmp(optarg, "übergabe") == 0)
				handover = true;
			else if (strcmp(optarg, "onboarding") != 0 && strcmp(optarg, "einarbeitung") != 0)
				return cli_usage_error("template", "add", _("--kind is onboarding (the "
				                       "default) or handover"));
			break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the template to add"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (template_add_kind(&ctx->app, a.arg[0], team, role, def, handover, &err) != HOP_OK)
		return cli_fail(&err);
	if (handover) {
		printf(_("added the handover template '%s'%s; it starts with the handover notes for "
		         "the successor; add steps with 'hop template step'\n"), a.arg[0],
		       def ? _(" (the default)") : "");
		return 0;
	}
	printf(_("added the template '%s'%s; it ends with the closing talk at the end of "
	         "probation; add steps with 'hop template step'\n"), a.arg[0],
	       def ? _(" (the default)") : "");
	return 0;
}

int cmd_template_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "team", "role", "default", "steps", "created", "retired",
	                       "kind" };
	const char *headers[] = { _("Template"), _("Team"), _("Role"), _("Default"), _("Steps"),
	                          _("Created"), _("Retired"), _("Kind") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "template", .sub = "list", .opts = opts, .format = &fmt };
	bool all = false;
	struct onb_template_list l;
	struct out_table *t;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) == 'a')
		all = true;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (template_list(&ctx->app, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 8, headers, keys, "T23aKbac");
	for (size_t i = 0; i < l.n; i++) {
		char roles[64] = "", steps[16], created[HOP_DATE_ISO_LEN], retired[HOP_DATE_ISO_LEN];
		snprintf(steps, sizeof steps, "%d", l.v[i].steps);
		if (l.v[i].role)
			role_format(l.v[i].role, roles, sizeof roles);
		const char *cells[8] = {
			l.v[i].name, out_or_null(l.v[i].team), out_or_null(roles),
			fmt == OUT_TABLE ? (l.v[i].is_default ? _("yes") : _("no"))
			                 : l.v[i].is_default ? "yes" : "no", steps, out_date_cell(l.v[i].created, created),
			out_or_null(out_date_cell(l.v[i].retired, retired)),
			fmt == OUT_TABLE ? (l.v[i].handover ? _("handover") : _("onboarding"))
			                 : l.v[i].handover ? "handover" : "onboarding",
		};
		out_table_add(t, cells);
	}
	onb_template_list_free(&l);
	return out_table_done(t, stdout);
}

int cmd_template_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "step", "title", "kind", "owner", "due", "office", "mandatory",
	                       "note" };
	const char *headers[] = { "#", _("Step"), _("Kind"), _("Responsible"), _("Due"), _("Office"),
	                          _("Mandatory"), _("Note") };
	enum out_format fmt = OUT_TABLE;
	struct onb_template tp;
	struct onb_template_steps l;
	struct out_table *t;
	struct hop_err err;
	struct cli_args a = { .name = "template", .sub = "show", .opts = opts, .format = &fmt };
	char roles[64] = "";
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the template"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (template_get(&ctx->app, a.arg[0], &tp, &l, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE) {
		if (tp.role)
			role_format(tp.role, roles, sizeof roles);
		out_label(stdout, _("Template:"), 11);
		printf("%s%s\n", tp.name, tp.is_default ? _(" (the default)") : "");
		out_label(stdout, _("For:"), 11);
		if (tp.team[0] && roles[0])
			printf("%s, %s\n", tp.team, roles);
		else
			printf("%s\n", tp.team[0] ? tp.team : roles[0] ? roles : _("anyone"));
		putchar('\n');
	}
	t = out_table_new(fmt, 8, headers, keys, "KTa32bc1");
	for (size_t i = 0; i < l.n; i++) {
		const struct onb_step_spec *s = &l.v[i].s;
		char num[16], due[80], title[HOP_STEP_TITLE_MAX + HOP_COURSE_CODE_MAX + 4];
		snprintf(num, sizeof num, "%d", l.v[i].position);
		/* A step a training record ticks names its course. */
		snprintf(title, sizeof title, "%s%s%s%s", s->title,
		         fmt == OUT_TABLE && s->course[0] ? " [" : "",
		         fmt == OUT_TABLE ? s->course : "", fmt == OUT_TABLE && s->course[0] ? "]" : "");
		if (fmt == OUT_TABLE)
			onb_offset_display(&s->offset, due, sizeof due);
		else
			onb_offset_format(&s->offset, due, sizeof due);
		const char *cells[8] = {
			num, title, fmt == OUT_TABLE ? onb_kind_display(s->kind) : onb_kind_name(s->kind),
			s->owner == OWNER_PERSON ? s->owner_login
			: fmt == OUT_TABLE ? onb_owner_display(s->owner) : onb_owner_name(s->owner),
			due, fmt == OUT_TABLE ? (s->in_office ? _("yes") : _("no")) : s->in_office ? "yes" : "no",
			fmt == OUT_TABLE ? (s->mandatory ? _("yes") : _("no")) : s->mandatory ? "yes" : "no",
			out_or_null(s->note),
		};
		out_table_add(t, cells);
	}
	onb_template_steps_free(&l);
	return out_table_done(t, stdout);
}

int cmd_template_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "team", required_argument, NULL, 't' },
		{ "no-team", no_argument, NULL, 'T' },
		{ "role", required_argument, NULL, 'r' },
		{ "no-role", no_argument, NULL, 'R' },
		{ "default", no_argument, NULL, 'd' },
		{ "no-default", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "template", .sub = "edit", .opts = opts };
	const char *name = NULL, *team = NULL;
	int role = -1, def = -1;
	unsigned r;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 't': team = optarg; break;
		case 'T': team = ""; break;
		case 'r':
			if ((rc = role_arg("edit", optarg, &r)))
				return rc;
			role = (int)r;
			break;
		case 'R': role = 0; break;
		case 'd': def = 1; break;
		case 'D': def = 0; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the template to change"))))
		return rc;
	if (!name && !team && role < 0 && def < 0)
		return cli_usage_error("template", "edit", _("nothing to change; give --name, --team, "
		                       "--no-team, --role, --no-role, --default or --no-default"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (template_edit(&ctx->app, a.arg[0], name, team, role, def, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("changed the template '%s'\n"), name ? name : a.arg[0]);
	return 0;
}

int cmd_template_step(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args o = { .name = "template", .sub = "step", .opts = step_options };
	struct step_args a = { 0 };
	struct hop_err err;
	bool added;
	int rc;

	if ((rc = step_parse(&o, argc, argv, &a)) ||
	    (rc = cli_operands(&o, 2, 2, _("give the TEMPLATE and the STEP (its number, or the "
	                                   "title of a step to add)"))))
		return rc;
	if (a.remove && a.fields)
		return cli_usage_error("template", "step", _("--remove takes no other options"));
	if (!a.remove && !a.fields && !a.due && !a.owner)
		return cli_usage_error("template", "step", _("nothing to change; give --kind, "
		                       "--owner, --due and the other options of a step, or --remove"));
	if ((rc = cli_open(ctx)) || (rc = step_resolve(ctx, &a, false)))
		return rc;
	if (a.remove) {
		if (template_step_remove(&ctx->app, o.arg[0], o.arg[1], &err) != HOP_OK)
			return cli_fail(&err);
		printf(_("removed the step '%s' from the template '%s'\n"), o.arg[1], o.arg[0]);
		return 0;
	}
	if (template_step_set(&ctx->app, o.arg[0], o.arg[1], a.fields, &a.s,
	                      a.position, &added, &err) != HOP_OK)
		return cli_fail(&err);
	printf(added ? _("added the step '%s' to the template '%s'\n")
	             : _("changed the step '%s' of the template '%s'\n"),
	       o.arg[1], o.arg[0]);
	return 0;
}

int cmd_template_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "template", .sub = "remove", .opts = opts };
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the template to retire"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (template_remove(&ctx->app, a.arg[0], &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("retired the template '%s'; onboardings started from it keep their steps\n"),
	       a.arg[0]);
	return 0;
}

int cmd_import_templates(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "import", .sub = "templates", .opts = opts };
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	struct hop_err err;
	const char *name;
	FILE *in;
	enum hop_status st;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': opt.dry_run = true; break;
		}
	}
	if ((rc = cli_import_open(ctx, &a, _("name the CSV file to import, or - for standard "
	                          "input"), &in, &name)) != 0)
		return rc;
	st = import_templates(&ctx->app, in, name, &opt, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err)) == 0) {
		if (opt.dry_run)
			printf(_("would add %d steps, change %d, leave %d unchanged; nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged);
		else
			printf(_("steps added %d, changed %d, unchanged %d\n"), rep.added, rep.updated,
			       rep.unchanged);
		cli_import_encoding(&rep);
	}
	import_report_free(&rep);
	return rc;
}

static enum hop_status export_templates_fn(struct hop_app *app, FILE *out, char sep,
                                           const void *arg, struct hop_err *err)
{
	return export_templates(app, out, sep, arg, err);
}

int cmd_export_templates(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "template", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "excel", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "export", .sub = "templates", .opts = opts };
	const char *template = NULL;
	int c, rc, form = -1;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': template = optarg; break;
		case 'x': form = CFG_EXPORT_EXCEL; break;
		case 'f':
			if (!cli_export_form_parse(optarg, &form))
				return cli_usage_error("export", "templates",
				                       _("--format is csv, tsv or excel, not '%s'"), optarg);
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)))
		return rc;
	return cli_export_run(ctx, a.n ? a.arg[0] : NULL, form, export_templates_fn, template);
}
