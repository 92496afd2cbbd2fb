/* The Desks screen's u: the last booking or cancellation made here, undone.
 *
 * A booking undone is cancelled again; a cancellation undone books the same
 * place, half day and group size again (which core may refuse when someone
 * has taken it meanwhile: then u says why and the slip stays visible).  A
 * desk booked marks the person's day office (booking_book), so the day's own
 * entry is remembered before the change and put back after the undo: a day
 * that was home by the weekly default is home by the default again, not
 * "office" with no desk.  Rooms say nothing about where a person works, so
 * only the booking itself is undone for them. */
#include <stdio.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "hop/core/presence/presence.h"
#include "advice.h"
#include "tui_internal.h"
#include "view_desks_int.h"

/* login's day as the week of presence says it, into *out; false when it is
 * not a weekday or cannot be read (then nothing about presence is undone). */
static bool read_day(struct tui *t, const char *login, hop_date day,
                     struct presence_day_entry *out)
{
	struct presence_day_entry week[PRESENCE_DAYS];
	struct hop_err err;
	int wd = date_weekday(day);

	if (wd < 1 || wd > PRESENCE_DAYS)
		return false;
	if (presence_person_week(t->app, login, day - (wd - 1), NULL, week, &err) != HOP_OK)
		return false;
	*out = week[wd - 1];
	return true;
}

void desks_undo_prepare(struct tui *t, struct desks_state *s, hop_date day)
{
	struct desks_undo *u = &s->pending;

	memset(u, 0, sizeof *u);
	u->day = day;
	snprintf(u->login, sizeof u->login, "%s",
	         s->for_login[0] ? s->for_login : t->app->actor.login);
	snprintf(u->name, sizeof u->name, "%s", s->for_login[0] ? s->for_name : "");
	u->have_day = read_day(t, u->login, day, &u->was);
}

void desks_undo_done(struct desks_state *s, bool booked, const char *code, enum desk_kind kind,
                     unsigned half, int attendees)
{
	s->undo = s->pending;
	s->undo.booked = booked;
	snprintf(s->undo.code, sizeof s->undo.code, "%s", code);
	s->undo.kind = kind;
	s->undo.half = half ? half : HALF_DAY;
	s->undo.attendees = attendees;
	s->undo.have = true;
}

void desks_undo_hint(struct tui *t)
{
	size_t len = strlen(t->status);

	snprintf(t->status + len, sizeof t->status - len, "   %s", _("u undoes it."));
}

/* The day's own entry as it was before the change, where it differs now. */
static enum hop_status day_back(struct tui *t, const struct desks_undo *u, struct hop_err *err)
{
	struct presence_day_entry now;
	struct presence_result res = { 0 };
	enum hop_status st;
	int n = 0;

	if (u->kind != DESK_KIND_DESK || !u->have_day || !read_day(t, u->login, u->day, &now))
		return HOP_OK;
	if (now.source == u->was.source && now.loc == u->was.loc)
		return HOP_OK;
	if (u->was.source == PSRC_DAY) {
		st = presence_set(t->app, u->login, u->day, u->day, u->was.loc, u->was.note, &res,
		                  err);
		presence_result_free(&res);
		return st;
	}
	/* No entry of its own before: the default, onboarding or a booking
	 * decides again (clearing changes no bookings). */
	if (now.source == PSRC_DAY)
		return presence_clear(t->app, u->login, u->day, u->day, &n, err);
	return HOP_OK;
}

void desks_undo(struct tui *t, struct desks_state *s)
{
	struct desks_undo u = s->undo;
	struct hop_err err;
	char date[HOP_DATE_HUMAN_LEN];
	const char *whose = strcmp(u.login, t->app->actor.login) ? u.login : NULL;
	enum hop_status st;
	bool kept = false;
	int n = 0;

	if (!u.have) {
		tui_status(t, true, "%s", _("Nothing to undo: no booking or cancellation was made "
		                            "here yet."));
		return;
	}
	s->undo.have = false;
	date_format_human(u.day, date, sizeof date);
	if (u.booked) {
		st = booking_cancel(t->app, u.day, u.code, u.half, whose, &n, &err);
	} else {
		struct booking_request rq = { .day = u.day, .half = u.half, .desk = u.code,
		                              .for_login = whose, .attendees = u.attendees };
		struct hop_booking made;
		st = booking_book(t->app, &rq, &made, &err);
	}
	/* Facilities book for others but do not plan their days: the day the
	 * booking made office stays so, and the status line says it. */
	if (st == HOP_OK && (st = day_back(t, &u, &err)) == HOP_EPERM)
		kept = true, st = HOP_OK;
	desks_load(t, s);
	if (st != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	if (u.booked && u.name[0] && kept)
		tui_status(t, false, _("Undone: %s for %s on %s is cancelled again; the day stays an "
		                       "office day, which only they and their lead change."), u.code,
		           u.name, date);
	else if (u.booked && u.name[0])
		tui_status(t, false, _("Undone: %s for %s on %s is cancelled again."), u.code, u.name,
		           date);
	else if (u.booked)
		tui_status(t, false, _("Undone: %s on %s is cancelled again."), u.code, date);
	else
		tui_status(t, false, _("Undone: %s on %s is booked for you again."), u.code, date);
}
