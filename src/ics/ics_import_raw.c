/* Reading closure days, the first pass: the raw lines of an iCalendar file,
 * checked where libical is lenient (BEGIN/END pairs, NAME:value lines,
 * UTF-8), with the line of every VEVENT and the exact text of its DTSTART and
 * DTEND; and the message list both passes write to. */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "ics_import_int.h"

/* ---- messages: every problem one line ---- */

void ics_note(struct msgs *m, const char *fmt, ...)
{
	va_list ap;
	int need;

	m->count++;
	va_start(ap, fmt);
	need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (need < 0 || m->oom)
		return;
	if (m->len + (size_t)need + 2 > m->cap) {
		size_t cap = (m->cap ? m->cap * 2 : 1024) + (size_t)need + 2;
		char *s = realloc(m->s, cap);
		if (!s) {
			m->oom = true;
			return;
		}
		m->s = s;
		m->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(m->s + m->len, m->cap - m->len, fmt, ap);
	va_end(ap);
	m->len += (size_t)need;
	m->s[m->len++] = '\n';
	m->s[m->len] = '\0';
}

/* ---- text helpers ---- */

static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) { k = 1; cp = c & 0x1f; }
		else if (c >= 0xe0 && c <= 0xef) { k = 2; cp = c & 0x0f; }
		else if (c >= 0xf0 && c <= 0xf4) { k = 3; cp = c & 0x07; }
		else return false;
		if (i + k >= n)
			return false;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		/* No overlong forms, surrogates or code points beyond U+10FFFF. */
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += k + 1;
	}
	return true;
}

size_t ics_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Copy at most max characters of s into buf (whole UTF-8 sequences only),
 * with "..." when cut. */
const char *ics_clip(const char *s, size_t n, char *buf, size_t size)
{
	size_t i = 0, chars = 0, out;

	while (i < n && chars < SHOW_MAX) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	out = i < size - 4 ? i : 0;
	memcpy(buf, s, out);
	buf[out] = '\0';
	if (i < n)
		strcat(buf, "...");
	return buf;
}

