/* The keys of hop.ini: one table row per key, and the conversion of a value's
 * text into struct hop_config (the same for the file and for the defaults). */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hop/config/config.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"

/* Enum fields are stored through an int pointer. */
_Static_assert(sizeof(enum cfg_colour) == sizeof(int), "enum cfg_colour must be int-sized");
_Static_assert(sizeof(enum cfg_booker_names) == sizeof(int),
               "enum cfg_booker_names must be int-sized");
_Static_assert(sizeof(enum cfg_export_format) == sizeof(int),
               "enum cfg_export_format must be int-sized");

static const struct { const char *code, *name; } regions[] = {
	{ "BW", "Baden-Württemberg" },   { "BY", "Bayern" },
	{ "BE", "Berlin" },              { "BB", "Brandenburg" },
	{ "HB", "Bremen" },              { "HH", "Hamburg" },
	{ "HE", "Hessen" },              { "MV", "Mecklenburg-Vorpommern" },
	{ "NI", "Niedersachsen" },       { "NW", "Nordrhein-Westfalen" },
	{ "RP", "Rheinland-Pfalz" },     { "SL", "Saarland" },
	{ "SN", "Sachsen" },             { "ST", "Sachsen-Anhalt" },
	{ "SH", "Schleswig-Holstein" },  { "TH", "Thüringen" },
};
#define NREGIONS (sizeof regions / sizeof regions[0])

bool config_region_valid(const char *code)
{
	return config_region_name(code) != NULL;
}

const char *config_region_name(const char *code)
{
	for (size_t i = 0; code && i < NREGIONS; i++)
		if (strcmp(regions[i].code, code) == 0)
			return regions[i].name;
	return NULL;
}

static void ascii_upper(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

static void ascii_lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* ---- checks of string values ---- */

static enum hop_status check_region(char *v, size_t size, struct hop_err *err)
{
	char codes[3 * NREGIONS + 1] = "";
	char upper[3];

	(void)size;
	if (strlen(v) == 2) {
		memcpy(upper, v, 3);
		ascii_upper(upper);
		if (config_region_valid(upper)) {
			memcpy(v, upper, 3);
			return HOP_OK;
		}
	}
	/* Someone who writes the Land's name gets its code. */
	for (size_t i = 0; i < NREGIONS; i++)
		if (strcasecmp(v, regions[i].name) == 0)
			return hop_fail(err, HOP_EINVAL,
			                _("'%s' is not a Bundesland code; use %s for %s"), v,
			                regions[i].code, regions[i].name);
	for (size_t i = 0; i < NREGIONS; i++) {
		strcat(codes, regions[i].code);
		if (i + 1 < NREGIONS)
			strcat(codes, " ");
	}
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a Bundesland code; use one of %s"), v,
	                codes);
}

/* The zone database glibc reads: $TZDIR, else /usr/share/zoneinfo. */
static const char *zoneinfo_dir(void)
{
	const char *d = priv_getenv("TZDIR");
	return d && *d == '/' ? d : "/usr/share/zoneinfo";
}

/* IANA names: components of letters, digits and . _ + - separated by '/',
 * none empty, none starting with '.' or '-' (so no "..", no options). */
static bool tz_syntax_ok(const char *v)
{
	bool start = true;

	if (!*v)
		return false;
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '/') {
			if (start)
				return false;
			start = true;
			continue;
		}
		if (start && (c == '.' || c == '-'))
			return false;
		if (!isalnum(c) && c != '_' && c != '+' && c != '-' && c != '.')
			return false;
		if (c > 0x7f)
			return false;
		start = false;
	}
	return !start;
}

static enum hop_status check_timezone(char *v, size_t size, struct hop_err *err)
{
	const char *dir = zoneinfo_dir();
	char file[HOP_PATH_MAX];
	struct stat st;

	(void)size;
	if (!tz_syntax_ok(v))
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' is not a time zone name; use an IANA name such as Europe/Berlin"),
		                v);
	/* Where the zone database is installed, the zone must be in it. */
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return HOP_OK;
	if ((size_t)snprintf(file, sizeof file, "%s/%s", dir, v) >= sizeof file ||
	    stat(file, &st) != 0 || !S_ISREG(st.st_mode))
		return hop_fail(err, HOP_EINVAL,
		                _("there is no time zone '%s' (no file %s); use an IANA name such as Europe/Berlin"),
		                v, file);
	return HOP_OK;
}

