/* The Desks screen: one day of every desk and room, grouped by site, floor and
 * zone, each half day shown free, booked, fixed or mine; filters by zone and
 * attribute; booking and cancelling for oneself.
 *
 * All it shows comes from core's day view (booking_day_view), read once per
 * day or filter change, never per key, so that moving through 5,000 desks
 * costs nothing but drawing.  Bookings and cancellations go through
 * booking_book and booking_cancel; a refusal is shown in core's words.
 * Rooms are rows of the same list, under their zone, marked with their kind
 * and capacity. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/app.h"
#include "hop/booking.h"
#include "hop/clock.h"
#include "hop/i18n.h"
#include "hop/place.h"
#include "colour.h"
#include "input.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"

#define ZONE_PATH_MAX (HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 3)
#define ZONE_LABEL_MAX (HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 16)
#define PROMPT_MAX 120
#define ATTRS_TEXT_MAX 128

struct row {
	bool heading;
	size_t desk;        /* index into D.view.v; for a heading, its first place */
	size_t members;     /* headings: places under it */
};

/* What the screen is doing with the keys: browsing, or one of the questions. */
enum mode {
	MODE_LIST,
	MODE_HALF,          /* which half day to book: d / m / a */
	MODE_PEOPLE,        /* a room: how many people (line editor) */
	MODE_CONFIRM,       /* cancel my booking? y / n */
	MODE_DATE,          /* go to a date (line editor) */
	MODE_ATTRS,         /* attribute filter (line editor) */
	MODE_ZONES,         /* zone chooser */
};

static struct {
	hop_date day;
	struct desk_day_view view;
	bool loaded;
	struct row *rows;
	size_t nrows;
	size_t sel, top;
	int list_rows;
	int code_w;                         /* the widest code of the day's places */
	/* Filters, as core takes them. */
	char zone[ZONE_PATH_MAX];           /* "" = all zones */
	char zone_name[HOP_ZONE_NAME_MAX + 1];
	unsigned attrs;
	/* The zone chooser: "All zones" and one label per zone. */
	struct hop_zone_list zones;
	char (*zone_labels)[ZONE_LABEL_MAX];
	const char **zone_items;
	struct tui_pick pick;
	/* A question in progress. */
	enum mode mode;
	struct tui_input input;
	char code[HOP_CODE_MAX + 1];        /* the place asked about */
	enum desk_kind kind;
	int capacity;
	unsigned half;
} D;

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

static const struct desk_day *selected(void)
{
	if (D.sel < D.nrows && !D.rows[D.sel].heading)
		return &D.view.v[D.rows[D.sel].desk];
	return NULL;
}

static bool is_place(size_t r)
{
	return r < D.nrows && !D.rows[r].heading;
}

/* Zone headings and places, in core's order (site, floor, zone, code). */
static bool build_rows(void)
{
	struct row *rows = NULL;
	size_t n = 0, head = 0;

	if (D.view.n) {
		rows = calloc(D.view.n * 2, sizeof *rows);
		if (!rows)
			return false;
	}
	for (size_t i = 0; i < D.view.n; i++) {
		if (i == 0 || D.view.v[i].zone != D.view.v[i - 1].zone) {
			head = n;
			rows[n++] = (struct row){ .heading = true, .desk = i };
		}
		rows[head].members++;
		rows[n++] = (struct row){ .heading = false, .desk = i };
	}
	free(D.rows);
	D.rows = rows;
	D.nrows = n;
	return true;
}

/* Select the row of desk_id, else the nearest place to where the selection was. */
static void select_desk(int64_t desk_id)
{
	size_t old = D.sel;

	for (size_t r = 0; desk_id && r < D.nrows; r++) {
		if (is_place(r) && D.view.v[D.rows[r].desk].desk_id == desk_id) {
			D.sel = r;
			return;
		}
	}
	D.sel = old < D.nrows ? old : (D.nrows ? D.nrows - 1 : 0);
	while (D.sel < D.nrows && !is_place(D.sel))
		D.sel++;
	if (D.sel >= D.nrows) {
		D.sel = D.nrows ? D.nrows - 1 : 0;
		while (D.sel > 0 && !is_place(D.sel))
			D.sel--;
	}
}

