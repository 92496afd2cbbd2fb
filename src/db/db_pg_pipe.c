/* One round trip for what hop sends together (libpq's pipeline mode): a
 * write with the savepoint or transaction around it, a statement prepared
 * inside a savepoint.  Sent one by one, each of these was three or four
 * round trips, and on a busy host a round trip is a context switch to the
 * server and back: half of a demo organisation's time went into them. */
#include <string.h>

#include "db_pg_int.h"

PGresult *pg_pipeline(struct pg_conn *pc, const char *const *pre, int npre,
                      int (*send)(struct pg_conn *pc, void *arg), void *arg,
                      const char *post, bool *ok)
{
	const struct pq_api *pq = pc->pq;
	PGresult *r, *mine = NULL;
	bool failed = false, sent = true;
	int nq = npre + 1 + (post != NULL);

	*ok = false;
	pg_settle(pc);
	if (!pq->PQenterPipelineMode(pc->c)) {
		pg_keep_error(pc, NULL);
		return NULL;
	}
	for (int i = 0; i < npre && sent; i++)
		sent = pq->PQsendQueryParams(pc->c, pre[i], 0, NULL, NULL, NULL, NULL, 0);
	sent = sent && send(pc, arg);
	if (sent && post)
		sent = pq->PQsendQueryParams(pc->c, post, 0, NULL, NULL, NULL, NULL, 0);
	if (!sent || !pq->PQpipelineSync(pc->c)) {
		/* The connection broke: nothing more will come. */
		pg_keep_error(pc, NULL);
		pq->PQexitPipelineMode(pc->c);
		return NULL;
	}
	/* Each query's results end in NULL; the sync's result ends the pipeline.
	 * After a failure the server skips the rest (PGRES_PIPELINE_ABORTED). */
	for (int q = 0; q < nq; q++) {
		while ((r = pq->PQgetResult(pc->c))) {
			ExecStatusType st = pq->PQresultStatus(r);
			if (st == PGRES_FATAL_ERROR && !failed) {
				failed = true;
				pg_keep_error(pc, r);
			}
			if (q == npre && !mine)
				mine = r;
			else
				pq->PQclear(r);
		}
	}
	while ((r = pq->PQgetResult(pc->c))) {
		bool sync = pq->PQresultStatus(r) == PGRES_PIPELINE_SYNC;
		pq->PQclear(r);
		if (sync)
			break;
	}
	pq->PQexitPipelineMode(pc->c);
	*ok = !failed && mine;
	return mine;
}
