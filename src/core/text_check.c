/* The one rule for free text: see hop/core/text_check.h. */
#include <string.h>

#include "hop/core/text_check.h"
#include "hop/base/i18n.h"

bool text_has_control(const char *text)
{
	for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return true;
		/* U+0080..U+009F are C2 80..C2 9F in UTF-8. */
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return true;
	}
	return false;
}

enum hop_status text_check_line(const char *text, const char *what, struct hop_err *err)
{
	if (text && text_has_control(text))
		return hop_fail(err, HOP_EINVAL, _("%s contains a control character (a line break "
		                "or tab); write it on one line"), what);
	return HOP_OK;
}

enum hop_status text_check(const char *text, size_t max, const char *what,
                           struct hop_err *err)
{
	size_t n = text ? strlen(text) : 0;

	if (n > max)
		return hop_fail(err, HOP_EINVAL, _("%s is %zu bytes long; at most %zu are allowed"),
		                what, n, max);
	return text_check_line(text, what, err);
}
