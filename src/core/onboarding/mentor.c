/* Mentors (Paten, Patinnen): assigning one to a new hire under the rules of
 * who may mentor, ending a mentorship, listing them.  The rules live here
 * once; suggestions (mentor_suggest.c) apply the same ones to everyone. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/text_check.h"
#include "hop/base/vec.h"
#include "onb_int.h"
#include "../presence/presence_int.h"

void mentor_candidate_list_free(struct mentor_candidate_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void mentor_match_list_free(struct mentor_match_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void mentorship_list_free(struct mentorship_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void onb_mentor_period(struct hop_app *app, const struct onb_newhire *nh, hop_date *from,
                       hop_date *until)
{
	hop_date today = clock_today();

	if (*from == HOP_DATE_NONE)
		*from = nh->p.start > today ? nh->p.start : today;
	if (*until == HOP_DATE_NONE) {
		/* To the end of probation; someone long past it gets as long again. */
		*until = date_add_months(nh->p.start, app->cfg.review_after_months) - 1;
		if (*until < *from)
			*until = date_add_months(*from, app->cfg.review_after_months) - 1;
	}
}

int onb_max_overlap(const hop_date *starts, const hop_date *ends, size_t n, hop_date from,
                    hop_date until)
{
	int best = 0;

	/* The count is largest on some period's first day (or on from). */
	for (size_t i = 0; i <= n; i++) {
		hop_date d = i < n ? starts[i] : from;
		int k = 0;
		if (d < from)
			d = from;
		if (d > until)
			continue;
		for (size_t j = 0; j < n; j++)
			k += starts[j] <= d && ends[j] >= d;
		best = k > best ? k : best;
	}
	return best;
}

int onb_away_run(struct onb_cal *cal, const hop_date *days, size_t n, hop_date *first,
                 hop_date *last)
{
	int best = 0, run = 0;
	hop_date rf = HOP_DATE_NONE;

	*first = *last = HOP_DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		if (!onb_cal_working(cal, days[i]))
			continue;
		bool joined = run > 0;
		/* Joined to the run when no working day lies between. */
		for (hop_date d = i ? days[i - 1] + 1 : days[i]; joined && d < days[i]; d++)
			if (onb_cal_working(cal, d))
				joined = false;
		if (!joined) {
			run = 0;
			rf = days[i];
		}
		run++;
		if (run > best) {
			best = run;
			*first = rf;
			*last = days[i];
		}
	}
	return best;
}

/* ---- the rules ---- */

/* The mentee's current mentorships at once with the mentor's, for the
 * refusal: "Jan Klein (until 2027-05-31), ..." */
static enum hop_status load_of(struct hop_app *app, int64_t mentor_id, hop_date from,
                               hop_date until, int *load, char *names, size_t size,
                               struct hop_err *err)
{
	hop_date s[64], e[64];
	size_t n = 0, len = 0;
	char d[HOP_DATE_ISO_LEN];
	struct db_stmt *st = db_stmt(app->db, "SELECT m.start_on, m.end_on, p.name FROM mentorship m "
	                           "JOIN person p ON p.id = m.mentee_id WHERE m.mentor_id = ?1 "
	                           "AND m.cancelled_at IS NULL AND m.start_on <= ?3 "
	                           "AND m.end_on >= ?2 ORDER BY m.end_on, p.name", err);
	int rc;

	if (names && size)
		names[0] = '\0';
	if (!st)
		return err->status;
	db_bind_int64(st, 1, mentor_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, until);
	while ((rc = db_step(st)) == DB_ROW && n < sizeof s / sizeof s[0]) {
		s[n] = db_col_date(st, 0);
		e[n] = db_col_date(st, 1);
		if (names && len + 2 < size)
			len += (size_t)snprintf(names + len, size - len, _("%s%s (until %s)"),
			                        n ? ", " : "", db_col_text(st, 2),
			                        date_format(e[n], d));
		n++;
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading mentorships"));
	*load = onb_max_overlap(s, e, n, from, until);
	return HOP_OK;
}

/* Who may not mentor nh in from..until, with why; HOP_OK if m may. */
static enum hop_status check_rules(struct hop_app *app, const struct onb_newhire *nh,
                                   const struct hop_person *m, hop_date from, hop_date until,
                                   bool over_capacity_ok, struct hop_err *err)
{
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN], names[600];
	hop_date away[400], first, last, since;
	size_t n = 0;
	struct onb_cal cal;
	struct db_stmt *st;
	int64_t site = 0;
	int load = 0, run, rc;

