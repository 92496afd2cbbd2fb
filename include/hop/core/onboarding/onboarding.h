/* Onboarding (Einarbeitung): templates HR keeps, each new hire's checklist
 * copied from one, the steps ticked by their owners, and the new hire's
 * mentor (Pate, Patin).
 *
 * A step is due a number of working days, days, weeks or months before or
 * after the start date; working days are those of the new hire's site's Land
 * (public holidays and closures skipped), and a due day never falls on a
 * non-working day: it moves forward to the next working day.  Starting an
 * onboarding copies the template (a snapshot: later edits of the template
 * change no running onboarding); HR and the team's lead change the person's
 * steps afterwards.  Onboardings and steps are never deleted: cancelled
 * onboardings and dropped steps are kept with who and when.
 *
 * Who may: HR and admins everything; a lead the onboardings of the people in
 * teams they lead; a step's owner (the new hire, the mentor, the named
 * person, HR or IT) ticks it.  Every change is in the audit log. */
#ifndef HOP_ONBOARDING_H
#define HOP_ONBOARDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/import/import.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "hop/core/presence/presence.h"
#include "hop/core/training/course.h"

struct hop_app;

#define HOP_TEMPLATE_NAME_MAX 120
#define HOP_STEP_TITLE_MAX 200
#define HOP_STEP_NOTE_MAX 500
#define HOP_STEPS_MAX 100            /* steps of one template or onboarding */

/* ---- the words of a step ---- */

enum onb_kind {
	ONB_TALK, ONB_COURSE, ONB_EQUIPMENT, ONB_ACCOUNT, ONB_DOCUMENT, ONB_SELF_STUDY, ONB_OTHER,
};
#define ONB_KIND_COUNT 7

enum onb_owner {
	OWNER_NEWHIRE,       /* the new hire */
	OWNER_MENTOR,        /* their mentor at the time */
	OWNER_LEAD,          /* the lead of their team */
	OWNER_HR,            /* anyone with the hr role */
	OWNER_IT,            /* anyone with the admin role: IT accounts and devices */
	OWNER_PERSON,        /* one named person */
};
#define ONB_OWNER_COUNT 6

enum onb_unit { UNIT_WORKDAYS, UNIT_DAYS, UNIT_WEEKS, UNIT_MONTHS };
#define ONB_UNIT_COUNT 4

struct onb_offset {
	int n;               /* before (< 0) or after the start date */
	enum onb_unit unit;
};

/* As stored and in files ("self-study", "newhire", "workdays"), and for
 * people (translated). */
const char *onb_kind_name(enum onb_kind k);
const char *onb_kind_display(enum onb_kind k);
const char *onb_owner_name(enum onb_owner o);
const char *onb_owner_display(enum onb_owner o);
/* The stored words back (onb_kind_name, onb_owner_name): for readers of
 * the tables such as the feeds; anything else is ONB_OTHER, OWNER_HR. */
enum onb_kind onb_kind_from_text(const char *text);
enum onb_owner onb_owner_from_text(const char *text);
/* English or German words (gespräch, schulung, ausstattung, zugang,
 * dokument, selbststudium, sonstiges). */
enum hop_status onb_kind_parse(const char *text, enum onb_kind *k, struct hop_err *err);
/* newhire, mentor, lead, hr, it (German neu, pate, patin, führungskraft,
 * personal) or a login, which must be a current person: *o OWNER_PERSON and
 * login (HOP_LOGIN_MAX + 1 bytes) set. */
enum hop_status onb_owner_parse(struct hop_app *app, const char *text, enum onb_owner *o,
                                char *login, struct hop_err *err);
/* "3", "+3", "-2 workdays", "5 days", "2w", "6 months", German "3 arbeitstage",
 * "2 wochen", "6 monate"; a bare number counts working days.  At most a year
 * either way (260 working days, 365 days, 52 weeks, 12 months). */
enum hop_status onb_offset_parse(const char *text, struct onb_offset *off, struct hop_err *err);
enum hop_status onb_offset_check(const struct onb_offset *off, struct hop_err *err);
/* "+3 workdays", "0 workdays", "-2 days", "+6 months" (the form files use). */
char *onb_offset_format(const struct onb_offset *off, char *buf, size_t size);
/* For people: "3 working days after the start", translated. */
char *onb_offset_display(const struct onb_offset *off, char *buf, size_t size);

