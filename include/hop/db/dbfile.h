/* Questions about a database file hop has not opened, answered without
 * changing it: is this file hop's, so that 'hop init --force' may replace it? */
#ifndef HOP_DBFILE_H
#define HOP_DBFILE_H

#include "hop/base/err.h"

/* HOP_OK if path is a hop database (an SQLite file with hop's schema version
 * and tables).  Otherwise HOP_ECONFLICT with a message saying what the file is
 * and that hop will not replace it.  Opens the file read-only. */
enum hop_status dbfile_check_hop(const char *path, struct hop_err *err);

#endif
