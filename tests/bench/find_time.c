/* Time of finding a person or a team by what people type (person_find,
 * team_find), as every command argument naming one does: a login, a name
 * folded, the beginning of a word, a miss with its suggestion.
 *
 *   find_time DB LOGIN RUNS (person|team):TEXT...
 *
 * Each text is looked up RUNS + 1 times; the first, which warms SQLite's and
 * the kernel's caches, is left out.  Prints on stdout, one line each:
 *   find KIND STATUS MEDIAN_MS MIN_MS MAX_MS TEXT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/core/people/person.h"

#define RUNS_MAX 10000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static double t[RUNS_MAX + 1];
	struct hop_app app;
	struct hop_err err;
	int runs;

	if (argc < 5 || (runs = atoi(argv[3])) < 1 || runs > RUNS_MAX) {
		fprintf(stderr, "usage: find_time DB LOGIN RUNS (person|team):TEXT...\n");
		return 2;
	}
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "find_time: %s\n", err.msg);
		return 1;
	}
	for (int a = 4; a < argc; a++) {
		bool team = strncmp(argv[a], "team:", 5) == 0;
		const char *text = strchr(argv[a], ':') ? strchr(argv[a], ':') + 1 : argv[a];
		enum hop_status st = HOP_OK;

		for (int i = 0; i <= runs; i++) {
			struct hop_person p;
			struct hop_team tm;
			double t0 = now_ms();

			st = team ? team_find(&app, text, &tm, &err) : person_find(&app, text, &p, &err);
			t[i] = now_ms() - t0;
		}
		qsort(t + 1, (size_t)runs, sizeof *t, by_value);
		printf("find %s %s %.3f %.3f %.3f %s\n", team ? "team" : "person",
		       st == HOP_OK ? "found" : st == HOP_ENOTFOUND ? "missed" : "refused",
		       runs % 2 ? t[1 + runs / 2] : (t[runs / 2] + t[runs / 2 + 1]) / 2, t[1],
		       t[runs], text);
	}
	app_close(&app);
	return 0;
}
