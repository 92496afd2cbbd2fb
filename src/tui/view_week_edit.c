/* The Week screen's edits of one day besides its location: the note (n, a
 * line on the status line), moving the day's desk to another free desk (M,
 * and b on a day that has a desk: a chooser, then y), the details box's keys
 * (Enter shows the day; its keys are the grid's), and what the office
 * agreement says of the person's week after a change.
 *
 * Each change goes through view_week_set.c's week_apply, so that it is kept
 * for u like every other change of the screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "input.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_week_int.h"

static hop_date sel_day(const struct week_state *s)
{
	return s->w.days[s->list.col].day;
}

/* The selected person and day as the change to make. */
static void change_for(struct week_state *s, const struct presence_row *r,
                       enum change_what what)
{
	memset(&s->change, 0, sizeof s->change);
	s->change.what = what;
	snprintf(s->change.login, sizeof s->change.login, "%s", r->person.login);
	snprintf(s->change.name, sizeof s->change.name, "%s", r->person.name);
	snprintf(s->change.team, sizeof s->change.team, "%s", r->person.team);
	s->change.from = s->change.to = sel_day(s);
}

/* ---- n: the day's note ---- */

void week_note_open(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	const struct presence_cell *c;
	struct hop_err err;
	char date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here whose day could have a note."));
		return;
	}
	if (!s->w.days[s->list.col].working) {
		tui_status(t, true, "%s", s->w.days[s->list.col].why);
		return;
	}
	/* Who may not change the day hears it before typing a word. */
	if (authz_presence_for_days(t->app, &r->person, sel_day(s), sel_day(s), &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	c = &r->days[s->list.col];
	if (c->loc == LOC_NONE) {
		tui_status(t, true, _("%s has no location on that day yet; a note belongs to the "
		                      "day's location, so s sets it first."), r->person.name);
		return;
	}
	if (!input_init(&s->input, c->note, HOP_PRESENCE_NOTE_MAX)) {
		tui_status(t, true, "%s", _("The note holds characters this terminal's locale cannot "
		                            "show; start hop with a UTF-8 locale to edit it."));
		return;
	}
	change_for(s, r, CHANGE_NOTE);
	snprintf(s->input_label, sizeof s->input_label, _("Note, %s: "),
	         date_format_human(sel_day(s), date, sizeof date));
	t->prompt = &s->input;
	t->prompt_label = s->input_label;
	s->mode = MODE_NOTE;
}

void week_note_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
	switch (input_key(&s->input, k)) {
	case INPUT_ENTER:
		t->prompt = NULL;
		s->mode = MODE_GRID;
		if (!input_text(&s->input, s->change.note, sizeof s->change.note)) {
			tui_status(t, true, _("At most %d bytes fit in a note."), HOP_PRESENCE_NOTE_MAX);
			return;
		}
		week_apply(t, s);
		return;
	case INPUT_ESCAPE:
		t->prompt = NULL;
		s->mode = MODE_GRID;
		tui_status(t, false, "%s", _("Nothing changed."));
		return;
	case INPUT_FULL:
		tui_status(t, true, _("At most %d bytes fit in a note."), HOP_PRESENCE_NOTE_MAX);
		return;
	default:
		return;
	}
}

/* ---- M: move the day's desk ---- */

void week_desks_free(struct week_state *s)
{
	desk_list_free(&s->desks);
	free(s->desk_labels);
	free(s->desk_items);
	s->desk_labels = NULL;
	s->desk_items = NULL;
}

/* "2.07  Nord · monitor, quiet · fixed: Anna Berg · 2. OG · Haus A": what
 * tells desks apart first, so that a narrow chooser cuts the site. */
static void desk_label(const struct hop_desk *d, char *buf, size_t size)
{
	char attrs[128];
	size_t used;

	snprintf(buf, size, "%s  %s", d->code, d->zone.name);
	used = strlen(buf);
	if (d->attrs && used < size)
		used += (size_t)snprintf(buf + used, size - used, " · %s",
		                         desk_attr_display(d->attrs, attrs, sizeof attrs));
	if (d->owner_id && used < size)
		used += (size_t)snprintf(buf + used, size - used, _(" · fixed: %s"), d->owner_name);
	if (used < size)
		snprintf(buf + used, size - used, " · %s · %s", d->zone.floor, d->zone.site);
}