/* Exactly YYYYMMDD, a real date. */
bool ics_date8(const char *v, hop_date *out)
{
	int y, m, d;

	if (strlen(v) != 8)
		return false;
	for (int i = 0; i < 8; i++)
		if (!isdigit((unsigned char)v[i]))
			return false;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[4] - '0') * 10 + (v[5] - '0');
	d = (v[6] - '0') * 10 + (v[7] - '0');
	if (y < 1900 || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

/* ---- the first pass over the raw lines ---- */

static bool name_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

static void raw_prop_set(struct raw_prop *p, int line, const char *params, size_t plen,
                         const char *value, size_t vlen)
{
	char pbuf[256];
	size_t k = plen < sizeof pbuf - 1 ? plen : sizeof pbuf - 1;

	memcpy(pbuf, params, k);
	pbuf[k] = '\0';
	for (char *q = pbuf; *q; q++)
		*q = (char)toupper((unsigned char)*q);
	p->seen = true;
	p->line = line;
	p->timed = strstr(pbuf, "VALUE=DATE-TIME") || strstr(pbuf, "TZID=");
	p->too_long = vlen >= sizeof p->value;
	k = p->too_long ? sizeof p->value - 1 : vlen;
	memcpy(p->value, value, k);
	p->value[k] = '\0';
}

static void raw_line(struct raw *r, const char *s, size_t n, int line)
{
	char show[SHOW_MAX * 4 + 8];
	size_t nl = 0, i;
	const char *value = NULL;
	bool quoted = false;

	if (n == 0 || r->fatal)
		return;
	r->lines++;
	if (!utf8_valid((const unsigned char *)s, n)) {
		ics_note(r->m, _("%s:%d: the line is not valid UTF-8; save the file as UTF-8"),
		         r->name, line);
		return;
	}
	while (nl < n && (isalnum((unsigned char)s[nl]) || s[nl] == '-'))
		nl++;
	for (i = nl; nl > 0 && i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == ':' && !quoted) {
			value = s + i + 1;
			break;
		}
	}
	if (nl == 0 || !value || (s[nl] != ':' && s[nl] != ';')) {
		if (r->lines == 1)
			ics_note(r->m, _("%s:%d: the file does not start with BEGIN:VCALENDAR; is "
			         "it an iCalendar file?"), r->name, line);
		else
			ics_note(r->m, _("%s:%d: '%s' is not an iCalendar line of the form "
			         "NAME:value"), r->name, line, ics_clip(s, n, show, sizeof show));
		r->fatal = r->lines == 1;
		return;
	}
	size_t vlen = n - (size_t)(value - s);
	if (name_is(s, nl, "BEGIN")) {
		if (r->depth == 0 && !name_is(value, vlen, "VCALENDAR")) {
			ics_note(r->m, _("%s:%d: found BEGIN:%s where BEGIN:VCALENDAR was "
			         "expected; is this an iCalendar file?"), r->name, line,
			         ics_clip(value, vlen, show, sizeof show));
			r->fatal = true;
			return;
		}
		if (r->depth == DEPTH_MAX || vlen >= sizeof r->stack[0]) {
			ics_note(r->m, _("%s:%d: BEGIN:%s nests components too deeply or has too "
			         "long a name"), r->name, line,
			         ics_clip(value, vlen, show, sizeof show));
			r->fatal = true;
			return;
		}
		if (name_is(value, vlen, "VEVENT") && r->depth == 1) {
			if (!vec_grow(&r->ev, &r->cap, r->n + 1, sizeof *r->ev)) {
				r->m->oom = true;
				r->fatal = true;
				return;
			}
			memset(&r->ev[r->n], 0, sizeof r->ev[r->n]);
			r->ev[r->n++].line = line;
		}
		memcpy(r->stack[r->depth], value, vlen);
		r->stack[r->depth][vlen] = '\0';
		r->stack_line[r->depth++] = line;
		return;
	}
	if (name_is(s, nl, "END")) {
		if (r->depth == 0) {
			ics_note(r->m, _("%s:%d: END:%s has no BEGIN:%s before it"), r->name, line,
			         ics_clip(value, vlen, show, sizeof show), show);
			r->fatal = true;
		} else if (!name_is(value, vlen, r->stack[r->depth - 1])) {
			ics_note(r->m, _("%s:%d: END:%s does not close BEGIN:%s of line %d"),
			         r->name, line, ics_clip(value, vlen, show, sizeof show),
			         r->stack[r->depth - 1], r->stack_line[r->depth - 1]);
			r->fatal = true;
		} else {
			r->depth--;
		}
		return;
	}
	if (r->depth == 0) {
		ics_note(r->m, _("%s:%d: '%s' stands outside BEGIN:VCALENDAR ... END:VCALENDAR"),
		         r->name, line, ics_clip(s, n, show, sizeof show));
		r->fatal = true;
		return;
	}
	if (r->depth == 2 && r->n > 0 && strcasecmp(r->stack[1], "VEVENT") == 0) {
		struct raw_event *e = &r->ev[r->n - 1];
		if (name_is(s, nl, "DTSTART"))
			raw_prop_set(&e->dtstart, line, s + nl, (size_t)(value - 1 - s) - nl, value, vlen);
		else if (name_is(s, nl, "DTEND"))
			raw_prop_set(&e->dtend, line, s + nl, (size_t)(value - 1 - s) - nl, value, vlen);
	}
}

/* Split text into logical lines (CRLF or LF; a line starting with a space or
 * tab continues the one before) and hand each to raw_line. */
void ics_raw_scan(struct raw *r, const char *text, size_t len)
{
	char *buf = NULL;
	size_t blen = 0, bcap = 0;
	int line = 0, start = 0;
	const char *p = text, *end = text + len;

	while (p < end && !r->fatal && !r->m->oom) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		size_t n;

		if (!eol)
			eol = end;
		n = (size_t)(eol - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		line++;
		if (n > 0 && (p[0] == ' ' || p[0] == '\t') && blen > 0) {
			p++;
			n--;
		} else {
			raw_line(r, buf, blen, start);
			blen = 0;
			start = line;
		}
		if (blen + n + 1 > bcap) {
			size_t cap = (bcap ? bcap * 2 : 256) + n;
			char *b = realloc(buf, cap);
			if (!b) {
				r->m->oom = true;
				break;
			}
			buf = b;
			bcap = cap;
		}
		memcpy(buf + blen, p, n);
		blen += n;
		p = next;
	}
	if (!r->m->oom)
		raw_line(r, buf, blen, start);
	free(buf);
	if (!r->fatal && r->depth > 0) {
		ics_note(r->m, _("%s:%d: BEGIN:%s is never closed with END:%s; is the file "
		         "complete?"), r->name, r->stack_line[r->depth - 1],
		         r->stack[r->depth - 1], r->stack[r->depth - 1]);
		r->fatal = true;
	}
	if (!r->fatal && r->lines == 0) {
		ics_note(r->m, _("%s is empty; an iCalendar file starts with BEGIN:VCALENDAR"),
		         r->name);
		r->fatal = true;
	}
}
