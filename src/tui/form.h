/* A small form in a box over the screen: labelled one-line fields, one of
 * them active.  Tab/↓ and Shift-Tab/↑ move between fields, Enter submits,
 * Esc cancels.  What the fields mean is the screen's business.
 *
 * A field that names a team or a person is chosen from a list, not typed:
 * typing on it opens the chooser (pick.h) with what was typed, narrowed as
 * core folds names (case, umlauts, dashes aside); Enter there takes the one
 * selected into the field, Esc leaves the field as it was. */
#ifndef HOP_TUI_FORM_H
#define HOP_TUI_FORM_H

#include "input.h"
#include "pick.h"
#include "tui_internal.h"

#define FORM_MAX_FIELDS 8

struct form_field {
	const char *label;          /* translated */
	unsigned id;                /* the screen's tag, e.g. a person_field bit */
	struct tui_input in;
	/* A field chosen from a list: the labels shown, and what the field
	 * takes for each (values NULL: the label itself).  The caller's; they
	 * stay put while the form is open. */
	const char *const *choices;
	const char *const *values;
	size_t nchoices;
};

struct tui_form {
	char title[256];
	struct form_field f[FORM_MAX_FIELDS];
	int n, cur;
	bool picking;               /* the chooser of f[cur] is open */
	struct tui_pick pick;
};

enum form_result { FORM_CONTINUE, FORM_SUBMIT, FORM_CANCEL, FORM_FULL };

void form_init(struct tui_form *fm, const char *title);
/* Add a field with its initial text; false if the text cannot be edited in
 * this locale (see input_init) or the form is full. */
bool form_add(struct tui_form *fm, unsigned id, const char *label, const char *text,
              size_t max_bytes);
/* A field chosen from choices (n of them; values as in struct form_field). */
bool form_add_choice(struct tui_form *fm, unsigned id, const char *label, const char *text,
                     size_t max_bytes, const char *const *choices, const char *const *values,
                     size_t n);
struct form_field *form_field(struct tui_form *fm, unsigned id);
/* The form goes away: close a chooser left open. */
void form_done(struct tui_form *fm);

enum form_result form_key(struct tui_form *fm, const struct tui_key *k);
/* Draw the box centred in the view's area; sets the cursor position in t. */
void form_draw(struct tui *t, struct tui_form *fm);

#endif
