/* The feeds: which events a person's, team's, desk's, room's or site's
 * calendar holds.  Each kind of event is one source in the table below; a
 * new capability adds its events by adding a source. */
#include <stdlib.h>
#include <string.h>
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/core/calendar/holiday.h"
#include "hop/base/i18n.h"
#include "hop/core/feeds/feeds.h"
#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"
#include "hop/core/calendar/workday.h"
#include "feed_int.h"

#define UID_MAX 400
#define TEXT_MAX 600

/* Capitalized, as a calendar entry's title; translated where printed. */
static const char *const loc_summary[LOC_COUNT] = {
	"", N_("Office"), N_("Home"), N_("Mobile"), N_("Away"), N_("Trip"),
};

struct ics_session {
	struct hop_app *app;
	struct hop_site_list sites;
	const char *zones[ICS_MAX_ZONES];          /* distinct: the configuration's, then the sites' */
	size_t nzones;
	struct feed_people *onboarding;            /* who has onboarding steps (feed_onboarding.c) */
	struct booking_feed *bookings;             /* every place's names, read once */
	enum feed_order order;                     /* publishing's promise (ics_session_order) */
};

struct hop_app *ics_session_app(const struct ics_session *s)
{
	return s->app;
}

enum hop_status feed_person(struct hop_app *app, const struct ics_feed *feed,
                            struct hop_person *out, struct hop_err *err)
{
	if (!feed->person)
		return person_get(app, feed->key, out, err);
	*out = *feed->person;
	return HOP_OK;
}

struct feed_people **ics_session_onboarding(struct ics_session *s)
{
	return &s->onboarding;
}

static const char *site_zone(const struct ics_session *s, const char *site);

const char *ics_session_zone(const struct ics_session *s, const char *site)
{
	return site_zone(s, site);
}

/* The zone of the site named site (the configuration's when unknown). */
static const char *site_zone(const struct ics_session *s, const char *site)
{
	for (size_t i = 0; i < s->sites.n; i++)
		if (strcmp(s->sites.v[i].name, site) == 0 && s->sites.v[i].timezone[0])
			return s->sites.v[i].timezone;
	return s->app->cfg.timezone;
}

/* Add zone unless there already; false when there is no room for it. */
static bool add_zone(struct ics_session *s, const char *zone)
{
	for (size_t i = 0; i < s->nzones; i++)
		if (strcmp(s->zones[i], zone) == 0)
			return true;
	if (s->nzones == ICS_MAX_ZONES)
		return false;
	s->zones[s->nzones++] = zone;
	return true;
}

enum hop_status ics_session_open(struct hop_app *app, struct ics_session **out,
                                 struct hop_err *err)
{
	struct ics_session *s = calloc(1, sizeof *s);
	*out = NULL;
	if (!s)
		return hop_fail(err, HOP_ENOMEM, _("out of memory"));
	s->app = app;
	enum hop_status st = site_list(app, &s->sites, err);
	if (st != HOP_OK) {
		free(s);
		return st;
	}
	add_zone(s, app->cfg.timezone);
	/* More distinct zones than a calendar could hold: an event in a zone
	 * without its VTIMEZONE would be wrong, so say so. */
	for (size_t i = 0; i < s->sites.n; i++) {
		if (s->sites.v[i].timezone[0] && !add_zone(s, s->sites.v[i].timezone)) {
			ics_session_close(s);
			return hop_fail(err, HOP_EINVAL, _("the sites use more than %d time zones; "
			                "a feed cannot hold them all"), ICS_MAX_ZONES);
		}
	}
	*out = s;
	return HOP_OK;
}

static enum booking_feed_pass pass_of(enum feed_order order)
{
	return order == FEED_PEOPLE_BY_ID ? BOOKING_FEED_PEOPLE
	     : order == FEED_PLACES_BY_ID ? BOOKING_FEED_PLACES : BOOKING_FEED_EACH;
}

enum hop_status ics_session_order(struct ics_session *s, enum feed_order order,
                                  struct hop_err *err)
{
	s->order = order;
	if (!s->bookings && order != FEED_ANY_ORDER &&
	    booking_feed_open(s->app, &s->bookings, err) != HOP_OK)
		return err->status;
	booking_feed_pass(s->bookings, pass_of(order));
	return HOP_OK;
}

void ics_session_close(struct ics_session *s)
{
	if (!s)
		return;
	site_list_free(&s->sites);
	feed_people_free(s->onboarding);
	booking_feed_close(s->bookings);
	free(s);
}

/* ---- bookings ---- */

