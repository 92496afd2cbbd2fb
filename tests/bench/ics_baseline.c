/* The baseline of the iCalendar benchmark: the least a libical exporter must
 * do per event, and nothing of hop.  For each of N events (the same VEVENTs as
 * ics_events, from ics_synth.h): build the component, serialize it with
 * icalcomponent_as_ical_string_r, write it, free both, all between the
 * program's own BEGIN/END:VCALENDAR lines (no VTIMEZONE: it is written once
 * per feed and costs nothing per event).
 *
 * With FEEDS and DIR, the least a libical publisher must do: the N events
 * spread over FEEDS calendars, each its own file DIR/feed-I.ics with the
 * calendar's properties and the VTIMEZONE of Europe/Berlin (libical's,
 * from 2025 on, serialized once and written into each), as 'hop feeds
 * publish' writes one file per person, team, desk and room.
 *
 *   ics_baseline N OUTFILE
 *   ics_baseline N - FEEDS DIR
 *
 * Prints on stdout "EVENTS SECONDS PEAK_KB", like ics_events. */
#include <stdio.h>
#include <stdlib.h>
#include <libical/ical.h>

#include "ics_synth.h"

static const int synth_hours[3][2] = { { 0, 0 }, { 8, 12 }, { 12, 17 } };

static icalproperty *timed(icalproperty *(*make)(struct icaltimetype), const struct synth_event *e,
                           int hour)
{
	struct icaltimetype t = icaltime_null_time();
	t.year = e->year;
	t.month = e->month;
	t.day = e->day;
	t.hour = hour;
	icalproperty *p = make(t);
	icalproperty_add_parameter(p, icalparameter_new_tzid(SYNTH_TZID));
	return p;
}

/* Event i, built, serialized and written to out; 0 when written. */
static int write_event(long i, struct icaltimetype stamp, FILE *out)
{
	struct synth_event e;
	synth_event(i, &e);
	icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(c, icalproperty_new_uid(e.uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(c, icalproperty_new_sequence(e.sequence));
	if (e.kind == SYNTH_ALLDAY) {
		struct icaltimetype d = icaltime_null_date();
		d.year = e.year;
		d.month = e.month;
		d.day = e.day;
		icalcomponent_add_property(c, icalproperty_new_dtstart(d));
		icaltime_adjust(&d, 1, 0, 0, 0);
		icalcomponent_add_property(c, icalproperty_new_dtend(d));
	} else {
		icalcomponent_add_property(c, timed(icalproperty_new_dtstart, &e,
		                                    synth_hours[e.kind][0]));
		icalcomponent_add_property(c, timed(icalproperty_new_dtend, &e,
		                                    synth_hours[e.kind][1]));
	}
	icalcomponent_add_property(c, icalproperty_new_summary(e.summary));
	icalcomponent_add_property(c, icalproperty_new_location(e.location));
	icalcomponent_add_property(c, icalproperty_new_status(
		e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(c, icalproperty_new_transp(
		e.transparent ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
	char *text = icalcomponent_as_ical_string_r(c);
	icalcomponent_free(c);
	if (!text || fputs(text, out) == EOF) {
		free(text);
		fprintf(stderr, "ics_baseline: cannot write event %ld\n", i + 1);
		return 1;
	}
	free(text);
	return 0;
}

/* N events over nfeeds files in dir, each a whole calendar. */
static int write_feeds(long n, long nfeeds, const char *dir, struct icaltimetype stamp)
{
	icaltimezone *zone = icaltimezone_get_builtin_timezone(SYNTH_TZID);
	icalcomponent *vtz = zone ? icaltimezone_get_component(zone) : NULL;
	char path[4096], *tz;

	if (!vtz) {
		fprintf(stderr, "ics_baseline: libical has no time zone %s\n", SYNTH_TZID);
		return 1;
	}
	/* The zone's rules from the year before the events on, under its plain
	 * name: as long as the VTIMEZONE hop writes (libical's whole history
	 * of the zone is four times as long). */
	vtz = icalcomponent_new_clone(vtz);
	struct icaltimetype start = icaltime_null_time();
	start.year = 2025;
	start.month = 1;
	start.day = 1;
	start.zone = icaltimezone_get_utc_timezone();
	icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 0);
	icalproperty *id = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (id)
		icalproperty_set_tzid(id, SYNTH_TZID);
	tz = icalcomponent_as_ical_string_r(vtz);
	icalcomponent_free(vtz);
	if (!id || !tz) {
		fprintf(stderr, "ics_baseline: cannot write the time zone %s\n", SYNTH_TZID);
		free(tz);
		return 1;
	}
	for (long f = 0; f < nfeeds; f++) {
		long first = n * f / nfeeds, end = n * (f + 1) / nfeeds;
		snprintf(path, sizeof path, "%s/feed-%ld.ics", dir, f);
		FILE *out = fopen(path, "w");
		if (!out) {
			perror(path);
			return 1;
		}
		fprintf(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hop//libical baseline//EN\r\n"
		        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Feed %ld\r\n", f);
		fputs(tz, out);
		for (long i = first; i < end; i++)
			if (write_event(i, stamp, out) != 0)
				return 1;
		fputs("END:VCALENDAR\r\n", out);
		if (fclose(out) != 0) {
			perror(path);
			return 1;
		}
	}
	free(tz);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 5) {
		fprintf(stderr, "usage: ics_baseline N OUTFILE\n       ics_baseline N - FEEDS DIR\n");
		return 2;
	}
	long n = strtol(argv[1], NULL, 10);
	struct icaltimetype stamp =
		icaltime_from_timet_with_zone(SYNTH_NOW, 0, icaltimezone_get_utc_timezone());

	if (argc == 5) {
		long nfeeds = strtol(argv[3], NULL, 10);
		if (n <= 0 || nfeeds <= 0) {
			fprintf(stderr, "ics_baseline: need a positive count of events and of feeds\n");
			return 2;
		}
		double t0 = synth_seconds();
		if (write_feeds(n, nfeeds, argv[4], stamp) != 0)
			return 1;
		printf("%ld %.6f %ld\n", n, synth_seconds() - t0, synth_peak_kb());
		return 0;
	}

	FILE *out = fopen(argv[2], "w");
	if (n <= 0 || !out) {
		fprintf(stderr, "ics_baseline: need a positive count and a writable file\n");
		return 2;
	}
	long written = 0;

	double t0 = synth_seconds();
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hop//libical baseline//EN\r\n", out);
	for (long i = 0; i < n; i++) {
		if (write_event(i, stamp, out) != 0)
			return 1;
		written++;
	}
	fputs("END:VCALENDAR\r\n", out);
	if (fflush(out) == EOF || ferror(out)) {
		perror("ics_baseline");
		return 1;
	}
	double secs = synth_seconds() - t0;
	if (fclose(out) != 0) {
		perror("ics_baseline");
		return 1;
	}
	printf("%ld %.6f %ld\n", written, secs, synth_peak_kb());
	return 0;
}
