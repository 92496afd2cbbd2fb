/* hop book, cancel, bookings, who, free: desk and room bookings on the
 * command line.  Every rule is core's (booking.h); this file parses, calls
 * and prints sentences and tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"

#define PLACE_TEXT_MAX (HOP_CODE_MAX + HOP_PLACE_NAME_MAX + 64)
#define WHERE_TEXT_MAX (HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 8)

/* "desk 3.14", "meeting room R3.01 Spree". */
static char *place_text(enum desk_kind kind, const char *code, const char *name, char *buf,
                        size_t size)
{
	if (name && *name)
		/* TRANSLATORS: kind of place, its code and its name: "meeting room R3.01 Spree". */
		snprintf(buf, size, _("%s %s %s"), desk_kind_display(kind), code, name);
	else
		/* TRANSLATORS: kind of place and its code: "desk 3.14". */
		snprintf(buf, size, _("%s %s"), desk_kind_display(kind), code);
	return buf;
}

static char *where_text(const char *site, const char *floor, const char *zone, char *buf,
                        size_t size)
{
	snprintf(buf, size, "%s, %s, %s", site, floor, zone);
	return buf;
}

/* --am and --pm: a half each; both or neither: the whole day. */
static unsigned halves(bool am, bool pm)
{
	if (am == pm)
		return HALF_DAY;
	return am ? HALF_AM : HALF_PM;
}

