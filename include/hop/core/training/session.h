/* Training sessions and enrolments (issue 13, TRN-1..TRN-4).
 *
 * A session is one run of a course: local start and end to the minute
 * (several days possible), in a hop room (booked for each day through the
 * booking rules, in the same transaction), online (a link) or elsewhere (a
 * place in words), with a capacity and a trainer.  People enrol: a course
 * that needs approval leaves the enrolment requested until the person's lead
 * or HR approves it; then, or at once, it takes a seat (booked) or, when the
 * seats are gone, a place on the waitlist (first come, first served).  A
 * booked seat given up promotes the first waiting person in the same
 * transaction.  The database refuses an overfilled session by itself.
 * Attendance and a result close an enrolment; passed or attended writes a
 * training record.  Nothing is deleted: cancelled sessions and enrolments
 * are kept with who and when, and every change is in the audit log.
 *
 * Who may: HR and admins keep sessions and attendance (the session's trainer
 * records attendance too); everyone enrols themselves; HR, admins and the
 * lead of the person's team enrol, cancel, approve and reject for them.  A
 * session's attendees are shown to HR, admins and its trainer. */
#ifndef HOP_TRAINING_SESSION_H
#define HOP_TRAINING_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/datetime.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/places/place.h"
#include "hop/core/training/course.h"

struct hop_app;

#define HOP_SESSION_URL_MAX 500
#define HOP_SESSION_LOCATION_MAX 200
#define HOP_SESSION_NOTE_MAX 500
#define HOP_SESSION_CAPACITY_MAX 1000
#define HOP_ENROL_WARNINGS_MAX 8
#define HOP_ENROL_WARNING_LEN 256

/* ---- the states of an enrolment ---- */

enum enrol_state {
	ENROL_REQUESTED,     /* waiting for approval */
	ENROL_APPROVED,      /* approved, not yet placed (transient) */
	ENROL_BOOKED,        /* holds a seat */
	ENROL_WAITLISTED,
	ENROL_ATTENDED,
	ENROL_PARTIAL,       /* attended in part */
	ENROL_NO_SHOW,
	ENROL_CANCELLED,
};
#define ENROL_STATE_COUNT 8
/* As stored ("no_show") and for people (translated: "Warteliste"). */
const char *enrol_state_name(enum enrol_state s);
const char *enrol_state_display(enum enrol_state s);
enum enrol_state enrol_state_from_text(const char *text);
/* Does a session's seat count this state (booked, attended, partial, no_show)? */
bool enrol_state_holds_seat(enum enrol_state s);

/* ---- sessions ---- */

struct trn_session {
	int64_t id;
	int64_t course_id;
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	enum trn_kind kind;
	bool needs_approval;
	struct hop_datetime start, end;
	int64_t room_id;                        /* 0 = not in a hop room */
	char room[HOP_CODE_MAX + 1];            /* its code */
	char room_name[HOP_PLACE_NAME_MAX + 1];
	char site[HOP_SITE_NAME_MAX + 1];       /* the room's site */
	int64_t site_id;
	char online_url[HOP_SESSION_URL_MAX + 1];        /* "" = none */
	char location[HOP_SESSION_LOCATION_MAX + 1];     /* "" = none */
	int capacity;
	int taken;                              /* seats held (enrol_state_holds_seat) */
	int free;                               /* capacity - taken, never below 0 */
	int waitlisted;
	int requested;                          /* waiting for approval */
	int64_t trainer_id;                     /* 0 = none or named only */
	char trainer_login[HOP_LOGIN_MAX + 1];  /* "" = none */
	char trainer[HOP_NAME_MAX + 1];         /* the trainer's name or trainer_name; "" */
	char note[HOP_SESSION_NOTE_MAX + 1];
	bool cancelled;
	int sequence;
	/* The acting user's own enrolment: mine false when none (cancelled
	 * ones do not count). */
	bool mine;
	enum enrol_state my_state;
	int my_position;                        /* waitlisted: 1 = next */
};
struct trn_session_list { struct trn_session *v; size_t n, cap; };
void trn_session_list_free(struct trn_session_list *l);

