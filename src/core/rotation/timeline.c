/* The rotation timeline: the periods (posts, stations, secondments, acting
 * posts) of one person, of a team's members or of a cohort's trainees over a
 * span, with each person's rotation due date and exception.  One query reads
 * every period of everyone asked for, one the due dates: a team of 50 over
 * ten years is a few milliseconds (the benchmark times it). */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/db.h"
#include "hop/core/rotation/cohort.h"
#include "hop/core/rotation/rotation.h"

/* Every period of the people chosen by the WHERE that follows, overlapping
 * ?2..?3 (NULL: open); people without one in the span come once with NULLs,
 * so that a trainee not yet placed still shows. */
#define TL_SELECT "SELECT p.id, p.login, p.name, m.id, m.kind, t.name, coalesce(m.host, ''), " \
	"m.start_on, m.end_on, coalesce(m.cohort_id, 0) FROM person p " \
	"LEFT JOIN membership m ON m.person_id = p.id " \
	"AND m.start_on <= coalesce(?3, '9999-12-31') " \
	"AND (m.end_on IS NULL OR m.end_on >= coalesce(?2, '0000-01-01')) " \
	"LEFT JOIN team t ON t.id = m.team_id "
#define TL_ORDER "ORDER BY p.name COLLATE hop, p.login, m.start_on, m.id"

static enum hop_status nomem(struct hop_err *err)
{
	return hop_fail(err, HOP_ENOMEM, _("out of memory while reading the rotation timeline"));
}

void rotation_timeline_free(struct rotation_timeline *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].periods);
	free(t->v);
	memset(t, 0, sizeof *t);
}

static enum membership_kind kind_of(const char *text)
{
	for (int k = 0; k < MEMBER_KIND_COUNT; k++)
		if (strcmp(text, membership_kind_name((enum membership_kind)k)) == 0)
			return (enum membership_kind)k;
	return MEMBER_POST;
}

/* Read st's rows (TL_SELECT's columns, grouped by person) into out. */
static enum hop_status read_rows(struct hop_app *app, struct db_stmt *st,
                                 struct rotation_timeline *out, struct hop_err *err)
{
	size_t pcap = 0;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		int64_t pid = db_col_int64(st, 0);
		struct rotation_timeline_row *r;
		struct rotation_period *m;

		if (!out->n || out->v[out->n - 1].person_id != pid) {
			if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
				db_reset(st);
				return nomem(err);
			}
			r = &out->v[out->n++];
			memset(r, 0, sizeof *r);
			r->person_id = pid;
			db_col_copy(st, 1, r->login, sizeof r->login);
			db_col_copy(st, 2, r->name, sizeof r->name);
			r->due = r->exception_review = HOP_DATE_NONE;
			pcap = 0;
		}
		r = &out->v[out->n - 1];
		if (db_col_int64(st, 3) == 0)
			continue;   /* no period in the span */
		if (!vec_grow(&r->periods, &pcap, r->nperiods + 1, sizeof *r->periods)) {
			db_reset(st);
			return nomem(err);
		}
		m = &r->periods[r->nperiods++];
		memset(m, 0, sizeof *m);
		m->membership_id = db_col_int64(st, 3);
		m->kind = kind_of(db_col_text(st, 4));
		db_col_copy(st, 5, m->team, sizeof m->team);
		db_col_copy(st, 6, m->host, sizeof m->host);
		m->start = db_col_date(st, 7);
		m->end = db_col_date(st, 8);
		m->cohort_id = db_col_int64(st, 9);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading the rotation timeline"));
	return HOP_OK;
}

/* The team r's person works in on day, from the periods read (which cover
 * the span): as membership_team_on answers it, by name, "" when none. */