/* Read the day with the filters: one call to core, then rows for drawing. */
static bool load(struct tui *t)
{
	struct desk_filter f = { .site = NULL, .zone = D.zone[0] ? D.zone : NULL,
	                         .attrs = D.attrs, .rooms = -1, .include_retired = false };
	struct desk_day_view v;
	struct hop_err err;
	const struct desk_day *s = selected();
	int64_t keep = s ? s->desk_id : 0;

	memset(&v, 0, sizeof v);
	if (booking_day_view(t->app, D.day, &f, &v, &err) != HOP_OK) {
		desk_day_view_free(&v);
		tui_status(t, true, "%s", err.msg);
		return false;
	}
	desk_day_view_free(&D.view);
	D.view = v;
	D.loaded = true;
	D.code_w = 0;
	for (size_t i = 0; i < D.view.n; i++) {
		int w = text_width(D.view.v[i].code);
		D.code_w = w > D.code_w ? w : D.code_w;
	}
	if (!build_rows()) {
		tui_status(t, true, _("Out of memory while listing %zu desks and rooms."), D.view.n);
		return false;
	}
	select_desk(keep);
	return true;
}

/* The zones for the chooser; read on opening and with r. */
static bool load_zones(struct tui *t)
{
	struct hop_zone_list l = { 0 };
	struct hop_err err;
	char (*labels)[ZONE_LABEL_MAX];
	const char **items;

	if (zone_list(t->app, NULL, &l, &err) != HOP_OK) {
		zone_list_free(&l);
		tui_status(t, true, "%s", err.msg);
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
	zone_list_free(&D.zones);
	free(D.zone_labels);
	free(D.zone_items);
	D.zones = l;
	D.zone_labels = labels;
	D.zone_items = items;
	return true;
}

static void desks_open(struct tui *t)
{
	D.day = clock_today();
	load_zones(t);
	load(t);
}

static void desks_close(struct tui *t)
{
	(void)t;
	if (D.mode == MODE_ZONES)
		pick_close(&D.pick);
	desk_day_view_free(&D.view);
	zone_list_free(&D.zones);
	free(D.zone_labels);
	free(D.zone_items);
	free(D.rows);
	memset(&D, 0, sizeof D);
}

static void go_to(struct tui *t, hop_date day)
{
	D.day = day;
	if (!load(t) && D.loaded)
		D.day = D.view.day;
}

/* ---- moving ---- */

static void move_by(int delta)
{
	size_t r = D.sel;

	while (delta != 0) {
		size_t next = r;
		do {
			if (delta > 0 ? next + 1 >= D.nrows : next == 0)
				goto done;
			next = delta > 0 ? next + 1 : next - 1;
		} while (!is_place(next));
		r = next;
		delta += delta > 0 ? -1 : 1;
	}
done:
	D.sel = r;
}

static void page(int dir)
{
	size_t step = D.list_rows > 1 ? (size_t)D.list_rows - 1 : 1;

	if (!D.nrows)
		return;
	if (dir > 0)
		D.sel = D.sel + step < D.nrows ? D.sel + step : D.nrows - 1;
	else
		D.sel = D.sel > step ? D.sel - step : 0;
	select_desk(0);
}

static void first_or_last(bool last)
{
	if (!D.nrows)
		return;
	D.sel = last ? D.nrows - 1 : 0;
	select_desk(0);
}

/* ---- drawing ---- */

/* A half day as text: a symbol that carries the state without colour, and
 * who, where core lets us see it. */
static void slot_text(const struct desk_day *d, const struct desk_slot *s, char *buf,
                      size_t size, enum tui_colour *role)
{
	bool room = d->kind != DESK_KIND_DESK;

	switch (s->state) {
	case SLOT_FREE:
		snprintf(buf, size, "○ %s", _("free"));
		*role = TC_FREE;
		break;
	case SLOT_BOOKED:
		if (room && s->name[0])
			snprintf(buf, size, _("● %s (%d)"), s->name, s->attendees);
		else if (room)
			snprintf(buf, size, _("● booked (%d)"), s->attendees);
		else
			snprintf(buf, size, "● %s", s->name[0] ? s->name : _("booked"));
		*role = TC_BOOKED;
		break;
	case SLOT_MINE:
		if (room)
			snprintf(buf, size, _("★ mine (%d)"), s->attendees);
		else
			snprintf(buf, size, "★ %s", _("mine"));
		*role = TC_MINE;
		break;
	case SLOT_FIXED:
		snprintf(buf, size, _("■ fixed: %s"), s->name[0] ? s->name : d->owner_name);
		*role = TC_FIXED;
		break;
	case SLOT_CLOSED:
	default:
		snprintf(buf, size, "– %s", _("not bookable"));
		*role = TC_DIM;
		break;
	}
}

/* The second column: attributes of a desk (and its owner when it is a fixed
 * desk); kind, capacity and name of a room. */
static void info_text(const struct desk_day *d, char *buf, size_t size)
{
	char attrs[ATTRS_TEXT_MAX];
	size_t used;

	desk_attr_format(d->attrs, attrs, sizeof attrs);
	if (d->kind != DESK_KIND_DESK) {
		snprintf(buf, size, ngettext("%s, %d seat", "%s, %d seats", d->capacity),
		         desk_kind_display(d->kind), d->capacity);
		used = strlen(buf);
		if (d->name[0] && used < size)
			snprintf(buf + used, size - used, " · %s", d->name);
	} else {
		if (d->owner_id && attrs[0])
			snprintf(buf, size, _("%s · fixed: %s"), attrs, d->owner_name);
		else if (d->owner_id)
			snprintf(buf, size, _("fixed: %s"), d->owner_name);
		else
			snprintf(buf, size, "%s", attrs);
		return;
	}
	used = strlen(buf);
	if (attrs[0] && used < size)
		snprintf(buf + used, size - used, " · %s", attrs);
}

struct columns {
	int code, info, slot;       /* widths */
	int x_code, x_info, x_am, x_pm;
};

static struct columns columns(int width)
{
	struct columns c;
	int code = D.code_w, title = text_width(_("Place"));

	code = code > title ? code : title;
	c.code = code > 12 ? 12 : code;
	c.info = width * 3 / 10;
	c.info = c.info > 60 ? 60 : c.info < 12 ? 12 : c.info;
	c.slot = (width - 2 - c.code - 2 - c.info - 2 - 2 - 1) / 2;
	c.x_code = 2;
	c.x_info = c.x_code + c.code + 2;
	c.x_am = c.x_info + c.info + 2;
	c.x_pm = c.x_am + c.slot + 2;
	return c;
}

static void draw_row(const struct row *r, bool sel, int y, int width, const struct columns *c)
{
	const struct desk_day *d = &D.view.v[r->desk];
	char text[HOP_NAME_MAX + HOP_PLACE_NAME_MAX + 64];
	enum tui_colour role;

	if (r->heading) {
		const struct desk_day_zone *z = d->zone < D.view.nzones ? &D.view.zones[d->zone] : NULL;
		char head[ZONE_LABEL_MAX + 32];

		if (z)
			snprintf(head, sizeof head, _("%s · %s · %s (%zu)"), z->site, z->floor, z->name,
			         r->members);
		else
			snprintf(head, sizeof head, "(%zu)", r->members);
		attrset(colour_attr(TC_HEADING));
		text_draw(stdscr, y, 0, head, width);
		attrset(A_NORMAL);
		return;
	}
	attrset(colour_attr(sel ? TC_SELECTED : TC_NORMAL));
	text_fill(stdscr, y, 0, width);
	if (sel)
		mvaddch(y, 0, '>');
	text_draw(stdscr, y, c->x_code, d->code, c->code);
	info_text(d, text, sizeof text);
	if (!sel)
		attrset(colour_attr(TC_DIM));
	text_draw(stdscr, y, c->x_info, text, c->info);
	slot_text(d, &d->am, text, sizeof text, &role);
	if (!sel)
		attrset(colour_attr(role));
	text_draw(stdscr, y, c->x_am, text, c->slot);
	slot_text(d, &d->pm, text, sizeof text, &role);
	if (!sel)
		attrset(colour_attr(role));
	text_draw(stdscr, y, c->x_pm, text, c->slot);
	attrset(A_NORMAL);
}

/* The day, its ISO week and the filters in force. */
static void draw_heading(int y, int width)
{
	char date[HOP_DATE_HUMAN_LEN], head[HOP_DATE_HUMAN_LEN + 32], filt[ATTRS_TEXT_MAX + 160];
	char attrs[ATTRS_TEXT_MAX];
	int iso_year, week, used;

	date_iso_week(D.day, &iso_year, &week);
	snprintf(head, sizeof head, _("%s · KW %d"), date_format_human(D.day, date, sizeof date), week);
	attrset(colour_attr(TC_HEADING));
	used = text_draw(stdscr, y, 0, head, width);
	filt[0] = '\0';
	if (D.zone[0])
		snprintf(filt, sizeof filt, _("Zone: %s"), D.zone_name);
	if (D.attrs) {
		size_t n = strlen(filt);
		desk_attr_format(D.attrs, attrs, sizeof attrs);
		snprintf(filt + n, sizeof filt - n, "%s", n ? "   " : "");
		n = strlen(filt);
		snprintf(filt + n, sizeof filt - n, _("Attributes: %s"), attrs);
	}
	if (filt[0]) {
		size_t n = strlen(filt);
		snprintf(filt + n, sizeof filt - n, "%s", _("   (c clears)"));
		attrset(colour_attr(TC_STATUS_OK));
		text_draw(stdscr, y, used + 4, filt, width - used - 4);
	}
	attrset(A_NORMAL);
}

/* Occupancy, or why nothing can be booked on this day. */
static void draw_occupancy(int y, int width)
{
	char line[sizeof D.view.not_working + 64];

	if (!D.view.working_day) {
		/* Core's reason says it all: "Sat 28 Nov 2026 is a Saturday, not a working day". */
		snprintf(line, sizeof line, "%s", D.view.not_working);
		attrset(colour_attr(TC_STATUS_ERROR));
	} else if (D.view.bookable > 0) {
		int pct = (int)(((long)D.view.booked * 100 + D.view.bookable / 2) / D.view.bookable);
		snprintf(line, sizeof line, _("Booked %d of %d half days (%d %%)"), D.view.booked,
		         D.view.bookable, pct);
		attrset(colour_attr(TC_NORMAL));
	} else {
		snprintf(line, sizeof line, "%s", _("No half day can be booked here on this day."));
		attrset(colour_attr(TC_DIM));
	}
	text_draw(stdscr, y, 0, line, width);
	attrset(A_NORMAL);
}

static void desks_draw(struct tui *t, const struct tui_view *v)
{
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis;
	struct columns c;

	(void)v;
	if (!D.loaded) {
		draw_heading(top, width);
		return;
	}
	c = columns(width);
	draw_heading(top, width);
	draw_occupancy(top + 1, width);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 2, c.x_code, _("Place"), c.code);
	text_draw(stdscr, top + 2, c.x_info, _("Attributes"), c.info);
	text_draw(stdscr, top + 2, c.x_am, _("Morning"), c.slot);
	text_draw(stdscr, top + 2, c.x_pm, _("Afternoon"), c.slot);
	attrset(A_NORMAL);

	vis = rows - 3;
	D.list_rows = vis;
	if (vis <= 0)
		goto overlay;
	if (D.nrows == 0) {
		const char *empty = D.zone[0] || D.attrs
			? _("No desk or room matches the filters. c clears them.")
			: _("There are no desks yet. Facilities add them with 'hop desk add' or "
			    "'hop import desks'.");
		text_wrap(stdscr, top + 4, 2, empty, width - 4, vis - 1, false, false);
		goto overlay;
	}
	/* Keep the selection in view, with its zone heading when it is the first. */
	if (D.sel < D.top)
		D.top = D.sel;
	if (D.sel > 0 && D.rows[D.sel - 1].heading && D.sel - 1 < D.top)
		D.top = D.sel - 1;
	if (D.sel >= D.top + (size_t)vis)
		D.top = D.sel - (size_t)vis + 1;
	if (D.top + (size_t)vis > D.nrows)
		D.top = D.nrows > (size_t)vis ? D.nrows - (size_t)vis : 0;
	for (int i = 0; i < vis && D.top + (size_t)i < D.nrows; i++)
		draw_row(&D.rows[D.top + i], D.top + (size_t)i == D.sel, top + 3 + i, width, &c);
overlay:
	if (D.mode == MODE_ZONES)
		pick_draw(t, &D.pick);
}

