/* hop training require, requirements, unrequire, exempt, exemptions,
 * unexempt: who must do which course, and who is excused.  The rules and
 * permissions are core's (requirement.h); this file parses and prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/training/requirement.h"

/* --calendar MM-DD */
static bool parse_mmdd(const char *text, int *month, int *day)
{
	char rest;

	return sscanf(text, "%2d-%2d%c", month, day, &rest) == 2 && *month >= 1 && *month <= 12 &&
	       *day >= 1 && *day <= 28;
}

static int scope_given(struct trn_requirement_new *rq, enum trn_scope scope, int *given)
{
	rq->scope = scope;
	return ++*given;
}

int cmd_training_require(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'A' },
		{ "role", required_argument, NULL, 'r' },
		{ "team", required_argument, NULL, 't' },
		{ "site", required_argument, NULL, 's' },
		{ "person", required_argument, NULL, 'p' },
		{ "interval", required_argument, NULL, 'i' },
		{ "grace", required_argument, NULL, 'g' },
		{ "warn", required_argument, NULL, 'w' },
		{ "trigger", required_argument, NULL, 'T' },
		{ "calendar", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "require", .opts = opts };
	struct trn_requirement_new rq = { .warn_days = -1, .from = HOP_DATE_NONE,
	                                  .until = HOP_DATE_NONE };
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int64_t id;
	int c, rc, given = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'A': scope_given(&rq, TRN_SCOPE_ALL, &given); break;
		case 'r':
			scope_given(&rq, TRN_SCOPE_ROLE, &given);
			if (role_parse(optarg, &rq.role, &err) != HOP_OK)
				return cli_usage_error("training", "require", "%s", err.msg);
			break;
		case 't': scope_given(&rq, TRN_SCOPE_TEAM, &given); rq.team = optarg; break;
		case 's': scope_given(&rq, TRN_SCOPE_SITE, &given); rq.site = optarg; break;
		case 'p': scope_given(&rq, TRN_SCOPE_PERSON, &given); rq.person = optarg; break;
		case 'i':
			if (!cli_int(optarg, 1, 240, &rq.interval_months))
				return cli_usage_error("training", "require", _("--interval takes months "
				                       "from 1 to 240, not '%s'"), optarg);
			break;
		case 'g':
			if (!cli_int(optarg, 0, 730, &rq.grace_days))
				return cli_usage_error("training", "require", _("--grace takes days from "
				                       "0 to 730, not '%s'"), optarg);
			break;
		case 'w':
			if (!cli_int(optarg, 0, 366, &rq.warn_days))
				return cli_usage_error("training", "require", _("--warn takes days from "
				                       "0 to 366, not '%s'"), optarg);
			break;
		case 'T':
			if (trn_trigger_parse(optarg, &rq.trigger, &err) != HOP_OK)
				return cli_usage_error("training", "require", "%s", err.msg);
			break;
		case 'c':
			rq.calendar = true;
			if (!parse_mmdd(optarg, &rq.anchor_month, &rq.anchor_day))
				return cli_usage_error("training", "require", _("--calendar takes a month "
				                       "and day from 01-01 to 12-28, such as 01-01, not '%s'"),
				                       optarg);
			break;
		case 'f':
			if (!cli_date(optarg, &rq.from))
				return 2;
			break;
		case 'u':
			if (!cli_date(optarg, &rq.until))
				return 2;
			break;
		case 'n': rq.note = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the course's code: hop training require "
	                                   "DS-01 --all"))))
		return rc;
	if (given != 1)
		return cli_usage_error("training", "require", _("say whom it is for with exactly one "
		                       "of --all, --role, --team, --site or --person"));
	rq.course = a.arg[0];
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &rq.person, login)))
		return rc;
	if (trn_require(&ctx->app, &rq, &id, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Requirement %lld: %s is required.\n"), (long long)id, a.arg[0]);
	return 0;
}

static void interval_cell(const struct trn_requirement *r, char *buf, size_t size)
{
	if (r->interval_months)
		snprintf(buf, size, "%d", r->interval_months);
	else
		*buf = '\0';
}

int cmd_training_requirements(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "id", "course", "title", "scope", "for", "interval", "anchor",
	                       "grace", "warn", "trigger", "from", "until", "ended" };
	const char *headers[] = { _("Id"), _("Course"), _("Title"), _("Scope"), _("For"),
	                          _("Months"), _("Calendar"), _("Grace"), _("Warn"), _("Trigger"),
	                          _("From"), _("Until"), _("Ended") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "requirements", .opts = opts,
	                      .format = &fmt };
	struct trn_requirement_list l;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'a')
			all = true;
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_requirements(&ctx->app, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 13, headers, keys, "KKTd4caaabbca");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_requirement *r = &l.v[i];
		char id[24], months[16], mmdd[8], grace[16], warn[16];
		char from[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN];
		snprintf(id, sizeof id, "%lld", (long long)r->id);
		interval_cell(r, months, sizeof months);
		snprintf(mmdd, sizeof mmdd, "%02d-%02d", r->anchor_month, r->anchor_day);
		snprintf(grace, sizeof grace, "%d", r->grace_days);
		snprintf(warn, sizeof warn, "%d", r->warn_days);
		const char *cells[13] = {
			id, r->course, r->title, trn_scope_name(r->scope), out_or_null(r->who),
			out_or_null(months), r->calendar ? mmdd : NULL, grace, warn,
			trn_trigger_name(r->trigger), out_date_cell(r->from, from),
			out_or_null(out_date_cell(r->until, until)), r->ended ? "yes" : "no",
		};
		out_table_add(t, cells);
	}
	trn_requirement_list_free(&l);
	return out_table_done_or(t, stdout, _("No course is required yet."));
}