	if (m->id == nh->p.id)
		return hop_fail(err, HOP_EINVAL, _("%s cannot be their own mentor"), m->name);
	if (m->end != HOP_DATE_NONE && m->end < from)
		return hop_fail(err, HOP_EINVAL, _("%s left on %s and cannot be a mentor"), m->name,
		                date_format(m->end, d1));
	if (m->end != HOP_DATE_NONE && m->end < until)
		return hop_fail(err, HOP_EINVAL, _("%s leaves on %s, before the mentorship would end "
		                "on %s"), m->name, date_format(m->end, d1), date_format(until, d2));
	st = db_stmt(app->db, "SELECT 1 FROM team WHERE id = ?1 AND lead_id = ?2", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, nh->team_id);
	db_bind_int64(st, 2, m->id);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_ROW)
		return hop_fail(err, HOP_EINVAL, _("%s leads %s's team; a mentor is a colleague, not "
		                "the lead"), m->name, nh->p.name);
	since = date_add_months(from, -app->cfg.mentor_min_months);
	if (m->start > since)
		return hop_fail(err, HOP_EINVAL, _("%s has worked here since %s, less than %d months "
		                "before the mentorship begins; a mentor needs at least %d"), m->name,
		                date_format(m->start, d1), app->cfg.mentor_min_months,
		                app->cfg.mentor_min_months);
	/* A long absence during the mentorship: days the mentor plans away. */
	st = db_stmt(app->db, "SELECT day FROM presence WHERE person_id = ?1 AND location = 'away' "
	             "AND day BETWEEN ?2 AND ?3 ORDER BY day", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, m->id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, until);
	while ((rc = db_step(st)) == DB_ROW && n < sizeof away / sizeof away[0])
		away[n++] = db_col_date(st, 0);
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading presence"));
	if (pr_person_site(app, m->id, m->team_id, &site, err) != HOP_OK)
		return err->status;
	onb_cal_init(&cal, app, site, from);
	run = onb_away_run(&cal, away, n, &first, &last);
	if (run >= app->cfg.mentor_absence_days)
		return hop_fail(err, HOP_EINVAL, _("%s plans to be away from %s to %s (%d working "
		                "days) during the mentorship"), m->name, date_format(first, d1),
		                date_format(last, d2), run);
	if (load_of(app, m->id, from, until, &load, names, sizeof names, err) != HOP_OK)
		return err->status;
	if (load >= app->cfg.mentor_max_mentees && !over_capacity_ok)
		return hop_fail(err, HOP_ECONFLICT, ngettext("%s already looks after %d new hire at "
		                "that time, the most a mentor may: %s",
		                "%s already looks after %d new hires at that time, the most a mentor "
		                "may: %s", (unsigned long)load), m->name, load, names);
	return HOP_OK;
}

/* nh's mentorship overlapping from..until: the refusal naming it. */
static enum hop_status has_mentor(struct hop_app *app, const struct onb_newhire *nh,
                                  hop_date from, hop_date until, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT p.name, m.start_on, m.end_on FROM mentorship m "
	                           "JOIN person p ON p.id = m.mentor_id WHERE m.mentee_id = ?1 "
	                           "AND m.cancelled_at IS NULL AND m.start_on <= ?3 "
	                           "AND m.end_on >= ?2 ORDER BY m.start_on LIMIT 1", err);
	char name[HOP_NAME_MAX + 1], d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	hop_date s, e;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, nh->p.id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, until);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading mentorships"));
	}
	db_col_copy(st, 0, name, sizeof name);
	s = db_col_date(st, 1);
	e = db_col_date(st, 2);
	db_reset(st);
	return hop_fail(err, HOP_ECONFLICT, _("%s already has a mentor then: %s from %s to %s; "
	                "end that mentorship first"), nh->p.name, name, date_format(s, d1),
	                date_format(e, d2));
}

enum hop_status onb_mentor_check(struct hop_app *app, const struct onb_newhire *nh,
                                 const struct hop_person *m, hop_date from, hop_date until,
                                 struct hop_err *err)
{
	if (check_rules(app, nh, m, from, until, false, err) != HOP_OK)
		return err->status;
	return has_mentor(app, nh, from, until, err);
}

