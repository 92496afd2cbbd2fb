/* The general case's heuristic, run before GLPK: GLPK alone finds no plan
 * for 60 trainees over 10 stations and 36 months within a minute, this
 * local search does in well under a second.
 *
 * A plan is a start month (or none, for an optional station) per trainee
 * and station, only where the trainee's blocks allow it.  Its penalty
 * counts what it breaks: a second place in a trainee's month, a trainee
 * over a station's maximum or under its minimum in a month, and the months
 * a station begins before the first station or the station it comes after
 * has ended.  Trainees are placed one by one (the first station first, then
 * the scarce ones, each at the start that breaks least); then a broken rule
 * is picked at random and one of the places in it moved to its best start,
 * or swapped with another trainee's place at the same station or with
 * another station of the same trainee (min-conflicts, with a short tabu on
 * going back and a little noise).  In a local minimum what is still broken
 * weighs more (breakout); a search that stalls starts afresh.  Only the
 * required stations are asked at first; from the valid plan found, the
 * optional ones are added where they break nothing, then each is asked of
 * as many more trainees as it has room for (fewer when that fails): a plan
 * that reaches that room, or gives everybody every optional station, is
 * optimal. */
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cheur_int.h"

/* Place (t, s) where it breaks least, its predecessor first. */
static void place_best(struct heur *h, int t, int s, int depth)
{
	int a = h->after[s], choice = -1, ties = 0;
	long low = 0;

	if (h->start[t * h->S + s] >= 0)
		return;
	/* The station it comes after, optional or not. */
	if (a >= 0 && depth < h->S)
		place_best(h, t, a, depth + 1);
	for (int q = 0; q + h->len[s] <= h->M; q++) {
		long d;
		if (!cheur_start_ok(h, t, s, q))
			continue;
		d = cheur_add_delta(h, t, s, q);
		if (choice < 0 || d < low) {
			low = d;
			choice = q;
			ties = 1;
		} else if (d == low && cheur_below(h, ++ties) == 0) {
			choice = q;
		}
	}
	cheur_place(h, t, s, choice);
}

/* No place, every weight 1. */
static void reset(struct heur *h)
{
	memset(h->busy, 0, (size_t)h->T * (size_t)h->M * sizeof *h->busy);
	memset(h->occ, 0, (size_t)h->S * (size_t)h->M * sizeof *h->occ);
	memset(h->tabu, 0, (size_t)h->T * (size_t)h->S * (size_t)(h->M + 1) * sizeof *h->tabu);
	for (size_t i = 0; i < (size_t)h->T * (size_t)h->S; i++)
		h->start[i] = -1;
	for (size_t i = 0; i < (size_t)h->T * (size_t)h->M; i++)
		h->w_ovl[i] = 1;
	for (size_t i = 0; i < (size_t)h->S * (size_t)h->M; i++)
		h->w_cap[i] = h->w_min[i] = 1;
	for (int t = 0; t < h->T; t++)
		h->w_ord[t] = 1;
	h->pen = 0;
	for (int s = 0; s < h->S; s++)
		for (int m = 0; m < h->M; m++)
			if (h->minm[m])
				h->pen += h->min[s];
}

static void construct(struct heur *h)
{
	int *order = h->order;
	double *key = h->key;

	reset(h);
	for (int t = 0; t < h->T; t++)
		h->perm[t] = t;
	for (int t = h->T - 1; t > 0; t--) {
		int k = cheur_below(h, t + 1), x = h->perm[t];
		h->perm[t] = h->perm[k];
		h->perm[k] = x;
	}
	for (int i = 0; i < h->T; i++) {
		int t = h->perm[i];
		/* The first station first, then the scarce ones, give or take a
		 * little (insertion sort: few stations). */
		for (int s = 0; s < h->S; s++) {
			int k = s;
			key[s] = h->first[s] ? 1e9 : h->scarce[s] * (0.8 + 0.4 * cheur_below(h, 1000) / 1000.0);
			while (k > 0 && key[order[k - 1]] < key[s]) {
				order[k] = order[k - 1];
				k--;
			}
			order[k] = s;
		}
		for (int k = 0; k < h->S; k++)
			if (h->want[t * h->S + order[k]])
				place_best(h, t, order[k], 0);
	}
}