static int id_operand(struct cli_args *a, int argc, char **argv, const char *missing,
                      int64_t *id)
{
	char *end;
	long long v;
	int c, rc;

	while ((c = cli_option(a, argc, argv)) > 0)
		;
	if ((rc = cli_operands(a, 1, 1, missing)))
		return rc;
	v = strtoll(a->arg[0], &end, 10);
	if (*end || v <= 0)
		return cli_usage_error(a->name, a->sub, _("'%s' is not an id; the lists show the "
		                       "ids"), a->arg[0]);
	*id = v;
	return 0;
}

int cmd_training_unrequire(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "training", .sub = "unrequire", .opts = opts };
	struct hop_err err;
	int64_t id;
	int rc;

	if ((rc = id_operand(&a, argc, argv, _("give the requirement's id ('hop training "
	                     "requirements' lists them)"), &id)))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_unrequire(&ctx->app, id, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Requirement %lld ended; it is kept in the history.\n"), (long long)id);
	return 0;
}

int cmd_training_exempt(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "until", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "exempt", .opts = opts };
	const char *reason = NULL;
	hop_date until = HOP_DATE_NONE;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int c, rc, count;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'r': reason = optarg; break;
		case 'u':
			if (!cli_date(optarg, &until))
				return 2;
			break;
		}
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the login and the course's code: hop training "
	                                   "exempt jweiss DS-01 --reason TEXT --until DATE"))))
		return rc;
	if (!reason || until == HOP_DATE_NONE)
		return cli_usage_error("training", "exempt", _("an exemption needs --reason and "
		                       "--until"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (trn_exempt(&ctx->app, a.arg[0], a.arg[1], reason, until, &count, &err) != HOP_OK)
		return cli_fail(&err);
	printf(ngettext("%s is exempt from %s (%d requirement).\n",
	                "%s is exempt from %s (%d requirements).\n", (unsigned long)count),
	       a.arg[0], a.arg[1], count);
	return 0;
}

int cmd_training_exemptions(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "id", "requirement", "login", "name", "course", "until", "reason",
	                       "revoked" };
	const char *headers[] = { _("Id"), _("Requirement"), _("Login"), _("Name"), _("Course"),
	                          _("Until"), _("Reason"), _("Revoked") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "exemptions", .opts = opts,
	                      .format = &fmt };
	struct trn_exemption_list l;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'a')
			all = true;
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_exemptions(&ctx->app, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 8, headers, keys, "K3K4KKTa");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_exemption *e = &l.v[i];
		char id[24], req[24], until[HOP_DATE_ISO_LEN];
		snprintf(id, sizeof id, "%lld", (long long)e->id);
		snprintf(req, sizeof req, "%lld", (long long)e->requirement_id);
		const char *cells[8] = { id, req, e->login, e->name, e->course,
		                         out_date_cell(e->until, until), e->reason,
		                         e->revoked ? "yes" : "no" };
		out_table_add(t, cells);
	}
	trn_exemption_list_free(&l);
	return out_table_done_or(t, stdout, _("No one is exempt."));
}

int cmd_training_unexempt(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "training", .sub = "unexempt", .opts = opts };
	struct hop_err err;
	int64_t id;
	int rc;

	if ((rc = id_operand(&a, argc, argv, _("give the exemption's id ('hop training "
	                     "exemptions' lists them)"), &id)))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_exemption_revoke(&ctx->app, id, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Exemption %lld revoked; it is kept in the history.\n"), (long long)id);
	return 0;
}
