/* What the files of the TUI share: the running screen, keys, and the view
 * interface every screen (tab) implements.  Only src/tui includes this (and
 * the unit test of the key tables, tests/unit/test_tui_keys.c). */
#ifndef HOP_TUI_INTERNAL_H
#define HOP_TUI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "hop/base/date.h"

struct hop_app;
struct tui_input;

/* One key press: a character (fn false) or a curses KEY_* code (fn true). */
struct tui_key {
	bool fn;
	wint_t c;
};

static inline bool key_is(const struct tui_key *k, wint_t ch)
{
	return !k->fn && k->c == ch;
}

static inline bool key_fn(const struct tui_key *k, int code)
{
	return k->fn && k->c == (wint_t)code;
}

#define TUI_CTRL(c) ((wint_t)((c) & 0x1f))

/* A key as the key tables name it: a character as itself, a curses KEY_*
 * code marked with TUI_FN (above every Unicode code point, so the two never
 * meet: KEY_DOWN is 0402, which is also the character Ă). */
#define TUI_FN(code) (0x40000000 | (int)(code))

static inline int tui_key_code(const struct tui_key *k)
{
	return k->fn ? TUI_FN(k->c) : (int)k->c;
}

struct tui;

#define TUI_ACTION_KEYS 3

/* Where a global key's hint stands in the footer; a screen's hints stand in
 * the middle, in the order of its table. */
enum tui_hint_place {
	TUI_HINT_AFTER,     /* after the screen's hints */
	TUI_HINT_FIRST,     /* before them ("? help") */
	TUI_HINT_SPARE,     /* after them, and left out first when the line is narrow */
};

/* One entry of a key table, in the manner of tig's requests and htop's
 * actions: the keys, what the help says of them, the footer's label, and
 * what they run.  The dispatch, the ? overlay and the footer are all made
 * from the tables, so that they cannot disagree.
 *
 * An entry with a keyname starts a line of the help; an entry without one
 * (and without help) adds its keys to the line above, so that "j k  ↓ ↑  next
 * / previous person" is two entries and one line.  An entry without keys and
 * run is a line of text only: a legend of symbols, or keys that a prompt or a
 * form of the screen reads itself. */
struct tui_action {
	int keys[TUI_ACTION_KEYS];          /* tui_key_code values; 0 ends the list */
	const char *keyname;                /* the help's keys column ("j k  ↓ ↑"), N_() */
	const char *help;                   /* the help's text, N_() */
	const char *hint;                   /* the footer's label ("e edit"), N_(), or NULL */
	/* Runs the action on the screen's state.  False: the key does nothing
	 * in this state and goes on to the global keys. */
	bool (*run)(struct tui *t, void *state, int arg);
	int arg;                            /* passed to run: a direction, a location... */
	enum tui_hint_place place;          /* global keys only */
};

#define TUI_TABLE(a) .actions = (a), .nactions = sizeof(a) / sizeof((a)[0])

/* A screen behind a tab, in the manner of tig's views: a table of keys and a
 * few functions over the screen's own state.  tui.c allocates state_size
 * bytes, zeroed, when the tab is first shown and hands them to every function;
 * the screen never keeps state anywhere else.
 *
 *   open   the tab is shown for the first time: read what the screen shows
 *   show   the tab is shown (each time, after open); optional
 *   draw   paint the body (rows t->body_top .. t->body_top + t->body_rows - 1)
 *   key    a question in progress (a prompt, a chooser, a form) takes every
 *          key first and returns true; false when none is open.  Optional.
 *   idle   no key is waiting: read a little more of what open or show began
 *          to read (a few milliseconds' worth, so that a key pressed
 *          meanwhile waits no longer); true while more is left.  Optional.
 *   close  the TUI ends: free what the state holds (tui.c frees the block) */
struct tui_view {
	const char *name;                   /* tab label, N_() */
	const struct tui_action *actions;   /* the screen's key table */
	size_t nactions;
	size_t state_size;
	void (*open)(struct tui *t, void *state);
	void (*show)(struct tui *t, void *state);
	void (*draw)(struct tui *t, void *state);
	bool (*key)(struct tui *t, void *state, const struct tui_key *k);
	bool (*idle)(struct tui *t, void *state);
	void (*close)(struct tui *t, void *state);
};

