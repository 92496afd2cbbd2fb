/* The Desks screen's questions: booking a place (which half day, how many
 * people for a room), cancelling my booking (y / n), and the filters and
 * date prompts (go to a date, attributes, the zone chooser); see view_s->c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/places/place.h"
#include "advice.h"
#include "input.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_desks_int.h"

#define PROMPT_MAX 120

/* ---- booking and cancelling ---- */

void desks_ask_half(struct tui *t, struct desks_state *s)
{
	char date[HOP_DATE_HUMAN_LEN];

	s->mode = MODE_HALF;
	date_format_human(s->view.day, date, sizeof date);
	if (s->for_login[0])
		tui_status(t, false, _("Book %s for %s on %s: d whole day   m morning   a afternoon   "
		                       "Esc cancel"), s->code, s->for_name, date);
	else
		tui_status(t, false, _("Book %s on %s: d whole day   m morning   a afternoon   Esc "
		                       "cancel"), s->code, date);
}

/* Booked for someone else: who, and which half day. */
static void booked_for_message(struct tui *t, const struct desks_state *s, const char *code,
                               hop_date day, unsigned half, bool room, int people)
{
	char date[HOP_DATE_HUMAN_LEN];

	date_format_human(day, date, sizeof date);
	if (room)
		tui_status(t, false, ngettext("Booked %s for %s on %s (%s), for %d person.",
		                              "Booked %s for %s on %s (%s), for %d people.", people),
		           code, s->for_name, date, half_label(half), people);
	else
		tui_status(t, false, _("Booked %s for %s on %s (%s)."), code, s->for_name, date,
		           half_label(half));
}

static void booked_message(struct tui *t, const char *code, hop_date day, unsigned half,
                           bool room, int people)
{
	char date[HOP_DATE_HUMAN_LEN];

	date_format_human(day, date, sizeof date);
	if (room) {
		if (half == HALF_AM)
			tui_status(t, false, ngettext("Booked %s on %s for the morning, for %d person.",
			                              "Booked %s on %s for the morning, for %d people.",
			                              people), code, date, people);
		else if (half == HALF_PM)
			tui_status(t, false, ngettext("Booked %s on %s for the afternoon, for %d person.",
			                              "Booked %s on %s for the afternoon, for %d people.",
			                              people), code, date, people);
		else
			tui_status(t, false, ngettext("Booked %s on %s for the whole day, for %d person.",
			                              "Booked %s on %s for the whole day, for %d people.",
			                              people), code, date, people);
		return;
	}
	if (half == HALF_AM)
		tui_status(t, false, _("Booked %s on %s for the morning."), code, date);
	else if (half == HALF_PM)
		tui_status(t, false, _("Booked %s on %s for the afternoon."), code, date);
	else
		tui_status(t, false, _("Booked %s on %s for the whole day."), code, date);
}

void desks_book(struct tui *t, struct desks_state *s, int people)
{
	struct booking_request rq;
	struct hop_booking made;
	struct hop_err err;
	char code[HOP_CODE_MAX + 1];
	hop_date day = s->view.day;
	unsigned half = s->half;
	bool room = s->kind != DESK_KIND_DESK;

	memset(&rq, 0, sizeof rq);
	rq.day = day;
	rq.half = half;
	rq.desk = s->code;
	rq.for_login = s->for_login[0] ? s->for_login : NULL;
	rq.attendees = people;
	snprintf(code, sizeof code, "%s", s->code);
	desks_undo_prepare(t, s, day);
	if (booking_book(t->app, &rq, &made, &err) != HOP_OK) {
		/* What is on the screen may be old: read the day again, then say why. */
		desks_load(t, s);
		tui_fail(t, &err);
		s->for_login[0] = '\0';
		return;
	}
	desks_undo_done(s, true, code, s->kind, half, people);
	if (desks_load(t, s)) {
		if (s->for_login[0])
			booked_for_message(t, s, code, day, half, room, people ? people : 1);
		else
			booked_message(t, code, day, half, room, people);
		desks_undo_hint(t);
	}
	s->for_login[0] = '\0';
}

static void people_submit(struct tui *t, struct desks_state *s)
{
	char text[PROMPT_MAX + 1], *end;
	long n;

	t->prompt = NULL;
	s->mode = MODE_LIST;
	if (!input_text(&s->input, text, sizeof text))
		text[0] = '\0';
	errno = 0;
	n = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (!text[0] || end == text || *end || errno || n < 1 || n > 100000) {
		tui_status(t, true, _("'%s' is not a number of people; type a whole number, at most "
		                      "%d for room %s."), text, s->capacity, s->code);
		s->for_login[0] = '\0';
		return;
	}
	desks_book(t, s, (int)n);
}

