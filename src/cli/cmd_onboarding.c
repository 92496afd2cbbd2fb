/* hop onboarding start|show|todo|list|cancel|close|tick|untick|step: new
 * hires' checklists on the command line.  The rules are in
 * core/onboarding; this file parses, prints and adds advice. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "cmd_onboarding.h"

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

int cmd_onboarding_start(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "template", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "onboarding", .sub = "start", .opts = opts };
	const char *template = NULL;
	struct onb_summary o;
	struct hop_err err;
	char start[HOP_DATE_HUMAN_LEN], next[HOP_DATE_HUMAN_LEN], login[HOP_LOGIN_MAX + 1];
	int rc;

	while (cli_option(&a, argc, argv) == 't')
		template = optarg;
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the new hire"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (onboarding_start(&ctx->app, a.arg[0], template, &o, &err) != HOP_OK) {
		rc = cli_fail(&err);
		if (err.status == HOP_ENOTFOUND && template)
			fprintf(stderr, _("'hop template list' shows the templates.\n"));
		return rc;
	}
	printf(_("started the onboarding of %s from the template '%s': %d steps, starting %s; "
	         "the first is due %s\n"), o.person.name, o.template, o.steps,
	       date_format_human(o.start, start, sizeof start),
	       o.next_due != HOP_DATE_NONE ? date_format_human(o.next_due, next, sizeof next) : "-");
	if (!o.mentor_login[0])
		printf(_("No mentor yet: 'hop mentor suggest %s' ranks candidates.\n"), o.person.login);
	return 0;
}

/* "done 2026-12-17 (jweiss)", "overdue 3 days", "dropped", "open", for a table. */
static void status_text(const struct onb_step *s, char *buf, size_t size)
{
	char d[HOP_DATE_ISO_LEN];
	int late = (int)(clock_today() - s->due);

	if (s->dropped)
		snprintf(buf, size, "%s", _("dropped"));
	else if (s->done_on != HOP_DATE_NONE)
		snprintf(buf, size, _("done %s (%s)"), date_format(s->done_on, d), s->done_by);
	else if (s->overdue)
		snprintf(buf, size, ngettext("overdue %d day", "overdue %d days", (unsigned long)late),
		         late);
	else
		snprintf(buf, size, "%s", _("open"));
}

/* The machine word of a step's state. */
static const char *status_word(const struct onb_step *s)
{
	return s->dropped ? "dropped" : s->done_on != HOP_DATE_NONE ? "done"
	       : s->overdue ? "overdue" : "open";
}

static void print_header(const struct onb_summary *o, const struct hop_app *app)
{
	char d1[HOP_DATE_HUMAN_LEN], d2[HOP_DATE_ISO_LEN], d3[HOP_DATE_ISO_LEN];
	int weeks = app->cfg.onboarding_office_weeks;

	const char *team = o->for_team[0] ? o->for_team : o->person.team;

	line(o->handover ? _("Handover:") : _("Onboarding:"), "%s (%s)%s%s", o->person.name,
	     o->person.login, team[0] ? ", " : "", team);
	line(_("Template:"), "%s", o->template);
	line(_("Start:"), "%s (%s)", date_format_human(o->start, d1, sizeof d1),
	     onb_state_display(o->state));
	if (o->mentor_login[0])
		line(_("Mentor:"), _("%s (%s) until %s"), o->mentor_name, o->mentor_login,
		     date_format(o->mentor_until, d2));
	else
		line(_("Mentor:"), "%s", _("none yet"));
	line(_("Progress:"), _("%d of %d mandatory steps done, %d of %d steps in all; %d overdue"),
	     o->mandatory_done, o->mandatory, o->done, o->steps, o->overdue);
	if (weeks > 0 && !o->handover && (o->state == ONB_PLANNED || o->state == ONB_RUNNING))
		line(_("Office:"), ngettext("the first %d week in the office, %s to %s",
		                            "the first %d weeks in the office, %s to %s",
		                            (unsigned long)weeks), weeks, date_format(o->start, d2),
		     date_format(o->start + 7 * weeks - 1, d3));
	if (o->state == ONB_DONE || o->state == ONB_CANCELLED)
		line(o->state == ONB_DONE ? _("Done:") : _("Cancelled:"), "%s (%s)%s%s",
		     date_format(o->closed, d2), o->closed_by, o->close_note[0] ? ": " : "",
		     o->close_note);
	putchar('\n');
}