void week_move_open(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	const struct presence_cell *c;
	struct hop_err err;
	char title[HOP_CODE_MAX + 64], date[HOP_DATE_HUMAN_LEN];

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here whose desk could move."));
		return;
	}
	c = &r->days[s->list.col];
	if (!c->desk[0]) {
		tui_status(t, true, _("%s has no desk booked on that day; b books one."),
		           r->person.name);
		return;
	}
	change_for(s, r, CHANGE_MOVE);
	snprintf(s->change.desk, sizeof s->change.desk, "%s", c->desk);
	week_desks_free(s);
	/* Core says who may, and which desks are free for the person, best first. */
	if (booking_move_choices(t->app, sel_day(s), r->person.login, &s->desks, &err) != HOP_OK) {
		week_desks_free(s);
		tui_fail(t, &err);
		return;
	}
	if (!s->desks.n) {
		week_desks_free(s);
		tui_status(t, true, _("No other desk is free for %s on %s."), r->person.name,
		           date_format_human(sel_day(s), date, sizeof date));
		return;
	}
	s->desk_labels = calloc(s->desks.n, sizeof *s->desk_labels);
	s->desk_items = calloc(s->desks.n, sizeof *s->desk_items);
	if (!s->desk_labels || !s->desk_items) {
		week_desks_free(s);
		tui_status(t, true, _("Out of memory while listing %zu desks and rooms."), s->desks.n);
		return;
	}
	for (size_t i = 0; i < s->desks.n; i++) {
		desk_label(&s->desks.v[i], s->desk_labels[i], sizeof s->desk_labels[i]);
		s->desk_items[i] = s->desk_labels[i];
	}
	snprintf(title, sizeof title, _("Move %s to:"), c->desk);
	if (!pick_open(&s->pick, title, s->desk_items, s->desks.n, 0)) {
		week_desks_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->mode = MODE_DESKS;
	tui_status(t, false, _("Free desks for %s on %s, nearest to the team first."),
	           r->person.name, date_format_human(sel_day(s), date, sizeof date));
}

void week_move_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any desk's code and place."));
		return;
	case PICK_CANCEL:
		pick_close(&s->pick);
		week_desks_free(s);
		s->mode = MODE_GRID;
		tui_status(t, false, "%s", _("Nothing changed."));
		return;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		pick_close(&s->pick);
		s->mode = MODE_GRID;
		if (i < s->desks.n) {
			snprintf(s->change.to_desk, sizeof s->change.to_desk, "%s", s->desks.v[i].code);
			week_desks_free(s);
			week_ask_confirm(t, s);
			return;
		}
		week_desks_free(s);
		return;
	}
}

/* ---- the details box ---- */

/* The day's actions work from the details as from the grid (the box closes
 * first); any other key closes it. */
void week_detail_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
	s->mode = MODE_GRID;
	if (key_is(k, L's'))
		week_set_open(t, s);
	else if (key_is(k, L'n'))
		week_note_open(t, s);
	else if (key_is(k, L'b'))
		week_book_desk(t, s);
	else if (key_is(k, L'M'))
		week_move_open(t, s);
	else if (key_is(k, L'd'))
		week_cancel_desk_open(t, s);
}

/* ---- the office agreement after a change ---- */

void week_deviation_note(struct tui *t, const struct week_change *c, char *buf, size_t size)
{
	struct agreement_list l = { 0 };
	struct hop_person p;
	struct hop_err err;

	buf[0] = '\0';
	if (!c->team[0] || person_get(t->app, c->login, &p, &err) != HOP_OK)
		return;
	/* A note, never a refusal: when the check cannot be read, nothing is said. */
	if (agreement_check(t->app, c->team, c->from, c->to, &l, &err) == HOP_OK) {
		/* The first on the status line; the lines under the grid list them all. */
		for (size_t i = 0; i < l.n && !buf[0]; i++)
			if (l.v[i].person_id == p.id)
				snprintf(buf, size, "! %s", l.v[i].text);
	}
	agreement_list_free(&l);
}
