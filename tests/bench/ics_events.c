/* hop's iCalendar writer (include/hop/ics/ics.h) on N synthetic events: the same
 * calls ics_export makes for each event of a feed, without the database, so
 * that the writer itself is measured.  ics_baseline writes the same VEVENTs
 * with libical alone.
 *
 *   ics_events N OUTFILE
 *
 * Prints on stdout "EVENTS SECONDS PEAK_KB": events written, wall time from
 * opening the calendar to closing it, and the process's peak resident set. */
#include <stdio.h>
#include <stdlib.h>

#include "hop/core/booking/booking.h"
#include "hop/base/date.h"
#include "hop/ics/ics.h"
#include "ics_synth.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: ics_events N OUTFILE\n");
		return 2;
	}
	long n = strtol(argv[1], NULL, 10);
	FILE *out = fopen(argv[2], "w");
	if (n <= 0 || !out) {
		fprintf(stderr, "ics_events: need a positive count and a writable file\n");
		return 2;
	}
	static const unsigned halves[3] = { HALF_DAY, HALF_AM, HALF_PM };
	const char *zones[1] = { SYNTH_TZID };
	struct hop_err err = { 0 };
	struct ics_writer *w;
	size_t written = 0;

	double t0 = synth_seconds();
	if (ics_writer_open(out, "bench", zones, 1, HOP_DATE_NONE, SYNTH_NOW, &w, &err) != HOP_OK) {
		fprintf(stderr, "ics_events: %s\n", err.msg);
		return 1;
	}
	for (long i = 0; i < n; i++) {
		struct synth_event e;
		synth_event(i, &e);
		struct ics_event ev = {
			.uid = e.uid, .sequence = e.sequence, .summary = e.summary,
			.location = e.location, .day = date_from_ymd(e.year, e.month, e.day),
			.half = halves[e.kind], .tzid = SYNTH_TZID, .cancelled = e.cancelled,
			.transparent = e.transparent,
		};
		if (ics_writer_event(w, &ev, &err) != HOP_OK) {
			fprintf(stderr, "ics_events: %s\n", err.msg);
			ics_writer_abort(w);
			return 1;
		}
	}
	if (ics_writer_close(w, &written, &err) != HOP_OK) {
		fprintf(stderr, "ics_events: %s\n", err.msg);
		return 1;
	}
	double secs = synth_seconds() - t0;
	if (fclose(out) != 0) {
		perror("ics_events");
		return 1;
	}
	printf("%zu %.6f %ld\n", written, secs, synth_peak_kb());
	return 0;
}
