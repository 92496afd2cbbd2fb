/* The screens' key tables: that every key in the ? help does what it says.
 *
 * First over the tables alone: every line of the help names only keys that
 * its entries run, every entry is named by its line, no key is bound twice,
 * the footer is made as it reads today, and hop.1 documents every key in the
 * list of its screen.  Then headless, in the manner of tig's tests: curses on
 * /dev/null, a demo organisation, and every key of every screen's table
 * pressed through the real dispatch, which must hand it to the screen's
 * action (not to "that key does nothing here"), with the screen drawn after
 * each key, at a roomy and at the smallest size. */
#include "testutil.h"

#include <locale.h>
#include <curses.h>

#include "hop/demo/demo.h"
#include "../../src/tui/colour.h"
#include "../../src/tui/tui_internal.h"

/* Columns are measured in the locale's characters: the tests need UTF-8. */
static bool utf8;

/* ---- key names as the help writes them ---- */

struct key_name {
	const char *name;
	int code;
};

static const struct key_name names[] = {
	{ "↓", TUI_FN(KEY_DOWN) }, { "↑", TUI_FN(KEY_UP) }, { "←", TUI_FN(KEY_LEFT) },
	{ "→", TUI_FN(KEY_RIGHT) }, { "PgDn", TUI_FN(KEY_NPAGE) }, { "PgUp", TUI_FN(KEY_PPAGE) },
	{ "Home", TUI_FN(KEY_HOME) }, { "End", TUI_FN(KEY_END) }, { "Space", ' ' },
	{ "Enter", '\r' }, { "Enter", '\n' }, { "Enter", TUI_FN(KEY_ENTER) }, { "Esc", 27 },
	{ "Tab", '\t' }, { "Shift-Tab", TUI_FN(KEY_BTAB) }, { "Ctrl-L", 0x0c },
	{ "F1", TUI_FN(KEY_F(1)) }, { "F10", TUI_FN(KEY_F(10)) },
};

/* Ctrl-C is not a key of any table: it arrives as SIGINT, which tui_run catches. */
static bool by_signal(const char *token)
{
	return strcmp(token, "Ctrl-C") == 0;
}

/* Does token (as the help writes it) name code? */
static bool names_code(const char *token, int code)
{
	if (strlen(token) == 1 && (unsigned char)token[0] < 0x80)
		return token[0] == code;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].name, token) == 0 && names[i].code == code)
			return true;
	return false;
}

/* The tokens of a keyname: "j k  ↓ ↑" -> j, k, ↓, ↑; "1 … 6" -> 1 to 6. */
static int tokens(const char *keyname, char out[][16], int max)
{
	char buf[128], *save = NULL;
	int n = 0;

	snprintf(buf, sizeof buf, "%s", keyname);
	for (char *tok = strtok_r(buf, " ", &save); tok && n < max; tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "…") == 0 && n > 0) {
			char *next = strtok_r(NULL, " ", &save);
			assert_non_null(next);
			for (char c = (char)(out[n - 1][0] + 1); c <= next[0] && n < max; c++)
				snprintf(out[n++], sizeof out[0], "%c", c);
			continue;
		}
		snprintf(out[n++], sizeof out[0], "%s", tok);
	}
	return n;
}

/* ---- the tables alone ---- */

/* One table: its entries well formed, and each line of the help (an entry
 * with a keyname and the entries without one below it) naming exactly keys
 * that its entries run. */
static void check_table(const char *what, const struct tui_action *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct tui_action *a = &table[i];
		bool keys = a->keys[0] != 0;

		if (keys != (a->run != NULL))
			fail_msg("%s, entry %zu: keys and a run function go together", what, i);
		if (!a->keyname && (a->help || !keys || i == 0))
			fail_msg("%s, entry %zu: an entry without a keyname adds keys to the line above",
			         what, i);
		if (a->keyname && !a->help)
			fail_msg("%s, '%s': a line of the help says what the keys do", what, a->keyname);
		if (a->hint && !keys)
			fail_msg("%s, '%s': a hint in the footer belongs to keys that run", what,
			         a->keyname);
	}
	for (size_t i = 0; i < n; i++) {
		char tok[16][16];
		size_t end = i + 1;
		int nt;

		if (!table[i].keyname || !table[i].keys[0])
			continue;       /* a continuation, or a line of text only */
		while (end < n && !table[end].keyname)
			end++;
		nt = tokens(table[i].keyname, tok, 16);
		/* Every key the line names runs one of its entries... */
		for (int k = 0; k < nt; k++) {
			bool bound = by_signal(tok[k]);

			for (size_t e = i; e < end && !bound; e++)
				for (int j = 0; j < TUI_ACTION_KEYS && table[e].keys[j]; j++)
					bound = bound || names_code(tok[k], table[e].keys[j]);
			if (!bound)
				fail_msg("%s: the help says '%s' for \"%s\", but no entry of the line has "
				         "that key", what, tok[k], table[i].keyname);
		}
		/* ...and every entry of the line is reached by a key the line names. */
		for (size_t e = i; e < end; e++) {
			bool named = false;

			for (int j = 0; j < TUI_ACTION_KEYS && table[e].keys[j]; j++)
				for (int k = 0; k < nt; k++)
					named = named || names_code(tok[k], table[e].keys[j]);
			if (!named)
				fail_msg("%s: entry %zu runs keys that the line \"%s\" does not name", what,
				         e, table[i].keyname);
		}
	}
}

