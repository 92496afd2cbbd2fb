/* hop presence set, default, show: where a person works each day.  Every
 * rule (working days, permissions, desks kept consistent) is core's
 * (presence.h); this file parses, calls and prints. */
#include <stdio.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "cmd_presence.h"

/* "2026-11-24" or "2026-11-24..2026-11-27" (any date form on each side). */
static bool parse_range(const char *text, hop_date *from, hop_date *to)
{
	char buf[128];
	const char *dots = strstr(text, "..");
	size_t n;

	if (!dots)
		return cli_date(text, from) && ((*to = *from), true);
	n = (size_t)(dots - text);
	if (n >= sizeof buf) {
		cli_failf(HOP_EINVAL, _("'%.40s...' is not a date; use YYYY-MM-DD or DD.MM.YYYY"),
		          text);
		return false;
	}
	memcpy(buf, text, n);
	buf[n] = '\0';
	return cli_date(buf, from) && cli_date(dots + 2, to);
}

int cli_week_arg(const char *text, hop_date *monday)
{
	struct hop_err err;
	hop_date today = clock_today();

	if (!text) {
		*monday = today - (date_weekday(today) - 1);
		return 0;
	}
	if (date_parse_week(text, today, monday, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}

static void print_item(const struct presence_item *it, enum presence_loc loc)
{
	char when[HOP_DATE_HUMAN_LEN], advice[CLI_ADVICE_MAX], why[HOP_WHY_MAX + CLI_ADVICE_MAX];

	date_format_human(it->day, when, sizeof when);
	if (it->skipped)
		printf(_("%s: skipped: %s\n"), when, it->why);
	else if (loc == LOC_OFFICE && it->had_desk)
		printf(_("%s: office, desk %s (already booked)\n"), when, it->desk);
	else if (loc == LOC_OFFICE && *it->desk)
		printf(_("%s: office, desk %s booked\n"), when, it->desk);
	else if (loc == LOC_OFFICE && it->no_desk) {
		snprintf(why, sizeof why, "%s%s", it->why,
		         cli_advice(it->reason, &it->facts, advice, sizeof advice));
		printf(_("%s: office, no desk free: %s\n"), when, why);
	} else if (it->cancelled)
		printf(ngettext("%s: %s; %d desk booking cancelled\n",
		                "%s: %s; %d desk bookings cancelled\n", (unsigned long)it->cancelled),
		       when, presence_loc_display(loc), it->cancelled);
	else
		printf(_("%s: %s\n"), when, presence_loc_display(loc));
}

/* After a change, the person hears what their lead would see marked '!':
 * the week's deviations from the office agreement (five home days, too few
 * office days).  A note, not a refusal; who may not see the team's check
 * hears nothing more. */
static void own_week_notes(struct cli_ctx *ctx, const char *login, hop_date from, hop_date to)
{
	struct agreement_list l = { 0 };
	struct hop_person p;
	struct hop_err err;

	fflush(stdout);   /* after the lines of the change, also through a pipe */
	if (person_get(&ctx->app, login ? login : ctx->app.actor.login, &p, &err) != HOP_OK ||
	    !p.team[0])
		return;
	if (agreement_check(&ctx->app, p.team, from, to, &l, &err) == HOP_OK)
		for (size_t i = 0; i < l.n; i++)
			if (l.v[i].person_id == p.id)
				fprintf(stderr, _("hop: note: %s\n"), l.v[i].text);
	agreement_list_free(&l);
}

int cmd_presence_set(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "for", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "presence", .sub = "set", .opts = opts, .shortopts = "n:f:" };
	const char *note = NULL, *login = NULL;
	struct presence_result res;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	enum presence_loc loc;
	hop_date from, to;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': note = optarg; break;
		case 'f': login = optarg; break;
		}
	}
	if (c < 0)
		return a.rc;
	if (a.n != 2)
		return cli_usage_error("presence", "set", _("give a date (or FROM..TO) and a "
		                       "location: hop presence set tue home"));
	if (presence_loc_parse(a.arg[1], &loc, &err) != HOP_OK)
		return cli_usage_error("presence", "set", "%s", err.msg);
	if (!parse_range(a.arg[0], &from, &to))
		return 1;
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
		return rc;
	if (presence_set(&ctx->app, login, from, to, loc, note, &res, &err) != HOP_OK)
		return cli_fail(&err);
	for (size_t i = 0; i < res.n; i++) {
		print_item(&res.v[i], loc);
		if (*res.v[i].training)
			fprintf(stderr, _("hop: warning: %s\n"), res.v[i].training);
	}
	if (res.n > 1)
		printf(ngettext("Set %d day to %s", "Set %d days to %s", (unsigned long)res.set),
		       res.set, presence_loc_display(loc));
	if (res.n > 1 && res.skipped)
		printf(ngettext("; %d day skipped (not a working day).\n",
		                "; %d days skipped (not working days).\n", (unsigned long)res.skipped),
		       res.skipped);
	else if (res.n > 1)
		printf(".\n");
	presence_result_free(&res);
	own_week_notes(ctx, login, from, to);
	return 0;
}

