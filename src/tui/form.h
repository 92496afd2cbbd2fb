/* A small form in a box over the screen: labelled one-line fields, one of
 * them active.  Tab/↓ and Shift-Tab/↑ move between fields, Enter submits,
 * Esc cancels.  What the fields mean is the screen's business. */
#ifndef HOP_TUI_FORM_H
#define HOP_TUI_FORM_H

#include "input.h"
#include "tui_internal.h"

#define FORM_MAX_FIELDS 8

struct form_field {
	const char *label;          /* translated */
	unsigned id;                /* the screen's tag, e.g. a person_field bit */
	struct tui_input in;
};

struct tui_form {
	char title[256];
	struct form_field f[FORM_MAX_FIELDS];
	int n, cur;
};

enum form_result { FORM_CONTINUE, FORM_SUBMIT, FORM_CANCEL, FORM_FULL };

void form_init(struct tui_form *fm, const char *title);
/* Add a field with its initial text; false if the text cannot be edited in
 * this locale (see input_init) or the form is full. */
bool form_add(struct tui_form *fm, unsigned id, const char *label, const char *text,
              size_t max_bytes);
struct form_field *form_field(struct tui_form *fm, unsigned id);

enum form_result form_key(struct tui_form *fm, const struct tui_key *k);
/* Draw the box centred in the view's area; sets the cursor position in t. */
void form_draw(struct tui *t, struct tui_form *fm);

#endif
