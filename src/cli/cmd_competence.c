/* hop competence add|list|edit|retire, hop training need and hop training
 * needs: the competence catalogue and self-assessed needs on the command
 * line.  The rules are in core/training/competence.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/training/competence.h"

static int benchmark_option(const char *sub, const char *text, int *out)
{
	if (trn_benchmark_parse(text, out))
		return 0;
	return cli_usage_error("competence", sub, _("--benchmark wants a mean need from 1.00 to "
	                       "5.00, such as 2.89, not '%s'"), text);
}

int cmd_competence_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "benchmark", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "competence", .sub = "add", .opts = opts };
	const char *name = NULL;
	int benchmark = 0, c, rc;
	struct hop_err err;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'b':
			if ((rc = benchmark_option("add", optarg, &benchmark)))
				return rc;
			break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the competence"))))
		return rc;
	if (!name)
		return cli_usage_error("competence", "add", _("give the competence's --name"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_competence_add(&ctx->app, a.arg[0], name, benchmark, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("added the competence %s (%s)\n"), a.arg[0], name);
	return 0;
}

int cmd_competence_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "code", "name", "benchmark", "retired" };
	const char *headers[] = { _("Code"), _("Competence"), _("Benchmark"), _("Retired") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "competence", .sub = "list", .opts = opts, .format = &fmt };
	struct trn_competence_list l;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'a')
			all = true;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (trn_competence_list(&ctx->app, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, all ? 4 : 3, headers, keys, "KTKa");
	for (size_t i = 0; i < l.n; i++) {
		char b[8];
		const char *cells[4] = {
			l.v[i].code, l.v[i].name,
			out_or_null(trn_benchmark_format(l.v[i].benchmark, b, sizeof b)),
			l.v[i].retired ? (fmt == OUT_TABLE ? _("yes") : "yes")
			               : (fmt == OUT_TABLE ? "" : "no"),
		};
		out_table_add(t, cells);
	}
	trn_competence_list_free(&l);
	return out_table_done_or(t, stdout, _("No competences yet."));
}

int cmd_competence_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "benchmark", required_argument, NULL, 'b' },
		{ "no-benchmark", no_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "competence", .sub = "edit", .opts = opts };
	const char *name = NULL;
	int benchmark = -1, c, rc;
	bool none = false;
	struct hop_err err;
	char changes[800];

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'b':
			if ((rc = benchmark_option("edit", optarg, &benchmark)))
				return rc;
			break;
		case 'B': none = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the competence"))))
		return rc;
	if (none && benchmark > 0)
		return cli_usage_error("competence", "edit", _("give either --benchmark or "
		                       "--no-benchmark, not both"));
	if (none)
		benchmark = 0;
	if (!name && benchmark < 0)
		return cli_usage_error("competence", "edit", _("nothing to change; give --name, "
		                       "--benchmark or --no-benchmark"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_competence_edit(&ctx->app, a.arg[0], name, benchmark, changes, sizeof changes,
	                        &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed the competence %s: %s\n"), a.arg[0], changes);
	else
		printf(_("nothing changed for the competence %s: the values are the same\n"),
		       a.arg[0]);
	return 0;
}

int cmd_competence_retire(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "competence", .sub = "retire", .opts = opts };
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the competence"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (trn_competence_retire(&ctx->app, a.arg[0], &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("retired the competence %s; the needs stated for it are kept\n"), a.arg[0]);
	return 0;
}

int cmd_training_need(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "need", .opts = opts };
	hop_date on = HOP_DATE_NONE;
	struct hop_err err;
	char *end;
	long need;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'o' && !cli_date(optarg, &on))
			return 2;
	if ((rc = cli_operands(&a, 2, 2, _("give the COMPETENCE and your need from 1 to 5"))))
		return rc;
	need = strtol(a.arg[1], &end, 10);
	if (*end || end == a.arg[1] || need < 1 || need > 5)
		return cli_usage_error("training", "need", _("a training need is stated from 1 (very "
		                       "low) to 5 (very high), not '%s'"), a.arg[1]);
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_need_state(&ctx->app, a.arg[0], (int)need, on, &err) != HOP_OK) {
		rc = cli_fail(&err);
		if (err.status == HOP_ENOTFOUND)
			fprintf(stderr, _("'hop competence list' shows the competences.\n"));
		return rc;
	}
	printf(_("noted your training need for %s: %ld of 5; only you and HR see it\n"),
	       a.arg[0], need);
	return 0;
}

static int print_own(struct cli_ctx *ctx, const char *login, enum out_format fmt)
{
	const char *keys[] = { "code", "competence", "need", "stated_on", "latest" };
	const char *headers[] = { _("Code"), _("Competence"), _("Need"), _("Stated"), _("Current") };
	struct trn_need_list l;
	struct out_table *t;
	struct hop_err err;

	if (trn_needs_of(&ctx->app, login, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys, "KTKKa");
	for (size_t i = 0; i < l.n; i++) {
		char need[4], on[HOP_DATE_ISO_LEN];
		const char *cells[5] = {
			l.v[i].code, l.v[i].name, need, out_date_cell(l.v[i].on, on),
			l.v[i].latest ? (fmt == OUT_TABLE ? "*" : "yes") : (fmt == OUT_TABLE ? "" : "no"),
		};
		snprintf(need, sizeof need, "%d", l.v[i].need);
		out_table_add(t, cells);
	}
	trn_need_list_free(&l);
	return out_table_done_or(t, stdout, _("No training needs stated yet."));
}

int cmd_training_needs(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "mine", no_argument, NULL, 'm' },
		{ "person", required_argument, NULL, 'p' },
		{ "on", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "code", "competence", "n", "mean", "benchmark", "difference" };
	const char *headers[] = { _("Code"), _("Competence"), "n", _("Mean"), _("Benchmark"),
	                          _("Difference") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "needs", .opts = opts, .format = &fmt };
	char login[HOP_LOGIN_MAX + 1];
	const char *team = NULL, *person = NULL;
	struct trn_need_report r;
	struct out_table *t;
	hop_date on = HOP_DATE_NONE;
	bool mine = false;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': team = optarg; break;
		case 'm': mine = true; break;
		case 'p': person = optarg; break;
		case 'o':
			if (!cli_date(optarg, &on))
				return 2;
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)))
		return rc;
	if ((mine || person) && team)
		return cli_usage_error("training", "needs", _("give --mine, --person or --team, not "
		                       "more than one"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &person, login)))
		return rc;
	if (mine || person)
		return print_own(ctx, mine ? NULL : person, fmt);
	if (trn_needs_group(&ctx->app, team, on, &r, &err) != HOP_OK) {
		rc = cli_fail(&err);
		if (err.status == HOP_EPERM && ctx->app.actor.known &&
		    !(ctx->app.actor.roles & (ROLE_LEAD | ROLE_HR | ROLE_ADMIN)))
			fprintf(stderr, _("'hop training needs --mine' shows your own.\n"));
		return rc;
	}
	if (fmt == OUT_TABLE) {
		char intro[512];
		snprintf(intro, sizeof intro, _("Training needs of %s (%d people; a mean is shown "
		         "where at least %d have stated a need), 1 = very low to 5 = very high:\n\n"),
		         r.group[0] ? r.group : _("everyone"), r.people, r.min_group);
		out_para(stdout, intro);
	}
	t = out_table_new(fmt, 6, headers, keys, "KTKKKK");
	for (size_t i = 0; i < r.n; i++) {
		const struct trn_need_mean *m = &r.v[i];
		char n[12], mean[8] = "", bench[8], diff[12] = "";
		snprintf(n, sizeof n, "%d", m->n);
		trn_benchmark_format(m->mean, mean, sizeof mean);
		trn_benchmark_format(m->benchmark, bench, sizeof bench);
		if (m->mean && m->benchmark) {
			int d = m->mean - m->benchmark, ad = d < 0 ? -d : d;
			snprintf(diff, sizeof diff, "%c%d.%02d", d < 0 ? '-' : '+', ad / 100, ad % 100);
		}
		const char *cells[6] = { m->code, m->name, n, out_or_null(mean), out_or_null(bench),
		                         out_or_null(diff) };
		out_table_add(t, cells);
	}
	trn_need_report_free(&r);
	return out_table_done_or(t, stdout, _("No competences yet."));
}
