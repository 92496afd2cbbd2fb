/* A local point in time to the minute: a day and the minutes since its
 * midnight, as training sessions store them ("2027-02-03T09:00"). */
#ifndef HOP_DATETIME_H
#define HOP_DATETIME_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/date.h"
#include "hop/base/err.h"

struct hop_datetime {
	hop_date day;             /* HOP_DATE_NONE = none */
	int minute;               /* 0 .. 1439 */
};
#define HOP_DATETIME_ISO_LEN 17   /* "YYYY-MM-DDTHH:MM" and NUL */

/* A day and a time as people type them: "2027-02-03T09:00",
 * "2027-02-03 09:00", "03.02.2027 09:00", "03.02.2027 9:00", or any day
 * date_parse takes followed by a time.  Without a time the minute is
 * default_minute, or an error when default_minute < 0. */
enum hop_status datetime_parse(const char *s, hop_date today, int default_minute,
                               struct hop_datetime *out, struct hop_err *err);
/* Strict "YYYY-MM-DDTHH:MM", the stored form. */
bool datetime_parse_iso(const char *s, struct hop_datetime *out);
/* "2027-02-03T09:00"; buf holds HOP_DATETIME_ISO_LEN bytes.  Returns buf. */
char *datetime_format(struct hop_datetime t, char *buf);
/* "HH:MM" of minute; buf holds 6 bytes. */
char *datetime_hhmm(int minute, char *buf);
/* <0, 0, >0 as a is before, equal to, after b. */
int datetime_cmp(struct hop_datetime a, struct hop_datetime b);

#endif