enum hop_status onb_mentor_insert(struct hop_app *app, const struct onb_newhire *nh,
                                  const struct hop_person *mentor, hop_date from,
                                  hop_date until, const char *override, struct hop_err *err)
{
	char at[24], object[HOP_LOGIN_MAX + 8], detail[HOP_STEP_NOTE_MAX + 200],
	     d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t onboarding;
	int rc;

	st = db_stmt(app->db, "INSERT INTO mentorship (mentor_id, mentee_id, start_on, end_on, "
	             "override_reason, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	             err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, mentor->id);
	db_bind_int64(st, 2, nh->p.id);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, until);
	db_bind_text(st, 5, override && *override ? override : NULL);
	db_bind_text(st, 6, clock_timestamp(at));
	db_bind_text(st, 7, app->actor.login);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_CHECK)
		return hop_fail(err, HOP_ECONFLICT, _("%s already has a mentor then"), nh->p.name);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("assigning a mentor"));
	if (onb_open_of(app, nh->p.id, &onboarding, NULL, err) != HOP_OK ||
	    (onboarding && onb_place_talks(app, onboarding, nh, mentor->id, err) != HOP_OK))
		return err->status;
	onb_object(object, sizeof object, nh->p.login);
	snprintf(detail, sizeof detail, "mentor: %s; from %s to %s%s%s", mentor->login,
	         date_format(from, d1), date_format(until, d2),
	         override && *override ? "; over capacity: " : "",
	         override && *override ? override : "");
	return audit_write(app, "mentor.assign", object, detail, err);
}

enum hop_status mentor_assign(struct hop_app *app, const char *newhire, const char *mentor,
                              hop_date from, hop_date until, const char *override,
                              struct mentorship *out, struct hop_err *err)
{
	struct onb_newhire nh;
	struct hop_person m;
	char d[HOP_DATE_ISO_LEN];
	bool over = override && *override;

