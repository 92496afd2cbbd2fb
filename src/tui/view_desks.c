/* The Desks screen: one day of every desk and room, grouped by site, floor and
 * zone, each half day shown free, booked, fixed or mine; filters by zone and
 * attribute; booking and cancelling for oneself.
 *
 * All it shows comes from core's day view (booking_day_view), read once per
 * day or filter change, never per key, so that moving through 5,000 desks
 * costs nothing but drawing.  Bookings and cancellations go through
 * booking_book and booking_cancel; a refusal is shown in core's words.
 * Rooms are rows of the same list, under their zone, marked with their kind
 * and capacity.
 *
 * This file holds the screen's state, reading the day and the zones, moving
 * the selection, the keys and the view's entry; the drawing is in
 * view_desks_draw.c, booking, cancelling, filters and dates in
 * view_desks_act.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "advice.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_desks_int.h"

/* The screen's state; extern in view_desks_int.h because the drawing and the
 * dialogs (view_desks_draw.c, view_desks_act.c) use it too. */
struct desks_state desks;

static const struct tui_keyhelp desks_keys[] = {
	{ N_("j k  ↓ ↑"), N_("next / previous desk or room") },
	{ N_("PgDn Space  PgUp"), N_("a page down / up") },
	{ N_("Home End"), N_("first / last place") },
	{ N_("h l  ← →"), N_("previous / next day") },
	{ N_("[  ]"), N_("previous / next week") },
	{ N_("t"), N_("today") },
	{ N_("g"), N_("go to a date (2026-11-24, 24.11., tomorrow, fri, +3)") },
	{ N_("Enter"), N_("book the selected place for me: d whole day, m morning, a afternoon") },
	{ N_("d"), N_("cancel my booking of the selected place (y to confirm)") },
	{ N_("z"), N_("show one zone (choose from a list; type to narrow)") },
	{ N_("a"), N_("show places with these attributes (monitor,quiet)") },
	{ N_("c"), N_("clear the zone and attribute filters") },
	{ N_("r"), N_("read the day again from the database") },
	{ N_("○ ● ★ ■ –"), N_("free, booked, mine, fixed desk held by its owner, not bookable") },
};

const struct desk_day *desks_selected(void)
{
	if (desks.sel < desks.nrows && !desks.rows[desks.sel].heading)
		return &desks.view.v[desks.rows[desks.sel].desk];
	return NULL;
}

static bool is_place(size_t r)
{
	return r < desks.nrows && !desks.rows[r].heading;
}

/* Zone headings and places, in core's order (site, floor, zone, code). */
static bool build_rows(void)
{
	struct row *rows = NULL;
	size_t n = 0, head = 0;

	if (desks.view.n) {
		rows = calloc(desks.view.n * 2, sizeof *rows);
		if (!rows)
			return false;
	}
	for (size_t i = 0; i < desks.view.n; i++) {
		if (i == 0 || desks.view.v[i].zone != desks.view.v[i - 1].zone) {
			head = n;
			rows[n++] = (struct row){ .heading = true, .desk = i };
		}
		rows[head].members++;
		rows[n++] = (struct row){ .heading = false, .desk = i };
	}
	free(desks.rows);
	desks.rows = rows;
	desks.nrows = n;
	return true;
}

/* Select the row of desk_id, else the nearest place to where the selection was. */
static void select_desk(int64_t desk_id)
{
	size_t old = desks.sel;

	for (size_t r = 0; desk_id && r < desks.nrows; r++) {
		if (is_place(r) && desks.view.v[desks.rows[r].desk].desk_id == desk_id) {
			desks.sel = r;
			return;
		}
	}
	desks.sel = old < desks.nrows ? old : (desks.nrows ? desks.nrows - 1 : 0);
	while (desks.sel < desks.nrows && !is_place(desks.sel))
		desks.sel++;
	if (desks.sel >= desks.nrows) {
		desks.sel = desks.nrows ? desks.nrows - 1 : 0;
		while (desks.sel > 0 && !is_place(desks.sel))
			desks.sel--;
	}
}

/* Read the day with the filters: one call to core, then rows for drawing. */
bool desks_load(struct tui *t)
{
	struct desk_filter f = { .site = NULL, .zone = desks.zone[0] ? desks.zone : NULL,
	                         .attrs = desks.attrs, .rooms = -1, .include_retired = false };
	struct desk_day_view v;
	struct hop_err err;
	const struct desk_day *s = desks_selected();
	int64_t keep = s ? s->desk_id : 0;

	memset(&v, 0, sizeof v);
	if (booking_day_view(t->app, desks.day, &f, &v, &err) != HOP_OK) {
		desk_day_view_free(&v);
		tui_fail(t, &err);
		return false;
	}
	desk_day_view_free(&desks.view);
	desks.view = v;
	desks.loaded = true;
	desks.code_w = 0;
	for (size_t i = 0; i < desks.view.n; i++) {
		int w = text_width(desks.view.v[i].code);
		desks.code_w = w > desks.code_w ? w : desks.code_w;
	}
	if (!build_rows()) {
		tui_status(t, true, _("Out of memory while listing %zu desks and rooms."), desks.view.n);
		return false;
	}
	select_desk(keep);
	return true;
}

