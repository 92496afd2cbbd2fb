/* Placing people in sessions at the least cost (plan.h), over a network
 * source -> person (1) -> session (free seats) -> sink.  The cost of person
 * i in session j is
 *     w_i * (days from today to j) + LATE * (days j is after i's due date,
 *     or after today for those already overdue) - FIRST * u_i
 * with u_i the days i is overdue (negative while not yet due) and w_i = 1 +
 * max(u_i, 0).  Every seat is filled that can be (the flow is maximal
 * first); when seats are short the most urgent are placed (FIRST); a
 * session after someone's due date only where no earlier one is left
 * (LATE); and since the more overdue weigh each day of waiting more, they
 * get the earlier sessions. */
#include <stdlib.h>

#include "hop/base/i18n.h"
#include "hop/base/mcmf.h"
#include "hop/core/training/plan.h"

/* A day after the due date costs more than any ordering among people, and
 * a day more of urgency more than any lateness. */
#define LATE 100000L
#define FIRST (1000L * LATE)

void trn_plan_free(struct trn_plan *p)
{
	free(p->people);
	free(p->sessions);
	p->people = NULL;
	p->sessions = NULL;
	p->npeople = p->nsessions = p->pcap = p->scap = 0;
}

enum hop_status trn_plan_solve(struct trn_plan *p, const bool *blocked, hop_date today,
                               struct hop_err *err)
{
	size_t np = p->npeople, ns = p->nsessions;
	int src = 0, sink = 1, flow;
	long cost;
	struct mcf *g;
	int *arc;

	for (size_t i = 0; i < np; i++) {
		p->people[i].session = -1;
		p->people[i].late = false;
	}
	for (size_t j = 0; j < ns; j++)
		p->sessions[j].placed = 0;
	if (np == 0 || ns == 0)
		return HOP_OK;
	g = mcf_new((int)(2 + np + ns));
	arc = malloc(np * ns * sizeof *arc);
	if (!g || !arc)
		goto oom;
	for (size_t i = 0; i < np; i++)
		if (mcf_arc(g, src, 2 + (int)i, 1, 0) < 0)
			goto oom;
	for (size_t j = 0; j < ns; j++)
		if (p->sessions[j].free > 0 &&
		    mcf_arc(g, 2 + (int)(np + j), sink, p->sessions[j].free, 0) < 0)
			goto oom;
	for (size_t i = 0; i < np; i++) {
		const struct trn_plan_person *q = &p->people[i];
		long u = q->due != HOP_DATE_NONE ? (long)today - q->due : -3660;
		long w = 1 + (u > 0 ? u : 0);
		hop_date in_time = q->due == HOP_DATE_NONE ? HOP_DATE_NONE
		                   : q->due < today ? today : q->due;
		for (size_t j = 0; j < ns; j++) {
			const struct trn_plan_session *s = &p->sessions[j];
			long wait = s->first > today ? s->first - today : 0;
			long late = in_time != HOP_DATE_NONE && s->first > in_time ? s->first - in_time : 0;
			arc[i * ns + j] = -1;
			if (s->free <= 0 || (blocked && blocked[i * ns + j]))
				continue;
			arc[i * ns + j] = mcf_arc(g, 2 + (int)i, 2 + (int)(np + j), 1,
			                          w * wait + LATE * late - FIRST * u);
			if (arc[i * ns + j] < 0)
				goto oom;
		}
	}
	if (!mcf_run(g, src, sink, &flow, &cost))
		goto oom;
	for (size_t i = 0; i < np; i++)
		for (size_t j = 0; j < ns; j++)
			if (arc[i * ns + j] >= 0 && mcf_flow(g, arc[i * ns + j]) > 0) {
				struct trn_plan_person *q = &p->people[i];
				q->session = (int)j;
				q->late = q->due != HOP_DATE_NONE && p->sessions[j].first > q->due;
				p->sessions[j].placed++;
			}
	mcf_free(g);
	free(arc);
	return HOP_OK;
oom:
	mcf_free(g);
	free(arc);
	return hop_fail(err, HOP_ENOMEM, _("out of memory"));
}
