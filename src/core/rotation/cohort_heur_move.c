/* The heuristic's penalty and moves (cheur_int.h): what a place adds to
 * the rules broken, and the moves of the local search: a place to another
 * start, two trainees' places at a station swapped, two stations of a
 * trainee swapped. */
#include <string.h>

#include "cheur_int.h"

unsigned cheur_rnd(struct heur *h)
{
	h->seed ^= h->seed << 13;
	h->seed ^= h->seed >> 17;
	h->seed ^= h->seed << 5;
	return h->seed;
}

int cheur_below(struct heur *h, int n)
{
	return n > 0 ? (int)(cheur_rnd(h) % (unsigned)n) : 0;
}

/* The months trainee t's stations begin too early (first, after). */
int cheur_order_pen(const struct heur *h, int t)
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
long cheur_add_delta(struct heur *h, int t, int s, int q)
{
	int *bt = &h->busy[t * h->M], *os = &h->occ[s * h->M];
	const int *wo = &h->w_ovl[t * h->M], *wc = &h->w_cap[s * h->M], *wm = &h->w_min[s * h->M];
	long d = 0;
	int before = cheur_order_pen(h, t);

	for (int m = q; m < q + h->len[s]; m++) {
		d += bt[m] > 0 ? wo[m] : 0;
		d += os[m] >= h->max[s] ? wc[m] : 0;
		d -= h->minm[m] && os[m] < h->min[s] ? wm[m] : 0;
	}
	h->start[t * h->S + s] = q;
	d += (long)(cheur_order_pen(h, t) - before) * h->w_ord[t];
	h->start[t * h->S + s] = -1;
	return d;
}

void cheur_place(struct heur *h, int t, int s, int q)
{
	if (q < 0)
		return;
	h->pen += cheur_add_delta(h, t, s, q);
	for (int m = q; m < q + h->len[s]; m++) {
		h->busy[t * h->M + m]++;
		h->occ[s * h->M + m]++;
	}
	h->start[t * h->S + s] = q;
}

int cheur_unplace(struct heur *h, int t, int s)
{
	int q = h->start[t * h->S + s];

	if (q < 0)
		return q;
	for (int m = q; m < q + h->len[s]; m++) {
		h->busy[t * h->M + m]--;
		h->occ[s * h->M + m]--;
	}
	h->start[t * h->S + s] = -1;
	h->pen -= cheur_add_delta(h, t, s, q);
	return q;
}

static long *tabu_at(struct heur *h, int t, int s, int q)
{
	return &h->tabu[((size_t)t * (size_t)h->S + (size_t)s) * (size_t)(h->M + 1)
	                + (size_t)(q + 1)];
}

bool cheur_start_ok(const struct heur *h, int t, int s, int q)
{
	return h->ok[((size_t)t * (size_t)h->S + (size_t)s) * (size_t)h->M + (size_t)q];
}

/* A move: (t, s) to start q (kind 0), swapping starts at s with trainee
 * u (kind 1), or swapping places with t's station u (kind 2). */
struct mv { int kind, t, s, q, u; };

/* The new starts of a swap within trainee t: the later of the two ends
 * where the later one ended. */
static bool swap_starts(const struct heur *h, int t, int s, int u, int *qs, int *qu)
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
	       && cheur_start_ok(h, t, s, *qs) && cheur_start_ok(h, t, u, *qu);
}

/* Apply a move; its inverse is returned in *back. */
static void apply(struct heur *h, const struct mv *m, struct mv *back)
{
	int qs, qu, a, b;

	*back = *m;
	switch (m->kind) {
	case 0:
		back->q = cheur_unplace(h, m->t, m->s);
		cheur_place(h, m->t, m->s, m->q);
		break;
	case 1:
		a = cheur_unplace(h, m->t, m->s);
		b = cheur_unplace(h, m->u, m->s);
		cheur_place(h, m->t, m->s, b);
		cheur_place(h, m->u, m->s, a);
		break;
	default:
		swap_starts(h, m->t, m->s, m->u, &qs, &qu);
		cheur_unplace(h, m->t, m->s);
		cheur_unplace(h, m->t, m->u);
		cheur_place(h, m->t, m->s, qs);
		cheur_place(h, m->t, m->u, qu);
		back->kind = 3;
		back->q = qs;
		break;
	}
}

static void undo(struct heur *h, const struct mv *back, int old_s, int old_u)
{
	if (back->kind != 3) {
		struct mv ignore;
		apply(h, back, &ignore);
		return;
	}
	cheur_unplace(h, back->t, back->s);
	cheur_unplace(h, back->t, back->u);
	cheur_place(h, back->t, back->s, old_s);
	cheur_place(h, back->t, back->u, old_u);
}