/* RFC 1123 host name: labels of letters, digits and '-', 1 to 63 long, not
 * starting or ending with '-', joined by single dots. */
static enum hop_status check_hostname(char *v, size_t size, struct hop_err *err)
{
	size_t label = 0;
	char prev = '.';

	(void)size;
	for (const char *p = v;; p++) {
		char c = *p;
		if (c == '.' || c == '\0') {
			if (label == 0 || prev == '-')
				break;
			if (c == '\0') {
				ascii_lower(v);   /* feed UIDs stay the same whatever the case */
				return HOP_OK;
			}
			label = 0;
		} else if (isalnum((unsigned char)c) && (unsigned char)c < 0x80) {
			label++;
		} else if (c == '-' && label > 0) {
			label++;
		} else {
			break;
		}
		if (label > 63)
			break;
		prev = c;
	}
	return hop_fail(err, HOP_EINVAL,
	                _("'%s' is not a host name; use a domain such as amt.example.de"), v);
}

/* Absolute, or ~/ for the home directory: a path relative to wherever hop
 * happens to be started would find a different database each time. */
static enum hop_status check_path(char *v, size_t size, struct hop_err *err)
{
	const char *home = priv_getenv("HOME");
	char buf[HOP_PATH_MAX];

	if (v[0] == '/' || v[0] == '\0')
		return HOP_OK;
	if (v[0] != '~' || (v[1] != '/' && v[1] != '\0'))
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' is not an absolute path; use a full path such as /var/lib/hop/hop.db or ~/hop.db"),
		                v);
	if (!home || home[0] != '/')
		return hop_fail(err, HOP_EINVAL,
		                _("'%s' starts with ~ but $HOME is not set; use a full path"), v);
	if ((size_t)snprintf(buf, sizeof buf, "%s%s", home, v + 1) >= size)
		return hop_fail(err, HOP_EINVAL, _("'%s' is too long once ~ is expanded"), v);
	memcpy(v, buf, strlen(buf) + 1);
	return HOP_OK;
}

/* A PostgreSQL URL (postgresql://...) or libpq conninfo ("host=db1
 * dbname=hop", "service=hop"); the database layer reads it, libpq judges the
 * rest when hop connects. */
static enum hop_status check_url(char *v, size_t size, struct hop_err *err)
{
	const char *p = v;

	(void)size;
	if (!*v || strncmp(v, "postgresql://", 13) == 0 || strncmp(v, "postgres://", 11) == 0)
		return HOP_OK;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	if (p > v && *p == '=' && isalpha((unsigned char)v[0]))
		return HOP_OK;
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a PostgreSQL database; use a URL such as "
	                "postgresql://db1.example.de/hop or a libpq connection string such as "
	                "host=db1 dbname=hop"), v);
}

/* The database role of a login, * standing for the login: "*", "hop_*". */
static enum hop_status check_role(char *v, size_t size, struct hop_err *err)
{
	(void)size;
	if (!*v || (strchr(v, '*') && strchr(v, '*') == strrchr(v, '*')))
		return HOP_OK;
	return hop_fail(err, HOP_EINVAL, _("'%s' does not say which role a login has; write * "
	                "for the login itself, or a pattern with one * such as hop_*"), v);
}

/* Course codes separated by commas (blanks around them allowed), each as
 * the catalogue allows codes; rewritten without the blanks. */
/* A file mode in octal, such as 0640: the owner reads and writes, group and
 * others may read or write, nothing is executable or special. */
static enum hop_status check_mode(char *v, size_t size, struct hop_err *err)
{
	char *end;
	long m;

	(void)size;
	errno = 0;
	m = strtol(v, &end, 8);
	if (!*v || *end || errno || strspn(v, "01234567") != strlen(v) || strlen(v) > 4 ||
	    (m & ~0666L) || (m & 0600) != 0600)
		return hop_fail(err, HOP_EINVAL, _("'%s' is not a file mode for feeds; give four "
		                "octal digits from 0600 to 0666, such as 0640 (group-readable)"), v);
	snprintf(v, size, "%04lo", (unsigned long)m);
	return HOP_OK;
}

