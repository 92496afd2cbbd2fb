/* A list of items under group headings, or a flat one, with a selected item,
 * scrolling, and a selected column for grids: what the People list (by
 * team), the Desks list (by zone) and the Week grid (people by days) share.
 *
 * The screen keeps its items (people, places, rows of a week) and draws a
 * row as it likes; the list keeps rows that point into the items, and does
 * the moving, paging and scrolling the same way for every screen. */
#ifndef HOP_TUI_LIST_H
#define HOP_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* One line of a list: a group heading or an item. */
struct list_row {
	bool heading;
	size_t item;        /* the item's index; for a heading, its group's first item */
	size_t members;     /* headings: the items under it */
};

struct tui_list {
	struct list_row *rows;
	size_t n;           /* rows */
	size_t sel;         /* the selected row: an item's, whenever there is one */
	size_t top;         /* the first row shown */
	int page;           /* rows shown at the last draw: how far PgUp and PgDn go */
	int col, ncols;     /* grids: the selected column, and how many there are */
};

#define LIST_NONE ((size_t)-1)

/* Do items a and b stand under one heading?  ctx is the screen's. */
typedef bool list_same_fn(const void *ctx, size_t a, size_t b);

/* Rows for nitems items: a heading before every group that same tells
 * apart (same NULL: no headings).  The selection is kept where it was, to
 * be set with list_select.  False when out of memory (the old rows stay). */
bool list_build(struct tui_list *l, size_t nitems, list_same_fn *same, const void *ctx);
void list_free(struct tui_list *l);

/* The selected item, or LIST_NONE when the list is empty. */
size_t list_item(const struct tui_list *l);
/* Select the row of item; when it is not listed (or LIST_NONE), the item
 * nearest to the selection, looking down first. */
void list_select(struct tui_list *l, size_t item);

/* Move by delta items, over headings, stopping at either end. */
void list_move(struct tui_list *l, long delta);
/* A page down (dir > 0) or up, landing on the nearest item that way. */
void list_page(struct tui_list *l, int dir);
/* The first (end false) or last item. */
void list_home(struct tui_list *l, bool end);
/* Move the selected column by delta, within 0 .. ncols - 1. */
void list_move_col(struct tui_list *l, int delta);

/* Draw a row at line y: selected is true for the selected row. */
typedef void list_row_fn(void *ctx, const struct list_row *r, bool selected, int y);

/* Note vis as the page, scroll so that the selection (and the heading of
 * its group, when it is the group's first) is among the vis rows from line
 * y, and draw those rows. */
void list_draw(struct tui_list *l, int y, int vis, list_row_fn *draw_row, void *ctx);

#endif