#define TUI_STATUS_MAX 1024
#define TUI_MAX_VIEWS 8

struct tui {
	struct hop_app *app;
	int rows, cols;             /* the whole terminal */
	int body_top, body_rows;    /* the view's area between tab bar and status line */
	size_t current;             /* index of the shown view */
	bool opened[TUI_MAX_VIEWS];
	void *state[TUI_MAX_VIEWS]; /* each view's state, from its first showing */
	bool quit;
	bool help;                  /* the key-help overlay is shown */
	int help_top;               /* its first line shown (it scrolls at 80x24) */
	int help_more;              /* lines below the last one shown, from help_draw */
	char status[TUI_STATUS_MAX];
	bool status_error;
	/* A prompt on the status line (the search): label and the line being edited. */
	const char *prompt_label;
	struct tui_input *prompt;
	/* The day last chosen on a screen of days (Week's selected day, Desks'
	 * day), so that the other follows when shown; has_day false at first. */
	bool has_day;
	hop_date day;
	/* Where the terminal cursor goes after drawing; -1 hides it. */
	int cursor_y, cursor_x;
};

/* The minimum terminal size below which only a note is shown. */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 15

/* tui.c */
/* The global keys (tabs, help, redraw, quit), after every screen's own. */
extern const struct tui_action tui_global_actions[];
extern const size_t tui_global_count;
/* What became of a key (tui_dispatch). */
enum tui_took {
	TUI_TOOK_NONE,      /* no one used it */
	TUI_TOOK_QUESTION,  /* the screen's question in progress (view->key) */
	TUI_TOOK_SCREEN,    /* an action of the screen's table */
	TUI_TOOK_GLOBAL,    /* a global action */
};
/* Show view i, opening it the first time; false when its state cannot be had. */
bool tui_show(struct tui *t, size_t i);
/* One key, as the main loop hands it on. */
enum tui_took tui_dispatch(struct tui *t, const struct tui_key *k);
/* No key is waiting: one step of the shown screen's reading (its idle);
 * true while more is left. */
bool tui_idle(struct tui *t);
/* Draw the whole screen from the state. */
void tui_draw(struct tui *t);
/* Close the opened views and free their state. */
void tui_close_views(struct tui *t);
void tui_status(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A box of height × width at (top, left), filled with spaces in the current
 * attributes and framed: the frame of overlays (help, forms, pickers). */
void tui_box(int top, int left, int height, int width);

/* header.c: the top line, and dates as the header shows them */
void header_draw(struct tui *t);
/* "Mo 23.11.2026" / "Mon 2026-11-23" (weekday true), "23.11.2026" / "2026-11-23". */
char *tui_date_text(hop_date day, bool weekday, char *buf, size_t size);
/* "24.11." this year, "24.11.27" in another; "" for HOP_DATE_NONE: the
 * lists' compact dates (Onboarding, Training). */
char *tui_short_date(hop_date day, char *buf, size_t size);

/* tabs.c: the tab bar on the second line */
extern const struct tui_view *const tui_views[];
extern const size_t tui_view_count;
void tabs_draw(struct tui *t);

/* help.c: the key-help overlay */
void help_draw(struct tui *t);
/* A key while the help is shown: scrolls it (true) or closes it (false). */
bool help_key(struct tui *t, const struct tui_key *k);

/* keys.c: walking the key tables */
/* Run the entry of table whose keys hold code; TUI_TOOK_NONE when none does
 * or its run declines, else took. */
enum tui_took keys_run(struct tui *t, void *state, const struct tui_action *table, size_t n,
                       int code, enum tui_took took);
/* The footer: the hints of the screen's table and the global table, joined
 * to fit width columns where they can (see keys.c).  Translated. */
void keys_hints(const struct tui_view *v, int width, char *buf, size_t size);

/* The screens (views.def). */
#define VIEW(name) extern const struct tui_view name;
#include "views.def"
#undef VIEW

#endif
