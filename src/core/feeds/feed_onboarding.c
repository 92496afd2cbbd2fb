/* The feed source of onboarding steps: each step with its due day as an
 * all-day event in the person feeds of the new hire (every step of their
 * onboarding), of the mentor (the mentor's steps while they mentor), of the
 * lead, of a step's named owner, and of HR and IT people for their roles'
 * steps.  A reminder [onboarding] reminder_days before.  A step done,
 * dropped, or of an onboarding closed or cancelled is cancelled for the
 * calendars and stays so for [feeds] keep_cancelled_days, as bookings do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/base/clock.h"
#include "hop/db/db.h"
#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/onboarding/onboarding.h"
#include "feed_int.h"

#define UID_MAX 400
#define TEXT_MAX 600

/* One statement, each branch through its own index, so that the 20,000
 * feeds of a publish run that have no step cost a few look-ups each.  A
 * step is in a feed once: the new hire's branch takes all of theirs, the
 * others only other people's.  ?1 the person, ?2 ?3 the period, ?4 ?5 ?6
 * whether they are a lead, HR, IT (constant terms of their own: a false one
 * skips its branch before it reads a row). */
#define STEP_SELECT "SELECT s.id, s.title, s.kind, s.owner, s.in_office, s.due_on, " \
	"s.sequence, s.done_on IS NOT NULL, s.dropped_at IS NOT NULL, o.state, " \
	"substr(coalesce(s.done_at, s.dropped_at, o.closed_at, ''), 1, 10), p.name, " \
	"coalesce(s.note, ''), o.person_id = ?1, " \
	"coalesce((SELECT x.login FROM person x WHERE x.id = s.owner_id), '') "

/* Logins, sorted: a feed is asked for by its login. */
struct feed_people {
	char (*login)[HOP_LOGIN_MAX + 1];
	size_t n, cap;
};

void feed_people_free(struct feed_people *p)
{
	if (!p)
		return;
	free(p->login);
	free(p);
}

