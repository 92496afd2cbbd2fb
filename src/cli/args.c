/* A handler's options and operands: getopt_long as every handler used it,
 * with the bad-option error, --format and the count of operands in one
 * place, so that every command answers a mistyped option alike. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"

/* The value getopt_long gives --format in the command's table, or 0. */
static int format_option(const struct option *opts)
{
	for (; opts->name; opts++)
		if (strcmp(opts->name, "format") == 0)
			return opts->val;
	return 0;
}

int cli_option(struct cli_args *a, int argc, char **argv)
{
	char shortopts[64];
	int c;

	/* A leading ':' makes a missing value ':' rather than '?'. */
	snprintf(shortopts, sizeof shortopts, ":%s", a->shortopts ? a->shortopts : "");
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, shortopts, a->opts, NULL);
		if (c == -1) {
			a->arg = argv + optind;
			a->n = argc - optind;
			return 0;
		}
		if (c == '?' || c == ':') {
			a->rc = cli_bad_option(a->name, a->sub, argv, c);
			return -1;
		}
		if (!a->format || c != format_option(a->opts))
			return c;
		if ((a->rc = out_format_option(a->name, a->sub, optarg, a->format)))
			return -1;
	}
}

int cli_operands(struct cli_args *a, int min, int max, const char *missing)
{
	if (a->rc)
		return a->rc;
	if (a->n < min)
		return cli_usage_error(a->name, a->sub, "%s", missing);
	if (max >= 0 && a->n > max)
		return cli_usage_error(a->name, a->sub, _("unexpected argument '%s'"), a->arg[max]);
	return 0;
}

bool cli_int(const char *text, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < min || v > max)
		return false;
	*out = (int)v;
	return true;
}