static enum hop_status check_codes(char *v, size_t size, struct hop_err *err)
{
	char out[HOP_CONFIG_LINE_MAX + 1];
	size_t n = 0, len;
	const char *p = v;

	(void)size;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		len = strcspn(p, ", \t");
		if (!len)
			break;
		if (len > 32)
			return hop_fail(err, HOP_EINVAL, _("'%.*s' is too long for a course code"),
			                (int)len, p);
		for (size_t i = 0; i < len; i++)
			if (!isalnum((unsigned char)p[i]) && !strchr("_.-", p[i]))
				return hop_fail(err, HOP_EINVAL, _("'%.*s' is not a course code; codes "
				                "are letters, digits, '_', '.' and '-', separated by commas"),
				                (int)len, p);
		if (n + len + 2 > sizeof out)
			return hop_fail(err, HOP_EINVAL, _("too many course codes"));
		if (n)
			out[n++] = ',';
		memcpy(out + n, p, len);
		n += len;
		p += len;
	}
	out[n] = '\0';
	memcpy(v, out, n + 1);
	return HOP_OK;
}

/* ---- the table ---- */

#define FIELD_SIZE(f) sizeof(((struct hop_config *)0)->f)
#define STRING_KEY(sec, name, field, empty_ok, chk, dflt, text) \
	{ .section = sec, .key = name, .type = CONFIG_STRING, \
	  .offset = offsetof(struct hop_config, field), .size = FIELD_SIZE(field), \
	  .may_be_empty = empty_ok, .check = chk, .def = dflt, .help = text }
#define INT_KEY(sec, name, field, lo, hi, dflt, text) \
	{ .section = sec, .key = name, .type = CONFIG_INT, \
	  .offset = offsetof(struct hop_config, field), .size = FIELD_SIZE(field), \
	  .min = lo, .max = hi, .def = dflt, .help = text }
#define ENUM_KEY(sec, name, field, list, dflt, text) \
	{ .section = sec, .key = name, .type = CONFIG_ENUM, \
	  .offset = offsetof(struct hop_config, field), .size = FIELD_SIZE(field), \
	  .words = list, .def = dflt, .help = text }

static const struct config_word booker_names_words[] = {
	{ "all", CFG_NAMES_ALL }, { "team", CFG_NAMES_TEAM }, { "none", CFG_NAMES_NONE },
	{ NULL, 0 },
};

static const struct config_word yes_no_words[] = {
	{ "yes", 1 }, { "no", 0 }, { "true", 1 }, { "false", 0 }, { "on", 1 }, { "off", 0 },
	{ NULL, 0 },
};

static const struct config_word export_format_words[] = {
	{ "csv", CFG_EXPORT_CSV }, { "tsv", CFG_EXPORT_TSV }, { "excel", CFG_EXPORT_EXCEL },
	{ NULL, 0 },
};

static const struct config_word mobile_gate_words[] = {
	{ "warn", CFG_GATE_WARN }, { "refuse", CFG_GATE_REFUSE }, { NULL, 0 },
};

static const struct config_word colour_words[] = {
	{ "auto", CFG_COLOUR_AUTO }, { "never", CFG_COLOUR_NEVER }, { NULL, 0 },
};

