/* hop rotation check|plan|publish|history: a cohort's plan checked (a file
 * or the stored one), generated, published as stations, and the history
 * of published changes.  The check and the solver are in
 * core/rotation/cohort_*.c; the plan's CSV has the columns login, team, from
 * and until, which 'check --plan' reads. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hop/base/i18n.h"
#include "hop/cli/cli.h"
#include "hop/core/authz.h"
#include "hop/core/rotation/cohort.h"

static const char *const kind_names[] = {
	"missing", "twice", "length", "misaligned", "outside", "overlap", "over_max",
	"under_min", "block", "order",
};

static const char *kind_name(enum cohort_violation_kind k)
{
	return (size_t)k < sizeof kind_names / sizeof kind_names[0] ? kind_names[k] : "";
}

/* "2027-11": the calendar month month m of the cohort begins in. */
static char *month_cell(const struct cohort_problem *p, int m, char *buf, size_t size)
{
	int y, mo, d;

	if (m < 0) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(cohort_month_start(p, m), &y, &mo, &d);
	snprintf(buf, size, "%04d-%02d", y, mo);
	return buf;
}

int cmd_rotation_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "save", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "kind", "login", "team", "month", "violation" };
	const char *headers[] = { _("Kind"), _("Login"), _("Station"), _("Month"), _("Violation") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "check", .opts = opts, .format = &fmt };
	struct cohort_violation_list v = { 0 };
	struct cohort_problem p;
	struct cohort_plan pl;
	struct out_table *t;
	struct hop_err err;
	const char *file = NULL;
	bool save = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'p')
			file = optarg;
		else if (c == 's')
			save = true;
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the COHORT whose plan to check"))))
		return rc;
	if (save && !file)
		return cli_usage_error("rotation", "check", _("--save stores the plan of --plan FILE; "
		                       "give the file"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (authz_cohort_keep(&ctx->app, &err) != HOP_OK ||
	    cohort_problem_load(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
		return cli_fail(&err);
	if ((file ? cohort_plan_read_csv(&p, file, &pl, &err)
	          : cohort_plan_load(&ctx->app, &p, &pl, &err)) != HOP_OK ||
	    cohort_check(&p, &pl, &v, &err) != HOP_OK) {
		cohort_problem_free(&p);
		return cli_fail(&err);
	}
	if (fmt == OUT_TABLE) {
		for (size_t i = 0; i < v.n; i++)
			printf("%s\n", v.v[i].text);
		if (!v.n)
			printf(ngettext("The plan of cohort %s is valid (%zu place).\n",
			                "The plan of cohort %s is valid (%zu places).\n",
			                (unsigned long)pl.n), p.name, pl.n);
		else
			fprintf(stderr, ngettext("hop: %zu violation in the plan of cohort %s\n",
			                         "hop: %zu violations in the plan of cohort %s\n",
			                         (unsigned long)v.n), v.n, p.name);
		rc = 0;
	} else {
		t = out_table_new(fmt, 5, headers, keys, "aK3KW");
		for (size_t i = 0; i < v.n; i++) {
			const struct cohort_violation *x = &v.v[i];
			char month[16];
			const char *cells[5] = {
				kind_name(x->kind), x->trainee >= 0 ? p.trainees[x->trainee].login : NULL,
				x->station >= 0 ? p.stations[x->station].team : NULL,
				out_or_null(month_cell(&p, x->month, month, sizeof month)), x->text,
			};
			out_table_add(t, cells);
		}
		rc = out_table_done(t, stdout);
	}
	if (!rc && v.n)
		rc = 1;
	else if (!rc && save) {
		if (cohort_plan_save(&ctx->app, &p, &pl, &err) != HOP_OK)
			rc = cli_fail(&err);
		else
			fprintf(fmt == OUT_TABLE ? stdout : stderr, _("Saved as the draft plan of cohort "
			        "%s.\n"), p.name);
	}
	cohort_violation_list_free(&v);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	return rc;
}

static int place_order(const void *a, const void *b)
{
	const struct cohort_place *x = a, *y = b;

	if (x->trainee != y->trainee)
		return x->trainee < y->trainee ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static const char *method_name(const struct cohort_solve_result *r)
{
	if (r->method == COHORT_EXACT)
		return _("exact (perfect matchings)");
	return r->by_heuristic ? _("heuristic search, checked by integer programming (GLPK)")
	                       : _("integer programming (GLPK)");
}

int cmd_rotation_plan(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "time-limit", required_argument, NULL, 'l' },
		{ "save", no_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "login", "team", "from", "until" };
	const char *headers[] = { _("Login"), _("Station"), _("From"), _("Until") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "plan", .opts = opts, .format = &fmt };
	struct cohort_solve_result res;
	struct cohort_problem p;
	struct cohort_plan pl;
	struct out_table *t;
	struct hop_err err;
	int c, rc, limit = 0;
	bool save = false;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'l':
			if (!cli_int(optarg, 1, 86400, &limit))
				return cli_usage_error("rotation", "plan", _("--time-limit wants seconds, 1 to "
				                       "86400"));
			break;
		case 's': save = true; break;
		}
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the COHORT to plan"))) || (rc = cli_open(ctx)))
		return rc;
	if (!limit)
		limit = ctx->app.cfg.rotation_plan_time_limit > 0 ?
		        ctx->app.cfg.rotation_plan_time_limit : 60;
	if (authz_cohort_keep(&ctx->app, &err) != HOP_OK ||
	    cohort_problem_load(&ctx->app, a.arg[0], &p, &err) != HOP_OK)
		return cli_fail(&err);
	memset(&res, 0, sizeof res);
	if (cohort_solve(&p, limit, &pl, &res, &err) != HOP_OK) {
		cohort_problem_free(&p);
		return cli_fail(&err);
	}
	fprintf(stderr, _("Method: %s; outcome: %s; %.2f s.\n"), method_name(&res),
	        cohort_outcome_display(res.outcome), res.seconds);
	if (res.outcome == COHORT_NONE || res.outcome == COHORT_UNKNOWN) {
		char why[2048] = "";
		if (res.why[0])
			snprintf(why, sizeof why, "%s", res.why);
		else
			cohort_explain(&p, why, sizeof why);
		fprintf(stderr, res.outcome == COHORT_NONE ?
		        _("hop: no plan for cohort %s satisfies every constraint\n") :
		        _("hop: no plan for cohort %s found within the time limit\n"), p.name);
		if (why[0])
			fprintf(stderr, "%s%s", why, why[strlen(why) - 1] == '\n' ? "" : "\n");
		cohort_plan_free(&pl);
		cohort_problem_free(&p);
		return 1;
	}
	/* Each trainee's places together, in the order they come. */
	if (pl.n)
		qsort(pl.v, pl.n, sizeof *pl.v, place_order);
	if (save && cohort_plan_save(&ctx->app, &p, &pl, &err) != HOP_OK) {
		cohort_plan_free(&pl);
		cohort_problem_free(&p);
		return cli_fail(&err);
	}
	t = out_table_new(fmt, 4, headers, keys, "KTKK");
	for (size_t i = 0; i < pl.n; i++) {
		char f[HOP_DATE_ISO_LEN], u[HOP_DATE_ISO_LEN];
		const char *cells[4] = { p.trainees[pl.v[i].trainee].login,
		                         p.stations[pl.v[i].station].team,
		                         date_format(pl.v[i].start, f), date_format(pl.v[i].end, u) };
		out_table_add(t, cells);
	}
	rc = out_table_done(t, stdout);
	if (!rc && save)
		fprintf(fmt == OUT_TABLE ? stdout : stderr, _("%sSaved as the draft plan of cohort %s; "
		        "'hop rotation publish %s' publishes it.\n"), fmt == OUT_TABLE ? "\n" : "",
		        p.name, p.name);
	cohort_plan_free(&pl);
	cohort_problem_free(&p);
	return rc;
}

int cmd_rotation_publish(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "handover", no_argument, NULL, 'h' },
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "rotation", .sub = "publish", .opts = opts };
	struct cohort_publish_report r;
	struct hop_err err;
	bool handover = false, yes = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		if (c == 'h')
			handover = true;
		else if (c == 'y')
			yes = true;
	}
	if ((rc = cli_operands(&a, 1, 1, _("give the COHORT whose plan to publish"))))
		return rc;
	if (!yes) {
		char answer[16] = "";
		if (!isatty(STDIN_FILENO))
			return cli_usage_error("rotation", "publish", _("publishing changes the trainees' "
			                       "stations; add --yes to publish"));
		printf(_("Publish the plan of cohort %s as the trainees' stations? [y/N] "), a.arg[0]);
		fflush(stdout);
		if (!fgets(answer, sizeof answer, stdin) ||
		    (answer[0] != 'y' && answer[0] != 'Y' && answer[0] != 'j' && answer[0] != 'J')) {
			printf(_("Nothing published.\n"));
			return 0;
		}
	}
	if ((rc = cli_open(ctx)))
		return rc;
	if (cohort_publish(&ctx->app, a.arg[0], handover, &r, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("Published the plan of cohort %s: %zu stations added, %zu changed, %zu removed, "
	         "%zu unchanged.\n"), a.arg[0], r.added, r.changed, r.removed, r.unchanged);
	if (handover)
		printf(ngettext("%zu onboarding started in a new team.\n",
		                "%zu onboardings started in new teams.\n", (unsigned long)r.onboardings),
		       r.onboardings);
	return 0;
}

