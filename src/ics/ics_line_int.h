/* iCalendar content lines written the way libical 3.0 writes them (the same
 * escaping, parameter quoting and folding, byte for byte), into a buffer the
 * writer reuses, without building libical components: serializing a VEVENT
 * through libical allocates and frees dozens of buffers per event, most of
 * the time of a feed.  tests/unit/test_ics_libical.c compares the two on
 * every kind of property the writer makes.  Private to src/ics. */
#ifndef HOP_ICS_LINE_INT_H
#define HOP_ICS_LINE_INT_H

#include <stdbool.h>
#include <stddef.h>

/* A growing buffer; failed once an allocation failed (everything after is
 * dropped, the caller reports it). */
struct ics_buf {
	char *p;
	size_t n, cap;
	bool failed;
};

void ics_buf_free(struct ics_buf *b);
void ics_buf_put(struct ics_buf *b, const char *s, size_t n);
void ics_buf_puts(struct ics_buf *b, const char *s);

/* One content line at a time: begin it with the property's name, add
 * parameters and the value, then end it, which folds it (as libical does,
 * at most 75 octets a line, preferring a break after ';', ':' or a space,
 * never inside a UTF-8 character) onto out. */
struct ics_line {
	struct ics_buf text;            /* the line being made, unfolded */
};

void ics_line_begin(struct ics_line *l, const char *name);
/* ";NAME=value", the value quoted and encoded as libical does (RFC 6868). */
void ics_line_param(struct ics_line *l, const char *name, const char *value);
/* ":value" as TEXT: '\\', ';', ',' escaped, a newline as "\\n", CR, BS and FF
 * dropped.  x: an X- property's value, where libical leaves ';' and ','. */
void ics_line_text(struct ics_line *l, const char *value, bool x);
/* ":value" as given (dates, numbers, keywords). */
void ics_line_raw(struct ics_line *l, const char *value);
/* CRLF, folded onto out. */
void ics_line_end(struct ics_line *l, struct ics_buf *out);
void ics_line_free(struct ics_line *l);

#endif
