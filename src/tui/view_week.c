/* The Week screen, hop's home: the people of a team down the side, Monday to
 * Friday of an ISO week across, each cell where the person works that day and,
 * for office days, the desk.  Presence days and days off stand out, deviations
 * from the office agreement are marked on the row and explained below it.
 *
 * All it shows comes from core's presence_week, read once per week or team
 * change (and after a change made here), never per key.  Changes go through
 * presence_set, presence_clear and booking_book; what core refuses is shown in
 * core's words.  Which teams a person may switch to is asked of core's authz.
 *
 * This file holds reading the week, the keys and the view's table entry;
 * view_week_draw.c draws the grid and the details box, view_week_act.c
 * changes days through core and runs the team chooser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "list.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_week_int.h"

/* ---- the data ---- */

const struct presence_row *week_sel_row(const struct week_state *s)
{
	size_t i = list_item(&s->list);

	return s->loaded && i != LIST_NONE ? &s->w.rows[i] : NULL;
}

static void select_login(struct week_state *s, const char *login)
{
	for (size_t i = 0; login && i < s->w.nrows; i++) {
		if (strcmp(s->w.rows[i].person.login, login) == 0) {
			list_select(&s->list, i);
			return;
		}
	}
	list_select(&s->list, LIST_NONE);
}

/* Read the week of s->team from s->monday: one call to core.  On failure the
 * week shown before stays, and the reason goes to the status line. */
bool week_load(struct tui *t, struct week_state *s)
{
	struct presence_week w;
	struct hop_err err;
	char keep[HOP_LOGIN_MAX + 1] = "";
	const struct presence_row *r = week_sel_row(s);

	if (r)
		snprintf(keep, sizeof keep, "%s", r->person.login);
	memset(&w, 0, sizeof w);
	if (presence_week(t->app, s->team[0] ? s->team : NULL, s->monday, &w, &err) != HOP_OK) {
		presence_week_free(&w);
		tui_fail(t, &err);
		if (!s->loaded)
			tui_advice(&err, s->error, sizeof s->error);
		return false;
	}
	/* The rows first, so that a failure leaves the week as it was. */
	if (!list_build(&s->list, w.nrows, NULL, NULL)) {
		tui_status(t, true, _("Out of memory while listing %zu people."), w.nrows);
		presence_week_free(&w);
		return false;
	}
	if (s->loaded && s->w.team.id != w.team.id)
		keep[0] = '\0';
	presence_week_free(&s->w);
	s->w = w;
	s->loaded = true;
	s->error[0] = '\0';
	s->monday = w.monday;
	select_login(s, keep[0] ? keep : t->app->actor.login);
	return true;
}

/* Go to the week of day; back to the week shown if it cannot be read. */
static void go_to(struct tui *t, struct week_state *s, hop_date day)
{
	hop_date was = s->monday;

	s->monday = day - (date_weekday(day) - 1);
	if (!week_load(t, s) && s->loaded)
		s->monday = was;
}

static void week_open(struct tui *t, void *state)
{
	struct week_state *s = state;
	hop_date today = clock_today();

	/* On a Saturday or Sunday the week that matters is the coming one. */
	if (date_weekday(today) > 5)
		today += 8 - date_weekday(today);
	s->monday = today - (date_weekday(today) - 1);
	s->list.ncols = PRESENCE_DAYS;
	s->list.col = date_weekday(today) - 1;
	week_load(t, s);
	s->fresh = true;
}

/* Every time the tab is shown, the week is read again: a desk booked or
 * cancelled on the Desks screen (or by anyone else) shows at once. */
static void week_show(struct tui *t, void *state)
{
	struct week_state *s = state;

	if (s->fresh) {
		s->fresh = false;
	} else if (t->has_day && date_weekday(t->day) <= 5 &&
	           (t->day < s->monday || t->day >= s->monday + 7)) {
		/* The day chosen on Desks is in another week: go there. */
		go_to(t, s, t->day);
		s->list.col = date_weekday(t->day) - 1;
	} else {
		week_load(t, s);
		if (t->has_day && date_weekday(t->day) <= 5)
			s->list.col = date_weekday(t->day) - 1;
	}
}

void week_teams_free(struct week_state *s)
{
	team_list_free(&s->teams);
	free(s->team_labels);
	free(s->team_items);
	free(s->team_index);
	s->team_labels = NULL;
	s->team_items = NULL;
	s->team_index = NULL;
	s->nitems = 0;
}

static void week_close(struct tui *t, void *state)
{
	struct week_state *s = state;

	(void)t;
	if (s->mode == MODE_TEAMS || s->mode == MODE_DESKS)
		pick_close(&s->pick);
	presence_week_free(&s->w);
	week_teams_free(s);
	week_desks_free(s);
	list_free(&s->list);
}

/* ---- keys ---- */

/* The details box closes on any key; the team chooser takes every key. */
static bool week_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct week_state *s = state;

	switch (s->mode) {
	case MODE_DETAIL:
		week_detail_key(t, s, k);
		return true;
	case MODE_NOTE:
		week_note_key(t, s, k);
		return true;
	case MODE_DESKS:
		week_move_key(t, s, k);
		return true;
	case MODE_TEAMS:
		week_teams_key(t, s, k);
		return true;
	case MODE_SET:
		week_set_key(t, s, k);
		return true;
	case MODE_CONFIRM:
		week_confirm_key(t, s, k);
		return true;
	case MODE_GRID:
		break;
	}
	return false;
}

