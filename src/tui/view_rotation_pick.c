/* The Rotation screen's choosers (see view_rotation.c): the team chooser
 * and [ ] (HR and admins among every team, a lead among the teams they
 * lead), the cohort chooser, which shows the chosen cohort's plan, and the
 * choices of the assignment form's person and team. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/i18n.h"
#include "hop/base/vec.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "advice.h"
#include "pick.h"
#include "tui_internal.h"
#include "view_rotation_int.h"

void rot_choice_free(struct rot_state *s)
{
	pick_close(&s->pick);
	team_list_free(&s->teams);
	cohort_list_free(&s->cohorts);
	free(s->labels);
	free(s->items);
	s->labels = NULL;
	s->items = NULL;
	s->nitems = 0;
}

static bool labels_alloc(struct tui *t, struct rot_state *s, size_t n)
{
	s->labels = calloc(n ? n : 1, sizeof *s->labels);
	s->items = calloc(n ? n : 1, sizeof *s->items);
	if (s->labels && s->items)
		return true;
	rot_choice_free(s);
	tui_status(t, true, "%s", _("Out of memory while opening the list."));
	return false;
}

/* The teams the actor may choose: every team for HR and admins, a lead's
 * own teams; into s->teams, keeping only those.  False (said) when none. */
static bool choosable_teams(struct tui *t, struct rot_state *s)
{
	bool all = (t->app->actor.roles & (ROLE_HR | ROLE_ADMIN)) != 0;
	struct hop_err err;
	size_t n = 0;

	rot_choice_free(s);
	if (!rot_may_choose_team(t)) {
		tui_status(t, false, "%s", _("You see your own timeline; a team's is for its lead "
		                             "and HR."));
		return false;
	}
	if (team_list(t->app, false, &s->teams, &err) != HOP_OK) {
		rot_choice_free(s);
		tui_fail(t, &err);
		return false;
	}
	for (size_t i = 0; i < s->teams.n; i++)
		if (all || authz_leads_team(t->app, s->teams.v[i].id))
			s->teams.v[n++] = s->teams.v[i];
	s->teams.n = n;
	if (!n) {
		rot_choice_free(s);
		tui_status(t, false, "%s", _("There is no team whose timeline you may see."));
		return false;
	}
	return true;
}

static void show_team(struct tui *t, struct rot_state *s, const struct hop_team *tm)
{
	int64_t was_id = s->team_id;
	char was[HOP_TEAM_NAME_MAX + 1];
	bool was_own = s->own;

	snprintf(was, sizeof was, "%s", s->team);
	s->team_id = tm->id;
	snprintf(s->team, sizeof s->team, "%s", tm->name);
	s->own = false;
	s->mode = ROT_TIMELINE;
	s->tl_list.top = s->tl_list.sel = 0;
	if (!rot_load_timeline(t, s)) {
		s->team_id = was_id;
		s->own = was_own;
		snprintf(s->team, sizeof s->team, "%s", was);
		return;
	}
	tui_status(t, false, _("The timeline of %s."), s->team);
}

