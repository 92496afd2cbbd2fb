/* hop mentor assign|end|list|suggest: mentors (Paten, Patinnen) of new hires
 * on the command line.  The rules are in core/onboarding/mentor.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "cmd_onboarding.h"

int cmd_mentor_assign(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "override", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "mentor", .sub = "assign", .opts = opts };
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	const char *override = NULL;
	struct mentorship m;
	struct hop_err err;
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	char who[HOP_LOGIN_MAX + 1], mentor[HOP_LOGIN_MAX + 1];
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
		case 'o': override = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the LOGIN of the new hire and the LOGIN of the "
	                                   "mentor"))))
		return rc;
	if (override && !*override)
		return cli_usage_error("mentor", "assign", _("--override needs the reason"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], who)) ||
	    (rc = cli_person_operand(ctx, &a.arg[1], mentor)))
		return rc;
	if (mentor_assign(&ctx->app, a.arg[0], a.arg[1], from, until, override, &m, &err) != HOP_OK) {
		rc = cli_fail(&err);
		if (err.status == HOP_ECONFLICT && !override)
			fprintf(stderr, _("'hop mentor suggest %s' shows who else may mentor; HR may "
			                  "go beyond the limit with --override REASON.\n"), a.arg[0]);
		return rc;
	}
	printf(_("%s is the mentor of %s from %s to %s\n"), m.mentor.name, m.mentee.name,
	       date_format(m.start, d1), date_format(m.end, d2));
	if (m.override_reason[0])
		printf(_("Beyond the limit of %d mentees, for the reason given; the audit log keeps "
		         "it.\n"), ctx->app.cfg.mentor_max_mentees);
	return 0;
}

int cmd_mentor_end(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "mentor", .sub = "end", .opts = opts };
	hop_date day = HOP_DATE_NONE;
	struct mentorship m;
	struct hop_err err;
	char d[HOP_DATE_ISO_LEN], who[HOP_LOGIN_MAX + 1];
	int rc;

	while (cli_option(&a, argc, argv) == 'd')
		if (!cli_date(optarg, &day))
			return 1;
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the new hire"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], who)))
		return rc;
	if (mentor_end(&ctx->app, a.arg[0], day, &m, &err) != HOP_OK)
		return cli_fail(&err);
	if (m.cancelled)
		printf(_("cancelled the mentorship of %s for %s before it began; it is kept\n"),
		       m.mentor.name, m.mentee.name);
	else
		printf(_("%s mentors %s until %s\n"), m.mentor.name, m.mentee.name,
		       date_format(m.end, d));
	return 0;
}

int cmd_mentor_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mentor", required_argument, NULL, 'm' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "mentor", "mentor_name", "mentor_team", "newhire", "newhire_name",
	                       "newhire_team", "from", "until", "state", "override" };
	const char *headers[] = { _("Mentor"), _("Name"), _("Team"), _("New hire"), _("Name"),
	                          _("Team"), _("From"), _("Until"), _("State"), _("Override") };
	struct mentor_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "mentor", .sub = "list", .opts = opts, .format = &fmt };
	struct mentorship_list l;
	struct out_table *t;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	hop_date today = clock_today();
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'm': f.mentor = optarg; break;
		case 'a': f.past = true; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)) ||
	    (rc = cli_person(ctx, &f.mentor, who)))
		return rc;
	if (mentor_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 10, headers, keys, "K41K52cbKa");
	for (size_t i = 0; i < l.n; i++) {
		const struct mentorship *m = &l.v[i];
		char from[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN];
		const char *state = m->cancelled ? "cancelled" : m->end < today ? "ended"
		                    : m->start > today ? "coming" : "current";
		const char *shown = m->cancelled ? _("cancelled") : m->end < today ? _("ended")
		                    : m->start > today ? _("coming") : _("current");
		const char *cells[10] = {
			m->mentor.login, m->mentor.name, out_or_null(m->mentor.team), m->mentee.login,
			m->mentee.name, out_or_null(m->mentee.team), out_date_cell(m->start, from),
			out_date_cell(m->end, until), fmt == OUT_TABLE ? shown : state,
			out_or_null(m->override_reason),
		};
		out_table_add(t, cells);
	}
	mentorship_list_free(&l);
	return out_table_done_or(t, stdout, _("No mentorship is running or coming."));
}

/* "same team; 1 mentee then; 12 of 20 office days shared" */
static void why(const struct mentor_candidate *c, char *buf, size_t size)
{
	char load[80], days[80];

	snprintf(load, sizeof load, ngettext("%d mentee then", "%d mentees then",
	                                     (unsigned long)c->load), c->load);
	snprintf(days, sizeof days, _("%d of %d office days shared"), c->shared_days,
	         c->window_days);
	snprintf(buf, size, "%s; %s; %s", c->same_team ? _("same team") : _("other team"), load,
	         days);
}

