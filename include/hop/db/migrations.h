/* The schema migrations compiled in from db/NNNN_*.sql (SQLite) and
 * db/postgresql/NNNN_*.sql (PostgreSQL), the same numbered steps (see
 * src/db/embed.awk). */
#ifndef HOP_MIGRATIONS_H
#define HOP_MIGRATIONS_H

struct hop_migration {
	int version;          /* the user_version the step brings the database to */
	const char *name;     /* file name under db/, for messages */
};

extern const struct hop_migration hop_migrations[];
extern const int hop_migration_count;
const char *hop_migration_sql(int index);

extern const struct hop_migration hop_pg_migrations[];
extern const int hop_pg_migration_count;
const char *hop_pg_migration_sql(int index);

#endif
