/* Keeping a trainee cohort (cohort.h): the cohort with its trainees, its
 * stations and its blocks.  Every refusal names what to fix and changes
 * nothing; every change is audited.  HR and admins only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "cohort_int.h"

hop_date coh_last_day(hop_date start, int months)
{
	return date_add_months(start, months) - 1;
}

const char *coh_iso(hop_date d, char *buf)
{
	if (d == HOP_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	return date_format(d, buf);
}

static void read_cohort_row(struct db_stmt *st, void *out)
{
	struct coh_row *c = out;

	c->id = db_col_int64(st, 0);
	db_col_copy(st, 1, c->name, sizeof c->name);
	c->start = db_col_date(st, 2);
	c->months = db_col_int(st, 3);
	db_col_copy(st, 4, c->published_at, sizeof c->published_at);
}

enum hop_status coh_find(struct hop_app *app, const char *name, struct coh_row *out,
                         struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, name, start_on, months, "
	                           "coalesce(published_at, '') FROM cohort WHERE name = ?1", err);
	bool found;

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	db_bind_text(st, 1, name ? name : "");
	if (db_get(st, read_cohort_row, out, &found, _("reading cohorts"), err) != HOP_OK)
		return err->status;
	if (!found)
		return hop_fail(err, HOP_ENOTFOUND, _("there is no cohort '%.120s'"),
		                name ? name : "");
	return HOP_OK;
}

enum hop_status coh_roles(struct hop_app *app, int64_t cohort_id, bool *is_trainee,
                          bool *leads_station, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT "
	                           "EXISTS (SELECT 1 FROM cohort_trainee WHERE cohort_id = ?1 "
	                           "AND person_id = ?2), "
	                           "EXISTS (SELECT 1 FROM cohort_station s JOIN team t ON t.id = "
	                           "s.team_id WHERE s.cohort_id = ?1 AND t.lead_id = ?2)", err);
	int rc;

	*is_trainee = *leads_station = false;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	db_bind_int64(st, 2, app->actor.known ? app->actor.person.id : 0);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*is_trainee = db_col_int(st, 0) != 0;
		*leads_station = db_col_int(st, 1) != 0;
	}
	db_reset(st);
	if (rc != DB_ROW)
		return db_fail(app->db, err, _("reading cohorts"));
	return HOP_OK;
}

/* Text a person typed: at most max bytes (too_long names the length and
 * the limit), no control characters (control says so). */
static enum hop_status check_text(const char *text, size_t max, const char *too_long,
                                  const char *control, struct hop_err *err)
{
	if (strlen(text) > max)
		return hop_fail(err, HOP_EINVAL, too_long, strlen(text), max);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return hop_fail(err, HOP_EINVAL, "%s", control);
	return HOP_OK;
}

/* The people of logins, each once and each known; ids into ids. */
static enum hop_status resolve_logins(struct hop_app *app, const char *const *logins, size_t n,
                                      int64_t *ids, struct hop_err *err)
{
	for (size_t i = 0; i < n; i++) {
		struct hop_person p;
		if (person_get(app, logins[i] ? logins[i] : "", &p, err) != HOP_OK)
			return err->status;
		for (size_t j = 0; j < i; j++)
			if (ids[j] == p.id)
				return hop_fail(err, HOP_EINVAL, _("%s is named twice among the trainees"),
				                p.login);
		ids[i] = p.id;
	}
	return HOP_OK;
}

/* Insert the trainees ids of cohort_id; detail gets their logins. */
static enum hop_status insert_trainees(struct hop_app *app, int64_t cohort_id,
                                       const char *const *logins, const int64_t *ids, size_t n,
                                       char *detail, size_t size, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO cohort_trainee (cohort_id, person_id) "
	                           "VALUES (?1, ?2)", err);

	if (!st)
		return err->status;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(detail);
		db_bind_int64(st, 1, cohort_id);
		db_bind_int64(st, 2, ids[i]);
		if (db_run(st, _("adding trainees to a cohort"), err) != HOP_OK)
			return err->status;
		if (len + 1 < size)
			snprintf(detail + len, size - len, "%s%s", i ? "," : "", logins[i]);
	}
	return HOP_OK;
}

