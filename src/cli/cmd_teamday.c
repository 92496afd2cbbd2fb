/* hop teamday set, remove, list, suggest: a team's presence days. */
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "cmd_presence.h"

static const char *const weekday_names[] = {
	"", N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
};

static int parse_when(const char *sub, const char *text, unsigned *weekdays, hop_date *day)
{
	struct hop_err err;

	/* A bad day is bad input (exit 1), as everywhere else. */
	(void)sub;
	if (teamday_parse_when(text, clock_today(), weekdays, day, &err) != HOP_OK)
		return cli_fail(&err);
	return 0;
}

int cmd_teamday_set(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "teamday", .sub = "set", .opts = opts, .shortopts = "f:u:n:" };
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE, day;
	const char *note = NULL, *team;
	char when[HOP_DATE_HUMAN_LEN];
	struct hop_err err;
	unsigned weekdays;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'f': if (!cli_date(optarg, &from)) return 1; break;
		case 'u': if (!cli_date(optarg, &until)) return 1; break;
		case 'n': note = optarg; break;
		}
	}
	if (c < 0)
		return a.rc;
	if (a.n != 2)
		return cli_usage_error("teamday", "set", _("give the team and a weekday or a date: "
		                       "hop teamday set TEAM tue"));
	team = a.arg[0];
	if ((rc = parse_when("set", a.arg[1], &weekdays, &day)))
		return rc;
	if (!weekdays && (from != HOP_DATE_NONE || until != HOP_DATE_NONE))
		return cli_usage_error("teamday", "set", _("--from and --until belong to a recurring "
		                       "weekday, not to a single date"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (teamday_set(&ctx->app, team, weekdays, day, from, until, note, &err) != HOP_OK)
		return cli_fail(&err);
	if (weekdays) {
		char until_text[HOP_DATE_HUMAN_LEN];

		date_format_human(from == HOP_DATE_NONE ? clock_today() : from, when, sizeof when);
		for (int wd = 1; wd <= 5; wd++) {
			if (!(weekdays & (1u << wd)))
				continue;
			if (until == HOP_DATE_NONE)
				printf(_("%s: presence day on %s from %s.\n"), team,
				       _(weekday_names[wd]), when);
			else
				printf(_("%s: presence day on %s from %s until %s.\n"), team,
				       _(weekday_names[wd]), when,
				       date_format_human(until, until_text, sizeof until_text));
		}
	} else {
		printf(_("%s: presence day on %s.\n"), team,
		       date_format_human(day, when, sizeof when));
	}
	return 0;
}

int cmd_teamday_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	struct hop_err err;
	unsigned weekdays;
	hop_date day;
	int rc;

	if (argc != 3)
		return cli_usage_error("teamday", "remove", _("give the team and the weekday or date: "
		                       "hop teamday remove TEAM tue"));
	if ((rc = parse_when("remove", argv[2], &weekdays, &day)))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (teamday_remove(&ctx->app, argv[1], weekdays, day, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Removed the presence day %s of %s.\n"), argv[2], argv[1]);
	return 0;
}

int cmd_teamday_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	const char *headers[] = { _("Team"), _("Day"), _("From"), _("Until"), _("Note") };
	static const char *const keys[] = { "team", "day", "from", "until", "note" };
	static const char *const wd_keys[] = { "", "mon", "tue", "wed", "thu", "fri" };
	const char *team = NULL;
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "teamday", .sub = "list", .opts = opts, .shortopts = "t:F:",
	                      .format = &fmt };
	struct hop_teamday_list l;
	struct out_table *t;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) == 't')
		team = optarg;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (teamday_list(&ctx->app, team, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys, "TKKKW");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_teamday *d = &l.v[i];
		char day[HOP_DATE_HUMAN_LEN], from[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN];
		const char *cells[5];

		if (d->weekday)
			snprintf(day, sizeof day, "%s", fmt == OUT_TABLE ? _(weekday_names[d->weekday])
			                                                 : wd_keys[d->weekday]);
		else
			date_format(d->day, day);
		cells[0] = d->team;
		cells[1] = day;
		cells[2] = d->weekday ? out_date_cell(d->from, from) : NULL;
		cells[3] = d->weekday ? out_or_null(out_date_cell(d->until, until)) : NULL;
		cells[4] = out_or_null(d->note);
		out_table_add(t, cells);
	}
	teamday_list_free(&l);
	return out_table_done(t, stdout);
}

int cmd_teamday_suggest(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "week", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "teamday", .sub = "suggest", .opts = opts, .shortopts = "w:" };
	const char *week = NULL;
	struct teamday_suggestion s;
	struct hop_err err;
	char label[80];
	hop_date monday;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) == 'w')
		week = optarg;
	if (c < 0)
		return a.rc;
	if (a.n != 1)
		return cli_usage_error("teamday", "suggest", _("give the team: hop teamday suggest "
		                       "TEAM [--week W]"));
	if ((rc = cli_week_arg(week, &monday)) || (rc = cli_open(ctx)))
		return rc;
	if (teamday_suggest(&ctx->app, a.arg[0], monday, &s, &err) != HOP_OK)
		return cli_fail(&err);
	printf("%s · %s\n", s.team.name, presence_week_label(monday, label, sizeof label));
	printf(ngettext("%d member\n", "%d members\n", (unsigned long)s.members), s.members);
	for (int d = 0; d < PRESENCE_DAYS; d++) {
		const struct teamday_suggest_day *x = &s.days[d];
		char when[HOP_DATE_HUMAN_LEN];

		date_format_human(x->day, when, sizeof when);
		if (!x->working) {
			printf(_("  %s: %s\n"), when, x->why);
			continue;
		}
		printf(_("  %s: %d of %d plan office; "), when, x->in_office, s.members);
		if (!x->can_come)
			printf("%s", _("nobody can come"));
		else if (x->short_by)
			printf(ngettext("%d can come, %d desk short", "%d can come, %d desks short",
			                (unsigned long)x->short_by), x->can_come, x->short_by);
		else
			printf(_("%d can come, desks for all"), x->can_come);
		printf("%s\n", x->suggested ? " <" : "");
	}
	if (s.weekdays) {
		printf(_("Suggested:"));
		for (int wd = 1; wd <= 5; wd++)
			if (s.weekdays & (1u << wd))
				printf(" %s", _(weekday_names[wd]));
		printf("\n");
		return 0;
	}
	if (s.best < 0) {
		printf(_("No suggestion: nobody can come on a working day this week.\n"));
		return 0;
	}
	{
		const struct teamday_suggest_day *b = &s.days[s.best];
		char when[HOP_DATE_HUMAN_LEN];

		date_format_human(b->day, when, sizeof when);
		/* Never a day short of desks presented as fine: the best, and by how much. */
		printf(ngettext("No day has desks for all who can come; best: %s, %d desk short.\n",
		                "No day has desks for all who can come; best: %s, %d desks short.\n",
		                (unsigned long)b->short_by), when, b->short_by);
		if (s.zone_free)
			printf(ngettext("Zone %s (%s) has %d desk free that day.\n",
			                "Zone %s (%s) has %d desks free that day.\n",
			                (unsigned long)s.zone_free), s.zone, s.floor, s.zone_free);
		if (s.later != HOP_DATE_NONE) {
			date_format_human(s.later, when, sizeof when);
			printf(_("A later week fits: %s has desks for all who can come.\n"), when);
		} else {
			printf(_("Nor have the next %d weeks: more desks in the team's zones would "
			         "help.\n"), SUGGEST_WEEKS);
		}
	}
	return 0;
}
