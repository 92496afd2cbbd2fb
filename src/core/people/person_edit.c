/* People: adding, editing and removing person records.
 * Every change is checked by authz first and written with its audit entry in
 * one transaction. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/person.h"
#include "hop/core/onboarding/onboarding.h"
#include "membership_int.h"
#include "person_int.h"

#define DETAIL_MAX 4096

/* The audit detail of a change, built up field by field. */
struct detail {
	char s[DETAIL_MAX];
	size_t n;
};

static void detail_add(struct detail *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void detail_add(struct detail *d, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (d->n >= sizeof d->s - 1)
		return;
	if (d->n) {
		w = snprintf(d->s + d->n, sizeof d->s - d->n, "; ");
		d->n += (size_t)w < sizeof d->s - d->n ? (size_t)w : sizeof d->s - d->n - 1;
	}
	va_start(ap, fmt);
	w = vsnprintf(d->s + d->n, sizeof d->s - d->n, fmt, ap);
	va_end(ap);
	if (w > 0)
		d->n += (size_t)w < sizeof d->s - d->n ? (size_t)w : sizeof d->s - d->n - 1;
}

static const char *or_none(const char *s)
{
	return s && *s ? s : "(none)";
}

static const char *date_or_none(hop_date d, char *buf)
{
	if (d == HOP_DATE_NONE)
		return "(none)";
	return date_format(d, buf);
}

/* A team named for a person: it must exist and be active. */
static enum hop_status active_team(struct hop_app *app, const char *name, struct hop_team *t,
                                   struct hop_err *err)
{
	char d[HOP_DATE_ISO_LEN];

	if (team_find(app, name, t, err) != HOP_OK)
		return err->status;
	if (t->dissolved != HOP_DATE_NONE)
		return hop_refuse(err, HOP_EINVAL, HOP_R_TEAM_DISSOLVED, NULL, _("team '%s' was "
		                  "dissolved on %s; choose an active team"), t->name,
		                  date_format(t->dissolved, d));
	return HOP_OK;
}

/* Who already has this login, as a conflict message. */
static enum hop_status login_taken(struct hop_app *app, const char *login, struct hop_err *err)
{
	struct hop_person other;
	char d[HOP_DATE_ISO_LEN];

	if (person_get(app, login, &other, err) != HOP_OK)
		return err->status == HOP_ENOTFOUND ? HOP_OK : err->status;
	if (other.end != HOP_DATE_NONE)
		return hop_fail(err, HOP_ECONFLICT, _("the login '%s' already belongs to %s "
		                "(left on %s); logins are never reused"), login, other.name,
		                date_format(other.end, d));
	return hop_fail(err, HOP_ECONFLICT, _("the login '%s' already belongs to %s"), login,
	                other.name);
}

/* ?1 to ?6 of an INSERT or UPDATE of person: login, name, email, team,
 * roles and start date, as the table keeps them. */
static void bind_person(struct db_stmt *st, const struct hop_person *p)
{
	db_bind_text(st, 1, p->login);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->email[0] ? p->email : NULL);
	if (p->team_id)
		db_bind_int64(st, 4, p->team_id);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, (int)p->roles);
	db_bind_date(st, 6, p->start);
}

