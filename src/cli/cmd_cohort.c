/* hop cohort add|trainee|station|block|list|show: trainee cohorts with their
 * trainees, stations and blocks.  The rules are in core/rotation/cohort.c. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/rotation/cohort.h"

#define LABEL_WIDTH 12

/* The people of the operands, each split at commas and semicolons (a name
 * has blanks in it), blanks around them dropped; *buf holds them (free it). */
static const char **split_logins(char **args, int n, size_t *count, char **buf)
{
	size_t len = 1, cap = 1;
	const char **v;
	char *p, *save = NULL, *tok;

	*count = 0;
	for (int i = 0; i < n; i++) {
		len += strlen(args[i]) + 1;
		for (const char *q = args[i]; *q; q++)
			cap += *q == ',' || *q == ';';
		cap++;
	}
	if (!(*buf = malloc(len)) || !(v = calloc(cap, sizeof *v))) {
		free(*buf);
		*buf = NULL;
		return NULL;
	}
	p = *buf;
	p[0] = '\0';
	for (int i = 0; i < n; i++) {
		strcat(p, args[i]);
		strcat(p, ",");
	}
	for (tok = strtok_r(p, ",;", &save); tok; tok = strtok_r(NULL, ",;", &save)) {
		size_t k;

		tok += strspn(tok, " \t");
		for (k = strlen(tok); k > 0 && (tok[k - 1] == ' ' || tok[k - 1] == '\t'); k--)
			tok[k - 1] = '\0';
		if (*tok)
			v[(*count)++] = tok;
	}
	return v;
}

/* Each of the people, as person_find reads them, replaced by their login
 * (kept in *logins: free it); 0 or the exit status after saying why. */
static int resolve_logins(struct cli_ctx *ctx, const char **v, size_t n,
                          char (**logins)[HOP_LOGIN_MAX + 1])
{
	int rc;

	if (!(*logins = calloc(n ? n : 1, sizeof **logins)))
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < n; i++)
		if ((rc = cli_person(ctx, &v[i], (*logins)[i])))
			return rc;
	return 0;
}

int cmd_cohort_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "start", required_argument, NULL, 's' },
		{ "months", required_argument, NULL, 'm' },
		{ "trainees", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "cohort", .sub = "add", .opts = opts };
	hop_date start = HOP_DATE_NONE;
	const char **logins = NULL;
	char *trainees = NULL, *buf = NULL, (*found)[HOP_LOGIN_MAX + 1] = NULL;
	size_t n = 0;
	struct hop_err err;
	int c, rc, months = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 's':
			if (!cli_date(optarg, &start))
				return 2;
			break;
		case 'm':
			if (!cli_int(optarg, 1, 120, &months))
				return cli_usage_error("cohort", "add", _("--months wants the cohort's length, "
				                       "1 to 120 months"));
			break;
		case 't': trainees = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the cohort"))))
		return rc;
	if (start == HOP_DATE_NONE || !months)
		return cli_usage_error("cohort", "add", _("a cohort needs --start DATE and --months N"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (trainees && !(logins = split_logins(&trainees, 1, &n, &buf)))
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	if (!(rc = resolve_logins(ctx, logins, n, &found)))
		rc = cohort_add(&ctx->app, a.arg[0], start, months, logins, n, &err) == HOP_OK ? 0 :
		     cli_fail(&err);
	if (!rc)
		printf(ngettext("Cohort %s added with %zu trainee.\n",
		                "Cohort %s added with %zu trainees.\n", (unsigned long)n), a.arg[0], n);
	free(logins);
	free(found);
	free(buf);
	return rc;
}

int cmd_cohort_trainee(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct cli_args a = { .name = "cohort", .sub = "trainee", .opts = opts };
	const char **logins;
	char *buf = NULL, (*found)[HOP_LOGIN_MAX + 1] = NULL;
	size_t n = 0;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) > 0)
		;
	if ((rc = cli_operands(&a, 2, -1, _("give the cohort and the logins of the trainees to "
	                                   "add"))) || (rc = cli_open(ctx)))
		return rc;
	if (!(logins = split_logins(a.arg + 1, a.n - 1, &n, &buf)))
		return cli_failf(HOP_ENOMEM, _("out of memory"));
	if (!(rc = resolve_logins(ctx, logins, n, &found)))
		rc = cohort_trainees_add(&ctx->app, a.arg[0], logins, n, &err) == HOP_OK ? 0 :
		     cli_fail(&err);
	if (!rc)
		printf(ngettext("%zu trainee added to cohort %s.\n",
		                "%zu trainees added to cohort %s.\n", (unsigned long)n), n, a.arg[0]);
	free(logins);
	free(found);
	free(buf);
	return rc;
}

