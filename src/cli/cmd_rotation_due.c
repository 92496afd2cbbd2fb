/* hop rotation due, exception, exceptions, hospitation: who is due to
 * rotate, the exceptions on file, and the Hospitation days of a year.  The
 * rules and who may see what are core's (rotation/rotation.h); this file
 * parses and prints. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/rotation/rotation.h"

/* --within: "12m", "18m", "2y" or plain months, 1 to 600 months. */
static bool parse_within(const char *text, int *months)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*text))
		return false;
	n = strtol(text, &end, 10);
	if (*end == 'y' || *end == 'Y' || *end == 'j' || *end == 'J') {
		n *= 12;
		end++;
	} else if (*end == 'm' || *end == 'M') {
		end++;
	}
	if (*end || n < 1 || n > 600)
		return false;
	*months = (int)n;
	return true;
}

static const char *yes_no(bool v, enum out_format fmt)
{
	if (fmt == OUT_TABLE)
		return v ? _("yes") : "";
	return v ? "yes" : "no";
}

/* After the list: the areas whose corruption-prone flag is due for review. */
static void review_notes(struct cli_ctx *ctx)
{
	char when[HOP_DATE_HUMAN_LEN];
	struct hop_area_list l;
	struct hop_err err;

	if (area_list(&ctx->app, true, &l, &err) != HOP_OK)
		return;
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].reviewed == HOP_DATE_NONE)
			fprintf(stderr, _("hop: note: the corruption-prone flag of work area %s has never "
			        "been reviewed; 'hop area review %s' records a review\n"), l.v[i].name,
			        l.v[i].name);
		else
			fprintf(stderr, _("hop: note: the corruption-prone flag of work area %s was last "
			        "reviewed on %s; 'hop area review %s' records a review\n"), l.v[i].name,
			        date_format_human(l.v[i].reviewed, when, sizeof when), l.v[i].name);
	}
	area_list_free(&l);
}

/* The table for people, within 80 columns: what the machine formats give
 * in columns of their own (lead, overdue, the exception) in one note. */
static struct out_table *table_of(const struct rotation_due_list *l)
{
	const char *keys[] = { "login", "name", "area", "since", "due", "note" };
	const char *headers[] = { _("Login"), _("Name"), _("Work area"), _("Since"), _("Due"),
	                          _("Note") };
	struct out_table *t = out_table_new(OUT_TABLE, 6, headers, keys, "KT3aKW");

	for (size_t i = 0; i < l->n; i++) {
		const struct rotation_due *r = &l->v[i];
		char since[HOP_DATE_ISO_LEN], due[HOP_DATE_ISO_LEN], rev[HOP_DATE_ISO_LEN];
		char note[320] = "", part[HOP_TEAM_NAME_MAX + 40];

		if (r->overdue)
			snprintf(note, sizeof note, "%s", _("overdue"));
		if (r->lead) {
			snprintf(part, sizeof part, _("as lead of %s"), r->team);
			snprintf(note + strlen(note), sizeof note - strlen(note), "%s%s",
			         *note ? ", " : "", part);
		}
		if (r->exception) {
			snprintf(part, sizeof part, _("exception, review %s"),
			         out_date_cell(r->exception_review, rev));
			snprintf(note + strlen(note), sizeof note - strlen(note), "%s%s",
			         *note ? ", " : "", part);
		}
		const char *cells[6] = { r->login, r->name, r->area,
		                         out_date_cell(r->since, since), out_date_cell(r->due, due),
		                         note };
		out_table_add(t, cells);
	}
	return t;
}

int cmd_rotation_due(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "team", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "team", "area", "lead", "since", "due",
	                       "period_years", "overdue", "exception", "review" };
	const char *headers[] = { _("Login"), _("Name"), _("Team"), _("Work area"), _("Lead"),
	                          _("Since"), _("Due"), _("Years"), _("Overdue"), _("Exception"),
	                          _("Review") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "due", .opts = opts, .format = &fmt };
	struct rotation_due_filter f = { 0 };
	struct rotation_due_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'w':
			if (!parse_within(optarg, &f.within_months))
				return cli_usage_error("rotation", "due", _("--within takes months such as "
				                       "12m, 18 or 2y (1 to 600 months), not '%s'"), optarg);
			break;
		case 't': f.team = optarg; break;
		case 'a': f.within_months = -1; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (rotation_due_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = fmt == OUT_TABLE ? table_of(&l) : out_table_new(fmt, 11, headers, keys, NULL);
	for (size_t i = 0; fmt != OUT_TABLE && i < l.n; i++) {
		const struct rotation_due *r = &l.v[i];
		char since[HOP_DATE_ISO_LEN], due[HOP_DATE_ISO_LEN], rev[HOP_DATE_ISO_LEN], years[16];

		snprintf(years, sizeof years, "%d", r->period_years);
		const char *cells[11] = { r->login, r->name, r->team, r->area, yes_no(r->lead, fmt),
		                          out_date_cell(r->since, since), out_date_cell(r->due, due),
		                          years, yes_no(r->overdue, fmt), yes_no(r->exception, fmt),
		                          r->exception ? out_date_cell(r->exception_review, rev)
		                                       : "" };
		out_table_add(t, cells);
	}
	rotation_due_list_free(&l);
	rc = out_table_done_or(t, stdout, _("No rotation is due in that time."));
	review_notes(ctx);
	return rc;
}

