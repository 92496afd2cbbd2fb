/* Local date-times to the minute: parsing what people type, the stored form. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/datetime.h"
#include "hop/base/i18n.h"

/* "9:00", "09:00", "0900"? no: H:MM or HH:MM only, 00:00..23:59. */
static bool parse_hhmm(const char *s, int *minute)
{
	int h = 0, m = 0, i = 0;

	if (!isdigit((unsigned char)s[i]))
		return false;
	h = s[i++] - '0';
	if (isdigit((unsigned char)s[i]))
		h = h * 10 + (s[i++] - '0');
	if (s[i++] != ':' || !isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]))
		return false;
	m = (s[i] - '0') * 10 + (s[i + 1] - '0');
	if (s[i + 2] != '\0' || h > 23 || m > 59)
		return false;
	*minute = h * 60 + m;
	return true;
}

bool datetime_parse_iso(const char *s, struct hop_datetime *out)
{
	char day[HOP_DATE_ISO_LEN];

	if (!s || strlen(s) != 16 || s[10] != 'T')
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse_iso(day, &out->day) || !isdigit((unsigned char)s[11]))
		return false;
	return parse_hhmm(s + 11, &out->minute);
}

enum hop_status datetime_parse(const char *s, hop_date today, int default_minute,
                               struct hop_datetime *out, struct hop_err *err)
{
	char day[64];
	const char *time = NULL, *cut;
	size_t len;
	int minute = default_minute;

	if (!s || !*s)
		return hop_fail(err, HOP_EINVAL, _("no date and time given; give one such as "
		                "2027-02-03T09:00 or 03.02.2027 09:00"));
	/* The time follows a 'T' after an ISO day, or the last space. */
	cut = strrchr(s, ' ');
	if (!cut && strlen(s) > 10 && s[10] == 'T' && isdigit((unsigned char)s[0]))
		cut = s + 10;
	if (cut) {
		time = cut + 1;
		len = (size_t)(cut - s);
	} else {
		len = strlen(s);
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len >= sizeof day)
		goto bad;
	memcpy(day, s, len);
	day[len] = '\0';
	if (time && !parse_hhmm(time, &minute))
		goto bad;
	if (minute < 0)
		return hop_fail(err, HOP_EINVAL, _("'%s' has no time of day; give one such as "
		                "2027-02-03T09:00 or 03.02.2027 09:00"), s);
	if (date_parse(day, today, &out->day, NULL) != HOP_OK)
		goto bad;
	out->minute = minute;
	return HOP_OK;
bad:
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a date and time; give one such as "
	                "2027-02-03T09:00, \"2027-02-03 09:00\" or \"03.02.2027 09:00\""), s);
}

char *datetime_hhmm(int minute, char *buf)
{
	if (minute < 0 || minute > 24 * 60 - 1)
		minute = 0;
	snprintf(buf, 6, "%02d:%02d", minute / 60, minute % 60);
	return buf;
}

char *datetime_format(struct hop_datetime t, char *buf)
{
	char day[HOP_DATE_ISO_LEN], hm[6];

	snprintf(buf, HOP_DATETIME_ISO_LEN, "%s", date_format(t.day, day));
	buf[10] = 'T';
	memcpy(buf + 11, datetime_hhmm(t.minute, hm), 6);
	return buf;
}

int datetime_cmp(struct hop_datetime a, struct hop_datetime b)
{
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return (a.minute > b.minute) - (a.minute < b.minute);
}
