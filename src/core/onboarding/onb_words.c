/* The words of onboarding steps: kinds, owners, offset units and states as
 * stored, as shown and as people type them; offsets parsed and checked. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"
#include "onb_int.h"

static const char *const kind_names[ONB_KIND_COUNT] = {
	"talk", "course", "equipment", "account", "document", "self-study", "other",
};
static const char *const kind_shown[ONB_KIND_COUNT] = {
	N_("talk"), N_("course"), N_("equipment"), N_("account"), N_("document"),
	N_("self-study"), N_("other"),
};
static const struct { const char *word; enum onb_kind k; } kind_words[] = {
	{ "talk", ONB_TALK }, { "gespraech", ONB_TALK }, { "gesprach", ONB_TALK },
	{ "course", ONB_COURSE }, { "training", ONB_COURSE }, { "schulung", ONB_COURSE },
	{ "unterweisung", ONB_COURSE }, { "kurs", ONB_COURSE },
	{ "equipment", ONB_EQUIPMENT }, { "ausstattung", ONB_EQUIPMENT },
	{ "account", ONB_ACCOUNT }, { "zugang", ONB_ACCOUNT }, { "konto", ONB_ACCOUNT },
	{ "document", ONB_DOCUMENT }, { "dokument", ONB_DOCUMENT },
	{ "self-study", ONB_SELF_STUDY }, { "selfstudy", ONB_SELF_STUDY },
	{ "selbststudium", ONB_SELF_STUDY },
	{ "other", ONB_OTHER }, { "sonstiges", ONB_OTHER },
};

static const char *const owner_names[ONB_OWNER_COUNT] = {
	"newhire", "mentor", "lead", "hr", "it", "person",
};
static const char *const owner_shown[ONB_OWNER_COUNT] = {
	N_("new hire"), N_("mentor"), N_("lead"), N_("HR"), N_("IT"), N_("named person"),
};
static const struct { const char *word; enum onb_owner o; } owner_words[] = {
	{ "newhire", OWNER_NEWHIRE }, { "new-hire", OWNER_NEWHIRE }, { "new hire", OWNER_NEWHIRE },
	{ "neu", OWNER_NEWHIRE }, { "neue person", OWNER_NEWHIRE },
	{ "mentor", OWNER_MENTOR }, { "pate", OWNER_MENTOR }, { "patin", OWNER_MENTOR },
	{ "lead", OWNER_LEAD }, { "fuehrungskraft", OWNER_LEAD }, { "leitung", OWNER_LEAD },
	{ "hr", OWNER_HR }, { "personal", OWNER_HR },
	{ "it", OWNER_IT },
};

static const char *const unit_names[ONB_UNIT_COUNT] = { "workdays", "days", "weeks", "months" };
/* Longest first where one begins another ("w" of "wd"). */
static const struct { const char *word; enum onb_unit u; } unit_words[] = {
	{ "workdays", UNIT_WORKDAYS }, { "workday", UNIT_WORKDAYS }, { "wd", UNIT_WORKDAYS },
	{ "arbeitstage", UNIT_WORKDAYS }, { "arbeitstag", UNIT_WORKDAYS }, { "at", UNIT_WORKDAYS },
	{ "days", UNIT_DAYS }, { "day", UNIT_DAYS }, { "d", UNIT_DAYS }, { "tage", UNIT_DAYS },
	{ "tag", UNIT_DAYS }, { "t", UNIT_DAYS },
	{ "weeks", UNIT_WEEKS }, { "week", UNIT_WEEKS }, { "w", UNIT_WEEKS },
	{ "wochen", UNIT_WEEKS }, { "woche", UNIT_WEEKS },
	{ "months", UNIT_MONTHS }, { "month", UNIT_MONTHS }, { "m", UNIT_MONTHS },
	{ "monate", UNIT_MONTHS }, { "monat", UNIT_MONTHS },
};
static const int unit_max[ONB_UNIT_COUNT] = { 260, 365, 52, 12 };

static const char *const state_names[ONB_STATE_COUNT] = {
	"planned", "running", "done", "cancelled",
};
static const char *const state_shown[ONB_STATE_COUNT] = {
	N_("planned"), N_("running"), N_("done"), N_("cancelled"),
};

/* Lower case with umlauts spelled out: "Gespräch" -> "gespraech". */
static void folded(const char *text, char *buf, size_t size)
{
	fold_text(text, FOLD_AE, buf, size);
}

const char *onb_kind_name(enum onb_kind k)
{
	return (unsigned)k < ONB_KIND_COUNT ? kind_names[k] : "";
}

const char *onb_kind_display(enum onb_kind k)
{
	return (unsigned)k < ONB_KIND_COUNT ? _(kind_shown[k]) : "";
}

