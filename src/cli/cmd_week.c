/* hop week, check, forecast: a team's week as text (for mail and print), the
 * office agreement report, and the desks forecast. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "cmd_presence.h"

#define NAME_COLS 24
#define DAY_COLS 14

static const char *const day_abbr[PRESENCE_DAYS] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
};

/* s cut to cols display columns (a code point a column: names and codes are
 * Latin script) and padded with blanks; a cut name ends in "…". */
static void put_cell(const char *s, int cols, bool last)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = out_display_width(s);

	if (w < 0 || w > cols) {
		int n = 0;
		while (*p && n < cols - 1) {
			do
				putchar(*p++);
			while ((*p & 0xc0) == 0x80);
			n++;
		}
		fputs("…", stdout);
		w = cols;
	} else {
		fputs(s, stdout);
	}
	for (; !last && w < cols; w++)
		putchar(' ');
}

static void print_grid(const struct presence_week *w)
{
	char label[80], buf[64];

	printf("%s · %s\n\n", w->team.name, presence_week_label(w->monday, label, sizeof label));
	put_cell(_("Name"), NAME_COLS, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		int y, m, dd;
		date_to_ymd(w->days[d].day, &y, &m, &dd);
		snprintf(buf, sizeof buf, "%s %d.%d.%s", _(day_abbr[d]), dd, m,
		         w->days[d].team_day ? "*" : !w->days[d].working ? "#" : "");
		putchar(' ');
		put_cell(buf, DAY_COLS, d == PRESENCE_DAYS - 1);
	}
	putchar('\n');
	for (size_t i = 0; i < w->nrows; i++) {
		const struct presence_row *r = &w->rows[i];
		snprintf(buf, sizeof buf, "%.60s%s", r->person.name, r->deviations ? " !" : "");
		put_cell(buf, NAME_COLS, false);
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			const struct presence_cell *c = &r->days[d];
			if (!w->days[d].working)
				snprintf(buf, sizeof buf, "-");
			else
				snprintf(buf, sizeof buf, "%s%s%.10s%s", presence_loc_code(c->loc),
				         *c->desk ? " " : "", c->desk, c->deviation ? " !" : "");
			putchar(' ');
			put_cell(buf, DAY_COLS, d == PRESENCE_DAYS - 1);
		}
		putchar('\n');
	}
	putchar('\n');
	put_cell(_("In office"), NAME_COLS, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		snprintf(buf, sizeof buf, "%d/%zu", w->days[d].in_office, w->nrows);
		putchar(' ');
		put_cell(w->days[d].working ? buf : "-", DAY_COLS, d == PRESENCE_DAYS - 1);
	}
	putchar('\n');
	put_cell(_("Desks free"), NAME_COLS, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		snprintf(buf, sizeof buf, "%d/%d", w->days[d].desks_free, w->days[d].desks);
		putchar(' ');
		put_cell(w->days[d].working ? buf : "-", DAY_COLS, d == PRESENCE_DAYS - 1);
	}
	printf("\n\n");
	printf(_("%s %s, %s %s, %s %s, %s %s, %s %s, %s not set\n"),
	       presence_loc_code(LOC_OFFICE), presence_loc_display(LOC_OFFICE),
	       presence_loc_code(LOC_HOME), presence_loc_display(LOC_HOME),
	       presence_loc_code(LOC_MOBILE), presence_loc_display(LOC_MOBILE),
	       presence_loc_code(LOC_AWAY), presence_loc_display(LOC_AWAY),
	       presence_loc_code(LOC_TRIP), presence_loc_display(LOC_TRIP),
	       presence_loc_code(LOC_NONE));
	printf(_("* presence day, # not a working day, ! deviation from the office agreement\n"));
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		char when[HOP_DATE_HUMAN_LEN];
		date_format_human(w->days[d].day, when, sizeof when);
		if (!w->days[d].working)
			printf("# %s\n", w->days[d].why);
		else if (w->days[d].team_day && *w->days[d].team_day_note)
			printf(_("* %s: presence day (%s)\n"), when, w->days[d].team_day_note);
		else if (w->days[d].team_day)
			printf(_("* %s: presence day\n"), when);
	}
	for (size_t k = 0; k < w->dev.n; k++)
		printf("! %s: %s\n", w->dev.v[k].name, w->dev.v[k].text);
}

/* The week as rows for a spreadsheet or a program: a person and a day each. */
static int print_rows(const struct presence_week *w, enum out_format fmt)
{
	static const char *const keys[] = { "login", "name", "day", "location", "desk", "half",
	                                     "note", "team_day", "working", "set_by" };
	const char *headers[] = { _("Login"), _("Name"), _("Day"), _("Location"), _("Desk"),
	                          _("Half"), _("Note"), _("Presence day"), _("Working day"),
	                          _("Set by") };
	struct out_table *t = out_table_new(fmt, 10, headers, keys);

	for (size_t i = 0; i < w->nrows; i++) {
		const struct presence_row *r = &w->rows[i];
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			const struct presence_cell *c = &r->days[d];
			char day[11];
			const char *cells[10] = {
				r->person.login, r->person.name, date_format(w->days[d].day, day),
				c->loc == LOC_NONE ? "" : presence_loc_name(c->loc), c->desk,
				c->desk[0] ? (c->desk_half == HALF_AM ? "am" : c->desk_half == HALF_PM ?
				              "pm" : "day") : "",
				c->note, w->days[d].team_day ? "yes" : "no",
				w->days[d].working ? "yes" : "no", c->set_by_login,
			};
			out_table_add(t, cells);
		}
	}
	return out_table_done(t, stdout);
}

