/* The facts behind the status (status_load.c), read for many people at
 * once with a fixed number of queries; status.c decides with them.  Private
 * to src/core/training. */
#ifndef HOP_TRN_STATUS_INT_H
#define HOP_TRN_STATUS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/core/training/requirement.h"
#include "hop/core/training/status.h"

struct st_req {
	int64_t id, course_id;
	char code[HOP_COURSE_CODE_MAX + 1];
	char title[HOP_COURSE_TITLE_MAX + 1];
	enum trn_kind kind;
	enum trn_scope scope;
	unsigned role;
	int64_t target;              /* the team, site or person of the scope */
	struct trn_rule rule;        /* months: the interval, else the course's validity */
	int grace, warn;
	enum trn_trigger trigger;
	hop_date from, until;
	size_t recs;                 /* index into st_facts.recs */
	size_t mobile;               /* trigger mobile: index into st_facts.mobile */
};

struct st_person {
	int64_t id;
	char login[HOP_LOGIN_MAX + 1];
	char name[HOP_NAME_MAX + 1];
	unsigned roles;
	hop_date start, end, minor_until;
	int64_t team_id;             /* on the day (on their start date if later) */
	int64_t site;                /* their fixed desk's site, else their team's; 0 */
	hop_date changed;            /* their latest change of team after the start; NONE */
	unsigned home_days;          /* weekday bits (1 << 1 Monday) of home or mobile defaults */
};

/* Pairs (person, day) in person order, then day. */
struct st_days {
	int64_t *pid;
	hop_date *day;
	size_t n, cap;
};

struct st_exempt {
	int64_t req, pid;
	hop_date until;
};

struct st_facts {
	hop_date day;
	struct st_req *req;
	size_t nreq, capreq;
	struct st_person *people;     /* by name */
	size_t npeople, cappeople;
	struct st_days *recs;          /* per distinct course: its completions */
	int64_t *recs_course;
	size_t nrecs;
	struct st_days *mobile;        /* per mobile requirement: first home day per person */
	size_t nmobile;
	struct st_exempt *ex;          /* by requirement, then person */
	size_t nex, capex;
};

/* Which people: one (person_id), else the members of team_id on the day
 * (0: everyone); course_id 0: every requirement. */
struct st_query {
	int64_t person_id, course_id, team_id;
	hop_date day;
};

enum hop_status st_load(struct hop_app *app, const struct st_query *q, struct st_facts *f,
                        struct hop_err *err);
void st_free(struct st_facts *f);

/* The slice of d for person pid: [*lo, *hi). */
void st_days_find(const struct st_days *d, int64_t pid, size_t *lo, size_t *hi);

#endif
