/* Statutory public holidays of the 16 Bundesländer, computed for any year
 * from 1991 (the first full year after reunification) to 9999.
 *
 * Pure computation: no database, no configuration.  Only holidays that hold
 * in the whole Land are listed; days that only some municipalities keep
 * (Fronleichnam in parts of Saxony and Thuringia, Mariä Himmelfahrt in
 * Bavaria's predominantly Catholic municipalities, the Augsburger
 * Friedensfest) are left out, see hop(1), "Public holidays". */
#ifndef HOP_HOLIDAY_H
#define HOP_HOLIDAY_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/date.h"

#define HOLIDAY_YEAR_MIN 1991
#define HOLIDAY_YEAR_MAX 9999
/* No Land has more holidays in a year than this (the most is 12 today). */
#define HOLIDAY_MAX 20

struct hop_holiday {
	hop_date day;
	const char *name;      /* the official German name, "Fronleichnam" (static) */
	const char *name_en;   /* the English name, untranslated; see holiday_display */
	bool sunday;           /* a holiday by law that always falls on a Sunday
	                          (Ostersonntag, Pfingstsonntag in BB and HE) */
};

/* Easter Sunday of a Gregorian year (1583 and later; the Gauss/Meeus
 * "anonymous Gregorian" computus).  HOP_DATE_NONE before 1583. */
hop_date holiday_easter(int year);

/* The Wednesday before 23 November: Buß- und Bettag. */
hop_date holiday_repentance_day(int year);

/* Is code one of BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH (any case)? */
bool holiday_region_valid(const char *code);

/* The public holidays of region in year, sorted by date, into out[0..max).
 * Returns how many there are (which may exceed max: only max are written),
 * or 0 for an unknown region or a year outside HOLIDAY_YEAR_MIN..MAX. */
size_t holiday_list(const char *region, int year, struct hop_holiday *out, size_t max);

/* Is day a public holiday in region?  name (may be NULL) gets the holiday's
 * display name (translated).  False for an unknown region. */
bool holiday_is(const char *region, hop_date day, const char **name);

/* The name to show people: the translation of name_en ("Fronleichnam" in
 * German, "Corpus Christi" in English). */
const char *holiday_display(const struct hop_holiday *h);

#endif
