/* The Onboarding screen's questions: ticking a step (unticking asks first:
 * it undoes someone's record), a step's note on the status line, the mentor
 * chooser over core's ranked suggestions (changing a mentor asks first), and
 * the team chooser (see view_onboarding.c).  Every change goes through core;
 * after it the data is read again, and a refusal is shown in core's words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "hop/base/i18n.h"
#include "hop/core/onboarding/onboarding.h"
#include "hop/core/onboarding/watch.h"
#include "advice.h"
#include "input.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_onboarding_int.h"

static bool is_yes(const struct tui_key *k)
{
	return key_is(k, L'y') || key_is(k, L'Y') || key_is(k, L'j') || key_is(k, L'J');
}

static bool is_no(const struct tui_key *k)
{
	return key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q');
}

/* Remember the step and the new hire a question is about: the data may be
 * read again before the answer. */
static const struct onb_step *take_step(struct tui *t, struct onbs_state *s, const char *none)
{
	const struct onb_step *st = onbs_sel_step(s);

	if (!st) {
		tui_status(t, true, "%s", none);
		return NULL;
	}
	s->step = st->number;
	snprintf(s->step_title, sizeof s->step_title, "%s", st->s.title);
	snprintf(s->who, sizeof s->who, "%s", s->cur.person.login);
	snprintf(s->who_name, sizeof s->who_name, "%s", s->cur.person.name);
	return st;
}

/* After a refusal, what is on the screen may be old: read it again, then say why. */
static void refused(struct tui *t, struct onbs_state *s, const struct hop_err *err)
{
	onbs_reload(t, s);
	tui_fail(t, err);
}

/* ---- ticking and unticking ---- */

