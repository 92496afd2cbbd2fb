/* What the onboarding modules share (templates, onboardings, steps, lists,
 * mentors, suggestions): the stored words, due days, the new hire's facts,
 * reading steps.  Private to src/core/onboarding. */
#ifndef HOP_ONB_INT_H
#define HOP_ONB_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "hop/core/onboarding/onboarding.h"

struct db_stmt;

/* Stored text -> enum (the first value for anything unknown). */
enum onb_unit onb_unit_from_text(const char *text);
const char *onb_unit_name(enum onb_unit u);

/* ---- working days and due days ---- */

/* The working days of one site around one start date, each asked of
 * workday_is_working once (the one function that decides a working day). */
#define ONB_CAL_BEFORE 400
#define ONB_CAL_DAYS 1200
struct onb_cal {
	struct hop_app *app;
	int64_t site;
	hop_date base;                          /* day 0 of the cache: start - ONB_CAL_BEFORE */
	unsigned char known[ONB_CAL_DAYS];      /* 0 unknown, 1 working, 2 not */
};
void onb_cal_init(struct onb_cal *c, struct hop_app *app, int64_t site, hop_date start);
bool onb_cal_working(struct onb_cal *c, hop_date day);
/* The due day of off from start: working days counted from the first
 * working day on or after start (before it: back from start), calendar
 * offsets moved forward to the next working day. */
hop_date onb_cal_due(struct onb_cal *c, hop_date start, const struct onb_offset *off);

/* The new hire: the person, their team on the start date and their site (the
 * site of their fixed desk, else of that team's zones; 0 = the
 * organisation's region). */
struct onb_newhire {
	struct hop_person p;
	int64_t team_id;
	int64_t site;
};
enum hop_status onb_newhire_get(struct hop_app *app, const char *login, struct onb_newhire *nh,
                                struct hop_err *err);
enum hop_status onb_newhire_facts(struct hop_app *app, struct onb_newhire *nh,
                                  struct hop_err *err);

/* person_id's open onboarding (purpose onboarding, not a handover): *id 0
 * when there is none. */
enum hop_status onb_open_of(struct hop_app *app, int64_t person_id, int64_t *id,
                            hop_date *start, struct hop_err *err);
/* The same for either purpose: "onboarding" or "handover". */
enum hop_status onb_open_purpose(struct hop_app *app, int64_t person_id, const char *purpose,
                                 int64_t *id, hop_date *start, struct hop_err *err);
/* The mentor of person_id on day (mentor->id 0: none). */
enum hop_status onb_mentor_on(struct hop_app *app, int64_t person_id, hop_date day,
                              struct hop_person *mentor, hop_date *until, struct hop_err *err);

/* Move the open talks with the mentor (not set by hand) of onboarding id to
 * the first working day from their rule's day on which the new hire and the
 * mentor both plan to be in (within two weeks; else the rule's day). */
enum hop_status onb_place_talks(struct hop_app *app, int64_t onboarding_id,
                                const struct onb_newhire *nh, int64_t mentor_id,
                                struct hop_err *err);

/* ---- steps ---- */

/* The columns onb_read_step reads, from onboarding_step s joined with
 * owner person op (LEFT) and done_by person dp (LEFT). */
#define ONB_STEP_COLUMNS "s.id, s.position, s.title, s.kind, s.owner, coalesce(op.login, ''), " \
	"s.offset_n, s.offset_unit, s.in_office, s.mandatory, coalesce(s.note, ''), s.due_on, " \
	"s.due_fixed, s.done_on, coalesce(dp.login, ''), coalesce(s.done_note, ''), " \
	"s.dropped_at IS NOT NULL, coalesce(op.name, ''), " \
	"coalesce((SELECT code FROM course WHERE id = s.course_id), '') "
#define ONB_STEP_JOINS "LEFT JOIN person op ON op.id = s.owner_id " \
	"LEFT JOIN person dp ON dp.id = s.done_by "
