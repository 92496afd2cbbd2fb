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

void week_set_location(struct tui *t, enum presence_loc loc)
{
	const struct presence_row *r = week_sel_row();
	struct presence_result res;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	const struct presence_item *it;
	hop_date day = W.w.days[W.day].day;

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
	if (!week_load(t)) {
		presence_result_free(&res);
		return;
	}
	if (it && loc == LOC_OFFICE && it->desk[0] && !it->had_desk)
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

void week_clear_day(struct tui *t)
{
	const struct presence_row *r = week_sel_row();
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];
	hop_date day = W.w.days[W.day].day;
	int cleared = 0;

	if (!r)
		return;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(day, date, sizeof date);
	if (presence_clear(t->app, r->person.login, day, day, &cleared, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (!week_load(t))
		return;
	if (cleared)
		tui_status(t, false, _("%s: the entry for %s is cleared; the weekly default "
		                       "applies."), name, date);
	else
		tui_status(t, false, _("%s has no entry of their own for %s."), name, date);
}

void week_book_desk(struct tui *t)
{
	const struct presence_row *r = week_sel_row();
	struct booking_request rq;
	struct hop_booking made;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here to book a desk for."));
		return;
	}
	memset(&rq, 0, sizeof rq);
	rq.day = W.w.days[W.day].day;
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
	if (week_load(t))
		tui_status(t, false, _("Booked desk %s for %s on %s."), made.desk, name, date);
}

/* ---- the team chooser ---- */

/* The teams the actor may look at: their own, those they lead, and any team
 * for those core lets manage teams (HR, admins). */
bool week_teams_open(struct tui *t)
{
	struct hop_err err;
	bool any;
	size_t initial = 0;

	week_teams_free();
	if (team_list(t->app, false, &W.teams, &err) != HOP_OK) {
		tui_fail(t, &err);
		week_teams_free();
		return false;
	}
	any = authz_team_manage(t->app, &err) == HOP_OK;
	W.team_labels = calloc(W.teams.n + 1, sizeof *W.team_labels);
	W.team_items = calloc(W.teams.n + 1, sizeof *W.team_items);
	W.team_index = calloc(W.teams.n + 1, sizeof *W.team_index);
	if (!W.team_labels || !W.team_items || !W.team_index) {
		tui_status(t, true, _("Out of memory while listing %zu teams."), W.teams.n);
		week_teams_free();
		return false;
	}
	for (size_t i = 0; i < W.teams.n; i++) {
		const struct hop_team *tm = &W.teams.v[i];

		if (!any && tm->id != t->app->actor.person.team_id && !authz_leads_team(t->app, tm->id))
			continue;
		if (tm->lead_name[0])
			snprintf(W.team_labels[W.nitems], TEAM_LABEL_MAX, _("%s (lead: %s)"), tm->name,
			         tm->lead_name);
		else
			snprintf(W.team_labels[W.nitems], TEAM_LABEL_MAX, "%s", tm->name);
		if (W.loaded && tm->id == W.w.team.id)
			initial = W.nitems;
		W.team_items[W.nitems] = W.team_labels[W.nitems];
		W.team_index[W.nitems++] = i;
	}
	if (W.nitems <= 1 && W.loaded) {
		tui_status(t, false, "%s", _("You see your own team; leads switch between the teams "
		                             "they lead, HR and admins between all teams."));
		week_teams_free();
		return false;
	}
	if (!W.nitems) {
		tui_status(t, true, "%s", _("There is no team to show."));
		week_teams_free();
		return false;
	}
	if (!pick_open(&W.pick, _("Team:"), W.team_items, W.nitems, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the team list."));
		week_teams_free();
		return false;
	}
	W.mode = MODE_TEAMS;
	return true;
}

void week_teams_key(struct tui *t, const struct tui_key *k)
{
	char was[HOP_TEAM_NAME_MAX + 1];
	size_t i;

	switch (pick_key(&W.pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any team's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&W.pick);
		if (i >= W.nitems)
			break;
		snprintf(was, sizeof was, "%s", W.team);
		snprintf(W.team, sizeof W.team, "%s", W.teams.v[W.team_index[i]].name);
		W.top = W.sel = 0;
		if (!week_load(t))
			snprintf(W.team, sizeof W.team, "%s", was);
		break;
	}
	pick_close(&W.pick);
	week_teams_free();
	W.mode = MODE_GRID;
}
