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
 * This file holds the state, reading the week, moving, the keys and the view's
 * table entry; view_week_draw.c draws the grid and the details box,
 * view_week_act.c changes days through core and runs the team chooser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_week_int.h"

/* The screen's state, defined here and shared through view_week_int.h with the
 * drawing and the actions, which read and change it just as this file does. */
struct week_state W;

static const struct tui_keyhelp week_keys[] = {
	{ N_("j k  ↓ ↑"), N_("next / previous person") },
	{ N_("l  → ←"), N_("next / previous day (h sets home, so ← goes back)") },
	{ N_("Home End PgUp PgDn"), N_("first / last person, a page up / down") },
	{ N_("[  ]"), N_("previous / next week") },
	{ N_("t"), N_("this week, today's day") },
	{ N_("o h m a"), N_("set the day to office, home, mobile or away (yours; a lead's "
	                    "for members)") },
	{ N_("x"), N_("clear the day's entry, so the weekly default applies again") },
	{ N_("b"), N_("book a desk near the team for the day (and mark it office)") },
	{ N_("Enter"), N_("details of the day: location, note, desk, presence day, deviations") },
	{ N_("T"), N_("show another team (the teams you lead; HR and admins: any)") },
	{ N_("r"), N_("read the week again from the database") },
	{ N_("● ⌂ ◆ –  → ·"), N_("office, home, mobile, away, business trip, not set") },
	{ N_("★  ✕  !"), N_("presence day, not a working day, deviation from the office "
	                    "agreement") },
};

/* ---- the data ---- */

const struct presence_row *week_sel_row(void)
{
	return W.loaded && W.sel < W.w.nrows ? &W.w.rows[W.sel] : NULL;
}

static void select_login(const char *login)
{
	for (size_t i = 0; login && i < W.w.nrows; i++) {
		if (strcmp(W.w.rows[i].person.login, login) == 0) {
			W.sel = i;
			return;
		}
	}
	if (W.sel >= W.w.nrows)
		W.sel = W.w.nrows ? W.w.nrows - 1 : 0;
}

/* Read the week of W.team from W.monday: one call to core.  On failure the
 * week shown before stays, and the reason goes to the status line. */
bool week_load(struct tui *t)
{
	struct presence_week w;
	struct hop_err err;
	char keep[HOP_LOGIN_MAX + 1] = "";
	const struct presence_row *r = week_sel_row();

	if (r)
		snprintf(keep, sizeof keep, "%s", r->person.login);
	memset(&w, 0, sizeof w);
	if (presence_week(t->app, W.team[0] ? W.team : NULL, W.monday, &w, &err) != HOP_OK) {
		presence_week_free(&w);
		tui_fail(t, &err);
		if (!W.loaded)
			tui_advice(&err, W.error, sizeof W.error);
		return false;
	}
	if (W.loaded && W.w.team.id != w.team.id)
		keep[0] = '\0';
	presence_week_free(&W.w);
	W.w = w;
	W.loaded = true;
	W.error[0] = '\0';
	W.monday = w.monday;
	select_login(keep[0] ? keep : t->app->actor.login);
	return true;
}

/* Go to the week of day; back to the week shown if it cannot be read. */
static void go_to(struct tui *t, hop_date day)
{
	hop_date was = W.monday;

	W.monday = day - (date_weekday(day) - 1);
	if (!week_load(t) && W.loaded)
		W.monday = was;
}

static void week_open(struct tui *t)
{
	hop_date today = clock_today();

	W.monday = today - (date_weekday(today) - 1);
	W.day = date_weekday(today) <= 5 ? date_weekday(today) - 1 : 0;
	week_load(t);
}

void week_teams_free(void)
{
	team_list_free(&W.teams);
	free(W.team_labels);
	free(W.team_items);
	free(W.team_index);
	W.team_labels = NULL;
	W.team_items = NULL;
	W.team_index = NULL;
	W.nitems = 0;
}

static void week_close(struct tui *t)
{
	(void)t;
	if (W.mode == MODE_TEAMS)
		pick_close(&W.pick);
	presence_week_free(&W.w);
	week_teams_free();
	memset(&W, 0, sizeof W);
}

/* ---- moving ---- */

static void move_rows(long delta)
{
	long n = (long)W.w.nrows, s = (long)W.sel + delta;

	if (!n)
		return;
	W.sel = (size_t)(s < 0 ? 0 : s >= n ? n - 1 : s);
}

static void move_day(int delta)
{
	int d = W.day + delta;

	W.day = d < 0 ? 0 : d >= PRESENCE_DAYS ? PRESENCE_DAYS - 1 : d;
}

/* ---- keys ---- */

static bool week_key(struct tui *t, const struct tui_key *k)
{
	switch (W.mode) {
	case MODE_DETAIL:
		W.mode = MODE_GRID;
		return true;
	case MODE_TEAMS:
		week_teams_key(t, k);
		return true;
	case MODE_GRID:
		break;
	}
	if (key_is(k, L'T'))
		week_teams_open(t);
	else if (key_is(k, L'[') || key_is(k, L']'))
		go_to(t, W.monday + (key_is(k, L'[') ? -7 : 7));
	else if (key_is(k, L't')) {
		hop_date today = clock_today();
		go_to(t, today);
		if (date_weekday(today) <= 5)
			W.day = date_weekday(today) - 1;
	} else if (key_is(k, L'r')) {
		if (week_load(t))
			tui_status(t, false, ngettext("Read again: %zu person.", "Read again: %zu people.",
			                              W.w.nrows), W.w.nrows);
	} else if (!W.loaded) {
		return false;
	} else if (key_is(k, L'j') || key_fn(k, KEY_DOWN))
		move_rows(1);
	else if (key_is(k, L'k') || key_fn(k, KEY_UP))
		move_rows(-1);
	else if (key_is(k, L'l') || key_fn(k, KEY_RIGHT))
		move_day(1);
	else if (key_fn(k, KEY_LEFT))
		move_day(-1);
	else if (key_fn(k, KEY_NPAGE) || key_is(k, L' '))
		move_rows(W.list_rows > 1 ? W.list_rows - 1 : 1);
	else if (key_fn(k, KEY_PPAGE))
		move_rows(-(W.list_rows > 1 ? W.list_rows - 1 : 1));
	else if (key_fn(k, KEY_HOME))
		move_rows(-(long)W.w.nrows);
	else if (key_fn(k, KEY_END))
		move_rows((long)W.w.nrows);
	else if (key_is(k, L'o'))
		week_set_location(t, LOC_OFFICE);
	else if (key_is(k, L'h'))
		week_set_location(t, LOC_HOME);
	else if (key_is(k, L'm'))
		week_set_location(t, LOC_MOBILE);
	else if (key_is(k, L'a'))
		week_set_location(t, LOC_AWAY);
	else if (key_is(k, L'x'))
		week_clear_day(t);
	else if (key_is(k, L'b'))
		week_book_desk(t);
	else if (key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER)) {
		if (week_sel_row())
			W.mode = MODE_DETAIL;
	} else
		return false;
	return true;
}

const struct tui_view view_week = {
	.name = N_("Week"),
	.hints = N_("? help  ↑↓←→ move  [ ] week  t today  o h m a set day  b desk  "
	            "Enter details  T team  q quit"),
	.keys = week_keys,
	.nkeys = sizeof week_keys / sizeof week_keys[0],
	.open = week_open,
	.draw = week_draw,
	.key = week_key,
	.close = week_close,
};
