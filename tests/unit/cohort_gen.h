/* Deterministic cohorts for the unit test and the benchmark: a general one
 * (stations of different lengths, academy blocks, leave, an order rule, an
 * optional station, minimums, and a first station or none) and the exact
 * method's (every station required, one length, capacity only). */
#ifndef HOP_COHORT_GEN_H
#define HOP_COHORT_GEN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/rotation/cohort_plan.h"

static unsigned gen_next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static void gen_base(struct cohort_problem *p, int trainees, int stations, int months)
{
	static const char *teams[] = { "Heimatdienststelle", "Bürgerservice", "Haushalt",
		"Personal", "Organisation", "Ordnungsamt", "Bauamt", "Jugendamt", "Kämmerei",
		"Sozialamt", "Standesamt", "Vergabestelle" };

	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "Jahrgang %d", trainees);
	p->start = date_from_ymd(2027, 9, 1);
	p->months = months;
	p->ntrainees = (size_t)trainees;
	p->nstations = (size_t)stations;
	p->trainees = calloc((size_t)trainees, sizeof *p->trainees);
	p->stations = calloc((size_t)stations, sizeof *p->stations);
	p->blocks = calloc((size_t)trainees + 8, sizeof *p->blocks);
	for (int t = 0; t < trainees; t++) {
		p->trainees[t].person_id = t + 1;
		snprintf(p->trainees[t].login, sizeof p->trainees[t].login, "nk%03d", t);
		snprintf(p->trainees[t].name, sizeof p->trainees[t].name, "Nachwuchskraft %03d", t);
	}
	for (int s = 0; s < stations; s++) {
		struct cohort_station_def *d = &p->stations[s];
		d->team_id = 100 + s;
		if (s < 12)
			snprintf(d->team, sizeof d->team, "%s", teams[s]);
		else
			snprintf(d->team, sizeof d->team, "Station %d", s);
		d->required = true;
		d->after = -1;
	}
}

static void gen_block(struct cohort_problem *p, int trainee, int from, int to, const char *title)
{
	struct cohort_block_def *b = &p->blocks[p->nblocks++];

	b->trainee = trainee;
	b->from = from;
	b->to = to;
	b->start = cohort_month_start(p, from);
	b->end = cohort_month_start(p, to + 1) - 1;
	snprintf(b->title, sizeof b->title, "%s", title);
}

/* The general case.  Academy blocks in the first, middle and last month;
 * a quarter of the trainees with a month's leave; the required stations
 * fill about four fifths of the free months; station 2 only after station
 * 1; the last station optional; minimum 1 at stations 3 and 4 (not station
 * 1: whoever holds it in the last months could not go on to station 2 after
 * it).  with_first: station 0 (the home unit, no limit) first as well (the
 * minimums then hold from its end on). */
__attribute__((unused))
static void gen_general(struct cohort_problem *p, int trainees, int stations, int months,
                        bool with_first, unsigned seed)
{
	int free = months - 3, nreq = stations - 1, target = free * 4 / 5, sum = 0;

	gen_base(p, trainees, stations, months);
	gen_block(p, -1, 0, 0, "Einführungslehrgang");
	gen_block(p, -1, months / 2, months / 2, "Zwischenlehrgang");
	gen_block(p, -1, months - 1, months - 1, "Abschlusslehrgang");
	for (int s = 0; s < nreq; s++) {
		int d = target / nreq + (s < target % nreq);
		p->stations[s].months = d;
	}
	/* Perturb pairs: one a month longer, the other shorter. */
	for (int k = 0; k + 1 < nreq; k += 2)
		if (gen_next(&seed) % 2 && p->stations[k + 1].months > 1) {
			p->stations[k].months++;
			p->stations[k + 1].months--;
		}
	p->stations[stations - 1].months = 2;
	p->stations[stations - 1].required = false;
	for (int s = 0; s < stations; s++) {
		struct cohort_station_def *d = &p->stations[s];
		/* Room for half as many again as the average need, in the months
		 * after the first station (nobody is elsewhere before it ends). */
		int room = with_first && s > 0 ? free - p->stations[0].months : free;
		d->max = (trainees * d->months * 3 + room * 2 - 1) / (room * 2);
		if (d->max < 1)
			d->max = 1;
		sum += d->months;
	}
	(void)sum;
	p->stations[2].after = 1;
	if (with_first) {
		p->stations[0].first = true;
		p->stations[0].max = 0;
	}
	p->stations[3].min = 1;
	p->stations[4].min = 1;
	for (int t = 0; t < trainees; t += 4) {
		int m = 1 + (int)(gen_next(&seed) % (unsigned)(months - 2));
		if (m == months / 2)
			m++;
		gen_block(p, t, m, m, "Urlaub");
	}
}

/* The exact case: every station required, len months, capacity so that the
 * periods between two academy blocks just suffice. */
__attribute__((unused))
static void gen_exact(struct cohort_problem *p, int trainees, int stations, int len)
{
	int c = (trainees + stations - 1) / stations, d, per_half;

	d = (trainees + c - 1) / c > stations ? (trainees + c - 1) / c : stations;
	per_half = (d + 1) / 2;
	gen_base(p, trainees, stations, 2 * (1 + per_half * len));
	gen_block(p, -1, 0, 0, "Einführungslehrgang");
	gen_block(p, -1, 1 + per_half * len, 1 + per_half * len, "Zwischenlehrgang");
	for (int s = 0; s < stations; s++) {
		p->stations[s].months = len;
		p->stations[s].max = c;
	}
}

#endif