static enum hop_status insert_person(struct hop_app *app, const struct hop_person *p,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO person (login, name, email, team_id, "
	                           "roles, start_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (!st)
		return err->status;
	bind_person(st, p);
	return db_run(st, _("adding a person"), err);
}

void person_add_detail(const char *name, const char *email, const char *team, unsigned roles,
                       hop_date start, char *buf, size_t size)
{
	char r[64], day[HOP_DATE_ISO_LEN];

	snprintf(buf, size, "name: %s%s%s%s%s; roles: %s; start: %s", name,
	         email[0] ? "; email: " : "", email, team[0] ? "; team: " : "", team,
	         role_format(roles, r, sizeof r), date_format(start, day));
}

enum hop_status person_add(struct hop_app *app, const struct hop_person *in, struct hop_err *err)
{
	struct hop_person p = *in;
	struct hop_team t;
	char detail[DETAIL_MAX], object[HOP_LOGIN_MAX + 8];

	if (!p.roles)
		p.roles = ROLE_EMPLOYEE;
	if (p.roles & ~ROLE_ALL)
		return hop_fail(err, HOP_EINVAL, _("unknown role bits %#x"), p.roles);
	if (authz_person_add(app, p.roles, err) != HOP_OK)
		return err->status;
	if (person_check_login(p.login, err) != HOP_OK ||
	    person_check_name(p.name, err) != HOP_OK ||
	    person_check_email(p.email, err) != HOP_OK)
		return err->status;
	if (p.start == HOP_DATE_NONE)
		p.start = clock_today();

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	p.team_id = 0;
	if (p.team[0]) {
		if (active_team(app, p.team, &t, err) != HOP_OK)
			goto fail;
		p.team_id = t.id;
		snprintf(p.team, sizeof p.team, "%s", t.name);
	}
	if (login_taken(app, p.login, err) != HOP_OK || insert_person(app, &p, err) != HOP_OK ||
	    mb_person_added(app, db_last_id(app->db), p.team_id, p.start, err) != HOP_OK)
		goto fail;
	person_add_detail(p.name, p.email, p.team, p.roles, p.start, detail, sizeof detail);
	snprintf(object, sizeof object, "person:%s", p.login);
	if (audit_write(app, "person.add", object, detail, err) != HOP_OK ||
	    onboarding_auto_start(app, p.login, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK)
		goto fail;
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status person_add_first_admin(struct hop_app *app, const char *name,
                                       struct hop_err *err)
{
	struct hop_person p;
	struct detail d = { .n = 0 };
	char object[HOP_LOGIN_MAX + 8], day[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t count;

	memset(&p, 0, sizeof p);
	if (person_check_login(app->actor.login, err) != HOP_OK) {
		hop_err_prefix(err, _("you cannot be the first admin: "));
		return err->status;
	}
	if (person_check_name(name, err) != HOP_OK)
		return err->status;
	snprintf(p.login, sizeof p.login, "%s", app->actor.login);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.roles = ROLE_ADMIN | ROLE_HR | ROLE_EMPLOYEE;
	p.start = clock_today();

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "SELECT count(*) FROM person", err)))
		goto fail;
	if (db_step(st) != DB_ROW) {
		db_fail(app->db, err, _("counting people"));
		db_reset(st);
		goto fail;
	}
	count = db_col_int64(st, 0);
	db_reset(st);
	if (count > 0) {
		hop_fail(err, HOP_ECONFLICT, _("the database already has %lld people, so there "
		         "is no first admin to create; ask HR or an admin to add you"),
		         (long long)count);
		goto fail;
	}
	if (insert_person(app, &p, err) != HOP_OK)
		goto fail;
	detail_add(&d, "first admin; name: %s", p.name);
	detail_add(&d, "roles: employee,hr,admin");
	detail_add(&d, "start: %s", date_format(p.start, day));
	snprintf(object, sizeof object, "person:%s", p.login);
	if (audit_commit(app, "person.add", object, d.s, err) != HOP_OK)
		return err->status;
	return app_resolve_actor(app, err);
fail:
	db_rollback(app->db);
	return err->status;
}

/* Clear the lead of the active teams id leads, noting each in d. */
static enum hop_status drop_leads(struct hop_app *app, int64_t id, struct detail *d,
                                  struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM team WHERE lead_id = ?1 "
	                           "AND dissolved_on IS NULL ORDER BY name", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	while ((rc = db_step(st)) == DB_ROW)
		detail_add(d, "no longer leads team %s", db_col_text(st, 0));
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading teams"));
	st = db_stmt(app->db, "UPDATE team SET lead_id = NULL WHERE lead_id = ?1 "
	             "AND dissolved_on IS NULL", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	return db_run(st, _("clearing a team lead"), err);
}

static enum hop_status update_person(struct hop_app *app, const struct hop_person *p,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "UPDATE person SET login = ?1, name = ?2, email = ?3, "
	                           "team_id = ?4, roles = ?5, start_date = ?6, end_date = ?7 "
	                           "WHERE id = ?8", err);

	if (!st)
		return err->status;
	bind_person(st, p);
	db_bind_date(st, 7, p->end);
	db_bind_int64(st, 8, p->id);
	return db_run(st, _("changing a person"), err);
}

/* Re-read the actor after a change of their own record. */
static void refresh_actor(struct hop_app *app, int64_t changed_id)
{
	struct hop_err ignore;

	if (app->actor.known && app->actor.person.id == changed_id)
		app_resolve_actor(app, &ignore);
}

/* Apply e to old into new, checking every given value. */
static enum hop_status edit_apply(struct hop_app *app, const struct hop_person *old,
                                  const struct person_edit *e, struct hop_person *p,
                                  struct hop_err *err)
{
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];

	*p = *old;
	if (e->fields & PF_LOGIN) {
		if (person_check_login(e->login, err) != HOP_OK)
			return err->status;
		snprintf(p->login, sizeof p->login, "%s", e->login);
	}
	if (e->fields & PF_NAME) {
		if (person_check_name(e->name, err) != HOP_OK)
			return err->status;
		snprintf(p->name, sizeof p->name, "%s", e->name);
	}
	if (e->fields & PF_EMAIL) {
		if (person_check_email(e->email, err) != HOP_OK)
			return err->status;
		snprintf(p->email, sizeof p->email, "%s", e->email);
	}
	if (e->fields & PF_TEAM) {
		p->team_id = 0;
		p->team[0] = '\0';
		if (e->team[0]) {
			struct hop_team t;
			if (active_team(app, e->team, &t, err) != HOP_OK)
				return err->status;
			p->team_id = t.id;
			snprintf(p->team, sizeof p->team, "%s", t.name);
		}
	}
	if (e->fields & PF_ROLES) {
		if (e->roles & ~ROLE_ALL)
			return hop_fail(err, HOP_EINVAL, _("unknown role bits %#x"), e->roles);
		if (!e->roles)
			return hop_fail(err, HOP_EINVAL, _("%s would have no role left; everyone "
			                "keeps at least the role employee"), old->name);
		p->roles = e->roles;
	}
	if (e->fields & PF_START) {
		if (e->start == HOP_DATE_NONE)
			return hop_fail(err, HOP_EINVAL, _("a start date is required"));
		p->start = e->start;
	}
	if (e->fields & PF_END)
		p->end = e->end;
	if (p->end != HOP_DATE_NONE && p->end < p->start)
		return hop_fail(err, HOP_EINVAL, _("the last day %s is before the start date %s "
		                "of %s"), date_format(p->end, d1), date_format(p->start, d2),
		                p->name);
	return HOP_OK;
}

