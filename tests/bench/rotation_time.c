/* Rotation in a large organisation, as the core functions do it for the
 * command line and the Rotation screen: the due list over everyone (every
 * person with a due date, however far: 'hop rotation due' with no horizon),
 * the timeline of a team (the screen's chart of its members' periods), and
 * the due list of one team (what a lead sees).
 *
 *   rotation_time DB LOGIN TEAM DUE_TEAM [RUNS]
 *
 * LOGIN acts (HR); TEAM is the timeline's team, DUE_TEAM the team of the
 * third list (names).  Each call runs RUNS + 1 times (default 10 + 1), the
 * first (warming the caches) left out.  Prints on stdout
 *   due ROWS MEDIAN_MS MIN_MS MAX_MS OVERDUE
 *   timeline ROWS MEDIAN_MS MIN_MS MAX_MS PERIODS
 *   dueteam ROWS MEDIAN_MS MIN_MS MAX_MS OVERDUE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/core/rotation/rotation.h"
#include "bench_clock.h"

struct job {
	const char *team, *due_team;
	size_t rows;
	long extra;
};

static int due(struct hop_app *app, const char *team, struct job *j)
{
	struct rotation_due_filter f = { team, NULL, -1 };
	struct rotation_due_list l = { 0 };
	struct hop_err err;

	if (rotation_due_list(app, &f, &l, &err) != HOP_OK) {
		fprintf(stderr, "rotation_time: due: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	j->extra = 0;
	for (size_t i = 0; i < l.n; i++)
		j->extra += l.v[i].overdue;
	rotation_due_list_free(&l);
	return 0;
}

static int run_due(struct hop_app *app, struct job *j)
{
	return due(app, NULL, j);
}

static int run_due_team(struct hop_app *app, struct job *j)
{
	return due(app, j->due_team, j);
}

static int run_timeline(struct hop_app *app, struct job *j)
{
	struct rotation_timeline_query q = { NULL, j->team, NULL, HOP_DATE_NONE, HOP_DATE_NONE };
	struct rotation_timeline t = { 0 };
	struct hop_err err;

	if (rotation_timeline(app, &q, &t, &err) != HOP_OK) {
		fprintf(stderr, "rotation_time: timeline: %s\n", err.msg);
		return 1;
	}
	j->rows = t.n;
	j->extra = 0;
	for (size_t i = 0; i < t.n; i++)
		j->extra += (long)t.v[i].nperiods;
	rotation_timeline_free(&t);
	return 0;
}

static int measure(struct hop_app *app, const char *name, struct job *j, int runs,
                   int (*fn)(struct hop_app *, struct job *))
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
	printf("%s %zu %.3f %.3f %.3f %ld\n", name, j->rows,
	       runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2, t[0], t[runs - 1],
	       j->extra);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	struct job j;
	int runs = 10, rc;

	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: rotation_time DB LOGIN TEAM DUE_TEAM [RUNS]\n");
		return 2;
	}
	memset(&j, 0, sizeof j);
	j.team = argv[3];
	j.due_team = argv[4];
	if (argc == 6 && ((runs = atoi(argv[5])) < 1 || runs > 1000)) {
		fprintf(stderr, "rotation_time: RUNS must be 1 to 1000\n");
		return 2;
	}
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "rotation_time: %s\n", err.msg);
		return 1;
	}
	rc = measure(&app, "due", &j, runs < 5 ? runs : 5, run_due) ||
	     measure(&app, "timeline", &j, runs, run_timeline) ||
	     measure(&app, "dueteam", &j, runs, run_due_team);
	app_close(&app);
	return rc;
}
