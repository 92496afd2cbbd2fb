/* Making a cohort plan: the exact method where it applies and has room,
 * else GLPK; a cohort that cannot be planned gets its reasons, first the
 * simple necessary conditions (cohort_explain), then, when the solver
 * proved it impossible and none of them applies, the rules whose relaxation
 * alone makes a plan possible (a deletion filter over groups of rules). */
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

/* Does the relaxed copy have a plan within limit seconds? */
static bool feasible(const struct cohort_problem *q, int limit)
{
	struct cohort_plan pl;
	struct cohort_solve_result r;
	struct hop_err err;
	bool yes;

	if (cohort_solve_mip(q, limit, &pl, &r, &err) != HOP_OK)
		return false;
	yes = r.outcome == COHORT_OPTIMAL || r.outcome == COHORT_FEASIBLE;
	cohort_plan_free(&pl);
	return yes;
}

/* Relax one group of rules at a time on a copy; name each group whose
 * relaxation alone lets a plan exist.  Bounded by time_limit_s in all. */
static void deletion_filter(const struct cohort_problem *p, int time_limit_s, char *why,
                            size_t size)
{
	struct cohort_problem q = *p;
	struct cohort_station_def *st = malloc((p->nstations + 1) * sizeof *st);
	struct cohort_block_def *bl = malloc((p->nblocks + 1) * sizeof *bl);
	double until = cplan_seconds() + (time_limit_s > 0 ? time_limit_s : 60);
	int each = time_limit_s / 10 > 2 ? time_limit_s / 10 : 2;
	size_t found = 0;

	if (!st || !bl)
		goto out;
	memcpy(st, p->stations, p->nstations * sizeof *st);
	q.stations = st;
	for (size_t s = 0; s < p->nstations && cplan_seconds() < until; s++) {
		struct cohort_station_def keep = st[s];
		if (keep.max > 0 && keep.max < (int)p->ntrainees) {
			st[s].max = 0;
			if (feasible(&q, each) && ++found)
				line(why, size, _("without the maximum of %d at a time at %s a plan "
				     "exists"), keep.max, keep.team);
			st[s] = keep;
		}
		if (keep.min > 0 && cplan_seconds() < until) {
			st[s].min = 0;
			if (feasible(&q, each) && ++found)
				line(why, size, _("without the minimum of %d at a time at %s a plan "
				     "exists"), keep.min, keep.team);
			st[s] = keep;
		}
		if (keep.first && cplan_seconds() < until) {
			st[s].first = false;
			if (feasible(&q, each) && ++found)
				line(why, size, _("without the rule '%s first' a plan exists"), keep.team);
			st[s] = keep;
		}
		if (keep.after >= 0 && (size_t)keep.after < p->nstations
		    && cplan_seconds() < until) {
			st[s].after = -1;
			if (feasible(&q, each) && ++found)
				line(why, size, _("without the rule '%s after %s' a plan exists"),
				     keep.team, p->stations[keep.after].team);
			st[s] = keep;
		}
	}
	for (size_t b = 0; b < p->nblocks && cplan_seconds() < until; b++) {
		const struct cohort_block_def *k = &p->blocks[b];
		const struct cohort_trainee_def *t;
		if (k->trainee < 0 || (size_t)k->trainee >= p->ntrainees)
			continue;
		t = &p->trainees[k->trainee];
		memcpy(bl, p->blocks, p->nblocks * sizeof *bl);
		bl[b] = bl[p->nblocks - 1];
		q.blocks = bl;
		q.nblocks = p->nblocks - 1;
		if (feasible(&q, each) && ++found)
			line(why, size, _("without the block '%s' of %s (%s) a plan exists"),
			     k->title, t->name, t->login);
		q.blocks = p->blocks;
		q.nblocks = p->nblocks;
	}
	if (!found)
		line(why, size, _("no single rule of the cohort makes it impossible on its own; "
		     "several together do"));
out:
	free(st);
	free(bl);
}

enum hop_status cohort_solve(const struct cohort_problem *p, int time_limit_s,
                             struct cohort_plan *out, struct cohort_solve_result *res,
                             struct hop_err *err)
{
	double t0 = cplan_seconds();
	enum hop_status rc;

	memset(out, 0, sizeof *out);
	if (cohort_exact_applies(p)) {
		rc = cohort_solve_exact(p, out, res, err);
		if (rc != HOP_OK || res->outcome == COHORT_OPTIMAL)
			return rc;
		/* Not enough whole periods on the grid: the MIP may still fit the
		 * stations between the blocks. */
	}
	memset(res, 0, sizeof *res);
	res->method = COHORT_MIP;
	if (cohort_explain(p, res->why, sizeof res->why) > 0) {
		res->outcome = COHORT_NONE;
		res->seconds = cplan_seconds() - t0;
		return HOP_OK;
	}
	rc = cohort_solve_mip(p, time_limit_s, out, res, err);
	if (rc == HOP_OK && res->outcome == COHORT_NONE)
		deletion_filter(p, time_limit_s, res->why, sizeof res->why);
	res->seconds = cplan_seconds() - t0;
	return rc;
}
