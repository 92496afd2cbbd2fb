/* hop import people|desks / hop export people: CSV files in and out.  The
 * rules (columns, checks, all-or-nothing) are in core/import; this file opens
 * files, prints the report, and replaces an export file whole or not at all. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/import/import.h"
#include "hop/core/places/place.h"

int cli_import_open(struct cli_ctx *ctx, const char *sub, int argc, char **argv,
                    const char *missing, FILE **in, const char **name)
{
	const char *path;
	int rc;

	if (optind >= argc)
		return cli_usage_error("import", sub, "%s", missing);
	if (optind + 1 < argc)
		return cli_usage_error("import", sub, _("unexpected argument '%s'"), argv[optind + 1]);
	path = argv[optind];
	if ((rc = cli_open(ctx)) != 0)
		return rc;
	if (strcmp(path, "-") == 0) {
		*in = stdin;
		*name = _("stdin");
		return 0;
	}
	*in = fopen(path, "rb");
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

int cmd_import_people(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "create-teams", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	struct hop_err err;
	const char *name;
	FILE *in;
	enum hop_status st;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			opt.dry_run = true;
			break;
		case 't':
			opt.create_teams = true;
			break;
		default:
			return cli_bad_option("import", "people", argv, c);
		}
	}
	if ((rc = cli_import_open(ctx, "people", argc, argv,
	                          _("name the CSV file to import, or - for standard input"), &in,
	                          &name)) != 0)
		return rc;
	st = import_people(&ctx->app, in, name, &opt, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err)) == 0) {
		if (opt.dry_run)
			printf(_("would add %d, update %d, leave %d unchanged (teams to create %d); nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged, rep.teams_created);
		else
			printf(_("added %d, updated %d, unchanged %d (teams created %d)\n"),
			       rep.added, rep.updated, rep.unchanged, rep.teams_created);
	}
	import_report_free(&rep);
	return rc;
}

/* Through cli_outfile: a failed export never leaves half a file, nor
 * destroys the old one. */
static enum hop_status export_to_file(struct hop_app *app, const char *path, char sep,
                                      bool all, struct hop_err *err)
{
	struct cli_outfile o;

	if (cli_outfile_open(&o, path, err) != HOP_OK)
		return err->status;
	if (export_people(app, o.fp, sep, all, err) != HOP_OK) {
		cli_outfile_abort(&o);
		return err->status;
	}
	return cli_outfile_commit(&o, err);
}

int cmd_export_people(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct hop_err err;
	const char *path = NULL;
	bool all = false;
	char sep = ',';
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				sep = ',';
			else if (strcmp(optarg, "tsv") == 0)
				sep = '\t';
			else
				return cli_usage_error("export", "people",
				                       _("--format is csv or tsv, not '%s'"), optarg);
			break;
		default:
			return cli_bad_option("export", "people", argv, c);
		}
	}
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cli_usage_error("export", "people", _("unexpected argument '%s'"),
		                       argv[optind]);

	if ((rc = cli_open(ctx)) != 0)
		return rc;
	if (path && strcmp(path, "-") != 0) {
		if (export_to_file(&ctx->app, path, sep, all, &err) != HOP_OK)
			return cli_fail(&err);
		return 0;
	}
	if (export_people(&ctx->app, stdout, sep, all, &err) != HOP_OK)
		return cli_fail(&err);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_failf(HOP_EIO, _("cannot write to standard output: %s"), strerror(errno));
	return 0;
}

int cmd_import_desks(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_options opt = { false, false };
	struct import_report rep = { 0 };
	struct hop_err err;
	const char *name;
	FILE *in;
	enum hop_status st;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'n': opt.dry_run = true; break;
		default: return cli_bad_option("import", "desks", argv, c);
		}
	}
	if ((rc = cli_import_open(ctx, "desks", argc, argv,
	                          _("name the CSV file to import, or - for standard input"), &in,
	                          &name)))
		return rc;
	st = import_desks(&ctx->app, in, name, &opt, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err)) == 0) {
		if (opt.dry_run)
			printf(_("would add %d, update %d, leave %d unchanged; nothing was written (--dry-run)\n"),
			       rep.added, rep.updated, rep.unchanged);
		else
			printf(_("added %d, updated %d, unchanged %d\n"), rep.added, rep.updated,
			       rep.unchanged);
	}
	import_report_free(&rep);
	return rc;
}
