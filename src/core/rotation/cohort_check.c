/* The plan check (ROT-8): every way a plan, hand-made or generated, breaks
 * the cohort's rules, each a whole sentence naming trainee, station and
 * month in the cohort's own words.  Months are the months a place touches,
 * so that a place off the month grid is still counted where it is. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "cplan_int.h"

/* A place as the check sees it: its days, and the months it touches. */
struct span {
	hop_date start, end;
	int fm, lm;        /* first and last month touched, clipped; fm > lm: none */
	int rfm;           /* first month unclipped (-1 before the cohort) */
};

struct ck {
	const struct cohort_problem *p;
	const struct cohort_plan *pl;
	struct span *sp;
	struct cohort_violation_list *out;
	bool nomem;
};

static void add(struct ck *c, enum cohort_violation_kind kind, int t, int s, int m,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void add(struct ck *c, enum cohort_violation_kind kind, int t, int s, int m,
                const char *fmt, ...)
{
	struct cohort_violation *v;
	va_list ap;

	if (c->nomem || !vec_grow(&c->out->v, &c->out->cap, c->out->n + 1, sizeof *c->out->v)) {
		c->nomem = true;
		return;
	}
	v = &c->out->v[c->out->n++];
	v->kind = kind;
	v->trainee = t;
	v->station = s;
	v->month = m;
	va_start(ap, fmt);
	vsnprintf(v->text, sizeof v->text, fmt, ap);
	va_end(ap);
}

static const struct cohort_trainee_def *tr(const struct ck *c, int t)
{
	return &c->p->trainees[t];
}

static const char *st(const struct ck *c, int s)
{
	return c->p->stations[s].team;
}

/* The month of the cohort's grid a day falls in, before or after the
 * cohort too (cohort_month_of stops at its ends). */
static int month_any(const struct cohort_problem *p, hop_date day)
{
	int y0, m0, d0, y, m, d, k;

	date_to_ymd(p->start, &y0, &m0, &d0);
	date_to_ymd(day, &y, &m, &d);
	k = (y - y0) * 12 + (m - m0);
	while (cohort_month_start(p, k) > day)
		k--;
	while (cohort_month_start(p, k + 1) <= day)
		k++;
	return k;
}

static void spans(struct ck *c)
{
	const struct cohort_problem *p = c->p;

	for (size_t i = 0; i < c->pl->n; i++) {
		const struct cohort_place *q = &c->pl->v[i];
		struct span *s = &c->sp[i];

		if (q->start == HOP_DATE_NONE || q->end == HOP_DATE_NONE) {
			s->start = cohort_month_start(p, q->from);
			s->end = cohort_month_start(p, q->from + q->months) - 1;
		} else {
			s->start = q->start;
			s->end = q->end;
		}
		s->rfm = cohort_month_of(p, s->start);
		s->fm = s->rfm < 0 ? 0 : s->rfm;
		s->lm = cohort_month_of(p, s->end);
		if (s->lm >= p->months)
			s->lm = p->months - 1;
		if (s->end < s->start)
			s->lm = s->fm - 1;
	}
}

static void place_rules(struct ck *c, size_t i)
{
	const struct cohort_problem *p = c->p;
	const struct cohort_place *q = &c->pl->v[i];
	const struct span *s = &c->sp[i];
	const struct cohort_trainee_def *t = tr(c, q->trainee);
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN], x[HOP_DATE_ISO_LEN], y[HOP_DATE_ISO_LEN];
	int d = p->stations[q->station].months;
	hop_date cend = cohort_month_start(p, p->months) - 1;

	date_format(s->start, a);
	date_format(s->end, b);
	if (s->start < p->start || s->end > cend)
		add(c, CV_OUTSIDE, q->trainee, q->station, s->rfm,
		    _("%s (%s) is at %s from %s to %s, outside the cohort (%s to %s)"),
		    t->name, t->login, st(c, q->station), a, b, date_format(p->start, x),
		    date_format(cend, y));
	if (s->start != cohort_month_start(p, month_any(p, s->start))
	    || s->end + 1 != cohort_month_start(p, month_any(p, s->end) + 1))
		add(c, CV_MISALIGNED, q->trainee, q->station, s->rfm,
		    _("%s (%s) is at %s from %s to %s, not from the first day of a month of "
		      "the cohort to the last day of one"),
		    t->name, t->login, st(c, q->station), a, b);
	if (s->end != date_add_months(s->start, d) - 1)
		add(c, CV_LENGTH, q->trainee, q->station, s->rfm,
		    _("%s (%s) is at %s from %s to %s, not for the station's %d months"),
		    t->name, t->login, st(c, q->station), a, b, d);
	for (size_t k = 0; k < p->nblocks; k++) {
		const struct cohort_block_def *bl = &p->blocks[k];
		int from = bl->from > s->fm ? bl->from : s->fm;
		int to = bl->to < s->lm ? bl->to : s->lm;
		char m1[CPLAN_MONTH_LEN], m2[CPLAN_MONTH_LEN], title[HOP_BLOCK_TITLE_MAX + 32];

		if ((bl->trainee >= 0 && bl->trainee != q->trainee) || from > to)
			continue;
		if (bl->title[0])
			snprintf(title, sizeof title, "%s", bl->title);
		else
			snprintf(title, sizeof title, "%s – %s", date_format(bl->start, x),
			         date_format(bl->end, y));
		if (from == to)
			add(c, CV_BLOCK, q->trainee, q->station, from,
			    _("%s (%s) is at %s in %s, during the block '%s'"),
			    t->name, t->login, st(c, q->station), cplan_month_text(p, from, m1),
			    title);
		else
			add(c, CV_BLOCK, q->trainee, q->station, from,
			    _("%s (%s) is at %s from %s to %s, during the block '%s'"),
			    t->name, t->login, st(c, q->station), cplan_month_text(p, from, m1),
			    cplan_month_text(p, to, m2), title);
	}
}

