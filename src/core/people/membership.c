/* Team membership over time: the team of a person on a day, their history,
 * adding a period, and keeping person.team_id (the cache the rest of hop
 * reads) in step with the periods. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hop/core/app.h"
#include "hop/core/audit.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/people/membership.h"
#include "membership_int.h"

static const char *const kind_names[MEMBER_KIND_COUNT] = {
	"post", "station", "secondment", "acting",
};
static const char *const kind_shown[MEMBER_KIND_COUNT] = {
	N_("post"), N_("station"), N_("secondment"), N_("acting"),
};
static const struct { const char *word; enum membership_kind kind; } kind_words[] = {
	{ "post", MEMBER_POST }, { "stelle", MEMBER_POST }, { "stammstelle", MEMBER_POST },
	{ "station", MEMBER_STATION }, { "ausbildungsstation", MEMBER_STATION },
	{ "secondment", MEMBER_SECONDMENT }, { "abordnung", MEMBER_SECONDMENT },
	{ "hospitation", MEMBER_SECONDMENT },
	{ "acting", MEMBER_ACTING }, { "vertretung", MEMBER_ACTING },
};

const char *membership_kind_name(enum membership_kind k)
{
	return (unsigned)k < MEMBER_KIND_COUNT ? kind_names[k] : "";
}

const char *membership_kind_display(enum membership_kind k)
{
	return (unsigned)k < MEMBER_KIND_COUNT ? _(kind_shown[k]) : "";
}

enum hop_status membership_kind_parse(const char *text, enum membership_kind *k,
                                      struct hop_err *err)
{
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++) {
		if (text && strcasecmp(text, kind_words[i].word) == 0) {
			*k = kind_words[i].kind;
			return HOP_OK;
		}
	}
	return hop_fail(err, HOP_EINVAL, _("'%s' is not a kind of membership; use post, station, "
	                "secondment or acting"), text ? text : "");
}

static enum membership_kind kind_from_text(const char *text)
{
	for (int k = 0; k < MEMBER_KIND_COUNT; k++)
		if (text && strcmp(text, kind_names[k]) == 0)
			return (enum membership_kind)k;
	return MEMBER_POST;
}

static bool primary(enum membership_kind k)
{
	return k == MEMBER_POST || k == MEMBER_STATION;
}

/* "from 2026-12-01" or "from 2026-12-01 to 2027-02-28", for messages. */
const char *mb_period_text(hop_date from, hop_date to, char *buf, size_t size)
{
	char a[HOP_DATE_ISO_LEN], b[HOP_DATE_ISO_LEN];

	if (to == HOP_DATE_NONE)
		snprintf(buf, size, _("from %s"), date_format(from, a));
	else
		snprintf(buf, size, _("from %s to %s"), date_format(from, a), date_format(to, b));
	return buf;
}

/* ---- the team on a day ---- */

enum hop_status membership_team_on(struct hop_app *app, int64_t person_id, hop_date day,
                                   int64_t *team_id, struct hop_err *err)
{
	/* A secondment covering the day wins, then a station over the post; an
	 * acting post is held besides one's own team. */
	struct db_stmt *st = db_stmt(app->db, "SELECT CASE WHEN m.host IS NULL THEN m.team_id "
	                           "ELSE 0 END FROM membership m "
	                           "WHERE m.person_id = ?1 AND m.kind <> 'acting' "
	                           "AND m.start_on <= ?2 AND (m.end_on IS NULL OR m.end_on >= ?2) "
	                           "ORDER BY " MEMBERSHIP_RANK_SQL " DESC, m.start_on DESC LIMIT 1",
	                           err);
	int rc;

	*team_id = 0;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW)
		*team_id = db_col_int64(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading team memberships"));
	return HOP_OK;
}

/* ---- the cache: person.team_id ---- */

/* Today's team, else the first primary team still to come (a new hire's
 * team before their first day), else none.  During a secondment outside it
 * stays the team the person was seconded from: they still belong there. */
#define CACHE_SET "UPDATE person SET team_id = coalesce(" \
	"(SELECT m.team_id FROM membership m WHERE m.person_id = person.id AND m.kind <> 'acting' " \
	"AND m.start_on <= ?2 AND (m.end_on IS NULL OR m.end_on >= ?2) " \
	"ORDER BY " MEMBERSHIP_RANK_SQL " DESC, m.start_on DESC LIMIT 1), " \
	"(SELECT m.team_id FROM membership m WHERE m.person_id = person.id " \
	"AND m.kind IN ('post', 'station') AND m.start_on > ?2 ORDER BY m.start_on LIMIT 1)) "

