/* Reading closure days: what the first pass over the raw lines
 * (ics_import_raw.c) hands the second, libical's (ics_import.c), and the
 * problems both report.  Private to src/ics. */
#ifndef HOP_ICS_IMPORT_INT_H
#define HOP_ICS_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "hop/base/date.h"

#define DEPTH_MAX 16
#define RAW_VALUE_MAX 64
#define SHOW_MAX 60      /* characters of a summary or line quoted in a message */

/* Every problem one line, counted. */
struct msgs {
	char *s;
	size_t len, cap;
	int count;
	bool oom;
};
void ics_note(struct msgs *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Characters (not bytes) of a UTF-8 string. */
size_t ics_utf8_chars(const char *s);
/* At most SHOW_MAX characters of s (n bytes) into buf, "..." when cut. */
const char *ics_clip(const char *s, size_t n, char *buf, size_t size);
/* Exactly YYYYMMDD, a real date. */
bool ics_date8(const char *v, hop_date *out);

/* ---- the first pass ---- */

struct raw_prop {
	bool seen;
	int line;
	bool timed;                   /* VALUE=DATE-TIME or TZID= among the parameters */
	char value[RAW_VALUE_MAX];
	bool too_long;
};

struct raw_event {
	int line;
	struct raw_prop dtstart, dtend;
};

struct raw {
	struct raw_event *ev;
	size_t n, cap;
	const char *name;
	struct msgs *m;
	bool fatal;
	int lines;                    /* logical lines seen (not blank) */
	int depth;
	char stack[DEPTH_MAX][32];
	int stack_line[DEPTH_MAX];
};

/* Check the structure of text (len bytes) line by line into r (r->name and
 * r->m set by the caller): every VEVENT's line and its raw DTSTART/DTEND. */
void ics_raw_scan(struct raw *r, const char *text, size_t len);

#endif
