/* The Rotation screen (tab 6), in three modes that t, d and c switch between:
 *
 *   timeline  the people of a team, one line each: the name, then one
 *             character per month (= post, S station, A secondment, V
 *             acting), the due month marked ! (E with an exception on
 *             file), today's month marked; h/l scroll by months, H/L by
 *             years; a lead sees their team, an employee only themself,
 *             HR and admins choose any team (T, [ and ]);
 *   due list  the rotations due, overdue first, with area, since, due and
 *             the exception on file;
 *   cohort    a trainee cohort's plan (stored, or just generated) as the
 *             same timeline with station letters, and the plan's check.
 *
 * Keys change data only through core and only after y: a adds an
 * assignment, e an exception, g generates a cohort's plan (and keeps it as
 * the draft), p publishes it.  What is due, who may see whom and whether a
 * plan is valid are core's word (rotation_timeline, rotation_due_list,
 * cohort_check).  Everything is read again whenever the tab is shown.
 *
 * This file holds reading the data, the keys and the view's entry;
 * view_rotation_draw.c draws, view_rotation_act.c runs what keys open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/authz.h"
#include "advice.h"
#include "list.h"
#include "tui_internal.h"
#include "view_rotation_int.h"

int rot_month_index(hop_date day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

hop_date rot_month_day(int index)
{
	return date_from_ymd(index / 12, index % 12 + 1, 1);
}

bool rot_may_choose_team(const struct tui *t)
{
	return (t->app->actor.roles & (ROLE_LEAD | ROLE_HR | ROLE_ADMIN)) != 0;
}

bool rot_selected(const struct rot_state *s, char *login, size_t lsize, char *name,
                  size_t nsize)
{
	size_t i;

	switch (s->mode) {
	case ROT_TIMELINE:
		i = list_item(&s->tl_list);
		if (i == LIST_NONE || i >= s->tl.n)
			return false;
		snprintf(login, lsize, "%s", s->tl.v[i].login);
		snprintf(name, nsize, "%s", s->tl.v[i].name);
		return true;
	case ROT_DUE:
		i = list_item(&s->due_list);
		if (i == LIST_NONE || i >= s->due.n)
			return false;
		snprintf(login, lsize, "%s", s->due.v[i].login);
		snprintf(name, nsize, "%s", s->due.v[i].name);
		return true;
	case ROT_COHORT:
		i = list_item(&s->co_list);
		if (!s->cohort_ok || i == LIST_NONE || i >= s->prob.ntrainees)
			return false;
		snprintf(login, lsize, "%s", s->prob.trainees[i].login);
		snprintf(name, nsize, "%s", s->prob.trainees[i].name);
		return true;
	}
	return false;
}

/* ---- the data ---- */

/* The team a lead or HR sees first: their own team when they may see it,
 * else the first team they lead; an employee sees only themself. */
static void default_team(struct tui *t, struct rot_state *s)
{
	const struct hop_actor *a = &t->app->actor;
	struct hop_team_list l = { 0 };
	struct hop_err err;

	s->own = true;
	if (!rot_may_choose_team(t))
		return;
	if (a->known && a->person.team_id && ((a->roles & (ROLE_HR | ROLE_ADMIN)) ||
	                                      authz_leads_team(t->app, a->person.team_id))) {
		s->own = false;
		s->team_id = a->person.team_id;
		snprintf(s->team, sizeof s->team, "%s", a->person.team);
		return;
	}
	if (team_list(t->app, false, &l, &err) != HOP_OK) {
		team_list_free(&l);
		return;
	}
	for (size_t i = 0; i < l.n && s->own; i++) {
		if ((a->roles & (ROLE_HR | ROLE_ADMIN)) || authz_leads_team(t->app, l.v[i].id)) {
			s->own = false;
			s->team_id = l.v[i].id;
			snprintf(s->team, sizeof s->team, "%s", l.v[i].name);
		}
	}
	team_list_free(&l);
}

bool rot_load_timeline(struct tui *t, struct rot_state *s)
{
	int fit = rot_months_fit(t->cols);
	struct rotation_timeline_query q = { 0 };
	struct rotation_timeline tl = { 0 };
	size_t i = list_item(&s->tl_list);
	int64_t keep = i != LIST_NONE && i < s->tl.n ? s->tl.v[i].person_id : 0;
	struct hop_err err;

	q.from = rot_month_day(s->left);
	q.to = rot_month_day(s->left + fit) - 1;
	if (!s->own)
		q.team = s->team;
	if (rotation_timeline(t->app, &q, &tl, &err) != HOP_OK) {
		rotation_timeline_free(&tl);
		tui_fail(t, &err);
		return false;
	}
	if (!list_build(&s->tl_list, tl.n, NULL, NULL)) {
		rotation_timeline_free(&tl);
		tui_status(t, true, _("Out of memory while listing %zu people."), tl.n);
		return false;
	}
	rotation_timeline_free(&s->tl);
	s->tl = tl;
	s->loaded_left = s->left;
	s->loaded_months = fit;
	list_select(&s->tl_list, LIST_NONE);
	for (size_t j = 0; keep && j < s->tl.n; j++)
		if (s->tl.v[j].person_id == keep)
			list_select(&s->tl_list, j);
	return true;
}

