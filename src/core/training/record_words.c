/* The words of a training record: its result and its source, stored,
 * displayed and parsed in English and German; hours in tenths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/training/record.h"
#include "hop/base/i18n.h"

static const char *const result_names[TRN_RESULT_COUNT] = { "passed", "failed", "attended" };
static const char *const source_names[TRN_SOURCE_COUNT] = { "session", "import", "manual" };

const char *trn_result_name(enum trn_result r)
{
	return (unsigned)r < TRN_RESULT_COUNT ? result_names[r] : result_names[TRN_PASSED];
}

const char *trn_result_display(enum trn_result r)
{
	switch (r) {
	case TRN_PASSED:   return _("passed");
	case TRN_FAILED:   return _("failed");
	case TRN_ATTENDED: return _("attended");
	}
	return "";
}

const char *trn_source_name(enum trn_source s)
{
	return (unsigned)s < TRN_SOURCE_COUNT ? source_names[s] : source_names[TRN_FROM_MANUAL];
}

const char *trn_source_display(enum trn_source s)
{
	switch (s) {
	case TRN_FROM_SESSION: return _("session");
	case TRN_FROM_IMPORT:  return _("import");
	case TRN_FROM_MANUAL:  return _("manual");
	}
	return "";
}

enum trn_result trn_result_from_text(const char *text)
{
	for (int r = 0; r < TRN_RESULT_COUNT; r++)
		if (text && strcmp(text, result_names[r]) == 0)
			return (enum trn_result)r;
	return TRN_PASSED;
}

enum trn_source trn_source_from_text(const char *text)
{
	for (int s = 0; s < TRN_SOURCE_COUNT; s++)
		if (text && strcmp(text, source_names[s]) == 0)
			return (enum trn_source)s;
	return TRN_FROM_MANUAL;
}

/* The German words people type, beside the stored English ones. */
static const char *const result_german[TRN_RESULT_COUNT] = {
	"bestanden", "nicht bestanden", "teilgenommen",
};
static const char *const source_german[TRN_SOURCE_COUNT] = {
	"veranstaltung", "import", "manuell",
};

enum hop_status trn_result_parse(const char *text, enum trn_result *out, struct hop_err *err)
{
	for (int r = 0; r < TRN_RESULT_COUNT; r++)
		if (text && (strcasecmp(text, result_names[r]) == 0 ||
		             strcasecmp(text, result_german[r]) == 0)) {
			*out = (enum trn_result)r;
			return HOP_OK;
		}
	return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a result: passed, failed or attended"),
	                text ? text : "");
}

enum hop_status trn_source_parse(const char *text, enum trn_source *out, struct hop_err *err)
{
	for (int s = 0; s < TRN_SOURCE_COUNT; s++)
		if (text && (strcasecmp(text, source_names[s]) == 0 ||
		             strcasecmp(text, source_german[s]) == 0)) {
			*out = (enum trn_source)s;
			return HOP_OK;
		}
	return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a source: session, import or manual"),
	                text ? text : "");
}

enum hop_status trn_hours_parse(const char *text, int *hours_x10, struct hop_err *err)
{
	const char *p = text;
	long whole = 0;
	int tenth = 0, digits = 0;

	/* By hand rather than strtod: no locale, no exponent, one decimal. */
	while (p && *p >= '0' && *p <= '9' && digits < 6) {
		whole = whole * 10 + (*p++ - '0');
		digits++;
	}
	if (p && digits && (*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9') {
		tenth = p[1] - '0';
		p += 2;
		if (*p == '0' && !p[1])
			p++;
	}
	if (!p || !digits || *p || whole * 10 + tenth < 1 || whole * 10 + tenth > 20000)
		return hop_fail(err, HOP_EINVAL, _("'%.40s' is not a number of hours: more than 0 "
		                "and at most 2000, in tenths (7.5)"), text ? text : "");
	*hours_x10 = (int)(whole * 10 + tenth);
	return HOP_OK;
}

char *trn_hours_format(int hours_x10, char *buf, size_t size)
{
	if (hours_x10 <= 0)
		snprintf(buf, size, "%s", "");
	else if (hours_x10 % 10)
		snprintf(buf, size, "%d.%d", hours_x10 / 10, hours_x10 % 10);
	else
		snprintf(buf, size, "%d", hours_x10 / 10);
	return buf;
}
