/* The Training screen's actions and questions (see view_training.c):
 * enrolling in a session and saying what came of it (a seat, the waitlist,
 * a request waiting for approval, and core's warnings), cancelling an
 * enrolment after y (a seat given up may move someone up from the
 * waitlist), the boxes with all about a session or a matrix cell, and the
 * team chooser of the matrix.  Every change goes through core; after it the
 * data is read again, and a refusal is shown in core's words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/training/session.h"
#include "advice.h"
#include "colour.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_training_int.h"

#define BOX_LINES 16

static bool is_yes(const struct tui_key *k)
{
	return key_is(k, L'y') || key_is(k, L'Y') || key_is(k, L'j') || key_is(k, L'J');
}

static bool is_no(const struct tui_key *k)
{
	return key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q');
}

/* After a refusal, what is on the screen may be old: read it again, then say why. */
static void refused(struct tui *t, struct trs_state *s, const struct hop_err *err)
{
	trs_reload(t, s);
	tui_fail(t, err);
}

/* The session a key acts on, kept in s->ask_sess; NULL (said) when none. */
static const struct trn_session *take_session(struct tui *t, struct trs_state *s)
{
	const struct trn_session *ss = trs_sel_session(s);

	if (s->mode == TRS_MATRIX) {
		tui_status(t, false, "%s", _("The matrix has no sessions: v shows them."));
		return NULL;
	}
	if (!ss) {
		tui_status(t, false, "%s", s->mode == TRS_MINE
		           ? _("Select a session below your courses first.")
		           : _("There is no session here."));
		return NULL;
	}
	s->ask_sess = *ss;
	return ss;
}

/* What enrol_add or enrol_cancel did, and its warnings, as one message. */
static void say_result(struct tui *t, const struct trn_session *ss, const struct enrol_result *r,
                       bool cancelled)
{
	char msg[TUI_STATUS_MAX], when[32];
	size_t used;

	trs_when(ss->start, when, sizeof when);
	if (cancelled)
		snprintf(msg, sizeof msg, _("Enrolment in %s on %s cancelled."), ss->title, when);
	else if (r->state == ENROL_BOOKED)
		snprintf(msg, sizeof msg, _("Booked: a seat in %s on %s."), ss->title, when);
	else if (r->state == ENROL_WAITLISTED)
		snprintf(msg, sizeof msg, _("%s on %s is full: on the waitlist, place %d."), ss->title,
		         when, r->position);
	else if (r->state == ENROL_REQUESTED)
		snprintf(msg, sizeof msg, _("Requested: %s on %s needs approval by the lead or HR."),
		         ss->title, when);
	else
		snprintf(msg, sizeof msg, _("Enrolled in %s on %s: %s."), ss->title, when,
		         enrol_state_display(r->state));
	used = strlen(msg);
	if (r->promoted && used < sizeof msg)
		used += (size_t)snprintf(msg + used, sizeof msg - used,
		                         _(" %s moves up from the waitlist."), r->promoted_name);
	if (r->office_days > 0 && used < sizeof msg)
		used += (size_t)snprintf(msg + used, sizeof msg - used,
		                         ngettext(" %d day becomes an office day.",
		                                  " %d days become office days.", r->office_days),
		                         r->office_days);
	for (size_t i = 0; i < r->nwarnings && i < HOP_ENROL_WARNINGS_MAX && used < sizeof msg; i++)
		used += (size_t)snprintf(msg + used, sizeof msg - used, " %s", r->warnings[i]);
	tui_status(t, r->nwarnings > 0, "%s", msg);
}

