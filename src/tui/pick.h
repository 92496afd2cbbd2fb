/* A chooser over the screen: a framed list of labels, one selected, narrowed
 * as the person types (case, umlauts, dashes and blanks ignored, as core's
 * search folds them: fold_matches).
 * ↑/↓ and PgUp/PgDn move, Enter chooses, Esc cancels.  The labels belong to
 * the caller and must stay put while the chooser is open. */
#ifndef HOP_TUI_PICK_H
#define HOP_TUI_PICK_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "tui_internal.h"

struct tui_pick {
	char title[160];
	const char *const *items;
	size_t n;
	size_t *shown;              /* indexes into items that match the typed text */
	size_t nshown;
	size_t sel, top;            /* positions in shown */
	int rows;                   /* list rows at the last draw */
	struct tui_input query;
	/* The labels folded once, in each of fold_matches's ways, so that a
	 * key folds only the query even over 20,000 people. */
	char *hay[3];
	size_t *off[3];
};

enum pick_result { PICK_CONTINUE, PICK_CHOSEN, PICK_CANCEL, PICK_FULL };

/* Open with items[initial] selected.  False when out of memory. */
bool pick_open(struct tui_pick *p, const char *title, const char *const *items, size_t n,
               size_t initial);
enum pick_result pick_key(struct tui_pick *p, const struct tui_key *k);
/* The chosen item's index into items (after PICK_CHOSEN). */
size_t pick_chosen(const struct tui_pick *p);
/* Draw centred over the view's area; sets the cursor position in t. */
void pick_draw(struct tui *t, struct tui_pick *p);
void pick_close(struct tui_pick *p);

#endif
