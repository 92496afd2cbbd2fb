/* Moves: an assignment inside the organisation or a secondment outside, with
 * its flags and, on request, the handover and the new team's onboarding in
 * the same transaction (ROT-5, ROT-9); and whether a person is away on a
 * secondment outside on a day (ROT-6: no desk at home then). */
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/core/rotation/move.h"

void rotation_host_split(const char *text, char *host, size_t size,
                         enum membership_host_level *level)
{
	const char *colon = text ? strchr(text, ':') : NULL;
	char word[32];
	struct hop_err quiet;
	size_t n;

	*level = HOST_NONE;
	snprintf(host, size, "%s", text ? text : "");
	if (!colon || (n = (size_t)(colon - text)) == 0 || n >= sizeof word)
		return;
	memcpy(word, text, n);
	word[n] = '\0';
	while (n && word[n - 1] == ' ')
		word[--n] = '\0';
	/* Only a word that names a level: "Stadt Köln: Amt 12" stays whole. */
	if (membership_host_level_parse(word, level, &quiet) != HOP_OK) {
		*level = HOST_NONE;
		return;
	}
	colon++;
	while (*colon == ' ')
		colon++;
	snprintf(host, size, "%s", colon);
}

enum hop_status rotation_away_on(struct hop_app *app, int64_t person_id, hop_date day,
                                 bool *away, char *host, hop_date *start, hop_date *end,
                                 struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, "SELECT m.host, m.start_on, m.end_on "
	                           "FROM membership m WHERE m.person_id = ?1 "
	                           "AND m.kind = 'secondment' AND m.host IS NOT NULL "
	                           "AND m.start_on <= ?2 AND (m.end_on IS NULL OR m.end_on >= ?2) "
	                           "ORDER BY m.start_on DESC LIMIT 1", err);
	int rc;

	*away = false;
	if (!st)
		return err->status;
	db_bind_int64(st, 1, person_id);
	db_bind_date(st, 2, day);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*away = true;
		if (host)
			db_col_copy(st, 0, host, HOP_HOST_MAX + 1);
		if (start)
			*start = db_col_date(st, 1);
		if (end)
			*end = db_col_date(st, 2);
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(app->db, err, _("reading secondments"));
	return HOP_OK;
}

/* The team person_id is in on day without the move: their station or post
 * that day, else the team they belong to now. */
static enum hop_status team_before(struct hop_app *app, const struct hop_person *p, hop_date day,
                                   int64_t *team_id, struct hop_err *err)
{
	if (membership_team_on(app, p->id, day, team_id, err) != HOP_OK)
		return err->status;
	if (!*team_id)
		*team_id = p->team_id;
	return HOP_OK;
}

static enum hop_status move_in_tx(struct hop_app *app, const struct rotation_move *m,
                                  const struct hop_person *p, struct rotation_move_result *r,
                                  struct hop_err *err)
{
	struct hop_team t = { 0 };
	int64_t from_team = 0, to_team = 0;
	bool outside = m->host != NULL;
	const char *team = m->team && *m->team && strcmp(m->team, "-") != 0 ? m->team : NULL;

	if (team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	if (team_before(app, p, m->from, &from_team, err) != HOP_OK)
		return err->status;
	if (outside) {
		enum membership_host_level level = m->level;
		rotation_host_split(m->host, r->host, sizeof r->host, &r->level);
		if (level != HOST_NONE && r->level != HOST_NONE && level != r->level)
			return hop_fail(err, HOP_EINVAL, _("the host '%s' names the level %s, but %s "
			                "was asked for; give one of them"), m->host,
			                membership_host_level_display(r->level),
			                membership_host_level_display(level));
		if (level != HOST_NONE)
			r->level = level;
		if (r->level == HOST_NONE)
			r->level = HOST_OTHER;
		if (membership_add_external(app, p->login, team, r->host, r->level, m->from, m->until,
		                            &r->membership_id, err) != HOP_OK)
			return err->status;
		/* Seconded from the team named, else their team then. */
		if (t.id)
			from_team = t.id;
		snprintf(r->team, sizeof r->team, "%s", t.id ? t.name : "");
		r->secondment = true;
	} else {
		if (!team)
			return hop_fail(err, HOP_EINVAL, _("an assignment inside the organisation needs "
			                "the team"));
		if (membership_add(app, p->login, t.name, m->kind, m->from, m->until, err) != HOP_OK)
			return err->status;
		to_team = t.id;
		snprintf(r->team, sizeof r->team, "%s", t.name);
		r->secondment = m->kind == MEMBER_SECONDMENT;
	}
	if (!r->team[0] && from_team) {
		struct db_stmt *st = db_stmt(app->db, "SELECT name FROM team WHERE id = ?1", err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, from_team);
		if (db_step(st) == DB_ROW)
			db_col_copy(st, 0, r->team, sizeof r->team);
		db_reset(st);
	}
	if (r->secondment)
		rotation_secondment_flags(app, m->from, m->until, outside, &r->flags);
	if (!m->handover)
		return HOP_OK;
	return onboarding_start_move(app, p->id, from_team, to_team, m->from, &r->move, err);
}

enum hop_status rotation_move(struct hop_app *app, const struct rotation_move *m,
                              struct rotation_move_result *out, struct hop_err *err)
{
	struct rotation_move_result r;
	struct hop_person p;

	memset(&r, 0, sizeof r);
	if (out)
		*out = r;
	if (authz_membership_manage(app, err) != HOP_OK || person_get(app, m->login, &p, err) != HOP_OK)
		return err->status;
	if (m->host && m->kind != MEMBER_SECONDMENT)
		return hop_fail(err, HOP_EINVAL, _("a host outside the organisation is for a "
		                "secondment, not for a %s"), membership_kind_display(m->kind));
	if (db_begin(app->db, err) != HOP_OK)
		return err->status;
	if (move_in_tx(app, m, &p, &r, err) != HOP_OK || db_commit(app->db, err) != HOP_OK) {
		db_rollback(app->db);
		return err->status;
	}
	if (out)
		*out = r;
	return HOP_OK;
}
