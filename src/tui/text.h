/* UTF-8 text on the screen, measured in terminal columns.
 *
 * Names such as "Şükrü Öztürk" take fewer columns than bytes, and a CJK name
 * takes more; a cut must never fall inside a character.  Everything here
 * measures with mbrtowc and wcwidth, and replaces bytes that are not valid
 * UTF-8 or control characters with '?', so nothing from the database can move
 * the cursor or change the terminal's state.  In a locale that is not UTF-8
 * the text is still read as UTF-8 and shown as well as the terminal can. */
#ifndef HOP_TUI_TEXT_H
#define HOP_TUI_TEXT_H

#include <curses.h>
#include <stdbool.h>

/* Is the terminal's locale UTF-8?  hop's texts are UTF-8 whatever the
 * locale; elsewhere (a C or POSIX locale, ISO-8859-1) text_draw shows each
 * character as the character set has it, hop's symbols as ASCII (● *, ⌂ ^,
 * → >, · ., ★ +, ✕ x ...) and anything else as '?'. */
bool text_utf8(void);
/* utf8 where the locale is UTF-8, else ascii: a symbol with a better
 * stand-in than text_draw's (a fixed-width mark, "-" for "—"). */
const char *text_sym(const char *utf8, const char *ascii);

/* Display width of s in columns. */
int text_width(const char *s);

/* Draw s at (y, x) in at most width columns with the window's current
 * attributes.  Text that does not fit ends in an ellipsis.  Returns the
 * columns drawn. */
int text_draw(WINDOW *w, int y, int x, const char *s, int width);

/* As text_draw, then fill with spaces up to width (for bars and highlighted rows). */
void text_draw_pad(WINDOW *w, int y, int x, const char *s, int width);

/* Fill width columns at (y, x) with spaces. */
void text_fill(WINDOW *w, int y, int x, int width);

/* Word-wrap s into lines of at most width columns, starting at row y; at
 * most max_rows lines, each centred in the width when centred is set.  With
 * dry_run nothing is drawn.  Returns the number of lines. */
int text_wrap(WINDOW *w, int y, int x, const char *s, int width, int max_rows, bool centred,
              bool dry_run);

#endif