void desks_half_key(struct tui *t, struct desks_state *s, const struct tui_key *k)
{
	unsigned half = 0;

	if (key_is(k, L'd') || key_is(k, L'\r') || key_is(k, L'\n') || key_fn(k, KEY_ENTER))
		half = HALF_DAY;
	else if (key_is(k, L'm'))
		half = HALF_AM;
	else if (key_is(k, L'a'))
		half = HALF_PM;
	else if (key_is(k, 27) || key_is(k, L'q')) {
		s->mode = MODE_LIST;
		s->for_login[0] = '\0';
		tui_status(t, false, "%s", _("Not booked."));
		return;
	} else {
		desks_ask_half(t, s);
		return;
	}
	s->half = half;
	if (s->kind == DESK_KIND_DESK) {
		s->mode = MODE_LIST;
		desks_book(t, s, 0);
		return;
	}
	s->mode = MODE_PEOPLE;
	input_init(&s->input, "", 6);
	t->prompt = &s->input;
	t->prompt_label = _("How many people? ");
}

void desks_book_open(struct tui *t, struct desks_state *s)
{
	const struct desk_day *d = desks_selected(s);

	if (!d) {
		tui_status(t, true, "%s", _("There is no desk or room to book here."));
		return;
	}
	if (!s->view.working_day) {
		tui_status(t, true, "%s", s->view.not_working);
		return;
	}
	snprintf(s->code, sizeof s->code, "%s", d->code);
	s->kind = d->kind;
	s->capacity = d->capacity;
	s->for_login[0] = '\0';
	desks_ask_half(t, s);
}

static void ask_cancel(struct tui *t, const struct desks_state *s)
{
	char date[HOP_DATE_HUMAN_LEN];

	tui_status(t, false, _("Cancel your booking of %s on %s? y yes   n no"), s->code,
	           date_format_human(s->view.day, date, sizeof date));
}

void desks_cancel_open(struct tui *t, struct desks_state *s)
{
	const struct desk_day *d = desks_selected(s);
	char date[HOP_DATE_HUMAN_LEN];

	if (!d) {
		tui_status(t, true, "%s", _("There is no desk or room here to cancel."));
		return;
	}
	if (d->am.state != SLOT_MINE && d->pm.state != SLOT_MINE) {
		tui_status(t, true, _("You have no booking of %s on %s; d cancels your own bookings."),
		           d->code, date_format_human(s->view.day, date, sizeof date));
		return;
	}
	snprintf(s->code, sizeof s->code, "%s", d->code);
	s->mode = MODE_CONFIRM;
	ask_cancel(t, s);
}

void desks_confirm_key(struct tui *t, struct desks_state *s, const struct tui_key *k)
{
	struct hop_err err;
	char date[HOP_DATE_HUMAN_LEN], code[HOP_CODE_MAX + 1];
	hop_date day = s->view.day;
	const struct desk_day *d;
	enum desk_kind kind = DESK_KIND_DESK;
	unsigned half = 0;
	int n = 0, people = 0;

	if (key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q')) {
		s->mode = MODE_LIST;
		tui_status(t, false, "%s", _("Nothing cancelled."));
		return;
	}
	if (!key_is(k, L'y') && !key_is(k, L'Y') && !key_is(k, L'j') && !key_is(k, L'J')) {
		ask_cancel(t, s);
		return;
	}
	s->mode = MODE_LIST;
	snprintf(code, sizeof code, "%s", s->code);
	/* What u books again: the halves that were mine, the group's size. */
	if ((d = desks_selected(s)) && strcmp(d->code, code) == 0) {
		half = (d->am.state == SLOT_MINE ? HALF_AM : 0) | (d->pm.state == SLOT_MINE ? HALF_PM : 0);
		kind = d->kind;
		people = d->am.state == SLOT_MINE ? d->am.attendees : d->pm.attendees;
	}
	s->for_login[0] = '\0';
	desks_undo_prepare(t, s, day);
	if (booking_cancel(t->app, day, code, HALF_DAY, NULL, &n, &err) != HOP_OK) {
		desks_load(t, s);
		tui_fail(t, &err);
		return;
	}
	if (half)
		desks_undo_done(s, false, code, kind, half, kind == DESK_KIND_DESK ? 0 : people);
	if (desks_load(t, s)) {
		tui_status(t, false, _("Cancelled your booking of %s on %s."), code,
		           date_format_human(day, date, sizeof date));
		if (half)
			desks_undo_hint(t);
	}
}