/* A step of a template or of a person's onboarding. */
struct onb_step_spec {
	char title[HOP_STEP_TITLE_MAX + 1];
	enum onb_kind kind;
	enum onb_owner owner;
	char owner_login[HOP_LOGIN_MAX + 1];   /* OWNER_PERSON */
	struct onb_offset offset;
	bool in_office;                        /* must happen in the office */
	bool mandatory;
	char note[HOP_STEP_NOTE_MAX + 1];
	/* A step of kind course may name its course ("" none): a passed or
	 * attended training record of it ticks the step. */
	char course[HOP_COURSE_CODE_MAX + 1];
};
/* Which fields a change of a step gives. */
enum onb_step_field {
	SF_TITLE = 1 << 0, SF_KIND = 1 << 1, SF_OWNER = 1 << 2, SF_OFFSET = 1 << 3,
	SF_OFFICE = 1 << 4, SF_MANDATORY = 1 << 5, SF_NOTE = 1 << 6, SF_POSITION = 1 << 7,
	SF_DUE = 1 << 8,                       /* a person's step: a due day set by hand */
	SF_COURSE = 1 << 9,                    /* the course of a step of kind course */
};
/* Title, note and offset of a step, checked as a whole. */
enum hop_status onb_step_check(const struct onb_step_spec *s, struct hop_err *err);

/* ---- templates ---- */

struct onb_template {
	int64_t id;
	char name[HOP_TEMPLATE_NAME_MAX + 1];
	int64_t team_id;                       /* 0 = any team */
	char team[HOP_TEAM_NAME_MAX + 1];
	unsigned role;                         /* one ROLE_ bit, 0 = any role */
	bool is_default;
	int steps;
	hop_date created, retired;             /* retired HOP_DATE_NONE = in use */
	bool handover;                         /* kind handover: for the post being left */
};
struct onb_template_list { struct onb_template *v; size_t n, cap; };
void onb_template_list_free(struct onb_template_list *l);

struct onb_template_step {
	int position;
	struct onb_step_spec s;
	char owner_name[HOP_NAME_MAX + 1];     /* OWNER_PERSON: their name */
};
struct onb_template_steps { struct onb_template_step *v; size_t n, cap; };
void onb_template_steps_free(struct onb_template_steps *l);

/* Templates in use (all with retired), by name. */
enum hop_status template_list(struct hop_app *app, bool with_retired,
                              struct onb_template_list *out, struct hop_err *err);
/* A template in use by name (case ignored), and its steps in order (steps
 * may be NULL). */
enum hop_status template_get(struct hop_app *app, const char *name, struct onb_template *t,
                             struct onb_template_steps *steps, struct hop_err *err);
/* A new template for team (NULL = any) and role (0 = any), the default when
 * is_default (the former default stops being one).  It starts with the
 * closing talk at the end of probation ([onboarding] review_after_months).
 * HR and admins.  Audit "template.add". */
enum hop_status template_add(struct hop_app *app, const char *name, const char *team,
                             unsigned role, bool is_default, struct hop_err *err);
/* The same for a template of kind handover (handover true): the checklist
 * of a person leaving a post (ROT-9, ONB-14), due days counted from the
 * move; each kind has its own default.  It starts with the handover notes
 * for the successor, a week before the move. */
enum hop_status template_add_kind(struct hop_app *app, const char *name, const char *team,
                                  unsigned role, bool is_default, bool handover,
                                  struct hop_err *err);
/* Change name (NULL = keep), team (NULL = keep, "" = any), role (-1 = keep,
 * 0 = any) and default (-1 = keep).  Audit "template.edit". */
enum hop_status template_edit(struct hop_app *app, const char *name, const char *new_name,
                              const char *team, int role, int is_default, struct hop_err *err);
/* Retire: no longer offered; running onboardings keep their copy. */
enum hop_status template_remove(struct hop_app *app, const char *name, struct hop_err *err);
/* Add the step `key` names (a title not in the template) or change the
 * fields of the one it names (its number or title).  A new step needs kind,
 * owner and offset.  SF_POSITION moves it to position (1 = first).
 * Audit "template.step". */
enum hop_status template_step_set(struct hop_app *app, const char *name, const char *key,
                                  unsigned fields, const struct onb_step_spec *s,
                                  int position, bool *added, struct hop_err *err);
enum hop_status template_step_remove(struct hop_app *app, const char *name, const char *key,
                                     struct hop_err *err);

