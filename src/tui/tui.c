/* The full-screen interface: curses start-up and teardown, the main loop,
 * the global keys, and the layout of header, tab bar, screen and status line.
 *
 * Every pass of the loop draws the whole screen from the state and lets curses
 * send only what changed; a resize (KEY_RESIZE from get_wch, no signal handler
 * of our own) is just another pass. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "hop/tui/tui.h"
#include "colour.h"
#include "input.h"
#include "text.h"
#include "tui_internal.h"

/* Lines the status area may grow to, so a long refusal can be read whole. */
#define STATUS_LINES_MAX 3

static volatile sig_atomic_t stop_signal;
static SCREEN *screen;

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Whatever way the program ends, the terminal is given back. */
static void restore_terminal(void)
{
	if (screen && !isendwin())
		endwin();
}

void tui_status(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	va_end(ap);
	t->status_error = error;
}

void tui_box(int top, int left, int height, int width)
{
	if (height < 2 || width < 2)
		return;
	for (int y = top; y < top + height; y++)
		text_fill(stdscr, y, left, width);
	mvhline(top, left + 1, ACS_HLINE, width - 2);
	mvhline(top + height - 1, left + 1, ACS_HLINE, width - 2);
	mvvline(top + 1, left, ACS_VLINE, height - 2);
	mvvline(top + 1, left + width - 1, ACS_VLINE, height - 2);
	mvaddch(top, left, ACS_ULCORNER);
	mvaddch(top, left + width - 1, ACS_URCORNER);
	mvaddch(top + height - 1, left, ACS_LLCORNER);
	mvaddch(top + height - 1, left + width - 1, ACS_LRCORNER);
}

static bool too_small(const struct tui *t)
{
	return t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
}

static int status_lines(const struct tui *t)
{
	int n;

	if (t->prompt || !t->status[0])
		return 1;
	n = text_wrap(stdscr, 0, 0, t->status, t->cols - 1, STATUS_LINES_MAX, false, true);
	return n < 1 ? 1 : n;
}

static void layout(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	t->body_top = 2;
	t->body_rows = t->rows - 2 - status_lines(t);
}

bool tui_show(struct tui *t, size_t i)
{
	const struct tui_view *v = tui_views[i];

	if (!t->opened[i]) {
		if (v->state_size && !(t->state[i] = calloc(1, v->state_size))) {
			tui_status(t, true, _("Out of memory while opening the %s screen."), _(v->name));
			return false;
		}
		t->opened[i] = true;
		if (v->open)
			v->open(t, t->state[i]);
	}
	t->current = i;
	if (v->show)
		v->show(t, t->state[i]);
	return true;
}

bool tui_idle(struct tui *t)
{
	const struct tui_view *v = tui_views[t->current];

	return t->opened[t->current] && v->idle && v->idle(t, t->state[t->current]);
}

void tui_close_views(struct tui *t)
{
	for (size_t i = 0; i < tui_view_count; i++) {
		if (t->opened[i] && tui_views[i]->close)
			tui_views[i]->close(t, t->state[i]);
		free(t->state[i]);
		t->state[i] = NULL;
		t->opened[i] = false;
	}
}

/* ---- the global keys ---- */

static bool show_nth(struct tui *t, void *state, int arg)
{
	(void)state;
	if ((size_t)arg < tui_view_count)
		tui_show(t, (size_t)arg);
	return true;
}

static bool show_next(struct tui *t, void *state, int arg)
{
	(void)state;
	tui_show(t, (t->current + tui_view_count + (size_t)arg) % tui_view_count);
	return true;
}

static bool help_open(struct tui *t, void *state, int arg)
{
	(void)state;
	(void)arg;
	t->help = true;
	t->help_top = 0;
	return true;
}

static bool redraw(struct tui *t, void *state, int arg)
{
	(void)t;
	(void)state;
	(void)arg;
	clearok(curscr, TRUE);
	return true;
}

static bool quit(struct tui *t, void *state, int arg)
{
	(void)state;
	(void)arg;
	t->quit = true;
	return true;
}

