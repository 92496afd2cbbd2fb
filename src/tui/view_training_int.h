/* What the files of the Training screen share (view_training.c: state,
 * loading, keys; view_training_draw.c: my own view and the sessions;
 * view_training_matrix.c: the matrix of people × required courses;
 * view_training_act.c: enrolling, cancelling, the details boxes and the team
 * chooser): the screen's state, which tui.c holds and hands to every
 * function, and the few functions one file calls in another.  Only
 * view_training*.c include this. */
#ifndef HOP_VIEW_TRAINING_INT_H
#define HOP_VIEW_TRAINING_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hop/core/people/person.h"
#include "hop/core/training/coverage.h"
#include "hop/core/training/session.h"
#include "hop/core/training/status.h"
#include "colour.h"
#include "list.h"
#include "pick.h"
#include "tui_internal.h"

/* Which of the three the screen shows (v switches). */
enum trs_mode {
	TRS_MINE,           /* the actor's own courses and the sessions for them */
	TRS_MATRIX,         /* people of a team × required courses (leads, HR) */
	TRS_SESSIONS,       /* the coming sessions with seats and waitlists */
};

/* A question in progress: it takes every key until answered. */
enum trs_ask {
	TRS_ASK_NONE,
	TRS_ASK_CELL,       /* a person's status for a course: any key closes it */
	TRS_ASK_SESSION,    /* all about a session: any key closes it */
	TRS_ASK_CANCEL,     /* cancel my enrolment? y / n */
	TRS_ASK_TEAM,       /* the team chooser */
};

/* A column of the matrix: a course some requirement asks of the team. */
struct trs_col {
	int64_t course_id;
	char code[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	const struct trn_coverage *cov;     /* core's coverage of the course, or NULL */
};

/* A row of the matrix: a person. */
struct trs_person {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
};

/* No status row for this person and course: the course is not required of them. */
#define TRS_NO_ROW ((size_t)-1)

#define TRS_LABEL_MAX (HOP_TEAM_NAME_MAX + HOP_NAME_MAX + 32)

struct trs_state {
	bool started;                       /* the first showing chose the view */
	enum trs_mode mode;
	enum trs_ask ask;
	hop_date today;                     /* of the last reading */
	/* Mine: my status under each requirement, then the sessions for them. */
	struct trn_status_list mine;
	bool mine_ok;                       /* mine could be read (the actor is known) */
	size_t *mine_sess;                  /* indexes into sessions */
	size_t nmine_sess;
	struct tui_list mine_list;          /* items: mine.n rows, then nmine_sess sessions */
	/* Every coming session that is not cancelled, by start. */
	struct trn_session_list sessions;
	struct tui_list sess_list;
	/* The matrix of one team. */
	int64_t team_id;                    /* 0: none chosen yet */
	char team[HOP_TEAM_NAME_MAX + 1];
	struct trn_status_list status;      /* core's rows for the team */
	struct trn_coverage_list cov;       /* core's coverage report for the team */
	struct trs_col *cols;
	size_t ncols;
	struct trs_person *people;
	size_t npeople;
	size_t *cell;                       /* npeople × ncols: index into status, or TRS_NO_ROW */
	struct tui_list grid;               /* items: people; columns: cols */
	int col_left;                       /* the first column shown */
	/* What a question is about, kept by value: the data may be read again. */
	struct trn_session ask_sess;
	struct trn_enrolment_list ask_people;   /* its attendees, when the actor may see them */
	bool ask_people_ok;
	struct trn_status_row ask_row;
	bool ask_row_ok;                    /* false: the course is not required of them */
	char ask_person[HOP_NAME_MAX + 1], ask_course[HOP_COURSE_TITLE_MAX + HOP_COURSE_CODE_MAX + 4];
	/* The team chooser. */
	struct hop_team_list teams;
	char (*labels)[TRS_LABEL_MAX];
	const char **items;
	size_t *team_index;
	size_t nitems;
	struct tui_pick pick;
};

/* ---- view_training.c ---- */

/* May the actor see a team's matrix (leads, HR, admins)? */
bool trs_sees_matrix(const struct tui *t);
/* Read what the shown view needs again; false when core refused (said). */
bool trs_reload(struct tui *t, struct trs_state *s);
/* The session selected in my view or the sessions view, NULL when none. */
const struct trn_session *trs_sel_session(const struct trs_state *s);
/* Select session id in the list of the shown view, when it is there. */
void trs_select_session(struct trs_state *s, int64_t id);
/* "01.02. 09:00" this year, "01.02.27 09:00" in another. */
char *trs_when(struct hop_datetime when, char *buf, size_t size);

/* ---- view_training_draw.c ---- */

#define TRS_LINE_MAX 1024

static inline int trs_max(int a, int b) { return a > b ? a : b; }
static inline int trs_min(int a, int b) { return a < b ? a : b; }
/* text at (y, x) in role, cut to width. */
void trs_line(int y, int x, const char *text, int width, enum tui_colour role);
/* A status as the matrix writes it: one letter (translated), "—" for not
 * required ("-" where the terminal has no UTF-8). */
const char *trs_letter(enum trn_status st);
/* utf8 where the terminal's locale is UTF-8, else ascii ("●" or "*"). */
const char *trs_sym(const char *utf8, const char *ascii);
/* The colour of a status. */
enum tui_colour trs_colour(enum trn_status st);
/* Where a session takes place, in words: room and site, the link, the place. */
const char *trs_where(const struct trn_session *ss, char *buf, size_t size);
/* The view's draw: the shown view, and a question's box over it. */
void trs_draw(struct tui *t, void *state);

/* ---- view_training_matrix.c ---- */

/* Read the matrix of s->team_id (the default team first); false when refused. */
bool trs_matrix_load(struct tui *t, struct trs_state *s);
void trs_matrix_free(struct trs_state *s);
void trs_matrix_draw(struct tui *t, struct trs_state *s);
/* The status row of the selected cell; *person, *col its person and column
 * (TRS_NO_ROW when the course is not required of them).  NULL *person when
 * the matrix is empty. */
size_t trs_matrix_sel(const struct trs_state *s, const struct trs_person **person,
                      const struct trs_col **col);

/* ---- view_training_act.c ---- */

/* Enter: enrol the actor in the selected session. */
void trs_enrol(struct tui *t, struct trs_state *s);
/* d: ask whether to cancel the actor's enrolment in the selected session. */
void trs_cancel_open(struct tui *t, struct trs_state *s);
/* i: all about the selected session. */
void trs_session_open(struct tui *t, struct trs_state *s);
/* Enter in the matrix: the person's status for the course. */
void trs_cell_open(struct tui *t, struct trs_state *s);
/* T: the team chooser. */
void trs_team_open(struct tui *t, struct trs_state *s);
/* A key while a question is open. */
void trs_ask_key(struct tui *t, struct trs_state *s, const struct tui_key *k);
/* The boxes of ASK_CELL and ASK_SESSION. */
void trs_draw_box(struct tui *t, const struct trs_state *s);
/* Free what the questions hold (on answering and on closing the screen). */
void trs_ask_free(struct trs_state *s);

#endif
