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
 * weighs more (breakout); a search that stalls starts afresh.  First every
 * optional station is asked of every trainee (such a plan is optimal), then
 * only the required ones, the optional ones added afterwards where they
 * break nothing. */
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cplan_int.h"

struct hs {
	const struct cohort_problem *p;
	int T, S, M;
	int *len, *max, *min, *after; /* per station */
	bool *first, *want;           /* want: must be placed */
	double *scarce;
	bool *minm;                   /* per month: the minimum holds */
	bool *ok;                     /* (t * S + s) * M + q: t may begin s in q */
	int *start;                   /* t * S + s: start month, -1 none */
	int *busy;                    /* t * M + m: places of t in m */
	int *occ;                     /* s * M + m: trainees at s in m */
	long *tabu;                   /* ((t * S + s) * (M + 1) + q + 1): until when */
	int *w_ovl, *w_cap, *w_min;   /* weights: t * M + m, s * M + m, s * M + m */
	int *w_ord;                   /* per trainee */
	int *perm, *order;
	double *key;
	long pen, iter;
	unsigned seed;
};

static unsigned rnd(struct hs *h)
{
	h->seed ^= h->seed << 13;
	h->seed ^= h->seed >> 17;
	h->seed ^= h->seed << 5;
	return h->seed;
}

static int below(struct hs *h, int n)
{
	return n > 0 ? (int)(rnd(h) % (unsigned)n) : 0;
}

/* The months trainee t's stations begin too early (first, after). */
static int order_pen(const struct hs *h, int t)
{
	const int *st = &h->start[t * h->S];
	int pen = 0;

	for (int f = 0; f < h->S; f++) {
		if (!h->first[f] || st[f] < 0)
			continue;
		for (int s = 0; s < h->S; s++)
			if (s != f && st[s] >= 0 && st[f] + h->len[f] > st[s])
				pen += st[f] + h->len[f] - st[s];
	}
	for (int s = 0; s < h->S; s++) {
		int a = h->after[s];
		if (a < 0 || st[s] < 0)
			continue;
		if (st[a] < 0)
			pen += h->len[a] + 1;
		else if (st[a] + h->len[a] > st[s])
			pen += st[a] + h->len[a] - st[s];
	}
	return pen;
}

/* What placing t at s from q adds to the penalty ((t, s) not placed). */
static long add_delta(struct hs *h, int t, int s, int q)
{
	int *bt = &h->busy[t * h->M], *os = &h->occ[s * h->M];
	const int *wo = &h->w_ovl[t * h->M], *wc = &h->w_cap[s * h->M], *wm = &h->w_min[s * h->M];
	long d = 0;
	int before = order_pen(h, t);

	for (int m = q; m < q + h->len[s]; m++) {
		d += bt[m] > 0 ? wo[m] : 0;
		d += os[m] >= h->max[s] ? wc[m] : 0;
		d -= h->minm[m] && os[m] < h->min[s] ? wm[m] : 0;
	}
	h->start[t * h->S + s] = q;
	d += (long)(order_pen(h, t) - before) * h->w_ord[t];
	h->start[t * h->S + s] = -1;
	return d;
}

static void place(struct hs *h, int t, int s, int q)
{
	if (q < 0)
		return;
	h->pen += add_delta(h, t, s, q);
	for (int m = q; m < q + h->len[s]; m++) {
		h->busy[t * h->M + m]++;
		h->occ[s * h->M + m]++;
	}
	h->start[t * h->S + s] = q;
}

static int unplace(struct hs *h, int t, int s)
{
	int q = h->start[t * h->S + s];

	if (q < 0)
		return q;
	for (int m = q; m < q + h->len[s]; m++) {
		h->busy[t * h->M + m]--;
		h->occ[s * h->M + m]--;
	}
	h->start[t * h->S + s] = -1;
	h->pen -= add_delta(h, t, s, q);
	return q;
}

static long *tabu_at(struct hs *h, int t, int s, int q)
{
	return &h->tabu[((size_t)t * (size_t)h->S + (size_t)s) * (size_t)(h->M + 1)
	                + (size_t)(q + 1)];
}

static bool start_ok(const struct hs *h, int t, int s, int q)
{
	return h->ok[((size_t)t * (size_t)h->S + (size_t)s) * (size_t)h->M + (size_t)q];
}

/* A move: (t, s) to start q (kind 0), swapping starts at s with trainee
 * u (kind 1), or swapping places with t's station u (kind 2). */
struct mv { int kind, t, s, q, u; };

/* The new starts of a swap within trainee t: the later of the two ends
 * where the later one ended. */