static void tick(struct tui *t, struct onbs_state *s)
{
	struct hop_err err;
	char key[16];

	snprintf(key, sizeof key, "%d", s->step);
	if (onboarding_tick(t->app, s->who, key, HOP_DATE_NONE, NULL, &err) != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (!onbs_reload(t, s))
		return;
	if (s->cur.state == ONB_DONE)
		tui_status(t, false, _("Step %d ticked: every mandatory step is done, so the "
		                       "onboarding of %s is done."), s->step, s->who_name);
	else
		tui_status(t, false, _("Step %d '%s' ticked as done."), s->step, s->step_title);
}

static void ask_untick(struct tui *t, const struct onbs_state *s)
{
	const struct onb_step *st = onbs_sel_step(s);
	char date[32];

	if (st && st->done_on != HOP_DATE_NONE)
		tui_status(t, false, _("Untick step %d '%s', ticked by %s on %s?   y yes   n no"),
		           s->step, s->step_title, st->done_by,
		           tui_date_text(st->done_on, false, date, sizeof date));
	else
		tui_status(t, false, _("Untick step %d '%s'?   y yes   n no"), s->step, s->step_title);
}

void onbs_tick_open(struct tui *t, struct onbs_state *s)
{
	const struct onb_step *st = take_step(t, s, _("There is no step here to tick."));

	if (!st)
		return;
	if (st->dropped) {
		tui_status(t, true, _("Step %d is dropped: it is no longer asked for, so it is not "
		                      "ticked."), st->number);
		return;
	}
	if (st->done_on == HOP_DATE_NONE) {
		tick(t, s);
		return;
	}
	s->ask = ASK_UNTICK;
	ask_untick(t, s);
}

static void untick_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	struct hop_err err;
	char key[16];

	if (is_no(k)) {
		s->ask = ASK_NONE;
		tui_status(t, false, _("Nothing changed: step %d stays ticked."), s->step);
		return;
	}
	if (!is_yes(k)) {
		ask_untick(t, s);
		return;
	}
	s->ask = ASK_NONE;
	snprintf(key, sizeof key, "%d", s->step);
	if (onboarding_untick(t->app, s->who, key, &err) != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (onbs_reload(t, s))
		tui_status(t, false, _("Step %d '%s' is open again."), s->step, s->step_title);
}

/* ---- a step's note ---- */

void onbs_note_open(struct tui *t, struct onbs_state *s)
{
	const struct onb_step *st = take_step(t, s, _("There is no step here to write a note on."));

	if (!st)
		return;
	if (st->dropped) {
		tui_status(t, true, _("Step %d is dropped; changing it would ask for it again, so "
		                      "no note is written on it here."), st->number);
		return;
	}
	snprintf(s->note, sizeof s->note, "%s", st->s.note);
	if (!input_init(&s->input, s->note, NOTE_PROMPT_MAX)) {
		tui_status(t, true, _("The note of step %d is too long to change here."), st->number);
		return;
	}
	snprintf(s->label, sizeof s->label, _("Note on step %d: "), st->number);
	s->ask = ASK_NOTE;
	t->prompt = &s->input;
	t->prompt_label = s->label;
}

static void note_save(struct tui *t, struct onbs_state *s)
{
	struct onb_step_spec spec;
	struct hop_err err;
	char key[16];
	bool added;

	memset(&spec, 0, sizeof spec);
	if (!input_text(&s->input, spec.note, sizeof spec.note)) {
		tui_status(t, true, _("A note holds at most %d bytes."), HOP_STEP_NOTE_MAX);
		return;
	}
	if (strcmp(spec.note, s->note) == 0) {
		tui_status(t, false, "%s", _("The note is as it was."));
		return;
	}
	snprintf(key, sizeof key, "%d", s->step);
	if (onboarding_step_set(t->app, s->who, key, SF_NOTE, &spec, HOP_DATE_NONE, 0, &added,
	                        &err) != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (onbs_reload(t, s))
		tui_status(t, false, spec.note[0] ? _("Note on step %d saved.")
		                                  : _("Note on step %d removed."), s->step);
}

static void note_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	switch (input_key(&s->input, k)) {
	case INPUT_ENTER:
		t->prompt = NULL;
		s->ask = ASK_NONE;
		note_save(t, s);
		break;
	case INPUT_ESCAPE:
		t->prompt = NULL;
		s->ask = ASK_NONE;
		tui_status(t, false, "%s", _("The note is as it was."));
		break;
	case INPUT_FULL:
		tui_status(t, true, _("At most %zu bytes fit here."), s->input.max_bytes);
		break;
	default:
		break;
	}
}

/* ---- the choosers ---- */

void onbs_choice_free(struct onbs_state *s)
{
	pick_close(&s->pick);
	mentor_candidate_list_free(&s->cands);
	free(s->labels);
	free(s->items);
	s->labels = NULL;
	s->items = NULL;
	s->nitems = 0;
}

/* Room for n labels; false (and said so) when out of memory. */
static bool labels_alloc(struct tui *t, struct onbs_state *s, size_t n)
{
	s->labels = calloc(n ? n : 1, sizeof *s->labels);
	s->items = calloc(n ? n : 1, sizeof *s->items);
	if (s->labels && s->items)
		return true;
	onbs_choice_free(s);
	tui_status(t, true, "%s", _("Out of memory while opening the list."));
	return false;
}

/* "Anna Berg · same team · 1 mentee · 8/20 office days shared", with the
 * login only where two candidates share a name, and the mentor now (login
 * now) marked. */
static void candidate_label(const struct mentor_candidate_list *l, size_t i, const char *now,
                            char *buf, size_t size)
{
	const struct mentor_candidate *c = &l->v[i];
	char who[HOP_NAME_MAX + HOP_LOGIN_MAX + 32];
	bool twin = false;

	for (size_t j = 0; j < l->n && !twin; j++)
		twin = j != i && strcmp(l->v[j].person.name, c->person.name) == 0;
	if (twin)
		snprintf(who, sizeof who, "%s (%s)", c->person.name, c->person.login);
	else
		snprintf(who, sizeof who, "%s", c->person.name);
	if (strcmp(c->person.login, now) == 0) {
		size_t n = strlen(who);
		snprintf(who + n, sizeof who - n, "%s", _(" (now)"));
	}
	if (c->same_team)
		snprintf(buf, size, ngettext("%s · same team · %d mentee · %d/%d office days shared",
		                             "%s · same team · %d mentees · %d/%d office days shared",
		                             (unsigned long)c->load),
		         who, c->load, c->shared_days, c->window_days);
	else
		snprintf(buf, size, ngettext("%s · other team · %d mentee · %d/%d office days shared",
		                             "%s · other team · %d mentees · %d/%d office days shared",
		                             (unsigned long)c->load),
		         who, c->load, c->shared_days, c->window_days);
}

void onbs_mentor_open(struct tui *t, struct onbs_state *s)
{
	const struct onb_summary *o = onbs_target(s);
	char title[HOP_NAME_MAX * 2 + 64];
	struct hop_err err;

	if (!o) {
		tui_status(t, true, "%s", _("There is no onboarding here to choose a mentor for."));
		return;
	}
	/* Who may choose is core's rule; the suggestions are only for them. */
	if (authz_onboarding_manage(t->app, &o->person, o->person.team_id, &err) != HOP_OK) {
		tui_fail(t, &err);
		return;
	}
	snprintf(s->who, sizeof s->who, "%s", o->person.login);
	snprintf(s->who_name, sizeof s->who_name, "%s", o->person.name);
	snprintf(s->mentor, sizeof s->mentor, "%s", o->mentor_login);
	snprintf(s->mentor_name, sizeof s->mentor_name, "%s", o->mentor_name);
	onbs_choice_free(s);
	if (mentor_suggest(t->app, s->who, CAND_LIMIT, &s->cands, &err) != HOP_OK) {
		onbs_choice_free(s);
		tui_fail(t, &err);
		return;
	}
	if (!s->cands.n) {
		onbs_choice_free(s);
		tui_status(t, true, _("No one may mentor %s at present."), s->who_name);
		return;
	}
	if (!labels_alloc(t, s, s->cands.n))
		return;
	for (size_t i = 0; i < s->cands.n; i++) {
		candidate_label(&s->cands, i, s->mentor, s->labels[i], sizeof s->labels[i]);
		s->items[i] = s->labels[i];
	}
	s->nitems = s->cands.n;
	snprintf(title, sizeof title, _("Mentor for %s:"), s->who_name);
	if (!pick_open(&s->pick, title, s->items, s->nitems, 0)) {
		onbs_choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ASK_MENTOR;
}

/* Make the chosen one the mentor: a new mentorship, or (change) in place
 * of the current one. */
static void assign(struct tui *t, struct onbs_state *s, bool change)
{
	struct mentorship m;
	struct hop_err err;
	char from[32], until[32];
	enum hop_status st;

	if (change)
		st = mentor_change(t->app, s->who, s->chosen, &m, &err);
	else
		st = mentor_assign(t->app, s->who, s->chosen, HOP_DATE_NONE, HOP_DATE_NONE, NULL, &m,
		                   &err);
	if (st != HOP_OK) {
		refused(t, s, &err);
		return;
	}
	if (!onbs_reload(t, s))
		return;
	tui_date_text(m.start, false, from, sizeof from);
	tui_date_text(m.end, false, until, sizeof until);
	if (change)
		tui_status(t, false, _("%s is now the mentor of %s instead of %s, from %s to %s."),
		           s->chosen_name, s->who_name, s->mentor_name, from, until);
	else
		tui_status(t, false, _("%s is now the mentor of %s, from %s to %s."), s->chosen_name,
		           s->who_name, from, until);
}

static void ask_change(struct tui *t, const struct onbs_state *s)
{
	tui_status(t, false, _("Make %s the mentor of %s from today on, instead of %s?   y yes   "
	                       "n no"), s->chosen_name, s->who_name, s->mentor_name);
}

static void mentor_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	const struct mentor_candidate *c;
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any name in the list."));
		return;
	case PICK_CANCEL:
		onbs_choice_free(s);
		s->ask = ASK_NONE;
		tui_status(t, false, "%s", _("The mentor is as it was."));
		return;
	case PICK_CHOSEN:
		break;
	}
	i = pick_chosen(&s->pick);
	if (i >= s->cands.n) {
		onbs_choice_free(s);
		s->ask = ASK_NONE;
		return;
	}
	c = &s->cands.v[i];
	snprintf(s->chosen, sizeof s->chosen, "%s", c->person.login);
	snprintf(s->chosen_name, sizeof s->chosen_name, "%s", c->person.name);
	onbs_choice_free(s);
	s->ask = ASK_NONE;
	if (!s->mentor[0]) {
		assign(t, s, false);
	} else if (strcmp(s->mentor, s->chosen) == 0) {
		tui_status(t, false, _("%s is already the mentor of %s."), s->chosen_name, s->who_name);
	} else {
		s->ask = ASK_CHANGE;
		ask_change(t, s);
	}
}

