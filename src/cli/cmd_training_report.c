/* hop training status, overdue, expiring, coverage: where people stand under
 * the requirements on a day.  Core decides every status and who may see
 * whose (status.h, coverage.h); this file parses and prints. */
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/training/coverage.h"

/* The options every report shares: --team, --date, --format. */
struct report_opts {
	const char *team;
	hop_date day;
	int within;
	enum out_format fmt;
};

static int report_args(struct cli_args *a, int argc, char **argv, struct report_opts *o)
{
	int c;

	o->day = HOP_DATE_NONE;
	a->format = &o->fmt;
	while ((c = cli_option(a, argc, argv)) > 0) {
		switch (c) {
		case 't': o->team = optarg; break;
		case 'd':
			if (!cli_date(optarg, &o->day))
				return 2;
			break;
		case 'w':
			if (!cli_int(optarg, 0, 3660, &o->within))
				return cli_usage_error(a->name, a->sub, _("--within takes days from 0 to "
				                       "3660, not '%s'"), optarg);
			break;
		}
	}
	if (o->day == HOP_DATE_NONE)
		o->day = clock_today();
	return c < 0 ? a->rc : 0;
}

/* The team's id, or 0 when none was named. */
static int team_id_of(struct cli_ctx *ctx, const char *team, int64_t *id)
{
	struct hop_team t;
	struct hop_err err;

	*id = 0;
	if (!team)
		return 0;
	if (team_find(&ctx->app, team, &t, &err) != HOP_OK)
		return cli_fail(&err);
	*id = t.id;
	return 0;
}

static const char *status_cell(enum out_format fmt, enum trn_status s)
{
	return fmt == OUT_TABLE ? trn_status_display(s) : trn_status_name(s);
}

int cmd_training_status(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "course", "title", "status", "due", "valid_until", "last_done" };
	const char *headers[] = { _("Course"), _("Title"), _("Status"), _("Due"),
	                          _("Valid until"), _("Last done") };
	struct cli_args a = { .name = "training", .sub = "status", .opts = opts };
	struct report_opts o = { .fmt = OUT_TABLE };
	struct trn_status_list l;
	struct out_table *t;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int rc;

	if ((rc = report_args(&a, argc, argv, &o)) || (rc = cli_operands(&a, 0, 1, "")))
		return rc;
	if ((rc = cli_open(ctx)) || (a.n && (rc = cli_person_operand(ctx, &a.arg[0], login))))
		return rc;
	if (trn_status_person(&ctx->app, a.n ? a.arg[0] : NULL, o.day, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(o.fmt, 6, headers, keys, "KTKKba");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_status_row *r = &l.v[i];
		char due[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN], last[HOP_DATE_ISO_LEN];
		const char *cells[6] = {
			r->course, r->title, status_cell(o.fmt, r->st.status),
			out_or_null(out_date_cell(r->st.due, due)),
			out_or_null(out_date_cell(r->st.valid_until, until)),
			out_or_null(out_date_cell(r->st.last_done, last)),
		};
		out_table_add(t, cells);
	}
	trn_status_list_free(&l);
	return out_table_done_or(t, stdout, _("No training is required."));
}

/* The rows of many people: overdue and expiring. */
static int print_people(const struct trn_status_list *l, hop_date day, enum out_format fmt,
                        const char *empty)
{
	const char *keys[] = { "login", "name", "course", "title", "status", "due", "valid_until",
	                       "last_done", "days" };
	const char *headers[] = { _("Login"), _("Name"), _("Course"), _("Title"), _("Status"),
	                          _("Due"), _("Valid until"), _("Last done"), _("Days") };
	struct out_table *t = out_table_new(fmt, 9, headers, keys, "K3K2KKbaK");

	for (size_t i = 0; i < l->n; i++) {
		const struct trn_status_row *r = &l->v[i];
		char due[HOP_DATE_ISO_LEN], until[HOP_DATE_ISO_LEN], last[HOP_DATE_ISO_LEN], days[16];
		/* Days overdue (since the due day), or days left of the validity. */
		if (r->st.status == TRN_OVERDUE && r->st.due != HOP_DATE_NONE)
			snprintf(days, sizeof days, "%d", (int)(day - r->st.due));
		else if (r->st.valid_until != HOP_DATE_NONE)
			snprintf(days, sizeof days, "%d", (int)(r->st.valid_until - day));
		else
			*days = '\0';
		const char *cells[9] = {
			r->login, r->name, r->course, r->title, status_cell(fmt, r->st.status),
			out_or_null(out_date_cell(r->st.due, due)),
			out_or_null(out_date_cell(r->st.valid_until, until)),
			out_or_null(out_date_cell(r->st.last_done, last)), out_or_null(days),
		};
		out_table_add(t, cells);
	}
	return out_table_done_or(t, stdout, empty);
}

