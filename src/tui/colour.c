/* Semantic colour roles with a monochrome fallback (see colour.h). */
#include <stdlib.h>

#include "hop/config/config.h"
#include "colour.h"

static attr_t attrs[TC_COUNT];

/* Roles without colour: what a monochrome terminal can still show. */
static const attr_t mono[TC_COUNT] = {
	[TC_NORMAL] = A_NORMAL,
	[TC_HEADER] = A_REVERSE,
	[TC_TAB] = A_NORMAL,
	[TC_TAB_ACTIVE] = A_REVERSE | A_BOLD,
	[TC_SELECTED] = A_REVERSE,
	[TC_HEADING] = A_BOLD | A_UNDERLINE,
	[TC_DIM] = A_DIM,
	[TC_STATUS_OK] = A_BOLD,
	[TC_STATUS_ERROR] = A_REVERSE | A_BOLD,
	[TC_HELP] = A_NORMAL,
	[TC_FREE] = A_NORMAL,
	[TC_BOOKED] = A_DIM,
	[TC_MINE] = A_BOLD,
	[TC_FIXED] = A_UNDERLINE,
	[TC_OFFICE] = A_BOLD,
	[TC_REMOTE] = A_NORMAL,
	[TC_AWAY] = A_DIM,
	[TC_TEAMDAY] = A_BOLD | A_UNDERLINE,
	[TC_HOLIDAY] = A_DIM,
	[TC_WARN] = A_BOLD,
};

/* Foreground, background (-1 = the terminal's default) and extra attributes. */
static const struct {
	short fg, bg;
	attr_t extra;
} palette[TC_COUNT] = {
	[TC_NORMAL] = { -1, -1, A_NORMAL },
	[TC_HEADER] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
	[TC_TAB] = { -1, -1, A_NORMAL },
	[TC_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
	[TC_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[TC_HEADING] = { COLOR_YELLOW, -1, A_BOLD },
	[TC_DIM] = { COLOR_CYAN, -1, A_NORMAL },
	[TC_STATUS_OK] = { COLOR_GREEN, -1, A_BOLD },
	[TC_STATUS_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[TC_HELP] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
	[TC_FREE] = { COLOR_GREEN, -1, A_NORMAL },
	[TC_BOOKED] = { COLOR_RED, -1, A_NORMAL },
	[TC_MINE] = { COLOR_MAGENTA, -1, A_BOLD },
	[TC_FIXED] = { COLOR_YELLOW, -1, A_NORMAL },
	[TC_OFFICE] = { COLOR_GREEN, -1, A_BOLD },
	[TC_REMOTE] = { COLOR_BLUE, -1, A_NORMAL },
	[TC_AWAY] = { COLOR_MAGENTA, -1, A_NORMAL },
	[TC_TEAMDAY] = { COLOR_YELLOW, -1, A_BOLD },
	[TC_HOLIDAY] = { COLOR_RED, -1, A_NORMAL },
	[TC_WARN] = { COLOR_RED, -1, A_BOLD },
};

/* NO_COLOR (no-color.org): present and not empty turns colour off. */
static bool no_color_env(void)
{
	const char *v = getenv("NO_COLOR");
	return v && *v;
}

void colour_init(const struct hop_config *cfg)
{
	bool defaults, enabled;

	enabled = cfg->colour != CFG_COLOUR_NEVER && !no_color_env() && has_colors() &&
	          start_color() == OK && COLOR_PAIRS > TC_COUNT;
	if (!enabled) {
		for (int i = 0; i < TC_COUNT; i++)
			attrs[i] = mono[i];
		return;
	}
	defaults = use_default_colors() == OK;
	for (int i = 0; i < TC_COUNT; i++) {
		short fg = palette[i].fg, bg = palette[i].bg;

		if (!defaults) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		if (i == TC_NORMAL) {
			attrs[i] = A_NORMAL;
			continue;
		}
		init_pair((short)i, fg, bg);
		attrs[i] = COLOR_PAIR(i) | palette[i].extra;
	}
}

attr_t colour_attr(enum tui_colour role)
{
	return attrs[role];
}
