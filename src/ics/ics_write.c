/* The streaming iCalendar writer: hop writes the BEGIN/END:VCALENDAR lines
 * and each VEVENT's content lines itself, by libical's rules (ics_line.c),
 * and takes each time zone's VTIMEZONE from libical. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>
#include "hop/base/date.h"
#include "hop/base/i18n.h"
#include "hop/ics/ics.h"
#include "ics_line_int.h"


struct ics_writer {
	FILE *out;
	char stamp[20];                /* DTSTAMP, UTC: 20261123T120000Z */
	struct ics_line line;          /* the content line being made */
	struct ics_buf text;           /* the lines of the event being made */
	struct { char name[64]; bool utc; } zones[ICS_MAX_ZONES];
	size_t nzones;
	size_t events;
	bool failed;
};

static enum hop_status put(struct ics_writer *w, const char *text, struct hop_err *err)
{
	if (fputs(text, w->out) == EOF) {
		w->failed = true;
		return hop_fail(err, HOP_EIO, _("cannot write the calendar: %s"), strerror(errno));
	}
	return HOP_OK;
}

/* The content lines made into w->text, written out; w->text emptied. */
static enum hop_status put_text(struct ics_writer *w, struct hop_err *err)
{
	if (w->text.failed || w->line.text.failed) {
		w->text.n = 0;
		w->text.failed = false;
		w->line.text.failed = false;
		return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	}
	size_t n = w->text.n;
	w->text.n = 0;
	if (fwrite(w->text.p, 1, n, w->out) != n) {
		w->failed = true;
		return hop_fail(err, HOP_EIO, _("cannot write the calendar: %s"), strerror(errno));
	}
	return HOP_OK;
}

/* NAME:value as TEXT (x: an X- property's value), onto w->text. */
static void line_text(struct ics_writer *w, const char *name, const char *value, bool x)
{
	ics_line_begin(&w->line, name);
	ics_line_text(&w->line, value, x);
	ics_line_end(&w->line, &w->text);
}

static void line_raw(struct ics_writer *w, const char *name, const char *value)
{
	ics_line_begin(&w->line, name);
	ics_line_raw(&w->line, value);
	ics_line_end(&w->line, &w->text);
}

static void writer_free(struct ics_writer *w)
{
	ics_line_free(&w->line);
	ics_buf_free(&w->text);
	free(w);
}

/* The VTIMEZONE of tzid as text into *text (the cache's: not to be freed),
 * NULL for UTC (whose times are written with a Z instead; libical defines no
 * VTIMEZONE for it).  libical's built-in zones carry the TZID
 * "/freeassociation.sourceforge.net/Europe/Berlin"; the events name the plain
 * IANA zone, so the copy gets that plain name (icaltimezone_set_tzid_prefix
 * does not help here).  History before since is cut off: Berlin's whole
 * history since 1893 is some 160 lines a feed would carry for nothing.
 *
 * Cutting a zone means iterating its rules: a tenth of the time of
 * 'hop feeds publish' when done per feed, so each (zone, year) is made once
 * per process and kept. */
#define ZONE_CACHE_MAX (4 * ICS_MAX_ZONES)
static struct zone_text { char tzid[64]; int year; char *text; bool utc; } zone_cache[ZONE_CACHE_MAX];
static size_t zone_cached;

static enum hop_status make_zone(const char *tzid, hop_date since, const char **text,
                                 bool *utc, struct hop_err *err)
{
	int year = 0, m, d;
	if (since != HOP_DATE_NONE) {
		date_to_ymd(since, &year, &m, &d);
		year--;
	}
	for (size_t i = 0; i < zone_cached; i++) {
		if (zone_cache[i].year == year && strcmp(zone_cache[i].tzid, tzid) == 0) {
			*text = zone_cache[i].text;
			*utc = zone_cache[i].utc;
			return HOP_OK;
		}
	}
	*text = NULL;
	*utc = false;
	icaltimezone *z = icaltimezone_get_builtin_timezone(tzid);
	if (!z)
		return hop_fail(err, HOP_EINVAL,
		                _("time zone '%s' is unknown; use an IANA name such as Europe/Berlin"),
		                tzid);
	char *out = NULL;
	if (z == icaltimezone_get_utc_timezone()) {
		*utc = true;
	} else {
		icalcomponent *src = icaltimezone_get_component(z);
		if (!src)
			return hop_fail(err, HOP_EINVAL, _("time zone '%s' has no definition in libical"),
			                tzid);
		icalcomponent *c = icalcomponent_new_clone(src);
		if (!c)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
		if (year) {
			/* From the first of January a year before the first day: a
			 * calendar showing the first event needs the offset in force
			 * then, and a year's margin costs two lines. */
			struct icaltimetype start = icaltime_null_time();
			start.year = year;
			start.month = 1;
			start.day = 1;
			start.zone = icaltimezone_get_utc_timezone();
			icaltimezone_truncate_vtimezone(c, start, icaltime_null_time(), 0);
		}
		icalproperty *p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
		if (p)
			icalproperty_set_tzid(p, tzid);
		else
			icalcomponent_add_property(c, icalproperty_new_tzid(tzid));
		out = icalcomponent_as_ical_string_r(c);
		icalcomponent_free(c);
		if (!out)
			return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	}
	/* There is room: ics_writer_open made it, and tzid fits (it checked). */
	struct zone_text *e = &zone_cache[zone_cached++];
	strcpy(e->tzid, tzid);
	e->year = year;
	e->text = out;
	e->utc = *utc;
	*text = out;
	return HOP_OK;
}

