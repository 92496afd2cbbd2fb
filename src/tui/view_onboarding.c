/* The Onboarding screen: the onboardings the actor follows (HR and admins
 * all, a lead their teams', everyone their own and their mentees'), one row
 * each with the new hire, team, start, mentor, progress and the next step
 * due, overdue ones marked; Enter opens a new hire's checklist, where steps
 * are ticked, noted and the mentor chosen from core's ranked suggestions.
 *
 * Which onboardings the actor follows is core's word (onboarding_watch);
 * every change goes through core (onboarding_tick, onboarding_untick,
 * onboarding_step_set, mentor_assign, mentor_change) and a refusal is shown
 * as core says it.  The data is read again whenever the tab is shown, since
 * other screens and other processes change it.
 *
 * This file holds reading the data, the filters, the keys and the view's
 * entry; view_onboarding_draw.c and view_onboarding_check.c draw,
 * view_onboarding_act.c runs the questions the keys open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/onboarding/watch.h"
#include "advice.h"
#include "list.h"
#include "tui_internal.h"
#include "view_onboarding_int.h"

/* ---- the data ---- */

const struct onb_summary *onbs_selected(const struct onbs_state *s)
{
	size_t i = list_item(&s->list);

	return i != LIST_NONE && i < s->nshown ? &s->all.v[s->shown[i]] : NULL;
}

const struct onb_step *onbs_sel_step(const struct onbs_state *s)
{
	size_t i = list_item(&s->steps_list);

	return s->loaded && i != LIST_NONE && i < s->steps.n ? &s->steps.v[i] : NULL;
}

const struct onb_summary *onbs_target(const struct onbs_state *s)
{
	if (s->view == VIEW_CHECKLIST)
		return s->loaded ? &s->cur : NULL;
	return onbs_selected(s);
}

/* Select the row of login's onboarding, else the one nearest the selection. */
static void select_login(struct onbs_state *s, const char *login)
{
	for (size_t i = 0; login && login[0] && i < s->nshown; i++) {
		if (strcmp(s->all.v[s->shown[i]].person.login, login) == 0) {
			list_select(&s->list, i);
			return;
		}
	}
	list_select(&s->list, LIST_NONE);
}

static bool passes(const struct onbs_state *s, const struct onb_summary *o)
{
	if (s->overdue_only && o->overdue == 0)
		return false;
	return !s->team[0] || strcmp(o->person.team, s->team) == 0;
}

void onbs_filter(struct onbs_state *s)
{
	const struct onb_summary *o = onbs_selected(s);
	char keep[HOP_LOGIN_MAX + 1] = "";
	size_t *shown = calloc(s->all.n ? s->all.n : 1, sizeof *shown), n = 0;

	if (o)
		snprintf(keep, sizeof keep, "%s", o->person.login);
	for (size_t i = 0; shown && i < s->all.n; i++)
		if (passes(s, &s->all.v[i]))
			shown[n++] = i;
	if (!shown || !list_build(&s->list, n, NULL, NULL)) {
		/* Out of memory: an empty list rather than rows into the old one. */
		free(shown);
		s->nshown = 0;
		list_build(&s->list, 0, NULL, NULL);
		onbs_measure(s);
		return;
	}
	free(s->shown);
	s->shown = shown;
	s->nshown = n;
	onbs_measure(s);
	select_login(s, keep);
}