void trs_enrol(struct tui *t, struct trs_state *s)
{
	const struct trn_session *ss = take_session(t, s);
	struct enrol_result res;
	struct hop_err err;
	char when[32];

	if (!ss)
		return;
	if (ss->mine) {
		tui_status(t, false, _("You are already enrolled in %s on %s (%s); d cancels."),
		           ss->title, trs_when(ss->start, when, sizeof when),
		           enrol_state_display(ss->my_state));
		return;
	}
	memset(&res, 0, sizeof res);
	if (enrol_add(t->app, s->ask_sess.id, NULL, &res, &err) != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (!trs_reload(t, s))
		return;
	trs_select_session(s, s->ask_sess.id);
	say_result(t, &s->ask_sess, &res, false);
}

static void ask_cancel(struct tui *t, const struct trs_state *s)
{
	char when[32];

	tui_status(t, false, _("Cancel your enrolment in %s on %s?   y yes   n no"),
	           s->ask_sess.title, trs_when(s->ask_sess.start, when, sizeof when));
}

void trs_cancel_open(struct tui *t, struct trs_state *s)
{
	const struct trn_session *ss = take_session(t, s);
	char when[32];

	if (!ss)
		return;
	if (!ss->mine) {
		tui_status(t, false, _("You are not enrolled in %s on %s; Enter enrols you."),
		           ss->title, trs_when(ss->start, when, sizeof when));
		return;
	}
	s->ask = TRS_ASK_CANCEL;
	ask_cancel(t, s);
}

static void cancel_key(struct tui *t, struct trs_state *s, const struct tui_key *k)
{
	struct enrol_result res;
	struct hop_err err;

	if (is_no(k)) {
		s->ask = TRS_ASK_NONE;
		tui_status(t, false, "%s", _("Nothing changed: your enrolment stays."));
		return;
	}
	if (!is_yes(k)) {
		ask_cancel(t, s);
		return;
	}
	s->ask = TRS_ASK_NONE;
	memset(&res, 0, sizeof res);
	if (enrol_cancel(t->app, s->ask_sess.id, NULL, &res, &err) != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (!trs_reload(t, s))
		return;
	trs_select_session(s, s->ask_sess.id);
	say_result(t, &s->ask_sess, &res, true);
}

/* ---- the boxes ---- */

void trs_session_open(struct tui *t, struct trs_state *s)
{
	struct hop_err err;

	if (!take_session(t, s))
		return;
	trs_ask_free(s);
	/* Attendees are shown to HR, admins and the trainer; others see the counts. */
	s->ask_people_ok = session_attendees(t->app, s->ask_sess.id, false, &s->ask_people,
	                                     &err) == HOP_OK;
	if (!s->ask_people_ok)
		trn_enrolment_list_free(&s->ask_people);
	s->ask = TRS_ASK_SESSION;
}

void trs_cell_open(struct tui *t, struct trs_state *s)
{
	const struct trs_person *p;
	const struct trs_col *c;
	size_t i = trs_matrix_sel(s, &p, &c);

	if (s->mode != TRS_MATRIX) {
		trs_session_open(t, s);
		return;
	}
	if (!p) {
		tui_status(t, false, "%s", _("There is no one here to show."));
		return;
	}
	snprintf(s->ask_person, sizeof s->ask_person, "%s", p->name);
	snprintf(s->ask_course, sizeof s->ask_course, "%s %s", c->code, c->title);
	s->ask_row_ok = i != TRS_NO_ROW;
	if (s->ask_row_ok)
		s->ask_row = s->status.v[i];
	s->ask = TRS_ASK_CELL;
}


/* A framed box of labelled lines over the view, centred; the last line
 * says how to close it. */
static void info_box(struct tui *t, const char *head, const char *const *labels,
                const char *const *values, int n)
{
	const char *close = _("Press any key to close.");
	int label_w = 0, width, height, top, left, value_w;

	for (int i = 0; i < n; i++)
		label_w = trs_max(label_w, text_width(labels[i]));
	width = trs_min(t->cols - 4, 76);
	value_w = width - 6 - label_w;
	height = trs_min(n + 4, t->body_rows);
	top = t->body_top + (t->body_rows - height) / 2;
	left = (t->cols - width) / 2;
	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	text_draw(stdscr, top, left + 2, head, width - 4);
	attroff(A_BOLD);
	for (int i = 0; i < n && top + 1 + i < top + height - 3; i++) {
		text_draw(stdscr, top + 1 + i, left + 2, labels[i], label_w);
		text_draw(stdscr, top + 1 + i, left + 4 + label_w, values[i], value_w);
	}
	text_draw(stdscr, top + height - 2, left + 2, close, width - 4);
	attrset(A_NORMAL);
}

static void draw_cell_box(struct tui *t, const struct trs_state *s)
{
	const char *labels[6], *values[6];
	char head[HOP_NAME_MAX + 16], due[32], until[32], last[32];
	const struct trn_state *st = &s->ask_row.st;
	int n = 0;

	snprintf(head, sizeof head, " %s ", s->ask_person);
	labels[n] = _("Course");
	values[n++] = s->ask_course;
	labels[n] = _("Status");
	values[n++] = trn_status_display(s->ask_row_ok ? st->status : TRN_NOT_REQUIRED);
	if (s->ask_row_ok) {
		labels[n] = _("Due");
		values[n++] = st->due == HOP_DATE_NONE ? trs_sym("—", "-") :
		              tui_date_text(st->due, true, due, sizeof due);
		labels[n] = _("Valid until");
		values[n++] = st->valid_until == HOP_DATE_NONE ? trs_sym("—", "-") :
		              tui_date_text(st->valid_until, true, until, sizeof until);
		labels[n] = _("Last done");
		values[n++] = st->last_done == HOP_DATE_NONE ? _("never") :
		              tui_date_text(st->last_done, true, last, sizeof last);
	}
	info_box(t, head, labels, values, n);
}

static void draw_session_box(struct tui *t, const struct trs_state *s)
{
	const struct trn_session *ss = &s->ask_sess;
	const char *labels[BOX_LINES], *values[BOX_LINES];
	char head[HOP_COURSE_TITLE_MAX + 16], when[64], a[32], b[32], where[HOP_SESSION_URL_MAX + 64],
	     seats[128], mine[64], people[BOX_LINES][HOP_NAME_MAX + 40];
	int n = 0, np = 0;

	snprintf(head, sizeof head, " %s %s ", ss->course, ss->title);
	snprintf(when, sizeof when, "%s %s %s", trs_when(ss->start, a, sizeof a),
	         trs_sym("–", "-"), trs_when(ss->end, b, sizeof b));
	snprintf(seats, sizeof seats, _("%d of %d taken, %d free · %d waiting · %d requested"),
	         ss->taken, ss->capacity, ss->free, ss->waitlisted, ss->requested);
	labels[n] = _("Dates");
	values[n++] = when;
	labels[n] = _("Where");
	values[n++] = trs_where(ss, where, sizeof where);
	labels[n] = _("Given by");
	values[n++] = ss->trainer[0] ? ss->trainer : trs_sym("—", "-");
	labels[n] = _("Places");
	values[n++] = seats;
	if (ss->mine && ss->my_state == ENROL_WAITLISTED)
		snprintf(mine, sizeof mine, _("waitlist, place %d"), ss->my_position);
	else
		snprintf(mine, sizeof mine, "%s", ss->mine ? enrol_state_display(ss->my_state) :
		         _("not enrolled"));
	labels[n] = _("You");
	values[n++] = mine;
	for (size_t i = 0; s->ask_people_ok && i < s->ask_people.n && n < BOX_LINES; i++, np++) {
		const struct trn_enrolment *e = &s->ask_people.v[i];

		if (e->state == ENROL_WAITLISTED)
			snprintf(people[np], sizeof people[np], _("%s (waitlist %d)"), e->name,
			         e->position);
		else
			snprintf(people[np], sizeof people[np], "%s (%s)", e->name,
			         enrol_state_display(e->state));
		labels[n] = i == 0 ? _("People") : "";
		values[n++] = people[np];
	}
	info_box(t, head, labels, values, n);
}

void trs_draw_box(struct tui *t, const struct trs_state *s)
{
	if (s->ask == TRS_ASK_CELL)
		draw_cell_box(t, s);
	else
		draw_session_box(t, s);
}

/* ---- the team chooser ---- */

static void teams_free(struct trs_state *s)
{
	team_list_free(&s->teams);
	free(s->labels);
	free(s->items);
	free(s->team_index);
	s->labels = NULL;
	s->items = NULL;
	s->team_index = NULL;
	s->nitems = 0;
}

/* HR and admins choose among every team, a lead among the teams they lead. */
void trs_team_open(struct tui *t, struct trs_state *s)
{
	bool all = (t->app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;
	struct hop_err err;
	size_t initial = 0;

	if (!trs_sees_matrix(t)) {
		tui_status(t, false, "%s", _("The matrix of a team is for its lead and HR."));
		return;
	}
	teams_free(s);
	if (team_list(t->app, false, &s->teams, &err) != HOP_OK) {
		tui_fail(t, &err);
		teams_free(s);
		return;
	}
	s->labels = calloc(s->teams.n + 1, sizeof *s->labels);
	s->items = calloc(s->teams.n + 1, sizeof *s->items);
	s->team_index = calloc(s->teams.n + 1, sizeof *s->team_index);
	if (!s->labels || !s->items || !s->team_index) {
		tui_status(t, true, _("Out of memory while listing %zu teams."), s->teams.n);
		teams_free(s);
		return;
	}
	for (size_t i = 0; i < s->teams.n; i++) {
		const struct hop_team *tm = &s->teams.v[i];

		if (!all && !authz_leads_team(t->app, tm->id))
			continue;
		if (tm->lead_name[0])
			snprintf(s->labels[s->nitems], TRS_LABEL_MAX, _("%s (lead: %s)"), tm->name,
			         tm->lead_name);
		else
			snprintf(s->labels[s->nitems], TRS_LABEL_MAX, "%s", tm->name);
		if (tm->id == s->team_id)
			initial = s->nitems;
		s->items[s->nitems] = s->labels[s->nitems];
		s->team_index[s->nitems++] = i;
	}
	if (!s->nitems) {
		tui_status(t, false, "%s", _("There is no team whose matrix you may see."));
		teams_free(s);
		return;
	}
	if (!pick_open(&s->pick, _("Team:"), s->items, s->nitems, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the team list."));
		teams_free(s);
		return;
	}
	s->ask = TRS_ASK_TEAM;
}

static void team_key(struct tui *t, struct trs_state *s, const struct tui_key *k)
{
	int64_t was_id = s->team_id;
	char was[HOP_TEAM_NAME_MAX + 1];
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any team's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		if (i >= s->nitems)
			break;
		snprintf(was, sizeof was, "%s", s->team);
		s->team_id = s->teams.v[s->team_index[i]].id;
		snprintf(s->team, sizeof s->team, "%s", s->teams.v[s->team_index[i]].name);
		s->mode = TRS_MATRIX;
		s->grid.top = s->grid.sel = 0;
		s->col_left = 0;
		if (!trs_reload(t, s)) {
			s->team_id = was_id;
			snprintf(s->team, sizeof s->team, "%s", was);
		}
		break;
	}
	pick_close(&s->pick);
	teams_free(s);
	s->ask = TRS_ASK_NONE;
}

void trs_ask_free(struct trs_state *s)
{
	trn_enrolment_list_free(&s->ask_people);
	s->ask_people_ok = false;
	if (s->ask == TRS_ASK_TEAM) {
		pick_close(&s->pick);
		teams_free(s);
	}
}

void trs_ask_key(struct tui *t, struct trs_state *s, const struct tui_key *k)
{
	switch (s->ask) {
	case TRS_ASK_CANCEL:
		cancel_key(t, s, k);
		break;
	case TRS_ASK_TEAM:
		team_key(t, s, k);
		break;
	default:
		s->ask = TRS_ASK_NONE;
		break;
	}
}
