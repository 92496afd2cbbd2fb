/* hop desk|room add|list|show|edit|retire and hop import desks.  Desks and
 * rooms are one kind of record in core, so each pair of commands shares one
 * handler here, told apart by a family flag. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/import/import.h"
#include "hop/core/places/place.h"

/* How many coming bookings 'show' lists. */
#define SHOW_BOOKINGS 20

static const char *family(bool room)
{
	return room ? "room" : "desk";
}

static const char *or_null(const char *s)
{
	return *s ? s : NULL;
}

/* "active", "retired since 2026-11-23" or "retires on 2026-12-01". */
static const char *status_text(const struct hop_desk *d, char *buf, size_t size)
{
	char day[HOP_DATE_ISO_LEN];

	if (d->retired == HOP_DATE_NONE)
		snprintf(buf, size, "%s", _("active"));
	else if (d->retired <= clock_today())
		snprintf(buf, size, _("retired since %s"), date_format(d->retired, day));
	else
		snprintf(buf, size, _("retires on %s"), date_format(d->retired, day));
	return buf;
}

static int one_code(bool room, const char *sub, int argc, char **argv)
{
	if (optind >= argc)
		return cli_usage_error(family(room), sub, room ? _("give the CODE of the room")
		                       : _("give the CODE of the desk"));
	if (argc - optind > 1)
		return cli_usage_error(family(room), sub, _("unexpected argument '%s'"),
		                       argv[optind + 1]);
	return 0;
}

/* The place CODE, which must be of the command's family (a desk is not
 * retired by 'hop room retire'). */
static int get_family(struct cli_ctx *ctx, bool room, const char *sub, const char *code,
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
		return cli_usage_error(family(room), sub, _("%s: '%.40s...' is %zu bytes long; the "
		                       "limit is %zu bytes"), opt, src, strlen(src), size - 1);
	snprintf(dst, size, "%s", src);
	return 0;
}

static int parse_capacity(bool room, const char *sub, const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	/* Core says why a room needs more than one. */
	if (!*text || *end || v < 1 || v > ROOM_CAPACITY_MAX)
		return cli_usage_error(family(room), sub, _("--capacity wants a number of people "
		                       "from %d to %d, not '%s'"), ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX,
		                       text);
	*out = (int)v;
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
	struct desk_spec spec = { .kind = DESK_KIND_DESK, .bookable = BOOKABLE_ALL };
	struct hop_desk d;
	struct hop_err err;
	bool kind_given = false;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", room ? room_opts : desk_opts, NULL)) != -1) {
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
			if ((rc = copy_arg(room, "add", "--owner", spec.owner, sizeof spec.owner, optarg)))
				return rc;
			break;
		case 'a':
			if (desk_attr_parse(optarg, &spec.attrs, &err) != HOP_OK)
				return cli_usage_error(family(room), "add", "--attr: %s", err.msg);
			break;
		case 'b':
			if (desk_bookable_parse(optarg, &spec.bookable, &err) != HOP_OK)
				return cli_usage_error(family(room), "add", "--bookable: %s", err.msg);
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
		default: return cli_bad_option(family(room), "add", argv, c);
		}
	}
	if ((rc = one_code(room, "add", argc, argv)))
		return rc;
	if ((rc = copy_arg(room, "add", "CODE", spec.code, sizeof spec.code, argv[optind])))
		return rc;
	if (!spec.zone[0])
		return cli_usage_error(family(room), "add", _("say where it is with --zone ZONE "
		                       "(SITE/FLOOR/ZONE or the zone's name; 'hop zone list' shows "
		                       "them)"));
	if (room && !kind_given)
		return cli_usage_error("room", "add", _("say which kind of room with --kind "
		                       "team-room, creative-room or meeting-room"));
	if (room && !spec.capacity)
		return cli_usage_error("room", "add", _("say for how many people with --capacity N "
		                       "(%d to %d)"), ROOM_CAPACITY_MIN, ROOM_CAPACITY_MAX);
	if ((rc = cli_open(ctx)))
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

/* ---- list ---- */