/* ---- booking and cancelling ---- */

static void ask_half(struct tui *t)
{
	char date[HOP_DATE_HUMAN_LEN];

	tui_status(t, false, _("Book %s on %s: d whole day   m morning   a afternoon   Esc cancel"),
	           D.code, date_format_human(D.view.day, date, sizeof date));
}

static void booked_message(struct tui *t, const char *code, hop_date day, unsigned half,
                           bool room, int people)
{
	char date[HOP_DATE_HUMAN_LEN];

	date_format_human(day, date, sizeof date);
	if (room) {
		if (half == HALF_AM)
			tui_status(t, false, ngettext("Booked %s on %s for the morning, for %d person.",
			                              "Booked %s on %s for the morning, for %d people.",
			                              people), code, date, people);
		else if (half == HALF_PM)
			tui_status(t, false, ngettext("Booked %s on %s for the afternoon, for %d person.",
			                              "Booked %s on %s for the afternoon, for %d people.",
			                              people), code, date, people);
		else
			tui_status(t, false, ngettext("Booked %s on %s for the whole day, for %d person.",
			                              "Booked %s on %s for the whole day, for %d people.",
			                              people), code, date, people);
		return;
	}
	if (half == HALF_AM)
		tui_status(t, false, _("Booked %s on %s for the morning."), code, date);
	else if (half == HALF_PM)
		tui_status(t, false, _("Booked %s on %s for the afternoon."), code, date);
	else
		tui_status(t, false, _("Booked %s on %s for the whole day."), code, date);
}

