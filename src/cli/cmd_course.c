/* hop course add|edit|retire|list|show: the course catalogue on the command
 * line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/core/training/catalogue.h"
#include "hop/core/training/record.h"
#include "hop/base/i18n.h"

/* The options add and edit share; edit has --code and --activate besides. */
static const struct option course_opts[] = {
	{ "title", required_argument, NULL, 't' },
	{ "kind", required_argument, NULL, 'k' },
	{ "provider", required_argument, NULL, 'p' },
	{ "hours", required_argument, NULL, 'h' },
	{ "competences", required_argument, NULL, 'c' },
	{ "validity", required_argument, NULL, 'v' },
	{ "renewal", required_argument, NULL, 'r' },
	{ "approval", no_argument, NULL, 'a' },
	{ "no-approval", no_argument, NULL, 'A' },
	{ "description", required_argument, NULL, 'd' },
	{ "code", required_argument, NULL, 'C' },
	{ "activate", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Read the options of course sub into s and *fields: 0, or the exit status
 * of a usage error. */
static int course_options(struct cli_args *a, int argc, char **argv,
                          struct trn_course_spec *s, unsigned *fields)
{
	struct hop_err err;
	const char *sub = a->sub;
	int c, days;

	*fields = 0;
	while ((c = cli_option(a, argc, argv)) > 0) {
		enum hop_status st = HOP_OK;
		switch (c) {
		case 't':
			st = trn_course_text(s->title, sizeof s->title, _("title"), optarg, &err);
			*fields |= CF_TITLE;
			break;
		case 'k': st = trn_kind_parse(optarg, &s->kind, &err); *fields |= CF_KIND; break;
		case 'p':
			st = trn_course_text(s->provider, sizeof s->provider, _("provider"), optarg,
			                     &err);
			*fields |= CF_PROVIDER;
			break;
		case 'h':
			if (*optarg)
				st = trn_hours_parse(optarg, &s->hours_x10, &err);
			else
				s->hours_x10 = 0;
			*fields |= CF_HOURS;
			break;
		case 'c':
			st = trn_course_text(s->competences, sizeof s->competences, _("list of "
			                     "competences"), optarg, &err);
			*fields |= CF_COMPETENCES;
			break;
		case 'v':
			st = trn_validity_parse(optarg, &s->validity_months, &err);
			*fields |= CF_VALIDITY;
			break;
		case 'r':
			if (!cli_int(optarg, 0, 366, &days))
				return cli_usage_error("course", sub, _("--renewal wants a number of days "
				                       "from 0 to 366, not '%s'"), optarg);
			s->renewal_days = days;
			*fields |= CF_RENEWAL;
			break;
		case 'a': s->needs_approval = true; *fields |= CF_APPROVAL; break;
		case 'A': s->needs_approval = false; *fields |= CF_APPROVAL; break;
		case 'd':
			st = trn_course_text(s->description, sizeof s->description, _("description"),
			                     optarg, &err);
			*fields |= CF_DESCRIPTION;
			break;
		case 'C':
			if (strcmp(sub, "edit") != 0)
				return cli_usage_error("course", sub, _("unknown option '--code'"));
			st = trn_course_text(s->code, sizeof s->code, _("code"), optarg, &err);
			if (st == HOP_OK)
				st = trn_course_check_code(s->code, &err);
			*fields |= CF_CODE;
			break;
		case 'V':
			if (strcmp(sub, "edit") != 0)
				return cli_usage_error("course", sub, _("unknown option '--activate'"));
			*fields |= CF_ACTIVATE;
			break;
		}
		if (st != HOP_OK)
			return cli_usage_error("course", sub, "%s", err.msg);
	}
	return a->rc;
}

int cmd_course_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "course", .sub = "add", .opts = course_opts };
	struct trn_course_spec s;
	struct hop_err err;
	unsigned fields;
	char validity[64];
	int rc;

	trn_course_spec_init(&s);
	if ((rc = course_options(&a, argc, argv, &s, &fields)) ||
	    (rc = cli_operands(&a, 1, 1, _("give the CODE of the course to add, such as IT-SEC"))))
		return rc;
	if (trn_course_text(s.code, sizeof s.code, _("code"), a.arg[0], &err) != HOP_OK ||
	    trn_course_check_code(s.code, &err) != HOP_OK)
		return cli_usage_error("course", "add", "%s", err.msg);
	if (!(fields & CF_TITLE))
		return cli_usage_error("course", "add", _("a course needs a title: give --title"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (course_add(&ctx->app, &s, &err) != HOP_OK)
		return cli_fail(&err);
	if (s.validity_months)
		snprintf(validity, sizeof validity, _("valid for %d months"), s.validity_months);
	else
		snprintf(validity, sizeof validity, "%s", _("never expires"));
	printf(_("added the course %s '%s' (%s, %s)\n"), s.code, s.title,
	       trn_kind_display(s.kind), validity);
	return 0;
}

int cmd_course_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "course", .sub = "edit", .opts = course_opts };
	struct trn_course_spec s;
	struct hop_err err;
	unsigned fields;
	char changes[4096];
	int rc;

	trn_course_spec_init(&s);
	if ((rc = course_options(&a, argc, argv, &s, &fields)) ||
	    (rc = cli_operands(&a, 1, 1, _("give the CODE of the course to change"))))
		return rc;
	if (!fields)
		return cli_usage_error("course", "edit", _("nothing to change; give --title, --kind, "
		                       "--provider, --hours, --competences, --validity, --renewal, "
		                       "--approval, --no-approval, --description, --code or "
		                       "--activate"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (course_edit(&ctx->app, a.arg[0], fields, &s, changes, sizeof changes, &err) != HOP_OK)
		return cli_fail(&err);
	if (changes[0])
		printf(_("changed the course %s: %s\n"), (fields & CF_CODE) ? s.code : a.arg[0],
		       changes);
	else
		printf(_("the course %s is unchanged\n"), a.arg[0]);
	return 0;
}

int cmd_course_retire(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "course", .sub = "retire", .opts = opts };
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the course to retire"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (course_retire(&ctx->app, a.arg[0], &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("retired the course %s; its records are kept\n"), a.arg[0]);
	return 0;
}

/* A validity cell: "12" for files, "12 months" or "never" for people. */
static const char *validity_cell(int months, enum out_format fmt, char *buf, size_t size)
{
	if (fmt != OUT_TABLE) {
		if (!months)
			return NULL;
		snprintf(buf, size, "%d", months);
		return buf;
	}
	if (!months)
		return _("never expires");
	snprintf(buf, size, _("%d months"), months);
	return buf;
}

int cmd_course_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "search", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "code", "title", "kind", "hours", "validity_months", "competences",
	                       "approval", "people", "retired" };
	const char *headers[] = { _("Code"), _("Title"), _("Kind"), _("Hours"), _("Validity"),
	                          _("Competences"), _("Approval"), _("People"), _("Retired") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "course", .sub = "list", .opts = opts, .format = &fmt };
	const char *search = NULL;
	bool all = false;
	struct trn_course_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'a': all = true; break;
		case 's': search = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (course_list(&ctx->app, all, search, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 9, headers, keys, "KTab31aca");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_course_spec *s = &l.v[i].s;
		char hours[16], validity[64], people[16], retired[HOP_DATE_ISO_LEN];
		const bool table = fmt == OUT_TABLE;
		snprintf(people, sizeof people, "%d", l.v[i].people);
		const char *cells[9] = {
			s->code, s->title, table ? trn_kind_display(s->kind) : trn_kind_name(s->kind),
			out_or_null(trn_hours_format(s->hours_x10, hours, sizeof hours)),
			validity_cell(s->validity_months, fmt, validity, sizeof validity),
			out_or_null(s->competences),
			table ? (s->needs_approval ? _("yes") : _("no")) : s->needs_approval ? "yes" : "no",
			people, out_or_null(out_date_cell(l.v[i].retired, retired)),
		};
		out_table_add(t, cells);
	}
	trn_course_list_free(&l);
	return out_table_done_or(t, stdout, _("No courses yet; add one with 'hop course add'."));
}

