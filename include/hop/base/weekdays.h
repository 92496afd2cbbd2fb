/* Sets of weekdays as people type them for a series ("mon,thu", "Mo,Do",
 * "mon-fri"): bit 1 << 1 is Monday ... 1 << 7 Sunday, the ISO weekday numbers. */
#ifndef HOP_WEEKDAYS_H
#define HOP_WEEKDAYS_H

#include "hop/base/err.h"

/* "mon,thu", "Mo,Do", "mon-fri" -> bit set as above; fails naming the word. */
enum hop_status weekdays_parse(const char *text, unsigned *weekdays, struct hop_err *err);

#endif