static bool swap_starts(const struct hs *h, int t, int s, int u, int *qs, int *qu)
{
	int a = h->start[t * h->S + s], b = h->start[t * h->S + u];

	if (a < b) {
		*qu = a;
		*qs = b + h->len[u] - h->len[s];
	} else {
		*qs = b;
		*qu = a + h->len[s] - h->len[u];
	}
	return *qs >= 0 && *qu >= 0 && *qs + h->len[s] <= h->M && *qu + h->len[u] <= h->M
	       && start_ok(h, t, s, *qs) && start_ok(h, t, u, *qu);
}

/* Apply a move; its inverse is returned in *back. */
static void apply(struct hs *h, const struct mv *m, struct mv *back)
{
	int qs, qu, a, b;

	*back = *m;
	switch (m->kind) {
	case 0:
		back->q = unplace(h, m->t, m->s);
		place(h, m->t, m->s, m->q);
		break;
	case 1:
		a = unplace(h, m->t, m->s);
		b = unplace(h, m->u, m->s);
		place(h, m->t, m->s, b);
		place(h, m->u, m->s, a);
		break;
	default:
		swap_starts(h, m->t, m->s, m->u, &qs, &qu);
		unplace(h, m->t, m->s);
		unplace(h, m->t, m->u);
		place(h, m->t, m->s, qs);
		place(h, m->t, m->u, qu);
		back->kind = 3;
		back->q = qs;
		break;
	}
}

static void undo(struct hs *h, const struct mv *back, int old_s, int old_u)
{
	if (back->kind != 3) {
		struct mv ignore;
		apply(h, back, &ignore);
		return;
	}
	unplace(h, back->t, back->s);
	unplace(h, back->t, back->u);
	place(h, back->t, back->s, old_s);
	place(h, back->t, back->u, old_u);
}

/* Is the move's result tabu?  (Its new starts were left lately.) */
static bool tabu_move(struct hs *h, const struct mv *m)
{
	int qs, qu;

	if (m->kind == 0)
		return *tabu_at(h, m->t, m->s, m->q) > h->iter;
	if (m->kind == 1)
		return *tabu_at(h, m->t, m->s, h->start[m->u * h->S + m->s]) > h->iter
		       || *tabu_at(h, m->u, m->s, h->start[m->t * h->S + m->s]) > h->iter;
	swap_starts(h, m->t, m->s, m->u, &qs, &qu);
	return *tabu_at(h, m->t, m->s, qs) > h->iter || *tabu_at(h, m->t, m->u, qu) > h->iter;
}

/* The penalty after a compound move (applied and undone). */
static long try_move(struct hs *h, const struct mv *m)
{
	struct mv back;
	int os = h->start[m->t * h->S + m->s], ou = m->kind == 2 ? h->start[m->t * h->S + m->u] : 0;
	long pen;

	apply(h, m, &back);
	pen = h->pen;
	undo(h, &back, os, ou);
	return pen;
}

static void keep(struct hs *h, const struct mv *m, long pen, struct mv *best_mv,
                 long *low, int *ties)
{
	if (*ties == 0 || pen < *low) {
		*low = pen;
		*best_mv = *m;
		*ties = 1;
	} else if (pen == *low && below(h, ++*ties) == 0) {
		*best_mv = *m;
	}
}

/* Move (t, s) to its best start (covering month cover when cover >= 0), or
 * swap it with another trainee's place at s or another of t's stations,
 * whichever breaks least; tabu results only when they beat the best
 * penalty so far (best); now and then a random start instead. */
