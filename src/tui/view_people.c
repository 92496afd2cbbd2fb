/* The People screen: everyone in the organisation grouped by team, a detail
 * pane for the selected person, search as you type, and an edit form.
 *
 * All it knows of people comes from core (person_list, person_get, team_list),
 * and every change goes through person_edit.  Which fields the form offers is
 * asked of core's authz; what the core refuses is shown as the core says it.
 *
 * This file holds reading the people, the search, the keys and the view's
 * entry; view_people_draw.c draws the list and the detail pane,
 * view_people_edit.c runs the edit form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "advice.h"
#include "input.h"
#include "list.h"
#include "tui_internal.h"
#include "view_people_int.h"

/* ---- the data ---- */

const struct hop_person *people_selected(const struct people_state *s)
{
	size_t i = list_item(&s->list);

	return i != LIST_NONE ? &s->people.v[i] : NULL;
}

void people_select_login(struct people_state *s, const char *login)
{
	for (size_t i = 0; login && i < s->people.n; i++) {
		if (strcmp(s->people.v[i].login, login) == 0) {
			list_select(&s->list, i);
			return;
		}
	}
	list_select(&s->list, LIST_NONE);
}

/* Core lists people by team, no team last: a heading where the team changes. */
static bool same_team(const void *ctx, size_t a, size_t b)
{
	const struct hop_person_list *l = ctx;

	return l->v[a].team_id == l->v[b].team_id;
}

/* people = the people of all that match the filter, in all's order;
 * without a search, all itself (20,000 people are not copied to be shown). */
static void people_drop(struct people_state *s)
{
	if (!s->people_is_all)
		person_list_free(&s->people);
	memset(&s->people, 0, sizeof s->people);
	s->people_is_all = false;
}

static bool people_filter(struct tui *t, struct people_state *s)
{
	struct hop_person_list l = { 0 };
	size_t n;

	if (!s->filter[0] || !s->index) {
		if (!list_build(&s->list, s->all.n, same_team, &s->all)) {
			tui_status(t, true, _("Out of memory while listing %zu people."), s->all.n);
			return false;
		}
		people_drop(s);
		s->people = s->all;
		s->people_is_all = true;
		return true;
	}
	n = person_search_run(s->index, s->filter, s->hits);
	l.v = malloc((n ? n : 1) * sizeof *l.v);
	if (!l.v) {
		tui_status(t, true, _("Out of memory while listing %zu people."), n);
		return false;
	}
	l.n = l.cap = n;
	for (size_t i = 0; i < n; i++)
		l.v[i] = s->all.v[s->hits[i]];
	/* The rows first, so that a failure leaves the list as it was. */
	if (!list_build(&s->list, l.n, same_team, &l)) {
		tui_status(t, true, _("Out of memory while listing %zu people."), l.n);
		person_list_free(&l);
		return false;
	}
	people_drop(s);
	s->people = l;
	return true;
}

bool people_load(struct tui *t, struct people_state *s, bool all)
{
	struct person_filter f = { .team = NULL, .search = NULL, .include_former = false };
	struct hop_err err;
	char keep[HOP_LOGIN_MAX + 1] = "";
	const struct hop_person *p = people_selected(s);

	if (p)
		snprintf(keep, sizeof keep, "%s", p->login);
	/* Everyone is read when the tab opens or is shown again; a keystroke of
	 * the search only filters what was read (a frame, not a query). */
	if (all || !s->index) {
		struct hop_team_list teams = { 0 };
		struct hop_person_list l = { 0 };
		struct person_search *index = NULL;
		size_t *hits;

		if (team_list(t->app, false, &teams, &err) != HOP_OK) {
			team_list_free(&teams);
			tui_fail(t, &err);
			return false;
		}
		if (person_list(t->app, &f, &l, &err) != HOP_OK ||
		    person_search_new(&l, &index, &err) != HOP_OK) {
			team_list_free(&teams);
			person_list_free(&l);
			tui_fail(t, &err);
			return false;
		}
		if (!(hits = malloc((l.n ? l.n : 1) * sizeof *hits))) {
			team_list_free(&teams);
			person_list_free(&l);
			person_search_free(index);
			tui_status(t, true, _("Out of memory while listing %zu people."), l.n);
			return false;
		}
		team_list_free(&s->teams);
		s->teams = teams;
		if (s->people_is_all)
			people_drop(s);
		person_list_free(&s->all);
		s->all = l;
		person_search_free(s->index);
		s->index = index;
		free(s->hits);
		s->hits = hits;
		s->total = l.n;
	}
	if (!people_filter(t, s))
		return false;
	people_select_login(s, keep[0] ? keep : NULL);
	return true;
}

static void people_open(struct tui *t, void *state)
{
	struct people_state *s = state;

	people_load(t, s, true);
	s->fresh = true;
}

/* Every time the tab is shown, the people are read again (an import, an
 * edit by someone else), keeping the search and the selected person. */