int cmd_rotation_history(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "trainee", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "cohort", "login", "team", "old_from", "old_until", "new_from",
	                       "new_until", "changed_at", "changed_by" };
	const char *headers[] = { _("Cohort"), _("Login"), _("Station"), _("Was"), _("Until"),
	                          _("Now"), _("Until"), _("Changed"), _("By") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "history", .opts = opts, .format = &fmt };
	struct cohort_change_list l;
	struct out_table *t;
	struct hop_err err;
	const char *login = NULL;
	char who[HOP_LOGIN_MAX + 1];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 't')
			login = optarg;
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (login && (strcmp(login, "self") == 0 || strcmp(login, "me") == 0 ||
	              strcmp(login, "ich") == 0))
		login = ctx->app.actor.login;
	else if ((rc = cli_person(ctx, &login, who)))
		return rc;
	if (cohort_history(&ctx->app, a.n ? a.arg[0] : NULL, login, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 9, headers, keys, "1KTKKKKaa");
	for (size_t i = 0; i < l.n; i++) {
		const struct cohort_change *h = &l.v[i];
		char os[HOP_DATE_ISO_LEN], oe[HOP_DATE_ISO_LEN], ns[HOP_DATE_ISO_LEN],
		     ne[HOP_DATE_ISO_LEN];
		bool table = fmt == OUT_TABLE;
		char at[24];
		/* People read the day; the machine formats keep the time. */
		snprintf(at, sizeof at, "%.*s", table ? 10 : 23, h->changed_at);
		const char *cells[9] = {
			h->cohort, h->login, h->team,
			h->old_start == HOP_DATE_NONE && table ? _("(new)") :
			out_or_null(out_date_cell(h->old_start, os)),
			out_or_null(out_date_cell(h->old_end, oe)),
			h->new_start == HOP_DATE_NONE && table ? _("(dropped)") :
			out_or_null(out_date_cell(h->new_start, ns)),
			out_or_null(out_date_cell(h->new_end, ne)),
			at, h->changed_by,
		};
		out_table_add(t, cells);
	}
	cohort_change_list_free(&l);
	return out_table_done_or(t, stdout, _("No published changes."));
}
