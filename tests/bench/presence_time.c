/* Query time of the Week screen's data for one team (presence_week, what the
 * Week screen and 'hop week' show) and of the forecast for every site
 * (forecast_week with no site filter, what 'hop forecast' shows: every
 * person of the organisation is placed at a site and counted), as the core
 * functions do it: SQL, stepping and filling the structures.
 *
 *   presence_time DB LOGIN TEAM DAY [RUNS [SQLFILE]]
 *
 * DAY is any day of the week measured.  Each call is run RUNS + 1 times
 * (default 50 + 1); the first run, which warms SQLite's and the kernel's
 * caches, is left out.  Prints on stdout
 *   week ROWS MEDIAN_MS MIN_MS MAX_MS IN_OFFICE
 *   forecast PLANNED MEDIAN_MS MIN_MS MAX_MS DESKS
 * ROWS is the team's people, IN_OFFICE the week's office cells among them,
 * PLANNED the people planning office summed over the week's days, DESKS the
 * bookable desks on its Monday.  With SQLFILE, one more untimed run of each
 * records the SQL text of every statement it steps, as "week<TAB>SQL" and
 * "forecast<TAB>SQL" lines, for run.sh's query plans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/db/db_sqlite.h"
#include "hop/core/presence/presence.h"
#include "bench_clock.h"

#define RUNS_MAX 10000
#define SEEN_MAX 64

/* ---- recording the statements a call steps ---- */

struct trace {
	FILE *out;
	const char *label;
	const char *seen[SEEN_MAX];   /* sqlite3_sql texts live as long as their statements */
	int nseen;
};

static int on_stmt(unsigned type, void *ctx, void *p, void *x)
{
	struct trace *t = ctx;
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);

	(void)type;
	(void)x;
	if (!t->out || !sql)
		return 0;
	for (int i = 0; i < t->nseen; i++)
		if (t->seen[i] == sql)
			return 0;
	if (t->nseen < SEEN_MAX)
		t->seen[t->nseen++] = sql;
	fprintf(t->out, "%s\t", t->label);
	for (const char *c = sql; *c; c++)
		fputc(*c == '\n' || *c == '\t' ? ' ' : *c, t->out);
	fputc('\n', t->out);
	return 0;
}

/* ---- the two calls ---- */

struct job {
	const char *team;
	hop_date monday;
	size_t rows;                  /* week: people; forecast: planned, summed */
	long extra;                   /* week: office cells; forecast: desks on Monday */
};

static int run_week(struct hop_app *app, struct job *j)
{
	struct presence_week w;
	struct hop_err err;

	memset(&w, 0, sizeof w);
	if (presence_week(app, j->team, j->monday, &w, &err) != HOP_OK) {
		fprintf(stderr, "presence_time: week of %s: %s\n", j->team, err.msg);
		return 1;
	}
	j->rows = w.nrows;
	j->extra = 0;
	for (int d = 0; d < PRESENCE_DAYS; d++)
		j->extra += w.days[d].in_office;
	presence_week_free(&w);
	return 0;
}

static int run_forecast(struct hop_app *app, struct job *j)
{
	struct forecast f;
	struct hop_err err;

	memset(&f, 0, sizeof f);
	if (forecast_week(app, NULL, j->monday, &f, &err) != HOP_OK) {
		fprintf(stderr, "presence_time: forecast: %s\n", err.msg);
		return 1;
	}
	j->rows = 0;
	for (int d = 0; d < PRESENCE_DAYS; d++)
		j->rows += (size_t)f.days[d].planned;
	j->extra = f.days[0].desks;
	return 0;
}

static int measure(struct hop_app *app, const char *label, struct job *j, int runs,
                   int (*fn)(struct hop_app *, struct job *))
{
	double *ms = calloc((size_t)runs + 1, sizeof *ms), mid;

	if (!ms)
		return 1;
	for (int i = 0; i <= runs; i++) {
		double t0 = now_ms();
		if (fn(app, j)) {
			free(ms);
			return 1;
		}
		ms[i] = now_ms() - t0;
	}
	/* ms[0] was the warm-up. */
	qsort(ms + 1, (size_t)runs, sizeof *ms, by_value);
	mid = runs % 2 ? ms[1 + runs / 2] : (ms[runs / 2] + ms[runs / 2 + 1]) / 2;
	printf("%s %zu %.3f %.3f %.3f %ld\n", label, j->rows, mid, ms[1], ms[runs], j->extra);
	free(ms);
	return 0;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	struct trace tr = { NULL, NULL, { NULL }, 0 };
	struct job j = { NULL, 0, 0, 0 };
	hop_date day;
	int runs = 50, rc = 0;

	if (argc < 5 || argc > 7) {
		fprintf(stderr, "usage: presence_time DB LOGIN TEAM DAY [RUNS [SQLFILE]]\n");
		return 2;
	}
	if (!date_parse_iso(argv[4], &day)) {
		fprintf(stderr, "presence_time: '%s' is not a date (YYYY-MM-DD)\n", argv[4]);
		return 2;
	}
	if (argc >= 6) {
		runs = atoi(argv[5]);
		if (runs < 1 || runs > RUNS_MAX) {
			fprintf(stderr, "presence_time: RUNS must be 1 to %d\n", RUNS_MAX);
			return 2;
		}
	}
	j.team = argv[3];
	j.monday = day - (date_weekday(day) - 1);
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "presence_time: %s\n", err.msg);
		return 1;
	}
	if (!app.actor.known)
		fprintf(stderr, "presence_time: warning: '%s' is not a person in %s\n", argv[2], argv[1]);

	rc = measure(&app, "week", &j, runs, run_week) ||
	     measure(&app, "forecast", &j, runs, run_forecast);

	if (!rc && argc == 7) {
		tr.out = fopen(argv[6], "w");
		if (!tr.out) {
			perror(argv[6]);
			rc = 1;
		} else {
			sqlite3_trace_v2(db_sqlite(app.db), SQLITE_TRACE_STMT, on_stmt, &tr);
			tr.label = "week";
			rc = run_week(&app, &j);
			tr.label = "forecast";
			tr.nseen = 0;
			rc = rc || run_forecast(&app, &j);
			sqlite3_trace_v2(db_sqlite(app.db), 0, NULL, NULL);
			if (fclose(tr.out) != 0) {
				perror(argv[6]);
				rc = 1;
			}
		}
	}
	app_close(&app);
	return rc;
}
