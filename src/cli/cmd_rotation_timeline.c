/* hop rotation timeline: the periods of a person, a team's members or a
 * cohort's trainees, with their rotation due dates; as a list per person,
 * as rows for other programs, or as a chart of months across.  Who is in
 * which period and who may see it is core's (rotation.h). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/rotation/rotation.h"

#define CHART_MONTHS 60     /* 18 columns of names, 60 months, a mark: 80 */
#define CHART_NAME 17

/* The team column: the host of a secondment outside, else the team. */
static const char *where(const struct rotation_period *m)
{
	return m->host[0] ? m->host : m->team;
}

/* Copy at most cols characters of s (UTF-8, one column each) into buf. */
static void clip(const char *s, int cols, char *buf, size_t size)
{
	size_t i = 0;
	int n = 0;

	while (s[i] && i + 4 < size) {
		size_t len = 1;

		if ((unsigned char)s[i] >= 0xF0)
			len = 4;
		else if ((unsigned char)s[i] >= 0xE0)
			len = 3;
		else if ((unsigned char)s[i] >= 0xC0)
			len = 2;
		if (n++ == cols)
			break;
		for (size_t k = 0; k < len && s[i]; k++)
			buf[i] = s[i], i++;
	}
	buf[i] = '\0';
}

static void pad(const char *s, int width)
{
	fputs(s, stdout);
	for (int w = out_display_width(s); w < width; w++)
		putchar(' ');
}

/* "rotation due ...; exception on file, review ..." or "". */
static void due_text(const struct rotation_timeline_row *r)
{
	char d[HOP_DATE_ISO_LEN];

	if (r->due == HOP_DATE_NONE)
		return;
	if (r->overdue)
		printf(_(": rotation overdue since %s"), date_format(r->due, d));
	else
		printf(_(": rotation due %s"), date_format(r->due, d));
	if (r->exception)
		printf(_("; exception on file, review by %s"), date_format(r->exception_review, d));
}

static int print_list(const struct rotation_timeline *tl)
{
	int kw = 0, tw = 0, width = out_width(stdout);

	for (size_t i = 0; i < tl->n; i++)
		for (size_t j = 0; j < tl->v[i].nperiods; j++) {
			const struct rotation_period *m = &tl->v[i].periods[j];
			int k = out_display_width(membership_kind_display(m->kind));
			int t = out_display_width(where(m));

			kw = k > kw ? k : kw;
			tw = t > tw ? t : tw;
		}
	/* Within the width: the teams and hosts give way, cut with "…". */
	if (width > 0 && 2 + kw + 2 + tw + 2 + 23 > width)
		tw = width - 2 - kw - 2 - 2 - 23 > 10 ? width - 2 - kw - 2 - 2 - 23 : 10;
	for (size_t i = 0; i < tl->n; i++) {
		const struct rotation_timeline_row *r = &tl->v[i];

		printf("%s (%s)", r->name, r->login);
		due_text(r);
		putchar('\n');
		if (!r->nperiods)
			printf("  %s\n", _("no assignment in this span"));
		for (size_t j = 0; j < r->nperiods; j++) {
			const struct rotation_period *m = &r->periods[j];
			char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];

			fputs("  ", stdout);
			pad(membership_kind_display(m->kind), kw + 2);
			out_put_cut(stdout, where(m), tw, true);
			fputs("  ", stdout);
			if (m->end == HOP_DATE_NONE)
				printf("%s -\n", date_format(m->start, a));
			else
				printf("%s - %s\n", date_format(m->start, a), date_format(m->end, b));
		}
	}
	return 0;
}

static int print_rows(const struct rotation_timeline *tl, enum out_format fmt)
{
	const char *keys[] = { "login", "name", "kind", "team", "host", "from", "until", "due",
	                       "overdue", "exception_review" };
	const char *headers[] = { _("Login"), _("Name"), _("Kind"), _("Team"), _("Host"),
	                          _("From"), _("Until"), _("Due"), _("Overdue"),
	                          _("Review") };
	struct out_table *t = out_table_new(fmt, 10, headers, keys, NULL);

	for (size_t i = 0; i < tl->n; i++) {
		const struct rotation_timeline_row *r = &tl->v[i];
		char due[HOP_DATE_ISO_LEN], rev[HOP_DATE_ISO_LEN];

		out_date_cell(r->due, due);
		out_date_cell(r->exception_review, rev);
		for (size_t j = 0; j < r->nperiods || (j == 0 && !r->nperiods); j++) {
			const struct rotation_period *m = r->nperiods ? &r->periods[j] : NULL;
			char a[HOP_DATE_ISO_LEN] = "", b[HOP_DATE_ISO_LEN] = "";
			const char *cells[10] = {
				r->login, r->name, m ? membership_kind_name(m->kind) : NULL,
				m ? m->team : NULL, m ? out_or_null(m->host) : NULL,
				m ? out_date_cell(m->start, a) : NULL,
				m ? out_or_null(out_date_cell(m->end, b)) : NULL,
				out_or_null(due), r->overdue ? "yes" : "no", out_or_null(rev),
			};
			out_table_add(t, cells);
		}
	}
	return out_table_done(t, stdout);
}

/* The month's letter: the weightiest period touching it (a secondment over
 * a station over an acting post over the post), '.' for none. */
