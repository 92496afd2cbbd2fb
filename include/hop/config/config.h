/* hop.ini: locating, loading and validating the configuration.
 *
 * The file is read with iniparser, but every line is first checked by hop itself
 * so that an error names file, line and key.  Unknown sections or keys, wrong
 * types, out-of-range numbers and malformed lines are errors: hop refuses to
 * start rather than guess.  The result is a plain struct; no dictionary lives on. */
#ifndef HOP_CONFIG_H
#define HOP_CONFIG_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include "hop/base/err.h"

#define HOP_PATH_MAX 4096

enum cfg_colour { CFG_COLOUR_AUTO, CFG_COLOUR_NEVER };
/* The form 'hop export people|templates' write without --format. */
enum cfg_export_format { CFG_EXPORT_CSV, CFG_EXPORT_TSV, CFG_EXPORT_EXCEL };
/* Who sees the name of whoever booked a desk or room (one's own always). */
enum cfg_booker_names { CFG_NAMES_ALL, CFG_NAMES_TEAM, CFG_NAMES_NONE };
/* A home or mobile day while a course of [policy] mobile_requires is not valid. */
enum cfg_mobile_gate { CFG_GATE_WARN, CFG_GATE_REFUSE };

struct hop_config {
	/* [database] */
	char db_path[HOP_PATH_MAX];       /* "" = not set (then $XDG_DATA_HOME/hop/hop.db) */
	char db_url[HOP_PATH_MAX];        /* a PostgreSQL URL or conninfo; "" = SQLite at db_path */
	char db_login_role[64];           /* the role a login connects as, '*' the login;
	                                     "" = any role (not checked) */
	/* [organisation] */
	char org_name[128];               /* default "hop" */
	char region[3];                   /* Bundesland code, default "BE" */
	char timezone[64];                /* default "Europe/Berlin" */
	char mail_domain[128];            /* for feed UIDs, default "hop.invalid" */
	/* [policy] — limits of the office agreement (Dienstvereinbarung) */
	int booking_horizon_days;         /* how far ahead desks can be booked, default 28 */
	int max_home_days;                /* home + mobile days per week, default 3 */
	int min_office_days;              /* office days per week, default 1 */
	int onboarding_office_weeks;      /* new hires in the office for the first K weeks, default 4 */
	int mentor_max_mentees;           /* default 2 */
	int rotation_years;               /* time in a post before rotation is due, default 5 */
	int free_dec24_dec31;             /* 24 and 31 December are not working days
	                                     (§ 6 (3) TVöD/TV-L), default yes (1) */
	char mobile_requires[512];        /* course codes, comma-separated, that must be valid
	                                     for a home or mobile day; default "" (none) */
	enum cfg_mobile_gate mobile_gate; /* warn (default) or refuse */
	/* [booking] */
	enum cfg_booker_names show_booker_names;   /* default team */
	int fixed_desk_claim_days;        /* days before the day until which a fixed desk's
	                                     owner displaces other bookings, default 1 */
	/* [presence] */
	int presence_auto_book;           /* setting "office" books a desk, default yes (1) */
	/* [ui] */
	enum cfg_colour colour;           /* auto (honours NO_COLOR) or never */
	/* [export] */
	enum cfg_export_format export_format;   /* default csv */
	/* [feeds] */
	int feeds_keep_cancelled_days;    /* cancelled bookings stay in feeds, default 14 */
	int feeds_holidays;               /* public holidays in person and team feeds, default no (0) */
	int feeds_expiry_reminder_days;   /* days before a training's expiry its event reminds,
	                                     default 30 (0 = no reminder) */
	char feeds_file_mode[8];          /* published files' mode, octal, default "0640":
	                                     the web server's group reads them */
	/* [onboarding] */
	int onboarding_auto_start;        /* adding a person with a future start date starts their
	                                     onboarding, default no (0) */
	int mentor_min_months;            /* months employed before one may mentor, default 12 */
	int mentor_absence_days;          /* working days away in a row that rule a mentor out,
	                                     default 10 */
	int review_after_months;          /* the closing talk: end of probation, default 6 */
	int onboarding_reminder_days;     /* days before a step its calendar event reminds,
	                                     default 2 (0 = no reminder) */
	/* [privacy] */
	int privacy_min_group;            /* the fewest people an aggregate of personal
	                                     statements (training needs) is shown for, default 5 */
	int privacy_keep_days_months;     /* presence days and bookings older are purged, 6 */
	int privacy_keep_audit_months;    /* audit entries older are purged, 24 */
	int privacy_keep_people_months;   /* people who left longer ago are anonymised, 36 */
	/* [rotation] */
	int rotation_lead_years;          /* a lead's time in a team or area before rotating, 5 */
	int rotation_area_review_years;   /* corruption-prone flags reviewed every N years, 3 */
	int rotation_reset_after_months;  /* a secondment this long restarts time in an area, 6 */
	int rotation_hospitation_days;    /* Hospitation working days a year, default 10 */
	int rotation_consent_after_months;    /* secondments longer need consent (BBG § 27), 24 */
	int rotation_personalrat_after_months;/* longer: the staff council takes part, 3 */
	int rotation_due_within_months;   /* horizon of the due list, default 12 */
	int rotation_plan_time_limit;     /* seconds for the cohort solver, default 60 */
};

