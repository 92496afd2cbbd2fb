/* Why a cohort has no plan: necessary conditions, each checked on its own
 * and said in the cohort's words.  Every sentence here is a proof that no
 * plan exists, so cohort_solve may stop at the first one found. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "cplan_int.h"

struct out { char *buf; size_t size, len, n; };

static void say(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int w;

	o->n++;
	if (!o->buf || o->len + 1 >= o->size)
		return;
	if (o->len > 0)
		o->buf[o->len++] = '\n';
	va_start(ap, fmt);
	w = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (w > 0)
		o->len += (size_t)w < o->size - o->len ? (size_t)w : o->size - o->len - 1;
	o->buf[o->len] = '\0';
}

/* Months free for trainee t (all trainees: t < 0) in stretches of at least
 * len months; *longest the longest stretch. */
static int free_months(const struct cohort_problem *p, int t, int len, int *longest)
{
	int total = 0, run = 0;

	*longest = 0;
	for (int m = 0; m <= p->months; m++) {
		bool blocked = m == p->months
		               || (t < 0 ? cplan_cohort_blocked(p, m) : cohort_blocked(p, (size_t)t, m));
		if (!blocked) {
			run++;
			continue;
		}
		if (run >= len)
			total += run;
		if (run > *longest)
			*longest = run;
		run = 0;
	}
	return total;
}

/* The month other stations can begin from: after the first station, when
 * every trainee must hold it (cplan_first_end), else 0. */
int cplan_others_from(const struct cohort_problem *p)
{
	for (size_t s = 0; s < p->nstations; s++)
		if (p->stations[s].first && p->stations[s].required)
			return cplan_first_end(p);
	return 0;
}

/* How many trainees station s can take in all: in each stretch from month
 * from free of the cohort's blocks, max at a time, each for len months
 * (max rows of places one after the other); *free the months of the
 * stretches long enough, *longest the longest stretch. */
long cplan_room(const struct cohort_problem *p, size_t s, int from, int *free, int *longest)
{
	int len = p->stations[s].months, run = 0;
	long places = 0;

	*free = *longest = 0;
	for (int m = from; m <= p->months; m++) {
		if (m < p->months && !cplan_cohort_blocked(p, m)) {
			run++;
			continue;
		}
		if (run >= len) {
			*free += run;
			places += run / len;
		}
		if (run > *longest)
			*longest = run;
		run = 0;
	}
	return places * cplan_max(p, s);
}

static void stations(const struct cohort_problem *p, struct out *o)
{
	int T = (int)p->ntrainees, longest, from = cplan_others_from(p);

	for (size_t s = 0; s < p->nstations; s++) {
		const struct cohort_station_def *d = &p->stations[s];
		int free, max = cplan_max(p, s);
		long fit;
		if (d->months > p->months) {
			say(o, _("station %s lasts %d months, longer than the cohort's %d"), d->team,
			    d->months, p->months);
			continue;
		}
		fit = cplan_room(p, s, d->first ? 0 : from, &free, &longest);
		if (d->min > 0 && d->max > 0 && d->min > d->max)
			say(o, _("station %s needs at least %d trainees at a time but takes at most %d"),
			    d->team, d->min, d->max);
		if (d->required && d->months > longest)
			say(o, _("station %s lasts %d months, and the longest stretch free of the "
			         "cohort's blocks is %d months"), d->team, d->months, longest);
		else if (d->required && (long)max * free < (long)T * d->months)
			say(o, _("station %s takes %d at a time, %d trainees need %d months there "
			         "within %d months"), d->team, max, T, d->months, free);
		else if (d->required && fit < T)
			say(o, _("station %s takes %d at a time for %d months each: between the "
			         "cohort's blocks there is room there for %ld trainees, and the cohort "
			         "has %d"), d->team, max, d->months, fit, T);
		if (d->min > 0) {
			int open = 0;
			for (int m = 0; m < p->months; m++)
				open += cplan_min_applies(p, m);
			if ((long)d->min * open > (long)T * d->months)
				say(o, _("station %s needs at least %d trainees in each of %d months, "
				         "and %d trainees stay there %d months each"), d->team, d->min,
				    open, T, d->months);
		}
	}
}