int cmd_training_overdue(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "overdue", .opts = opts };
	struct report_opts o = { .fmt = OUT_TABLE };
	struct trn_status_list l;
	struct hop_err err;
	int64_t team;
	int rc;

	if ((rc = report_args(&a, argc, argv, &o)) || (rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)) || (rc = team_id_of(ctx, o.team, &team)))
		return rc;
	if (trn_status_people(&ctx->app, 0, team, o.day, 1u << TRN_OVERDUE, &l, &err) != HOP_OK)
		return cli_fail(&err);
	rc = print_people(&l, o.day, o.fmt, _("No required training is overdue."));
	trn_status_list_free(&l);
	return rc;
}

int cmd_training_expiring(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "team", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "expiring", .opts = opts };
	struct report_opts o = { .fmt = OUT_TABLE, .within = 30 };
	struct trn_status_list l;
	struct hop_err err;
	int64_t team;
	int rc;

	if ((rc = report_args(&a, argc, argv, &o)) || (rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)) || (rc = team_id_of(ctx, o.team, &team)))
		return rc;
	if (trn_expiring(&ctx->app, team, o.day, o.within, &l, &err) != HOP_OK)
		return cli_fail(&err);
	rc = print_people(&l, o.day, o.fmt, _("No required training expires in that time."));
	trn_status_list_free(&l);
	return rc;
}

int cmd_training_coverage(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "course", "title", "required", "valid", "share_valid", "overdue",
	                       "expiring", "exempt", "due", "new" };
	const char *headers[] = { _("Course"), _("Title"), _("Required"), _("Valid"),
	                          _("Valid %"), _("Overdue"), _("Expiring"), _("Exempt"), _("Due"),
	                          _("New") };
	struct cli_args a = { .name = "training", .sub = "coverage", .opts = opts };
	struct report_opts o = { .fmt = OUT_TABLE };
	struct trn_coverage_list l;
	struct out_table *t;
	struct hop_err err;
	int64_t team;
	int rc;

	if ((rc = report_args(&a, argc, argv, &o)) || (rc = cli_operands(&a, 0, 0, "")))
		return rc;
	if ((rc = cli_open(ctx)) || (rc = team_id_of(ctx, o.team, &team)))
		return rc;
	if (trn_coverage(&ctx->app, team, o.day, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(o.fmt, 10, headers, keys, "KTKKKKKaba");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_coverage *v = &l.v[i];
		char n[8][16];
		snprintf(n[0], 16, "%d", v->required);
		snprintf(n[1], 16, "%d", v->valid);
		snprintf(n[2], 16, "%d.%d", v->share_x10 / 10, v->share_x10 % 10);
		snprintf(n[3], 16, "%d", v->count[TRN_OVERDUE]);
		snprintf(n[4], 16, "%d", v->count[TRN_EXPIRING]);
		snprintf(n[5], 16, "%d", v->count[TRN_EXEMPT]);
		snprintf(n[6], 16, "%d", v->count[TRN_DUE]);
		snprintf(n[7], 16, "%d", v->count[TRN_NEW]);
		const char *cells[10] = { v->course, v->title, n[0], n[1], n[2], n[3], n[4], n[5],
		                          n[6], n[7] };
		out_table_add(t, cells);
	}
	trn_coverage_list_free(&l);
	return out_table_done_or(t, stdout, _("No course is required of anyone here."));
}