/* Half days in tables: translated for people, stable words for files. */
static const char *half_cell(unsigned half, enum out_format fmt)
{
	if (fmt == OUT_TABLE)
		return half_label(half);
	return half == HALF_AM ? "am" : half == HALF_PM ? "pm" : "day";
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* ---- hop book ---- */

static void print_booked(const struct hop_booking *b)
{
	char place[PLACE_TEXT_MAX], where[WHERE_TEXT_MAX], when[HOP_DATE_HUMAN_LEN];

	place_text(b->kind, b->desk, b->desk_name, place, sizeof place);
	where_text(b->site, b->floor, b->zone, where, sizeof where);
	date_format_human(b->day, when, sizeof when);
	if (b->half == HALF_AM)
		printf(_("Booked %s (%s) for %s on %s, in the morning.\n"), place, where, b->name, when);
	else if (b->half == HALF_PM)
		printf(_("Booked %s (%s) for %s on %s, in the afternoon.\n"), place, where, b->name,
		       when);
	else
		printf(_("Booked %s (%s) for %s on %s, all day.\n"), place, where, b->name, when);
	if (b->kind != DESK_KIND_DESK && b->attendees > 1)
		printf(_("The room is booked for a group of %d.\n"), b->attendees);
}

/* Why hop chose the desk, when not by the usual order: next to a new
 * hire's mentor. */
static void print_why(const struct cli_ctx *ctx, const struct booking_request *rq,
                      const struct hop_booking *b, const struct booking_why *why)
{
	if (!why->near_mentor)
		return;
	if (!rq->for_login || !strcmp(rq->for_login, ctx->app.actor.person.login))
		printf(_("Chosen next to your mentor %s (desk %s).\n"), why->mentor_name,
		       why->mentor_desk);
	else
		printf(_("Chosen next to %s's mentor %s (desk %s).\n"), b->name, why->mentor_name,
		       why->mentor_desk);
}

/* One line per date, then a summary; exit 0 when every date was booked, 5
 * (conflict) when some or all were not. */
static int print_series(const struct series_item *v, size_t n)
{
	char when[HOP_DATE_HUMAN_LEN], place[PLACE_TEXT_MAX], advice[CLI_ADVICE_MAX];
	char why[sizeof v->msg + CLI_ADVICE_MAX];
	size_t booked = 0;

	for (size_t i = 0; i < n; i++) {
		date_format_human(v[i].day, when, sizeof when);
		if (v[i].status == HOP_OK && v[i].why.near_mentor) {
			printf(_("%s: booked %s, next to the mentor %s (desk %s)\n"), when,
			       place_text(v[i].kind, v[i].desk, NULL, place, sizeof place),
			       v[i].why.mentor_name, v[i].why.mentor_desk);
			booked++;
		} else if (v[i].status == HOP_OK) {
			printf(_("%s: booked %s\n"), when,
			       place_text(v[i].kind, v[i].desk, NULL, place, sizeof place));
			booked++;
		} else {
			snprintf(why, sizeof why, "%s%s", v[i].msg,
			         cli_advice(v[i].reason, &v[i].facts, advice, sizeof advice));
			printf(_("%s: not booked: %s\n"), when, why);
		}
	}
	printf(ngettext("Booked %zu of %zu day.\n", "Booked %zu of %zu days.\n", (unsigned long)n),
	       booked, n);
	if (booked == n)
		return 0;
	fprintf(stderr, "hop: ");
	fprintf(stderr, ngettext("%zu day of the series was not booked; the lines above say why\n",
	                         "%zu days of the series were not booked; the lines above say why\n",
	                         (unsigned long)(n - booked)), n - booked);
	return hop_exit_status(HOP_ECONFLICT);
}

int cmd_book(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "am", no_argument, NULL, 'a' },
		{ "pm", no_argument, NULL, 'p' },
		{ "for", required_argument, NULL, 'f' },
		{ "any", no_argument, NULL, 'y' },
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'A' },
		{ "near-team", no_argument, NULL, 'n' },
		{ "every", required_argument, NULL, 'e' },
		{ "until", required_argument, NULL, 'u' },
		{ "people", required_argument, NULL, 'P' },
		{ "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "book", .opts = opts };
	struct booking_request rq = { 0 };
	struct booking_why why = { 0 };
	const char *every = NULL, *until_text = NULL;
	bool am = false, pm = false;
	unsigned weekdays = 0;
	hop_date until = HOP_DATE_NONE;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': am = true; break;
		case 'p': pm = true; break;
		case 'f': rq.for_login = optarg; break;
		case 'y': rq.any = true; break;
		case 'z': rq.zone = optarg; break;
		case 'A':
			if (desk_attr_parse(optarg, &rq.attrs, &err) != HOP_OK)
				return cli_fail(&err);
			break;
		case 'n': rq.near_team = true; break;
		case 'e': every = optarg; break;
		case 'u': until_text = optarg; break;
		case 'P':
			if (!cli_int(optarg, 1, ROOM_CAPACITY_MAX, &rq.attendees))
				return cli_usage_error("book", NULL, _("--people needs a number from 1 to %d, "
				                       "not '%s'"), ROOM_CAPACITY_MAX, optarg);
			break;
		case 'N': rq.note = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 2, _("give the DATE to book, such as 2026-11-24 or "
	                       "tomorrow"))))
		return rc;
	if (a.n == 2)
		rq.desk = a.arg[1];
	else
		rq.any = true;      /* no desk named: hop chooses */
	/* Core's rule, asked before the database is opened: a misuse of the options. */
	if (booking_choice_check(&rq, &err) != HOP_OK) {
		char advice[CLI_ADVICE_MAX];
		return cli_usage_error("book", NULL, "%s%s", err.msg,
		                       cli_advice(err.reason, &err.facts, advice, sizeof advice));
	}
	if (!every != !until_text)
		return cli_usage_error("book", NULL, every ? _("--every needs --until DATE, the last "
		                       "day of the series") : _("--until goes with --every DAYS, the "
		                       "weekdays of the series"));
	if (every && weekdays_parse(every, &weekdays, &err) != HOP_OK)
		return cli_fail(&err);
	rq.half = halves(am, pm);
	if (!cli_date(a.arg[0], &rq.day))
		return 1;
	if (until_text && !cli_date(until_text, &until))
		return 1;
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &rq.for_login, login)))
		return rc;

	if (every) {
		struct series_item *items;
		size_t count;

		if (booking_book_series(&ctx->app, &rq, weekdays, until, &items, &count, &err) != HOP_OK)
			return cli_fail(&err);
		rc = print_series(items, count);
		free(items);
		return rc;
	} else {
		struct hop_booking made;

		rq.why = &why;
		if (booking_book(&ctx->app, &rq, &made, &err) != HOP_OK)
			return cli_fail(&err);
		print_booked(&made);
		print_why(ctx, &rq, &made, &why);
		return 0;
	}
}

/* ---- hop cancel ---- */

/* The name of whom the cancel was for, for the sentence that reports it. */
static const char *person_name(struct hop_app *app, const char *login, char *buf, size_t size)
{
	struct hop_person p;
	struct hop_err err;

	if (!login)
		snprintf(buf, size, "%s", app->actor.person.name);
	else if (person_get(app, login, &p, &err) == HOP_OK)
		snprintf(buf, size, "%s", p.name);
	else
		snprintf(buf, size, "%s", login);
	return buf;
}

