/* Calendar arithmetic on day numbers, ISO weeks, and parsing the dates and
 * weeks people type.  The conversions are Howard Hinnant's days_from_civil /
 * civil_from_days: exact for the proleptic Gregorian calendar, no tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/date.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"

/* Years a person may type or a file may hold; anything else is a typo. */
#define YEAR_MIN 1900
#define YEAR_MAX 2999
/* "+N" beyond a century is a typo too, and keeps the arithmetic far from overflow. */
#define OFFSET_MAX 36600

static const char *const month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

hop_date date_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;                                   /* [0, 399] */
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
	return (hop_date)(era * 146097 + doe - 719468);
}

void date_to_ymd(hop_date day, int *y, int *m, int *d)
{
	long z = (long)day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;                                        /* [0, 146096] */
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  /* [0, 399] */
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                /* [0, 365] */
	long mp = (5 * doy + 2) / 153;                                      /* [0, 11] */
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int date_weekday(hop_date day)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)(((long)day % 7 + 7 + 3) % 7) + 1;
}

void date_iso_week(hop_date day, int *iso_year, int *week)
{
	/* The ISO year is the year of the week's Thursday. */
	hop_date thursday = day - date_weekday(day) + 4;
	int y, m, d;

	date_to_ymd(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (thursday - date_from_ymd(y, 1, 1)) / 7 + 1;
}

static int iso_weeks_in_year(int iso_year)
{
	int y, w;
	/* 28 December is always in the last week of its year. */
	date_iso_week(date_from_ymd(iso_year, 12, 28), &y, &w);
	return w;
}

hop_date date_from_iso_week(int iso_year, int week)
{
	if (iso_year < 1 || iso_year > 9999 || week < 1 || week > iso_weeks_in_year(iso_year))
		return HOP_DATE_NONE;
	/* 4 January is always in week 1. */
	hop_date jan4 = date_from_ymd(iso_year, 1, 4);
	return jan4 - (date_weekday(jan4) - 1) + (week - 1) * 7;
}

char *date_format(hop_date day, char *buf)
{
	int y, m, d;

	if (day == HOP_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, HOP_DATE_ISO_LEN, "%04d-%02d-%02d", y % 10000, m, d);
	return buf;
}

static const char *const weekday_abbr[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static const char *const month_abbr[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

char *date_format_human(hop_date day, char *buf, size_t size)
{
	int y, m, d;

	if (!size)
		return buf;
	if (day == HOP_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(day, &y, &m, &d);
	/* German puts the day before the month in digits; English names the
	 * month.  Order is a choice of the language, not of one string. */
	if (i18n_is_german())
		snprintf(buf, size, "%s %02d.%02d.%04d", _(weekday_abbr[date_weekday(day) - 1]), d, m,
		         y % 10000);
	else
		snprintf(buf, size, "%s %d %s %04d", _(weekday_abbr[date_weekday(day) - 1]), d,
		         _(month_abbr[m - 1]), y % 10000);
	return buf;
}

/* Exactly n ASCII digits at s, as a number. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse_iso(const char *s, hop_date *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	if (y < YEAR_MIN || y > YEAR_MAX || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

/* The message for a well-formed date that does not exist, naming why. */
static enum hop_status fail_ymd(struct hop_err *err, const char *text, int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX)
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' is not a date: the year must be between %d and %d"),
		                text, YEAR_MIN, YEAR_MAX);
	if (m < 1 || m > 12)
		return hop_fail(err, HOP_EINVAL, _("'%s' is not a date: there is no month %d"),
		                text, m);
	if (d < 1)
		return hop_fail(err, HOP_EINVAL, _("'%s' is not a date: there is no day %d"), text, d);
	/* TRANSLATORS: "'31.02.2026' is not a date: February 2026 has 28 days" */
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a date: %s %d has %d days"),
	                text, _(month_names[m - 1]), y, days_in_month(y, m));
}

static enum hop_status check_ymd(struct hop_err *err, const char *text, int y, int m, int d,
                                 hop_date *out)
{
	if (y < YEAR_MIN || y > YEAR_MAX || !date_valid_ymd(y, m, d))
		return fail_ymd(err, text, y, m, d);
	*out = date_from_ymd(y, m, d);
	return HOP_OK;
}

/* 1 or 2 digits at *p, advancing p. */
static bool small_number(const char **p, int *out)
{
	const char *s = *p;
	int n = 0, v = 0;

	while (n < 2 && s[n] >= '0' && s[n] <= '9') {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0 || (s[n] >= '0' && s[n] <= '9'))
		return false;
	*p = s + n;
	*out = v;
	return true;
}

/* D.M.YYYY, DD.MM.YYYY, D.M., DD.MM. and DD.MM (the year of today: the
 * last dot is what people leave out).  Returns 1 parsed, 0 not this form,
 * -1 this form but no such day (err set). */
static int parse_german(const char *s, hop_date today, hop_date *out, struct hop_err *err)
{
	const char *p = s;
	int d, m, y, tm, td;

	if (!small_number(&p, &d) || *p++ != '.' || !small_number(&p, &m))
		return 0;
	if (*p == '\0') {
		date_to_ymd(today, &y, &tm, &td);
		return check_ymd(err, s, y, m, d, out) == HOP_OK ? 1 : -1;
	}
	if (*p++ != '.')
		return 0;
	if (*p == '\0') {
		date_to_ymd(today, &y, &tm, &td);
	} else if (strlen(p) != 4 || !digits(p, 4, &y)) {
		return 0;
	}
	return check_ymd(err, s, y, m, d, out) == HOP_OK ? 1 : -1;
}

/* YYYY-MM-DD with the reason when the day does not exist. */
static int parse_iso_reason(const char *s, hop_date *out, struct hop_err *err)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return 0;
	return check_ymd(err, s, y, m, d, out) == HOP_OK ? 1 : -1;
}

