/* The Week screen's changes of days, made safe: a location is set with s and
 * then a letter (o h m a w, x clears), for the selected day or for a span
 * marked with v; a change that would cancel desk bookings, and d (cancel the
 * day's desk), ask first; u undoes the last change of the session.
 *
 * Why a chooser rather than one key per location: h and l move between days
 * on every screen, and a single letter that silently cancels a desk is a trap
 * for anyone whose fingers know vim or calcurse.  The undo keeps, per day of
 * the change, what core said the day was before (its own entry, its note, its
 * desk), and puts each back through the same core functions. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "tui_internal.h"
#include "view_week_int.h"

/* ---- the span ---- */

static hop_date sel_day(const struct week_state *s)
{
	return s->w.days[s->list.col].day;
}

/* The days a change applies to: the marked span, else the selected day. */
static void span(const struct week_state *s, hop_date *from, hop_date *to)
{
	hop_date d = sel_day(s);

	*from = *to = d;
	if (s->marked) {
		*from = s->mark < d ? s->mark : d;
		*to = s->mark < d ? d : s->mark;
	}
}

bool week_in_span(const struct week_state *s, hop_date day)
{
	hop_date from, to;

	if (!s->marked)
		return false;
	span(s, &from, &to);
	return day >= from && day <= to;
}

static const char *span_text(hop_date from, hop_date to, char *buf, size_t size)
{
	char a[HOP_DATE_HUMAN_LEN], b[HOP_DATE_HUMAN_LEN];

	if (from == to)
		snprintf(buf, size, "%s", date_format_human(from, a, sizeof a));
	else
		snprintf(buf, size, _("%s to %s"), date_format_human(from, a, sizeof a),
		         date_format_human(to, b, sizeof b));
	return buf;
}

void week_mark(struct tui *t, struct week_state *s)
{
	char date[HOP_DATE_HUMAN_LEN];

	if (s->marked) {
		s->marked = false;
		tui_status(t, false, "%s", _("Mark removed."));
		return;
	}
	s->marked = true;
	s->mark = sel_day(s);
	tui_status(t, false, _("Marked from %s: move to the last day (weeks too), then s sets "
	                       "the whole span."),
	           date_format_human(s->mark, date, sizeof date));
}

/* ---- asking ---- */

static void ask_location(struct tui *t, const struct week_state *s)
{
	char when[2 * HOP_DATE_HUMAN_LEN + 8];

	tui_status(t, false, _("%s, %s: o office  h home  m mobile  a away  w business trip  "
	                       "x clear  Esc nothing"), s->change.name,
	           span_text(s->change.from, s->change.to, when, sizeof when));
}

void week_set_open(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	struct hop_err err;
	hop_date from, to;

	if (!r) {
		tui_status(t, true, "%s", _("There is no one here whose day could be set."));
		return;
	}
	/* Who may not change this person's days hears it now, not after the
	 * chooser (nor learns which desks they booked). */
	span(s, &from, &to);
	if (to - from <= 30 && authz_presence_for_days(t->app, &r->person, from, to, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (to - from > 30) {
		tui_status(t, true, "%s", _("A span is at most 31 days; v marks a shorter one."));
		return;
	}
	memset(&s->change, 0, sizeof s->change);
	snprintf(s->change.login, sizeof s->change.login, "%s", r->person.login);
	snprintf(s->change.name, sizeof s->change.name, "%s", r->person.name);
	snprintf(s->change.team, sizeof s->change.team, "%s", r->person.team);
	s->change.from = from;
	s->change.to = to;
	s->mode = MODE_SET;
	ask_location(t, s);
}

/* The desk bookings of the change's person in its span (rooms aside). */
static int desks_in_span(struct tui *t, const struct week_change *c, char *first, size_t size)
{
	struct booking_filter f = { .person = c->login, .from = c->from, .to = c->to };
	struct hop_booking_list l = { 0 };
	struct hop_err err;
	int n = 0;

	*first = '\0';
	if (booking_list(t->app, &f, &l, &err) != HOP_OK) {
		booking_list_free(&l);
		return -1;
	}
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].kind != DESK_KIND_DESK)
			continue;
		if (!n++)
			snprintf(first, size, "%s", l.v[i].desk);
	}
	booking_list_free(&l);
	return n;
}