/* The rules broken (unweighted); with bump, each broken one weighs more
 * from now on.  The weighted penalty is recomputed. */
static long broken(struct heur *h, bool bump)
{
	long n = 0, pen = 0;

	for (int t = 0; t < h->T; t++) {
		int o = cheur_order_pen(h, t);
		for (int m = 0; m < h->M; m++) {
			int x = h->busy[t * h->M + m] - 1;
			if (x > 0) {
				n += x;
				h->w_ovl[t * h->M + m] += bump;
				pen += (long)x * h->w_ovl[t * h->M + m];
			}
		}
		n += o;
		h->w_ord[t] += bump && o > 0;
		pen += (long)o * h->w_ord[t];
	}
	for (int s = 0; s < h->S; s++)
		for (int m = 0; m < h->M; m++) {
			int o = h->occ[s * h->M + m], x = o - h->max[s];
			int y = h->minm[m] ? h->min[s] - o : 0;
			if (x > 0) {
				n += x;
				h->w_cap[s * h->M + m] += bump;
				pen += (long)x * h->w_cap[s * h->M + m];
			}
			if (y > 0) {
				n += y;
				h->w_min[s * h->M + m] += bump;
				pen += (long)y * h->w_min[s * h->M + m];
			}
		}
	h->pen = pen;
	return n;
}

/* Local search from a fresh construction (or from where it stands) until
 * nothing is broken, it stalls, or the deadline. */
static bool search(struct heur *h, double deadline, bool fresh)
{
	long best, low, flat = 0, stall = 0, limit = 20000 + 20L * h->T * h->S;

	if (fresh)
		construct(h);
	low = broken(h, false);
	best = h->pen;
	while (h->pen > 0 && stall < limit) {
		int t = 0, s = 0, cover;
		long before = h->pen;
		if ((++h->iter & 255) == 0 && cplan_seconds() >= deadline)
			return false;
		if (!cheur_pick(h, &t, &s, &cover))
			return false;
		cheur_move(h, t, s, cover, best);
		if (h->pen < best)
			best = h->pen;
		stall++;
		flat = h->pen < before ? 0 : flat + 1;
		if (flat >= 40) {
			/* A local minimum: what is still broken weighs more (breakout). */
			long n = broken(h, true);
			if (n < low) {
				low = n;
				stall = 0;
			}
			best = h->pen;
			flat = 0;
		}
	}
	return h->pen == 0;
}

/* Optional stations where they break nothing (the penalty is 0). */
static void add_optional(struct heur *h)
{
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++) {
			if (h->p->stations[s].required || h->start[t * h->S + s] >= 0)
				continue;
			for (int q = 0; q + h->len[s] <= h->M; q++)
				if (cheur_start_ok(h, t, s, q) && cheur_add_delta(h, t, s, q) == 0) {
					cheur_place(h, t, s, q);
					break;
				}
		}
}

/* Every trainee holds every optional station. */
static bool every_optional(const struct heur *h)
{
	for (size_t i = 0; i < (size_t)h->T * (size_t)h->S; i++)
		if (h->start[i] < 0)
			return false;
	return true;
}

/* The plan kept, or back to it. */
static void restore(struct heur *h, const int *keep, const bool *kwant)
{
	size_t n = (size_t)h->T * (size_t)h->S;

	reset(h);
	memcpy(h->want, kwant, n * sizeof *h->want);
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++)
			cheur_place(h, t, s, keep[(size_t)t * (size_t)h->S + (size_t)s]);
}

/* Ask station s of k more trainees who lack it (at random), until
 * deadline; back to the plan before when that fails. */
