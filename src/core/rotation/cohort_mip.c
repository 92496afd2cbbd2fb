/* The general cohort plan as a 0-1 program for GLPK (research 4.3.1 C):
 * y[t,s,p] = 1 when trainee t begins station s in month p, only for starts
 * whose months are inside the cohort and free for t.  Every required station
 * once, an optional one at most once; one place per trainee and month; per
 * station and month at most its maximum and, outside the cohort's blocks,
 * at least its minimum; nothing before the first station has ended; a
 * station with "after" only once that one has ended.  The objective takes as
 * many months of optional stations as fit (without optional stations it is
 * constant: any plan is optimal).
 *
 * GLPK prints and, on an internal error, ends the process: here it prints
 * nothing, and its error hook jumps back so that the caller gets an error. */
#include <glpk.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "cplan_int.h"

struct mrow { int type; double lb, ub; };
struct mnz { int i, j; double v; };

struct model {
	const struct cohort_problem *p;
	int T, S, M;
	int *idx;                    /* (t * S + s) * M + p -> column (1-based), 0: none */
	int *vt, *vs, *vp;           /* column -> t, s, p (index 0 unused) */
	int ncols;
	struct mrow *rows; size_t nrows, rcap;
	struct mnz *nz; size_t nnz, zcap;
	bool nomem;
};

static int *col(const struct model *m, int t, int s, int p)
{
	return &m->idx[((size_t)t * (size_t)m->S + (size_t)s) * (size_t)m->M + (size_t)p];
}

static void row(struct model *m, int type, double lb, double ub)
{
	if (m->nomem || !vec_grow(&m->rows, &m->rcap, m->nrows + 1, sizeof *m->rows)) {
		m->nomem = true;
		return;
	}
	m->rows[m->nrows++] = (struct mrow){ type, lb, ub };
}

/* A coefficient in the last row (rows are 1-based for GLPK). */
static void coef(struct model *m, int column, double v)
{
	if (m->nomem || !vec_grow(&m->nz, &m->zcap, m->nnz + 1, sizeof *m->nz)) {
		m->nomem = true;
		return;
	}
	m->nz[m->nnz++] = (struct mnz){ (int)m->nrows, column, v };
}

static void columns(struct model *m)
{
	const struct cohort_problem *p = m->p;
	size_t n = (size_t)m->T * (size_t)m->S * (size_t)m->M + 1;

	m->idx = calloc(n, sizeof *m->idx);
	m->vt = malloc(n * sizeof *m->vt);
	m->vs = malloc(n * sizeof *m->vs);
	m->vp = malloc(n * sizeof *m->vp);
	if (!m->idx || !m->vt || !m->vs || !m->vp) {
		m->nomem = true;
		return;
	}
	for (int t = 0; t < m->T; t++)
		for (int s = 0; s < m->S; s++)
			for (int q = 0; q < m->M; q++)
				if (cplan_start_ok(p, (size_t)t, (size_t)s, q)) {
					int c = ++m->ncols;
					*col(m, t, s, q) = c;
					m->vt[c] = t;
					m->vs[c] = s;
					m->vp[c] = q;
				}
}

/* Every column of trainee t (all stations, or only s) covering month k. */
static void covering(struct model *m, int t, int only, int k, double v)
{
	for (int s = 0; s < m->S; s++) {
		int d = m->p->stations[s].months;
		if (only >= 0 && s != only)
			continue;
		for (int q = k - d + 1; q <= k; q++)
			if (q >= 0 && *col(m, t, s, q))
				coef(m, *col(m, t, s, q), v);
	}
}

/* Trainee t's columns of station s that have ended by month k. */
static void ended_by(struct model *m, int t, int s, int k, double v)
{
	int d = m->p->stations[s].months;

	for (int q = 0; q + d <= k; q++)
		if (*col(m, t, s, q))
			coef(m, *col(m, t, s, q), v);
}

