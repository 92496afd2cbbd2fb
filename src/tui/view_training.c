/* The Training screen (tab 5), in three views that v switches between:
 *
 *   my own    what is due, valid and expiring for the actor, course by
 *             course, and below the next sessions with free seats of those
 *             courses; Enter enrols, d cancels an enrolment (after y);
 *   matrix    for leads and HR: the people of a team × the courses required
 *             of them, a letter and a colour per cell, counts per column and
 *             the share valid (the team's coverage) below; T chooses the team;
 *   sessions  every coming session with its seats taken and free, the
 *             waitlist and the requests; Enter enrols, i shows all about one.
 *
 * What is required and where each person stands is core's word
 * (trn_status_person, trn_status_people); sessions and enrolments too
 * (session_list, enrol_add, enrol_cancel), and a refusal is shown as core
 * says it.  Everything is read again whenever the tab is shown, since other
 * screens and other processes change it.
 *
 * This file holds reading the data, the keys and the view's entry;
 * view_training_draw.c and view_training_matrix.c draw, view_training_act.c
 * runs what the keys open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hop/base/clock.h"
#include "hop/base/i18n.h"
#include "hop/core/app.h"
#include "hop/core/training/session.h"
#include "hop/core/training/status.h"
#include "advice.h"
#include "list.h"
#include "tui_internal.h"
#include "view_training_int.h"

/* How many sessions my own view lists below my courses. */
#define MINE_SESSIONS_MAX 40

bool trs_sees_matrix(const struct tui *t)
{
	return (t->app->actor.roles & (ROLE_LEAD | ROLE_HR | ROLE_ADMIN)) != 0;
}

char *trs_when(struct hop_datetime when, char *buf, size_t size)
{
	char day[16], hhmm[8];

	snprintf(buf, size, "%s %s", tui_short_date(when.day, day, sizeof day),
	         datetime_hhmm(when.minute, hhmm));
	return buf;
}

/* ---- the data ---- */

const struct trn_session *trs_sel_session(const struct trs_state *s)
{
	size_t i;

	if (s->mode == TRS_SESSIONS) {
		i = list_item(&s->sess_list);
		return i != LIST_NONE && i < s->sessions.n ? &s->sessions.v[i] : NULL;
	}
	if (s->mode == TRS_MINE) {
		i = list_item(&s->mine_list);
		if (i == LIST_NONE || i < s->mine.n || i - s->mine.n >= s->nmine_sess)
			return NULL;
		return &s->sessions.v[s->mine_sess[i - s->mine.n]];
	}
	return NULL;
}

void trs_select_session(struct trs_state *s, int64_t id)
{
	if (s->mode == TRS_SESSIONS) {
		for (size_t i = 0; i < s->sessions.n; i++)
			if (s->sessions.v[i].id == id)
				list_select(&s->sess_list, i);
	} else if (s->mode == TRS_MINE) {
		for (size_t i = 0; i < s->nmine_sess; i++)
			if (s->sessions.v[s->mine_sess[i]].id == id)
				list_select(&s->mine_list, s->mine.n + i);
	}
}

/* Do my rows a and b stand under one heading: my courses, or the sessions? */
static bool mine_same(const void *ctx, size_t a, size_t b)
{
	const struct trs_state *s = ctx;

	return (a < s->mine.n) == (b < s->mine.n);
}

/* Does the session concern me: one of my courses with a free seat, or one
 * I am enrolled in? */
static bool concerns_me(const struct trs_state *s, const struct trn_session *ss)
{
	if (ss->mine)
		return true;
	if (ss->free <= 0)
		return false;
	for (size_t i = 0; i < s->mine.n; i++)
		if (s->mine.v[i].course_id == ss->course_id &&
		    s->mine.v[i].st.status != TRN_NOT_REQUIRED)
			return true;
	return false;
}

static bool load_sessions(struct tui *t, struct trs_state *s)
{
	struct session_filter f = { .from = s->today, .to = HOP_DATE_NONE };
	struct trn_session_list l = { 0 };
	const struct trn_session *was = trs_sel_session(s);
	int64_t keep = was ? was->id : 0;
	struct hop_err err;

	if (session_list(t->app, &f, &l, &err) != HOP_OK) {
		trn_session_list_free(&l);
		tui_fail(t, &err);
		return false;
	}
	if (!list_build(&s->sess_list, l.n, NULL, NULL)) {
		trn_session_list_free(&l);
		tui_status(t, true, _("Out of memory while listing %zu sessions."), l.n);
		return false;
	}
	/* The rows of my view point into the old list: none until rebuilt. */
	s->nmine_sess = 0;
	list_build(&s->mine_list, 0, NULL, NULL);
	trn_session_list_free(&s->sessions);
	s->sessions = l;
	list_select(&s->sess_list, LIST_NONE);
	if (keep && s->mode == TRS_SESSIONS)
		trs_select_session(s, keep);
	return true;
}