static bool act_teams(struct tui *t, void *state, int arg)
{
	(void)arg;
	week_teams_open(t, state);
	return true;
}

static bool act_go_weeks(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	go_to(t, s, s->monday + 7 * arg);
	return true;
}

static bool act_today(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;
	hop_date day = clock_today();

	(void)arg;
	go_to(t, s, day);
	if (date_weekday(day) <= 5)
		s->list.col = date_weekday(day) - 1;
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)arg;
	if (week_load(t, s))
		tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.",
		                              s->w.nrows), s->w.nrows);
	return true;
}

/* The keys below need a week to act on; without one they do nothing here. */

static bool act_move(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)t;
	if (!s->loaded)
		return false;
	list_move(&s->list, arg);
	return true;
}

static bool act_move_day(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)t;
	if (!s->loaded)
		return false;
	list_move_col(&s->list, arg);
	return true;
}

static bool act_page(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)t;
	if (!s->loaded)
		return false;
	list_page(&s->list, arg);
	return true;
}

static bool act_home(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)t;
	if (!s->loaded)
		return false;
	list_home(&s->list, arg);
	return true;
}

/* s, v, d, u, n, M: changing days, asked and undoable (view_week_set.c,
 * view_week_edit.c). */
static bool act_week_set(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	if (!s->loaded)
		return false;
	switch (arg) {
	case 's': week_set_open(t, s); break;
	case 'v': week_mark(t, s); break;
	case 'd': week_cancel_desk_open(t, s); break;
	case 'u': week_undo(t, s); break;
	case 'n': week_note_open(t, s); break;
	case 'M': week_move_open(t, s); break;
	}
	return true;
}

static bool act_book_desk(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)arg;
	if (!s->loaded)
		return false;
	week_book_desk(t, s);
	return true;
}

static bool act_details(struct tui *t, void *state, int arg)
{
	struct week_state *s = state;

	(void)t;
	(void)arg;
	if (!s->loaded)
		return false;
	if (week_sel_row(s))
		s->mode = MODE_DETAIL;
	return true;
}

static const struct tui_action week_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous person"), N_("↑↓←→ move"),
	  act_move, 1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { 'l', TUI_FN(KEY_RIGHT) }, N_("l h  → ←"), N_("next / previous day"), NULL,
	  act_move_day, 1 },
	{ { 'h', TUI_FN(KEY_LEFT) }, NULL, NULL, NULL, act_move_day, -1 },
	{ { TUI_FN(KEY_HOME) }, N_("Home End PgUp PgDn"), N_("first / last person, a page up / down"),
	  NULL, act_home, 0 },
	{ { TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, NULL, NULL, NULL, act_page, 1 },
	{ { 's' }, N_("s"), N_("set the day (or the marked span): o office, h home, m mobile, "
	                       "a away, w business trip, x clear (yours; a lead's for members)"),
	  N_("s set"), act_week_set, 's' },
	{ { 'v' }, N_("v"), N_("mark the first day of a span; move to its last day, then s"),
	  N_("v span"), act_week_set, 'v' },
	{ { 'd' }, N_("d"), N_("cancel the day's desk booking (y to confirm)"), NULL,
	  act_week_set, 'd' },
	{ { 'u' }, N_("u"), N_("undo the last change made here"), N_("u undo"), act_week_set, 'u' },
	{ { 'b' }, N_("b"), N_("book a desk near the team for the day (and mark it office); "
	                       "on a day with a desk: move it, as M"),
	  N_("b desk"), act_book_desk },
	{ { 'M' }, N_("M"), N_("move the day's desk booking to another free desk (choose, then "
	                       "y)"), NULL, act_week_set, 'M' },
	{ { 'n' }, N_("n"), N_("write the day's note (one line; empty removes it)"), NULL,
	  act_week_set, 'n' },
	{ { '\r', '\n', TUI_FN(KEY_ENTER) }, N_("Enter"),
	  N_("details of the day: location, note, desk, presence day, deviations; there s, n, "
	     "b, M and d act on the day"),
	  N_("Enter details"), act_details },
	{ { '[' }, N_("[  ]"), N_("previous / next week"), N_("[ ] week"), act_go_weeks, -1 },
	{ { ']' }, NULL, NULL, NULL, act_go_weeks, 1 },
	{ { 't' }, N_("t"), N_("this week, today's day"), N_("t today"), act_today },
	{ { 'T' }, N_("T"), N_("show another team (the teams you lead; HR and admins: any)"),
	  N_("T team"), act_teams },
	{ { 'r' }, N_("r"), N_("read the week again from the database"), NULL, act_reload },
	{ { 0 }, N_("● ⌂ ◆ –  → ·"), N_("office, home, mobile, away, business trip, not set") },
	{ { 0 }, N_("★  ✕  !"), N_("presence day, not a working day, deviation from the office "
	                           "agreement") },
};

const struct tui_view view_week = {
	.name = N_("Week"),
	TUI_TABLE(week_actions),
	.state_size = sizeof(struct week_state),
	.open = week_open,
	.show = week_show,
	.draw = week_draw,
	.key = week_question,
	.close = week_close,
};