struct session_filter {
	const char *course;       /* code; NULL = every course */
	hop_date from;            /* sessions ending on or after; NONE = today */
	hop_date to;              /* starting on or before; NONE = open */
	bool all;                 /* cancelled ones too */
	bool free_only;           /* only those with a free seat */
};
/* Ordered by start, then id.  Readable by everyone registered. */
enum hop_status session_list(struct hop_app *app, const struct session_filter *f,
                             struct trn_session_list *out, struct hop_err *err);
/* One session by id, cancelled or not: HOP_ENOTFOUND "no session N". */
enum hop_status session_get(struct hop_app *app, int64_t id, struct trn_session *out,
                            struct hop_err *err);
/* The next session of course_id that is not cancelled, starts on or after
 * from and has a free seat; *found false when none.  For advice ("the next
 * session with a free seat is ..."). */
enum hop_status session_next_free(struct hop_app *app, int64_t course_id, hop_date from,
                                  struct trn_session *out, bool *found, struct hop_err *err);

/* A new session or the fields of a change.  For session_add every field
 * given is used; end.day HOP_DATE_NONE = start plus the course's hours on
 * the same day (else 09:00-16:00 of the start day).  room, online_url and
 * location exclude each other (room and link together are refused). */
struct session_spec {
	const char *course;                     /* code (add only) */
	struct hop_datetime start, end;
	int capacity;                           /* 1 .. HOP_SESSION_CAPACITY_MAX */
	const char *room;                       /* a room's code; NULL = none */
	const char *online_url;
	const char *location;
	const char *trainer_login;              /* a current person; NULL = none */
	const char *trainer_name;               /* a name in words (an outside trainer) */
	const char *note;
};
/* Which fields session_edit changes. */
enum session_field {
	SES_START = 1 << 0, SES_END = 1 << 1, SES_CAPACITY = 1 << 2,
	SES_PLACE = 1 << 3,        /* room, online_url and location together */
	SES_TRAINER = 1 << 4,      /* trainer_login and trainer_name together */
	SES_NOTE = 1 << 5,
};
/* Add a session: HR and admins.  A room is booked on each day from start to
 * end (a morning when it starts before 12:00, an afternoon when it ends
 * after 13:00; the attendees the capacity) through the booking rules; a
 * taken room refuses the session with the rules' words naming the day.
 * Audit "session.add".  *id the new session's. */
enum hop_status session_add(struct hop_app *app, const struct session_spec *s, int64_t *id,
                            struct hop_err *err);
/* Change the fields of s named in fields.  A change of times or room books
 * the room anew (the old bookings cancelled); fewer seats than are booked is
 * refused; more seats promote from the waitlist.  SEQUENCE grows.  Audit
 * "session.edit".  *promoted (may be NULL) how many moved up. */
enum hop_status session_edit(struct hop_app *app, int64_t id, const struct session_spec *s,
                             unsigned fields, int *promoted, struct hop_err *err);
/* Cancel: the session, its room bookings and its live enrolments (kept,
 * marked cancelled, SEQUENCE grows so that feeds show STATUS:CANCELLED).
 * reason required.  Audit "session.cancel".  *enrolments (may be NULL) how
 * many enrolments it cancelled. */
enum hop_status session_cancel(struct hop_app *app, int64_t id, const char *reason,
                               int *enrolments, struct hop_err *err);

/* ---- enrolments ---- */