static bool ask_more(struct heur *h, int s, int k, double deadline, int *keep, bool *kwant)
{
	size_t n = (size_t)h->T * (size_t)h->S;

	for (int i = 0; i < h->T; i++)
		h->perm[i] = i;
	for (int i = h->T - 1; i > 0; i--) {
		int j = cheur_below(h, i + 1), x = h->perm[i];
		h->perm[i] = h->perm[j];
		h->perm[j] = x;
	}
	for (int i = 0; i < h->T && k > 0; i++) {
		int t = h->perm[i];
		if (h->start[t * h->S + s] >= 0)
			continue;
		h->want[t * h->S + s] = true;
		place_best(h, t, s, 0);
		k--;
	}
	if (search(h, deadline, false)) {
		memcpy(keep, h->start, n * sizeof *keep);
		memcpy(kwant, h->want, n * sizeof *kwant);
		return true;
	}
	restore(h, keep, kwant);
	return false;
}

/* From a valid plan: optional stations where they break nothing, then for
 * each optional station the search asks it of as many more trainees as it
 * has room for (cplan_room), fewer when that fails, until deadline. */
static void more_optional(struct heur *h, double deadline)
{
	size_t n = (size_t)h->T * (size_t)h->S;
	int *keep = malloc(n * sizeof *keep), from = cplan_others_from(h->p), months, longest;
	bool *kwant = malloc(n * sizeof *kwant);

	add_optional(h);
	if (!keep || !kwant)
		goto out;
	for (size_t i = 0; i < n; i++)
		h->want[i] = h->start[i] >= 0;
	memcpy(keep, h->start, n * sizeof *keep);
	memcpy(kwant, h->want, n * sizeof *kwant);
	for (int s = 0; s < h->S; s++) {
		long most = cplan_room(h->p, (size_t)s, h->first[s] ? 0 : from, &months, &longest);
		int have = 0, k;
		if (h->p->stations[s].required)
			continue;
		for (int t = 0; t < h->T; t++)
			have += h->start[t * h->S + s] >= 0;
		k = (int)((most < h->T ? most : h->T) - have);
		while (k > 0 && cplan_seconds() < deadline) {
			double now = cplan_seconds();
			if (ask_more(h, s, k, now + (deadline - now) / 2, keep, kwant))
				break;
			k /= 2;
		}
	}
out:
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++)
			h->want[t * h->S + s] = h->p->stations[s].required;
	free(keep);
	free(kwant);
}

static bool setup(struct heur *h, const struct cohort_problem *p)
{
	size_t T = p->ntrainees, S = p->nstations, M = (size_t)p->months;
	int open = 0;

	memset(h, 0, sizeof *h);
	h->p = p;
	h->T = (int)T;
	h->S = (int)S;
	h->M = (int)M;
	h->seed = 2463534242u;
	h->len = calloc(S + 1, sizeof *h->len);
	h->max = calloc(S + 1, sizeof *h->max);
	h->min = calloc(S + 1, sizeof *h->min);
	h->after = calloc(S + 1, sizeof *h->after);
	h->first = calloc(S + 1, sizeof *h->first);
	h->want = calloc(T * S + 1, sizeof *h->want);
	h->scarce = calloc(S + 1, sizeof *h->scarce);
	h->minm = calloc(M + 1, sizeof *h->minm);
	h->ok = calloc(T * S * M + 1, sizeof *h->ok);
	h->start = calloc(T * S + 1, sizeof *h->start);
	h->busy = calloc(T * M + 1, sizeof *h->busy);
	h->occ = calloc(S * M + 1, sizeof *h->occ);
	h->tabu = calloc(T * S * (M + 1) + 1, sizeof *h->tabu);
	h->perm = calloc(T + 1, sizeof *h->perm);
	h->order = calloc(S + 1, sizeof *h->order);
	h->w_ovl = calloc(T * M + 1, sizeof *h->w_ovl);
	h->w_cap = calloc(S * M + 1, sizeof *h->w_cap);
	h->w_min = calloc(S * M + 1, sizeof *h->w_min);
	h->w_ord = calloc(T + 1, sizeof *h->w_ord);
	h->key = calloc(S + 1, sizeof *h->key);
	if (!h->len || !h->max || !h->min || !h->after || !h->first || !h->want || !h->scarce
	    || !h->minm || !h->ok || !h->start || !h->busy || !h->occ || !h->tabu || !h->perm
	    || !h->order || !h->key || !h->w_ovl || !h->w_cap || !h->w_min || !h->w_ord)
		return false;
	for (int m = 0; m < h->M; m++) {
		h->minm[m] = cplan_min_applies(p, m);
		open += !cplan_cohort_blocked(p, m);
	}
	for (size_t s = 0; s < S; s++) {
		const struct cohort_station_def *d = &p->stations[s];
		h->len[s] = d->months;
		h->max[s] = cplan_max(p, s);
		h->min[s] = d->min;
		h->after[s] = d->after >= 0 && (size_t)d->after < S && (size_t)d->after != s
		              ? d->after : -1;
		h->first[s] = d->first;
		h->scarce[s] = (double)T * d->months / ((double)h->max[s] * (open ? open : 1));
		for (size_t t = 0; t < T; t++)
			for (int q = 0; q < h->M; q++)
				h->ok[(t * S + s) * M + (size_t)q] = cplan_start_ok(p, t, s, q);
	}
	return true;
}

