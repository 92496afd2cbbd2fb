/* What the files of the Onboarding screen share (view_onboarding.c: state,
 * loading, keys; view_onboarding_draw.c: the list; view_onboarding_check.c:
 * the checklist and the details box; view_onboarding_act.c: ticking, notes,
 * the mentor and team choosers): the screen's state, which tui.c holds and hands to every
 * function, and the few functions one file calls in another.  Only
 * view_onboarding*.c include this. */
#ifndef HOP_VIEW_ONBOARDING_INT_H
#define HOP_VIEW_ONBOARDING_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hop/core/onboarding/onboarding.h"
#include "input.h"
#include "list.h"
#include "pick.h"
#include "colour.h"
#include "tui_internal.h"

/* A candidate's line in the mentor chooser: name, login and the reasons. */
#define CAND_LABEL_MAX (HOP_NAME_MAX + HOP_LOGIN_MAX + 160)
/* How many candidates the chooser offers, best first (typing narrows them). */
#define CAND_LIMIT 30
/* Bytes of a note the prompt edits (input.h holds at most 255). */
#define NOTE_PROMPT_MAX 250

/* Which of the two the screen shows. */
enum onbs_view {
	VIEW_LIST,          /* the onboardings the actor watches */
	VIEW_CHECKLIST,     /* one new hire's steps */
};

/* A question in progress: it takes every key until answered. */
enum onbs_ask {
	ASK_NONE,
	ASK_DETAIL,         /* the details box of a step: any key closes it */
	ASK_UNTICK,         /* untick the step? y / n */
	ASK_NOTE,           /* the note of a step (line editor) */
	ASK_MENTOR,         /* the mentor chooser */
	ASK_CHANGE,         /* replace the mentor by the one chosen? y / n */
	ASK_TEAM,           /* the team chooser */
};

struct onbs_state {
	bool started;                       /* the first showing chose the view */
	enum onbs_view view;
	enum onbs_ask ask;
	/* The list: what core says the actor watches, then the filters. */
	struct onb_summary_list all;
	size_t *shown;                      /* indexes into all that pass the filters */
	size_t nshown;
	/* The widest name, mentor, team and date shown (onbs_measure), so that
	 * a redraw does not measure 2,000 rows again. */
	int w_name, w_mentor, w_team, w_dates;
	struct tui_list list;
	bool overdue_only;
	char team[HOP_TEAM_NAME_MAX + 1];   /* "" = every team */
	/* The checklist of one new hire. */
	char login[HOP_LOGIN_MAX + 1];
	struct onb_summary cur;
	struct onb_step_list steps;
	struct tui_list steps_list;
	bool loaded;                        /* cur and steps hold login's checklist */
	/* The step, new hire and mentors a question is about. */
	int step;
	char step_title[HOP_STEP_TITLE_MAX + 1];
	char who[HOP_LOGIN_MAX + 1], who_name[HOP_NAME_MAX + 1];
	char mentor[HOP_LOGIN_MAX + 1], mentor_name[HOP_NAME_MAX + 1];     /* the current one */
	char chosen[HOP_LOGIN_MAX + 1], chosen_name[HOP_NAME_MAX + 1];
	char note[HOP_STEP_NOTE_MAX + 1];  /* the step's note as it was */
	struct tui_input input;
	char label[160];                    /* the prompt's label */
	/* The choosers: labels for the mentor candidates or the teams. */
	struct mentor_candidate_list cands;
	char (*labels)[CAND_LABEL_MAX];
	const char **items;
	size_t nitems;
	struct tui_pick pick;
};

/* ---- view_onboarding_draw.c ---- */

/* Measure the shown rows' widest cells into w_name ... w_dates. */
void onbs_measure(struct onbs_state *s);

/* ---- view_onboarding.c ---- */

/* The onboarding selected in the list, NULL when there is none. */
const struct onb_summary *onbs_selected(const struct onbs_state *s);
/* The step selected in the checklist, NULL when there is none. */
const struct onb_step *onbs_sel_step(const struct onbs_state *s);
/* The onboarding a key acts on: the checklist's, else the selected one. */
const struct onb_summary *onbs_target(const struct onbs_state *s);
/* Read the list again (and the checklist when it is shown); false when refused. */
bool onbs_reload(struct tui *t, struct onbs_state *s);
/* Apply the filters to the list read (overdue only, team). */
void onbs_filter(struct onbs_state *s);

/* ---- view_onboarding_draw.c ---- */

/* Room for a line of the screen's text. */
#define ONBS_LINE_MAX 1024

static inline int onbs_max(int a, int b) { return a > b ? a : b; }
static inline int onbs_min(int a, int b) { return a < b ? a : b; }
/* text at (y, x) in role, cut to width. */
void onbs_line(int y, int x, const char *text, int width, enum tui_colour role);
/* The view's draw: the list or the checklist, and a question's box over it. */
void onbs_draw(struct tui *t, void *state);

/* ---- view_onboarding_check.c ---- */

/* The checklist of s->cur: heading, steps, the selected step below them. */
void onbs_draw_checklist(struct tui *t, struct onbs_state *s);
/* The box with all about the selected step (ASK_DETAIL). */
void onbs_draw_detail(struct tui *t, const struct onbs_state *s);

/* ---- view_onboarding_act.c ---- */

/* x: tick the selected step, or ask whether to untick a done one. */
void onbs_tick_open(struct tui *t, struct onbs_state *s);
/* n: the note of the selected step on the status line. */
void onbs_note_open(struct tui *t, struct onbs_state *s);
/* m: the mentor chooser for the onboarding acted on. */
void onbs_mentor_open(struct tui *t, struct onbs_state *s);
/* T: the team chooser over the teams in the list. */
void onbs_team_open(struct tui *t, struct onbs_state *s);
/* A key while a question is open (not the details box). */
void onbs_ask_key(struct tui *t, struct onbs_state *s, const struct tui_key *k);
/* Close a chooser's lists (on answering and on closing the screen). */
void onbs_choice_free(struct onbs_state *s);

#endif