static const char *team_on(const struct rotation_timeline_row *r, hop_date day)
{
	const char *team = "";
	int rank = -1;
	hop_date best = HOP_DATE_NONE;

	for (size_t i = 0; i < r->nperiods; i++) {
		const struct rotation_period *m = &r->periods[i];
		int k = m->kind == MEMBER_SECONDMENT ? 2 : m->kind == MEMBER_STATION ? 1 : 0;

		if (m->kind == MEMBER_ACTING || m->start > day ||
		    (m->end != HOP_DATE_NONE && m->end < day))
			continue;
		if (k > rank || (k == rank && m->start >= best)) {
			rank = k;
			best = m->start;
			team = m->host[0] ? "" : m->team;
		}
	}
	return team;
}

static bool in_span(hop_date d, hop_date from, hop_date to)
{
	return (from == HOP_DATE_NONE || d >= from) && (to == HOP_DATE_NONE || d <= to);
}

/* Is r's person a member of team on some day from..to?  Who is in which
 * team changes only where a period begins or ends, so those days (and the
 * span's first) are the only ones to ask about. */
static bool member_in_span(const struct rotation_timeline_row *r, const char *team,
                           hop_date from, hop_date to)
{
	if (from != HOP_DATE_NONE && strcmp(team_on(r, from), team) == 0)
		return true;
	for (size_t i = 0; i < r->nperiods; i++) {
		const struct rotation_period *m = &r->periods[i];
		hop_date d[2] = { m->start, m->end == HOP_DATE_NONE ? HOP_DATE_NONE : m->end + 1 };

		for (int j = 0; j < 2; j++)
			if (d[j] != HOP_DATE_NONE && in_span(d[j], from, to) &&
			    strcmp(team_on(r, d[j]), team) == 0)
				return true;
	}
	return false;
}

/* Keep only the rows of people who are members of team in the span (the
 * query found everyone with a period there, also one that a station or a
 * secondment elsewhere covers throughout). */
static void keep_members(struct rotation_timeline *out, const char *team, hop_date from,
                         hop_date to)
{
	size_t k = 0;

	for (size_t i = 0; i < out->n; i++) {
		if (member_in_span(&out->v[i], team, from, to))
			out->v[k++] = out->v[i];
		else
			free(out->v[i].periods);
	}
	out->n = k;
}

/* Each row's due date and exception, from the due list of the same people:
 * one query however many rows.  What the actor may not see of it stays
 * empty. */
static enum hop_status add_due(struct hop_app *app, const char *login, const char *team,
                               struct rotation_timeline *out, struct hop_err *err)
{
	struct rotation_due_filter f = { .team = team, .login = login, .within_months = -1 };
	struct rotation_due_list due = { 0 };

	if (!out->n)
		return HOP_OK;
	if (rotation_due_list(app, &f, &due, err) != HOP_OK) {
		if (err->status != HOP_EPERM)
			return err->status;
		hop_err_clear(err);
		return HOP_OK;
	}
	for (size_t i = 0; i < due.n; i++) {
		const struct rotation_due *d = &due.v[i];

		for (size_t j = 0; j < out->n; j++) {
			struct rotation_timeline_row *r = &out->v[j];

			/* The earliest due date of a person due twice (area, lead). */
			if (r->person_id != d->person_id ||
			    (r->due != HOP_DATE_NONE && r->due <= d->due))
				continue;
			r->due = d->due;
			r->overdue = d->overdue;
			r->exception = d->exception;
			r->exception_review = d->exception ? d->exception_review : HOP_DATE_NONE;
		}
	}
	rotation_due_list_free(&due);
	return HOP_OK;
}

