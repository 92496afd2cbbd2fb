/* The parts of the demo generator (src/demo/demo*.c), private to them: the
 * seeded random numbers they share and the steps demo_generate calls. */
#ifndef HOP_DEMO_INTERNAL_H
#define HOP_DEMO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"

struct hop_app;

#define DEMO_DEFAULT_SEED 20261123u

/* splitmix64: small, fast and the same sequence everywhere (rand() is not). */
struct rng {
	uint64_t s;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* 0 .. n-1 for n > 0; multiply-shift, bias far below anything visible. */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with a probability of pct percent. */
static inline int rng_pct(struct rng *r, uint32_t pct)
{
	return rng_below(r, 100) < pct;
}

/* Each part draws from its own stream, so that adding places or bookings
 * never changes the people a seed gives. */
static inline struct rng rng_stream(uint64_t seed, uint64_t part)
{
	struct rng r = { seed ^ (part * 0xd1b54a32d192ed03u) };
	rng_next(&r);
	return r;
}

/* Desks for an organisation of `people`: three for every four people in the
 * default demo's size, at least 45 above it, one for every four people in a
 * large organisation. */
int demo_desk_count(int people);

/* Sites, floors, zones (one per team), desks and rooms for the people and
 * teams already there (src/demo/demo_places.c). */
enum hop_status demo_places(struct hop_app *app, int people, uint64_t seed,
                            struct hop_err *err);

/* The onboarding template, and mentors and onboardings for the new hires
 * and those starting soon (src/demo/demo_onboarding.c). */
enum hop_status demo_onboarding(struct hop_app *app, uint64_t seed, struct hop_err *err);

/* Competences, the course catalogue, requirements, sessions, records and
 * self-assessed needs (src/demo/demo_training.c); a large organisation gets
 * the benchmark's 40 courses and five years of records. */
enum hop_status demo_training(struct hop_app *app, int people, uint64_t seed,
                              struct hop_err *err);

/* Work areas, ten years of assignments with secondments, Hospitation and
 * acting posts, exceptions, and the trainee cohort (src/demo/demo_rotation.c),
 * after the people and before the places, bookings and training. */
enum hop_status demo_rotation(struct hop_app *app, int people, uint64_t seed,
                              struct hop_err *err);

/* The trainee cohort with its published plan (src/demo/demo_cohort.c): its
 * trainees (up to DEMO_COHORT_TRAINEES person ids) into trainees[0..*n);
 * *n 0 when the organisation is too small for one. */
#define DEMO_COHORT_TRAINEES 12
enum hop_status demo_cohort(struct hop_app *app, const char *now,
                            int64_t *trainees, size_t *n, struct hop_err *err);

/* Set the connection up for a large batch of inserts (a page cache of up to
 * 1 GiB, statement journals in memory) before its transaction begins, or back
 * to SQLite's defaults after it (src/demo/demo_bookings.c). */
void demo_bulk_setup(struct hop_app *app, bool big);

#endif