enum hop_status mb_cache_person(struct hop_app *app, int64_t person_id, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, CACHE_SET "WHERE person.id = ?1", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_today(st, 2);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("updating a person's team"));
	return HOP_OK;
}

static enum hop_status state_get(struct hop_app *app, hop_date *day, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT value FROM app_state "
	                           "WHERE key = 'team_refresh'", err);
	int rc;

	*day = HOP_DATE_NONE;
	if (!st)
		return err->status;
	rc = db_step(st);
	if (rc == DB_ROW)
		*day = db_col_date(st, 0);
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading the day of the last team update"));
	return HOP_OK;
}

static enum hop_status refresh_people(struct hop_app *app, hop_date last, hop_date today,
                                      struct hop_err *err)
{
	struct db_stmt *st;
	hop_date lo = last < today ? last : today, hi = last < today ? today : last;
	int rc;

	if (last == HOP_DATE_NONE) {
		st = db_stmt(app->db, CACHE_SET "WHERE person.id IN (SELECT person_id FROM membership)",
		             err);
	} else {
		/* Periods that began after lo up to hi, or ended from lo to before
		 * hi: in force on one of the two days and not on the other. */
		st = db_stmt(app->db, CACHE_SET "WHERE person.id IN ("
		             "SELECT person_id FROM membership WHERE start_on > ?3 AND start_on <= ?4 "
		             "UNION SELECT person_id FROM membership WHERE end_on >= ?3 AND end_on < ?4)",
		             err);
	}
	if (!st)
		return err->status;
	db_bind_today(st, 2);
	if (last != HOP_DATE_NONE) {
		db_bind_date(st, 3, lo);
		db_bind_date(st, 4, hi);
	}
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("updating people's teams"));
	st = db_stmt(app->db, "INSERT INTO app_state (key, value) VALUES ('team_refresh', ?1) "
	             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, today);
	rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("noting the day of the team update"));
	return HOP_OK;
}

enum hop_status membership_refresh(struct hop_app *app, struct hop_err *err)
{
	hop_date last, today = clock_today();

	/* The usual case, a read and nothing else: already done today. */
	if (state_get(app, &last, err) != HOP_OK)
		return err->status;
	if (last == today)
		return HOP_OK;
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	/* Another process may have done it meanwhile. */
	if (state_get(app, &last, err) != HOP_OK ||
	    (last != today && refresh_people(app, last, today, err) != HOP_OK) ||
	    db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	return HOP_OK;
}

/* ---- periods ---- */

/* A period of the same primary kind (post or station) of person_id
 * overlapping from..until (other than except_id): HOP_ECONFLICT naming both
 * periods, said of name. */
enum hop_status mb_check_overlap(struct hop_app *app, int64_t person_id, const char *name,
                                     int64_t except_id, enum membership_kind kind,
                                     const char *team, hop_date from, hop_date until,
                                     struct hop_err *err)
{
	struct db_stmt *st;
	char theirs[80], ours[80], other[HOP_TEAM_NAME_MAX + 1];
	enum membership_kind k;
	hop_date s, e;
	int rc;

