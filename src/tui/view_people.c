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
#include <time.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "advice.h"
#include "input.h"
#include "list.h"
#include "tui_internal.h"
#include "view_people_int.h"

/* ---- the data ---- */

/* Read at once when the screen opens (a page and then some), and about
 * how long an idle step may read: a key pressed meanwhile waits no longer. */
#define PEOPLE_FIRST 300
#define PEOPLE_PART 100
#define PEOPLE_STEP_MS 6.0

const struct hop_person *people_at(const struct people_state *s, size_t i)
{
	return &s->cur.l.v[s->filtered ? s->hits[i] : i];
}

const struct hop_person *people_selected(const struct people_state *s)
{
	size_t i = list_item(&s->list);

	return i != LIST_NONE ? people_at(s, i) : NULL;
}

void people_select_login(struct people_state *s, const char *login)
{
	for (size_t i = 0; login && i < s->nshown; i++) {
		if (strcmp(people_at(s, i)->login, login) == 0) {
			list_select(&s->list, i);
			return;
		}
	}
	list_select(&s->list, LIST_NONE);
}

/* Core lists people by team, no team last: a heading where the team changes. */
static bool same_team(const void *ctx, size_t a, size_t b)
{
	const struct people_state *s = ctx;

	return people_at(s, a)->team_id == people_at(s, b)->team_id;
}

static void read_free(struct people_read *r)
{
	person_roster_free(r->roster);
	person_list_free(&r->l);
	person_search_free(r->index);
	memset(r, 0, sizeof *r);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* More of r: at least want people, then parts for as long as ms allows. */
static bool read_more(struct tui *t, struct people_read *r, size_t want, double ms)
{
	double t0 = now_ms();
	struct hop_err err;

	while (!r->done) {
		if (person_roster_more(t->app, r->roster, want, &r->l, &r->done, &err) != HOP_OK ||
		    person_search_add(r->index, &r->l, &err) != HOP_OK) {
			tui_fail(t, &err);
			return false;
		}
		want = PEOPLE_PART;
		if (now_ms() - t0 >= ms)
			break;
	}
	return true;
}

/* Begin reading everyone into r: the teams, the count, the first people. */
static bool read_begin(struct tui *t, struct people_read *r)
{
	struct hop_err err;
	struct hop_person_list none = { 0 };

	read_free(r);
	if (person_roster_open(t->app, &r->roster, &r->total, &err) != HOP_OK ||
	    person_search_new(&none, &r->index, &err) != HOP_OK) {
		read_free(r);
		tui_fail(t, &err);
		return false;
	}
	/* Room for everyone at once (touched only as they come): growing by
	 * copying would cost a step the copy of all read so far. */
	if (r->total && (r->l.v = malloc(r->total * sizeof *r->l.v)))
		r->l.cap = r->total;
	if (!read_more(t, r, PEOPLE_FIRST, 0)) {
		read_free(r);
		return false;
	}
	return true;
}

/* The selected person's login into keep ("" none). */
static char *selected_login(const struct people_state *s, char keep[HOP_LOGIN_MAX + 1])
{
	const struct hop_person *p = people_selected(s);

	snprintf(keep, HOP_LOGIN_MAX + 1, "%s", p ? p->login : "");
	return keep;
}

/* The shown people = those of cur that match the filter, in cur's order;
 * without a search, cur itself.  keep ("" none) is selected again; grown:
 * cur only grew at its end since the list was built, so a selection of keep
 * keeps its place. */
static bool people_filter(struct tui *t, struct people_state *s, const char *keep, bool grown)
{
	size_t sel = grown ? list_item(&s->list) : LIST_NONE;

	if (s->filter[0] && s->cur.index) {
		if (s->cur.l.n > s->hcap) {
			size_t *h = realloc(s->hits, s->cur.l.n * sizeof *h);
			if (!h) {
				tui_status(t, true, _("Out of memory while listing %zu people."), s->cur.l.n);
				return false;
			}
			s->hits = h;
			s->hcap = s->cur.l.n;
		}
		s->nshown = person_search_run(s->cur.index, s->filter, s->hits);
		s->filtered = true;
	} else {
		s->nshown = s->cur.l.n;
		s->filtered = false;
	}
	if (!list_build(&s->list, s->nshown, same_team, s)) {
		tui_status(t, true, _("Out of memory while listing %zu people."), s->nshown);
		return false;
	}
	if (sel != LIST_NONE && sel < s->nshown && strcmp(people_at(s, sel)->login, keep) == 0)
		list_select(&s->list, sel);
	else
		people_select_login(s, keep[0] ? keep : NULL);
	return true;
}

/* next has everyone: it is what is shown from now on. */
static bool install_next(struct tui *t, struct people_state *s)
{
	char keep[HOP_LOGIN_MAX + 1];

	selected_login(s, keep);
	read_free(&s->cur);
	s->cur = s->next;
	memset(&s->next, 0, sizeof s->next);
	s->filtered = false;
	s->nshown = 0;
	return people_filter(t, s, keep, false);
}

bool people_load(struct tui *t, struct people_state *s, bool all)
{
	char keep[HOP_LOGIN_MAX + 1];

	if (!all)
		return people_filter(t, s, selected_login(s, keep), false);
	/* Everyone is read again into next while cur stays shown; the first
	 * reading (nothing shown yet), and one done at once, show at once. */
	if (!read_begin(t, &s->next))
		return false;
	if (!s->cur.roster || s->next.done)
		return install_next(t, s);
	return true;
}

void people_refresh_one(struct tui *t, struct people_state *s, const char *login)
{
	struct hop_person p;
	struct hop_err err;

	if (person_get(t->app, login, &p, &err) != HOP_OK)
		return;
	for (size_t i = 0; i < s->cur.l.n; i++) {
		if (strcmp(s->cur.l.v[i].login, login) == 0) {
			s->cur.l.v[i] = p;
			return;
		}
	}
}

/* A step of reading: the next list first, else the rest of the shown one. */
static bool people_idle(struct tui *t, void *state)
{
	struct people_state *s = state;

	if (s->next.roster) {
		if (!read_more(t, &s->next, PEOPLE_PART, PEOPLE_STEP_MS)) {
			read_free(&s->next);
			return false;
		}
		if (s->next.done)
			install_next(t, s);
		return true;
	}
	if (!s->cur.roster || s->cur.done)
		return false;
	char keep[HOP_LOGIN_MAX + 1];

	selected_login(s, keep);
	if (!read_more(t, &s->cur, PEOPLE_PART, PEOPLE_STEP_MS))
		return false;
	people_filter(t, s, keep, true);
	return !s->cur.done;
}

static void people_open(struct tui *t, void *state)
{
	struct people_state *s = state;

	people_load(t, s, true);
	s->fresh = true;
}

/* Every time the tab is shown, the people are read again (an import, an
 * edit by someone else), keeping the search and the selected person; a
 * reading under way goes on. */
static void people_show(struct tui *t, void *state)
{
	struct people_state *s = state;

	if (s->fresh)
		s->fresh = false;
	else if (!s->next.roster && (!s->cur.roster || s->cur.done))
		people_load(t, s, true);
}

static void people_close(struct tui *t, void *state)
{
	struct people_state *s = state;

	(void)t;
	people_edit_free(s);
	read_free(&s->cur);
	read_free(&s->next);
	free(s->hits);
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
	if (people_load(t, s, true)) {
		size_t n = s->next.roster ? s->next.total : s->cur.total;

		tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.", n),
		           n);
	}
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
	.idle = people_idle,
	.close = people_close,
};
