/* hop session show|attend: one session with its attendees, and recording
 * who came and how it went. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/training/record.h"
#include "cmd_session.h"

#define LABEL_WIDTH 14

static void line(const char *label, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(const char *label, const char *fmt, ...)
{
	va_list ap;

	out_label(stdout, label, LABEL_WIDTH);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void show_head(const struct trn_session *s)
{
	char when[160], place[700];

	line(_("Session:"), "%lld%s", (long long)s->id, s->cancelled ? _(" (cancelled)") : "");
	line(_("Course:"), "%s (%s)", s->title, s->course);
	line(_("When:"), "%s", ses_when(s, when, sizeof when));
	if (ses_place(s, place, sizeof place)[0])
		line(_("Place:"), "%s", place);
	if (s->trainer[0])
		line(_("Trainer:"), "%s", s->trainer);
	line(_("Seats:"), _("%d, %d booked, %d free"), s->capacity, s->taken, s->free);
	if (s->waitlisted)
		line(_("Waitlist:"), "%d", s->waitlisted);
	if (s->requested)
		line(_("Requests:"), "%d", s->requested);
	if (s->needs_approval)
		line(_("Approval:"), "%s", _("the lead approves each enrolment"));
	if (s->note[0])
		line(_("Note:"), "%s", s->note);
	if (s->mine)
		line(_("You:"), "%s", enrol_state_display(s->my_state));
}

int cmd_session_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "team", "state", "position", "result",
	                       "queued_at" };
	const char *headers[] = { _("Login"), _("Name"), _("Team"), _("State"), _("Place"),
	                          _("Result"), _("Enrolled") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "session", .sub = "show", .opts = opts, .format = &fmt };
	struct trn_enrolment_list l;
	struct trn_session s;
	struct out_table *t;
	struct hop_err err;
	bool all = false;
	int64_t id;
	int rc;

	while (cli_option(&a, argc, argv) == 'a')
		all = true;
	if ((rc = cli_operands(&a, 1, 1, _("give the number of the session"))))
		return rc;
	if (!ses_id_arg("session", "show", a.arg[0], &id, &rc) || (rc = cli_open(ctx)))
		return rc;
	if (session_get(&ctx->app, id, &s, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		show_head(&s);
	if (session_attendees(&ctx->app, id, all, &l, &err) != HOP_OK) {
		/* Everyone sees the session; the attendees only those who keep it. */
		if (err.status == HOP_EPERM && fmt == OUT_TABLE)
			return 0;
		return cli_fail(&err);
	}
	if (fmt == OUT_TABLE)
		putchar('\n');
	t = out_table_new(fmt, 7, headers, keys, "KT2K3ab");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_enrolment *e = &l.v[i];
		char pos[16] = "";
		const char *result = NULL;

		if (e->position)
			snprintf(pos, sizeof pos, "%d", e->position);
		if (e->has_result)
			result = fmt == OUT_TABLE ? trn_result_display(e->result)
			                          : trn_result_name(e->result);
		const char *cells[7] = {
			e->login, e->name, out_or_null(e->team),
			fmt == OUT_TABLE ? enrol_state_display(e->state) : enrol_state_name(e->state),
			out_or_null(pos), result, e->queued_at,
		};
		out_table_add(t, cells);
	}
	trn_enrolment_list_free(&l);
	return out_table_done_or(t, stdout, _("nobody is enrolled yet"));
}

int cmd_session_attend(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "result", required_argument, NULL, 'r' },
		{ "partial", no_argument, NULL, 'p' },
		{ "no-show", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "session", .sub = "attend", .opts = opts };
	enum attend_mark mark = ATTEND_FULL;
	enum trn_result result = TRN_ATTENDED;
	bool has_result = false;
	struct hop_err err;
	int64_t id;
	int c, rc, failed = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'r':
			if (trn_result_parse(optarg, &result, &err) != HOP_OK)
				return cli_usage_error("session", "attend", "%s", err.msg);
			has_result = true;
			break;
		case 'p': mark = ATTEND_PARTIAL; break;
		case 'n': mark = ATTEND_NO_SHOW; break;
		}
	}
	if ((rc = cli_operands(&a, 2, 1000, _("give the number of the session and the LOGIN of "
	                       "each person"))))
		return rc;
	if (!ses_id_arg("session", "attend", a.arg[0], &id, &rc) || (rc = cli_open(ctx)))
		return rc;
	for (int i = 1; i < a.n; i++) {
		char login[HOP_LOGIN_MAX + 1];
		int64_t record = 0;

		if ((rc = cli_person_operand(ctx, &a.arg[i], login))) {
			failed++;
			continue;
		}
		if (session_attend(&ctx->app, id, a.arg[i], mark, has_result, result, &record,
		                   &err) != HOP_OK) {
			rc = cli_fail(&err);
			failed++;
			continue;
		}
		if (record)
			printf(_("%s: %s, training record %lld written\n"), a.arg[i],
			       mark == ATTEND_PARTIAL ? _("attended in part") : _("attended"),
			       (long long)record);
		else
			printf("%s: %s\n", a.arg[i], mark == ATTEND_NO_SHOW ? _("did not come") :
			       mark == ATTEND_PARTIAL ? _("attended in part") : _("attended"));
	}
	return failed ? rc : 0;
}
