/* Work areas (area.h): a name over teams, the corruption-prone flag with the
 * day it was last reviewed, and an optional own rotation period.  A team
 * belongs to one area at most; HR and admins keep the areas, and everyone may
 * read them (organisation, not personal data). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/core/people/person.h"
#include "hop/core/rotation/area.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"

#define AREA_YEARS_MAX 40     /* the schema's CHECK */

void area_list_free(struct hop_area_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- reading ---- */

static void read_area(struct db_stmt *st, void *out)
{
	struct hop_area *a = out;

	memset(a, 0, sizeof *a);
	a->id = db_col_int64(st, 0);
	db_col_copy(st, 1, a->name, sizeof a->name);
	a->corruption_prone = db_col_int(st, 2) != 0;
	a->years = db_col_int(st, 3);
	a->reviewed = db_col_date(st, 4);
}

/* What follows from the settings: the period that applies, the review. */
static void complete(const struct hop_app *app, struct hop_area *a, hop_date today)
{
	a->period_years = a->years ? a->years : a->corruption_prone ? app->cfg.rotation_years : 0;
	a->review_due = a->corruption_prone &&
	                (a->reviewed == HOP_DATE_NONE ||
	                 date_add_months(a->reviewed, 12 * app->cfg.rotation_area_review_years) <=
	                 today);
}

static void add_team_name(struct hop_area *a, const char *name)
{
	size_t len = strlen(a->teams), room = sizeof a->teams - len;
	const char *sep = a->nteams ? ", " : "";

	a->nteams++;
	if (len >= sizeof a->teams - 4 || strstr(a->teams, "…"))
		return;
	if (strlen(sep) + strlen(name) + 4 > room) {
		snprintf(a->teams + len, room, "%s…", sep);
		return;
	}
	snprintf(a->teams + len, room, "%s%s", sep, name);
}

/* The teams of the areas in l (by area, then name). */
static enum hop_status read_teams(struct hop_app *app, struct hop_area_list *l,
                                  struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT at.area_id, t.name FROM area_team at "
	                             "JOIN team t ON t.id = at.team_id "
	                             "ORDER BY at.area_id, t.name COLLATE hop", err);
	int rc;

	if (!st)
		return err->status;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_col_int64(st, 0);

		for (size_t i = 0; i < l->n; i++)
			if (l->v[i].id == id)
				add_team_name(&l->v[i], db_col_text(st, 1) ? db_col_text(st, 1) : "");
	}
	db_reset(st);
	return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading work areas"));
}

enum hop_status area_list(struct hop_app *app, bool review_only, struct hop_area_list *out,
                          struct hop_err *err)
{
	static const struct collect c = { sizeof(struct hop_area), read_area,
	                                  N_("out of memory while listing work areas"),
	                                  N_("listing work areas") };
	struct db_stmt *st = db_stmt(app->db, "SELECT id, name, corruption_prone, "
	                             "coalesce(rotation_years, 0), reviewed_on FROM area "
	                             "ORDER BY name COLLATE hop", err);
	hop_date today = clock_today();
	size_t k = 0;

	memset(out, 0, sizeof *out);
	if (!st || collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err) != HOP_OK)
		return err->status;
	if (read_teams(app, out, err) != HOP_OK) {
		area_list_free(out);
		return err->status;
	}
	for (size_t i = 0; i < out->n; i++) {
		complete(app, &out->v[i], today);
		if (!review_only || out->v[i].review_due)
			out->v[k++] = out->v[i];
	}
	out->n = k;
	return HOP_OK;
}

enum hop_status area_get(struct hop_app *app, const char *name, struct hop_area *out,
                         struct hop_err *err)
{
	struct hop_area_list l;

	if (area_list(app, false, &l, err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < l.n; i++)
		if (strcasecmp(l.v[i].name, name) == 0) {
			*out = l.v[i];
			area_list_free(&l);
			return HOP_OK;
		}
	area_list_free(&l);
	return hop_refuse(err, HOP_ENOTFOUND, HOP_R_NO_AREA, NULL, _("there is no work area '%s'"),
	                  name);
}

/* ---- checks ---- */

static enum hop_status check_name(const char *name, struct hop_err *err)
{
	size_t n = strlen(name);

	if (!n)
		return hop_fail(err, HOP_EINVAL, _("give the work area a name"));
	if (n > HOP_AREA_NAME_MAX)
		return hop_fail(err, HOP_EINVAL, _("the work area's name is %zu bytes long; the "
		                "limit is %d bytes"), n, HOP_AREA_NAME_MAX);
	if (person_check_name(name, err) != HOP_OK) {
		hop_err_prefix(err, _("work area name: "));
		return err->status;
	}
	return HOP_OK;
}

static enum hop_status check_years(int years, struct hop_err *err)
{
	if (years < 0 || years > AREA_YEARS_MAX)
		return hop_fail(err, HOP_EINVAL, _("a work area's rotation period is 1 to %d years, "
		                "not %d"), AREA_YEARS_MAX, years);
	return HOP_OK;
}

static enum hop_status check_reviewed(hop_date reviewed, struct hop_err *err)
{
	char when[HOP_DATE_HUMAN_LEN];

