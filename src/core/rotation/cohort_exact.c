/* The exact method (research 4.3.1 A) for cohorts where only capacity and
 * "every station once" bind: trainees on the left, station seats on the
 * right (a station for c at a time has c seats), each trainee joined to one
 * seat of every station, round robin.  Padded with idle edges to a
 * D-regular bipartite multigraph, it splits into D perfect matchings
 * (König); matching k is period k.  No trainee can do with fewer periods
 * than stations, no seat with fewer than its trainees, so D is the least
 * number of periods on the grid and the plan is as short as it can be. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cplan_int.h"

bool cohort_exact_applies(const struct cohort_problem *p)
{
	int len;

	if (p->nstations == 0 || p->ntrainees == 0)
		return false;
	len = p->stations[0].months;
	for (size_t s = 0; s < p->nstations; s++) {
		const struct cohort_station_def *d = &p->stations[s];
		if (!d->required || d->months != len || d->months < 1 || d->first
		    || d->after >= 0 || d->min > 0)
			return false;
	}
	for (size_t b = 0; b < p->nblocks; b++)
		if (p->blocks[b].trainee >= 0)
			return false;
	return true;
}

/* The bipartite multigraph: left 0..n-1, right 0..n-1, edge e from eu[e] to
 * ev[e]; station[e] is the station of a seat, -1 for an idle edge. */
struct graph {
	int n, d, ne;
	int *eu, *ev, *station;
	bool *dead;
	int *adj, *adj_at;       /* the left nodes' edges, CSR */
	int *mate_l, *mate_r;    /* matched edge of a left node, left node of a right one */
	int *dist, *queue, *it;
};

static void graph_free(struct graph *g)
{
	free(g->eu); free(g->ev); free(g->station); free(g->dead);
	free(g->adj); free(g->adj_at); free(g->mate_l); free(g->mate_r);
	free(g->dist); free(g->queue); free(g->it);
}

static bool bfs(struct graph *g)
{
	int head = 0, tail = 0;
	bool found = false;

	for (int u = 0; u < g->n; u++) {
		if (g->mate_l[u] < 0) {
			g->dist[u] = 0;
			g->queue[tail++] = u;
		} else {
			g->dist[u] = -1;
		}
	}
	while (head < tail) {
		int u = g->queue[head++];
		for (int k = g->adj_at[u]; k < g->adj_at[u + 1]; k++) {
			int e = g->adj[k], w;
			if (g->dead[e])
				continue;
			w = g->mate_r[g->ev[e]];
			if (w < 0)
				found = true;
			else if (g->dist[w] < 0) {
				g->dist[w] = g->dist[u] + 1;
				g->queue[tail++] = w;
			}
		}
	}
	return found;
}

static bool dfs(struct graph *g, int u)
{
	for (; g->it[u] < g->adj_at[u + 1]; g->it[u]++) {
		int e = g->adj[g->it[u]], v, w;
		if (g->dead[e])
			continue;
		v = g->ev[e];
		w = g->mate_r[v];
		if (w < 0 || (g->dist[w] == g->dist[u] + 1 && dfs(g, w))) {
			g->mate_l[u] = e;
			g->mate_r[v] = u;
			g->it[u]++;
			return true;
		}
	}
	g->dist[u] = -1;
	return false;
}

/* Hopcroft-Karp over the live edges; true when the matching is perfect. */
static bool perfect_matching(struct graph *g)
{
	int size = 0;

	for (int i = 0; i < g->n; i++)
		g->mate_l[i] = g->mate_r[i] = -1;
	while (bfs(g)) {
		for (int u = 0; u < g->n; u++)
			g->it[u] = g->adj_at[u];
		for (int u = 0; u < g->n; u++)
			if (g->mate_l[u] < 0 && dfs(g, u))
				size++;
	}
	return size == g->n;
}

