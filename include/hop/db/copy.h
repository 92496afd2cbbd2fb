/* Copying a whole hop database into another, empty one, of either engine:
 * what moves an organisation from an SQLite file to PostgreSQL and back.
 *
 * The tables, their columns, keys and foreign keys are read from the
 * databases' own catalogs, so every table of the schema is copied without a
 * list to keep in step with the migrations, parents before children; rows
 * are streamed one at a time (PostgreSQL's COPY, SQLite's prepared INSERT),
 * so memory stays flat however large the organisation.  Both databases stay
 * in their transactions until the caller commits: all or nothing. */
#ifndef HOP_DB_COPY_H
#define HOP_DB_COPY_H

#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"

struct hop_db;

/* A table and its rows. */
struct db_count {
	char name[64];
	int64_t rows;
};
struct db_counts {
	struct db_count *v;
	size_t n, cap;
	int64_t total;          /* the rows of all tables */
};
void db_counts_free(struct db_counts *c);

/* The tables of db that hold rows, with their numbers, largest first (none
 * for an empty database, whether it has hop's schema yet or not).  The one
 * row of db's own bookkeeping that every hop database starts with does not
 * count. */
enum hop_status db_holdings(struct hop_db *db, struct db_counts *out, struct hop_err *err);

/* Copy every table of from into to.  Both have a transaction open
 * (db_begin), from's holding the write lock, so that nothing changes what is
 * copied; to was opened with DB_OPEN_TARGET and holds no rows.  Inside to's
 * transaction its schema is first brought to from's version by this
 * program's migrations for its engine; then each table is copied, its rows
 * counted in both databases and compared; identities continue after the
 * copied ids.  *counts lists every table with its rows.  On failure nothing
 * is committed: the caller rolls both back. */
enum hop_status db_copy(struct hop_db *from, struct hop_db *to, struct db_counts *counts,
                        struct hop_err *err);

#endif