static void rows(struct model *m)
{
	const struct cohort_problem *p = m->p;

	for (int t = 0; t < m->T; t++)
		for (int s = 0; s < m->S; s++) {
			if (p->stations[s].required)
				row(m, GLP_FX, 1, 1);
			else
				row(m, GLP_UP, 0, 1);
			for (int q = 0; q < m->M; q++)
				if (*col(m, t, s, q))
					coef(m, *col(m, t, s, q), 1);
		}
	for (int t = 0; t < m->T; t++)
		for (int k = 0; k < m->M; k++) {
			row(m, GLP_UP, 0, 1);
			covering(m, t, -1, k, 1);
		}
	for (int s = 0; s < m->S; s++) {
		int max = cplan_max(p, (size_t)s), min = p->stations[s].min;
		for (int k = 0; k < m->M; k++) {
			bool lo = min > 0 && cplan_min_applies(p, k);
			if (!lo && max >= m->T)
				continue;
			if (lo && min == max)
				row(m, GLP_FX, min, max);
			else if (lo)
				row(m, GLP_DB, min, max);
			else
				row(m, GLP_UP, 0, max);
			for (int t = 0; t < m->T; t++)
				covering(m, t, s, k, 1);
		}
	}
	/* First: any other station begun in month k needs the first one ended
	 * by k (one place a month: at most one begins). */
	for (int f = 0; f < m->S; f++) {
		if (!p->stations[f].first)
			continue;
		for (int t = 0; t < m->T; t++)
			for (int k = 0; k < m->M; k++) {
				row(m, GLP_UP, 0, 0);
				for (int s = 0; s < m->S; s++)
					if (s != f && *col(m, t, s, k))
						coef(m, *col(m, t, s, k), 1);
				ended_by(m, t, f, k, -1);
			}
	}
	/* After: begun by month k needs the other ended by k (cumulative, the
	 * tighter relaxation). */
	for (int s = 0; s < m->S; s++) {
		int a = p->stations[s].after;
		if (a < 0 || a >= m->S || a == s)
			continue;
		for (int t = 0; t < m->T; t++)
			for (int k = 0; k < m->M; k++) {
				if (!*col(m, t, s, k))
					continue;
				row(m, GLP_UP, 0, 0);
				for (int q = 0; q <= k; q++)
					if (*col(m, t, s, q))
						coef(m, *col(m, t, s, q), 1);
				ended_by(m, t, a, k, -1);
			}
	}
}

static void model_free(struct model *m)
{
	free(m->idx); free(m->vt); free(m->vs); free(m->vp);
	free(m->rows); free(m->nz);
}

static jmp_buf glpk_fault;

static void on_glpk_error(void *info)
{
	(void)info;
	/* GLPK's state is unusable after an error: free it all and jump back. */
	glp_free_env();
	longjmp(glpk_fault, 1);
}

static enum cohort_outcome outcome(int rc, int status)
{
	if (rc == GLP_ENOPFS)
		return COHORT_NONE;
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EMIPGAP && rc != GLP_ESTOP)
		return COHORT_UNKNOWN;
	switch (status) {
	case GLP_OPT: return rc == 0 ? COHORT_OPTIMAL : COHORT_FEASIBLE;
	case GLP_FEAS: return COHORT_FEASIBLE;
	case GLP_NOFEAS: return COHORT_NONE;
	default: return COHORT_UNKNOWN;
	}
}

static enum hop_status load(struct model *m, glp_prob *lp, struct hop_err *err)
{
	int *ia = malloc((m->nnz + 1) * sizeof *ia), *ja = malloc((m->nnz + 1) * sizeof *ja);
	double *ar = malloc((m->nnz + 1) * sizeof *ar);

