/* The cohort plan (ROT-8, 4.3.1): the check names every violation once, the
 * exact method and the MIP make plans the check passes, an impossible
 * cohort is explained in its own words.  Problems are built in memory. */
#include "testutil.h"

#include "hop/core/rotation/cohort_plan.h"
#include "cohort_gen.h"

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

/* The one violation of the given kind in l; fails unless exactly one. */
static const struct cohort_violation *only(const struct cohort_violation_list *l,
                                           enum cohort_violation_kind kind)
{
	const struct cohort_violation *v = NULL;

	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].kind != kind)
			continue;
		assert_null(v);
		v = &l->v[i];
	}
	if (!v)
		for (size_t i = 0; i < l->n; i++)
			print_message("%d %s\n", l->v[i].kind, l->v[i].text);
	assert_non_null(v);
	return v;
}

static void each_kind(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_violation_list l;
	const struct cohort_violation *v;

	(void)state;
	/* Missing and twice: trainee 2 at Haushalt twice, never at Bürgerservice. */
	small(&p, &pl);
	pl.v[5].station = 1;
	check(&p, &pl, &l);
	v = only(&l, CV_MISSING);
	assert_string_equal(v->text, "Trainee 2 (t2) has no place at the required station "
	                    "Bürgerservice");
	v = only(&l, CV_TWICE);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Haushalt twice, from 2027-09 and "
	                    "from 2027-12");
	cohort_violation_list_free(&l);
	/* Length, and two places in one month. */
	pl.v[5].station = 0;
	pl.v[4].months = 4;
	pl.v[4].end = cohort_month_start(&p, 4) - 1;
	check(&p, &pl, &l);
	v = only(&l, CV_LENGTH);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Haushalt from 2027-09-01 to "
	                    "2027-12-31, not for the station's 3 months");
	v = only(&l, CV_OVERLAP);
	assert_string_equal(v->text, "Trainee 2 (t2) has two places in 2027-12: Haushalt and "
	                    "Bürgerservice");
	assert_int_equal(v->month, 3);
	cohort_violation_list_free(&l);
	/* Misaligned, and outside the cohort. */
	pl.v[4].months = 3;
	pl.v[4].end = cohort_month_start(&p, 3) - 1;
	pl.v[5].start = D(2027, 12, 15);
	pl.v[5].end = D(2028, 3, 14);
	check(&p, &pl, &l);
	v = only(&l, CV_MISALIGNED);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Bürgerservice from 2027-12-15 to "
	                    "2028-03-14, not from the first day of a month of the cohort to the "
	                    "last day of one");
	v = only(&l, CV_OUTSIDE);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Bürgerservice from 2027-12-15 to "
	                    "2028-03-14, outside the cohort (2027-09-01 to 2028-02-29)");
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);

	/* Minimum, block, first, after. */
	small(&p, &pl);
	/* Two-month stations: Bürgerservice has nobody in 2027-11 and one
	 * trainee in the next two months; the last month is the final course,
	 * where no minimum holds. */
	p.stations[0].min = 2;
	block(&p, -1, 5, 5, "Abschlusslehrgang");
	pl.v[4].months = 2;
	pl.v[4].end = cohort_month_start(&p, 2) - 1;
	pl.v[5].months = 2;
	pl.v[5].end = cohort_month_start(&p, 5) - 1;
	p.stations[0].months = 2;
	p.stations[1].months = 2;
	pl.v[0].months = pl.v[1].months = pl.v[2].months = pl.v[3].months = 2;
	pl.v[0].end = pl.v[2].end = cohort_month_start(&p, 2) - 1;
	pl.v[1].end = pl.v[3].end = cohort_month_start(&p, 5) - 1;
	block(&p, 1, 4, 4, "Urlaub");
	check(&p, &pl, &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.v[1].kind, CV_UNDER_MIN);
	assert_string_equal(l.v[1].text, "Bürgerservice has too few trainees in 2027-11: 0, at "
	                    "least 2");
	assert_string_equal(l.v[2].text, "Bürgerservice has too few trainees in 2027-12: 1, at "
	                    "least 2");
	assert_int_equal(l.v[3].kind, CV_UNDER_MIN);
	assert_int_equal(l.v[3].month, 4);
	v = only(&l, CV_BLOCK);
	assert_string_equal(v->text, "Trainee 1 (t1) is at Haushalt in 2028-01, during the "
	                    "block 'Urlaub'");
	cohort_violation_list_free(&l);
	p.stations[0].min = 0;
	p.nblocks = 0;
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	small(&p, &pl);
	/* Trainee 2 starts at Haushalt: Bürgerservice first, Haushalt after it. */
	p.stations[1].after = 0;
	check(&p, &pl, &l);
	v = only(&l, CV_ORDER);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Haushalt from 2027-09, before "
	                    "Bürgerservice, which must come first, has ended");
	cohort_violation_list_free(&l);
	p.stations[1].after = -1;
	p.stations[0].first = true;
	check(&p, &pl, &l);
	v = only(&l, CV_ORDER);
	assert_string_equal(v->text, "Trainee 2 (t2) is at Haushalt from 2027-09, before the "
	                    "first station Bürgerservice has ended");
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

