/* What the catalogue's files share with its commands (catalogue.c,
 * catalogue_list.c, course_csv.c).  Private to src/core/training. */
#ifndef HOP_TRN_CAT_H
#define HOP_TRN_CAT_H

#include <stdbool.h>
#include <stdint.h>
#include "hop/core/training/catalogue.h"

/* Is code in the comma-separated list (case ignored)? */
bool trn_competence_listed(const char *list, const char *code);
/* Write a checked course (competences normalised) inside the caller's
 * transaction: a new one (*id its id), or the fields of course id. */
enum hop_status trn_course_insert(struct hop_app *app, const struct trn_course_spec *s,
                                  int64_t *id, struct hop_err *err);
enum hop_status trn_course_update(struct hop_app *app, int64_t id,
                                  const struct trn_course_spec *s, struct hop_err *err);
/* The changes from o to n for the audit log ("" when none). */
void trn_course_diff(const struct trn_course_spec *o, const struct trn_course_spec *n,
                     char *detail, size_t size);
/* o with the fields of s that fields names. */
void trn_course_apply(struct trn_course_spec *o, unsigned fields,
                      const struct trn_course_spec *s);

#endif