static void book(struct tui *t, int people)
{
	struct booking_request rq;
	struct hop_booking made;
	struct hop_err err;
	char code[HOP_CODE_MAX + 1];
	hop_date day = D.view.day;
	unsigned half = D.half;
	bool room = D.kind != DESK_KIND_DESK;

	memset(&rq, 0, sizeof rq);
	rq.day = day;
	rq.half = half;
	rq.desk = D.code;
	rq.for_login = NULL;
	rq.attendees = people;
	snprintf(code, sizeof code, "%s", D.code);
	if (booking_book(t->app, &rq, &made, &err) != HOP_OK) {
		/* What is on the screen may be old: read the day again, then say why. */
		load(t);
		tui_status(t, true, "%s", err.msg);
		return;
	}
	if (load(t))
		booked_message(t, code, day, half, room, people);
}

static void people_submit(struct tui *t)
{
	char text[PROMPT_MAX + 1], *end;
	long n;

	t->prompt = NULL;
	D.mode = MODE_LIST;
	if (!input_text(&D.input, text, sizeof text))
		text[0] = '\0';
	errno = 0;
	n = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (!text[0] || end == text || *end || errno || n < 1 || n > 100000) {
		tui_status(t, true, _("'%s' is not a number of people; type a whole number, at most "
		                      "%d for room %s."), text, D.capacity, D.code);
		return;
	}
	book(t, (int)n);
}

