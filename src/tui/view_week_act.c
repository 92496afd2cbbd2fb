/* The Week screen's actions, which change data through core: setting a day's
 * location (o h m a), clearing it (x), booking a desk (b), and the team chooser
 * (T) with the list of teams it offers.  After a change the week is read again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_week_int.h"

/* ---- changing a day ---- */

void week_set_location(struct tui *t, struct week_state *s, enum presence_loc loc)
{
	const struct presence_row *r = week_sel_row(s);
	struct presence_result res;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	const struct presence_item *it;
	hop_date day = s->w.days[s->list.col].day;

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here whose day could be set."));
		return;
	}
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(day, date, sizeof date);
	memset(&res, 0, sizeof res);
	if (presence_set(t->app, r->person.login, day, day, loc, NULL, &res, &err) != HOP_OK) {
		presence_result_free(&res);
		tui_fail(t, &err);
		return;
	}
	it = res.n ? &res.v[0] : NULL;
	if (!week_load(t, s)) {
		presence_result_free(&res);
		return;
	}
	if (it && *it->training)
		tui_status(t, true, _("%s: %s on %s; %s."), name, presence_loc_display(loc), date,
		           it->training);
	else if (it && loc == LOC_OFFICE && it->desk[0] && !it->had_desk)
		tui_status(t, false, _("%s: office on %s, desk %s booked."), name, date, it->desk);
	else if (it && loc == LOC_OFFICE && it->no_desk)
		tui_status(t, false, _("%s: office on %s; no desk near the team was free (b tries "
		                       "again)."), name, date);
	else if (it && it->cancelled)
		tui_status(t, false, ngettext("%s: %s on %s; %d desk booking cancelled.",
		                              "%s: %s on %s; %d desk bookings cancelled.",
		                              it->cancelled),
		           name, presence_loc_display(loc), date, it->cancelled);
	else
		tui_status(t, false, _("%s: %s on %s."), name, presence_loc_display(loc), date);
	presence_result_free(&res);
}

void week_clear_day(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	hop_date day = s->w.days[s->list.col].day;
	int cleared = 0;

	if (!r)
		return;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(day, date, sizeof date);
	if (presence_clear(t->app, r->person.login, day, day, &cleared, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (!week_load(t, s))
		return;
	if (cleared)
		tui_status(t, false, _("%s: the entry for %s is cleared; the weekly default "
		                       "applies."), name, date);
	else
		tui_status(t, false, _("%s has no entry of their own for %s."), name, date);
}

void week_book_desk(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	struct booking_request rq;
	struct hop_booking made;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here to book a desk for."));
		return;
	}
	memset(&rq, 0, sizeof rq);
	rq.day = s->w.days[s->list.col].day;
	rq.half = HALF_DAY;
	rq.for_login = r->person.login;
	rq.any = true;
	rq.near_team = true;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(rq.day, date, sizeof date);
	if (booking_book(t->app, &rq, &made, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (week_load(t, s))
		tui_status(t, false, _("Booked desk %s for %s on %s."), made.desk, name, date);
}

/* ---- the team chooser ---- */

/* The teams the actor may look at, as core's authz_may_see_team decides. */
bool week_teams_open(struct tui *t, struct week_state *s)
{
	struct hop_err err;
	size_t initial = 0;

	week_teams_free(s);
	if (team_list(t->app, false, &s->teams, &err) != HOP_OK) {
		tui_fail(t, &err);
		week_teams_free(s);
		return false;
	}
	s->team_labels = calloc(s->teams.n + 1, sizeof *s->team_labels);
	s->team_items = calloc(s->teams.n + 1, sizeof *s->team_items);
	s->team_index = calloc(s->teams.n + 1, sizeof *s->team_index);
	if (!s->team_labels || !s->team_items || !s->team_index) {
		tui_status(t, true, _("Out of memory while listing %zu teams."), s->teams.n);
		week_teams_free(s);
		return false;
	}
	for (size_t i = 0; i < s->teams.n; i++) {
		const struct hop_team *tm = &s->teams.v[i];

		if (!authz_may_see_team(t->app, tm->id))
			continue;
		if (tm->lead_name[0])
			snprintf(s->team_labels[s->nitems], TEAM_LABEL_MAX, _("%s (lead: %s)"), tm->name,
			         tm->lead_name);
		else
			snprintf(s->team_labels[s->nitems], TEAM_LABEL_MAX, "%s", tm->name);
		if (s->loaded && tm->id == s->w.team.id)
			initial = s->nitems;
		s->team_items[s->nitems] = s->team_labels[s->nitems];
		s->team_index[s->nitems++] = i;
	}
	if (s->nitems <= 1 && s->loaded) {
		tui_status(t, false, "%s", _("You see your own team; leads switch between the teams "
		                             "they lead, HR and admins between all teams."));
		week_teams_free(s);
		return false;
	}
	if (!s->nitems) {
		tui_status(t, true, "%s", _("There is no team to show."));
		week_teams_free(s);
		return false;
	}
	if (!pick_open(&s->pick, _("Team:"), s->team_items, s->nitems, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the team list."));
		week_teams_free(s);
		return false;
	}
	s->mode = MODE_TEAMS;
	return true;
}

void week_teams_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
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
		snprintf(s->team, sizeof s->team, "%s", s->teams.v[s->team_index[i]].name);
		s->list.top = s->list.sel = 0;
		if (!week_load(t, s))
			snprintf(s->team, sizeof s->team, "%s", was);
		break;
	}
	pick_close(&s->pick);
	week_teams_free(s);
	s->mode = MODE_GRID;
}