const struct config_key config_keys[] = {
	STRING_KEY("database", "path", db_path, true, check_path, "",
	           N_("the database file; empty: $XDG_DATA_HOME/hop/hop.db or ~/.local/share/hop/hop.db")),
	STRING_KEY("database", "url", db_url, true, check_url, "",
	           N_("a PostgreSQL database instead of the file: postgresql://HOST/DATABASE or a libpq connection string (host=... dbname=...); empty: the file of path")),
	STRING_KEY("database", "login_role", db_login_role, true, check_role, "",
	           N_("the PostgreSQL role each login must connect as, * standing for the login (peer or Kerberos authentication); empty: any role")),
	STRING_KEY("organisation", "name", org_name, false, NULL, "hop",
	           N_("the organisation's name, shown in headings and calendar feeds")),
	STRING_KEY("organisation", "region", region, false, check_region, "BE",
	           N_("the Bundesland whose public holidays apply (BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH)")),
	STRING_KEY("organisation", "timezone", timezone, false, check_timezone, "Europe/Berlin",
	           N_("the IANA time zone of the calendar feeds")),
	STRING_KEY("organisation", "mail_domain", mail_domain, false, check_hostname, "hop.invalid",
	           N_("the domain in the UIDs of calendar events")),
	INT_KEY("policy", "booking_horizon_days", booking_horizon_days, 1, 365, "28",
	        N_("how many days ahead desks and rooms can be booked")),
	INT_KEY("policy", "max_home_days", max_home_days, 0, 5, "3",
	        N_("home and mobile days a week at most")),
	INT_KEY("policy", "min_office_days", min_office_days, 0, 5, "1",
	        N_("office days a week at least")),
	INT_KEY("policy", "onboarding_office_weeks", onboarding_office_weeks, 0, 52, "4",
	        N_("weeks a new hire works in the office from the start date")),
	INT_KEY("policy", "mentor_max_mentees", mentor_max_mentees, 1, 10, "2",
	        N_("new hires one mentor looks after at the same time at most")),
	INT_KEY("policy", "rotation_years", rotation_years, 1, 15, "5",
	        N_("years in a post after which a rotation is due")),
	ENUM_KEY("policy", "free_dec24_dec31", free_dec24_dec31, yes_no_words, "yes",
	         N_("24 and 31 December are free days, as § 6 (3) TVöD and TV-L grant where service allows, so not working days (yes or no)")),
	STRING_KEY("policy", "mobile_requires", mobile_requires, true, check_codes, "",
	           N_("course codes, separated by commas, that must be valid on a home or mobile day (empty: none)")),
	ENUM_KEY("policy", "mobile_gate", mobile_gate, mobile_gate_words, "warn",
	         N_("a home or mobile day while a course of mobile_requires is not valid: warn (set it and say so) or refuse")),
	ENUM_KEY("booking", "show_booker_names", show_booker_names, booker_names_words, "team",
	         N_("who sees who booked a desk or room: all, team (the booker's team, their lead, facilities, admins) or none")),
	INT_KEY("booking", "fixed_desk_claim_days", fixed_desk_claim_days, 0, 30, "1",
	        N_("until this many days before a day, a fixed desk's owner booking it cancels another person's booking")),
	ENUM_KEY("presence", "auto_book", presence_auto_book, yes_no_words, "yes",
	         N_("setting a day to office books a desk: the person's fixed desk, else a free desk near their team (yes or no)")),
	ENUM_KEY("ui", "colour", colour, colour_words, "auto",
	         N_("auto (colour on terminals that have it, unless $NO_COLOR is set) or never")),
	ENUM_KEY("export", "format", export_format, export_format_words, "csv",
	         N_("what 'hop export people' and 'hop export templates' write without --format: csv, tsv or excel (semicolons and a byte-order mark, as German Excel reads them)")),
	INT_KEY("feeds", "keep_cancelled_days", feeds_keep_cancelled_days, 0, 365, "14",
	        N_("days after its cancellation that a cancelled booking stays in calendar feeds as cancelled, so subscribed calendars remove it")),
	ENUM_KEY("feeds", "holidays", feeds_holidays, yes_no_words, "no",
	         N_("put the public holidays of [organisation] region into every person's and team's feed (yes or no)")),
	INT_KEY("feeds", "expiry_reminder_days", feeds_expiry_reminder_days, 0, 365, "30",
	        N_("days before a training expires that its calendar event reminds (0: no reminder)")),
	STRING_KEY("feeds", "file_mode", feeds_file_mode, false, check_mode, "0640",
	           N_("the mode of published feeds and index.txt, in octal: 0640 lets the web server's group read them, 0600 only the publisher, 0644 everyone")),
	ENUM_KEY("onboarding", "auto_start", onboarding_auto_start, yes_no_words, "no",
	         N_("adding a person whose start date is still to come starts their onboarding from the template that applies (yes or no)")),
	INT_KEY("onboarding", "mentor_min_months", mentor_min_months, 0, 120, "12",
	        N_("months a person must have worked here before they can be a mentor")),
	INT_KEY("onboarding", "mentor_absence_days", mentor_absence_days, 1, 260, "10",
	        N_("working days away in a row during a mentorship that rule a mentor out")),
	INT_KEY("onboarding", "review_after_months", review_after_months, 1, 24, "6",
	        N_("months from the start date to the closing talk at the end of probation")),
	INT_KEY("onboarding", "reminder_days", onboarding_reminder_days, 0, 60, "2",
	        N_("days before an onboarding step that its calendar event reminds (0: no reminder)")),
	INT_KEY("privacy", "min_group", privacy_min_group, 2, 100, "5",
	        N_("the fewest people whose self-assessed training needs are shown together as a mean")),
	INT_KEY("privacy", "keep_days_months", privacy_keep_days_months, 1, 120, "6",
	        N_("months after which 'hop purge' deletes presence days and bookings")),
	INT_KEY("privacy", "keep_audit_months", privacy_keep_audit_months, 1, 240, "24",
	        N_("months after which 'hop purge' deletes audit log entries")),
	INT_KEY("privacy", "keep_people_months", privacy_keep_people_months, 1, 600, "36",
	        N_("months after their last day that 'hop purge' anonymises a person who left and deletes their personal records")),
	INT_KEY("rotation", "lead_years", rotation_lead_years, 1, 15, "5",
	        N_("years a lead stays in a team or area before their rotation is due")),
	INT_KEY("rotation", "area_review_years", rotation_area_review_years, 1, 20, "3",
	        N_("years after which an area's corruption-prone flag is due for review")),
	INT_KEY("rotation", "reset_after_months", rotation_reset_after_months, 1, 60, "6",
	        N_("months away on a secondment after which time in an area starts afresh")),
	INT_KEY("rotation", "hospitation_days_per_year", rotation_hospitation_days, 0, 100, "10",
	        N_("working days a year each person spends in another unit (Hospitation)")),
	INT_KEY("rotation", "consent_after_months", rotation_consent_after_months, 1, 120, "24",
	        N_("months of secondment after which the person's consent is needed (BBG § 27)")),
	INT_KEY("rotation", "personalrat_after_months", rotation_personalrat_after_months, 1, 120, "3",
	        N_("months of secondment after which the staff council takes part")),
	INT_KEY("rotation", "due_within_months", rotation_due_within_months, 1, 120, "12",
	        N_("how far ahead the list of rotations due looks, in months")),
	INT_KEY("rotation", "plan_time_limit", rotation_plan_time_limit, 1, 3600, "60",
	        N_("seconds the solver may take to plan a trainee cohort")),
};
const size_t config_key_count = sizeof config_keys / sizeof config_keys[0];

