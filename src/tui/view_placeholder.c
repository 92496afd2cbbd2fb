/* The screens that are not built yet.  They say so and what they will hold,
 * rather than show invented data. */
#include "hop/base/i18n.h"
#include "colour.h"
#include "text.h"
#include "tui_internal.h"

#define HINTS N_("? help   1-6 Tab: screens   q quit")

void placeholder_draw(struct tui *t, const struct tui_view *v)
{
	const char *msg = _(v->message);
	int width = t->cols - 4, rows, y;

	rows = text_wrap(stdscr, 0, 0, msg, width, t->body_rows, true, true);
	y = t->body_top + (t->body_rows - rows) / 2;
	attrset(colour_attr(TC_NORMAL));
	text_wrap(stdscr, y, 2, msg, width, t->body_rows, true, false);
}

#define PLACEHOLDER(var, label, text) \
	const struct tui_view var = { .name = label, .hints = HINTS, .message = text, \
	                              .draw = placeholder_draw }

PLACEHOLDER(view_onboarding, N_("Onboarding"),
            N_("The Onboarding screen is not built yet: it comes with onboarding "
               "and mentorship."));
PLACEHOLDER(view_training, N_("Training"),
            N_("The Training screen is not built yet: it comes with training records."));
PLACEHOLDER(view_rotation, N_("Rotation"),
            N_("The Rotation screen is not built yet: it comes with rotation schedules."));
