/* hop training record|records|revoke: training records on the command
 * line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/cli/cli.h"
#include "hop/core/training/record.h"
#include "hop/base/i18n.h"

int cmd_training_record(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'o' },
		{ "result", required_argument, NULL, 'r' },
		{ "hours", required_argument, NULL, 'h' },
		{ "certificate", required_argument, NULL, 'c' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "record", .opts = opts };
	struct trn_record_entry e = { .done_on = HOP_DATE_NONE, .result = TRN_PASSED };
	struct trn_record r;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	char d[HOP_DATE_ISO_LEN], until[80];
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'o':
			if (!cli_date(optarg, &e.done_on))
				return 2;
			break;
		case 'r':
			if (trn_result_parse(optarg, &e.result, &err) != HOP_OK)
				return cli_usage_error("training", "record", "%s", err.msg);
			break;
		case 'h':
			if (trn_hours_parse(optarg, &e.hours_x10, &err) != HOP_OK)
				return cli_usage_error("training", "record", "%s", err.msg);
			break;
		case 'c': e.certificate = optarg; break;
		case 'n': e.note = optarg; break;
		}
	}
	if ((rc = cli_operands(&a, 2, 2, _("give the LOGIN of the person and the CODE of the "
	                       "course"))))
		return rc;
	if (e.done_on == HOP_DATE_NONE)
		return cli_usage_error("training", "record", _("give the day the training was done: "
		                       "--on DATE"));
	if ((rc = cli_open(ctx)) || (rc = cli_person_operand(ctx, &a.arg[0], login)))
		return rc;
	if (trn_record_add(&ctx->app, a.arg[0], a.arg[1], &e, &r, &err) != HOP_OK)
		return cli_fail(&err);
	if (r.result == TRN_FAILED)
		snprintf(until, sizeof until, "%s", _("not valid (failed)"));
	else if (r.valid_until == HOP_DATE_NONE)
		snprintf(until, sizeof until, "%s", _("valid for ever"));
	else
		snprintf(until, sizeof until, _("valid until %s"), date_format(r.valid_until, d));
	printf(_("recorded %s for %s on %s: %s, %s (record %lld)\n"), r.course, r.name,
	       date_format(r.done_on, d), trn_result_display(r.result), until, (long long)r.id);
	return 0;
}

int cmd_training_records(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "id", "course", "title", "done_on", "result", "hours",
	                       "valid_until", "source", "certificate", "note", "revoked" };
	const char *headers[] = { _("No."), _("Course"), _("Title"), _("Done on"), _("Result"),
	                          _("Hours"), _("Valid until"), _("Source"), _("Certificate"),
	                          _("Note"), _("Revoked") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "training", .sub = "records", .opts = opts, .format = &fmt };
	struct trn_record_list l;
	struct out_table *t;
	struct hop_err err;
	char login[HOP_LOGIN_MAX + 1];
	bool all = false;
	int rc;

	while (cli_option(&a, argc, argv) == 'a')
		all = true;
	if ((rc = cli_operands(&a, 0, 1, NULL)) || (rc = cli_open(ctx)) ||
	    (a.n && (rc = cli_person_operand(ctx, &a.arg[0], login))))
		return rc;
	if (trn_records_of(&ctx->app, a.n ? a.arg[0] : NULL, all, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, all ? 11 : 10, headers, keys, "KKTKbaca12a");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_record *r = &l.v[i];
		const bool table = fmt == OUT_TABLE;
		char id[24], done[HOP_DATE_ISO_LEN], hours[16], until[HOP_DATE_ISO_LEN], revoked[600];
		const char *valid;
		snprintf(id, sizeof id, "%lld", (long long)r->id);
		trn_hours_format(r->hours_x10, hours, sizeof hours);
		if (r->valid_until != HOP_DATE_NONE)
			valid = out_date_cell(r->valid_until, until);
		else if (r->result == TRN_FAILED)
			valid = table ? "-" : NULL;
		else
			valid = table ? _("for ever") : NULL;
		snprintf(revoked, sizeof revoked, "%s", "");
		if (r->revoked)
			snprintf(revoked, sizeof revoked, "%.10s %s: %s", r->revoked_at, r->revoked_by,
			         r->reason);
		const char *cells[11] = {
			id, r->course, r->title, out_date_cell(r->done_on, done),
			table ? trn_result_display(r->result) : trn_result_name(r->result),
			out_or_null(hours), valid,
			table ? trn_source_display(r->source) : trn_source_name(r->source),
			out_or_null(r->certificate), out_or_null(r->note), out_or_null(revoked),
		};
		out_table_add(t, cells);
	}
	trn_record_list_free(&l);
	return out_table_done_or(t, stdout, _("No training records."));
}

int cmd_training_revoke(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "training", .sub = "revoke", .opts = opts };
	const char *reason = NULL;
	struct trn_record r;
	struct hop_err err;
	char d[HOP_DATE_ISO_LEN];
	int c, rc, id;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if (c == 'r')
			reason = optarg;
	if ((rc = cli_operands(&a, 1, 1, _("give the number of the record to revoke"))))
		return rc;
	if (!cli_int(a.arg[0], 1, 2147483647, &id))
		return cli_usage_error("training", "revoke", _("'%s' is not the number of a record; "
		                       "'hop training records LOGIN' shows them"), a.arg[0]);
	if (!reason || !*reason)
		return cli_usage_error("training", "revoke", _("say why the record is revoked: "
		                       "--reason TEXT"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (trn_record_revoke(&ctx->app, id, reason, &r, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("revoked record %d: %s of %s on %s; it is kept. Records written after it keep "
	         "the validity they were given\n"), id, r.course, r.name, date_format(r.done_on, d));
	return 0;
}
