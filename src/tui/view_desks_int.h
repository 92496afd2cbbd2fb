/* What the files of the Desks screen share (view_desks.c: state, loading,
 * moving and keys; view_desks_draw.c: drawing; view_desks_act.c: booking,
 * cancelling, filters and dates): the screen's state, which tui.c holds and
 * hands to every function, and the few functions one file calls in another.
 * Only view_desks*.c include this. */
#ifndef HOP_VIEW_DESKS_INT_H
#define HOP_VIEW_DESKS_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hop/core/booking/booking.h"
#include "hop/base/date.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"
#include "input.h"
#include "list.h"
#include "pick.h"
#include "tui_internal.h"

/* Room for a zone's path "site/floor/zone" (the filter), its label in the
 * chooser and a place's attributes as text. */
#define ZONE_PATH_MAX (HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 3)
#define ZONE_LABEL_MAX (HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + HOP_ZONE_NAME_MAX + 16)
#define ATTRS_TEXT_MAX 128

/* What the screen is doing with the keys: browsing, or one of the questions. */
enum mode {
	MODE_LIST,
	MODE_HALF,          /* which half day to book: d / m / a */
	MODE_PEOPLE,        /* a room: how many people (line editor) */
	MODE_CONFIRM,       /* cancel my booking? y / n */
	MODE_DATE,          /* go to a date (line editor) */
	MODE_ATTRS,         /* attribute filter (line editor) */
	MODE_ZONES,         /* zone chooser */
	MODE_FOR,           /* f: whom to book for (person chooser) */
};

#define PERSON_LABEL_MAX (HOP_NAME_MAX + HOP_LOGIN_MAX + HOP_TEAM_NAME_MAX + 16)

/* u: the last booking or cancellation made here (view_desks_undo.c). */
struct desks_undo {
	bool have;
	bool booked;                        /* u cancels it; false: u books it again */
	hop_date day;
	char code[HOP_CODE_MAX + 1];
	enum desk_kind kind;
	unsigned half;
	int attendees;                      /* rooms: the group's size */
	char login[HOP_LOGIN_MAX + 1];      /* whose booking */
	char name[HOP_NAME_MAX + 1];        /* booked for someone else: their name, else "" */
	bool have_day;                      /* was holds the person's day before the change */
	struct presence_day_entry was;
};

struct desks_state {
	hop_date day;
	/* Just opened: the first show need not read again what open read. */
	bool fresh;
	struct desk_day_view view;
	bool loaded;
	struct tui_list list;               /* the places (view.v) under zone headings */
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
	/* f: the person booked for ("" = me), and the people offered. */
	char for_login[HOP_LOGIN_MAX + 1];
	char for_name[HOP_NAME_MAX + 1];
	struct hop_person_list people;
	char (*people_labels)[PERSON_LABEL_MAX];
	const char **people_items;
	/* u: what the next u undoes, and what the change in progress will leave. */
	struct desks_undo undo, pending;
};

/* ---- view_desks.c: state and loading ---- */

/* The selected place, or NULL on a heading or an empty list; the dialogs act on it. */
const struct desk_day *desks_selected(const struct desks_state *s);
/* Read the day with the filters (after a booking or a filter change); false when refused. */
bool desks_load(struct tui *t, struct desks_state *s);
/* Read the zones for the chooser (when it opens before they are read). */
bool desks_load_zones(struct tui *t, struct desks_state *s);
/* Show another day, keeping the old one when it cannot be read (the date prompt). */
void desks_go_to(struct tui *t, struct desks_state *s, hop_date day);

/* ---- view_desks_draw.c ---- */

/* The view's draw: heading, occupancy, the list and the zone chooser over it. */
void desks_draw(struct tui *t, void *state);

/* ---- view_desks_act.c: the questions the keys start and answer ---- */

/* Enter: ask which half day to book the selected place for. */
void desks_book_open(struct tui *t, struct desks_state *s);
/* d: ask to cancel my booking of the selected place. */
void desks_cancel_open(struct tui *t, struct desks_state *s);
/* g and a: a line editor for a date or the attribute filter. */
void desks_prompt_open(struct tui *t, struct desks_state *s, enum mode mode, const char *label,
                       const char *text);
/* z: the zone chooser. */
void desks_zones_open(struct tui *t, struct desks_state *s);
/* Keys in MODE_HALF: d / m / a, then book (or ask for people for a room). */
void desks_half_key(struct tui *t, struct desks_state *s, const struct tui_key *k);
/* Keys in MODE_CONFIRM: y cancels the booking, n does not. */
void desks_confirm_key(struct tui *t, struct desks_state *s, const struct tui_key *k);
/* Keys in MODE_PEOPLE, MODE_DATE and MODE_ATTRS: the line editor. */
void desks_prompt_key(struct tui *t, struct desks_state *s, const struct tui_key *k);
/* Keys in MODE_ZONES: the chooser. */
void desks_zones_key(struct tui *t, struct desks_state *s, const struct tui_key *k);
/* Book the place asked about (s->code, s->half) for s->for_login ("" = me),
 * for people (rooms; 0 = one), and say so. */
void desks_book(struct tui *t, struct desks_state *s, int people);
/* Ask which half day to book s->code for (MODE_HALF). */
void desks_ask_half(struct tui *t, struct desks_state *s);

/* ---- view_desks_for.c: f, booking for someone else ---- */

/* f: choose the person (facilities: anyone; leads: their members), then the half day. */
void desks_for_open(struct tui *t, struct desks_state *s);
/* Keys in MODE_FOR: the person chooser. */
void desks_for_key(struct tui *t, struct desks_state *s, const struct tui_key *k);
/* Free the people offered (closing the chooser or the screen). */
void desks_for_free(struct desks_state *s);

/* ---- view_desks_undo.c: u ---- */

/* Before booking or cancelling on day for s->for_login ("" = me): remember the day. */
void desks_undo_prepare(struct tui *t, struct desks_state *s, hop_date day);
/* After it succeeded: what u is to reverse. */
void desks_undo_done(struct desks_state *s, bool booked, const char *code, enum desk_kind kind,
                     unsigned half, int attendees);
/* Add "u undoes it." to the status line's message. */
void desks_undo_hint(struct tui *t);
/* u: undo it, once. */
void desks_undo(struct tui *t, struct desks_state *s);

#endif
