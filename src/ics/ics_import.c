/* Reading closure days from an iCalendar file.
 *
 * libical parses the file, but it is lenient where hop must not be: it reads
 * "2026122x" as 2 December, accepts a property line without ':' and cannot
 * say on which line a component starts.  So a first pass over the raw lines
 * checks the structure (BEGIN/END pairs, NAME:value lines, UTF-8), notes the
 * line of every VEVENT and the exact text of its DTSTART and DTEND; libical
 * then gives SUMMARY, UID, DURATION, STATUS and recurrence properties with
 * escapes undone, and its own complaints (X-LIC-ERROR). */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "hop/base/i18n.h"
#include "hop/ics/ics_import.h"
#include "hop/base/vec.h"

#define DEPTH_MAX 16
#define RAW_VALUE_MAX 64
#define SHOW_MAX 60      /* characters of a summary or line quoted in a message */

/* ---- messages: every problem one line ---- */

struct msgs {
	char *s;
	size_t len, cap;
	int count;
	bool oom;
};

static void add(struct msgs *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct msgs *m, const char *fmt, ...)
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

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Copy at most max characters of s into buf (whole UTF-8 sequences only),
 * with "..." when cut. */
static const char *clip(const char *s, size_t n, char *buf, size_t size)
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
static bool parse_date8(const char *v, hop_date *out)
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
		add(r->m, _("%s:%d: the line is not valid UTF-8; save the file as UTF-8"), r->name,
		    line);
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
			add(r->m, _("%s:%d: the file does not start with BEGIN:VCALENDAR; is it an "
			    "iCalendar file?"), r->name, line);
		else
			add(r->m, _("%s:%d: '%s' is not an iCalendar line of the form NAME:value"),
			    r->name, line, clip(s, n, show, sizeof show));
		r->fatal = r->lines == 1;
		return;
	}
	size_t vlen = n - (size_t)(value - s);
	if (name_is(s, nl, "BEGIN")) {
		if (r->depth == 0 && !name_is(value, vlen, "VCALENDAR")) {
			add(r->m, _("%s:%d: found BEGIN:%s where BEGIN:VCALENDAR was expected; is this "
			    "an iCalendar file?"), r->name, line, clip(value, vlen, show, sizeof show));
			r->fatal = true;
			return;
		}
		if (r->depth == DEPTH_MAX || vlen >= sizeof r->stack[0]) {
			add(r->m, _("%s:%d: BEGIN:%s nests components too deeply or has too long a "
			    "name"), r->name, line, clip(value, vlen, show, sizeof show));
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
			add(r->m, _("%s:%d: END:%s has no BEGIN:%s before it"), r->name, line,
			    clip(value, vlen, show, sizeof show), show);
			r->fatal = true;
		} else if (!name_is(value, vlen, r->stack[r->depth - 1])) {
			add(r->m, _("%s:%d: END:%s does not close BEGIN:%s of line %d"), r->name, line,
			    clip(value, vlen, show, sizeof show), r->stack[r->depth - 1],
			    r->stack_line[r->depth - 1]);
			r->fatal = true;
		} else {
			r->depth--;
		}
		return;
	}
	if (r->depth == 0) {
		add(r->m, _("%s:%d: '%s' stands outside BEGIN:VCALENDAR ... END:VCALENDAR"), r->name,
		    line, clip(s, n, show, sizeof show));
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
static void raw_scan(struct raw *r, const char *text, size_t len)
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
		add(r->m, _("%s:%d: BEGIN:%s is never closed with END:%s; is the file complete?"),
		    r->name, r->stack_line[r->depth - 1], r->stack[r->depth - 1],
		    r->stack[r->depth - 1]);
		r->fatal = true;
	}
	if (!r->fatal && r->lines == 0) {
		add(r->m, _("%s is empty; an iCalendar file starts with BEGIN:VCALENDAR"), r->name);
		r->fatal = true;
	}
}

/* ---- the second pass: libical, event by event ---- */

void ics_closure_list_free(struct ics_closure_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* libical's own complaints inside a component (and one level below). */
static void lic_errors(icalcomponent *c, const char *where, struct msgs *m, int depth)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
		add(m, _("%s: libical cannot read it: %s"), where, icalproperty_get_xlicerror(p));
	if (depth > 0)
		return;
	for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
	     s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		lic_errors(s, where, m, depth + 1);
}

/* A date property as the file wrote it: returns false (and reports) unless it
 * is a plain date. */
