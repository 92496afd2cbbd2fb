/* Filling struct hop_err, and mapping statuses to exit codes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hop/base/err.h"

enum hop_status hop_fail(struct hop_err *err, enum hop_status st, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->status = st;
	}
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