/* The zones for the chooser; read on opening and with r. */
bool desks_load_zones(struct tui *t)
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
	zone_list_free(&desks.zones);
	free(desks.zone_labels);
	free(desks.zone_items);
	desks.zones = l;
	desks.zone_labels = labels;
	desks.zone_items = items;
	return true;
}

static void desks_open(struct tui *t)
{
	desks.day = clock_today();
	desks_load_zones(t);
	desks_load(t);
}

static void desks_close(struct tui *t)
{
	(void)t;
	if (desks.mode == MODE_ZONES)
		pick_close(&desks.pick);
	desk_day_view_free(&desks.view);
	zone_list_free(&desks.zones);
	free(desks.zone_labels);
	free(desks.zone_items);
	free(desks.rows);
	memset(&desks, 0, sizeof desks);
}

void desks_go_to(struct tui *t, hop_date day)
{
	desks.day = day;
	if (!desks_load(t) && desks.loaded)
		desks.day = desks.view.day;
}

/* ---- moving ---- */

static void move_by(int delta)
{
	size_t r = desks.sel;

	while (delta != 0) {
		size_t next = r;
		do {
			if (delta > 0 ? next + 1 >= desks.nrows : next == 0)
				goto done;
			next = delta > 0 ? next + 1 : next - 1;
		} while (!is_place(next));
		r = next;
		delta += delta > 0 ? -1 : 1;
	}
done:
	desks.sel = r;
}

static void page(int dir)
{
	size_t step = desks.list_rows > 1 ? (size_t)desks.list_rows - 1 : 1;

	if (!desks.nrows)
		return;
	if (dir > 0)
		desks.sel = desks.sel + step < desks.nrows ? desks.sel + step : desks.nrows - 1;
	else
		desks.sel = desks.sel > step ? desks.sel - step : 0;
	select_desk(0);
}

static void first_or_last(bool last)
{
	if (!desks.nrows)
		return;
	desks.sel = last ? desks.nrows - 1 : 0;
	select_desk(0);
}

/* ---- keys ---- */

static bool desks_key(struct tui *t, const struct tui_key *k)
{
	switch (desks.mode) {
	case MODE_HALF:
		desks_half_key(t, k);
		return true;
	case MODE_CONFIRM:
		desks_confirm_key(t, k);
		return true;
	case MODE_PEOPLE:
	case MODE_DATE:
	case MODE_ATTRS:
		desks_prompt_key(t, k);
		return true;
	case MODE_ZONES:
		desks_zones_key(t, k);
		return true;
	case MODE_LIST:
		break;
	}
	if (key_is(k, L'j') || key_fn(k, KEY_DOWN))
		move_by(1);
	else if (key_is(k, L'k') || key_fn(k, KEY_UP))
		move_by(-1);
	else if (key_fn(k, KEY_NPAGE) || key_is(k, L' '))
		page(1);
	else if (key_fn(k, KEY_PPAGE))
		page(-1);
	else if (key_fn(k, KEY_HOME))
		first_or_last(false);
	else if (key_fn(k, KEY_END))
		first_or_last(true);
	else if (key_is(k, L'h') || key_fn(k, KEY_LEFT))
		desks_go_to(t, desks.day - 1);
	else if (key_is(k, L'l') || key_fn(k, KEY_RIGHT))
		desks_go_to(t, desks.day + 1);
	else if (key_is(k, L'['))
		desks_go_to(t, desks.day - 7);
	else if (key_is(k, L']'))
		desks_go_to(t, desks.day + 7);
	else if (key_is(k, L't'))
		desks_go_to(t, clock_today());
	else if (key_is(k, L'g'))
		desks_prompt_open(t, MODE_DATE, _("Go to date: "), "");
	else if (key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER))
		desks_book_open(t);
	else if (key_is(k, L'd'))
		desks_cancel_open(t);
	else if (key_is(k, L'z'))
		desks_zones_open(t);
	else if (key_is(k, L'a')) {
		char attrs[ATTRS_TEXT_MAX] = "";
		if (desks.attrs)
			desk_attr_format(desks.attrs, attrs, sizeof attrs);
		desks_prompt_open(t, MODE_ATTRS, _("Attributes (e.g. monitor,quiet): "), attrs);
	} else if (key_is(k, L'c')) {
		if (!desks.zone[0] && !desks.attrs) {
			tui_status(t, false, "%s", _("No filter is set."));
			return true;
		}
		desks.zone[0] = desks.zone_name[0] = '\0';
		desks.attrs = 0;
		if (desks_load(t))
			tui_status(t, false, "%s", _("Filters cleared: all zones, any attributes."));
	} else if (key_is(k, L'r')) {
		if (desks_load_zones(t) && desks_load(t))
			tui_status(t, false, ngettext("Read again: %zu place.", "Read again: %zu places.",
			                              desks.view.n), desks.view.n);
	} else
		return false;
	return true;
}

const struct tui_view view_desks = {
	.name = N_("Desks"),
	.hints = N_("? help   ←→ day   [ ] week   t today   g date   Enter book   d cancel   "
	            "z zone   a attributes   c clear   q quit"),
	.keys = desks_keys,
	.nkeys = sizeof desks_keys / sizeof desks_keys[0],
	.open = desks_open,
	.draw = desks_draw,
	.key = desks_key,
	.close = desks_close,
};
