/* hop person data (everything hop holds about a person, DSGVO Art. 15) and
 * hop purge (retention): core decides and reads, this file prints. */
#include <stdio.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/base/i18n.h"
#include "hop/core/privacy/privacy.h"

/* ---- hop person data ---- */

struct json_out {
	FILE *out;
	bool first_section, first_row;
};

/* A number as JSON has it; anything else (or nothing) quoted. */
static void json_value(FILE *out, const char *v, char type)
{
	if (!v) {
		fputs("null", out);
		return;
	}
	if (type == 'n' && *v && strspn(v, "-0123456789.") == strlen(v) && v[0] != '.' &&
	    v[strlen(v) - 1] != '.')
		fputs(v, out);
	else
		out_json_string(out, v);
}

static enum hop_status json_event(void *ctx, enum person_data_event ev,
                                  const struct person_data_section *sec,
                                  const char *const *values, struct hop_err *err)
{
	struct json_out *j = ctx;

	switch (ev) {
	case PD_BEGIN:
		fprintf(j->out, "%s\n  ", j->first_section ? "{" : ",");
		out_json_string(j->out, sec->name);
		fputs(sec->one ? ": " : ": [", j->out);
		j->first_section = false;
		j->first_row = true;
		break;
	case PD_ROW:
		fputs(sec->one ? "{" : (j->first_row ? "\n    {" : ",\n    {"), j->out);
		for (int i = 0; i < sec->ncols; i++) {
			if (i)
				fputs(", ", j->out);
			out_json_string(j->out, sec->cols[i]);
			fputs(": ", j->out);
			json_value(j->out, values[i], sec->types[i]);
		}
		fputc('}', j->out);
		j->first_row = false;
		break;
	case PD_END:
		if (sec->one && j->first_row)
			fputs("null", j->out);
		else if (!sec->one)
			fputs(j->first_row ? "]" : "\n  ]", j->out);
		break;
	}
	if (ferror(j->out))
		return hop_fail(err, HOP_EIO, _("writing the output failed"));
	return HOP_OK;
}

int cmd_person_data(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "person", .sub = "data" };
	struct json_out j = { .out = stdout, .first_section = true };
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	int rc;

	cli_option(&a, argc, argv);
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)) ||
	    (a.n && (rc = cli_person_operand(ctx, &a.arg[0], login))))
		return rc;
	if (person_data(&ctx->app, a.n ? a.arg[0] : NULL, json_event, &j, &err) != HOP_OK)
		return cli_fail(&err);
	fputs(j.first_section ? "{}\n" : "\n}\n", stdout);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_failf(HOP_EIO, "%s", _("writing the output failed"));
	return 0;
}

/* ---- hop purge ---- */

int cmd_purge(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "table", "change", "count" };
	const char *headers[] = { _("Table"), _("Change"), _("Count") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "purge", .opts = opts, .format = &fmt };
	struct purge_report rep;
	struct out_table *t;
	struct hop_err err;
	bool dry = false;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'n')
			dry = true;
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (privacy_purge(&ctx->app, dry, &rep, &err) != HOP_OK)
		return cli_fail(&err);
	if (fmt == OUT_TABLE) {
		char what[512];
		snprintf(what, sizeof what, dry ? _("Would delete presence days and bookings before "
		         "%s, audit entries before %s, and anonymise people who left before %s (%lld).\n")
		                                : _("Deleted presence days and bookings before %s, "
		         "audit entries before %s, and anonymised people who left before %s (%lld).\n"),
		         rep.days_before, rep.audit_before, rep.left_before, (long long)rep.people);
		out_para(stdout, what);
		if (dry)
			printf("%s\n", _("Dry run: nothing was changed."));
	}
	t = out_table_new(fmt, 3, headers, keys, "TTK");
	for (size_t i = 0; i < rep.n; i++) {
		char n[24];
		const char *cells[] = { rep.v[i].table, _(rep.v[i].what), n };

		snprintf(n, sizeof n, "%lld", (long long)rep.v[i].n);
		out_table_add(t, cells);
	}
	return out_table_done_or(t, stdout, _("Nothing is older than the retention periods."));
}
