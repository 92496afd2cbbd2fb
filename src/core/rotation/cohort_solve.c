/* Making a cohort plan: the exact method where it applies and has room,
 * else the heuristic and GLPK (which starts from the heuristic's plan, so
 * that it only has to improve it or prove it best); a cohort that cannot be
 * planned gets its reasons, first the simple necessary conditions
 * (cohort_explain), then, when the solver proved it impossible and none of
 * them applies, the rules whose relaxation alone makes a plan possible (a
 * deletion filter over groups of rules).  All of it within the time limit:
 * one deadline for every step. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cplan_int.h"

static void line(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void line(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 2 >= size)
		return;
	if (len)
		buf[len++] = '\n';
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* Does the relaxed copy have a plan within limit seconds (and before
 * until)?  1 yes, 0 proven not, -1 undecided.  The heuristic finds most
 * quickly, GLPK proves the rest. */
static int feasible(const struct cohort_problem *q, double limit, double until)
{
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct hop_err err;
	double now = cplan_seconds(), end = now + limit < until ? now + limit : until;
	bool yes = false, all;

	if (cplan_heuristic(q, now + (end - now) / 3, &pl, &yes, &all, &err) != HOP_OK)
		return -1;
	cohort_plan_free(&pl);
	if (yes)
		return 1;
	if (cplan_mip(q, end, NULL, &pl, &r, &err) != HOP_OK)
		return -1;
	cohort_plan_free(&pl);
	if (r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE)
		return 1;
	return r.outcome == COHORT_NONE ? 0 : -1;
}

/* One group of rules relaxed in q: says so when that lets a plan exist. */
struct filter {
	const struct cohort_problem *q;
	double until;
	int left;              /* groups still to try */
	size_t found;
	bool undecided;
	char *why;
	size_t size;
};

static bool relaxed(struct filter *f)
{
	double now = cplan_seconds();
	int yes;

	if (now >= f->until) {
		f->undecided = true;
		return false;
	}
	yes = feasible(f->q, (f->until - now) / (f->left > 0 ? f->left : 1), f->until);
	f->left--;
	f->undecided = f->undecided || yes < 0;
	f->found += yes > 0;
	return yes > 0;
}

/* Relax one group of rules at a time on a copy; name each group whose
 * relaxation alone lets a plan exist.  Until the deadline in all. */
static void deletion_filter(const struct cohort_problem *p, double until, char *why,
                            size_t size)
{
	struct cohort_problem q = *p;
	struct cohort_station_def *st = malloc((p->nstations + 1) * sizeof *st);
	struct cohort_block_def *bl = malloc((p->nblocks + 1) * sizeof *bl);
	struct filter f = { .q = &q, .until = until, .why = why, .size = size };

	if (!st || !bl)
		goto out;
	memcpy(st, p->stations, p->nstations * sizeof *st);
	q.stations = st;
	for (size_t s = 0; s < p->nstations; s++) {
		const struct cohort_station_def *d = &p->stations[s];
		f.left += (d->max > 0 && d->max < (int)p->ntrainees) + (d->min > 0) + d->first
		          + (d->after >= 0 && (size_t)d->after < p->nstations);
	}
	for (size_t b = 0; b < p->nblocks; b++)
		f.left += p->blocks[b].trainee >= 0 && (size_t)p->blocks[b].trainee < p->ntrainees;
	for (size_t s = 0; s < p->nstations; s++) {
		struct cohort_station_def keep = st[s];
		if (keep.max > 0 && keep.max < (int)p->ntrainees) {
			st[s].max = 0;
			if (relaxed(&f))
				line(why, size, _("without the maximum of %d at a time at %s a plan "
				     "exists"), keep.max, keep.team);
			st[s] = keep;
		}
		if (keep.min > 0) {
			st[s].min = 0;
			if (relaxed(&f))
				line(why, size, _("without the minimum of %d at a time at %s a plan "
				     "exists"), keep.min, keep.team);
			st[s] = keep;
		}
		if (keep.first) {
			st[s].first = false;
			if (relaxed(&f))
				line(why, size, _("without the rule '%s first' a plan exists"), keep.team);
			st[s] = keep;
		}
		if (keep.after >= 0 && (size_t)keep.after < p->nstations) {
			st[s].after = -1;
			if (relaxed(&f))
				line(why, size, _("without the rule '%s after %s' a plan exists"),
				     keep.team, p->stations[keep.after].team);
			st[s] = keep;
		}
	}
	for (size_t b = 0; b < p->nblocks; b++) {
		const struct cohort_block_def *k = &p->blocks[b];
		const struct cohort_trainee_def *t;
		if (k->trainee < 0 || (size_t)k->trainee >= p->ntrainees)
			continue;
		t = &p->trainees[k->trainee];
		memcpy(bl, p->blocks, p->nblocks * sizeof *bl);
		bl[b] = bl[p->nblocks - 1];
		q.blocks = bl;
		q.nblocks = p->nblocks - 1;
		if (relaxed(&f))
			line(why, size, _("without the block '%s' of %s (%s) a plan exists"),
			     k->title, t->name, t->login);
		q.blocks = p->blocks;
		q.nblocks = p->nblocks;
	}
	if (!f.found && !f.undecided)
		line(why, size, _("no single rule of the cohort makes it impossible on its own; "
		     "several together do"));
	else if (!f.found)
		line(why, size, _("the time limit ended before the rule that makes it "
		     "impossible was found"));
out:
	free(st);
	free(bl);
}