static bool event_date(const struct raw_prop *p, const char *key, const char *name,
                       const char *who, struct msgs *m, hop_date *out)
{
	if (p->timed && !strchr(p->value, 'T') && !strchr(p->value, 't')) {
		add(m, _("%s:%d: %s: %s has a TZID or VALUE=DATE-TIME, so it is a time, not a day; "
		    "hop imports all-day events only (%s;VALUE=DATE:20261228)"), name, p->line, who,
		    key, key);
		return false;
	}
	if (p->timed || strchr(p->value, 'T') || strchr(p->value, 't')) {
		add(m, _("%s:%d: %s: %s:%s is a time, not a day; hop imports all-day events only "
		    "(%s;VALUE=DATE:20261228)"), name, p->line, who, key, p->value, key);
		return false;
	}
	if (p->too_long || !parse_date8(p->value, out)) {
		add(m, _("%s:%d: %s: %s '%s' is not a date; write it as YYYYMMDD, such as %s;"
		    "VALUE=DATE:20261228"), name, p->line, who, key, p->value, key);
		return false;
	}
	return true;
}

static void read_event(icalcomponent *e, const struct raw_event *raw, int index,
                       const char *name, struct ics_closure *out, struct msgs *m)
{
	char who[SHOW_MAX * 4 + 64], show[SHOW_MAX * 4 + 8], where[HOP_ERR_MSG_MAX];
	const char *summary = icalcomponent_get_summary(e);
	const char *uid = icalcomponent_get_uid(e);
	icalproperty *dur = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY);
	int line = raw ? raw->line : 0, before = m->count;
	bool cancelled = icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED;
	hop_date start = 0, stop = 0;

	memset(out, 0, sizeof *out);
	out->index = index;
	out->line = line;
	if (summary && *summary)
		snprintf(who, sizeof who, _("event %d (%s)"), index,
		         clip(summary, strlen(summary), show, sizeof show));
	else if (uid && *uid)
		snprintf(who, sizeof who, _("event %d (UID %s)"), index,
		         clip(uid, strlen(uid), show, sizeof show));
	else
		snprintf(who, sizeof who, _("event %d"), index);
	snprintf(where, sizeof where, "%s:%d: %s", name, line, who);

	lic_errors(e, where, m, 0);
	if (icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY))
		add(m, _("%s: repeats (RRULE); hop does not expand repeating events: list each "
		    "closure as an event of its own"), where);
	if (icalcomponent_get_first_property(e, ICAL_RDATE_PROPERTY))
		add(m, _("%s: repeats (RDATE); hop does not expand repeating events: list each "
		    "closure as an event of its own"), where);
	if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY))
		add(m, _("%s: changes one occurrence of a repeating event (RECURRENCE-ID); hop "
		    "imports single events only"), where);

	/* The summary names the closure wherever a day is refused. */
	if (!summary || !*summary) {
		add(m, _("%s: has no SUMMARY; give each closure a name, such as "
		    "SUMMARY:Betriebsruhe"), where);
	} else if (utf8_chars(summary) > ICS_SUMMARY_MAX) {
		add(m, _("%s: the SUMMARY is longer than %d characters; shorten it"), where,
		    ICS_SUMMARY_MAX);
	} else {
		char *q;
		snprintf(out->summary, sizeof out->summary, "%s", summary);
		/* Escaped newlines and tabs would break tables: make them spaces. */
		for (q = out->summary; *q; q++)
			if ((unsigned char)*q < 0x20 || *q == 0x7f)
				*q = ' ';
	}

	if (uid && *uid) {
		if (strlen(uid) > ICS_UID_MAX)
			add(m, _("%s: the UID is longer than %d bytes"), where, ICS_UID_MAX);
		else
			snprintf(out->uid, sizeof out->uid, "%s", uid);
	}

	if (!raw || !raw->dtstart.seen) {
		if (!cancelled)
			add(m, _("%s: has no DTSTART; give the first closure day, such as "
			    "DTSTART;VALUE=DATE:20261228"), where);
	} else if (event_date(&raw->dtstart, "DTSTART", name, who, m, &start)) {
		out->first = start;
		if (raw->dtend.seen && dur) {
			add(m, _("%s: has both DTEND and DURATION; keep one"), where);
		} else if (raw->dtend.seen) {
			if (event_date(&raw->dtend, "DTEND", name, who, m, &stop) && stop <= start)
				add(m, _("%s:%d: %s: DTEND %s is not after DTSTART %s; DTEND is the day "
				    "after the last closure day"), name, raw->dtend.line, who,
				    raw->dtend.value, raw->dtstart.value);
		} else if (dur) {
			struct icaldurationtype d = icalproperty_get_duration(dur);
			if (d.is_neg || d.hours || d.minutes || d.seconds ||
			    d.weeks * 7 + d.days < 1) {
				char *txt = icaldurationtype_as_ical_string_r(d);
				add(m, _("%s: DURATION %s is not a whole number of days"), where,
				    txt ? txt : "?");
				free(txt);
			} else {
				stop = start + (hop_date)(d.weeks * 7 + d.days);
			}
		} else {
			stop = start + 1;      /* RFC 5545: an all-day event without end is one day */
		}
		if (stop > start && stop - start > ICS_SPAN_MAX)
			add(m, _("%s: spans %ld days; an event may close at most %d days"), where,
			    (long)(stop - start), ICS_SPAN_MAX);
		else if (stop > start)
			out->days = (int)(stop - start);
	}
	if (cancelled)
		out->days = 0;
	if (m->count == before && !out->uid[0]) {
		/* No UID: make one from the first day and the summary, so that importing
		 * the same file again finds the same event. */
		snprintf(out->uid, sizeof out->uid, "hop-no-uid-%ld-%08x", (long)out->first,
		         (unsigned)fnv1a(out->summary));
	}
}