int cmd_cancel(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "am", no_argument, NULL, 'a' },
		{ "pm", no_argument, NULL, 'p' },
		{ "for", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "cancel", .opts = opts };
	const char *for_login = NULL, *from_text = NULL, *to_text = NULL, *desk = NULL;
	char name[HOP_NAME_MAX + 1], d1[HOP_DATE_HUMAN_LEN], d2[HOP_DATE_HUMAN_LEN];
	char login[HOP_LOGIN_MAX + 1];
	bool am = false, pm = false;
	hop_date day, from, to;
	struct hop_err err;
	int c, rc, count = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': am = true; break;
		case 'p': pm = true; break;
		case 'f': for_login = optarg; break;
		case 'F': from_text = optarg; break;
		case 'T': to_text = optarg; break;
		}
	}
	if (c < 0)
		return a.rc;
	if (from_text || to_text) {
		if (!from_text || !to_text)
			return cli_usage_error("cancel", NULL, _("a stretch to cancel needs both --from "
			                       "DATE and --to DATE"));
		if (a.n > 0)
			return cli_usage_error("cancel", NULL, _("give either a DATE or --from and --to, "
			                       "not both ('%s')"), a.arg[0]);
		if (am || pm)
			return cli_usage_error("cancel", NULL, _("--am and --pm cancel half of one day; "
			                       "a stretch with --from and --to cancels whole days"));
		if (!cli_date(from_text, &from) || !cli_date(to_text, &to))
			return 1;
		if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &for_login, login)))
			return rc;
		if (booking_cancel_range(&ctx->app, from, to, for_login, &count, &err) != HOP_OK)
			return cli_fail(&err);
		person_name(&ctx->app, for_login, name, sizeof name);
		date_format_human(from, d1, sizeof d1);
		date_format_human(to, d2, sizeof d2);
		if (!count)
			printf(_("%s has no bookings from %s to %s; nothing to cancel.\n"), name, d1, d2);
		else
			printf(ngettext("Cancelled %d booking of %s from %s to %s.\n",
			                "Cancelled %d bookings of %s from %s to %s.\n",
			                (unsigned long)count), count, name, d1, d2);
		return 0;
	}
	if ((rc = cli_operands(&a, 1, 2, _("give the DATE of the booking to cancel, or --from "
	                       "and --to for a stretch"))))
		return rc;
	if (a.n == 2)
		desk = a.arg[1];
	if (!cli_date(a.arg[0], &day))
		return 1;
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &for_login, login)))
		return rc;
	if (booking_cancel(&ctx->app, day, desk, halves(am, pm), for_login, &count, &err) != HOP_OK)
		return cli_fail(&err);
	person_name(&ctx->app, for_login, name, sizeof name);
	date_format_human(day, d1, sizeof d1);
	/* The half named only when one was asked for: cancelling a day cancels
	 * whatever halves were booked, which need not be the whole day. */
	if (am || pm)
		printf(ngettext("Cancelled %d booking of %s on %s (%s).\n",
		                "Cancelled %d bookings of %s on %s (%s).\n", (unsigned long)count),
		       count, name, d1, half_label(halves(am, pm)));
	else
		printf(ngettext("Cancelled %d booking of %s on %s.\n",
		                "Cancelled %d bookings of %s on %s.\n", (unsigned long)count),
		       count, name, d1);
	return 0;
}

/* ---- hop bookings ---- */

int cmd_bookings(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mine", no_argument, NULL, 'm' },
		{ "person", required_argument, NULL, 'p' },
		{ "desk", required_argument, NULL, 'd' },
		{ "team", required_argument, NULL, 't' },
		{ "site", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "cancelled", no_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "day", "half", "place", "kind", "site", "floor", "zone", "login",
	                       "name", "team", "attendees", "note", "status" };
	const char *headers[] = { _("Day"), _("Half"), _("Place"), _("Kind"), _("Site"),
	                          _("Floor"), _("Zone"), _("Login"), _("Name"), _("Team"),
	                          _("People"), _("Note"), _("Status") };
	struct booking_filter f = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "bookings", .opts = opts, .format = &fmt };
	struct hop_booking_list l;
	struct out_table *t;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int c, rc, whose = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'm': f.mine = true; whose++; break;
		case 'p': f.person = optarg; whose++; break;
		case 'd': f.desk = optarg; whose++; break;
		case 't': f.team = optarg; break;
		case 's': f.site = optarg; break;
		case 'F':
			if (!cli_date(optarg, &f.from))
				return 1;
			break;
		case 'T':
			if (!cli_date(optarg, &f.to))
				return 1;
			break;
		case 'c': f.include_cancelled = true; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (whose > 1)
		return cli_usage_error("bookings", NULL, _("use one of --mine, --person and --desk"));
	/* Without a choice of whose bookings: one's own. */
	if (!whose && !f.team && !f.site)
		f.mine = true;
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &f.person, login)))
		return rc;
	if (booking_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 13, headers, keys, "KKKa124e63b7f");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_booking *b = &l.v[i];
		char day[HOP_DATE_ISO_LEN], people[16];
		const char *cells[13];

		snprintf(people, sizeof people, "%d", b->attendees);
		cells[0] = date_format(b->day, day);
		cells[1] = half_cell(b->half, fmt);
		cells[2] = b->desk;
		cells[3] = fmt == OUT_TABLE ? desk_kind_display(b->kind) : desk_kind_name(b->kind);
		cells[4] = b->site;
		cells[5] = b->floor;
		cells[6] = b->zone;
		cells[7] = or_null(b->login);
		cells[8] = b->hidden && fmt == OUT_TABLE ? _("(booked)") : or_null(b->name);
		cells[9] = or_null(b->team);
		cells[10] = people;
		cells[11] = or_null(b->note);
		cells[12] = b->cancelled ? (fmt == OUT_TABLE ? _("cancelled") : "cancelled")
		                         : (fmt == OUT_TABLE ? _("active") : "active");
		out_table_add(t, cells);
	}
	booking_list_free(&l);
	return out_table_done(t, stdout);
}