static bool keep_booking(const struct hop_app *app, const struct hop_booking *b)
{
	/* A cancellation stays in the feed for keep_cancelled_days after it was
	 * made, long enough for subscribed calendars to drop the event. */
	return !b->cancelled || (b->cancelled_on != HOP_DATE_NONE &&
	       b->cancelled_on + app->cfg.feeds_keep_cancelled_days >= clock_today());
}

struct booking_ctx {
	const struct ics_feed *feed;
	const struct ics_session *session;
	struct ics_writer *w;
	bool names;                            /* bookers may be named */
};

/* One booking as an event, straight into the writer: a site's feed of a
 * year is never held in memory. */
static enum hop_status booking_event(void *ctx, const struct hop_booking *b,
                                     struct hop_err *err)
{
	const struct booking_ctx *c = ctx;
	const struct hop_app *app = c->session->app;
	if (!keep_booking(app, b))
		return HOP_OK;
	bool room = b->kind != DESK_KIND_DESK;
	char uid[UID_MAX], summary[TEXT_MAX], location[TEXT_MAX];
	snprintf(uid, sizeof uid, "booking-%lld@%s", (long long)b->id, app->cfg.mail_domain);
	const char *place = room && b->desk_name[0] ? b->desk_name : b->desk;
	char what[TEXT_MAX];
	if (c->feed->kind == ICS_PERSON)
		snprintf(what, sizeof what, room ? _("Room %s") : _("Desk %s"), place);
	else if (c->names && !b->hidden && b->name[0])
		snprintf(what, sizeof what, _("%s: %s"), place, b->name);
	else
		snprintf(what, sizeof what, _("%s: booked"), place);
	/* STATUS:CANCELLED says it to calendars that read it; the title says it
	 * to those that do not (calcurse shows a cancelled event as any other). */
	if (b->cancelled)
		snprintf(summary, sizeof summary, _("Cancelled: %s"), what);
	else
		snprintf(summary, sizeof summary, "%s", what);
	snprintf(location, sizeof location, _("%s, floor %s, %s, %s"), b->site, b->floor,
	         b->zone, b->desk);
	/* The note follows the name: a feed of a place that hides its bookers
	 * hides what they wrote too. */
	bool own = c->feed->kind == ICS_PERSON;
	struct ics_event ev = {
		.uid = uid, .sequence = b->sequence, .summary = summary, .location = location,
		.description = own || (c->names && !b->hidden) ? b->note : NULL, .day = b->day,
		.half = b->half, .tzid = site_zone(c->session, b->site),
		.cancelled = b->cancelled,
	};
	return ics_writer_event(c->w, &ev, err);
}

static enum hop_status bookings_emit(struct ics_session *s, const struct ics_feed *feed,
                                     struct ics_writer *w, struct hop_err *err)
{
	/* Cancellations older than keep_cancelled_days have left the feeds. */
	struct booking_feed_query q = {
		.from = feed->from, .to = feed->to,
		.cancelled_since = clock_today() - s->app->cfg.feeds_keep_cancelled_days,
	};
	switch (feed->kind) {
	case ICS_PERSON:
		q.person = feed->key;
		q.person_id = feed->person ? feed->person->id : 0;
		/* A person's calendar holds all their bookings, also when HR or an
		 * admin publishes it for them. */
		q.whole_person = authz_feed_whole_person(s->app, feed->key);
		break;
	case ICS_DESK: case ICS_ROOM: q.desk = feed->key; break;
	case ICS_SITE: q.site = feed->key; break;
	case ICS_TEAM: return HOP_OK;   /* a team's feed holds its presence days */
	}
	if (!s->bookings && booking_feed_open(s->app, &s->bookings, err) != HOP_OK)
		return err->status;
	/* A neutral viewer: names only where everyone may see them. */
	struct booking_ctx c = { .feed = feed, .session = s, .w = w,
	                         .names = s->app->cfg.show_booker_names == CFG_NAMES_ALL };
	return booking_feed_each(s->bookings, &q, booking_event, &c, err);
}

/* ---- presence days of one person ---- */

struct presence_ctx { struct hop_app *app; const char *login; struct ics_writer *w; };

