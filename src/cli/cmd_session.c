/* hop session add|list|edit|cancel: training sessions on the command line.
 * The rules are in core/training; this file parses and prints. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "cmd_session.h"

bool ses_id_arg(const char *name, const char *sub, const char *text, int64_t *id, int *rc)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < 1) {
		*rc = cli_usage_error(name, sub, _("'%s' is not a session number; 'hop session list' "
		                      "shows them"), text);
		return false;
	}
	*id = v;
	return true;
}

char *ses_when(const struct trn_session *s, char *buf, size_t size)
{
	char d1[HOP_DATE_HUMAN_LEN], d2[HOP_DATE_HUMAN_LEN], t1[6], t2[6];

	date_format_human(s->start.day, d1, sizeof d1);
	datetime_hhmm(s->start.minute, t1);
	datetime_hhmm(s->end.minute, t2);
	if (s->start.day == s->end.day)
		snprintf(buf, size, "%s %s–%s", d1, t1, t2);
	else
		snprintf(buf, size, "%s %s – %s %s", d1, t1,
		         date_format_human(s->end.day, d2, sizeof d2), t2);
	return buf;
}

char *ses_place(const struct trn_session *s, char *buf, size_t size)
{
	if (s->room[0] && s->room_name[0])
		snprintf(buf, size, "%s (%s), %s", s->room, s->room_name, s->site);
	else if (s->room[0])
		snprintf(buf, size, "%s, %s", s->room, s->site);
	else if (s->online_url[0])
		snprintf(buf, size, "%s", s->online_url);
	else
		snprintf(buf, size, "%s", s->location);
	return buf;
}

/* The options add and edit share. */
struct ses_opts {
	struct session_spec s;
	unsigned fields;
	const char *start, *end;
};

static const struct option ses_options[] = {
	{ "start", required_argument, NULL, 's' },
	{ "end", required_argument, NULL, 'e' },
	{ "capacity", required_argument, NULL, 'c' },
	{ "room", required_argument, NULL, 'r' },
	{ "online", required_argument, NULL, 'o' },
	{ "location", required_argument, NULL, 'l' },
	{ "trainer", required_argument, NULL, 't' },
	{ "trainer-name", required_argument, NULL, 'T' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

/* One option into o: 0, or the usage error's status. */
static int ses_option(const char *sub, int c, struct ses_opts *o)
{
	switch (c) {
	case 's': o->start = optarg; o->fields |= SES_START; break;
	case 'e': o->end = optarg; o->fields |= SES_END; break;
	case 'c':
		if (!cli_int(optarg, 1, HOP_SESSION_CAPACITY_MAX, &o->s.capacity))
			return cli_usage_error("session", sub, _("--capacity takes a number of seats "
			                       "from 1 to %d, not '%s'"), HOP_SESSION_CAPACITY_MAX, optarg);
		o->fields |= SES_CAPACITY;
		break;
	case 'r': o->s.room = optarg; o->fields |= SES_PLACE; break;
	case 'o': o->s.online_url = optarg; o->fields |= SES_PLACE; break;
	case 'l': o->s.location = optarg; o->fields |= SES_PLACE; break;
	case 't': o->s.trainer_login = optarg; o->fields |= SES_TRAINER; break;
	case 'T': o->s.trainer_name = optarg; o->fields |= SES_TRAINER; break;
	case 'n': o->s.note = optarg; o->fields |= SES_NOTE; break;
	}
	if (o->s.room && o->s.online_url)
		return cli_usage_error("session", sub, _("a session is in a room or online, not both: "
		                       "give --room or --online"));
	if (o->s.trainer_login && o->s.trainer_name)
		return cli_usage_error("session", sub, _("give --trainer or --trainer-name, not both"));
	return 0;
}

/* --start and --end as date-times (a start without a time: 09:00). */
static int ses_times(struct ses_opts *o)
{
	struct hop_err err;

	o->s.start.day = o->s.end.day = HOP_DATE_NONE;
	if (o->start && datetime_parse(o->start, clock_today(), 9 * 60, &o->s.start, &err) != HOP_OK)
		return cli_fail(&err);
	if (o->end) {
		hop_date today = o->s.start.day != HOP_DATE_NONE ? o->s.start.day : clock_today();

		/* An end of only a time is on the start's day. */
		if (strlen(o->end) <= 5 && strchr(o->end, ':')) {
			char buf[32], day[HOP_DATE_ISO_LEN];

			snprintf(buf, sizeof buf, "%s %s", date_format(today, day), o->end);
			if (datetime_parse(buf, today, -1, &o->s.end, &err) != HOP_OK)
				return cli_fail(&err);
		} else if (datetime_parse(o->end, today, 16 * 60, &o->s.end, &err) != HOP_OK) {
			return cli_fail(&err);
		}
	}
	return 0;
}

int cmd_session_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "session", .sub = "add", .opts = ses_options };
	struct ses_opts o = { 0 };
	char when[160], place[700], trainer[HOP_LOGIN_MAX + 1];
	struct trn_session s;
	struct hop_err err;
	int64_t id;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if ((rc = ses_option("add", c, &o)))
			return rc;
	if ((rc = cli_operands(&a, 1, 1, _("give the CODE of the course"))))
		return rc;
	if (!o.start)
		return cli_usage_error("session", "add", _("give the start with --start DATETIME"));
	if (!(o.fields & SES_CAPACITY))
		return cli_usage_error("session", "add", _("give the seats with --capacity N"));
	if ((rc = ses_times(&o)) || (rc = cli_open(ctx)) ||
	    (rc = cli_person(ctx, &o.s.trainer_login, trainer)))
		return rc;
	o.s.course = a.arg[0];
	if (session_add(&ctx->app, &o.s, &id, &err) != HOP_OK)
		return cli_fail(&err);
	/* Only the id on stdout, for scripts: id=$(hop session add ...). */
	printf("%lld\n", (long long)id);
	if (session_get(&ctx->app, id, &s, &err) == HOP_OK)
		fprintf(stderr, _("added session %lld of %s (%s): %s, %d seats%s%s\n"), (long long)id,
		        s.course, s.title, ses_when(&s, when, sizeof when), s.capacity,
		        ses_place(&s, place, sizeof place)[0] ? ", " : "", place);
	return 0;
}