static void half_key(struct tui *t, const struct tui_key *k)
{
	unsigned half = 0;

	if (key_is(k, L'd') || key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER))
		half = HALF_DAY;
	else if (key_is(k, L'm'))
		half = HALF_AM;
	else if (key_is(k, L'a'))
		half = HALF_PM;
	else if (key_is(k, 27) || key_is(k, L'q')) {
		D.mode = MODE_LIST;
		tui_status(t, false, "%s", _("Not booked."));
		return;
	} else {
		ask_half(t);
		return;
	}
	D.half = half;
	if (D.kind == DESK_KIND_DESK) {
		D.mode = MODE_LIST;
		book(t, 0);
		return;
	}
	D.mode = MODE_PEOPLE;
	input_init(&D.input, "", 6);
	t->prompt = &D.input;
	t->prompt_label = _("How many people? ");
}

static void book_open(struct tui *t)
{
	const struct desk_day *d = selected();

	if (!d) {
		tui_status(t, true, "%s", _("There is no desk or room to book here."));
		return;
	}
	if (!D.view.working_day) {
		tui_status(t, true, "%s", D.view.not_working);
		return;
	}
	snprintf(D.code, sizeof D.code, "%s", d->code);
	D.kind = d->kind;
	D.capacity = d->capacity;
	D.mode = MODE_HALF;
	ask_half(t);
}