/* No key twice in one table, nor a screen's key among the global ones (the
 * screen's would hide it). */
static void check_unique(const char *what, const struct tui_action *table, size_t n,
                         bool against_global)
{
	for (size_t i = 0; i < n; i++) {
		for (int j = 0; j < TUI_ACTION_KEYS && table[i].keys[j]; j++) {
			int code = table[i].keys[j];

			for (size_t e = i; e < n; e++)
				for (int k = e == i ? j + 1 : 0; k < TUI_ACTION_KEYS && table[e].keys[k]; k++)
					if (table[e].keys[k] == code)
						fail_msg("%s: key %#x is bound twice", what, (unsigned)code);
			for (size_t g = 0; against_global && g < tui_global_count; g++)
				for (int k = 0; k < TUI_ACTION_KEYS && tui_global_actions[g].keys[k]; k++)
					if (tui_global_actions[g].keys[k] == code)
						fail_msg("%s: key %#x hides a global key", what, (unsigned)code);
		}
	}
}

static void test_tables(void **state)
{
	(void)state;
	check_table("global keys", tui_global_actions, tui_global_count);
	check_unique("global keys", tui_global_actions, tui_global_count, false);
	for (size_t v = 0; v < tui_view_count; v++) {
		const struct tui_view *view = tui_views[v];

		assert_non_null(view->name);
		assert_non_null(view->draw);
		check_table(view->name, view->actions, view->nactions);
		check_unique(view->name, view->actions, view->nactions, true);
	}
	/* The tabs' keys: one per screen. */
	for (size_t v = 0; v < tui_view_count; v++) {
		int code = (int)('1' + v);
		bool found = false;

		for (size_t g = 0; g < tui_global_count; g++)
			found = found || (tui_global_actions[g].keys[0] == code &&
			                  tui_global_actions[g].arg == (int)v);
		if (!found)
			fail_msg("no key shows screen %zu (%s): a new tab needs its digit among the "
			         "global keys in src/tui/tui.c", v + 1, tui_views[v]->name);
	}
}

static const struct tui_view *view_named(const char *name)
{
	for (size_t v = 0; v < tui_view_count; v++)
		if (strcmp(tui_views[v]->name, name) == 0)
			return tui_views[v];
	fail_msg("no screen named %s", name);
	return NULL;
}

/* The footer reads as before the tables made it, where it fits as it did. */
static void test_footer(void **state)
{
	char buf[512];

	(void)state;
	if (!utf8)
		skip();
	keys_hints(view_named("People"), 100, buf, sizeof buf);
	assert_string_equal(buf, "? help   / search   e edit   r reload   1-6 Tab: screens   q quit");
	keys_hints(view_named("Rotation"), 100, buf, sizeof buf);
	assert_string_equal(buf, "? help  t d c view  a assign  e exception  g plan  p publish  "
	                         "T team  1-6 Tab: screens  q quit");
	keys_hints(view_named("Rotation"), 80, buf, sizeof buf);
	assert_string_equal(buf, "? help  t d c view  a assign  e exception  g plan  p publish  "
	                         "T team  q quit");
	/* At 80 columns the screen's last hints give way; ? help and q quit stay. */
	keys_hints(view_named("Week"), 80, buf, sizeof buf);
	assert_string_equal(buf, "? help  ↑↓←→ move  s set  v span  u undo  b desk  Enter details  "
	                         "q quit");
	keys_hints(view_named("Desks"), 80, buf, sizeof buf);
	assert_non_null(strstr(buf, "? help  ←→ day"));
	assert_non_null(strstr(buf, "  q quit"));
	keys_hints(view_named("Desks"), 112, buf, sizeof buf);
	assert_string_equal(buf, "? help  ←→ day  [ ] week  t today  g date  Enter book  "
	                         "d cancel  u undo  z zone  a attributes  c clear  q quit");
	/* Wide enough, every screen shows the tabs' hint too. */
	keys_hints(view_named("Desks"), 200, buf, sizeof buf);
	assert_non_null(strstr(buf, "   c clear   1-6 Tab: screens   q quit"));
}