static bool load_due(struct tui *t, struct rot_state *s)
{
	struct rotation_due_filter f = { 0 };
	struct rotation_due_list l = { 0 };
	size_t i = list_item(&s->due_list);
	int64_t keep = i != LIST_NONE && i < s->due.n ? s->due.v[i].person_id : 0;
	struct hop_err err;

	if (rotation_due_list(t->app, &f, &l, &err) != HOP_OK) {
		rotation_due_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	if (!list_build(&s->due_list, l.n, NULL, NULL)) {
		rotation_due_list_free(&l);
		tui_status(t, true, _("Out of memory while listing %zu people."), l.n);
		return false;
	}
	rotation_due_list_free(&s->due);
	s->due = l;
	list_select(&s->due_list, LIST_NONE);
	for (size_t j = 0; keep && j < s->due.n; j++)
		if (s->due.v[j].person_id == keep)
			list_select(&s->due_list, j);
	return true;
}

void rot_check_plan(struct tui *t, struct rot_state *s)
{
	struct hop_err err;

	cohort_violation_list_free(&s->viol);
	if (!s->has_plan)
		return;
	if (cohort_check(&s->prob, &s->plan, &s->viol, &err) != HOP_OK) {
		cohort_violation_list_free(&s->viol);
		tui_fail(t, &err);
	}
}

static void cohort_free(struct rot_state *s)
{
	cohort_problem_free(&s->prob);
	cohort_plan_free(&s->plan);
	cohort_violation_list_free(&s->viol);
	free(s->letters);
	s->letters = NULL;
	s->cohort_ok = s->has_plan = s->generated = false;
	memset(&s->prob, 0, sizeof s->prob);
	memset(&s->plan, 0, sizeof s->plan);
}

bool rot_load_cohort(struct tui *t, struct rot_state *s)
{
	struct hop_err err;
	size_t keep = list_item(&s->co_list);

	cohort_free(s);
	if (!s->cohort[0])
		return true;
	if (cohort_get(t->app, s->cohort, &s->info, &err) != HOP_OK ||
	    cohort_problem_load(t->app, s->cohort, &s->prob, &err) != HOP_OK) {
		cohort_free(s);
		tui_fail(t, &err);
		return false;
	}
	if (cohort_plan_load(t->app, &s->prob, &s->plan, &err) != HOP_OK) {
		cohort_free(s);
		tui_fail(t, &err);
		return false;
	}
	s->has_plan = s->plan.n > 0;
	if (!rot_letters(s) || !list_build(&s->co_list, s->prob.ntrainees, NULL, NULL)) {
		cohort_free(s);
		tui_status(t, true, "%s", _("Out of memory while reading the cohort."));
		return false;
	}
	s->cohort_ok = true;
	list_select(&s->co_list, keep);
	rot_check_plan(t, s);
	return true;
}

bool rot_reload(struct tui *t, struct rot_state *s)
{
	s->today = clock_today();
	switch (s->mode) {
	case ROT_DUE:
		return load_due(t, s);
	case ROT_COHORT:
		/* A generated plan not yet kept stays on screen until answered. */
		return s->generated ? true : rot_load_cohort(t, s);
	default:
		return rot_load_timeline(t, s);
	}
}

/* The first showing places the months (about three fifths of them before
 * today, so that the past assignments and the coming due dates both show)
 * and chooses the team; each showing reads the data again. */
static void rot_show(struct tui *t, void *state)
{
	struct rot_state *s = state;

	s->today = clock_today();
	if (!s->started) {
		s->started = true;
		s->mode = ROT_TIMELINE;
		s->left = rot_month_index(s->today) - rot_months_fit(t->cols) * 3 / 5;
		default_team(t, s);
	}
	if (s->ask == ROT_ASK_NONE)
		rot_reload(t, s);
}

static void rot_close(struct tui *t, void *state)
{
	struct rot_state *s = state;

	(void)t;
	rot_ask_free(s);
	rotation_timeline_free(&s->tl);
	rotation_due_list_free(&s->due);
	cohort_free(s);
	list_free(&s->tl_list);
	list_free(&s->due_list);
	list_free(&s->co_list);
}

/* ---- keys ---- */

static bool rot_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct rot_state *s = state;

	if (s->ask == ROT_ASK_NONE)
		return false;
	rot_ask_key(t, s, k);
	return true;
}

static struct tui_list *shown_list(struct rot_state *s)
{
	switch (s->mode) {
	case ROT_DUE:    return &s->due_list;
	case ROT_COHORT: return &s->co_list;
	default:         return &s->tl_list;
	}
}

static bool act_move(struct tui *t, void *state, int arg)
{
	(void)t;
	list_move(shown_list(state), arg);
	return true;
}

static bool act_page(struct tui *t, void *state, int arg)
{
	(void)t;
	list_page(shown_list(state), arg);
	return true;
}

static bool act_home(struct tui *t, void *state, int arg)
{
	(void)t;
	list_home(shown_list(state), arg);
	return true;
}

