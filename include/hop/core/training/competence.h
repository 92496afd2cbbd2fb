/* Competences and self-assessed training needs (research TRN-10, X-3).
 *
 * A competence is an area a person can grow in (the demo: the ten DigComp
 * areas of the survey), with the survey's mean need as the benchmark.  People
 * state their own need per competence, 1 (very low) to 5 (very high), on a
 * day; every statement is kept and the latest counts.  A statement is seen by
 * the person and HR only; leads and HR see means of groups of at least
 * [privacy] min_group people, never one person's answer. */
#ifndef HOP_TRAINING_COMPETENCE_H
#define HOP_TRAINING_COMPETENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hop/base/date.h"
#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

#define HOP_COMPETENCE_CODE_MAX 32
#define HOP_COMPETENCE_NAME_MAX 120

struct trn_competence {
	int64_t id;
	char code[HOP_COMPETENCE_CODE_MAX + 1];
	char name[HOP_COMPETENCE_NAME_MAX + 1];
	int benchmark;            /* hundredths (289 = 2.89); 0 = none */
	int position;
	bool retired;
};
struct trn_competence_list {
	struct trn_competence *v;
	size_t n, cap;
};
void trn_competence_list_free(struct trn_competence_list *l);

/* "2.89" or "2,89" (1.00 to 5.00, at most two decimals) into hundredths. */
bool trn_benchmark_parse(const char *text, int *hundredths);
/* Hundredths as "2.89"; "" for 0.  buf holds 8 bytes. */
char *trn_benchmark_format(int hundredths, char *buf, size_t size);

/* The catalogue: HR and admins keep it.  benchmark 0 = none.  Audited
 * "competence.add", ".edit", ".retire". */
enum hop_status trn_competence_add(struct hop_app *app, const char *code, const char *name,
                                   int benchmark, struct hop_err *err);
/* name NULL = keep; benchmark -1 = keep, 0 = none.  changes (size bytes,
 * may be NULL) gets "name: a -> b; ..." or "" when nothing changed. */
enum hop_status trn_competence_edit(struct hop_app *app, const char *code, const char *name,
                                    int benchmark, char *changes, size_t size,
                                    struct hop_err *err);
enum hop_status trn_competence_retire(struct hop_app *app, const char *code,
                                      struct hop_err *err);
/* By code, any case, retired ones too. */
enum hop_status trn_competence_get(struct hop_app *app, const char *code,
                                   struct trn_competence *out, struct hop_err *err);
/* In catalogue order (position, then code); all: retired ones too.  Anyone. */
enum hop_status trn_competence_list(struct hop_app *app, bool all,
                                    struct trn_competence_list *out, struct hop_err *err);

/* ---- self-assessed needs ---- */

/* The acting person states their own need (1..5) for a competence on day
 * (HOP_DATE_NONE: today; not in the future).  Audited "need.state" without
 * the value: the audit log is read more widely than the statement may be. */
enum hop_status trn_need_state(struct hop_app *app, const char *competence, int need,
                               hop_date day, struct hop_err *err);

/* One statement. */
struct trn_need {
	char code[HOP_COMPETENCE_CODE_MAX + 1];
	char name[HOP_COMPETENCE_NAME_MAX + 1];
	int need;
	hop_date on;
	bool latest;              /* the one that counts for this competence */
};
struct trn_need_list {
	struct trn_need *v;
	size_t n, cap;
};
void trn_need_list_free(struct trn_need_list *l);

/* login's statements (NULL: the acting person's), by competence, newest
 * first: the person themself, HR and admins only. */
enum hop_status trn_needs_of(struct hop_app *app, const char *login, struct trn_need_list *out,
                             struct hop_err *err);

/* The mean need of a group per competence, against the benchmark. */
struct trn_need_mean {
	char code[HOP_COMPETENCE_CODE_MAX + 1];
	char name[HOP_COMPETENCE_NAME_MAX + 1];
	int benchmark;            /* hundredths; 0 = none */
	int n;                    /* people of the group who stated a need */
	int mean;                 /* hundredths; 0 when n < min_group (not shown) */
};
struct trn_need_report {
	struct trn_need_mean *v;
	size_t n, cap;
	int people;               /* the group's size */
	int min_group;
	char group[HOP_TEAM_NAME_MAX + 1];   /* the team's name, or "" for everyone */
};
void trn_need_report_free(struct trn_need_report *r);

/* The latest need each member states per competence, averaged: the members
 * of team (name or slug) on day, or with team NULL the teams the acting lead
 * leads (HR and admins: everyone).  A lead may ask for their own teams, HR
 * and admins for any; a group smaller than [privacy] min_group is refused
 * (HOP_EPERM, saying why). */
enum hop_status trn_needs_group(struct hop_app *app, const char *team, hop_date day,
                                struct trn_need_report *out, struct hop_err *err);

#endif
