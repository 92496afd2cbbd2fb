/* hop import courses|records and hop export courses|records: the catalogue
 * and training records as CSV files. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/core/training/catalogue.h"
#include "hop/base/i18n.h"

typedef enum hop_status (*import_fn)(struct hop_app *app, FILE *in, const char *name,
                                     const struct import_options *opt,
                                     struct import_report *rep, struct hop_err *err);

static int import_file(struct cli_ctx *ctx, int argc, char **argv, const char *sub,
                       import_fn fn)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "import", .sub = sub, .opts = opts };
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	struct hop_err err;
	const char *name;
	FILE *in;
	enum hop_status st;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'n')
			opt.dry_run = true;
	if ((rc = cli_import_open(ctx, &a, _("name the CSV file to import, or - for standard "
	                          "input"), &in, &name)) != 0)
		return rc;
	st = fn(&ctx->app, in, name, &opt, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err)) == 0) {
		if (opt.dry_run)
			printf(_("would add %d, change %d, leave %d unchanged; nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged);
		else
			printf(_("added %d, changed %d, unchanged %d\n"), rep.added, rep.updated,
			       rep.unchanged);
	}
	import_report_free(&rep);
	return rc;
}

int cmd_import_courses(struct cli_ctx *ctx, int argc, char **argv)
{
	return import_file(ctx, argc, argv, "courses", import_courses);
}

int cmd_import_records(struct cli_ctx *ctx, int argc, char **argv)
{
	return import_file(ctx, argc, argv, "records", import_records);
}

typedef enum hop_status (*export_fn)(struct hop_app *app, FILE *out, char sep, bool all,
                                     struct hop_err *err);

static int export_file(struct cli_ctx *ctx, int argc, char **argv, const char *sub,
                       export_fn fn)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "export", .sub = sub, .opts = opts };
	struct cli_outfile o;
	struct hop_err err;
	bool all = false;
	char sep = ',';
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': all = true; break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				sep = ',';
			else if (strcmp(optarg, "tsv") == 0)
				sep = '\t';
			else
				return cli_usage_error("export", sub, _("unknown format '%s'; use csv or "
				                       "tsv"), optarg);
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (!a.n) {
		if (fn(&ctx->app, stdout, sep, all, &err) != HOP_OK)
			return cli_fail(&err);
		return 0;
	}
	if (cli_outfile_open(&o, a.arg[0], &err) != HOP_OK)
		return cli_fail(&err);
	if (fn(&ctx->app, o.fp, sep, all, &err) != HOP_OK) {
		cli_outfile_abort(&o);
		return cli_fail(&err);
	}
	if (cli_outfile_commit(&o, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}

int cmd_export_courses(struct cli_ctx *ctx, int argc, char **argv)
{
	return export_file(ctx, argc, argv, "courses", export_courses);
}

int cmd_export_records(struct cli_ctx *ctx, int argc, char **argv)
{
	return export_file(ctx, argc, argv, "records", export_records);
}
