/* Reading sessions: the words of an enrolment's states, one session, the
 * upcoming ones with their seats and waitlists, the next with a free seat. */
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/db/collect.h"
#include "hop/db/db.h"
#include "session_int.h"

static const char *const state_names[ENROL_STATE_COUNT] = {
	"requested", "approved", "booked", "waitlisted", "attended", "partial", "no_show",
	"cancelled",
};

const char *enrol_state_name(enum enrol_state s)
{
	return (unsigned)s < ENROL_STATE_COUNT ? state_names[s] : "";
}

const char *enrol_state_display(enum enrol_state s)
{
	switch (s) {
	case ENROL_REQUESTED: return _("requested");
	case ENROL_APPROVED: return _("approved");
	case ENROL_BOOKED: return _("booked");
	case ENROL_WAITLISTED: return _("waitlisted");
	case ENROL_ATTENDED: return _("attended");
	case ENROL_PARTIAL: return _("attended in part");
	case ENROL_NO_SHOW: return _("no-show");
	case ENROL_CANCELLED: return _("cancelled");
	}
	return "";
}

enum enrol_state enrol_state_from_text(const char *text)
{
	for (int i = 0; text && i < ENROL_STATE_COUNT; i++)
		if (strcmp(text, state_names[i]) == 0)
			return (enum enrol_state)i;
	return ENROL_CANCELLED;
}

bool enrol_state_holds_seat(enum enrol_state s)
{
	return s == ENROL_BOOKED || s == ENROL_ATTENDED || s == ENROL_PARTIAL || s == ENROL_NO_SHOW;
}

void trn_session_list_free(struct trn_session_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void ses_read(struct db_stmt *st, void *out)
{
	struct trn_session *s = out;

	memset(s, 0, sizeof *s);
	s->id = db_col_int64(st, 0);
	s->course_id = db_col_int64(st, 1);
	db_col_copy(st, 2, s->course, sizeof s->course);
	db_col_copy(st, 3, s->title, sizeof s->title);
	s->kind = trn_kind_from_text(db_col_text(st, 4));
	s->needs_approval = db_col_int(st, 5) != 0;
	if (!datetime_parse_iso(db_col_text(st, 6), &s->start))
		s->start.day = HOP_DATE_NONE;
	if (!datetime_parse_iso(db_col_text(st, 7), &s->end))
		s->end.day = HOP_DATE_NONE;
	s->room_id = db_col_int64(st, 8);
	db_col_copy(st, 9, s->room, sizeof s->room);
	db_col_copy(st, 10, s->room_name, sizeof s->room_name);
	db_col_copy(st, 11, s->site, sizeof s->site);
	s->site_id = db_col_int64(st, 12);
	db_col_copy(st, 13, s->online_url, sizeof s->online_url);
	db_col_copy(st, 14, s->location, sizeof s->location);
	s->capacity = db_col_int(st, 15);
	s->taken = db_col_int(st, 16);
	s->free = s->capacity > s->taken ? s->capacity - s->taken : 0;
	s->waitlisted = db_col_int(st, 17);
	s->requested = db_col_int(st, 18);
	s->trainer_id = db_col_int64(st, 19);
	db_col_copy(st, 20, s->trainer_login, sizeof s->trainer_login);
	db_col_copy(st, 21, s->trainer, sizeof s->trainer);
	db_col_copy(st, 22, s->note, sizeof s->note);
	s->cancelled = db_col_int(st, 23) != 0;
	s->sequence = db_col_int(st, 24);
	s->mine = !db_col_is_null(st, 25);
	s->my_state = s->mine ? enrol_state_from_text(db_col_text(st, 25)) : ENROL_CANCELLED;
	s->my_position = db_col_int(st, 26);
}

static int64_t actor_id(const struct hop_app *app)
{
	return app->actor.known ? app->actor.person.id : 0;
}

enum hop_status session_get(struct hop_app *app, int64_t id, struct trn_session *out,
                            struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, SES_SELECT "WHERE s.id = ?2", err);
	bool found;

	if (!st)
		return err->status;
	db_bind_int64(st, 1, actor_id(app));
	db_bind_int64(st, 2, id);
	if (db_get(st, ses_read, out, &found, _("reading a session"), err) != HOP_OK)
		return err->status;
	if (!found)
		return hop_fail(err, HOP_ENOTFOUND, _("there is no session %lld"), (long long)id);
	return HOP_OK;
}