static enum hop_status person_timeline(struct hop_app *app, const char *login, hop_date from,
                                       hop_date to, struct rotation_timeline *out,
                                       struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;

	if (person_get(app, login, &p, err) != HOP_OK ||
	    authz_rotation_timeline_person(app, &p, from, to, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, TL_SELECT "WHERE p.id = ?1 " TL_ORDER, err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	if (read_rows(app, st, out, err) != HOP_OK)
		return err->status;
	return add_due(app, p.login, NULL, out, err);
}

static enum hop_status team_timeline(struct hop_app *app, const char *name, hop_date from,
                                     hop_date to, struct rotation_timeline *out,
                                     struct hop_err *err)
{
	struct hop_team t;
	struct db_stmt *st;

	if (team_find(app, name, &t, err) != HOP_OK || authz_rotation_see_team(app, &t, err) != HOP_OK)
		return err->status;
	/* Everyone with a period in the team in the span (through the index
	 * membership_team), and all their periods, so the days elsewhere show. */
	st = db_stmt(app->db, TL_SELECT "WHERE p.id IN (SELECT x.person_id FROM membership x "
	             "WHERE x.team_id = ?1 AND x.kind <> 'acting' AND x.host IS NULL "
	             "AND x.start_on <= coalesce(?3, '9999-12-31') "
	             "AND (x.end_on IS NULL OR x.end_on >= coalesce(?2, '0000-01-01'))) "
	             TL_ORDER, err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, t.id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	if (read_rows(app, st, out, err) != HOP_OK)
		return err->status;
	keep_members(out, t.name, from, to);
	return add_due(app, NULL, t.name, out, err);
}

static enum hop_status cohort_timeline(struct hop_app *app, const char *name, hop_date from,
                                       hop_date to, struct rotation_timeline *out,
                                       struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT c.id, c.name, EXISTS (SELECT 1 FROM "
	                           "cohort_trainee ct WHERE ct.cohort_id = c.id AND ct.person_id = ?2) "
	                           "FROM cohort c WHERE c.name = ?1", err);
	char cname[HOP_COHORT_NAME_MAX + 1] = "";
	int64_t id = 0;
	bool trainee = false, own_only;
	int rc;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_int64(st, 2, app->actor.known ? app->actor.person.id : 0);
	rc = db_step(st);
	if (rc == DB_ROW) {
		id = db_col_int64(st, 0);
		db_col_copy(st, 1, cname, sizeof cname);
		trainee = db_col_int(st, 2) != 0;
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading the rotation timeline"));
	if (rc == DB_DONE)
		return hop_fail(err, HOP_ENOTFOUND, _("there is no cohort '%.120s'"), name);
	if (authz_rotation_see_cohort(app, cname, trainee, &own_only, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, TL_SELECT "WHERE p.id IN (SELECT ct.person_id FROM cohort_trainee ct "
	             "WHERE ct.cohort_id = ?1) AND (?4 = 0 OR p.id = ?4) " TL_ORDER, err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	db_bind_int64(st, 4, own_only ? app->actor.person.id : 0);
	if (read_rows(app, st, out, err) != HOP_OK)
		return err->status;
	return add_due(app, own_only ? app->actor.login : NULL, NULL, out, err);
}

enum hop_status rotation_timeline(struct hop_app *app, const struct rotation_timeline_query *q,
                                  struct rotation_timeline *out, struct hop_err *err)
{
	const char *login = q->login && *q->login ? q->login : NULL;
	const char *team = q->team && *q->team ? q->team : NULL;
	const char *cohort = q->cohort && *q->cohort ? q->cohort : NULL;
	enum hop_status s;

	memset(out, 0, sizeof *out);
	if ((login != NULL) + (team != NULL) + (cohort != NULL) > 1)
		return hop_fail(err, HOP_EINVAL, _("a timeline is of one person, one team or one "
		                "cohort; name only one of them"));
	if (q->from != HOP_DATE_NONE && q->to != HOP_DATE_NONE && q->to < q->from)
		return hop_fail(err, HOP_EINVAL, _("the timeline's span ends before it begins"));
	if (!login && !team && !cohort) {
		if (authz_registered(app, err) != HOP_OK)
			return err->status;
		login = app->actor.login;
	}
	if (team)
		s = team_timeline(app, team, q->from, q->to, out, err);
	else if (cohort)
		s = cohort_timeline(app, cohort, q->from, q->to, out, err);
	else
		s = person_timeline(app, login, q->from, q->to, out, err);
	if (s != HOP_OK)
		rotation_timeline_free(out);
	return s;
}
