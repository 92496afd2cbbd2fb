/* A baseline for the screens' budgets: what plain SQLite takes to read rows,
 * with none of hop's code, on this machine in the same run.
 *
 *   raw_read DB RUNS SQL [SQL ...]
 *
 * Opens DB read-only with SQLite's defaults (its page cache from malloc, as
 * shipped), then RUNS times runs every SQL in turn, stepping every row and
 * reading every column as text (as a screen holds its strings).  The first
 * run is cold: a fresh connection whose page cache is empty, as a screen's
 * first showing in a process finds it (the file itself is in the kernel's
 * cache by then).  Prints
 *   raw ROWS COLD_MS WARM_MS
 * WARM_MS the median of the other runs (0 when RUNS is 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "bench_clock.h"

static long read_all(sqlite3 *db, int nsql, char **sql)
{
	long rows = 0;

	for (int i = 0; i < nsql; i++) {
		sqlite3_stmt *st;
		int rc;

		if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "raw_read: %s: %s\n", sqlite3_errmsg(db), sql[i]);
			return -1;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int n = sqlite3_column_count(st);
			size_t bytes = 0;

			for (int c = 0; c < n; c++)
				bytes += (size_t)sqlite3_column_bytes(st, c) + (sqlite3_column_text(st, c) != NULL);
			rows += bytes > 0;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "raw_read: %s\n", sqlite3_errmsg(db));
			return -1;
		}
	}
	return rows;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	int runs;
	double cold, *warm;
	long rows;

	if (argc < 4 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: raw_read DB RUNS SQL [SQL ...]\n");
		return 2;
	}
	if (!(warm = calloc((size_t)runs, sizeof *warm)))
		return 1;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "raw_read: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	cold = now_ms();
	if ((rows = read_all(db, argc - 3, argv + 3)) < 0)
		return 1;
	cold = now_ms() - cold;
	for (int r = 1; r < runs; r++) {
		double t0 = now_ms();

		if (read_all(db, argc - 3, argv + 3) < 0)
			return 1;
		warm[r - 1] = now_ms() - t0;
	}
	qsort(warm, (size_t)(runs - 1), sizeof *warm, by_value);
	printf("raw %ld %.3f %.3f\n", rows, cold, runs > 1 ? warm[(runs - 1) / 2] : 0.0);
	sqlite3_close(db);
	free(warm);
	return 0;
}