void week_ask_confirm(struct tui *t, struct week_state *s)
{
	char when[2 * HOP_DATE_HUMAN_LEN + 8];
	const struct week_change *c = &s->change;

	s->mode = MODE_CONFIRM;
	span_text(c->from, c->to, when, sizeof when);
	if (c->what == CHANGE_MOVE)
		tui_status(t, false, _("Move the desk of %s on %s from %s to %s? y yes, n no"), c->name,
		           when, c->desk, c->to_desk);
	else if (c->what == CHANGE_CANCEL_DESK)
		tui_status(t, false, _("Cancel desk %s of %s on %s? y yes, n no"), c->desk, c->name,
		           when);
	else if (c->desks == 1)
		tui_status(t, false, _("%s for %s on %s cancels desk %s. y yes, n no"),
		           presence_loc_display(c->loc), c->name, when, c->desk);
	else
		tui_status(t, false, _("%s for %s on %s cancels %d desk bookings (%s, ...). y yes, "
		                       "n no"), presence_loc_display(c->loc), c->name, when, c->desks,
		           c->desk);
}

void week_cancel_desk_open(struct tui *t, struct week_state *s)
{
	const struct presence_row *r = week_sel_row(s);
	const struct presence_cell *cell;
	struct hop_err err;

	if (!r)
		return;
	if (authz_book_for_days(t->app, &r->person, sel_day(s), sel_day(s), &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	cell = &r->days[s->list.col];
	if (!cell->desk[0]) {
		tui_status(t, true, _("%s has no desk booked on that day."), r->person.name);
		return;
	}
	memset(&s->change, 0, sizeof s->change);
	snprintf(s->change.login, sizeof s->change.login, "%s", r->person.login);
	snprintf(s->change.name, sizeof s->change.name, "%s", r->person.name);
	snprintf(s->change.team, sizeof s->change.team, "%s", r->person.team);
	snprintf(s->change.desk, sizeof s->change.desk, "%s", cell->desk);
	s->change.from = s->change.to = sel_day(s);
	s->change.what = CHANGE_CANCEL_DESK;
	week_ask_confirm(t, s);
}

/* ---- doing, and remembering for u ---- */

/* What the days of the change are now, kept for u: a call per week. */
static bool remember(struct tui *t, struct week_state *s)
{
	struct week_undo *u = &s->undo;
	struct presence_day_entry week[PRESENCE_DAYS];
	struct hop_err err;
	const struct week_change *c = &s->change;

	u->have = false;
	u->n = 0;
	for (hop_date mon = c->from - (date_weekday(c->from) - 1); mon <= c->to; mon += 7) {
		if (presence_person_week(t->app, c->login, mon, NULL, week, &err) != HOP_OK) {
			tui_fail(t, &err);
			return false;
		}
		for (int d = 0; d < PRESENCE_DAYS; d++)
			if (week[d].day >= c->from && week[d].day <= c->to && week[d].working &&
			    u->n < WEEK_UNDO_DAYS)
				u->days[u->n++] = week[d];
	}
	snprintf(u->login, sizeof u->login, "%s", c->login);
	snprintf(u->name, sizeof u->name, "%s", c->name);
	return true;
}

/* What became of the change, for the status line; true when it is a warning. */
static bool said(const struct week_change *c, const struct presence_result *res,
                 const char *when, char *msg, size_t size)
{
	/* The mobile-work gate's warning (a course not valid) is said first. */
	for (size_t i = 0; i < res->n; i++) {
		if (res->v[i].training[0]) {
			snprintf(msg, size, _("%s: %s on %s; %s."), c->name, presence_loc_display(c->loc),
			         when, res->v[i].training);
			return true;
		}
	}
	if (c->what == CHANGE_MOVE)
		snprintf(msg, size, _("%s: desk %s instead of %s on %s (u undoes it)."), c->name,
		         c->to_desk, c->desk, when);
	else if (c->what == CHANGE_NOTE && c->note[0])
		snprintf(msg, size, _("%s: the note on %s is saved (u undoes it)."), c->name, when);
	else if (c->what == CHANGE_NOTE)
		snprintf(msg, size, _("%s: the note on %s is removed (u undoes it)."), c->name, when);
	else if (c->what == CHANGE_CANCEL_DESK)
		snprintf(msg, size, _("%s: desk %s on %s cancelled (u undoes it)."), c->name, c->desk,
		         when);
	else if (c->what == CHANGE_CLEAR)
		snprintf(msg, size, _("%s: the entries for %s are cleared; the weekly default "
		                      "applies (u undoes it)."), c->name, when);
	else if (res->cancelled)
		snprintf(msg, size, ngettext("%s: %s on %s; %d desk booking cancelled (u undoes it).",
		                             "%s: %s on %s; %d desk bookings cancelled (u undoes "
		                             "it).", res->cancelled),
		         c->name, presence_loc_display(c->loc), when, res->cancelled);
	else if (c->loc == LOC_OFFICE && res->n == 1 && res->v[0].desk[0] && !res->v[0].had_desk)
		snprintf(msg, size, _("%s: office on %s, desk %s booked (u undoes it)."), c->name,
		         when, res->v[0].desk);
	else
		snprintf(msg, size, _("%s: %s on %s (u undoes it)."), c->name,
		         presence_loc_display(c->loc), when);
	return false;
}

void week_apply(struct tui *t, struct week_state *s)
{
	struct week_change *c = &s->change;
	struct presence_result res;
	struct hop_err err;
	char when[2 * HOP_DATE_HUMAN_LEN + 8], msg[TUI_STATUS_MAX], dev[TUI_STATUS_MAX];
	enum hop_status st;
	bool warn;
	int n = 0;

	s->mode = MODE_GRID;
	if (!remember(t, s))
		return;
	span_text(c->from, c->to, when, sizeof when);
	memset(&res, 0, sizeof res);
	if (c->what == CHANGE_MOVE)
		st = booking_move(t->app, c->from, c->login, c->to_desk, NULL, &err);
	else if (c->what == CHANGE_NOTE)
		st = presence_note_set(t->app, c->login, c->from, c->note, &err);
	else if (c->what == CHANGE_CANCEL_DESK)
		st = booking_cancel(t->app, c->from, c->desk, HALF_DAY, c->login, &n, &err);
	else if (c->what == CHANGE_CLEAR)
		st = presence_clear(t->app, c->login, c->from, c->to, &n, &err);
	else
		st = presence_set(t->app, c->login, c->from, c->to, c->loc, NULL, &res, &err);
	if (st != HOP_OK) {
		presence_result_free(&res);
		week_load(t, s);
		tui_fail(t, &err);
		return;
	}
	s->undo.have = true;
	s->marked = false;
	if (!week_load(t, s)) {
		presence_result_free(&res);
		return;
	}
	warn = said(c, &res, when, msg, sizeof msg);
	presence_result_free(&res);
	/* The person hears at once what their lead would see marked '!'. */
	week_deviation_note(t, c, dev, sizeof dev);
	tui_status(t, warn, "%s%s%s", msg, dev[0] ? "   " : "", dev);
}

/* A letter of the chooser. */
static void chosen(struct tui *t, struct week_state *s, enum presence_loc loc, bool clear)
{
	struct week_change *c = &s->change;

	c->what = clear ? CHANGE_CLEAR : CHANGE_SET;
	c->loc = loc;
	c->desks = 0;
	if (!clear && loc != LOC_OFFICE) {
		c->desks = desks_in_span(t, c, c->desk, sizeof c->desk);
		if (c->desks > 0) {
			week_ask_confirm(t, s);
			return;
		}
	}
	week_apply(t, s);
}

void week_set_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
	static const struct { wint_t key; enum presence_loc loc; } letters[] = {
		{ L'o', LOC_OFFICE }, { L'h', LOC_HOME }, { L'm', LOC_MOBILE }, { L'a', LOC_AWAY },
		{ L'w', LOC_TRIP },
	};

	for (size_t i = 0; i < sizeof letters / sizeof *letters; i++) {
		if (key_is(k, letters[i].key)) {
			chosen(t, s, letters[i].loc, false);
			return;
		}
	}
	if (key_is(k, L'x')) {
		chosen(t, s, LOC_NONE, true);
		return;
	}
	if (key_is(k, 27) || key_is(k, L'q') || key_is(k, L'n')) {
		s->mode = MODE_GRID;
		tui_status(t, false, "%s", _("Nothing changed."));
		return;
	}
	ask_location(t, s);
}

void week_confirm_key(struct tui *t, struct week_state *s, const struct tui_key *k)
{
	if (key_is(k, L'y') || key_is(k, L'Y') || key_is(k, L'j') || key_is(k, L'J')) {
		week_apply(t, s);
		return;
	}
	if (key_is(k, 27) || key_is(k, L'q') || key_is(k, L'n') || key_is(k, L'N')) {
		s->mode = MODE_GRID;
		tui_status(t, false, "%s", _("Nothing changed."));
		return;
	}
	week_ask_confirm(t, s);
}

/* ---- u ---- */

/* Put one day back as it was: its own entry (or none), then its desk. */
static enum hop_status restore_day(struct tui *t, const char *login,
                                   const struct presence_day_entry *was, struct hop_err *err)
{
	struct presence_day_entry now[PRESENCE_DAYS];
	struct presence_result res = { 0 };
	hop_date mon = was->day - (date_weekday(was->day) - 1);
	int n = 0, d = date_weekday(was->day) - 1;
	enum hop_status st;

	/* The note too: "" removes one written since. */
	if (was->source == PSRC_DAY)
		st = presence_set(t->app, login, was->day, was->day, was->loc, was->note, &res, err);
	else
		st = presence_clear(t->app, login, was->day, was->day, &n, err);
	presence_result_free(&res);
	if (st != HOP_OK)
		return st;
	if (presence_person_week(t->app, login, mon, NULL, now, err) != HOP_OK)
		return err->status;
	if (strcmp(now[d].desk, was->desk) == 0)
		return HOP_OK;
	if (now[d].desk[0] &&
	    booking_cancel(t->app, was->day, now[d].desk, HALF_DAY, login, &n, err) != HOP_OK)
		return err->status;
	if (was->desk[0]) {
		struct booking_request rq = { .day = was->day, .half = was->desk_half,
		                              .desk = was->desk, .for_login = login };
		struct hop_booking made;
		if (booking_book(t->app, &rq, &made, err) != HOP_OK)
			return err->status;
		/* Booking makes the day's own entry office; a day that was office
		 * by its booking alone gets no entry of its own back. */
		if (was->source != PSRC_DAY &&
		    presence_clear(t->app, login, was->day, was->day, &n, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

void week_undo(struct tui *t, struct week_state *s)
{
	struct week_undo *u = &s->undo;
	struct hop_err err;
	size_t done = 0;

	if (!u->have) {
		tui_status(t, true, "%s", _("Nothing to undo."));
		return;
	}
	u->have = false;
	for (size_t i = 0; i < u->n; i++) {
		if (restore_day(t, u->login, &u->days[i], &err) != HOP_OK) {
			week_load(t, s);
			tui_fail(t, &err);
			return;
		}
		done++;
	}
	if (week_load(t, s))
		tui_status(t, false, ngettext("%s: %zu day is as it was.", "%s: %zu days are as they "
		                              "were.", done), u->name, done);
}
