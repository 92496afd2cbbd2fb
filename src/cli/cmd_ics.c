/* hop export ics: one calendar feed as iCalendar, on stdout or into a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/feeds/feeds.h"

/* Through cli_outfile: a reader never sees half a calendar. */
static int export_to_file(struct cli_ctx *ctx, const struct ics_feed *feed, const char *path)
{
	struct cli_outfile o;
	struct hop_err err;

	if (cli_outfile_open(&o, path, &err) != HOP_OK)
		return cli_fail(&err);
	if (ics_export(&ctx->app, feed, o.fp, NULL, &err) != HOP_OK) {
		cli_outfile_abort(&o);
		return cli_fail(&err);
	}
	if (cli_outfile_commit(&o, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}

int cmd_export_ics(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "team", required_argument, NULL, 't' },
		{ "desk", required_argument, NULL, 'd' },
		{ "room", required_argument, NULL, 'r' },
		{ "site", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		{ "holidays", no_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "export", .sub = "ics", .opts = opts,
	                      .shortopts = "p:t:d:r:s:f:T:o:H" };
	struct ics_feed feed = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	const char *path = NULL;
	struct hop_err err;
	char ref[HOP_SLUG_MAX + HOP_LOGIN_MAX + 2];
	int c, rc, kinds = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'p': feed.kind = ICS_PERSON; feed.key = optarg; kinds++; break;
		case 't': feed.kind = ICS_TEAM; feed.key = optarg; kinds++; break;
		case 'd': feed.kind = ICS_DESK; feed.key = optarg; kinds++; break;
		case 'r': feed.kind = ICS_ROOM; feed.key = optarg; kinds++; break;
		case 's': feed.kind = ICS_SITE; feed.key = optarg; kinds++; break;
		case 'f': if (!cli_date(optarg, &feed.from)) return 1; break;
		case 'T': if (!cli_date(optarg, &feed.to)) return 1; break;
		case 'o': path = optarg; break;
		case 'H': feed.holidays = true; break;
		}
	}
	if (c < 0)
		return a.rc;
	if (kinds != 1)
		return cli_usage_error("export", "ics", _("give exactly one of --person, --team, "
		                       "--desk, --room or --site"));
	if (a.n > 0)
		return cli_usage_error("export", "ics", _("unexpected argument '%s'; write the "
		                       "calendar to a file with -o FILE"), a.arg[0]);
	if ((rc = cli_open(ctx)) ||
	    (feed.kind == ICS_PERSON && (rc = cli_person(ctx, &feed.key, ref))) ||
	    (feed.kind == ICS_TEAM && (rc = cli_team(ctx, &feed.key, ref))))
		return rc;
	if (path && strcmp(path, "-") != 0)
		return export_to_file(ctx, &feed, path);
	if (ics_export(&ctx->app, &feed, stdout, NULL, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}

int cmd_feeds_publish(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "feeds", .sub = "publish", .opts = opts };
	struct ics_publish_report rep;
	struct hop_err err;
	int rc;

	if (cli_option(&a, argc, argv) < 0)
		return a.rc;
	if (a.n != 1)
		return cli_usage_error("feeds", "publish", _("give the directory to write the feeds "
		                       "into: hop feeds publish DIR"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (ics_publish(&ctx->app, a.arg[0], &rep, &err) != HOP_OK)
		return cli_fail(&err);
	/* The count of files covers the index too, so it is not worded as a
	 * second plural: "written" and "unchanged" need none. */
	printf(ngettext("%zu feed in %s: files written %zu, unchanged %zu.\n",
	                "%zu feeds in %s: files written %zu, unchanged %zu.\n", (unsigned long)rep.feeds),
	       rep.feeds, a.arg[0],
	       rep.written, rep.unchanged);
	if (rep.removed)
		printf(ngettext("Removed %zu feed of a person, team or place no longer there.\n",
		                "Removed %zu feeds of people, teams or places no longer there.\n",
		                (unsigned long)rep.removed), rep.removed);
	if (rep.temporaries)
		printf(ngettext("Removed %zu temporary file an interrupted run left behind.\n",
		                "Removed %zu temporary files interrupted runs left behind.\n",
		                (unsigned long)rep.temporaries), rep.temporaries);
	return 0;
}
