/* hop person history: a person's teams over time. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"

int cmd_person_history(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "team", "slug", "kind", "from", "until" };
	const char *headers[] = { _("Team"), _("Slug"), _("Kind"), _("From"), _("Until") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "person", .sub = "history", .opts = opts, .format = &fmt };
	struct hop_membership_list l;
	struct out_table *t;
	struct hop_err err;
	char none[256];  /* the message without its newline */
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (membership_history(&ctx->app, a.arg[0], &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys);
	for (size_t i = 0; i < l.n; i++) {
		char from[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN];
		const char *cells[5] = {
			l.v[i].team, l.v[i].team_slug,
			fmt == OUT_TABLE ? membership_kind_display(l.v[i].kind)
			                 : membership_kind_name(l.v[i].kind),
			out_date_cell(l.v[i].start, from), out_or_null(out_date_cell(l.v[i].end, until)),
		};
		out_table_add(t, cells);
	}
	membership_list_free(&l);
	snprintf(none, sizeof none, _("%s has no team memberships\n"), a.arg[0]);
	none[strcspn(none, "\n")] = '\0';
	return out_table_done_or(t, stdout, none);
}

/* hop assign: a membership of a period, such as a trainee's station. */
int cmd_assign(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "assign", .opts = opts };
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	enum membership_kind kind = MEMBER_POST;
	struct hop_err err;
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'f':
			if (!cli_date(optarg, &from))
				return 1;
			break;
		case 'u':
			if (!cli_date(optarg, &until))
				return 1;
			break;
		case 'k':
			if (membership_kind_parse(optarg, &kind, &err) != HOP_OK)
				return cli_fail(&err);
			break;
		}
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the LOGIN of the person and the TEAM"))))
		return rc;
	if (from == HOP_DATE_NONE)
		return cli_usage_error("assign", NULL, _("--from needs the first day"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (membership_add(&ctx->app, a.arg[0], a.arg[1], kind, from, until, &err) != HOP_OK)
		return cli_fail(&err);
	if (until == HOP_DATE_NONE)
		printf(_("%s is in %s as %s from %s\n"), a.arg[0], a.arg[1],
		       membership_kind_display(kind), date_format(from, d1));
	else
		printf(_("%s is in %s as %s from %s to %s\n"), a.arg[0], a.arg[1],
		       membership_kind_display(kind), date_format(from, d1), date_format(until, d2));
	return 0;
}