/* ---- the manual documents every key ---- */

/* The list of keys in hop.1 after "Keys on the .Sy NAME" (or "Keys on every
 * screen:" for name NULL), up to the .El that closes it; NULL when missing. */
static char *man_keys(const char *man, const char *name)
{
	char head[64];
	const char *from, *p;
	int depth = 0;

	if (name)
		snprintf(head, sizeof head, "Keys on the\n.Sy %s\n", name);
	else
		snprintf(head, sizeof head, "Keys on every screen:\n");
	if (!(from = strstr(man, head)))
		return NULL;
	for (p = from; *p; p = strchr(p, '\n') + 1) {
		if (strncmp(p, ".Bl", 3) == 0)
			depth++;
		else if (strncmp(p, ".El", 3) == 0 && --depth == 0)
			return strndup(from, (size_t)(p - from));
		if (!strchr(p, '\n'))
			break;
	}
	return NULL;
}

/* Does the list say ".Ic TOKEN" (mdoc writes [ and ? as \&[ and \&?)? */
static bool man_has(const char *list, const char *token)
{
	static const char *const arrows[][2] = {
		{ "↓", "Down" }, { "↑", "Up" }, { "←", "Left" }, { "→", "Right" },
	};
	char want[32];

	for (size_t i = 0; i < sizeof arrows / sizeof arrows[0]; i++)
		if (strcmp(token, arrows[i][0]) == 0)
			token = arrows[i][1];
	snprintf(want, sizeof want, "Ic %s%s", strchr("[]?", token[0]) && !token[1] ? "\\&" : "",
	         token);
	for (const char *p = strstr(list, want); p; p = strstr(p + 1, want)) {
		char after = p[strlen(want)];
		if (after == ' ' || after == ',' || after == '\n' || after == '.')
			return true;
	}
	return false;
}

/* Is token a key (a legend's symbols are not)? */
static bool is_key_token(const char *token)
{
	if (strcmp(token, "…") == 0 || by_signal(token))
		return true;
	if (strlen(token) == 1 && (unsigned char)token[0] < 0x80)
		return true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].name, token) == 0)
			return true;
	return false;
}