static int suggest_batch(struct cli_ctx *ctx, hop_date day, bool assign, enum out_format fmt)
{
	const char *keys[] = { "newhire", "newhire_name", "mentor", "mentor_name", "same_team",
	                       "mentees", "shared_days", "office_days" };
	const char *headers[] = { _("New hire"), _("Name"), _("Mentor"), _("Name"), _("Why") };
	struct mentor_match_list l;
	struct out_table *t;
	struct hop_err err;
	char d[HOP_DATE_HUMAN_LEN];
	char none[256];  /* the message without its newline */
	size_t matched = 0;
	int rc;

	if (mentor_suggest_batch(&ctx->app, day, assign, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = fmt == OUT_TABLE ? out_table_new(fmt, 5, headers, keys, "K3K3W")
	                     : out_table_new(fmt, 8, keys, keys, NULL);
	for (size_t i = 0; i < l.n; i++) {
		const struct mentor_match *m = &l.v[i];
		char reason[200] = "", n[3][16];
		bool found = m->mentor.person.id != 0;
		matched += found;
		if (found)
			why(&m->mentor, reason, sizeof reason);
		else
			snprintf(reason, sizeof reason, "%s", _("no mentor free"));
		snprintf(n[0], 16, "%d", m->mentor.load);
		snprintf(n[1], 16, "%d", m->mentor.shared_days);
		snprintf(n[2], 16, "%d", m->mentor.window_days);
		if (fmt == OUT_TABLE) {
			const char *cells[5] = { m->newhire.login, m->newhire.name,
			                         found ? m->mentor.person.login : "-",
			                         found ? m->mentor.person.name : "", reason };
			out_table_add(t, cells);
		} else {
			const char *cells[8] = {
				m->newhire.login, m->newhire.name, out_or_null(m->mentor.person.login),
				out_or_null(m->mentor.person.name),
				found ? (m->mentor.same_team ? "yes" : "no") : NULL,
				found ? n[0] : NULL, found ? n[1] : NULL, found ? n[2] : NULL,
			};
			out_table_add(t, cells);
		}
	}
	snprintf(none, sizeof none, _("Nobody starts on %s without a mentor.\n"),
	         date_format_human(day, d, sizeof d));
	none[strcspn(none, "\n")] = '\0';
	if ((rc = out_table_done_or(t, stdout, none)) == 0 && fmt == OUT_TABLE && l.n > 0)
		printf(assign ? _("\n%zu of %zu new hires have a mentor now (total cost %ld).\n")
		              : _("\n%zu of %zu new hires matched (total cost %ld); "
		                  "--assign makes these mentorships.\n"),
		       matched, l.n, l.total_cost);
	mentor_match_list_free(&l);
	return rc;
}

int cmd_mentor_suggest(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "start", required_argument, NULL, 's' },
		{ "assign", no_argument, NULL, 'a' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "rank", "login", "name", "team", "same_team", "mentees",
	                       "shared_days", "office_days", "cost" };
	const char *headers[] = { "#", _("Login"), _("Name"), _("Team"), _("Why") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "mentor", .sub = "suggest", .opts = opts, .format = &fmt };
	hop_date start = HOP_DATE_NONE;
	bool assign = false;
	long limit = 10;
	struct mentor_candidate_list l;
	struct out_table *t;
	struct hop_err err;
	char *end, who[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 's':
			if (!cli_date(optarg, &start))
				return 1;
			break;
		case 'a': assign = true; break;
		case 'l':
			limit = strtol(optarg, &end, 10);
			if (*end || end == optarg || limit < 0 || limit > 100000)
				return cli_usage_error("mentor", "suggest", _("--limit takes a number, 0 for "
				                       "all, not '%s'"), optarg);
			break;
		}
	}
	if (a.rc)
		return a.rc;
	if (start != HOP_DATE_NONE) {
		if (a.n)
			return cli_usage_error("mentor", "suggest", _("give either a NEWHIRE or --start "
			                       "DATE, not both"));
		if ((rc = cli_open(ctx)))
			return rc;
		return suggest_batch(ctx, start, assign, fmt);
	}
	if (assign)
		return cli_usage_error("mentor", "suggest", _("--assign goes with --start DATE; for "
		                       "one new hire, use 'hop mentor assign'"));
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the new hire, or --start DATE for "
	                                   "everyone starting that day"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], who)))
		return rc;
	if (mentor_suggest(&ctx->app, a.arg[0], (int)limit, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = fmt == OUT_TABLE ? out_table_new(fmt, 5, headers, keys, "KKT2W")
	                     : out_table_new(fmt, 9, keys, keys, NULL);
	for (size_t i = 0; i < l.n; i++) {
		const struct mentor_candidate *m = &l.v[i];
		char rank[16], reason[200], n[4][24];
		snprintf(rank, sizeof rank, "%zu", i + 1);
		snprintf(n[0], 24, "%d", m->load);
		snprintf(n[1], 24, "%d", m->shared_days);
		snprintf(n[2], 24, "%d", m->window_days);
		snprintf(n[3], 24, "%ld", m->cost);
		why(m, reason, sizeof reason);
		if (fmt == OUT_TABLE) {
			const char *cells[5] = { rank, m->person.login, m->person.name,
			                         out_or_null(m->person.team), reason };
			out_table_add(t, cells);
		} else {
			const char *cells[9] = { rank, m->person.login, m->person.name,
			                         out_or_null(m->person.team), m->same_team ? "yes" : "no",
			                         n[0], n[1], n[2], n[3] };
			out_table_add(t, cells);
		}
	}
	mentor_candidate_list_free(&l);
	return out_table_done_or(t, stdout, _("Nobody may mentor them now: everyone is at "
	                                      "capacity, too new, leaving, away or their lead."));
}