static void change_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	if (is_no(k)) {
		s->ask = ASK_NONE;
		tui_status(t, false, "%s", _("The mentor is as it was."));
	} else if (is_yes(k)) {
		s->ask = ASK_NONE;
		assign(t, s, true);
	} else {
		ask_change(t, s);
	}
}

static int by_label(const void *a, const void *b)
{
	return strcoll(*(const char *const *)a, *(const char *const *)b);
}

/* The teams of the onboardings read (not of those shown: the filter is
 * being chosen), "All teams" first. */
void onbs_team_open(struct tui *t, struct onbs_state *s)
{
	size_t n = 1, initial = 0;

	onbs_choice_free(s);
	if (!s->all.n) {
		tui_status(t, false, "%s", _("There are no onboardings to show by team."));
		return;
	}
	if (!labels_alloc(t, s, s->all.n + 1))
		return;
	snprintf(s->labels[0], sizeof s->labels[0], "%s", _("All teams"));
	s->items[0] = s->labels[0];
	for (size_t i = 0; i < s->all.n; i++) {
		const char *team = s->all.v[i].person.team;
		bool seen = !team[0];

		for (size_t j = 1; j < n && !seen; j++)
			seen = strcmp(s->labels[j], team) == 0;
		if (seen)
			continue;
		snprintf(s->labels[n], sizeof s->labels[n], "%s", team);
		s->items[n] = s->labels[n];
		n++;
	}
	qsort(s->items + 1, n - 1, sizeof *s->items, by_label);
	for (size_t i = 1; i < n; i++)
		if (s->team[0] && strcmp(s->items[i], s->team) == 0)
			initial = i;
	s->nitems = n;
	if (!pick_open(&s->pick, _("Team:"), s->items, n, initial)) {
		onbs_choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ASK_TEAM;
}

static void team_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any team's name."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		if (i == 0 || i >= s->nitems)
			s->team[0] = '\0';
		else
			snprintf(s->team, sizeof s->team, "%s", s->items[i]);
		/* The filter shows in the list. */
		s->view = VIEW_LIST;
		onbs_filter(s);
		break;
	}
	onbs_choice_free(s);
	s->ask = ASK_NONE;
}

void onbs_ask_key(struct tui *t, struct onbs_state *s, const struct tui_key *k)
{
	switch (s->ask) {
	case ASK_UNTICK:
		untick_key(t, s, k);
		break;
	case ASK_NOTE:
		note_key(t, s, k);
		break;
	case ASK_MENTOR:
		mentor_key(t, s, k);
		break;
	case ASK_CHANGE:
		change_key(t, s, k);
		break;
	case ASK_TEAM:
		team_key(t, s, k);
		break;
	case ASK_NONE:
	case ASK_DETAIL:
		s->ask = ASK_NONE;
		break;
	}
}
