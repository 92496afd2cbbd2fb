/* The baseline for bulk creation: a plain SQLite prepared-insert loop, no hop
 * code at all.  Reads every booking row of SOURCE into memory, then inserts
 * them into TARGET (the same schema, without bookings) in one transaction,
 * with the connection set up as hop sets up its own (WAL, synchronous=NORMAL,
 * foreign keys on) and the same cache size and temporary storage the bulk
 * path asks for (--hop-pragmas), so that the comparison is of the insert
 * loops alone.
 *
 *   raw_insert SOURCE TARGET [--hop-pragmas]
 *
 * Prints "rows SECONDS" on stdout: the time of BEGIN, the loop and COMMIT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

struct row {
	sqlite3_int64 desk, person, by;
	char day[11];
	char created[24];
	int am, pm, is_room, attendees;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "raw_insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
	return 1;
}

static void copy_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
}

static int load(const char *path, struct row **out, size_t *n)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct row *v = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return die(db, path);
	if (sqlite3_prepare_v2(db, "SELECT desk_id, person_id, day, am, pm, is_room, attendees, "
	                       "booked_by, created_at FROM booking ORDER BY id", -1, &st,
	                       NULL) != SQLITE_OK)
		return die(db, "reading the bookings");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct row *r;
		if (*n == cap) {
			struct row *w;
			cap = cap ? cap * 2 : 1024;
			w = realloc(v, cap * sizeof *v);
			if (!w) {
				free(v);
				return die(NULL, "loading");
			}
			v = w;
		}
		r = &v[(*n)++];
		r->desk = sqlite3_column_int64(st, 0);
		r->person = sqlite3_column_int64(st, 1);
		copy_text(st, 2, r->day, sizeof r->day);
		r->am = sqlite3_column_int(st, 3);
		r->pm = sqlite3_column_int(st, 4);
		r->is_room = sqlite3_column_int(st, 5);
		r->attendees = sqlite3_column_int(st, 6);
		r->by = sqlite3_column_int64(st, 7);
		copy_text(st, 8, r->created, sizeof r->created);
	}
	if (rc != SQLITE_DONE)
		return die(db, "reading the bookings");
	sqlite3_finalize(st);
	sqlite3_close(db);
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct row *rows = NULL;
	size_t n = 0;
	double t0, t1;
	int hop_pragmas = argc == 4 && strcmp(argv[3], "--hop-pragmas") == 0;

	if (argc < 3 || argc > 4 || (argc == 4 && !hop_pragmas)) {
		fprintf(stderr, "usage: raw_insert SOURCE TARGET [--hop-pragmas]\n");
		return 2;
	}
	if (load(argv[1], &rows, &n))
		return 1;
	if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return die(db, argv[2]);
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
	                 "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK)
		return die(db, "setting up the connection");
	if (hop_pragmas && sqlite3_exec(db, "PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY",
	                                NULL, NULL, NULL) != SQLITE_OK)
		return die(db, "setting up the connection");
	if (sqlite3_prepare_v2(db, "INSERT INTO booking (desk_id, person_id, day, am, pm, is_room, "
	                       "attendees, booked_by, created_at, updated_at) "
	                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", -1, &st,
	                       NULL) != SQLITE_OK)
		return die(db, "preparing the insert");

	t0 = now();
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return die(db, "BEGIN");
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		sqlite3_bind_int64(st, 1, r->desk);
		sqlite3_bind_int64(st, 2, r->person);
		sqlite3_bind_text(st, 3, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, r->am);
		sqlite3_bind_int(st, 5, r->pm);
		sqlite3_bind_int(st, 6, r->is_room);
		sqlite3_bind_int(st, 7, r->attendees);
		sqlite3_bind_int64(st, 8, r->by);
		sqlite3_bind_text(st, 9, r->created, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			return die(db, "inserting");
		sqlite3_reset(st);
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return die(db, "COMMIT");
	t1 = now();
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(rows);
	printf("%zu %.6f\n", n, t1 - t0);
	return 0;
}
