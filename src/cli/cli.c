/* The dispatcher: global options, the command table, help and error output. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/priv.h"
#include "hop/core/whoami.h"
#include "hop/tui/tui.h"


#define CMD(n, s, fn, a, su, h) int fn(struct cli_ctx *ctx, int argc, char **argv);
#include "commands.def"
#undef CMD

const struct cli_command cli_commands[] = {
#define CMD(n, s, fn, a, su, h) { n, s, fn, a, su, h },
#include "commands.def"
#undef CMD
};
const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];

static bool same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static const struct cli_command *find(const char *name, const char *sub)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i].name, name) == 0 && same(cli_commands[i].sub, sub))
			return &cli_commands[i];
	return NULL;
}

static bool has_subcommands(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i].name, name) == 0 && cli_commands[i].sub)
			return true;
	return false;
}

static bool known_name(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return true;
	return false;
}

/* "unknown command 'boook'", with the command meant when one is near. */
static int unknown_command(const char *word)
{
	const char *names[256];
	size_t n = 0;

	for (size_t i = 0; i < cli_command_count && n < 256; i++)
		if (n == 0 || strcmp(names[n - 1], cli_commands[i].name) != 0)
			names[n++] = cli_commands[i].name;
	const char *near = cli_nearest(word, names, n, true);
	if (near)
		return cli_usage_error(NULL, NULL, _("unknown command '%s'; did you mean '%s'?"),
		                       word, near);
	return cli_usage_error(NULL, NULL, _("unknown command '%s'"), word);
}

static int unknown_sub(const char *name, const char *word)
{
	const char *names[64];
	size_t n = 0;

	for (size_t i = 0; i < cli_command_count && n < 64; i++)
		if (strcmp(cli_commands[i].name, name) == 0 && cli_commands[i].sub)
			names[n++] = cli_commands[i].sub;
	const char *near = cli_nearest(word, names, n, true);
	if (near)
		return cli_usage_error(name, NULL, _("'%s' has no sub-command '%s'; did you mean "
		                       "'%s %s'?"), name, word, name, near);
	return cli_usage_error(name, NULL, _("'%s' has no sub-command '%s'"), name, word);
}

/* The line every table command's help has after --format. */
#define WIDE_HELP N_("  --wide           every column at full width (default: fit the terminal)")

/* Does c print a table through --format without naming --wide itself? */
static bool takes_wide(const struct cli_command *c)
{
	return c->help && strstr(c->help, "--format FORMAT  table") && !strstr(c->help, "--wide");
}

/* The help text, with --wide after the --format option and its
 * continuation lines when wide. */
static void print_help(FILE *out, const char *help, bool wide)
{
	const char *f = wide ? strstr(help, "  --format ") : NULL;
	const char *e = f ? strchr(f, '\n') : NULL;

	if (!f) {
		fprintf(out, "\n%s\n", help);
		return;
	}
	while (e && strncmp(e + 1, "    ", 4) == 0)
		e = strchr(e + 1, '\n');
	if (!e)
		e = help + strlen(help);
	fprintf(out, "\n%.*s\n%s%s\n", (int)(e - help), help, _(WIDE_HELP), e);
}

static void print_one(FILE *out, const struct cli_command *c, bool with_help)
{
	bool wide = takes_wide(c);

	fprintf(out, "%s hop %s%s%s%s%s%s\n", _("Usage:"), c->name, c->sub ? " " : "",
	        c->sub ? c->sub : "", *c->args ? " " : "", *c->args ? _(c->args) : "",
	        wide ? " [--wide]" : "");
	fprintf(out, "  %s\n", _(c->summary));
	if (with_help && c->help)
		print_help(out, _(c->help), wide);
}

void cli_usage(FILE *out, const char *name, const char *sub)
{
	const struct cli_command *c = sub ? find(name, sub) : NULL;
	bool first = true;

	if (c) {
		print_one(out, c, true);
		return;
	}
	for (size_t i = 0; i < cli_command_count; i++) {
		if (strcmp(cli_commands[i].name, name) != 0)
			continue;
		if (!first)
			fputc('\n', out);
		print_one(out, &cli_commands[i], true);
		first = false;
	}
}

/* The daily commands, as the overview lists them first. */
static const struct { const char *name, *sub; } daily[] = {
	{ "who", NULL }, { "free", NULL }, { "book", NULL }, { "cancel", NULL },
	{ "bookings", NULL }, { "week", NULL }, { "presence", "set" }, { "presence", "show" },
	{ "check", NULL }, { "onboarding", "todo" }, { "training", "status" },
};

static void print_overview(FILE *out)
{
	const char *last = "";

	fprintf(out, _("hop %s, a hybrid-office and personnel planner\n\n"), HOP_VERSION);
	fprintf(out, "%s hop %s\n\n", _("Usage:"), _("[--config FILE] [--db FILE] [COMMAND [ARGS]]"));
	fputs(_("Without a command, hop opens the full-screen interface.\n\n"), out);
	fputs(_("Global options:\n"
	        "  --config FILE   read this configuration file (see hop.ini(5))\n"
	        "  --db FILE       use this database file\n"
	        "  -h, --help      show this help\n"
	        "  -V, --version   show the version\n\n"), out);
	/* What people type every day first; the whole table after it. */
	fputs(_("Every day:\n"), out);
	for (size_t d = 0; d < sizeof daily / sizeof *daily; d++) {
		const struct cli_command *c = find(daily[d].name, daily[d].sub);
		char head[64];

		if (!c)
			continue;
		snprintf(head, sizeof head, "%s%s%s", c->name, c->sub ? " " : "",
		         c->sub ? c->sub : "");
		fprintf(out, "  %-20s ", head);
		out_hanging(out, _(c->summary), 23);
	}
	fputs(_("\nAll commands:\n"), out);
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];
		char head[64];

		snprintf(head, sizeof head, "%s%s%s", c->name, c->sub ? " " : "",
		         c->sub ? c->sub : "");
		if (strcmp(last, c->name) != 0 && c->sub && i > 0)
			fputc('\n', out);
		fprintf(out, "  %-20s ", head);
		out_hanging(out, _(c->summary), 23);
		last = c->name;
	}
	out_para(out, _("\n'hop help COMMAND' shows the options of a command; hop(1) has the details.\n"));
}

