/* The cohort planning problem in months, and plans as lists of places
 * (cohort_plan.h): the pure helpers every method and the check share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "cplan_int.h"

void cohort_problem_free(struct cohort_problem *p)
{
	if (!p)
		return;
	free(p->stations);
	free(p->trainees);
	free(p->blocks);
	p->stations = NULL;
	p->trainees = NULL;
	p->blocks = NULL;
	p->nstations = p->ntrainees = p->nblocks = 0;
}

hop_date cohort_month_start(const struct cohort_problem *p, int m)
{
	return date_add_months(p->start, m);
}

int cohort_month_of(const struct cohort_problem *p, hop_date day)
{
	int y0, m0, d0, y, m, d, k;

	if (day < p->start)
		return -1;
	if (day >= cohort_month_start(p, p->months))
		return p->months;
	date_to_ymd(p->start, &y0, &m0, &d0);
	date_to_ymd(day, &y, &m, &d);
	/* The calendar difference is right or one too many (a start late in
	 * its month); correct by the month's actual first day. */
	k = (y - y0) * 12 + (m - m0);
	if (k > p->months - 1)
		k = p->months - 1;
	while (k > 0 && cohort_month_start(p, k) > day)
		k--;
	while (k + 1 < p->months && cohort_month_start(p, k + 1) <= day)
		k++;
	return k;
}

bool cplan_cohort_blocked(const struct cohort_problem *p, int m)
{
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct cohort_block_def *b = &p->blocks[i];
		if (b->trainee < 0 && b->from <= m && m <= b->to)
			return true;
	}
	return false;
}

int cplan_first_end(const struct cohort_problem *p)
{
	int end = 0;

	for (size_t s = 0; s < p->nstations; s++) {
		int d = p->stations[s].months;
		if (!p->stations[s].first || d < 1)
			continue;
		for (int q = 0; q + d <= p->months; q++) {
			int m = q;
			while (m < q + d && !cplan_cohort_blocked(p, m))
				m++;
			if (m == q + d) {
				/* Several first stations: the latest end (the rule
				 * that binds least). */
				if (q + d > end)
					end = q + d;
				break;
			}
		}
	}
	return end;
}

bool cplan_min_applies(const struct cohort_problem *p, int m)
{
	return m >= cplan_first_end(p) && !cplan_cohort_blocked(p, m);
}

bool cohort_blocked(const struct cohort_problem *p, size_t t, int m)
{
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct cohort_block_def *b = &p->blocks[i];
		if ((b->trainee < 0 || (size_t)b->trainee == t) && b->from <= m && m <= b->to)
			return true;
	}
	return false;
}

bool cplan_start_ok(const struct cohort_problem *p, size_t t, size_t s, int from)
{
	int d = p->stations[s].months;

	if (from < 0 || d < 1 || from + d > p->months)
		return false;
	for (int m = from; m < from + d; m++)
		if (cohort_blocked(p, t, m))
			return false;
	return true;
}

int cplan_max(const struct cohort_problem *p, size_t s)
{
	int max = p->stations[s].max;
	return max > 0 ? max : (int)p->ntrainees;
}

char *cplan_month_text(const struct cohort_problem *p, int m, char *buf)
{
	int y, mo, d;

	date_to_ymd(cohort_month_start(p, m), &y, &mo, &d);
	snprintf(buf, CPLAN_MONTH_LEN, "%04d-%02d", y, mo);
	return buf;
}

double cplan_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cplan_months_used(const struct cohort_plan *pl)
{
	int used = 0;

	for (size_t i = 0; i < pl->n; i++)
		if (pl->v[i].from + pl->v[i].months > used)
			used = pl->v[i].from + pl->v[i].months;
	return used;
}

void cohort_plan_free(struct cohort_plan *pl)
{
	if (!pl)
		return;
	free(pl->v);
	pl->v = NULL;
	pl->n = pl->cap = 0;
}

enum hop_status cohort_plan_add(const struct cohort_problem *p, struct cohort_plan *pl,
                                int trainee, int station, int from, int months,
                                struct hop_err *err)
{
	struct cohort_place *q;

	if (trainee < 0 || (size_t)trainee >= p->ntrainees || station < 0
	    || (size_t)station >= p->nstations || months < 1)
		return hop_fail(err, HOP_EINVAL, _("a place of the plan names no trainee or "
		                "station of the cohort, or lasts no month"));
	if (!vec_grow(&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	q = &pl->v[pl->n++];
	q->trainee = trainee;
	q->station = station;
	q->from = from;
	q->months = months;
	q->start = cohort_month_start(p, from);
	q->end = cohort_month_start(p, from + months) - 1;
	return HOP_OK;
}

void cohort_violation_list_free(struct cohort_violation_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

const char *cohort_outcome_name(enum cohort_outcome o)
{
	switch (o) {
	case COHORT_OPTIMAL: return "optimal";
	case COHORT_FEASIBLE: return "feasible";
	case COHORT_NONE: return "none";
	case COHORT_UNKNOWN: return "unknown";
	}
	return "unknown";
}

const char *cohort_outcome_display(enum cohort_outcome o)
{
	switch (o) {
	case COHORT_OPTIMAL: return _("optimal");
	case COHORT_FEASIBLE: return _("feasible, not proven best");
	case COHORT_NONE: return _("no plan possible");
	case COHORT_UNKNOWN: return _("undecided within the time limit");
	}
	return _("undecided within the time limit");
}