static char month_char(const struct rotation_timeline_row *r, hop_date first, hop_date last)
{
	static const char letter[MEMBER_KIND_COUNT] = { '=', 'S', 'A', 'V' };
	static const int weight[MEMBER_KIND_COUNT] = { 1, 3, 4, 2 };
	char c = '.';
	int best = 0;

	for (size_t j = 0; j < r->nperiods; j++) {
		const struct rotation_period *m = &r->periods[j];

		if (m->start > last || (m->end != HOP_DATE_NONE && m->end < first))
			continue;
		if (weight[m->kind] > best) {
			best = weight[m->kind];
			c = letter[m->kind];
		}
	}
	return c;
}

static int print_chart(const struct rotation_timeline *tl, hop_date from, int months)
{
	char line[CHART_MONTHS + 1], name[4 * CHART_NAME + 1];
	hop_date today = clock_today();

	/* The years over their Januaries (and over the first month). */
	memset(line, ' ', sizeof line);
	for (int i = 0; i < months; i++) {
		int y, mo, d;

		date_to_ymd(date_add_months(from, i), &y, &mo, &d);
		/* The first month's year only where the next one leaves room. */
		if ((mo == 1 || (i == 0 && mo <= 9)) && i + 4 <= months) {
			char year[8];
			snprintf(year, sizeof year, "%04d", y);
			memcpy(line + i, year, 4);
		}
	}
	line[months] = '\0';
	printf("%*s %s\n", CHART_NAME, "", line);
	for (size_t i = 0; i < tl->n; i++) {
		const struct rotation_timeline_row *r = &tl->v[i];

		for (int k = 0; k < months; k++) {
			hop_date first = date_add_months(from, k), last = date_add_months(from, k + 1) - 1;

			line[k] = month_char(r, first, last);
			if (today >= first && today <= last)
				line[k] = '|';
			if (r->due != HOP_DATE_NONE && r->due >= first && r->due <= last)
				line[k] = '!';
		}
		line[months] = '\0';
		clip(r->name, CHART_NAME, name, sizeof name);
		pad(name, CHART_NAME);
		printf(" %s%s\n", line, r->exception ? " E" : r->overdue ? " !" : "");
	}
	printf("%s\n", _("P post, S station, A secondment, V acting, . none, | today, ! due"));
	printf("%s\n", _("at the end of a row: ! overdue, E exception on file"));
	return 0;
}

/* The chart's first month and how many: --from and --until as given (up
 * to CHART_MONTHS), else around today. */
static void chart_span(hop_date *from, hop_date *until, int *months)
{
	int y, m, d;

	if (*from == HOP_DATE_NONE && *until == HOP_DATE_NONE)
		*from = date_add_months(clock_today(), -24);
	else if (*from == HOP_DATE_NONE)
		*from = date_add_months(*until, 1 - CHART_MONTHS);
	date_to_ymd(*from, &y, &m, &d);
	*from = date_from_ymd(y, m, 1);
	*months = CHART_MONTHS;
	if (*until != HOP_DATE_NONE) {
		int y2, m2, d2;

		date_to_ymd(*until, &y2, &m2, &d2);
		*months = (y2 - y) * 12 + (m2 - m) + 1;
		if (*months > CHART_MONTHS)
			*months = CHART_MONTHS;
		if (*months < 1)
			*months = 1;
	}
	*until = date_add_months(*from, *months) - 1;
}

int cmd_rotation_timeline(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 't' },
		{ "cohort", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'f' },
		{ "until", required_argument, NULL, 'u' },
		{ "chart", no_argument, NULL, 'C' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "rotation", .sub = "timeline", .opts = opts,
	                      .format = &fmt };
	struct rotation_timeline_query q = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	struct rotation_timeline tl;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	bool chart = false;
	int c, rc, months = 0;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 't': q.team = optarg; break;
		case 'c': q.cohort = optarg; break;
		case 'C': chart = true; break;
		case 'f':
			if (!cli_date(optarg, &q.from))
				return 1;
			break;
		case 'u':
			if (!cli_date(optarg, &q.to))
				return 1;
			break;
		}
	}
	if ((rc = cli_operands(&a, 0, 1, NULL)))
		return rc;
	if (a.n)
		q.login = a.arg[0];
	if ((q.login != NULL) + (q.team != NULL) + (q.cohort != NULL) > 1)
		return cli_usage_error("rotation", "timeline", _("give a LOGIN, --team or --cohort, "
		                       "only one of them"));
	if (chart && fmt != OUT_TABLE)
		return cli_usage_error("rotation", "timeline", _("--chart draws for people; "
		                       "leave out --format"));
	if (q.from != HOP_DATE_NONE && q.to != HOP_DATE_NONE && q.to < q.from)
		return cli_usage_error("rotation", "timeline", _("--until is before --from"));
	if ((rc = cli_open(ctx)) || (rc = cli_person(ctx, &q.login, login)))
		return rc;
	if (chart)
		chart_span(&q.from, &q.to, &months);
	if (rotation_timeline(&ctx->app, &q, &tl, &err) != HOP_OK)
		return cli_fail(&err);
	if (!tl.n && fmt == OUT_TABLE)
		printf("%s\n", _("No one to show in this span."));
	else if (chart)
		rc = print_chart(&tl, q.from, months);
	else if (fmt == OUT_TABLE)
		rc = print_list(&tl);
	else
		rc = print_rows(&tl, fmt);
	rotation_timeline_free(&tl);
	return rc;
}
