/* The mobile-work gate: the courses of [policy] mobile_requires (IT
 * security, data protection) must be valid on a day a person works at home
 * or mobile.  mobile_gate = warn sets the day and says so; refuse does not
 * set it, naming the courses and their next session with a free seat.
 * Presence calls trn_mobile_gate for each day it sets. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/training/status.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"

#define MAX_DONE 64    /* completions of one course by one person that count */

/* Is course c valid for person_id on day: its completions (the course's
 * validity, renewals continued), or an exemption under a requirement of it? */
static enum hop_status valid_on(struct hop_app *app, const struct trn_course *c,
                                int64_t person_id, hop_date day, bool *valid,
                                struct hop_err *err)
{
	struct trn_rule rule = { .months = c->validity_months, .renewal_days = c->renewal_days };
	hop_date done[MAX_DONE], until;
	struct db_stmt *st;
	size_t n = 0;
	bool found;
	int rc;

	*valid = false;
	st = db_stmt(app->db, "SELECT done_on FROM training_record WHERE course_id = ?1 "
	             "AND person_id = ?2 AND revoked_at IS NULL AND result IN ('passed', 'attended') "
	             "AND done_on <= ?3 ORDER BY done_on", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, c->id);
	db_bind_int64(st, 2, person_id);
	db_bind_date(st, 3, day);
	while ((rc = db_step(st)) == DB_ROW) {
		/* Only the latest completions matter for the chain's end. */
		if (n == MAX_DONE) {
			memmove(done, done + 1, (MAX_DONE - 1) * sizeof *done);
			n--;
		}
		done[n++] = db_col_date(st, 0);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading training records"));
	until = trn_chain_until(&rule, done, n);
	if (n && (until == HOP_DATE_NONE || until >= day)) {
		*valid = true;
		return HOP_OK;
	}
	st = db_stmt(app->db, "SELECT 1 FROM exemption e JOIN requirement r ON r.id = e.requirement_id "
	             "WHERE r.course_id = ?1 AND e.person_id = ?2 AND e.revoked_at IS NULL "
	             "AND e.until_on >= ?3 AND r.ended_at IS NULL LIMIT 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, c->id);
	db_bind_int64(st, 2, person_id);
	db_bind_date(st, 3, day);
	if (db_get(st, NULL, NULL, &found, _("reading exemptions"), err) != HOP_OK)
		return err->status;
	*valid = found;
	return HOP_OK;
}

/* Calls fn for each course of mobile_requires not valid on day. */
typedef enum hop_status (*missing_fn)(struct hop_app *app, void *ctx,
                                      const struct trn_course *c, struct hop_err *err);

static enum hop_status each_missing(struct hop_app *app, int64_t person_id, hop_date day,
                                    missing_fn fn, void *ctx, struct hop_err *err)
{
	const char *p = app->cfg.mobile_requires;
	char code[HOP_COURSE_CODE_MAX + 1];
	struct trn_course c;
	bool valid;

	while (*p) {
		size_t len = strcspn(p, ",");
		if (len && len <= HOP_COURSE_CODE_MAX) {
			memcpy(code, p, len);
			code[len] = '\0';
			/* A code the catalogue does not know (yet) is not asked for. */
			if (trn_course_get(app, code, &c, err) == HOP_OK) {
				if (valid_on(app, &c, person_id, day, &valid, err) != HOP_OK)
					return err->status;
				if (!valid && fn(app, ctx, &c, err) != HOP_OK)
					return err->status;
			} else if (err->status != HOP_ENOTFOUND) {
				return err->status;
			}
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return HOP_OK;
}

struct text {
	char *buf;
	size_t size, n;
	bool sessions;
};

static void append(struct text *t, const char *s)
{
	size_t len = strlen(s);

	if (t->n + 1 >= t->size)
		return;
	if (t->n + len >= t->size)
		len = t->size - t->n - 1;
	memcpy(t->buf + t->n, s, len);
	t->n += len;
	t->buf[t->n] = '\0';
}

/* "Mon 18 Jan 2027, 09:00" of the next session of c with a free seat from
 * today, or "" when none is planned. */
static enum hop_status next_session(struct hop_app *app, const struct trn_course *c,
                                    char *out, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT s.starts_at FROM course_session s "
	                           "WHERE s.course_id = ?1 AND s.cancelled_at IS NULL AND s.starts_at >= ?2 "
	                           "AND s.capacity > (SELECT count(*) FROM enrolment e WHERE "
	                           "e.session_id = s.id AND e.state IN ('booked', 'attended', 'partial', "
	                           "'no_show')) ORDER BY s.starts_at, s.id LIMIT 1", err);
	char at[24], when[HOP_DATE_HUMAN_LEN];
	hop_date day;
	bool found;

	*out = '\0';
	if (!st)
		return err->status;
	db_bind_int64(st, 1, c->id);
	db_bind_today(st, 2);
	if (db_get_text(st, at, sizeof at, &found, _("reading sessions"), err) != HOP_OK)
		return err->status;
	at[10] = '\0';
	if (found && strlen(at + 11) >= 5 && date_parse_iso(at, &day))
		snprintf(out, size, "%s, %.5s", date_format_human(day, when, sizeof when), at + 11);
	return HOP_OK;
}

static enum hop_status add_missing(struct hop_app *app, void *ctx, const struct trn_course *c,
                                   struct hop_err *err)
{
	struct text *t = ctx;
	char next[80], part[200];

	if (t->n)
		append(t, ", ");
	append(t, c->title);
	if (!t->sessions)
		return HOP_OK;
	if (next_session(app, c, next, sizeof next, err) != HOP_OK)
		return err->status;
	if (*next)
		snprintf(part, sizeof part, _(" (next session with a free seat: %s)"), next);
	else
		snprintf(part, sizeof part, "%s", _(" (no session with a free seat is planned)"));
	append(t, part);
	return HOP_OK;
}

enum hop_status trn_mobile_missing(struct hop_app *app, int64_t person_id, hop_date day,
                                   char *missing, size_t size, struct hop_err *err)
{
	struct text t = { missing, size, 0, false };

	if (size)
		*missing = '\0';
	return each_missing(app, person_id, day, add_missing, &t, err);
}

enum hop_status trn_mobile_gate(struct hop_app *app, int64_t person_id, hop_date day,
                                bool home_or_mobile, char *warning, size_t size,
                                struct hop_err *err)
{
	char list[TRN_GATE_MAX], when[HOP_DATE_HUMAN_LEN];
	struct text t = { list, sizeof list, 0, true };

	if (size)
		*warning = '\0';
	*list = '\0';
	if (!home_or_mobile || !*app->cfg.mobile_requires)
		return HOP_OK;
	if (each_missing(app, person_id, day, add_missing, &t, err) != HOP_OK)
		return err->status;
	if (!*list)
		return HOP_OK;
	date_format_human(day, when, sizeof when);
	if (app->cfg.mobile_gate == CFG_GATE_REFUSE)
		return hop_fail(err, HOP_EPERM, _("home or mobile work on %s needs training that is "
		                "not valid that day: %s"), when, list);
	snprintf(warning, size, _("the training required for home or mobile work is not valid on "
	         "%s: %s"), when, list);
	return HOP_OK;
}
