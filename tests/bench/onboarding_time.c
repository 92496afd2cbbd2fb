/* Onboarding in a large organisation, as the core functions do it: bring the
 * organisation to TOTAL open onboardings (the demo makes one for each new
 * hire and each person starting soon; more are started for the people who
 * began most recently), then time the Onboarding screen's data (the list of
 * every open onboarding with its progress, and one onboarding's checklist
 * with its office clashes), the overdue steps of everyone, and the mentors of
 * a batch of new hires starting on DAY matched by min-cost flow, beside one
 * new hire's ranked suggestions.
 *
 *   onboarding_time DB LOGIN TOTAL DAY [RUNS]
 *
 * Each call runs RUNS + 1 times (default 20 + 1; the batch 3 + 1), the first
 * (warming the caches) left out.  Prints on stdout
 *   topup STARTED MS ONBOARDINGS STEPS
 *   screen ROWS MEDIAN_MS MIN_MS MAX_MS STEPS_SHOWN
 *   overdue ROWS MEDIAN_MS MIN_MS MAX_MS
 *   single CANDIDATES MEDIAN_MS MIN_MS MAX_MS
 *   batch HIRES MEDIAN_MS MIN_MS MAX_MS MATCHED
 * The batch is computed, not assigned: the same answer each run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/core/app.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "bench_clock.h"

struct job {
	hop_date day;
	char first[HOP_LOGIN_MAX + 1];    /* a new hire of the batch, for 'single' */
	char shown[HOP_LOGIN_MAX + 1];    /* the onboarding the screen shows */
	size_t rows;
	long extra;
};

static int run_screen(struct hop_app *app, struct job *j)
{
	struct onb_summary_list l;
	struct onb_summary o;
	struct onb_step_list steps;
	struct onb_filter f = { 0 };
	struct hop_err err;

	if (onboarding_list(app, &f, &l, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: list: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	if (!j->shown[0] && l.n)
		snprintf(j->shown, sizeof j->shown, "%s", l.v[l.n / 2].person.login);
	onb_summary_list_free(&l);
	if (onboarding_show(app, j->shown, &o, &steps, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: show %s: %s\n", j->shown, err.msg);
		return 1;
	}
	j->extra = (long)steps.n;
	onb_step_list_free(&steps);
	return 0;
}

static int run_overdue(struct hop_app *app, struct job *j)
{
	struct onb_item_list l;
	struct hop_err err;

	if (onboarding_overdue(app, NULL, &l, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: overdue: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	onb_item_list_free(&l);
	return 0;
}

static int run_single(struct hop_app *app, struct job *j)
{
	struct mentor_candidate_list l;
	struct hop_err err;

	if (mentor_suggest(app, j->first, 10, &l, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: suggest %s: %s\n", j->first, err.msg);
		return 1;
	}
	j->rows = l.n;
	mentor_candidate_list_free(&l);
	return 0;
}

static int run_batch(struct hop_app *app, struct job *j)
{
	struct mentor_match_list l;
	struct hop_err err;

	if (mentor_suggest_batch(app, j->day, false, &l, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: batch: %s\n", err.msg);
		return 1;
	}
	j->rows = l.n;
	j->extra = 0;
	for (size_t i = 0; i < l.n; i++)
		j->extra += l.v[i].mentor.person.id != 0;
	if (!j->first[0] && l.n)
		snprintf(j->first, sizeof j->first, "%s", l.v[0].newhire.login);
	mentor_match_list_free(&l);
	return 0;
}

static int measure(struct hop_app *app, const char *label, struct job *j, int runs,
                   int (*fn)(struct hop_app *, struct job *), bool extra)
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
	qsort(ms + 1, (size_t)runs, sizeof *ms, by_value);
	mid = runs % 2 ? ms[1 + runs / 2] : (ms[runs / 2] + ms[runs / 2 + 1]) / 2;
	printf("%s %zu %.3f %.3f %.3f", label, j->rows, mid, ms[1], ms[runs]);
	if (extra)
		printf(" %ld", j->extra);
	putchar('\n');
	free(ms);
	return 0;
}

/* People without an onboarding, the most recent starters first. */
struct pick { struct hop_person *v; size_t n, cap; };

static enum hop_status collect(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct pick *k = ctx;

	if (!p->team_id)
		return HOP_OK;
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 1024;
		struct hop_person *v = realloc(k->v, cap * sizeof *v);
		if (!v)
			return hop_fail(err, HOP_ENOMEM, "out of memory");
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = *p;
	return HOP_OK;
}

static int by_start_desc(const void *a, const void *b)
{
	const struct hop_person *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

static int topup(struct hop_app *app, size_t total)
{
	struct onb_summary_list l;
	struct onb_filter f = { 0 };
	struct person_filter pf = { 0 };
	struct pick k = { 0 };
	struct hop_err err;
	size_t have, started = 0, steps = 0;
	double t0 = now_ms();

	if (onboarding_list(app, &f, &l, &err) != HOP_OK ||
	    person_each(app, &pf, collect, &k, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: %s\n", err.msg);
		return 1;
	}
	have = l.n;
	onb_summary_list_free(&l);
	qsort(k.v, k.n, sizeof *k.v, by_start_desc);
	for (size_t i = 0; i < k.n && have + started < total; i++) {
		struct onb_summary o;
		enum hop_status st = onboarding_start(app, k.v[i].login, NULL, &o, &err);
		if (st == HOP_ECONFLICT)
			continue;          /* has one already */
		if (st != HOP_OK) {
			fprintf(stderr, "onboarding_time: start %s: %s\n", k.v[i].login, err.msg);
			free(k.v);
			return 1;
		}
		started++;
	}
	free(k.v);
	if (onboarding_list(app, &f, &l, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: %s\n", err.msg);
		return 1;
	}
	for (size_t i = 0; i < l.n; i++)
		steps += (size_t)l.v[i].steps;
	printf("topup %zu %.1f %zu %zu\n", started, now_ms() - t0, l.n, steps);
	onb_summary_list_free(&l);
	return 0;
}

int main(int argc, char **argv)
{
	struct hop_app app;
	struct hop_err err;
	struct job j;
	int runs = 20, rc;
	long total;

	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: onboarding_time DB LOGIN TOTAL DAY [RUNS]\n");
		return 2;
	}
	memset(&j, 0, sizeof j);
	total = atol(argv[3]);
	if (!date_parse_iso(argv[4], &j.day) || total < 0) {
		fprintf(stderr, "onboarding_time: TOTAL must be a number, DAY a date (YYYY-MM-DD)\n");
		return 2;
	}
	if (argc == 6 && ((runs = atoi(argv[5])) < 1 || runs > 1000)) {
		fprintf(stderr, "onboarding_time: RUNS must be 1 to 1000\n");
		return 2;
	}
	memset(&app, 0, sizeof app);
	config_defaults(&app.cfg);
	snprintf(app.db_path, sizeof app.db_path, "%s", argv[1]);
	snprintf(app.actor.login, sizeof app.actor.login, "%s", argv[2]);
	if (app_open_db(&app, false, &err) != HOP_OK) {
		fprintf(stderr, "onboarding_time: %s\n", err.msg);
		return 1;
	}
	rc = topup(&app, (size_t)total) ||
	     measure(&app, "screen", &j, runs, run_screen, true) ||
	     measure(&app, "overdue", &j, runs, run_overdue, false) ||
	     measure(&app, "batch", &j, 3, run_batch, true) ||
	     (j.first[0] && measure(&app, "single", &j, 3, run_single, false));
	app_close(&app);
	return rc;
}