/* ---- filters and dates ---- */

void desks_prompt_open(struct tui *t, struct desks_state *s, enum mode mode, const char *label,
                       const char *text)
{
	s->mode = mode;
	input_init(&s->input, text, PROMPT_MAX);
	t->prompt = &s->input;
	t->prompt_label = label;
}

static void date_submit(struct tui *t, struct desks_state *s)
{
	char text[PROMPT_MAX * 4 + 1];
	struct hop_err err;
	hop_date day;

	if (!input_text(&s->input, text, sizeof text))
		text[0] = '\0';
	if (!text[0])
		return;
	if (date_parse(text, clock_today(), &day, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	desks_go_to(t, s, day);
}

static void attrs_submit(struct tui *t, struct desks_state *s)
{
	char text[PROMPT_MAX * 4 + 1];
	struct hop_err err;
	unsigned attrs = 0, was = s->attrs;

	if (!input_text(&s->input, text, sizeof text))
		text[0] = '\0';
	if (text[0] && desk_attr_parse(text, &attrs, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	s->attrs = attrs;
	if (!desks_load(t, s)) {
		s->attrs = was;
		desks_load(t, s);
	}
}

void desks_prompt_key(struct tui *t, struct desks_state *s, const struct tui_key *k)
{
	enum mode mode = s->mode;

	switch (input_key(&s->input, k)) {
	case INPUT_ENTER:
		t->prompt = NULL;
		s->mode = MODE_LIST;
		if (mode == MODE_PEOPLE)
			people_submit(t, s);
		else if (mode == MODE_DATE)
			date_submit(t, s);
		else if (mode == MODE_ATTRS)
			attrs_submit(t, s);
		break;
	case INPUT_ESCAPE:
		t->prompt = NULL;
		s->mode = MODE_LIST;
		if (mode == MODE_PEOPLE)
			tui_status(t, false, "%s", _("Not booked."));
		s->for_login[0] = '\0';
		break;
	case INPUT_FULL:
		tui_status(t, true, _("At most %zu bytes fit here."), s->input.max_bytes);
		break;
	default:
		break;
	}
}

void desks_zones_open(struct tui *t, struct desks_state *s)
{
	size_t initial = 0;

	if (!s->zone_items && !desks_load_zones(t, s))
		return;
	for (size_t i = 0; s->zone[0] && i < s->zones.n; i++) {
		char path[ZONE_PATH_MAX];
		snprintf(path, sizeof path, "%s/%s/%s", s->zones.v[i].site, s->zones.v[i].floor,
		         s->zones.v[i].name);
		if (strcmp(path, s->zone) == 0)
			initial = i + 1;
	}
	if (!pick_open(&s->pick, _("Zone:"), s->zone_items, s->zones.n + 1, initial)) {
		tui_status(t, true, "%s", _("Out of memory while opening the zone list."));
		return;
	}
	s->mode = MODE_ZONES;
}

void desks_zones_key(struct tui *t, struct desks_state *s, const struct tui_key *k)
{
	size_t i;
	char was[ZONE_PATH_MAX], was_name[HOP_ZONE_NAME_MAX + 1];

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any zone's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		snprintf(was, sizeof was, "%s", s->zone);
		snprintf(was_name, sizeof was_name, "%s", s->zone_name);
		if (i == 0 || i > s->zones.n) {
			s->zone[0] = s->zone_name[0] = '\0';
		} else {
			const struct hop_zone *z = &s->zones.v[i - 1];
			snprintf(s->zone, sizeof s->zone, "%s/%s/%s", z->site, z->floor, z->name);
			snprintf(s->zone_name, sizeof s->zone_name, "%s", z->name);
		}
		s->list.top = 0;
		if (!desks_load(t, s)) {
			snprintf(s->zone, sizeof s->zone, "%s", was);
			snprintf(s->zone_name, sizeof s->zone_name, "%s", was_name);
			desks_load(t, s);
		}
		break;
	}
	pick_close(&s->pick);
	s->mode = MODE_LIST;
}