static int by_login(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Everyone whose feed may hold a step: new hires, mentors, named owners,
 * the leads of new hires' teams, HR and admins (IT). */
static enum hop_status people_read(struct hop_app *app, struct feed_people **out,
                                   struct hop_err *err)
{
	struct feed_people *p = calloc(1, sizeof *p);
	struct db_stmt *st;
	int rc;

	if (!p)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	st = db_stmt(app->db, "SELECT login FROM person WHERE id IN ("
	             "SELECT person_id FROM onboarding "
	             "UNION SELECT mentor_id FROM mentorship WHERE cancelled_at IS NULL "
	             "UNION SELECT owner_id FROM onboarding_step WHERE owner_id IS NOT NULL "
	             "UNION SELECT t.lead_id FROM onboarding o JOIN person p ON p.id = o.person_id "
	             "JOIN team t ON t.id = p.team_id WHERE t.lead_id IS NOT NULL) "
	             "OR (roles & 20) <> 0", err);
	if (!st) {
		free(p);
		return err->status;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		if (!vec_grow(&p->login, &p->cap, p->n + 1, sizeof *p->login)) {
			db_reset(st);
			feed_people_free(p);
			return hop_fail(err, HOP_ENOMEM, _("out of memory"));
		}
		db_col_copy(st, 0, p->login[p->n++], sizeof *p->login);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		feed_people_free(p);
		return db_fail(app->db, err, _("reading onboarding steps for a calendar"));
	}
	qsort(p->login, p->n, sizeof *p->login, by_login);
	*out = p;
	return HOP_OK;
}

static bool people_has(const struct feed_people *p, const char *login)
{
	char key[HOP_LOGIN_MAX + 1];

	snprintf(key, sizeof key, "%s", login);
	return bsearch(key, p->login, p->n, sizeof *p->login, by_login) != NULL;
}

static enum hop_status step_event(struct hop_app *app, struct db_stmt *st, struct ics_writer *w,
                                  struct hop_err *err)
{
	char uid[UID_MAX], what[TEXT_MAX], summary[TEXT_MAX], desc[TEXT_MAX], title[TEXT_MAX],
	     name[TEXT_MAX], note[TEXT_MAX];
	const char *state = db_col_text(st, 9);
	bool done = db_col_int(st, 7), dropped = db_col_int(st, 8), own = db_col_int(st, 13);
	bool off = done || dropped || !state || strcmp(state, "open") != 0;
	hop_date gone = db_col_date(st, 10);
	enum onb_kind kind = onb_kind_from_text(db_col_text(st, 2));
	enum onb_owner owner = onb_owner_from_text(db_col_text(st, 3));
	char login[HOP_LOGIN_MAX + 1];

	/* Gone long enough for subscribed calendars to have dropped it. */
	if (off && (gone == HOP_DATE_NONE ||
	            gone + app->cfg.feeds_keep_cancelled_days < clock_today()))
		return HOP_OK;
	db_col_copy(st, 1, title, sizeof title);
	db_col_copy(st, 11, name, sizeof name);
	db_col_copy(st, 12, note, sizeof note);
	db_col_copy(st, 14, login, sizeof login);
	snprintf(uid, sizeof uid, "onboarding-step-%lld@%s", (long long)db_col_int64(st, 0),
	         app->cfg.mail_domain);
	if (own)
		snprintf(what, sizeof what, _("Onboarding: %s"), title);
	else
		snprintf(what, sizeof what, _("Onboarding of %s: %s"), name, title);
	/* The title says it to calendars that ignore STATUS (calcurse). */
	if (done)
		snprintf(summary, sizeof summary, _("Done: %s"), what);
	else if (off)
		snprintf(summary, sizeof summary, _("Cancelled: %s"), what);
	else
		snprintf(summary, sizeof summary, "%s", what);
	snprintf(desc, sizeof desc, "%s: %s, %s: %s%s%s%s%s", _("Kind"), onb_kind_display(kind),
	         _("Responsible"), owner == OWNER_PERSON ? login : onb_owner_display(owner),
	         db_col_int(st, 4) ? "; " : "", db_col_int(st, 4) ? _("in the office") : "",
	         note[0] ? "\n" : "", note);
	struct ics_event ev = {
		.uid = uid, .sequence = db_col_int(st, 6), .summary = summary, .description = desc,
		.day = db_col_date(st, 5), .half = HALF_DAY, .cancelled = off, .transparent = true,
		.alarm_days = off ? 0 : app->cfg.onboarding_reminder_days,
	};
	return ics_writer_event(w, &ev, err);
}

enum hop_status onboarding_emit(struct ics_session *s, const struct ics_feed *feed,
                                struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = ics_session_app(s);
	struct hop_person p;
	struct db_stmt *st;
	enum hop_status rc_st;
	int rc;

	struct feed_people **who = ics_session_onboarding(s);

	if (feed->kind != ICS_PERSON)
		return HOP_OK;
	if (!*who && (rc_st = people_read(app, who, err)) != HOP_OK)
		return rc_st;
	/* The key is a login, matched exactly (feed_name has checked it). */
	if (!people_has(*who, feed->key))
		return HOP_OK;
	if ((rc_st = feed_person(app, feed, &p, err)) != HOP_OK)
		return rc_st;
	/* CROSS JOIN keeps SQLite to the order written: from the person's own
	 * rows through their indexes, never through all steps of a kind.  A
	 * mentor's steps are those due while they mentor, written as NOT (...
	 * OR ...) so that the planner takes the onboarding's index for them, not
	 * all mentors' steps of the period (twice a range on due_on looked
	 * narrower). */
	st = db_stmt(app->db,
	             STEP_SELECT "FROM onboarding o CROSS JOIN onboarding_step s "
	             "CROSS JOIN person p WHERE s.onboarding_id = o.id AND p.id = o.person_id "
	             "AND o.person_id = ?1 AND s.due_on BETWEEN ?2 AND ?3 "
	             "UNION ALL " STEP_SELECT "FROM onboarding_step s "
	             "CROSS JOIN onboarding o CROSS JOIN person p "
	             "WHERE s.owner_id = ?1 AND o.id = s.onboarding_id AND p.id = o.person_id "
	             "AND s.owner = 'person' AND o.person_id <> ?1 AND s.due_on BETWEEN ?2 AND ?3 "
	             "UNION ALL " STEP_SELECT "FROM mentorship m CROSS JOIN onboarding o "
	             "CROSS JOIN onboarding_step s CROSS JOIN person p "
	             "WHERE m.mentor_id = ?1 AND m.cancelled_at IS NULL AND o.person_id = m.mentee_id "
	             "AND s.onboarding_id = o.id AND p.id = o.person_id AND s.owner = 'mentor' "
	             "AND NOT (s.due_on < m.start_on OR s.due_on > m.end_on) "
	             "AND s.due_on BETWEEN ?2 AND ?3 AND o.person_id <> ?1 "
	             "UNION ALL " STEP_SELECT "FROM team t CROSS JOIN person p "
	             "CROSS JOIN onboarding o CROSS JOIN onboarding_step s "
	             "WHERE ?4 <> 0 AND t.lead_id = ?1 AND p.team_id = t.id AND o.person_id = p.id "
	             "AND s.onboarding_id = o.id AND s.owner = 'lead' AND o.person_id <> ?1 "
	             "AND s.due_on BETWEEN ?2 AND ?3 "
	             "UNION ALL " STEP_SELECT "FROM onboarding_step s CROSS JOIN onboarding o "
	             "CROSS JOIN person p WHERE ?5 <> 0 AND s.owner = 'hr' AND o.id = s.onboarding_id "
	             "AND p.id = o.person_id AND s.due_on BETWEEN ?2 AND ?3 AND o.person_id <> ?1 "
	             "UNION ALL " STEP_SELECT "FROM onboarding_step s CROSS JOIN onboarding o "
	             "CROSS JOIN person p WHERE ?6 <> 0 AND s.owner = 'it' AND o.id = s.onboarding_id "
	             "AND p.id = o.person_id AND s.due_on BETWEEN ?2 AND ?3 AND o.person_id <> ?1 "
	             "ORDER BY 6, 1", err);
	if (!st)
		return err->status;
	db_bind_int64(st, 1, p.id);
	db_bind_date(st, 2, feed->from);
	db_bind_date(st, 3, feed->to);
	db_bind_int(st, 4, (p.roles & ROLE_LEAD) != 0);
	db_bind_int(st, 5, (p.roles & ROLE_HR) != 0);
	db_bind_int(st, 6, (p.roles & ROLE_ADMIN) != 0);
	rc_st = HOP_OK;
	while (rc_st == HOP_OK && (rc = db_step(st)) == DB_ROW)
		rc_st = step_event(app, st, w, err);
	if (rc_st != HOP_OK) {
		db_reset(st);
		return rc_st;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return db_fail(app->db, err, _("reading onboarding steps for a calendar"));
	return HOP_OK;
}