int cmd_presence_clear(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "presence", .sub = "clear", .opts = opts, .shortopts = "f:" };
	const char *login = NULL;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	hop_date from, to;
	int c, rc, cleared;

	while ((c = cli_option(&a, argc, argv)) == 'f')
		login = optarg;
	if (c < 0)
		return a.rc;
	if (a.n != 1)
		return cli_usage_error("presence", "clear", _("give a date (or FROM..TO): "
		                       "hop presence clear tue"));
	if (!parse_range(a.arg[0], &from, &to))
		return 1;
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
		return rc;
	if (presence_clear(&ctx->app, login, from, to, &cleared, &err) != HOP_OK)
		return cli_fail(&err);
	if (cleared)
		printf(ngettext("Cleared %d day; the weekly default applies there again.\n",
		                "Cleared %d days; the weekly default applies there again.\n",
		                (unsigned long)cleared), cleared);
	else
		printf(_("No day in that range had a location of its own; nothing changed.\n"));
	return 0;
}

static void print_defaults(const char *name, const enum presence_loc d[PRESENCE_DAYS])
{
	static const char *const days[PRESENCE_DAYS] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	};

	printf(_("Weekly default of %s:"), name);
	for (int i = 0; i < PRESENCE_DAYS; i++)
		printf(" %s %s%s", _(days[i]), d[i] == LOC_NONE ? "-" : presence_loc_display(d[i]),
		       i + 1 < PRESENCE_DAYS ? "," : "\n");
}

int cmd_presence_default(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "presence", .sub = "default", .opts = opts,
	                      .shortopts = "f:" };
	const char *login = NULL;
	enum presence_loc d[PRESENCE_DAYS];
	struct hop_person p;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) == 'f')
		login = optarg;
	if (c < 0)
		return a.rc;
	if (a.n > 1)
		return cli_usage_error("presence", "default", _("give the defaults as one argument: "
		                       "mon=office,tue=home,wed=home"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
		return rc;
	if (a.n == 1 && presence_default_set(&ctx->app, login, a.arg[0], &err) != HOP_OK)
		return cli_fail(&err);
	if (presence_default_get(&ctx->app, login, d, &err) != HOP_OK)
		return cli_fail(&err);
	if (person_get(&ctx->app, login ? login : ctx->app.actor.login, &p, &err) != HOP_OK)
		return cli_fail(&err);
	print_defaults(p.name, d);
	return 0;
}

static const char *source_key(enum presence_source s)
{
	return s == PSRC_DAY ? "day" : s == PSRC_DEFAULT ? "default" : s == PSRC_BOOKING ? "booking"
	     : s == PSRC_ONBOARDING ? "onboarding" : s == PSRC_SECONDMENT ? "secondment" : "";
}

static const char *source_display(enum presence_source s)
{
	return s == PSRC_DAY ? _("set for the day") : s == PSRC_DEFAULT ? _("weekly default")
	     : s == PSRC_BOOKING ? _("desk booked") : s == PSRC_ONBOARDING ? _("Onboarding")
	     : s == PSRC_SECONDMENT ? _("secondment outside") : "";
}

int cmd_presence_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "for", required_argument, NULL, 'p' },
		{ "week", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *headers[] = { _("Day"), _("Location"), _("Source"), _("Desk"), _("Note"),
	                          _("Set by") };
	static const char *const keys[] = { "day", "location", "source", "desk", "note", "set_by" };
	const char *login = NULL, *week = NULL;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "presence", .sub = "show", .opts = opts,
	                      .shortopts = "p:w:F:", .format = &fmt };
	struct presence_day_entry days[PRESENCE_DAYS];
	struct hop_person p;
	struct out_table *t;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	char label[80];
	hop_date monday;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'p': login = optarg; break;
		case 'w': week = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_week_arg(week, &monday)) ||
	    (rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
		return rc;
	if (presence_person_week(&ctx->app, login, monday, &p, days, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		printf("%s · %s\n\n", p.name, presence_week_label(monday, label, sizeof label));
	t = out_table_new(fmt, 6, headers, keys, "KKbcW1");
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		char when[HOP_DATE_HUMAN_LEN], desk[HOP_CODE_MAX + 16];
		const struct presence_day_entry *e = &days[d];
		const char *cells[6];

		if (fmt == OUT_TABLE)
			date_format_human(e->day, when, sizeof when);
		else
			date_format(e->day, when);
		snprintf(desk, sizeof desk, "%s%s%s", e->desk,
		         *e->desk && e->desk_half != HALF_DAY ? " " : "",
		         *e->desk && e->desk_half != HALF_DAY ? half_display(e->desk_half) : "");
		cells[0] = when;
		if (!e->working) {
			cells[1] = NULL;
			cells[2] = NULL;
			cells[3] = NULL;
			cells[4] = e->why;
			cells[5] = NULL;
		} else {
			cells[1] = fmt == OUT_TABLE ? presence_loc_display(e->loc)
			                            : out_or_null(presence_loc_name(e->loc));
			cells[2] = out_or_null(fmt == OUT_TABLE ? source_display(e->source)
			                                        : source_key(e->source));
			cells[3] = out_or_null(desk);
			cells[4] = out_or_null(e->note);
			/* Someone else set the day (a lead): by name here, by login for programs. */
			cells[5] = out_or_null(fmt == OUT_TABLE ? e->set_by : e->set_by_login);
		}
		out_table_add(t, cells);
	}
	return out_table_done(t, stdout);
}
