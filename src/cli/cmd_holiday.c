/* hop holidays and hop import holidays: the public holidays of a Bundesland
 * and the closure days imported from iCalendar files.  The rules are in core
 * (holiday.c, closure.c); this file parses and prints. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/core/calendar/closure.h"
#include "hop/core/calendar/holiday.h"
#include "hop/core/calendar/workday.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"

static const char *const weekday_names[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
	N_("Saturday"), N_("Sunday"),
};

struct row {
	hop_date day;
	int order;               /* public holidays, then free days, then closures on a day */
	const char *name;
	const char *kind;
	const char *scope;
};

static int by_day(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->order - y->order;
}

int cmd_holidays(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "region", required_argument, NULL, 'r' },
		{ "site", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "date", "weekday", "name", "kind", "applies_to" };
	const char *headers[] = { _("Date"), _("Weekday"), _("Name"), _("Kind"),
	                          _("Applies to") };
	const char *year_text = NULL, *region_arg = NULL, *site_arg = NULL;
	struct hop_holiday hol[HOLIDAY_MAX];
	struct hop_closure_list cl = { 0 };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "holidays", .opts = opts, .format = &fmt };
	char region[3], all_sites[64];
	struct hop_site site;
	struct out_table *t;
	struct hop_err err;
	struct row *rows;
	int64_t site_id = 0;
	size_t nh, nrows = 0;
	int c, rc, year, m, d;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'y': year_text = optarg; break;
		case 'r': region_arg = optarg; break;
		case 's': site_arg = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (region_arg && site_arg)
		return cli_usage_error("holidays", NULL, _("give --region or --site, not both: a "
		                       "site's region is the Bundesland it is in"));
	date_to_ymd(clock_today(), &year, &m, &d);
	if (year_text && !cli_int(year_text, HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX, &year))
		return cli_usage_error("holidays", NULL, _("--year '%s' is not a year from %d to %d"),
		                       year_text, HOLIDAY_YEAR_MIN, HOLIDAY_YEAR_MAX);
	if (region_arg && !holiday_region_valid(region_arg))
		return cli_usage_error("holidays", NULL, _("unknown region '%s'; use one of BW, BY, "
		                       "BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH"),
		                       region_arg);
	if ((rc = cli_open(ctx)))
		return rc;
	if (site_arg) {
		if (site_get(&ctx->app, site_arg, &site, &err) != HOP_OK)
			return cli_fail(&err);
		site_id = site.id;
	}
	if (region_arg) {
		region[0] = (char)toupper((unsigned char)region_arg[0]);
		region[1] = (char)toupper((unsigned char)region_arg[1]);
		region[2] = '\0';
	} else {
		holiday_region_of_site(&ctx->app, site_id, region, sizeof region);
	}

	nh = holiday_list(region, year, hol, HOLIDAY_MAX);
	if (nh == 0)
		return cli_failf(HOP_EINVAL, _("no public holidays known for region '%s' in %d; "
		                 "check [organisation] region or the site's region"), region, year);
	if (nh > HOLIDAY_MAX)
		nh = HOLIDAY_MAX;
	if (closure_list(&ctx->app, site_id, date_from_ymd(year, 1, 1),
	                 date_from_ymd(year + 1, 1, 1), &cl, &err) != HOP_OK)
		return cli_fail(&err);
	if (!(rows = calloc(nh + cl.n + 2, sizeof *rows))) {
		closure_list_free(&cl);
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < nh; i++)
		rows[nrows++] = (struct row){ hol[i].day, 0, holiday_display(&hol[i]),
		                              _("public holiday"), region };
	snprintf(all_sites, sizeof all_sites, "%s", _("all sites"));
	/* 24 and 31 December when the policy frees them: days off like holidays. */
	for (int dec = 24; dec <= 31; dec += 7) {
		const char *name;
		hop_date day = date_from_ymd(year, 12, dec);

		if (workday_freed(&ctx->app, day, &name))
			rows[nrows++] = (struct row){ day, 1, name, _("free day"), all_sites };
	}
	for (size_t i = 0; i < cl.n; i++)
		rows[nrows++] = (struct row){ cl.v[i].day, 2, cl.v[i].summary, _("closure"),
		                              cl.v[i].site_id ? cl.v[i].site : all_sites };
	qsort(rows, nrows, sizeof *rows, by_day);

	t = out_table_new(fmt, 5, headers, keys, "KaTbc");
	for (size_t i = 0; i < nrows; i++) {
		char iso[HOP_DATE_ISO_LEN];
		const char *cells[5];

		cells[0] = date_format(rows[i].day, iso);
		cells[1] = _(weekday_names[date_weekday(rows[i].day) - 1]);
		cells[2] = rows[i].name;
		cells[3] = rows[i].kind;
		cells[4] = rows[i].scope;
		out_table_add(t, cells);
	}
	free(rows);
	closure_list_free(&cl);
	return out_table_done(t, stdout);
}

int cmd_import_holidays(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "import", .sub = "holidays", .opts = opts };
	struct closure_import_report rep = { 0 };
	const char *site = NULL, *name;
	bool dry_run = false;
	struct hop_err err;
	FILE *in;
	enum hop_status st;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 's': site = optarg; break;
		case 'n': dry_run = true; break;
		}
	}
	if ((rc = cli_import_open(ctx, &a, _("name the iCalendar file to import, or - for "
	                          "standard input"), &in, &name)))
		return rc;
	st = closure_import(&ctx->app, in, name, site, dry_run, &rep, &err);
	if ((rc = cli_import_close(in, st, rep.messages, &err))) {
		closure_import_report_free(&rep);
		return rc;
	}
	if (dry_run)
		printf(_("%s: would add %d days, update %d, remove %d, leave %d unchanged (events in "
		         "the file: %d); nothing was written (--dry-run)\n"), name, rep.added,
		       rep.updated, rep.removed, rep.unchanged, rep.events);
	else
		printf(_("%s: added %d days, updated %d, removed %d, unchanged %d (events in the "
		         "file: %d)\n"), name, rep.added, rep.updated, rep.removed, rep.unchanged,
		       rep.events);
	closure_import_report_free(&rep);
	return 0;
}
