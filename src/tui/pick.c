/* A chooser over the screen (see pick.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/fold.h"
#include "colour.h"
#include "pick.h"
#include "text.h"

#define QUERY_MAX 120

static const enum fold_mode modes[3] = { FOLD_AE, FOLD_A, FOLD_COLLAPSE };

static void unfold(struct tui_pick *p)
{
	for (int m = 0; m < 3; m++) {
		free(p->hay[m]);
		free(p->off[m]);
		p->hay[m] = NULL;
		p->off[m] = NULL;
	}
}

/* Each label folded in each way, side by side (folding never lengthens). */
static bool fold_items(struct tui_pick *p)
{
	size_t total = 1;

	for (size_t i = 0; i < p->n; i++)
		total += strlen(p->items[i]) + 1;
	for (int m = 0; m < 3; m++) {
		size_t used = 0;

		p->hay[m] = malloc(total);
		p->off[m] = malloc((p->n ? p->n : 1) * sizeof *p->off[m]);
		if (!p->hay[m] || !p->off[m]) {
			unfold(p);
			return false;
		}
		for (size_t i = 0; i < p->n; i++) {
			p->off[m][i] = used;
			fold_key(p->items[i], modes[m], p->hay[m] + used, total - used);
			used += strlen(p->hay[m] + used) + 1;
		}
	}
	return true;
}

static bool item_matches(const struct tui_pick *p, size_t i, char q[3][QUERY_MAX * 4 + 1])
{
	for (int m = 0; m < 3; m++)
		if (strstr(p->hay[m] + p->off[m][i], q[m]))
			return true;
	return false;
}

/* Keep the items that hold the typed text; stay on the item selected before
 * while it still matches. */
static void narrow(struct tui_pick *p)
{
	char typed[QUERY_MAX * 4 + 1], q[3][QUERY_MAX * 4 + 1];
	size_t was = p->sel < p->nshown ? p->shown[p->sel] : 0;

	if (!input_text(&p->query, typed, sizeof typed))
		typed[0] = '\0';
	for (int m = 0; m < 3; m++)
		fold_key(typed, modes[m], q[m], sizeof q[m]);
	p->nshown = 0;
	p->sel = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (q[2][0] && !item_matches(p, i, q))
			continue;
		if (i == was)
			p->sel = p->nshown;
		p->shown[p->nshown++] = i;
	}
	p->top = 0;
}

bool pick_open(struct tui_pick *p, const char *title, const char *const *items, size_t n,
               size_t initial)
{
	memset(p, 0, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title);
	p->items = items;
	p->n = n;
	p->shown = calloc(n ? n : 1, sizeof *p->shown);
	if (!p->shown || !fold_items(p)) {
		free(p->shown);
		p->shown = NULL;
		return false;
	}
	input_init(&p->query, "", QUERY_MAX);
	p->sel = initial;
	p->nshown = n;
	for (size_t i = 0; i < n; i++)
		p->shown[i] = i;
	if (p->sel >= n)
		p->sel = 0;
	return true;
}

void pick_close(struct tui_pick *p)
{
	unfold(p);
	free(p->shown);
	p->shown = NULL;
	p->n = p->nshown = 0;
}

size_t pick_chosen(const struct tui_pick *p)
{
	return p->sel < p->nshown ? p->shown[p->sel] : p->n;
}

static void move_sel(struct tui_pick *p, long delta)
{
	long s = (long)p->sel + delta;

	if (!p->nshown)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)p->nshown)
		s = (long)p->nshown - 1;
	p->sel = (size_t)s;
}

enum pick_result pick_key(struct tui_pick *p, const struct tui_key *k)
{
	long page = p->rows > 1 ? p->rows - 1 : 1;

	if (key_fn(k, KEY_DOWN) || key_is(k, TUI_CTRL('N')))
		move_sel(p, 1);
	else if (key_fn(k, KEY_UP) || key_is(k, TUI_CTRL('P')))
		move_sel(p, -1);
	else if (key_fn(k, KEY_NPAGE))
		move_sel(p, page);
	else if (key_fn(k, KEY_PPAGE))
		move_sel(p, -page);
	else {
		switch (input_key(&p->query, k)) {
		case INPUT_ENTER:
			return p->nshown ? PICK_CHOSEN : PICK_CONTINUE;
		case INPUT_ESCAPE:
			return PICK_CANCEL;
		case INPUT_CHANGED:
			narrow(p);
			break;
		case INPUT_FULL:
			return PICK_FULL;
		case INPUT_MOVED:
		case INPUT_IGNORED:
			break;
		}
	}
	return PICK_CONTINUE;
}

void pick_draw(struct tui *t, struct tui_pick *p)
{
	const char *foot = _("Type to narrow   ↑ ↓ move   Enter choose   Esc cancel");
	const char *none = _("Nothing matches what you typed.");
	int width = 0, height, top, left, list, lw, cx;

	for (size_t i = 0; i < p->n; i++) {
		int w = text_width(p->items[i]);
		width = w > width ? w : width;
	}
	width = text_width(p->title) + 12 > width ? text_width(p->title) + 12 : width;
	width = text_width(foot) > width ? text_width(foot) : width;
	width += 6;
	if (width > t->cols - 4)
		width = t->cols - 4;
	list = (int)(p->nshown ? p->nshown : 1);
	height = list + 4;
	if (height > t->body_rows)
		height = t->body_rows;
	list = height - 4;
	p->rows = list;
	top = t->body_top + (t->body_rows - height) / 2;
	left = (t->cols - width) / 2;

	attrset(colour_attr(TC_HELP));
	tui_box(top, left, height, width);
	attron(A_BOLD);
	lw = text_draw(stdscr, top + 1, left + 2, p->title, width / 2);
	attroff(A_BOLD);
	cx = input_draw(stdscr, &p->query, top + 1, left + 2 + lw + 1, width - 5 - lw);
	t->cursor_y = top + 1;
	t->cursor_x = cx;

	if (p->sel < p->top)
		p->top = p->sel;
	if (list > 0 && p->sel >= p->top + (size_t)list)
		p->top = p->sel - (size_t)list + 1;
	if (!p->nshown && list > 0)
		text_draw(stdscr, top + 2, left + 2, none, width - 4);
	for (int i = 0; i < list && p->top + (size_t)i < p->nshown; i++) {
		size_t s = p->top + (size_t)i;

		attrset(colour_attr(s == p->sel ? TC_SELECTED : TC_HELP));
		text_draw_pad(stdscr, top + 2 + i, left + 2, p->items[p->shown[s]], width - 4);
	}
	attrset(colour_attr(TC_HELP));
	if (height >= 5)
		text_draw(stdscr, top + height - 2, left + 2, foot, width - 4);
	attrset(A_NORMAL);
}