/* CSV, one row per step (template_csv.c).  Columns, by header name (English
 * or German, any order): template|vorlage, title|titel, kind|art,
 * owner|verantwortlich, due|fällig, office|büro, mandatory|pflicht,
 * note|notiz, team, role|rolle, default|standard.  Each template in the file
 * is added, or has its steps replaced, all rows or none. */
enum hop_status import_templates(struct hop_app *app, FILE *in, const char *name,
                                 const struct import_options *opt, struct import_report *rep,
                                 struct hop_err *err);
/* The same columns; template NULL = every template in use. */
enum hop_status export_templates(struct hop_app *app, FILE *out, char sep, const char *template,
                                 struct hop_err *err);

/* ---- onboardings ---- */

enum onb_state { ONB_PLANNED, ONB_RUNNING, ONB_DONE, ONB_CANCELLED };
#define ONB_STATE_COUNT 4
const char *onb_state_name(enum onb_state s);       /* "planned", ... untranslated */
const char *onb_state_display(enum onb_state s);    /* translated */

struct onb_summary {
	int64_t id;
	struct hop_person person;
	char template[HOP_TEMPLATE_NAME_MAX + 1];
	hop_date start;
	enum onb_state state;
	char mentor_login[HOP_LOGIN_MAX + 1];  /* the current (or next) mentor, "" = none */
	char mentor_name[HOP_NAME_MAX + 1];
	hop_date mentor_until;
	int steps;                             /* not dropped */
	int mandatory, mandatory_done, done;
	int overdue;                           /* open steps due before today */
	hop_date next_due;                     /* the first open step's, HOP_DATE_NONE = none */
	char closed_by[HOP_LOGIN_MAX + 1];
	char close_note[HOP_STEP_NOTE_MAX + 1];
	hop_date closed;
	/* A handover checklist (the post being left) rather than an onboarding,
	 * and the team a move's checklist is for ("" the person's own). */
	bool handover;
	char for_team[HOP_TEAM_NAME_MAX + 1];
};
struct onb_summary_list { struct onb_summary *v; size_t n, cap; };
void onb_summary_list_free(struct onb_summary_list *l);

struct onb_step {
	int64_t id;
	int number;                            /* position, as people refer to it */
	struct onb_step_spec s;
	char owner_shown[HOP_NAME_MAX + 1];    /* who: a name, or the role when nobody is named */
	hop_date due;
	bool due_fixed;
	hop_date done_on;                      /* HOP_DATE_NONE = open */
	char done_by[HOP_LOGIN_MAX + 1];
	char done_note[HOP_STEP_NOTE_MAX + 1];
	bool dropped;
	bool overdue;                          /* open and due before today */
	/* In the office, but the new hire (or for a talk with the mentor, the
	 * mentor) plans to be elsewhere that day: where. */
	enum presence_loc clash;
	bool clash_mentor;
};
struct onb_step_list { struct onb_step *v; size_t n, cap; };
void onb_step_list_free(struct onb_step_list *l);

/* Start login's onboarding from template (NULL: the template for their team,
 * else for one of their roles, else the default).  Due days from their start
 * date; talks with an assigned mentor on days both plan to be in.  The team's
 * lead, HR, admins.  Audit "onboarding.start". */
enum hop_status onboarding_start(struct hop_app *app, const char *login, const char *template,
                                 struct onb_summary *out, struct hop_err *err);
/* What adding a person with a start date still to come does when [onboarding]
 * auto_start is on: onboarding_start with the template that applies, and
 * nothing (HOP_OK) when none applies.  In the caller's transaction. */
enum hop_status onboarding_auto_start(struct hop_app *app, const char *login,
                                      struct hop_err *err);
/* A move (ROT-9): person_id leaves from_team_id (0: none) for to_team_id on
 * day (a published station, a new post, a secondment).  Starts, where a
 * template applies, a handover checklist (a template of kind handover: the
 * old team's, else the default handover template) for the post being left,
 * and an onboarding in the new team (that team's template, due days from
 * day, with the best-ranked mentor of the new team assigned when one is
 * free), both from day.  Nothing (HOP_OK) for what no template applies to,
 * or when one of that purpose is open already.  In the caller's
 * transaction; audit "onboarding.start".  The caller checks the permission
 * (HR, admins). */
