/* The Desks screen's drawing: each half day as a symbol and who holds it, the
 * attribute column, the heading with the day and the filters, the occupancy
 * line, and the list of zone headings and places (see view_desks.c). */
#include <stdio.h>
#include <string.h>

#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "colour.h"
#include "list.h"
#include "pick.h"
#include "text.h"
#include "tui_internal.h"
#include "view_desks_int.h"

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

	desk_attr_display(d->attrs, attrs, sizeof attrs);
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

static struct columns columns(const struct desks_state *s, int width)
{
	struct columns c;
	int code = s->code_w, title = text_width(_("Place"));

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

/* What a row needs to be drawn: the day, the list's width and the columns. */
struct row_ctx {
	const struct desks_state *s;
	int width;
	struct columns c;
};

static void draw_row(void *ctx, const struct list_row *r, bool sel, int y)
{
	const struct row_ctx *rc = ctx;
	const struct desk_day_view *view = &rc->s->view;
	const struct desk_day *d = &view->v[r->item];
	const struct columns *c = &rc->c;
	char text[HOP_NAME_MAX + HOP_PLACE_NAME_MAX + 64];
	enum tui_colour role;
	int width = rc->width;

	if (r->heading) {
		const struct desk_day_zone *z = d->zone < view->nzones ? &view->zones[d->zone] : NULL;
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
static void draw_heading(const struct desks_state *s, int y, int width)
{
	char date[HOP_DATE_HUMAN_LEN], head[HOP_DATE_HUMAN_LEN + 32], filt[ATTRS_TEXT_MAX + 160];
	char attrs[ATTRS_TEXT_MAX];
	int iso_year, week, used;

	date_iso_week(s->day, &iso_year, &week);
	snprintf(head, sizeof head, _("%s · KW %d"), date_format_human(s->day, date, sizeof date),
	         week);
	attrset(colour_attr(TC_HEADING));
	used = text_draw(stdscr, y, 0, head, width);
	filt[0] = '\0';
	if (s->zone[0])
		snprintf(filt, sizeof filt, _("Zone: %s"), s->zone_name);
	if (s->attrs) {
		size_t n = strlen(filt);
		desk_attr_display(s->attrs, attrs, sizeof attrs);
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
static void draw_occupancy(const struct desks_state *s, int y, int width)
{
	char line[sizeof s->view.not_working + 64];

	if (!s->view.working_day) {
		/* Core's reason says it all: "Sat 28 Nov 2026 is a Saturday, not a working day". */
		snprintf(line, sizeof line, "%s", s->view.not_working);
		attrset(colour_attr(TC_STATUS_ERROR));
	} else if (s->view.bookable > 0) {
		int pct = (int)(((long)s->view.booked * 100 + s->view.bookable / 2) / s->view.bookable);
		snprintf(line, sizeof line, _("Booked %d of %d half days (%d %%)"), s->view.booked,
		         s->view.bookable, pct);
		attrset(colour_attr(TC_NORMAL));
	} else {
		snprintf(line, sizeof line, "%s", _("No half day can be booked here on this day."));
		attrset(colour_attr(TC_DIM));
	}
	text_draw(stdscr, y, 0, line, width);
	attrset(A_NORMAL);
}

void desks_draw(struct tui *t, void *state)
{
	struct desks_state *s = state;
	int top = t->body_top, rows = t->body_rows, width = t->cols, vis;
	struct row_ctx ctx = { s, width, { 0 } };
	const struct columns *c = &ctx.c;

	/* The day shown is the day the Week screen selects when shown. */
	if (s->loaded) {
		t->has_day = true;
		t->day = s->day;
	}
	if (!s->loaded) {
		draw_heading(s, top, width);
		return;
	}
	ctx.c = columns(s, width);
	draw_heading(s, top, width);
	draw_occupancy(s, top + 1, width);
	attrset(colour_attr(TC_DIM));
	text_draw(stdscr, top + 2, c->x_code, _("Place"), c->code);
	text_draw(stdscr, top + 2, c->x_info, _("Attributes"), c->info);
	text_draw(stdscr, top + 2, c->x_am, _("Morning"), c->slot);
	text_draw(stdscr, top + 2, c->x_pm, _("Afternoon"), c->slot);
	attrset(A_NORMAL);

	vis = rows - 3;
	if (vis > 0 && s->list.n == 0) {
		const char *empty = s->zone[0] || s->attrs
			? _("No desk or room matches the filters. c clears them.")
			: _("There are no desks yet. Facilities add them with 'hop desk add' or "
			    "'hop import desks'.");
		text_wrap(stdscr, top + 4, 2, empty, width - 4, vis - 1, false, false);
	}
	list_draw(&s->list, top + 3, vis, draw_row, &ctx);
	if (s->mode == MODE_ZONES || s->mode == MODE_FOR)
		pick_draw(t, &s->pick);
}