static enum hop_status presence_day(void *ctx, const struct presence_feed_day *d,
                                    struct hop_err *err)
{
	struct presence_ctx *c = ctx;
	char uid[UID_MAX], iso[11], summary[TEXT_MAX], desc[TEXT_MAX], by[TEXT_MAX];
	snprintf(uid, sizeof uid, "presence-%s-%s@%s", c->login, date_format(d->day, iso),
	         c->app->cfg.mail_domain);
	/* A day whose location is gone is cancelled, as a booking is; what it
	 * was is no longer known, so the title names the kind of entry. */
	if (d->cancelled)
		snprintf(summary, sizeof summary, _("Cancelled: %s"), _("Work location"));
	else
		snprintf(summary, sizeof summary, "%s", _(loc_summary[d->loc]));
	/* A lead's change of the day is said where the person looks. */
	by[0] = '\0';
	if (d->set_by && d->set_by[0])
		snprintf(by, sizeof by, _("Set by %s"), d->set_by);
	snprintf(desc, sizeof desc, "%s%s%s", d->note ? d->note : "",
	         d->note && d->note[0] && by[0] ? "\n" : "", by);
	struct ics_event ev = {
		.uid = uid, .sequence = d->sequence, .summary = summary,
		.description = desc, .day = d->day, .half = HALF_DAY, .transparent = true,
		.cancelled = d->cancelled,
	};
	return ics_writer_event(c->w, &ev, err);
}

static enum hop_status presence_emit(struct ics_session *s, const struct ics_feed *feed,
                                     struct ics_writer *w, struct hop_err *err)
{
	if (feed->kind != ICS_PERSON)
		return HOP_OK;
	/* The key is a login (matched exactly), so the UIDs it makes are stable. */
	struct presence_ctx c = { .app = s->app, .login = feed->key, .w = w };
	return presence_days_each(s->app, feed->key, feed->from, feed->to, presence_day, &c, err);
}

/* ---- team presence days: in the team's feed and in each member's ---- */

/* A team day removed since then is still a cancelled event, as a booking
 * cancelled since then is. */
static hop_date removed_since(const struct hop_app *app)
{
	return clock_today() - app->cfg.feeds_keep_cancelled_days;
}

static bool teamday_covers(const struct hop_teamday *t, hop_date day)
{
	return t->weekday ? t->weekday == date_weekday(day) && day >= t->from &&
	                    (t->until == HOP_DATE_NONE || day <= t->until)
	                  : t->day == day;
}

/* A removed team day (l->v[k]) is not said on day when the event of its UID
 * is said otherwise: by the team day itself, or by a later removal. */
static bool teamday_superseded(const struct hop_teamday_list *l, size_t k, hop_date day)
{
	const struct hop_teamday *t = &l->v[k];
	for (size_t i = 0; i < l->n; i++) {
		const struct hop_teamday *u = &l->v[i];
		if (i == k || u->id != t->id || !teamday_covers(u, day))
			continue;
		if (u->removed == HOP_DATE_NONE || u->sequence > t->sequence ||
		    (u->sequence == t->sequence && i < k))
			return true;
	}
	return false;
}

/* The events of the team days of list l on day, those of team_id only (0 =
 * any); the removed ones (teamday_removed_add) as cancelled. */
static enum hop_status teamday_events(struct hop_app *app, const struct hop_teamday_list *l,
                                      int64_t team_id, hop_date day, struct ics_writer *w,
                                      struct hop_err *err)
{
	enum hop_status st = HOP_OK;
	for (size_t i = 0; st == HOP_OK && i < l->n; i++) {
		const struct hop_teamday *t = &l->v[i];
		bool removed = t->removed != HOP_DATE_NONE;
		if (!teamday_covers(t, day) || (team_id && t->team_id != team_id) ||
		    (removed && teamday_superseded(l, i, day)) || !workday_is_working(app, 0, day))
			continue;
		char uid[UID_MAX], what[TEXT_MAX], summary[TEXT_MAX], iso[11];
		snprintf(uid, sizeof uid, "teamday-%lld-%s@%s", (long long)t->id,
		         date_format(day, iso), app->cfg.mail_domain);
		snprintf(what, sizeof what, _("Team day: %s"), t->team);
		/* The title says it to calendars that ignore STATUS (calcurse). */
		if (removed)
			snprintf(summary, sizeof summary, _("Cancelled: %s"), what);
		else
			snprintf(summary, sizeof summary, "%s", what);
		struct ics_event ev = {
			.uid = uid, .sequence = t->sequence, .summary = summary,
			.description = t->note, .day = day, .half = HALF_DAY, .transparent = true,
			.cancelled = removed,
		};
		st = ics_writer_event(w, &ev, err);
	}
	return st;
}

/* A person's team days: on each day, those of the team they are in that day
 * (their memberships), so that a move brings the new team's days from its
 * first day and ends the old team's. */