/* Room for n more zones: a full cache starts again.  Only between calendars,
 * while no writer holds a text. */
static void zone_cache_room(size_t n)
{
	if (zone_cached + n <= ZONE_CACHE_MAX)
		return;
	for (size_t i = 0; i < zone_cached; i++)
		free(zone_cache[i].text);
	zone_cached = 0;
}

enum hop_status ics_writer_open(FILE *out, const char *name, const char *const *zones,
                                size_t nzones, hop_date since, time_t now,
                                struct ics_writer **wp, struct hop_err *err)
{
	const char *vtz[ICS_MAX_ZONES] = { 0 };
	struct ics_writer *w = calloc(1, sizeof *w);
	if (!w)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	w->out = out;
	/* DTSTAMP in UTC, from the days and seconds since 1970. */
	long long secs = (long long)now, days = secs / 86400, rest = secs % 86400;
	if (rest < 0) {
		rest += 86400;
		days--;
	}
	int y, m, d;
	date_to_ymd(date_from_ymd(1970, 1, 1) + (hop_date)days, &y, &m, &d);
	snprintf(w->stamp, sizeof w->stamp, "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	         (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60));

	/* Every zone is checked before anything is written, so that a calendar
	 * refused is not half written to standard output. */
	enum hop_status st = HOP_OK;
	zone_cache_room(nzones < ICS_MAX_ZONES ? nzones : ICS_MAX_ZONES);
	for (size_t i = 0; st == HOP_OK && i < nzones; i++) {
		bool seen = false;
		for (size_t j = 0; j < w->nzones; j++)
			seen = seen || strcmp(w->zones[j].name, zones[i]) == 0;
		if (seen)
			continue;
		if (w->nzones == ICS_MAX_ZONES || strlen(zones[i]) >= sizeof w->zones[0].name) {
			st = hop_fail(err, HOP_EINVAL,
			              _("too many or too long time zones for one calendar at '%s'"),
			              zones[i]);
			break;
		}
		st = make_zone(zones[i], since, &vtz[w->nzones], &w->zones[w->nzones].utc, err);
		if (st == HOP_OK)
			strcpy(w->zones[w->nzones++].name, zones[i]);
	}
	if (st == HOP_OK) {
		ics_buf_puts(&w->text, "BEGIN:VCALENDAR\r\n");
		line_text(w, "VERSION", "2.0", false);
		line_text(w, "PRODID", "-//hop//hop " HOP_VERSION "//EN", false);
		line_text(w, "CALSCALE", "GREGORIAN", false);
		line_raw(w, "METHOD", "PUBLISH");
		/* libical writes an X- property's value nearly as given (it doubles
		 * a backslash but leaves ';' and ',' alone), so a name is not
		 * escaped as TEXT: readers take it whole up to the line's end. */
		if (name && *name)
			line_text(w, "X-WR-CALNAME", name, true);
		st = put_text(w, err);
	}
	for (size_t i = 0; st == HOP_OK && i < w->nzones; i++)
		if (vtz[i])
			st = put(w, vtz[i], err);
	if (st != HOP_OK) {
		writer_free(w);
		return st;
	}
	*wp = w;
	return HOP_OK;
}

/* The index of the writer's zone named tzid, or -1. */
static int find_zone(const struct ics_writer *w, const char *tzid)
{
	for (size_t i = 0; i < w->nzones; i++)
		if (strcmp(w->zones[i].name, tzid) == 0)
			return (int)i;
	return -1;
}

/* DTSTART or DTEND of an all-day event: ;VALUE=DATE:20261231. */
static void line_date(struct ics_writer *w, const char *name, hop_date day)
{
	char v[16];
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(v, sizeof v, "%04d%02d%02d", y, m, d);
	ics_line_begin(&w->line, name);
	ics_line_param(&w->line, "VALUE", "DATE");
	ics_line_raw(&w->line, v);
	ics_line_end(&w->line, &w->text);
}

/* A local time at the site: ;TZID=zone:20261124T080000, the zone named as
 * in our VTIMEZONE; in UTC, a time with a Z. */
static void line_timed(struct ics_writer *w, const char *name, hop_date day, int minute,
                       const char *tzid, bool utc)
{
	char v[24];
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(v, sizeof v, "%04d%02d%02dT%02d%02d00%s", y, m, d, minute / 60, minute % 60,
	         utc ? "Z" : "");
	ics_line_begin(&w->line, name);
	if (!utc)
		ics_line_param(&w->line, "TZID", tzid);
	ics_line_raw(&w->line, v);
	ics_line_end(&w->line, &w->text);
}

enum hop_status ics_writer_event(struct ics_writer *w, const struct ics_event *ev,
                                 struct hop_err *err)
{
	bool timed = ev->minutes || ev->half == HALF_AM || ev->half == HALF_PM;
	int zone = timed && ev->tzid ? find_zone(w, ev->tzid) : -1;
	if (timed && zone < 0)
		return hop_fail(err, HOP_EINVAL,
		                _("event %s needs the time zone '%s', which the calendar does not define"),
		                ev->uid, ev->tzid ? ev->tzid : "");

