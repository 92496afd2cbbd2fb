/* The Desks screen: one day of every desk and room, grouped by site, floor and
 * zone, each half day shown free, booked, fixed or mine; filters by zone and
 * attribute; booking and cancelling for oneself, booking for someone else
 * (facilities, leads: view_desks_for.c).
 *
 * All it shows comes from core's day view (booking_day_view), read once per
 * day or filter change, never per key, so that moving through 5,000 desks
 * costs nothing but drawing.  Bookings and cancellations go through
 * booking_book and booking_cancel; a refusal is shown in core's words.
 * Rooms are rows of the same list, under their zone, marked with their kind
 * and capacity.
 *
 * This file holds reading the day and the zones, the keys and the view's
 * entry; the drawing is in view_desks_draw.c, booking, cancelling, filters
 * and dates in view_desks_act.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "advice.h"
#include "list.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_desks_int.h"

const struct desk_day *desks_selected(const struct desks_state *s)
{
	size_t i = list_item(&s->list);

	return i != LIST_NONE ? &s->view.v[i] : NULL;
}

/* Select the place desk_id, else the nearest place to where the selection was. */
static void select_desk(struct desks_state *s, int64_t desk_id)
{
	for (size_t i = 0; desk_id && i < s->view.n; i++) {
		if (s->view.v[i].desk_id == desk_id) {
			list_select(&s->list, i);
			return;
		}
	}
	list_select(&s->list, LIST_NONE);
}

/* Core lists places by site, floor, zone and code: a heading where the zone changes. */
static bool same_zone(const void *ctx, size_t a, size_t b)
{
	const struct desk_day_view *v = ctx;

	return v->v[a].zone == v->v[b].zone;
}

/* Read the day with the filters: one call to core, then rows for drawing. */
bool desks_load(struct tui *t, struct desks_state *s)
{
	struct desk_filter f = { .site = NULL, .zone = s->zone[0] ? s->zone : NULL,
	                         .attrs = s->attrs, .rooms = -1, .include_retired = false };
	struct desk_day_view v;
	struct hop_err err;
	const struct desk_day *d = desks_selected(s);
	int64_t keep = d ? d->desk_id : 0;

	memset(&v, 0, sizeof v);
	if (booking_day_view(t->app, s->day, &f, &v, &err) != HOP_OK) {
		desk_day_view_free(&v);
		tui_fail(t, &err);
		return false;
	}
	/* The rows first, so that a failure leaves the day as it was. */
	if (!list_build(&s->list, v.n, same_zone, &v)) {
		tui_status(t, true, _("Out of memory while listing %zu desks and rooms."), v.n);
		desk_day_view_free(&v);
		return false;
	}
	desk_day_view_free(&s->view);
	s->view = v;
	s->loaded = true;
	s->code_w = 0;
	for (size_t i = 0; i < s->view.n; i++) {
		int w = text_width(s->view.v[i].code);
		s->code_w = w > s->code_w ? w : s->code_w;
	}
	select_desk(s, keep);
	return true;
}

/* The zones for the chooser; read on opening and with r. */
bool desks_load_zones(struct tui *t, struct desks_state *s)
{
	struct hop_zone_list l = { 0 };
	struct hop_err err;
	char (*labels)[ZONE_LABEL_MAX];
	const char **items;

	if (zone_list(t->app, NULL, &l, &err) != HOP_OK) {
		zone_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	labels = calloc(l.n + 1, sizeof *labels);
	items = calloc(l.n + 1, sizeof *items);
	if (!labels || !items) {
		free(labels);
		free(items);
		zone_list_free(&l);
		tui_status(t, true, _("Out of memory while listing %zu zones."), l.n);
		return false;
	}
	snprintf(labels[0], sizeof labels[0], "%s", _("All zones"));
	items[0] = labels[0];
	for (size_t i = 0; i < l.n; i++) {
		snprintf(labels[i + 1], sizeof labels[i + 1], _("%s · %s · %s"), l.v[i].site,
		         l.v[i].floor, l.v[i].name);
		items[i + 1] = labels[i + 1];
	}
	zone_list_free(&s->zones);
	free(s->zone_labels);
	free(s->zone_items);
	s->zones = l;
	s->zone_labels = labels;
	s->zone_items = items;
	return true;
}

static void desks_open(struct tui *t, void *state)
{
	struct desks_state *s = state;

	s->day = clock_today();
	/* The zones are read when their chooser first opens (2,000 zones with
	 * their counts are not the day's desks). */
	desks_load(t, s);
	s->fresh = true;
}

/* Every time the tab is shown, the day is read again: a day set to home on
 * the Week screen (which frees its desk) shows at once. */
static void desks_show(struct tui *t, void *state)
{
	struct desks_state *s = state;

	if (s->fresh && !(t->has_day && t->day != s->day)) {
		s->fresh = false;
		return;
	}
	s->fresh = false;
	/* The day chosen on the Week screen, if another: Desks follows it. */
	if (t->has_day && t->day != s->day)
		desks_go_to(t, s, t->day);
	else
		desks_load(t, s);
}

static void desks_close(struct tui *t, void *state)
{
	struct desks_state *s = state;

	(void)t;
	if (s->mode == MODE_ZONES || s->mode == MODE_FOR)
		pick_close(&s->pick);
	desks_for_free(s);
	desk_day_view_free(&s->view);
	zone_list_free(&s->zones);
	free(s->zone_labels);
	free(s->zone_items);
	list_free(&s->list);
}

void desks_go_to(struct tui *t, struct desks_state *s, hop_date day)
{
	s->day = day;
	if (!desks_load(t, s) && s->loaded)
		s->day = s->view.day;
}

/* ---- keys ---- */

/* A question in progress (which half day, how many people, cancel?, a
 * prompt, the zone chooser) takes every key. */
static bool desks_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct desks_state *s = state;

	switch (s->mode) {
	case MODE_HALF:
		desks_half_key(t, s, k);
		return true;
	case MODE_CONFIRM:
		desks_confirm_key(t, s, k);
		return true;
	case MODE_PEOPLE:
	case MODE_DATE:
	case MODE_ATTRS:
		desks_prompt_key(t, s, k);
		return true;
	case MODE_ZONES:
		desks_zones_key(t, s, k);
		return true;
	case MODE_FOR:
		desks_for_key(t, s, k);
		return true;
	case MODE_LIST:
		break;
	}
	return false;
}

