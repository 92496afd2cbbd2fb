/* Reading closure days from an iCalendar file.
 *
 * libical parses the file, but it is lenient where hop must not be: it reads
 * "2026122x" as 2 December, accepts a property line without ':' and cannot
 * say on which line a component starts.  So a first pass over the raw lines
 * checks the structure (BEGIN/END pairs, NAME:value lines, UTF-8), notes the
 * line of every VEVENT and the exact text of its DTSTART and DTEND; libical
 * then gives SUMMARY, UID, DURATION, STATUS and recurrence properties with
 * escapes undone, and its own complaints (X-LIC-ERROR).  The first pass is
 * ics_import_raw.c; this file is the second and puts both together. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "hop/base/i18n.h"
#include "hop/ics/ics_import.h"
#include "hop/base/vec.h"
#include "ics_import_int.h"

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
		ics_note(m, _("%s: libical cannot read it: %s"), where,
		         icalproperty_get_xlicerror(p));
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
		ics_note(m, _("%s:%d: %s: %s has a TZID or VALUE=DATE-TIME, so it is a time, not "
		         "a day; hop imports all-day events only (%s;VALUE=DATE:20261228)"), name,
		         p->line, who, key, key);
		return false;
	}
	if (p->timed || strchr(p->value, 'T') || strchr(p->value, 't')) {
		ics_note(m, _("%s:%d: %s: %s:%s is a time, not a day; hop imports all-day events "
		         "only (%s;VALUE=DATE:20261228)"), name, p->line, who, key, p->value, key);
		return false;
	}
	if (p->too_long || !ics_date8(p->value, out)) {
		ics_note(m, _("%s:%d: %s: %s '%s' is not a date; write it as YYYYMMDD, such as %s;"
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
		         ics_clip(summary, strlen(summary), show, sizeof show));
	else if (uid && *uid)
		snprintf(who, sizeof who, _("event %d (UID %s)"), index,
		         ics_clip(uid, strlen(uid), show, sizeof show));
	else
		snprintf(who, sizeof who, _("event %d"), index);
	snprintf(where, sizeof where, "%s:%d: %s", name, line, who);

	lic_errors(e, where, m, 0);
	if (icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY))
		ics_note(m, _("%s: repeats (RRULE); hop does not expand repeating events: list "
		         "each closure as an event of its own"), where);
	if (icalcomponent_get_first_property(e, ICAL_RDATE_PROPERTY))
		ics_note(m, _("%s: repeats (RDATE); hop does not expand repeating events: list "
		         "each closure as an event of its own"), where);
	if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY))
		ics_note(m, _("%s: changes one occurrence of a repeating event (RECURRENCE-ID); "
		         "hop imports single events only"), where);

	/* The summary names the closure wherever a day is refused. */
	if (!summary || !*summary) {
		ics_note(m, _("%s: has no SUMMARY; give each closure a name, such as "
		         "SUMMARY:Betriebsruhe"), where);
	} else if (ics_utf8_chars(summary) > ICS_SUMMARY_MAX) {
		ics_note(m, _("%s: the SUMMARY is longer than %d characters; shorten it"), where,
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
			ics_note(m, _("%s: the UID is longer than %d bytes"), where, ICS_UID_MAX);
		else
			snprintf(out->uid, sizeof out->uid, "%s", uid);
	}

	if (!raw || !raw->dtstart.seen) {
		if (!cancelled)
			ics_note(m, _("%s: has no DTSTART; give the first closure day, such as "
			         "DTSTART;VALUE=DATE:20261228"), where);
	} else if (event_date(&raw->dtstart, "DTSTART", name, who, m, &start)) {
		out->first = start;
		if (raw->dtend.seen && dur) {
			ics_note(m, _("%s: has both DTEND and DURATION; keep one"), where);
		} else if (raw->dtend.seen) {
			if (event_date(&raw->dtend, "DTEND", name, who, m, &stop) && stop <= start)
				ics_note(m, _("%s:%d: %s: DTEND %s is not after DTSTART %s; DTEND "
				         "is the day after the last closure day"), name,
				         raw->dtend.line, who, raw->dtend.value,
				         raw->dtstart.value);
		} else if (dur) {
			struct icaldurationtype d = icalproperty_get_duration(dur);
			if (d.is_neg || d.hours || d.minutes || d.seconds ||
			    d.weeks * 7 + d.days < 1) {
				char *txt = icaldurationtype_as_ical_string_r(d);
				ics_note(m, _("%s: DURATION %s is not a whole number of days"),
				         where, txt ? txt : "?");
				free(txt);
			} else {
				stop = start + (hop_date)(d.weeks * 7 + d.days);
			}
		} else {
			stop = start + 1;      /* RFC 5545: an all-day event without end is one day */
		}
		if (stop > start && stop - start > ICS_SPAN_MAX)
			ics_note(m, _("%s: spans %ld days; an event may close at most %d days"),
			         where, (long)(stop - start), ICS_SPAN_MAX);
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
			ics_note(m, _("%s:%d: event %d has the same UID as event %d of line %d "
			         "(%s); give each event its own UID"), name, v[i]->line,
			         v[i]->index, v[i - 1]->index, v[i - 1]->line,
			         ics_clip(v[i]->uid, strlen(v[i]->uid), show, sizeof show));
	free(v);
}

static void read_calendar(icalcomponent *cal, struct raw *r, int *index,
                          struct ics_closure_list *out, struct msgs *m)
{
	for (icalproperty *p = icalcomponent_get_first_property(cal, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(cal, ICAL_XLICERROR_PROPERTY))
		ics_note(m, _("%s: libical cannot read it: %s"), r->name,
		         icalproperty_get_xlicerror(p));
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
		ics_note(&m, _("%s:%d: the file contains a NUL byte; it is not a text file"), name,
		         line);
		goto done;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {   /* a byte order mark */
		text += 3;
		len -= 3;
	}
	ics_raw_scan(&r, text, len);
	if (r.fatal || m.oom)
		goto done;

	icalerror_set_errors_are_fatal(0);
	root = icalparser_parse_string(text);
	if (!root) {
		ics_note(&m, _("%s: libical cannot read the file; check that it is an iCalendar "
		         "file"), name);
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
		ics_note(&m, _("%s contains no events (VEVENT); nothing to import"), name);
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