	if (reviewed != HOP_DATE_NONE && reviewed > clock_today())
		return hop_fail(err, HOP_EINVAL, _("the flag cannot have been reviewed on %s: that "
		                "day is still to come"), date_format_human(reviewed, when, sizeof when));
	return HOP_OK;
}

/* The teams named, found and each in no other area than area_id (0: new);
 * duplicates dropped.  *ids (to free) holds *n of them. */
static enum hop_status resolve_teams(struct hop_app *app, const char *const *names, size_t n,
                                     int64_t area_id, int64_t **ids, size_t *nids,
                                     char *shown, size_t size, struct hop_err *err)
{
	struct db_stmt *st;
	size_t cap = 0;

	*ids = NULL;
	*nids = 0;
	*shown = '\0';
	if (!n)
		return hop_fail(err, HOP_EINVAL, _("name at least one team of the work area"));
	for (size_t i = 0; i < n; i++) {
		struct hop_team t;
		char other[HOP_AREA_NAME_MAX + 1];
		bool found, dup = false;

		if (team_find(app, names[i], &t, err) != HOP_OK)
			goto fail;
		for (size_t j = 0; j < *nids; j++)
			dup = dup || (*ids)[j] == t.id;
		if (dup)
			continue;
		if (!(st = db_stmt(app->db, "SELECT a.name FROM area_team at JOIN area a "
		                   "ON a.id = at.area_id WHERE at.team_id = ?1 AND at.area_id <> ?2",
		                   err)))
			goto fail;
		db_bind_int64(st, 1, t.id);
		db_bind_int64(st, 2, area_id);
		if (db_get_text(st, other, sizeof other, &found, _("reading work areas"), err) != HOP_OK)
			goto fail;
		if (found) {
			hop_fail(err, HOP_ECONFLICT, _("team %s already belongs to work area %s; a team "
			         "belongs to one work area at most"), t.name, other);
			goto fail;
		}
		if (!vec_grow(ids, &cap, *nids + 1, sizeof **ids)) {
			hop_fail(err, HOP_ENOMEM, _("out of memory while reading work areas"));
			goto fail;
		}
		(*ids)[(*nids)++] = t.id;
		if (strlen(shown) + strlen(t.name) + 3 < size)
			snprintf(shown + strlen(shown), size - strlen(shown), "%s%s", *shown ? ", " : "",
			         t.name);
	}
	return HOP_OK;
fail:
	free(*ids);
	*ids = NULL;
	*nids = 0;
	return err->status;
}

static enum hop_status set_teams(struct hop_app *app, int64_t area_id, const int64_t *ids,
                                 size_t n, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "DELETE FROM area_team WHERE area_id = ?1", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, area_id);
	if (db_run(st, _("changing a work area's teams"), err) != HOP_OK)
		return err->status;
	for (size_t i = 0; i < n; i++) {
		if (!(st = db_stmt(app->db, "INSERT INTO area_team (team_id, area_id) "
		                   "VALUES (?1, ?2)", err)))
			return err->status;
		db_bind_int64(st, 1, ids[i]);
		db_bind_int64(st, 2, area_id);
		if (db_run(st, _("changing a work area's teams"), err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

static enum hop_status name_free(struct hop_app *app, const char *name, int64_t except,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT name FROM area WHERE name = ?1 AND id <> ?2",
	                             err);
	char other[HOP_AREA_NAME_MAX + 1];
	bool found;

	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_int64(st, 2, except);
	if (db_get_text(st, other, sizeof other, &found, _("reading work areas"), err) != HOP_OK)
		return err->status;
	if (found)
		return hop_fail(err, HOP_ECONFLICT, _("there is already a work area %s"), other);
	return HOP_OK;
}

/* ---- changing ---- */

enum hop_status area_add(struct hop_app *app, const char *name, const char *const *teams,
                         size_t nteams, bool corruption_prone, int years, hop_date reviewed,
                         struct hop_err *err)
{
	char shown[400], detail[700], object[HOP_AREA_NAME_MAX + 8];
	char iso[HOP_DATE_ISO_LEN];
	struct db_stmt *st;
	int64_t *ids = NULL, id;
	size_t nids = 0;

	if (authz_rotation_manage(app, err) != HOP_OK || check_name(name, err) != HOP_OK ||
	    check_years(years, err) != HOP_OK || check_reviewed(reviewed, err) != HOP_OK)
		return err->status;
	if (reviewed == HOP_DATE_NONE && corruption_prone)
		reviewed = clock_today();
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (name_free(app, name, 0, err) != HOP_OK ||
	    resolve_teams(app, teams, nteams, 0, &ids, &nids, shown, sizeof shown, err) != HOP_OK)
		goto fail;
	if (!(st = db_stmt(app->db, "INSERT INTO area (name, corruption_prone, rotation_years, "
	                   "reviewed_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", err)))
		goto fail;
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, corruption_prone);
	if (years)
		db_bind_int(st, 3, years);
	else
		db_bind_null(st, 3);
	db_bind_date(st, 4, reviewed);
	db_bind_today(st, 5);
	if (db_run(st, _("adding a work area"), err) != HOP_OK)
		goto fail;
	id = db_last_id(app->db);
	if (set_teams(app, id, ids, nids, err) != HOP_OK)
		goto fail;
	free(ids);
	snprintf(detail, sizeof detail, "teams: %s; corruption-prone: %s; years: %d; reviewed: %s",
	         shown, corruption_prone ? "yes" : "no", years,
	         reviewed == HOP_DATE_NONE ? "-" : date_format(reviewed, iso));
	snprintf(object, sizeof object, "area:%s", name);
	return audit_commit(app, "area.add", object, detail, err);
fail:
	free(ids);
	db_rollback(app->db);
	return err->status;
}

static void years_text(int years, char *buf, size_t size)
{
	if (years)
		snprintf(buf, size, "%d", years);
	else
		snprintf(buf, size, "%s", "");
}

enum hop_status area_edit(struct hop_app *app, const char *name, const struct area_edit *e,
                          struct hop_err *err)
{
	char detail[1200] = "", object[HOP_AREA_NAME_MAX + 8], shown[400], a1[16], a2[16];
	char d1[HOP_DATE_ISO_LEN], d2[HOP_DATE_ISO_LEN];
	struct hop_area a, n;
	struct db_stmt *st;
	int64_t *ids = NULL;
	size_t nids = 0;

	if (authz_rotation_manage(app, err) != HOP_OK || area_get(app, name, &a, err) != HOP_OK)
		return err->status;
	n = a;
	if (e->rename && strcmp(e->rename, a.name) != 0) {
		if (check_name(e->rename, err) != HOP_OK)
			return err->status;
		snprintf(n.name, sizeof n.name, "%s", e->rename);
	}
	if (e->set_flag)
		n.corruption_prone = e->corruption_prone;
	if (e->set_years) {
		if (check_years(e->years, err) != HOP_OK)
			return err->status;
		n.years = e->years;
	}
	if (e->set_reviewed) {
		if (check_reviewed(e->reviewed, err) != HOP_OK)
			return err->status;
		n.reviewed = e->reviewed == HOP_DATE_NONE ? clock_today() : e->reviewed;
	} else if (n.corruption_prone && !a.corruption_prone) {
		/* Flagged now: that is its review. */
		n.reviewed = clock_today();
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (strcmp(n.name, a.name) != 0 && name_free(app, n.name, a.id, err) != HOP_OK)
		goto fail;
	if (e->set_teams) {
		if (resolve_teams(app, e->teams, e->nteams, a.id, &ids, &nids, shown, sizeof shown,
		                  err) != HOP_OK || set_teams(app, a.id, ids, nids, err) != HOP_OK)
			goto fail;
		if (strcmp(shown, a.teams) != 0)
			audit_change(detail, sizeof detail, "teams", a.teams, shown);
	}
	if (!(st = db_stmt(app->db, "UPDATE area SET name = ?2, corruption_prone = ?3, "
	                   "rotation_years = ?4, reviewed_on = ?5 WHERE id = ?1", err)))
		goto fail;
	db_bind_int64(st, 1, a.id);
	db_bind_text(st, 2, n.name);
	db_bind_int(st, 3, n.corruption_prone);
	if (n.years)
		db_bind_int(st, 4, n.years);
	else
		db_bind_null(st, 4);
	db_bind_date(st, 5, n.reviewed);
	if (db_run(st, _("changing a work area"), err) != HOP_OK)
		goto fail;
	free(ids);
	if (strcmp(n.name, a.name) != 0)
		audit_change(detail, sizeof detail, "name", a.name, n.name);
	if (n.corruption_prone != a.corruption_prone)
		audit_change(detail, sizeof detail, "corruption-prone",
		             a.corruption_prone ? "yes" : "no", n.corruption_prone ? "yes" : "no");
	if (n.years != a.years) {
		years_text(a.years, a1, sizeof a1);
		years_text(n.years, a2, sizeof a2);
		audit_change(detail, sizeof detail, "years", a1, a2);
	}
	if (n.reviewed != a.reviewed)
		audit_change(detail, sizeof detail, "reviewed",
		             a.reviewed == HOP_DATE_NONE ? "" : date_format(a.reviewed, d1),
		             n.reviewed == HOP_DATE_NONE ? "" : date_format(n.reviewed, d2));
	snprintf(object, sizeof object, "area:%s", n.name);
	return audit_commit(app, "area.edit", object, detail, err);
fail:
	free(ids);
	db_rollback(app->db);
	return err->status;
}
