/* hop import people|desks / hop export people: CSV files in and out.  The
 * rules (columns, checks, all-or-nothing) are in core/import; this file opens
 * files, prints the report, and replaces an export file whole or not at all. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/core/import/import.h"
#include "hop/core/places/place.h"

int cli_import_open(struct cli_ctx *ctx, struct cli_args *a, const char *missing, FILE **in,
                    const char **name)
{
	const char *path;
	int rc, e;

	if ((rc = cli_operands(a, 1, 1, missing)) || (rc = cli_open(ctx)))
		return rc;
	path = a->arg[0];
	if (strcmp(path, "-") == 0) {
		*in = stdin;
		*name = _("stdin");
		return 0;
	}
	/* With the caller's rights: a setgid hop must not read the group's files. */
	if (!priv_user_begin())
		return cli_failf(HOP_EIO, _("cannot set aside hop's group rights to open %s: %s"),
		                 path, strerror(errno));
	*in = fopen(path, "rb");
	e = errno;
	priv_user_end();
	errno = e;
	if (!*in)
		return cli_failf(errno == ENOENT ? HOP_ENOTFOUND : HOP_EIO, _("cannot open %s: %s"),
		                 path, strerror(errno));
	*name = path;
	return 0;
}

int cli_import_close(FILE *in, enum hop_status st, const char *messages,
                     const struct hop_err *err)
{
	if (in != stdin)
		fclose(in);
	if (st == HOP_OK)
		return 0;
	if (messages)
		fputs(messages, stderr);
	return cli_fail(err);
}

void cli_import_encoding(const struct import_report *rep)
{
	/* Worth knowing: the next export, read back by the same Excel, should
	 * be in its form (--excel). */
	if (rep->cp1252)
		printf("%s\n", _("the file was read as Windows-1252 (as German Excel saves CSV) and converted to UTF-8"));
}

/* hop import people and hop import desks: one CSV file, every row or none. */
static int import_csv(struct cli_ctx *ctx, int argc, char **argv, bool desks)
{
	static const struct option people_opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "create-teams", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option desk_opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "import", .sub = desks ? "desks" : "people",
	                      .opts = desks ? desk_opts : people_opts };
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
		case 't': opt.create_teams = true; break;
		}
	}
	if ((rc = cli_import_open(ctx, &a, _("name the CSV file to import, or - for standard "
	                          "input"), &in, &name)))
		return rc;
	st = desks ? import_desks(&ctx->app, in, name, &opt, &rep, &err)
	           : import_people(&ctx->app, in, name, &opt, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err)) == 0) {
		if (desks && opt.dry_run)
			printf(_("would add %d, update %d, leave %d unchanged; nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged);
		else if (desks)
			printf(_("added %d, updated %d, unchanged %d\n"), rep.added, rep.updated,
			       rep.unchanged);
		else if (opt.dry_run)
			printf(_("would add %d, update %d, leave %d unchanged (teams to create %d); nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged, rep.teams_created);
		else
			printf(_("added %d, updated %d, unchanged %d (teams created %d)\n"),
			       rep.added, rep.updated, rep.unchanged, rep.teams_created);
		cli_import_encoding(&rep);
	}
	import_report_free(&rep);
	return rc;
}

int cmd_import_people(struct cli_ctx *ctx, int argc, char **argv)
{
	return import_csv(ctx, argc, argv, false);
}

int cmd_import_desks(struct cli_ctx *ctx, int argc, char **argv)
{
	return import_csv(ctx, argc, argv, true);
}

static enum hop_status export_people_fn(struct hop_app *app, FILE *out, char sep,
                                        const void *arg, struct hop_err *err)
{
	return export_people(app, out, sep, *(const bool *)arg, err);
}

int cmd_export_people(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "excel", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "export", .sub = "people", .opts = opts };
	bool all = false;
	int c, rc, form = -1;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'x':
			form = CFG_EXPORT_EXCEL;
			break;
		case 'f':
			if (!cli_export_form_parse(optarg, &form))
				return cli_usage_error("export", "people",
				                       _("--format is csv, tsv or excel, not '%s'"), optarg);
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)))
		return rc;
	return cli_export_run(ctx, a.n == 1 ? a.arg[0] : NULL, form, export_people_fn, &all);
}
