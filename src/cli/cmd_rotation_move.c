/* hop rotation secondments, hop rotation conflicts: secondments in force with
 * what they need, and the bookings moves leave that no longer fit. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/rotation/rotation.h"

/* "yes"/"no" for machines, translated words for people. */
static const char *yes_no(bool v, enum out_format fmt)
{
	if (fmt != OUT_TABLE)
		return v ? "yes" : "no";
	return v ? _("yes") : _("no");
}

int cmd_rotation_secondments(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'F' },
		{ "until", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "from_team", "host", "level", "start", "end",
	                       "months", "consent", "personalrat" };
	const char *headers[] = { _("Login"), _("Name"), _("From team"), _("Host"), _("Level"),
	                          _("Start"), _("End"), _("Months"), _("Consent"),
	                          _("Staff council") };
	static const char fit[] = "KT2TaKKbcc";
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "secondments", .opts = opts,
	                      .format = &fmt };
	const char *team = NULL;
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	struct rotation_secondment_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'F':
			if (!cli_date(optarg, &from))
				return 1;
			break;
		case 'u':
			if (!cli_date(optarg, &until))
				return 1;
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (from == HOP_DATE_NONE)
		from = clock_today();
	if (rotation_secondments(&ctx->app, team, from, until, &l, &err) != HOP_OK)
		return cli_fail(&err);
	/* The table leaves out the login to fit 80 columns. */
	t = fmt == OUT_TABLE ? out_table_new(fmt, 9, headers + 1, keys + 1, fit + 1)
	                     : out_table_new(fmt, 10, headers, keys, fit);
	for (size_t i = 0; i < l.n; i++) {
		const struct rotation_secondment *s = &l.v[i];
		char start[HOP_DATE_ISO_LEN], end[HOP_DATE_ISO_LEN], months[16] = "";
		if (s->end != HOP_DATE_NONE)
			snprintf(months, sizeof months, "%d", s->flags.months);
		const char *level = s->level == HOST_NONE ? "" :
		                    fmt == OUT_TABLE ? membership_host_level_display(s->level)
		                                     : membership_host_level_name(s->level);
		const char *cells[10] = {
			s->login, s->name, out_or_null(s->from_team), s->host, out_or_null(level),
			out_date_cell(s->start, start), out_or_null(out_date_cell(s->end, end)),
			out_or_null(months), yes_no(s->flags.consent, fmt),
			yes_no(s->flags.personalrat, fmt),
		};
		out_table_add(t, fmt == OUT_TABLE ? cells + 1 : cells);
	}
	rotation_secondment_list_free(&l);
	return out_table_done_or(t, stdout, _("No secondment is in force then."));
}

int cmd_rotation_conflicts(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "day", "login", "name", "desk", "conflict", "where", "zone_team" };
	const char *headers[] = { _("Day"), _("Login"), _("Name"), _("Desk"), _("Conflict"),
	                          _("Where then"), _("Zone of") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "conflicts", .opts = opts,
	                      .format = &fmt };
	const char *team = NULL;
	hop_date from = HOP_DATE_NONE;
	struct rotation_conflict_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'F':
			if (!cli_date(optarg, &from))
				return 1;
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (rotation_conflicts(&ctx->app, team, from, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 7, headers, keys, "KK3KT21");
	for (size_t i = 0; i < l.n; i++) {
		const struct rotation_conflict *k = &l.v[i];
		char day[HOP_DATE_ISO_LEN];
		bool away = k->kind == CONFLICT_AWAY;
		const char *cells[7] = {
			out_date_cell(k->day, day), k->login, k->name, k->desk,
			fmt != OUT_TABLE ? (away ? "away" : "other-team")
			                 : (away ? _("seconded away") : _("another team's zone")),
			out_or_null(k->where), out_or_null(k->zone_team),
		};
		out_table_add(t, cells);
	}
	rotation_conflict_list_free(&l);
	return out_table_done_or(t, stdout, _("No booking conflicts with a move."));
}
