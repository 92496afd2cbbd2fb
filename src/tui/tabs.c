/* The tab bar: one tab per screen, switched with 1-6 and Tab / Shift-Tab. */
#include <stdio.h>

#include "hop/base/i18n.h"
#include "colour.h"
#include "text.h"
#include "tui_internal.h"

/* The order of the tabs, and of the keys 1-6. */
const struct tui_view *const tui_views[] = {
#define VIEW(name) &name,
#include "views.def"
#undef VIEW
};
const size_t tui_view_count = sizeof tui_views / sizeof tui_views[0];
_Static_assert(sizeof tui_views / sizeof tui_views[0] <= TUI_MAX_VIEWS,
               "struct tui keeps one 'opened' flag per view");

static void label(size_t i, bool numbered, char *buf, size_t size)
{
	if (numbered)
		snprintf(buf, size, "%zu %s", i + 1, _(tui_views[i]->name));
	else
		snprintf(buf, size, "%s", _(tui_views[i]->name));
}

/* Columns the bar needs: " label " per tab, one space between, one in front. */
static int bar_width(bool numbered)
{
	int w = 1;
	char buf[160];

	for (size_t i = 0; i < tui_view_count; i++) {
		label(i, numbered, buf, sizeof buf);
		w += text_width(buf) + 2 + 1;
	}
	return w;
}

void tabs_draw(struct tui *t)
{
	bool numbered = bar_width(true) <= t->cols;
	/* On a narrow terminal every tab gets an equal share and is cut to it. */
	int share = bar_width(numbered) <= t->cols ? 0 : (t->cols - 1) / (int)tui_view_count - 3;
	int x = 1;
	char buf[160];

	attrset(colour_attr(TC_TAB));
	text_fill(stdscr, 1, 0, t->cols);
	for (size_t i = 0; i < tui_view_count && x < t->cols; i++) {
		int w;

		label(i, numbered, buf, sizeof buf);
		w = share ? share : text_width(buf);
		attrset(colour_attr(i == t->current ? TC_TAB_ACTIVE : TC_TAB));
		mvaddch(1, x, ' ');
		w = text_draw(stdscr, 1, x + 1, buf, w);
		addch(' ');
		x += w + 3;
	}
	attrset(A_NORMAL);
}
