/* The key-help overlay: the global keys and those of the shown screen, one
 * line per entry of their key tables that has a keyname. */
#include <stdio.h>

#include "hop/base/i18n.h"
#include "colour.h"
#include "text.h"
#include "tui_internal.h"

struct help_line {
	const char *keys, *what;    /* translated; keys NULL for a section heading */
};

#define HELP_LINES 64

/* The lines of table with a keyname, after *n lines, at most HELP_LINES. */
static void add_table(struct help_line *lines, int *n, const struct tui_action *table, size_t count)
{
	for (size_t i = 0; i < count && *n < HELP_LINES; i++)
		if (table[i].keyname)
			lines[(*n)++] = (struct help_line){ _(table[i].keyname), _(table[i].help) };
}

static bool has_help(const struct tui_view *v)
{
	for (size_t i = 0; i < v->nactions; i++)
		if (v->actions[i].keyname)
			return true;
	return false;
}

void help_draw(struct tui *t)
{
	const struct tui_view *v = tui_views[t->current];
	struct help_line lines[HELP_LINES];
	char heading[160];
	const char *close = _("Press any key to close this help.");
	int n = 0, key_w = 0, what_w = 0, head_w = 0, width, height, top, left, y;

	lines[n++] = (struct help_line){ NULL, _("Global keys") };
	add_table(lines, &n, tui_global_actions, tui_global_count);
	if (has_help(v) && n + 2 < HELP_LINES) {
		snprintf(heading, sizeof heading, _("Keys of the %s screen"), _(v->name));
		lines[n++] = (struct help_line){ "", "" };
		lines[n++] = (struct help_line){ NULL, heading };
		add_table(lines, &n, v->actions, v->nactions);
	}
	for (int i = 0; i < n; i++) {
		int kw = lines[i].keys ? text_width(lines[i].keys) : 0;
		int ww = text_width(lines[i].what);
		if (!lines[i].keys) {
			head_w = ww > head_w ? ww : head_w;
			continue;
		}
		key_w = kw > key_w ? kw : key_w;
		what_w = ww > what_w ? ww : what_w;
	}
	width = key_w + 3 + what_w;
	width = head_w > width ? head_w : width;
	width = text_width(close) > width ? text_width(close) : width;
	width += 4;
	if (width > t->cols - 2)
		width = t->cols - 2;
	height = n + 4;
	if (height > t->rows)
		height = t->rows;
	top = (t->rows - height) / 2;
	left = (t->cols - width) / 2;

	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);

	/* Lines that do not fit are left out; the closing hint always stays. */
	for (int i = 0; i < n && 1 + i < height - 3; i++) {
		y = top + 1 + i;
		if (!lines[i].keys) {
			attron(A_BOLD);
			text_draw(stdscr, y, left + 2, lines[i].what, width - 4);
			attroff(A_BOLD);
			continue;
		}
		text_draw(stdscr, y, left + 2, lines[i].keys, key_w);
		text_draw(stdscr, y, left + 2 + key_w + 3, lines[i].what, width - 4 - key_w - 3);
	}
	text_draw(stdscr, top + height - 2, left + 2, close, width - 4);
	attrset(A_NORMAL);
}