int cmd_course_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "code", "title", "kind", "provider", "hours", "competences",
	                       "validity_months", "renewal_days", "approval", "description",
	                       "created", "retired", "records", "people" };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "course", .sub = "show", .opts = opts, .format = &fmt };
	struct trn_course_info i;
	const struct trn_course_spec *s = &i.s;
	struct out_table *t;
	struct hop_err err;
	char hours[16], validity[64], renewal[16], created[HOP_DATE_ISO_LEN],
	     retired[HOP_DATE_ISO_LEN], records[16], people[16];
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the course"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (course_show(&ctx->app, a.arg[0], &i, &err) != HOP_OK)
		return cli_fail(&err);
	trn_hours_format(s->hours_x10, hours, sizeof hours);
	snprintf(renewal, sizeof renewal, "%d", s->renewal_days);
	snprintf(records, sizeof records, "%d", i.records);
	snprintf(people, sizeof people, "%d", i.people);
	out_date_cell(i.created, created);
	out_date_cell(i.retired, retired);
	if (fmt != OUT_TABLE) {
		const char *cells[14] = {
			s->code, s->title, trn_kind_name(s->kind), out_or_null(s->provider),
			out_or_null(hours), out_or_null(s->competences),
			validity_cell(s->validity_months, fmt, validity, sizeof validity), renewal,
			s->needs_approval ? "yes" : "no", out_or_null(s->description), created,
			out_or_null(retired), records, people,
		};
		t = out_table_new(fmt, 14, keys, keys, NULL);
		out_table_add(t, cells);
		return out_table_done(t, stdout);
	}
	out_label(stdout, _("Course:"), 16);
	printf("%s  %s%s\n", s->code, s->title, i.retired != HOP_DATE_NONE ? _(" (retired)") : "");
	out_label(stdout, _("Kind:"), 16);
	printf("%s\n", trn_kind_display(s->kind));
	if (s->provider[0]) {
		out_label(stdout, _("Provider:"), 16);
		printf("%s\n", s->provider);
	}
	if (hours[0]) {
		out_label(stdout, _("Hours:"), 16);
		printf("%s\n", hours);
	}
	out_label(stdout, _("Validity:"), 16);
	printf("%s\n", validity_cell(s->validity_months, fmt, validity, sizeof validity));
	if (s->validity_months) {
		out_label(stdout, _("Renewal window:"), 16);
		printf(_("%d days before expiry\n"), s->renewal_days);
	}
	out_label(stdout, _("Competences:"), 16);
	printf("%s\n", s->competences[0] ? s->competences : "-");
	out_label(stdout, _("Approval:"), 16);
	printf("%s\n", s->needs_approval ? _("a lead approves each enrolment") : _("not needed"));
	out_label(stdout, _("Records:"), 16);
	printf(_("%d (people: %d)\n"), i.records, i.people);
	out_label(stdout, _("Added:"), 16);
	printf("%s%s%s\n", created, i.retired != HOP_DATE_NONE ? _(", retired ") : "",
	       i.retired != HOP_DATE_NONE ? retired : "");
	if (s->description[0])
		printf("\n%s\n", s->description);
	return 0;
}