/* h l H L: the months shown move by arg months; the timeline is read for
 * them (the people of the team in those months). */
static bool act_scroll(struct tui *t, void *state, int arg)
{
	struct rot_state *s = state;
	char from[32], to[32];

	if (s->mode == ROT_DUE) {
		tui_status(t, false, "%s", _("The due list has no months: t shows the timeline."));
		return true;
	}
	s->left += arg;
	if (s->mode == ROT_TIMELINE && !rot_load_timeline(t, s)) {
		s->left -= arg;
		return true;
	}
	tui_status(t, false, _("Months %s to %s."),
	           tui_short_date(rot_month_day(s->left), from, sizeof from),
	           tui_short_date(rot_month_day(s->left + rot_months_fit(t->cols)) - 1, to,
	                          sizeof to));
	return true;
}

static bool act_enter(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_detail_open(t, state);
	return true;
}

static bool act_mode(struct tui *t, void *state, int arg)
{
	struct rot_state *s = state;

	s->mode = (enum rot_mode)arg;
	if (s->mode == ROT_COHORT && !s->cohort[0]) {
		rot_cohort_open(t, s);
		return true;
	}
	if (!rot_reload(t, s))
		return true;
	switch (s->mode) {
	case ROT_TIMELINE:
		tui_status(t, false, "%s", s->own ? _("Your own assignments, month by month.")
		                                  : _("The team's assignments, month by month."));
		break;
	case ROT_DUE:
		tui_status(t, false, "%s", _("The rotations due, overdue first."));
		break;
	case ROT_COHORT:
		tui_status(t, false, "%s", _("The cohort's plan and its check; c chooses another."));
		break;
	}
	return true;
}

static bool act_cohort(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_cohort_open(t, state);
	return true;
}

static bool act_assign(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_assign_open(t, state);
	return true;
}

static bool act_exception(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_exception_open(t, state);
	return true;
}

static bool act_generate(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_generate(t, state);
	return true;
}

static bool act_publish(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_publish_open(t, state);
	return true;
}

static bool act_team(struct tui *t, void *state, int arg)
{
	(void)arg;
	rot_team_open(t, state);
	return true;
}

static bool act_team_step(struct tui *t, void *state, int arg)
{
	rot_team_step(t, state, arg);
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct rot_state *s = state;

	(void)arg;
	s->generated = false;
	if (rot_reload(t, s))
		tui_status(t, false, "%s", _("Read again from the database."));
	return true;
}

#define ENTER '\r', '\n', TUI_FN(KEY_ENTER)

static const struct tui_action rot_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous person"), NULL, act_move,
	  1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { 'h', TUI_FN(KEY_LEFT) }, N_("h l  ← →  H L"), N_("a month earlier / later; H L: a year"),
	  NULL, act_scroll, -1 },
	{ { 'l', TUI_FN(KEY_RIGHT) }, NULL, NULL, NULL, act_scroll, 1 },
	{ { 'H' }, NULL, NULL, NULL, act_scroll, -12 },
	{ { 'L' }, NULL, NULL, NULL, act_scroll, 12 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, N_("PgDn Space  PgUp"), N_("a page down / up"), NULL,
	  act_page, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { TUI_FN(KEY_HOME) }, N_("Home End"), N_("first / last person"), NULL, act_home, 0 },
	{ { TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { ENTER }, N_("Enter"), N_("the person's assignments, due date and exception"), NULL,
	  act_enter },
	{ { 't' }, N_("t d c  r"), N_("timeline / due list / a cohort / read again"),
	  N_("t d c view"), act_mode, ROT_TIMELINE },
	{ { 'd' }, NULL, NULL, NULL, act_mode, ROT_DUE },
	{ { 'c' }, NULL, NULL, NULL, act_cohort },
	{ { 'r' }, NULL, NULL, NULL, act_reload },
	{ { 'a' }, N_("a"), N_("add an assignment (form, then y)"), N_("a assign"), act_assign },
	{ { 'e' }, N_("e"), N_("file an exception for the person (form, then y)"),
	  N_("e exception"), act_exception },
	{ { 'g' }, N_("g p"), N_("generate / publish the cohort's plan (then y)"), N_("g plan"),
	  act_generate },
	{ { 'p' }, NULL, NULL, N_("p publish"), act_publish },
	{ { 'T' }, N_("T  [ ]"), N_("another team: from a list / previous / next"), N_("T team"),
	  act_team },
	{ { '[' }, NULL, NULL, NULL, act_team_step, -1 },
	{ { ']' }, NULL, NULL, NULL, act_team_step, 1 },
	{ { 0 }, N_("= · S · A · V"), N_("post, station, secondment, acting") },
	{ { 0 }, N_("! · E · ▼"), N_("due (red: overdue), with an exception; today") },
};

const struct tui_view view_rotation = {
	.name = N_("Rotation"),
	TUI_TABLE(rot_actions),
	.state_size = sizeof(struct rot_state),
	.show = rot_show,
	.draw = rot_draw,
	.key = rot_question,
	.close = rot_close,
};
