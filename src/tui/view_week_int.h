/* What the files of the Week screen share (view_week.c, view_week_draw.c,
 * view_week_act.c): the screen's state, which tui.c holds and hands to every
 * function, and the few functions one file calls in another.  Private to
 * these three files. */
#ifndef HOP_TUI_VIEW_WEEK_INT_H
#define HOP_TUI_VIEW_WEEK_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"
#include "input.h"
#include "list.h"
#include "pick.h"
#include "tui_internal.h"

#define TEAM_LABEL_MAX (HOP_TEAM_NAME_MAX + HOP_NAME_MAX + 8)
#define DESK_LABEL_MAX (HOP_CODE_MAX + HOP_SITE_NAME_MAX + HOP_FLOOR_NAME_MAX + \
                        HOP_ZONE_NAME_MAX + HOP_NAME_MAX + 160)

enum mode {
	MODE_GRID,
	MODE_DETAIL,        /* the details box of the selected cell */
	MODE_TEAMS,         /* the team chooser */
	MODE_SET,           /* s: which location for the day or the marked span */
	MODE_CONFIRM,       /* a change that cancels desk bookings, asked first */
	MODE_NOTE,          /* n: the day's note on the status line */
	MODE_DESKS,         /* M: the free desks to move to */
};

/* A change being asked about (s, d, n, M), applied on the answer. */
enum change_what { CHANGE_SET, CHANGE_CLEAR, CHANGE_CANCEL_DESK, CHANGE_NOTE, CHANGE_MOVE };
struct week_change {
	enum change_what what;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];   /* the person's team that week: its agreement */
	hop_date from, to;
	enum presence_loc loc;
	int desks;                          /* desk bookings it cancels */
	char desk[HOP_CODE_MAX + 1];        /* the (first) desk */
	char to_desk[HOP_CODE_MAX + 1];     /* CHANGE_MOVE: the desk moved to */
	char note[HOP_PRESENCE_NOTE_MAX + 1]; /* CHANGE_NOTE: the new note, "" none */
};

/* The last change, as its days were before it: u puts them back. */
#define WEEK_UNDO_DAYS 31
struct week_undo {
	bool have;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	struct presence_day_entry days[WEEK_UNDO_DAYS];
	size_t n;
};

struct week_state {
	hop_date monday;
	/* Just opened: the first show need not read again what open read. */
	bool fresh;
	char team[HOP_TEAM_NAME_MAX + 1];   /* "" = the actor's team */
	struct presence_week w;
	bool loaded;
	char error[HOP_ERR_MSG_MAX];        /* why there is no week to show */
	/* The grid: a row per person of w, a column per day (col 0 = Monday). */
	struct tui_list list;
	enum mode mode;
	/* The team chooser: the teams offered, one label each. */
	struct hop_team_list teams;
	char (*team_labels)[TEAM_LABEL_MAX];
	const char **team_items;
	size_t *team_index;                 /* chooser item -> index into teams */
	size_t nitems;
	struct tui_pick pick;
	/* v: the first day of a span (marked), s sets the span. */
	bool marked;
	hop_date mark;
	struct week_change change;
	struct week_undo undo;
	/* n: the line being edited and its label. */
	struct tui_input input;
	char input_label[96];
	/* M: the desks offered, one label each (the chooser is pick). */
	struct hop_desk_list desks;
	char (*desk_labels)[DESK_LABEL_MAX];
	const char **desk_items;
};

/* view_week.c: the selected person's row, NULL when there is none (drawing, actions). */
const struct presence_row *week_sel_row(const struct week_state *s);
/* view_week.c: read the week again; the actions call it after every change. */
bool week_load(struct tui *t, struct week_state *s);
/* view_week.c: free the team chooser's lists (on closing the screen and the chooser). */
void week_teams_free(struct week_state *s);

/* view_week_draw.c: the view's draw entry, for the table in view_week.c. */
void week_draw(struct tui *t, void *state);

/* view_week_set.c: s (the location chooser), v (mark a span), d (cancel the
 * day's desk, asked first), u (undo the last change), the chooser's and the
 * confirmation's keys, and whether a day is in the marked span (drawing). */
void week_set_open(struct tui *t, struct week_state *s);
void week_mark(struct tui *t, struct week_state *s);
void week_cancel_desk_open(struct tui *t, struct week_state *s);
void week_undo(struct tui *t, struct week_state *s);
void week_set_key(struct tui *t, struct week_state *s, const struct tui_key *k);
void week_confirm_key(struct tui *t, struct week_state *s, const struct tui_key *k);
bool week_in_span(const struct week_state *s, hop_date day);
/* view_week_set.c: make s->change (filled by the caller) and say what
 * became of it, kept for u; and ask about it (y / n) first. */
void week_apply(struct tui *t, struct week_state *s);
void week_ask_confirm(struct tui *t, struct week_state *s);
/* view_week_edit.c: n (the day's note), M (move the day's desk; b on a day
 * that has one), their keys, the details box's keys, and freeing the desks
 * offered. */
void week_note_open(struct tui *t, struct week_state *s);
void week_note_key(struct tui *t, struct week_state *s, const struct tui_key *k);
void week_move_open(struct tui *t, struct week_state *s);
void week_move_key(struct tui *t, struct week_state *s, const struct tui_key *k);
void week_detail_key(struct tui *t, struct week_state *s, const struct tui_key *k);
void week_desks_free(struct week_state *s);
/* view_week_edit.c: the person's first deviation from the office agreement
 * in the weeks of from..to, "! ...", after a change (buf "" when none). */
void week_deviation_note(struct tui *t, const struct week_change *c, char *buf, size_t size);
/* view_week_act.c: book a desk near the team on the selected day (key b). */
void week_book_desk(struct tui *t, struct week_state *s);
/* view_week_act.c: open the team chooser (key T); false when there is none to offer. */
bool week_teams_open(struct tui *t, struct week_state *s);
/* view_week_act.c: a key while the team chooser is open. */
void week_teams_key(struct tui *t, struct week_state *s, const struct tui_key *k);

#endif