static int place_list(struct cli_ctx *ctx, int argc, char **argv, bool room)
{
	static const struct option opts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'a' },
		{ "all", no_argument, NULL, 'A' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *desk_keys[] = { "code", "site", "floor", "zone", "attributes", "owner",
	                            "status" };
	const char *desk_headers[] = { _("Desk"), _("Site"), _("Floor"), _("Zone"),
	                               _("Attributes"), _("Owner"), _("Status") };
	const char *room_keys[] = { "code", "name", "kind", "capacity", "site", "floor", "zone",
	                            "attributes", "bookable_by", "status" };
	const char *room_headers[] = { _("Room"), _("Name"), _("Kind"), _("Capacity"), _("Site"),
	                               _("Floor"), _("Zone"), _("Attributes"), _("Bookable by"),
	                               _("Status") };
	struct desk_filter f = { .rooms = room };
	enum out_format fmt = OUT_TABLE;
	struct hop_desk_list l;
	struct out_table *t;
	struct hop_err err;
	size_t ncols = room ? 10 : 7;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's': f.site = optarg; break;
		case 'z': f.zone = optarg; break;
		case 'A': f.include_retired = true; break;
		case 'a':
			if (desk_attr_parse(optarg, &f.attrs, &err) != HOP_OK)
				return cli_usage_error(family(room), "list", "--attr: %s", err.msg);
			break;
		case 'f':
			if ((rc = out_format_option(family(room), "list", optarg, &fmt)))
				return rc;
			break;
		default: return cli_bad_option(family(room), "list", argv, c);
		}
	}
	if (optind < argc)
		return cli_usage_error(family(room), "list", _("unexpected argument '%s'"),
		                       argv[optind]);
	if ((rc = cli_open(ctx)))
		return rc;
	if (desk_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = room ? out_table_new(fmt, ncols, room_headers, room_keys)
	         : out_table_new(fmt, ncols, desk_headers, desk_keys);
	if (!t) {
		desk_list_free(&l);
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_desk *d = &l.v[i];
		char attrs[128], status[64], capacity[16];
		const char *cells[10];

		desk_attr_format(d->attrs, attrs, sizeof attrs);
		status_text(d, status, sizeof status);
		if (room) {
			snprintf(capacity, sizeof capacity, "%d", d->capacity);
			cells[0] = d->code;
			cells[1] = or_null(d->name);
			cells[2] = desk_kind_name(d->kind);
			cells[3] = capacity;
			cells[4] = d->zone.site;
			cells[5] = d->zone.floor;
			cells[6] = d->zone.name;
			cells[7] = or_null(attrs);
			cells[8] = desk_bookable_name(d->bookable);
			cells[9] = status;
		} else {
			cells[0] = d->code;
			cells[1] = d->zone.site;
			cells[2] = d->zone.floor;
			cells[3] = d->zone.name;
			cells[4] = or_null(attrs);
			cells[5] = or_null(d->owner_login);
			cells[6] = status;
		}
		out_table_add(t, cells);
	}
	out_table_print(t, stdout);
	out_table_free(t);
	desk_list_free(&l);
	return 0;
}

int cmd_desk_list(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_list(ctx, argc, argv, false);
}

int cmd_room_list(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_list(ctx, argc, argv, true);
}

/* ---- show ---- */

static void show_bookings(struct cli_ctx *ctx, const struct hop_desk *d)
{
	const char *keys[] = { "day", "half", "login", "name", "attendees" };
	const char *headers[] = { _("Day"), _("Half"), _("Login"), _("Name"), _("People") };
	struct booking_filter f = { .desk = d->code, .from = clock_today(), .to = HOP_DATE_NONE };
	struct hop_booking_list l;
	struct out_table *t;
	struct hop_err err;
	size_t shown;

	if (booking_list(&ctx->app, &f, &l, &err) != HOP_OK) {
		fprintf(stderr, "hop: %s\n", err.msg);
		return;
	}
	putchar('\n');
	if (l.n == 0) {
		printf("%s\n", _("No bookings from today on."));
		booking_list_free(&l);
		return;
	}
	printf("%s\n", _("Next bookings:"));
	t = out_table_new(OUT_TABLE, d->kind == DESK_KIND_DESK ? 4 : 5, headers, keys);
	if (!t) {
		booking_list_free(&l);
		return;
	}
	shown = l.n < SHOW_BOOKINGS ? l.n : SHOW_BOOKINGS;
	for (size_t i = 0; i < shown; i++) {
		const struct hop_booking *b = &l.v[i];
		char day[HOP_DATE_ISO_LEN], people[16];
		const char *half = half_display(b->half);
		const char *cells[5];

		snprintf(people, sizeof people, "%d", b->attendees);
		cells[0] = date_format(b->day, day);
		cells[1] = *half ? half : _("day");
		cells[2] = b->hidden ? NULL : or_null(b->login);
		cells[3] = b->hidden ? _("booked") : b->name;
		cells[4] = people;
		out_table_add(t, cells);
	}
	out_table_print(t, stdout);
	out_table_free(t);
	if (l.n > shown)
		printf(_("... and %zu more ('hop bookings --desk %s' lists them all)\n"), l.n - shown,
		       d->code);
	booking_list_free(&l);
}

