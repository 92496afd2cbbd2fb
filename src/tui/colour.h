/* Semantic colour roles, in the manner of htop: screens ask for "the selected
 * row" or "an error", never for "white on red".  Without colours (NO_COLOR,
 * colour = never in hop.ini, or a terminal that has none) the same roles map
 * to bold, reverse and dim, so every state stays visible. */
#ifndef HOP_TUI_COLOUR_H
#define HOP_TUI_COLOUR_H

#include <stdbool.h>
#include <curses.h>

struct hop_config;

enum tui_colour {
	TC_NORMAL,
	TC_HEADER,          /* the top line */
	TC_TAB,             /* the tab bar */
	TC_TAB_ACTIVE,      /* the shown tab */
	TC_SELECTED,        /* the row under the cursor */
	TC_HEADING,         /* a group heading in a list (a team) */
	TC_DIM,             /* secondary text: logins, empty values */
	TC_STATUS_OK,       /* "Saved: ..." */
	TC_STATUS_ERROR,    /* a refusal or a failure */
	TC_HELP,            /* the key-help overlay and forms */
	TC_FREE,            /* a desk or half day I may book */
	TC_BOOKED,          /* taken by someone else */
	TC_MINE,            /* my own booking */
	TC_FIXED,           /* a fixed desk its owner holds */
	TC_OFFICE,          /* a day in the office */
	TC_REMOTE,          /* a day at home or mobile */
	TC_AWAY,            /* a day away or on a business trip */
	TC_TEAMDAY,         /* the team's presence day */
	TC_HOLIDAY,         /* a day that is not a working day */
	TC_WARN,            /* a deviation from the office agreement */
	TC_COUNT
};

/* Decide colour or monochrome and set the roles up; after start-up of curses. */
void colour_init(const struct hop_config *cfg);
attr_t colour_attr(enum tui_colour role);

#endif