	if (!primary(kind))
		return HOP_OK;
	st = db_stmt(app->db, "SELECT m.kind, m.start_on, m.end_on, t.name FROM membership m "
	             "JOIN team t ON t.id = m.team_id WHERE m.person_id = ?1 AND m.id <> ?4 "
	             "AND m.kind = ?5 "
	             "AND m.start_on <= coalesce(?3, '9999-12-31') "
	             "AND coalesce(m.end_on, '9999-12-31') >= ?2 ORDER BY m.start_on LIMIT 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, until);
	db_bind_int64(st, 4, except_id);
	db_bind_text(st, 5, membership_kind_name(kind));
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading team memberships"));
	}
	k = kind_from_text(db_col_text(st, 0));
	s = db_col_date(st, 1);
	e = db_col_date(st, 2);
	db_col_copy(st, 3, other, sizeof other);
	db_reset(st);
	return hop_fail(err, HOP_ECONFLICT, _("%s holds the %s in %s %s; the %s in %s %s would "
	                "overlap it, and a person holds one post or station at a time"),
	                name, membership_kind_display(k), other,
	                mb_period_text(s, e, theirs, sizeof theirs), membership_kind_display(kind), team,
	                mb_period_text(from, until, ours, sizeof ours));
}

enum hop_status mb_insert_period(struct hop_app *app, int64_t person_id, int64_t team_id,
                                     enum membership_kind kind, hop_date from, hop_date until,
                                     const char *host, enum membership_host_level level,
                                     int64_t *id, struct hop_err *err)
{
	char at[24];
	struct db_stmt *st = db_stmt(app->db, "INSERT INTO membership (person_id, team_id, kind, "
	                           "start_on, end_on, created_at, host, host_level) "
	                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_int64(st, 2, team_id);
	db_bind_text(st, 3, membership_kind_name(kind));
	db_bind_date(st, 4, from);
	db_bind_date(st, 5, until);
	db_bind_text(st, 6, clock_timestamp(at));
	db_bind_text(st, 7, host && *host ? host : NULL);
	db_bind_text(st, 8, level != HOST_NONE ? membership_host_level_name(level) : NULL);
	rc = db_step(st);
	db_reset(st);
	if (rc == DB_CHECK)
		return hop_fail(err, HOP_ECONFLICT, _("the team membership overlaps another post or "
		                "station of the same person"));
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("adding a team membership"));
	if (id)
		*id = db_last_id(app->db);
	return HOP_OK;
}

/* Step a change of a period, bound by the caller, and check it was made. */
static enum hop_status change_period(struct hop_app *app, struct db_stmt *st,
                                     struct hop_err *err)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc == DB_CHECK)
		return hop_fail(err, HOP_ECONFLICT, _("the team membership overlaps another post or "
		                "station of the same person"));
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("changing a team membership"));
	return HOP_OK;
}

enum hop_status mb_person_added(struct hop_app *app, int64_t person_id, int64_t team_id,
                                hop_date start, struct hop_err *err)
{
	if (!team_id)
		return HOP_OK;
	return mb_insert_period(app, person_id, team_id, MEMBER_POST, start, HOP_DATE_NONE, NULL,
	                     HOST_NONE, NULL, err);
}

enum hop_status mb_start_changed(struct hop_app *app, int64_t person_id, hop_date old_start,
                                 hop_date new_start, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT id, start_on, end_on FROM membership "
	                           "WHERE person_id = ?1 AND kind IN ('post', 'station') "
	                           "ORDER BY start_on LIMIT 1", err);
	int64_t id;
	hop_date s, e;
	int rc;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		return rc == DB_DONE ? HOP_OK : db_fail(app->db, err, _("reading team memberships"));
	}
	id = db_col_int64(st, 0);
	s = db_col_date(st, 1);
	e = db_col_date(st, 2);
	db_reset(st);
	/* Only a first post that began with the employment follows it: a later
	 * start of the first post was meant. */
	if (s != old_start || (e != HOP_DATE_NONE && new_start > e))
		return HOP_OK;
	st = db_stmt(app->db, "UPDATE membership SET start_on = ?2 WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, id);
	db_bind_date(st, 2, new_start);
	return change_period(app, st, err);
}

struct period { int64_t id; enum membership_kind kind; hop_date start, end; };

