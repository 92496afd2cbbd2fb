/* The terminal user interface (ncursesw).  Only src/tui includes curses. */
#ifndef HOP_TUI_H
#define HOP_TUI_H

struct hop_app;

/* Run the TUI on an open app until the user quits.  Returns an exit status. */
int tui_run(struct hop_app *app);

#endif