/* Which fields really differ, and their description for the audit log. */
static unsigned edit_diff(const struct hop_person *a, const struct hop_person *b,
                          struct detail *d)
{
	char r1[64], r2[64], d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	unsigned changed = 0;

	if (strcmp(a->login, b->login) != 0) {
		changed |= PF_LOGIN;
		detail_add(d, "login: %s -> %s", a->login, b->login);
	}
	if (strcmp(a->name, b->name) != 0) {
		changed |= PF_NAME;
		detail_add(d, "name: %s -> %s", a->name, b->name);
	}
	if (strcmp(a->email, b->email) != 0) {
		changed |= PF_EMAIL;
		detail_add(d, "email: %s -> %s", or_none(a->email), or_none(b->email));
	}
	if (a->team_id != b->team_id) {
		changed |= PF_TEAM;
		detail_add(d, "team: %s -> %s", or_none(a->team), or_none(b->team));
	}
	if (a->roles != b->roles) {
		changed |= PF_ROLES;
		detail_add(d, "roles: %s -> %s", role_format(a->roles, r1, sizeof r1),
		           role_format(b->roles, r2, sizeof r2));
	}
	if (a->start != b->start) {
		changed |= PF_START;
		detail_add(d, "start: %s -> %s", date_format(a->start, d1), date_format(b->start, d2));
	}
	if (a->end != b->end) {
		changed |= PF_END;
		detail_add(d, "end: %s -> %s", date_or_none(a->end, d1), date_or_none(b->end, d2));
	}
	return changed;
}