enum hop_status ses_get_live(struct hop_app *app, int64_t id, struct trn_session *s,
                             struct hop_err *err)
{
	if (session_get(app, id, s, err) != HOP_OK)
		return err->status;
	if (s->cancelled)
		return hop_fail(err, HOP_ECONFLICT, _("session %lld (%s) was cancelled"),
		                (long long)id, s->title);
	return HOP_OK;
}

enum hop_status session_list(struct hop_app *app, const struct session_filter *f,
                             struct trn_session_list *out, struct hop_err *err)
{
	static const struct collect c = {
		sizeof(struct trn_session), ses_read, N_("out of memory while listing sessions"),
		N_("listing sessions"),
	};
	struct db_stmt *st = db_stmt(app->db, SES_SELECT
	                           "WHERE (?2 IS NULL OR c.code = ?2) AND (?3 IS NULL OR "
	                           "s.ends_at >= ?3) AND (?4 IS NULL OR s.starts_at < ?4) "
	                           "AND (?5 = 1 OR s.cancelled_at IS NULL) "
	                           "ORDER BY s.starts_at, s.id", err);
	hop_date from = f->from;
	size_t keep = 0;

	memset(out, 0, sizeof *out);
	if (!st)
		return err->status;
	if (from == HOP_DATE_NONE && !f->all)
		from = clock_today();
	db_bind_int64(st, 1, actor_id(app));
	db_bind_text(st, 2, f->course);
	db_bind_date(st, 3, from);
	db_bind_date(st, 4, f->to == HOP_DATE_NONE ? HOP_DATE_NONE : f->to + 1);
	db_bind_int(st, 5, f->all);
	if (collect_rows(app->db, st, &c, &out->v, &out->n, &out->cap, err) != HOP_OK)
		return err->status;
	if (!f->free_only)
		return HOP_OK;
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].free > 0 && !out->v[i].cancelled)
			out->v[keep++] = out->v[i];
	out->n = keep;
	return HOP_OK;
}

enum hop_status session_next_free(struct hop_app *app, int64_t course_id, hop_date from,
                                  struct trn_session *out, bool *found, struct hop_err *err)
{
	struct db_stmt *st = db_stmt(app->db, SES_SELECT
	                           "WHERE s.course_id = ?2 AND s.starts_at >= ?3 "
	                           "AND s.cancelled_at IS NULL AND s.capacity > "
	                           "(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id "
	                           " AND e.state IN ('booked', 'attended', 'partial', 'no_show')) "
	                           "ORDER BY s.starts_at, s.id LIMIT 1", err);

	if (!st)
		return err->status;
	db_bind_int64(st, 1, actor_id(app));
	db_bind_int64(st, 2, course_id);
	db_bind_date(st, 3, from == HOP_DATE_NONE ? clock_today() : from);
	return db_get(st, ses_read, out, found, _("reading a session"), err);
}

enum hop_status ses_may_manage(const struct hop_app *app, struct hop_err *err)
{
	if (authz_registered(app, err) != HOP_OK)
		return err->status;
	if (app->actor.roles & (ROLE_HR | ROLE_ADMIN))
		return HOP_OK;
	return hop_fail(err, HOP_EPERM, _("only HR and administrators keep training sessions"));
}

bool ses_may_see_attendees(const struct hop_app *app, const struct trn_session *s)
{
	if (!app->actor.known)
		return false;
	if (app->actor.roles & (ROLE_HR | ROLE_ADMIN))
		return true;
	return s->trainer_id && s->trainer_id == app->actor.person.id;
}