/* The month after the trainee's earliest place at station s ends; -1: none. */
static int ends(const struct ck *c, int t, int s)
{
	int best = -1;

	for (size_t i = 0; i < c->pl->n; i++) {
		const struct cohort_place *q = &c->pl->v[i];
		if (q->trainee == t && q->station == s
		    && (best < 0 || c->sp[i].lm + 1 < best))
			best = c->sp[i].lm + 1;
	}
	return best;
}

static void order_rules(struct ck *c, size_t i)
{
	const struct cohort_problem *p = c->p;
	const struct cohort_place *q = &c->pl->v[i];
	const struct cohort_trainee_def *t = tr(c, q->trainee);
	const struct cohort_station_def *sd = &p->stations[q->station];
	int from = c->sp[i].rfm;
	char m[CPLAN_MONTH_LEN];

	cplan_month_text(p, from, m);
	for (size_t f = 0; f < p->nstations; f++) {
		int end;
		if (!p->stations[f].first || (int)f == q->station)
			continue;
		end = ends(c, q->trainee, (int)f);
		if (end > from)
			add(c, CV_ORDER, q->trainee, q->station, from,
			    _("%s (%s) is at %s from %s, before the first station %s has ended"),
			    t->name, t->login, sd->team, m, st(c, (int)f));
	}
	if (sd->after >= 0 && (size_t)sd->after < p->nstations && sd->after != q->station) {
		int end = ends(c, q->trainee, sd->after);
		if (end < 0)
			add(c, CV_ORDER, q->trainee, q->station, from,
			    _("%s (%s) is at %s from %s without having been at %s, which must "
			      "come first"),
			    t->name, t->login, sd->team, m, st(c, sd->after));
		else if (end > from)
			add(c, CV_ORDER, q->trainee, q->station, from,
			    _("%s (%s) is at %s from %s, before %s, which must come first, has "
			      "ended"),
			    t->name, t->login, sd->team, m, st(c, sd->after));
	}
}

static void trainee_rules(struct ck *c, int t)
{
	const struct cohort_problem *p = c->p;
	const struct cohort_trainee_def *td = tr(c, t);
	char m1[CPLAN_MONTH_LEN], m2[CPLAN_MONTH_LEN];

	for (size_t s = 0; s < p->nstations; s++) {
		int first = -1;
		for (size_t i = 0; i < c->pl->n; i++) {
			const struct cohort_place *q = &c->pl->v[i];
			if (q->trainee != t || q->station != (int)s)
				continue;
			if (first < 0) {
				first = (int)i;
				continue;
			}
			add(c, CV_TWICE, t, (int)s, c->sp[i].rfm,
			    _("%s (%s) is at %s twice, from %s and from %s"), td->name, td->login,
			    st(c, (int)s), cplan_month_text(p, c->sp[first].rfm, m1),
			    cplan_month_text(p, c->sp[i].rfm, m2));
		}
		if (first < 0 && p->stations[s].required)
			add(c, CV_MISSING, t, (int)s, -1,
			    _("%s (%s) has no place at the required station %s"), td->name,
			    td->login, st(c, (int)s));
	}
	for (size_t i = 0; i < c->pl->n; i++) {
		if (c->pl->v[i].trainee != t)
			continue;
		place_rules(c, i);
		order_rules(c, i);
		for (size_t j = i + 1; j < c->pl->n; j++) {
			int from, to;
			if (c->pl->v[j].trainee != t)
				continue;
			from = c->sp[i].fm > c->sp[j].fm ? c->sp[i].fm : c->sp[j].fm;
			to = c->sp[i].lm < c->sp[j].lm ? c->sp[i].lm : c->sp[j].lm;
			if (from > to)
				continue;
			if (from == to)
				add(c, CV_OVERLAP, t, c->pl->v[j].station, from,
				    _("%s (%s) has two places in %s: %s and %s"), td->name, td->login,
				    cplan_month_text(p, from, m1), st(c, c->pl->v[i].station),
				    st(c, c->pl->v[j].station));
			else
				add(c, CV_OVERLAP, t, c->pl->v[j].station, from,
				    _("%s (%s) has two places from %s to %s: %s and %s"), td->name,
				    td->login, cplan_month_text(p, from, m1),
				    cplan_month_text(p, to, m2), st(c, c->pl->v[i].station),
				    st(c, c->pl->v[j].station));
		}
	}
}