int cmd_week(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "week", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "week", .opts = opts, .shortopts = "t:w:F:", .format = &fmt };
	const char *team = NULL, *week = NULL;
	struct presence_week w;
	struct hop_err err;
	hop_date monday;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'w': week = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_week_arg(week, &monday)) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (presence_week(&ctx->app, team, monday, &w, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		print_grid(&w);
	else
		rc = print_rows(&w, fmt);
	presence_week_free(&w);
	return rc;
}

int cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "week", required_argument, NULL, 'w' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *headers[] = { _("Week"), _("Name"), _("Login"), _("Day"), _("Rule"),
	                          _("Explanation") };
	static const char *const keys[] = { "week", "name", "login", "day", "rule", "text" };
	const char *team = NULL, *week = NULL;
	hop_date from = HOP_DATE_NONE, to = HOP_DATE_NONE, monday;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "check", .opts = opts, .shortopts = "t:w:f:T:F:",
	                      .format = &fmt };
	struct agreement_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'w': week = optarg; break;
		case 'f': if (!cli_date(optarg, &from)) return 1; break;
		case 'T': if (!cli_date(optarg, &to)) return 1; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (week && (from != HOP_DATE_NONE || to != HOP_DATE_NONE))
		return cli_usage_error("check", NULL, _("give either --week or --from and --to"));
	if ((from == HOP_DATE_NONE) != (to == HOP_DATE_NONE))
		return cli_usage_error("check", NULL, _("--from and --to go together"));
	if (from == HOP_DATE_NONE) {
		if ((rc = cli_week_arg(week, &monday)))
			return rc;
		from = monday;
		to = monday + 4;
	}
	if ((rc = cli_open(ctx)))
		return rc;
	/* Without --team: the actor's own team, or everyone for one without. */
	if (!team && ctx->app.actor.known && ctx->app.actor.person.team_id)
		team = ctx->app.actor.person.team;
	if (agreement_check(&ctx->app, team, from, to, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 6, headers, keys);
	for (size_t i = 0; i < l.n; i++) {
		const struct agreement_deviation *d = &l.v[i];
		char wk[16], day[HOP_DATE_ISO_LEN];
		const char *cells[6];

		snprintf(wk, sizeof wk, "%04d-W%02d", d->iso_year, d->iso_week);
		cells[0] = wk;
		cells[1] = d->name;
		cells[2] = d->login;
		cells[3] = d->day == HOP_DATE_NONE ? NULL : date_format(d->day, day);
		cells[4] = agreement_rule_name(d->rule);
		cells[5] = d->text;
		out_table_add(t, cells);
	}
	if (l.n || fmt != OUT_TABLE)
		out_table_print(t, stdout);
	out_table_free(t);
	if (fmt == OUT_TABLE)
		printf(ngettext("%zu deviation from the office agreement.\n",
		                "%zu deviations from the office agreement.\n", (unsigned long)l.n), l.n);
	agreement_list_free(&l);
	return 0;
}

int cmd_forecast(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "week", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *headers[] = { _("Day"), _("Planned in"), _("Desks"), _("Booked"), _("Note") };
	static const char *const keys[] = { "day", "planned", "desks", "booked", "note" };
	const char *site = NULL, *week = NULL;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "forecast", .opts = opts, .shortopts = "s:w:F:",
	                      .format = &fmt };
	struct forecast fc;
	struct out_table *t;
	struct hop_err err;
	char label[80];
	hop_date monday;
	int c, rc, over = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 's': site = optarg; break;
		case 'w': week = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_week_arg(week, &monday)) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (forecast_week(&ctx->app, site, monday, &fc, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		printf("%s · %s\n\n", *fc.site ? fc.site : _("all sites"),
		       presence_week_label(monday, label, sizeof label));
	t = out_table_new(fmt, 5, headers, keys);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct forecast_day *f = &fc.days[d];
		char when[HOP_DATE_HUMAN_LEN], planned[16], desks[16], booked[16];
		const char *cells[5];

		if (fmt == OUT_TABLE)
			date_format_human(f->day, when, sizeof when);
		else
			date_format(f->day, when);
		snprintf(planned, sizeof planned, "%d", f->planned);
		snprintf(desks, sizeof desks, "%d", f->desks);
		snprintf(booked, sizeof booked, "%d", f->booked);
		cells[0] = when;
		cells[1] = f->working ? planned : NULL;
		cells[2] = f->working ? desks : NULL;
		cells[3] = f->working ? booked : NULL;
		cells[4] = !f->working ? f->why
		         : f->over ? (fmt == OUT_TABLE ? _("over capacity") : "over") : NULL;
		over += f->over;
		out_table_add(t, cells);
	}
	if ((rc = out_table_done(t, stdout)))
		return rc;
	if (fmt == OUT_TABLE && over)
		printf(ngettext("%d day over capacity.\n", "%d days over capacity.\n",
		                (unsigned long)over), over);
	return 0;
}
