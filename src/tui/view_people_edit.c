/* The People screen's edit form: the fields the actor may change of the
 * selected person (core's authz decides), and saving them through
 * person_edit, whose refusals are shown in core's words (see view_people.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "advice.h"
#include "form.h"
#include "input.h"
#include "tui_internal.h"
#include "view_people_int.h"

static bool may_edit(struct tui *t, const struct hop_person *p, unsigned fields)
{
	struct hop_err err;
	return authz_person_edit(t->app, p, fields, p->roles, &err) == HOP_OK;
}

void people_edit_free(struct people_state *s)
{
	form_done(&s->form);
	free(s->team_items);
	free(s->team_values);
	s->team_items = s->team_values = NULL;
	team_list_free(&s->form_teams);
}

/* The choices of the team field: none, then the active teams by name. */
static bool team_choices(struct tui *t, struct people_state *s)
{
	struct hop_err err;
	size_t n;

	if (team_list(t->app, false, &s->form_teams, &err) != HOP_OK) {
		tui_fail(t, &err);
		return false;
	}
	n = s->form_teams.n + 1;
	s->team_items = calloc(n, sizeof *s->team_items);
	s->team_values = calloc(n, sizeof *s->team_values);
	if (!s->team_items || !s->team_values) {
		people_edit_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return false;
	}
	s->team_items[0] = _("(no team)");
	s->team_values[0] = "";
	for (size_t i = 0; i < s->form_teams.n; i++)
		s->team_items[i + 1] = s->team_values[i + 1] = s->form_teams.v[i].name;
	return true;
}

void people_edit_open(struct tui *t, struct people_state *s)
{
	const struct hop_person *sel = people_selected(s);
	struct hop_person p;
	struct hop_err err;
	char title[HOP_NAME_MAX + HOP_LOGIN_MAX + 32], roles[96], start[HOP_DATE_ISO_LEN];
	bool ok;

	if (!sel) {
		tui_status(t, true, _("There is no one to edit here."));
		return;
	}
	if (person_get(t->app, sel->login, &p, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	/* Name and email are the least anyone may change; core says whether this
	 * actor may change even those, and in its own words if not. */
	if (authz_person_edit(t->app, &p, PF_NAME | PF_EMAIL, p.roles, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	snprintf(title, sizeof title, _("Edit %s (%s)"), p.name, p.login);
	form_init(&s->form, title);
	ok = form_add(&s->form, PF_NAME, _("Name"), p.name, HOP_NAME_MAX);
	ok = form_add(&s->form, PF_EMAIL, _("Email"), p.email, HOP_EMAIL_MAX) && ok;
	if (may_edit(t, &p, PF_TEAM)) {
		if (!team_choices(t, s))
			return;
		ok = form_add_choice(&s->form, PF_TEAM, _("Team"), p.team, HOP_TEAM_NAME_MAX,
		                     s->team_items, s->team_values, s->form_teams.n + 1) && ok;
	}
	if (may_edit(t, &p, PF_ROLES))
		ok = form_add(&s->form, PF_ROLES, _("Roles"), role_format(p.roles, roles, sizeof roles),
		              sizeof roles - 1) && ok;
	if (may_edit(t, &p, PF_START))
		ok = form_add(&s->form, PF_START, _("Start date"), date_format(p.start, start),
		              31) && ok;
	if (!ok) {
		people_edit_free(s);
		tui_status(t, true, _("The record of %s holds characters this terminal's locale "
		                      "cannot show, and saving would change them; start hop with a "
		                      "UTF-8 locale (for example LANG=de_DE.UTF-8) to edit it."),
		           p.login);
		return;
	}
	s->orig = p;
	s->editing = true;
}

static void edit_close(struct tui *t, struct people_state *s)
{
	people_edit_free(s);
	s->editing = false;
	t->cursor_y = -1;
}

/* What the status line names as changed: "name, team". */
#define CHANGED_MAX 160

/* A field that differs from the record: into e's fields, its name into changed. */
static void mark_changed(struct person_edit *e, unsigned field, char *changed, const char *what)
{
	size_t used = strlen(changed);

	e->fields |= field;
	snprintf(changed + used, CHANGED_MAX - used, "%s%s", used ? ", " : "", what);
}

/* A text field: into dst (size bytes) when it differs from the record's was. */
static void take_text(struct person_edit *e, unsigned field, char *dst, size_t size,
                      const char *text, const char *was, char *changed, const char *what)
{
	if (strcmp(text, was) == 0)
		return;
	snprintf(dst, size, "%s", text);
	mark_changed(e, field, changed, what);
}

static void edit_submit(struct tui *t, struct people_state *s)
{
	struct person_edit e;
	struct hop_err err;
	char text[INPUT_MAX_CHARS * 4 + 1], changed[CHANGED_MAX] = "";
	const struct hop_person *o = &s->orig;

	memset(&e, 0, sizeof e);
	for (int i = 0; i < s->form.n; i++) {
		struct form_field *f = &s->form.f[i];

		if (!input_text(&f->in, text, sizeof text)) {
			tui_status(t, true, _("%s: the text cannot be stored in this locale's "
			                      "encoding."), f->label);
			s->form.cur = i;
			return;
		}
		switch (f->id) {
		case PF_NAME:
			take_text(&e, PF_NAME, e.name, sizeof e.name, text, o->name, changed, _("name"));
			break;
		case PF_EMAIL:
			take_text(&e, PF_EMAIL, e.email, sizeof e.email, text, o->email, changed,
			          _("email"));
			break;
		case PF_TEAM:
			take_text(&e, PF_TEAM, e.team, sizeof e.team, text, o->team, changed, _("team"));
			break;
		case PF_ROLES:
			if (role_parse(text, &e.roles, &err) != HOP_OK) {
				tui_fail(t, &err);
				s->form.cur = i;
				return;
			}
			if (e.roles != o->roles)
				mark_changed(&e, PF_ROLES, changed, _("roles"));
			break;
		case PF_START:
			if (date_parse(text, clock_today(), &e.start, &err) != HOP_OK) {
				tui_fail(t, &err);
				s->form.cur = i;
				return;
			}
			if (e.start != o->start)
				mark_changed(&e, PF_START, changed, _("start date"));
			break;
		}
	}
	if (!e.fields) {
		edit_close(t, s);
		tui_status(t, false, _("Nothing changed."));
		return;
	}
	/* The form stays open on a refusal, so that what was typed can be fixed. */
	if (person_edit(t->app, o->login, &e, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	edit_close(t, s);
	if (strcmp(o->login, t->app->actor.login) == 0)
		app_resolve_actor(t->app, &err);
	/* The row shows the change at once; everyone is read again meanwhile. */
	people_refresh_one(t, s, o->login);
	people_load(t, s, true);
	people_select_login(s, o->login);
	tui_status(t, false, _("Saved: %s (%s)."), (e.fields & PF_NAME) ? e.name : o->name,
	           changed);
}

void people_edit_key(struct tui *t, struct people_state *s, const struct tui_key *k)
{
	switch (form_key(&s->form, k)) {
	case FORM_SUBMIT:
		edit_submit(t, s);
		break;
	case FORM_CANCEL:
		edit_close(t, s);
		tui_status(t, false, _("Edit cancelled; nothing changed."));
		break;
	case FORM_FULL:
		tui_status(t, true, _("%s holds at most %zu bytes."),
		           s->form.f[s->form.cur].label, s->form.f[s->form.cur].in.max_bytes);
		break;
	case FORM_CONTINUE:
		break;
	}
}