const struct config_key *config_key_find(const char *section, const char *key)
{
	for (size_t i = 0; i < config_key_count; i++)
		if (strcmp(config_keys[i].section, section) == 0 &&
		    strcmp(config_keys[i].key, key) == 0)
			return &config_keys[i];
	return NULL;
}

/* ---- conversion ---- */

/* Well-formed UTF-8 without control characters: what ends up in headings,
 * tables and feeds must display. */
static bool text_ok(const char *s, bool *control)
{
	const unsigned char *p = (const unsigned char *)s;

	*control = false;
	while (*p) {
		unsigned c = *p;
		int n;
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f) {
				*control = true;
				return false;
			}
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3;
		else
			return false;
		/* Overlong forms, surrogates and code points above U+10FFFF. */
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
		    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
			return false;
		for (int i = 1; i <= n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		p += n + 1;
	}
	return true;
}

static enum hop_status set_string(const struct config_key *k, const char *text,
                                  struct hop_config *cfg, struct hop_err *err)
{
	char buf[HOP_PATH_MAX];
	size_t len = strlen(text);
	bool control;

	if (!*text && !k->may_be_empty)
		return hop_fail(err, HOP_EINVAL,
		                _("no value given; write one, or remove the line to get the default '%s'"),
		                k->def);
	if (len >= sizeof buf)
		return hop_fail(err, HOP_EINVAL, _("the value is %zu bytes long; at most %zu are allowed"),
		                len, k->size - 1);
	if (!text_ok(text, &control))
		return hop_fail(err, HOP_EINVAL, control
		                ? _("the value contains a control character; remove it")
		                : _("the value is not valid UTF-8; save the file as UTF-8"));
	memcpy(buf, text, len + 1);
	/* The check first: "Berlin" for a region deserves more than "too long". */
	if (k->check && k->check(buf, k->size, err) != HOP_OK)
		return err->status;
	if ((len = strlen(buf)) >= k->size)
		return hop_fail(err, HOP_EINVAL, _("the value is %zu bytes long; at most %zu are allowed"),
		                len, k->size - 1);
	memcpy((char *)cfg + k->offset, buf, len + 1);
	return HOP_OK;
}

