/* What the files of the TUI share: the running screen, keys, and the view
 * interface every screen (tab) implements.  Only src/tui includes this. */
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

/* One line of the key help: keys as shown ("j ↓") and what they do; both N_(). */
struct tui_keyhelp {
	const char *keys;
	const char *what;
};

struct tui;

/* A screen behind a tab, in the manner of tig's views: a table of functions.
 * open runs when the tab is first shown, close when the TUI ends.  draw paints
 * the body (rows t->body_top .. t->body_top + t->body_rows - 1).  key returns
 * true when the view used the key; unused keys fall through to the global ones. */
struct tui_view {
	const char *name;                   /* tab label, N_() */
	const char *hints;                  /* status-line hints of this screen, N_() */
	const struct tui_keyhelp *keys;     /* the screen's keys for the help overlay */
	size_t nkeys;
	const char *message;                /* screens not built yet: what they will be, N_() */
	void (*open)(struct tui *t);
	void (*draw)(struct tui *t, const struct tui_view *v);
	bool (*key)(struct tui *t, const struct tui_key *k);
	void (*close)(struct tui *t);
};

#define TUI_STATUS_MAX 1024
#define TUI_MAX_VIEWS 8

struct tui {
	struct hop_app *app;
	int rows, cols;             /* the whole terminal */
	int body_top, body_rows;    /* the view's area between tab bar and status line */
	size_t current;             /* index of the shown view */
	bool opened[TUI_MAX_VIEWS];
	bool quit;
	bool help;                  /* the key-help overlay is shown */
	char status[TUI_STATUS_MAX];
	bool status_error;
	/* A prompt on the status line (the search): label and the line being edited. */
	const char *prompt_label;
	struct tui_input *prompt;
	/* Where the terminal cursor goes after drawing; -1 hides it. */
	int cursor_y, cursor_x;
};

/* The minimum terminal size below which only a note is shown. */
#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 15

/* tui.c */
void tui_status(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A box of height × width at (top, left), filled with spaces in the current
 * attributes and framed: the frame of overlays (help, forms, pickers). */
void tui_box(int top, int left, int height, int width);

/* header.c: the top line, and dates as the header shows them */
void header_draw(struct tui *t);
/* "Mo 23.11.2026" / "Mon 2026-11-23" (weekday true), "23.11.2026" / "2026-11-23". */
char *tui_date_text(hop_date day, bool weekday, char *buf, size_t size);

/* tabs.c: the tab bar on the second line */
extern const struct tui_view *const tui_views[];
extern const size_t tui_view_count;
void tabs_draw(struct tui *t);

/* help.c: the key-help overlay */
void help_draw(struct tui *t);

/* The screens. */
extern const struct tui_view view_week, view_desks, view_people, view_onboarding,
	view_training, view_rotation;
/* view_placeholder.c: draw for screens not built yet (a centred message). */
void placeholder_draw(struct tui *t, const struct tui_view *v);

#endif
