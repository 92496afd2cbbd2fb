/* Walking the key tables (see struct tui_action): finding the entry of a key,
 * and making the footer from the entries that have a hint. */
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "text.h"
#include "tui_internal.h"

#define HINTS_MAX 32

enum tui_took keys_run(struct tui *t, void *state, const struct tui_action *table, size_t n,
                       int code, enum tui_took took)
{
	for (size_t i = 0; i < n; i++) {
		const struct tui_action *a = &table[i];

		if (!a->run)
			continue;
		for (int j = 0; j < TUI_ACTION_KEYS && a->keys[j]; j++)
			if (a->keys[j] == code)
				return a->run(t, state, a->arg) ? took : TUI_TOOK_NONE;
	}
	return TUI_TOOK_NONE;
}

static void join(const char *const *items, size_t n, const char *gap, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? gap : "", items[i]);
}

/* "? help", the screen's hints, then the other global ones, three spaces
 * apart.  A line too wide for the terminal closes up to two spaces, then
 * leaves out the spare hints (the tabs, which the tab bar shows anyway);
 * what still does not fit is cut by the drawing, with an ellipsis. */
void keys_hints(const struct tui_view *v, int width, char *buf, size_t size)
{
	const char *all[HINTS_MAX], *kept[HINTS_MAX];
	size_t n = 0, k = 0, first, screen;

	for (size_t i = 0; i < tui_global_count; i++)
		if (tui_global_actions[i].hint && tui_global_actions[i].place == TUI_HINT_FIRST &&
		    n < HINTS_MAX)
			all[n++] = kept[k++] = _(tui_global_actions[i].hint);
	first = k;
	for (size_t i = 0; i < v->nactions; i++)
		if (v->actions[i].hint && n < HINTS_MAX)
			all[n++] = kept[k++] = _(v->actions[i].hint);
	screen = k - first;
	for (size_t i = 0; i < tui_global_count; i++) {
		const struct tui_action *a = &tui_global_actions[i];

		if (!a->hint || a->place == TUI_HINT_FIRST || n >= HINTS_MAX)
			continue;
		all[n++] = _(a->hint);
		if (a->place != TUI_HINT_SPARE)
			kept[k++] = _(a->hint);
	}
	join(all, n, "   ", buf, size);
	if (text_width(buf) <= width)
		return;
	join(all, n, "  ", buf, size);
	if (text_width(buf) <= width)
		return;
	join(kept, k, "   ", buf, size);
	if (text_width(buf) <= width)
		return;
	join(kept, k, "  ", buf, size);
	if (text_width(buf) <= width)
		return;
	/* Still too wide (80 columns, German labels): the screen's last hints
	 * give way, so that "? help" and "q quit" always stand; ? lists all. */
	for (size_t drop = 1; drop <= screen && text_width(buf) > width; drop++) {
		const char *fit[HINTS_MAX];
		size_t m = 0;

		for (size_t i = 0; i < k; i++)
			if (i < first + screen - drop || i >= first + screen)
				fit[m++] = kept[i];
		join(fit, m, "  ", buf, size);
	}
}
