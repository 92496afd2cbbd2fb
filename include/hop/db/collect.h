/* Reading every row of a query into a list such as struct hop_site_list, the
 * loop behind site_list, team_list, zone_list and desk_list.  Private to
 * core. */
#ifndef HOP_COLLECT_H
#define HOP_COLLECT_H

#include <stddef.h>
#include "hop/db/db.h"
#include "hop/base/err.h"

struct collect {
	size_t elem;                               /* bytes of one element */
	void (*read)(struct db_stmt *st, void *out); /* the current row into one element */
	const char *oom;    /* N_("out of memory while listing sites"), translated when used */
	const char *what;   /* N_("listing sites"): what failed, for db_fail */
};

/* Step st to its end, appending one element per row to the array *vp (the
 * address of the list's pointer; *n elements, capacity *cap), and reset st.
 * On failure the list is freed: *vp NULL, *n and *cap 0. */
enum hop_status collect_rows(struct hop_db *db, struct db_stmt *st, const struct collect *c,
                             void *vp, size_t *n, size_t *cap, struct hop_err *err);

#endif