const char *onb_owner_name(enum onb_owner o)
{
	return (unsigned)o < ONB_OWNER_COUNT ? owner_names[o] : "";
}

const char *onb_owner_display(enum onb_owner o)
{
	return (unsigned)o < ONB_OWNER_COUNT ? _(owner_shown[o]) : "";
}

const char *onb_unit_name(enum onb_unit u)
{
	return (unsigned)u < ONB_UNIT_COUNT ? unit_names[u] : "";
}

const char *onb_state_name(enum onb_state s)
{
	return (unsigned)s < ONB_STATE_COUNT ? state_names[s] : "";
}

const char *onb_state_display(enum onb_state s)
{
	return (unsigned)s < ONB_STATE_COUNT ? _(state_shown[s]) : "";
}

enum onb_kind onb_kind_from_text(const char *text)
{
	for (int k = 0; k < ONB_KIND_COUNT; k++)
		if (text && strcmp(text, kind_names[k]) == 0)
			return (enum onb_kind)k;
	return ONB_OTHER;
}

enum onb_owner onb_owner_from_text(const char *text)
{
	for (int o = 0; o < ONB_OWNER_COUNT; o++)
		if (text && strcmp(text, owner_names[o]) == 0)
			return (enum onb_owner)o;
	return OWNER_HR;
}

enum onb_unit onb_unit_from_text(const char *text)
{
	for (int u = 0; u < ONB_UNIT_COUNT; u++)
		if (text && strcmp(text, unit_names[u]) == 0)
			return (enum onb_unit)u;
	return UNIT_WORKDAYS;
}

enum hop_status onb_kind_parse(const char *text, enum onb_kind *k, struct hop_err *err)
{
	char f[64];

	folded(text ? text : "", f, sizeof f);
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++) {
		if (strcmp(f, kind_words[i].word) == 0) {
			*k = kind_words[i].k;
			return HOP_OK;
		}
	}
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a kind of step; use talk, course, "
	                "equipment, account, document, self-study or other"), text ? text : "");
}

