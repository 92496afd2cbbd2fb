/* What the heuristic's files (cohort_heur.c: construction, search and
 * restarts; cohort_heur_move.c: the penalty and the moves) share. */
#ifndef HOP_CHEUR_INT_H
#define HOP_CHEUR_INT_H

#include <stdbool.h>
#include "cplan_int.h"

struct heur {
	const struct cohort_problem *p;
	int T, S, M;
	int *len, *max, *min, *after; /* per station */
	bool *first;
	bool *want;                   /* t * S + s: must be placed */
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

unsigned cheur_rnd(struct heur *h);
/* A random number in 0 .. n-1. */
int cheur_below(struct heur *h, int n);
/* The months trainee t's stations begin too early (first, after). */
int cheur_order_pen(const struct heur *h, int t);
/* What placing t at s from q adds to the penalty ((t, s) not placed). */
long cheur_add_delta(struct heur *h, int t, int s, int q);
/* Place (q < 0: nothing) and take away (the start it had), penalty kept. */
void cheur_place(struct heur *h, int t, int s, int q);
int cheur_unplace(struct heur *h, int t, int s);
bool cheur_start_ok(const struct heur *h, int t, int s, int q);
/* A broken rule at random, and a place in it to move: (t, s), covering
 * month cover (a station under its minimum) or cover -1. */
bool cheur_pick(struct heur *h, int *t, int *s, int *cover);
/* Move (t, s) as well as can be; best: the lowest penalty so far (a tabu
 * move is taken only below it). */
void cheur_move(struct heur *h, int t, int s, int cover, long best);

#endif
