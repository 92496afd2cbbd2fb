/* The screens as a person drives them, headless (curses on /dev/null, the
 * real dispatch and drawing, as tests/unit/test_tui_keys.c does): for each
 * tab, how long it takes to show the first time (read and draw), and each
 * key of a fixed walk through it (moving, paging, scrolling; on People a
 * search typed letter by letter), from the key to the screen drawn.
 *
 *   tui_time DB LOGIN [ROUNDS]
 *
 * LOGIN acts.  The walk runs ROUNDS times (default 3); the first showing of
 * each tab is timed once.  A screen that reads the rest of its rows while
 * it is looked at (the People screen: struct tui_view's idle) is then given
 * its idle steps, as the main loop gives them while no key is waiting, each
 * timed: a key pressed during one waits for it.  Prints on stdout one line
 * per tab
 *   tab NAME OPEN_MS KEYS MEDIAN_MS MAX_MS IDLE_STEPS IDLE_MAX_MS
 * with "error" for OPEN_MS when the tab could not read its data (its status
 * line on stderr, and the exit status 1): a screen that failed is no fast
 * one. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <curses.h>

#include "hop/core/app.h"
#include "../../src/tui/colour.h"
#include "../../src/tui/tui_internal.h"
#include "bench_clock.h"

/* Does the tab's key table bind code (a key the walk may press)? */
static bool binds(const struct tui_view *v, int code)
{
	for (size_t i = 0; i < v->nactions; i++)
		for (int j = 0; j < TUI_ACTION_KEYS && v->actions[i].keys[j]; j++)
			if (v->actions[i].keys[j] == code)
				return true;
	return false;
}

static double press(struct tui *t, int code)
{
	struct tui_key k;
	double t0 = now_ms();

	k.fn = (code & TUI_FN(0)) != 0;
	k.c = (wint_t)(code & ~TUI_FN(0));
	tui_dispatch(t, &k);
	tui_draw(t);
	return now_ms() - t0;
}

int main(int argc, char **argv)
{
	/* Moving about: what a person presses most, on every tab that binds it. */
	static const int walk[] = {
		'j', 'j', 'j', 'k', TUI_FN(KEY_NPAGE), TUI_FN(KEY_PPAGE), 'l', 'l', 'h',
		TUI_FN(KEY_END), TUI_FN(KEY_HOME), 'J', 'K',
	};
	/* On People: a search typed, corrected and closed. */
	static const int search[] = { '/', 'm', 0xfc, 'l', 'l', 'e', 'r', 0x7f, 'r', '\r' };
	struct hop_app app;
	struct hop_err err;
	struct tui t;
	FILE *out, *in;
	SCREEN *scr;
	int rounds = 3, rc = 0;
	double *ms;

	if (argc < 3 || argc > 4 || (argc == 4 && (rounds = atoi(argv[3])) < 1)) {
		fprintf(stderr, "usage: tui_time DB LOGIN [ROUNDS]\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	app_for_screens();                     /* as 'hop' does before its screens */
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK || app_resolve_actor(&app, &err) != HOP_OK) {
		fprintf(stderr, "tui_time: %s\n", err.msg);
		return 1;
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || !(scr = newterm("xterm", out, in))) {
		fprintf(stderr, "tui_time: no terminal description for xterm\n");
		return 1;
	}
	set_term(scr);
	resizeterm(24, 80);
	colour_init(&app.cfg);
	memset(&t, 0, sizeof t);
	t.app = &app;
	ms = malloc(sizeof *ms * (size_t)rounds * 64);
	if (!ms)
		return 1;
	for (size_t v = 0; v < tui_view_count; v++) {
		const struct tui_view *view = tui_views[v];
		size_t n = 0, steps = 0;
		double t0 = now_ms(), open, idle_max = 0;
		bool failed;

		t.status[0] = '\0';    /* the last tab's message is not this one's */
		t.status_error = false;
		tui_show(&t, v);
		tui_draw(&t);
		open = now_ms() - t0;
		if ((failed = t.status_error)) {
			fprintf(stderr, "tui_time: %s: %s\n", view->name, t.status);
			rc = 1;
		}
		/* The rest read while the person looks at the first page. */
		for (bool more = view->idle != NULL; more; steps++) {
			double s0 = now_ms(), step;

			more = tui_idle(&t);
			tui_draw(&t);
			step = now_ms() - s0;
			idle_max = step > idle_max ? step : idle_max;
		}
		if (!failed && (failed = t.status_error)) {
			fprintf(stderr, "tui_time: %s: %s\n", view->name, t.status);
			rc = 1;
		}
		for (int r = 0; r < rounds; r++) {
			for (size_t i = 0; i < sizeof walk / sizeof walk[0]; i++)
				if (binds(view, walk[i]))
					ms[n++] = press(&t, walk[i]);
			if (binds(view, '/'))
				for (size_t i = 0; i < sizeof search / sizeof search[0]; i++)
					ms[n++] = press(&t, search[i]);
		}
		qsort(ms, n, sizeof *ms, by_value);
		if (failed)
			printf("tab %s error %zu %.2f %.2f %zu %.2f\n", view->name, n, n ? ms[n / 2] : 0.0,
			       n ? ms[n - 1] : 0.0, steps, idle_max);
		else
			printf("tab %s %.2f %zu %.2f %.2f %zu %.2f\n", view->name, open, n,
			       n ? ms[n / 2] : 0.0, n ? ms[n - 1] : 0.0, steps, idle_max);
	}
	free(ms);
	tui_close_views(&t);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	app_close(&app);
	return rc;
}
