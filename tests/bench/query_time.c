/* Query time of "who is in on DAY" (booking_who, what 'hop who' shows) and of
 * the Desks screen's data for DAY over every desk and room (booking_day_view),
 * as the core functions do it: SQL, stepping and filling the structures.
 *
 *   query_time DB LOGIN DAY [RUNS [SQLFILE]]
 *
 * Each is run RUNS + 1 times (default 50 + 1); the first run, which warms
 * SQLite's and the kernel's caches, is left out.  Prints on stdout
 *   who ROWS MEDIAN_MS MIN_MS MAX_MS
 *   view PLACES MEDIAN_MS MIN_MS MAX_MS
 * With SQLFILE, one more untimed run of each records the SQL text of every
 * statement it steps, as "who<TAB>SQL" and "view<TAB>SQL" lines, so that
 * run.sh can show their query plans with sqlite3 (the same statements, not
 * copies that could drift from core). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/db/db_sqlite.h"
#include "bench_clock.h"

#define RUNS_MAX 10000
#define SEEN_MAX 32

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

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

static int run_who(struct hop_app *app, hop_date day, size_t *rows)
{
	struct hop_who_list l = { 0 };
	struct hop_err err;

	if (booking_who(app, day, NULL, NULL, &l, &err) != HOP_OK) {
		fprintf(stderr, "query_time: who: %s\n", err.msg);
		return 1;
	}
	*rows = l.n;
	booking_who_free(&l);
	return 0;
}

static int run_view(struct hop_app *app, hop_date day, size_t *rows)
{
	struct desk_filter f = { NULL, NULL, 0, -1, false };
	struct desk_day_view v;
	struct hop_err err;

	memset(&v, 0, sizeof v);
	if (booking_day_view(app, day, &f, &v, &err) != HOP_OK) {
		fprintf(stderr, "query_time: day view: %s\n", err.msg);
		return 1;
	}
	*rows = v.n;
	desk_day_view_free(&v);
	return 0;
}

static int measure(struct hop_app *app, const char *label, hop_date day, int runs,
                   int (*fn)(struct hop_app *, hop_date, size_t *))
{
	double *ms = calloc((size_t)runs + 1, sizeof *ms), mid;
	size_t rows = 0;

	if (!ms)
		return 1;
	for (int i = 0; i <= runs; i++) {
		double t0 = now_ms();
		if (fn(app, day, &rows)) {
			free(ms);
			return 1;
		}
		ms[i] = now_ms() - t0;
	}
	/* ms[0] was the warm-up. */
	mid = median(ms + 1, runs);
	printf("%s %zu %.3f %.3f %.3f\n", label, rows, mid, ms[1], ms[runs]);
	free(ms);
	return 0;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	struct trace tr = { NULL, NULL, { NULL }, 0 };
	hop_date day;
	int runs = 50, rc = 0;
	size_t rows;

	if (argc < 4 || argc > 6) {
		fprintf(stderr, "usage: query_time DB LOGIN DAY [RUNS [SQLFILE]]\n");
		return 2;
	}
	if (!date_parse_iso(argv[3], &day)) {
		fprintf(stderr, "query_time: '%s' is not a date (YYYY-MM-DD)\n", argv[3]);
		return 2;
	}
	if (argc >= 5) {
		runs = atoi(argv[4]);
		if (runs < 1 || runs > RUNS_MAX) {
			fprintf(stderr, "query_time: RUNS must be 1 to %d\n", RUNS_MAX);
			return 2;
		}
	}
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "query_time: %s\n", err.msg);
		return 1;
	}
	if (!app.actor.known)
		fprintf(stderr, "query_time: warning: '%s' is not a person in %s\n", argv[2], argv[1]);

	rc = measure(&app, "who", day, runs, run_who) || measure(&app, "view", day, runs, run_view);

	if (!rc && argc == 6) {
		tr.out = fopen(argv[5], "w");
		if (!tr.out) {
			perror(argv[5]);
			rc = 1;
		} else {
			sqlite3_trace_v2(db_sqlite(app.db), SQLITE_TRACE_STMT, on_stmt, &tr);
			tr.label = "who";
			rc = run_who(&app, day, &rows);
			tr.label = "view";
			tr.nseen = 0;
			rc = rc || run_view(&app, day, &rows);
			sqlite3_trace_v2(db_sqlite(app.db), 0, NULL, NULL);
			if (fclose(tr.out) != 0) {
				perror(argv[5]);
				rc = 1;
			}
		}
	}
	app_close(&app);
	return rc;
}
