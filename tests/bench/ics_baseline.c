/* The baseline of the iCalendar benchmark: the least a libical exporter must
 * do per event, and nothing of hop.  For each of N events (the same VEVENTs as
 * ics_events, from ics_synth.h): build the component, serialize it with
 * icalcomponent_as_ical_string_r, write it, free both, all between the
 * program's own BEGIN/END:VCALENDAR lines (no VTIMEZONE: it is written once
 * per feed and costs nothing per event).
 *
 *   ics_baseline N OUTFILE
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

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: ics_baseline N OUTFILE\n");
		return 2;
	}
	long n = strtol(argv[1], NULL, 10);
	FILE *out = fopen(argv[2], "w");
	if (n <= 0 || !out) {
		fprintf(stderr, "ics_baseline: need a positive count and a writable file\n");
		return 2;
	}
	struct icaltimetype stamp =
		icaltime_from_timet_with_zone(SYNTH_NOW, 0, icaltimezone_get_utc_timezone());
	long written = 0;

	double t0 = synth_seconds();
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hop//libical baseline//EN\r\n", out);
	for (long i = 0; i < n; i++) {
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
			fprintf(stderr, "ics_baseline: cannot write event %ld\n", i + 1);
			return 1;
		}
		free(text);
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
