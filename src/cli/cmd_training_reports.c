/* hop training equity: who received training, leads against staff and per
 * team, beside the survey's shares.  The counting is in
 * core/training/equity.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/training/equity.h"

static const char *group_word(enum trn_equity_kind k)
{
	static const char *const words[] = { "all", "leads", "staff", "team" };
	return words[k];
}

static const char *group_display(const struct trn_equity_group *g)
{
	switch (g->kind) {
	case TRN_EQ_ALL:   return _("everyone");
	case TRN_EQ_LEADS: return _("leads");
	case TRN_EQ_STAFF: return _("staff");
	case TRN_EQ_TEAM:  return g->team;
	}
	return "";
}

/* "12.5" of part in whole, "" when whole is 0. */
static char *pct(long part, long whole, char *buf, size_t size)
{
	if (whole <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.1f", 100.0 * (double)part / (double)whole);
	return buf;
}

static char *ratio(long part, long whole, char *buf, size_t size)
{
	if (whole <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.2f", (double)part / (double)whole);
	return buf;
}

int cmd_training_equity(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "team", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "group", "team", "people", "trained", "untrained", "share_trained",
	                       "share_none", "training_days", "trainings", "days_per_person",
	                       "trainings_per_person", "survey_share_trained" };
	const char *headers[] = { _("Group"), _("Team"), _("People"), _("Trained"), _("None"),
	                          _("Share trained"), _("Share none"), _("Days"), _("Trainings"),
	                          _("Days/person"), _("Trainings/person"), _("Survey") };
	const char *tkeys[] = { "group", "people", "trained", "share_trained", "share_none",
	                        "days_per_person", "trainings_per_person", "survey_share_trained" };
	const char *theaders[] = { _("Group"), _("People"), _("Trained"), _("Share trained"),
	                           _("Share none"), _("Days/person"), _("Trainings/person"),
	                           _("Survey") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "equity", .opts = opts, .format = &fmt };
	hop_date from = HOP_DATE_NONE, to = HOP_DATE_NONE;
	const char *team = NULL;
	struct trn_equity e;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'F':
			if (!cli_date(optarg, &from))
				return 2;
			break;
		case 'T':
			if (!cli_date(optarg, &to))
				return 2;
			break;
		case 't': team = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if (from == HOP_DATE_NONE || to == HOP_DATE_NONE)
		return cli_usage_error("training", "equity", _("give the period: --from DATE --to "
		                       "DATE"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_equity_report(&ctx->app, from, to, team, &e, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE) {
		char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN], intro[512];
		snprintf(intro, sizeof intro, _("Training from %s to %s: training days and trainings "
		         "(records and attended sessions) per person; the survey found %d %% of leads "
		         "and %d %% of staff trained.\n\n"), date_format(from, d1), date_format(to, d2),
		         TRN_SURVEY_LEADS_PCT, TRN_SURVEY_STAFF_PCT);
		out_para(stdout, intro);
		t = out_table_new(fmt, 8, theaders, tkeys, "TKKKabba");
	} else {
		t = out_table_new(fmt, 12, headers, keys, NULL);
	}
	for (size_t i = 0; i < e.n; i++) {
		const struct trn_equity_group *g = &e.v[i];
		char people[16], trained[16], none[16], st[16], sn[16], days[24], tr[24], dpp[16],
		     tpp[16], survey[8] = "";
		snprintf(people, sizeof people, "%d", g->people);
		snprintf(trained, sizeof trained, "%d", g->trained);
		snprintf(none, sizeof none, "%d", g->people - g->trained);
		snprintf(days, sizeof days, "%ld", g->days);
		snprintf(tr, sizeof tr, "%ld", g->trainings);
		pct(g->trained, g->people, st, sizeof st);
		pct(g->people - g->trained, g->people, sn, sizeof sn);
		ratio(g->days, g->people, dpp, sizeof dpp);
		ratio(g->trainings, g->people, tpp, sizeof tpp);
		if (g->survey_pct >= 0)
			snprintf(survey, sizeof survey, "%d", g->survey_pct);
		if (fmt == OUT_TABLE) {
			const char *cells[8] = { group_display(g), people, trained, st, sn, dpp, tpp,
			                         survey };
			out_table_add(t, cells);
		} else {
			const char *cells[12] = { group_word(g->kind), out_or_null(g->slug), people,
			                          trained, none, out_or_null(st), out_or_null(sn), days,
			                          tr, out_or_null(dpp), out_or_null(tpp),
			                          out_or_null(survey) };
			out_table_add(t, cells);
		}
	}
	trn_equity_free(&e);
	return out_table_done(t, stdout);
}