static void teardown(struct heur *h)
{
	free(h->len); free(h->max); free(h->min); free(h->after); free(h->first);
	free(h->want); free(h->scarce); free(h->minm); free(h->ok); free(h->start);
	free(h->busy); free(h->occ); free(h->tabu); free(h->perm);
	free(h->order); free(h->key); free(h->w_ovl); free(h->w_cap); free(h->w_min);
	free(h->w_ord);
}

/* Every wanted station has a start somewhere for every trainee. */
static bool possible(const struct heur *h)
{
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++) {
			bool any = false;
			for (int q = 0; q < h->M && !any && h->want[t * h->S + s]; q++)
				any = cheur_start_ok(h, t, s, q);
			if (h->want[t * h->S + s] && !any)
				return false;
		}
	return true;
}

/* Restarts of the search until a plan or the deadline. */
static bool solve(struct heur *h, double deadline)
{
	if (!possible(h))
		return false;
	while (cplan_seconds() < deadline)
		if (search(h, deadline, true))
			return true;
	return false;
}

enum hop_status cplan_heuristic(const struct cohort_problem *p, double deadline,
                                struct cohort_plan *out, bool *found, bool *all_optional,
                                struct hop_err *err)
{
	struct heur h;
	struct cohort_violation_list l = { 0 };
	bool optional = false, ok = false;
	enum hop_status rc = HOP_OK;

	memset(out, 0, sizeof *out);
	*found = *all_optional = false;
	if (!setup(&h, p)) {
		teardown(&h);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (int s = 0; s < h.S; s++) {
		for (int t = 0; t < h.T; t++)
			h.want[t * h.S + s] = p->stations[s].required;
		optional = optional || !p->stations[s].required;
	}
	ok = h.T == 0 || solve(&h, deadline);
	if (ok && optional && !every_optional(&h))
		more_optional(&h, deadline);
	*all_optional = ok && every_optional(&h);
	for (int t = 0; ok && t < h.T && rc == HOP_OK; t++)
		for (int s = 0; s < h.S && rc == HOP_OK; s++)
			if (h.start[t * h.S + s] >= 0)
				rc = cohort_plan_add(p, out, t, s, h.start[t * h.S + s], h.len[s], err);
	teardown(&h);
	if (rc == HOP_OK && ok)
		rc = cohort_check(p, out, &l, err);
	/* The check has the last word: a plan it faults is no plan. */
	*found = rc == HOP_OK && ok && l.n == 0;
	cohort_violation_list_free(&l);
	if (!*found)
		cohort_plan_free(out);
	return rc;
}