static int by_uid(const void *a, const void *b)
{
	const struct ics_closure *x = *(const struct ics_closure *const *)a;
	const struct ics_closure *y = *(const struct ics_closure *const *)b;
	int c = strcmp(x->uid, y->uid);

	return c ? c : x->index - y->index;
}

static void check_unique(struct ics_closure_list *l, const char *name, struct msgs *m)
{
	const struct ics_closure **v;
	char show[SHOW_MAX * 4 + 8];

	if (l->n < 2)
		return;
	if (!(v = malloc(l->n * sizeof *v))) {
		m->oom = true;
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		v[i] = &l->v[i];
	qsort(v, l->n, sizeof *v, by_uid);
	for (size_t i = 1; i < l->n; i++)
		if (strcmp(v[i]->uid, v[i - 1]->uid) == 0)
			add(m, _("%s:%d: event %d has the same UID as event %d of line %d (%s); give "
			    "each event its own UID"), name, v[i]->line, v[i]->index, v[i - 1]->index,
			    v[i - 1]->line, clip(v[i]->uid, strlen(v[i]->uid), show, sizeof show));
	free(v);
}

static void read_calendar(icalcomponent *cal, struct raw *r, int *index,
                          struct ics_closure_list *out, struct msgs *m)
{
	for (icalproperty *p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(cal, ICAL_XLICERROR_PROPERTY))
		add(m, _("%s: libical cannot read it: %s"), r->name, icalproperty_get_xlicerror(p));
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		const struct raw_event *raw = (size_t)*index < r->n ? &r->ev[*index] : NULL;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			m->oom = true;
			return;
		}
		++*index;
		read_event(e, raw, *index, r->name, &out->v[out->n++], m);
	}
}

enum hop_status ics_read_closures(const char *text, size_t len, const char *name,
                                  struct ics_closure_list *out, char **messages, int *errors,
                                  struct hop_err *err)
{
	struct msgs m = { 0 };
	struct raw r = { 0 };
	icalcomponent *root = NULL;
	int index = 0;

	memset(out, 0, sizeof *out);
	*messages = NULL;
	*errors = 0;
	r.name = name;
	r.m = &m;
	if (strlen(text) != len) {
		int line = 1;
		for (const char *q = text; *q; q++)
			line += *q == '\n';
		add(&m, _("%s:%d: the file contains a NUL byte; it is not a text file"), name, line);
		goto done;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {   /* a byte order mark */
		text += 3;
		len -= 3;
	}
	raw_scan(&r, text, len);
	if (r.fatal || m.oom)
		goto done;

	icalerror_set_errors_are_fatal(0);
	root = icalparser_parse_string(text);
	if (!root) {
		add(&m, _("%s: libical cannot read the file; check that it is an iCalendar file"),
		    name);
		goto done;
	}
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
		read_calendar(root, &r, &index, out, &m);
	} else {
		for (icalcomponent *c = icalcomponent_get_first_component(root,
		                                                           ICAL_VCALENDAR_COMPONENT);
		     c; c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
			read_calendar(c, &r, &index, out, &m);
	}
	if (index == 0 && m.count == 0)
		add(&m, _("%s contains no events (VEVENT); nothing to import"), name);
	if (m.count == 0)
		check_unique(out, name, &m);
done:
	if (root)
		icalcomponent_free(root);
	free(r.ev);
	if (m.oom) {
		free(m.s);
		ics_closure_list_free(out);
		return hop_fail(err, HOP_ENOMEM, _("out of memory while reading %s"), name);
	}
	if (m.count > 0) {
		*messages = m.s;
		*errors = m.count;
		ics_closure_list_free(out);
		return hop_fail(err, HOP_EINVAL, _("%s has errors (%d); nothing was imported"), name,
		                m.count);
	}
	free(m.s);
	return HOP_OK;
}