static void check_man(const char *man, const char *name, const struct tui_action *table,
                      size_t n)
{
	char *list = man_keys(man, name);

	if (!list)
		fail_msg("hop.1 has no list of the keys of the %s screen", name ? name : "every");
	for (size_t i = 0; i < n; i++) {
		char buf[128], *save = NULL;
		bool legend = false;

		if (!table[i].keyname)
			continue;
		snprintf(buf, sizeof buf, "%s", table[i].keyname);
		for (char *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			legend = legend || !is_key_token(tok);
		if (legend)
			continue;
		snprintf(buf, sizeof buf, "%s", table[i].keyname);
		for (char *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
			if (strcmp(tok, "…") != 0 && !man_has(list, tok))
				fail_msg("hop.1 does not document the key %s (\"%s\") of the %s screen",
				         tok, table[i].help, name ? name : "every");
	}
	free(list);
}

/* Like the commands (tests/cli/test_docs.sh), every key of the tables is in
 * hop.1, in the list of its screen. */
static void test_manual(void **state)
{
	FILE *f = fopen("man/hop.1", "r");
	char *man;
	long size;

	(void)state;
	if (!f) {
		print_message("man/hop.1 is not here (run from the top of the source tree)\n");
		skip();
	}
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	man = calloc(1, (size_t)size + 1);
	assert_non_null(man);
	assert_int_equal(fread(man, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	check_man(man, NULL, tui_global_actions, tui_global_count);
	for (size_t v = 0; v < tui_view_count; v++)
		if (tui_views[v]->nactions)
			check_man(man, tui_views[v]->name, tui_views[v]->actions, tui_views[v]->nactions);
	free(man);
}

/* ---- headless: every key through the real dispatch ---- */

struct headless {
	struct hop_app app;
	FILE *out, *in;
	SCREEN *scr;
	struct tui t;
};

static struct tui_key key_of(int code)
{
	struct tui_key k;

	k.fn = (code & TUI_FN(0)) != 0;
	k.c = (wint_t)(code & ~TUI_FN(0));
	return k;
}

static enum tui_took press(struct tui *t, int code)
{
	struct tui_key k = key_of(code);
	enum tui_took took = tui_dispatch(t, &k);

	tui_draw(t);
	return took;
}

static bool headless_start(struct headless *h)
{
	struct demo_options opt = { 0, 0, "Tess Tester" };
	struct hop_err err;

	memset(h, 0, sizeof *h);
	test_app_open(&h->app, "tester", 0);
	if (demo_generate(&h->app, &opt, &err) != HOP_OK)
		fail_msg("demo_generate: %s", err.msg);
	app_resolve_actor(&h->app, &err);
	h->out = fopen("/dev/null", "w");
	h->in = fopen("/dev/null", "r");
	assert_non_null(h->out);
	assert_non_null(h->in);
	h->scr = newterm("xterm", h->out, h->in);
	if (!h->scr) {
		fclose(h->out);
		fclose(h->in);
		return false;
	}
	set_term(h->scr);
	resizeterm(30, 100);
	colour_init(&h->app.cfg);
	h->t.app = &h->app;
	return true;
}

static void headless_end(struct headless *h)
{
	tui_close_views(&h->t);
	endwin();
	delscreen(h->scr);
	fclose(h->out);
	fclose(h->in);
	test_app_close(&h->app);
}

/* Every key of every screen's table reaches the screen's action; Esc then
 * closes whatever question the key opened (a details box closes on any key),
 * so that the next key finds the screen as the one before did. */
static void press_every_key(struct tui *t)
{
	for (size_t v = 0; v < tui_view_count; v++) {
		const struct tui_view *view = tui_views[v];

		assert_true(tui_show(t, v));
		tui_draw(t);
		for (size_t i = 0; i < view->nactions; i++) {
			const struct tui_action *a = &view->actions[i];

			for (int j = 0; j < TUI_ACTION_KEYS && a->keys[j]; j++) {
				enum tui_took took = press(t, a->keys[j]);

				if (took != TUI_TOOK_SCREEN)
					fail_msg("%s: key %#x (entry %zu) did not reach its action (%d): %s",
					         view->name, (unsigned)a->keys[j], i, (int)took, t->status);
				assert_int_equal(t->current, v);
				press(t, 27);
				assert_int_equal(t->current, v);
			}
		}
		/* The help over the screen. */
		assert_int_equal(press(t, '?'), TUI_TOOK_GLOBAL);
		assert_true(t->help);
		press(t, 'x');
		assert_false(t->help);
	}
}

static void test_every_key(void **state)
{
	struct headless h;

	(void)state;
	if (!utf8)
		skip();
	if (!headless_start(&h)) {
		test_app_close(&h.app);
		print_message("no terminal description for xterm: the headless screen test cannot run\n");
		skip();
	}
	press_every_key(&h.t);
	/* The global keys: every tab, Tab and Shift-Tab, redraw; q ends. */
	for (size_t g = 0; g < tui_global_count; g++) {
		const struct tui_action *a = &tui_global_actions[g];

		for (int j = 0; j < TUI_ACTION_KEYS && a->keys[j]; j++) {
			assert_int_equal(press(&h.t, a->keys[j]), TUI_TOOK_GLOBAL);
			if (h.t.help)
				press(&h.t, 'x');
		}
	}
	assert_true(h.t.quit);
	h.t.quit = false;
	/* An unknown key says so. */
	assert_true(tui_show(&h.t, 0));
	assert_int_equal(press(&h.t, '~'), TUI_TOOK_NONE);
	assert_non_null(strstr(h.t.status, "That key does nothing here"));
	/* The smallest size the screens draw at, then smaller: only q works. */
	resizeterm(TUI_MIN_ROWS, TUI_MIN_COLS);
	press_every_key(&h.t);
	resizeterm(10, 50);
	tui_draw(&h.t);
	assert_int_equal(press(&h.t, 'j'), TUI_TOOK_NONE);
	assert_int_equal(press(&h.t, 'q'), TUI_TOOK_GLOBAL);
	assert_true(h.t.quit);
	headless_end(&h);
}

int main(void)
{
	utf8 = setlocale(LC_ALL, "C.UTF-8") != NULL;
	if (!utf8)
		print_message("the locale C.UTF-8 is missing: the footer and the headless keys "
		              "are not tested\n");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_footer),
		cmocka_unit_test(test_manual),
		cmocka_unit_test(test_every_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
