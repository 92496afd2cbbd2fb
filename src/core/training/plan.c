/* The session plan of a course (plan.h): who is due, overdue or expiring
 * (trn_status_people), the coming sessions with free seats, the days each
 * person plans to be away, then plan_solve.c places them; confirming enrols
 * everyone placed in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/training/plan.h"
#include "hop/core/training/status.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"

static enum hop_status may_plan(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (!(app->actor.roles & (ROLE_HR | ROLE_ADMIN)))
		return hop_fail(err, HOP_EPERM, _("only HR or an admin can plan who goes to which "
		                "session"));
	return HOP_OK;
}

static enum hop_status read_sessions(struct hop_app *app, struct trn_plan *p, hop_date from,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT s.id, s.starts_at, s.ends_at, s.capacity - "
	        "(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id "
	        "AND e.state IN ('booked', 'attended', 'partial', 'no_show')) "
	        "FROM course_session s WHERE s.course_id = ?1 AND s.cancelled_at IS NULL "
	        "AND s.starts_at >= ?2 ORDER BY s.starts_at, s.id", err);
	enum db_step r;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, p->course.id);
	db_bind_date(st, 2, from);
	while ((r = db_step(st)) == DB_ROW) {
		struct trn_plan_session *s;
		const char *start = db_col_text(st, 1), *end;
		char d[HOP_DATE_ISO_LEN];
		if (db_col_int(st, 3) <= 0)
			continue;
		if (!vec_grow(&p->sessions, &p->scap, p->nsessions + 1, sizeof *p->sessions)) {
			db_clear(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
		s = &p->sessions[p->nsessions++];
		memset(s, 0, sizeof *s);
		s->id = db_col_int64(st, 0);
		snprintf(s->starts_at, sizeof s->starts_at, "%s", start ? start : "");
		snprintf(d, sizeof d, "%.10s", s->starts_at);
		date_parse_iso(d, &s->first);
		end = db_col_text(st, 2);
		snprintf(d, sizeof d, "%.10s", end ? end : "");
		if (!date_parse_iso(d, &s->last))
			s->last = s->first;
		s->free = db_col_int(st, 3);
	}
	db_clear(st);
	return r == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading the sessions of a course"));
}

static int by_urgency(const void *a, const void *b)
{
	const struct trn_plan_person *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return strcmp(x->login, y->login);
}

/* Those due, overdue or expiring, once each (the earliest due of several
 * requirements of the course), without those already enrolled in one of
 * its coming sessions. */
static enum hop_status read_people(struct hop_app *app, struct trn_plan *p, hop_date today,
                                   hop_date from, struct hop_err *err)
{
	unsigned mask = 1u << TRN_DUE | 1u << TRN_OVERDUE | 1u << TRN_EXPIRING;
	struct trn_status_list l;
	struct db_stmt *st;
	enum hop_status rc = HOP_OK;

	if (trn_status_people(app, p->course.id, 0, today, mask, &l, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT 1 FROM enrolment e JOIN course_session s ON s.id = e.session_id "
	             "WHERE e.person_id = ?1 AND s.course_id = ?2 AND s.cancelled_at IS NULL "
	             "AND s.starts_at >= ?3 AND e.state IN ('requested', 'approved', 'booked', "
	             "'waitlisted')", err);
	for (size_t i = 0; st && i < l.n; i++) {
		const struct trn_status_row *r = &l.v[i];
		struct trn_plan_person *q = NULL;
		bool enrolled = false;
		for (size_t k = 0; k < p->npeople && !q; k++)
			if (p->people[k].person_id == r->person_id)
				q = &p->people[k];
		if (q) {
			if (r->st.due != HOP_DATE_NONE && (q->due == HOP_DATE_NONE || r->st.due < q->due)) {
				q->due = r->st.due;
				q->status = r->st.status;
			}
			continue;
		}
		db_bind_int64(st, 1, r->person_id);
		db_bind_int64(st, 2, p->course.id);
		db_bind_date(st, 3, from);
		if ((rc = db_get(st, NULL, NULL, &enrolled, _("reading enrolments"), err)) != HOP_OK)
			break;
		if (enrolled)
			continue;
		if (!vec_grow(&p->people, &p->pcap, p->npeople + 1, sizeof *p->people)) {
			rc = hop_fail(err, HOP_ENOMEM, _("out of memory"));
			break;
		}
		q = &p->people[p->npeople++];
		memset(q, 0, sizeof *q);
		q->person_id = r->person_id;
		snprintf(q->login, sizeof q->login, "%s", r->login);
		snprintf(q->name, sizeof q->name, "%s", r->name);
		q->status = r->st.status;
		q->due = r->st.due;
		q->session = -1;
	}
	trn_status_list_free(&l);
	if (!st)
		return err->status;
	if (rc != HOP_OK)
		return rc;
	if (p->npeople > 1)
		qsort(p->people, p->npeople, sizeof *p->people, by_urgency);
	return HOP_OK;
}

/* blocked[i * nsessions + j]: person i plans to be away on a day of session j. */
static enum hop_status read_away(struct hop_app *app, const struct trn_plan *p, bool *blocked,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT day FROM presence WHERE person_id = ?1 "
	                             "AND location = 'away' AND day BETWEEN ?2 AND ?3", err);
	hop_date first = p->sessions[0].first, last = p->sessions[0].last;
	enum db_step r;

	if (!st)
		return err->status;
	for (size_t j = 1; j < p->nsessions; j++)
		last = p->sessions[j].last > last ? p->sessions[j].last : last;
	for (size_t i = 0; i < p->npeople; i++) {
		db_bind_int64(st, 1, p->people[i].person_id);
		db_bind_date(st, 2, first);
		db_bind_date(st, 3, last);
		while ((r = db_step(st)) == DB_ROW) {
			hop_date d = db_col_date(st, 0);
			for (size_t j = 0; j < p->nsessions; j++)
				if (d >= p->sessions[j].first && d <= p->sessions[j].last)
					blocked[i * p->nsessions + j] = true;
		}
		db_clear(st);
		if (r != DB_DONE)
			return db_fail(app->db, err, _("reading presence days"));
	}
	return HOP_OK;
}

