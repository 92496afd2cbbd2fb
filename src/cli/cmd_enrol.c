/* hop enrol SESSION | --cancel SESSION | approve | reject | list: taking a
 * seat in a training session, giving it up, deciding on requests. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cmd_session.h"

void enrol_say(const struct enrol_result *r, int64_t session_id, bool self)
{
	long long id = (long long)session_id;

	switch (r->state) {
	case ENROL_BOOKED:
		if (self)
			printf(_("You have a seat in session %lld.\n"), id);
		else
			printf(_("%s has a seat in session %lld.\n"), r->name, id);
		break;
	case ENROL_WAITLISTED:
		printf(_("Session %lld is full: %s is number %d on the waitlist.\n"), id, r->name,
		       r->position);
		break;
	case ENROL_REQUESTED:
		printf(_("%s's enrolment in session %lld waits for the lead's approval.\n"), r->name,
		       id);
		break;
	case ENROL_CANCELLED:
		printf(_("%s's enrolment in session %lld is cancelled.\n"), r->name, id);
		break;
	default:
		printf("%s: %s\n", r->name, enrol_state_display(r->state));
		break;
	}
	if (r->promoted)
		printf(_("%s moves up from the waitlist.\n"), r->promoted_name);
	if (r->office_days)
		printf(ngettext("%d day of the session is now an office day.\n",
		                "%d days of the session are now office days.\n",
		                (unsigned long)r->office_days), r->office_days);
	for (size_t i = 0; i < r->nwarnings; i++)
		fprintf(stderr, _("hop: warning: %s\n"), r->warnings[i]);
}

static int enrol_decide_cmd(struct cli_ctx *ctx, int argc, char **argv, bool approve)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub = approve ? "approve" : "reject";
	struct cli_args a = { .name = "enrol", .sub = NULL, .opts = opts };
	struct enrol_result r;
	const char *note = NULL;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int64_t id;
	int rc;

	while (cli_option(&a, argc, argv) == 'n')
		note = optarg;
	if ((rc = cli_operands(&a, 2, 2, _("give the number of the session and the LOGIN"))))
		return rc;
	if (!ses_id_arg("enrol", NULL, a.arg[0], &id, &rc) || (rc = cli_open(ctx)) ||
	    (rc = cli_person_operand(ctx, &a.arg[1], login)))
		return rc;
	(void)sub;
	if (enrol_decide(&ctx->app, id, a.arg[1], approve, note, &r, &err) != HOP_OK)
		return cli_fail(&err);
	if (!approve)
		printf(_("rejected %s's request for session %lld\n"), r.name, (long long)id);
	else
		enrol_say(&r, id, false);
	return 0;
}

static int enrol_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, 'p' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "session", "course", "title", "start", "login", "name", "state",
	                       "position" };
	const char *headers[] = { _("No."), _("Course"), _("Title"), _("When"), _("Login"),
	                          _("Name"), _("State"), _("Place") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "enrol", .sub = NULL, .opts = opts, .format = &fmt };
	struct trn_enrolment_list l;
	struct out_table *t;
	const char *login = NULL;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	bool all = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'p')
			login = optarg;
		else if (c == 'a')
			all = true;
	}
	if ((rc = cli_operands(&a, 0, 1, NULL)))
		return rc;
	if (a.n == 1) {
		int64_t id;

		if (login)
			return cli_usage_error("enrol", NULL, _("give a SESSION or --for LOGIN, not "
			                       "both"));
		if (!ses_id_arg("enrol", NULL, a.arg[0], &id, &rc) || (rc = cli_open(ctx)))
			return rc;
		if (session_attendees(&ctx->app, id, all, &l, &err) != HOP_OK)
			return cli_fail(&err);
	} else {
		if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
			return rc;
		if (enrol_list_person(&ctx->app, login, all, &l, &err) != HOP_OK)
			return cli_fail(&err);
	}
	t = out_table_new(fmt, 8, headers, keys, "KK3KK4K2");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_enrolment *e = &l.v[i];
		char sid[24], start[HOP_DATETIME_ISO_LEN + 40], pos[16] = "";

		snprintf(sid, sizeof sid, "%lld", (long long)e->session_id);
		if (fmt == OUT_TABLE) {
			char d[HOP_DATE_HUMAN_LEN], t1[6];

			snprintf(start, sizeof start, "%s %s", date_format_human(e->start.day, d, sizeof d),
			         datetime_hhmm(e->start.minute, t1));
		} else {
			datetime_format(e->start, start);
		}
		if (e->position)
			snprintf(pos, sizeof pos, "%d", e->position);
		const char *cells[8] = {
			sid, e->course, e->title, start, e->login, e->name,
			fmt == OUT_TABLE ? enrol_state_display(e->state) : enrol_state_name(e->state),
			out_or_null(pos),
		};
		out_table_add(t, cells);
	}
	trn_enrolment_list_free(&l);
	return out_table_done_or(t, stdout, _("no enrolments"));
}

int cmd_enrol(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, 'p' },
		{ "cancel", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "enrol", .sub = NULL, .opts = opts };
	const char *login = NULL;
	bool cancel = false;
	struct enrol_result r;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	enum hop_status st;
	int64_t id;
	int c, rc;

	if (argc > 1 && strcmp(argv[1], "approve") == 0)
		return enrol_decide_cmd(ctx, argc - 1, argv + 1, true);
	if (argc > 1 && strcmp(argv[1], "reject") == 0)
		return enrol_decide_cmd(ctx, argc - 1, argv + 1, false);
	if (argc > 1 && strcmp(argv[1], "list") == 0)
		return enrol_list_cmd(ctx, argc - 1, argv + 1);
	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'p')
			login = optarg;
		else if (c == 'c')
			cancel = true;
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the number of the session; 'hop session list' "
	                       "shows them"))))
		return rc;
	if (!ses_id_arg("enrol", NULL, a.arg[0], &id, &rc) || (rc = cli_open(ctx)) ||
	    (rc = cli_person(ctx, &login, who)))
		return rc;
	st = cancel ? enrol_cancel(&ctx->app, id, login, &r, &err)
	            : enrol_add(&ctx->app, id, login, &r, &err);
	if (st != HOP_OK)
		return cli_fail(&err);
	enrol_say(&r, id, !login || strcmp(login, ctx->app.actor.login) == 0);
	return 0;
}