static void trainees(const struct cohort_problem *p, struct out *o)
{
	int need = 0, shortest = COHORT_MONTHS_MAX + 1, longest;

	for (size_t s = 0; s < p->nstations; s++)
		if (p->stations[s].required) {
			need += p->stations[s].months;
			if (p->stations[s].months < shortest)
				shortest = p->stations[s].months;
		}
	if (need == 0)
		return;
	for (size_t t = 0; t < p->ntrainees; t++) {
		const struct cohort_trainee_def *td = &p->trainees[t];
		int free = free_months(p, (int)t, shortest, &longest);
		bool said = false;
		if (free < need) {
			say(o, _("%s (%s) has %d months free of blocks, and the required stations "
			         "take %d"), td->name, td->login, free, need);
			continue;
		}
		for (size_t s = 0; s < p->nstations && !said; s++)
			if (p->stations[s].required && p->stations[s].months > longest) {
				say(o, _("%s (%s) has no %d months in a row free of blocks for station %s"),
				    td->name, td->login, p->stations[s].months, p->stations[s].team);
				said = true;
			}
	}
}

/* Chains of "after" (and the first station before them): longer than the
 * months free of the cohort's blocks, or round in a circle. */
static void order(const struct cohort_problem *p, struct out *o)
{
	int free = 0, first = -1;

	for (int m = 0; m < p->months; m++)
		free += !cplan_cohort_blocked(p, m);
	for (size_t s = 0; s < p->nstations; s++)
		if (p->stations[s].first && first < 0)
			first = (int)s;
	for (size_t s = 0; s < p->nstations; s++) {
		int len = 0, at = (int)s, steps = 0, n = (int)p->nstations;
		bool circle = false;
		while (at >= 0 && at < n) {
			len += p->stations[at].months;
			at = p->stations[at].after;
			if (++steps > n) {
				circle = true;
				break;
			}
		}
		if (circle) {
			say(o, _("the order rules go round in a circle through station %s"),
			    p->stations[s].team);
			return;
		}
		if (steps < 2)
			continue;
		/* Only the chain's own start is checked: the first station comes
		 * before all of it. */
		if (first >= 0 && first != (int)s) {
			bool in = false;
			for (at = (int)s; at >= 0 && at < n; at = p->stations[at].after)
				in = in || at == first;
			if (!in)
				len += p->stations[first].months;
		}
		if (len > free && p->stations[s].required)
			say(o, _("station %s comes after a chain of stations %d months long in all, "
			         "and the cohort has %d months free of its blocks"),
			    p->stations[s].team, len, free);
	}
}

/* Months in which everybody must be somewhere: when the required stations
 * fill every free month of every trainee, each such month needs places for
 * all who are free. */
static void full_months(const struct cohort_problem *p, struct out *o)
{
	int need = 0, cap = 0, longest;
	char m1[CPLAN_MONTH_LEN];

	for (size_t s = 0; s < p->nstations; s++) {
		if (!p->stations[s].required)
			return;
		need += p->stations[s].months;
		cap += cplan_max(p, s);
	}
	for (size_t t = 0; t < p->ntrainees; t++)
		if (free_months(p, (int)t, 1, &longest) != need)
			return;
	for (int m = 0; m < p->months; m++) {
		int n = 0;
		for (size_t t = 0; t < p->ntrainees; t++)
			n += !cohort_blocked(p, t, m);
		if (n > cap) {
			say(o, _("in %s every trainee must be at a station, and the stations take %d "
			         "at a time in all, for %d trainees"), cplan_month_text(p, m, m1), cap,
			    n);
			return;
		}
	}
}

size_t cohort_explain(const struct cohort_problem *p, char *buf, size_t size)
{
	struct out o = { .buf = buf, .size = size };

	if (buf && size)
		buf[0] = '\0';
	stations(p, &o);
	trainees(p, &o);
	order(p, &o);
	full_months(p, &o);
	return o.n;
}