int cmd_rotation_exception(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "measure", required_argument, NULL, 'm' },
		{ "review", required_argument, NULL, 'v' },
		{ "end", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "rotation", .sub = "exception", .opts = opts };
	const char *reason = NULL, *measure = NULL;
	hop_date review = HOP_DATE_NONE;
	char when[HOP_DATE_HUMAN_LEN], login[HOP_LOGIN_MAX + 1];
	struct hop_err err;
	bool end = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'r': reason = optarg; break;
		case 'm': measure = optarg; break;
		case 'v':
			if (!cli_date(optarg, &review))
				return 2;
			break;
		case 'e': end = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the person's login: hop rotation exception "
	                                   "LOGIN --reason R --measure M --review DATE"))))
		return rc;
	if (end && (reason || measure || review != HOP_DATE_NONE))
		return cli_usage_error("rotation", "exception", _("--end takes no --reason, "
		                       "--measure or --review"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (end) {
		if (rotation_exception_end(&ctx->app, a.arg[0], &err) != HOP_OK)
			return cli_fail(&err);
		printf(_("The rotation exception of %s has ended; it is kept on file.\n"), a.arg[0]);
		return 0;
	}
	if (rotation_exception_add(&ctx->app, a.arg[0], reason ? reason : "",
	                           measure ? measure : "", review, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Rotation exception for %s on file, to be reviewed on %s.\n"), a.arg[0],
	       date_format_human(review, when, sizeof when));
	return 0;
}

int cmd_rotation_exceptions(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "id", "login", "name", "area", "reason", "measure", "review",
	                       "review_overdue", "created", "created_by", "ended" };
	const char *headers[] = { _("Id"), _("Login"), _("Name"), _("Work area"), _("Reason"),
	                          _("Measure"), _("Review"), _("Review overdue"), _("Since"),
	                          _("By"), _("Ended") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "exceptions", .opts = opts,
	                      .format = &fmt };
	struct rotation_exception_list l;
	const char *team = NULL;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'a')
			all = true;
		else if (c == 't')
			team = optarg;
	}
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)))
		return rc;
	if (rotation_exception_list(&ctx->app, team, NULL, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 11, headers, keys, "KKT3T5Kbaaa");
	for (size_t i = 0; i < l.n; i++) {
		const struct rotation_exception *e = &l.v[i];
		char id[24], rev[HOP_DATE_ISO_LEN], cr[HOP_DATE_ISO_LEN], en[HOP_DATE_ISO_LEN];

		snprintf(id, sizeof id, "%lld", (long long)e->id);
		const char *cells[11] = { id, e->login, e->name, e->area, e->reason, e->measure,
		                          out_date_cell(e->review, rev), yes_no(e->review_overdue, fmt),
		                          out_date_cell(e->created, cr), e->created_by,
		                          out_date_cell(e->ended, en) };
		out_table_add(t, cells);
	}
	rotation_exception_list_free(&l);
	return out_table_done_or(t, stdout, _("No rotation exception is on file."));
}

int cmd_rotation_hospitation(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "team", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "team", "days", "target" };
	const char *headers[] = { _("Login"), _("Name"), _("Team"), _("Days"), _("Target") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "hospitation", .opts = opts,
	                      .format = &fmt };
	struct rotation_hospitation_list l;
	const char *team = NULL;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int c, rc, year = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'y':
			if (!cli_int(optarg, 1900, 9999, &year))
				return cli_usage_error("rotation", "hospitation", _("--year takes a year "
				                       "such as 2027, not '%s'"), optarg);
			break;
		case 't': team = optarg; break;
		case 'a': all = true; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if (!year) {
		int d, m;
		date_to_ymd(clock_today(), &year, &m, &d);
	}
	if ((rc = cli_open(ctx)))
		return rc;
	if (rotation_hospitation(&ctx->app, year, team, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys, "KT3KK");
	for (size_t i = 0; i < l.n; i++) {
		const struct rotation_hospitation *h = &l.v[i];
		char days[16], target[16];

		snprintf(days, sizeof days, "%d", h->days);
		snprintf(target, sizeof target, "%d", h->target);
		const char *cells[5] = { h->login, h->name, h->team, days, target };
		out_table_add(t, cells);
	}
	rotation_hospitation_list_free(&l);
	return out_table_done_or(t, stdout, _("Everyone reached the Hospitation target."));
}