/* My status and the sessions of my courses (load_sessions first). */
static bool load_mine(struct tui *t, struct trs_state *s, int64_t keep_session,
                      int64_t keep_course)
{
	struct trn_status_list l = { 0 };
	size_t *idx, n = 0;
	struct hop_err err;
	bool ok = true;

	if (!t->app->actor.known) {
		s->mine_ok = false;
	} else if (trn_status_person(t->app, NULL, s->today, &l, &err) != HOP_OK) {
		trn_status_list_free(&l);
		tui_fail(t, &err);
		s->mine_ok = false;
		ok = false;
	} else {
		s->mine_ok = true;
	}
	trn_status_list_free(&s->mine);
	s->mine = l;
	idx = calloc(s->sessions.n ? s->sessions.n : 1, sizeof *idx);
	for (size_t i = 0; idx && i < s->sessions.n && n < MINE_SESSIONS_MAX; i++)
		if (concerns_me(s, &s->sessions.v[i]))
			idx[n++] = i;
	free(s->mine_sess);
	s->mine_sess = idx;
	s->nmine_sess = idx ? n : 0;
	if (!list_build(&s->mine_list, s->mine.n + s->nmine_sess, mine_same, s)) {
		s->nmine_sess = 0;
		trn_status_list_free(&s->mine);
		list_build(&s->mine_list, 0, NULL, NULL);
		tui_status(t, true, "%s", _("Out of memory while listing your courses."));
		return false;
	}
	list_select(&s->mine_list, LIST_NONE);
	for (size_t i = 0; keep_course && i < s->mine.n; i++)
		if (s->mine.v[i].course_id == keep_course)
			list_select(&s->mine_list, i);
	if (keep_session)
		trs_select_session(s, keep_session);
	return ok;
}

bool trs_reload(struct tui *t, struct trs_state *s)
{
	const struct trn_session *ss = trs_sel_session(s);
	int64_t keep_session = ss ? ss->id : 0, keep_course = 0;
	size_t i = list_item(&s->mine_list);

	if (s->mode == TRS_MINE && i != LIST_NONE && i < s->mine.n)
		keep_course = s->mine.v[i].course_id;
	s->today = clock_today();
	if (s->mode == TRS_MATRIX)
		return trs_matrix_load(t, s);
	if (!load_sessions(t, s))
		return false;
	if (!load_mine(t, s, keep_session, keep_course))
		return false;
	if (s->mode == TRS_SESSIONS && keep_session)
		trs_select_session(s, keep_session);
	return true;
}

/* Each showing reads the data again.  The first chooses the view: the
 * matrix of their team for leads and HR, their own courses for everyone
 * else. */
static void trs_show(struct tui *t, void *state)
{
	struct trs_state *s = state;

	if (!s->started) {
		s->started = true;
		s->mode = trs_sees_matrix(t) ? TRS_MATRIX : TRS_MINE;
	}
	trs_reload(t, s);
}

static void trs_close(struct tui *t, void *state)
{
	struct trs_state *s = state;

	(void)t;
	trs_ask_free(s);
	trn_status_list_free(&s->mine);
	trn_session_list_free(&s->sessions);
	free(s->mine_sess);
	list_free(&s->mine_list);
	list_free(&s->sess_list);
	trs_matrix_free(s);
}

/* ---- keys ---- */

/* A question in progress takes every key; the details boxes close on any. */
static bool trs_question(struct tui *t, void *state, const struct tui_key *k)
{
	struct trs_state *s = state;

	switch (s->ask) {
	case TRS_ASK_NONE:
		return false;
	case TRS_ASK_CELL:
	case TRS_ASK_SESSION:
		trs_ask_free(s);
		s->ask = TRS_ASK_NONE;
		return true;
	default:
		trs_ask_key(t, s, k);
		return true;
	}
}

static struct tui_list *shown_list(struct trs_state *s)
{
	switch (s->mode) {
	case TRS_MATRIX:   return &s->grid;
	case TRS_SESSIONS: return &s->sess_list;
	default:           return &s->mine_list;
	}
}

static bool act_move(struct tui *t, void *state, int arg)
{
	(void)t;
	list_move(shown_list(state), arg);
	return true;
}

