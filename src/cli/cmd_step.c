/* The options that describe an onboarding step, shared by 'hop template step'
 * and 'hop onboarding step'. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "cmd_onboarding.h"

enum {
	O_TITLE = 300, O_KIND, O_OWNER, O_DUE, O_OFFICE, O_NO_OFFICE, O_OPTIONAL, O_MANDATORY,
	O_NOTE, O_AT, O_REMOVE, O_COURSE,
};

const struct option step_options[] = {
	{ "title", required_argument, NULL, O_TITLE },
	{ "kind", required_argument, NULL, O_KIND },
	{ "owner", required_argument, NULL, O_OWNER },
	{ "due", required_argument, NULL, O_DUE },
	{ "office", no_argument, NULL, O_OFFICE },
	{ "no-office", no_argument, NULL, O_NO_OFFICE },
	{ "optional", no_argument, NULL, O_OPTIONAL },
	{ "mandatory", no_argument, NULL, O_MANDATORY },
	{ "note", required_argument, NULL, O_NOTE },
	{ "at", required_argument, NULL, O_AT },
	{ "remove", no_argument, NULL, O_REMOVE },
	{ "drop", no_argument, NULL, O_REMOVE },
	{ "course", required_argument, NULL, O_COURSE },
	{ NULL, 0, NULL, 0 },
};

/* Text into a fixed field, refused rather than cut. */
static int copy(const char *name, const char *sub, const char *what, char *dst, size_t size,
                const char *text)
{
	if (strlen(text) >= size)
		return cli_usage_error(name, sub, _("the %s is %zu bytes long; the limit is %zu"),
		                       what, strlen(text), size - 1);
	snprintf(dst, size, "%s", text);
	return 0;
}

static int step_option(const char *name, const char *sub, int c, struct step_args *a)
{
	struct hop_err err;
	char *end;
	long n;

	switch (c) {
	case O_TITLE:
		a->fields |= SF_TITLE;
		return copy(name, sub, _("title"), a->s.title, sizeof a->s.title, optarg) ? 2 : 1;
	case O_KIND:
		a->fields |= SF_KIND;
		if (onb_kind_parse(optarg, &a->s.kind, &err) != HOP_OK)
			return cli_usage_error(name, sub, "%s", err.msg);
		return 1;
	case O_OWNER:
		a->fields |= SF_OWNER;
		a->owner = optarg;
		return 1;
	case O_DUE:
		a->due = optarg;
		return 1;
	case O_OFFICE:
	case O_NO_OFFICE:
		a->fields |= SF_OFFICE;
		a->s.in_office = c == O_OFFICE;
		return 1;
	case O_OPTIONAL:
	case O_MANDATORY:
		a->fields |= SF_MANDATORY;
		a->s.mandatory = c == O_MANDATORY;
		return 1;
	case O_NOTE:
		a->fields |= SF_NOTE;
		return copy(name, sub, _("note"), a->s.note, sizeof a->s.note, optarg) ? 2 : 1;
	case O_AT:
		n = strtol(optarg, &end, 10);
		if (*end || end == optarg || n < 1 || n > HOP_STEPS_MAX)
			return cli_usage_error(name, sub, _("--at takes a step's number from 1 to %d, "
			                       "not '%s'"), HOP_STEPS_MAX, optarg);
		a->fields |= SF_POSITION;
		a->position = (int)n;
		return 1;
	case O_REMOVE:
		a->remove = true;
		return 1;
	case O_COURSE:
		/* Naming a course makes the step a course unless --kind says. */
		a->fields |= SF_COURSE;
		if (*optarg && !(a->fields & SF_KIND)) {
			a->fields |= SF_KIND;
			a->s.kind = ONB_COURSE;
		}
		return copy(name, sub, _("course code"), a->s.course, sizeof a->s.course,
		            optarg) ? 2 : 1;
	default:
		return 0;
	}
}

int step_parse(struct cli_args *a, int argc, char **argv, struct step_args *s)
{
	int c, rc;

	while ((c = cli_option(a, argc, argv)) > 0)
		if ((rc = step_option(a->name, a->sub, c, s)) != 1)
			return rc ? rc : cli_bad_option(a->name, a->sub, argv, c);
	return a->rc;
}

int step_resolve(struct cli_ctx *ctx, struct step_args *a, bool dates)
{
	struct hop_err err, e2;
	struct hop_person p;

	/* An owner word or a login; else a person as people name them. */
	if (a->owner && onb_owner_parse(&ctx->app, a->owner, &a->s.owner, a->s.owner_login,
	                                &err) != HOP_OK) {
		if (err.status != HOP_EINVAL)
			return cli_fail(&err);
		switch (person_find(&ctx->app, a->owner, &p, &e2)) {
		case HOP_OK:
			if (onb_owner_parse(&ctx->app, p.login, &a->s.owner, a->s.owner_login,
			                    &err) != HOP_OK)
				return cli_fail(&err);
			break;
		case HOP_ENOTFOUND:
			return cli_fail(&err);
		default:
			return cli_fail(&e2);
		}
	}
	if (!a->due)
		return 0;
	/* An offset from the start ("+3", "2 weeks") first; a person's step
	 * also takes a date. */
	if (onb_offset_parse(a->due, &a->s.offset, &err) == HOP_OK) {
		a->fields |= SF_OFFSET;
		return 0;
	}
	if (dates && date_parse(a->due, clock_today(), &a->due_day, &e2) == HOP_OK) {
		a->fields |= SF_DUE;
		return 0;
	}
	return cli_fail(&err);
}
