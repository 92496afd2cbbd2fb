/* Coverage per required course and completions about to expire: counts and
 * filters over trn_status_each, which reads the whole organisation in a few
 * queries and holds no row longer than it is looked at. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/training/coverage.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"

void trn_coverage_list_free(struct trn_coverage_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The people already counted for a course, to count each once. */
struct seen_set {
	int64_t *id;
	size_t n, cap;
	size_t nsorted;             /* the people of earlier requirements, sorted */
	int64_t req;                /* the requirement whose rows come now */
};

struct cov {
	struct trn_coverage_list *out;
	struct seen_set *seen;      /* one per course of out */
	size_t cap;
};

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static enum hop_status nomem(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while counting training status"));
}

static enum hop_status count_row(void *ctx, const struct trn_status_row *row,
                                 struct hop_err *err)
{
	struct cov *c = ctx;
	struct trn_coverage_list *l = c->out;
	struct trn_coverage *v;
	struct seen_set *s;
	size_t k = l->n;

	/* Rows come by course code, so the course is the last one or new. */
	if (k && l->v[k - 1].course_id == row->course_id) {
		k--;
	} else {
		if (!vec_grow(&l->v, &l->cap, k + 1, sizeof *l->v))
			return nomem(err);
		if (!vec_grow(&c->seen, &c->cap, k + 1, sizeof *c->seen))
			return nomem(err);
		memset(&l->v[k], 0, sizeof l->v[k]);
		memset(&c->seen[k], 0, sizeof c->seen[k]);
		l->v[k].course_id = row->course_id;
		memcpy(l->v[k].course, row->course, sizeof l->v[k].course);
		memcpy(l->v[k].title, row->title, sizeof l->v[k].title);
		l->n++;
	}
	v = &l->v[k];
	s = &c->seen[k];
	/* Requirement by requirement: a person appears once under each, so only
	 * the people of the course's earlier requirements need looking up. */
	if (s->req != row->requirement_id) {
		qsort(s->id, s->n, sizeof *s->id, cmp_id);
		s->nsorted = s->n;
		s->req = row->requirement_id;
	}
	if (s->nsorted && bsearch(&row->person_id, s->id, s->nsorted, sizeof *s->id, cmp_id))
		return HOP_OK;
	if (!vec_grow(&s->id, &s->cap, s->n + 1, sizeof *s->id))
		return nomem(err);
	s->id[s->n++] = row->person_id;
	v->required++;
	v->count[row->st.status]++;
	return HOP_OK;
}

enum hop_status trn_coverage(struct hop_app *app, int64_t team_id, hop_date day,
                             struct trn_coverage_list *out, struct hop_err *err)
{
	struct cov c = { out, NULL, 0 };
	enum hop_status rc;

	memset(out, 0, sizeof *out);
	rc = trn_status_each(app, 0, team_id, day, count_row, &c, err);
	for (size_t i = 0; i < out->n; i++) {
		struct trn_coverage *v = &out->v[i];
		free(c.seen[i].id);
		v->valid = v->count[TRN_VALID] + v->count[TRN_EXPIRING];
		v->share_x10 = v->required ? (int)((v->valid * 1000LL + v->required / 2) / v->required)
		                           : 0;
	}
	free(c.seen);
	if (rc != HOP_OK)
		trn_coverage_list_free(out);
	return rc;
}

struct exp {
	struct trn_status_list *out;
	hop_date last;
};

static enum hop_status expiring_row(void *ctx, const struct trn_status_row *row,
                                    struct hop_err *err)
{
	struct exp *e = ctx;
	struct trn_status_list *l = e->out;

	if ((row->st.status != TRN_VALID && row->st.status != TRN_EXPIRING) ||
	    row->st.valid_until == HOP_DATE_NONE || row->st.valid_until > e->last)
		return HOP_OK;
	if (!vec_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return nomem(err);
	l->v[l->n++] = *row;
	return HOP_OK;
}

enum hop_status trn_expiring(struct hop_app *app, int64_t team_id, hop_date day, int within,
                             struct trn_status_list *out, struct hop_err *err)
{
	struct exp e = { out, 0 };

	memset(out, 0, sizeof *out);
	if (day == HOP_DATE_NONE)
		day = clock_today();
	if (within < 0 || within > 3660)
		return hop_fail(err, HOP_EINVAL, _("the number of days is %d; give 0 to 3660"), within);
	e.last = day + within;
	if (trn_status_each(app, 0, team_id, day, expiring_row, &e, err) != HOP_OK) {
		trn_status_list_free(out);
		return err->status;
	}
	return HOP_OK;
}
