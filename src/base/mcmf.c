/* Minimum-cost flow by successive shortest paths (see mcmf.h).  Arcs are
 * stored in pairs, the forward arc at an even index and its residual at the
 * next, so that arc ^ 1 is the other of the pair. */
#include <limits.h>
#include <stdlib.h>

#include "hop/base/vec.h"
#include "hop/base/mcmf.h"

struct arc {
	int to, next;          /* head, and the next arc out of the same tail */
	int cap;               /* what is left */
	long cost;
};

struct mcf {
	int n;
	int *head;             /* first arc out of each node, -1 = none */
	struct arc *a;
	size_t na, cap;
	int *orig;             /* the capacity each forward arc was given */
	size_t norig;
};

struct mcf *mcf_new(int nodes)
{
	struct mcf *g = calloc(1, sizeof *g);

	if (!g)
		return NULL;
	g->n = nodes;
	g->head = malloc((size_t)(nodes > 0 ? nodes : 1) * sizeof *g->head);
	if (!g->head) {
		free(g);
		return NULL;
	}
	for (int i = 0; i < nodes; i++)
		g->head[i] = -1;
	return g;
}

void mcf_free(struct mcf *g)
{
	if (!g)
		return;
	free(g->head);
	free(g->a);
	free(g->orig);
	free(g);
}

int mcf_arc(struct mcf *g, int from, int to, int cap, long cost)
{
	size_t ocap = g->norig;

	if (from < 0 || from >= g->n || to < 0 || to >= g->n)
		return -1;
	if (!vec_grow(&g->a, &g->cap, g->na + 2, sizeof *g->a))
		return -1;
	if (!vec_grow(&g->orig, &ocap, g->na / 2 + 1, sizeof *g->orig))
		return -1;
	g->norig = ocap;
	int i = (int)g->na;
	g->a[i] = (struct arc){ .to = to, .next = g->head[from], .cap = cap, .cost = cost };
	g->head[from] = i;
	g->a[i + 1] = (struct arc){ .to = from, .next = g->head[to], .cap = 0, .cost = -cost };
	g->head[to] = i + 1;
	g->orig[i / 2] = cap;
	g->na += 2;
	return i;
}

int mcf_flow(const struct mcf *g, int arc)
{
	if (arc < 0 || (size_t)arc >= g->na)
		return 0;
	return g->orig[arc / 2] - g->a[arc].cap;
}

bool mcf_run(struct mcf *g, int s, int t, int *flow, long *cost)
{
	long *dist = malloc((size_t)g->n * sizeof *dist);
	int *via = malloc((size_t)g->n * sizeof *via);
	int *queue = malloc((size_t)(g->n + 1) * sizeof *queue);
	char *queued = malloc((size_t)g->n);
	bool ok = dist && via && queue && queued;

	*flow = 0;
	*cost = 0;
	while (ok) {
		int qh = 0, qt = 0, qn = g->n + 1;

		for (int i = 0; i < g->n; i++) {
			dist[i] = LONG_MAX;
			via[i] = -1;
			queued[i] = 0;
		}
		dist[s] = 0;
		queue[qt++] = s;
		queued[s] = 1;
		/* Bellman-Ford with a circular queue: a node is queued again
		 * whenever its distance improves. */
		while (qh != qt) {
			int u = queue[qh];
			qh = (qh + 1) % qn;
			queued[u] = 0;
			for (int e = g->head[u]; e >= 0; e = g->a[e].next) {
				const struct arc *a = &g->a[e];
				if (a->cap <= 0 || dist[u] + a->cost >= dist[a->to])
					continue;
				dist[a->to] = dist[u] + a->cost;
				via[a->to] = e;
				if (!queued[a->to]) {
					queued[a->to] = 1;
					queue[qt] = a->to;
					qt = (qt + 1) % qn;
				}
			}
		}
		if (dist[t] == LONG_MAX)
			break;
		int push = INT_MAX;
		for (int v = t; v != s; v = g->a[via[v] ^ 1].to)
			push = g->a[via[v]].cap < push ? g->a[via[v]].cap : push;
		for (int v = t; v != s; v = g->a[via[v] ^ 1].to) {
			g->a[via[v]].cap -= push;
			g->a[via[v] ^ 1].cap += push;
		}
		*flow += push;
		*cost += (long)push * dist[t];
	}
	free(dist);
	free(via);
	free(queue);
	free(queued);
	return ok;
}