static const struct {
	const char *name;
	int weekday;
} weekday_names[] = {
	{ "mon", 1 }, { "tue", 2 }, { "wed", 3 }, { "thu", 4 }, { "fri", 5 }, { "sat", 6 }, { "sun", 7 },
	{ "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 }, { "thursday", 4 },
	{ "friday", 5 }, { "saturday", 6 }, { "sunday", 7 },
	{ "mo", 1 }, { "di", 2 }, { "mi", 3 }, { "do", 4 }, { "fr", 5 }, { "sa", 6 }, { "so", 7 },
	{ "montag", 1 }, { "dienstag", 2 }, { "mittwoch", 3 }, { "donnerstag", 4 },
	{ "freitag", 5 }, { "samstag", 6 }, { "sonnabend", 6 }, { "sonntag", 7 },
};

static const struct {
	const char *name;
	int offset;
} relative_words[] = {
	{ "today", 0 }, { "tomorrow", 1 }, { "yesterday", -1 },
	{ "heute", 0 }, { "morgen", 1 }, { "gestern", -1 },
	{ "uebermorgen", 2 }, { "vorgestern", -2 },
};

/* +N / -N days.  1 parsed, 0 not this form, -1 out of range (err set). */
static int parse_offset(const char *s, hop_date today, hop_date *out, struct hop_err *err)
{
	const char *p = s + 1;
	long n = 0;

	if ((s[0] != '+' && s[0] != '-') || *p == '\0')
		return 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		if (n <= OFFSET_MAX)
			n = n * 10 + (*p - '0');
	}
	if (n > OFFSET_MAX) {
		hop_fail(err, HOP_EINVAL, _("'%s' is too far away; use at most %d days"),
		         s, OFFSET_MAX);
		return -1;
	}
	*out = today + (hop_date)(s[0] == '-' ? -n : n);
	return 1;
}

/* Copy s without surrounding blanks into buf; false if it does not fit. */
static bool trimmed(const char *s, char *buf, size_t size)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= size)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return true;
}

/* Any form date_parse accepts, already trimmed.  1 parsed, 0 no such form,
 * -1 the form of a date that does not exist (err says why). */
static int parse_day(const char *t, hop_date today, hop_date *out, struct hop_err *err)
{
	char word[64];
	int r;

	if ((r = parse_iso_reason(t, out, err)) != 0)
		return r;
	if ((r = parse_german(t, today, out, err)) != 0)
		return r;
	if ((r = parse_offset(t, today, out, err)) != 0)
		return r;
	/* Words without case and umlauts: "Übermorgen" as "uebermorgen". */
	fold_text(t, FOLD_AE, word, sizeof word);
	for (size_t i = 0; i < sizeof relative_words / sizeof relative_words[0]; i++)
		if (strcmp(word, relative_words[i].name) == 0) {
			*out = today + relative_words[i].offset;
			return 1;
		}
	for (size_t i = 0; i < sizeof weekday_names / sizeof weekday_names[0]; i++)
		if (strcmp(word, weekday_names[i].name) == 0) {
			*out = today + (weekday_names[i].weekday - date_weekday(today) + 7) % 7;
			return 1;
		}
	return 0;
}