/* Keys that work on every screen, after the screen's own.  Ctrl-C is not a
 * key here: it arrives as SIGINT (see tui_run). */
const struct tui_action tui_global_actions[] = {
	{ { '1' }, N_("1 … 6"),
	  N_("show a screen: Week, Desks, People, Onboarding, Training, Rotation"),
	  N_("1-6 Tab: screens"), show_nth, 0, TUI_HINT_SPARE },
	{ { '2' }, NULL, NULL, NULL, show_nth, 1 },
	{ { '3' }, NULL, NULL, NULL, show_nth, 2 },
	{ { '4' }, NULL, NULL, NULL, show_nth, 3 },
	{ { '5' }, NULL, NULL, NULL, show_nth, 4 },
	{ { '6' }, NULL, NULL, NULL, show_nth, 5 },
	{ { '\t' }, N_("Tab  Shift-Tab"), N_("next / previous screen"), NULL, show_next, 1 },
	{ { TUI_FN(KEY_BTAB) }, NULL, NULL, NULL, show_next, -1 },
	/* F1 and F10 as in mc, htop and most full-screen programs. */
	{ { '?', TUI_FN(KEY_F(1)) }, N_("?  F1"), N_("show this help; j k scroll it, any other key closes it"), N_("? help"), help_open, 0,
	  TUI_HINT_FIRST },
	{ { TUI_CTRL('L') }, N_("Ctrl-L"), N_("draw the screen anew"), NULL, redraw },
	{ { 'q', TUI_FN(KEY_F(10)) }, N_("q  F10  Ctrl-C"), N_("quit"), N_("q quit"), quit },
};
const size_t tui_global_count = sizeof tui_global_actions / sizeof tui_global_actions[0];

static void status_draw(struct tui *t)
{
	const struct tui_view *v = tui_views[t->current];
	int n = status_lines(t), y = t->rows - n;

	if (t->prompt) {
		int lw;

		attrset(colour_attr(TC_NORMAL));
		text_fill(stdscr, y, 0, t->cols);
		attron(A_BOLD);
		lw = text_draw(stdscr, y, 0, t->prompt_label, t->cols / 2);
		attroff(A_BOLD);
		t->cursor_y = y;
		t->cursor_x = input_draw(stdscr, t->prompt, y, lw, t->cols - lw - 1);
		return;
	}
	if (t->status[0]) {
		attrset(colour_attr(t->status_error ? TC_STATUS_ERROR : TC_STATUS_OK));
		for (int i = 0; i < n; i++)
			text_fill(stdscr, y + i, 0, t->cols);
		text_wrap(stdscr, y, 0, t->status, t->cols - 1, n, false, false);
	} else {
		char hints[TUI_STATUS_MAX];

		keys_hints(v, t->cols, hints, sizeof hints);
		attrset(colour_attr(TC_DIM));
		text_draw_pad(stdscr, y, 0, hints, t->cols);
	}
	attrset(A_NORMAL);
}

