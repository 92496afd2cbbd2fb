/* Adding a period of team membership: a post, a station, a secondment (in
 * a team of the house, or outside to another authority) or an acting post. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "membership_int.h"

static const char *const level_names[] = { "", "bund", "land", "kommune", "other" };
static const char *const level_shown[] = {
	"", N_("Bund"), N_("Land"), N_("Kommune"), N_("other employer"),
};
static const struct { const char *word; enum membership_host_level level; } level_words[] = {
	{ "bund", HOST_BUND }, { "federal", HOST_BUND },
	{ "land", HOST_LAND }, { "state", HOST_LAND },
	{ "kommune", HOST_KOMMUNE }, { "municipal", HOST_KOMMUNE }, { "local", HOST_KOMMUNE },
	{ "other", HOST_OTHER }, { "andere", HOST_OTHER }, { "private", HOST_OTHER },
};

const char *membership_host_level_name(enum membership_host_level l)
{
	return (unsigned)l <= HOST_OTHER ? level_names[l] : "";
}

const char *membership_host_level_display(enum membership_host_level l)
{
	return (unsigned)l <= HOST_OTHER && l != HOST_NONE ? _(level_shown[l]) : "";
}

enum hop_status membership_host_level_parse(const char *text, enum membership_host_level *l,
                                            struct hop_err *err)
{
	for (size_t i = 0; i < sizeof level_words / sizeof level_words[0]; i++) {
		if (text && strcasecmp(text, level_words[i].word) == 0) {
			*l = level_words[i].level;
			return HOP_OK;
		}
	}
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a kind of host; use bund, land, kommune "
	                "or other"), text ? text : "");
}

static enum hop_status check_period(hop_date from, hop_date until, struct hop_err *err)
{
	if (from == HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("a team membership needs its first day"));
	if (until != HOP_DATE_NONE && until < from)
		return hop_fail(err, HOP_EINVAL, _("the membership would end before it begins"));
	return HOP_OK;
}

static enum hop_status end_running_post(struct hop_app *app, int64_t person_id, hop_date from,
                                        struct hop_err *err)
{
	char at[24];
	struct db_stmt *st = db_stmt(app->db, "UPDATE membership SET end_on = ?3, seq = seq + 1, "
	                           "updated_at = ?4 WHERE person_id = ?1 AND kind = 'post' "
	                           "AND start_on < ?2 AND (end_on IS NULL OR end_on >= ?2)", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, from - 1);
	db_bind_text(st, 4, clock_timestamp(at));
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("changing a team membership"));
	return HOP_OK;
}

enum hop_status membership_add(struct hop_app *app, const char *login, const char *team,
                               enum membership_kind kind, hop_date from, hop_date until,
                               struct hop_err *err)
{
	struct hop_person p;
	struct hop_team t;
	char object[HOP_LOGIN_MAX + 8], detail[400], period[80];

	if (authz_membership_manage(app, err) != HOP_OK ||
	    person_get(app, login, &p, err) != HOP_OK || team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	if ((unsigned)kind >= MEMBER_KIND_COUNT)
		return hop_fail(err, HOP_EINVAL, _("unknown kind of membership"));
	if (check_period(from, until, err) != HOP_OK)
		return err->status;
	if (t.dissolved != HOP_DATE_NONE)
		return hop_fail(err, HOP_EINVAL, _("team '%s' is dissolved"), t.name);
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	snprintf(object, sizeof object, "person:%s", p.login);
	snprintf(detail, sizeof detail, "%s in %s %s", membership_kind_name(kind), t.name,
	         mb_period_text(from, until, period, sizeof period));
	/* A new post moves the person: the post they hold on its first day,
	 * begun earlier, ends the day before (history is kept). */
	if (kind == MEMBER_POST && end_running_post(app, p.id, from, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (mb_check_overlap(app, p.id, p.name, 0, kind, t.name, from, until, err) != HOP_OK ||
	    mb_insert_period(app, p.id, t.id, kind, from, until, NULL, HOST_NONE, NULL, err) != HOP_OK ||
	    mb_cache_person(app, p.id, err) != HOP_OK ||
	    audit_write(app, "membership.add", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}


enum hop_status membership_add_external(struct hop_app *app, const char *login,
                                        const char *team_of, const char *host,
                                        enum membership_host_level level, hop_date from,
                                        hop_date until, int64_t *id, struct hop_err *err)
{
	struct hop_person p;
	struct hop_team t;
	int64_t team_id = 0;
	char object[HOP_LOGIN_MAX + 8], detail[600], period[80];
	size_t n = host ? strlen(host) : 0;

	if (id)
		*id = 0;
	if (authz_membership_manage(app, err) != HOP_OK || person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	if (n == 0 || strspn(host, " ") == n)
		return hop_fail(err, HOP_EINVAL, _("a secondment outside needs the name of its host "
		                "authority"));
	if (n > HOP_HOST_MAX)
		return hop_fail(err, HOP_EINVAL, _("the host's name is %zu bytes long; at most %d "
		                "fit"), n, HOP_HOST_MAX);
	if (person_check_name(host, err) != HOP_OK)
		return err->status;
	if (level == HOST_NONE)
		level = HOST_OTHER;
	if (check_period(from, until, err) != HOP_OK)
		return err->status;
	if (team_of && *team_of) {
		if (team_find(app, team_of, &t, err) != HOP_OK)
			return err->status;
		team_id = t.id;
	} else {
		/* Seconded from the team they belong to on the first day. */
		struct db_stmt *st = db_stmt(app->db, "SELECT m.team_id, t.name FROM membership m "
		                           "JOIN team t ON t.id = m.team_id WHERE m.person_id = ?1 "
		                           "AND m.kind IN ('post', 'station') AND m.start_on <= ?2 "
		                           "AND (m.end_on IS NULL OR m.end_on >= ?2) "
		                           "ORDER BY m.kind = 'station' DESC LIMIT 1", err);
		int rc;

		if (!st)
			return err->status;
		db_bind_int64(st, 1, p.id);
		db_bind_date(st, 2, from);
		rc = db_step(st);
		if (rc == DB_ROW) {
			team_id = db_col_int64(st, 0);
			db_col_copy(st, 1, t.name, sizeof t.name);
		}
		db_reset(st);
		if (rc != DB_ROW && rc != DB_DONE)
			return db_fail(app->db, err, _("reading team memberships"));
		if (!team_id)
			return hop_fail(err, HOP_EINVAL, _("%s belongs to no team on the first day of the "
			                "secondment; name the team they are seconded from"), p.name);
	}
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	snprintf(object, sizeof object, "person:%s", p.login);
	snprintf(detail, sizeof detail, "secondment from %s to %s (%s) %s", t.name, host,
	         membership_host_level_name(level), mb_period_text(from, until, period,
	         sizeof period));
	if (mb_insert_period(app, p.id, team_id, MEMBER_SECONDMENT, from, until, host, level, id,
	                     err) != HOP_OK ||
	    mb_cache_person(app, p.id, err) != HOP_OK ||
	    audit_write(app, "membership.add", object, detail, err) != HOP_OK ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}

enum hop_status membership_insert(struct hop_app *app, int64_t person_id, int64_t team_id,
                                  enum membership_kind kind, hop_date from, hop_date until,
                                  int64_t cohort_id, int64_t *id, struct hop_err *err)
{
	char name[HOP_NAME_MAX + 1] = "", team[HOP_TEAM_NAME_MAX + 1] = "";
	struct db_stmt *st = db_stmt(app->db, "SELECT p.name, t.name FROM person p, team t "
	                           "WHERE p.id = ?1 AND t.id = ?2", err);
	int64_t new_id = 0;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_int64(st, 2, team_id);
	if (db_step(st) == DB_ROW) {
		db_col_copy(st, 0, name, sizeof name);
		db_col_copy(st, 1, team, sizeof team);
	}
	db_reset(st);
	if (check_period(from, until, err) != HOP_OK ||
	    mb_check_overlap(app, person_id, name, 0, kind, team, from, until, err) != HOP_OK ||
	    mb_insert_period(app, person_id, team_id, kind, from, until, NULL, HOST_NONE, &new_id,
	                     err) != HOP_OK)
		return err->status;
	if (cohort_id) {
		st = db_stmt(app->db, "UPDATE membership SET cohort_id = ?2 WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, new_id);
		db_bind_int64(st, 2, cohort_id);
		if (db_step(st) != DB_DONE) {
			db_reset(st);
			return db_fail(app->db, err, _("adding a team membership"));
		}
		db_reset(st);
	}
	if (id)
		*id = new_id;
	return mb_cache_person(app, person_id, err);
}

enum hop_status membership_set_period(struct hop_app *app, int64_t id, hop_date from,
                                      hop_date until, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT person_id, start_on, kind, team_id "
	                           "FROM membership WHERE id = ?1", err);
	char at[24], name[HOP_NAME_MAX + 1] = "", team[HOP_TEAM_NAME_MAX + 1] = "";
	hop_date start, today = clock_today();
	int64_t person_id, team_id;
	enum membership_kind kind = MEMBER_POST;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		return rc == DB_DONE ? hop_fail(err, HOP_ENOTFOUND, _("that team membership does not "
		                                "exist")) : db_fail(app->db, err,
		                                _("reading team memberships"));
	}
	person_id = db_col_int64(st, 0);
	start = db_col_date(st, 1);
	membership_kind_parse(db_col_text(st, 2), &kind, err);
	team_id = db_col_int64(st, 3);
	db_reset(st);
	if (from == HOP_DATE_NONE && start < today) {
		/* It has begun: what held stays on record, it ends yesterday. */
		from = start;
		until = today - 1;
	}
	if (from == HOP_DATE_NONE) {
		st = db_stmt(app->db, "DELETE FROM membership WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, id);
	} else {
		if (check_period(from, until, err) != HOP_OK)
			return err->status;
		st = db_stmt(app->db, "SELECT p.name, t.name FROM person p, team t "
		             "WHERE p.id = ?1 AND t.id = ?2", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, person_id);
		db_bind_int64(st, 2, team_id);
		if (db_step(st) == DB_ROW) {
			db_col_copy(st, 0, name, sizeof name);
			db_col_copy(st, 1, team, sizeof team);
		}
		db_reset(st);
		if (mb_check_overlap(app, person_id, name, id, kind, team, from, until, err) != HOP_OK)
			return err->status;
		st = db_stmt(app->db, "UPDATE membership SET start_on = ?2, end_on = ?3, "
		             "seq = seq + 1, updated_at = ?4 WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, id);
		db_bind_date(st, 2, from);
		db_bind_date(st, 3, until);
		db_bind_text(st, 4, clock_timestamp(at));
	}
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_CHECK)
		return hop_fail(err, HOP_ECONFLICT, _("the team membership overlaps another post or "
		                "station of the same person"));
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("changing a team membership"));
	return mb_cache_person(app, person_id, err);
}
