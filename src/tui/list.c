/* A list of items under group headings, or a grid (see list.h). */
#include <stdlib.h>

#include "list.h"

static bool is_item(const struct tui_list *l, size_t r)
{
	return r < l->n && !l->rows[r].heading;
}

bool list_build(struct tui_list *l, size_t nitems, list_same_fn *same, const void *ctx)
{
	struct list_row *rows = NULL;
	size_t n = 0, head = 0;

	if (nitems) {
		rows = calloc(same ? nitems * 2 : nitems, sizeof *rows);
		if (!rows)
			return false;
	}
	for (size_t i = 0; i < nitems; i++) {
		if (same && (i == 0 || !same(ctx, i - 1, i))) {
			head = n;
			rows[n++] = (struct list_row){ .heading = true, .item = i };
		}
		if (same)
			rows[head].members++;
		rows[n++] = (struct list_row){ .heading = false, .item = i };
	}
	free(l->rows);
	l->rows = rows;
	l->n = n;
	return true;
}

void list_free(struct tui_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = l->sel = l->top = 0;
}

size_t list_item(const struct tui_list *l)
{
	return is_item(l, l->sel) ? l->rows[l->sel].item : LIST_NONE;
}

void list_select(struct tui_list *l, size_t item)
{
	size_t old = l->sel;

	for (size_t r = 0; item != LIST_NONE && r < l->n; r++) {
		if (is_item(l, r) && l->rows[r].item == item) {
			l->sel = r;
			return;
		}
	}
	l->sel = old < l->n ? old : (l->n ? l->n - 1 : 0);
	while (l->sel < l->n && !is_item(l, l->sel))
		l->sel++;
	if (l->sel >= l->n) {
		l->sel = l->n ? l->n - 1 : 0;
		while (l->sel > 0 && !is_item(l, l->sel))
			l->sel--;
	}
}

void list_move(struct tui_list *l, long delta)
{
	size_t r = l->sel;

	while (delta != 0) {
		size_t next = r;
		do {
			if (delta > 0 ? next + 1 >= l->n : next == 0)
				goto done;
			next = delta > 0 ? next + 1 : next - 1;
		} while (!is_item(l, next));
		r = next;
		delta += delta > 0 ? -1 : 1;
	}
done:
	l->sel = r;
}

void list_page(struct tui_list *l, int dir)
{
	size_t step = l->page > 1 ? (size_t)l->page - 1 : 1;

	if (!l->n)
		return;
	if (dir > 0)
		l->sel = l->sel + step < l->n ? l->sel + step : l->n - 1;
	else
		l->sel = l->sel > step ? l->sel - step : 0;
	list_select(l, LIST_NONE);
}

void list_home(struct tui_list *l, bool end)
{
	if (!l->n)
		return;
	l->sel = end ? l->n - 1 : 0;
	list_select(l, LIST_NONE);
}

void list_move_col(struct tui_list *l, int delta)
{
	int c = l->col + delta;

	l->col = c < 0 ? 0 : c >= l->ncols ? (l->ncols ? l->ncols - 1 : 0) : c;
}

void list_draw(struct tui_list *l, int y, int vis, list_row_fn *draw_row, void *ctx)
{
	l->page = vis;
	if (vis <= 0)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel > 0 && l->rows[l->sel - 1].heading && l->sel - 1 < l->top)
		l->top = l->sel - 1;
	if (l->sel >= l->top + (size_t)vis)
		l->top = l->sel - (size_t)vis + 1;
	if (l->top + (size_t)vis > l->n)
		l->top = l->n > (size_t)vis ? l->n - (size_t)vis : 0;
	for (int i = 0; i < vis && l->top + (size_t)i < l->n; i++)
		draw_row(ctx, &l->rows[l->top + i], l->top + i == l->sel, y + i);
}
