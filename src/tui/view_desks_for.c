/* The Desks screen's f: booking the selected place for someone else.  Core
 * says whom the acting user may book for on the day (booking_people_for:
 * facilities and admins anyone, a lead the members of their teams) and
 * refuses everyone else; the person is chosen from a list that narrows as
 * one types, then the half day as for oneself (view_desks_act.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/booking/booking.h"
#include "hop/base/i18n.h"
#include "advice.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_desks_int.h"

void desks_for_free(struct desks_state *s)
{
	person_list_free(&s->people);
	free(s->people_labels);
	free(s->people_items);
	s->people_labels = NULL;
	s->people_items = NULL;
}

void desks_for_open(struct tui *t, struct desks_state *s)
{
	const struct desk_day *d = desks_selected(s);
	struct hop_err err;
	char date[HOP_DATE_HUMAN_LEN];

	if (!d) {
		tui_status(t, true, "%s", _("There is no desk or room to book here."));
		return;
	}
	if (!s->view.working_day) {
		tui_status(t, true, "%s", s->view.not_working);
		return;
	}
	desks_for_free(s);
	if (booking_people_for(t->app, s->view.day, &s->people, &err) != HOP_OK) {
		desks_for_free(s);
		tui_fail(t, &err);
		return;
	}
	if (!s->people.n) {
		desks_for_free(s);
		tui_status(t, true, _("There is no one you may book for on %s."),
		           date_format_human(s->view.day, date, sizeof date));
		return;
	}
	s->people_labels = calloc(s->people.n, sizeof *s->people_labels);
	s->people_items = calloc(s->people.n, sizeof *s->people_items);
	if (!s->people_labels || !s->people_items) {
		desks_for_free(s);
		tui_status(t, true, _("Out of memory while listing %zu people."), s->people.n);
		return;
	}
	for (size_t i = 0; i < s->people.n; i++) {
		const struct hop_person *p = &s->people.v[i];

		if (p->team[0])
			snprintf(s->people_labels[i], sizeof s->people_labels[i], _("%s (%s) · %s"),
			         p->name, p->login, p->team);
		else
			snprintf(s->people_labels[i], sizeof s->people_labels[i], "%s (%s)", p->name,
			         p->login);
		s->people_items[i] = s->people_labels[i];
	}
	snprintf(s->code, sizeof s->code, "%s", d->code);
	s->kind = d->kind;
	s->capacity = d->capacity;
	if (!pick_open(&s->pick, _("For whom:"), s->people_items, s->people.n, 0)) {
		desks_for_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->mode = MODE_FOR;
	tui_status(t, false, _("Book %s on %s for someone else: type a name, Enter chooses."),
	           s->code, date_format_human(s->view.day, date, sizeof date));
}

void desks_for_key(struct tui *t, struct desks_state *s, const struct tui_key *k)
{
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any name."));
		return;
	case PICK_CANCEL:
		pick_close(&s->pick);
		desks_for_free(s);
		s->mode = MODE_LIST;
		tui_status(t, false, "%s", _("Not booked."));
		return;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		pick_close(&s->pick);
		s->mode = MODE_LIST;
		if (i < s->people.n) {
			snprintf(s->for_login, sizeof s->for_login, "%s", s->people.v[i].login);
			snprintf(s->for_name, sizeof s->for_name, "%s", s->people.v[i].name);
			desks_ask_half(t, s);
		}
		desks_for_free(s);
		return;
	}
}