int cmd_session_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_args a = { .name = "session", .sub = "edit", .opts = ses_options };
	struct ses_opts o = { 0 };
	struct trn_session s;
	struct hop_err err;
	char trainer[HOP_LOGIN_MAX + 1];
	int64_t id;
	int c, rc, promoted = 0;

	while ((c = cli_option(&a, argc, argv)) > 0)
		if ((rc = ses_option("edit", c, &o)))
			return rc;
	if ((rc = cli_operands(&a, 1, 1, _("give the number of the session"))))
		return rc;
	if (!ses_id_arg("session", "edit", a.arg[0], &id, &rc))
		return rc;
	if (!o.fields)
		return cli_usage_error("session", "edit", _("give at least one thing to change"));
	if ((rc = ses_times(&o)) || (rc = cli_open(ctx)) ||
	    (rc = cli_person(ctx, &o.s.trainer_login, trainer)))
		return rc;
	if (session_get(&ctx->app, id, &s, &err) != HOP_OK)
		return cli_fail(&err);
	/* A new start alone keeps the length of the session. */
	if ((o.fields & SES_START) && !(o.fields & SES_END)) {
		long len = (long)(s.end.day - s.start.day) * 1440 + s.end.minute - s.start.minute;
		long end = (long)o.s.start.day * 1440 + o.s.start.minute + len;

		o.s.end.day = (hop_date)(end / 1440);
		o.s.end.minute = (int)(end % 1440);
		o.fields |= SES_END;
	}
	if (session_edit(&ctx->app, id, &o.s, o.fields, &promoted, &err) != HOP_OK)
		return cli_fail(&err);
	printf(_("changed session %lld\n"), (long long)id);
	if (promoted)
		printf(ngettext("%d person moves up from the waitlist\n",
		                "%d people move up from the waitlist\n", (unsigned long)promoted),
		       promoted);
	return 0;
}