static bool load_list(struct tui *t, struct onbs_state *s)
{
	struct onb_summary_list l = { 0 };
	const struct onb_summary *o = onbs_selected(s);
	char keep[HOP_LOGIN_MAX + 1] = "";
	struct hop_err err;

	if (o)
		snprintf(keep, sizeof keep, "%s", o->person.login);
	if (onboarding_watch(t->app, NULL, &l, &err) != HOP_OK) {
		onb_summary_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	/* The old rows point into the old list: none is selected until rebuilt. */
	s->nshown = 0;
	onb_summary_list_free(&s->all);
	s->all = l;
	onbs_filter(s);
	select_login(s, keep);
	return true;
}

/* Read login's checklist; the step selected before stays selected. */
static bool load_checklist(struct tui *t, struct onbs_state *s)
{
	struct onb_summary o;
	struct onb_step_list l = { 0 };
	const struct onb_step *was = onbs_sel_step(s);
	int keep = was ? was->number : 0;
	struct hop_err err;

	if (onboarding_show(t->app, s->login, &o, &l, &err) != HOP_OK) {
		onb_step_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	if (!list_build(&s->steps_list, l.n, NULL, NULL)) {
		onb_step_list_free(&l);
		tui_status(t, true, _("Out of memory while listing %zu onboarding steps."), l.n);
		return false;
	}
	onb_step_list_free(&s->steps);
	s->steps = l;
	s->cur = o;
	s->loaded = true;
	list_select(&s->steps_list, LIST_NONE);
	for (size_t i = 0; keep && i < l.n; i++)
		if (s->steps.v[i].number == keep)
			list_select(&s->steps_list, i);
	return true;
}

bool onbs_reload(struct tui *t, struct onbs_state *s)
{
	if (!load_list(t, s))
		return false;
	if (s->view != VIEW_CHECKLIST)
		return true;
	if (!load_checklist(t, s)) {
		/* The checklist cannot be read (any more): the list, and why. */
		s->view = VIEW_LIST;
		s->loaded = false;
		return false;
	}
	return true;
}

/* Show login's checklist from its first step. */
static void open_checklist(struct tui *t, struct onbs_state *s, const char *login)
{
	snprintf(s->login, sizeof s->login, "%s", login);
	s->loaded = false;
	list_select(&s->steps_list, LIST_NONE);
	if (!load_checklist(t, s))
		return;
	list_home(&s->steps_list, false);
	s->view = VIEW_CHECKLIST;
}

/* Each showing reads the data again.  The first one shows the actor's own
 * checklist, when they have one, before the list: a new hire's screen is
 * their checklist. */
static void onbs_show(struct tui *t, void *state)
{
	struct onbs_state *s = state;

	if (!onbs_reload(t, s))
		return;
	if (s->started)
		return;
	s->started = true;
	if (s->all.n && t->app->actor.known && s->all.v[0].person.id == t->app->actor.person.id)
		open_checklist(t, s, s->all.v[0].person.login);
}

static void onbs_close(struct tui *t, void *state)
{
	struct onbs_state *s = state;

	(void)t;
	onbs_choice_free(s);
	onb_summary_list_free(&s->all);
	onb_step_list_free(&s->steps);
	free(s->shown);
	list_free(&s->list);
	list_free(&s->steps_list);
}

/* ---- keys ---- */

/* A question in progress takes every key; the details box closes on any. */
static bool onbs_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct onbs_state *s = state;

	switch (s->ask) {
	case ASK_NONE:
		return false;
	case ASK_DETAIL:
		s->ask = ASK_NONE;
		return true;
	default:
		onbs_ask_key(t, s, k);
		return true;
	}
}

static struct tui_list *shown_list(struct onbs_state *s)
{
	return s->view == VIEW_CHECKLIST ? &s->steps_list : &s->list;
}

static bool act_move(struct tui *t, void *state, int arg)
{
	(void)t;
	list_move(shown_list(state), arg);
	return true;
}

static bool act_page(struct tui *t, void *state, int arg)
{
	(void)t;
	list_page(shown_list(state), arg);
	return true;
}

static bool act_home(struct tui *t, void *state, int arg)
{
	(void)t;
	list_home(shown_list(state), arg);
	return true;
}

static bool act_enter(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;
	const struct onb_summary *o = onbs_selected(s);

	(void)arg;
	if (s->view == VIEW_CHECKLIST) {
		if (onbs_sel_step(s))
			s->ask = ASK_DETAIL;
		else
			tui_status(t, false, "%s", _("This checklist has no steps."));
		return true;
	}
	if (!o) {
		tui_status(t, true, "%s", _("There is no onboarding here to open."));
		return true;
	}
	open_checklist(t, s, o->person.login);
	return true;
}

/* Esc: from the checklist back to the list, on its new hire; in the list,
 * the filters are cleared. */
static bool act_back(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;

	(void)arg;
	if (s->view == VIEW_CHECKLIST) {
		s->view = VIEW_LIST;
		select_login(s, s->login);
		return true;
	}
	if (s->overdue_only || s->team[0]) {
		s->overdue_only = false;
		s->team[0] = '\0';
		onbs_filter(s);
		tui_status(t, false, "%s", _("Filters cleared: every onboarding you follow."));
	}
	return true;
}

static bool act_tick(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;

	(void)arg;
	if (s->view != VIEW_CHECKLIST)
		tui_status(t, false, "%s", _("Open a checklist with Enter to tick its steps."));
	else
		onbs_tick_open(t, s);
	return true;
}

static bool act_note(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;

	(void)arg;
	if (s->view != VIEW_CHECKLIST)
		tui_status(t, false, "%s", _("Open a checklist with Enter to add a note to a step."));
	else
		onbs_note_open(t, s);
	return true;
}

static bool act_mentor(struct tui *t, void *state, int arg)
{
	(void)arg;
	onbs_mentor_open(t, state);
	return true;
}

/* o: the filter shows in the list, so the checklist gives way to it. */
static bool act_overdue(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;

	(void)arg;
	if (s->view == VIEW_CHECKLIST) {
		s->view = VIEW_LIST;
		select_login(s, s->login);
	}
	s->overdue_only = !s->overdue_only;
	onbs_filter(s);
	tui_status(t, false, "%s", s->overdue_only
	           ? _("Only onboardings with overdue steps; o again shows all.")
	           : _("Onboardings with and without overdue steps."));
	return true;
}

static bool act_team(struct tui *t, void *state, int arg)
{
	(void)arg;
	onbs_team_open(t, state);
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct onbs_state *s = state;

	(void)arg;
	if (onbs_reload(t, s))
		tui_status(t, false, ngettext("Read again: %zu onboarding.",
		                              "Read again: %zu onboardings.", s->all.n), s->all.n);
	return true;
}

#define ENTER '\r', '\n', TUI_FN(KEY_ENTER)

static const struct tui_action onbs_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous onboarding or step"), NULL,
	  act_move, 1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, N_("PgDn Space  PgUp"), N_("a page down / up"), NULL,
	  act_page, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { TUI_FN(KEY_HOME) }, N_("Home End"), N_("first / last onboarding or step"), NULL,
	  act_home, 0 },
	{ { TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { ENTER }, N_("Enter"), N_("open the checklist; in it: all about the step"),
	  N_("Enter open"), act_enter },
	{ { 27 }, N_("Esc"), N_("back to the list; in the list: clear the filters"),
	  N_("Esc back"), act_back },
	{ { 'x' }, N_("x"), N_("tick the step as done, or untick it (y to confirm)"),
	  N_("x tick"), act_tick },
	{ { 'n' }, N_("n"), N_("write a note on the step"), N_("n note"), act_note },
	{ { 'm' }, N_("m"), N_("choose or change the mentor from the ranked suggestions"),
	  N_("m mentor"), act_mentor },
	{ { 'o' }, N_("o"), N_("only onboardings with overdue steps (o again: all)"), NULL,
	  act_overdue },
	{ { 'T' }, N_("T"), N_("only one team's onboardings (choose from a list)"), NULL,
	  act_team },
	{ { 'r' }, N_("r"), N_("read the onboardings again from the database"), NULL, act_reload },
	{ { 0 }, N_("✓ · ! –  ●"), N_("done, open, overdue, dropped; must happen in the office") },
};

const struct tui_view view_onboarding = {
	.name = N_("Onboarding"),
	TUI_TABLE(onbs_actions),
	.state_size = sizeof(struct onbs_state),
	.show = onbs_show,
	.draw = onbs_draw,
	.key = onbs_question,
	.close = onbs_close,
};
