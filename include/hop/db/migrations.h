/* The schema migrations compiled in from db/sqlite/NNNN_*.sql and
 * db/postgresql/NNNN_*.sql (see src/db/embed.awk and db/postgresql/README):
 * the same numbered steps for each database. */
#ifndef HOP_MIGRATIONS_H
#define HOP_MIGRATIONS_H

struct hop_migration {
	int version;          /* the user_version the step brings the database to */
	const char *name;     /* file name under db/sqlite/ or db/postgresql/, for messages */
};

extern const struct hop_migration hop_migrations[];
extern const int hop_migration_count;
const char *hop_migration_sql(int index);

/* The same steps for PostgreSQL, version for version. */
extern const struct hop_migration hop_pg_migrations[];
extern const int hop_pg_migration_count;
const char *hop_pg_migration_sql(int index);

#endif