/* Built-in defaults. */
void config_defaults(struct hop_config *cfg);

/* Where the configuration comes from, in this order: the --config argument,
 * $HOP_CONFIG, $XDG_CONFIG_HOME/hop/hop.ini (or ~/.config/hop/hop.ini),
 * SYSCONFDIR/hop/hop.ini.  An explicit file (argument or $HOP_CONFIG) must
 * exist; for the others the first that exists is taken.  path is set to ""
 * when none is found (built-in defaults).  source says which rule applied. */
enum hop_status config_locate(const char *cli_path, char *path, size_t size,
                              const char **source, struct hop_err *err);
/* source is a printable string with static lifetime ("built-in defaults" is
 * translated). */

/* Load and validate path into cfg (starting from the defaults).  On error cfg
 * is left with the defaults and err names "file:line: [section] key: what to
 * fix".  Every error in the file is reported, one per line of err->msg (as
 * many as fit, then a count of the rest), so one edit can fix them all. */
enum hop_status config_load(const char *path, struct hop_config *cfg, struct hop_err *err);

/* Write the effective settings as INI text (what 'hop config check' prints):
 * every key, each under a one-line comment, quoted where needed, so that the
 * output loads back to the same settings. */
void config_print(const struct hop_config *cfg, FILE *out);

/* The accepted region codes: the 16 Bundesländer.  config_region_valid takes
 * the stored (upper-case) form; config_region_name gives the Land's name
 * ("Berlin") or NULL for an unknown code. */
bool config_region_valid(const char *code);
const char *config_region_name(const char *code);

/* ---- the key table (src/config/config_keys.c) ----
 * Every key hop.ini accepts is one row: adding a key is adding a row (and a
 * field in struct hop_config, a line in hop.ini(5) and sample-config/hop.ini). */

#define HOP_CONFIG_LINE_MAX 1000          /* bytes per line; iniparser 4.1 stops at 1022 */
#define HOP_CONFIG_FILE_MAX (1024 * 1024) /* a larger file is surely not a hop.ini */

enum config_type {
	CONFIG_STRING,   /* char array of size bytes at offset */
	CONFIG_INT,      /* int at offset, min..max */
	CONFIG_ENUM,     /* int-sized enum at offset, one of words (a boolean is an enum too) */
};

struct config_word {
	const char *word;   /* as written in the file, lower case */
	int value;
};

struct config_key {
	const char *section;                /* "policy" */
	const char *key;                    /* "max_home_days" */
	enum config_type type;
	size_t offset;                      /* offsetof(struct hop_config, field) */
	size_t size;                        /* CONFIG_STRING: the buffer size */
	int min, max;                       /* CONFIG_INT */
	const struct config_word *words;    /* CONFIG_ENUM: ends with { NULL, 0 } */
	bool may_be_empty;                  /* CONFIG_STRING: "" is a valid value */
	/* CONFIG_STRING: checks the value and may rewrite it in place (upper-case a
	 * region, expand ~/); NULL accepts any text.  err gets a sentence without
	 * the "file:line: [section] key: " prefix. */
	enum hop_status (*check)(char *value, size_t size, struct hop_err *err);
	const char *def;                    /* the default as written in the file */
	const char *help;                   /* one line, N_() */
};

extern const struct config_key config_keys[];
extern const size_t config_key_count;

/* The key in section (both lower case), or NULL. */
const struct config_key *config_key_find(const char *section, const char *key);

/* Parse text as the value of k (the same conversion and checks config_load
 * applies) and store it in cfg.  err gets a sentence without prefix. */
enum hop_status config_key_set(const struct config_key *k, const char *text,
                               struct hop_config *cfg, struct hop_err *err);

/* Keys of file that must agree with each other ([database] path and url:
 * one of them). */
enum hop_status config_keys_agree(const struct hop_config *cfg, const char *file,
                                  struct hop_err *err);

/* The value of k in cfg as it would be written in the file, unquoted. */
void config_key_format(const struct config_key *k, const struct hop_config *cfg,
                       char *buf, size_t size);

/* ---- where the configuration may come from ----
 * The places config_locate looks at, in order, for 'hop config path'. */
enum config_place_state {
	CONFIG_PLACE_UNSET,     /* --config not given, $HOP_CONFIG or $HOME not set */
	CONFIG_PLACE_MISSING,   /* no file there */
	CONFIG_PLACE_FOUND,     /* a file is there */
};

struct config_place {
	const char *source;          /* "--config", "$HOP_CONFIG", ... (printable) */
	char path[HOP_PATH_MAX];     /* "" when unset */
	bool explicit_file;          /* must exist when set */
	bool too_long;               /* the name does not fit in path */
	enum config_place_state state;
};

#define CONFIG_PLACES 4

/* Fill places[CONFIG_PLACES] with every place config_locate considers. */
void config_places(const char *cli_path, struct config_place places[CONFIG_PLACES]);

#endif
