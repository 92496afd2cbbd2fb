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
#include "hop/err.h"

#define HOP_PATH_MAX 4096

enum cfg_colour { CFG_COLOUR_AUTO, CFG_COLOUR_NEVER };

struct hop_config {
	/* [database] */
	char db_path[HOP_PATH_MAX];       /* "" = not set (then $XDG_DATA_HOME/hop/hop.db) */
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
	/* [ui] */
	enum cfg_colour colour;           /* auto (honours NO_COLOR) or never */
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

/* Load and validate path into cfg (starting from the defaults).  On error cfg
 * is left with the defaults and err names "file:line: key: what to fix". */
enum hop_status config_load(const char *path, struct hop_config *cfg, struct hop_err *err);

/* Write the effective settings as INI text (what 'hop config check' prints). */
void config_print(const struct hop_config *cfg, FILE *out);

/* The accepted region codes: the 16 Bundesländer. */
bool config_region_valid(const char *code);
const char *config_region_name(const char *code);

#endif