static bool graph_build(const struct cohort_problem *p, struct graph *g)
{
	int T = (int)p->ntrainees, S = (int)p->nstations, R = 0, n, d = S, e = 0;
	int *base = calloc((size_t)S + 1, sizeof *base), *ldef, *rdef, *rdeg;
	bool ok = false;

	memset(g, 0, sizeof *g);
	if (!base)
		return false;
	for (int s = 0; s < S; s++) {
		int c = cplan_max(p, (size_t)s);
		if (c > T)
			c = T;
		base[s] = R;
		R += c;
		/* A seat's degree: its share of the trainees, rounded up. */
		if ((T + c - 1) / c > d)
			d = (T + c - 1) / c;
	}
	base[S] = R;
	n = T > R ? T : R;
	g->n = n;
	g->d = d;
	g->ne = n * d;
	g->eu = malloc((size_t)g->ne * sizeof *g->eu);
	g->ev = malloc((size_t)g->ne * sizeof *g->ev);
	g->station = malloc((size_t)g->ne * sizeof *g->station);
	g->dead = calloc((size_t)g->ne, sizeof *g->dead);
	g->adj = malloc((size_t)g->ne * sizeof *g->adj);
	g->adj_at = calloc((size_t)n + 1, sizeof *g->adj_at);
	g->mate_l = malloc((size_t)n * sizeof *g->mate_l);
	g->mate_r = malloc((size_t)n * sizeof *g->mate_r);
	g->dist = malloc((size_t)n * sizeof *g->dist);
	g->queue = malloc((size_t)n * sizeof *g->queue);
	g->it = malloc((size_t)n * sizeof *g->it);
	ldef = calloc((size_t)n, sizeof *ldef);
	rdef = calloc((size_t)n, sizeof *rdef);
	rdeg = calloc((size_t)n, sizeof *rdeg);
	if (!g->eu || !g->ev || !g->station || !g->dead || !g->adj || !g->adj_at || !g->mate_l
	    || !g->mate_r || !g->dist || !g->queue || !g->it || !ldef || !rdef || !rdeg)
		goto out;
	for (int t = 0; t < T; t++)
		for (int s = 0; s < S; s++) {
			int c = base[s + 1] - base[s];
			g->eu[e] = t;
			g->ev[e] = base[s] + t % c;
			g->station[e] = s;
			rdeg[g->ev[e]]++;
			e++;
		}
	for (int i = 0; i < n; i++) {
		ldef[i] = d - (i < T ? S : 0);
		rdef[i] = d - rdeg[i];
	}
	/* Both sides miss n * d - T * S edge ends: pair them off with idle edges. */
	for (int l = 0, r = 0; l < n; l++)
		while (ldef[l] > 0) {
			while (rdef[r] == 0)
				r++;
			g->eu[e] = l;
			g->ev[e] = r;
			g->station[e] = -1;
			ldef[l]--;
			rdef[r]--;
			e++;
		}
	for (int k = 0; k < e; k++)
		g->adj_at[g->eu[k] + 1]++;
	for (int i = 0; i < n; i++)
		g->adj_at[i + 1] += g->adj_at[i];
	memcpy(g->it, g->adj_at, (size_t)n * sizeof *g->it);
	for (int k = 0; k < e; k++)
		g->adj[g->it[g->eu[k]]++] = k;
	ok = e == g->ne;
out:
	free(base);
	free(ldef);
	free(rdef);
	free(rdeg);
	if (!ok)
		graph_free(g);
	return ok;
}

/* The periods: each stretch of months free of cohort-wide blocks cut into
 * pieces of len months; their first months into starts (at most max). */
static int periods(const struct cohort_problem *p, int len, int *starts, int max)
{
	int n = 0, run = 0;

	for (int m = 0; m <= p->months; m++) {
		if (m < p->months && !cplan_cohort_blocked(p, m)) {
			run++;
			continue;
		}
		for (int k = 0; k + len <= run; k += len)
			if (n < max)
				starts[n++] = m - run + k;
		run = 0;
	}
	return n;
}

enum hop_status cohort_solve_exact(const struct cohort_problem *p, struct cohort_plan *out,
                                   struct cohort_solve_result *res, struct hop_err *err)
{
	double t0 = cplan_seconds();
	struct graph g;
	int *starts, np, len;
	enum hop_status rc = HOP_OK;

	memset(res, 0, sizeof *res);
	memset(out, 0, sizeof *out);
	res->method = COHORT_EXACT;
	res->outcome = COHORT_UNKNOWN;
	if (!cohort_exact_applies(p))
		return hop_fail(err, HOP_EINVAL, _("the exact method needs required stations of "
		                "one length and no order, minimum or personal block"));
	len = p->stations[0].months;
	starts = malloc(((size_t)p->months + 1) * sizeof *starts);
	if (!starts)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	np = periods(p, len, starts, p->months + 1);
	if (!graph_build(p, &g)) {
		free(starts);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	if (g.d > np) {
		snprintf(res->why, sizeof res->why, _("the plan needs %d periods of %d months, and "
		         "the months free of the cohort's blocks hold %d"), g.d, len, np);
		goto done;
	}
	for (int k = 0; k < g.d && rc == HOP_OK; k++) {
		if (!perfect_matching(&g)) {
			/* Cannot happen in a regular graph (König); say so rather than
			 * return a partial plan. */
			rc = hop_fail(err, HOP_EINVAL, _("the exact method found no perfect "
			              "matching"));
			break;
		}
		for (int u = 0; u < g.n && rc == HOP_OK; u++) {
			int e = g.mate_l[u];
			g.dead[e] = true;
			if (u < (int)p->ntrainees && g.station[e] >= 0)
				rc = cohort_plan_add(p, out, u, g.station[e], starts[k], len, err);
		}
	}
	if (rc == HOP_OK) {
		res->outcome = COHORT_OPTIMAL;
		res->months_used = cplan_months_used(out);
	} else {
		cohort_plan_free(out);
	}
done:
	graph_free(&g);
	free(starts);
	res->seconds = cplan_seconds() - t0;
	return rc;
}