	char num[24];
	ics_buf_puts(&w->text, "BEGIN:VEVENT\r\n");
	line_text(w, "UID", ev->uid, false);
	line_raw(w, "DTSTAMP", w->stamp);
	snprintf(num, sizeof num, "%d", ev->sequence);
	line_raw(w, "SEQUENCE", num);
	if (timed) {
		int start = (ev->half == HALF_AM ? ICS_AM_START : ICS_AM_END) * 60;
		int end = (ev->half == HALF_AM ? ICS_AM_END : ICS_PM_END) * 60;
		hop_date end_day = ev->day;
		bool utc = w->zones[zone].utc;
		if (ev->minutes) {
			start = ev->start_minute;
			end = ev->end_minute;
			end_day = ev->end_day;
		}
		line_timed(w, "DTSTART", ev->day, start, ev->tzid, utc);
		line_timed(w, "DTEND", end_day, end, ev->tzid, utc);
	} else {
		line_date(w, "DTSTART", ev->day);
		/* All day, from day through end_day when that is later (DTEND is
		 * exclusive: the day after). */
		hop_date last = ev->end_day > ev->day ? ev->end_day : ev->day;
		line_date(w, "DTEND", last + 1);
	}
	line_text(w, "SUMMARY", ev->summary, false);
	if (ev->location && *ev->location)
		line_text(w, "LOCATION", ev->location, false);
	if (ev->description && *ev->description)
		line_text(w, "DESCRIPTION", ev->description, false);
	/* Always set: libical wrote a STATUS never set as an empty "STATUS:". */
	line_raw(w, "STATUS", ev->cancelled ? "CANCELLED" : "CONFIRMED");
	line_raw(w, "TRANSP", ev->transparent ? "TRANSPARENT" : "OPAQUE");
	if (ev->alarm_days > 0 && !ev->cancelled) {
		/* A reminder days before: TRIGGER:-PnD, relative to the start; a
		 * display alarm needs a DESCRIPTION, the event's title. */
		ics_buf_puts(&w->text, "BEGIN:VALARM\r\n");
		line_raw(w, "ACTION", "DISPLAY");
		snprintf(num, sizeof num, "-P%dD", ev->alarm_days);
		line_raw(w, "TRIGGER", num);
		line_text(w, "DESCRIPTION", ev->summary, false);
		ics_buf_puts(&w->text, "END:VALARM\r\n");
	}
	ics_buf_puts(&w->text, "END:VEVENT\r\n");
	enum hop_status st = put_text(w, err);
	if (st == HOP_OK)
		w->events++;
	return st;
}

/* RFC 5545 wants at least one component in a calendar.  A feed without
 * events (a team without presence days) and without a time zone of its own
 * gets UTC's, which names no times and shows nothing in any calendar. */
static const char empty_component[] =
	"BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
	"TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

enum hop_status ics_writer_close(struct ics_writer *w, size_t *events, struct hop_err *err)
{
	enum hop_status st = HOP_OK;
	bool component = w->events > 0;

	for (size_t i = 0; i < w->nzones; i++)
		component = component || !w->zones[i].utc;
	if (!component)
		st = put(w, empty_component, err);
	if (st == HOP_OK)
		st = put(w, "END:VCALENDAR\r\n", err);
	if (st == HOP_OK && (fflush(w->out) == EOF || ferror(w->out)))
		st = hop_fail(err, HOP_EIO, _("cannot write the calendar: %s"), strerror(errno));
	if (events)
		*events = w->events;
	writer_free(w);
	return st;
}

void ics_writer_abort(struct ics_writer *w)
{
	writer_free(w);
}