	if (!ia || !ja || !ar) {
		free(ia); free(ja); free(ar);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	glp_set_obj_dir(lp, GLP_MAX);
	if (m->nrows)
		glp_add_rows(lp, (int)m->nrows);
	for (size_t r = 0; r < m->nrows; r++)
		glp_set_row_bnds(lp, (int)r + 1, m->rows[r].type, m->rows[r].lb, m->rows[r].ub);
	glp_add_cols(lp, m->ncols);
	for (int c = 1; c <= m->ncols; c++) {
		const struct cohort_station_def *d = &m->p->stations[m->vs[c]];
		glp_set_col_kind(lp, c, GLP_BV);
		glp_set_obj_coef(lp, c, d->required ? 0.0 : (double)d->months);
	}
	for (size_t k = 0; k < m->nnz; k++) {
		ia[k + 1] = m->nz[k].i;
		ja[k + 1] = m->nz[k].j;
		ar[k + 1] = m->nz[k].v;
	}
	if (m->nnz)
		glp_load_matrix(lp, (int)m->nnz, ia, ja, ar);
	free(ia); free(ja); free(ar);
	return HOP_OK;
}

/* GLPK's callback: stop before the deadline (glp_intopt's own limit is
 * checked less often), and offer the incumbent once as its first
 * solution. */
struct watch {
	double deadline;
	double last, step;      /* the last call, the longest time between two */
	const double *x;
	bool offered;
};

static void callback(glp_tree *tree, void *info)
{
	struct watch *w = info;
	double now = cplan_seconds();

	/* Stop when the next step, as long as the longest so far, would end
	 * after the deadline. */
	if (now - w->last > w->step)
		w->step = now - w->last;
	w->last = now;
	if (now + w->step >= w->deadline) {
		glp_ios_terminate(tree);
		return;
	}
	if (glp_ios_reason(tree) == GLP_IHEUR && w->x && !w->offered) {
		w->offered = true;
		glp_ios_heur_sol(tree, w->x);
	}
}

/* The incumbent as column values (1-based); NULL when a place has no
 * column (the plan does not fit the model: not offered). */
static double *columns_of(const struct model *m, const struct cohort_plan *pl)
{
	double *x;

	if (!pl || pl->n == 0)
		return NULL;
	x = calloc((size_t)m->ncols + 1, sizeof *x);
	if (!x)
		return NULL;
	for (size_t i = 0; i < pl->n; i++) {
		const struct cohort_place *q = &pl->v[i];
		int c = q->from >= 0 && q->from < m->M ? *col(m, q->trainee, q->station, q->from) : 0;
		if (!c) {
			free(x);
			return NULL;
		}
		x[c] = 1;
	}
	return x;
}

static int ms_left(double deadline)
{
	double left = (deadline - cplan_seconds()) * 1000;
	return left > 1 ? (int)left : 1;
}

/* Solve the loaded lp; the plan from the solution when there is one. */
static enum hop_status run(struct model *m, glp_prob *lp, double deadline,
                           const struct cohort_plan *incumbent, struct cohort_plan *out,
                           struct cohort_solve_result *res, struct hop_err *err)
{
	glp_iocp parm;
	glp_smcp smcp;
	struct watch w = { .deadline = deadline };
	enum hop_status rc = load(m, lp, err);
	double root;
	int grc;

