/* The iCalendar writer: what libical makes of hop's events, checked as bytes. */
#include "testutil.h"
#include "hop/core/booking/booking.h"
#include "hop/core/feeds/feeds.h"

/* Run the writer over ev (NULL: no event) into a string the caller frees. */
static char *write_one(const struct ics_event *ev, enum hop_status *event_st)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	const char *zones[] = { "Europe/Berlin", "Europe/Berlin" };
	struct ics_writer *w;
	struct hop_err err;

	assert_non_null(out);
	assert_int_equal(ics_writer_open(out, "Jürgen Weiß", zones, 2, HOP_DATE_NONE, 1795000000, &w, &err), HOP_OK);
	*event_st = ev ? ics_writer_event(w, ev, &err) : HOP_OK;
	assert_int_equal(ics_writer_close(w, NULL, &err), HOP_OK);
	fclose(out);
	return buf;
}

/* Every physical line is valid UTF-8 on its own: folding never splits a character. */
static bool lines_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int more = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		           (*p & 0xf8) == 0xf0 ? 3 : -1;
		if (more < 0)
			return false;
		p++;
		for (int i = 0; i < more; i++, p++)
			if ((*p & 0xc0) != 0x80)
				return false;
	}
	return true;
}

/* RFC 5545 unfolding: CRLF followed by one space or tab is removed. */
static char *unfold(const char *s)
{
	char *u = strdup(s), *q = u;
	assert_non_null(u);
	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
			p += 2;
		else
			*q++ = *p;
	}
	*q = '\0';
	return u;
}

static void test_header_and_zone(void **state)
{
	(void)state;
	enum hop_status st;
	char *s = write_one(NULL, &st);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hop//hop "));
	assert_non_null(strstr(s, "METHOD:PUBLISH\r\n"));
	assert_non_null(strstr(s, "X-WR-CALNAME:Jürgen Weiß\r\n"));
	assert_non_null(strstr(s, "TZID:Europe/Berlin\r\n"));
	assert_null(strstr(s, "freeassociation"));
	/* The zone named twice is written once. */
	assert_non_null(strstr(s, "BEGIN:VTIMEZONE"));
	assert_null(strstr(strstr(s, "END:VTIMEZONE") + 1, "BEGIN:VTIMEZONE"));
	assert_string_equal(s + strlen(s) - strlen("END:VCALENDAR\r\n"), "END:VCALENDAR\r\n");
	free(s);
}

static void test_event_text(void **state)
{
	(void)state;
	char summary[400];
	snprintf(summary, sizeof summary, "Şükrü Öztürk; Jürgen, Weiß\\%s",
	         "ääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääääää");
	struct ics_event ev = {
		.uid = "booking-1@example.org", .sequence = 3, .summary = summary,
		.description = "Zeile 1\nZeile 2", .day = date_from_ymd(2026, 12, 31),
		.half = HALF_DAY, .cancelled = true,
	};
	enum hop_status st;
	char *s = write_one(&ev, &st);
	assert_int_equal(st, HOP_OK);
	assert_non_null(strstr(s, "UID:booking-1@example.org\r\n"));
	assert_non_null(strstr(s, "DTSTAMP:20261118T110640Z\r\n"));
	assert_non_null(strstr(s, "SEQUENCE:3\r\n"));
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20261231\r\n"));
	assert_non_null(strstr(s, "DTEND;VALUE=DATE:20270101\r\n"));   /* across the year */
	char *u = unfold(s);
	assert_non_null(strstr(u, "SUMMARY:Şükrü Öztürk\\; Jürgen\\, Weiß\\\\ääää"));
	assert_non_null(strstr(u, "ääää\r\nDESCRIPTION"));
	assert_true(strlen(u) < strlen(s));   /* the long summary was folded */
	free(u);
	assert_non_null(strstr(s, "DESCRIPTION:Zeile 1\\nZeile 2\r\n"));
	assert_non_null(strstr(s, "STATUS:CANCELLED\r\n"));
	assert_non_null(strstr(s, "TRANSP:OPAQUE\r\n"));
	assert_null(strstr(s, "\r\nLOCATION"));
	assert_true(lines_utf8(s));
	/* Folded: no line longer than 75 octets plus CRLF, every LF after a CR. */
	size_t len = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			assert_true(p > s && p[-1] == '\r');
			assert_true(len <= 76);
			len = 0;
		} else {
			len++;
		}
	}
	free(s);
}

static void test_timed_needs_zone(void **state)
{
	(void)state;
	struct ics_event ev = {
		.uid = "booking-2@example.org", .summary = "Desk", .day = date_from_ymd(2026, 11, 24),
		.half = HALF_PM, .tzid = "Europe/Berlin", .transparent = true,
	};
	enum hop_status st;
	char *s = write_one(&ev, &st);
	assert_int_equal(st, HOP_OK);
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Berlin:20261124T120000\r\n"));
	assert_non_null(strstr(s, "DTEND;TZID=Europe/Berlin:20261124T170000\r\n"));
	assert_non_null(strstr(s, "STATUS:CONFIRMED\r\n"));
	assert_non_null(strstr(s, "TRANSP:TRANSPARENT\r\n"));
	free(s);

	ev.tzid = "America/New_York";
	s = write_one(&ev, &st);
	assert_int_equal(st, HOP_EINVAL);
	assert_null(strstr(s, "BEGIN:VEVENT"));
	free(s);
}

static void test_unknown_zone(void **state)
{
	(void)state;
	const char *zones[] = { "Mars/Olympus_Mons" };
	struct ics_writer *w = NULL;
	struct hop_err err;
	FILE *out = fopen("/dev/null", "w");
	assert_non_null(out);
	assert_int_equal(ics_writer_open(out, "x", zones, 1, HOP_DATE_NONE, 0, &w, &err), HOP_EINVAL);
	assert_string_equal(err.msg, "time zone 'Mars/Olympus_Mons' is unknown; use an IANA name such as Europe/Berlin");
	fclose(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_and_zone),
		cmocka_unit_test(test_event_text),
		cmocka_unit_test(test_timed_needs_zone),
		cmocka_unit_test(test_unknown_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
