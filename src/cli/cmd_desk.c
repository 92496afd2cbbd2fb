/* hop desk|room add|edit|retire: changing desks and rooms.  Desks and rooms
 * are one kind of record in core, so each pair of commands shares one handler
 * here, told apart by a family flag; list and show are in cmd_desk_show.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "cmd_desk.h"

const char *cli_place_family(bool room)
{
	return room ? "room" : "desk";
}

int cli_place_one_code(struct cli_args *a, bool room)
{
	return cli_operands(a, 1, 1, room ? _("give the CODE of the room")
	                                  : _("give the CODE of the desk"));
}

int cli_place_get(struct cli_ctx *ctx, bool room, const char *sub, const char *code,
                  struct hop_desk *d)
{
	struct hop_err err;

	if (desk_get(&ctx->app, code, d, &err) != HOP_OK)
		return cli_fail(&err);
	if (room && d->kind == DESK_KIND_DESK)
		return cli_failf(HOP_EINVAL, _("%s is a desk, not a room; use 'hop desk %s %s'"),
		                 d->code, sub, d->code);
	if (!room && d->kind != DESK_KIND_DESK)
		return cli_failf(HOP_EINVAL, _("%s is a %s, not a desk; use 'hop room %s %s'"),
		                 d->code, desk_kind_display(d->kind), sub, d->code);
	return 0;
}

static int copy_arg(bool room, const char *sub, const char *opt, char *dst, size_t size,
                    const char *src)
{
	if (strlen(src) >= size)
		return cli_usage_error(cli_place_family(room), sub, _("%s: '%.40s...' is %zu bytes "
		                       "long; the limit is %zu bytes"), opt, src, strlen(src),
		                       size - 1);
	snprintf(dst, size, "%s", src);
	return 0;
}

static int parse_capacity(bool room, const char *sub, const char *text, int *out)
{
	/* Core says why a room needs more than one. */
	if (!cli_int(text, 1, ROOM_CAPACITY_MAX, out))
		return cli_usage_error(cli_place_family(room), sub, _("--capacity wants a number of "
		                       "people from %d to %d, not '%s'"), ROOM_CAPACITY_MIN,
		                       ROOM_CAPACITY_MAX, text);
	return 0;
}

/* ---- add ---- */

static int place_add(struct cli_ctx *ctx, int argc, char **argv, bool room)
{
	static const struct option desk_opts[] = {
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'a' },
		{ "owner", required_argument, NULL, 'o' },
		{ "bookable", required_argument, NULL, 'b' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option room_opts[] = {
		{ "zone", required_argument, NULL, 'z' },
		{ "kind", required_argument, NULL, 'k' },
		{ "capacity", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "attr", required_argument, NULL, 'a' },
		{ "bookable", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = cli_place_family(room), .sub = "add",
	                      .opts = room ? room_opts : desk_opts };
	struct desk_spec spec = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };
	struct hop_desk d;
	struct hop_err err;
	const char *owner = NULL;
	bool kind_given = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'z':
			if ((rc = copy_arg(room, "add", "--zone", spec.zone, sizeof spec.zone, optarg)))
				return rc;
			break;
		case 'n':
			if ((rc = copy_arg(room, "add", "--name", spec.name, sizeof spec.name, optarg)))
				return rc;
			break;
		case 'o':
			owner = optarg;
			break;
		case 'a':
			if (desk_attr_parse(optarg, &spec.attrs, &err) != HOP_OK)
				return cli_usage_error(cli_place_family(room), "add", "--attr: %s",
				                       err.msg);
			break;
		case 'b':
			if (desk_bookable_parse(optarg, &spec.bookable, &err) != HOP_OK)
				return cli_usage_error(cli_place_family(room), "add", "--bookable: %s",
				                       err.msg);
			break;
		case 'k':
			if (desk_kind_parse(optarg, &spec.kind, &err) != HOP_OK)
				return cli_usage_error("room", "add", "--kind: %s", err.msg);
			if (spec.kind == DESK_KIND_DESK)
				return cli_usage_error("room", "add", _("--kind: a room is a team-room, "
				                       "creative-room or meeting-room; desks are added with "
				                       "'hop desk add'"));
			kind_given = true;
			break;
		case 'c':
			if ((rc = parse_capacity(room, "add", optarg, &spec.capacity)))
				return rc;
			break;
		}
	}
	if ((rc = cli_place_one_code(&a, room)))
		return rc;
	if ((rc = copy_arg(room, "add", "CODE", spec.code, sizeof spec.code, a.arg[0])))
		return rc;
	if (!spec.zone[0])
		return cli_usage_error(cli_place_family(room), "add", _("say where it is with --zone "
		                       "ZONE (SITE/FLOOR/ZONE or the zone's name; 'hop zone list' "
		                       "shows them)"));
	if (room && !kind_given)
		return cli_usage_error("room", "add", _("say which kind of room with --kind "
		                       "team-room, creative-room or meeting-room"));
	if (room && !spec.capacity)
		return cli_usage_error("room", "add", _("say for how many people with --capacity N "
		                       "(%d to %d)"), ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX);
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &owner, spec.owner)))
		return rc;
	if (desk_add(&ctx->app, &spec, &err) != HOP_OK ||
	    desk_get(&ctx->app, spec.code, &d, &err) != HOP_OK)
		return cli_fail(&err);
	if (room)
		printf(_("added %s %s (%d people) in %s/%s/%s\n"), desk_kind_display(d.kind), d.code,
		       d.capacity, d.zone.site, d.zone.floor, d.zone.name);
	else if (d.owner_login[0])
		printf(_("added desk %s in %s/%s/%s, the fixed desk of %s\n"), d.code, d.zone.site,
		       d.zone.floor, d.zone.name, d.owner_name);
	else
		printf(_("added desk %s in %s/%s/%s\n"), d.code, d.zone.site, d.zone.floor,
		       d.zone.name);
	return 0;
}

