/* The feed source of rotation: stations and secondments as all-day events
 * over their period (DTEND the day after the last), in the person's feed
 * ("Station: Referat 3", "Secondment: Landesamt X") and in the feed of the
 * team they join meanwhile ("Station of Anton Azubi").  A period still open
 * shows on its first day only, its title saying "from".  The UID is the
 * period's; SEQUENCE its seq, which grows whenever a published plan or HR
 * moves the period, so calendars replace the event. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/i18n.h"
#include "hop/db/db.h"
#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "feed_int.h"

#define UID_MAX 400
#define TEXT_MAX 800

/* Columns: 0 id, 1 kind, 2 team (the host team, or the team seconded from),
 * 3 host outside, 4 host level, 5 start, 6 end, 7 seq, 8 person's name,
 * 9 their post's team on the first day ("" none).  Periods overlapping the
 * feed's ?2..?3; an open one from its first day on. */
#define ROT_SELECT "SELECT m.id, m.kind, t.name, coalesce(m.host, ''), " \
	"coalesce(m.host_level, ''), m.start_on, m.end_on, m.seq, p.name, " \
	"coalesce((SELECT ht.name FROM membership h JOIN team ht ON ht.id = h.team_id " \
	"WHERE h.person_id = m.person_id AND h.kind = 'post' AND h.start_on <= m.start_on " \
	"AND (h.end_on IS NULL OR h.end_on >= m.start_on) LIMIT 1), '') " \
	"FROM membership m JOIN team t ON t.id = m.team_id JOIN person p ON p.id = m.person_id "
#define ROT_SPAN "AND m.kind IN ('station', 'secondment') AND m.start_on <= ?3 " \
	"AND (m.end_on IS NULL OR m.end_on >= ?2) ORDER BY m.start_on, m.id"

static enum membership_host_level level_of(const char *text)
{
	for (int l = HOST_BUND; l <= HOST_OTHER; l++)
		if (strcmp(text, membership_host_level_name((enum membership_host_level)l)) == 0)
			return (enum membership_host_level)l;
	return HOST_NONE;
}

static enum hop_status period_event(struct hop_app *app, struct db_stmt *st, bool team_feed,
                                    struct ics_writer *w, struct hop_err *err)
{
	char uid[UID_MAX], summary[TEXT_MAX], desc[TEXT_MAX], team[HOP_TEAM_NAME_MAX + 1],
	     host[HOP_HOST_MAX + 1], name[HOP_NAME_MAX + 1], home[HOP_TEAM_NAME_MAX + 1],
	     first[HOP_DATE_ISO_LEN], last[HOP_DATE_ISO_LEN], period[80];
	bool station = strcmp(db_col_text(st, 1), "station") == 0;
	enum membership_host_level level = level_of(db_col_text(st, 4));
	hop_date start = db_col_date(st, 5), end = db_col_date(st, 6);
	const char *where;

	db_col_copy(st, 2, team, sizeof team);
	db_col_copy(st, 3, host, sizeof host);
	db_col_copy(st, 8, name, sizeof name);
	db_col_copy(st, 9, home, sizeof home);
	where = host[0] ? host : team;
	date_format(start, first);
	snprintf(uid, sizeof uid, "membership-%lld@%s", (long long)db_col_int64(st, 0),
	         app->cfg.mail_domain);
	if (team_feed && end == HOP_DATE_NONE)
		snprintf(summary, sizeof summary, station ? _("Station of %s, from %s")
		         : _("Secondment of %s, from %s"), name, first);
	else if (team_feed)
		snprintf(summary, sizeof summary, station ? _("Station of %s")
		         : _("Secondment of %s"), name);
	else if (end == HOP_DATE_NONE)
		snprintf(summary, sizeof summary, station ? _("Station: %s, from %s")
		         : _("Secondment: %s, from %s"), where, first);
	else
		snprintf(summary, sizeof summary, station ? _("Station: %s") : _("Secondment: %s"),
		         where);
	/* What and where, the period, and the home unit. */
	if (end == HOP_DATE_NONE)
		snprintf(period, sizeof period, _("from %s"), first);
	else
		snprintf(period, sizeof period, _("from %s to %s"), first, date_format(end, last));
	if (host[0])
		snprintf(desc, sizeof desc, _("%s at %s (%s), %s; seconded from %s"),
		         membership_kind_display(MEMBER_SECONDMENT), host,
		         membership_host_level_display(level), period, team);
	else if (home[0] && strcmp(home, team) != 0)
		snprintf(desc, sizeof desc, _("%s in %s, %s; post in %s"),
		         membership_kind_display(station ? MEMBER_STATION : MEMBER_SECONDMENT),
		         team, period, home);
	else
		snprintf(desc, sizeof desc, _("%s in %s, %s"),
		         membership_kind_display(station ? MEMBER_STATION : MEMBER_SECONDMENT),
		         team, period);
	struct ics_event ev = {
		.uid = uid, .sequence = db_col_int(st, 7), .summary = summary, .description = desc,
		.day = start, .end_day = end == HOP_DATE_NONE ? start : end, .half = HALF_DAY,
		.transparent = true,
	};
	return ics_writer_event(w, &ev, err);
}

static enum hop_status emit_rows(struct hop_app *app, struct db_stmt *st, bool team_feed,
                                 struct ics_writer *w, struct hop_err *err)
{
	enum hop_status s = HOP_OK;
	int rc;

	while (s == HOP_OK && (rc = db_step(st)) == DB_ROW)
		s = period_event(app, st, team_feed, w, err);
	db_reset(st);
	if (s != HOP_OK)
		return s;
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading stations and secondments for a calendar"));
	return HOP_OK;
}

enum hop_status rotation_emit(struct ics_session *s, const struct ics_feed *feed,
                              struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	struct db_stmt *st;

	if (feed->kind == ICS_PERSON) {
		/* The key is a login, matched exactly (feed_name has checked it). */
		st = db_stmt(app->db, ROT_SELECT "WHERE m.person_id = "
		             "(SELECT x.id FROM person x WHERE x.login = ?1) " ROT_SPAN, err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, feed->key);
		db_bind_date(st, 2, feed->from);
		db_bind_date(st, 3, feed->to);
		return emit_rows(app, st, false, w, err);
	}
	if (feed->kind == ICS_TEAM) {
		struct hop_team t;

		if (team_get(app, feed->key, &t, err) != HOP_OK)
			return err->status;
		/* Those who join the team meanwhile: not a secondment outside,
		 * which keeps the team it leaves. */
		st = db_stmt(app->db, ROT_SELECT "WHERE m.team_id = ?1 AND m.host IS NULL " ROT_SPAN,
		             err);
		if (!st)
			return err->status;
		db_bind_int64(st, 1, t.id);
		db_bind_date(st, 2, feed->from);
		db_bind_date(st, 3, feed->to);
		return emit_rows(app, st, true, w, err);
	}
	return HOP_OK;
}
