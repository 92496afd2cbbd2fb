/* The one clock: real time, or the day $HOP_TODAY names. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hop/base/clock.h"
#include "hop/base/priv.h"

static hop_date forced = HOP_DATE_NONE;

void clock_set_today(hop_date day)
{
	forced = day;
}

/* $HOP_TODAY, parsed once; an unparsable value is ignored rather than fatal
 * because the clock has no way to report, and main() validates it first. */
static hop_date env_today(void)
{
	static int done;
	static hop_date day = HOP_DATE_NONE;

	if (!done) {
		const char *s = priv_getenv("HOP_TODAY");
		hop_date d;
		if (s && *s && date_parse_iso(s, &d))
			day = d;
		done = 1;
	}
	return day;
}

hop_date clock_today(void)
{
	if (forced != HOP_DATE_NONE)
		return forced;
	if (env_today() != HOP_DATE_NONE)
		return env_today();

	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

time_t clock_now(void)
{
	hop_date d = forced != HOP_DATE_NONE ? forced : env_today();
	if (d != HOP_DATE_NONE)
		return (time_t)d * 86400 + 12 * 3600;
	return time(NULL);
}

char *clock_timestamp(char *buf)
{
	time_t now = clock_now();
	struct tm tm;
	gmtime_r(&now, &tm);
	snprintf(buf, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf;
}