enum hop_status date_parse(const char *s, hop_date today, hop_date *out, struct hop_err *err)
{
	char t[64];
	int r = 0;

	if (s && trimmed(s, t, sizeof t))
		r = parse_day(t, today, out, err);
	if (r > 0)
		return HOP_OK;
	if (r < 0)
		return HOP_EINVAL;
	return hop_fail(err, HOP_EINVAL,
	                _("'%s' is not a date; use YYYY-MM-DD, DD.MM.YYYY, today, tomorrow, +N or a weekday"),
	                s ? s : "");
}

/* A week number of 1 or 2 digits filling the rest of p. */
static bool week_number(const char *p, int *w)
{
	size_t n = strlen(p);
	return (n == 1 || n == 2) && digits(p, (int)n, w);
}

enum hop_status date_parse_week(const char *s, hop_date today, hop_date *monday,
                                struct hop_err *err)
{
	char t[64];
	const char *p;
	int y, w, today_week;
	bool have_year = false, is_week = false;

	if (!s || !trimmed(s, t, sizeof t) || t[0] == '\0')
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' is not a week; use 2026-W48, KW48, 48 or a date"), s ? s : "");
	date_iso_week(today, &y, &today_week);

	p = t;
	if (strlen(t) >= 6 && digits(t, 4, &y) && (t[4] == 'W' || t[4] == 'w' ||
	    (t[4] == '-' && (t[5] == 'W' || t[5] == 'w')))) {
		have_year = true;
		p = t + (t[4] == '-' ? 6 : 5);
		is_week = week_number(p, &w);
	} else if (t[0] == 'W' || t[0] == 'w') {
		is_week = week_number(t + 1, &w);
	} else if (strncasecmp(t, "KW", 2) == 0) {
		p = t + 2;
		while (*p == ' ')
			p++;
		is_week = week_number(p, &w);
	} else {
		is_week = week_number(t, &w);
	}

	if (!is_week) {
		hop_date day;
		int r = have_year ? 0 : parse_day(t, today, &day, err);
		if (r < 0)
			return HOP_EINVAL;
		if (r == 0)
			return hop_fail(err, HOP_EINVAL,
			                _("'%s' is not a week; use 2026-W48, KW48, 48 or a date"), s);
		*monday = day - (date_weekday(day) - 1);
		return HOP_OK;
	}
	if (have_year && (y < YEAR_MIN || y > YEAR_MAX))
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' is not a week: the year must be between %d and %d"),
		                s, YEAR_MIN, YEAR_MAX);
	if (!have_year) {
		/* A bare week number is the week of that number nearest to today:
		 * on 1 January 2027 (in KW 53 of 2026) "1" is the coming KW 1 of
		 * 2027, not the one a year ago. */
		hop_date best = HOP_DATE_NONE, mon = today - (date_weekday(today) - 1);
		for (int cy = y - 1; cy <= y + 1; cy++) {
			if (cy < YEAR_MIN || cy > YEAR_MAX || w < 1 || w > iso_weeks_in_year(cy))
				continue;
			hop_date m = date_from_iso_week(cy, w);
			if (best == HOP_DATE_NONE || abs(m - mon) < abs(best - mon))
				best = m;
		}
		if (best != HOP_DATE_NONE) {
			*monday = best;
			return HOP_OK;
		}
	}
	if (w < 1 || w > iso_weeks_in_year(y))
		return hop_fail(err, HOP_EINVAL, _("'%s' is not a week: %d has weeks 1 to %d"),
		                s, y, iso_weeks_in_year(y));
	*monday = date_from_iso_week(y, w);
	return HOP_OK;
}

/* Calendar months later (or earlier): the same day of the month, the
 * month's last day where it has fewer days (31 January + 1 month = 28 or
 * 29 February). */
hop_date date_add_months(hop_date day, int months)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, last;

	date_to_ymd(day, &y, &m, &d);
	m += months;
	while (m > 12) { m -= 12; y++; }
	while (m < 1) { m += 12; y--; }
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return date_from_ymd(y, m, d > last ? last : d);
}