int cmd_desk_add(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_add(ctx, argc, argv, false);
}

int cmd_room_add(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_add(ctx, argc, argv, true);
}

/* ---- edit ---- */

static int place_edit(struct cli_ctx *ctx, int argc, char **argv, bool room)
{
	static const struct option desk_opts[] = {
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'a' },
		{ "owner", required_argument, NULL, 'o' },
		{ "no-owner", no_argument, NULL, 'O' },
		{ "bookable", required_argument, NULL, 'b' },
		{ "code", required_argument, NULL, 'C' },
		{ "name", required_argument, NULL, 'n' },
		{ "activate", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option room_opts[] = {
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'a' },
		{ "bookable", required_argument, NULL, 'b' },
		{ "code", required_argument, NULL, 'C' },
		{ "name", required_argument, NULL, 'n' },
		{ "capacity", required_argument, NULL, 'c' },
		{ "activate", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = cli_place_family(room), .sub = "edit",
	                      .opts = room ? room_opts : desk_opts };
	struct desk_spec spec = { 0 };
	struct hop_desk d;
	struct hop_err err;
	const char *owner = NULL;
	unsigned fields = 0;
	char changes[2048];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'z':
			if ((rc = copy_arg(room, "edit", "--zone", spec.zone, sizeof spec.zone, optarg)))
				return rc;
			fields |= DF_ZONE;
			break;
		case 'n':
			if ((rc = copy_arg(room, "edit", "--name", spec.name, sizeof spec.name, optarg)))
				return rc;
			fields |= DF_NAME;
			break;
		case 'o':
			if (fields & DF_OWNER)
				return cli_usage_error("desk", "edit", _("give either --owner or "
				                       "--no-owner, not both"));
			owner = optarg;
			fields |= DF_OWNER;
			break;
		case 'O':
			if (fields & DF_OWNER)
				return cli_usage_error("desk", "edit", _("give either --owner or "
				                       "--no-owner, not both"));
			spec.owner[0] = '\0';
			fields |= DF_OWNER;
			break;
		case 'a':
			if (desk_attr_parse(optarg, &spec.attrs, &err) != HOP_OK)
				return cli_usage_error(cli_place_family(room), "edit", "--attr: %s",
				                       err.msg);
			fields |= DF_ATTRS;
			break;
		case 'b':
			if (desk_bookable_parse(optarg, &spec.bookable, &err) != HOP_OK)
				return cli_usage_error(cli_place_family(room), "edit", "--bookable: %s",
				                       err.msg);
			fields |= DF_BOOKABLE;
			break;
		case 'C':
			if ((rc = copy_arg(room, "edit", "--code", spec.code, sizeof spec.code, optarg)))
				return rc;
			fields |= DF_CODE;
			break;
		case 'c':
			if ((rc = parse_capacity(room, "edit", optarg, &spec.capacity)))
				return rc;
			fields |= DF_CAPACITY;
			break;
		case 'A':
			fields |= DF_ACTIVE;
			break;
		}
	}
	if ((rc = cli_place_one_code(&a, room)))
		return rc;
	if (!fields)
		return cli_usage_error(cli_place_family(room), "edit", room
		                       ? _("nothing to change; give --zone, --name, --capacity, "
		                           "--attr, --bookable, --code or --activate")
		                       : _("nothing to change; give --zone, --attr, --owner, "
		                           "--no-owner, --bookable, --name, --code or --activate"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &owner, spec.owner)))
		return rc;
	if ((rc = cli_place_get(ctx, room, "edit", a.arg[0], &d)))
		return rc;
	if (desk_edit_report(&ctx->app, d.code, fields, &spec, changes, sizeof changes,
	                     &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed %s: %s\n"), (fields & DF_CODE) ? spec.code : d.code, changes);
	else
		printf(_("nothing changed for %s: the values are the same\n"), d.code);
	return 0;
}

int cmd_desk_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_edit(ctx, argc, argv, false);
}

int cmd_room_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_edit(ctx, argc, argv, true);
}

/* ---- retire ---- */

static int place_retire(struct cli_ctx *ctx, int argc, char **argv, bool room)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = cli_place_family(room), .sub = "retire", .opts = opts };
	const char *from_text = NULL;
	hop_date from = HOP_DATE_NONE;
	struct hop_desk d;
	struct hop_err err;
	char day[HOP_DATE_ISO_LEN];
	int rc, cancelled;

	while (cli_option(&a, argc, argv) == 'f')
		from_text = optarg;
	if ((rc = cli_place_one_code(&a, room)) || (rc = cli_open(ctx)))
		return rc;
	if (from_text && !cli_date(from_text, &from))
		return 2;
	if ((rc = cli_place_get(ctx, room, "retire", a.arg[0], &d)))
		return rc;
	if (desk_retire(&ctx->app, d.code, from, &cancelled, &err) != HOP_OK)
		return cli_fail(&err);
	date_format(from == HOP_DATE_NONE ? clock_today() : from, day);
	printf(ngettext("retired %s from %s; %d booking from that day on was cancelled\n",
	                "retired %s from %s; %d bookings from that day on were cancelled\n",
	                (unsigned long)cancelled), d.code, day, cancelled);
	return 0;
}

int cmd_desk_retire(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_retire(ctx, argc, argv, false);
}

int cmd_room_retire(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_retire(ctx, argc, argv, true);
}
