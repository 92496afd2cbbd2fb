/* The Rotation screen's questions (see view_rotation.c): the details box of
 * a person or a trainee, the forms for an assignment and an exception (each
 * asks y before it writes), the team and cohort choosers, generating a
 * cohort's plan (kept as the draft after y) and publishing it (after y, or
 * h to start the handovers too).  Every change goes through core; after it
 * the data is read again, and a refusal is shown in core's words. */
#include <ctype.h>
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

static bool is_yes(const struct tui_key *k)
{
	return key_is(k, L'y') || key_is(k, L'Y') || key_is(k, L'j') || key_is(k, L'J');
}

static bool is_no(const struct tui_key *k)
{
	return key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q');
}

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
	form_init(&s->form, _("Add an assignment"));
	ok = form_add(&s->form, RF_LOGIN, _("Login"), login, HOP_LOGIN_MAX);
	ok = form_add(&s->form, RF_TEAM, _("Team"), s->own ? "" : s->team, ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_KIND, _("Kind"), membership_kind_name(MEMBER_STATION),
	              ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_FROM, _("From"), date_format(clock_today(), from),
	              ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_UNTIL, _("Until (empty: open)"), "", ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_HOST, _("Outside at (authority)"), "", ROT_FIELD_MAX) && ok;
	ok = form_add(&s->form, RF_LEVEL, _("Its level"), "", ROT_FIELD_MAX) && ok;
	if (!ok) {
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
	if (is_no(k)) {
		form_close(t, s);
		tui_status(t, false, "%s", _("Nothing changed."));
	} else if (is_yes(k)) {
		write(t, s);
	} else {
		again(t, s);
	}
}

/* ---- the choosers ---- */

static void choice_free(struct rot_state *s)
{
	pick_close(&s->pick);
	team_list_free(&s->teams);
	cohort_list_free(&s->cohorts);
	free(s->labels);
	free(s->items);
	s->labels = NULL;
	s->items = NULL;
	s->nitems = 0;
}

static bool labels_alloc(struct tui *t, struct rot_state *s, size_t n)
{
	s->labels = calloc(n ? n : 1, sizeof *s->labels);
	s->items = calloc(n ? n : 1, sizeof *s->items);
	if (s->labels && s->items)
		return true;
	choice_free(s);
	tui_status(t, true, "%s", _("Out of memory while opening the list."));
	return false;
}

/* The teams the actor may choose: every team for HR and admins, a lead's
 * own teams; into s->teams, keeping only those.  False (said) when none. */