int cli_fail(const struct hop_err *err)
{
	char advice[CLI_ADVICE_MAX];

	fprintf(stderr, "hop: %s%s\n", err->msg,
	        cli_advice(err->reason, &err->facts, advice, sizeof advice));
	return hop_exit_status(err->status);
}

/* "hop: message" on a line of its own on stderr. */
static void say(const char *fmt, va_list ap)
{
	fputs("hop: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int cli_failf(enum hop_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	return hop_exit_status(st);
}

int cli_usage_error(const char *name, const char *sub, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	if (name)
		fprintf(stderr, _("Try 'hop help %s%s%s'.\n"), name, sub ? " " : "", sub ? sub : "");
	else
		fputs(_("Try 'hop --help'.\n"), stderr);
	return 2;
}

int cli_bad_option(const char *name, const char *sub, char **argv, int c)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";

	if (c == ':')
		return cli_usage_error(name, sub, _("option '%s' needs a value"), arg);
	if (optopt && optopt != '?')
		return cli_usage_error(name, sub, _("unknown option '-%c'"), optopt);
	return cli_usage_error(name, sub, _("unknown option '%s'"), arg);
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

bool cli_date(const char *text, hop_date *out)
{
	struct hop_err err;
	if (date_parse(text, clock_today(), out, &err) != HOP_OK) {
		cli_fail(&err);
		return false;
	}
	return true;
}

int cli_configure(struct cli_ctx *ctx)
{
	struct hop_err err;

	if (ctx->configured)
		return 0;
	if (app_configure(&ctx->app, &ctx->opt, &err) != HOP_OK)
		return cli_fail(&err);
	ctx->configured = true;
	return 0;
}

int cli_open(struct cli_ctx *ctx)
{
	struct hop_err err;
	int rc = cli_configure(ctx);

	if (rc || ctx->opened)
		return rc;
	if (app_open_db(&ctx->app, false, &err) != HOP_OK)
		return cli_fail(&err);
	ctx->opened = true;
	return 0;
}

int cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	if (!known_name(argv[1]))
		return unknown_command(argv[1]);
	if (argc > 2 && !find(argv[1], argv[2]))
		return unknown_sub(argv[1], argv[2]);
	cli_usage(stdout, argv[1], argc > 2 ? argv[2] : NULL);
	return 0;
}

int cmd_version(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx, (void)argc, (void)argv;
	printf("hop %s (%s)\n", HOP_VERSION, whoami_engine());
	return 0;
}

static int run_tui(struct cli_ctx *ctx)
{
	int rc;

	app_for_screens();
	if ((rc = cli_open(ctx)))
		return rc;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_failf(HOP_EINVAL, _("the full-screen interface needs a terminal; "
		                 "see 'hop --help' for the commands"));
	return tui_run(&ctx->app);
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx ctx;
	const struct cli_command *c;
	const char *sub = NULL;
	int ch, rc;

	memset(&ctx, 0, sizeof ctx);
	opterr = 0;
	/* '+': stop at the first non-option, which is the command. */
	while ((ch = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': ctx.opt.config_path = optarg; break;
		case 'd': ctx.opt.db_path = optarg; break;
		case 'h': print_overview(stdout); return 0;
		case 'V': return cmd_version(&ctx, 0, NULL);
		default: return cli_bad_option(NULL, NULL, argv, ch);
		}
	}
	argc -= optind;
	argv += optind;
	/* Installed setgid for a whole authority: the database is the group's,
	 * never one the caller chooses (hop(1), SECURITY). */
	if (hop_privileged() && (ctx.opt.db_path || ctx.opt.config_path))
		return cli_failf(HOP_EPERM, _("%s is not accepted here: hop is installed for the whole "
		                 "authority and uses the database and configuration that %s/hop/hop.ini "
		                 "names"), ctx.opt.db_path ? "--db" : "--config", HOP_SYSCONFDIR);

	if (argc == 0) {
		rc = run_tui(&ctx);
		goto out;
	}
	if (!known_name(argv[0]))
		return unknown_command(argv[0]);
	if (has_subcommands(argv[0])) {
		if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
			if (argc < 2) {
				cli_usage(stderr, argv[0], NULL);
				return 2;
			}
			cli_usage(stdout, argv[0], NULL);
			return 0;
		}
		sub = argv[1];
		if (!(c = find(argv[0], sub)))
			return unknown_sub(argv[0], sub);
		argc--;
		argv++;
	} else {
		c = find(argv[0], NULL);
	}
	if (cli_wants_help(argc, argv)) {
		cli_usage(stdout, c->name, c->sub);
		return 0;
	}
	optind = 0;
	rc = c->fn(&ctx, argc, argv);
out:
	if (ctx.opened)
		app_close(&ctx.app);
	return rc;
}
