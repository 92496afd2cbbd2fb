/* The demo organisation: a German authority with teams, leads and people whose
 * names have umlauts and ß.  Seeded, so the same seed gives the same data; the
 * same generator scales to 20,000 people for benchmarks. */
#ifndef HOP_DEMO_H
#define HOP_DEMO_H

#include <stdint.h>
#include "hop/err.h"

struct hop_app;

#define DEMO_DEFAULT_PEOPLE 60
#define DEMO_MAX_PEOPLE 20000

struct demo_options {
	int people;           /* DEMO_DEFAULT_PEOPLE by default */
	uint64_t seed;        /* 0 = the fixed default seed */
};

/* Fill an empty database in one transaction.  The acting login is added as an
 * admin and HR person (if the generator did not already make that login), so
 * that whoever runs the demo may do everything in it. */
enum hop_status demo_generate(struct hop_app *app, const struct demo_options *opt,
                              struct hop_err *err);

#endif
