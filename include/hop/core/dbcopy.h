/* Moving an organisation: the database in use copied whole into another,
 * empty one, of either engine (an SQLite file, a PostgreSQL database), all
 * or nothing, every table's rows counted in both. */
#ifndef HOP_DBCOPY_H
#define HOP_DBCOPY_H

#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"
#include "hop/config/config.h"

struct hop_app;

struct dbcopy_table {
	char name[64];
	int64_t rows;           /* in both databases */
};
struct dbcopy_report {
	char target[HOP_PATH_MAX];      /* the target as it may be shown (no password) */
	int schema;                     /* the schema version both have */
	struct dbcopy_table *tables;    /* in the order they were copied: parents first */
	size_t n;
	int64_t total;                  /* rows of all tables */
};
void dbcopy_report_free(struct dbcopy_report *r);

/* Copy the organisation of app's database into target (a file, created if
 * missing, or a PostgreSQL URL or conninfo).  HR and admins only
 * (authz_database_copy); a target that holds anything is refused, naming what
 * it holds; one at an older schema version, or new, is brought to this
 * program's.  While the copy runs, changes to the source wait.  Each
 * database gets its audit entry.  On failure the target is as it was (a file
 * created for it is removed again). */
enum hop_status dbcopy_run(struct hop_app *app, const char *target, struct dbcopy_report *r,
                           struct hop_err *err);

#endif
