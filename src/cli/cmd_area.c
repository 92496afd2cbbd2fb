/* hop area add, edit, review, list: work areas (Arbeitsgebiete) over teams,
 * their corruption-prone flag and its review, and their own rotation
 * period.  The rules are core's (rotation/area.h); this file parses and
 * prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/rotation/area.h"

#define AREA_TEAMS_MAX 64

/* "T1, T2,T3" into at most AREA_TEAMS_MAX names, in place. */
static int split_teams(char *text, const char **names, size_t *n)
{
	*n = 0;
	for (char *tok = strtok(text, ","); tok; tok = strtok(NULL, ",")) {
		char *end;

		while (*tok == ' ')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && end[-1] == ' ')
			*--end = '\0';
		if (!*tok)
			continue;
		if (*n == AREA_TEAMS_MAX)
			return -1;
		names[(*n)++] = tok;
	}
	return 0;
}

static bool parse_yes_no(const char *text, bool *out)
{
	static const char *const yes[] = { "yes", "y", "ja", "j", "true", "1" };
	static const char *const no[] = { "no", "n", "nein", "false", "0" };

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (strcasecmp(text, yes[i]) == 0)
			return *out = true;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (strcasecmp(text, no[i]) == 0) {
			*out = false;
			return true;
		}
	return false;
}

static bool parse_years(const char *text, int *years)
{
	if (strcasecmp(text, "none") == 0 || strcasecmp(text, "keine") == 0) {
		*years = 0;
		return true;
	}
	return cli_int(text, 1, 40, years);
}

int cmd_area_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "teams", required_argument, NULL, 't' },
		{ "corruption-prone", no_argument, NULL, 'c' },
		{ "years", required_argument, NULL, 'y' },
		{ "reviewed", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "area", .sub = "add", .opts = opts };
	const char *teams[AREA_TEAMS_MAX];
	size_t nteams = 0;
	bool prone = false;
	int years = 0, c, rc;
	hop_date reviewed = HOP_DATE_NONE;
	struct hop_err err;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't':
			if (split_teams(optarg, teams, &nteams))
				return cli_usage_error("area", "add", _("--teams takes at most %d teams"),
				                       AREA_TEAMS_MAX);
			break;
		case 'c': prone = true; break;
		case 'y':
			if (!cli_int(optarg, 1, 40, &years))
				return cli_usage_error("area", "add", _("--years takes a rotation period "
				                       "of 1 to 40 years, not '%s'"), optarg);
			break;
		case 'r':
			if (!cli_date(optarg, &reviewed))
				return 2;
			break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the work area's name: hop area add NAME "
	                                   "--teams T1,T2"))))
		return rc;
	if (!nteams)
		return cli_usage_error("area", "add", _("name the area's teams with --teams T1,T2"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (area_add(&ctx->app, a.arg[0], teams, nteams, prone, years, reviewed, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Work area %s added.\n"), a.arg[0]);
	return 0;
}

int cmd_area_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "teams", required_argument, NULL, 't' },
		{ "corruption-prone", required_argument, NULL, 'c' },
		{ "years", required_argument, NULL, 'y' },
		{ "reviewed", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "area", .sub = "edit", .opts = opts };
	const char *teams[AREA_TEAMS_MAX];
	struct area_edit e = { 0 };
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't':
			e.set_teams = true;
			if (split_teams(optarg, teams, &e.nteams))
				return cli_usage_error("area", "edit", _("--teams takes at most %d teams"),
				                       AREA_TEAMS_MAX);
			e.teams = teams;
			break;
		case 'c':
			e.set_flag = true;
			if (!parse_yes_no(optarg, &e.corruption_prone))
				return cli_usage_error("area", "edit", _("--corruption-prone takes yes or "
				                       "no, not '%s'"), optarg);
			break;
		case 'y':
			e.set_years = true;
			if (!parse_years(optarg, &e.years))
				return cli_usage_error("area", "edit", _("--years takes a rotation period "
				                       "of 1 to 40 years or none, not '%s'"), optarg);
			break;
		case 'r':
			e.set_reviewed = true;
			if (!cli_date(optarg, &e.reviewed))
				return 2;
			break;
		case 'n': e.rename = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the work area's name: hop area edit NAME "
	                                   "--years 4"))))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (area_edit(&ctx->app, a.arg[0], &e, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Work area %s changed.\n"), e.rename ? e.rename : a.arg[0]);
	return 0;
}

int cmd_area_review(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "area", .sub = "review", .opts = opts };
	struct area_edit e = { .set_reviewed = true, .reviewed = HOP_DATE_NONE };
	char when[HOP_DATE_HUMAN_LEN];
	struct hop_area ar;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'o' && !cli_date(optarg, &e.reviewed))
			return 2;
	if ((rc = cli_operands(&a, 1, 1, _("give the work area's name: hop area review NAME"))))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (area_edit(&ctx->app, a.arg[0], &e, &err) != HOP_OK ||
	    area_get(&ctx->app, a.arg[0], &ar, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Work area %s: its flag was reviewed on %s.\n"), ar.name,
	       date_format_human(ar.reviewed, when, sizeof when));
	return 0;
}

int cmd_area_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "review-due", no_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "corruption_prone", "years", "period_years", "reviewed",
	                       "review_due", "teams" };
	const char *headers[] = { _("Work area"), _("Corruption-prone"), _("Own period"),
	                          _("Years"), _("Reviewed"), _("Review due"), _("Teams") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "area", .sub = "list", .opts = opts, .format = &fmt };
	struct hop_area_list l;
	struct out_table *t;
	struct hop_err err;
	bool review = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'r')
			review = true;
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (area_list(&ctx->app, review, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 7, headers, keys, "TKaKbbT");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_area *ar = &l.v[i];
		const char *yes = fmt == OUT_TABLE ? _("yes") : "yes";
		const char *no = fmt == OUT_TABLE ? "" : "no";
		char own[16] = "", period[16] = "", rev[HOP_DATE_ISO_LEN];

		if (ar->years)
			snprintf(own, sizeof own, "%d", ar->years);
		if (ar->period_years)
			snprintf(period, sizeof period, "%d", ar->period_years);
		const char *cells[7] = { ar->name, ar->corruption_prone ? yes : no, own, period,
		                         out_date_cell(ar->reviewed, rev),
		                         ar->review_due ? yes : no, ar->teams };
		out_table_add(t, cells);
	}
	area_list_free(&l);
	return out_table_done_or(t, stdout, review ? _("No work area is due for review.")
	                                           : _("No work areas yet."));
}
