/* The demo organisation: a German authority with teams, leads and people whose
 * names have umlauts and ß.  Seeded, so the same seed gives the same data; the
 * same generator scales to 20,000 people for benchmarks. */
#ifndef HOP_DEMO_H
#define HOP_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"

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
 * who have left.  Then their rotation records (src/demo/demo_rotation.c):
 * work areas, ten years of assignments, exceptions and a trainee cohort
 * with its published plan.  Then the places (src/demo/demo_places.c): a site with
 * floors, a zone for each team, about one desk for every four people (45 in
 * the default demo) with their attributes and a few fixed desks, meeting,
 * creative and team rooms; the bookings (demo_add_bookings); and last the
 * onboarding template "Einarbeitung (Standard)" with an onboarding and a
 * mentor from their team for each new hire and each person starting soon.
 * Dates are relative to clock_today(). */
enum hop_status demo_generate(struct hop_app *app, const struct demo_options *opt,
                              struct hop_err *err);

/* The demo's bookings, added last by demo_generate and timed alone by the
 * benchmark: for an organisation that has its people and places, bookings
 * made through the lean bulk path (booking_bulk_*) in one transaction (a
 * savepoint inside demo_generate's) with one "demo.bookings" audit entry.
 * Working days only, never two people at a desk or two desks for a person in
 * a half day, fixed desks to their owners on the days they come in.  An
 * organisation of the default demo's size gets the coming weeks (today
 * through the booking horizon); a larger one a year that ends with the
 * horizon (today + booking_horizon_days - 364 to today + booking_horizon_days),
 * so that 20,000 people give about two million bookings.  seed 0 = the
 * default; the same seed and organisation give the same bookings.  *rows
 * (may be NULL) = how many were added. */
enum hop_status demo_add_bookings(struct hop_app *app, uint64_t seed, size_t *rows,
                                  struct hop_err *err);

/* The ASCII form of a name for logins: lower case letters and digits, with
 * ä -> ae, ö -> oe, ü -> ue, ß -> ss and other Latin letters without their
 * accents (ş -> s, ł -> l, é -> e); spaces, hyphens and apostrophes are
 * dropped.  False if the name holds a character this table does not know or
 * the result does not fit. */
bool demo_transliterate(const char *name, char *buf, size_t size);

#endif
