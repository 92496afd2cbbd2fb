/* Need to know for training records: HR and admins keep the catalogue and
 * the records; a person sees their own history; a lead sees the status of
 * the team (status.h), never results. */
#ifndef HOP_TRN_AUTHZ_H
#define HOP_TRN_AUTHZ_H

#include "hop/base/err.h"
#include "hop/core/people/person.h"

struct hop_app;

/* May the actor change the catalogue? */
enum hop_status authz_course_manage(const struct hop_app *app, struct hop_err *err);
/* May the actor write or revoke training records? */
enum hop_status authz_record_manage(const struct hop_app *app, struct hop_err *err);
/* May the actor read person's records (results, certificates)? */
enum hop_status authz_record_see(const struct hop_app *app, const struct hop_person *person,
                                 struct hop_err *err);

#endif