static bool choosable_teams(struct tui *t, struct rot_state *s)
{
	bool all = (t->app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;
	struct hop_err err;
	size_t n = 0;

	choice_free(s);
	if (!rot_may_choose_team(t)) {
		tui_status(t, false, "%s", _("You see your own timeline; a team's is for its lead "
		                             "and HR."));
		return false;
	}
	if (team_list(t->app, false, &s->teams, &err) != HOP_OK) {
		choice_free(s);
		tui_fail(t, &err);
		return false;
	}
	for (size_t i = 0; i < s->teams.n; i++)
		if (all || authz_leads_team(t->app, s->teams.v[i].id))
			s->teams.v[n++] = s->teams.v[i];
	s->teams.n = n;
	if (!n) {
		choice_free(s);
		tui_status(t, false, "%s", _("There is no team whose timeline you may see."));
		return false;
	}
	return true;
}

static void show_team(struct tui *t, struct rot_state *s, const struct hop_team *tm)
{
	int64_t was_id = s->team_id;
	char was[HOP_TEAM_NAME_MAX + 1];
	bool was_own = s->own;

	snprintf(was, sizeof was, "%s", s->team);
	s->team_id = tm->id;
	snprintf(s->team, sizeof s->team, "%s", tm->name);
	s->own = false;
	s->mode = ROT_TIMELINE;
	s->tl_list.top = s->tl_list.sel = 0;
	if (!rot_load_timeline(t, s)) {
		s->team_id = was_id;
		s->own = was_own;
		snprintf(s->team, sizeof s->team, "%s", was);
		return;
	}
	tui_status(t, false, _("The timeline of %s."), s->team);
}

void rot_team_open(struct tui *t, struct rot_state *s)
{
	size_t initial = 0;

	if (!choosable_teams(t, s) || !labels_alloc(t, s, s->teams.n))
		return;
	for (size_t i = 0; i < s->teams.n; i++) {
		snprintf(s->labels[i], ROT_LABEL_MAX, "%s", s->teams.v[i].name);
		s->items[i] = s->labels[i];
		if (s->teams.v[i].id == s->team_id)
			initial = i;
	}
	s->nitems = s->teams.n;
	if (!pick_open(&s->pick, _("Team:"), s->items, s->nitems, initial)) {
		choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ROT_ASK_TEAM;
}

void rot_team_step(struct tui *t, struct rot_state *s, int dir)
{
	size_t at = 0, n;

	if (!choosable_teams(t, s))
		return;
	n = s->teams.n;
	for (size_t i = 0; i < n; i++)
		if (s->teams.v[i].id == s->team_id)
			at = i;
	if (s->own || !s->team_id)
		at = dir > 0 ? n - 1 : 0;
	show_team(t, s, &s->teams.v[(at + n + (size_t)(dir > 0 ? 1 : n - 1)) % n]);
	choice_free(s);
}

void rot_cohort_open(struct tui *t, struct rot_state *s)
{
	struct hop_err err;
	size_t initial = 0;
	char start[32];

	choice_free(s);
	if (cohort_list(t->app, &s->cohorts, &err) != HOP_OK) {
		choice_free(s);
		tui_fail(t, &err);
		return;
	}
	if (!s->cohorts.n) {
		choice_free(s);
		tui_status(t, false, "%s", _("There is no cohort yet (HR adds them)."));
		return;
	}
	if (!labels_alloc(t, s, s->cohorts.n))
		return;
	for (size_t i = 0; i < s->cohorts.n; i++) {
		const struct hop_cohort *c = &s->cohorts.v[i];

		snprintf(s->labels[i], ROT_LABEL_MAX,
		         ngettext("%s · from %s · %zu trainee", "%s · from %s · %zu trainees",
		                  c->ntrainees), c->name, tui_short_date(c->start, start, sizeof start),
		         c->ntrainees);
		s->items[i] = s->labels[i];
		if (strcmp(c->name, s->cohort) == 0)
			initial = i;
	}
	s->nitems = s->cohorts.n;
	if (!pick_open(&s->pick, _("Cohort:"), s->items, s->nitems, initial)) {
		choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ROT_ASK_COHORT;
}

static void pick_key_of(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	enum rot_ask was = s->ask;
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any name in the list."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		if (i >= s->nitems)
			break;
		if (was == ROT_ASK_TEAM) {
			show_team(t, s, &s->teams.v[i]);
			break;
		}
		snprintf(s->cohort, sizeof s->cohort, "%s", s->cohorts.v[i].name);
		s->mode = ROT_COHORT;
		s->generated = false;
		s->co_list.top = s->co_list.sel = 0;
		s->left = rot_month_index(s->cohorts.v[i].start) - 1;
		if (rot_load_cohort(t, s))
			tui_status(t, false, _("The plan of %s."), s->cohort);
		break;
	}
	choice_free(s);
	s->ask = ROT_ASK_NONE;
}

/* ---- a cohort's plan: generating, keeping, publishing ---- */

/* The letter of each station: the initial of the last word of its team's
 * name that no station before has, else of another word, else any free
 * letter, so that "Referat 11 Haushalt" and "Referat 12 Personal" are H
 * and P. */
bool rot_letters(struct rot_state *s)
{
	free(s->letters);
	s->letters = calloc(s->prob.nstations ? s->prob.nstations : 1, sizeof *s->letters);
	if (!s->letters)
		return false;
	for (size_t i = 0; i < s->prob.nstations; i++) {
		const char *name = s->prob.stations[i].team;
		char cand[64][ROT_LETTER_MAX];
		int nc = 0;

		/* Word initials, last word first. */
		for (const char *p = name + strlen(name); p > name && nc < 60; p--) {
			const char *w = p - 1;
			size_t len = 1;

			if (w != name && w[-1] != ' ')
				continue;
			if (*w == ' ')
				continue;
			while ((w[len] & 0xC0) == 0x80)
				len++;
			snprintf(cand[nc], ROT_LETTER_MAX, "%.*s", (int)len, w);
			if (len == 1 && isalnum((unsigned char)cand[nc][0]))
				cand[nc][0] = (char)toupper((unsigned char)cand[nc][0]);
			nc += isalpha((unsigned char)cand[nc][0]) || len > 1;
		}
		for (char c = 'A'; c <= 'Z' && nc < 64; c++)
			snprintf(cand[nc++], ROT_LETTER_MAX, "%c", c);
		for (int c = 0; c < nc; c++) {
			bool used = false;

			for (size_t j = 0; j < i && !used; j++)
				used = strcmp(s->letters[j], cand[c]) == 0;
			if (!used) {
				snprintf(s->letters[i], ROT_LETTER_MAX, "%s", cand[c]);
				break;
			}
		}
		if (!s->letters[i][0])
			snprintf(s->letters[i], ROT_LETTER_MAX, "%c", (char)('0' + (int)(i % 10)));
	}
	return true;
}

/* A cohort must be shown, and the actor keep cohorts (core's rule). */
static bool cohort_key_ready(struct tui *t, struct rot_state *s)
{
	struct hop_err err;

	if (s->mode != ROT_COHORT || !s->cohort_ok) {
		tui_status(t, false, "%s", _("Choose a cohort first: c shows its plan."));
		return false;
	}
	if (authz_cohort_keep(t->app, &err) != HOP_OK) {
		tui_fail(t, &err);
		return false;
	}
	return true;
}

void rot_generate(struct tui *t, struct rot_state *s)
{
	struct cohort_plan pl = { 0 };
	struct cohort_solve_result res;
	struct hop_err err;

	if (!cohort_key_ready(t, s))
		return;
	/* The solver may take up to its time limit: say so before it starts. */
	tui_status(t, false, _("Planning %s (at most %d s)..."), s->cohort,
	           t->app->cfg.rotation_plan_time_limit);
	tui_draw(t);
	memset(&res, 0, sizeof res);
	if (cohort_solve(&s->prob, t->app->cfg.rotation_plan_time_limit, &pl, &res, &err) != HOP_OK) {
		cohort_plan_free(&pl);
		tui_fail(t, &err);
		return;
	}
	cohort_plan_free(&s->plan);
	s->plan = pl;
	s->res = res;
	s->generated = true;
	s->has_plan = res.outcome == COHORT_OPTIMAL || res.outcome == COHORT_FEASIBLE;
	rot_check_plan(t, s);
	if (!s->has_plan) {
		s->generated = true;
		tui_status(t, true, _("No plan for %s: %s."), s->cohort,
		           cohort_outcome_display(res.outcome));
		return;
	}
	s->ask = ROT_ASK_SAVE;
	tui_status(t, false, _("A plan, %s (%s, %.2f s): keep it as the draft of %s?   y yes   "
	                       "n no"), cohort_outcome_display(res.outcome),
	           res.method == COHORT_EXACT ? _("exact method") : _("GLPK"), res.seconds,
	           s->cohort);
}

static void save_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	struct hop_err err;

	if (is_no(k)) {
		s->ask = ROT_ASK_NONE;
		s->generated = false;
		rot_load_cohort(t, s);
		tui_status(t, false, "%s", _("Nothing changed: the stored plan stays."));
		return;
	}
	if (!is_yes(k))
		return;
	s->ask = ROT_ASK_NONE;
	if (cohort_plan_save(t->app, &s->prob, &s->plan, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	s->generated = false;
	if (rot_load_cohort(t, s))
		tui_status(t, false, _("Kept as the draft of %s; p publishes it."), s->cohort);
}

static void ask_publish(struct tui *t, const struct rot_state *s)
{
	tui_status(t, false, _("Publish the plan of %s as station assignments?   y yes   "
	                       "h yes, with handovers   n no"), s->cohort);
}

void rot_publish_open(struct tui *t, struct rot_state *s)
{
	if (!cohort_key_ready(t, s))
		return;
	if (s->generated) {
		tui_status(t, false, "%s", _("The plan shown is not kept yet: g makes it again and y "
		                             "keeps it."));
		return;
	}
	if (!s->has_plan) {
		tui_status(t, false, "%s", _("No plan yet: g generates one."));
		return;
	}
	s->ask = ROT_ASK_PUBLISH;
	ask_publish(t, s);
}

static void publish_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	struct cohort_publish_report rep;
	struct hop_err err;
	bool handover = key_is(k, L'h') || key_is(k, L'H');

	if (is_no(k)) {
		s->ask = ROT_ASK_NONE;
		tui_status(t, false, "%s", _("Nothing changed: the plan is not published."));
		return;
	}
	if (!is_yes(k) && !handover) {
		ask_publish(t, s);
		return;
	}
	s->ask = ROT_ASK_NONE;
	memset(&rep, 0, sizeof rep);
	if (cohort_publish(t->app, s->cohort, handover, &rep, &err) != HOP_OK) {
		rot_load_cohort(t, s);
		tui_fail(t, &err);
		return;
	}
	if (rot_load_cohort(t, s))
		tui_status(t, false, _("Published %s: %zu added, %zu changed, %zu removed, %zu "
		                       "unchanged; %zu onboardings started."), s->cohort, rep.added,
		           rep.changed, rep.removed, rep.unchanged, rep.onboardings);
}

/* ---- every question ---- */

void rot_ask_free(struct rot_state *s)
{
	choice_free(s);
}

void rot_ask_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	switch (s->ask) {
	case ROT_ASK_DETAIL:
		s->ask = ROT_ASK_NONE;
		break;
	case ROT_ASK_TEAM:
	case ROT_ASK_COHORT:
		pick_key_of(t, s, k);
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
		save_key(t, s, k);
		break;
	case ROT_ASK_PUBLISH:
		publish_key(t, s, k);
		break;
	default:
		s->ask = ROT_ASK_NONE;
		break;
	}
}