/* Is the move's result tabu?  (Its new starts were left lately.) */
static bool tabu_move(struct heur *h, const struct mv *m)
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
static long try_move(struct heur *h, const struct mv *m)
{
	struct mv back;
	int os = h->start[m->t * h->S + m->s], ou = m->kind == 2 ? h->start[m->t * h->S + m->u] : 0;
	long pen;

	apply(h, m, &back);
	pen = h->pen;
	undo(h, &back, os, ou);
	return pen;
}

static void keep(struct heur *h, const struct mv *m, long pen, struct mv *best_mv,
                 long *low, int *ties)
{
	if (*ties == 0 || pen < *low) {
		*low = pen;
		*best_mv = *m;
		*ties = 1;
	} else if (pen == *low && cheur_below(h, ++*ties) == 0) {
		*best_mv = *m;
	}
}

/* Move (t, s) to its best start (covering month cover when cover >= 0), or
 * swap it with another trainee's place at s or another of t's stations,
 * whichever breaks least; tabu results only when they beat the best
 * penalty so far (best); now and then a random start instead. */
void cheur_move(struct heur *h, int t, int s, int cover, long best)
{
	int old = cheur_unplace(h, t, s), ties = 0;
	long low = 0;
	bool noise = cheur_below(h, 100) < 3;
	struct mv m = { 0, t, s, old, -1 }, choice = m, back;

	for (int q = h->want[t * h->S + s] || cover >= 0 ? 0 : -1; q + h->len[s] <= h->M; q++) {
		long pen;
		if (q == old || (q >= 0 && !cheur_start_ok(h, t, s, q)))
			continue;
		if (cover >= 0 && (q > cover || q + h->len[s] <= cover))
			continue;
		m.q = q;
		pen = h->pen + (q < 0 ? 0 : cheur_add_delta(h, t, s, q));
		if (tabu_move(h, &m) && pen >= best)
			continue;
		keep(h, &m, noise ? 0 : pen, &choice, &low, &ties);
	}
	cheur_place(h, t, s, old);
	if (cover < 0 && !noise && old >= 0) {
		for (int u = 0; u < h->T; u++) {
			int qu = h->start[u * h->S + s];
			long pen;
			m = (struct mv){ 1, t, s, -1, u };
			if (u == t || qu < 0 || qu == old || !cheur_start_ok(h, t, s, qu)
			    || !cheur_start_ok(h, u, s, old))
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
		*tabu_at(h, t, s, old) = h->iter + 4 + cheur_below(h, 8);
	} else if (choice.kind == 1) {
		int qu = h->start[choice.u * h->S + s];
		apply(h, &choice, &back);
		*tabu_at(h, t, s, old) = h->iter + 4 + cheur_below(h, 8);
		*tabu_at(h, choice.u, s, qu) = h->iter + 4 + cheur_below(h, 8);
	} else {
		int ou = h->start[t * h->S + choice.u];
		apply(h, &choice, &back);
		*tabu_at(h, t, s, old) = h->iter + 4 + cheur_below(h, 8);
		*tabu_at(h, t, choice.u, ou) = h->iter + 4 + cheur_below(h, 8);
	}
}

/* A broken rule at random (reservoir sampling), and a place in it to move. */
bool cheur_pick(struct heur *h, int *vt, int *vs, int *cover)
{
	int n = 0, kind = -1, a = 0, b = 0;

	for (int t = 0; t < h->T; t++)
		for (int m = 0; m < h->M; m++)
			if (h->busy[t * h->M + m] > 1 && cheur_below(h, ++n) == 0)
				kind = 0, a = t, b = m;
	for (int s = 0; s < h->S; s++)
		for (int m = 0; m < h->M; m++) {
			int o = h->occ[s * h->M + m];
			if ((o > h->max[s] || (h->minm[m] && o < h->min[s])) && cheur_below(h, ++n) == 0)
				kind = 1, a = s, b = m;
		}
	for (int t = 0; t < h->T; t++)
		if (cheur_order_pen(h, t) > 0 && cheur_below(h, ++n) == 0)
			kind = 2, a = t;
	*cover = -1;
	if (kind == 0) {
		/* One of trainee a's places in month b. */
		int k = 0;
		for (int s = 0; s < h->S; s++) {
			int q = h->start[a * h->S + s];
			if (q >= 0 && q <= b && b < q + h->len[s] && cheur_below(h, ++k) == 0)
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
			if (in != under && cheur_below(h, ++k) == 0)
				*vt = t, *vs = a;
		}
		if (under)
			*cover = b;
		return k > 0;
	}
	if (kind == 2) {
		/* Any placed station of trainee a, or one missing before a placed
		 * one (an optional station that another comes after): moving or
		 * placing the right one mends it. */
		int k = 0;
		for (int s = 0; s < h->S; s++) {
			bool in = h->start[a * h->S + s] >= 0;
			for (int x = 0; x < h->S && !in; x++)
				in = h->after[x] == s && h->start[a * h->S + x] >= 0;
			if (in && cheur_below(h, ++k) == 0)
				*vt = a, *vs = s;
		}
		return k > 0;
	}
	return false;
}