static enum hop_status person_teamdays(struct hop_app *app, const struct ics_feed *feed,
                                       struct ics_writer *w, struct hop_err *err)
{
	struct hop_person p;
	struct membership_spans spans;
	struct hop_teamday_list l = { 0 };
	enum hop_status st = feed_person(app, feed, &p, err);
	if (st != HOP_OK ||
	    (st = membership_spans_load(app, 0, p.id, feed->from, feed->to, &spans, err)) != HOP_OK)
		return st;
	/* The team days of each team they are in during the feed's days, and
	 * those removed lately. */
	for (size_t i = 0; st == HOP_OK && i < spans.n; i++) {
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= spans.v[j].team_id == spans.v[i].team_id;
		if (!seen && (st = teamday_list_add(app, spans.v[i].team_id, &l, err)) == HOP_OK)
			st = teamday_removed_add(app, spans.v[i].team_id, removed_since(app), &l, err);
	}
	for (hop_date day = feed->from; st == HOP_OK && l.n && day <= feed->to; day++) {
		int64_t team = membership_spans_team(&spans, p.id, day);
		if (team)
			st = teamday_events(app, &l, team, day, w, err);
	}
	teamday_list_free(&l);
	membership_spans_free(&spans);
	return st;
}

static enum hop_status teamdays_emit(struct ics_session *s, const struct ics_feed *feed,
                                     struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = s->app;
	if (feed->kind == ICS_PERSON)
		return person_teamdays(app, feed, w, err);
	if (feed->kind != ICS_TEAM)
		return HOP_OK;
	struct hop_team team;
	enum hop_status st = team_get(app, feed->key, &team, err);
	if (st != HOP_OK)
		return st;
	struct hop_teamday_list l = { 0 };
	st = teamday_list(app, team.name, &l, err);
	if (st == HOP_OK)
		st = teamday_removed_add(app, team.id, removed_since(app), &l, err);
	for (hop_date day = feed->from; st == HOP_OK && day <= feed->to; day++)
		st = teamday_events(app, &l, 0, day, w, err);
	teamday_list_free(&l);
	return st;
}

/* ---- public holidays of the organisation's region (on request) ---- */

static enum hop_status holidays_emit(struct ics_session *s, const struct ics_feed *feed,
                                     struct ics_writer *w, struct hop_err *err)
{
	struct hop_app *app = s->app;
	if (!feed->holidays)
		return HOP_OK;
	int y0, y1, m, d;
	date_to_ymd(feed->from, &y0, &m, &d);
	date_to_ymd(feed->to, &y1, &m, &d);
	enum hop_status st = HOP_OK;
	char region[3];
	holiday_region_of_site(app, 0, region, sizeof region);
	for (int y = y0; st == HOP_OK && y <= y1; y++) {
		struct hop_holiday h[HOLIDAY_MAX];
		size_t n = holiday_list(region, y, h, HOLIDAY_MAX);
		for (size_t i = 0; st == HOP_OK && i < n && i < HOLIDAY_MAX; i++) {
			if (h[i].day < feed->from || h[i].day > feed->to)
				continue;
			char uid[UID_MAX], iso[11];
			snprintf(uid, sizeof uid, "holiday-%s-%s@%s", region,
			         date_format(h[i].day, iso), app->cfg.mail_domain);
			struct ics_event ev = {
				.uid = uid, .summary = holiday_display(&h[i]),
				.day = h[i].day, .half = HALF_DAY, .transparent = true,
			};
			st = ics_writer_event(w, &ev, err);
		}
		/* 24 and 31 December when the policy frees them, as days off too. */
		for (int dec = 24; st == HOP_OK && dec <= 31; dec += 7) {
			hop_date day = date_from_ymd(y, 12, dec);
			const char *name;
			if (day < feed->from || day > feed->to || !workday_freed(app, day, &name))
				continue;
			char uid[UID_MAX], iso[11];
			snprintf(uid, sizeof uid, "freeday-%s@%s", date_format(day, iso),
			         app->cfg.mail_domain);
			struct ics_event ev = {
				.uid = uid, .summary = name, .day = day, .half = HALF_DAY,
				.transparent = true,
			};
			st = ics_writer_event(w, &ev, err);
		}
	}
	return st;
}

static const struct ics_source sources[] = {
	{ "bookings", bookings_emit },
	{ "presence", presence_emit },
	{ "teamdays", teamdays_emit },
	{ "holidays", holidays_emit },
	{ "onboarding", onboarding_emit },
	{ "training", training_emit },
	{ "rotation", rotation_emit },
};

/* The calendar's name into name, and into site the site whose zone alone the
 * feed needs (desk, room, site; else "").  The key is checked first, so that
 * an unknown one is an error, not an empty feed. */
