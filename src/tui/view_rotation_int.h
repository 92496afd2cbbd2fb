/* What the files of the Rotation screen share (view_rotation.c: state,
 * loading, keys; view_rotation_draw.c: the timeline, the due list, a
 * cohort's plan and the details box; view_rotation_act.c: the forms for an
 * assignment and an exception; view_rotation_pick.c: the team and cohort
 * choosers; view_rotation_plan.c: generating, keeping and publishing a cohort's
 * plan): the screen's state, which tui.c
 * holds and hands to every function, and the few functions one file calls
 * in another.  Only view_rotation*.c include this. */
#ifndef HOP_VIEW_ROTATION_INT_H
#define HOP_VIEW_ROTATION_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hop/core/people/membership.h"
#include "hop/core/people/person.h"
#include "hop/core/rotation/cohort.h"
#include "hop/core/rotation/cohort_plan.h"
#include "hop/core/rotation/rotation.h"
#include "colour.h"
#include "form.h"
#include "list.h"
#include "pick.h"
#include "tui_internal.h"

/* Which of the three the screen shows (t, d and c switch). */
enum rot_mode {
	ROT_TIMELINE,       /* people of a team (or the actor alone), months across */
	ROT_DUE,            /* the rotations due, overdue first */
	ROT_COHORT,         /* a cohort's plan over its months, and its check */
};

/* A question in progress: it takes every key until answered. */
enum rot_ask {
	ROT_ASK_NONE,
	ROT_ASK_DETAIL,     /* a person's periods: any key closes it */
	ROT_ASK_TEAM,       /* the team chooser */
	ROT_ASK_COHORT,     /* the cohort chooser */
	ROT_ASK_ASSIGN,     /* the assignment form */
	ROT_ASK_ASSIGN_OK,  /* add the assignment? y / n */
	ROT_ASK_EXCEPTION,  /* the exception form */
	ROT_ASK_EXCEPTION_OK,   /* file the exception? y / n */
	ROT_ASK_SAVE,       /* keep the generated plan as the draft? y / n */
	ROT_ASK_PUBLISH,    /* publish the plan? y / h (with handovers) / n */
};

/* The form fields' tags. */
enum rot_field {
	RF_LOGIN = 1, RF_TEAM, RF_KIND, RF_FROM, RF_UNTIL, RF_HOST, RF_LEVEL,
	RF_REASON, RF_MEASURE, RF_REVIEW,
};

/* Bytes a form field holds (input.h edits at most 255). */
#define ROT_FIELD_MAX 250
#define ROT_LABEL_MAX (HOP_TEAM_NAME_MAX + HOP_NAME_MAX + 64)
/* A station's letter: one character, UTF-8. */
#define ROT_LETTER_MAX 8
/* The details box's lines. */
#define ROT_DETAIL_LINES 20
#define ROT_DETAIL_MAX 240
/* Room for a line of the screen's text. */
#define ROT_LINE_MAX 1024

struct rot_state {
	bool started;                       /* the first showing chose the team */
	enum rot_mode mode;
	enum rot_ask ask;
	hop_date today;
	/* The months shown: the first as year * 12 + month - 1 (0: not yet
	 * placed), and how many the timeline was read for. */
	int left;
	int loaded_left, loaded_months;
	/* The timeline: of a team, or of the actor alone (own). */
	bool own;
	int64_t team_id;
	char team[HOP_TEAM_NAME_MAX + 1];
	struct rotation_timeline tl;
	struct tui_list tl_list;
	/* The due list. */
	struct rotation_due_list due;
	struct tui_list due_list;
	/* A cohort: its problem, its plan (the stored one, or one just
	 * generated and not yet kept) and the plan's check. */
	char cohort[HOP_COHORT_NAME_MAX + 1];   /* "" = none chosen */
	bool cohort_ok;
	struct hop_cohort info;
	struct cohort_problem prob;
	struct cohort_plan plan;
	bool has_plan;
	bool generated;
	struct cohort_solve_result res;
	struct cohort_violation_list viol;
	char (*letters)[ROT_LETTER_MAX];    /* one per station */
	struct tui_list co_list;            /* items: the trainees */
	/* The details box: its heading and lines, made when it opens. */
	char detail_head[HOP_NAME_MAX + HOP_LOGIN_MAX + 8];
	char detail[ROT_DETAIL_LINES][ROT_DETAIL_MAX];
	int ndetail;
	/* The forms and what they asked, kept for the confirmation. */
	struct tui_form form;
	char f_login[HOP_LOGIN_MAX + 1], f_team[ROT_FIELD_MAX + 1], f_host[ROT_FIELD_MAX + 1];
	enum membership_kind f_kind;
	enum membership_host_level f_level;
	hop_date f_from, f_until;
	char f_reason[ROT_FIELD_MAX + 1], f_measure[ROT_FIELD_MAX + 1];
	hop_date f_review;
	char f_name[HOP_NAME_MAX + 1];
	/* The assignment form's choosers: the people ("Name (login)", taking
	 * the login) and the active teams; one block of text each. */
	char *f_text[3];
	const char **f_people, **f_logins, **f_teams, **f_team_values;
	size_t f_npeople, f_nteams;
	/* The choosers: teams or cohorts. */
	struct hop_team_list teams;
	struct hop_cohort_list cohorts;
	char (*labels)[ROT_LABEL_MAX];
	const char **items;
	size_t nitems;
	struct tui_pick pick;
};