static void move(struct hs *h, int t, int s, int cover, long best)
{
	int old = unplace(h, t, s), ties = 0;
	long low = 0;
	bool noise = below(h, 100) < 3;
	struct mv m = { 0, t, s, old, -1 }, choice = m, back;

	for (int q = h->want[s] || cover >= 0 ? 0 : -1; q + h->len[s] <= h->M; q++) {
		long pen;
		if (q == old || (q >= 0 && !start_ok(h, t, s, q)))
			continue;
		if (cover >= 0 && (q > cover || q + h->len[s] <= cover))
			continue;
		m.q = q;
		pen = h->pen + (q < 0 ? 0 : add_delta(h, t, s, q));
		if (tabu_move(h, &m) && pen >= best)
			continue;
		keep(h, &m, noise ? 0 : pen, &choice, &low, &ties);
	}
	place(h, t, s, old);
	if (cover < 0 && !noise && old >= 0) {
		for (int u = 0; u < h->T; u++) {
			int qu = h->start[u * h->S + s];
			long pen;
			m = (struct mv){ 1, t, s, -1, u };
			if (u == t || qu < 0 || qu == old || !start_ok(h, t, s, qu)
			    || !start_ok(h, u, s, old))
				continue;
			pen = try_move(h, &m);
			if (!tabu_move(h, &m) || pen < best)
				keep(h, &m, pen, &choice, &low, &ties);
		}
		for (int u = 0; u < h->S; u++) {
			int qs, qu;
			long pen;
			m = (struct mv){ 2, t, s, -1, u };
			if (u == s || h->start[t * h->S + u] < 0 || !swap_starts(h, t, s, u, &qs, &qu))
				continue;
			pen = try_move(h, &m);
			if (!tabu_move(h, &m) || pen < best)
				keep(h, &m, pen, &choice, &low, &ties);
		}
	}
	if (ties == 0)
		return;
	if (choice.kind == 0) {
		apply(h, &choice, &back);
		*tabu_at(h, t, s, old) = h->iter + 4 + below(h, 8);
	} else if (choice.kind == 1) {
		int qu = h->start[choice.u * h->S + s];
		apply(h, &choice, &back);
		*tabu_at(h, t, s, old) = h->iter + 4 + below(h, 8);
		*tabu_at(h, choice.u, s, qu) = h->iter + 4 + below(h, 8);
	} else {
		int ou = h->start[t * h->S + choice.u];
		apply(h, &choice, &back);
		*tabu_at(h, t, s, old) = h->iter + 4 + below(h, 8);
		*tabu_at(h, t, choice.u, ou) = h->iter + 4 + below(h, 8);
	}
}

/* A broken rule at random (reservoir sampling), and a place in it to move. */
static bool pick(struct hs *h, int *vt, int *vs, int *cover)
{
	int n = 0, kind = -1, a = 0, b = 0;

	for (int t = 0; t < h->T; t++)
		for (int m = 0; m < h->M; m++)
			if (h->busy[t * h->M + m] > 1 && below(h, ++n) == 0)
				kind = 0, a = t, b = m;
	for (int s = 0; s < h->S; s++)
		for (int m = 0; m < h->M; m++) {
			int o = h->occ[s * h->M + m];
			if ((o > h->max[s] || (h->minm[m] && o < h->min[s])) && below(h, ++n) == 0)
				kind = 1, a = s, b = m;
		}
	for (int t = 0; t < h->T; t++)
		if (order_pen(h, t) > 0 && below(h, ++n) == 0)
			kind = 2, a = t;
	*cover = -1;
	if (kind == 0) {
		/* One of trainee a's places in month b. */
		int k = 0;
		for (int s = 0; s < h->S; s++) {
			int q = h->start[a * h->S + s];
			if (q >= 0 && q <= b && b < q + h->len[s] && below(h, ++k) == 0)
				*vt = a, *vs = s;
		}
		return k > 0;
	}
	if (kind == 1) {
		int k = 0, o = h->occ[a * h->M + b];
		bool under = o < h->min[a];
		for (int t = 0; t < h->T; t++) {
			int q = h->start[t * h->S + a];
			bool in = q >= 0 && q <= b && b < q + h->len[a];
			if (in != under && below(h, ++k) == 0)
				*vt = t, *vs = a;
		}
		if (under)
			*cover = b;
		return k > 0;
	}
	if (kind == 2) {
		/* Any placed station of trainee a: moving the right one mends it. */
		int k = 0;
		for (int s = 0; s < h->S; s++)
			if (h->start[a * h->S + s] >= 0 && below(h, ++k) == 0)
				*vt = a, *vs = s;
		return k > 0;
	}
	return false;
}

/* Place (t, s) where it breaks least, its predecessor first. */
static void place_best(struct hs *h, int t, int s, int depth)
{
	int a = h->after[s], choice = -1, ties = 0;
	long low = 0;

	if (h->start[t * h->S + s] >= 0)
		return;
	if (a >= 0 && h->want[a] && depth < h->S)
		place_best(h, t, a, depth + 1);
	for (int q = 0; q + h->len[s] <= h->M; q++) {
		long d;
		if (!start_ok(h, t, s, q))
			continue;
		d = add_delta(h, t, s, q);
		if (choice < 0 || d < low) {
			low = d;
			choice = q;
			ties = 1;
		} else if (d == low && below(h, ++ties) == 0) {
			choice = q;
		}
	}
	place(h, t, s, choice);
}

/* No place, every weight 1. */
static void reset(struct hs *h)
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