int cmd_cohort_station(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "months", required_argument, NULL, 'm' },
		{ "min", required_argument, NULL, 'n' },
		{ "max", required_argument, NULL, 'x' },
		{ "optional", no_argument, NULL, 'o' },
		{ "first", no_argument, NULL, '1' },
		{ "after", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "cohort", .sub = "station", .opts = opts };
	struct cohort_station_spec s = { 0 };
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'm':
			if (!cli_int(optarg, 1, 120, &s.months))
				return cli_usage_error("cohort", "station", _("--months wants the station's "
				                       "length, 1 to 120 months"));
			break;
		case 'n':
		case 'x':
			if (!cli_int(optarg, c == 'n' ? 0 : 1, 10000, c == 'n' ? &s.min : &s.max))
				return cli_usage_error("cohort", "station", _("--min and --max want a number "
				                       "of trainees at a time (--max at least 1)"));
			break;
		case 'o': s.optional = true; break;
		case '1': s.first = true; break;
		case 'a': s.after = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the cohort and the TEAM of the station"))))
		return rc;
	if (!s.months)
		return cli_usage_error("cohort", "station", _("a station needs --months N"));
	if ((rc = cli_open(ctx)))
		return rc;
	s.team = a.arg[1];
	if (cohort_station_set(&ctx->app, a.arg[0], &s, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Station %s of cohort %s saved.\n"), a.arg[1], a.arg[0]);
	return 0;
}

int cmd_cohort_block(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "until", required_argument, NULL, 'u' },
		{ "title", required_argument, NULL, 't' },
		{ "trainee", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "cohort", .sub = "block", .opts = opts };
	hop_date from = HOP_DATE_NONE, until = HOP_DATE_NONE;
	const char *title = NULL, *login = NULL;
	struct hop_err err;
	char who[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'F':
			if (!cli_date(optarg, &from))
				return 2;
			break;
		case 'u':
			if (!cli_date(optarg, &until))
				return 2;
			break;
		case 't': title = optarg; break;
		case 'p': login = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the cohort"))))
		return rc;
	if (from == HOP_DATE_NONE || until == HOP_DATE_NONE)
		return cli_usage_error("cohort", "block", _("a block needs --from DATE and --until "
		                       "DATE"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &login, who)))
		return rc;
	if (cohort_block_add(&ctx->app, a.arg[0], from, until, title, login, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Block added to cohort %s.\n"), a.arg[0]);
	return 0;
}

/* "published 2027-01-04", "draft, 24 places", "no plan yet". */
static const char *plan_state(const struct hop_cohort *c, bool table, char *buf, size_t size)
{
	if (!table)
		snprintf(buf, size, "%s", c->published ? "published" : c->nplaces ? "draft" : "none");
	else if (c->published)
		snprintf(buf, size, _("published %.10s"), c->published_at);
	else if (c->nplaces)
		snprintf(buf, size, "%s", _("draft"));
	else
		snprintf(buf, size, "%s", _("no plan yet"));
	return buf;
}

int cmd_cohort_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "name", "start", "months", "trainees", "stations", "blocks",
	                       "places", "plan", "published_at" };
	const char *headers[] = { _("Cohort"), _("Begins"), _("Months"), _("Trainees"),
	                          _("Stations"), _("Blocks"), _("Places"), _("Plan"),
	                          _("Published") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "cohort", .sub = "list", .opts = opts, .format = &fmt };
	struct hop_cohort_list l;
	struct out_table *t;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) > 0)
		;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (cohort_list(&ctx->app, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, fmt == OUT_TABLE ? 8 : 9, headers, keys, "TKKKaaa2K");
	for (size_t i = 0; i < l.n; i++) {
		const struct hop_cohort *c = &l.v[i];
		char start[HOP_DATE_ISO_LEN], m[16], tr[24], st[24], bl[24], pl[24], state[80];
		snprintf(m, sizeof m, "%d", c->months);
		snprintf(tr, sizeof tr, "%zu", c->ntrainees);
		snprintf(st, sizeof st, "%zu", c->nstations);
		snprintf(bl, sizeof bl, "%zu", c->nblocks);
		snprintf(pl, sizeof pl, "%zu", c->nplaces);
		const char *cells[9] = { c->name, out_date_cell(c->start, start), m, tr, st, bl, pl,
		                         plan_state(c, fmt == OUT_TABLE, state, sizeof state),
		                         out_or_null(c->published_at) };
		out_table_add(t, cells);
	}
	cohort_list_free(&l);
	return out_table_done_or(t, stdout, _("No cohorts yet."));
}

