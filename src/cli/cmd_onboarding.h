/* Shared by the onboarding commands (cmd_onboarding.c, cmd_template.c,
 * cmd_mentor.c): the options that describe a step. */
#ifndef HOP_CMD_ONBOARDING_H
#define HOP_CMD_ONBOARDING_H

#include <getopt.h>
#include <stdbool.h>
#include "hop/cli/cli.h"
#include "hop/core/onboarding/onboarding.h"

/* What the step options gave: fields (enum onb_step_field) and their values. */
struct step_args {
	unsigned fields;
	struct onb_step_spec s;
	const char *owner;         /* --owner as typed, resolved after cli_open */
	const char *due;           /* --due as typed */
	hop_date due_day;          /* --due as a date (a person's step) */
	int position;              /* --at */
	bool remove;               /* --remove / --drop */
};

/* The long options of a step, for getopt_long (ends with a NULL entry), and
 * the handling of one option c (with optarg) into a: 1 when c was a step
 * option, 0 when it was not, or the exit status of a usage error (2). */
extern const struct option step_options[];
/* Every option of a step (a->opts = step_options) into s; then the operands
 * are a->arg.  0 or the exit status of the error. */
int step_parse(struct cli_args *a, int argc, char **argv, struct step_args *s);
/* After cli_open: the owner's login checked, --due read as an offset (or,
 * when dates are allowed, as a date).  0 or the exit status. */
int step_resolve(struct cli_ctx *ctx, struct step_args *a, bool dates);

#endif
