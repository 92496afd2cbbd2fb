/* What the enrolment files share inside src/core/training. */
#ifndef HOP_ENROL_INT_H
#define HOP_ENROL_INT_H

#include <stdarg.h>
#include "hop/core/training/session.h"

/* Add a warning sentence to res (dropped past HOP_ENROL_WARNINGS_MAX). */
void enrol_warn(struct enrol_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The presence tie-in for p's enrolment in s inside the caller's
 * transaction: days planned away become warnings in res; when booked, in
 * a room at p's own site, the working days without an entry become office
 * days (res->office_days). */
enum hop_status enrol_presence(struct hop_app *app, const struct trn_session *s,
                               const struct hop_person *p, bool booked,
                               struct enrol_result *res, struct hop_err *err);

#endif
