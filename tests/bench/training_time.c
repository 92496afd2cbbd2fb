/* Training in a large organisation, as the core functions do it: the
 * status of one person (what 'hop training status' and the Training screen
 * show an employee), the coverage report of the whole organisation, and the
 * Training screen's matrix for a team (people x required courses).
 *
 *   training_time DB LOGIN PERSON TEAM DAY [RUNS]
 *
 * LOGIN acts (HR); PERSON is the one whose status is read; TEAM is the
 * team's id for the matrix.  Each call runs RUNS + 1 times (default 20 + 1),
 * the first (warming the caches) left out.  Prints on stdout
 *   status ROWS MEDIAN_MS MIN_MS MAX_MS
 *   coverage COURSES MEDIAN_MS MIN_MS MAX_MS REQUIRED
 *   matrix ROWS MEDIAN_MS MIN_MS MAX_MS PEOPLE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/core/training/coverage.h"
#include "hop/core/training/status.h"
#include "bench_clock.h"

struct job {
	const char *person;
	int64_t team_id;
	hop_date day;
	size_t rows;
	long extra;
};

static int run_status(struct hop_app *app, struct job *j)
{
	struct trn_status_list l;
	struct hop_err err;

	if (trn_status_person(app, j->person, j->day, &l, &err) != HOP_OK) {
		fprintf(stderr, "training_time: status: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	trn_status_list_free(&l);
	return 0;
}

static int run_coverage(struct hop_app *app, struct job *j)
{
	struct trn_coverage_list l;
	struct hop_err err;

	if (trn_coverage(app, 0, j->day, &l, &err) != HOP_OK) {
		fprintf(stderr, "training_time: coverage: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	j->extra = 0;
	for (size_t i = 0; i < l.n; i++)
		j->extra += l.v[i].required;
	trn_coverage_list_free(&l);
	return 0;
}

static int run_matrix(struct hop_app *app, struct job *j)
{
	struct trn_status_list l;
	struct hop_err err;

	if (trn_status_people(app, 0, j->team_id, j->day, ~0u & ~(1u << TRN_NOT_REQUIRED), &l,
	                      &err) != HOP_OK) {
		fprintf(stderr, "training_time: matrix: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	/* Rows come by course, then name: count the people once. */
	j->extra = 0;
	for (size_t i = 0; i < l.n; i++) {
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = l.v[k].person_id == l.v[i].person_id;
		j->extra += !seen;
	}
	trn_status_list_free(&l);
	return 0;
}

static int measure(struct hop_app *app, const char *name, struct job *j, int runs,
                   int (*fn)(struct hop_app *, struct job *), bool extra)
{
	double *t = calloc((size_t)runs, sizeof *t);

	if (!t || fn(app, j)) {
		free(t);
		return 1;
	}
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		if (fn(app, j)) {
			free(t);
			return 1;
		}
		t[r] = now_ms() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, by_value);
	printf("%s %zu %.3f %.3f %.3f", name, j->rows,
	       runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2, t[0], t[runs - 1]);
	if (extra)
		printf(" %ld", j->extra);
	putchar('\n');
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	struct job j;
	int runs = 20, rc;

	if (argc < 6 || argc > 7) {
		fprintf(stderr, "usage: training_time DB LOGIN PERSON TEAM DAY [RUNS]\n");
		return 2;
	}
	memset(&j, 0, sizeof j);
	j.person = argv[3];
	j.team_id = atoll(argv[4]);
	if (!date_parse_iso(argv[5], &j.day) || j.team_id <= 0) {
		fprintf(stderr, "training_time: TEAM must be a team's id, DAY a date (YYYY-MM-DD)\n");
		return 2;
	}
	if (argc == 7 && ((runs = atoi(argv[6])) < 1 || runs > 1000)) {
		fprintf(stderr, "training_time: RUNS must be 1 to 1000\n");
		return 2;
	}
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "training_time: %s\n", err.msg);
		return 1;
	}
	rc = measure(&app, "status", &j, runs, run_status, false) ||
	     measure(&app, "coverage", &j, runs < 5 ? runs : 5, run_coverage, true) ||
	     measure(&app, "matrix", &j, runs, run_matrix, true);
	app_close(&app);
	return rc;
}