struct trn_enrolment {
	int64_t id;
	int64_t session_id;
	int64_t person_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char team[HOP_TEAM_NAME_MAX + 1];       /* "" = none */
	enum enrol_state state;
	bool has_result;
	enum trn_result result;
	char queued_at[24];                     /* UTC "YYYY-MM-DDTHH:MM:SS..." */
	int position;                           /* waitlisted: 1 = next; else 0 */
	int sequence;
	/* The session, for a person's list. */
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	struct hop_datetime start, end;
	bool session_cancelled;
};
struct trn_enrolment_list { struct trn_enrolment *v; size_t n, cap; };
void trn_enrolment_list_free(struct trn_enrolment_list *l);

/* The enrolments of a session (cancelled ones with all), seat holders first,
 * then the waitlist in its order, then requests: HR, admins and the
 * session's trainer; others HOP_EPERM. */
enum hop_status session_attendees(struct hop_app *app, int64_t session_id, bool all,
                                  struct trn_enrolment_list *out, struct hop_err *err);
/* login's (NULL = the actor's) enrolments, by session start; past and
 * cancelled ones with all.  The person themselves, their lead, HR, admins. */
enum hop_status enrol_list_person(struct hop_app *app, const char *login, bool all,
                                  struct trn_enrolment_list *out, struct hop_err *err);

/* What an enrolment change did, for the front end to say. */
struct enrol_result {
	enum enrol_state state;                 /* the enrolment's state now */
	int position;                           /* waitlisted: 1 = next */
	int64_t enrolment_id;
	char login[HOP_LOGIN_MAX + 1];          /* whose enrolment */
	char name[HOP_NAME_MAX + 1];
	/* A seat given up moved the first waiting person up. */
	bool promoted;
	char promoted_login[HOP_LOGIN_MAX + 1];
	char promoted_name[HOP_NAME_MAX + 1];
	/* In-person days made office days (presence tie-in). */
	int office_days;
	/* Things worth saying that did not stop it ("planned away on ..."),
	 * complete translated sentences. */
	size_t nwarnings;
	char warnings[HOP_ENROL_WARNINGS_MAX][HOP_ENROL_WARNING_LEN];
};

/* Enrol login (NULL = the actor) in the session: requested when the course
 * needs approval (unless the actor may approve it: then at once), else
 * booked, or waitlisted when the seats are gone.  Refused for a cancelled
 * or past session, a retired course, or a live enrolment already there.
 * A booked in-person day at the person's own site becomes an office day
 * unless the person set something else; a day the person planned away is a
 * warning.  Audit "enrol.add". */
enum hop_status enrol_add(struct hop_app *app, int64_t session_id, const char *login,
                          struct enrol_result *res, struct hop_err *err);
/* Cancel login's live enrolment (not one already attended).  A seat given
 * up promotes the first on the waitlist in the same transaction
 * (res->promoted).  Audit "enrol.cancel" (and "enrol.promote"). */
enum hop_status enrol_cancel(struct hop_app *app, int64_t session_id, const char *login,
                             struct enrol_result *res, struct hop_err *err);
/* Approve (booked, or waitlisted when full) or reject (cancelled) login's
 * requested enrolment: the lead of the person's team, HR, admins.  Audit
 * "enrol.approve" / "enrol.reject". */
enum hop_status enrol_decide(struct hop_app *app, int64_t session_id, const char *login,
                             bool approve, const char *note, struct enrol_result *res,
                             struct hop_err *err);

/* ---- attendance ---- */

enum attend_mark { ATTEND_FULL, ATTEND_PARTIAL, ATTEND_NO_SHOW };
/* Record login's attendance of a session that has started: attended (with
 * result, has_result false = attended), partial (result allowed) or no-show
 * (no result).  A passed or attended result writes a training record (done
 * on the session's last day).  Only booked (or already marked) enrolments.
 * HR, admins, the trainer.  Audit "enrol.attend".  *record_id (may be NULL)
 * the record written, 0 = none. */
enum hop_status session_attend(struct hop_app *app, int64_t session_id, const char *login,
                               enum attend_mark mark, bool has_result, enum trn_result result,
                               int64_t *record_id, struct hop_err *err);

#endif
