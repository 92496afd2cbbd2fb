/* Bulk creation of a year's bookings through the demo generator's own path
 * (demo_add_bookings, booking_bulk_*), timed.  Run on an organisation that has
 * its people and places but no bookings yet (run.sh makes one).
 *
 *   bulk_bookings DB LOGIN [SEED]
 *
 * Prints "rows SECONDS" on stdout: the rows added and the wall-clock time of
 * the whole call (loading people and places, deciding, inserting, commit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/demo/demo.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	size_t rows = 0;
	uint64_t seed = 0;
	double t0, t1;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: bulk_bookings DB LOGIN [SEED]\n");
		return 2;
	}
	if (argc == 4)
		seed = strtoull(argv[3], NULL, 10);
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "bulk_bookings: %s\n", err.msg);
		return 1;
	}
	t0 = now();
	if (demo_add_bookings(&app, seed, &rows, &err) != HOP_OK) {
		fprintf(stderr, "bulk_bookings: %s\n", err.msg);
		app_close(&app);
		return 1;
	}
	t1 = now();
	app_close(&app);
	printf("%zu %.6f\n", rows, t1 - t0);
	return 0;
}