int cmd_onboarding_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "handover", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "step", "due", "title", "kind", "owner", "owner_name", "office",
	                       "mandatory", "status", "done", "done_by", "clash", "note" };
	const char *headers[] = { "#", _("Due"), _("Step"), _("Kind"), _("Responsible"), _("Who"),
	                          _("Office"), _("Mandatory"), _("Status"), _("Done"), _("By"),
	                          _("Clash"), _("Note") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "onboarding", .sub = "show", .opts = opts, .format = &fmt };
	struct onb_summary o;
	struct onb_step_list l;
	struct out_table *t;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	bool handover = false;
	int c, rc, clashes = 0;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'h')
			handover = true;
	if ((rc = cli_operands(&a, 0, 1, "")) || (rc = cli_open(ctx)) ||
	    (a.n && (rc = cli_person_operand(ctx, &a.arg[0], login))))
		return rc;
	if (onboarding_show_purpose(&ctx->app, a.n ? a.arg[0] : NULL, handover, &o, &l,
	                            &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE)
		print_header(&o, &ctx->app);
	/* The table shows fewer columns than the machine formats. */
	size_t ncols = fmt == OUT_TABLE ? 8 : 13;
	const char *tk[] = { "step", "due", "title", "owner_name", "office", "mandatory",
	                     "status", "clash" };
	const char *th[] = { "#", _("Due"), _("Step"), _("Who"), _("Office"), _("Mandatory"),
	                     _("Status"), _("Note") };
	t = fmt == OUT_TABLE ? out_table_new(fmt, ncols, th, tk, "KKT3abK2")
	                     : out_table_new(fmt, ncols, headers, keys, NULL);
	for (size_t i = 0; i < l.n; i++) {
		const struct onb_step *s = &l.v[i];
		char num[16], due[HOP_DATE_ISO_LEN], done[HOP_DATE_ISO_LEN], status[80], clash[120] = "";
		snprintf(num, sizeof num, "%d", s->number);
		out_date_cell(s->due, due);
		out_date_cell(s->done_on, done);
		if (s->clash != LOC_NONE) {
			clashes++;
			if (fmt != OUT_TABLE)
				snprintf(clash, sizeof clash, "%s%s", s->clash_mentor ? "mentor:" : "",
				         presence_loc_name(s->clash));
			else if (s->clash_mentor)
				snprintf(clash, sizeof clash, _("! mentor plans %s"),
				         presence_loc_display(s->clash));
			else
				snprintf(clash, sizeof clash, _("! planned %s"),
				         presence_loc_display(s->clash));
		}
		if (fmt == OUT_TABLE) {
			char title[HOP_STEP_TITLE_MAX + HOP_COURSE_CODE_MAX + 4];
			/* A step a training record ticks names its course. */
			snprintf(title, sizeof title, "%s%s%s%s", s->s.title, s->s.course[0] ? " [" : "",
			         s->s.course, s->s.course[0] ? "]" : "");
			status_text(s, status, sizeof status);
			const char *cells[8] = {
				num, due, title, s->owner_shown, s->s.in_office ? _("yes") : "",
				s->s.mandatory ? _("yes") : _("no"), status, clash,
			};
			out_table_add(t, cells);
		} else {
			const char *cells[13] = {
				num, due, s->s.title, onb_kind_name(s->s.kind),
				s->s.owner == OWNER_PERSON ? s->s.owner_login : onb_owner_name(s->s.owner),
				s->owner_shown, s->s.in_office ? "yes" : "no", s->s.mandatory ? "yes" : "no",
				status_word(s), out_or_null(done), out_or_null(s->done_by), out_or_null(clash),
				out_or_null(s->s.note),
			};
			out_table_add(t, cells);
		}
	}
	if ((rc = out_table_done(t, stdout))) {
		onb_step_list_free(&l);
		return rc;
	}
	if (fmt == OUT_TABLE && clashes)
		printf(ngettext("\n%d step must happen in the office on a day planned elsewhere; "
		                "change the plan ('hop presence set') or the step's day "
		                "('hop onboarding step %s N --due DATE').\n",
		                "\n%d steps must happen in the office on days planned elsewhere; "
		                "change the plans ('hop presence set') or the steps' days "
		                "('hop onboarding step %s N --due DATE').\n", (unsigned long)clashes),
		       clashes, o.person.login);
	onb_step_list_free(&l);
	return 0;
}

