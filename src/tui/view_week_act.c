/* The Week screen's actions besides setting days (view_week_set.c): booking
 * a desk (b), and the team chooser (T) with the list of teams it offers.
 * After a change the week is read again. */
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

/* ---- booking a desk ---- */

void week_book_desk(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	struct booking_request rq;
	struct booking_why why;
	struct hop_booking made;
	struct hop_err err;
	char name[HOP_NAME_MAX + 1], date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here to book a desk for."));
		return;
	}
	/* One desk a day: on a day that has one, b offers another instead. */
	if (r->days[s->list.col].desk[0]) {
		week_move_open(t, s);
		return;
	}
	memset(&rq, 0, sizeof rq);
	rq.day = s->w.days[s->list.col].day;
	rq.half = HALF_DAY;
	rq.for_login = r->person.login;
	rq.any = true;
	rq.near_team = true;
	rq.why = &why;
	snprintf(name, sizeof name, "%s", r->person.name);
	date_format_human(rq.day, date, sizeof date);
	if (booking_book(t->app, &rq, &made, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (!week_load(t, s))
		return;
	if (why.near_mentor)
		tui_status(t, false, _("Booked desk %s for %s on %s, next to the mentor %s (desk %s)."),
		           made.desk, name, date, why.mentor_name, why.mentor_desk);
	else
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
