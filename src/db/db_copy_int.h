/* The insides of db_copy (hop/db/copy.h), for db_copy.c (the catalog, the
 * counts, the whole) and db_copy_plan.c (the order of the tables, and each
 * table streamed from one database into the other). */
#ifndef HOP_DB_COPY_INT_H
#define HOP_DB_COPY_INT_H

#include "db_int.h"

/* db's own bookkeeping, which db_mark and the feeds' fingerprint read: every
 * hop database starts with its one row, so it is not copied as the others. */
#define OWN_TABLE "data_rev"

/* A statement made of names from a catalog (never of input). */
struct cp_sql {
	char *s;
	size_t n, cap;
	bool oom;
};
void cp_add(struct cp_sql *b, const char *s);
/* name as an SQL identifier, in double quotes, as both engines read it */
void cp_ident(struct cp_sql *b, const char *name);
/* The text, or NULL when memory ran out (said in err); the caller frees b->s. */
const char *cp_done(struct cp_sql *b, struct hop_err *err);
/* The rows of a table. */
enum hop_status cp_count(struct hop_db *db, const char *table, int64_t *n,
                         struct hop_err *err);

/* A table to copy. */
struct cp_table {
	struct db_table *src;           /* in the source's catalog */
	struct db_table *dst;           /* the same table in the target's */
	bool *deferred;                 /* per column: written NULL, set once all are in */
	bool placed;                    /* has its place in the order */
	int64_t rows;                   /* in the source */
};
/* A value of a deferred column, set after every table is in. */
struct cp_later {
	struct cp_table *t;
	int col;
	int64_t key, value;
};
struct cp_plan {
	struct hop_db *from, *to;
	struct db_catalog sc, tc;       /* the source's and the target's catalogs */
	struct cp_table *v;
	size_t n;
	size_t *order;                  /* indexes into v: parents before children */
	struct cp_later *later;
	size_t nlater, latercap;
	bool own;                       /* the source has OWN_TABLE */
};

/* Read both catalogs, check that they hold the same tables and columns,
 * count the source's rows and order the tables. */
enum hop_status cp_plan_make(struct cp_plan *p, struct hop_db *from, struct hop_db *to,
                             struct hop_err *err);
/* Stream one table's rows and check that both hold as many. */
enum hop_status cp_copy_table(struct cp_plan *p, struct cp_table *t, struct hop_err *err);
/* Set the deferred columns. */
enum hop_status cp_copy_later(struct cp_plan *p, struct hop_err *err);
void cp_plan_free(struct cp_plan *p);

#endif
