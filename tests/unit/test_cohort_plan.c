/* The cohort plan (ROT-8, 4.3.1): the check names every violation once, the
 * exact method and the MIP make plans the check passes, an impossible
 * cohort is explained in its own words.  Problems are built in memory. */
#include "testutil.h"

#include "hop/core/rotation/cohort_plan.h"

static hop_date D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void problem(struct cohort_problem *p, int months, size_t nstations, size_t ntrainees)
{
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "Jahrgang 2027");
	p->start = D(2027, 9, 1);
	p->months = months;
	p->stations = calloc(nstations, sizeof *p->stations);
	p->trainees = calloc(ntrainees, sizeof *p->trainees);
	p->blocks = calloc(8, sizeof *p->blocks);
	assert_non_null(p->stations);
	assert_non_null(p->trainees);
	p->nstations = nstations;
	p->ntrainees = ntrainees;
	for (size_t t = 0; t < ntrainees; t++) {
		p->trainees[t].person_id = (int64_t)t + 1;
		snprintf(p->trainees[t].login, sizeof p->trainees[t].login, "t%zu", t);
		snprintf(p->trainees[t].name, sizeof p->trainees[t].name, "Trainee %zu", t);
	}
}

static void station(struct cohort_problem *p, size_t s, const char *team, int months,
                    int min, int max)
{
	struct cohort_station_def *d = &p->stations[s];
	d->team_id = (int64_t)s + 100;
	snprintf(d->team, sizeof d->team, "%s", team);
	d->months = months;
	d->min = min;
	d->max = max;
	d->required = true;
	d->after = -1;
}

static void block(struct cohort_problem *p, int trainee, int from, int to, const char *title)
{
	struct cohort_block_def *b = &p->blocks[p->nblocks++];
	b->trainee = trainee;
	b->from = from;
	b->to = to;
	b->start = cohort_month_start(p, from);
	b->end = cohort_month_start(p, to + 1) - 1;
	snprintf(b->title, sizeof b->title, "%s", title);
}

static void place(struct cohort_problem *p, struct cohort_plan *pl, int t, int s, int from)
{
	struct hop_err err;
	assert_int_equal(cohort_plan_add(p, pl, t, s, from, p->stations[s].months, &err), HOP_OK);
}

static size_t check(struct cohort_problem *p, struct cohort_plan *pl,
                    struct cohort_violation_list *l)
{
	struct hop_err err;
	assert_int_equal(cohort_check(p, pl, l, &err), HOP_OK);
	return l->n;
}

/* Three trainees, two stations of three months (max 2), six months. */
static void small(struct cohort_problem *p, struct cohort_plan *pl)
{
	problem(p, 6, 2, 3);
	station(p, 0, "Bürgerservice", 3, 0, 2);
	station(p, 1, "Haushalt", 3, 0, 2);
	memset(pl, 0, sizeof *pl);
	place(p, pl, 0, 0, 0);
	place(p, pl, 0, 1, 3);
	place(p, pl, 1, 0, 0);
	place(p, pl, 1, 1, 3);
	place(p, pl, 2, 1, 0);
	place(p, pl, 2, 0, 3);
}

static void months_and_days(void **state)
{
	struct cohort_problem p;

	(void)state;
	problem(&p, 24, 1, 1);
	p.start = D(2027, 1, 31);
	assert_int_equal(cohort_month_start(&p, 1), D(2027, 2, 28));
	assert_int_equal(cohort_month_of(&p, D(2027, 1, 30)), -1);
	assert_int_equal(cohort_month_of(&p, D(2027, 2, 27)), 0);
	assert_int_equal(cohort_month_of(&p, D(2027, 2, 28)), 1);
	assert_int_equal(cohort_month_of(&p, D(2029, 1, 31)), 24);
	block(&p, -1, 3, 4, "Zwischenlehrgang");
	block(&p, 0, 7, 7, "Urlaub");
	assert_true(cohort_blocked(&p, 0, 4));
	assert_false(cohort_blocked(&p, 0, 5));
	assert_true(cohort_blocked(&p, 0, 7));
	cohort_problem_free(&p);
}

static void valid_plan_has_no_violation(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_violation_list l;

	(void)state;
	small(&p, &pl);
	assert_int_equal(check(&p, &pl, &l), 0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

/* The check: one station over capacity in one month yields exactly
 * that violation, naming who is there. */
static void one_station_over_capacity(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl = { 0 };
	struct cohort_violation_list l;

	(void)state;
	problem(&p, 3, 2, 3);
	station(&p, 0, "Bürgerservice", 1, 0, 2);
	station(&p, 1, "Haushalt", 1, 0, 2);
	place(&p, &pl, 0, 0, 0);
	place(&p, &pl, 0, 1, 1);
	place(&p, &pl, 1, 0, 0);
	place(&p, &pl, 1, 1, 1);
	place(&p, &pl, 2, 0, 0);
	place(&p, &pl, 2, 1, 2);
	assert_int_equal(check(&p, &pl, &l), 1);
	assert_int_equal(l.v[0].kind, CV_OVER_MAX);
	assert_int_equal(l.v[0].station, 0);
	assert_int_equal(l.v[0].month, 0);
	assert_int_equal(l.v[0].trainee, -1);
	assert_string_equal(l.v[0].text, "Bürgerservice has too many trainees in 2027-09: 3 "
	                    "(t0, t1, t2), at most 2");
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_and_days),
		cmocka_unit_test(valid_plan_has_no_violation),
		cmocka_unit_test(one_station_over_capacity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