static enum hop_status set_int(const struct config_key *k, const char *text,
                               struct hop_config *cfg, struct hop_err *err)
{
	char *end;
	long v;

	if (!*text)
		return hop_fail(err, HOP_EINVAL, _("no value given; use a whole number from %d to %d"),
		                k->min, k->max);
	/* Base 10 on purpose: iniparser's base 0 would read "08" as 0. */
	errno = 0;
	v = strtol(text, &end, 10);
	if (end == text || *end != '\0' || isspace((unsigned char)*text))
		return hop_fail(err, HOP_EINVAL, _("'%s' is not a whole number"), text);
	if (errno == ERANGE || v < k->min || v > k->max)
		return hop_fail(err, HOP_EINVAL, _("%s is out of range; use %d to %d"), text, k->min,
		                k->max);
	*(int *)(void *)((char *)cfg + k->offset) = (int)v;
	return HOP_OK;
}

static enum hop_status set_enum(const struct config_key *k, const char *text,
                                struct hop_config *cfg, struct hop_err *err)
{
	char words[256] = "";

	for (const struct config_word *w = k->words; w->word; w++) {
		if (strcasecmp(w->word, text) == 0) {
			*(int *)(void *)((char *)cfg + k->offset) = w->value;
			return HOP_OK;
		}
		if (strlen(words) + strlen(w->word) + 3 < sizeof words) {
			if (w != k->words)
				strcat(words, ", ");
			strcat(words, w->word);
		}
	}
	if (!*text)
		return hop_fail(err, HOP_EINVAL, _("no value given; use one of: %s"), words);
	return hop_fail(err, HOP_EINVAL, _("'%s' is not allowed here; use one of: %s"), text, words);
}

enum hop_status config_key_set(const struct config_key *k, const char *text,
                               struct hop_config *cfg, struct hop_err *err)
{
	if (k->type == CONFIG_STRING)
		return set_string(k, text, cfg, err);
	if (k->type == CONFIG_INT)
		return set_int(k, text, cfg, err);
	return set_enum(k, text, cfg, err);
}

void config_key_format(const struct config_key *k, const struct hop_config *cfg,
                       char *buf, size_t size)
{
	const char *field = (const char *)cfg + k->offset;
	int v;

	switch (k->type) {
	case CONFIG_STRING:
		snprintf(buf, size, "%s", field);
		return;
	case CONFIG_INT:
		snprintf(buf, size, "%d", *(const int *)(const void *)field);
		return;
	case CONFIG_ENUM:
		v = *(const int *)(const void *)field;
		for (const struct config_word *w = k->words; w->word; w++) {
			if (w->value == v) {
				snprintf(buf, size, "%s", w->word);
				return;
			}
		}
		snprintf(buf, size, "%d", v);
		return;
	}
}

/* The defaults are the table's text, stored without the checks that look at
 * the system (a missing zone file must not make the defaults fail). */
void config_defaults(struct hop_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	for (size_t i = 0; i < config_key_count; i++) {
		const struct config_key *k = &config_keys[i];
		char *field = (char *)cfg + k->offset;

		switch (k->type) {
		case CONFIG_STRING:
			snprintf(field, k->size, "%s", k->def);
			break;
		case CONFIG_INT:
			*(int *)(void *)field = (int)strtol(k->def, NULL, 10);
			break;
		case CONFIG_ENUM:
			for (const struct config_word *w = k->words; w->word; w++)
				if (strcmp(w->word, k->def) == 0)
					*(int *)(void *)field = w->value;
			break;
		}
	}
}

enum hop_status config_keys_agree(const struct hop_config *cfg, const char *file,
                                  struct hop_err *err)
{
	if (cfg->db_path[0] && cfg->db_url[0])
		return hop_fail(err, HOP_EINVAL, _("%s: [database] sets both path and url; set "
		                "one of them (path for a file, url for PostgreSQL)"), file);
	return HOP_OK;
}