/* ---- hop who, hop free ---- */

/* The one DATE operand of 'hop who' and 'hop free': 0, or the exit status
 * after saying what is wrong with it. */
/* The day asked about: today when none is given (what people mean by
 * 'hop who'). */
static int one_day(struct cli_args *a, hop_date *day)
{
	int rc = cli_operands(a, 0, 1, "");

	*day = clock_today();
	if (!rc && a->n == 1 && !cli_date(a->arg[0], day))
		rc = 1;
	return rc;
}

int cmd_who(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "site", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "login", "team", "half", "place", "kind", "site", "floor",
	                       "zone" };
	const char *headers[] = { _("Name"), _("Login"), _("Team"), _("Half"), _("Place"),
	                          _("Kind"), _("Site"), _("Floor"), _("Zone") };
	const char *team = NULL, *site = NULL;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "who", .opts = opts, .format = &fmt };
	struct hop_who_list l;
	struct out_table *t;
	struct hop_err err;
	hop_date day;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 's': site = optarg; break;
		}
	}
	if ((rc = one_day(&a, &day)) || (rc = cli_open(ctx)))
		return rc;
	if (booking_who(&ctx->app, day, team, site, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 9, headers, keys, "TK5KKa123");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_who *b = &l.v[i];
		const char *cells[9];

		cells[0] = b->hidden && fmt == OUT_TABLE ? _("(booked)") : or_null(b->name);
		cells[1] = or_null(b->login);
		cells[2] = or_null(b->team);
		cells[3] = half_cell(b->half, fmt);
		cells[4] = b->desk;
		cells[5] = fmt == OUT_TABLE ? desk_kind_display(b->kind) : desk_kind_name(b->kind);
		cells[6] = b->site;
		cells[7] = b->floor;
		cells[8] = b->zone;
		out_table_add(t, cells);
	}
	booking_who_free(&l);
	return out_table_done(t, stdout);
}

int cmd_free(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "zone", required_argument, NULL, 'z' },
		{ "attr", required_argument, NULL, 'A' },
		{ "am", no_argument, NULL, 'a' },
		{ "pm", no_argument, NULL, 'p' },
		{ "site", required_argument, NULL, 's' },
		{ "desks", no_argument, NULL, 'd' },
		{ "rooms", no_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "place", "kind", "name", "site", "floor", "zone", "attributes",
	                       "capacity", "owner" };
	const char *headers[] = { _("Place"), _("Kind"), _("Name"), _("Site"), _("Floor"),
	                          _("Zone"), _("Attributes"), _("Capacity"), _("Fixed desk of") };
	struct desk_filter f = { .rooms = -1 };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "free", .opts = opts, .format = &fmt };
	bool am = false, pm = false, desks = false, rooms = false;
	struct hop_desk_list l;
	struct out_table *t;
	struct hop_err err;
	hop_date day;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'z': f.zone = optarg; break;
		case 'A':
			if (desk_attr_parse(optarg, &f.attrs, &err) != HOP_OK)
				return cli_fail(&err);
			break;
		case 'a': am = true; break;
		case 'p': pm = true; break;
		case 's': f.site = optarg; break;
		case 'd': desks = true; break;
		case 'r': rooms = true; break;
		}
	}
	if ((rc = one_day(&a, &day)) || (rc = cli_open(ctx)))
		return rc;
	if (desks != rooms)
		f.rooms = rooms ? 1 : 0;
	if (booking_free(&ctx->app, day, halves(am, pm), &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 9, headers, keys, "Ka31256e2");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_desk *d = &l.v[i];
		char attrs[128], capacity[16];
		const char *cells[9];

		snprintf(capacity, sizeof capacity, "%d", d->capacity);
		cells[0] = d->code;
		cells[1] = fmt == OUT_TABLE ? desk_kind_display(d->kind) : desk_kind_name(d->kind);
		cells[2] = or_null(d->name);
		cells[3] = d->zone.site;
		cells[4] = d->zone.floor;
		cells[5] = d->zone.name;
		cells[6] = or_null(fmt == OUT_TABLE ? desk_attr_display(d->attrs, attrs, sizeof attrs) :
		                   desk_attr_format(d->attrs, attrs, sizeof attrs));
		cells[7] = capacity;
		cells[8] = or_null(d->owner_name);
		out_table_add(t, cells);
	}
	desk_list_free(&l);
	return out_table_done(t, stdout);
}
