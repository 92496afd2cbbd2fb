/* The screens that are not built yet.  They say so and what they will hold,
 * rather than show invented data.  Each has no state and no keys of its own
 * yet; becoming a real screen means a state, a key table and open and draw
 * functions in a file of its own (see view_people.c), and its line in tabs.c
 * stays as it is. */
#include "hop/base/i18n.h"
#include "colour.h"
#include "text.h"
#include "tui_internal.h"

/* A message centred in the screen's area. */
static void placeholder_draw(struct tui *t, const char *message)
{
	const char *msg = _(message);
	int width = t->cols - 4, rows, y;

	rows = text_wrap(stdscr, 0, 0, msg, width, t->body_rows, true, true);
	y = t->body_top + (t->body_rows - rows) / 2;
	attrset(colour_attr(TC_NORMAL));
	text_wrap(stdscr, y, 2, msg, width, t->body_rows, true, false);
}

#define PLACEHOLDER(var, label, text) \
	static void var##_draw(struct tui *t, void *state) \
	{ \
		(void)state; \
		placeholder_draw(t, text); \
	} \
	const struct tui_view var = { .name = label, .draw = var##_draw }

PLACEHOLDER(view_rotation, N_("Rotation"),
            N_("The Rotation screen is not built yet: it comes with rotation schedules."));