struct onb_move_report {
	bool handover, onboarding;             /* what started */
	char mentor[HOP_LOGIN_MAX + 1];        /* the mentor assigned, "" none */
};
enum hop_status onboarding_start_move(struct hop_app *app, int64_t person_id,
                                      int64_t from_team_id, int64_t to_team_id, hop_date day,
                                      struct onb_move_report *out, struct hop_err *err);
/* login's (NULL = the actor's) latest onboarding and its steps (steps may be
 * NULL), with the office clashes of its open steps. */
enum hop_status onboarding_show(struct hop_app *app, const char *login, struct onb_summary *out,
                                struct onb_step_list *steps, struct hop_err *err);
/* The same for login's latest handover checklist (handover true), or, with
 * handover false, exactly onboarding_show. */
enum hop_status onboarding_show_purpose(struct hop_app *app, const char *login, bool handover,
                                        struct onb_summary *out, struct onb_step_list *steps,
                                        struct hop_err *err);

struct onb_filter {
	const char *team;          /* NULL = all */
	bool all;                  /* also done and cancelled onboardings */
};
/* Onboardings, open ones by default, by start date: what leads and HR watch. */
enum hop_status onboarding_list(struct hop_app *app, const struct onb_filter *f,
                                struct onb_summary_list *out, struct hop_err *err);

/* A step as listed across onboardings (overdue, to do). */
struct onb_item {
	struct onb_step step;
	int64_t onboarding_id;
	struct hop_person person;              /* the new hire */
	int days_late;                         /* today - due, > 0 when overdue */
};
struct onb_item_list { struct onb_item *v; size_t n, cap; };
void onb_item_list_free(struct onb_item_list *l);
/* Open steps of open onboardings due before today, by due day. */
enum hop_status onboarding_overdue(struct hop_app *app, const char *team,
                                   struct onb_item_list *out, struct hop_err *err);
/* The actor's open steps across all open onboardings: theirs as new hire,
 * as mentor, as lead, as a named owner, and HR's or IT's by their roles. */
enum hop_status onboarding_todo(struct hop_app *app, struct onb_item_list *out,
                                struct hop_err *err);

/* Cancel login's open onboarding (note may be NULL): kept with every step.
 * Close it as done with a note although steps are open (HR). */
enum hop_status onboarding_cancel(struct hop_app *app, const char *login, const char *note,
                                  struct hop_err *err);
enum hop_status onboarding_close(struct hop_app *app, const char *login, const char *note,
                                 struct hop_err *err);
/* Cancel (cancel true) or close login's handover checklist (handover
 * true), else exactly onboarding_cancel and onboarding_close. */
enum hop_status onboarding_finish_purpose(struct hop_app *app, const char *login,
                                          bool handover, const char *note, bool cancel,
                                          struct hop_err *err);

/* Tick the step key (number or title) of login's open onboarding as done on
 * day (HOP_DATE_NONE = today), by the actor.  The last mandatory step done
 * makes the onboarding done.  Untick reopens it. */
enum hop_status onboarding_tick(struct hop_app *app, const char *login, const char *key,
                                hop_date day, const char *note, struct hop_err *err);
enum hop_status onboarding_untick(struct hop_app *app, const char *login, const char *key,
                                  struct hop_err *err);
/* The same on login's handover checklist (handover true), else exactly
 * onboarding_tick and onboarding_untick. */
enum hop_status onboarding_tick_purpose(struct hop_app *app, const char *login, bool handover,
                                        const char *key, hop_date day, const char *note,
                                        bool undo, struct hop_err *err);
/* A training of course_id passed or attended by person (login) on day: the
 * open steps of kind course that name the course in the person's open
 * onboarding are ticked, done on day by the actor (by the person when the
 * actor is no person), audited, and the onboarding done when nothing
 * mandatory is left.  Inside the caller's transaction; *ticked how many. */
enum hop_status onboarding_course_done(struct hop_app *app, int64_t person_id,
                                       const char *login, int64_t course_id, hop_date day,
                                       int *ticked, struct hop_err *err);
/* Add a step to login's onboarding (key a new title) or change one (number
 * or title); SF_DUE sets the due day by hand, SF_OFFSET recomputes it.
 * Drop: kept, no longer asked for. */
enum hop_status onboarding_step_set(struct hop_app *app, const char *login, const char *key,
                                    unsigned fields, const struct onb_step_spec *s,
                                    hop_date due, int position, bool *added,
                                    struct hop_err *err);
enum hop_status onboarding_step_drop(struct hop_app *app, const char *login, const char *key,
                                     struct hop_err *err);

