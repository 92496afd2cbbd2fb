/* A minimum-cost flow over a small network: successive shortest paths, each
 * found by Bellman-Ford with a queue (costs may be negative on residual
 * arcs), for assignments within capacities at the least total cost;
 * deterministic: the same arcs in the same order give the same flow.  Knows no domain: onboarding matches mentors
 * with it, training places people in sessions. */
#ifndef HOP_MCMF_H
#define HOP_MCMF_H

#include <stdbool.h>

struct mcf;

struct mcf *mcf_new(int nodes);
void mcf_free(struct mcf *g);
/* An arc from -> to with capacity cap and cost per unit; its index, or -1
 * when memory ran out. */
int mcf_arc(struct mcf *g, int from, int to, int cap, long cost);
/* Send as much flow from s to t as the network carries, at the least cost
 * for that amount.  *flow and *cost get the totals; false when memory ran
 * out. */
bool mcf_run(struct mcf *g, int s, int t, int *flow, long *cost);
/* The flow on arc (an index mcf_arc gave). */
int mcf_flow(const struct mcf *g, int arc);

#endif
