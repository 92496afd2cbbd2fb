/* hop training plan COURSE [--from DATE] [--confirm]: who goes to which
 * coming session of a course, as a proposal, and on --confirm enrolled.
 * The placing is in core/training/plan.c. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/training/plan.h"

int cmd_training_plan(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "confirm", no_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "status", "due", "session", "starts_at", "late" };
	const char *headers[] = { _("Login"), _("Name"), _("Status"), _("Due"), _("Session"),
	                          _("Starts"), _("Late") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "plan", .opts = opts, .format = &fmt };
	hop_date from = HOP_DATE_NONE;
	bool confirm = false;
	struct trn_plan p;
	struct out_table *t;
	struct hop_err err;
	int c, rc, placed = 0, enrolled;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'F':
			if (!cli_date(optarg, &from))
				return 2;
			break;
		case 'c': confirm = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the COURSE to plan sessions for"))) ||
	    (rc = cli_open(ctx)))
		return rc;
	if (trn_plan_make(&ctx->app, a.arg[0], from, &p, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		printf(_("Sessions of %s (%s) for everyone due, overdue or expiring, most overdue "
		         "first:\n\n"), p.course.code, p.course.title);
	t = out_table_new(fmt, 7, headers, keys, "KTKKTKa");
	for (size_t i = 0; i < p.npeople; i++) {
		const struct trn_plan_person *q = &p.people[i];
		const struct trn_plan_session *s = q->session >= 0 ? &p.sessions[q->session] : NULL;
		char due[HOP_DATE_ISO_LEN], id[24] = "";
		if (s)
			snprintf(id, sizeof id, "%lld", (long long)s->id);
		placed += s != NULL;
		const char *cells[7] = {
			q->login, q->name,
			fmt == OUT_TABLE ? trn_status_display(q->status) : trn_status_name(q->status),
			out_date_cell(q->due, due), out_or_null(id),
			s ? s->starts_at : (fmt == OUT_TABLE ? _("no seat") : NULL),
			fmt == OUT_TABLE ? (q->late ? _("yes") : "") : (q->late ? "yes" : "no"),
		};
		out_table_add(t, cells);
	}
	if ((rc = out_table_done_or(t, stdout, _("Nobody is due, overdue or expiring for this "
	                                         "course.")))) {
		trn_plan_free(&p);
		return rc;
	}
	if (!confirm) {
		if (fmt == OUT_TABLE && placed)
			printf(_("\nA proposal: %d of %zu placed in %zu sessions; 'hop training plan %s "
			         "--confirm' enrols them.\n"), placed, p.npeople, p.nsessions,
			       p.course.code);
		else if (fmt == OUT_TABLE && p.npeople && !p.nsessions)
			printf(_("\nNo coming session of %s has a free seat; 'hop session add %s' adds "
			         "one.\n"), p.course.code, p.course.code);
		trn_plan_free(&p);
		return 0;
	}
	if (trn_plan_confirm(&ctx->app, &p, &enrolled, &err) != HOP_OK) {
		trn_plan_free(&p);
		return cli_fail(&err);
	}
	fprintf(fmt == OUT_TABLE ? stdout : stderr,
	        ngettext("%sEnrolled %d person as booked.\n", "%sEnrolled %d people as booked.\n",
	                 (unsigned long)enrolled), fmt == OUT_TABLE ? "\n" : "", enrolled);
	trn_plan_free(&p);
	return 0;
}
