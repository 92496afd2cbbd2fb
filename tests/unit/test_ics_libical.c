/* hop writes its feeds' content lines itself (src/ics/ics_line.c), by
 * libical's rules: here libical builds the same VEVENTs and the calendar's
 * name the way hop's writer did before, and the two must be the same bytes,
 * for fixed cases and for thousands of generated texts (escapes, line breaks,
 * umlauts and four-octet characters at every fold position).  Where hop
 * departs from libical on purpose, it is checked on its own: a control
 * character other than a line break becomes a space (libical drops some and
 * passes the others raw, an ESC into the terminal of whoever reads the feed). */
#include "testutil.h"
#include <libical/ical.h>
#include "hop/core/booking/booking.h"
#include "hop/ics/ics.h"

#define ZONE "Europe/Berlin"
#define NOW ((time_t)1795435200)

/* ---- the reference: the event as libical made it ---- */

static struct icaltimetype ref_date(hop_date day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	struct icaltimetype t = icaltime_null_date();
	t.year = y;
	t.month = m;
	t.day = d;
	return t;
}

static icalproperty *ref_timed(icalproperty *(*make)(struct icaltimetype), hop_date day,
                               int minute, const char *tzid, bool utc)
{
	struct icaltimetype t = ref_date(day);
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

static char *ref_event(const struct ics_event *ev, bool utc)
{
	bool timed = ev->minutes || ev->half == HALF_AM || ev->half == HALF_PM;
	icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(c, icalproperty_new_uid(ev->uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(
		icaltime_from_timet_with_zone(NOW, 0, icaltimezone_get_utc_timezone())));
	icalcomponent_add_property(c, icalproperty_new_sequence(ev->sequence));
	if (timed) {
		int start = (ev->half == HALF_AM ? ICS_AM_START : ICS_AM_END) * 60;
		int end = (ev->half == HALF_AM ? ICS_AM_END : ICS_PM_END) * 60;
		hop_date end_day = ev->day;
		if (ev->minutes) {
			start = ev->start_minute;
			end = ev->end_minute;
			end_day = ev->end_day;
		}
		icalcomponent_add_property(c, ref_timed(icalproperty_new_dtstart, ev->day, start,
		                                        ev->tzid, utc));
		icalcomponent_add_property(c, ref_timed(icalproperty_new_dtend, end_day, end,
		                                        ev->tzid, utc));
	} else {
		icalcomponent_add_property(c, icalproperty_new_dtstart(ref_date(ev->day)));
		hop_date last = ev->end_day > ev->day ? ev->end_day : ev->day;
		icalcomponent_add_property(c, icalproperty_new_dtend(ref_date(last + 1)));
	}
	icalcomponent_add_property(c, icalproperty_new_summary(ev->summary));
	if (ev->location && *ev->location)
		icalcomponent_add_property(c, icalproperty_new_location(ev->location));
	if (ev->description && *ev->description)
		icalcomponent_add_property(c, icalproperty_new_description(ev->description));
	icalcomponent_add_property(c, icalproperty_new_status(ev->cancelled ? ICAL_STATUS_CANCELLED
	                                                                    : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(c, icalproperty_new_transp(ev->transparent ? ICAL_TRANSP_TRANSPARENT
	                                                                      : ICAL_TRANSP_OPAQUE));
	if (ev->alarm_days > 0 && !ev->cancelled) {
		icalcomponent *a = icalcomponent_new_valarm();
		struct icaltriggertype trig;
		memset(&trig, 0, sizeof trig);
		trig.time = icaltime_null_time();
		trig.duration = icaldurationtype_null_duration();
		trig.duration.is_neg = 1;
		trig.duration.days = (unsigned)ev->alarm_days;
		icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(a, icalproperty_new_trigger(trig));
		icalcomponent_add_property(a, icalproperty_new_description(ev->summary));
		icalcomponent_add_component(c, a);
	}
	char *text = icalcomponent_as_ical_string_r(c);
	icalcomponent_free(c);
	assert_non_null(text);
	return text;
}

static char *ref_name(const char *name)
{
	icalproperty *p = icalproperty_new_x(name);
	icalproperty_set_x_name(p, "X-WR-CALNAME");
	char *text = icalproperty_as_ical_string_r(p);
	icalproperty_free(p);
	assert_non_null(text);
	return text;
}

/* ---- hop's writer ---- */

/* The calendar hop writes for ev in zone (ZONE or "UTC"), named name. */
static char *hop_calendar(const char *name, const char *zone, const struct ics_event *ev)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	const char *zones[] = { zone };
	struct ics_writer *w;
	struct hop_err err;

	assert_non_null(out);
	assert_int_equal(ics_writer_open(out, name, zones, 1, HOP_DATE_NONE, NOW, &w, &err), HOP_OK);
	if (ev && ics_writer_event(w, ev, &err) != HOP_OK)
		fail_msg("event: %s", err.msg);
	assert_int_equal(ics_writer_close(w, NULL, &err), HOP_OK);
	fclose(out);
	return buf;
}

static void same_event(const struct ics_event *ev, bool utc)
{
	struct ics_event e = *ev;
	e.tzid = utc ? "UTC" : ZONE;
	char *mine = hop_calendar("x", e.tzid, &e), *ref = ref_event(&e, utc);
	char *begin = strstr(mine, "BEGIN:VEVENT"), *end = strstr(mine, "END:VEVENT\r\n");
	assert_non_null(begin);
	assert_non_null(end);
	end[strlen("END:VEVENT\r\n")] = '\0';
	if (strcmp(begin, ref) != 0)
		fail_msg("hop wrote\n%s\nlibical writes\n%s", begin, ref);
	free(mine);
	free(ref);
}

static void same_name(const char *name)
{
	char *mine = hop_calendar(name, ZONE, NULL), *ref = ref_name(name);
	char *line = strstr(mine, "X-WR-CALNAME");
	assert_non_null(line);
	if (strncmp(line, ref, strlen(ref)) != 0 || strncmp(line + strlen(ref), "BEGIN:VTIMEZONE", 15) != 0)
		fail_msg("hop wrote\n%s\nlibical writes\n%s", line, ref);
	free(mine);
	free(ref);
}

/* ---- the cases ---- */

static void test_fixed_events(void **state)
{
	(void)state;
	struct ics_event ev = {
		.uid = "booking-4711@example.org", .sequence = 12,
		.summary = "Desk 3.14: Şükrü Öztürk", .location = "Dienstgebäude Mitte, floor EG, Nord, 3.14",
		.description = "Zeile 1\nZeile 2; mit Komma, und \\Backslash\\", .day = date_from_ymd(2026, 3, 29),
		.half = HALF_AM,
	};
	for (int utc = 0; utc <= 1; utc++) {
		ev.half = HALF_AM;
		same_event(&ev, utc);
		ev.half = HALF_PM;
		ev.cancelled = true;
		same_event(&ev, utc);
		ev.half = HALF_DAY;
		ev.transparent = true;
		ev.end_day = date_from_ymd(2026, 4, 2);
		same_event(&ev, utc);
		ev.cancelled = false;
		ev.alarm_days = 3;
		same_event(&ev, utc);
		ev.minutes = true;
		ev.start_minute = 9 * 60 + 30;
		ev.end_minute = 16 * 60 + 45;
		ev.end_day = ev.day + 1;
		same_event(&ev, utc);
		ev.minutes = false;
		ev.alarm_days = 0;
		ev.end_day = 0;
		ev.location = "";
		ev.description = NULL;
		ev.summary = "";
		same_event(&ev, utc);
	}
	same_name("Jürgen Weiß");
	same_name("Team 1; A, B: C \\ D");
	same_name("Ein sehr langer Kalendername, der über die fünfundsiebzig Oktette einer Zeile hinausgeht");
}

/* A deterministic generator of awkward texts. */
static unsigned long long rng = 88172645463325252ULL;
static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 16);
}

static void awkward(char *out, size_t size)
{
	static const char *const bits[] = {
		"a", "Z", "0", " ", ";", ":", ",", "\\", "\n", "\r", "\t", "\b", "\f", "\"", "^",
		"ä", "ß", "Ş", "€", "😀", "x y", "Desk 3.14", "Dienstgebäude",
	};
	size_t len = next() % 260, n = 0;
	while (n < len) {
		const char *b = bits[next() % (sizeof bits / sizeof bits[0])];
		size_t k = strlen(b);
		if (n + k + 1 > size)
			break;
		/* Long plain runs too: folding without a space to break at. */
		if (next() % 8 == 0)
			for (size_t r = next() % 90; r-- && n + 2 < size;)
				out[n++] = 'q';
		if (n + k + 1 > size)
			break;
		memcpy(out + n, b, k);
		n += k;
	}
	out[n] = '\0';
}

/* What hop does with control characters, which libical would not: the
 * generated texts keep only the line break of them for the comparison. */
static void no_controls(char *t)
{
	for (; *t; t++)
		if ((unsigned char)*t < 0x20 && *t != '\n')
			*t = ' ';
}

static void test_control_characters(void **state)
{
	(void)state;
	struct ics_event ev = {
		.uid = "note-1@example.org", .summary = "a\x1b[2Jb\x07" "c\td\re", .location = "Raum\x7f 1",
		.description = "x\xc2\x9by\nz", .day = date_from_ymd(2026, 3, 2), .half = HALF_DAY,
		.tzid = ZONE,
	};
	char *mine = hop_calendar("x", ZONE, &ev);
	assert_non_null(strstr(mine, "SUMMARY:a [2Jb c d e\r\n"));
	assert_non_null(strstr(mine, "LOCATION:Raum  1\r\n"));
	assert_non_null(strstr(mine, "DESCRIPTION:x  y\\nz\r\n"));
	free(mine);
}

static void test_generated_texts(void **state)
{
	(void)state;
	char uid[400], summary[400], location[400], description[400], name[400];
	for (int i = 0; i < 3000; i++) {
		awkward(summary, sizeof summary);
		awkward(location, sizeof location);
		awkward(description, sizeof description);
		no_controls(summary);
		no_controls(location);
		no_controls(description);
		snprintf(uid, sizeof uid, "step-%d@%s", i, i % 3 ? "example.org" : "bü,ro;x.de");
		struct ics_event ev = {
			.uid = uid, .sequence = i % 7, .summary = summary, .location = location,
			.description = description, .day = date_from_ymd(2026, 1, 1) + i % 400,
			.half = i % 3 == 0 ? HALF_DAY : i % 3 == 1 ? HALF_AM : HALF_PM,
			.cancelled = i % 5 == 0, .transparent = i % 4 == 0, .alarm_days = i % 6,
		};
		same_event(&ev, i % 9 == 0);
		if (i % 10 == 0) {
			awkward(name, sizeof name);
			no_controls(name);
			if (*name)
				same_name(name);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_events),
		cmocka_unit_test(test_generated_texts),
		cmocka_unit_test(test_control_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