	if (onb_newhire_get(app, newhire, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK ||
	    (over && authz_mentor_override(app, err) != HOP_OK))
		return err->status;
	if (over && strlen(override) > HOP_STEP_NOTE_MAX)
		return hop_fail(err, HOP_EINVAL, _("the reason is %zu bytes long; the limit is %d"),
		                strlen(override), HOP_STEP_NOTE_MAX);
	if (text_check_line(override, _("the reason"), err) != HOP_OK)
		return err->status;
	if (person_get(app, mentor, &m, err) != HOP_OK)
		return err->status;
	if (nh.p.end != HOP_DATE_NONE && nh.p.end < clock_today())
		return hop_fail(err, HOP_EINVAL, _("%s left on %s and needs no mentor"), nh.p.name,
		                date_format(nh.p.end, d));
	onb_mentor_period(app, &nh, &from, &until);
	if (until < from)
		return hop_fail(err, HOP_EINVAL, _("the mentorship would end before it begins"));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (check_rules(app, &nh, &m, from, until, over, err) != HOP_OK ||
	    has_mentor(app, &nh, from, until, err) != HOP_OK ||
	    onb_mentor_insert(app, &nh, &m, from, until, override, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (out) {
		memset(out, 0, sizeof *out);
		out->mentor = m;
		out->mentee = nh.p;
		out->start = from;
		out->end = until;
		snprintf(out->override_reason, sizeof out->override_reason, "%s", over ? override : "");
	}
	return HOP_OK;
}

enum hop_status mentor_end(struct hop_app *app, const char *newhire, hop_date day,
                           struct mentorship *out, struct hop_err *err)
{
	struct onb_newhire nh;
	char at[24], object[HOP_LOGIN_MAX + 8], detail[200], login[HOP_LOGIN_MAX + 1] = "",
	     d1[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t id = 0;
	hop_date s = HOP_DATE_NONE, e = HOP_DATE_NONE;
	bool cancel;
	int rc;

	if (onb_newhire_get(app, newhire, &nh, err) != HOP_OK ||
	    authz_onboarding_manage(app, &nh.p, nh.team_id, err) != HOP_OK)
		return err->status;
	if (day == HOP_DATE_NONE)
		day = clock_today();
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	/* The mentorship still running on day or still to come. */
	if (!(st = db_stmt(app->db, "SELECT m.id, m.start_on, m.end_on, p.login FROM mentorship m "
	                   "JOIN person p ON p.id = m.mentor_id WHERE m.mentee_id = ?1 "
	                   "AND m.cancelled_at IS NULL AND m.end_on >= ?2 ORDER BY m.start_on "
	                   "LIMIT 1", err)))
		goto fail;
	db_bind_int64(st, 1, nh.p.id);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		id = db_col_int64(st, 0);
		s = db_col_date(st, 1);
		e = db_col_date(st, 2);
		db_col_copy(st, 3, login, sizeof login);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		db_fail(app->db, err, _("reading mentorships"));
		goto fail;
	}
	if (!id) {
		hop_fail(err, HOP_ENOTFOUND, _("%s has no mentor on %s or later"), nh.p.name,
		         date_format(day, d1));
		goto fail;
	}
	/* From day on the mentor is free: the last day is the one before; a
	 * mentorship that would not have begun by then is cancelled, kept. */
	cancel = s >= day;
	st = cancel ? db_stmt(app->db, "UPDATE mentorship SET cancelled_at = ?2 WHERE id = ?1", err)
	            : db_stmt(app->db, "UPDATE mentorship SET end_on = ?2 WHERE id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	if (cancel)
		db_bind_text(st, 2, clock_timestamp(at));
	else
		db_bind_date(st, 2, day - 1);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		db_fail(app->db, err, _("ending a mentorship"));
		goto fail;
	}
	onb_object(object, sizeof object, nh.p.login);
	if (cancel)
		snprintf(detail, sizeof detail, "mentor: %s; cancelled before it began", login);
	else
		snprintf(detail, sizeof detail, "mentor: %s; last day %s (was %s)", login,
		         date_format(day - 1, d1), date_format(e, at));
	if (audit_write(app, "mentor.end", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	if (out) {
		memset(out, 0, sizeof *out);
		out->id = id;
		out->mentee = nh.p;
		person_get(app, login, &out->mentor, err);
		out->start = s;
		out->end = cancel ? e : day - 1;
		out->cancelled = cancel;
	}
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

/* ---- the list ---- */

#define MP_COLUMNS(x) x ".id, " x ".login, " x ".name, coalesce(" x ".team_id, 0), " \
	x ".start_date, " x ".end_date"

static void read_person(struct db_stmt *st, int c, struct hop_person *p)
{
	memset(p, 0, sizeof *p);
	p->id = db_col_int64(st, c);
	db_col_copy(st, c + 1, p->login, sizeof p->login);
	db_col_copy(st, c + 2, p->name, sizeof p->name);
	p->team_id = db_col_int64(st, c + 3);
	p->start = db_col_date(st, c + 4);
	p->end = db_col_date(st, c + 5);
}

enum hop_status mentor_list(struct hop_app *app, const struct mentor_filter *f,
                            struct mentorship_list *out, struct hop_err *err)
{
	struct hop_person who = { 0 };
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (f && f->mentor && *f->mentor && person_get(app, f->mentor, &who, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT m.id, " MP_COLUMNS("a") ", " MP_COLUMNS("b") ", m.start_on, "
	             "m.end_on, m.cancelled_at IS NOT NULL, coalesce(m.override_reason, ''), "
	             "coalesce(ta.name, ''), coalesce(tb.name, '') FROM mentorship m "
	             "JOIN person a ON a.id = m.mentor_id JOIN person b ON b.id = m.mentee_id "
	             "LEFT JOIN team ta ON ta.id = a.team_id LEFT JOIN team tb ON tb.id = b.team_id "
	             "WHERE (?1 = 0 OR m.mentor_id = ?1) "
	             "AND (?2 <> 0 OR (m.cancelled_at IS NULL AND m.end_on >= ?3)) "
	             "ORDER BY a.name COLLATE hop, a.id, m.start_on, m.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, who.id);
	db_bind_int(st, 2, f && f->past);
	db_bind_today(st, 3);
	while ((rc = db_step(st)) == DB_ROW) {
		struct mentorship *m;
		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			mentorship_list_free(out);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing mentorships"));
		}
		m = &out->v[out->n++];
		memset(m, 0, sizeof *m);
		m->id = db_col_int64(st, 0);
		read_person(st, 1, &m->mentor);
		read_person(st, 7, &m->mentee);
		m->start = db_col_date(st, 13);
		m->end = db_col_date(st, 14);
		m->cancelled = db_col_int(st, 15) != 0;
		db_col_copy(st, 16, m->override_reason, sizeof m->override_reason);
		db_col_copy(st, 17, m->mentor.team, sizeof m->mentor.team);
		db_col_copy(st, 18, m->mentee.team, sizeof m->mentee.team);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		mentorship_list_free(out);
		return db_fail(app->db, err, _("listing mentorships"));
	}
	return HOP_OK;
}
