/* hop person history: a person's teams over time. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "hop/core/rotation/move.h"

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
	char none[256], login[HOP_LOGIN_MAX + 1];  /* none: the message without its newline */
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the person"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (membership_history(&ctx->app, a.arg[0], &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 5, headers, keys, "T2KKK");
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

/* What a secondment needs, as notes on standard error (ROT-5); consent_months
 * is [rotation] consent_after_months. */
static void secondment_notes(const struct rotation_flags *f, bool outside, int consent_months)
{
	if (f->consent) {
		if (f->months == 0)
			fprintf(stderr, _("hop: note: an open-ended secondment needs the person's "
			        "consent (BBG § 27)\n"));
		else if (outside && f->months <= consent_months)
			fprintf(stderr, _("hop: note: a secondment to another employer needs the "
			        "person's consent (BBG § 27)\n"));
		else
			fprintf(stderr, ngettext("hop: note: a secondment of %d month needs the person's "
			        "consent (BBG § 27)\n", "hop: note: a secondment of %d months needs the "
			        "person's consent (BBG § 27)\n", (unsigned long)f->months), f->months);
	}
	if (f->personalrat)
		fprintf(stderr, _("hop: note: the staff council (Personalrat) takes part\n"));
}

static void move_report(const struct onb_move_report *r, const char *login)
{
	if (r->handover)
		printf(_("%s: a handover checklist was started for the post being left\n"), login);
	if (r->onboarding && r->mentor[0])
		printf(_("%s: an onboarding in the new team was started, with %s as mentor\n"), login,
		       r->mentor);
	else if (r->onboarding)
		printf(_("%s: an onboarding in the new team was started; no mentor of the team is "
		       "free\n"), login);
	if (!r->handover && !r->onboarding)
		fprintf(stderr, _("hop: note: no handover or onboarding template applies, or one is "
		        "open already; nothing was started\n"));
}

/* hop assign: a membership of a period, such as a trainee's station, or a
 * secondment outside to a named authority (--host). */
int cmd_assign(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "kind", required_argument, NULL, 'k' },
		{ "host", required_argument, NULL, 'H' },
		{ "level", required_argument, NULL, 'l' },
		{ "handover", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "assign", .opts = opts };
	struct rotation_move m = { .kind = MEMBER_POST, .from = HOP_DATE_NONE,
	                           .until = HOP_DATE_NONE, .level = HOST_NONE };
	struct rotation_move_result r;
	bool kind_set = false;
	struct hop_err err;
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN], login[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'f':
			if (!cli_date(optarg, &m.from))
				return 1;
			break;
		case 'u':
			if (!cli_date(optarg, &m.until))
				return 1;
			break;
		case 'k':
			if (membership_kind_parse(optarg, &m.kind, &err) != HOP_OK)
				return cli_fail(&err);
			kind_set = true;
			break;
		case 'H':
			m.host = optarg;
			break;
		case 'l':
			if (membership_host_level_parse(optarg, &m.level, &err) != HOP_OK)
				return cli_fail(&err);
			break;
		case 'o':
			m.handover = true;
			break;
		}
	}
	if (m.host) {
		if (kind_set && m.kind != MEMBER_SECONDMENT)
			return cli_usage_error("assign", NULL, _("--host is for a secondment; leave out "
			                       "--kind or give --kind secondment"));
		m.kind = MEMBER_SECONDMENT;
		if ((rc = cli_operands(&a, 1, 2, _("give the LOGIN of the person and, if you like, "
		                       "the TEAM they are seconded from"))))
			return rc;
	} else {
		if (m.level != HOST_NONE)
			return cli_usage_error("assign", NULL, _("--level goes with --host"));
		if ((rc = cli_operands(&a, 2, 2, _("give the LOGIN of the person and the TEAM"))))
			return rc;
	}
	if (m.from == HOP_DATE_NONE)
		return cli_usage_error("assign", NULL, _("--from needs the first day"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	m.login = a.arg[0];
	m.team = a.n > 1 ? a.arg[1] : NULL;
	if (rotation_move(&ctx->app, &m, &r, &err) != HOP_OK)
		return cli_fail(&err);
	if (m.host && m.until == HOP_DATE_NONE)
		printf(_("%s is seconded from %s to %s (%s) from %s\n"), a.arg[0], r.team, r.host,
		       membership_host_level_display(r.level), date_format(m.from, d1));
	else if (m.host)
		printf(_("%s is seconded from %s to %s (%s) from %s to %s\n"), a.arg[0], r.team,
		       r.host, membership_host_level_display(r.level), date_format(m.from, d1),
		       date_format(m.until, d2));
	else if (m.until == HOP_DATE_NONE)
		printf(_("%s is in %s as %s from %s\n"), a.arg[0], r.team,
		       membership_kind_display(m.kind), date_format(m.from, d1));
	else
		printf(_("%s is in %s as %s from %s to %s\n"), a.arg[0], r.team,
		       membership_kind_display(m.kind), date_format(m.from, d1),
		       date_format(m.until, d2));
	if (r.secondment)
		secondment_notes(&r.flags, m.host != NULL, ctx->app.cfg.rotation_consent_after_months);
	if (m.handover)
		move_report(&r.move, a.arg[0]);
	return 0;
}