int cmd_session_cancel(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_args a = { .name = "session", .sub = "cancel", .opts = opts };
	const char *reason = NULL;
	struct hop_err err;
	int64_t id;
	int rc, n = 0;

	while (cli_option(&a, argc, argv) == 'r')
		reason = optarg;
	if ((rc = cli_operands(&a, 1, 1, _("give the number of the session"))))
		return rc;
	if (!ses_id_arg("session", "cancel", a.arg[0], &id, &rc))
		return rc;
	if (!reason || !*reason)
		return cli_usage_error("session", "cancel", _("give the reason with --reason TEXT"));
	if ((rc = cli_open(ctx)))
		return rc;
	if (session_cancel(&ctx->app, id, reason, &n, &err) != HOP_OK)
		return cli_fail(&err);
	printf(ngettext("cancelled session %lld and %d enrolment\n",
	                "cancelled session %lld and %d enrolments\n", (unsigned long)n),
	       (long long)id, n);
	return 0;
}

int cmd_session_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "course", required_argument, NULL, 'c' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'u' },
		{ "all", no_argument, NULL, 'a' },
		{ "free", no_argument, NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keys[] = { "id", "course", "title", "start", "end", "place", "capacity",
	                       "booked", "free", "waitlisted", "requested", "trainer", "state",
	                       "mine" };
	const char *headers[] = { _("No."), _("Course"), _("Title"), _("When"), _("End"), _("Place"),
	                          _("Seats"), _("Booked"), _("Free"), _("Waitlist"), _("Requests"),
	                          _("Trainer"), _("State"), _("Mine") };
	enum out_format fmt = OUT_TABLE;
	struct cli_args a = { .name = "session", .sub = "list", .opts = opts, .format = &fmt };
	struct session_filter f = { .from = HOP_DATE_NONE, .to = HOP_DATE_NONE };
	struct trn_session_list l;
	struct out_table *t;
	struct hop_err err;
	int c, rc;

	while ((c = cli_option(&a, argc, argv)) > 0) {
		switch (c) {
		case 'c': f.course = optarg; break;
		case 'F': if (!cli_date(optarg, &f.from)) return 2; break;
		case 'u': if (!cli_date(optarg, &f.to)) return 2; break;
		case 'a': f.all = true; break;
		case 'x': f.free_only = true; break;
		}
	}
	if ((rc = cli_operands(&a, 0, 0, NULL)) || (rc = cli_open(ctx)))
		return rc;
	if (session_list(&ctx->app, &f, &l, &err) != HOP_OK)
		return cli_fail(&err);
	t = out_table_new(fmt, 14, headers, keys, "KK5Ka3bcKda2ef");
	for (size_t i = 0; i < l.n; i++) {
		const struct trn_session *s = &l.v[i];
		char id[24], start[160], end[HOP_DATETIME_ISO_LEN], place[700], n[5][16];
		const char *state = s->cancelled ? "cancelled" : "open";
		const char *mine = s->mine ? enrol_state_name(s->my_state) : NULL;

		snprintf(id, sizeof id, "%lld", (long long)s->id);
		if (fmt == OUT_TABLE) {
			ses_when(s, start, sizeof start);
			end[0] = '\0';
			state = s->cancelled ? _("cancelled") : "";
			mine = s->mine ? enrol_state_display(s->my_state) : NULL;
		} else {
			datetime_format(s->start, start);
			datetime_format(s->end, end);
		}
		snprintf(n[0], 16, "%d", s->capacity);
		snprintf(n[1], 16, "%d", s->taken);
		snprintf(n[2], 16, "%d", s->free);
		snprintf(n[3], 16, "%d", s->waitlisted);
		snprintf(n[4], 16, "%d", s->requested);
		const char *cells[14] = {
			id, s->course, s->title, start, out_or_null(end),
			out_or_null(ses_place(s, place, sizeof place)), n[0], n[1], n[2], n[3], n[4],
			out_or_null(s->trainer), out_or_null(state), mine,
		};
		out_table_add(t, cells);
	}
	trn_session_list_free(&l);
	return out_table_done_or(t, stdout, _("no sessions"));
}