void rot_team_open(struct tui *t, struct rot_state *s)
{
	size_t initial = 0;

	if (!choosable_teams(t, s) || !labels_alloc(t, s, s->teams.n))
		return;
	for (size_t i = 0; i < s->teams.n; i++) {
		snprintf(s->labels[i], ROT_LABEL_MAX, "%s", s->teams.v[i].name);
		s->items[i] = s->labels[i];
		if (s->teams.v[i].id == s->team_id)
			initial = i;
	}
	s->nitems = s->teams.n;
	if (!pick_open(&s->pick, _("Team:"), s->items, s->nitems, initial)) {
		rot_choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ROT_ASK_TEAM;
}

void rot_team_step(struct tui *t, struct rot_state *s, int dir)
{
	size_t at = 0, n;

	if (!choosable_teams(t, s))
		return;
	n = s->teams.n;
	for (size_t i = 0; i < n; i++)
		if (s->teams.v[i].id == s->team_id)
			at = i;
	if (s->own || !s->team_id)
		at = dir > 0 ? n - 1 : 0;
	show_team(t, s, &s->teams.v[(at + n + (size_t)(dir > 0 ? 1 : n - 1)) % n]);
	rot_choice_free(s);
}

void rot_cohort_open(struct tui *t, struct rot_state *s)
{
	struct hop_err err;
	size_t initial = 0;
	char start[32];

	rot_choice_free(s);
	if (cohort_list(t->app, &s->cohorts, &err) != HOP_OK) {
		rot_choice_free(s);
		tui_fail(t, &err);
		return;
	}
	if (!s->cohorts.n) {
		rot_choice_free(s);
		tui_status(t, false, "%s", _("There is no cohort yet (HR adds them)."));
		return;
	}
	if (!labels_alloc(t, s, s->cohorts.n))
		return;
	for (size_t i = 0; i < s->cohorts.n; i++) {
		const struct hop_cohort *c = &s->cohorts.v[i];

		snprintf(s->labels[i], ROT_LABEL_MAX,
		         ngettext("%s · from %s · %zu trainee", "%s · from %s · %zu trainees",
		                  c->ntrainees), c->name, tui_short_date(c->start, start, sizeof start),
		         c->ntrainees);
		s->items[i] = s->labels[i];
		if (strcmp(c->name, s->cohort) == 0)
			initial = i;
	}
	s->nitems = s->cohorts.n;
	if (!pick_open(&s->pick, _("Cohort:"), s->items, s->nitems, initial)) {
		rot_choice_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return;
	}
	s->ask = ROT_ASK_COHORT;
}

void rot_pick_key(struct tui *t, struct rot_state *s, const struct tui_key *k)
{
	enum rot_ask was = s->ask;
	size_t i;

	switch (pick_key(&s->pick, k)) {
	case PICK_CONTINUE:
		return;
	case PICK_FULL:
		tui_status(t, true, "%s", _("That is longer than any name in the list."));
		return;
	case PICK_CANCEL:
		break;
	case PICK_CHOSEN:
		i = pick_chosen(&s->pick);
		if (i >= s->nitems)
			break;
		if (was == ROT_ASK_TEAM) {
			show_team(t, s, &s->teams.v[i]);
			break;
		}
		snprintf(s->cohort, sizeof s->cohort, "%s", s->cohorts.v[i].name);
		s->mode = ROT_COHORT;
		s->generated = false;
		s->co_list.top = s->co_list.sel = 0;
		s->left = rot_month_index(s->cohorts.v[i].start) - 1;
		if (rot_load_cohort(t, s))
			tui_status(t, false, _("The plan of %s."), s->cohort);
		break;
	}
	rot_choice_free(s);
	s->ask = ROT_ASK_NONE;
}


/* ---- the assignment form's choices ---- */

void rot_form_choices_free(struct rot_state *s)
{
	for (int i = 0; i < 3; i++) {
		free(s->f_text[i]);
		s->f_text[i] = NULL;
	}
	free(s->f_people);
	free(s->f_logins);
	free(s->f_teams);
	free(s->f_team_values);
	s->f_people = s->f_logins = s->f_teams = s->f_team_values = NULL;
	s->f_npeople = s->f_nteams = 0;
}

/* Entries of text side by side in one growing block; where each begins is
 * kept as an offset, since the block moves as it grows. */
struct block {
	char *text;
	size_t used, cap;
	size_t *at;
	size_t n, cap_at;
	bool oom;
};

static void block_add(struct block *b, const char *fmt, const char *x, const char *y)
{
	int len = snprintf(NULL, 0, fmt, x, y);

	if (len < 0 || b->oom || !vec_grow(&b->text, &b->cap, b->used + (size_t)len + 1, 1) ||
	    !vec_grow(&b->at, &b->cap_at, b->n + 1, sizeof *b->at)) {
		b->oom = true;
		return;
	}
	snprintf(b->text + b->used, (size_t)len + 1, fmt, x, y);
	b->at[b->n++] = b->used;
	b->used += (size_t)len + 1;
}

/* The block's entries as pointers, its text handed to *text; NULL when
 * memory ran out (the block freed). */
static const char **block_take(struct block *b, char **text)
{
	const char **v = b->oom ? NULL : calloc(b->n ? b->n : 1, sizeof *v);

	for (size_t i = 0; v && i < b->n; i++)
		v[i] = b->text + b->at[i];
	free(b->at);
	if (!v) {
		free(b->text);
		b->text = NULL;
	}
	*text = b->text;
	return v;
}

struct people_blocks {
	struct block label, login;
};

static enum hop_status person_choice(void *ctx, const struct hop_person *p, struct hop_err *err)
{
	struct people_blocks *pb = ctx;

	(void)err;
	block_add(&pb->label, "%s (%s)", p->name, p->login);
	block_add(&pb->login, "%s%s", p->login, "");
	return HOP_OK;
}

bool rot_form_choices(struct tui *t, struct rot_state *s)
{
	struct people_blocks pb = { { 0 }, { 0 } };
	struct block tb = { 0 };
	const char **names;
	struct person_filter f = { 0 };
	struct hop_team_list teams = { 0 };
	struct hop_err err;
	bool read;

	rot_form_choices_free(s);
	read = person_each(t->app, &f, person_choice, &pb, &err) == HOP_OK &&
	       team_list(t->app, false, &teams, &err) == HOP_OK;
	for (size_t i = 0; read && i < teams.n; i++)
		block_add(&tb, "%s%s", teams.v[i].name, "");
	team_list_free(&teams);
	s->f_npeople = pb.label.n;
	s->f_nteams = tb.n + 1;
	s->f_people = block_take(&pb.label, &s->f_text[0]);
	s->f_logins = block_take(&pb.login, &s->f_text[1]);
	/* The teams after "(no team)": an assignment outside needs none. */
	names = block_take(&tb, &s->f_text[2]);
	s->f_teams = calloc(tb.n + 1, sizeof *s->f_teams);
	s->f_team_values = calloc(tb.n + 1, sizeof *s->f_team_values);
	if (!names) {
		free(s->f_teams);
		s->f_teams = NULL;
	} else if (s->f_teams && s->f_team_values) {
		s->f_teams[0] = _("(no team)");
		s->f_team_values[0] = "";
		for (size_t i = 0; i < tb.n; i++)
			s->f_teams[i + 1] = s->f_team_values[i + 1] = names[i];
	}
	free(names);
	if (!read) {
		rot_form_choices_free(s);
		tui_fail(t, &err);
		return false;
	}
	if (!s->f_people || !s->f_logins || !s->f_teams || !s->f_team_values) {
		rot_form_choices_free(s);
		tui_status(t, true, "%s", _("Out of memory while opening the list."));
		return false;
	}
	return true;
}
