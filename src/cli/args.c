/* A handler's options and operands: getopt_long as every handler used it,
 * with the bad-option error, --format and the count of operands in one
 * place, so that every command answers a mistyped option alike. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/fold.h"
#include "hop/base/i18n.h"

/* The value getopt_long gives --format in the command's table, or 0. */
static int format_option(const struct option *opts)
{
	for (; opts->name; opts++)
		if (strcmp(opts->name, "format") == 0)
			return opts->val;
	return 0;
}

const char *cli_nearest(const char *word, const char *const *cands, size_t n, bool prefix)
{
	const char *best = NULL, *prefix_of = NULL;
	int best_d = (int)strlen(word) / 3 + 1, prefixes = 0;

	if (best_d > 2)
		best_d = 2;
	best_d++;
	for (size_t i = 0; i < n; i++) {
		int d = fold_distance(word, cands[i], best_d - 1);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
		if (*word && strncmp(cands[i], word, strlen(word)) == 0) {
			prefix_of = cands[i];
			prefixes++;
		}
	}
	return best ? best : prefix && prefixes == 1 ? prefix_of : NULL;
}

/* getopt_long's value for --wide, which every table command takes. */
#define OPT_WIDE 0x10001
#define OPTS_MAX 64

/* The command's options, and --wide when it prints a table, into all
 * (OPTS_MAX + 2 entries). */
static const struct option *with_wide(const struct cli_args *a, struct option *all)
{
	size_t n = 0;

	if (!a->format && !a->table)
		return a->opts;
	for (const struct option *o = a->opts; o && o->name && n < OPTS_MAX; o++)
		all[n++] = *o;
	all[n++] = (struct option){ "wide", no_argument, NULL, OPT_WIDE };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
	return all;
}

/* Every long option on the line names one of the command's options exactly:
 * getopt_long would take '--for' for '--format' (a prefix), and a person
 * who typed '--for dlang' meant something else.  The value of an option
 * that takes one is skipped. */
static int exact_options(struct cli_args *a, const struct option *opts, int argc, char **argv)
{
	const char *names[OPTS_MAX + 1];
	size_t n = 0;

	for (const struct option *o = opts; o && o->name && n < OPTS_MAX + 1; o++)
		names[n++] = o->name;
	for (int i = 1; i < argc; i++) {
		const char *t = argv[i];
		const struct option *o = NULL;
		size_t len;
		char word[64];

		if (strcmp(t, "--") == 0)
			break;
		if (strncmp(t, "--", 2) != 0 || !t[2])
			continue;
		len = strcspn(t + 2, "=");
		for (const struct option *p = opts; p && p->name; p++)
			if (strlen(p->name) == len && strncmp(p->name, t + 2, len) == 0)
				o = p;
		if (o) {
			if (o->has_arg == required_argument && !t[2 + len])
				i++;
			continue;
		}
		snprintf(word, sizeof word, "%.*s", (int)(len < 60 ? len : 60), t + 2);
		const char *near = cli_nearest(word, names, n, false);
		if (near)
			return a->rc = cli_usage_error(a->name, a->sub,
			                               _("unknown option '--%s'; did you mean '--%s'?"),
			                               word, near);
		char list[512] = "";
		size_t used = 0;
		for (size_t k = 0; k < n && used < sizeof list - 40; k++)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s--%s",
			                         k ? ", " : "", names[k]);
		if (!n)
			return a->rc = cli_usage_error(a->name, a->sub, _("unknown option '--%s'; "
			                               "this command has no options"), word);
		return a->rc = cli_usage_error(a->name, a->sub, _("unknown option '--%s'; the "
		                               "options are %s"), word, list);
	}
	return 0;
}

int cli_option(struct cli_args *a, int argc, char **argv)
{
	struct option all[OPTS_MAX + 2];
	const struct option *opts = with_wide(a, all);
	char shortopts[64];
	int c;

	/* The first call for this command line (cli_main resets optind). */
	if (optind <= 1 && !a->checked) {
		a->checked = true;
		if (exact_options(a, opts, argc, argv))
			return -1;
	}

	/* A leading ':' makes a missing value ':' rather than '?'. */
	snprintf(shortopts, sizeof shortopts, ":%s", a->shortopts ? a->shortopts : "");
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, shortopts, opts, NULL);
		if (c == -1) {
			a->arg = argv + optind;
			a->n = argc - optind;
			return 0;
		}
		if (c == '?' || c == ':') {
			a->rc = cli_bad_option(a->name, a->sub, argv, c);
			return -1;
		}
		if (c == OPT_WIDE) {
			out_set_width(0);
			continue;
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
