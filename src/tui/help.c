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
	const char *scroll = _("j k, PgDn PgUp scroll; any other key closes.");
	int shown;
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
	width = text_width(scroll) > width ? text_width(scroll) : width;
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

	/* At 80x24 a screen's keys and legend are more lines than fit: the
	 * help scrolls (help_key), and the closing hint always stays. */
	shown = height - 4 > 0 ? height - 4 : 0;
	if (t->help_top > n - shown)
		t->help_top = n - shown > 0 ? n - shown : 0;
	if (t->help_top < 0)
		t->help_top = 0;
	t->help_more = n - shown - t->help_top;
	for (int i = t->help_top; i < n && i - t->help_top < shown; i++) {
		y = top + 1 + (i - t->help_top);
		if (!lines[i].keys) {
			attron(A_BOLD);
			text_draw(stdscr, y, left + 2, lines[i].what, width - 4);
			attroff(A_BOLD);
			continue;
		}
		text_draw(stdscr, y, left + 2, lines[i].keys, key_w);
		text_draw(stdscr, y, left + 2 + key_w + 3, lines[i].what, width - 4 - key_w - 3);
	}
	text_draw(stdscr, top + height - 2, left + 2,
	          t->help_top > 0 || t->help_more > 0 ? scroll : close, width - 4);
	attrset(A_NORMAL);
}

bool help_key(struct tui *t, const struct tui_key *k)
{
	int page = t->rows - 6 > 1 ? t->rows - 6 : 1;
	int step;

	if (t->help_top == 0 && t->help_more <= 0)
		return false;
	if (key_is(k, L'j') || (k->fn && k->c == KEY_DOWN))
		step = 1;
	else if (key_is(k, L'k') || (k->fn && k->c == KEY_UP))
		step = -1;
	else if (key_is(k, L' ') || (k->fn && k->c == KEY_NPAGE))
		step = page;
	else if (k->fn && k->c == KEY_PPAGE)
		step = -page;
	else
		return false;
	if (step > 0 && step > t->help_more)
		step = t->help_more > 0 ? t->help_more : 0;
	if (step < 0 && -step > t->help_top)
		step = -t->help_top;
	t->help_top += step;
	t->help_more -= step;
	return true;
}