/* The objective: months at optional stations. */
static long optional_months(const struct cohort_problem *p, const struct cohort_plan *pl)
{
	long n = 0;

	for (size_t i = 0; i < pl->n; i++)
		if (!p->stations[pl->v[i].station].required)
			n += pl->v[i].months;
	return n;
}

/* Does pl give every optional station to as many trainees as it has room
 * for (cplan_room), or to everybody?  Then no plan has more. */
static bool optional_at_most(const struct cohort_problem *p, const struct cohort_plan *pl)
{
	int from = cplan_others_from(p), free, longest;

	for (size_t s = 0; s < p->nstations; s++) {
		long n = 0, most;
		if (p->stations[s].required)
			continue;
		most = cplan_room(p, s, p->stations[s].first ? 0 : from, &free, &longest);
		if (most > (long)p->ntrainees)
			most = (long)p->ntrainees;
		for (size_t i = 0; i < pl->n; i++)
			n += pl->v[i].station == (int)s;
		if (n < most)
			return false;
	}
	return true;
}

/* Seconds the heuristic gets before GLPK: it finds a plan for 60 trainees
 * over 10 stations and 36 months in about a second when there is one; on a
 * cohort without plan the rest of the time is GLPK's to prove it. */
static double heuristic_budget(const struct cohort_problem *p, double limit)
{
	double b = (double)p->ntrainees * (double)p->nstations * p->months / 2000.0;

	b = b < 0.5 ? 0.5 : b;
	return b < limit * 0.4 ? b : limit * 0.4;
}

enum hop_status cohort_solve(const struct cohort_problem *p, int time_limit_s,
                             struct cohort_plan *out, struct cohort_solve_result *res,
                             struct hop_err *err)
{
	double t0 = cplan_seconds(), limit = time_limit_s > 0 ? time_limit_s : 60;
	double deadline = t0 + limit;
	struct cohort_plan heur = { 0 };
	bool found = false, all = false;
	enum hop_status rc;

	memset(out, 0, sizeof *out);
	if (cohort_exact_applies(p)) {
		rc = cohort_solve_exact(p, out, res, err);
		if (rc != HOP_OK || res->outcome == COHORT_OPTIMAL)
			return rc;
		/* Not enough whole periods on the grid: the general method may
		 * still fit the stations between the blocks. */
		cohort_plan_free(out);
	}
	memset(res, 0, sizeof *res);
	res->method = COHORT_MIP;
	if (cohort_explain(p, res->why, sizeof res->why) > 0) {
		res->outcome = COHORT_NONE;
		res->seconds = cplan_seconds() - t0;
		return HOP_OK;
	}
	rc = cplan_heuristic(p, t0 + heuristic_budget(p, limit), &heur, &found, &all, err);
	if (rc != HOP_OK)
		return rc;
	if (found && (all || optional_at_most(p, &heur))) {
		/* Every optional station for everybody (or none to take), or for
		 * as many as it has room for: the objective can be no higher, the
		 * plan is optimal. */
		*out = heur;
		res->outcome = COHORT_OPTIMAL;
		res->by_heuristic = true;
		res->months_used = cplan_months_used(out);
		res->seconds = cplan_seconds() - t0;
		return HOP_OK;
	}
	rc = cplan_mip(p, deadline, found ? &heur : NULL, out, res, err);
	if (found && (rc != HOP_OK
	              || (res->outcome != COHORT_OPTIMAL && res->outcome != COHORT_FEASIBLE)
	              || optional_months(p, out) < optional_months(p, &heur))) {
		/* GLPK ran out of time (or failed) before it had a plan of its own
		 * as good: the heuristic's stands, not proven best. */
		cohort_plan_free(out);
		*out = heur;
		heur = (struct cohort_plan){ 0 };
		memset(res, 0, sizeof *res);
		res->method = COHORT_MIP;
		res->outcome = COHORT_FEASIBLE;
		res->by_heuristic = true;
		rc = HOP_OK;
	}
	cohort_plan_free(&heur);
	if (rc == HOP_OK && res->outcome == COHORT_NONE)
		deletion_filter(p, deadline, res->why, sizeof res->why);
	res->months_used = cplan_months_used(out);
	res->seconds = cplan_seconds() - t0;
	return rc;
}
