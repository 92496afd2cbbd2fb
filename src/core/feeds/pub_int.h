/* What publishing's files (publish.c) and its memory of the last run
 * (publish_state.c) share.  Private to src/core/feeds. */
#ifndef HOP_PUB_INT_H
#define HOP_PUB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/err.h"

struct hop_app;

#define PUB_STATE_MAX 5000

/* Is name a feed file (person-*.ics, team-*.ics, desk-*.ics, room-*.ics)? */
bool pub_feed_file(const char *name);
/* The state of the data, the day, the configuration and the directory now. */
enum hop_status pub_state_now(struct hop_app *app, const char *dir, char *out, size_t size,
                              struct hop_err *err);
/* Did the last complete run into dir see exactly now, with its feeds all
 * still in dir?  *feeds: how many it wrote or kept. */
bool pub_unchanged(struct hop_app *app, const char *dir, const char *now, size_t *feeds);
/* Remember a complete run. */
void pub_state_put(struct hop_app *app, const char *now, size_t feeds);

#endif
