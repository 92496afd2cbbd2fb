/* The demo organisation: a German authority with teams, leads and people whose
 * names have umlauts and ß.  Seeded, so the same seed gives the same data; the
 * same generator scales to 20,000 people for benchmarks. */
#ifndef HOP_DEMO_H
#define HOP_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/err.h"

struct hop_app;

#define DEMO_DEFAULT_PEOPLE 60
#define DEMO_MAX_PEOPLE 20000

struct demo_options {
	int people;           /* 1..DEMO_MAX_PEOPLE, the acting person included; 0 = default */
	uint64_t seed;        /* 0 = the fixed default seed */
	const char *admin_name;   /* the acting person's name; NULL or "" = the login */
};

/* Fill an empty database in one transaction.  The acting login is added first,
 * as an admin and HR person in "Innerer Dienst", so that whoever runs the demo
 * may do everything in it and the audit log shows who created the rest.  About
 * one team per ten people, each with a lead; HR people in the personnel unit,
 * facilities people in Innerer Dienst, one IT admin; start dates over 25 years
 * with a few new hires, a few people starting in the coming weeks and a few
 * who have left.  Dates are relative to clock_today(). */
enum hop_status demo_generate(struct hop_app *app, const struct demo_options *opt,
                              struct hop_err *err);

/* The ASCII form of a name for logins: lower case letters and digits, with
 * ä -> ae, ö -> oe, ü -> ue, ß -> ss and other Latin letters without their
 * accents (ş -> s, ł -> l, é -> e); spaces, hyphens and apostrophes are
 * dropped.  False if the name holds a character this table does not know or
 * the result does not fit. */
bool demo_transliterate(const char *name, char *buf, size_t size);

#endif