static void ask_cancel(struct tui *t)
{
	char date[HOP_DATE_HUMAN_LEN];

	tui_status(t, false, _("Cancel your booking of %s on %s? y yes   n no"), D.code,
	           date_format_human(D.view.day, date, sizeof date));
}

static void cancel_open(struct tui *t)
{
	const struct desk_day *d = selected();
	char date[HOP_DATE_HUMAN_LEN];

	if (!d) {
		tui_status(t, true, "%s", _("There is no desk or room here to cancel."));
		return;
	}
	if (d->am.state != SLOT_MINE && d->pm.state != SLOT_MINE) {
		tui_status(t, true, _("You have no booking of %s on %s; d cancels your own bookings."),
		           d->code, date_format_human(D.view.day, date, sizeof date));
		return;
	}
	snprintf(D.code, sizeof D.code, "%s", d->code);
	D.mode = MODE_CONFIRM;
	ask_cancel(t);
}

static void confirm_key(struct tui *t, const struct tui_key *k)
{
	struct hop_err err;
	char date[HOP_DATE_HUMAN_LEN], code[HOP_CODE_MAX + 1];
	hop_date day = D.view.day;
	int n = 0;

	if (key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q')) {
		D.mode = MODE_LIST;
		tui_status(t, false, "%s", _("Nothing cancelled."));
		return;
	}
	if (!key_is(k, L'y') && !key_is(k, L'Y') && !key_is(k, L'j') && !key_is(k, L'J')) {
		ask_cancel(t);
		return;
	}
	D.mode = MODE_LIST;
	snprintf(code, sizeof code, "%s", D.code);
	if (booking_cancel(t->app, day, code, HALF_DAY, NULL, &n, &err) != HOP_OK) {
		load(t);
		tui_status(t, true, "%s", err.msg);
		return;
	}
	if (load(t))
		tui_status(t, false, _("Cancelled your booking of %s on %s."), code,
		           date_format_human(day, date, sizeof date));
}

/* ---- filters and dates ---- */

static void prompt_open(struct tui *t, enum mode mode, const char *label, const char *text)
{
	D.mode = mode;
	input_init(&D.input, text, PROMPT_MAX);
	t->prompt = &D.input;
	t->prompt_label = label;
}

static void date_submit(struct tui *t)
{
	char text[PROMPT_MAX * 4 + 1];
	struct hop_err err;
	hop_date day;

	if (!input_text(&D.input, text, sizeof text))
		text[0] = '\0';
	if (!text[0])
		return;
	if (date_parse(text, clock_today(), &day, &err) != HOP_OK) {
		tui_status(t, true, "%s", err.msg);
		return;
	}
	go_to(t, day);
}

static void attrs_submit(struct tui *t)
{
	char text[PROMPT_MAX * 4 + 1];
	struct hop_err err;
	unsigned attrs = 0, was = D.attrs;

	if (!input_text(&D.input, text, sizeof text))
		text[0] = '\0';
	if (text[0] && desk_attr_parse(text, &attrs, &err) != HOP_OK) {
		tui_status(t, true, "%s", err.msg);
		return;
	}
	D.attrs = attrs;
	if (!load(t)) {
		D.attrs = was;
		load(t);
	}
}

static void prompt_key(struct tui *t, const struct tui_key *k)
{
	enum mode mode = D.mode;

	switch (input_key(&D.input, k)) {
	case INPUT_ENTER:
		t->prompt = NULL;
		D.mode = MODE_LIST;
		if (mode == MODE_PEOPLE)
			people_submit(t);
		else if (mode == MODE_DATE)
			date_submit(t);
		else if (mode == MODE_ATTRS)
			attrs_submit(t);
		break;
	case INPUT_ESCAPE:
		t->prompt = NULL;
		D.mode = MODE_LIST;
		if (mode == MODE_PEOPLE)
			tui_status(t, false, "%s", _("Not booked."));
		break;
	case INPUT_FULL:
		tui_status(t, true, _("At most %zu bytes fit here."), D.input.max_bytes);
		break;
	default:
		break;
	}
}