static void line(const char *label, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(const char *label, const char *fmt, ...)
{
	va_list ap;

	out_label(stdout, label, LABEL_WIDTH);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void show_head(const struct hop_cohort *c, const struct cohort_problem *p)
{
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN], state[80];

	line(_("Cohort:"), "%s", c->name);
	line(_("Runs:"), ngettext("%s to %s (%d month)", "%s to %s (%d months)",
	                          (unsigned long)c->months), date_format(c->start, a),
	     date_format(cohort_month_start(p, c->months) - 1, b), c->months);
	line(_("Plan:"), "%s", plan_state(c, true, state, sizeof state));
}

static void show_stations(const struct cohort_problem *p)
{
	const char *headers[] = { _("Station"), _("Months"), _("At a time"), _("Required"),
	                          _("Order") };
	struct out_table *t = out_table_new(OUT_TABLE, 5, headers, headers, "TKKa3");

	printf(_("\nStations:\n"));
	for (size_t i = 0; i < p->nstations; i++) {
		const struct cohort_station_def *s = &p->stations[i];
		char m[16], range[32], order[HOP_TEAM_NAME_MAX + 40] = "";
		snprintf(m, sizeof m, "%d", s->months);
		snprintf(range, sizeof range, "%d-%d", s->min, s->max);
		if (s->first)
			snprintf(order, sizeof order, "%s", _("first"));
		else if (s->after >= 0)
			snprintf(order, sizeof order, _("after %s"), p->stations[s->after].team);
		const char *cells[5] = { s->team, m, range, s->required ? _("yes") : _("optional"),
		                         order };
		out_table_add(t, cells);
	}
	out_table_done_or(t, stdout, _("No stations yet."));
}

static void show_blocks(const struct cohort_problem *p)
{
	const char *headers[] = { _("From"), _("Until"), _("Title"), _("For") };
	struct out_table *t = out_table_new(OUT_TABLE, 4, headers, headers, "KKT3");

	printf(_("\nBlocks:\n"));
	for (size_t i = 0; i < p->nblocks; i++) {
		const struct cohort_block_def *b = &p->blocks[i];
		char f[HOP_DATE_ISO_LEN], u[HOP_DATE_ISO_LEN];
		const char *cells[4] = { date_format(b->start, f), date_format(b->end, u), b->title,
		                         b->trainee >= 0 ? p->trainees[b->trainee].login :
		                         _("the whole cohort") };
		out_table_add(t, cells);
	}
	out_table_done_or(t, stdout, _("No blocks."));
}

static void show_trainees(const struct cohort_problem *p)
{
	const char *headers[] = { _("Login"), _("Name") };
	struct out_table *t = out_table_new(OUT_TABLE, 2, headers, headers, "KT");

	printf(_("\nTrainees:\n"));
	for (size_t i = 0; i < p->ntrainees; i++) {
		const char *cells[2] = { p->trainees[i].login, p->trainees[i].name };
		out_table_add(t, cells);
	}
	out_table_done_or(t, stdout, _("No trainees yet."));
}

int cmd_cohort_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "team", "from", "until" };
	const char *headers[] = { _("Login"), _("Station"), _("From"), _("Until") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "cohort", .sub = "show", .opts = opts, .format = &fmt };
	struct cohort_problem p;
	struct cohort_plan pl;
	struct hop_cohort c;
	struct out_table *t;
	struct hop_err err;
	int rc;

	while (cli_option(&a, argc, argv) > 0)
		;
	if ((rc = cli_operands(&a, 1, 1, _("give the NAME of the cohort"))) || (rc = cli_open(ctx)))
		return rc;
	if (cohort_get(&ctx->app, a.arg[0], &c, &err) != HOP_OK ||
	    cohort_problem_load(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
		return cli_fail(&err);
	if (cohort_plan_load(&ctx->app, &p, &pl, &err) != HOP_OK) {
		cohort_problem_free(&p);
		return cli_fail(&err);
	}
	if (fmt == OUT_TABLE) {
		show_head(&c, &p);
		show_stations(&p);
		show_blocks(&p);
		show_trainees(&p);
		printf(_("\nPlan:\n"));
	}
	t = out_table_new(fmt, 4, headers, keys, "KTKK");
	for (size_t i = 0; i < pl.n; i++) {
		char f[HOP_DATE_ISO_LEN], u[HOP_DATE_ISO_LEN];
		const char *cells[4] = { p.trainees[pl.v[i].trainee].login,
		                         p.stations[pl.v[i].station].team,
		                         date_format(pl.v[i].start, f), date_format(pl.v[i].end, u) };
		out_table_add(t, cells);
	}
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	return out_table_done_or(t, stdout, _("No plan yet."));
}
