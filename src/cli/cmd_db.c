/* hop db copy: moving the organisation into another database, an SQLite
 * file or PostgreSQL, and back. */
#include <stdio.h>

#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/dbcopy.h"

int cmd_db_copy(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "db", .sub = "copy", .opts = opts };
	struct dbcopy_report r;
	struct hop_err err;
	const char *to = NULL;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 't')
			to = optarg;
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (!to || !*to)
		return cli_usage_error("db", "copy", _("--to names the database to copy into: a "
		                       "PostgreSQL URL or an SQLite file"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (dbcopy_run(&ctx->app, to, &r, &err) != HOP_OK)
		return cli_fail(&err);
	printf(ngettext("Copied %s into %s (schema version %d): %zu table, %lld rows.\n",
	                "Copied %s into %s (schema version %d): %zu tables, %lld rows.\n", r.n),
	       ctx->app.db_shown, r.target, r.schema, r.n, (long long)r.total);
	for (size_t i = 0; i < r.n; i++)
		printf("  %-28s %12lld\n", r.tables[i].name, (long long)r.tables[i].rows);
	printf(_("Each table holds as many rows in the copy as in %s.\n"), ctx->app.db_shown);
	dbcopy_report_free(&r);
	return 0;
}