static bool act_move(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	(void)t;
	list_move(&s->list, arg);
	return true;
}

static bool act_page(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	(void)t;
	list_page(&s->list, arg);
	return true;
}

static bool act_home(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	(void)t;
	list_home(&s->list, arg);
	return true;
}

/* Days ahead (arg > 0) or back. */
static bool act_go_days(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	desks_go_to(t, s, s->day + arg);
	return true;
}

static bool act_today(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_go_to(t, state, clock_today());
	return true;
}

static bool act_go_date(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_prompt_open(t, state, MODE_DATE, _("Go to date: "), "");
	return true;
}

static bool act_book(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_book_open(t, state);
	return true;
}

static bool act_book_for(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_for_open(t, state);
	return true;
}

static bool act_cancel(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_cancel_open(t, state);
	return true;
}

static bool act_undo(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_undo(t, state);
	return true;
}

static bool act_zones(struct tui *t, void *state, int arg)
{
	(void)arg;
	desks_zones_open(t, state);
	return true;
}

static bool act_attributes(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;
	char attrs[ATTRS_TEXT_MAX] = "";

	(void)arg;
	if (s->attrs)
		desk_attr_display(s->attrs, attrs, sizeof attrs);
	desks_prompt_open(t, s, MODE_ATTRS, _("Attributes (e.g. monitor,quiet): "), attrs);
	return true;
}

static bool act_clear(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	(void)arg;
	if (!s->zone[0] && !s->attrs) {
		tui_status(t, false, "%s", _("No filter is set."));
		return true;
	}
	s->zone[0] = s->zone_name[0] = '\0';
	s->attrs = 0;
	if (desks_load(t, s))
		tui_status(t, false, "%s", _("Filters cleared: all zones, any attributes."));
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct desks_state *s = state;

	(void)arg;
	/* The zones too, when their chooser next opens. */
	zone_list_free(&s->zones);
	free(s->zone_labels);
	free(s->zone_items);
	s->zone_labels = NULL;
	s->zone_items = NULL;
	if (desks_load(t, s))
		tui_status(t, false, ngettext("Read again: %zu place.", "Read again: %zu places.",
		                              s->view.n), s->view.n);
	return true;
}

#define ENTER '\r', '\n', TUI_FN(KEY_ENTER)

static const struct tui_action desks_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous desk or room"), NULL,
	  act_move, 1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, N_("PgDn Space  PgUp"), N_("a page down / up"), NULL,
	  act_page, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { TUI_FN(KEY_HOME) }, N_("Home End"), N_("first / last place"), NULL, act_home, 0 },
	{ { TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { 'h', TUI_FN(KEY_LEFT) }, N_("h l  ← →"), N_("previous / next day"), N_("←→ day"),
	  act_go_days, -1 },
	{ { 'l', TUI_FN(KEY_RIGHT) }, NULL, NULL, NULL, act_go_days, 1 },
	{ { '[' }, N_("[  ]"), N_("previous / next week"), N_("[ ] week"), act_go_days, -7 },
	{ { ']' }, NULL, NULL, NULL, act_go_days, 7 },
	{ { 't' }, N_("t"), N_("today"), N_("t today"), act_today },
	{ { 'g' }, N_("g"), N_("go to a date (2026-11-24, 24.11., tomorrow, fri, +3)"), N_("g date"),
	  act_go_date },
	{ { ENTER }, N_("Enter"),
	  N_("book the selected place for me: d whole day, m morning, a afternoon"),
	  N_("Enter book"), act_book },
	{ { 'f' }, N_("f"), N_("book the selected place for someone else, chosen from a list "
	                       "(facilities: anyone; leads: their members)"), NULL, act_book_for },
	{ { 'd' }, N_("d"), N_("cancel my booking of the selected place (y to confirm)"),
	  N_("d cancel"), act_cancel },
	{ { 'u' }, N_("u"), N_("undo the last booking or cancellation made here"), N_("u undo"),
	  act_undo },
	{ { 'z' }, N_("z"), N_("show one zone (choose from a list; type to narrow)"), N_("z zone"),
	  act_zones },
	{ { 'a' }, N_("a"), N_("show places with these attributes (monitor,quiet)"),
	  N_("a attributes"), act_attributes },
	{ { 'c' }, N_("c"), N_("clear the zone and attribute filters"), N_("c clear"), act_clear },
	{ { 'r' }, N_("r"), N_("read the day again from the database"), NULL, act_reload },
	{ { 0 }, N_("○ ● ★ ■ –"),
	  N_("free, booked, mine, fixed desk held by its owner, not bookable") },
};

const struct tui_view view_desks = {
	.name = N_("Desks"),
	TUI_TABLE(desks_actions),
	.state_size = sizeof(struct desks_state),
	.open = desks_open,
	.show = desks_show,
	.draw = desks_draw,
	.key = desks_question,
	.close = desks_close,
};
