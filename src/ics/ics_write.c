/* The streaming iCalendar writer: libical serializes each component, hop only
 * writes the BEGIN/END:VCALENDAR lines around them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>
#include "hop/base/date.h"
#include "hop/base/i18n.h"
#include "hop/ics/ics.h"


struct ics_writer {
	FILE *out;
	struct icaltimetype stamp;     /* DTSTAMP, UTC */
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

/* Serialize and free: the component is gone whatever happens. */
static enum hop_status put_component(struct ics_writer *w, icalcomponent *c, struct hop_err *err)
{
	char *text = icalcomponent_as_ical_string_r(c);
	icalcomponent_free(c);
	if (!text)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	enum hop_status st = put(w, text, err);
	free(text);
	return st;
}

static enum hop_status put_property(struct ics_writer *w, icalproperty *p, struct hop_err *err)
{
	char *text = icalproperty_as_ical_string_r(p);
	icalproperty_free(p);
	if (!text)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	enum hop_status st = put(w, text, err);
	free(text);
	return st;
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
	w->stamp = icaltime_from_timet_with_zone(now, 0, icaltimezone_get_utc_timezone());

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
	if (st == HOP_OK)
		st = put(w, "BEGIN:VCALENDAR\r\n", err);
	if (st == HOP_OK)
		st = put_property(w, icalproperty_new_version("2.0"), err);
	if (st == HOP_OK)
		st = put_property(w, icalproperty_new_prodid("-//hop//hop " HOP_VERSION "//EN"), err);
	if (st == HOP_OK)
		st = put_property(w, icalproperty_new_calscale("GREGORIAN"), err);
	if (st == HOP_OK)
		st = put_property(w, icalproperty_new_method(ICAL_METHOD_PUBLISH), err);
	if (st == HOP_OK && name && *name) {
		/* libical writes an X- property's value nearly as given (it doubles
		 * a backslash but leaves ';' and ',' alone), so a name is not
		 * escaped as TEXT: readers take it whole up to the line's end. */
		icalproperty *p = icalproperty_new_x(name);
		icalproperty_set_x_name(p, "X-WR-CALNAME");
		st = put_property(w, p, err);
	}
	for (size_t i = 0; st == HOP_OK && i < w->nzones; i++)
		if (vtz[i])
			st = put(w, vtz[i], err);
	if (st != HOP_OK) {
		free(w);
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

static struct icaltimetype ics_date(hop_date day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	struct icaltimetype t = icaltime_null_date();
	t.year = y;
	t.month = m;
	t.day = d;
	return t;
}

/* A local time at the site: floating in libical, the TZID parameter written
 * by hand so that it names the plain zone of our VTIMEZONE; in UTC, a time
 * with a Z. */
static icalproperty *ics_timed(icalproperty *(*make)(struct icaltimetype), hop_date day,
                               int minute, const char *tzid, bool utc)
{
	struct icaltimetype t = ics_date(day);
	t.is_date = 0;
	t.hour = minute / 60;
	t.minute = minute % 60;
	t.second = 0;
	if (utc)
		t.zone = icaltimezone_get_utc_timezone();
	icalproperty *p = make(t);
	if (!utc)
		icalproperty_add_parameter(p, icalparameter_new_tzid(tzid));
	return p;
}

/* A text property without raw control characters: a feed is read by
 * calendars and by people's terminals, and text from the database (a note
 * stored before notes were checked) must not carry an escape sequence or a
 * bell there.  A line break stays (libical writes it as \n); every other C0
 * character, DEL and C1 (U+0080..U+009F) becomes a space. */
static icalproperty *text_prop(icalproperty *(*make)(const char *), const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	icalproperty *prop;
	char *copy;
	size_t n;

	for (; *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 &&
		                                                 p[1] <= 0x9f))
			break;
	if (!*p)
		return make(text);
	n = strlen(text);
	if (!(copy = malloc(n + 1)))
		return make("");
	memcpy(copy, text, n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)copy[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			copy[i] = ' ';
		else if (c == 0xc2 && (unsigned char)copy[i + 1] >= 0x80 &&
		         (unsigned char)copy[i + 1] <= 0x9f) {
			copy[i] = ' ';
			copy[i + 1] = ' ';
			i++;
		}
	}
	prop = make(copy);
	free(copy);
	return prop;
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

	icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	if (!c)
		return hop_fail(err, HOP_ENOMEM, _("out of memory while writing the calendar"));
	icalcomponent_add_property(c, icalproperty_new_uid(ev->uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(w->stamp));
	icalcomponent_add_property(c, icalproperty_new_sequence(ev->sequence));
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
		icalcomponent_add_property(c, ics_timed(icalproperty_new_dtstart, ev->day, start,
		                                        ev->tzid, utc));
		icalcomponent_add_property(c, ics_timed(icalproperty_new_dtend, end_day, end,
		                                        ev->tzid, utc));
	} else {
		icalcomponent_add_property(c, icalproperty_new_dtstart(ics_date(ev->day)));
		/* All day, from day through end_day when that is later (DTEND is
		 * exclusive: the day after). */
		hop_date last = ev->end_day > ev->day ? ev->end_day : ev->day;
		icalcomponent_add_property(c, icalproperty_new_dtend(ics_date(last + 1)));
	}
	icalcomponent_add_property(c, text_prop(icalproperty_new_summary, ev->summary));
	if (ev->location && *ev->location)
		icalcomponent_add_property(c, text_prop(icalproperty_new_location, ev->location));
	if (ev->description && *ev->description)
		icalcomponent_add_property(c, text_prop(icalproperty_new_description,
		                                                    ev->description));
	/* Always set: a STATUS never set would serialize as an empty "STATUS:". */
	icalcomponent_add_property(c, icalproperty_new_status(ev->cancelled ? ICAL_STATUS_CANCELLED
	                                                                    : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(c, icalproperty_new_transp(ev->transparent ? ICAL_TRANSP_TRANSPARENT
	                                                                      : ICAL_TRANSP_OPAQUE));
	if (ev->alarm_days > 0 && !ev->cancelled) {
		/* A reminder days before: TRIGGER:-PnD, relative to the start; a
		 * display alarm needs a DESCRIPTION, the event's title. */
		icalcomponent *a = icalcomponent_new_valarm();
		struct icaltriggertype trig;
		memset(&trig, 0, sizeof trig);
		trig.time = icaltime_null_time();
		trig.duration = icaldurationtype_null_duration();
		trig.duration.is_neg = 1;
		trig.duration.days = (unsigned)ev->alarm_days;
		icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(a, icalproperty_new_trigger(trig));
		icalcomponent_add_property(a, text_prop(icalproperty_new_description, ev->summary));
		icalcomponent_add_component(c, a);
	}
	enum hop_status st = put_component(w, c, err);
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
	free(w);
	return st;
}

void ics_writer_abort(struct ics_writer *w)
{
	free(w);
}