enum hop_status cohort_add(struct hop_app *app, const char *name, hop_date start, int months,
                           const char *const *logins, size_t nlogins, struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	struct hop_err e;
	int64_t *ids = NULL, id;
	char now[24], iso[HOP_DATE_ISO_LEN], object[HOP_COHORT_NAME_MAX + 8], detail[2048];

	if (authz_cohort_keep(app, err) != HOP_OK)
		return err->status;
	if (!name || !*name)
		return hop_fail(err, HOP_EINVAL, _("a cohort needs a name"));
	if (check_text(name, HOP_COHORT_NAME_MAX, _("the cohort's name is %zu bytes long; at "
	               "most %zu are allowed"), _("the cohort's name holds a control character"),
	               err) != HOP_OK)
		return err->status;
	if (start == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a cohort needs its first day"));
	if (months < 1 || months > COHORT_MONTHS_MAX)
		return hop_fail(err, HOP_EINVAL, _("a cohort lasts 1 to %d months, not %d"),
		                COHORT_MONTHS_MAX, months);
	if (coh_find(app, name, &c, &e) == HOP_OK)
		return hop_fail(err, HOP_ECONFLICT, _("there is already a cohort '%s'"), c.name);
	if (e.status != HOP_ENOTFOUND) {
		*err = e;
		return err->status;
	}
	if (nlogins && !(ids = calloc(nlogins, sizeof *ids)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (resolve_logins(app, logins, nlogins, ids, err) != HOP_OK ||
	    db_begin(app->db, err) != HOP_OK) {
		free(ids);
		return err->status;
	}
	st = db_stmt(app->db, "INSERT INTO cohort (name, start_on, months, created_at) "
	             "VALUES (?1, ?2, ?3, ?4)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, name);
	db_bind_date(st, 2, start);
	db_bind_int(st, 3, months);
	db_bind_text(st, 4, clock_timestamp(now));
	if (db_run(st, _("adding a cohort"), err) != HOP_OK)
		goto fail;
	id = db_last_id(app->db);
	snprintf(detail, sizeof detail, "from %s, %d months, trainees: ", date_format(start, iso),
	         months);
	if (insert_trainees(app, id, logins, ids, nlogins, detail, sizeof detail, err) != HOP_OK)
		goto fail;
	free(ids);
	snprintf(object, sizeof object, "cohort:%s", name);
	return audit_commit(app, "cohort.add", object, detail, err);
fail:
	db_rollback(app->db);
	free(ids);
	return err->status;
}

enum hop_status cohort_trainees_add(struct hop_app *app, const char *cohort,
                                    const char *const *logins, size_t n, struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	int64_t *ids;
	char object[HOP_COHORT_NAME_MAX + 8], detail[2048] = "trainees added: ", there[512] = "";

	if (authz_cohort_keep(app, err) != HOP_OK || coh_find(app, cohort, &c, err) != HOP_OK)
		return err->status;
	if (!n)
		return hop_fail(err, HOP_EINVAL, _("name the trainees to add to cohort %s"), c.name);
	if (!(ids = calloc(n, sizeof *ids)))
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	if (resolve_logins(app, logins, n, ids, err) != HOP_OK)
		goto out;
	st = db_stmt(app->db, "SELECT 1 FROM cohort_trainee WHERE cohort_id = ?1 AND person_id = ?2",
	             err);
	if (!st)
		goto out;
	for (size_t i = 0; i < n; i++) {
		bool found;
		db_bind_int64(st, 1, c.id);
		db_bind_int64(st, 2, ids[i]);
		if (db_get(st, NULL, NULL, &found, _("reading cohorts"), err) != HOP_OK)
			goto out;
		if (found && strlen(there) + strlen(logins[i]) + 3 < sizeof there)
			snprintf(there + strlen(there), sizeof there - strlen(there), "%s%s",
			         there[0] ? ", " : "", logins[i]);
	}
	if (there[0]) {
		hop_fail(err, HOP_ECONFLICT, _("already trainees of cohort %s: %s"), c.name, there);
		goto out;
	}
	if (db_begin(app->db, err) != HOP_OK)
		goto out;
	if (insert_trainees(app, c.id, logins, ids, n, detail, sizeof detail, err) != HOP_OK) {
		db_rollback(app->db);
		goto out;
	}
	free(ids);
	snprintf(object, sizeof object, "cohort:%s", c.name);
	return audit_commit(app, "cohort.trainee", object, detail, err);
out:
	free(ids);
	return err->status;
}

/* The station of cohort_id in team_id: *id 0 when none. */
static enum hop_status station_of(struct hop_app *app, int64_t cohort_id, int64_t team_id,
                                  int64_t *id, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id FROM cohort_station "
	                           "WHERE cohort_id = ?1 AND team_id = ?2", err);
	bool found;

	*id = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	db_bind_int64(st, 2, team_id);
	return db_get_int64(st, id, &found, _("reading a cohort's stations"), err);
}

/* The checks of a station that need no database. */
static enum hop_status check_station(const struct coh_row *c, const struct hop_team *t,
                                     const struct cohort_station_spec *s, int max,
                                     struct hop_err *err)
{
	if (s->months < 1)
		return hop_fail(err, HOP_EINVAL, _("station %s needs its length, at least one month"),
		                t->name);
	if (s->months > c->months)
		return hop_fail(err, HOP_EINVAL, _("station %s lasts %d months, longer than cohort %s "
		                "(%d months)"), t->name, s->months, c->name, c->months);
	if (s->min < 0 || s->max < 0)
		return hop_fail(err, HOP_EINVAL, _("the trainees at a time at station %s cannot be "
		                "fewer than none"), t->name);
	if (s->min > max)
		return hop_fail(err, HOP_EINVAL, _("station %s: the minimum of %d trainees at a time is "
		                "above the maximum of %d"), t->name, s->min, max);
	if (s->first && s->after && *s->after)
		return hop_fail(err, HOP_EINVAL, _("station %s cannot be the first and also come after "
		                "another"), t->name);
	return HOP_OK;
}

/* The trainees of cohort_id now (at least 1): a station's maximum when none
 * was given. */
static enum hop_status trainee_count(struct hop_app *app, int64_t cohort_id, int *n,
                                     struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT count(*) FROM cohort_trainee "
	                           "WHERE cohort_id = ?1", err);
	int64_t v = 0;
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, cohort_id);
	if (db_get_int64(st, &v, &found, _("reading cohorts"), err) != HOP_OK)
		return err->status;
	*n = v > 0 ? (int)v : 1;
	return HOP_OK;
}

enum hop_status cohort_station_set(struct hop_app *app, const char *cohort,
                                   const struct cohort_station_spec *spec,
                                   struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	struct hop_team t, after;
	int64_t id, after_id = 0, first_id = 0;
	int max;
	bool found;
	char object[HOP_COHORT_NAME_MAX + 8], detail[600];

	if (authz_cohort_keep(app, err) != HOP_OK || coh_find(app, cohort, &c, err) != HOP_OK)
		return err->status;
	if (!spec->team || !*spec->team)
		return hop_fail(err, HOP_EINVAL, _("a station needs its team"));
	if (team_find(app, spec->team, &t, err) != HOP_OK)
		return err->status;
	if (t.dissolved != HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("team '%s' is dissolved"), t.name);
	max = spec->max;
	if (!max && trainee_count(app, c.id, &max, err) != HOP_OK)
		return err->status;
	if (!spec->max && spec->min > max)
		max = spec->min;
	if (check_station(&c, &t, spec, max, err) != HOP_OK ||
	    station_of(app, c.id, t.id, &id, err) != HOP_OK)
		return err->status;
	if (spec->after && *spec->after) {
		if (team_find(app, spec->after, &after, err) != HOP_OK ||
		    station_of(app, c.id, after.id, &after_id, err) != HOP_OK)
			return err->status;
		if (after.id == t.id)
			return hop_fail(err, HOP_EINVAL, _("station %s cannot come after itself"), t.name);
		if (!after_id)
			return hop_fail(err, HOP_EINVAL, _("station %s cannot come after %s: cohort %s has "
			                "no station there"), t.name, after.name, c.name);
	}
	if (spec->first) {
		st = db_stmt(app->db, "SELECT s.id, t.name FROM cohort_station s JOIN team t ON "
		             "t.id = s.team_id WHERE s.cohort_id = ?1 AND s.first = 1 AND s.team_id <> ?2",
		             err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, c.id);
		db_bind_int64(st, 2, t.id);
		if (db_step(st) == DB_ROW) {
			first_id = db_col_int64(st, 0);
			snprintf(after.name, sizeof after.name, "%s", db_col_text(st, 1));
		}
		db_reset(st);
		if (first_id)
			return hop_fail(err, HOP_ECONFLICT, _("%s is already the first station of cohort "
			                "%s"), after.name, c.name);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (id)
		st = db_stmt(app->db, "UPDATE cohort_station SET months = ?3, min_trainees = ?4, "
		             "max_trainees = ?5, required = ?6, first = ?7, after_team_id = ?8 "
		             "WHERE cohort_id = ?1 AND team_id = ?2", err);
	else
		st = db_stmt(app->db, "INSERT INTO cohort_station (cohort_id, team_id, months, "
		             "min_trainees, max_trainees, required, first, after_team_id, position) "
		             "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(max(position), 0) + 1 "
		             "FROM cohort_station WHERE cohort_id = ?1", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	db_bind_int64(st, 2, t.id);
	db_bind_int(st, 3, spec->months);
	db_bind_int(st, 4, spec->min);
	db_bind_int(st, 5, max);
	db_bind_int(st, 6, !spec->optional);
	db_bind_int(st, 7, spec->first);
	if (after_id)
		db_bind_int64(st, 8, after.id);
	else
		db_bind_null(st, 8);
	if (db_step(st) != DB_DONE) {
		/* The CHECKs (min above max, after itself) stand behind the rules. */
		db_reset(st);
		db_fail(app->db, err, _("saving a station of a cohort"));
		goto fail;
	}
	db_reset(st);
	found = id != 0;
	snprintf(detail, sizeof detail, "%s %s: %d months, %d to %d at a time, %s%s%s%s",
	         found ? "changed" : "added", t.name, spec->months, spec->min, max,
	         spec->optional ? "optional" : "required", spec->first ? ", first" : "",
	         after_id ? ", after " : "", after_id ? after.name : "");
	snprintf(object, sizeof object, "cohort:%s", c.name);
	return audit_commit(app, "cohort.station", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}

enum hop_status cohort_block_add(struct hop_app *app, const char *cohort, hop_date from,
                                 hop_date until, const char *title, const char *login,
                                 struct hop_err *err)
{
	struct db_stmt *st;
	struct coh_row c;
	struct hop_person p;
	hop_date last;
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN], cs[HOP_DATE_ISO_LEN], ce[HOP_DATE_ISO_LEN];
	char object[HOP_COHORT_NAME_MAX + 8], detail[600];

	if (authz_cohort_keep(app, err) != HOP_OK || coh_find(app, cohort, &c, err) != HOP_OK)
		return err->status;
	if (from == HOP_DATE_NONE || until == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a block needs its first and its last day"));
	if (until < from)
		return hop_fail(err, HOP_EINVAL, _("the block would end before it begins"));
	title = title ? title : "";
	if (check_text(title, HOP_BLOCK_TITLE_MAX, _("the block's title is %zu bytes long; "
	               "at most %zu are allowed"), _("the block's title holds a control character"),
	               err) != HOP_OK)
		return err->status;
	last = coh_last_day(c.start, c.months);
	date_format(from, a);
	date_format(until, b);
	if (from < c.start || until > last)
		return hop_fail(err, HOP_EINVAL, _("the block from %s to %s lies outside cohort %s, "
		                "which runs from %s to %s"), a, b, c.name, date_format(c.start, cs),
		                date_format(last, ce));
	p.id = 0;
	if (login && *login) {
		bool trainee;
		if (person_get(app, login, &p, err) != HOP_OK)
			return err->status;
		st = db_stmt(app->db, "SELECT 1 FROM cohort_trainee WHERE cohort_id = ?1 "
		             "AND person_id = ?2", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, c.id);
		db_bind_int64(st, 2, p.id);
		if (db_get(st, NULL, NULL, &trainee, _("reading cohorts"), err) != HOP_OK)
			return err->status;
		if (!trainee)
			return hop_fail(err, HOP_EINVAL, _("%s is not a trainee of cohort %s"), p.name,
			                c.name);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "INSERT INTO cohort_block (cohort_id, person_id, start_on, end_on, "
	             "title) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	if (!st)
		goto fail;
	db_bind_int64(st, 1, c.id);
	if (p.id)
		db_bind_int64(st, 2, p.id);
	else
		db_bind_null(st, 2);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, until);
	db_bind_text(st, 5, title);
	if (db_run(st, _("adding a block to a cohort"), err) != HOP_OK)
		goto fail;
	snprintf(detail, sizeof detail, "%s to %s%s%s%s%s", a, b, title[0] ? ": " : "", title,
	         p.id ? " for " : "", p.id ? p.login : "");
	snprintf(object, sizeof object, "cohort:%s", c.name);
	return audit_commit(app, "cohort.block", object, detail, err);
fail:
	db_rollback(app->db);
	return err->status;
}
