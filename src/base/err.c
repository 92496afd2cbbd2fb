/* Filling struct hop_err, and mapping statuses to exit codes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/err.h"

static void record(struct hop_err *err, enum hop_status st, const char *fmt, va_list ap)
{
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	err->status = st;
	err->reason = HOP_R_NONE;
	memset(&err->facts, 0, sizeof err->facts);
}

enum hop_status hop_fail(struct hop_err *err, enum hop_status st, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		record(err, st, fmt, ap);
		va_end(ap);
	}
	return st;
}

static void fact(char *dst, size_t size, const char *src)
{
	if (src)
		snprintf(dst, size, "%s", src);
}

enum hop_status hop_refuse(struct hop_err *err, enum hop_status st, enum hop_reason reason,
                           const struct hop_about *about, const char *fmt, ...)
{
	struct hop_facts *f;
	va_list ap;

	if (!err)
		return st;
	va_start(ap, fmt);
	record(err, st, fmt, ap);
	va_end(ap);
	err->reason = reason;
	if (!about)
		return st;
	f = &err->facts;
	fact(f->place, sizeof f->place, about->place);
	fact(f->login, sizeof f->login, about->login);
	fact(f->team, sizeof f->team, about->team);
	fact(f->site, sizeof f->site, about->site);
	fact(f->zone, sizeof f->zone, about->zone);
	f->day = about->day;
	f->n = about->n;
	f->self = about->self;
	return st;
}

void hop_err_prefix(struct hop_err *err, const char *fmt, ...)
{
	char prefix[512], old[HOP_ERR_MSG_MAX];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	snprintf(err->msg, sizeof err->msg, "%s%s", prefix, old);
}

void hop_err_clear(struct hop_err *err)
{
	if (err) {
		err->status = HOP_OK;
		err->reason = HOP_R_NONE;
		memset(&err->facts, 0, sizeof err->facts);
		err->msg[0] = '\0';
	}
}

/* Documented in hop(1), EXIT STATUS.  2 is reserved for usage errors. */
int hop_exit_status(enum hop_status st)
{
	switch (st) {
	case HOP_OK:        return 0;
	case HOP_EINVAL:    return 1;
	case HOP_ENOTFOUND: return 3;
	case HOP_EPERM:     return 4;
	case HOP_ECONFLICT: return 5;
	case HOP_EDB:       return 6;
	case HOP_EIO:       return 7;
	case HOP_ENOMEM:    return 8;
	}
	return 1;
}