enum hop_status person_edit_report(struct hop_app *app, const char *login,
                                   const struct person_edit *e, char *changes, size_t size,
                                   struct hop_err *err)
{
	struct hop_person old, p;
	struct detail d = { .n = 0 };
	char object[HOP_LOGIN_MAX + 8];
	unsigned changed;

	if (changes && size)
		changes[0] = '\0';
	if (person_get(app, login, &old, err) != HOP_OK)
		return err->status;
	if (edit_apply(app, &old, e, &p, err) != HOP_OK)
		return err->status;
	changed = edit_diff(&old, &p, &d);
	if (!changed)
		return HOP_OK;
	/* Exactly the fields that change are checked, so re-stating a value
	 * one may not change is harmless. */
	if (authz_person_edit(app, &old, changed, p.roles, err) != HOP_OK)
		return err->status;

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if ((changed & PF_LOGIN) && login_taken(app, p.login, err) != HOP_OK)
		goto fail;
	if (update_person(app, &p, err) != HOP_OK)
		goto fail;
	/* The team over time follows: the start moves the first post, a new
	 * team ends the running one. */
	if ((changed & PF_START) && mb_start_changed(app, p.id, old.start, p.start, err) != HOP_OK)
		goto fail;
	if ((changed & PF_TEAM) && mb_team_changed(app, p.id, p.team_id, p.start, err) != HOP_OK)
		goto fail;
	if ((changed & (PF_START | PF_TEAM)) && mb_cache_person(app, p.id, err) != HOP_OK)
		goto fail;
	if ((changed & PF_END) && p.end != HOP_DATE_NONE && drop_leads(app, p.id, &d, err) != HOP_OK)
		goto fail;
	snprintf(object, sizeof object, "person:%s", p.login);
	if (audit_commit_report(app, "person.edit", object, d.s, changes, size, err) != HOP_OK)
		return err->status;
	refresh_actor(app, p.id);
	return HOP_OK;
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status person_edit(struct hop_app *app, const char *login,
                            const struct person_edit *e, struct hop_err *err)
{
	return person_edit_report(app, login, e, NULL, 0, err);
}

enum hop_status person_remove(struct hop_app *app, const char *login, hop_date last_day,
                              struct hop_err *err)
{
	struct hop_person p;
	struct detail d = { .n = 0 };
	char object[HOP_LOGIN_MAX + 8], d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];

	if (authz_person_manage(app, err) != HOP_OK)
		return err->status;
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (last_day == HOP_DATE_NONE) {
		if (p.end != HOP_DATE_NONE)
			return hop_fail(err, HOP_ECONFLICT, _("%s already has %s as their last day; "
			                "give a date to change it"), p.name, date_format(p.end, d1));
		last_day = clock_today();
	}
	if (last_day < p.start)
		return hop_fail(err, HOP_EINVAL, _("%s starts on %s; the last day %s cannot be "
		                "before that"), p.name, date_format(p.start, d1),
		                date_format(last_day, d2));
	if (p.end == last_day)
		return hop_fail(err, HOP_ECONFLICT, _("%s already has %s as their last day"),
		                p.name, date_format(p.end, d1));
	if (p.end != HOP_DATE_NONE)
		detail_add(&d, "end: %s -> %s", date_format(p.end, d1), date_format(last_day, d2));
	else
		detail_add(&d, "last day: %s", date_format(last_day, d1));
	p.end = last_day;

	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	snprintf(object, sizeof object, "person:%s", p.login);
	if (update_person(app, &p, err) != HOP_OK || drop_leads(app, p.id, &d, err) != HOP_OK ||
	    audit_write(app, "person.remove", object, d.s, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	refresh_actor(app, p.id);
	return HOP_OK;
}
