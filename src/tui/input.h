/* A one-line editor for the search prompt and form fields.
 *
 * Keys come from get_wch, so umlauts and any other character of the locale
 * can be typed.  The text is kept as wide characters while editing and
 * limited in UTF-8 bytes, the unit the core's fields are measured in. */
#ifndef HOP_TUI_INPUT_H
#define HOP_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <curses.h>

#include "tui_internal.h"

#define INPUT_MAX_CHARS 256

struct tui_input {
	wchar_t buf[INPUT_MAX_CHARS + 1];
	size_t len, cur;           /* characters */
	size_t max_bytes;          /* UTF-8 bytes the text may take */
	size_t first;              /* first character shown (horizontal scrolling) */
};

enum input_result {
	INPUT_IGNORED,      /* not an editing key: the caller may use it */
	INPUT_MOVED,        /* cursor moved, text unchanged */
	INPUT_CHANGED,
	INPUT_FULL,         /* a character did not fit (max_bytes) */
	INPUT_ENTER,
	INPUT_ESCAPE,
};

/* Start with text (UTF-8); cursor at the end.  max_bytes at most
 * INPUT_MAX_CHARS - 1.  Returns false if text is not valid in the locale's
 * encoding (it would be changed by editing; the caller should not offer it). */
bool input_init(struct tui_input *in, const char *text, size_t max_bytes);

enum input_result input_key(struct tui_input *in, const struct tui_key *k);

/* The text as a multibyte string.  Returns false if it does not fit in size. */
bool input_text(const struct tui_input *in, char *buf, size_t size);

/* Draw into width columns at (y, x); returns the cursor's column. */
int input_draw(WINDOW *w, struct tui_input *in, int y, int x, int width);

#endif