enum hop_status onb_owner_parse(struct hop_app *app, const char *text, enum onb_owner *o,
                                char *login, struct hop_err *err)
{
	struct hop_person p;
	struct hop_err e;
	char f[64];
	enum hop_status st;

	login[0] = '\0';
	folded(text ? text : "", f, sizeof f);
	for (size_t i = 0; i < sizeof owner_words / sizeof owner_words[0]; i++) {
		if (strcmp(f, owner_words[i].word) == 0) {
			*o = owner_words[i].o;
			return HOP_OK;
		}
	}
	if (!text || !*text)
		return hop_fail(err, HOP_EINVAL, _("no owner given; use newhire, mentor, lead, hr, it "
		                "or a person's login"));
	st = person_get(app, text, &p, &e);
	if (st == HOP_ENOTFOUND)
		return hop_fail(err, HOP_EINVAL, _("'%s' is neither an owner (newhire, mentor, lead, "
		                "hr, it) nor a person's login"), text);
	if (st != HOP_OK) {
		*err = e;
		return st;
	}
	if (p.end != HOP_DATE_NONE && p.end < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s has left and cannot own a step"), p.name);
	*o = OWNER_PERSON;
	snprintf(login, HOP_LOGIN_MAX + 1, "%s", p.login);
	return HOP_OK;
}

enum hop_status onb_offset_check(const struct onb_offset *off, struct hop_err *err)
{
	static const char *const what[ONB_UNIT_COUNT] = {
		N_("%d working days is more than a year; a step is due at most %d working days "
		   "before or after the start"),
		N_("%d days is more than a year; a step is due at most %d days before or after "
		   "the start"),
		N_("%d weeks is more than a year; a step is due at most %d weeks before or after "
		   "the start"),
		N_("%d months is more than a year; a step is due at most %d months before or "
		   "after the start"),
	};

	if ((unsigned)off->unit >= ONB_UNIT_COUNT)
		return hop_fail(err, HOP_EINVAL, _("unknown unit of a step's offset"));
	if (abs(off->n) > unit_max[off->unit])
		return hop_fail(err, HOP_EINVAL, _(what[off->unit]), off->n, unit_max[off->unit]);
	return HOP_OK;
}

enum hop_status onb_offset_parse(const char *text, struct onb_offset *off, struct hop_err *err)
{
	const char *p = text ? text : "";
	char unit[32], f[32];
	char *end;
	long n;
	size_t k = 0;

	while (isspace((unsigned char)*p))
		p++;
	errno = 0;
	n = strtol(p, &end, 10);
	if (end == p || errno == ERANGE || n < -100000 || n > 100000)
		goto bad;
	p = end;
	while (isspace((unsigned char)*p))
		p++;
	while (*p && !isspace((unsigned char)*p) && k + 1 < sizeof unit)
		unit[k++] = *p++;
	unit[k] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		goto bad;
	off->n = (int)n;
	off->unit = UNIT_WORKDAYS;
	if (unit[0]) {
		size_t i;
		folded(unit, f, sizeof f);
		for (i = 0; i < sizeof unit_words / sizeof unit_words[0]; i++)
			if (strcmp(f, unit_words[i].word) == 0)
				break;
		if (i == sizeof unit_words / sizeof unit_words[0])
			goto bad;
		off->unit = unit_words[i].u;
	}
	return onb_offset_check(off, err);
bad:
	return hop_fail(err, HOP_EINVAL, _("'%s' is not an offset from the start date; write a "
	                "number of working days such as +3 or -2, or add a unit: '5 days', "
	                "'2 weeks', '6 months'"), text ? text : "");
}

char *onb_offset_format(const struct onb_offset *off, char *buf, size_t size)
{
	snprintf(buf, size, "%s%d %s", off->n > 0 ? "+" : "", off->n, onb_unit_name(off->unit));
	return buf;
}

char *onb_offset_display(const struct onb_offset *off, char *buf, size_t size)
{
	int n = abs(off->n);
	bool before = off->n < 0;

	if (off->n == 0 && off->unit == UNIT_WORKDAYS) {
		snprintf(buf, size, "%s", _("on the first working day"));
		return buf;
	}
	switch (off->unit) {
	case UNIT_WORKDAYS:
		snprintf(buf, size, before ? ngettext("%d working day before the start",
		                                      "%d working days before the start",
		                                      (unsigned long)n)
		                           : ngettext("%d working day after the start",
		                                      "%d working days after the start",
		                                      (unsigned long)n), n);
		break;
	case UNIT_DAYS:
		snprintf(buf, size, before ? ngettext("%d day before the start",
		                                      "%d days before the start", (unsigned long)n)
		                           : ngettext("%d day after the start",
		                                      "%d days after the start", (unsigned long)n), n);
		break;
	case UNIT_WEEKS:
		snprintf(buf, size, before ? ngettext("%d week before the start",
		                                      "%d weeks before the start", (unsigned long)n)
		                           : ngettext("%d week after the start",
		                                      "%d weeks after the start", (unsigned long)n), n);
		break;
	case UNIT_MONTHS:
		snprintf(buf, size, before ? ngettext("%d month before the start",
		                                      "%d months before the start", (unsigned long)n)
		                           : ngettext("%d month after the start",
		                                      "%d months after the start", (unsigned long)n),
		         n);
		break;
	}
	return buf;
}

/* Title and note: text without control characters, within their limits. */
static enum hop_status check_text(const char *what, const char *s, size_t max, bool empty_ok,
                                  struct hop_err *err)
{
	size_t len = strlen(s);

	if (!len && !empty_ok)
		return hop_fail(err, HOP_EINVAL, _("the %s of a step is empty"), what);
	if (len > max)
		return hop_fail(err, HOP_EINVAL, _("the %s of a step is %zu bytes long; the limit is "
		                "%zu"), what, len, max);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return hop_fail(err, HOP_EINVAL, _("the %s of a step contains a control "
			                "character"), what);
	return HOP_OK;
}

enum hop_status onb_step_check(const struct onb_step_spec *s, struct hop_err *err)
{
	if (check_text(_("title"), s->title, HOP_STEP_TITLE_MAX, false, err) != HOP_OK ||
	    check_text(_("note"), s->note, HOP_STEP_NOTE_MAX, true, err) != HOP_OK)
		return err->status;
	/* A title that is a number would be read as a step's number. */
	if (s->title[strspn(s->title, "0123456789")] == '\0')
		return hop_fail(err, HOP_EINVAL, _("a step's title cannot be a number alone: '%s'"),
		                s->title);
	if ((unsigned)s->kind >= ONB_KIND_COUNT || (unsigned)s->owner >= ONB_OWNER_COUNT)
		return hop_fail(err, HOP_EINVAL, _("unknown kind or owner of a step"));
	if (s->owner == OWNER_PERSON && !s->owner_login[0])
		return hop_fail(err, HOP_EINVAL, _("a step owned by a named person needs their login"));
	if (s->course[0] && s->kind != ONB_COURSE)
		return hop_fail(err, HOP_EINVAL, _("only a step of kind course names a course; '%s' "
		                "is of kind %s"), s->title, onb_kind_name(s->kind));
	return onb_offset_check(&s->offset, err);
}

void onb_object(char *buf, size_t size, const char *login)
{
	snprintf(buf, size, "person:%s", login);
}