/* ---- mentors ---- */

struct mentorship {
	int64_t id;
	struct hop_person mentor, mentee;
	hop_date start, end;                   /* inclusive */
	bool cancelled;                        /* ended before it began */
	char override_reason[HOP_STEP_NOTE_MAX + 1];
};
struct mentorship_list { struct mentorship *v; size_t n, cap; };
void mentorship_list_free(struct mentorship_list *l);

/* mentor looks after newhire from `from` (HOP_DATE_NONE: the start date, or
 * today once started) until `until` (HOP_DATE_NONE: the end of probation).
 * Refused: the new hire themselves, someone who has left or leaves meanwhile,
 * the new hire's lead, someone here less than mentor_min_months, someone away
 * mentor_absence_days working days in a row meanwhile, and a mentor who would
 * have more than mentor_max_mentees at once (the refusal names their mentees
 * and end dates) unless HR gives override, a reason kept in the audit log.
 * Open talks with the mentor move to days both plan to be in.  The new
 * hire's lead, HR, admins.  Audit "mentor.assign". */
enum hop_status mentor_assign(struct hop_app *app, const char *newhire, const char *mentor,
                              hop_date from, hop_date until, const char *override,
                              struct mentorship *out, struct hop_err *err);
/* End newhire's mentorship so that from `day` on (HOP_DATE_NONE = today) the
 * mentor is free; one that had not begun is cancelled.  Audit "mentor.end". */
enum hop_status mentor_end(struct hop_app *app, const char *newhire, hop_date day,
                           struct mentorship *out, struct hop_err *err);

struct mentor_filter {
	const char *mentor;        /* only this mentor's; NULL = all */
	bool past;                 /* also ended and cancelled ones */
};
/* Current and coming mentorships (with past: all), by mentor, then start. */
enum hop_status mentor_list(struct hop_app *app, const struct mentor_filter *f,
                            struct mentorship_list *out, struct hop_err *err);

/* A candidate mentor for a new hire and why it ranks where it does. */
struct mentor_candidate {
	struct hop_person person;
	bool same_team;
	int load;                  /* mentees at the same time, at most */
	int shared_days;           /* office days both plan in the new hire's first weeks */
	int window_days;           /* the new hire's office days in those weeks */
	long cost;                 /* same team first, then load, then shared days */
};
struct mentor_candidate_list { struct mentor_candidate *v; size_t n, cap; };
void mentor_candidate_list_free(struct mentor_candidate_list *l);
/* Everyone who may mentor newhire (the rules of mentor_assign), best first:
 * same team first, then fewer mentees, then more office days shared in the
 * new hire's first [policy] onboarding_office_weeks; ties by person. */
enum hop_status mentor_suggest(struct hop_app *app, const char *newhire, int limit,
                               struct mentor_candidate_list *out, struct hop_err *err);

/* One new hire of a batch and the mentor found (mentor.id 0: none left). */
struct mentor_match {
	struct hop_person newhire;
	struct mentor_candidate mentor;
};
struct mentor_match_list { struct mentor_match *v; size_t n, cap; long total_cost; };
void mentor_match_list_free(struct mentor_match_list *l);
/* Everyone starting on day without a mentor, matched to mentors at the least
 * total cost (the costs of mentor_suggest) within every mentor's capacity: a
 * min-cost flow, the same answer for the same data.  assign: make the
 * mentorships too, in one transaction. */
enum hop_status mentor_suggest_batch(struct hop_app *app, hop_date day, bool assign,
                                     struct mentor_match_list *out, struct hop_err *err);

/* ---- seating a new hire next to the mentor ---- */

/* The mentor's desk on day, when person_id is a new hire in the first
 * [policy] onboarding_office_weeks of an open onboarding, with a mentor that
 * day who has booked a desk for it: what the choice of a free desk prefers
 * (booking_book with any).  out->desk_id is 0 when not. */
struct onb_mentor_desk {
	int64_t mentor_id;
	char mentor_login[HOP_LOGIN_MAX + 1];
	char mentor_name[HOP_NAME_MAX + 1];
	int64_t desk_id, zone_id;
	char desk[HOP_CODE_MAX + 1];
};
enum hop_status onboarding_mentor_desk(struct hop_app *app, int64_t person_id, hop_date day,
                                       struct onb_mentor_desk *out, struct hop_err *err);

#endif