static void construct(struct hs *h)
{
	int *order = h->order;
	double *key = h->key;

	reset(h);
	for (int t = 0; t < h->T; t++)
		h->perm[t] = t;
	for (int t = h->T - 1; t > 0; t--) {
		int k = below(h, t + 1), x = h->perm[t];
		h->perm[t] = h->perm[k];
		h->perm[k] = x;
	}
	for (int i = 0; i < h->T; i++) {
		int t = h->perm[i];
		/* The first station first, then the scarce ones, give or take a
		 * little (insertion sort: few stations). */
		for (int s = 0; s < h->S; s++) {
			int k = s;
			key[s] = h->first[s] ? 1e9 : h->scarce[s] * (0.8 + 0.4 * below(h, 1000) / 1000.0);
			while (k > 0 && key[order[k - 1]] < key[s]) {
				order[k] = order[k - 1];
				k--;
			}
			order[k] = s;
		}
		for (int k = 0; k < h->S; k++)
			if (h->want[order[k]])
				place_best(h, t, order[k], 0);
	}
}

/* The rules broken (unweighted); with bump, each broken one weighs more
 * from now on.  The weighted penalty is recomputed. */
static long broken(struct hs *h, bool bump)
{
	long n = 0, pen = 0;

	for (int t = 0; t < h->T; t++) {
		int o = order_pen(h, t);
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
static bool search(struct hs *h, double deadline, bool fresh)
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
		if (!pick(h, &t, &s, &cover))
			return false;
		move(h, t, s, cover, best);
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
static void add_optional(struct hs *h)
{
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++) {
			if (h->p->stations[s].required || h->start[t * h->S + s] >= 0)
				continue;
			for (int q = 0; q + h->len[s] <= h->M; q++)
				if (start_ok(h, t, s, q) && add_delta(h, t, s, q) == 0) {
					place(h, t, s, q);
					break;
				}
		}
}

/* Every trainee holds every optional station. */
static bool every_optional(const struct hs *h)
{
	for (size_t i = 0; i < (size_t)h->T * (size_t)h->S; i++)
		if (h->start[i] < 0)
			return false;
	return true;
}

/* From a valid plan: optional stations where they break nothing, then the
 * search asks every optional station of everybody until deadline; back to
 * the valid plan (with the optional ones that fitted) when that fails. */
static bool more_optional(struct hs *h, double deadline)
{
	size_t n = (size_t)h->T * (size_t)h->S;
	int *keep;

	add_optional(h);
	if (every_optional(h))
		return true;
	keep = malloc(n * sizeof *keep);
	if (!keep)
		return true;
	memcpy(keep, h->start, n * sizeof *keep);
	for (int s = 0; s < h->S; s++)
		h->want[s] = true;
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++)
			place_best(h, t, s, 0);
	if (!search(h, deadline, false)) {
		reset(h);
		for (int t = 0; t < h->T; t++)
			for (int s = 0; s < h->S; s++)
				place(h, t, s, keep[(size_t)t * (size_t)h->S + (size_t)s]);
	}
	for (int s = 0; s < h->S; s++)
		h->want[s] = h->p->stations[s].required;
	free(keep);
	return true;
}

static bool setup(struct hs *h, const struct cohort_problem *p)
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
	h->want = calloc(S + 1, sizeof *h->want);
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

static void teardown(struct hs *h)
{
	free(h->len); free(h->max); free(h->min); free(h->after); free(h->first);
	free(h->want); free(h->scarce); free(h->minm); free(h->ok); free(h->start);
	free(h->busy); free(h->occ); free(h->tabu); free(h->perm);
	free(h->order); free(h->key); free(h->w_ovl); free(h->w_cap); free(h->w_min);
	free(h->w_ord);
}

/* Every wanted station has a start somewhere for every trainee. */
static bool possible(const struct hs *h)
{
	for (int t = 0; t < h->T; t++)
		for (int s = 0; s < h->S; s++) {
			bool any = false;
			for (int q = 0; q < h->M && !any && h->want[s]; q++)
				any = start_ok(h, t, s, q);
			if (h->want[s] && !any)
				return false;
		}
	return true;
}

/* Restarts of the search until a plan or the deadline. */
static bool solve(struct hs *h, double deadline)
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
	struct hs h;
	struct cohort_violation_list l = { 0 };
	bool optional = false, ok = false;
	enum hop_status rc = HOP_OK;
	double now = cplan_seconds();

	memset(out, 0, sizeof *out);
	*found = *all_optional = false;
	if (!setup(&h, p)) {
		teardown(&h);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	for (int s = 0; s < h.S; s++) {
		h.want[s] = p->stations[s].required;
		optional = optional || !p->stations[s].required;
	}
	ok = h.T == 0 || solve(&h, deadline);
	if (ok && optional && !every_optional(&h))
		ok = more_optional(&h, now + (deadline - now) / 2);
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
