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

/* The grid as it always was, and --wide's: 24 columns of names, 14 a day. */
#define NAME_COLS 24
#define DAY_COLS 14
/* Narrower than this, a name column tells too little. */
#define NAME_MIN 12

static const char *const day_abbr[PRESENCE_DAYS] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
};

/* s in cols display columns, cut with "…" and padded unless last. */
static void put_cell(const char *s, int cols, bool last)
{
	out_put_cut(stdout, s, cols, !last);
}

static void day_head(const struct presence_week *w, int d, char *buf, size_t size)
{
	int y, m, dd;

	date_to_ymd(w->days[d].day, &y, &m, &dd);
	snprintf(buf, size, "%s %d.%d.%s", _(day_abbr[d]), dd, m,
	         w->days[d].team_day ? "*" : !w->days[d].working ? "#" : "");
}

static void day_cell(const struct presence_week *w, const struct presence_row *r, int d,
                     char *buf, size_t size)
{
	const struct presence_cell *c = &r->days[d];

	if (!w->days[d].working)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s%s%.10s%s", presence_loc_code(c->loc), *c->desk ? " " : "",
		         c->desk, c->deviation ? " !" : "");
}

static void row_name(const struct presence_row *r, char *buf, size_t size)
{
	snprintf(buf, size, "%.60s%s", r->person.name, r->deviations ? " !" : "");
}

/* The widths of the name and the day columns: as always when that fits the
 * terminal (or --wide), else days as wide as their widest cell and the names
 * in what is left, cut with "…". */
static void grid_widths(const struct presence_week *w, int *name_cols, int *day_cols)
{
	int width = out_width(stdout), days = 0, names = 0;
	char buf[64];

	*name_cols = NAME_COLS;
	*day_cols = DAY_COLS;
	if (width <= 0 || NAME_COLS + PRESENCE_DAYS * (DAY_COLS + 1) <= width)
		return;
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		day_head(w, d, buf, sizeof buf);
		days = out_display_width(buf) > days ? out_display_width(buf) : days;
		for (size_t i = 0; i < w->nrows; i++) {
			day_cell(w, &w->rows[i], d, buf, sizeof buf);
			days = out_display_width(buf) > days ? out_display_width(buf) : days;
		}
	}
	for (size_t i = 0; i < w->nrows; i++) {
		row_name(&w->rows[i], buf, sizeof buf);
		names = out_display_width(buf) > names ? out_display_width(buf) : names;
	}
	names = out_display_width(_("Desks free")) > names ? out_display_width(_("Desks free")) : names;
	names = out_display_width(_("In office")) > names ? out_display_width(_("In office")) : names;
	/* A blank after the widest day, unless the names need it. */
	*day_cols = days + 1 < DAY_COLS ? days + 1 : DAY_COLS;
	if (width - PRESENCE_DAYS * (*day_cols + 1) < (names < NAME_MIN ? names : NAME_MIN))
		*day_cols = days < DAY_COLS ? days : DAY_COLS;
	*name_cols = width - PRESENCE_DAYS * (*day_cols + 1);
	if (*name_cols > names)
		*name_cols = names;
	if (*name_cols > NAME_COLS)
		*name_cols = NAME_COLS;
	if (*name_cols < NAME_MIN)
		*name_cols = NAME_MIN;
}

static void print_grid(const struct presence_week *w)
{
	char label[80], buf[64], line[512];
	int name_cols, day_cols;

	grid_widths(w, &name_cols, &day_cols);
	printf("%s · %s\n\n", w->team.name, presence_week_label(w->monday, label, sizeof label));
	put_cell(_("Name"), name_cols, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		day_head(w, d, buf, sizeof buf);
		putchar(' ');
		put_cell(buf, day_cols, d == PRESENCE_DAYS - 1);
	}
	putchar('\n');
	for (size_t i = 0; i < w->nrows; i++) {
		const struct presence_row *r = &w->rows[i];
		row_name(r, buf, sizeof buf);
		put_cell(buf, name_cols, false);
		for (int d = 0; d < PRESENCE_DAYS; d++) {
			day_cell(w, r, d, buf, sizeof buf);
			putchar(' ');
			put_cell(buf, day_cols, d == PRESENCE_DAYS - 1);
		}
		putchar('\n');
	}
	putchar('\n');
	put_cell(_("In office"), name_cols, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		snprintf(buf, sizeof buf, "%d/%zu", w->days[d].in_office, w->nrows);
		putchar(' ');
		put_cell(w->days[d].working ? buf : "-", day_cols, d == PRESENCE_DAYS - 1);
	}
	putchar('\n');
	put_cell(_("Desks free"), name_cols, false);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		snprintf(buf, sizeof buf, "%d/%d", w->days[d].desks_free, w->days[d].desks);
		putchar(' ');
		put_cell(w->days[d].working ? buf : "-", day_cols, d == PRESENCE_DAYS - 1);
	}
	printf("\n\n");
	snprintf(line, sizeof line, _("%s %s, %s %s, %s %s, %s %s, %s %s, %s not set\n"),
	         presence_loc_code(LOC_OFFICE), presence_loc_display(LOC_OFFICE),
	         presence_loc_code(LOC_HOME), presence_loc_display(LOC_HOME),
	         presence_loc_code(LOC_MOBILE), presence_loc_display(LOC_MOBILE),
	         presence_loc_code(LOC_AWAY), presence_loc_display(LOC_AWAY),
	         presence_loc_code(LOC_TRIP), presence_loc_display(LOC_TRIP),
	         presence_loc_code(LOC_NONE));
	out_para(stdout, line);
	out_para(stdout, _("* presence day, # not a working day, ! deviation from the office agreement\n"));
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		char when[HOP_DATE_HUMAN_LEN];
		date_format_human(w->days[d].day, when, sizeof when);
		if (!w->days[d].working)
			snprintf(line, sizeof line, "# %s\n", w->days[d].why);
		else if (w->days[d].team_day && *w->days[d].team_day_note)
			snprintf(line, sizeof line, _("* %s: presence day (%s)\n"), when,
			         w->days[d].team_day_note);
		else if (w->days[d].team_day)
			snprintf(line, sizeof line, _("* %s: presence day\n"), when);
		else
			continue;
		out_para(stdout, line);
	}
	for (size_t k = 0; k < w->dev.n; k++) {
		snprintf(line, sizeof line, "! %s: %s\n", w->dev.v[k].name, w->dev.v[k].text);
		out_para(stdout, line);
	}
}

/* The week as rows for a spreadsheet or a program: a person and a day each. */
static int print_rows(const struct presence_week *w, enum out_format fmt)
{
	static const char *const keys[] = { "login", "name", "day", "location", "desk", "half",
	                                     "note", "team_day", "working", "set_by" };
	const char *headers[] = { _("Login"), _("Name"), _("Day"), _("Location"), _("Desk"),
	                          _("Half"), _("Note"), _("Presence day"), _("Working day"),
	                          _("Set by") };
	struct out_table *t = out_table_new(fmt, 10, headers, keys, NULL);

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
	t = out_table_new(fmt, 6, headers, keys, "KTKKaW");
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
	t = out_table_new(fmt, 5, headers, keys, "KKKKW");
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