/* ---- view_rotation.c ---- */

/* Months as year * 12 + month - 1, and back to the month's first day. */
int rot_month_index(hop_date day);
hop_date rot_month_day(int index);
/* Read what the shown mode needs again; false when core refused (said). */
bool rot_reload(struct tui *t, struct rot_state *s);
/* The timeline of the team (or own) for the months shown; false when refused. */
bool rot_load_timeline(struct tui *t, struct rot_state *s);
/* The cohort s->cohort: problem, stored plan, check; false when refused. */
bool rot_load_cohort(struct tui *t, struct rot_state *s);
/* Check s->plan against s->prob into s->viol. */
void rot_check_plan(struct tui *t, struct rot_state *s);
/* May the actor choose among teams (HR, admins, leads of several)? */
bool rot_may_choose_team(const struct tui *t);
/* The login and name of the selected person (timeline, due list, cohort);
 * false when there is none. */
bool rot_selected(const struct rot_state *s, char *login, size_t lsize, char *name,
                  size_t nsize);

/* ---- view_rotation_draw.c ---- */

static inline int rot_max(int a, int b) { return a > b ? a : b; }
static inline int rot_min(int a, int b) { return a > b ? b : a; }
/* How many months fit beside the names at width columns. */
int rot_months_fit(int width);
/* The letter of a period's kind: = post, S station, A secondment, V acting. */
char rot_kind_letter(enum membership_kind k);
/* The view's draw: the shown mode, and a question's box over it. */
void rot_draw(struct tui *t, void *state);

/* The answers of a y / n question (j for ja too; Esc and q say no). */
static inline bool rot_is_yes(const struct tui_key *k)
{
	return key_is(k, L'y') || key_is(k, L'Y') || key_is(k, L'j') || key_is(k, L'J');
}

static inline bool rot_is_no(const struct tui_key *k)
{
	return key_is(k, L'n') || key_is(k, L'N') || key_is(k, 27) || key_is(k, L'q');
}

/* ---- view_rotation_act.c ---- */

/* Enter: the selected person's periods in a box. */
void rot_detail_open(struct tui *t, struct rot_state *s);
void rot_detail_draw(struct tui *t, const struct rot_state *s);
/* a: the assignment form; e: the exception form. */
void rot_assign_open(struct tui *t, struct rot_state *s);
void rot_exception_open(struct tui *t, struct rot_state *s);
/* A key while a question is open. */
void rot_ask_key(struct tui *t, struct rot_state *s, const struct tui_key *k);
/* Free what the questions hold (on answering and on closing the screen). */
void rot_ask_free(struct rot_state *s);

/* ---- view_rotation_pick.c ---- */

/* T: the team chooser; [ ]: the previous or next team. */
void rot_team_open(struct tui *t, struct rot_state *s);
void rot_team_step(struct tui *t, struct rot_state *s, int dir);
/* c: the cohort chooser. */
void rot_cohort_open(struct tui *t, struct rot_state *s);
/* A key while a chooser is open. */
void rot_pick_key(struct tui *t, struct rot_state *s, const struct tui_key *k);
/* Close a chooser's lists (on answering and on closing the screen). */
void rot_choice_free(struct rot_state *s);
/* The assignment form's choices of person and team; false (said) when they
 * cannot be read. */
bool rot_form_choices(struct tui *t, struct rot_state *s);
void rot_form_choices_free(struct rot_state *s);

/* ---- view_rotation_plan.c ---- */

/* Station letters for s->prob (s->letters); false when out of memory. */
bool rot_letters(struct rot_state *s);
/* g: generate a plan for the cohort shown; p: publish its plan. */
void rot_generate(struct tui *t, struct rot_state *s);
void rot_publish_open(struct tui *t, struct rot_state *s);
/* The answers to keeping a generated plan and to publishing. */
void rot_save_key(struct tui *t, struct rot_state *s, const struct tui_key *k);
void rot_publish_key(struct tui *t, struct rot_state *s, const struct tui_key *k);

#endif