/* "Label:" padded to 12 display columns (not bytes: "Kapazität:"), then the
 * value. */
static void show_line(const char *label, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void show_line(const char *label, const char *fmt, ...)
{
	va_list ap;

	out_label(stdout, label, 12);
	putchar(' ');
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int place_show(struct cli_ctx *ctx, int argc, char **argv, bool room)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct hop_desk d;
	char attrs[128], status[64];
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cli_bad_option(family(room), "show", argv, c);
	if ((rc = one_code(room, "show", argc, argv)))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if ((rc = get_family(ctx, room, "show", argv[optind], &d)))
		return rc;
	show_line(_("Code:"), "%s", d.code);
	show_line(_("Kind:"), "%s", desk_kind_display(d.kind));
	if (d.name[0])
		show_line(_("Name:"), "%s", d.name);
	if (room)
		show_line(_("Capacity:"), "%d", d.capacity);
	show_line(_("Site:"), "%s", d.zone.site);
	show_line(_("Floor:"), "%s (%s %d)", d.zone.floor, _("level"), d.zone.level);
	show_line(_("Zone:"), "%s", d.zone.name);
	show_line(_("Zone team:"), "%s", d.zone.team[0] ? d.zone.team : _("(none)"));
	desk_attr_format(d.attrs, attrs, sizeof attrs);
	show_line(_("Attributes:"), "%s", attrs[0] ? attrs : _("(none)"));
	if (!room) {
		if (d.owner_login[0])
			show_line(_("Owner:"), "%s (%s)", d.owner_name, d.owner_login);
		else
			show_line(_("Owner:"), "%s", _("(none: a shared desk)"));
	}
	show_line(_("Bookable by:"), "%s", desk_bookable_name(d.bookable));
	show_line(_("Status:"), "%s", status_text(&d, status, sizeof status));
	show_bookings(ctx, &d);
	return 0;
}

int cmd_desk_show(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_show(ctx, argc, argv, false);
}

int cmd_room_show(struct cli_ctx *ctx, int argc, char **argv)
{
	return place_show(ctx, argc, argv, true);
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
	struct desk_spec spec = { 0 };
	struct hop_desk d;
	struct hop_err err;
	unsigned fields = 0;
	char changes[2048];
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", room ? room_opts : desk_opts, NULL)) != -1) {
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
			if ((rc = copy_arg(room, "edit", "--owner", spec.owner, sizeof spec.owner,
			                   optarg)))
				return rc;
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
				return cli_usage_error(family(room), "edit", "--attr: %s", err.msg);
			fields |= DF_ATTRS;
			break;
		case 'b':
			if (desk_bookable_parse(optarg, &spec.bookable, &err) != HOP_OK)
				return cli_usage_error(family(room), "edit", "--bookable: %s", err.msg);
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
		default: return cli_bad_option(family(room), "edit", argv, c);
		}
	}
	if ((rc = one_code(room, "edit", argc, argv)))
		return rc;
	if (!fields)
		return cli_usage_error(family(room), "edit", room
		                       ? _("nothing to change; give --zone, --name, --capacity, "
		                           "--attr, --bookable, --code or --activate")
		                       : _("nothing to change; give --zone, --attr, --owner, "
		                           "--no-owner, --bookable, --name, --code or --activate"));
	if ((rc = cli_open(ctx)))
		return rc;
	if ((rc = get_family(ctx, room, "edit", argv[optind], &d)))
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
	const char *from_text = NULL;
	hop_date from = HOP_DATE_NONE;
	struct hop_desk d;
	struct hop_err err;
	char day[HOP_DATE_ISO_LEN];
	int c, rc, cancelled;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from_text = optarg; break;
		default: return cli_bad_option(family(room), "retire", argv, c);
		}
	}
	if ((rc = one_code(room, "retire", argc, argv)))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (from_text && !cli_date(from_text, &from))
		return 2;
	if ((rc = get_family(ctx, room, "retire", argv[optind], &d)))
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

/* ---- import ---- */

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
