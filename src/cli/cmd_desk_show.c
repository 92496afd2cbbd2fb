/* hop desk|room list|show: reading desks and rooms, with a place's coming
 * bookings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "cmd_desk.h"

/* How many coming bookings 'show' lists. */
#define SHOW_BOOKINGS 20

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
	struct cli_args a = { .name = cli_place_family(room), .sub = "list", .opts = opts,
	                      .format = &fmt };
	struct hop_desk_list l;
	struct out_table *t;
	struct hop_err err;
	size_t ncols = room ? 10 : 7;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 's': f.site = optarg; break;
		case 'z': f.zone = optarg; break;
		case 'A': f.include_retired = true; break;
		case 'a':
			if (desk_attr_parse(optarg, &f.attrs, &err) != HOP_OK)
				return cli_usage_error(cli_place_family(room), "list", "--attr: %s",
				                       err.msg);
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (desk_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = room ? out_table_new(fmt, ncols, room_headers, room_keys, "KTcK1235ba")
	         : out_table_new(fmt, ncols, desk_headers, desk_keys, "K1245cb");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_desk *d = &l.v[i];
		char attrs[128], status[64], capacity[16];
		const char *cells[10];

		if (fmt == OUT_TABLE)
			desk_attr_display(d->attrs, attrs, sizeof attrs);
		else
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
	desk_list_free(&l);
	return out_table_done(t, stdout);
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
	t = out_table_new(OUT_TABLE, d->kind == DESK_KIND_DESK ? 4 : 5, headers, keys, "KKKTa");
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
	struct cli_args a = { .name = cli_place_family(room), .sub = "show", .opts = opts,
	                      .table = true };
	struct hop_desk d;
	char attrs[128], status[64];
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_place_one_code(&a, room)) || (rc = cli_open(ctx)))
		return rc;
	if ((rc = cli_place_get(ctx, room, "show", a.arg[0], &d)))
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
	desk_attr_display(d.attrs, attrs, sizeof attrs);
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