enum hop_status trn_plan_make(struct hop_app *app, const char *course, hop_date from,
                              struct trn_plan *out, struct hop_err *err)
{
	hop_date today = clock_today();
	bool *blocked = NULL;
	enum hop_status st;

	memset(out, 0, sizeof *out);
	if (from == HOP_DATE_NONE || from < today)
		from = today;
	if (may_plan(app, err) != HOP_OK || trn_course_get(app, course, &out->course, err) != HOP_OK)
		return err->status;
	st = read_sessions(app, out, from, err);
	if (st == HOP_OK)
		st = read_people(app, out, today, from, err);
	if (st == HOP_OK && out->npeople && out->nsessions) {
		blocked = calloc(out->npeople * out->nsessions, sizeof *blocked);
		st = blocked ? read_away(app, out, blocked, err)
		             : hop_fail(err, HOP_ENOMEM, _("out of memory"));
	}
	if (st == HOP_OK)
		st = trn_plan_solve(out, blocked, today, err);
	free(blocked);
	if (st != HOP_OK)
		trn_plan_free(out);
	return st;
}

enum hop_status trn_plan_confirm(struct hop_app *app, const struct trn_plan *p, int *enrolled,
                                 struct hop_err *err)
{
	struct db_stmt *st;
	char object[64], detail[96], now[21];
	int n = 0;

	*enrolled = 0;
	if (may_plan(app, err) != HOP_OK || db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO enrolment (session_id, person_id, state, queued_at, "
	             "requested_by, decided_at, decided_by) VALUES (?1, ?2, 'booked', ?4, ?3, ?4, "
	             "?3)", err);
	if (!st)
		goto fail;
	for (size_t i = 0; i < p->npeople; i++) {
		const struct trn_plan_person *q = &p->people[i];
		const struct trn_plan_session *s;
		enum db_step r;
		if (q->session < 0)
			continue;
		s = &p->sessions[q->session];
		db_bind_int64(st, 1, s->id);
		db_bind_int64(st, 2, q->person_id);
		db_bind_text(st, 3, app->actor.login);
		db_bind_text(st, 4, clock_timestamp(now));
		r = db_step(st);
		db_clear(st);
		if (r == DB_UNIQUE) {
			hop_fail(err, HOP_ECONFLICT, _("%s is already enrolled in the session of %s; "
			         "nobody was enrolled"), q->name, s->starts_at);
			goto fail;
		}
		if (r != DB_DONE) {
			/* The capacity trigger: someone took a seat since the plan. */
			hop_fail(err, HOP_ECONFLICT, _("the session of %s has fewer free seats than "
			         "when the plan was made; nobody was enrolled, make the plan again"),
			         s->starts_at);
			goto fail;
		}
		snprintf(object, sizeof object, "person:%s", q->login);
		snprintf(detail, sizeof detail, "session=%lld course=%s state=booked",
		         (long long)s->id, p->course.code);
		if (audit_write(app, "enrol.plan", object, detail, err) != HOP_OK)
			goto fail;
		n++;
	}
	snprintf(object, sizeof object, "course:%s", p->course.code);
	snprintf(detail, sizeof detail, "enrolled=%d", n);
	if (audit_commit(app, "plan.confirm", object, detail, err) != HOP_OK)
		return err->status;
	*enrolled = n;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}
