/* hop config check, hop config path: the configuration, without a database. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hop/cli/cli.h"
#include "hop/config/config.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"

/* Neither command has options; cli_option still catches "-x" and "--frob". */
static const struct option no_options[] = { { NULL, 0, NULL, 0 } };

/* Which database is in use and where that was decided; prefix "# " keeps
 * 'config check' output a valid hop.ini. */
static void print_database(const struct hop_app *app, const char *prefix)
{
	const char *shown = app->db_shown;

	fputs(prefix, stdout);
	if (strcmp(app->db_source, "default") == 0)
		printf(_("Database: %s (the default location)\n"), shown);
	else if (strcmp(app->db_source, "config") == 0)
		printf(_("Database: %s (from [database] path in %s)\n"), shown, app->config_path);
	else if (strcmp(app->db_source, "url") == 0)
		printf(_("Database: %s (from [database] url in %s)\n"), shown, app->config_path);
	else
		printf(_("Database: %s (from %s)\n"), shown, app->db_source);
}

int cmd_config_check(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "config", .sub = "check", .opts = no_options };
	struct hop_config cfg;
	struct hop_err err;
	int rc;

	if (cli_option(&a, argc, argv) < 0)
		return a.rc;
	if (a.n > 1)
		return cli_usage_error("config", "check", _("give at most one FILE"));
	if (a.n == 1) {
		const char *file = a.arg[0];
		enum hop_status st;

		/* Read with the caller's rights: a setgid hop would otherwise show
		 * lines of the group's files in its complaints. */
		if (!priv_user_begin())
			return cli_failf(HOP_EIO, _("cannot set aside hop's group rights to open %s: %s"),
			                 file, strerror(errno));
		st = config_load(file, &cfg, &err);
		priv_user_end();
		if (st != HOP_OK)
			return cli_fail(&err);
		/* As comments, so that the whole output is a valid hop.ini. */
		printf(_("# %s is valid; the effective settings:\n"), file);
		config_print(&cfg, stdout);
		return 0;
	}
	if ((rc = cli_configure(ctx)))
		return rc;
	if (ctx->app.config_path[0])
		printf(_("# %s (from %s) is valid; the effective settings:\n"), ctx->app.config_path,
		       ctx->app.config_source);
	else
		printf(_("# no configuration file found; the built-in defaults:\n"));
	print_database(&ctx->app, "# ");
	config_print(&ctx->app.cfg, stdout);
	return 0;
}

int cmd_config_path(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "config", .sub = "path", .opts = no_options };
	struct config_place places[CONFIG_PLACES];
	struct stat st;
	int rc;

	if (cli_option(&a, argc, argv) < 0)
		return a.rc;
	if (a.n > 0)
		return cli_usage_error("config", "path", _("'config path' takes no arguments"));
	config_places(ctx->opt.config_path, places);
	printf("%s\n", _("Configuration files, in the order hop looks for them:"));
	for (size_t i = 0; i < CONFIG_PLACES; i++) {
		const struct config_place *pl = &places[i];
		const char *state = pl->state == CONFIG_PLACE_FOUND ? _("found")
		                  : pl->state == CONFIG_PLACE_MISSING ? _("not found")
		                  : i == 0 ? _("not given") : _("not set");

		if (pl->path[0])
			printf("  %-18s %s  (%s)\n", pl->source, pl->path, state);
		else
			printf("  %-18s (%s)\n", pl->source, state);
	}
	/* The database location depends on the configuration, so load it. */
	if ((rc = cli_configure(ctx)))
		return rc;
	if (ctx->app.config_path[0])
		printf(_("Configuration in use: %s\n"), ctx->app.config_path);
	else
		printf(_("Configuration in use: none, the built-in defaults\n"));
	print_database(&ctx->app, "");
	if (!ctx->app.db_server && stat(ctx->app.db_path, &st) != 0)
		printf("%s\n", _("The database does not exist yet; 'hop init' creates it."));
	return 0;
}