static enum hop_status feed_name(struct hop_app *app, const struct ics_feed *feed,
                                 char *name, size_t size, char site[HOP_SITE_NAME_MAX + 1],
                                 struct hop_err *err)
{
	site[0] = '\0';
	enum hop_status st;
	switch (feed->kind) {
	case ICS_PERSON: {
		struct hop_person p;
		if ((st = feed_person(app, feed, &p, err)) != HOP_OK)
			return st;
		snprintf(name, size, "%s", p.name);
		return HOP_OK;
	}
	case ICS_TEAM: {
		struct hop_team t;
		if ((st = team_get(app, feed->key, &t, err)) != HOP_OK)
			return st;
		snprintf(name, size, _("Team %s"), t.name);
		return HOP_OK;
	}
	case ICS_DESK: case ICS_ROOM: {
		struct hop_desk d;
		if ((st = desk_get(app, feed->key, &d, err)) != HOP_OK)
			return st;
		bool room = d.kind != DESK_KIND_DESK;
		if (room != (feed->kind == ICS_ROOM))
			return hop_refuse(err, HOP_EINVAL, room ? HOP_R_ROOM_NOT_DESK : HOP_R_DESK_NOT_ROOM,
			                  HOP_ABOUT(.place = d.code), room ? _("%s is a room, not a desk")
			                  : _("%s is a desk, not a room"), d.code);
		snprintf(name, size, room ? _("Room %s") : _("Desk %s"), d.name[0] ? d.name : d.code);
		snprintf(site, HOP_SITE_NAME_MAX + 1, "%s", d.zone.site);
		return HOP_OK;
	}
	case ICS_SITE: {
		struct hop_site s;
		if ((st = site_get(app, feed->key, &s, err)) != HOP_OK)
			return st;
		snprintf(name, size, "%s", s.name);
		snprintf(site, HOP_SITE_NAME_MAX + 1, "%s", s.name);
		return HOP_OK;
	}
	}
	return hop_fail(err, HOP_EINVAL, _("unknown kind of calendar feed"));
}

enum hop_status ics_session_export(struct ics_session *s, const struct ics_feed *in,
                                   FILE *out, size_t *events, struct hop_err *err)
{
	struct hop_app *app = s->app;
	struct ics_feed feed = *in;
	hop_date today = clock_today();
	if (app->cfg.feeds_holidays && (feed.kind == ICS_PERSON || feed.kind == ICS_TEAM))
		feed.holidays = true;
	if (feed.from == HOP_DATE_NONE)
		feed.from = today - app->cfg.feeds_keep_cancelled_days;
	if (feed.to == HOP_DATE_NONE)
		feed.to = today + app->cfg.booking_horizon_days;
	if (feed.to < feed.from)
		return hop_refuse(err, HOP_EINVAL, HOP_R_TO_BEFORE_FROM, NULL,
		                  _("the period ends before it starts"));

	/* A person's calendar tells where they work, their trainings and their
	 * moves: theirs, their lead's, HR's and admins' to take. */
	struct hop_person who;
	if (feed.kind == ICS_PERSON) {
		if (person_get(app, feed.key, &who, err) != HOP_OK ||
		    authz_feed_person(app, &who, err) != HOP_OK)
			return err->status;
		feed.person = &who;
	}
	char name[TEXT_MAX], site[HOP_SITE_NAME_MAX + 1];
	enum hop_status st = feed_name(app, &feed, name, sizeof name, site, err);
	if (st != HOP_OK)
		return st;
	/* Only the zones the feed's timed events can use: a desk's, a room's or a
	 * site's own; none for a team (its days are all-day events); every
	 * site's for a person, who may book anywhere. */
	const char *one[1] = { site_zone(s, site) };
	const char *const *zones = s->zones;
	size_t nzones = s->nzones;
	if (feed.kind == ICS_TEAM) {
		nzones = 0;
	} else if (site[0]) {
		zones = one;
		nzones = 1;
	}
	struct ics_writer *w;
	st = ics_writer_open(out, name, zones, nzones, feed.from, clock_now(), &w, err);
	if (st != HOP_OK)
		return st;
	for (size_t i = 0; st == HOP_OK && i < sizeof sources / sizeof sources[0]; i++)
		st = sources[i].emit(s, &feed, w, err);
	if (st != HOP_OK) {
		ics_writer_abort(w);
		return st;
	}
	return ics_writer_close(w, events, err);
}

enum hop_status ics_export(struct hop_app *app, const struct ics_feed *feed, FILE *out,
                           size_t *events, struct hop_err *err)
{
	struct ics_session *s;
	enum hop_status st = ics_session_open(app, &s, err);
	if (st != HOP_OK)
		return st;
	st = ics_session_export(s, feed, out, events, err);
	ics_session_close(s);
	return st;
}