enum hop_status mb_team_changed(struct hop_app *app, int64_t person_id, int64_t team_id,
                                hop_date start, struct hop_err *err)
{
	struct period v[16];
	size_t n = 0;
	bool reused = false;
	hop_date today = clock_today(), from;
	struct db_stmt *st;
	int rc;

	/* From today; from the start date for someone not yet started. */
	from = today > start ? today : start;
	/* The posts still running on that day or to come: a few at most.  A
	 * station overlays the post and runs its course. */
	st = db_stmt(app->db, "SELECT id, kind, start_on, end_on FROM membership "
	             "WHERE person_id = ?1 AND kind = 'post' "
	             "AND (end_on IS NULL OR end_on >= ?2) ORDER BY start_on", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, from);
	while ((rc = db_step(st)) == DB_ROW && n < sizeof v / sizeof v[0]) {
		v[n].id = db_col_int64(st, 0);
		v[n].kind = kind_from_text(db_col_text(st, 1));
		v[n].start = db_col_date(st, 2);
		v[n].end = db_col_date(st, 3);
		n++;
	}
	db_reset(st);
	if (rc != DB_DONE && rc != DB_ROW)
		return db_fail(app->db, err, _("reading team memberships"));
	for (size_t i = 0; i < n; i++) {
		if (v[i].start < from) {
			st = db_stmt(app->db, "UPDATE membership SET end_on = ?2 WHERE id = ?1", err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, v[i].id);
			db_bind_date(st, 2, from - 1);
			if (change_period(app, st, err) != HOP_OK)
				return err->status;
		} else if (v[i].kind == MEMBER_POST && v[i].end == HOP_DATE_NONE && team_id &&
		           !reused) {
			/* A post that has not begun yet simply changes its team. */
			st = db_stmt(app->db, "UPDATE membership SET start_on = ?2, team_id = ?3 "
			             "WHERE id = ?1", err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, v[i].id);
			db_bind_date(st, 2, from);
			db_bind_int64(st, 3, team_id);
			if (change_period(app, st, err) != HOP_OK)
				return err->status;
			reused = true;
		} else if (v[i].kind == MEMBER_POST) {
			/* Replaced before it began: nothing of it ever held. */
			st = db_stmt(app->db, "DELETE FROM membership WHERE id = ?1", err);
			if (!st)
				return err->status;
			db_bind_int64(st, 1, v[i].id);
			if (change_period(app, st, err) != HOP_OK)
				return err->status;
		}
	}
	if (team_id && !reused) {
		struct db_stmt *q = db_stmt(app->db, "SELECT p.name, t.name FROM person p, team t "
		                          "WHERE p.id = ?1 AND t.id = ?2", err);
		char name[HOP_NAME_MAX + 1] = "", team[HOP_TEAM_NAME_MAX + 1] = "";
		if (!q)
			return err->status;
		db_bind_int64(q, 1, person_id);
		db_bind_int64(q, 2, team_id);
		if (db_step(q) == DB_ROW) {
			db_col_copy(q, 0, name, sizeof name);
			db_col_copy(q, 1, team, sizeof team);
		}
		db_reset(q);
		if (mb_check_overlap(app, person_id, name, 0, MEMBER_POST, team, from, HOP_DATE_NONE,
		                  err) != HOP_OK ||
		    mb_insert_period(app, person_id, team_id, MEMBER_POST, from, HOP_DATE_NONE, NULL,
		                  HOST_NONE, NULL, err) != HOP_OK)
			return err->status;
	}
	return HOP_OK;
}

/* ---- history ---- */

void membership_list_free(struct hop_membership_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void read_membership(struct db_stmt *st, void *out)
{
	struct hop_membership *m = out;

	memset(m, 0, sizeof *m);
	m->id = db_col_int64(st, 0);
	m->team_id = db_col_int64(st, 1);
	db_col_copy(st, 2, m->team, sizeof m->team);
	db_col_copy(st, 3, m->team_slug, sizeof m->team_slug);
	m->kind = kind_from_text(db_col_text(st, 4));
	m->start = db_col_date(st, 5);
	m->end = db_col_date(st, 6);
	db_col_copy(st, 7, m->host, sizeof m->host);
	m->host_level = HOST_NONE;
	for (int l = HOST_BUND; l <= HOST_OTHER; l++)
		if (strcmp(db_col_text(st, 8), membership_host_level_name((enum membership_host_level)l)) == 0)
			m->host_level = (enum membership_host_level)l;
	m->cohort_id = db_col_int64(st, 9);
	m->seq = db_col_int(st, 10);
}

static const struct collect membership_rows = {
	sizeof(struct hop_membership), read_membership,
	N_("out of memory while reading team memberships"), N_("reading team memberships"),
};

enum hop_status membership_history(struct hop_app *app, const char *login,
                                   struct hop_membership_list *out, struct hop_err *err)
{
	struct hop_person p;
	struct db_stmt *st;

	memset(out, 0, sizeof *out);
	if (person_get(app, login, &p, err) != HOP_OK)
		return err->status;
	st = db_stmt(app->db, "SELECT m.id, m.team_id, t.name, t.slug, m.kind, m.start_on, m.end_on, "
	             "coalesce(m.host, ''), coalesce(m.host_level, ''), coalesce(m.cohort_id, 0), m.seq "
	             "FROM membership m JOIN team t ON t.id = m.team_id WHERE m.person_id = ?1 "
	             "ORDER BY m.start_on, m.id", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	return collect_rows(app->db, st, &membership_rows, &out->v, &out->n, &out->cap, err);
}
