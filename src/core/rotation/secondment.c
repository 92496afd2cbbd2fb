/* Secondments (Abordnungen, ROT-5): what one needs (the person's consent,
 * the staff council) and the list of those in force over a stretch of days,
 * inside the organisation to a team or outside to a named authority. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/rotation/rotation.h"

void rotation_secondment_list_free(struct rotation_secondment_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void rotation_secondment_flags(struct hop_app *app, hop_date from, hop_date until,
                               bool external, struct rotation_flags *out)
{
	memset(out, 0, sizeof *out);
	if (from == HOP_DATE_NONE)
		return;
	if (until == HOP_DATE_NONE) {
		/* Open-ended: longer than any limit. */
		out->consent = out->personalrat = true;
		return;
	}
	/* Months begun: 01.01.2027-30.06.2029 is 30, one more day 31; "longer
	 * than N months" is then months > N. */
	while (out->months < 1200 && date_add_months(from, out->months) <= until)
		out->months++;
	out->consent = external || out->months > app->cfg.rotation_consent_after_months;
	out->personalrat = out->months > app->cfg.rotation_personalrat_after_months;
}

/* The team a secondment is from: outside, the period's own team; inside,
 * the person's station or post on its first day. */
#define FROM_TEAM_SQL \
	"CASE WHEN m.host IS NOT NULL THEN m.team_id ELSE (SELECT pm.team_id FROM membership pm " \
	"WHERE pm.person_id = m.person_id AND pm.kind IN ('post', 'station') " \
	"AND pm.start_on <= m.start_on AND (pm.end_on IS NULL OR pm.end_on >= m.start_on) " \
	"ORDER BY pm.kind = 'station' DESC LIMIT 1) END"

static enum hop_status read_rows(struct hop_app *app, struct db_stmt *st,
                                 struct rotation_secondment_list *out, struct hop_err *err)
{
	struct hop_err quiet;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		struct rotation_secondment *s;
		const char *level = db_col_text(st, 5);

		if (!vec_grow(&out->v, &out->cap, out->n + 1, sizeof *out->v)) {
			db_reset(st);
			return hop_fail(err, HOP_ENOMEM, _("out of memory while listing secondments"));
		}
		s = &out->v[out->n++];
		memset(s, 0, sizeof *s);
		s->membership_id = db_col_int64(st, 0);
		db_col_copy(st, 1, s->login, sizeof s->login);
		db_col_copy(st, 2, s->name, sizeof s->name);
		db_col_copy(st, 3, s->from_team, sizeof s->from_team);
		db_col_copy(st, 4, s->host, sizeof s->host);
		s->level = HOST_NONE;
		if (level && *level && membership_host_level_parse(level, &s->level, &quiet) != HOP_OK)
			s->level = HOST_OTHER;
		s->start = db_col_date(st, 6);
		s->end = db_col_date(st, 7);
		rotation_secondment_flags(app, s->start, s->end, s->level != HOST_NONE, &s->flags);
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("listing secondments"));
	return HOP_OK;
}

enum hop_status rotation_secondments(struct hop_app *app, const char *team, hop_date from,
                                     hop_date to, struct rotation_secondment_list *out,
                                     struct hop_err *err)
{
	struct hop_team t = { 0 };
	struct db_stmt *st;
	int64_t lead = 0, self = 0;
	enum hop_status rc;

	memset(out, 0, sizeof *out);
	if (team && *team && team_find(app, team, &t, err) != HOP_OK)
		return err->status;
	if (authz_rotation_move_scope(app, t.id, &lead, &self, err) != HOP_OK)
		return err->status;
	if (from != HOP_DATE_NONE && to != HOP_DATE_NONE && to < from)
		return hop_fail(err, HOP_EINVAL, _("the last day comes before the first"));
	/* A team's secondments: those from it and, inside, those to it. */
	st = db_stmt(app->db, "SELECT x.id, p.login, p.name, coalesce(f.name, ''), "
	             "coalesce(x.host, h.name), coalesce(x.host_level, ''), x.start_on, x.end_on "
	             "FROM (SELECT m.id, m.person_id, m.team_id, m.host, m.host_level, m.start_on, "
	             "m.end_on, " FROM_TEAM_SQL " AS ft FROM membership m "
	             "WHERE m.kind = 'secondment' AND (?2 IS NULL OR m.start_on <= ?2) "
	             "AND (m.end_on IS NULL OR ?1 IS NULL OR m.end_on >= ?1)) x "
	             "JOIN person p ON p.id = x.person_id JOIN team h ON h.id = x.team_id "
	             "LEFT JOIN team f ON f.id = x.ft "
	             "WHERE (?3 = 0 OR x.ft = ?3 OR (x.host IS NULL AND x.team_id = ?3)) "
	             "AND ((?4 = 0 AND ?5 = 0) OR p.id = ?5 OR EXISTS (SELECT 1 FROM team l "
	             "WHERE l.lead_id = ?4 AND (l.id = x.ft OR (x.host IS NULL AND l.id = x.team_id)))) "
	             "ORDER BY x.start_on, p.name COLLATE hop, x.id", err);
	if (!st)
		return err->status;
	db_bind_date(st, 1, from);
	db_bind_date(st, 2, to);
	db_bind_int64(st, 3, t.id);
	db_bind_int64(st, 4, lead);
	db_bind_int64(st, 5, self);
	rc = read_rows(app, st, out, err);
	if (rc != HOP_OK)
		rotation_secondment_list_free(out);
	return rc;
}