/* The logins at station s in month m, comma separated, as many as fit. */
static int who(const struct ck *c, int s, int m, char *buf, size_t size)
{
	size_t len = 0;
	int n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < c->pl->n; i++) {
		const struct cohort_place *q = &c->pl->v[i];
		int w;
		if (q->station != s || c->sp[i].fm > m || c->sp[i].lm < m)
			continue;
		if (len < size) {
			w = snprintf(buf + len, size - len, "%s%s", n ? ", " : "",
			             tr(c, q->trainee)->login);
			len += w > 0 ? (size_t)w : 0;
		}
		n++;
	}
	return n;
}

static void station_rules(struct ck *c, int s)
{
	const struct cohort_problem *p = c->p;
	int max = cplan_max(p, (size_t)s), min = p->stations[s].min;
	char names[240], m[CPLAN_MONTH_LEN];

	for (int k = 0; k < p->months; k++) {
		int n = who(c, s, k, names, sizeof names);
		if (n > max)
			add(c, CV_OVER_MAX, -1, s, k,
			    _("%s has too many trainees in %s: %d (%s), at most %d"), st(c, s),
			    cplan_month_text(p, k, m), n, names, max);
		else if (n < min && cplan_min_applies(p, k))
			add(c, CV_UNDER_MIN, -1, s, k,
			    _("%s has too few trainees in %s: %d, at least %d"), st(c, s),
			    cplan_month_text(p, k, m), n, min);
	}
}

/* By trainee, month, kind and station; the station's bounds after all
 * trainees, by station and month. */
static int by_order(const void *a, const void *b)
{
	const struct cohort_violation *x = a, *y = b;
	int gx = x->trainee < 0, gy = y->trainee < 0;

	if (gx != gy)
		return gx - gy;
	if (!gx) {
		if (x->trainee != y->trainee)
			return x->trainee < y->trainee ? -1 : 1;
		if (x->month != y->month)
			return x->month < y->month ? -1 : 1;
		if (x->kind != y->kind)
			return x->kind < y->kind ? -1 : 1;
		if (x->station != y->station)
			return x->station < y->station ? -1 : 1;
		return strcmp(x->text, y->text);
	}
	if (x->station != y->station)
		return x->station < y->station ? -1 : 1;
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return x->kind < y->kind ? -1 : x->kind > y->kind;
}

enum hop_status cohort_check(const struct cohort_problem *p, const struct cohort_plan *pl,
                             struct cohort_violation_list *out, struct hop_err *err)
{
	struct ck c = { .p = p, .pl = pl, .out = out };

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < pl->n; i++)
		if (pl->v[i].trainee < 0 || (size_t)pl->v[i].trainee >= p->ntrainees
		    || pl->v[i].station < 0 || (size_t)pl->v[i].station >= p->nstations)
			return hop_fail(err, HOP_EINVAL, _("a place of the plan names no trainee "
			                "or station of the cohort, or lasts no month"));
	c.sp = calloc(pl->n ? pl->n : 1, sizeof *c.sp);
	if (!c.sp)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	spans(&c);
	for (size_t t = 0; t < p->ntrainees; t++)
		trainee_rules(&c, (int)t);
	for (size_t s = 0; s < p->nstations; s++)
		station_rules(&c, (int)s);
	free(c.sp);
	if (c.nomem) {
		cohort_violation_list_free(out);
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_order);
	return HOP_OK;
}
