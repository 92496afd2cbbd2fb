/* iCalendar content lines as libical 3.0.16 writes them (icalproperty.c,
 * icalvalue.c, icalparameter.c), without a component, a property or a
 * buffer allocated per line: the rules below are libical's, kept to the
 * byte so that a feed reads the same as before. */
#include <stdlib.h>
#include <string.h>

#include "ics_line_int.h"

void ics_buf_free(struct ics_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

static bool buf_room(struct ics_buf *b, size_t more)
{
	if (b->failed)
		return false;
	if (b->n + more <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 1024;
	while (cap < b->n + more)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void ics_buf_put(struct ics_buf *b, const char *s, size_t n)
{
	if (n && buf_room(b, n)) {
		memcpy(b->p + b->n, s, n);
		b->n += n;
	}
}

void ics_buf_puts(struct ics_buf *b, const char *s)
{
	ics_buf_put(b, s, strlen(s));
}

static void buf_putc(struct ics_buf *b, char c)
{
	if (buf_room(b, 1))
		b->p[b->n++] = c;
}

void ics_line_begin(struct ics_line *l, const char *name)
{
	l->text.n = 0;
	ics_buf_puts(&l->text, name);
}

/* icalparameter_is_safe_char: what a parameter value keeps as it is. */
static bool param_safe(unsigned char c, bool quoted)
{
	if (c == ' ' || c == '\t' || c == '!' || (c >= 0x80 && c <= 0xF8))
		return true;
	if (quoted)
		return c >= 0x23 && c <= 0x7e;
	return (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x39) || (c >= 0x3c && c <= 0x7e);
}

void ics_line_param(struct ics_line *l, const char *name, const char *value)
{
	struct ics_buf *b = &l->text;
	bool quoted = !*value || strpbrk(value, ";:,") != NULL;

	buf_putc(b, ';');
	ics_buf_puts(b, name);
	buf_putc(b, '=');
	if (quoted)
		buf_putc(b, '"');
	for (const char *p = value; *p; p++) {
		if (param_safe((unsigned char)*p, quoted))
			buf_putc(b, *p);
		else if (*p == '\n')
			ics_buf_put(b, "^n", 2);
		else if (*p == '"')
			ics_buf_put(b, "^'", 2);
		else
			buf_putc(b, ' ');
	}
	if (quoted)
		buf_putc(b, '"');
}

void ics_line_text(struct ics_line *l, const char *value, bool x)
{
	struct ics_buf *b = &l->text;
	const char *run = value, *p;

	buf_putc(b, ':');
	/* Plain runs are copied whole; the few characters that change end one. */
	for (p = value; *p; p++) {
		const char *with;
		/* A control character never reaches a calendar raw (an ESC would
		 * drive the terminal of whoever reads the feed there): a line break
		 * stays as \n, every other C0 character, DEL and C1 (U+0080..U+009F)
		 * becomes a space (C1, two bytes, two). */
		if ((unsigned char)*p == 0xc2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9f) {
			ics_buf_put(b, run, (size_t)(p - run));
			ics_buf_puts(b, "  ");
			run = ++p + 1;
			continue;
		}
		switch (*p) {
		case '\n': with = "\\n"; break;
		case ';': with = x ? NULL : "\\;"; break;
		case ',': with = x ? NULL : "\\,"; break;
		case '\\': with = "\\\\"; break;
		default:
			with = ((unsigned char)*p < 0x20 || *p == 0x7f) ? " " : NULL;
			break;
		}
		if (!with)
			continue;
		ics_buf_put(b, run, (size_t)(p - run));
		ics_buf_puts(b, with);
		run = p + 1;
	}
	ics_buf_put(b, run, (size_t)(p - run));
}

void ics_line_raw(struct ics_line *l, const char *value)
{
	buf_putc(&l->text, ':');
	ics_buf_puts(&l->text, value);
}

/* libical's get_next_line_start: where the next physical line begins, for
 * the left octets from start (the CRLF counted among them). */
#define LINE_MAX_OCTETS 75
static const char *next_line_start(const char *start, size_t left)
{
	const unsigned char *pos;

	if (left < LINE_MAX_OCTETS)
		return start + left;
	for (pos = (const unsigned char *)start + LINE_MAX_OCTETS - 2;
	     pos > (const unsigned char *)start; pos--)
		if (*pos == ';' || *pos == ':' || *pos == ' ')
			return (const char *)pos + 1;
	for (pos = (const unsigned char *)start + LINE_MAX_OCTETS - 1;
	     pos > (const unsigned char *)start; pos--)
		if ((*pos & 128) == 0 || (*pos & 192) == 192)
			return (const char *)pos;
	return start + LINE_MAX_OCTETS - 1;
}

void ics_line_end(struct ics_line *l, struct ics_buf *out)
{
	const char *start;
	size_t left;

	ics_buf_put(&l->text, "\r\n", 2);
	if (l->text.failed) {
		out->failed = true;
		return;
	}
	start = l->text.p;
	left = l->text.n;
	if (left < LINE_MAX_OCTETS) {
		ics_buf_put(out, start, left);
		return;
	}
	for (bool first = true; left > 0; first = false) {
		const char *next = next_line_start(start, left);
		if (!first)
			ics_buf_put(out, "\r\n ", 3);
		ics_buf_put(out, start, (size_t)(next - start));
		left -= (size_t)(next - start);
		start = next;
	}
}

void ics_line_free(struct ics_line *l)
{
	ics_buf_free(&l->text);
}
