/* hop site add|list|edit and hop zone add|list|edit: where desks are.  The
 * rules are in core (site.c, zone.c); this file parses and prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"

/* ---- sites ---- */

int cmd_site_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "address", required_argument, NULL, 'a' },
		{ "timezone", required_argument, NULL, 'z' },
		{ "region", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "site", .sub = "add", .opts = opts };
	const char *address = NULL, *tz = NULL, *region = NULL;
	struct hop_site s;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': address = optarg; break;
		case 'z': tz = optarg; break;
		case 'r': region = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the site to add"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (site_add(&ctx->app, a.arg[0], address, tz, region, &err) != HOP_OK ||
	    site_get(&ctx->app, a.arg[0], &s, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("added site %s (%s), time zone %s, region %s\n"), s.name, s.slug, s.timezone,
	       s.region);
	return 0;
}

int cmd_site_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "slug", "address", "timezone", "region", "desks", "rooms" };
	const char *headers[] = { _("Site"), _("Slug"), _("Address"), _("Time zone"), _("Region"),
	                          _("Desks"), _("Rooms") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "site", .sub = "list", .opts = opts, .format = &fmt };
	struct hop_site_list l;
	struct out_table *t;
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);     /* takes --format, the only option */
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (site_list(&ctx->app, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 7, headers, keys, "T23aKKK");
	for (size_t i = 0; i < l.n; i++) {
		char desks[16], rooms[16];
		const char *cells[7];

		snprintf(desks, sizeof desks, "%d", l.v[i].desks);
		snprintf(rooms, sizeof rooms, "%d", l.v[i].rooms);
		cells[0] = l.v[i].name;
		cells[1] = l.v[i].slug;
		cells[2] = out_or_null(l.v[i].address);
		cells[3] = l.v[i].timezone;
		cells[4] = l.v[i].region;
		cells[5] = desks;
		cells[6] = rooms;
		out_table_add(t, cells);
	}
	site_list_free(&l);
	return out_table_done(t, stdout);
}

int cmd_site_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "address", required_argument, NULL, 'a' },
		{ "timezone", required_argument, NULL, 'z' },
		{ "region", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "site", .sub = "edit", .opts = opts };
	const char *name = NULL, *address = NULL, *tz = NULL, *region = NULL;
	char changes[1024];
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'a': address = optarg; break;
		case 'z': tz = optarg; break;
		case 'r': region = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the SITE to change (name or slug)"))))
		return rc;
	if (!name && !address && !tz && !region)
		return cli_usage_error("site", "edit", _("nothing to change; give --name, --address, "
		                       "--timezone or --region"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (site_edit_report(&ctx->app, a.arg[0], name, address, tz, region, changes,
	                     sizeof changes, &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed site %s: %s\n"), name ? name : a.arg[0], changes);
	else
		printf(_("nothing changed for site %s: the values are the same\n"), a.arg[0]);
	return 0;
}

/* ---- zones ---- */

int cmd_zone_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "level", required_argument, NULL, 'l' },
		{ "team", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *team = NULL;
	struct hop_zone z;
	struct hop_err err;
	char path[HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 3];
	struct cli_args a = { .name = "zone", .sub = "add", .opts = opts };
	int64_t id;
	int level = 0;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'l':
			if (floor_level_parse(optarg, &level, &err) != HOP_OK)
				return cli_usage_error("zone", "add", "--level: %s", err.msg);
			break;
		case 't': team = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 3, 3, _("give the SITE, the FLOOR and the ZONE, such as: hop "
	                       "zone add Hauptgebäude '3. OG' 'Zone Süd'"))) || (rc = cli_open(ctx)))
		return rc;
	if (zone_add_id(&ctx->app, a.arg[0], a.arg[1], level, a.arg[2], team, &id, &err) != HOP_OK)
		return cli_fail(&err);
	snprintf(path, sizeof path, "%s/%s/%s", a.arg[0], a.arg[1], a.arg[2]);
	if (zone_get(&ctx->app, path, &z, &err) != HOP_OK)
		return cli_fail(&err);
	if (z.team[0])
		printf(_("added zone %s/%s/%s (level %d) for team %s\n"), z.site, z.floor, z.name,
		       z.level, z.team);
	else
		printf(_("added zone %s/%s/%s (level %d)\n"), z.site, z.floor, z.name, z.level);
	return 0;
}

int cmd_zone_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "site", "floor", "level", "zone", "team", "desks" };
	const char *headers[] = { _("Site"), _("Floor"), _("Level"), _("Zone"), _("Team"),
	                          _("Desks") };
	const char *site = NULL;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "zone", .sub = "list", .opts = opts, .format = &fmt };
	struct hop_zone_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 's')
			site = optarg;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (zone_list(&ctx->app, site, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 6, headers, keys, "13aT4K");
	for (size_t i = 0; i < l.n; i++) {
		char level[16], desks[16];
		const char *cells[6];

		snprintf(level, sizeof level, "%d", l.v[i].level);
		snprintf(desks, sizeof desks, "%d", l.v[i].desks);
		cells[0] = l.v[i].site;
		cells[1] = l.v[i].floor;
		cells[2] = level;
		cells[3] = l.v[i].name;
		cells[4] = out_or_null(l.v[i].team);
		cells[5] = desks;
		out_table_add(t, cells);
	}
	zone_list_free(&l);
	return out_table_done(t, stdout);
}

int cmd_zone_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "team", required_argument, NULL, 't' },
		{ "no-team", no_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL, *team = NULL;
	struct cli_args a = { .name = "zone", .sub = "edit", .opts = opts };
	bool no_team = false;
	char changes[1024];
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 't': team = optarg; break;
		case 'T': no_team = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the ZONE to change (SITE/FLOOR/ZONE or its "
	                       "name)"))))
		return rc;
	if (team && no_team)
		return cli_usage_error("zone", "edit", _("give either --team or --no-team, not both"));
	if (!name && !team && !no_team)
		return cli_usage_error("zone", "edit", _("nothing to change; give --name, --team or "
		                       "--no-team"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (zone_edit_report(&ctx->app, a.arg[0], name, no_team ? "" : team, changes,
	                     sizeof changes, &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed zone %s: %s\n"), a.arg[0], changes);
	else
		printf(_("nothing changed for zone %s: the values are the same\n"), a.arg[0]);
	return 0;
}
