/* The Rotation screen's questions (see view_rotation.c): the details box of
 * a person or a trainee, the forms for an assignment and an exception (each
 * asks y before it writes); the choosers are view_rotation_pick.c's, a
 * cohort's plan view_rotation_plan.c's.  Every change goes through core; after it
 * the data is read again, and a refusal is shown in core's words. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "advice.h"
#include "form.h"
#include "input.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_rotation_int.h"

static char *date_or_open(hop_date d, char *buf, size_t size)
{
	if (d == HOP_DATE_NONE)
		snprintf(buf, size, "%s", _("open"));
	else
		tui_date_text(d, false, buf, size);
	return buf;
}

/* ---- the details box ---- */

static void detail_add(struct rot_state *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void detail_add(struct rot_state *s, const char *fmt, ...)
{
	va_list ap;

	if (s->ndetail >= ROT_DETAIL_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(s->detail[s->ndetail++], ROT_DETAIL_MAX, fmt, ap);
	va_end(ap);
}

/* A trainee of the cohort shown: their places in the plan and what the
 * check says of them. */
static void trainee_detail(struct rot_state *s, size_t tr)
{
	char a[32], b[32];

	for (size_t i = 0; s->has_plan && i < s->plan.n; i++) {
		const struct cohort_place *p = &s->plan.v[i];

		if (p->trainee != (int)tr || p->station < 0 || (size_t)p->station >= s->prob.nstations)
			continue;
		detail_add(s, "%s  %-20.20s %s – %s", s->letters[p->station],
		           s->prob.stations[p->station].team, tui_date_text(p->start, false, a, sizeof a),
		           tui_date_text(p->end, false, b, sizeof b));
	}
	if (!s->has_plan)
		detail_add(s, "%s", _("No plan yet: g generates one."));
	for (size_t v = 0; v < s->viol.n; v++)
		if (s->viol.v[v].trainee == (int)tr)
			detail_add(s, "! %s", s->viol.v[v].text);
}

void rot_detail_open(struct tui *t, struct rot_state *s)
{
	char login[HOP_LOGIN_MAX + 1], name[HOP_NAME_MAX + 1], a[32], b[32], due[32];
	struct rotation_timeline_query q = { 0 };
	struct rotation_timeline tl = { 0 };
	struct hop_err err;
	size_t first = 0;

	if (!rot_selected(s, login, sizeof login, name, sizeof name)) {
		tui_status(t, false, "%s", _("There is no one here to show."));
		return;
	}
	snprintf(s->detail_head, sizeof s->detail_head, " %s (%s) ", name, login);
	s->ndetail = 0;
	if (s->mode == ROT_COHORT) {
		trainee_detail(s, list_item(&s->co_list));
		s->ask = ROT_ASK_DETAIL;
		return;
	}
	q.login = login;
	q.from = q.to = HOP_DATE_NONE;
	if (rotation_timeline(t->app, &q, &tl, &err) != HOP_OK) {
		rotation_timeline_free(&tl);
		tui_fail(t, &err);
		return;
	}
	if (tl.n == 0 || tl.v[0].nperiods == 0)
		detail_add(s, "%s", _("No assignment on file."));
	/* The newest periods, when they do not all fit. */
	if (tl.n && tl.v[0].nperiods > ROT_DETAIL_LINES - 3)
		first = tl.v[0].nperiods - (ROT_DETAIL_LINES - 3);
	for (size_t i = first; tl.n && i < tl.v[0].nperiods; i++) {
		const struct rotation_period *p = &tl.v[0].periods[i];

		detail_add(s, "%c %-12.12s %-22.22s %s – %s", rot_kind_letter(p->kind),
		           membership_kind_display(p->kind), p->host[0] ? p->host : p->team,
		           tui_date_text(p->start, false, a, sizeof a),
		           date_or_open(p->end, b, sizeof b));
	}
	if (tl.n && tl.v[0].due != HOP_DATE_NONE) {
		const struct rotation_timeline_row *r = &tl.v[0];

		tui_date_text(r->due, false, due, sizeof due);
		if (r->exception)
			detail_add(s, _("E rotation due %s; exception on file, review %s"), due,
			           tui_date_text(r->exception_review, false, a, sizeof a));
		else
			detail_add(s, r->overdue ? _("! rotation due %s: overdue") : _("! rotation due %s"),
			           due);
	} else if (tl.n) {
		detail_add(s, "%s", _("No rotation due."));
	}
	rotation_timeline_free(&tl);
	s->ask = ROT_ASK_DETAIL;
}

void rot_detail_draw(struct tui *t, const struct rot_state *s)
{
	const char *close = _("Press any key to close.");
	int width = rot_min(t->cols - 4, 76), height = rot_min(s->ndetail + 4, t->body_rows);
	int top = t->body_top + (t->body_rows - height) / 2, left = (t->cols - width) / 2;

	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	text_draw(stdscr, top, left + 2, s->detail_head, width - 4);
	attroff(A_BOLD);
	for (int i = 0; i < s->ndetail && 1 + i < height - 3; i++)
		text_draw(stdscr, top + 1 + i, left + 2, s->detail[i], width - 4);
	text_draw(stdscr, top + height - 2, left + 2, close, width - 4);
	attrset(A_NORMAL);
}

/* ---- the forms ---- */

static void form_close(struct tui *t, struct rot_state *s)
{
	form_done(&s->form);
	rot_form_choices_free(s);
	s->ask = ROT_ASK_NONE;
	t->cursor_y = -1;
}

/* A form field's text; false (said, the field made current) when it cannot
 * be stored in the locale's encoding. */
static bool field_text(struct tui *t, struct rot_state *s, unsigned id, char *buf, size_t size)
{
	struct form_field *f = form_field(&s->form, id);

	if (f && input_text(&f->in, buf, size))
		return true;
	tui_status(t, true, _("%s: the text cannot be stored in this locale's encoding."),
	           f ? f->label : "?");
	for (int i = 0; f && i < s->form.n; i++)
		if (&s->form.f[i] == f)
			s->form.cur = i;
	return false;
}

static void focus(struct rot_state *s, unsigned id)
{
	for (int i = 0; i < s->form.n; i++)
		if (s->form.f[i].id == id)
			s->form.cur = i;
}

/* A date field; empty is HOP_DATE_NONE when open is allowed. */
static bool field_date(struct tui *t, struct rot_state *s, unsigned id, bool open, hop_date *out)
{
	char text[ROT_FIELD_MAX + 1];
	struct hop_err err;

	if (!field_text(t, s, id, text, sizeof text))
		return false;
	if (open && !text[0]) {
		*out = HOP_DATE_NONE;
		return true;
	}
	if (date_parse(text, clock_today(), out, &err) != HOP_OK) {
		tui_fail(t, &err);
		focus(s, id);
		return false;
	}
	return true;
}

void rot_assign_open(struct tui *t, struct rot_state *s)
{
	char login[HOP_LOGIN_MAX + 1] = "", name[HOP_NAME_MAX + 1], from[HOP_DATE_ISO_LEN];
	struct hop_err err;
	bool ok;

	/* Who may is core's rule, asked before the form, not after it is filled in. */
	if (authz_membership_manage(t->app, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (!rot_selected(s, login, sizeof login, name, sizeof name))
		login[0] = '\0';
	/* Person and team are chosen from lists, not typed. */
	if (!rot_form_choices(t, s))
		return;
	form_init(&s->form, _("Add an assignment"));
	ok = form_add_choice(&s->form, RF_LOGIN, _("Person"), login, HOP_LOGIN_MAX, s->f_people,
	                     s->f_logins, s->f_npeople);
	ok = form_add_choice(&s->form, RF_TEAM, _("Team"), s->own ? "" : s->team, ROT_FIELD_MAX,
	                     s->f_teams, s->f_team_values, s->f_nteams) && ok;
	ok = form_add(&s->form, RF_KIND, _("Kind"), membership_kind_name(MEMBER_STATION),
	              ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_FROM, _("From"), date_format(clock_today(), from),
	              ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_UNTIL, _("Until (empty: open)"), "", ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_HOST, _("Outside at (authority)"), "", ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_LEVEL, _("Its level"), "", ROT_FIELD_MAX) && ok;
	if (!ok) {
		rot_form_choices_free(s);
		tui_status(t, true, "%s", _("The form cannot be edited in this terminal's locale; "
		                            "start hop with a UTF-8 locale."));
		return;
	}
	s->form.cur = login[0] ? 1 : 0;
	s->ask = ROT_ASK_ASSIGN;
}

static void ask_assign(struct tui *t, const struct rot_state *s)
{
	char a[32], b[32];
	const char *where = s->f_host[0] ? s->f_host : s->f_team;

	tui_status(t, false, _("Add %s: %s in %s from %s until %s?   y yes   n no"), s->f_login,
	           membership_kind_display(s->f_kind), where, tui_date_text(s->f_from, false, a, sizeof a),
	           date_or_open(s->f_until, b, sizeof b));
}

static void assign_submit(struct tui *t, struct rot_state *s)
{
	char kind[ROT_FIELD_MAX + 1], level[ROT_FIELD_MAX + 1], login[ROT_FIELD_MAX + 1];
	struct hop_err err;

	if (!field_text(t, s, RF_LOGIN, login, sizeof login) ||
	    !field_text(t, s, RF_TEAM, s->f_team, sizeof s->f_team) ||
	    !field_text(t, s, RF_KIND, kind, sizeof kind) ||
	    !field_text(t, s, RF_HOST, s->f_host, sizeof s->f_host) ||
	    !field_text(t, s, RF_LEVEL, level, sizeof level))
		return;
	snprintf(s->f_login, sizeof s->f_login, "%s", login);
	if (membership_kind_parse(kind, &s->f_kind, &err) != HOP_OK) {
		tui_fail(t, &err);
		focus(s, RF_KIND);
		return;
	}
	if (!field_date(t, s, RF_FROM, false, &s->f_from) ||
	    !field_date(t, s, RF_UNTIL, true, &s->f_until))
		return;
	s->f_level = HOST_NONE;
	if (s->f_host[0] && membership_host_level_parse(level, &s->f_level, &err) != HOP_OK) {
		tui_fail(t, &err);
		focus(s, RF_LEVEL);
		return;
	}
	s->ask = ROT_ASK_ASSIGN_OK;
	t->cursor_y = -1;
	ask_assign(t, s);
}

static void assign_write(struct tui *t, struct rot_state *s)
{
	struct hop_err err;
	enum hop_status st;
	char a[32];

	if (s->f_host[0])
		st = membership_add_external(t->app, s->f_login, s->f_team, s->f_host, s->f_level,
		                             s->f_from, s->f_until, NULL, &err);
	else
		st = membership_add(t->app, s->f_login, s->f_team, s->f_kind, s->f_from, s->f_until,
		                    &err);
	if (st != HOP_OK) {
		/* Back to the form, as it was typed, so that it can be fixed. */
		s->ask = ROT_ASK_ASSIGN;
		tui_fail(t, &err);
		return;
	}
	form_close(t, s);
	if (rot_reload(t, s))
		tui_status(t, false, _("Added: %s, %s in %s from %s."), s->f_login,
		           membership_kind_display(s->f_kind), s->f_host[0] ? s->f_host : s->f_team,
		           tui_date_text(s->f_from, false, a, sizeof a));
}

void rot_exception_open(struct tui *t, struct rot_state *s)
{
	char review[HOP_DATE_ISO_LEN], title[HOP_NAME_MAX + HOP_LOGIN_MAX + 64];
	struct hop_err err;
	bool ok;

	if (s->mode == ROT_COHORT) {
		tui_status(t, false, "%s", _("Exceptions are for rotations due: t or d shows them."));
		return;
	}
	if (!rot_selected(s, s->f_login, sizeof s->f_login, s->f_name, sizeof s->f_name)) {
		tui_status(t, false, "%s", _("Select the person the exception is for first."));
		return;
	}
	if (authz_rotation_manage(t->app, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	snprintf(title, sizeof title, _("Exception for %s (%s)"), s->f_name, s->f_login);
	form_init(&s->form, title);
	ok = form_add(&s->form, RF_REASON, _("Reason"), "", ROT_FIELD_MAX);
	ok = form_add(&s->form, RF_MEASURE, _("Measure"), "", ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_REVIEW, _("Review on"),
	              date_format(date_add_months(clock_today(), 12), review), ROT_FIELD_MAX) && ok;
	if (!ok) {
		tui_status(t, true, "%s", _("The form cannot be edited in this terminal's locale; "
		                            "start hop with a UTF-8 locale."));
		return;
	}
	s->ask = ROT_ASK_EXCEPTION;
}

static void ask_exception(struct tui *t, const struct rot_state *s)
{
	char a[32];

	tui_status(t, false, _("File the exception for %s, review on %s?   y yes   n no"),
	           s->f_name, tui_date_text(s->f_review, false, a, sizeof a));
}

static void exception_submit(struct tui *t, struct rot_state *s)
{
	if (!field_text(t, s, RF_REASON, s->f_reason, sizeof s->f_reason) ||
	    !field_text(t, s, RF_MEASURE, s->f_measure, sizeof s->f_measure) ||
	    !field_date(t, s, RF_REVIEW, false, &s->f_review))
		return;
	s->ask = ROT_ASK_EXCEPTION_OK;
	t->cursor_y = -1;
	ask_exception(t, s);
}

static void exception_write(struct tui *t, struct rot_state *s)
{
	struct hop_err err;
	char a[32];

	if (rotation_exception_add(t->app, s->f_login, s->f_reason, s->f_measure, s->f_review,
	                           &err) != HOP_OK) {
		s->ask = ROT_ASK_EXCEPTION;
		tui_fail(t, &err);
		return;
	}
	form_close(t, s);
	if (rot_reload(t, s))
		tui_status(t, false, _("Exception filed for %s; review on %s."), s->f_name,
		           tui_date_text(s->f_review, false, a, sizeof a));
}

static void form_key_of(struct tui *t, struct rot_state *s, const struct tui_key *k,
                        void (*submit)(struct tui *, struct rot_state *))
{
	switch (form_key(&s->form, k)) {
	case FORM_SUBMIT:
		submit(t, s);
		break;
	case FORM_CANCEL:
		form_close(t, s);
		tui_status(t, false, "%s", _("Cancelled; nothing changed."));
		break;
	case FORM_FULL:
		tui_status(t, true, _("%s holds at most %zu bytes."), s->form.f[s->form.cur].label,
		           s->form.f[s->form.cur].in.max_bytes);
		break;
	case FORM_CONTINUE:
		break;
	}
}

/* y writes, n or Esc closes without a change, any other key asks again. */
static void confirm_key(struct tui *t, struct rot_state *s, const struct tui_key *k,
                        void (*write)(struct tui *, struct rot_state *),
                        void (*again)(struct tui *, const struct rot_state *))
{
	if (rot_is_no(k)) {
		form_close(t, s);
		tui_status(t, false, "%s", _("Nothing changed."));
	} else if (rot_is_yes(k)) {
		write(t, s);
	} else {
		again(t, s);
	}
}

/* ---- every question ---- */

void rot_ask_free(struct rot_state *s)
{
	form_done(&s->form);
	rot_form_choices_free(s);
	rot_choice_free(s);
}

void rot_ask_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	switch (s->ask) {
	case ROT_ASK_DETAIL:
		s->ask = ROT_ASK_NONE;
		break;
	case ROT_ASK_TEAM:
	case ROT_ASK_COHORT:
		rot_pick_key(t, s, k);
		break;
	case ROT_ASK_ASSIGN:
		form_key_of(t, s, k, assign_submit);
		break;
	case ROT_ASK_EXCEPTION:
		form_key_of(t, s, k, exception_submit);
		break;
	case ROT_ASK_ASSIGN_OK:
		confirm_key(t, s, k, assign_write, ask_assign);
		break;
	case ROT_ASK_EXCEPTION_OK:
		confirm_key(t, s, k, exception_write, ask_exception);
		break;
	case ROT_ASK_SAVE:
		rot_save_key(t, s, k);
		break;
	case ROT_ASK_PUBLISH:
		rot_publish_key(t, s, k);
		break;
	default:
		s->ask = ROT_ASK_NONE;
		break;
	}
}