/* A list of steps across onboardings (todo, list --overdue). */
static int print_items(const struct onb_item_list *l, enum out_format fmt, bool todo)
{
	const char *keys[] = { "due", "login", "name", "team", "step", "title", "owner",
	                       "owner_name", "office", "days_late" };
	const char *headers[] = { _("Due"), _("Login"), _("New hire"), _("Team"), "#", _("Step"),
	                          _("Responsible"), _("Who"), _("Office"), _("Late") };
	struct out_table *t = out_table_new(fmt, 10, headers, keys, "KK41KT23aK");

	for (size_t i = 0; i < l->n; i++) {
		const struct onb_item *it = &l->v[i];
		char due[HOP_DATE_ISO_LEN], num[16], late[32];
		snprintf(num, sizeof num, "%d", it->step.number);
		late[0] = '\0';
		if (fmt != OUT_TABLE)
			snprintf(late, sizeof late, "%d", it->days_late);
		else if (it->days_late > 0)
			snprintf(late, sizeof late, ngettext("%d day", "%d days",
			         (unsigned long)it->days_late), it->days_late);
		const char *cells[10] = {
			out_date_cell(it->step.due, due), it->person.login, it->person.name,
			out_or_null(it->person.team), num, it->step.s.title,
			it->step.s.owner == OWNER_PERSON ? it->step.s.owner_login
			: fmt == OUT_TABLE ? onb_owner_display(it->step.s.owner)
			                   : onb_owner_name(it->step.s.owner),
			it->step.owner_shown, it->step.s.in_office ? (fmt == OUT_TABLE ? _("yes") : "yes")
			                                           : (fmt == OUT_TABLE ? "" : "no"),
			late,
		};
		out_table_add(t, cells);
	}
	return out_table_done_or(t, stdout, todo ? _("Nothing to do: no open onboarding step is "
	                                             "yours.") : _("No step is overdue."));
}

int cmd_onboarding_todo(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "onboarding", .sub = "todo", .opts = opts, .format = &fmt };
	struct onb_item_list l;
	struct hop_err err;
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 0, 0, "")) || (rc = cli_open(ctx)))
		return rc;
	if (onboarding_todo(&ctx->app, &l, &err) != HOP_OK)
		return cli_fail(&err);
	rc = print_items(&l, fmt, true);
	onb_item_list_free(&l);
	return rc;
}

int cmd_onboarding_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "name", "team", "template", "start", "state", "mentor",
	                       "mandatory_done", "mandatory", "steps_done", "steps", "overdue",
	                       "next_due", "purpose" };
	const char *headers[] = { _("Login"), _("New hire"), _("Team"), _("Template"), _("Start"),
	                          _("State"), _("Mentor"), _("Mandatory done"), _("Mandatory"),
	                          _("Done"), _("Steps"), _("Overdue"), _("Next due"), _("Purpose") };
	struct onb_filter f = { 0 };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "onboarding", .sub = "list", .opts = opts, .format = &fmt };
	bool overdue = false;
	struct onb_summary_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': f.team = optarg; break;
		case 'o': overdue = true; break;
		case 'a': f.all = true; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if (overdue && f.all)
		return cli_usage_error("onboarding", "list", _("give either --overdue or --all, not "
		                       "both"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (overdue) {
		struct onb_item_list items;
		if (onboarding_overdue(&ctx->app, f.team, &items, &err) != HOP_OK)
			return cli_fail(&err);
		rc = print_items(&items, fmt, false);
		onb_item_list_free(&items);
		return rc;
	}
	if (onboarding_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	/* The table marks a handover at its template; the machine formats have
	 * a column of its own. */
	t = out_table_new(fmt, fmt == OUT_TABLE ? 13 : 14, headers, keys, "KT21Ke3bbaafg1");
	for (size_t i = 0; i < l.n; i++) {
		const struct onb_summary *o = &l.v[i];
		char start[HOP_DATE_ISO_LEN], next[HOP_DATE_ISO_LEN], n[5][16],
		     tpl[HOP_TEMPLATE_NAME_MAX + 40];
		snprintf(tpl, sizeof tpl, o->handover && fmt == OUT_TABLE ? _("%s (handover)") : "%s",
		         o->template);
		snprintf(n[0], 16, "%d", o->mandatory_done);
		snprintf(n[1], 16, "%d", o->mandatory);
		snprintf(n[2], 16, "%d", o->done);
		snprintf(n[3], 16, "%d", o->steps);
		snprintf(n[4], 16, "%d", o->overdue);
		const char *cells[14] = {
			o->person.login, o->person.name, out_or_null(o->person.team), tpl,
			out_date_cell(o->start, start),
			fmt == OUT_TABLE ? onb_state_display(o->state) : onb_state_name(o->state),
			out_or_null(fmt == OUT_TABLE ? o->mentor_name : o->mentor_login), n[0], n[1], n[2],
			n[3], n[4], out_or_null(out_date_cell(o->next_due, next)),
			o->handover ? "handover" : "onboarding",
		};
		out_table_add(t, cells);
	}
	onb_summary_list_free(&l);
	return out_table_done_or(t, stdout, _("No onboarding is planned or running."));
}

static int finish(struct cli_ctx *ctx, int argc, char **argv, const char *sub, bool cancel)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "handover", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "onboarding", .sub = sub, .opts = opts };
	const char *note = NULL;
	bool handover = false;
	struct onb_summary o;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'n')
			note = optarg;
		else
			handover = true;
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the LOGIN of the new hire"))))
		return rc;
	if (!cancel && !note)
		return cli_usage_error("onboarding", sub, _("say why with --note TEXT"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (onboarding_finish_purpose(&ctx->app, a.arg[0], handover, note, cancel, &err) != HOP_OK ||
	    onboarding_show_purpose(&ctx->app, a.arg[0], handover, &o, NULL, &err) != HOP_OK)
		return cli_fail(&err);
	if (handover) {
		printf(cancel ? _("cancelled the handover of %s; its %d steps are kept\n")
		              : _("closed the handover of %s as done; %d steps, their record kept\n"),
		       o.person.name, o.steps);
		return 0;
	}
	printf(cancel ? _("cancelled the onboarding of %s; its %d steps are kept\n")
	              : _("closed the onboarding of %s as done; %d steps, their record kept\n"),
	       o.person.name, o.steps);
	return 0;
}

int cmd_onboarding_cancel(struct cli_ctx *ctx, int argc, char **argv)
{
	return finish(ctx, argc, argv, "cancel", true);
}

int cmd_onboarding_close(struct cli_ctx *ctx, int argc, char **argv)
{
	return finish(ctx, argc, argv, "close", false);
}

static int tick(struct cli_ctx *ctx, int argc, char **argv, const char *sub, bool undo)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "note", required_argument, NULL, 'n' },
		{ "handover", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	/* untick takes only --handover of tick's options. */
	struct cli_args a = { .name = "onboarding", .sub = sub, .opts = undo ? opts + 2 : opts };
	const char *note = NULL;
	hop_date day = HOP_DATE_NONE;
	bool handover = false;
	struct onb_summary o;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'n')
			note = optarg;
		else if (c == 'h')
			handover = true;
		else if (!cli_date(optarg, &day))
			return 1;
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the LOGIN of the new hire and the STEP (its "
	                                   "number or title)"))) ||
	    (rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (onboarding_tick_purpose(&ctx->app, a.arg[0], handover, a.arg[1], day, note, undo,
	                            &err) != HOP_OK ||
	    onboarding_show_purpose(&ctx->app, a.arg[0], handover, &o, NULL, &err) != HOP_OK)
		return cli_fail(&err);
	if (handover) {
		printf(undo ? _("step %s of %s's handover is open again (%d of %d mandatory steps "
		                "done)\n")
		            : _("step %s of %s's handover is done (%d of %d mandatory steps done)\n"),
		       a.arg[1], o.person.name, o.mandatory_done, o.mandatory);
		return 0;
	}
	printf(undo ? _("step %s of %s's onboarding is open again (%d of %d mandatory steps done)\n")
	            : _("step %s of %s's onboarding is done (%d of %d mandatory steps done)\n"),
	       a.arg[1], o.person.name, o.mandatory_done, o.mandatory);
	if (!undo && o.state == ONB_DONE)
		printf(_("Every mandatory step is done: the onboarding is done.\n"));
	return 0;
}