static void exact_case(int trainees, int stations, int len)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l;
	struct hop_err err;
	int c, d;

	gen_exact(&p, trainees, stations, len);
	c = p.stations[0].max;
	d = (trainees + c - 1) / c > stations ? (trainees + c - 1) / c : stations;
	assert_true(cohort_exact_applies(&p));
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.method, COHORT_EXACT);
	assert_int_equal(r.outcome, COHORT_OPTIMAL);
	assert_int_equal(pl.n, (size_t)(trainees * stations));
	assert_int_equal(check(&p, &pl, &l), 0);
	/* D periods: the first half's after the first block, the rest after
	 * the second. */
	assert_int_equal(r.months_used, d <= (d + 1) / 2 ? 1 + d * len
	                 : 2 + ((d + 1) / 2 + d - (d + 1) / 2) * len);
	assert_true(r.seconds < 1.0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

static void exact_method(void **state)
{
	(void)state;
	exact_case(30, 8, 3);
	exact_case(200, 12, 3);
	exact_case(200, 12, 1);
}

static void mip_general(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct cohort_violation_list l;
	struct hop_err err;

	(void)state;
	problem(&p, 12, 4, 4);
	station(&p, 0, "Heimatdienststelle", 2, 0, 0);
	station(&p, 1, "Bürgerservice", 3, 0, 2);
	station(&p, 2, "Haushalt", 2, 0, 2);
	station(&p, 3, "Personal", 1, 0, 1);
	p.stations[0].first = true;
	p.stations[2].after = 1;
	block(&p, -1, 6, 6, "Zwischenlehrgang");
	block(&p, 3, 3, 3, "Urlaub");
	assert_false(cohort_exact_applies(&p));
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.method, COHORT_MIP);
	assert_int_equal(r.outcome, COHORT_OPTIMAL);
	assert_int_equal(pl.n, 16);
	assert_int_equal(check(&p, &pl, &l), 0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	/* Personal optional, three months, no limit: trainee 3's leave leaves
	 * no three free months after the others, so three of the four can
	 * have it.  The room for it is four: the heuristic cannot tell that
	 * three is best, GLPK starts from its plan and proves it. */
	p.stations[3].required = false;
	p.stations[3].months = 3;
	p.stations[3].max = 0;
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.outcome, COHORT_OPTIMAL);
	assert_false(r.by_heuristic);
	assert_int_equal(check(&p, &pl, &l), 0);
	{
		int n = 0;
		for (size_t i = 0; i < pl.n; i++)
			n += pl.v[i].station == 3;
		assert_int_equal(n, 3);
	}
	cohort_violation_list_free(&l);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

static void infeasible_capacity(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct hop_err err;

	(void)state;
	problem(&p, 24, 2, 9);
	station(&p, 0, "Bürgerservice", 6, 0, 2);
	station(&p, 1, "Haushalt", 3, 0, 9);
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.outcome, COHORT_NONE);
	assert_string_equal(r.why, "station Bürgerservice takes 2 at a time, 9 trainees need "
	                    "6 months there within 24 months");
	assert_int_equal(pl.n, 0);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

/* The MIP proves it impossible and no simple reason applies: the deletion
 * filter names the rule. */
static void infeasible_order(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct hop_err err;

	(void)state;
	/* Haushalt only after Personal; Personal needs someone in every month,
	 * so whoever is there last can never go on to Haushalt. */
	problem(&p, 6, 2, 3);
	station(&p, 0, "Personal", 2, 1, 3);
	station(&p, 1, "Haushalt", 2, 0, 3);
	p.stations[1].after = 0;
	assert_int_equal(cohort_explain(&p, NULL, 0), 0);
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.outcome, COHORT_NONE);
	assert_non_null(strstr(r.why, "without the rule 'Haushalt after Personal' a plan "
	                "exists"));
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

/* A minimum does not hold in the first station's months: nobody can be
 * elsewhere then.  Heimatdienststelle first (after the introductory course
 * in 2027-09), Personal needs one trainee in every month after it. */
static void first_and_minimum(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl = { 0 }, made;
	struct cohort_violation_list l;
	struct cohort_solve_result r;
	struct hop_err err;
	char why[512];

	(void)state;
	problem(&p, 7, 3, 4);
	station(&p, 0, "Heimatdienststelle", 2, 0, 0);
	station(&p, 1, "Personal", 2, 1, 0);
	station(&p, 2, "Haushalt", 2, 0, 0);
	p.stations[0].first = true;
	block(&p, -1, 0, 0, "Einführungslehrgang");
	for (int t = 0; t < 4; t++) {
		place(&p, &pl, t, 0, 1);
		place(&p, &pl, t, t < 2 ? 1 : 2, 3);
		place(&p, &pl, t, t < 2 ? 2 : 1, 5);
	}
	assert_int_equal(check(&p, &pl, &l), 0);
	cohort_violation_list_free(&l);
	/* Nobody at Personal in 2028-01: that month the minimum holds. */
	pl.v[1].station = 2;
	pl.v[2].station = 1;
	pl.v[4].station = 2;
	pl.v[5].station = 1;
	check(&p, &pl, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].text, "Personal has too few trainees in 2027-12: 0, at "
	                    "least 1");
	assert_string_equal(l.v[1].text, "Personal has too few trainees in 2028-01: 0, at "
	                    "least 1");
	cohort_violation_list_free(&l);
	assert_int_equal(cohort_explain(&p, why, sizeof why), 0);
	/* No optional station: whatever plan is found is optimal. */
	assert_int_equal(cohort_solve(&p, 10, &made, &r, &err), HOP_OK);
	assert_int_equal(r.outcome, COHORT_OPTIMAL);
	assert_true(r.by_heuristic);
	assert_int_equal(check(&p, &made, &l), 0);
	cohort_violation_list_free(&l);
	cohort_plan_free(&made);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

/* Room for fewer trainees than the cohort has, though the months would
 * add up: places of two months between blocks three months apart. */
static void infeasible_room(void **state)
{
	struct cohort_problem p;
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct hop_err err;

	(void)state;
	problem(&p, 7, 1, 3);
	station(&p, 0, "Bürgerservice", 2, 0, 1);
	block(&p, -1, 3, 3, "Zwischenlehrgang");
	assert_int_equal(cohort_solve(&p, 10, &pl, &r, &err), HOP_OK);
	assert_int_equal(r.outcome, COHORT_NONE);
	assert_string_equal(r.why, "station Bürgerservice takes 1 at a time for 2 months each: "
	                    "between the cohort's blocks there is room there for 2 trainees, "
	                    "and the cohort has 3");
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_and_days),
		cmocka_unit_test(valid_plan_has_no_violation),
		cmocka_unit_test(one_station_over_capacity),
		cmocka_unit_test(each_kind),
		cmocka_unit_test(exact_method),
		cmocka_unit_test(mip_general),
		cmocka_unit_test(infeasible_capacity),
		cmocka_unit_test(infeasible_order),
		cmocka_unit_test(first_and_minimum),
		cmocka_unit_test(infeasible_room),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