#define ONB_STEP_NCOLS 19
/* Read the step at column first of the row; today decides overdue. */
void onb_read_step(struct db_stmt *st, int first, hop_date today, struct onb_step *out);

/* The step of a template (onboarding false) or an onboarding that key names
 * (its number or its title, case ignored): *step_id 0 when none. */
enum hop_status onb_step_find(struct hop_app *app, bool onboarding, int64_t parent,
                              const char *key, int64_t *step_id, int *position,
                              struct hop_err *err);
/* Steps of the template or onboarding parent at position pos and after move
 * by delta (+1 makes room at pos, -1 closes the gap before pos). */
enum hop_status onb_shift(struct hop_app *app, bool onboarding, int64_t parent, int pos,
                          int delta, struct hop_err *err);
/* How many steps parent has (dropped ones of an onboarding too). */
enum hop_status onb_step_count(struct hop_app *app, bool onboarding, int64_t parent, int *n,
                               struct hop_err *err);
/* Add a step to template template_id at position (steps there move on). */
enum hop_status tpl_insert_step(struct hop_app *app, int64_t template_id, int position,
                                const struct onb_step_spec *s, struct hop_err *err);
/* A template step's columns title, kind, owner, owner_id, offset_n,
 * offset_unit, in_office, mandatory, note bound from s at parameters first..
 * first + 8 of st (the other parameters already bound), then st run: the
 * conflict of a title taken, or the database error while what. */
enum hop_status tpl_write_step(struct hop_app *app, struct db_stmt *st, int first,
                               const struct onb_step_spec *s, const char *what,
                               struct hop_err *err);
/* Apply the given fields (enum onb_step_field) of in to s. */
void onb_spec_apply(struct onb_step_spec *s, unsigned fields, const struct onb_step_spec *in);

/* ---- onboardings ---- */

/* An onboarding with its person, mentor and step counts: the select, to be
 * followed by WHERE, then ONB_SUMMARY_GROUP; ?9 is today. */
#define ONB_SUMMARY_SELECT ONB_SUMMARY_HEAD ONB_SUMMARY_STEPS ONB_SUMMARY_TAIL \
	"LEFT JOIN onboarding_step s ON s.onboarding_id = o.id AND s.dropped_at IS NULL "
/* Its parts: the onboarding's and person's columns, the steps' (onboarding_list
 * reads those apart, in one pass over the steps), the rest and the joins. */
#define ONB_SUMMARY_HEAD "SELECT o.id, p.id, p.login, p.name, coalesce(p.email, ''), " \
	"coalesce(p.team_id, 0), coalesce(t.name, ''), p.roles, p.start_date, p.end_date, " \
	"o.template, o.start_on, o.state, coalesce(mp.login, ''), coalesce(mp.name, ''), " \
	"m.end_on, "
#define ONB_SUMMARY_STEPS "count(s.id), coalesce(sum(s.mandatory), 0), " \
	"coalesce(sum(CASE WHEN s.mandatory = 1 AND s.done_on IS NOT NULL THEN 1 ELSE 0 END), 0), " \
	"coalesce(sum(CASE WHEN s.done_on IS NOT NULL THEN 1 ELSE 0 END), 0), " \
	"coalesce(sum(CASE WHEN s.done_on IS NULL AND s.due_on < ?9 THEN 1 ELSE 0 END), 0), " \
	"min(CASE WHEN s.done_on IS NULL THEN s.due_on END), "
#define ONB_SUMMARY_TAIL "coalesce(o.closed_by, ''), " \
	"coalesce(o.close_note, ''), substr(o.closed_at, 1, 10), o.purpose = 'handover', " \
	"coalesce(ft.name, '') " \
	"FROM onboarding o JOIN person p ON p.id = o.person_id " \
	"LEFT JOIN team t ON t.id = p.team_id LEFT JOIN team ft ON ft.id = o.team_id " \
	"LEFT JOIN mentorship m ON m.id = (SELECT x.id FROM mentorship x " \
	"WHERE x.mentee_id = o.person_id AND x.cancelled_at IS NULL AND x.end_on >= ?9 " \
	"ORDER BY x.start_on LIMIT 1) " \
	"LEFT JOIN person mp ON mp.id = m.mentor_id "
