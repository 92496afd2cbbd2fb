/* Calendar dates as day numbers, ISO weeks, and the date words people type.
 *
 * A hop_date counts days since 1970-01-01 (proleptic Gregorian), so that
 * "next day" is +1 and intervals are plain subtraction. */
#ifndef HOP_DATE_H
#define HOP_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/err.h"

typedef int32_t hop_date;

#define HOP_DATE_NONE INT32_MIN   /* "no date", e.g. an open end date */
#define HOP_DATE_ISO_LEN 11       /* "YYYY-MM-DD" and NUL */

bool date_valid_ymd(int y, int m, int d);
hop_date date_from_ymd(int y, int m, int d);
void date_to_ymd(hop_date day, int *y, int *m, int *d);

/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(hop_date day);

/* ISO 8601 week: the week-numbering year and week 1..53. */
void date_iso_week(hop_date day, int *iso_year, int *week);
/* Monday of ISO week w of iso_year; HOP_DATE_NONE if w is out of range. */
hop_date date_from_iso_week(int iso_year, int week);

/* "2026-11-23".  buf must hold HOP_DATE_ISO_LEN bytes. Returns buf. */
char *date_format(hop_date day, char *buf);

/* A date for people: "Tue 24 Nov 2026" in English, "Di 24.11.2026" in German
 * (weekday and month abbreviations translated).  HOP_DATE_HUMAN_LEN bytes
 * always suffice; a smaller buf gets a truncated, terminated text. Returns buf. */
#define HOP_DATE_HUMAN_LEN 48
char *date_format_human(hop_date day, char *buf, size_t size);

/* Strict ISO 8601 calendar date, the form used in files. */
bool date_parse_iso(const char *s, hop_date *out);

/* What a person may type on the command line or in the TUI:
 *   2026-11-23, 23.11.2026, 23.11. (this year), today, tomorrow, yesterday,
 *   heute, morgen, gestern, +N / -N (days from today),
 *   mon..sun / mo..so / Montag..Sonntag (the next such day, today included).
 * Fails with a message naming the text and the accepted forms. */
enum hop_status date_parse(const char *s, hop_date today, hop_date *out, struct hop_err *err);

/* An ISO week as typed: 2026-W48, 2026W48, W48 / KW48 / 48 (in today's ISO year),
 * or any date (its week).  Gives the Monday of the week. */
enum hop_status date_parse_week(const char *s, hop_date today, hop_date *monday, struct hop_err *err);

/* months calendar months after day (before it when negative); a day the
 * month lacks becomes its last day: 31.01. + 1 month = 28.02. (29.02.). */
hop_date date_add_months(hop_date day, int months);

/* Half days: the morning, the afternoon, or both (the whole day). */
enum half { HALF_AM = 1, HALF_PM = 2, HALF_DAY = 3 };

#endif
