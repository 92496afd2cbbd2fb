/* Adding many people at once, as the people import does: staged without
 * the write lock, then written in one short transaction with a few
 * statements over the whole set, rather than three statements and a
 * savepoint per person under the lock.
 *
 * The staging table is a temporary table: it belongs to this connection, no
 * other hop sees it, and it goes with the connection, also when the process
 * is killed, so that nothing of an unfinished import is ever left behind.
 * What person_stage_write writes is what person_add writes for each person
 * (person_edit.c): keep the two alike. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/people/person.h"
#include "person_int.h"

enum hop_status person_stage_clear(struct hop_app *app, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "CREATE TEMP TABLE IF NOT EXISTS person_stage ("
	                           "line INTEGER PRIMARY KEY, login TEXT NOT NULL, "
	                           "name TEXT NOT NULL, email TEXT, team_id INTEGER, "
	                           "new_team INTEGER, roles INTEGER NOT NULL, "
	                           "start_date TEXT NOT NULL, detail TEXT NOT NULL)", err);

	if (!st || db_run(st, _("preparing the import"), err) != HOP_OK)
		return err->status;
	if (!(st = db_stmt(app->db, "DELETE FROM person_stage", err)))
		return err->status;
	return db_run(st, _("preparing the import"), err);
}

enum hop_status person_stage(struct hop_app *app, const struct person_staged *p,
                             struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO person_stage (line, login, name, "
	                           "email, team_id, new_team, roles, start_date, detail) "
	                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", err);
	char detail[1024];
	enum db_step rc;

	if (!st)
		return err->status;
	person_add_detail(p->name, p->email, p->team, p->roles, p->start, detail, sizeof detail);
	/* The texts stay until the step is done: no copies. */
	db_bind_int64(st, 1, p->line);
	db_bind_text_static(st, 2, p->login, strlen(p->login));
	db_bind_text_static(st, 3, p->name, strlen(p->name));
	if (p->email[0])
		db_bind_text_static(st, 4, p->email, strlen(p->email));
	else
		db_bind_null(st, 4);
	if (p->team[0] && p->new_team < 0)
		db_bind_int64(st, 5, p->team_id);
	else
		db_bind_null(st, 5);
	if (p->new_team >= 0)
		db_bind_int(st, 6, p->new_team);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, (int)p->roles);
	db_bind_date(st, 8, p->start);
	db_bind_text_static(st, 9, detail, strlen(detail));
	rc = db_step(st);
	db_clear(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("preparing the import"));
	return HOP_OK;
}

enum hop_status person_stage_team(struct hop_app *app, int new_team, int64_t team_id,
                                  struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "UPDATE person_stage SET team_id = ?2 "
	                           "WHERE new_team = ?1", err);

	if (!st)
		return err->status;
	db_bind_int(st, 1, new_team);
	db_bind_int64(st, 2, team_id);
	return db_run(st, _("preparing the import"), err);
}

/* One login of the staged people, for their onboardings. */
struct login { char s[HOP_LOGIN_MAX + 1]; };

static void read_login(struct db_stmt *st, void *out)
{
	db_col_copy(st, 0, ((struct login *)out)->s, sizeof ((struct login *)out)->s);
}

static const struct collect login_rows = {
	sizeof(struct login), read_login,
	N_("out of memory while adding people"), N_("reading the people to add"),
};

/* onboarding_auto_start for each staged person who starts after today, as
 * person_add does for one (nothing when [onboarding] auto_start is off). */
static enum hop_status onboardings(struct hop_app *app, struct hop_err *err)
{
	struct db_stmt *st;
	struct login *v = NULL;
	size_t n = 0, cap = 0;
	enum hop_status rc = HOP_OK;

	if (!app->cfg.onboarding_auto_start)
		return HOP_OK;
	st = db_stmt(app->db, "SELECT login FROM person_stage WHERE start_date > ?1 "
	             "ORDER BY line", err);
	if (!st)
		return err->status;
	db_bind_today(st, 1);
	if (collect_rows(app->db, st, &login_rows, &v, &n, &cap, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < n && rc == HOP_OK; i++)
		rc = onboarding_auto_start(app, v[i].s, err);
	free(v);
	return rc;
}

enum hop_status person_stage_write(struct hop_app *app, struct hop_err *err)
{
	char now[24];
	struct db_stmt *st;

	clock_timestamp(now);
	/* The people, in the order of the file (their ids too). */
	st = db_stmt(app->db, "INSERT INTO person (login, name, email, team_id, roles, start_date) "
	             "SELECT login, name, email, team_id, roles, start_date FROM person_stage "
	             "ORDER BY line", err);
	if (!st || db_run(st, _("adding people"), err) != HOP_OK)
		return err->status;
	/* A post in their team from their first day (mb_person_added). */
	st = db_stmt(app->db, "INSERT INTO membership (person_id, team_id, kind, start_on, end_on, "
	             "created_at, host, host_level) "
	             "SELECT p.id, s.team_id, 'post', s.start_date, NULL, ?1, NULL, NULL "
	             "FROM person_stage s JOIN person p ON p.login = s.login "
	             "WHERE s.team_id IS NOT NULL ORDER BY s.line", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, now);
	if (db_run(st, _("adding team memberships"), err) != HOP_OK)
		return err->status;
	/* An audit entry each, as audit_write writes it. */
	st = db_stmt(app->db, "INSERT INTO audit (at, actor, action, object, detail) "
	             "SELECT ?1, ?2, 'person.add', 'person:' || login, detail FROM person_stage "
	             "ORDER BY line", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, app->actor.login);
	if (db_run(st, _("writing the audit log"), err) != HOP_OK)
		return err->status;
	return onboardings(app, err);
}