#define ONB_SUMMARY_GROUP "GROUP BY o.id, p.id, t.id, ft.id, m.id, mp.id "
void onb_read_summary(struct db_stmt *st, hop_date today, struct onb_summary *out);
/* One onboarding by id. */
enum hop_status onb_summary_get(struct hop_app *app, int64_t id, struct onb_summary *out,
                                struct hop_err *err);
/* Make onboarding id done (closed by the actor, note may be NULL) if no
 * mandatory step is left open and it has one; *done says whether it did. */
enum hop_status onb_maybe_done(struct hop_app *app, int64_t id, bool *done,
                               struct hop_err *err);
/* The course of step id of an onboarding (onboarding true) or a template:
 * code "" names none; an unknown or retired course is refused. */
enum hop_status onb_step_course_write(struct hop_app *app, bool onboarding, int64_t id,
                                      const char *code, struct hop_err *err);
/* Add a step to onboarding id at position with its due day. */
enum hop_status onb_insert_step(struct hop_app *app, int64_t onboarding_id, int position,
                                const struct onb_step_spec *s, hop_date due, bool due_fixed,
                                struct hop_err *err);

/* Start an onboarding of nh from template t (steps), in the caller's
 * transaction: purpose "onboarding" or "handover", for team_id (0: the
 * person's own), due days from nh->p.start.  Refused when one of that
 * purpose is open.  Audit "onboarding.start". */
enum hop_status onb_start_in_tx(struct hop_app *app, const struct onb_newhire *nh,
                                const struct onb_template *t,
                                const struct onb_template_steps *steps, const char *purpose,
                                int64_t team_id, int64_t *id, struct hop_err *err);

/* ---- mentors ---- */

/* Whether m may mentor nh from `from` to `until` (the rules of mentor_assign,
 * capacity included, and nh without a mentor then): HOP_OK, or the refusal. */
enum hop_status onb_mentor_check(struct hop_app *app, const struct onb_newhire *nh,
                                 const struct hop_person *m, hop_date from, hop_date until,
                                 struct hop_err *err);
/* mentor_suggest for nh as given (its start the first day, team_id the team
 * joined), without the permission check. */
enum hop_status onb_suggest(struct hop_app *app, const struct onb_newhire *nh, int limit,
                            struct mentor_candidate_list *out, struct hop_err *err);
/* The period of a mentorship of nh when none is given: from the start date
 * (today once started) to the end of probation. */
void onb_mentor_period(struct hop_app *app, const struct onb_newhire *nh, hop_date *from,
                       hop_date *until);
/* The most mentorships that overlap one another within from..until among
 * starts/ends (n periods, inclusive): the load a mentor has then. */
int onb_max_overlap(const hop_date *starts, const hop_date *ends, size_t n, hop_date from,
                    hop_date until);
/* The longest stretch of working days (by cal) among the sorted away days
 * days[0..n): its length, and its first and last day. */
int onb_away_run(struct onb_cal *cal, const hop_date *days, size_t n, hop_date *first,
                 hop_date *last);
/* Make the mentorship (checked already), in the caller's transaction, and
 * place the new hire's talks with the mentor.  Audit "mentor.assign". */
enum hop_status onb_mentor_insert(struct hop_app *app, const struct onb_newhire *nh,
                                  const struct hop_person *mentor, hop_date from,
                                  hop_date until, const char *override, struct hop_err *err);

/* "person:LOGIN", the audit object of onboardings and mentorships. */
void onb_object(char *buf, size_t size, const char *login);

#endif