static void zones_open(struct tui *t)
{
	size_t initial = 0;

	if (!D.zone_items && !load_zones(t))
		return;
	for (size_t i = 0; D.zone[0] && i < D.zones.n; i++) {
		char path[ZONE_PATH_MAX];
		snprintf(path, sizeof path, "%s/%s/%s", D.zones.v[i].site, D.zones.v[i].floor,
		         D.zones.v[i].name);
		if (strcmp(path, D.zone) == 0)
			initial = i + 1;
	}
	if (!pick_open(&D.pick, _("Zone:"), D.zone_items, D.zones.n + 1, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the zone list."));
		return;
	}
	D.mode = MODE_ZONES;
}

static void zones_key(struct tui *t, const struct tui_key *k)
{
	size_t i;
	char was[ZONE_PATH_MAX], was_name[HOP_ZONE_NAME_MAX + 1];

	switch (pick_key(&D.pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any zone's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&D.pick);
		snprintf(was, sizeof was, "%s", D.zone);
		snprintf(was_name, sizeof was_name, "%s", D.zone_name);
		if (i == 0 || i > D.zones.n) {
			D.zone[0] = D.zone_name[0] = '\0';
		} else {
			const struct hop_zone *z = &D.zones.v[i - 1];
			snprintf(D.zone, sizeof D.zone, "%s/%s/%s", z->site, z->floor, z->name);
			snprintf(D.zone_name, sizeof D.zone_name, "%s", z->name);
		}
		D.top = 0;
		if (!load(t)) {
			snprintf(D.zone, sizeof D.zone, "%s", was);
			snprintf(D.zone_name, sizeof D.zone_name, "%s", was_name);
			load(t);
		}
		break;
	}
	pick_close(&D.pick);
	D.mode = MODE_LIST;
}

/* ---- keys ---- */

static bool desks_key(struct tui *t, const struct tui_key *k)
{
	switch (D.mode) {
	case MODE_HALF:
		half_key(t, k);
		return true;
	case MODE_CONFIRM:
		confirm_key(t, k);
		return true;
	case MODE_PEOPLE:
	case MODE_DATE:
	case MODE_ATTRS:
		prompt_key(t, k);
		return true;
	case MODE_ZONES:
		zones_key(t, k);
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
		go_to(t, D.day - 1);
	else if (key_is(k, L'l') || key_fn(k, KEY_RIGHT))
		go_to(t, D.day + 1);
	else if (key_is(k, L'['))
		go_to(t, D.day - 7);
	else if (key_is(k, L']'))
		go_to(t, D.day + 7);
	else if (key_is(k, L't'))
		go_to(t, clock_today());
	else if (key_is(k, L'g'))
		prompt_open(t, MODE_DATE, _("Go to date: "), "");
	else if (key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER))
		book_open(t);
	else if (key_is(k, L'd'))
		cancel_open(t);
	else if (key_is(k, L'z'))
		zones_open(t);
	else if (key_is(k, L'a')) {
		char attrs[ATTRS_TEXT_MAX] = "";
		if (D.attrs)
			desk_attr_format(D.attrs, attrs, sizeof attrs);
		prompt_open(t, MODE_ATTRS, _("Attributes (e.g. monitor,quiet): "), attrs);
	} else if (key_is(k, L'c')) {
		if (!D.zone[0] && !D.attrs) {
			tui_status(t, false, "%s", _("No filter is set."));
			return true;
		}
		D.zone[0] = D.zone_name[0] = '\0';
		D.attrs = 0;
		if (load(t))
			tui_status(t, false, "%s", _("Filters cleared: all zones, any attributes."));
	} else if (key_is(k, L'r')) {
		if (load_zones(t) && load(t))
			tui_status(t, false, ngettext("Read again: %zu place.", "Read again: %zu places.",
			                              D.view.n), D.view.n);
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