void tui_draw(struct tui *t)
{
	const struct tui_view *v = tui_views[t->current];
	char msg[128];

	layout(t);
	erase();
	t->cursor_y = t->cursor_x = -1;
	if (too_small(t)) {
		int rows;

		snprintf(msg, sizeof msg, _("Terminal too small (need %d×%d)"), TUI_MIN_COLS,
		         TUI_MIN_ROWS);
		rows = text_wrap(stdscr, 0, 0, msg, t->cols, t->rows, true, true);
		text_wrap(stdscr, (t->rows - rows) / 2, 0, msg, t->cols, t->rows, true, false);
	} else {
		header_draw(t);
		tabs_draw(t);
		v->draw(t, t->state[t->current]);
		status_draw(t);
		if (t->help) {
			help_draw(t);
			t->cursor_y = -1;
		}
	}
	if (t->cursor_y >= 0) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

enum tui_took tui_dispatch(struct tui *t, const struct tui_key *k)
{
	const struct tui_view *v = tui_views[t->current];
	void *state = t->state[t->current];
	int code = tui_key_code(k);
	enum tui_took took;

	if (t->help) {
		if (!help_key(t, k))
			t->help = false;
		return TUI_TOOK_GLOBAL;
	}
	if (too_small(t)) {
		if (!key_is(k, L'q'))
			return TUI_TOOK_NONE;
		t->quit = true;
		return TUI_TOOK_GLOBAL;
	}
	t->status[0] = '\0';
	if (v->key && v->key(t, state, k))
		return TUI_TOOK_QUESTION;
	took = keys_run(t, state, v->actions, v->nactions, code, TUI_TOOK_SCREEN);
	if (took == TUI_TOOK_NONE)
		took = keys_run(t, state, tui_global_actions, tui_global_count, code, TUI_TOOK_GLOBAL);
	if (took == TUI_TOOK_NONE && !k->fn && k->c > L' ' && k->c != 0x7f)
		tui_status(t, false, _("That key does nothing here; ? shows the keys."));
	return took;
}

static bool start(struct tui *t)
{
	static bool guarded;
	const char *term = getenv("TERM");

	/* newterm rather than initscr: initscr exits on an unknown terminal,
	 * newterm lets us say what to do about it. */
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, _("hop: the terminal type '%s' is unknown here, so the full-screen "
		                  "interface cannot start; set TERM (for example TERM=xterm-256color) "
		                  "or use the commands (hop --help)\n"),
		        term ? term : "");
		return false;
	}
	set_term(screen);
	if (!guarded) {
		atexit(restore_terminal);
		guarded = true;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	/* Esc closes prompts: do not wait a second for an escape sequence. */
	set_escdelay(25);
	colour_init(&t->app->cfg);
	return true;
}

int tui_run(struct hop_app *app)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old[sizeof sigs / sizeof sigs[0]];
	struct tui t;
	bool lost = false, failed = false, more;
	int rc = 0;

	memset(&t, 0, sizeof t);
	t.app = app;
	if (!start(&t))
		return 1;
	/* Ctrl-C, kill and hang-up end the loop, so the terminal is restored and
	 * the database closed on the normal path.  No SA_RESTART: get_wch must
	 * return to notice. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	stop_signal = 0;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, &old[i]);

	/* The Week screen is hop's home. */
	for (size_t i = 0; i < tui_view_count; i++)
		if (tui_views[i] == &view_week && !tui_show(&t, i))
			t.quit = failed = true;
	more = tui_views[t.current]->idle != NULL;
	/* Said once, until the first key: why the symbols look plain. */
	if (!text_utf8() && !t.status[0])
		tui_status(&t, false, "%s", _("This terminal's locale is not UTF-8, so hop shows its "
		                              "symbols in ASCII; names need a UTF-8 terminal (for "
		                              "example LANG=de_DE.UTF-8)."));

	while (!t.quit && !stop_signal) {
		struct tui_key k;
		wint_t wc;
		int got;

		tui_draw(&t);
		/* While the screen has more to read, a step of it whenever no key
		 * is waiting; then wait for keys again. */
		timeout(more ? 0 : -1);
		errno = 0;
		got = get_wch(&wc);
		if (got == ERR && more) {
			more = tui_idle(&t);
			continue;
		}
		if (got == ERR) {
			if (errno == EINTR)
				continue;
			lost = true;    /* end of input: the terminal is gone */
			break;
		}
		if (got == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;
		k.fn = got == KEY_CODE_YES;
		k.c = wc;
		tui_dispatch(&t, &k);
		/* The key may have begun a reading (a screen that reads in steps). */
		more = tui_views[t.current]->idle != NULL;
	}

	tui_close_views(&t);
	endwin();
	delscreen(screen);
	screen = NULL;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &old[i], NULL);

	if (failed) {
		fprintf(stderr, "hop: %s\n", t.status);
		rc = 1;
	} else if (lost) {
		fputs(_("hop: the terminal closed its input; the full-screen interface ended\n"),
		      stderr);
		rc = 1;
	} else if (stop_signal && stop_signal != SIGINT) {
		rc = 128 + stop_signal;
	}
	return rc;
}