static void people_show(struct tui *t, void *state)
{
	struct people_state *s = state;

	if (s->fresh)
		s->fresh = false;
	else
		people_load(t, s, true);
}

static void people_close(struct tui *t, void *state)
{
	struct people_state *s = state;

	(void)t;
	people_edit_free(s);
	people_drop(s);
	person_list_free(&s->all);
	person_search_free(s->index);
	free(s->hits);
	team_list_free(&s->teams);
	list_free(&s->list);
}

/* ---- search ---- */

static void search_close(struct tui *t, struct people_state *s, bool clear)
{
	s->searching = false;
	t->prompt = NULL;
	if (clear && s->filter[0]) {
		s->filter[0] = '\0';
		people_load(t, s, false);
	}
}

static void search_key(struct tui *t, struct people_state *s, const struct tui_key *k)
{
	switch (input_key(&s->search, k)) {
	case INPUT_ENTER:
		search_close(t, s, false);
		break;
	case INPUT_ESCAPE:
		search_close(t, s, true);
		break;
	case INPUT_CHANGED: {
		/* Stay on the selected person while they match, else go to the first match. */
		char was[HOP_LOGIN_MAX + 1] = "";
		const struct hop_person *p = people_selected(s);

		if (p)
			snprintf(was, sizeof was, "%s", p->login);
		if (!input_text(&s->search, s->filter, sizeof s->filter))
			s->filter[0] = '\0';
		people_load(t, s, false);
		p = people_selected(s);
		if (!p || strcmp(p->login, was) != 0)
			list_home(&s->list, false);
		break;
	}
	case INPUT_FULL:
		tui_status(t, true, _("The search holds at most %d bytes."), SEARCH_MAX);
		break;
	case INPUT_IGNORED:
		/* The selection can move while the prompt is open. */
		if (key_fn(k, KEY_DOWN))
			list_move(&s->list, 1);
		else if (key_fn(k, KEY_UP))
			list_move(&s->list, -1);
		else if (key_fn(k, KEY_NPAGE))
			list_page(&s->list, 1);
		else if (key_fn(k, KEY_PPAGE))
			list_page(&s->list, -1);
		break;
	case INPUT_MOVED:
		break;
	}
}

/* ---- keys ---- */

/* The form and the search prompt take every key while they are open. */
static bool people_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct people_state *s = state;

	if (s->editing)
		people_edit_key(t, s, k);
	else if (s->searching)
		search_key(t, s, k);
	else
		return false;
	return true;
}

static bool act_move(struct tui *t, void *state, int arg)
{
	struct people_state *s = state;

	(void)t;
	list_move(&s->list, arg);
	return true;
}

static bool act_page(struct tui *t, void *state, int arg)
{
	struct people_state *s = state;

	(void)t;
	list_page(&s->list, arg);
	return true;
}

static bool act_home(struct tui *t, void *state, int arg)
{
	struct people_state *s = state;

	(void)t;
	list_home(&s->list, arg);
	return true;
}

static bool act_search(struct tui *t, void *state, int arg)
{
	struct people_state *s = state;

	(void)arg;
	input_init(&s->search, s->filter, SEARCH_MAX);
	s->searching = true;
	t->prompt = &s->search;
	t->prompt_label = _("Search: ");
	return true;
}

/* Esc after the search: without a filter it has nothing to clear. */
static bool act_clear_filter(struct tui *t, void *state, int arg)
{
	(void)arg;
	search_close(t, state, true);
	return true;
}

static bool act_edit(struct tui *t, void *state, int arg)
{
	(void)arg;
	people_edit_open(t, state);
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct people_state *s = state;

	(void)arg;
	if (people_load(t, s, true))
		tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.",
		                              s->total), s->total);
	return true;
}

static const struct tui_action people_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous person"), NULL, act_move, 1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, N_("PgDn Space  PgUp"), N_("a page down / up"), NULL,
	  act_page, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { 'g', TUI_FN(KEY_HOME) }, N_("g G  Home End"), N_("first / last person"), NULL,
	  act_home, 0 },
	{ { 'G', TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { '/' }, N_("/"), N_("search as you type (name, login, email, team)"), N_("/ search"),
	  act_search },
	{ { 0 }, N_("Enter"), N_("in the search: keep the filter") },
	{ { 27 }, N_("Esc"), N_("in the search, or after it: clear the filter"), NULL,
	  act_clear_filter },
	{ { 'e' }, N_("e"), N_("edit the selected person (what you may change)"), N_("e edit"),
	  act_edit },
	{ { 0 }, N_("Tab Enter Esc"), N_("in the form: next field, save, cancel") },
	{ { 'r' }, N_("r"), N_("read the people again from the database"), N_("r reload"), act_reload },
};

const struct tui_view view_people = {
	.name = N_("People"),
	TUI_TABLE(people_actions),
	.state_size = sizeof(struct people_state),
	.open = people_open,
	.show = people_show,
	.draw = people_draw,
	.key = people_question,
	.close = people_close,
};