static bool act_col(struct tui *t, void *state, int arg)
{
	struct trs_state *s = state;

	if (s->mode != TRS_MATRIX)
		tui_status(t, false, "%s", _("← and → move between the courses of the matrix (v shows it)."));
	else
		list_move_col(&s->grid, arg);
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

/* Enter on one of my courses: to its first session below, if there is one. */
static void to_course_session(struct tui *t, struct trs_state *s, size_t row)
{
	const struct trn_status_row *r = &s->mine.v[row];

	for (size_t i = 0; i < s->nmine_sess; i++) {
		if (s->sessions.v[s->mine_sess[i]].course_id == r->course_id) {
			list_select(&s->mine_list, s->mine.n + i);
			tui_status(t, false, _("The next session of %s; Enter enrols you."), r->title);
			return;
		}
	}
	tui_status(t, false, _("No coming session of %s has a free seat; HR plans the sessions."),
	           r->title);
}

static bool act_enter(struct tui *t, void *state, int arg)
{
	struct trs_state *s = state;
	size_t i;

	(void)arg;
	switch (s->mode) {
	case TRS_MATRIX:
		trs_cell_open(t, s);
		break;
	case TRS_MINE:
		i = list_item(&s->mine_list);
		if (i != LIST_NONE && i < s->mine.n)
			to_course_session(t, s, i);
		else
			trs_enrol(t, s);
		break;
	case TRS_SESSIONS:
		trs_enrol(t, s);
		break;
	}
	return true;
}

static bool act_cancel(struct tui *t, void *state, int arg)
{
	(void)arg;
	trs_cancel_open(t, state);
	return true;
}

static bool act_info(struct tui *t, void *state, int arg)
{
	struct trs_state *s = state;

	(void)arg;
	if (s->mode == TRS_MATRIX)
		trs_cell_open(t, s);
	else
		trs_session_open(t, s);
	return true;
}

/* v: matrix (leads and HR), sessions, my own, and round again. */
static bool act_view(struct tui *t, void *state, int arg)
{
	struct trs_state *s = state;
	static const enum trs_mode next[] = {
		[TRS_MATRIX] = TRS_SESSIONS, [TRS_SESSIONS] = TRS_MINE, [TRS_MINE] = TRS_MATRIX,
	};
	const char *said;

	(void)arg;
	s->mode = next[s->mode];
	if (s->mode == TRS_MATRIX && !trs_sees_matrix(t))
		s->mode = TRS_SESSIONS;
	switch (s->mode) {
	case TRS_MATRIX:   said = _("The matrix of the team's required courses."); break;
	case TRS_SESSIONS: said = _("The coming sessions, with seats and waitlists."); break;
	default:           said = _("Your own courses and the sessions for them."); break;
	}
	if (trs_reload(t, s))
		tui_status(t, false, "%s", said);
	return true;
}

static bool act_team(struct tui *t, void *state, int arg)
{
	(void)arg;
	trs_team_open(t, state);
	return true;
}

static bool act_reload(struct tui *t, void *state, int arg)
{
	struct trs_state *s = state;

	(void)arg;
	if (trs_reload(t, s))
		tui_status(t, false, "%s", _("Read again from the database."));
	return true;
}

#define ENTER '\r', '\n', TUI_FN(KEY_ENTER)

static const struct tui_action trs_actions[] = {
	{ { 'j', TUI_FN(KEY_DOWN) }, N_("j k  ↓ ↑"), N_("next / previous row"), NULL, act_move, 1 },
	{ { 'k', TUI_FN(KEY_UP) }, NULL, NULL, NULL, act_move, -1 },
	{ { 'h', TUI_FN(KEY_LEFT) }, N_("h l  ← →"), N_("previous / next course of the matrix"),
	  NULL, act_col, -1 },
	{ { 'l', TUI_FN(KEY_RIGHT) }, NULL, NULL, NULL, act_col, 1 },
	{ { TUI_FN(KEY_NPAGE), ' ' }, N_("PgDn Space  PgUp"), N_("a page down / up"), NULL,
	  act_page, 1 },
	{ { TUI_FN(KEY_PPAGE) }, NULL, NULL, NULL, act_page, -1 },
	{ { TUI_FN(KEY_HOME) }, N_("Home End"), N_("first / last row"), NULL, act_home, 0 },
	{ { TUI_FN(KEY_END) }, NULL, NULL, NULL, act_home, 1 },
	{ { ENTER }, N_("Enter"), N_("enrol in the session; matrix: the person's status"),
	  N_("Enter enrol"), act_enter },
	{ { 'd' }, N_("d"), N_("cancel your enrolment in the session (y to confirm)"),
	  N_("d cancel"), act_cancel },
	{ { 'i' }, N_("i"), N_("all about the session: seats, waitlist, attendees"), NULL,
	  act_info },
	{ { 'v' }, N_("v"), N_("switch the view: matrix, sessions, your own"), N_("v view"),
	  act_view },
	{ { 'T' }, N_("T"), N_("the matrix of another team (choose from a list)"), N_("T team"),
	  act_team },
	{ { 'r' }, N_("r"), N_("read everything again from the database"), NULL, act_reload },
	{ { 0 }, N_("O · D · E"), N_("the matrix: overdue, due, expiring") },
	{ { 0 }, N_("V · X · N · —"), N_("valid, exempt, new, not required") },
};

const struct tui_view view_training = {
	.name = N_("Training"),
	TUI_TABLE(trs_actions),
	.state_size = sizeof(struct trs_state),
	.show = trs_show,
	.draw = trs_draw,
	.key = trs_question,
	.close = trs_close,
};