int cmd_onboarding_tick(struct cli_ctx *ctx, int argc, char **argv)
{
	return tick(ctx, argc, argv, "tick", false);
}

int cmd_onboarding_untick(struct cli_ctx *ctx, int argc, char **argv)
{
	return tick(ctx, argc, argv, "untick", true);
}

int cmd_onboarding_step(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args o = { .name = "onboarding", .sub = "step", .opts = step_options };
	struct step_args a = { 0 };
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	bool added;
	int rc;

	if ((rc = step_parse(&o, argc, argv, &a)) ||
	    (rc = cli_operands(&o, 2, 2, _("give the LOGIN of the new hire and the STEP "
	                                   "(its number, or the title of a step to add)"))))
		return rc;
	if (a.remove && (a.fields || a.due || a.owner))
		return cli_usage_error("onboarding", "step", _("--drop takes no other options"));
	if (!a.remove && !a.fields && !a.due && !a.owner)
		return cli_usage_error("onboarding", "step", _("nothing to change; give --kind, "
		                       "--owner, --due and the other options of a step, or --drop"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &o.arg[0], login)) ||
	    (rc = step_resolve(ctx, &a, true)))
		return rc;
	if (a.remove) {
		if (onboarding_step_drop(&ctx->app, o.arg[0], o.arg[1], &err) != HOP_OK)
			return cli_fail(&err);
		printf(_("dropped the step '%s' from %s's onboarding; it is kept, no longer asked "
		         "for\n"), o.arg[1], o.arg[0]);
		return 0;
	}
	if (onboarding_step_set(&ctx->app, o.arg[0], o.arg[1], a.fields, &a.s,
	                        a.due_day, a.position, &added, &err) != HOP_OK)
		return cli_fail(&err);
	printf(added ? _("added the step '%s' to %s's onboarding\n")
	             : _("changed the step '%s' of %s's onboarding\n"),
	       o.arg[1], o.arg[0]);
	return 0;
}
