/* Who must do which course (requirements) and who is excused (exemptions).
 * HR and admins keep both; nothing is deleted: a requirement is ended, an
 * exemption revoked, and both keep who did it and when.  The status under
 * them is status.h's. */
#ifndef HOP_TRAINING_REQUIREMENT_H
#define HOP_TRAINING_REQUIREMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"
#include "hop/core/training/course.h"

struct hop_app;

enum trn_scope { TRN_SCOPE_ALL, TRN_SCOPE_ROLE, TRN_SCOPE_TEAM, TRN_SCOPE_SITE,
                 TRN_SCOPE_PERSON };
#define TRN_SCOPE_COUNT 5
/* When a requirement first falls due for a person (db/sqlite/0008_training.sql). */
enum trn_trigger { TRN_TRIGGER_NONE, TRN_TRIGGER_START, TRN_TRIGGER_MOBILE,
                   TRN_TRIGGER_CHANGE };
#define TRN_TRIGGER_COUNT 4

/* As stored ("mobile"); and the words people may type: the English ones or
 * German (keiner, beginn, mobil, wechsel). */
const char *trn_scope_name(enum trn_scope s);
const char *trn_trigger_name(enum trn_trigger t);
enum hop_status trn_trigger_parse(const char *text, enum trn_trigger *t, struct hop_err *err);

#define TRN_WARN_DEFAULT 30
#define TRN_NOTE_MAX 500
#define TRN_REASON_MAX 500

struct trn_requirement_new {
	const char *course;          /* the course's code */
	enum trn_scope scope;
	unsigned role;               /* TRN_SCOPE_ROLE: one role bit */
	const char *team;            /* TRN_SCOPE_TEAM: name or slug */
	const char *site;            /* TRN_SCOPE_SITE: name */
	const char *person;          /* TRN_SCOPE_PERSON: login */
	int interval_months;         /* 0: the course's validity */
	int grace_days;
	int warn_days;               /* < 0: TRN_WARN_DEFAULT */
	enum trn_trigger trigger;
	bool calendar;               /* calendar-anchored from anchor_month-anchor_day */
	int anchor_month, anchor_day;
	hop_date from;               /* HOP_DATE_NONE: today */
	hop_date until;              /* HOP_DATE_NONE: open */
	const char *note;            /* may be NULL */
};

struct trn_requirement {
	int64_t id;
	int64_t course_id;
	char course[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	enum trn_scope scope;
	unsigned role;
	char who[HOP_TEAM_NAME_MAX + 1];  /* the team's name, site's name or person's login */
	int interval_months;              /* 0: the course's */
	bool calendar;
	int anchor_month, anchor_day;
	int grace_days, warn_days;
	enum trn_trigger trigger;
	hop_date from, until;             /* until HOP_DATE_NONE: open */
	bool ended;
};
struct trn_requirement_list {
	struct trn_requirement *v;
	size_t n, cap;
};
void trn_requirement_list_free(struct trn_requirement_list *l);

/* Add a requirement; HR and admins.  Audit "training.require"; *id the new one's. */
enum hop_status trn_require(struct hop_app *app, const struct trn_requirement_new *rq,
                            int64_t *id, struct hop_err *err);
/* The requirements in force (all: the ended ones too), by course code.
 * Everyone may read them: what is required is no secret. */
enum hop_status trn_requirements(struct hop_app *app, bool all,
                                 struct trn_requirement_list *out, struct hop_err *err);
/* End requirement id today (it is kept); HR and admins.  Audit "training.unrequire". */
enum hop_status trn_unrequire(struct hop_app *app, int64_t id, struct hop_err *err);

struct trn_exemption {
	int64_t id;
	int64_t requirement_id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	char course[HOP_COURSE_CODE_MAX + 1];
	char reason[TRN_REASON_MAX + 1];
	hop_date until;
	bool revoked;
};
struct trn_exemption_list {
	struct trn_exemption *v;
	size_t n, cap;
};
void trn_exemption_list_free(struct trn_exemption_list *l);

/* Excuse login from every requirement in force of the course code until
 * `until` (inclusive), for reason; HR and admins.  *count the exemptions
 * written (one per requirement).  Audit "training.exempt". */
enum hop_status trn_exempt(struct hop_app *app, const char *login, const char *code,
                           const char *reason, hop_date until, int *count,
                           struct hop_err *err);
/* The exemptions (all: the revoked and the past ones too), by course and
 * name.  HR and admins: a reason is personnel data. */
enum hop_status trn_exemptions(struct hop_app *app, bool all, struct trn_exemption_list *out,
                               struct hop_err *err);
/* Revoke exemption id; HR and admins.  Audit "training.unexempt". */
enum hop_status trn_exemption_revoke(struct hop_app *app, int64_t id, struct hop_err *err);

/* HR and admins keep requirements and exemptions (refusal says so). */
enum hop_status trn_authz_keep(const struct hop_app *app, struct hop_err *err);

#endif