	if (rc != HOP_OK)
		return rc;
	/* The relaxation first, under the time limit too (glp_intopt's own
	 * limit does not reach into its root relaxation). */
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.presolve = GLP_ON;
	smcp.meth = GLP_DUALP;
	smcp.tm_lim = ms_left(deadline);
	root = cplan_seconds();
	grc = glp_simplex(lp, &smcp);
	root = cplan_seconds() - root;
	if (grc == GLP_ENOPFS || glp_get_status(lp) == GLP_NOFEAS) {
		res->outcome = COHORT_NONE;
		return HOP_OK;
	}
	/* glp_intopt looks at the clock only between the relaxations of its
	 * nodes, and one of those can take as long as the root's: with less
	 * time than that left it would overrun the limit. */
	if (grc != 0 || glp_get_status(lp) != GLP_OPT || cplan_seconds() + root >= deadline) {
		res->outcome = COHORT_UNKNOWN;
		return HOP_OK;
	}
	w.x = columns_of(m, incumbent);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	/* The feasibility pump looks for a first plan (the incumbent is one).
	 * It runs at the root without asking the callback, and took 12 s of a
	 * 20 s limit on 30 trainees after a root relaxation of 9 s: only with
	 * five times the root's time left. */
	parm.fp_heur = !w.x && deadline - cplan_seconds() > 5 * root ? GLP_ON : GLP_OFF;
	parm.tm_lim = ms_left(deadline);
	parm.cb_func = callback;
	parm.cb_info = &w;
	w.last = cplan_seconds();
	grc = glp_intopt(lp, &parm);
	free((void *)w.x);
	res->outcome = outcome(grc, glp_mip_status(lp));
	if (grc == GLP_EFAIL || grc == GLP_EBOUND || grc == GLP_EROOT)
		return hop_fail(err, HOP_EINVAL, _("the solver failed (GLPK code %d)"), grc);
	if (res->outcome == COHORT_OPTIMAL || res->outcome == COHORT_FEASIBLE)
		for (int c = 1; c <= m->ncols && rc == HOP_OK; c++)
			if (glp_mip_col_val(lp, c) > 0.5)
				rc = cohort_plan_add(m->p, out, m->vt[c], m->vs[c], m->vp[c],
				                     m->p->stations[m->vs[c]].months, err);
	return rc;
}

static enum hop_status solve(struct model *m, double deadline,
                             const struct cohort_plan *incumbent, struct cohort_plan *out,
                             struct cohort_solve_result *res, struct hop_err *err)
{
	glp_prob *lp;
	enum hop_status rc;

	if (m->ncols == 0) {
		/* Nothing can be placed: impossible when anything is required. */
		bool any = false;
		for (int s = 0; s < m->S; s++)
			any = any || m->p->stations[s].required;
		res->outcome = any && m->T > 0 ? COHORT_NONE : COHORT_OPTIMAL;
		return HOP_OK;
	}
	if (setjmp(glpk_fault)) {
		glp_error_hook(NULL, NULL);
		return hop_fail(err, HOP_EINVAL, _("the solver failed inside"));
	}
	glp_term_out(GLP_OFF);
	glp_error_hook(on_glpk_error, NULL);
	lp = glp_create_prob();
	rc = run(m, lp, deadline, incumbent, out, res, err);
	glp_delete_prob(lp);
	glp_error_hook(NULL, NULL);
	return rc;
}

enum hop_status cplan_mip(const struct cohort_problem *p, double deadline,
                          const struct cohort_plan *incumbent, struct cohort_plan *out,
                          struct cohort_solve_result *res, struct hop_err *err)
{
	double t0 = cplan_seconds();
	struct model m = { .p = p, .T = (int)p->ntrainees, .S = (int)p->nstations,
	                   .M = p->months };
	enum hop_status rc;

	memset(res, 0, sizeof *res);
	memset(out, 0, sizeof *out);
	res->method = COHORT_MIP;
	res->outcome = COHORT_UNKNOWN;
	columns(&m);
	if (!m.nomem)
		rows(&m);
	if (m.nomem) {
		model_free(&m);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	rc = solve(&m, deadline, incumbent, out, res, err);
	model_free(&m);
	if (rc != HOP_OK)
		cohort_plan_free(out);
	res->months_used = cplan_months_used(out);
	res->seconds = cplan_seconds() - t0;
	return rc;
}

enum hop_status cohort_solve_mip(const struct cohort_problem *p, int time_limit_s,
                                 struct cohort_plan *out, struct cohort_solve_result *res,
                                 struct hop_err *err)
{
	return cplan_mip(p, cplan_seconds() + (time_limit_s > 0 ? time_limit_s : 60), NULL, out,
	                 res, err);
}
